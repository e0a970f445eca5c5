/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-checklist.c — the honest checklist in the window, made quick:
 * from a finished, clean event report with photos to export-ready through
 * the Confirm Items dialog, counting every interaction (a click, a key
 * chord, a field typed); the Confirm dialogs validate inline; a time that
 * does not read gets a message under the rows; the panel grouped by
 * section or by who confirms; the list keeps its place after a
 * confirmation. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hb-application.h"
#include "hb-checklist.h"
#include "hb-checklist-panel.h"
#include "hb-confirm-dialog.h"
#include "hb-draft.h"
#include "hb-gui-test.h"
#include "hb-widget-util.h"
#include "hb-window.h"

/* The budget for an event report with photos. */
#define MAX_INTERACTIONS 15

static HbApplication *app;
static guint interactions;

/* An empty post at the size council PCs have. */
static HbWindow *
new_window (void)
{
  return hb_gui_test_window_new (app, 1366, 768);
}

/* A widget of the template by its id, or one made in code (a row, a
 * dialog's field) by its widget name. */
static GtkWidget *
part (gpointer    root,
      const char *name)
{
  GtkWidget *widget = hb_widget_find_descendant (GTK_WIDGET (root), name);

  if (widget == NULL)
    widget = hb_gui_test_find_named (GTK_WIDGET (root), name);
  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* One interaction each. */
static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
click (GtkWidget *widget)
{
  gboolean clicked = FALSE;
  gulong id;

  interactions++;
  g_assert_true (gtk_widget_is_sensitive (widget));
  if (!GTK_IS_BUTTON (widget))
    {
      gtk_widget_activate (widget);
      return;
    }
  /* A button shows itself pressed for a moment and is clicked after. */
  id = g_signal_connect_swapped (widget, "clicked", G_CALLBACK (set_flag), &clicked);
  gtk_widget_activate (widget);
  g_assert_true (hb_gui_test_wait_until (flag_set, &clicked, 5000));
  g_signal_handler_disconnect (widget, id);
}

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  interactions++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The row's own action (Confirm…, Override…) is its last button, wherever
 * the layout puts it. */
static GtkWidget *
last_button (GtkWidget *widget)
{
  GtkWidget *found = GTK_IS_BUTTON (widget) ? widget : NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *inner = last_button (c);

      if (inner != NULL)
        found = inner;
    }
  return found;
}

static gboolean
media_measured (gpointer data)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (data));

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);

      if (!hb_media_item_get_loaded (item))
        return FALSE;
    }
  return TRUE;
}

/* The bundle fixture without its bright PNG and its short video (whose
 * warnings the bundle tests acknowledge), and without any answer: a
 * finished, clean event report with two photos, not yet confirmed. */
static GFile *
clean_draft (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "complete.hebahan", NULL);
  g_autoptr(GFile) in = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPost) post = hb_draft_load (in, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("hb-gui-checklist-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "clean.hebahan", NULL);
  GFile *out = g_file_new_for_path (path);
  GListStore *media;

  g_assert_no_error (error);
  media = hb_post_get_media (post);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (media)), ==, 3);
  g_list_store_splice (media, 1, 2, NULL, 0);
  hb_post_set_checklist (post, NULL);
  g_assert_true (hb_draft_save (post, out, NULL, &error));
  g_assert_no_error (error);
  return out;
}

static gboolean
export_ready (gpointer data)
{
  return hb_document_get_can_export (hb_window_get_document (data)) &&
         gtk_widget_get_sensitive (part (data, "export_button"));
}

/* Opens the draft, shows the checklist and confirms everything through
 * the Confirm Items dialog; returns the interactions it took. */
