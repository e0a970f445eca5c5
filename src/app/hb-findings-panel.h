/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-findings-panel.h — every finding of the post, grouped by guideline
 * clause, with counts. */
#pragma once

#include <gtk/gtk.h>

#include "hb-policy.h"
#include "hb-post-lint.h"

G_BEGIN_DECLS

#define HB_TYPE_FINDINGS_PANEL (hb_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (HbFindingsPanel, hb_findings_panel, HB, FINDINGS_PANEL, GtkWidget)

GtkWidget *hb_findings_panel_new          (void);
void       hb_findings_panel_set_findings (HbFindingsPanel *self,
                                           GPtrArray       *findings,
                                           HbPolicy        *policy,
                                           HbLang           lang);
guint      hb_findings_panel_get_n_rows   (HbFindingsPanel *self);
char      *hb_findings_panel_dup_summary  (HbFindingsPanel *self);
const HbPostFinding *hb_findings_panel_get_finding (HbFindingsPanel *self,
                                                    guint            row);
void       hb_findings_panel_activate_row (HbFindingsPanel *self,
                                           guint            row);

G_END_DECLS
