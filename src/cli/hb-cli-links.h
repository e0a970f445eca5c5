/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-links.h — `hebahan-cli links`: the link checker, headless. */
#pragma once

/* links [--format text|json] [--timeout SECONDS] [--policy FILE] FILE|DRAFT:
 * every address in the text (a draft: its composed caption and the
 * selected platforms' own captions) with its verdict.  0 none is broken,
 * 1 some link is broken, 2 bad usage or unreadable input. */
int hb_cli_links      (int    argc,
                       char **argv);
