/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-publish.c — getting the post out: the Caption page's marking of
 * the text past a platform's limit, and the user guide on F1 with Yelp and
 * without it. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hb-application.h"
#include "hb-count.h"
#include "hb-gui-test.h"
#include "hb-media-item.h"
#include "hb-platform-preview.h"
#include "hb-platforms.h"
#include "hb-post-preview.h"
#include "hb-caption.h"

/* Every code point from @start to the end has @tag, none before. */
static void
assert_marked_from (GtkTextBuffer *buffer,
                    GtkTextTag    *tag,
                    guint          start)
{
  guint n = gtk_text_buffer_get_char_count (buffer);
  GtkTextIter it;

  for (guint k = 0; k < n; k++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &it, k);
      if (gtk_text_iter_has_tag (&it, tag) != (k >= start))
        g_error ("code point %u (of %u, limit reached at %u) is %smarked", k, n, start,
                 k >= start ? "not " : "");
    }
}

static HbPost *
long_post (void)
{
  HbPost *post = hb_post_new ();
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < 7; i++)
    g_string_append (body, "Gotong-royong perdana di Taman Selasih bersama penduduk setempat. ");
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Gotong-royong Perdana");
  hb_post_set_field (post, HB_FIELD_BODY, body->str);
  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK #KulimBersih");
  hb_post_set_field (post, HB_FIELD_LINK, "https://www.mpkk.gov.my/berita/gotong-royong");
  hb_post_toggle_platform (post, "x", TRUE);
  return post;
}

/* X's count past the limit: everything from the first code point that
 * does not fit to the very end is marked, the hashtags and the link
 * included, and nothing before it. */
static void
test_over_limit_covers_the_rest (void)
{
  g_autoptr(HbPost) post = long_post ();
  GtkWidget *window = gtk_window_new ();
  HbPlatformPreview *preview = HB_PLATFORM_PREVIEW (hb_platform_preview_new ());
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextTag *over;
  g_autofree char *text = NULL, *shot = NULL;
  const char *tags_at;
  HbCount count;
  guint start;
  GtkTextIter it;

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  hb_platform_preview_set_post (preview, post);
  hb_platform_preview_show_platform (preview, "x");
  hb_gui_test_settle_widget (window);

  text = hb_platform_preview_dup_text (preview);
  g_assert_true (hb_count_text (text, -1, HB_COUNT_TWITTER_V3, 280, &count, NULL));
  g_assert_false (count.valid);
  start = hb_platform_preview_get_over_start (preview);
  g_assert_cmpuint (start, ==, count.valid_end + 1);
  tags_at = strstr (text, "#MPKK");
  g_assert_nonnull (tags_at);
  g_assert_cmpuint (start, <, g_utf8_pointer_to_offset (text, tags_at));

  view = GTK_TEXT_VIEW (hb_gui_test_find_child (GTK_WIDGET (preview), GTK_TYPE_TEXT_VIEW));
  buffer = gtk_text_view_get_buffer (view);
  over = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "hb-over-limit");
  g_assert_nonnull (over);
  assert_marked_from (buffer, over, start);
  shot = hb_gui_test_screenshot (window, "caption-x-over-limit");

  /* A caption of X's own, typed on past the limit: what is typed is
   * marked as it is typed, not only at the next refresh. */
  hb_platform_preview_set_own (preview, TRUE);
  hb_gui_test_settle_widget (window);
  gtk_text_buffer_get_end_iter (buffer, &it);
  gtk_text_buffer_insert_interactive (buffer, &it, " #Tambahan https://kulim.gov.my/x", -1, TRUE);
  hb_gui_test_settle_widget (window);
  g_free (text);
  text = hb_platform_preview_dup_text (preview);
  g_assert_true (g_str_has_suffix (text, "#Tambahan https://kulim.gov.my/x"));
  g_assert_cmpstr (hb_post_get_caption_override (post, "x"), ==, text);
  g_assert_cmpuint (hb_platform_preview_get_over_start (preview), ==, start);
  assert_marked_from (buffer, over, start);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  char    *text;
  gboolean done;
} ClipboardRead;

