/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-file-util.h — file-system helpers GLib does not have. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Drafts and bundles are written as ".NAME" HB_FILE_TEMP_INFIX "XXXXXX"
 * beside NAME, then renamed: a file or folder so named is a write that
 * never finished. */
#define HB_FILE_TEMP_INFIX ".tmp-"
/* One older than this is no write in progress (a save takes milliseconds,
 * an export's files are touched as they are written) but one a killed
 * writer left behind. */
#define HB_FILE_TEMP_STALE_S 60

void     hb_file_remove_tree        (const char  *path);
gboolean hb_file_is_temp_name       (const char  *name,
                                     const char  *base);
void     hb_file_remove_stale_temps (const char  *dir,
                                     const char  *base);
gboolean hb_file_check_regular    (GFile         *file,
                                   goffset        max_size,
                                   GCancellable  *cancellable,
                                   GError       **error);
int  hb_file_open_regular (const char  *path,
                           gboolean     follow,
                           goffset      max_size,
                           GError     **error);

G_END_DECLS
