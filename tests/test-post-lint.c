/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-post-lint.c — linting a whole post: findings mapped back to fields,
 * guests and media; the pack's `post` rules; acknowledgements; the
 * validator for `post` rules; linting a snapshot in a worker thread. */
#include <string.h>

#include "hb-count.h"
#include "hb-linter.h"
#include "hb-post-lint.h"
#include "hb-test-util.h"

static HbPolicy *builtin;

static void
add_guest (HbPost     *post,
           const char *title,
           const char *name)
{
  g_autoptr(HbGuest) guest = hb_guest_new (title, name);

  g_list_store_append (hb_post_get_guests (post), guest);
}

static void
add_media (HbPost     *post,
           const char *path,
           const char *alt_text,
           const char *caption)
{
  g_autoptr(HbMediaItem) item = hb_media_item_new (path);

  hb_media_item_set_alt_text (item, alt_text);
  hb_media_item_set_caption (item, caption);
  g_list_store_append (hb_post_get_media (post), item);
}

static HbPost *
complete_post (void)
{
  HbPost *post = hb_post_new ();

  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Program Gotong-Royong Perdana");
  hb_post_set_field (post, HB_FIELD_DATE, "2026-12-12");
  hb_post_set_field (post, HB_FIELD_START_TIME, "08:00");
  hb_post_set_field (post, HB_FIELD_END_TIME, "13:00");
  hb_post_set_field (post, HB_FIELD_VENUE, "Dewan Orang Ramai Taman Selasih");
  add_guest (post, "YB Dato' Haji", "Ahmad bin Ali");
  hb_post_set_field (post, HB_FIELD_BODY, "Terima kasih kepada semua peserta yang hadir.");
  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK #KulimBersih");
  return post;
}

/* The findings of @rule in @findings, in order. */
static GPtrArray *
of_rule (GPtrArray  *findings,
         const char *rule)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      HbPostFinding *pf = findings->pdata[i];

      if (g_strcmp0 (hb_finding_get_rule_id (pf->finding), rule) == 0)
        g_ptr_array_add (out, pf);
    }
  return out;
}

static GPtrArray *
lint (HbPost *post)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = hb_post_lint (builtin, post, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

static void
test_complete_post_clean (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = lint (post);

  for (guint i = 0; i < findings->len; i++)
    {
      HbPostFinding *pf = findings->pdata[i];

      g_error ("unexpected finding %s on “%s”", hb_finding_get_rule_id (pf->finding), pf->finding->text);
    }
}

static void
test_missing_venue (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  HbPostFinding *pf;

  hb_post_set_field (post, HB_FIELD_VENUE, "   ");
  findings = lint (post);
  g_assert_cmpuint (findings->len, ==, 1);
  pf = findings->pdata[0];
  g_assert_cmpstr (hb_finding_get_rule_id (pf->finding), ==, "incomplete.venue");
  g_assert_cmpstr (hb_finding_get_topic (pf->finding), ==, "incomplete");
  g_assert_cmpstr (hb_finding_get_clause (pf->finding), ==, "7.a.iii.2");
  g_assert_cmpint (hb_finding_get_severity (pf->finding), ==, HB_SEVERITY_WARNING);
  g_assert_cmpuint (pf->source, ==, HB_FIELD_VENUE);
  g_assert_cmpuint (pf->start, ==, 0);
  g_assert_cmpuint (pf->end, ==, 0);
  g_assert_cmpuint (pf->finding->start, ==, 0);
  g_assert_cmpuint (pf->finding->end, ==, 0);
  g_assert_false (pf->acknowledged);
  g_assert_nonnull (strstr (hb_finding_get_message (pf->finding, HB_LANG_MS), "Tempat"));
}

/* Issue 14: a time that cannot be read is reported on its field and kept
 * in the caption as typed, never dropped silently. */
static void
test_time_unreadable (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL, unreadable = NULL;
  g_autoptr(HbCaption) caption = NULL;
  HbPostFinding *pf;

  hb_post_set_field (post, HB_FIELD_END_TIME, "12 tengahhhari");
  findings = lint (post);
  unreadable = of_rule (findings, "incomplete.time-unreadable");
  g_assert_cmpuint (unreadable->len, ==, 1);
  pf = unreadable->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_FIELD_END_TIME);
  g_assert_cmpstr (hb_finding_get_topic (pf->finding), ==, "incomplete");
  caption = hb_caption_compose (post, HB_LANG_MS);
  g_assert_nonnull (strstr (caption->text, "8.00 pagi – 12 tengahhhari"));

  /* The way officers type it is read, and so no finding. */
  hb_post_set_field (post, HB_FIELD_END_TIME, "12 tengahari");
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&unreadable, g_ptr_array_unref);
  findings = lint (post);
  unreadable = of_rule (findings, "incomplete.time-unreadable");
  g_assert_cmpuint (unreadable->len, ==, 0);

  /* An unreadable start time is reported on the start field. */
  hb_post_set_field (post, HB_FIELD_START_TIME, "pagi-pagi");
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&unreadable, g_ptr_array_unref);
  findings = lint (post);
  unreadable = of_rule (findings, "incomplete.time-unreadable");
  g_assert_cmpuint (unreadable->len, ==, 1);
  g_assert_cmpuint (((HbPostFinding *) unreadable->pdata[0])->source, ==, HB_FIELD_START_TIME);
}

/* Post type decides which fields are expected. */
static void
test_missing_by_type (void)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GPtrArray) announcement = NULL;
  g_autoptr(GPtrArray) reply = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  static const char * const expected[] = {
    "incomplete.event-name", "incomplete.date", "incomplete.time", "incomplete.venue",
    "incomplete.guests",
  };
  static const guint sources[] = {
    HB_FIELD_EVENT_NAME, HB_FIELD_DATE, HB_FIELD_START_TIME, HB_FIELD_VENUE, HB_SOURCE_GUEST,
  };

  add_guest (post, "YB", "");  /* a title alone names nobody */
  report = lint (post);
  g_assert_cmpuint (report->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HbPostFinding *pf = report->pdata[i];

      /* Sorted in caption order: name, date, time, venue, guests. */
      g_assert_cmpstr (hb_finding_get_rule_id (pf->finding), ==, expected[i]);
      g_assert_cmpuint (pf->source, ==, sources[i]);
      g_assert_cmpuint (pf->index, ==, 0);
    }

  hb_post_set_post_type (post, HB_POST_ANNOUNCEMENT);
  announcement = lint (post);
  g_assert_cmpuint (announcement->len, ==, 4);
  guests = of_rule (announcement, "incomplete.guests");
  g_assert_cmpuint (guests->len, ==, 0);

  hb_post_set_post_type (post, HB_POST_REPLY);
  reply = lint (post);
  g_assert_cmpuint (reply->len, ==, 0);
}

