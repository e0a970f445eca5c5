/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media.c — reads one photo or video: digest, kind, size, a
 * reduced-size thumbnail and blur and exposure measurements, safely, in a
 * worker thread.
 *
 * Files come from anywhere (cameras, WhatsApp, a colleague's USB stick),
 * so nothing here trusts the name or the header: the kind is sniffed from
 * the bytes, pixel dimensions are checked before anything is decoded, and
 * the decoder is asked for a small image so that libjpeg scales while it
 * decodes instead of building the full photo in memory. That one small
 * image serves both the quality measurements (HB_MEDIA_QUALITY_SIDE) and
 * the thumbnail, which is scaled down from it.
 *
 * Loads run in a pool of as many threads as there are processors, in the
 * order they were asked for: thirty photos dropped at once then show
 * their first thumbnails quickly, instead of thirty decoders sharing two
 * cores and all finishing late.
 */
#include "config.h"

#include "hb-media.h"


#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-sha256.h"

/* About 100 megapixels: every camera photo fits, while a header that
 * claims 30000 × 30000 (a "decompression bomb") is refused unread. */
#define HB_MEDIA_MAX_PIXELS (100 * 1000 * 1000)
/* As the bundle takes: 4 GiB, what Instagram and TikTok accept. */
#define HB_MEDIA_MAX_BYTES (G_GINT64_CONSTANT (4) << 30)

/* Enough of the head of a file for every magic number shared-mime-info
 * knows about photos and videos. */
#define SNIFF_BYTES 4096
#define CHUNK_BYTES (64 * 1024)

G_DEFINE_BOXED_TYPE (HbMediaInfo, hb_media_info, hb_media_info_copy, hb_media_info_free)

HbMediaInfo *
hb_media_info_copy (const HbMediaInfo *info)
{
  HbMediaInfo *copy = g_memdup2 (info, sizeof *info);

  copy->mime = g_strdup (info->mime);
  copy->sha256 = g_strdup (info->sha256);
  if (copy->thumbnail)
    g_object_ref (copy->thumbnail);
  return copy;
}

void
hb_media_info_free (HbMediaInfo *info)
{
  g_free (info->mime);
  g_free (info->sha256);
  g_clear_object (&info->thumbnail);
  g_free (info);
}

/* A regular file only, opened without blocking: a FIFO or a device such
 * as /dev/zero added as a photo would hang the loader or hash for ever. */
static GInputStream *
open_file (GFile         *file,
           const char    *name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (path && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                   _("“%s” is a folder, not a photo or video"), name);
      return NULL;
    }
  if (path && (fd = hb_file_open_regular (path, TRUE, HB_MEDIA_MAX_BYTES, &local_error)) >= 0)
    return g_unix_input_stream_new (fd, TRUE);
  if (path == NULL)
    {
      GFileInputStream *stream = g_file_read (file, cancellable, &local_error);

      if (stream)
        return G_INPUT_STREAM (stream);
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                 _("“%s” could not be found"), name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                 _("“%s” is not a regular file (a device, a pipe or a socket)"), name);
  else if (local_error->domain == HB_ERROR)
    g_set_error_literal (error, HB_ERROR, local_error->code, local_error->message);
  else
    g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                 _("“%s” could not be read: %s"), name, local_error->message);
  return NULL;
}

static void
set_read_error (GError     **error,
                GError      *local_error,
                const char  *name)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                   _("“%s” could not be read: %s"), name, local_error->message);
      g_error_free (local_error);
    }
}

/* Decoders are lenient: libjpeg and libpng hand back a half-grey image
 * for a file that was cut short (an interrupted copy, a half-downloaded
 * WhatsApp photo) without any error. So while the digest pass streams the
 * file, these scanners follow its structure just far enough to see the
 * end marker of the main image. Data after it (a phone's "motion photo"
 * video, for one) is allowed. */
typedef enum
{
  SCAN_MARKER_START,  /* JPEG: expecting 0xFF */
  SCAN_MARKER,        /* JPEG: expecting the marker byte */
  SCAN_LENGTH_HI,
  SCAN_LENGTH_LO,
  SCAN_SKIP,          /* inside a segment or chunk we do not need */
  SCAN_ENTROPY,       /* JPEG: compressed data after a start-of-scan */
  SCAN_ENTROPY_FF,
  SCAN_PNG_SIGNATURE,
  SCAN_PNG_HEADER,    /* PNG: collecting a chunk's length and type */
  SCAN_COMPLETE,
  SCAN_BROKEN,
  SCAN_NONE,          /* neither JPEG nor PNG: nothing to check */
} ScanState;

