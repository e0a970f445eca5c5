/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-matcher.c — lexicon index and the token scan (see hb-matcher.h).
 *
 * Index layout: a surface form maps to the roots it is a form of; each entry
 * carries bits saying how it was derived (the root itself, a Malay form, an
 * English form), so a term that asks for no morphology only matches its own
 * spelling even when another lexicon expands the same root.  A root lists
 * the single-word terms it is and the phrases it starts.
 */
#include "config.h"

#include "hb-matcher.h"

#include <string.h>
#include <unicode/uspoof.h>

#include "hb-strmap.h"

#define ENTRY_ROOT_MASK  0x0fffffffu
#define ENTRY_IDENTITY   (1u << 28)
#define ENTRY_MALAY      (1u << 29)
#define ENTRY_ENGLISH    (1u << 30)

typedef struct
{
  guint32 lexicon;
  guint32 term;
} TermRef;

typedef struct
{
  char    *text;
  GArray  *terms;    /* TermRef */
  GArray  *phrases;  /* guint32 phrase index */
  /* Chat spellings ("tak", "org", "ckp") are also read as the standard word
   * they stand for, so "tak berguna" matches "tidak berguna". */
  guint32  alt;      /* entries offset of the standard word, or NONE */
  TermRef  alt_term; /* the substitution term that gave it */
} Root;

typedef struct
{
  guint32  lexicon;
  guint32  term;
  guint32  n_words;
  guint32 *words;   /* root ids */
} Phrase;

typedef struct
{
  const char *skeleton; /* the form, compared letter by letter with a masked word */
  guint32  len;      /* in characters */
  guint32  root;
} MaskForm;

struct _HbMatcher
{
  GPtrArray *lexicons;      /* borrowed from the policy */
  HbStrMap  *surfaces;      /* form → offset into entries */
  GArray    *entries;       /* [count, entry…] runs */
  HbStrMap  *skeletons;     /* skeleton → offset into entries */
  HbStrMap  *roots;         /* root text → root id */
  GPtrArray *root_list;     /* Root */
  GArray    *phrases;       /* Phrase */
  GArray    *mask_forms;    /* MaskForm, sorted by length and first letter */
  GStringChunk *mask_strings;
};

/* ------------------------------------------------------------------ */
/* Skeletons: what a masked or leetspeak word stands for               */

static gunichar
unmask (gunichar ch)
{
  switch (ch)
    {
    case '4': case '@': return 'a';
    case '8': return 'b';
    case '3': return 'e';
    case '9': return 'g';
    case '1': case '!': case '|': return 'i';
    case '0': return 'o';
    case '5': case '$': return 's';
    case '7': case '+': return 't';
    default: return ch;
    }
}

static const USpoofChecker *
spoof_checker (void)
{
  static gsize once = 0;
  static USpoofChecker *checker = NULL;

  if (g_once_init_enter (&once))
    {
      UErrorCode status = U_ZERO_ERROR;

      checker = uspoof_open (&status);
      if (U_FAILURE (status))
        checker = NULL;
      g_once_init_leave (&once, 1);
    }
  return checker;
}

/* A letter from another script that looks like a Latin one (Cyrillic о,
 * Greek ο), read through Unicode's confusables (UTS #39, ICU's spoof
 * checker, which is safe to share between threads for look-ups), with its
 * accents dropped first (ó, ö).  Appends what it stands for to @s. */
