/* hb-signoff.c — the sign-off sheet: blocks laid out with Pango into A4 pages, drawn with cairo. */
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "hb-caption.h"
#include "hb-datetime.h"
#include "hb-media.h"
#include "hb-platforms.h"
#include "hb-post-lint.h"
#include "hb-signoff.h"

/* Page geometry, in points. */
#define MARGIN_X      48.0
#define MARGIN_TOP    34.0
#define MARGIN_BOTTOM 30.0
#define THUMB_PT      84.0
#define ROW_PAD       3.5
#define SIG_BOX_H     168.0

/* ------------------------------------------------------------------ */
/* Fixed texts, in the post's language (not the UI's: no gettext)      */

typedef enum
{
  S_SHEET_TITLE, S_SUMMARY, S_POST_TYPE, S_LANGUAGE, S_PLATFORMS, S_PROGRAMME,
  S_DATE, S_TIME, S_VENUE, S_GUESTS, S_LINK, S_HASHTAGS, S_CAPTION, S_OWN_CAPTION,
  S_MEDIA, S_NO_MEDIA, S_PHOTO, S_VIDEO, S_ALT_TEXT, S_NO_ALT_TEXT, S_MEDIA_CAPTION,
  S_NO_THUMBNAIL, S_CHECKLIST, S_CHECKLIST_COUNT, S_NOT_EVALUATED, S_COL_ITEM,
  S_COL_CLAUSE, S_COL_STATUS, S_COL_WHO, S_NOTE, S_JUSTIFICATION, S_DATES,
  S_OVERRIDES, S_NONE, S_OVERRIDDEN_ITEM, S_CLAUSE, S_ACK_TEXT, S_REASON,
  S_POLICY, S_GUIDELINE, S_POLICY_VERSION, S_POLICY_SHA, S_MANIFEST_SHA,
  S_NOT_EXPORTED, S_PRINTED, S_SIGNOFF, S_PREPARED, S_REVIEWED, S_APPROVED,
  S_NAME, S_POSITION, S_SIGNATURE, S_PAGE_OF, S_SEV_INFO, S_SEV_WARNING,
  S_SEV_ERROR, N_STRINGS
} StringId;

static const char * const strings[N_STRINGS][HB_N_LANGS] = {
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
  [S_OVERRIDES] = { "Pengecualian dan dapatan yang diakui", "Overrides and acknowledged findings" },
  [S_NONE] = { "Tiada.", "None." },
  [S_OVERRIDDEN_ITEM] = { "Perkara senarai semak diketepikan", "Checklist item overridden" },
  [S_CLAUSE] = { "klausa", "clause" },
  [S_ACK_TEXT] = { "Teks", "Text" },
  [S_REASON] = { "Sebab", "Reason" },
  [S_POLICY] = { "Garis panduan dan pakej", "Guideline and bundle" },
  [S_GUIDELINE] = { "Garis panduan", "Guideline" },
  [S_POLICY_VERSION] = { "Versi pek dasar", "Policy pack version" },
  [S_POLICY_SHA] = { "SHA-256 pek dasar", "Policy pack SHA-256" },
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
};

