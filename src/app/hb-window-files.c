/* hb-window-files.c — HbWindow's drafts: opening and saving off the main
 * thread, the file choosers (GtkFileDialog from GTK 4.10; the
 * portal-aware native chooser on 4.8), recent files and crash recovery. */
#include <glib/gi18n.h>
#include <string.h>

#include "hb-autosave.h"
#include "hb-bundle.h"
#include "hb-draft.h"
#include "hb-window-private.h"

/* ------------------------------------------------------------------ */
/* Opening and saving                                                  */

void
_hb_window_show_error (HbWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HbPost *post = hb_draft_load (task_data, cancellable, &error);

  if (post == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, post, g_object_unref);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPost) post = g_task_propagate_pointer (G_TASK (result), &error);

  self->pending_io--;
  if (post == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _hb_window_show_error (self, heading, error->message);
      return;
    }
  _hb_window_drop_autosave (self);
  g_set_object (&self->file, file);
  _hb_window_set_post (self, post);
  _hb_window_set_modified (self, FALSE);
  remember_recent (file);
}

void
hb_window_open_file (HbWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, load_done, g_object_ref (self));

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  self->pending_io++;
  g_task_run_in_thread (task, load_thread);
}

typedef struct
{
  GBytes   *bytes;
  GFile    *file;
  guint64   generation;
  gboolean  close_after;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_bytes_unref (job->bytes);
  g_object_unref (job->file);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (hb_draft_save_bytes (job->bytes, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->pending_io--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The post stays open and modified, and the autosave keeps it safe. */
      _hb_window_show_error (self, _("The draft was not saved"), error->message);
      return;
    }
  g_set_object (&self->file, job->file);
  remember_recent (job->file);
  if (job->generation == self->generation)
    {
      _hb_window_drop_autosave (self);
      _hb_window_set_modified (self, FALSE);
    }
  _hb_window_toast (self, _("Draft saved"));
  if (job->close_after)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_to (HbWindow *self,
         GFile    *file,
         gboolean  close_after)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, save_done, g_object_ref (self));
  SaveJob *job = g_new0 (SaveJob, 1);

  job->bytes = hb_draft_to_bytes (self->post, dir);
  job->file = g_object_ref (file);
  job->generation = self->generation;
  job->close_after = close_after;
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  self->pending_io++;
  g_task_run_in_thread (task, save_thread);
}

static GFile *
with_extension (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path && !g_str_has_suffix (path, ".hebahan"))
    {
      g_autofree char *fixed = g_strconcat (path, ".hebahan", NULL);
      return g_file_new_for_path (fixed);
    }
  return g_object_ref (file);
}

/* ------------------------------------------------------------------ */
/* File chooser (GtkFileDialog from GTK 4.10; the portal-aware native
 * chooser on 4.8)                                                     */



void
_hb_window_file_chosen (HbWindow   *self,
             GFile      *file,
             ChooseMode  mode)
{
  g_autoptr(GFile) target = NULL;

  if (mode == CHOOSE_OPEN)
    {
      /* An untouched new post is replaced; otherwise a new window opens. */
      if (self->modified || self->file)
        {
          HbWindow *other = hb_window_new (self->app);

          hb_window_open_file (other, file);
          gtk_window_present (GTK_WINDOW (other));
        }
      else
        hb_window_open_file (self, file);
      return;
    }
  if (mode == CHOOSE_EXPORT)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path)
        hb_window_export_to (self, path);
      return;
    }
  target = with_extension (file);
  save_to (self, target, mode == CHOOSE_SAVE_AND_CLOSE);
}

static GtkFileFilter *
draft_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Hebahan drafts"));
  gtk_file_filter_add_pattern (filter, "*.hebahan");
  return filter;
}

/* A name ending in .zip gives a zip archive, any other a folder. */
static char *
suggested_name (HbWindow   *self,
                ChooseMode  mode)
{
  g_autofree char *title = hb_post_dup_title (self->post);
  g_autofree char *base = title ? g_strdelimit (g_strdup (title), "/\\:*?\"<>|\n", '-') : g_strdup (C_("default file name", "Post"));

  if (mode == CHOOSE_EXPORT)
    {
      g_autofree char *bundle = hb_bundle_default_name (self->post);
      return g_strconcat (bundle, ".zip", NULL);
    }
  return g_strconcat (base, ".hebahan", NULL);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
dialog_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  ChooseMode mode = GPOINTER_TO_INT (g_object_get_data (source, "hb-mode"));
  g_autoptr(GFile) file = mode == CHOOSE_OPEN
    ? gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL)
    : gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file)
    _hb_window_file_chosen (self, file, mode);
}

