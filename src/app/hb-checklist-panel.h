/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-checklist-panel.h — the guideline checklist beside the editor:
 * sections 6, 7 and 8 (or grouped by who vouches), progress, ticks,
 * evidence and overrides. */
#pragma once

#include <gtk/gtk.h>

#include "hb-checklist.h"

G_BEGIN_DECLS

#define HB_TYPE_CHECKLIST_PANEL (hb_checklist_panel_get_type ())
G_DECLARE_FINAL_TYPE (HbChecklistPanel, hb_checklist_panel, HB, CHECKLIST_PANEL, GtkWidget)

GtkWidget   *hb_checklist_panel_new          (void);
void         hb_checklist_panel_set_post     (HbChecklistPanel *self,
                                              HbPost           *post,
                                              GSettings        *settings);
void         hb_checklist_panel_set_statuses (HbChecklistPanel *self,
                                              GPtrArray        *statuses,
                                              HbPolicy         *policy,
                                              HbLang            lang);
const char  *hb_checklist_panel_get_progress (HbChecklistPanel *self);
void         hb_checklist_panel_focus_item   (HbChecklistPanel *self,
                                              const char       *item_id);
HbChecklistGrouping hb_checklist_panel_get_grouping (HbChecklistPanel    *self);
void         hb_checklist_panel_set_grouping (HbChecklistPanel    *self,
                                              HbChecklistGrouping  grouping);

G_END_DECLS
