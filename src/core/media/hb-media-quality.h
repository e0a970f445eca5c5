/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-quality.h — blur and exposure measurements of a photo. */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Long side, in pixels, of the grey image every measurement is made on:
 * scores mean the same whatever size the photo was decoded at. */
#define HB_MEDIA_QUALITY_SIDE 512

typedef struct
{
  double   blur_score;       /* variance of the Laplacian in the sharpest tiles; higher is sharper */
  double   fine_detail;      /* that variance over the same at half size: < 0.2 means soft */
  double   mean_luma;        /* 0 (black) … 1 (white) */
  double   dark_fraction;    /* share of pixels that are near black */
  double   bright_fraction;  /* share of pixels that are near white (clipped) */
  double   shadow_level;     /* luma of the darkest 5 %, 0 … 1 */
  double   highlight_level;  /* luma of the brightest 1 %, 0 … 1 */
  gboolean blurry;
  gboolean underexposed;
  gboolean overexposed;
} HbMediaQuality;

GdkPixbuf *hb_media_scale_to_fit (GdkPixbuf *pixbuf,
                                  int        max_side);
void hb_media_quality_measure (GdkPixbuf      *pixbuf,
                               HbMediaQuality *quality);

G_END_DECLS
