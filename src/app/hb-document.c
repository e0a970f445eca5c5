/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-document.c — one open post and the work done on it (see
 * hb-document.h).  No widget: the window shows a document, the tests
 * drive one without a display.
 *
 * Every change to the post restarts the autosave timer and asks for a
 * lint.  Lints run in a worker on a snapshot of the post, one at a time:
 * a change during a lint marks the result stale (the generation counter
 * moves on) and a fresh lint follows, so typing never waits for the
 * linter and stale findings are never applied.
 */
#include "config.h"

#include "hb-document.h"

#include <glib/gi18n.h>

#include "hb-bundle.h"
#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-error.h"
#include "hb-finding-list.h"
#include "hb-link-check.h"
#include "hb-media-measure.h"

struct _HbDocument
{
  GObject        parent_instance;

  GSettings     *settings;        /* officer name, UI language, website listing */
  HbLinkCache   *link_cache;
  SoupSession   *session;         /* NULL: links are not checked */
  HbPolicy      *policy;
  HbPost        *post;
  GSignalGroup  *post_signals;
  GFile         *file;
  gboolean       modified;
  char          *title;
  gboolean       busy;            /* last value notified */
  GCancellable  *cancellable;     /* everything but export; cancelled with the document */

  /* linting */
  GPtrArray     *findings;        /* HbPostFinding of the last applied lint */
  HbFindingList *finding_model;
  GPtrArray     *statuses;        /* HbCheckStatus of the last lint */
  guint64        generation;      /* bumped on every post change */
  guint64        lint_generation; /* of the post the lint under way reads */
  gboolean       linting;
  gboolean       lint_again;
  gboolean       can_export;

  /* media, measured here rather than in the window's tiles, so that the
   * findings never wait for a widget and match hebahan-cli's */
  HbMediaItem   *measuring;       /* the item in the worker, one at a time */
  guint          photo_wait_id;   /* photos left to the window's tiles for a moment */
  gboolean       photos_now;      /* the tiles are not measuring them: do it here */
  gboolean       measured_unlinted; /* a measurement landed after the last applied lint */

  /* saving */
  guint          autosave_id;
  guint          autosave_ms;
  char          *autosave_path;
  guint          pending_io;

  /* export */
  GCancellable  *export_cancellable;
  char          *manifest_sha256; /* of the last export, for the printed sheet */

  /* links */
  GCancellable  *links_cancellable;
  char         **links_checking;  /* the addresses being checked */
};

