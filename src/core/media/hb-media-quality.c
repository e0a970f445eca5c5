/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-quality.c — blur and exposure measurements of a photo.
 *
 * Everything is measured on a small grey image (HB_MEDIA_QUALITY_SIDE on
 * the long side) that the loader decodes in the same pass as the
 * thumbnail, so a 24-megapixel photo costs no more here than a small one.
 *
 * Blur: the variance of the Laplacian, the usual "is there fine detail"
 * measure. A photo with a sharp subject in front of a soft background (a
 * speaker at a rostrum, a flower) is sharp, so the photo is cut into a
 * grid of tiles and the score is the mean of its sharpest quarter of
 * tiles. That score also depends on how much texture the scene has (a
 * clear sky has little), so the verdict mainly uses the ratio of the score
 * to the same score at half size: a sharp photo has about as much detail
 * at the finest scale as at the next one, a blurred one has lost the
 * finest scale. Both are per pixel of an image of fixed size, so they do
 * not depend on the size of the photo.
 *
 * Exposure: from the luma histogram. Under-exposed: even the brightest
 * 1 % stays dim and the mean is low (a properly exposed night or forest
 * scene still has some bright light in it). Over-exposed: a large share
 * of the photo is clipped to white, or even its darkest 5 % is pale.
 *
 * CALIBRATION (the full table is in tests/fixtures/media-quality/README.md).
 * On 24 real photographs from Debian's plasma-workspace-wallpapers and
 * mate-backgrounds, each scaled to 1600 px on the long side (a typical
 * upload), then blurred with ImageMagick `convert -blur 0xσ` (σ = 1, 2, 4,
 * 8 px), darkened (`-evaluate multiply 0.3`) and brightened
 * (`-evaluate multiply 2.5`):
 *   fine_detail   sharp 0.166–1.09; σ 4: 0.097–0.157 except one nearly
 *                 featureless misty lake (0.40); σ 2: 0.13–0.32
 *   score/mean²   sharp ≥ 78 (that misty lake; the next is 195);
 *                 σ 4 and σ 8 photos that fine_detail misses: ≤ 32
 *   highlight     sharp ≥ 0.53; darkened ≤ 0.30
 *   clipped       sharp ≤ 0.09; brightened 0.00–1.00
 * Result: all 24 photos flagged blurry at σ 4 and σ 8, 10 at σ 2, 1 at
 * σ 1, none sharp; all 24 darkened flagged, none sharp; 17 of 24
 * brightened flagged (the rest were dark photos that ×2.5 left merely
 * bright), none sharp. Photos under HB_MEDIA_QUALITY_SIDE are judged less
 * surely: at 400 px three of the 24 sharp photos were flagged blurry.
 */
#include "config.h"

#include "hb-media-quality.h"

#include <string.h>

/* Blurry when the finest scale holds less than this share of the next
 * scale's detail… */
#define BLUR_FINE_DETAIL 0.16
/* …or when the sharpest tiles have almost no detail at all: the score
 * over the squared mean luma, so that a darker copy of a photo (whose
 * Laplacian shrinks with its levels) is judged like the photo. */
#define BLUR_MIN_DETAIL  50.0

/* Luma levels (0–255) counted as near black and as clipped white. */
#define DARK_LEVEL   20
#define BRIGHT_LEVEL 245

/* Under-exposed: the brightest 1 % below UNDER_HIGHLIGHT and the mean
 * below UNDER_MEAN. */
#define UNDER_HIGHLIGHT 0.39
#define UNDER_MEAN      0.30
/* Over-exposed: more than OVER_CLIPPED clipped with a mean above
 * OVER_MEAN, or the darkest 5 % above OVER_SHADOW. */
#define OVER_CLIPPED    0.25
#define OVER_MEAN       0.60
#define OVER_SHADOW     0.78

/* The analysis image is cut into TILE_GRID × TILE_GRID tiles. */
#define TILE_GRID   4
#define SHARP_TILES (TILE_GRID * TILE_GRID / 4)

