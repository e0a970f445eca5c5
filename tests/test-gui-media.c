/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-media.c — the media grid as a user sees it: thumbnails, item
 * errors, alt text, reordering, removing, a video's details, and quality
 * badges. */
#include <glib/gstdio.h>
#include <string.h>

#include "hb-application.h"
#include "hb-document.h"
#include "hb-gui-test.h"
#include "hb-media-grid.h"
#include "hb-media-tile.h"
#include "hb-widget-util.h"

static char *fixture_dir;

typedef struct
{
  GtkWidget   *window;
  HbDocument  *document;  /* measures the items, as in the window */
  HbMediaGrid *grid;
  GListStore  *model;
} Fixture;

static char *
demo_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", name, NULL);
}

static GFile *
write_fixture (const char *name,
               const void *data,
               gsize       len)
{
  g_autofree char *path = g_build_filename (fixture_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = hb_document_new (NULL, NULL, NULL);
  f->model = g_object_ref (hb_post_get_media (hb_document_get_post (f->document)));
  f->grid = HB_MEDIA_GRID (hb_media_grid_new ());
  hb_media_grid_set_model (f->grid, f->model);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 820, 560);
  gtk_widget_set_margin_start (GTK_WIDGET (f->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (f->grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (f->grid), 12);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->grid));
  gtk_window_present (GTK_WINDOW (f->window));
  hb_gui_test_settle_widget (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hb_document_cancel (f->document);
  g_clear_object (&f->model);
  g_clear_object (&f->document);
  hb_gui_test_run_pending ();
}

static gboolean
nothing_pending (gpointer data)
{
  Fixture *f = data;

  return hb_media_grid_get_n_pending (f->grid) == 0;
}

static gboolean
is_tile_of (GtkWidget *widget,
            gpointer   item)
{
  return HB_IS_MEDIA_TILE (widget) && hb_media_tile_get_item (HB_MEDIA_TILE (widget)) == item;
}

static HbMediaTile *
find_tile (GtkWidget   *root,
           HbMediaItem *item)
{
  return (HbMediaTile *) hb_gui_test_find (root, is_tile_of, item);
}

static HbMediaTile *
tile_at (Fixture *f,
         guint    position)
{
  g_autoptr(HbMediaItem) item = g_list_model_get_item (G_LIST_MODEL (f->model), position);
  HbMediaTile *tile = find_tile (GTK_WIDGET (f->grid), item);

  g_assert_nonnull (tile);
  return tile;
}

typedef struct
{
  GType       type;
  const char *text;
} Wanted;

static gboolean
is_wanted (GtkWidget *widget,
           gpointer   data)
{
  Wanted *w = data;
  const char *label = GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : NULL;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, w->type) && (w->text == NULL || (label && strstr (label, w->text)));
}

/* The first widget of @type under @root whose label contains @text (or
 * the first of @type at all when @text is NULL). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  Wanted w = { type, text };

  return hb_gui_test_find (root, is_wanted, &w);
}

static void
add_files (Fixture *f,
           GFile  **files,
           guint    n)
{
  hb_media_grid_add_files (f->grid, files, n);
  g_assert_true (hb_gui_test_wait_until (nothing_pending, f, 20000));
  hb_gui_test_settle_widget (f->window);
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *empty = find_widget (GTK_WIDGET (f->grid), GTK_TYPE_LABEL, "No photos or videos yet");

  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpuint (hb_media_grid_get_n_pending (f->grid), ==, 0);
}

static void
check_photo_tile (HbMediaTile *tile)
{
  GdkPaintable *preview = hb_media_tile_get_preview (tile);
  GtkWidget *picture = find_widget (GTK_WIDGET (tile), GTK_TYPE_PICTURE, NULL);

  g_assert_nonnull (preview);
  g_assert_true (GDK_IS_TEXTURE (preview));
  /* The demo photo is 1600 × 1067: the tile holds a 256-pixel thumbnail. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 256);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, 171);
  g_assert_true (gtk_widget_get_mapped (picture));
  g_assert_true (gtk_picture_get_paintable (GTK_PICTURE (picture)) == preview);
  g_assert_cmpstr (hb_media_tile_get_details (tile), ==, "1600 × 1067");
}

static void
collect_tooltips (GtkWidget *widget,
                  GPtrArray *tooltips)
{
  if (gtk_widget_get_tooltip_text (widget))
    g_ptr_array_add (tooltips, (gpointer) gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_tooltips (child, tooltips);
}

/* The tile sets its tooltips in code (hb_widget_set_tooltip_text()): the
 * icon buttons and the file name still have theirs. */
