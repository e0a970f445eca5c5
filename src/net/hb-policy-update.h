/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-update.h — fetching the council's policy pack from the address
 * set in preferences (GSettings "policy-url") and caching it.
 *
 * One update is one conditional GET with the limits of hb-net-fetch.h
 * (HTTPS only, plain HTTP only to loopback; redirects re-checked at every
 * hop; a size cap; a deadline).  The body is validated by the same walk
 * as `hebahan-cli policy validate`, and only a valid pack replaces the
 * cached one (hb-policy-cache.h), atomically.  On any failure the cache is
 * left as it was, the failure is recorded for the next start, and the
 * error says why in a sentence a user can read.
 *
 * The ETag is sent as If-None-Match only when the cached pack came from
 * the same URL and is still, byte for byte, the one the ETag was given
 * for.  Disk work and validation run in a worker thread; the request
 * runs on the caller's thread-default main context.
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "hb-policy.h"

G_BEGIN_DECLS

/* The built-in pack is about 190 KB: 4 MiB leaves room for growth while
 * keeping a misconfigured address (a video, a disk image) from filling
 * memory. */
#define HB_POLICY_UPDATE_MAX_BYTES   (4 * 1024 * 1024)
/* Generous, because offices sit behind slow proxies; the deadline covers
 * the whole exchange, so a server that drips bytes cannot hold it open. */
#define HB_POLICY_UPDATE_DEADLINE_MS 60000

typedef enum
{
  HB_POLICY_UPDATE_UPDATED,       /* a new pack was validated and cached */
  HB_POLICY_UPDATE_NOT_MODIFIED,  /* 304, or the very same bytes again */
} HbPolicyUpdateOutcome;

typedef struct
{
  gsize max_bytes;    /* 0 means HB_POLICY_UPDATE_MAX_BYTES */
  guint deadline_ms;  /* 0 means HB_POLICY_UPDATE_DEADLINE_MS */
} HbPolicyUpdateOptions;

void      hb_policy_update_async  (SoupSession                  *session,
                                   const char                   *url,
                                   const HbPolicyUpdateOptions  *options,
                                   GCancellable                 *cancellable,
                                   GAsyncReadyCallback           callback,
                                   gpointer                      user_data);
HbPolicy *hb_policy_update_finish (GAsyncResult                 *result,
                                   HbPolicyUpdateOutcome        *outcome,
                                   GError                      **error);

G_END_DECLS