void
_hb_window_choose_file (HbWindow   *self,
             ChooseMode  mode)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = draft_filter ();

  if (mode != CHOOSE_EXPORT)
    gtk_file_dialog_set_default_filter (dialog, filter);
  g_object_set_data (G_OBJECT (dialog), "hb-mode", GINT_TO_POINTER (mode));
  if (mode == CHOOSE_OPEN)
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, dialog_done, g_object_ref (self));
  else
    {
      g_autofree char *name = suggested_name (self, mode);

      gtk_file_dialog_set_initial_name (dialog, name);
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, dialog_done, g_object_ref (self));
    }
}
#else
/* The chooser's "Save as" choice decides zip or folder; the name follows. */
static GFile *
export_target (GtkNativeDialog *native,
               GFile           *file)
{
  const char *format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "format");
  g_autofree char *path = g_file_get_path (file);
  gboolean zip = g_strcmp0 (format, "folder") != 0;

  if (path == NULL)
    return g_object_ref (file);
  if (zip && !g_str_has_suffix (path, ".zip"))
    {
      g_autofree char *with_zip = g_strconcat (path, ".zip", NULL);
      return g_file_new_for_path (with_zip);
    }
  if (!zip && g_str_has_suffix (path, ".zip"))
    path[strlen (path) - 4] = '\0';
  return g_file_new_for_path (path);
}

static void
native_response (GtkNativeDialog *native,
                 int              response,
                 HbWindow        *self)
{
  ChooseMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "hb-mode"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) chosen = mode == CHOOSE_EXPORT ? export_target (native, file) : g_object_ref (file);

      _hb_window_file_chosen (self, chosen, mode);
    }
  g_object_unref (native);
}

void
_hb_window_choose_file (HbWindow   *self,
             ChooseMode  mode)
{
  gboolean open = mode == CHOOSE_OPEN, export = mode == CHOOSE_EXPORT;
  g_autoptr(GtkFileFilter) filter = draft_filter ();
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (open ? _("Open a Draft") : export ? _("Export the Bundle") : _("Save the Draft"),
                                 GTK_WINDOW (self),
                                 open ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                 open ? _("_Open") : export ? _("_Export") : _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (export)
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _("Save as"),
                                 (const char *[]) { "zip", "folder", NULL },
                                 (const char *[]) { _("Zip archive"), _("Folder"), NULL });
  else
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (export)
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", "zip");
  if (!open)
    {
      g_autofree char *name = suggested_name (self, mode);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_object_set_data (G_OBJECT (native), "hb-mode", GINT_TO_POINTER (mode));
  g_signal_connect (native, "response", G_CALLBACK (native_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
#endif

void
_hb_window_save_or_ask (HbWindow *self,
             gboolean  close_after)
{
  if (self->file)
    save_to (self, self->file, close_after);
  else
    _hb_window_choose_file (self, close_after ? CHOOSE_SAVE_AND_CLOSE : CHOOSE_SAVE);
}

/* ------------------------------------------------------------------ */
/* Recovery after a crash                                              */

static void
recovery_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  HbRecovery *r = hb_autosave_find_finish (result, NULL);
  g_autofree char *title = NULL, *when = NULL, *text = NULL;

  if (r == NULL)
    return;
  title = hb_post_dup_title (r->post);
  /* The date too: the session that died may have been days ago. */
  when = g_date_time_format (r->when, "%x %X");
  text = g_strdup_printf (_("Unsaved work was found from a session that ended unexpectedly: “%s”, last changed %s."),
                          title ? title : _("New Post"), when);
  gtk_label_set_label (self->recovery_label, text);
  g_object_set_data_full (G_OBJECT (self), "hb-recovery", r, (GDestroyNotify) hb_recovery_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-recovery", TRUE);
  gtk_revealer_set_reveal_child (self->recovery_revealer, TRUE);
}

void
hb_window_offer_recovery (HbWindow *self)
{
  hb_autosave_find_async (self->cancellable, recovery_found, g_object_ref (self));
}

void
_hb_window_recover (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);
  g_autoptr(HbRecovery) r = g_object_steal_data (G_OBJECT (self), "hb-recovery");

  gtk_revealer_set_reveal_child (self->recovery_revealer, FALSE);
  if (r == NULL)
    return;
  _hb_window_drop_autosave (self);
  g_set_object (&self->file, r->origin);
  _hb_window_set_post (self, r->post);
  /* Keep writing to the same backup until the user saves. */
  self->autosave_path = g_steal_pointer (&r->path);
  _hb_window_set_modified (self, TRUE);
}

void
_hb_window_discard_recovery (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  HbWindow *self = HB_WINDOW (widget);
  g_autoptr(HbRecovery) r = g_object_steal_data (G_OBJECT (self), "hb-recovery");

  gtk_revealer_set_reveal_child (self->recovery_revealer, FALSE);
  if (r)
    hb_autosave_delete (r->path);
}
