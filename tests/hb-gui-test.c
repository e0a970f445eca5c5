/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-gui-test.c — helpers for the GUI tests under Xvfb. */
#include "config.h"

#include "hb-gui-test.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <execinfo.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "hb-media-grid.h"
#include "hb-test-server.h"
#include "hb-widget-util.h"

/* How long anything the tests wait for may take before the test fails:
 * generous, since the machine may be busy with other builds. */
#define WAIT_MS (20000 * HB_TEST_SLOWDOWN)

/* A GUI test that crashes would otherwise leave only "killed by signal
 * 11" in meson's log: print where, then die of the same signal.  (Not
 * async-signal-safe in theory; the process is going down anyway.) */
static void
print_backtrace (int signum)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  if (write (STDERR_FILENO, "Crashed; backtrace:\n", 20) < 0)
    _exit (128 + signum);
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
  signal (signum, SIG_DFL);
  raise (signum);
}

/* Unless a sanitizer has a handler of its own there already. */
static void
report_crashes_of (int signum)
{
  struct sigaction current;

  if (sigaction (signum, NULL, &current) == 0 && current.sa_handler == SIG_DFL)
    signal (signum, print_backtrace);
}

static void
report_crashes (void)
{
  void *warm[1];

  /* The first call loads libgcc's unwinder, which a signal handler must
   * not be the one to do. */
  backtrace (warm, 1);
  report_crashes_of (SIGSEGV);
  report_crashes_of (SIGBUS);
}

/* Xvfb has no notification daemon, and a window resized between a
 * snapshot and its allocation says so; neither is a failure of the app. */
static gboolean
ignore_test_machine (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  return strstr (message, "org.freedesktop.Notifications") == NULL &&
         strstr (message, "without a current allocation") == NULL;
}

/* GTK logs through the structured API, where a warning is made fatal by
 * the default writer before any fatal handler is asked; so the same
 * harmless messages are written, but without aborting, here too. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        !ignore_test_machine (NULL, level, fields[i].value, NULL))
      return g_log_writer_standard_streams (level & ~G_LOG_FLAG_FATAL, fields, n_fields, data);
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Backups, recent files, the policy cache and the demo copy go to a
 * scratch folder, never the tester's own, and no policy pack the tester
 * placed in their configuration is read; a subprocess inherits
 * HB_TEST_DATA_HOME, so recovery finds a killed child's work. */
