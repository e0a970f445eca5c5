/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench-all.c — `hb-bench all`: every benchmark, each in a process of
 * its own (so one mode's memory or threads never touch another's
 * figures), then one Markdown table with the machine it ran on, ready for
 * docs/benchmarks.md.  GUI modes need X11: run it under xvfb-run.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-bench.h"

typedef struct
{
  const char *label;     /* the table's first column */
  const char *argv[3];   /* mode and argument; "@lint-large" etc. are input files */
} Mode;

static const Mode modes[] = {
  { "Lint, 63,206 characters", { "lint", "post-63206.txt" } },
  { "Lint, 2,200 characters", { "lint", "caption-2200.txt" } },
  { "Typing, 63,206-character post", { "typing", "post-63206.txt" } },
  { "Media, 30 photos of 24 MP", { "media" } },
  { "Export, 30 photos of 24 MP", { "export" } },
  { "Cold start to first frame", { "startup" } },
};

static char *
machine_description (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;
  char *line;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
      (line = strstr (cpuinfo, "model name")) && (line = strchr (line, ':')))
    model = g_strstrip (g_strndup (line + 1, strcspn (line + 1, "\n")));
  return g_strdup_printf ("%s, %u cores", model ? model : "unknown CPU", g_get_num_processors ());
}

static JsonObject *
run_mode (const char *self_path,
          const Mode *mode)
{
  g_autofree char *input = NULL;
  const char *argv[4] = { self_path, mode->argv[0], NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;

  if (mode->argv[1])
    argv[2] = input = g_build_filename (HB_SOURCE_ROOT, "tests", "bench", mode->argv[1], NULL);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      !json_parser_load_from_data (parser, out, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_printerr ("hb-bench: %s failed: %s\n", mode->argv[0], error ? error->message : "no result");
      return NULL;
    }
  g_print ("%s", out);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static double
number (JsonObject *result,
        const char *member)
{
  return json_object_get_double_member_with_default (result, member, -1);
}

/* The figures that matter for each mode, and its target. */
static char *
describe (JsonObject *r,
          char      **target)
{
  const char *bench = json_object_get_string_member (r, "bench");

  if (strcmp (bench, "lint") == 0)
    {
      *target = g_strdup (number (r, "chars") > 10000 ? "—" : "< 10 ms");
      return g_strdup_printf ("median %.2f ms, p99 %.2f ms", number (r, "median_ms"), number (r, "p99_ms"));
    }
  if (strcmp (bench, "typing") == 0)
    {
      *target = g_strdup ("p99 < 16 ms");
      return g_strdup_printf ("median %.1f ms, p99 %.1f ms", number (r, "median_ms"), number (r, "p99_ms"));
    }
  if (strcmp (bench, "media") == 0)
    {
      *target = g_strdup ("≤ 150 ms, ≤ 4 s, ≤ 16 ms, ≤ 300 MB");
      return g_strdup_printf ("first thumbnail %.0f ms, all done %.2f s, longest stall %.1f ms, "
                              "peak RSS %.0f MB", number (r, "first_thumbnail_ms"),
                              number (r, "all_done_ms") / 1000, number (r, "max_stall_ms"),
                              number (r, "peak_rss_mb"));
    }
  if (strcmp (bench, "export") == 0)
    {
      *target = g_strdup ("—");
      return g_strdup_printf ("median %.2f s (%.0f MB zip)", number (r, "median_ms") / 1000,
                              number (r, "zip_mb"));
    }
  *target = g_strdup ("≤ 400 ms");
  return g_strdup_printf ("median %.0f ms (first run %.0f ms)", number (r, "median_ms"),
                          number (r, "first_run_ms"));
}

int
hb_bench_all (const char *self_path)
{
  g_autofree char *machine = machine_description ();
  g_autoptr(GString) table = g_string_new (NULL);
  int status = 0;

  g_string_append_printf (table, "\nMachine: %s; Xvfb, GSK_RENDERER=cairo.\n\n"
                          "| Benchmark | Result | Target |\n|---|---|---|\n", machine);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(JsonObject) result = run_mode (self_path, &modes[i]);
      g_autofree char *target = NULL;
      g_autofree char *figures = NULL;

      if (result == NULL)
        {
          g_string_append_printf (table, "| %s | failed | |\n", modes[i].label);
          status = 2;
          continue;
        }
      figures = describe (result, &target);
      g_string_append_printf (table, "| %s | %s | %s |\n", modes[i].label, figures, target);
    }
  g_print ("%s", table->str);
  return status;
}