static guint
confirm_through_dialog (GFile   *draft,
                        gboolean evidence_offered)
{
  HbWindow *window = new_window ();
  HbDocument *document = hb_window_get_document (window);
  GSettings *settings = hb_application_get_settings (app);
  g_autofree char *officer = g_settings_get_string (settings, "officer-name");
  g_autoptr(GPtrArray) before = NULL;
  HbConfirmDialog *dialog;
  GtkWidget *button;

  hb_window_open_file (window, draft);
  g_assert_true (hb_gui_test_wait_until (media_measured, hb_document_get_post (document), 20000));
  hb_gui_test_settle (window);
  /* Clean: no finding; every auto item says what it checked. */
  g_assert_cmpuint (hb_document_get_findings (document)->len, ==, 0);
  g_assert_false (export_ready (window));
  for (guint i = 0; i < hb_document_get_statuses (document)->len; i++)
    {
      const HbCheckStatus *s = hb_document_get_statuses (document)->pdata[i];

      if (s->item->kind == HB_CHECK_AUTO)
        g_assert_cmpint (s->state, ==, HB_ITEM_PASS);
    }

  interactions = 0;
  /* The Checklist tab, then Confirm Items. */
  interactions++;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (part (window, "side_stack")), "checklist");
  hb_gui_test_settle (window);
  button = part (window, "confirm_many_button");
  click (button);
  dialog = (HbConfirmDialog *) hb_gui_test_wait_window (HB_TYPE_CONFIRM_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm"));

  if (*officer == '\0')
    type_into (part (dialog, "confirm-name"), "Aminah binti Ali, Pegawai Komunikasi");
  else
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (dialog, "confirm-name"))), ==, officer);
  click (part (dialog, "group-officer"));
  click (part (dialog, "group-corporate-comms"));
  click (part (dialog, "group-committees"));
  /* Evidence is still missing: the button waits, saying why. */
  if (!evidence_offered)
    {
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm"));
      type_into (part (dialog, "note-officer"), "Disemak dengan minit mesyuarat JK Media Sosial");
      type_into (part (dialog, "note-corporate-comms"),
                 "Encik Azman, BKK; https://www.mpkk.gov.my/ms/berita/kebersihan-taman-selasih");
      type_into (part (dialog, "dates-committees"), "20/11/2026");
    }
  else
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (dialog, "dates-committees"))), ==, "20/11/2026");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm"));
  g_free (hb_gui_test_screenshot (GTK_WIDGET (dialog), "confirm-items"));
  interactions++;
  if (evidence_offered)
    {
      /* By keyboard: Enter in a field runs the window's default action,
       * which is Confirm (the entries activate the default). */
      gtk_widget_activate_default (part (dialog, "dates-committees"));
    }
  else
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
      gtk_window_close (GTK_WINDOW (dialog));
    }
  hb_gui_test_wait_window_gone (HB_TYPE_CONFIRM_DIALOG);
  hb_gui_test_settle (window);
  g_assert_true (hb_gui_test_wait_until (export_ready, window, 10000));
  g_free (hb_gui_test_screenshot (GTK_WIDGET (window), "checklist-export-ready"));
  gtk_window_destroy (GTK_WINDOW (window));
  return interactions;
}

/* Issue 14: at most 15 interactions from a clean draft to export-ready;
 * fewer the second time, the name and the evidence offered again. */
static void
test_quick_path (void)
{
  GSettings *settings = hb_application_get_settings (app);
  g_autoptr(GFile) first = clean_draft ();
  g_autoptr(GFile) second = clean_draft ();
  guint n_first, n_second;

  g_settings_set_string (settings, "officer-name", "");
  g_settings_reset (settings, "recent-evidence");
  n_first = confirm_through_dialog (first, FALSE);
  g_test_message ("interactions, first post: %u", n_first);
  g_print ("# interactions to export-ready, a new officer's first post: %u\n", n_first);
  g_assert_cmpuint (n_first, <=, MAX_INTERACTIONS);
  g_assert_cmpstr (g_settings_get_string (settings, "officer-name"), ==, "Aminah binti Ali, Pegawai Komunikasi");

  n_second = confirm_through_dialog (second, TRUE);
  g_print ("# interactions to export-ready, the next post: %u\n", n_second);
  g_assert_cmpuint (n_second, <, n_first);
}

