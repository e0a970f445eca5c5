/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-checklist.c — evaluates the pack's checklist for one post and records officers' answers in the draft. */
#include "config.h"

#include "hb-checklist.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hb-caption.h"
#include "hb-datetime.h"
#include "hb-error.h"
#include "hb-text.h"

/* Answers are kept in the post's "checklist" object, keyed by item id:
 *
 *   {"state": "confirmed", "who": "…", "when": "2026-11-20T10:15:00+08:00",
 *    "note": "…", "dates": ["2026-11-18"], "fingerprint": "<sha256>"}
 *   {"state": "overridden", "who": "…", "when": "…", "note": "<justification>",
 *    "count": 2}
 *
 * A confirmation vouches for part of the post; "fingerprint" is the
 * SHA-256 of that part when it was ticked, and a different one now makes
 * the item STALE.  An override records how many problems it was written
 * for ("count": open findings, or 1 for a check without findings): it
 * holds while the item fails for that many or fewer, goes STALE when the
 * post gets worse, and is simply not needed once the item passes.
 *
 * Errors: HB_ERROR_INCOMPLETE when something the officer must write is
 * missing (name, note, dates, justification); G_IO_ERROR_INVALID_ARGUMENT
 * for a request that cannot be right (unknown item, confirming an auto
 * item, overriding one that passes, a malformed date).
 *
 * Items whose `applies_to` excludes the post type, and items that `need`
 * media on a post without photos or videos, are NOT_APPLICABLE with the
 * reason: complete, and left out of both counts, so the panel's "12 of 18
 * complete" counts only what the officer has to deal with.
 *
 * Honesty: an auto item PASSes only on something checked — on a post with
 * nothing written yet it is PENDING, not ticked.  An item that needs human
 * judgement (8.a "no rumours or unverified claims", 6.a.v "no defamation,
 * sedition or unlawful content") is a confirm item with
 * a `check`: the check's result is shown beside it (`auto_result`), a
 * failing check makes it FAIL, but a passing one never ticks it. */

/* What a confirm item vouches for, and so what its fingerprint covers. */
typedef enum
{
  VOUCH_CAPTION,  /* the published words: composed caption, platform captions, media captions */
  VOUCH_MEDIA,    /* the photos: file name, SHA-256 and alt text of every item, in order */
  VOUCH_EVENT,    /* the programme the committees were told of: name, date, times, venue */
  VOUCH_DAY,      /* "checked today": the local date it was ticked on */
  N_VOUCH,
} Vouch;

/* Looked up by item id first, then by clause; anything else vouches for
 * the caption.  Ids starting with "media-" also vouch for the media, so a
 * pack can add photo items without a code change. */
static const struct
{
  const char *key;
  Vouch       vouch;
} vouch_table[] = {
  { "media-no-confidential", VOUCH_MEDIA },  /* 6.a.iii, but about what the photos show */
  { "7.a.iii.1", VOUCH_MEDIA },
  { "7.a.iii.3", VOUCH_MEDIA },
  { "7.a.iii.4", VOUCH_MEDIA },
  { "7.a.iii.5", VOUCH_MEDIA },
  { "8.f", VOUCH_EVENT },
  /* The page found on the website announced that programme on that day. */
  { "announced-on-website", VOUCH_EVENT },
  { "7.a.i", VOUCH_DAY },
};

/* Reasons follow the language asked for (often the post's), not the
 * UI's, so they are data here rather than gettext, as in hb-caption.c.
 * "{1}" and "{2}" are filled in by reason_fill(): placeholders rather
 * than printf formats, which -Wformat-nonliteral rightly refuses. */
typedef enum
{
  REASON_FINDINGS_ONE,
  REASON_FINDINGS_MANY,
  REASON_NO_LINK,
  REASON_BAD_LINK,
  REASON_NO_MEDIA,
  REASON_STALE,
  REASON_STALE_DAY,
  REASON_STALE_OVERRIDE,
  REASON_UNKNOWN_CHECK,
  REASON_NOT_FOR_TYPE,
  REASON_NEEDS_MEDIA,
  REASON_NOTHING_YET,
  N_REASONS,
} Reason;

