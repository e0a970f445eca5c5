/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-check.h — `hebahan-cli check DRAFT`: the checklist status of a draft. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hb_cli_check (int    argc,
                  char **argv);

G_END_DECLS
