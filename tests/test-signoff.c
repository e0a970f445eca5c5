/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-signoff.c — the sign-off sheet: every item, the digest, signatures, no clipping. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-post-lint.h"
#include "hb-error.h"
#include "hb-signoff.h"
#include "hb-signoff-private.h"
#include "hb-test-util.h"

#define DIGEST "3f9a0c1be47d25a86f13c9e0b7d4a2f5e8c1b6d09a7f3e2c5b8d1a4f7e0c9b26"
#define LAST_WORDS "Sekian, terima kasih atas kerjasama semua warga Kulim."

typedef struct
{
  char *dir;
  HbPolicy *policy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hb-signoff-XXXXXX", &error);
  g_assert_no_error (error);
  f->policy = hb_policy_new_builtin ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_object_unref (f->policy);
}

/* A photo made here, so the test needs no binary fixture. */
static char *
make_photo (const char *dir,
            const char *name,
            guint8      tint)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 800, 600);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 800; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = (x * 255 / 800) ^ ((y / 40) % 2 ? 0x30 : 0);
        p[1] = y * 255 / 600;
        p[2] = tint;
      }
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return path;
}

/* Some forty paragraphs: several pages of caption on their own. */
static char *
long_body (void)
{
  GString *s = g_string_new ("Program ini tular di media sosial!!!\n\n");

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (s, "Perenggan %u. Majlis Perbandaran Kulim telah menganjurkan program "
                               "gotong-royong perdana bersama penduduk setempat, persatuan penduduk, "
                               "sukarelawan dan agensi kerajaan bagi membersihkan kawasan awam, "
                               "longkang dan taman permainan kanak-kanak di sekitar bandar Kulim.\n\n",
                            i + 1);
  g_string_append (s, LAST_WORDS);
  return g_string_free (s, FALSE);
}

static HbPost *
make_post (Fixture *f,
           HbLang   lang)
{
  HbPost *post = hb_post_new ();
  const char * const platforms[] = { "facebook", "instagram", "x", NULL };
  g_autofree char *body = long_body ();
  g_autofree char *photo1 = make_photo (f->dir, "gotong-royong-1.jpg", 40);
  g_autofree char *photo2 = make_photo (f->dir, "gotong-royong-2.jpg", 200);
  g_autoptr(HbMediaItem) m1 = hb_media_item_new (photo1);
  g_autoptr(HbMediaItem) m2 = hb_media_item_new (photo2);
  GListStore *guests = hb_post_get_guests (post);

  hb_post_set_post_type (post, HB_POST_EVENT_REPORT);
  hb_post_set_language (post, lang);
  hb_post_set_platforms (post, platforms);
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Program Gotong-Royong Perdana Kulim Bersih 2026");
  hb_post_set_field (post, HB_FIELD_DATE, "2026-12-12");
  hb_post_set_field (post, HB_FIELD_START_TIME, "08:00");
  hb_post_set_field (post, HB_FIELD_END_TIME, "13:30");
  hb_post_set_field (post, HB_FIELD_VENUE, "Dataran Kulim, Jalan Tunku Putra, Kulim");
  hb_post_set_field (post, HB_FIELD_BODY, body);
  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKulim #KulimBersih");
  hb_post_set_field (post, HB_FIELD_LINK, "https://www.mpkk.gov.my/ms/berita/gotong-royong-2026");
  g_list_store_append (guests, hb_guest_new ("YDP", "Tuan Haji Ahmad bin Ismail"));
  g_list_store_append (guests, hb_guest_new ("Dato'", "Dr. Siti Rahmah binti Yusof"));
  g_list_store_append (guests, hb_guest_new ("Encik", "Lim Wei Ming"));
  hb_media_item_set_alt_text (m1, "Sukarelawan membersihkan longkang di Dataran Kulim");
  hb_media_item_set_alt_text (m2, "Penduduk mengutip sampah di taman permainan");
  g_list_store_append (hb_post_get_media (post), m1);
  g_list_store_append (hb_post_get_media (post), m2);
  hb_post_add_ack (post, "tone.punctuation", "!!!", "Semangat program, disemak oleh ketua unit", "Nurul Aina");
  hb_post_add_ack (post, "unverified.viral", "tular", "Merujuk video rasmi MPKK yang tular", "Nurul Aina");
  return post;
}

/* One status of every state, by hand, so the sheet is tested on all of
 * them whatever the post evaluates to. */
