/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-compile.c — from a validated pack to the compiled form the
 * checker reads (hb-policy-private.h): lexicons of normalised terms, the
 * forms a compound generates, the matcher's index and, per lexicon, the
 * rules that match on it.  Nothing here reports a problem: the validating
 * walk (hb-policy-load.c) decides what to refuse. */
#include "config.h"

#include "hb-policy-private.h"

#include <string.h>

#include "hb-matcher.h"
#include "hb-text.h"

static void
term_free (gpointer data)
{
  HbTerm *t = data;

  g_free (t->text);
  g_free (t->replacement);
  g_free (t);
}

void
hb_lexicon_free (gpointer data)
{
  HbLexicon *lex = data;

  g_free (lex->name);
  g_clear_pointer (&lex->terms, g_ptr_array_unref);
  g_free (lex);
}

HbLexicon *
hb_lexicon_new (const char *name,
                HbMorph     morph)
{
  HbLexicon *lex = g_new0 (HbLexicon, 1);

  lex->name = g_strdup (name);
  lex->morph = morph;
  lex->terms = g_ptr_array_new_with_free_func (term_free);
  lex->except = HB_NO_LEXICON;
  return lex;
}

/* Terms are normalised by the same tokeniser as posts, so that a term
 * matches exactly what the linter will see: "Dato’" and "DATO'" agree. */
static char *
normalise_term (const char *term)
{
  g_autoptr(HbText) text = NULL;
  GString *s;

  if (!g_utf8_validate (term, -1, NULL))
    return NULL;
  text = hb_text_new (term, -1);
  if (text->tokens->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < text->tokens->len; i++)
    {
      const HbToken *tok = hb_text_token (text, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append_len (s, text->norm->str + tok->nstart, tok->nend - tok->nstart);
    }
  return g_string_free (s, FALSE);
}

/* Adds @term to @lex; NULL when it has no word in it (the caller says so). */
HbTerm *
hb_lexicon_add_term (HbLexicon  *lex,
                     const char *term,
                     const char *replacement)
{
  HbTerm *t;
  char *text = normalise_term (term);

  if (text == NULL)
    return NULL;
  t = g_new0 (HbTerm, 1);
  t->text = text;
  t->replacement = g_strdup (replacement);
  t->morph = lex->morph;
  g_ptr_array_add (lex->terms, t);
  return t;
}

/* A prefixed form of @first with no suffix ("dikenal", "mengenal",
 * "berkuat"), which a compound keeps apart from its second word.  Nouns in
 * peN- are left out: "penguatkuasa" is the accepted name of a post. */
static gboolean
is_prefix_only_form (const char *form,
                     const char *first)
{
  gsize fl = strlen (form), rl = strlen (first);

  return strchr (form, '-') == NULL && fl > rl && g_str_has_suffix (form, first + 1) &&
         !g_str_has_prefix (form, "pe") && !g_str_has_prefix (form, "ke");
}

/* {"compound": ["kenal pasti", …]}: a compound is written as two words,
 * bare or with a prefix only (kenal pasti, dikenal pasti, mengenal pasti,
 * berkuat kuasa); joined ("dikenalpasti") or hyphenated ("siap-sedia") it
 * is non-standard.  With a prefix and a suffix it is joined
 * (mengenalpastikan), so those forms are not generated.
 *
 * Returns the pairs to add, wrong form then right form, one after the
 * other; NULL when @compound is not two words. */
GPtrArray *
hb_compound_pairs (const char *compound)
{
  g_auto(GStrv) words = g_strsplit (compound, " ", 2);
  g_autoptr(GPtrArray) forms = NULL;
  GPtrArray *pairs;

  if (g_strv_length (words) != 2 || *words[0] == '\0' || *words[1] == '\0')
    return NULL;
  pairs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (pairs, g_strconcat (words[0], words[1], NULL));
  g_ptr_array_add (pairs, g_strdup (compound));
  g_ptr_array_add (pairs, g_strconcat (words[0], "-", words[1], NULL));
  g_ptr_array_add (pairs, g_strdup (compound));
  forms = hb_morph_forms (HB_MORPH_MALAY, words[0]);
  for (guint i = 0; i < forms->len; i++)
    if (is_prefix_only_form (forms->pdata[i], words[0]))
      {
        g_ptr_array_add (pairs, g_strconcat (forms->pdata[i], words[1], NULL));
        g_ptr_array_add (pairs, g_strconcat (forms->pdata[i], " ", words[1], NULL));
      }
  return pairs;
}

/* So that a lexicon hit reaches only the rules that match on it. */
static void
index_lexicon_rules (HbPolicy *policy)
{
  policy->lexicon_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint l = 0; l < policy->lexicons->len; l++)
    g_ptr_array_add (policy->lexicon_rules, g_ptr_array_new ());
  for (guint r = 0; r < policy->rules->len; r++)
    {
      HbRule *rule = g_ptr_array_index (policy->rules, r);

      for (guint m = 0; rule->match && m < rule->match->len; m++)
        g_ptr_array_add (g_ptr_array_index (policy->lexicon_rules, g_array_index (rule->match, guint, m)),
                         rule);
    }
}

/* Builds what the checker reads from a pack the walk found valid. */
void
hb_policy_compile (HbPolicy *self,
                   GBytes   *bytes)
{
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  self->matcher = hb_matcher_new (self->lexicons);
  index_lexicon_rules (self);
}
