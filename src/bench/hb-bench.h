/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench.h — timing helpers shared by the benchmark modes. */
#pragma once

#include <glib.h>

gint64 hb_bench_now_ns        (void);
int    hb_bench_compare_i64   (gconstpointer a,
                               gconstpointer b);
double hb_bench_percentile_ms (GArray       *samples,
                               double        p);
void   hb_bench_remove_tree   (const char   *path);
int    hb_bench_typing        (const char   *path);
int    hb_bench_media         (const char   *self_path);
int    hb_bench_media_generate (const char  *dir);
GPtrArray *hb_bench_media_photos (const char *self_path);
int    hb_bench_export        (const char   *self_path);
int    hb_bench_startup       (void);
int    hb_bench_all           (const char   *self_path);
int    hb_bench_lint_hostile  (void);
int    hb_bench_corpus        (int           argc,
                               char        **argv);
