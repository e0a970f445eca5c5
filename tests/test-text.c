/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c — normalisation, tokens and the map back to the original. */
#include <string.h>

#include "hb-error.h"
#include "hb-text.h"

static char *
token_text (const HbText *text,
            guint         i)
{
  const HbToken *tok = hb_text_token (text, i);

  return g_strndup (text->norm->str + tok->nstart, tok->nend - tok->nstart);
}

static void
assert_tokens (const char         *input,
               const char * const *expected)
{
  g_autoptr(HbText) text = hb_text_new (input, -1);

  g_assert_cmpuint (text->tokens->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i]; i++)
    {
      g_autofree char *word = token_text (text, i);
      g_assert_cmpstr (word, ==, expected[i]);
    }
}

static void
test_case_fold_and_nfkc (void)
{
  assert_tokens ("MAJLIS Perbandaran", (const char *[]) { "majlis", "perbandaran", NULL });
  /* Fullwidth letters and the ﬁ ligature are compatibility forms. */
  assert_tokens ("ＳＵＬＩＴ ﬁle", (const char *[]) { "sulit", "file", NULL });
  /* e + combining acute composes to é. */
  assert_tokens ("cafe\xcc\x81 kopi", (const char *[]) { "café", "kopi", NULL });
  assert_tokens ("Straße", (const char *[]) { "strasse", NULL });
}

static void
test_offsets_with_emoji (void)
{
  /* 👍🏽 is two code points, ✨ one: "bodoh" starts at code point 4. */
  g_autoptr(HbText) text = hb_text_new ("👍🏽 ✨bodoh!", -1);
  const HbToken *tok;

  g_assert_cmpuint (text->n_orig, ==, 10);
  g_assert_cmpuint (text->tokens->len, ==, 1);
  tok = hb_text_token (text, 0);
  g_assert_cmpuint (tok->ostart, ==, 4);
  g_assert_cmpuint (tok->oend, ==, 9);
}

static void
test_zero_width_removed (void)
{
  /* b\u200Bo\u00ADdoh: the invisible characters vanish from the normalised
   * word, but the span still covers everything the user typed. */
  g_autoptr(HbText) text = hb_text_new ("x b\u200bo\u00addoh\u2060 y", -1);
  const HbToken *tok = hb_text_token (text, 1);
  g_autofree char *word = token_text (text, 1);
  g_autofree char *typed = hb_text_slice (text, tok->ostart, tok->oend);

  g_assert_cmpstr (word, ==, "bodoh");
  g_assert_cmpuint (tok->ostart, ==, 2);
  g_assert_cmpuint (tok->oend, ==, 9);
  g_assert_cmpstr (typed, ==, "b\u200bo\u00addoh");
}

static void
test_masked_tokens (void)
{
  g_autoptr(HbText) text = hb_text_new ("p@ntat f**k sh!t a$$hole sial!!! @mpkk", -1);

  assert_tokens ("p@ntat f**k sh!t a$$hole sial!!! @mpkk",
                 (const char *[]) { "p@ntat", "f**k", "sh!t", "a$$hole", "sial", "mpkk", NULL });
  g_assert_true (hb_text_token (text, 0)->flags & HB_TOKEN_OBFUSCATED);
  g_assert_true (hb_text_token (text, 1)->flags & HB_TOKEN_MASKED);
  g_assert_false (hb_text_token (text, 5)->flags & HB_TOKEN_OBFUSCATED);
}

static void
test_token_flags (void)
{
  g_autoptr(HbText) text = hb_text_new ("SULIT Kulim tolong kanak-kanak c0vid bodohhh", -1);

  g_assert_true (hb_text_token (text, 0)->flags & HB_TOKEN_UPPER);
  g_assert_false (hb_text_token (text, 1)->flags & (HB_TOKEN_UPPER | HB_TOKEN_LOWER));
  g_assert_true (hb_text_token (text, 2)->flags & HB_TOKEN_LOWER);
  g_assert_true (hb_text_token (text, 3)->flags & HB_TOKEN_HYPHEN);
  g_assert_true (hb_text_token (text, 4)->flags & HB_TOKEN_OBFUSCATED);
  g_assert_true (hb_text_token (text, 5)->flags & HB_TOKEN_RUNS);
}

static void
test_sentences_and_lines (void)
{
  g_autoptr(HbText) text =
    hb_text_new ("Dr. Aminah hadir pada 8.00 pagi. Terima kasih!\nSila datang www.mpkk.gov.my", -1);

  /* Dr. and 8.00 do not end a sentence; "pagi." and "!" do; so does the line. */
  g_assert_cmpuint (text->n_sentences, ==, 3);
  g_assert_cmpuint (text->n_lines, ==, 2);
  /* dr aminah hadir pada 8 00 pagi | terima kasih | sila datang www mpkk gov my */
  g_assert_cmpuint (hb_text_token (text, 0)->sentence, ==, 0);
  g_assert_cmpuint (hb_text_token (text, 6)->sentence, ==, 0); /* "pagi" */
  g_assert_cmpuint (hb_text_token (text, 7)->sentence, ==, 1); /* "terima" */
  g_assert_true (hb_text_token (text, 8)->flags & HB_TOKEN_LINE_END);
  g_assert_true (hb_text_token (text, 9)->flags & HB_TOKEN_LINE_START);
  g_assert_cmpuint (hb_text_token (text, 9)->sentence, ==, 2);
  /* The dots of a web address end nothing. */
  g_assert_cmpuint (hb_text_token (text, 13)->sentence, ==, 2);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  const char bad[] = "abc\xc3\x28xyz";

  g_assert_false (hb_utf8_validate (bad, sizeof bad - 1, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);
  /* An embedded NUL is not text either. */
  g_assert_false (hb_utf8_validate ("ab\0cd", 5, &error));
  g_assert_nonnull (strstr (error->message, "byte offset 2"));
}

static void
test_empty (void)
{
  g_autoptr(HbText) text = hb_text_new ("", 0);

  g_assert_cmpuint (text->tokens->len, ==, 0);
  g_assert_cmpuint (text->n_sentences, ==, 0);
}

static void
test_char_at_byte (void)
{
  g_autoptr(HbText) text = hb_text_new ("é!a", -1);

  /* norm is "é!a": é takes bytes 0-1. */
  g_assert_cmpuint (hb_text_char_at_byte (text, 0), ==, 0);
  g_assert_cmpuint (hb_text_char_at_byte (text, 1), ==, 0);
  g_assert_cmpuint (hb_text_char_at_byte (text, 2), ==, 1);
  g_assert_cmpuint (hb_text_char_at_byte (text, 3), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/case-fold-nfkc", test_case_fold_and_nfkc);
  g_test_add_func ("/text/offsets-emoji", test_offsets_with_emoji);
  g_test_add_func ("/text/zero-width", test_zero_width_removed);
  g_test_add_func ("/text/masked-tokens", test_masked_tokens);
  g_test_add_func ("/text/token-flags", test_token_flags);
  g_test_add_func ("/text/sentences-lines", test_sentences_and_lines);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text/empty", test_empty);
  g_test_add_func ("/text/char-at-byte", test_char_at_byte);
  return g_test_run ();
}
