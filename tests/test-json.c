/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c — the JSON walker every validating loader reads through:
 * the paths its problems name (nested arrays and objects, odd member
 * names), type errors, ranges, unknown members, and a walk without a
 * problem list. */
#include <string.h>

#include "hb-json.h"
#include "hb-json-reader.h"

typedef struct
{
  JsonParser   *parser;
  GPtrArray    *problems;
  HbJsonReader  root;
} Doc;

static void
doc_load (Doc        *doc,
          const char *json)
{
  g_autoptr(GError) error = NULL;

  doc->parser = json_parser_new_immutable ();
  doc->problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (hb_json_load (doc->parser, json, strlen (json), &error));
  g_assert_no_error (error);
  hb_json_reader_init (&doc->root, json_parser_get_root (doc->parser), doc->problems);
}

static void
doc_clear (Doc *doc)
{
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->problems, g_ptr_array_unref);
}

/* The problems, one a line, so that a failure shows them all. */
static char *
joined (GPtrArray *problems)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < problems->len; i++)
    g_strv_builder_add (b, problems->pdata[i]);
  lines = g_strv_builder_end (b);
  return g_strjoinv ("\n", lines);
}

static void
test_paths (void)
{
  Doc doc = { 0, };
  HbJsonReader rules, rule, with, group, odd, quote, missing;
  g_autofree char *root_path = NULL, *group_path = NULL, *odd_path = NULL, *quote_path = NULL;
  g_autofree char *missing_path = NULL, *all = NULL;

  doc_load (&doc, "{\"rules\": [{}, {\"with\": [[\"a\", 7]]}], \"a b\": 1, \"q\\\"\\\\\": 2}");
  root_path = hb_json_reader_dup_path (&doc.root);
  g_assert_cmpstr (root_path, ==, "$");

  hb_json_reader_member (&doc.root, "rules", &rules);
  hb_json_reader_element (&rules, 1, &rule);
  hb_json_reader_member (&rule, "with", &with);
  hb_json_reader_element (&with, 0, &group);
  group_path = hb_json_reader_dup_path (&group);
  g_assert_cmpstr (group_path, ==, "$.rules[1].with[0]");

  /* A name that is not a word is quoted, as JSON quotes it. */
  hb_json_reader_member (&doc.root, "a b", &odd);
  odd_path = hb_json_reader_dup_path (&odd);
  g_assert_cmpstr (odd_path, ==, "$[\"a b\"]");
  hb_json_reader_member (&doc.root, "q\"\\", &quote);
  quote_path = hb_json_reader_dup_path (&quote);
  g_assert_cmpstr (quote_path, ==, "$[\"q\\\"\\\\\"]");
  g_assert_true (hb_json_reader_is_present (&quote));

  /* An absent member still has a path, for "is required". */
  hb_json_reader_member (&rule, "topic", &missing);
  g_assert_false (hb_json_reader_is_present (&missing));
  missing_path = hb_json_reader_dup_path (&missing);
  g_assert_cmpstr (missing_path, ==, "$.rules[1].topic");

  /* Strings of a nested array: the element with the wrong type is named. */
  g_free (hb_json_reader_dup_string (&rule, "topic", HB_JSON_REQUIRED | HB_JSON_NON_EMPTY));
  {
    HbJsonReader outer;
    g_auto(GStrv) words = NULL;

    hb_json_reader_member (&rule, "with", &outer);
    /* An array has no members: absent, and no problem. */
    words = hb_json_reader_dup_strv (&outer, "0", HB_JSON_OPTIONAL);
    g_assert_null (words);
    words = hb_json_reader_dup_strv (&with, "x", HB_JSON_OPTIONAL);
    g_assert_null (words);
  }
  {
    HbJsonReader holder;
    g_auto(GStrv) words = NULL;
    Doc nested = { 0, };

    doc_load (&nested, "{\"lists\": {\"words\": [\"a\", 7, \"\", \"b\"]}}");
    hb_json_reader_member (&nested.root, "lists", &holder);
    words = hb_json_reader_dup_strv (&holder, "words", HB_JSON_NON_EMPTY);
    g_assert_cmpuint (g_strv_length (words), ==, 2);
    g_assert_cmpstr (words[1], ==, "b");
    all = joined (nested.problems);
    g_assert_cmpstr (all, ==, "$.lists.words[1]: must be a non-empty string\n"
                              "$.lists.words[2]: must be a non-empty string");
    doc_clear (&nested);
  }
  g_clear_pointer (&all, g_free);
  all = joined (doc.problems);
  g_assert_cmpstr (all, ==, "$.rules[1].topic: must be a non-empty string");
  doc_clear (&doc);
}

