/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-checklist-panel.c — the guideline checklist beside the editor.
 *
 * The window evaluates the checklist after every lint and hands the
 * statuses here.  Ticking, evidence and overrides go straight into the
 * post through hb-checklist (so they are saved with the draft); the post
 * changes, the window re-evaluates, and the rows follow.
 *
 * The rows are grouped by section or by who vouches (the `grouping`
 * property, bound to the GSettings key `checklist-grouping`); the order
 * and the groups' headings come from hb-checklist, as in Confirm Items.
 */
#include "config.h"

#include "hb-checklist-panel.h"

#include "hb-site-match.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hb-confirm-dialog.h"
#include "hb-datetime.h"
#include "hb-enum-types.h"

struct _HbChecklistPanel
{
  GtkWidget    parent_instance;
  GtkLabel    *progress_label;
  GtkLevelBar *progress_bar;
  GtkListBox  *list;
  GtkScrolledWindow *scroll;

  HbPost      *post;
  GSettings   *settings;
  HbPolicy    *policy;
  GPtrArray   *statuses;   /* HbCheckStatus */
  HbLang       lang;
  char        *progress;
  char        *scroll_target; /* the item to bring into view */
  double       keep_place;    /* the list's place before its rows were rebuilt, or -1 */
  guint        scroll_tick;
  guint        scroll_frames;
  gboolean     scroll_to_top; /* the target goes to the top of the view (a regrouping's anchor) */
  HbChecklistGrouping grouping;
};

