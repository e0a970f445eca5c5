/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-link-check.c — checks that caption links lead somewhere (see hb-link-check.h). */
#include "config.h"

#include "hb-link-check.h"

#include <glib/gi18n.h>

#include "hb-net-error.h"

typedef struct
{
  SoupSession    *session;
  HbLinkCache    *cache;     /* or NULL */
  char           *url;
  HbFetchOptions  options;
} LinkCheck;

static void
link_check_free (LinkCheck *check)
{
  g_clear_object (&check->session);
  g_clear_object (&check->cache);
  g_free (check->url);
  g_free (check);
}

/* 404 and 410 say the page is gone whatever the method; any other error
 * status may be a server that does not do HEAD. */
static gboolean
head_refused (guint status)
{
  return status >= 400 && status != 404 && status != 410;
}

static HbLinkStatus *
status_from_fetch (const char          *url,
                   const HbFetchResult *fetched)
{
  g_autofree char *reason = NULL;
  HbLinkState state = HB_LINK_OK;
  HbLinkStatus *status;

  if (fetched->status >= 400)
    {
      state = HB_LINK_BROKEN;
      reason = g_strdup_printf ("%u %s", fetched->status, soup_status_get_phrase (fetched->status));
    }
  else if (fetched->insecure_url != NULL && hb_net_url_check (url, FALSE, NULL))
    {
      /* A link written with http:// is link.insecure already; this is
       * about a secure one that a redirect took to plain HTTP. */
      state = HB_LINK_REDIRECTS_TO_HTTP;
      reason = g_strdup (fetched->insecure_url);
    }
  status = hb_link_status_new (url, state, fetched->status, fetched->final_url, reason);
  status->n_redirects = fetched->n_redirects;
  return status;
}

/* The answer, stored in the cache; cancellation stores nothing. */
static void
finish_check (GTask               *task,
              const HbFetchResult *fetched,
              const GError        *error)
{
  LinkCheck *check = g_task_get_task_data (task);
  HbLinkStatus *status;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }
  if (error != NULL)
    status = hb_link_status_new (check->url, HB_LINK_BROKEN, 0, NULL, error->message);
  else
    status = status_from_fetch (check->url, fetched);
  if (check->cache)
    hb_link_cache_store (check->cache, status);
  g_task_return_pointer (task, status, (GDestroyNotify) hb_link_status_free);
}

static void
get_cb (GObject      *source,
        GAsyncResult *res,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HbFetchResult) fetched = hb_net_fetch_finish (res, &error);

  finish_check (task, fetched, error);
}

static void
head_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LinkCheck *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HbFetchResult) fetched = hb_net_fetch_finish (res, &error);

  if (fetched != NULL && head_refused (fetched->status))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      check->options.method = "GET";
      check->options.headers_only = TRUE;
      hb_net_fetch_async (check->session, check->url, &check->options, cancellable, get_cb,
                          g_steal_pointer (&task));
      return;
    }
  finish_check (task, fetched, error);
}

/**
 * hb_link_check_async:
 * @cache: (nullable): where results are kept and looked up first
 * @url: an address as HbLink.url gives it
 * @limits: (nullable): deadline (per request; default
 *   HB_LINK_CHECK_DEADLINE_MS) and redirect limit; tests shorten them
 *
 * Checks one address (see hb-link-check.h).
 */
void
hb_link_check_async (SoupSession          *session,
                     HbLinkCache          *cache,
                     const char           *url,
                     const HbFetchOptions *limits,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  GTask *task;
  LinkCheck *check;
  HbLinkStatus *known;

  g_return_if_fail (SOUP_IS_SESSION (session) && url != NULL);
  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_link_check_async);
  if (cache && (known = hb_link_cache_lookup (cache, url)) != NULL)
    {
      g_task_return_pointer (task, known, (GDestroyNotify) hb_link_status_free);
      g_object_unref (task);
      return;
    }
  check = g_new0 (LinkCheck, 1);
  check->session = g_object_ref (session);
  check->cache = cache ? g_object_ref (cache) : NULL;
  check->url = g_strdup (url);
  if (limits)
    check->options = *limits;
  check->options.method = "HEAD";
  check->options.max_bytes = 64 * 1024;
  check->options.if_none_match = NULL;
  check->options.allow_http = TRUE;
  check->options.headers_only = FALSE;
  if (check->options.deadline_ms == 0)
    check->options.deadline_ms = HB_LINK_CHECK_DEADLINE_MS;
  g_task_set_task_data (task, check, (GDestroyNotify) link_check_free);
  hb_net_fetch_async (session, url, &check->options, cancellable, head_cb, task);
}

