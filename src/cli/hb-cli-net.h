/* hb-cli-net.h — `hebahan-cli links` and `hebahan-cli site-check`: the
 * link checker and the official-website cross-check (8.b), headless. */
#pragma once

/* links [--format text|json] [--timeout SECONDS] [--policy FILE] FILE|DRAFT:
 * every address in the text (a draft: its composed caption and the
 * selected platforms' own captions) with its verdict.  0 none is broken,
 * 1 some link is broken, 2 bad usage or unreadable input. */
int hb_cli_links      (int    argc,
                       char **argv);

/* site-check DRAFT [--url URL] [--format text|json] [--timeout SECONDS]
 * [--record [--who NAME]] [--policy FILE]: looks for the draft's
 * programme (name and date) in the official website's news listing.  0
 * found (and, with --record, saved as the 8.b evidence), 1 not found, 2
 * bad usage, an unreadable draft, or a listing that could not be read. */
int hb_cli_site_check (int    argc,
                       char **argv);
