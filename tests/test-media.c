/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-media.c — reading photos and videos: reduced thumbnails, EXIF
 * orientation, digests, blur and exposure verdicts on real photos, and a
 * clear error for every kind of bad file. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/resource.h>

#include "hb-error.h"
#include "hb-media.h"
#include "hb-media-measure.h"

/* Every bad file must be turned away at once, never after a long decode. */
#define QUICK_SECONDS 2.0

static char *fixture_dir;

static char *
fixture_path (const char *name)
{
  return g_build_filename (fixture_dir, name, NULL);
}

static char *
write_fixture (const char *name,
               const void *data,
               gsize       len)
{
  char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Left half red, right half blue, so a test can see which way a photo
 * was turned. */
static GdkPixbuf *
make_two_tone (int width,
               int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = x < width / 2 ? 230 : 20;
        p[1] = 20;
        p[2] = x < width / 2 ? 20 : 230;
      }
  return pixbuf;
}

static GBytes *
encode (GdkPixbuf  *pixbuf,
        const char *type)
{
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize len = 0;

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, type, &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, len);
}

static char *
write_pixbuf (const char *name,
              GdkPixbuf  *pixbuf,
              const char *type)
{
  g_autoptr(GBytes) bytes = encode (pixbuf, type);

  return write_fixture (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint32
crc32 (const guint8 *data,
       gsize         len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, b, 4);
}

static void
append_png_chunk (GByteArray   *png,
                  const char   *type,
                  const guint8 *data,
                  guint32       len)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();

  g_byte_array_append (body, (const guint8 *) type, 4);
  g_byte_array_append (body, data, len);
  append_be32 (png, len);
  g_byte_array_append (png, body->data, body->len);
  append_be32 (png, crc32 (body->data, body->len));
}

/* A valid PNG header claiming 30000 × 30000 RGBA pixels (3.6 GB when
 * decoded) followed by a scrap of image data. */
static GByteArray *
make_png_bomb (void)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 ihdr[] = { 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 6, 0, 0, 0 };
  static const guint8 idat[] = { 0x78, 0x9c, 0x63, 0x60, 0x00, 0x00 };
  GByteArray *png = g_byte_array_new ();

  g_byte_array_append (png, signature, sizeof signature);
  append_png_chunk (png, "IHDR", ihdr, sizeof ihdr);
  append_png_chunk (png, "IDAT", idat, sizeof idat);
  return png;
}

/* A JPEG whose APP1 segment says "turn 90° clockwise to display"
 * (EXIF orientation 6), as phones write when held upright. */
static char *
write_exif_rotated_jpeg (const char *name)
{
  static const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 0x2a, 0, 0, 0, 8,              /* big-endian TIFF, IFD at 8 */
    0, 1,                                        /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,    /* Orientation, SHORT, 6 */
    0, 0, 0, 0,                                  /* no next IFD */
  };
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (64, 32);
  g_autoptr(GBytes) jpeg = encode (pixbuf, "jpeg");
  const guint8 *data = g_bytes_get_data (jpeg, NULL);
  g_autoptr(GByteArray) out = g_byte_array_new ();

  g_assert_cmpint (data[0], ==, 0xff);
  g_assert_cmpint (data[1], ==, 0xd8);
  g_byte_array_append (out, data, 2);
  g_byte_array_append (out, app1, sizeof app1);
  g_byte_array_append (out, data + 2, g_bytes_get_size (jpeg) - 2);
  return write_fixture (name, out->data, out->len);
}

