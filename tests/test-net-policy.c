/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-net-policy.c — policy-pack updates (hb-policy-update.c) and
 * `hebahan-cli policy fetch`, against a SoupServer on 127.0.0.1 in this
 * process.  Every test runs with its own empty data and config folders
 * (G_TEST_OPTION_ISOLATE_DIRS), which the CLI is given; after every failure
 * the test checks that the pack in use is still the previous one. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-error.h"
#include "hb-net-error.h"
#include "hb-net-fetch.h"
#include "hb-policy-cache.h"
#include "hb-policy-update.h"
#include "hb-test-server.h"

#define BUILTIN_VERSION "2026.12.4"
#define PACK_ID         "mpkk-media-sosial"
#define FAST            (&(HbPolicyUpdateOptions) { .deadline_ms = 400 })

/* ------------------------------------------------------------------ */
/* Packs and the server                                                */

/* A small valid pack, quick to validate, with one rule of its own, so
 * that `lint` shows which pack it applies. */
static GBytes *
pack_with_version (const char *version)
{
  char *json = g_strdup_printf (
    "{\"format\": \"hebahan-policy/1\", \"id\": \"" PACK_ID "\", \"version\": \"%s\",\n"
    " \"title\": {\"ms\": \"Pek ujian\", \"en\": \"Test pack\"},\n"
    " \"clauses\": [{\"id\": \"8.c\", \"text\": {\"ms\": \"Nada.\", \"en\": \"Tone.\"}}],\n"
    " \"checklist\": [], \"allow\": [],\n"
    " \"lexicons\": {\"fruit\": {\"morph\": \"none\", \"terms\": [\"durian\"]}},\n"
    " \"rules\": [{\"id\": \"test.fruit\", \"topic\": \"tone\", \"clause\": \"8.c\",\n"
    "   \"severity\": \"warning\", \"kind\": \"lexicon\", \"match\": \"fruit\",\n"
    "   \"message\": {\"ms\": \"Buah.\", \"en\": \"A fruit.\"},\n"
    "   \"examples\": {\"bad\": [\"Saya suka durian.\"], \"good\": [\"Saya suka manggis.\"]}}]}\n",
    version);

  return g_bytes_new_take (json, strlen (json));
}

/* The built-in pack's source with another version: the real size. */
static GBytes *
full_pack_with_version (const char *version)
{
  g_autofree char *json = NULL;
  g_autoptr(GString) s = NULL;
  g_autofree char *from = g_strdup_printf ("\"version\": \"%s\"", BUILTIN_VERSION);
  g_autofree char *to = g_strdup_printf ("\"version\": \"%s\"", version);

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, NULL, NULL));
  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&s));
}

/* One pack address that honours If-None-Match, as a real server does. */
typedef struct
{
  GBytes   *body;
  char     *etag;           /* sent with the pack; NULL for a server without ETags */
  gboolean  always_304;
  guint     hits;
  char     *if_none_match;  /* what the last request sent, or NULL */
} PackSite;

static void
pack_site_clear (PackSite *site)
{
  g_clear_pointer (&site->body, g_bytes_unref);
  g_clear_pointer (&site->etag, g_free);
  g_clear_pointer (&site->if_none_match, g_free);
}

static void
pack_site_handler (SoupServer        *soup,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  PackSite *site = user_data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *inm = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                  "If-None-Match");
  gsize size = 0;
  const char *data;

  site->hits++;
  g_free (site->if_none_match);
  site->if_none_match = g_strdup (inm);
  if (site->etag != NULL)
    soup_message_headers_replace (response, "ETag", site->etag);
  if (site->always_304 || (site->etag != NULL && g_strcmp0 (inm, site->etag) == 0))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  data = g_bytes_get_data (site->body, &size);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, size);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static void
pack_site_serve (HbTestServer *server,
                 const char   *path,
                 PackSite     *site,
                 const char   *version,
                 const char   *etag)
{
  site->body = pack_with_version (version);
  site->etag = g_strdup (etag);
  hb_test_server_add_handler (server, path, pack_site_handler, site);
}

/* Answers nothing at all: no status line, no headers. */
static void
silent_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
                GHashTable *query, gpointer user_data)
{
  soup_server_message_pause (msg);
}