static const char *current_item;

static gboolean
item_confirmed (gpointer data)
{
  GPtrArray *statuses = hb_document_get_statuses (data);

  for (guint i = 0; statuses && i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      if (g_str_equal (s->item->id, current_item))
        return s->state == HB_ITEM_CONFIRMED && !hb_document_get_linting (data);
    }
  return FALSE;
}

/* The path main had, item by item with each row's Confirm button, for the
 * comparison the issue asks for (the pack now has two more judgements to
 * confirm); no budget is asserted here. */
static void
test_one_by_one (void)
{
  HbWindow *window = new_window ();
  HbDocument *document = hb_window_get_document (window);
  GSettings *settings = hb_application_get_settings (app);
  g_autoptr(GFile) draft = clean_draft ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_settings_set_string (settings, "officer-name", "");
  hb_window_open_file (window, draft);
  g_assert_true (hb_gui_test_wait_until (media_measured, hb_document_get_post (document), 20000));
  hb_gui_test_settle (window);
  for (guint i = 0; i < hb_document_get_statuses (document)->len; i++)
    {
      const HbCheckStatus *s = hb_document_get_statuses (document)->pdata[i];

      if (s->item->kind == HB_CHECK_CONFIRM && s->state == HB_ITEM_UNANSWERED)
        g_ptr_array_add (ids, g_strdup (s->item->id));
    }
  interactions = 1;  /* the Checklist tab */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (part (window, "side_stack")), "checklist");
  hb_gui_test_settle (window);
  for (guint i = 0; i < ids->len; i++)
    {
      GtkWidget *row = hb_gui_test_find_named (part (window, "checklist_panel"), ids->pdata[i]);
      GtkWidget *button = last_button (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      AdwMessageDialog *dialog;

      /* A dialog shows when something is to be written. */
      click (button);
      hb_gui_test_settle (window);
      if ((dialog = ADW_MESSAGE_DIALOG (hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) != NULL)
        {
          GtkWidget *name = hb_gui_test_find_named (GTK_WIDGET (dialog), "answer-name");
          GtkWidget *note = hb_gui_test_find_named (GTK_WIDGET (dialog), "answer-note");

          if (*gtk_editable_get_text (GTK_EDITABLE (name)) == '\0')
            type_into (name, "Aminah binti Ali, Pegawai Komunikasi");
          if (note)
            type_into (note, g_str_equal (ids->pdata[i], "committees-notified") ? "20/11/2026"
                                                                               : "Disemak dengan minit mesyuarat");
          g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
          interactions++;
          adw_message_dialog_response (dialog, "save");
          gtk_window_close (GTK_WINDOW (dialog));
        }
      /* The rows are rebuilt once the document has the answer. */
      current_item = ids->pdata[i];
      if (!hb_gui_test_wait_until (item_confirmed, document, 10000))
        g_error ("%s was not confirmed (dialog %s)", current_item, dialog ? "shown" : "not shown");
      hb_gui_test_settle (window);
    }
  for (guint i = 0; i < hb_document_get_statuses (document)->len; i++)
    {
      const HbCheckStatus *s = hb_document_get_statuses (document)->pdata[i];

      if (!s->complete)
        g_test_message ("incomplete: %s %s %s", s->item->id, hb_item_state_to_string (s->state),
                        s->reason ? s->reason : "");
    }
  g_assert_true (hb_gui_test_wait_until (export_ready, window, 10000));
  g_print ("# interactions to export-ready item by item (%u items to confirm): %u\n", ids->len, interactions);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The one-item Confirm dialog keeps its button disabled until the name
 * and the evidence are written: no second dialog sending the officer to
 * Preferences. */
static void
test_confirm_validates (void)
{
  HbWindow *window = new_window ();
  GSettings *settings = hb_application_get_settings (app);
  g_autoptr(GFile) draft = clean_draft ();
  AdwMessageDialog *dialog = NULL;

  g_settings_set_string (settings, "officer-name", "");
  hb_window_open_file (window, draft);
  hb_gui_test_settle (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (part (window, "side_stack")), "checklist");
  g_assert_true (gtk_widget_activate_action (part (window, "checklist_panel"), "checklist.confirm", "s",
                                             "information-verified"));
  dialog = (AdwMessageDialog *) hb_gui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "answer-name")), "Aminah");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "answer-note")), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "answer-note")), "Disemak dengan minit mesyuarat");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
  hb_gui_test_settle (window);
  g_assert_cmpstr (g_settings_get_string (settings, "officer-name"), ==, "Aminah");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each heading, then the rows under it, as the panel shows them:
 * "Heading: id id\nHeading: id". */
