/* hb-window.c — the composer window: the form, linting, autosave, the
 * findings and the actions (drafts are in hb-window-files.c, export and
 * printing in hb-window-export.c).
 *
 * The window owns one HbPost.  The form, the body editor and the media
 * grid edit it; every change restarts the autosave timer and asks for a
 * lint.  Lints run in a worker on a snapshot of the post, one at a time:
 * a change during a lint marks the result stale and a fresh lint follows,
 * so typing never waits for the linter and stale underlines never land.
 */
#include "hb-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hb-autosave.h"
#include "hb-datetime.h"
#include "hb-draft.h"
#include "hb-guest-row.h"
#include "hb-post-lint.h"
#include "hb-widget-util.h"

#define DEFAULT_AUTOSAVE_MS 2000

G_DEFINE_FINAL_TYPE (HbWindow, hb_window, ADW_TYPE_APPLICATION_WINDOW)

enum { LINT_APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule_lint (HbWindow *self);

void
_hb_window_toast (HbWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

HbLang
_hb_window_ui_lang (HbWindow *self)
{
  return hb_application_get_ui_lang (self->app);
}

/* ------------------------------------------------------------------ */
/* Title and modified state                                            */

static void
update_title (HbWindow *self)
{
  g_autofree char *name = hb_post_dup_title (self->post);
  g_autofree char *title = NULL, *subtitle = NULL, *full = NULL;

  if (name == NULL && self->file)
    name = g_file_get_basename (self->file);
  if (name == NULL)
    name = g_strdup (_("New Post"));
  title = self->modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  if (self->file)
    subtitle = g_file_get_parse_name (self->file);
  else
    subtitle = g_strdup (_("Draft not saved yet"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  full = g_strdup_printf ("%s — %s", title, _("Hebahan"));
  gtk_window_set_title (GTK_WINDOW (self), full);
}

void
_hb_window_set_modified (HbWindow *self,
              gboolean  modified)
{
  self->modified = modified;
  update_title (self);
}

/* ------------------------------------------------------------------ */
/* Linting                                                             */

typedef struct
{
  HbPostSnapshot *snapshot;
  HbPolicy       *policy;
  guint64         generation;
} LintJob;

static void
lint_job_free (LintJob *job)
{
  hb_post_snapshot_free (job->snapshot);
  g_object_unref (job->policy);
  g_free (job);
}

static void
lint_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LintJob *job = task_data;
  GError *error = NULL;
  GPtrArray *findings = hb_post_lint_snapshot (job->policy, job->snapshot, &error);

  if (findings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_marker (HbWindow            *self,
            guint                source,
            const HbPostFinding *f)
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
  hb_widget_set_tooltip_text (marker, hb_finding_get_message (f->finding, _hb_window_ui_lang (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hb_finding_get_message (f->finding, _hb_window_ui_lang (self)), -1);
  gtk_widget_set_visible (marker, TRUE);
}

/* The most severe unacknowledged finding per place, shown at that field:
 * form rows get an icon, guests an entry icon, media tiles a badge. */
static void
mark_fields (HbWindow *self)
{
  const HbPostFinding *field_best[HB_N_FIELDS] = { NULL };
  guint n_guests = g_list_model_get_n_items (G_LIST_MODEL (hb_post_get_guests (self->post)));
  guint n_media = g_list_model_get_n_items (G_LIST_MODEL (hb_post_get_media (self->post)));
  g_autofree const HbPostFinding **guest_best = g_new0 (const HbPostFinding *, n_guests + 1);
  g_autofree const HbPostFinding **media_best = g_new0 (const HbPostFinding *, n_media + 1);

  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const HbPostFinding *f = self->findings->pdata[i];
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
    set_marker (self, i, field_best[i]);
  for (guint i = 0; i < n_guests; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->guest_list, i);

      if (row)
        hb_guest_row_set_finding (HB_GUEST_ROW (row),
                                  guest_best[i] ? hb_finding_get_message (guest_best[i]->finding, _hb_window_ui_lang (self)) : NULL,
                                  guest_best[i] ? hb_finding_get_severity (guest_best[i]->finding) : 0);
    }
  for (guint i = 0; i < n_media; i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (G_LIST_MODEL (hb_post_get_media (self->post)), i);

      hb_media_grid_set_alt_finding (self->media_grid, item,
                                     media_best[i] ? hb_finding_get_message (media_best[i]->finding, _hb_window_ui_lang (self)) : NULL,
                                     media_best[i] ? hb_finding_get_severity (media_best[i]->finding) : 0);
    }
}

/* Every open finding about a media item itself (quality, platform
 * limits) goes on its tile as one badge listing them all. */
static void
mark_media (HbWindow *self)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (self->post));
  guint n_media = g_list_model_get_n_items (media);

  for (guint m = 0; m < n_media; m++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, m);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) messages = NULL;
      HbSeverity worst = HB_SEVERITY_INFO;

      for (guint i = 0; self->findings && i < self->findings->len; i++)
        {
          const HbPostFinding *f = self->findings->pdata[i];
          const char *message = hb_finding_get_message (f->finding, _hb_window_ui_lang (self));
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

/* The popover beside Export: one button per missing item, leading to it. */
static void
list_missing (HbWindow *self,
              guint     n_missing)
{
  GtkWidget *child;
  g_autoptr(GString) tip = g_string_new (_("Complete the checklist first:"));
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to do", "%u to do", n_missing), n_missing);

  for (guint i = 0; i < self->statuses->len; i++)
    if (!((HbCheckStatus *) self->statuses->pdata[i])->complete)
      g_string_append_printf (key, "%s ", ((HbCheckStatus *) self->statuses->pdata[i])->item->id);
  if (g_strcmp0 (key->str, self->missing_key) == 0)
    return;
  g_free (self->missing_key);
  self->missing_key = g_strdup (key->str);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->missing_box))))
    gtk_box_remove (self->missing_box, child);
  for (guint i = 0; i < self->statuses->len; i++)
    {
      const HbCheckStatus *s = self->statuses->pdata[i];
      GtkWidget *button;

      if (s->complete)
        continue;
      button = gtk_button_new_with_label (s->item->label[_hb_window_ui_lang (self)]);
      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-checklist-item");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", s->item->id);
      gtk_box_append (self->missing_box, button);
      g_string_append_printf (tip, "\n• %s", s->item->label[_hb_window_ui_lang (self)]);
    }
  gtk_menu_button_set_label (self->missing_button, label);
  gtk_widget_set_tooltip_text (self->export_button, n_missing ? tip->str : _("Export a ready-to-post bundle (Ctrl+E)"));
  gtk_widget_set_visible (GTK_WIDGET (self->missing_button), n_missing > 0);
}