static void
drip_handler (SoupServer *soup, SoupServerMessage *msg, const char *path,
              GHashTable *query, gpointer user_data)
{
  hb_test_drip_start (msg, NULL);
}

/* ------------------------------------------------------------------ */
/* Running an update                                                   */

typedef struct
{
  gboolean               done;
  HbPolicy              *policy;
  HbPolicyUpdateOutcome  outcome;
  GError                *error;
} Update;

static void
update_clear (Update *u)
{
  g_clear_object (&u->policy);
  g_clear_error (&u->error);
  u->done = FALSE;
  u->outcome = -1;
}

static void
updated_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Update *u = user_data;

  u->policy = hb_policy_update_finish (result, &u->outcome, &u->error);
  u->done = TRUE;
}

static void
update_url (const char                  *url,
            const HbPolicyUpdateOptions *options,
            GCancellable                *cancellable,
            Update                      *u)
{
  g_autoptr(SoupSession) session = hb_net_session_new ();

  update_clear (u);
  hb_policy_update_async (session, url, options, cancellable, updated_cb, u);
  hb_test_wait (&u->done, 10000);
  g_assert_true ((u->policy != NULL) != (u->error != NULL));
}

static void
update (HbTestServer                *server,
        const char                  *path,
        const HbPolicyUpdateOptions *options,
        Update                      *u)
{
  g_autofree char *url = hb_test_server_url (server, path);

  update_url (url, options, NULL, u);
}

/* ------------------------------------------------------------------ */
/* What is in use                                                      */

static GBytes *
cached_bytes (void)
{
  g_autofree char *path = hb_policy_cache_path ();
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* The pack the app and the CLI would load now is @version from @source,
 * with nothing reported as broken. */
static void
assert_in_use (const char     *version,
               HbPolicySource  source)
{
  g_autoptr(GError) problems = NULL;
  g_autoptr(HbPolicy) active = hb_policy_load_default (&problems);

  g_assert_no_error (problems);
  g_assert_cmpstr (hb_policy_get_id (active), ==, PACK_ID);
  g_assert_cmpstr (hb_policy_get_version (active), ==, version);
  g_assert_cmpint (hb_policy_get_source (active), ==, source);
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* ------------------------------------------------------------------ */
/* Success                                                             */

static void
test_updated (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *url = hb_test_server_url (server, "/pack.json");
  g_autofree char *cache_path = hb_policy_cache_path ();
  g_autoptr(GBytes) cached = NULL;
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  g_autofree char *sha = NULL;
  PackSite site = { 0 };
  Update u = { 0 };

  /* The real pack's size, within the default cap and deadline. */
  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  g_bytes_unref (site.body);
  site.body = full_pack_with_version ("2026.12.5");
  assert_in_use (BUILTIN_VERSION, HB_POLICY_SOURCE_BUILTIN);
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  g_assert_cmpstr (hb_policy_get_version (u.policy), ==, "2026.12.5");
  g_assert_cmpint (hb_policy_get_source (u.policy), ==, HB_POLICY_SOURCE_FETCHED);
  g_assert_cmpstr (hb_policy_get_origin (u.policy), ==, cache_path);
  /* Nothing was cached, so nothing conditional was asked. */
  g_assert_cmpuint (site.hits, ==, 1);
  g_assert_null (site.if_none_match);

  /* The cache holds the server's bytes exactly, and says where they came from. */
  cached = cached_bytes ();
  g_assert_nonnull (cached);
  g_assert_true (g_bytes_equal (cached, site.body));
  sha = sha256_of (site.body);
  g_assert_cmpstr (hb_policy_get_sha256 (u.policy), ==, sha);
  info = hb_policy_cache_info_load (NULL);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->url, ==, url);
  g_assert_cmpstr (info->etag, ==, "\"v1\"");
  g_assert_cmpstr (info->sha256, ==, sha);
  g_assert_cmpstr (info->id, ==, PACK_ID);
  g_assert_cmpstr (info->version, ==, "2026.12.5");
  g_assert_nonnull (info->fetched);
  g_assert_null (info->failure);
  assert_in_use ("2026.12.5", HB_POLICY_SOURCE_FETCHED);

  update_clear (&u);
  pack_site_clear (&site);
}

static void
test_not_modified (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  g_autofree char *sha = NULL;
  PackSite site = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  before = cached_bytes ();
  sha = sha256_of (before);

  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_NOT_MODIFIED);
  g_assert_cmpuint (site.hits, ==, 2);
  g_assert_cmpstr (site.if_none_match, ==, "\"v1\"");
  /* The 304 keeps the cached pack, and it is what is in use. */
  g_assert_cmpstr (hb_policy_get_sha256 (u.policy), ==, sha);
  g_assert_cmpint (hb_policy_get_source (u.policy), ==, HB_POLICY_SOURCE_FETCHED);
  after = cached_bytes ();
  g_assert_true (g_bytes_equal (before, after));
  info = hb_policy_cache_info_load (NULL);
  g_assert_cmpstr (info->etag, ==, "\"v1\"");
  g_assert_nonnull (info->checked);
  g_assert_cmpint (g_date_time_compare (info->checked, info->fetched), >=, 0);
  assert_in_use ("2026.12.5", HB_POLICY_SOURCE_FETCHED);

  update_clear (&u);
  pack_site_clear (&site);
}

