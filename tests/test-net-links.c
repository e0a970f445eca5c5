/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-net-links.c — the link checker against a SoupServer on 127.0.0.1:
 * 200, 404, 410, 500, a server that refuses HEAD, a timeout, a slow drip,
 * a redirect loop, a redirect to plain HTTP (through a proxy, which the
 * session must honour), the cache, bounded concurrency, cancellation, the
 * lint of a post with the results, and `hebahan-cli links`. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-draft.h"
#include "hb-link-check.h"
#include "hb-net-error.h"
#include "hb-post-lint.h"
#include "hb-test-server.h"

/* Short deadlines keep the suite fast; the timeout case waits for one. */
static const HbFetchOptions fast = { .deadline_ms = 1500, .max_redirects = 3 };

typedef struct
{
  gboolean      done;
  HbLinkStatus *status;
  GPtrArray    *all;
  GError       *error;
} Outcome;

static void
outcome_clear (Outcome *out)
{
  g_clear_pointer (&out->status, hb_link_status_free);
  g_clear_pointer (&out->all, g_ptr_array_unref);
  g_clear_error (&out->error);
  out->done = FALSE;
}

static void
checked_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  Outcome *out = user_data;

  out->status = hb_link_check_finish (res, &out->error);
  out->done = TRUE;
}

static void
checked_all_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  Outcome *out = user_data;

  out->all = hb_link_check_all_finish (res, &out->error);
  out->done = TRUE;
}

/* Checks @path on @server and returns the status (owned by @out). */
static const HbLinkStatus *
check (SoupSession  *session,
       HbLinkCache  *cache,
       HbTestServer *server,
       const char   *path,
       Outcome      *out)
{
  g_autofree char *url = hb_test_server_url (server, path);

  outcome_clear (out);
  hb_link_check_async (session, cache, url, &fast, NULL, checked_cb, out);
  hb_test_wait (&out->done, 10000);
  g_assert_no_error (out->error);
  g_assert_nonnull (out->status);
  g_assert_cmpstr (out->status->url, ==, url);
  return out->status;
}

/* ------------------------------------------------------------------ */
/* Handlers                                                            */

/* Records the methods seen, one letter each: "HG" is HEAD then GET. */
static void
record_method (SoupServerMessage *msg,
               GString           *methods)
{
  if (methods)
    g_string_append_c (methods, soup_server_message_get_method (msg)[0]);
}

/* 405 to HEAD, 200 to GET, as a server without HEAD does. */
static void
no_head_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
                 GHashTable *query, gpointer user_data)
{
  record_method (msg, user_data);
  if (strcmp (soup_server_message_get_method (msg), "HEAD") == 0)
    soup_server_message_set_status (msg, 405, NULL);
  else
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<p>ok</p>", 9);
    }
}

/* The same status to every method. */
static void
status_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
                GHashTable *query, gpointer user_data)
{
  GString *methods = user_data;

  record_method (msg, methods);
  soup_server_message_set_status (msg, g_str_has_suffix (path, "500") ? 500 : 410, NULL);
}

/* Never answers; counts the requests in *user_data when given. */
static void
hang_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
              GHashTable *query, gpointer user_data)
{
  guint *count = user_data;

  if (count)
    (*count)++;
  soup_server_message_pause (msg);
}

/* Headers at once, then a byte every 100 ms for ever. */
static void
drip_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
              GHashTable *query, gpointer user_data)
{
  record_method (msg, user_data);
  hb_test_drip_start (msg, NULL);
}

/* ------------------------------------------------------------------ */
/* One link                                                            */

static void
test_status (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(GString) methods = g_string_new (NULL);
  Outcome out = { 0 };
  const HbLinkStatus *s;

  hb_test_server_add_static (server, "/ok", 200, "text/html", "<p>ok</p>", -1);
  hb_test_server_add_static (server, "/gone", 404, "text/html", "<p>tiada</p>", -1);
  hb_test_server_add_handler (server, "/error-500", status_handler, methods);

  s = check (session, NULL, server, "/ok", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_OK);
  g_assert_cmpuint (s->status, ==, 200);
  g_assert_null (s->reason);
  g_assert_cmpuint (hb_test_server_hits (server, "/ok"), ==, 1);

  /* 404 is final: no second request with GET. */
  s = check (session, NULL, server, "/gone", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_BROKEN);
  g_assert_cmpuint (s->status, ==, 404);
  g_assert_cmpstr (s->reason, ==, "404 Not Found");
  g_assert_cmpuint (hb_test_server_hits (server, "/gone"), ==, 1);

  /* 500 may be a server choking on HEAD: GET is asked too. */
  s = check (session, NULL, server, "/error-500", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_BROKEN);
  g_assert_cmpuint (s->status, ==, 500);
  g_assert_cmpstr (s->reason, ==, "500 Internal Server Error");
  g_assert_cmpstr (methods->str, ==, "HG");
  outcome_clear (&out);
}

