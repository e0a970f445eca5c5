/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-autosave.c — backups are written, found again and removed; a
 * writer killed at random moments leaves the old or the new backup, never
 * a broken one, and its leftovers are cleaned at the next start. */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <utime.h>
#include <unistd.h>

#include "hb-autosave.h"
#include "hb-draft.h"
#include "hb-test-util.h"

static HbRecovery *
find (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HbRecovery *r;

  hb_autosave_find_async (NULL, hb_test_store_result, &result);
  r = hb_autosave_find_finish (hb_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return r;
}

static void
write_backup (const char *path,
              HbPost     *post,
              GFile      *origin)
{
  g_autoptr(GBytes) bytes = hb_draft_to_bytes (post, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hb_autosave_write_async (path, bytes, origin, NULL, hb_test_store_result, &result);
  g_assert_true (hb_autosave_write_finish (hb_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autofree char *path = hb_autosave_new_path ();
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(GFile) origin = g_file_new_for_path ("/tmp/somewhere/post.hebahan");
  g_autoptr(HbRecovery) r = NULL;

  g_assert_null (find ());
  hb_post_set_field (post, HB_FIELD_BODY, "Kerja yang belum disimpan");
  write_backup (path, post, origin);
  r = find ();
  g_assert_nonnull (r);
  g_assert_cmpstr (r->path, ==, path);
  g_assert_true (g_file_equal (r->origin, origin));
  g_assert_cmpstr (hb_post_get_field (r->post, HB_FIELD_BODY), ==, "Kerja yang belum disimpan");
  g_assert_nonnull (r->when);
  hb_autosave_delete (path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (find ());
}

static void
test_new_post_has_no_origin (void)
{
  g_autofree char *path = hb_autosave_new_path ();
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbRecovery) r = NULL;

  write_backup (path, post, NULL);
  r = find ();
  g_assert_nonnull (r);
  g_assert_null (r->origin);
  hb_autosave_delete (path);
}

/* A damaged backup is not offered, and does not stay around either. */
static void
test_damaged_backup_removed (void)
{
  g_autofree char *path = hb_autosave_new_path ();
  g_autofree char *dir = hb_autosave_dir ();

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  g_assert_null (find ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ */
/* Killed while saving                                                 */

#define KILLS 50

/* Version @n of the post: "versi N:" then a filler whose length depends
 * on @n (100–400 KB, so that a save takes a while and sizes differ). */
static char *
version_body (guint n)
{
  gsize len = 100000 + (n * 7919u) % 300000;
  g_autofree char *filler = g_strnfill (len, 'a' + n % 26);

  return g_strdup_printf ("versi %u:%s", n, filler);
}

/* The version a backup holds, checking that it is exactly that version's
 * text; 0 when there is no backup yet. */
static guint
version_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HbPost) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char *body;
  guint n;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  post = hb_draft_load (file, NULL, &error);
  g_assert_no_error (error);
  body = hb_post_get_field (post, HB_FIELD_BODY);
  g_assert_cmpint (sscanf (body, "versi %u:", &n), ==, 1);
  expected = version_body (n);
  g_assert_cmpstr (body, ==, expected);
  return n;
}

static void
set_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hb_autosave_write_finish (result, &error));
  *(gboolean *) user_data = TRUE;
}

/* `test-autosave --writer PATH FIRST`: saves versions FIRST, FIRST + 1, …
 * to PATH through hb_autosave_write_async(), as the window does, printing
 * each version once its save has finished, until it is killed. */
static int
run_writer (const char *path,
            guint       first)
{
  g_autoptr(GFile) origin = g_file_new_for_path ("/srv/hebahan/post.hebahan");

  for (guint n = first; ; n++)
    {
      g_autoptr(HbPost) post = hb_post_new ();
      g_autofree char *body = version_body (n);
      g_autoptr(GBytes) bytes = NULL;
      gboolean done = FALSE;

      hb_post_set_field (post, HB_FIELD_BODY, body);
      bytes = hb_draft_to_bytes (post, NULL);
      hb_autosave_write_async (path, bytes, origin, NULL, set_done, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      printf ("%u\n", n);
      fflush (stdout);
    }
  return 0;
}

/* Starts a writer, lets it save at least once, kills it with SIGKILL at a
 * random moment; returns the last version it reported as saved. */
static guint
kill_writer (const char *path,
             guint       first)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *first_arg = g_strdup_printf ("%u", first);
  const char *argv[] = { self, "--writer", path, first_arg, NULL };
  g_autoptr(GIOChannel) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL, *rest = NULL;
  guint last = 0;
  GPid pid;
  int fd, status;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &fd, NULL, &error));
  g_assert_no_error (error);
  out = g_io_channel_unix_new (fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  /* One finished save first, so that the kill lands in the save loop
   * rather than in start-up. */
  g_assert_cmpint (g_io_channel_read_line (out, &line, NULL, NULL, NULL), ==, G_IO_STATUS_NORMAL);
  last = strtoul (line, NULL, 10);
  g_usleep (g_test_rand_int_range (0, 40000));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  if (g_io_channel_read_to_end (out, &rest, NULL, NULL) == G_IO_STATUS_NORMAL && rest)
    {
      g_auto(GStrv) lines = g_strsplit (g_strstrip (rest), "\n", -1);

      for (guint i = 0; lines[i]; i++)
        if (*lines[i])
          last = strtoul (lines[i], NULL, 10);
    }
  return last;
}

static guint
count_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    n += name[0] == '.';
  return n;
}

