/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-measure.c — measures a post's photos and videos as the window's
 * media tiles do (hb-media-tile.c), for callers without a window: the
 * command line lints, checks and exports a draft with the same media
 * findings the window shows.
 *
 * Photos go through hb_media_load() (digest, size, quality); videos through
 * GStreamer's discoverer (size in pixels, duration), where the window asks
 * GtkMediaFile.  Blocking: call it from a worker, or from the CLI. */
#include "config.h"

#include "hb-media-measure.h"

#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include "hb-media.h"

/* As long as the window waits for a video to open (PROBE_TIMEOUT_SECONDS). */
#define VIDEO_TIMEOUT_SECONDS 15

static gboolean
measure_video (const char          *path,
               HbMediaMeasurements *m,
               GError             **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autofree char *uri = NULL;
  GList *streams;

  if (!gst_init_check (NULL, NULL, error) ||
      (discoverer = gst_discoverer_new (VIDEO_TIMEOUT_SECONDS * GST_SECOND, error)) == NULL ||
      (uri = g_filename_to_uri (path, NULL, error)) == NULL ||
      (info = gst_discoverer_discover_uri (discoverer, uri, error)) == NULL)
    return FALSE;
  m->duration = (gint64) (gst_discoverer_info_get_duration (info) / GST_USECOND);
  streams = gst_discoverer_info_get_video_streams (info);
  if (streams)
    {
      GstDiscovererVideoInfo *video = streams->data;

      m->width = (int) gst_discoverer_video_info_get_width (video);
      m->height = (int) gst_discoverer_video_info_get_height (video);
    }
  gst_discoverer_stream_info_list_free (streams);
  return TRUE;
}

static gboolean
measure_item (HbMediaItem  *item,
              GCancellable *cancellable,
              GError      **error)
{
  /* The smallest thumbnail: nothing here shows it. */
  g_autoptr(HbMediaInfo) info = hb_media_load (hb_media_item_get_path (item), 16, cancellable, error);
  HbMediaMeasurements m = { 0 };

  if (info == NULL)
    return FALSE;
  /* The digest is not recorded here: export compares the file with the
   * one the draft records, and must still notice one that is missing. */
  m.size = info->size;
  if (info->kind == HB_MEDIA_VIDEO)
    {
      if (!measure_video (hb_media_item_get_path (item), &m, error))
        return FALSE;
    }
  else
    {
      m.width = info->width;
      m.height = info->height;
      m.blur_score = info->quality.blur_score;
      m.blurry = info->quality.blurry;
      m.underexposed = info->quality.underexposed;
      m.overexposed = info->quality.overexposed;
    }
  hb_media_item_set_measurements (item, &m);
  return TRUE;
}

/**
 * hb_post_measure_media:
 *
 * Measures every photo and video of @post not measured yet.  One that
 * cannot be read keeps its error (hb_media_item_get_error()) and is left
 * unmeasured, as the window leaves it.
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

      if (hb_media_item_get_loaded (item))
        continue;
      if (measure_item (item, cancellable, &error))
        hb_media_item_set_error (item, NULL);
      else
        {
          hb_media_item_set_error (item, error->message);
          failed++;
        }
    }
  return failed;
}
