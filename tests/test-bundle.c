/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle.c — bundle export and verify, checked with outside tools.
 *
 * The checklist's "page reviewed today" answer is only good for the day it
 * was given, so a finished draft cannot be stored once for all: every test
 * answers tests/fixtures/complete.hebahan's confirm items through the API
 * into a temporary folder.  `test-bundle --write-fixture FILE` does the same
 * to refresh the stored fixture.
 */
#include <archive.h>
#include <archive_entry.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gst/gst.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "hb-bundle.h"
#include "hb-media-measure.h"
#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-test-util.h"

#define WHO "Pegawai Komunikasi Korporat"

typedef struct
{
  char     *dir;      /* temporary folder */
  char     *draft;    /* the finished draft in it */
  HbPolicy *policy;
  HbPost   *post;
} Fixture;

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "complete.hebahan", NULL);
}

/* The photos and the video measured as the window and hebahan-cli measure
 * them, and the warnings that leaves (a bright PNG, a short video)
 * acknowledged with a reason, as an officer does in the window. */
static void
acknowledge_media (HbPolicy *policy,
                   HbPost   *post)
{
  g_autoptr(GPtrArray) findings = NULL;

  /* A test's hostile item (a FIFO, a missing file) stays unmeasured,
   * as in the window; the export refuses it on its own. */
  hb_post_measure_media (post, NULL);
  findings = hb_post_lint (policy, post, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];

      if (!pf->acknowledged && hb_finding_get_severity (pf->finding) == HB_SEVERITY_WARNING)
        hb_post_add_ack (post, hb_finding_get_rule_id (pf->finding), pf->finding->text,
                         "Foto dan video ini sahaja yang ada daripada program.", WHO);
    }
}

/* Every confirm item that is not answered yet gets a plausible answer. */
static void
answer_all (HbPolicy *policy,
            HbPost   *post)
{
  g_autoptr(GPtrArray) statuses = NULL;
  const char * const dates[] = { "2026-11-20", NULL };

  acknowledge_media (policy, post);
  statuses = hb_checklist_evaluate (policy, post, NULL, HB_LANG_MS);

  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];
      g_autoptr(GError) error = NULL;

      if (s->complete || s->item->kind != HB_CHECK_CONFIRM)
        continue;
      hb_checklist_confirm (post, policy, s->item->id, WHO, "Disahkan dengan Encik Azman, Unit Komunikasi",
                            g_strcmp0 (s->item->evidence, "dates") == 0 ? dates : NULL, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *source = fixture_path ();
  g_autoptr(GFile) in = g_file_new_for_path (source);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hb-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  f->policy = hb_policy_new_builtin ();
  f->post = hb_draft_load (in, NULL, &error);
  g_assert_no_error (error);
  if (data == NULL)
    answer_all (f->policy, f->post);
  else
    for (guint i = 0; i < hb_policy_get_n_checklist (f->policy); i++)
      hb_checklist_clear (f->post, hb_policy_get_checklist (f->policy, i)->id);
  f->draft = g_build_filename (f->dir, "complete.hebahan", NULL);
  out = g_file_new_for_path (f->draft);
  hb_draft_save (f->post, out, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0755);
  hb_file_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->draft);
  g_clear_object (&f->policy);
  g_clear_object (&f->post);
}

/* Runs a program; returns its exit status (-1 when it could not run). */
static int
run (const char * const *argv,
     const char         *cwd,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_ignored = NULL, *err_ignored = NULL;
  int status = 0;

  /* Captured even when unused: the TAP stream must stay clean. */
  if (!g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out ? out : &out_ignored, err ? err : &err_ignored, &status, &error))
    return -1;
  if (!WIFEXITED (status))
    return -1;
  return WEXITSTATUS (status);
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_test_skip_printf ("%s is not installed", name);
  return path != NULL;
}

static const char *
cli (void)
{
  return g_getenv ("HB_CLI");
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Whitespace collapsed to one space: pdftotext breaks lines where the
 * sheet wraps them. */
static char *
squeeze (const char *text,
         gboolean    drop)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isspace (*p))
        g_string_append_c (out, *p);
      else if (!drop && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */

static void
test_default_name (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *name = hb_bundle_default_name (f->post);

  g_assert_cmpstr (name, ==, "2026-12-12-program-kebersihan-taman-selasih");
}

typedef struct
{
  guint         calls;
  double        last;
  guint         cancel_at;  /* 0: never */
  GCancellable *cancellable;
} Progress;

static void
on_progress (double      fraction,
             const char *what,
             gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_true (what && *what);
  p->last = fraction;
  if (++p->calls == p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_export_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "bundle", NULL);
  g_autofree char *manifest = g_build_filename (dest, "manifest.json", NULL);
  g_autofree char *digest = NULL, *actual = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  Progress p = { 0, };
  g_autofree char *top = NULL, *media = NULL;
  g_autofree char *media_dir = g_build_filename (dest, "media", NULL);

  g_assert_true (hb_bundle_export (f->policy, f->post, dest, on_progress, &p, NULL, &digest, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (p.last, ==, 1.0);
  g_assert_cmpuint (p.calls, >=, 6);
  actual = file_sha256 (manifest);
  g_assert_cmpstr (digest, ==, actual);
  top = hb_test_list_dir (dest);
  g_assert_cmpstr (top, ==, "SHA256SUMS alt-text.txt caption.txt captions manifest.json media signoff.pdf");
  media = hb_test_list_dir (media_dir);
  g_assert_cmpstr (media, ==, "01-taman-selasih.jpg 02-dewan-serbaguna.png 03-program.webm");
  problems = hb_bundle_verify (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Nothing but the draft and the bundle: no temporary folder left. */
  g_clear_pointer (&top, g_free);
  top = hb_test_list_dir (f->dir);
  g_assert_cmpstr (top, ==, "bundle complete.hebahan");

  /* A folder is never replaced. */
  g_assert_false (hb_bundle_export (f->policy, f->post, dest, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
flip_byte (const char *path,
           gsize       at)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, at);
  data[at] ^= 0x01;
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *line)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (problems->pdata[i], line) == 0)
      return TRUE;
  return FALSE;
}

static void
test_verify_detects (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "bundle", NULL);
  g_autofree char *photo = g_build_filename (dest, "media", "01-taman-selasih.jpg", NULL);
  g_autofree char *alt = g_build_filename (dest, "alt-text.txt", NULL);
  g_autofree char *extra = g_build_filename (dest, "media", "extra.jpg", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hb_bundle_export (f->policy, f->post, dest, NULL, NULL, NULL, NULL, &error));
  flip_byte (photo, 1000);
  g_unlink (alt);
  g_assert_true (g_file_set_contents (extra, "x", 1, NULL));
  problems = hb_bundle_verify (dest, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (problems, "changed: media/01-taman-selasih.jpg"));
  g_assert_true (has_problem (problems, "missing: alt-text.txt"));
  g_assert_true (has_problem (problems, "added: media/extra.jpg"));
}

/* A zip of @names[i] → @contents[i], under a top folder as exports have. */
static void
write_zip (const char         *path,
           const char * const *names,
           const char * const *contents)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *name = g_strconcat ("bundle/", names[i], NULL);
      struct archive_entry *entry = archive_entry_new ();
      gsize len = strlen (contents[i]);

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, len);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, contents[i], len), ==, (la_ssize_t) len);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

