/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-datetime.c — official Malay dates and times, DBP periods at every
 * boundary, lenient time and date reading, and the weekday check. */
#include "hb-datetime.h"

static void
test_format_date (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 12, 12, 0, 0, 0);
  g_autoptr(GDateTime) aug = g_date_time_new_local (2026, 8, 31, 0, 0, 0);
  g_autofree char *ms = hb_format_date (date, HB_LANG_MS);
  g_autofree char *en = hb_format_date (date, HB_LANG_EN);
  g_autofree char *ogos = hb_format_date (aug, HB_LANG_MS);

  g_assert_cmpstr (ms, ==, "Sabtu, 12 Disember 2026");
  g_assert_cmpstr (en, ==, "Saturday, 12 December 2026");
  g_assert_cmpstr (ogos, ==, "Isnin, 31 Ogos 2026");
}

static void
assert_time (int         hour,
             int         minute,
             const char *ms,
             const char *en)
{
  g_autofree char *got_ms = hb_format_time (hour, minute, HB_LANG_MS);
  g_autofree char *got_en = hb_format_time (hour, minute, HB_LANG_EN);

  g_assert_cmpstr (got_ms, ==, ms);
  g_assert_cmpstr (got_en, ==, en);
}

/* Every DBP boundary: 1.00–11.59 pagi, 12.00–1.59 tengah hari, 2.00–6.59
 * petang, 7.00–11.59 malam, 12.00–12.59 tengah malam. */
static void
test_format_time_boundaries (void)
{
  assert_time (0, 0, "12.00 tengah malam", "12.00 midnight");
  assert_time (0, 30, "12.30 tengah malam", "12.30 am");
  assert_time (0, 59, "12.59 tengah malam", "12.59 am");
  assert_time (1, 0, "1.00 pagi", "1.00 am");
  assert_time (8, 0, "8.00 pagi", "8.00 am");
  assert_time (11, 59, "11.59 pagi", "11.59 am");
  assert_time (12, 0, "12.00 tengah hari", "12.00 noon");
  assert_time (12, 30, "12.30 tengah hari", "12.30 pm");
  assert_time (13, 30, "1.30 tengah hari", "1.30 pm");
  assert_time (13, 59, "1.59 tengah hari", "1.59 pm");
  assert_time (14, 0, "2.00 petang", "2.00 pm");
  assert_time (14, 30, "2.30 petang", "2.30 pm");
  assert_time (18, 59, "6.59 petang", "6.59 pm");
  assert_time (19, 0, "7.00 malam", "7.00 pm");
  assert_time (20, 0, "8.00 malam", "8.00 pm");
  assert_time (23, 59, "11.59 malam", "11.59 pm");
}

static void
test_format_range (void)
{
  g_autofree char *both = hb_format_time_range ("08:00", "13:00", HB_LANG_MS);
  g_autofree char *both_en = hb_format_time_range ("08:00", "13:00", HB_LANG_EN);
  g_autofree char *start_only = hb_format_time_range ("08:00", "", HB_LANG_MS);
  g_autofree char *null_end = hb_format_time_range ("20:00", NULL, HB_LANG_MS);
  g_autofree char *no_start = hb_format_time_range ("", "13:00", HB_LANG_MS);
  g_autofree char *bad_start = hb_format_time_range ("25:00", "13:00", HB_LANG_MS);

  g_assert_cmpstr (both, ==, "8.00 pagi – 1.00 tengah hari");
  g_assert_cmpstr (both_en, ==, "8.00 am – 1.00 pm");
  g_assert_cmpstr (start_only, ==, "8.00 pagi");
  g_assert_cmpstr (null_end, ==, "8.00 malam");
  g_assert_null (no_start);
  g_assert_null (bad_start);
}

static void
assert_parses (const char *text,
               int         hour,
               int         minute)
{
  int h = -1, m = -1;

  if (!hb_time_parse (text, &h, &m))
    g_error ("“%s” was not read as a time", text);
  if (h != hour || m != minute)
    g_error ("“%s” read as %02d:%02d, expected %02d:%02d", text, h, m, hour, minute);
}

