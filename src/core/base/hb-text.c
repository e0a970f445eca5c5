/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-text.c — normalisation and tokenisation (see hb-text.h).
 *
 * Everything here runs once per lint and must stay linear and allocation
 * light: ASCII takes a fast path, and only non-ASCII clusters go through
 * GLib's NFKC and case folding.
 */
#include "config.h"

#include "hb-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hb-error.h"

/**
 * hb_text_is_blank:
 * @utf8: (nullable): valid UTF-8
 *
 * Returns: %TRUE when @utf8 is %NULL, empty or only white space (a field
 *   an officer has not really filled in)
 */
gboolean
hb_text_is_blank (const char *utf8)
{
  for (const char *p = utf8 ? utf8 : ""; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
hb_utf8_validate (const char *data,
                  gsize       len,
                  GError    **error)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;
  g_set_error (error, HB_ERROR, HB_ERROR_INVALID_UTF8,
               _("The text is not valid UTF-8 (byte offset %lu)"),
               (gulong) (end - data));
  return FALSE;
}

/* Characters that change nothing a reader sees, and that are used to
 * smuggle words past filters: zero-width spaces and joiners, BOM, soft
 * hyphen, combining grapheme joiner, variation selectors, bidi marks. */
static gboolean
is_invisible (gunichar ch)
{
  return ch == 0x00AD || ch == 0x034F ||
         (ch >= 0xFE00 && ch <= 0xFE0F) ||
         g_unichar_type (ch) == G_UNICODE_FORMAT;
}

/* Character classes, computed once per normalised character so that the
 * tokeniser never classifies the same character twice. */
enum
{
  CL_ALPHA   = 1 << 0,
  CL_DIGIT   = 1 << 1,
  CL_MARK    = 1 << 2,  /* combining mark: part of the word */
  CL_MASK    = 1 << 3,  /* @ $ * ! | stand in for letters in masked words */
  CL_JOINER  = 1 << 4,  /* - ' inside a word */
  CL_NEWLINE = 1 << 5,
  CL_END     = 1 << 6,  /* may end a sentence */
  CL_UPPER   = 1 << 7,  /* typed in capitals */
  CL_LOWER   = 1 << 8,  /* typed in lower case */
  CL_SPAN    = 1 << 9,  /* came from more than one code point (a cluster) */
  CL_BEYOND  = 1 << 10, /* a letter or mark beyond ASCII: é, Cyrillic о */
};
#define CL_WORD (CL_ALPHA | CL_DIGIT | CL_MARK)

static guint16 ascii_classes[128];

static void
init_ascii_classes (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0; c < 128; c++)
    {
      guint16 cl = 0;

      if (g_ascii_isalpha (c))
        cl |= CL_ALPHA | (g_ascii_isupper (c) ? CL_UPPER : CL_LOWER);
      else if (g_ascii_isdigit (c))
        cl |= CL_DIGIT;
      if (c == '@' || c == '$' || c == '*' || c == '#' || c == '!' || c == '|')
        cl |= CL_MASK;
      if (c == '-' || c == '\'')
        cl |= CL_JOINER;
      if (c == '\n' || c == '\r')
        cl |= CL_NEWLINE;
      if (c == '.' || c == '!' || c == '?')
        cl |= CL_END;
      ascii_classes[c] = cl;
    }
  g_once_init_leave (&done, 1);
}

static guint16
unicode_class (gunichar ch,
               gunichar typed)
{
  guint16 cl = 0;

  if (g_unichar_isalpha (ch))
    cl |= CL_ALPHA | CL_BEYOND | (g_unichar_isupper (typed) ? CL_UPPER : 0) |
          (g_unichar_islower (typed) ? CL_LOWER : 0);
  else if (g_unichar_ismark (ch))
    cl |= CL_MARK | CL_BEYOND;
  else if (g_unichar_isalnum (ch))
    cl |= CL_DIGIT;
  else if (ch == 0x2028 || ch == 0x2029 || ch == 0x0085)
    cl |= CL_NEWLINE;
  else if (ch == 0x2026)
    cl |= CL_END;
  return cl;
}

