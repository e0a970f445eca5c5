/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dictionary.c — every word of Debian's Indonesian (hunspell-id) and
 * English (hunspell-en-us) dictionaries, linted on its own, warns only
 * where it is reviewed to: the pack's own bad words, slurs, chat
 * spellings and non-standard Malay.  A rule change that makes an everyday
 * word warn (an affixed form of an insult, a short bad word inside a
 * longer one, a name) fails here with the word named, and so does one
 * that silences a reviewed word.
 *
 * The reviewed list is tests/dictionary-warnings.txt, one "RULE WORD" per
 * line, sorted; regenerate it with HB_DICTIONARY_WRITE=1 and review the
 * diff before committing it. */
#include <string.h>

#include "hb-linter.h"

static const char * const dictionaries[] = {
  "/usr/share/hunspell/id_ID.dic",
  "/usr/share/hunspell/en_US.dic",
};

static void
lint_word (HbPolicy   *policy,
           const char *word,
           GHashTable *seen)
{
  g_autoptr(GPtrArray) findings = hb_lint (policy, word, -1, NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (hb_finding_get_severity (findings->pdata[i]) >= HB_SEVERITY_WARNING)
      g_hash_table_add (seen, g_strdup_printf ("%s %s", hb_finding_get_rule_id (findings->pdata[i]), word));
}

/* A .dic file: a count, then one stem per line with its affix flags after
 * a slash. */
static guint
lint_dictionary (HbPolicy   *policy,
                 const char *path,
                 GHashTable *seen)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL) || !g_utf8_validate (contents, -1, NULL))
    return 0;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *slash = strchr (lines[i], '/');

      if (slash != NULL)
        *slash = '\0';
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        {
          lint_word (policy, lines[i], seen);
          n++;
        }
    }
  return n;
}

static int
compare_lines (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
sorted_lines (GHashTable *seen)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (seen, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_hash_table_size (seen);

  qsort (keys, n, sizeof (char *), compare_lines);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s\n", keys[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
report_missing (GHashTable  *have,
                char       **want,
                const char  *what)
{
  guint n = 0;

  for (guint i = 0; want[i] != NULL; i++)
    if (*want[i] != '\0' && !g_hash_table_contains (have, want[i]))
      {
        g_test_message ("%s: %s", what, want[i]);
        n++;
      }
  return n;
}

static void
test_dictionary_words (void)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reviewed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *list_path = g_test_build_filename (G_TEST_DIST, "dictionary-warnings.txt", NULL);
  g_autofree char *list = NULL, *found = NULL;
  g_auto(GStrv) want = NULL, got = NULL;
  guint words = 0, unexpected, silenced;

  for (guint i = 0; i < G_N_ELEMENTS (dictionaries); i++)
    words += lint_dictionary (policy, dictionaries[i], seen);
  if (words == 0)
    {
      g_test_skip ("hunspell-id and hunspell-en-us are not installed");
      return;
    }
  found = sorted_lines (seen);
  if (g_getenv ("HB_DICTIONARY_WRITE") != NULL)
    g_assert_true (g_file_set_contents (list_path, found, -1, NULL));
  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  want = g_strsplit (list, "\n", -1);
  got = g_strsplit (found, "\n", -1);
  for (guint i = 0; want[i] != NULL; i++)
    g_hash_table_add (reviewed, want[i]);
  unexpected = report_missing (reviewed, got, "warns, not reviewed");
  silenced = report_missing (seen, want, "reviewed, no longer warns");
  g_test_message ("%u dictionary words, %u warn", words, g_hash_table_size (seen));
  g_assert_cmpuint (unexpected, ==, 0);
  g_assert_cmpuint (silenced, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dictionary/words-warn-only-where-reviewed", test_dictionary_words);
  return g_test_run ();
}
