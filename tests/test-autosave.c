/* test-autosave.c — backups are written, found again and removed. */
#include <glib/gstdio.h>

#include "hb-autosave.h"
#include "hb-draft.h"

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static HbRecovery *
find (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HbRecovery *r;

  hb_autosave_find_async (NULL, store_result, &result);
  r = hb_autosave_find_finish (wait_for (&result), &error);
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

  hb_autosave_write_async (path, bytes, origin, NULL, store_result, &result);
  g_assert_true (hb_autosave_write_finish (wait_for (&result), &error));
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

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("hb-autosave-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/autosave/round-trip", test_round_trip);
  g_test_add_func ("/autosave/new-post-has-no-origin", test_new_post_has_no_origin);
  g_test_add_func ("/autosave/damaged-backup-removed", test_damaged_backup_removed);
  return g_test_run ();
}
