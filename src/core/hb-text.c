/* hb-text.c — normalisation and tokenisation (see hb-text.h).
 *
 * Everything here runs once per lint and must stay linear and allocation
 * light: ASCII takes a fast path, and only non-ASCII clusters go through
 * GLib's NFKC and case folding.
 */
#include "hb-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hb-error.h"

gboolean
hb_utf8_validate (const char *data,
                  gsize       len,
                  GError    **error)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;
  g_set_error (error, HB_ERROR, HB_ERROR_INVALID_UTF8,
               _("The text is not valid UTF-8 (byte offset %" G_GSIZE_FORMAT ")"),
               (gsize) (end - data));
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

static void
push_norm (HbText   *text,
           gunichar  ch,
           guint     src,
           guint     src_end)
{
  guint i = text->n_norm++;

  text->nchar[i] = ch;
  text->nbyte[i] = text->norm->len;
  text->nsrc[i] = src;
  text->nsrc_end[i] = src_end;
  g_string_append_unichar (text->norm, ch);
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
  switch (text->orig[i])
    {
    case 0x2018: case 0x2019: case 0x02BC: case 0x0060:
      push_norm (text, '\'', i, i + 1);
      return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
      push_norm (text, '-', i, i + 1);
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
    push_norm (text, g_utf8_get_char (p), i, j);
  return j - i;
}

static void
normalise (HbText *text)
{
  guint cap = text->n_orig * 3 + 1; /* NFKC of one code point is at most 18, but
                                       post text stays far below 3 on average */
  guint i = 0;

  text->nchar = g_new (gunichar, cap);
  text->nbyte = g_new (guint32, cap);
  text->nsrc = g_new (guint32, cap);
  text->nsrc_end = g_new (guint32, cap);
  text->norm = g_string_sized_new (text->n_orig + 16);

  while (i < text->n_orig)
    {
      gunichar ch = text->orig[i];

      if (text->n_norm + 18 >= cap)
        {
          cap *= 2;
          text->nchar = g_renew (gunichar, text->nchar, cap);
          text->nbyte = g_renew (guint32, text->nbyte, cap);
          text->nsrc = g_renew (guint32, text->nsrc, cap);
          text->nsrc_end = g_renew (guint32, text->nsrc_end, cap);
        }

      if (ch < 0x80)
        {
          push_norm (text, g_ascii_tolower (ch), i, i + 1);
          i++;
        }
      else if (is_invisible (ch))
        i++;
      else
        i += normalise_cluster (text, i);
    }
}

static gboolean
is_word_char (gunichar ch)
{
  if (ch < 0x80)
    return g_ascii_isalnum (ch);
  return g_unichar_isalnum (ch) || g_unichar_ismark (ch);
}

/* Symbols that stand in for letters in masked words: p@ntat, $hit, f**k, sh!t. */
static gboolean
is_mask_char (gunichar ch)
{
  return ch == '@' || ch == '$' || ch == '*' || ch == '!' || ch == '|';
}

static gboolean
is_joiner (gunichar ch)
{
  return ch == '-' || ch == '\'';
}

static gboolean
is_newline (gunichar ch)
{
  return ch == '\n' || ch == '\r' || ch == 0x2028 || ch == 0x2029 || ch == 0x0085;
}

static gunichar
nchar_at (const HbText *text,
          guint         i)
{
  return i < text->n_norm ? text->nchar[i] : 0;
}

/* Finds where the token starting at @i ends (exclusive, in normalised chars). */
static guint
scan_token (const HbText *text,
            guint         i)
{
  guint j = i;

  while (j < text->n_norm)
    {
      gunichar ch = text->nchar[j];
      gunichar next = nchar_at (text, j + 1);

      if (is_word_char (ch))
        j++;
      else if (is_mask_char (ch) && (is_word_char (next) || is_mask_char (next) || (ch == '*' && j > i)))
        j++;
      else if (is_joiner (ch) && j > i && is_word_char (text->nchar[j - 1]) && is_word_char (next))
        j++;
      else
        break;
    }
  /* A trailing '!' or '|' is punctuation, not a masked letter. */
  while (j > i + 1 && (text->nchar[j - 1] == '!' || text->nchar[j - 1] == '|'))
    j--;
  return j;
}

static gboolean
starts_token (const HbText *text,
              guint         i)
{
  gunichar ch = text->nchar[i];

  if (is_word_char (ch))
    return TRUE;
  /* '$hit' and '*sshole' start with a mask; '@name' is a mention, not a word. */
  return (ch == '$' || ch == '*') && is_word_char (nchar_at (text, i + 1));
}

static guint32
token_flags (const HbText *text,
             guint         cstart,
             guint         cend)
{
  guint32 flags = 0;
  gboolean upper = TRUE, lower = TRUE;

  for (guint k = cstart; k < cend; k++)
    {
      gunichar ch = text->nchar[k];

      if (g_unichar_isalpha (ch))
        {
          gunichar o = text->orig[text->nsrc[k]];

          flags |= HB_TOKEN_ALPHA;
          upper = upper && !g_unichar_islower (o);
          lower = lower && !g_unichar_isupper (o);
          if (k > cstart && text->nchar[k - 1] == ch)
            flags |= HB_TOKEN_RUNS;
        }
      else if (g_unichar_isdigit (ch))
        flags |= HB_TOKEN_DIGIT;
      else if (ch == '*')
        flags |= HB_TOKEN_MASKED | HB_TOKEN_OBFUSCATED;
      else if (is_mask_char (ch))
        flags |= HB_TOKEN_OBFUSCATED;
      else if (ch == '-')
        flags |= HB_TOKEN_HYPHEN;
    }
  if ((flags & HB_TOKEN_ALPHA) && (flags & HB_TOKEN_DIGIT))
    flags |= HB_TOKEN_OBFUSCATED;
  if ((flags & HB_TOKEN_ALPHA) && upper)
    flags |= HB_TOKEN_UPPER;
  if ((flags & HB_TOKEN_ALPHA) && lower)
    flags |= HB_TOKEN_LOWER;
  return flags;
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
  for (guint i = 0; i < G_N_ELEMENTS (abbrevs); i++)
    if (strlen (abbrevs[i]) == len && memcmp (abbrevs[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

/* A full stop, ! or ? ends a sentence when followed by a space, a quote, a
 * bracket or the end, and not after an abbreviation ("Dr. Aminah"). */
static gboolean
ends_sentence (const HbText *text,
               guint         i)
{
  gunichar ch = text->nchar[i];
  gunichar next = nchar_at (text, i + 1);

  if (ch != '.' && ch != '!' && ch != '?' && ch != 0x2026)
    return FALSE;
  if (next != 0 && !g_unichar_isspace (next) && next != '"' && next != ')' && next != '\'' &&
      next != '.' && next != '!' && next != '?')
    return FALSE;
  if (ch == '.' && text->tokens->len > 0)
    {
      const HbToken *prev = &g_array_index (text->tokens, HbToken, text->tokens->len - 1);

      if (prev->cend == i && is_abbreviation (text, prev))
        return FALSE;
    }
  return TRUE;
}

static void
tokenise (HbText *text)
{
  guint sentence = 0, line = 0;
  gboolean boundary = FALSE, line_break = TRUE;
  guint i = 0;

  while (i < text->n_norm)
    {
      gunichar ch = text->nchar[i];

      if (starts_token (text, i))
        {
          HbToken tok;
          guint end = scan_token (text, i);

          if (boundary)
            sentence++;
          boundary = FALSE;
          tok.cstart = i;
          tok.cend = end;
          tok.nstart = text->nbyte[i];
          tok.nend = end < text->n_norm ? text->nbyte[end] : text->norm->len;
          tok.ostart = text->nsrc[i];
          tok.oend = text->nsrc_end[end - 1];
          tok.sentence = sentence;
          tok.line = line;
          tok.flags = token_flags (text, i, end) | (line_break ? HB_TOKEN_LINE_START : 0);
          line_break = FALSE;
          g_array_append_val (text->tokens, tok);
          i = end;
          continue;
        }

      if (is_newline (ch))
        {
          if (text->tokens->len > 0 && !line_break)
            {
              g_array_index (text->tokens, HbToken, text->tokens->len - 1).flags |= HB_TOKEN_LINE_END;
              line++;
            }
          line_break = TRUE;
          boundary = TRUE;
        }
      else if (ends_sentence (text, i))
        boundary = TRUE;
      i++;
    }

  if (text->tokens->len > 0)
    g_array_index (text->tokens, HbToken, text->tokens->len - 1).flags |= HB_TOKEN_LINE_END;
  text->n_sentences = text->tokens->len ? sentence + 1 : 0;
  text->n_lines = text->tokens->len ? line + 1 : 0;
}

static void
decode (HbText     *text,
        const char *utf8,
        gsize       len)
{
  const char *p = utf8, *end = utf8 + len;
  guint n = 0;

  text->orig = g_new (gunichar, len + 1);
  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          text->orig[n++] = c;
          p++;
        }
      else
        {
          text->orig[n++] = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
    }
  text->n_orig = n;
}

/* @utf8 must be valid UTF-8 (see hb_utf8_validate()). */
HbText *
hb_text_new (const char *utf8,
             gssize      len)
{
  HbText *text = g_new0 (HbText, 1);

  if (len < 0)
    len = strlen (utf8);
  decode (text, utf8, len);
  normalise (text);
  text->tokens = g_array_sized_new (FALSE, FALSE, sizeof (HbToken), text->n_orig / 5 + 8);
  tokenise (text);
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
  g_free (text->nbyte);
  g_free (text->nsrc);
  g_free (text->nsrc_end);
  if (text->tokens)
    g_array_unref (text->tokens);
  g_free (text);
}

/* Returns the original text between two code-point offsets, as UTF-8. */
char *
hb_text_slice (const HbText *text,
               guint         ostart,
               guint         oend)
{
  GString *s = g_string_sized_new (oend - ostart + 1);

  for (guint i = ostart; i < oend && i < text->n_orig; i++)
    g_string_append_unichar (s, text->orig[i]);
  return g_string_free (s, FALSE);
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
