/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-datetime.c — official Malay (and Malaysian English) dates and times, and the weekday check. */
#include "config.h"

#include "hb-datetime.h"

#include <stdio.h>
#include <string.h>

/* Names follow the post's language, not the UI's, so they are data here
 * rather than gettext strings. */
static const char * const weekdays[HB_N_LANGS][7] = {
  { "Isnin", "Selasa", "Rabu", "Khamis", "Jumaat", "Sabtu", "Ahad" },
  { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
};

static const char * const months[HB_N_LANGS][12] = {
  { "Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September",
    "Oktober", "November", "Disember" },
  { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" },
};

/* Short forms seen in posts ("12 Dis 2026", "Dec 12, 2026"); both
 * languages, as posts mix them. */
static const char * const month_abbrevs[][12] = {
  { "jan", "feb", "mac", "apr", "mei", "jun", "jul", "ogo", "sep", "okt", "nov", "dis" },
  { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" },
  { "jan", "feb", "mar", "apr", "may", "jun", "jul", "ogos", "sept", "oct", "nov", "dec" },
};

/* ISO weekday: 1 = Monday … 7 = Sunday, as g_date_time_get_day_of_week(). */
const char *
hb_weekday_name (int    weekday,
                 HbLang lang)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);
  g_return_val_if_fail (lang < HB_N_LANGS, NULL);
  return weekdays[lang][weekday - 1];
}

/* "Sabtu, 12 Disember 2026" / "Saturday, 12 December 2026": day first in
 * both, as Malaysian English writes it. */
char *
hb_format_date (GDateTime *date,
                HbLang     lang)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (lang < HB_N_LANGS, NULL);
  return g_strdup_printf ("%s, %d %s %d",
                          hb_weekday_name (g_date_time_get_day_of_week (date), lang),
                          g_date_time_get_day_of_month (date),
                          months[lang][g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date));
}

/* DBP's periods: 1.00–11.59 pagi, 12.00–1.59 tengah hari, 2.00–6.59
 * petang, 7.00–11.59 malam, 12.00–12.59 (after midnight) tengah malam. */
static const char *
malay_period (int hour)
{
  if (hour == 0)
    return "tengah malam";
  if (hour < 12)
    return "pagi";
  if (hour < 14)
    return "tengah hari";
  if (hour < 19)
    return "petang";
  return "malam";
}

static const char *
english_period (int hour,
                int minute)
{
  if (minute == 0 && hour == 12)
    return "noon";
  if (minute == 0 && hour == 0)
    return "midnight";
  return hour < 12 ? "am" : "pm";
}

char *
hb_format_time (int    hour,
                int    minute,
                HbLang lang)
{
  int h12 = hour % 12 == 0 ? 12 : hour % 12;

  g_return_val_if_fail (hour >= 0 && hour < 24, NULL);
  g_return_val_if_fail (minute >= 0 && minute < 60, NULL);
  return g_strdup_printf ("%d.%02d %s", h12, minute,
                          lang == HB_LANG_MS ? malay_period (hour) : english_period (hour, minute));
}

/* "8.00 pagi – 1.00 tengah hari" from "08:00" and "13:00"; the start alone
 * when @end_iso is empty or unreadable; NULL without a readable start. */
char *
hb_format_time_range (const char *start_iso,
                      const char *end_iso,
                      HbLang      lang)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int h, m;

  if (start_iso == NULL || !hb_time_parse (start_iso, &h, &m))
    return NULL;
  start = hb_format_time (h, m, lang);
  if (end_iso == NULL || !hb_time_parse (end_iso, &h, &m))
    return g_steal_pointer (&start);
  end = hb_format_time (h, m, lang);
  return g_strdup_printf ("%s – %s", start, end);
}

/* ------------------------------------------------------------------ */
/* Reading times                                                       */

