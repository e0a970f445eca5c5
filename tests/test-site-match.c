/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-site-match.c — finding the post's announcement among a listing's
 * entries without the network: word order, case, accents, generic words
 * such as "Majlis", Malay and English dates, and the near misses that
 * must not match (the same programme on another day, another programme
 * on the same day); recording the page as the 8.b evidence. */
#include <stdio.h>
#include <string.h>

#include "hb-checklist.h"
#include "hb-error.h"
#include "hb-site-match.h"

static HbPolicy *builtin;

static HbSiteQuery *
query (const char *name,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  HbSiteQuery *q = hb_site_query_new (name, date, &error);

  g_assert_no_error (error);
  return q;
}

/* A listing of one entry dated @ymd (ISO, Malaysian time) or undated. */
static GPtrArray *
listing (const char *title,
         const char *summary,
         const char *ymd)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_site_entry_free);
  g_autoptr(GTimeZone) my = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (ymd && sscanf (ymd, "%d-%d-%d", &y, &m, &d) == 3)
    date = g_date_time_new (my, y, m, d, 10, 30, 0);
  g_ptr_array_add (entries, hb_site_entry_new (title, "https://www.mpkk.gov.my/ms/berita/1", summary, date));
  return entries;
}

static void
assert_matches (const char *name,
                const char *date,
                const char *title,
                const char *summary,
                const char *entry_date)
{
  g_autoptr(HbSiteQuery) q = query (name, date);
  g_autoptr(GPtrArray) entries = listing (title, summary, entry_date);
  g_autoptr(HbSiteMatch) m = hb_site_match_find (q, entries);

  if (m == NULL)
    g_error ("“%s” (%s) should match “%s” / “%s”", name, date ? date : "no date", title,
             summary ? summary : "");
  g_assert_cmpstr (m->title, ==, title);
  g_assert_cmpstr (m->url, ==, "https://www.mpkk.gov.my/ms/berita/1");
  g_assert_cmpint (m->dated, ==, date != NULL);
}

static void
assert_no_match (const char *name,
                 const char *date,
                 const char *title,
                 const char *summary,
                 const char *entry_date)
{
  g_autoptr(HbSiteQuery) q = query (name, date);
  g_autoptr(GPtrArray) entries = listing (title, summary, entry_date);
  g_autoptr(HbSiteMatch) m = hb_site_match_find (q, entries);

  if (m != NULL)
    g_error ("“%s” (%s) should not match “%s” (score %.2f)", name, date ? date : "no date", title, m->score);
}

#define NAME "Program Kebersihan Taman Selasih"
#define DAY  "2026-12-12"

static void
test_word_order_case_accents (void)
{
  assert_matches (NAME, DAY, "Taman Selasih: program kebersihan berjaya", NULL, DAY);
  assert_matches (NAME, DAY, "KEBERSIHAN TAMAN SELASIH — PROGRAM PERDANA", NULL, DAY);
  assert_matches (NAME, DAY, "Program kebersihan di Taman Selasih, Kulim", NULL, DAY);
  assert_matches ("Festival Kopi Café Kulim", DAY, "FESTIVAL KOPI CAFE KULIM 2026", NULL, DAY);
  assert_matches ("Festival Kopi Cafe Kulim", DAY, "Festival kopi café Kulim", NULL, DAY);
  assert_matches ("Gotong-Royong Perdana", DAY, "Gotong royong perdana bersama penduduk", NULL, DAY);
  /* The name may be in the summary rather than the title. */
  assert_matches (NAME, DAY, "Berita MPKK",
                  "MPKK mengadakan program kebersihan di Taman Selasih hari ini.", DAY);
}

/* Generic words count half: the site's "Program" for the post's
 * "Majlis" still matches; a shared generic word and place do not. */
