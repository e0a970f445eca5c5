/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-application.c — the Hebahan GtkApplication: app actions, the policy
 * pack shared by every window, preferences and the command line. */
#include "config.h"

#include "hb-application.h"

#include <glib/gi18n.h>

#include "hb-app-resources.h"
#include "hb-demo-resources.h"
#include "hb-net-fetch.h"
#include "hb-preferences-window.h"
#include "hb-widget-util.h"
#include "hb-window.h"

struct _HbApplication
{
  AdwApplication  parent_instance;
  GSettings       *settings;
  HbPolicyUpdater *updater;
  SoupSession     *session;      /* the link checker's and the website check's */
  HbLinkCache     *link_cache;   /* shared by every window */
  gboolean         policy_seen;
  gboolean         demo;
};

G_DEFINE_FINAL_TYPE (HbApplication, hb_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reads the language preference before anything is translated: gettext
 * honours LANGUAGE over the locale, so forcing Malay or English needs no
 * restart of the session, only of the app. */
void
hb_apply_language_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *lang = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return;
  settings = g_settings_new (APP_ID);
  lang = g_settings_get_string (settings, "language");
  if (g_str_equal (lang, "ms"))
    g_setenv ("LANGUAGE", "ms", TRUE);
  else if (g_str_equal (lang, "en"))
    g_setenv ("LANGUAGE", "en", TRUE);
}

HbLang
hb_application_get_ui_lang (HbApplication *self)
{
  g_autofree char *lang = NULL;
  HbLang out;

  g_return_val_if_fail (HB_IS_APPLICATION (self), hb_lang_default ());

  lang = g_settings_get_string (self->settings, "language");
  return hb_lang_from_string (lang, &out) ? out : hb_lang_default ();
}

/* The windows watch the app's `policy`; the updater owns the pack. */
static void
policy_changed (HbApplication *self)
{
  if (!self->policy_seen)
    {
      /* Held since startup, so the app does not quit before the pack is in. */
      self->policy_seen = TRUE;
      g_application_release (G_APPLICATION (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

static void
start_policy_load (HbApplication *self)
{
  self->updater = hb_policy_updater_new (self->settings);
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (self->updater, "notify::policy", G_CALLBACK (policy_changed),
                           self, G_CONNECT_SWAPPED);
}

HbPolicy *
hb_application_get_policy (HbApplication *self)
{
  g_return_val_if_fail (HB_IS_APPLICATION (self), NULL);

  return self->updater ? hb_policy_updater_get_policy (self->updater) : NULL;
}

HbPolicyUpdater *
hb_application_get_policy_updater (HbApplication *self)
{
  g_return_val_if_fail (HB_IS_APPLICATION (self), NULL);

  return self->updater;
}

SoupSession *
hb_application_get_session (HbApplication *self)
{
  g_return_val_if_fail (HB_IS_APPLICATION (self), NULL);

  if (self->session == NULL)
    self->session = hb_net_session_new ();
  return self->session;
}

/* Links checked in one window count in every other: 15 minutes each. */
HbLinkCache *
hb_application_get_link_cache (HbApplication *self)
{
  g_return_val_if_fail (HB_IS_APPLICATION (self), NULL);

  if (self->link_cache == NULL)
    self->link_cache = hb_link_cache_new (0);
  return self->link_cache;
}

GSettings *
hb_application_get_settings (HbApplication *self)
{
  g_return_val_if_fail (HB_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* `hb-bench startup` sets HB_REPORT_FIRST_FRAME: the app prints when its
 * first frame is on screen (CLOCK_MONOTONIC, which every process shares)
 * and quits, so the benchmark times a real cold start. */
static void
report_first_frame (GdkFrameClock *clock,
                    HbApplication *self)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, report_first_frame, self);
  g_application_quit (G_APPLICATION (self));
}

static void
open_window (HbApplication *self,
             GFile         *file,
             gboolean       recover)
{
  HbWindow *window = hb_window_new (self);

  if (file)
    hb_window_open_file (window, file);
  else if (recover)
    hb_window_offer_recovery (window);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("HB_REPORT_FIRST_FRAME"))
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (report_first_frame), self);
}

static void
hb_application_activate (GApplication *app)
{
  HbApplication *self = HB_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->demo)
    {
      self->demo = FALSE;
      g_action_group_activate_action (G_ACTION_GROUP (app), "demo", NULL);
    }
  else if (window)
    gtk_window_present (window);
  else
    open_window (self, NULL, TRUE);
}

static void
hb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    open_window (HB_APPLICATION (app), files[i], FALSE);
}