static void
append_lookalike (GString  *s,
                  gunichar  ch)
{
  char in[8], out[32];
  gint32 len;
  UErrorCode status = U_ZERO_ERROR;
  g_autofree char *plain = NULL;
  gunichar decomposed[4];
  gsize n = g_unichar_fully_decompose (ch, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  /* The base letter of an accented one. */
  if (n > 1 && g_unichar_type (decomposed[1]) == G_UNICODE_NON_SPACING_MARK)
    ch = decomposed[0];
  if (ch < 0x80 || spoof_checker () == NULL)
    {
      g_string_append_unichar (s, ch);
      return;
    }
  in[g_unichar_to_utf8 (ch, in)] = '\0';
  len = uspoof_getSkeletonUTF8 (spoof_checker (), 0, in, -1, out, sizeof out, &status);
  if (U_FAILURE (status) || len <= 0)
    {
      g_string_append_unichar (s, ch);
      return;
    }
  plain = g_utf8_strdown (out, len);
  g_string_append (s, plain);
}

/* Maps look-alikes and leetspeak to letters, drops joiners and collapses
 * repeated letters: "B0d0hhh" → "bodoh", "p@nt4t" → "pantat", "bоdоh" with
 * Cyrillic о → "bodoh".  '*' is kept for the masked comparison. */
char *
hb_skeleton (const char *word,
             gsize       len)
{
  g_autoptr(GString) letters = NULL;
  GString *s;
  gunichar last = 0;

  g_return_val_if_fail (word != NULL, NULL);

  s = g_string_sized_new (len + 1);
  letters = g_string_sized_new (len + 1);

  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar ch = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (ch < 0x80)
        g_string_append_c (letters, (char) unmask (ch));
      else
        append_lookalike (letters, ch);
    }
  for (const char *p = letters->str; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (ch == '-' || ch == '\'' || ch == '.')
        continue;
      if (ch == last && ch != '*' && ch != '#')
        continue;
      g_string_append_unichar (s, ch);
      last = ch;
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Building                                                            */

typedef struct
{
  HbMatcher  *m;
  GHashTable *table;   /* form → GArray of entries, while building */
  guint32     root;
  guint32     bits;
  gboolean    skeleton;
} AddCtx;

static void
root_free (gpointer data)
{
  Root *r = data;

  g_free (r->text);
  g_array_unref (r->terms);
  g_array_unref (r->phrases);
  g_free (r);
}

static guint32
intern_root (HbMatcher  *m,
             const char *text)
{
  guint32 id = hb_strmap_lookup (m->roots, text, strlen (text));
  Root *r;

  if (id != HB_STRMAP_NONE)
    return id;
  r = g_new0 (Root, 1);
  r->text = g_strdup (text);
  r->terms = g_array_new (FALSE, FALSE, sizeof (TermRef));
  r->phrases = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->alt = HB_STRMAP_NONE;
  g_ptr_array_add (m->root_list, r);
  return hb_strmap_insert (m->roots, text, strlen (text), m->root_list->len - 1);
}

static void
table_add (GHashTable *table,
           const char *form,
           guint32     root,
           guint32     bits)
{
  GArray *list = g_hash_table_lookup (table, form);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (table, g_strdup (form), list);
    }
  for (guint i = 0; i < list->len; i++)
    if ((g_array_index (list, guint32, i) & ENTRY_ROOT_MASK) == root)
      {
        g_array_index (list, guint32, i) |= bits;
        return;
      }
  g_array_append_val (list, (guint32) { root | bits });
}

static void
add_form (const char *form,
          gpointer    user_data)
{
  AddCtx *ctx = user_data;
  Root *r = g_ptr_array_index (ctx->m->root_list, ctx->root);
  guint32 bits = strcmp (form, r->text) == 0 ? ENTRY_IDENTITY : ctx->bits;

  table_add (ctx->table, form, ctx->root, bits);
}

static guint32
morph_bits (HbMorph morph)
{
  return morph == HB_MORPH_MALAY ? ENTRY_MALAY : morph == HB_MORPH_ENGLISH ? ENTRY_ENGLISH : 0;
}

typedef struct
{
  AddCtx      base;
  GHashTable *skeletons;   /* NULL unless the lexicon asked for obfuscation */
} IndexCtx;

static void
index_form (const char *form,
            gpointer    user_data)
{
  IndexCtx *ctx = user_data;
  HbMatcher *m = ctx->base.m;
  g_autofree char *sk = NULL;
  MaskForm mf;

  add_form (form, &ctx->base);
  if (ctx->skeletons == NULL)
    return;
  /* Every form can be masked (f#cking), and every form can be disguised. */
  sk = hb_skeleton (form, strlen (form));
  table_add (ctx->skeletons, sk, ctx->base.root, ctx->base.bits | ENTRY_IDENTITY);
  mf = (MaskForm) { g_string_chunk_insert_const (m->mask_strings, form), g_utf8_strlen (form, -1),
                    ctx->base.root };
  g_array_append_val (m->mask_forms, mf);
}

/* Indexes @word's forms under its root; returns the root id. */
static guint32
index_word (HbMatcher  *m,
            GHashTable *surfaces,
            GHashTable *skeletons,
            const char *word,
            HbMorph     morph,
            gboolean    obfuscation)
{
  IndexCtx ctx = { { m, surfaces, intern_root (m, word), morph_bits (morph), FALSE },
                   obfuscation ? skeletons : NULL };

  hb_morph_foreach_form (morph, word, index_form, &ctx);
  if (obfuscation)
    {
      g_autofree char *bare = hb_skeleton (word, strlen (word));
      table_add (skeletons, bare, ctx.base.root, ENTRY_IDENTITY);
    }
  return ctx.base.root;
}

static void
index_term (HbMatcher  *m,
            GHashTable *surfaces,
            GHashTable *skeletons,
            guint32     lexicon,
            guint32     term_idx)
{
  const HbLexicon *lex = g_ptr_array_index (m->lexicons, lexicon);
  const HbTerm *term = g_ptr_array_index (lex->terms, term_idx);
  g_auto(GStrv) words = g_strsplit (term->text, " ", -1);
  guint n = g_strv_length (words);
  TermRef ref = { lexicon, term_idx };

  if (n == 1)
    {
      guint32 root = index_word (m, surfaces, skeletons, words[0], term->morph, lex->obfuscation);
      Root *r = g_ptr_array_index (m->root_list, root);

      g_array_append_val (r->terms, ref);
    }
  else
    {
      Phrase ph = { lexicon, term_idx, n, g_new (guint32, n) };
      guint32 idx = m->phrases->len;
      Root *first;

      for (guint i = 0; i < n; i++)
        ph.words[i] = index_word (m, surfaces, skeletons, words[i], term->morph, FALSE);
      g_array_append_val (m->phrases, ph);
      first = g_ptr_array_index (m->root_list, ph.words[0]);
      g_array_append_val (first->phrases, idx);
    }
}

/* Moves a building table into the compact map + flat entry array. */
static HbStrMap *
freeze (GHashTable *table,
        GArray     *entries)
{
  HbStrMap *map = hb_strmap_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *list = value;
      guint32 offset = entries->len;

      g_array_append_val (entries, list->len);
      g_array_append_vals (entries, list->data, list->len);
      hb_strmap_insert (map, key, strlen (key), offset);
    }
  return map;
}

static void
phrase_clear (gpointer data)
{
  g_free (((Phrase *) data)->words);
}

/* A one-word substitution whose standard form is itself indexed links the
 * two, so every lexicon also understands the chat spelling. */
