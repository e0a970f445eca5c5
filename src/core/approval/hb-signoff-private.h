/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-signoff-private.h — what the two halves of the sign-off sheet share:
 * hb-signoff-content.c says what is on the sheet (blocks of text, images
 * and tables, in the post's language); hb-signoff-render.c lays the blocks
 * out into pages with Pango and draws them with cairo. */
#pragma once

#include <pango/pangocairo.h>

#include "hb-signoff.h"

G_BEGIN_DECLS

/* Page geometry, in points. */
#define MARGIN_X      48.0
#define MARGIN_TOP    34.0
#define MARGIN_BOTTOM 30.0
#define THUMB_PT      84.0
#define ROW_PAD       3.5
#define SIG_BOX_H     168.0

/* Fixed texts, in the post's language (not the UI's: no gettext). */
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
  S_SEV_ERROR, S_AUTO_CHECK, N_STRINGS
} StringId;


extern const char * const hb_signoff_strings[N_STRINGS][HB_N_LANGS];

#define T(self, id) (hb_signoff_strings[(id)][(self)->lang])

/* Proper names: the same in both languages.  The guideline (8.b) names the
 * division that checks what the council posts. */
#define COUNCIL  "Majlis Perbandaran Kulim"
#define DIVISION "Bahagian Komunikasi Korporat"

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


char *_hb_signoff_fill          (const char *tmpl,
                                 const char *a,
                                 const char *b);
char *_hb_signoff_fill_numbers  (const char *tmpl,
                                 guint       a,
                                 guint       b);
void  _hb_signoff_block_free    (Block      *block);
void  _hb_signoff_cell_clear    (Cell       *cell);
void  _hb_signoff_box_free      (Box        *box);

G_END_DECLS
