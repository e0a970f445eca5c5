/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy.h — the policy pack: guideline clauses, checklist, rules.
 *
 * A pack is immutable once loaded, so one HbPolicy can be shared by the
 * window, worker threads and the CLI.  Loading validates the whole pack
 * first: a pack with any problem is rejected whole, never half-loaded.
 */
#pragma once

#include <gio/gio.h>

#include "hb-types.h"

G_BEGIN_DECLS

#define HB_POLICY_FORMAT "hebahan-policy/1"

typedef struct
{
  char *id;
  char *text[HB_N_LANGS];
} HbClause;

typedef enum
{
  HB_CHECK_AUTO,
  HB_CHECK_CONFIRM,
} HbCheckKind;

typedef struct
{
  char        *id;
  char        *clause;
  HbCheckKind  kind;
  char        *check;       /* what to evaluate: auto items always; a confirm item may
                             * carry one whose result is shown beside the officer's answer */
  char        *evidence;    /* confirm items: "text", "date", "dates" or NULL */
  char        *label[HB_N_LANGS];
  char       **applies_to;  /* post types, or NULL for every post */
  char        *checked[HB_N_LANGS];  /* what a passing `check` found ("No rumour markers found") */
  char        *needs;       /* "media": does not apply to a post without photos or videos */
  char        *vouched_by;  /* confirm items: "officer" (NULL), "corporate-comms" or "committees" */
} HbChecklistItem;

typedef struct _HbRule HbRule;

/* Where a pack came from; hb_policy_load_default() tries them from the
 * user's own pack down to the built-in one. */
typedef enum
{
  HB_POLICY_SOURCE_BUILTIN,   /* compiled into the program */
  HB_POLICY_SOURCE_USER,      /* the user's pack in the config folder */
  HB_POLICY_SOURCE_FETCHED,   /* the last good pack fetched from the council's server */
  HB_POLICY_SOURCE_FILE,      /* any other file or bytes the caller named (--policy) */
} HbPolicySource;

#define HB_TYPE_POLICY (hb_policy_get_type ())
G_DECLARE_FINAL_TYPE (HbPolicy, hb_policy, HB, POLICY, GObject)

HbPolicy   *hb_policy_new_from_bytes    (GBytes      *bytes,
                                         GError     **error);
HbPolicy   *hb_policy_new_from_file     (const char  *path,
                                         GError     **error);
HbPolicy   *hb_policy_new_builtin       (void);
HbPolicy   *hb_policy_load_default      (GError     **problems);
char       *hb_policy_user_override_path (void);
int         hb_policy_compare_versions  (const char  *a,
                                         const char  *b);
gboolean    hb_policy_is_outdated       (HbPolicy    *self);
GPtrArray  *hb_policy_check_bytes       (GBytes      *bytes);

const char *hb_policy_get_id            (HbPolicy    *self);
const char *hb_policy_get_version       (HbPolicy    *self);
const char *hb_policy_get_title         (HbPolicy    *self,
                                         HbLang       lang);
const char *hb_policy_get_issuer        (HbPolicy    *self,
                                         HbLang       lang);
const char *hb_policy_get_sha256        (HbPolicy    *self);
const char *hb_policy_get_origin        (HbPolicy    *self);
HbPolicySource hb_policy_get_source     (HbPolicy    *self);
const char *hb_policy_source_to_string  (HbPolicySource source);

guint                  hb_policy_get_n_clauses   (HbPolicy   *self);
const HbClause        *hb_policy_get_clause      (HbPolicy   *self,
                                                  guint       i);
const HbClause        *hb_policy_find_clause     (HbPolicy   *self,
                                                  const char *id);
guint                  hb_policy_get_n_checklist (HbPolicy   *self);
const HbChecklistItem *hb_policy_get_checklist   (HbPolicy   *self,
                                                  guint       i);
guint                  hb_policy_get_n_rules     (HbPolicy   *self);
const HbRule          *hb_policy_get_rule        (HbPolicy   *self,
                                                  guint       i);

const char  *hb_rule_get_id        (const HbRule *rule);
const char  *hb_rule_get_topic     (const HbRule *rule);
const char  *hb_rule_get_clause    (const HbRule *rule);
HbSeverity   hb_rule_get_severity  (const HbRule *rule);
HbSureness   hb_rule_get_sureness  (const HbRule *rule);
const char  *hb_rule_get_message   (const HbRule *rule,
                                    HbLang        lang);
const char  *hb_rule_get_suggestion (const HbRule *rule,
                                     HbLang        lang);
const char * const *hb_rule_get_examples (const HbRule *rule,
                                          gboolean      bad);
const char  *hb_rule_get_post_check (const HbRule *rule);
const char * const *hb_rule_get_hosts (const HbRule *rule);
gboolean     hb_rule_applies_to    (const HbRule *rule,
                                    const char   *post_type);

G_END_DECLS
