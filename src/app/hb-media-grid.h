/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-grid.h — the post's photos and videos as a grid of tiles. */
#pragma once

#include <gtk/gtk.h>

#include "hb-media-item.h"
#include "hb-types.h"

G_BEGIN_DECLS

#define HB_TYPE_MEDIA_GRID (hb_media_grid_get_type ())
G_DECLARE_FINAL_TYPE (HbMediaGrid, hb_media_grid, HB, MEDIA_GRID, GtkWidget)

GtkWidget  *hb_media_grid_new             (void);
GListStore *hb_media_grid_get_model       (HbMediaGrid  *self);
void        hb_media_grid_set_model       (HbMediaGrid  *self,
                                           GListStore   *model);
void        hb_media_grid_add_files       (HbMediaGrid  *self,
                                           GFile       **files,
                                           guint         n_files);
void        hb_media_grid_set_alt_finding (HbMediaGrid  *self,
                                           HbMediaItem  *item,
                                           const char   *message,
                                           HbSeverity    severity);
void        hb_media_grid_set_item_findings (HbMediaGrid        *self,
                                             HbMediaItem        *item,
                                             const char * const *messages,
                                             HbSeverity          worst);
guint       hb_media_grid_get_n_pending   (HbMediaGrid  *self);

G_END_DECLS
