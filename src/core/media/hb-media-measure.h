/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-measure.h — measuring a post's photos and videos, the one way
 * the window and hebahan-cli both use. */
#pragma once

#include <gio/gio.h>

#include "hb-media.h"
#include "hb-media-item.h"
#include "hb-post.h"

G_BEGIN_DECLS

guint    hb_post_measure_media        (HbPost              *post,
                                       GCancellable        *cancellable);
void     hb_media_item_measure_async  (HbMediaItem         *item,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean hb_media_item_measure_finish (HbMediaItem         *item,
                                       GAsyncResult        *result,
                                       GError             **error);
gboolean hb_media_item_measure_from_load (HbMediaItem       *item,
                                          const HbMediaInfo *info);

G_END_DECLS
