/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-layout.c — the window on the screens council PCs have: at
 * 1366×768 and at half of it (683×768), in English and in Malay, every
 * page (compose, findings, the checklist scrolled to its end, the caption
 * previews, preferences) is walked, and the test fails when a visible
 * label is given less width than its longest word, anything scrolls
 * sideways, or the body is narrower than 360 px.  Screenshots of each
 * state go to the build folder's tests/screenshots/layout-*.png.  Also:
 * Export on an unfinished post explains what is missing.  (That the
 * checklist keeps its place after a confirmation is test-gui-checklist's.) */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hb-application.h"
#include "hb-checklist.h"
#include "hb-findings-panel.h"
#include "hb-gui-test.h"
#include "hb-media-grid.h"
#include "hb-post-preview.h"
#include "hb-preferences-window.h"
#include "hb-widget-util.h"
#include "hb-window.h"

#define BODY_MIN_WIDTH 360

static HbApplication *app;

static HbWindow *
new_window (int width,
            int height)
{
  return hb_gui_test_window_new (app, width, height);
}

static GtkWidget *
find (HbWindow   *window,
      const char *id)
{
  GtkWidget *widget = hb_widget_find_descendant (GTK_WIDGET (window), id);

  g_assert_nonnull (widget);
  return widget;
}

/* ------------------------------------------------------------------ */
/* What is measured                                                    */

/* A token that may break anywhere: a web address, an e-mail address. */
static gboolean
breakable (const char *word)
{
  return strchr (word, '/') || strchr (word, '@') || g_utf8_strlen (word, -1) > 40;
}

static int
longest_word_width (GtkWidget  *label,
                    const char *text,
                    char      **which)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  int widest = 0;

  for (guint i = 0; words[i]; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      if (*words[i] == '\0' || breakable (words[i]))
        continue;
      layout = gtk_widget_create_pango_layout (label, words[i]);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (w > widest)
        {
          widest = w;
          g_free (*which);
          *which = g_strdup (words[i]);
        }
    }
  return widest;
}

/* Every mapped label with room for its longest word.  A label that
 * ellipsizes (the window title) shortens itself on purpose. */
static void
check_labels (GtkWidget *widget,
              GString   *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE)
    {
      g_autofree char *word = NULL;
      int need = longest_word_width (widget, gtk_label_get_text (GTK_LABEL (widget)), &word);
      int have = gtk_widget_get_width (widget);

      if (word && have + 1 < need)
        g_string_append_printf (problems, "  “%s”: %d px for “%s”, which needs %d px\n",
                                gtk_label_get_text (GTK_LABEL (widget)), have, word, need);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    check_labels (child, problems);
}

/* Nothing scrolls sideways: a scrolled window whose content is wider
 * than its view hides part of a row (the Copy buttons at 683 px did)
 * behind a scroll bar nobody expects in a panel of text.  No scrolled
 * window of the app is meant to scroll sideways, so there is no
 * exemption; one that is would be named here, with why. */
static void
check_scrollers (GtkWidget *widget,
                 GString   *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));
      double page = gtk_adjustment_get_page_size (h);
      double upper = gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h);

      if (page > 0 && upper > page + 1)
        {
          GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));
          const char *id = NULL;

          /* The viewport's child has the template's id, if any. */
          if (GTK_IS_VIEWPORT (child) && gtk_viewport_get_child (GTK_VIEWPORT (child)))
            child = gtk_viewport_get_child (GTK_VIEWPORT (child));
          id = child ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) : NULL;
          g_string_append_printf (problems, "  %s%s%s shows %.0f px of its %.0f\n",
                                  child ? G_OBJECT_TYPE_NAME (child) : "a scrolled window",
                                  id ? " " : "", id ? id : "", page, upper);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    check_scrollers (child, problems);
}

static gboolean
nothing_sideways (gpointer data)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  check_scrollers (data, problems);
  return problems->len == 0;
}

/* @root, a window asked to be @width×@height, in one state: as large as
 * asked and no larger (a minimum width above the asked one would push the
 * window past half the screen), labels with room for their words, nothing
 * scrolling sideways, the body wide enough. */
