/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-net-site.c — the official-website cross-check (8.b): RSS, Atom and
 * HTML listings read into exact entries; the check against a SoupServer on
 * 127.0.0.1 (a match in another word order, case and date form; no match;
 * 404, 500, a timeout, a slow drip, a redirect loop, a redirect to plain
 * HTTP, a body that is no listing, cancellation); recording the page as
 * the checklist's evidence; and `hebahan-cli site-check`. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-net-error.h"
#include "hb-site-check.h"
#include "hb-site-listing.h"
#include "hb-test-server.h"

#define NAME "Program Kebersihan Taman Selasih"
#define DAY  "2026-12-12"

static const HbFetchOptions fast = { .deadline_ms = 1000, .max_redirects = 3 };

/* Newest first.  The match is the second item: its title puts the words
 * in another order and case, its date is in the HTML of its description
 * ("12hb Disember 2026"), its link is relative.  The first is another
 * programme on the same day; the third the same programme a year before. */
static const char rss[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rss version=\"2.0\"><channel><title>Berita MPKK</title>\n"
  "<item><title>Kempen Derma Darah di Dewan Orang Ramai</title>\n"
  "  <link>https://www.mpkk.gov.my/ms/berita/derma-darah</link>\n"
  "  <description>MPKK menganjurkan kempen derma darah.</description>\n"
  "  <pubDate>Fri, 11 Dec 2026 17:00:00 GMT</pubDate></item>\n"
  "<item><title>TAMAN SELASIH: program kebersihan bersama penduduk</title>\n"
  "  <link>/ms/berita/kebersihan-selasih</link>\n"
  "  <description>&lt;p&gt;Program kebersihan telah diadakan pada &lt;b&gt;Sabtu, 12hb Disember 2026&lt;/b&gt;.&lt;/p&gt;</description>\n"
  "  <pubDate>Mon, 14 Dec 2026 02:00:00 GMT</pubDate></item>\n"
  "<item><title>Program Kebersihan Taman Selasih</title>\n"
  "  <link>https://www.mpkk.gov.my/ms/berita/kebersihan-2025</link>\n"
  "  <description>Diadakan pada 13 Disember 2025.</description>\n"
  "  <pubDate>Sat, 13 Dec 2025 10:00 +0800</pubDate></item>\n"
  "</channel></rss>\n";

/* The match has no date in its words: its published date decides. */
static const char atom[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://www.mpkk.gov.my/ms/\">\n"
  "  <title>Pengumuman MPKK</title>\n"
  "  <entry><title type=\"html\">Gotong-royong &lt;em&gt;Perdana&lt;/em&gt; Taman Mawar</title>\n"
  "    <link rel=\"enclosure\" href=\"/gambar/1.jpg\"/><link rel=\"alternate\" href=\"berita/gotong-mawar\"/>\n"
  "    <updated>2026-12-12T08:00:00+08:00</updated></entry>\n"
  "  <entry><title>Kebersihan Taman Selasih: program perdana</title>\n"
  "    <link href=\"berita/kebersihan-selasih\"/>\n"
  "    <published>2026-12-11T18:00:00Z</published><updated>2026-12-15T03:00:00Z</updated>\n"
  "    <summary>Gambar sekitar program.</summary></entry>\n"
  "</feed>\n";

/* A page of links: navigation, a script that writes a link (not one), a
 * list with dates beside the links, a card whose link says "Baca lagi". */
static const char html[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Berita</title>"
  "<base href=\"/ms/\"></head><body>\n"
  "<nav><a href=\"/\">Utama</a> <a href=\"/ms/hubungi\">Hubungi Kami</a>"
  " <a href=\"javascript:void(0)\">Cetak halaman</a> <a href=\"mailto:web@mpkk.gov.my\">E-mel kami</a></nav>\n"
  "<script>var x = \"<a href='/ms/berita/palsu'>Program Kebersihan Taman Selasih 12/12/2026</a>\";</script>\n"
  "<ul class=\"berita\">\n"
  " <li><a href=\"berita/derma-darah\">Kempen Derma Darah</a> <span>12 Dis 2026</span></li>\n"
  " <li><a href=\"berita/kebersihan-selasih\">Program Kebersihan di Taman Selasih</a> <span>12 Dis 2026</span></li>\n"
  " <li><a href=\"berita/kebersihan-2025\">Program Kebersihan Taman Selasih</a> <span>13/12/2025</span></li>\n"
  "</ul>\n"
  "<div class=\"kad\"><h3>Karnival Sukan Rakyat Kampung Selarong</h3>"
  "<p><time datetime=\"2026-12-19\">19 Disember</time> — Karnival sukan untuk semua.</p>"
  "<a href=\"berita/karnival#gambar\">Baca lagi</a> <a href=\"berita/karnival\">Karnival</a></div>\n"
  "</body></html>\n";

/* ------------------------------------------------------------------ */
/* Reading listings                                                    */

static GPtrArray *
parse (const char *body,
       const char *type,
       const char *base)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = hb_site_listing_parse (bytes, type, base, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static const HbSiteEntry *
entry (GPtrArray *entries,
       guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return entries->pdata[i];
}

/* The entry's date in Malaysian time, as "2026-12-12 10:00". */
static void
assert_date (const HbSiteEntry *e,
             const char        *expected)
{
  g_autofree char *text = e->date ? g_date_time_format (e->date, "%Y-%m-%d %H:%M %z") : NULL;

  g_assert_cmpstr (text, ==, expected);
}

static void
test_parse_rss (void)
{
  g_autoptr(GPtrArray) entries = parse (rss, "application/rss+xml", "https://www.mpkk.gov.my/ms/rss.xml");

  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (entry (entries, 0)->title, ==, "Kempen Derma Darah di Dewan Orang Ramai");
  g_assert_cmpstr (entry (entries, 0)->url, ==, "https://www.mpkk.gov.my/ms/berita/derma-darah");
  /* 17:00 GMT on the 11th is one in the morning of the 12th in Kulim. */
  assert_date (entry (entries, 0), "2026-12-12 01:00 +0800");
  g_assert_cmpstr (entry (entries, 1)->url, ==, "https://www.mpkk.gov.my/ms/berita/kebersihan-selasih");
  g_assert_cmpstr (entry (entries, 1)->summary, ==,
                   "Program kebersihan telah diadakan pada Sabtu, 12hb Disember 2026.");
  assert_date (entry (entries, 1), "2026-12-14 10:00 +0800");
  assert_date (entry (entries, 2), "2025-12-13 10:00 +0800");
}

static void
test_parse_atom (void)
{
  g_autoptr(GPtrArray) entries = parse (atom, "application/atom+xml", "https://www.mpkk.gov.my/feed");

  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (entry (entries, 0)->title, ==, "Gotong-royong Perdana Taman Mawar");
  g_assert_cmpstr (entry (entries, 0)->url, ==, "https://www.mpkk.gov.my/ms/berita/gotong-mawar");
  g_assert_null (entry (entries, 0)->summary);
  assert_date (entry (entries, 0), "2026-12-12 08:00 +0800");
  g_assert_cmpstr (entry (entries, 1)->url, ==, "https://www.mpkk.gov.my/ms/berita/kebersihan-selasih");
  g_assert_cmpstr (entry (entries, 1)->summary, ==, "Gambar sekitar program.");
  /* Published (18:00 UTC on the 11th) rather than updated. */
  assert_date (entry (entries, 1), "2026-12-12 02:00 +0800");
}

static void
test_parse_html (void)
{
  static const char * const titles[] = {
    "Utama", "Hubungi Kami", "Kempen Derma Darah", "Program Kebersihan di Taman Selasih",
    "Program Kebersihan Taman Selasih", "Karnival Sukan Rakyat Kampung Selarong",
  };
  static const char * const urls[] = {
    "https://www.mpkk.gov.my/", "https://www.mpkk.gov.my/ms/hubungi",
    "https://www.mpkk.gov.my/ms/berita/derma-darah", "https://www.mpkk.gov.my/ms/berita/kebersihan-selasih",
    "https://www.mpkk.gov.my/ms/berita/kebersihan-2025", "https://www.mpkk.gov.my/ms/berita/karnival",
  };
  g_autoptr(GPtrArray) entries = parse (html, "text/html", "https://www.mpkk.gov.my/ms/berita/senarai");

  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < entries->len; i++)
    {
      g_assert_cmpstr (entry (entries, i)->title, ==, titles[i]);
      g_assert_cmpstr (entry (entries, i)->url, ==, urls[i]);
    }
  /* Navigation links share their parent with others: no summary. */
  g_assert_null (entry (entries, 0)->summary);
  g_assert_cmpstr (entry (entries, 3)->summary, ==, "Program Kebersihan di Taman Selasih 12 Dis 2026");
  g_assert_null (entry (entries, 3)->date);
  g_assert_cmpstr (entry (entries, 5)->summary, ==,
                   "Karnival Sukan Rakyat Kampung Selarong 19 Disember — Karnival sukan untuk semua. Baca lagi Karnival");
  assert_date (entry (entries, 5), "2026-12-19 00:00 +0800");
}

/* Not a listing: a clear error, not "not found". */
static void
test_parse_refused (void)
{
  static const struct { const char *body, *type; } cases[] = {
    { "{\"berita\": []}", "application/json" },
    { "<?xml version=\"1.0\"?><rss><channel><item><title>x</title>", "application/rss+xml" },
    { "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml" },
    { "<?xml version=\"1.0\"?><catalog><book/></catalog>", "application/xml" },
    { "", "text/html" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].body, strlen (cases[i].body));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = hb_site_listing_parse (bytes, cases[i].type, "https://s.my/x", &error);

      g_assert_null (entries);
      g_assert_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT);
      g_assert_nonnull (strstr (error->message, "https://s.my/x"));
    }
}

/* An empty feed is a listing with nothing in it; external entities are
 * never fetched nor expanded. */
static void
test_parse_empty_and_entities (void)
{
  const char *empty = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";
  const char *entity =
    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    "<rss version=\"2.0\"><channel><item><title>Program &xxe; Kebersihan</title>"
    "<link>https://s.my/1</link></item></channel></rss>";
  g_autoptr(GPtrArray) none = parse (empty, "application/rss+xml", "https://s.my/rss");
  g_autoptr(GPtrArray) one = parse (entity, "application/rss+xml", "https://s.my/rss");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (entry (one, 0)->title, ==, "Program Kebersihan");
}

/* ------------------------------------------------------------------ */
/* The check against a server                                          */

typedef struct
{
  gboolean           done;
  HbSiteCheckResult *result;
  GError            *error;
} Outcome;

static void
outcome_clear (Outcome *out)
{
  g_clear_pointer (&out->result, hb_site_check_result_free);
  g_clear_error (&out->error);
  out->done = FALSE;
}

static void
checked_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  Outcome *out = user_data;

  out->result = hb_site_check_finish (res, &out->error);
  out->done = TRUE;
}

