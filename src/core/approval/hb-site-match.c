/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-site-match.c — the post's announcement among a listing's entries (see hb-site-match.h). */
#include "config.h"

#include "hb-site-match.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hb-checklist.h"
#include "hb-datetime.h"
#include "hb-error.h"

/* At least this share of the name's weight must be found. */
#define MATCH_THRESHOLD 0.75

/* Words that say nothing about which programme it is. */
static const char * const stop_words[] = {
  "dan", "di", "ke", "dari", "daripada", "untuk", "bagi", "yang", "dengan", "pada", "oleh",
  "serta", "atau", "ini", "itu", "kepada", "sempena", "bersama", "peringkat",
  "the", "of", "and", "for", "in", "at", "on", "to", "a", "an", "with", "by", "from",
  NULL
};

/* Words that name the kind of event or the council rather than the
 * event: they count half, not nothing.  The site may write "Program
 * Berbuka Puasa" for the post's "Majlis Berbuka Puasa", and every page
 * of it says "Majlis Perbandaran Kulim"; yet "Majlis Perasmian Pasar
 * Awam" is not "Gotong-Royong Pasar Awam" on the same day.  "Hari" is
 * not one of them: in "Hari Guru" it is half the name. */
static const char * const generic_words[] = {
  "majlis", "program", "sambutan", "karnival", "mesyuarat", "pelancaran", "perasmian",
  "kempen", "bengkel", "taklimat", "ceramah", "seminar", "kursus", "lawatan", "aktiviti",
  "acara", "pertandingan", "mpkk", "kulim", "perbandaran", "daerah",
  "event", "ceremony", "launch", "celebration", "meeting", "campaign", "workshop",
  "briefing", "visit", "council", "municipal",
  NULL
};

/* ------------------------------------------------------------------ */
/* Entries, queries, matches                                           */

HbSiteEntry *
hb_site_entry_new (const char *title,
                   const char *url,
                   const char *summary,
                   GDateTime  *date)
{
  HbSiteEntry *e = g_new0 (HbSiteEntry, 1);

  e->title = g_strdup (title ? title : "");
  e->url = g_strdup (url);
  e->summary = g_strdup (summary);
  e->date = date ? g_date_time_ref (date) : NULL;
  return e;
}

void
hb_site_entry_free (HbSiteEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->title);
  g_free (e->url);
  g_free (e->summary);
  g_clear_pointer (&e->date, g_date_time_unref);
  g_free (e);
}

/* @date: ISO "2026-11-25" or "25/11/2026", or NULL / "" for none. */
HbSiteQuery *
hb_site_query_new (const char  *name,
                   const char  *date,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(GDateTime) parsed = NULL;
  HbSiteQuery *q;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, HB_ERROR, HB_ERROR_INCOMPLETE,
                           _("The programme name is missing; the official website is searched for it"));
      return NULL;
    }
  if (date && *date && !hb_date_parse (date, &parsed))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date; write dates such as 20/11/2026"), date);
      return NULL;
    }
  q = g_new0 (HbSiteQuery, 1);
  q->name = g_steal_pointer (&trimmed);
  q->date = parsed ? g_date_time_format (parsed, "%Y-%m-%d") : NULL;
  return q;
}

/* The post's programme name and date; call on the thread that owns it. */
HbSiteQuery *
hb_site_query_new_for_post (HbPost  *post,
                            GError **error)
{
  g_return_val_if_fail (HB_IS_POST (post), NULL);
  return hb_site_query_new (hb_post_get_field (post, HB_FIELD_EVENT_NAME),
                            hb_post_get_field (post, HB_FIELD_DATE), error);
}

HbSiteQuery *
hb_site_query_copy (const HbSiteQuery *q)
{
  HbSiteQuery *copy = g_new0 (HbSiteQuery, 1);

  copy->name = g_strdup (q->name);
  copy->date = g_strdup (q->date);
  return copy;
}

void
hb_site_query_free (HbSiteQuery *q)
{
  if (q == NULL)
    return;
  g_free (q->name);
  g_free (q->date);
  g_free (q);
}

