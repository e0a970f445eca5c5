/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-guest-row.c — one guest in the form: title, name, order buttons.
 *
 * The row edits its HbGuest directly (two-way bindings); moving and
 * removing act on the post's guest store, which the row finds through its
 * list box's model.
 */
#include "config.h"

#include "hb-guest-row.h"

#include <glib/gi18n.h>

struct _HbGuestRow
{
  GtkListBoxRow    parent_instance;
  GtkComboBoxText *title_combo;
  GtkEntry        *name_entry;
  GtkButton       *up_button;
  GtkButton       *down_button;
  GtkButton       *remove_button;
  HbGuest         *guest;
};

G_DEFINE_FINAL_TYPE (HbGuestRow, hb_guest_row, GTK_TYPE_LIST_BOX_ROW)

/* The post's guest store; set on the list box by the post form. */
static GListStore *
guest_store (HbGuestRow *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  return list ? g_object_get_data (G_OBJECT (list), "hb-guests") : NULL;
}

static void
move_by (HbGuestRow *self,
         int         delta)
{
  GListStore *store = guest_store (self);
  guint pos, n;
  int to;

  if (store == NULL || !g_list_store_find (store, self->guest, &pos))
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  to = (int) pos + delta;
  if (to < 0 || to >= (int) n)
    return;
  {
    g_autoptr(HbGuest) guest = g_object_ref (self->guest);
    GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

    g_list_store_remove (store, pos);
    g_list_store_insert (store, to, guest);
    /* The store made a new row; keep the keyboard where the user was. */
    if (list)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), to);

        if (row)
          hb_guest_row_focus_name (HB_GUEST_ROW (row));
      }
  }
}

static void
move_up (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  move_by (HB_GUEST_ROW (widget), -1);
}

static void
move_down (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  move_by (HB_GUEST_ROW (widget), 1);
}

static void
remove_guest (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  HbGuestRow *self = HB_GUEST_ROW (widget);
  GListStore *store = guest_store (self);
  guint pos;

  if (store && g_list_store_find (store, self->guest, &pos))
    g_list_store_remove (store, pos);
}

static GtkEditable *
title_entry (HbGuestRow *self)
{
  return GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (self->title_combo)));
}

static void
hb_guest_row_dispose (GObject *object)
{
  HbGuestRow *self = HB_GUEST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_GUEST_ROW);
  g_clear_object (&self->guest);
  G_OBJECT_CLASS (hb_guest_row_parent_class)->dispose (object);
}

static void
hb_guest_row_class_init (HbGuestRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hb_guest_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-guest-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HbGuestRow, title_combo);
  gtk_widget_class_bind_template_child (widget_class, HbGuestRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HbGuestRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, HbGuestRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, HbGuestRow, remove_button);
  gtk_widget_class_install_action (widget_class, "guest.move-up", NULL, move_up);
  gtk_widget_class_install_action (widget_class, "guest.move-down", NULL, move_down);
  gtk_widget_class_install_action (widget_class, "guest.remove", NULL, remove_guest);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "guest.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "guest.move-down", NULL);
}

static void
hb_guest_row_init (HbGuestRow *self)
{
  const char * const *titles = hb_guest_common_titles ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; titles[i]; i++)
    gtk_combo_box_text_append_text (self->title_combo, titles[i]);
  /* Titles are short; leave the room to the name. */
  gtk_editable_set_width_chars (title_entry (self), 7);
}

GtkWidget *
hb_guest_row_new (HbGuest *guest)
{
  HbGuestRow *self = g_object_new (HB_TYPE_GUEST_ROW, NULL);

  g_return_val_if_fail (HB_IS_GUEST (guest), NULL);

  self->guest = g_object_ref (guest);
  g_object_bind_property (guest, "title", title_entry (self), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (guest, "name", self->name_entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return GTK_WIDGET (self);
}

HbGuest *
hb_guest_row_get_guest (HbGuestRow *self)
{
  g_return_val_if_fail (HB_IS_GUEST_ROW (self), NULL);

  return self->guest;
}

/* Takes @label. */
static void
set_label (gpointer  widget,
           char     *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
}

/**
 * hb_guest_row_set_number:
 * @number: the guest's place in the list, from 1
 *
 * Names the row's controls after the guest's place, so that a screen
 * reader tells "Title of guest 2" from the first guest's.  The list calls
 * it whenever guests are added, moved or removed.
 */
void
hb_guest_row_set_number (HbGuestRow *self,
                         guint       number)
{
  GtkWidget *combo = GTK_WIDGET (self->title_combo);

  g_return_if_fail (HB_IS_GUEST_ROW (self));

  /* TRANSLATORS: accessible names; %u is the guest's place in the list */
  set_label (combo, g_strdup_printf (_("Title of guest %u"), number));
  set_label (title_entry (self), g_strdup_printf (_("Title of guest %u"), number));
  /* The combo's arrow opens the list of common titles. */
  for (GtkWidget *w = gtk_widget_get_first_child (combo); w; w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_TOGGLE_BUTTON (c))
        set_label (c, g_strdup_printf (_("Common titles for guest %u"), number));
  set_label (self->name_entry, g_strdup_printf (_("Name of guest %u"), number));
  set_label (self->up_button, g_strdup_printf (_("Move guest %u up"), number));
  set_label (self->down_button, g_strdup_printf (_("Move guest %u down"), number));
  set_label (self->remove_button, g_strdup_printf (_("Remove guest %u"), number));
  set_label (self, g_strdup_printf (_("Guest %u"), number));
}

/* Marks the name entry with the finding's icon and message, or clears it. */
void
hb_guest_row_set_finding (HbGuestRow *self,
                          const char *message,
                          HbSeverity  severity)
{
  GtkEntry *entry;

  g_return_if_fail (HB_IS_GUEST_ROW (self));

  entry = self->name_entry;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "warning");
  if (message == NULL)
    {
      gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, NULL);
      return;
    }
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     severity == HB_SEVERITY_ERROR ? "dialog-error-symbolic" :
                                     severity == HB_SEVERITY_WARNING ? "dialog-warning-symbolic" :
                                     "dialog-information-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, message);
  if (severity >= HB_SEVERITY_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (entry), severity == HB_SEVERITY_ERROR ? "error" : "warning");
}

void
hb_guest_row_focus_name (HbGuestRow *self)
{
  g_return_if_fail (HB_IS_GUEST_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* Selects part of the guest's display text "title name" in the field
 * that holds it. */
void
hb_guest_row_select_range (HbGuestRow *self,
                           guint       start,
                           guint       end)
{
  guint title_len, skip;

  g_return_if_fail (HB_IS_GUEST_ROW (self));

  title_len = g_utf8_strlen (hb_guest_get_title (self->guest), -1);
  skip = title_len ? title_len + 1 : 0;
  if (start < title_len)
    {
      gtk_widget_grab_focus (GTK_WIDGET (title_entry (self)));
      gtk_editable_select_region (title_entry (self), start, MIN (end, title_len));
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry),
                              start >= skip ? start - skip : 0, end >= skip ? end - skip : 0);
}