static void
clipboard_read (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ClipboardRead *r = data;

  r->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  r->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* Presses one of the preview's Copy buttons and reads the clipboard back
 * as a paste would. */
static char *
copy_and_paste (HbPostPreview *preview,
                const char    *action)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (preview));
  ClipboardRead r = { NULL, FALSE };

  gdk_clipboard_set_text (clipboard, "(nothing copied)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), action, NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read, &r);
  g_assert_true (hb_gui_test_wait_until (read_done, &r, 5000));
  return r.text;
}

typedef struct
{
  HbPostPreview *preview;
  GdkPaintable  *old;
} PhotoWait;

static gboolean
photo_changed (gpointer data)
{
  PhotoWait *w = data;
  GdkPaintable *now = hb_post_preview_get_photo (w->preview);

  return now != NULL && now != w->old;
}

/* Shows @platform and waits for its photo; returns the photo's shape. */
static double
show_platform (HbPostPreview *preview,
               const char    *platform)
{
  PhotoWait w = { preview, hb_post_preview_get_photo (preview) };
  GdkPaintable *photo;

  hb_post_preview_set_platform (preview, platform);
  g_assert_true (hb_gui_test_wait_until (photo_changed, &w, 10000));
  photo = hb_post_preview_get_photo (preview);
  return (double) gdk_paintable_get_intrinsic_width (photo) / gdk_paintable_get_intrinsic_height (photo);
}

static char *
expected_shown (const char *platform,
                const char *caption,
                const char *label)
{
  const HbPlatform *p = hb_platforms_lookup (hb_platforms_get_default (), platform);
  gboolean folded;
  g_autofree char *cut = hb_platform_fold (p, caption, &folded);

  g_assert_true (folded == (label != NULL));
  return label ? g_strdup_printf ("%s… %s", cut, label) : g_steal_pointer (&cut);
}

/* The actions the officer can reach: buttons shown, and the items of a
 * split button's menu (Copy Hashtags and Copy Alt Texts sit in Copy
 * Caption's, so that the row fits the side panel). */
static void
collect_actions (GtkWidget *widget,
                 GPtrArray *names)
{
  if (!gtk_widget_get_visible (widget) || GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)))
    g_ptr_array_add (names, g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))));
  if (ADW_IS_SPLIT_BUTTON (widget))
    {
      GMenuModel *menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (widget));

      g_assert_nonnull (menu);
      for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
          GMenuModel *items = section ? section : menu;

          for (int j = 0; j < g_menu_model_get_n_items (items); j++)
            {
              char *action = NULL;

              if (g_menu_model_get_item_attribute (items, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
                g_ptr_array_add (names, action);
            }
          if (!section)
            break;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_actions (c, names);
}

static void
assert_offers (GtkWidget  *preview,
               const char *action)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  collect_actions (preview, names);
  if (!g_ptr_array_find_with_equal_func (names, action, g_str_equal, NULL))
    g_error ("the preview offers no button or menu item for %s", action);
}

/* One platform's post as its feed shows it, and Copy through the
 * clipboard: the whole caption, the hashtags, the alt texts. */