static void
test_types (void)
{
  Doc doc = { 0, };
  HbJsonReader list, first;
  g_autofree char *s = NULL, *empty = NULL, *absent = NULL, *null = NULL, *all = NULL;
  gboolean flag = FALSE;

  doc_load (&doc, "{\"s\": \"x\", \"n\": 3, \"e\": \"\", \"z\": null, \"b\": true, \"o\": {}, \"l\": [1]}");
  s = hb_json_reader_dup_string (&doc.root, "s", HB_JSON_REQUIRED);
  g_assert_cmpstr (s, ==, "x");
  g_assert_null (hb_json_reader_dup_string (&doc.root, "n", HB_JSON_OPTIONAL));
  empty = hb_json_reader_dup_string (&doc.root, "e", HB_JSON_OPTIONAL);
  g_assert_cmpstr (empty, ==, "");                      /* empty is a string… */
  g_assert_null (hb_json_reader_dup_string (&doc.root, "e", HB_JSON_NON_EMPTY)); /* …unless refused */
  absent = hb_json_reader_dup_string (&doc.root, "absent", HB_JSON_OPTIONAL);
  g_assert_null (absent);                               /* absent and optional: no problem */
  g_assert_null (hb_json_reader_dup_string (&doc.root, "missing", HB_JSON_REQUIRED));
  null = hb_json_reader_dup_string (&doc.root, "z", HB_JSON_NULLABLE);
  g_assert_null (null);                                 /* null reads as absent when nullable */
  g_assert_null (hb_json_reader_dup_string (&doc.root, "z", HB_JSON_OPTIONAL));

  /* Borrowed, with whether it was right: what a draft needs to name its
   * first bad field.  Absent and null (when nullable) are right, and NULL. */
  {
    const char *value = "unset";

    g_assert_true (hb_json_reader_get_string (&doc.root, "s", HB_JSON_NULLABLE, &value));
    g_assert_cmpstr (value, ==, "x");
    g_assert_true (hb_json_reader_get_string (&doc.root, "z", HB_JSON_NULLABLE, &value));
    g_assert_null (value);
    g_assert_true (hb_json_reader_get_string (&doc.root, "absent", HB_JSON_NULLABLE, &value));
    g_assert_null (value);
    g_assert_false (hb_json_reader_get_string (&doc.root, "b", HB_JSON_NULLABLE, &value));
    g_assert_null (value);
  }

  g_assert_true (hb_json_reader_get_bool (&doc.root, "b", &flag));
  g_assert_true (flag);
  g_assert_false (hb_json_reader_get_bool (&doc.root, "s", &flag));
  g_assert_false (hb_json_reader_get_bool (&doc.root, "absent", &flag));

  hb_json_reader_member (&doc.root, "o", &list);
  g_assert_cmpuint (hb_json_reader_get_size (&doc.root), ==, 7);
  g_assert_cmpuint (hb_json_reader_get_size (&list), ==, 0);
  g_assert_nonnull (hb_json_reader_expect_object (&list));
  g_assert_null (hb_json_reader_expect_array (&list));
  hb_json_reader_member (&doc.root, "l", &list);
  g_assert_cmpuint (hb_json_reader_get_size (&list), ==, 1);
  g_assert_nonnull (hb_json_reader_expect_array (&list));
  hb_json_reader_element (&list, 0, &first);
  g_assert_null (hb_json_reader_expect_object (&first));
  g_assert_null (hb_json_reader_peek_string (&first));
  hb_json_reader_element (&list, 5, &first);            /* past the end: absent */
  g_assert_false (hb_json_reader_is_present (&first));

  all = joined (doc.problems);
  g_assert_cmpstr (all, ==,
                   "$.n: must be a string\n"
                   "$.e: must be a non-empty string\n"
                   "$.missing: must be a string\n"
                   "$.z: must be a string\n"
                   "$.b: must be a string\n"
                   "$.s: must be true or false\n"
                   "$.o: must be an array\n"
                   "$.l[0]: must be an object");
  doc_clear (&doc);
}

