/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-matcher.h — the compiled lexicons of a policy pack.
 *
 * Built once when a pack loads: every term is expanded into its word forms
 * and indexed, so that linting is one pass over the tokens with hashed
 * look-ups (single words) and a short walk for multi-word phrases.
 */
#pragma once

#include <glib.h>

#include "hb-policy-private.h"
#include "hb-text.h"

G_BEGIN_DECLS

typedef struct
{
  guint32 lexicon;
  guint32 term;
  guint32 tstart, tend;   /* tokens, end exclusive */
  guint32 ostart, oend;   /* original code points, end exclusive */
} HbHit;

HbMatcher *hb_matcher_new   (GPtrArray       *lexicons);
void       hb_matcher_free  (HbMatcher       *matcher);
void       hb_matcher_scan  (const HbMatcher *matcher,
                             const HbText    *text,
                             GArray          *hits);
char      *hb_skeleton      (const char      *word,
                             gsize            len);

G_END_DECLS
