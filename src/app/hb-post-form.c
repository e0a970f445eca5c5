/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post-form.c — the post form (see hb-post-form.h).
 *
 * The rows edit the post directly: plain text fields through a
 * GBindingGroup, the rest (times typed freely, the calendar, platform
 * toggles, guests) through handlers.  Showing another post is not an
 * edit: while the widgets are filled in from the post, handlers that
 * write back stay quiet. */
#include "config.h"

#include "hb-post-form.h"

#include <glib/gi18n.h>

#include "hb-datetime.h"
#include "hb-guest-row.h"
#include "hb-media-grid.h"
#include "hb-widget-util.h"

struct _HbPostForm
{
  GtkBox         parent_instance;

  /* template */
  AdwComboRow   *type_row;
  AdwComboRow   *language_row;
  GtkFlowBox    *platform_box;
  AdwEntryRow   *name_row;
  AdwActionRow  *date_row;
  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  AdwEntryRow   *start_row;
  AdwEntryRow   *end_row;
  AdwEntryRow   *venue_row;
  GtkLabel      *time_message;
  GtkListBox    *guest_list;
  AdwEntryRow   *hashtags_row;
  AdwEntryRow   *link_row;
  HbMediaGrid   *media_grid;

  HbPost        *post;
  GBindingGroup *bindings;
  GSignalGroup  *post_signals;
  gboolean       syncing;        /* copying post → widgets: not a user edit */
  GtkWidget     *markers[HB_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (HbPostForm, hb_post_form, GTK_TYPE_BOX)

enum { PROP_0, PROP_POST, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { FIELD_LEFT, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Platforms                                                           */

static const char * const platform_names[] = {
  "Facebook", "Instagram", "X", "YouTube", "TikTok", "Threads",
};

static void
sync_platforms (HbPostForm *self)
{
  const char * const *ids = hb_platform_ids ();

  for (guint i = 0; ids[i]; i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->platform_box, i);
      GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (child));

      gtk_toggle_button_set_active (toggle, hb_post_has_platform (self->post, ids[i]));
    }
}

static void
platform_toggled (GtkToggleButton *toggle,
                  HbPostForm      *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "hb-platform");

  if (self->post)
    hb_post_toggle_platform (self->post, id, gtk_toggle_button_get_active (toggle));
}

static void
build_platform_toggles (HbPostForm *self)
{
  const char * const *ids = hb_platform_ids ();

  for (guint i = 0; ids[i] && i < G_N_ELEMENTS (platform_names); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      /* Selected is shown by colour (the accent) and by a tick, not by a
       * shade alone. */
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), gtk_label_new (platform_names[i]));
      gtk_button_set_child (GTK_BUTTON (toggle), box);
      gtk_widget_add_css_class (toggle, "hb-platform-toggle");
      g_object_bind_property (toggle, "active", check, "visible", G_BINDING_SYNC_CREATE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      platform_names[i], -1);
      g_object_set_data (G_OBJECT (toggle), "hb-platform", (gpointer) ids[i]);
      g_signal_connect (toggle, "toggled", G_CALLBACK (platform_toggled), self);
      gtk_flow_box_append (self->platform_box, toggle);
      /* The cell is a stop of the Tab key too; GTK 4.8 would announce it
       * as "GtkFlowBoxChild". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (toggle)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, platform_names[i], -1);
    }
}

/* ------------------------------------------------------------------ */
/* Date and times                                                      */

static void
update_date_row (HbPostForm *self)
{
  g_autoptr(GDateTime) date = hb_post_dup_date (self->post);
  g_autofree char *text = date ? hb_format_date (date, hb_post_get_language (self->post)) : NULL;

  adw_action_row_set_subtitle (self->date_row, text ? text : _("Not set"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.clear-date", date != NULL);
  if (date)
    gtk_calendar_select_day (self->calendar, date);
}

static void
day_selected (HbPostForm *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (self->post)
    hb_post_set_field (self->post, HB_FIELD_DATE, iso);
  gtk_menu_button_popdown (self->date_button);
}

/* Says under the rows which time does not read and how to write it. */
static void
update_time_message (HbPostForm *self)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (self->end_row));
  gboolean bad_start = *start && !hb_time_parse (start, NULL, NULL);
  gboolean bad_end = *end && !hb_time_parse (end, NULL, NULL);
  g_autofree char *message = NULL;

  if (bad_start)
    gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  if (bad_end)
    gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");
  if (bad_start || bad_end)
    /* TRANSLATORS: %s is the time as typed, e.g. "12 tengahhari" */
    message = g_strdup_printf (_("“%s” could not be read as a time. Write it like 8.00 pagi, 12.00 tengah hari, 2.30 petang or 14:30."),
                               bad_start ? start : end);
  gtk_label_set_label (self->time_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_message), message != NULL);
}

