/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-corpus-score.c — the linter scored on labelled corpora.
 *
 * Two formats are read: the project's corpora ({"posts": [{id, text,
 * topics}]}, each topic one problem) and JSON lines with `expect` groups
 * (../shared/corpus/README.md: a group is found when any of its topics is
 * reported at warning level or above; `info` topics are acceptable at info
 * level only).  A group is tallied under its first topic.  Each entry is
 * linted with hb_lint(), every rule of both languages, as the window lints
 * a body.
 */
#include "hb-corpus-score.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-json.h"
#include "hb-linter.h"

typedef struct
{
  guint groups, found, alarms, wrong;
} TopicTally;

struct _HbCorpusScore
{
  GHashTable *tallies;   /* topic → TopicTally */
  GString    *details;   /* one line per miss, false alarm and wrong topic */
  GString    *dump;      /* every finding, for a diff between two builds */
  guint       entries, clean, alarmed, groups, found;
};

HbCorpusScore *
hb_corpus_score_new (void)
{
  HbCorpusScore *score = g_new0 (HbCorpusScore, 1);

  score->tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  score->details = g_string_new (NULL);
  score->dump = g_string_new (NULL);
  return score;
}

void
hb_corpus_score_free (HbCorpusScore *score)
{
  if (score == NULL)
    return;
  g_hash_table_unref (score->tallies);
  g_string_free (score->details, TRUE);
  g_string_free (score->dump, TRUE);
  g_free (score);
}

static TopicTally *
tally (HbCorpusScore *score,
       const char    *topic)
{
  TopicTally *t = g_hash_table_lookup (score->tallies, topic);

  if (t == NULL)
    {
      t = g_new0 (TopicTally, 1);
      g_hash_table_insert (score->tallies, g_strdup (topic), t);
    }
  return t;
}

static gboolean
strv_has (JsonArray  *array,
          const char *s)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), s) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_warning (const HbFinding *f)
{
  return hb_finding_get_severity (f) >= HB_SEVERITY_WARNING;
}

static gboolean
group_found (GPtrArray *findings,
             JsonArray *group)
{
  for (guint i = 0; i < findings->len; i++)
    if (is_warning (findings->pdata[i]) && strv_has (group, hb_finding_get_topic (findings->pdata[i])))
      return TRUE;
  return FALSE;
}

static gboolean
topic_labelled (JsonArray  *groups,
                JsonArray  *info,
                const char *topic)
{
  for (guint g = 0; g < json_array_get_length (groups); g++)
    if (strv_has (json_array_get_array_element (groups, g), topic))
      return TRUE;
  return strv_has (info, topic);
}

static void
note_finding (HbCorpusScore   *score,
              const char      *kind,
              const char      *id,
              const HbFinding *f)
{
  g_string_append_printf (score->details, "%-11s %s  %s [%s] %s “%s”\n", kind, id,
                          hb_finding_get_topic (f), hb_severity_to_string (hb_finding_get_severity (f)),
                          hb_finding_get_rule_id (f), f->text);
}

static void
note_miss (HbCorpusScore *score,
           const char    *id,
           JsonArray     *group,
           JsonArray     *spans)
{
  g_string_append_printf (score->details, "%-11s %s  %s", "MISS", id, json_array_get_string_element (group, 0));
  for (guint i = 1; i < json_array_get_length (group); i++)
    g_string_append_printf (score->details, "|%s", json_array_get_string_element (group, i));
  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    g_string_append_printf (score->details, " “%s”", json_array_get_string_element (spans, i));
  g_string_append_c (score->details, '\n');
}

static void
score_clean (HbCorpusScore *score,
             const char    *id,
             GPtrArray     *findings)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  score->clean++;
  for (guint i = 0; i < findings->len; i++)
    {
      const HbFinding *f = findings->pdata[i];

      if (!is_warning (f))
        continue;
      note_finding (score, "FALSE-ALARM", id, f);
      if (g_hash_table_add (seen, (gpointer) hb_finding_get_topic (f)))
        tally (score, hb_finding_get_topic (f))->alarms++;
    }
  if (g_hash_table_size (seen) > 0)
    score->alarmed++;
}

static void
score_labelled (HbCorpusScore *score,
                const char    *id,
                JsonArray     *groups,
                JsonArray     *spans,
                JsonArray     *info,
                GPtrArray     *findings)
{
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonArray *group = json_array_get_array_element (groups, g);
      TopicTally *t = tally (score, json_array_get_string_element (group, 0));

      t->groups++;
      score->groups++;
      if (group_found (findings, group))
        {
          t->found++;
          score->found++;
        }
      else
        note_miss (score, id, group, spans != NULL && g < json_array_get_length (spans)
                                       ? json_array_get_array_element (spans, g) : NULL);
    }
  for (guint i = 0; i < findings->len; i++)
    {
      const HbFinding *f = findings->pdata[i];

      if (is_warning (f) && !topic_labelled (groups, info, hb_finding_get_topic (f)))
        {
          tally (score, hb_finding_get_topic (f))->wrong++;
          note_finding (score, "WRONG-TOPIC", id, f);
        }
    }
}

static void
dump_findings (HbCorpusScore *score,
               const char    *id,
               GPtrArray     *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const HbFinding *f = findings->pdata[i];

      g_string_append_printf (score->dump, "%s\t%s\t%s\t%u\t%s\n", id, hb_finding_get_rule_id (f),
                              hb_severity_to_string (hb_finding_get_severity (f)), f->start, f->text);
    }
}