static const char * const reasons[HB_N_LANGS][N_REASONS] = {
  {
    "{1} dapatan belum selesai di bawah {2}",
    "{1} dapatan belum selesai di bawah {2}",
    "Pautan ke laman web rasmi (mpkk.gov.my) tidak disertakan",
    "Pautan bukan alamat https:// di mpkk.gov.my",
    "Tiada foto atau video dilampirkan",
    "Hebahan telah berubah selepas disahkan",
    "Disahkan pada hari lain; sahkan semula hari ini",
    "Kini {1} masalah belum selesai, melebihi {2} semasa diketepikan",
    "Semakan “{1}” tidak dikenali",
    "Tidak berkaitan dengan jenis hebahan ini",
    "Tidak berkaitan: tiada foto atau video dilampirkan",
    "Belum disemak: hebahan ini masih kosong",
  },
  {
    "{1} open finding under {2}",
    "{1} open findings under {2}",
    "No link to the official website (mpkk.gov.my) is given",
    "The link is not an https:// address on mpkk.gov.my",
    "No photo or video is attached",
    "The post changed after it was confirmed",
    "Confirmed on another day; confirm it again today",
    "{1} open problems now, more than the {2} it was overridden for",
    "Unknown check “{1}”",
    "Does not apply to this type of post",
    "Not applicable: no photo or video is attached",
    "Not checked yet: the post is still empty",
  },
};

static char *
reason_fill (HbLang      lang,
             Reason      reason,
             const char *first,
             const char *second)
{
  GString *out = g_string_new (reasons[lang][reason]);

  g_string_replace (out, "{1}", first ? first : "", 0);
  g_string_replace (out, "{2}", second ? second : "", 0);
  return g_string_free (out, FALSE);
}

static char *
reason_count (HbLang      lang,
              Reason      reason,
              guint       n,
              const char *second)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", n);
  return reason_fill (lang, reason, number, second);
}

typedef struct
{
  HbPolicy   *policy;
  HbPost     *post;
  GPtrArray  *findings;     /* HbPostFinding, or NULL when linting failed */
  const char *lint_error;
  HbLang      lang;
  JsonObject *answers;      /* or NULL */
  char       *fingerprints[N_VOUCH];  /* computed when first needed */
  gboolean    empty;        /* nothing written and nothing attached: nothing to check */
} Eval;

/* ------------------------------------------------------------------ */
/* Fingerprints                                                        */

static Vouch
vouch_of (const HbChecklistItem *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (vouch_table); i++)
    if (g_strcmp0 (vouch_table[i].key, item->id) == 0)
      return vouch_table[i].vouch;
  if (g_str_has_prefix (item->id, "media-"))
    return VOUCH_MEDIA;
  for (guint i = 0; i < G_N_ELEMENTS (vouch_table); i++)
    if (g_strcmp0 (vouch_table[i].key, item->clause) == 0)
      return vouch_table[i].vouch;
  return VOUCH_CAPTION;
}

/* Each string ends with a NUL in the hash, so "ab"+"c" ≠ "a"+"bc". */
static void
hash_str (GChecksum  *sum,
          const char *str)
{
  str = str ? str : "";
  g_checksum_update (sum, (const guchar *) str, strlen (str) + 1);
}

static void
hash_caption (GChecksum *sum,
              HbPost    *post)
{
  g_autoptr(HbCaption) caption = hb_caption_compose (post, hb_post_get_language (post));
  const char * const *ids = hb_platform_ids ();
  GListModel *media = G_LIST_MODEL (hb_post_get_media (post));

  hash_str (sum, caption->text);
  for (guint i = 0; ids[i]; i++)
    if (hb_post_get_caption_override (post, ids[i]))
      {
        hash_str (sum, ids[i]);
        hash_str (sum, hb_post_get_caption_override (post, ids[i]));
      }
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);

      hash_str (sum, hb_media_item_get_caption (item));
    }
}

/* The file name rather than the path: a draft moved with its photos
 * should not need confirming again; the SHA-256 catches a changed file. */
static void
hash_media (GChecksum *sum,
            HbPost    *post)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (post));

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);
      g_autofree char *name = g_path_get_basename (hb_media_item_get_path (item));

      hash_str (sum, name);
      hash_str (sum, hb_media_item_get_sha256 (item));
      hash_str (sum, hb_media_item_get_alt_text (item));
    }
}