G_DEFINE_FINAL_TYPE (HbDocument, hb_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POST,
  PROP_FILE,
  PROP_POLICY,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_LINTING,
  PROP_CHECKING_LINKS,
  PROP_EXPORTING,
  PROP_CAN_EXPORT,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { FINDINGS_CHANGED, CHECKLIST_CHANGED, EXPORT_PROGRESS, PROBLEM, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule_lint (HbDocument *self);
static void check_links   (HbDocument *self,
                           HbPostSnapshot *snapshot);

/* ------------------------------------------------------------------ */
/* State that others watch                                             */

static void
update_busy (HbDocument *self)
{
  gboolean busy = self->linting || self->lint_again || self->pending_io > 0 ||
                  self->autosave_id != 0 || self->measuring != NULL || self->photo_wait_id != 0;

  if (busy == self->busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_linting (HbDocument *self,
             gboolean    linting,
             gboolean    again)
{
  gboolean was = self->linting || self->lint_again;

  self->linting = linting;
  self->lint_again = again;
  if (was != (linting || again))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINTING]);
  update_busy (self);
}

static void
update_title (HbDocument *self)
{
  g_autofree char *title = self->post ? hb_post_dup_title (self->post) : NULL;

  if (title == NULL && self->file)
    title = g_file_get_basename (self->file);
  if (title == NULL)
    title = g_strdup (_("New Post"));
  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_file (HbDocument *self,
          GFile      *file)
{
  if (!g_set_object (&self->file, file))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_title (self);
}

/* Every item measured, or known to be unreadable (which hebahan-cli
 * reports the same way), and the findings made after the last of it. */
static gboolean
media_settled (HbDocument *self)
{
  return !self->measured_unlinted && hb_post_get_media_measured (self->post);
}

/* Not before the media are measured: hebahan-cli export measures them
 * first, and the window must not let through what it would refuse. */
static void
update_can_export (HbDocument *self)
{
  gboolean can = self->statuses && hb_checklist_is_complete (self->statuses) &&
                 self->export_cancellable == NULL && media_settled (self);

  if (can == self->can_export)
    return;
  self->can_export = can;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_EXPORT]);
}

static void
set_exporting (HbDocument   *self,
               GCancellable *cancellable)
{
  g_set_object (&self->export_cancellable, cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
  update_can_export (self);
}

static void
io_started (HbDocument *self)
{
  self->pending_io++;
  update_busy (self);
}

static void
io_ended (HbDocument *self)
{
  self->pending_io--;
  update_busy (self);
}

/* ------------------------------------------------------------------ */
/* Linting                                                             */

static void
apply_findings (HbDocument *self,
                GPtrArray  *findings)
{
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  /* Only a lint of the current generation is applied: it saw them all. */
  self->measured_unlinted = FALSE;
  hb_finding_list_set (self->finding_model, findings);
  /* Findings first, so the underlines are not kept waiting for the
   * checklist (which composes the whole caption again). */
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
  hb_document_refresh_checklist (self);
}

static void
lint_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HbDocument) self = user_data;
  g_autoptr(HbPostSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = hb_post_lint_snapshot_finish (result, &snapshot, &error);

  set_linting (self, FALSE, self->lint_again);
  if (findings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[PROBLEM], 0, error->message);
      return;
    }
  /* A result for text that has changed since would put underlines on the
   * wrong words; the follow-up lint brings the right ones. */
  if (self->lint_generation == self->generation)
    {
      apply_findings (self, findings);
      check_links (self, snapshot);
    }
  else
    g_ptr_array_unref (findings);
  if (self->lint_again)
    schedule_lint (self);
}

static void
schedule_lint (HbDocument *self)
{
  HbPostSnapshot *snapshot;

  if (self->linting || self->policy == NULL || self->post == NULL)
    {
      set_linting (self, self->linting, self->linting);
      return;
    }
  snapshot = hb_post_snapshot_new (self->post);
  /* What the link checker found so far turns into `link` findings. */
  if (self->link_cache)
    hb_post_snapshot_set_link_cache (snapshot, self->link_cache);
  self->lint_generation = self->generation;
  set_linting (self, TRUE, FALSE);
  hb_post_lint_snapshot_async (self->policy, snapshot, self->cancellable,
                               lint_done, g_object_ref (self));
}

/* Lints again now (or as soon as the lint under way ends): for a new
 * policy, a checked link, or a caller that changed what lints depend on. */
void
hb_document_queue_lint (HbDocument *self)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));

  schedule_lint (self);
}

HbLang
hb_document_get_ui_lang (HbDocument *self)
{
  g_autofree char *lang = NULL;
  HbLang out;

  g_return_val_if_fail (HB_IS_DOCUMENT (self), hb_lang_default ());

  if (self->settings == NULL)
    return hb_lang_default ();
  lang = g_settings_get_string (self->settings, "language");
  return hb_lang_from_string (lang, &out) ? out : hb_lang_default ();
}

/* Re-evaluated after every lint; export opens exactly when the last item
 * is complete. */
void
hb_document_refresh_checklist (HbDocument *self)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));

  if (self->policy == NULL || self->findings == NULL)
    return;
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  self->statuses = hb_checklist_evaluate (self->policy, self->post, self->findings,
                                          hb_document_get_ui_lang (self));
  update_can_export (self);
  g_signal_emit (self, signals[CHECKLIST_CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* Autosave (hb-autosave.c does the files)                             */

static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HbDocument) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hb_autosave_write_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("Automatic backup failed: %s"), error->message);
      g_signal_emit (self, signals[PROBLEM], 0, text);
    }
  io_ended (self);
}