static void
site_check (SoupSession  *session,
            HbTestServer *server,
            const char   *path,
            const char   *name,
            Outcome      *out)
{
  g_autofree char *url = hb_test_server_url (server, path);
  g_autoptr(HbSiteQuery) query = hb_site_query_new (name, DAY, NULL);

  outcome_clear (out);
  hb_site_check_async (session, url, query, &fast, NULL, checked_cb, out);
  hb_test_wait (&out->done, 10000);
}

static HbTestServer *
listing_server (void)
{
  HbTestServer *server = hb_test_server_new ();

  hb_test_server_add_static (server, "/rss.xml", 200, "application/rss+xml", rss, -1);
  hb_test_server_add_static (server, "/atom.xml", 200, "application/atom+xml", atom, -1);
  hb_test_server_add_static (server, "/berita", 200, "text/html", html, -1);
  return server;
}

static void
assert_found (Outcome    *out,
              const char *title,
              const char *url,
              guint       n_entries)
{
  g_assert_no_error (out->error);
  g_assert_nonnull (out->result);
  g_assert_nonnull (out->result->match);
  g_assert_cmpstr (out->result->match->title, ==, title);
  g_assert_cmpstr (out->result->match->url, ==, url);
  g_assert_true (out->result->match->dated);
  g_assert_cmpuint (out->result->n_entries, ==, n_entries);
}

