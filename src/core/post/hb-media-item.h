/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-item.h — one photo or video attached to a post. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  HB_MEDIA_PHOTO,
  HB_MEDIA_VIDEO,
} HbMediaKind;

/* What the loader measured, for the post linter's media checks. */
typedef struct
{
  int      width;       /* full size in pixels, upright */
  int      height;
  guint64  size;        /* bytes */
  gint64   duration;    /* videos: µs; photos: 0 */
  double   blur_score;  /* photos: higher is sharper (hb-media-quality.h) */
  gboolean blurry;
  gboolean underexposed;
  gboolean overexposed;
} HbMediaMeasurements;

#define HB_TYPE_MEDIA_ITEM (hb_media_item_get_type ())
G_DECLARE_FINAL_TYPE (HbMediaItem, hb_media_item, HB, MEDIA_ITEM, GObject)

HbMediaItem *hb_media_item_new          (const char  *path);
const char  *hb_media_item_get_path     (HbMediaItem *self);
HbMediaKind  hb_media_item_get_kind     (HbMediaItem *self);
const char  *hb_media_item_get_sha256   (HbMediaItem *self);
void         hb_media_item_set_sha256   (HbMediaItem *self,
                                         const char  *sha256);
const char  *hb_media_item_get_alt_text (HbMediaItem *self);
void         hb_media_item_set_alt_text (HbMediaItem *self,
                                         const char  *alt_text);
const char  *hb_media_item_get_caption  (HbMediaItem *self);
void         hb_media_item_set_caption  (HbMediaItem *self,
                                         const char  *caption);
const char  *hb_media_item_get_error    (HbMediaItem *self);
void         hb_media_item_set_error    (HbMediaItem *self,
                                         const char  *error);
gboolean     hb_media_item_get_loaded   (HbMediaItem *self);
void         hb_media_item_get_measurements (HbMediaItem         *self,
                                             HbMediaMeasurements *measurements);
void         hb_media_item_set_measurements (HbMediaItem               *self,
                                             const HbMediaMeasurements *measurements);
HbMediaKind  hb_media_kind_for_path     (const char  *path);

G_END_DECLS
