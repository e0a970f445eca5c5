/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-file-chooser.h — asking where to open, save or export, the same way
 * everywhere: GtkFileDialog from GTK 4.10, the portal-aware native
 * chooser on 4.8.  Knows nothing of what is done with the file. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  HB_CHOOSE_OPEN_DRAFT,
  HB_CHOOSE_SAVE_DRAFT,
  HB_CHOOSE_EXPORT_BUNDLE,
} HbChooseKind;

void   hb_file_chooser_ask_async  (GtkWindow           *parent,
                                   HbChooseKind         kind,
                                   const char          *suggested_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
GFile *hb_file_chooser_ask_finish (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
