/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-net-fetch.h — one GET (or HEAD) with the limits every Hebahan request
 * keeps: HTTPS only (plain HTTP only to loopback, for tests), redirects
 * followed by hand up to a limit and re-checked at every hop, a cap on the
 * body, and a deadline for the whole exchange (a slow drip cannot hold it
 * open).  Asynchronous and cancellable; the system proxy is honoured.
 *
 * Any final status is a result (the caller decides what a 404 means);
 * errors are for what prevents an answer: a refused URL, the network,
 * the cap, the deadline, a redirect loop, cancellation. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define HB_NET_DEFAULT_DEADLINE_MS  15000
#define HB_NET_DEFAULT_MAX_REDIRECTS 5

typedef struct
{
  const char *method;          /* "GET" (default when NULL) or "HEAD" */
  gsize       max_bytes;       /* body cap; 0 means 1 MiB */
  guint       deadline_ms;     /* whole exchange; 0 means HB_NET_DEFAULT_DEADLINE_MS */
  guint       max_redirects;   /* 0 means HB_NET_DEFAULT_MAX_REDIRECTS */
  const char *if_none_match;   /* an ETag, or NULL */
  gboolean    allow_http;      /* accept plain-HTTP hops (the link checker reports them) */
  gboolean    headers_only;    /* stop at the final response's headers: a GET that only
                                  wants the status (the link checker) reads no body */
} HbFetchOptions;

typedef struct
{
  guint    status;         /* final HTTP status (304 for not modified) */
  char    *final_url;      /* after redirects */
  char    *etag;           /* or NULL */
  char    *content_type;   /* or NULL */
  GBytes  *body;           /* empty for HEAD, 304 and headers_only */
  guint    n_redirects;
  gboolean insecure_hop;   /* some hop was plain HTTP (only with allow_http) */
  char    *insecure_url;   /* the first plain-HTTP address a redirect led to, or NULL */
} HbFetchResult;

SoupSession   *hb_net_session_new       (void);
gboolean       hb_net_url_check         (const char            *url,
                                         gboolean               allow_http,
                                         GError               **error);
gboolean       hb_net_host_is_loopback  (const char            *host);

void           hb_net_fetch_async       (SoupSession           *session,
                                         const char            *url,
                                         const HbFetchOptions  *options,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
HbFetchResult *hb_net_fetch_finish      (GAsyncResult          *result,
                                         GError               **error);
gboolean       hb_fetch_result_ok       (const HbFetchResult   *result,
                                         GError               **error);
void           hb_fetch_result_free     (HbFetchResult         *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbFetchResult, hb_fetch_result_free)

G_END_DECLS
