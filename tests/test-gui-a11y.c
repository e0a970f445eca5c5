/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-a11y.c — every control a screen reader can reach says what it
 * is: walks the accessibility tree of the real window with the demo post,
 * the preferences, the checklist's dialogs and the post preview, and
 * fails on any focusable or interactive widget without an accessible
 * name, printing each one with its widget path.
 *
 * A name is what GTK 4.8 gives AT-SPI: the accessible label property or a
 * labelled-by relation.  (Checked against the real bus with the demo
 * post: a button named only by the text inside it is announced as
 * "GtkToggleButton".) */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hb-application.h"
#include "hb-checklist.h"
#include "hb-gui-test.h"
#include "hb-media-grid.h"
#include "hb-post-preview.h"
#include "hb-preferences-window.h"
#include "hb-widget-util.h"
#include "hb-window.h"

static HbApplication *app;

/* Roles a user operates; their widgets need a name. */
static gboolean
interactive_role (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

/* What a user can reach and operate: an interactive role, a text view,
 * or a list row that activates. */
static gboolean
needs_name (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
    return FALSE;
  if (interactive_role (role) || GTK_IS_TEXT_VIEW (widget))
    return TRUE;
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
           gtk_widget_get_focusable (widget);
  /* A focusable cell of a flow box is a stop of the Tab key. */
  if (GTK_IS_FLOW_BOX_CHILD (widget))
    return gtk_widget_get_focusable (widget);
  /* The rows of a list view that activates on a click. */
  if (role == GTK_ACCESSIBLE_ROLE_LIST_ITEM && GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)))
    return gtk_list_view_get_single_click_activate (GTK_LIST_VIEW (gtk_widget_get_parent (widget)));
  return FALSE;
}

/* The accessible label property, when set and not empty. */
static char *
own_label (GtkWidget *widget)
{
  GtkAccessible *a = GTK_ACCESSIBLE (widget);

  if (!gtk_test_accessible_has_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* The check returns the actual value when it differs from "". */
  return gtk_test_accessible_check_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

static char *name_of (GtkWidget *widget, guint depth);

static gboolean
labels (GtkWidget *candidate,
        gpointer   widget)
{
  g_autofree char *diff = NULL;

  if (candidate == widget)
    return FALSE;
  diff = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                             candidate, NULL);
  return diff == NULL;
}

/* The widget under @root that @widget is labelled by, alone. */
static GtkWidget *
find_labelling (GtkWidget *root,
                GtkWidget *widget)
{
  return hb_gui_test_find (root, labels, widget);
}

/* The name through labelled-by: the labelling label's text, or its own
 * name; "" for a relation to several widgets, which is not looked into. */
static char *
labelled_by_name (GtkWidget *widget,
                  guint      depth)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *by;

  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return NULL;
  by = root ? find_labelling (root, widget) : NULL;
  if (by == NULL)
    return g_strdup ("(labelled by several widgets)");
  if (GTK_IS_LABEL (by))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (by));

      return *text ? g_strdup (text) : NULL;
    }
  return depth < 3 ? name_of (by, depth + 1) : NULL;
}

/* The text a row shows, on a shown page of any stack inside it. */
static char *
shown_text (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      char *found;

      if (!gtk_widget_get_visible (c) || !gtk_widget_get_child_visible (c))
        continue;
      if (GTK_IS_LABEL (c) && *gtk_label_get_text (GTK_LABEL (c)))
        return g_strdup (gtk_label_get_text (GTK_LABEL (c)));
      if ((found = shown_text (c)))
        return found;
    }
  return NULL;
}

/* A row of a choice list that pops up (a combo row's, a drop-down's) is
 * one label, which screen readers read as the row's text: GTK 4.8 gives
 * list items an empty name, not their type name. */
static gboolean
in_choice_popup (GtkWidget *widget)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL;
}

/* The accessible name as the tree gives it, or NULL for none. */
static char *
name_of (GtkWidget *widget,
         guint      depth)
{
  g_autofree char *own = own_label (widget);
  g_autofree char *by = labelled_by_name (widget, depth);

  /* GTK 4.8 says both, the label first, as AT-SPI shows ("Choose the
   * date Date" for a button that is also its row's activatable widget). */
  if (own && by)
    return g_strdup_printf ("%s %s", own, by);
  if (own)
    return g_steal_pointer (&own);
  if (by)
    return g_steal_pointer (&by);
  /* GTK 4.8 does not name a widget after the text inside it (4.10 and
   * later do): over AT-SPI a button whose label is a child label of its
   * own, without either of the above, is called by its type name, such as
   * "GtkToggleButton". */
  if (in_choice_popup (widget))
    return shown_text (widget);
  return NULL;
}

