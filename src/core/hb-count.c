/* hb-count.c — counting a caption as each platform counts it (see hb-count.h).
 *
 * X's rules follow twitter-text v3 (config/v3.json): the text is NFC-normalised,
 * every URL weighs 23, every emoji sequence 2, code points in the weight-1
 * ranges 1 and all others 2.  URL and emoji detection are written from the
 * behaviour the twitter-text conformance suite specifies, not from its
 * code.  Every pass is linear: a 63,206-character Facebook post counts in
 * well under a millisecond.
 */
#include "hb-count.h"

#include <stdlib.h>
#include <string.h>

#include "hb-count-tables.h"
#include "hb-text.h"

/* twitter-text config/v3.json */
#define TW_SCALE          100
#define TW_DEFAULT_WEIGHT 200
#define TW_URL_LENGTH     23
#define TW_MAX_URL_LENGTH 4096

static const struct { gunichar start, end; } tw_light_ranges[] = {
  { 0x0000, 0x10FF }, { 0x2000, 0x200D }, { 0x2010, 0x201F }, { 0x2032, 0x2037 },
};

static const char *method_names[HB_N_COUNT_METHODS] = {
  [HB_COUNT_CODE_POINTS] = "code-points",
  [HB_COUNT_TWITTER_V3] = "twitter-v3",
  [HB_COUNT_THREADS] = "threads",
};

