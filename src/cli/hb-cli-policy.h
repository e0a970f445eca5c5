/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-policy.h — `hebahan-cli policy validate FILE` (is a pack
 * valid, and what it holds) and `policy fetch URL` (the policy-pack
 * update of the app's preferences, headless). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hb_cli_policy       (int    argc,
                         char **argv);
int hb_cli_policy_fetch (int    argc,
                         char **argv);

G_END_DECLS
