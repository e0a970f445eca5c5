/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-window-export.c — HbWindow's side of exporting the bundle (the
 * document exports in a worker; this asks where, shows the progress and
 * Cancel, and says when it is done) and printing the sign-off sheet. */
#include "config.h"

#include <glib/gi18n.h>

#include "hb-bundle.h"
#include "hb-checklist.h"
#include "hb-file-chooser.h"
#include "hb-window-private.h"

/* ------------------------------------------------------------------ */
/* Export                                                              */

void
_hb_window_export_progress (HbWindow   *self,
                            double      fraction,
                            const char *what)
{
  gtk_progress_bar_set_fraction (self->export_progress, fraction);
  gtk_progress_bar_set_text (self->export_progress, what);
}

static void
notify_exported (HbWindow   *self,
                 const char *dest)
{
  g_autoptr(GNotification) n = g_notification_new (_("Bundle Exported"));
  g_autoptr(GFile) file = g_file_new_for_path (dest);
  g_autoptr(GFile) folder = g_str_has_suffix (dest, ".zip") ? g_file_get_parent (file) : g_object_ref (file);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *name = g_file_get_basename (file);
  AdwToast *notice = adw_toast_new (_("Bundle exported"));

  g_notification_set_body (n, name);
  g_notification_add_button_with_target (n, _("Open Folder"), "app.show-folder", "s", uri);
  /* A long export may finish while the officer works elsewhere: then the
   * desktop says so; in front of the window, the toast is enough. */
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    g_application_send_notification (G_APPLICATION (self->app), "exported", n);
  adw_toast_set_button_label (notice, _("Open Folder"));
  adw_toast_set_action_name (notice, "app.show-folder");
  adw_toast_set_action_target (notice, "s", uri);
  adw_toast_overlay_add_toast (self->toast_overlay, notice);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HbWindowCall) call = user_data;
  HbWindow *self = call->self;
  g_autoptr(GError) error = NULL;

  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  if (!hb_document_export_finish (HB_DOCUMENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _hb_window_toast (self, _("Export cancelled; nothing was written"));
      else
        _hb_window_show_error (self, _("The bundle was not exported"), error->message);
      return;
    }
  notify_exported (self, call->path);
}

/* Exports to @dest (a new folder, or a .zip) in a worker, with a progress
 * bar and Cancel; what the Export dialog does once a place is chosen. */
void
hb_window_export_to (HbWindow   *self,
                     const char *dest)
{
  HbWindowCall *call;

  g_return_if_fail (HB_IS_WINDOW (self));
  g_return_if_fail (dest != NULL);

  call = _hb_window_call_new (self);
  call->path = g_strdup (dest);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_progress_bar_set_text (self->export_progress, _("Preparing the bundle…"));
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  hb_document_export_async (self->document, dest, NULL, exported, call);
}

static void
export_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = hb_file_chooser_ask_finish (result, &error);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path)
    hb_window_export_to (self, path);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("The Bundle Was Not Exported"),
                                                                             error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
missing_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       HbWindow      *self)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *id = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));

  gtk_window_close (GTK_WINDOW (dialog));
  _hb_window_show_checklist_item (self, id);
}

/* Export on a post that is not ready says what is missing, each item a
 * row that leads to it, rather than doing nothing. */
static void
explain_missing (HbWindow *self)
{
  GPtrArray *statuses = hb_document_get_statuses (self->document);
  HbLang lang = _hb_window_ui_lang (self);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not Ready to Export"),
                                              _("These checklist items are not complete yet. Choose one to go to it."));
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_name (dialog, "export_guidance");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What is missing"), -1);
  for (guint i = 0; statuses && i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];
      GtkWidget *row;

      if (s->complete)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->item->label[lang]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->reason ? s->reason : s->item->clause);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, s->item->id);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  /* Every item complete, but the photos and videos not all measured (or
   * their findings not made) yet: they could still change the verdict. */
  if (gtk_widget_get_first_child (list) == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("Hebahan is still checking the post’s photos and videos. Try again in a moment."));
      gtk_widget_set_visible (scroll, FALSE);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (missing_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroll);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A name ending in .zip gives a zip archive, any other a folder. */
