/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-links.c — links in the caption without the network: finding them,
 * the link cache (freshness, copies, threads), the `link` rules offline
 * (http://, shorteners) and from the cache (broken, redirect to plain
 * HTTP), where their findings point, acknowledgements, the 8.b "links"
 * checklist item and the pack validator's checks of the link rules. */
#include <string.h>

#include "hb-checklist.h"
#include "hb-links.h"
#include "hb-post-lint.h"

static HbPolicy *builtin;

/* ------------------------------------------------------------------ */
/* Finding links                                                       */

static const HbLink *
link_at (GPtrArray *links,
         guint      i)
{
  g_assert_cmpuint (i, <, links->len);
  return links->pdata[i];
}

static void
test_find (void)
{
  const char *text = "Daftar di https://www.mpkk.gov.my/ms/borang#atas, bit.ly/3xYz dan "
                     "HTTP://Contoh.com.my/x. E-mel: pegawai@mpkk.gov.my";
  g_autoptr(GPtrArray) links = hb_links_find (text, -1);
  const HbLink *l;

  g_assert_cmpuint (links->len, ==, 3);
  l = link_at (links, 0);
  g_assert_cmpuint (l->start, ==, 10);
  g_assert_cmpuint (l->end, ==, 48);
  g_assert_cmpstr (l->text, ==, "https://www.mpkk.gov.my/ms/borang#atas");
  g_assert_cmpstr (l->url, ==, "https://www.mpkk.gov.my/ms/borang");
  g_assert_cmpstr (l->host, ==, "www.mpkk.gov.my");
  g_assert_false (l->insecure);
  l = link_at (links, 1);
  g_assert_cmpuint (l->start, ==, 50);
  g_assert_cmpstr (l->text, ==, "bit.ly/3xYz");
  g_assert_cmpstr (l->url, ==, "https://bit.ly/3xYz");
  g_assert_cmpstr (l->host, ==, "bit.ly");
  g_assert_false (l->insecure);
  l = link_at (links, 2);
  g_assert_cmpstr (l->text, ==, "HTTP://Contoh.com.my/x");
  g_assert_cmpstr (l->url, ==, "http://Contoh.com.my/x");
  g_assert_cmpstr (l->host, ==, "contoh.com.my");
  g_assert_true (l->insecure);
}

static void
assert_same_links (GPtrArray *got,
                   GPtrArray *want)
{
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    {
      const HbLink *a = got->pdata[i], *b = want->pdata[i];

      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpstr (a->url, ==, b->url);
      g_assert_cmpstr (a->host, ==, b->host);
      g_assert_cmpint (a->insecure, ==, b->insecure);
    }
}

/* From the code points the linter decoded (as hb_post_lint finds them),
 * the same links as from the string, with offsets and text right after
 * characters of two, three and four bytes. */
static void
test_find_in_source (void)
{
  const char *texts[] = {
    "Daftar di https://www.mpkk.gov.my/ms/borang#atas, bit.ly/3xYz dan HTTP://Contoh.com.my/x.",
    "Café ڤربندارن 😀 mpkk.gov.my/é 網站example.com ftp://x.com #a https://t.co/abc",
    "Tiada pautan di sini.",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(HbText) decoded = hb_text_new (texts[i], -1);
      g_autoptr(HbCountSource) source = hb_count_source_new (texts[i], -1, decoded);
      g_autoptr(GPtrArray) want = hb_links_find (texts[i], -1);
      g_autoptr(GPtrArray) got = hb_links_find_in_source (source);

      assert_same_links (got, want);
      if (i == 1)
        g_assert_cmpuint (got->len, ==, 3);
    }
}

