/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reencode.c — the bundle's parallel photo re-encoder: results come
 * back in push order whatever finishes first, each item carries its own
 * error, photos are fitted after being turned upright, and freeing with
 * work queued neither blocks for long nor leaks. */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hb-error.h"
#include "hb-reencode.h"
#include "hb-sha256.h"

static char *
photo (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "photos", name, NULL);
}

/* A 2400 × 1600 JPEG in a temporary file: large enough for a reduced
 * decode (1/2 fits a 1440 box either way up). */
static char *
make_large_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 2400, 1600);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("hb-reencode-XXXXXX.jpg", &path, &error);

  g_assert_no_error (error);
  close (fd);
  gdk_pixbuf_fill (pixbuf, 0x3366aaff);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "80", NULL);
  g_assert_no_error (error);
  return path;
}

static void
test_order_and_errors (void)
{
  g_autofree char *upright = photo ("taman-selasih.jpg");
  g_autofree char *png = photo ("dewan-serbaguna.png");
  g_autofree char *large = make_large_jpeg ();
  g_autoptr(HbReencoder) coder = hb_reencoder_new (1440, 1440, FALSE, 120, NULL);
  g_autofree char *expected = hb_sha256_file (upright, NULL, NULL);
  const HbReencodeJob *job;

  hb_reencoder_push (coder, large, TRUE);
  hb_reencoder_push (coder, "/nonexistent/photo.jpg", TRUE);
  hb_reencoder_push (coder, upright, TRUE);
  hb_reencoder_push (coder, png, TRUE);

  /* Waited for last-to-first: each is still the item pushed there. */
  job = hb_reencoder_wait (coder, 3);
  g_assert_no_error (job->error);
  g_assert_false (job->png);                  /* PNG not allowed: JPEG */
  g_assert_cmpint (MAX (job->width, job->height), <=, 1440);

  job = hb_reencoder_wait (coder, 2);
  g_assert_no_error (job->error);
  g_assert_cmpstr (job->source_sha256, ==, expected);
  /* EXIF orientation 6: the 600 × 500 pixels are stored sideways. */
  g_assert_cmpint (job->width, ==, 500);
  g_assert_cmpint (job->height, ==, 600);
  g_assert_nonnull (job->thumbnail);
  g_assert_cmpint (gdk_pixbuf_get_height (job->thumbnail), ==, 120);

  job = hb_reencoder_wait (coder, 1);
  g_assert_nonnull (job->error);
  g_assert_null (job->data);

  job = hb_reencoder_wait (coder, 0);
  g_assert_no_error (job->error);
  g_assert_cmpint (job->width, ==, 1440);     /* read at 1/2, then fitted */
  g_assert_cmpint (job->height, ==, 960);
  g_unlink (large);
}

static void
test_png_kept (void)
{
  g_autofree char *png = photo ("dewan-serbaguna.png");
  g_autoptr(HbReencoder) coder = hb_reencoder_new (0, 0, TRUE, 0, NULL);
  const HbReencodeJob *job;

  hb_reencoder_push (coder, png, TRUE);
  job = hb_reencoder_wait (coder, 0);
  g_assert_no_error (job->error);
  g_assert_true (job->png);
  g_assert_null (job->thumbnail);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (job->data, NULL), "\x89PNG"));
}

/* Videos are the bundle's business (read, checked, re-muxed there). */
static void
test_videos_left_alone (void)
{
  g_autofree char *video = photo ("program.webm");
  g_autoptr(HbReencoder) coder = hb_reencoder_new (1440, 1440, FALSE, 120, NULL);
  const HbReencodeJob *job;

  hb_reencoder_push (coder, video, FALSE);
  job = hb_reencoder_wait (coder, 0);
  g_assert_no_error (job->error);
  g_assert_null (job->source_sha256);
  g_assert_null (job->data);
}

static guint32
crc32_of (const guint8 *data,
          gsize         len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return ~crc;
}

static void
put_chunk (GByteArray  *png,
           const char  *type,
           const guint8 *data,
           guint32      len)
{
  guint8 be[4] = { len >> 24, len >> 16, len >> 8, len };
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint32 crc;

  g_byte_array_append (png, be, 4);
  g_byte_array_append (body, (const guint8 *) type, 4);
  g_byte_array_append (body, data, len);
  crc = crc32_of (body->data, body->len);
  g_byte_array_append (png, body->data, body->len);
  be[0] = crc >> 24, be[1] = crc >> 16, be[2] = crc >> 8, be[3] = crc;
  g_byte_array_append (png, be, 4);
}

