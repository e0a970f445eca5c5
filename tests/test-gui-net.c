/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-net.c — the network helpers in the real window and
 * preferences, against a SoupServer on 127.0.0.1 in this process:
 *
 *  - policy: an update address typed in and applied fetches the council's
 *    pack; the pack in use and the last update are shown; a failed update
 *    says why and keeps the last good pack; an address that may not be
 *    fetched is refused at once; "Check Now" checks again;
 *  - links: a broken link in the body becomes a `link.broken` finding
 *    once the checker has been (the server is the session's proxy, so the
 *    caption can name a real-looking host);
 *  - website: "Check Website" in the checklist finds the announcement in
 *    an RSS feed and records it as the 8.b item's evidence; a programme
 *    that is not there says so plainly. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hb-application.h"
#include "hb-checklist.h"
#include "hb-gui-test.h"
#include "hb-site-match.h"
#include "hb-preferences-window.h"
#include "hb-test-server.h"
#include "hb-widget-util.h"
#include "hb-window.h"

static HbApplication *app;

static gboolean
policy_loaded (gpointer data)
{
  return hb_application_get_policy (app) != NULL;
}

/* The built-in pack's source with another version. */
static char *
pack_with_version (const char *version)
{
  g_autofree char *json = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(HbPolicy) builtin = hb_policy_new_builtin ();
  g_autofree char *from = g_strdup_printf ("\"version\": \"%s\"", hb_policy_get_version (builtin));
  g_autofree char *to = g_strdup_printf ("\"version\": \"%s\"", version);

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, NULL, NULL));
  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
open_preferences (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  return GTK_WIDGET (hb_gui_test_wait_window (HB_TYPE_PREFERENCES_WINDOW));
}

static GtkWidget *
part (GtkWidget  *prefs,
      const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (prefs, HB_TYPE_PREFERENCES_WINDOW, name));
}

static const char *
subtitle (GtkWidget  *prefs,
          const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (part (prefs, row)));
}

typedef struct
{
  GtkWidget  *prefs;
  const char *row;
  const char *text;
} Shows;

static gboolean
row_shows (gpointer data)
{
  Shows *s = data;
  const char *text = subtitle (s->prefs, s->row);

  return text && strstr (text, s->text);
}

static void
wait_for (GtkWidget  *prefs,
          const char *row,
          const char *text)
{
  Shows s = { prefs, row, text };

  if (!hb_gui_test_wait_until (row_shows, &s, 15000))
    g_error ("“%s” never showed “%s” (it shows “%s”)", row, text, subtitle (prefs, row));
}

static void
apply_address (GtkWidget  *prefs,
               const char *url)
{
  GtkWidget *row = part (prefs, "policy_url_row");

  gtk_editable_set_text (GTK_EDITABLE (row), url);
  g_signal_emit_by_name (row, "apply");
}

