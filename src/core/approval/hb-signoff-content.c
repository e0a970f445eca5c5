/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-signoff-content.c — what the sign-off sheet says: the post, its
 * media, the checklist, overrides and acknowledgements, the policy and
 * the signature boxes, as blocks (hb-signoff-render.c lays them out). */
#include "config.h"

#include <glib/gi18n.h>

#include "hb-caption.h"
#include "hb-datetime.h"
#include "hb-draft.h"
#include "hb-media.h"
#include "hb-platforms.h"
#include "hb-post-lint.h"
#include "hb-signoff-private.h"

/* ------------------------------------------------------------------ */
/* Fixed texts, in the post's language (not the UI's: no gettext)      */

const char * const hb_signoff_strings[N_STRINGS][HB_N_LANGS] = {
  [S_SHEET_TITLE] = { "Lembaran Pengesahan Hantaran Media Sosial", "Social Media Post Sign-off Sheet" },
  [S_SUMMARY] = { "Ringkasan hantaran", "Post summary" },
  [S_POST_TYPE] = { "Jenis hantaran", "Type of post" },
  [S_LANGUAGE] = { "Bahasa hantaran", "Language of the post" },
  [S_PLATFORMS] = { "Platform", "Platforms" },
  [S_PROGRAMME] = { "Nama program/acara", "Programme/event" },
  [S_DATE] = { "Tarikh", "Date" },
  [S_TIME] = { "Masa", "Time" },
  [S_VENUE] = { "Tempat", "Venue" },
  [S_GUESTS] = { "Tetamu", "Guests" },
  [S_LINK] = { "Pautan laman web rasmi", "Official website link" },
  [S_HASHTAGS] = { "Tanda pagar", "Hashtags" },
  [S_CAPTION] = { "Kapsyen penuh", "Full caption" },
  [S_OWN_CAPTION] = { "Kapsyen khas untuk %s", "Caption written for %s" },
  [S_MEDIA] = { "Foto dan video (%s)", "Photos and videos (%s)" },
  [S_NO_MEDIA] = { "Tiada foto atau video.", "No photos or videos." },
  [S_PHOTO] = { "Foto", "Photo" },
  [S_VIDEO] = { "Video", "Video" },
  [S_ALT_TEXT] = { "Teks alternatif", "Alt text" },
  [S_NO_ALT_TEXT] = { "(tiada teks alternatif)", "(no alt text)" },
  [S_MEDIA_CAPTION] = { "Kapsyen", "Caption" },
  [S_NO_THUMBNAIL] = { "Lakaran kecil tidak dapat dipaparkan: %s", "No thumbnail could be shown: %s" },
  [S_CHECKLIST] = { "Senarai semak garis panduan", "Guideline checklist" },
  [S_CHECKLIST_COUNT] = { "%s daripada %s perkara lengkap", "%s of %s items complete" },
  [S_NOT_EVALUATED] = { "Senarai semak belum dinilai.", "The checklist has not been evaluated." },
  [S_COL_ITEM] = { "Perkara", "Item" },
  [S_COL_CLAUSE] = { "Klausa", "Clause" },
  [S_COL_STATUS] = { "Status", "Status" },
  [S_COL_WHO] = { "Oleh / tarikh", "By / when" },
  [S_NOTE] = { "Catatan", "Note" },
  [S_JUSTIFICATION] = { "Justifikasi", "Justification" },
  [S_DATES] = { "Tarikh", "Dates" },
  [S_OVERRIDES] = { "Pengecualian dan dapatan yang diperakui", "Overrides and acknowledged findings" },
  [S_NONE] = { "Tiada.", "None." },
  [S_OVERRIDDEN_ITEM] = { "Perkara senarai semak diketepikan", "Checklist item overridden" },
  [S_CLAUSE] = { "klausa", "clause" },
  [S_ACK_TEXT] = { "Teks", "Text" },
  [S_REASON] = { "Sebab", "Reason" },
  [S_POLICY] = { "Garis panduan dan pakej hantaran", "Guideline and bundle" },
  [S_GUIDELINE] = { "Garis panduan", "Guideline" },
  [S_POLICY_VERSION] = { "Versi pakej dasar", "Policy pack version" },
  [S_POLICY_SHA] = { "SHA-256 pakej dasar", "Policy pack SHA-256" },
  [S_MANIFEST_SHA] = { "SHA-256 manifest.json", "SHA-256 of manifest.json" },
  [S_NOT_EXPORTED] = { "Belum dieksport", "Not exported yet" },
  [S_PRINTED] = { "Dicetak pada", "Printed on" },
  [S_SIGNOFF] = { "Pengesahan", "Sign-off" },
  [S_PREPARED] = { "Disediakan oleh", "Prepared by" },
  [S_REVIEWED] = { "Disemak oleh", "Reviewed by" },
  [S_APPROVED] = { "Diluluskan oleh", "Approved by" },
  [S_NAME] = { "Nama", "Name" },
  [S_POSITION] = { "Jawatan", "Position" },
  [S_SIGNATURE] = { "Tandatangan", "Signature" },
  [S_PAGE_OF] = { "Muka surat %s daripada %s", "Page %s of %s" },
  [S_SEV_INFO] = { "makluman", "note" },
  [S_SEV_WARNING] = { "amaran", "warning" },
  [S_SEV_ERROR] = { "ralat", "error" },
  [S_AUTO_CHECK] = { "Semakan automatik", "Automatic check" },
};

