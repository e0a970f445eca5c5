/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench-hostile.c — `hb-bench lint-hostile`: linting text shaped to
 * cost the most, at 1 MB and 10 MB, once each (they are too slow to repeat
 * when something regresses to quadratic time):
 *
 *   no-sentence   clean council prose with no full stop at all
 *   hits          a pair of words that meet a co-occurrence rule, repeated
 *                 in one sentence (each hit needs the other in its sentence)
 *   long-line     one line of capitals and lower case in turns (the caps
 *                 rule asks about the line for every run)
 *   masks         masked and spelt-out words (the obfuscation paths)
 *
 * Prints one JSON line per case with the seconds of CPU and the peak RSS. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "hb-bench.h"
#include "hb-linter.h"

typedef struct
{
  const char *name;
  const char *unit;
} Shape;

static const Shape shapes[] = {
  { "no-sentence", "majlis perbandaran kulim mengadakan program gotong royong bersama penduduk " },
  { "hits", "raja itu bodoh dan hina " },
  { "long-line", "NOTIS PENTING kepada semua PENDUDUK TAMAN selasih " },
  { "masks", "b-o-d-o-h f**k F..k b0d0h #tolakumno " },
};

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
bench_one (HbPolicy    *policy,
           const Shape *shape,
           gsize        size)
{
  g_autoptr(GString) text = g_string_sized_new (size + 64);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  double t0;

  while (text->len < size)
    g_string_append (text, shape->unit);
  t0 = cpu_seconds ();
  findings = hb_lint (policy, text->str, text->len, &error);
  if (findings == NULL)
    {
      g_printerr ("hb-bench: %s\n", error->message);
      return 2;
    }
  g_print ("{\"bench\":\"lint-hostile\",\"shape\":\"%s\",\"bytes\":%zu,\"findings\":%u,\"cpu_s\":%.3f,"
           "\"peak_rss_mb\":%.0f}\n", shape->name, text->len, findings->len, cpu_seconds () - t0,
           peak_rss_kb () / 1024.0);
  return 0;
}

int
hb_bench_lint_hostile (void)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  const gsize sizes[] = { 1024 * 1024, 10 * 1024 * 1024 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
      if (bench_one (policy, &shapes[i], sizes[s]) != 0)
        return 2;
  return 0;
}