static void
test_generic_words (void)
{
  assert_matches ("Majlis Berbuka Puasa Bersama Anak Yatim", DAY,
                  "Program Berbuka Puasa Anak-anak Yatim", NULL, DAY);
  assert_matches ("Majlis Perasmian Pasar Awam Kulim", DAY, "Perasmian Pasar Awam Baharu Kulim", NULL, DAY);
  /* …but two generic words missing weigh as much as a distinctive one. */
  assert_no_match ("Majlis Perasmian Pasar Awam Kulim", DAY, "Pasar Awam Baharu", NULL, DAY);
  assert_no_match ("Majlis Perasmian Pasar Awam", DAY, "Gotong-royong di Pasar Awam", NULL, DAY);
  /* The council's own name is on every page: it proves nothing. */
  assert_no_match ("Majlis Perbandaran Kulim Hari Terbuka", DAY,
                   "Majlis Perbandaran Kulim mengadakan Mesyuarat Penuh", NULL, DAY);
  /* A name made of generic words only needs them all. */
  assert_matches ("Mesyuarat Majlis", DAY, "Mesyuarat Majlis kali ke-12", NULL, DAY);
  assert_no_match ("Mesyuarat Majlis", DAY, "Mesyuarat Jawatankuasa Tender", NULL, DAY);
  /* Four distinctive words: one may be missing; three: none. */
  assert_matches ("Karnival Sukan Rakyat Kampung Selarong", DAY, "Sukan Rakyat Kampung Selarong", NULL, DAY);
  assert_matches ("Pertandingan Masakan Rendang Tok Kampung", DAY, "Pertandingan masakan rendang", "Kampung Sungai", DAY);
  assert_no_match (NAME, DAY, "Program Kebersihan Taman Mawar", NULL, DAY);
  assert_no_match (NAME, DAY, "Taman Selasih", NULL, DAY);
}

/* The date in the title or summary, as Malay and English write it. */
static void
test_dates_written (void)
{
  static const char * const forms[] = {
    "12 Disember 2026", "12hb Disember 2026", "12 Dis 2026", "12/12/2026", "12.12.2026",
    "2026-12-12", "12 December 2026", "December 12, 2026", "Sabtu, 12 Disember 2026",
    "11–13 Disember 2026", "12 Disember",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *title = g_strdup_printf ("Program Kebersihan Taman Selasih, %s", forms[i]);
      g_autofree char *summary = g_strdup_printf ("Program ini diadakan pada %s.", forms[i]);

      /* No entry date at all: the written date decides. */
      assert_matches (NAME, DAY, title, NULL, NULL);
      assert_matches (NAME, DAY, "Program Kebersihan Taman Selasih", summary, NULL);
    }
  /* The entry's own date, when the text has none. */
  assert_matches (NAME, DAY, "Program Kebersihan Taman Selasih", "Gambar sekitar program.", DAY);
}

/* The near misses that must not match. */
static void
test_near_misses (void)
{
  /* The same programme a year earlier, or the week after. */
  assert_no_match (NAME, DAY, "Program Kebersihan Taman Selasih", "Diadakan pada 12 Disember 2025.", "2025-12-12");
  assert_no_match (NAME, DAY, "Program Kebersihan Taman Selasih 19/12/2026", NULL, "2026-12-01");
  assert_no_match (NAME, DAY, "Program Kebersihan Taman Selasih", NULL, "2026-12-13");
  assert_no_match (NAME, DAY, "Program Kebersihan Taman Selasih", NULL, NULL);
  /* A date without a year counts only in the entry's own year. */
  assert_no_match (NAME, DAY, "Program Kebersihan Taman Selasih 12 Disember", NULL, "2025-12-01");
  /* Another programme the same day. */
  assert_no_match (NAME, DAY, "Program Gotong-Royong Taman Mawar", "Pada 12 Disember 2026.", DAY);
  assert_no_match (NAME, DAY, "Kempen Derma Darah", "Sabtu, 12 Disember 2026", DAY);
  /* Without a date in the post, the name alone decides. */
  assert_matches (NAME, NULL, "Program Kebersihan Taman Selasih", NULL, "2025-01-01");
  assert_no_match (NAME, NULL, "Program Kebersihan Taman Mawar", NULL, NULL);
}

/* Of several that match, the one with the name in its title wins, then
 * the first (the newest, as listings go). */
static void
test_best_of_several (void)
{
  g_autoptr(HbSiteQuery) q = query (NAME, DAY);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_site_entry_free);
  g_autoptr(HbSiteMatch) m = NULL;

  g_ptr_array_add (entries, hb_site_entry_new ("Kempen Derma Darah 12/12/2026", "https://s/1", NULL, NULL));
  g_ptr_array_add (entries, hb_site_entry_new ("Berita 12/12/2026", "https://s/2",
                                               "Program kebersihan Taman Selasih telah diadakan.", NULL));
  g_ptr_array_add (entries, hb_site_entry_new ("Program Kebersihan Taman Selasih", "https://s/3",
                                               "Pada 12 Disember 2026.", NULL));
  g_ptr_array_add (entries, hb_site_entry_new ("Program Kebersihan Taman Selasih (gambar)", "https://s/4",
                                               "Pada 12 Disember 2026.", NULL));
  m = hb_site_match_find (q, entries);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->url, ==, "https://s/3");
  g_assert_cmpfloat (m->score, ==, 1.0);
  g_assert_cmpstr (m->query->name, ==, NAME);
  g_assert_cmpstr (m->query->date, ==, DAY);
  g_ptr_array_set_size (entries, 1);
  g_clear_pointer (&m, hb_site_match_free);
  g_assert_null (hb_site_match_find (q, entries));
}