/* Re-evaluated after every lint; Export opens exactly when the last item
 * is complete. */
void
_hb_window_update_checklist (HbWindow *self)
{
  HbPolicy *policy = hb_application_get_policy (self->app);
  guint missing;

  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  self->statuses = hb_checklist_evaluate (policy, self->post, self->findings, _hb_window_ui_lang (self));
  hb_checklist_panel_set_statuses (self->checklist_panel, self->statuses, policy, _hb_window_ui_lang (self));
  missing = hb_checklist_n_items (self->statuses) - hb_checklist_n_complete (self->statuses);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 missing == 0 && self->export_cancellable == NULL);
  list_missing (self, missing);
}

static void
update_count (HbWindow *self)
{
  guint open = 0;
  HbSeverity worst = HB_SEVERITY_INFO;
  g_autofree char *label = NULL;

  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const HbPostFinding *f = self->findings->pdata[i];

      if (f->acknowledged)
        continue;
      open++;
      worst = MAX (worst, hb_finding_get_severity (f->finding));
    }
  label = g_strdup_printf ("%u", open);
  gtk_label_set_label (self->findings_count, label);
  gtk_image_set_from_icon_name (self->findings_icon,
                                open == 0 ? "emblem-ok-symbolic" :
                                worst == HB_SEVERITY_ERROR ? "dialog-error-symbolic" :
                                "dialog-warning-symbolic");
}