static char *
shown_groups (GtkListBox *list)
{
  GString *out = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    {
      GtkWidget *header = gtk_list_box_row_get_header (row);

      if (header)
        g_string_append_printf (out, "%s%s:", out->len ? "\n" : "", gtk_label_get_label (GTK_LABEL (header)));
      g_string_append_printf (out, " %s", gtk_widget_get_name (GTK_WIDGET (row)));
    }
  return g_string_free (out, FALSE);
}

static gboolean
starts_with (GtkWidget *widget,
             gpointer   prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

/* A label of the row starts with the item's clause: "6.a.v — …". */
static gboolean
shows_clause (GtkWidget  *widget,
              const char *clause)
{
  g_autofree char *prefix = g_strdup_printf ("%s — ", clause);

  return hb_gui_test_find (widget, starts_with, prefix) != NULL;
}

typedef struct
{
  GtkListBox    *list;
  GtkAdjustment *adj;
  const char    *id;
  gboolean       at_top;  /* the row at the top of the view, not just in it */
} InView;

static gboolean
row_in_view (gpointer data)
{
  InView *v = data;
  GtkWidget *row = part (v->list, v->id);
  double top = gtk_adjustment_get_value (v->adj), page = gtk_adjustment_get_page_size (v->adj);
  graphene_rect_t b;

  if (!v->at_top)
    return hb_gui_test_in_view (row);
  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (v->list), &b) || page == 0 || b.size.height == 0)
    return FALSE;
  /* At the top, unless the list cannot scroll that far. */
  return ABS (b.origin.y - top) < 1 || G_APPROX_VALUE (top, gtk_adjustment_get_upper (v->adj) - page, 1.0);
}

/* A button's activation is a click only once its press is shown. */
static gboolean
toggle_active (gpointer data)
{
  return gtk_toggle_button_get_active (data);
}

/* As the officer scrolls: again until the list, just shown and laid
 * out anew, stays there. */
static gboolean
scroll_row_to_top (gpointer data)
{
  InView *v = data;
  graphene_rect_t b;

  if (row_in_view (v))
    return TRUE;
  if (gtk_widget_compute_bounds (part (v->list, v->id), GTK_WIDGET (v->list), &b))
    gtk_adjustment_set_value (v->adj, b.origin.y);
  return FALSE;
}

static const char section_groups[] =
  "%s 6: statement-complete government-image no-sensitive-content media-no-confidential no-obscene "
  "no-defamation no-shaming official-work\n"
  "%s 7: page-reviewed-today information-verified media-official-event caption-fields media-good-image "
  "media-encourages-ideas media-promotes-initiatives media-quality media-alt-text\n"
  "%s 8: no-unverified-claims official-website-link announced-on-website links-sound corporate-comms-checked "
  "professional-tone respectful-reply platform-limits mistake-corrected committees-notified";

