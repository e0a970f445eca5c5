/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench-media.c — `hb-bench media`: thirty 24-megapixel photos added to
 * the real media grid, until every thumbnail and measurement is in.
 *
 * The photos are made once by a child process (`hb-bench media-generate
 * DIR`) and kept in the user's cache folder, so neither their making nor
 * the 72 MB pixel buffer it needs shows in this process's peak RSS. They
 * are noise over gradients and stripes: libjpeg has about as much to
 * decode as in a camera's photo of the same size.
 *
 * Measured, from the call to hb_media_grid_add_files():
 *   first_thumbnail_ms  the end of the first frame painted with a tile
 *                       that shows its thumbnail (frame clock after-paint)
 *   all_done_ms         no tile loading and every item's measurements in
 *                       (measured by an HbDocument, as in the window)
 *   max_stall_ms        the longest time the main loop could not run: a
 *                       1 ms timeout at G_PRIORITY_HIGH is dispatched as
 *                       soon as the loop is free, so the gap between two of
 *                       its runs, less its 1 ms period, is the longest
 *                       stretch spent in other callbacks, layout and drawing
 *   peak_rss_mb         getrusage()'s ru_maxrss at the end
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <time.h>

#include "hb-bench.h"
#include "hb-document.h"
#include "hb-media-grid.h"
#include "hb-media-tile.h"

#define N_PHOTOS     30
#define PHOTO_WIDTH  6000
#define PHOTO_HEIGHT 4000
#define TIMEOUT_S    60

typedef struct
{
  HbDocument  *document;
  HbMediaGrid *grid;
  GPtrArray   *tiles;
  gint64       started;
  gint64       first_at;
  gint64       done_at;
  gint64       last_tick;
  gint64       max_gap;
  gint64       last_cpu;
} Run;

/* xorshift32: fast, and the same photos on every machine. */
static guint32
next_random (guint32 *state)
{
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state;
}

static void
paint_photo (GdkPixbuf *pixbuf,
             guint      seed)
{
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 state = 2463534242u + seed * 7919;

  for (int y = 0; y < PHOTO_HEIGHT; y++)
    {
      guint8 *p = pixels + (gsize) y * stride;

      for (int x = 0; x < PHOTO_WIDTH; x++, p += 3)
        {
          guint32 r = next_random (&state);
          int stripes = ((x / (8 + seed % 5) + y / 13) & 1) * 40;
          int base = x * 160 / PHOTO_WIDTH + y * 60 / PHOTO_HEIGHT + stripes;

          p[0] = CLAMP (base + (int) (r & 31) - 16, 0, 255);
          p[1] = CLAMP (base / 2 + 60 + (int) (r >> 8 & 31) - 16, 0, 255);
          p[2] = CLAMP (200 - base / 2 + (int) (r >> 16 & 31) - 16, 0, 255);
        }
    }
}

/* `hb-bench media-generate DIR`, run in a child process. */
int
hb_bench_media_generate (const char *dir)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_WIDTH, PHOTO_HEIGHT);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%02u.jpg", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *partial = g_strconcat (path, ".part", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      paint_photo (pixbuf, i);
      if (!gdk_pixbuf_save (pixbuf, partial, "jpeg", &error, "quality", "90", NULL)
          || g_rename (partial, path) != 0)
        {
          g_printerr ("hb-bench: cannot write %s: %s\n", path, error ? error->message : g_strerror (errno));
          return 2;
        }
    }
  return 0;
}

