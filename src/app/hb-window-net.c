/* hb-window-net.c — HbWindow's network helpers (see hb-window.c):
 *
 *  - links: after each lint, the caption's addresses are checked (HEAD,
 *    then GET; fresh results come from the app's cache and cost nothing);
 *    when a result comes in, the cache says so and the post is linted
 *    again, which turns broken links into `link` findings.  Nothing is
 *    fetched while the network monitor says there is no network, or while
 *    the official website's host cannot be reached (a network without a
 *    way out, or without DNS): an officer working offline is not told
 *    that every link is broken.
 *  - the official website (8.b): win.check-website fetches the news
 *    listing set in the preferences and looks for the post's
 *    announcement; a match is recorded as the checklist item's evidence.
 *
 * Both run asynchronously and are cancelled with the window.
 */
#include <glib/gi18n.h>

#include "hb-error.h"
#include "hb-link-check.h"
#include "hb-site-check.h"
#include "hb-window-private.h"

/* ------------------------------------------------------------------ */
/* Links                                                               */

static void
set_checking_links (HbWindow *self,
                    gboolean  checking)
{
  gtk_widget_set_visible (GTK_WIDGET (self->links_spinner), checking);
  gtk_spinner_set_spinning (self->links_spinner, checking);
}

static void
links_checked (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = hb_link_check_all_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->links_cancellable);
  g_clear_pointer (&self->links_checking, g_strfreev);
  set_checking_links (self, FALSE);
}

/* Whether the way out was there when last probed, and when; shared by
 * the windows (main thread only), so a lint does not probe each time. */
#define PROBE_VALID_US (2 * 60 * G_USEC_PER_SEC)
static gboolean online;
static gint64   probed_at;

static void
start_link_check (HbWindow *self)
{
  if (self->links_cancellable)
    g_cancellable_cancel (self->links_cancellable);
  g_clear_object (&self->links_cancellable);
  self->links_cancellable = g_cancellable_new ();
  set_checking_links (self, TRUE);
  hb_link_check_all_async (hb_application_get_session (self->app),
                           hb_application_get_link_cache (self->app),
                           (const char * const *) self->links_checking, 0, NULL,
                           self->links_cancellable, links_checked, g_object_ref (self));
}

static void
probed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  online = g_network_monitor_can_reach_finish (G_NETWORK_MONITOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  probed_at = g_get_monotonic_time ();
  if (online && self->links_checking)
    {
      start_link_check (self);
      return;
    }
  g_clear_object (&self->links_cancellable);
  g_clear_pointer (&self->links_checking, g_strfreev);
  set_checking_links (self, FALSE);
}

/* The host of the official website's news listing, or the council's site:
 * if even that cannot be reached, no link can be judged. */
static GSocketConnectable *
reference_host (HbWindow *self)
{
  g_autofree char *listing = g_settings_get_string (self->settings, "site-listing-url");
  g_autoptr(GUri) uri = *listing ? g_uri_parse (listing, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri && g_uri_get_host (uri))
    return g_network_address_new (g_uri_get_host (uri), g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : 443);
  return g_network_address_new ("www.mpkk.gov.my", 443);
}

/* Checks the addresses of the lint that was just applied.  Results that
 * change the cache make it emit ::changed, and the window lints again. */
void
_hb_window_check_links (HbWindow       *self,
                        HbPostSnapshot *snapshot)
{
  g_auto(GStrv) urls = hb_post_snapshot_dup_link_urls (snapshot);
  GNetworkMonitor *monitor = g_network_monitor_get_default ();
  g_autoptr(GSocketConnectable) reference = NULL;

  if (urls == NULL || urls[0] == NULL || !g_network_monitor_get_network_available (monitor))
    return;
  /* Each result lints again, and each lint comes back here: the check
   * under way goes on unless the caption's addresses have changed. */
  if (self->links_cancellable && self->links_checking &&
      g_strv_equal ((const char * const *) urls, (const char * const *) self->links_checking))
    return;
  g_clear_pointer (&self->links_checking, g_strfreev);
  self->links_checking = g_steal_pointer (&urls);
  if (probed_at && g_get_monotonic_time () - probed_at < PROBE_VALID_US)
    {
      if (online)
        start_link_check (self);
      else
        g_clear_pointer (&self->links_checking, g_strfreev);
      return;
    }
  if (self->links_cancellable)
    g_cancellable_cancel (self->links_cancellable);
  g_clear_object (&self->links_cancellable);
  self->links_cancellable = g_cancellable_new ();
  set_checking_links (self, TRUE);
  reference = reference_host (self);
  g_network_monitor_can_reach_async (monitor, reference, self->links_cancellable, probed,
                                     g_object_ref (self));
}

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
  g_autofree char *who = g_settings_get_string (self->settings, "officer-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!hb_site_match_record (match, self->post, hb_application_get_policy (self->app), who, &error))
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
  g_autoptr(HbSiteCheckResult) found = hb_site_check_finish (result, &error);
  g_autofree char *body = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->site_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-website", TRUE);
  if (found == NULL)
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
  g_autoptr(HbSiteQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  if (*url == '\0')
    {
      offer_preferences (self, _("Set the official website’s news listing in Preferences first"));
      return;
    }
  if ((query = hb_site_query_new_for_post (self->post, &error)) == NULL)
    {
      _hb_window_toast (self, error->message);
      return;
    }
  self->site_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "win.check-website", FALSE);
  _hb_window_toast (self, _("Checking the official website…"));
  hb_site_check_async (hb_application_get_session (self->app), url, query, NULL,
                       self->site_cancellable, website_checked, g_object_ref (self));
}

/* Stops what is still running (the window is closing). */
void
_hb_window_cancel_network (HbWindow *self)
{
  if (self->links_cancellable)
    g_cancellable_cancel (self->links_cancellable);
  if (self->site_cancellable)
    g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->links_cancellable);
  g_clear_object (&self->site_cancellable);
  g_clear_pointer (&self->links_checking, g_strfreev);
}
