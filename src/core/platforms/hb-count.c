/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-count.c — counting a caption as each platform counts it (see hb-count.h).
 *
 * X's rules follow twitter-text v3 (config/v3.json): the text is NFC-normalised,
 * every URL weighs 23, every emoji sequence 2, code points in the weight-1
 * ranges 1 and all others 2.  What X calls a URL or an emoji is decided by
 * twitter-text's and Twemoji's own regular expressions, generated into
 * hb-count-twitter.h from their npm packages; the logic around them is
 * written from twitter-text's behaviour and must agree with it on every
 * text of tests/fixtures/twitter-text-differential.jsonl.  The URL search
 * only visits words that hold a full stop, so a 63,206-character Facebook
 * post counts in a few milliseconds.
 */
#include "config.h"

#include "hb-count.h"

#include <stdlib.h>
#include <string.h>

#include "hb-count-tables.h"
#include "hb-count-twitter.h"
#include "hb-text.h"

/* twitter-text config/v3.json */
#define TW_SCALE          100
#define TW_DEFAULT_WEIGHT 200
#define TW_URL_LENGTH     23
#define TW_MAX_URL_LENGTH 4096
#define MAX_TCO_SLUG_LENGTH 40

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
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
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
/* URLs and emoji as X finds them                                      */

/* twitter-text's own regular expressions, taken as data from its npm
 * package by build-aux/twitter-text/gen-patterns.mjs; what this file adds
 * is the logic twitter-text runs around them, written from its documented
 * behaviour and checked against it by tests/test-count-differential.c. */
typedef struct
{
  GRegex *url;           /* groups: 2 before, 3 URL, 4 protocol, 5 domain, 7 path */
  GRegex *ascii_domain;
  GRegex *tco;
  GRegex *emoji;
} TwRegexes;

enum { TW_BEFORE = 2, TW_URL = 3, TW_PROTOCOL = 4, TW_DOMAIN = 5, TW_PATH = 7 };

static GRegex *
tw_compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  /* The patterns are generated and tested: failing here is a build defect. */
  if (re == NULL)
    g_error ("hb-count: a twitter-text pattern does not compile: %s", error->message);
  return re;
}

/* Compiled once and shared: a GRegex is immutable, so threads may share it. */
static const TwRegexes *
tw_regexes (void)
{
  static gsize once;
  static TwRegexes r;

  if (g_once_init_enter (&once))
    {
      r.url = tw_compile (hb_tw_extract_url);
      r.ascii_domain = tw_compile (hb_tw_ascii_domain);
      r.tco = tw_compile (hb_tw_tco_url);
      r.emoji = tw_compile (hb_tw_emoji);
      g_once_init_leave (&once, 1);
    }
  return &r;
}

/* A stretch of UTF-8, in bytes, end exclusive.  For a URL, @counted_end
 * is where twitter-text's count goes on after it, which is not always its
 * end (see add_ascii_domains). */
typedef struct
{
  gsize start, end, counted_end;
} ByteSpan;

static gsize
utf16_length (const char *s,
              gsize       len)
{
  gsize units = 0;

  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    units += ((guchar) *p >= 0xF0) ? 2 : 1;
  return units;
}

/* RFC 3492's bias adaptation. */
static guint64
puny_adapt (guint64  delta,
            guint64  n_points,
            gboolean first)
{
  guint64 k = 0;

  delta = first ? delta / 700 : delta / 2;
  delta += delta / n_points;
  for (; delta > ((36 - 1) * 26) / 2; k += 36)
    delta /= 36 - 1;
  return k + (36 - 1 + 1) * delta / (delta + 38);
}

/* The length of RFC 3492's Punycode encoding of @cp (without "xn--"). */
static gsize
puny_encoded_length (const gunichar *cp,
                     gsize           n)
{
  guint64 next = 128, delta = 0, bias = 72, h = 0, basic = 0;
  gsize out = 0;

  for (gsize k = 0; k < n; k++)
    basic += cp[k] < 0x80;
  out = basic + (basic > 0);
  for (h = basic; h < n;)
    {
      gunichar m = G_MAXUINT32;

      for (gsize k = 0; k < n; k++)
        if (cp[k] >= next && cp[k] < m)
          m = cp[k];
      delta += (m - next) * (h + 1);
      next = m;
      for (gsize k = 0; k < n; k++)
        {
          if (cp[k] < next)
            delta++;
          if (cp[k] != next)
            continue;
          for (guint64 q = delta, t, j = 36;; j += 36)
            {
              t = j <= bias ? 1 : j >= bias + 26 ? 26 : j - bias;
              out++;
              if (q < t)
                break;
              q = (q - t) / (36 - t);
            }
          bias = puny_adapt (delta, h + 1, h == basic);
          delta = 0;
          h++;
        }
      delta++;
      next++;
    }
  return out;
}

