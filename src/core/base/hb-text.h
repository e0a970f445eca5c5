/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-text.h — one normalisation pass over a post, with the map back to it.
 *
 * HbText holds the post as typed (code points), its normalised form (NFKC,
 * case-folded, zero-width and format characters removed) and the tokens,
 * lines and sentences found in it.  Every token knows the code-point range
 * of the original text it came from, so findings point at what the user
 * typed even when the normalised text is shorter or longer.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HB_TOKEN_UPPER      = 1 << 0, /* has letters, all typed in capitals */
  HB_TOKEN_LOWER      = 1 << 1, /* has letters, all typed in lower case */
  HB_TOKEN_ALPHA      = 1 << 2,
  HB_TOKEN_DIGIT      = 1 << 3,
  HB_TOKEN_OBFUSCATED = 1 << 4, /* symbols or digits inside letters: p@ntat, sh1t */
  HB_TOKEN_MASKED     = 1 << 5, /* contains '*' or '#': f**k, f#ck */
  HB_TOKEN_RUNS       = 1 << 6, /* a letter typed three times or more in a row */
  HB_TOKEN_HYPHEN     = 1 << 7,
  HB_TOKEN_LINE_START = 1 << 8,
  HB_TOKEN_LINE_END   = 1 << 9,
  HB_TOKEN_CAPITAL    = 1 << 10, /* first letter typed as a capital: a name? */
  HB_TOKEN_ADDRESS    = 1 << 11, /* part of a web or e-mail address: www.kulim.org */
  HB_TOKEN_BEYOND_ASCII = 1 << 12, /* has a letter beyond ASCII: accents, other scripts */
  HB_TOKEN_DOUBLED    = 1 << 13, /* a vowel typed twice in a row: bodooh, or saat */
} HbTokenFlags;

typedef struct
{
  guint32 cstart, cend;   /* normalised characters */
  guint32 nstart, nend;   /* bytes of HbText.norm */
  guint32 ostart, oend;   /* code points of the original, end exclusive */
  guint32 sentence;
  guint32 line;
  guint32 flags;
} HbToken;

typedef struct
{
  guint32 k;    /* normalised character */
  guint32 end;  /* original code point after its source */
} HbSpanEnd;

typedef struct
{
  /* The original text as code points. */
  gunichar *orig;
  guint     n_orig;

  /* Normalised text: UTF-8 plus, per normalised character, the character,
   * its class, its byte offset and the original code point it starts at. */
  GString  *norm;
  gunichar *nchar;
  guint16  *ncls;         /* character classes, private to hb-text.c */
  guint32  *nbyte;
  guint32  *nsrc;          /* first original code point */
  GArray   *span_ends;     /* HbSpanEnd, for the rare characters that came
                              from several code points; see hb_text_src_end() */
  guint     n_norm;

  GArray   *tokens;       /* HbToken */
  /* Indices of the tokens the pattern detectors start from, so that they
   * need not walk every token. */
  GArray   *digit_tokens;   /* guint32: tokens with a digit */
  GArray   *capital_tokens; /* guint32: tokens starting with a capital */
  GArray   *hyphen_tokens;  /* guint32: hyphenated tokens */
  guint     n_sentences;
  guint     n_lines;
  gboolean  has_overrides; /* a right-to-left override or isolate was typed */
} HbText;

HbText *hb_text_new      (const char *utf8,
                          gssize      len);
HbText *hb_text_new_validated (const char  *utf8,
                               gsize        len,
                               GError     **error);
void    hb_text_free     (HbText     *text);
char   *hb_text_slice    (const HbText *text,
                          guint         ostart,
                          guint         oend);
guint   hb_text_token_at (const HbText *text,
                          guint         ooffset);
guint   hb_text_char_at_byte (const HbText *text,
                              gsize         byte);
guint   hb_text_src_end      (const HbText *text,
                              guint         k);

static inline const HbToken *
hb_text_token (const HbText *text,
               guint         i)
{
  return &g_array_index (text->tokens, HbToken, i);
}

gboolean hb_utf8_validate (const char *data,
                           gsize       len,
                           GError    **error);
gboolean hb_text_is_blank (const char *utf8);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbText, hb_text_free)

G_END_DECLS