static void
link_respellings (HbMatcher *m)
{
  for (guint l = 0; l < m->lexicons->len; l++)
    {
      const HbLexicon *lex = g_ptr_array_index (m->lexicons, l);

      for (guint t = 0; t < lex->terms->len; t++)
        {
          const HbTerm *term = g_ptr_array_index (lex->terms, t);
          guint32 root, alt;
          Root *r;

          if (term->replacement == NULL || strchr (term->text, ' ') || strchr (term->replacement, ' '))
            continue;
          alt = hb_strmap_lookup (m->surfaces, term->replacement, strlen (term->replacement));
          root = hb_strmap_lookup (m->roots, term->text, strlen (term->text));
          if (alt == HB_STRMAP_NONE || root == HB_STRMAP_NONE)
            continue;
          r = g_ptr_array_index (m->root_list, root);
          r->alt = alt;
          r->alt_term = (TermRef) { l, t };
        }
    }
}

static gint compare_mask_forms (gconstpointer a,
                                gconstpointer b);

static gint
compare_second_word (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  HbMatcher *m = user_data;
  guint32 wa = g_array_index (m->phrases, Phrase, *(const guint32 *) a).words[1];
  guint32 wb = g_array_index (m->phrases, Phrase, *(const guint32 *) b).words[1];

  return wa < wb ? -1 : wa > wb;
}

HbMatcher *
hb_matcher_new (GPtrArray *lexicons)
{
  g_autoptr(GHashTable) surfaces = NULL;
  g_autoptr(GHashTable) skeletons = NULL;
  HbMatcher *m;

  g_return_val_if_fail (lexicons != NULL, NULL);

  m = g_new0 (HbMatcher, 1);
  surfaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  skeletons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  m->lexicons = lexicons;
  m->roots = hb_strmap_new ();
  m->root_list = g_ptr_array_new_with_free_func (root_free);
  m->phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));
  g_array_set_clear_func (m->phrases, phrase_clear);
  m->mask_forms = g_array_new (FALSE, FALSE, sizeof (MaskForm));
  m->mask_strings = g_string_chunk_new (4096);
  m->entries = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint l = 0; l < lexicons->len; l++)
    {
      const HbLexicon *lex = g_ptr_array_index (lexicons, l);

      for (guint t = 0; t < lex->terms->len; t++)
        index_term (m, surfaces, skeletons, l, t);
    }
  m->surfaces = freeze (surfaces, m->entries);
  m->skeletons = freeze (skeletons, m->entries);
  link_respellings (m);
  g_array_sort (m->mask_forms, compare_mask_forms);
  for (guint r = 0; r < m->root_list->len; r++)
    g_array_sort_with_data (((Root *) g_ptr_array_index (m->root_list, r))->phrases,
                            compare_second_word, m);
  return m;
}

void
hb_matcher_free (HbMatcher *m)
{
  if (m == NULL)
    return;
  hb_strmap_free (m->surfaces);
  hb_strmap_free (m->skeletons);
  hb_strmap_free (m->roots);
  g_ptr_array_unref (m->root_list);
  g_array_unref (m->phrases);
  g_array_unref (m->mask_forms);
  g_string_chunk_free (m->mask_strings);
  g_array_unref (m->entries);
  g_free (m);
}

/* ------------------------------------------------------------------ */
/* Scanning                                                            */

typedef struct
{
  const HbMatcher *m;
  const HbText    *text;
  GArray          *hits;
  guint32         *tok_entries; /* per token: offset into entries, or NONE */
  guint32         *tok_alt;     /* per token: entries of its standard spelling, or NONE */
  HbHit           *hit_buf;     /* collected here, appended to hits once */
  guint            n_hits;
  guint            cap_hits;
} Scan;

/* The entries at @offset; none (and *count 0) for HB_STRMAP_NONE. */
static const guint32 *
entries_at (const HbMatcher *m,
            guint32          offset,
            guint           *count)
{
  const guint32 *e;

  if (offset == HB_STRMAP_NONE)
    {
      *count = 0;
      return NULL;
    }
  e = &g_array_index (m->entries, guint32, offset);
  *count = e[0];
  return e + 1;
}

static const HbTerm *
get_term (const HbMatcher *m,
          guint32          lexicon,
          guint32          term)
{
  const HbLexicon *lex = g_ptr_array_index (m->lexicons, lexicon);

  return g_ptr_array_index (lex->terms, term);
}

static gboolean
entries_have_upper_term (const Scan *s,
                         guint32     offset,
                         guint32     lexicon)
{
  const guint32 *e;
  guint n;

  e = entries_at (s->m, offset, &n);
  for (guint k = 0; k < n; k++)
    {
      const Root *r = g_ptr_array_index (s->m->root_list, e[k] & ENTRY_ROOT_MASK);

      for (guint t = 0; t < r->terms->len; t++)
        {
          const TermRef *ref = &g_array_index (r->terms, TermRef, t);

          if (ref->lexicon == lexicon && (get_term (s->m, ref->lexicon, ref->term)->flags & HB_TERM_UPPER_ONLY))
            return TRUE;
        }
    }
  return FALSE;
}

static guint32
lookup_word (const HbStrMap *map,
             const char     *word,
             gsize           len)
{
  guint32 off = hb_strmap_lookup (map, word, len);
  gsize base;

  if (off == HB_STRMAP_NONE && (base = hb_morph_strip_clitic (word, len)) > 0)
    off = hb_strmap_lookup (map, word, base);
  return off;
}

static gboolean
entry_accepts (guint32 entry,
               HbMorph morph)
{
  if (entry & ENTRY_IDENTITY)
    return TRUE;
  if (morph == HB_MORPH_MALAY)
    return (entry & ENTRY_MALAY) != 0;
  if (morph == HB_MORPH_ENGLISH)
    return (entry & ENTRY_ENGLISH) != 0;
  return FALSE;
}