static GPtrArray *
make_statuses (HbPolicy *policy,
               HbLang    lang)
{
  GPtrArray *statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_check_status_free);
  const HbItemState cycle[] = { HB_ITEM_PASS, HB_ITEM_CONFIRMED, HB_ITEM_FAIL, HB_ITEM_OVERRIDDEN,
                                HB_ITEM_UNANSWERED, HB_ITEM_STALE, HB_ITEM_NOT_APPLICABLE };

  for (guint i = 0; i < hb_policy_get_n_checklist (policy); i++)
    {
      HbCheckStatus *st = g_new0 (HbCheckStatus, 1);

      st->item = hb_policy_get_checklist (policy, i);
      st->state = cycle[i % G_N_ELEMENTS (cycle)];
      st->complete = st->state == HB_ITEM_PASS || st->state == HB_ITEM_CONFIRMED ||
                     st->state == HB_ITEM_OVERRIDDEN || st->state == HB_ITEM_NOT_APPLICABLE;
      if (st->state == HB_ITEM_FAIL || st->state == HB_ITEM_STALE)
        st->reason = g_strdup (lang == HB_LANG_MS ? "Kandungan telah berubah" : "The content has changed");
      if (st->state == HB_ITEM_CONFIRMED || st->state == HB_ITEM_OVERRIDDEN)
        {
          st->who = g_strdup ("Nurul Aina binti Kamal");
          st->when = g_date_time_new_local (2026, 12, 10, 15, 20, 0);
          st->note = g_strdup ("Disahkan melalui panggilan telefon kepada penganjur");
        }
      if (g_strcmp0 (st->item->evidence, "dates") == 0)
        st->dates = g_strsplit ("2026-11-20,2026-11-21", ",", -1);
      g_ptr_array_add (statuses, st);
    }
  return statuses;
}

static char *
write_sheet (Fixture    *f,
             HbPost     *post,
             GPtrArray  *statuses,
             const char *digest,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = hb_post_lint (f->policy, post, &error);
  g_autoptr(HbSignoff) signoff = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  signoff = hb_signoff_new (f->policy, post, statuses, findings, digest);
  hb_signoff_write_pdf (signoff, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Runs a poppler tool; NULL (and the test skipped) when it is missing. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (why);
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext breaks lines where the sheet wraps them: compare words only. */
static char *
squash (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (s, "%s%s", s->len ? " " : "", words[i]);
  return g_string_free (s, FALSE);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run_tool (argv);

  return text ? squash (text) : NULL;
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = info ? strstr (info, "Pages:") : NULL;

  return line ? (guint) g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *squashed = squash (needle);

  if (strstr (text, squashed) == NULL)
    g_error ("“%s” is not on the sheet", squashed);
}

/* Every word of @body, in order: page headers and footers come between
 * the lines at a page break, but no line is lost or clipped. */
static void
assert_in_order (const char *text,
                 const char *body)
{
  g_auto(GStrv) words = g_strsplit_set (body, " \n", -1);
  const char *at = text;

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if ((at = strstr (at, words[i])) == NULL)
        g_error ("word %u of the body, “%s”, is not on the sheet", i, words[i]);
      at += strlen (words[i]);
    }
}

/* Page @page of @pdf as a PNG in the build folder, to look at. */
static void
screenshot (const char *pdf,
            guint       page,
            const char *name)
{
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", first, "-l", first,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = NULL;

  g_mkdir_with_parents (dir, 0755);
  out = run_tool (argv);
}

static void
test_malay_sheet (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_MS);
  g_autoptr(GPtrArray) statuses = make_statuses (f->policy, HB_LANG_MS);
  g_autofree char *pdf = write_sheet (f, post, statuses, DIGEST, "signoff.pdf");
  g_autofree char *text = pdf_text (pdf);
  guint pages;

  if (text == NULL)
    return;
  for (guint i = 0; i < statuses->len; i++)
    assert_contains (text, ((HbCheckStatus *) statuses->pdata[i])->item->label[HB_LANG_MS]);
  for (guint i = 0; i < 3; i++)
    assert_contains (text, (const char *[]) { "Disediakan oleh", "Disemak oleh", "Diluluskan oleh" }[i]);
  assert_contains (text, DIGEST);
  assert_in_order (text, hb_post_get_field (post, HB_FIELD_BODY));
  assert_contains (text, LAST_WORDS);
  assert_contains (text, "Majlis Perbandaran Kulim");
  assert_contains (text, "Bahagian Komunikasi Korporat");
  assert_contains (text, "Lembaran Pengesahan Hantaran Media Sosial");
  assert_contains (text, "Sabtu, 12 Disember 2026");
  assert_contains (text, "Dato' Dr. Siti Rahmah binti Yusof");
  assert_contains (text, "Sukarelawan membersihkan longkang di Dataran Kulim");
  assert_contains (text, "Semangat program, disemak oleh ketua unit");
  assert_contains (text, "Merujuk video rasmi MPKK yang tular");
  g_assert_null (strstr (text, "<b>"));
  assert_contains (text, "Diketepikan (justifikasi)");
  assert_contains (text, hb_policy_get_version (f->policy));
  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages, >=, 3);
  screenshot (pdf, 1, "signoff-ms-page1");
  screenshot (pdf, pages, "signoff-ms-last");
}

