/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-load.c — reading and validating a policy pack (see hb-policy.h).
 *
 * Parsing and validation are one walk over the JSON: every problem is
 * recorded with its JSON path and the walk goes on, so that
 * `hebahan-cli policy validate` can list them all at once.  The pack is
 * only compiled (hb-policy-compile.c) when the walk found nothing.
 */
#include "hb-policy-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-json.h"
#include "hb-post.h"
#include "hb-text.h"

#define MAX_PACK_SIZE (16 * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* The validating walk                                                 */

typedef struct
{
  GPtrArray  *problems;    /* char*: "PATH: message" */
  HbPolicy   *policy;      /* filled as the walk goes */
  GHashTable *lexicon_ids; /* name → index + 1 */
} Walk;

G_GNUC_PRINTF (3, 4)
static void
problem (Walk       *w,
         const char *path,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (w->problems, g_strdup_printf ("%s: %s", path, msg));
}

static JsonObject *
need_object (Walk       *w,
             JsonNode   *node,
             const char *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (w, path, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
need_array (Walk       *w,
            JsonNode   *node,
            const char *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (w, path, _("must be an array"));
      return NULL;
    }
  return json_node_get_array (node);
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Returns a copy of member @name if it is a non-empty string; records a
 * problem when it is required and missing, or present and not a string. */
static char *
get_string (Walk       *w,
            JsonObject *obj,
            const char *path,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, name);
  const char *s = node_string (node);

  if (s != NULL && s[0] != '\0')
    return g_strdup (s);
  if (node != NULL || required)
    problem (w, path, _("“%s” must be a non-empty string"), name);
  return NULL;
}

static gboolean
get_text (Walk       *w,
          JsonObject *obj,
          const char *path,
          const char *name,
          gboolean    required,
          char       *out[HB_N_LANGS])
{
  JsonNode *node = json_object_get_member (obj, name);
  g_autofree char *sub = g_strdup_printf ("%s.%s", path, name);
  JsonObject *text;

  if (node == NULL && !required)
    return FALSE;
  if ((text = need_object (w, node, sub)) == NULL)
    return FALSE;
  out[HB_LANG_MS] = get_string (w, text, sub, "ms", TRUE);
  out[HB_LANG_EN] = get_string (w, text, sub, "en", TRUE);
  return TRUE;
}

static guint
get_uint (Walk       *w,
          JsonObject *obj,
          const char *path,
          const char *name,
          guint       fallback)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > 10000)
    {
      problem (w, path, _("“%s” must be a whole number from 0 to 10000"), name);
      return fallback;
    }
  return (guint) json_node_get_int (node);
}

static char **
get_strv (Walk       *w,
          JsonObject *obj,
          const char *path,
          const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  g_autofree char *sub = g_strdup_printf ("%s.%s", path, name);
  g_autoptr(GStrvBuilder) b = NULL;
  JsonArray *arr;

  if (node == NULL)
    return NULL;
  if ((arr = need_array (w, node, sub)) == NULL)
    return NULL;
  b = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      const char *s = node_string (json_array_get_element (arr, i));

      if (s == NULL || s[0] == '\0')
        problem (w, sub, _("item %u must be a non-empty string"), i);
      else
        g_strv_builder_add (b, s);
    }
  return g_strv_builder_end (b);
}

static void
check_members (Walk                *w,
               JsonObject          *obj,
               const char          *path,
               const char * const  *known)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (known, l->data))
      problem (w, path, _("unknown member “%s”"), (const char *) l->data);
}

/* ------------------------------------------------------------------ */
/* Clauses and checklist                                               */

