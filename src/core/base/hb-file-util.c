/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-file-util.c — file-system helpers GLib does not have. */
#include "config.h"

#include "hb-file-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
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

/**
 * hb_file_is_temp_name:
 * @base: (nullable): the final file's name, or %NULL for any
 *
 * Whether @name is the name of a temporary file or folder that writing
 * @base (or anything) puts beside it.
 */
gboolean
hb_file_is_temp_name (const char *name,
                      const char *base)
{
  const char *rest;

  g_return_val_if_fail (name != NULL, FALSE);
  if (name[0] != '.')
    return FALSE;
  if (base == NULL)
    return strstr (name, HB_FILE_TEMP_INFIX) != NULL;
  if (!g_str_has_prefix (name + 1, base))
    return FALSE;
  rest = name + 1 + strlen (base);
  return g_str_has_prefix (rest, HB_FILE_TEMP_INFIX)
         && strlen (rest + strlen (HB_FILE_TEMP_INFIX)) == 6;
}

/**
 * hb_file_remove_stale_temps:
 * @base: (nullable): only the temporary files of writes of this name
 *
 * Removes from @dir what writers killed mid-write left behind: a save's
 * temporary file, or an export's temporary folder with part of a bundle
 * in it.  Only those older than HB_FILE_TEMP_STALE_S: a fresh one may be
 * another Hebahan's write in progress.  Links are never followed.
 */
void
hb_file_remove_stale_temps (const char *dir,
                            const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!hb_file_is_temp_name (name, base))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || now - st.st_mtime <= HB_FILE_TEMP_STALE_S)
        continue;
      if (S_ISREG (st.st_mode))
        g_unlink (path);
      else if (S_ISDIR (st.st_mode))
        hb_file_remove_tree (path);
    }
}

/**
 * hb_file_check_regular:
 * @max_size: the largest size accepted, or 0 for any
 *
 * Before a whole file is loaded (a draft, a policy pack): refuses a
 * device, a FIFO or a socket, which would block the load or feed it
 * without end (/dev/zero), and a file over @max_size.  Works through GIO,
 * so through the document portal too.  A file that cannot be queried is
 * let through: loading it says why it cannot be read.
 */
gboolean
hb_file_check_regular (GFile         *file,
                       goffset        max_size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  g_autofree char *name = g_file_get_basename (file);

  if (info == NULL)
    return TRUE;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file (a device, a pipe or a socket)"), name);
      return FALSE;
    }
  if (max_size > 0 && g_file_info_get_size (info) > max_size)
    {
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, HB_ERROR, HB_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, the most Hebahan reads"), name, limit);
      return FALSE;
    }
  return TRUE;
}
