/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench.c — benchmarks of the real code paths, one JSON line per mode.
 *
 *   hb-bench lint FILE     lint FILE in-process, policy loaded once
 *   hb-bench lint-post FILE  the same for a whole post with FILE as its
 *                          body, on every platform (hb_post_lint)
 *   hb-bench typing FILE   type into the real window's body editor holding
 *                          FILE (X11, e.g. under xvfb-run), from key event
 *                          to updated underlines (hb-bench-typing.c)
 *   hb-bench media         30 photos of 24 megapixels into the real media
 *                          grid (X11): first thumbnail, all done, longest
 *                          main-loop stall, peak RSS (hb-bench-media.c)
 *   hb-bench export        the bundle of a post with those 30 photos, as a
 *                          .zip (hb-bench-export.c)
 *   hb-bench startup       the real app's cold start to its first frame
 *                          (X11; hb-bench-startup.c)
 *   hb-bench all           every mode, then a table (hb-bench-all.c)
 *   hb-bench lint-hostile  text shaped to cost the most, 1 MB and 10 MB
 *                          (hb-bench-hostile.c)
 *   hb-bench corpus PATH…  the linter's evaluation report on labelled
 *                          corpora (hb-bench-corpus.c)
 *
 * Timings use the monotonic clock around the call being measured only; the
 * policy load and the file read are outside the loop.
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>
#include <time.h>

#include "hb-bench.h"
#include "hb-linter.h"
#include "hb-policy.h"
#include "hb-post-lint.h"

#define MIN_RUNS    50
#define MAX_RUNS    20000
#define BUDGET_NS   (2 * G_GINT64_CONSTANT (1000000000))

gint64
hb_bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int
hb_bench_compare_i64 (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

double
hb_bench_percentile_ms (GArray *samples,
                        double  p)
{
  guint i = (guint) (p * (samples->len - 1) + 0.5);

  return g_array_index (samples, gint64, i) / 1e6;
}

/* One lint of @input; NULL (with @error set) when it fails. */
typedef GPtrArray *(*LintRun) (HbPolicy  *policy,
                               gpointer   input,
                               GError   **error);

static GPtrArray *
run_lint (HbPolicy  *policy,
          gpointer   input,
          GError   **error)
{
  const GString *text = input;

  return hb_lint (policy, text->str, text->len, error);
}

/* The whole post, as the window lints it: snapshot, caption, every
 * platform's counts and tags, links, post rules. */
static GPtrArray *
run_post_lint (HbPolicy  *policy,
               gpointer   input,
               GError   **error)
{
  return hb_post_lint (policy, input, error);
}

/* A post whose body is @text, published on every platform, so that each
 * platform's count and hashtag and mention limits are checked. */
static HbPost *
post_with_body (const char *text)
{
  HbPost *post = hb_post_new ();

  hb_post_set_field (post, HB_FIELD_BODY, text);
  hb_post_set_platforms (post, hb_platform_ids ());
  return post;
}

static int
bench_lint (const char *mode,
            const char *path)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) text = NULL;
  g_autoptr(HbPost) post = NULL;
  g_autofree char *contents = NULL;
  gboolean whole_post = strcmp (mode, "lint-post") == 0;
  LintRun run = whole_post ? run_post_lint : run_lint;
  gpointer input;
  gsize len = 0;
  gint64 started;
  guint n_findings = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_printerr ("hb-bench: %s\n", error->message);
      return 2;
    }
  text = g_string_new_len (contents, len);
  if (whole_post)
    post = post_with_body (text->str);
  input = whole_post ? (gpointer) post : (gpointer) text;

  started = hb_bench_now_ns ();
  while (samples->len < MAX_RUNS && (samples->len < MIN_RUNS || hb_bench_now_ns () - started < BUDGET_NS))
    {
      gint64 t0 = hb_bench_now_ns (), dt;
      g_autoptr(GPtrArray) findings = run (policy, input, &error);

      dt = hb_bench_now_ns () - t0;
      if (findings == NULL)
        {
          g_printerr ("hb-bench: %s\n", error->message);
          return 2;
        }
      n_findings = findings->len;
      g_array_append_val (samples, dt);
    }
  g_array_sort (samples, hb_bench_compare_i64);
  g_print ("{\"bench\":\"%s\",\"chars\":%ld,\"findings\":%u,\"median_ms\":%.4f,\"p99_ms\":%.4f,\"runs\":%u}\n",
           mode, g_utf8_strlen (text->str, text->len), n_findings,
           hb_bench_percentile_ms (samples, 0.5), hb_bench_percentile_ms (samples, 0.99), samples->len);
  return 0;
}

/* Removes @path and everything under it (the benchmarks' temporary
 * folders). */
void
hb_bench_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);
  GFileInfo *info;

  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      g_autofree char *child_path = g_file_get_path (child);

      hb_bench_remove_tree (child_path);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (argc == 3 && (strcmp (argv[1], "lint") == 0 || strcmp (argv[1], "lint-post") == 0))
    return bench_lint (argv[1], argv[2]);
  if (argc == 3 && strcmp (argv[1], "typing") == 0)
    return hb_bench_typing (argv[2]);
  if (argc == 2 && strcmp (argv[1], "media") == 0)
    return hb_bench_media (argv[0]);
  if (argc == 3 && strcmp (argv[1], "media-generate") == 0)
    return hb_bench_media_generate (argv[2]);
  if (argc == 2 && strcmp (argv[1], "export") == 0)
    return hb_bench_export (argv[0]);
  if (argc == 2 && strcmp (argv[1], "startup") == 0)
    return hb_bench_startup ();
  if (argc == 2 && strcmp (argv[1], "all") == 0)
    return hb_bench_all (argv[0]);
  if (argc == 2 && strcmp (argv[1], "lint-hostile") == 0)
    return hb_bench_lint_hostile ();
  if (argc >= 2 && strcmp (argv[1], "corpus") == 0)
    return hb_bench_corpus (argc - 2, argv + 2);
  g_printerr ("Usage: hb-bench lint FILE\n       hb-bench lint-post FILE\n       hb-bench typing FILE\n       hb-bench media\n"
              "       hb-bench export\n       hb-bench startup\n       hb-bench all\n"
              "       hb-bench lint-hostile\n"
              "       hb-bench corpus [--details] [--dump FILE] PATH…\n");
  return 2;
}