static const char who_groups[] =
  "%s: government-image media-no-confidential no-defamation official-work page-reviewed-today "
  "information-verified media-official-event media-good-image media-encourages-ideas media-promotes-initiatives "
  "no-unverified-claims respectful-reply mistake-corrected\n"
  "%s: announced-on-website corporate-comms-checked\n"
  "%s: committees-notified\n"
  "%s: statement-complete no-sensitive-content no-obscene no-shaming caption-fields media-quality media-alt-text "
  "official-website-link links-sound professional-tone platform-limits";

/* The panel grouped by section, then by who confirms (the toggle in its
 * header, remembered in GSettings), with the headings of @lang; the
 * clause stays on every row, and going to an item, the keyboard and the
 * list's place work in either grouping. */
static void
check_grouping (const char *lang)
{
  gboolean ms = g_str_equal (lang, "ms");
  const char *section = ms ? "Bahagian" : "Section";
  g_autofree char *by_section = g_strdup_printf (section_groups, section, section, section);
  g_autofree char *by_who = ms ? g_strdup_printf (who_groups, "Perkara yang anda sahkan sendiri",
                                                  "Disemak dengan Bahagian Komunikasi Korporat",
                                                  "Jawatankuasa (JK Media Sosial, JK ICT)", "Semakan automatik")
                               : g_strdup_printf (who_groups, "What you vouch for yourself",
                                                  "Checked with Bahagian Komunikasi Korporat",
                                                  "The committees (JK Media Sosial, JK ICT)", "Automatic checks");
  g_autofree char *shown = NULL, *who_setting = NULL;
  HbWindow *window = new_window ();
  HbDocument *document = hb_window_get_document (window);
  GSettings *settings = hb_application_get_settings (app);
  g_autoptr(GFile) draft = clean_draft ();
  GtkWidget *panel, *focus;
  GtkToggleButton *by_section_button, *by_who_button;
  GtkListBox *list;
  InView view;
  double before;

  g_settings_set_string (settings, "officer-name", "Aminah binti Ali, Pegawai Komunikasi");
  g_settings_reset (settings, "checklist-grouping");
  hb_window_open_file (window, draft);
  g_assert_true (hb_gui_test_wait_until (media_measured, hb_document_get_post (document), 20000));
  hb_gui_test_settle (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (part (window, "side_stack")), "checklist");
  hb_gui_test_settle (window);
  panel = part (window, "checklist_panel");
  list = GTK_LIST_BOX (part (panel, "list"));
  by_section_button = GTK_TOGGLE_BUTTON (part (panel, "by_section_button"));
  by_who_button = GTK_TOGGLE_BUTTON (part (panel, "by_who_button"));
  view = (InView) { list, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (part (panel, "scroll"))),
                    NULL, FALSE };

  /* By section by default, as the sign-off sheet prints the items. */
  g_assert_true (gtk_toggle_button_get_active (by_section_button));
  g_assert_false (gtk_toggle_button_get_active (by_who_button));
  shown = shown_groups (list);
  g_assert_cmpstr (shown, ==, by_section);

  /* The officer scrolls to 6.a.v, then groups by who confirms: the rows
   * regroup under who vouches, 6.a.v still at the top of the view. */
  view.id = "no-defamation";
  view.at_top = TRUE;
  g_assert_true (hb_gui_test_wait_until (scroll_row_to_top, &view, 5000));
  hb_gui_test_settle (window);
  g_assert_true (row_in_view (&view));
  click (GTK_WIDGET (by_who_button));
  g_assert_true (hb_gui_test_wait_until (toggle_active, by_who_button, 2000));
  hb_gui_test_settle (window);
  g_assert_true (gtk_toggle_button_get_active (by_who_button));
  g_assert_false (gtk_toggle_button_get_active (by_section_button));
  g_assert_cmpint (hb_checklist_panel_get_grouping (HB_CHECKLIST_PANEL (panel)), ==, HB_CHECKLIST_GROUPING_VOUCHED_BY);
  who_setting = g_settings_get_string (settings, "checklist-grouping");
  g_assert_cmpstr (who_setting, ==, "vouched-by");
  g_free (shown);
  shown = shown_groups (list);
  g_assert_cmpstr (shown, ==, by_who);
  g_assert_true (hb_gui_test_wait_until (row_in_view, &view, 5000));
  g_assert_true (shows_clause (part (list, "no-defamation"), "6.a.v"));
  g_assert_true (shows_clause (part (list, "committees-notified"), "8.f"));
  g_assert_true (shows_clause (part (list, "no-obscene"), "6.a.iv"));
  g_free (hb_gui_test_screenshot (GTK_WIDGET (window), ms ? "checklist-by-who-ms" : "checklist-by-who"));

  /* Going to an item scrolls to it, lights it and puts the keyboard on
   * it; Tab then follows the order shown. */
  hb_checklist_panel_focus_item (HB_CHECKLIST_PANEL (panel), "committees-notified");
  view = (InView) { list, view.adj, "committees-notified", FALSE };
  g_assert_true (hb_gui_test_wait_until (row_in_view, &view, 5000));
  g_assert_true (gtk_widget_has_css_class (part (list, "committees-notified"), "hb-highlight"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) == part (list, "committees-notified"));
  /* Tab, as the window's binding moves the focus. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)), ==,
                   "statement-complete");

  /* A confirmation keeps the list where it was. */
  gtk_adjustment_set_value (view.adj, gtk_adjustment_get_upper (view.adj) - gtk_adjustment_get_page_size (view.adj));
  hb_gui_test_settle (window);
  before = gtk_adjustment_get_value (view.adj);
  g_assert_cmpfloat (before, >, 0);
  g_assert_true (gtk_widget_activate_action (panel, "checklist.confirm", "s", "official-work"));
  hb_gui_test_settle (window);
  hb_gui_test_iterate (100);
  g_assert_cmpfloat (ABS (gtk_adjustment_get_value (view.adj) - before), <, 60);

  /* Back by section, from the setting as well as the toggle. */
  click (GTK_WIDGET (by_section_button));
  g_assert_true (hb_gui_test_wait_until (toggle_active, by_section_button, 2000));
  hb_gui_test_settle (window);
  g_free (shown);
  shown = shown_groups (list);
  g_assert_cmpstr (shown, ==, by_section);
  g_settings_set_string (settings, "checklist-grouping", "vouched-by");
  hb_gui_test_iterate (50);
  g_free (shown);
  shown = shown_groups (list);
  g_assert_cmpstr (shown, ==, by_who);
  g_assert_true (gtk_toggle_button_get_active (by_who_button));
  g_settings_reset (settings, "checklist-grouping");
  hb_gui_test_close (window);
}

