/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-signoff.h — the printed sign-off sheet: A4, cairo + pango, shared by
 * signoff.pdf and GtkPrintOperation, in the post's language. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "hb-checklist.h"
#include "hb-policy.h"
#include "hb-post.h"

G_BEGIN_DECLS

#define HB_A4_WIDTH_PT  595.2756
#define HB_A4_HEIGHT_PT 841.8898

typedef struct _HbSignoff HbSignoff;

/* The longest side of a photo's thumbnail on the sheet, in pixels. */
#define HB_SIGNOFF_THUMB_SIZE 120

/* @statuses: hb_checklist_evaluate(); @findings: HbPostFinding (for the
 * acknowledged ones and their reasons); @manifest_sha256: of the bundle's
 * manifest.json, or NULL when printed before export ("not exported yet"). */
HbSignoff *hb_signoff_new        (HbPolicy    *policy,
                                  HbPost      *post,
                                  GPtrArray   *statuses,
                                  GPtrArray   *findings,
                                  const char  *manifest_sha256);
void       hb_signoff_new_async  (HbPolicy            *policy,
                                  HbPost              *post,
                                  GPtrArray           *statuses,
                                  GPtrArray           *findings,
                                  const char          *manifest_sha256,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
HbSignoff *hb_signoff_new_finish (GAsyncResult        *result,
                                  GError             **error);
/* The same, with the photos' thumbnails made already (GdkPixbuf, one per
 * media item, NULL where there is none yet): the export has the pixels
 * decoded anyway, and decoding thirty large photos again takes seconds. */
HbSignoff *hb_signoff_new_with_thumbnails (HbPolicy  *policy,
                                  HbPost      *post,
                                  GPtrArray   *statuses,
                                  GPtrArray   *findings,
                                  const char  *manifest_sha256,
                                  GPtrArray   *thumbnails);
/* Lays the sheet out for pages of @width × @height points drawn on
 * contexts like @cr; returns the number of pages. */
guint      hb_signoff_layout     (HbSignoff   *self,
                                  cairo_t     *cr,
                                  double       width,
                                  double       height);
void       hb_signoff_draw_page  (HbSignoff   *self,
                                  cairo_t     *cr,
                                  guint        page);
gboolean   hb_signoff_write_pdf  (HbSignoff   *self,
                                  const char  *path,
                                  GError     **error);
void       hb_signoff_free       (HbSignoff   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbSignoff, hb_signoff_free)

G_END_DECLS
