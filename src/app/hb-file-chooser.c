/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-file-chooser.c — see hb-file-chooser.h.  A dismissed chooser is
 * G_IO_ERROR_CANCELLED; a draft's name always ends in .hebahan, and an
 * export's in .zip unless the officer asked for a folder. */
#include "config.h"

#include "hb-file-chooser.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hb-application.h"

static GtkFileFilter *
draft_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Hebahan drafts"));
  gtk_file_filter_add_pattern (filter, "*.hebahan");
  return filter;
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

static GSettings *
app_settings (void)
{
  GApplication *app = g_application_get_default ();

  return HB_IS_APPLICATION (app) ? hb_application_get_settings (HB_APPLICATION (app)) : NULL;
}

/* Where a chooser opens: the folder used last, else Documents, else the
 * home folder — never the working folder the app was started in. */
static GFile *
start_folder (void)
{
  GSettings *settings = app_settings ();
  g_autofree char *last = settings ? g_settings_get_string (settings, "last-folder") : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last && *last && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  if (documents && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
remember_folder (GFile *file)
{
  GSettings *settings = app_settings ();
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;

  if (settings && path)
    g_settings_set_string (settings, "last-folder", path);
}

static void
return_file (GTask        *task,
             HbChooseKind  kind,
             GFile        *file)
{
  if (file)
    remember_folder (file);
  if (file == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));
  else if (kind == HB_CHOOSE_SAVE_DRAFT)
    g_task_return_pointer (task, with_extension (file), g_object_unref);
  else
    g_task_return_pointer (task, g_object_ref (file), g_object_unref);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
dialog_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HbChooseKind kind = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GFile) file = kind == HB_CHOOSE_OPEN_DRAFT
    ? gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL)
    : gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  return_file (task, kind, file);
}

static void
ask (GtkWindow    *parent,
     HbChooseKind  kind,
     const char   *suggested_name,
     GTask        *task)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = draft_filter ();
  g_autoptr(GFile) folder = start_folder ();

  gtk_file_dialog_set_initial_folder (dialog, folder);

  if (kind != HB_CHOOSE_EXPORT_BUNDLE)
    gtk_file_dialog_set_default_filter (dialog, filter);
  if (kind == HB_CHOOSE_OPEN_DRAFT)
    gtk_file_dialog_open (dialog, parent, NULL, dialog_done, task);
  else
    {
      gtk_file_dialog_set_initial_name (dialog, suggested_name);
      gtk_file_dialog_save (dialog, parent, NULL, dialog_done, task);
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
                 GTask           *task)
{
  HbChooseKind kind = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      chosen = kind == HB_CHOOSE_EXPORT_BUNDLE ? export_target (native, file) : g_object_ref (file);
    }
  /* The chooser asked before replacing what the officer typed; a name
   * it completed with .zip was never asked about, so it is not replaced. */
  if (chosen != NULL && !g_file_equal (file, chosen) && g_file_query_exists (chosen, NULL))
    {
      g_autofree char *name = g_file_get_basename (chosen);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("“%s” already exists. To replace it, type its whole name, with .zip; "
                                 "otherwise choose another name."), name);
    }
  else
    return_file (task, kind, chosen);
  g_object_unref (task);
  g_object_unref (native);
}

static void
ask (GtkWindow    *parent,
     HbChooseKind  kind,
     const char   *suggested_name,
     GTask        *task)
{
  gboolean open = kind == HB_CHOOSE_OPEN_DRAFT, export = kind == HB_CHOOSE_EXPORT_BUNDLE;
  g_autoptr(GtkFileFilter) filter = draft_filter ();
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (open ? _("Open a Draft") : export ? _("Export the Bundle") : _("Save the Draft"),
                                 parent,
                                 open ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                 open ? _("_Open") : export ? _("_Export") : _("_Save"), _("_Cancel"));

  g_autoptr(GFile) folder = start_folder ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  if (export)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _("Save as"),
                                   (const char *[]) { "zip", "folder", NULL },
                                   (const char *[]) { _("Zip archive"), _("Folder"), NULL });
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", "zip");
    }
  else
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (!open)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  g_signal_connect (native, "response", G_CALLBACK (native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
#endif

/* Asks for a draft to open, a place to save one, or where to export a
 * bundle (a name ending in .zip gives a zip archive, any other a folder);
 * @suggested_name is the name offered when saving. */
void
hb_file_chooser_ask_async (GtkWindow           *parent,
                           HbChooseKind         kind,
                           const char          *suggested_name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (kind <= HB_CHOOSE_EXPORT_BUNDLE);
  g_return_if_fail (kind == HB_CHOOSE_OPEN_DRAFT || suggested_name != NULL);

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_file_chooser_ask_async);
  g_task_set_task_data (task, GINT_TO_POINTER (kind), NULL);
  ask (parent, kind, suggested_name, task);
}

GFile *
hb_file_chooser_ask_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_file_chooser_ask_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
