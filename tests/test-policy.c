/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-policy.c — the built-in pack's content, validation with JSON paths,
 * the user override and the fetched-pack cache (which pack is in use). */
#include <glib/gstdio.h>
#include <string.h>

#include "hb-error.h"
#include "hb-policy.h"
#include "hb-policy-cache.h"

static void
test_builtin_clauses (void)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  static const char *ids[] = {
    "5.a", "5.b", "5.c", "5.d", "6.a.i", "6.a.ii", "6.a.iii", "6.a.iv", "6.a.v", "6.a.vi", "6.a.vii",
    "7.a.i", "7.a.ii", "7.a.iii.1", "7.a.iii.2", "7.a.iii.3", "7.a.iii.4", "7.a.iii.5", "7.a.iii.6",
    "8.a", "8.b", "8.c", "8.d", "8.e", "8.f",
  };

  g_assert_cmpstr (hb_policy_get_id (policy), ==, "mpkk-media-sosial");
  g_assert_cmpuint (strlen (hb_policy_get_sha256 (policy)), ==, 64);
  g_assert_nonnull (strstr (hb_policy_get_issuer (policy, HB_LANG_MS), "Bahagian Pengurusan Maklumat"));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const HbClause *c = hb_policy_find_clause (policy, ids[i]);

      g_assert_nonnull (c);
      g_assert_cmpuint (strlen (c->text[HB_LANG_MS]), >, 10);
      g_assert_cmpuint (strlen (c->text[HB_LANG_EN]), >, 10);
    }
  /* The Malay text is the guideline's own. */
  g_assert_nonnull (strstr (hb_policy_find_clause (policy, "6.a.iv")->text[HB_LANG_MS], "lucah"));
}

static void
test_builtin_checklist (void)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  static const char *must[] = {
    "6.a.i", "6.a.ii", "6.a.iii", "6.a.iv", "6.a.v", "6.a.vi", "6.a.vii", "7.a.i", "7.a.ii",
    "7.a.iii.1", "7.a.iii.2", "7.a.iii.3", "7.a.iii.4", "7.a.iii.5", "7.a.iii.6",
    "8.a", "8.b", "8.c", "8.d", "8.e", "8.f",
  };
  guint autos = 0, confirms = 0;

  for (guint i = 0; i < G_N_ELEMENTS (must); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < hb_policy_get_n_checklist (policy); k++)
        found = found || g_strcmp0 (hb_policy_get_checklist (policy, k)->clause, must[i]) == 0;
      if (!found)
        g_error ("no checklist item for clause %s", must[i]);
    }
  for (guint k = 0; k < hb_policy_get_n_checklist (policy); k++)
    {
      const HbChecklistItem *item = hb_policy_get_checklist (policy, k);

      if (item->kind == HB_CHECK_AUTO)
        {
          autos++;
          g_assert_nonnull (item->check);
        }
      else
        confirms++;
      g_assert_nonnull (item->label[HB_LANG_MS]);
      g_assert_nonnull (item->label[HB_LANG_EN]);
    }
  g_assert_cmpuint (autos, >=, 5);
  g_assert_cmpuint (confirms, >=, 5);
}

static void
test_builtin_topics (void)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  static const char *topics[] = {
    "classified", "personal-data", "religion", "politics", "race", "royalty", "obscene",
    "defamation", "sedition", "shaming", "government-image", "unverified", "tone", "spelling",
  };

  for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
    {
      gboolean found = FALSE;

      for (guint r = 0; r < hb_policy_get_n_rules (policy); r++)
        {
          const HbRule *rule = hb_policy_get_rule (policy, r);

          if (g_strcmp0 (hb_rule_get_topic (rule), topics[t]) != 0)
            continue;
          found = TRUE;
          g_assert_nonnull (hb_rule_get_message (rule, HB_LANG_MS));
          g_assert_nonnull (hb_rule_get_message (rule, HB_LANG_EN));
          g_assert_nonnull (hb_rule_get_examples (rule, TRUE));
        }
      if (!found)
        g_error ("no rule for topic %s", topics[t]);
    }
}

