/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-load.c — reading and validating a policy pack (see hb-policy.h).
 *
 * Parsing and validation are one walk over the JSON: every problem is
 * recorded with its JSON path and the walk goes on, so that
 * `hebahan-cli policy validate` can list them all at once.  The pack is
 * only compiled (hb-policy-compile.c) when the walk found nothing.
 */
#include "config.h"

#include "hb-policy-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-json.h"
#include "hb-json-reader.h"
#include "hb-post.h"
#include "hb-text.h"

#define MAX_PACK_SIZE (16 * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* The validating walk                                                 */

/* Each walk_ function reads the value of one HbJsonReader, which names
 * its JSON path in every hb_json_reader_problem (hb-json-reader.h). */
typedef struct
{
  GPtrArray  *problems;    /* char*: "PATH: message" */
  HbPolicy   *policy;      /* filled as the walk goes */
  GHashTable *lexicon_ids; /* name → index + 1 */
} Walk;


/* A non-empty string member, or NULL (with a problem when it is required
 * and absent, or present and anything else). */
static char *
get_string (const HbJsonReader *r,
            const char         *name,
            gboolean            required)
{
  return hb_json_reader_dup_string (r, name, HB_JSON_NON_EMPTY | (required ? HB_JSON_REQUIRED : 0));
}

static char **
get_strv (const HbJsonReader *r,
          const char         *name)
{
  return hb_json_reader_dup_strv (r, name, HB_JSON_NON_EMPTY);
}

/* {"ms": "…", "en": "…"}; FALSE when it is absent and not required. */
static gboolean
get_text (const HbJsonReader *r,
          const char         *name,
          gboolean            required,
          char               *out[HB_N_LANGS])
{
  HbJsonReader text;

  hb_json_reader_member (r, name, &text);
  if (!hb_json_reader_is_present (&text) && !required)
    return FALSE;
  if (hb_json_reader_expect_object (&text) == NULL)
    return FALSE;
  out[HB_LANG_MS] = get_string (&text, "ms", TRUE);
  out[HB_LANG_EN] = get_string (&text, "en", TRUE);
  return TRUE;
}

static guint
get_uint (const HbJsonReader *r,
          const char         *name,
          guint               fallback)
{
  int value;

  return hb_json_reader_get_int_range (r, name, 0, 10000, HB_JSON_OPTIONAL, &value) ? (guint) value
                                                                                   : fallback;
}

/* ------------------------------------------------------------------ */
/* Clauses and checklist                                               */

static void
walk_clauses (Walk               *w,
              const HbJsonReader *list)
{
  static const char * const known[] = { "id", "text", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *arr = hb_json_reader_expect_array (list);

  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      HbJsonReader r;
      HbClause *c;

      hb_json_reader_element (list, i, &r);
      if (hb_json_reader_expect_object (&r) == NULL)
        continue;
      hb_json_reader_refuse_unknown_members (&r, known);
      c = g_new0 (HbClause, 1);
      c->id = get_string (&r, "id", TRUE);
      get_text (&r, "text", TRUE, c->text);
      if (c->id && !g_hash_table_add (seen, c->id))
        hb_json_reader_problem (&r, _("duplicate clause id “%s”"), c->id);
      g_ptr_array_add (w->policy->clauses, c);
    }
}

static gboolean
is_known_check (const char *check)
{
  static const char * const checks[] = {
    "fields-complete", "no-findings", "media-present", "media-quality", "alt-text",
    "official-link", "platform-limits", NULL
  };
  return g_strv_contains (checks, check);
}

static void
walk_checklist_item (Walk               *w,
                     const HbJsonReader *r)
{
  static const char * const known[] = {
    "id", "clause", "kind", "check", "checked", "evidence", "label", "applies_to", "needs",
    "vouched_by", NULL
  };
  static const char * const evidences[] = { "text", "date", "dates", NULL };
  static const char * const vouchers[] = { "officer", "corporate-comms", "committees", NULL };
  HbChecklistItem *item = g_new0 (HbChecklistItem, 1);
  g_autofree char *kind = NULL;

  hb_json_reader_refuse_unknown_members (r, known);
  item->id = get_string (r, "id", TRUE);
  item->clause = get_string (r, "clause", TRUE);
  kind = get_string (r, "kind", TRUE);
  item->check = get_string (r, "check", FALSE);
  item->evidence = get_string (r, "evidence", FALSE);
  item->applies_to = get_strv (r, "applies_to");
  item->needs = get_string (r, "needs", FALSE);
  item->vouched_by = get_string (r, "vouched_by", FALSE);
  get_text (r, "label", TRUE, item->label);
  get_text (r, "checked", FALSE, item->checked);

  if (item->clause && hb_policy_find_clause (w->policy, item->clause) == NULL)
    hb_json_reader_problem (r, _("clause “%s” is not in “clauses”"), item->clause);
  if (g_strcmp0 (kind, "auto") == 0)
    {
      item->kind = HB_CHECK_AUTO;
      if (item->check == NULL)
        hb_json_reader_problem (r, _("an auto item needs “check”"));
      else if (!is_known_check (item->check))
        hb_json_reader_problem (r, _("unknown check “%s”"), item->check);
    }
  else if (g_strcmp0 (kind, "confirm") == 0)
    {
      /* A check on a confirm item is shown beside the officer's answer. */
      item->kind = HB_CHECK_CONFIRM;
      if (item->check != NULL && !is_known_check (item->check))
        hb_json_reader_problem (r, _("unknown check “%s”"), item->check);
    }
  else if (kind != NULL)
    hb_json_reader_problem (r, _("“kind” must be “auto” or “confirm”"));
  if (item->evidence && !g_strv_contains (evidences, item->evidence))
    hb_json_reader_problem (r, _("“evidence” must be “text”, “date” or “dates”"));
  if (item->needs && g_strcmp0 (item->needs, "media") != 0)
    hb_json_reader_problem (r, _("“needs” must be “media”"));
  if (item->vouched_by && !g_strv_contains (vouchers, item->vouched_by))
    hb_json_reader_problem (r, _("“vouched_by” must be “officer”, “corporate-comms” or “committees”"));
  if (item->checked[0] && item->check == NULL)
    hb_json_reader_problem (r, _("“checked” describes a “check”, and this item has none"));
  g_ptr_array_add (w->policy->checklist, item);
}