/* Returns: (transfer full): the status, or NULL with
 * G_IO_ERROR_CANCELLED. */
HbLinkStatus *
hb_link_check_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_link_check_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Every link of a caption                                             */

typedef struct
{
  SoupSession    *session;
  HbLinkCache    *cache;
  HbFetchOptions  options;
  GPtrArray      *urls;      /* char*, distinct, in order */
  GPtrArray      *results;   /* HbLinkStatus per url; NULL until known */
  guint           next;      /* the next url to start */
  guint           running;
  guint           max_parallel;
  GError         *error;     /* cancellation */
} CheckAll;

typedef struct
{
  GTask *task;
  guint  index;
} Pending;

static void
check_all_free (CheckAll *all)
{
  g_clear_object (&all->session);
  g_clear_object (&all->cache);
  g_ptr_array_unref (all->urls);
  g_ptr_array_unref (all->results);
  g_clear_error (&all->error);
  g_free (all);
}

static void start_more (GTask *task);

static void
one_done_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GTask) task = pending->task;
  CheckAll *all = g_task_get_task_data (task);
  GError *error = NULL;
  HbLinkStatus *status = hb_link_check_finish (res, &error);

  all->running--;
  if (status != NULL)
    all->results->pdata[pending->index] = status;
  else if (all->error == NULL)
    all->error = error;
  else
    g_error_free (error);
  g_free (pending);
  start_more (task);
}

/* Starts checks until @max_parallel run; returns the results once every
 * address is known, or the cancellation once the running ones stopped. */
static void
start_more (GTask *task)
{
  CheckAll *all = g_task_get_task_data (task);
  gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (task)) || all->error;

  while (!cancelled && all->running < all->max_parallel && all->next < all->urls->len)
    {
      guint i = all->next++;
      const char *url = all->urls->pdata[i];
      Pending *pending;

      /* Fresh results do not take one of the parallel slots. */
      if ((all->results->pdata[i] = hb_link_cache_lookup (all->cache, url)) != NULL)
        continue;
      pending = g_new0 (Pending, 1);
      pending->task = g_object_ref (task);
      pending->index = i;
      all->running++;
      hb_link_check_async (all->session, all->cache, url, &all->options,
                           g_task_get_cancellable (task), one_done_cb, pending);
    }
  if (all->running > 0 || (!cancelled && all->next < all->urls->len))
    return;
  if (cancelled)
    g_task_return_error (task, all->error ? g_steal_pointer (&all->error)
                                          : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                                 _("Operation was cancelled")));
  else
    g_task_return_pointer (task, g_ptr_array_ref (all->results), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * hb_link_check_all_async:
 * @cache: results go here, and fresh ones are taken from it unchecked
 * @urls: addresses (HbLink.url); duplicates are checked once
 * @max_parallel: how many at once; 0 for HB_LINK_CHECK_PARALLEL
 * @limits: (nullable): as for hb_link_check_async()
 *
 * Checks every address, a few at a time so that a caption with many
 * links does not flood the council's proxy.
 */
void
hb_link_check_all_async (SoupSession          *session,
                         HbLinkCache          *cache,
                         const char * const   *urls,
                         guint                 max_parallel,
                         const HbFetchOptions *limits,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  GTask *task;
  CheckAll *all;

  g_return_if_fail (SOUP_IS_SESSION (session) && HB_IS_LINK_CACHE (cache));
  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_link_check_all_async);
  g_task_set_check_cancellable (task, FALSE);
  all = g_new0 (CheckAll, 1);
  all->session = g_object_ref (session);
  all->cache = g_object_ref (cache);
  if (limits)
    all->options = *limits;
  all->max_parallel = max_parallel ? max_parallel : HB_LINK_CHECK_PARALLEL;
  all->urls = g_ptr_array_new_with_free_func (g_free);
  all->results = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_link_status_free);
  for (guint i = 0; urls && urls[i]; i++)
    if (!g_ptr_array_find_with_equal_func (all->urls, urls[i], g_str_equal, NULL))
      {
        g_ptr_array_add (all->urls, g_strdup (urls[i]));
        g_ptr_array_add (all->results, NULL);
      }
  g_task_set_task_data (task, all, (GDestroyNotify) check_all_free);
  start_more (task);
  g_object_unref (task);
}

/* Returns: (transfer full) (element-type HbLinkStatus): one status per
 * distinct address, in the order given; NULL with G_IO_ERROR_CANCELLED. */
GPtrArray *
hb_link_check_all_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_link_check_all_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