static gboolean
autosave_now (gpointer user_data)
{
  HbDocument *self = user_data;
  /* Absolute media paths: the backup lives elsewhere than the draft. */
  g_autoptr(GBytes) bytes = hb_draft_to_bytes (self->post, NULL);

  self->autosave_id = 0;
  if (self->autosave_path == NULL)
    self->autosave_path = hb_autosave_new_path ();
  io_started (self);
  hb_autosave_write_async (self->autosave_path, bytes, self->file, self->cancellable,
                           autosave_done, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
hb_document_drop_autosave (HbDocument *self)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->autosave_path)
    hb_autosave_delete (self->autosave_path);
  g_clear_pointer (&self->autosave_path, g_free);
  update_busy (self);
}

/* ------------------------------------------------------------------ */
/* Measuring the media (hb-media-measure.c, as hebahan-cli does)       */

/* How long photos wait for the window's tiles after the last measurement
 * landed: longer than a tile takes to load a camera photo. */
#define PHOTO_WAIT_MS 1000

static void measure_media (HbDocument *self);

/* The measurements land on the item, whose ::measured brings a lint. */
static void
media_measured (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HbDocument) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hb_media_item_measure_finish (HB_MEDIA_ITEM (source), result, &error))
    g_debug ("%s: %s", hb_media_item_get_path (HB_MEDIA_ITEM (source)), error->message);
  g_clear_object (&self->measuring);
  measure_media (self);
  update_busy (self);
}

static gboolean
photo_wait_over (gpointer user_data)
{
  HbDocument *self = user_data;

  self->photo_wait_id = 0;
  self->photos_now = TRUE;
  measure_media (self);
  return G_SOURCE_REMOVE;
}

/* The first item of @kind neither measured nor known to be unreadable. */
static HbMediaItem *
next_to_measure (GListModel *media,
                 HbMediaKind kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);

      if (!hb_media_item_get_loaded (item) && hb_media_item_get_error (item) == NULL &&
          hb_media_item_get_kind (item) == kind)
        return g_steal_pointer (&item);
    }
  return NULL;
}

/* One item at a time.  Videos at once: only the core measures them.  A
 * photo shown in the window is measured from the very load that makes its
 * thumbnail (hb_media_item_measure_from_load(), in the tile), so the
 * document leaves photos to the tiles for as long as measurements keep
 * coming, then measures those still left itself: the findings never
 * depend on a tile, and a photo is decoded once, not twice. */
static void
measure_media (HbDocument *self)
{
  g_autoptr(HbMediaItem) item = NULL;
  GListModel *media;

  if (self->measuring || self->post == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  media = G_LIST_MODEL (hb_post_get_media (self->post));
  item = next_to_measure (media, HB_MEDIA_VIDEO);
  if (item == NULL && (item = next_to_measure (media, HB_MEDIA_PHOTO)) == NULL)
    {
      self->photos_now = FALSE;  /* caught up: new photos go to the tiles first again */
      g_clear_handle_id (&self->photo_wait_id, g_source_remove);
    }
  else if (hb_media_item_get_kind (item) == HB_MEDIA_VIDEO || self->photos_now)
    {
      self->measuring = g_steal_pointer (&item);
      hb_media_item_measure_async (self->measuring, self->cancellable, media_measured,
                                   g_object_ref (self));
    }
  else if (self->photo_wait_id == 0)
    self->photo_wait_id = g_timeout_add (PHOTO_WAIT_MS, photo_wait_over, self);
  update_busy (self);
}

/* New measurements of a photo: findings may change, the draft does not. */
static void
post_measured (HbDocument *self)
{
  self->generation++;
  self->measured_unlinted = TRUE;
  /* The tiles are at work: give them the time they need. */
  if (self->photo_wait_id)
    {
      g_source_remove (self->photo_wait_id);
      self->photo_wait_id = g_timeout_add (PHOTO_WAIT_MS, photo_wait_over, self);
    }
  measure_media (self);
  schedule_lint (self);
}

static void
post_changed (HbDocument *self)
{
  self->generation++;
  hb_document_set_modified (self, TRUE);
  update_title (self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (self->autosave_ms, autosave_now, self);
  measure_media (self);  /* a photo or video added */
  schedule_lint (self);
}

/* ------------------------------------------------------------------ */
/* The post and its file                                               */

static void
set_post (HbDocument *self,
          HbPost     *post)
{
  self->generation++;
  if (g_set_object (&self->post, post))
    {
      g_signal_group_set_target (self->post_signals, post);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
    }
  update_title (self);
  measure_media (self);
  schedule_lint (self);
}

/* Shows @post from @file (NULL: not saved yet) instead of the current
 * one, without unsaved changes; the old backup goes. */
void
hb_document_replace (HbDocument *self,
                     HbPost     *post,
                     GFile      *file)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (HB_IS_POST (post));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  hb_document_drop_autosave (self);
  set_file (self, file);
  set_post (self, post);
  hb_document_set_modified (self, FALSE);
}

/* Takes over a backup found after a crash: its post, its draft, and the
 * backup itself, which is kept up to date until the user saves. */
void
hb_document_recover (HbDocument *self,
                     HbRecovery *recovery)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (recovery != NULL);

  hb_document_drop_autosave (self);
  set_file (self, recovery->origin);
  set_post (self, recovery->post);
  self->autosave_path = g_steal_pointer (&recovery->path);
  hb_document_set_modified (self, TRUE);
}