/* Times are typed freely ("8.00 pagi", "2.30pm", "14:30"); the post keeps
 * them as "HH:MM" and the caption writes them the official way. */
static void
time_changed (GtkEditable *editable,
              HbPostForm  *self)
{
  HbField field = GTK_WIDGET (editable) == GTK_WIDGET (self->start_row) ? HB_FIELD_START_TIME
                                                                         : HB_FIELD_END_TIME;
  const char *text = gtk_editable_get_text (editable);
  int h, m;

  if (self->syncing || self->post == NULL)
    return;
  if (*text == '\0')
    hb_post_set_field (self->post, field, "");
  else if (hb_time_parse (text, &h, &m))
    {
      g_autofree char *iso = g_strdup_printf ("%02d:%02d", h, m);
      hb_post_set_field (self->post, field, iso);
    }
  else
    /* Kept as typed: the caption shows it and the time-unreadable check
     * reports it, rather than the time silently leaving the caption. */
    hb_post_set_field (self->post, field, text);
  update_time_message (self);
}

static void
show_time (HbPostForm  *self,
           AdwEntryRow *row,
           HbField      field)
{
  const char *iso = hb_post_get_field (self->post, field);
  int h, m;
  g_autofree char *text = NULL;

  if (*iso && hb_time_parse (iso, &h, &m))
    text = hb_format_time (h, m, hb_post_get_language (self->post));
  /* A time that does not read is shown as typed, with its message. */
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : iso);
  update_time_message (self);
}

static void
form_clear_date (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  HbPostForm *self = HB_POST_FORM (widget);

  if (self->post)
    hb_post_set_field (self->post, HB_FIELD_DATE, "");
}

/* ------------------------------------------------------------------ */
/* The post                                                            */

static GtkWidget *
create_guest_row (gpointer item,
                  gpointer user_data)
{
  return hb_guest_row_new (item);
}

/* Each row's controls are named after the guest's place ("Title of
 * guest 2"); a move or removal changes the places of the rows after it.
 * Connected after the list box's own handler, so the rows are there. */
static void
renumber_guests (HbPostForm *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->guest_list, i)); i++)
    if (HB_IS_GUEST_ROW (row))
      hb_guest_row_set_number (HB_GUEST_ROW (row), i + 1);
}

HbPost *
hb_post_form_get_post (HbPostForm *self)
{
  g_return_val_if_fail (HB_IS_POST_FORM (self), NULL);

  return self->post;
}