static void
test_url_for (void)
{
  g_autofree char *host = NULL;
  g_autofree char *accented = hb_link_url_for ("https://www.mpkk.gov.my/berita/café tiga", &host);
  g_autofree char *dotted = NULL;
  g_autofree char *dotted_url = hb_link_url_for ("https://MPKK.gov.my./a%20b", &dotted);

  g_assert_cmpstr (accented, ==, "https://www.mpkk.gov.my/berita/caf%C3%A9%20tiga");
  g_assert_cmpstr (host, ==, "www.mpkk.gov.my");
  g_assert_cmpstr (dotted_url, ==, "https://MPKK.gov.my./a%20b");
  g_assert_cmpstr (dotted, ==, "mpkk.gov.my");
  g_assert_null (hb_link_url_for ("ftp://mpkk.gov.my/fail", NULL));
  g_assert_null (hb_link_url_for ("https://", NULL));
  g_assert_null (hb_link_url_for ("", NULL));

  g_assert_true (hb_link_host_in ("bit.ly", (const char *[]) { "tinyurl.com", "bit.ly", NULL }));
  g_assert_true (hb_link_host_in ("www.bit.ly", (const char *[]) { "bit.ly", NULL }));
  g_assert_false (hb_link_host_in ("notbit.ly", (const char *[]) { "bit.ly", NULL }));
  g_assert_false (hb_link_host_in ("bit.ly.example.com", (const char *[]) { "bit.ly", NULL }));
  g_assert_false (hb_link_host_in (NULL, (const char *[]) { "bit.ly", NULL }));
}

/* ------------------------------------------------------------------ */
/* The cache                                                           */

static void
changed_cb (HbLinkCache *cache,
            const char  *url,
            GPtrArray   *seen)
{
  g_ptr_array_add (seen, g_strdup (url));
}

static void
test_cache (void)
{
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HbLinkStatus) broken = hb_link_status_new ("https://a.example/x", HB_LINK_BROKEN, 404,
                                                       "https://a.example/x", "404 Not Found");
  g_autoptr(HbLinkStatus) old = hb_link_status_new ("https://b.example/", HB_LINK_OK, 200, NULL, NULL);
  g_autoptr(HbLinkStatus) got = NULL;
  g_autoptr(HbLinkStatus) again = NULL;

  g_assert_cmpuint (hb_link_cache_get_ttl (cache), ==, 15 * 60);
  g_signal_connect (cache, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_null (hb_link_cache_lookup (cache, "https://a.example/x"));
  hb_link_cache_store (cache, broken);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "https://a.example/x");

  got = hb_link_cache_lookup (cache, "https://a.example/x");
  g_assert_nonnull (got);
  g_assert_true (got != broken);
  g_assert_cmpint (got->state, ==, HB_LINK_BROKEN);
  g_assert_cmpuint (got->status, ==, 404);
  g_assert_cmpstr (got->reason, ==, "404 Not Found");
  g_assert_cmpint (got->checked_at, ==, broken->checked_at);
  g_assert_cmpstr (hb_link_state_to_string (got->state), ==, "broken");

  /* Checked a TTL and a second ago: stale, so gone. */
  old->checked_at = g_get_real_time () - (15 * 60 + 1) * G_USEC_PER_SEC;
  hb_link_cache_store (cache, old);
  g_assert_null (hb_link_cache_lookup (cache, "https://b.example/"));
  /* From the future (the clock went back): not trusted either. */
  old->checked_at = g_get_real_time () + 60 * G_USEC_PER_SEC;
  hb_link_cache_store (cache, old);
  g_assert_null (hb_link_cache_lookup (cache, "https://b.example/"));

  hb_link_cache_clear (cache);
  again = hb_link_cache_lookup (cache, "https://a.example/x");
  g_assert_null (again);
}

static gpointer
lookup_thread (gpointer data)
{
  HbLinkCache *cache = data;
  guint hits = 0;

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(HbLinkStatus) s = hb_link_cache_lookup (cache, "https://a.example/");

      hits += s != NULL && g_str_equal (s->url, "https://a.example/");
    }
  return GUINT_TO_POINTER (hits);
}

/* The linter reads in a worker while the checker stores on the main
 * thread: copies, under the lock, never a torn entry. */
static void
test_cache_threads (void)
{
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (60);
  g_autoptr(HbLinkStatus) first = hb_link_status_new ("https://a.example/", HB_LINK_OK, 200, NULL, NULL);
  GThread *reader;
  guint hits;

  /* In before the reader starts, so that it always finds an entry. */
  hb_link_cache_store (cache, first);
  reader = g_thread_new ("reader", lookup_thread, cache);
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(HbLinkStatus) s = hb_link_status_new ("https://a.example/", i % 2 ? HB_LINK_OK : HB_LINK_BROKEN,
                                                      200, NULL, i % 2 ? NULL : "500 Internal Server Error");
      hb_link_cache_store (cache, s);
    }
  hits = GPOINTER_TO_UINT (g_thread_join (reader));
  g_assert_cmpuint (hits, >, 0);
  g_assert_cmpuint (hits, <=, 20000);
}

