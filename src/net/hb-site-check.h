/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-site-check.h — the official-website cross-check (guideline 8.b):
 * fetch the council's news listing (RSS, Atom or an HTML page), read it
 * and look for the post's announcement in it.
 *
 * The listing must be HTTPS (plain HTTP only to loopback, for tests) and
 * is capped at HB_SITE_CHECK_MAX_BYTES; it is read and matched in a
 * worker thread, so the main loop never waits.  Not finding the
 * announcement is a result (match == NULL), not an error; errors say why
 * the listing could not be read. */
#pragma once

#include "hb-net-fetch.h"
#include "hb-site-match.h"

G_BEGIN_DECLS

#define HB_SITE_CHECK_MAX_BYTES (4 * 1024 * 1024)

typedef struct
{
  HbSiteMatch *match;        /* the announcement, or NULL when it is not there */
  guint        n_entries;    /* how many entries the listing has */
  char        *listing_url;  /* the listing's address after redirects */
} HbSiteCheckResult;

void               hb_site_check_async       (SoupSession          *session,
                                              const char           *listing_url,
                                              const HbSiteQuery    *query,
                                              const HbFetchOptions *limits,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
HbSiteCheckResult *hb_site_check_finish      (GAsyncResult         *result,
                                              GError              **error);
void               hb_site_check_result_free (HbSiteCheckResult    *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbSiteCheckResult, hb_site_check_result_free)

G_END_DECLS