static void
test_grouping_en (void)
{
  check_grouping ("en");
}

/* In Malay, in a process of its own, as the layout test does. */
static void
test_grouping_ms (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "ms", TRUE);
      setlocale (LC_ALL, "");
      g_settings_set_string (hb_application_get_settings (app), "language", "ms");
      check_grouping ("ms");
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR | G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

/* "12 tengahari" reads; what does not read stays in the caption as typed
 * and is explained under the rows, with an `incomplete` finding. */
static void
test_time_message (void)
{
  HbWindow *window = new_window ();
  HbPost *post = hb_document_get_post (hb_window_get_document (window));
  GtkWidget *end = part (window, "end_row");
  GtkWidget *message = part (window, "time_message");

  gtk_editable_set_text (GTK_EDITABLE (part (window, "start_row")), "8.00 pagi");
  gtk_editable_set_text (GTK_EDITABLE (end), "12 tengahari");
  hb_gui_test_settle (window);
  g_assert_cmpstr (hb_post_get_field (post, HB_FIELD_END_TIME), ==, "12:00");
  g_assert_false (gtk_widget_get_visible (message));

  gtk_editable_set_text (GTK_EDITABLE (end), "12 tgh hr lebih");
  hb_gui_test_settle (window);
  g_assert_cmpstr (hb_post_get_field (post, HB_FIELD_END_TIME), ==, "12 tgh hr lebih");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "12 tgh hr lebih"));
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_nonnull (hb_gui_test_find_finding (window, "incomplete.time-unreadable"));
  g_free (hb_gui_test_screenshot (GTK_WIDGET (window), "time-unreadable"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* The list keeps its place                                            */

typedef struct
{
  GtkWidget *list;
  GtkWidget *old_row;   /* the row confirmed, as it was before the rebuild */
  char      *id;
  guint      frames;    /* frames drawn since the rebuild was seen */
  guint      tick;
} Rebuild;

static GtkWidget *
checklist_list (HbWindow *window)
{
  GtkWidget *list = hb_gui_test_find_child (part (window, "checklist_panel"), GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  return list;
}

static GtkAdjustment *
list_adjustment (GtkWidget *list)
{
  GtkWidget *scroll = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroll);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));
}