static void
update_preview (HbWindow *self)
{
  /* Recomposing a long hidden preview on every key would waste the
   * budget; it is refreshed when shown. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->side_stack), "caption") != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->platform_preview)))
    return;
  hb_platform_preview_refresh (self->platform_preview);
}

static void
apply_findings (HbWindow  *self,
                GPtrArray *findings,
                char      *caption)
{
  HbPolicy *policy = hb_application_get_policy (self->app);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  g_free (self->caption_text);
  self->caption_text = caption;
  hb_caption_view_set_findings (self->caption_view, findings, policy, _hb_window_ui_lang (self));
  g_signal_emit (self, signals[LINT_APPLIED], 0);
  hb_findings_panel_set_findings (self->findings_panel, findings, policy, _hb_window_ui_lang (self));
  mark_fields (self);
  mark_media (self);
  _hb_window_update_checklist (self);
  update_count (self);
  update_preview (self);
}

static void
lint_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  LintJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = g_task_propagate_pointer (G_TASK (result), &error);

  self->linting = FALSE;
  if (findings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _hb_window_toast (self, error->message);
      return;
    }
  /* A result for text that has changed since would put underlines on the
   * wrong words; the follow-up lint brings the right ones. */
  if (job->generation == self->generation)
    {
      apply_findings (self, findings,
                      g_strdup (hb_post_snapshot_get_caption (job->snapshot)->text));
      _hb_window_check_links (self, job->snapshot);
    }
  else
    g_ptr_array_unref (findings);
  if (self->lint_again)
    schedule_lint (self);
}

static void
schedule_lint (HbWindow *self)
{
  HbPolicy *policy = hb_application_get_policy (self->app);
  g_autoptr(GTask) task = NULL;
  LintJob *job;

  if (self->linting || policy == NULL)
    {
      self->lint_again = self->linting;
      return;
    }
  self->lint_again = FALSE;
  self->linting = TRUE;
  job = g_new0 (LintJob, 1);
  job->snapshot = hb_post_snapshot_new (self->post);
  /* What the link checker found so far turns into `link` findings. */
  hb_post_snapshot_set_link_cache (job->snapshot, hb_application_get_link_cache (self->app));
  job->policy = g_object_ref (policy);
  job->generation = self->generation;
  task = g_task_new (NULL, self->cancellable, lint_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) lint_job_free);
  g_task_run_in_thread (task, lint_thread);
}

static void
policy_ready (HbWindow *self)
{
  HbPolicyUpdater *updater = hb_application_get_policy_updater (self->app);
  const char *problem = updater ? hb_policy_updater_get_problem (updater) : NULL;

  if (problem && hb_application_get_policy (self->app))
    {
      g_autofree char *in_use = hb_policy_updater_describe (updater);
      /* Translators: the first %s says which pack was skipped and why; the
       * second is the pack in use, e.g. "mpkk-media-sosial 2026.11.1, built-in". */
      g_autofree char *text = g_strdup_printf (_("%s Using %s instead."), problem, in_use);

      gtk_label_set_label (self->policy_label, text);
      gtk_revealer_set_reveal_child (self->policy_revealer, TRUE);
    }
  /* Also after an update: a new pack may judge the post differently. */
  schedule_lint (self);
}

/* ------------------------------------------------------------------ */
/* Autosave (hb-autosave.c does the files)                             */

static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->pending_io--;
  if (!hb_autosave_write_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("Automatic backup failed: %s"), error->message);
      _hb_window_toast (self, text);
    }
}