/* A PNG whose header claims 30000 × 30000 pixels: a decompression bomb
 * if it were decoded. */
static char *
make_huge_png (void)
{
  static const guint8 sig[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const guint8 ihdr[] = { 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0 };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  char *path = g_build_filename (g_get_tmp_dir (), "hb-huge.png", NULL);

  g_byte_array_append (png, sig, sizeof sig);
  put_chunk (png, "IHDR", ihdr, sizeof ihdr);
  put_chunk (png, "IDAT", (const guint8 *) "\x78\x9c\x03\x00\x00\x00\x00\x01", 8);
  put_chunk (png, "IEND", NULL, 0);
  g_assert_true (g_file_set_contents (path, (const char *) png->data, png->len, NULL));
  return path;
}

/* Issue 16: a JPEG cut short was exported half grey without a word; a
 * 30000 × 30000 PNG was "not a photo Hebahan can re-encode"; a FIFO or
 * /dev/zero named as a photo hung the export. */
static void
test_refusals (void)
{
  g_autofree char *jpeg = photo ("taman-selasih.jpg");
  g_autofree char *cut = g_build_filename (g_get_tmp_dir (), "hb-cut.jpg", NULL);
  g_autofree char *fifo = g_build_filename (g_get_tmp_dir (), "hb-fifo.jpg", NULL);
  g_autofree char *huge = make_huge_png ();
  g_autofree char *data = NULL;
  g_autoptr(HbReencoder) coder = hb_reencoder_new (1440, 1440, FALSE, 120, NULL);
  const HbReencodeJob *job;
  gsize len = 0;

  g_assert_true (g_file_get_contents (jpeg, &data, &len, NULL));
  g_assert_true (g_file_set_contents (cut, data, len * 2 / 3, NULL));
  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  hb_reencoder_push (coder, cut, TRUE);
  hb_reencoder_push (coder, huge, TRUE);
  hb_reencoder_push (coder, fifo, TRUE);
  hb_reencoder_push (coder, "/dev/zero", TRUE);

  job = hb_reencoder_wait (coder, 0);
  g_assert_error (job->error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE);
  g_assert_nonnull (strstr (job->error->message, "damaged or incomplete"));
  job = hb_reencoder_wait (coder, 1);
  g_assert_error (job->error, HB_ERROR, HB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (job->error->message, "30000 × 30000 pixels, more than the 100 megapixels"));
  for (guint i = 2; i < 4; i++)
    {
      job = hb_reencoder_wait (coder, i);
      g_assert_nonnull (job->error);
      g_assert_nonnull (strstr (job->error->message, "is not a regular file"));
    }
  g_unlink (cut);
  g_unlink (fifo);
  g_unlink (huge);
}

static void
test_cancel (void)
{
  g_autofree char *upright = photo ("taman-selasih.jpg");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HbReencoder) coder = hb_reencoder_new (1440, 1440, FALSE, 0, cancellable);
  const HbReencodeJob *job;

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < 20; i++)
    hb_reencoder_push (coder, upright, TRUE);
  job = hb_reencoder_wait (coder, 19);
  g_assert_error (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Freed with most of the work still queued: returns once the running
 * items end, without decoding the rest. */
static void
test_free_with_queue (void)
{
  g_autofree char *upright = photo ("taman-selasih.jpg");
  HbReencoder *coder = hb_reencoder_new (1440, 1440, FALSE, 0, NULL);

  for (guint i = 0; i < 200; i++)
    hb_reencoder_push (coder, upright, TRUE);
  hb_reencoder_free (coder);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reencode/order-and-errors", test_order_and_errors);
  g_test_add_func ("/reencode/png-kept", test_png_kept);
  g_test_add_func ("/reencode/videos-left-alone", test_videos_left_alone);
  g_test_add_func ("/reencode/refusals", test_refusals);
  g_test_add_func ("/reencode/cancel", test_cancel);
  g_test_add_func ("/reencode/free-with-queue", test_free_with_queue);
  return g_test_run ();
}