static GPtrArray *
verify_zip (Fixture            *f,
            const char * const *names,
            const char * const *contents)
{
  g_autofree char *path = g_build_filename (f->dir, "hostile.zip", NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  write_zip (path, names, contents);
  problems = hb_bundle_verify (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("%s", (const char *) problems->pdata[i]);
      g_assert_true (g_utf8_validate (problems->pdata[i], -1, NULL));
    }
  return problems;
}

/* Bundles nobody exported, as fuzz-bundle made them: each used to crash
 * `hebahan-cli verify` or trip a GLib critical.  Each must be reported. */
static void
test_verify_hostile (Fixture       *f,
                     gconstpointer  data)
{
  static const char *sums_only[] = { "SHA256SUMS", NULL };
  static const char *with_manifest[] = { "SHA256SUMS", "manifest.json", NULL };
  static const char *not_utf8[] = { "SHA256SUMS", NULL };
  g_autoptr(GPtrArray) empty = NULL, types = NULL, shape = NULL, names = NULL;
  const char *zero = "0000000000000000000000000000000000000000000000000000000000000000";
  g_autofree char *sums = g_strdup_printf ("%s  manifest.json\n%s  caption.txt\n%s  a\xff.jpg\n",
                                           zero, zero, zero);

  /* An empty SHA256SUMS (a segmentation fault). */
  empty = verify_zip (f, sums_only, (const char *[]) { "" });
  g_assert_true (has_problem (empty, "missing: manifest.json"));

  /* Numbers and objects where the manifest has strings (a critical, and a
   * NULL file name hashed: a segmentation fault). */
  types = verify_zip (f, with_manifest, (const char *[]) { sums,
    "{\"format\": \"hebahan-bundle/2\", \"files\": [2, {\"path\": []}, {\"path\": \"caption.txt\"}],"
    " \"media\": [1, {\"file\": 5}, {\"file\": \"caption.txt\", \"sha256\": {}}]}" });
  g_assert_true (has_problem (types, "manifest.json: the hash of  does not match its list of files"));
  g_assert_true (has_problem (types, "manifest.json: the hash of caption.txt does not match its list of files"));
  g_assert_true (has_problem (types, "missing: caption.txt"));
  shape = verify_zip (f, with_manifest, (const char *[]) { sums,
    "{\"format\": [\"hebahan-bundle/2\"], \"files\": [], \"media\": {}}" });
  g_assert_true (has_problem (shape, "manifest.json: not a hebahan-bundle/2 manifest"));

  /* The old format lists only the media: its captions cannot be checked. */
  {
    g_autoptr(GPtrArray) old = verify_zip (f, with_manifest, (const char *[]) { sums,
      "{\"format\": \"hebahan-bundle/1\", \"media\": []}" });

    g_assert_true (has_problem (old, "manifest.json: a hebahan-bundle/1 manifest does not list the "
                                     "captions and alt texts, so they cannot be checked: export the post again"));
  }

  /* An empty or blank manifest has no root (a critical). */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) blank = verify_zip (f, with_manifest, (const char *[]) { sums, i ? " \n" : "" });

      g_assert_true (has_problem (blank, "manifest.json: not a hebahan-bundle/2 manifest"));
    }

  /* 80,000 nested arrays overflowed the stack inside json-glib; a member
   * twice would have let a second "files" list replace the first. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"format\": \"hebahan-bundle/2\", \"files\": ");
    g_autoptr(GPtrArray) nested = NULL, twice = NULL;

    for (guint i = 0; i < 80000; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 80000; i++)
      g_string_append_c (deep, ']');
    g_string_append_c (deep, '}');
    nested = verify_zip (f, with_manifest, (const char *[]) { sums, deep->str });
    g_assert_true (has_problem (nested, "manifest.json: The JSON nests more than 64 levels deep (at byte 103)"));
    twice = verify_zip (f, with_manifest, (const char *[]) { sums,
      "{\"format\": \"hebahan-bundle/2\", \"files\": [], \"media\": [], \"files\": []}" });
    g_assert_true (has_problem (twice, "manifest.json: $: the member “files” appears twice in one object "
                                       "(the second would silently replace the first)"));
  }

  /* A path twice in the zip (the second copy leaked its bytes). */
  {
    static const char *twice[] = { "SHA256SUMS", "SHA256SUMS", NULL };
    g_autoptr(GPtrArray) dup = verify_zip (f, twice, (const char *[]) { sums, "" });

    g_assert_true (has_problem (dup, "duplicate: SHA256SUMS"));
  }

  /* A name that is not UTF-8 is shown with a replacement character. */
  names = verify_zip (f, not_utf8, (const char *[]) { sums });
  g_assert_true (has_problem (names, "missing: a\xef\xbf\xbd.jpg"));
}