static void
walk_checklist (Walk               *w,
                const HbJsonReader *list)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *arr = hb_json_reader_expect_array (list);

  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      HbJsonReader r;
      HbChecklistItem *item;

      hb_json_reader_element (list, i, &r);
      if (hb_json_reader_expect_object (&r) == NULL)
        continue;
      walk_checklist_item (w, &r);
      item = g_ptr_array_index (w->policy->checklist, w->policy->checklist->len - 1);
      if (item->id && !g_hash_table_add (seen, item->id))
        hb_json_reader_problem (&r, _("duplicate checklist id “%s”"), item->id);
    }
}

/* ------------------------------------------------------------------ */
/* Lexicons                                                            */

static HbTerm *
add_term (const HbJsonReader *r,
          HbLexicon          *lex,
          const char         *term,
          const char         *replacement)
{
  HbTerm *t = hb_lexicon_add_term (lex, term, replacement);

  if (t == NULL)
    hb_json_reader_problem (r, _("the term “%s” has no word in it"), term);
  return t;
}

static void
walk_term_object (const HbJsonReader *r,
                  HbLexicon          *lex)
{
  static const char * const known[] = { "term", "replacement", "case", "morph", "not_near_digits", NULL };
  g_autofree char *term = get_string (r, "term", TRUE);
  g_autofree char *replacement = get_string (r, "replacement", FALSE);
  g_autofree char *kase = get_string (r, "case", FALSE);
  g_autofree char *morph = get_string (r, "morph", FALSE);
  gboolean near = FALSE;
  HbTerm *t;

  hb_json_reader_refuse_unknown_members (r, known);
  hb_json_reader_get_bool (r, "not_near_digits", &near);
  if (term == NULL || (t = add_term (r, lex, term, replacement)) == NULL)
    return;
  if (g_strcmp0 (kase, "upper") == 0)
    t->flags |= HB_TERM_UPPER_ONLY;
  else if (g_strcmp0 (kase, "lower") == 0)
    t->flags |= HB_TERM_LOWER_ONLY;
  else if (kase != NULL)
    hb_json_reader_problem (r, _("“case” must be “upper” or “lower”"));
  if (morph != NULL && !hb_morph_from_string (morph, &t->morph))
    hb_json_reader_problem (r, _("“morph” must be “ms”, “en” or “none”"));
  if (near)
    t->flags |= HB_TERM_NOT_NEAR_DIGITS;
}

static void
add_pair (const HbJsonReader *r,
          HbLexicon          *lex,
          const char         *wrong,
          const char         *right)
{
  HbTerm *t = add_term (r, lex, wrong, right);

  if (t)
    t->morph = HB_MORPH_NONE;
}

static void
add_compound (const HbJsonReader *r,
              HbLexicon          *lex,
              const char         *compound)
{
  g_autoptr(GPtrArray) pairs = hb_compound_pairs (compound);

  if (pairs == NULL)
    {
      hb_json_reader_problem (r, _("“%s” must be two words"), compound);
      return;
    }
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    add_pair (r, lex, pairs->pdata[i], pairs->pdata[i + 1]);
}

/* One generator: {"split": "di", "words": ["sini", …]} adds "disini" →
 * "di sini"; {"join": "di", "words": ["adakan", …]} adds "di adakan" →
 * "diadakan"; {"compound": ["kenal pasti", …]} adds "dikenalpasti" →
 * "dikenal pasti". */
static void
walk_generator (const HbJsonReader *r,
                HbLexicon          *lex)
{
  static const char * const known[] = { "split", "join", "words", "compound", NULL };
  g_autofree char *split = NULL, *join = NULL;
  g_auto(GStrv) words = NULL, compounds = NULL;

  hb_json_reader_refuse_unknown_members (r, known);
  if (hb_json_reader_has_member (r, "compound"))
    {
      compounds = get_strv (r, "compound");
      for (guint k = 0; compounds && compounds[k]; k++)
        add_compound (r, lex, compounds[k]);
      return;
    }
  split = get_string (r, "split", FALSE);
  join = get_string (r, "join", FALSE);
  words = get_strv (r, "words");
  if ((split == NULL) == (join == NULL) || words == NULL)
    {
      hb_json_reader_problem (r, _("needs “words” and exactly one of “split” or “join”, or “compound”"));
      return;
    }
  for (guint k = 0; words[k]; k++)
    {
      const char *prefix = split ? split : join;
      g_autofree char *joined = g_strconcat (prefix, words[k], NULL);
      g_autofree char *apart = g_strconcat (prefix, " ", words[k], NULL);

      add_pair (r, lex, split ? joined : apart, split ? apart : joined);
    }
}

