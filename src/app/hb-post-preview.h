/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post-preview.h — one platform's post as its feed shows it, with Copy. */
#pragma once

#include <gtk/gtk.h>

#include "hb-post.h"

G_BEGIN_DECLS

#define HB_TYPE_POST_PREVIEW (hb_post_preview_get_type ())
G_DECLARE_FINAL_TYPE (HbPostPreview, hb_post_preview, HB, POST_PREVIEW, GtkWidget)

GtkWidget  *hb_post_preview_new             (void);
HbPost     *hb_post_preview_get_post        (HbPostPreview *self);
void        hb_post_preview_set_post        (HbPostPreview *self,
                                             HbPost        *post);
const char *hb_post_preview_get_platform    (HbPostPreview *self);
void        hb_post_preview_set_platform    (HbPostPreview *self,
                                             const char    *platform);
char       *hb_post_preview_dup_caption     (HbPostPreview *self);
char       *hb_post_preview_dup_hashtags    (HbPostPreview *self);
char       *hb_post_preview_dup_alt_texts   (HbPostPreview *self);
const char *hb_post_preview_get_shown_text  (HbPostPreview *self);
GdkPaintable *hb_post_preview_get_photo     (HbPostPreview *self);
const char *hb_post_preview_get_compose_uri (HbPostPreview *self);
GFile      *hb_post_preview_get_drag_file   (HbPostPreview *self);

G_END_DECLS