static HbMediaInfo *
load_ok (const char *path,
         int         thumb_size)
{
  g_autoptr(GError) error = NULL;
  HbMediaInfo *info = hb_media_load (path, thumb_size, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static void
test_thumbnail_reduced (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (1600, 1000);
  g_autofree char *path = write_pixbuf ("big.jpg", pixbuf, "jpeg");
  g_autoptr(HbMediaInfo) info = load_ok (path, 256);

  g_assert_cmpint (info->kind, ==, HB_MEDIA_PHOTO);
  g_assert_cmpstr (info->mime, ==, "image/jpeg");
  g_assert_cmpint (info->width, ==, 1600);
  g_assert_cmpint (info->height, ==, 1000);
  g_assert_nonnull (info->thumbnail);
  g_assert_cmpint (gdk_pixbuf_get_width (info->thumbnail), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (info->thumbnail), ==, 160);
}

static void
test_small_photo_not_enlarged (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (40, 30);
  g_autofree char *path = write_pixbuf ("small.png", pixbuf, "png");
  g_autoptr(HbMediaInfo) info = load_ok (path, 256);

  g_assert_cmpstr (info->mime, ==, "image/png");
  g_assert_cmpint (gdk_pixbuf_get_width (info->thumbnail), ==, 40);
  g_assert_cmpint (gdk_pixbuf_get_height (info->thumbnail), ==, 30);
}

static void
assert_colour (GdkPixbuf *pixbuf,
               int        x,
               int        y,
               gboolean   red)
{
  const guchar *p = gdk_pixbuf_read_pixels (pixbuf)
                    + y * gdk_pixbuf_get_rowstride (pixbuf)
                    + x * gdk_pixbuf_get_n_channels (pixbuf);

  if (red)
    g_assert_cmpint (p[0], >, p[2] + 100);
  else
    g_assert_cmpint (p[2], >, p[0] + 100);
}

static void
test_exif_orientation (void)
{
  g_autofree char *path = write_exif_rotated_jpeg ("upright.jpg");
  g_autoptr(HbMediaInfo) info = load_ok (path, 256);
  GdkPixbuf *thumb = info->thumbnail;
  int w = gdk_pixbuf_get_width (thumb), h = gdk_pixbuf_get_height (thumb);

  /* Stored 64 × 32 with red on the left; shown 32 × 64 with red on top. */
  g_assert_cmpint (w, ==, 32);
  g_assert_cmpint (h, ==, 64);
  g_assert_cmpint (info->width, ==, 32);
  g_assert_cmpint (info->height, ==, 64);
  assert_colour (thumb, w / 2, 4, TRUE);
  assert_colour (thumb, w / 2, h - 5, FALSE);
}

static void
test_sha256 (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (300, 200);
  g_autofree char *path = write_pixbuf ("digest.png", pixbuf, "png");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(HbMediaInfo) info = load_ok (path, 64);
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  g_assert_cmpstr (info->sha256, ==, expected);
  g_assert_cmpuint (info->size, ==, len);
}

static void
test_sha256_large_file (void)
{
  /* Bigger than one read chunk, so the digest is really streamed. */
  gsize len = 3 * 1024 * 1024 + 17;
  g_autofree guint8 *data = g_malloc (len);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(HbMediaInfo) info = NULL;
  static const guint8 ebml[] = { 0x1a, 0x45, 0xdf, 0xa3 };

  for (gsize i = 0; i < len; i++)
    data[i] = (i * 7919) >> 3;
  memcpy (data, ebml, sizeof ebml);
  path = write_fixture ("long.mkv", data, len);
  info = load_ok (path, 64);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
  g_assert_cmpstr (info->sha256, ==, expected);
  g_assert_cmpuint (info->size, ==, len);
}

static void
test_video_kind (void)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "video.webm", NULL);
  g_autoptr(HbMediaInfo) info = NULL;

  if (!g_file_test (demo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/demo/video.webm is missing");
      return;
    }
  info = load_ok (demo, 256);
  g_assert_cmpint (info->kind, ==, HB_MEDIA_VIDEO);
  g_assert_true (g_str_has_prefix (info->mime, "video/"));
  g_assert_null (info->thumbnail);
  g_assert_cmpuint (info->size, >, 1000);
  g_assert_cmpint (strlen (info->sha256), ==, 64);
}

/* Loads @path expecting @code, quickly, with the file's name in a
 * message the user can act on. */
static void
assert_rejected (const char *path,
                 HbError     code,
                 const char *also_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *name = g_path_get_basename (path);
  HbMediaInfo *info = hb_media_load (path, 256, NULL, &error);

  g_assert_null (info);
  g_assert_error (error, HB_ERROR, (int) code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (also_in_message)
    g_assert_nonnull (strstr (error->message, also_in_message));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, QUICK_SECONDS);
}

static void
test_missing (void)
{
  g_autofree char *path = fixture_path ("not-there.jpg");

  assert_rejected (path, HB_ERROR_MEDIA_UNREADABLE, "could not be found");
}

/* A FIFO or /dev/zero added as a photo hung the loader (a blocking open)
 * or hashed for ever (issue 16): refused at once. */
static void
test_special_files (void)
{
  g_autofree char *fifo = fixture_path ("pipe.jpg");

  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_rejected (fifo, HB_ERROR_MEDIA_UNSUPPORTED, "is not a regular file");
  assert_rejected ("/dev/zero", HB_ERROR_MEDIA_UNSUPPORTED, "is not a regular file");
  g_unlink (fifo);
}

static void
test_empty (void)
{
  g_autofree char *path = write_fixture ("empty.jpg", "", 0);

  assert_rejected (path, HB_ERROR_MEDIA_UNREADABLE, "empty");
}

static void
test_text_named_jpeg (void)
{
  static const char text[] = "Mesyuarat agung pada hari Isnin.\nThis is not a photo.\n";
  g_autofree char *path = write_fixture ("notes.jpg", text, sizeof text - 1);

  assert_rejected (path, HB_ERROR_MEDIA_UNSUPPORTED, NULL);
}

static void
test_text_named_video (void)
{
  static const char text[] = "Not a video at all, just a note.\n";
  g_autofree char *path = write_fixture ("clip.mp4", text, sizeof text - 1);

  assert_rejected (path, HB_ERROR_MEDIA_UNSUPPORTED, NULL);
}

static void
test_unknown_binary (void)
{
  guint8 junk[2048];
  g_autofree char *path = NULL;

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (i * 131 + 7) & 0xff;
  path = write_fixture ("scan.tif", junk, sizeof junk);
  assert_rejected (path, HB_ERROR_MEDIA_UNSUPPORTED, NULL);
}

static void
test_corrupt_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (320, 240);
  g_autoptr(GBytes) jpeg = encode (pixbuf, "jpeg");
  gsize len = g_bytes_get_size (jpeg);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (jpeg, NULL), len);
  g_autofree char *path = NULL;

  /* Keep the JPEG signature and trash the tables that follow. */
  for (gsize i = 4; i < 400 && i < len; i++)
    data[i] = (i * 37) & 0xff;
  path = write_fixture ("corrupt.jpg", data, len);
  assert_rejected (path, HB_ERROR_MEDIA_UNREADABLE, NULL);
}