static void
test_head_refused (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(GString) refused = g_string_new (NULL), gone = g_string_new (NULL);
  Outcome out = { 0 };
  const HbLinkStatus *s;

  hb_test_server_add_handler (server, "/no-head", no_head_handler, refused);
  hb_test_server_add_handler (server, "/gone-410", status_handler, gone);
  s = check (session, NULL, server, "/no-head", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_OK);
  g_assert_cmpuint (s->status, ==, 200);
  g_assert_cmpstr (refused->str, ==, "HG");

  /* 410 Gone says it whatever the method. */
  s = check (session, NULL, server, "/gone-410", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_BROKEN);
  g_assert_cmpstr (s->reason, ==, "410 Gone");
  g_assert_cmpstr (gone->str, ==, "H");
  outcome_clear (&out);
}

/* No answer within the deadline: broken, with the reason, on time. */
static void
test_timeout (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autofree char *url = hb_test_server_url (server, "/hang");
  g_autoptr(HbLinkStatus) cached = NULL;
  Outcome out = { 0 };
  gint64 start = g_get_monotonic_time ();
  const HbLinkStatus *s;

  hb_test_server_add_handler (server, "/hang", hang_handler, NULL);
  s = check (session, cache, server, "/hang", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_BROKEN);
  g_assert_cmpuint (s->status, ==, 0);
  g_assert_nonnull (strstr (s->reason, "did not answer within 2 seconds"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
  cached = hb_link_cache_lookup (cache, url);
  g_assert_nonnull (cached);
  g_assert_cmpint (cached->state, ==, HB_LINK_BROKEN);
  outcome_clear (&out);
}

/* A page that drips its body for ever still has a status: the checker
 * does not wait for the body. */
static void
test_slow_drip (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(GString) methods = g_string_new (NULL);
  Outcome out = { 0 };
  gint64 start = g_get_monotonic_time ();
  const HbLinkStatus *s;

  hb_test_server_add_handler (server, "/drip", drip_handler, methods);
  s = check (session, NULL, server, "/drip", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_OK);
  g_assert_cmpuint (s->status, ==, 200);
  g_assert_cmpstr (methods->str, ==, "H");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1 * G_USEC_PER_SEC);
  outcome_clear (&out);
}

static void
test_redirects (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autofree char *target = hb_test_server_url (server, "/ok");
  Outcome out = { 0 };
  const HbLinkStatus *s;

  hb_test_server_add_static (server, "/ok", 200, "text/html", "<p>ok</p>", -1);
  hb_test_server_add_redirect (server, "/moved", 301, "/ok");
  hb_test_server_add_redirect (server, "/loop", 302, "/loop");
  s = check (session, NULL, server, "/moved", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_OK);
  g_assert_cmpstr (s->final_url, ==, target);
  g_assert_cmpuint (s->n_redirects, ==, 1);

  s = check (session, NULL, server, "/loop", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_BROKEN);
  g_assert_nonnull (strstr (s->reason, "redirects more than 3 times"));
  /* The first request and three redirects, no more. */
  g_assert_cmpuint (hb_test_server_hits (server, "/loop"), ==, 4);
  outcome_clear (&out);
}

/* A session whose proxy is the test server: requests for any host reach
 * it, as they would reach the council's proxy. */
static SoupSession *
session_through_proxy (HbTestServer *server)
{
  g_autofree char *proxy = hb_test_server_url (server, "");
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new (proxy, NULL);
  SoupSession *session = hb_net_session_new ();

  soup_session_set_proxy_resolver (session, resolver);
  return session;
}

/* A redirect to an http:// page on another host is followed (through
 * the proxy) and reported with that address. */
static void
test_redirect_to_plain_http (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = session_through_proxy (server);
  Outcome out = { 0 };
  const HbLinkStatus *s;

  hb_test_server_add_redirect (server, "/to-plain", 302, "http://berita.contoh.my/landing");
  hb_test_server_add_static (server, "/landing", 200, "text/html", "<p>landing</p>", -1);
  s = check (session, NULL, server, "/to-plain", &out);
  g_assert_cmpint (s->state, ==, HB_LINK_REDIRECTS_TO_HTTP);
  g_assert_cmpuint (s->status, ==, 200);
  g_assert_cmpstr (s->reason, ==, "http://berita.contoh.my/landing");
  g_assert_cmpstr (s->final_url, ==, "http://berita.contoh.my/landing");
  /* The request went to the proxy, which is the test server. */
  g_assert_cmpuint (hb_test_server_hits (server, "/landing"), ==, 1);
  g_assert_cmpstr (hb_test_server_last_header (server, "/landing", "Host"), ==, "berita.contoh.my");
  outcome_clear (&out);
}

/* ------------------------------------------------------------------ */
/* The cache and many links                                            */

static void
test_cache (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autofree char *url = hb_test_server_url (server, "/gone");
  g_autoptr(HbLinkStatus) old = NULL;
  Outcome out = { 0 };

  hb_test_server_add_static (server, "/gone", 404, "text/html", "x", -1);
  check (session, cache, server, "/gone", &out);
  check (session, cache, server, "/gone", &out);
  g_assert_cmpint (out.status->state, ==, HB_LINK_BROKEN);
  g_assert_cmpuint (hb_test_server_hits (server, "/gone"), ==, 1);

  /* Past its time, the result is checked again. */
  old = hb_link_cache_lookup (cache, url);
  old->checked_at -= (gint64) 16 * 60 * G_USEC_PER_SEC;
  hb_link_cache_store (cache, old);
  check (session, cache, server, "/gone", &out);
  g_assert_cmpuint (hb_test_server_hits (server, "/gone"), ==, 2);
  outcome_clear (&out);
}

/* Answers after 150 ms, counting how many requests wait at once. */
typedef struct
{
  guint now;
  guint most;
  guint total;
} InFlight;

static gboolean
answer_later_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;
  InFlight *flight = g_object_get_data (G_OBJECT (msg), "flight");

  flight->now--;
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
slow_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
              GHashTable *query, gpointer user_data)
{
  InFlight *flight = user_data;

  flight->now++;
  flight->total++;
  flight->most = MAX (flight->most, flight->now);
  g_object_set_data (G_OBJECT (msg), "flight", flight);
  soup_server_message_pause (msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 150, answer_later_cb, g_object_ref (msg), g_object_unref);
}