static gboolean
autosave_now (gpointer user_data)
{
  HbWindow *self = user_data;
  /* Absolute media paths: the backup lives elsewhere than the draft. */
  g_autoptr(GBytes) bytes = hb_draft_to_bytes (self->post, NULL);

  self->autosave_id = 0;
  if (self->autosave_path == NULL)
    self->autosave_path = hb_autosave_new_path ();
  self->pending_io++;
  hb_autosave_write_async (self->autosave_path, bytes, self->file, self->cancellable,
                           autosave_done, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
_hb_window_drop_autosave (HbWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->autosave_path)
    hb_autosave_delete (self->autosave_path);
  g_clear_pointer (&self->autosave_path, g_free);
}

/* New measurements of a photo: findings may change, the draft does not. */
static void
post_measured (HbWindow *self)
{
  self->generation++;
  schedule_lint (self);
}

static void
post_changed (HbWindow *self)
{
  self->generation++;
  if (!self->syncing)
    {
      if (!self->modified)
        _hb_window_set_modified (self, TRUE);
      else
        update_title (self);
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      self->autosave_id = g_timeout_add (self->autosave_ms, autosave_now, self);
    }
  schedule_lint (self);
}

/* ------------------------------------------------------------------ */
/* Form ↔ post                                                         */

static const char * const platform_names[] = {
  "Facebook", "Instagram", "X", "YouTube", "TikTok", "Threads",
};

static void
sync_platforms (HbWindow *self)
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
                  HbWindow        *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "hb-platform");

  hb_post_toggle_platform (self->post, id, gtk_toggle_button_get_active (toggle));
}

static void
build_platform_toggles (HbWindow *self)
{
  const char * const *ids = hb_platform_ids ();

  for (guint i = 0; ids[i] && i < G_N_ELEMENTS (platform_names); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (platform_names[i]);

      g_object_set_data (G_OBJECT (toggle), "hb-platform", (gpointer) ids[i]);
      g_signal_connect (toggle, "toggled", G_CALLBACK (platform_toggled), self);
      gtk_flow_box_append (self->platform_box, toggle);
    }
}