static void
hash_event (GChecksum *sum,
            HbPost    *post)
{
  static const HbField fields[] = {
    HB_FIELD_EVENT_NAME, HB_FIELD_DATE, HB_FIELD_START_TIME, HB_FIELD_END_TIME, HB_FIELD_VENUE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    hash_str (sum, hb_post_get_field (post, fields[i]));
}

static char *
fingerprint (HbPost *post,
             Vouch   vouch)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  static const char * const names[N_VOUCH] = { "caption", "media", "event", "day" };

  hash_str (sum, names[vouch]);
  if (vouch == VOUCH_CAPTION)
    hash_caption (sum, post);
  else if (vouch == VOUCH_MEDIA)
    hash_media (sum, post);
  else if (vouch == VOUCH_EVENT)
    hash_event (sum, post);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      hash_str (sum, today);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static const char *
eval_fingerprint (Eval  *ev,
                  Vouch  vouch)
{
  if (ev->fingerprints[vouch] == NULL)
    ev->fingerprints[vouch] = fingerprint (ev->post, vouch);
  return ev->fingerprints[vouch];
}

/* ------------------------------------------------------------------ */
/* Auto checks                                                         */

/* Info never blocks; a warning is settled by an acknowledgement; an
 * error only by fixing it or overriding the item. */
static gboolean
finding_is_open (const HbPostFinding *pf)
{
  HbSeverity severity = hb_finding_get_severity (pf->finding);

  if (severity == HB_SEVERITY_INFO)
    return FALSE;
  return severity == HB_SEVERITY_ERROR || !pf->acknowledged;
}

/* Whether finding @f counts against auto check @item.  `fields-complete`
 * takes only the item's own clause: a weekday contradicting its date is
 * an `incomplete` finding under 6.a.i, and 6.a.i's item reports it. */
static gboolean
finding_counts (const HbChecklistItem *item,
                const HbFinding       *f)
{
  const char *check = item->check;
  const char *topic = hb_finding_get_topic (f);
  gboolean alt_text = g_strcmp0 (hb_rule_get_post_check (f->rule), "alt-text-missing") == 0;

  if (g_strcmp0 (check, "no-findings") == 0)
    return g_strcmp0 (hb_finding_get_clause (f), item->clause) == 0;
  if (g_strcmp0 (check, "fields-complete") == 0)
    return g_strcmp0 (topic, "incomplete") == 0 &&
           g_strcmp0 (hb_finding_get_clause (f), item->clause) == 0;
  if (g_strcmp0 (check, "media-quality") == 0)
    return g_strcmp0 (topic, "media") == 0 && !alt_text;
  if (g_strcmp0 (check, "alt-text") == 0)
    return alt_text;
  if (g_strcmp0 (check, "platform-limits") == 0)
    return g_strcmp0 (topic, "platform") == 0;
  return FALSE;
}

static guint
count_open (Eval                  *ev,
            const HbChecklistItem *item)
{
  guint n = 0;

  for (guint i = 0; i < ev->findings->len; i++)
    {
      const HbPostFinding *pf = ev->findings->pdata[i];

      if (finding_is_open (pf) && finding_counts (item, pf->finding))
        n++;
    }
  return n;
}

/* An https address on mpkk.gov.my or one of its subdomains. */
static gboolean
is_official_link (const char *link)
{
  g_autofree char *text = g_strstrip (g_strdup (link ? link : ""));
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = NULL;

  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 ||
      g_uri_get_host (uri) == NULL)
    return FALSE;
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_str_has_suffix (host, "."))
    host[strlen (host) - 1] = '\0';
  return g_str_equal (host, "mpkk.gov.my") || g_str_has_suffix (host, ".mpkk.gov.my");
}

static gboolean
is_finding_check (const char *check)
{
  static const char * const checks[] = {
    "no-findings", "fields-complete", "media-quality", "alt-text", "platform-limits", NULL,
  };

  return check && g_strv_contains (checks, check);
}

/* How many problems auto item @item has (0: it passes), and why, in
 * the evaluation's language. */
static guint
auto_failures (Eval                  *ev,
               const HbChecklistItem *item,
               char                 **reason)
{
  const char * const *r = reasons[ev->lang];
  const char *link = hb_post_get_field (ev->post, HB_FIELD_LINK);
  guint n;

  *reason = NULL;
  if (is_finding_check (item->check))
    {
      if (ev->findings == NULL)
        {
          *reason = g_strdup (ev->lint_error);
          return 1;
        }
      if ((n = count_open (ev, item)) > 0)
        *reason = reason_count (ev->lang, n == 1 ? REASON_FINDINGS_ONE : REASON_FINDINGS_MANY,
                                n, item->clause);
      return n;
    }
  if (g_strcmp0 (item->check, "official-link") == 0)
    {
      if (is_official_link (link))
        return 0;
      *reason = g_strdup (hb_text_is_blank (link) ? r[REASON_NO_LINK] : r[REASON_BAD_LINK]);
      return 1;
    }
  if (g_strcmp0 (item->check, "media-present") == 0)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (hb_post_get_media (ev->post))) > 0)
        return 0;
      *reason = g_strdup (r[REASON_NO_MEDIA]);
      return 1;
    }
  *reason = reason_fill (ev->lang, REASON_UNKNOWN_CHECK, item->check, NULL);
  return 1;
}