static void
test_check_all (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HbLinkStatus) fresh = NULL;
  InFlight flight = { 0 };
  Outcome out = { 0 };

  hb_test_server_add_handler (server, "/slow", slow_handler, &flight);
  hb_test_server_add_static (server, "/gone", 404, "text/html", "x", -1);
  hb_test_server_add_static (server, "/cached", 200, "text/html", "x", -1);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *path = g_strdup_printf ("/slow?n=%u", i);

      g_ptr_array_add (urls, hb_test_server_url (server, path));
    }
  g_ptr_array_add (urls, hb_test_server_url (server, "/gone"));
  g_ptr_array_add (urls, hb_test_server_url (server, "/slow?n=0"));
  g_ptr_array_add (urls, hb_test_server_url (server, "/cached"));
  fresh = hb_link_status_new (urls->pdata[7], HB_LINK_OK, 200, NULL, NULL);
  hb_link_cache_store (cache, fresh);
  g_ptr_array_add (urls, NULL);

  hb_link_check_all_async (session, cache, (const char * const *) urls->pdata, 2, &fast, NULL,
                           checked_all_cb, &out);
  hb_test_wait (&out.done, 10000);
  g_assert_no_error (out.error);
  g_assert_cmpuint (out.all->len, ==, 7);
  for (guint i = 0; i < 5; i++)
    {
      const HbLinkStatus *s = out.all->pdata[i];

      g_assert_cmpstr (s->url, ==, urls->pdata[i]);
      g_assert_cmpint (s->state, ==, HB_LINK_OK);
    }
  g_assert_cmpint (((HbLinkStatus *) out.all->pdata[5])->state, ==, HB_LINK_BROKEN);
  g_assert_cmpstr (((HbLinkStatus *) out.all->pdata[6])->url, ==, urls->pdata[7]);
  g_assert_cmpuint (flight.total, ==, 5);
  g_assert_cmpuint (hb_test_server_hits (server, "/cached"), ==, 0);
  g_assert_cmpuint (flight.most, ==, 2);
  /* Every result is in the cache for the linter. */
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(HbLinkStatus) s = hb_link_cache_lookup (cache, urls->pdata[i]);

      g_assert_nonnull (s);
    }
  outcome_clear (&out);
}