static const char * const state_names[][HB_N_LANGS] = {
  /* What the software checked, never worded like an officer's tick. */
  [HB_ITEM_PASS] = { "Lulus semakan automatik", "Passed automatic check" },
  [HB_ITEM_FAIL] = { "Gagal", "Fail" },
  [HB_ITEM_OVERRIDDEN] = { "Diketepikan (justifikasi)", "Overridden (justified)" },
  [HB_ITEM_UNANSWERED] = { "Belum disahkan", "Not confirmed" },
  [HB_ITEM_CONFIRMED] = { "Disahkan oleh pegawai", "Confirmed by an officer" },
  [HB_ITEM_STALE] = { "Perlu disahkan semula", "To be confirmed again" },
  [HB_ITEM_NOT_APPLICABLE] = { "Tidak berkaitan", "Not applicable" },
  [HB_ITEM_PENDING] = { "Belum disemak", "Not checked yet" },
};

static const char * const type_names[HB_N_POST_TYPES][HB_N_LANGS] = {
  [HB_POST_EVENT_REPORT] = { "Laporan acara", "Event report" },
  [HB_POST_ANNOUNCEMENT] = { "Pengumuman", "Announcement" },
  [HB_POST_CORRECTION] = { "Pembetulan", "Correction" },
  [HB_POST_REPLY] = { "Balasan kepada komen", "Reply to a comment" },
};

static const char * const lang_names[HB_N_LANGS][HB_N_LANGS] = {
  [HB_LANG_MS] = { "Bahasa Melayu", "Malay" },
  [HB_LANG_EN] = { "Bahasa Inggeris", "English" },
};

/* The tables' templates have "%s" holes, filled here rather than by
 * printf so that every printf format stays a checked literal. */
char *
_hb_signoff_fill (const char *tmpl,
      const char *a,
      const char *b)
{
  const char *args[] = { a, b };
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (const char *p = tmpl; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's' && n < G_N_ELEMENTS (args))
        {
          g_string_append (s, args[n++]);
          p++;
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

char *
_hb_signoff_fill_numbers (const char *tmpl,
              guint       a,
              guint       b)
{
  char na[16], nb[16];

  g_snprintf (na, sizeof na, "%u", a);
  g_snprintf (nb, sizeof nb, "%u", b);
  return _hb_signoff_fill (tmpl, na, nb);
}

void
_hb_signoff_block_free (Block *block)
{
  for (guint i = 0; i < G_N_ELEMENTS (block->text); i++)
    g_free (block->text[i]);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_free (block);
}

void
_hb_signoff_cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->image, cairo_surface_destroy);
}

void
_hb_signoff_box_free (Box *box)
{
  g_array_unref (box->cells);
  g_free (box);
}