/* ------------------------------------------------------------------ */
/* Answers                                                             */

static JsonObject *
answer_of (JsonObject *answers,
           const char *item_id)
{
  JsonNode *node = answers ? json_object_get_member (answers, item_id) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
answer_string (JsonObject *answer,
               const char *name)
{
  JsonNode *node = json_object_get_member (answer, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char **
answer_dates (JsonObject *answer)
{
  JsonNode *node = json_object_get_member (answer, "dates");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *d = json_array_get_element (array, i);

      if (json_node_get_value_type (d) == G_TYPE_STRING && hb_date_parse (json_node_get_string (d), NULL))
        g_strv_builder_add (builder, json_node_get_string (d));
    }
  return g_strv_builder_end (builder);
}

/* Copies who/when/note/dates of @answer into @status. */
static void
fill_answer (HbCheckStatus *status,
             JsonObject    *answer)
{
  const char *when = answer_string (answer, "when");

  status->who = g_strdup (answer_string (answer, "who"));
  status->when = when ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  status->note = g_strdup (answer_string (answer, "note"));
  status->dates = answer_dates (answer);
}

/* A draft edited by hand may carry a tick without what it needs; such a
 * tick does not count. */
static gboolean
answer_is_whole (const HbChecklistItem *item,
                 const HbCheckStatus   *status,
                 gboolean               overridden)
{
  if (status->who == NULL || *status->who == '\0')
    return FALSE;
  if (g_strcmp0 (item->evidence, "text") == 0 || overridden)
    return !hb_text_is_blank (status->note);
  if (g_strcmp0 (item->evidence, "date") == 0 || g_strcmp0 (item->evidence, "dates") == 0)
    return status->dates != NULL && status->dates[0] != NULL;
  return TRUE;
}

static gboolean
answer_has_state (JsonObject *answer,
                  const char *state)
{
  return answer && g_strcmp0 (answer_string (answer, "state"), state) == 0;
}

/* ------------------------------------------------------------------ */
/* Evaluation                                                          */

static void
set_state (HbCheckStatus *status,
           HbItemState    state)
{
  status->state = state;
  status->complete = state == HB_ITEM_PASS || state == HB_ITEM_OVERRIDDEN ||
                     state == HB_ITEM_CONFIRMED || state == HB_ITEM_NOT_APPLICABLE;
}

/* An override holds while the item fails no worse than when it was
 * written; its `reason` still says what fails, for the sign-off sheet.
 * Used for auto items and for judgements whose check fails (@n > 0). */
static HbItemState
evaluate_override (Eval          *ev,
                   HbCheckStatus *status,
                   guint          n)
{
  JsonObject *answer = answer_of (ev->answers, status->item->id);
  gint64 allowed;
  char number[24];

  status->reason = g_strdup (status->auto_result);
  if (!answer_has_state (answer, "overridden"))
    return HB_ITEM_FAIL;
  fill_answer (status, answer);
  if (!answer_is_whole (status->item, status, TRUE))
    return HB_ITEM_FAIL;
  allowed = json_object_get_int_member_with_default (answer, "count", 0);
  if (n <= allowed)
    return HB_ITEM_OVERRIDDEN;
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, allowed);
  g_free (status->reason);
  status->reason = reason_count (ev->lang, REASON_STALE_OVERRIDE, n, number);
  return HB_ITEM_STALE;
}

static HbItemState
evaluate_confirm (Eval          *ev,
                  HbCheckStatus *status)
{
  JsonObject *answer = answer_of (ev->answers, status->item->id);
  Vouch vouch = vouch_of (status->item);

  if (!answer_has_state (answer, "confirmed"))
    return HB_ITEM_UNANSWERED;
  fill_answer (status, answer);
  if (!answer_is_whole (status->item, status, FALSE))
    return HB_ITEM_UNANSWERED;
  if (g_strcmp0 (answer_string (answer, "fingerprint"), eval_fingerprint (ev, vouch)) == 0)
    return HB_ITEM_CONFIRMED;
  status->reason = g_strdup (reasons[ev->lang][vouch == VOUCH_DAY ? REASON_STALE_DAY : REASON_STALE]);
  return HB_ITEM_STALE;
}

static gboolean
item_applies (const HbChecklistItem *item,
              HbPost                *post)
{
  return item->applies_to == NULL ||
         g_strv_contains ((const char * const *) item->applies_to,
                          hb_post_type_to_string (hb_post_get_post_type (post)));
}

static gboolean
post_has_media (HbPost *post)
{
  return g_list_model_get_n_items (G_LIST_MODEL (hb_post_get_media (post))) > 0;
}

/* Runs the item's `check`: how many problems, and `auto_result` saying
 * what was found (the pack's `checked` text when it passes). */
static guint
run_check (Eval          *ev,
           HbCheckStatus *status)
{
  const HbChecklistItem *item = status->item;
  g_autofree char *reason = NULL;
  guint n = auto_failures (ev, item, &reason);

  status->automatic = TRUE;
  status->auto_passed = n == 0;
  status->auto_result = n == 0 ? g_strdup (item->checked[ev->lang]) : g_steal_pointer (&reason);
  return n;
}

static HbItemState
evaluate_applicable (Eval          *ev,
                     HbCheckStatus *status)
{
  const HbChecklistItem *item = status->item;
  guint n = 0;

  if (item->check && ev->empty)
    {
      /* An empty post passes every check, which says nothing. */
      status->reason = g_strdup (reasons[ev->lang][REASON_NOTHING_YET]);
      if (item->kind == HB_CHECK_AUTO)
        return HB_ITEM_PENDING;
    }
  else if (item->check)
    n = run_check (ev, status);
  if (item->kind == HB_CHECK_AUTO && n == 0)
    return HB_ITEM_PASS;
  /* A judgement is not confirmed over what its check found: the findings
   * are fixed or acknowledged first, or (an error the officer knows to be
   * a false alarm: a quoted song read as sedition) overridden with a
   * justification printed on the sheet, which is the officer's answer. */
  if (n > 0)
    return evaluate_override (ev, status, n);
  g_clear_pointer (&status->reason, g_free);
  return evaluate_confirm (ev, status);
}

static HbCheckStatus *
evaluate_item (Eval                  *ev,
               const HbChecklistItem *item)
{
  HbCheckStatus *status = g_new0 (HbCheckStatus, 1);

  status->item = item;
  if (!item_applies (item, ev->post))
    {
      status->reason = g_strdup (reasons[ev->lang][REASON_NOT_FOR_TYPE]);
      set_state (status, HB_ITEM_NOT_APPLICABLE);
    }
  else if (g_strcmp0 (item->needs, "media") == 0 && !post_has_media (ev->post))
    {
      status->reason = g_strdup (reasons[ev->lang][REASON_NEEDS_MEDIA]);
      set_state (status, HB_ITEM_NOT_APPLICABLE);
    }
  else
    set_state (status, evaluate_applicable (ev, status));
  return status;
}

/* Nothing typed in any field, no guest, no photo, no platform caption:
 * the composed caption is blank and nothing is attached. */
static gboolean
post_is_empty (HbPost *post)
{
  g_autoptr(HbCaption) caption = hb_caption_compose (post, hb_post_get_language (post));
  const char * const *ids = hb_platform_ids ();

  if (!hb_text_is_blank (caption->text) || post_has_media (post) ||
      !hb_text_is_blank (hb_post_get_field (post, HB_FIELD_LINK)))
    return FALSE;
  for (guint i = 0; ids[i]; i++)
    if (!hb_text_is_blank (hb_post_get_caption_override (post, ids[i])))
      return FALSE;
  return TRUE;
}

static JsonObject *
answers_of (HbPost *post)
{
  JsonNode *node = hb_post_get_checklist (post);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * hb_checklist_evaluate:
 * @findings: (nullable): the post's findings (HbPostFinding), if the
 *   caller has them already; NULL lints the post here
 * @lang: the language of the reasons
 *
 * Returns: (transfer full): one HbCheckStatus per item of the pack, in
 *   the pack's order
 */
GPtrArray *
hb_checklist_evaluate (HbPolicy  *policy,
                       HbPost    *post,
                       GPtrArray *findings,
                       HbLang     lang)
{
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_check_status_free);
  Eval ev = { policy, post, findings, NULL, lang, answers_of (post), { NULL }, FALSE };

  g_return_val_if_fail (HB_IS_POLICY (policy) && HB_IS_POST (post), statuses);
  ev.empty = post_is_empty (post);
  if (findings == NULL)
    {
      /* A post that cannot be linted fails every item that needs findings. */
      ev.findings = own = hb_post_lint (policy, post, &error);
      ev.lint_error = error ? error->message : NULL;
    }
  for (guint i = 0; i < hb_policy_get_n_checklist (policy); i++)
    g_ptr_array_add (statuses, evaluate_item (&ev, hb_policy_get_checklist (policy, i)));
  for (guint i = 0; i < N_VOUCH; i++)
    g_free (ev.fingerprints[i]);
  return statuses;
}

guint
hb_checklist_n_complete (GPtrArray *statuses)
{
  guint n = 0;

  g_return_val_if_fail (statuses != NULL, 0);

  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];

      n += s->complete && s->state != HB_ITEM_NOT_APPLICABLE;
    }
  return n;
}