/* ------------------------------------------------------------------ */
/* The link rules                                                      */

static HbPost *
post_with_body (const char *body)
{
  HbPost *post = hb_post_new ();

  hb_post_set_post_type (post, HB_POST_REPLY);
  hb_post_set_field (post, HB_FIELD_BODY, body);
  return post;
}

static GPtrArray *
lint_with (HbPost      *post,
           HbLinkCache *cache)
{
  g_autoptr(HbPostSnapshot) snap = hb_post_snapshot_new (post);
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;

  hb_post_snapshot_set_link_cache (snap, cache);
  findings = hb_post_lint_snapshot (builtin, snap, &error);
  g_assert_no_error (error);
  return findings;
}

/* The only finding of @rule; fails when there are none or several. */
static const HbPostFinding *
one_of (GPtrArray  *findings,
        const char *rule)
{
  const HbPostFinding *found = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];

      if (g_strcmp0 (hb_finding_get_rule_id (pf->finding), rule) != 0)
        continue;
      if (found != NULL)
        g_error ("%s found twice", rule);
      found = pf;
    }
  if (found == NULL)
    g_error ("%s not found", rule);
  return found;
}

static guint
count_topic (GPtrArray  *findings,
             const char *topic)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_strcmp0 (hb_finding_get_topic (((HbPostFinding *) findings->pdata[i])->finding), topic) == 0;
  return n;
}

static void
store (HbLinkCache *cache,
       const char  *url,
       HbLinkState  state,
       guint        status,
       const char  *final_url,
       const char  *reason)
{
  g_autoptr(HbLinkStatus) s = hb_link_status_new (url, state, status, final_url, reason);

  hb_link_cache_store (cache, s);
}

/* Offline: http:// and shorteners are found without any check. */
static void
test_rules_offline (void)
{
  const char *body = "Maklumat: http://www.mpkk.gov.my/berita dan https://bit.ly/3abc. "
                     "Laman rasmi https://www.mpkk.gov.my/ms.";
  g_autoptr(HbPost) post = post_with_body (body);
  g_autoptr(GPtrArray) findings = lint_with (post, NULL);
  const HbPostFinding *pf;
  g_autofree char *suggestion = NULL;

  g_assert_cmpuint (count_topic (findings, "link"), ==, 2);
  pf = one_of (findings, "link.insecure");
  g_assert_cmpuint (pf->source, ==, HB_FIELD_BODY);
  g_assert_cmpuint (pf->start, ==, 10);
  g_assert_cmpuint (pf->end, ==, 39);
  g_assert_cmpstr (pf->finding->text, ==, "http://www.mpkk.gov.my/berita");
  g_assert_cmpstr (hb_finding_get_clause (pf->finding), ==, "8.b");
  g_assert_cmpint (hb_finding_get_severity (pf->finding), ==, HB_SEVERITY_WARNING);
  pf = one_of (findings, "link.shortener");
  g_assert_cmpuint (pf->start, ==, 44);
  g_assert_cmpuint (pf->end, ==, 63);
  g_assert_cmpstr (pf->finding->text, ==, "https://bit.ly/3abc");
  /* Where it leads is not known offline: nothing to put instead. */
  g_assert_null (pf->finding->replacement);
  suggestion = hb_finding_dup_suggestion (pf->finding, HB_LANG_EN);
  g_assert_cmpstr (suggestion, ==, "Write the full address of the official page.");
}

/* From the cache: broken links and redirects to plain HTTP, with the
 * reason in the suggestion; a shortener's destination as replacement. */