static Block *
add_block (HbSignoff  *self,
           BlockKind   kind,
           const char *t0,
           const char *t1)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text[0] = g_strdup (t0);
  block->text[1] = g_strdup (t1);
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* Plain text in, markup out: everything on the sheet is typed by people. */
static void
add_heading (HbSignoff  *self,
             const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  add_block (self, BLOCK_HEADING, markup, NULL);
}

static void
add_row (HbSignoff  *self,
         const char *key,
         const char *value)
{
  g_autofree char *k = g_markup_escape_text (key, -1);
  g_autofree char *v = g_markup_escape_text (value && *value ? value : "—", -1);

  add_block (self, BLOCK_ROW, k, v);
}

static void
add_paragraph (HbSignoff  *self,
               const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  add_block (self, BLOCK_PARAGRAPH, markup, NULL);
}

/* ------------------------------------------------------------------ */
/* Building the blocks from the post                                  */

static char *
format_when (GDateTime *when,
             HbLang     lang)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL, *time = NULL;

  if (when == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (when);
  date = hb_format_date (local, lang);
  time = hb_format_time (g_date_time_get_hour (local), g_date_time_get_minute (local), lang);
  return g_strdup_printf ("%s, %s", date, time);
}

static char *
platform_names (HbPost *post)
{
  const char * const *ids = hb_post_get_platforms (post);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; ids && ids[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (hb_platforms_get_default (), ids[i]);

      g_strv_builder_add (names, p ? p->name : ids[i]);
    }
  list = g_strv_builder_end (names);
  return g_strjoinv (", ", list);
}

static char *
guest_lines (HbPost *post)
{
  GListModel *guests = G_LIST_MODEL (hb_post_get_guests (post));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(HbGuest) guest = g_list_model_get_item (guests, i);
      g_autofree char *display = hb_guest_dup_display (guest);

      g_string_append_printf (s, "%s%u. %s", i ? "\n" : "", i + 1, display);
    }
  return g_string_free (s, FALSE);
}

static void
build_summary (HbSignoff *self,
               HbPost    *post)
{
  g_autoptr(GDateTime) date = hb_post_dup_date (post);
  g_autofree char *date_text = date ? hb_format_date (date, self->lang) : NULL;
  g_autofree char *time_text = NULL, *platforms = platform_names (post);
  g_autofree char *guests = guest_lines (post);
  const char *start = hb_post_get_field (post, HB_FIELD_START_TIME);

  if (*start)
    time_text = hb_format_time_range (start, hb_post_get_field (post, HB_FIELD_END_TIME), self->lang);
  add_heading (self, T (self, S_SUMMARY));
  add_row (self, T (self, S_POST_TYPE), type_names[hb_post_get_post_type (post)][self->lang]);
  add_row (self, T (self, S_LANGUAGE), lang_names[hb_post_get_language (post)][self->lang]);
  add_row (self, T (self, S_PLATFORMS), platforms);
  add_row (self, T (self, S_PROGRAMME), hb_post_get_field (post, HB_FIELD_EVENT_NAME));
  add_row (self, T (self, S_DATE), date_text ? date_text : hb_post_get_field (post, HB_FIELD_DATE));
  add_row (self, T (self, S_TIME), time_text);
  add_row (self, T (self, S_VENUE), hb_post_get_field (post, HB_FIELD_VENUE));
  add_row (self, T (self, S_GUESTS), guests);
  add_row (self, T (self, S_LINK), hb_post_get_field (post, HB_FIELD_LINK));
  add_row (self, T (self, S_HASHTAGS), hb_post_get_field (post, HB_FIELD_HASHTAGS));
}

/* The composed caption, then any caption written for one platform: each
 * is what will be published, so each is on the paper. */
static void
build_captions (HbSignoff *self,
                HbPost    *post)
{
  g_autoptr(HbCaption) caption = hb_caption_compose (post, self->lang);
  const char * const *ids = hb_platform_ids ();

  add_heading (self, T (self, S_CAPTION));
  add_paragraph (self, caption->text);
  for (guint i = 0; ids[i]; i++)
    {
      const char *own = hb_post_get_caption_override (post, ids[i]);
      const HbPlatform *p = hb_platforms_lookup (hb_platforms_get_default (), ids[i]);
      g_autofree char *title = NULL;

      if (own == NULL || *own == '\0' || !hb_post_has_platform (post, ids[i]))
        continue;
      title = _hb_signoff_fill (T (self, S_OWN_CAPTION), p ? p->name : ids[i], NULL);
      add_heading (self, title);
      add_paragraph (self, own);
    }
}

