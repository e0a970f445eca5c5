/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench-startup.c — `hb-bench startup`: cold start of the real app to
 * its first frame.
 *
 * Each run starts `hebahan` as a new process with fresh configuration and
 * data folders (no recent files, no draft to recover), so it does all the
 * work of a first start: loading GTK and libadwaita, the CSS, the policy
 * pack (in a worker), building the window.  The app, asked by
 * HB_REPORT_FIRST_FRAME, prints the monotonic time at the end of its first
 * frame and quits; the run's time is from just before the spawn to then.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "hb-bench.h"

#define RUNS 7

static char **
startup_environment (const char *home)
{
  char **env = g_get_environ ();
  const char *dirs[][2] = {
    { "XDG_CONFIG_HOME", "config" }, { "XDG_DATA_HOME", "data" }, { "XDG_STATE_HOME", "state" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      env = g_environ_setenv (env, dirs[i][0], dir, TRUE);
    }
  env = g_environ_setenv (env, "HB_REPORT_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", HB_BUILD_SCHEMA_DIR, FALSE);
  env = g_environ_setenv (env, "GDK_BACKEND", "x11", FALSE);
  /* As in the other GUI benchmarks: Xvfb has no GPU. */
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", FALSE);
  return env;
}

/* One start; returns microseconds to the first frame, or -1. */
static gint64
one_start (const char *home)
{
  g_auto(GStrv) env = startup_environment (home);
  const char *argv[] = { HB_BUILD_APP_PATH, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 started = g_get_monotonic_time ();
  const char *line;
  GPid pid;
  int out_fd, status;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("hb-bench: %s\n", error->message);
      return -1;
    }
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (out_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &out, NULL, NULL);
  }
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  line = out ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    {
      g_printerr ("hb-bench: the app did not report a first frame\n");
      return -1;
    }
  return g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10) - started;
}

int
hb_bench_startup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("hb-bench-start-XXXXXX", &error);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first = -1;

  if (home == NULL)
    {
      g_printerr ("hb-bench: %s\n", error->message);
      return 2;
    }
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 us = one_start (home);

      if (us < 0)
        return 2;
      if (run == 0)
        first = us;
      us *= 1000;  /* the percentile helper takes nanoseconds */
      g_array_append_val (samples, us);
    }
  hb_bench_remove_tree (home);
  g_array_sort (samples, hb_bench_compare_i64);
  g_print ("{\"bench\":\"startup\",\"runs\":%u,\"median_ms\":%.1f,\"min_ms\":%.1f,\"max_ms\":%.1f,"
           "\"first_run_ms\":%.1f}\n", samples->len, hb_bench_percentile_ms (samples, 0.5),
           hb_bench_percentile_ms (samples, 0.0), hb_bench_percentile_ms (samples, 1.0), first / 1e3);
  return 0;
}
