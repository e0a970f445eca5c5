/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-link-check.h — the link checker: does each address in the caption
 * lead to a working page?
 *
 * One address: HEAD first (no body to wait for).  A server that refuses
 * HEAD answers 405 or 501, but some answer 400, 403 or even 500 instead,
 * so any error status except 404 and 410 (which say "this page is gone"
 * whatever the method) is asked again with GET, reading the headers only.
 * Redirects are followed up to HB_NET_DEFAULT_MAX_REDIRECTS; plain-HTTP
 * hops are allowed so that they can be reported: an https:// link that a
 * redirect sends to an http:// address is HB_LINK_REDIRECTS_TO_HTTP (one
 * written with http:// is the offline rule's business).  A timeout, an
 * unreachable host, a redirect loop and any status from 400 up are
 * HB_LINK_BROKEN, with the reason.  Only cancellation is an error.
 *
 * Results go into the HbLinkCache (when one is given) and a fresh entry
 * there is returned without asking the network again. */
#pragma once

#include "hb-link-cache.h"
#include "hb-net-fetch.h"

G_BEGIN_DECLS

#define HB_LINK_CHECK_DEADLINE_MS 10000
#define HB_LINK_CHECK_PARALLEL    4

void          hb_link_check_async      (SoupSession          *session,
                                        HbLinkCache          *cache,
                                        const char           *url,
                                        const HbFetchOptions *limits,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
HbLinkStatus *hb_link_check_finish     (GAsyncResult         *result,
                                        GError              **error);

void          hb_link_check_all_async  (SoupSession          *session,
                                        HbLinkCache          *cache,
                                        const char * const   *urls,
                                        guint                 max_parallel,
                                        const HbFetchOptions *limits,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GPtrArray    *hb_link_check_all_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