static inline void
push_norm (HbText   *text,
           gunichar  ch,
           guint16   cl,
           guint     src,
           guint     src_end)
{
  guint i = text->n_norm++;
  GString *norm = text->norm;

  text->nchar[i] = ch;
  text->ncls[i] = cl;
  text->nbyte[i] = norm->len;
  text->nsrc[i] = src;
  if (src_end != src + 1)
    {
      HbSpanEnd span = { i, src_end };

      text->ncls[i] |= CL_SPAN;
      g_array_append_val (text->span_ends, span);
    }
  /* ASCII is nearly all of a post: write it without a function call.
   * normalise() keeps room for one byte per remaining code point. */
  if (ch < 0x80)
    norm->str[norm->len++] = (char) ch;
  else
    {
      norm->str[norm->len] = '\0';
      g_string_append_unichar (norm, ch);
    }
}

static void
push_unicode (HbText   *text,
              gunichar  ch,
              guint     src,
              guint     src_end)
{
  guint16 cl = ch < 0x80 ? ascii_classes[ch] & ~(CL_UPPER | CL_LOWER) : 0;

  if (ch < 0x80 && (cl & CL_ALPHA))
    cl |= unicode_class (ch, text->orig[src]) & (CL_UPPER | CL_LOWER);
  else if (ch >= 0x80)
    cl = unicode_class (ch, text->orig[src]);
  push_norm (text, ch, cl, src, src_end);
}

/* Emoji and pictographs are their own NFKC and case fold: posts are full of
 * them, so they skip GLib's normaliser. */
static gboolean
is_plain_symbol (const HbText *text,
                 guint         i)
{
  gunichar ch = text->orig[i];

  if (ch < 0x1F000 && !(ch >= 0x2600 && ch <= 0x27BF))
    return FALSE;
  return i + 1 >= text->n_orig || !g_unichar_ismark (text->orig[i + 1]);
}

/* Normalises one non-ASCII character with the combining marks that follow
 * it; returns how many original code points it consumed. */