static void
test_post_preview (void)
{
  g_autoptr(HbPost) post = long_post ();
  g_autoptr(HbMediaItem) photo1 = NULL, photo2 = NULL;
  g_autoptr(HbCaption) composed = NULL;
  g_autofree char *path1 = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "gotong-royong-1.jpg", NULL);
  g_autofree char *path2 = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "dewan.jpg", NULL);
  GtkWidget *window = gtk_window_new ();
  HbPostPreview *preview = HB_POST_PREVIEW (hb_post_preview_new ());
  const char *platforms[] = { "instagram", "x", "facebook", "tiktok", "threads", NULL };
  g_autofree char *caption = NULL, *hashtags = NULL, *alts = NULL, *want = NULL;
  double shape;

  photo1 = hb_media_item_new (path1);
  hb_media_item_set_alt_text (photo1, "Penduduk membersihkan longkang di Taman Selasih");
  photo2 = hb_media_item_new (path2);
  hb_media_item_set_alt_text (photo2, "Dewan Majlis Perbandaran Kulim");
  g_list_store_append (hb_post_get_media (post), photo1);
  g_list_store_append (hb_post_get_media (post), photo2);
  hb_post_set_platforms (post, platforms);
  composed = hb_caption_compose (post, hb_post_get_language (post));

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  hb_post_preview_set_post (preview, post);

  /* Instagram: three lines or 125 characters, then "… more"; a 3:2
   * photo is within its range and stays whole. */
  shape = show_platform (preview, "instagram");
  g_assert_cmpfloat_with_epsilon (shape, 1600.0 / 1067.0, 0.01);
  want = expected_shown ("instagram", composed->text, "more");
  g_assert_cmpstr (hb_post_preview_get_shown_text (preview), ==, want);
  g_assert_cmpint (g_utf8_strlen (hb_post_preview_get_shown_text (preview), -1), <,
                   g_utf8_strlen (composed->text, -1));
  g_free (hb_gui_test_screenshot (window, "post-preview-instagram"));

  /* Copy gives the whole caption, not what the fold shows. */
  assert_offers (GTK_WIDGET (preview), "preview.copy-caption");
  assert_offers (GTK_WIDGET (preview), "preview.copy-hashtags");
  assert_offers (GTK_WIDGET (preview), "preview.copy-alt-texts");
  assert_offers (GTK_WIDGET (preview), "preview.copy-and-open");
  caption = copy_and_paste (preview, "preview.copy-caption");
  g_assert_cmpstr (caption, ==, composed->text);
  hashtags = copy_and_paste (preview, "preview.copy-hashtags");
  g_assert_cmpstr (hashtags, ==, "#MPKK #KulimBersih");
  alts = copy_and_paste (preview, "preview.copy-alt-texts");
  g_assert_cmpstr (alts, ==, "Photo 1: Penduduk membersihkan longkang di Taman Selasih\n"
                             "Photo 2: Dewan Majlis Perbandaran Kulim");

  /* X: no fold, the photo in a 16:9 crop. */
  shape = show_platform (preview, "x");
  g_assert_cmpfloat_with_epsilon (shape, 16.0 / 9.0, 0.01);
  g_assert_cmpstr (hb_post_preview_get_shown_text (preview), ==, composed->text);
  g_free (hb_gui_test_screenshot (window, "post-preview-x"));

  /* Facebook folds earlier and says "See more". */
  show_platform (preview, "facebook");
  g_free (want);
  want = expected_shown ("facebook", composed->text, "See more");
  g_assert_cmpstr (hb_post_preview_get_shown_text (preview), ==, want);

  /* TikTok: 9:16 out of the middle of the photo. */
  shape = show_platform (preview, "tiktok");
  g_assert_cmpfloat_with_epsilon (shape, 9.0 / 16.0, 0.01);
  g_free (hb_gui_test_screenshot (window, "post-preview-tiktok"));

  /* A caption of the platform's own is what shows and what is copied. */
  hb_post_set_caption_override (post, "tiktok", "Gotong-royong Sabtu ini. #MPKK");
  hb_gui_test_settle_widget (window);
  g_assert_cmpstr (hb_post_preview_get_shown_text (preview), ==, "Gotong-royong Sabtu ini. #MPKK");
  g_free (caption);
  caption = copy_and_paste (preview, "preview.copy-caption");
  g_assert_cmpstr (caption, ==, "Gotong-royong Sabtu ini. #MPKK");
  g_free (hashtags);
  hashtags = copy_and_paste (preview, "preview.copy-hashtags");
  g_assert_cmpstr (hashtags, ==, "#MPKK");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
record_uri (HbPostPreview *preview,
            const char    *uri,
            GPtrArray     *opened)
{
  g_ptr_array_add (opened, g_strdup (uri));
  return TRUE;
}

typedef struct
{
  GBytes  *bytes;
  gboolean done;
} WriteWait;

static void
written (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  WriteWait *w = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_content_serialize_finish (result, &error));
  g_assert_no_error (error);
  w->done = TRUE;
}

static gboolean
write_done (gpointer data)
{
  return ((WriteWait *) data)->done;
}

static GtkDragSource *
drag_source_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (c))
        return GTK_DRAG_SOURCE (c);
    }
  return NULL;
}

/* Copy and Open puts the caption on the clipboard and asks for the
 * platform's page for a new post; the browser is not started here (a
 * handler of ::open-uri stands in), so only the address is checked. */