typedef struct
{
  int    width;
  int    height;
  float *luma;  /* 0–255, row by row */
} Grey;

/* Rec. 709 weights on the stored (gamma-encoded) values: the Laplacian
 * and the histogram both want what the eye sees, not linear light. */
static void
grey_from_pixbuf (GdkPixbuf *pixbuf,
                  Grey      *grey)
{
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);

  grey->width = gdk_pixbuf_get_width (pixbuf);
  grey->height = gdk_pixbuf_get_height (pixbuf);
  grey->luma = g_new (float, (gsize) grey->width * grey->height);
  for (int y = 0; y < grey->height; y++)
    {
      const guint8 *p = pixels + (gsize) y * stride;
      float *out = grey->luma + (gsize) y * grey->width;

      for (int x = 0; x < grey->width; x++, p += channels)
        out[x] = channels >= 3 ? 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2] : p[0];
    }
}

/* @pixbuf scaled down to @max_side on its long side, or itself (a new
 * reference) when it is no larger: the thumbnail, and the image the
 * quality is measured on. */
GdkPixbuf *
hb_media_scale_to_fit (GdkPixbuf *pixbuf,
                       int        max_side)
{
  int width, height;
  double scale;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (max_side > 0, NULL);

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  scale = (double) max_side / MAX (width, height);

  if (scale >= 1.0)
    return g_object_ref (pixbuf);
  return gdk_pixbuf_scale_simple (pixbuf,
                                  MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)),
                                  GDK_INTERP_BILINEAR);
}

/* Variance of the 4-neighbour Laplacian over the tile [x0, x1) × [y0, y1),
 * which stays one pixel clear of the image's edges. */