/* Shows @post in every row; nothing here counts as an edit. */
void
hb_post_form_set_post (HbPostForm *self,
                       HbPost     *post)
{
  g_return_if_fail (HB_IS_POST_FORM (self));
  g_return_if_fail (post == NULL || HB_IS_POST (post));

  if (self->post == post)
    return;
  if (self->post)
    g_signal_handlers_disconnect_by_func (hb_post_get_guests (self->post), renumber_guests, self);
  g_set_object (&self->post, post);
  self->syncing = TRUE;
  g_binding_group_set_source (self->bindings, post);
  g_signal_group_set_target (self->post_signals, post);
  if (post)
    {
      show_time (self, self->start_row, HB_FIELD_START_TIME);
      show_time (self, self->end_row, HB_FIELD_END_TIME);
      sync_platforms (self);
      update_date_row (self);
    }
  /* The rows move themselves up and down in this store. */
  g_object_set_data (G_OBJECT (self->guest_list), "hb-guests", post ? hb_post_get_guests (post) : NULL);
  gtk_list_box_bind_model (self->guest_list, post ? G_LIST_MODEL (hb_post_get_guests (post)) : NULL,
                           post ? create_guest_row : NULL, NULL, NULL);
  if (post)
    {
      g_signal_connect_object (hb_post_get_guests (post), "items-changed", G_CALLBACK (renumber_guests),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      renumber_guests (self);
    }
  hb_media_grid_set_model (self->media_grid, post ? hb_post_get_media (post) : NULL);
  self->syncing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
}

void
hb_post_form_add_guest (HbPostForm *self)
{
  GListStore *guests;
  g_autoptr(HbGuest) guest = hb_guest_new ("", "");
  GtkListBoxRow *row;

  g_return_if_fail (HB_IS_POST_FORM (self));
  g_return_if_fail (self->post != NULL);

  guests = hb_post_get_guests (self->post);
  g_list_store_append (guests, guest);
  row = gtk_list_box_get_row_at_index (self->guest_list,
                                       g_list_model_get_n_items (G_LIST_MODEL (guests)) - 1);
  if (row)
    hb_guest_row_focus_name (HB_GUEST_ROW (row));
}

/* ------------------------------------------------------------------ */
/* Findings at their fields                                            */

static void
set_marker (HbPostForm          *self,
            guint                source,
            const HbPostFinding *f,
            HbLang               lang)
{
  GtkWidget *marker = source < HB_N_FIELDS ? self->markers[source] : NULL;
  HbSeverity severity;

  if (marker == NULL)
    return;
  if (f == NULL)
    {
      gtk_widget_set_visible (marker, FALSE);
      return;
    }
  severity = hb_finding_get_severity (f->finding);
  gtk_image_set_from_icon_name (GTK_IMAGE (marker),
                                severity == HB_SEVERITY_ERROR ? "dialog-error-symbolic" :
                                severity == HB_SEVERITY_WARNING ? "dialog-warning-symbolic" :
                                "dialog-information-symbolic");
  gtk_widget_remove_css_class (marker, "error");
  gtk_widget_remove_css_class (marker, "warning");
  gtk_widget_remove_css_class (marker, "accent");
  gtk_widget_add_css_class (marker, severity == HB_SEVERITY_ERROR ? "error" :
                                    severity == HB_SEVERITY_WARNING ? "warning" : "accent");
  hb_widget_set_tooltip_text (marker, hb_finding_get_message (f->finding, lang));
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hb_finding_get_message (f->finding, lang), -1);
  gtk_widget_set_visible (marker, TRUE);
}

/* The most severe unacknowledged finding per place, shown at that field:
 * form rows get an icon, guests an entry icon, media tiles a badge. */