/* The photo with EXIF orientation 6 and GPS: upright (500 × 600: the
 * camera stored it 600 × 500), red on top where the camera had it on the
 * left, and with no metadata at all. */
static void
check_photo (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);
  const guchar *px;
  int stride;

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 500);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 600);
  px = gdk_pixbuf_get_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_assert_cmpint (px[100 * stride + 250 * 3], >, px[100 * stride + 250 * 3 + 2]);  /* top: red */
  g_assert_cmpint (px[500 * stride + 250 * 3], <, px[500 * stride + 250 * 3 + 2]);  /* bottom: blue */
  g_assert_null (gdk_pixbuf_get_option (pixbuf, "orientation"));
}

static void
check_no_metadata (const char *dir)
{
  const char *argv[] = { "exiftool", "-a", "-G1", "-s", "media/01-taman-selasih.jpg",
                         "media/02-dewan-serbaguna.png", NULL };
  g_autofree char *out = NULL;

  if (!have_tool ("exiftool"))
    return;
  g_assert_cmpint (run (argv, dir, &out, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_null (strstr (out, "GPS"));
  g_assert_null (strstr (out, "Orientation"));
  g_assert_null (strstr (out, "[IFD0]"));
  g_assert_null (strstr (out, "[ExifIFD]"));
  g_assert_null (strstr (out, "XMP"));
  g_assert_null (strstr (out, "Comment"));
  g_assert_null (strstr (out, "TestCam"));
  g_assert_nonnull (strstr (out, "1440x900"));  /* the PNG, fitted to Instagram's width */
}

static void
check_signoff (const char *dir,
               HbPolicy   *policy,
               const char *digest)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "signoff.pdf", "-", NULL };
  g_autofree char *out = NULL, *flat = NULL, *bare = NULL;

  if (!have_tool ("pdftotext"))
    return;
  g_assert_cmpint (run (argv, dir, &out, NULL), ==, 0);
  flat = squeeze (out, FALSE);
  bare = squeeze (out, TRUE);
  for (guint i = 0; i < hb_policy_get_n_checklist (policy); i++)
    {
      const HbChecklistItem *item = hb_policy_get_checklist (policy, i);
      g_autofree char *label = squeeze (item->label[HB_LANG_MS], FALSE);

      if (strstr (flat, label) == NULL)
        g_error ("signoff.pdf does not name “%s”:\n%s", label, out);
    }
  g_assert_nonnull (strstr (bare, digest));
}

static void
test_cli_zip (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (f->dir, "bundle.zip", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *bundle = g_build_filename (out_dir, "bundle", NULL);
  g_autofree char *manifest = g_build_filename (bundle, "manifest.json", NULL);
  g_autofree char *photo = g_build_filename (bundle, "media", "01-taman-selasih.jpg", NULL);
  const char *export_argv[] = { cli (), "export", f->draft, "--output", zip, NULL };
  const char *unzip_test[] = { "unzip", "-t", zip, NULL };
  const char *unzip_x[] = { "unzip", "-q", zip, "-d", out_dir, NULL };
  const char *sums[] = { "sha256sum", "--quiet", "-c", "SHA256SUMS", NULL };
  const char *verify_zip[] = { cli (), "verify", zip, NULL };
  const char *verify_dir[] = { cli (), "verify", bundle, NULL };
  g_autofree char *out = NULL, *err = NULL, *digest = NULL, *listing = NULL;
  int status;

  status = run (export_argv, NULL, &out, &err);
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (status, ==, 0);
  listing = hb_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "bundle.zip complete.hebahan");
  if (!have_tool ("unzip"))
    return;
  g_assert_cmpint (run (unzip_test, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run (unzip_x, NULL, NULL, NULL), ==, 0);
  digest = file_sha256 (manifest);
  g_assert_nonnull (strstr (out, digest));
  if (have_tool ("sha256sum"))
    g_assert_cmpint (run (sums, bundle, NULL, NULL), ==, 0);
  check_photo (photo);
  check_no_metadata (bundle);
  check_signoff (bundle, f->policy, digest);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (verify_zip, NULL, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "OK"));
  g_assert_cmpint (run (verify_dir, NULL, NULL, NULL), ==, 0);
  flip_byte (photo, 700);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (verify_dir, NULL, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "changed: media/01-taman-selasih.jpg"));
}