static void
walk_generators (const HbJsonReader *list,
                 HbLexicon          *lex)
{
  JsonArray *arr = hb_json_reader_expect_array (list);

  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      HbJsonReader r;

      hb_json_reader_element (list, i, &r);
      if (hb_json_reader_expect_object (&r) != NULL)
        walk_generator (&r, lex);
    }
}

static void
walk_terms (const HbJsonReader *list,
            HbLexicon          *lex)
{
  JsonArray *arr = hb_json_reader_expect_array (list);

  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      HbJsonReader r;

      hb_json_reader_element (list, i, &r);
      if (hb_json_reader_peek_string (&r) != NULL)
        add_term (&r, lex, hb_json_reader_peek_string (&r), NULL);
      else if (JSON_NODE_HOLDS_OBJECT (hb_json_reader_get_node (&r)))
        walk_term_object (&r, lex);
      else
        hb_json_reader_problem (&r, _("a term must be a string or an object"));
    }
}

/* "except": phrases in which a term of the lexicon means something else
 * ("kerajaan", government, for the ruler "raja"; "dilarang meletakkan"
 * for an insult built on "letak").  They are matched exactly as written
 * (a term object may ask for morphology) and cancel only this lexicon's
 * hits, unlike the pack's `allow` list, which cancels every rule. */
static void
walk_except (Walk               *w,
             HbLexicon          *lex,
             const HbJsonReader *list)
{
  g_autofree char *name = g_strdup_printf ("%s (except)", lex->name);
  HbLexicon *except = hb_lexicon_new (name, HB_MORPH_NONE);

  except->antipatterns = TRUE;
  g_ptr_array_add (w->policy->lexicons, except);
  lex->except = w->policy->lexicons->len - 1;
  walk_terms (list, except);
}

static void
walk_lexicon (Walk               *w,
              const HbJsonReader *r,
              const char         *name)
{
  static const char * const known[] = { "morph", "obfuscation", "terms", "except", "generate", "note", NULL };
  g_autofree char *morph = NULL;
  HbJsonReader member;
  HbLexicon *lex;

  if (hb_json_reader_expect_object (r) == NULL)
    return;
  hb_json_reader_refuse_unknown_members (r, known);
  lex = hb_lexicon_new (name, HB_MORPH_NONE);
  g_ptr_array_add (w->policy->lexicons, lex);
  g_hash_table_insert (w->lexicon_ids, lex->name, GUINT_TO_POINTER (w->policy->lexicons->len));

  morph = get_string (r, "morph", FALSE);
  if (morph != NULL && !hb_morph_from_string (morph, &lex->morph))
    hb_json_reader_problem (r, _("“morph” must be “ms”, “en” or “none”"));
  hb_json_reader_get_bool (r, "obfuscation", &lex->obfuscation);

  hb_json_reader_member (r, "terms", &member);
  if (hb_json_reader_is_present (&member))
    walk_terms (&member, lex);
  hb_json_reader_member (r, "except", &member);
  if (hb_json_reader_is_present (&member))
    walk_except (w, lex, &member);
  hb_json_reader_member (r, "generate", &member);
  if (hb_json_reader_is_present (&member))
    walk_generators (&member, lex);
  if (lex->terms->len == 0)
    hb_json_reader_problem (r, _("a lexicon needs at least one term"));
}

static void
walk_allow (Walk               *w,
            const HbJsonReader *list)
{
  JsonArray *arr = hb_json_reader_expect_array (list);
  HbLexicon *lex;

  if (arr == NULL)
    return;
  lex = hb_lexicon_new ("(allow)", HB_MORPH_NONE);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      HbJsonReader r;

      hb_json_reader_element (list, i, &r);
      if (hb_json_reader_peek_string (&r) == NULL)
        hb_json_reader_problem (&r, _("must be a string"));
      else
        add_term (&r, lex, hb_json_reader_peek_string (&r), NULL);
    }
  g_ptr_array_add (w->policy->lexicons, lex);
}

/* ------------------------------------------------------------------ */
/* Rules                                                               */

static const char *rule_kinds[] = {
  "lexicon", "cooccurrence", "pattern", "substitution", "caps", "punctuation", "post",
};

static const char *pattern_names[] = {
  "mykad", "mobile", "email", "home-address", "numeral-reduplication", "named-person",
  "old-hyphenation", "vehicle-plate", "censored-word", "repeated-word", "passive-apart",
  "glued-preposition", "an-nya",
};