typedef struct
{
  ScanState state;
  guint8    marker;
  guint8    header[8];
  guint     header_len;
  guint64   remaining;
} EndScan;

static void
end_scan_init (EndScan      *scan,
               const guint8 *data,
               gsize         len)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  memset (scan, 0, sizeof *scan);
  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    scan->state = SCAN_MARKER_START;
  else if (len >= 8 && memcmp (data, png_signature, 8) == 0)
    {
      scan->state = SCAN_SKIP;
      scan->remaining = 8;
      scan->marker = 'P';
    }
  else
    scan->state = SCAN_NONE;
}

static void
jpeg_scan_marker (EndScan *scan,
                  guint8   marker)
{
  scan->marker = marker;
  if (marker == 0xd9)
    scan->state = SCAN_COMPLETE;
  else if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
    scan->state = SCAN_MARKER_START;  /* markers without a length */
  else
    scan->state = SCAN_LENGTH_HI;
}

/* Where a skipped JPEG segment or PNG chunk leads. */
static ScanState
end_scan_after_skip (EndScan *scan)
{
  if (scan->marker == 'P')
    return SCAN_PNG_HEADER;
  return scan->marker == 0xda ? SCAN_ENTROPY : SCAN_MARKER_START;
}

static void
png_scan_header (EndScan *scan,
                 guint8   byte)
{
  scan->header[scan->header_len++] = byte;
  if (scan->header_len < 8)
    return;
  scan->header_len = 0;
  if (memcmp (scan->header + 4, "IEND", 4) == 0)
    {
      scan->state = SCAN_COMPLETE;
      return;
    }
  /* The chunk's data, then its CRC. */
  scan->remaining = ((guint64) scan->header[0] << 24 | scan->header[1] << 16
                     | scan->header[2] << 8 | scan->header[3]) + 4;
  scan->state = SCAN_SKIP;
}