guint
hb_checklist_n_items (GPtrArray *statuses)
{
  guint n = 0;

  g_return_val_if_fail (statuses != NULL, 0);

  for (guint i = 0; i < statuses->len; i++)
    n += ((const HbCheckStatus *) statuses->pdata[i])->state != HB_ITEM_NOT_APPLICABLE;
  return n;
}

gboolean
hb_checklist_is_complete (GPtrArray *statuses)
{
  g_return_val_if_fail (statuses != NULL, FALSE);

  for (guint i = 0; i < statuses->len; i++)
    if (!((const HbCheckStatus *) statuses->pdata[i])->complete)
      return FALSE;
  return TRUE;
}

const char *
hb_item_state_to_string (HbItemState state)
{
  static const char * const names[] = {
    "pass", "fail", "overridden", "unanswered", "confirmed", "stale", "not-applicable", "pending",
  };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (names), NULL);
  return names[state];
}

void
hb_check_status_free (HbCheckStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->reason);
  g_free (status->auto_result);
  g_free (status->who);
  g_clear_pointer (&status->when, g_date_time_unref);
  g_free (status->note);
  g_strfreev (status->dates);
  g_free (status);
}

/* An auto item is the software's whatever its `vouched_by` says: no one
 * confirms it. */
HbVouchedBy
hb_checklist_item_vouched_by (const HbChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, HB_VOUCHED_BY_OFFICER);

  if (item->kind == HB_CHECK_AUTO)
    return HB_VOUCHED_BY_SOFTWARE;
  if (g_strcmp0 (item->vouched_by, "corporate-comms") == 0)
    return HB_VOUCHED_BY_CORPORATE_COMMS;
  if (g_strcmp0 (item->vouched_by, "committees") == 0)
    return HB_VOUCHED_BY_COMMITTEES;
  return HB_VOUCHED_BY_OFFICER;
}