/* Puts every leftover's time an hour back: the next start, later. */
static void
age_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    if (name[0] == '.')
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

        g_assert_cmpint (g_utime (path, &old), ==, 0);
      }
}

/* kill -9 during autosave, 50 times: the backup on disk is always the
 * version last reported saved or the one after it, complete; what the
 * kills leave behind is removed when a later start looks for backups,
 * except a fresh temporary file, which may be a save in progress. */
static void
test_killed_while_saving (void)
{
  g_autofree char *path = hb_autosave_new_path ();
  g_autofree char *dir = hb_autosave_dir ();
  g_autofree char *fresh = g_build_filename (dir, ".lain.hebahan" HB_DRAFT_TEMP_INFIX "abc123", NULL);
  g_autoptr(HbRecovery) r = NULL;
  guint on_disk = 0, newer = 0, leftovers;

  for (guint i = 0; i < KILLS; i++)
    {
      guint reported = kill_writer (path, on_disk + 1);
      guint now = version_on_disk (path);

      g_assert_true (now == reported || now == reported + 1);
      newer += now == reported + 1;
      on_disk = now;
    }
  leftovers = count_leftovers (dir);
  g_test_message ("%u kills: %u left the save in flight on disk, %u temporary files left behind",
                  KILLS, newer, leftovers);

  age_leftovers (dir);
  g_assert_true (g_file_set_contents (fresh, "half", -1, NULL));
  r = find ();
  g_assert_nonnull (r);
  g_assert_cmpstr (r->path, ==, path);
  g_assert_cmpstr (g_file_peek_path (r->origin), ==, "/srv/hebahan/post.hebahan");
  g_assert_cmpuint (version_on_disk (path), ==, on_disk);
  g_assert_cmpuint (count_leftovers (dir), ==, 1);
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_unlink (fresh);
  hb_autosave_delete (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], strtoul (argv[3], NULL, 10));
  home = g_dir_make_tmp ("hb-autosave-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/autosave/round-trip", test_round_trip);
  g_test_add_func ("/autosave/new-post-has-no-origin", test_new_post_has_no_origin);
  g_test_add_func ("/autosave/damaged-backup-removed", test_damaged_backup_removed);
  g_test_add_func ("/autosave/killed-while-saving", test_killed_while_saving);
  return g_test_run ();
}