HbSiteMatch *
hb_site_match_copy (const HbSiteMatch *m)
{
  HbSiteMatch *copy;

  g_return_val_if_fail (m != NULL, NULL);

  copy = g_new0 (HbSiteMatch, 1);
  copy->title = g_strdup (m->title);
  copy->url = g_strdup (m->url);
  copy->score = m->score;
  copy->dated = m->dated;
  copy->query = m->query ? hb_site_query_copy (m->query) : NULL;
  return copy;
}

void
hb_site_match_free (HbSiteMatch *m)
{
  if (m == NULL)
    return;
  g_free (m->title);
  g_free (m->url);
  g_clear_pointer (&m->query, hb_site_query_free);
  g_free (m);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/* Decomposes, drops accents, folds case and turns everything but
 * letters and digits into spaces: "Pelancaran  Café-Kulim!" →
 * "pelancaran cafe kulim". */
static char *
fold (const char *text)
{
  g_autofree char *nfkd = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *out;

  if (nfkd == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfkd, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* British and Malay spellings of the same word. */
static const char *
canonical (const char *word)
{
  return strcmp (word, "programme") == 0 ? "program" : word;
}

/* The distinct words of @text, folded. */
static GHashTable *
word_set (const char *text)
{
  g_autofree char *folded = fold (text);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_hash_table_add (set, g_strdup (canonical (words[i])));
  return set;
}

static gboolean
is_year (const char *word)
{
  return strlen (word) == 4 && g_ascii_isdigit (word[0]) && g_ascii_isdigit (word[1]) &&
         g_ascii_isdigit (word[2]) && g_ascii_isdigit (word[3]);
}

/* A year in the name ("Karnival Sukan 2026") often is not in the title. */
static gboolean
is_generic (const char *word)
{
  return g_strv_contains (generic_words, word) || is_year (word);
}

/* ------------------------------------------------------------------ */
/* Matching                                                            */

/* The share of the name's weight found in @found; 0 when the name has
 * distinctive words and none of them is found. */
static double
name_coverage (GHashTable *name,
               GHashTable *found)
{
  GHashTableIter iter;
  gpointer key;
  double total = 0, hit = 0;
  guint distinct = 0, distinct_hit = 0;
  gboolean all_generic = TRUE;

  g_hash_table_iter_init (&iter, name);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    all_generic = all_generic && is_generic (key);
  g_hash_table_iter_init (&iter, name);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double weight = !all_generic && is_generic (key) ? 0.5 : 1.0;
      gboolean present = g_hash_table_contains (found, key);

      total += weight;
      hit += present ? weight : 0;
      distinct += weight == 1.0;
      distinct_hit += weight == 1.0 && present;
    }
  if (total == 0 || (distinct > 0 && distinct_hit == 0))
    return 0;
  return hit / total;
}

/* The significant words of the name: no function words. */
static GHashTable *
name_words (const char *name)
{
  GHashTable *set = word_set (name);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_strv_contains (stop_words, key))
      g_hash_table_iter_remove (&iter);
  return set;
}

/* Is the day @y-@m-@d written in @text?  A day without a year counts
 * only when @year_hint (the entry's own year, or 0) does not contradict. */
static gboolean
text_has_date (const char *text,
               int         y,
               int         m,
               int         d,
               int         year_hint)
{
  g_autoptr(GArray) found = hb_find_dates (text ? text : "", -1);

  for (guint i = 0; i < found->len; i++)
    {
      const HbDateMention *mention = &g_array_index (found, HbDateMention, i);

      if (hb_date_mention_covers (mention, y, m, d) &&
          (mention->year != 0 || year_hint == 0 || year_hint == y))
        return TRUE;
    }
  return FALSE;
}

static gboolean
entry_has_date (const HbSiteEntry *e,
                const char        *iso)
{
  int y = 0, m = 0, d = 0, ey = 0, em = 0, ed = 0;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  if (e->date)
    {
      g_date_time_get_ymd (e->date, &ey, &em, &ed);
      if (ey == y && em == m && ed == d)
        return TRUE;
    }
  return text_has_date (e->title, y, m, d, ey) || text_has_date (e->summary, y, m, d, ey);
}

/**
 * hb_site_match_score:
 * @dated: (out) (optional): whether @entry carries the query's date
 *
 * Returns: how much of the name @entry's title and summary hold, from 0
 *   to 1 (see hb-site-match.h); the date is not part of it
 */
double
hb_site_match_score (const HbSiteQuery *query,
                     const HbSiteEntry *entry,
                     gboolean          *dated)
{
  g_autoptr(GHashTable) name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) found = NULL;

  g_return_val_if_fail (query != NULL, 0);
  g_return_val_if_fail (entry != NULL, 0);

  name = name_words (query->name);
  text = g_strconcat (entry->title ? entry->title : "", " ", entry->summary ? entry->summary : "", NULL);
  found = word_set (text);
  if (dated)
    *dated = query->date != NULL && entry_has_date (entry, query->date);
  return name_coverage (name, found);
}

