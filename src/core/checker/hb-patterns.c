/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-patterns.c — personal-data detectors (see hb-patterns.h).
 *
 * Numbers are read as digit groups with single separators, then judged by
 * what they are: a MyKad has a real date and a place-of-birth code from
 * JPN's list; a mobile number is 01x plus seven digits (011 plus eight),
 * with or without +60.  Landlines such as the council's 04-4325225 are
 * public and never flagged.
 */
#include "config.h"

#include "hb-patterns.h"

#include "hb-strmap.h"

#include <string.h>

/* JPN place-of-birth codes that are never issued (reference, "MyKad"). */
static gboolean
pb_code_is_valid (int pb)
{
  return !(pb == 0 || (pb >= 17 && pb <= 20) || pb == 69 || pb == 70 || pb == 73 ||
           pb == 80 || pb == 81 || (pb >= 94 && pb <= 97));
}

static int
two (const char *d)
{
  return (d[0] - '0') * 10 + (d[1] - '0');
}

/* @digits: exactly 12 ASCII digits, YYMMDD-PB-###G. */
gboolean
hb_mykad_is_valid (const char *digits)
{
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int mm, dd;

  g_return_val_if_fail (digits != NULL, FALSE);

  if (strlen (digits) != 12 || strspn (digits, "0123456789") != 12)
    return FALSE;
  mm = two (digits + 2);
  dd = two (digits + 4);
  if (mm < 1 || mm > 12 || dd < 1 || dd > days[mm - 1])
    return FALSE;
  return pb_code_is_valid (two (digits + 6));
}

/* @digits: the national number with its leading 0 (0123456789). */
gboolean
hb_mobile_is_valid (const char *digits)
{
  gsize len;

  g_return_val_if_fail (digits != NULL, FALSE);

  len = strlen (digits);
  if (len < 10 || digits[0] != '0' || digits[1] != '1')
    return FALSE;
  if (digits[2] == '1')
    return len == 11;
  return len == 10;
}

static gboolean
is_digit (const HbText *text,
          guint         i)
{
  return i < text->n_orig && text->orig[i] < 0x80 && g_ascii_isdigit (text->orig[i]);
}

/* Letters typed for digits inside a number to dodge filters: 7O1122-O2. */
static char
lookalike_digit (gunichar ch)
{
  return ch == 'O' || ch == 'o' ? '0' : ch == 'l' || ch == 'I' ? '1' : 0;
}

static gboolean
is_sep (gunichar ch)
{
  return ch == '-' || ch == ' ' || ch == '.' || ch == 0x00A0 || ch == 0x2013;
}

/* Reads a number starting at @i: digit groups joined by single separators,
 * at most @max digits.  Returns the end (exclusive) and the digits. */
static guint
read_number (const HbText *text,
             guint         i,
             guint         max,
             GString      *digits)
{
  guint end = i;

  g_string_truncate (digits, 0);
  while (i < text->n_orig && digits->len < max)
    {
      if (is_digit (text, i))
        {
          g_string_append_c (digits, (char) text->orig[i++]);
          end = i;
        }
      else if (digits->len > 0 && lookalike_digit (text->orig[i]) &&
               (is_digit (text, i + 1) || lookalike_digit (text->orig[i + 1]) || is_sep (text->orig[i + 1])))
        {
          g_string_append_c (digits, lookalike_digit (text->orig[i++]));
          end = i;
        }
      else if (is_sep (text->orig[i]) && digits->len > 0 &&
               (is_digit (text, i + 1) || lookalike_digit (text->orig[i + 1])) &&
               (is_digit (text, i - 1) || lookalike_digit (text->orig[i - 1])))
        i++;
      else
        break;
    }
  return end;
}

static gboolean
starts_number (const HbText *text,
               guint         i)
{
  gunichar prev;

  if (!is_digit (text, i))
    return FALSE;
  prev = i > 0 ? text->orig[i - 1] : ' ';
  return !(prev < 0x80 && (g_ascii_isalnum (prev) || prev == '/'));
}

