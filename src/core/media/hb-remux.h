/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-remux.h — videos for the bundle, copied without their metadata.
 *
 * Photos are re-encoded with nothing but their pixels; a video's streams
 * are copied as they are (re-encoding is the platform's job, and loses
 * quality) into a new container of the same kind, leaving behind the
 * camera's GPS position, make, model, serial number, owner and dates. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean hb_remux_strip (const char    *in,
                         const char    *out,
                         const char    *name,
                         GCancellable  *cancellable,
                         GError       **error);

G_END_DECLS