static gboolean
list_scrolls (gpointer data)
{
  GtkAdjustment *adj = list_adjustment (data);

  return gtk_adjustment_get_page_size (adj) > 0 &&
         gtk_adjustment_get_upper (adj) > 2 * gtk_adjustment_get_page_size (adj);
}

/* The row's Confirm… or Override… button, if it has one. */
static GtkWidget *
answer_button (GtkWidget *row)
{
  GtkWidget *button = last_button (row);
  const char *action = button ? gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) : NULL;

  return g_strcmp0 (action, "checklist.confirm") == 0 || g_strcmp0 (action, "checklist.override") == 0
         ? button : NULL;
}

static gboolean
count_frames (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  Rebuild *r = data;

  if (gtk_widget_get_parent (r->old_row) == NULL)
    r->frames++;
  return G_SOURCE_CONTINUE;
}

/* The old rows are gone, the new ones laid out and drawn for a few
 * frames: whatever the panel does to keep its place has been done. */
static gboolean
rebuilt_and_drawn (gpointer data)
{
  Rebuild *r = data;
  GtkWidget *row = hb_gui_test_find_named (r->list, r->id);

  return gtk_widget_get_parent (r->old_row) == NULL && row && gtk_widget_get_height (row) > 0 &&
         r->frames >= 10;
}

/* Answers the row's item as an officer does: a click on its button (which
 * takes the focus), the dialog's fields, Save. */