static void
test_truncated_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (640, 480);
  g_autoptr(GBytes) jpeg = encode (pixbuf, "jpeg");
  g_autofree char *path = write_fixture ("cut-short.jpg", g_bytes_get_data (jpeg, NULL),
                                         g_bytes_get_size (jpeg) * 2 / 3);

  assert_rejected (path, HB_ERROR_MEDIA_UNREADABLE, NULL);
}

static void
test_truncated_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (400, 300);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *path = NULL;

  /* Noise keeps the image data long enough to cut in the middle. */
  for (int i = 0; i < 400 * 300; i += 3)
    gdk_pixbuf_get_pixels (pixbuf)[i] ^= (i * 2654435761u) >> 24;
  png = encode (pixbuf, "png");
  path = write_fixture ("truncated.png", g_bytes_get_data (png, NULL), g_bytes_get_size (png) / 2);
  assert_rejected (path, HB_ERROR_MEDIA_UNREADABLE, NULL);
}

static void
load_png_bomb (void)
{
  g_autoptr(GByteArray) png = make_png_bomb ();
  g_autofree char *path = write_fixture ("bomb.png", png->data, png->len);

#ifndef __SANITIZE_ADDRESS__
  /* Decoding would need 3.6 GB: with a 512 MB address space any attempt
   * to allocate it aborts this child process and fails the test. */
  struct rlimit limit = { 512 * 1024 * 1024, 512 * 1024 * 1024 };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif
  assert_rejected (path, HB_ERROR_TOO_LARGE, "30000 × 30000");
}

