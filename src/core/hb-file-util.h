/* hb-file-util.h — file-system helpers GLib does not have. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void hb_file_remove_tree (const char *path);

G_END_DECLS