G_DEFINE_FINAL_TYPE (HbChecklistPanel, hb_checklist_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_GROUPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
state_icon (const HbCheckStatus *s)
{
  switch (s->state)
    {
    case HB_ITEM_PASS: return "emblem-system-symbolic";  /* the software's tick, not an officer's */
    case HB_ITEM_CONFIRMED: return "emblem-ok-symbolic";
    case HB_ITEM_NOT_APPLICABLE: return "action-unavailable-symbolic";
    case HB_ITEM_OVERRIDDEN: return "emblem-important-symbolic";
    case HB_ITEM_FAIL: return "dialog-error-symbolic";
    case HB_ITEM_STALE: return "view-refresh-symbolic";
    default: return "checkbox-symbolic";
    }
}

static const char *
state_words (const HbCheckStatus *s)
{
  switch (s->state)
    {
    case HB_ITEM_PASS: return _("Checked automatically");
    case HB_ITEM_FAIL: return _("Not met");
    case HB_ITEM_OVERRIDDEN: return _("Overridden");
    case HB_ITEM_UNANSWERED: return _("To confirm");
    case HB_ITEM_CONFIRMED: return _("Confirmed");
    case HB_ITEM_STALE: return _("Confirm again");
    case HB_ITEM_PENDING: return _("Not checked yet");
    default: return _("Not applicable");
    }
}

static GtkWidget *
label_new (const char *text,
           const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* "Confirmed by Aminah, 25/11/2026 10:42 — note" */
static char *
answer_line (const HbCheckStatus *s)
{
  g_autofree char *when = s->when ? g_date_time_format (s->when, "%d/%m/%Y %H:%M") : NULL;
  g_autofree char *dates = s->dates && s->dates[0] ? g_strjoinv (", ", s->dates) : NULL;

  if (s->who == NULL || *s->who == '\0')
    return NULL;
  /* TRANSLATORS: "<state> — <officer>, <date and time>" */
  return g_strdup_printf (_("%s — %s, %s%s%s%s%s"), state_words (s), s->who, when ? when : "",
                          s->note && *s->note ? "\n" : "", s->note ? s->note : "",
                          dates ? "\n" : "", dates ? dates : "");
}

static GtkWidget *
action_button (const HbCheckStatus *s)
{
  const char *label = NULL, *action = NULL;
  GtkWidget *button;

  /* A judgement whose check finds problems is not confirmed over them:
   * they are settled first, or overridden like an automatic item. */
  gboolean check_fails = s->automatic && !s->auto_passed;

  if (s->state == HB_ITEM_OVERRIDDEN)
    label = _("Remove Override"), action = "checklist.clear";
  else if ((s->item->kind == HB_CHECK_AUTO || check_fails) &&
           (s->state == HB_ITEM_FAIL || s->state == HB_ITEM_STALE))
    label = _("Override…"), action = "checklist.override";
  else if (s->item->kind == HB_CHECK_CONFIRM && s->state != HB_ITEM_NOT_APPLICABLE &&
           s->state != HB_ITEM_PENDING && !check_fails)
    {
      gboolean ticked = s->state == HB_ITEM_CONFIRMED;
      label = ticked ? _("Withdraw") : _("Confirm…");
      action = ticked ? "checklist.clear" : "checklist.confirm";
    }
  if (action == NULL)
    return NULL;
  button = gtk_button_new_with_label (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", s->item->id);
  if (g_str_equal (action, "checklist.confirm"))
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

/* 8.b's "announced on the official website": the window can look for
 * the announcement itself and record the page as the evidence. */
static GtkWidget *
website_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Check _Website"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Look for this programme’s announcement on the official website"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.check-website");
  return button;
}

static GtkWidget *
make_row (HbChecklistPanel    *self,
          const HbCheckStatus *s)
{
  const HbClause *clause = self->policy ? hb_policy_find_clause (self->policy, s->item->clause) : NULL;
  g_autofree char *clause_line = g_strdup_printf ("%s — %s", s->item->clause, clause ? clause->text[self->lang] : "");
  g_autofree char *answer = answer_line (s);
  g_autofree char *a11y = g_strdup_printf ("%s: %s. %s", s->item->label[self->lang], state_words (s),
                                           s->reason ? s->reason : "");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (state_icon (s));
  GtkWidget *button = action_button (s);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, s->state == HB_ITEM_NOT_APPLICABLE ? "dim-label"
                                  : s->complete ? "success" : s->state == HB_ITEM_FAIL ? "error" : "warning");
  gtk_box_append (GTK_BOX (text), label_new (s->item->label[self->lang], NULL));
  gtk_box_append (GTK_BOX (text), label_new (clause_line, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (text), "dim-label");
  if (s->automatic && s->auto_passed && s->auto_result)
    {
      /* TRANSLATORS: what the software checked, e.g. "Automatic check: No rumour markers found" */
      g_autofree char *line = g_strdup_printf (_("Automatic check: %s"), s->auto_result);

      gtk_box_append (GTK_BOX (text), label_new (line, "caption"));
    }
  if (s->reason && (!s->complete || s->state == HB_ITEM_NOT_APPLICABLE))
    gtk_box_append (GTK_BOX (text), label_new (s->reason, "caption"));
  if (answer)
    gtk_box_append (GTK_BOX (text), label_new (answer, "caption"));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  /* The buttons go under the words, right-aligned, so that a narrow panel
   * never squeezes the label to a syllable per line. */
  if ((g_str_equal (s->item->id, HB_SITE_CHECK_ITEM) && !s->complete) || button)
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_widget_set_margin_top (buttons, 4);
      if (g_str_equal (s->item->id, HB_SITE_CHECK_ITEM) && !s->complete)
        gtk_box_append (GTK_BOX (buttons), website_button ());
      if (button)
        {
          /* "Confirm…" alone does not say which item it confirms. */
          /* TRANSLATORS: a checklist button's accessible name: the button's
           * label, then the item it acts on */
          g_autofree char *name = g_strdup_printf (_("%s: %s"), gtk_button_get_label (GTK_BUTTON (button)),
                                                   s->item->label[self->lang]);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_box_append (GTK_BOX (buttons), button);
        }
      gtk_box_append (GTK_BOX (text), buttons);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, s->item->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

/* The row's group under the current grouping: its section's digit, or
 * who vouches for it; the header function compares these. */
static guint
group_key (HbChecklistPanel    *self,
           const HbCheckStatus *s)
{
  if (self->grouping == HB_CHECKLIST_GROUPING_VOUCHED_BY)
    return hb_checklist_item_vouched_by (s->item);
  return (guchar) s->item->clause[0];
}

static guint
row_group (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "hb-group"));
}

/* "Section 6", or who vouches ("Checked with Bahagian Komunikasi
 * Korporat"): a heading over the first row of each group. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  HbChecklistPanel *self = user_data;
  guint key = row_group (row) - 1;
  g_autofree char *title = NULL;
  GtkWidget *label;

  if (before && row_group (before) == row_group (row))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (self->grouping == HB_CHECKLIST_GROUPING_VOUCHED_BY)
    title = g_strdup (hb_vouched_by_get_title (key));
  else
    /* TRANSLATORS: a heading such as "Section 6" of the guideline */
    title = g_strdup_printf (_("Section %c"), (char) key);
  label = label_new (title, "hb-clause-header");
  gtk_list_box_row_set_header (row, label);
}

static gboolean
any_to_confirm (GPtrArray *statuses)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      if (s->item->kind == HB_CHECK_CONFIRM && (s->state == HB_ITEM_UNANSWERED || s->state == HB_ITEM_STALE))
        return TRUE;
    }
  return FALSE;
}

