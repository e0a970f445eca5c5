/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-count.c — counting as the platforms count: the twitter-text
 * conformance suite (validate.yml, read in place with libyaml), Threads'
 * emoji bytes, hashtags, mentions, URL detection and speed. */
#include <string.h>
#include <yaml.h>

#include "hb-count.h"

/* The twitter-text sections this counter must pass whole. */
static const char *sections[] = {
  "WeightedTweetsWithDiscountedEmojiCounterTest",
  "UnicodeDirectionalMarkerCounterTest",
};

static yaml_document_t doc;
static gboolean have_doc;

static yaml_node_t *
map_get_in (yaml_document_t *d,
            yaml_node_t     *map,
            const char      *key)
{
  if (map == NULL || map->type != YAML_MAPPING_NODE)
    return NULL;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
    {
      yaml_node_t *k = yaml_document_get_node (d, p->key);

      if (k && k->type == YAML_SCALAR_NODE && strcmp ((char *) k->data.scalar.value, key) == 0)
        return yaml_document_get_node (d, p->value);
    }
  return NULL;
}

static yaml_node_t *
map_get (yaml_node_t *map,
         const char  *key)
{
  return map_get_in (&doc, map, key);
}

static const char *
scalar (yaml_node_t *node,
        gsize       *len)
{
  g_assert_nonnull (node);
  g_assert_cmpint (node->type, ==, YAML_SCALAR_NODE);
  if (len)
    *len = node->data.scalar.length;
  return (const char *) node->data.scalar.value;
}

static gint64
expected_int (yaml_node_t *expected,
              const char  *key)
{
  return g_ascii_strtoll (scalar (map_get (expected, key), NULL), NULL, 10);
}

/* Loads NAME of the shared twitter-text conformance suite into @d. */
static gboolean
load_yaml (const char      *name,
           yaml_document_t *d)
{
  const char *dir = g_getenv ("HB_CONFORMANCE_DIR");
  g_autofree char *path = dir ? g_build_filename (dir, "twitter-text", name, NULL) : NULL;
  yaml_parser_t parser;
  gboolean loaded;
  FILE *f;

  if (path == NULL || (f = fopen (path, "rb")) == NULL)
    return FALSE;
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_file (&parser, f);
  loaded = yaml_parser_load (&parser, d) != 0;
  yaml_parser_delete (&parser);
  fclose (f);
  g_assert_true (loaded);
  return TRUE;
}

static gboolean
load_suite (void)
{
  return have_doc = load_yaml ("validate.yml", &doc);
}

/* tlds.yml: a URL with every top-level domain twitter-text knows, each
 * found whole (1,574 cases). */
static void
test_conformance_tlds (void)
{
  yaml_document_t tlds;
  yaml_node_t *tests;
  guint passed = 0, total = 0;

  if (!load_yaml ("tlds.yml", &tlds))
    {
      g_test_skip ("HB_CONFORMANCE_DIR/twitter-text/tlds.yml is not there");
      return;
    }
  tests = map_get_in (&tlds, yaml_document_get_root_node (&tlds), "tests");
  g_assert_nonnull (tests);
  for (yaml_node_pair_t *sec = tests->data.mapping.pairs.start; sec < tests->data.mapping.pairs.top; sec++)
    {
      yaml_node_t *cases = yaml_document_get_node (&tlds, sec->value);

      for (yaml_node_item_t *it = cases->data.sequence.items.start; it < cases->data.sequence.items.top; it++)
        {
          yaml_node_t *tc = yaml_document_get_node (&tlds, *it);
          const char *text = (const char *) map_get_in (&tlds, tc, "text")->data.scalar.value;
          yaml_node_t *expected = map_get_in (&tlds, tc, "expected");
          g_autoptr(GArray) urls = hb_count_find_urls (text, -1);
          gboolean same = urls->len == (guint) (expected->data.sequence.items.top - expected->data.sequence.items.start);

          for (guint k = 0; same && k < urls->len; k++)
            {
              HbSpan *u = &g_array_index (urls, HbSpan, k);
              yaml_node_t *want = yaml_document_get_node (&tlds, expected->data.sequence.items.start[k]);
              const char *start = g_utf8_offset_to_pointer (text, u->start);
              const char *end = g_utf8_offset_to_pointer (text, u->end);

              same = strlen ((char *) want->data.scalar.value) == (gsize) (end - start) &&
                     strncmp ((char *) want->data.scalar.value, start, end - start) == 0;
            }
          total++;
          if (same)
            passed++;
          else
            g_test_message ("not found whole: %s", text);
        }
    }
  yaml_document_delete (&tlds);
  g_test_message ("tlds.yml: %u of %u cases pass", passed, total);
  g_assert_cmpuint (total, >, 1000);
  g_assert_cmpuint (passed, ==, total);
}