/* A zip whose one file was changed and re-zipped with the outside tool. */
static void
test_cli_verify_zip_changed (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (f->dir, "b.zip", NULL);
  g_autofree char *caption = g_build_filename (f->dir, "b", "caption.txt", NULL);
  const char *unzip_x[] = { "unzip", "-q", zip, "-d", f->dir, NULL };
  const char *rezip[] = { "zip", "-q", "b.zip", "b/caption.txt", NULL };
  const char *verify[] = { cli (), "verify", zip, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_tool ("unzip") || !have_tool ("zip"))
    return;
  g_assert_true (hb_bundle_export (f->policy, f->post, zip, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run (unzip_x, NULL, NULL, NULL), ==, 0);
  flip_byte (caption, 3);
  g_assert_cmpint (run (rezip, f->dir, NULL, NULL), ==, 0);
  g_assert_cmpint (run (verify, NULL, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "changed: caption.txt"));
}

/* The manifest lists every file that is posted or read, with its hash,
 * and names the source of each photo without the folders it came from. */
static void
check_manifest_files (const char *bundle)
{
  g_autofree char *path = g_build_filename (bundle, "manifest.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "alt-text.txt", "caption.txt", "captions/facebook.txt", "captions/instagram.txt",
                             "media/01-taman-selasih.jpg", "media/02-dewan-serbaguna.png", "media/03-program.webm" };
  JsonObject *root;
  JsonArray *files, *media;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "hebahan-bundle/2");
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      g_autofree char *on_disk = g_build_filename (bundle, expected[i], NULL);
      g_autofree char *digest = file_sha256 (on_disk);

      g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, expected[i]);
      g_assert_cmpstr (json_object_get_string_member (file, "sha256"), ==, digest);
    }
  media = json_object_get_array_member (root, "media");
  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      const char *source = json_object_get_string_member (json_array_get_object_element (media, i), "source");

      g_assert_null (strchr (source, '/'));
    }
}

/* Exports the draft with the command line into @dest and returns the
 * manifest digest it printed. */
static char *
cli_export (Fixture    *f,
            const char *dest)
{
  const char *argv[] = { cli (), "export", f->draft, "--output", dest, NULL };
  g_autofree char *out = NULL;
  const char *digest;

  g_assert_cmpint (run (argv, NULL, &out, NULL), ==, 0);
  digest = strstr (out, "SHA-256: ");
  g_assert_nonnull (digest);
  return g_strndup (digest + strlen ("SHA-256: "), 64);
}

/* SHA256SUMS made again for the files as they now are, as someone
 * covering their tracks would. */
static void
resum (const char *dir)
{
  const char *argv[] = { "sh", "-c", "find . -type f ! -name SHA256SUMS | sed 's|^\\./||' | LC_ALL=C sort "
                         "| xargs sha256sum > SHA256SUMS", NULL };

  g_assert_cmpint (run (argv, dir, NULL, NULL), ==, 0);
}

/* `hebahan-cli verify` under timeout(1): a hang is a failure, not a stuck
 * suite.  Returns the exit status; 124 means it hung. */
static int
cli_verify (const char  *bundle,
            char       **out)
{
  const char *argv[] = { "timeout", "30", cli (), "verify", bundle, NULL };
  g_autofree char *err = NULL;
  int status = run (argv, NULL, out, &err);

  g_test_message ("verify %s → %d\n%s%s", bundle, status, out ? *out : "", err);
  return status;
}

static void
copy_tree (const char *from,
           const char *to)
{
  const char *argv[] = { "cp", "-a", from, to, NULL };

  g_assert_cmpint (run (argv, NULL, NULL, NULL), ==, 0);
}

/* The critical hole of issue 16: each file that is posted or read,
 * rewritten with SHA256SUMS made again, used to pass with the same
 * manifest digest as the signed sheet.  Each is now named. */
static void
test_cli_verify_rewritten (Fixture       *f,
                           gconstpointer  data)
{
  const struct { const char *file, *problem; } cases[] = {
    { "caption.txt", "changed: caption.txt" },
    { "captions/instagram.txt", "changed: captions/instagram.txt" },
    { "alt-text.txt", "changed: alt-text.txt" },
    { "media/01-taman-selasih.jpg", "changed: media/01-taman-selasih.jpg" },
    { "notes.txt", "added: notes.txt" },
    { "captions/x.txt", "added: captions/x.txt" },
  };
  g_autofree char *signed_bundle = g_build_filename (f->dir, "signed", NULL);
  g_autofree char *digest = NULL;
  g_autofree char *out = NULL;

  if (!have_tool ("sha256sum") || !have_tool ("timeout"))
    return;
  digest = cli_export (f, signed_bundle);
  check_manifest_files (signed_bundle);
  g_assert_cmpint (cli_verify (signed_bundle, &out), ==, 0);
  g_assert_nonnull (strstr (out, digest));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *copy = g_strdup_printf ("%s/copy-%u", f->dir, i);
      g_autofree char *target = g_build_filename (copy, cases[i].file, NULL);
      const char *text = "Program dibatalkan. Sila hubungi 012-3456789.\n";

      copy_tree (signed_bundle, copy);
      g_assert_true (g_file_set_contents (target, text, -1, NULL));
      resum (copy);
      g_clear_pointer (&out, g_free);
      g_assert_cmpint (cli_verify (copy, &out), ==, 1);
      g_assert_nonnull (strstr (out, cases[i].problem));
      /* The same manifest: the digest still matches the paper, and the
       * problem lines say what does not. */
      g_assert_nonnull (strstr (out, digest));
    }
}

/* Links and special files in a folder are reported, never followed or
 * opened: a FIFO used to block verify for ever. */