/* Cairo wants premultiplied native-endian ARGB; GdkPixbuf has RGB(A) bytes. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  guchar *dest = cairo_image_surface_get_data (surface);
  int dstride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = pixels + y * stride + x * n;
        guint a = n == 4 ? p[3] : 255;
        guint32 *d = (guint32 *) (gpointer) (dest + y * dstride + x * 4);

        *d = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* A thumbnail, or NULL with @note saying why there is none. */
static cairo_surface_t *
load_thumbnail (HbMediaItem  *item,
                char        **note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HbMediaInfo) info = NULL;

  /* Videos are never decoded here, and hashing one could take long. */
  if (hb_media_item_get_kind (item) == HB_MEDIA_VIDEO)
    return NULL;
  info = hb_media_load (hb_media_item_get_path (item), HB_SIGNOFF_THUMB_SIZE, NULL, &error);
  if (info == NULL)
    {
      *note = g_strdup (error->message);
      return NULL;
    }
  return info->thumbnail ? surface_from_pixbuf (info->thumbnail) : NULL;
}

static char *
media_markup (HbSignoff   *self,
              HbMediaItem *item,
              guint        i,
              const char  *note)
{
  g_autofree char *name = g_filename_display_basename (hb_media_item_get_path (item));
  const char *alt = hb_media_item_get_alt_text (item);
  const char *caption = hb_media_item_get_caption (item);
  gboolean photo = hb_media_item_get_kind (item) == HB_MEDIA_PHOTO;
  GString *s = g_string_new (NULL);
  g_autofree char *head = g_markup_printf_escaped ("<b>%u. %s</b> — %s\n<b>%s:</b> %s",
                                                   i + 1, name, T (self, photo ? S_PHOTO : S_VIDEO),
                                                   T (self, S_ALT_TEXT),
                                                   alt && *alt ? alt : T (self, S_NO_ALT_TEXT));

  g_string_append (s, head);
  if (caption && *caption)
    {
      g_autofree char *c = g_markup_printf_escaped ("\n<b>%s:</b> %s", T (self, S_MEDIA_CAPTION), caption);
      g_string_append (s, c);
    }
  if (note)
    {
      g_autofree char *why = _hb_signoff_fill (T (self, S_NO_THUMBNAIL), note, NULL);
      g_autofree char *n = g_markup_printf_escaped ("\n<i>%s</i>", why);
      g_string_append (s, n);
    }
  return g_string_free (s, FALSE);
}

static void
build_media (HbSignoff *self,
             HbPost    *post,
             GPtrArray *thumbnails)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (post));
  guint n = g_list_model_get_n_items (media);
  g_autofree char *title = _hb_signoff_fill_numbers (T (self, S_MEDIA), n, 0);

  add_heading (self, title);
  if (n == 0)
    add_paragraph (self, T (self, S_NO_MEDIA));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);
      g_autofree char *note = NULL, *markup = NULL;
      GdkPixbuf *made = thumbnails && i < thumbnails->len ? thumbnails->pdata[i] : NULL;
      cairo_surface_t *image = made ? surface_from_pixbuf (made) : load_thumbnail (item, &note);
      Block *block;

      markup = media_markup (self, item, i, note);
      block = add_block (self, BLOCK_MEDIA, markup, NULL);
      block->image = image;
    }
}

/* The smaller lines under an item's label: what the automatic check
 * found, why the item fails or does not apply, the officer's note or
 * justification, the dates given as evidence. */
