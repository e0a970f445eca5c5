/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post-form.h — the form beside the body: the post's type, language
 * and platforms, the programme (name, date, times, venue), guests,
 * hashtags and link, photos and videos; with a marker at each field that
 * has a finding. */
#pragma once

#include <adwaita.h>

#include "hb-post.h"
#include "hb-post-lint.h"

G_BEGIN_DECLS

#define HB_TYPE_POST_FORM (hb_post_form_get_type ())
G_DECLARE_FINAL_TYPE (HbPostForm, hb_post_form, HB, POST_FORM, GtkBox)

HbPost   *hb_post_form_get_post        (HbPostForm          *self);
void      hb_post_form_set_post        (HbPostForm          *self,
                                        HbPost              *post);
void      hb_post_form_show_findings   (HbPostForm          *self,
                                        GPtrArray           *findings,
                                        HbLang               lang);
gboolean  hb_post_form_focus_finding   (HbPostForm          *self,
                                        const HbPostFinding *finding);
void      hb_post_form_add_guest       (HbPostForm          *self);

G_END_DECLS
