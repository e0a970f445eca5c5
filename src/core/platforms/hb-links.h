/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-links.h — the web addresses written in a caption, found the way X
 * finds them (twitter-text, as hb-count.c does), with the address a
 * browser would open for each: what the link checker checks and what the
 * `link` rules look at. */
#pragma once

#include <glib.h>

#include "hb-count.h"

G_BEGIN_DECLS

typedef struct
{
  guint     start;     /* code points of the text, end exclusive */
  guint     end;
  char     *text;      /* as written: "bit.ly/abc", "http://www.mpkk.gov.my" */
  char     *url;       /* what a browser opens: "https://" added when no scheme
                          is written, the fragment dropped; the link cache's key */
  char     *host;      /* lower case, without a final dot */
  gboolean  insecure;  /* written with http:// */
} HbLink;

GPtrArray *hb_links_find         (const char          *text,
                                  gssize               len);
GPtrArray *hb_links_find_in_source (HbCountSource    *source);
char      *hb_link_url_for       (const char          *written,
                                  char               **host);
gboolean   hb_link_host_in       (const char          *host,
                                  const char * const  *hosts);
void       hb_link_free          (HbLink              *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbLink, hb_link_free)

G_END_DECLS
