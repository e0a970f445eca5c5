/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-datetime.h — dates and times the way official Malay (and Malaysian
 * English) writes them, and the weekday-contradiction check. */
#pragma once

#include <glib.h>

#include "hb-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;      /* code points of the checked text, end exclusive */
  guint end;
  char *written;    /* the weekday as written, e.g. "Ahad" */
  char *expected;   /* the weekday of the date, in the same language, e.g. "Sabtu" */
} HbWeekdayMismatch;

/* A date written in running text (see hb_find_dates()). */
typedef struct
{
  guint start;      /* code points of the text, end exclusive */
  guint end;
  int   year;       /* 0 when not written ("25 November") */
  int   month;      /* 1–12 */
  int   day;        /* the day, or the first day of a range */
  int   last_day;   /* the same, or the last day of "25–27 November 2026" */
} HbDateMention;

char       *hb_format_date            (GDateTime  *date,
                                       HbLang      lang);
char       *hb_format_time            (int         hour,
                                       int         minute,
                                       HbLang      lang);
char       *hb_format_time_range      (const char *start_iso,
                                       const char *end_iso,
                                       HbLang      lang);
gboolean    hb_time_parse             (const char *text,
                                       int        *hour,
                                       int        *minute);
gboolean    hb_date_parse             (const char *text,
                                       GDateTime **date);
GStrv       hb_date_parse_list        (const char *text);
const char *hb_weekday_name           (int         weekday,
                                       HbLang      lang);
GPtrArray  *hb_find_weekday_mismatches (const char *text,
                                        gssize      len);
void        hb_weekday_mismatch_free  (HbWeekdayMismatch *m);
GArray     *hb_find_dates             (const char *text,
                                       gssize      len);
gboolean    hb_date_mention_covers    (const HbDateMention *mention,
                                       int         year,
                                       int         month,
                                       int         day);

G_END_DECLS