static void
test_weekday_mismatch (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) weekday = NULL;
  g_autoptr(GPtrArray) good = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *saran = NULL;
  HbPostFinding *pf;

  /* 12 December 2026 is a Saturday. */
  hb_post_set_field (post, HB_FIELD_BODY, "Jumpa anda pada hari Ahad, 12 Disember 2026.");
  findings = lint (post);
  weekday = of_rule (findings, "incomplete.weekday");
  g_assert_cmpuint (weekday->len, ==, 1);
  pf = weekday->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_FIELD_BODY);
  g_assert_cmpuint (pf->start, ==, 21);
  g_assert_cmpuint (pf->end, ==, 25);
  g_assert_cmpstr (pf->finding->text, ==, "Ahad");
  g_assert_cmpstr (hb_finding_get_clause (pf->finding), ==, "6.a.i");
  g_assert_cmpstr (pf->finding->replacement, ==, "Sabtu");
  suggestion = hb_finding_dup_suggestion (pf->finding, HB_LANG_EN);
  saran = hb_finding_dup_suggestion (pf->finding, HB_LANG_MS);
  g_assert_nonnull (strstr (suggestion, "Sabtu"));
  g_assert_nonnull (strstr (saran, "Sabtu"));

  hb_post_set_field (post, HB_FIELD_BODY, "Jumpa anda pada hari Sabtu, 12 Disember 2026.");
  good = lint (post);
  g_assert_cmpuint (good->len, ==, 0);
}

static void
test_weekday_span_in_caption (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(HbCaption) caption = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) weekday = NULL;
  HbPostFinding *pf;
  const char *ahad;

  hb_post_set_field (post, HB_FIELD_BODY, "Ahad, 12/12/2026.");
  caption = hb_caption_compose (post, HB_LANG_MS);
  findings = lint (post);
  weekday = of_rule (findings, "incomplete.weekday");
  g_assert_cmpuint (weekday->len, ==, 1);
  pf = weekday->pdata[0];
  ahad = strstr (caption->text, "Ahad");
  g_assert_cmpuint (pf->finding->start, ==, g_utf8_pointer_to_offset (caption->text, ahad));
  g_assert_cmpuint (pf->start, ==, 0);
  g_assert_cmpuint (pf->end, ==, 4);
}

static void
test_acknowledged (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) rumour = NULL;
  g_autoptr(GPtrArray) venue = NULL;

  hb_post_set_field (post, HB_FIELD_BODY, "Kononnya ada buaya. Kononnya lagi.");
  hb_post_set_field (post, HB_FIELD_VENUE, "");
  hb_post_add_ack (post, "unverified.rumour", "Kononnya", "Dinafikan dalam ayat seterusnya.", "Aminah");
  hb_post_add_ack (post, "unverified.rumour", "tular", "Tidak berkaitan.", "Aminah");
  findings = lint (post);
  rumour = of_rule (findings, "unverified.rumour");
  venue = of_rule (findings, "incomplete.venue");
  g_assert_cmpuint (rumour->len, ==, 2);
  for (guint i = 0; i < rumour->len; i++)
    g_assert_true (((HbPostFinding *) rumour->pdata[i])->acknowledged);
  g_assert_cmpuint (venue->len, ==, 1);
  g_assert_false (((HbPostFinding *) venue->pdata[0])->acknowledged);

  /* A missing field is acknowledged by rule with empty text. */
  hb_post_add_ack (post, "incomplete.venue", "", "Program dalam talian.", "Aminah");
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&venue, g_ptr_array_unref);
  findings = lint (post);
  venue = of_rule (findings, "incomplete.venue");
  g_assert_true (((HbPostFinding *) venue->pdata[0])->acknowledged);
}

/* A party name typed into the second guest's name is reported on that
 * guest, with offsets in its display text "Tuan Ali, Ketua UMNO Bahagian". */
static void
test_guest_mapping (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) party = NULL;
  HbPostFinding *pf;

  add_guest (post, "Tuan", "Ali, Ketua UMNO Bahagian");
  findings = lint (post);
  party = of_rule (findings, "politics.party");
  g_assert_cmpuint (party->len, ==, 1);
  pf = party->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_GUEST);
  g_assert_cmpuint (pf->index, ==, 1);
  g_assert_cmpuint (pf->start, ==, 16);
  g_assert_cmpuint (pf->end, ==, 20);
  g_assert_cmpstr (pf->finding->text, ==, "UMNO");
}

/* Fields are trimmed in the caption; offsets still point into the field
 * as typed. */
static void
test_field_offsets (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) spelling = NULL;
  HbPostFinding *pf;

  hb_post_set_field (post, HB_FIELD_VENUE, "  Dewan 👍 yg baharu");
  findings = lint (post);
  spelling = of_rule (findings, "spelling.non-standard");
  g_assert_cmpuint (spelling->len, ==, 1);
  pf = spelling->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_FIELD_VENUE);
  g_assert_cmpuint (pf->start, ==, 10);
  g_assert_cmpuint (pf->end, ==, 12);
}

