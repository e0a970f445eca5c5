/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-guest-row.h — one guest in the form: title, name, order buttons. */
#pragma once

#include <gtk/gtk.h>

#include "hb-guest.h"
#include "hb-types.h"

G_BEGIN_DECLS

#define HB_TYPE_GUEST_ROW (hb_guest_row_get_type ())
G_DECLARE_FINAL_TYPE (HbGuestRow, hb_guest_row, HB, GUEST_ROW, GtkListBoxRow)

GtkWidget *hb_guest_row_new         (HbGuest    *guest);
HbGuest   *hb_guest_row_get_guest   (HbGuestRow *self);
void       hb_guest_row_set_finding (HbGuestRow *self,
                                     const char *message,
                                     HbSeverity  severity);
void       hb_guest_row_set_number  (HbGuestRow *self,
                                     guint       number);
void       hb_guest_row_focus_name  (HbGuestRow *self);
void       hb_guest_row_select_range (HbGuestRow *self,
                                      guint       start,
                                      guint       end);

G_END_DECLS
