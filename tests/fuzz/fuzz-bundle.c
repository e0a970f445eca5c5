/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-bundle.c — libFuzzer target: hb_bundle_verify() on what a
 * recipient may be handed as a bundle.
 *
 * Two kinds of input.  One that starts like a zip ("PK") is written as a
 * .zip and verified as it is: libarchive's reader and our handling of its
 * entries.  Any other input is a bundle's files written out as text,
 *
 *   --- manifest.json
 *   {"format": "hebahan-bundle/2", "files": […], …}
 *   --- SHA256SUMS
 *   …
 *
 * and becomes both a folder and a zip (stored, with correct checksums, so
 * that mutations reach SHA256SUMS and the manifest rather than stopping
 * at a CRC error).  Verifying the folder and the zip must report the same
 * problems: the two paths share everything after reading.
 */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "hb-bundle.h"
#include "hb-file-util.h"
#include "hb-fuzz.h"

#define MAX_FILES 16
#define SEPARATOR "--- "

static char *scratch;  /* a private temporary folder, removed at exit */

static void
remove_scratch (void)
{
  hb_file_remove_tree (scratch);
  g_free (scratch);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hb_fuzz_init ();
  scratch = g_dir_make_tmp ("hb-fuzz-bundle-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  atexit (remove_scratch);
  return 0;
}

typedef struct
{
  char  *name;
  GBytes *contents;
} Entry;

static void
entry_free (Entry *e)
{
  g_free (e->name);
  g_bytes_unref (e->contents);
  g_free (e);
}

/* Relative paths only, of plain names: nothing may leave the folder. */
static gboolean
safe_name (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);

  if (*name == '\0' || g_strv_length (parts) > 3)
    return FALSE;
  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
        return FALSE;
      for (const char *p = parts[i]; *p; p++)
        if (!g_ascii_isalnum (*p) && !strchr ("._-", *p))
          return FALSE;
    }
  return TRUE;
}

/* A name that is already taken, or that is a folder of another entry's
 * path (or the reverse), cannot be both a file and a folder on disk. */
static gboolean
clashes (GPtrArray  *entries,
         const char *name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const char *other = ((Entry *) entries->pdata[i])->name;
      gsize a = strlen (name), b = strlen (other);

      if (strcmp (name, other) == 0 ||
          (a < b && strncmp (name, other, a) == 0 && other[a] == '/') ||
          (b < a && strncmp (name, other, b) == 0 && name[b] == '/'))
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
split_entries (const char *data,
               gsize       size)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  const char *end = data + size;
  const char *p = data;

  while (p < end && entries->len < MAX_FILES)
    {
      const char *eol, *next;
      g_autofree char *name = NULL;

      if ((gsize) (end - p) < strlen (SEPARATOR) || memcmp (p, SEPARATOR, strlen (SEPARATOR)) != 0)
        break;
      p += strlen (SEPARATOR);
      eol = memchr (p, '\n', end - p);
      eol = eol ? eol : end;
      name = g_strndup (p, eol - p);
      p = eol < end ? eol + 1 : end;
      next = g_strstr_len (p, end - p, "\n" SEPARATOR);
      next = next ? next : end;
      if (safe_name (name) && !clashes (entries, name))
        {
          Entry *e = g_new0 (Entry, 1);

          e->name = g_steal_pointer (&name);
          e->contents = g_bytes_new (p, next - p);
          g_ptr_array_add (entries, e);
        }
      p = next < end ? next + 1 : end;
    }
  return entries;
}

static gboolean
write_folder (GPtrArray  *entries,
              const char *dir)
{
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = entries->pdata[i];
      g_autofree char *path = g_build_filename (dir, e->name, NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      gsize len = 0;
      const char *contents = g_bytes_get_data (e->contents, &len);

      if (g_mkdir_with_parents (parent, 0700) != 0 ||
          !g_file_set_contents (path, contents ? contents : "", len, NULL))
        return FALSE;
    }
  return TRUE;
}

static void
write_zip (GPtrArray  *entries,
           const char *path)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  archive_write_set_options (a, "zip:compression=store");
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = entries->pdata[i];
      g_autofree char *name = g_strconcat ("bundle/", e->name, NULL);
      struct archive_entry *entry = archive_entry_new ();
      gsize len = 0;
      const char *contents = g_bytes_get_data (e->contents, &len);

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, len);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      if (len > 0)
        g_assert_cmpint (archive_write_data (a, contents, len), ==, (la_ssize_t) len);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

static GPtrArray *
verify (const char  *path,
        char       **manifest_sha256)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = hb_bundle_verify_full (path, manifest_sha256, &error);

  g_assert_true ((problems == NULL) == (error != NULL));
  if (error)
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; problems && i < problems->len; i++)
    g_assert_true (g_utf8_validate (problems->pdata[i], -1, NULL));
  return problems;
}

static void
fuzz_files (const char *data,
            gsize       size)
{
  g_autoptr(GPtrArray) entries = split_entries (data, size);
  g_autofree char *dir = g_build_filename (scratch, "bundle", NULL);
  g_autofree char *zip = g_build_filename (scratch, "bundle.zip", NULL);
  g_autoptr(GPtrArray) from_dir = NULL, from_zip = NULL;
  g_autofree char *dir_sha = NULL, *zip_sha = NULL;
  gboolean written = write_folder (entries, dir);

  from_dir = verify (dir, &dir_sha);
  hb_file_remove_tree (dir);
  if (entries->len == 0 || !written)
    return;
  write_zip (entries, zip);
  from_zip = verify (zip, &zip_sha);
  g_unlink (zip);
  g_assert_nonnull (from_dir);
  g_assert_nonnull (from_zip);
  g_assert_cmpstr (dir_sha, ==, zip_sha);
  g_assert_cmpuint (from_dir->len, ==, from_zip->len);
  for (guint i = 0; i < from_dir->len; i++)
    g_assert_cmpstr (from_dir->pdata[i], ==, from_zip->pdata[i]);
}

static void
fuzz_zip (const uint8_t *data,
          size_t         size)
{
  g_autofree char *zip = g_build_filename (scratch, "raw.zip", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sha = NULL;

  g_assert_true (g_file_set_contents (zip, (const char *) data, size, NULL));
  problems = verify (zip, &sha);
  g_unlink (zip);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    fuzz_zip (data, size);
  else
    fuzz_files ((const char *) data, size);
  return 0;
}
