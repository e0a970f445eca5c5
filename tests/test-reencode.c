/* test-reencode.c — the bundle's parallel photo re-encoder: results come
 * back in push order whatever finishes first, each item carries its own
 * error, photos are fitted after being turned upright, and freeing with
 * work queued neither blocks for long nor leaks. */
#include <glib/gstdio.h>

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

static void
test_videos_only_hashed (void)
{
  g_autofree char *video = photo ("program.webm");
  g_autoptr(HbReencoder) coder = hb_reencoder_new (1440, 1440, FALSE, 120, NULL);
  const HbReencodeJob *job;

  hb_reencoder_push (coder, video, FALSE);
  job = hb_reencoder_wait (coder, 0);
  g_assert_no_error (job->error);
  g_assert_cmpuint (strlen (job->source_sha256), ==, 64);
  g_assert_null (job->data);
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
  g_test_add_func ("/reencode/videos-only-hashed", test_videos_only_hashed);
  g_test_add_func ("/reencode/cancel", test_cancel);
  g_test_add_func ("/reencode/free-with-queue", test_free_with_queue);
  return g_test_run ();
}