gboolean
hb_count_method_from_string (const char    *name,
                             HbCountMethod *method)
{
  for (guint i = 0; i < HB_N_COUNT_METHODS; i++)
    if (g_strcmp0 (name, method_names[i]) == 0)
      {
        *method = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hb_count_method_to_string (HbCountMethod method)
{
  return method < HB_N_COUNT_METHODS ? method_names[method] : NULL;
}

/* ------------------------------------------------------------------ */
/* Character classes                                                   */

static int
compare_range (const void *key,
               const void *elem)
{
  gunichar c = *(const gunichar *) key;
  const gunichar *r = elem;

  return c < r[0] ? -1 : c > r[1] ? 1 : 0;
}

static gboolean
is_pictographic (gunichar c)
{
  if (c < 0xA9)
    return FALSE;
  return bsearch (&c, hb_extended_pictographic, G_N_ELEMENTS (hb_extended_pictographic),
                  sizeof hb_extended_pictographic[0], compare_range) != NULL;
}

/* Whether NFC could change the text: only when it holds a code point
 * whose NFC_Quick_Check is not Yes (all are U+0300 or above). */
static gboolean
needs_nfc (const gunichar *s,
           glong           n)
{
  for (glong k = 0; k < n; k++)
    if (s[k] >= 0x300 &&
        bsearch (&s[k], hb_nfc_unstable, G_N_ELEMENTS (hb_nfc_unstable),
                 sizeof hb_nfc_unstable[0], compare_range) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_modifier (gunichar c)
{
  return c >= 0x1F3FB && c <= 0x1F3FF;
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static gboolean
is_tag (gunichar c)
{
  return c >= 0xE0020 && c <= 0xE007E;
}

/* Pictographs that ordinary text uses as symbols (© 2026, Bhd™): like
 * Twemoji, they are emoji only with an explicit U+FE0F. */
static gboolean
needs_emoji_selector (gunichar c)
{
  return c == 0x00A9 || c == 0x00AE || c == 0x2122 || c == 0x265F;
}

static gboolean
is_invalid_char (gunichar c)
{
  return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF;
}

static gboolean
is_directional (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* Latin letters with accents, as twitter-text's URL rules allow them. */
static gboolean
is_latin_accent (gunichar c)
{
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         c == 0x253 || c == 0x254 || c == 0x256 || c == 0x257 || c == 0x259 || c == 0x25B ||
         c == 0x263 || c == 0x268 || c == 0x26F || c == 0x272 || c == 0x289 || c == 0x28B ||
         c == 0x2BB || (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

/* A character a domain label may hold: anything but ASCII punctuation,
 * spaces, controls, invalid and directional characters. */
static gboolean
is_domain_char (gunichar c)
{
  GUnicodeType t;

  if (c < 0x80)
    return g_ascii_isalnum (c);
  if (is_invalid_char (c) || is_directional (c))
    return FALSE;
  t = g_unichar_type (c);
  return t != G_UNICODE_SPACE_SEPARATOR && t != G_UNICODE_LINE_SEPARATOR &&
         t != G_UNICODE_PARAGRAPH_SEPARATOR && t != G_UNICODE_CONTROL;
}

/* ------------------------------------------------------------------ */
/* Emoji sequences                                                     */

static glong
keycap_end (const gunichar *s,
            glong           n,
            glong           i)
{
  glong j = i + 1;

  if (j < n && s[j] == 0xFE0F)
    j++;
  return j < n && s[j] == 0x20E3 ? j + 1 : i;
}

/* One emoji: a flag, a keycap, or a pictograph with its presentation
 * selector, skin tone and tag sequence (subdivision flags). */
static glong
emoji_element_end (const gunichar *s,
                   glong           n,
                   glong           i)
{
  gunichar c = s[i];
  glong j = i + 1;

  if (is_regional_indicator (c))
    return j < n && is_regional_indicator (s[j]) ? j + 1 : j;
  if (c < 0x80)
    return (g_ascii_isdigit (c) || c == '#' || c == '*') ? keycap_end (s, n, i) : i;
  if (is_modifier (c))
    return j;
  if (!is_pictographic (c) || (needs_emoji_selector (c) && (j >= n || s[j] != 0xFE0F)))
    return i;
  if (j < n && (s[j] == 0xFE0F || s[j] == 0xFE0E))
    j++;
  if (j < n && is_modifier (s[j]))
    j++;
  if (j < n && is_tag (s[j]))
    {
      glong k = j;

      while (k < n && is_tag (s[k]))
        k++;
      if (k < n && s[k] == 0xE007F)
        j = k + 1;
    }
  return j;
}

/* The end of the emoji sequence starting at @i (ZWJ sequences count as
 * one), or @i when none starts there. */
static glong
emoji_end (const gunichar *s,
           glong           n,
           glong           i)
{
  glong end = emoji_element_end (s, n, i), next;

  if (end == i)
    return i;
  while (end + 1 < n && s[end] == 0x200D && (next = emoji_element_end (s, n, end + 1)) > end + 1)
    end = next;
  return end;
}

/* ------------------------------------------------------------------ */
/* URLs                                                                */

typedef struct
{
  glong    start, end;    /* code points of a label */
} Label;

typedef struct
{
  const gunichar *s;
  glong           n;
  GArray         *labels;         /* Label, scratch */
  glong           run_end;        /* where the last dotted run ended */
  glong           no_proto_until; /* no URL without a protocol starts before */
} Scan;

static int
compare_tld (const void *key,
             const void *elem)
{
  return strcmp (key, ((const HbTld *) elem)->name);
}

/* Looks up s[start, end) as a top-level domain; *country says whether it
 * is a country code. */
static gboolean
lookup_tld (const gunichar *s,
            glong           start,
            glong           end,
            gboolean       *country)
{
  char buf[128];
  gsize len = 0;
  const HbTld *tld;

  if (end - start > 24)
    return FALSE;
  for (glong k = start; k < end; k++)
    len += g_unichar_to_utf8 (g_unichar_tolower (s[k]), buf + len);
  buf[len] = '\0';
  if (g_str_has_prefix (buf, "xn--") && len > 4)
    {
      *country = FALSE;
      return TRUE;
    }
  tld = bsearch (buf, hb_tlds, G_N_ELEMENTS (hb_tlds), sizeof hb_tlds[0], compare_tld);
  if (tld)
    *country = tld->country;
  return tld != NULL;
}

static gboolean
label_char (gunichar c)
{
  return is_domain_char (c) || c == '-' || c == '_';
}

/* Splits the dotted run at @p into labels; returns where it ends. */
static glong
split_labels (Scan  *sc,
              glong  p)
{
  glong j = p;

  g_array_set_size (sc->labels, 0);
  for (;;)
    {
      Label l = { j, j };

      while (j < sc->n && label_char (sc->s[j]))
        j++;
      l.end = j;
      if (l.end == l.start)
        break;
      g_array_append_val (sc->labels, l);
      if (j + 1 >= sc->n || sc->s[j] != '.')
        break;
      j++;
    }
  sc->run_end = j;
  return j;
}

static gboolean
label_well_formed (const gunichar *s,
                   const Label    *l)
{
  return is_domain_char (s[l->start]) && is_domain_char (s[l->end - 1]);
}

/* Whether s[start, end) is a top-level domain that is not followed by a
 * letter, digit, "@", "+" or "-" (twitter-text's look-ahead). */
static gboolean
tld_at (Scan     *sc,
        glong     start,
        glong     end,
        gboolean *country)
{
  gunichar after = end < sc->n ? sc->s[end] : 0;

  if (after == '@' || after == '+' || after == '-' || is_ascii_alnum (after))
    return FALSE;
  return lookup_tld (sc->s, start, end, country);
}

/* The domain at @p: the last label (or its ASCII start, as in
 * "kulim.gov.my…") that is a TLD, with at least one well-formed label
 * before it.  Returns the domain's end, or -1. */
static glong
find_domain (Scan     *sc,
             glong     p,
             gboolean *country,
             guint    *n_labels)
{
  guint first_bad = G_MAXUINT;

  split_labels (sc, p);
  for (guint k = 0; k < sc->labels->len && first_bad == G_MAXUINT; k++)
    if (!label_well_formed (sc->s, &g_array_index (sc->labels, Label, k)))
      first_bad = k;
  for (guint t = MIN (sc->labels->len - 1, first_bad); sc->labels->len > 1 && t >= 1; t--)
    {
      const Label *l = &g_array_index (sc->labels, Label, t);
      glong e = l->start;

      while (e < l->end && (is_ascii_alnum (sc->s[e]) || sc->s[e] == '-'))
        e++;
      *n_labels = t + 1;
      if (tld_at (sc, l->start, l->end, country))
        return l->end;
      if (e > l->start && e < l->end && tld_at (sc, l->start, e, country))
        return e;
    }
  return -1;
}

static gboolean
is_path_char (gunichar c)
{
  return (c < 0x80 && (g_ascii_isalnum (c) || strchr ("!*';:=+,.$/%#[]-_~|&@", c))) ||
         c == 0x2013 || (c >= 0x400 && c <= 0x4FF) || is_latin_accent (c);
}

static gboolean
is_path_end_char (gunichar c)
{
  return (c < 0x80 && (g_ascii_isalnum (c) || strchr ("=_#/+-", c))) ||
         (c >= 0x400 && c <= 0x4FF) || is_latin_accent (c);
}

/* A "(…)" group in a path, one level of nesting; its end or @i. */
static glong
parens_end (const gunichar *s,
            glong           n,
            glong           i)
{
  glong j = i + 1;

  while (j < n && s[j] != ')')
    {
      if (s[j] == '(')
        {
          glong k = j + 1;

          while (k < n && is_path_char (s[k]))
            k++;
          if (k == j + 1 || k >= n || s[k] != ')')
            return i;
          j = k + 1;
        }
      else if (is_path_char (s[j]))
        j++;
      else
        return i;
    }
  return j < n && j > i + 1 ? j + 1 : i;
}

/* "/…": the longest run of path characters that ends on one a URL may
 * end with (so "x.com/a." stops before the full stop). */
static glong
path_end (const gunichar *s,
          glong           n,
          glong           p)
{
  glong j = p + 1, good = p + 1;

  while (j < n)
    {
      glong e;

      if (s[j] == '(' && (e = parens_end (s, n, j)) > j)
        j = good = e;
      else if (s[j] != '(' && s[j] != ')' && is_path_char (s[j]))
        {
          if (is_path_end_char (s[j]))
            good = j + 1;
          j++;
        }
      else
        break;
    }
  return good;
}

static glong
query_end (const gunichar *s,
           glong           n,
           glong           p)
{
  glong good = p;

  for (glong j = p + 1; j < n && s[j] < 0x80 &&
       (g_ascii_isalnum (s[j]) || strchr ("!?*'@();:&=+$/%#[]-_.,~|", s[j])); j++)
    if (g_ascii_isalnum (s[j]) || strchr ("-_&=#/", s[j]))
      good = j + 1;
  return good;
}

static gboolean
valid_preceding (const gunichar *s,
                 glong           i)
{
  gunichar c;

  if (i == 0)
    return TRUE;
  c = s[i - 1];
  if (is_directional (c))
    return TRUE;
  return !is_ascii_alnum (c) && !is_invalid_char (c) && c != '@' && c != 0xFF20 &&
         c != '$' && c != '#' && c != 0xFF03;
}

static glong
protocol_length (const gunichar *s,
                 glong           n,
                 glong           i)
{
  static const char *protocols[] = { "https://", "http://" };

  for (guint k = 0; k < G_N_ELEMENTS (protocols); k++)
    {
      glong len = strlen (protocols[k]), j;

      for (j = 0; j < len && i + j < n && g_ascii_tolower (s[i + j]) == protocols[k][j]; j++)
        ;
      if (j == len)
        return len;
    }
  return 0;
}

/* A host is valid when its IDNA (punycode) form has no label over 63
 * characters: twitter-text's check, so that a long run of CJK text with
 * ".com" after it is not one short URL. */
static gboolean
ascii_labels_fit (const char *host,
                  gsize       len)
{
  gsize label = 0;

  for (gsize k = 0; k < len; k++)
    {
      if (host[k] != '.')
        label++;
      else if (label == 0)
        return FALSE;
      else
        label = 0;
      if (label > 63)
        return FALSE;
    }
  return label > 0;
}

/* A host is valid when its IDNA (punycode) form has no label over 63
 * characters: twitter-text's check, so that a long run of CJK text with
 * ".com" after it is not one short URL. */
static gboolean
valid_host (const gunichar *s,
            glong           start,
            glong           end,
            glong           url_len,
            glong           proto_len)
{
  g_autofree char *host = g_ucs4_to_utf8 (s + start, end - start, NULL, NULL, NULL);
  g_autofree char *ascii = NULL;
  gsize len;

  if (host == NULL)
    return FALSE;
  if (!g_str_is_ascii (host))
    {
      if ((ascii = g_hostname_to_ascii (host)) == NULL)
        return FALSE;
      g_free (g_steal_pointer (&host));
      host = g_steal_pointer (&ascii);
    }
  len = strlen (host);
  return ascii_labels_fit (host, len) &&
         proto_len + url_len + (glong) len - (end - start) <= TW_MAX_URL_LENGTH;
}

/* Without a protocol only the ASCII part that ends the domain can be a
 * URL ("網站example.com" links "example.com"). */
static glong
ascii_domain_start (const gunichar *s,
                    glong           start,
                    glong           end)
{
  glong a = end, dots = 0;

  while (a > start && (is_ascii_alnum (s[a - 1]) || s[a - 1] == '-' || s[a - 1] == '.' ||
                       is_latin_accent (s[a - 1])))
    if (s[--a] == '.')
      dots++;
  while (a < end && s[a] == '.')
    a++, dots--;
  return dots > 0 ? a : -1;
}

static gboolean
is_special_short_tld (const gunichar *s,
                      glong           end)
{
  gunichar a = g_ascii_tolower (s[end - 2]), b = g_ascii_tolower (s[end - 1]);

  return (a == 'c' && b == 'o') || (a == 't' && b == 'v');
}

/* twitter-text links a bare "name.cc" (two labels, country TLD) only when
 * a path follows, except for .co and .tv. */
static gboolean
bare_short_domain (const gunichar *s,
                   glong           start,
                   glong           end,
                   gboolean        country)
{
  guint dots = 0;

  for (glong k = start; k < end; k++)
    dots += s[k] == '.';
  return country && dots == 1 && !is_special_short_tld (s, end);
}

/* Tries a URL at @i; sets *next to where the scan goes on (past a match,
 * even a rejected one, as a regular expression scan would). */
static gboolean
try_url (Scan  *sc,
         glong  i,
         HbSpan *span,
         glong  *next)
{
  const gunichar *s = sc->s;
  glong n = sc->n, proto = protocol_length (s, n, i), dstart = i + proto, dend, end;
  gboolean country = FALSE, has_path;
  guint n_labels = 0;

  *next = i + 1;
  if (proto == 0 && (i < sc->no_proto_until ||
                     (i > 0 && s[i - 1] < 0x80 && strchr ("-_./", s[i - 1]))))
    return FALSE;
  if (dstart >= n || !is_domain_char (s[dstart]))
    return FALSE;
  if ((dend = find_domain (sc, dstart, &country, &n_labels)) < 0)
    {
      /* No later start inside the same dotted run can do better. */
      if (proto == 0)
        sc->no_proto_until = sc->run_end;
      return FALSE;
    }
  end = dend;
  if (end + 1 < n && s[end] == ':' && s[end + 1] < 0x80 && g_ascii_isdigit (s[end + 1]))
    for (end++; end < n && s[end] < 0x80 && g_ascii_isdigit (s[end]); end++)
      ;
  if ((has_path = end < n && s[end] == '/'))
    end = path_end (s, n, end);
  if (end < n && s[end] == '?')
    end = query_end (s, n, end);
  *next = end;
  span->start = i;
  span->end = end;
  if (proto == 0)
    {
      glong a = ascii_domain_start (s, dstart, dend);

      if (a < 0 || (!has_path && bare_short_domain (s, a, dend, country)))
        return FALSE;
      span->start = a;
    }
  return valid_host (s, dstart, dend, end - i, proto);
}

/* Where the run of label characters at @i ends, and whether what ends it
 * could go on into a URL: a '.' and another label ("mpkk.gov"), or "://"
 * after a scheme.  Every URL starts with such a run, so a run followed by
 * anything else (a space, a sentence's full stop) holds no URL start at
 * all: skipping it makes a 60,000-character post cost a scan rather than
 * an attempt at every word. */
static gboolean
run_may_start_url (const gunichar *s,
                   glong           n,
                   glong           i,
                   glong          *end)
{
  glong j = i;

  while (j < n && label_char (s[j]))
    j++;
  *end = j;
  if (j + 1 < n && s[j] == '.')
    return label_char (s[j + 1]);
  return j + 2 < n && s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/';
}

/* URL spans in code points of @s, in order. */
static GArray *
find_urls (const gunichar *s,
           glong           n)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (HbSpan));
  Scan sc = { s, n, g_array_new (FALSE, FALSE, sizeof (Label)), 0, 0 };
  glong i = 0;

  while (i < n)
    {
      HbSpan span;
      glong next = i + 1, run_end;

      if (!is_domain_char (s[i]))
        ;
      else if (!run_may_start_url (s, n, i, &run_end))
        next = run_end;
      else if (valid_preceding (s, i) && try_url (&sc, i, &span, &next))
        g_array_append_val (spans, span);
      i = MAX (next, i + 1);
    }
  g_array_unref (sc.labels);
  return spans;
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */

static guint
char_weight (HbCountMethod method,
             gunichar      c)
{
  if (method != HB_COUNT_TWITTER_V3)
    return 1;
  for (guint k = 0; k < G_N_ELEMENTS (tw_light_ranges); k++)
    if (c >= tw_light_ranges[k].start && c <= tw_light_ranges[k].end)
      return TW_SCALE;
  return TW_DEFAULT_WEIGHT;
}

static guint
utf16_units (const gunichar *s,
             glong           start,
             glong           end)
{
  guint units = 0;

  for (glong k = start; k < end; k++)
    units += s[k] > 0xFFFF ? 2 : 1;
  return units;
}

static guint
utf8_bytes (const gunichar *s,
            glong           start,
            glong           end)
{
  guint bytes = 0;

  for (glong k = start; k < end; k++)
    bytes += g_unichar_to_utf8 (s[k], NULL);
  return bytes;
}

typedef struct
{
  guint64 weighted;   /* in scale units */
  gboolean ok;        /* no invalid character so far */
  glong   valid_cp;   /* code points (of the counted text) within the limit */
  glong   valid_u16;
  glong   total_u16;
} Walk;

/* The weight of the unit at @k and its end: a URL, an emoji sequence or
 * one code point. */
static guint
unit_weight (HbCountMethod   method,
             const gunichar *s,
             glong           n,
             glong           k,
             GArray         *urls,
             guint          *next_url,
             glong          *end)
{
  if (*next_url < urls->len && g_array_index (urls, HbSpan, *next_url).start == (guint) k)
    {
      *end = g_array_index (urls, HbSpan, (*next_url)++).end;
      return TW_URL_LENGTH * TW_SCALE;
    }
  /* Most text is letters and spaces: no emoji starts there. */
  if (method != HB_COUNT_CODE_POINTS && (s[k] >= 0xA9 || !g_ascii_isalpha (s[k])) &&
      (*end = emoji_end (s, n, k)) > k)
    return method == HB_COUNT_TWITTER_V3 ? TW_DEFAULT_WEIGHT : utf8_bytes (s, k, *end);
  *end = k + 1;
  return char_weight (method, s[k]);
}

static void
walk_units (HbCountMethod   method,
            const gunichar *s,
            glong           n,
            GArray         *urls,
            guint64         max,
            Walk           *w)
{
  guint next_url = 0;

  for (glong k = 0, end = 0; k < n; k = end)
    {
      guint units;

      w->weighted += unit_weight (method, s, n, k, urls, &next_url, &end);
      if (method == HB_COUNT_TWITTER_V3 && end == k + 1 && is_invalid_char (s[k]))
        w->ok = FALSE;
      units = utf16_units (s, k, end);
      if (w->ok && w->weighted <= max)
        {
          w->valid_cp += end - k;
          w->valid_u16 += units;
        }
      w->total_u16 += units;
    }
}

/* Valid UTF-8 to code points; @n gets their number.  Hand-written
 * because it is the hottest loop of a count. */
static gunichar *
decode (const char *text,
        gssize      len,
        glong      *n)
{
  const guchar *p = (const guchar *) text, *end;
  gunichar *out, *o;

  if (len < 0)
    len = strlen (text);
  end = p + len;
  o = out = g_new (gunichar, len + 1);
  while (p < end)
    {
      guchar b = *p;

      if (b < 0x80)
        *o++ = *p++;
      else if (b < 0xE0)
        *o++ = ((b & 0x1F) << 6) | (p[1] & 0x3F), p += 2;
      else if (b < 0xF0)
        *o++ = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F), p += 3;
      else
        *o++ = ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F), p += 4;
    }
  *o = 0;
  *n = o - out;
  return out;
}

/* Counts @text (UTF-8, @len bytes or -1) as @method does against @limit.
 * Fails only on invalid UTF-8. */
gboolean
hb_count_text (const char     *text,
               gssize          len,
               HbCountMethod   method,
               guint           limit,
               HbCount        *count,
               GError        **error)
{
  guint scale = method == HB_COUNT_TWITTER_V3 ? TW_SCALE : 1;
  g_autofree char *nfc = NULL;
  g_autofree gunichar *orig = NULL, *normalized = NULL;
  const gunichar *s;
  g_autoptr(GArray) urls = NULL;
  glong n0 = 0, n = 0;
  Walk w = { 0, TRUE, 0, 0, 0 };

  g_return_val_if_fail (method < HB_N_COUNT_METHODS && limit > 0, FALSE);
  if (len < 0)
    len = strlen (text);
  if (!hb_utf8_validate (text, len, error))
    return FALSE;
  s = orig = decode (text, len, &n0);
  n = n0;
  if (method == HB_COUNT_TWITTER_V3 && needs_nfc (orig, n0) &&
      (nfc = g_utf8_normalize (text, len, G_NORMALIZE_NFC)))
    s = normalized = decode (nfc, -1, &n);
  urls = method == HB_COUNT_TWITTER_V3 ? find_urls (s, n) : g_array_new (FALSE, FALSE, sizeof (HbSpan));
  walk_units (method, s, n, urls, (guint64) limit * scale, &w);

  count->length = w.weighted / scale;
  count->limit = limit;
  count->valid = w.ok && count->length <= limit;
  count->permillage = (guint) ((guint64) count->length * 1000 / limit);
  count->display_end = n0 - 1;
  count->display_end_utf16 = utf16_units (orig, 0, n0) - 1;
  /* twitter-text shifts the valid range by what NFC changed in length.
   * NFC can also lengthen a text (क़ U+0958 becomes two code points), and
   * then the shift can pass the start: nothing fits, which is -1, not an
   * end before the text (that turned into a huge unsigned offset and lost
   * the over-the-limit finding). */
  count->valid_end = MAX ((n0 - n) + w.valid_cp - 1, -1);
  count->valid_end_utf16 = MAX ((count->display_end_utf16 + 1 - w.total_u16) + w.valid_u16 - 1, -1);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Hashtags and mentions                                               */

static gboolean
inside (GArray *spans,
        guint  *next,
        glong   k)
{
  while (*next < spans->len && g_array_index (spans, HbSpan, *next).end <= (guint) k)
    (*next)++;
  return *next < spans->len && g_array_index (spans, HbSpan, *next).start <= (guint) k;
}

static gboolean
is_tag_char (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return g_unichar_isalnum (c) || c == '_' || c == 0x200C || c == 0x200D ||
         t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK;
}

/* "#Kulim2026": after a non-word character, one letter at least. */
static glong
hashtag_end (const gunichar *s,
             glong           n,
             glong           k)
{
  glong j = k + 1;
  gboolean letter = FALSE;

  if (s[k] != '#' && s[k] != 0xFF03)
    return k;
  if (k > 0 && (is_tag_char (s[k - 1]) || s[k - 1] == '&'))
    return k;
  for (; j < n && is_tag_char (s[j]); j++)
    letter |= !g_unichar_isdigit (s[j]);
  return letter && (j >= n || (s[j] != '#' && s[j] != 0xFF03)) ? j : k;
}

/* "@mpkk.rasmi": letters, digits, "_" and inner full stops, not after a
 * word character (so not an e-mail address). */
static glong
mention_end (const gunichar *s,
             glong           n,
             glong           k)
{
  glong j = k + 1;

  if (s[k] != '@' && s[k] != 0xFF20)
    return k;
  if (k > 0 && (is_ascii_alnum (s[k - 1]) || (s[k - 1] < 0x80 && strchr ("_!#$%&*@", s[k - 1])) ||
                s[k - 1] == 0xFF20))
    return k;
  while (j < n && (is_ascii_alnum (s[j]) || s[j] == '_' || s[j] == '.'))
    j++;
  while (j > k + 1 && s[j - 1] == '.')
    j--;
  return j > k + 1 && (j >= n || (s[j] != '@' && s[j] != 0xFF20)) ? j : k;
}

typedef glong (*TagEnd) (const gunichar *s, glong n, glong k);

static GArray *
find_tags (const char *text,
           gssize      len,
           TagEnd      tag_end)
{
  g_autofree gunichar *s = NULL;
  g_autoptr(GArray) urls = NULL;
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (HbSpan));
  glong n = 0;
  guint next_url = 0;

  if (len < 0)
    len = strlen (text);
  if (!g_utf8_validate_len (text, len, NULL))
    return spans;
  s = decode (text, len, &n);
  urls = find_urls (s, n);
  for (glong k = 0; k < n; k++)
    {
      glong end = tag_end (s, n, k);

      if (end > k && !inside (urls, &next_url, k))
        {
          HbSpan span = { k, end };

          g_array_append_val (spans, span);
          k = end - 1;
        }
    }
  return spans;
}

/* Spans (code points) of the URLs in @text, as X finds them. */
GArray *
hb_count_find_urls (const char *text,
                    gssize      len)
{
  g_autofree gunichar *s = NULL;
  glong n = 0;

  if (len < 0)
    len = strlen (text);
  if (!g_utf8_validate_len (text, len, NULL))
    return g_array_new (FALSE, FALSE, sizeof (HbSpan));
  s = decode (text, len, &n);
  return find_urls (s, n);
}

/* Spans of the hashtags in @text, outside URLs; invalid UTF-8 has none. */
GArray *
hb_count_find_hashtags (const char *text,
                        gssize      len)
{
  return find_tags (text, len, hashtag_end);
}

GArray *
hb_count_find_mentions (const char *text,
                        gssize      len)
{
  return find_tags (text, len, mention_end);
}