static const char * const state_names[][HB_N_LANGS] = {
  [HB_ITEM_PASS] = { "Lulus", "Pass" },
  [HB_ITEM_FAIL] = { "Gagal", "Fail" },
  [HB_ITEM_OVERRIDDEN] = { "Diketepikan (justifikasi)", "Overridden (justified)" },
  [HB_ITEM_UNANSWERED] = { "Belum disahkan", "Not confirmed" },
  [HB_ITEM_CONFIRMED] = { "Disahkan", "Confirmed" },
  [HB_ITEM_STALE] = { "Perlu disahkan semula", "To be confirmed again" },
  [HB_ITEM_NOT_APPLICABLE] = { "Tidak berkaitan", "Not applicable" },
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

/* Proper names: the same in both languages.  The guideline (8.b) names the
 * division that checks what the council posts. */
#define COUNCIL  "Majlis Perbandaran Kulim"
#define DIVISION "Bahagian Komunikasi Korporat"

/* ------------------------------------------------------------------ */
/* Blocks and their layout                                             */

typedef enum
{
  BLOCK_HEADING,
  BLOCK_ROW,        /* text[0]: key, text[1]: value */
  BLOCK_MONO_ROW,   /* a row whose value is a digest */
  BLOCK_PARAGRAPH,  /* text[0], Pango markup */
  BLOCK_NOTE,       /* a short paragraph kept on one page */
  BLOCK_MEDIA,      /* image (or NULL) + text[0] */
  BLOCK_TABLE_HEAD, /* text[0..3] */
  BLOCK_ITEM,       /* text[0..3] */
  BLOCK_SIGNATURES,
} BlockKind;

typedef struct
{
  BlockKind        kind;
  char            *text[4];  /* Pango markup */
  cairo_surface_t *image;
} Block;

typedef enum
{
  CELL_TEXT,
  CELL_IMAGE,
  CELL_RULE,  /* a horizontal line at y, w long */
  CELL_BOX,   /* an outlined rectangle */
  CELL_FILL,  /* a shaded rectangle */
} CellKind;

typedef struct
{
  CellKind         kind;
  double           x, y, w, h;
  PangoLayout     *layout;
  cairo_surface_t *image;
} Cell;

/* A block as laid out for the current page size. */
typedef struct
{
  GArray  *cells;          /* Cell */
  double   height;
  double   space_before;
  gboolean atomic;         /* never split (signature boxes) */
  gboolean splittable;     /* text that may start at the foot of a page */
  gboolean keep_with_next; /* headings */
} Box;

/* The part [from, to) of block @block, drawn at @y on @page. */
typedef struct
{
  guint  block;
  guint  page;
  double y;
  double from;
  double to;
} Piece;

struct _HbSignoff
{
  HbLang        lang;
  char         *manifest_sha256;
  char         *post_title;
  GPtrArray    *blocks;   /* Block */
  /* Set by hb_signoff_layout(): */
  PangoContext *context;
  GPtrArray    *boxes;    /* Box, parallel to blocks */
  GArray       *pieces;   /* Piece */
  guint         n_pages;
  double        width, height, body_top, body_bottom;
};

#define T(self, id) (strings[(id)][(self)->lang])

/* The tables' templates have "%s" holes, filled here rather than by
 * printf so that every printf format stays a checked literal. */
static char *
fill (const char *tmpl,
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

static char *
fill_numbers (const char *tmpl,
              guint       a,
              guint       b)
{
  char na[16], nb[16];

  g_snprintf (na, sizeof na, "%u", a);
  g_snprintf (nb, sizeof nb, "%u", b);
  return fill (tmpl, na, nb);
}

static void
block_free (Block *block)
{
  for (guint i = 0; i < G_N_ELEMENTS (block->text); i++)
    g_free (block->text[i]);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_free (block);
}

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->image, cairo_surface_destroy);
}

static void
box_free (Box *box)
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
      title = fill (T (self, S_OWN_CAPTION), p ? p->name : ids[i], NULL);
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
      g_autofree char *why = fill (T (self, S_NO_THUMBNAIL), note, NULL);
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
  g_autofree char *title = fill_numbers (T (self, S_MEDIA), n, 0);

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

/* The smaller lines under an item's label: why it fails, the officer's
 * note or justification, the dates given as evidence. */
