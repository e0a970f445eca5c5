/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-finding.h — one guideline finding: a rule, a span and what to say. */
#pragma once

#include "hb-policy.h"

G_BEGIN_DECLS

typedef struct
{
  HbPolicy     *policy;      /* keeps @rule alive */
  const HbRule *rule;
  guint         start;       /* code points of the linted text, end exclusive */
  guint         end;
  char         *text;        /* the text as the user typed it */
  char         *replacement; /* substitutions: what to write instead, or NULL */
  char         *detail;      /* what only the check knows, for {detail} in the
                                suggestion (why a link is broken), or NULL */
  char         *context;     /* the words a context rule found around the
                                match ("malas" beside a race), or NULL */
  char         *message[HB_N_LANGS]; /* the rule's message with {context}
                                        filled in; NULL: the rule's own */
} HbFinding;

#define HB_TYPE_FINDING (hb_finding_get_type ())

GType       hb_finding_get_type      (void) G_GNUC_CONST;
HbFinding  *hb_finding_new           (HbPolicy        *policy,
                                      const HbRule    *rule,
                                      guint            start,
                                      guint            end,
                                      char            *text,
                                      const char      *replacement);
HbFinding  *hb_finding_copy          (const HbFinding *finding);
void        hb_finding_set_detail    (HbFinding       *finding,
                                      const char      *detail);
void        hb_finding_set_context   (HbFinding       *finding,
                                      const char      *context);
void        hb_finding_free          (HbFinding       *finding);
HbSeverity  hb_finding_get_severity  (const HbFinding *finding);
HbSureness  hb_finding_get_sureness  (const HbFinding *finding);
const char *hb_finding_get_topic     (const HbFinding *finding);
const char *hb_finding_get_clause    (const HbFinding *finding);
const char *hb_finding_get_rule_id   (const HbFinding *finding);
const char *hb_finding_get_message   (const HbFinding *finding,
                                      HbLang           lang);
char       *hb_finding_dup_suggestion (const HbFinding *finding,
                                       HbLang           lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbFinding, hb_finding_free)

G_END_DECLS