static void
adjustment_changed (GtkAdjustment    *adj,
                    HbChecklistPanel *self)
{
  double place = self->keep_place;

  if (place < 0 || self->scroll_target)
    return;
  self->keep_place = -1;
  gtk_adjustment_set_value (adj, place);
}

/* Only the layout right after a rebuild restores the place; a scroll
 * later is the officer's. */
static gboolean
forget_place (gpointer data)
{
  HB_CHECKLIST_PANEL (data)->keep_place = -1;
  return G_SOURCE_REMOVE;
}

static GtkWidget *find_row  (HbChecklistPanel *self,
                             const char       *item_id);
static void       focus_row (GtkWidget        *row);

static void
rebuild (HbChecklistPanel *self)
{
  GtkWidget *child;
  guint done = hb_checklist_n_complete (self->statuses), all = hb_checklist_n_items (self->statuses);

  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroll);
  double place = gtk_adjustment_get_value (adj);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *focus_row_was = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  g_autofree char *focused_id = NULL;
  g_autoptr(GPtrArray) ordered = NULL;

  /* The rows are made anew: the list keeps its place and the keyboard its
   * item, rather than both going back to the top. */
  if (focus_row_was && gtk_widget_get_parent (focus_row_was) == GTK_WIDGET (self->list))
    focused_id = g_strdup (gtk_widget_get_name (focus_row_was));
  gtk_list_box_set_header_func (self->list, NULL, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  ordered = hb_checklist_group (self->statuses, self->grouping);
  for (guint i = 0; i < ordered->len; i++)
    {
      GtkWidget *row = make_row (self, ordered->pdata[i]);

      /* + 1: no group is 0, the absence of the data */
      g_object_set_data (G_OBJECT (row), "hb-group", GUINT_TO_POINTER (group_key (self, ordered->pdata[i]) + 1));
      gtk_list_box_append (self->list, row);
    }
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.confirm-many", any_to_confirm (self->statuses));
  if (focused_id && find_row (self, focused_id))
    focus_row (find_row (self, focused_id));
  gtk_adjustment_set_value (adj, place);
  /* Once the new rows are laid out (the adjustment changes), again. */
  self->keep_place = gtk_widget_get_mapped (GTK_WIDGET (self)) ? place : -1;
  if (self->keep_place >= 0)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 200, forget_place, g_object_ref (self), g_object_unref);
  g_free (self->progress);
  /* TRANSLATORS: checklist progress, "12 of 18 complete" */
  self->progress = g_strdup_printf (_("%u of %u complete"), done, all);
  gtk_label_set_label (self->progress_label, self->progress);
  gtk_level_bar_set_value (self->progress_bar, all ? (double) done / all : 1.0);
}