static void
end_scan_byte (EndScan *scan,
               guint8   byte)
{
  switch (scan->state)
    {
    case SCAN_MARKER_START:
      scan->state = byte == 0xff ? SCAN_MARKER : SCAN_BROKEN;
      break;
    case SCAN_MARKER:
      if (byte != 0xff)  /* 0xFF is fill before a marker */
        jpeg_scan_marker (scan, byte);
      break;
    case SCAN_LENGTH_HI:
      scan->remaining = (guint64) byte << 8;
      scan->state = SCAN_LENGTH_LO;
      break;
    case SCAN_LENGTH_LO:
      scan->remaining |= byte;
      if (scan->remaining < 2)
        scan->state = SCAN_BROKEN;
      else if ((scan->remaining -= 2) == 0)
        scan->state = end_scan_after_skip (scan);
      else
        scan->state = SCAN_SKIP;
      break;
    case SCAN_ENTROPY_FF:
      /* Stuffed zero, restart marker or fill: still compressed data. */
      if (byte == 0x00 || (byte >= 0xd0 && byte <= 0xd7))
        scan->state = SCAN_ENTROPY;
      else if (byte != 0xff)
        jpeg_scan_marker (scan, byte);
      break;
    case SCAN_PNG_HEADER:
      png_scan_header (scan, byte);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
end_scan_feed (EndScan      *scan,
               const guint8 *data,
               gsize         len)
{
  const guint8 *end = data + len;

  while (data < end)
    {
      if (scan->state >= SCAN_COMPLETE)
        return;
      if (scan->state == SCAN_SKIP)
        {
          gsize take = MIN (scan->remaining, (gsize) (end - data));

          data += take;
          if ((scan->remaining -= take) == 0)
            scan->state = end_scan_after_skip (scan);
        }
      else if (scan->state == SCAN_ENTROPY)
        {
          const guint8 *ff = memchr (data, 0xff, end - data);

          data = ff ? ff + 1 : end;
          if (ff)
            scan->state = SCAN_ENTROPY_FF;
        }
      else
        end_scan_byte (scan, *data++);
    }
}

/**
 * hb_media_is_truncated:
 *
 * Whether the JPEG or PNG in @data stops before the end of its main
 * image: decoders hand such a photo back half grey without an error.
 * FALSE for other kinds of file, which this cannot tell.
 */
gboolean
hb_media_is_truncated (const guint8 *data,
                       gsize         len)
{
  EndScan scan;

  end_scan_init (&scan, data, len);
  end_scan_feed (&scan, data, len);
  return len > 0 && scan.state != SCAN_COMPLETE && scan.state != SCAN_NONE;
}

/* Streams the whole file once: its SHA-256, its size, and its first bytes
 * for sniffing. Memory stays at one chunk whatever the file's size. */
static gboolean
digest_file (GFile         *file,
             const char    *name,
             HbMediaInfo   *info,
             GByteArray    *head,
             gboolean      *truncated,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GInputStream) stream = open_file (file, name, cancellable, error);
  HbSha256 checksum;
  EndScan scan = { .state = SCAN_NONE };
  g_autofree guchar *buffer = g_malloc (CHUNK_BYTES);
  GError *local_error = NULL;
  gssize n;

  if (!stream)
    return FALSE;
  hb_sha256_init (&checksum);
  while ((n = g_input_stream_read (stream, buffer, CHUNK_BYTES,
                                   cancellable, &local_error)) > 0)
    {
      hb_sha256_update (&checksum, buffer, n);
      if (info->size == 0)
        end_scan_init (&scan, buffer, n);
      end_scan_feed (&scan, buffer, n);
      if (head->len < SNIFF_BYTES)
        g_byte_array_append (head, buffer, MIN ((gsize) n, SNIFF_BYTES - head->len));
      info->size += n;
    }
  if (n < 0)
    {
      set_read_error (error, local_error, name);
      return FALSE;
    }
  info->sha256 = hb_sha256_finish_hex (&checksum);
  *truncated = info->size > 0 && scan.state != SCAN_COMPLETE && scan.state != SCAN_NONE;
  return TRUE;
}

/* The bytes decide. Only when they say nothing at all (many video
 * containers have no magic that shared-mime-info knows) does the name
 * get a say, and then only for videos: the media player confirms it. */
static char *
sniff_mime (const char   *path,
            const guint8 *data,
            gsize         len)
{
  g_autofree char *type = g_content_type_guess (NULL, data, len, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  if (mime && (g_str_has_prefix (mime, "image/") || g_str_has_prefix (mime, "video/")))
    return g_steal_pointer (&mime);
  if (g_content_type_is_unknown (type))
    {
      g_autofree char *by_name = g_content_type_guess (path, NULL, 0, NULL);
      g_autofree char *name_mime = g_content_type_get_mime_type (by_name);

      if (name_mime && g_str_has_prefix (name_mime, "video/"))
        return g_steal_pointer (&name_mime);
    }
  return g_steal_pointer (&mime);
}

typedef struct
{
  int      max_side;
  gboolean too_large;
} ThumbRequest;

/* Called with the size from the file's header before any pixel memory is
 * allocated: asking for the reduced size here is what makes libjpeg decode
 * at 1/2, 1/4 or 1/8 scale. */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  ThumbRequest    *request)
{
  double scale;

  if ((gint64) width * height > HB_MEDIA_MAX_PIXELS || width <= 0 || height <= 0)
    {
      /* A size of 0 makes the loader stop without decoding. */
      request->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  scale = MIN (1.0, (double) request->max_side / MAX (width, height));
  gdk_pixbuf_loader_set_size (loader,
                              MAX (1, (int) (width * scale + 0.5)),
                              MAX (1, (int) (height * scale + 0.5)));
}

/* Returns FALSE with @error set when the file cannot be read; a decoder
 * that gives up only clears @decoded. */
static gboolean
feed_loader (GdkPixbufLoader  *loader,
             GFile            *file,
             const char       *name,
             gboolean         *decoded,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GInputStream) stream = open_file (file, name, cancellable, error);
  g_autofree guchar *buffer = g_malloc (CHUNK_BYTES);
  GError *local_error = NULL;
  gssize n;

  if (!stream)
    return FALSE;
  while ((n = g_input_stream_read (stream, buffer, CHUNK_BYTES,
                                   cancellable, &local_error)) > 0)
    if (!gdk_pixbuf_loader_write (loader, buffer, n, NULL))
      {
        *decoded = FALSE;
        return TRUE;
      }
  if (n < 0)
    {
      set_read_error (error, local_error, name);
      return FALSE;
    }
  return TRUE;
}

static void
set_damaged_error (GError     **error,
                   const char  *name)
{
  g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
               _("“%s” is damaged or incomplete and cannot be shown"), name);
}

/* EXIF orientations 5–8 turn the photo a quarter: its displayed width is
 * the stored height. */
static gboolean
orientation_swaps_sides (GdkPixbuf *pixbuf)
{
  const char *orientation = gdk_pixbuf_get_option (pixbuf, "orientation");

  return orientation && g_ascii_strtoll (orientation, NULL, 10) >= 5;
}