void
_hb_window_export_action (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);
  g_autofree char *bundle = hb_bundle_default_name (hb_document_get_post (self->document));
  g_autofree char *name = g_strconcat (bundle, ".zip", NULL);

  if (!hb_document_get_can_export (self->document))
    {
      /* What was held back until a field was left shows now. */
      _hb_window_reveal_missing (self);
      explain_missing (self);
      return;
    }
  hb_file_chooser_ask_async (GTK_WINDOW (self), HB_CHOOSE_EXPORT_BUNDLE, name, NULL,
                             export_chosen, g_object_ref (self));
}

void
_hb_window_cancel_export (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  hb_document_cancel_export (HB_WINDOW (widget)->document);
}

static void
begin_print (GtkPrintOperation *op,
             GtkPrintContext   *context,
             HbSignoff         *sheet)
{
  guint pages = hb_signoff_layout (sheet, gtk_print_context_get_cairo_context (context),
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (op, pages);
}

static void
draw_page (GtkPrintOperation *op,
           GtkPrintContext   *context,
           int                page,
           HbSignoff         *sheet)
{
  hb_signoff_draw_page (sheet, gtk_print_context_get_cairo_context (context), page);
}

/* "Print to File" offers the programme's name (not output.pdf), in the
 * folder the officer used last or Documents. */
static void
propose_file_name (HbWindow          *self,
                   GtkPrintOperation *op)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *title = hb_post_dup_title (hb_document_get_post (self->document));
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *folder = *last && g_file_test (last, G_FILE_TEST_IS_DIR) ? last
                       : documents ? documents : g_get_home_dir ();
  g_autofree char *name = NULL, *file = NULL, *path = NULL, *uri = NULL;

  /* TRANSLATORS: the file name Print to File offers; %s is the programme */
  name = g_strdup_printf (_("Sign-off sheet — %s"), title && *title ? title : _("New Post"));
  g_strdelimit (name, "/\\", '-');
  file = g_strconcat (name, ".pdf", NULL);
  path = g_build_filename (folder, file, NULL);
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  if (uri)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_operation_set_print_settings (op, settings);
}

/* @pdf NULL: the print dialog; else straight to that PDF through the same
 * print path (GTK_PRINT_OPERATION_ACTION_EXPORT), as "Print to File". */
static void
run_print (HbWindow   *self,
           HbSignoff  *sheet,
           const char *pdf)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (op, setup);
  /* The sheet is laid out in points, as in the PDF. */
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, _("Sign-off sheet"));
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print), sheet);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page), sheet);
  g_object_set_data_full (G_OBJECT (op), "hb-sheet", sheet, (GDestroyNotify) hb_signoff_free);
  if (pdf)
    gtk_print_operation_set_export_filename (op, pdf);
  else
    propose_file_name (self, op);
  if (gtk_print_operation_run (op, pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                       : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _hb_window_show_error (self, _("The sign-off sheet was not printed"), error->message);
}

static void
sheet_ready (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HbWindowCall) call = user_data;
  HbSignoff *sheet = hb_document_signoff_finish (HB_DOCUMENT (source), result, NULL);

  if (sheet)
    run_print (call->self, sheet, call->path);
}

/* The same sheet as signoff.pdf, through the print dialog (preview and
 * Print to File included), or to @pdf; with the digest of the last
 * export, if any.  Nothing before the post's first lint. */
void
hb_window_print_signoff (HbWindow   *self,
                         const char *pdf)
{
  HbWindowCall *call;

  g_return_if_fail (HB_IS_WINDOW (self));

  if (hb_document_get_statuses (self->document) == NULL)
    return;
  call = _hb_window_call_new (self);
  call->path = g_strdup (pdf);
  hb_document_signoff_async (self->document, NULL, sheet_ready, call);
}

void
_hb_window_print_action (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  hb_window_print_signoff (HB_WINDOW (widget), NULL);
}
