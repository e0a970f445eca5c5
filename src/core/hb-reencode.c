/* hb-reencode.c — the bundle's photos re-encoded in parallel (see
 * hb-reencode.h). */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#include "hb-error.h"
#include "hb-reencode.h"
#include "hb-sha256.h"

#define MAX_PIXELS   (100 * 1000 * 1000)   /* as hb-media.c: refuse decompression bombs */
#define JPEG_QUALITY "90"

struct _HbReencoder
{
  guint         max_width, max_height;
  gboolean      png_ok;
  int           thumb_size;
  GCancellable *cancellable;
  GThreadPool  *pool;
  GPtrArray    *jobs;      /* Job, in push order */
  GMutex        lock;
  GCond         done_cond;
  gboolean      stopping;  /* freeing: jobs not started yet are skipped */
};

typedef struct
{
  HbReencodeJob public;
  HbReencoder  *owner;
  gboolean      done;
} Job;

/* The scale that fits @w × @h into the box, 1 when it fits already. */
static double
fit_scale (int   w,
           int   h,
           guint max_width,
           guint max_height)
{
  double scale = 1.0;

  if (max_width && (guint) w > max_width)
    scale = MIN (scale, (double) max_width / w);
  if (max_height && (guint) h > max_height)
    scale = MIN (scale, (double) max_height / h);
  return scale;
}

static GdkPixbuf *
fit_photo (GdkPixbuf *pixbuf,
           guint      max_width,
           guint      max_height)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  double scale = fit_scale (w, h, max_width, max_height);

  if (scale >= 1.0)
    return g_object_ref (pixbuf);
  return gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (w * scale)), MAX (1, (int) (h * scale)),
                                  GDK_INTERP_BILINEAR);
}

/* The largest of libjpeg's reduced sizes (1/2, 1/4, 1/8) that is still
 * at least @scale of the original; 1 when none is. */
static int
decode_divisor (double scale)
{
  int d = 1;

  while (d < 8 && 1.0 / (d * 2) >= scale)
    d *= 2;
  return d;
}

/* Decodes no larger than the platforms need: libjpeg then decodes at 1/2,
 * 1/4 or 1/8 scale, faster than full size and with a quarter of the
 * memory or less.  The size asked for is exactly libjpeg's reduced size,
 * so gdk-pixbuf does not resample on the way; fit_photo() makes the one
 * final resampling.  The EXIF orientation is not known before decoding,
 * so the reduction allows for the photo either way up. */
static GdkPixbuf *
decode_photo (const char  *source,
              guint        max_width,
              guint        max_height,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) raw = NULL;
  int w = 0, h = 0, d;

  if (gdk_pixbuf_get_file_info (source, &w, &h) == NULL || w <= 0 || h <= 0 ||
      (gint64) w * h > MAX_PIXELS)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                   _("Could not read “%s”: not a photo Hebahan can re-encode"), source);
      return NULL;
    }
  d = decode_divisor (MAX (fit_scale (w, h, max_width, max_height),
                           fit_scale (h, w, max_width, max_height)));
  raw = d > 1 ? gdk_pixbuf_new_from_file_at_scale (source, (w + d - 1) / d, (h + d - 1) / d,
                                                   FALSE, &local_error)
              : gdk_pixbuf_new_from_file (source, &local_error);
  if (raw == NULL)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                   _("Could not read “%s”: %s"), source, local_error->message);
      return NULL;
    }
  return gdk_pixbuf_apply_embedded_orientation (raw);
}

/* JPEG has no transparency: flatten onto white, as platforms do. */
static GdkPixbuf *
flatten (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return g_object_ref (pixbuf);
  return gdk_pixbuf_composite_color_simple (pixbuf, w, h, GDK_INTERP_NEAREST, 255, 8,
                                            0xffffffff, 0xffffffff);
}

/* Only the pixels are saved: no "icc-profile", no "tEXt::" keys, so no
 * EXIF, GPS, XMP or comment survives. */