typedef enum
{
  PERIOD_NONE,
  PERIOD_PAGI,
  PERIOD_TENGAH_HARI,
  PERIOD_PETANG,
  PERIOD_MALAM,
  PERIOD_TENGAH_MALAM,
  PERIOD_AM,
  PERIOD_PM,
  PERIOD_NOON,
  PERIOD_MIDNIGHT,
} Period;

/* Compared with spaces, dots and hyphens removed: "p.m.", "tengah hari"
 * and "tengah-hari" become "pm" and "tengahhari". */
static const struct { const char *word; Period period; } period_words[] = {
  { "pagi", PERIOD_PAGI }, { "pg", PERIOD_PAGI },
  { "tengahhari", PERIOD_TENGAH_HARI }, { "tghhari", PERIOD_TENGAH_HARI },
  /* As officers type it: "12 tengahari", "12 tgh", "12 tgh hari". */
  { "tengahari", PERIOD_TENGAH_HARI }, { "tgh", PERIOD_TENGAH_HARI },
  { "tghari", PERIOD_TENGAH_HARI },
  { "petang", PERIOD_PETANG }, { "ptg", PERIOD_PETANG },
  { "malam", PERIOD_MALAM }, { "mlm", PERIOD_MALAM },
  { "tengahmalam", PERIOD_TENGAH_MALAM }, { "tghmalam", PERIOD_TENGAH_MALAM },
  { "am", PERIOD_AM }, { "pm", PERIOD_PM },
  { "noon", PERIOD_NOON }, { "midnight", PERIOD_MIDNIGHT },
};

static gboolean
parse_period (const char *text,
              Period     *period)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ' ' && *p != '.' && *p != '-')
      g_string_append_c (s, g_ascii_tolower (*p));
  if (s->len == 0)
    {
      *period = PERIOD_NONE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (period_words); i++)
    if (strcmp (s->str, period_words[i].word) == 0)
      {
        *period = period_words[i].period;
        return TRUE;
      }
  return FALSE;
}

/* The 24-hour hour that @hour (1–12) in @period means, or -1.  Colloquial
 * readings are accepted where they are unambiguous: "8.00 petang" is 20:00,
 * "6.30 malam" is 18:30, "2.00 malam" is 02:00. */
static int
hour_in_period (int    hour,
                Period period)
{
  if (period == PERIOD_NONE)
    return hour <= 23 ? hour : -1;
  if (hour < 1 || hour > 12)
    return -1;
  switch (period)
    {
    case PERIOD_PAGI:
    case PERIOD_AM:
      return hour % 12;
    case PERIOD_TENGAH_HARI:
      return hour == 12 ? 12 : hour <= 2 ? hour + 12 : -1;
    case PERIOD_PETANG:
    case PERIOD_PM:
      return hour == 12 ? 12 : hour + 12;
    case PERIOD_MALAM:
      return hour == 12 ? 0 : hour >= 6 ? hour + 12 : hour;
    case PERIOD_TENGAH_MALAM:
      return hour == 12 ? 0 : hour <= 3 ? hour : -1;
    case PERIOD_NOON:
      return hour == 12 ? 12 : -1;
    case PERIOD_MIDNIGHT:
      return hour == 12 ? 0 : -1;
    case PERIOD_NONE:
    default:
      return -1;
    }
}

/* Reads the digits of a time: "8", "08:00", "8.00", "0800", "800".
 * Returns the rest of the text, or NULL. */
static const char *
parse_clock (const char *p,
             int        *hour,
             int        *minute)
{
  const char *start = p;
  int n = 0, digits;

  while (g_ascii_isdigit (*p) && p - start < 4)
    n = n * 10 + (*p++ - '0');
  digits = p - start;
  if (digits == 0 || g_ascii_isdigit (*p))
    return NULL;
  if (digits >= 3)
    {
      *hour = n / 100, *minute = n % 100;
      return p;
    }
  *hour = n, *minute = 0;
  if ((*p == ':' || *p == '.') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      !g_ascii_isdigit (p[3]))
    {
      *minute = (p[1] - '0') * 10 + (p[2] - '0');
      p += 3;
    }
  return p;
}