static void
append_item_details (HbSignoff           *self,
                     GString             *s,
                     const HbCheckStatus *st)
{
  const char *label = st->state == HB_ITEM_OVERRIDDEN ? T (self, S_JUSTIFICATION) : T (self, S_NOTE);

  if (st->automatic && st->auto_passed && st->auto_result && *st->auto_result)
    {
      g_autofree char *m = g_markup_printf_escaped ("\n<span size='smaller'><b>%s:</b> %s</span>",
                                                    T (self, S_AUTO_CHECK), st->auto_result);
      g_string_append (s, m);
    }
  if (st->reason && *st->reason)
    {
      g_autofree char *m = st->state == HB_ITEM_NOT_APPLICABLE
        ? g_markup_printf_escaped ("\n<span size='smaller'>%s</span>", st->reason)
        : g_markup_printf_escaped ("\n<span size='smaller' foreground='#8a1c1c'>%s</span>", st->reason);
      g_string_append (s, m);
    }
  if (st->note && *st->note)
    {
      g_autofree char *m = g_markup_printf_escaped ("\n<span size='smaller'><b>%s:</b> %s</span>",
                                                    label, st->note);
      g_string_append (s, m);
    }
  for (guint i = 0; st->dates && st->dates[i]; i++)
    {
      g_autoptr(GDateTime) d = NULL;
      g_autofree char *text = hb_date_parse (st->dates[i], &d) ? hb_format_date (d, self->lang)
                                                                : g_strdup (st->dates[i]);
      g_autofree char *m = g_markup_printf_escaped ("\n<span size='smaller'>%s: %s</span>",
                                                    T (self, S_DATES), text);
      g_string_append (s, m);
    }
}

static void
add_item (HbSignoff           *self,
          const HbCheckStatus *st)
{
  GString *label = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (st->item->label[self->lang], -1);
  g_autofree char *when = format_when (st->when, self->lang);
  const char *state = state_names[st->state][self->lang];
  Block *block;

  g_string_append (label, name);
  append_item_details (self, label, st);
  block = add_block (self, BLOCK_ITEM, label->str, NULL);
  g_string_free (label, TRUE);
  block->text[1] = g_markup_escape_text (st->item->clause, -1);
  block->text[2] = st->complete ? g_markup_escape_text (state, -1)
                                : g_markup_printf_escaped ("<span foreground='#8a1c1c'><b>%s</b></span>", state);
  if (st->who || st->when)
    block->text[3] = g_markup_printf_escaped ("%s\n<span size='smaller'>%s</span>",
                                              st->who ? st->who : "", when);
}

static void
build_checklist (HbSignoff *self,
                 GPtrArray *statuses)
{
  g_autofree char *count = NULL, *title = NULL;
  Block *head;

  if (statuses == NULL)
    {
      add_heading (self, T (self, S_CHECKLIST));
      add_paragraph (self, T (self, S_NOT_EVALUATED));
      return;
    }
  count = _hb_signoff_fill_numbers (T (self, S_CHECKLIST_COUNT),
                        hb_checklist_n_complete (statuses), hb_checklist_n_items (statuses));
  title = g_strdup_printf ("%s (%s)", T (self, S_CHECKLIST), count);
  add_heading (self, title);
  head = add_block (self, BLOCK_TABLE_HEAD, T (self, S_COL_ITEM), T (self, S_COL_CLAUSE));
  head->text[2] = g_strdup (T (self, S_COL_STATUS));
  head->text[3] = g_strdup (T (self, S_COL_WHO));
  for (guint i = 0; i < statuses->len; i++)
    add_item (self, statuses->pdata[i]);
}

static const char *
severity_name (HbSignoff  *self,
               HbSeverity  severity)
{
  switch (severity)
    {
    case HB_SEVERITY_ERROR: return T (self, S_SEV_ERROR);
    case HB_SEVERITY_WARNING: return T (self, S_SEV_WARNING);
    case HB_SEVERITY_INFO:
    default: return T (self, S_SEV_INFO);
    }
}