static double
tile_laplacian_variance (const Grey *grey,
                         int         x0,
                         int         y0,
                         int         x1,
                         int         y1)
{
  double sum = 0, sum_sq = 0;
  gsize n = 0;

  for (int y = MAX (y0, 1); y < MIN (y1, grey->height - 1); y++)
    {
      const float *row = grey->luma + (gsize) y * grey->width;

      for (int x = MAX (x0, 1); x < MIN (x1, grey->width - 1); x++)
        {
          double l = row[x - 1] + row[x + 1] + row[x - grey->width] + row[x + grey->width] - 4 * row[x];

          sum += l;
          sum_sq += l * l;
          n++;
        }
    }
  if (n == 0)
    return 0;
  return MAX (0, sum_sq / n - (sum / n) * (sum / n));
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static double
blur_score (const Grey *grey)
{
  double tiles[TILE_GRID * TILE_GRID];
  double sum = 0;

  for (int ty = 0; ty < TILE_GRID; ty++)
    for (int tx = 0; tx < TILE_GRID; tx++)
      tiles[ty * TILE_GRID + tx] =
        tile_laplacian_variance (grey,
                                 tx * grey->width / TILE_GRID, ty * grey->height / TILE_GRID,
                                 (tx + 1) * grey->width / TILE_GRID, (ty + 1) * grey->height / TILE_GRID);
  qsort (tiles, G_N_ELEMENTS (tiles), sizeof tiles[0], compare_descending);
  for (int i = 0; i < SHARP_TILES; i++)
    sum += tiles[i];
  return sum / SHARP_TILES;
}

/* @grey at half size, each pixel the mean of a 2 × 2 block. */
static void
grey_halve (const Grey *grey,
            Grey       *half)
{
  half->width = MAX (1, grey->width / 2);
  half->height = MAX (1, grey->height / 2);
  half->luma = g_new (float, (gsize) half->width * half->height);
  for (int y = 0; y < half->height; y++)
    for (int x = 0; x < half->width; x++)
      {
        const float *p = grey->luma + (gsize) MIN (2 * y, grey->height - 1) * grey->width
                         + MIN (2 * x, grey->width - 1);
        const float *below = 2 * y + 1 < grey->height ? p + grey->width : p;
        int right = 2 * x + 1 < grey->width;

        half->luma[(gsize) y * half->width + x] = (p[0] + p[right] + below[0] + below[right]) / 4;
      }
}

/* @side: the long side of the photo as measured. Below
 * HB_MEDIA_QUALITY_SIDE the Laplacian sees each edge spread over fewer
 * pixels and scores about (side / HB_MEDIA_QUALITY_SIDE)² of what the
 * same photo scores at full analysis size (measured on the calibration
 * photos at 400 px); the score is scaled back by that. */
static void
measure_blur (const Grey     *grey,
              HbMediaQuality *quality)
{
  double shrink = (double) HB_MEDIA_QUALITY_SIDE / MAX (grey->width, grey->height);
  double size_factor = shrink > 1.0 ? shrink * shrink : 1.0;
  Grey half;
  double coarse;

  quality->blur_score = blur_score (grey) * size_factor;
  grey_halve (grey, &half);
  coarse = blur_score (&half) * size_factor;
  g_free (half.luma);
  /* A flat image has no detail at any scale: nothing says it is soft. */
  quality->fine_detail = coarse > 0 ? quality->blur_score / coarse : 1.0;
}

/* The luma below which @share of the pixels lie, 0 … 1. */
static double
histogram_level (const gsize *histogram,
                 gsize        n,
                 double       share)
{
  gsize count = 0;

  for (int level = 0; level < 256; level++)
    if ((count += histogram[level]) >= share * n)
      return level / 255.0;
  return 1.0;
}

static void
measure_exposure (const Grey     *grey,
                  HbMediaQuality *quality)
{
  gsize n = (gsize) grey->width * grey->height, histogram[256] = { 0 };
  double sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      sum += grey->luma[i];
      histogram[CLAMP ((int) (grey->luma[i] + 0.5f), 0, 255)]++;
    }
  quality->mean_luma = sum / n / 255.0;
  for (int level = 0; level < DARK_LEVEL; level++)
    quality->dark_fraction += (double) histogram[level] / n;
  for (int level = BRIGHT_LEVEL + 1; level < 256; level++)
    quality->bright_fraction += (double) histogram[level] / n;
  quality->shadow_level = histogram_level (histogram, n, 0.05);
  quality->highlight_level = histogram_level (histogram, n, 0.99);
}

static void
judge (HbMediaQuality *q)
{
  double detail = q->blur_score / MAX (q->mean_luma * q->mean_luma, 0.01);

  q->blurry = q->fine_detail < BLUR_FINE_DETAIL || detail < BLUR_MIN_DETAIL;
  q->underexposed = q->highlight_level < UNDER_HIGHLIGHT && q->mean_luma < UNDER_MEAN;
  q->overexposed = (q->bright_fraction > OVER_CLIPPED && q->mean_luma > OVER_MEAN)
                   || q->shadow_level > OVER_SHADOW;
}

/**
 * hb_media_quality_measure:
 * @pixbuf: a decoded photo, upright, at any size (best at least
 *   HB_MEDIA_QUALITY_SIDE on the long side)
 * @quality: (out caller-allocates): the measurements and verdicts
 *
 * Safe to call from any thread: it only reads @pixbuf.
 */
void
hb_media_quality_measure (GdkPixbuf      *pixbuf,
                          HbMediaQuality *quality)
{
  g_autoptr(GdkPixbuf) small = NULL;
  Grey grey;

  g_return_if_fail (GDK_IS_PIXBUF (pixbuf));
  g_return_if_fail (quality != NULL);

  memset (quality, 0, sizeof *quality);
  /* Smaller photos are measured as they are. */
  small = hb_media_scale_to_fit (pixbuf, HB_MEDIA_QUALITY_SIDE);
  grey_from_pixbuf (small, &grey);
  measure_blur (&grey, quality);
  measure_exposure (&grey, quality);
  g_free (grey.luma);
  judge (quality);
}