static GdkPixbuf *
load_thumbnail (GFile         *file,
                const char    *name,
                int            max_side,
                gboolean      *turned,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  ThumbRequest request = { max_side, FALSE };
  gboolean fed, decoded = TRUE;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &request);
  fed = feed_loader (loader, file, name, &decoded, cancellable, error);
  /* close() must run even after a failure, or the loader complains; a
   * failed write has closed it already. */
  if (decoded)
    decoded = gdk_pixbuf_loader_close (loader, NULL);
  else
    gdk_pixbuf_loader_close (loader, NULL);
  if (!fed)
    return NULL;
  if (request.too_large)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_TOO_LARGE,
                   _("“%s” is larger than Hebahan can open"), name);
      return NULL;
    }
  /* A loader that reports an error or hands back a partial image means
   * the file is damaged: better a clear error than a half-grey photo. */
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!decoded || pixbuf == NULL)
    {
      set_damaged_error (error, name);
      return NULL;
    }
  *turned = orientation_swaps_sides (pixbuf);
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* Whether some gdk-pixbuf loader claims @mime: a file of a known kind
 * that still cannot be read is damaged, not unsupported. */
static gboolean
pixbuf_reads_mime (const char *mime)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l; l = l->next)
    {
      g_auto(GStrv) types = gdk_pixbuf_format_get_mime_types (l->data);

      if (types && g_strv_contains ((const char * const *) types, mime))
        return TRUE;
    }
  return FALSE;
}

/* @pixbuf at most @max_side on its long side; never enlarged. */
static gboolean
load_photo (const char    *path,
            const char    *name,
            int            thumb_size,
            gboolean       truncated,
            HbMediaInfo   *info,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkPixbuf) decoded = NULL;
  int width = 0, height = 0;
  gboolean turned = FALSE;

  /* Reads the header only: the claimed size is checked before any
   * decoder allocates a single row. */
  if (!pixbuf_reads_mime (info->mime))
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                   _("“%s” is not a photo or video Hebahan can read"), name);
      return FALSE;
    }
  if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL)
    {
      set_damaged_error (error, name);
      return FALSE;
    }
  if (width <= 0 || height <= 0)
    {
      set_damaged_error (error, name);
      return FALSE;
    }
  if ((gint64) width * height > HB_MEDIA_MAX_PIXELS)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_TOO_LARGE,
                   _("“%s” is %d × %d pixels, larger than Hebahan can open"),
                   name, width, height);
      return FALSE;
    }
  if (truncated)
    {
      set_damaged_error (error, name);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  decoded = load_thumbnail (file, name, MAX (thumb_size, HB_MEDIA_QUALITY_SIDE),
                            &turned, cancellable, error);
  if (decoded == NULL)
    return FALSE;
  hb_media_quality_measure (decoded, &info->quality);
  info->has_quality = TRUE;
  info->thumbnail = hb_media_scale_to_fit (decoded, thumb_size);
  info->width = turned ? height : width;
  info->height = turned ? width : height;
  return TRUE;
}

/**
 * hb_media_load:
 * @path: a local file
 * @thumb_size: the longest side of the thumbnail, in pixels
 *
 * Reads @path in the calling thread: never call it on the main thread.
 * Errors are in the HB_ERROR domain and name the file, ready to show on
 * the item; a cancelled load gives G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): what was found, or %NULL with @error set
 */
HbMediaInfo *
hb_media_load (const char    *path,
               int            thumb_size,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(HbMediaInfo) info = g_new0 (HbMediaInfo, 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GByteArray) head = g_byte_array_sized_new (SNIFF_BYTES);
  g_autofree char *name = NULL;
  gboolean truncated = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (thumb_size > 0, NULL);

  file = g_file_new_for_path (path);
  name = g_filename_display_basename (path);
  if (!digest_file (file, name, info, head, &truncated, cancellable, error))
    return NULL;
  if (info->size == 0)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE, _("“%s” is empty"), name);
      return NULL;
    }
  info->mime = sniff_mime (path, head->data, head->len);
  if (info->mime && g_str_has_prefix (info->mime, "video/"))
    {
      info->kind = HB_MEDIA_VIDEO;
      return g_steal_pointer (&info);
    }
  if (!info->mime || !g_str_has_prefix (info->mime, "image/"))
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                   _("“%s” is not a photo or video Hebahan can read"), name);
      return NULL;
    }
  info->kind = HB_MEDIA_PHOTO;
  if (!load_photo (path, name, thumb_size, truncated, info, cancellable, error))
    return NULL;
  return g_steal_pointer (&info);
}