/* A lexicon reference list: "name" or ["name", …]. */
static GArray *
get_lexicon_refs (Walk               *w,
                  const HbJsonReader *r)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonNode *node = hb_json_reader_get_node (r);

  if (hb_json_reader_peek_string (r) != NULL)
    g_ptr_array_add (names, (gpointer) hb_json_reader_peek_string (r));
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      for (guint i = 0; i < hb_json_reader_get_size (r); i++)
        {
          HbJsonReader el;

          hb_json_reader_element (r, i, &el);
          if (hb_json_reader_peek_string (&el) == NULL)
            hb_json_reader_problem (&el, _("must be a lexicon name"));
          else
            g_ptr_array_add (names, (gpointer) hb_json_reader_peek_string (&el));
        }
    }
  else
    hb_json_reader_problem (r, _("must be a lexicon name or a list of them"));

  for (guint i = 0; i < names->len; i++)
    {
      guint id = GPOINTER_TO_UINT (g_hash_table_lookup (w->lexicon_ids, names->pdata[i]));

      if (id == 0)
        hb_json_reader_problem (r, _("unknown lexicon “%s”"), (const char *) names->pdata[i]);
      else
        g_array_append_val (ids, (guint) { id - 1 });
    }
  if (names->len == 0)
    hb_json_reader_problem (r, _("names no lexicon"));
  return ids;
}

static GArray *
get_lexicon_refs_member (Walk               *w,
                         const HbJsonReader *r,
                         const char         *name)
{
  HbJsonReader member;

  hb_json_reader_member (r, name, &member);
  return get_lexicon_refs (w, &member);
}

static void
walk_rule_with (Walk               *w,
                HbRule             *r,
                const HbJsonReader *rule)
{
  HbJsonReader with;
  JsonArray *arr;

  r->with = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  hb_json_reader_member (rule, "with", &with);
  if (!hb_json_reader_is_present (&with))
    {
      if (r->kind == HB_RULE_COOCCURRENCE)
        hb_json_reader_problem (rule, _("a cooccurrence rule needs “with”"));
      return;
    }
  if (r->kind != HB_RULE_COOCCURRENCE && r->kind != HB_RULE_PATTERN)
    hb_json_reader_problem (rule, _("only cooccurrence and pattern rules take “with”"));
  if ((arr = hb_json_reader_expect_array (&with)) == NULL)
    return;
  /* Each element is one group: a name, or a list of names any of which will do. */
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      HbJsonReader group;

      hb_json_reader_element (&with, i, &group);
      g_ptr_array_add (r->with, get_lexicon_refs (w, &group));
    }
}

/* "window", "with_scope" and "unless_scope": how far a rule looks. */
static void
walk_rule_scopes (HbRule             *r,
                  const HbJsonReader *rule)
{
  r->window = get_uint (rule, "window", 0);
  if (hb_json_reader_has_member (rule, "with_scope"))
    {
      g_autofree char *scope = get_string (rule, "with_scope", TRUE);

      if (g_strcmp0 (scope, "neighbours") == 0)
        r->with_neighbours = TRUE;
      else if (g_strcmp0 (scope, "sentence") != 0)
        hb_json_reader_problem (rule, _("“with_scope” must be “sentence” or “neighbours”"));
    }
  if (hb_json_reader_has_member (rule, "unless_scope"))
    {
      g_autofree char *scope = get_string (rule, "unless_scope", TRUE);

      if (g_strcmp0 (scope, "post") == 0)
        r->unless_in_post = TRUE;
      else if (g_strcmp0 (scope, "sentence") != 0)
        hb_json_reader_problem (rule, _("“unless_scope” must be “sentence” or “post”"));
    }
}

static void
walk_rule_kind_fields (Walk               *w,
                       HbRule             *r,
                       const HbJsonReader *rule)
{
  gboolean lexical = r->kind == HB_RULE_LEXICON || r->kind == HB_RULE_COOCCURRENCE ||
                     r->kind == HB_RULE_SUBSTITUTION;

  if (lexical)
    r->match = get_lexicon_refs_member (w, rule, "match");
  else if (hb_json_reader_has_member (rule, "match"))
    hb_json_reader_problem (rule, _("this kind of rule takes no “match”"));

  walk_rule_with (w, r, rule);
  if (hb_json_reader_has_member (rule, "unless"))
    r->unless = get_lexicon_refs_member (w, rule, "unless");
  if (hb_json_reader_has_member (rule, "unless_post"))
    r->unless_post = get_lexicon_refs_member (w, rule, "unless_post");
  walk_rule_scopes (r, rule);

  if (r->kind == HB_RULE_PATTERN)
    {
      g_autofree char *pattern = get_string (rule, "pattern", TRUE);
      guint k;

      for (k = 0; k < G_N_ELEMENTS (pattern_names); k++)
        if (g_strcmp0 (pattern, pattern_names[k]) == 0)
          break;
      if (pattern && k == G_N_ELEMENTS (pattern_names))
        hb_json_reader_problem (rule, _("unknown pattern “%s”"), pattern);
      r->pattern = k;
      r->allow_domains = get_strv (rule, "allow_domains");
    }
  r->min_words = get_uint (rule, "min_words", 5);
  r->min_letters = get_uint (rule, "min_letters", 20);
  r->min_run = get_uint (rule, "min_run", 2);
}