HbPost *
hb_document_get_post (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->post;
}

GFile *
hb_document_get_file (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->file;
}

HbPolicy *
hb_document_get_policy (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->policy;
}

/* Also when the same pack is set again after an update check: a new pack
 * may judge the post differently, so it is linted again either way. */
void
hb_document_set_policy (HbDocument *self,
                        HbPolicy   *policy)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (policy == NULL || HB_IS_POLICY (policy));

  if (g_set_object (&self->policy, policy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
  schedule_lint (self);
}

const char *
hb_document_get_title (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->title;
}

gboolean
hb_document_get_modified (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

void
hb_document_set_modified (HbDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));

  modified = !!modified;
  if (modified == self->modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
hb_document_get_busy (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), FALSE);

  return self->busy;
}

gboolean
hb_document_get_linting (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), FALSE);

  return self->linting || self->lint_again;
}

gboolean
hb_document_get_checking_links (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), FALSE);

  return self->links_cancellable != NULL;
}

gboolean
hb_document_get_exporting (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), FALSE);

  return self->export_cancellable != NULL;
}

gboolean
hb_document_get_can_export (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), FALSE);

  return self->can_export;
}

GPtrArray *
hb_document_get_findings (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->findings;
}

GListModel *
hb_document_get_finding_model (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->finding_model);
}

GPtrArray *
hb_document_get_statuses (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->statuses;
}

guint
hb_document_get_autosave_delay (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), 0);

  return self->autosave_ms;
}

void
hb_document_set_autosave_delay (HbDocument *self,
                                guint       ms)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));

  if (ms == self->autosave_ms)
    return;
  self->autosave_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

const char *
hb_document_get_autosave_path (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->autosave_path;
}

const char *
hb_document_get_manifest_sha256 (HbDocument *self)
{
  g_return_val_if_fail (HB_IS_DOCUMENT (self), NULL);

  return self->manifest_sha256;
}

/* Acknowledges a finding in the officer's name; the reason goes into the
 * draft and onto the sign-off sheet. */