static void
test_english_sheet (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_EN);
  g_autoptr(GPtrArray) statuses = make_statuses (f->policy, HB_LANG_EN);
  g_autofree char *pdf = write_sheet (f, post, statuses, NULL, "signoff-en.pdf");
  g_autofree char *text = pdf_text (pdf);

  if (text == NULL)
    return;
  for (guint i = 0; i < statuses->len; i++)
    assert_contains (text, ((HbCheckStatus *) statuses->pdata[i])->item->label[HB_LANG_EN]);
  assert_contains (text, "Social Media Post Sign-off Sheet");
  assert_contains (text, "Prepared by");
  assert_contains (text, "Approved by");
  assert_contains (text, "Not exported yet");
  assert_contains (text, "Saturday, 12 December 2026");
  g_assert_null (strstr (text, "Disediakan oleh"));
  screenshot (pdf, 1, "signoff-en-page1");
}

/* The checklist as the app evaluates it, not built by hand. */
static void
test_evaluated_checklist (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_MS);
  g_autoptr(GPtrArray) statuses = hb_checklist_evaluate (f->policy, post, NULL, HB_LANG_MS);
  g_autofree char *pdf = write_sheet (f, post, statuses, DIGEST, "evaluated.pdf");
  g_autofree char *text = pdf_text (pdf);

  if (text == NULL)
    return;
  g_assert_cmpuint (statuses->len, ==, hb_policy_get_n_checklist (f->policy));
  for (guint i = 0; i < statuses->len; i++)
    assert_contains (text, ((HbCheckStatus *) statuses->pdata[i])->item->label[HB_LANG_MS]);
}

/* Issue 14: what the software checked prints as an automatic check, not
 * as a confirmation; photo items on a post without media print as not
 * applicable with the reason; a judgement waits for the officer. */
static void
test_honest_sheet (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_EN);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *pdf = NULL, *text = NULL;

  g_list_store_remove_all (hb_post_get_media (post));
  statuses = hb_checklist_evaluate (f->policy, post, NULL, HB_LANG_EN);
  pdf = write_sheet (f, post, statuses, NULL, "honest.pdf");
  text = pdf_text (pdf);
  if (text == NULL)
    return;
  assert_contains (text, "Passed automatic check");
  assert_contains (text, "Automatic check: No obscene words found");
  assert_contains (text, "Automatic check: No rumour markers found");
  assert_contains (text, "Automatic check: No defamation or sedition markers found");
  assert_contains (text, "Not applicable: no photo or video is attached");
  assert_contains (text, "Not confirmed");
  g_assert_null (strstr (text, "Confirmed by an officer"));
  g_assert_null (strstr (text, "Pass\n"));
  screenshot (pdf, 1, "signoff-honest-page1");
}

/* `hebahan-cli check` prints 6.a.v as the officer's confirmation, with the
 * automatic result beside it, in text and in JSON. */
