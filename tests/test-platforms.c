/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-platforms.c — platform profiles: the built-in file loads with every
 * platform and current figures; a bad file reports every problem with its
 * JSON path and is never loaded half-way. */
#include <string.h>

#include "hb-platforms.h"
#include "hb-post.h"

static void
test_builtin (void)
{
  HbPlatforms *platforms = hb_platforms_get_default ();
  const char * const *ids = hb_platform_ids ();
  const HbPlatform *p;

  for (guint i = 0; ids[i]; i++)
    {
      p = hb_platforms_lookup (platforms, ids[i]);
      g_assert_nonnull (p);
      g_assert_cmpuint (p->text_limit, >, 0);
      for (guint part = 0; part < HB_N_PLATFORM_PARTS; part++)
        g_assert_true (p->source[part] && *p->source[part]);
    }
  g_assert_cmpuint (hb_platforms_get_n_platforms (platforms), ==, g_strv_length ((char **) ids));
  g_assert_null (hb_platforms_lookup (platforms, "myspace"));

  p = hb_platforms_lookup (platforms, "x");
  g_assert_cmpuint (p->text_limit, ==, 280);
  g_assert_cmpint (p->count_method, ==, HB_COUNT_TWITTER_V3);
  g_assert_cmpuint (p->media_max, ==, 4);
  g_assert_cmpuint (p->hashtag_limit, ==, 0);
  g_assert_cmpfloat_with_epsilon (p->video.min_aspect, 1.0 / 3, 1e-9);
  p = hb_platforms_lookup (platforms, "instagram");
  g_assert_cmpuint (p->hashtag_limit, ==, 5);
  g_assert_cmpuint (p->text_limit, ==, 2200);
  g_assert_cmpfloat_with_epsilon (p->image.min_aspect, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->image.max_aspect, 1.91, 1e-9);
  g_assert_true (g_strv_contains ((const char * const *) p->image.formats, "jpeg"));
  p = hb_platforms_lookup (platforms, "tiktok");
  g_assert_cmpuint (p->hashtag_limit, ==, 5);
  p = hb_platforms_lookup (platforms, "threads");
  g_assert_cmpuint (p->text_limit, ==, 500);
  g_assert_cmpint (p->count_method, ==, HB_COUNT_THREADS);
  p = hb_platforms_lookup (platforms, "facebook");
  g_assert_cmpuint (p->text_limit, ==, 63206);
  p = hb_platforms_lookup (platforms, "youtube");
  g_assert_cmpuint (p->title_limit, ==, 100);
}

/* The file in the source tree is the one compiled in. */
static void
test_source_file_valid (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data",
                                            "platforms.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPlatforms) platforms = hb_platforms_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hb_platforms_get_version (platforms), ==,
                   hb_platforms_get_version (hb_platforms_get_default ()));
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strcmp (problems->pdata[i], text) == 0)
      return TRUE;
  return FALSE;
}

static const char bad[] =
  "{\"format\": \"hebahan-platforms/1\", \"version\": \"t\", \"colour\": 1, \"platforms\": ["
  " {\"id\": \"x\", \"name\": \"X\","
  "  \"text\": {\"limit\": 0, \"counting\": \"bytes\", \"source\": \"s\"},"
  "  \"hashtags\": {\"limit\": null, \"source\": \"\"},"
  "  \"mentions\": {\"limit\": \"3\", \"source\": \"s\"},"
  "  \"media\": {\"max_items\": 4, \"source\": \"s\"},"
  "  \"image\": {\"min_aspect\": \"4x5\", \"min_width\": 900, \"max_width\": 300, \"source\": \"s\"},"
  "  \"video\": {\"max_seconds\": -1, \"source\": \"s\"}},"
  " {\"id\": \"myspace\", \"name\": \"M\"},"
  " {\"id\": \"x\", \"name\": \"X\", \"text\": {\"limit\": 280, \"counting\": \"twitter-v3\", \"source\": \"s\"},"
  "  \"hashtags\": {\"source\": \"s\"}, \"mentions\": {\"source\": \"s\"}, \"media\": {\"source\": \"s\"},"
  "  \"image\": {\"source\": \"s\"}, \"video\": {\"source\": \"s\"}, \"alt_text\": {\"source\": \"s\"}}"
  "]}";