static guint
add_overrides (HbSignoff *self,
               GPtrArray *statuses)
{
  guint n = 0;

  for (guint i = 0; statuses && i < statuses->len; i++)
    {
      const HbCheckStatus *st = statuses->pdata[i];
      g_autofree char *when = NULL, *markup = NULL;

      if (st->state != HB_ITEM_OVERRIDDEN)
        continue;
      when = format_when (st->when, self->lang);
      markup = g_markup_printf_escaped ("<b>%s: %s</b> (%s %s)\n<b>%s:</b> %s\n%s — %s",
                                        T (self, S_OVERRIDDEN_ITEM), st->item->label[self->lang],
                                        T (self, S_CLAUSE), st->item->clause,
                                        T (self, S_JUSTIFICATION), st->note ? st->note : "—",
                                        st->who ? st->who : "—", when);
      add_block (self, BLOCK_NOTE, markup, NULL);
      n++;
    }
  return n;
}

static const HbFinding *
find_acknowledged (GPtrArray  *findings,
                   const HbAck *ack)
{
  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];

      if (g_strcmp0 (hb_finding_get_rule_id (pf->finding), ack->rule) == 0 &&
          g_strcmp0 (pf->finding->text, ack->text) == 0)
        return pf->finding;
    }
  return NULL;
}

/* Every acknowledgement the post carries, with the rule's message when
 * the finding still occurs. */
static guint
add_acks (HbSignoff *self,
          HbPost    *post,
          GPtrArray *findings)
{
  GPtrArray *acks = hb_post_get_acks (post);

  for (guint i = 0; acks && i < acks->len; i++)
    {
      const HbAck *ack = acks->pdata[i];
      const HbFinding *f = find_acknowledged (findings, ack);
      g_autofree char *when = format_when (ack->when, self->lang);
      g_autofree char *head = NULL, *rest = NULL, *markup = NULL;

      if (f)
        head = g_markup_printf_escaped ("<b>%s</b> (%s %s, %s)", hb_finding_get_message (f, self->lang),
                                        T (self, S_CLAUSE), hb_finding_get_clause (f),
                                        severity_name (self, hb_finding_get_severity (f)));
      else
        head = g_markup_printf_escaped ("<b>%s</b>", ack->rule);
      rest = g_markup_printf_escaped ("\n<b>%s:</b> “%s”\n<b>%s:</b> %s\n%s — %s",
                                      T (self, S_ACK_TEXT), ack->text ? ack->text : "",
                                      T (self, S_REASON), ack->reason ? ack->reason : "—",
                                      ack->who ? ack->who : "—", when);
      markup = g_strconcat (head, rest, NULL);
      add_block (self, BLOCK_NOTE, markup, NULL);
    }
  return acks ? acks->len : 0;
}

static void
add_mono_row (HbSignoff  *self,
              const char *key,
              const char *digest,
              gboolean    mono)
{
  g_autofree char *k = g_markup_escape_text (key, -1);
  g_autofree char *v = g_markup_escape_text (digest, -1);

  add_block (self, mono ? BLOCK_MONO_ROW : BLOCK_ROW, k, v);
}

static void
build_policy (HbSignoff *self,
              HbPolicy  *policy)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *version = g_strdup_printf ("%s %s", hb_policy_get_id (policy),
                                              hb_policy_get_version (policy));
  g_autofree char *printed = format_when (now, self->lang);

  add_heading (self, T (self, S_POLICY));
  add_row (self, T (self, S_GUIDELINE), hb_policy_get_title (policy, self->lang));
  add_row (self, T (self, S_POLICY_VERSION), version);
  if (hb_policy_get_sha256 (policy))
    add_mono_row (self, T (self, S_POLICY_SHA), hb_policy_get_sha256 (policy), TRUE);
  if (self->manifest_sha256)
    add_mono_row (self, T (self, S_MANIFEST_SHA), self->manifest_sha256, TRUE);
  else
    add_mono_row (self, T (self, S_MANIFEST_SHA), T (self, S_NOT_EXPORTED), FALSE);
  add_row (self, T (self, S_PRINTED), printed);
}

/**
 * hb_signoff_new:
 *
 * Collects everything the sheet shows, loading the media thumbnails: this
 * reads the photos, so call it off the main thread when there are many.
 * Nothing here touches cairo state; hb_signoff_layout() does.
 */
HbSignoff *
hb_signoff_new (HbPolicy   *policy,
                HbPost     *post,
                GPtrArray  *statuses,
                GPtrArray  *findings,
                const char *manifest_sha256)
{
  g_return_val_if_fail (HB_IS_POLICY (policy), NULL);
  g_return_val_if_fail (HB_IS_POST (post), NULL);

  return hb_signoff_new_with_thumbnails (policy, post, statuses, findings, manifest_sha256, NULL);
}