static void
test_media (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) alt = NULL;
  g_autoptr(GPtrArray) rumour = NULL;
  g_autoptr(GPtrArray) spelling = NULL;
  HbPostFinding *pf;

  add_media (post, "/tmp/a.jpg", "", "");
  add_media (post, "/tmp/b.jpg", "Dengar khabar peserta ramai.", "Peserta yg hadir.");
  add_media (post, "/tmp/clip.mp4", "", "");  /* videos have no alt text to give */
  findings = lint (post);

  alt = of_rule (findings, "media.alt-text");
  g_assert_cmpuint (alt->len, ==, 1);
  pf = alt->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_ALT_TEXT);
  g_assert_cmpuint (pf->index, ==, 0);
  g_assert_cmpstr (hb_finding_get_topic (pf->finding), ==, "media");
  g_assert_cmpstr (hb_finding_get_clause (pf->finding), ==, "7.a.iii.6");

  rumour = of_rule (findings, "unverified.rumour");
  g_assert_cmpuint (rumour->len, ==, 1);
  pf = rumour->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_ALT_TEXT);
  g_assert_cmpuint (pf->index, ==, 1);
  g_assert_cmpuint (pf->start, ==, 0);
  g_assert_cmpuint (pf->end, ==, 13);

  spelling = of_rule (findings, "spelling.non-standard");
  g_assert_cmpuint (spelling->len, ==, 1);
  pf = spelling->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_MEDIA_CAPTION);
  g_assert_cmpuint (pf->index, ==, 1);
  g_assert_cmpuint (pf->start, ==, 8);
  g_assert_cmpuint (pf->end, ==, 10);
  /* Media findings come after the caption's, alt text before caption. */
  pf = findings->pdata[findings->len - 1];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_MEDIA_CAPTION);
}

typedef struct
{
  HbPostSnapshot *snapshot;
  GPtrArray      *findings;
} Job;

static gpointer
lint_in_thread (gpointer data)
{
  Job *job = data;

  job->findings = hb_post_lint_snapshot (builtin, job->snapshot, NULL);
  return NULL;
}

/* The snapshot owns everything the lint reads: the post can change or go
 * away while a worker lints. */
static void
test_snapshot_in_thread (void)
{
  HbPost *post = complete_post ();
  g_autoptr(HbPostSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  Job job = { NULL, NULL };
  GThread *thread;

  hb_post_set_field (post, HB_FIELD_BODY, "Kononnya ada buaya.");
  snapshot = hb_post_snapshot_new (post);
  g_assert_nonnull (strstr (hb_post_snapshot_get_caption (snapshot)->text, "Kononnya ada buaya."));
  hb_post_set_field (post, HB_FIELD_BODY, "Semua baik.");
  g_object_unref (post);

  job.snapshot = snapshot;
  thread = g_thread_new ("lint", lint_in_thread, &job);
  g_thread_join (thread);
  findings = job.findings;
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpuint (((HbPostFinding *) findings->pdata[0])->source, ==, HB_FIELD_BODY);
}

/* The same findings, field for field, in the same order. */
static void
assert_same_findings (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const HbPostFinding *x = a->pdata[i], *y = b->pdata[i];

      g_assert_cmpstr (hb_finding_get_rule_id (x->finding), ==, hb_finding_get_rule_id (y->finding));
      g_assert_cmpuint (x->source, ==, y->source);
      g_assert_cmpuint (x->index, ==, y->index);
      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpuint (x->end, ==, y->end);
      g_assert_cmpint (x->acknowledged, ==, y->acknowledged);
    }
}

/* The worker finds what the synchronous lint finds, and hands the
 * snapshot back with its links. */
static void
test_snapshot_async (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HbPostSnapshot) back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) urls = NULL;
  HbPostSnapshot *snapshot;

  hb_post_set_field (post, HB_FIELD_BODY, "Kononnya ada buaya. Lihat http://bit.ly/abc");
  expected = hb_post_lint (builtin, post, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >=, 2);

  snapshot = hb_post_snapshot_new (post);
  hb_post_lint_snapshot_async (builtin, snapshot, NULL, hb_test_store_result, &result);
  /* The post may change at once: the worker reads the snapshot only. */
  hb_post_set_field (post, HB_FIELD_BODY, "Semua baik.");
  findings = hb_post_lint_snapshot_finish (hb_test_wait_result (&result), &back, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);
  assert_same_findings (findings, expected);
  g_assert_true (back == snapshot);
  urls = hb_post_snapshot_dup_link_urls (back);
  g_assert_cmpuint (g_strv_length (urls), ==, 1);
  g_assert_cmpstr (urls[0], ==, "http://bit.ly/abc");
}