static void
update_date_row (HbWindow *self)
{
  g_autoptr(GDateTime) date = hb_post_dup_date (self->post);
  g_autofree char *text = date ? hb_format_date (date, hb_post_get_language (self->post)) : NULL;

  adw_action_row_set_subtitle (self->date_row, text ? text : _("Not set"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-date", date != NULL);
  if (date)
    gtk_calendar_select_day (self->calendar, date);
}

static void
day_selected (HbWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  hb_post_set_field (self->post, HB_FIELD_DATE, iso);
  gtk_menu_button_popdown (self->date_button);
}

/* Times are typed freely ("8.00 pagi", "2.30pm", "14:30"); the post keeps
 * them as "HH:MM" and the caption writes them the official way. */
static void
time_changed (GtkEditable *editable,
              HbWindow    *self)
{
  HbField field = GTK_WIDGET (editable) == GTK_WIDGET (self->start_row) ? HB_FIELD_START_TIME
                                                                         : HB_FIELD_END_TIME;
  const char *text = gtk_editable_get_text (editable);
  int h, m;

  if (self->syncing)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  if (*text == '\0')
    hb_post_set_field (self->post, field, "");
  else if (hb_time_parse (text, &h, &m))
    {
      g_autofree char *iso = g_strdup_printf ("%02d:%02d", h, m);
      hb_post_set_field (self->post, field, iso);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      hb_post_set_field (self->post, field, "");
    }
}

static void
show_time (HbWindow    *self,
           AdwEntryRow *row,
           HbField      field)
{
  const char *iso = hb_post_get_field (self->post, field);
  int h, m;
  g_autofree char *text = NULL;

  if (*iso && hb_time_parse (iso, &h, &m))
    text = hb_format_time (h, m, hb_post_get_language (self->post));
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
body_changed (GtkTextBuffer *buffer,
              HbWindow      *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  hb_post_set_field (self->post, HB_FIELD_BODY, text);
}

static GtkWidget *
create_guest_row (gpointer item,
                  gpointer user_data)
{
  return hb_guest_row_new (item);
}

static void
bind_form (HbWindow *self)
{
  static const struct { const char *prop; gsize offset; } rows[] = {
    { "event-name", G_STRUCT_OFFSET (HbWindow, name_row) },
    { "venue", G_STRUCT_OFFSET (HbWindow, venue_row) },
    { "hashtags", G_STRUCT_OFFSET (HbWindow, hashtags_row) },
    { "link", G_STRUCT_OFFSET (HbWindow, link_row) },
  };

  self->bindings = g_binding_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_binding_group_bind (self->bindings, rows[i].prop,
                          G_STRUCT_MEMBER (gpointer, self, rows[i].offset), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "post-type", self->type_row, "selected",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "language", self->language_row, "selected",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* Shows @post in every widget; nothing here counts as an edit, and the
 * body's undo history starts afresh. */
void
_hb_window_set_post (HbWindow *self,
          HbPost   *post)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->caption_view));

  if (self->post)
    g_signal_handlers_disconnect_by_data (self->post, self);
  g_set_object (&self->post, post);
  self->syncing = TRUE;
  g_binding_group_set_source (self->bindings, post);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, hb_post_get_field (post, HB_FIELD_BODY), -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  show_time (self, self->start_row, HB_FIELD_START_TIME);
  show_time (self, self->end_row, HB_FIELD_END_TIME);
  sync_platforms (self);
  update_date_row (self);
  g_object_set_data (G_OBJECT (self->guest_list), "hb-guests", hb_post_get_guests (post));
  gtk_list_box_bind_model (self->guest_list, G_LIST_MODEL (hb_post_get_guests (post)),
                           create_guest_row, self, NULL);
  hb_media_grid_set_model (self->media_grid, hb_post_get_media (post));
  hb_platform_preview_set_post (self->platform_preview, post);
  hb_checklist_panel_set_post (self->checklist_panel, post, self->settings);
  self->syncing = FALSE;
  g_signal_connect_object (post, "changed", G_CALLBACK (post_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (post, "measured", G_CALLBACK (post_measured), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (post, "notify::date", G_CALLBACK (update_date_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (post, "notify::language", G_CALLBACK (update_date_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (post, "notify::platforms", G_CALLBACK (sync_platforms), self, G_CONNECT_SWAPPED);
  self->generation++;
  update_title (self);
  schedule_lint (self);
}

/* ------------------------------------------------------------------ */
/* Findings: going to them, acknowledging them                         */

static GtkWidget *
field_widget (HbWindow *self,
              guint     source)
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

/* Puts the keyboard on the finding: its words selected in the body or in
 * the form field, the guest's entry, or the media grid. */
static void
go_to_finding (HbWindow            *self,
               const HbPostFinding *f)
{
  GtkWidget *widget = field_widget (self, f->source);

  if (f->source == HB_FIELD_BODY)
    hb_caption_view_select_finding (self->caption_view, f);
  else if (f->source == HB_SOURCE_PLATFORM_CAPTION)
    {
      gtk_toggle_button_set_active (self->findings_toggle, TRUE);
      adw_view_stack_set_visible_child_name (self->side_stack, "caption");
      hb_platform_preview_select (self->platform_preview, hb_platform_ids ()[f->index],
                                  f->start, f->end);
    }
  else if (f->source == HB_SOURCE_GUEST)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->guest_list, f->index);

      if (row)
        hb_guest_row_select_range (HB_GUEST_ROW (row), f->start, f->end);
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "win.add-guest", NULL);
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
}

static void
finding_activated (HbWindow            *self,
                   const HbPostFinding *f)
{
  go_to_finding (self, f);
}

/* F8 / Shift+F8: the next or previous body finding after the cursor. */
static void
step_finding (HbWindow *self,
              int       direction)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->caption_view));
  const HbPostFinding *pick = NULL;
  GtkTextIter iter, bound;
  guint here;

  gtk_text_buffer_get_selection_bounds (buffer, &iter, &bound);
  here = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const HbPostFinding *f = self->findings->pdata[i];

      if (f->source != HB_FIELD_BODY || f->end <= f->start)
        continue;
      if (direction > 0 && f->start > here && (pick == NULL || f->start < pick->start))
        pick = f;
      if (direction < 0 && f->start < here && (pick == NULL || f->start > pick->start))
        pick = f;
    }
  if (pick)
    hb_caption_view_select_finding (self->caption_view, pick);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
win_next_finding (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  step_finding (HB_WINDOW (widget), 1);
}

static void
win_previous_finding (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  step_finding (HB_WINDOW (widget), -1);
}

typedef struct
{
  char *rule;
  char *text;
} AckTarget;

static void
ack_target_free (AckTarget *t)
{
  g_free (t->rule);
  g_free (t->text);
  g_free (t);
}

static void
ack_response (AdwMessageDialog *dialog,
              const char       *response,
              HbWindow         *self)
{
  AckTarget *t = g_object_get_data (G_OBJECT (dialog), "hb-target");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "hb-entry");
  g_autofree char *who = g_settings_get_string (self->settings, "officer-name");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "acknowledge") && *reason)
    hb_post_add_ack (self->post, t->rule, t->text, reason, who);
}

static void
reason_changed (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "acknowledge", *reason != '\0');
}

