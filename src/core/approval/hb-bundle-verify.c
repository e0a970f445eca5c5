/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bundle-verify.c — checks a bundle, a folder or a .zip, against the
 * manifest its sign-off sheet names (DESIGN.md "Bundle", README's
 * "Integrity of a bundle").
 *
 * The head signs a sheet that prints the SHA-256 of manifest.json, and
 * manifest.json (format hebahan-bundle/2) lists every other file that is
 * posted or read — caption.txt, captions/<platform>.txt, alt-text.txt and
 * each file under media/ — with its SHA-256.  So every byte that gets posted is bound to
 * the signed digest.  Two files cannot be in that list: signoff.pdf
 * prints the manifest's digest (the manifest cannot hold the hash of a
 * file made from its own hash), and SHA256SUMS lists the rest for
 * `sha256sum -c`.  They are checked against SHA256SUMS only: the signed
 * paper, not the PDF copy, is what the digest is compared with.
 *
 * A zip and a folder are read into the same table, and every entry that
 * is not a plain file inside the bundle is reported, never read: a
 * symbolic or hard link, a FIFO, a device, a socket, a path with "..",
 * or an absolute one.  Files are opened without blocking and checked to
 * be regular first, so a FIFO in a folder cannot hang the check.
 */
#include "config.h"

#include "hb-bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-json.h"
#include "hb-json-reader.h"
#include "hb-sha256.h"

#define CHUNK_BYTES     (64 * 1024)
#define MAX_SMALL_FILE  (16 * 1024 * 1024)   /* SHA256SUMS and manifest.json */
#define SUMS            "SHA256SUMS"
#define MANIFEST        "manifest.json"
#define SIGNOFF         "signoff.pdf"

/* What an entry is when it is not a plain file inside the bundle. */
typedef enum
{
  ODD_LINK = 1,
  ODD_SPECIAL,
  ODD_OUTSIDE,
} OddKind;

typedef struct
{
  GHashTable *hashes;    /* relative path → hex SHA-256 of what is there */
  GHashTable *odd;       /* relative path → OddKind, for entries never read */
  GBytes     *sums;      /* SHA256SUMS */
  GBytes     *manifest;  /* manifest.json */
  GPtrArray  *twice;     /* paths a zip holds more than once */
} Contents;

static void
contents_clear (Contents *c)
{
  g_clear_pointer (&c->hashes, g_hash_table_unref);
  g_clear_pointer (&c->odd, g_hash_table_unref);
  g_clear_pointer (&c->twice, g_ptr_array_unref);
  g_clear_pointer (&c->sums, g_bytes_unref);
  g_clear_pointer (&c->manifest, g_bytes_unref);
}

static void
add_odd (Contents   *c,
         const char *rel,
         OddKind     kind)
{
  g_hash_table_insert (c->odd, g_strdup (rel), GINT_TO_POINTER (kind));
}

/* ------------------------------------------------------------------ */
/* Hashing an entry, keeping the two small files                       */

typedef struct
{
  HbSha256    sum;
  GByteArray *small;   /* NULL unless the file is one of the two kept */
} Sink;

static void
sink_init (Sink       *s,
           const char *rel)
{
  hb_sha256_init (&s->sum);
  s->small = strcmp (rel, SUMS) == 0 || strcmp (rel, MANIFEST) == 0 ? g_byte_array_new () : NULL;
}

static void
sink_feed (Sink       *s,
           const void *buf,
           gsize       n)
{
  hb_sha256_update (&s->sum, buf, n);
  if (s->small && s->small->len + n <= MAX_SMALL_FILE)
    g_byte_array_append (s->small, buf, n);
  else
    g_clear_pointer (&s->small, g_byte_array_unref);   /* too large to be either */
}

static void
sink_finish (Sink       *s,
             Contents   *c,
             const char *rel)
{
  if (s->small)
    {
      GBytes *bytes = g_byte_array_free_to_bytes (g_steal_pointer (&s->small));

      if (strcmp (rel, SUMS) == 0)
        c->sums = bytes;
      else
        c->manifest = bytes;
    }
  g_hash_table_insert (c->hashes, g_strdup (rel), hb_sha256_finish_hex (&s->sum));
}

/* ------------------------------------------------------------------ */
/* A folder                                                            */

