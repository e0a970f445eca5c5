/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-autosave.c — backups of unsaved posts, and finding them again after
 * a crash.
 *
 * A backup is a draft file in $XDG_DATA_HOME/hebahan/autosave/ with a
 * sidecar NAME.origin holding the URI of the draft it belongs to (empty
 * for a new post).  A window that closes cleanly deletes its backup, so
 * any backup found at start-up is work a crash or kill left behind; so
 * are temporary files of saves that never finished, which are removed.
 */
#include "config.h"

#include "hb-autosave.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hb-draft.h"

#define ORIGIN_SUFFIX ".origin"

char *
hb_autosave_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "hebahan", "autosave", NULL);
}

char *
hb_autosave_new_path (void)
{
  g_autofree char *dir = hb_autosave_dir ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (uuid, ".hebahan", NULL);

  return g_build_filename (dir, name, NULL);
}

typedef struct
{
  char   *path;
  GBytes *bytes;
  char   *origin;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_bytes_unref (job->bytes);
  g_free (job->origin);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autofree char *origin_path = g_strconcat (job->path, ORIGIN_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autoptr(GFile) origin_file = g_file_new_for_path (origin_path);
  g_autoptr(GBytes) origin = g_bytes_new (job->origin ? job->origin : "", job->origin ? strlen (job->origin) : 0);
  GError *error = NULL;

  g_mkdir_with_parents (dir, 0700);
  /* The origin first: a recovered post must know which file it belongs
   * to.  Both are written the atomic way drafts are, so a kill leaves the
   * old or the new backup, never half of one. */
  if (!hb_draft_save_bytes (origin, origin_file, cancellable, &error) ||
      !hb_draft_save_bytes (job->bytes, file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes @draft (hb_draft_to_bytes() with absolute media paths, as the
 * backup lives elsewhere than the draft) to @path in a worker thread. */
void
hb_autosave_write_async (const char          *path,
                         GBytes              *draft,
                         GFile               *origin,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (draft != NULL);
  g_return_if_fail (origin == NULL || G_IS_FILE (origin));

  task = g_task_new (NULL, cancellable, callback, user_data);
  job = g_new0 (WriteJob, 1);
  job->path = g_strdup (path);
  job->bytes = g_bytes_ref (draft);
  job->origin = origin ? g_file_get_uri (origin) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
hb_autosave_write_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hb_autosave_delete (const char *path)
{
  g_autofree char *origin = g_strconcat (path, ORIGIN_SUFFIX, NULL);

  g_unlink (path);
  g_unlink (origin);
}

static char *
newest_backup (gint64 *mtime)
{
  g_autofree char *dir = hb_autosave_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  char *best = NULL;
  const char *name;

  *mtime = 0;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".hebahan") && g_stat (path, &st) == 0 && st.st_mtime >= *mtime)
        {
          *mtime = st.st_mtime;
          g_free (best);
          best = g_steal_pointer (&path);
        }
    }
  return best;
}

/* What a killed writer leaves: a save's temporary file, or the origin of
 * a backup whose first save never finished. */
static gboolean
is_leftover (const char *dir,
             const char *name)
{
  g_autofree char *backup = NULL, *backup_path = NULL;

  if (hb_draft_is_temp_name (name, NULL))
    return TRUE;
  if (!g_str_has_suffix (name, ORIGIN_SUFFIX))
    return FALSE;
  backup = g_strndup (name, strlen (name) - strlen (ORIGIN_SUFFIX));
  backup_path = g_build_filename (dir, backup, NULL);
  return !g_file_test (backup_path, G_FILE_TEST_EXISTS);
}

/* Removes leftovers of writers killed mid-save.  Only old ones: a fresh
 * one may be another Hebahan's save in progress. */
static void
remove_leftovers (void)
{
  g_autofree char *dir = hb_autosave_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (is_leftover (dir, name) && g_lstat (path, &st) == 0 &&
          now - st.st_mtime > HB_DRAFT_TEMP_STALE_S)
        g_unlink (path);
    }
}

/* Reads the newest backup; an unreadable one helps nobody and is removed. */
static void
find_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(HbRecovery) r = g_new0 (HbRecovery, 1);
  g_autoptr(GFile) file = NULL;
  g_autofree char *origin_path = NULL, *origin = NULL;
  gint64 mtime;

  remove_leftovers ();
  r->path = newest_backup (&mtime);
  if (r->path == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  file = g_file_new_for_path (r->path);
  if ((r->post = hb_draft_load (file, cancellable, NULL)) == NULL)
    {
      hb_autosave_delete (r->path);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  origin_path = g_strconcat (r->path, ORIGIN_SUFFIX, NULL);
  if (g_file_get_contents (origin_path, &origin, NULL, NULL) && *origin)
    r->origin = g_file_new_for_uri (origin);
  r->when = g_date_time_new_from_unix_local (mtime);
  g_task_return_pointer (task, g_steal_pointer (&r), (GDestroyNotify) hb_recovery_free);
}

void
hb_autosave_find_async (GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_run_in_thread (task, find_thread);
}

/* Returns the newest backup with its post, or NULL when there is none. */
HbRecovery *
hb_autosave_find_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hb_recovery_free (HbRecovery *recovery)
{
  g_free (recovery->path);
  g_clear_object (&recovery->origin);
  g_clear_object (&recovery->post);
  g_clear_pointer (&recovery->when, g_date_time_unref);
  g_free (recovery);
}