static int
hb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;
  /* The demo opens in the running instance if there is one. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (app))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "demo", NULL);
      return 0;
    }
  HB_APPLICATION (app)->demo = TRUE;
  return -1;
}

static void
demo_extracted (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_task_propagate_pointer (G_TASK (result), &error);

  if (file == NULL)
    g_warning ("Could not prepare the demo post: %s", error->message);
  else
    open_window (self, file, FALSE);
  g_application_release (G_APPLICATION (self));
}

/* The demo post and its photos are resources; the editor works on real
 * files, so they are copied to the cache folder first (off the UI thread). */
static void
extract_demo_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "hebahan", "demo", NULL);
  g_auto(GStrv) names = g_resources_enumerate_children ("/my/gov/mpkk/Hebahan/demo", 0, NULL);
  GError *error = NULL;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *uri = g_strconcat ("resource:///my/gov/mpkk/Hebahan/demo/", names[i], NULL);
      g_autoptr(GFile) from = g_file_new_for_uri (uri);
      g_autoptr(GFile) to = g_file_new_build_filename (dir, names[i], NULL);

      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_pointer (task, g_file_new_build_filename (dir, "demo.hebahan", NULL),
                         g_object_unref);
}

static void
app_demo (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  HbApplication *self = user_data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, demo_extracted, g_object_ref (self));

  g_application_hold (G_APPLICATION (self));
  g_task_run_in_thread (task, extract_demo_thread);
}

static void
app_new (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  open_window (HB_APPLICATION (user_data), NULL, FALSE);
}

static void
app_preferences (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  HbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = GTK_WINDOW (hb_preferences_window_new (self->settings, self->updater));

  /* Its "Check Now" button is an app. action. */
  gtk_window_set_application (prefs, GTK_APPLICATION (self));
  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static void
app_about (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("Hebahan developers"), NULL };
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
    "transient-for", parent,
    "application-name", _("Hebahan"),
    "application-icon", APP_ID,
    "developer-name", _("Majlis Perbandaran Kulim"),
    "version", PACKAGE_VERSION,
    "comments", _("Compose social media posts that follow the council’s guideline"),
    "license-type", GTK_LICENSE_GPL_3_0,
    "developers", developers,
    "translator-credits", _("translator-credits"),
    NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
app_quit (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Each window asks about its own unsaved work; close() lets it. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

/* From the "Bundle exported" notification and toast. */
static void
app_show_folder (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), NULL, NULL, NULL, NULL);
}

static void
app_update_policy (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  HbApplication *self = user_data;

  if (self->updater)
    hb_policy_updater_update (self->updater);
}