static void
test_invalid (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad, sizeof bad - 1);
  g_autoptr(GPtrArray) problems = hb_platforms_check_bytes (bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPlatforms) platforms = NULL;

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  g_assert_true (has_problem (problems, "$.colour: unknown member"));
  g_assert_true (has_problem (problems, "$.platforms[0].text.limit: must be a whole number from 1 to 10000000, or null"));
  g_assert_true (has_problem (problems, "$.platforms[0].text.counting: unknown counting “bytes” (use code-points, twitter-v3 or threads)"));
  g_assert_true (has_problem (problems, "$.platforms[0].hashtags.source: must be a non-empty string"));
  g_assert_true (has_problem (problems, "$.platforms[0].mentions.limit: must be a whole number from 1 to 10000000, or null"));
  g_assert_true (has_problem (problems, "$.platforms[0].image.min_aspect: must be a ratio such as “4:5”"));
  g_assert_true (has_problem (problems, "$.platforms[0].image: the minimum width is above the maximum"));
  g_assert_true (has_problem (problems, "$.platforms[0].video.max_seconds: must be a positive number"));
  g_assert_true (has_problem (problems, "$.platforms[0].alt_text: must be an object"));
  g_assert_true (has_problem (problems, "$.platforms[1].id: unknown platform “myspace”"));
  g_assert_true (has_problem (problems, "$.platforms[1].text: must be an object"));
  g_assert_true (has_problem (problems, "$.platforms[2].id: duplicate platform “x”"));

  /* Never half-loaded: no registry at all, and the error lists them. */
  platforms = hb_platforms_new_from_bytes (bytes, &error);
  g_assert_null (platforms);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "$.platforms[1].id"));
}

static void
test_not_json (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"format\": ", 11);
  g_autoptr(GPtrArray) problems = hb_platforms_check_bytes (bytes);
  g_autoptr(GBytes) wrong = g_bytes_new_static ("{\"format\": \"hebahan-platforms/9\", \"version\": \"1\", \"platforms\": []}", 66);
  g_autoptr(GPtrArray) wrong_problems = hb_platforms_check_bytes (wrong);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "$: "));
  g_assert_cmpuint (wrong_problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (wrong_problems->pdata[0], "$.format: unsupported format"));
}

/* Each platform counts its own way. */
static void
test_platform_count (void)
{
  HbPlatforms *platforms = hb_platforms_get_default ();
  HbCount c;

  g_assert_true (hb_platform_count (hb_platforms_lookup (platforms, "x"), "故人 😷", -1, &c, NULL));
  g_assert_cmpuint (c.length, ==, 7);
  g_assert_cmpuint (c.limit, ==, 280);
  g_assert_true (hb_platform_count (hb_platforms_lookup (platforms, "threads"), "故人 😷", -1, &c, NULL));
  g_assert_cmpuint (c.length, ==, 7);
  g_assert_true (hb_platform_count (hb_platforms_lookup (platforms, "instagram"), "故人 😷", -1, &c, NULL));
  g_assert_cmpuint (c.length, ==, 4);
  g_assert_cmpuint (c.limit, ==, 2200);
}

/* What each feed shows before its "See more", from data/platforms.json. */
static void
test_fold (void)
{
  HbPlatforms *platforms = hb_platforms_get_default ();
  const HbPlatform *ig = hb_platforms_lookup (platforms, "instagram");
  const HbPlatform *fb = hb_platforms_lookup (platforms, "facebook");
  const HbPlatform *x = hb_platforms_lookup (platforms, "x");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *shown = NULL;
  gboolean folded;

  g_assert_cmpuint (ig->preview.fold_chars, ==, 125);
  g_assert_cmpint (ig->preview.more, ==, HB_MORE_MORE);
  g_assert_cmpint (fb->preview.more, ==, HB_MORE_SEE_MORE);
  g_assert_cmpuint (x->preview.fold_chars, ==, 0);
  for (guint i = 0; i < 30; i++)
    g_string_append (long_text, "Kulim ");

  /* 125 code points, less the space the cut leaves at its end. */
  shown = hb_platform_fold (ig, long_text->str, &folded);
  g_assert_true (folded);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, 125);
  g_assert_true (g_str_has_prefix (long_text->str, shown));
  g_clear_pointer (&shown, g_free);
  shown = hb_platform_fold (fb, "Gotong-royong perdana di Taman Selasih bersama penduduk setempat, "
                                "dengan kerjasama Jabatan Kerja Raya dan Jabatan Kesihatan. 😷", &folded);
  g_assert_true (folded);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, 110);
  g_clear_pointer (&shown, g_free);
  /* Three lines on Instagram, however short. */
  shown = hb_platform_fold (ig, "Satu\nDua\nTiga\nEmpat", &folded);
  g_assert_true (folded);
  g_assert_cmpstr (shown, ==, "Satu\nDua\nTiga");
  g_clear_pointer (&shown, g_free);
  /* No fold on X; nothing hidden when only spaces would be. */
  shown = hb_platform_fold (x, long_text->str, &folded);
  g_assert_false (folded);
  g_assert_cmpstr (shown, ==, long_text->str);
  g_clear_pointer (&shown, g_free);
  shown = hb_platform_fold (ig, "Satu\nDua\nTiga\n  ", &folded);
  g_assert_false (folded);
}