/* How much of the name the title alone holds: between two entries that
 * match as well, the one whose title names the event wins. */
static double
title_score (const HbSiteQuery *query,
             const HbSiteEntry *entry)
{
  HbSiteEntry title_only = { entry->title, entry->url, NULL, NULL };

  return hb_site_match_score (query, &title_only, NULL);
}

/**
 * hb_site_match_find:
 * @entries: (element-type HbSiteEntry): the listing, newest first as
 *   sites list them
 *
 * Returns: (transfer full) (nullable): the entry that best matches
 *   @query, or NULL when none does
 */
HbSiteMatch *
hb_site_match_find (const HbSiteQuery *query,
                    GPtrArray         *entries)
{
  const HbSiteEntry *best = NULL;
  double best_score = 0, best_title = 0;
  HbSiteMatch *match;

  g_return_val_if_fail (query != NULL && entries != NULL, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const HbSiteEntry *e = entries->pdata[i];
      gboolean dated = FALSE;
      double score = hb_site_match_score (query, e, &dated), in_title;

      if (score < MATCH_THRESHOLD || (query->date != NULL && !dated) || score < best_score)
        continue;
      in_title = title_score (query, e);
      /* Ties go to the earlier entry: listings put the newest first. */
      if (best != NULL && score == best_score && in_title <= best_title)
        continue;
      best = e, best_score = score, best_title = in_title;
    }
  if (best == NULL)
    return NULL;
  match = g_new0 (HbSiteMatch, 1);
  match->title = g_strdup (best->title);
  match->url = g_strdup (best->url);
  match->score = best_score;
  match->dated = query->date != NULL;
  match->query = hb_site_query_copy (query);
  return match;
}

/* ------------------------------------------------------------------ */
/* Evidence                                                            */

/* "Title — URL": what the checklist records and the sign-off prints. */
char *
hb_site_match_evidence (const HbSiteMatch *match)
{
  g_return_val_if_fail (match != NULL, NULL);
  return g_strdup_printf ("%s — %s", match->title, match->url);
}

/**
 * hb_site_match_record:
 * @who: the officer, as Preferences name them
 *
 * Confirms the 8.b item HB_SITE_CHECK_ITEM of @post with the page found as
 * its evidence.  Refuses (HB_ERROR_STALE) when the post's programme name
 * or date is no longer what was looked for: the page found proves nothing
 * about the new one.
 */
gboolean
hb_site_match_record (const HbSiteMatch  *match,
                      HbPost             *post,
                      HbPolicy           *policy,
                      const char         *who,
                      GError            **error)
{
  g_autoptr(HbSiteQuery) now = NULL;
  g_autofree char *evidence = NULL;

  g_return_val_if_fail (match != NULL && match->query != NULL, FALSE);
  g_return_val_if_fail (HB_IS_POST (post) && HB_IS_POLICY (policy), FALSE);
  now = hb_site_query_new_for_post (post, NULL);
  if (now == NULL || g_strcmp0 (now->name, match->query->name) != 0 ||
      g_strcmp0 (now->date, match->query->date) != 0)
    {
      g_set_error_literal (error, HB_ERROR, HB_ERROR_STALE,
                           _("The programme name or date changed after the website was checked; check it again"));
      return FALSE;
    }
  evidence = hb_site_match_evidence (match);
  return hb_checklist_confirm (post, policy, HB_SITE_CHECK_ITEM, who, evidence, NULL, error);
}