static gboolean
read_folder_file (Contents    *c,
                  const char  *path,
                  const char  *rel,
                  GError     **error)
{
  g_autofree guint8 *buf = g_malloc (CHUNK_BYTES);
  int fd = hb_file_open_regular (path, FALSE, 0, error);
  gssize n;
  Sink s;

  if (fd < 0)
    return FALSE;
  sink_init (&s, rel);
  while ((n = read (fd, buf, CHUNK_BYTES)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      sink_feed (&s, buf, n);
  if (n < 0)
    {
      int saved = errno;

      close (fd);
      g_clear_pointer (&s.small, g_byte_array_unref);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not read “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  sink_finish (&s, c, rel);
  return TRUE;
}

static gboolean read_folder (Contents    *c,
                             const char  *root,
                             const char  *rel,
                             GError     **error);

/* lstat(), so that a link is reported rather than followed and a FIFO or
 * a device is never opened. */
static gboolean
read_folder_entry (Contents    *c,
                   const char  *root,
                   const char  *rel,
                   GError     **error)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not read “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  /* A hard link shares its bytes with a file outside the bundle, which
   * can change them after the check: reported like a symbolic link, as a
   * zip's hard-link entry is. */
  if (S_ISLNK (st.st_mode) || (S_ISREG (st.st_mode) && st.st_nlink > 1))
    add_odd (c, rel, ODD_LINK);
  else if (S_ISDIR (st.st_mode))
    return read_folder (c, root, rel, error);
  else if (!S_ISREG (st.st_mode))
    add_odd (c, rel, ODD_SPECIAL);
  else
    return read_folder_file (c, path, rel, error);
  return TRUE;
}

static gboolean
read_folder (Contents    *c,
             const char  *root,
             const char  *rel,
             GError     **error)
{
  g_autofree char *dir_path = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  const char *entry;

  if (dir == NULL)
    return FALSE;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = rel ? g_strdup_printf ("%s/%s", rel, entry) : g_strdup (entry);

      if (!read_folder_entry (c, root, child_rel, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* A zip                                                               */

/* A name unzip would write outside the folder it extracts into (or that
 * Windows would: a backslash separates folders there). */
static gboolean
outside_tree (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '/' || strchr (name, '\\') != NULL)
    return TRUE;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (strcmp (parts[i], "..") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
hash_zip_data (Contents        *c,
               struct archive  *a,
               const char      *rel,
               GError         **error)
{
  g_autofree guint8 *buf = g_malloc (CHUNK_BYTES);
  la_ssize_t n;
  Sink s;

  sink_init (&s, rel);
  while ((n = archive_read_data (a, buf, CHUNK_BYTES)) > 0)
    sink_feed (&s, buf, n);
  if (n < 0)
    {
      g_clear_pointer (&s.small, g_byte_array_unref);
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_BUNDLE, "%s", archive_error_string (a));
      return FALSE;
    }
  sink_finish (&s, c, rel);
  return TRUE;
}

/* Entries are "<name>/<path>"; the top folder is dropped.  Links, special
 * entries and paths out of the tree are reported as the same entries of
 * a folder are: their bytes are never taken for a file's. */
static gboolean
read_zip_entry (Contents              *c,
                struct archive        *a,
                struct archive_entry  *entry,
                GError               **error)
{
  const char *name = archive_entry_pathname (entry);
  const char *slash = name ? strchr (name, '/') : NULL;
  const char *rel = slash && slash[1] ? slash + 1 : name;
  mode_t type = archive_entry_filetype (entry);

  if (name == NULL || (type == AE_IFDIR && !outside_tree (name)))
    return TRUE;
  if (outside_tree (name))
    rel = name;
  /* A zip may hold one path twice (unzip would extract either); such a
   * bundle is not the one that was signed, whichever copy is checked. */
  if (g_hash_table_contains (c->hashes, rel) || g_hash_table_contains (c->odd, rel))
    {
      g_ptr_array_add (c->twice, g_strdup (rel));
      return TRUE;
    }
  if (outside_tree (name))
    add_odd (c, rel, ODD_OUTSIDE);
  else if (type == AE_IFLNK || archive_entry_hardlink (entry) != NULL)
    add_odd (c, rel, ODD_LINK);
  else if (type != AE_IFREG)
    add_odd (c, rel, ODD_SPECIAL);
  else
    return hash_zip_data (c, a, rel, error);
  return TRUE;
}

/* Opened without blocking and only when it is a regular file: a FIFO
 * named as the bundle is refused, not waited on. */
static gboolean
read_zip (Contents    *c,
          const char  *path,
          GError     **error)
{
  struct archive *a;
  struct archive_entry *entry;
  gboolean ok = TRUE;
  int fd, r;

  if ((fd = hb_file_open_regular (path, TRUE, 0, error)) < 0)
    return FALSE;
  a = archive_read_new ();
  archive_read_support_format_zip (a);
  if (archive_read_open_fd (a, fd, CHUNK_BYTES) != ARCHIVE_OK)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_BUNDLE, _("Could not read “%s”: %s"),
                   path, archive_error_string (a));
      archive_read_free (a);
      close (fd);
      return FALSE;
    }
  while (ok && (r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    ok = read_zip_entry (c, a, entry, error);
  if (ok && r != ARCHIVE_EOF)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_BUNDLE, _("Could not read “%s”: %s"),
                   path, archive_error_string (a));
      ok = FALSE;
    }
  archive_read_free (a);
  close (fd);
  return ok;
}

static gboolean
read_contents (Contents    *c,
               const char  *path,
               GError     **error)
{
  c->hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->odd = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->twice = g_ptr_array_new_with_free_func (g_free);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return read_folder (c, path, NULL, error);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” does not exist"), path);
      return FALSE;
    }
  return read_zip (c, path, error);
}

/* ------------------------------------------------------------------ */
/* SHA256SUMS and the manifest                                         */

/* SHA256SUMS as `sha256sum` writes it: "<hex>  <path>" or "<hex> *<path>". */
static GHashTable *
parse_sums (GBytes    *sums,
            GPtrArray *problems)
{
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize size = 0;
  const char *data = sums ? g_bytes_get_data (sums, &size) : NULL;
  /* An empty file's bytes may have no data at all. */
  g_autofree char *text = g_strndup (data ? data : "", size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (*line == '\0')
        continue;
      if (strlen (line) < 67 || line[64] != ' ' || (line[65] != ' ' && line[65] != '*'))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("SHA256SUMS: line %u is not a checksum line"), i + 1));
          continue;
        }
      g_hash_table_insert (listed, g_strdup (line + 66), g_ascii_strdown (line, 64));
    }
  return listed;
}