static void
use_scratch_home (void)
{
  g_autofree char *config = NULL;

  if (g_getenv ("HB_TEST_DATA_HOME") == NULL)
    {
      g_autofree char *scratch = g_dir_make_tmp ("hb-gui-XXXXXX", NULL);

      g_assert_nonnull (scratch);
      g_setenv ("HB_TEST_DATA_HOME", scratch, TRUE);
    }
  config = g_build_filename (g_getenv ("HB_TEST_DATA_HOME"), "config", NULL);
  g_setenv ("XDG_DATA_HOME", g_getenv ("HB_TEST_DATA_HOME"), TRUE);
  g_setenv ("XDG_CACHE_HOME", g_getenv ("HB_TEST_DATA_HOME"), TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

/* The set-up every GUI test program shares: a scratch home, GTK for
 * tests, the app's resources and catalogues.  Set LANGUAGE before. */
void
hb_gui_test_init (int    *argc,
                  char ***argv)
{
  report_crashes ();
  use_scratch_home ();
  /* Settings stay in memory and the cairo renderer draws the same on
   * every machine, GL or not. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Transitions (the side panel, page switches, spinners) end at once, so
   * a settled window shows its final state, never a frame in between. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_log_set_fatal_handler (ignore_test_machine, NULL);
  g_log_set_writer_func (write_log, NULL, NULL);
  hb_app_ensure_resources ();
  bindtextdomain (GETTEXT_PACKAGE, HB_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* The application, registered but not run: tests open its windows and
 * activate its actions themselves. */
HbApplication *
hb_gui_test_app_new (int    *argc,
                     char ***argv)
{
  HbApplication *app;

  hb_gui_test_init (argc, argv);
  app = hb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

/* The shown toplevel of @type, such as a dialog the window just opened,
 * or the one holding a widget of @type as its child (the video player is
 * a plain window around a GtkVideo). */
GtkWindow *
hb_gui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      GtkWidget *child = gtk_window_get_child (w);

      if ((G_TYPE_CHECK_INSTANCE_TYPE (w, type) || (child && G_TYPE_CHECK_INSTANCE_TYPE (child, type))) &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;  /* GTK keeps it while it is shown */
    }
  return NULL;
}

/* The first widget at or under @root, depth first, that @match accepts,
 * or NULL. */
GtkWidget *
hb_gui_test_find (GtkWidget      *root,
                  HbGuiTestMatch  match,
                  gpointer        data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hb_gui_test_find (child, match, data);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or under @root, depth first. */
GtkWidget *
hb_gui_test_find_child (GtkWidget *root,
                        GType      type)
{
  return hb_gui_test_find (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_named (GtkWidget *widget,
          gpointer   name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The first widget at or under @root, depth first, whose widget name is
 * @name: widgets made in code, such as the checklist's rows, carry a
 * name rather than a template id. */
GtkWidget *
hb_gui_test_find_named (GtkWidget  *root,
                        const char *name)
{
  return hb_gui_test_find (root, is_named, (gpointer) name);
}

/* TRUE when all of @widget, laid out, is inside the visible part of the
 * scrolled window holding it, give or take a pixel (a view may be
 * scrolled to a fraction of one).  A gpointer, to be waited for with
 * hb_gui_test_wait_until(). */
gboolean
hb_gui_test_in_view (gpointer widget)
{
  GtkWidget *scroll, *view;
  graphene_rect_t bounds;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  scroll = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  g_return_val_if_fail (scroll != NULL, FALSE);
  /* The viewport (or a scrollable child) is the visible part: what is
   * under it is placed in its coordinates as scrolled. */
  view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroll));
  if (gtk_widget_get_height (widget) == 0 || gtk_widget_get_height (view) == 0 ||
      !gtk_widget_compute_bounds (widget, view, &bounds))
    return FALSE;
  return bounds.origin.y >= -1 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view) + 1;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the default main context until done() holds or time runs out;
 * returns whether done() held. */
gboolean
hb_gui_test_wait_until (gboolean (*done) (gpointer data),
                        gpointer   data,
                        guint      timeout_ms)
{
  gboolean expired = FALSE, held;
  guint id = g_timeout_add (timeout_ms, timed_out, &expired);

  /* done() is asked once per turn and its answer kept: a condition such
   * as "nothing is ready to run" may change by the next call. */
  while (!(held = done (data)) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return held;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets layout, drawing and idle work run for a while. */
void
hb_gui_test_iterate (guint ms)
{
  hb_gui_test_wait_until (never, NULL, ms);
}

/* ------------------------------------------------------------------ */
/* Waiting for the window to settle                                    */

static gboolean
nothing_ready (gpointer data)
{
  return !g_main_context_pending (NULL);
}

/* Runs whatever is ready to run (idles, events, redraws) until nothing
 * is: what a destroyed window leaves to do, for instance. */
void
hb_gui_test_run_pending (void)
{
  g_assert_true (hb_gui_test_wait_until (nothing_ready, NULL, WAIT_MS));
}

static void
after_paint (GdkFrameClock *clock,
             gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Has @widget's window draw a frame and waits until it is drawn, so that
 * what the latest changes laid out is on screen.  An unmapped widget has
 * nothing to draw. */
static void
draw_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  if (clock == NULL || !gtk_widget_get_mapped (widget))
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (hb_gui_test_wait_until (is_set, &painted, WAIT_MS));
  g_signal_handler_disconnect (clock, id);
}

/* Runs whatever is ready to run until nothing is, then until @widget's
 * window has drawn a frame with the result. */
void
hb_gui_test_settle_widget (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  hb_gui_test_run_pending ();
  draw_frame (widget);
  hb_gui_test_run_pending ();
}

typedef struct
{
  HbDocument  *document;
  HbMediaGrid *grid;
} Settling;

static gboolean
window_quiet (gpointer data)
{
  Settling *s = data;

  return hb_document_get_findings (s->document) != NULL && !hb_document_get_busy (s->document) &&
         !hb_document_get_linting (s->document) &&
         (s->grid == NULL || hb_media_grid_get_n_pending (s->grid) == 0) &&
         !g_main_context_pending (NULL);
}

/* Waits until @window's document has been linted and is neither linting
 * nor busy (a file operation or a pending backup), its media grid has
 * loaded every tile, nothing else is ready to run, and a frame showing
 * that state has been drawn.  A test that changes the post or the widgets
 * calls this before it looks at what the window shows. */
void
hb_gui_test_settle (HbWindow *window)
{
  Settling s;
  gint64 deadline = g_get_monotonic_time () + (gint64) WAIT_MS * 1000;

  g_return_if_fail (HB_IS_WINDOW (window));

  s.document = hb_window_get_document (window);
  s.grid = (HbMediaGrid *) hb_widget_find_descendant (GTK_WIDGET (window), "media_grid");
  /* Drawing may start work of its own (a tile's thumbnail in view, a
   * relint when a field loses focus): then settle again. */
  do
    {
      g_assert_true (hb_gui_test_wait_until (window_quiet, &s, WAIT_MS));
      draw_frame (GTK_WIDGET (window));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  while (!window_quiet (&s));
}

static gboolean
window_shown (gpointer data)
{
  GtkWindow *window = hb_gui_test_find_window (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* Waits for a toplevel of @type (a dialog the window opens) to show and
 * settle, and returns it; fails the test if none does. */
GtkWindow *
hb_gui_test_wait_window (GType type)
{
  GtkWindow *window;

  g_assert_true (hb_gui_test_wait_until (window_shown, GSIZE_TO_POINTER (type), WAIT_MS));
  window = hb_gui_test_find_window (type);
  hb_gui_test_settle_widget (GTK_WIDGET (window));
  return window;
}

static gboolean
window_gone (gpointer data)
{
  return hb_gui_test_find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

/* Waits until no toplevel of @type shows any more (a dialog answered, or
 * closed); fails the test if one still does. */
void
hb_gui_test_wait_window_gone (GType type)
{
  g_assert_true (hb_gui_test_wait_until (window_gone, GSIZE_TO_POINTER (type), WAIT_MS));
}

static gboolean
policy_loaded (gpointer data)
{
  return hb_application_get_policy (data) != NULL;
}

/* A new window with an empty post at @width×@height, shown and settled.
 * Its backups are written 50 ms after a change rather than 2 s, so that
 * settling does not wait for them. */
HbWindow *
hb_gui_test_window_new (HbApplication *app,
                        int            width,
                        int            height)
{
  HbWindow *window = hb_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  hb_document_set_autosave_delay (hb_window_get_document (window), 50);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hb_gui_test_wait_until (policy_loaded, app, WAIT_MS));
  hb_gui_test_settle (window);
  return window;
}

/* Closes @window without asking to save its changes, and runs what its
 * going leaves to do. */
void
hb_gui_test_close (HbWindow *window)
{
  g_return_if_fail (HB_IS_WINDOW (window));

  hb_document_set_modified (hb_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  hb_gui_test_run_pending ();
}

/* The resize border GTK keeps around a client-side decorated window
 * (Xvfb has no window manager to draw a frame): the window's offset in
 * its surface, on each side. */
static void
resize_border (GtkWindow *window,
               int       *x,
               int       *y)
{
  double bx, by;

  gtk_native_get_surface_transform (GTK_NATIVE (window), &bx, &by);
  *x = (int) bx;
  *y = (int) by;
}

typedef struct
{
  GtkWindow *window;
  int        width;
  int        height;
} Size;

static gboolean
has_size (gpointer data)
{
  Size *size = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (size->window));

  return surface != NULL && gdk_surface_get_width (surface) == size->width &&
         gdk_surface_get_height (surface) == size->height;
}

/* Asserts that @window takes exactly the @width×@height asked, never
 * more (its content's minimum size allows it), and that the window
 * inside that surface is smaller only by GTK's resize border on each
 * side, at most 16 px. */
void
hb_gui_test_assert_size (GtkWindow *window,
                         int        width,
                         int        height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int bx, by;

  g_assert_nonnull (surface);
  resize_border (window, &bx, &by);
  g_test_message ("asked %d×%d: surface %d×%d, window %d×%d, resize border %d×%d",
                  width, height, gdk_surface_get_width (surface), gdk_surface_get_height (surface),
                  gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)), bx, by);
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
  g_assert_cmpint (bx, >=, 0);
  g_assert_cmpint (bx, <=, 16);
  g_assert_cmpint (by, >=, 0);
  g_assert_cmpint (by, <=, 16);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width - 2 * bx);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height - 2 * by);
}

/* Waits until @window, resized after it showed, has the size from the X
 * server (a moment later), then asserts it as hb_gui_test_assert_size()
 * does. */
void
hb_gui_test_wait_size (GtkWindow *window,
                       int        width,
                       int        height)
{
  Size size = { window, width, height };

  hb_gui_test_wait_until (has_size, &size, WAIT_MS);
  hb_gui_test_assert_size (window, width, height);
}

/* The first of the findings @window's document has (shown or not) that
 * is of the rule @rule_id, or NULL. */
const HbPostFinding *
hb_gui_test_find_finding (HbWindow   *window,
                          const char *rule_id)
{
  GPtrArray *findings;

  g_return_val_if_fail (HB_IS_WINDOW (window), NULL);

  findings = hb_document_get_findings (hb_window_get_document (window));
  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HbPostFinding *f = findings->pdata[i];

      if (g_str_equal (hb_finding_get_rule_id (f->finding), rule_id))
        return f;
    }
  return NULL;
}

typedef struct
{
  HbApplication *app;
  HbWindow      *window;
} DemoWait;

static gboolean
demo_opened (gpointer data)
{
  DemoWait *w = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (w->app)); l; l = l->next)
    if (HB_IS_WINDOW (l->data) && hb_document_get_file (hb_window_get_document (l->data)))
      {
        w->window = l->data;
        return TRUE;
      }
  return FALSE;
}

/* `hebahan --demo`'s post (every kind of finding, photos, a video) opened
 * through the application's action at @width×@height, settled. */
HbWindow *
hb_gui_test_open_demo (HbApplication *app,
                       int            width,
                       int            height)
{
  DemoWait w = { app, NULL };

  /* New windows open at the size saved in the settings. */
  g_settings_set_int (hb_application_get_settings (app), "window-width", width);
  g_settings_set_int (hb_application_get_settings (app), "window-height", height);
  g_action_group_activate_action (G_ACTION_GROUP (app), "demo", NULL);
  g_assert_true (hb_gui_test_wait_until (demo_opened, &w, WAIT_MS));
  gtk_window_set_default_size (GTK_WINDOW (w.window), width, height);
  hb_gui_test_settle (w.window);
  return w.window;
}

/* ------------------------------------------------------------------ */
/* Screenshots                                                         */

static gboolean
drawable (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* Renders @widget as it is on screen to
 * $G_TEST_BUILDDIR/screenshots/NAME.png and returns the path. */
char *
hb_gui_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  GskRenderer *renderer;
  int w, h;

  g_assert_true (hb_gui_test_wait_until (drawable, widget, WAIT_MS));
  hb_gui_test_settle_widget (widget);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_mkdir_with_parents (dir, 0755);
  /* Until the first frame is drawn there is nothing to snapshot; on a
   * busy machine that can take a while. */
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        hb_gui_test_iterate (100);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}
