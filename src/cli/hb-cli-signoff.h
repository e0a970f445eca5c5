/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-signoff.h — `hebahan-cli signoff DRAFT --output FILE.pdf`. */
#pragma once

int hb_cli_signoff (int    argc,
                    char **argv);