static void
walk_clauses (Walk      *w,
              JsonArray *arr)
{
  static const char * const known[] = { "id", "text", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.clauses[%u]", i);
      JsonObject *obj = need_object (w, json_array_get_element (arr, i), path);
      HbClause *c;

      if (obj == NULL)
        continue;
      check_members (w, obj, path, known);
      c = g_new0 (HbClause, 1);
      c->id = get_string (w, obj, path, "id", TRUE);
      get_text (w, obj, path, "text", TRUE, c->text);
      if (c->id && !g_hash_table_add (seen, c->id))
        problem (w, path, _("duplicate clause id “%s”"), c->id);
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
walk_checklist_item (Walk       *w,
                     JsonObject *obj,
                     const char *path)
{
  static const char * const known[] = {
    "id", "clause", "kind", "check", "checked", "evidence", "label", "applies_to", "needs",
    "vouched_by", NULL
  };
  static const char * const evidences[] = { "text", "date", "dates", NULL };
  static const char * const vouchers[] = { "officer", "corporate-comms", "committees", NULL };
  HbChecklistItem *item = g_new0 (HbChecklistItem, 1);
  g_autofree char *kind = NULL;

  check_members (w, obj, path, known);
  item->id = get_string (w, obj, path, "id", TRUE);
  item->clause = get_string (w, obj, path, "clause", TRUE);
  kind = get_string (w, obj, path, "kind", TRUE);
  item->check = get_string (w, obj, path, "check", FALSE);
  item->evidence = get_string (w, obj, path, "evidence", FALSE);
  item->applies_to = get_strv (w, obj, path, "applies_to");
  item->needs = get_string (w, obj, path, "needs", FALSE);
  item->vouched_by = get_string (w, obj, path, "vouched_by", FALSE);
  get_text (w, obj, path, "label", TRUE, item->label);
  get_text (w, obj, path, "checked", FALSE, item->checked);

  if (item->clause && hb_policy_find_clause (w->policy, item->clause) == NULL)
    problem (w, path, _("clause “%s” is not in “clauses”"), item->clause);
  if (g_strcmp0 (kind, "auto") == 0)
    {
      item->kind = HB_CHECK_AUTO;
      if (item->check == NULL)
        problem (w, path, _("an auto item needs “check”"));
      else if (!is_known_check (item->check))
        problem (w, path, _("unknown check “%s”"), item->check);
    }
  else if (g_strcmp0 (kind, "confirm") == 0)
    {
      /* A check on a confirm item is shown beside the officer's answer. */
      item->kind = HB_CHECK_CONFIRM;
      if (item->check != NULL && !is_known_check (item->check))
        problem (w, path, _("unknown check “%s”"), item->check);
    }
  else if (kind != NULL)
    problem (w, path, _("“kind” must be “auto” or “confirm”"));
  if (item->evidence && !g_strv_contains (evidences, item->evidence))
    problem (w, path, _("“evidence” must be “text”, “date” or “dates”"));
  if (item->needs && g_strcmp0 (item->needs, "media") != 0)
    problem (w, path, _("“needs” must be “media”"));
  if (item->vouched_by && !g_strv_contains (vouchers, item->vouched_by))
    problem (w, path, _("“vouched_by” must be “officer”, “corporate-comms” or “committees”"));
  if (item->checked[0] && item->check == NULL)
    problem (w, path, _("“checked” describes a “check”, and this item has none"));
  g_ptr_array_add (w->policy->checklist, item);
}

static void
walk_checklist (Walk      *w,
                JsonArray *arr)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.checklist[%u]", i);
      JsonObject *obj = need_object (w, json_array_get_element (arr, i), path);
      HbChecklistItem *item;

      if (obj == NULL)
        continue;
      walk_checklist_item (w, obj, path);
      item = g_ptr_array_index (w->policy->checklist, w->policy->checklist->len - 1);
      if (item->id && !g_hash_table_add (seen, item->id))
        problem (w, path, _("duplicate checklist id “%s”"), item->id);
    }
}

/* ------------------------------------------------------------------ */
/* Lexicons                                                            */

static HbTerm *
add_term (Walk       *w,
          HbLexicon  *lex,
          const char *path,
          const char *term,
          const char *replacement)
{
  HbTerm *t = hb_lexicon_add_term (lex, term, replacement);

  if (t == NULL)
    problem (w, path, _("the term “%s” has no word in it"), term);
  return t;
}

static void
walk_term_object (Walk       *w,
                  HbLexicon  *lex,
                  JsonObject *obj,
                  const char *path)
{
  static const char * const known[] = { "term", "replacement", "case", "morph", "not_near_digits", NULL };
  g_autofree char *term = get_string (w, obj, path, "term", TRUE);
  g_autofree char *replacement = get_string (w, obj, path, "replacement", FALSE);
  g_autofree char *kase = get_string (w, obj, path, "case", FALSE);
  g_autofree char *morph = get_string (w, obj, path, "morph", FALSE);
  JsonNode *near = json_object_get_member (obj, "not_near_digits");
  HbTerm *t;

  check_members (w, obj, path, known);
  if (term == NULL || (t = add_term (w, lex, path, term, replacement)) == NULL)
    return;
  if (g_strcmp0 (kase, "upper") == 0)
    t->flags |= HB_TERM_UPPER_ONLY;
  else if (g_strcmp0 (kase, "lower") == 0)
    t->flags |= HB_TERM_LOWER_ONLY;
  else if (kase != NULL)
    problem (w, path, _("“case” must be “upper” or “lower”"));
  if (morph != NULL && !hb_morph_from_string (morph, &t->morph))
    problem (w, path, _("“morph” must be “ms”, “en” or “none”"));
  if (near != NULL && json_node_get_value_type (near) == G_TYPE_BOOLEAN && json_node_get_boolean (near))
    t->flags |= HB_TERM_NOT_NEAR_DIGITS;
}

