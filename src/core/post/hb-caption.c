/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-caption.c — composes the caption from the post's fields, with a map from every stretch of it back to its source. */
#include "config.h"

#include "hb-caption.h"

#include <string.h>

#include "hb-datetime.h"
#include "hb-text.h"

/* The labels follow the post's language, not the UI's: a Malay officer
 * may write an English post.  So they are data here, not gettext. */
typedef enum
{
  LABEL_DATE,
  LABEL_TIME,
  LABEL_VENUE,
  LABEL_GUESTS,
  LABEL_MORE,
  LABEL_AND,
  N_LABELS,
} Label;

static const char * const labels[HB_N_LANGS][N_LABELS] = {
  { "Tarikh: ", "Masa: ", "Tempat: ", "Tetamu: ", "Maklumat lanjut: ", " dan " },
  { "Date: ", "Time: ", "Venue: ", "Guests: ", "More information: ", " and " },
};

typedef struct
{
  GString *text;
  GArray  *segments;
  guint    n_chars;     /* code points in @text */
  gboolean blank_due;   /* the next line starts a new block: a blank line first */
} Builder;

/* Appends @len bytes of @str as one segment; adjacent label stretches are
 * merged, so the map stays short. */
static void
append (Builder    *b,
        guint       source,
        guint       index,
        const char *str,
        gssize      len,
        guint       field_start)
{
  HbCaptionSegment seg = { source, index, b->n_chars, 0, field_start };
  guint n;

  if (len < 0)
    len = strlen (str);
  if (len == 0)
    return;
  n = g_utf8_strlen (str, len);
  g_string_append_len (b->text, str, len);
  b->n_chars += n;
  if (source == HB_SOURCE_LABEL && b->segments->len > 0)
    {
      HbCaptionSegment *last = &g_array_index (b->segments, HbCaptionSegment, b->segments->len - 1);

      if (last->source == HB_SOURCE_LABEL)
        {
          last->end = b->n_chars;
          return;
        }
    }
  seg.end = b->n_chars;
  g_array_append_val (b->segments, seg);
}

static void
append_label (Builder    *b,
              const char *str)
{
  append (b, HB_SOURCE_LABEL, 0, str, -1, 0);
}

/* Lines of a block are separated by a newline, blocks by a blank line;
 * the blank line is only written once the next block has a line, so empty
 * blocks leave no trace. */
static void
begin_line (Builder *b)
{
  if (b->text->len == 0)
    return;
  append_label (b, b->blank_due ? "\n\n" : "\n");
  b->blank_due = FALSE;
}

static void
begin_block (Builder *b)
{
  b->blank_due = b->text->len > 0;
}

/* Appends @value without the white space around it, remembering where in
 * the field the kept text starts. */
static void
append_field_text (Builder    *b,
                   guint       source,
                   guint       index,
                   const char *value)
{
  const char *start = value, *end = value + strlen (value);
  guint skipped = 0;

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start), skipped++;
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  append (b, source, index, start, end - start, skipped);
}

/* "Label: value" for a plain field; nothing when the field is empty. */
static void
add_field_line (Builder    *b,
                HbPost     *post,
                const char *label,
                HbField     field)
{
  const char *value = hb_post_get_field (post, field);

  if (hb_text_is_blank (value))
    return;
  begin_line (b);
  if (label)
    append_label (b, label);
  append_field_text (b, field, 0, value);
}

/* The date as "Sabtu, 12 Disember 2026"; a date that does not read is
 * shown as typed, so the officer sees it rather than losing it. */
static void
add_date_line (Builder *b,
               HbPost  *post,
               HbLang   lang)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *formatted = NULL;

  if (hb_text_is_blank (hb_post_get_field (post, HB_FIELD_DATE)))
    return;
  if (!hb_date_parse (hb_post_get_field (post, HB_FIELD_DATE), &date))
    {
      add_field_line (b, post, labels[lang][LABEL_DATE], HB_FIELD_DATE);
      return;
    }
  formatted = hb_format_date (date, lang);
  begin_line (b);
  append_label (b, labels[lang][LABEL_DATE]);
  append_label (b, formatted);
}

