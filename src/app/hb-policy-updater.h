/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-updater.h — the policy pack the app uses, and keeping it up to
 * date from the council's server (the `policy-url` setting). */
#pragma once

#include <gio/gio.h>

#include "hb-policy.h"

G_BEGIN_DECLS

#define HB_TYPE_POLICY_UPDATER (hb_policy_updater_get_type ())
G_DECLARE_FINAL_TYPE (HbPolicyUpdater, hb_policy_updater, HB, POLICY_UPDATER, GObject)

HbPolicyUpdater *hb_policy_updater_new          (GSettings       *settings);
HbPolicy        *hb_policy_updater_get_policy   (HbPolicyUpdater *self);
const char      *hb_policy_updater_get_problem  (HbPolicyUpdater *self);
const char      *hb_policy_updater_get_status   (HbPolicyUpdater *self);
gboolean         hb_policy_updater_get_updating (HbPolicyUpdater *self);
char            *hb_policy_updater_describe     (HbPolicyUpdater *self);
void             hb_policy_updater_update       (HbPolicyUpdater *self);

G_END_DECLS
