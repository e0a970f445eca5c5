/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media.h — reading photos and videos for the post: digest, kind,
 * dimensions, a reduced-size thumbnail and blur and exposure
 * measurements, off the main thread. */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "hb-media-item.h"
#include "hb-media-quality.h"

G_BEGIN_DECLS

typedef struct
{
  HbMediaKind  kind;
  char        *mime;       /* sniffed from the bytes, not the name */
  int          width;      /* photos: full size in pixels; videos: 0 (the UI probes) */
  int          height;
  guint64      size;       /* bytes */
  char        *sha256;
  GdkPixbuf   *thumbnail;  /* photos: at most thumb_size on the long side */
  gboolean     has_quality;  /* photos: @quality is measured */
  HbMediaQuality quality;
} HbMediaInfo;

#define HB_TYPE_MEDIA_INFO (hb_media_info_get_type ())

GType        hb_media_info_get_type (void) G_GNUC_CONST;
HbMediaInfo *hb_media_info_copy     (const HbMediaInfo *info);
void         hb_media_info_free     (HbMediaInfo       *info);

HbMediaInfo *hb_media_load          (const char          *path,
                                     int                  thumb_size,
                                     GCancellable        *cancellable,
                                     GError             **error);
void         hb_media_load_async    (const char          *path,
                                     int                  thumb_size,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
HbMediaInfo *hb_media_load_finish   (GAsyncResult        *result,
                                     GError             **error);

gboolean     hb_media_is_truncated  (const guint8        *data,
                                     gsize                len);
gboolean     hb_media_check_digest  (const char          *path,
                                     const char          *recorded,
                                     const char          *actual,
                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbMediaInfo, hb_media_info_free)

G_END_DECLS
