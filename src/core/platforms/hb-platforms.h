/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-platforms.h — platform profiles (data/platforms.json): each platform's
 * text limit and how it counts, hashtag, mention and media limits, image
 * and video limits, alt-text length.
 *
 * Like a policy pack, a profile file is validated whole before use: every
 * problem is reported with its JSON path and a bad file is never loaded
 * half-way.  A loaded HbPlatforms is immutable and safe to share between
 * threads.
 */
#pragma once

#include <gio/gio.h>

#include "hb-count.h"

G_BEGIN_DECLS

#define HB_PLATFORMS_FORMAT "hebahan-platforms/1"

/* Limits are 0 (or 0.0) when the platform sets none. */
typedef struct
{
  guint   min_width, min_height, max_width, max_height;
  double  min_aspect, max_aspect;  /* width / height */
  double  max_mb;
  char  **formats;                 /* "jpeg", "png" …, or NULL */
} HbImageLimits;

typedef struct
{
  double  min_seconds, max_seconds;
  guint   min_width, min_height, max_width, max_height;
  guint   min_fps, max_fps;
  double  min_aspect, max_aspect;
  double  aspect;                  /* the recommended shape, e.g. 9:16 */
  double  max_mb;
  char  **formats;
} HbVideoLimits;

/* What the platform's feed shows of a post ("preview" in the file). */
typedef enum
{
  HB_MORE_NONE,      /* the whole text shows */
  HB_MORE_SEE_MORE,  /* "… See more" (Facebook) */
  HB_MORE_MORE,      /* "… more" */
} HbMoreLabel;

typedef struct
{
  guint        fold_chars;    /* code points shown before the fold; 0: no fold */
  guint        fold_lines;    /* lines shown before the fold; 0: no such rule */
  HbMoreLabel  more;
  double       photo_aspect;  /* the first photo cropped to this shape; 0: not */
  double       photo_min_aspect, photo_max_aspect; /* or to within these */
  char        *source;        /* NULL when the file gives no preview */
} HbPreviewRules;

/* Where the officer publishes by hand ("publish" in the file). */
typedef struct
{
  char *compose_url;   /* the platform's page for a new post (https); NULL: none */
  char *source;        /* NULL when the file gives no publish part */
} HbPublishPage;

typedef enum
{
  HB_PLATFORM_TEXT,
  HB_PLATFORM_HASHTAGS,
  HB_PLATFORM_MENTIONS,
  HB_PLATFORM_MEDIA,
  HB_PLATFORM_IMAGE,
  HB_PLATFORM_VIDEO,
  HB_PLATFORM_ALT_TEXT,
  HB_N_PLATFORM_PARTS,
} HbPlatformPart;

typedef struct
{
  char          *id;            /* one of hb_platform_ids () */
  char          *name;          /* "Instagram": a proper name, not translated */
  HbCountMethod  count_method;
  guint          text_limit;
  guint          title_limit;   /* YouTube titles, Reels titles …; 0: none */
  guint          hashtag_limit;
  guint          mention_limit;
  guint          media_max;
  HbImageLimits  image;
  HbVideoLimits  video;
  guint          alt_text_limit;
  char          *source[HB_N_PLATFORM_PARTS]; /* where each part's figures come from */
  HbPreviewRules preview;       /* optional part */
  HbPublishPage  publish;       /* optional part */
} HbPlatform;

/* A stretch of a photo, in pixels. */
typedef struct
{
  int x, y, width, height;
} HbCrop;

#define HB_TYPE_PLATFORMS (hb_platforms_get_type ())
G_DECLARE_FINAL_TYPE (HbPlatforms, hb_platforms, HB, PLATFORMS, GObject)

HbPlatforms      *hb_platforms_new_from_bytes (GBytes      *bytes,
                                               GError     **error);
HbPlatforms      *hb_platforms_new_from_file  (const char  *path,
                                               GError     **error);
HbPlatforms      *hb_platforms_get_default    (void);
GPtrArray        *hb_platforms_check_bytes    (GBytes      *bytes);

const char       *hb_platforms_get_version    (HbPlatforms *self);
guint             hb_platforms_get_n_platforms (HbPlatforms *self);
const HbPlatform *hb_platforms_get_platform   (HbPlatforms *self,
                                               guint        i);
const HbPlatform *hb_platforms_lookup         (HbPlatforms *self,
                                               const char  *id);

gboolean          hb_platform_count           (const HbPlatform *platform,
                                               const char       *text,
                                               gssize            len,
                                               HbCount          *count,
                                               GError          **error);
char             *hb_platform_fold            (const HbPlatform *platform,
                                               const char       *text,
                                               gboolean         *folded);
HbCrop            hb_platform_crop_photo      (const HbPlatform *platform,
                                               int               width,
                                               int               height);

G_END_DECLS