/* A string member of @r; "" when absent or of another type (a manifest
 * is outside input: a number or an object where a string belongs must be
 * a mismatch, not a crash). */
static const char *
string_member (const HbJsonReader *r,
               const char         *name)
{
  HbJsonReader member;
  const char *s;

  hb_json_reader_member (r, name, &member);
  s = hb_json_reader_peek_string (&member);
  return s ? s : "";
}

/* The length of array member @name of @r; FALSE when it is not an array. */
static gboolean
array_member (const HbJsonReader *r,
              const char         *name,
              HbJsonReader       *member,
              guint              *length)
{
  JsonNode *node;

  hb_json_reader_member (r, name, member);
  node = hb_json_reader_get_node (member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  *length = hb_json_reader_get_size (member);
  return TRUE;
}

/* The manifest's "files": path → hex SHA-256, or NULL (with a problem)
 * when the manifest is missing, unreadable or of another format. */
static GHashTable *
manifest_files (const HbJsonReader *root,
                GPtrArray          *problems)
{
  const char *format = string_member (root, "format");
  HbJsonReader files, media;
  guint n_files = 0, n_media = 0;
  GHashTable *table;

  if (strcmp (format, "hebahan-bundle/1") == 0)
    {
      g_ptr_array_add (problems, g_strdup (_("manifest.json: a hebahan-bundle/1 manifest does not list the "
                                             "captions and alt texts, so they cannot be checked: export the post again")));
      return NULL;
    }
  if (strcmp (format, HB_BUNDLE_FORMAT) != 0 || !array_member (root, "files", &files, &n_files) ||
      !array_member (root, "media", &media, &n_media))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("manifest.json: not a %s manifest"), HB_BUNDLE_FORMAT));
      return NULL;
    }
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n_files; i++)
    {
      HbJsonReader file;

      hb_json_reader_element (&files, i, &file);
      if (*string_member (&file, "path") == '\0')
        continue;
      g_hash_table_insert (table, g_strdup (string_member (&file, "path")),
                           g_ascii_strdown (string_member (&file, "sha256"), -1));
    }
  return table;
}