static void
test_png_bomb (void)
{
  if (g_test_subprocess ())
    {
      load_png_bomb ();
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_cancelled (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (100, 100);
  g_autofree char *path = write_pixbuf ("cancelled.png", pixbuf, "png");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (hb_media_load (path, 64, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_two_tone (800, 600);
  g_autofree char *path = write_pixbuf ("async.jpg", pixbuf, "jpeg");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HbMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  hb_media_load_async (path, 100, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  info = hb_media_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (info->thumbnail), ==, 100);
  g_assert_cmpint (gdk_pixbuf_get_height (info->thumbnail), ==, 75);
}

static void
test_async_error (void)
{
  g_autofree char *path = fixture_path ("gone.png");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hb_media_load_async (path, 100, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (hb_media_load_finish (result, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE);
}

typedef struct
{
  GPtrArray *paths;   /* in the order they were asked for */
  GPtrArray *order;   /* in the order they came back */
} Batch;

static void
on_batch_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HbMediaInfo) info = hb_media_load_finish (result, &error);

  g_assert_no_error (error);
  g_ptr_array_add (batch->order, GINT_TO_POINTER (gdk_pixbuf_get_width (info->thumbnail)));
}

/* The first photo of a batch is the one the user waits for: it comes back
 * first even when it is by far the largest, because the rest wait for the
 * lead decoder rather than take the cores from it. */
static void
test_async_batch_first (void)
{
  g_autoptr(GdkPixbuf) large = make_two_tone (4000, 3000);
  g_autoptr(GdkPixbuf) small = make_two_tone (40, 30);
  Batch batch = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new () };

  g_ptr_array_add (batch.paths, write_pixbuf ("batch-0.jpg", large, "jpeg"));
  for (guint i = 1; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("batch-%u.png", i);

      g_ptr_array_add (batch.paths, write_pixbuf (name, small, "png"));
    }
  for (guint i = 0; i < batch.paths->len; i++)
    hb_media_load_async (batch.paths->pdata[i], 100, NULL, on_batch_loaded, &batch);
  while (batch.order->len < batch.paths->len)
    g_main_context_iteration (NULL, TRUE);
  /* The large photo's thumbnail is 100 wide, the small ones 40. */
  g_assert_cmpint (GPOINTER_TO_INT (batch.order->pdata[0]), ==, 100);
  for (guint i = 1; i < batch.order->len; i++)
    g_assert_cmpint (GPOINTER_TO_INT (batch.order->pdata[i]), ==, 40);
  g_ptr_array_unref (batch.paths);
  g_ptr_array_unref (batch.order);
}

/* Real photos (tests/fixtures/media-quality/README.md), sharp and with
 * a Gaussian blur of σ = 4 px at 1600 px. */
static const char *quality_photos[] = { "bythewater", "grey", "dune" };

static char *
quality_fixture (const char *name,
                 const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, ".jpg", NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", "media-quality", file, NULL);
}

static void
test_quality_sharp_and_blurred (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (quality_photos); i++)
    {
      g_autofree char *sharp_path = quality_fixture (quality_photos[i], "");
      g_autofree char *blurred_path = quality_fixture (quality_photos[i], "-blurred");
      g_autoptr(HbMediaInfo) sharp = load_ok (sharp_path, 256);
      g_autoptr(HbMediaInfo) blurred = load_ok (blurred_path, 256);

      g_test_message ("%s: sharp %.1f / %.3f, blurred %.1f / %.3f", quality_photos[i],
                      sharp->quality.blur_score, sharp->quality.fine_detail,
                      blurred->quality.blur_score, blurred->quality.fine_detail);
      g_assert_true (sharp->has_quality);
      g_assert_false (sharp->quality.blurry);
      g_assert_false (sharp->quality.underexposed);
      g_assert_false (sharp->quality.overexposed);
      g_assert_true (blurred->quality.blurry);
      g_assert_cmpfloat (sharp->quality.blur_score, >, 3 * blurred->quality.blur_score);
    }
}

/* As `convert -evaluate multiply @factor`: the same scene, exposed
 * differently. */
static char *
write_exposed (const char *name,
               double      factor)
{
  g_autofree char *source = quality_fixture (name, "");
  g_autofree char *out = g_strdup_printf ("%s-x%.1f.jpg", name, factor);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (source, &error);
  guint8 *pixels;
  guint len;

  g_assert_no_error (error);
  pixels = gdk_pixbuf_get_pixels_with_length (pixbuf, &len);
  for (guint i = 0; i < len; i++)
    pixels[i] = MIN (255, (int) (pixels[i] * factor + 0.5));
  return write_pixbuf (out, pixbuf, "jpeg");
}

static void
test_quality_exposure (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (quality_photos); i++)
    {
      g_autofree char *dark_path = write_exposed (quality_photos[i], 0.3);
      g_autofree char *bright_path = write_exposed (quality_photos[i], 2.5);
      g_autoptr(HbMediaInfo) dark = load_ok (dark_path, 256);
      g_autoptr(HbMediaInfo) bright = load_ok (bright_path, 256);

      g_test_message ("%s: dark mean %.2f highlight %.2f; bright mean %.2f clipped %.2f",
                      quality_photos[i], dark->quality.mean_luma, dark->quality.highlight_level,
                      bright->quality.mean_luma, bright->quality.bright_fraction);
      g_assert_true (dark->quality.underexposed);
      g_assert_false (dark->quality.overexposed);
      /* Darker is not blurrier. */
      g_assert_false (dark->quality.blurry);
      g_assert_true (bright->quality.overexposed);
      g_assert_false (bright->quality.underexposed);
      g_assert_cmpfloat (dark->quality.mean_luma, <, bright->quality.mean_luma);
    }
}

static void
measure_scaled (GdkPixbuf      *photo,
                double          factor,
                HbMediaQuality *quality)
{
  g_autoptr(GdkPixbuf) scaled = gdk_pixbuf_scale_simple (photo,
                                                         gdk_pixbuf_get_width (photo) * factor,
                                                         gdk_pixbuf_get_height (photo) * factor,
                                                         GDK_INTERP_BILINEAR);

  hb_media_quality_measure (scaled, quality);
}

/* Measurements are made on an image of fixed size, so neither the
 * thumbnail size asked for nor the photo's own size changes them much.
 * (An enlarged copy is a little softer than the original, so the sizes
 * are compared among enlargements, and the verdicts for all.) */
static void
test_quality_size_independent (void)
{
  g_autofree char *path = quality_fixture ("bythewater", "");
  g_autoptr(HbMediaInfo) small_thumb = load_ok (path, 64);
  g_autoptr(HbMediaInfo) large_thumb = load_ok (path, 256);
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_new_from_file (path, NULL);
  HbMediaQuality reference, q;

  g_assert_cmpfloat_with_epsilon (small_thumb->quality.blur_score,
                                  large_thumb->quality.blur_score, 1e-9);
  g_assert_cmpint (gdk_pixbuf_get_width (small_thumb->thumbnail), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_width (large_thumb->thumbnail), ==, 256);
  measure_scaled (photo, 1.5, &reference);
  for (double factor = 2.0; factor <= 4.0; factor += 1.0)
    {
      measure_scaled (photo, factor, &q);
      g_test_message ("×%.0f: %.1f / %.3f (×1.5: %.1f / %.3f)", factor, q.blur_score,
                      q.fine_detail, reference.blur_score, reference.fine_detail);
      g_assert_cmpfloat (fabs (q.blur_score / reference.blur_score - 1), <, 0.15);
      g_assert_cmpfloat (fabs (q.fine_detail / reference.fine_detail - 1), <, 0.15);
      g_assert_cmpfloat_with_epsilon (q.mean_luma, reference.mean_luma, 0.02);
      g_assert_false (q.blurry);
    }
  g_assert_false (small_thumb->quality.blurry);
}

static void
test_quality_not_for_videos (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "video.webm", NULL);
  g_autoptr(HbMediaInfo) info = load_ok (path, 256);

  g_assert_cmpint (info->kind, ==, HB_MEDIA_VIDEO);
  g_assert_false (info->has_quality);
  g_assert_false (info->quality.blurry);
}

