/* test-gui-policy.c — the policy pack in the preferences: an update
 * address typed in and applied fetches the council's pack (served by a
 * SoupServer on 127.0.0.1 in this process), the pack in use and the last
 * update are shown, a failed update says why and keeps the last good
 * pack, an address that may not be fetched is refused at once, and "Check
 * Now" checks again. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hb-application.h"
#include "hb-gui-test.h"
#include "hb-preferences-window.h"
#include "hb-test-server.h"
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
  g_autoptr(GList) toplevels = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  hb_gui_test_iterate (100);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (HB_IS_PREFERENCES_WINDOW (l->data))
      return l->data;
  g_assert_not_reached ();
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

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("hb-gui-policy-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);

  /* The fetched pack is cached in the data folder: a scratch one. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  hb_gui_test_init (&argc, &argv);
  app = hb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_test_add_func ("/policy/update-from-preferences", test_update_from_preferences);
  return g_test_run ();
}