static void
add_span (GArray *spans,
          guint   start,
          guint   end)
{
  HbSpan span = { start, end };

  g_array_append_val (spans, span);
}

/* Calls @func for each number in @text: only tokens with digits are
 * looked at, so prose costs nothing here. */
static void
foreach_number (const HbText *text,
                void (*func) (const HbText *, guint, guint, const char *, GArray *),
                GArray       *spans)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint done = 0;

  for (guint d = 0; d < text->digit_tokens->len; d++)
    {
      const HbToken *tok = hb_text_token (text, g_array_index (text->digit_tokens, guint32, d));
      guint start = tok->ostart, end;

      if (start < done || !starts_number (text, start))
        continue;
      end = read_number (text, start, 13, digits);
      done = end;
      if (!is_digit (text, end))
        func (text, start, end, digits->str, spans);
    }
}

static void
check_mykad (const HbText *text,
             guint         start,
             guint         end,
             const char   *digits,
             GArray       *spans)
{
  if (hb_mykad_is_valid (digits))
    add_span (spans, start, end);
}

void
hb_find_mykad (const HbText *text,
               GArray       *spans)
{
  g_return_if_fail (text != NULL && spans != NULL);

  foreach_number (text, check_mykad, spans);
}

static void
check_mobile (const HbText *text,
              guint         start,
              guint         end,
              const char   *digits,
              GArray       *spans)
{
  g_autofree char *national = NULL;

  /* +60 12-345 6789 and 6012… drop the country code for a leading 0. */
  if (g_str_has_prefix (digits, "601"))
    national = g_strconcat ("0", digits + 2, NULL);
  else if (digits[0] == '0' && digits[1] == '1')
    national = g_strdup (digits);
  else
    return;
  if (hb_mobile_is_valid (national))
    add_span (spans, start > 0 && text->orig[start - 1] == '+' ? start - 1 : start, end);
}

void
hb_find_mobile (const HbText *text,
                GArray       *spans)
{
  g_return_if_fail (text != NULL && spans != NULL);

  foreach_number (text, check_mobile, spans);
}

static gboolean
is_local_char (gunichar ch)
{
  return ch < 0x80 && (g_ascii_isalnum (ch) || strchr ("._%+-", (int) ch) != NULL);
}

static gboolean
is_domain_char (gunichar ch)
{
  return ch < 0x80 && (g_ascii_isalnum (ch) || ch == '.' || ch == '-');
}

static gboolean
domain_allowed (const char         *domain,
                const char * const *allow)
{
  for (guint i = 0; allow && allow[i]; i++)
    {
      gsize dl = strlen (domain), al = strlen (allow[i]);

      if (g_ascii_strcasecmp (domain, allow[i]) == 0 ||
          (dl > al && domain[dl - al - 1] == '.' && g_ascii_strcasecmp (domain + dl - al, allow[i]) == 0))
        return TRUE;
    }
  return FALSE;
}

void
hb_find_email (const HbText       *text,
               const char * const *allow_domains,
               GArray             *spans)
{
  g_autoptr(GString) domain = g_string_new (NULL);

  g_return_if_fail (text != NULL && spans != NULL);

  for (const char *p = strchr (text->norm->str, '@'); p != NULL; p = strchr (p + 1, '@'))
    {
      guint at = text->nsrc[hb_text_char_at_byte (text, p - text->norm->str)];
      guint s = at, e = at + 1;

      if (text->orig[at] != '@')
        continue;
      g_string_truncate (domain, 0);
      while (s > 0 && is_local_char (text->orig[s - 1]))
        s--;
      while (e < text->n_orig && is_domain_char (text->orig[e]))
        g_string_append_c (domain, (char) text->orig[e++]);
      while (domain->len > 0 && (domain->str[domain->len - 1] == '.' || domain->str[domain->len - 1] == '-'))
        {
          g_string_truncate (domain, domain->len - 1);
          e--;
        }
      if (s == at || strchr (domain->str, '.') == NULL || domain->str[0] == '.')
        continue;
      if (!domain_allowed (domain->str, allow_domains))
        add_span (spans, s, e);
    }
}