static void
test_rules_from_cache (void)
{
  const char *body = "Borang https://www.mpkk.gov.my/borang-lama, jadual https://jadual.example.com.my/ "
                     "dan tinyurl.com/mpkk-sukan; peta https://www.mpkk.gov.my/peta.";
  g_autoptr(HbPost) post = post_with_body (body);
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) offline = NULL;
  const HbPostFinding *pf;
  g_autofree char *broken_en = NULL, *broken_ms = NULL, *redirect = NULL;

  store (cache, "https://www.mpkk.gov.my/borang-lama", HB_LINK_BROKEN, 404, NULL, "404 Not Found");
  store (cache, "https://jadual.example.com.my/", HB_LINK_REDIRECTS_TO_HTTP, 200,
         "http://jadual.example.com.my/", "http://jadual.example.com.my/");
  store (cache, "https://tinyurl.com/mpkk-sukan", HB_LINK_OK, 200,
         "https://www.mpkk.gov.my/ms/sukan#daftar", NULL);
  store (cache, "https://www.mpkk.gov.my/peta", HB_LINK_OK, 200, NULL, NULL);
  findings = lint_with (post, cache);
  g_assert_cmpuint (count_topic (findings, "link"), ==, 3);

  pf = one_of (findings, "link.broken");
  g_assert_cmpstr (pf->finding->text, ==, "https://www.mpkk.gov.my/borang-lama");
  g_assert_cmpuint (pf->start, ==, 7);
  g_assert_cmpuint (pf->end, ==, 7 + strlen ("https://www.mpkk.gov.my/borang-lama"));
  broken_en = hb_finding_dup_suggestion (pf->finding, HB_LANG_EN);
  broken_ms = hb_finding_dup_suggestion (pf->finding, HB_LANG_MS);
  g_assert_cmpstr (broken_en, ==, "Check the address (404 Not Found); correct it or remove the link.");
  g_assert_cmpstr (broken_ms, ==, "Semak alamat ini (404 Not Found); betulkan atau buang pautan.");

  pf = one_of (findings, "link.insecure-redirect");
  g_assert_cmpstr (pf->finding->text, ==, "https://jadual.example.com.my/");
  redirect = hb_finding_dup_suggestion (pf->finding, HB_LANG_EN);
  g_assert_nonnull (strstr (redirect, "Insecure page: http://jadual.example.com.my/"));

  pf = one_of (findings, "link.shortener");
  g_assert_cmpstr (pf->finding->text, ==, "tinyurl.com/mpkk-sukan");
  g_assert_cmpstr (pf->finding->replacement, ==, "https://www.mpkk.gov.my/ms/sukan");

  /* The same post without the cache: the shortener alone. */
  offline = lint_with (post, NULL);
  g_assert_cmpuint (count_topic (offline, "link"), ==, 1);
  g_assert_null (one_of (offline, "link.shortener")->finding->replacement);
}

/* A result past its time is not a finding; a shortener that leads to
 * another shortener (or to plain HTTP) suggests nothing to put instead. */
static void
test_rules_stale_and_chained (void)
{
  g_autoptr(HbPost) post = post_with_body ("Lihat https://www.mpkk.gov.my/lama dan https://bit.ly/a dan https://ow.ly/b");
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(HbLinkStatus) stale = hb_link_status_new ("https://www.mpkk.gov.my/lama", HB_LINK_BROKEN, 500,
                                                      NULL, "500 Internal Server Error");
  g_autoptr(GPtrArray) findings = NULL;

  stale->checked_at -= (gint64) 16 * 60 * G_USEC_PER_SEC;
  hb_link_cache_store (cache, stale);
  store (cache, "https://bit.ly/a", HB_LINK_OK, 200, "https://tinyurl.com/x", NULL);
  store (cache, "https://ow.ly/b", HB_LINK_OK, 200, "http://www.mpkk.gov.my/x", NULL);
  findings = lint_with (post, cache);
  g_assert_cmpuint (count_topic (findings, "link"), ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];

      g_assert_cmpstr (hb_finding_get_rule_id (pf->finding), ==, "link.shortener");
      g_assert_null (pf->finding->replacement);
    }
}

/* The official-link field and a platform's own caption: findings point
 * into their own text. */
