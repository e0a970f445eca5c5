/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-link-cache.h — what the link checker found out about each address,
 * kept for a while (15 minutes by default) so that re-linting the post or
 * checking it again does not ask the network.  The linter reads it from a
 * worker thread while the checker fills it on the main thread, so every
 * method is thread-safe and hands out copies. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HB_LINK_CACHE_DEFAULT_TTL (15 * 60)

typedef enum
{
  HB_LINK_OK,                 /* the page answers (2xx, or 3xx without a Location) */
  HB_LINK_BROKEN,             /* error status, timeout, unreachable, redirect loop */
  HB_LINK_REDIRECTS_TO_HTTP,  /* works, but a redirect leads to a plain-HTTP address */
} HbLinkState;

typedef struct
{
  char        *url;          /* as checked: HbLink.url */
  HbLinkState  state;
  guint        status;       /* the final HTTP status, 0 when no answer came */
  char        *final_url;    /* where redirects led, or NULL */
  char        *reason;       /* BROKEN: why ("404 Not Found", "did not answer…");
                                REDIRECTS_TO_HTTP: the plain-HTTP address; else NULL */
  guint        n_redirects;
  gint64       checked_at;   /* g_get_real_time() when checked */
} HbLinkStatus;

HbLinkStatus *hb_link_status_new      (const char          *url,
                                       HbLinkState          state,
                                       guint                status,
                                       const char          *final_url,
                                       const char          *reason);
HbLinkStatus *hb_link_status_copy     (const HbLinkStatus  *status);
void          hb_link_status_free     (HbLinkStatus        *status);
const char   *hb_link_state_to_string (HbLinkState          state);

#define HB_TYPE_LINK_CACHE (hb_link_cache_get_type ())
G_DECLARE_FINAL_TYPE (HbLinkCache, hb_link_cache, HB, LINK_CACHE, GObject)

HbLinkCache  *hb_link_cache_new       (guint                ttl_seconds);
guint         hb_link_cache_get_ttl   (HbLinkCache         *self);
HbLinkStatus *hb_link_cache_lookup    (HbLinkCache         *self,
                                       const char          *url);
void          hb_link_cache_store     (HbLinkCache         *self,
                                       const HbLinkStatus  *status);
void          hb_link_cache_clear     (HbLinkCache         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbLinkStatus, hb_link_status_free)

G_END_DECLS