/* A small fixed word list, hashed once so that testing a token costs one
 * look-up however long the list is. */
typedef struct
{
  const char * const *words;
  gsize               once;
  HbStrMap           *map;
} WordSet;


static gboolean
token_is (const HbText  *text,
          const HbToken *tok,
          WordSet       *set)
{
  if (g_once_init_enter (&set->once))
    {
      set->map = hb_strmap_new ();
      for (guint i = 0; set->words[i]; i++)
        hb_strmap_insert (set->map, set->words[i], strlen (set->words[i]), i);
      g_once_init_leave (&set->once, 1);
    }
  return tok->nend - tok->nstart <= 12 &&
         hb_strmap_lookup (set->map, text->norm->str + tok->nstart, tok->nend - tok->nstart) != HB_STRMAP_NONE;
}

static gboolean
is_house_number (const HbToken *tok,
                 const HbText  *text)
{
  gsize len = tok->nend - tok->nstart;

  return (tok->flags & HB_TOKEN_DIGIT) && len <= 5 && g_ascii_isdigit (text->norm->str[tok->nstart]);
}

static guint
count_digits (const HbText  *text,
              const HbToken *tok)
{
  guint n = 0;

  for (guint32 b = tok->nstart; b < tok->nend; b++)
    n += g_ascii_isdigit (text->norm->str[b]) ? 1 : 0;
  return n;
}

static gboolean
comma_between (const HbText  *text,
               const HbToken *a,
               const HbToken *b)
{
  for (guint i = a->oend; i < b->ostart; i++)
    if (text->orig[i] == ',')
      return TRUE;
  return FALSE;
}

/* Returns the token index of a street word within @reach tokens after
 * @from on the same line, or 0. */
static guint
street_after (const HbText *text,
              guint         from,
              guint         reach)
{
  static const char * const street_words[] = {
    "jalan", "jln", "lorong", "lrg", "persiaran", "lebuh", "lebuhraya", "taman", "tmn",
    "kampung", "kampong", "kg", "street", "road", "lane", "avenue", "blok", "block", NULL };
  static WordSet street = { street_words, 0, NULL };
  guint line = hb_text_token (text, from)->line;

  for (guint k = from + 1; k < text->tokens->len && k <= from + reach; k++)
    {
      const HbToken *st = hb_text_token (text, k);

      if (st->line != line)
        break;
      if (token_is (text, st, &street))
        return k;
    }
  return 0;
}

/* A house address: "No. 12, Jalan Mawar 3", "Lot 45 Lorong …", or a bare
 * house number followed by a comma and a street ("15, Lorong Cempaka 2").
 * A number without either ("8 jalan utama") is not an address. */
void
hb_find_home_address (const HbText *text,
                      GArray       *spans)
{
  static const char * const house_words[] = {"no", "lot", NULL };
  static WordSet house = { house_words, 0, NULL };
  guint done = 0;

  g_return_if_fail (text != NULL && spans != NULL);

  /* Every address has a house number: start from the numbers. */
  for (guint d = 0; d < text->digit_tokens->len; d++)
    {
      guint num = g_array_index (text->digit_tokens, guint32, d);
      gboolean keyword = num > 0 && token_is (text, hb_text_token (text, num - 1), &house);
      guint first = keyword ? num - 1 : num;
      const HbToken *tok = hb_text_token (text, first);
      guint st;

      if (num < done || num + 1 >= text->tokens->len || !is_house_number (hb_text_token (text, num), text))
        continue;
      /* A bare number needs a comma and at most three digits: "15, Lorong
       * Cempaka", but not "7 Disember 2026, Jalan Tunku". */
      if (!keyword && (count_digits (text, tok) > 3 ||
                       !comma_between (text, tok, hb_text_token (text, num + 1))))
        continue;
      if ((st = street_after (text, num, 2)) == 0)
        continue;
      add_span (spans, tok->ostart,
                st + 1 < text->tokens->len && hb_text_token (text, st + 1)->line == tok->line
                ? hb_text_token (text, st + 1)->oend : hb_text_token (text, st)->oend);
      done = st + 1;
    }
}