static void
test_found (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autofree char *rss_match = hb_test_server_url (server, "/ms/berita/kebersihan-selasih");
  g_autofree char *html_match = hb_test_server_url (server, "/ms/berita/kebersihan-selasih");
  Outcome out = { 0 };

  site_check (session, server, "/rss.xml", NAME, &out);
  assert_found (&out, "TAMAN SELASIH: program kebersihan bersama penduduk", rss_match, 3);
  site_check (session, server, "/atom.xml", NAME, &out);
  assert_found (&out, "Kebersihan Taman Selasih: program perdana",
                "https://www.mpkk.gov.my/ms/berita/kebersihan-selasih", 2);
  site_check (session, server, "/berita", NAME, &out);
  assert_found (&out, "Program Kebersihan di Taman Selasih", html_match, 6);
  outcome_clear (&out);
}

/* Found nowhere: a result that says how many entries were looked at. */
static void
test_not_found (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autofree char *url = hb_test_server_url (server, "/rss.xml");
  Outcome out = { 0 };

  site_check (session, server, "/rss.xml", "Program Gotong-Royong Taman Melati", &out);
  g_assert_no_error (out.error);
  g_assert_null (out.result->match);
  g_assert_cmpuint (out.result->n_entries, ==, 3);
  g_assert_cmpstr (out.result->listing_url, ==, url);
  outcome_clear (&out);
}