static void
check_state (GtkWidget  *root,
             GtkWidget  *body,
             const char *state,
             int         width,
             int         height)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *shot = NULL;

  /* A text view filled while hidden wraps its lines again in idle time,
   * a few frames after it shows: until then it is as wide as unwrapped.
   * What is too wide for good stays so. */
  hb_gui_test_wait_until (nothing_sideways, root, 3000);
  g_test_message ("%s: taking the screenshot", state);
  shot = hb_gui_test_screenshot (root, state);

  g_test_message ("%s: %dx%d, screenshot %s", state, gtk_widget_get_width (root),
                  gtk_widget_get_height (root), shot);
  hb_gui_test_assert_size (GTK_WINDOW (root), width, height);
  check_labels (root, problems);
  if (problems->len)
    g_error ("%s: labels narrower than their longest word:\n%s", state, problems->str);
  check_scrollers (root, problems);
  if (problems->len)
    g_error ("%s: content wider than its scrolled window, which scrolls sideways:\n%s", state,
             problems->str);
  if (body && gtk_widget_get_mapped (body))
    {
      g_test_message ("%s: body %d px wide", state, gtk_widget_get_width (body));
      g_assert_cmpint (gtk_widget_get_width (body), >=, BODY_MIN_WIDTH);
    }
}

static gboolean
laid_out (gpointer data)
{
  return gtk_adjustment_get_page_size (data) > 0 &&
         gtk_adjustment_get_upper (data) > gtk_adjustment_get_page_size (data);
}

static GtkScrolledWindow *
scroller_of (GtkWidget *widget)
{
  GtkWidget *scroll = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroll);
  return GTK_SCROLLED_WINDOW (scroll);
}

static GtkListBox *find_list (GtkWidget *widget);

/* Shows the checklist and scrolls it to its end, a list several screens
 * long; returns its adjustment. */
static GtkAdjustment *
checklist_to_end (HbWindow *window)
{
  GtkAdjustment *adj;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (window, "side_stack")), "checklist");
  hb_gui_test_settle (window);
  adj = gtk_scrolled_window_get_vadjustment (scroller_of (GTK_WIDGET (find_list (find (window, "checklist_panel")))));
  g_assert_true (hb_gui_test_wait_until (laid_out, adj, 5000));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  hb_gui_test_settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  return adj;
}

/* The demo post (every kind of finding, photos, a video) at @width×@height:
 * each page in turn. */
static void
walk (int         width,
      int         height,
      const char *lang)
{
  HbWindow *window = hb_gui_test_open_demo (app, width, height);
  GtkWidget *body, *flap;
  GtkButton *save;
  AdwViewStack *stack;
  GtkWindow *prefs;
  int prefs_width = MIN (width, 640), prefs_height = MIN (height, 640);
  guint n_previews = 0;
  g_autofree char *prefix = g_strdup_printf ("layout-%dx%d-%s", width, height, lang);
  g_autofree char *state = NULL;

  body = find (window, "body_box");
  flap = find (window, "flap");
  stack = ADW_VIEW_STACK (find (window, "side_stack"));

  /* Compose: the panel hidden, the body has its room. */
  adw_flap_set_reveal_flap (ADW_FLAP (flap), FALSE);
  hb_gui_test_settle (window);
  state = g_strconcat (prefix, "-compose", NULL);
  check_state (GTK_WIDGET (window), body, state, width, height);
  if (!adw_flap_get_folded (ADW_FLAP (flap)))
    g_assert_cmpint (gtk_widget_get_width (body), >, width / 2);
  /* Save is labelled where the form and the body fit side by side, its
   * icon (with its tooltip and a name for screen readers) where they take
   * turns. */
  save = GTK_BUTTON (find (window, "save_button"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (save)));
  if (adw_leaflet_get_folded (ADW_LEAFLET (find (window, "leaflet"))))
    g_assert_cmpstr (gtk_button_get_icon_name (save), ==, "document-save-symbolic");
  else
    g_assert_cmpstr (gtk_button_get_label (save), ==, _("_Save"));

  /* The findings, then the checklist at its end, then the captions. */
  adw_flap_set_reveal_flap (ADW_FLAP (flap), TRUE);
  adw_view_stack_set_visible_child_name (stack, "findings");
  hb_gui_test_settle (window);
  g_free (state);
  state = g_strconcat (prefix, "-findings", NULL);
  check_state (GTK_WIDGET (window), body, state, width, height);

  checklist_to_end (window);
  g_free (state);
  state = g_strconcat (prefix, "-checklist-end", NULL);
  check_state (GTK_WIDGET (window), body, state, width, height);

  adw_view_stack_set_visible_child_name (stack, "caption");
  hb_gui_test_settle (window);
  for (GtkWidget *c = gtk_widget_get_first_child (find (window, "previews_box")); c;
       c = gtk_widget_get_next_sibling (c))
    if (HB_IS_POST_PREVIEW (c))
      {
        n_previews++;
        g_assert_true (hb_post_preview_get_post (HB_POST_PREVIEW (c)) == hb_document_get_post (hb_window_get_document (window)));
      }
  g_assert_cmpuint (n_previews, ==, g_strv_length ((GStrv) hb_post_get_platforms (hb_document_get_post (hb_window_get_document (window)))));
  g_assert_cmpuint (n_previews, >, 0);
  g_free (state);
  state = g_strconcat (prefix, "-caption", NULL);
  check_state (GTK_WIDGET (window), body, state, width, height);

  /* Preferences, at the same width. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = hb_gui_test_wait_window (HB_TYPE_PREFERENCES_WINDOW);
  gtk_window_set_default_size (prefs, prefs_width, prefs_height);
  hb_gui_test_wait_size (prefs, prefs_width, prefs_height);
  g_free (state);
  state = g_strconcat (prefix, "-preferences", NULL);
  check_state (GTK_WIDGET (prefs), NULL, state, prefs_width, prefs_height);
  gtk_window_destroy (prefs);

  hb_gui_test_close (window);
}

/* A window is never larger than the screen: a size that does not fit
 * Xvfb's screen is skipped (CI runs a 1920×1080 screen). */
static gboolean
screen_fits (int width,
             int height)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width >= width && geometry.height >= height)
    return TRUE;
  g_test_skip ("the screen is smaller than the window size tested; run under "
               "xvfb-run -s \"-screen 0 1920x1080x24\"");
  return FALSE;
}