static void
test_update_from_preferences (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *pack = pack_with_version ("2099.1.1");
  g_autofree char *good = hb_test_server_url (server, "/hebahan/policy.json");
  g_autofree char *broken = hb_test_server_url (server, "/hebahan/broken.json");
  GSettings *settings;
  GtkWidget *prefs;
  g_autofree char *shot = NULL;

  hb_test_server_add_static (server, "/hebahan/policy.json", 200, "application/json", pack, -1);
  hb_test_server_add_static (server, "/hebahan/broken.json", 500, "text/plain", "down", -1);
  g_assert_true (hb_gui_test_wait_until (policy_loaded, NULL, 10000));
  settings = hb_application_get_settings (app);
  prefs = open_preferences ();
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "checks");
  wait_for (prefs, "pack_row", "built-in");
  wait_for (prefs, "update_row", "No update address");

  /* Applied: fetched, validated, in use everywhere. */
  apply_address (prefs, good);
  wait_for (prefs, "update_row", "Updated just now");
  wait_for (prefs, "pack_row", "2099.1.1");
  g_assert_cmpstr (hb_policy_get_version (hb_application_get_policy (app)), ==, "2099.1.1");
  g_assert_cmpint (hb_policy_get_source (hb_application_get_policy (app)), ==, HB_POLICY_SOURCE_FETCHED);
  shot = hb_gui_test_screenshot (prefs, "preferences-policy");

  /* Check Now: the same bytes again are no change. */
  gtk_widget_activate (part (prefs, "update_button"));
  wait_for (prefs, "update_row", "Up to date");
  g_assert_cmpuint (hb_test_server_hits (server, "/hebahan/policy.json"), ==, 2);

  /* A server error: said plainly, and the last good pack stays. */
  apply_address (prefs, broken);
  wait_for (prefs, "update_row", "Update failed");
  g_assert_nonnull (strstr (subtitle (prefs, "update_row"), "500"));
  g_assert_nonnull (strstr (subtitle (prefs, "update_row"), "2099.1.1"));
  g_assert_cmpstr (hb_policy_get_version (hb_application_get_policy (app)), ==, "2099.1.1");
  g_free (shot);
  shot = hb_gui_test_screenshot (prefs, "preferences-policy-failed");

  /* Plain HTTP to another host is refused before anything is saved. */
  apply_address (prefs, "http://www.mpkk.gov.my/policy.json");
  g_assert_true (gtk_widget_has_css_class (part (prefs, "policy_url_row"), "error"));
  g_assert_nonnull (strstr (subtitle (prefs, "update_row"), "HTTPS"));
  {
    g_autofree char *kept = g_settings_get_string (settings, "policy-url");

    g_assert_cmpstr (kept, ==, broken);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static HbWindow *
new_window (void)
{
  return hb_gui_test_window_new (app, 1280, 820);
}

typedef struct
{
  HbWindow   *window;
  const char *rule;
} FindingWait;

static gboolean
has_rule (gpointer data)
{
  FindingWait *w = data;

  return !hb_document_get_linting (hb_window_get_document (w->window)) && hb_gui_test_find_finding (w->window, w->rule) != NULL;
}

/* Requests for any host come to the test server, as they would go
 * through the council's proxy. */
static void
proxy_through (HbTestServer *server)
{
  g_autofree char *proxy = hb_test_server_url (server, "");
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new (proxy, NULL);

  soup_session_set_proxy_resolver (hb_application_get_session (app), resolver);
}

static void
test_broken_link (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  HbWindow *window;
  GtkTextBuffer *buffer;
  FindingWait w;
  const HbPostFinding *broken;

  g_autofree char *listing = hb_test_server_url (server, "/berita.rss");

  /* The official website's host (here the test server) is reachable:
   * links are worth checking. */
  g_settings_set_string (hb_application_get_settings (app), "site-listing-url", listing);
  hb_test_server_add_static (server, "/berita/hilang", 404, "text/html", "tiada", -1);
  hb_test_server_add_static (server, "/berita/ada", 200, "text/html", "ada", -1);
  proxy_through (server);
  window = new_window ();
  w.window = window;
  w.rule = "link.broken";
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hb_widget_find_descendant (GTK_WIDGET (window), "caption_view")));
  gtk_text_buffer_set_text (buffer, "Butiran: http://www.mpkk-contoh.gov.my/berita/hilang dan "
                                    "http://www.mpkk-contoh.gov.my/berita/ada", -1);
  g_assert_true (hb_gui_test_wait_until (has_rule, &w, 15000));
  broken = hb_gui_test_find_finding (window, "link.broken");
  g_assert_nonnull (strstr (broken->finding->text, "/berita/hilang"));
  g_assert_nonnull (hb_gui_test_find_finding (window, "link.insecure"));
  /* Only the broken one: the working link gives no link.broken. */
  {
    GPtrArray *findings = hb_document_get_findings (hb_window_get_document (window));
    guint n = 0;

    for (guint i = 0; i < findings->len; i++)
      n += g_str_equal (hb_rule_get_id (((HbPostFinding *) findings->pdata[i])->finding->rule), "link.broken");
    g_assert_cmpuint (n, ==, 1);
  }
  g_assert_cmpuint (hb_test_server_hits (server, "/berita/ada"), >=, 1);
  g_free (hb_gui_test_screenshot (GTK_WIDGET (window), "window-broken-link"));
  gtk_window_destroy (GTK_WINDOW (window));
  soup_session_set_proxy_resolver (hb_application_get_session (app), NULL);
}

