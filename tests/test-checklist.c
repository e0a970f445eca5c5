/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checklist.c — the guideline checklist: auto items from findings and fields, confirmations with evidence, overrides, re-confirmation after edits, drafts, progress and applies_to. */
#include <gio/gio.h>
#include <string.h>

#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-error.h"
#include "hb-test-util.h"

static HbPolicy *builtin;

#define MB 1000000

static const HbMediaMeasurements good_photo = { 1080, 1350, 2 * MB, 0, 900.0, FALSE, FALSE, FALSE };

static void
add_guest (HbPost     *post,
           const char *title,
           const char *name)
{
  g_autoptr(HbGuest) guest = hb_guest_new (title, name);

  g_list_store_append (hb_post_get_guests (post), guest);
}

/* A photo as the loader leaves it: measured, hashed, sharp. */
static HbMediaItem *
add_photo (HbPost                    *post,
           const char                *path,
           const char                *alt_text,
           const HbMediaMeasurements *m)
{
  g_autoptr(HbMediaItem) item = hb_media_item_new (path);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);

  hb_media_item_set_alt_text (item, alt_text);
  hb_media_item_set_sha256 (item, sha);
  hb_media_item_set_measurements (item, m);
  g_list_store_append (hb_post_get_media (post), item);
  return item;  /* the post keeps it alive */
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
  hb_post_set_field (post, HB_FIELD_LINK, "https://www.mpkk.gov.my/ms/berita/gotong-royong-perdana");
  hb_post_set_platforms (post, (const char *[]) { "facebook", "instagram", NULL });
  add_photo (post, "/tmp/gotong-royong-1.jpg", "Peserta membersihkan longkang.", &good_photo);
  return post;
}

static const HbCheckStatus *
status_of (GPtrArray  *statuses,
           const char *id)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      if (g_str_equal (s->item->id, id))
        return s;
    }
  g_error ("no checklist item %s", id);
}

static const HbPostFinding *
finding_of_rule (GPtrArray  *findings,
                 const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];

      if (g_str_equal (hb_finding_get_rule_id (pf->finding), rule))
        return pf;
    }
  g_error ("no finding of rule %s", rule);
}

static GPtrArray *
evaluate (HbPost *post,
          HbLang  lang)
{
  return hb_checklist_evaluate (builtin, post, NULL, lang);
}

static void
assert_state (HbPost      *post,
              const char  *id,
              HbItemState  state)
{
  g_autoptr(GPtrArray) statuses = evaluate (post, HB_LANG_EN);
  const HbCheckStatus *s = status_of (statuses, id);

  if (s->state != state)
    g_error ("%s: expected %s, got %s (%s)", id, hb_item_state_to_string (state),
             hb_item_state_to_string (s->state), s->reason ? s->reason : "");
}

/* A complete post passes every auto item; the confirm items wait for an
 * officer, and the checklist is complete once they are ticked. */
static void
test_clean_post (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) before = evaluate (post, HB_LANG_EN);
  g_autoptr(GPtrArray) after = NULL;
  guint n_auto = 0;

  for (guint i = 0; i < before->len; i++)
    {
      const HbCheckStatus *s = before->pdata[i];

      g_assert_true (s->item == hb_policy_get_checklist (builtin, i));
      if (s->item->kind == HB_CHECK_AUTO)
        {
          if (s->state != HB_ITEM_PASS)
            g_error ("%s: %s", s->item->id, s->reason);
          g_assert_true (s->complete);
          g_assert_null (s->reason);
          n_auto++;
        }
      else
        {
          g_assert_cmpint (s->state, ==, HB_ITEM_UNANSWERED);
          g_assert_false (s->complete);
        }
    }
  g_assert_cmpuint (n_auto, ==, 11);
  g_assert_cmpuint (hb_checklist_n_items (before), ==, 27);
  g_assert_cmpuint (hb_checklist_n_complete (before), ==, 11);
  g_assert_false (hb_checklist_is_complete (before));

  hb_test_confirm_all (post, builtin);
  after = evaluate (post, HB_LANG_EN);
  g_assert_cmpuint (hb_checklist_n_complete (after), ==, 27);
  g_assert_true (hb_checklist_is_complete (after));
  g_assert_cmpint (status_of (after, "official-work")->state, ==, HB_ITEM_CONFIRMED);
}

/* The rumour finding under 8.a fails its item until it is acknowledged;
 * then the officer still has to vouch for it: no marker is no proof. */