static void
test_time_parse (void)
{
  static const char * const nonsense[] = {
    "25:00", "abc", "", "24:00", "8.60", "12345", "8.00 esok", "13 pagi", "3.00 tengah hari",
    "12.30 noon", "1 noon", "8:0", ":30", "pagi",
  };

  assert_parses ("08:00", 8, 0);
  assert_parses ("8.00", 8, 0);
  assert_parses ("8:00", 8, 0);
  assert_parses ("0800", 8, 0);
  assert_parses ("8", 8, 0);
  assert_parses ("23:59", 23, 59);
  assert_parses ("0:30", 0, 30);
  assert_parses ("8.00 pagi", 8, 0);
  assert_parses ("2.30 petang", 14, 30);
  assert_parses ("8.00 petang", 20, 0);
  assert_parses ("1.30 tengah hari", 13, 30);
  assert_parses ("12.00 tengah hari", 12, 0);
  assert_parses ("12.15 tengah malam", 0, 15);
  assert_parses ("8.00 malam", 20, 0);
  assert_parses ("6.30 malam", 18, 30);
  assert_parses ("12 malam", 0, 0);
  assert_parses ("2.30pm", 14, 30);
  assert_parses ("2.30 p.m.", 14, 30);
  assert_parses ("9.15 A.M.", 9, 15);
  assert_parses ("12.30 am", 0, 30);
  assert_parses ("12 noon", 12, 0);
  assert_parses ("12 midnight", 0, 0);
  assert_parses ("  pukul 10.00 pagi ", 10, 0);
  for (guint i = 0; i < G_N_ELEMENTS (nonsense); i++)
    if (hb_time_parse (nonsense[i], NULL, NULL))
      g_error ("“%s” was read as a time", nonsense[i]);
}

/* Times as officers type them in the form (issue 14). */
static void
test_time_parse_typed (void)
{
  static const char * const unreadable[] = {
    "12 tengahhhari", "2.30 ptgg", "tgh", "8 mlm mlm", "2.3ptg", "14.30 pagi", "5 tgh",
  };

  assert_parses ("12 tengahari", 12, 0);
  assert_parses ("12 tgh", 12, 0);
  assert_parses ("12 tengah hari", 12, 0);
  assert_parses ("12 tengah-hari", 12, 0);
  assert_parses ("1.30 tgh hari", 13, 30);
  assert_parses ("2.30ptg", 14, 30);
  assert_parses ("2.30 ptg", 14, 30);
  assert_parses ("2.30 PTG", 14, 30);
  assert_parses ("14.30", 14, 30);
  assert_parses ("2:30 PM", 14, 30);
  assert_parses ("8 malam", 20, 0);
  assert_parses ("8.00 pagi", 8, 0);
  assert_parses ("8 mlm", 20, 0);
  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    if (hb_time_parse (unreadable[i], NULL, NULL))
      g_error ("“%s” was read as a time", unreadable[i]);
}

static void
test_date_parse_list (void)
{
  g_auto(GStrv) two = hb_date_parse_list (" 20/11/2026, 2026-11-21;3/12/2026 ");
  g_auto(GStrv) one = hb_date_parse_list ("1/1/2027");

  g_assert_nonnull (two);
  g_assert_cmpuint (g_strv_length (two), ==, 3);
  g_assert_cmpstr (two[0], ==, "2026-11-20");
  g_assert_cmpstr (two[1], ==, "2026-11-21");
  g_assert_cmpstr (two[2], ==, "2026-12-03");
  g_assert_cmpstr (one[0], ==, "2027-01-01");
  g_assert_null (one[1]);
  /* One date that does not read spoils the list; so does no date. */
  g_assert_null (hb_date_parse_list ("20/11/2026, 31/02/2026"));
  g_assert_null (hb_date_parse_list ("20/11/2026 esok"));
  g_assert_null (hb_date_parse_list (" , ; "));
  g_assert_null (hb_date_parse_list (""));
}

