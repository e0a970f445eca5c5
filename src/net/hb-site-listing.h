/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-site-listing.h — reads the official website's news listing into
 * entries (title, absolute URL, summary, date) for hb-site-match: an RSS
 * 2.0 (or 1.0) feed, an Atom feed, or an HTML page whose links are the
 * news items.  libxml2 parses both, without the network and without
 * expanding external entities; the body is already capped by the fetch.
 *
 * Dates are read in Malaysian time (UTC+8): a feed that writes "Tue, 24
 * Nov 2026 23:30:00 GMT" published on 25 November in Kulim.
 *
 * In an HTML page every link with text is an entry.  Its summary is the
 * text of the largest element around it that links nowhere else (a list
 * item, a card, a table row), so that a date written beside the link
 * belongs to it; a heading in that element names the entry when the
 * link's own text is shorter ("Baca lagi").  Links to the same page are
 * one entry. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* At most this many entries are read from one listing. */
#define HB_SITE_LISTING_MAX_ENTRIES 1000

GPtrArray *hb_site_listing_parse (GBytes      *body,
                                  const char  *content_type,
                                  const char  *base_url,
                                  GError     **error);
void       hb_site_listing_init  (void);

G_END_DECLS
