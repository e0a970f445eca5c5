/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-caption.c — the composed caption, exactly, in Malay and English, and
 * the map from each stretch of it back to the field or guest it came from. */
#include <string.h>

#include "hb-caption.h"

static void
add_guest (HbPost     *post,
           const char *title,
           const char *name)
{
  g_autoptr(HbGuest) guest = hb_guest_new (title, name);

  g_list_store_append (hb_post_get_guests (post), guest);
}

static HbPost *
filled_post (void)
{
  HbPost *post = hb_post_new ();

  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Program Gotong-Royong Perdana");
  hb_post_set_field (post, HB_FIELD_DATE, "2026-12-12");
  hb_post_set_field (post, HB_FIELD_START_TIME, "08:00");
  hb_post_set_field (post, HB_FIELD_END_TIME, "13:00");
  hb_post_set_field (post, HB_FIELD_VENUE, "Dewan Orang Ramai Taman Selasih");
  add_guest (post, "YB Dato' Haji", "Ahmad bin Ali");
  add_guest (post, "Tuan", "Lim Ah Kow");
  add_guest (post, "Puan", "Siti Aminah");
  hb_post_set_field (post, HB_FIELD_BODY, "Terima kasih kepada semua yang hadir.\nJumpa lagi!");
  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK #KulimBersih");
  hb_post_set_field (post, HB_FIELD_LINK, "https://www.mpkk.gov.my/ms/berita");
  return post;
}

/* The text of code points [start, end) of @s. */
static char *
slice (const char *s,
       guint       start,
       guint       end)
{
  const char *a = g_utf8_offset_to_pointer (s, start);
  const char *b = g_utf8_offset_to_pointer (s, end);

  return g_strndup (a, b - a);
}

/* The text a segment came from: a field, or a guest's display text. */
static char *
source_text (HbPost                 *post,
             const HbCaptionSegment *seg)
{
  if (seg->source < HB_N_FIELDS)
    return g_strdup (hb_post_get_field (post, seg->source));
  if (seg->source == HB_SOURCE_GUEST)
    {
      g_autoptr(HbGuest) guest = g_list_model_get_item (G_LIST_MODEL (hb_post_get_guests (post)), seg->index);

      return hb_guest_dup_display (guest);
    }
  return NULL;
}

/* Every character is covered, in order, and every non-label segment is
 * exactly the stretch of its source that field_start says. */
static void
assert_segments_consistent (HbPost          *post,
                            const HbCaption *caption)
{
  guint expected_start = 0;

  for (guint i = 0; i < caption->segments->len; i++)
    {
      const HbCaptionSegment *seg = &g_array_index (caption->segments, HbCaptionSegment, i);
      g_autofree char *in_caption = slice (caption->text, seg->start, seg->end);
      g_autofree char *source = source_text (post, seg);

      g_assert_cmpuint (seg->start, ==, expected_start);
      g_assert_cmpuint (seg->end, >, seg->start);
      expected_start = seg->end;
      if (source != NULL)
        {
          g_autofree char *in_source = slice (source, seg->field_start,
                                              seg->field_start + seg->end - seg->start);
          g_assert_cmpstr (in_caption, ==, in_source);
        }
    }
  g_assert_cmpuint (expected_start, ==, g_utf8_strlen (caption->text, -1));
}

static void
test_compose_ms (void)
{
  g_autoptr(HbPost) post = filled_post ();
  g_autoptr(HbCaption) caption = hb_caption_compose (post, HB_LANG_MS);

  g_assert_cmpstr (caption->text, ==,
                   "Program Gotong-Royong Perdana\n"
                   "\n"
                   "Tarikh: Sabtu, 12 Disember 2026\n"
                   "Masa: 8.00 pagi – 1.00 tengah hari\n"
                   "Tempat: Dewan Orang Ramai Taman Selasih\n"
                   "Tetamu: YB Dato' Haji Ahmad bin Ali, Tuan Lim Ah Kow dan Puan Siti Aminah\n"
                   "\n"
                   "Terima kasih kepada semua yang hadir.\n"
                   "Jumpa lagi!\n"
                   "\n"
                   "#MPKK #KulimBersih\n"
                   "Maklumat lanjut: https://www.mpkk.gov.my/ms/berita");
  assert_segments_consistent (post, caption);
}

static void
test_compose_en (void)
{
  g_autoptr(HbPost) post = filled_post ();
  g_autoptr(HbCaption) caption = NULL;

  hb_post_set_field (post, HB_FIELD_START_TIME, "20:00");
  hb_post_set_field (post, HB_FIELD_END_TIME, "");
  caption = hb_caption_compose (post, HB_LANG_EN);
  g_assert_cmpstr (caption->text, ==,
                   "Program Gotong-Royong Perdana\n"
                   "\n"
                   "Date: Saturday, 12 December 2026\n"
                   "Time: 8.00 pm\n"
                   "Venue: Dewan Orang Ramai Taman Selasih\n"
                   "Guests: YB Dato' Haji Ahmad bin Ali, Tuan Lim Ah Kow and Puan Siti Aminah\n"
                   "\n"
                   "Terima kasih kepada semua yang hadir.\n"
                   "Jumpa lagi!\n"
                   "\n"
                   "#MPKK #KulimBersih\n"
                   "More information: https://www.mpkk.gov.my/ms/berita");
  assert_segments_consistent (post, caption);
}

