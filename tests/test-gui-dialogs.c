/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-dialogs.c — the dialogs an officer meets around a file, as
 * they open under Xvfb: the file chooser starts in Documents on a fresh
 * install and in the folder used last afterwards (never the working
 * folder); Print to File offers the programme's name, in that folder,
 * not output.pdf; a long finding's tooltip wraps at a reading width
 * rather than running off the screen. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "hb-application.h"
#include "hb-caption-view.h"
#include "hb-gui-test.h"
#include "hb-widget-util.h"
#include "hb-window.h"

static HbApplication *app;
static char *scratch;      /* the test's own home for files */
static char *documents;    /* its Documents folder, through user-dirs.dirs */

/* A new window at the size council PCs have, settled. */
static HbWindow *
new_window (void)
{
  return hb_gui_test_window_new (app, 1366, 768);
}

/* ------------------------------------------------------------------ */
/* Where the file chooser starts                                       */

/* The folder the chooser shows once @action has opened it. */
static char *
chooser_folder (HbWindow   *window,
                const char *action)
{
  g_autoptr(GFile) folder = NULL;
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  chooser = hb_gui_test_wait_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_nonnull (folder);
  return g_file_get_path (folder);
}

/* Answers the chooser shown with @response and waits for it to go. */
static void
answer_chooser (int response)
{
  GtkWindow *chooser = hb_gui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), response);
  hb_gui_test_wait_window_gone (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

/* A fresh install (no folder remembered) opens Documents, not the folder
 * the app was started in; after saving elsewhere, both Open and Save As
 * start there, in a new window too. */
static void
test_chooser_folder (void)
{
  GSettings *settings = hb_application_get_settings (app);
  g_autofree char *archive = g_build_filename (scratch, "Arkib hebahan", NULL);
  g_autofree char *saved = g_build_filename (archive, "gotong-royong.hebahan", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *folder = NULL;
  HbWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (archive, 0700), ==, 0);
  g_settings_reset (settings, "last-folder");
  window = new_window ();
  folder = chooser_folder (window, "win.open");
  g_assert_cmpstr (folder, ==, documents);
  g_assert_cmpstr (folder, !=, cwd);
  answer_chooser (GTK_RESPONSE_CANCEL);
  g_free (folder);
  folder = chooser_folder (window, "win.save-as");
  g_assert_cmpstr (folder, ==, documents);

  /* Saved in another folder, through the chooser. */
  hb_post_set_field (hb_document_get_post (hb_window_get_document (window)), HB_FIELD_EVENT_NAME,
                     "Program Gotong-Royong Perdana");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkWindow *chooser = hb_gui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_autoptr(GFile) there = g_file_new_for_path (archive);

    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), there, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "gotong-royong.hebahan");
    hb_gui_test_settle_widget (GTK_WIDGET (chooser));
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
  answer_chooser (GTK_RESPONSE_ACCEPT);
  hb_gui_test_settle (window);
  g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));

  g_free (folder);
  folder = chooser_folder (window, "win.open");
  g_assert_cmpstr (folder, ==, archive);
  answer_chooser (GTK_RESPONSE_CANCEL);
  hb_gui_test_close (window);

  window = new_window ();
  g_free (folder);
  folder = chooser_folder (window, "win.save-as");
  g_assert_cmpstr (folder, ==, archive);
  answer_chooser (GTK_RESPONSE_CANCEL);
  hb_gui_test_close (window);

  /* A remembered folder that has since gone: Documents again. */
  g_assert_cmpint (g_remove (saved), ==, 0);
  g_assert_cmpint (g_rmdir (archive), ==, 0);
  window = new_window ();
  g_free (folder);
  folder = chooser_folder (window, "win.open");
  g_assert_cmpstr (folder, ==, documents);
  answer_chooser (GTK_RESPONSE_CANCEL);
  hb_gui_test_close (window);
}

/* ------------------------------------------------------------------ */
/* Print to File                                                       */

typedef struct
{
  gboolean  done;
  char     *output_uri;   /* what the dialog's settings hold */
  char     *shown_name;   /* the .pdf name shown in a field of the dialog */
  guint     tries;
} PrintSeen;

/* The text @widget shows, if it is a label or a field. */
static const char *
text_of (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  return NULL;
}

static gboolean
shows_text_ending (GtkWidget *widget,
                   gpointer   suffix)
{
  const char *text = text_of (widget);

  return text && *text && gtk_widget_get_mapped (widget) && g_str_has_suffix (text, suffix);
}

/* The first shown label or field under @widget whose text, not empty,
 * ends with @suffix: the PDF's name (GTK 4.8 shows it on the print
 * dialog's File button), a tooltip's text. */
static GtkWidget *
shown_text (GtkWidget  *widget,
            const char *suffix)
{
  return hb_gui_test_find (widget, shows_text_ending, (gpointer) suffix);
}

/* Clicks the printer list's Print to File (the virtual printer), as the
 * officer does; TRUE once it is the dialog's choice. */