/* Asks why the finding may stand; the reason goes into the draft and onto
 * the sign-off sheet. */
static void
acknowledge_finding (HbWindow            *self,
                     const HbPostFinding *f)
{
  AckTarget *t = g_new0 (AckTarget, 1);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Acknowledge This Finding?"), NULL);

  t->rule = g_strdup (hb_finding_get_rule_id (f->finding));
  t->text = g_strdup (f->finding->text);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("“%s”: %s\nGive the reason it may stay. The reason is printed on the sign-off sheet."),
                                  t->text, hb_finding_get_message (f->finding, _hb_window_ui_lang (self)));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "acknowledge", _("_Acknowledge"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "acknowledge");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "acknowledge", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "hb-target", t, (GDestroyNotify) ack_target_free);
  g_object_set_data (G_OBJECT (dialog), "hb-entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (ack_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
win_open (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  _hb_window_choose_file (HB_WINDOW (widget), CHOOSE_OPEN);
}

static void
win_open_recent (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  _hb_window_file_chosen (HB_WINDOW (widget), file, CHOOSE_OPEN);
}

static void
win_save (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  _hb_window_save_or_ask (HB_WINDOW (widget), FALSE);
}

static void
win_save_as (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  _hb_window_choose_file (HB_WINDOW (widget), CHOOSE_SAVE);
}

static void
win_clear_date (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  hb_post_set_field (HB_WINDOW (widget)->post, HB_FIELD_DATE, "");
}

static void
win_add_guest (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);
  GListStore *guests = hb_post_get_guests (self->post);
  g_autoptr(HbGuest) guest = hb_guest_new ("", "");
  GtkListBoxRow *row;

  g_list_store_append (guests, guest);
  row = gtk_list_box_get_row_at_index (self->guest_list,
                                       g_list_model_get_n_items (G_LIST_MODEL (guests)) - 1);
  if (row)
    hb_guest_row_focus_name (HB_GUEST_ROW (row));
}

static void
win_show_findings (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);

  gtk_toggle_button_set_active (self->findings_toggle, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "findings");
  gtk_widget_child_focus (GTK_WIDGET (self->findings_panel), GTK_DIR_TAB_FORWARD);
}