static void
test_snapshot_async_cancelled (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HbPostSnapshot *back = (HbPostSnapshot *) &back;

  g_cancellable_cancel (cancellable);
  hb_post_lint_snapshot_async (builtin, hb_post_snapshot_new (post), cancellable,
                               hb_test_store_result, &result);
  g_assert_null (hb_post_lint_snapshot_finish (hb_test_wait_result (&result), &back, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (back);
}

/* A lint that fails (text that is not UTF-8) fails through _finish. */
static void
test_snapshot_async_error (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;

  hb_post_set_field (post, HB_FIELD_BODY, "Bukan \xff UTF-8");
  expected = hb_post_lint (builtin, post, &sync_error);
  g_assert_null (expected);
  g_assert_nonnull (sync_error);
  hb_post_lint_snapshot_async (builtin, hb_post_snapshot_new (post), NULL,
                               hb_test_store_result, &result);
  g_assert_null (hb_post_lint_snapshot_finish (hb_test_wait_result (&result), NULL, &error));
  g_assert_error (error, sync_error->domain, sync_error->code);
  g_assert_cmpstr (error->message, ==, sync_error->message);
}

/* ------------------------------------------------------------------ */
/* The pack's `post` rules                                             */

#define PACK_HEAD \
  "{\"format\": \"hebahan-policy/1\", \"id\": \"t\", \"version\": \"1\"," \
  " \"title\": {\"ms\": \"t\", \"en\": \"t\"}," \
  " \"clauses\": [{\"id\": \"7.a.iii.2\", \"text\": {\"ms\": \"x\", \"en\": \"x\"}}," \
  "               {\"id\": \"8.c\", \"text\": {\"ms\": \"x\", \"en\": \"x\"}}]," \
  " \"checklist\": [], \"allow\": []," \
  " \"lexicons\": {\"w\": {\"morph\": \"none\", \"terms\": [\"tarikh\"]}}," \
  " \"rules\": [{\"id\": \"t.word\", \"topic\": \"tone\", \"severity\": \"info\", \"kind\": \"lexicon\"," \
  "   \"match\": \"w\", \"message\": {\"ms\": \"m\", \"en\": \"m\"}, \"examples\": {\"bad\": [\"tarikh\"]}}"
#define MSG "\"message\": {\"ms\": \"m\", \"en\": \"m\"}"

static GPtrArray *
check_pack (const char *rules)
{
  g_autofree char *json = g_strconcat (PACK_HEAD, rules, "]}", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return hb_policy_check_bytes (bytes);
}

static void
assert_problem (GPtrArray  *problems,
                const char *path,
                const char *words)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (problems->pdata[i], path) && strstr (problems->pdata[i], words))
      return;
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("  %s\n", (const char *) problems->pdata[i]);
  g_error ("no problem at %s mentioning “%s”", path, words);
}

static void
test_validator (void)
{
  g_autoptr(GPtrArray) good = check_pack (
    ", {\"id\": \"p\", \"topic\": \"incomplete\", \"severity\": \"warning\", \"kind\": \"post\","
    " \"check\": \"missing-venue\", \"applies_to\": [\"event-report\", \"reply\"], " MSG "}");
  g_autoptr(GPtrArray) unknown = check_pack (
    ", {\"id\": \"p\", \"topic\": \"incomplete\", \"severity\": \"warning\", \"kind\": \"post\","
    " \"check\": \"missing-parking\", " MSG "}");
  g_autoptr(GPtrArray) no_check = check_pack (
    ", {\"id\": \"p\", \"topic\": \"incomplete\", \"severity\": \"warning\", \"kind\": \"post\", " MSG "}");
  g_autoptr(GPtrArray) text_fields = check_pack (
    ", {\"id\": \"p\", \"topic\": \"incomplete\", \"severity\": \"warning\", \"kind\": \"post\","
    " \"check\": \"missing-date\", \"match\": \"w\", \"examples\": {\"bad\": [\"x\"]}, " MSG "}");
  g_autoptr(GPtrArray) bad_type = check_pack (
    ", {\"id\": \"p\", \"topic\": \"incomplete\", \"severity\": \"warning\", \"kind\": \"post\","
    " \"check\": \"missing-date\", \"applies_to\": [\"event-report\", \"press-release\"], " MSG "}");
  g_autoptr(GPtrArray) check_on_text = check_pack (
    ", {\"id\": \"p\", \"topic\": \"tone\", \"severity\": \"info\", \"kind\": \"lexicon\", \"match\": \"w\","
    " \"check\": \"missing-date\", \"examples\": {\"bad\": [\"tarikh\"]}, " MSG "}");

  g_assert_cmpuint (good->len, ==, 0);
  assert_problem (unknown, "$.rules[1]", "unknown post check “missing-parking”");
  assert_problem (no_check, "$.rules[1].check", "must be a non-empty string");
  assert_problem (text_fields, "$.rules[1]", "a post rule takes no “match”");
  assert_problem (text_fields, "$.rules[1]", "a post rule takes no “examples”");
  assert_problem (bad_type, "$.rules[1].applies_to", "unknown post type “press-release”");
  assert_problem (check_on_text, "$.rules[1]", "only post rules take “check”");
}

static void
test_builtin_post_rules (void)
{
  static const struct { const char *id, *check, *topic, *clause; gboolean report, announcement, correction; } want[] = {
    { "incomplete.event-name", "missing-event-name", "incomplete", "7.a.iii.2", TRUE, TRUE, FALSE },
    { "incomplete.date", "missing-date", "incomplete", "7.a.iii.2", TRUE, TRUE, FALSE },
    { "incomplete.time", "missing-time", "incomplete", "7.a.iii.2", TRUE, TRUE, FALSE },
    { "incomplete.venue", "missing-venue", "incomplete", "7.a.iii.2", TRUE, TRUE, FALSE },
    { "incomplete.guests", "missing-guests", "incomplete", "7.a.iii.2", TRUE, FALSE, FALSE },
    { "incomplete.time-unreadable", "time-unreadable", "incomplete", "7.a.iii.2", TRUE, TRUE, TRUE },
    { "incomplete.weekday", "weekday-mismatch", "incomplete", "6.a.i", TRUE, TRUE, TRUE },
    { "media.alt-text", "alt-text-missing", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.blurry", "media-blurry", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.underexposed", "media-underexposed", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.overexposed", "media-overexposed", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.resolution", "media-resolution", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.aspect", "media-aspect", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.file-size", "media-file-size", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.video-duration", "media-video-duration", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "media.video-size", "media-video-size", "media", "7.a.iii.6", TRUE, TRUE, TRUE },
    { "platform.media-count", "media-count", "platform", "8.d", TRUE, TRUE, TRUE },
    { "link.insecure", "link-insecure", "link", "8.b", TRUE, TRUE, TRUE },
    { "link.shortener", "link-shortener", "link", "8.b", TRUE, TRUE, TRUE },
    { "link.broken", "link-broken", "link", "8.b", TRUE, TRUE, TRUE },
    { "link.insecure-redirect", "link-insecure-redirect", "link", "8.b", TRUE, TRUE, TRUE },
  };
  g_autoptr(GPtrArray) findings = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const HbRule *rule = NULL;

      for (guint r = 0; r < hb_policy_get_n_rules (builtin); r++)
        if (g_strcmp0 (hb_rule_get_id (hb_policy_get_rule (builtin, r)), want[i].id) == 0)
          rule = hb_policy_get_rule (builtin, r);
      if (rule == NULL)
        g_error ("no rule %s", want[i].id);
      g_assert_cmpstr (hb_rule_get_post_check (rule), ==, want[i].check);
      g_assert_cmpstr (hb_rule_get_topic (rule), ==, want[i].topic);
      g_assert_cmpstr (hb_rule_get_clause (rule), ==, want[i].clause);
      g_assert_cmpint (hb_rule_get_severity (rule), ==, HB_SEVERITY_WARNING);
      g_assert_nonnull (hb_rule_get_message (rule, HB_LANG_MS));
      g_assert_nonnull (hb_rule_get_message (rule, HB_LANG_EN));
      g_assert_nonnull (hb_rule_get_suggestion (rule, HB_LANG_MS));
      g_assert_nonnull (hb_rule_get_suggestion (rule, HB_LANG_EN));
      g_assert_cmpint (hb_rule_applies_to (rule, "event-report"), ==, want[i].report);
      g_assert_cmpint (hb_rule_applies_to (rule, "announcement"), ==, want[i].announcement);
      g_assert_cmpint (hb_rule_applies_to (rule, "correction"), ==, want[i].correction);
    }
  /* hb_lint() sees text only: post rules never fire there. */
  findings = hb_lint (builtin, "", 0, NULL);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_null (hb_rule_get_post_check (hb_policy_get_rule (builtin, 0)));
}

/* A finding that starts in composer text ("Tarikh:") stays on the label. */
static void
test_label_finding (void)
{
  g_autofree char *json = g_strconcat (PACK_HEAD, "]}", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = hb_policy_new_from_bytes (bytes, &error);
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  HbPostFinding *pf;

  g_assert_no_error (error);
  hb_post_set_field (post, HB_FIELD_BODY, "Tarikh baharu.");
  findings = hb_post_lint (policy, post, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 2);
  pf = findings->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_FIELD_BODY);
  g_assert_cmpuint (pf->start, ==, 0);
  pf = findings->pdata[1];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_LABEL);
  g_assert_cmpuint (pf->start, ==, pf->finding->start);
  g_assert_cmpuint (pf->start, ==, strlen ("Program Gotong-Royong Perdana\n\n"));
}


