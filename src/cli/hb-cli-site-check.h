/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-site-check.h — `hebahan-cli site-check`: the official-website
 * cross-check (guideline 8.b), headless. */
#pragma once

/* site-check DRAFT [--url URL] [--format text|json] [--timeout SECONDS]
 * [--record [--who NAME]] [--policy FILE]: looks for the draft's
 * programme (name and date) in the official website's news listing.  0
 * found (and, with --record, saved as the 8.b evidence), 1 not found, 2
 * bad usage, an unreadable draft, or a listing that could not be read. */
int hb_cli_site_check (int    argc,
                       char **argv);