/* Each media entry names a file of the list, with the same hash. */
static void
check_media (const HbJsonReader *root,
             GHashTable         *files,
             GPtrArray          *problems)
{
  HbJsonReader media;
  guint n = 0;

  array_member (root, "media", &media, &n);
  for (guint i = 0; i < n; i++)
    {
      HbJsonReader item;
      const char *file, *listed;

      hb_json_reader_element (&media, i, &item);
      file = string_member (&item, "file");
      listed = g_hash_table_lookup (files, file);
      if (listed == NULL || *listed == '\0' ||
          g_ascii_strcasecmp (listed, string_member (&item, "sha256")) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("manifest.json: the hash of %s does not match its list of files"), file));
    }
}

/* Copies into @to each entry of @from it does not have. */
static void
copy_missing (GHashTable *to,
              GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (to, key))
      g_hash_table_insert (to, g_strdup (key), g_strdup (value));
}

/* What each file should hash to: the manifest's list, plus signoff.pdf
 * and manifest.json from SHA256SUMS.  Without a usable manifest,
 * SHA256SUMS alone (already reported as not enough). */
static GHashTable *
expected_files (GBytes     *manifest,
                GHashTable *listed,
                GPtrArray  *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  HbJsonReader root;
  GHashTable *files = NULL;
  const char *uncovered[] = { SIGNOFF, MANIFEST };

  /* An empty or blank manifest loads, with no root at all: every member
   * then reads as absent.  The walk records nothing; what does not match
   * is reported as a mismatch of the bundle, below. */
  if (manifest)
    hb_json_load (parser, g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest), &error);
  hb_json_reader_init (&root, error ? NULL : json_parser_get_root (parser), NULL);
  if (error)
    g_ptr_array_add (problems, g_strdup_printf (_("manifest.json: %s"), error->message));
  else if (manifest)
    files = manifest_files (&root, problems);
  if (files == NULL)
    {
      files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      copy_missing (files, listed);
      return files;
    }
  check_media (&root, files, problems);
  for (guint i = 0; i < G_N_ELEMENTS (uncovered); i++)
    if (g_hash_table_contains (listed, uncovered[i]) && !g_hash_table_contains (files, uncovered[i]))
      g_hash_table_insert (files, g_strdup (uncovered[i]), g_strdup (g_hash_table_lookup (listed, uncovered[i])));
  return files;
}

/* ------------------------------------------------------------------ */
/* Comparing                                                           */

typedef enum { MISSING, CHANGED, ADDED, TWICE, LINK, SPECIAL, OUTSIDE, UNLISTED, SUM_WRONG } FileProblem;

/* "changed: NAME".  A name in a zip or in SHA256SUMS is any bytes, and
 * problems are shown to people, so it is made UTF-8 for the message only:
 * the comparison itself stays byte for byte. */
static void
add_file_problem (GPtrArray   *problems,
                  FileProblem  kind,
                  const char  *name)
{
  g_autofree char *shown = g_utf8_make_valid (name, -1);
  char *line = NULL;

  switch (kind)
    {
    case MISSING: line = g_strdup_printf (_("missing: %s"), shown); break;
    case CHANGED: line = g_strdup_printf (_("changed: %s"), shown); break;
    case ADDED: line = g_strdup_printf (_("added: %s"), shown); break;
    /* TRANSLATORS: a path that is in a bundle's zip twice */
    case TWICE: line = g_strdup_printf (_("duplicate: %s"), shown); break;
    /* TRANSLATORS: a symbolic or hard link in a bundle, which is never followed */
    case LINK: line = g_strdup_printf (_("link: %s"), shown); break;
    /* TRANSLATORS: a FIFO, a device or a socket in a bundle */
    case SPECIAL: line = g_strdup_printf (_("special file: %s"), shown); break;
    /* TRANSLATORS: a zip entry with “..” or an absolute path */
    case OUTSIDE: line = g_strdup_printf (_("outside the bundle: %s"), shown); break;
    case UNLISTED: line = g_strdup_printf (_("SHA256SUMS: %s is not listed"), shown); break;
    case SUM_WRONG: line = g_strdup_printf (_("SHA256SUMS: the hash of %s is wrong"), shown); break;
    }
  g_ptr_array_add (problems, line);
}