static void
remove_fixtures (void)
{
  g_autoptr(GDir) dir = g_dir_open (fixture_dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = fixture_path (name);

      g_remove (path);
    }
  g_rmdir (fixture_dir);
}

/* Noise under a video's name: the name makes it a video (no magic says
 * otherwise), which GStreamer then cannot read.  (A real header before
 * the noise would do too, but GStreamer 1.22's demuxers then now and then
 * swallow their error and the discoverer waits for its time-out.) */
static char *
write_broken_video (void)
{
  guint8 junk[4096];

  for (guint32 i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) ((i * 2654435761u) >> 13);
  return write_fixture ("rosak.webm", junk, sizeof junk);
}

static GPtrArray *
measure_paths (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "fixtures", "photos", "taman-selasih.jpg", NULL));
  g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "fixtures", "photos", "dewan-serbaguna.png", NULL));
  g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "fixtures", "photos", "program.webm", NULL));
  g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "fixtures", "media-quality", "dune-blurred.jpg", NULL));
  g_ptr_array_add (paths, write_broken_video ());
  g_ptr_array_add (paths, fixture_path ("hilang.jpg"));  /* not there */
  return paths;
}

static void
count_notify_in_main (HbMediaItem *item,
                      GParamSpec  *pspec,
                      guint       *count)
{
  /* The item's notifications reach the window's widgets: never from a worker. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  (*count)++;
}

static void
measured (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
measure_one (HbMediaItem   *item,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hb_media_item_measure_async (item, cancellable, measured, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return hb_media_item_measure_finish (item, result, error);
}

static void
assert_same_measurements (HbMediaItem *item,
                          HbMediaItem *sync)
{
  HbMediaMeasurements a, b;

  hb_media_item_get_measurements (item, &a);
  hb_media_item_get_measurements (sync, &b);
  g_assert_cmpint (a.width, ==, b.width);
  g_assert_cmpint (a.height, ==, b.height);
  g_assert_cmpuint (a.size, ==, b.size);
  g_assert_cmpint (a.duration, ==, b.duration);
  g_assert_cmpfloat (a.blur_score, ==, b.blur_score);
  g_assert_cmpint (a.blurry, ==, b.blurry);
  g_assert_cmpint (a.underexposed, ==, b.underexposed);
  g_assert_cmpint (a.overexposed, ==, b.overexposed);
}

/* The window's tile loads a photo at its thumbnail's size and hands the
 * load to the core: what is recorded is what measuring records. */
static void
check_from_load (const char  *path,
                 HbMediaItem *sync)
{
  g_autoptr(HbMediaItem) item = hb_media_item_new (path);
  g_autoptr(HbMediaInfo) info = hb_media_load (path, 256, NULL, NULL);

  if (info == NULL)
    return;  /* the tile records nothing then: the document measures */
  if (info->kind == HB_MEDIA_VIDEO)
    {
      g_assert_false (hb_media_item_measure_from_load (item, info));
      g_assert_false (hb_media_item_get_loaded (item));
      return;
    }
  g_assert_true (hb_media_item_measure_from_load (item, info));
  g_assert_true (hb_media_item_get_loaded (item));
  g_assert_null (hb_media_item_get_error (item));
  assert_same_measurements (item, sync);
}

/* The window's path (async, one item) and the CLI's (a post at once)
 * record the same measurements and the same errors. */
static void
test_measure_async_as_sync (void)
{
  g_autoptr(GPtrArray) paths = measure_paths ();
  g_autoptr(HbPost) post = hb_post_new ();
  GListStore *media = hb_post_get_media (post);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(HbMediaItem) item = hb_media_item_new (paths->pdata[i]);

      g_list_store_append (media, item);
    }
  g_assert_cmpuint (hb_post_measure_media (post, NULL), ==, 2);

  g_assert_true (g_main_context_acquire (NULL));
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(HbMediaItem) sync = g_list_model_get_item (G_LIST_MODEL (media), i);
      g_autoptr(HbMediaItem) item = hb_media_item_new (paths->pdata[i]);
      g_autoptr(GError) error = NULL;
      guint notified = 0;
      gboolean ok;

      g_signal_connect (item, "notify", G_CALLBACK (count_notify_in_main), &notified);
      ok = measure_one (item, NULL, &error);
      g_test_message ("%s: %s", (char *) paths->pdata[i], error ? error->message : "measured");
      g_assert_cmpint (ok, ==, hb_media_item_get_loaded (sync));
      g_assert_cmpint (hb_media_item_get_loaded (item), ==, hb_media_item_get_loaded (sync));
      g_assert_cmpstr (hb_media_item_get_error (item), ==, hb_media_item_get_error (sync));
      g_assert_cmpstr (error ? error->message : NULL, ==, hb_media_item_get_error (sync));
      g_assert_cmpuint (notified, >, 0);
      assert_same_measurements (item, sync);
      check_from_load (paths->pdata[i], sync);
    }
  g_main_context_release (NULL);

  /* What the fixtures are, so that "the same" is not "the same nothing". */
  {
    g_autoptr(HbMediaItem) jpeg = g_list_model_get_item (G_LIST_MODEL (media), 0);
    g_autoptr(HbMediaItem) video = g_list_model_get_item (G_LIST_MODEL (media), 2);
    g_autoptr(HbMediaItem) blurred = g_list_model_get_item (G_LIST_MODEL (media), 3);
    g_autoptr(HbMediaItem) broken = g_list_model_get_item (G_LIST_MODEL (media), 4);
    g_autoptr(HbMediaItem) missing = g_list_model_get_item (G_LIST_MODEL (media), 5);
    HbMediaMeasurements m;

    hb_media_item_get_measurements (jpeg, &m);
    g_assert_cmpint (m.width, ==, 500);  /* upright, by its EXIF orientation */
    g_assert_cmpint (m.height, ==, 600);
    hb_media_item_get_measurements (video, &m);
    g_assert_cmpint (m.width, ==, 320);
    g_assert_cmpint (m.height, ==, 240);
    g_assert_cmpint (m.duration, >, G_USEC_PER_SEC * 3 / 2);
    g_assert_cmpint (m.duration, <, G_USEC_PER_SEC * 5 / 2);
    hb_media_item_get_measurements (blurred, &m);
    g_assert_true (m.blurry);
    g_assert_false (hb_media_item_get_loaded (broken));
    g_assert_cmpstr (hb_media_item_get_error (broken), ==, "“rosak.webm” is a video Hebahan cannot play");
    g_assert_false (hb_media_item_get_loaded (missing));
    g_assert_nonnull (strstr (hb_media_item_get_error (missing), "hilang.jpg"));
  }
}