static void
walk_rule_examples (HbRule             *r,
                    const HbJsonReader *rule)
{
  static const char * const known[] = { "bad", "good", NULL };
  HbJsonReader ex;

  hb_json_reader_member (rule, "examples", &ex);
  if (!hb_json_reader_is_present (&ex))
    {
      hb_json_reader_problem (rule, _("every rule needs “examples” with “bad” and “good” sentences"));
      return;
    }
  if (hb_json_reader_expect_object (&ex) == NULL)
    return;
  hb_json_reader_refuse_unknown_members (&ex, known);
  r->examples_bad = get_strv (&ex, "bad");
  r->examples_good = get_strv (&ex, "good");
  if (r->examples_bad == NULL || r->examples_bad[0] == NULL)
    hb_json_reader_problem (&ex, _("needs at least one “bad” example"));
}

static const char *post_only_members[] = { "check", "applies_to", "hosts" };

/* Post checks that read the caption's words, so that a sentence can show
 * them: such rules may carry examples (tests/test-examples.c lints each
 * one as the body of a post). */
static const char * const text_post_checks[] = {
  "weekday-mismatch", "link-insecure", "link-shortener", NULL
};

/* A host name as a browser shows it: "bit.ly", not "https://bit.ly/". */
static gboolean
is_host_name (const char *host)
{
  if (strchr (host, '.') == NULL || host[0] == '.' || host[0] == '-')
    return FALSE;
  for (const char *p = host; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-'))
      return FALSE;
  return TRUE;
}

/* "hosts" of a link-shortener rule: at least one, each a host name. */
static void
walk_post_hosts (HbRule             *r,
                 const HbJsonReader *rule)
{
  gboolean shortener = g_strcmp0 (r->post_check, "link-shortener") == 0;
  HbJsonReader hosts;

  hb_json_reader_member (rule, "hosts", &hosts);
  r->hosts = get_strv (rule, "hosts");
  if (r->hosts != NULL && !shortener)
    hb_json_reader_problem (rule, _("only a link-shortener rule takes “hosts”"));
  else if (shortener && (r->hosts == NULL || r->hosts[0] == NULL))
    hb_json_reader_problem (rule, _("a link-shortener rule needs “hosts”: the shorteners’ host names"));
  for (guint i = 0; shortener && r->hosts && r->hosts[i]; i++)
    if (!is_host_name (r->hosts[i]))
      hb_json_reader_problem (&hosts, _("“%s” is not a host name in lower case, such as “bit.ly”"), r->hosts[i]);
}

/* A `post` rule looks at the post's fields, not at words: it names one of
 * the checks hb-post-lint.c knows and takes none of the text rules'
 * fields.  Examples only where the check reads the caption's words. */
static void
walk_post_rule (HbRule             *r,
                const HbJsonReader *rule)
{
  static const char * const checks[] = {
    "missing-event-name", "missing-date", "missing-time", "missing-venue", "missing-guests",
    "time-unreadable", "weekday-mismatch", "alt-text-missing", "platform-length", "platform-hashtags",
    "platform-mentions", "media-blurry", "media-underexposed", "media-overexposed",
    "media-resolution", "media-aspect", "media-file-size", "media-video-duration",
    "media-video-size", "media-count", "media-unreadable", "link-insecure", "link-shortener", "link-broken",
    "link-insecure-redirect", NULL
  };
  static const char * const text_members[] = {
    "match", "with", "with_scope", "unless", "unless_scope", "unless_post", "window", "pattern",
    "allow_domains", "min_words", "min_letters", "min_run", NULL
  };
  HbJsonReader applies_to;

  for (guint i = 0; text_members[i]; i++)
    if (hb_json_reader_has_member (rule, text_members[i]))
      hb_json_reader_problem (rule, _("a post rule takes no “%s”"), text_members[i]);
  r->post_check = get_string (rule, "check", TRUE);
  if (r->post_check && !g_strv_contains (checks, r->post_check))
    hb_json_reader_problem (rule, _("unknown post check “%s”"), r->post_check);
  if (hb_json_reader_has_member (rule, "examples"))
    {
      /* Only checks that read words have a sentence to try. */
      if (r->post_check && !g_strv_contains (text_post_checks, r->post_check))
        hb_json_reader_problem (rule, _("a post rule takes no “%s”"), "examples");
      else
        walk_rule_examples (r, rule);
    }
  walk_post_hosts (r, rule);
  hb_json_reader_member (rule, "applies_to", &applies_to);
  r->applies_to = get_strv (rule, "applies_to");
  for (guint i = 0; r->applies_to && r->applies_to[i]; i++)
    if (!hb_post_type_from_string (r->applies_to[i], &(HbPostType) { 0 }))
      hb_json_reader_problem (&applies_to, _("unknown post type “%s”"), r->applies_to[i]);
}

/* "severity" and "sureness": either may be left out and follows the other
 * (a certain match is an error, a possible one a note), and together they
 * must agree: a possible match never blocks as an error, a certain one is
 * never only a note. */
static void
walk_rule_severity (HbRule             *r,
                    const HbJsonReader *rule)
{
  g_autofree char *severity = get_string (rule, "severity", FALSE);
  g_autofree char *sureness = get_string (rule, "sureness", FALSE);

  r->severity = HB_SEVERITY_WARNING;
  r->sureness = HB_SURENESS_LIKELY;
  if (severity == NULL && sureness == NULL)
    hb_json_reader_problem (rule, _("needs “severity” or “sureness”"));
  if (severity && !hb_severity_from_string (severity, &r->severity))
    hb_json_reader_problem (rule, _("“severity” must be “info”, “warning” or “error”"));
  if (sureness && !hb_sureness_from_string (sureness, &r->sureness))
    hb_json_reader_problem (rule, _("“sureness” must be “possible”, “likely” or “certain”"));
  if (severity == NULL)
    r->severity = (HbSeverity) r->sureness;
  else if (sureness == NULL)
    r->sureness = (HbSureness) r->severity;
  else if ((r->sureness == HB_SURENESS_POSSIBLE && r->severity == HB_SEVERITY_ERROR) ||
           (r->sureness == HB_SURENESS_CERTAIN && r->severity == HB_SEVERITY_INFO))
    hb_json_reader_problem (rule, _("a “%s” match cannot be an “%s”"), sureness, severity);
}

static void
walk_rule (Walk               *w,
           const HbJsonReader *rule)
{
  static const char * const known[] = {
    "id", "topic", "clause", "severity", "sureness", "kind", "match", "with", "with_scope", "unless",
    "unless_scope", "unless_post", "window", "pattern",
    "allow_domains", "min_words", "min_letters", "min_run", "message", "suggestion", "examples",
    "check", "applies_to", "hosts", "note", NULL
  };
  HbRule *r = g_new0 (HbRule, 1);
  g_autofree char *kind = NULL;
  guint k;

  g_ptr_array_add (w->policy->rules, r);
  hb_json_reader_refuse_unknown_members (rule, known);
  r->id = get_string (rule, "id", TRUE);
  r->topic = get_string (rule, "topic", TRUE);
  r->clause = get_string (rule, "clause", FALSE);
  kind = get_string (rule, "kind", TRUE);
  walk_rule_severity (r, rule);

  if (r->topic && !hb_topic_is_known (r->topic))
    hb_json_reader_problem (rule, _("unknown topic “%s”"), r->topic);
  else if (r->topic && r->clause == NULL)
    r->clause = g_strdup (hb_topic_default_clause (r->topic));
  if (r->clause && hb_policy_find_clause (w->policy, r->clause) == NULL)
    hb_json_reader_problem (rule, _("clause “%s” is not in “clauses”"), r->clause);
  for (k = 0; k < G_N_ELEMENTS (rule_kinds); k++)
    if (g_strcmp0 (kind, rule_kinds[k]) == 0)
      break;
  if (kind && k == G_N_ELEMENTS (rule_kinds))
    {
      hb_json_reader_problem (rule, _("unknown rule kind “%s”"), kind);
      return;
    }
  r->kind = k;
  get_text (rule, "message", TRUE, r->message);
  get_text (rule, "suggestion", FALSE, r->suggestion);
  if (r->kind == HB_RULE_POST)
    {
      walk_post_rule (r, rule);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (post_only_members); i++)
    if (hb_json_reader_has_member (rule, post_only_members[i]))
      hb_json_reader_problem (rule, _("only post rules take “%s”"), post_only_members[i]);
  walk_rule_kind_fields (w, r, rule);
  walk_rule_examples (r, rule);
  for (guint i = 0; i < HB_N_LANGS; i++)
    if (r->message[i] && strstr (r->message[i], "{context}") && (r->with == NULL || r->with->len == 0))
      hb_json_reader_problem (rule, _("only a rule with “with” can name its {context}"));
}

static void
walk_rules (Walk               *w,
            const HbJsonReader *list)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *arr = hb_json_reader_expect_array (list);

  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      HbJsonReader rule;
      HbRule *r;

      hb_json_reader_element (list, i, &rule);
      if (hb_json_reader_expect_object (&rule) == NULL)
        continue;
      walk_rule (w, &rule);
      r = g_ptr_array_index (w->policy->rules, w->policy->rules->len - 1);
      if (r->id && !g_hash_table_add (seen, r->id))
        hb_json_reader_problem (&rule, _("duplicate rule id “%s”"), r->id);
    }
}

