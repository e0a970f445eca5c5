/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-reencode.c — the bundle's photos re-encoded in parallel (see
 * hb-reencode.h). */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#include <errno.h>
#include <unistd.h>

#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-media.h"
#include "hb-reencode.h"
#include "hb-sha256.h"

#define MAX_PIXELS   (100 * 1000 * 1000)   /* as hb-media.c: refuse decompression bombs */
#define MAX_PHOTO_BYTES (256 * 1024 * 1024) /* no camera photo comes near it */
#define CHUNK_BYTES  (64 * 1024)
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

typedef struct
{
  HbReencoder *self;
  int          width, height;  /* as the header says */
  gboolean     too_large;
} SizeRequest;

/* Decodes no larger than the platforms need: asked for here, with the
 * size from the header and before any pixel memory is allocated, libjpeg
 * decodes at 1/2, 1/4 or 1/8 scale, faster than full size and with a
 * quarter of the memory or less.  The size asked for is exactly libjpeg's
 * reduced size, so gdk-pixbuf does not resample on the way; fit_photo()
 * makes the one final resampling.  The EXIF orientation is not known
 * before decoding, so the reduction allows for the photo either way up.
 * A header that claims too many pixels stops the loader unread. */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              w,
                  int              h,
                  SizeRequest     *req)
{
  HbReencoder *self = req->self;
  int d;

  req->width = w, req->height = h;
  if (w <= 0 || h <= 0 || (gint64) w * h > MAX_PIXELS)
    {
      req->too_large = w > 0 && h > 0;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  d = decode_divisor (MAX (fit_scale (w, h, self->max_width, self->max_height),
                           fit_scale (h, w, self->max_width, self->max_height)));
  if (d > 1)
    gdk_pixbuf_loader_set_size (loader, (w + d - 1) / d, (h + d - 1) / d);
}

static void
set_decode_error (GError          **error,
                  const char       *source,
                  const SizeRequest *req,
                  const GError     *cause)
{
  if (req->too_large)
    g_set_error (error, HB_ERROR, HB_ERROR_TOO_LARGE,
                 _("“%s” is %d × %d pixels, more than the %d megapixels Hebahan re-encodes"),
                 source, req->width, req->height, MAX_PIXELS / 1000000);
  else if (req->width == 0)
    g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                 _("Could not read “%s”: not a photo Hebahan can re-encode"), source);
  else
    g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE, _("Could not read “%s”: %s"),
                 source, cause ? cause->message : _("the photo is damaged"));
}

/* @bytes decoded, upright; @png says whether it was a PNG. */
static GdkPixbuf *
decode_photo (HbReencoder  *self,
              const char   *source,
              GBytes       *bytes,
              gboolean     *png,
              GError      **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) local_error = NULL;
  SizeRequest req = { self, 0, 0, FALSE };
  GdkPixbufFormat *format;
  g_autofree char *name = NULL;
  gboolean ok;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &req);
  ok = gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error);
  /* close() must run even after a failure, or the loader complains. */
  ok = gdk_pixbuf_loader_close (loader, ok ? &local_error : NULL) && ok;
  if (!ok || req.too_large || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      set_decode_error (error, source, &req, local_error);
      return NULL;
    }
  format = gdk_pixbuf_loader_get_format (loader);
  name = format ? gdk_pixbuf_format_get_name (format) : NULL;
  *png = g_strcmp0 (name, "png") == 0;
  return gdk_pixbuf_apply_embedded_orientation (gdk_pixbuf_loader_get_pixbuf (loader));
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
              GBytes        *bytes,
              GError       **error)
{
  g_autoptr(GdkPixbuf) upright = NULL, fitted = NULL, flat = NULL;
  gboolean png = FALSE;
  char *data = NULL;
  gsize len = 0;
  gboolean ok;

  if ((upright = decode_photo (self, job->source, bytes, &png, error)) == NULL)
    return FALSE;
  job->png = self->png_ok && png;
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

/* The photo's bytes, read once through a descriptor that is a regular
 * file (a FIFO or /dev/zero named as a photo would block or never end):
 * what is hashed is exactly what is decoded. */
static GBytes *
read_source (const char    *source,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) all = g_byte_array_new ();
  g_autofree guint8 *buf = g_malloc (CHUNK_BYTES);
  int fd = hb_file_open_regular (source, TRUE, MAX_PHOTO_BYTES, &local_error);
  gssize n = 0;

  if (fd < 0)
    {
      g_set_error_literal (error, HB_ERROR, local_error->domain == HB_ERROR ? local_error->code
                           : HB_ERROR_MEDIA_UNREADABLE, local_error->message);
      return NULL;
    }
  while (all->len <= MAX_PHOTO_BYTES && !g_cancellable_is_cancelled (cancellable) &&
         ((n = read (fd, buf, CHUNK_BYTES)) > 0 || (n < 0 && errno == EINTR)))
    if (n > 0)
      g_byte_array_append (all, buf, n);
  close (fd);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (n < 0 || all->len > MAX_PHOTO_BYTES)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE, _("Could not read “%s”: %s"), source,
                   n < 0 ? g_strerror (errno) : _("it grew while it was read"));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

/* Videos are read, checked and re-muxed by the bundle itself; here only
 * photos are. */
static gboolean
run_job (HbReencoder   *self,
         HbReencodeJob *job,
         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;
  const guint8 *data;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (!job->photo)
    return TRUE;
  if ((bytes = read_source (job->source, self->cancellable, error)) == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  job->source_sha256 = hb_sha256_hex (data, len);
  /* Decoders hand back a cut-off photo half grey without a word. */
  if (hb_media_is_truncated (data, len))
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                   _("“%s” is damaged or incomplete: the photo stops before its end"), job->source);
      return FALSE;
    }
  return encode_photo (self, job, bytes, error);
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
