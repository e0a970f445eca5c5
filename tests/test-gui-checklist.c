/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-checklist.c — the honest checklist in the window, made quick:
 * from a finished, clean event report with photos to export-ready through
 * the Confirm Items dialog, counting every interaction (a click, a key
 * chord, a field typed); the Confirm dialogs validate inline; a time that
 * does not read gets a message under the rows; the list keeps its place
 * after a confirmation. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hb-application.h"
#include "hb-checklist.h"
#include "hb-confirm-dialog.h"
#include "hb-draft.h"
#include "hb-gui-test.h"
#include "hb-widget-util.h"
#include "hb-window.h"

/* The budget for an event report with photos. */
#define MAX_INTERACTIONS 15

static HbApplication *app;
static guint interactions;

static gboolean
policy_loaded (gpointer data)
{
  return hb_application_get_policy (app) != NULL;
}

static gboolean
window_idle (gpointer data)
{
  HbDocument *document = hb_window_get_document (data);

  return !hb_document_get_linting (document) && hb_document_get_findings (document) != NULL &&
         !hb_document_get_busy (document);
}

static void
settle (HbWindow *window)
{
  g_assert_true (hb_gui_test_wait_until (window_idle, window, 10000));
  hb_gui_test_iterate (100);
  g_assert_true (hb_gui_test_wait_until (window_idle, window, 10000));
}

static HbWindow *
new_window (void)
{
  HbWindow *window = hb_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  hb_document_set_autosave_delay (hb_window_get_document (window), 50);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hb_gui_test_wait_until (policy_loaded, NULL, 10000));
  settle (window);
  return window;
}

/* Widgets made in code carry a widget name rather than a builder id. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)))
        return found;
    }
  return NULL;
}

static GtkWidget *
part (gpointer    root,
      const char *name)
{
  GtkWidget *widget = hb_widget_find_descendant (GTK_WIDGET (root), name);

  if (widget == NULL)
    widget = find_named (GTK_WIDGET (root), name);
  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* One interaction each. */