/* ------------------------------------------------------------------ */
/* The whole pack                                                      */

static void
walk_lexicons (Walk               *w,
               const HbJsonReader *lexicons)
{
  JsonObject *obj = hb_json_reader_expect_object (lexicons);
  g_autoptr(GList) names = NULL;

  if (obj == NULL)
    return;
  names = json_object_get_members (obj);
  for (GList *l = names; l; l = l->next)
    {
      HbJsonReader lexicon;

      hb_json_reader_member (lexicons, l->data, &lexicon);
      walk_lexicon (w, &lexicon, l->data);
    }
}

static void
walk_pack (Walk               *w,
           const HbJsonReader *pack)
{
  static const char * const known[] = {
    "format", "id", "version", "title", "issuer", "clauses", "checklist", "allow", "lexicons",
    "rules", "note", NULL
  };
  g_autofree char *format = NULL;
  HbJsonReader member;

  if (hb_json_reader_expect_object (pack) == NULL)
    return;
  hb_json_reader_refuse_unknown_members (pack, known);
  format = get_string (pack, "format", TRUE);
  hb_json_reader_member (pack, "format", &member);
  if (format && strcmp (format, HB_POLICY_FORMAT) != 0)
    hb_json_reader_problem (&member, _("unsupported format “%s” (expected “%s”)"), format, HB_POLICY_FORMAT);
  w->policy->id = get_string (pack, "id", TRUE);
  w->policy->version = get_string (pack, "version", TRUE);
  get_text (pack, "title", TRUE, w->policy->title);
  get_text (pack, "issuer", FALSE, w->policy->issuer);

  hb_json_reader_member (pack, "clauses", &member);
  walk_clauses (w, &member);
  hb_json_reader_member (pack, "checklist", &member);
  walk_checklist (w, &member);
  hb_json_reader_member (pack, "lexicons", &member);
  walk_lexicons (w, &member);
  hb_json_reader_member (pack, "allow", &member);
  walk_allow (w, &member);
  hb_json_reader_member (pack, "rules", &member);
  walk_rules (w, &member);
}