static gboolean
announced (gpointer data)
{
  HbPost *post = hb_document_get_post (hb_window_get_document (data));
  g_autoptr(GPtrArray) statuses = hb_checklist_evaluate (hb_application_get_policy (app), post,
                                                         NULL, HB_LANG_EN);

  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      if (g_str_equal (s->item->id, HB_SITE_CHECK_ITEM))
        return s->state == HB_ITEM_CONFIRMED;
    }
  return FALSE;
}

static const char rss[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rss version=\"2.0\"><channel><title>Berita MPKK</title>\n"
  "<item><title>Gotong-royong Perdana Taman Selasih</title>"
  "<link>https://www.mpkk.gov.my/ms/berita/gotong-royong-selasih</link>"
  "<pubDate>Sat, 12 Dec 2026 01:00:00 +0000</pubDate></item>\n"
  "<item><title>Mesyuarat Penuh Majlis</title>"
  "<link>https://www.mpkk.gov.my/ms/berita/mesyuarat</link>"
  "<pubDate>Mon, 30 Nov 2026 01:00:00 +0000</pubDate></item>\n"
  "</channel></rss>\n";

static void
test_check_website (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *listing = hb_test_server_url (server, "/berita.rss");
  GSettings *settings = hb_application_get_settings (app);
  HbWindow *window = new_window ();
  HbPost *post = hb_document_get_post (hb_window_get_document (window));
  GtkWidget *dialog;

  hb_test_server_add_static (server, "/berita.rss", 200, "application/rss+xml", rss, -1);
  g_settings_set_string (settings, "site-listing-url", listing);
  g_settings_set_string (settings, "officer-name", "Nurul Aina, Pegawai Komunikasi");
  hb_post_set_post_type (post, HB_POST_ANNOUNCEMENT);
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Program Gotong-Royong Perdana di Taman Selasih");
  hb_post_set_field (post, HB_FIELD_DATE, "2026-12-12");
  hb_gui_test_settle (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-website", NULL);
  g_assert_true (hb_gui_test_wait_until (announced, window, 15000));
  g_assert_cmpuint (hb_test_server_hits (server, "/berita.rss"), ==, 1);
  {
    g_autoptr(GPtrArray) statuses = hb_checklist_evaluate (hb_application_get_policy (app), post,
                                                           NULL, HB_LANG_EN);

    for (guint i = 0; i < statuses->len; i++)
      {
        const HbCheckStatus *s = statuses->pdata[i];

        if (g_str_equal (s->item->id, HB_SITE_CHECK_ITEM))
          {
            g_assert_nonnull (strstr (s->note, "https://www.mpkk.gov.my/ms/berita/gotong-royong-selasih"));
            g_assert_nonnull (strstr (s->note, "Gotong-royong Perdana Taman Selasih"));
            g_assert_cmpstr (s->who, ==, "Nurul Aina, Pegawai Komunikasi");
          }
      }
  }

  /* Another programme: not there, and said so. */
  hb_checklist_clear (post, HB_SITE_CHECK_ITEM);
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Karnival Kitar Semula Kulim");
  hb_gui_test_settle (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-website", NULL);
  dialog = GTK_WIDGET (hb_gui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Not on the official website yet");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 entries"));
  g_assert_false (announced (window));
  g_free (hb_gui_test_screenshot (dialog, "dialog-not-on-website"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* Links are only checked when the network is up: say it always is. */
  g_setenv ("GIO_USE_NETWORK_MONITOR", "base", TRUE);
  app = hb_gui_test_app_new (&argc, &argv);
  g_test_add_func ("/net/policy-from-preferences", test_update_from_preferences);
  g_test_add_func ("/net/broken-link", test_broken_link);
  g_test_add_func ("/net/check-website", test_check_website);
  return g_test_run ();
}
