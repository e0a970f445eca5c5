/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-tile.h — one photo or video in the media grid. */
#pragma once

#include <gtk/gtk.h>

#include "hb-media-item.h"
#include "hb-types.h"

G_BEGIN_DECLS

#define HB_TYPE_MEDIA_TILE (hb_media_tile_get_type ())
G_DECLARE_FINAL_TYPE (HbMediaTile, hb_media_tile, HB, MEDIA_TILE, GtkWidget)

GtkWidget   *hb_media_tile_new             (HbMediaItem *item);
HbMediaItem *hb_media_tile_get_item        (HbMediaTile *self);
void         hb_media_tile_set_alt_finding (HbMediaTile *self,
                                            const char  *message,
                                            HbSeverity   severity);
void         hb_media_tile_set_findings    (HbMediaTile        *self,
                                            const char * const *messages,
                                            HbSeverity          worst);
gboolean     hb_media_tile_is_loading      (HbMediaTile *self);
void         hb_media_tile_set_movable     (HbMediaTile *self,
                                            gboolean     earlier,
                                            gboolean     later);
GdkPaintable *hb_media_tile_get_preview    (HbMediaTile *self);
const char  *hb_media_tile_get_details     (HbMediaTile *self);

G_END_DECLS
