/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-autosave.h — backups of unsaved posts, and finding them again after
 * a crash. */
#pragma once

#include <gio/gio.h>

#include "hb-post.h"

G_BEGIN_DECLS

typedef struct
{
  char      *path;    /* the backup */
  GFile     *origin;  /* the draft it belongs to, or NULL for a new post */
  HbPost    *post;
  GDateTime *when;    /* last written */
} HbRecovery;

char       *hb_autosave_dir          (void);
char       *hb_autosave_new_path     (void);
void        hb_autosave_write_async  (const char          *path,
                                      GBytes              *draft,
                                      GFile               *origin,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    hb_autosave_write_finish (GAsyncResult        *result,
                                      GError             **error);
void        hb_autosave_delete       (const char          *path);
void        hb_autosave_find_async   (GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
HbRecovery *hb_autosave_find_finish  (GAsyncResult        *result,
                                      GError             **error);
void        hb_recovery_free         (HbRecovery          *recovery);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbRecovery, hb_recovery_free)

G_END_DECLS