static void
check_tooltips (HbMediaTile *tile,
                const char  *path)
{
  g_autoptr(GPtrArray) tooltips = g_ptr_array_new ();
  const char *expected[] = { "Remove", "Play", "Move earlier", "Move later",
                             "Read aloud to people who cannot see the photo" };

  collect_tooltips (GTK_WIDGET (tile), tooltips);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (tooltips, expected[i], g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (tooltips, path, g_str_equal, NULL));
}

static void
check_alt_text (HbMediaTile *tile)
{
  HbMediaItem *item = hb_media_tile_get_item (tile);
  GtkWidget *entry = find_widget (GTK_WIDGET (tile), GTK_TYPE_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Sukarelawan membersihkan longkang");
  g_assert_cmpstr (hb_media_item_get_alt_text (item), ==, "Sukarelawan membersihkan longkang");
  hb_media_item_set_alt_text (item, "Sukarelawan di Taman Selasih");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Sukarelawan di Taman Selasih");
}

static void
test_photo_and_bad_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *photo_path = demo_path ("gotong-royong-1.jpg");
  g_autoptr(GFile) photo = g_file_new_for_path (photo_path);
  g_autoptr(GFile) bad = write_fixture ("nota.jpg", "bukan gambar\n", 13);
  GFile *files[] = { photo, bad };
  HbMediaTile *bad_tile;
  GtkWidget *error_label;

  add_files (f, files, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 2);
  check_photo_tile (tile_at (f, 0));
  check_tooltips (tile_at (f, 0), g_file_peek_path (photo));
  check_alt_text (tile_at (f, 0));
  g_assert_cmpint (strlen (hb_media_item_get_sha256 (hb_media_tile_get_item (tile_at (f, 0)))), ==, 64);

  bad_tile = tile_at (f, 1);
  error_label = find_widget (GTK_WIDGET (bad_tile), GTK_TYPE_LABEL, "“nota.jpg”");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_nonnull (strstr (hb_media_item_get_error (hb_media_tile_get_item (bad_tile)), "nota.jpg"));
  g_assert_null (hb_media_tile_get_preview (bad_tile));
  g_free (hb_gui_test_screenshot (f->window, "media-grid"));
}

static void
test_alt_finding (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *photo_path = demo_path ("dewan.jpg");
  g_autoptr(GFile) photo = g_file_new_for_path (photo_path);
  HbMediaTile *tile;
  GtkEntry *entry;

  add_files (f, &photo, 1);
  tile = tile_at (f, 0);
  entry = GTK_ENTRY (find_widget (GTK_WIDGET (tile), GTK_TYPE_ENTRY, NULL));
  hb_media_grid_set_alt_finding (f->grid, hb_media_tile_get_item (tile),
                                 "Alt text is missing", HB_SEVERITY_WARNING);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "warning"));
  g_assert_cmpstr (gtk_entry_get_icon_name (entry, GTK_ENTRY_ICON_SECONDARY), ==, "dialog-warning-symbolic");
  g_assert_cmpstr (gtk_entry_get_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY), ==, "Alt text is missing");
  g_free (hb_gui_test_screenshot (f->window, "media-grid-alt-finding"));

  hb_media_grid_set_alt_finding (f->grid, hb_media_tile_get_item (tile), NULL, HB_SEVERITY_INFO);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "warning"));
  g_assert_null (gtk_entry_get_icon_name (entry, GTK_ENTRY_ICON_SECONDARY));
}

static HbMediaItem *
item_at (Fixture *f,
         guint    position)
{
  g_autoptr(HbMediaItem) item = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  return item;  /* the model keeps it alive */
}