static gboolean
cancel_cb (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

/* Cancelling stops every running check and caches nothing. */
static void
test_cancel (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *a = hb_test_server_url (server, "/hang?a");
  g_autofree char *b = hb_test_server_url (server, "/hang?b");
  g_autofree char *c = hb_test_server_url (server, "/hang?c");
  const char *urls[] = { a, b, c, NULL };
  g_autoptr(HbLinkStatus) none = NULL;
  Outcome out = { 0 };
  guint received = 0;
  gint64 start;

  hb_test_server_add_handler (server, "/hang", hang_handler, &received);
  hb_link_check_all_async (session, cache, urls, 2, NULL, cancellable, checked_all_cb, &out);
  /* Both running checks reach the server before the cancel. */
  while (received < 2)
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  g_idle_add (cancel_cb, cancellable);
  hb_test_wait (&out.done, 5000);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (out.all);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1 * G_USEC_PER_SEC);
  none = hb_link_cache_lookup (cache, a);
  g_assert_null (none);
  /* The third never started. */
  g_assert_cmpuint (received, ==, 2);
  outcome_clear (&out);
}

/* What the window does: check the snapshot's links, lint with the
 * cache.  Captions link host names, not 127.0.0.1 (X links no bare
 * address), so the links name a host and the proxy brings them here. */
static void
test_lint_with_results (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(SoupSession) session = session_through_proxy (server);
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbPostSnapshot) snap = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const char *body = "Jadual: http://berita.contoh.my/ok\nBorang: http://berita.contoh.my/gone";
  g_autofree char *suggestion = NULL;
  g_auto(GStrv) urls = NULL;
  const HbPostFinding *pf;
  Outcome out = { 0 };

  hb_test_server_add_static (server, "/ok", 200, "text/html", "x", -1);
  hb_test_server_add_static (server, "/gone", 404, "text/html", "x", -1);
  hb_post_set_post_type (post, HB_POST_REPLY);
  hb_post_set_field (post, HB_FIELD_BODY, body);
  snap = hb_post_snapshot_new (post);
  urls = hb_post_snapshot_dup_link_urls (snap);
  g_assert_cmpstrv (urls, ((const char *[]) { "http://berita.contoh.my/ok", "http://berita.contoh.my/gone", NULL }));
  hb_link_check_all_async (session, cache, (const char * const *) urls, 0, &fast, NULL, checked_all_cb, &out);
  hb_test_wait (&out.done, 10000);
  g_assert_no_error (out.error);
  g_assert_cmpuint (hb_test_server_hits (server, "/ok"), ==, 1);

  hb_post_snapshot_set_link_cache (snap, cache);
  findings = hb_post_lint_snapshot (policy, snap, NULL);
  /* Both are http:// (offline); one is broken (checked). */
  g_assert_cmpuint (findings->len, ==, 3);
  pf = findings->pdata[0];
  g_assert_cmpstr (hb_finding_get_rule_id (pf->finding), ==, "link.insecure");
  g_assert_cmpuint (pf->start, ==, 8);
  pf = findings->pdata[1];
  g_assert_cmpstr (hb_finding_get_rule_id (pf->finding), ==, "link.broken");
  g_assert_cmpstr (pf->finding->text, ==, "http://berita.contoh.my/gone");
  g_assert_cmpuint (pf->source, ==, HB_FIELD_BODY);
  g_assert_cmpuint (pf->start, ==, 43);
  g_assert_cmpuint (pf->end, ==, 71);
  suggestion = hb_finding_dup_suggestion (pf->finding, HB_LANG_EN);
  g_assert_cmpstr (suggestion, ==, "Check the address (404 Not Found); correct it or remove the link.");
  pf = findings->pdata[2];
  g_assert_cmpstr (hb_finding_get_rule_id (pf->finding), ==, "link.insecure");
  g_assert_cmpuint (pf->start, ==, 43);
  outcome_clear (&out);
}

/* ------------------------------------------------------------------ */
/* hebahan-cli links                                                   */

/* The test server is also the CLI's proxy (the environment's http_proxy,
 * which the system proxy resolver honours), so that links to any host
 * name reach it. */
static void
cli (HbTestRun          *run,
     HbTestServer       *server,
     const char * const *args)
{
  g_autofree char *proxy = hb_test_server_url (server, "/");
  g_autofree char *setting = g_strconcat ("http_proxy=", proxy, NULL);
  const char *env[] = { setting, "no_proxy", "NO_PROXY", NULL };

  hb_test_run_cli (run, NULL, env, args);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hb-net-links-XXXXXX", &error);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  return path;
}

#define OK   "http://berita.contoh.my/ok"
#define GONE "http://berita.contoh.my/gone"