/* The installed guide's first page in the user's language, or in English. */
static char *
find_guide (void)
{
  const char * const *langs = g_get_language_names ();

  for (guint i = 0; langs[i]; i++)
    {
      g_autofree char *path = g_build_filename (HELPDIR, langs[i], "hebahan", "index.page", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static void
help_fallback_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  const char *folder = g_object_get_data (G_OBJECT (dialog), "hb-guide-folder");
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (folder == NULL || !g_str_equal (response, "open-folder"))
    return;
  file = g_file_new_for_path (folder);
  uri = g_file_get_uri (file);
  gtk_show_uri (gtk_window_get_transient_for (GTK_WINDOW (dialog)), uri, GDK_CURRENT_TIME);
}

/* Without Yelp the guide cannot be shown: say where it is and what to
 * install, rather than doing nothing. */
static void
show_help_fallback (GtkWindow  *parent,
                    const char *why)
{
  g_autofree char *guide = find_guide ();
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (guide)
    /* TRANSLATORS: %s is the folder of the guide's pages */
    body = g_strdup_printf (_("Install Yelp, the GNOME help viewer (Debian package “yelp”), to read it. "
                              "Its pages are in %s."), guide);
  else
    body = g_strdup (_("Install Yelp, the GNOME help viewer (Debian package “yelp”), and Hebahan’s "
                       "guide with it, to read it."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The User Guide Cannot Be Shown"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (guide)
    {
      adw_message_dialog_add_response (dialog, "open-folder", _("_Open Folder"));
      g_object_set_data_full (G_OBJECT (dialog), "hb-guide-folder", g_path_get_dirname (guide), g_free);
    }
  adw_message_dialog_set_default_response (dialog, "close");
  if (why)
    g_debug ("The guide did not open: %s", why);
  g_signal_connect (dialog, "response", G_CALLBACK (help_fallback_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    show_help_fallback (GTK_WINDOW (source), error->message);
}

/* F1 and Help: the guide in Yelp.  Outside Flatpak, where the portal
 * hands help: to the host's Yelp, a missing Yelp is known at once;
 * otherwise a launch that fails leads to the same explanation. */
static void
app_help (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *yelp = g_find_program_in_path ("yelp");

  if (yelp == NULL && !g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      show_help_fallback (parent, "yelp is not in PATH");
      return;
    }
  gtk_show_uri_full (parent, "help:hebahan", GDK_CURRENT_TIME, NULL, help_shown, NULL);
}

static const GActionEntry app_actions[] = {
  { "show-folder", app_show_folder, "s" },
  { "update-policy", app_update_policy },
  { "new", app_new },
  { "demo", app_demo },
  { "preferences", app_preferences },
  { "about", app_about },
  { "help", app_help },
  { "quit", app_quit },
};

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print-signoff", { "<Control>p", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.next-finding", { "F8", NULL } },
    { "win.previous-finding", { "<Shift>F8", NULL } },
    { "win.show-findings", { "<Control>l", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
apply_style (HbApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (style, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (style, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
hb_application_startup (GApplication *app)
{
  HbApplication *self = HB_APPLICATION (app);

  G_APPLICATION_CLASS (hb_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (app));
  /* The themed icon data/ installs; X11 window managers show it. */
  gtk_window_set_default_icon_name (APP_ID);
  hb_widget_fix_mnemonic_names ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style),
                           self, G_CONNECT_SWAPPED);
  apply_style (self);
  start_policy_load (self);
}

static void
hb_application_dispose (GObject *object)
{
  HbApplication *self = HB_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->updater);
  g_clear_object (&self->session);
  g_clear_object (&self->link_cache);
  G_OBJECT_CLASS (hb_application_parent_class)->dispose (object);
}

static void
hb_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_POLICY: g_value_set_object (value, hb_application_get_policy (HB_APPLICATION (object))); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The resources live in a static library, where the linker keeps an
 * object only if something refers to it; referring to them here pulls
 * them in, and their constructors register them. */
void
hb_app_ensure_resources (void)
{
  g_assert (hb_app_get_resource () != NULL);
  g_assert (hb_demo_get_resource () != NULL);
}

static void
hb_application_class_init (HbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  hb_app_ensure_resources ();
  object_class->dispose = hb_application_dispose;
  object_class->get_property = hb_application_get_property;
  app_class->startup = hb_application_startup;
  app_class->activate = hb_application_activate;
  app_class->open = hb_application_open;
  app_class->handle_local_options = hb_application_handle_local_options;

  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, HB_TYPE_POLICY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hb_application_init (HbApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo post that shows every feature"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

HbApplication *
hb_application_new (void)
{
  return g_object_new (HB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/my/gov/mpkk/Hebahan",
                       NULL);
}