static void
append_item_details (HbSignoff           *self,
                     GString             *s,
                     const HbCheckStatus *st)
{
  const char *label = st->state == HB_ITEM_OVERRIDDEN ? T (self, S_JUSTIFICATION) : T (self, S_NOTE);

  if (st->reason && *st->reason)
    {
      g_autofree char *m = g_markup_printf_escaped ("\n<span size='smaller' foreground='#8a1c1c'>%s</span>",
                                                    st->reason);
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
  count = fill_numbers (T (self, S_CHECKLIST_COUNT),
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
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
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
/* Layout                                                              */

static PangoLayout *
new_layout (HbSignoff  *self,
            const char *font,
            const char *markup,
            double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup ? markup : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
add_cell (Box             *box,
          CellKind         kind,
          double           x,
          double           y,
          double           w,
          double           h,
          PangoLayout     *layout,
          cairo_surface_t *image)
{
  Cell cell = { kind, x, y, w, h, layout, image ? cairo_surface_reference (image) : NULL };

  g_array_append_val (box->cells, cell);
  box->height = MAX (box->height, y + h);
}

static double
add_text (HbSignoff  *self,
          Box        *box,
          const char *font,
          const char *markup,
          double      x,
          double      y,
          double      w)
{
  PangoLayout *layout = new_layout (self, font, markup, w);
  double h = layout_height (layout);

  add_cell (box, CELL_TEXT, x, y, w, h, layout, NULL);
  return h;
}

/* Column edges of the checklist table, as fractions of the text width. */
static const double table_cols[] = { 0.0, 0.47, 0.58, 0.76, 1.0 };

static void
lay_out_table_row (HbSignoff   *self,
                   Box         *box,
                   const Block *block,
                   double       cw,
                   gboolean     head)
{
  const char *font = head ? "Sans Bold 8" : "Sans 8.5";

  for (guint c = 0; c < 4; c++)
    {
      double x = table_cols[c] * cw + 3, w = (table_cols[c + 1] - table_cols[c]) * cw - 9;

      add_text (self, box, font, block->text[c], x, ROW_PAD, w);
    }
  box->height += ROW_PAD;
  if (head)
    {
      Cell fill = { CELL_FILL, 0, 0, cw, box->height, NULL, NULL };
      g_array_prepend_val (box->cells, fill);
    }
  add_cell (box, CELL_RULE, 0, box->height, cw, 0, NULL, NULL);
}

static void
lay_out_media (HbSignoff   *self,
               Box         *box,
               const Block *block,
               double       cw)
{
  double text_x = THUMB_PT + 12;

  if (block->image)
    {
      double iw = cairo_image_surface_get_width (block->image);
      double ih = cairo_image_surface_get_height (block->image);
      double scale = THUMB_PT / MAX (iw, ih);

      add_cell (box, CELL_IMAGE, (THUMB_PT - iw * scale) / 2, 0, iw * scale, ih * scale,
                NULL, block->image);
    }
  else
    add_cell (box, CELL_BOX, 0, 0, THUMB_PT, THUMB_PT * 0.75, NULL, NULL);
  add_text (self, box, "Sans 9", block->text[0], text_x, 0, cw - text_x);
}

/* One of the three boxes: role, then name, position, date and room to sign. */
static void
lay_out_signature (HbSignoff  *self,
                   Box        *box,
                   StringId    role,
                   double      x,
                   double      w)
{
  const StringId fields[] = { S_NAME, S_POSITION, S_DATE, S_SIGNATURE };
  g_autofree char *title = g_markup_escape_text (T (self, role), -1);
  double y = 8;

  add_cell (box, CELL_BOX, x, 0, w, SIG_BOX_H, NULL, NULL);
  y += add_text (self, box, "Sans Bold 9.5", title, x + 8, y, w - 16) + 8;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *label = g_markup_printf_escaped ("%s:", T (self, fields[i]));
      double line_y = fields[i] == S_SIGNATURE ? SIG_BOX_H - 10 : y + 20;

      add_text (self, box, "Sans 8", label, x + 8, y + 8, w - 16);
      add_cell (box, CELL_RULE, x + 8, line_y, w - 16, 0, NULL, NULL);
      y += 28;
    }
}

static void
lay_out_signatures (HbSignoff *self,
                    Box       *box,
                    double     cw)
{
  const StringId roles[] = { S_PREPARED, S_REVIEWED, S_APPROVED };
  double gap = 12, w = (cw - 2 * gap) / 3;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    lay_out_signature (self, box, roles[i], i * (w + gap), w);
  box->atomic = TRUE;
}

static Box *
lay_out_block (HbSignoff   *self,
               const Block *block,
               double       cw)
{
  Box *box = g_new0 (Box, 1);
  double key_w = 0.3 * cw;

  box->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (box->cells, (GDestroyNotify) cell_clear);
  switch (block->kind)
    {
    case BLOCK_HEADING:
      add_text (self, box, "Sans Bold 11", block->text[0], 0, 0, cw);
      add_cell (box, CELL_RULE, 0, box->height + 2.5, cw, 0, NULL, NULL);
      box->height += 5;
      box->space_before = 14;
      box->keep_with_next = TRUE;
      break;
    case BLOCK_ROW:
    case BLOCK_MONO_ROW:
      add_text (self, box, "Sans Bold 9", block->text[0], 0, 0, key_w - 8);
      add_text (self, box, block->kind == BLOCK_ROW ? "Sans 9" : "Monospace 8",
                block->text[1], key_w, block->kind == BLOCK_ROW ? 0 : 0.8, cw - key_w);
      box->space_before = 3;
      break;
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      add_text (self, box, "Sans 9.5", block->text[0], 0, 0, cw);
      box->space_before = block->kind == BLOCK_NOTE ? 7 : 5;
      box->splittable = block->kind == BLOCK_PARAGRAPH;
      break;
    case BLOCK_MEDIA:
      lay_out_media (self, box, block, cw);
      box->space_before = 8;
      break;
    case BLOCK_TABLE_HEAD:
    case BLOCK_ITEM:
      lay_out_table_row (self, box, block, cw, block->kind == BLOCK_TABLE_HEAD);
      break;
    case BLOCK_SIGNATURES:
    default:
      lay_out_signatures (self, box, cw);
      break;
    }
  return box;
}

/* ------------------------------------------------------------------ */
/* Pagination                                                          */

#define EPS 0.01

typedef gboolean (*AtomFunc) (double   top,
                              double   bottom,
                              gpointer data);

/* Calls @func on every piece of a block that must stay whole: each line of
 * text, each image and box; stops when it returns FALSE. */
static void
foreach_atom (Box      *box,
              AtomFunc  func,
              gpointer  data)
{
  for (guint i = 0; i < box->cells->len; i++)
    {
      Cell *cell = &g_array_index (box->cells, Cell, i);

      if (cell->kind == CELL_IMAGE || cell->kind == CELL_BOX)
        {
          if (!func (cell->y, cell->y + cell->h, data))
            return;
        }
      else if (cell->kind == CELL_TEXT)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);
          gboolean go_on = TRUE;

          do
            {
              PangoRectangle logical;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              go_on = func (cell->y + (double) logical.y / PANGO_SCALE,
                            cell->y + (double) (logical.y + logical.height) / PANGO_SCALE, data);
            }
          while (go_on && pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
          if (!go_on)
            return;
        }
    }
}

typedef struct
{
  double   from;
  double   cut;
  gboolean moved;
} CutSearch;

static gboolean
lower_cut (double   top,
           double   bottom,
           gpointer data)
{
  CutSearch *search = data;

  if (top >= search->from - EPS && top < search->cut - EPS && bottom > search->cut + EPS)
    {
      search->cut = top;
      search->moved = TRUE;
    }
  return TRUE;
}

/* The lowest point at or above @cut where no line or image is cut in two;
 * lowering it for one column can cut another, hence the loop. */
static double
find_cut (Box    *box,
          double  from,
          double  cut)
{
  CutSearch search = { from, cut, TRUE };

  if (box->atomic)
    return from;
  while (search.moved)
    {
      search.moved = FALSE;
      foreach_atom (box, lower_cut, &search);
    }
  return search.cut;
}

static void
add_piece (HbSignoff *self,
           guint      block,
           guint      page,
           double     y,
           double     from,
           double     to)
{
  Piece piece = { block, page, y, from, to };

  g_array_append_val (self->pieces, piece);
}

/* A heading moves to the next page with the start of what it heads. */
static gboolean
heading_stranded (HbSignoff *self,
                  guint      i,
                  double     y)
{
  Box *box = self->boxes->pdata[i], *next;

  if (!box->keep_with_next || i + 1 >= self->boxes->len || y <= self->body_top + EPS)
    return FALSE;
  next = self->boxes->pdata[i + 1];
  return y + box->height + next->space_before + MIN (next->height, 40) > self->body_bottom;
}

/* Places block @i from @y on, splitting it at line boundaries when it is
 * text that does not fit or taller than a page; returns the new y. */
static double
place_block (HbSignoff *self,
             guint      i,
             guint     *page,
             double     y)
{
  Box *box = self->boxes->pdata[i];
  double body_h = self->body_bottom - self->body_top, from = 0;

  for (;;)
    {
      double avail = self->body_bottom - y, rest = box->height - from;

      if (rest <= avail + EPS)
        {
          add_piece (self, i, *page, y, from, box->height);
          return y + rest;
        }
      if (box->splittable || rest > body_h)
        {
          double cut = find_cut (box, from, from + avail);

          /* Only a single line taller than the whole page gets here. */
          if (cut <= from + EPS && y <= self->body_top + EPS)
            cut = from + avail;
          if (cut > from + EPS)
            {
              add_piece (self, i, *page, y, from, cut);
              from = cut;
            }
        }
      (*page)++;
      y = self->body_top;
    }
}

static void
paginate (HbSignoff *self)
{
  double y = self->body_top;
  guint page = 0;

  g_array_set_size (self->pieces, 0);
  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = self->boxes->pdata[i];

      if (heading_stranded (self, i, y))
        {
          page++;
          y = self->body_top;
        }
      if (y > self->body_top + EPS)
        y += box->space_before;
      y = place_block (self, i, &page, y);
    }
  self->n_pages = page + 1;
}

/* ------------------------------------------------------------------ */
/* Page header and footer                                              */

static PangoLayout *
header_line (HbSignoff  *self,
             const char *font,
             const char *text,
             double      width)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);
  PangoLayout *layout = new_layout (self, font, markup, width);

  /* The post's title is repeated in full in the summary. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Draws the header when @cr is not NULL; returns its height either way. */