static gboolean
same_status (const HbCheckStatus *a,
             const HbCheckStatus *b)
{
  return a->item == b->item && a->state == b->state && g_strcmp0 (a->reason, b->reason) == 0 &&
         g_strcmp0 (a->who, b->who) == 0 && g_strcmp0 (a->note, b->note) == 0 &&
         ((a->when == NULL) == (b->when == NULL)) &&
         (a->when == NULL || g_date_time_equal (a->when, b->when)) &&
         g_strv_equal ((const char * const *) (a->dates ? a->dates : (char *[]) { NULL }),
                       (const char * const *) (b->dates ? b->dates : (char *[]) { NULL }));
}

/* Evaluated after every lint: rows are rebuilt only when something shown
 * has changed, so typing does not pay for them. */
static gboolean
same_statuses (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!same_status (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

void
hb_checklist_panel_set_statuses (HbChecklistPanel *self,
                                 GPtrArray        *statuses,
                                 HbPolicy         *policy,
                                 HbLang            lang)
{
  gboolean same;

  g_return_if_fail (HB_IS_CHECKLIST_PANEL (self));
  g_return_if_fail (policy == NULL || HB_IS_POLICY (policy));

  same = same_statuses (self->statuses, statuses) && self->lang == lang && self->policy == policy;
  g_set_object (&self->policy, policy);
  self->lang = lang;
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  self->statuses = g_ptr_array_ref (statuses);
  if (!same)
    rebuild (self);
}

const char *
hb_checklist_panel_get_progress (HbChecklistPanel *self)
{
  g_return_val_if_fail (HB_IS_CHECKLIST_PANEL (self), NULL);

  return self->progress;
}

static GtkWidget *
find_row (HbChecklistPanel *self,
          const char       *item_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (item_id && g_strcmp0 (gtk_widget_get_name (row), item_id) == 0)
      return row;
  return NULL;
}

/* The row's own button (Confirm, Override…), else the row. */
static void
focus_row (GtkWidget *row)
{
  GtkWidget *text = gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  GtkWidget *buttons = text ? gtk_widget_get_last_child (text) : NULL;
  GtkWidget *last = GTK_IS_BOX (buttons) ? gtk_widget_get_last_child (buttons) : NULL;

  gtk_widget_grab_focus (GTK_IS_BUTTON (last) ? last : row);
}

/* Scrolls the list so the row is in view, once it has its allocation
 * (the page may only just have been shown). */
static gboolean
scroll_to_row (GtkWidget     *list,
               GdkFrameClock *clock,
               gpointer       data)
{
  HbChecklistPanel *self = data;
  GtkWidget *row = find_row (self, self->scroll_target);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroll);
  graphene_rect_t bounds;

  /* Until the row has been seen in view (the list may still be laid
   * out again as the page opens), for at most a second. */
  if (++self->scroll_frames < 60 &&
      (row == NULL || !gtk_widget_compute_bounds (row, list, &bounds) || gtk_widget_get_height (row) == 0 ||
       gtk_adjustment_get_page_size (adj) == 0))
    return G_SOURCE_CONTINUE;
  if (self->scroll_frames < 60 && self->scroll_to_top)
    {
      double top = MIN (bounds.origin.y, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));

      if (G_APPROX_VALUE (gtk_adjustment_get_value (adj), top, 0.5))
        self->scroll_to_top = FALSE;
      else
        gtk_adjustment_set_value (adj, top);
      return G_SOURCE_CONTINUE;
    }
  if (self->scroll_frames < 60 &&
      (bounds.origin.y < gtk_adjustment_get_value (adj) ||
       bounds.origin.y + bounds.size.height > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj)))
    {
      gtk_adjustment_set_value (adj, bounds.origin.y - (gtk_adjustment_get_page_size (adj) - bounds.size.height) / 3);
      return G_SOURCE_CONTINUE;
    }
  self->scroll_tick = 0;
  self->scroll_to_top = FALSE;
  g_clear_pointer (&self->scroll_target, g_free);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_item (HbChecklistPanel *self,
                const char       *item_id,
                gboolean          to_top)
{
  g_free (self->scroll_target);
  self->scroll_target = g_strdup (item_id);
  self->scroll_frames = 0;
  self->scroll_to_top = to_top;
  self->keep_place = -1;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), scroll_to_row, self, NULL);
}

