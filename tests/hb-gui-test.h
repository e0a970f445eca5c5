/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-gui-test.h — helpers for the GUI tests: run the main loop until
 * something shows, and save screenshots of what the window draws. */
#pragma once

#include <gtk/gtk.h>

#include "hb-application.h"

G_BEGIN_DECLS

void     hb_gui_test_init       (int          *argc,
                                 char       ***argv);
HbApplication *
         hb_gui_test_app_new    (int          *argc,
                                 char       ***argv);
gboolean hb_gui_test_wait_until (gboolean    (*done) (gpointer data),
                                 gpointer      data,
                                 guint         timeout_ms);
void     hb_gui_test_iterate    (guint         ms);
GtkWindow *
         hb_gui_test_find_window (GType        type);
char    *hb_gui_test_screenshot (GtkWidget    *widget,
                                 const char   *name);

G_END_DECLS