static void
add_pair (Walk       *w,
          HbLexicon  *lex,
          const char *path,
          const char *wrong,
          const char *right)
{
  HbTerm *t = add_term (w, lex, path, wrong, right);

  if (t)
    t->morph = HB_MORPH_NONE;
}

static void
add_compound (Walk       *w,
              HbLexicon  *lex,
              const char *path,
              const char *compound)
{
  g_autoptr(GPtrArray) pairs = hb_compound_pairs (compound);

  if (pairs == NULL)
    {
      problem (w, path, _("“%s” must be two words"), compound);
      return;
    }
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    add_pair (w, lex, path, pairs->pdata[i], pairs->pdata[i + 1]);
}


/* "generate": [{"split": "di", "words": ["sini", …]}] adds "disini" → "di sini";
 * {"join": "di", "words": ["adakan", …]} adds "di adakan" → "diadakan";
 * {"compound": ["kenal pasti", …]} adds "dikenalpasti" → "dikenal pasti". */
static void
walk_generators (Walk      *w,
                 HbLexicon *lex,
                 JsonArray *arr,
                 const char *base)
{
  static const char * const known[] = { "split", "join", "words", "compound", NULL };

  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.generate[%u]", base, i);
      JsonObject *obj = need_object (w, json_array_get_element (arr, i), path);
      g_autofree char *split = NULL, *join = NULL;
      g_auto(GStrv) words = NULL, compounds = NULL;

      if (obj == NULL)
        continue;
      check_members (w, obj, path, known);
      if (json_object_has_member (obj, "compound"))
        {
          compounds = get_strv (w, obj, path, "compound");
          for (guint k = 0; compounds && compounds[k]; k++)
            add_compound (w, lex, path, compounds[k]);
          continue;
        }
      split = get_string (w, obj, path, "split", FALSE);
      join = get_string (w, obj, path, "join", FALSE);
      words = get_strv (w, obj, path, "words");
      if ((split == NULL) == (join == NULL) || words == NULL)
        {
          problem (w, path, _("needs “words” and exactly one of “split” or “join”, or “compound”"));
          continue;
        }
      for (guint k = 0; words[k]; k++)
        {
          const char *prefix = split ? split : join;
          g_autofree char *joined = g_strconcat (prefix, words[k], NULL);
          g_autofree char *apart = g_strconcat (prefix, " ", words[k], NULL);

          add_pair (w, lex, path, split ? joined : apart, split ? apart : joined);
        }
    }
}

static void
walk_terms (Walk       *w,
            HbLexicon  *lex,
            JsonNode   *node,
            const char *base,
            const char *member)
{
  g_autofree char *tpath = g_strdup_printf ("%s.%s", base, member);
  JsonArray *arr = need_array (w, node, tpath);

  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *el = json_array_get_element (arr, i);
      g_autofree char *ipath = g_strdup_printf ("%s[%u]", tpath, i);

      if (node_string (el) != NULL)
        add_term (w, lex, ipath, node_string (el), NULL);
      else if (JSON_NODE_HOLDS_OBJECT (el))
        walk_term_object (w, lex, json_node_get_object (el), ipath);
      else
        problem (w, ipath, _("a term must be a string or an object"));
    }
}

/* "except": phrases in which a term of the lexicon means something else
 * ("kerajaan", government, for the ruler "raja"; "dilarang meletakkan"
 * for an insult built on "letak").  They are matched exactly as written
 * (a term object may ask for morphology) and cancel only this lexicon's
 * hits, unlike the pack's `allow` list, which cancels every rule. */
static void
walk_except (Walk       *w,
             HbLexicon  *lex,
             JsonNode   *node,
             const char *base)
{
  g_autofree char *name = g_strdup_printf ("%s (except)", lex->name);
  HbLexicon *except = hb_lexicon_new (name, HB_MORPH_NONE);

  except->antipatterns = TRUE;
  g_ptr_array_add (w->policy->lexicons, except);
  lex->except = w->policy->lexicons->len - 1;
  walk_terms (w, except, node, base, "except");
}