static gboolean
is_number_token (const HbText *text,
                 guint         i,
                 guint         line)
{
  const HbToken *tok;

  if (i >= text->tokens->len)
    return FALSE;
  tok = hb_text_token (text, i);
  return tok->line == line && (tok->flags & HB_TOKEN_DIGIT) && !(tok->flags & HB_TOKEN_ALPHA);
}

static gboolean
entries_have_upper_term (const Scan *s,
                         guint32     offset,
                         guint32     lexicon);

/* Is token @i a word typed in capitals on @line that is not itself one of
 * @lexicon's capitals-only terms? */
static gboolean
is_other_caps_word (const Scan *s,
                    guint       i,
                    guint       line,
                    guint32     lexicon)
{
  const HbToken *tok;

  if (i >= s->text->tokens->len)
    return FALSE;
  tok = hb_text_token (s->text, i);
  if (tok->line != line || !(tok->flags & HB_TOKEN_UPPER) || tok->cend - tok->cstart < 2)
    return FALSE;
  return !entries_have_upper_term (s, s->tok_entries[i], lexicon);
}

static gboolean
term_flags_ok (const Scan   *s,
               guint32       lexicon,
               const HbTerm *term,
               guint         t0,
               guint         t1)
{
  guint line = hb_text_token (s->text, t0)->line;

  for (guint i = t0; i < t1; i++)
    {
      guint32 f = hb_text_token (s->text, i)->flags;

      if ((term->flags & HB_TERM_UPPER_ONLY) && !(f & HB_TOKEN_UPPER))
        return FALSE;
      /* "lower" terms (tak, x, kat) are never words typed in capitals:
       * "X" is the platform, "KAT" an acronym; "Tak" starting a sentence is fine. */
      if ((term->flags & HB_TERM_LOWER_ONLY) && (f & HB_TOKEN_UPPER))
        return FALSE;
    }
  /* A word that only counts in capitals (SULIT, PAS) says nothing inside
   * a line typed all in capitals: "RAHSIA KEJAYAAN KAMI", "PAS MASUK". */
  if ((term->flags & HB_TERM_UPPER_ONLY) &&
      ((t0 > 0 && is_other_caps_word (s, t0 - 1, line, lexicon)) ||
       is_other_caps_word (s, t1, line, lexicon)))
    return FALSE;
  if (term->flags & HB_TERM_NOT_NEAR_DIGITS)
    return !(t0 > 0 && is_number_token (s->text, t0 - 1, line)) &&
           !is_number_token (s->text, t1, line);
  return TRUE;
}

static void
add_hit (Scan    *s,
         guint32  lexicon,
         guint32  term,
         guint32  t0,
         guint32  t1,
         guint32  ostart,
         guint32  oend)
{
  if (s->n_hits == s->cap_hits)
    {
      s->cap_hits = s->cap_hits * 2 + 64;
      s->hit_buf = g_renew (HbHit, s->hit_buf, s->cap_hits);
    }
  s->hit_buf[s->n_hits++] = (HbHit) { lexicon, term, t0, t1, ostart, oend };
}


static gboolean
entries_have_root (const Scan *s,
                   guint32     offset,
                   guint32     root,
                   HbMorph     morph)
{
  const guint32 *e;
  guint n;

  e = entries_at (s->m, offset, &n);
  for (guint k = 0; k < n; k++)
    if ((e[k] & ENTRY_ROOT_MASK) == root && entry_accepts (e[k], morph))
      return TRUE;
  return FALSE;
}

static gboolean
token_has_root (const Scan *s,
                guint       i,
                guint32     root,
                HbMorph     morph)
{
  if (i >= s->text->tokens->len)
    return FALSE;
  return entries_have_root (s, s->tok_entries[i], root, morph) ||
         entries_have_root (s, s->tok_alt[i], root, morph);
}

/* A phrase is words said together: a comma, a colon, brackets or quotes
 * between two of them ("Norkamawati berkata, orang ramai …") part them. */
