/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-lint.h — `hebahan-cli lint [--lang ms|en] [--format text|json]
 * [--policy FILE] [FILE|-]`: a text or a draft checked against the policy
 * pack.  0 nothing at warning or above, 1 findings at warning or above,
 * 2 bad usage or unreadable input. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hb_cli_lint (int    argc,
                 char **argv);

G_END_DECLS