static void
mark_fields (HbPostForm *self,
             GPtrArray  *findings,
             HbLang      lang)
{
  const HbPostFinding *field_best[HB_N_FIELDS] = { NULL };
  guint n_guests = g_list_model_get_n_items (G_LIST_MODEL (hb_post_get_guests (self->post)));
  guint n_media = g_list_model_get_n_items (G_LIST_MODEL (hb_post_get_media (self->post)));
  g_autofree const HbPostFinding **guest_best = g_new0 (const HbPostFinding *, n_guests + 1);
  g_autofree const HbPostFinding **media_best = g_new0 (const HbPostFinding *, n_media + 1);

  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HbPostFinding *f = findings->pdata[i];
      const HbPostFinding **slot = NULL;

      if (f->acknowledged)
        continue;
      if (f->source < HB_N_FIELDS)
        slot = &field_best[f->source];
      else if (f->source == HB_SOURCE_GUEST && f->index < n_guests)
        slot = &guest_best[f->index];
      else if (f->source == HB_SOURCE_ALT_TEXT && f->index < n_media)
        slot = &media_best[f->index];
      if (slot && (*slot == NULL || hb_finding_get_severity (f->finding) >
                                    hb_finding_get_severity ((*slot)->finding)))
        *slot = f;
    }
  for (guint i = 0; i < HB_N_FIELDS; i++)
    set_marker (self, i, field_best[i], lang);
  for (guint i = 0; i < n_guests; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->guest_list, i);

      if (row)
        hb_guest_row_set_finding (HB_GUEST_ROW (row),
                                  guest_best[i] ? hb_finding_get_message (guest_best[i]->finding, lang) : NULL,
                                  guest_best[i] ? hb_finding_get_severity (guest_best[i]->finding) : 0);
    }
  for (guint i = 0; i < n_media; i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (G_LIST_MODEL (hb_post_get_media (self->post)), i);

      hb_media_grid_set_alt_finding (self->media_grid, item,
                                     media_best[i] ? hb_finding_get_message (media_best[i]->finding, lang) : NULL,
                                     media_best[i] ? hb_finding_get_severity (media_best[i]->finding) : 0);
    }
}

/* Every open finding about a media item itself (quality, platform
 * limits) goes on its tile as one badge listing them all. */
static void
mark_media (HbPostForm *self,
            GPtrArray  *findings,
            HbLang      lang)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (self->post));
  guint n_media = g_list_model_get_n_items (media);

  for (guint m = 0; m < n_media; m++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, m);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) messages = NULL;
      HbSeverity worst = HB_SEVERITY_INFO;

      for (guint i = 0; findings && i < findings->len; i++)
        {
          const HbPostFinding *f = findings->pdata[i];
          const char *message = hb_finding_get_message (f->finding, lang);
          g_autofree char *line = NULL;

          if (f->acknowledged || f->source != HB_SOURCE_MEDIA || f->index != m)
            continue;
          line = *f->finding->text ? g_strdup_printf ("%s (%s)", message, f->finding->text)
                                   : g_strdup (message);
          g_strv_builder_add (builder, line);
          worst = MAX (worst, hb_finding_get_severity (f->finding));
        }
      messages = g_strv_builder_end (builder);
      hb_media_grid_set_item_findings (self->media_grid, item,
                                       messages[0] ? (const char * const *) messages : NULL, worst);
    }
}

/* Marks every field, guest and photo that has an open finding in
 * @findings (HbPostFinding of the current post), in @lang. */
void
hb_post_form_show_findings (HbPostForm *self,
                            GPtrArray  *findings,
                            HbLang      lang)
{
  g_return_if_fail (HB_IS_POST_FORM (self));

  if (self->post == NULL)
    return;
  mark_fields (self, findings, lang);
  mark_media (self, findings, lang);
}

static GtkWidget *
field_widget (HbPostForm *self,
              guint       source)
{
  switch (source)
    {
    case HB_FIELD_EVENT_NAME: return GTK_WIDGET (self->name_row);
    case HB_FIELD_DATE: return GTK_WIDGET (self->date_button);
    case HB_FIELD_START_TIME: return GTK_WIDGET (self->start_row);
    case HB_FIELD_END_TIME: return GTK_WIDGET (self->end_row);
    case HB_FIELD_VENUE: return GTK_WIDGET (self->venue_row);
    case HB_FIELD_HASHTAGS: return GTK_WIDGET (self->hashtags_row);
    case HB_FIELD_LINK: return GTK_WIDGET (self->link_row);
    default: return NULL;
    }
}

/* Puts the keyboard on a finding in the form: its words selected in the
 * field, the guest's entry (a new guest when there is none), or the media
 * grid.  FALSE when the finding is not about the form (the body, a
 * platform's caption). */
