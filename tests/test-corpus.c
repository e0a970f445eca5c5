/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-corpus.c — a labelled corpus holds the linter to a bar: recall of
 * labelled problems at warning level at or above a floor (overall, and per
 * topic where a per-topic floor is given) and warnings on clean entries at
 * or below a ceiling.
 *
 *   test-corpus PATH MIN_RECALL MAX_FALSE_ALARMS [MIN_TOPIC_RECALL [EXEMPT]]
 *
 * PATH is a folder of the project's corpora (*.json) or one JSON-lines
 * file (../shared/corpus/real-dev.jsonl, read in place; skipped when the
 * shared folder is absent).  EXEMPT names a topic the per-topic floor does
 * not apply to.  Every miss and false alarm goes to the test log. */
#include "hb-corpus-score.h"
#include "hb-linter.h"

static const char *corpus_path;
static double min_recall, max_false_alarms, min_topic_recall;
static const char *exempt_topic;

static void
add_path (HbCorpusScore *score,
          HbPolicy      *policy,
          const char    *path)
{
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json"))
          {
            g_autofree char *file = g_build_filename (path, name, NULL);
            add_path (score, policy, file);
          }
      return;
    }
  hb_corpus_score_add_file (score, policy, path, &error);
  g_assert_no_error (error);
}

static void
log_report (const HbCorpusScore *score)
{
  g_autofree char *report = NULL;
  gsize len = 0;
  FILE *out = open_memstream (&report, &len);
  g_auto(GStrv) lines = NULL;

  hb_corpus_score_print (score, out, TRUE);
  fclose (out);
  lines = g_strsplit (report, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("%s", lines[i]);
}

static void
test_corpus (void)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(HbCorpusScore) score = hb_corpus_score_new ();
  g_autofree char *path = g_path_is_absolute (corpus_path)
                          ? g_strdup (corpus_path) : g_test_build_filename (G_TEST_DIST, corpus_path, NULL);
  g_auto(GStrv) topics = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("%s is not there", path);
      return;
    }
  add_path (score, policy, path);
  log_report (score);
  g_assert_cmpuint (hb_corpus_score_n_entries (score), >=, 140);
  g_assert_cmpuint (hb_corpus_score_n_clean (score), >=, hb_corpus_score_n_entries (score) / 4);
  g_assert_cmpfloat (hb_corpus_score_recall (score, NULL), >=, min_recall);
  g_assert_cmpfloat (hb_corpus_score_alarm_rate (score), <=, max_false_alarms);
  topics = hb_corpus_score_topics (score);
  for (guint i = 0; min_topic_recall > 0 && topics[i] != NULL; i++)
    if (g_strcmp0 (topics[i], exempt_topic) != 0)
      {
        if (hb_corpus_score_recall (score, topics[i]) < min_topic_recall)
          g_test_message ("topic %s below the floor", topics[i]);
        g_assert_cmpfloat (hb_corpus_score_recall (score, topics[i]), >=, min_topic_recall);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 4 || argc > 6)
    g_error ("usage: test-corpus PATH MIN_RECALL MAX_FALSE_ALARMS [MIN_TOPIC_RECALL [EXEMPT]]");
  corpus_path = argv[1];
  min_recall = g_ascii_strtod (argv[2], NULL);
  max_false_alarms = g_ascii_strtod (argv[3], NULL);
  min_topic_recall = argc > 4 ? g_ascii_strtod (argv[4], NULL) : 0;
  exempt_topic = argc > 5 ? argv[5] : NULL;
  g_test_add_func ("/corpus/recall-and-false-alarms", test_corpus);
  return g_test_run ();
}