static void
test_query (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HbSiteQuery) q = NULL;
  g_autoptr(HbPost) post = hb_post_new ();

  q = hb_site_query_new ("  Program Kebersihan  ", "12/12/2026", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (q->name, ==, "Program Kebersihan");
  g_assert_cmpstr (q->date, ==, "2026-12-12");
  g_clear_pointer (&q, hb_site_query_free);
  q = hb_site_query_new ("Program", "", &error);
  g_assert_null (q->date);
  g_clear_pointer (&q, hb_site_query_free);

  g_assert_null (hb_site_query_new ("  ", DAY, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_null (hb_site_query_new ("Program", "esok", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (hb_site_query_new_for_post (post, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);

  hb_post_set_field (post, HB_FIELD_EVENT_NAME, NAME);
  hb_post_set_field (post, HB_FIELD_DATE, DAY);
  q = hb_site_query_new_for_post (post, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (q->name, ==, NAME);
  g_assert_cmpstr (q->date, ==, DAY);
}

static const HbCheckStatus *
status_of (GPtrArray  *statuses,
           const char *id)
{
  for (guint i = 0; i < statuses->len; i++)
    if (g_str_equal (((HbCheckStatus *) statuses->pdata[i])->item->id, id))
      return statuses->pdata[i];
  g_error ("no item %s", id);
}

/* The match becomes the 8.b item's evidence, "Title — URL", by the
 * officer; a changed programme name or date makes it stale, and a match
 * for another name or date is refused. */
static void
test_record (void)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbSiteQuery) q = query (NAME, DAY);
  g_autoptr(GPtrArray) entries = listing ("Program Kebersihan Taman Selasih", "12 Disember 2026", NULL);
  g_autoptr(HbSiteMatch) m = hb_site_match_find (q, entries);
  g_autoptr(GPtrArray) before = NULL, after = NULL, edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *evidence = hb_site_match_evidence (m);
  const HbCheckStatus *s;

  g_assert_cmpstr (evidence, ==, "Program Kebersihan Taman Selasih — https://www.mpkk.gov.my/ms/berita/1");
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, NAME);
  hb_post_set_field (post, HB_FIELD_DATE, DAY);
  before = hb_checklist_evaluate (builtin, post, NULL, HB_LANG_EN);
  g_assert_cmpint (status_of (before, HB_SITE_CHECK_ITEM)->state, ==, HB_ITEM_UNANSWERED);
  g_assert_cmpstr (status_of (before, HB_SITE_CHECK_ITEM)->item->clause, ==, "8.b");

  g_assert_false (hb_site_match_record (m, post, builtin, "", &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_true (hb_site_match_record (m, post, builtin, "Aminah binti Hassan", &error));
  g_assert_no_error (error);
  after = hb_checklist_evaluate (builtin, post, NULL, HB_LANG_EN);
  s = status_of (after, HB_SITE_CHECK_ITEM);
  g_assert_cmpint (s->state, ==, HB_ITEM_CONFIRMED);
  g_assert_cmpstr (s->who, ==, "Aminah binti Hassan");
  g_assert_cmpstr (s->note, ==, evidence);

  /* Another date: the page proves nothing about it any more. */
  hb_post_set_field (post, HB_FIELD_DATE, "2026-12-19");
  edited = hb_checklist_evaluate (builtin, post, NULL, HB_LANG_EN);
  g_assert_cmpint (status_of (edited, HB_SITE_CHECK_ITEM)->state, ==, HB_ITEM_STALE);
  g_assert_false (hb_site_match_record (m, post, builtin, "Aminah binti Hassan", &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_STALE);
  g_clear_error (&error);
  hb_post_set_field (post, HB_FIELD_DATE, DAY);
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Program Kebersihan Taman Mawar");
  g_assert_false (hb_site_match_record (m, post, builtin, "Aminah binti Hassan", &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_STALE);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  builtin = hb_policy_new_builtin ();
  g_test_add_func ("/site-match/word-order-case-accents", test_word_order_case_accents);
  g_test_add_func ("/site-match/generic-words", test_generic_words);
  g_test_add_func ("/site-match/dates-written", test_dates_written);
  g_test_add_func ("/site-match/near-misses", test_near_misses);
  g_test_add_func ("/site-match/best-of-several", test_best_of_several);
  g_test_add_func ("/site-match/query", test_query);
  g_test_add_func ("/site-match/record", test_record);
  ret = g_test_run ();
  g_object_unref (builtin);
  return ret;
}