static void
test_date_parse (void)
{
  g_autoptr(GDateTime) iso = NULL;
  g_autoptr(GDateTime) dmy = NULL;
  g_autoptr(GDateTime) short_dmy = NULL;
  GDateTime *none = NULL;

  g_assert_true (hb_date_parse ("2026-12-12", &iso));
  g_assert_cmpint (g_date_time_get_year (iso), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (iso), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (iso), ==, 12);
  g_assert_cmpint (g_date_time_get_hour (iso), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (iso), ==, 0);

  /* Day first, as Malaysians write it. */
  g_assert_true (hb_date_parse ("3/11/2026", &dmy));
  g_assert_cmpint (g_date_time_get_month (dmy), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (dmy), ==, 3);
  g_assert_true (hb_date_parse ("12/12/2026", &short_dmy));
  g_assert_cmpint (g_date_time_get_day_of_week (short_dmy), ==, 6);

  g_assert_false (hb_date_parse ("2026-02-31", &none));
  g_assert_false (hb_date_parse ("31/02/2026", &none));
  g_assert_false (hb_date_parse ("12/13/2026", &none));
  g_assert_false (hb_date_parse ("2026-12-12x", &none));
  g_assert_false (hb_date_parse ("esok", &none));
  g_assert_false (hb_date_parse ("", &none));
  g_assert_null (none);
}

static void
test_weekday_names (void)
{
  g_assert_cmpstr (hb_weekday_name (1, HB_LANG_MS), ==, "Isnin");
  g_assert_cmpstr (hb_weekday_name (5, HB_LANG_MS), ==, "Jumaat");
  g_assert_cmpstr (hb_weekday_name (7, HB_LANG_MS), ==, "Ahad");
  g_assert_cmpstr (hb_weekday_name (7, HB_LANG_EN), ==, "Sunday");
}

/* Returns the single mismatch in @text, or NULL when there is none. */
static HbWeekdayMismatch *
only_mismatch (GPtrArray  *found,
               const char *text)
{
  if (found->len > 1)
    g_error ("“%s”: %u mismatches", text, found->len);
  return found->len ? found->pdata[0] : NULL;
}

static void
assert_mismatch (const char *text,
                 guint       start,
                 const char *written,
                 const char *expected)
{
  g_autoptr(GPtrArray) found = hb_find_weekday_mismatches (text, -1);
  HbWeekdayMismatch *m = only_mismatch (found, text);

  if (m == NULL)
    g_error ("“%s”: no mismatch found", text);
  g_assert_cmpuint (m->start, ==, start);
  g_assert_cmpuint (m->end, ==, start + g_utf8_strlen (written, -1));
  g_assert_cmpstr (m->written, ==, written);
  g_assert_cmpstr (m->expected, ==, expected);
}

static void
assert_no_mismatch (const char *text)
{
  g_autoptr(GPtrArray) found = hb_find_weekday_mismatches (text, -1);

  if (found->len > 0)
    g_error ("“%s”: unexpected mismatch on “%s”", text,
             ((HbWeekdayMismatch *) found->pdata[0])->written);
}

