/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-site-check.c — fetch the news listing and look for the announcement (see hb-site-check.h). */
#include "config.h"

#include "hb-site-check.h"

#include <glib/gi18n.h>

#include "hb-net-error.h"
#include "hb-site-listing.h"

typedef struct
{
  HbSiteQuery   *query;
  HbFetchResult *fetched;   /* set once the listing has arrived */
} SiteCheck;

static void
site_check_free (SiteCheck *check)
{
  hb_site_query_free (check->query);
  g_clear_pointer (&check->fetched, hb_fetch_result_free);
  g_free (check);
}

void
hb_site_check_result_free (HbSiteCheckResult *result)
{
  if (result == NULL)
    return;
  hb_site_match_free (result->match);
  g_free (result->listing_url);
  g_free (result);
}

/* In a worker: libxml2 on up to HB_SITE_CHECK_MAX_BYTES is no job for the
 * main loop. */
static void
read_and_match (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SiteCheck *check = task_data;
  HbFetchResult *fetched = check->fetched;
  g_autoptr(GPtrArray) entries = NULL;
  HbSiteCheckResult *result;
  GError *error = NULL;

  entries = hb_site_listing_parse (fetched->body, fetched->content_type, fetched->final_url, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  result = g_new0 (HbSiteCheckResult, 1);
  result->match = hb_site_match_find (check->query, entries);
  result->n_entries = entries->len;
  result->listing_url = g_strdup (fetched->final_url);
  g_task_return_pointer (task, result, (GDestroyNotify) hb_site_check_result_free);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SiteCheck *check = g_task_get_task_data (task);
  GError *error = NULL;

  check->fetched = hb_net_fetch_finish (res, &error);
  if (check->fetched == NULL || !hb_fetch_result_ok (check->fetched, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, read_and_match);
}

/**
 * hb_site_check_async:
 * @listing_url: the news listing set in Preferences ("site-listing-url")
 * @query: what to look for (hb_site_query_new_for_post()); copied
 * @limits: (nullable): deadline and redirect limit (tests shorten them);
 *   the method, cap and HTTPS rule are the check's own
 *
 * Fetches and reads the listing, then looks for @query in it.  Errors
 * are HB_NET_ERROR (the listing could not be fetched or is no listing)
 * or G_IO_ERROR_CANCELLED.
 */
void
hb_site_check_async (SoupSession          *session,
                     const char           *listing_url,
                     const HbSiteQuery    *query,
                     const HbFetchOptions *limits,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  GTask *task;
  SiteCheck *check;
  HbFetchOptions options = { 0 };

  g_return_if_fail (SOUP_IS_SESSION (session) && listing_url != NULL && query != NULL);
  task = g_task_new (session, cancellable, callback, user_data);
  check = g_new0 (SiteCheck, 1);
  /* libxml2 sets up its tables here, on the caller's thread, before any
   * worker parses. */
  hb_site_listing_init ();
  g_task_set_source_tag (task, hb_site_check_async);
  check->query = hb_site_query_copy (query);
  g_task_set_task_data (task, check, (GDestroyNotify) site_check_free);
  if (limits != NULL)
    options = *limits;
  options.method = "GET";
  options.max_bytes = HB_SITE_CHECK_MAX_BYTES;
  options.if_none_match = NULL;
  options.allow_http = FALSE;
  options.headers_only = FALSE;
  hb_net_fetch_async (session, listing_url, &options, cancellable, fetched_cb, task);
}

/* Returns: (transfer full): the result (its match may be NULL), or NULL
 * with @error set. */
HbSiteCheckResult *
hb_site_check_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_site_check_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