static void
hang_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
              GHashTable *query, gpointer user_data)
{
  soup_server_message_pause (msg);
}

/* The start of a feed, then a byte every 100 ms for ever. */
static void
drip_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
              GHashTable *query, gpointer user_data)
{
  hb_test_drip_start (msg, "<?xml version=\"1.0\"?><rss>");
}

static SoupSession *
session_through_proxy (HbTestServer *server)
{
  g_autofree char *proxy = hb_test_server_url (server, "");
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new (proxy, NULL);
  SoupSession *session = hb_net_session_new ();

  soup_session_set_proxy_resolver (session, resolver);
  return session;
}

/* Every way the listing can fail to arrive, each with its own error. */
static void
test_failures (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autoptr(SoupSession) session = session_through_proxy (server);
  Outcome out = { 0 };
  gint64 start;

  hb_test_server_add_static (server, "/gone", 404, "text/html", "<p>tiada</p>", -1);
  hb_test_server_add_static (server, "/error", 500, "text/html", "<p>ralat</p>", -1);
  hb_test_server_add_static (server, "/json", 200, "application/json", "{\"berita\": []}", -1);
  hb_test_server_add_static (server, "/broken.xml", 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss><chan", -1);
  hb_test_server_add_handler (server, "/hang", hang_handler, NULL);
  hb_test_server_add_handler (server, "/drip", drip_handler, NULL);
  hb_test_server_add_redirect (server, "/loop", 302, "/loop");
  hb_test_server_add_redirect (server, "/to-plain", 302, "http://www.contoh.my/rss.xml");

  site_check (session, server, "/gone", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_HTTP_STATUS);
  g_assert_nonnull (strstr (out.error->message, "404 Not Found"));
  site_check (session, server, "/error", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_HTTP_STATUS);
  g_assert_nonnull (strstr (out.error->message, "500 Internal Server Error"));
  site_check (session, server, "/json", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT);
  site_check (session, server, "/broken.xml", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT);
  site_check (session, server, "/loop", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_TOO_MANY_REDIRECTS);
  g_assert_cmpuint (hb_test_server_hits (server, "/loop"), ==, 4);
  /* Refused before any request: the proxy would have served it. */
  site_check (session, server, "/to-plain", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_INSECURE);
  g_assert_cmpuint (hb_test_server_hits (server, "/rss.xml"), ==, 0);

  start = g_get_monotonic_time ();
  site_check (session, server, "/hang", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  start = g_get_monotonic_time ();
  site_check (session, server, "/drip", NAME, &out);
  g_assert_error (out.error, HB_NET_ERROR, HB_NET_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  outcome_clear (&out);
}

/* A moved listing is followed; the result names where it was read. */
static void
test_redirected (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autofree char *final = hb_test_server_url (server, "/rss.xml");
  Outcome out = { 0 };

  hb_test_server_add_redirect (server, "/feed", 301, "/rss.xml");
  site_check (session, server, "/feed", NAME, &out);
  g_assert_no_error (out.error);
  g_assert_nonnull (out.result->match);
  g_assert_cmpstr (out.result->listing_url, ==, final);
  outcome_clear (&out);
}

static gboolean
cancel_cb (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = hb_test_server_url (server, "/hang");
  g_autoptr(HbSiteQuery) query = hb_site_query_new (NAME, DAY, NULL);
  Outcome out = { 0 };

  hb_test_server_add_handler (server, "/hang", hang_handler, NULL);
  hb_site_check_async (session, url, query, NULL, cancellable, checked_cb, &out);
  g_timeout_add (100, cancel_cb, cancellable);
  hb_test_wait (&out.done, 5000);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (out.result);
  outcome_clear (&out);
}

/* What the window does with a match: the 8.b item confirmed with it. */
static void
test_record (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(HbPolicy) policy = hb_policy_new_builtin ();
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbSiteQuery) query = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = hb_test_server_url (server, "/berita");
  g_autofree char *page = hb_test_server_url (server, "/ms/berita/kebersihan-selasih");
  g_autofree char *evidence = g_strdup_printf ("Program Kebersihan di Taman Selasih — %s", page);
  Outcome out = { 0 };

  hb_post_set_field (post, HB_FIELD_EVENT_NAME, NAME);
  hb_post_set_field (post, HB_FIELD_DATE, DAY);
  query = hb_site_query_new_for_post (post, &error);
  g_assert_no_error (error);
  hb_site_check_async (session, url, query, &fast, NULL, checked_cb, &out);
  hb_test_wait (&out.done, 10000);
  g_assert_no_error (out.error);
  g_assert_true (hb_site_match_record (out.result->match, post, policy, "Aminah binti Hassan", &error));
  g_assert_no_error (error);
  statuses = hb_checklist_evaluate (policy, post, NULL, HB_LANG_MS);
  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      if (g_strcmp0 (s->item->id, HB_SITE_CHECK_ITEM) != 0)
        continue;
      g_assert_cmpint (s->state, ==, HB_ITEM_CONFIRMED);
      g_assert_cmpstr (s->note, ==, evidence);
      g_assert_cmpstr (s->who, ==, "Aminah binti Hassan");
    }
  outcome_clear (&out);
}

/* ------------------------------------------------------------------ */
/* hebahan-cli site-check                                              */

static void
cli (HbTestRun          *run,
     const char * const *args)
{
  hb_test_run_cli (run, NULL, NULL, args);
}

/* A draft of the programme @name on DAY in a new folder. */
static char *
write_draft (const char *name)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autofree char *dir = g_dir_make_tmp ("hb-net-site-XXXXXX", NULL);
  char *path = g_build_filename (dir, "hebahan.hebahan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (name)
    hb_post_set_field (post, HB_FIELD_EVENT_NAME, name);
  hb_post_set_field (post, HB_FIELD_DATE, DAY);
  g_assert_true (hb_draft_save (post, file, NULL, &error));
  return path;
}

static void
test_cli_found (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autofree char *url = hb_test_server_url (server, "/rss.xml");
  g_autofree char *page = hb_test_server_url (server, "/ms/berita/kebersihan-selasih");
  g_autofree char *draft = write_draft (NAME);
  g_autofree char *expected = g_strdup_printf ("found: TAMAN SELASIH: program kebersihan bersama penduduk — %s\n", page);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *match;

  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, (const char *[]) { "site-check", draft, "--url", url, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, (const char *[]) { "site-check", "--format", "json", "--url", url, draft, NULL });
    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_get_boolean_member (root, "found"));
    g_assert_false (json_object_get_boolean_member (root, "recorded"));
    g_assert_cmpint (json_object_get_int_member (root, "entries"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (root, "listing"), ==, url);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "query"), "date"), ==, DAY);
    match = json_object_get_object_member (root, "match");
    g_assert_cmpstr (json_object_get_string_member (match, "url"), ==, page);
  }
}