static void
walk_lexicon (Walk       *w,
              const char *name,
              JsonNode   *node)
{
  static const char * const known[] = { "morph", "obfuscation", "terms", "except", "generate", "note", NULL };
  g_autofree char *path = g_strdup_printf ("$.lexicons.%s", name);
  JsonObject *obj = need_object (w, node, path);
  g_autofree char *morph = NULL;
  HbLexicon *lex;
  JsonNode *terms_node, *gen_node;

  if (obj == NULL)
    return;
  check_members (w, obj, path, known);
  lex = hb_lexicon_new (name, HB_MORPH_NONE);
  g_ptr_array_add (w->policy->lexicons, lex);
  g_hash_table_insert (w->lexicon_ids, lex->name, GUINT_TO_POINTER (w->policy->lexicons->len));

  morph = get_string (w, obj, path, "morph", FALSE);
  if (morph != NULL && !hb_morph_from_string (morph, &lex->morph))
    problem (w, path, _("“morph” must be “ms”, “en” or “none”"));
  if (json_object_has_member (obj, "obfuscation"))
    lex->obfuscation = json_object_get_boolean_member (obj, "obfuscation");

  terms_node = json_object_get_member (obj, "terms");
  gen_node = json_object_get_member (obj, "generate");
  if (terms_node != NULL)
    walk_terms (w, lex, terms_node, path, "terms");
  if (json_object_has_member (obj, "except"))
    walk_except (w, lex, json_object_get_member (obj, "except"), path);
  if (gen_node != NULL)
    {
      g_autofree char *gpath = g_strconcat (path, ".generate", NULL);
      JsonArray *arr = need_array (w, gen_node, gpath);

      if (arr)
        walk_generators (w, lex, arr, path);
    }
  if (lex->terms->len == 0)
    problem (w, path, _("a lexicon needs at least one term"));
}

static void
walk_allow (Walk      *w,
            JsonArray *arr)
{
  HbLexicon *lex = hb_lexicon_new ("(allow)", HB_MORPH_NONE);

  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.allow[%u]", i);
      const char *s = node_string (json_array_get_element (arr, i));

      if (s == NULL)
        problem (w, path, _("must be a string"));
      else
        add_term (w, lex, path, s, NULL);
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
get_lexicon_refs (Walk       *w,
                  JsonNode   *node,
                  const char *path)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (node_string (node) != NULL)
    g_ptr_array_add (names, (gpointer) node_string (node));
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *arr = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          const char *s = node_string (json_array_get_element (arr, i));

          if (s == NULL)
            problem (w, path, _("item %u must be a lexicon name"), i);
          else
            g_ptr_array_add (names, (gpointer) s);
        }
    }
  else
    problem (w, path, _("must be a lexicon name or a list of them"));

  for (guint i = 0; i < names->len; i++)
    {
      guint id = GPOINTER_TO_UINT (g_hash_table_lookup (w->lexicon_ids, names->pdata[i]));

      if (id == 0)
        problem (w, path, _("unknown lexicon “%s”"), (const char *) names->pdata[i]);
      else
        g_array_append_val (ids, (guint) { id - 1 });
    }
  if (names->len == 0)
    problem (w, path, _("names no lexicon"));
  return ids;
}

static void
walk_rule_with (Walk       *w,
                HbRule     *r,
                JsonObject *obj,
                const char *path)
{
  JsonNode *node = json_object_get_member (obj, "with");
  g_autofree char *sub = g_strconcat (path, ".with", NULL);
  JsonArray *arr;

  r->with = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (node == NULL)
    {
      if (r->kind == HB_RULE_COOCCURRENCE)
        problem (w, path, _("a cooccurrence rule needs “with”"));
      return;
    }
  if (r->kind != HB_RULE_COOCCURRENCE && r->kind != HB_RULE_PATTERN)
    problem (w, path, _("only cooccurrence and pattern rules take “with”"));
  if ((arr = need_array (w, node, sub)) == NULL)
    return;
  /* Each element is one group: a name, or a list of names any of which will do. */
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *gpath = g_strdup_printf ("%s[%u]", sub, i);
      g_ptr_array_add (r->with, get_lexicon_refs (w, json_array_get_element (arr, i), gpath));
    }
}

/* "window", "with_scope" and "unless_scope": how far a rule looks. */
static void
walk_rule_scopes (Walk       *w,
                  HbRule     *r,
                  JsonObject *obj,
                  const char *path)
{
  r->window = get_uint (w, obj, path, "window", 0);
  if (json_object_has_member (obj, "with_scope"))
    {
      g_autofree char *scope = get_string (w, obj, path, "with_scope", TRUE);

      if (g_strcmp0 (scope, "neighbours") == 0)
        r->with_neighbours = TRUE;
      else if (g_strcmp0 (scope, "sentence") != 0)
        problem (w, path, _("“with_scope” must be “sentence” or “neighbours”"));
    }
  if (json_object_has_member (obj, "unless_scope"))
    {
      g_autofree char *scope = get_string (w, obj, path, "unless_scope", TRUE);

      if (g_strcmp0 (scope, "post") == 0)
        r->unless_in_post = TRUE;
      else if (g_strcmp0 (scope, "sentence") != 0)
        problem (w, path, _("“unless_scope” must be “sentence” or “post”"));
    }
}

