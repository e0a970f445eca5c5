/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-bundle.h — `hebahan-cli export` and `hebahan-cli verify`. */
#pragma once

/* export DRAFT --output PATH[.zip] [--policy FILE]: 0 written, 1 the
 * checklist is incomplete (each missing item on stderr), 2 bad usage or
 * an I/O error (one line on stderr). */
int hb_cli_export (int    argc,
                   char **argv);
/* verify BUNDLE: 0 intact ("OK"), 1 each problem printed, 2 unreadable. */
int hb_cli_verify (int    argc,
                   char **argv);
