/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-update.c — fetch, validate and cache the council's policy pack
 * (see hb-policy-update.h).
 *
 * Three steps, so that the caller's main loop never waits on the disk or
 * on the ~100 ms validation: a worker reads what is cached (to decide on
 * If-None-Match), the request runs on the caller's main context, and a
 * worker validates the answer and writes the cache.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hb-error.h"
#include "hb-net-error.h"
#include "hb-net-fetch.h"
#include "hb-policy-cache.h"
#include "hb-policy-update.h"

/* How many of a rejected pack's problems the error message lists. */
#define MAX_PROBLEMS_SHOWN 3

typedef struct
{
  SoupSession           *session;
  char                  *url;
  HbPolicyUpdateOptions  options;
  char                  *if_none_match;  /* the cached pack's ETag, when it may be sent */
  HbFetchResult         *fetched;
  GError                *fetch_error;
  HbPolicyUpdateOutcome  outcome;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_clear_object (&data->session);
  g_free (data->url);
  g_free (data->if_none_match);
  g_clear_pointer (&data->fetched, hb_fetch_result_free);
  g_clear_error (&data->fetch_error);
  g_free (data);
}

/* ------------------------------------------------------------------ */
/* In the worker: the end of an update                                 */

/* Returns @error, after recording it for the next start (a cancelled
 * update is not a failure of the server, so it is not recorded). */
static void
fail (GTask      *task,
      UpdateData *data,
      GError     *error)
{
  g_autoptr(GError) record_error = NULL;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !hb_policy_cache_record_failure (data->url, error->message, &record_error))
    g_warning ("Could not record the failed policy update: %s", record_error->message);
  g_task_return_error (task, error);
}

/* What the caller should use now: the user's own pack in the config folder
 * still comes first (hb_policy_load_default()), else the fetched one unless
 * the built-in pack is newer. */
static HbPolicy *
active_pack (HbPolicy *fetched)
{
  g_autofree char *user = hb_policy_user_override_path ();

  if (!g_file_test (user, G_FILE_TEST_EXISTS) && !hb_policy_is_outdated (fetched))
    return g_object_ref (fetched);
  return hb_policy_load_default (NULL);
}

/* "The policy pack at URL is not valid: P1; P2; P3 (and N more problems)". */
static GError *
invalid_pack_error (const char *url,
                    GBytes     *body)
{
  g_autoptr(GPtrArray) problems = hb_policy_check_bytes (body);
  g_autoptr(GString) list = g_string_new (NULL);
  guint shown = MIN (problems->len, MAX_PROBLEMS_SHOWN);

  for (guint i = 0; i < shown; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", (const char *) problems->pdata[i]);
  if (problems->len > shown)
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " (and %u more problem)",
                                               " (and %u more problems)", problems->len - shown),
                            problems->len - shown);
  return g_error_new (HB_ERROR, HB_ERROR_INVALID_POLICY,
                      _("The policy pack at %s is not valid: %s"), url, list->str);
}

/* 304: the cached pack is current, if there is one for this URL. */
static void
conclude_not_modified (GTask      *task,
                       UpdateData *data)
{
  g_autoptr(HbPolicy) cached = NULL;
  g_autoptr(GError) error = NULL;

  if (data->if_none_match == NULL)
    {
      fail (task, data, g_error_new (HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT,
                                     _("%s answered “not modified”, but no pack from it is cached"),
                                     data->url));
      return;
    }
  if ((cached = hb_policy_cache_load (&error)) == NULL)
    {
      /* A newer Hebahan may reject what an older one accepted: forget the
       * ETag, so the next update downloads the pack whole. */
      g_autoptr(HbPolicyCacheInfo) info = hb_policy_cache_info_load (NULL);

      if (info != NULL)
        {
          g_clear_pointer (&info->etag, g_free);
          hb_policy_cache_info_save (info, NULL);
        }
      fail (task, data, g_error_new (HB_ERROR, HB_ERROR_INVALID_POLICY,
                                     _("The cached policy pack no longer loads: %s"), error->message));
      return;
    }
  if (!hb_policy_cache_record_check (data->url, data->fetched->etag, &error))
    g_warning ("Could not record the policy check: %s", error->message);
  data->outcome = HB_POLICY_UPDATE_NOT_MODIFIED;
  g_task_return_pointer (task, active_pack (cached), g_object_unref);
}