static gboolean
ensure_photos (const char *self_path,
               const char *dir)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_path, "media-generate", dir, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("hb-bench: making the photos failed: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();

  if (run->last_tick)
    run->max_gap = MAX (run->max_gap, now - run->last_tick);
  /* With HB_BENCH_DEBUG, each stall is listed with the main thread's own
   * CPU time in it, which tells the app's work from time lost to other
   * processes on a busy machine. */
  if (g_getenv ("HB_BENCH_DEBUG"))
    {
      gint64 cpu = thread_cpu_usec ();

      if (run->last_tick && cpu - run->last_cpu > 8000)
        g_printerr ("stall %.1f ms (main thread CPU %.1f ms) at %.1f ms\n",
                    (now - run->last_tick) / 1e3, (cpu - run->last_cpu) / 1e3,
                    (now - run->started) / 1e3);
      run->last_cpu = cpu;
    }
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
collect_tiles (GtkWidget *widget,
               GPtrArray *tiles)
{
  if (HB_IS_MEDIA_TILE (widget))
    g_ptr_array_add (tiles, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_tiles (child, tiles);
}

static void
after_paint (GdkFrameClock *clock,
             Run           *run)
{
  if (run->first_at || run->tiles == NULL)
    return;
  for (guint i = 0; i < run->tiles->len; i++)
    if (hb_media_tile_get_preview (run->tiles->pdata[i]))
      {
        run->first_at = g_get_monotonic_time ();
        return;
      }
}

static gboolean
all_loaded (Run *run)
{
  GListModel *model = G_LIST_MODEL (hb_media_grid_get_model (run->grid));

  if (hb_media_grid_get_n_pending (run->grid) > 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (model, i);

      if (!hb_media_item_get_loaded (item))
        return FALSE;
    }
  return TRUE;
}

static GtkWidget *
open_window (Run *run)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  run->grid = HB_MEDIA_GRID (hb_media_grid_new ());
  /* The window's document measures the media; the grid only shows them.
   * No backup of this throw-away post. */
  run->document = hb_document_new (NULL, NULL, NULL);
  hb_document_set_autosave_delay (run->document, G_MAXUINT);
  hb_media_grid_set_model (run->grid, hb_post_get_media (hb_document_get_post (run->document)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (run->grid));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (run->grid)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return window;
}

static int
measure (GPtrArray *files)
{
  Run run = { NULL };
  GtkWidget *window = open_window (&run);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 deadline;
  struct rusage usage;
  guint timer;

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &run);
  timer = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick, &run, NULL);
  run.started = g_get_monotonic_time ();
  hb_media_grid_add_files (run.grid, (GFile **) files->pdata, files->len);
  if (g_getenv ("HB_BENCH_DEBUG"))
    g_printerr ("add_files took %.1f ms\n", (g_get_monotonic_time () - run.started) / 1e3);
  run.tiles = g_ptr_array_new ();
  collect_tiles (GTK_WIDGET (run.grid), run.tiles);
  deadline = run.started + TIMEOUT_S * G_USEC_PER_SEC;
  while (!(all_loaded (&run) && run.first_at) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  run.done_at = g_get_monotonic_time ();
  g_source_remove (timer);
  g_signal_handlers_disconnect_by_data (clock, &run);
  getrusage (RUSAGE_SELF, &usage);
  if (!all_loaded (&run) || run.first_at == 0)
    {
      g_printerr ("hb-bench: the photos did not load within %d s\n", TIMEOUT_S);
      return 2;
    }
  g_print ("{\"bench\":\"media\",\"photos\":%u,\"first_thumbnail_ms\":%.1f,\"all_done_ms\":%.1f,"
           "\"max_stall_ms\":%.1f,\"peak_rss_mb\":%.1f}\n",
           files->len, (run.first_at - run.started) / 1e3, (run.done_at - run.started) / 1e3,
           MAX (0, run.max_gap - 1000) / 1e3, usage.ru_maxrss / 1024.0);
  g_ptr_array_unref (run.tiles);
  gtk_window_destroy (GTK_WINDOW (window));
  hb_document_drop_autosave (run.document);
  hb_document_cancel (run.document);
  g_object_unref (run.document);
  return 0;
}

/* The thirty photos, made first if they are not in the cache yet; NULL
 * (after saying why) when they cannot be made. */
GPtrArray *
hb_bench_media_photos (const char *self_path)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "hebahan-bench",
                                           "media-24mp-1", NULL);
  GPtrArray *paths;

  if (!ensure_photos (self_path, dir))
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%02u.jpg", i);

      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  return paths;
}

int
hb_bench_media (const char *self_path)
{
  g_autoptr(GPtrArray) paths = hb_bench_media_photos (self_path);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (paths == NULL)
    return 2;
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths->pdata[i]));
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  /* As in the typing bench: no GPU under Xvfb, so cairo rather than GL
   * on llvmpipe threads that would take both cores from the decoders. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gtk_init_check ())
    {
      g_printerr ("hb-bench: media needs an X11 display (run it under xvfb-run)\n");
      return 2;
    }
  adw_init ();
  return measure (files);
}
