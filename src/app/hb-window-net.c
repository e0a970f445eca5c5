/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-window-net.c — HbWindow's check of the official website
 * (guideline 8.b): win.check-website fetches the news listing set in the
 * preferences and looks for the post's announcement (the document does
 * the work); a match is recorded as the checklist item's evidence.  The
 * caption's links are checked by the document itself after each lint.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hb-error.h"
#include "hb-window-private.h"

/* ------------------------------------------------------------------ */
/* The official website (8.b)                                          */

static void
offer_preferences (HbWindow   *self,
                   const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Preferences"));
  adw_toast_set_action_name (toast, "app.preferences");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
record_match (HbWindow          *self,
              const HbSiteMatch *match)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!hb_document_record_site_match (self->document, match, &error))
    {
      if (g_error_matches (error, HB_ERROR, HB_ERROR_INCOMPLETE))
        offer_preferences (self, error->message);
      else
        _hb_window_show_error (self, _("The announcement was found but not recorded"), error->message);
      return;
    }
  /* Translators: %s is the title of the page found on the official website. */
  message = g_strdup_printf (_("Found on the official website: “%s”. Recorded in the checklist."),
                             match->title);
  _hb_window_toast (self, message);
}

static void
website_checked (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HbSiteCheckResult) found = hb_document_check_website_finish (HB_DOCUMENT (source), result, &error);
  g_autofree char *body = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->site_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-website", TRUE);
  /* A post without the name or date to look for: a hint, not an alarm. */
  if (found == NULL && error->domain == HB_ERROR)
    _hb_window_toast (self, error->message);
  else if (found == NULL)
    _hb_window_show_error (self, _("Could not check the official website"), error->message);
  else if (found->match)
    record_match (self, found->match);
  else
    {
      body = g_strdup_printf (ngettext ("None of the %u entry at %s announces this programme on its "
                                        "date. Publish the announcement on the official website "
                                        "first (guideline 8.b), then check again.",
                                        "None of the %u entries at %s announces this programme on "
                                        "its date. Publish the announcement on the official "
                                        "website first (guideline 8.b), then check again.",
                                        found->n_entries),
                              found->n_entries, found->listing_url);
      _hb_window_show_error (self, _("Not on the official website yet"), body);
    }
}

void
_hb_window_check_website (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);
  g_autofree char *url = g_settings_get_string (self->settings, "site-listing-url");

  if (*url == '\0')
    {
      offer_preferences (self, _("Set the official website’s news listing in Preferences first"));
      return;
    }
  self->site_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "win.check-website", FALSE);
  _hb_window_toast (self, _("Checking the official website…"));
  hb_document_check_website_async (self->document, url, self->site_cancellable,
                                   website_checked, g_object_ref (self));
}
