/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bundle.h — the ready-to-post bundle (format in docs/cli.md): export,
 * atomically, as a folder or a .zip; and verification against its
 * manifest and SHA256SUMS. */
#pragma once

#include <gio/gio.h>

#include "hb-policy.h"
#include "hb-post.h"

G_BEGIN_DECLS

#define HB_BUNDLE_FORMAT "hebahan-bundle/2"

/* Called from the exporting thread: @fraction 0–1 and what is being
 * done, in the UI language.  Marshal to the main thread yourself
 * (hb_bundle_export_async() does). */
typedef void (*HbBundleProgress) (double      fraction,
                                  const char *what,
                                  gpointer    user_data);

typedef enum
{
  HB_BUNDLE_EXPORT_NONE    = 0,
  /* An existing .zip at the destination is replaced (the user was asked);
   * without it, it is refused with G_IO_ERROR_EXISTS.  A folder is never
   * replaced. */
  HB_BUNDLE_EXPORT_REPLACE = 1 << 0,
} HbBundleExportFlags;

/* Exports @post (every checklist item must be complete: otherwise
 * HB_ERROR_INCOMPLETE naming each missing item) to @dest: a folder path
 * that must not exist yet, or a path ending in ".zip".  Nothing is left
 * behind on failure or cancellation, and temporary folders a killed
 * export left beside @dest (over a minute old) are removed first.  Runs in the calling thread: call
 * from a worker.  @post must not change meanwhile (export a copy). */
gboolean   hb_bundle_export       (HbPolicy          *policy,
                                   HbPost            *post,
                                   const char        *dest,
                                   HbBundleProgress   progress,
                                   gpointer           user_data,
                                   GCancellable      *cancellable,
                                   char             **manifest_sha256,
                                   GError           **error);
/* hb_bundle_export() replaces an existing .zip (the window's file chooser
 * has asked); this one does so only with HB_BUNDLE_EXPORT_REPLACE. */
gboolean   hb_bundle_export_full  (HbPolicy           *policy,
                                   HbPost             *post,
                                   const char         *dest,
                                   HbBundleExportFlags flags,
                                   HbBundleProgress    progress,
                                   gpointer            user_data,
                                   GCancellable       *cancellable,
                                   char              **manifest_sha256,
                                   GError            **error);
void       hb_bundle_export_async (HbPolicy           *policy,
                                   HbPost             *post,
                                   const char         *dest,
                                   HbBundleExportFlags flags,
                                   HbBundleProgress    progress,
                                   gpointer            progress_data,
                                   GDestroyNotify      progress_notify,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);
char      *hb_bundle_export_finish (GAsyncResult      *result,
                                   GError            **error);
/* The default name: "<yyyy-mm-dd>-<slug>" from the event date (or today)
 * and the programme name. */
char      *hb_bundle_default_name (HbPost            *post);
/* Re-hashes every file of a bundle (folder or .zip, read alike) against
 * the manifest's list of files and SHA256SUMS.  Returns the problems, one
 * line each, naming the entry ("changed: media/01-x.jpg", "missing: …",
 * "added: …", "link: …", "special file: …", "outside the bundle: …");
 * empty when the bundle is intact.  NULL with @error when it cannot be
 * read at all (a FIFO or a device given as the bundle is refused, never
 * opened for reading). */
GPtrArray *hb_bundle_verify       (const char        *path,
                                   GError           **error);
/* The same, also returning the SHA-256 of the manifest.json found (NULL
 * when there is none), to compare with the one on the signed sheet. */
GPtrArray *hb_bundle_verify_full  (const char        *path,
                                   char             **manifest_sha256,
                                   GError           **error);

G_END_DECLS
