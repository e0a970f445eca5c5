/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-reencode.h — the bundle's photos, re-encoded on every core.
 *
 * A photo is decoded no larger than the selected platforms accept, turned
 * upright, fitted, and encoded again with nothing but its pixels (no EXIF,
 * GPS, XMP or comments).  Items are pushed in order and waited for in
 * order, so the bundle is written sequentially (as a .zip must be) while
 * the next photos are already being prepared.  Each photo is read once,
 * only if it is a regular file and at most 256 MiB, and those bytes are
 * both hashed (to prove it is still the file that was reviewed) and
 * decoded; a JPEG or PNG cut short is refused rather than re-encoded half
 * grey.  Each
 * photo gives the sign-off sheet its thumbnail from the pixels already
 * decoded. */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char    *source;          /* the file */
  gboolean photo;           /* re-encode it; otherwise nothing is done */
  char    *source_sha256;   /* photos: of the bytes read and decoded */
  GBytes  *data;            /* photos: the encoded image */
  gboolean png;             /* photos: PNG (kept PNG) rather than JPEG */
  int      width, height;   /* photos: of the encoded image */
  GdkPixbuf *thumbnail;     /* photos: for the sign-off sheet, if asked for */
  GError  *error;           /* what went wrong, if anything */
} HbReencodeJob;

typedef struct _HbReencoder HbReencoder;

HbReencoder         *hb_reencoder_new  (guint          max_width,
                                        guint          max_height,
                                        gboolean       png_ok,
                                        int            thumb_size,
                                        GCancellable  *cancellable);
void                 hb_reencoder_push (HbReencoder   *self,
                                        const char    *source,
                                        gboolean       photo);
const HbReencodeJob *hb_reencoder_wait (HbReencoder   *self,
                                        guint          index);
void                 hb_reencoder_free (HbReencoder   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbReencoder, hb_reencoder_free)

G_END_DECLS
