/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-widget-util.c — small widget helpers GTK 4.8 does not have. */
#include "config.h"

#include "hb-widget-util.h"

#include <string.h>

/**
 * hb_widget_set_tooltip_text:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * As gtk_widget_set_tooltip_text(), without a round trip to the display
 * server.  GTK 4.8 asks where the pointer is whenever a shown widget gets
 * a tooltip (on X11 a synchronous query, which waits for a busy display
 * server); for a media grid of new tiles that cost more than building
 * them.  A hidden widget is not asked about, so the tooltip is set while
 * the widget is hidden for a moment, which draws nothing in between.  A
 * widget holding the keyboard focus, itself or in a child (an entry's text),
 * would lose it when hidden, so it gets its tooltip the usual way.
 */
void
hb_widget_set_tooltip_text (GtkWidget  *widget,
                            const char *text)
{
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;
  visible = gtk_widget_get_visible (widget);
  if (!visible || gtk_widget_has_focus (widget) || gtk_widget_get_focus_child (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}

/* The widget under @root (popovers included) that a template or builder
 * file named @buildable_id, or NULL: how the tests and the typing
 * benchmark reach a widget without the window exposing its parts. */
GtkWidget *
hb_widget_find_descendant (GtkWidget  *root,
                           const char *buildable_id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  g_return_val_if_fail (buildable_id != NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), buildable_id) == 0)
        return child;
      if ((found = hb_widget_find_descendant (child, buildable_id)))
        return found;
    }
  return NULL;
}

/* "_Save" → "Save", "A__B" → "A_B": the text a mnemonic label shows. */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
fix_mnemonic_name (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  const char *label = NULL;
  gboolean underline = FALSE;
  g_autofree char *differs = NULL;

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
  if (label == NULL || !underline || strchr (label, '_') == NULL)
    return TRUE;
  /* Only GTK's own copy of the label: a name the app gave stays. */
  differs = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (differs != NULL)
    return TRUE;
  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    {
      g_autofree char *shown = strip_mnemonic (label);

      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
    }
  return TRUE;
}

/**
 * hb_widget_fix_mnemonic_names:
 *
 * GTK 4.8 names a button with a mnemonic ("_Save") twice over AT-SPI: its
 * label property holds the raw label and its mnemonic label adds a
 * labelled-by relation, so a screen reader is given "_Save Save" (a check
 * button gets "_Write …").  From now on, each such button, as it is
 * mapped, keeps only the relation, or gets the label as shown.  Done on
 * mapping because dialogs and list rows make new buttons all the time;
 * call once, at startup, after GTK is initialised.  Nothing is done with
 * GTK_A11Y=none (as the GUI tests other than test-gui-a11y run).  (GTK
 * 4.10 and later compute names themselves.)
 */
void
hb_widget_fix_mnemonic_names (void)
{
  static gsize done = 0;

  /* GTK_A11Y=none: no tree to fix, and no context to read. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0)
    return;
  if (g_once_init_enter (&done))
    {
      /* The class must exist for its signals to. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, fix_mnemonic_name, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
