/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-preferences-window.h — the preferences: language, officer, style. */
#pragma once

#include <adwaita.h>

#include "hb-policy-updater.h"

G_BEGIN_DECLS

#define HB_TYPE_PREFERENCES_WINDOW (hb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HbPreferencesWindow, hb_preferences_window, HB, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *hb_preferences_window_new (GSettings       *settings,
                                      HbPolicyUpdater *updater);

G_END_DECLS
