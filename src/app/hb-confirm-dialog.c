/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-confirm-dialog.c — "Confirm Items": every checklist item still to be
 * confirmed, grouped by who vouches for it (the officer, Bahagian
 * Komunikasi Korporat, the committees), each with its own check box so the
 * officer ticks only what they vouch for; a group's box ticks the group.
 * A group's items that ask for evidence share one note (dates for the
 * committees), offered from the officer's recent posts (GSettings
 * `recent-evidence`).  The Confirm button stays disabled, with a line
 * saying what is missing, until the name and the evidence are given; the
 * name is remembered (`officer-name`). */
#include "config.h"

#include "hb-confirm-dialog.h"

#include <glib/gi18n.h>

#include "hb-datetime.h"
#include "hb-text.h"

/* The groups a confirmation belongs to (hb-checklist.h): every one but
 * the software's. */
#define N_GROUPS HB_VOUCHED_BY_SOFTWARE

typedef struct
{
  GtkCheckButton *all;        /* the group's own box */
  GPtrArray      *checks;     /* GtkCheckButton, one per item; "hb-item" data: the item */
  GtkEditable    *note;       /* when an item of the group asks for text, else NULL */
  GtkEditable    *dates;      /* when an item asks for dates, else NULL */
  gboolean        syncing;
} Group;

struct _HbConfirmDialog
{
  AdwMessageDialog parent_instance;

  HbPost      *post;
  HbPolicy    *policy;
  GSettings   *settings;
  GtkEditable *name;
  GtkLabel    *missing;
  Group        groups[N_GROUPS];
};

G_DEFINE_FINAL_TYPE (HbConfirmDialog, hb_confirm_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *
note_prompt (guint g)
{
  switch (g)
    {
    case HB_VOUCHED_BY_CORPORATE_COMMS: return _("Evidence: the officer you checked with, the website page");
    case HB_VOUCHED_BY_COMMITTEES: return _("Evidence: how the committees were told");
    case HB_VOUCHED_BY_OFFICER:
    default: return _("Evidence: how the information was verified");
    }
}

static const HbChecklistItem *
item_of (GtkCheckButton *check)
{
  return g_object_get_data (G_OBJECT (check), "hb-item");
}

/* What stops the confirmation, or NULL when nothing does. */
static const char *
what_is_missing (HbConfirmDialog *self)
{
  guint n_ticked = 0;

  for (guint g = 0; g < N_GROUPS; g++)
    {
      Group *group = &self->groups[g];

      for (guint i = 0; group->checks && i < group->checks->len; i++)
        {
          GtkCheckButton *check = group->checks->pdata[i];
          const HbChecklistItem *item = item_of (check);
          const char *evidence = item->evidence;

          if (!gtk_check_button_get_active (check))
            continue;
          n_ticked++;
          if (g_strcmp0 (evidence, "text") == 0 && hb_text_is_blank (gtk_editable_get_text (group->note)))
            return _("Write the evidence for the items ticked");
          if (evidence && evidence[0] == 'd')
            {
              g_auto(GStrv) dates = hb_date_parse_list (gtk_editable_get_text (group->dates));

              if (dates == NULL)
                return _("Give the dates, such as 20/11/2026");
              if (g_str_equal (evidence, "date") && g_strv_length (dates) > 1)
                return _("Give one date, such as 20/11/2026");
            }
        }
    }
  if (n_ticked == 0)
    return _("Tick the items you vouch for");
  if (hb_text_is_blank (gtk_editable_get_text (self->name)))
    return _("Write your name and position");
  return NULL;
}

static void
validate (HbConfirmDialog *self)
{
  const char *missing = what_is_missing (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", missing == NULL);
  gtk_label_set_label (self->missing, missing ? missing : "");
}

gboolean
hb_confirm_dialog_can_confirm (HbConfirmDialog *self)
{
  g_return_val_if_fail (HB_IS_CONFIRM_DIALOG (self), FALSE);

  return what_is_missing (self) == NULL;
}

/* The group's box follows its items: ticked when all are, mixed when some. */
static void
item_toggled (GtkCheckButton  *check,
              HbConfirmDialog *self)
{
  Group *group = g_object_get_data (G_OBJECT (check), "hb-group");
  guint on = 0;

  for (guint i = 0; i < group->checks->len; i++)
    on += gtk_check_button_get_active (group->checks->pdata[i]);
  group->syncing = TRUE;
  gtk_check_button_set_inconsistent (group->all, on > 0 && on < group->checks->len);
  gtk_check_button_set_active (group->all, on == group->checks->len);
  group->syncing = FALSE;
  validate (self);
}

static void
all_toggled (GtkCheckButton  *all,
             HbConfirmDialog *self)
{
  Group *group = g_object_get_data (G_OBJECT (all), "hb-group");
  gboolean active = gtk_check_button_get_active (all);

  if (group->syncing)
    return;
  for (guint i = 0; i < group->checks->len; i++)
    gtk_check_button_set_active (group->checks->pdata[i], active);
}

static GtkEditable *
entry_new (const char *name,
           const char *placeholder,
           const char *text,
           HbConfirmDialog *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (validate), self);
  return GTK_EDITABLE (entry);
}

/* The group's last note or dates, from the officer's recent posts. */
static char *
recent (HbConfirmDialog *self,
        const char      *key)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "recent-evidence");
  const char *value = NULL;

  if (g_variant_lookup (all, key, "&s", &value))
    return g_strdup (value);
  return NULL;
}