/* "beramai2", "kanak2": chat shorthand for a reduplicated word. */
void
hb_find_numeral_reduplication (const HbText *text,
                               GArray       *spans)
{
  g_return_if_fail (text != NULL && spans != NULL);

  for (guint d = 0; d < text->digit_tokens->len; d++)
    {
      const HbToken *tok = hb_text_token (text, g_array_index (text->digit_tokens, guint32, d));
      const char *word = text->norm->str + tok->nstart;
      gsize len = tok->nend - tok->nstart;
      gsize letters = 0;

      if (len < 4 || word[len - 1] != '2')
        continue;
      while (letters < len - 1 && g_ascii_isalpha (word[letters]))
        letters++;
      if (letters == len - 1 && letters >= 3)
        add_span (spans, tok->ostart, tok->oend);
    }
}

/* "Encik Rahman", "Mr Lim", "Puan Salmah binti Ali": a title followed by a
 * capitalised name on the same line.  "encik" alone, as in a reply
 * ("Terima kasih encik"), is not a name. */
void
hb_find_named_person (const HbText *text,
                      GArray       *spans)
{
  static const char * const titles_words[] = {
    "encik", "en", "puan", "pn", "cik", "tuan", "mr", "mrs", "madam", "mdm", "uncle", "auntie", "aunty",
    "makcik", "pakcik", "dato", "datuk", "datin", "haji", "hajah", "hj", "dr", "councillor", "officer", NULL };
  static WordSet titles = { titles_words, 0, NULL };
  guint done = 0;

  g_return_if_fail (text != NULL && spans != NULL);

  /* A name starts with a capital: look back from each capitalised word. */
  for (guint c = 0; c < text->capital_tokens->len; c++)
    {
      guint k = g_array_index (text->capital_tokens, guint32, c);
      guint i = k - 1;
      const HbToken *tok;

      if (k == 0 || i < done || !token_is (text, hb_text_token (text, i), &titles))
        continue;
      tok = hb_text_token (text, i);
      while (k < text->tokens->len && k <= i + 3 && hb_text_token (text, k)->line == tok->line &&
             (hb_text_token (text, k)->flags & HB_TOKEN_CAPITAL) && !token_is (text, hb_text_token (text, k), &titles))
        k++;
      if (k > i + 1)
        add_span (spans, tok->ostart, hb_text_token (text, k - 1)->oend);
      done = k;
    }
}

/* Old spelling that hyphenates affixes: "di-maklumkan", "hormat-nya".
 * A hyphen after a lower-case prefix, or before a suffix or clitic, is
 * never standard; "se-Malaysia" (a capitalised name) and reduplication
 * ("kanak-kanak") are. */
void
hb_find_old_hyphenation (const HbText *text,
                         GArray       *spans)
{
  static const char * const prefixes[] = { "di-", "ke-", "ber-", "ter-", "mem-", "men-", "meng-", "peng-", NULL };
  static const char * const suffixes[] = { "-nya", "-lah", "-kah", "-pun", "-kan", "-ku", "-mu", NULL };

  g_return_if_fail (text != NULL && spans != NULL);

  for (guint h = 0; h < text->hyphen_tokens->len; h++)
    {
      const HbToken *tok = hb_text_token (text, g_array_index (text->hyphen_tokens, guint32, h));
      const char *word = text->norm->str + tok->nstart;
      gsize len = tok->nend - tok->nstart;
      gboolean old = FALSE;

      if (!(tok->flags & HB_TOKEN_LOWER) || len > 40)
        continue;
      for (guint k = 0; prefixes[k] && !old; k++)
        old = g_str_has_prefix (word, prefixes[k]) && len > strlen (prefixes[k]) + 2;
      for (guint k = 0; suffixes[k] && !old; k++)
        {
          gsize sl = strlen (suffixes[k]);

          old = len > sl + 2 && memcmp (word + len - sl, suffixes[k], sl) == 0;
        }
      if (old)
        add_span (spans, tok->ostart, tok->oend);
    }
}

