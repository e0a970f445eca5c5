/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-confirm-dialog.h — confirming several checklist items in one step:
 * grouped by who vouches for them, one note per group, the officer's name
 * and recent evidence offered, the button enabled only when complete. */
#pragma once

#include <adwaita.h>

#include "hb-checklist.h"

G_BEGIN_DECLS

#define HB_TYPE_CONFIRM_DIALOG (hb_confirm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HbConfirmDialog, hb_confirm_dialog, HB, CONFIRM_DIALOG, AdwMessageDialog)

GtkWidget *hb_confirm_dialog_new        (GtkWindow *parent,
                                         HbPost    *post,
                                         HbPolicy  *policy,
                                         GPtrArray *statuses,
                                         GSettings *settings,
                                         HbLang     lang);
gboolean   hb_confirm_dialog_can_confirm (HbConfirmDialog *self);
guint      hb_confirm_dialog_apply       (HbConfirmDialog  *self,
                                          GError          **error);

G_END_DECLS