/* A new pack on the server replaces the cached one; the old ETag was asked. */
static void
test_changed_on_server (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  PackSite site = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);

  g_bytes_unref (site.body);
  site.body = pack_with_version ("2027.1.1");
  g_free (site.etag);
  site.etag = g_strdup ("\"v2\"");
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  g_assert_cmpstr (site.if_none_match, ==, "\"v1\"");
  g_assert_cmpstr (hb_policy_get_version (u.policy), ==, "2027.1.1");
  assert_in_use ("2027.1.1", HB_POLICY_SOURCE_FETCHED);

  update_clear (&u);
  pack_site_clear (&site);
}

/* A server without ETags sends the same bytes again: not modified. */
static void
test_same_bytes_without_etag (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  PackSite site = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", NULL);
  update (server, "/pack.json", NULL, &u);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_NOT_MODIFIED);
  g_assert_null (site.if_none_match);
  g_assert_cmpuint (site.hits, ==, 2);
  info = hb_policy_cache_info_load (NULL);
  g_assert_null (info->etag);
  assert_in_use ("2026.12.5", HB_POLICY_SOURCE_FETCHED);

  update_clear (&u);
  pack_site_clear (&site);
}

/* The ETag belongs to one address: another one gets a full request. */
static void
test_etag_only_for_same_url (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  PackSite a = { 0 }, b = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/a.json", &a, "2026.12.5", "\"same\"");
  pack_site_serve (server, "/b.json", &b, "2026.12.6", "\"same\"");
  update (server, "/a.json", NULL, &u);
  g_assert_no_error (u.error);
  update (server, "/b.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpuint (b.hits, ==, 1);
  g_assert_null (b.if_none_match);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  assert_in_use ("2026.12.6", HB_POLICY_SOURCE_FETCHED);

  update_clear (&u);
  pack_site_clear (&a);
  pack_site_clear (&b);
}

/* The ETag belongs to the bytes it came with: a cache changed on disk
 * (by hand, or an interrupted update) gets a full request. */
static void
test_etag_only_for_same_bytes (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *path = hb_policy_cache_path ();
  g_autoptr(GBytes) other = pack_with_version ("2026.12.19");
  PackSite site = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (other, NULL), g_bytes_get_size (other), NULL));
  assert_in_use ("2026.12.19", HB_POLICY_SOURCE_FETCHED);

  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_null (site.if_none_match);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  assert_in_use ("2026.12.5", HB_POLICY_SOURCE_FETCHED);

  update_clear (&u);
  pack_site_clear (&site);
}

/* The user's own pack still wins over a fetched one. */
static void
test_user_pack_takes_precedence (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *user = hb_policy_user_override_path ();
  g_autofree char *dir = g_path_get_dirname (user);
  g_autoptr(GBytes) own = pack_with_version ("2000.1.1");
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  PackSite site = { 0 };
  Update u = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user, g_bytes_get_data (own, NULL), g_bytes_get_size (own), NULL));
  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  g_assert_cmpint (hb_policy_get_source (u.policy), ==, HB_POLICY_SOURCE_USER);
  g_assert_cmpstr (hb_policy_get_version (u.policy), ==, "2000.1.1");
  info = hb_policy_cache_info_load (NULL);
  g_assert_cmpstr (info->version, ==, "2026.12.5");
  assert_in_use ("2000.1.1", HB_POLICY_SOURCE_USER);

  update_clear (&u);
  pack_site_clear (&site);
}