static void
test_crop (void)
{
  HbPlatforms *platforms = hb_platforms_get_default ();
  HbCrop c;

  /* X: a 3:2 photo cut to 16:9 about its centre. */
  c = hb_platform_crop_photo (hb_platforms_lookup (platforms, "x"), 1600, 1067);
  g_assert_cmpint (c.width, ==, 1600);
  g_assert_cmpint (c.height, ==, 900);
  g_assert_cmpint (c.y, ==, 83);
  /* TikTok: 9:16 out of the middle. */
  c = hb_platform_crop_photo (hb_platforms_lookup (platforms, "tiktok"), 1600, 1067);
  g_assert_cmpint (c.height, ==, 1067);
  g_assert_cmpint (c.width, ==, 600);
  g_assert_cmpint (c.x, ==, 500);
  /* Instagram keeps a 3:2 photo (within 4:5–1.91:1) and trims a tall one to 4:5. */
  c = hb_platform_crop_photo (hb_platforms_lookup (platforms, "instagram"), 1600, 1067);
  g_assert_cmpint (c.width, ==, 1600);
  g_assert_cmpint (c.height, ==, 1067);
  c = hb_platform_crop_photo (hb_platforms_lookup (platforms, "instagram"), 1000, 2000);
  g_assert_cmpint (c.width, ==, 1000);
  g_assert_cmpint (c.height, ==, 1250);
  g_assert_cmpint (c.y, ==, 375);
  /* Threads shows the photo whole. */
  c = hb_platform_crop_photo (hb_platforms_lookup (platforms, "threads"), 1000, 3000);
  g_assert_cmpint (c.height, ==, 3000);
}

static void
test_invalid_preview (void)
{
  static const char file[] =
    "{\"format\": \"hebahan-platforms/1\", \"version\": \"2026-06\", \"platforms\": ["
    " {\"id\": \"x\", \"name\": \"X\", \"text\": {\"limit\": 280, \"counting\": \"twitter-v3\", \"source\": \"s\"},"
    "  \"hashtags\": {\"source\": \"s\"}, \"mentions\": {\"source\": \"s\"}, \"media\": {\"source\": \"s\"},"
    "  \"image\": {\"source\": \"s\"}, \"video\": {\"source\": \"s\"}, \"alt_text\": {\"source\": \"s\"},"
    "  \"preview\": {\"fold\": 100, \"more\": \"read-on\", \"photo_aspect\": \"wide\", \"colour\": 1}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr(GPtrArray) problems = hb_platforms_check_bytes (bytes);

  g_assert_true (has_problem (problems, "$.platforms[0].preview.source: must be a non-empty string"));
  g_assert_true (has_problem (problems, "$.platforms[0].preview.more: unknown label “read-on” (use see-more or more)"));
  g_assert_true (has_problem (problems, "$.platforms[0].preview.photo_aspect: must be a ratio such as “4:5”"));
  g_assert_true (has_problem (problems, "$.platforms[0].preview.colour: unknown member"));
}

/* Every platform names its page for a new post, an https address with
 * nothing of the post in it; a file with another kind of address is
 * refused. */
static void
test_publish (void)
{
  static const char file[] =
    "{\"format\": \"hebahan-platforms/1\", \"version\": \"2026-06\", \"platforms\": ["
    " {\"id\": \"x\", \"name\": \"X\", \"text\": {\"limit\": 280, \"counting\": \"twitter-v3\", \"source\": \"s\"},"
    "  \"hashtags\": {\"source\": \"s\"}, \"mentions\": {\"source\": \"s\"}, \"media\": {\"source\": \"s\"},"
    "  \"image\": {\"source\": \"s\"}, \"video\": {\"source\": \"s\"}, \"alt_text\": {\"source\": \"s\"},"
    "  \"publish\": {\"compose_url\": \"file:///etc/passwd\", \"post\": true}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr(GPtrArray) problems = hb_platforms_check_bytes (bytes);
  HbPlatforms *builtin = hb_platforms_get_default ();
  const char * const *ids = hb_platform_ids ();

  for (guint i = 0; ids[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (builtin, ids[i]);

      g_assert_nonnull (p->publish.compose_url);
      g_assert_nonnull (p->publish.source);
      g_assert_true (g_str_has_prefix (p->publish.compose_url, "https://"));
      g_assert_null (strchr (p->publish.compose_url, '?'));
    }
  g_assert_cmpstr (hb_platforms_lookup (builtin, "threads")->publish.compose_url, ==,
                   "https://www.threads.net/intent/post");
  g_assert_true (has_problem (problems, "$.platforms[0].publish.compose_url: must be an https:// address"));
  g_assert_true (has_problem (problems, "$.platforms[0].publish.source: must be a non-empty string"));
  g_assert_true (has_problem (problems, "$.platforms[0].publish.post: unknown member"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/platforms/builtin", test_builtin);
  g_test_add_func ("/platforms/source-file-valid", test_source_file_valid);
  g_test_add_func ("/platforms/invalid", test_invalid);
  g_test_add_func ("/platforms/not-json", test_not_json);
  g_test_add_func ("/platforms/count", test_platform_count);
  g_test_add_func ("/platforms/fold", test_fold);
  g_test_add_func ("/platforms/crop", test_crop);
  g_test_add_func ("/platforms/invalid-preview", test_invalid_preview);
  g_test_add_func ("/platforms/publish", test_publish);
  return g_test_run ();
}
