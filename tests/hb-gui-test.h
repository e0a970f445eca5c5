/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-gui-test.h — helpers for the GUI tests: set up the program, open a
 * window, run the main loop until the window has settled or a dialog
 * shows, and save screenshots of what the window draws. */
#pragma once

#include <gtk/gtk.h>

#include "hb-application.h"
#include "hb-window.h"

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
GtkWindow *
         hb_gui_test_wait_window (GType        type);
void     hb_gui_test_wait_window_gone (GType type);
typedef gboolean (*HbGuiTestMatch) (GtkWidget *widget,
                                    gpointer   data);
GtkWidget *
         hb_gui_test_find       (GtkWidget    *root,
                                 HbGuiTestMatch match,
                                 gpointer      data);
GtkWidget *
         hb_gui_test_find_child (GtkWidget    *root,
                                 GType         type);
GtkWidget *
         hb_gui_test_find_named (GtkWidget    *root,
                                 const char   *name);
gboolean hb_gui_test_in_view    (gpointer      widget);
void     hb_gui_test_run_pending (void);
void     hb_gui_test_settle_widget (GtkWidget *widget);
void     hb_gui_test_settle     (HbWindow     *window);
HbWindow *
         hb_gui_test_window_new (HbApplication *app,
                                 int           width,
                                 int           height);
void     hb_gui_test_close      (HbWindow     *window);
const HbPostFinding *
         hb_gui_test_find_finding (HbWindow   *window,
                                 const char   *rule_id);
void     hb_gui_test_assert_size (GtkWindow   *window,
                                 int           width,
                                 int           height);
void     hb_gui_test_wait_size  (GtkWindow    *window,
                                 int           width,
                                 int           height);
HbWindow *
         hb_gui_test_open_demo  (HbApplication *app,
                                 int           width,
                                 int           height);
char    *hb_gui_test_screenshot (GtkWidget    *widget,
                                 const char   *name);

G_END_DECLS