static gboolean
is_ascii_printable (gunichar c)
{
  return c >= 0x20 && c <= 0x7E;
}

static gboolean
is_label_separator (gunichar c)
{
  return c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61;
}

/* The length of a domain label in ASCII form, as the punycode library
 * twitter-text uses computes it: the label splits again at the other
 * full stops of RFC 3490, and each part that holds anything but printable
 * ASCII becomes "xn--" and its Punycode. */
static gsize
label_ascii_length (const char *label,
                    gsize       len)
{
  g_autofree gunichar *cp = g_utf8_to_ucs4_fast (label, len, NULL);
  glong n = g_utf8_strlen (label, len);
  gsize total = 0;
  glong part = 0;

  for (glong k = 0; k <= n; k++)
    {
      gboolean plain = TRUE;

      if (k < n && !is_label_separator (cp[k]))
        continue;
      for (glong j = part; j < k; j++)
        plain &= is_ascii_printable (cp[j]);
      total += plain ? (gsize) (k - part) : 4 + puny_encoded_length (cp + part, k - part);
      if (k < n)
        total++;
      part = k + 1;
    }
  return total;
}

static gboolean
has_match (GRegex     *re,
           const char *s,
           gsize       len)
{
  return g_regex_match_full (re, s, len, 0, 0, NULL, NULL);
}

/* twitter-text's check of a URL it found: every label of the domain is
 * 1 to 63 characters in ASCII form, a domain written in Punycode is
 * ASCII, and the whole fits in 4,096 characters with its protocol. */
static gboolean
url_is_valid (const char *url,
              gsize       url_len,
              gsize       protocol_len,
              const char *domain,
              gsize       domain_len)
{
  const char *label = domain, *end = domain + domain_len;

  if (domain_len >= 4 && strncmp (domain, "xn--", 4) == 0 &&
      !has_match (tw_regexes ()->ascii_domain, domain, domain_len))
    return FALSE;
  for (const char *p = domain; p <= end; p++)
    if (p == end || *p == '.')
      {
        gsize ascii = label_ascii_length (label, p - label);

        if (ascii < 1 || ascii > 63)
          return FALSE;
        label = p + 1;
      }
  return (protocol_len ? protocol_len : strlen ("https://")) + utf16_length (url, url_len) <= TW_MAX_URL_LENGTH;
}

static gboolean
group (GMatchInfo *info,
       int         n,
       ByteSpan   *span)
{
  int s = -1, e = -1;

  if (!g_match_info_fetch_pos (info, n, &s, &e) || s < 0)
    {
      span->start = span->end = 0;
      return FALSE;
    }
  span->start = s;
  span->end = e;
  return e > s;
}

/* Without a protocol, only the ASCII domains inside what was found count
 * (so "網站example.com" links "example.com"), each placed where its text
 * first occurs after the previous one, as twitter-text places it; the
 * last takes the path along. */
static void
add_ascii_domains (const char *text,
                   ByteSpan    url,
                   ByteSpan    domain,
                   gboolean    has_path,
                   GArray     *out)
{
  const char *d = text + domain.start;
  gsize len = domain.end - domain.start, from = 0, placed_end = 0;
  g_autoptr(GMatchInfo) info = NULL;
  guint before = out->len;

  while (from <= len && g_regex_match_full (tw_regexes ()->ascii_domain, d, len, from, 0, &info, NULL))
    {
      int s, e;
      const char *at;
      g_autofree char *found = NULL;

      g_match_info_fetch_pos (info, 0, &s, &e);
      found = g_strndup (d + s, e - s);
      at = g_strstr_len (d + placed_end, len - placed_end, found);
      if (at != NULL)
        {
          ByteSpan span = { domain.start + (at - d), domain.start + (at - d) + (e - s), 0 };

          span.counted_end = span.end;

          placed_end = span.end - domain.start;
          g_array_append_val (out, span);
        }
      from = e > s ? (gsize) e : (gsize) e + 1;
      g_clear_pointer (&info, g_match_info_free);
    }
  if (has_path && out->len > before)
    {
      ByteSpan *last = &g_array_index (out, ByteSpan, out->len - 1);
      /* twitter-text's entity then holds the URL's text with the ASCII
       * domain in place of the whole domain, and its count goes on after
       * that many UTF-16 units from the start: short of the end when the
       * domain went on past its ASCII part ("portal.my_site.org/"). */
      gsize units = utf16_length (text + last->start, last->end - last->start) +
                    utf16_length (text + url.start, url.end - url.start) -
                    utf16_length (d, len);
      const char *p = text + last->start;

      for (gsize u = 0; u < units && *p; p = g_utf8_next_char (p))
        u += ((guchar) *p >= 0xF0) ? 2 : 1;
      last->end = url.end;
      last->counted_end = MIN ((gsize) (p - text), url.end);
    }
}