static gboolean
encode_photo (HbReencoder   *self,
              HbReencodeJob *job,
              GError       **error)
{
  GdkPixbufFormat *format = gdk_pixbuf_get_file_info (job->source, NULL, NULL);
  g_autofree char *format_name = format ? gdk_pixbuf_format_get_name (format) : NULL;
  g_autoptr(GdkPixbuf) upright = NULL, fitted = NULL, flat = NULL;
  char *data = NULL;
  gsize len = 0;
  gboolean ok;

  job->png = self->png_ok && g_strcmp0 (format_name, "png") == 0;
  if ((upright = decode_photo (job->source, self->max_width, self->max_height, error)) == NULL)
    return FALSE;
  fitted = fit_photo (upright, self->max_width, self->max_height);
  g_clear_object (&upright);
  if (job->png)
    ok = gdk_pixbuf_save_to_buffer (fitted, &data, &len, "png", error, NULL);
  else
    ok = (flat = flatten (fitted)) != NULL &&
         gdk_pixbuf_save_to_buffer (flat, &data, &len, "jpeg", error, "quality", JPEG_QUALITY, NULL);
  if (!ok)
    return FALSE;
  job->width = gdk_pixbuf_get_width (fitted);
  job->height = gdk_pixbuf_get_height (fitted);
  if (self->thumb_size > 0)
    job->thumbnail = fit_photo (fitted, self->thumb_size, self->thumb_size);
  job->data = g_bytes_new_take (data, len);
  return TRUE;
}

static gboolean
run_job (HbReencoder   *self,
         HbReencodeJob *job,
         GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if ((job->source_sha256 = hb_sha256_file (job->source, self->cancellable, error)) == NULL)
    return FALSE;
  return !job->photo || encode_photo (self, job, error);
}

static void
work (gpointer data,
      gpointer user_data)
{
  Job *job = data;
  HbReencoder *self = job->owner;
  gboolean skip;

  g_mutex_lock (&self->lock);
  skip = self->stopping;
  g_mutex_unlock (&self->lock);
  if (skip)
    g_set_error_literal (&job->public.error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  else
    run_job (self, &job->public, &job->public.error);
  g_mutex_lock (&self->lock);
  job->done = TRUE;
  g_cond_broadcast (&self->done_cond);
  g_mutex_unlock (&self->lock);
}

static void
job_free (Job *job)
{
  g_free (job->public.source);
  g_free (job->public.source_sha256);
  g_clear_pointer (&job->public.data, g_bytes_unref);
  g_clear_object (&job->public.thumbnail);
  g_clear_error (&job->public.error);
  g_free (job);
}

/* @max_width, @max_height: the largest size every selected platform
 * accepts (0: no limit); @png_ok: whether PNG may stay PNG; @thumb_size:
 * the longest side of each photo's thumbnail, 0 for none. */
HbReencoder *
hb_reencoder_new (guint         max_width,
                  guint         max_height,
                  gboolean      png_ok,
                  int           thumb_size,
                  GCancellable *cancellable)
{
  HbReencoder *self = g_new0 (HbReencoder, 1);

  self->max_width = max_width;
  self->max_height = max_height;
  self->png_ok = png_ok;
  self->thumb_size = thumb_size;
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_mutex_init (&self->lock);
  g_cond_init (&self->done_cond);
  /* One decoder per core: decoding is CPU-bound. */
  self->pool = g_thread_pool_new (work, self, MAX (1, (int) g_get_num_processors ()), FALSE, NULL);
  return self;
}

void
hb_reencoder_push (HbReencoder *self,
                   const char  *source,
                   gboolean     photo)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (self != NULL);

  job->owner = self;
  job->public.source = g_strdup (source);
  job->public.photo = photo;
  g_ptr_array_add (self->jobs, job);
  g_thread_pool_push (self->pool, job, NULL);
}

/* Blocks until item @index (in push order) is done; the job stays owned
 * by @self. */
const HbReencodeJob *
hb_reencoder_wait (HbReencoder *self,
                   guint        index)
{
  Job *job;

  g_return_val_if_fail (index < self->jobs->len, NULL);
  job = self->jobs->pdata[index];
  g_mutex_lock (&self->lock);
  while (!job->done)
    g_cond_wait (&self->done_cond, &self->lock);
  g_mutex_unlock (&self->lock);
  return &job->public;
}

/* Skips what has not started and waits for what has. */
void
hb_reencoder_free (HbReencoder *self)
{
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_mutex_unlock (&self->lock);
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_ptr_array_unref (self->jobs);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->done_cond);
  g_clear_object (&self->cancellable);
  g_free (self);
}
