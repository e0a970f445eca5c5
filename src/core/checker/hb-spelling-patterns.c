/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-spelling-patterns.c — Malay spelling errors found by their shape.
 *
 * Each detector reads the tokens once.  They look only at the forms that a
 * rule of standard spelling decides, so that a proper name or a word of
 * another language is never taken for a misspelling:
 *
 *  - a reduplicated word is written with a hyphen (kerja-kerja, not
 *    "kerja kerja");
 *  - the passive prefix di- is joined to its verb ("dilaksanakan", not
 *    "di laksanakan"), while the preposition di stands apart;
 *  - the preposition di stands apart from a name ("di Merlimau", not
 *    "DiMerlimau");
 *  - -nya after a noun in -an keeps both n ("kebiasaannya", not
 *    "kebiasaanya").
 */
#include "config.h"

#include "hb-spelling-patterns.h"

#include <string.h>

static gboolean
same_word (const HbText  *text,
           const HbToken *a,
           const HbToken *b)
{
  const char *x = text->norm->str + a->nstart, *y = text->norm->str + b->nstart;

  return a->nend - a->nstart == b->nend - b->nstart && x[0] == y[0] &&
         memcmp (x, y, a->nend - a->nstart) == 0;
}

/* Two tokens with exactly one space between them, in one sentence. */
static gboolean
adjacent (const HbText  *text,
          const HbToken *a,
          const HbToken *b)
{
  return b->ostart == a->oend + 1 && text->orig[a->oend] == ' ' && a->sentence == b->sentence;
}

static gboolean
is_word (const HbToken *tok)
{
  return (tok->flags & HB_TOKEN_ALPHA) && !(tok->flags & (HB_TOKEN_DIGIT | HB_TOKEN_ADDRESS)) &&
         tok->cend - tok->cstart >= 2;
}

static void
add_span (GArray *spans,
          guint   start,
          guint   end)
{
  HbSpan span = { start, end };

  g_array_append_val (spans, span);
}

/* "kerja kerja", "DUA DUA": a word said twice is a reduplication. */
static gboolean
is_repeated_word (const HbText  *text,
                  const HbToken *a,
                  const HbToken *b)
{
  return b->ostart == a->oend + 1 && same_word (text, a, b) && is_word (a) && is_word (b) &&
         !(a->flags & HB_TOKEN_HYPHEN) && adjacent (text, a, b);
}

static gboolean
ends_with (const char *word,
           gsize       len,
           const char *suffix)
{
  gsize sl = strlen (suffix);

  return len >= sl && memcmp (word + len - sl, suffix, sl) == 0;
}

/* A verb form only a passive can take: a -kan verb ("laksanakan"), or
 * per-…-i / per-…-kan ("perbaiki").  Nouns in -kan are few and listed. */
static gboolean
is_passive_stem (const char *word,
                 gsize       len)
{
  static const char * const nouns[] = { "pekan", "ikan", "bukan", "lekan", NULL };

  for (guint i = 0; nouns[i]; i++)
    if (len == strlen (nouns[i]) && memcmp (word, nouns[i], len) == 0)
      return FALSE;
  if (len >= 6 && (ends_with (word, len, "kan") || ends_with (word, len, "kannya")))
    return TRUE;
  return len >= 7 && strncmp (word, "per", 3) == 0 && ends_with (word, len, "i");
}

static gboolean
is_passive_apart (const HbText  *text,
                  const HbToken *a,
                  const HbToken *b)
{
  return a->nend - a->nstart == 2 && memcmp (text->norm->str + a->nstart, "di", 2) == 0 &&
         (b->flags & HB_TOKEN_LOWER) && !(b->flags & HB_TOKEN_HYPHEN) && is_word (b) &&
         adjacent (text, a, b) && is_passive_stem (text->norm->str + b->nstart, b->nend - b->nstart);
}

/* "DiRaja", "Yang DiPertua": titles whose di- is written with a capital
 * after it, not a preposition. */
static gboolean
is_title_with_di (const HbText  *text,
                  const HbToken *tok)
{
  const char *word = text->norm->str + tok->nstart;

  return g_str_has_prefix (word, "diraja") || g_str_has_prefix (word, "dipertua");
}

/* "DiMerlimau", "diKulim": di typed onto a capitalised name.  After
 * another capitalised word it is part of a name (Leonardo DiCaprio). */
static gboolean
is_glued_di (const HbText  *text,
             const HbToken *prev,
             const HbToken *tok)
{
  const char *word = text->norm->str + tok->nstart;
  const gunichar *o;

  /* The normalised text first: it is read anyway, where the code points
   * would cost a cache miss for every token. */
  if (tok->nend - tok->nstart < 5 || word[0] != 'd' || word[1] != 'i')
    return FALSE;
  o = text->orig + tok->ostart;
  return o[1] == 'i' && g_unichar_isupper (o[2]) && g_unichar_islower (o[3]) && !is_title_with_di (text, tok) &&
         (prev == NULL || !(prev->flags & HB_TOKEN_CAPITAL));
}

/* "kebiasaanya": a noun in -an of a root ending in a, before -nya. */
static gboolean
is_an_nya (const HbText  *text,
           const HbToken *tok)
{
  const char *word = text->norm->str + tok->nstart;
  gsize len = tok->nend - tok->nstart;

  return len >= 8 && word[len - 1] == 'a' && ends_with (word, len, "aanya") && is_word (tok);
}

/* One pass over the tokens for every shape; each rule then takes its own
 * spans. */
void
hb_find_spelling_shapes (const HbText *text,
                         GArray       *spans[HB_N_SHAPES])
{
  const HbToken *prev = NULL;
  gboolean second_of_pair = FALSE; /* "ha ha ha" is one reduplication */

  g_return_if_fail (text != NULL && spans != NULL);

  for (guint t = 0; t < text->tokens->len; t++)
    {
      const HbToken *tok = hb_text_token (text, t);
      const HbToken *next = t + 1 < text->tokens->len ? hb_text_token (text, t + 1) : NULL;

      if (!second_of_pair && next != NULL && is_repeated_word (text, tok, next))
        {
          add_span (spans[HB_SHAPE_REPEATED_WORD], tok->ostart, next->oend);
          second_of_pair = TRUE;
        }
      else
        second_of_pair = FALSE;
      if (next != NULL && is_passive_apart (text, tok, next))
        add_span (spans[HB_SHAPE_PASSIVE_APART], tok->ostart, next->oend);
      if (is_glued_di (text, prev, tok))
        add_span (spans[HB_SHAPE_GLUED_DI], tok->ostart, tok->oend);
      if (is_an_nya (text, tok))
        add_span (spans[HB_SHAPE_AN_NYA], tok->ostart, tok->oend);
      prev = tok;
    }
}