static void
remember (HbConfirmDialog *self,
          GHashTable      *values)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "recent-evidence");
  GVariantBuilder b;
  GVariantIter iter;
  const char *key, *value;
  GHashTableIter h;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_hash_table_contains (values, key))
      g_variant_builder_add (&b, "{ss}", key, value);
  g_hash_table_iter_init (&h, values);
  while (g_hash_table_iter_next (&h, (gpointer *) &key, (gpointer *) &value))
    g_variant_builder_add (&b, "{ss}", key, value);
  g_settings_set_value (self->settings, "recent-evidence", g_variant_builder_end (&b));
}

/* The items of group @g still to confirm, in the pack's order. */
static GPtrArray *
items_to_confirm (GPtrArray *statuses,
                  guint      g)
{
  GPtrArray *checks = g_ptr_array_new ();

  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      if (s->item->kind == HB_CHECK_CONFIRM && hb_checklist_item_vouched_by (s->item) == g &&
          (s->state == HB_ITEM_UNANSWERED || s->state == HB_ITEM_STALE))
        g_ptr_array_add (checks, (gpointer) s);
    }
  return checks;
}

/* The group's heading: a check button that ticks all its items. */
static GtkWidget *
group_heading (HbConfirmDialog *self,
               Group           *group,
               guint            g)
{
  GtkWidget *all = gtk_check_button_new_with_label (hb_vouched_by_get_title (g));
  g_autofree char *name = g_strdup_printf ("group-%s", hb_vouched_by_to_string (g));

  gtk_widget_set_name (all, name);
  gtk_widget_add_css_class (all, "heading");
  gtk_widget_set_margin_top (all, 6);
  group->all = GTK_CHECK_BUTTON (all);
  g_object_set_data (G_OBJECT (all), "hb-group", group);
  g_signal_connect (all, "toggled", G_CALLBACK (all_toggled), self);
  return all;
}

static GtkWidget *
item_check (HbConfirmDialog     *self,
            Group               *group,
            const HbCheckStatus *s,
            HbLang               lang)
{
  g_autofree char *label = NULL;
  GtkWidget *check;

  /* The automatic result beside a judgement, so it is not taken for it. */
  label = s->automatic && s->auto_result
    /* TRANSLATORS: a checklist item, then what the software checked for it */
    ? g_strdup_printf (_("%s (%s; automatic check: %s)"), s->item->label[lang], s->item->clause, s->auto_result)
    : g_strdup_printf ("%s (%s)", s->item->label[lang], s->item->clause);
  check = gtk_check_button_new_with_label (label);
  gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (check)), TRUE);
  gtk_widget_set_name (check, s->item->id);
  g_object_set_data (G_OBJECT (check), "hb-item", (gpointer) s->item);
  g_object_set_data (G_OBJECT (check), "hb-group", group);
  g_signal_connect (check, "toggled", G_CALLBACK (item_toggled), self);
  return check;
}

/* One evidence field for the group (@what: "note" or "dates"), offering
 * what the officer wrote last time. */
static GtkEditable *
evidence_entry (HbConfirmDialog *self,
                GtkBox          *box,
                guint            g,
                const char      *what,
                const char      *prompt)
{
  g_autofree char *key = g_strdup_printf ("%s-%s", what, hb_vouched_by_to_string (g));
  g_autofree char *last = recent (self, key);
  GtkEditable *entry = entry_new (key, prompt, last, self);

  gtk_widget_set_margin_start (GTK_WIDGET (entry), 24);
  gtk_box_append (box, GTK_WIDGET (entry));
  return entry;
}

static void
add_group (HbConfirmDialog *self,
           GtkBox          *box,
           guint            g,
           GPtrArray       *statuses,
           HbLang           lang)
{
  Group *group = &self->groups[g];
  GtkWidget *items;
  gboolean text = FALSE, dates = FALSE;

  group->checks = items_to_confirm (statuses, g);
  if (group->checks->len == 0)
    return;
  gtk_box_append (box, group_heading (self, group, g));
  items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (items, 24);
  for (guint i = 0; i < group->checks->len; i++)
    {
      const HbCheckStatus *s = group->checks->pdata[i];

      text |= g_strcmp0 (s->item->evidence, "text") == 0;
      dates |= s->item->evidence != NULL && s->item->evidence[0] == 'd';
      group->checks->pdata[i] = item_check (self, group, s, lang);
      gtk_box_append (GTK_BOX (items), group->checks->pdata[i]);
    }
  gtk_box_append (box, items);
  if (text)
    group->note = evidence_entry (self, box, g, "note", note_prompt (g));
  if (dates)
    group->dates = evidence_entry (self, box, g, "dates", _("Dates notified, e.g. 20/11/2026, 21/11/2026"));
}

