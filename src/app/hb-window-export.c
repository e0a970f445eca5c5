/* hb-window-export.c — HbWindow's export of the bundle (in a worker,
 * with progress and Cancel) and printing of the sign-off sheet. */
#include <glib/gi18n.h>

#include "hb-bundle.h"
#include "hb-draft.h"
#include "hb-signoff.h"
#include "hb-window-private.h"

/* ------------------------------------------------------------------ */
/* Export and the sign-off sheet                                       */

typedef struct
{
  HbWindow *self;
  double    fraction;
  char     *what;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;

  gtk_progress_bar_set_fraction (p->self->export_progress, p->fraction);
  gtk_progress_bar_set_text (p->self->export_progress, p->what);
  g_object_unref (p->self);
  g_free (p->what);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* Called in the export thread: hand the figures to the main loop. */
static void
export_progress (double      fraction,
                 const char *what,
                 gpointer    user_data)
{
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (user_data);
  p->fraction = fraction;
  p->what = g_strdup (what);
  g_idle_add (show_progress, p);
}

typedef struct
{
  HbPolicy *policy;
  HbPost   *post;   /* a copy: the officer may keep editing meanwhile */
  char     *dest;
  HbWindow *self;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->policy);
  g_object_unref (job->post);
  g_free (job->dest);
  g_object_unref (job->self);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  char *digest = NULL;

  if (hb_bundle_export (job->policy, job->post, job->dest, export_progress, job->self,
                        cancellable, &digest, &error))
    g_task_return_pointer (task, digest, g_free);
  else
    g_task_return_error (task, error);
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
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  char *digest = g_task_propagate_pointer (G_TASK (result), &error);

  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  g_clear_object (&self->export_cancellable);
  _hb_window_update_checklist (self);
  if (digest == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _hb_window_toast (self, _("Export cancelled; nothing was written"));
      else
        _hb_window_show_error (self, _("The bundle was not exported"), error->message);
      return;
    }
  g_free (self->manifest_sha256);
  self->manifest_sha256 = digest;
  notify_exported (self, job->dest);
}

/* Exports to @dest (a new folder, or a .zip) in a worker, with a progress
 * bar and Cancel; what the Export dialog does once a place is chosen. */
void
hb_window_export_to (HbWindow   *self,
                     const char *dest)
{
  g_autoptr(GBytes) bytes = hb_draft_to_bytes (self->post, NULL);
  g_autoptr(GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->policy = g_object_ref (hb_application_get_policy (self->app));
  job->post = hb_draft_load_bytes (bytes, NULL, NULL);
  job->dest = g_strdup (dest);
  job->self = g_object_ref (self);
  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->export_cancellable, export_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_progress_bar_set_text (self->export_progress, _("Preparing the bundle…"));
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  g_task_run_in_thread (task, export_thread);
}

void
_hb_window_export_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  _hb_window_choose_file (HB_WINDOW (widget), CHOOSE_EXPORT);
}

void
_hb_window_cancel_export (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);

  if (self->export_cancellable)
    g_cancellable_cancel (self->export_cancellable);
}

void
_hb_window_show_checklist_item (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);

  gtk_toggle_button_set_active (self->findings_toggle, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "checklist");
  gtk_menu_button_popdown (self->missing_button);
  hb_checklist_panel_focus_item (self->checklist_panel, g_variant_get_string (param, NULL));
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
  if (gtk_print_operation_run (op, pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                       : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _hb_window_show_error (self, _("The sign-off sheet was not printed"), error->message);
}

typedef struct
{
  HbPolicy  *policy;
  HbPost    *post;     /* a copy, read in the worker */
  GPtrArray *statuses;
  GPtrArray *findings;
  char      *digest;
  char      *pdf;
} SheetJob;

static void
sheet_job_free (SheetJob *job)
{
  g_object_unref (job->policy);
  g_object_unref (job->post);
  g_ptr_array_unref (job->statuses);
  g_ptr_array_unref (job->findings);
  g_free (job->digest);
  g_free (job->pdf);
  g_free (job);
}

/* The sheet reads every photo for its thumbnail: not on the UI thread. */
static void
sheet_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SheetJob *job = task_data;

  g_task_return_pointer (task, hb_signoff_new (job->policy, job->post, job->statuses,
                                               job->findings, job->digest),
                         (GDestroyNotify) hb_signoff_free);
}

static void
sheet_ready (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  SheetJob *job = g_task_get_task_data (G_TASK (result));
  HbSignoff *sheet = g_task_propagate_pointer (G_TASK (result), NULL);

  if (sheet)
    run_print (self, sheet, job->pdf);
  self->pending_io--;
}

/* The same sheet as signoff.pdf, through the print dialog (preview and
 * Print to File included), or to @pdf; with the digest of the last
 * export, if any. */
void
hb_window_print_signoff (HbWindow   *self,
                         const char *pdf)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;
  SheetJob *job;

  if (self->statuses == NULL || self->findings == NULL)
    return;
  bytes = hb_draft_to_bytes (self->post, NULL);
  job = g_new0 (SheetJob, 1);
  job->policy = g_object_ref (hb_application_get_policy (self->app));
  job->post = hb_draft_load_bytes (bytes, NULL, NULL);
  job->statuses = g_ptr_array_ref (self->statuses);
  job->findings = g_ptr_array_ref (self->findings);
  job->digest = g_strdup (self->manifest_sha256);
  job->pdf = g_strdup (pdf);
  task = g_task_new (NULL, self->cancellable, sheet_ready, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) sheet_job_free);
  self->pending_io++;
  g_task_run_in_thread (task, sheet_thread);
}

void
_hb_window_print_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  hb_window_print_signoff (HB_WINDOW (widget), NULL);
}