gboolean
hb_post_form_focus_finding (HbPostForm          *self,
                            const HbPostFinding *f)
{
  GtkWidget *widget;

  g_return_val_if_fail (HB_IS_POST_FORM (self), FALSE);
  g_return_val_if_fail (f != NULL, FALSE);

  widget = field_widget (self, f->source);
  if (f->source == HB_SOURCE_GUEST)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->guest_list, f->index);

      if (row)
        hb_guest_row_select_range (HB_GUEST_ROW (row), f->start, f->end);
      else
        hb_post_form_add_guest (self);
    }
  else if (f->source == HB_SOURCE_ALT_TEXT || f->source == HB_SOURCE_MEDIA_CAPTION ||
           f->source == HB_SOURCE_MEDIA)
    gtk_widget_grab_focus (GTK_WIDGET (self->media_grid));
  else if (widget)
    {
      gtk_widget_grab_focus (widget);
      if (GTK_IS_EDITABLE (widget) && f->end > f->start)
        gtk_editable_select_region (GTK_EDITABLE (widget), f->start, f->end);
    }
  else
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                          */

static void
focus_left (GtkEventControllerFocus *controller,
            HbPostForm              *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (controller), "hb-field"));

  g_signal_emit (self, signals[FIELD_LEFT], 0, field);
}

/* ::field-left says the officer has been in a field and left it: only
 * then is a field still empty worth a warning. */
static void
watch_leaving (HbPostForm *self)
{
  struct { GtkWidget *widget; guint field; } watched[] = {
    { GTK_WIDGET (self->name_row), HB_FIELD_EVENT_NAME },
    { GTK_WIDGET (self->date_row), HB_FIELD_DATE },
    { GTK_WIDGET (self->start_row), HB_FIELD_START_TIME },
    { GTK_WIDGET (self->end_row), HB_FIELD_START_TIME },
    { GTK_WIDGET (self->venue_row), HB_FIELD_VENUE },
    { GTK_WIDGET (self->guest_list), HB_SOURCE_GUEST },
    { GTK_WIDGET (self->hashtags_row), HB_FIELD_HASHTAGS },
    { GTK_WIDGET (self->link_row), HB_FIELD_LINK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_object_set_data (G_OBJECT (focus), "hb-field", GUINT_TO_POINTER (watched[i].field));
      g_signal_connect (focus, "leave", G_CALLBACK (focus_left), self);
      gtk_widget_add_controller (watched[i].widget, focus);
    }
}

static void
add_markers (HbPostForm *self)
{
  AdwEntryRow *rows[HB_N_FIELDS] = {
    [HB_FIELD_EVENT_NAME] = self->name_row, [HB_FIELD_START_TIME] = self->start_row,
    [HB_FIELD_END_TIME] = self->end_row, [HB_FIELD_VENUE] = self->venue_row,
    [HB_FIELD_HASHTAGS] = self->hashtags_row, [HB_FIELD_LINK] = self->link_row,
  };

  for (guint i = 0; i < HB_N_FIELDS; i++)
    {
      if (rows[i] == NULL && i != HB_FIELD_DATE)
        continue;
      self->markers[i] = gtk_image_new ();
      gtk_widget_set_visible (self->markers[i], FALSE);
      gtk_widget_set_valign (self->markers[i], GTK_ALIGN_CENTER);
      if (i == HB_FIELD_DATE)
        adw_action_row_add_suffix (self->date_row, self->markers[i]);
      else
        adw_entry_row_add_suffix (rows[i], self->markers[i]);
    }
}

/* The combo rows list the enum's values in order: position = value.
 * No selection (GTK_INVALID_LIST_POSITION) or a position past the end
 * leaves the post as it is. */
static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (G_VALUE_TYPE (to));
  guint position = g_value_get_uint (from);

  if (g_enum_get_value (klass, (int) position) == NULL || position > G_MAXINT)
    return FALSE;
  g_value_set_enum (to, (int) position);
  return TRUE;
}