/* The group's id, as widget names and the `recent-evidence` keys use it. */
const char *
hb_vouched_by_to_string (HbVouchedBy vouched_by)
{
  static const char * const ids[HB_N_VOUCHED_BY] = { "officer", "corporate-comms", "committees", "automatic" };

  g_return_val_if_fail ((guint) vouched_by < HB_N_VOUCHED_BY, NULL);
  return ids[vouched_by];
}

/* The group's heading in the interface's language: one wording for the
 * Confirm Items dialog and the checklist panel. */
const char *
hb_vouched_by_get_title (HbVouchedBy vouched_by)
{
  switch (vouched_by)
    {
    case HB_VOUCHED_BY_OFFICER: return _("What you vouch for yourself");
    case HB_VOUCHED_BY_CORPORATE_COMMS: return _("Checked with Bahagian Komunikasi Korporat");
    case HB_VOUCHED_BY_COMMITTEES: return _("The committees (JK Media Sosial, JK ICT)");
    case HB_VOUCHED_BY_SOFTWARE: return _("Automatic checks");
    case HB_N_VOUCHED_BY:
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * hb_checklist_group:
 * @statuses: (element-type HbCheckStatus): from hb_checklist_evaluate()
 *
 * The statuses in the order @grouping shows them: the pack's order (which
 * is by section), or by who vouches (hb_checklist_item_vouched_by()), the
 * pack's order kept within each group.
 *
 * Returns: (transfer container): the same statuses, borrowed from @statuses
 */
GPtrArray *
hb_checklist_group (GPtrArray           *statuses,
                    HbChecklistGrouping  grouping)
{
  GPtrArray *ordered;

  g_return_val_if_fail (statuses != NULL, NULL);

  ordered = g_ptr_array_sized_new (statuses->len);
  if (grouping == HB_CHECKLIST_GROUPING_SECTION)
    {
      for (guint i = 0; i < statuses->len; i++)
        g_ptr_array_add (ordered, statuses->pdata[i]);
      return ordered;
    }
  /* A pass per group rather than a sort: g_ptr_array_sort is not stable. */
  for (guint g = 0; g < HB_N_VOUCHED_BY; g++)
    for (guint i = 0; i < statuses->len; i++)
      if (hb_checklist_item_vouched_by (((HbCheckStatus *) statuses->pdata[i])->item) == g)
        g_ptr_array_add (ordered, statuses->pdata[i]);
  return ordered;
}

/* ------------------------------------------------------------------ */
/* Recording answers                                                   */

static const HbChecklistItem *
find_item (HbPolicy    *policy,
           HbPost      *post,
           const char  *item_id,
           HbCheckKind  kind,
           GError     **error)
{
  const HbChecklistItem *item = NULL;

  for (guint i = 0; item == NULL && i < hb_policy_get_n_checklist (policy); i++)
    if (g_strcmp0 (hb_policy_get_checklist (policy, i)->id, item_id) == 0)
      item = hb_policy_get_checklist (policy, i);
  if (item == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("Unknown checklist item “%s”"), item_id ? item_id : "");
  else if (item->kind != kind && !(kind == HB_CHECK_AUTO && item->check != NULL))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 kind == HB_CHECK_CONFIRM ? _("“%s” is checked automatically and cannot be confirmed by hand")
                                          : _("“%s” is confirmed by an officer, not overridden"),
                 item_id);
  else if (!item_applies (item, post))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” does not apply to this type of post"), item_id);
  else
    return item;
  return NULL;
}