static void
test_cli_not_found (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autofree char *url = hb_test_server_url (server, "/rss.xml");
  g_autofree char *draft = write_draft ("Program Gotong-Royong Taman Melati");
  g_autofree char *expected = g_strdup_printf ("not found: none of the 3 entries at %s names "
                                               "“Program Gotong-Royong Taman Melati” on " DAY "\n", url);
  g_auto(HbTestRun) run = { 0 };

  cli (&run, (const char *[]) { "site-check", draft, "--url", url, "--record", "--who", "Aminah", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected);
}

/* --record saves the page into the draft as the 8.b evidence. */
static void
test_cli_record (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autofree char *url = hb_test_server_url (server, "/berita");
  g_autofree char *page = hb_test_server_url (server, "/ms/berita/kebersihan-selasih");
  g_autofree char *draft = write_draft (NAME);
  g_autofree char *evidence = g_strdup_printf ("Program Kebersihan di Taman Selasih — %s", page);
  g_autoptr(GFile) file = g_file_new_for_path (draft);
  g_autoptr(HbPost) post = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *answer;
  g_auto(HbTestRun) run = { 0 };

  cli (&run, (const char *[]) { "site-check", draft, "--url", url, "--record", "--who", "Aminah binti Hassan", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "recorded as the evidence of “announced-on-website”\n"));
  post = hb_draft_load (file, NULL, &error);
  g_assert_no_error (error);
  answer = json_object_get_object_member (json_node_get_object (hb_post_get_checklist (post)), HB_SITE_CHECK_ITEM);
  g_assert_cmpstr (json_object_get_string_member (answer, "state"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (answer, "who"), ==, "Aminah binti Hassan");
  g_assert_cmpstr (json_object_get_string_member (answer, "note"), ==, evidence);
}

static void
assert_one_line_error (const HbTestRun *run,
                       const char      *words)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "hebahan-cli: "));
  if (strstr (run->err, words) == NULL)
    g_error ("“%s” does not say “%s”", run->err, words);
  g_assert_cmpstr (strchr (run->err, '\n'), ==, "\n");
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_cli_errors (void)
{
  g_autoptr(HbTestServer) server = listing_server ();
  g_autofree char *gone = hb_test_server_url (server, "/gone");
  g_autofree char *url = hb_test_server_url (server, "/rss.xml");
  g_autofree char *draft = write_draft (NAME);
  g_autofree char *nameless = write_draft (NULL);

  hb_test_server_add_static (server, "/gone", 404, "text/html", "x", -1);
  {
    g_auto(HbTestRun) run = { 0 };

    /* No --url, and nothing in the (memory) settings. */
    cli (&run, (const char *[]) { "site-check", draft, NULL });
    assert_one_line_error (&run, "give --url URL");
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, (const char *[]) { "site-check", draft, "--url", gone, NULL });
    assert_one_line_error (&run, "404 Not Found");
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, (const char *[]) { "site-check", nameless, "--url", url, NULL });
    assert_one_line_error (&run, "programme name is missing");
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, (const char *[]) { "site-check", draft, "--url", url, "--record", NULL });
    assert_one_line_error (&run, "--who NAME");
  }
  {
    g_auto(HbTestRun) run = { 0 };

    cli (&run, (const char *[]) { "site-check", draft, "--url", "http://www.mpkk.gov.my/rss", NULL });
    assert_one_line_error (&run, "only HTTPS");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/net/site/parse-rss", test_parse_rss);
  g_test_add_func ("/net/site/parse-atom", test_parse_atom);
  g_test_add_func ("/net/site/parse-html", test_parse_html);
  g_test_add_func ("/net/site/parse-refused", test_parse_refused);
  g_test_add_func ("/net/site/parse-empty-and-entities", test_parse_empty_and_entities);
  g_test_add_func ("/net/site/found", test_found);
  g_test_add_func ("/net/site/not-found", test_not_found);
  g_test_add_func ("/net/site/failures", test_failures);
  g_test_add_func ("/net/site/redirected", test_redirected);
  g_test_add_func ("/net/site/cancel", test_cancel);
  g_test_add_func ("/net/site/record", test_record);
  g_test_add_func ("/net/site/cli-found", test_cli_found);
  g_test_add_func ("/net/site/cli-not-found", test_cli_not_found);
  g_test_add_func ("/net/site/cli-record", test_cli_record);
  g_test_add_func ("/net/site/cli-errors", test_cli_errors);
  return g_test_run ();
}