static void
test_cli_verify_folder_odd (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *bundle = g_build_filename (f->dir, "b", NULL);
  g_autofree char *caption = g_build_filename (bundle, "caption.txt", NULL);
  g_autofree char *outside = g_build_filename (f->dir, "caption-elsewhere.txt", NULL);
  g_autofree char *fifo = g_build_filename (bundle, "media", "pipe", NULL);
  g_autofree char *fifo_bundle = g_build_filename (f->dir, "bundle-fifo.zip", NULL);
  g_autofree char *digest = NULL, *out = NULL;

  if (!have_tool ("sha256sum") || !have_tool ("timeout"))
    return;
  digest = cli_export (f, bundle);
  /* Same bytes, through a link: still refused. */
  g_assert_cmpint (g_rename (caption, outside), ==, 0);
  g_assert_cmpint (symlink (outside, caption), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  resum (bundle);
  g_assert_cmpint (cli_verify (bundle, &out), ==, 1);
  g_assert_nonnull (strstr (out, "link: caption.txt"));
  g_assert_nonnull (strstr (out, "special file: media/pipe"));
  g_assert_nonnull (strstr (out, digest));

  /* A hard link shares its bytes with a file outside, which can change
   * them later: named as a link too. */
  {
    g_autofree char *alt = g_build_filename (bundle, "alt-text.txt", NULL);
    g_autofree char *alt_elsewhere = g_build_filename (f->dir, "alt-text-elsewhere.txt", NULL);

    g_assert_cmpint (link (alt, alt_elsewhere), ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli_verify (bundle, &out), ==, 1);
    g_assert_nonnull (strstr (out, "link: alt-text.txt"));
  }

  /* SHA256SUMS itself through a link: named as one, not as missing. */
  {
    g_autofree char *sums = g_build_filename (bundle, "SHA256SUMS", NULL);
    g_autofree char *sums_elsewhere = g_build_filename (f->dir, "SHA256SUMS", NULL);

    g_assert_cmpint (g_rename (sums, sums_elsewhere), ==, 0);
    g_assert_cmpint (symlink (sums_elsewhere, sums), ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli_verify (bundle, &out), ==, 1);
    g_assert_nonnull (strstr (out, "link: SHA256SUMS"));
    g_assert_null (strstr (out, "missing: SHA256SUMS"));
  }

  /* A FIFO named as the bundle itself is refused at once. */
  g_assert_cmpint (mkfifo (fifo_bundle, 0644), ==, 0);
  g_assert_cmpint (cli_verify (fifo_bundle, NULL), ==, 2);
}

/* Copies the zip at @from to @to entry by entry; @link_name (a path
 * inside the bundle) becomes a symbolic link, and entries named in @extra
 * (raw zip paths) are added. */
static void
copy_zip (const char         *from,
          const char         *to,
          const char         *link_name,
          const char * const *extra)
{
  struct archive *in = archive_read_new (), *out = archive_write_new ();
  struct archive_entry *entry;
  g_autofree char *buf = g_malloc (65536);
  la_ssize_t n;

  archive_read_support_format_zip (in);
  archive_write_set_format_zip (out);
  g_assert_cmpint (archive_read_open_filename (in, from, 65536), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (out, to), ==, ARCHIVE_OK);
  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      const char *slash = strchr (archive_entry_pathname (entry), '/');

      if (link_name && slash && strcmp (slash + 1, link_name) == 0)
        {
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, "../../elsewhere/caption.txt");
          archive_entry_set_size (entry, 0);
        }
      g_assert_cmpint (archive_write_header (out, entry), ==, ARCHIVE_OK);
      while (archive_entry_filetype (entry) == AE_IFREG && (n = archive_read_data (in, buf, 65536)) > 0)
        g_assert_cmpint (archive_write_data (out, buf, n), ==, n);
    }
  for (guint i = 0; extra && extra[i]; i++)
    {
      struct archive_entry *e = archive_entry_new ();

      archive_entry_set_pathname (e, extra[i]);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, 4);
      g_assert_cmpint (archive_write_header (out, e), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (out, "evil", 4), ==, 4);
      archive_entry_free (e);
    }
  archive_read_free (in);
  g_assert_cmpint (archive_write_close (out), ==, ARCHIVE_OK);
  archive_write_free (out);
}

/* A zip is held to what a folder is: a symlink entry is a link (it used
 * to pass as an empty file), "../" and absolute entries are out of the
 * tree. */
static void
test_cli_verify_zip_odd (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (f->dir, "signed.zip", NULL);
  g_autofree char *linked = g_build_filename (f->dir, "linked.zip", NULL);
  g_autofree char *slip = g_build_filename (f->dir, "slip.zip", NULL);
  const char *extra[] = { "../evil.txt", "/tmp/evil.txt", "signed/media/../../up.txt", NULL };
  g_autofree char *digest = NULL, *out = NULL;

  if (!have_tool ("timeout"))
    return;
  digest = cli_export (f, zip);
  copy_zip (zip, linked, "caption.txt", NULL);
  g_assert_cmpint (cli_verify (linked, &out), ==, 1);
  g_assert_nonnull (strstr (out, "link: caption.txt"));
  g_assert_null (strstr (out, "changed: caption.txt"));
  g_assert_nonnull (strstr (out, digest));

  copy_zip (zip, slip, NULL, extra);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_verify (slip, &out), ==, 1);
  g_assert_nonnull (strstr (out, "outside the bundle: ../evil.txt"));
  g_assert_nonnull (strstr (out, "outside the bundle: /tmp/evil.txt"));
  g_assert_nonnull (strstr (out, "outside the bundle: signed/media/../../up.txt"));
  g_assert_false (g_file_test ("/tmp/evil.txt", G_FILE_TEST_EXISTS));
}

/* Replaces media item @index with one at @path, keeping what was recorded
 * about it (so the checklist's answers still hold), and @sha256 when not
 * NULL ("" for none). */
static void
replace_media (Fixture    *f,
               guint       index,
               const char *path,
               const char *sha256)
{
  GListStore *media = hb_post_get_media (f->post);
  g_autoptr(HbMediaItem) old = g_list_model_get_item (G_LIST_MODEL (media), index);
  g_autoptr(HbMediaItem) item = hb_media_item_new (path);

  hb_media_item_set_sha256 (item, sha256 ? (*sha256 ? sha256 : NULL) : hb_media_item_get_sha256 (old));
  hb_media_item_set_alt_text (item, hb_media_item_get_alt_text (old));
  hb_media_item_set_caption (item, hb_media_item_get_caption (old));
  g_list_store_splice (media, index, 1, (gpointer *) &item, 1);
  answer_all (f->policy, f->post);
  /* The export's own guards are under test: the item is left as a caller
   * that never measured it leaves it.  Measured, it is refused before
   * (test_export_gate_unreadable). */
  hb_media_item_set_error (item, NULL);
}