static void
test_ranges (void)
{
  Doc doc = { 0, };
  g_autofree char *all = NULL;
  int value = -1;
  double amount = 0;

  doc_load (&doc, "{\"low\": 0, \"high\": 10001, \"ok\": 10000, \"frac\": 1.5, \"text\": \"5\","
                  " \"none\": null, \"neg\": -2}");
  g_assert_true (hb_json_reader_get_int_range (&doc.root, "ok", 0, 10000, HB_JSON_OPTIONAL, &value));
  g_assert_cmpint (value, ==, 10000);
  g_assert_true (hb_json_reader_get_int_range (&doc.root, "low", 0, 10000, HB_JSON_OPTIONAL, &value));
  g_assert_cmpint (value, ==, 0);
  value = 42;
  g_assert_false (hb_json_reader_get_int_range (&doc.root, "high", 0, 10000, HB_JSON_OPTIONAL, &value));
  g_assert_false (hb_json_reader_get_int_range (&doc.root, "low", 1, 10, HB_JSON_NULLABLE, &value));
  g_assert_false (hb_json_reader_get_int_range (&doc.root, "frac", 0, 10, HB_JSON_OPTIONAL, &value));
  g_assert_false (hb_json_reader_get_int_range (&doc.root, "text", 0, 10, HB_JSON_OPTIONAL, &value));
  g_assert_false (hb_json_reader_get_int_range (&doc.root, "none", 1, 10, HB_JSON_NULLABLE, &value));
  g_assert_false (hb_json_reader_get_int_range (&doc.root, "absent", 1, 10, HB_JSON_OPTIONAL, &value));
  g_assert_cmpint (value, ==, 42);                      /* untouched when it fails */

  g_assert_true (hb_json_reader_get_positive (&doc.root, "frac", &amount));
  g_assert_cmpfloat (amount, ==, 1.5);
  g_assert_true (hb_json_reader_get_positive (&doc.root, "ok", &amount));
  g_assert_cmpfloat (amount, ==, 10000);
  g_assert_false (hb_json_reader_get_positive (&doc.root, "low", &amount));
  g_assert_false (hb_json_reader_get_positive (&doc.root, "neg", &amount));
  g_assert_false (hb_json_reader_get_positive (&doc.root, "none", &amount));

  all = joined (doc.problems);
  g_assert_cmpstr (all, ==,
                   "$.high: must be a whole number from 0 to 10000\n"
                   "$.low: must be a whole number from 1 to 10, or null\n"
                   "$.frac: must be a whole number from 0 to 10\n"
                   "$.text: must be a whole number from 0 to 10\n"
                   "$.low: must be a positive number\n"
                   "$.neg: must be a positive number");
  doc_clear (&doc);
}

static void
test_unknown_members (void)
{
  static const char * const known[] = { "id", "terms", NULL };
  Doc doc = { 0, };
  HbJsonReader lexicons, lexicon;
  g_autofree char *all = NULL;

  doc_load (&doc, "{\"lexicons\": {\"kasar\": {\"id\": 1, \"trems\": [], \"note x\": 2}}}");
  hb_json_reader_member (&doc.root, "lexicons", &lexicons);
  hb_json_reader_member (&lexicons, "kasar", &lexicon);
  hb_json_reader_refuse_unknown_members (&lexicon, known);
  hb_json_reader_refuse_unknown_members (&doc.root, (const char * const[]) { "lexicons", NULL });
  /* Not an object: nothing to refuse. */
  hb_json_reader_member (&lexicon, "id", &lexicons);
  hb_json_reader_refuse_unknown_members (&lexicons, known);
  g_assert_true (hb_json_reader_has_member (&lexicon, "trems"));
  g_assert_false (hb_json_reader_has_member (&lexicon, "terms"));

  all = joined (doc.problems);
  g_assert_cmpstr (all, ==,
                   "$.lexicons.kasar.trems: unknown member\n"
                   "$.lexicons.kasar[\"note x\"]: unknown member");
  doc_clear (&doc);
}

/* Without a problem list a wrong value reads as an absent one: the
 * fetched pack's record is read that way. */
static void
test_quiet (void)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  HbJsonReader root;
  g_autofree char *url = NULL;
  int value = 0;
  const char *json = "{\"url\": \"https://x\", \"etag\": 5}";

  g_assert_true (hb_json_load (parser, json, strlen (json), NULL));
  hb_json_reader_init (&root, json_parser_get_root (parser), NULL);
  url = hb_json_reader_dup_string (&root, "url", HB_JSON_OPTIONAL);
  g_assert_cmpstr (url, ==, "https://x");
  g_assert_null (hb_json_reader_dup_string (&root, "etag", HB_JSON_REQUIRED));
  g_assert_false (hb_json_reader_get_int_range (&root, "url", 0, 1, HB_JSON_OPTIONAL, &value));
  hb_json_reader_problem (&root, "%s", "not recorded anywhere");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/paths", test_paths);
  g_test_add_func ("/json/types", test_types);
  g_test_add_func ("/json/ranges", test_ranges);
  g_test_add_func ("/json/unknown-members", test_unknown_members);
  g_test_add_func ("/json/quiet", test_quiet);
  return g_test_run ();
}