static void
assert_cli_check_judgement (Fixture *f,
                            HbPost  *post)
{
  g_autofree char *draft = g_build_filename (f->dir, "judgement.hebahan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (draft);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) text_run = NULL, json_run = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *json = NULL;
  const char *cli = g_getenv ("HB_CLI");
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;
  JsonArray *items;
  JsonObject *item = NULL, *automatic;

  if (cli == NULL)
    return;
  g_assert_true (hb_draft_save (post, file, NULL, &error));
  g_assert_no_error (error);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  text_run = g_subprocess_launcher_spawn (launcher, &error, cli, "check", draft, "--lang", "en", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (text_run, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] && lines[i + 1]; i++)
    if (strstr (lines[i], " no-defamation [6.a.v] "))
      {
        /* "confirmed        no-defamation [6.a.v] …", then the detail line */
        g_assert_true (g_str_has_prefix (lines[i], "confirmed "));
        g_assert_true (g_str_has_prefix (g_strchug (lines[i + 1]), "Nurul Aina binti Kamal, "));
        g_assert_true (g_str_has_suffix (lines[i + 1], " — automatic: No defamation or sedition markers found"));
        found = TRUE;
      }
  g_assert_true (found);

  json_run = g_subprocess_launcher_spawn (launcher, &error, cli, "check", draft, "--lang", "en", "--format", "json",
                                          NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (json_run, NULL, NULL, &json, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (items, i), "id"),
                     "no-defamation"))
      item = json_array_get_object_element (items, i);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "confirm");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (item, "who"), ==, "Nurul Aina binti Kamal");
  automatic = json_object_get_object_member (item, "automatic");
  g_assert_true (json_object_get_boolean_member (automatic, "passed"));
  g_assert_cmpstr (json_object_get_string_member (automatic, "result"), ==, "No defamation or sedition markers found");
}

/* 6.a.v is the officer's judgement: once confirmed it prints as the
 * officer's confirmation, with the automatic result beside it. */
static void
test_judgement_sheet (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_EN);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL, *text = NULL;
  const char *confirmed;

  g_assert_true (hb_checklist_confirm (post, f->policy, "no-defamation", "Nurul Aina binti Kamal", NULL, NULL,
                                       &error));
  g_assert_no_error (error);
  statuses = hb_checklist_evaluate (f->policy, post, NULL, HB_LANG_EN);
  pdf = write_sheet (f, post, statuses, NULL, "judgement.pdf");
  if ((text = pdf_text (pdf)) == NULL)
    return;
  /* The only confirmation on the sheet is this item's. */
  confirmed = strstr (text, "Confirmed by an officer");
  g_assert_nonnull (confirmed);
  g_assert_null (strstr (confirmed + 1, "Confirmed by an officer"));
  assert_contains (text, "There is no defamation, sedition or unlawful content");
  assert_contains (text, "Automatic check: No defamation or sedition markers found");
  assert_contains (text, "Nurul Aina binti Kamal");
  assert_cli_check_judgement (f, post);
}