static void
answer_item (GtkWidget  *button,
             const char *id)
{
  AdwMessageDialog *dialog;
  GtkWidget *name, *note;

  gtk_widget_grab_focus (button);
  gtk_widget_activate (button);
  dialog = ADW_MESSAGE_DIALOG (hb_gui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG));
  name = hb_gui_test_find_named (GTK_WIDGET (dialog), "answer-name");
  note = hb_gui_test_find_named (GTK_WIDGET (dialog), "answer-note");
  if (name && *gtk_editable_get_text (GTK_EDITABLE (name)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (name), "Aminah binti Ali, Pegawai Komunikasi");
  if (note)
    gtk_editable_set_text (GTK_EDITABLE (note), g_str_equal (id, "committees-notified")
                                                ? "20/11/2026" : "Disemak dengan minit mesyuarat");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Scrolled near the end of a list several screens long, the officer
 * confirms an item there: once the rows are rebuilt and drawn again, the
 * list is where it was and the item still in view (issue 14: after every
 * Confirm or Override the list jumped back to the top). */
static void
keeps_place (int width,
             int height)
{
  HbWindow *window = new_window ();
  HbDocument *document = hb_window_get_document (window);
  g_autoptr(GFile) draft = clean_draft ();
  g_autofree char *shot_before = NULL, *shot_after = NULL, *name = NULL;
  GtkWidget *list, *row = NULL, *button = NULL;
  GtkAdjustment *adj;
  Rebuild r = { 0 };
  double before, after;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  hb_window_open_file (window, draft);
  g_assert_true (hb_gui_test_wait_until (media_measured, hb_document_get_post (document), 20000));
  hb_gui_test_settle (window);
  hb_gui_test_wait_size (GTK_WINDOW (window), width, height);
  adw_flap_set_reveal_flap (ADW_FLAP (part (window, "flap")), TRUE);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (part (window, "side_stack")), "checklist");
  list = checklist_list (window);
  adj = list_adjustment (list);
  g_assert_true (hb_gui_test_wait_until (list_scrolls, list, 5000));
  hb_gui_test_iterate (200);

  /* To the end, as far as the list goes. */
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  hb_gui_test_iterate (300);
  before = gtk_adjustment_get_value (adj);
  g_test_message ("%dx%d: the list is %g px tall in a %g-px view, at %g", width, height,
                  gtk_adjustment_get_upper (adj), gtk_adjustment_get_page_size (adj), before);
  /* Really scrolled: more than a screen down, and at its end. */
  g_assert_cmpfloat (before, >, gtk_adjustment_get_page_size (adj));
  g_assert_cmpfloat (before, >=, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) - 1);

  /* The last item in view that waits for an answer. */
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && hb_gui_test_in_view (c) && answer_button (c))
      row = c, button = answer_button (c);
  g_assert_nonnull (row);
  r.list = list;
  r.old_row = g_object_ref (row);
  r.id = g_strdup (gtk_widget_get_name (row));
  g_test_message ("answering %s, shown at the end of the list", r.id);
  name = g_strdup_printf ("checklist-keeps-place-%dx%d-before", width, height);
  shot_before = hb_gui_test_screenshot (GTK_WIDGET (window), name);

  r.tick = gtk_widget_add_tick_callback (list, count_frames, &r, NULL);
  answer_item (button, r.id);
  current_item = r.id;
  if (!hb_gui_test_wait_until (item_confirmed, document, 10000))
    g_error ("%s was not confirmed", r.id);
  g_assert_true (hb_gui_test_wait_until (rebuilt_and_drawn, &r, 5000));
  /* Past the panel's own restoring (for 200 ms after a rebuild). */
  hb_gui_test_iterate (400);
  gtk_widget_remove_tick_callback (list, r.tick);

  after = gtk_adjustment_get_value (adj);
  g_free (name);
  name = g_strdup_printf ("checklist-keeps-place-%dx%d-after", width, height);
  shot_after = hb_gui_test_screenshot (GTK_WIDGET (window), name);
  g_test_message ("list at %g before, %g after (%u frames since the rebuild); screenshots %s, %s",
                  before, after, r.frames, shot_before, shot_after);
  g_assert_cmpfloat (ABS (after - before), <=, 4);
  /* The item's name is in view (the row grew a line with the answer, and
   * its new Withdraw button may be just below). */
  row = hb_gui_test_find_named (list, r.id);
  g_assert_nonnull (row);
  g_assert_true (hb_gui_test_in_view (hb_gui_test_find_child (row, GTK_TYPE_LABEL)));

  g_object_unref (r.old_row);
  g_free (r.id);
  hb_gui_test_close (window);
}

static void test_keeps_place_1366 (void) { keeps_place (1366, 768); }
static void test_keeps_place_683 (void) { keeps_place (683, 768); }

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  app = hb_gui_test_app_new (&argc, &argv);

  g_test_add_func ("/checklist-window/quick-path", test_quick_path);
  g_test_add_func ("/checklist-window/confirm-validates", test_confirm_validates);
  g_test_add_func ("/checklist-window/one-by-one", test_one_by_one);
  g_test_add_func ("/checklist-window/time-message", test_time_message);
  g_test_add_func ("/checklist-window/grouping", test_grouping_en);
  g_test_add_func ("/checklist-window/grouping-ms", test_grouping_ms);
  g_test_add_func ("/checklist-window/keeps-place-1366x768", test_keeps_place_1366);
  g_test_add_func ("/checklist-window/keeps-place-683x768", test_keeps_place_683);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