/* Replaces the first @from in the built-in pack by @to and returns the
 * problems the validator reports. */
static GPtrArray *
check_edited (const char *from,
              const char *to)
{
  g_autofree char *json = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, NULL, NULL));
  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  bytes = g_bytes_new (s->str, s->len);
  return hb_policy_check_bytes (bytes);
}

static void
assert_problem (GPtrArray  *problems,
                const char *path,
                const char *words)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (problems->pdata[i], path) && strstr (problems->pdata[i], words))
      return;
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("  %s\n", (const char *) problems->pdata[i]);
  g_error ("no problem at %s mentioning “%s”", path, words);
}

static void
test_source_is_valid (void)
{
  g_autofree char *json = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, &len, NULL));
  bytes = g_bytes_new (json, len);
  problems = hb_policy_check_bytes (bytes);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_invalid_paths (void)
{
  g_autoptr(GPtrArray) p1 = check_edited ("\"topic\": \"politics\"", "\"topic\": \"gossip\"");
  g_autoptr(GPtrArray) p2 = check_edited ("\"severity\": \"warning\"", "\"severity\": \"loud\"");
  g_autoptr(GPtrArray) p3 = check_edited ("\"match\": \"party\"", "\"match\": \"no-such-list\"");
  g_autoptr(GPtrArray) p4 = check_edited ("\"kind\": \"auto\"", "\"kind\": \"maybe\"");
  g_autoptr(GPtrArray) p5 = check_edited ("\"format\": \"hebahan-policy/1\"", "\"format\": \"hebahan-policy/9\"");
  g_autoptr(GPtrArray) p6 = check_edited ("\"message\"", "\"mesage\"");
  g_autoptr(GPtrArray) p8 = check_edited ("\"obfuscation\": true", "\"obfuscation\": \"yes\"");
  g_autoptr(GPtrArray) p7 = check_edited ("\"message\"", "\"window\": -1, \"unless\": [\"party\", 3], \"message\"");

  assert_problem (p1, "$.rules[", "unknown topic “gossip”");
  assert_problem (p2, "$.rules[", "severity");
  assert_problem (p3, "$.rules[", "unknown lexicon “no-such-list”");
  assert_problem (p4, "$.checklist[0]", "kind");
  assert_problem (p5, "$.format", "unsupported format");
  assert_problem (p6, "$.rules[0].mesage", "unknown member");
  assert_problem (p6, "$.rules[0].message", "must be an object");
  /* The walker names the member and the element at fault. */
  assert_problem (p7, "$.rules[0].window", "must be a whole number from 0 to 10000");
  assert_problem (p7, "$.rules[0].unless[1]", "must be a lexicon name");
  /* Read as false before, silently: the pack would not match disguised words. */
  assert_problem (p8, "$.lexicons.", "obfuscation: must be true or false");
}

/* Sureness and severity follow each other and must agree; a message may
 * name its {context} only when the rule has one; antipatterns and the
 * compound generator are checked like terms. */
static void
test_sureness_context_except (void)
{
  g_autoptr(GPtrArray) possible_error = check_edited ("\"severity\": \"error\",\n      \"sureness\": \"certain\"",
                                                      "\"severity\": \"error\",\n      \"sureness\": \"possible\"");
  g_autoptr(GPtrArray) unknown = check_edited ("\"sureness\": \"likely\"", "\"sureness\": \"maybe\"");
  g_autoptr(GPtrArray) neither = check_edited ("\"severity\": \"warning\",\n      \"sureness\": \"likely\",", "");
  g_autoptr(GPtrArray) context = check_edited ("\"Ejaan atau singkatan tidak baku.\"",
                                               "\"Ejaan tidak baku di sebelah “{context}”.\"");
  g_autoptr(GPtrArray) except = check_edited ("\"except\": [", "\"except\": [17, ");
  g_autoptr(GPtrArray) compound = check_edited ("\"compound\": [", "\"compound\": [\"kenal\", ");

  assert_problem (possible_error, "$.rules[", "a “possible” match cannot be an “error”");
  assert_problem (unknown, "$.rules[", "“sureness” must be");
  assert_problem (neither, "$.rules[", "needs “severity” or “sureness”");
  assert_problem (context, "$.rules[", "{context}");
  assert_problem (except, "$.lexicons.", "a term must be a string or an object");
  assert_problem (compound, "$.lexicons.non-standard.generate", "“kenal” must be two words");
}

