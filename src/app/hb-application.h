/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-application.h — the Hebahan GtkApplication. */
#pragma once

#include <adwaita.h>

#include <libsoup/soup.h>

#include "hb-link-cache.h"
#include "hb-policy.h"
#include "hb-policy-updater.h"

G_BEGIN_DECLS

#define HB_TYPE_APPLICATION (hb_application_get_type ())
G_DECLARE_FINAL_TYPE (HbApplication, hb_application, HB, APPLICATION, AdwApplication)

HbApplication *hb_application_new          (void);
HbPolicy      *hb_application_get_policy   (HbApplication *self);
HbPolicyUpdater *hb_application_get_policy_updater (HbApplication *self);
SoupSession   *hb_application_get_session  (HbApplication *self);
HbLinkCache   *hb_application_get_link_cache (HbApplication *self);
GSettings     *hb_application_get_settings (HbApplication *self);
HbLang         hb_application_get_ui_lang  (HbApplication *self);
void           hb_apply_language_setting   (void);
void           hb_app_ensure_resources     (void);

G_END_DECLS
