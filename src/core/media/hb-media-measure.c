/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-measure.c — the one place a post's photos and videos are
 * measured, for the window and the command line alike: whatever lints,
 * checks or exports a draft sees the same sizes, lengths and quality
 * flags, and the same error for a file that cannot be read.
 *
 * Photos go through hb_media_load() (size, quality); videos through
 * GStreamer's discoverer (size in pixels, duration).  The window only
 * *shows* a video with GtkMediaFile; it never measures one, because a file
 * that GTK's player opens and the discoverer does not (or in a different
 * time, or with another length) would give the window and hebahan-cli two
 * verdicts on the same draft.
 *
 * hb_post_measure_media() blocks (the CLI); hb_media_item_measure_async()
 * runs the same measuring in a worker and records it on the item back on
 * the caller's thread, where the item's notifications are safe to emit. */
#include "config.h"

#include "hb-media-measure.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include "hb-error.h"
#include "hb-media.h"

/* A video that neither opens nor fails within this time is reported as
 * damaged rather than waited for. */
#define VIDEO_TIMEOUT_SECONDS 20

/* @message: (transfer full): what the officer reads */
static gboolean
video_error (GError    **error,
             const char *path,
             char       *message,
             GError     *detail)
{
  /* GStreamer's own text is for developers: logged, not shown. */
  if (detail)
    g_debug ("%s: %s", path, detail->message);
  g_set_error_literal (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE, message);
  g_free (message);
  return FALSE;
}

static gboolean
measure_video (const char          *path,
               HbMediaMeasurements *m,
               GError             **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  GstDiscovererResult result = GST_DISCOVERER_ERROR;
  GList *streams;

  if (gst_init_check (NULL, NULL, &local_error) &&
      (discoverer = gst_discoverer_new (VIDEO_TIMEOUT_SECONDS * GST_SECOND, &local_error)) != NULL &&
      (uri = g_filename_to_uri (path, NULL, &local_error)) != NULL &&
      (info = gst_discoverer_discover_uri (discoverer, uri, &local_error)) != NULL)
    result = gst_discoverer_info_get_result (info);
  if (result == GST_DISCOVERER_TIMEOUT)
    return video_error (error, path, g_strdup_printf (_("“%s” did not open in time; it may be damaged"), name),
                        local_error);
  if (result != GST_DISCOVERER_OK)
    return video_error (error, path, g_strdup_printf (_("“%s” is a video Hebahan cannot play"), name),
                        local_error);

  m->duration = (gint64) (gst_discoverer_info_get_duration (info) / GST_USECOND);
  streams = gst_discoverer_info_get_video_streams (info);
  if (streams)
    {
      GstDiscovererVideoInfo *video = streams->data;

      m->width = (int) gst_discoverer_video_info_get_width (video);
      m->height = (int) gst_discoverer_video_info_get_height (video);
    }
  gst_discoverer_stream_info_list_free (streams);
  if (m->width <= 0 || m->height <= 0)
    return video_error (error, path, g_strdup_printf (_("“%s” has no picture to show"), name),
                        NULL);
  return TRUE;
}

/* A photo's measurements are what the loader found.  The digest is not
 * among them: export compares the file with the one the draft records,
 * and must still notice one that is missing. */
static void
photo_measurements (const HbMediaInfo   *info,
                    HbMediaMeasurements *m)
{
  *m = (HbMediaMeasurements) {
    .width = info->width,
    .height = info->height,
    .size = info->size,
    .blur_score = info->quality.blur_score,
    .blurry = info->quality.blurry,
    .underexposed = info->quality.underexposed,
    .overexposed = info->quality.overexposed,
  };
}

/* Thread-safe: reads only the file at @path.  @recorded: the digest the
 * post records for it, or %NULL. */
static gboolean
measure_path (const char          *path,
              const char          *recorded,
              HbMediaMeasurements *m,
              GCancellable        *cancellable,
              GError             **error)
{
  /* The smallest thumbnail: nothing here shows it.  The quality is
   * measured on the same decoded size whatever the thumbnail's. */
  g_autoptr(HbMediaInfo) info = hb_media_load (path, 16, cancellable, error);

  if (info == NULL || !hb_media_check_digest (path, recorded, info->sha256, error))
    return FALSE;
  if (info->kind != HB_MEDIA_VIDEO)
    {
      photo_measurements (info, m);
      return TRUE;
    }
  *m = (HbMediaMeasurements) { .size = info->size };
  return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         measure_video (path, m, error);
}