static void
test_weekday_mismatch (void)
{
  /* 12 December 2026 is a Saturday. */
  assert_mismatch ("Ahad, 12 Disember 2026", 0, "Ahad", "Sabtu");
  assert_mismatch ("Program pada hari Ahad, 12hb Disember 2026.", 18, "Ahad", "Sabtu");
  assert_mismatch ("Hari ini 👍 Jumaat 12 Dis 2026", 11, "Jumaat", "Sabtu");
  assert_mismatch ("Ahad, 12/12/2026", 0, "Ahad", "Sabtu");
  assert_mismatch ("Isnin 12.12.2026", 0, "Isnin", "Sabtu");
  assert_mismatch ("AHAD, 12 DISEMBER 2026", 0, "AHAD", "SABTU");
  assert_mismatch ("Join us on Sunday, December 12, 2026.", 11, "Sunday", "Saturday");
  assert_mismatch ("sunday the 12th of December 2026", 0, "sunday", "Saturday");
  assert_mismatch ("Friday, 12 December 2026", 0, "Friday", "Saturday");
  assert_mismatch ("Rabu, 2026-12-12", 0, "Rabu", "Sabtu");

  assert_no_mismatch ("Sabtu, 12 Disember 2026");
  assert_no_mismatch ("Saturday, 12 December 2026");
  assert_no_mismatch ("Sabtu, 12hb Disember 2026, 8.00 pagi");
  assert_no_mismatch ("Saturday, December 12, 2026");
  /* An impossible date is not a weekday contradiction. */
  assert_no_mismatch ("Ahad, 31 Februari 2026");
  /* No year: nothing to check against. */
  assert_no_mismatch ("Ahad, 12 Disember");
  /* A weekday inside a longer word, or followed by a time, is left alone. */
  assert_no_mismatch ("Ahadiah 12 Disember 2026");
  assert_no_mismatch ("Ahad, 12.00 tengah hari");
  assert_no_mismatch ("Sabtu dan Ahad, 12 dan 13 Disember 2026");
}

static void
test_weekday_several (void)
{
  const char *text = "Sabtu, 12 Disember 2026 dan Isnin, 15 Disember 2026; Rabu, 16/12/2026.";
  g_autoptr(GPtrArray) found = hb_find_weekday_mismatches (text, -1);
  HbWeekdayMismatch *m;

  /* 15 December is a Tuesday; 16 December a Wednesday. */
  g_assert_cmpuint (found->len, ==, 1);
  m = found->pdata[0];
  g_assert_cmpstr (m->written, ==, "Isnin");
  g_assert_cmpstr (m->expected, ==, "Selasa");
  g_assert_cmpuint (m->start, ==, 28);
}

/* One date in @text: its span (the text it covers) and its fields. */
static void
assert_date (const char *text,
             const char *written,
             int         year,
             int         month,
             int         day,
             int         last_day)
{
  g_autoptr(GArray) found = hb_find_dates (text, -1);
  const HbDateMention *m;
  g_autofree char *span = NULL;
  const char *start;

  if (found->len != 1)
    g_error ("“%s”: %u dates found, expected one", text, found->len);
  m = &g_array_index (found, HbDateMention, 0);
  start = g_utf8_offset_to_pointer (text, m->start);
  span = g_strndup (start, g_utf8_offset_to_pointer (text, m->end) - start);
  g_assert_cmpstr (span, ==, written);
  g_assert_cmpint (m->year, ==, year);
  g_assert_cmpint (m->month, ==, month);
  g_assert_cmpint (m->day, ==, day);
  g_assert_cmpint (m->last_day, ==, last_day);
}

static void
assert_no_date (const char *text)
{
  g_autoptr(GArray) found = hb_find_dates (text, -1);

  if (found->len > 0)
    g_error ("“%s”: unexpected date at %u", text, g_array_index (found, HbDateMention, 0).start);
}