/* The caption over X's 280 (weighted) but within Facebook's limit: one
 * finding, for X, spanning the text past the limit in caption code
 * points, named by its text; the snapshot copies the platforms. */
static void
test_platform_length (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GString) body = g_string_new ("Terima kasih kepada semua peserta.");
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;
  const char *ids[] = { "facebook", "x", NULL };
  const char *caption;
  HbPostFinding *pf;
  HbCount c;

  while (body->len < 400)
    g_string_append (body, " Kawasan taman dibersihkan bersama penduduk.");
  hb_post_set_field (post, HB_FIELD_BODY, body->str);
  hb_post_set_platforms (post, ids);
  findings = lint (post);
  hits = of_rule (findings, "platform.length");
  g_assert_cmpuint (hits->len, ==, 1);
  pf = hits->pdata[0];
  g_assert_cmpstr (pf->finding->text, ==, "X");
  g_assert_null (pf->finding->replacement);
  g_assert_cmpstr (hb_finding_get_topic (pf->finding), ==, "platform");
  g_assert_cmpstr (hb_finding_get_clause (pf->finding), ==, "8.d");
  g_assert_cmpint (hb_finding_get_severity (pf->finding), ==, HB_SEVERITY_WARNING);

  {
    g_autoptr(HbPostSnapshot) snap = hb_post_snapshot_new (post);

    caption = hb_post_snapshot_get_caption (snap)->text;
    g_assert_true (hb_count_text (caption, -1, HB_COUNT_TWITTER_V3, 280, &c, NULL));
    g_assert_false (c.valid);
    g_assert_cmpuint (pf->finding->start, ==, c.valid_end + 1);
    g_assert_cmpuint (pf->finding->end, ==, g_utf8_strlen (caption, -1));
  }
  g_assert_cmpuint (pf->source, ==, HB_FIELD_BODY);
  g_assert_nonnull (strstr (hb_finding_get_message (pf->finding, HB_LANG_MS), "Kapsyen"));
  {
    g_autofree char *suggestion = hb_finding_dup_suggestion (pf->finding, HB_LANG_EN);

    g_assert_nonnull (strstr (suggestion, "for X"));
  }

  /* Only the platforms selected; none over Facebook's 63,206. */
  hb_post_set_platforms (post, (const char *[]) { "facebook", NULL });
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = lint (post);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = of_rule (findings, "platform.length");
  g_assert_cmpuint (hits->len, ==, 0);
}

/* A caption that NFC lengthens (क़ U+0958 is two code points in NFC) and
 * that is over X's limit from its first letters: the finding must still
 * be there, spanning the whole caption (the count's valid range used to
 * end before the text, and the finding was lost). */
static void
test_platform_length_nfc (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;
  g_autoptr(HbPostSnapshot) snap = NULL;
  HbPostFinding *pf;

  for (guint i = 0; i < 1000; i++)
    g_string_append (body, "\u0958");
  hb_post_set_field (post, HB_FIELD_BODY, body->str);
  hb_post_set_platforms (post, (const char *[]) { "x", NULL });
  findings = lint (post);
  hits = of_rule (findings, "platform.length");
  g_assert_cmpuint (hits->len, ==, 1);
  pf = hits->pdata[0];
  snap = hb_post_snapshot_new (post);
  g_assert_cmpuint (pf->finding->start, ==, 0);
  g_assert_cmpuint (pf->finding->end, ==, g_utf8_strlen (hb_post_snapshot_get_caption (snap)->text, -1));
}

/* A platform with a caption of its own is not checked on the composed one. */
static void
test_platform_length_override (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;

  while (body->len < 600)
    g_string_append (body, "Kawasan taman dibersihkan bersama penduduk. ");
  hb_post_set_field (post, HB_FIELD_BODY, body->str);
  hb_post_set_platforms (post, (const char *[]) { "x", "threads", NULL });
  hb_post_set_caption_override (post, "x", "Gotong-royong di Taman Selasih. #MPKK");
  findings = lint (post);
  hits = of_rule (findings, "platform.length");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((HbPostFinding *) hits->pdata[0])->finding->text, ==, "Threads");
}

/* Instagram and TikTok allow 5 hashtags, X any number: the finding
 * covers the sixth to the last, on the hashtags field. */
static void
test_platform_hashtags (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;
  g_autoptr(HbPostSnapshot) snap = NULL;
  HbPostFinding *pf;
  const char *caption;
  g_autofree char *marked = NULL;

  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK #KulimBersih #GotongRoyong #Kulim #Kedah #Komuniti #TamanSelasih");
  hb_post_set_platforms (post, (const char *[]) { "instagram", "x", NULL });
  findings = lint (post);
  hits = of_rule (findings, "platform.hashtags");
  g_assert_cmpuint (hits->len, ==, 1);
  pf = hits->pdata[0];
  g_assert_cmpstr (pf->finding->text, ==, "Instagram");
  g_assert_cmpuint (pf->source, ==, HB_FIELD_HASHTAGS);
  snap = hb_post_snapshot_new (post);
  caption = hb_post_snapshot_get_caption (snap)->text;
  marked = g_utf8_substring (caption, pf->finding->start, pf->finding->end);
  g_assert_cmpstr (marked, ==, "#Komuniti #TamanSelasih");
  g_assert_cmpuint (pf->end - pf->start, ==, g_utf8_strlen (marked, -1));

  /* Five is fine. */
  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK #KulimBersih #GotongRoyong #Kulim #Kedah");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = lint (post);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = of_rule (findings, "platform.hashtags");
  g_assert_cmpuint (hits->len, ==, 0);
}