/* A button's label with its mnemonic ("_Save"), or NULL. */
static const char *
mnemonic_label (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }
  return underline && label && strchr (label, '_') ? label : NULL;
}

static char *
widget_path (GtkWidget *widget)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));
      const char *name = gtk_widget_get_name (w);
      GString *part = g_string_new (G_OBJECT_TYPE_NAME (w));

      /* Template objects without an id of their own get "___object_N___". */
      if (id && !g_str_has_prefix (id, "___"))
        g_string_append_printf (part, "#%s", id);
      else if (name && !g_str_equal (name, G_OBJECT_TYPE_NAME (w)))
        g_string_append_printf (part, "(%s)", name);
      g_ptr_array_insert (parts, 0, g_string_free (part, FALSE));
    }
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (path, "%s%s", i ? " > " : "", (char *) parts->pdata[i]);
  return g_string_free (path, FALSE);
}

typedef struct
{
  guint      checked;
  GPtrArray *offenders;
  GPtrArray *names;     /* "name — path" of every checked widget */
} Walk;

static void
walk (GtkWidget *widget,
      Walk      *w)
{
  /* A hidden widget is not in the tree a screen reader reads (its
   * "hidden" state); a popover's content is, once it pops up. */
  if (!gtk_widget_get_visible (widget) && !GTK_IS_POPOVER (widget))
    return;
  if (needs_name (widget))
    {
      g_autofree char *name = name_of (widget, 0);
      g_autofree char *path = widget_path (widget);

      const char *raw = mnemonic_label (widget);

      w->checked++;
      if (name == NULL)
        g_ptr_array_add (w->offenders, g_strdup_printf ("%s [%s]", path,
                                                        G_OBJECT_TYPE_NAME (widget)));
      /* Shown buttons: GTK 4.8's "_Save Save" is fixed as they map
       * (hb_widget_fix_mnemonic_names()). */
      else if (raw && gtk_widget_get_mapped (widget) && strstr (name, raw))
        g_ptr_array_add (w->offenders, g_strdup_printf ("%s [%s, named “%s” with its mnemonic]", path,
                                                        G_OBJECT_TYPE_NAME (widget), name));
      else
        g_ptr_array_add (w->names, g_strdup_printf ("\"%s\" = %s", name, path));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    walk (c, w);
}

/* Fails listing every unnamed control under @root; returns how many
 * controls were checked. */
static guint
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  Walk w = { 0, g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  guint checked;

  walk (root, &w);
  g_test_message ("%s: %u controls checked", what, w.checked);
  for (guint i = 0; i < w.names->len; i++)
    g_test_message ("%s: %s", what, (char *) w.names->pdata[i]);
  if (w.offenders->len)
    {
      GString *all = g_string_new (NULL);

      for (guint i = 0; i < w.offenders->len; i++)
        g_string_append_printf (all, "\n  %s", (char *) w.offenders->pdata[i]);
      g_test_fail_printf ("%s: %u of %u controls have no accessible name:%s", what, w.offenders->len,
                          w.checked, all->str);
      g_string_free (all, TRUE);
    }
  checked = w.checked;
  g_ptr_array_unref (w.offenders);
  g_ptr_array_unref (w.names);
  return checked;
}

static HbWindow *
open_demo (void)
{
  return hb_gui_test_open_demo (app, 1280, 820);
}

/* The walk itself: an icon button and an entry with nothing to name them
 * are found, with their paths; named ones and labels are not. */
static void
test_walk_finds_unnamed (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *named = gtk_entry_new (), *by = gtk_label_new ("Venue"), *labelled = gtk_entry_new ();
  GtkWidget *icon = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *bare = gtk_entry_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic ("_Save"), *keep = gtk_button_new_with_mnemonic ("_Keep");
  Walk w = { 0, g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };

  gtk_widget_set_name (icon, "bare-icon");
  gtk_widget_set_name (bare, "bare-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Name", -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (labelled), GTK_ACCESSIBLE_RELATION_LABELLED_BY, by, NULL, -1);
  gtk_box_append (GTK_BOX (box), named);
  gtk_box_append (GTK_BOX (box), by);
  gtk_box_append (GTK_BOX (box), labelled);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Save"));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), bare);
  gtk_box_append (GTK_BOX (box), save);
  gtk_box_append (GTK_BOX (box), keep);
  gtk_widget_set_name (keep, "raw-mnemonic");
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  hb_gui_test_settle_widget (window);
  /* Mapped, "_Save" is named by its label alone; "_Keep" is given GTK
   * 4.8's raw name back. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (keep), GTK_ACCESSIBLE_PROPERTY_LABEL, "_Keep", -1);
  walk (window, &w);
  g_assert_cmpuint (w.offenders->len, ==, 3);
  g_assert_nonnull (strstr (w.offenders->pdata[0], "GtkBox > GtkButton(bare-icon)"));
  g_assert_nonnull (strstr (w.offenders->pdata[1], "GtkBox > GtkEntry(bare-entry)"));
  g_assert_nonnull (strstr (w.offenders->pdata[2], "GtkBox > GtkButton(raw-mnemonic)"));
  g_assert_cmpuint (w.checked, ==, 7);
  g_ptr_array_unref (w.offenders);
  g_ptr_array_unref (w.names);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
title_entry_of (GtkListBox *guests,
                int         index)
{
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (guests, index));

  return gtk_combo_box_get_child (GTK_COMBO_BOX (hb_widget_find_descendant (row, "title_combo")));
}

/* The window with the demo post, every page of the side panel built:
 * the form with its guests and media tiles, the caption, the findings,
 * the checklist. */
static void
test_window (void)
{
  HbWindow *window = open_demo ();
  AdwViewStack *side = ADW_VIEW_STACK (hb_widget_find_descendant (GTK_WIDGET (window), "side_stack"));
  GtkListBox *guests = GTK_LIST_BOX (hb_widget_find_descendant (GTK_WIDGET (window), "guest_list"));
  GtkCalendar *calendar = GTK_CALENDAR (hb_widget_find_descendant (GTK_WIDGET (window), "calendar"));
  GListStore *store = hb_post_get_guests (hb_document_get_post (hb_window_get_document (window)));
  g_autoptr(HbGuest) first = NULL;
  g_autoptr(GDateTime) before = NULL, after = NULL;
  GtkWidget *title, *arrow;
  guint checked;

  g_assert_nonnull (side);
  /* The demo has three guests: the entries the issue heard as "GtkEntry". */
  title = title_entry_of (guests, 1);
  gtk_test_accessible_assert_property (title, GTK_ACCESSIBLE_PROPERTY_LABEL, "Title of guest 2");
  gtk_test_accessible_assert_property (title_entry_of (guests, 2), GTK_ACCESSIBLE_PROPERTY_LABEL, "Title of guest 3");
  /* Without the first guest, the second is the first. */
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_list_store_remove (store, 0);
  gtk_test_accessible_assert_property (title_entry_of (guests, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Title of guest 1");
  gtk_test_accessible_assert_property (title_entry_of (guests, 1), GTK_ACCESSIBLE_PROPERTY_LABEL, "Title of guest 2");
  g_list_store_insert (store, 0, first);
  gtk_test_accessible_assert_property (title_entry_of (guests, 2), GTK_ACCESSIBLE_PROPERTY_LABEL, "Title of guest 3");

  /* The calendar's arrow named "Previous month" goes back a month. */
  before = gtk_calendar_get_date (calendar);
  arrow = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (calendar)));
  g_assert_true (GTK_IS_BUTTON (arrow));
  gtk_test_accessible_assert_property (arrow, GTK_ACCESSIBLE_PROPERTY_LABEL, "Previous month");
  g_signal_emit_by_name (arrow, "clicked");
  after = gtk_calendar_get_date (calendar);
  g_assert_cmpint ((g_date_time_get_year (before) * 12 + g_date_time_get_month (before)) -
                   (g_date_time_get_year (after) * 12 + g_date_time_get_month (after)), ==, 1);
  for (GtkSelectionModel *pages = adw_view_stack_get_pages (side); pages; pages = NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

          adw_view_stack_set_visible_child_name (side, adw_view_stack_page_get_name (page));
          hb_gui_test_settle (window);
        }
      g_object_unref (pages);
    }
  checked = assert_all_named (GTK_WIDGET (window), "window");
  /* A walk that found nothing to check checks nothing. */
  g_assert_cmpuint (checked, >, 40);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On half a 1366-px screen the header bar's Save is its icon: named for
 * a screen reader, as every control of the narrow window is; widened
 * again, it is labelled and not named "_Save Save". */
static void
test_narrow_window (void)
{
  HbWindow *window = hb_gui_test_open_demo (app, 683, 768);
  GtkWidget *save = hb_widget_find_descendant (GTK_WIDGET (window), "save_button");

  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (save)), ==, "document-save-symbolic");
  gtk_test_accessible_assert_property (save, GTK_ACCESSIBLE_PROPERTY_LABEL, "Save the draft");
  g_assert_cmpuint (assert_all_named (GTK_WIDGET (window), "narrow window"), >, 20);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  hb_gui_test_wait_size (GTK_WINDOW (window), 1366, 768);
  hb_gui_test_settle (window);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (save)), ==, "_Save");
  g_assert_cmpuint (assert_all_named (GTK_WIDGET (window), "widened window"), >, 40);
  hb_gui_test_close (window);
}