/**
 * hb_confirm_dialog_apply:
 *
 * Confirms every ticked item for the officer named, with its group's
 * note or dates, and remembers the name and the evidence.
 *
 * Returns: how many items were confirmed
 */
guint
hb_confirm_dialog_apply (HbConfirmDialog  *self,
                         GError          **error)
{
  const char *who;
  g_autoptr(GHashTable) evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = 0;

  g_return_val_if_fail (HB_IS_CONFIRM_DIALOG (self), 0);

  if (!hb_confirm_dialog_can_confirm (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, what_is_missing (self));
      return 0;
    }
  who = gtk_editable_get_text (self->name);
  g_settings_set_string (self->settings, "officer-name", who);
  for (guint g = 0; g < N_GROUPS; g++)
    {
      Group *group = &self->groups[g];
      const char *note = group->note ? gtk_editable_get_text (group->note) : NULL;
      g_auto(GStrv) dates = group->dates ? hb_date_parse_list (gtk_editable_get_text (group->dates)) : NULL;

      for (guint i = 0; group->checks && i < group->checks->len; i++)
        {
          GtkCheckButton *check = group->checks->pdata[i];
          const HbChecklistItem *item = item_of (check);
          gboolean wants_dates = item->evidence && item->evidence[0] == 'd';

          if (!gtk_check_button_get_active (check))
            continue;
          if (!hb_checklist_confirm (self->post, self->policy, item->id, who, wants_dates ? NULL : note,
                                     wants_dates ? (const char * const *) dates : NULL, error))
            return n;
          n++;
        }
      if (note && !hb_text_is_blank (note))
        g_hash_table_insert (evidence, g_strdup_printf ("note-%s", hb_vouched_by_to_string (g)), g_strdup (note));
      if (group->dates && dates)
        g_hash_table_insert (evidence, g_strdup_printf ("dates-%s", hb_vouched_by_to_string (g)),
                             g_strdup (gtk_editable_get_text (group->dates)));
    }
  remember (self, evidence);
  return n;
}

static void
hb_confirm_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  HbConfirmDialog *self = HB_CONFIRM_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "confirm") && hb_confirm_dialog_apply (self, &error) == 0 && error)
    g_warning ("%s", error->message);
  if (ADW_MESSAGE_DIALOG_CLASS (hb_confirm_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (hb_confirm_dialog_parent_class)->response (dialog, response);
}

static void
hb_confirm_dialog_dispose (GObject *object)
{
  HbConfirmDialog *self = HB_CONFIRM_DIALOG (object);

  for (guint g = 0; g < N_GROUPS; g++)
    g_clear_pointer (&self->groups[g].checks, g_ptr_array_unref);
  g_clear_object (&self->post);
  g_clear_object (&self->policy);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hb_confirm_dialog_parent_class)->dispose (object);
}

static void
hb_confirm_dialog_class_init (HbConfirmDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hb_confirm_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = hb_confirm_dialog_response;
}

static void
hb_confirm_dialog_init (HbConfirmDialog *self)
{
}

GtkWidget *
hb_confirm_dialog_new (GtkWindow *parent,
                       HbPost    *post,
                       HbPolicy  *policy,
                       GPtrArray *statuses,
                       GSettings *settings,
                       HbLang     lang)
{
  HbConfirmDialog *self;
  g_autofree char *officer = NULL;
  GtkWidget *box, *scroller;

  g_return_val_if_fail (HB_IS_POST (post) && HB_IS_POLICY (policy) && statuses, NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HB_TYPE_CONFIRM_DIALOG, "transient-for", parent, "modal", TRUE,
                       "heading", _("Confirm Items"),
                       "body", _("Tick what you vouch for. Your name, the time and the evidence are recorded with each item and printed on the sign-off sheet."),
                       NULL);
  self->post = g_object_ref (post);
  self->policy = g_object_ref (policy);
  self->settings = g_object_ref (settings);
  officer = g_settings_get_string (settings, "officer-name");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->name = entry_new ("confirm-name", _("Your name and position"), officer, self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name));
  for (guint g = 0; g < N_GROUPS; g++)
    add_group (self, GTK_BOX (box), g, statuses, lang);
  self->missing = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->missing, TRUE);
  gtk_label_set_xalign (self->missing, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->missing), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->missing));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    "confirm", _("C_onfirm"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "confirm", ADW_RESPONSE_SUGGESTED);
  validate (self);
  return GTK_WIDGET (self);
}
