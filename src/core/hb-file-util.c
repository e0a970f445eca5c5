/* hb-file-util.c — file-system helpers GLib does not have. */
#include "hb-file-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hb-error.h"

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

/**
 * hb_file_open_regular:
 * @follow: whether a symbolic link at @path is followed
 * @max_size: the largest size accepted, or 0 for any
 *
 * Opens @path for reading only if it is a regular file, so that a FIFO, a
 * device such as /dev/zero or a socket named by a bundle, a draft or a
 * media path can neither block the caller nor feed it without end.  The
 * open itself cannot block (O_NONBLOCK), and the type is checked on the
 * file actually opened (fstat), not on a name that could change between
 * a check and the open.
 *
 * Returns: the file descriptor (close it), or -1 with @error set.
 */
int
hb_file_open_regular (const char  *path,
                      gboolean     follow,
                      goffset      max_size,
                      GError     **error)
{
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW);
  int fd = open (path, flags);
  struct stat st;

  if (fd < 0 && errno == ELOOP)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is a symbolic link, not a file"), path);
      return -1;
    }
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not read “%s”: %s"), path, g_strerror (saved));
      return -1;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file (a device, a pipe or a socket)"), path);
      return -1;
    }
  if (max_size > 0 && st.st_size > max_size)
    {
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      close (fd);
      g_set_error (error, HB_ERROR, HB_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, the most Hebahan reads"), path, limit);
      return -1;
    }
  /* Regular files never block; reads then behave as usual. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}
