/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-count-differential.c — X counting and URL finding against the
 * reference implementation.  tests/fixtures/twitter-text-differential.jsonl
 * holds generated texts (URLs after punctuation, emoji sequences, scripts,
 * mentions, hashtags) with what the twitter-text npm package says of each;
 * build-aux/twitter-text/gen-expectations.mjs writes it.  Every text must
 * agree exactly: weighted length, validity, the end of the valid range and
 * the UTF-16 indices of every URL.  The same texts are counted again from
 * the code points the linter decoded (HbCountSource over an HbText, as
 * hb_post_lint counts), which must agree with twitter-text too and give
 * every other count and search exactly as the string functions do. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-count.h"

#define MAX_SHOWN 12

typedef struct
{
  gboolean decoded;  /* count from an HbText's code points */
  guint    texts;
  guint    agree;
  guint    shown;
} Tally;

/* UTF-16 offset of code point @cp of @s. */
static guint
utf16_offset (const char *s,
              guint       cp)
{
  guint units = 0;

  for (guint k = 0; k < cp && *s; k++, s = g_utf8_next_char (s))
    units += g_utf8_get_char (s) > 0xFFFF ? 2 : 1;
  return units;
}

/* "[[a,b],…]" of @spans (code points) in UTF-16 units, to compare with the
 * reference's indices. */
static char *
spans_utf16 (const char *text,
             GArray     *spans)
{
  GString *out = g_string_new ("[");

  for (guint k = 0; k < spans->len; k++)
    {
      HbSpan *s = &g_array_index (spans, HbSpan, k);

      g_string_append_printf (out, "%s[%u,%u]", k ? "," : "",
                              utf16_offset (text, s->start), utf16_offset (text, s->end));
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static char *
expected_urls (JsonArray *urls)
{
  GString *out = g_string_new ("[");

  for (guint k = 0; k < json_array_get_length (urls); k++)
    {
      JsonArray *pair = json_array_get_array_element (urls, k);

      g_string_append_printf (out, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]", k ? "," : "",
                              json_array_get_int_element (pair, 0),
                              json_array_get_int_element (pair, 1));
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/* @text with what cannot be seen (controls, joiners, selectors, marks of
 * direction) written as \u{…}, to read a disagreement. */
static char *
visible (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType t = g_unichar_type (c);

      if (t == G_UNICODE_CONTROL || t == G_UNICODE_FORMAT || t == G_UNICODE_NON_SPACING_MARK ||
          t == G_UNICODE_ENCLOSING_MARK || t == G_UNICODE_SPACE_SEPARATOR || t == G_UNICODE_UNASSIGNED ||
          (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0000 && c <= 0xE007F))
        g_string_append_printf (out, c == ' ' ? " " : "\\u{%X}", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
same_spans (GArray *a,
            GArray *b)
{
  /* An empty GArray's data may be NULL, which memcmp must not see. */
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (HbSpan)) == 0);
}

/* Counts and searches from @source agree with the string functions on
 * everything the reference does not check: the other methods (at a limit
 * the text may pass), the hashtags and the mentions. */
static void
assert_source_as_strings (HbCountSource *source,
                          const char    *text)
{
  g_autoptr(GArray) hashtags = hb_count_find_hashtags (text, -1);
  g_autoptr(GArray) mentions = hb_count_find_mentions (text, -1);

  for (HbCountMethod m = 0; m < HB_N_COUNT_METHODS; m++)
    {
      HbCount want, got;

      g_assert_true (hb_count_text (text, -1, m, 50, &want, NULL));
      hb_count_source_count (source, m, 50, &got);
      /* HbCount is all 32-bit fields: no padding to differ. */
      g_assert_cmpmem (&got, sizeof got, &want, sizeof want);
    }
  g_assert_true (same_spans (hb_count_source_get_hashtags (source), hashtags));
  g_assert_true (same_spans (hb_count_source_get_mentions (source), mentions));
  /* Found once: asking again gives what was found. */
  g_assert_true (hb_count_source_get_hashtags (source) == hb_count_source_get_hashtags (source));
}

/* The X count and URLs of @text, from the string or from the HbText. */
static void
count_x (const char *text,
         gboolean    decoded,
         HbCount    *c,
         GArray    **urls)
{
  g_autoptr(HbText) t = NULL;
  g_autoptr(HbCountSource) source = NULL;

  if (!decoded)
    {
      g_assert_true (hb_count_text (text, -1, HB_COUNT_TWITTER_V3, 280, c, NULL));
      *urls = hb_count_find_urls (text, -1);
      return;
    }
  t = hb_text_new (text, -1);
  source = hb_count_source_new (text, -1, t);
  hb_count_source_count (source, HB_COUNT_TWITTER_V3, 280, c);
  *urls = g_array_ref (hb_count_source_get_urls (source));
  assert_source_as_strings (source, text);
}

static void
check_line (const char *line,
            guint       lineno,
            Tally      *tally)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) urls = NULL;
  g_autofree char *got_urls = NULL, *want_urls = NULL;
  JsonObject *o;
  const char *text;
  gint64 w, r;
  gboolean v;
  HbCount c;

  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  text = json_object_get_string_member (o, "t");
  w = json_object_get_int_member (o, "w");
  v = json_object_get_boolean_member (o, "v");
  r = json_object_get_int_member (o, "r");

  count_x (text, tally->decoded, &c, &urls);
  got_urls = spans_utf16 (text, urls);
  want_urls = expected_urls (json_object_get_array_member (o, "u"));
  tally->texts++;
  if (c.length == w && c.valid == v && c.valid_end_utf16 == r && strcmp (got_urls, want_urls) == 0)
    {
      tally->agree++;
      return;
    }
  if (tally->shown++ < MAX_SHOWN)
    {
      g_autofree char *escaped = visible (text);

      g_test_message ("line %u: \"%s\"\n  twitter-text: length %" G_GINT64_FORMAT
                      ", valid %d, valid end %" G_GINT64_FORMAT ", URLs %s\n"
                      "  hebahan:      length %u, valid %d, valid end %d, URLs %s",
                      lineno, escaped, w, v, r, want_urls, c.length, c.valid,
                      c.valid_end_utf16, got_urls);
    }
}

static void
test_differential (gconstpointer decoded)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                 "twitter-text-differential.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Tally tally = { GPOINTER_TO_INT (decoded), 0, 0, 0 };

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] != '\0')
      check_line (lines[i], i + 1, &tally);
  g_test_message ("%u of %u generated texts agree with twitter-text", tally.agree, tally.texts);
  g_assert_cmpuint (tally.texts, >=, 10000);
  g_assert_cmpuint (tally.agree, ==, tally.texts);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/count/differential", GINT_TO_POINTER (FALSE), test_differential);
  g_test_add_data_func ("/count/differential-decoded", GINT_TO_POINTER (TRUE), test_differential);
  return g_test_run ();
}