static gboolean
is_phrase_break (gunichar ch)
{
  switch (ch)
    {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '"':
    case 0x201C: case 0x201D: /* “ ” */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
broken_between (const HbText *text,
                guint         t)
{
  for (guint o = hb_text_token (text, t)->oend; o < hb_text_token (text, t + 1)->ostart; o++)
    if (is_phrase_break (text->orig[o]))
      return TRUE;
  return FALSE;
}

static void
try_phrase (Scan         *s,
            const Phrase *ph,
            guint32       entry,
            guint         i)
{
  const HbTerm *term = get_term (s->m, ph->lexicon, ph->term);
  guint k;

  if (!entry_accepts (entry, term->morph))
    return;
  for (k = 1; k < ph->n_words; k++)
    if (!token_has_root (s, i + k, ph->words[k], term->morph) || broken_between (s->text, i + k - 1))
      return;
  if (term_flags_ok (s, ph->lexicon, term, i, i + k))
    add_hit (s, ph->lexicon, ph->term, i, i + k, hb_text_token (s->text, i)->ostart,
             hb_text_token (s->text, i + k - 1)->oend);
}

/* Phrases of a root are sorted by their second word, so a common first
 * word ("di", "the") only looks at the phrases whose second word the next
 * token can be. */
static void
match_phrases_after (Scan       *s,
                     const Root *r,
                     guint32     entry,
                     guint       i,
                     guint32     offset)
{
  const guint32 *e;
  guint n;

  e = entries_at (s->m, offset, &n);
  for (guint k = 0; k < n; k++)
    {
      guint32 second = e[k] & ENTRY_ROOT_MASK;
      guint lo = 0, hi = r->phrases->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          const Phrase *ph = &g_array_index (s->m->phrases, Phrase, g_array_index (r->phrases, guint32, mid));

          if (ph->words[1] < second)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (; lo < r->phrases->len; lo++)
        {
          const Phrase *ph = &g_array_index (s->m->phrases, Phrase, g_array_index (r->phrases, guint32, lo));

          if (ph->words[1] != second)
            break;
          try_phrase (s, ph, entry, i);
        }
    }
}

static void
match_phrases (Scan       *s,
               const Root *r,
               guint32     entry,
               guint       i)
{
  if (r->phrases->len == 0 || i + 1 >= s->text->tokens->len)
    return;
  match_phrases_after (s, r, entry, i, s->tok_entries[i + 1]);
  match_phrases_after (s, r, entry, i, s->tok_alt[i + 1]);
}

/* Adds the single-word terms of the entries at @offset; @obf_only keeps
 * only lexicons that asked for obfuscated matching. */
/* Which lexicons a reading may match: masked and leetspeak readings only
 * those that ask for obfuscation; one part of a joined word only those
 * that do not, unless the other part is a known word too. */
typedef enum
{
  LEXICONS_ALL,
  LEXICONS_OBFUSCATION,
  LEXICONS_PLAIN,
} LexiconFilter;

static gboolean
match_terms (Scan    *s,
             guint32  offset,
             guint    t0,
             guint    t1,
             guint32  ostart,
             guint32  oend,
             LexiconFilter filter,
             gboolean phrases)
{
  const guint32 *e;
  guint n;
  gboolean any = FALSE;

  e = entries_at (s->m, offset, &n);
  for (guint k = 0; k < n; k++)
    {
      const Root *r = g_ptr_array_index (s->m->root_list, e[k] & ENTRY_ROOT_MASK);

      for (guint t = 0; t < r->terms->len; t++)
        {
          const TermRef *ref = &g_array_index (r->terms, TermRef, t);
          const HbLexicon *lex = g_ptr_array_index (s->m->lexicons, ref->lexicon);
          const HbTerm *term = g_ptr_array_index (lex->terms, ref->term);

          if ((filter == LEXICONS_OBFUSCATION && !lex->obfuscation) ||
              (filter == LEXICONS_PLAIN && lex->obfuscation))
            continue;
          if (!entry_accepts (e[k], term->morph) || !term_flags_ok (s, ref->lexicon, term, t0, t1))
            continue;
          add_hit (s, ref->lexicon, ref->term, t0, t1, ostart, oend);
          any = any || lex->obfuscation;
        }
      if (phrases)
        match_phrases (s, r, e[k], t0);
    }
  return any;
}

/* "anti-rasuah", "pro-UMNO": when the whole hyphenated word is unknown,
 * each part is looked up on its own. */
static void
match_hyphen_parts (Scan *s,
                    guint i)
{
  const HbToken *tok = hb_text_token (s->text, i);
  const HbText *text = s->text;
  guint start = tok->cstart;

  for (guint c = tok->cstart; c <= tok->cend; c++)
    {
      guint32 off;

      if (c < tok->cend && text->nchar[c] != '-')
        continue;
      if (c > start)
        {
          guint32 b0 = text->nbyte[start];
          guint32 b1 = c < text->n_norm ? text->nbyte[c] : text->norm->len;

          off = lookup_word (s->m->surfaces, text->norm->str + b0, b1 - b0);
          if (off != HB_STRMAP_NONE)
            match_terms (s, off, i, i + 1, text->nsrc[start], hb_text_src_end (text, c - 1), LEXICONS_ALL, FALSE);
        }
      start = c + 1;
    }
}

static gboolean
masked_equal (const char     *word,
              const MaskForm *mf)
{
  const char *p = word, *q = mf->skeleton;
  guint stars = 0, letters = 0;

  while (*p && *q)
    {
      gunichar a = g_utf8_get_char (p), b = g_utf8_get_char (q);

      if (a == '*' || a == '#')
        stars++;
      else if (unmask (a) == b)
        letters++;
      else
        return FALSE;
      p = g_utf8_next_char (p);
      q = g_utf8_next_char (q);
    }
  return *p == '\0' && *q == '\0' && stars > 0 && letters >= 2 && word[0] != '*';
}

static int
compare_mask_key (const MaskForm *mf,
                  guint32         len,
                  gunichar        first)
{
  gunichar c = g_utf8_get_char (mf->skeleton);

  if (mf->len != len)
    return mf->len < len ? -1 : 1;
  return c < first ? -1 : c > first;
}

static gint
compare_mask_forms (gconstpointer a,
                    gconstpointer b)
{
  const MaskForm *mb = b;

  return compare_mask_key (a, mb->len, g_utf8_get_char (mb->skeleton));
}

/* f**k, sh*t, p*ki: each '*' stands for exactly one letter. */
static void
match_masked_word (Scan       *s,
                   const char *word,
                   guint32     len,
                   guint       t0,
                   guint       t1)
{
  gunichar first = unmask (g_utf8_get_char (word));
  guint lo = 0, hi = s->m->mask_forms->len;

  /* mask_forms is sorted by length, then first letter. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_mask_key (&g_array_index (s->m->mask_forms, MaskForm, mid), len, first) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < s->m->mask_forms->len; k++)
    {
      const MaskForm *mf = &g_array_index (s->m->mask_forms, MaskForm, k);
      const Root *r;

      if (compare_mask_key (mf, len, first) != 0)
        break;
      if (!masked_equal (word, mf))
        continue;
      r = g_ptr_array_index (s->m->root_list, mf->root);
      for (guint t = 0; t < r->terms->len; t++)
        {
          const TermRef *ref = &g_array_index (r->terms, TermRef, t);
          const HbLexicon *lex = g_ptr_array_index (s->m->lexicons, ref->lexicon);

          if (lex->obfuscation)
            add_hit (s, ref->lexicon, ref->term, t0, t1, hb_text_token (s->text, t0)->ostart,
                     hb_text_token (s->text, t1 - 1)->oend);
        }
      /* A mask can hide more than one word (p*ki): report each reading. */
    }
}

static void
match_masked (Scan *s,
              guint i)
{
  const HbToken *tok = hb_text_token (s->text, i);
  g_autofree char *word = g_strndup (s->text->norm->str + tok->nstart, tok->nend - tok->nstart);

  match_masked_word (s, word, tok->cend - tok->cstart, i, i + 1);
}

/* "F..k": dots or underscores standing for letters split a word into two
 * tokens; read the gap as a mask over the letters it hides. */
static void
match_dotted (Scan *s,
              guint i)
{
  const HbText *text = s->text;
  const HbToken *a = hb_text_token (text, i), *b;
  g_autoptr(GString) word = NULL;
  guint gap;

  if (i + 1 >= text->tokens->len || a->cend - a->cstart > 2 || !(a->flags & HB_TOKEN_ALPHA))
    return;
  b = hb_text_token (text, i + 1);
  gap = b->ostart - a->oend;
  if (b->line != a->line || b->cend - b->cstart > 2 || !(b->flags & HB_TOKEN_ALPHA) || gap < 2 || gap > 4)
    return;
  for (guint o = a->oend; o < b->ostart; o++)
    if (text->orig[o] != '.' && text->orig[o] != '_' && text->orig[o] != 0x2026)
      return;
  word = g_string_new_len (text->norm->str + a->nstart, a->nend - a->nstart);
  for (guint o = a->oend; o < b->ostart; o++)
    g_string_append_c (word, '*');
  g_string_append_len (word, text->norm->str + b->nstart, b->nend - b->nstart);
  match_masked_word (s, word->str, (a->cend - a->cstart) + gap + (b->cend - b->cstart), i, i + 2);
}

/* Letters beyond ASCII in a Latin, Greek or Cyrillic word: accents or
 * look-alikes from another script ("bоdоh").  Words wholly in other
 * scripts (Tamil, Chinese) are left alone. */
static gboolean
has_lookalikes (const HbText  *text,
                const HbToken *tok)
{
  if (!(tok->flags & HB_TOKEN_BEYOND_ASCII))
    return FALSE;
  for (guint o = tok->ostart; o < tok->oend; o++)
    if (text->orig[o] >= 0x0530)
      return FALSE;
  return TRUE;
}

/* "bodooh", "bangaang": a vowel typed twice to stretch a bad word.  Only
 * the doubled vowels are made single (not every doubled letter, as the
 * leetspeak skeleton does: "poorness" must not become a word it is not),
 * and only lexicons that ask for obfuscation are matched. */
static void
match_doubled (Scan *s,
               guint i)
{
  const HbToken *tok = hb_text_token (s->text, i);
  const char *word = s->text->norm->str + tok->nstart;
  gsize len = tok->nend - tok->nstart, n = 0;
  char single[64];
  guint32 off;

  if (len >= sizeof single)
    return; /* no term is that long */
  for (gsize k = 0; k < len; k++)
    if (k == 0 || word[k] != word[k - 1] || strchr ("aeiou", word[k]) == NULL)
      single[n++] = word[k];
  off = lookup_word (s->m->surfaces, single, n);
  if (off != HB_STRMAP_NONE)
    match_terms (s, off, i, i + 1, tok->ostart, tok->oend, LEXICONS_OBFUSCATION, FALSE);
}

/* "b-o-d-o-h": a word spelt out letter by letter with hyphens. */
static gboolean
is_spelled_out (const HbText  *text,
                const HbToken *tok)
{
  guint letters = 0;

  for (guint o = tok->ostart; o < tok->oend; o += 2, letters++)
    if (!g_unichar_isalpha (text->orig[o]) || (o + 1 < tok->oend && text->orig[o + 1] != '-'))
      return FALSE;
  return letters >= 3;
}

static void
match_obfuscated (Scan *s,
                  guint i)
{
  const HbToken *tok = hb_text_token (s->text, i);
  g_autofree char *sk = NULL;
  guint32 off;

  if (tok->flags & HB_TOKEN_MASKED)
    {
      match_masked (s, i);
      return;
    }
  sk = hb_skeleton (s->text->norm->str + tok->nstart, tok->nend - tok->nstart);
  off = lookup_word (s->m->skeletons, sk, strlen (sk));
  if (off != HB_STRMAP_NONE)
    match_terms (s, off, i, i + 1, tok->ostart, tok->oend, LEXICONS_OBFUSCATION, FALSE);
}

static gboolean
is_single_letter (const HbText *text,
                  guint         i,
                  guint         line)
{
  const HbToken *tok;

  if (i >= text->tokens->len)
    return FALSE;
  tok = hb_text_token (text, i);
  return tok->cend - tok->cstart == 1 && (tok->flags & HB_TOKEN_ALPHA) && tok->line == line;
}

/* "b o d o h", "f.u.c.k": three or more single letters in a row are read
 * as one word.  Returns the first token after the run. */
static guint
match_spaced (Scan *s,
              guint i)
{
  const HbText *text = s->text;
  guint line = hb_text_token (text, i)->line;
  guint j = i;
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *sk = NULL;
  guint32 off;

  while (is_single_letter (text, j, line) &&
         (j == i || hb_text_token (text, j)->ostart - hb_text_token (text, j - 1)->oend <= 2))
    {
      const HbToken *tok = hb_text_token (text, j);
      g_string_append_len (word, text->norm->str + tok->nstart, tok->nend - tok->nstart);
      j++;
    }
  if (j - i < 3)
    return i + 1;
  sk = hb_skeleton (word->str, word->len);
  off = lookup_word (s->m->skeletons, sk, strlen (sk));
  if (off != HB_STRMAP_NONE)
    match_terms (s, off, i, j, hb_text_token (text, i)->ostart, hb_text_token (text, j - 1)->oend,
                 LEXICONS_OBFUSCATION, FALSE);
  return j;
}

/* The standard spelling a token stands for, when it is a chat spelling
 * that its substitution term accepts here ("x" is not "tidak" in "3 x 4"). */
static guint32
respelling (const Scan *s,
            guint       i)
{
  const guint32 *e;
  guint n;

  e = entries_at (s->m, s->tok_entries[i], &n);
  for (guint k = 0; k < n; k++)
    {
      const Root *r = g_ptr_array_index (s->m->root_list, e[k] & ENTRY_ROOT_MASK);

      if (r->alt != HB_STRMAP_NONE &&
          term_flags_ok (s, r->alt_term.lexicon, get_term (s->m, r->alt_term.lexicon, r->alt_term.term), i, i + 1))
        return r->alt;
    }
  return HB_STRMAP_NONE;
}

/* What a token with look-alike letters or accents reads as, for every
 * lexicon ("Ρembangkang" with a Greek Ρ), unlike the leetspeak skeleton,
 * which only lexicons with obfuscation take. */
static guint32
lookup_plain (const Scan    *s,
              const HbToken *tok)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  const char *word = s->text->norm->str + tok->nstart;

  for (const char *p = word; p < s->text->norm->str + tok->nend; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x80)
        g_string_append_c (plain, (char) ch);
      else
        append_lookalike (plain, ch);
    }
  return lookup_word (s->m->surfaces, plain->str, plain->len);
}