static void
add_time_line (Builder *b,
               HbPost  *post,
               HbLang   lang)
{
  g_autofree char *range = NULL;
  const char *end;

  if (hb_text_is_blank (hb_post_get_field (post, HB_FIELD_START_TIME)))
    return;
  range = hb_format_time_range (hb_post_get_field (post, HB_FIELD_START_TIME),
                                hb_post_get_field (post, HB_FIELD_END_TIME), lang);
  if (range == NULL)
    {
      /* Shown as typed, never dropped: the time-unreadable check says so. */
      add_field_line (b, post, labels[lang][LABEL_TIME], HB_FIELD_START_TIME);
      end = hb_post_get_field (post, HB_FIELD_END_TIME);
      if (!hb_text_is_blank (end))
        {
          int h, m;

          append_label (b, " – ");
          if (hb_time_parse (end, &h, &m))
            {
              g_autofree char *formatted = hb_format_time (h, m, lang);
              append_label (b, formatted);
            }
          else
            append_field_text (b, HB_FIELD_END_TIME, 0, end);
        }
      return;
    }
  begin_line (b);
  append_label (b, labels[lang][LABEL_TIME]);
  append_label (b, range);
  end = hb_post_get_field (post, HB_FIELD_END_TIME);
  if (!hb_text_is_blank (end) && !hb_time_parse (end, NULL, NULL))
    {
      /* An end time that does not read is kept as typed after the start. */
      append_label (b, " – ");
      append_field_text (b, HB_FIELD_END_TIME, 0, end);
    }
}

/* "A, B dan C": each guest's display text ("YB Dato' Haji Ahmad") is a
 * segment of that guest, so a finding in a name leads back to its row. */
static void
add_guests_line (Builder *b,
                 HbPost  *post,
                 HbLang   lang)
{
  GListModel *guests = G_LIST_MODEL (hb_post_get_guests (post));
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) index = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(HbGuest) guest = g_list_model_get_item (guests, i);
      char *display = hb_guest_dup_display (guest);

      if (hb_text_is_blank (display))
        {
          g_free (display);
          continue;
        }
      g_ptr_array_add (shown, display);
      g_array_append_val (index, i);
    }
  if (shown->len == 0)
    return;
  begin_line (b);
  append_label (b, labels[lang][LABEL_GUESTS]);
  for (guint k = 0; k < shown->len; k++)
    {
      if (k > 0)
        append_label (b, k == shown->len - 1 ? labels[lang][LABEL_AND] : ", ");
      append_field_text (b, HB_SOURCE_GUEST, g_array_index (index, guint, k), shown->pdata[k]);
    }
}

/* The event name; a blank line; Tarikh, Masa, Tempat, Tetamu; a blank
 * line; the body; a blank line; hashtags and the link.  Empty lines and
 * empty blocks are left out, and no line ends in a space. */
HbCaption *
hb_caption_compose (HbPost *post,
                    HbLang  lang)
{
  Builder b = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (HbCaptionSegment)), 0, FALSE };
  HbCaption *caption = g_new0 (HbCaption, 1);

  g_return_val_if_fail (HB_IS_POST (post), NULL);
  if (lang >= HB_N_LANGS)
    lang = HB_LANG_MS;

  add_field_line (&b, post, NULL, HB_FIELD_EVENT_NAME);
  begin_block (&b);
  add_date_line (&b, post, lang);
  add_time_line (&b, post, lang);
  add_field_line (&b, post, labels[lang][LABEL_VENUE], HB_FIELD_VENUE);
  add_guests_line (&b, post, lang);
  begin_block (&b);
  add_field_line (&b, post, NULL, HB_FIELD_BODY);
  begin_block (&b);
  add_field_line (&b, post, NULL, HB_FIELD_HASHTAGS);
  add_field_line (&b, post, labels[lang][LABEL_MORE], HB_FIELD_LINK);

  caption->text = g_string_free (b.text, FALSE);
  caption->segments = b.segments;
  return caption;
}

/* The segment holding code point @offset, by binary search; the end of the
 * caption belongs to the last segment.  NULL past the end. */
const HbCaptionSegment *
hb_caption_locate (const HbCaption *caption,
                   guint            offset)
{
  guint lo = 0, hi;
  const HbCaptionSegment *segs;

  g_return_val_if_fail (caption != NULL, NULL);
  hi = caption->segments->len;
  segs = (const HbCaptionSegment *) caption->segments->data;
  if (hi == 0 || offset > segs[hi - 1].end)
    return NULL;
  if (offset == segs[hi - 1].end)
    return &segs[hi - 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (offset < segs[mid].start)
        hi = mid;
      else if (offset >= segs[mid].end)
        lo = mid + 1;
      else
        return &segs[mid];
    }
  return NULL;
}

void
hb_caption_free (HbCaption *caption)
{
  if (caption == NULL)
    return;
  g_free (caption->text);
  g_clear_pointer (&caption->segments, g_array_unref);
  g_free (caption);
}
