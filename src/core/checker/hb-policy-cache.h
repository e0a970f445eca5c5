/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-cache.h — the last good policy pack fetched from the council's
 * server, kept in the user's data folder, and what is known about it.
 *
 *   $XDG_DATA_HOME/hebahan/policy/fetched.json       the pack, as served
 *   $XDG_DATA_HOME/hebahan/policy/fetched-info.json  where and when it came
 *                                                     from, its ETag, and the
 *                                                     last failed update
 *
 * Only a pack that validated is ever stored, and both files are replaced
 * atomically, so a failed or interrupted update leaves the last good pack
 * in use.  The core only reads and writes these files; fetching them is
 * src/net/hb-policy-update.c's job, so the core stays free of libsoup.
 */
#pragma once

#include <gio/gio.h>

#include "hb-policy.h"

G_BEGIN_DECLS

typedef struct
{
  char      *url;           /* where the cached pack was fetched from, or NULL */
  char      *etag;          /* the server's ETag for it, or NULL */
  char      *sha256;        /* of the cached pack's bytes, or NULL */
  char      *id;            /* the cached pack's id and version, or NULL */
  char      *version;
  GDateTime *fetched;       /* when the cached pack was downloaded, or NULL */
  GDateTime *checked;       /* the last successful check (updated or not modified), or NULL */
  GDateTime *failed;        /* the last failed update, or NULL when the last attempt succeeded */
  char      *failed_url;    /* the URL that failed */
  char      *failure;       /* why, a translated sentence */
} HbPolicyCacheInfo;

char              *hb_policy_cache_path            (void);
char              *hb_policy_cache_info_path       (void);

HbPolicyCacheInfo *hb_policy_cache_info_load       (GError                  **error);
gboolean           hb_policy_cache_info_save       (const HbPolicyCacheInfo  *info,
                                                    GError                  **error);
void               hb_policy_cache_info_free       (HbPolicyCacheInfo        *info);

HbPolicy          *hb_policy_cache_load            (GError                  **error);
char              *hb_policy_cache_sha256          (void);
gboolean           hb_policy_cache_store           (GBytes                   *bytes,
                                                    HbPolicy                 *policy,
                                                    const char               *url,
                                                    const char               *etag,
                                                    gboolean                 *changed,
                                                    GError                  **error);
gboolean           hb_policy_cache_record_check    (const char               *url,
                                                    const char               *etag,
                                                    GError                  **error);
gboolean           hb_policy_cache_record_failure  (const char               *url,
                                                    const char               *message,
                                                    GError                  **error);
gboolean           hb_policy_cache_clear           (GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbPolicyCacheInfo, hb_policy_cache_info_free)

G_END_DECLS