static void
test_rules_sources (void)
{
  g_autoptr(HbPost) post = post_with_body ("Terima kasih.");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(HbPostSnapshot) snap = NULL;
  g_auto(GStrv) urls = NULL;
  const HbPostFinding *pf;

  hb_post_set_field (post, HB_FIELD_LINK, "http://www.mpkk.gov.my/ms/berita");
  hb_post_set_platforms (post, (const char *[]) { "facebook", "x", NULL });
  hb_post_set_caption_override (post, "x", "Daftar: goo.gl/abcd #MPKK");
  findings = lint_with (post, NULL);
  pf = one_of (findings, "link.insecure");
  g_assert_cmpuint (pf->source, ==, HB_FIELD_LINK);
  g_assert_cmpuint (pf->start, ==, 0);
  g_assert_cmpuint (pf->end, ==, strlen ("http://www.mpkk.gov.my/ms/berita"));
  pf = one_of (findings, "link.shortener");
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_PLATFORM_CAPTION);
  g_assert_cmpstr (hb_platform_ids ()[pf->index], ==, "x");
  g_assert_cmpuint (pf->start, ==, 8);
  g_assert_cmpuint (pf->end, ==, 19);

  /* What the checker is given: each address once, caption first. */
  hb_post_set_field (post, HB_FIELD_BODY, "Lihat goo.gl/abcd dan http://www.mpkk.gov.my/ms/berita#x.");
  snap = hb_post_snapshot_new (post);
  urls = hb_post_snapshot_dup_link_urls (snap);
  g_assert_cmpstrv (urls, ((const char *[]) { "https://goo.gl/abcd", "http://www.mpkk.gov.my/ms/berita", NULL }));
}

/* Acknowledged link findings do not hold up 8.b's "links" item; open
 * ones do. */
static void
test_acknowledged_and_checklist (void)
{
  g_autoptr(HbPost) post = post_with_body ("Daftar di https://bit.ly/3abc sekarang.");
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  const HbCheckStatus *links = NULL;

  store (cache, "https://bit.ly/3abc", HB_LINK_BROKEN, 404, NULL, "404 Not Found");
  findings = lint_with (post, cache);
  g_assert_false (one_of (findings, "link.shortener")->acknowledged);
  g_assert_false (one_of (findings, "link.broken")->acknowledged);
  statuses = hb_checklist_evaluate (builtin, post, findings, HB_LANG_EN);
  for (guint i = 0; i < statuses->len; i++)
    if (g_str_equal (((HbCheckStatus *) statuses->pdata[i])->item->id, "links-sound"))
      links = statuses->pdata[i];
  g_assert_nonnull (links);
  g_assert_cmpint (links->state, ==, HB_ITEM_FAIL);
  g_assert_cmpstr (links->reason, ==, "2 open findings under 8.b");

  hb_post_add_ack (post, "link.shortener", "https://bit.ly/3abc", "Pautan rasmi borang Google", "Aminah");
  hb_post_add_ack (post, "link.broken", "https://bit.ly/3abc", "Borang dibuka esok", "Aminah");
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  findings = lint_with (post, cache);
  g_assert_true (one_of (findings, "link.shortener")->acknowledged);
  g_assert_true (one_of (findings, "link.broken")->acknowledged);
  statuses = hb_checklist_evaluate (builtin, post, findings, HB_LANG_EN);
  for (guint i = 0; i < statuses->len; i++)
    if (g_str_equal (((HbCheckStatus *) statuses->pdata[i])->item->id, "links-sound"))
      g_assert_cmpint (((HbCheckStatus *) statuses->pdata[i])->state, ==, HB_ITEM_PASS);
}

/* ------------------------------------------------------------------ */
/* The validator                                                       */

#define PACK_HEAD \
  "{\"format\": \"hebahan-policy/1\", \"id\": \"t\", \"version\": \"1\"," \
  " \"title\": {\"ms\": \"t\", \"en\": \"t\"}," \
  " \"clauses\": [{\"id\": \"8.b\", \"text\": {\"ms\": \"x\", \"en\": \"x\"}}]," \
  " \"checklist\": [], \"allow\": [], \"lexicons\": {}, \"rules\": ["
#define RULE(check, extra) \
  "{\"id\": \"l\", \"topic\": \"link\", \"severity\": \"warning\", \"kind\": \"post\"," \
  " \"check\": \"" check "\", \"message\": {\"ms\": \"m\", \"en\": \"m\"}" extra "}"

static GPtrArray *
check_pack (const char *rule)
{
  g_autofree char *json = g_strconcat (PACK_HEAD, rule, "]}", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return hb_policy_check_bytes (bytes);
}

static void
assert_problems (const char *rule,
                 const char *words)
{
  g_autoptr(GPtrArray) problems = check_pack (rule);

  if (words == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("  %s\n", (const char *) problems->pdata[i]);
      g_assert_cmpuint (problems->len, ==, 0);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], words))
      return;
  g_error ("no problem mentioning “%s” in %s", words, rule);
}