static gboolean
unhighlight (gpointer data)
{
  gtk_widget_remove_css_class (data, "hb-highlight");
  return G_SOURCE_REMOVE;
}

/* Going to an item: scrolled into view, focused, and lit for a moment. */
void
hb_checklist_panel_focus_item (HbChecklistPanel *self,
                               const char       *item_id)
{
  GtkWidget *row;

  g_return_if_fail (HB_IS_CHECKLIST_PANEL (self));

  if ((row = find_row (self, item_id)) == NULL)
    return;
  focus_row (row);
  gtk_widget_add_css_class (row, "hb-highlight");
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 3, unhighlight, g_object_ref (row), g_object_unref);
  scroll_to_item (self, item_id, FALSE);
}

/* The item at the top of the view, or the one the keyboard is on: what
 * the officer was looking at, kept in view when the rows are regrouped. */
static char *
anchor_item (HbChecklistPanel *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroll);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  graphene_rect_t bounds;

  if (row && gtk_widget_get_parent (row) == GTK_WIDGET (self->list))
    return g_strdup (gtk_widget_get_name (row));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_compute_bounds (row, GTK_WIDGET (self->list), &bounds) &&
        bounds.origin.y + bounds.size.height > gtk_adjustment_get_value (adj))
      return gtk_adjustment_get_value (adj) > 0 ? g_strdup (gtk_widget_get_name (row)) : NULL;
  return NULL;
}

HbChecklistGrouping
hb_checklist_panel_get_grouping (HbChecklistPanel *self)
{
  g_return_val_if_fail (HB_IS_CHECKLIST_PANEL (self), HB_CHECKLIST_GROUPING_SECTION);

  return self->grouping;
}

void
hb_checklist_panel_set_grouping (HbChecklistPanel    *self,
                                 HbChecklistGrouping  grouping)
{
  g_autofree char *anchor = NULL;

  g_return_if_fail (HB_IS_CHECKLIST_PANEL (self));

  if (self->grouping == grouping)
    return;
  anchor = anchor_item (self);
  self->grouping = grouping;
  if (self->statuses->len > 0)
    rebuild (self);
  if (anchor)
    scroll_to_item (self, anchor, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPING]);
}

void
hb_checklist_panel_set_post (HbChecklistPanel *self,
                             HbPost           *post,
                             GSettings        *settings)
{
  g_return_if_fail (HB_IS_CHECKLIST_PANEL (self));
  g_return_if_fail (post == NULL || HB_IS_POST (post));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  g_set_object (&self->post, post);
  if (settings == self->settings)
    return;
  if (self->settings)
    g_settings_unbind (self, "grouping");
  g_set_object (&self->settings, settings);
  /* The officer's choice of grouping outlives the window. */
  if (settings)
    g_settings_bind (settings, "checklist-grouping", self, "grouping", G_SETTINGS_BIND_DEFAULT);
}

static const HbCheckStatus *
find_status (HbChecklistPanel *self,
             const char       *id)
{
  for (guint i = 0; self->statuses && i < self->statuses->len; i++)
    {
      const HbCheckStatus *s = self->statuses->pdata[i];

      if (g_str_equal (s->item->id, id))
        return s;
    }
  return NULL;
}