/* 2xx: validate whole, then replace the cache. */
static void
conclude_body (GTask        *task,
               UpdateData   *data,
               GCancellable *cancellable)
{
  GBytes *body = data->fetched->body;
  g_autoptr(HbPolicy) policy = hb_policy_new_from_bytes (body, NULL);
  GError *error = NULL;
  gboolean changed = FALSE;

  if (policy == NULL)
    {
      fail (task, data, invalid_pack_error (data->url, body));
      return;
    }
  /* Cancelled while validating: leave the cache alone, as promised. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      fail (task, data, error);
      return;
    }
  if (!hb_policy_cache_store (body, policy, data->url, data->fetched->etag, &changed, &error))
    {
      g_prefix_error (&error, _("Could not save the policy pack: "));
      fail (task, data, error);
      return;
    }
  /* A server without ETags sends the same pack again: nothing changed. */
  data->outcome = changed ? HB_POLICY_UPDATE_UPDATED : HB_POLICY_UPDATE_NOT_MODIFIED;
  g_task_return_pointer (task, active_pack (policy), g_object_unref);
}

static void
conclude_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  UpdateData *data = task_data;
  GError *error = NULL;

  if (data->fetch_error != NULL)
    fail (task, data, g_steal_pointer (&data->fetch_error));
  else if (!hb_fetch_result_ok (data->fetched, &error))
    fail (task, data, error);
  else if (data->fetched->status == SOUP_STATUS_NOT_MODIFIED)
    conclude_not_modified (task, data);
  else
    conclude_body (task, data, cancellable);
}

/* ------------------------------------------------------------------ */
/* The request                                                         */

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpdateData *data = g_task_get_task_data (task);

  data->fetched = hb_net_fetch_finish (result, &data->fetch_error);
  g_task_run_in_thread (task, conclude_thread);
}

/* In a worker: the ETag may only be sent for the very pack it was given
 * for, from the same address; anything else gets a full download. */
static void
prepare_thread (GTask        *prepare,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  UpdateData *data = task_data;
  g_autoptr(HbPolicyCacheInfo) info = hb_policy_cache_info_load (NULL);
  g_autofree char *sha256 = NULL;

  if (info != NULL && info->etag != NULL && g_strcmp0 (info->url, data->url) == 0 &&
      (sha256 = hb_policy_cache_sha256 ()) != NULL && g_strcmp0 (info->sha256, sha256) == 0)
    data->if_none_match = g_strdup (info->etag);
  g_task_return_boolean (prepare, TRUE);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpdateData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  HbFetchOptions options = {
    .max_bytes = data->options.max_bytes,
    .deadline_ms = data->options.deadline_ms,
    .if_none_match = data->if_none_match,
  };

  hb_net_fetch_async (data->session, data->url, &options, cancellable,
                      fetched_cb, g_steal_pointer (&task));
}

/* Fetches the pack at @url (https://, or http:// to a loopback address)
 * and, when it validates, makes it the cached pack.
 * @options may be NULL for the defaults. */
void
hb_policy_update_async (SoupSession                 *session,
                        const char                  *url,
                        const HbPolicyUpdateOptions *options,
                        GCancellable                *cancellable,
                        GAsyncReadyCallback          callback,
                        gpointer                     user_data)
{
  GTask *task;
  g_autoptr(GTask) prepare = NULL;
  UpdateData *data;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  data = g_new0 (UpdateData, 1);
  data->session = g_object_ref (session);
  data->url = g_strdup (url);
  if (options != NULL)
    data->options = *options;
  if (data->options.max_bytes == 0)
    data->options.max_bytes = HB_POLICY_UPDATE_MAX_BYTES;
  if (data->options.deadline_ms == 0)
    data->options.deadline_ms = HB_POLICY_UPDATE_DEADLINE_MS;
  g_task_set_source_tag (task, hb_policy_update_async);
  /* Cancellation is reported by the step that notices it, so a pack that
   * was already cached is never reported as not cached. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) update_data_free);

  prepare = g_task_new (NULL, NULL, prepared_cb, task);
  g_task_set_task_data (prepare, data, NULL);
  g_task_run_in_thread (prepare, prepare_thread);
}

/* Returns the pack to use now — the fetched one, unless the user's own
 * pack in the config folder takes precedence — with @outcome saying
 * whether the cache changed.  On failure returns NULL with a HB_NET_ERROR,
 * a HB_ERROR_INVALID_POLICY naming the first problems of the server's
 * pack, a G_IO_ERROR_CANCELLED, or a file error when the cache could not
 * be written; the cached pack is then untouched and stays in use. */
HbPolicy *
hb_policy_update_finish (GAsyncResult          *result,
                         HbPolicyUpdateOutcome *outcome,
                         GError               **error)
{
  GTask *task = G_TASK (result);
  HbPolicy *policy;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == hb_policy_update_async, NULL);
  policy = g_task_propagate_pointer (task, error);
  if (policy != NULL && outcome != NULL)
    *outcome = ((UpdateData *) g_task_get_task_data (task))->outcome;
  return policy;
}