/* Threads takes one topic tag; acknowledging the finding for Threads holds. */
static void
test_platform_hashtags_acknowledged (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;

  hb_post_set_platforms (post, (const char *[]) { "threads", NULL });
  hb_post_add_ack (post, "platform.hashtags", "Threads", "Hanya tag pertama dipaparkan", "Pegawai");
  findings = lint (post);
  hits = of_rule (findings, "platform.hashtags");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (((HbPostFinding *) hits->pdata[0])->acknowledged);
}

static void
test_platform_mentions (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GString) body = g_string_new ("Terima kasih");
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;

  for (guint i = 0; i < 22; i++)
    g_string_append_printf (body, " @rakan_kulim%u", i);
  g_string_append (body, ". Aduan: aduan@mpkk.gov.my");
  hb_post_set_field (post, HB_FIELD_BODY, body->str);
  hb_post_set_platforms (post, (const char *[]) { "instagram", "facebook", NULL });
  findings = lint (post);
  hits = of_rule (findings, "platform.mentions");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((HbPostFinding *) hits->pdata[0])->finding->text, ==, "Instagram");
  g_assert_cmpuint (((HbPostFinding *) hits->pdata[0])->source, ==, HB_FIELD_BODY);
}

#define MB 1000000

/* A photo or video as the loader would leave it: measured, sharp and well
 * exposed unless @m says otherwise. */
static void
add_measured (HbPost                    *post,
              const char                *path,
              const HbMediaMeasurements *m)
{
  g_autoptr(HbMediaItem) item = hb_media_item_new (path);

  hb_media_item_set_alt_text (item, "Peserta membersihkan longkang.");
  hb_media_item_set_measurements (item, m);
  g_list_store_append (hb_post_get_media (post), item);
}

static const HbMediaMeasurements good_photo = { 1080, 1350, 2 * MB, 0, 900.0, FALSE, FALSE, FALSE };
static const HbMediaMeasurements good_video = { 1080, 1920, 50 * MB, 30 * G_USEC_PER_SEC, 0, FALSE, FALSE, FALSE };

/* Every finding on a media item itself. */
static GPtrArray *
on_media (GPtrArray *findings)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    if (((HbPostFinding *) findings->pdata[i])->source == HB_SOURCE_MEDIA)
      g_ptr_array_add (out, findings->pdata[i]);
  return out;
}

/* The one finding of @rule, on media item @index, naming @text. */
static HbPostFinding *
assert_one_media (GPtrArray  *findings,
                  const char *rule,
                  guint       index,
                  const char *text)
{
  g_autoptr(GPtrArray) hits = of_rule (findings, rule);
  HbPostFinding *pf;

  if (hits->len != 1)
    g_error ("%s: %u findings, want 1", rule, hits->len);
  pf = hits->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_MEDIA);
  g_assert_cmpuint (pf->index, ==, index);
  g_assert_cmpuint (pf->start, ==, 0);
  g_assert_cmpuint (pf->end, ==, 0);
  g_assert_cmpstr (pf->finding->text, ==, text);
  g_assert_cmpint (hb_finding_get_severity (pf->finding), ==, HB_SEVERITY_WARNING);
  return pf;
}