void
hb_document_acknowledge (HbDocument *self,
                         const char *rule_id,
                         const char *text,
                         const char *reason)
{
  g_autofree char *who = NULL;

  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (rule_id != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (reason != NULL && *reason);

  who = self->settings ? g_settings_get_string (self->settings, "officer-name") : g_strdup ("");
  hb_post_add_ack (self->post, rule_id, text, reason, who);
}

/* ------------------------------------------------------------------ */
/* Opening and saving                                                  */

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HbDocument *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(HbPost) post = hb_draft_load_finish (result, &error);

  io_ended (self);
  if (post == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  hb_document_replace (self, post, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

/* Opens the draft @file in a worker and shows it instead of the current
 * post; on failure the current post stays. */
void
hb_document_load_async (HbDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  io_started (self);
  /* The caller's task completes in load_done, after the post is in place. */
  hb_draft_load_async (file, cancellable ? cancellable : self->cancellable, load_done, task);
}

gboolean
hb_document_load_finish (HbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_document_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What a save must remember for when it ends: the post was written out
 * when it began, so edits made since are not in the file. */
typedef struct
{
  GFile   *file;
  guint64  generation;
} SaveCall;

static void
save_call_free (SaveCall *call)
{
  g_object_unref (call->file);
  g_free (call);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HbDocument *self = g_task_get_source_object (task);
  SaveCall *call = g_task_get_task_data (task);
  GError *error = NULL;

  io_ended (self);
  if (!hb_draft_save_finish (result, &error))
    {
      /* The post stays open and modified, and the autosave keeps it safe. */
      g_task_return_error (task, error);
      return;
    }
  set_file (self, call->file);
  /* Edits made while saving are not in the file: they stay unsaved. */
  if (call->generation == self->generation)
    {
      hb_document_drop_autosave (self);
      hb_document_set_modified (self, FALSE);
    }
  g_task_return_boolean (task, TRUE);
}

/* Saves the post as it is now to @file (NULL: the document's own file)
 * in a worker; the document takes @file as its own. */
void
hb_document_save_async (HbDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  SaveCall *call;

  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  call = g_new0 (SaveCall, 1);
  call->file = g_object_ref (file ? file : self->file);
  call->generation = self->generation;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_document_save_async);
  g_task_set_task_data (task, call, (GDestroyNotify) save_call_free);
  io_started (self);
  hb_draft_save_async (self->post, call->file, cancellable ? cancellable : self->cancellable,
                       save_done, task);
}

gboolean
hb_document_save_finish (HbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Export and the sign-off sheet                                       */

/* On the main thread (hb_bundle_export_async() brings the figures here). */
static void
export_progress (double      fraction,
                 const char *what,
                 gpointer    user_data)
{
  g_signal_emit (user_data, signals[EXPORT_PROGRESS], 0, fraction, what);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HbDocument *self = g_task_get_source_object (task);
  GError *error = NULL;
  char *digest = hb_bundle_export_finish (result, &error);

  set_exporting (self, NULL);
  if (digest == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_free (self->manifest_sha256);
  self->manifest_sha256 = digest;
  g_task_return_boolean (task, TRUE);
}

/* Exports the bundle to @dest (a new folder, or a .zip) in a worker,
 * emitting ::export-progress; only when every checklist item of the last
 * lint is complete (otherwise HB_ERROR_INCOMPLETE), one export at a time. */
void
hb_document_export_async (HbDocument          *self,
                          const char          *dest,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) export_cancellable = NULL;

  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (dest != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_document_export_async);
  if (!self->can_export)
    {
      g_task_return_new_error (task, HB_ERROR, HB_ERROR_INCOMPLETE, "%s",
                               self->export_cancellable ? _("An export is already under way")
                                                        : _("Complete the checklist first"));
      return;
    }
  export_cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  set_exporting (self, export_cancellable);
  /* The chooser has asked before replacing a .zip. */
  hb_bundle_export_async (self->policy, self->post, dest, HB_BUNDLE_EXPORT_REPLACE,
                          export_progress, g_object_ref (self), g_object_unref,
                          export_cancellable, export_done, g_steal_pointer (&task));
}

gboolean
hb_document_export_finish (HbDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_document_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hb_document_cancel_export (HbDocument *self)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));

  if (self->export_cancellable)
    g_cancellable_cancel (self->export_cancellable);
}

static void
sheet_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  HbSignoff *sheet = hb_signoff_new_finish (result, &error);

  io_ended (g_task_get_source_object (task));
  if (sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sheet, (GDestroyNotify) hb_signoff_free);
}

/* The sign-off sheet of the last lint, with the digest of the last export
 * if any, made in a worker.  HB_ERROR_INCOMPLETE before the first lint. */
void
hb_document_signoff_async (HbDocument          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_document_signoff_async);
  if (self->statuses == NULL || self->findings == NULL)
    {
      g_task_return_new_error (task, HB_ERROR, HB_ERROR_INCOMPLETE, "%s",
                               _("The post has not been checked yet"));
      return;
    }
  io_started (self);
  /* The arrays are replaced after each lint, never changed: the worker
   * may read them as they are. */
  hb_signoff_new_async (self->policy, self->post, self->statuses, self->findings,
                        self->manifest_sha256, cancellable ? cancellable : self->cancellable,
                        sheet_done, g_steal_pointer (&task));
}

