/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-window.c — the composer window: header bar, panes, toasts, dialogs
 * and actions (drafts are in hb-window-files.c, export and printing in
 * hb-window-export.c, the website check in hb-window-net.c).
 *
 * The window shows one HbDocument, which owns the post and does the
 * work: linting, autosave, the checklist, files and export.  The form
 * (HbPostForm) and the body editor edit the post; the window follows the
 * document through a GBindingGroup and a GSignalGroup, and puts each new
 * set of findings on screen.
 */
#include "config.h"

#include "hb-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hb-checklist.h"
#include "hb-post-preview.h"

G_DEFINE_FINAL_TYPE (HbWindow, hb_window, ADW_TYPE_APPLICATION_WINDOW)

enum { LINT_APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
_hb_window_toast (HbWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_hb_window_show_error (HbWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

HbWindowCall *
_hb_window_call_new (HbWindow *self)
{
  HbWindowCall *call = g_new0 (HbWindowCall, 1);

  call->self = g_object_ref (self);
  return call;
}

void
_hb_window_call_free (HbWindowCall *call)
{
  g_object_unref (call->self);
  g_clear_object (&call->file);
  g_free (call->path);
  g_free (call);
}

HbLang
_hb_window_ui_lang (HbWindow *self)
{
  return hb_application_get_ui_lang (self->app);
}

/* ------------------------------------------------------------------ */
/* Title                                                               */

static void
update_title (HbWindow *self)
{
  GFile *file = hb_document_get_file (self->document);
  const char *name = hb_document_get_title (self->document);
  g_autofree char *title = NULL, *subtitle = NULL, *full = NULL;

  title = hb_document_get_modified (self->document) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  if (file)
    subtitle = g_file_get_parse_name (file);
  else
    subtitle = g_strdup (_("Draft not saved yet"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  full = g_strdup_printf ("%s — %s", title, _("Hebahan"));
  gtk_window_set_title (GTK_WINDOW (self), full);
}

/* ------------------------------------------------------------------ */
/* Findings and the checklist on screen                                */

/* The popover beside Export: one button per missing item, leading to it. */
static void
list_missing (HbWindow  *self,
              GPtrArray *statuses,
              guint      n_missing)
{
  GtkWidget *child;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to do", "%u to do", n_missing), n_missing);

  for (guint i = 0; i < statuses->len; i++)
    if (!((HbCheckStatus *) statuses->pdata[i])->complete)
      g_string_append_printf (key, "%s ", ((HbCheckStatus *) statuses->pdata[i])->item->id);
  if (g_strcmp0 (key->str, self->missing_key) == 0)
    return;
  g_free (self->missing_key);
  self->missing_key = g_strdup (key->str);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->missing_box))))
    gtk_box_remove (self->missing_box, child);
  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];
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
    }
  {
    g_autofree char *count = g_strdup_printf ("%u", n_missing);

    gtk_label_set_label (self->missing_count, count);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->missing_button), label);
  }
  /* Not the whole list (it ran off a 768-px screen): the to-do popover
   * and the export dialog show it. */
  gtk_widget_set_tooltip_text (self->export_button,
                               n_missing ? _("Export a ready-to-post bundle (Ctrl+E); it first lists what the checklist still needs")
                                         : _("Export a ready-to-post bundle (Ctrl+E)"));
  gtk_widget_set_visible (GTK_WIDGET (self->missing_button), n_missing > 0);
}

static void
update_checklist (HbWindow *self)
{
  HbPolicy *policy = hb_document_get_policy (self->document);
  GPtrArray *statuses = hb_document_get_statuses (self->document);
  guint missing;

  if (statuses == NULL)
    return;
  hb_checklist_panel_set_statuses (self->checklist_panel, statuses, policy, _hb_window_ui_lang (self));
  missing = hb_checklist_n_items (statuses) - hb_checklist_n_complete (statuses);
  list_missing (self, statuses, missing);
}

/* A field still empty is reported once the officer has left it, or at
 * export: a new post does not open with a warning on every field.  (The
 * weekday check is a contradiction, not a gap: always shown.) */
