/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-preferences-window.c — the preferences, bound to GSettings, and the
 * policy pack in use with the state of its updates. */
#include "config.h"

#include "hb-preferences-window.h"

#include <glib/gi18n.h>

#include "hb-net-fetch.h"

struct _HbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  AdwComboRow          *language_row;
  AdwComboRow          *post_language_row;
  AdwComboRow          *style_row;
  AdwEntryRow          *officer_row;
  AdwActionRow         *pack_row;
  AdwEntryRow          *policy_url_row;
  AdwActionRow         *update_row;
  AdwEntryRow          *site_url_row;
  GtkSpinner           *update_spinner;
  GtkWidget            *update_button;
  GSettings            *settings;
  HbPolicyUpdater      *updater;
};

G_DEFINE_FINAL_TYPE (HbPreferencesWindow, hb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows hold positions; the settings hold names.  @user_data is the
 * NULL-terminated list of names in row order. */
static gboolean
name_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *names = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_name (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  const char * const *names = user_data;
  guint pos = g_value_get_uint (value);

  return g_variant_new_string (pos < g_strv_length ((char **) names) ? names[pos] : names[0]);
}

static void
bind_choice (GSettings          *settings,
             const char         *key,
             AdwComboRow        *row,
             const char * const *names)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                name_to_position, position_to_name, (gpointer) names, NULL);
}

static void
show_pack (HbPreferencesWindow *self)
{
  g_autofree char *text = hb_policy_updater_describe (self->updater);

  adw_action_row_set_subtitle (self->pack_row, text);
}

static void
show_updating (HbPreferencesWindow *self)
{
  gboolean updating = hb_policy_updater_get_updating (self->updater);

  gtk_spinner_set_spinning (self->update_spinner, updating);
  gtk_widget_set_visible (GTK_WIDGET (self->update_spinner), updating);
}

/* Only an address that may be fetched is saved: a typo is pointed out at
 * once rather than failing later.  Returns whether it was saved. */
static gboolean
apply_address (HbPreferencesWindow *self,
               AdwEntryRow         *row,
               const char          *key,
               GError             **error)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*url != '\0' && !hb_net_url_check (url, FALSE, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_settings_set_string (self->settings, key, url);
  return TRUE;
}

static void
policy_url_applied (HbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!apply_address (self, self->policy_url_row, "policy-url", &error))
    adw_action_row_set_subtitle (self->update_row, error->message);
}

static void
site_url_applied (HbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!apply_address (self, self->site_url_row, "site-listing-url", &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
hb_preferences_window_dispose (GObject *object)
{
  HbPreferencesWindow *self = HB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->updater);
  G_OBJECT_CLASS (hb_preferences_window_parent_class)->dispose (object);
}

static void
hb_preferences_window_class_init (HbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hb_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, post_language_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, officer_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, pack_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, policy_url_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, update_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, update_spinner);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, update_button);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, site_url_row);
  gtk_widget_class_bind_template_callback (widget_class, policy_url_applied);
  gtk_widget_class_bind_template_callback (widget_class, site_url_applied);
}

/* libadwaita 1.2 gives its search entry no accessible name. */
static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = GTK_IS_SEARCH_ENTRY (c) ? c : find_search_entry (c);

      if (found)
        return found;
    }
  return NULL;
}

static void
hb_preferences_window_init (HbPreferencesWindow *self)
{
  GtkWidget *search;

  gtk_widget_init_template (GTK_WIDGET (self));
  if ((search = find_search_entry (GTK_WIDGET (self))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search the preferences"), -1);
}

static void
bind_policy (HbPreferencesWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "policy-url");
  g_autofree char *site = g_settings_get_string (self->settings, "site-listing-url");

  gtk_editable_set_text (GTK_EDITABLE (self->policy_url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->site_url_row), site);
  g_object_bind_property (self->updater, "status", self->update_row, "subtitle", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->updater, "updating", self->update_button, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->updater, "notify::policy", G_CALLBACK (show_pack), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->updater, "notify::updating", G_CALLBACK (show_updating),
                           self, G_CONNECT_SWAPPED);
  show_pack (self);
  show_updating (self);
}

GtkWidget *
hb_preferences_window_new (GSettings       *settings,
                           HbPolicyUpdater *updater)
{
  static const char * const languages[] = { "system", "ms", "en", NULL };
  static const char * const post_languages[] = { "ms", "en", NULL };
  static const char * const styles[] = { "default", "light", "dark", NULL };
  HbPreferencesWindow *self = g_object_new (HB_TYPE_PREFERENCES_WINDOW, NULL);

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (updater == NULL || HB_IS_POLICY_UPDATER (updater), NULL);

  bind_choice (settings, "language", self->language_row, languages);
  bind_choice (settings, "default-post-language", self->post_language_row, post_languages);
  bind_choice (settings, "style", self->style_row, styles);
  g_settings_bind (settings, "officer-name", self->officer_row, "text", G_SETTINGS_BIND_DEFAULT);
  self->settings = g_object_ref (settings);
  self->updater = g_object_ref (updater);
  bind_policy (self);
  return GTK_WIDGET (self);
}