HbSignoff *
hb_document_signoff_finish (HbDocument    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_document_signoff_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Links                                                               */

static void
set_links_cancellable (HbDocument   *self,
                       GCancellable *cancellable)
{
  gboolean was = self->links_cancellable != NULL;

  if (self->links_cancellable && self->links_cancellable != cancellable)
    g_cancellable_cancel (self->links_cancellable);
  g_set_object (&self->links_cancellable, cancellable);
  if (cancellable == NULL)
    g_clear_pointer (&self->links_checking, g_strfreev);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING_LINKS]);
}

static void
links_checked (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HbDocument) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = hb_link_check_all_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_links_cancellable (self, NULL);
}

/* Whether the way out was there when last probed, and when; shared by
 * the documents (main thread only), so a lint does not probe each time. */
#define PROBE_VALID_US (2 * 60 * G_USEC_PER_SEC)
static gboolean online;
static gint64   probed_at;

static void
start_link_check (HbDocument *self)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  set_links_cancellable (self, cancellable);
  hb_link_check_all_async (self->session, self->link_cache,
                           (const char * const *) self->links_checking, 0, NULL,
                           cancellable, links_checked, g_object_ref (self));
}

static void
probed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(HbDocument) self = user_data;
  g_autoptr(GError) error = NULL;

  online = g_network_monitor_can_reach_finish (G_NETWORK_MONITOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  probed_at = g_get_monotonic_time ();
  if (online && self->links_checking)
    start_link_check (self);
  else
    set_links_cancellable (self, NULL);
}

/* The host of the official website's news listing, or the council's site:
 * if even that cannot be reached, no link can be judged. */
static GSocketConnectable *
reference_host (HbDocument *self)
{
  g_autofree char *listing = self->settings ? g_settings_get_string (self->settings, "site-listing-url") : g_strdup ("");
  g_autoptr(GUri) uri = *listing ? g_uri_parse (listing, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri && g_uri_get_host (uri))
    return g_network_address_new (g_uri_get_host (uri), g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : 443);
  return g_network_address_new ("www.mpkk.gov.my", 443);
}

/* Checks the addresses of the lint that was just applied (HEAD, then GET;
 * fresh results come from the cache and cost nothing).  Results that
 * change the cache make it emit ::changed, and the document lints again,
 * which turns broken links into `link` findings.  Nothing is fetched
 * while the network monitor says there is no network, or while the
 * official website's host cannot be reached: an officer working offline
 * is not told that every link is broken. */
static void
check_links (HbDocument     *self,
             HbPostSnapshot *snapshot)
{
  g_auto(GStrv) urls = NULL;
  GNetworkMonitor *monitor;
  g_autoptr(GSocketConnectable) reference = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  if (self->session == NULL)
    return;
  urls = hb_post_snapshot_dup_link_urls (snapshot);
  monitor = g_network_monitor_get_default ();
  if (urls == NULL || urls[0] == NULL || !g_network_monitor_get_network_available (monitor))
    return;
  /* Each result lints again, and each lint comes back here: the check
   * under way goes on unless the caption's addresses have changed. */
  if (self->links_cancellable && self->links_checking &&
      g_strv_equal ((const char * const *) urls, (const char * const *) self->links_checking))
    return;
  g_clear_pointer (&self->links_checking, g_strfreev);
  self->links_checking = g_steal_pointer (&urls);
  if (probed_at && g_get_monotonic_time () - probed_at < PROBE_VALID_US)
    {
      if (online)
        start_link_check (self);
      else
        g_clear_pointer (&self->links_checking, g_strfreev);
      return;
    }
  cancellable = g_cancellable_new ();
  set_links_cancellable (self, cancellable);
  reference = reference_host (self);
  g_network_monitor_can_reach_async (monitor, reference, cancellable, probed, g_object_ref (self));
}