static gboolean
held_back (HbWindow            *self,
           const HbPostFinding *f)
{
  const char *rule = hb_finding_get_rule_id (f->finding);

  return !self->reveal_missing && g_str_has_prefix (rule, "incomplete.") &&
         !g_str_equal (rule, "incomplete.weekday") &&
         (f->source >= 32 || !(self->visited & (1u << f->source)));
}

/* The document's findings less those held back: the document's own list
 * when nothing is, else copies (the widgets keep what they are given). */
static GPtrArray *
shown_findings (HbWindow *self)
{
  GPtrArray *findings = hb_document_get_findings (self->document);
  GPtrArray *shown;
  guint i;

  if (findings == NULL)
    return g_ptr_array_new ();
  for (i = 0; i < findings->len && !held_back (self, findings->pdata[i]); i++)
    ;
  if (i == findings->len)
    return g_ptr_array_ref (findings);
  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_post_finding_free);
  for (i = 0; i < findings->len; i++)
    if (!held_back (self, findings->pdata[i]))
      {
        HbPostFinding *copy = g_memdup2 (findings->pdata[i], sizeof (HbPostFinding));

        copy->finding = hb_finding_copy (copy->finding);
        g_ptr_array_add (shown, copy);
      }
  return shown;
}

static void
update_count (HbWindow  *self,
              GPtrArray *findings)
{
  guint open = 0;
  HbSeverity worst = HB_SEVERITY_INFO;
  g_autofree char *label = NULL;

  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HbPostFinding *f = findings->pdata[i];

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

/* One feed preview per selected platform, in the platforms' order; the
 * previews follow the post only while the Caption page is shown. */
static void
sync_previews (HbWindow *self,
               gboolean  shown)
{
  HbPost *post = hb_document_get_post (self->document);
  const char * const *ids = hb_platform_ids ();
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child, *next;

  for (guint i = 0; post && ids[i]; i++)
    if (hb_post_has_platform (post, ids[i]))
      g_string_append_printf (key, "%s ", ids[i]);
  if (g_strcmp0 (key->str, self->previews_key) != 0)
    {
      g_free (self->previews_key);
      self->previews_key = g_strdup (key->str);
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->previews_box)); child; child = next)
        {
          next = gtk_widget_get_next_sibling (child);
          if (HB_IS_POST_PREVIEW (child))
            gtk_box_remove (self->previews_box, child);
        }
      for (guint i = 0; post && ids[i]; i++)
        if (hb_post_has_platform (post, ids[i]))
          {
            GtkWidget *preview = hb_post_preview_new ();

            hb_post_preview_set_platform (HB_POST_PREVIEW (preview), ids[i]);
            gtk_box_append (self->previews_box, preview);
          }
      gtk_widget_set_visible (self->previews_empty, key->len == 0);
    }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->previews_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (HB_IS_POST_PREVIEW (child))
      hb_post_preview_set_post (HB_POST_PREVIEW (child), shown ? post : NULL);
}

static void
update_preview (HbWindow *self)
{
  if (self->document == NULL)
    return;
  /* Recomposing a long hidden preview on every key would waste the
   * budget; it is refreshed when shown. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->side_stack), "caption") != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->platform_preview)))
    {
      sync_previews (self, FALSE);
      return;
    }
  hb_platform_preview_refresh (self->platform_preview);
  sync_previews (self, TRUE);
}

/* The form or the body, when the window is too narrow for both. */
static void
show_page (HbWindow   *self,
           const char *name)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, name);
}

/* The side panel lies over the editor when folded: going somewhere in
 * the editor closes it. */
static void
close_folded_panel (HbWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static gboolean
update_page_switch (gpointer data)
{
  HbWindow *self = data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  self->layout_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->form_page_button), folded);
  gtk_widget_set_visible (GTK_WIDGET (self->body_page_button), folded);
  /* A labelled Save ("Simpan") and the links spinner made the header bar
   * wider than half a 1366-px screen in Malay, and a window does not
   * shrink back: narrow, Save is its icon, named by its tooltip and for
   * screen readers, with Ctrl+S as ever. */
  if (folded)
    {
      gtk_button_set_icon_name (self->save_button, "document-save-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save the draft"), -1);
    }
  else
    {
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_button_set_use_underline (self->save_button, TRUE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  return G_SOURCE_REMOVE;
}

/* The leaflet and the flap fold while they are being allocated: the
 * header bar changes after that allocation, not in the middle of it, but
 * before anything else that is ready runs (the links spinner showing, for
 * one), so that the next frame lays out the narrow header bar. */
static void
layout_changed (HbWindow *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH, update_page_switch, self, NULL);
}