static void
test_rumour_until_acknowledged (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) en = NULL, ms = NULL, findings = NULL;
  const HbPostFinding *rumour;

  hb_post_set_field (post, HB_FIELD_BODY, "Dengar khabar bekalan air akan terputus esok.");
  en = evaluate (post, HB_LANG_EN);
  ms = evaluate (post, HB_LANG_MS);
  g_assert_cmpint (status_of (en, "no-unverified-claims")->state, ==, HB_ITEM_FAIL);
  g_assert_false (status_of (en, "no-unverified-claims")->complete);
  g_assert_cmpstr (status_of (en, "no-unverified-claims")->reason, ==, "1 open finding under 8.a");
  g_assert_cmpstr (status_of (ms, "no-unverified-claims")->reason, ==, "1 dapatan belum selesai di bawah 8.a");
  g_assert_false (hb_checklist_is_complete (en));

  findings = hb_post_lint (builtin, post, NULL);
  rumour = finding_of_rule (findings, "unverified.rumour");
  hb_post_add_ack (post, "unverified.rumour", rumour->finding->text,
                   "Gangguan bekalan telah diumumkan oleh Ranhill SAJ.", "Aminah");
  assert_state (post, "no-unverified-claims", HB_ITEM_UNANSWERED);
}

/* The caller's findings are used as given, not linted again. */
static void
test_findings_given (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) statuses = NULL;

  hb_post_set_field (post, HB_FIELD_BODY, "Dengar khabar bekalan air akan terputus esok.");
  statuses = hb_checklist_evaluate (builtin, post, none, HB_LANG_EN);
  g_assert_cmpint (status_of (statuses, "no-obscene")->state, ==, HB_ITEM_PASS);
  g_assert_true (status_of (statuses, "no-unverified-claims")->auto_passed);
}

/* Issue 14: a claim with no rumour marker is not ticked; the automatic
 * result is shown beside it, and only the officer's confirmation ticks it. */
static void
test_claim_without_marker (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) en = NULL, ms = NULL, after = NULL;
  const HbCheckStatus *s;

  hb_post_set_field (post, HB_FIELD_BODY, "Yang Dipertua akan meletakkan jawatan bulan depan.");
  en = evaluate (post, HB_LANG_EN);
  ms = evaluate (post, HB_LANG_MS);
  s = status_of (en, "no-unverified-claims");
  g_assert_cmpint (s->state, ==, HB_ITEM_UNANSWERED);
  g_assert_false (s->complete);
  g_assert_true (s->automatic);
  g_assert_true (s->auto_passed);
  g_assert_cmpstr (s->auto_result, ==, "No rumour markers found");
  g_assert_cmpstr (status_of (ms, "no-unverified-claims")->auto_result, ==, "Tiada penanda khabar angin ditemui");
  /* An auto item says what it checked. */
  s = status_of (en, "no-obscene");
  g_assert_cmpint (s->state, ==, HB_ITEM_PASS);
  g_assert_cmpstr (s->auto_result, ==, "No obscene words found");
  g_assert_false (hb_checklist_is_complete (en));

  g_assert_true (hb_checklist_confirm (post, builtin, "no-unverified-claims", "Aminah", NULL, NULL, NULL));
  after = evaluate (post, HB_LANG_EN);
  s = status_of (after, "no-unverified-claims");
  g_assert_cmpint (s->state, ==, HB_ITEM_CONFIRMED);
  g_assert_cmpstr (s->auto_result, ==, "No rumour markers found");
}

/* Issue 14: a new post ticks nothing: "0 of N complete". */
static void
test_empty_post (void)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(GPtrArray) statuses = evaluate (post, HB_LANG_EN);
  guint n_media = 0;

  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      if (g_strcmp0 (s->item->needs, "media") == 0)
        {
          g_assert_cmpint (s->state, ==, HB_ITEM_NOT_APPLICABLE);
          n_media++;
          continue;
        }
      if (s->complete)
        g_error ("%s is ticked on an empty post (%s)", s->item->id, hb_item_state_to_string (s->state));
      if (s->item->kind == HB_CHECK_AUTO)
        {
          g_assert_cmpint (s->state, ==, HB_ITEM_PENDING);
          g_assert_cmpstr (s->reason, ==, "Not checked yet: the post is still empty");
        }
    }
  g_assert_cmpuint (n_media, ==, 7);
  g_assert_cmpuint (hb_checklist_n_complete (statuses), ==, 0);
  g_assert_cmpuint (hb_checklist_n_items (statuses), ==, statuses->len - n_media);
  g_assert_false (hb_checklist_is_complete (statuses));
}

/* Issue 14: without photos the photo items are not applicable, with the
 * reason, and out of the count; with a photo they are back. */