HbSignoff *
hb_signoff_new_with_thumbnails (HbPolicy   *policy,
                                HbPost     *post,
                                GPtrArray  *statuses,
                                GPtrArray  *findings,
                                const char *manifest_sha256,
                                GPtrArray  *thumbnails)
{
  HbSignoff *self;

  g_return_val_if_fail (HB_IS_POLICY (policy), NULL);
  g_return_val_if_fail (HB_IS_POST (post), NULL);

  self = g_new0 (HbSignoff, 1);
  self->lang = hb_post_get_language (post);
  self->manifest_sha256 = g_strdup (manifest_sha256);
  self->post_title = hb_post_dup_title (post);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _hb_signoff_block_free);
  self->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) _hb_signoff_box_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  build_summary (self, post);
  build_captions (self, post);
  build_media (self, post, thumbnails);
  build_checklist (self, statuses);
  add_heading (self, T (self, S_OVERRIDES));
  if (add_overrides (self, statuses) + add_acks (self, post, findings) == 0)
    add_paragraph (self, T (self, S_NONE));
  build_policy (self, policy);
  add_heading (self, T (self, S_SIGNOFF));
  add_block (self, BLOCK_SIGNATURES, NULL, NULL);
  return self;
}

/* ------------------------------------------------------------------ */
/* In a worker                                                         */

typedef struct
{
  HbPolicy  *policy;
  HbPost    *post;             /* a copy: the officer may keep editing */
  GPtrArray *statuses;
  GPtrArray *findings;
  char      *manifest_sha256;
} SheetJob;

static void
sheet_job_free (SheetJob *job)
{
  g_object_unref (job->policy);
  g_clear_object (&job->post);
  g_clear_pointer (&job->statuses, g_ptr_array_unref);
  g_clear_pointer (&job->findings, g_ptr_array_unref);
  g_free (job->manifest_sha256);
  g_free (job);
}

static void
sheet_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SheetJob *job = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, hb_signoff_new (job->policy, job->post, job->statuses,
                                               job->findings, job->manifest_sha256),
                         (GDestroyNotify) hb_signoff_free);
}

/**
 * hb_signoff_new_async:
 * @policy: the pack
 * @post: the post; the sheet is made from a copy, so @post may change
 *   meanwhile
 * @statuses: (nullable): as for hb_signoff_new(); kept, not copied: it
 *   must not change afterwards
 * @findings: (nullable): the same
 * @manifest_sha256: (nullable): as for hb_signoff_new()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread-default main context when done
 * @user_data: for @callback
 *
 * Makes the sheet as hb_signoff_new() does, in a worker thread: it reads
 * every photo for its thumbnail.
 */
void
hb_signoff_new_async (HbPolicy            *policy,
                      HbPost              *post,
                      GPtrArray           *statuses,
                      GPtrArray           *findings,
                      const char          *manifest_sha256,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SheetJob *job;

  g_return_if_fail (HB_IS_POLICY (policy));
  g_return_if_fail (HB_IS_POST (post));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (SheetJob, 1);
  job->policy = g_object_ref (policy);
  job->statuses = statuses ? g_ptr_array_ref (statuses) : NULL;
  job->findings = findings ? g_ptr_array_ref (findings) : NULL;
  job->manifest_sha256 = g_strdup (manifest_sha256);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_signoff_new_async);
  g_task_set_name (task, "hb_signoff_new_async");
  g_task_set_task_data (task, job, (GDestroyNotify) sheet_job_free);
  if ((job->post = hb_draft_copy (post, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, sheet_thread);
}

/**
 * hb_signoff_new_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the sheet, or %NULL with @error
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
HbSignoff *
hb_signoff_new_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_signoff_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hb_signoff_free (HbSignoff *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->boxes);
  g_array_unref (self->pieces);
  g_clear_object (&self->context);
  g_free (self->manifest_sha256);
  g_free (self->post_title);
  g_free (self);
}