static void
page_button_clicked (HbWindow  *self,
                     GtkButton *button)
{
  show_page (self, button == self->form_page_button ? "form" : "body");
}

static void
findings_changed (HbWindow *self)
{
  g_autoptr(GPtrArray) findings = shown_findings (self);
  HbPolicy *policy = hb_document_get_policy (self->document);

  hb_caption_view_set_findings (self->caption_view, findings, policy, _hb_window_ui_lang (self));
  g_signal_emit (self, signals[LINT_APPLIED], 0);
  hb_findings_panel_set_findings (self->findings_panel, findings, policy, _hb_window_ui_lang (self));
  hb_post_form_show_findings (self->post_form, findings, _hb_window_ui_lang (self));
  update_count (self, findings);
  update_preview (self);
}

static void
field_left (HbWindow *self,
            guint     field)
{
  /* Focus also leaves the fields as the window closes. */
  if (self->document == NULL || field >= 32 || (self->visited & (1u << field)))
    return;
  self->visited |= 1u << field;
  if (hb_document_get_findings (self->document))
    findings_changed (self);
}

/* Export asked on an unfinished post: every gap shows now. */
void
_hb_window_reveal_missing (HbWindow *self)
{
  if (self->document == NULL || self->reveal_missing)
    return;
  self->reveal_missing = TRUE;
  if (hb_document_get_findings (self->document))
    findings_changed (self);
}

static void
side_visible_changed (HbWindow *self)
{
  update_preview (self);
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
  hb_document_set_policy (self->document, hb_application_get_policy (self->app));
}

/* ------------------------------------------------------------------ */
/* The document's post in the widgets                                  */

static void
body_changed (GtkTextBuffer *buffer,
              HbWindow      *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->body_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  hb_post_set_field (hb_document_get_post (self->document), HB_FIELD_BODY, text);
}

/* Shows the document's (new) post in every widget; nothing here counts
 * as an edit, and the body's undo history starts afresh. */
static void
post_replaced (HbWindow *self)
{
  HbPost *post = hb_document_get_post (self->document);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->caption_view));

  /* A post that already says something (opened, recovered, the demo) is
   * judged whole; only a new empty post holds back its gaps. */
  self->visited = 0;
  self->reveal_missing = hb_document_get_file (self->document) != NULL ||
                         *hb_post_get_field (post, HB_FIELD_BODY) ||
                         *hb_post_get_field (post, HB_FIELD_EVENT_NAME);
  self->syncing = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, hb_post_get_field (post, HB_FIELD_BODY), -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  hb_post_form_set_post (self->post_form, post);
  hb_platform_preview_set_post (self->platform_preview, post);
  g_clear_pointer (&self->previews_key, g_free);
  g_signal_connect_object (post, "notify::platforms", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  update_preview (self);
  hb_checklist_panel_set_post (self->checklist_panel, post, self->settings);
  self->syncing = FALSE;
  update_title (self);
}

static void
export_progress (HbWindow   *self,
                 double      fraction,
                 const char *what)
{
  _hb_window_export_progress (self, fraction, what);
}

/* Errors of background work (a lint, a backup) come as toasts. */
static void
document_problem (HbWindow   *self,
                  const char *message)
{
  _hb_window_toast (self, message);
}

/* ------------------------------------------------------------------ */
/* Findings: going to them, acknowledging them                         */

/* Puts the keyboard on the finding: its words selected in the body, the
 * platform's caption, or the form. */