/* Layout alone, on any surface: pages are counted and drawn without poppler. */
static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_MS);
  g_autoptr(GPtrArray) statuses = make_statuses (f->policy, HB_LANG_MS);
  g_autoptr(HbSignoff) signoff = hb_signoff_new (f->policy, post, statuses, NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 596, 842);
  cairo_t *cr = cairo_create (surface);
  guint a4, small;

  a4 = hb_signoff_layout (signoff, cr, HB_A4_WIDTH_PT, HB_A4_HEIGHT_PT);
  g_assert_cmpuint (a4, >=, 3);
  for (guint i = 0; i < a4; i++)
    hb_signoff_draw_page (signoff, cr, i);
  /* A smaller printable area (printer margins) gives more pages, never lost text. */
  small = hb_signoff_layout (signoff, cr, 500, 700);
  g_assert_cmpuint (small, >, a4);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_MS);
  g_autoptr(HbSignoff) signoff = hb_signoff_new (f->policy, post, NULL, NULL, NULL);
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "signoff.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_file_set_contents (blocker, "x", 1, &error);
  g_assert_no_error (error);
  g_assert_false (hb_signoff_write_pdf (signoff, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "signoff.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Nothing half-written next to it either: only the photos and the blocker. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_true (g_str_has_suffix (name, ".jpg") || g_str_equal (name, "not-a-folder"));
}

/* Two sheets say the same, block for block (the time printed aside:
 * the minute may turn between them). */
static void
assert_same_sheet (HbSignoff *a,
                   HbSignoff *b)
{
  const char *printed = hb_signoff_strings[S_PRINTED][a->lang];

  g_assert_cmpint (a->lang, ==, b->lang);
  g_assert_cmpstr (a->manifest_sha256, ==, b->manifest_sha256);
  g_assert_cmpuint (a->blocks->len, ==, b->blocks->len);
  for (guint i = 0; i < a->blocks->len; i++)
    {
      const Block *x = a->blocks->pdata[i], *y = b->blocks->pdata[i];
      gboolean is_printed = x->kind == BLOCK_ROW && g_strcmp0 (x->text[0], printed) == 0;

      g_assert_cmpint (x->kind, ==, y->kind);
      for (guint t = 0; t < G_N_ELEMENTS (x->text); t++)
        if (!(is_printed && t == 1))
          g_assert_cmpstr (x->text[t], ==, y->text[t]);
      g_assert_true ((x->image == NULL) == (y->image == NULL));
      if (x->image)
        {
          g_assert_cmpint (cairo_image_surface_get_width (x->image), ==, cairo_image_surface_get_width (y->image));
          g_assert_cmpint (cairo_image_surface_get_height (x->image), ==, cairo_image_surface_get_height (y->image));
        }
    }
}

/* The worker makes the sheet hb_signoff_new() makes, from a copy of the
 * post: a change made once the sheet is asked for is not on it. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_MS);
  g_autoptr(GPtrArray) statuses = make_statuses (f->policy, HB_LANG_MS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = hb_post_lint (f->policy, post, &error);
  g_autoptr(HbSignoff) expected = NULL;
  g_autoptr(HbSignoff) sheet = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint n_images = 0;

  g_assert_no_error (error);
  expected = hb_signoff_new (f->policy, post, statuses, findings, DIGEST);
  hb_signoff_new_async (f->policy, post, statuses, findings, DIGEST, NULL,
                        hb_test_store_result, &result);
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Diubah selepas diminta");
  sheet = hb_signoff_new_finish (hb_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  assert_same_sheet (sheet, expected);
  for (guint i = 0; i < sheet->blocks->len; i++)
    n_images += ((Block *) sheet->blocks->pdata[i])->image != NULL;
  g_assert_cmpuint (n_images, ==, 2);
}

static void
test_async_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_MS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  hb_signoff_new_async (f->policy, post, NULL, NULL, NULL, cancellable,
                        hb_test_store_result, &result);
  g_assert_null (hb_signoff_new_finish (hb_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A post no draft could hold cannot be copied for the worker: the
 * reason comes through _finish. */
static void
test_async_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 201; i++)
    {
      g_autoptr(HbGuest) guest = hb_guest_new ("Encik", "Tetamu");

      g_list_store_append (hb_post_get_guests (post), guest);
    }
  hb_signoff_new_async (f->policy, post, NULL, NULL, NULL, NULL, hb_test_store_result, &result);
  g_assert_null (hb_signoff_new_finish (hb_test_wait_result (&result), &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_DRAFT);
}

/* `hebahan-cli signoff`, once the command is wired into hebahan-cli. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(HbPost) post = make_post (f, HB_LANG_MS);
  g_autofree char *draft = g_build_filename (f->dir, "post.hebahan", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (draft);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL, *text = NULL;
  const char *cli = g_getenv ("HB_CLI");
  const char *argv[] = { cli, "signoff", draft, "--output", pdf, NULL };
  int status;

  if (cli == NULL)
    {
      g_test_skip ("HB_CLI is not set");
      return;
    }
  hb_draft_save (post, file, NULL, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (strstr (err, "“signoff”"))
    {
      g_test_skip ("hebahan-cli has no signoff command yet");
      return;
    }
  /* stderr may carry a sanitizer's summary; the exit status is what counts. */
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("hebahan-cli signoff failed: %s", err);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if ((text = pdf_text (pdf)) == NULL)
    return;
  assert_contains (text, "Belum dieksport");
  assert_contains (text, LAST_WORDS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/signoff/malay", test_malay_sheet);
  ADD ("/signoff/english", test_english_sheet);
  ADD ("/signoff/evaluated", test_evaluated_checklist);
  ADD ("/signoff/honest", test_honest_sheet);
  ADD ("/signoff/judgement", test_judgement_sheet);
  ADD ("/signoff/layout", test_layout);
  ADD ("/signoff/unwritable", test_unwritable);
  ADD ("/signoff/cli", test_cli);
  ADD ("/signoff/async", test_async);
  ADD ("/signoff/async-cancelled", test_async_cancelled);
  ADD ("/signoff/async-error", test_async_error);
#undef ADD
  return g_test_run ();
}
