/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-count-differential.c — X counting and URL finding against the
 * reference implementation.  tests/fixtures/twitter-text-differential.jsonl
 * holds generated texts (URLs after punctuation, emoji sequences, scripts,
 * mentions, hashtags) with what the twitter-text npm package says of each;
 * build-aux/twitter-text/gen-expectations.mjs writes it.  Every text must
 * agree exactly: weighted length, validity, the end of the valid range and
 * the UTF-16 indices of every URL. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-count.h"

#define MAX_SHOWN 12

typedef struct
{
  guint texts;
  guint agree;
  guint shown;
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

  g_assert_true (hb_count_text (text, -1, HB_COUNT_TWITTER_V3, 280, &c, NULL));
  urls = hb_count_find_urls (text, -1);
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
test_differential (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                 "twitter-text-differential.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Tally tally = { 0 };

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
  g_test_add_func ("/count/differential", test_differential);
  return g_test_run ();
}
