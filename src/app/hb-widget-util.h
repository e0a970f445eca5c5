/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-widget-util.h — small widget helpers GTK 4.8 does not have. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       hb_widget_set_tooltip_text  (GtkWidget  *widget,
                                        const char *text);
GtkWidget *hb_widget_find_descendant   (GtkWidget  *root,
                                        const char *buildable_id);

void       hb_widget_fix_mnemonic_names (void);

G_END_DECLS