static void
all_links_checked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *statuses = hb_link_check_all_finish (result, &error);

  if (statuses == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, statuses, (GDestroyNotify) g_ptr_array_unref);
}

/* Checks every address of the post's captions now, whatever the network
 * monitor says, and returns their HbLinkStatus in the order written.  The
 * results go into the link cache, so the next lint reports broken links. */
void
hb_document_check_links_async (HbDocument          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HbPostSnapshot) snapshot = NULL;
  g_auto(GStrv) urls = NULL;

  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_document_check_links_async);
  if (self->session == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Links cannot be checked without the network"));
      return;
    }
  snapshot = hb_post_snapshot_new (self->post);
  urls = hb_post_snapshot_dup_link_urls (snapshot);
  if (urls == NULL || urls[0] == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  hb_link_check_all_async (self->session, self->link_cache, (const char * const *) urls, 0, NULL,
                           cancellable ? cancellable : self->cancellable,
                           all_links_checked, g_steal_pointer (&task));
}

GPtrArray *
hb_document_check_links_finish (HbDocument    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_document_check_links_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* The official website (guideline 8.b)                                */

static void
website_checked (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  HbSiteCheckResult *found = hb_site_check_finish (result, &error);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) hb_site_check_result_free);
}

/* Fetches the news listing at @listing_url and looks for the post's
 * announcement there.  Not finding it is a result (match NULL); a post
 * without the name or date to look for is an HB_ERROR. */