static void
win_close (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                HbWindow         *self)
{
  if (g_str_equal (response, "save"))
    _hb_window_save_or_ask (self, TRUE);
  else if (g_str_equal (response, "discard"))
    {
      _hb_window_drop_autosave (self);
      _hb_window_set_modified (self, FALSE);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Unsaved work is never dropped silently: ask, as GNOME apps do. */
static gboolean
hb_window_close_request (GtkWindow *window)
{
  HbWindow *self = HB_WINDOW (window);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (!self->modified)
    {
      _hb_window_drop_autosave (self);
      return GTK_WINDOW_CLASS (hb_window_parent_class)->close_request (window);
    }
  title = hb_post_dup_title (self->post);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. Changes you do not save are lost."),
                                  title ? title : _("New Post"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
update_recent_menu (HbWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l && n < 10; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".hebahan") || !gtk_recent_info_exists (l->data))
        continue;
      label = g_strdup (gtk_recent_info_get_display_name (l->data));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                          */

static void
hb_window_dispose (GObject *object)
{
  HbWindow *self = HB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  _hb_window_cancel_network (self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_WINDOW);
  g_clear_object (&self->bindings);
  g_clear_object (&self->post);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->manifest_sha256, g_free);
  g_clear_pointer (&self->missing_key, g_free);
  if (self->export_cancellable)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->caption_text, g_free);
  g_clear_pointer (&self->autosave_path, g_free);
  G_OBJECT_CLASS (hb_window_parent_class)->dispose (object);
}

static void
side_visible_changed (HbWindow *self)
{
  update_preview (self);
}

static const struct { const char *name; gsize offset; } template_children[] = {
#define CHILD(n) { #n, G_STRUCT_OFFSET (HbWindow, n) }
  CHILD (toast_overlay), CHILD (window_title), CHILD (findings_toggle), CHILD (findings_icon),
  CHILD (findings_count), CHILD (recovery_revealer), CHILD (recovery_label),
  CHILD (policy_revealer), CHILD (policy_label), CHILD (type_row), CHILD (language_row),
  CHILD (platform_box), CHILD (name_row), CHILD (date_row), CHILD (date_button),
  CHILD (calendar), CHILD (start_row), CHILD (end_row), CHILD (venue_row), CHILD (guest_list),
  CHILD (hashtags_row), CHILD (link_row), CHILD (media_grid), CHILD (caption_view),
  CHILD (side_revealer), CHILD (side_stack), CHILD (findings_panel), CHILD (platform_preview), CHILD (checklist_panel),
  CHILD (missing_button), CHILD (missing_box), CHILD (export_button), CHILD (export_revealer),
  CHILD (export_progress),
  CHILD (recent_menu), CHILD (links_spinner),
#undef CHILD
};

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, win_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", win_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, win_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, win_save_as);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, _hb_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, _hb_window_cancel_export);
  gtk_widget_class_install_action (widget_class, "win.print-signoff", NULL, _hb_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.check-website", NULL, _hb_window_check_website);
  gtk_widget_class_install_action (widget_class, "win.show-checklist-item", "s", _hb_window_show_checklist_item);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, win_close);
  gtk_widget_class_install_action (widget_class, "win.clear-date", NULL, win_clear_date);
  gtk_widget_class_install_action (widget_class, "win.add-guest", NULL, win_add_guest);
  gtk_widget_class_install_action (widget_class, "win.next-finding", NULL, win_next_finding);
  gtk_widget_class_install_action (widget_class, "win.previous-finding", NULL, win_previous_finding);
  gtk_widget_class_install_action (widget_class, "win.show-findings", NULL, win_show_findings);
  gtk_widget_class_install_action (widget_class, "win.recover", NULL, _hb_window_recover);
  gtk_widget_class_install_action (widget_class, "win.discard-recovery", NULL, _hb_window_discard_recovery);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.add-guest", NULL);
}