/* A sharp photo and video within every platform's limits: nothing. */
static void
test_media_quality_clean (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;

  hb_post_set_platforms (post, (const char *[]) { "facebook", "instagram", "x", "tiktok", "threads", NULL });
  add_measured (post, "/tmp/a.jpg", &good_photo);
  add_measured (post, "/tmp/clip.mp4", &good_video);
  findings = lint (post);
  hits = on_media (findings);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* The loader's verdicts, item by item; an item still loading has none,
 * nor any measurement to fail a platform on. */
static void
test_media_verdicts (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;
  HbMediaMeasurements blurry = good_photo, dark = good_photo, bright = good_photo;
  HbPostFinding *pf;

  blurry.blurry = TRUE;
  dark.underexposed = TRUE;
  bright.overexposed = TRUE;
  hb_post_set_platforms (post, (const char *[]) { "instagram", NULL });
  add_media (post, "/tmp/loading.jpg", "Peserta bergotong-royong.", "");
  add_measured (post, "/tmp/blurry.jpg", &blurry);
  add_measured (post, "/tmp/dark.jpg", &dark);
  add_measured (post, "/tmp/bright.jpg", &bright);
  findings = lint (post);
  pf = assert_one_media (findings, "media.blurry", 1, "blurry.jpg");
  g_assert_cmpstr (hb_finding_get_topic (pf->finding), ==, "media");
  g_assert_cmpstr (hb_finding_get_clause (pf->finding), ==, "7.a.iii.6");
  assert_one_media (findings, "media.underexposed", 2, "dark.jpg");
  assert_one_media (findings, "media.overexposed", 3, "bright.jpg");
  hits = on_media (findings);
  g_assert_cmpuint (hits->len, ==, 3);
}

/* Limits of data/platforms.json: Instagram and Threads want photos 320 px
 * wide and files ≤ 8 MB, Instagram 4:5 to 1.91:1, X 5 MB; videos: X
 * 140 s and 512 MB, Instagram 300 MB, Threads 300 s and 1 GB. */
static void
test_media_platform_limits (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  HbMediaMeasurements small = good_photo, tall = good_photo, heavy = good_photo, video = good_video;
  HbPostFinding *pf;

  small.width = small.height = 200;
  tall.width = 1000, tall.height = 2000;
  heavy.width = heavy.height = 1080, heavy.size = 9 * MB;
  video.duration = 200 * G_USEC_PER_SEC, video.size = 600 * (guint64) MB;
  hb_post_set_platforms (post, (const char *[]) { "instagram", "threads", "x", NULL });
  add_measured (post, "/tmp/small.jpg", &small);
  add_measured (post, "/tmp/tall.jpg", &tall);
  add_measured (post, "/tmp/heavy.jpg", &heavy);
  add_measured (post, "/tmp/long.mp4", &video);
  findings = lint (post);
  pf = assert_one_media (findings, "media.resolution", 0, "Instagram, Threads");
  {
    g_autofree char *suggestion = hb_finding_dup_suggestion (pf->finding, HB_LANG_EN);

    g_assert_nonnull (strstr (suggestion, "for Instagram, Threads"));
  }
  assert_one_media (findings, "media.aspect", 1, "Instagram");
  assert_one_media (findings, "media.file-size", 2, "Instagram, Threads, X");
  assert_one_media (findings, "media.video-duration", 3, "X");
  assert_one_media (findings, "media.video-size", 3, "Instagram, X");

  /* Facebook alone: no minimum size or shape for photos, 10 MB, and
   * Reels of 3 to 90 seconds. */
  hb_post_set_platforms (post, (const char *[]) { "facebook", NULL });
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = lint (post);
  assert_one_media (findings, "media.video-duration", 3, "Facebook");
  {
    g_autoptr(GPtrArray) hits = on_media (findings);

    g_assert_cmpuint (hits->len, ==, 1);
  }
}

/* A platform with a caption of its own still publishes the media. */
static void
test_media_override_still_checked (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  HbMediaMeasurements small = good_photo;

  small.width = small.height = 200;
  hb_post_set_platforms (post, (const char *[]) { "instagram", NULL });
  hb_post_set_caption_override (post, "instagram", "Gotong-royong di Taman Selasih.");
  add_measured (post, "/tmp/small.jpg", &small);
  findings = lint (post);
  assert_one_media (findings, "media.resolution", 0, "Instagram");
}

/* Too short a video, and an acknowledgement for the platforms named. */
static void
test_media_acknowledged (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  HbMediaMeasurements clip = good_video;
  HbPostFinding *pf;

  clip.duration = 2 * G_USEC_PER_SEC;
  hb_post_set_platforms (post, (const char *[]) { "facebook", "x", NULL });
  hb_post_add_ack (post, "media.video-duration", "Facebook", "Disiarkan sebagai video suapan", "Pegawai");
  add_measured (post, "/tmp/short.mp4", &clip);
  findings = lint (post);
  pf = assert_one_media (findings, "media.video-duration", 0, "Facebook");
  g_assert_true (pf->acknowledged);
}

/* Acknowledging one blurred photo leaves another blurred photo open. */
static void
test_media_verdict_acknowledged_per_photo (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;
  HbMediaMeasurements blurry = { 1600, 1067, 80000, 0, 2.0, TRUE, FALSE, FALSE };

  add_measured (post, "/tmp/first.jpg", &blurry);
  add_measured (post, "/tmp/second.jpg", &blurry);
  hb_post_add_ack (post, "media.blurry", "first.jpg", "Kesan kabur disengajakan", "Pegawai");
  findings = lint (post);
  hits = of_rule (findings, "media.blurry");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_true (((HbPostFinding *) hits->pdata[0])->acknowledged);
  g_assert_false (((HbPostFinding *) hits->pdata[1])->acknowledged);
}

/* Facebook takes 10 items, X 4: the finding sits on the first item past
 * the smallest limit and names both; ten is fine for Facebook alone. */
static void
test_media_count (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL, hits = NULL;
  HbPostFinding *pf;

  for (guint i = 0; i < 11; i++)
    add_media (post, "/tmp/a.jpg", "Peserta bergotong-royong.", "");  /* count needs no loading */
  hb_post_set_platforms (post, (const char *[]) { "facebook", NULL });
  findings = lint (post);
  pf = assert_one_media (findings, "platform.media-count", 10, "Facebook");
  g_assert_cmpstr (hb_finding_get_topic (pf->finding), ==, "platform");
  g_assert_cmpstr (hb_finding_get_clause (pf->finding), ==, "8.d");

  hb_post_set_platforms (post, (const char *[]) { "x", "facebook", NULL });
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = lint (post);
  assert_one_media (findings, "platform.media-count", 4, "X, Facebook");

  g_list_store_remove (hb_post_get_media (post), 0);
  hb_post_set_platforms (post, (const char *[]) { "facebook", NULL });
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = lint (post);
  hits = of_rule (findings, "platform.media-count");
  g_assert_cmpuint (hits->len, ==, 0);
}

/* A caption written for one platform is linted as published text and
 * counted against that platform alone; one for a platform that is not
 * selected is not published, so it is not checked. */
static void
test_own_caption (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) length = NULL, spelling = NULL;
  GString *own = g_string_new ("Jemput datang yg ramai. ");
  const HbPostFinding *pf;

  while (g_utf8_strlen (own->str, -1) < 300)
    g_string_append (own, "Gotong-royong perdana. ");
  hb_post_set_platforms (post, (const char * const[]) { "facebook", "x", NULL });
  hb_post_set_caption_override (post, "x", own->str);
  hb_post_set_caption_override (post, "tiktok", "Tak diterbitkan yg ini.");
  findings = lint (post);
  length = of_rule (findings, "platform.length");
  g_assert_cmpuint (length->len, ==, 1);
  pf = length->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_PLATFORM_CAPTION);
  g_assert_cmpstr (hb_platform_ids ()[pf->index], ==, "x");
  g_assert_cmpstr (pf->finding->text, ==, "X");
  g_assert_cmpuint (pf->end, ==, g_utf8_strlen (own->str, -1));
  g_assert_cmpuint (pf->start, <, pf->end);
  spelling = of_rule (findings, "spelling.non-standard");
  g_assert_cmpuint (spelling->len, ==, 1);
  pf = spelling->pdata[0];
  g_assert_cmpuint (pf->source, ==, HB_SOURCE_PLATFORM_CAPTION);
  g_assert_cmpuint (pf->start, ==, 14);
  g_assert_cmpuint (pf->end, ==, 16);
  g_string_free (own, TRUE);
}

