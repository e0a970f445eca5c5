/* hb-file-util.c — file-system helpers GLib does not have. */
#include "hb-file-util.h"

#include <glib/gstdio.h>

/**
 * hb_file_remove_tree:
 *
 * Removes @path and everything under it, as far as it can; symbolic links
 * are removed, never followed.  Meant for Hebahan's own temporary folders,
 * which hold plain files and folders.
 */
void
hb_file_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  while (dir && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, entry, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        hb_file_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