static void
test_cli (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *path = write_temp ("post.txt", "Jadual " OK "\nborang " GONE " dan " OK " lagi\n");
  g_autofree char *good = write_temp ("good.txt", "Jadual: " OK);
  g_autofree char *line1 = g_strdup_printf ("%s:1:8: works, plain HTTP: " OK " (200)\n", path);
  g_autofree char *line2 = g_strdup_printf ("%s:2:8: broken, plain HTTP: " GONE " (404 Not Found)\n", path);
  g_autofree char *summary = g_strdup_printf ("%s: 2 links, 1 broken\n", path);
  g_autofree char *all = g_strconcat (line1, line2, summary, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *links;
  JsonObject *o;

  hb_test_server_add_static (server, "/ok", 200, "text/html", "x", -1);
  hb_test_server_add_static (server, "/gone", 404, "text/html", "x", -1);
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, server, (const char *[]) { "links", "--timeout", "2", path, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpstr (run.out, ==, all);
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, server, (const char *[]) { "links", "--format", "json", path, NULL });
    g_assert_cmpint (run.status, ==, 1);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    o = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (o, "broken"), ==, 1);
    links = json_object_get_array_member (o, "links");
    g_assert_cmpuint (json_array_get_length (links), ==, 2);
    o = json_array_get_object_element (links, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, GONE);
    g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "broken");
    g_assert_cmpint (json_object_get_int_member (o, "status"), ==, 404);
    g_assert_cmpint (json_object_get_int_member (o, "start"), ==, 41);
    g_assert_cmpint (json_object_get_int_member (o, "end"), ==, 69);
    g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "text");
    g_assert_true (json_object_get_boolean_member (o, "insecure"));
    g_assert_false (json_object_get_boolean_member (o, "shortener"));
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, server, (const char *[]) { "links", good, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, server, (const char *[]) { "links", "/nonexistent/post.txt", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "hebahan-cli: /nonexistent/post.txt: "));
    g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, server, (const char *[]) { "links", "--timeout", "-1", path, NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--timeout"));
  }
}

/* A draft: the composed caption and a platform's own caption, with the
 * offline verdicts (a shortener) beside the checked ones. */
static void
test_cli_draft (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(HbPost) post = hb_post_new ();
  g_autofree char *dir = g_dir_make_tmp ("hb-net-links-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "post.hebahan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expect_own = NULL, *expect_short = NULL;
  g_auto(HbTestRun) run = { 0 };

  hb_test_server_add_static (server, "/ok", 200, "text/html", "x", -1);
  hb_test_server_add_static (server, "/gone", 404, "text/html", "x", -1);
  hb_test_server_add_redirect (server, "/pendek", 301, OK);
  hb_post_set_post_type (post, HB_POST_REPLY);
  hb_post_set_field (post, HB_FIELD_BODY, "Jadual " OK " atau http://bit.ly/pendek");
  hb_post_set_platforms (post, (const char *[]) { "facebook", "x", NULL });
  hb_post_set_caption_override (post, "x", "Borang: " GONE);
  g_assert_true (hb_draft_save (post, file, NULL, &error));
  cli (&run, server, (const char *[]) { "links", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  expect_own = g_strdup_printf ("%s (caption for x):1:9: broken, plain HTTP: " GONE " (404 Not Found)\n", path);
  expect_short = g_strdup_printf ("%s:1:40: works, plain HTTP, link shortener: http://bit.ly/pendek → " OK " (200)\n", path);
  g_assert_nonnull (strstr (run.out, expect_own));
  if (strstr (run.out, expect_short) == NULL) g_error ("%s", run.out);
  g_assert_true (g_str_has_suffix (run.out, ": 3 links, 1 broken\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/net/links/status", test_status);
  g_test_add_func ("/net/links/head-refused", test_head_refused);
  g_test_add_func ("/net/links/timeout", test_timeout);
  g_test_add_func ("/net/links/slow-drip", test_slow_drip);
  g_test_add_func ("/net/links/redirects", test_redirects);
  g_test_add_func ("/net/links/redirect-to-plain-http", test_redirect_to_plain_http);
  g_test_add_func ("/net/links/cache", test_cache);
  g_test_add_func ("/net/links/check-all", test_check_all);
  g_test_add_func ("/net/links/cancel", test_cancel);
  g_test_add_func ("/net/links/lint-with-results", test_lint_with_results);
  g_test_add_func ("/net/links/cli", test_cli);
  g_test_add_func ("/net/links/cli-draft", test_cli_draft);
  return g_test_run ();
}
