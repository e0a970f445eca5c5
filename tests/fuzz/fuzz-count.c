/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-count.c — libFuzzer target: counting a caption as each platform
 * counts it, and finding its URLs, hashtags and mentions.
 *
 * The first two bytes choose the limit, the rest is the text.  Beyond not
 * crashing, the results must be consistent with the text: spans in order
 * and inside it, a code-point count equal to its length, "valid" exactly
 * when the length is within the limit, ranges that end inside the text.
 */
#include "hb-count.h"
#include "hb-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hb_fuzz_init ();
  return 0;
}

static void
check_spans (GArray *spans,
             glong   n_chars)
{
  guint last_end = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const HbSpan *s = &g_array_index (spans, HbSpan, i);

      g_assert_cmpuint (s->start, >=, last_end);
      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpint (s->end, <=, n_chars);
      last_end = s->end;
    }
}

static void
check_count (const char    *text,
             gsize          len,
             HbCountMethod  method,
             guint          limit,
             glong          n_chars)
{
  g_autoptr(GError) error = NULL;
  HbCount c;

  g_assert_true (hb_count_text (text, len, method, limit, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.limit, ==, limit);
  g_assert_cmpint (c.display_end, ==, n_chars - 1);
  g_assert_cmpint (c.valid_end, <=, c.display_end);
  g_assert_cmpint (c.valid_end, >=, -1);
  g_assert_cmpint (c.valid_end_utf16, <=, c.display_end_utf16);
  if (method == HB_COUNT_CODE_POINTS)
    g_assert_cmpint (c.length, ==, n_chars);
  if (c.valid)
    g_assert_cmpuint (c.length, <=, limit);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data + 2;
  gsize len = size - 2;
  g_autoptr(GArray) urls = NULL, hashtags = NULL, mentions = NULL;
  guint limit;
  glong n_chars;

  if (size < 2)
    return 0;
  limit = 1 + (data[0] << 8 | data[1]);
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_autoptr(GError) error = NULL;
      HbCount c;

      g_assert_false (hb_count_text (text, len, HB_COUNT_TWITTER_V3, limit, &c, &error));
      g_assert_nonnull (error);
      return 0;
    }
  n_chars = g_utf8_strlen (text, len);
  for (HbCountMethod m = 0; m < HB_N_COUNT_METHODS; m++)
    check_count (text, len, m, limit, n_chars);
  check_spans (urls = hb_count_find_urls (text, len), n_chars);
  check_spans (hashtags = hb_count_find_hashtags (text, len), n_chars);
  check_spans (mentions = hb_count_find_mentions (text, len), n_chars);
  return 0;
}