static void
hb_window_class_init (HbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hb_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = hb_window_close_request;

  /* ::lint-applied: new findings are on screen (tests and the typing
   * benchmark time up to here). */
  signals[LINT_APPLIED] = g_signal_new ("lint-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (HB_TYPE_CAPTION_VIEW);
  g_type_ensure (HB_TYPE_FINDINGS_PANEL);
  g_type_ensure (HB_TYPE_MEDIA_GRID);
  g_type_ensure (HB_TYPE_PLATFORM_PREVIEW);
  g_type_ensure (HB_TYPE_CHECKLIST_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-window.ui");
  for (guint i = 0; i < G_N_ELEMENTS (template_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, template_children[i].name, FALSE,
                                               template_children[i].offset);
  install_actions (widget_class);
}

static void
add_markers (HbWindow *self)
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

static void
hb_window_init (HbWindow *self)
{
  GtkTextBuffer *buffer;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No guests yet. Add one with Ctrl+G."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->guest_list, placeholder);
  self->cancellable = g_cancellable_new ();
  self->autosave_ms = DEFAULT_AUTOSAVE_MS;
  build_platform_toggles (self);
  add_markers (self);
  bind_form (self);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->caption_view));
  g_signal_connect (buffer, "changed", G_CALLBACK (body_changed), self);
  g_signal_connect (self->start_row, "changed", G_CALLBACK (time_changed), self);
  g_signal_connect (self->end_row, "changed", G_CALLBACK (time_changed), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected), self);
  g_signal_connect_swapped (self->caption_view, "acknowledge", G_CALLBACK (acknowledge_finding), self);
  g_signal_connect_swapped (self->findings_panel, "finding-activated", G_CALLBACK (finding_activated), self);
  g_signal_connect_swapped (self->side_stack, "notify::visible-child-name", G_CALLBACK (side_visible_changed), self);
  g_signal_connect_swapped (self->platform_preview, "map", G_CALLBACK (side_visible_changed), self);
  g_object_bind_property (self->findings_toggle, "active", self->side_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-recovery", FALSE);
}

static void
bind_window_size (HbWindow *self)
{
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

HbWindow *
hb_window_new (HbApplication *app)
{
  HbWindow *self = g_object_new (HB_TYPE_WINDOW, "application", app, NULL);
  g_autoptr(HbPost) post = hb_post_new ();
  g_autofree char *lang = NULL;
  HbLang post_lang;

  self->app = app;
  self->settings = g_object_ref (hb_application_get_settings (app));
  bind_window_size (self);
  lang = g_settings_get_string (self->settings, "default-post-language");
  if (hb_lang_from_string (lang, &post_lang))
    hb_post_set_language (post, post_lang);
  _hb_window_set_post (self, post);
  _hb_window_set_modified (self, FALSE);
  if (hb_application_get_policy (app))
    policy_ready (self);
  g_signal_connect_object (app, "notify::policy", G_CALLBACK (policy_ready), self, G_CONNECT_SWAPPED);
  /* A link checked (by this window or another) may change the findings. */
  g_signal_connect_object (hb_application_get_link_cache (app), "changed",
                           G_CALLBACK (schedule_lint), self, G_CONNECT_SWAPPED);
  return self;
}

HbPost *
hb_window_get_post (HbWindow *self)
{
  return self->post;
}

GFile *
hb_window_get_file (HbWindow *self)
{
  return self->file;
}

gboolean
hb_window_get_modified (HbWindow *self)
{
  return self->modified;
}

GPtrArray *
hb_window_get_findings (HbWindow *self)
{
  return self->findings;
}

/* Template children by name, for the tests and the benchmark. */
GtkWidget *
hb_window_get_part (HbWindow   *self,
                    const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HB_TYPE_WINDOW, name));
}

const char *
hb_window_get_manifest_sha256 (HbWindow *self)
{
  return self->manifest_sha256;
}

gboolean
hb_window_is_exporting (HbWindow *self)
{
  return self->export_cancellable != NULL;
}

gboolean
hb_window_is_linting (HbWindow *self)
{
  return self->linting || self->lint_again;
}

gboolean
hb_window_is_busy (HbWindow *self)
{
  return self->linting || self->lint_again || self->pending_io > 0 || self->autosave_id != 0;
}

const char *
hb_window_get_autosave_path (HbWindow *self)
{
  return self->autosave_path;
}

void
hb_window_set_autosave_delay (HbWindow *self,
                              guint     ms)
{
  self->autosave_ms = ms;
}