static guint
normalise_cluster (HbText *text,
                   guint   i)
{
  char buf[64];
  gsize blen = 0;
  guint j = i;
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;

  /* Typographic quotes and dashes are written for ordinary ones. */
  switch (text->orig[i] < 0x80 ? 0 : text->orig[i])
    {
    case 0x2018: case 0x2019: case 0x02BC: case 0x0060:
      push_norm (text, '\'', ascii_classes['\''], i, i + 1);
      return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
      push_norm (text, '-', ascii_classes['-'], i, i + 1);
      return 1;
    default:
      break;
    }

  do
    blen += g_unichar_to_utf8 (text->orig[j++], buf + blen);
  while (j < text->n_orig && blen + 6 < sizeof buf && g_unichar_ismark (text->orig[j]) &&
         !is_invisible (text->orig[j]));

  nfkc = g_utf8_normalize (buf, blen, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (nfkc, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    push_unicode (text, g_utf8_get_char (p), i, j);
  return j - i;
}

/* Makes sure @extra more bytes fit without reallocation. */
static void
reserve (GString *s,
         gsize    extra)
{
  gsize len = s->len;

  if (s->allocated_len > len + extra)
    return;
  g_string_set_size (s, len + extra);
  g_string_truncate (s, len);
}

/* Keeps room for one normalised character per remaining code point (the
 * ASCII path never checks) plus one cluster's worst case: NFKC turns one
 * code point into at most 18 (U+FDFA), and a cluster is at most 16. */
static void
ensure_room (HbText *text,
             guint  *cap,
             guint   i)
{
  guint need = text->n_norm + (text->n_orig - i) + 18 * 16 + 2;

  if (*cap >= need)
    return;
  *cap = need * 2;
  text->nchar = g_renew (gunichar, text->nchar, *cap);
  text->ncls = g_renew (guint16, text->ncls, *cap);
  text->nbyte = g_renew (guint32, text->nbyte, *cap);
  text->nsrc = g_renew (guint32, text->nsrc, *cap);
}

/* The hot path: a run of plain ASCII, copied lower-cased with its classes
 * and offsets.  Local copies keep everything in registers (the arrays may
 * not alias the counters).  Stops at the first non-ASCII character or at
 * an ASCII character that a combining mark follows; returns its index. */
static guint
normalise_ascii (HbText *text,
                 guint   i)
{
  const gunichar *orig = text->orig;
  gunichar *nchar = text->nchar;
  guint16 *ncls = text->ncls;
  guint32 *nbyte = text->nbyte, *nsrc = text->nsrc;
  char *out = text->norm->str;
  gsize len = text->norm->len;
  guint n = text->n_norm;

  for (;; i++)
    {
      gunichar ch = orig[i], next = orig[i + 1];
      gunichar lower = ch - 'A' < 26u ? ch + ('a' - 'A') : ch;

      if (ch >= 0x80 || ch == 0 || (next >= 0x300 && g_unichar_ismark (next)))
        break;
      nchar[n] = lower;
      ncls[n] = ascii_classes[ch];
      nbyte[n] = len;
      nsrc[n] = i;
      out[len++] = (char) lower;
      n++;
    }
  text->norm->len = len;
  text->n_norm = n;
  return i;
}

static void
normalise (HbText *text)
{
  guint cap = text->n_orig + 18 * 16 + 2;
  guint i = 0;

  init_ascii_classes ();
  text->nchar = g_new (gunichar, cap);
  text->ncls = g_new (guint16, cap);
  text->nbyte = g_new (guint32, cap);
  text->nsrc = g_new (guint32, cap);
  text->span_ends = g_array_new (FALSE, FALSE, sizeof (HbSpanEnd));
  text->norm = g_string_sized_new (text->n_orig * 2 + 16);

  while (i < text->n_orig)
    {
      gunichar ch = text->orig[i];

      if (ch < 0x80)
        {
          i = normalise_ascii (text, i);
          /* Either past the run, or at an ASCII letter that a combining
           * mark follows ("e\u0301" composes to é): a cluster below. */
          if (i >= text->n_orig || text->orig[i] >= 0x80)
            continue;
        }
      else if (is_invisible (ch))
        {
          /* A right-to-left override or isolate shows what follows
           * reversed: the matcher reads such text backwards too. */
          text->has_overrides |= ch == 0x202E || ch == 0x2067;
          i++;
          continue;
        }
      else if (is_plain_symbol (text, i))
        {
          push_norm (text, ch, 0, i, i + 1);
          reserve (text->norm, text->n_orig - i + 8);
          i++;
          continue;
        }
      ensure_room (text, &cap, i);
      i += normalise_cluster (text, i);
      reserve (text->norm, text->n_orig - i + 8);
    }
  text->norm->str[text->norm->len] = '\0';
  /* Sentinels so that the tokeniser may look two characters ahead. */
  text->nchar[text->n_norm] = text->nchar[text->n_norm + 1] = 0;
  text->ncls[text->n_norm] = text->ncls[text->n_norm + 1] = 0;
}

/* A letter typed three times or more in [@i, @j): stretched for effect;
 * a vowel typed twice ("bodooh") may be stretched too. */
static inline guint32
stretch_flags (const HbText *text,
               guint         i,
               guint         j)
{
  const guint16 *cls = text->ncls;
  const gunichar *chars = text->nchar;
  guint32 f = 0;

  for (guint k = i + 1; k < j; k++)
    if (chars[k] == chars[k - 1] && (cls[k] & CL_ALPHA))
      {
        if (k >= i + 2 && chars[k] == chars[k - 2])
          return f | HB_TOKEN_RUNS;
        if (strchr ("aeiou", (int) chars[k]) != NULL && chars[k] != 0)
          f |= HB_TOKEN_DOUBLED;
      }
  return f;
}

/* The flags of a token from its first character's class @first and the
 * classes @seen in its letter-and-digit runs. */
static inline guint32
class_flags (guint first,
             guint seen)
{
  guint32 f = 0;

  /* A name starts with a capital: only the first character is asked. */
  if ((first & CL_ALPHA) && (first & CL_UPPER))
    f |= HB_TOKEN_CAPITAL;
  if (seen & CL_ALPHA)
    {
      f |= HB_TOKEN_ALPHA;
      if (!(seen & CL_LOWER))
        f |= HB_TOKEN_UPPER;
      if (!(seen & CL_UPPER))
        f |= HB_TOKEN_LOWER;
    }
  if (seen & CL_DIGIT)
    f |= HB_TOKEN_DIGIT;
  if (seen & CL_BEYOND)
    f |= HB_TOKEN_BEYOND_ASCII;
  if ((f & HB_TOKEN_ALPHA) && (f & HB_TOKEN_DIGIT))
    f |= HB_TOKEN_OBFUSCATED;
  return f;
}

/* Scans the token starting at @i; returns its end (exclusive, in
 * normalised characters) and its HbTokenFlags in @flags. */
static guint
scan_token (const HbText *text,
            guint         i,
            guint32      *flags)
{
  const guint16 *cls = text->ncls; /* ends with 0 sentinels */
  const gunichar *chars = text->nchar;
  guint j = i, seen = 0;
  guint32 f = 0;

  for (;;)
    {
      guint c;
      gunichar ch;

      /* The common case, kept tight: a run of letters and digits. */
      while ((c = cls[j]) & CL_WORD)
        {
          seen |= c;
          j++;
        }
      ch = chars[j];
      if ((c & CL_MASK) && ((cls[j + 1] & (CL_WORD | CL_MASK)) || ((ch == '*' || ch == '#') && j > i)))
        f |= ch == '*' || ch == '#' ? HB_TOKEN_MASKED | HB_TOKEN_OBFUSCATED : HB_TOKEN_OBFUSCATED;
      else if ((c & CL_JOINER) && j > i && (cls[j - 1] & CL_WORD) && (cls[j + 1] & CL_WORD))
        f |= ch == '-' ? HB_TOKEN_HYPHEN : 0;
      else
        break;
      j++;
    }
  f |= stretch_flags (text, i, j);
  /* A trailing '!' or '|' is punctuation, not a masked letter. */
  while (j > i + 1 && (chars[j - 1] == '!' || chars[j - 1] == '|'))
    j--;
  *flags = f | class_flags (cls[i], seen);
  return j;
}

static gboolean
starts_token (const HbText *text,
              guint         i)
{
  gunichar ch = text->nchar[i];

  if (text->ncls[i] & CL_WORD)
    return TRUE;
  /* '$hit' and '*sshole' start with a mask; '@name' is a mention, not a word. */
  return (ch == '$' || ch == '*') && i + 1 < text->n_norm && (text->ncls[i + 1] & CL_WORD);
}

static gboolean
is_abbreviation (const HbText  *text,
                 const HbToken *tok)
{
  static const char *abbrevs[] = {
    "dr", "en", "pn", "cik", "tn", "hj", "hjh", "no", "jln", "lrg", "tmn", "kg", "sdn", "bhd",
    "tel", "faks", "dll", "dsb", "prof", "mr", "mrs", "ms", "st", "bil", "yb", "ybhg", "ir",
    "sr", "ts", "lt", "kol", "dato", "datuk", "etc", "vs", "lwn", "ltd", "co", "jan", "feb",
  };
  gsize len = tok->nend - tok->nstart;
  const char *word = text->norm->str + tok->nstart;

  if (tok->cend - tok->cstart == 1 && (tok->flags & HB_TOKEN_ALPHA))
    return TRUE; /* initials: "A. Rahman" */
  if (len > 5)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (abbrevs); i++)
    if (abbrevs[i][0] == word[0] && strlen (abbrevs[i]) == len && memcmp (abbrevs[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint    sentence;
  guint    line;
  gboolean boundary;   /* a sentence ended since the last token */
  gboolean line_break; /* no token yet on this line */
  HbToken *toks;       /* collected here, copied into text->tokens once */
  guint    n_toks;
  guint    cap;
} TokState;

static HbToken *
last_token (TokState *st)
{
  return st->n_toks > 0 ? &st->toks[st->n_toks - 1] : NULL;
}

/* A full stop, ! or ? ends a sentence when followed by a space, a quote, a
 * bracket or the end, and not after an abbreviation ("Dr. Aminah"). */
static gboolean
ends_sentence (const HbText *text,
               TokState     *st,
               guint         i)
{
  gunichar ch = text->nchar[i];
  gunichar next = i + 1 < text->n_norm ? text->nchar[i + 1] : 0;

  if (next != 0 && !g_unichar_isspace (next) && next != '"' && next != ')' && next != '\'' &&
      next != '.' && next != '!' && next != '?')
    return FALSE;
  if (ch == '.' && last_token (st) != NULL)
    {
      const HbToken *prev = last_token (st);

      if (prev->cend == i && is_abbreviation (text, prev))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_address_joiner (gunichar ch)
{
  return ch == '.' || ch == '/' || ch == '@' || ch == ':' || ch == '_' || ch == '=';
}

/* A word glued to others by dots, slashes or @ belongs to an address
 * ("kulim.org", "yg.info@mpkk"), not to the prose around it. */
static gboolean
in_address (const HbText *text,
            guint         start,
            guint         end)
{
  const guint16 *cls = text->ncls;

  if (start >= 2 && is_address_joiner (text->nchar[start - 1]) && (cls[start - 2] & CL_WORD))
    return TRUE;
  return is_address_joiner (text->nchar[end]) && (cls[end + 1] & CL_WORD);
}


static guint
add_token (HbText   *text,
           guint     i,
           TokState *st)
{
  HbToken *tok;
  guint32 flags;
  guint end = scan_token (text, i, &flags);

  if (st->boundary)
    st->sentence++;
  st->boundary = FALSE;
  if (st->n_toks == st->cap)
    {
      st->cap = st->cap * 2 + 64;
      st->toks = g_renew (HbToken, st->toks, st->cap);
    }
  tok = &st->toks[st->n_toks++];
  tok->cstart = i;
  tok->cend = end;
  tok->nstart = text->nbyte[i];
  tok->nend = end < text->n_norm ? text->nbyte[end] : text->norm->len;
  tok->ostart = text->nsrc[i];
  tok->oend = hb_text_src_end (text, end - 1);
  tok->sentence = st->sentence;
  tok->line = st->line;
  tok->flags = flags | (st->line_break ? HB_TOKEN_LINE_START : 0) |
               (in_address (text, i, end) ? HB_TOKEN_ADDRESS : 0);
  st->line_break = FALSE;
  if (flags & (HB_TOKEN_DIGIT | HB_TOKEN_CAPITAL | HB_TOKEN_HYPHEN))
    {
      guint32 index = st->n_toks - 1;

      if (flags & HB_TOKEN_DIGIT)
        g_array_append_val (text->digit_tokens, index);
      if (flags & HB_TOKEN_CAPITAL)
        g_array_append_val (text->capital_tokens, index);
      if (flags & HB_TOKEN_HYPHEN)
        g_array_append_val (text->hyphen_tokens, index);
    }
  return end;
}

static void
tokenise (HbText *text)
{
  /* Posts average one token per five or six characters. */
  TokState st = { 0, 0, FALSE, TRUE, g_new (HbToken, text->n_norm / 5 + 64), 0, text->n_norm / 5 + 64 };
  const guint16 *cls = text->ncls;
  guint n = text->n_norm;
  guint i = 0;

  while (i < n)
    {
      guint c = cls[i];

      if ((c & CL_WORD) || ((c & CL_MASK) && starts_token (text, i)))
        {
          i = add_token (text, i, &st);
          continue;
        }
      if (!(c & (CL_NEWLINE | CL_END)))
        {
          i++;
          continue;
        }
      if (c & CL_NEWLINE)
        {
          if (st.n_toks > 0 && !st.line_break)
            {
              last_token (&st)->flags |= HB_TOKEN_LINE_END;
              st.line++;
            }
          st.line_break = TRUE;
          st.boundary = TRUE;
        }
      else if ((c & CL_END) && ends_sentence (text, &st, i))
        st.boundary = TRUE;
      i++;
    }

  if (st.n_toks > 0)
    last_token (&st)->flags |= HB_TOKEN_LINE_END;
  text->n_sentences = st.n_toks ? st.sentence + 1 : 0;
  text->n_lines = st.n_toks ? st.line + 1 : 0;
  text->tokens = g_array_sized_new (FALSE, FALSE, sizeof (HbToken), st.n_toks);
  g_array_append_vals (text->tokens, st.toks, st.n_toks);
  g_free (st.toks);
}

/* Decodes @utf8 into code points, validating as it goes (one pass instead
 * of validate-then-decode).  Returns the offset of the first invalid byte,
 * or -1 when the text is valid.  An embedded NUL is not text. */
static gssize
decode (HbText     *text,
        const char *utf8,
        gsize       len)
{
  const guchar *p = (const guchar *) utf8, *end = p + len;
  gunichar *orig = g_new (gunichar, len + 2);
  guint n = 0;

  while (p < end)
    {
      if (*p >= 0x80)
        {
          gunichar ch = g_utf8_get_char_validated ((const char *) p, end - p);

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            break;
          orig[n++] = ch;
          p = (const guchar *) g_utf8_next_char (p);
        }
      else if (*p != 0)
        orig[n++] = *p++;
      else
        break;
    }
  /* Two sentinels: normalise_ascii() looks one character past the end. */
  orig[n] = 0;
  orig[n + 1] = 0;
  text->orig = orig;
  text->n_orig = n;
  return p < end ? (gssize) (p - (const guchar *) utf8) : -1;
}

static void
build (HbText *text)
{
  text->digit_tokens = g_array_new (FALSE, FALSE, sizeof (guint32));
  text->capital_tokens = g_array_new (FALSE, FALSE, sizeof (guint32));
  text->hyphen_tokens = g_array_new (FALSE, FALSE, sizeof (guint32));
  normalise (text);
  tokenise (text);
}

/* Decodes, validates and analyses @utf8; fails with the byte offset of
 * the first invalid byte. */
HbText *
hb_text_new_validated (const char  *utf8,
                       gsize        len,
                       GError     **error)
{
  g_autoptr(HbText) text = NULL;
  gssize bad;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);

  text = g_new0 (HbText, 1);
  bad = decode (text, utf8, len);

  if (bad >= 0)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_UTF8,
                   _("The text is not valid UTF-8 (byte offset %lu)"), (gulong) bad);
      return NULL;
    }
  build (text);
  return g_steal_pointer (&text);
}

/* @utf8 must be valid UTF-8 (see hb_utf8_validate()). */
HbText *
hb_text_new (const char *utf8,
             gssize      len)
{
  HbText *text;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);

  text = g_new0 (HbText, 1);

  if (len < 0)
    len = strlen (utf8);
  decode (text, utf8, len);
  build (text);
  return text;
}

void
hb_text_free (HbText *text)
{
  if (text == NULL)
    return;
  g_free (text->orig);
  if (text->norm)
    g_string_free (text->norm, TRUE);
  g_free (text->nchar);
  g_free (text->ncls);
  g_free (text->nbyte);
  g_free (text->nsrc);
  if (text->span_ends)
    g_array_unref (text->span_ends);
  if (text->tokens)
    g_array_unref (text->tokens);
  g_clear_pointer (&text->digit_tokens, g_array_unref);
  g_clear_pointer (&text->capital_tokens, g_array_unref);
  g_clear_pointer (&text->hyphen_tokens, g_array_unref);
  g_free (text);
}

/* Returns the original text between two code-point offsets, as UTF-8. */
char *
hb_text_slice (const HbText *text,
               guint         ostart,
               guint         oend)
{
  char *utf8;

  g_return_val_if_fail (text != NULL, NULL);

  oend = MIN (oend, text->n_orig);
  if (ostart >= oend)
    return g_strdup ("");
  /* orig[] holds valid code points, so this cannot fail. */
  utf8 = g_ucs4_to_utf8 (text->orig + ostart, oend - ostart, NULL, NULL, NULL);
  return utf8 ? utf8 : g_strdup ("");
}

/* Returns the index of the last token starting at or before @ooffset
 * (0 when there is none), for mapping pattern matches to sentences. */
guint
hb_text_token_at (const HbText *text,
                  guint         ooffset)
{
  guint lo = 0, hi = text->tokens->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (hb_text_token (text, mid)->ostart <= ooffset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Returns the normalised character that starts at or covers byte @byte of
 * HbText.norm, so that byte searches (strchr) map back to the original. */
guint
hb_text_char_at_byte (const HbText *text,
                      gsize         byte)
{
  guint lo = 0, hi = text->n_norm;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (text->nbyte[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The original code-point offset just after normalised character @k. */
guint
hb_text_src_end (const HbText *text,
                 guint         k)
{
  guint lo = 0, hi;

  if (!(text->ncls[k] & CL_SPAN))
    return text->nsrc[k] + 1;
  hi = text->span_ends->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (text->span_ends, HbSpanEnd, mid).k < k)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_array_index (text->span_ends, HbSpanEnd, lo).end;
}