/* Text typed after a right-to-left override (U+202E) is shown reversed:
 * "\u202Ehodob" reads "bodoh" on screen. */
static gboolean
in_reversed_run (const HbText  *text,
                 const HbToken *tok)
{
  for (guint o = tok->ostart; o > 0 && text->orig[o - 1] != '\n'; o--)
    {
      gunichar ch = text->orig[o - 1];

      if (ch == 0x202E || ch == 0x2067)
        return TRUE;
      if (ch == 0x202C || ch == 0x2069 || ch == 0x202D || ch == 0x2066)
        return FALSE;
    }
  return FALSE;
}

static guint32
lookup_reversed (const Scan    *s,
                 const HbToken *tok)
{
  g_autofree char *reversed = g_utf8_strreverse (s->text->norm->str + tok->nstart, tok->nend - tok->nstart);

  return lookup_word (s->m->surfaces, reversed, strlen (reversed));
}

/* The first reading of @tok that some lexicon knows: as typed, with its
 * look-alike letters read as Latin ones, or reversed behind an override. */
static guint32
lookup_token (const Scan    *s,
              const HbToken *tok,
              gboolean       reversed_runs)
{
  const HbText *text = s->text;
  guint32 off;

  if (tok->flags & HB_TOKEN_ADDRESS)
    return HB_STRMAP_NONE;
  off = lookup_word (s->m->surfaces, text->norm->str + tok->nstart, tok->nend - tok->nstart);
  if (off == HB_STRMAP_NONE && has_lookalikes (text, tok))
    off = lookup_plain (s, tok);
  if (off == HB_STRMAP_NONE && reversed_runs && in_reversed_run (text, tok))
    off = lookup_reversed (s, tok);
  return off;
}

