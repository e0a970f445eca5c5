/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-sha256.h — SHA-256 as lowercase hex, through nettle, which uses the
 * CPU's SHA instructions (about ten times GChecksum's speed): media
 * digests, bundle files and their verification all go through here. */
#pragma once

#include <gio/gio.h>
#include <nettle/sha2.h>

G_BEGIN_DECLS

typedef struct sha256_ctx HbSha256;

void  hb_sha256_init       (HbSha256      *sha);
void  hb_sha256_update     (HbSha256      *sha,
                            const void    *data,
                            gsize          len);
char *hb_sha256_finish_hex (HbSha256      *sha);
char *hb_sha256_hex        (const void    *data,
                            gsize          len);
char *hb_sha256_file       (const char    *path,
                            GCancellable  *cancellable,
                            GError       **error);

char *hb_sha256_fd         (int            fd,
                            GCancellable  *cancellable,
                            GError       **error);

G_END_DECLS