/* Dates as ISO "2026-11-20", whichever way hb_date_parse accepted them
 * ("20/11/2026" too). */
static char **
parse_dates (const HbChecklistItem  *item,
             const char * const     *dates,
             GError                **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = dates ? g_strv_length ((char **) dates) : 0;

  if (n == 0 || (g_str_equal (item->evidence, "date") && n > 1))
    {
      g_set_error_literal (error, HB_ERROR, HB_ERROR_INCOMPLETE,
                           n == 0 ? _("Give at least one date, such as 20/11/2026") : _("Give one date, such as 20/11/2026"));
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) date = NULL;
      g_autofree char *iso = NULL;

      if (!hb_date_parse (dates[i], &date))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a date; write dates such as 20/11/2026"), dates[i]);
          return NULL;
        }
      iso = g_date_time_format (date, "%Y-%m-%d");
      g_strv_builder_add (builder, iso);
    }
  return g_strv_builder_end (builder);
}

static gboolean
check_who (const char  *who,
           GError     **error)
{
  if (!hb_text_is_blank (who))
    return TRUE;
  g_set_error_literal (error, HB_ERROR, HB_ERROR_INCOMPLETE,
                       _("The officer’s name is missing; set it in Preferences"));
  return FALSE;
}

/* The answer's common members, stamped now. */
static JsonBuilder *
begin_answer (const char *state,
              const char *who,
              const char *note)
{
  JsonBuilder *b = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *name = g_strstrip (g_strdup (who));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, state);
  json_builder_set_member_name (b, "who");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "when");
  json_builder_add_string_value (b, when);
  if (!hb_text_is_blank (note))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (note));

      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, trimmed);
    }
  return b;
}

/* Replaces (or with @answer NULL, removes) @item_id's answer through
 * hb_post_set_checklist, so the post emits ::changed and autosaves.  The
 * stored object is never changed in place: a snapshot may share it. */
static void
store_answer (HbPost     *post,
              const char *item_id,
              JsonNode   *answer)
{
  JsonObject *old = answers_of (post);
  g_autoptr(JsonObject) next = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) names = old ? json_object_get_members (old) : NULL;

  for (GList *l = names; l; l = l->next)
    if (!g_str_equal (l->data, item_id))
      json_object_set_member (next, l->data, json_node_copy (json_object_get_member (old, l->data)));
  if (answer)
    json_object_set_member (next, item_id, json_node_copy (answer));
  if (json_object_get_size (next) > 0)
    {
      root = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (root, next);
    }
  hb_post_set_checklist (post, root);
}