/* Antipatterns and compounds count towards a pack's limits like terms: a
 * pack cannot hide its size in them. */
static void
test_limits_count_generated (void)
{
  g_autoptr(GString) many = g_string_new ("\"compound\": [");
  g_autoptr(GString) excepts = g_string_new ("\"except\": [");
  g_autoptr(GPtrArray) p1 = NULL, p2 = NULL;

  for (guint i = 0; i < 25000; i++)
    {
      g_string_append_printf (many, "\"kata%u dua\", ", i);
      g_string_append_printf (excepts, "\"frasa %u\", ", i);
    }
  p1 = check_edited ("\"compound\": [", many->str);
  p2 = check_edited ("\"except\": [", excepts->str);
  assert_problem (p1, "$.lexicons", "more than the 20000 a pack may have");
  assert_problem (p2, "$.lexicons", "more than the 20000 a pack may have");
}

static void
test_malformed_and_partial (void)
{
  g_autofree char *json = NULL;
  gsize len;
  g_autoptr(GBytes) half = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("{\"format\": ", 11);
  g_autoptr(GBytes) notobj = g_bytes_new_static ("[1, 2]", 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, &len, NULL));
  half = g_bytes_new (json, len / 2);
  policy = hb_policy_new_from_bytes (half, &error);
  g_assert_null (policy);
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_clear_error (&error);

  g_assert_null (hb_policy_new_from_bytes (junk, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_clear_error (&error);

  problems = hb_policy_check_bytes (notobj);
  assert_problem (problems, "$", "must be an object");
}

/* json-glib alone would take the second of two packs in a row, and turn
 * "\777" or a lone "\udc00" into text that is not UTF-8 (found by
 * fuzz-policy and fuzz-draft): both are refused with a reason. */
static void
test_one_document_of_text (void)
{
  g_autofree char *json = NULL;
  g_autoptr(GString) twice = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) octal = check_edited ("\"SULIT\"", "\"SUL\\777IT\"");
  g_autoptr(GPtrArray) surrogate = check_edited ("\"SULIT\"", "\"SUL\\udc00IT\"");
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, NULL, NULL));
  twice = g_string_new (json);
  g_string_append (twice, "\n{\"format\": \"hebahan-policy/1\"}\n");
  bytes = g_bytes_new (twice->str, twice->len);
  g_assert_null (hb_policy_new_from_bytes (bytes, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, "more than one JSON document"));
  problems = hb_policy_check_bytes (bytes);
  assert_problem (problems, "$", "more than one JSON document");

  assert_problem (octal, "$", "not valid UTF-8");
  assert_problem (surrogate, "$", "not valid UTF-8");
}

static void
test_duplicates_rejected (void)
{
  g_autoptr(GPtrArray) problems = check_edited ("\"id\": \"politics.election\"", "\"id\": \"politics.party\"");

  assert_problem (problems, "$.rules[", "duplicate rule id “politics.party”");
}

static void
write_override (const char *contents)
{
  g_autofree char *path = hb_policy_user_override_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
test_user_override (void)
{
  g_autofree char *json = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) good = NULL;
  g_autoptr(HbPolicy) fallback = NULL;
  g_autofree char *path = hb_policy_user_override_path ();

  /* The config directory is a per-test temporary one (G_TEST_OPTION_ISOLATE_DIRS). */
  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, NULL, NULL));
  s = g_string_new (json);
  g_string_replace (s, "\"version\": \"2026.12.4\"", "\"version\": \"9999.1\"", 1);
  write_override (s->str);
  good = hb_policy_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (hb_policy_get_version (good), ==, "9999.1");
  g_assert_cmpstr (hb_policy_get_origin (good), ==, path);

  /* A broken override is ignored whole, with a reason, and the built-in
   * pack stays in use. */
  write_override ("{\"format\": \"hebahan-policy/1\", \"id\": \"x\"");
  fallback = hb_policy_load_default (&error);
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpstr (hb_policy_get_version (fallback), ==, "2026.12.4");
  g_assert_cmpstr (hb_policy_get_origin (fallback), ==, "built-in");
  g_assert_cmpint (hb_policy_get_source (fallback), ==, HB_POLICY_SOURCE_BUILTIN);
}

