/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-signoff-render.c — the sign-off sheet on paper: the blocks of
 * hb-signoff-content.c laid out with Pango into pages (never cutting a
 * line or an image in two), drawn with cairo, and written as a PDF. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "hb-signoff-private.h"

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
  g_array_set_clear_func (box->cells, (GDestroyNotify) _hb_signoff_cell_clear);
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
  g_autofree char *page_text = _hb_signoff_fill_numbers (T (self, S_PAGE_OF), page + 1, MAX (self->n_pages, 1));
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
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hebahan " PACKAGE_VERSION);
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