static gboolean
check_confirm_evidence (const HbChecklistItem  *item,
                        const char             *note,
                        const char * const     *dates,
                        char                 ***parsed,
                        GError                **error)
{
  if (g_strcmp0 (item->evidence, "text") == 0 && hb_text_is_blank (note))
    {
      g_set_error_literal (error, HB_ERROR, HB_ERROR_INCOMPLETE,
                           _("Write down the evidence this item asks for"));
      return FALSE;
    }
  if (g_strcmp0 (item->evidence, "date") == 0 || g_strcmp0 (item->evidence, "dates") == 0)
    return (*parsed = parse_dates (item, dates, error)) != NULL;
  return TRUE;
}

/**
 * hb_checklist_confirm:
 * @note: (nullable): the evidence for items whose evidence is "text",
 *   else an optional remark
 * @dates: (nullable): for items whose evidence is "date" or "dates"
 *
 * Ticks confirm item @item_id for @who, stamped now, with a fingerprint
 * of what it vouches for.
 */
gboolean
hb_checklist_confirm (HbPost              *post,
                      HbPolicy            *policy,
                      const char          *item_id,
                      const char          *who,
                      const char          *note,
                      const char * const  *dates,
                      GError             **error)
{
  const HbChecklistItem *item;
  g_auto(GStrv) parsed = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *print = NULL;

  g_return_val_if_fail (HB_IS_POST (post) && HB_IS_POLICY (policy), FALSE);
  if ((item = find_item (policy, post, item_id, HB_CHECK_CONFIRM, error)) == NULL ||
      !check_who (who, error) || !check_confirm_evidence (item, note, dates, &parsed, error))
    return FALSE;
  print = fingerprint (post, vouch_of (item));
  b = begin_answer ("confirmed", who, note);
  if (parsed)
    {
      json_builder_set_member_name (b, "dates");
      json_builder_begin_array (b);
      for (guint i = 0; parsed[i]; i++)
        json_builder_add_string_value (b, parsed[i]);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "fingerprint");
  json_builder_add_string_value (b, print);
  json_builder_end_object (b);
  answer = json_builder_get_root (b);
  store_answer (post, item_id, answer);
  return TRUE;
}

/**
 * hb_checklist_override:
 * @justification: why the post goes out although the item fails; it is
 *   printed on the sign-off sheet
 *
 * Overrides item @item_id, which must be failing now: an auto item, or
 * a judgement whose automatic check fails (the override then stands for
 * the officer's confirmation, with its justification).
 */
gboolean
hb_checklist_override (HbPost      *post,
                       HbPolicy    *policy,
                       const char  *item_id,
                       const char  *who,
                       const char  *justification,
                       GError     **error)
{
  const HbChecklistItem *item;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *reason = NULL;
  Eval ev = { policy, post, NULL, NULL, HB_LANG_EN, NULL, { NULL }, FALSE };
  guint n;

  g_return_val_if_fail (HB_IS_POST (post) && HB_IS_POLICY (policy), FALSE);
  if ((item = find_item (policy, post, item_id, HB_CHECK_AUTO, error)) == NULL || !check_who (who, error))
    return FALSE;
  if (hb_text_is_blank (justification))
    {
      g_set_error_literal (error, HB_ERROR, HB_ERROR_INCOMPLETE,
                           _("Write why this item is overridden; the justification is printed on the sign-off sheet"));
      return FALSE;
    }
  if (is_finding_check (item->check) && (ev.findings = findings = hb_post_lint (policy, post, error)) == NULL)
    return FALSE;
  if ((n = auto_failures (&ev, item, &reason)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” passes; there is nothing to override"), item_id);
      return FALSE;
    }
  b = begin_answer ("overridden", who, justification);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, n);
  json_builder_end_object (b);
  answer = json_builder_get_root (b);
  store_answer (post, item_id, answer);
  return TRUE;
}

/* Does nothing (and so emits nothing) when there is no answer to clear. */
void
hb_checklist_clear (HbPost     *post,
                    const char *item_id)
{
  JsonObject *answers;

  g_return_if_fail (HB_IS_POST (post) && item_id != NULL);
  answers = answers_of (post);
  if (answers && json_object_has_member (answers, item_id))
    store_answer (post, item_id, NULL);
}
