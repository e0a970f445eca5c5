/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-caption.h — the caption the form composes, and the map from each
 * stretch of it back to the field it came from. */
#pragma once

#include "hb-post.h"

G_BEGIN_DECLS

/* Where a stretch of the caption (or a finding) comes from: an HbField, or
 * one of these for text that lives in a list. */
typedef enum
{
  HB_SOURCE_LABEL = HB_N_FIELDS, /* text the composer wrote: "Tarikh:", the date… */
  HB_SOURCE_GUEST,               /* index = guest position */
  HB_SOURCE_ALT_TEXT,            /* index = media position; linted separately */
  HB_SOURCE_MEDIA_CAPTION,       /* index = media position; linted separately */
  HB_SOURCE_MEDIA,               /* the media item itself (its size, blur…): index = media
                                    position; start = end = 0 */
  HB_SOURCE_PLATFORM_CAPTION,    /* a caption written for one platform: index = its
                                    position in hb_platform_ids(); linted separately */
} HbSource;

typedef struct
{
  guint source;       /* HbField or HbSource */
  guint index;        /* for guests and media */
  guint start;        /* code points of the caption, end exclusive */
  guint end;
  guint field_start;  /* code point in the source's own text where the stretch begins */
} HbCaptionSegment;

typedef struct
{
  char   *text;       /* UTF-8 */
  GArray *segments;   /* HbCaptionSegment, in caption order, covering every character */
} HbCaption;

HbCaption              *hb_caption_compose (HbPost          *post,
                                            HbLang           lang);
const HbCaptionSegment *hb_caption_locate  (const HbCaption *caption,
                                            guint            offset);
void                    hb_caption_free    (HbCaption       *caption);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbCaption, hb_caption_free)

G_END_DECLS