/* Reads a time as officers type it; see hb-datetime.h.  "pukul"/"jam"
 * before the time is allowed ("pukul 8.00 pagi"). */
gboolean
hb_time_parse (const char *text,
               int        *hour,
               int        *minute)
{
  g_autofree char *s = NULL;
  const char *p;
  Period period;
  int h, m, h24;

  g_return_val_if_fail (text != NULL, FALSE);
  s = g_strstrip (g_ascii_strdown (text, -1));
  p = s;
  if (g_str_has_prefix (p, "pukul "))
    p += 6;
  else if (g_str_has_prefix (p, "jam "))
    p += 4;
  while (*p == ' ')
    p++;
  if ((p = parse_clock (p, &h, &m)) == NULL || m > 59)
    return FALSE;
  if (!parse_period (p, &period) || (h24 = hour_in_period (h, period)) < 0)
    return FALSE;
  if ((period == PERIOD_NOON || period == PERIOD_MIDNIGHT) && m != 0)
    return FALSE;
  if (hour)
    *hour = h24;
  if (minute)
    *minute = m;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading dates                                                       */

static gboolean
valid_dmy (int day,
           int month,
           int year)
{
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

/* Does @s have exactly the shape @shape, "d" standing for any digit? */
static gboolean
shaped_like (const char *s,
             const char *shape)
{
  for (; *s && *shape; s++, shape++)
    if (*shape == 'd' ? !g_ascii_isdigit (*s) : *s != *shape)
      return FALSE;
  return *s == '\0' && *shape == '\0';
}

/* "2026-12-12" (ISO, what the draft stores) or "12/12/2026" (day first, as
 * Malaysians write it); local midnight of that day. */
gboolean
hb_date_parse (const char  *text,
               GDateTime  **date)
{
  int d, m, y;
  g_autofree char *s = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  s = g_strstrip (g_strdup (text));
  if (shaped_like (s, "dddd-dd-dd"))
    sscanf (s, "%4d-%2d-%2d", &y, &m, &d);
  else if (shaped_like (s, "dd/dd/dddd") || shaped_like (s, "d/dd/dddd") ||
           shaped_like (s, "dd/d/dddd") || shaped_like (s, "d/d/dddd"))
    sscanf (s, "%2d/%2d/%4d", &d, &m, &y);
  else
    return FALSE;
  if (!valid_dmy (d, m, y))
    return FALSE;
  if (date)
    *date = g_date_time_new_local (y, m, d, 0, 0, 0);
  return TRUE;
}

/* "20/11/2026, 2026-11-21" as an officer types dates of evidence → the
 * same dates as ISO strings.  NULL when one of them does not read, or
 * when there are none, so a caller has one test for "ask again". */
GStrv
hb_date_parse_list (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  parts = g_regex_split_simple ("[,;\\s]+", text, 0, 0);
  for (guint i = 0; parts[i]; i++)
    {
      g_autoptr(GDateTime) date = NULL;
      g_autofree char *iso = NULL;

      if (*parts[i] == '\0')
        continue;
      if (!hb_date_parse (parts[i], &date))
        return NULL;
      iso = g_date_time_format (date, "%Y-%m-%d");
      g_strv_builder_add (builder, iso);
      n++;
    }
  return n ? g_strv_builder_end (builder) : NULL;
}

/* ------------------------------------------------------------------ */
/* Weekday contradictions                                              */

/* A cursor over the code points of the checked text, so that spans come
 * out in code points without converting offsets afterwards. */
typedef struct
{
  const gunichar *c;
  guint           n;
} Chars;

static guint
word_end (const Chars *t,
          guint        i)
{
  while (i < t->n && g_unichar_isalpha (t->c[i]))
    i++;
  return i;
}

static void
skip_spaces (const Chars *t,
             guint       *i)
{
  while (*i < t->n && (t->c[*i] == ' ' || t->c[*i] == '\t' || t->c[*i] == 0xA0))
    (*i)++;
}

/* Is t[i..end) the ASCII word @word, ignoring case? */
static gboolean
word_is (const Chars *t,
         guint        i,
         guint        end,
         const char  *word)
{
  /* The first letter rules out almost every word before strlen() runs:
   * this is called for every word of a long post. */
  if (i >= end || t->c[i] > 127 || g_ascii_tolower (t->c[i]) != g_ascii_tolower (word[0]) ||
      end - i != strlen (word))
    return FALSE;
  for (guint k = 0; i + k < end; k++)
    if (t->c[i + k] > 127 || g_ascii_tolower (t->c[i + k]) != g_ascii_tolower (word[k]))
      return FALSE;
  return TRUE;
}

/* Skips the word @word (and spaces after it) when it comes next. */
static gboolean
skip_word (const Chars *t,
           guint       *i,
           const char  *word)
{
  guint end = word_end (t, *i);

  if (!word_is (t, *i, end, word))
    return FALSE;
  *i = end;
  skip_spaces (t, i);
  return TRUE;
}

static int
read_number (const Chars *t,
             guint       *i,
             guint        min_digits,
             guint        max_digits)
{
  guint start = *i;
  int n = 0;

  while (*i < t->n && t->c[*i] >= '0' && t->c[*i] <= '9' && *i - start < max_digits)
    n = n * 10 + (t->c[(*i)++] - '0');
  if (*i - start < min_digits || (*i < t->n && g_unichar_isdigit (t->c[*i])))
    return -1;
  return n;
}

/* A month name or short form ("Disember", "Dis", "Dec.") at @i: 1–12, or 0. */
static int
read_month (const Chars *t,
            guint       *i)
{
  guint end = word_end (t, *i);

  for (guint lang = 0; lang < HB_N_LANGS; lang++)
    for (guint m = 0; m < 12; m++)
      if (word_is (t, *i, end, months[lang][m]))
        {
          *i = end;
          return m + 1;
        }
  for (guint k = 0; k < G_N_ELEMENTS (month_abbrevs); k++)
    for (guint m = 0; m < 12; m++)
      if (word_is (t, *i, end, month_abbrevs[k][m]))
        {
          *i = end;
          if (*i < t->n && t->c[*i] == '.')
            (*i)++;
          return m + 1;
        }
  return 0;
}

/* "hb" (Malay "haribulan") or an English ordinal ending after a day. */
static void
skip_day_suffix (const Chars *t,
                 guint       *i)
{
  static const char * const suffixes[] = { "hb", "haribulan", "st", "nd", "rd", "th" };
  guint save = *i, end;

  skip_spaces (t, i);
  end = word_end (t, *i);
  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    if (word_is (t, *i, end, suffixes[k]))
      {
        *i = end;
        if (*i < t->n && t->c[*i] == '.')
          (*i)++;
        return;
      }
  *i = save;
}

static int
read_year (const Chars *t,
           guint       *i)
{
  skip_spaces (t, i);
  if (*i < t->n && t->c[*i] == ',')
    (*i)++;
  skip_spaces (t, i);
  return read_number (t, i, 4, 4);
}

/* "12 Disember 2026", "12hb Disember 2026", "12th of December 2026",
 * "12/12/2026", "12.12.2026", "12-12-2026" or "2026-12-12"; *@pos moves
 * past it.  A day and month name without a year ("12 Disember") is read
 * only when @year_optional, with *@y = 0. */
static gboolean
read_numeric_date (const Chars *t,
                   guint       *pos,
                   gboolean     year_optional,
                   int         *d,
                   int         *m,
                   int         *y)
{
  guint i = *pos, start = i, after_month;
  int n = read_number (t, &i, 1, 4);
  gunichar sep;

  if (n < 0)
    return FALSE;
  if (i - start == 4)
    {
      *y = n;
      if (i < t->n && t->c[i] == '-' && (++i, (*m = read_number (t, &i, 2, 2)) > 0) &&
          i < t->n && t->c[i] == '-' && (++i, (*d = read_number (t, &i, 2, 2)) > 0))
        return *pos = i, TRUE;
      return FALSE;
    }
  if (i - start > 2)
    return FALSE;
  *d = n;
  sep = i < t->n ? t->c[i] : 0;
  if (sep == '/' || sep == '.' || sep == '-')
    {
      i++;
      if ((*m = read_number (t, &i, 1, 2)) > 0 && i < t->n && t->c[i] == sep &&
          (++i, (*y = read_number (t, &i, 4, 4)) > 0))
        return *pos = i, TRUE;
      return FALSE;
    }
  skip_day_suffix (t, &i);
  skip_spaces (t, &i);
  skip_word (t, &i, "of");
  if ((*m = read_month (t, &i)) == 0)
    return FALSE;
  after_month = i;
  if ((*y = read_year (t, &i)) > 0)
    return *pos = i, TRUE;
  if (!year_optional)
    return FALSE;
  *y = 0;
  *pos = after_month;
  return TRUE;
}

/* English month first: "December 12, 2026". */
static gboolean
read_month_first_date (const Chars *t,
                       guint       *pos,
                       int         *d,
                       int         *m,
                       int         *y)
{
  guint i = *pos;

  if ((*m = read_month (t, &i)) == 0)
    return FALSE;
  skip_spaces (t, &i);
  if ((*d = read_number (t, &i, 1, 2)) < 0)
    return FALSE;
  skip_day_suffix (t, &i);
  if ((*y = read_year (t, &i)) <= 0)
    return FALSE;
  *pos = i;
  return TRUE;
}

/* The date written right after a weekday: "Sabtu, 12 Disember 2026",
 * "Saturday the 12th of December 2026", "Saturday, December 12, 2026". */
static gboolean
read_date_after (const Chars *t,
                 guint        i,
                 int         *d,
                 int         *m,
                 int         *y)
{
  skip_spaces (t, &i);
  if (i < t->n && t->c[i] == ',')
    i++;
  skip_spaces (t, &i);
  if (!skip_word (t, &i, "hb"))
    skip_word (t, &i, "the");
  if (i >= t->n)
    return FALSE;
  if (g_unichar_isdigit (t->c[i]))
    return read_numeric_date (t, &i, FALSE, d, m, y);
  return read_month_first_date (t, &i, d, m, y);
}

/* Which weekday (1–7) and language t[i..end) names, or 0. */
static int
weekday_at (const Chars *t,
            guint        i,
            guint        end,
            HbLang      *lang)
{
  for (guint l = 0; l < HB_N_LANGS; l++)
    for (guint w = 0; w < 7; w++)
      if (word_is (t, i, end, weekdays[l][w]))
        {
          *lang = l;
          return w + 1;
        }
  return 0;
}

static gboolean
all_upper (const Chars *t,
           guint        i,
           guint        end)
{
  for (; i < end; i++)
    if (!g_unichar_isupper (t->c[i]))
      return FALSE;
  return TRUE;
}

static HbWeekdayMismatch *
check_weekday (const Chars *t,
               guint        i,
               guint        end)
{
  HbWeekdayMismatch *mm;
  HbLang lang;
  int written = weekday_at (t, i, end, &lang), actual, d, m, y;

  GDate date;

  if (written == 0 || !read_date_after (t, end, &d, &m, &y) || !valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  actual = g_date_get_weekday (&date); /* GDateWeekday: 1 = Monday, as ISO */
  if (actual == written)
    return NULL;
  mm = g_new0 (HbWeekdayMismatch, 1);
  mm->start = i;
  mm->end = end;
  mm->written = g_ucs4_to_utf8 (t->c + i, end - i, NULL, NULL, NULL);
  /* Someone who types "AHAD" in capitals gets "SABTU" back. */
  mm->expected = all_upper (t, i, end) ? g_utf8_strup (hb_weekday_name (actual, lang), -1)
                                       : g_strdup (hb_weekday_name (actual, lang));
  return mm;
}

/* Is the ASCII word at @p (@len letters) a weekday name?  Most words of
 * a long post are not; this keeps them out of the slow path. */
static gboolean
maybe_weekday (const char *p,
               gsize       len)
{
  if (len < 4 || len > 9)
    return FALSE;
  for (guint l = 0; l < HB_N_LANGS; l++)
    for (guint w = 0; w < 7; w++)
      if (g_ascii_tolower (p[0]) == g_ascii_tolower (weekdays[l][w][0]) &&
          strlen (weekdays[l][w]) == len && g_ascii_strncasecmp (p, weekdays[l][w], len) == 0)
        return TRUE;
  return FALSE;
}

/* Does the word continue past its ASCII letters ("Sabtué", "Ahad2")? */
static gboolean
runs_on (const char *w,
         const char *end)
{
  if (w == end)
    return FALSE;
  if ((guchar) *w < 0x80)
    return g_ascii_isdigit (*w);
  return g_unichar_isalnum (g_utf8_get_char (w));
}

/* The slow path for one candidate word: decode a short window from the
 * word onwards (a date follows within a few dozen characters). */
static HbWeekdayMismatch *
check_candidate (const char *p,
                 const char *text_end,
                 guint       offset)
{
  const char *stop = p;
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  HbWeekdayMismatch *mm;
  Chars t;

  for (guint k = 0; k < 64 && stop < text_end; k++)
    stop = g_utf8_next_char (stop);
  chars = g_utf8_to_ucs4_fast (p, MIN (stop, text_end) - p, &n);
  t = (Chars) { chars, (guint) n };
  mm = check_weekday (&t, 0, word_end (&t, 0));
  if (mm)
    {
      mm->start += offset;
      mm->end += offset;
    }
  return mm;
}

/* Returns HbWeekdayMismatch for every weekday name followed by a date that
 * falls on another day.  An impossible date (31 Februari) is not a
 * contradiction of the weekday, so it is skipped.  Weekday names are
 * ASCII, so the scan walks bytes and counts code points as it goes. */
GPtrArray *
hb_find_weekday_mismatches (const char *text,
                            gssize      len)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_weekday_mismatch_free);
  const char *end = text + (len < 0 ? strlen (text) : (gsize) len);
  const char *p = text;
  guint offset = 0;
  gboolean after_word = FALSE;

  while (p < end)
    {
      guchar c = *p;

      if (g_ascii_isalpha (c) && !after_word)
        {
          const char *w = p;
          HbWeekdayMismatch *mm;

          while (w < end && g_ascii_isalpha (*w))
            w++;
          /* A word that runs on into a non-ASCII letter or a digit is not
           * a weekday name. */
          if (maybe_weekday (p, w - p) && !runs_on (w, end) &&
              (mm = check_candidate (p, end, offset)) != NULL)
            g_ptr_array_add (found, mm);
          offset += w - p;
          p = w;
          after_word = TRUE;
          continue;
        }
      after_word = c >= 0x80 ? g_unichar_isalnum (g_utf8_get_char (p)) : g_ascii_isalnum (c);
      p = g_utf8_next_char (p);
      offset++;
    }
  return found;
}

/* ------------------------------------------------------------------ */
/* Dates written in running text                                       */

/* "25 - 27 November 2026", "25–27 Nov 2026", "25 hingga 27 November
 * 2026": a first day, a dash or a word, then a whole date. */
static gboolean
read_range (const Chars   *t,
            guint         *pos,
            HbDateMention *mention)
{
  static const char * const joins[] = { "hingga", "sehingga", "to", "until", "dan", "and" };
  guint i = *pos;
  int first = read_number (t, &i, 1, 2), d, m, y;
  gboolean joined = FALSE;

  if (first <= 0)
    return FALSE;
  skip_day_suffix (t, &i);
  skip_spaces (t, &i);
  if (i < t->n && (t->c[i] == '-' || t->c[i] == 0x2013 || t->c[i] == 0x2014))
    joined = (i++, TRUE);
  for (guint k = 0; !joined && k < G_N_ELEMENTS (joins); k++)
    joined = skip_word (t, &i, joins[k]);
  skip_spaces (t, &i);
  if (!joined || i >= t->n || !g_unichar_isdigit (t->c[i]) ||
      !read_numeric_date (t, &i, TRUE, &d, &m, &y) || first >= d)
    return FALSE;
  *mention = (HbDateMention) { *pos, i, y, m, first, d };
  *pos = i;
  return TRUE;
}

/* A date starting at *@pos, of any shape hb_find_dates() knows. */
static gboolean
read_mention (const Chars   *t,
              guint         *pos,
              HbDateMention *mention)
{
  guint i = *pos;
  int d, m, y;

  if (g_unichar_isdigit (t->c[i]) && read_numeric_date (t, &i, TRUE, &d, &m, &y))
    *mention = (HbDateMention) { *pos, i, y, m, d, d };
  else if (g_unichar_isdigit (t->c[i]))
    return read_range (t, pos, mention);
  else if (read_month_first_date (t, &i, &d, &m, &y))
    *mention = (HbDateMention) { *pos, i, y, m, d, d };
  else
    return FALSE;
  *pos = i;
  return TRUE;
}

/* Whether the mention names a real day: 31 Februari does not. */
static gboolean
mention_valid (const HbDateMention *m)
{
  /* Without a year, a leap year lets 29 Februari through. */
  int year = m->year ? m->year : 2024;

  return valid_dmy (m->day, m->month, year) && valid_dmy (m->last_day, m->month, year);
}

/**
 * hb_find_dates:
 *
 * Finds the dates written in @text the ways Malay and English write them
 * ("25 November 2026", "25hb Nov. 2026", "November 25, 2026",
 * "25/11/2026", "2026-11-25", "25–27 November 2026"; a day and a month
 * name without a year too), skipping impossible ones.
 *
 * Returns: (transfer full): HbDateMention, in order
 */
GArray *
hb_find_dates (const char *text,
               gssize      len)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (HbDateMention));
  glong n = 0;
  g_autofree gunichar *chars = NULL;
  Chars t;

  if (text == NULL || !g_utf8_validate (text, len, NULL))
    return found;
  chars = g_utf8_to_ucs4_fast (text, len, &n);
  t = (Chars) { chars, (guint) n };
  for (guint i = 0; i < t.n;)
    {
      HbDateMention m;
      guint next = i;

      if (g_unichar_isalnum (t.c[i]) && (i == 0 || !g_unichar_isalnum (t.c[i - 1])) &&
          read_mention (&t, &next, &m) && next > i)
        {
          if (mention_valid (&m))
            g_array_append_val (found, m);
          i = next;
          continue;
        }
      i++;
    }
  return found;
}

/* Whether @mention names (or, for a range, includes) the given day; a
 * mention without a year matches that day of any year. */
gboolean
hb_date_mention_covers (const HbDateMention *mention,
                        int                  year,
                        int                  month,
                        int                  day)
{
  g_return_val_if_fail (mention != NULL, FALSE);

  return (mention->year == 0 || mention->year == year) && mention->month == month &&
         day >= mention->day && day <= mention->last_day;
}

void
hb_weekday_mismatch_free (HbWeekdayMismatch *m)
{
  if (m == NULL)
    return;
  g_free (m->written);
  g_free (m->expected);
  g_free (m);
}
