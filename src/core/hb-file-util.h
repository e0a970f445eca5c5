/* hb-file-util.h — file-system helpers GLib does not have. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void hb_file_remove_tree  (const char  *path);
int  hb_file_open_regular (const char  *path,
                           gboolean     follow,
                           goffset      max_size,
                           GError     **error);

G_END_DECLS
