/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-count.h — `hebahan-cli count --platform ID [FILE|-]`: a post's
 * length as the platform counts it, as one line of JSON.  0 within the
 * limit, 1 over it, 2 bad usage or unreadable input. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hb_cli_count (int    argc,
                  char **argv);

G_END_DECLS