/* A pack fetched before this Hebahan was installed, older than the one it
 * brings, does not hide the built-in pack's new items; a newer one from
 * the server takes over again. */
static void
test_older_than_builtin (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  PackSite old_site = { 0 }, new_site = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/old.json", &old_site, "2026.9.30", "\"v1\"");
  update (server, "/old.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  g_assert_cmpint (hb_policy_get_source (u.policy), ==, HB_POLICY_SOURCE_BUILTIN);
  g_assert_cmpstr (hb_policy_get_version (u.policy), ==, BUILTIN_VERSION);
  /* It is kept, as fetched, but not used. */
  info = hb_policy_cache_info_load (NULL);
  g_assert_cmpstr (info->version, ==, "2026.9.30");
  assert_in_use (BUILTIN_VERSION, HB_POLICY_SOURCE_BUILTIN);

  pack_site_serve (server, "/new.json", &new_site, "2026.12.60", "\"v2\"");
  update (server, "/new.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (hb_policy_get_source (u.policy), ==, HB_POLICY_SOURCE_FETCHED);
  assert_in_use ("2026.12.60", HB_POLICY_SOURCE_FETCHED);
  update_clear (&u);
  pack_site_clear (&old_site);
  pack_site_clear (&new_site);
}

/* ------------------------------------------------------------------ */
/* Failures: each after a good pack was fetched, which must stay in use */

typedef struct
{
  const char *name;
  const char *path;        /* on the test server, or an absolute URL */
  guint       max_bytes;   /* 0: the default cap */
  GQuark    (*domain) (void);
  int         code;
  const char *message;     /* a part of the message, or NULL */
} FailureCase;

/* Packs a hostile server could send (issue 16): 80,000 nested arrays
 * (which overflowed the stack inside json-glib), 200,000 terms with
 * morphology and obfuscation (minutes and gigabytes to compile, under the
 * 4 MiB cap), and a lexicon named twice. */
static void
serve_hostile (HbTestServer *server)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"hebahan-policy/1\", \"rules\": ");
  g_autoptr(GString) terms = g_string_new ("{\"format\": \"hebahan-policy/1\", \"lexicons\": "
                                           "{\"kasar\": {\"morph\": \"ms\", \"obfuscation\": true, \"terms\": [");

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (terms, "%s\"kata%06u\"", i ? "," : "", i);
  g_string_append (terms, "]}}}");
  g_assert_cmpuint (terms->len, <, HB_POLICY_UPDATE_MAX_BYTES);
  hb_test_server_add_static (server, "/deep.json", 200, "application/json", deep->str, deep->len);
  hb_test_server_add_static (server, "/terms.json", 200, "application/json", terms->str, terms->len);
  hb_test_server_add_static (server, "/twice.json", 200, "application/json",
                             "{\"format\": \"hebahan-policy/1\", \"lexicons\": {\"a\": {}, \"a\": {}}}", -1);
}

static void
serve_failures (HbTestServer *server)
{
  g_autofree char *big = g_strnfill (HB_POLICY_UPDATE_MAX_BYTES + 1, ' ');
  g_autoptr(GBytes) newer = pack_with_version ("2026.12.6");

  hb_test_server_add_static (server, "/missing.json", 404, "text/plain", "not here", -1);
  hb_test_server_add_static (server, "/broken.json", 500, "text/plain", "oops", -1);
  hb_test_server_add_handler (server, "/silent.json", silent_handler, NULL);
  hb_test_server_add_handler (server, "/drip.json", drip_handler, NULL);
  hb_test_server_add_static (server, "/huge.json", 200, "application/json", big, -1);
  hb_test_server_add_static (server, "/newer.json", 200, "application/json",
                             g_bytes_get_data (newer, NULL), g_bytes_get_size (newer));
  hb_test_server_add_static (server, "/garbled.json", 200, "application/json",
                             "{\"format\": \"hebahan-policy/1\", \"id\": ", -1);
  hb_test_server_add_static (server, "/wrong.json", 200, "application/json",
                             "{\"format\": \"hebahan-policy/1\", \"id\": \"x\", \"version\": 3, "
                             "\"clauses\": [], \"rules\": [{}], \"colour\": \"red\"}", -1);
  hb_test_server_add_redirect (server, "/loop.json", 302, "/loop.json");
  hb_test_server_add_redirect (server, "/downgrade.json", 301, "http://policy.mpkk.example/pack.json");
  serve_hostile (server);
}

