/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-guest.h — a guest of an event: title (YB, Dato', Dr …) and name. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HB_TYPE_GUEST (hb_guest_get_type ())
G_DECLARE_FINAL_TYPE (HbGuest, hb_guest, HB, GUEST, GObject)

HbGuest            *hb_guest_new          (const char *title,
                                           const char *name);
const char         *hb_guest_get_title    (HbGuest    *self);
void                hb_guest_set_title    (HbGuest    *self,
                                           const char *title);
const char         *hb_guest_get_name     (HbGuest    *self);
void                hb_guest_set_name     (HbGuest    *self,
                                           const char *name);
char               *hb_guest_dup_display  (HbGuest    *self);
const char * const *hb_guest_common_titles (void);

G_END_DECLS
