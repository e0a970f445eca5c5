/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench-export.c — `hb-bench export`: the ready-to-post bundle of a
 * post with the thirty 24-megapixel photos of `hb-bench media`, written as
 * a .zip through hb_bundle_export(), exactly as the Export button and
 * `hebahan-cli export` write it (photos re-encoded with orientation
 * applied and metadata removed, captions, sign-off sheet, SHA256SUMS).
 *
 * The post is tests/fixtures/complete.hebahan with its media replaced;
 * its checklist is answered here, as an officer would before exporting.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "hb-bench.h"
#include "hb-bundle.h"
#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-media-item.h"
#include "hb-post-lint.h"

#define RUNS 3

static void
use_photos (HbPost    *post,
            GPtrArray *paths)
{
  GListStore *media = hb_post_get_media (post);

  g_list_store_remove_all (media);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(HbMediaItem) item = hb_media_item_new (paths->pdata[i]);
      g_autofree char *alt = g_strdup_printf ("Gambar %u: majlis di Dewan Bandaran Kulim", i + 1);

      hb_media_item_set_alt_text (item, alt);
      g_list_store_append (media, item);
    }
}

/* Confirms what an officer would confirm, and overrides failing auto
 * items (thirty photos are over some platforms' limits) with a reason. */
static gboolean
answer_checklist (HbPolicy *policy,
                  HbPost   *post,
                  GError  **error)
{
  g_autoptr(GPtrArray) findings = hb_post_lint (policy, post, error);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *today = g_date_time_format (g_date_time_new_now_local (), "%F");
  const char *dates[] = { today, NULL };

  if (findings == NULL)
    return FALSE;
  statuses = hb_checklist_evaluate (policy, post, findings, HB_LANG_EN);
  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];
      gboolean ok = TRUE;

      if (s->complete)
        continue;
      if (s->item->kind == HB_CHECK_CONFIRM)
        ok = hb_checklist_confirm (post, policy, s->item->id, "Benchmark", "Checked for the benchmark",
                                   g_strcmp0 (s->item->evidence, "dates") == 0 ? dates : NULL, error);
      else
        ok = hb_checklist_override (post, policy, s->item->id, "Benchmark",
                                    "The benchmark exports more photos than some platforms take", error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static HbPost *
benchmark_post (HbPolicy  *policy,
                GPtrArray *paths,
                GError   **error)
{
  g_autoptr(GFile) fixture = g_file_new_build_filename (HB_SOURCE_ROOT, "tests", "fixtures",
                                                        "complete.hebahan", NULL);
  g_autoptr(HbPost) post = hb_draft_load (fixture, NULL, error);

  if (post == NULL)
    return NULL;
  use_photos (post, paths);
  if (!answer_checklist (policy, post, error))
    return NULL;
  return g_steal_pointer (&post);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

int
hb_bench_export (const char *self_path)
{
  g_autoptr(GPtrArray) paths = hb_bench_media_photos (self_path);
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPost) post = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hb-bench-export-XXXXXX", &error);
  gint64 bytes = 0;

  if (paths == NULL || dir == NULL || !(post = benchmark_post (policy, paths, &error)))
    {
      g_printerr ("hb-bench: %s\n", error ? error->message : "no photos");
      return 2;
    }
  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *name = g_strdup_printf ("run-%u.zip", run);
      g_autofree char *dest = g_build_filename (dir, name, NULL);
      gint64 t0 = hb_bench_now_ns (), dt;

      if (!hb_bundle_export (policy, post, dest, NULL, NULL, NULL, NULL, &error))
        {
          g_printerr ("hb-bench: export failed: %s\n", error->message);
          return 2;
        }
      dt = hb_bench_now_ns () - t0;
      g_array_append_val (samples, dt);
      bytes = file_size (dest);
      g_unlink (dest);
    }
  g_rmdir (dir);
  g_array_sort (samples, hb_bench_compare_i64);
  g_print ("{\"bench\":\"export\",\"photos\":%u,\"median_ms\":%.1f,\"min_ms\":%.1f,\"runs\":%u,"
           "\"zip_mb\":%.1f}\n", paths->len, hb_bench_percentile_ms (samples, 0.5),
           hb_bench_percentile_ms (samples, 0.0), samples->len, bytes / 1048576.0);
  return 0;
}