static char *
case_url (HbTestServer      *server,
          const FailureCase *c)
{
  if (strstr (c->path, "://") != NULL)
    return g_strdup (c->path);
  return hb_test_server_url (server, c->path);
}

static void
test_failure (gconstpointer data)
{
  const FailureCase *c = data;
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *url = case_url (server, c);
  g_autofree char *pack_url = hb_test_server_url (server, "/pack.json");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  g_autofree char *etag_before = NULL;
  PackSite site = { 0 };
  Update u = { 0 };
  gint64 start;

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  serve_failures (server);
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  before = cached_bytes ();

  start = g_get_monotonic_time ();
  update_url (url, &(HbPolicyUpdateOptions) { .deadline_ms = 400, .max_bytes = c->max_bytes }, NULL, &u);
  g_assert_error (u.error, c->domain (), c->code);
  g_assert_null (u.policy);
  if (c->message != NULL && strstr (u.error->message, c->message) == NULL)
    g_error ("“%s” does not contain “%s”", u.error->message, c->message);
  /* The deadline is 400 ms, far from the 60 s a stuck request would take;
   * the sanitizers and a second test on the other core slow the rest. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * HB_TEST_SLOWDOWN * G_USEC_PER_SEC);

  /* The previous pack is byte for byte the one in use, and the failure is
   * on record for the next start. */
  after = cached_bytes ();
  g_assert_true (g_bytes_equal (before, after));
  assert_in_use ("2026.12.5", HB_POLICY_SOURCE_FETCHED);
  info = hb_policy_cache_info_load (NULL);
  g_assert_cmpstr (info->version, ==, "2026.12.5");
  g_assert_cmpstr (info->url, ==, pack_url);
  g_assert_cmpstr (info->etag, ==, "\"v1\"");
  g_assert_cmpstr (info->failure, ==, u.error->message);
  g_assert_cmpstr (info->failed_url, ==, url);
  g_assert_nonnull (info->failed);
  etag_before = g_strdup (info->etag);

  /* Once the server is right again, the record of the failure goes. */
  g_clear_pointer (&info, hb_policy_cache_info_free);
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_NOT_MODIFIED);
  info = hb_policy_cache_info_load (NULL);
  g_assert_null (info->failure);
  g_assert_null (info->failed);
  g_assert_cmpstr (info->etag, ==, etag_before);

  update_clear (&u);
  pack_site_clear (&site);
}

static const FailureCase failure_cases[] = {
  { "404", "/missing.json", 0, hb_net_error_quark, HB_NET_ERROR_HTTP_STATUS, "404" },
  { "500", "/broken.json", 0, hb_net_error_quark, HB_NET_ERROR_HTTP_STATUS, "500" },
  { "timeout", "/silent.json", 0, hb_net_error_quark, HB_NET_ERROR_TIMEOUT, NULL },
  { "slow-drip", "/drip.json", 0, hb_net_error_quark, HB_NET_ERROR_TIMEOUT, NULL },
  { "oversized", "/huge.json", 0, hb_net_error_quark, HB_NET_ERROR_TOO_LARGE, NULL },
  { "oversized-small-cap", "/newer.json", 256, hb_net_error_quark, HB_NET_ERROR_TOO_LARGE, NULL },
  { "invalid-json", "/garbled.json", 0, hb_error_quark, HB_ERROR_INVALID_POLICY, "is not valid: $: " },
  { "invalid-pack", "/wrong.json", 0, hb_error_quark, HB_ERROR_INVALID_POLICY, "more problems)" },
  { "deep-json", "/deep.json", 0, hb_error_quark, HB_ERROR_INVALID_POLICY, "more than 64 levels" },
  { "too-many-terms", "/terms.json", 0, hb_error_quark, HB_ERROR_INVALID_POLICY, "more than the 20000" },
  { "duplicate-member", "/twice.json", 0, hb_error_quark, HB_ERROR_INVALID_POLICY, "“a” appears twice" },
  { "redirect-loop", "/loop.json", 0, hb_net_error_quark, HB_NET_ERROR_TOO_MANY_REDIRECTS, NULL },
  { "redirect-to-http", "/downgrade.json", 0, hb_net_error_quark, HB_NET_ERROR_INSECURE, "policy.mpkk.example" },
  { "plain-http", "http://policy.mpkk.example/pack.json", 0, hb_net_error_quark, HB_NET_ERROR_INSECURE, NULL },
  { "not-a-url", "ftp://policy.mpkk.example/pack.json", 0, hb_net_error_quark, HB_NET_ERROR_INVALID_URL, NULL },
};

