/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-window.h — the composer window. */
#pragma once

#include <adwaita.h>

#include "hb-application.h"
#include "hb-document.h"

G_BEGIN_DECLS

#define HB_TYPE_WINDOW (hb_window_get_type ())
G_DECLARE_FINAL_TYPE (HbWindow, hb_window, HB, WINDOW, AdwApplicationWindow)

HbWindow   *hb_window_new              (HbApplication *app);
HbDocument *hb_window_get_document     (HbWindow      *self);
void        hb_window_open_file        (HbWindow      *self,
                                        GFile         *file);
void        hb_window_offer_recovery   (HbWindow      *self);
void        hb_window_export_to        (HbWindow      *self,
                                        const char    *dest);
void        hb_window_print_signoff    (HbWindow      *self,
                                        const char    *pdf);

G_END_DECLS
