/* test-corpus.c — a labelled corpus: recall of labelled topics (found at
 * warning or above) must stay at or above a floor, and false alarms on
 * clean posts at or below a ceiling.
 *
 *   test-corpus DIR MIN_RECALL MAX_FALSE_ALARMS
 *
 * tests/corpus/ (the project's own corpus) runs with 0.95 and 0.03;
 * tests/corpus-independent/ (three sets written by other authors without
 * seeing the rules) guards generalisation with a lower recall floor. */
#include <json-glib/json-glib.h>

#include "hb-linter.h"

static const char *corpus_dir;
static double min_recall;
static double max_false_alarms;

typedef struct
{
  guint labelled, found, clean, alarmed, posts;
} Score;

static gboolean
has_topic (GPtrArray  *findings,
           const char *topic)
{
  for (guint i = 0; i < findings->len; i++)
    if (hb_finding_get_severity (findings->pdata[i]) >= HB_SEVERITY_WARNING &&
        g_strcmp0 (hb_finding_get_topic (findings->pdata[i]), topic) == 0)
      return TRUE;
  return FALSE;
}

static void
score_post (HbPolicy   *policy,
            JsonObject *post,
            Score      *score)
{
  const char *id = json_object_get_string_member (post, "id");
  JsonArray *topics = json_object_get_array_member (post, "topics");
  g_autoptr(GPtrArray) findings = hb_lint (policy, json_object_get_string_member (post, "text"), -1, NULL);

  g_assert_nonnull (findings);
  score->posts++;
  if (json_array_get_length (topics) == 0)
    {
      score->clean++;
      if (hb_findings_blocking (findings))
        {
          score->alarmed++;
          g_test_message ("false alarm in %s: %s “%s”", id,
                          hb_finding_get_rule_id (findings->pdata[0]), ((HbFinding *) findings->pdata[0])->text);
        }
      return;
    }
  for (guint t = 0; t < json_array_get_length (topics); t++)
    {
      const char *topic = json_array_get_string_element (topics, t);

      score->labelled++;
      if (has_topic (findings, topic))
        score->found++;
      else
        g_test_message ("missed %s in %s", topic, id);
    }
}

static void
score_file (HbPolicy   *policy,
            const char *path,
            Score      *score)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *posts;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  posts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "posts");
  for (guint i = 0; i < json_array_get_length (posts); i++)
    score_post (policy, json_array_get_object_element (posts, i), score);
}

static void
test_corpus (void)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, corpus_dir, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  Score score = { 0 };
  const char *name;
  double recall, alarms;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        score_file (policy, path, &score);
      }
  g_assert_cmpuint (score.posts, >=, 140);
  g_assert_cmpuint (score.clean, >=, score.posts * 2 / 5);
  recall = (double) score.found / score.labelled;
  alarms = (double) score.alarmed / score.clean;
  g_test_message ("%s: %u posts, recall %.3f (%u/%u), false alarms %.3f (%u/%u)", corpus_dir, score.posts,
                  recall, score.found, score.labelled, alarms, score.alarmed, score.clean);
  g_assert_cmpfloat (recall, >=, min_recall);
  g_assert_cmpfloat (alarms, <=, max_false_alarms);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 4)
    g_error ("usage: test-corpus DIR MIN_RECALL MAX_FALSE_ALARMS");
  corpus_dir = argv[1];
  min_recall = g_ascii_strtod (argv[2], NULL);
  max_false_alarms = g_ascii_strtod (argv[3], NULL);
  g_test_add_func ("/corpus/recall-and-false-alarms", test_corpus);
  return g_test_run ();
}