/* ------------------------------------------------------------------ */
/* Limits                                                              */

/* A pack comes from a server or an e-mail: one of 200,000 terms with
 * morphology and obfuscation cost minutes and gigabytes to compile.  So
 * its size is counted on the parsed JSON, which is cheap, before anything
 * is compiled; the limits are ten times the built-in pack or more.
 * Nothing here reports a value of the wrong type: the walk does. */
#define MAX_LEXICONS     500
#define MAX_TERMS        20000    /* terms and generated words, all lexicons */
#define MAX_TERM_CHARS   100
#define MAX_RULES        1000
#define MAX_LIST         5000     /* clauses, checklist items, allowed words */
#define MAX_COMPILED     60000    /* weighted (term_cost()); the built-in pack is 38,431 */

typedef struct
{
  guint terms;
  guint compiled;
} Cost;

/* Each Malay root with morphology becomes a dozen forms or so, each
 * obfuscated term a masked skeleton besides: the weight of one term in
 * the compiled index, roughly. */
static guint
term_cost (const HbJsonReader *lexicon)
{
  HbJsonReader morph, obfuscation;
  JsonNode *node;
  gboolean masked;

  hb_json_reader_member (lexicon, "morph", &morph);
  hb_json_reader_member (lexicon, "obfuscation", &obfuscation);
  node = hb_json_reader_get_node (&obfuscation);
  masked = node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
           json_node_get_boolean (node);
  return (g_strcmp0 (hb_json_reader_peek_string (&morph), "none") == 0 ||
          hb_json_reader_peek_string (&morph) == NULL ? 1 : 12) * (masked ? 3 : 1);
}

static gboolean
too_many (const HbJsonReader *r,
          guint               n,
          guint               max)
{
  if (n <= max)
    return FALSE;
  hb_json_reader_problem (r, _("%u entries, more than the %u a pack may have"), n, max);
  return TRUE;
}

static guint
member_size (const HbJsonReader *r,
             const char         *name)
{
  HbJsonReader member;
  JsonNode *node;

  /* Arrays only: a list of the wrong type is the walk's to report. */
  hb_json_reader_member (r, name, &member);
  node = hb_json_reader_get_node (&member);
  return node && JSON_NODE_HOLDS_ARRAY (node) ? hb_json_reader_get_size (&member) : 0;
}

/* One term's length; FALSE (with a problem at its list) when it is too long. */
static gboolean
count_term (const HbJsonReader *list,
            guint               i)
{
  HbJsonReader term, text;
  const char *s;
  glong chars;

  hb_json_reader_element (list, i, &term);
  hb_json_reader_member (&term, "term", &text);
  s = hb_json_reader_peek_string (hb_json_reader_is_present (&text) ? &text : &term);
  chars = s && g_utf8_validate (s, -1, NULL) ? g_utf8_strlen (s, -1) : 0;
  if (chars <= MAX_TERM_CHARS)
    return TRUE;
  hb_json_reader_problem (list, _("term %u is %ld characters long, more than the %u a term may have"),
           i, chars, (guint) MAX_TERM_CHARS);
  return FALSE;
}

static gboolean
count_terms (const HbJsonReader *lexicon,
             const char         *member,
             guint              *n)
{
  HbJsonReader list;

  hb_json_reader_member (lexicon, member, &list);
  *n = member_size (lexicon, member);
  for (guint i = 0; i < *n && i <= MAX_TERMS; i++)
    if (!count_term (&list, i))
      return FALSE;
  return TRUE;
}

/* A compound ("kenal pasti") generates its joined forms with every prefix
 * the morphology knows: about a dozen entries, like a root. */
#define COMPOUND_COST 12