static void
bind_rows (HbPostForm *self)
{
  static const struct { const char *prop; gsize offset; } rows[] = {
    { "event-name", G_STRUCT_OFFSET (HbPostForm, name_row) },
    { "venue", G_STRUCT_OFFSET (HbPostForm, venue_row) },
    { "hashtags", G_STRUCT_OFFSET (HbPostForm, hashtags_row) },
    { "link", G_STRUCT_OFFSET (HbPostForm, link_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_binding_group_bind (self->bindings, rows[i].prop,
                          G_STRUCT_MEMBER (gpointer, self, rows[i].offset), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "post-type", self->type_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             enum_to_position, position_to_enum, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "language", self->language_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             enum_to_position, position_to_enum, NULL, NULL);
}

static void
hb_post_form_dispose (GObject *object)
{
  HbPostForm *self = HB_POST_FORM (object);

  g_clear_object (&self->bindings);
  g_clear_object (&self->post_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_POST_FORM);
  g_clear_object (&self->post);
  G_OBJECT_CLASS (hb_post_form_parent_class)->dispose (object);
}

static void
hb_post_form_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HbPostForm *self = HB_POST_FORM (object);

  switch (prop_id)
    {
    case PROP_POST: g_value_set_object (value, self->post); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_post_form_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HbPostForm *self = HB_POST_FORM (object);

  switch (prop_id)
    {
    case PROP_POST: hb_post_form_set_post (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static const struct { const char *name; gsize offset; } template_children[] = {
#define CHILD(n) { #n, G_STRUCT_OFFSET (HbPostForm, n) }
  CHILD (type_row), CHILD (language_row), CHILD (platform_box), CHILD (name_row),
  CHILD (date_row), CHILD (date_button), CHILD (calendar), CHILD (start_row), CHILD (end_row),
  CHILD (venue_row), CHILD (time_message), CHILD (guest_list), CHILD (hashtags_row), CHILD (link_row),
  CHILD (media_grid),
#undef CHILD
};

static void
hb_post_form_class_init (HbPostFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hb_post_form_dispose;
  object_class->get_property = hb_post_form_get_property;
  object_class->set_property = hb_post_form_set_property;
  properties[PROP_POST] = g_param_spec_object ("post", NULL, NULL, HB_TYPE_POST,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* ::field-left (field: an HbField or HbSource) */
  signals[FIELD_LEFT] = g_signal_new ("field-left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (HB_TYPE_MEDIA_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-post-form.ui");
  for (guint i = 0; i < G_N_ELEMENTS (template_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, template_children[i].name, FALSE,
                                               template_children[i].offset);
  gtk_widget_class_bind_template_callback (widget_class, day_selected);
  gtk_widget_class_bind_template_callback (widget_class, time_changed);
  gtk_widget_class_install_action (widget_class, "form.clear-date", NULL, form_clear_date);
}

/* GtkCalendar's four arrow buttons are icons without a name: in 4.8 they
 * are, in order, the previous and next month, then the previous and next
 * year.  When a later GTK builds them otherwise they are left alone (and
 * tests/test-gui-a11y.c says so). */
static void
name_calendar_arrows (GtkWidget *widget,
                      GPtrArray *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        g_ptr_array_add (buttons, c);
      else
        name_calendar_arrows (c, buttons);
    }
}

static void
name_calendar (GtkCalendar *calendar)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *names[] = {
    N_("Previous month"), N_("Next month"), N_("Previous year"), N_("Next year"),
  };

  name_calendar_arrows (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;
  for (guint i = 0; i < buttons->len; i++)
    gtk_accessible_update_property (buttons->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
}

static void
hb_post_form_init (HbPostForm *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No guests yet. Add one with Ctrl+G."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->guest_list, placeholder);
  build_platform_toggles (self);
  add_markers (self);
  name_calendar (self->calendar);
  watch_leaving (self);
  self->bindings = g_binding_group_new ();
  bind_rows (self);
  self->post_signals = g_signal_group_new (HB_TYPE_POST);
  g_signal_group_connect_swapped (self->post_signals, "notify::date", G_CALLBACK (update_date_row), self);
  g_signal_group_connect_swapped (self->post_signals, "notify::language", G_CALLBACK (update_date_row), self);
  g_signal_group_connect_swapped (self->post_signals, "notify::platforms", G_CALLBACK (sync_platforms), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.clear-date", FALSE);
}
