/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-window-files.c — HbWindow's drafts: opening and saving (the
 * document does the work off the main thread; this asks where, and
 * reports), recent files and crash recovery. */
#include "config.h"

#include <glib/gi18n.h>

#include "hb-file-chooser.h"
#include "hb-window-private.h"

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
opened (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(HbWindowCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!hb_document_load_finish (HB_DOCUMENT (source), result, &error))
    {
      HbWindow *self = call->self;
      g_autofree char *name = g_file_get_basename (call->file);
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _hb_window_show_error (self, heading, error->message);
      return;
    }
  remember_recent (call->file);
}

/* Opens the draft @file in this window, in place of its post. */
void
hb_window_open_file (HbWindow *self,
                     GFile    *file)
{
  HbWindowCall *call;

  g_return_if_fail (HB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  call = _hb_window_call_new (self);
  call->file = g_object_ref (file);
  hb_document_load_async (self->document, file, NULL, opened, call);
}

/* An untouched new post is replaced; otherwise a new window opens. */
void
_hb_window_open_here_or_new (HbWindow *self,
                             GFile    *file)
{
  HbWindow *target = self;

  if (hb_document_get_modified (self->document) || hb_document_get_file (self->document))
    {
      target = hb_window_new (self->app);
      gtk_window_present (GTK_WINDOW (target));
    }
  hb_window_open_file (target, file);
}

static void
open_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HbWindow) self = user_data;
  g_autoptr(GFile) file = hb_file_chooser_ask_finish (result, NULL);

  if (file)
    _hb_window_open_here_or_new (self, file);
}

void
_hb_window_open (HbWindow *self)
{
  hb_file_chooser_ask_async (GTK_WINDOW (self), HB_CHOOSE_OPEN_DRAFT, NULL, NULL,
                             open_chosen, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(HbWindowCall) call = user_data;
  HbWindow *self = call->self;
  g_autoptr(GError) error = NULL;

  if (!hb_document_save_finish (HB_DOCUMENT (source), result, &error))
    {
      /* The post stays open and modified, and the autosave keeps it safe. */
      _hb_window_show_error (self, _("The draft was not saved"), error->message);
      return;
    }
  remember_recent (hb_document_get_file (self->document));
  _hb_window_toast (self, _("Draft saved"));
  if (call->close_after)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_to (HbWindow *self,
         GFile    *file,
         gboolean  close_after)
{
  HbWindowCall *call = _hb_window_call_new (self);

  call->close_after = close_after;
  hb_document_save_async (self->document, file, NULL, saved, call);
}

static void
save_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HbWindowCall) call = user_data;
  g_autoptr(GFile) file = hb_file_chooser_ask_finish (result, NULL);

  if (file)
    save_to (call->self, file, call->close_after);
}

/* The name offered for a new draft: the post's title, made safe. */
static char *
suggested_name (HbWindow *self)
{
  g_autofree char *title = hb_post_dup_title (hb_document_get_post (self->document));
  g_autofree char *base = title ? g_strdelimit (g_strdup (title), "/\\:*?\"<>|\n", '-')
                                : g_strdup (C_("default file name", "Post"));

  return g_strconcat (base, ".hebahan", NULL);
}

/* Saves to the draft's file, or asks where first (always with @ask, as
 * Save As does); then closes the window if @close_after. */
void
_hb_window_save (HbWindow *self,
                 gboolean  ask,
                 gboolean  close_after)
{
  g_autofree char *name = NULL;
  HbWindowCall *call;

  if (!ask && hb_document_get_file (self->document))
    {
      save_to (self, NULL, close_after);
      return;
    }
  name = suggested_name (self);
  call = _hb_window_call_new (self);
  call->close_after = close_after;
  hb_file_chooser_ask_async (GTK_WINDOW (self), HB_CHOOSE_SAVE_DRAFT, name, NULL,
                             save_chosen, call);
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
  g_return_if_fail (HB_IS_WINDOW (self));

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
  if (r)
    hb_document_recover (self->document, r);
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
