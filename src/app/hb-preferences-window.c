/* hb-preferences-window.c — the preferences, bound to GSettings. */
#include "hb-preferences-window.h"

struct _HbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  AdwComboRow          *language_row;
  AdwComboRow          *post_language_row;
  AdwComboRow          *style_row;
  AdwEntryRow          *officer_row;
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
hb_preferences_window_class_init (HbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, post_language_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, HbPreferencesWindow, officer_row);
}

static void
hb_preferences_window_init (HbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hb_preferences_window_new (GSettings *settings)
{
  static const char * const languages[] = { "system", "ms", "en", NULL };
  static const char * const post_languages[] = { "ms", "en", NULL };
  static const char * const styles[] = { "default", "light", "dark", NULL };
  HbPreferencesWindow *self = g_object_new (HB_TYPE_PREFERENCES_WINDOW, NULL);

  bind_choice (settings, "language", self->language_row, languages);
  bind_choice (settings, "default-post-language", self->post_language_row, post_languages);
  bind_choice (settings, "style", self->style_row, styles);
  g_settings_bind (settings, "officer-name", self->officer_row, "text", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