static double
header (HbSignoff *self,
        cairo_t   *cr)
{
  double cw = self->width - 2 * MARGIN_X, y = MARGIN_TOP;
  struct { const char *font; const char *text; double gap; } lines[] = {
    { "Sans Bold 14", COUNCIL, 1 },
    { "Sans 10", DIVISION, 6 },
    { "Sans Bold 12", T (self, S_SHEET_TITLE), 1 },
    { "Sans 8.5", self->post_title, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (lines[i].text == NULL)
        continue;
      layout = header_line (self, lines[i].font, lines[i].text, cw);
      if (cr)
        {
          cairo_move_to (cr, MARGIN_X, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += layout_height (layout) + lines[i].gap;
    }
  if (cr)
    {
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, MARGIN_X, y);
      cairo_line_to (cr, self->width - MARGIN_X, y);
      cairo_stroke (cr);
    }
  return y + 1.2 - MARGIN_TOP;
}

/* "Page n of N" on the left, the manifest digest on the right, so every
 * sheet of a signed copy names its bundle. */
static double
footer (HbSignoff *self,
        cairo_t   *cr,
        guint      page)
{
  double cw = self->width - 2 * MARGIN_X, right_w, h;
  g_autofree char *page_text = fill_numbers (T (self, S_PAGE_OF), page + 1, MAX (self->n_pages, 1));
  g_autofree char *digest = g_strdup_printf ("manifest.json SHA-256: %s",
                                             self->manifest_sha256 ? self->manifest_sha256
                                                                   : T (self, S_NOT_EXPORTED));
  g_autofree char *left_m = g_markup_escape_text (page_text, -1);
  g_autofree char *right_m = g_markup_escape_text (digest, -1);
  g_autoptr(PangoLayout) left = new_layout (self, "Sans 7.5", left_m, cw);
  g_autoptr(PangoLayout) right = NULL;
  int left_w;

  pango_layout_get_size (left, &left_w, NULL);
  right_w = cw - (double) left_w / PANGO_SCALE - 16;
  right = new_layout (self, "Monospace 6.5", right_m, right_w);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  h = MAX (layout_height (left), layout_height (right)) + 5;
  if (cr)
    {
      double top = self->height - MARGIN_BOTTOM - h;

      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_X, top);
      cairo_line_to (cr, self->width - MARGIN_X, top);
      cairo_stroke (cr);
      cairo_move_to (cr, MARGIN_X, top + 5);
      pango_cairo_show_layout (cr, left);
      cairo_move_to (cr, self->width - MARGIN_X - right_w, top + 5);
      pango_cairo_show_layout (cr, right);
    }
  return h;
}

/**
 * hb_signoff_layout:
 *
 * Lays the sheet out in points: @cr's user space must be one point per unit
 * (for GtkPrintOperation: GTK_UNIT_POINTS).  May be called again for
 * another surface or page size.
 */
guint
hb_signoff_layout (HbSignoff *self,
                   cairo_t   *cr,
                   double     width,
                   double     height)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  double cw = width - 2 * MARGIN_X;

  g_return_val_if_fail (self != NULL && cr != NULL, 0);

  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  /* Font sizes are points and so is the page: no 96 dpi scaling. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* Unhinted metrics keep line breaks the same on paper, PDF and preview. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context,
                              pango_language_from_string (self->lang == HB_LANG_MS ? "ms" : "en"));
  self->width = width;
  self->height = height;
  self->body_top = MARGIN_TOP + header (self, NULL) + 10;
  self->body_bottom = height - MARGIN_BOTTOM - footer (self, NULL, 0) - 8;

  g_ptr_array_set_size (self->boxes, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (self->boxes, lay_out_block (self, self->blocks->pdata[i], cw));
  paginate (self);
  return self->n_pages;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
draw_text (cairo_t    *cr,
           const Cell *cell,
           double      from,
           double      to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);

  do
    {
      PangoRectangle logical;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = cell->y + (double) logical.y / PANGO_SCALE;
      if (top >= from - EPS && top < to - EPS)
        {
          cairo_move_to (cr, cell->x + (double) logical.x / PANGO_SCALE,
                         cell->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_image (cairo_t    *cr,
            const Cell *cell)
{
  int iw = cairo_image_surface_get_width (cell->image);
  int ih = cairo_image_surface_get_height (cell->image);

  cairo_save (cr);
  cairo_translate (cr, cell->x, cell->y);
  cairo_scale (cr, cell->w / iw, cell->h / ih);
  cairo_set_source_surface (cr, cell->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, cell->x, cell->y, cell->w, cell->h);
  cairo_stroke (cr);
}

static void
draw_cell (cairo_t    *cr,
           const Cell *cell,
           double      from,
           double      to)
{
  gboolean starts_here = cell->y >= from - EPS && cell->y < to - EPS;

  switch (cell->kind)
    {
    case CELL_TEXT:
      draw_text (cr, cell, from, to);
      break;
    case CELL_IMAGE:
      if (starts_here)
        draw_image (cr, cell);
      break;
    case CELL_BOX:
      if (!starts_here)
        break;
      cairo_set_line_width (cr, 0.7);
      cairo_rectangle (cr, cell->x, cell->y, cell->w, cell->h);
      cairo_stroke (cr);
      break;
    case CELL_RULE:
      if (cell->y < from - EPS || cell->y > to + EPS)
        break;
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, cell->x, cell->y);
      cairo_rel_line_to (cr, cell->w, 0);
      cairo_stroke (cr);
      break;
    case CELL_FILL:
    default:
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.9, 0.91, 0.93);
      cairo_rectangle (cr, cell->x, MAX (cell->y, from), cell->w,
                       MIN (cell->y + cell->h, to) - MAX (cell->y, from));
      cairo_fill (cr);
      cairo_restore (cr);
      break;
    }
}

void
hb_signoff_draw_page (HbSignoff *self,
                      cairo_t   *cr,
                      guint      page)
{
  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (self->context != NULL);

  if (page >= self->n_pages)
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.08, 0.08, 0.1);
  header (self, cr);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      Box *box = self->boxes->pdata[piece->block];

      if (piece->page != page)
        continue;
      cairo_save (cr);
      cairo_translate (cr, MARGIN_X, piece->y - piece->from);
      for (guint c = 0; c < box->cells->len; c++)
        draw_cell (cr, &g_array_index (box->cells, Cell, c), piece->from, piece->to);
      cairo_restore (cr);
    }
  footer (self, cr, page);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* PDF                                                                 */

typedef struct
{
  GOutputStream *out;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  WriteClosure *wc = closure;

  if (wc->error == NULL && g_output_stream_write_all (wc->out, data, length, NULL, NULL, &wc->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t
render_pdf (HbSignoff    *self,
            WriteClosure *wc)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_stream, wc,
                                                                  HB_A4_WIDTH_PT, HB_A4_HEIGHT_PT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  guint n;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, T (self, S_SHEET_TITLE));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hebahan " HB_VERSION);
  n = hb_signoff_layout (self, cr, HB_A4_WIDTH_PT, HB_A4_HEIGHT_PT);
  for (guint page = 0; page < n; page++)
    {
      hb_signoff_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * hb_signoff_write_pdf:
 *
 * Writes the sheet as an A4 PDF.  The file is replaced atomically: on any
 * error the previous file (or nothing) stays at @path.
 */
gboolean
hb_signoff_write_pdf (HbSignoff   *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abort = g_cancellable_new ();
  g_autofree char *name = g_filename_display_name (path);
  WriteClosure wc = { NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  wc.out = G_OUTPUT_STREAM (out);
  status = render_pdf (self, &wc);
  if (status != CAIRO_STATUS_SUCCESS || wc.error != NULL)
    {
      /* Closing a cancelled replace drops the temporary file. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      if (wc.error)
        g_propagate_prefixed_error (error, wc.error, _("Could not write “%s”: "), name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                     name, cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }
  return TRUE;
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