static void
test_move_and_remove (Fixture       *f,
                      gconstpointer  data)
{
  const char *names[] = { "gotong-royong-1.jpg", "gotong-royong-2.jpg", "dewan.jpg" };
  GFile *files[3];
  HbMediaItem *first, *second, *third;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = demo_path (names[i]);

      files[i] = g_file_new_for_path (path);
    }
  add_files (f, files, 3);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  first = item_at (f, 0), second = item_at (f, 1), third = item_at (f, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 0)), "tile.move-right", NULL));
  g_assert_true (item_at (f, 0) == second);
  g_assert_true (item_at (f, 1) == first);
  /* The rebuilt tile shows what was loaded before, without loading again. */
  g_assert_cmpuint (hb_media_grid_get_n_pending (f->grid), ==, 0);
  g_assert_nonnull (hb_media_tile_get_preview (tile_at (f, 1)));

  gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 2)), "tile.move-left", NULL);
  g_assert_true (item_at (f, 1) == third);
  g_assert_true (item_at (f, 2) == first);

  /* Nothing moves past either end. */
  gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 0)), "tile.move-left", NULL);
  gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 2)), "tile.move-right", NULL);
  g_assert_true (item_at (f, 0) == second);
  g_assert_true (item_at (f, 2) == first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 1)), "tile.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 2);
  g_assert_true (item_at (f, 0) == second);
  g_assert_true (item_at (f, 1) == first);
  g_assert_null (find_tile (GTK_WIDGET (f->grid), third));

  gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 0)), "tile.remove", NULL);
  gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 0)), "tile.remove", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  hb_gui_test_settle_widget (f->window);
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (f->grid), GTK_TYPE_LABEL,
                                                     "No photos or videos yet")));
}

typedef struct
{
  GListModel *model;
  GArray     *counts;   /* items in the grid at each frame painted */
} FrameLog;

static void
log_frame (GdkFrameClock *clock,
           FrameLog      *log)
{
  guint n = g_list_model_get_n_items (log->model);

  if (log->counts->len == 0 || g_array_index (log->counts, guint, log->counts->len - 1) != n)
    g_array_append_val (log->counts, n);
}

static GFile **
demo_photos (guint n)
{
  const char *names[] = { "gotong-royong-1.jpg", "gotong-royong-2.jpg", "dewan.jpg" };
  GFile **files = g_new0 (GFile *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = demo_path (names[i % G_N_ELEMENTS (names)]);

      files[i] = g_file_new_for_path (path);
    }
  return files;
}

/* Twelve photos dropped at once: the first tile is there (and loading)
 * straight away, and the rest are built a few per frame, so that no frame
 * has to lay out a dozen new tiles at once. */
static void
test_tiles_spread_over_frames (Fixture       *f,
                               gconstpointer  data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (f->window);
  FrameLog log = { G_LIST_MODEL (f->model), g_array_new (FALSE, FALSE, sizeof (guint)) };
  GFile **files = demo_photos (12);

  g_signal_connect (clock, "after-paint", G_CALLBACK (log_frame), &log);
  hb_media_grid_add_files (f->grid, files, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 1);
  g_assert_cmpuint (hb_media_grid_get_n_pending (f->grid), ==, 12);
  g_assert_true (hb_gui_test_wait_until (nothing_pending, f, 20000));
  g_signal_handlers_disconnect_by_data (clock, &log);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 12);
  for (guint i = 0; i < log.counts->len; i++)
    g_test_message ("frame %u: %u tiles", i, g_array_index (log.counts, guint, i));
  g_assert_cmpuint (log.counts->len, >=, 4);
  for (guint i = 1; i < log.counts->len; i++)
    g_assert_cmpuint (g_array_index (log.counts, guint, i) - g_array_index (log.counts, guint, i - 1),
                      <=, 6);
  g_array_unref (log.counts);
  for (guint i = 0; i < 12; i++)
    g_object_unref (files[i]);
  g_free (files);
}

static gboolean
all_in_model (gpointer data)
{
  return g_list_model_get_n_items (data) == 3;
}

