/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-measure.h — measuring a post's photos and videos without a
 * window, so that hebahan-cli lints a draft as the window does. */
#pragma once

#include <gio/gio.h>

#include "hb-post.h"

G_BEGIN_DECLS

guint hb_post_measure_media (HbPost       *post,
                             GCancellable *cancellable);

G_END_DECLS