static void
check_case (yaml_node_t *tc,
            guint       *passed)
{
  gsize len = 0;
  const char *description = scalar (map_get (tc, "description"), NULL);
  const char *text = scalar (map_get (tc, "text"), &len);
  yaml_node_t *expected = map_get (tc, "expected");
  gboolean valid = strcmp (scalar (map_get (expected, "valid"), NULL), "true") == 0;
  g_autoptr(GError) error = NULL;
  HbCount c;

  g_test_message ("%s", description);
  g_assert_true (hb_count_text (text, len, HB_COUNT_TWITTER_V3, 280, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c.length, ==, expected_int (expected, "weightedLength"));
  g_assert_cmpint (c.valid, ==, valid);
  g_assert_cmpint (c.permillage, ==, expected_int (expected, "permillage"));
  g_assert_cmpint (0, ==, expected_int (expected, "displayRangeStart"));
  g_assert_cmpint (c.display_end_utf16, ==, expected_int (expected, "displayRangeEnd"));
  g_assert_cmpint (0, ==, expected_int (expected, "validRangeStart"));
  g_assert_cmpint (c.valid_end_utf16, ==, expected_int (expected, "validRangeEnd"));
  (*passed)++;
}

static void
test_conformance (gconstpointer data)
{
  const char *section = data;
  yaml_node_t *tests, *cases;
  guint passed = 0;

  if (!have_doc)
    {
      g_test_skip ("HB_CONFORMANCE_DIR/twitter-text/validate.yml is not there");
      return;
    }
  tests = map_get (yaml_document_get_root_node (&doc), "tests");
  cases = map_get (tests, section);
  g_assert_nonnull (cases);
  g_assert_cmpint (cases->type, ==, YAML_SEQUENCE_NODE);
  for (yaml_node_item_t *it = cases->data.sequence.items.start; it < cases->data.sequence.items.top; it++)
    check_case (yaml_document_get_node (&doc, *it), &passed);
  g_test_message ("%s: %u of %u cases pass", section, passed,
                  (guint) (cases->data.sequence.items.top - cases->data.sequence.items.start));
  g_assert_cmpuint (passed, >, 0);
}

static HbCount
count (const char    *text,
       HbCountMethod  method,
       guint          limit)
{
  HbCount c;

  g_assert_true (hb_count_text (text, -1, method, limit, &c, NULL));
  return c;
}

/* Malaysian text on X: Jawi and Tamil weigh 1, "…" and "•" 2, a bare
 * official address is a 23-character link. */
static void
test_twitter_malaysia (void)
{
  g_assert_cmpuint (count ("كوليم", HB_COUNT_TWITTER_V3, 280).length, ==, 5);
  g_assert_cmpuint (count ("கூலிம்", HB_COUNT_TWITTER_V3, 280).length, ==, 6);
  g_assert_cmpuint (count ("a…•", HB_COUNT_TWITTER_V3, 280).length, ==, 5);
  g_assert_cmpuint (count ("Lihat www.mpkk.gov.my/berita", HB_COUNT_TWITTER_V3, 280).length, ==, 6 + 23);
  /* twitter-text 3.1 links a bare two-label country domain too (older
   * versions wanted a path after it); "© 2026" is text. */
  g_assert_cmpuint (count ("mpkk.my", HB_COUNT_TWITTER_V3, 280).length, ==, 23);
  g_assert_cmpuint (count ("© 2026", HB_COUNT_TWITTER_V3, 280).length, ==, 6);
  g_assert_cmpuint (count ("🇲🇾", HB_COUNT_TWITTER_V3, 280).length, ==, 2);
}

static void
test_code_points (void)
{
  HbCount c = count ("Gotong-royong 👨‍👩‍👧", HB_COUNT_CODE_POINTS, 10);

  g_assert_cmpuint (c.length, ==, 14 + 5);
  g_assert_false (c.valid);
  g_assert_cmpint (c.valid_end, ==, 9);
  g_assert_cmpint (c.display_end, ==, 18);
  c = count ("", HB_COUNT_CODE_POINTS, 10);
  g_assert_cmpuint (c.length, ==, 0);
  g_assert_true (c.valid);
  g_assert_cmpint (c.display_end, ==, -1);
  /* Characters beyond the BMP are two UTF-16 units each. */
  c = count ("😀😀abc", HB_COUNT_CODE_POINTS, 3);
  g_assert_cmpuint (c.length, ==, 5);
  g_assert_false (c.valid);
  g_assert_cmpint (c.valid_end, ==, 2);
  g_assert_cmpint (c.display_end, ==, 4);
  g_assert_cmpint (c.valid_end_utf16, ==, 4);
  g_assert_cmpint (c.display_end_utf16, ==, 6);
  c = count ("😀😀abc", HB_COUNT_CODE_POINTS, 5);
  g_assert_true (c.valid);
  g_assert_cmpint (c.valid_end, ==, 4);
  g_assert_cmpint (c.valid_end_utf16, ==, 6);
}

/* Threads: an emoji costs its UTF-8 bytes (😷 4, the family 18). */
static void
test_threads (void)
{
  HbCount c = count ("Hi 😷", HB_COUNT_THREADS, 500);

  g_assert_cmpuint (c.length, ==, 3 + 4);
  c = count ("👨‍👩‍👧", HB_COUNT_THREADS, 500);
  g_assert_cmpuint (c.length, ==, 18);
  c = count ("é", HB_COUNT_THREADS, 500);
  g_assert_cmpuint (c.length, ==, 1);
  c = count ("😷😷", HB_COUNT_THREADS, 6);
  g_assert_false (c.valid);
  g_assert_cmpint (c.valid_end, ==, 0);
}

/* NFC can lengthen a text: each क़ (U+0958) becomes क + ◌़, so 300 of them
 * count 600 on X.  twitter-text's shift of the valid range by the change
 * in length then passes the start; the code point range (what Hebahan
 * marks) must stop at "nothing fits" (found by fuzz-count), while the
 * UTF-16 one says what twitter-text says. */
static void
test_nfc_lengthens (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  HbCount c;

  for (guint i = 0; i < 300; i++)
    g_string_append (s, "\u0958");
  c = count (s->str, HB_COUNT_TWITTER_V3, 280);
  g_assert_cmpuint (c.length, ==, 600);
  g_assert_false (c.valid);
  g_assert_cmpint (c.display_end, ==, 299);
  g_assert_cmpint (c.valid_end, ==, -1);
  g_assert_cmpint (c.valid_end_utf16, ==, -21);
  /* The fuzzer's case: a limit of 1 and two such letters. */
  c = count ("'\u0959@\u0959", HB_COUNT_TWITTER_V3, 1);
  g_assert_false (c.valid);
  g_assert_cmpint (c.valid_end, ==, -1);
  g_assert_cmpint (c.valid_end_utf16, ==, -2);
  /* Within the limit, the whole text is valid as before. */
  c = count ("\u0958\u0958", HB_COUNT_TWITTER_V3, 280);
  g_assert_true (c.valid);
  g_assert_cmpint (c.valid_end, ==, 1);
}

static guint
n_spans (GArray *spans)
{
  guint n = spans->len;

  g_array_unref (spans);
  return n;
}

static void
test_hashtags (void)
{
  const char *text = "Gotong-royong #MPKK #KulimBersih #2026 emel a#b, lihat https://mpkk.gov.my/#berita #Kulim_Sejahtera";
  g_autoptr(GArray) tags = hb_count_find_hashtags (text, -1);

  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_cmpuint (g_array_index (tags, HbSpan, 0).start, ==, 14);
  g_assert_cmpuint (g_array_index (tags, HbSpan, 0).end, ==, 19);
  g_assert_cmpuint (n_spans (hb_count_find_hashtags ("＃ケーキ #ÉtéKulim", -1)), ==, 2);
  g_assert_cmpuint (n_spans (hb_count_find_hashtags ("invalid \xff #x", 10)), ==, 0);
}

static void
test_mentions (void)
{
  g_assert_cmpuint (n_spans (hb_count_find_mentions ("Terima kasih @mpkk.rasmi dan @JKR_Kulim. Emel aduan@mpkk.gov.my", -1)), ==, 2);
  g_assert_cmpuint (n_spans (hb_count_find_mentions ("@ sahaja, @@x", -1)), ==, 0);
}

static void
test_urls (void)
{
  g_autoptr(GArray) urls = hb_count_find_urls ("Daftar di https://mpkk.gov.my/daftar. atau kulim.gov.my…", -1);

  g_assert_cmpuint (urls->len, ==, 2);
  g_assert_cmpuint (g_array_index (urls, HbSpan, 0).start, ==, 10);
  g_assert_cmpuint (g_array_index (urls, HbSpan, 0).end, ==, 36);
  g_assert_cmpuint (g_array_index (urls, HbSpan, 1).start, ==, 43);
  g_assert_cmpuint (g_array_index (urls, HbSpan, 1).end, ==, 55);
}

/* Facebook's 63,206 characters, counted X's way, many times over. */
static void
test_speed (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gint64 t0;
  double per;
  HbCount c;

  while (g_utf8_strlen (s->str, -1) < 63206)
    g_string_append (s, "Majlis Perbandaran Kulim 故人 😷 www.mpkk.gov.my #MPKK ");
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < 10; i++)
    g_assert_true (hb_count_text (s->str, -1, HB_COUNT_TWITTER_V3, 280, &c, NULL));
  per = (g_get_monotonic_time () - t0) / 10.0;
  g_test_message ("%ld code points counted in %.0f µs", g_utf8_strlen (s->str, -1), per);
  g_assert_false (c.valid);
  /* A quadratic scan takes tens of seconds; a linear one a few ms, or a
   * few hundred under the sanitizers on a loaded 2-core machine. */
  g_assert_cmpfloat (per, <, 1000000);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  load_suite ();
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *path = g_strdup_printf ("/count/conformance/%s", sections[i]);

      g_test_add_data_func (path, sections[i], test_conformance);
    }
  g_test_add_func ("/count/conformance/tlds", test_conformance_tlds);
  g_test_add_func ("/count/twitter-malaysia", test_twitter_malaysia);
  g_test_add_func ("/count/code-points", test_code_points);
  g_test_add_func ("/count/threads", test_threads);
  g_test_add_func ("/count/nfc-lengthens", test_nfc_lengthens);
  g_test_add_func ("/count/hashtags", test_hashtags);
  g_test_add_func ("/count/mentions", test_mentions);
  g_test_add_func ("/count/urls", test_urls);
  g_test_add_func ("/count/speed", test_speed);
  rc = g_test_run ();
  if (have_doc)
    yaml_document_delete (&doc);
  return rc;
}
