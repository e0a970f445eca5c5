/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-count.h — counting a caption the way each platform counts it: plain
 * code points, X's weighted length (twitter-text v3: URLs 23, emoji
 * sequences 2, CJK 2, NFC first) and Threads (emoji by UTF-8 bytes); and
 * finding the hashtags and mentions a platform limits. */
#pragma once

#include <glib.h>

#include "hb-text.h"

G_BEGIN_DECLS

typedef enum
{
  HB_COUNT_CODE_POINTS, /* one per Unicode code point */
  HB_COUNT_TWITTER_V3,  /* twitter-text v3 weighted length */
  HB_COUNT_THREADS,     /* one per code point, an emoji by its UTF-8 bytes */
  HB_N_COUNT_METHODS,
} HbCountMethod;

/* Ranges start at 0 and end inclusive, as twitter-text reports them; an
 * empty text ends at -1.  When NFC changed the text's length (X only), the
 * difference is added to the valid range, as twitter-text does.
 * valid_end_utf16 is twitter-text's validRangeEnd to the letter (0 when not
 * even the first character is valid; below -1 when NFC lengthened the
 * text); valid_end, what Hebahan marks, is -1 whenever nothing fits.
 * Unlike twitter-text, an empty text is valid: it is not over any limit. */
typedef struct
{
  guint    length;            /* as the platform counts it */
  guint    limit;
  gboolean valid;             /* within the limit and no invalid character */
  guint    permillage;        /* length * 1000 / limit */
  int      display_end;       /* code points of the input */
  int      valid_end;
  int      display_end_utf16; /* the same in UTF-16 code units (twitter-text's) */
  int      valid_end_utf16;
} HbCount;

typedef struct
{
  guint start;                /* code points, end exclusive */
  guint end;
} HbSpan;

gboolean    hb_count_method_from_string (const char    *name,
                                         HbCountMethod *method);
const char *hb_count_method_to_string   (HbCountMethod  method);

gboolean    hb_count_text      (const char    *text,
                                gssize         len,
                                HbCountMethod  method,
                                guint          limit,
                                HbCount       *count,
                                GError       **error);
GArray     *hb_count_find_urls     (const char *text,
                                    gssize      len);
GArray     *hb_count_find_hashtags (const char *text,
                                    gssize      len);
GArray     *hb_count_find_mentions (const char *text,
                                    gssize      len);

/* A text decoded once for all of its counts and searches (hb_post_lint
 * reads each caption's from the HbText the linter built). */
typedef struct _HbCountSource HbCountSource;

HbCountSource *hb_count_source_new          (const char    *utf8,
                                             gssize         len,
                                             const HbText  *decoded);
void           hb_count_source_free         (HbCountSource *source);
const char    *hb_count_source_get_text     (HbCountSource *source,
                                             gsize         *len);
void           hb_count_source_count        (HbCountSource *source,
                                             HbCountMethod  method,
                                             guint          limit,
                                             HbCount       *count);
GArray        *hb_count_source_get_urls     (HbCountSource *source);
GArray        *hb_count_source_get_hashtags (HbCountSource *source);
GArray        *hb_count_source_get_mentions (HbCountSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbCountSource, hb_count_source_free)

G_END_DECLS
