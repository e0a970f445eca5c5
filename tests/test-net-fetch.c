/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-net-fetch.c — the bounded fetch every network helper uses, against
 * a SoupServer on 127.0.0.1. */
#include "hb-net-error.h"
#include "hb-net-fetch.h"
#include "hb-test-server.h"

typedef struct
{
  gboolean       done;
  HbFetchResult *result;
  GError        *error;
} Outcome;

static void
fetched_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  Outcome *out = user_data;

  out->result = hb_net_fetch_finish (res, &out->error);
  out->done = TRUE;
}

static void
fetch (HbTestServer         *server,
       const char           *path,
       const HbFetchOptions *options,
       Outcome              *out)
{
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autofree char *url = hb_test_server_url (server, path);

  hb_net_fetch_async (session, url, options, NULL, fetched_cb, out);
  hb_test_wait (&out->done, 10000);
}

static void
outcome_clear (Outcome *out)
{
  g_clear_pointer (&out->result, hb_fetch_result_free);
  g_clear_error (&out->error);
}

static void
test_ok_and_status (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  Outcome out = { 0 };
  g_autoptr(GError) error = NULL;

  hb_test_server_add_static (server, "/a", 200, "text/plain", "hello", -1);
  hb_test_server_add_static (server, "/gone", 404, "text/plain", "no", -1);
  fetch (server, "/a", NULL, &out);
  g_assert_no_error (out.error);
  g_assert_cmpuint (out.result->status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (out.result->body, NULL), g_bytes_get_size (out.result->body), "hello", 5);
  g_assert_cmpstr (out.result->content_type, ==, "text/plain");
  outcome_clear (&out);
  out.done = FALSE;

  fetch (server, "/gone", NULL, &out);
  g_assert_no_error (out.error);
  g_assert_cmpuint (out.result->status, ==, 404);
  g_assert_false (hb_fetch_result_ok (out.result, &error));
  g_assert_error (error, HB_NET_ERROR, HB_NET_ERROR_HTTP_STATUS);
  outcome_clear (&out);
}

static void
test_redirects (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *target = hb_test_server_url (server, "/target");
  Outcome out = { 0 };

  hb_test_server_add_static (server, "/target", 200, "text/plain", "here", -1);
  hb_test_server_add_redirect (server, "/moved", 301, target);
  hb_test_server_add_redirect (server, "/loop", 302, "/loop");
  hb_test_server_add_redirect (server, "/insecure", 302, "http://example.invalid/x");

  fetch (server, "/moved", NULL, &out);
  g_assert_no_error (out.error);
  g_assert_cmpstr (out.result->final_url, ==, target);
  g_assert_cmpuint (out.result->n_redirects, ==, 1);
  outcome_clear (&out);

  out.done = FALSE;
  fetch (server, "/loop", &(HbFetchOptions) { .max_redirects = 3 }, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_TOO_MANY_REDIRECTS);
  g_assert_cmpuint (hb_test_server_hits (server, "/loop"), ==, 4);
  outcome_clear (&out);

  out.done = FALSE;
  fetch (server, "/insecure", NULL, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_INSECURE);
  outcome_clear (&out);
}

static void
test_too_large (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *big = g_strnfill (300 * 1024, 'x');
  Outcome out = { 0 };

  hb_test_server_add_static (server, "/big", 200, "text/plain", big, -1);
  fetch (server, "/big", &(HbFetchOptions) { .max_bytes = 100 * 1024 }, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_TOO_LARGE);
  outcome_clear (&out);
}

static void
drip_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
              GHashTable *query, gpointer user_data)
{
  hb_test_drip_start (msg, NULL);
}

static void
test_deadline (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  Outcome out = { 0 };
  gint64 start = g_get_monotonic_time ();

  hb_test_server_add_handler (server, "/drip", drip_handler, NULL);
  fetch (server, "/drip", &(HbFetchOptions) { .deadline_ms = 600 }, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  outcome_clear (&out);
}

static void
test_url_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hb_net_url_check ("https://www.mpkk.gov.my/x", FALSE, NULL));
  g_assert_true (hb_net_url_check ("http://127.0.0.1:8080/x", FALSE, NULL));
  g_assert_true (hb_net_url_check ("http://[::1]/x", FALSE, NULL));
  g_assert_true (hb_net_url_check ("http://localhost/x", FALSE, NULL));
  g_assert_false (hb_net_url_check ("http://www.mpkk.gov.my/x", FALSE, &error));
  g_assert_error (error, HB_NET_ERROR, HB_NET_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_true (hb_net_url_check ("http://www.mpkk.gov.my/x", TRUE, NULL));
  g_assert_false (hb_net_url_check ("ftp://www.mpkk.gov.my/x", FALSE, &error));
  g_assert_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_URL);
  g_clear_error (&error);
  g_assert_false (hb_net_url_check ("not a url", FALSE, &error));
  g_assert_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_URL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/net/fetch/ok-and-status", test_ok_and_status);
  g_test_add_func ("/net/fetch/redirects", test_redirects);
  g_test_add_func ("/net/fetch/too-large", test_too_large);
  g_test_add_func ("/net/fetch/deadline", test_deadline);
  g_test_add_func ("/net/fetch/url-check", test_url_check);
  return g_test_run ();
}
