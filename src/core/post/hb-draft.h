/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-draft.h — `.hebahan` draft files: loading with every check and
 * limit, saving atomically (the format is described in docs/cli.md). */
#pragma once

#include <gio/gio.h>

#include "hb-file-util.h"
#include "hb-post.h"

G_BEGIN_DECLS

#define HB_DRAFT_FORMAT "hebahan-draft/1"
/* Saving writes ".NAME" HB_DRAFT_TEMP_INFIX "XXXXXX" beside NAME, then
 * renames it: a file so named is a save that never finished. */
#define HB_DRAFT_TEMP_INFIX HB_FILE_TEMP_INFIX
#define HB_DRAFT_TEMP_STALE_S HB_FILE_TEMP_STALE_S

/* Media paths are stored relative to the draft's folder when the file is
 * inside it, so a draft and its photos can be moved together. */
HbPost   *hb_draft_load       (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error);
void      hb_draft_load_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
HbPost   *hb_draft_load_finish (GAsyncResult       *result,
                                GError            **error);
HbPost   *hb_draft_load_bytes (GBytes        *bytes,
                               GFile         *base_dir,
                               GError       **error);
GBytes   *hb_draft_to_bytes   (HbPost        *post,
                               GFile         *base_dir);
HbPost   *hb_draft_copy       (HbPost        *post,
                               GError       **error);
gboolean  hb_draft_is_temp_name (const char  *name,
                                 const char  *base);
void      hb_draft_remove_stale_temps (const char *dir,
                                       const char *base);
gboolean  hb_draft_save_bytes (GBytes        *bytes,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error);
gboolean  hb_draft_save       (HbPost        *post,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error);
void      hb_draft_save_async (HbPost              *post,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
gboolean  hb_draft_save_finish (GAsyncResult       *result,
                                GError            **error);

G_END_DECLS
