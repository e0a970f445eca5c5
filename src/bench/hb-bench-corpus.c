/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench-corpus.c — `hb-bench corpus [--details] [--dump FILE] PATH…`:
 * the evaluation report of the linter on labelled corpora (a folder of the
 * project's *.json corpora or a JSON-lines file such as
 * ../shared/corpus/real-dev.jsonl), each path scored on its own, then all
 * together.  --details lists every miss, false alarm and finding at a topic
 * nobody labelled; --dump writes every finding, one per line, so that two
 * builds' findings can be compared with diff(1) before a rule change lands.
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "hb-bench.h"
#include "hb-corpus-score.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
add_path (HbCorpusScore *score,
          HbPolicy      *policy,
          const char    *path,
          GError       **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return hb_corpus_score_add_file (score, policy, path, error);
  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".jsonl"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    if (!hb_corpus_score_add_file (score, policy, names->pdata[i], error))
      return FALSE;
  return TRUE;
}

int
hb_bench_corpus (int    argc,
                 char **argv)
{
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(HbCorpusScore) all = hb_corpus_score_new ();
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *dump_path = NULL;
  gboolean details = FALSE;
  guint n_paths = 0;

  for (int i = 0; i < argc; i++)
    {
      g_autoptr(HbCorpusScore) one = NULL;

      if (strcmp (argv[i], "--details") == 0)
        {
          details = TRUE;
          continue;
        }
      if (strcmp (argv[i], "--dump") == 0 && i + 1 < argc)
        {
          dump_path = argv[++i];
          continue;
        }
      one = hb_corpus_score_new ();
      if (!add_path (one, policy, argv[i], &error) || !add_path (all, policy, argv[i], &error))
        {
          g_printerr ("hb-bench: %s\n", error->message);
          return 2;
        }
      g_print ("== %s\n", argv[i]);
      hb_corpus_score_print (one, stdout, details);
      g_print ("\n");
      g_string_append (dump, hb_corpus_score_get_dump (one));
      n_paths++;
    }
  if (n_paths == 0)
    {
      g_printerr ("Usage: hb-bench corpus [--details] [--dump FILE] PATH…\n");
      return 2;
    }
  if (n_paths > 1)
    {
      g_print ("== all\n");
      hb_corpus_score_print (all, stdout, FALSE);
    }
  if (dump_path != NULL && !g_file_set_contents (dump_path, dump->str, dump->len, &error))
    {
      g_printerr ("hb-bench: %s\n", error->message);
      return 2;
    }
  return 0;
}