static void
test_validator (void)
{
  assert_problems (RULE ("link-shortener", ", \"hosts\": [\"bit.ly\", \"s.id\"]"), NULL);
  assert_problems (RULE ("link-insecure", ", \"examples\": {\"bad\": [\"http://x.com.my\"], \"good\": []}"), NULL);
  assert_problems (RULE ("link-broken", ""), NULL);
  assert_problems (RULE ("link-insecure-redirect", ""), NULL);
  assert_problems (RULE ("link-shortener", ""), "a link-shortener rule needs “hosts”");
  assert_problems (RULE ("link-shortener", ", \"hosts\": []"), "a link-shortener rule needs “hosts”");
  assert_problems (RULE ("link-shortener", ", \"hosts\": [\"https://bit.ly/\"]"), "“https://bit.ly/” is not a host name");
  assert_problems (RULE ("link-shortener", ", \"hosts\": [\"Bit.ly\"]"), "“Bit.ly” is not a host name");
  assert_problems (RULE ("link-shortener", ", \"hosts\": [\"localhost\"]"), "“localhost” is not a host name");
  assert_problems (RULE ("link-shortener", ", \"hosts\": [\"bit.ly\", 3]"), "hosts[1]: must be a non-empty string");
  assert_problems (RULE ("link-insecure", ", \"hosts\": [\"bit.ly\"]"), "only a link-shortener rule takes “hosts”");
  assert_problems (RULE ("link-broken", ", \"examples\": {\"bad\": [\"x\"]}"), "a post rule takes no “examples”");
  assert_problems (RULE ("link-insecure", ", \"examples\": {\"good\": [\"x\"]}"), "needs at least one “bad” example");
  assert_problems ("{\"id\": \"l\", \"topic\": \"link\", \"severity\": \"warning\", \"kind\": \"lexicon\","
                   " \"hosts\": [\"bit.ly\"], \"message\": {\"ms\": \"m\", \"en\": \"m\"}}",
                   "only post rules take “hosts”");
}

/* The built-in pack's link rules: topic, clause, checks, shorteners. */
static void
test_builtin (void)
{
  static const char * const checks[][2] = {
    { "link.insecure", "link-insecure" }, { "link.shortener", "link-shortener" },
    { "link.broken", "link-broken" }, { "link.insecure-redirect", "link-insecure-redirect" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      const HbRule *rule = NULL;

      for (guint r = 0; r < hb_policy_get_n_rules (builtin); r++)
        if (g_str_equal (hb_rule_get_id (hb_policy_get_rule (builtin, r)), checks[i][0]))
          rule = hb_policy_get_rule (builtin, r);
      g_assert_nonnull (rule);
      g_assert_cmpstr (hb_rule_get_post_check (rule), ==, checks[i][1]);
      g_assert_cmpstr (hb_rule_get_topic (rule), ==, "link");
      g_assert_cmpstr (hb_rule_get_clause (rule), ==, "8.b");
      g_assert_nonnull (hb_rule_get_suggestion (rule, HB_LANG_MS));
      if (i == 1)
        {
          const char * const *hosts = hb_rule_get_hosts (rule);

          g_assert_true (g_strv_contains (hosts, "bit.ly"));
          g_assert_true (g_strv_contains (hosts, "tinyurl.com"));
          g_assert_true (g_strv_contains (hosts, "s.id"));
          g_assert_false (g_strv_contains (hosts, "mpkk.gov.my"));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  builtin = hb_policy_new_builtin ();
  g_test_add_func ("/links/find", test_find);
  g_test_add_func ("/links/find-in-source", test_find_in_source);
  g_test_add_func ("/links/url-for", test_url_for);
  g_test_add_func ("/links/cache", test_cache);
  g_test_add_func ("/links/cache-threads", test_cache_threads);
  g_test_add_func ("/links/rules-offline", test_rules_offline);
  g_test_add_func ("/links/rules-from-cache", test_rules_from_cache);
  g_test_add_func ("/links/rules-stale-and-chained", test_rules_stale_and_chained);
  g_test_add_func ("/links/rules-sources", test_rules_sources);
  g_test_add_func ("/links/acknowledged-and-checklist", test_acknowledged_and_checklist);
  g_test_add_func ("/links/validator", test_validator);
  g_test_add_func ("/links/builtin", test_builtin);
  ret = g_test_run ();
  g_object_unref (builtin);
  return ret;
}
