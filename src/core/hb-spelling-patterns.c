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
#include "hb-spelling-patterns.h"

#include <string.h>

static gboolean
same_word (const HbText  *text,
           const HbToken *a,
           const HbToken *b)
{
  return a->nend - a->nstart == b->nend - b->nstart &&
         memcmp (text->norm->str + a->nstart, text->norm->str + b->nstart, a->nend - a->nstart) == 0;
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

/* "kerja kerja", "DUA DUA": a word said twice is a reduplication. */
void
hb_find_repeated_word (const HbText *text,
                       GArray       *spans)
{
  for (guint t = 0; t + 1 < text->tokens->len; t++)
    {
      const HbToken *a = hb_text_token (text, t), *b = hb_text_token (text, t + 1);

      if (b->ostart == a->oend + 1 && same_word (text, a, b) && is_word (a) && is_word (b) &&
          !(a->flags & HB_TOKEN_HYPHEN) && adjacent (text, a, b))
        {
          HbSpan span = { a->ostart, b->oend };

          g_array_append_val (spans, span);
          t++;
        }
    }
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

void
hb_find_passive_apart (const HbText *text,
                       GArray       *spans)
{
  for (guint t = 0; t + 1 < text->tokens->len; t++)
    {
      const HbToken *a = hb_text_token (text, t), *b = hb_text_token (text, t + 1);
      const char *word = text->norm->str + b->nstart;

      if (a->nend - a->nstart == 2 && memcmp (text->norm->str + a->nstart, "di", 2) == 0 &&
          (b->flags & HB_TOKEN_LOWER) && !(b->flags & HB_TOKEN_HYPHEN) && is_word (b) &&
          adjacent (text, a, b) && is_passive_stem (word, b->nend - b->nstart))
        {
          HbSpan span = { a->ostart, b->oend };

          g_array_append_val (spans, span);
        }
    }
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
void
hb_find_glued_di (const HbText *text,
                  GArray       *spans)
{
  for (guint t = 0; t < text->tokens->len; t++)
    {
      const HbToken *tok = hb_text_token (text, t);
      const gunichar *o = text->orig + tok->ostart;

      if (tok->oend - tok->ostart >= 5 && (o[0] == 'D' || o[0] == 'd') && o[1] == 'i' &&
          g_unichar_isupper (o[2]) && g_unichar_islower (o[3]) && !is_title_with_di (text, tok) &&
          (t == 0 || !(hb_text_token (text, t - 1)->flags & HB_TOKEN_CAPITAL)))
        {
          HbSpan span = { tok->ostart, tok->oend };

          g_array_append_val (spans, span);
        }
    }
}

/* "kebiasaanya": a noun in -an of a root ending in a, before -nya. */
void
hb_find_an_nya (const HbText *text,
                GArray       *spans)
{
  for (guint t = 0; t < text->tokens->len; t++)
    {
      const HbToken *tok = hb_text_token (text, t);
      const char *word = text->norm->str + tok->nstart;
      gsize len = tok->nend - tok->nstart;

      if (is_word (tok) && len >= 8 && ends_with (word, len, "aanya"))
        {
          HbSpan span = { tok->ostart, tok->oend };

          g_array_append_val (spans, span);
        }
    }
}