/* A t.co link stops after its slug and query; one whose slug is over 40
 * characters is no link.  Returns FALSE for that. */
static gboolean
trim_tco (const char *text,
          ByteSpan   *url)
{
  g_autoptr(GMatchInfo) info = NULL;
  ByteSpan slug;
  int s, e;

  if (!g_regex_match_full (tw_regexes ()->tco, text + url->start, url->end - url->start, 0, 0, &info, NULL))
    return TRUE;
  group (info, 1, &slug);
  if (slug.end - slug.start > MAX_TCO_SLUG_LENGTH)
    return FALSE;
  g_match_info_fetch_pos (info, 0, &s, &e);
  url->end = url->start + e;
  return TRUE;
}

static gboolean
is_space_char (gunichar c)
{
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         c == 0x180E || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

/* One match of the URL expression at or after @from within @len bytes;
 * appends what it yields and returns where the search goes on, or -1. */
static gssize
url_step (const char *text,
          gsize       len,
          gsize       from,
          GArray     *out)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  ByteSpan all, before, url, protocol, domain, path;
  gboolean has_protocol;

  if (!g_regex_match_full (tw_regexes ()->url, text, len, from, 0, &info, &error))
    {
      if (error)
        g_debug ("hb-count: URL search stopped: %s", error->message);
      return -1;
    }
  group (info, 0, &all);
  group (info, TW_BEFORE, &before);
  group (info, TW_URL, &url);
  has_protocol = group (info, TW_PROTOCOL, &protocol);
  group (info, TW_DOMAIN, &domain);
  if (!url_is_valid (text + url.start, url.end - url.start, protocol.end - protocol.start,
                     text + domain.start, domain.end - domain.start))
    return all.end;
  if (!has_protocol)
    {
      /* "-kulim.gov.my", "_x.com", "a/b.com", "..x.com": not links. */
      if (before.end > before.start && strchr ("-_./", text[before.end - 1]))
        return all.end;
      add_ascii_domains (text, url, domain, group (info, TW_PATH, &path), out);
    }
  else if (trim_tco (text, &url))
    {
      url.counted_end = url.end;
      g_array_append_val (out, url);
    }
  return all.end;
}

/* URL spans in bytes of @text.  A URL never holds a space, so the search
 * runs only over the words (with the space before them) that hold a full
 * stop: the same matches as over the whole text, without trying every
 * word of a long post. */
static GArray *
find_url_bytes (const char *text,
                gsize       len)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (ByteSpan));
  gsize pos = 0;

  if (memchr (text, '.', len) == NULL)
    return out;
  while (pos < len)
    {
      gsize word = pos, end, from;
      gboolean dot = FALSE;

      while (word < len && is_space_char (g_utf8_get_char (text + word)))
        word = g_utf8_next_char (text + word) - text;
      for (end = word; end < len && !is_space_char (g_utf8_get_char (text + end));
           end = g_utf8_next_char (text + end) - text)
        dot |= text[end] == '.';
      from = word > pos ? (gsize) (g_utf8_prev_char (text + word) - text) : word;
      while (dot && from < end)
        {
          gssize next = url_step (text, end, from, out);

          if (next < 0)
            break;
          from = next;
        }
      pos = MAX (end, from);
    }
  return out;
}

/* Emoji sequences as Twemoji finds them, in bytes of @text. */
static GArray *
find_emoji_bytes (const char *text,
                  gsize       len)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (ByteSpan));
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match_full (tw_regexes ()->emoji, text, len, 0, 0, &info, NULL);
  while (g_match_info_matches (info))
    {
      int s, e;
      ByteSpan span;

      g_match_info_fetch_pos (info, 0, &s, &e);
      span.start = s;
      span.end = span.counted_end = e;
      g_array_append_val (out, span);
      if (!g_match_info_next (info, NULL))
        break;
    }
  return out;
}