/* A file whose digest is not the one the post recorded (changed on disk
 * since it was added) is reported by every measuring path, as export
 * refuses it: the window no longer measures the new file as if it were
 * the reviewed one.  The right digest, or none recorded, measures. */
static void
test_measure_changed_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "photos", "taman-selasih.jpg", NULL);
  g_autoptr(HbMediaInfo) info = load_ok (path, 64);
  const char *stale = "0000000000000000000000000000000000000000000000000000000000000000";
  g_autoptr(HbPost) post = hb_post_new ();
  g_autoptr(HbMediaItem) by_post = hb_media_item_new (path);
  g_autoptr(HbMediaItem) by_worker = hb_media_item_new (path);
  g_autoptr(HbMediaItem) by_load = hb_media_item_new (path);
  g_autoptr(HbMediaItem) right = hb_media_item_new (path);
  g_autoptr(GError) error = NULL;

  hb_media_item_set_sha256 (by_post, stale);
  hb_media_item_set_sha256 (by_worker, stale);
  hb_media_item_set_sha256 (by_load, stale);
  hb_media_item_set_sha256 (right, info->sha256);
  g_list_store_append (hb_post_get_media (post), by_post);
  g_list_store_append (hb_post_get_media (post), right);

  g_assert_cmpuint (hb_post_measure_media (post, NULL), ==, 1);
  g_assert_false (hb_media_item_get_loaded (by_post));
  g_assert_cmpstr (hb_media_item_get_error (by_post), ==,
                   "“taman-selasih.jpg” has changed since it was added to the post: remove it and add it again");
  g_assert_true (hb_media_item_get_loaded (right));
  g_assert_null (hb_media_item_get_error (right));

  g_assert_false (measure_one (by_worker, NULL, &error));
  g_assert_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE);
  g_assert_cmpstr (hb_media_item_get_error (by_worker), ==, hb_media_item_get_error (by_post));

  g_assert_false (hb_media_item_measure_from_load (by_load, info));
  g_assert_false (hb_media_item_get_loaded (by_load));
  g_assert_cmpstr (hb_media_item_get_error (by_load), ==, hb_media_item_get_error (by_post));
  /* The recorded digest stays: nothing took the new file for the old. */
  g_assert_cmpstr (hb_media_item_get_sha256 (by_load), ==, stale);
}