static GBytes *
source_with_version (const char *version)
{
  g_autofree char *json = NULL;
  g_autofree char *to = g_strdup_printf ("\"version\": \"%s\"", version);
  g_autoptr(GString) s = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, NULL, NULL));
  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, "\"version\": \"2026.12.4\"", to, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&s));
}

static void
store_fetched (const char *version,
               gboolean    expect_changed)
{
  g_autoptr(GBytes) bytes = source_with_version (version);
  g_autoptr(HbPolicy) policy = hb_policy_new_from_bytes (bytes, NULL);
  g_autofree char *path = hb_policy_cache_path ();
  g_autoptr(GError) error = NULL;
  gboolean changed = !expect_changed;

  g_assert_nonnull (policy);
  g_assert_true (hb_policy_cache_store (bytes, policy, "https://mpkk.example/p.json", "\"e1\"",
                                        &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, expect_changed);
  g_assert_cmpint (hb_policy_get_source (policy), ==, HB_POLICY_SOURCE_FETCHED);
  g_assert_cmpstr (hb_policy_get_origin (policy), ==, path);
}

/* The user's pack, else the fetched one, else the built-in one; a pack
 * that cannot be used is skipped with its reason. */
static void
test_fetched_cache (void)
{
  g_autofree char *cache = hb_policy_cache_path ();
  g_autofree char *user = hb_policy_user_override_path ();
  g_autoptr(GError) error = NULL;
  HbPolicy *policy;

  store_fetched ("9999.2", TRUE);
  store_fetched ("9999.2", FALSE);
  policy = hb_policy_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (hb_policy_get_version (policy), ==, "9999.2");
  g_assert_cmpint (hb_policy_get_source (policy), ==, HB_POLICY_SOURCE_FETCHED);
  g_assert_cmpstr (hb_policy_get_origin (policy), ==, cache);
  g_object_unref (policy);

  write_override ("{\"format\": \"hebahan-policy/1\"}");
  policy = hb_policy_load_default (&error);
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_assert_true (g_str_has_prefix (error->message, "Ignoring "));
  g_assert_nonnull (strstr (error->message, user));
  g_assert_cmpint (hb_policy_get_source (policy), ==, HB_POLICY_SOURCE_FETCHED);
  g_clear_error (&error);
  g_object_unref (policy);

  /* Both unusable: both reasons, in one line. */
  g_assert_true (g_file_set_contents (cache, "[]", -1, NULL));
  policy = hb_policy_load_default (&error);
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, user));
  g_assert_nonnull (strstr (error->message, "; ignoring "));
  g_assert_nonnull (strstr (error->message, cache));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpint (hb_policy_get_source (policy), ==, HB_POLICY_SOURCE_BUILTIN);
  g_clear_error (&error);
  g_object_unref (policy);

  g_assert_cmpint (g_remove (user), ==, 0);
  g_assert_true (hb_policy_cache_clear (&error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  policy = hb_policy_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpint (hb_policy_get_source (policy), ==, HB_POLICY_SOURCE_BUILTIN);
  g_object_unref (policy);
}

/* What the app shows about the fetched pack: a failure is kept with the
 * pack's details, and forgotten at the next success. */
static void
test_cache_info (void)
{
  g_autofree char *info_path = hb_policy_cache_info_path ();
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (hb_policy_cache_info_load (&error));
  g_assert_no_error (error);
  store_fetched ("9999.3", TRUE);
  g_assert_true (hb_policy_cache_record_failure ("https://mpkk.example/p.json", "It broke", NULL));
  info = hb_policy_cache_info_load (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->version, ==, "9999.3");
  g_assert_cmpstr (info->id, ==, "mpkk-media-sosial");
  g_assert_cmpstr (info->etag, ==, "\"e1\"");
  g_assert_cmpstr (info->url, ==, "https://mpkk.example/p.json");
  g_assert_cmpstr (info->failure, ==, "It broke");
  g_assert_cmpstr (info->failed_url, ==, "https://mpkk.example/p.json");
  g_assert_nonnull (info->failed);
  g_assert_nonnull (info->fetched);
  g_clear_pointer (&info, hb_policy_cache_info_free);

  g_assert_true (hb_policy_cache_record_check ("https://mpkk.example/p.json", NULL, NULL));
  info = hb_policy_cache_info_load (&error);
  g_assert_null (info->failure);
  g_assert_null (info->failed);
  g_assert_cmpstr (info->etag, ==, "\"e1\"");
  g_assert_nonnull (info->checked);
  g_clear_pointer (&info, hb_policy_cache_info_free);

  /* A damaged record is reported, and the next write replaces it. */
  g_assert_true (g_file_set_contents (info_path, "{\"format\": \"other\"}", -1, NULL));
  g_assert_null (hb_policy_cache_info_load (&error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_clear_error (&error);
  g_assert_true (hb_policy_cache_record_failure ("https://mpkk.example/p.json", "Again", NULL));
  info = hb_policy_cache_info_load (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->failure, ==, "Again");
  g_assert_null (info->version);
}

/* json-glib quotes the string it could not parse, escapes decoded: a lone
 * surrogate (\ud800, not UTF-8) must not reach the message people read
 * (found by fuzz-policy). */
static void
test_parse_error_is_utf8 (void)
{
  static const char bad[] = "{\"format\": \"hebahan-policy/1\", \"id\": [\"x\", \"\\ud800\"   \"y\"]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad, sizeof bad - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = hb_policy_new_from_bytes (bytes, &error);

  g_assert_null (policy);
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_compare_versions (void)
{
  struct { const char *a, *b; int order; } cases[] = {
    { "2026.11.1", "2026.11.1", 0 },
    { "2026.11.1", "2026.11.2", -1 },
    { "2026.11.10", "2026.11.9", 1 },
    { "2026.9.30", "2026.11.1", -1 },
    { "2027.1", "2026.12.31", 1 },
    { "2026.11", "2026.11.1", -1 },
    { "2026.11.1", "2026.11", 1 },
    { "2026.11.rc1", "2026.11.rc2", -1 },
    { "", "2026", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int order = hb_policy_compare_versions (cases[i].a, cases[i].b);

      g_assert_cmpint ((order > 0) - (order < 0), ==, cases[i].order);
      order = hb_policy_compare_versions (cases[i].b, cases[i].a);
      g_assert_cmpint ((order > 0) - (order < 0), ==, -cases[i].order);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/policy/compare-versions", test_compare_versions);
  g_test_add_func ("/policy/builtin-clauses", test_builtin_clauses);
  g_test_add_func ("/policy/builtin-checklist", test_builtin_checklist);
  g_test_add_func ("/policy/builtin-topics", test_builtin_topics);
  g_test_add_func ("/policy/source-valid", test_source_is_valid);
  g_test_add_func ("/policy/invalid-paths", test_invalid_paths);
  g_test_add_func ("/policy/sureness-context-except", test_sureness_context_except);
  g_test_add_func ("/policy/limits-count-generated", test_limits_count_generated);
  g_test_add_func ("/policy/malformed", test_malformed_and_partial);
  g_test_add_func ("/policy/one-document-of-text", test_one_document_of_text);
  g_test_add_func ("/policy/duplicates", test_duplicates_rejected);
  g_test_add_func ("/policy/user-override", test_user_override);
  g_test_add_func ("/policy/fetched-cache", test_fetched_cache);
  g_test_add_func ("/policy/cache-info", test_cache_info);
  g_test_add_func ("/policy/parse-error-is-utf8", test_parse_error_is_utf8);
  return g_test_run ();
}