static void
test_preferences (void)
{
  HbWindow *window = open_demo ();
  GtkWindow *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = hb_gui_test_wait_window (HB_TYPE_PREFERENCES_WINDOW);
  g_assert_cmpuint (assert_all_named (GTK_WIDGET (prefs), "preferences"), >, 3);
  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The checklist's Confirm and Override dialogs, with their entries. */
static void
test_checklist_dialogs (void)
{
  HbWindow *window = open_demo ();
  HbPolicy *policy = hb_application_get_policy (app);
  GtkWidget *panel = hb_widget_find_descendant (GTK_WIDGET (window), "checklist_panel");
  const char *evidence = NULL;
  const char *kinds[] = { "checklist.confirm", "checklist.override" };

  for (guint i = 0; i < hb_policy_get_n_checklist (policy) && evidence == NULL; i++)
    {
      const HbChecklistItem *item = hb_policy_get_checklist (policy, i);

      if (item->kind == HB_CHECK_CONFIRM && item->evidence)
        evidence = item->id;
    }
  g_assert_nonnull (evidence);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GtkWindow *dialog;

      g_assert_true (gtk_widget_activate_action (panel, kinds[k], "s", evidence));
      dialog = hb_gui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG);
      /* The name entry, the evidence entry and the two responses. */
      g_assert_cmpuint (assert_all_named (GTK_WIDGET (dialog), kinds[k]), >=, 4);
      gtk_window_destroy (dialog);
      hb_gui_test_settle (window);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_shown (GtkWidget  *root,
            const char *id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (c))
        continue;
      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (c)), id) == 0)
        return c;
      if ((found = find_shown (c, id)))
        return found;
    }
  return NULL;
}