static void
in_language (const char *lang,
             int         width,
             int         height)
{
  if (!screen_fits (width, height))
    return;
  if (g_str_equal (lang, "en"))
    {
      walk (width, height, lang);
      return;
    }
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", lang, TRUE);
      setlocale (LC_ALL, "");
      g_settings_set_string (hb_application_get_settings (app), "language", lang);
      walk (width, height, lang);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR | G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

static void test_en_1366 (void) { in_language ("en", 1366, 768); }
static void test_en_683 (void) { in_language ("en", 683, 768); }
static void test_ms_1366 (void) { in_language ("ms", 1366, 768); }
static void test_ms_683 (void) { in_language ("ms", 683, 768); }
static void test_en_1024 (void) { in_language ("en", 1024, 640); }
static void test_en_1920 (void) { in_language ("en", 1920, 1080); }

/* ------------------------------------------------------------------ */
/* Guidance to export                                                  */

static GtkListBox *
find_list (GtkWidget *widget)
{
  return GTK_LIST_BOX (hb_gui_test_find_child (widget, GTK_TYPE_LIST_BOX));
}

/* Export on a new post is not a dead button: it lists every missing
 * item, and a row leads to that item in the checklist, in view. */
static void
test_export_guidance (void)
{
  HbWindow *window = new_window (1366, 768);
  GPtrArray *statuses = hb_document_get_statuses (hb_window_get_document (window));
  GtkWindow *dialog;
  GtkListBox *list;
  GtkWidget *row, *target, *focus;
  guint missing = hb_checklist_n_items (statuses) - hb_checklist_n_complete (statuses), rows = 0;
  const HbCheckStatus *last = NULL;
  g_autofree char *shot = NULL;
  graphene_rect_t bounds;
  GtkWidget *viewport;

  g_assert_cmpuint (missing, >, 0);
  /* The to-do popover beside Export scrolls rather than outgrow a
   * 768-px screen. */
  {
    GtkMenuButton *todo = GTK_MENU_BUTTON (find (window, "missing_button"));
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (todo));
    g_autofree char *todo_shot = NULL;

    gtk_menu_button_popup (todo);
    hb_gui_test_settle (window);
    g_assert_true (gtk_widget_get_mapped (popover));
    todo_shot = hb_gui_test_screenshot (popover, "layout-todo-popover");
    g_test_message ("to-do popover: %d px tall for %u items", gtk_widget_get_height (popover), missing);
    g_assert_cmpint (gtk_widget_get_height (popover), <, 600);
    gtk_menu_button_popdown (todo);
  }
  g_assert_true (gtk_widget_get_sensitive (find (window, "export_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = hb_gui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "export_guidance");
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  shot = hb_gui_test_screenshot (GTK_WIDGET (dialog), "layout-export-guidance");
  list = find_list (GTK_WIDGET (dialog));
  g_assert_nonnull (list);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, missing);
  /* Export revealed the gaps held back on the new post. */
  g_assert_cmpuint (hb_findings_panel_get_n_rows (HB_FINDINGS_PANEL (find (window, "findings_panel"))), >, 0);

  /* The last missing item: furthest down the checklist. */
  for (guint i = 0; i < statuses->len; i++)
    if (!((const HbCheckStatus *) statuses->pdata[i])->complete)
      last = statuses->pdata[i];
  for (row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_name (row), last->item->id))
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  hb_gui_test_settle (window);
  g_assert_null (hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_free (shot);
  shot = hb_gui_test_screenshot (GTK_WIDGET (window), "layout-export-guidance-item");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (find (window, "side_stack"))), ==, "checklist");
  target = hb_gui_test_find_named (GTK_WIDGET (find_list (find (window, "checklist_panel"))), last->item->id);
  g_assert_nonnull (target);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == target || gtk_widget_is_ancestor (focus, target));
  g_assert_true (gtk_widget_has_css_class (target, "hb-highlight"));
  /* In view: inside the scrolled window's visible part (the item is near
   * the end of a list several screens long). */
  viewport = gtk_widget_get_parent (GTK_WIDGET (find_list (find (window, "checklist_panel"))));
  g_assert_true (hb_gui_test_wait_until (hb_gui_test_in_view, target, 3000));
  g_assert_true (gtk_widget_compute_bounds (target, viewport, &bounds));
  g_test_message ("the item is at %g..%g of a %d-px view", bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (viewport));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A screenshot taken while the window is being resized can meet a widget
 * between two allocations; that is the test's timing, not the app. */