typedef struct
{
  Contents   *c;
  GHashTable *expected;  /* path → hash the manifest (or SHA256SUMS) gives */
  GHashTable *listed;    /* SHA256SUMS */
  GPtrArray  *problems;
} Check;

static void
check_name (Check      *k,
            const char *name)
{
  OddKind odd = GPOINTER_TO_INT (g_hash_table_lookup (k->c->odd, name));
  const char *actual = g_hash_table_lookup (k->c->hashes, name);
  const char *want = g_hash_table_lookup (k->expected, name);
  const char *sum = g_hash_table_lookup (k->listed, name);

  if (odd)
    {
      add_file_problem (k->problems, odd == ODD_LINK ? LINK : odd == ODD_SPECIAL ? SPECIAL : OUTSIDE, name);
      return;
    }
  if (strcmp (name, SUMS) == 0)
    return;
  /* manifest.json is checked against the digest on the signed paper. */
  if (strcmp (name, MANIFEST) == 0 && actual)
    want = actual;
  if (actual == NULL)
    add_file_problem (k->problems, MISSING, name);
  else if (want == NULL)
    add_file_problem (k->problems, ADDED, name);
  else if (strcmp (actual, want) != 0)
    add_file_problem (k->problems, CHANGED, name);
  else if (k->c->sums && sum == NULL)
    add_file_problem (k->problems, UNLISTED, name);
  else if (sum && strcmp (sum, actual) != 0)
    add_file_problem (k->problems, SUM_WRONG, name);
}

static void
add_keys (GHashTable *set,
          GHashTable *table)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (set, key);
}

/* Every name that is there, that the manifest names or SHA256SUMS lists,
 * once, in order. */
static void
compare (Check *k)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) sorted = NULL;

  add_keys (names, k->c->hashes);
  add_keys (names, k->c->odd);
  add_keys (names, k->expected);
  add_keys (names, k->listed);
  g_hash_table_add (names, (gpointer) MANIFEST);
  sorted = g_list_sort (g_hash_table_get_keys (names), (GCompareFunc) strcmp);
  for (GList *l = sorted; l; l = l->next)
    check_name (k, l->data);
}

GPtrArray *
hb_bundle_verify_full (const char  *path,
                       char       **manifest_sha256,
                       GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) listed = NULL, expected = NULL;
  Contents c = { NULL, };
  Check k = { &c, NULL, NULL, problems };

  if (!read_contents (&c, path, error))
    {
      contents_clear (&c);
      return NULL;
    }
  if (c.sums == NULL && g_hash_table_contains (c.hashes, SUMS))
    g_ptr_array_add (problems, g_strdup_printf (_("SHA256SUMS: larger than %d MiB"), MAX_SMALL_FILE >> 20));
  else if (c.sums == NULL && !g_hash_table_contains (c.odd, SUMS))
    g_ptr_array_add (problems, g_strdup_printf (_("missing: %s"), SUMS));
  listed = parse_sums (c.sums, problems);
  if (c.manifest == NULL && g_hash_table_contains (c.hashes, MANIFEST))
    g_ptr_array_add (problems, g_strdup_printf (_("manifest.json: larger than %d MiB"), MAX_SMALL_FILE >> 20));
  expected = expected_files (c.manifest, listed, problems);
  k.expected = expected, k.listed = listed;
  compare (&k);
  for (guint i = 0; i < c.twice->len; i++)
    add_file_problem (problems, TWICE, c.twice->pdata[i]);
  if (manifest_sha256)
    *manifest_sha256 = g_strdup (g_hash_table_lookup (c.hashes, MANIFEST));
  contents_clear (&c);
  return g_steal_pointer (&problems);
}

GPtrArray *
hb_bundle_verify (const char  *path,
                  GError     **error)
{
  return hb_bundle_verify_full (path, NULL, error);
}
