/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-platform-preview.h — the caption as each selected platform will get
 * it, with that platform's counter and an optional caption of its own. */
#pragma once

#include <gtk/gtk.h>

#include "hb-post.h"

G_BEGIN_DECLS

#define HB_TYPE_PLATFORM_PREVIEW (hb_platform_preview_get_type ())
G_DECLARE_FINAL_TYPE (HbPlatformPreview, hb_platform_preview, HB, PLATFORM_PREVIEW, GtkWidget)

GtkWidget  *hb_platform_preview_new          (void);
void        hb_platform_preview_set_post     (HbPlatformPreview *self,
                                              HbPost            *post);
void        hb_platform_preview_refresh      (HbPlatformPreview *self);
void        hb_platform_preview_show_platform (HbPlatformPreview *self,
                                               const char        *platform);
void        hb_platform_preview_select       (HbPlatformPreview *self,
                                              const char        *platform,
                                              guint              start,
                                              guint              end);
void        hb_platform_preview_set_own      (HbPlatformPreview *self,
                                              gboolean           own);
const char *hb_platform_preview_get_counter  (HbPlatformPreview *self);
char       *hb_platform_preview_dup_text     (HbPlatformPreview *self);
guint       hb_platform_preview_get_over_start (HbPlatformPreview *self);

G_END_DECLS