static gboolean
panel_has_rule (HbWindow   *window,
                const char *prefix)
{
  HbFindingsPanel *panel = HB_FINDINGS_PANEL (find (window, "findings_panel"));

  for (guint i = 0; i < hb_findings_panel_get_n_rows (panel); i++)
    if (g_str_has_prefix (hb_finding_get_rule_id (hb_findings_panel_get_finding (panel, i)->finding), prefix))
      return TRUE;
  return FALSE;
}

static char *
first_menu_label (GtkWidget *view)
{
  GMenuModel *menu = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  char *label = NULL;

  g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

/* A new post opens calm: no warning for fields nobody has been to, a
 * placeholder in the body; a field left empty is then reported.  The
 * context menu names the word it would put in. */
static void
test_calm_first_screen (void)
{
  HbWindow *window = new_window (1366, 768);
  HbDocument *document = hb_window_get_document (window);
  GtkWidget *view = find (window, "caption_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *label = NULL, *shot = NULL, *expected = NULL;
  GtkTextIter iter;

  g_assert_true (gtk_widget_get_mapped (find (window, "body_placeholder")));
  shot = hb_gui_test_screenshot (GTK_WIDGET (window), "layout-new-post");
  /* The document knows the fields are empty; the window does not say so yet. */
  g_assert_nonnull (hb_gui_test_find_finding (window, "incomplete.venue"));
  g_assert_false (panel_has_rule (window, "incomplete."));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (window, "findings_count"))), ==, "0");

  /* A selected platform carries a tick, not only a shade. */
  {
    GtkWidget *toggle = NULL;

    for (GtkWidget *c = gtk_widget_get_first_child (find (window, "platform_box")); c && !toggle;
         c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_TOGGLE_BUTTON (gtk_widget_get_first_child (c)))
        toggle = gtk_widget_get_first_child (c);
    g_assert_nonnull (toggle);
    g_assert_true (gtk_widget_has_css_class (toggle, "hb-platform-toggle"));
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (toggle)))));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (toggle)))));
    g_assert_cmpuint (g_strv_length ((GStrv) hb_post_get_platforms (hb_document_get_post (document))), ==, 1);
  }
  g_signal_emit_by_name (find (window, "post_form"), "field-left", (guint) HB_FIELD_VENUE);
  hb_gui_test_settle (window);
  g_assert_true (panel_has_rule (window, "incomplete.venue"));
  g_assert_false (panel_has_rule (window, "incomplete.event-name"));

  /* Typing hides the placeholder; a non-standard word gets a named fix. */
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Datang utk majlis ini.", -1, TRUE);
  hb_gui_test_settle (window);
  g_assert_false (gtk_widget_get_visible (find (window, "body_placeholder")));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 8);
  gtk_text_buffer_place_cursor (buffer, &iter);
  hb_gui_test_settle (window);
  label = first_menu_label (view);
  expected = g_strdup_printf (_("Replace with “%s”"), "untuk");
  g_assert_cmpstr (label, ==, expected);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  hb_gui_test_settle (window);
  g_free (label);
  label = first_menu_label (view);
  g_assert_cmpstr (label, ==, _("_Apply Suggestion"));
  hb_gui_test_close (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = hb_gui_test_app_new (&argc, &argv);

  g_test_add_func ("/layout/en-1920x1080", test_en_1920);
  g_test_add_func ("/layout/en-1366x768", test_en_1366);
  g_test_add_func ("/layout/en-1024x640", test_en_1024);
  g_test_add_func ("/layout/en-683x768", test_en_683);
  g_test_add_func ("/layout/ms-1366x768", test_ms_1366);
  g_test_add_func ("/layout/ms-683x768", test_ms_683);
  g_test_add_func ("/layout/export-guidance", test_export_guidance);
  g_test_add_func ("/layout/calm-first-screen", test_calm_first_screen);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
