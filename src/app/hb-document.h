/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-document.h — one open post and everything done to it, without any
 * widget: its file, whether it has unsaved changes, the automatic backup,
 * linting, the findings and the checklist, and the long operations
 * (open, save, export, the sign-off sheet, the website check). */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "hb-autosave.h"
#include "hb-link-cache.h"
#include "hb-policy.h"
#include "hb-post.h"
#include "hb-post-lint.h"
#include "hb-signoff.h"
#include "hb-site-check.h"

G_BEGIN_DECLS

#define HB_DOCUMENT_DEFAULT_AUTOSAVE_MS 2000

#define HB_TYPE_DOCUMENT (hb_document_get_type ())
G_DECLARE_FINAL_TYPE (HbDocument, hb_document, HB, DOCUMENT, GObject)

HbDocument  *hb_document_new                 (GSettings           *settings,
                                              HbLinkCache         *link_cache,
                                              SoupSession         *session);
HbPost      *hb_document_get_post            (HbDocument          *self);
GFile       *hb_document_get_file            (HbDocument          *self);
void         hb_document_replace             (HbDocument          *self,
                                              HbPost              *post,
                                              GFile               *file);
void         hb_document_recover             (HbDocument          *self,
                                              HbRecovery          *recovery);
HbPolicy    *hb_document_get_policy          (HbDocument          *self);
void         hb_document_set_policy          (HbDocument          *self,
                                              HbPolicy            *policy);
const char  *hb_document_get_title           (HbDocument          *self);
gboolean     hb_document_get_modified        (HbDocument          *self);
void         hb_document_set_modified        (HbDocument          *self,
                                              gboolean             modified);
gboolean     hb_document_get_busy            (HbDocument          *self);
gboolean     hb_document_get_linting         (HbDocument          *self);
gboolean     hb_document_get_checking_links  (HbDocument          *self);
gboolean     hb_document_get_exporting       (HbDocument          *self);
gboolean     hb_document_get_can_export      (HbDocument          *self);
HbLang       hb_document_get_ui_lang         (HbDocument          *self);

void         hb_document_queue_lint          (HbDocument          *self);
GPtrArray   *hb_document_get_findings        (HbDocument          *self);
GListModel  *hb_document_get_finding_model   (HbDocument          *self);
GPtrArray   *hb_document_get_statuses        (HbDocument          *self);
void         hb_document_refresh_checklist   (HbDocument          *self);
void         hb_document_acknowledge         (HbDocument          *self,
                                              const char          *rule_id,
                                              const char          *text,
                                              const char          *reason);

guint        hb_document_get_autosave_delay  (HbDocument          *self);
void         hb_document_set_autosave_delay  (HbDocument          *self,
                                              guint                ms);
const char  *hb_document_get_autosave_path   (HbDocument          *self);
void         hb_document_drop_autosave       (HbDocument          *self);
const char  *hb_document_get_manifest_sha256 (HbDocument          *self);

void         hb_document_load_async          (HbDocument          *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     hb_document_load_finish         (HbDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void         hb_document_save_async          (HbDocument          *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     hb_document_save_finish         (HbDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void         hb_document_export_async        (HbDocument          *self,
                                              const char          *dest,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     hb_document_export_finish       (HbDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void         hb_document_cancel_export       (HbDocument          *self);
void         hb_document_signoff_async       (HbDocument          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
HbSignoff   *hb_document_signoff_finish      (HbDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void         hb_document_check_website_async (HbDocument          *self,
                                              const char          *listing_url,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
HbSiteCheckResult *hb_document_check_website_finish (HbDocument   *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean     hb_document_record_site_match   (HbDocument          *self,
                                              const HbSiteMatch   *match,
                                              GError             **error);
void         hb_document_check_links_async   (HbDocument          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray   *hb_document_check_links_finish  (HbDocument          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void         hb_document_cancel              (HbDocument          *self);

G_END_DECLS