static void
test_find_dates (void)
{
  assert_date ("Majlis pada 25 November 2026.", "25 November 2026", 2026, 11, 25, 25);
  assert_date ("Rabu, 25hb Disember 2026", "25hb Disember 2026", 2026, 12, 25, 25);
  assert_date ("Tarikh: 25 Nov 2026", "25 Nov 2026", 2026, 11, 25, 25);
  assert_date ("Tarikh: 25 Dis. 2026", "25 Dis. 2026", 2026, 12, 25, 25);
  assert_date ("25/11/2026 di Dewan", "25/11/2026", 2026, 11, 25, 25);
  assert_date ("pada 5.8.2026", "5.8.2026", 2026, 8, 5, 5);
  assert_date ("Posted 2026-11-25 08:00", "2026-11-25", 2026, 11, 25, 25);
  assert_date ("Held on November 25, 2026 in Kulim", "November 25, 2026", 2026, 11, 25, 25);
  assert_date ("the 3rd of August 2026", "3rd of August 2026", 2026, 8, 3, 3);
  assert_date ("Karnival 24–26 Ogos 2026", "24–26 Ogos 2026", 2026, 8, 24, 26);
  assert_date ("Karnival 24 - 26 Ogos 2026", "24 - 26 Ogos 2026", 2026, 8, 24, 26);
  assert_date ("dari 24 hingga 26 Ogos 2026", "24 hingga 26 Ogos 2026", 2026, 8, 24, 26);
  assert_date ("Sambutan 31 Ogos di Kulim", "31 Ogos", 0, 8, 31, 31);
  assert_date ("Dateline: 29 Februari", "29 Februari", 0, 2, 29, 29);

  /* A range backwards is no range: only its last day is a date. */
  assert_date ("26-24 Ogos 2026", "24 Ogos 2026", 2026, 8, 24, 24);

  /* Times, telephone numbers and impossible days. */
  assert_no_date ("8.00 pagi hingga 1.30 tengah hari");
  assert_no_date ("Tel 04-4325225, faks 04-4325229");
  assert_no_date ("31 Februari 2026");
  assert_no_date ("29 Februari 2026");
  assert_no_date ("Mei kita bertemu 2026");
  assert_no_date ("12345 November 2026");
}

static void
test_find_dates_several (void)
{
  const char *text = "Dari 1/12/2026 ke 5 Disember 2026; ulang 2027-01-02.";
  g_autoptr(GArray) found = hb_find_dates (text, -1);
  const HbDateMention *m;

  g_assert_cmpuint (found->len, ==, 3);
  m = &g_array_index (found, HbDateMention, 1);
  g_assert_cmpuint (m->start, ==, 18);
  g_assert_cmpuint (m->end, ==, 33);
  g_assert_true (hb_date_mention_covers (m, 2026, 12, 5));
  g_assert_false (hb_date_mention_covers (m, 2026, 12, 6));
  g_assert_false (hb_date_mention_covers (m, 2027, 12, 5));
  m = &g_array_index (found, HbDateMention, 2);
  g_assert_true (hb_date_mention_covers (m, 2027, 1, 2));

  /* A range covers its days; a day without a year any year's. */
  g_array_set_size (found, 0);
  g_array_unref (g_steal_pointer (&found));
  found = hb_find_dates ("24–26 Ogos 2026 dan 31 Ogos", -1);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (hb_date_mention_covers (&g_array_index (found, HbDateMention, 0), 2026, 8, 25));
  g_assert_false (hb_date_mention_covers (&g_array_index (found, HbDateMention, 0), 2026, 8, 27));
  g_assert_true (hb_date_mention_covers (&g_array_index (found, HbDateMention, 1), 2030, 8, 31));

  /* Not UTF-8: nothing, not a crash. */
  g_array_unref (g_steal_pointer (&found));
  found = hb_find_dates ("25 November 2026 \xff", -1);
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/datetime/format-date", test_format_date);
  g_test_add_func ("/datetime/date-parse-list", test_date_parse_list);
  g_test_add_func ("/datetime/format-time-boundaries", test_format_time_boundaries);
  g_test_add_func ("/datetime/format-range", test_format_range);
  g_test_add_func ("/datetime/time-parse", test_time_parse);
  g_test_add_func ("/datetime/time-parse-typed", test_time_parse_typed);
  g_test_add_func ("/datetime/date-parse", test_date_parse);
  g_test_add_func ("/datetime/weekday-names", test_weekday_names);
  g_test_add_func ("/datetime/weekday-mismatch", test_weekday_mismatch);
  g_test_add_func ("/datetime/weekday-several", test_weekday_several);
  g_test_add_func ("/datetime/find-dates", test_find_dates);
  g_test_add_func ("/datetime/find-dates-several", test_find_dates_several);
  return g_test_run ();
}