/* A grid that is not on screen has no frames; its tiles still come. */
static void
test_tiles_while_hidden (Fixture       *f,
                         gconstpointer  data)
{
  GFile **files = demo_photos (3);

  gtk_widget_set_visible (f->window, FALSE);
  hb_gui_test_settle_widget (f->window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->grid)));
  hb_media_grid_add_files (f->grid, files, 3);
  g_assert_true (hb_gui_test_wait_until (all_in_model, f->model, 5000));
  g_assert_true (hb_gui_test_wait_until (nothing_pending, f, 20000));
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  g_free (files);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

/* The tooltip helper the tiles use: a shown widget stays shown, a focused
 * entry keeps the keyboard focus, and the same text twice changes nothing. */
static void
test_tooltip_helper (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_label ("Satu");
  GtkWidget *entry = gtk_entry_new ();
  guint notified = 0;

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  hb_gui_test_settle_widget (f->window);
  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_is_focus (gtk_widget_get_focus_child (entry)));

  hb_widget_set_tooltip_text (button, "Padam");
  hb_widget_set_tooltip_text (entry, "Teks alternatif");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Padam");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, "Teks alternatif");
  g_assert_true (gtk_widget_get_visible (button) && gtk_widget_get_visible (entry));
  g_assert_true (gtk_widget_is_focus (gtk_widget_get_focus_child (entry)));

  g_signal_connect_swapped (button, "notify::visible", G_CALLBACK (count_notify), &notified);
  hb_widget_set_tooltip_text (button, "Padam");
  g_assert_cmpuint (notified, ==, 0);
  hb_widget_set_tooltip_text (button, NULL);
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_true (gtk_widget_get_visible (button));
}

static gboolean
have_gstreamer (void)
{
  g_autoptr(GtkMediaStream) stream = gtk_media_file_new ();

  return !g_str_equal (G_OBJECT_TYPE_NAME (stream), "GtkNoMediaFile");
}

static void
test_video (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *video_path = demo_path ("video.webm");
  g_autoptr(GFile) video = g_file_new_for_path (video_path);
  guint8 junk[4096];
  g_autoptr(GFile) broken = NULL;
  GFile *files[2] = { video, NULL };
  HbMediaTile *tile;
  GdkPaintable *poster;
  GtkWidget *player;

  if (!have_gstreamer ())
    {
      g_test_skip ("GTK has no GStreamer media backend here");
      return;
    }
  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (i * 2654435761u) >> 13;
  files[1] = broken = write_fixture ("rosak.webm", junk, sizeof junk);
  add_files (f, files, 2);

  tile = tile_at (f, 0);
  g_assert_null (hb_media_item_get_error (hb_media_tile_get_item (tile)));
  g_assert_cmpstr (hb_media_tile_get_details (tile), ==, "0:02 · 320 × 240");
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (tile), GTK_TYPE_LABEL, "0:02 · 320 × 240")));
  poster = hb_media_tile_get_preview (tile);
  g_assert_nonnull (poster);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (poster), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (poster), ==, 240);

  g_assert_nonnull (strstr (hb_media_item_get_error (hb_media_tile_get_item (tile_at (f, 1))), "rosak.webm"));
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (tile_at (f, 1)), GTK_TYPE_LABEL, "“rosak.webm”")));
  g_free (hb_gui_test_screenshot (f->window, "media-grid-video"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tile), "tile.play", NULL));
  player = GTK_WIDGET (hb_gui_test_wait_window (GTK_TYPE_VIDEO));
  gtk_window_close (GTK_WINDOW (player));
  hb_gui_test_settle_widget (f->window);
  g_assert_null (hb_gui_test_find_window (GTK_TYPE_VIDEO));
}

static gboolean
is_badge (GtkWidget *widget,
          gpointer   icon_name)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "media-tile-badge") &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0;
}

/* The badge showing @icon_name on @tile, or NULL. */
static GtkWidget *
find_badge (HbMediaTile *tile,
            const char  *icon_name)
{
  return hb_gui_test_find (GTK_WIDGET (tile), is_badge, (gpointer) icon_name);
}

static GFile *
quality_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "media-quality", name, NULL);

  return g_file_new_for_path (path);
}