/* Malaysian registration numbers: one to three capital letters, then up
 * to four digits and an optional letter ("PKD 4471", "WXY 123A"). */
/* "SHAH ALAM, SEP 13:" is a dateline, not a plate: a month's short name
 * before a day of the month. */
static gboolean
is_day_of_month (const HbText  *text,
                 const HbToken *month,
                 const HbToken *num)
{
  static const char * const month_words[] = {
    "jan", "feb", "mac", "mar", "apr", "mei", "may", "jun", "jul", "ogo", "ogos", "aug",
    "sep", "sept", "okt", "oct", "nov", "dis", "dec", NULL
  };
  static WordSet months = { month_words, 0, NULL };

  return token_is (text, month, &months) && count_digits (text, num) <= 2 &&
         num->nend - num->nstart <= 2;
}

void
hb_find_vehicle_plate (const HbText *text,
                       GArray       *spans)
{
  g_return_if_fail (text != NULL && spans != NULL);

  for (guint d = 0; d < text->digit_tokens->len; d++)
    {
      guint k = g_array_index (text->digit_tokens, guint32, d);
      const HbToken *num = hb_text_token (text, k);
      const HbToken *letters;
      guint digits;

      if (k == 0 || (num->flags & HB_TOKEN_ALPHA && !g_ascii_isalpha (text->norm->str[num->nend - 1])))
        continue;
      letters = hb_text_token (text, k - 1);
      digits = count_digits (text, num);
      if (!(letters->flags & HB_TOKEN_UPPER) || letters->flags & HB_TOKEN_DIGIT ||
          letters->nend - letters->nstart > 3 || letters->line != num->line ||
          digits == 0 || digits > 4 || num->ostart - letters->oend > 1 ||
          is_day_of_month (text, letters, num))
        continue;
      add_span (spans, letters->ostart, num->oend);
    }
}

static gboolean
has_letter (const HbText *text,
            guint         from,
            guint         to)
{
  for (guint o = from; o < to; o++)
    if (g_unichar_isalpha (text->orig[o]))
      return TRUE;
  return FALSE;
}

/* "percaya ***** Wardina": a whole word blanked out with three or more
 * asterisks inside a sentence is a censored obscenity or insult.  A row of
 * marks alone on its line is a section break, and one or two are footnote
 * marks. */
void
hb_find_censored_word (const HbText *text,
                       GArray       *spans)
{
  const char *norm;

  g_return_if_fail (text != NULL && spans != NULL);

  norm = text->norm->str;

  /* NFKC has made fullwidth marks ASCII, so a byte search finds them all. */
  for (const char *p = strpbrk (norm, "*#"); p != NULL; p = strpbrk (p, "*#"))
    {
      gsize run = strspn (p, "*#");
      guint o, end, line_start, line_end;

      p += run;
      if (run < 3)
        continue; /* a hashtag's #, a footnote's * */
      o = text->nsrc[hb_text_char_at_byte (text, p - run - norm)];
      end = o + run;
      if ((o > 0 && !g_unichar_isspace (text->orig[o - 1]) && !g_unichar_ispunct (text->orig[o - 1])) ||
          (end < text->n_orig && g_unichar_isalnum (text->orig[end])))
        continue;
      line_start = o, line_end = end;
      while (line_start > 0 && text->orig[line_start - 1] != '\n')
        line_start--;
      while (line_end < text->n_orig && text->orig[line_end] != '\n')
        line_end++;
      if (has_letter (text, line_start, o) && has_letter (text, end, line_end))
        add_span (spans, o, end);
    }
}