static gboolean
choose_print_to_file (GtkPrintUnixDialog *dialog)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (dialog);
  GtkWidget *list;
  GtkSelectionModel *model;

  if (printer && gtk_printer_is_virtual (printer))
    return TRUE;
  /* GTK 4.8's printer list is a column view of the printers. */
  list = hb_gui_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (list);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (list));
  for (guint i = 0; model && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (GTK_IS_PRINTER (item) && gtk_printer_is_virtual (GTK_PRINTER (item)))
        gtk_selection_model_select_item (model, i, TRUE);
    }
  return FALSE;
}

/* The print dialog runs its own main loop: it is looked at, and closed,
 * from a timeout inside that loop, once Print to File is chosen and its
 * file name shown. */
static gboolean
look_at_print_dialog (gpointer data)
{
  PrintSeen *seen = data;
  GtkWindow *dialog = hb_gui_test_find_window (GTK_TYPE_PRINT_UNIX_DIALOG);
  g_autoptr(GtkPrintSettings) settings = NULL;
  GtkWidget *shown;

  if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)) ||
      !choose_print_to_file (GTK_PRINT_UNIX_DIALOG (dialog)))
    return G_SOURCE_CONTINUE;
  /* Its options (the file's name among them) come a moment later. */
  if ((shown = shown_text (GTK_WIDGET (dialog), ".pdf")) == NULL && ++seen->tries < 50)
    return G_SOURCE_CONTINUE;
  settings = gtk_print_unix_dialog_get_settings (GTK_PRINT_UNIX_DIALOG (dialog));
  seen->output_uri = g_strdup (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
  seen->shown_name = shown ? g_strdup (text_of (shown)) : NULL;
  g_free (hb_gui_test_screenshot (GTK_WIDGET (dialog), "print-dialog"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  seen->done = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
print_seen (gpointer data)
{
  return ((PrintSeen *) data)->done && hb_gui_test_find_window (GTK_TYPE_PRINT_UNIX_DIALOG) == NULL;
}

/* Print to File offers "Sign-off sheet — <programme>.pdf" in the folder
 * used last, not output.pdf in the working folder. */
static void
test_print_file_name (void)
{
  GSettings *settings = hb_application_get_settings (app);
  g_autofree char *last = g_build_filename (scratch, "Cetakan", NULL);
  g_autofree char *expected_path = NULL, *expected_uri = NULL;
  HbWindow *window;
  PrintSeen seen = { 0 };
  guint look;

  g_assert_cmpint (g_mkdir_with_parents (last, 0700), ==, 0);
  g_settings_set_string (settings, "last-folder", last);
  window = new_window ();
  hb_post_set_field (hb_document_get_post (hb_window_get_document (window)), HB_FIELD_EVENT_NAME,
                     "Program Gotong-Royong Perdana Taman Selasih");
  hb_gui_test_settle (window);

  look = g_timeout_add (100, look_at_print_dialog, &seen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-signoff", NULL));
  if (!hb_gui_test_wait_until (print_seen, &seen, 20000))
    {
      g_source_remove (look);
      g_error ("the print dialog did not open");
    }
  expected_path = g_build_filename (last, "Sign-off sheet — Program Gotong-Royong Perdana Taman Selasih.pdf", NULL);
  expected_uri = g_filename_to_uri (expected_path, NULL, NULL);
  g_test_message ("Print to File: %s (shown as %s)", seen.output_uri, seen.shown_name);
  g_assert_cmpstr (seen.output_uri, ==, expected_uri);
  /* The File button shows the name, its start cut to "..." by GTK when
   * long; never output.pdf. */
  g_assert_nonnull (seen.shown_name);
  if (g_str_has_prefix (seen.shown_name, "..."))
    {
      g_assert_cmpuint (strlen (seen.shown_name), >, 3 + 12);
      g_assert_true (g_str_has_suffix (expected_path, seen.shown_name + 3));
    }
  else
    g_assert_cmpstr (seen.shown_name, ==, "Sign-off sheet — Program Gotong-Royong Perdana Taman Selasih.pdf");
  g_free (seen.output_uri);
  g_free (seen.shown_name);
  hb_gui_test_close (window);
}

/* ------------------------------------------------------------------ */
/* Tooltips wrap                                                       */

/* The pointer, moved by the X server as a mouse would, over @x,@y of
 * @widget: GTK sees the motion and, after its delay, asks for a tooltip. */
static void
move_pointer (GtkWidget *widget,
              double     x,
              double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  double nx, ny, sx, sy;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &nx, &ny));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XWarpPointer (display, None, gdk_x11_surface_get_xid (surface), 0, 0, 0, 0, (int) (nx + sx), (int) (ny + sy));
  XFlush (display);
}

/* The tooltip GTK shows: a popup of the window, not a toplevel. */
static GtkWidget *
tooltip_window (GtkWidget *window)
{
  GType type = g_type_from_name ("GtkTooltipWindow");

  for (GtkWidget *c = gtk_widget_get_first_child (window); c && type; c = gtk_widget_get_next_sibling (c))
    if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && gtk_widget_get_mapped (c))
      return c;
  return NULL;
}

static gboolean
tooltip_shown (gpointer data)
{
  GtkWidget *tip = tooltip_window (data);

  return tip && gtk_widget_get_width (tip) > 0;
}

/* Hovering a finding in the body shows its message, clause and
 * suggestion, a paragraph long: wrapped at a reading width (at most 60
 * characters a line, several lines), not one line across the screen. */
static void
test_tooltip_wraps (void)
{
  HbWindow *window;
  HbCaptionView *view;
  GtkTextBuffer *buffer;
  g_autofree char *markup = NULL, *shot = NULL;
  g_autoptr(PangoLayout) one_line = NULL;
  GdkRectangle where, monitor;
  GtkWidget *tip, *label;
  GtkTextIter iter;
  int wx, wy, unwrapped, chars, paragraphs;
  GdkMonitor *screen;

  /* The pointer is moved through the X server (Xvfb, as the GUI tests
   * run). */
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("the pointer is moved through X11; run under xvfb-run");
      return;
    }
  window = new_window ();
  view = HB_CAPTION_VIEW (hb_widget_find_descendant (GTK_WIDGET (window), "caption_view"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Dengar khabar pasar malam akan ditutup.", -1, TRUE);
  hb_gui_test_settle (window);
  g_assert_nonnull (hb_caption_view_get_finding_at (view, 3));
  markup = hb_caption_view_dup_tooltip (view, 3);
  g_assert_nonnull (markup);
  /* Long enough to need wrapping: the clause alone is a sentence or two. */
  g_assert_cmpuint (g_utf8_strlen (markup, -1), >, 120);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 3);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &where);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, where.x, where.y, &wx, &wy);
  move_pointer (GTK_WIDGET (view), wx + 2, wy + where.height / 2.0);
  hb_gui_test_iterate (50);
  move_pointer (GTK_WIDGET (view), wx + 4, wy + where.height / 2.0);
  if (!hb_gui_test_wait_until (tooltip_shown, window, 5000))
    g_error ("no tooltip over the finding");
  hb_gui_test_iterate (100);
  tip = tooltip_window (GTK_WIDGET (window));
  label = shown_text (tip, "");
  g_assert_true (GTK_IS_LABEL (label));
  shot = hb_gui_test_screenshot (tip, "tooltip-finding");

  /* What one unwrapped line of it would take, and what it is given. */
  one_line = gtk_widget_create_pango_layout (label, NULL);
  pango_layout_set_markup (one_line, gtk_label_get_label (GTK_LABEL (label)), -1);
  pango_layout_set_width (one_line, -1);
  pango_layout_get_pixel_size (one_line, &unwrapped, NULL);
  screen = gdk_display_get_monitor_at_surface (gtk_widget_get_display (tip),
                                               gtk_native_get_surface (GTK_NATIVE (window)));
  gdk_monitor_get_geometry (screen, &monitor);
  chars = gtk_label_get_max_width_chars (GTK_LABEL (label));
  g_test_message ("tooltip %d×%d px (unwrapped %d px), max %d chars a line, on a %d-px screen; %s",
                  gtk_widget_get_width (tip), gtk_widget_get_height (tip), unwrapped, chars,
                  monitor.width, shot);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (chars, >, 0);
  g_assert_cmpint (chars, <=, 70);
  g_assert_cmpint (gtk_widget_get_width (tip), <, unwrapped);
  g_assert_cmpint (gtk_widget_get_width (tip), <=, MIN (monitor.width / 2, 720));
  /* More lines than the tooltip has paragraphs: its lines were broken. */
  paragraphs = 1;
  for (const char *p = gtk_label_get_text (GTK_LABEL (label)); *p; p++)
    paragraphs += *p == '\n';
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), >, paragraphs);

  move_pointer (GTK_WIDGET (window), 1, 1);
  hb_gui_test_close (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = NULL, *dirs = NULL, *line = NULL;
  int status;

  /* Documents is the test's own, through the file GLib reads it from,
   * before anything asks for it. */
  scratch = g_dir_make_tmp ("hb-gui-dialogs-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  documents = g_build_filename (scratch, "Dokumen", NULL);
  config = g_build_filename (scratch, "config", NULL);
  dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
  g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
  /* hb_gui_test_init() points XDG_CONFIG_HOME at HB_TEST_DATA_HOME's
   * config folder (so no pack of the tester's is read): that is this
   * scratch folder's. */
  g_setenv ("HB_TEST_DATA_HOME", scratch, TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  /* The chooser is GTK's own dialog, not a portal's, to be looked into. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);
  app = hb_gui_test_app_new (&argc, &argv);
  g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), ==, documents);

  g_test_add_func ("/dialogs/chooser-folder", test_chooser_folder);
  g_test_add_func ("/dialogs/print-file-name", test_print_file_name);
  g_test_add_func ("/dialogs/tooltip-wraps", test_tooltip_wraps);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