typedef struct
{
  char *path;
  int   thumb_size;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

/* Two pools of threads of their own (exclusive, so a lowered priority
 * never leaks into GLib's shared threads and from there into GTask's
 * workers, such as the linter's):
 *
 *  - the lead decoder, one thread at normal priority, takes a load when
 *    nothing else is loading: the first thumbnail of a batch is the one
 *    the user is waiting for, and at a lower priority it would lose its
 *    core to the display server while the window builds the tiles;
 *  - the background decoders, one per core, run the rest of a batch at a
 *    lower priority, as thumbnailers do, so the main loop always gets its
 *    turn for each frame.  Linux gives each thread its own nice value.
 *    They wait while the lead decoder works: on two cores, the second is
 *    needed then by the window building the tiles and by the display
 *    server, and every thread more only makes the first thumbnail late. */
G_LOCK_DEFINE_STATIC (loads);
static guint n_loading;    /* loads asked for and not finished */
static gboolean lead_busy; /* the lead decoder has a load */
static GQueue held;        /* background loads waiting for the lead's */

static void
lower_thread_priority (void)
{
#ifdef __linux__
  static GPrivate lowered;

  if (g_private_get (&lowered))
    return;
  g_private_set (&lowered, GINT_TO_POINTER (1));
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif
}

static GThreadPool *get_pool (gboolean background);

static void
finish_load (gboolean background)
{
  GTask *waiting;

  G_LOCK (loads);
  n_loading--;
  if (!background)
    {
      lead_busy = FALSE;
      while ((waiting = g_queue_pop_head (&held)))
        g_thread_pool_push (get_pool (TRUE), waiting, NULL);
    }
  G_UNLOCK (loads);
}

/* Runs in a pool; takes the reference hb_media_load_async() gave. */
static void
load_in_pool (gpointer task_pointer,
              gpointer background)
{
  g_autoptr(GTask) task = task_pointer;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;
  HbMediaInfo *info;

  if (background)
    lower_thread_priority ();
  info = hb_media_load (data->path, data->thumb_size, g_task_get_cancellable (task), &error);
  /* Returned before the held loads start, so that the lead's result
   * always reaches the caller first. */
  if (info)
    g_task_return_pointer (task, info, (GDestroyNotify) hb_media_info_free);
  else
    g_task_return_error (task, error);
  finish_load (background != NULL);
}

/* Decoding is CPU-bound: more threads than cores only make every photo
 * late. GThreadPool hands out work in the order it was pushed. */
static GThreadPool *
get_pool (gboolean background)
{
  static GThreadPool *pools[2];
  static gsize created;

  if (g_once_init_enter (&created))
    {
      pools[0] = g_thread_pool_new (load_in_pool, GINT_TO_POINTER (FALSE), 1, TRUE, NULL);
      pools[1] = g_thread_pool_new (load_in_pool, GINT_TO_POINTER (TRUE),
                                    MAX (2, (int) g_get_num_processors ()), TRUE, NULL);
      g_once_init_leave (&created, 1);
    }
  return pools[background ? 1 : 0];
}

/**
 * hb_media_load_async:
 *
 * Runs hb_media_load() in a worker thread, in the order loads are asked for
 * (the first of a batch at once), and calls @callback in the thread-default main context of the
 * caller.
 */
void
hb_media_load_async (const char          *path,
                     int                  thumb_size,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_media_load_async);
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  data->thumb_size = thumb_size;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  /* Only the first of a batch goes to the lead decoder. */
  G_LOCK (loads);
  if (n_loading++ == 0)
    {
      lead_busy = TRUE;
      g_thread_pool_push (get_pool (FALSE), g_steal_pointer (&task), NULL);
    }
  else if (lead_busy)
    g_queue_push_tail (&held, g_steal_pointer (&task));
  else
    g_thread_pool_push (get_pool (TRUE), g_steal_pointer (&task), NULL);
  G_UNLOCK (loads);
}

HbMediaInfo *
hb_media_load_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hb_media_check_digest:
 * @path: the file
 * @recorded: (nullable): the SHA-256 the post records for it
 * @actual: (nullable): the SHA-256 of the file as it is now
 *
 * A file whose digest is not the one recorded is not the file that was
 * reviewed.  The measuring (window and CLI) and the export both ask here,
 * so they refuse it in the same words.  Nothing recorded, or nothing read
 * yet, passes: the caller decides what that means.
 */
gboolean
hb_media_check_digest (const char  *path,
                       const char  *recorded,
                       const char  *actual,
                       GError     **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (recorded == NULL || *recorded == '\0' || actual == NULL || g_ascii_strcasecmp (recorded, actual) == 0)
    return TRUE;
  name = g_path_get_basename (path);
  g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
               _("“%s” has changed since it was added to the post: remove it and add it again"), name);
  return FALSE;
}