/* What the window and the CLI keep of a measuring: the measurements, or
 * the reason there are none. */
static void
record (HbMediaItem               *item,
        const HbMediaMeasurements *m,
        const GError              *error)
{
  if (m)
    {
      hb_media_item_set_measurements (item, m);
      hb_media_item_set_error (item, NULL);
    }
  else
    hb_media_item_set_error (item, error->message);
}

/**
 * hb_media_item_measure_from_load:
 * @info: what hb_media_load() read from @item's file
 *
 * Records a photo's measurements from a load made anyway (the window's
 * tile decodes the photo for its thumbnail), exactly as measuring it would
 * record them — the quality is measured on the same decoded size whatever
 * the thumbnail's — so the photo is not decoded a second time.  A video
 * is left alone: only the discoverer measures one.
 *
 * Returns: %TRUE if @item is now measured
 */
gboolean
hb_media_item_measure_from_load (HbMediaItem       *item,
                                 const HbMediaInfo *info)
{
  HbMediaMeasurements m;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HB_IS_MEDIA_ITEM (item), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->kind == HB_MEDIA_VIDEO)
    return FALSE;
  if (!hb_media_check_digest (hb_media_item_get_path (item), hb_media_item_get_sha256 (item), info->sha256, &error))
    {
      record (item, NULL, error);
      return FALSE;
    }
  photo_measurements (info, &m);
  record (item, &m, NULL);
  return TRUE;
}

/**
 * hb_post_measure_media:
 *
 * Measures every photo and video of @post not measured yet.  One that
 * cannot be read keeps its error (hb_media_item_get_error()) and is left
 * unmeasured, as the window leaves it.  Blocks: for the command line.
 *
 * Returns: how many items could not be measured
 */
guint
hb_post_measure_media (HbPost       *post,
                       GCancellable *cancellable)
{
  GListModel *media;
  guint failed = 0;

  g_return_val_if_fail (HB_IS_POST (post), 0);

  media = G_LIST_MODEL (hb_post_get_media (post));
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);
      g_autoptr(GError) error = NULL;
      HbMediaMeasurements m;

      if (hb_media_item_get_loaded (item))
        continue;
      if (measure_path (hb_media_item_get_path (item), hb_media_item_get_sha256 (item), &m, cancellable, &error))
        record (item, &m, NULL);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return failed + 1;  /* a stop asked for, nothing wrong with the file */
      else
        {
          record (item, NULL, error);
          failed++;
        }
    }
  return failed;
}

static void
measure_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  char **file = task_data;  /* its path and recorded digest ("" for none) */
  HbMediaMeasurements *m = g_new0 (HbMediaMeasurements, 1);
  GError *error = NULL;

  if (measure_path (file[0], file[1], m, cancellable, &error))
    g_task_return_pointer (task, m, g_free);
  else
    {
      g_free (m);
      g_task_return_error (task, error);
    }
}

/**
 * hb_media_item_measure_async:
 *
 * Measures @item as hb_post_measure_media() does, in a worker thread.
 * hb_media_item_measure_finish() records the result on the item.
 */
void
hb_media_item_measure_async (HbMediaItem         *item,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HB_IS_MEDIA_ITEM (item));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (item, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_media_item_measure_async);
  /* The worker never touches the item, whose notifications belong to
   * this thread: it gets the path and the recorded digest. */
  g_task_set_task_data (task, g_strdupv ((char *[]) { (char *) hb_media_item_get_path (item),
                                                       (char *) (hb_media_item_get_sha256 (item) ?
                                                                 hb_media_item_get_sha256 (item) : ""),
                                                       NULL }),
                        (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, measure_thread);
}

/**
 * hb_media_item_measure_finish:
 *
 * Records on @item what the worker measured (its measurements, "loaded"
 * and no error), or the error that says why the file cannot be used,
 * which is also returned.  A cancelled measuring records nothing.
 *
 * Returns: %TRUE if @item is now measured
 */
gboolean
hb_media_item_measure_finish (HbMediaItem   *item,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_autofree HbMediaMeasurements *m = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HB_IS_MEDIA_ITEM (item), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, item), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_media_item_measure_async, FALSE);

  m = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (m == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  record (item, m, local_error);
  if (m == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