static void
test_no_media_not_applicable (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) with = evaluate (post, HB_LANG_EN);
  g_autoptr(GPtrArray) without = NULL;
  GListStore *media = hb_post_get_media (post);
  const HbCheckStatus *s;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (media)), >, 0);
  g_assert_cmpint (status_of (with, "media-alt-text")->state, !=, HB_ITEM_NOT_APPLICABLE);
  g_list_store_remove_all (media);
  without = evaluate (post, HB_LANG_EN);
  s = status_of (without, "media-alt-text");
  g_assert_cmpint (s->state, ==, HB_ITEM_NOT_APPLICABLE);
  g_assert_cmpstr (s->reason, ==, "Not applicable: no photo or video is attached");
  s = status_of (without, "media-good-image");
  g_assert_cmpint (s->state, ==, HB_ITEM_NOT_APPLICABLE);
  g_assert_false (s->automatic);
  g_assert_cmpuint (hb_checklist_n_items (without), ==, hb_checklist_n_items (with) - 7);
}

/* An error is not settled by an acknowledgement, only by an override with
 * a written justification; a worse post makes the override stale. */
static void
test_error_until_overridden (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL, findings = NULL;
  const HbPostFinding *marking;
  const HbCheckStatus *s;

  hb_post_set_field (post, HB_FIELD_BODY, "Dokumen ini bertanda SULIT, jadi simpan sendiri ya.");
  assert_state (post, "no-sensitive-content", HB_ITEM_FAIL);
  findings = hb_post_lint (builtin, post, NULL);
  marking = finding_of_rule (findings, "classified.marking");
  g_assert_cmpint (hb_finding_get_severity (marking->finding), ==, HB_SEVERITY_ERROR);
  hb_post_add_ack (post, "classified.marking", marking->finding->text, "Tajuk filem.", "Aminah");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = hb_post_lint (builtin, post, NULL);
  g_assert_true (finding_of_rule (findings, "classified.marking")->acknowledged);
  assert_state (post, "no-sensitive-content", HB_ITEM_FAIL);

  g_assert_false (hb_checklist_override (post, builtin, "no-sensitive-content", "Aminah", "  ", &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_false (hb_checklist_override (post, builtin, "no-obscene", "Aminah", "Tiada.", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (hb_checklist_override (post, builtin, "official-work", "Aminah", "Tiada.", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (hb_checklist_override (post, builtin, "no-sensitive-content", "Aminah",
                                        "Tajuk filem yang ditayangkan, diluluskan oleh Pengarah.", &error));
  g_assert_no_error (error);
  statuses = evaluate (post, HB_LANG_EN);
  s = status_of (statuses, "no-sensitive-content");
  g_assert_cmpint (s->state, ==, HB_ITEM_OVERRIDDEN);
  g_assert_true (s->complete);
  g_assert_cmpstr (s->who, ==, "Aminah");
  g_assert_cmpstr (s->note, ==, "Tajuk filem yang ditayangkan, diluluskan oleh Pengarah.");
  g_assert_nonnull (s->when);
  g_assert_nonnull (s->reason);  /* still says what fails, for the sheet */

  /* A second error under 6.a.iii: more than was overridden. */
  hb_post_set_field (post, HB_FIELD_BODY,
                     "Dokumen ini bertanda SULIT, jadi simpan sendiri ya. Pemenang: Puan Rosnah, No. K/P 850412-02-5374.");
  assert_state (post, "no-sensitive-content", HB_ITEM_STALE);

  hb_post_set_field (post, HB_FIELD_BODY, "Terima kasih kepada semua peserta yang hadir.");
  assert_state (post, "no-sensitive-content", HB_ITEM_PASS);
}

/* 6.a.v: whether a post is lawful and free of defamation is the officer's
 * judgement.  No defamation or sedition marker is no proof: the item waits
 * for the officer, with the automatic result beside it; a marker blocks it
 * (a warning until acknowledged, an error until the words change), and it
 * cannot be overridden. */
static void
test_defamation_is_judgement (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) en = NULL, ms = NULL, after = NULL, findings = NULL;
  g_autoptr(GError) error = NULL;
  const HbPostFinding *accusation;
  const HbCheckStatus *s;

  en = evaluate (post, HB_LANG_EN);
  ms = evaluate (post, HB_LANG_MS);
  s = status_of (en, "no-defamation");
  g_assert_cmpint (s->item->kind, ==, HB_CHECK_CONFIRM);
  g_assert_cmpint (s->state, ==, HB_ITEM_UNANSWERED);
  g_assert_false (s->complete);
  g_assert_true (s->automatic);
  g_assert_true (s->auto_passed);
  g_assert_cmpstr (s->auto_result, ==, "No defamation or sedition markers found");
  g_assert_cmpstr (status_of (ms, "no-defamation")->auto_result, ==, "Tiada penanda fitnah atau hasutan ditemui");
  g_assert_false (hb_checklist_is_complete (en));

  /* Sedition is an error: acknowledging it settles nothing, and a
   * confirmation does not tick the judgement over it; only a written
   * override (a false alarm: a quoted folk song) lets it stand. */
  hb_post_set_field (post, HB_FIELD_BODY, "Bawa kayu, bawa batu.");
  assert_state (post, "no-defamation", HB_ITEM_FAIL);
  g_clear_pointer (&en, g_ptr_array_unref);
  en = evaluate (post, HB_LANG_EN);
  s = status_of (en, "no-defamation");
  g_assert_false (s->auto_passed);
  g_assert_true (g_str_has_suffix (s->reason, " under 6.a.v"));
  g_assert_cmpstr (s->auto_result, ==, s->reason);
  findings = hb_post_lint (builtin, post, NULL);
  hb_post_add_ack (post, "sedition.incite", finding_of_rule (findings, "sedition.incite")->finding->text,
                   "Petikan lagu rakyat.", "Aminah");
  assert_state (post, "no-defamation", HB_ITEM_FAIL);
  g_assert_true (hb_checklist_confirm (post, builtin, "no-defamation", "Aminah", NULL, NULL, NULL));
  assert_state (post, "no-defamation", HB_ITEM_FAIL);
  g_assert_false (hb_checklist_override (post, builtin, "no-defamation", "Aminah", " ", &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_true (hb_checklist_override (post, builtin, "no-defamation", "Aminah", "Petikan lagu rakyat.", &error));
  g_assert_no_error (error);
  g_clear_pointer (&en, g_ptr_array_unref);
  en = evaluate (post, HB_LANG_EN);
  s = status_of (en, "no-defamation");
  g_assert_cmpint (s->state, ==, HB_ITEM_OVERRIDDEN);
  g_assert_true (s->complete);
  g_assert_cmpstr (s->note, ==, "Petikan lagu rakyat.");
  g_assert_false (s->auto_passed);
  /* More of it than was overridden: the override no longer holds. */
  hb_post_set_field (post, HB_FIELD_BODY, "Bawa kayu, bawa batu. Bawa kayu, bawa batu.");
  assert_state (post, "no-defamation", HB_ITEM_STALE);
  /* The words gone, the override stands for nothing: the officer confirms. */
  hb_post_set_field (post, HB_FIELD_BODY, "Terima kasih kepada semua peserta yang hadir.");
  assert_state (post, "no-defamation", HB_ITEM_UNANSWERED);
  hb_checklist_clear (post, "no-defamation");
  /* A judgement without a check is never overridden. */
  g_assert_false (hb_checklist_override (post, builtin, "information-verified", "Aminah", "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A defamation marker is a warning: once acknowledged, the officer
   * still vouches for the item. */
  hb_post_set_field (post, HB_FIELD_BODY, "Encik Harun telah menyeleweng wang kutipan.");
  assert_state (post, "no-defamation", HB_ITEM_FAIL);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = hb_post_lint (builtin, post, NULL);
  accusation = finding_of_rule (findings, "defamation.accusation");
  hb_post_add_ack (post, "defamation.accusation", accusation->finding->text,
                   "Keputusan mahkamah, kes telah diputuskan.", "Aminah");
  assert_state (post, "no-defamation", HB_ITEM_UNANSWERED);

  hb_post_set_field (post, HB_FIELD_BODY, "Terima kasih kepada semua peserta yang hadir.");
  assert_state (post, "no-defamation", HB_ITEM_UNANSWERED);
  g_assert_true (hb_checklist_confirm (post, builtin, "no-defamation", "Aminah", NULL, NULL, NULL));
  after = evaluate (post, HB_LANG_EN);
  s = status_of (after, "no-defamation");
  g_assert_cmpint (s->state, ==, HB_ITEM_CONFIRMED);
  g_assert_true (s->complete);
  g_assert_cmpstr (s->who, ==, "Aminah");
  g_assert_cmpstr (s->auto_result, ==, "No defamation or sedition markers found");

  /* What it vouched for changes: confirm again. */
  hb_post_set_field (post, HB_FIELD_BODY, "Terima kasih kepada semua peserta dan sukarelawan.");
  assert_state (post, "no-defamation", HB_ITEM_STALE);
}

static void
test_confirm_evidence (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) statuses = NULL;
  const HbCheckStatus *s;

  g_assert_false (hb_checklist_confirm (post, builtin, "information-verified", "Aminah", "", NULL, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_false (hb_checklist_confirm (post, builtin, "information-verified", " ", "Semak", NULL, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_false (hb_checklist_confirm (post, builtin, "no-such-item", "Aminah", "x", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (hb_checklist_confirm (post, builtin, "caption-fields", "Aminah", "x", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (hb_post_get_checklist (post));
  assert_state (post, "information-verified", HB_ITEM_UNANSWERED);

  /* No evidence asked for: a bare tick will do. */
  g_assert_true (hb_checklist_confirm (post, builtin, "official-work", "Aminah", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hb_checklist_confirm (post, builtin, "information-verified", "Aminah binti Hassan",
                                       "  Disahkan melalui minit mesyuarat JK Kebersihan.  ", NULL, &error));
  g_assert_no_error (error);
  statuses = evaluate (post, HB_LANG_EN);
  s = status_of (statuses, "information-verified");
  g_assert_cmpint (s->state, ==, HB_ITEM_CONFIRMED);
  g_assert_true (s->complete);
  g_assert_cmpstr (s->who, ==, "Aminah binti Hassan");
  g_assert_cmpstr (s->note, ==, "Disahkan melalui minit mesyuarat JK Kebersihan.");
  g_assert_nonnull (s->when);
  g_assert_cmpint (g_date_time_difference (now, s->when), <, 60 * G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (s->when, now), <, 60 * G_USEC_PER_SEC);
  g_assert_cmpint (status_of (statuses, "official-work")->state, ==, HB_ITEM_CONFIRMED);
}

static void
test_dates_evidence (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  const HbCheckStatus *s;

  g_assert_false (hb_checklist_confirm (post, builtin, "committees-notified", "Aminah", NULL, NULL, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_false (hb_checklist_confirm (post, builtin, "committees-notified", "Aminah", NULL,
                                        (const char *[]) { "2026-11-18", "2026-02-31", NULL }, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  assert_state (post, "committees-notified", HB_ITEM_UNANSWERED);

  g_assert_true (hb_checklist_confirm (post, builtin, "committees-notified", "Aminah", NULL,
                                       (const char *[]) { "2026-11-18", "20/11/2026", NULL }, &error));
  g_assert_no_error (error);
  statuses = evaluate (post, HB_LANG_EN);
  s = status_of (statuses, "committees-notified");
  g_assert_cmpint (s->state, ==, HB_ITEM_CONFIRMED);
  g_assert_cmpuint (g_strv_length (s->dates), ==, 2);
  g_assert_cmpstr (s->dates[0], ==, "2026-11-18");
  g_assert_cmpstr (s->dates[1], ==, "2026-11-20");
}

/* Items about the words go stale when the words change; items about the
 * photos when the photos or their alt texts do, not when the body does. */
static void
test_stale_after_edit (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) en = NULL, ms = NULL;
  HbMediaItem *photo;

  photo = g_list_model_get_item (G_LIST_MODEL (hb_post_get_media (post)), 0);
  g_object_unref (photo);  /* the post keeps it */
  hb_test_confirm_all (post, builtin);
  hb_post_set_field (post, HB_FIELD_BODY, "Terima kasih kepada semua peserta dan penduduk yang hadir.");
  en = evaluate (post, HB_LANG_EN);
  ms = evaluate (post, HB_LANG_MS);
  g_assert_cmpint (status_of (en, "information-verified")->state, ==, HB_ITEM_STALE);
  g_assert_false (status_of (en, "information-verified")->complete);
  g_assert_cmpstr (status_of (en, "information-verified")->reason, ==, "The post changed after it was confirmed");
  g_assert_cmpstr (status_of (ms, "information-verified")->reason, ==, "Hebahan telah berubah selepas disahkan");
  g_assert_cmpint (status_of (en, "media-official-event")->state, ==, HB_ITEM_CONFIRMED);
  g_assert_cmpint (status_of (en, "media-no-confidential")->state, ==, HB_ITEM_CONFIRMED);
  /* The committees were told of the programme, not of the wording. */
  g_assert_cmpint (status_of (en, "committees-notified")->state, ==, HB_ITEM_CONFIRMED);
  g_assert_false (hb_checklist_is_complete (en));

  hb_test_confirm_all (post, builtin);
  hb_post_set_caption_override (post, "instagram", "Gotong-royong perdana hari ini. #MPKK");
  assert_state (post, "information-verified", HB_ITEM_STALE);
  assert_state (post, "media-good-image", HB_ITEM_CONFIRMED);

  hb_test_confirm_all (post, builtin);
  hb_media_item_set_alt_text (photo, "Peserta mengutip sampah di tepi longkang.");
  assert_state (post, "media-good-image", HB_ITEM_STALE);
  assert_state (post, "media-no-confidential", HB_ITEM_STALE);
  assert_state (post, "information-verified", HB_ITEM_CONFIRMED);

  hb_test_confirm_all (post, builtin);
  add_photo (post, "/tmp/gotong-royong-2.jpg", "Sampah dikumpulkan.", &good_photo);
  assert_state (post, "media-promotes-initiatives", HB_ITEM_STALE);

  hb_test_confirm_all (post, builtin);
  hb_post_set_field (post, HB_FIELD_VENUE, "Dewan Seri Kulim");
  assert_state (post, "committees-notified", HB_ITEM_STALE);
}

/* "Checked today" holds for the day it was ticked on. */
static void
test_stale_next_day (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(JsonNode) answers = json_from_string (
    "{\"page-reviewed-today\": {\"state\": \"confirmed\", \"who\": \"Aminah\","
    " \"when\": \"2020-01-06T09:00:00+08:00\", \"fingerprint\": \"0000\"}}", NULL);
  g_autoptr(GPtrArray) statuses = NULL;
  const HbCheckStatus *s;

  hb_post_set_checklist (post, answers);
  statuses = evaluate (post, HB_LANG_MS);
  s = status_of (statuses, "page-reviewed-today");
  g_assert_cmpint (s->state, ==, HB_ITEM_STALE);
  g_assert_cmpstr (s->reason, ==, "Disahkan pada hari lain; sahkan semula hari ini");
  g_assert_cmpstr (s->who, ==, "Aminah");
  g_assert_cmpint (g_date_time_get_year (s->when), ==, 2020);

  g_assert_true (hb_checklist_confirm (post, builtin, "page-reviewed-today", "Aminah", NULL, NULL, NULL));
  assert_state (post, "page-reviewed-today", HB_ITEM_CONFIRMED);
}

static void
test_draft_round_trip (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(HbPost) loaded = NULL;
  g_autoptr(GFile) base = g_file_new_for_path ("/tmp");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) a = NULL, b = NULL;
  g_autoptr(GError) error = NULL;

  hb_post_set_field (post, HB_FIELD_BODY, "Dokumen ini bertanda SULIT, jadi simpan sendiri ya.");
  hb_test_confirm_all (post, builtin);
  g_assert_true (hb_checklist_override (post, builtin, "no-sensitive-content", "Aminah", "Tajuk filem.", NULL));
  bytes = hb_draft_to_bytes (post, base);
  loaded = hb_draft_load_bytes (bytes, base, &error);
  g_assert_no_error (error);
  a = evaluate (post, HB_LANG_EN);
  b = evaluate (loaded, HB_LANG_EN);
  g_assert_true (hb_checklist_is_complete (b));
  for (guint i = 0; i < a->len; i++)
    {
      const HbCheckStatus *x = a->pdata[i], *y = b->pdata[i];

      g_assert_cmpint (x->state, ==, y->state);
      g_assert_cmpstr (x->who, ==, y->who);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpstr (x->reason, ==, y->reason);
      g_assert_true ((x->when == NULL) == (y->when == NULL));
      g_assert_true (x->when == NULL || g_date_time_equal (x->when, y->when));
      g_assert_true ((x->dates == NULL) == (y->dates == NULL));
      g_assert_true (x->dates == NULL || g_strv_equal ((const char * const *) x->dates,
                                                       (const char * const *) y->dates));
    }
  g_assert_cmpint (status_of (b, "no-sensitive-content")->state, ==, HB_ITEM_OVERRIDDEN);
}

static void
count_changed (HbPost *post,
               guint  *n)
{
  (*n)++;
}

/* Every answer goes through the post, so autosave sees it. */
static void
test_changed_and_clear (void)
{
  g_autoptr(HbPost) post = complete_post ();
  guint n = 0;

  g_signal_connect (post, "changed", G_CALLBACK (count_changed), &n);
  g_assert_true (hb_checklist_confirm (post, builtin, "official-work", "Aminah", NULL, NULL, NULL));
  g_assert_true (hb_checklist_confirm (post, builtin, "media-official-event", "Aminah", NULL, NULL, NULL));
  g_assert_cmpuint (n, ==, 2);
  hb_checklist_clear (post, "official-work");
  g_assert_cmpuint (n, ==, 3);
  assert_state (post, "official-work", HB_ITEM_UNANSWERED);
  assert_state (post, "media-official-event", HB_ITEM_CONFIRMED);
  hb_checklist_clear (post, "official-work");
  g_assert_cmpuint (n, ==, 3);
  hb_checklist_clear (post, "media-official-event");
  g_assert_null (hb_post_get_checklist (post));
}

static void
assert_link (const char *link,
             HbItemState state)
{
  g_autoptr(HbPost) post = complete_post ();

  hb_post_set_field (post, HB_FIELD_LINK, link);
  assert_state (post, "official-website-link", state);
}

static void
test_official_link (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) statuses = NULL;

  assert_link ("https://mpkk.gov.my", HB_ITEM_PASS);
  assert_link (" https://Portal.MPKK.gov.my./aduan?id=3 ", HB_ITEM_PASS);
  assert_link ("http://www.mpkk.gov.my/", HB_ITEM_FAIL);
  assert_link ("https://evilmpkk.gov.my/", HB_ITEM_FAIL);
  assert_link ("https://mpkk.gov.my.example.com/", HB_ITEM_FAIL);
  assert_link ("https://bit.ly/3mpkk", HB_ITEM_FAIL);
  assert_link ("www.mpkk.gov.my", HB_ITEM_FAIL);
  hb_post_set_field (post, HB_FIELD_LINK, "");
  statuses = evaluate (post, HB_LANG_EN);
  g_assert_cmpstr (status_of (statuses, "official-website-link")->reason, ==,
                   "No link to the official website (mpkk.gov.my) is given");
}

/* The checks that read findings by topic rather than by clause. */
static void
test_fields_media_platform (void)
{
  g_autoptr(HbPost) post = complete_post ();
  HbMediaMeasurements blurry = good_photo;
  g_autoptr(GPtrArray) statuses = NULL;

  hb_post_set_field (post, HB_FIELD_VENUE, "");
  hb_post_set_field (post, HB_FIELD_START_TIME, "");
  statuses = evaluate (post, HB_LANG_EN);
  g_assert_cmpint (status_of (statuses, "caption-fields")->state, ==, HB_ITEM_FAIL);
  g_assert_cmpstr (status_of (statuses, "caption-fields")->reason, ==, "2 open findings under 7.a.iii.2");
  hb_post_add_ack (post, "incomplete.venue", "", "Lokasi diumumkan kemudian.", "Aminah");
  hb_post_add_ack (post, "incomplete.time", "", "Sepanjang hari.", "Aminah");
  assert_state (post, "caption-fields", HB_ITEM_PASS);

  blurry.blurry = TRUE;
  add_photo (post, "/tmp/kabur.jpg", "Gambar kabur.", &blurry);
  assert_state (post, "media-quality", HB_ITEM_FAIL);
  assert_state (post, "media-alt-text", HB_ITEM_PASS);
  add_photo (post, "/tmp/tanpa-alt.jpg", "", &good_photo);
  assert_state (post, "media-alt-text", HB_ITEM_FAIL);

  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK #Kulim #Kedah #Bersih #GotongRoyong #Komuniti");
  assert_state (post, "platform-limits", HB_ITEM_FAIL);
}

/* A pack whose `respectful-reply` item is only for replies. */
static HbPolicy *
pack_with_applies_to (void)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *checklist;
  HbPolicy *policy;

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &text, NULL, &error));
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  checklist = json_object_get_array_member (json_node_get_object (root), "checklist");
  for (guint i = 0; i < json_array_get_length (checklist); i++)
    {
      JsonObject *item = json_array_get_object_element (checklist, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), "respectful-reply"))
        {
          JsonArray *types = json_array_new ();

          json_array_add_string_element (types, "reply");
          json_object_set_array_member (item, "applies_to", types);
        }
    }
  g_free (text);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  policy = hb_policy_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return policy;
}

static void
test_not_applicable (void)
{
  g_autoptr(HbPolicy) policy = pack_with_applies_to ();
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) report = NULL, reply = NULL;
  g_autoptr(GError) error = NULL;
  const HbCheckStatus *s;

  report = hb_checklist_evaluate (policy, post, NULL, HB_LANG_EN);
  s = status_of (report, "respectful-reply");
  g_assert_cmpint (s->state, ==, HB_ITEM_NOT_APPLICABLE);
  g_assert_true (s->complete);
  g_assert_cmpuint (hb_checklist_n_items (report), ==, 26);
  g_assert_cmpuint (hb_checklist_n_complete (report), ==, 11);
  g_assert_cmpstr (s->reason, ==, "Does not apply to this type of post");
  g_assert_false (hb_checklist_confirm (post, policy, "respectful-reply", "Aminah", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  hb_post_set_post_type (post, HB_POST_REPLY);
  reply = hb_checklist_evaluate (policy, post, NULL, HB_LANG_EN);
  g_assert_cmpint (status_of (reply, "respectful-reply")->state, ==, HB_ITEM_UNANSWERED);
  /* A reply is no news: the website need not carry it (8.b). */
  g_assert_cmpint (status_of (reply, "announced-on-website")->state, ==, HB_ITEM_NOT_APPLICABLE);
  g_assert_cmpuint (hb_checklist_n_items (reply), ==, 26);
}

static guint
index_of (GPtrArray           *statuses,
          const HbCheckStatus *s)
{
  guint i;

  g_assert_true (g_ptr_array_find (statuses, s, &i));
  return i;
}

/* Who vouches, the one grouping the Confirm Items dialog and the panel
 * share: the confirm items by their `vouched_by`, every auto item with
 * the software, the pack's order kept within each group. */
static void
test_grouping (void)
{
  g_autoptr(HbPost) post = complete_post ();
  g_autoptr(GPtrArray) statuses = evaluate (post, HB_LANG_EN);
  g_autoptr(GPtrArray) by_section = hb_checklist_group (statuses, HB_CHECKLIST_GROUPING_SECTION);
  g_autoptr(GPtrArray) by_who = hb_checklist_group (statuses, HB_CHECKLIST_GROUPING_VOUCHED_BY);
  g_autoptr(GString) order = g_string_new (NULL);

  g_assert_cmpint (hb_checklist_item_vouched_by (status_of (statuses, "no-defamation")->item), ==,
                   HB_VOUCHED_BY_OFFICER);
  g_assert_cmpint (hb_checklist_item_vouched_by (status_of (statuses, "corporate-comms-checked")->item), ==,
                   HB_VOUCHED_BY_CORPORATE_COMMS);
  g_assert_cmpint (hb_checklist_item_vouched_by (status_of (statuses, "committees-notified")->item), ==,
                   HB_VOUCHED_BY_COMMITTEES);
  g_assert_cmpint (hb_checklist_item_vouched_by (status_of (statuses, "no-obscene")->item), ==,
                   HB_VOUCHED_BY_SOFTWARE);
  g_assert_cmpstr (hb_vouched_by_to_string (HB_VOUCHED_BY_CORPORATE_COMMS), ==, "corporate-comms");
  g_assert_cmpstr (hb_vouched_by_to_string (HB_VOUCHED_BY_SOFTWARE), ==, "automatic");

  g_assert_cmpuint (by_section->len, ==, statuses->len);
  for (guint i = 0; i < statuses->len; i++)
    g_assert_true (by_section->pdata[i] == statuses->pdata[i]);
  g_assert_cmpuint (by_who->len, ==, statuses->len);
  for (guint i = 0; i < by_who->len; i++)
    {
      const HbCheckStatus *s = by_who->pdata[i];

      g_string_append_printf (order, "%s%s", i ? " " : "", s->item->id);
      if (i > 0)
        {
          const HbCheckStatus *p = by_who->pdata[i - 1];
          HbVouchedBy a = hb_checklist_item_vouched_by (p->item), b = hb_checklist_item_vouched_by (s->item);

          g_assert_cmpint (a, <=, b);
          /* The pack's order within a group. */
          if (a == b)
            g_assert_cmpuint (index_of (statuses, p), <, index_of (statuses, s));
        }
    }
  g_assert_true (g_str_has_prefix (order->str, "government-image media-no-confidential no-defamation official-work "));
  g_assert_nonnull (strstr (order->str, " mistake-corrected announced-on-website corporate-comms-checked "
                                        "committees-notified statement-complete "));
  g_assert_true (g_str_has_suffix (order->str, " professional-tone platform-limits"));
}

static void
test_state_names (void)
{
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_PASS), ==, "pass");
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_FAIL), ==, "fail");
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_OVERRIDDEN), ==, "overridden");
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_UNANSWERED), ==, "unanswered");
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_CONFIRMED), ==, "confirmed");
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_STALE), ==, "stale");
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_NOT_APPLICABLE), ==, "not-applicable");
  g_assert_cmpstr (hb_item_state_to_string (HB_ITEM_PENDING), ==, "pending");
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  builtin = hb_policy_new_builtin ();
  g_test_add_func ("/checklist/clean-post", test_clean_post);
  g_test_add_func ("/checklist/rumour-until-acknowledged", test_rumour_until_acknowledged);
  g_test_add_func ("/checklist/findings-given", test_findings_given);
  g_test_add_func ("/checklist/error-until-overridden", test_error_until_overridden);
  g_test_add_func ("/checklist/defamation-is-judgement", test_defamation_is_judgement);
  g_test_add_func ("/checklist/confirm-evidence", test_confirm_evidence);
  g_test_add_func ("/checklist/dates-evidence", test_dates_evidence);
  g_test_add_func ("/checklist/stale-after-edit", test_stale_after_edit);
  g_test_add_func ("/checklist/stale-next-day", test_stale_next_day);
  g_test_add_func ("/checklist/draft-round-trip", test_draft_round_trip);
  g_test_add_func ("/checklist/changed-and-clear", test_changed_and_clear);
  g_test_add_func ("/checklist/official-link", test_official_link);
  g_test_add_func ("/checklist/fields-media-platform", test_fields_media_platform);
  g_test_add_func ("/checklist/claim-without-marker", test_claim_without_marker);
  g_test_add_func ("/checklist/empty-post", test_empty_post);
  g_test_add_func ("/checklist/no-media-not-applicable", test_no_media_not_applicable);
  g_test_add_func ("/checklist/not-applicable", test_not_applicable);
  g_test_add_func ("/checklist/grouping", test_grouping);
  g_test_add_func ("/checklist/state-names", test_state_names);
  ret = g_test_run ();
  g_object_unref (builtin);
  return ret;
}