static void
walk_rule_kind_fields (Walk       *w,
                       HbRule     *r,
                       JsonObject *obj,
                       const char *path)
{
  gboolean lexical = r->kind == HB_RULE_LEXICON || r->kind == HB_RULE_COOCCURRENCE ||
                     r->kind == HB_RULE_SUBSTITUTION;

  if (lexical)
    {
      g_autofree char *mpath = g_strconcat (path, ".match", NULL);
      r->match = get_lexicon_refs (w, json_object_get_member (obj, "match"), mpath);
    }
  else if (json_object_has_member (obj, "match"))
    problem (w, path, _("this kind of rule takes no “match”"));

  walk_rule_with (w, r, obj, path);
  if (json_object_has_member (obj, "unless"))
    {
      g_autofree char *upath = g_strconcat (path, ".unless", NULL);
      r->unless = get_lexicon_refs (w, json_object_get_member (obj, "unless"), upath);
    }
  if (json_object_has_member (obj, "unless_post"))
    {
      g_autofree char *upath = g_strconcat (path, ".unless_post", NULL);
      r->unless_post = get_lexicon_refs (w, json_object_get_member (obj, "unless_post"), upath);
    }
  walk_rule_scopes (w, r, obj, path);

  if (r->kind == HB_RULE_PATTERN)
    {
      g_autofree char *pattern = get_string (w, obj, path, "pattern", TRUE);
      guint k;

      for (k = 0; k < G_N_ELEMENTS (pattern_names); k++)
        if (g_strcmp0 (pattern, pattern_names[k]) == 0)
          break;
      if (pattern && k == G_N_ELEMENTS (pattern_names))
        problem (w, path, _("unknown pattern “%s”"), pattern);
      r->pattern = k;
      r->allow_domains = get_strv (w, obj, path, "allow_domains");
    }
  r->min_words = get_uint (w, obj, path, "min_words", 5);
  r->min_letters = get_uint (w, obj, path, "min_letters", 20);
  r->min_run = get_uint (w, obj, path, "min_run", 2);
}