/* Cancelled, the measuring records nothing: neither measurements nor an
 * error the officer would read as a problem with the file. */
static void
test_measure_async_cancelled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "photos", "program.webm", NULL);
  g_autoptr(HbMediaItem) before = hb_media_item_new (path);
  g_autoptr(HbMediaItem) during = hb_media_item_new (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (measure_one (before, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (hb_media_item_get_loaded (before));
  g_assert_null (hb_media_item_get_error (before));
  g_clear_error (&error);

  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  hb_media_item_measure_async (during, cancellable, measured, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (hb_media_item_measure_finish (during, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (hb_media_item_get_loaded (during));
  g_assert_null (hb_media_item_get_error (during));

  /* The same item measures once asked again without a cancelled stop. */
  g_clear_error (&error);
  g_assert_true (measure_one (during, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hb_media_item_get_loaded (during));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  fixture_dir = g_dir_make_tmp ("hb-test-media-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/media/thumbnail-reduced", test_thumbnail_reduced);
  g_test_add_func ("/media/small-photo-not-enlarged", test_small_photo_not_enlarged);
  g_test_add_func ("/media/exif-orientation", test_exif_orientation);
  g_test_add_func ("/media/sha256", test_sha256);
  g_test_add_func ("/media/sha256-large-file", test_sha256_large_file);
  g_test_add_func ("/media/video-kind", test_video_kind);
  g_test_add_func ("/media/quality/sharp-and-blurred", test_quality_sharp_and_blurred);
  g_test_add_func ("/media/quality/exposure", test_quality_exposure);
  g_test_add_func ("/media/quality/size-independent", test_quality_size_independent);
  g_test_add_func ("/media/quality/not-for-videos", test_quality_not_for_videos);
  g_test_add_func ("/media/bad/missing", test_missing);
  g_test_add_func ("/media/bad/empty", test_empty);
  g_test_add_func ("/media/bad/special-files", test_special_files);
  g_test_add_func ("/media/bad/text-named-jpeg", test_text_named_jpeg);
  g_test_add_func ("/media/bad/text-named-video", test_text_named_video);
  g_test_add_func ("/media/bad/unknown-binary", test_unknown_binary);
  g_test_add_func ("/media/bad/corrupt-jpeg", test_corrupt_jpeg);
  g_test_add_func ("/media/bad/truncated-jpeg", test_truncated_jpeg);
  g_test_add_func ("/media/bad/truncated-png", test_truncated_png);
  g_test_add_func ("/media/bad/png-bomb", test_png_bomb);
  g_test_add_func ("/media/cancelled", test_cancelled);
  g_test_add_func ("/media/async", test_async);
  g_test_add_func ("/media/async-error", test_async_error);
  g_test_add_func ("/media/async-batch-first", test_async_batch_first);
  g_test_add_func ("/media/measure-async-as-sync", test_measure_async_as_sync);
  g_test_add_func ("/media/measure-async-cancelled", test_measure_async_cancelled);
  g_test_add_func ("/media/measure-changed-file", test_measure_changed_file);

  status = g_test_run ();
  remove_fixtures ();
  g_free (fixture_dir);
  return status;
}