static GtkWidget *
entry_new (const char *placeholder,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

static const char *
evidence_prompt (const HbChecklistItem *item)
{
  if (g_strcmp0 (item->evidence, "dates") == 0)
    return _("Dates notified, e.g. 20/11/2026, 21/11/2026");
  if (g_strcmp0 (item->evidence, "text") == 0)
    return _("Evidence: who checked it, or how it was verified");
  return NULL;
}

static void
show_problem (HbChecklistPanel *self,
              const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("The Answer Was Not Saved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  HbChecklistPanel *self;
  char             *id;
  gboolean          override;
  gboolean          note_required;
  gboolean          dates_required;
  AdwMessageDialog *dialog;
  GtkEditable      *who;
  GtkEditable      *note;
} Answer;

/* The button stays disabled until what the answer needs is written, as
 * in the Acknowledge dialog: no second dialog after the first. */
static void
answer_validate (Answer *a)
{
  const char *note = a->note ? gtk_editable_get_text (a->note) : "";
  g_auto(GStrv) dates = NULL;
  gboolean ok;
  g_autofree char *trimmed_who = g_strstrip (g_strdup (gtk_editable_get_text (a->who)));
  g_autofree char *trimmed_note = g_strstrip (g_strdup (note));

  ok = *trimmed_who != '\0';
  if (a->note_required && *trimmed_note == '\0')
    ok = FALSE;
  if (a->dates_required && (*trimmed_note == '\0' || (dates = hb_date_parse_list (note)) == NULL))
    ok = FALSE;
  adw_message_dialog_set_response_enabled (a->dialog, "save", ok);
}

static void
answer_free (Answer *a)
{
  g_object_unref (a->self);
  g_free (a->id);
  g_free (a);
}

static void
answer_closure_free (gpointer  data,
                     GClosure *closure)
{
  answer_free (data);
}

static void
answer_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Answer           *a)
{
  const HbCheckStatus *s = find_status (a->self, a->id);
  const char *who = gtk_editable_get_text (a->who);
  const char *note = a->note ? gtk_editable_get_text (a->note) : "";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;
  gboolean ok;

  if (!g_str_equal (response, "save") || s == NULL)
    return;
  g_settings_set_string (a->self->settings, "officer-name", who);
  if (a->override)
    ok = hb_checklist_override (a->self->post, a->self->policy, a->id, who, note, &error);
  else if (g_strcmp0 (s->item->evidence, "dates") == 0 && (dates = hb_date_parse_list (note)) == NULL)
    {
      show_problem (a->self, _("A date could not be read. Write dates like 20/11/2026."));
      return;
    }
  else
    ok = hb_checklist_confirm (a->self->post, a->self->policy, a->id, who,
                               dates ? NULL : note, (const char * const *) dates, &error);
  if (!ok)
    show_problem (a->self, error->message);
}

/* Asks for the officer's name and, where the item wants it, evidence or
 * (for an override) the justification printed on the sign-off sheet. */
static void
ask (HbChecklistPanel    *self,
     const HbCheckStatus *s,
     gboolean             override)
{
  g_autofree char *officer = g_settings_get_string (self->settings, "officer-name");
  const char *prompt = override ? _("Justification (printed on the sign-off sheet)")
                                : evidence_prompt (s->item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;
  Answer *a = g_new0 (Answer, 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   override ? _("Override This Item?") : _("Confirm This Item?"),
                                   s->item->label[self->lang]);
  a->self = g_object_ref (self);
  a->id = g_strdup (s->item->id);
  a->override = override;
  a->dialog = ADW_MESSAGE_DIALOG (dialog);
  a->note_required = override || g_strcmp0 (s->item->evidence, "text") == 0;
  a->dates_required = !override && s->item->evidence && s->item->evidence[0] == 'd';
  a->who = GTK_EDITABLE (entry_new (_("Your name and position"), officer));
  gtk_widget_set_name (GTK_WIDGET (a->who), "answer-name");
  g_signal_connect_swapped (a->who, "changed", G_CALLBACK (answer_validate), a);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (a->who));
  if (prompt)
    {
      a->note = GTK_EDITABLE (entry_new (prompt, s->note));
      gtk_widget_set_name (GTK_WIDGET (a->note), "answer-note");
      g_signal_connect_swapped (a->note, "changed", G_CALLBACK (answer_validate), a);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (a->note));
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", override ? _("_Override") : _("C_onfirm"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              override ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  answer_validate (a);
  g_signal_connect_data (dialog, "response", G_CALLBACK (answer_response), a,
                         answer_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every item still to confirm, in one dialog, grouped by who vouches. */
static void
confirm_many (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  HbChecklistPanel *self = HB_CHECKLIST_PANEL (widget);
  GtkWidget *dialog;

  if (self->post == NULL || self->policy == NULL || self->settings == NULL)
    return;
  dialog = hb_confirm_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->post, self->policy,
                                  self->statuses, self->settings, self->lang);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_item (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  HbChecklistPanel *self = HB_CHECKLIST_PANEL (widget);
  const HbCheckStatus *s = find_status (self, g_variant_get_string (param, NULL));
  g_autofree char *officer = NULL;

  if (s == NULL || self->post == NULL)
    return;
  officer = g_settings_get_string (self->settings, "officer-name");
  /* A plain tick needs nothing more when the officer's name is known. */
  if (s->item->evidence == NULL && *officer &&
      hb_checklist_confirm (self->post, self->policy, s->item->id, officer, NULL, NULL, NULL))
    return;
  ask (self, s, FALSE);
}

static void
override_item (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  HbChecklistPanel *self = HB_CHECKLIST_PANEL (widget);
  const HbCheckStatus *s = find_status (self, g_variant_get_string (param, NULL));

  if (s && self->post)
    ask (self, s, TRUE);
}

static void
clear_item (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  HbChecklistPanel *self = HB_CHECKLIST_PANEL (widget);

  if (self->post)
    hb_checklist_clear (self->post, g_variant_get_string (param, NULL));
}

static void
hb_checklist_panel_dispose (GObject *object)
{
  HbChecklistPanel *self = HB_CHECKLIST_PANEL (object);
  GtkWidget *child;

  if (self->scroll_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_CHECKLIST_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->progress, g_free);
  g_clear_pointer (&self->scroll_target, g_free);
  g_clear_object (&self->post);
  g_clear_object (&self->settings);
  g_clear_object (&self->policy);
  G_OBJECT_CLASS (hb_checklist_panel_parent_class)->dispose (object);
}

static void
hb_checklist_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HbChecklistPanel *self = HB_CHECKLIST_PANEL (object);

  switch (prop_id)
    {
    case PROP_GROUPING:
      g_value_set_enum (value, self->grouping);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_checklist_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HbChecklistPanel *self = HB_CHECKLIST_PANEL (object);

  switch (prop_id)
    {
    case PROP_GROUPING:
      hb_checklist_panel_set_grouping (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_checklist_panel_class_init (HbChecklistPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hb_checklist_panel_dispose;
  object_class->get_property = hb_checklist_panel_get_property;
  object_class->set_property = hb_checklist_panel_set_property;
  properties[PROP_GROUPING] =
    g_param_spec_enum ("grouping", NULL, NULL, HB_TYPE_CHECKLIST_GROUPING, HB_CHECKLIST_GROUPING_SECTION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-checklist-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, HbChecklistPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, HbChecklistPanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HbChecklistPanel, list);
  gtk_widget_class_bind_template_child (widget_class, HbChecklistPanel, scroll);
  gtk_widget_class_install_action (widget_class, "checklist.confirm", "s", confirm_item);
  gtk_widget_class_install_action (widget_class, "checklist.override", "s", override_item);
  gtk_widget_class_install_action (widget_class, "checklist.clear", "s", clear_item);
  gtk_widget_class_install_action (widget_class, "checklist.confirm-many", NULL, confirm_many);
  /* The header's two toggles ("By section", "By who confirms") share it. */
  gtk_widget_class_install_property_action (widget_class, "checklist.grouping", "grouping");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "checklist.confirm-many", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hb_checklist_panel_init (HbChecklistPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->statuses = g_ptr_array_new ();
  self->keep_place = -1;
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroll), "changed",
                           G_CALLBACK (adjustment_changed), self, 0);
}

GtkWidget *
hb_checklist_panel_new (void)
{
  return g_object_new (HB_TYPE_CHECKLIST_PANEL, NULL);
}