static void
go_to_finding (HbWindow            *self,
               const HbPostFinding *f)
{
  if (f->source == HB_FIELD_BODY)
    {
      close_folded_panel (self);
      show_page (self, "body");
      hb_caption_view_select_finding (self->caption_view, f);
    }
  else if (f->source == HB_SOURCE_PLATFORM_CAPTION)
    {
      gtk_toggle_button_set_active (self->findings_toggle, TRUE);
      adw_view_stack_set_visible_child_name (self->side_stack, "caption");
      hb_platform_preview_select (self->platform_preview, hb_platform_ids ()[f->index],
                                  f->start, f->end);
    }
  else
    {
      close_folded_panel (self);
      show_page (self, "form");
      hb_post_form_focus_finding (self->post_form, f);
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
  GPtrArray *findings = hb_document_get_findings (self->document);
  const HbPostFinding *pick = NULL;
  GtkTextIter iter, bound;
  guint here;

  gtk_text_buffer_get_selection_bounds (buffer, &iter, &bound);
  here = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HbPostFinding *f = findings->pdata[i];

      if (f->source != HB_FIELD_BODY || f->end <= f->start)
        continue;
      if (direction > 0 && f->start > here && (pick == NULL || f->start < pick->start))
        pick = f;
      if (direction < 0 && f->start < here && (pick == NULL || f->start > pick->start))
        pick = f;
    }
  if (pick)
    {
      show_page (self, "body");
      hb_caption_view_select_finding (self->caption_view, pick);
    }
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
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "acknowledge") && *reason)
    hb_document_acknowledge (self->document, t->rule, t->text, reason);
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
  _hb_window_open (HB_WINDOW (widget));
}

static void
win_open_recent (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  _hb_window_open_here_or_new (HB_WINDOW (widget), file);
}

static void
win_save (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  _hb_window_save (HB_WINDOW (widget), FALSE, FALSE);
}

static void
win_save_as (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  _hb_window_save (HB_WINDOW (widget), TRUE, FALSE);
}

static void
win_add_guest (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  hb_post_form_add_guest (HB_WINDOW (widget)->post_form);
}

/* Opens the checklist at the item: scrolled to it, focused, highlighted. */
void
_hb_window_show_checklist_item (HbWindow   *self,
                                const char *item_id)
{
  gtk_toggle_button_set_active (self->findings_toggle, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "checklist");
  gtk_menu_button_popdown (self->missing_button);
  hb_checklist_panel_focus_item (self->checklist_panel, item_id);
}

static void
win_show_checklist_item (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  _hb_window_show_checklist_item (HB_WINDOW (widget), g_variant_get_string (param, NULL));
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
    _hb_window_save (self, FALSE, TRUE);
  else if (g_str_equal (response, "discard"))
    {
      hb_document_drop_autosave (self->document);
      hb_document_set_modified (self->document, FALSE);
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

  if (!hb_document_get_modified (self->document))
    {
      hb_document_drop_autosave (self->document);
      return GTK_WINDOW_CLASS (hb_window_parent_class)->close_request (window);
    }
  title = hb_post_dup_title (hb_document_get_post (self->document));
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

  if (self->document)
    hb_document_cancel (self->document);
  g_cancellable_cancel (self->cancellable);
  if (self->site_cancellable)
    g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  g_clear_object (&self->cancellable);
  if (self->document_bindings)
    g_binding_group_set_source (self->document_bindings, NULL);
  if (self->document_signals)
    g_signal_group_set_target (self->document_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_WINDOW);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->missing_key, g_free);
  g_clear_pointer (&self->previews_key, g_free);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  G_OBJECT_CLASS (hb_window_parent_class)->dispose (object);
}

static const struct { const char *name; gsize offset; } template_children[] = {
#define CHILD(n) { #n, G_STRUCT_OFFSET (HbWindow, n) }
  CHILD (toast_overlay), CHILD (window_title), CHILD (findings_toggle), CHILD (findings_icon),
  CHILD (findings_count), CHILD (recovery_revealer), CHILD (recovery_label),
  CHILD (policy_revealer), CHILD (policy_label), CHILD (post_form), CHILD (caption_view),
  CHILD (side_stack), CHILD (findings_panel), CHILD (platform_preview), CHILD (checklist_panel),
  CHILD (missing_button), CHILD (missing_box), CHILD (export_button), CHILD (export_revealer),
  CHILD (export_progress), CHILD (recent_menu), CHILD (links_spinner), CHILD (flap),
  CHILD (leaflet), CHILD (form_page_button), CHILD (body_page_button), CHILD (save_button),
  CHILD (body_box), CHILD (previews_box), CHILD (previews_empty), CHILD (missing_count), CHILD (body_placeholder),
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
  gtk_widget_class_install_action (widget_class, "win.show-checklist-item", "s", win_show_checklist_item);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, win_close);
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
  g_type_ensure (HB_TYPE_POST_FORM);
  g_type_ensure (HB_TYPE_CAPTION_VIEW);
  g_type_ensure (HB_TYPE_FINDINGS_PANEL);
  g_type_ensure (HB_TYPE_PLATFORM_PREVIEW);
  g_type_ensure (HB_TYPE_CHECKLIST_PANEL);
  g_type_ensure (HB_TYPE_POST_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-window.ui");
  for (guint i = 0; i < G_N_ELEMENTS (template_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, template_children[i].name, FALSE,
                                               template_children[i].offset);
  gtk_widget_class_bind_template_callback (widget_class, acknowledge_finding);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, side_visible_changed);
  gtk_widget_class_bind_template_callback (widget_class, layout_changed);
  gtk_widget_class_bind_template_callback (widget_class, field_left);
  gtk_widget_class_bind_template_callback (widget_class, page_button_clicked);
  install_actions (widget_class);
}

