/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-site-match.h — finding a post's announcement among the entries of
 * the official website's news listing (guideline 8.b), and recording the
 * page found as the checklist's evidence.
 *
 * Pure and offline: src/net/hb-site-listing.c turns a fetched RSS, Atom
 * or HTML listing into HbSiteEntry, src/net/hb-site-check.c fetches it.
 *
 * Matching is tolerant of case, accents, punctuation and word order: the
 * programme name's significant words are looked for in an entry's title
 * and summary.  Function words ("dan", "di", "bersama", "of") are
 * ignored; generic event words ("majlis", "program", "sambutan", "mpkk"…)
 * count half, because the website may call the same event a "Program"
 * where the post says "Majlis"; a name made only of such words counts
 * them whole.  An entry matches when at least 75% of the name's weight is
 * found, including a distinctive word when the name has one: with four
 * distinctive words, one may be missing; with three, none.  When the
 * post has a date, the entry must carry it too: as its publication date
 * (read in Malaysian time) or written in its title or summary
 * ("25 November 2026", "25 Nov 2026", "25/11/2026", "2026-11-25", a range
 * "24–26 November 2026", or "25 November" without a year when the entry's
 * own date is in the same year).
 */
#pragma once

#include "hb-policy.h"
#include "hb-post.h"

G_BEGIN_DECLS

/* The checklist item (8.b) that a match answers. */
#define HB_SITE_CHECK_ITEM "announced-on-website"

/* An entry of the listing. */
typedef struct
{
  char      *title;
  char      *url;       /* absolute */
  char      *summary;   /* description, summary, or the text around an HTML link; or NULL */
  GDateTime *date;      /* published or updated, or NULL */
} HbSiteEntry;

/* What to look for, copied from the post so the search can run while the
 * officer keeps editing. */
typedef struct
{
  char *name;           /* the programme or event name */
  char *date;           /* ISO "2026-11-25", or NULL: the name alone decides */
} HbSiteQuery;

typedef struct
{
  char        *title;
  char        *url;
  double       score;   /* share of the name's weight found, 0–1 */
  gboolean     dated;   /* the query had a date and the entry carries it */
  HbSiteQuery *query;   /* what was looked for */
} HbSiteMatch;

HbSiteEntry *hb_site_entry_new          (const char         *title,
                                         const char         *url,
                                         const char         *summary,
                                         GDateTime          *date);
void         hb_site_entry_free         (HbSiteEntry        *entry);

HbSiteQuery *hb_site_query_new          (const char         *name,
                                         const char         *date,
                                         GError            **error);
HbSiteQuery *hb_site_query_new_for_post (HbPost             *post,
                                         GError            **error);
HbSiteQuery *hb_site_query_copy         (const HbSiteQuery  *query);
void         hb_site_query_free         (HbSiteQuery        *query);

HbSiteMatch *hb_site_match_find         (const HbSiteQuery  *query,
                                         GPtrArray          *entries);
double       hb_site_match_score        (const HbSiteQuery  *query,
                                         const HbSiteEntry  *entry,
                                         gboolean           *dated);
char        *hb_site_match_evidence     (const HbSiteMatch  *match);
gboolean     hb_site_match_record       (const HbSiteMatch  *match,
                                         HbPost             *post,
                                         HbPolicy           *policy,
                                         const char         *who,
                                         GError            **error);
HbSiteMatch *hb_site_match_copy         (const HbSiteMatch  *match);
void         hb_site_match_free         (HbSiteMatch        *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbSiteEntry, hb_site_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbSiteQuery, hb_site_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbSiteMatch, hb_site_match_free)

G_END_DECLS
