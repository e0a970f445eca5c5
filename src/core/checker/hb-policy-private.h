/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-private.h — the compiled form of a pack, shared by the loader,
 * the matcher and the linter, and what the files of HbPolicy share
 * (hb-policy.c: the object; hb-policy-load.c: reading and validating;
 * hb-policy-compile.c: the compiled form; hb-policy-select.c: which pack is
 * in use).  Not installed; not for the app. */
#pragma once

#include "hb-morph.h"
#include "hb-policy.h"

G_BEGIN_DECLS

typedef enum
{
  HB_TERM_UPPER_ONLY      = 1 << 0, /* only when typed in capitals: SULIT, PAS */
  HB_TERM_LOWER_ONLY      = 1 << 1, /* never when typed in capitals: x for tidak, not X */
  HB_TERM_NOT_NEAR_DIGITS = 1 << 2, /* not next to a number: 3 x 4 */
} HbTermFlags;

typedef struct
{
  char     *text;        /* normalised words, separated by single spaces */
  char     *replacement; /* substitutions: what to write instead */
  HbMorph   morph;
  guint     flags;
} HbTerm;

#define HB_NO_LEXICON G_MAXUINT

typedef struct
{
  char      *name;
  HbMorph    morph;
  gboolean   obfuscation; /* also match masked and leetspeak forms */
  GPtrArray *terms;       /* HbTerm */
  guint      except;      /* the lexicon of its antipatterns: phrases that
                             cancel a hit of this one they overlap
                             ("kerajaan" for "raja"), or HB_NO_LEXICON */
  gboolean   antipatterns; /* this lexicon is another one's `except` */
} HbLexicon;

typedef enum
{
  HB_RULE_LEXICON,
  HB_RULE_COOCCURRENCE,
  HB_RULE_PATTERN,
  HB_RULE_SUBSTITUTION,
  HB_RULE_CAPS,
  HB_RULE_PUNCTUATION,
  HB_RULE_POST,         /* checks the post's fields, not its text: hb-post-lint.c */
} HbRuleKind;

typedef enum
{
  HB_PATTERN_MYKAD,
  HB_PATTERN_MOBILE,
  HB_PATTERN_EMAIL,
  HB_PATTERN_ADDRESS,
  HB_PATTERN_REDUPLICATION,
  HB_PATTERN_NAMED_PERSON,
  HB_PATTERN_OLD_HYPHENATION,
  HB_PATTERN_VEHICLE_PLATE,
  HB_PATTERN_CENSORED,
  HB_PATTERN_REPEATED_WORD,
  HB_PATTERN_PASSIVE_APART,
  HB_PATTERN_GLUED_DI,
  HB_PATTERN_AN_NYA,
  HB_N_PATTERNS,
} HbPatternKind;

struct _HbRule
{
  char       *id;
  char       *topic;
  char       *clause;
  HbSeverity  severity;
  HbSureness  sureness;
  HbRuleKind  kind;
  char       *message[HB_N_LANGS];
  char       *suggestion[HB_N_LANGS];
  GArray     *match;    /* guint lexicon indices */
  GPtrArray  *with;     /* GArray of guint: every group must be present */
  GArray     *unless;   /* guint: none may be present */
  gboolean    unless_in_post; /* `unless` looks at the whole post, not the sentence */
  GArray     *unless_post; /* guint: none may be anywhere in the post, whatever
                              `unless` looks at (a police report, a debunk) */
  guint       window;   /* tokens either side for `with`; 0 = the sentence */
  gboolean    with_neighbours; /* `with` also looks at the sentences before and after */
  HbPatternKind pattern;
  char      **allow_domains;
  guint       min_words;
  guint       min_letters;
  guint       min_run;
  char      **examples_bad;
  char      **examples_good;
  char       *post_check; /* post rules: "missing-venue", "weekday-mismatch" … */
  char      **applies_to; /* post rules: post types, or NULL for every post */
  char      **hosts;      /* link-shortener: the shorteners' host names, lower case */
};

typedef struct _HbMatcher HbMatcher;

guint             hb_policy_get_n_lexicons (HbPolicy *self);
const HbLexicon  *hb_policy_get_lexicon    (HbPolicy *self,
                                            guint     i);
guint             hb_policy_get_allow_lexicon (HbPolicy *self);
GPtrArray        *hb_policy_get_lexicon_rules (HbPolicy *self,
                                               guint     lexicon);
const HbMatcher  *hb_policy_get_matcher    (HbPolicy *self);
void              hb_policy_set_source     (HbPolicy       *self,
                                            HbPolicySource  source,
                                            const char     *origin);

/* Only hb-policy*.c read these members; everything else goes through the
 * accessors. */
struct _HbPolicy
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *title[HB_N_LANGS];
  char       *issuer[HB_N_LANGS];
  char       *sha256;
  char       *origin;
  HbPolicySource source;
  GPtrArray  *clauses;    /* HbClause */
  GPtrArray  *checklist;  /* HbChecklistItem */
  GPtrArray  *lexicons;   /* HbLexicon; the allow list is the last one */
  GPtrArray  *rules;      /* HbRule */
  GPtrArray  *lexicon_rules; /* per lexicon: GPtrArray of the rules it is a `match` of */
  HbMatcher  *matcher;
};

/* hb-policy-compile.c */
HbLexicon *hb_lexicon_new       (const char *name,
                                 HbMorph     morph);
void       hb_lexicon_free      (gpointer    lexicon);
HbTerm    *hb_lexicon_add_term  (HbLexicon  *lex,
                                 const char *term,
                                 const char *replacement);
GPtrArray *hb_compound_pairs    (const char *compound);
void       hb_policy_compile    (HbPolicy   *self,
                                 GBytes     *bytes);

G_END_DECLS