static void
test_empty_lines_omitted (void)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbCaption) empty = hb_caption_compose (post, HB_LANG_MS);
  g_autoptr(HbCaption) body_only = NULL;
  g_autoptr(HbCaption) sparse = NULL;

  g_assert_cmpstr (empty->text, ==, "");
  g_assert_cmpuint (empty->segments->len, ==, 0);
  g_assert_null (hb_caption_locate (empty, 0));

  hb_post_set_field (post, HB_FIELD_BODY, "  Kononnya ada buaya.  \n");
  body_only = hb_caption_compose (post, HB_LANG_MS);
  g_assert_cmpstr (body_only->text, ==, "Kononnya ada buaya.");
  assert_segments_consistent (post, body_only);
  g_assert_cmpuint (g_array_index (body_only->segments, HbCaptionSegment, 0).field_start, ==, 2);

  /* No name, end time without a start, blank guest rows, no link. */
  add_guest (post, "", "");
  add_guest (post, "Encik", "Rahman");
  hb_post_set_field (post, HB_FIELD_END_TIME, "13:00");
  hb_post_set_field (post, HB_FIELD_VENUE, "Dataran Kulim");
  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK");
  sparse = hb_caption_compose (post, HB_LANG_MS);
  g_assert_cmpstr (sparse->text, ==,
                   "Tempat: Dataran Kulim\n"
                   "Tetamu: Encik Rahman\n"
                   "\n"
                   "Kononnya ada buaya.\n"
                   "\n"
                   "#MPKK");
  assert_segments_consistent (post, sparse);
  for (guint i = 0; i < sparse->segments->len; i++)
    {
      const HbCaptionSegment *seg = &g_array_index (sparse->segments, HbCaptionSegment, i);

      /* The second row keeps its own position. */
      if (seg->source == HB_SOURCE_GUEST)
        g_assert_cmpuint (seg->index, ==, 1);
    }
}

static void
test_two_guests (void)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbCaption) ms = NULL;
  g_autoptr(HbCaption) en = NULL;

  add_guest (post, "YB", "Ahmad");
  add_guest (post, "", "Siti");
  ms = hb_caption_compose (post, HB_LANG_MS);
  en = hb_caption_compose (post, HB_LANG_EN);
  g_assert_cmpstr (ms->text, ==, "Tetamu: YB Ahmad dan Siti");
  g_assert_cmpstr (en->text, ==, "Guests: YB Ahmad and Siti");
}

static void
test_segments_and_locate (void)
{
  g_autoptr(HbPost) post = filled_post ();
  g_autoptr(HbCaption) caption = hb_caption_compose (post, HB_LANG_MS);
  guint n = g_utf8_strlen (caption->text, -1);
  const char *siti = strstr (caption->text, "Siti");
  guint siti_at = g_utf8_pointer_to_offset (caption->text, siti);
  const HbCaptionSegment *seg;

  /* Binary search agrees with a walk for every offset. */
  for (guint off = 0; off < n; off++)
    {
      const HbCaptionSegment *found = hb_caption_locate (caption, off);

      g_assert_nonnull (found);
      g_assert_cmpuint (found->start, <=, off);
      g_assert_cmpuint (off, <, found->end);
    }
  g_assert_nonnull (hb_caption_locate (caption, n));
  g_assert_null (hb_caption_locate (caption, n + 1));

  seg = hb_caption_locate (caption, 0);
  g_assert_cmpuint (seg->source, ==, HB_FIELD_EVENT_NAME);
  /* "Tarikh: Sabtu, …" and the line breaks are the composer's. */
  seg = hb_caption_locate (caption, g_utf8_pointer_to_offset (caption->text, strstr (caption->text, "Sabtu")));
  g_assert_cmpuint (seg->source, ==, HB_SOURCE_LABEL);
  /* "Siti" sits in the third guest's display text "Puan Siti Aminah" at 5. */
  seg = hb_caption_locate (caption, siti_at);
  g_assert_cmpuint (seg->source, ==, HB_SOURCE_GUEST);
  g_assert_cmpuint (seg->index, ==, 2);
  g_assert_cmpuint (seg->field_start + siti_at - seg->start, ==, 5);
  seg = hb_caption_locate (caption, g_utf8_pointer_to_offset (caption->text, strstr (caption->text, "Jumpa")));
  g_assert_cmpuint (seg->source, ==, HB_FIELD_BODY);
  g_assert_cmpuint (seg->field_start + g_utf8_pointer_to_offset (caption->text, strstr (caption->text, "Jumpa")) - seg->start,
                    ==, 38);
  seg = hb_caption_locate (caption, g_utf8_pointer_to_offset (caption->text, strstr (caption->text, "https")));
  g_assert_cmpuint (seg->source, ==, HB_FIELD_LINK);
}

static void
test_unreadable_date_kept (void)
{
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbCaption) caption = NULL;

  hb_post_set_field (post, HB_FIELD_DATE, "esok");
  hb_post_set_field (post, HB_FIELD_START_TIME, "lepas Asar");
  caption = hb_caption_compose (post, HB_LANG_MS);
  g_assert_cmpstr (caption->text, ==, "Tarikh: esok\nMasa: lepas Asar");
  assert_segments_consistent (post, caption);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/caption/compose-ms", test_compose_ms);
  g_test_add_func ("/caption/compose-en", test_compose_en);
  g_test_add_func ("/caption/empty-lines-omitted", test_empty_lines_omitted);
  g_test_add_func ("/caption/two-guests", test_two_guests);
  g_test_add_func ("/caption/segments-and-locate", test_segments_and_locate);
  g_test_add_func ("/caption/unreadable-date-kept", test_unreadable_date_kept);
  return g_test_run ();
}