/* A hashtag or a CamelCase run joins words: "#tolakumno", "UMNOsampah". */
static gboolean
joins_words (const HbText  *text,
             const HbToken *tok)
{
  if (!(tok->flags & HB_TOKEN_ALPHA) || tok->oend - tok->ostart < 7)
    return FALSE;
  if (tok->ostart > 0 && text->orig[tok->ostart - 1] == '#')
    return TRUE;
  if (tok->flags & (HB_TOKEN_LOWER | HB_TOKEN_UPPER))
    return FALSE;
  for (guint o = tok->ostart + 1; o < tok->oend; o++)
    if (g_unichar_islower (text->orig[o - 1]) && g_unichar_isupper (text->orig[o]))
      return TRUE;
  return FALSE;
}

/* Where a word may start inside a token by its case: "kulim|Bersih",
 * "MPKK|Prihatin", and after an acronym, "UMNO|sampah". */
static gboolean
case_changes_at (const HbText  *text,
                 const HbToken *tok,
                 guint          o)
{
  const gunichar *c = text->orig;

  if (g_unichar_islower (c[o - 1]) && g_unichar_isupper (c[o]))
    return TRUE;
  if (o + 1 < tok->oend && g_unichar_isupper (c[o - 1]) && g_unichar_isupper (c[o]) && g_unichar_islower (c[o + 1]))
    return TRUE;
  return o >= tok->ostart + 2 && g_unichar_isupper (c[o - 2]) && g_unichar_isupper (c[o - 1]) &&
         g_unichar_islower (c[o]);
}