static void
test_copy_and_open (void)
{
  g_autoptr(HbPost) post = long_post ();
  g_autoptr(HbMediaItem) photo = NULL;
  g_autoptr(HbCaption) composed = NULL;
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "dewan.jpg", NULL);
  GtkWidget *window = gtk_window_new ();
  HbPostPreview *preview = HB_POST_PREVIEW (hb_post_preview_new ());
  const char * const *ids = hb_platform_ids ();
  g_autofree char *pasted = NULL;

  photo = hb_media_item_new (path);
  g_list_store_append (hb_post_get_media (post), photo);
  composed = hb_caption_compose (post, hb_post_get_language (post));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (preview, "open-uri", G_CALLBACK (record_uri), opened);
  hb_post_preview_set_post (preview, post);

  /* No platform, no page: the action is off and nothing opens. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.copy-and-open", NULL);
  hb_gui_test_settle_widget (window);
  g_assert_cmpuint (opened->len, ==, 0);

  hb_post_preview_set_platform (preview, "x");
  pasted = copy_and_paste (preview, "preview.copy-and-open");
  g_assert_cmpstr (pasted, ==, composed->text);
  g_assert_cmpuint (opened->len, ==, 1);
  g_assert_cmpstr (opened->pdata[0], ==, "https://twitter.com/intent/tweet");
  /* Only the bare page: the caption is not put in the address. */
  g_assert_null (strchr (opened->pdata[0], '?'));

  /* Every platform has its page, an https address. */
  for (guint i = 0; ids[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (hb_platforms_get_default (), ids[i]);

      hb_post_preview_set_platform (preview, ids[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.copy-and-open", NULL));
      g_assert_cmpstr (g_ptr_array_steal_index (opened, opened->len - 1), ==, p->publish.compose_url);
      g_assert_true (g_str_has_prefix (p->publish.compose_url, "https://"));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
path_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
drag_file_ready (gpointer data)
{
  return hb_post_preview_get_drag_file (data) != NULL;
}

/* Whether @bytes hold @needle anywhere. */
static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size, n = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The photo drags out as a file: a copy as the bundle has it, without
 * the original's EXIF and GPS, offered as a file list and as
 * text/uri-list for a browser's upload field. */
static void
test_photo_drag (void)
{
  g_autoptr(HbPost) post = long_post ();
  g_autoptr(HbMediaItem) photo = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "photos", "taman-selasih.jpg", NULL);
  g_autofree char *uri = NULL, *uri_list = NULL, *base = NULL, *dir = NULL;
  g_autoptr(GBytes) original = NULL, dragged = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GFile) original_file = g_file_new_for_path (path);
  GtkWidget *window = gtk_window_new ();
  HbPostPreview *preview = HB_POST_PREVIEW (hb_post_preview_new ());
  GtkDragSource *source;
  GFile *file;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files;
  WriteWait w = { NULL, FALSE };

  /* The fixture does carry what must not be uploaded. */
  original = g_file_load_bytes (original_file, NULL, NULL, NULL);
  g_assert_true (bytes_contain (original, "Exif"));
  g_assert_true (bytes_contain (original, "TestCam"));

  photo = hb_media_item_new (path);
  g_list_store_append (hb_post_get_media (post), photo);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  hb_post_preview_set_post (preview, post);
  source = drag_source_of (hb_gui_test_find_child (GTK_WIDGET (preview), GTK_TYPE_PICTURE));
  g_assert_nonnull (source);
  show_platform (preview, "x");
  g_assert_true (hb_gui_test_wait_until (drag_file_ready, preview, 10000));
  file = hb_post_preview_get_drag_file (preview);

  /* The officer's file name, in a folder of its own; the copy is an
   * image with no metadata. */
  base = g_file_get_basename (file);
  g_assert_cmpstr (base, ==, "taman-selasih.jpg");
  g_assert_false (g_file_equal (file, original_file));
  dragged = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_nonnull (dragged);
  g_assert_false (bytes_contain (dragged, "Exif"));
  g_assert_false (bytes_contain (dragged, "TestCam"));
  pixbuf = gdk_pixbuf_new_from_file (g_file_peek_path (file), NULL);
  g_assert_nonnull (pixbuf);

  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  formats = gdk_content_formats_union_serialize_mime_types (gdk_content_provider_ref_formats (content));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/uri-list"));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  files = gdk_file_list_get_files (g_value_get_boxed (&value));
  g_assert_cmpuint (g_slist_length (files), ==, 1);
  g_assert_true (g_file_equal (files->data, file));
  g_slist_free (files);

  out = g_memory_output_stream_new_resizable ();
  /* As GTK serializes the file list for a drop target that reads URIs. */
  gdk_content_serialize_async (out, "text/uri-list", &value, G_PRIORITY_DEFAULT, NULL, written, &w);
  g_assert_true (hb_gui_test_wait_until (write_done, &w, 5000));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  uri_list = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  uri = g_file_get_uri (file);
  g_assert_cmpstr (g_strstrip (uri_list), ==, uri);

  /* The copy goes with the preview. */
  dir = g_path_get_dirname (g_file_peek_path (file));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (hb_gui_test_wait_until (path_gone, dir, 5000));
}

/* A stand-in for Yelp: a "yelp" on PATH, and the help: handler the
 * desktop would launch, which writes the address it was given. */
static char *fake_dir;

static char *
launched_path (void)
{
  return g_build_filename (fake_dir, "launched", NULL);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
set_up_fake_yelp (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bin = NULL, *apps = NULL, *config = NULL, *script = NULL, *launched = NULL;
  g_autofree char *desktop = NULL, *path = NULL;

  fake_dir = g_dir_make_tmp ("hb-test-help-XXXXXX", &error);
  g_assert_no_error (error);
  bin = g_build_filename (fake_dir, "bin", NULL);
  /* The scratch folders hb_gui_test_init() chose. */
  apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  config = g_strdup (g_get_user_config_dir ());
  g_assert_cmpint (g_mkdir_with_parents (bin, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  launched = launched_path ();
  script = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s.tmp' && mv '%s.tmp' '%s'\n",
                            launched, launched, launched);
  write_file (g_build_filename (bin, "yelp", NULL), script, 0755);
  desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Help Viewer\n"
                             "Exec=%s/yelp %%u\nMimeType=x-scheme-handler/help;\n", bin);
  write_file (g_build_filename (apps, "hb-test-yelp.desktop", NULL), desktop, 0644);
  write_file (g_build_filename (config, "mimeapps.list", NULL),
              "[Default Applications]\nx-scheme-handler/help=hb-test-yelp.desktop\n", 0644);
  path = g_strdup_printf ("%s:%s", bin, g_getenv ("PATH"));
  g_setenv ("PATH", path, TRUE);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static GtkApplication *app;

/* F1 is the guide's key; with Yelp there, help:hebahan goes to it and no
 * dialog shows. */
static void
test_help_opens_yelp (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.help");
  g_autofree char *launched = launched_path ();
  g_autofree char *uri = NULL;
  GtkWidget *window = gtk_application_window_new (app);

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_null (accels[1]);
  gtk_window_present (GTK_WINDOW (window));
  hb_gui_test_settle_widget (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (hb_gui_test_wait_until (file_exists, launched, 10000));
  g_assert_true (g_file_get_contents (launched, &uri, NULL, NULL));
  g_assert_cmpstr (uri, ==, "help:hebahan");
  hb_gui_test_settle_widget (window);
  g_assert_null (ADW_MESSAGE_DIALOG (hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)));
  g_remove (launched);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without Yelp, F1 explains what to install instead of doing nothing. */
static void
test_help_without_yelp (void)
{
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *launched = launched_path ();
  GtkWidget *window = gtk_application_window_new (app);
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  hb_gui_test_settle_widget (window);
  g_setenv ("PATH", "/nonexistent", TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_setenv ("PATH", old_path, TRUE);
  dialog = ADW_MESSAGE_DIALOG (hb_gui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The User Guide Cannot Be Shown");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "yelp"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_false (g_file_test (launched, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = GTK_APPLICATION (hb_gui_test_app_new (&argc, &argv));
  /* Before GIO reads the desktop's applications. */
  set_up_fake_yelp ();

  g_test_add_func ("/gui-publish/over-limit-covers-the-rest", test_over_limit_covers_the_rest);
  g_test_add_func ("/gui-publish/post-preview", test_post_preview);
  g_test_add_func ("/gui-publish/copy-and-open", test_copy_and_open);
  g_test_add_func ("/gui-publish/photo-drag", test_photo_drag);
  g_test_add_func ("/gui-publish/help-opens-yelp", test_help_opens_yelp);
  g_test_add_func ("/gui-publish/help-without-yelp", test_help_without_yelp);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
