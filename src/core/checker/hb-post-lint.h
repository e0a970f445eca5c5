/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post-lint.h — checks a whole post: the composed caption, alt texts
 * and media captions against the pack's text rules, plus the pack's `post`
 * rules (missing fields, a weekday that contradicts its date, platform
 * limits, the quality of the media as the loader measured it).
 *
 * Findings on a media item itself (too small, blurred, too long for a
 * platform…) have source HB_SOURCE_MEDIA, index = its position and
 * start = end = 0; their text names the platforms concerned ("Instagram,
 * X"), or is empty for the loader's verdicts (blur, exposure).  Too many
 * items (`media-count`) is reported the same way, on the first item past
 * the smallest limit exceeded.  Items not yet loaded are not measured, so
 * they give no such findings.
 *
 * Links in the caption (and in platforms' own captions) are checked by
 * the `link-*` post rules: written with http://, or to a link shortener,
 * offline; broken, or redirecting to plain HTTP, from the link checker's
 * results when the snapshot carries an HbLinkCache.
 *
 * The window takes a snapshot on the main thread (cheap: plain strings)
 * and lints it in a worker (hb_post_lint_snapshot_async()), so typing
 * never waits for the linter.
 */
#pragma once

#include "hb-caption.h"
#include "hb-finding.h"
#include "hb-link-cache.h"
#include "hb-policy.h"
#include "hb-post.h"

G_BEGIN_DECLS

typedef struct _HbPostSnapshot HbPostSnapshot;

typedef struct
{
  HbFinding *finding;      /* start/end: code points of the composed caption, or of the
                              alt text / media caption it was found in; 0/0 for post rules */
  guint      source;       /* HbField or HbSource */
  guint      index;        /* guest or media position */
  guint      start;        /* code points of the source's own text, end exclusive */
  guint      end;
  gboolean   acknowledged; /* the post carries an acknowledgement for rule + text */
} HbPostFinding;

HbPostSnapshot *hb_post_snapshot_new   (HbPost         *post);
void            hb_post_snapshot_free  (HbPostSnapshot *snapshot);
const HbCaption *hb_post_snapshot_get_caption (HbPostSnapshot *snapshot);
void            hb_post_snapshot_set_link_cache (HbPostSnapshot *snapshot,
                                                 HbLinkCache    *cache);
char          **hb_post_snapshot_dup_link_urls  (HbPostSnapshot *snapshot);
GPtrArray      *hb_post_lint_snapshot  (HbPolicy       *policy,
                                        HbPostSnapshot *snapshot,
                                        GError        **error);
void            hb_post_lint_snapshot_async  (HbPolicy            *policy,
                                              HbPostSnapshot      *snapshot,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray      *hb_post_lint_snapshot_finish (GAsyncResult        *result,
                                              HbPostSnapshot     **snapshot,
                                              GError             **error);
GPtrArray      *hb_post_lint           (HbPolicy       *policy,
                                        HbPost         *post,
                                        GError        **error);
void            hb_post_finding_free   (HbPostFinding  *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbPostSnapshot, hb_post_snapshot_free)

G_END_DECLS
