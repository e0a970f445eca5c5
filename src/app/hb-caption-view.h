/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-caption-view.h — the body editor: a text view that underlines the
 * guideline findings in its text. */
#pragma once

#include <gtk/gtk.h>

#include "hb-policy.h"
#include "hb-post-lint.h"

G_BEGIN_DECLS

#define HB_TYPE_CAPTION_VIEW (hb_caption_view_get_type ())
G_DECLARE_FINAL_TYPE (HbCaptionView, hb_caption_view, HB, CAPTION_VIEW, GtkTextView)

GtkWidget           *hb_caption_view_new              (void);
void                 hb_caption_view_set_findings     (HbCaptionView       *self,
                                                       GPtrArray           *findings,
                                                       HbPolicy            *policy,
                                                       HbLang               lang);
guint                hb_caption_view_get_n_tagged     (HbCaptionView       *self);
const HbPostFinding *hb_caption_view_get_finding_at   (HbCaptionView       *self,
                                                       guint                offset);
void                 hb_caption_view_select_finding   (HbCaptionView       *self,
                                                       const HbPostFinding *finding);
char                *hb_caption_view_dup_tooltip      (HbCaptionView       *self,
                                                       guint                offset);

G_END_DECLS