/* The invalid pack's error names the server and its first problems. */
static void
test_invalid_pack_message (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *url = hb_test_server_url (server, "/wrong.json");
  g_autofree char *cache = hb_policy_cache_path ();
  g_autofree char *expected = g_strdup_printf ("The policy pack at %s is not valid: "
                                               "$.colour: unknown member; "
                                               "$.version: must be a non-empty string; "
                                               "$.title: must be an object "
                                               "(and 9 more problems)", url);
  Update u = { 0 };

  serve_failures (server);
  update (server, "/wrong.json", NULL, &u);
  g_assert_error (u.error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_assert_cmpstr (u.error->message, ==, expected);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  assert_in_use (BUILTIN_VERSION, HB_POLICY_SOURCE_BUILTIN);
  update_clear (&u);
}

/* With nothing cached, a failure leaves the built-in pack in use and
 * writes no pack, only the record of the failure. */
static void
test_failure_keeps_builtin (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *cache = hb_policy_cache_path ();
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  Update u = { 0 };

  serve_failures (server);
  update (server, "/missing.json", NULL, &u);
  g_assert_error (u.error, HB_NET_ERROR, HB_NET_ERROR_HTTP_STATUS);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  assert_in_use (BUILTIN_VERSION, HB_POLICY_SOURCE_BUILTIN);
  info = hb_policy_cache_info_load (NULL);
  g_assert_null (info->sha256);
  g_assert_cmpstr (info->failure, ==, u.error->message);
  update_clear (&u);
}

/* A 304 to a request that asked nothing conditional is an error, not a pack. */
static void
test_not_modified_without_cache (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *cache = hb_policy_cache_path ();
  PackSite site = { .always_304 = TRUE };
  Update u = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  update (server, "/pack.json", NULL, &u);
  g_assert_error (u.error, HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT);
  g_assert_null (site.if_none_match);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  assert_in_use (BUILTIN_VERSION, HB_POLICY_SOURCE_BUILTIN);
  update_clear (&u);
  pack_site_clear (&site);
}

/* A cached pack that no longer validates (a newer Hebahan checks more)
 * is not kept alive by 304s: the ETag is dropped, and the next update
 * downloads the pack whole. */
static void
test_not_modified_with_invalid_cache (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *path = hb_policy_cache_path ();
  const char *bad = "{\"format\": \"hebahan-policy/1\"}";
  g_autoptr(GError) problems = NULL;
  g_autoptr(HbPolicy) active = NULL;
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  PackSite site = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_true (g_file_set_contents (path, bad, -1, NULL));
  info = hb_policy_cache_info_load (NULL);
  g_free (info->sha256);
  info->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, bad, -1);
  g_assert_true (hb_policy_cache_info_save (info, NULL));
  g_clear_pointer (&info, hb_policy_cache_info_free);

  /* Meanwhile the app falls back to the built-in pack, and says why. */
  active = hb_policy_load_default (&problems);
  g_assert_error (problems, HB_ERROR, HB_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (problems->message, path));
  g_assert_cmpint (hb_policy_get_source (active), ==, HB_POLICY_SOURCE_BUILTIN);

  update (server, "/pack.json", NULL, &u);
  g_assert_cmpstr (site.if_none_match, ==, "\"v1\"");
  g_assert_error (u.error, HB_ERROR, HB_ERROR_INVALID_POLICY);
  info = hb_policy_cache_info_load (NULL);
  g_assert_null (info->etag);

  update (server, "/pack.json", NULL, &u);
  g_assert_no_error (u.error);
  g_assert_null (site.if_none_match);
  g_assert_cmpint (u.outcome, ==, HB_POLICY_UPDATE_UPDATED);
  assert_in_use ("2026.12.5", HB_POLICY_SOURCE_FETCHED);
  update_clear (&u);
  pack_site_clear (&site);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancelling is not a failure of the server: nothing is recorded. */
static void
test_cancel (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = hb_test_server_url (server, "/drip.json");
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  PackSite site = { 0 };
  Update u = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  serve_failures (server);
  update (server, "/pack.json", NULL, &u);
  g_timeout_add (150, cancel_cb, cancellable);
  update_url (url, &(HbPolicyUpdateOptions) { .deadline_ms = 5000 }, cancellable, &u);
  g_assert_error (u.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  info = hb_policy_cache_info_load (NULL);
  g_assert_null (info->failure);
  assert_in_use ("2026.12.5", HB_POLICY_SOURCE_FETCHED);
  update_clear (&u);
  pack_site_clear (&site);
}

/* ------------------------------------------------------------------ */
/* hebahan-cli policy fetch                                            */

/* ISOLATE_DIRS moves this process's folders, not the environment: the
 * CLI is given them. */
static void
cli_with_input (HbTestRun          *run,
                const char         *input,
                const char * const *argv)
{
  g_autofree char *data = g_strconcat ("XDG_DATA_HOME=", g_get_user_data_dir (), NULL);
  g_autofree char *config = g_strconcat ("XDG_CONFIG_HOME=", g_get_user_config_dir (), NULL);
  const char *env[] = { data, config, NULL };

  hb_test_run_cli (run, input, env, argv);
}

static void
cli (HbTestRun          *run,
     const char * const *argv)
{
  cli_with_input (run, "", argv);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* `lint --format json` reports @version as the pack in use, and applies
 * it: only the test packs know durian as a fruit. */
static void
assert_lint_reports (const char *version)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean test_pack = g_strcmp0 (version, BUILTIN_VERSION) != 0;
  HbTestRun run = { 0 };
  JsonObject *root, *policy;
  JsonArray *findings;
  gboolean fruit = FALSE;

  cli_with_input (&run, "Saya suka durian.", (const char *[]) { "lint", "--format", "json", NULL });
  g_assert_cmpint (run.status, ==, test_pack ? 1 : 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_object (parser, run.out);
  policy = json_object_get_object_member (root, "policy");
  g_assert_cmpstr (json_object_get_string_member (policy, "id"), ==, PACK_ID);
  g_assert_cmpstr (json_object_get_string_member (policy, "version"), ==, version);
  findings = json_object_get_array_member (root, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    fruit |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (findings, i), "rule"),
                        "test.fruit") == 0;
  g_assert_cmpint (fruit, ==, test_pack);
  hb_test_run_clear (&run);
}

static void
test_cli_fetch (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *url = hb_test_server_url (server, "/pack.json");
  g_autofree char *expected = g_strdup_printf ("Updated to %s 2026.12.5 from %s\n", PACK_ID, url);
  g_autofree char *again = g_strdup_printf ("Not modified: %s 2026.12.5 from %s is current\n", PACK_ID, url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  PackSite site = { 0 };
  HbTestRun run = { 0 };
  JsonObject *root;

  assert_lint_reports (BUILTIN_VERSION);
  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  cli (&run, (const char *[]) { "policy", "fetch", url, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
  assert_lint_reports ("2026.12.5");

  cli (&run, (const char *[]) { "policy", "fetch", url, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, again);
  g_assert_cmpstr (site.if_none_match, ==, "\"v1\"");

  cli (&run, (const char *[]) { "policy", "fetch", "--format", "json", url, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "outcome"), ==, "not-modified");
  g_assert_cmpstr (json_object_get_string_member (root, "url"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "fetched"), "etag"),
                   ==, "\"v1\"");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "policy"), "version"),
                   ==, "2026.12.5");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "policy"), "source"),
                   ==, "fetched");
  g_assert_cmpuint (site.hits, ==, 3);
  hb_test_run_clear (&run);
  pack_site_clear (&site);
}