static void
walk_rule_examples (Walk       *w,
                    HbRule     *r,
                    JsonObject *obj,
                    const char *path)
{
  static const char * const known[] = { "bad", "good", NULL };
  g_autofree char *sub = g_strconcat (path, ".examples", NULL);
  JsonNode *node = json_object_get_member (obj, "examples");
  JsonObject *ex;

  if (node == NULL)
    {
      problem (w, path, _("every rule needs “examples” with “bad” and “good” sentences"));
      return;
    }
  if ((ex = need_object (w, node, sub)) == NULL)
    return;
  check_members (w, ex, sub, known);
  r->examples_bad = get_strv (w, ex, sub, "bad");
  r->examples_good = get_strv (w, ex, sub, "good");
  if (r->examples_bad == NULL || r->examples_bad[0] == NULL)
    problem (w, sub, _("needs at least one “bad” example"));
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
walk_post_hosts (Walk       *w,
                 HbRule     *r,
                 JsonObject *obj,
                 const char *path)
{
  g_autofree char *hpath = g_strconcat (path, ".hosts", NULL);
  gboolean shortener = g_strcmp0 (r->post_check, "link-shortener") == 0;

  r->hosts = get_strv (w, obj, path, "hosts");
  if (r->hosts != NULL && !shortener)
    problem (w, path, _("only a link-shortener rule takes “hosts”"));
  else if (shortener && (r->hosts == NULL || r->hosts[0] == NULL))
    problem (w, path, _("a link-shortener rule needs “hosts”: the shorteners’ host names"));
  for (guint i = 0; shortener && r->hosts && r->hosts[i]; i++)
    if (!is_host_name (r->hosts[i]))
      problem (w, hpath, _("“%s” is not a host name in lower case, such as “bit.ly”"), r->hosts[i]);
}

/* A `post` rule looks at the post's fields, not at words: it names one of
 * the checks hb-post-lint.c knows and takes none of the text rules'
 * fields.  Examples only where the check reads the caption's words. */
static void
walk_post_rule (Walk       *w,
                HbRule     *r,
                JsonObject *obj,
                const char *path)
{
  static const char * const checks[] = {
    "missing-event-name", "missing-date", "missing-time", "missing-venue", "missing-guests",
    "time-unreadable", "weekday-mismatch", "alt-text-missing", "platform-length", "platform-hashtags",
    "platform-mentions", "media-blurry", "media-underexposed", "media-overexposed",
    "media-resolution", "media-aspect", "media-file-size", "media-video-duration",
    "media-video-size", "media-count", "link-insecure", "link-shortener", "link-broken",
    "link-insecure-redirect", NULL
  };
  static const char * const text_members[] = {
    "match", "with", "with_scope", "unless", "unless_scope", "unless_post", "window", "pattern",
    "allow_domains", "min_words", "min_letters", "min_run", NULL
  };
  g_autofree char *apath = g_strconcat (path, ".applies_to", NULL);

  for (guint i = 0; text_members[i]; i++)
    if (json_object_has_member (obj, text_members[i]))
      problem (w, path, _("a post rule takes no “%s”"), text_members[i]);
  r->post_check = get_string (w, obj, path, "check", TRUE);
  if (r->post_check && !g_strv_contains (checks, r->post_check))
    problem (w, path, _("unknown post check “%s”"), r->post_check);
  if (json_object_has_member (obj, "examples"))
    {
      /* Only checks that read words have a sentence to try. */
      if (r->post_check && !g_strv_contains (text_post_checks, r->post_check))
        problem (w, path, _("a post rule takes no “%s”"), "examples");
      else
        walk_rule_examples (w, r, obj, path);
    }
  walk_post_hosts (w, r, obj, path);
  r->applies_to = get_strv (w, obj, path, "applies_to");
  for (guint i = 0; r->applies_to && r->applies_to[i]; i++)
    if (!hb_post_type_from_string (r->applies_to[i], &(HbPostType) { 0 }))
      problem (w, apath, _("unknown post type “%s”"), r->applies_to[i]);
}

/* "severity" and "sureness": either may be left out and follows the other
 * (a certain match is an error, a possible one a note), and together they
 * must agree: a possible match never blocks as an error, a certain one is
 * never only a note. */
static void
walk_rule_severity (Walk       *w,
                    HbRule     *r,
                    JsonObject *obj,
                    const char *path)
{
  g_autofree char *severity = get_string (w, obj, path, "severity", FALSE);
  g_autofree char *sureness = get_string (w, obj, path, "sureness", FALSE);

  r->severity = HB_SEVERITY_WARNING;
  r->sureness = HB_SURENESS_LIKELY;
  if (severity == NULL && sureness == NULL)
    problem (w, path, _("needs “severity” or “sureness”"));
  if (severity && !hb_severity_from_string (severity, &r->severity))
    problem (w, path, _("“severity” must be “info”, “warning” or “error”"));
  if (sureness && !hb_sureness_from_string (sureness, &r->sureness))
    problem (w, path, _("“sureness” must be “possible”, “likely” or “certain”"));
  if (severity == NULL)
    r->severity = (HbSeverity) r->sureness;
  else if (sureness == NULL)
    r->sureness = (HbSureness) r->severity;
  else if ((r->sureness == HB_SURENESS_POSSIBLE && r->severity == HB_SEVERITY_ERROR) ||
           (r->sureness == HB_SURENESS_CERTAIN && r->severity == HB_SEVERITY_INFO))
    problem (w, path, _("a “%s” match cannot be an “%s”"), sureness, severity);
}

static void
walk_rule (Walk       *w,
           JsonObject *obj,
           const char *path)
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
  check_members (w, obj, path, known);
  r->id = get_string (w, obj, path, "id", TRUE);
  r->topic = get_string (w, obj, path, "topic", TRUE);
  r->clause = get_string (w, obj, path, "clause", FALSE);
  kind = get_string (w, obj, path, "kind", TRUE);
  walk_rule_severity (w, r, obj, path);

  if (r->topic && !hb_topic_is_known (r->topic))
    problem (w, path, _("unknown topic “%s”"), r->topic);
  else if (r->topic && r->clause == NULL)
    r->clause = g_strdup (hb_topic_default_clause (r->topic));
  if (r->clause && hb_policy_find_clause (w->policy, r->clause) == NULL)
    problem (w, path, _("clause “%s” is not in “clauses”"), r->clause);
  for (k = 0; k < G_N_ELEMENTS (rule_kinds); k++)
    if (g_strcmp0 (kind, rule_kinds[k]) == 0)
      break;
  if (kind && k == G_N_ELEMENTS (rule_kinds))
    {
      problem (w, path, _("unknown rule kind “%s”"), kind);
      return;
    }
  r->kind = k;
  get_text (w, obj, path, "message", TRUE, r->message);
  get_text (w, obj, path, "suggestion", FALSE, r->suggestion);
  if (r->kind == HB_RULE_POST)
    {
      walk_post_rule (w, r, obj, path);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (post_only_members); i++)
    if (json_object_has_member (obj, post_only_members[i]))
      problem (w, path, _("only post rules take “%s”"), post_only_members[i]);
  walk_rule_kind_fields (w, r, obj, path);
  walk_rule_examples (w, r, obj, path);
  for (guint i = 0; i < HB_N_LANGS; i++)
    if (r->message[i] && strstr (r->message[i], "{context}") && (r->with == NULL || r->with->len == 0))
      problem (w, path, _("only a rule with “with” can name its {context}"));
}