static void
click (GtkWidget *widget)
{
  interactions++;
  g_assert_true (gtk_widget_is_sensitive (widget));
  gtk_widget_activate (widget);
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
confirm_dialog_shown (gpointer data)
{
  return (HbConfirmDialog *) hb_gui_test_find_window (HB_TYPE_CONFIRM_DIALOG) != NULL;
}

static gboolean
confirm_dialog_gone (gpointer data)
{
  return (HbConfirmDialog *) hb_gui_test_find_window (HB_TYPE_CONFIRM_DIALOG) == NULL;
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
  settle (window);
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
  hb_gui_test_iterate (50);
  button = part (window, "confirm_many_button");
  click (button);
  g_assert_true (hb_gui_test_wait_until (confirm_dialog_shown, NULL, 5000));
  dialog = (HbConfirmDialog *) hb_gui_test_find_window (HB_TYPE_CONFIRM_DIALOG);
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
  hb_gui_test_iterate (100);
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
  g_assert_true (hb_gui_test_wait_until (confirm_dialog_gone, NULL, 5000));
  settle (window);
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
message_dialog_shown (gpointer data)
{
  return ADW_MESSAGE_DIALOG (hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL;
}

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
  settle (window);
  for (guint i = 0; i < hb_document_get_statuses (document)->len; i++)
    {
      const HbCheckStatus *s = hb_document_get_statuses (document)->pdata[i];

      if (s->item->kind == HB_CHECK_CONFIRM && s->state == HB_ITEM_UNANSWERED)
        g_ptr_array_add (ids, g_strdup (s->item->id));
    }
  interactions = 1;  /* the Checklist tab */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (part (window, "side_stack")), "checklist");
  hb_gui_test_iterate (50);
  for (guint i = 0; i < ids->len; i++)
    {
      GtkWidget *row = find_named (part (window, "checklist_panel"), ids->pdata[i]);
      GtkWidget *button = last_button (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      AdwMessageDialog *dialog;

      click (button);
      hb_gui_test_wait_until (message_dialog_shown, NULL, 1500);
      if ((dialog = ADW_MESSAGE_DIALOG (hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) != NULL)
        {
          GtkWidget *name = find_named (GTK_WIDGET (dialog), "answer-name");
          GtkWidget *note = find_named (GTK_WIDGET (dialog), "answer-note");

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
      settle (window);
      hb_gui_test_iterate (200);
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
  settle (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (part (window, "side_stack")), "checklist");
  g_assert_true (gtk_widget_activate_action (part (window, "checklist_panel"), "checklist.confirm", "s",
                                             "information-verified"));
  hb_gui_test_iterate (100);
  dialog = (AdwMessageDialog *) hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "answer-name")), "Aminah");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "answer-note")), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "answer-note")), "Disemak dengan minit mesyuarat");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
  settle (window);
  g_assert_cmpstr (g_settings_get_string (settings, "officer-name"), ==, "Aminah");
  gtk_window_destroy (GTK_WINDOW (window));
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
  GPtrArray *findings;
  gboolean reported = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (part (window, "start_row")), "8.00 pagi");
  gtk_editable_set_text (GTK_EDITABLE (end), "12 tengahari");
  settle (window);
  g_assert_cmpstr (hb_post_get_field (post, HB_FIELD_END_TIME), ==, "12:00");
  g_assert_false (gtk_widget_get_visible (message));

  gtk_editable_set_text (GTK_EDITABLE (end), "12 tgh hr lebih");
  settle (window);
  g_assert_cmpstr (hb_post_get_field (post, HB_FIELD_END_TIME), ==, "12 tgh hr lebih");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "12 tgh hr lebih"));
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  findings = hb_document_get_findings (hb_window_get_document (window));
  for (guint i = 0; i < findings->len; i++)
    reported |= g_str_equal (hb_finding_get_rule_id (((HbPostFinding *) findings->pdata[i])->finding),
                             "incomplete.time-unreadable");
  g_assert_true (reported);
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
first_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_list (c);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
checklist_list (HbWindow *window)
{
  GtkWidget *list = first_list (part (window, "checklist_panel"));

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

/* TRUE when all of @widget, inside the list, is in the list's view. */
static gboolean
row_shown (GtkWidget *list,
           GtkWidget *widget)
{
  GtkAdjustment *adj = list_adjustment (list);
  graphene_rect_t bounds;
  double top, bottom;

  if (widget == NULL || gtk_widget_get_height (widget) == 0 ||
      !gtk_widget_compute_bounds (widget, list, &bounds))
    return FALSE;
  top = bounds.origin.y - gtk_adjustment_get_value (adj);
  bottom = top + bounds.size.height;
  return top >= -1 && bottom <= gtk_adjustment_get_page_size (adj) + 1;
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_label (c);

      if (found)
        return found;
    }
  return NULL;
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
  GtkWidget *row = find_named (r->list, r->id);

  return gtk_widget_get_parent (r->old_row) == NULL && row && gtk_widget_get_height (row) > 0 &&
         r->frames >= 10;
}

static gboolean
dialog_up (gpointer data)
{
  GtkWindow *dialog = hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

  return dialog && gtk_widget_get_mapped (GTK_WIDGET (dialog));
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
  g_assert_true (hb_gui_test_wait_until (dialog_up, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (hb_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  name = find_named (GTK_WIDGET (dialog), "answer-name");
  note = find_named (GTK_WIDGET (dialog), "answer-note");
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
  settle (window);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 16);
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
    if (GTK_IS_LIST_BOX_ROW (c) && row_shown (list, c) && answer_button (c))
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
  row = find_named (list, r.id);
  g_assert_nonnull (row);
  g_assert_true (row_shown (list, first_label (row)));

  g_object_unref (r.old_row);
  g_free (r.id);
  hb_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/checklist-window/keeps-place-1366x768", test_keeps_place_1366);
  g_test_add_func ("/checklist-window/keeps-place-683x768", test_keeps_place_683);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
