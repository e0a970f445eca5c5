/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-test-util.c — helpers the core tests share. */
#include "hb-test-util.h"

#include <string.h>
#include <unistd.h>

#include "hb-checklist.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, hidden ones too, sorted, as one string "a b c". */
char *
hb_test_list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Mounts a tmpfs of @size ("64k") on the existing folder @dir, to fill a
 * disk.  Only root can; FALSE when it could not, and the test should
 * skip. */
gboolean
hb_test_mount_small_disk (const char *dir,
                          const char *size)
{
  g_autofree char *command = g_strdup_printf ("mount -t tmpfs -o size=%s tmpfs '%s'", size, dir);
  int status = -1;

  return geteuid () == 0
         && g_spawn_command_line_sync (command, NULL, NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

void
hb_test_unmount (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("umount '%s'", dir);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Ticks every confirm item as an officer would, with a note and a date
 * so that every kind of evidence an item asks for is given. */
void
hb_test_confirm_all (HbPost   *post,
                     HbPolicy *policy)
{
  const char * const dates[] = { "2026-11-18", NULL };

  for (guint i = 0; i < hb_policy_get_n_checklist (policy); i++)
    {
      const HbChecklistItem *item = hb_policy_get_checklist (policy, i);
      g_autoptr(GError) error = NULL;

      if (item->kind != HB_CHECK_CONFIRM)
        continue;
      hb_checklist_confirm (post, policy, item->id, "Aminah binti Hassan",
                            "Disemak dengan Encik Rahman, Bahagian Komunikasi Korporat",
                            dates, &error);
      g_assert_no_error (error);
    }
}

/* An async callback for tests: keeps @result in the GAsyncResult * that
 * @user_data points to (unref it when done). */
void
hb_test_store_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the default main context until hb_test_store_result() has filled
 * @slot, and returns what it holds. */
GAsyncResult *
hb_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}