static char *
media_source (guint index,
              Fixture *f)
{
  g_autoptr(HbMediaItem) item = g_list_model_get_item (G_LIST_MODEL (hb_post_get_media (f->post)), index);

  return g_strdup (hb_media_item_get_path (item));
}

static void
assert_export_refused (Fixture    *f,
                       const char *words)
{
  g_autofree char *dest = g_build_filename (f->dir, "refused", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (hb_bundle_export (f->policy, f->post, dest, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * HB_TEST_SLOWDOWN * G_USEC_PER_SEC);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

/* Export reads only what it means to (issue 16): a FIFO or /dev/zero as a
 * video hung it; a symbolic link was followed with no check; a missing
 * SHA-256 skipped the check; a photo cut short went out half grey. */
static void
test_export_reads_only_media (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *video = media_source (2, f);
  g_autofree char *photo = media_source (0, f);
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.webm", NULL);
  g_autofree char *link_same = g_build_filename (f->dir, "same.webm", NULL);
  g_autofree char *link_other = g_build_filename (f->dir, "other.webm", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.jpg", NULL);
  g_autofree char *dest = g_build_filename (f->dir, "linked", NULL);
  g_autofree char *bytes = NULL, *cut_sha = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  replace_media (f, 2, fifo, NULL);
  assert_export_refused (f, "is not a regular file");
  replace_media (f, 2, "/dev/zero", NULL);
  assert_export_refused (f, "is not a regular file");

  /* A link to the same bytes is followed and checked; to others, refused. */
  g_assert_cmpint (symlink (video, link_same), ==, 0);
  g_assert_cmpint (symlink (photo, link_other), ==, 0);
  replace_media (f, 2, link_other, NULL);
  assert_export_refused (f, "has changed since it was added");
  replace_media (f, 2, link_same, NULL);
  g_assert_true (hb_bundle_export (f->policy, f->post, dest, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  replace_media (f, 2, video, "");
  assert_export_refused (f, "does not record the SHA-256 of");
  replace_media (f, 2, video, NULL);

  g_assert_true (g_file_get_contents (photo, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (cut, bytes, len / 2, NULL));
  cut_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, len / 2);
  replace_media (f, 0, cut, cut_sha);
  assert_export_refused (f, "is damaged or incomplete");
}

/* A measured item that cannot be used (here a FIFO given as a video) is
 * a media.unreadable error, in the measuring's words, as the window shows
 * it: the checklist's 7.a.iii.6 fails and export is refused. */
static void
test_export_gate_unreadable (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "paip.webm", NULL);
  g_autoptr(HbMediaItem) item = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const HbPostFinding *unreadable = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  replace_media (f, 2, fifo, NULL);
  item = g_list_model_get_item (G_LIST_MODEL (hb_post_get_media (f->post)), 2);
  g_assert_cmpuint (hb_post_measure_media (f->post, NULL), ==, 1);
  g_assert_nonnull (hb_media_item_get_error (item));
  findings = hb_post_lint (f->policy, f->post, NULL);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (hb_finding_get_rule_id (((HbPostFinding *) findings->pdata[i])->finding), "media.unreadable"))
      unreadable = findings->pdata[i];
  g_assert_nonnull (unreadable);
  g_assert_cmpuint (unreadable->index, ==, 2);
  g_assert_cmpstr (unreadable->finding->text, ==, hb_media_item_get_error (item));
  g_assert_cmpint (hb_finding_get_severity (unreadable->finding), ==, HB_SEVERITY_ERROR);
  assert_export_refused (f, "7.a.iii.6");
}

/* Runs a gst-launch style pipeline to its end. */
static void
gst_run (const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;

  gst_init (NULL, NULL);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

/* Videos were copied byte for byte, GPS position and all (issue 16).  A
 * QuickTime video is made from the fixture's WebM streams and given a
 * GPS position, a camera make and a serial number with exiftool; the
 * bundle's copy keeps its picture and loses all three. */
static void
test_cli_video_metadata (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *webm = media_source (2, f);
  g_autofree char *mp4 = g_build_filename (f->dir, "rakaman.mp4", NULL);
  g_autofree char *pipeline = g_strdup_printf ("filesrc location=\"%s\" ! matroskademux ! qtmux ! "
                                               "filesink location=\"%s\"", webm, mp4);
  g_autofree char *bundle = g_build_filename (f->dir, "bundle", NULL);
  g_autofree char *digest = NULL, *sha = NULL, *before = NULL, *after = NULL;
  g_autoptr(GFile) draft = g_file_new_for_path (f->draft);
  g_autoptr(GError) error = NULL;
  const char *tag[] = { "exiftool", "-q", "-overwrite_original", "-UserData:GPSCoordinates=3.1, 101.6, 10",
                        "-Keys:GPSCoordinates=3.1, 101.6, 10", "-Make=TestCam", "-Model=SN-4411-0199", mp4, NULL };
  const char *read_source[] = { "exiftool", "-a", "-G1", "-s", mp4, NULL };
  const char *read_copy[] = { "exiftool", "-a", "-G1", "-s", "media/03-rakaman.mp4", NULL };

  if (!have_tool ("exiftool"))
    return;
  gst_run (pipeline);
  g_assert_cmpint (run (tag, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run (read_source, NULL, &before, NULL), ==, 0);
  g_assert_nonnull (strstr (before, "GPSCoordinates"));
  g_assert_nonnull (strstr (before, "TestCam"));
  sha = file_sha256 (mp4);
  replace_media (f, 2, mp4, sha);
  g_assert_true (hb_draft_save (f->post, draft, NULL, &error));
  g_assert_no_error (error);

  digest = cli_export (f, bundle);
  g_assert_cmpint (run (read_copy, bundle, &after, NULL), ==, 0);
  g_test_message ("%s", after);
  g_assert_null (strstr (after, "GPS"));
  g_assert_null (strstr (after, "TestCam"));
  g_assert_null (strstr (after, "SN-4411"));
  g_assert_nonnull (strstr (after, "ImageSize                       : 320x240"));
  g_assert_nonnull (strstr (after, "video/quicktime"));
}

/* An existing .zip is never replaced without being asked (a folder never
 * is); a killed export's temporary folder is cleared by the next export
 * to that folder once it is over a minute old. */
static void
test_cli_zip_exists_and_leftovers (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (f->dir, "bundle.zip", NULL);
  g_autofree char *stale = g_build_filename (f->dir, ".bundle.tmp-Ab12Cd", NULL);
  g_autofree char *stale_zip = g_build_filename (f->dir, ".bundle.zip.tmp-Ef34Gh", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, ".bundle.tmp-Ij56Kl", NULL);
  g_autofree char *part = g_build_filename (stale, "caption.txt", NULL);
  const char *export_argv[] = { cli (), "export", f->draft, "--output", zip, NULL };
  const char *force_argv[] = { cli (), "export", f->draft, "--output", zip, "--force", NULL };
  g_autofree char *err = NULL, *listing = NULL, *old = NULL, *now = NULL;
  struct utimbuf aged = { time (NULL) - 120, time (NULL) - 120 };

  g_assert_true (g_file_set_contents (zip, "the officer's own file", -1, NULL));
  g_assert_cmpint (run (export_argv, NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "already exists"));
  g_assert_nonnull (strstr (err, "--force"));
  g_assert_true (g_file_get_contents (zip, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "the officer's own file");

  g_assert_cmpint (g_mkdir (stale, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (fresh, 0755), ==, 0);
  g_assert_true (g_file_set_contents (part, "setengah", -1, NULL));
  g_assert_true (g_file_set_contents (stale_zip, "PK", -1, NULL));
  g_assert_cmpint (utime (stale, &aged), ==, 0);
  g_assert_cmpint (utime (stale_zip, &aged), ==, 0);
  g_assert_cmpint (run (force_argv, NULL, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (zip, &now, NULL, NULL));
  g_assert_true (g_str_has_prefix (now, "PK"));
  listing = hb_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, ".bundle.tmp-Ij56Kl bundle.zip complete.hebahan");
}

static void
test_cli_incomplete (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "bundle", NULL);
  const char *argv[] = { cli (), "export", f->draft, "--output", dest, NULL };
  g_autofree char *err = NULL, *listing = NULL;

  g_assert_cmpint (run (argv, NULL, NULL, &err), ==, 1);
  g_test_message ("%s", err);
  for (guint i = 0; i < hb_policy_get_n_checklist (f->policy); i++)
    {
      const HbChecklistItem *item = hb_policy_get_checklist (f->policy, i);

      if (item->kind == HB_CHECK_CONFIRM)
        g_assert_nonnull (strstr (err, item->id));
    }
  listing = hb_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "complete.hebahan");
}

/* Destinations that cannot be written: a folder under /proc, a path whose
 * parent is a regular file, and (not as root) a read-only folder. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "bundle.zip", NULL);
  g_autofree char *ro = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *under_ro = g_build_filename (ro, "bundle", NULL);
  const char *argv[] = { cli (), "export", f->draft, "--output", "/proc/hebahan-bundle", NULL };
  g_autofree char *err = NULL, *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (argv, NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "/proc/hebahan-bundle"));
  g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));  /* one line */

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (hb_bundle_export (f->policy, f->post, under_file, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (hb_bundle_export (f->policy, f->post, under_ro, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "Permission denied"));
    }
  listing = hb_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "complete.hebahan plain-file ro");
  g_clear_pointer (&listing, g_free);
  listing = hb_test_list_dir (ro);
  g_assert_cmpstr (listing, ==, "");
}

/* A full disk: a 160 KB tmpfs (root only, as the mount needs it; CI runs
 * as root) is too small for the bundle.  The error says so, names the
 * place, and the disk is left as empty as it was. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *mnt = g_build_filename (f->dir, "small-disk", NULL);
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
  if (!hb_test_mount_small_disk (mnt, "160k"))
    {
      g_test_skip ("mounting a small tmpfs needs root");
      return;
    }
  for (guint zip = 0; zip < 2; zip++)
    {
      g_autofree char *dest = g_build_filename (mnt, zip ? "bundle.zip" : "bundle", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (hb_bundle_export (f->policy, f->post, dest, NULL, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("full disk: %s", error->message);
      g_assert_nonnull (strstr (error->message, "No space left on device"));
      g_clear_pointer (&listing, g_free);
      listing = hb_test_list_dir (mnt);
      g_assert_cmpstr (listing, ==, "");
    }
  hb_test_unmount (mnt);
}

/* Cancelled from the progress callback at every step in turn. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  for (guint zip = 0; zip < 2; zip++)
    for (guint at = 1; at <= (zip ? 8u : 7u); at++)
      {
        g_autofree char *dest = g_build_filename (f->dir, zip ? "bundle.zip" : "bundle", NULL);
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autoptr(GError) error = NULL;
        g_autofree char *listing = NULL;
        Progress p = { 0, 0.0, at, cancellable };

        g_assert_false (hb_bundle_export (f->policy, f->post, dest, on_progress, &p, cancellable,
                                          NULL, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        listing = hb_test_list_dir (f->dir);
        g_assert_cmpstr (listing, ==, "complete.hebahan");
      }
}

typedef struct
{
  Progress  progress;
  GThread  *main_thread;
  gint      freed;     /* atomic, though released on the main thread */
} AsyncProgress;

/* Reports come to the caller's thread, in order. */
static void
on_async_progress (double      fraction,
                   const char *what,
                   gpointer    user_data)
{
  AsyncProgress *p = user_data;

  g_assert_true (g_thread_self () == p->main_thread);
  g_assert_false (g_atomic_int_get (&p->freed));
  on_progress (fraction, what, &p->progress);
}

/* On the caller's thread, whichever thread drops the task last: the
 * window passes its document here, which must never be finalized in a
 * worker (gui ASan caught one used after it was). */
static void
async_progress_freed (gpointer user_data)
{
  AsyncProgress *p = user_data;

  g_assert_true (g_thread_self () == p->main_thread);
  g_atomic_int_set (&p->freed, TRUE);
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The worker exports what hb_bundle_export() does, from a copy: a change
 * made to the post once export is asked is not in the bundle. */
static void
test_export_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sync_dest = g_build_filename (f->dir, "sync", NULL);
  g_autofree char *dest = g_build_filename (f->dir, "async", NULL);
  g_autofree char *sync_caption = NULL, *caption = NULL, *sync_alt = NULL, *alt = NULL;
  g_autofree char *digest = NULL, *verified_digest = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;
  AsyncProgress p = { { 0, }, g_thread_self (), FALSE };

  g_assert_true (hb_bundle_export (f->policy, f->post, sync_dest, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  hb_bundle_export_async (f->policy, f->post, dest, HB_BUNDLE_EXPORT_NONE,
                          on_async_progress, &p, async_progress_freed,
                          NULL, hb_test_store_result, &result);
  hb_post_set_field (f->post, HB_FIELD_BODY, "Diubah selepas eksport diminta.");
  digest = hb_bundle_export_finish (hb_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (digest);
  g_assert_cmpfloat (p.progress.last, ==, 1.0);
  g_assert_cmpuint (p.progress.calls, >=, 6);
  g_clear_object (&result);
  for (guint i = 0; i < 5000 && !g_atomic_int_get (&p.freed); i++)
    {
      g_usleep (1000);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (g_atomic_int_get (&p.freed));

  problems = hb_bundle_verify_full (dest, &verified_digest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (digest, ==, verified_digest);
  /* The same files, with the same texts, as the synchronous export. */
  top = hb_test_list_dir (dest);
  g_assert_cmpstr (top, ==, "SHA256SUMS alt-text.txt caption.txt captions manifest.json media signoff.pdf");
  sync_caption = read_text (sync_dest, "caption.txt");
  caption = read_text (dest, "caption.txt");
  g_assert_cmpstr (caption, ==, sync_caption);
  g_assert_null (strstr (caption, "Diubah"));
  sync_alt = read_text (sync_dest, "alt-text.txt");
  alt = read_text (dest, "alt-text.txt");
  g_assert_cmpstr (alt, ==, sync_alt);
}

static void
test_export_async_cancelled (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "bundle", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_cancellable_cancel (cancellable);
  hb_bundle_export_async (f->policy, f->post, dest, HB_BUNDLE_EXPORT_NONE, NULL, NULL, NULL,
                          cancellable, hb_test_store_result, &result);
  g_assert_null (hb_bundle_export_finish (hb_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = hb_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "complete.hebahan");
}

/* The refusal of an unfinished checklist comes through _finish. */
static void
test_export_async_incomplete (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "bundle", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hb_bundle_export_async (f->policy, f->post, dest, HB_BUNDLE_EXPORT_NONE, NULL, NULL, NULL,
                          NULL, hb_test_store_result, &result);
  g_assert_null (hb_bundle_export_finish (hb_test_wait_result (&result), &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "committees-notified"));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

static void
test_incomplete_api (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "bundle", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (hb_bundle_export (f->policy, f->post, dest, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "committees-notified"));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

/* test-bundle --write-fixture FILE: answers FILE's checklist in place. */
static int
write_fixture (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPost) post = hb_draft_load (file, NULL, &error);

  if (post == NULL)
    g_error ("%s: %s", path, error->message);
  answer_all (policy, post);
  if (!hb_draft_save (post, file, NULL, &error))
    g_error ("%s: %s", path, error->message);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_strcmp0 (argv[1], "--write-fixture") == 0)
    return write_fixture (argv[2]);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, unanswered) \
  g_test_add ("/bundle/" path, Fixture, unanswered, fixture_set_up, func, fixture_tear_down)
  ADD ("default-name", test_default_name, NULL);
  ADD ("export-folder", test_export_folder, NULL);
  ADD ("verify-detects", test_verify_detects, NULL);
  ADD ("verify-hostile", test_verify_hostile, NULL);
  ADD ("cli-zip", test_cli_zip, NULL);
  ADD ("cli-verify-zip-changed", test_cli_verify_zip_changed, NULL);
  ADD ("cli-verify-rewritten", test_cli_verify_rewritten, NULL);
  ADD ("cli-verify-folder-odd", test_cli_verify_folder_odd, NULL);
  ADD ("cli-verify-zip-odd", test_cli_verify_zip_odd, NULL);
  ADD ("export-reads-only-media", test_export_reads_only_media, NULL);
  ADD ("export-gate-unreadable", test_export_gate_unreadable, NULL);
  ADD ("cli-video-metadata", test_cli_video_metadata, NULL);
  ADD ("cli-zip-exists-and-leftovers", test_cli_zip_exists_and_leftovers, NULL);
  ADD ("cli-incomplete", test_cli_incomplete, "unanswered");
  ADD ("incomplete", test_incomplete_api, "unanswered");
  ADD ("export-async", test_export_async, NULL);
  ADD ("export-async-cancelled", test_export_async_cancelled, NULL);
  ADD ("export-async-incomplete", test_export_async_incomplete, "unanswered");
  ADD ("full-disk", test_full_disk, NULL);
  ADD ("unwritable", test_unwritable, NULL);
  ADD ("cancel", test_cancel, NULL);
#undef ADD
  return g_test_run ();
}