/* Byte spans (sorted) to code point spans: to their ends, or to where
 * the count goes on after them. */
static GArray *
spans_to_code_points (const char *text,
                      GArray     *bytes,
                      gboolean    counted)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (HbSpan), bytes->len);
  const char *p = text;
  guint cp = 0;

  for (guint k = 0; k < bytes->len; k++)
    {
      ByteSpan *b = &g_array_index (bytes, ByteSpan, k);
      HbSpan span;

      for (; p < text + b->start; p = g_utf8_next_char (p))
        cp++;
      span.start = cp;
      for (; p < text + (counted ? b->counted_end : b->end); p = g_utf8_next_char (p))
        cp++;
      span.end = cp;
      g_array_append_val (out, span);
    }
  return out;
}

static GArray *
find_emoji (const char *text,
            gsize       len)
{
  g_autoptr(GArray) bytes = find_emoji_bytes (text, len);

  return spans_to_code_points (text, bytes, FALSE);
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

/* Where twitter-text's entities start: URLs and emoji, code points. */
typedef struct
{
  GArray *urls;
  GArray *emoji;
  guint   next_url;
  guint   next_emoji;
} Entities;

/* The end of the entity of @spans that starts at @k, or -1.  Entities are
 * looked up by where they start, as twitter-text does: an emoji that runs
 * into a URL hides the URL. */
static glong
entity_at (GArray *spans,
           guint  *next,
           glong   k)
{
  while (*next < spans->len && g_array_index (spans, HbSpan, *next).start < (guint) k)
    (*next)++;
  if (*next < spans->len && g_array_index (spans, HbSpan, *next).start == (guint) k)
    return g_array_index (spans, HbSpan, (*next)++).end;
  return -1;
}

/* The weight of the unit at @k and its end: a URL, an emoji sequence or
 * one code point. */
static guint
unit_weight (HbCountMethod   method,
             const gunichar *s,
             glong           n,
             glong           k,
             Entities       *e,
             glong          *end)
{
  if (method == HB_COUNT_TWITTER_V3)
    {
      if ((*end = entity_at (e->urls, &e->next_url, k)) >= 0)
        return TW_URL_LENGTH * TW_SCALE;
      if ((*end = entity_at (e->emoji, &e->next_emoji, k)) >= 0)
        return TW_DEFAULT_WEIGHT;
    }
  /* Most text is letters and spaces: no emoji starts there. */
  else if (method == HB_COUNT_THREADS && (s[k] >= 0xA9 || !g_ascii_isalpha (s[k])) &&
           (*end = emoji_end (s, n, k)) > k)
    return utf8_bytes (s, k, *end);
  *end = k + 1;
  return char_weight (method, s[k]);
}

static void
walk_units (HbCountMethod   method,
            const gunichar *s,
            glong           n,
            Entities       *entities,
            guint64         max,
            Walk           *w)
{
  for (glong k = 0, end = 0; k < n; k = end)
    {
      guint units;

      w->weighted += unit_weight (method, s, n, k, entities, &end);
      /* twitter-text looks at the last code unit of each unit. */
      if (method == HB_COUNT_TWITTER_V3 && is_invalid_char (s[end - 1]))
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

/* What walk_units() finds when every code point weighs one and nothing
 * is an entity, without the walk: four platforms of six count so, and
 * the post lint counts the caption for each of them. */
static void
count_code_points (const gunichar *s,
                   glong           n,
                   guint           total_u16,
                   guint64         max,
                   Walk           *w)
{
  w->weighted = n;
  w->valid_cp = (guint64) n <= max ? n : (glong) max;
  /* Summing the shorter side. */
  w->valid_u16 = w->valid_cp <= n / 2 ? utf16_units (s, 0, w->valid_cp)
                                      : total_u16 - utf16_units (s, w->valid_cp, n);
  w->total_u16 = total_u16;
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

/* ------------------------------------------------------------------ */
/* A text decoded once                                                 */

struct _HbCountSource
{
  const char     *utf8;      /* borrowed, valid UTF-8 */
  gsize           len;
  const gunichar *cp;        /* its code points: an HbText's, or @owned */
  glong           n;
  gunichar       *owned;
  glong           utf16;     /* UTF-16 units of @cp, or -1 until asked */
  GArray         *url_bytes; /* ByteSpan; each array below is found on first use */
  GArray         *urls;      /* HbSpan */
  GArray         *hashtags;
  GArray         *mentions;
};

/**
 * hb_count_source_new:
 * @utf8: valid UTF-8 (see hb_utf8_validate()), kept until the source is freed
 * @len: its length in bytes, or -1 when NUL-terminated
 * @decoded: (nullable): the HbText of @utf8, kept too: its code points
 *   are read instead of decoding @utf8 again
 *
 * A text decoded once for every count and search over it: each platform's
 * count, the hashtags, mentions and links.  The URL search, which costs
 * the most, is also run once for all of them.  Use it from one thread at
 * a time: what it finds is kept in it.
 */
HbCountSource *
hb_count_source_new (const char   *utf8,
                     gssize        len,
                     const HbText *decoded)
{
  HbCountSource *source;

  g_return_val_if_fail (utf8 != NULL, NULL);

  source = g_new0 (HbCountSource, 1);
  source->utf8 = utf8;
  source->len = len < 0 ? strlen (utf8) : (gsize) len;
  source->utf16 = -1;
  if (decoded != NULL)
    {
      source->cp = decoded->orig;
      source->n = decoded->n_orig;
    }
  else
    source->cp = source->owned = decode (utf8, source->len, &source->n);
  return source;
}

void
hb_count_source_free (HbCountSource *source)
{
  if (source == NULL)
    return;
  g_free (source->owned);
  g_clear_pointer (&source->url_bytes, g_array_unref);
  g_clear_pointer (&source->urls, g_array_unref);
  g_clear_pointer (&source->hashtags, g_array_unref);
  g_clear_pointer (&source->mentions, g_array_unref);
  g_free (source);
}

/* The same for every count of the text: summed once. */
static guint
source_utf16 (HbCountSource *source)
{
  if (source->utf16 < 0)
    source->utf16 = utf16_units (source->cp, 0, source->n);
  return source->utf16;
}

static GArray *
source_url_bytes (HbCountSource *source)
{
  if (source->url_bytes == NULL)
    source->url_bytes = find_url_bytes (source->utf8, source->len);
  return source->url_bytes;
}

/* X's URLs and emoji in the text it counts: @source's own, or its NFC
 * form when NFC changed it. */
static void
find_entities (HbCountSource *source,
               const char    *nfc,
               Entities      *entities)
{
  g_autoptr(GArray) nfc_urls = NULL;

  if (nfc != NULL)
    {
      nfc_urls = find_url_bytes (nfc, strlen (nfc));
      entities->urls = spans_to_code_points (nfc, nfc_urls, TRUE);
      entities->emoji = find_emoji (nfc, strlen (nfc));
    }
  else
    {
      entities->urls = spans_to_code_points (source->utf8, source_url_bytes (source), TRUE);
      entities->emoji = find_emoji (source->utf8, source->len);
    }
}

/**
 * hb_count_source_count:
 *
 * Counts @source as @method does against @limit: hb_count_text() without
 * validating or decoding the text again.
 */
void
hb_count_source_count (HbCountSource *source,
                       HbCountMethod  method,
                       guint          limit,
                       HbCount       *count)
{
  guint scale = method == HB_COUNT_TWITTER_V3 ? TW_SCALE : 1;
  g_autofree char *nfc = NULL;
  g_autofree gunichar *normalized = NULL;
  const gunichar *orig, *s;
  Entities entities = { NULL, NULL, 0, 0 };
  glong n0, n;
  Walk w = { 0, TRUE, 0, 0, 0 };

  g_return_if_fail (source != NULL && count != NULL);
  g_return_if_fail (method < HB_N_COUNT_METHODS && limit > 0);

  s = orig = source->cp;
  n = n0 = source->n;
  if (method == HB_COUNT_TWITTER_V3 && needs_nfc (orig, n0) &&
      (nfc = g_utf8_normalize (source->utf8, source->len, G_NORMALIZE_NFC)))
    s = normalized = decode (nfc, -1, &n);
  if (method == HB_COUNT_CODE_POINTS)
    count_code_points (s, n, source_utf16 (source), limit, &w);
  else
    {
      if (method == HB_COUNT_TWITTER_V3)
        find_entities (source, nfc, &entities);
      else
        {
          entities.urls = g_array_new (FALSE, FALSE, sizeof (HbSpan));
          entities.emoji = g_array_ref (entities.urls);
        }
      walk_units (method, s, n, &entities, (guint64) limit * scale, &w);
      g_array_unref (entities.urls);
      g_array_unref (entities.emoji);
    }

  count->length = w.weighted / scale;
  count->limit = limit;
  count->valid = w.ok && count->length <= limit;
  count->permillage = (guint) ((guint64) count->length * 1000 / limit);
  count->display_end = n0 - 1;
  count->display_end_utf16 = (int) source_utf16 (source) - 1;
  /* twitter-text shifts the valid range by what NFC changed in length.
   * NFC can also lengthen a text (क़ U+0958 becomes two code points), and
   * then the shift can pass the start: nothing fits, which is -1, not an
   * end before the text (that turned into a huge unsigned offset and lost
   * the over-the-limit finding). */
  count->valid_end = MAX ((n0 - n) + w.valid_cp - 1, -1);
  /* The same end as twitter-text reports it, to the letter: its index
   * starts at 0, so it says 0 when not even the first character is valid,
   * and NFC's shift is not clamped. */
  count->valid_end_utf16 = n0 == 0 ? -1 : ((glong) source_utf16 (source) - w.total_u16) + MAX (w.valid_u16 - 1, 0);
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
  HbCountSource *source;

  g_return_val_if_fail (method < HB_N_COUNT_METHODS && limit > 0, FALSE);
  if (len < 0)
    len = strlen (text);
  if (!hb_utf8_validate (text, len, error))
    return FALSE;
  source = hb_count_source_new (text, len, NULL);
  hb_count_source_count (source, method, limit, count);
  hb_count_source_free (source);
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
find_tags (HbCountSource *source,
           TagEnd         tag_end)
{
  const gunichar *s = source->cp;
  GArray *urls = hb_count_source_get_urls (source);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (HbSpan));
  guint next_url = 0;

  for (glong k = 0; k < source->n; k++)
    {
      glong end = tag_end (s, source->n, k);

      if (end > k && !inside (urls, &next_url, k))
        {
          HbSpan span = { k, end };

          g_array_append_val (spans, span);
          k = end - 1;
        }
    }
  return spans;
}

/**
 * hb_count_source_get_urls:
 *
 * Returns: (transfer none) (element-type HbSpan): the URLs of @source as
 *   X finds them, in code points; see hb_count_find_urls()
 */
GArray *
hb_count_source_get_urls (HbCountSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  if (source->urls == NULL)
    source->urls = spans_to_code_points (source->utf8, source_url_bytes (source), FALSE);
  return source->urls;
}

/* The text @source was made from (valid UTF-8, @len bytes). */
const char *
hb_count_source_get_text (HbCountSource *source,
                          gsize         *len)
{
  g_return_val_if_fail (source != NULL, NULL);

  if (len)
    *len = source->len;
  return source->utf8;
}

/**
 * hb_count_source_get_hashtags:
 *
 * Returns: (transfer none) (element-type HbSpan): see hb_count_find_hashtags()
 */
GArray *
hb_count_source_get_hashtags (HbCountSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  if (source->hashtags == NULL)
    source->hashtags = find_tags (source, hashtag_end);
  return source->hashtags;
}

/**
 * hb_count_source_get_mentions:
 *
 * Returns: (transfer none) (element-type HbSpan): see hb_count_find_mentions()
 */
GArray *
hb_count_source_get_mentions (HbCountSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  if (source->mentions == NULL)
    source->mentions = find_tags (source, mention_end);
  return source->mentions;
}

typedef GArray *(*SourceSearch) (HbCountSource *source);

/* @search over @text, decoded for it alone; invalid UTF-8 has nothing. */
static GArray *
search_text (const char   *text,
             gssize        len,
             SourceSearch  search)
{
  HbCountSource *source;
  GArray *found;

  if (len < 0)
    len = strlen (text);
  if (!g_utf8_validate_len (text, len, NULL))
    return g_array_new (FALSE, FALSE, sizeof (HbSpan));
  source = hb_count_source_new (text, len, NULL);
  found = g_array_ref (search (source));
  hb_count_source_free (source);
  return found;
}

/* Spans (code points) of the URLs in @text, as X finds them. */
GArray *
hb_count_find_urls (const char *text,
                    gssize      len)
{
  return search_text (text, len, hb_count_source_get_urls);
}

/* Spans of the hashtags in @text, outside URLs; invalid UTF-8 has none. */
GArray *
hb_count_find_hashtags (const char *text,
                        gssize      len)
{
  return search_text (text, len, hb_count_source_get_hashtags);
}

GArray *
hb_count_find_mentions (const char *text,
                        gssize      len)
{
  return search_text (text, len, hb_count_source_get_mentions);
}