/* The project's format names single topics; make each a group of one. */
static JsonArray *
topics_as_groups (JsonArray *topics)
{
  JsonArray *groups = json_array_new ();

  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonArray *group = json_array_new ();

      json_array_add_string_element (group, json_array_get_string_element (topics, i));
      json_array_add_array_element (groups, group);
    }
  return groups;
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
score_entry (HbCorpusScore *score,
             HbPolicy      *policy,
             JsonObject    *entry,
             GError       **error)
{
  const char *id = json_object_get_string_member_with_default (entry, "id", "?");
  const char *text = json_object_get_string_member_with_default (entry, "text", NULL);
  JsonArray *expect = member_array (entry, "expect");
  g_autoptr(JsonArray) groups = expect != NULL ? json_array_ref (expect)
                                               : topics_as_groups (member_array (entry, "topics"));
  g_autoptr(GPtrArray) findings = NULL;

  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "entry %s has no text", id);
      return FALSE;
    }
  findings = hb_lint (policy, text, -1, error);
  if (findings == NULL)
    return FALSE;
  score->entries++;
  dump_findings (score, id, findings);
  if (json_array_get_length (groups) == 0)
    score_clean (score, id, findings);
  else
    score_labelled (score, id, groups, member_array (entry, "spans"), member_array (entry, "info"), findings);
  return TRUE;
}

static GPtrArray *
load_entries (const char *path,
              GError    **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  if (g_str_has_suffix (path, ".jsonl"))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          {
            g_autoptr(JsonParser) parser = json_parser_new ();

            if (!hb_json_load (parser, lines[i], strlen (lines[i]), error))
              return g_prefix_error (error, "%s:%u: ", path, i + 1), NULL;
            g_ptr_array_add (entries, json_node_copy (json_parser_get_root (parser)));
          }
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root = hb_json_load (parser, contents, len, error) ? json_parser_get_root (parser) : NULL;
      JsonArray *posts = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                         ? member_array (json_node_get_object (root), "posts") : NULL;

      if (posts == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no “posts” array");
          return g_prefix_error (error, "%s: ", path), NULL;
        }
      for (guint i = 0; i < json_array_get_length (posts); i++)
        g_ptr_array_add (entries, json_node_copy (json_array_get_element (posts, i)));
    }
  return g_steal_pointer (&entries);
}

gboolean
hb_corpus_score_add_file (HbCorpusScore *score,
                          HbPolicy      *policy,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (score != NULL && path != NULL, FALSE);

  entries = load_entries (path, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    if (!JSON_NODE_HOLDS_OBJECT ((JsonNode *) entries->pdata[i]) ||
        !score_entry (score, policy, json_node_get_object (entries->pdata[i]), error))
      return g_prefix_error (error, "%s: ", path), FALSE;
  return TRUE;
}

guint
hb_corpus_score_n_entries (const HbCorpusScore *score)
{
  return score->entries;
}

guint
hb_corpus_score_n_clean (const HbCorpusScore *score)
{
  return score->clean;
}

/* Recall over every group (topic NULL) or the groups tallied under one. */
double
hb_corpus_score_recall (const HbCorpusScore *score,
                        const char          *topic)
{
  const TopicTally *t;

  if (topic == NULL)
    return score->groups > 0 ? (double) score->found / score->groups : 1.0;
  t = g_hash_table_lookup (score->tallies, topic);
  return t != NULL && t->groups > 0 ? (double) t->found / t->groups : 1.0;
}

double
hb_corpus_score_alarm_rate (const HbCorpusScore *score)
{
  return score->clean > 0 ? (double) score->alarmed / score->clean : 0.0;
}

static int
compare_topics (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char **
hb_corpus_score_topics (const HbCorpusScore *score)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (score->tallies, NULL);
  char **topics = g_strdupv ((char **) keys);

  g_qsort_with_data (topics, g_strv_length (topics), sizeof (char *), compare_topics, NULL);
  return topics;
}

static void
print_table (const HbCorpusScore *score,
             FILE                *out)
{
  g_auto(GStrv) topics = hb_corpus_score_topics (score);

  fprintf (out, "%-17s %7s %7s %8s %6s %6s\n", "topic", "groups", "found", "recall", "alarms", "wrong");
  for (guint i = 0; topics[i] != NULL; i++)
    {
      const TopicTally *t = g_hash_table_lookup (score->tallies, topics[i]);
      g_autofree char *recall = t->groups > 0 ? g_strdup_printf ("%.3f", (double) t->found / t->groups)
                                              : g_strdup ("-");

      fprintf (out, "%-17s %7u %7u %8s %6u %6u\n", topics[i], t->groups, t->found, recall, t->alarms, t->wrong);
    }
  fprintf (out, "%-17s %7u %7u %8.3f\n", "all", score->groups, score->found, hb_corpus_score_recall (score, NULL));
  fprintf (out, "%u entries, %u clean, %u with a warning: false alarms %.3f\n", score->entries, score->clean,
           score->alarmed, hb_corpus_score_alarm_rate (score));
}

void
hb_corpus_score_print (const HbCorpusScore *score,
                       FILE                *out,
                       gboolean             details)
{
  print_table (score, out);
  if (details)
    fputs (score->details->str, out);
}

const char *
hb_corpus_score_get_dump (const HbCorpusScore *score)
{
  return score->dump->str;
}