/* The demo's video, played in its own window: the media controls. */
static void
test_video_player (void)
{
  HbWindow *window = open_demo ();
  GtkWidget *play = find_shown (GTK_WIDGET (window), "play_button");
  GtkWidget *player = NULL;

  g_assert_nonnull (play);
  g_signal_emit_by_name (play, "clicked");
  player = GTK_WIDGET (hb_gui_test_wait_window (GTK_TYPE_VIDEO));
  g_assert_cmpuint (assert_all_named (player, "video player"), >=, 2);
  gtk_window_destroy (GTK_WINDOW (player));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The post preview on its own, until the window shows it. */
static void
test_post_preview (void)
{
  HbWindow *window = open_demo ();
  GtkWidget *holder = gtk_window_new ();
  GtkWidget *preview = hb_post_preview_new ();

  gtk_window_set_child (GTK_WINDOW (holder), preview);
  hb_post_preview_set_post (HB_POST_PREVIEW (preview), hb_document_get_post (hb_window_get_document (window)));
  hb_post_preview_set_platform (HB_POST_PREVIEW (preview), "facebook");
  gtk_window_present (GTK_WINDOW (holder));
  hb_gui_test_settle_widget (holder);
  g_assert_cmpuint (assert_all_named (holder, "post preview"), >=, 4);
  gtk_window_destroy (GTK_WINDOW (holder));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Xvfb has no notification daemon; GIO's complaint about it is not a
 * failure of the app. */
int
main (int    argc,
      char **argv)
{
  int status;

  /* The tree is read through GTK's test context, with no AT-SPI bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* English names, whatever the machine's language. */
  g_setenv ("LANGUAGE", "C", TRUE);
  app = hb_gui_test_app_new (&argc, &argv);

  g_test_add_func ("/a11y/walk-finds-unnamed", test_walk_finds_unnamed);
  g_test_add_func ("/a11y/window", test_window);
  g_test_add_func ("/a11y/narrow-window", test_narrow_window);
  g_test_add_func ("/a11y/preferences", test_preferences);
  g_test_add_func ("/a11y/checklist-dialogs", test_checklist_dialogs);
  g_test_add_func ("/a11y/post-preview", test_post_preview);
  g_test_add_func ("/a11y/video-player", test_video_player);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