static gboolean
count_lexicon (const HbJsonReader *lexicon,
               Cost               *cost)
{
  HbJsonReader generate;
  guint n = 0, except = 0, compounds = 0;
  JsonNode *node = hb_json_reader_get_node (lexicon);
  gboolean is_object = node && JSON_NODE_HOLDS_OBJECT (node);

  if (!count_terms (lexicon, "terms", &n) || !count_terms (lexicon, "except", &except))
    return FALSE;
  hb_json_reader_member (lexicon, "generate", &generate);
  for (guint i = 0; i < member_size (lexicon, "generate"); i++)
    {
      HbJsonReader g;

      hb_json_reader_element (&generate, i, &g);
      n += member_size (&g, "words");
      compounds += member_size (&g, "compound");
    }
  cost->terms += n + except + compounds;
  cost->compiled += n * (is_object ? term_cost (lexicon) : 1) + except + compounds * COMPOUND_COST;
  return cost->terms <= MAX_TERMS;
}

/* FALSE, with a problem naming the limit, when the pack is too large to
 * compile at a bounded cost. */
static gboolean
check_pack_limits (Walk               *w,
                   const HbJsonReader *pack)
{
  HbJsonReader rules, clauses, checklist, allow, lexicons;
  JsonNode *node;
  g_autoptr(GList) names = NULL;
  Cost cost = { 0, };

  hb_json_reader_member (pack, "rules", &rules);
  hb_json_reader_member (pack, "clauses", &clauses);
  hb_json_reader_member (pack, "checklist", &checklist);
  hb_json_reader_member (pack, "allow", &allow);
  hb_json_reader_member (pack, "lexicons", &lexicons);
  node = hb_json_reader_get_node (&lexicons);
  if (node && JSON_NODE_HOLDS_OBJECT (node))
    names = json_object_get_members (json_node_get_object (node));
  if (too_many (&rules, member_size (pack, "rules"), MAX_RULES) ||
      too_many (&clauses, member_size (pack, "clauses"), MAX_LIST) ||
      too_many (&checklist, member_size (pack, "checklist"), MAX_LIST) ||
      too_many (&allow, member_size (pack, "allow"), MAX_LIST) ||
      too_many (&lexicons, g_list_length (names), MAX_LEXICONS))
    return FALSE;
  for (GList *l = names; l; l = l->next)
    {
      HbJsonReader lexicon;

      hb_json_reader_member (&lexicons, l->data, &lexicon);
      if (!count_lexicon (&lexicon, &cost))
        break;
    }
  if (too_many (&lexicons, cost.terms, MAX_TERMS))
    return FALSE;
  if (w->problems->len > 0)
    return FALSE;
  if (cost.compiled > MAX_COMPILED)
    {
      hb_json_reader_problem (&lexicons, _("the terms would compile to about %u index entries (morphology and "
                            "obfuscation multiply each term), more than the %u a pack may have"),
               cost.compiled, (guint) MAX_COMPILED);
      return FALSE;
    }
  return TRUE;
}

/* Parses and validates @bytes; returns the policy, or NULL with every
 * problem in @problems. */
static HbPolicy *
parse_pack (GBytes     *bytes,
            GPtrArray  *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) lexicon_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HbPolicy) policy = g_object_new (HB_TYPE_POLICY, NULL);
  g_autoptr(GError) error = NULL;
  Walk w = { problems, policy, lexicon_ids };
  HbJsonReader pack;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  hb_json_reader_init (&pack, NULL, problems);
  if (len > MAX_PACK_SIZE)
    {
      hb_json_reader_problem (&pack, _("the pack is larger than 16 MB"));
      return NULL;
    }
  if (!hb_utf8_validate (data, len, &error) ||
      !hb_json_load (parser, data, len, &error))
    {
      hb_json_reader_problem (&pack, "%s", error->message);
      return NULL;
    }
  hb_json_reader_init (&pack, json_parser_get_root (parser), problems);
  if (!check_pack_limits (&w, &pack))
    return NULL;
  walk_pack (&w, &pack);
  if (problems->len > 0)
    return NULL;

  hb_policy_compile (policy, bytes);
  return g_steal_pointer (&policy);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/* Returns every problem found in the pack @bytes, each "PATH: message";
 * an empty array means the pack is valid. */
GPtrArray *
hb_policy_check_bytes (GBytes *bytes)
{
  GPtrArray *problems;
  g_autoptr(HbPolicy) policy = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  problems = g_ptr_array_new_with_free_func (g_free);
  policy = parse_pack (bytes, problems);
  return problems;
}

HbPolicy *
hb_policy_new_from_bytes (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  HbPolicy *policy;

  g_return_val_if_fail (bytes != NULL, NULL);

  problems = g_ptr_array_new_with_free_func (g_free);
  policy = parse_pack (bytes, problems);

  if (policy == NULL)
    {
      if (problems->len == 1)
        g_set_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY,
                     _("Invalid policy pack: %s"), (const char *) problems->pdata[0]);
      else
        g_set_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY,
                     _("Invalid policy pack: %s (and %u more problems)"),
                     (const char *) problems->pdata[0], problems->len - 1);
    }
  return policy;
}

HbPolicy *
hb_policy_new_from_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  HbPolicy *policy;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);

  /* /dev/zero or a FIFO would never end or never start. */
  if (!hb_file_check_regular (file, MAX_PACK_SIZE, NULL, error) ||
      (bytes = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
    return NULL;
  if ((policy = hb_policy_new_from_bytes (bytes, error)) != NULL)
    policy->origin = g_file_get_path (file);
  return policy;
}
