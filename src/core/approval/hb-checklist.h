/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-checklist.h — the guideline checklist (sections 6–8) for one post:
 * `auto` items evaluated from the post and its findings, `confirm` items
 * answered by an officer (some with an automatic check shown beside the
 * answer: the absence of a marker never ticks a judgement).  Answers live
 * in the draft's "checklist". */
#pragma once

#include "hb-policy.h"
#include "hb-post.h"
#include "hb-post-lint.h"

G_BEGIN_DECLS

typedef enum
{
  HB_ITEM_PASS,            /* auto: the post meets it */
  HB_ITEM_FAIL,            /* auto: it does not (see `reason`) */
  HB_ITEM_OVERRIDDEN,      /* auto: failing, but overridden with a written justification */
  HB_ITEM_UNANSWERED,      /* confirm: not ticked yet */
  HB_ITEM_CONFIRMED,       /* confirm: ticked (who, when, note/dates) */
  HB_ITEM_STALE,           /* confirm or override: the content it vouched for has changed */
  HB_ITEM_NOT_APPLICABLE,  /* `applies_to` excludes this post type, or it `needs` media the post has not (see `reason`) */
  HB_ITEM_PENDING,         /* auto: nothing to check yet (the post is empty) */
} HbItemState;

/* Who vouches for an item: the Confirm Items dialog groups the items to
 * confirm so, and the checklist panel can group every item so.  The
 * confirm items' groups come first, in this order. */
typedef enum
{
  HB_VOUCHED_BY_OFFICER,
  HB_VOUCHED_BY_CORPORATE_COMMS,  /* Bahagian Komunikasi Korporat */
  HB_VOUCHED_BY_COMMITTEES,       /* JK Media Sosial and JK ICT */
  HB_VOUCHED_BY_SOFTWARE,         /* an auto item: the check vouches (an override is the officer's answer to it) */
  HB_N_VOUCHED_BY,                /*< skip >*/
} HbVouchedBy;

/* How the checklist panel groups its items: by the guideline's section
 * (6, 7, 8), as the sign-off sheet prints them, or by who vouches. */
typedef enum
{
  HB_CHECKLIST_GROUPING_SECTION,
  HB_CHECKLIST_GROUPING_VOUCHED_BY,
} HbChecklistGrouping;

typedef struct
{
  const HbChecklistItem *item;      /* from the pack (borrowed; the pack outlives it) */
  HbItemState            state;
  gboolean               complete;  /* PASS, OVERRIDDEN, CONFIRMED or NOT_APPLICABLE */
  char                  *reason;    /* FAIL/STALE/PENDING/NOT_APPLICABLE: why, in the language asked for */
  gboolean               automatic; /* the item has a `check` and it ran */
  gboolean               auto_passed;
  char                  *auto_result; /* what the check found: the pack's `checked` text, or why it fails */
  char                  *who;       /* the answer, if any */
  GDateTime             *when;
  char                  *note;      /* confirm: evidence text; override: the justification */
  char                 **dates;     /* confirm items with evidence "dates" (ISO "2026-11-20") */
} HbCheckStatus;

GPtrArray   *hb_checklist_evaluate   (HbPolicy           *policy,
                                      HbPost             *post,
                                      GPtrArray          *findings,
                                      HbLang              lang);
guint        hb_checklist_n_complete (GPtrArray          *statuses);
guint        hb_checklist_n_items    (GPtrArray          *statuses);
gboolean     hb_checklist_is_complete (GPtrArray         *statuses);
HbVouchedBy  hb_checklist_item_vouched_by (const HbChecklistItem *item);
const char  *hb_vouched_by_to_string (HbVouchedBy         vouched_by);
const char  *hb_vouched_by_get_title (HbVouchedBy         vouched_by);
GPtrArray   *hb_checklist_group      (GPtrArray          *statuses,
                                      HbChecklistGrouping grouping);
const char  *hb_item_state_to_string (HbItemState         state);

gboolean     hb_checklist_confirm    (HbPost             *post,
                                      HbPolicy           *policy,
                                      const char         *item_id,
                                      const char         *who,
                                      const char         *note,
                                      const char * const *dates,
                                      GError            **error);
gboolean     hb_checklist_override   (HbPost             *post,
                                      HbPolicy           *policy,
                                      const char         *item_id,
                                      const char         *who,
                                      const char         *justification,
                                      GError            **error);
void         hb_checklist_clear      (HbPost             *post,
                                      const char         *item_id);
void         hb_check_status_free    (HbCheckStatus      *status);

G_END_DECLS