static void
match_part (Scan       *s,
            guint       i,
            const char *part,
            gsize       len)
{
  guint32 off = len >= 2 ? lookup_word (s->m->surfaces, part, len) : HB_STRMAP_NONE;
  const HbToken *tok = hb_text_token (s->text, i);

  if (off != HB_STRMAP_NONE)
    match_terms (s, off, i, i + 1, tok->ostart, tok->oend, LEXICONS_ALL, FALSE);
}

/* The words of a joined token.  With case changes ("UMNOsampah",
 * "#BodohSangat") it splits only there: each stretch between two changes,
 * and the head and tail either side of each one, so "asses" is never read
 * in AssessmentTax.  A token in one case splits anywhere into two parts of
 * four letters or more, but only a lexicon without obfuscation may match
 * one part alone ("#tolakumno"); a bad word needs both parts known, or
 * "#assessmenttax" would hide one. */
static void
match_joined (Scan *s,
              guint i)
{
  const HbText *text = s->text;
  const HbToken *tok = hb_text_token (text, i);
  const char *word = text->norm->str + tok->nstart;
  gsize len = tok->nend - tok->nstart, from = 0;
  gboolean camel = FALSE;

  if (tok->cend - tok->cstart != len || tok->oend - tok->ostart != len)
    return; /* only plain ASCII words: offsets are then bytes */
  for (guint o = tok->ostart + 1; o < tok->oend; o++)
    if (case_changes_at (text, tok, o))
      {
        gsize at = o - tok->ostart;

        match_part (s, i, word + from, at - from);
        match_part (s, i, word, at);
        match_part (s, i, word + at, len - at);
        from = at;
        camel = TRUE;
      }
  if (camel)
    {
      match_part (s, i, word + from, len - from);
      return;
    }
  for (gsize k = 4; k + 4 <= len; k++)
    {
      guint32 head = lookup_word (s->m->surfaces, word, k);
      guint32 tail = lookup_word (s->m->surfaces, word + k, len - k);
      gboolean both = head != HB_STRMAP_NONE && tail != HB_STRMAP_NONE;

      LexiconFilter filter = both ? LEXICONS_ALL : LEXICONS_PLAIN;

      if (head != HB_STRMAP_NONE)
        match_terms (s, head, i, i + 1, tok->ostart, tok->oend, filter, FALSE);
      if (tail != HB_STRMAP_NONE)
        match_terms (s, tail, i, i + 1, tok->ostart, tok->oend, filter, FALSE);
    }
}

static void
lookup_tokens (Scan *s)
{
  const HbText *text = s->text;
  gboolean reversed_runs = text->has_overrides;

  for (guint i = 0; i < text->tokens->len; i++)
    s->tok_entries[i] = lookup_token (s, hb_text_token (text, i), reversed_runs);
  for (guint i = 0; i < text->tokens->len; i++)
    s->tok_alt[i] = s->tok_entries[i] != HB_STRMAP_NONE ? respelling (s, i) : HB_STRMAP_NONE;
}

/* Appends every lexicon hit in @text to @hits, in token order. */
void
hb_matcher_scan (const HbMatcher *m,
                 const HbText    *text,
                 GArray          *hits)
{
  Scan s;
  guint spaced_until = 0;

  g_return_if_fail (m != NULL && text != NULL && hits != NULL);

  s = (Scan) { m, text, hits, g_new (guint32, text->tokens->len + 1), g_new (guint32, text->tokens->len + 1),
               g_new (HbHit, text->tokens->len / 2 + 64), 0, text->tokens->len / 2 + 64 };

  lookup_tokens (&s);
  for (guint i = 0; i < text->tokens->len; i++)
    {
      const HbToken *tok = hb_text_token (text, i);
      gboolean obf_hit = FALSE;

      if (s.tok_entries[i] != HB_STRMAP_NONE)
        obf_hit = match_terms (&s, s.tok_entries[i], i, i + 1, tok->ostart, tok->oend, LEXICONS_ALL, TRUE);
      if (s.tok_alt[i] != HB_STRMAP_NONE)
        obf_hit |= match_terms (&s, s.tok_alt[i], i, i + 1, tok->ostart, tok->oend, LEXICONS_ALL, TRUE);
      else if (s.tok_entries[i] == HB_STRMAP_NONE && (tok->flags & HB_TOKEN_HYPHEN))
        match_hyphen_parts (&s, i);
      else if (s.tok_entries[i] == HB_STRMAP_NONE && joins_words (text, tok))
        match_joined (&s, i);

      if (!obf_hit && !(tok->flags & HB_TOKEN_ADDRESS) &&
          ((tok->flags & (HB_TOKEN_OBFUSCATED | HB_TOKEN_RUNS)) ||
           ((tok->flags & HB_TOKEN_HYPHEN) && is_spelled_out (text, tok)) || has_lookalikes (text, tok)))
        match_obfuscated (&s, i);
      if (tok->cend - tok->cstart <= 2)
        match_dotted (&s, i);
      if ((tok->flags & HB_TOKEN_DOUBLED) && !obf_hit && s.tok_entries[i] == HB_STRMAP_NONE)
        match_doubled (&s, i);
      if (i >= spaced_until && is_single_letter (text, i, tok->line))
        spaced_until = match_spaced (&s, i);
    }
  g_array_append_vals (hits, s.hit_buf, s.n_hits);
  g_free (s.hit_buf);
  g_free (s.tok_entries);
  g_free (s.tok_alt);
}