void
hb_document_check_website_async (HbDocument          *self,
                                 const char          *listing_url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HbSiteQuery) query = NULL;
  GError *error = NULL;

  g_return_if_fail (HB_IS_DOCUMENT (self));
  g_return_if_fail (listing_url != NULL);
  g_return_if_fail (self->session != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_document_check_website_async);
  if ((query = hb_site_query_new_for_post (self->post, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  hb_site_check_async (self->session, listing_url, query, NULL,
                       cancellable ? cancellable : self->cancellable,
                       website_checked, g_steal_pointer (&task));
}

HbSiteCheckResult *
hb_document_check_website_finish (HbDocument    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_document_check_website_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Records @match as the checklist item's evidence, in the officer's name. */
gboolean
hb_document_record_site_match (HbDocument         *self,
                               const HbSiteMatch  *match,
                               GError            **error)
{
  g_autofree char *who = NULL;

  g_return_val_if_fail (HB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (match != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  who = self->settings ? g_settings_get_string (self->settings, "officer-name") : g_strdup ("");
  return hb_site_match_record (match, self->post, self->policy, who, error);
}

/* Stops what is still running (the window is closing). */
void
hb_document_cancel (HbDocument *self)
{
  g_return_if_fail (HB_IS_DOCUMENT (self));

  g_cancellable_cancel (self->cancellable);
  hb_document_cancel_export (self);
  set_links_cancellable (self, NULL);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->photo_wait_id, g_source_remove);
  update_busy (self);
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                          */

static void
hb_document_dispose (GObject *object)
{
  HbDocument *self = HB_DOCUMENT (object);

  hb_document_cancel (self);
  if (self->link_cache)
    g_signal_handlers_disconnect_by_data (self->link_cache, self);
  g_clear_object (&self->post_signals);
  g_clear_object (&self->post);
  g_clear_object (&self->file);
  g_clear_object (&self->policy);
  g_clear_object (&self->settings);
  g_clear_object (&self->link_cache);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (hb_document_parent_class)->dispose (object);
}

static void
hb_document_finalize (GObject *object)
{
  HbDocument *self = HB_DOCUMENT (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->finding_model);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->manifest_sha256, g_free);
  g_clear_pointer (&self->autosave_path, g_free);
  g_clear_pointer (&self->title, g_free);
  G_OBJECT_CLASS (hb_document_parent_class)->finalize (object);
}

static void
hb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HbDocument *self = HB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_POST: g_value_set_object (value, self->post); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_POLICY: g_value_set_object (value, self->policy); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_MODIFIED: g_value_set_boolean (value, self->modified); break;
    case PROP_BUSY: g_value_set_boolean (value, self->busy); break;
    case PROP_LINTING: g_value_set_boolean (value, hb_document_get_linting (self)); break;
    case PROP_CHECKING_LINKS: g_value_set_boolean (value, hb_document_get_checking_links (self)); break;
    case PROP_EXPORTING: g_value_set_boolean (value, hb_document_get_exporting (self)); break;
    case PROP_CAN_EXPORT: g_value_set_boolean (value, self->can_export); break;
    case PROP_AUTOSAVE_DELAY: g_value_set_uint (value, self->autosave_ms); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HbDocument *self = HB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_POLICY: hb_document_set_policy (self, g_value_get_object (value)); break;
    case PROP_MODIFIED: hb_document_set_modified (self, g_value_get_boolean (value)); break;
    case PROP_AUTOSAVE_DELAY: hb_document_set_autosave_delay (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_document_class_init (HbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = hb_document_dispose;
  object_class->finalize = hb_document_finalize;
  object_class->get_property = hb_document_get_property;
  object_class->set_property = hb_document_set_property;

  properties[PROP_POST] = g_param_spec_object ("post", NULL, NULL, HB_TYPE_POST, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_POLICY] = g_param_spec_object ("policy", NULL, NULL, HB_TYPE_POLICY, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, rw);
  /* busy: a lint, a file operation or a pending backup is under way */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_LINTING] = g_param_spec_boolean ("linting", NULL, NULL, FALSE, ro);
  properties[PROP_CHECKING_LINKS] = g_param_spec_boolean ("checking-links", NULL, NULL, FALSE, ro);
  properties[PROP_EXPORTING] = g_param_spec_boolean ("exporting", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_EXPORT] = g_param_spec_boolean ("can-export", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOSAVE_DELAY] = g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT,
                                                       HB_DOCUMENT_DEFAULT_AUTOSAVE_MS, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::findings-changed: a lint's findings are in place (the checklist
   * follows, with ::checklist-changed). */
  signals[FINDINGS_CHANGED] = g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* ::checklist-changed: the statuses were evaluated again */
  signals[CHECKLIST_CHANGED] = g_signal_new ("checklist-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* ::export-progress (fraction 0–1, what is being done), on the main thread */
  signals[EXPORT_PROGRESS] = g_signal_new ("export-progress", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           2, G_TYPE_DOUBLE, G_TYPE_STRING);
  /* ::problem (message): something in the background failed; say so */
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hb_document_init (HbDocument *self)
{
  self->cancellable = g_cancellable_new ();
  self->autosave_ms = HB_DOCUMENT_DEFAULT_AUTOSAVE_MS;
  self->finding_model = hb_finding_list_new ();
  self->post_signals = g_signal_group_new (HB_TYPE_POST);
  g_signal_group_connect_swapped (self->post_signals, "changed", G_CALLBACK (post_changed), self);
  g_signal_group_connect_swapped (self->post_signals, "measured", G_CALLBACK (post_measured), self);
  update_title (self);
}

/* @settings (schema my.gov.mpkk.Hebahan), @link_cache and @session may be
 * NULL: then the officer is unnamed, and links are not checked. */
HbDocument *
hb_document_new (GSettings   *settings,
                 HbLinkCache *link_cache,
                 SoupSession *session)
{
  HbDocument *self;
  g_autoptr(HbPost) post = hb_post_new ();

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (link_cache == NULL || HB_IS_LINK_CACHE (link_cache), NULL);
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  self = g_object_new (HB_TYPE_DOCUMENT, NULL);
  self->settings = settings ? g_object_ref (settings) : NULL;
  self->session = session ? g_object_ref (session) : NULL;
  if (link_cache)
    {
      self->link_cache = g_object_ref (link_cache);
      /* A link checked (by this document or another) may change the findings. */
      g_signal_connect_swapped (link_cache, "changed", G_CALLBACK (schedule_lint), self);
    }
  set_post (self, post);
  return self;
}