static void
test_quality_badges (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) sharp = quality_fixture ("bythewater.jpg");
  g_autoptr(GFile) blurred = quality_fixture ("bythewater-blurred.jpg");
  GFile *files[] = { sharp, blurred };
  const char *findings[] = { "Instagram needs at least 1080 px wide", "Too small for a Facebook cover", NULL };
  g_autoptr(GFileInfo) file_info = g_file_query_info (blurred, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  HbMediaItem *sharp_item, *blurred_item;
  GtkWidget *fog, *warning;
  guint64 size;
  gboolean blurry, loaded;
  int width;

  add_files (f, files, 2);
  sharp_item = hb_media_tile_get_item (tile_at (f, 0));
  blurred_item = hb_media_tile_get_item (tile_at (f, 1));
  g_object_get (blurred_item, "loaded", &loaded, "blurry", &blurry, "width", &width, "size", &size, NULL);
  g_assert_true (loaded);
  g_assert_true (blurry);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpuint (size, ==, g_file_info_get_size (file_info));
  g_assert_true (hb_media_item_get_loaded (sharp_item));
  g_object_get (sharp_item, "blurry", &blurry, NULL);
  g_assert_false (blurry);

  fog = find_badge (tile_at (f, 1), "weather-fog-symbolic");
  g_assert_nonnull (fog);
  g_assert_true (gtk_widget_get_mapped (fog));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (fog), "Blurred"));
  g_assert_null (find_badge (tile_at (f, 0), "weather-fog-symbolic"));

  /* Platform findings from the linter: one badge, every message in it. */
  hb_media_grid_set_item_findings (f->grid, sharp_item, findings, HB_SEVERITY_WARNING);
  warning = find_badge (tile_at (f, 0), "dialog-warning-symbolic");
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_has_css_class (warning, "warning"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (warning), "Facebook cover"));
  g_free (hb_gui_test_screenshot (f->window, "media-grid-quality-badges"));

  /* They survive a reorder, which rebuilds the tiles. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tile_at (f, 0)), "tile.move-right", NULL));
  hb_gui_test_settle_widget (f->window);
  g_assert_true (hb_media_tile_get_item (tile_at (f, 1)) == sharp_item);
  g_assert_nonnull (find_badge (tile_at (f, 1), "dialog-warning-symbolic"));
  g_assert_nonnull (find_badge (tile_at (f, 0), "weather-fog-symbolic"));

  hb_media_grid_set_item_findings (f->grid, sharp_item, NULL, HB_SEVERITY_INFO);
  g_assert_null (find_badge (tile_at (f, 1), "dialog-warning-symbolic"));
}

static void
remove_fixtures (void)
{
  g_autoptr(GDir) dir = g_dir_open (fixture_dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture_dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  hb_gui_test_init (&argc, &argv);
  fixture_dir = g_dir_make_tmp ("hb-test-gui-media-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add ("/gui-media/empty-state", Fixture, NULL, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/gui-media/photo-and-bad-file", Fixture, NULL, fixture_set_up, test_photo_and_bad_file, fixture_tear_down);
  g_test_add ("/gui-media/alt-finding", Fixture, NULL, fixture_set_up, test_alt_finding, fixture_tear_down);
  g_test_add ("/gui-media/tiles-spread-over-frames", Fixture, NULL, fixture_set_up, test_tiles_spread_over_frames, fixture_tear_down);
  g_test_add ("/gui-media/tiles-while-hidden", Fixture, NULL, fixture_set_up, test_tiles_while_hidden, fixture_tear_down);
  g_test_add ("/gui-media/tooltip-helper", Fixture, NULL, fixture_set_up, test_tooltip_helper, fixture_tear_down);
  g_test_add ("/gui-media/move-and-remove", Fixture, NULL, fixture_set_up, test_move_and_remove, fixture_tear_down);
  g_test_add ("/gui-media/video", Fixture, NULL, fixture_set_up, test_video, fixture_tear_down);
  g_test_add ("/gui-media/quality-badges", Fixture, NULL, fixture_set_up, test_quality_badges, fixture_tear_down);

  status = g_test_run ();
  remove_fixtures ();
  g_free (fixture_dir);
  return status;
}
