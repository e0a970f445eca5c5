/* hb-widget-util.c — small widget helpers GTK 4.8 does not have. */
#include "hb-widget-util.h"

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