static void
walk_rules (Walk      *w,
            JsonArray *arr)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.rules[%u]", i);
      JsonObject *obj = need_object (w, json_array_get_element (arr, i), path);
      HbRule *r;

      if (obj == NULL)
        continue;
      walk_rule (w, obj, path);
      r = g_ptr_array_index (w->policy->rules, w->policy->rules->len - 1);
      if (r->id && !g_hash_table_add (seen, r->id))
        problem (w, path, _("duplicate rule id “%s”"), r->id);
    }
}

/* ------------------------------------------------------------------ */
/* The whole pack                                                      */

static void
walk_lexicons (Walk     *w,
               JsonNode *node)
{
  JsonObject *obj = need_object (w, node, "$.lexicons");
  g_autoptr(GList) names = NULL;

  if (obj == NULL)
    return;
  names = json_object_get_members (obj);
  for (GList *l = names; l; l = l->next)
    walk_lexicon (w, l->data, json_object_get_member (obj, l->data));
}

static void
walk_pack (Walk     *w,
           JsonNode *root)
{
  static const char * const known[] = {
    "format", "id", "version", "title", "issuer", "clauses", "checklist", "allow", "lexicons",
    "rules", "note", NULL
  };
  JsonObject *obj = need_object (w, root, "$");
  g_autofree char *format = NULL;
  JsonArray *arr;

  if (obj == NULL)
    return;
  check_members (w, obj, "$", known);
  format = get_string (w, obj, "$", "format", TRUE);
  if (format && strcmp (format, HB_POLICY_FORMAT) != 0)
    problem (w, "$.format", _("unsupported format “%s” (expected “%s”)"), format, HB_POLICY_FORMAT);
  w->policy->id = get_string (w, obj, "$", "id", TRUE);
  w->policy->version = get_string (w, obj, "$", "version", TRUE);
  get_text (w, obj, "$", "title", TRUE, w->policy->title);
  get_text (w, obj, "$", "issuer", FALSE, w->policy->issuer);

  if ((arr = need_array (w, json_object_get_member (obj, "clauses"), "$.clauses")))
    walk_clauses (w, arr);
  if ((arr = need_array (w, json_object_get_member (obj, "checklist"), "$.checklist")))
    walk_checklist (w, arr);
  walk_lexicons (w, json_object_get_member (obj, "lexicons"));
  if ((arr = need_array (w, json_object_get_member (obj, "allow"), "$.allow")))
    walk_allow (w, arr);
  if ((arr = need_array (w, json_object_get_member (obj, "rules"), "$.rules")))
    walk_rules (w, arr);
}


/* ------------------------------------------------------------------ */
/* Limits                                                              */

/* A pack comes from a server or an e-mail: one of 200,000 terms with
 * morphology and obfuscation cost minutes and gigabytes to compile.  So
 * its size is counted on the parsed JSON, which is cheap, before anything
 * is compiled; the limits are ten times the built-in pack or more. */
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
term_cost (JsonObject *lexicon)
{
  const char *morph = node_string (json_object_get_member (lexicon, "morph"));
  JsonNode *obfuscation = json_object_get_member (lexicon, "obfuscation");
  gboolean masked = obfuscation && JSON_NODE_HOLDS_VALUE (obfuscation) &&
                    json_node_get_value_type (obfuscation) == G_TYPE_BOOLEAN &&
                    json_node_get_boolean (obfuscation);

  return (morph == NULL || strcmp (morph, "none") == 0 ? 1 : 12) * (masked ? 3 : 1);
}

static gboolean
too_many (Walk       *w,
          const char *path,
          guint       n,
          guint       max)
{
  if (n <= max)
    return FALSE;
  problem (w, path, _("%u entries, more than the %u a pack may have"), n, max);
  return TRUE;
}