/* Exit 1 for a rejected pack, 2 for the network and bad usage; one line
 * on stderr naming the pack still in use, which `lint` goes on using. */
static void
test_cli_fetch_failures (void)
{
  g_autoptr(HbTestServer) server = hb_test_server_new ();
  g_autofree char *url = hb_test_server_url (server, "/pack.json");
  g_autofree char *wrong = hb_test_server_url (server, "/wrong.json");
  g_autofree char *missing = hb_test_server_url (server, "/missing.json");
  const char *still = "; still using " PACK_ID " 2026.12.5, the last fetched pack\n";
  PackSite site = { 0 };
  HbTestRun run = { 0 };

  pack_site_serve (server, "/pack.json", &site, "2026.12.5", "\"v1\"");
  serve_failures (server);
  cli (&run, (const char *[]) { "policy", "fetch", url, NULL });
  g_assert_cmpint (run.status, ==, 0);

  cli (&run, (const char *[]) { "policy", "fetch", wrong, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "hebahan-cli: The policy pack at "));
  g_assert_true (g_str_has_suffix (run.err, still));
  g_assert_nonnull (strstr (run.err, wrong));
  g_assert_cmpuint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
  assert_lint_reports ("2026.12.5");

  /* A pack server cannot crash the command or make it compile for
   * minutes: refused, and the last good pack stays. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *hostile = hb_test_server_url (server, i ? "/terms.json" : "/deep.json");
      gint64 start = g_get_monotonic_time ();

      cli (&run, (const char *[]) { "policy", "fetch", hostile, NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, i ? "more than the 20000" : "more than 64 levels"));
      g_assert_true (g_str_has_suffix (run.err, still));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * HB_TEST_SLOWDOWN * G_USEC_PER_SEC);
      assert_lint_reports ("2026.12.5");
    }

  cli (&run, (const char *[]) { "policy", "fetch", missing, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "404"));
  g_assert_true (g_str_has_suffix (run.err, still));
  assert_lint_reports ("2026.12.5");

  cli (&run, (const char *[]) { "policy", "fetch", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "hebahan-cli: usage: "));
  cli (&run, (const char *[]) { "policy", "fetch", "http://policy.mpkk.example/pack.json", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "only HTTPS"));
  cli (&run, (const char *[]) { "policy", "fetch", "--format", "xml", url, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (site.hits, ==, 1);
  hb_test_run_clear (&run);
  pack_site_clear (&site);
}

int
main (int    argc,
      char **argv)
{
  /* The isolated XDG_DATA_DIRS hide the desktop's proxy settings schema,
   * which GIO's proxy modules would read; loopback needs no proxy anyway,
   * and the CLI inherits the choice. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/net/policy/updated", test_updated);
  g_test_add_func ("/net/policy/not-modified", test_not_modified);
  g_test_add_func ("/net/policy/changed-on-server", test_changed_on_server);
  g_test_add_func ("/net/policy/same-bytes-without-etag", test_same_bytes_without_etag);
  g_test_add_func ("/net/policy/etag-only-for-same-url", test_etag_only_for_same_url);
  g_test_add_func ("/net/policy/etag-only-for-same-bytes", test_etag_only_for_same_bytes);
  g_test_add_func ("/net/policy/user-pack-takes-precedence", test_user_pack_takes_precedence);
  g_test_add_func ("/net/policy/older-than-builtin", test_older_than_builtin);
  for (guint i = 0; i < G_N_ELEMENTS (failure_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/net/policy/failure/", failure_cases[i].name, NULL);
      g_test_add_data_func (name, &failure_cases[i], test_failure);
    }
  g_test_add_func ("/net/policy/invalid-pack-message", test_invalid_pack_message);
  g_test_add_func ("/net/policy/failure-keeps-builtin", test_failure_keeps_builtin);
  g_test_add_func ("/net/policy/not-modified-without-cache", test_not_modified_without_cache);
  g_test_add_func ("/net/policy/not-modified-with-invalid-cache", test_not_modified_with_invalid_cache);
  g_test_add_func ("/net/policy/cancel", test_cancel);
  g_test_add_func ("/net/policy/cli/fetch", test_cli_fetch);
  g_test_add_func ("/net/policy/cli/fetch-failures", test_cli_fetch_failures);
  return g_test_run ();
}