/* @findings as lines of rule, place and text, to compare two lints. */
static char *
describe_findings (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];

      g_string_append_printf (out, "%s %u %u %u-%u %s %d\n", hb_finding_get_rule_id (pf->finding),
                              pf->source, pf->index, pf->start, pf->end, pf->finding->text,
                              pf->acknowledged);
    }
  return g_string_free (out, FALSE);
}

static char *
lint_described (HbPostSnapshot *snap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = hb_post_lint_snapshot (builtin, snap, &error);

  g_assert_no_error (error);
  return describe_findings (findings);
}

/* Each caption is decoded once per snapshot and read by the lint, the
 * counts, the tags and the links, whichever asks first: the link checker
 * may ask for the addresses before any lint, and a snapshot may be
 * linted again.  Every order finds the same. */
static void
test_decoded_once (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GString) body = g_string_new ("Daftar di bit.ly/3xYz atau http://www.mpkk.gov.my/borang. Café ڤربندارن 😀");
  g_autoptr(GString) own = g_string_new ("Lihat goo.gl/abcd yg baharu #MPKK #Kulim @mpkk");
  g_autoptr(HbPostSnapshot) fresh = NULL, asked_first = NULL;
  g_autofree char *want = NULL, *first = NULL, *again = NULL;
  g_auto(GStrv) urls_before = NULL, urls_after = NULL;

  for (guint i = 0; i < 22; i++)
    g_string_append_printf (body, " @rakan_kulim%u #Kulim%u", i, i);
  while (g_utf8_strlen (body->str, -1) < 2300)
    g_string_append (body, " Gotong-royong perdana yg meriah.");
  hb_post_set_field (post, HB_FIELD_BODY, body->str);
  hb_post_set_platforms (post, (const char * const[]) { "instagram", "x", "threads", NULL });
  while (g_utf8_strlen (own->str, -1) < 300)
    g_string_append (own, " Gotong-royong perdana.");
  hb_post_set_caption_override (post, "x", own->str);

  fresh = hb_post_snapshot_new (post);
  want = lint_described (fresh);
  /* Every reader of the decoded text had something to find: on the
   * composed caption (source 5, the body) and on X's own (13, index 2). */
  for (const char * const *line = (const char * const[]) {
         "platform.length 5 0 2025-2330 Instagram", "platform.length 5 0 322-2330 Threads",
         "platform.hashtags 5 0 198-2330 Instagram", "platform.mentions 5 0 534-572 Instagram",
         "link.shortener 5 0 10-21 bit.ly/3xYz", "link.insecure 5 0 27-56 http://www.mpkk.gov.my/borang",
         "platform.length 13 2 268-322 X", "link.shortener 13 2 6-17 goo.gl/abcd",
         "spelling.non-standard 13 2 18-20 yg", NULL };
       *line; line++)
    if (strstr (want, *line) == NULL)
      g_error ("“%s” not in:\n%s", *line, want);

  asked_first = hb_post_snapshot_new (post);
  urls_before = hb_post_snapshot_dup_link_urls (asked_first);
  first = lint_described (asked_first);
  again = lint_described (asked_first);
  urls_after = hb_post_snapshot_dup_link_urls (asked_first);
  g_assert_cmpstr (first, ==, want);
  g_assert_cmpstr (again, ==, want);
  g_assert_cmpstrv (urls_before, urls_after);
  g_assert_cmpstrv (urls_before, ((const char * const[]) { "https://bit.ly/3xYz", "http://www.mpkk.gov.my/borang",
                                                           "https://goo.gl/abcd", NULL }));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  builtin = hb_policy_new_builtin ();
  g_test_add_func ("/post-lint/complete-post-clean", test_complete_post_clean);
  g_test_add_func ("/post-lint/missing-venue", test_missing_venue);
  g_test_add_func ("/post-lint/time-unreadable", test_time_unreadable);
  g_test_add_func ("/post-lint/missing-by-type", test_missing_by_type);
  g_test_add_func ("/post-lint/weekday-mismatch", test_weekday_mismatch);
  g_test_add_func ("/post-lint/weekday-span-in-caption", test_weekday_span_in_caption);
  g_test_add_func ("/post-lint/acknowledged", test_acknowledged);
  g_test_add_func ("/post-lint/guest-mapping", test_guest_mapping);
  g_test_add_func ("/post-lint/field-offsets", test_field_offsets);
  g_test_add_func ("/post-lint/media", test_media);
  g_test_add_func ("/post-lint/snapshot-in-thread", test_snapshot_in_thread);
  g_test_add_func ("/post-lint/snapshot-async", test_snapshot_async);
  g_test_add_func ("/post-lint/snapshot-async-cancelled", test_snapshot_async_cancelled);
  g_test_add_func ("/post-lint/snapshot-async-error", test_snapshot_async_error);
  g_test_add_func ("/post-lint/validator", test_validator);
  g_test_add_func ("/post-lint/builtin-post-rules", test_builtin_post_rules);
  g_test_add_func ("/post-lint/label-finding", test_label_finding);
  g_test_add_func ("/post-lint/platform-length", test_platform_length);
  g_test_add_func ("/post-lint/platform-length-nfc", test_platform_length_nfc);
  g_test_add_func ("/post-lint/platform-length-override", test_platform_length_override);
  g_test_add_func ("/post-lint/platform-hashtags", test_platform_hashtags);
  g_test_add_func ("/post-lint/platform-hashtags-acknowledged", test_platform_hashtags_acknowledged);
  g_test_add_func ("/post-lint/platform-mentions", test_platform_mentions);
  g_test_add_func ("/post-lint/media-quality-clean", test_media_quality_clean);
  g_test_add_func ("/post-lint/media-verdicts", test_media_verdicts);
  g_test_add_func ("/post-lint/media-platform-limits", test_media_platform_limits);
  g_test_add_func ("/post-lint/media-override-still-checked", test_media_override_still_checked);
  g_test_add_func ("/post-lint/media-acknowledged", test_media_acknowledged);
  g_test_add_func ("/post-lint/media-count", test_media_count);
  g_test_add_func ("/post-lint/media-verdict-acknowledged-per-photo", test_media_verdict_acknowledged_per_photo);
  g_test_add_func ("/post-lint/own-caption", test_own_caption);
  g_test_add_func ("/post-lint/decoded-once", test_decoded_once);
  ret = g_test_run ();
  g_object_unref (builtin);
  return ret;
}