/* The window follows whichever document it shows: properties through
 * bindings, signals through a group, nothing to disconnect by hand. */
static void
follow_document (HbWindow *self)
{
  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "checking-links", self->links_spinner, "visible",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->document_bindings, "checking-links", self->links_spinner, "spinning",
                        G_BINDING_SYNC_CREATE);
  self->document_signals = g_signal_group_new (HB_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::post", G_CALLBACK (post_replaced), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::title", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::file", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "findings-changed", G_CALLBACK (findings_changed), self);
  g_signal_group_connect_swapped (self->document_signals, "checklist-changed", G_CALLBACK (update_checklist), self);
  g_signal_group_connect_swapped (self->document_signals, "export-progress", G_CALLBACK (export_progress), self);
  g_signal_group_connect_swapped (self->document_signals, "problem", G_CALLBACK (document_problem), self);
}

static void
hb_window_init (HbWindow *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Folded, the window opens on the body: what the officer writes. */
  adw_leaflet_set_visible_child_name (self->leaflet, "body");
  self->cancellable = g_cancellable_new ();
  /* The buffer is the caption view's own, not a template object. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->caption_view));
  g_signal_connect (buffer, "changed", G_CALLBACK (body_changed), self);
  follow_document (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
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

/* Export stays clickable on an incomplete post (it then says what is
 * missing); only an export under way disables it. */
static void
can_export_changed (HbWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 !hb_document_get_exporting (self->document));
}

/* A new post in the language chosen in the preferences. */
static HbPost *
new_post (GSettings *settings)
{
  HbPost *post = hb_post_new ();
  g_autofree char *lang = g_settings_get_string (settings, "default-post-language");
  HbLang post_lang;

  if (hb_lang_from_string (lang, &post_lang))
    hb_post_set_language (post, post_lang);
  return post;
}

HbWindow *
hb_window_new (HbApplication *app)
{
  HbWindow *self;
  g_autoptr(HbPost) post = NULL;

  g_return_val_if_fail (HB_IS_APPLICATION (app), NULL);

  self = g_object_new (HB_TYPE_WINDOW, "application", app, NULL);
  self->app = app;
  self->settings = g_object_ref (hb_application_get_settings (app));
  bind_window_size (self);
  self->document = hb_document_new (self->settings, hb_application_get_link_cache (app),
                                    hb_application_get_session (app));
  g_signal_connect_object (self->document, "notify::exporting", G_CALLBACK (can_export_changed),
                           self, G_CONNECT_SWAPPED);
  can_export_changed (self);
  g_binding_group_set_source (self->document_bindings, self->document);
  g_signal_group_set_target (self->document_signals, self->document);
  post = new_post (self->settings);
  hb_document_replace (self->document, post, NULL);
  if (hb_application_get_policy (app))
    policy_ready (self);
  g_signal_connect_object (app, "notify::policy", G_CALLBACK (policy_ready), self, G_CONNECT_SWAPPED);
  return self;
}

/* The document shown: the post, its file and the work on it. */
HbDocument *
hb_window_get_document (HbWindow *self)
{
  g_return_val_if_fail (HB_IS_WINDOW (self), NULL);

  return self->document;
}
