/* hb-window.h — the composer window. */
#pragma once

#include <adwaita.h>

#include "hb-application.h"
#include "hb-post.h"

G_BEGIN_DECLS

#define HB_TYPE_WINDOW (hb_window_get_type ())
G_DECLARE_FINAL_TYPE (HbWindow, hb_window, HB, WINDOW, AdwApplicationWindow)

HbWindow  *hb_window_new              (HbApplication *app);
void       hb_window_open_file        (HbWindow      *self,
                                       GFile         *file);
void       hb_window_offer_recovery   (HbWindow      *self);
HbPost    *hb_window_get_post         (HbWindow      *self);
GFile     *hb_window_get_file         (HbWindow      *self);
gboolean   hb_window_get_modified     (HbWindow      *self);
GPtrArray *hb_window_get_findings     (HbWindow      *self);
GtkWidget *hb_window_get_part         (HbWindow      *self,
                                       const char    *name);
gboolean   hb_window_is_busy          (HbWindow      *self);
gboolean   hb_window_is_linting       (HbWindow      *self);
void       hb_window_export_to        (HbWindow      *self,
                                       const char    *dest);
gboolean   hb_window_is_exporting     (HbWindow      *self);
void       hb_window_print_signoff    (HbWindow      *self,
                                       const char    *pdf);
const char *hb_window_get_manifest_sha256 (HbWindow  *self);
const char *hb_window_get_autosave_path (HbWindow    *self);
void       hb_window_set_autosave_delay (HbWindow    *self,
                                         guint        ms);

G_END_DECLS