static guint
array_length (JsonObject *obj,
              const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* One term's length; FALSE (with a problem) when it is too long. */
static gboolean
count_term (Walk       *w,
            JsonNode   *node,
            const char *path,
            guint       i)
{
  JsonObject *obj = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *text = node_string (obj ? json_object_get_member (obj, "term") : node);
  glong chars = text && g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : 0;

  if (chars <= MAX_TERM_CHARS)
    return TRUE;
  problem (w, path, _("term %u is %ld characters long, more than the %u a term may have"),
           i, chars, (guint) MAX_TERM_CHARS);
  return FALSE;
}

static gboolean
count_terms (Walk       *w,
             JsonObject *lex,
             const char *name,
             const char *member,
             guint      *n)
{
  JsonNode *terms = lex ? json_object_get_member (lex, member) : NULL;
  g_autofree char *path = g_strdup_printf ("$.lexicons.%s.%s", name, member);
  JsonArray *arr;

  if (terms == NULL || !JSON_NODE_HOLDS_ARRAY (terms))
    return TRUE;
  arr = json_node_get_array (terms);
  *n = json_array_get_length (arr);
  for (guint i = 0; i < *n && i <= MAX_TERMS; i++)
    if (!count_term (w, json_array_get_element (arr, i), path, i))
      return FALSE;
  return TRUE;
}

/* A compound ("kenal pasti") generates its joined forms with every prefix
 * the morphology knows: about a dozen entries, like a root. */
#define COMPOUND_COST 12

static gboolean
count_lexicon (Walk       *w,
               const char *name,
               JsonNode   *node,
               Cost       *cost)
{
  JsonObject *lex = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *gen = lex ? json_object_get_member (lex, "generate") : NULL;
  guint n = 0, except = 0, compounds = 0;

  if (!count_terms (w, lex, name, "terms", &n) || !count_terms (w, lex, name, "except", &except))
    return FALSE;
  for (guint i = 0; gen && JSON_NODE_HOLDS_ARRAY (gen) && i < json_array_get_length (json_node_get_array (gen)); i++)
    {
      JsonNode *g = json_array_get_element (json_node_get_array (gen), i);
      JsonObject *go = JSON_NODE_HOLDS_OBJECT (g) ? json_node_get_object (g) : NULL;

      n += array_length (go, "words");
      compounds += array_length (go, "compound");
    }
  cost->terms += n + except + compounds;
  cost->compiled += n * (lex ? term_cost (lex) : 1) + except + compounds * COMPOUND_COST;
  return cost->terms <= MAX_TERMS;
}

/* FALSE, with a problem naming the limit, when the pack is too large to
 * compile at a bounded cost. */
static gboolean
check_pack_limits (Walk     *w,
                   JsonNode *root)
{
  JsonObject *obj = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *lexicons = obj ? json_object_get_member (obj, "lexicons") : NULL;
  JsonObject *lex = lexicons && JSON_NODE_HOLDS_OBJECT (lexicons) ? json_node_get_object (lexicons) : NULL;
  g_autoptr(GList) names = lex ? json_object_get_members (lex) : NULL;
  Cost cost = { 0, };

  if (too_many (w, "$.rules", array_length (obj, "rules"), MAX_RULES) ||
      too_many (w, "$.clauses", array_length (obj, "clauses"), MAX_LIST) ||
      too_many (w, "$.checklist", array_length (obj, "checklist"), MAX_LIST) ||
      too_many (w, "$.allow", array_length (obj, "allow"), MAX_LIST) ||
      too_many (w, "$.lexicons", g_list_length (names), MAX_LEXICONS))
    return FALSE;
  for (GList *l = names; l; l = l->next)
    if (!count_lexicon (w, l->data, json_object_get_member (lex, l->data), &cost))
      break;
  if (too_many (w, "$.lexicons", cost.terms, MAX_TERMS))
    return FALSE;
  if (w->problems->len > 0)
    return FALSE;
  if (cost.compiled > MAX_COMPILED)
    {
      problem (w, "$.lexicons", _("the terms would compile to about %u index entries (morphology and "
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
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len > MAX_PACK_SIZE)
    {
      problem (&w, "$", _("the pack is larger than 16 MB"));
      return NULL;
    }
  if (!hb_utf8_validate (data, len, &error) ||
      !hb_json_load (parser, data, len, &error))
    {
      problem (&w, "$", "%s", error->message);
      return NULL;
    }
  if (!check_pack_limits (&w, json_parser_get_root (parser)))
    return NULL;
  walk_pack (&w, json_parser_get_root (parser));
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
