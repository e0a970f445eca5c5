/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-platforms.c — loading and validating platform profiles (see hb-platforms.h).
 *
 * One walk over the JSON parses and validates: every problem is recorded
 * with its JSON path and the walk goes on, so that all of them can be
 * listed at once; the registry is only returned when there were none.
 */
#include "config.h"

#include "hb-platforms.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "hb-error.h"
#include "hb-json.h"
#include "hb-json-reader.h"
#include "hb-post.h"
#include "hb-resources.h"
#include "hb-text.h"

#define MAX_FILE_SIZE (1024 * 1024)
#define BUILTIN_PATH "/my/gov/mpkk/Hebahan/platforms.json"

struct _HbPlatforms
{
  GObject    parent_instance;

  char      *version;
  GPtrArray *platforms; /* HbPlatform */
};

G_DEFINE_FINAL_TYPE (HbPlatforms, hb_platforms, G_TYPE_OBJECT)

static const char *part_names[HB_N_PLATFORM_PARTS] = {
  [HB_PLATFORM_TEXT] = "text",
  [HB_PLATFORM_HASHTAGS] = "hashtags",
  [HB_PLATFORM_MENTIONS] = "mentions",
  [HB_PLATFORM_MEDIA] = "media",
  [HB_PLATFORM_IMAGE] = "image",
  [HB_PLATFORM_VIDEO] = "video",
  [HB_PLATFORM_ALT_TEXT] = "alt_text",
};

static void
platform_free (gpointer data)
{
  HbPlatform *p = data;

  g_free (p->id);
  g_free (p->name);
  g_strfreev (p->image.formats);
  g_strfreev (p->video.formats);
  for (guint i = 0; i < HB_N_PLATFORM_PARTS; i++)
    g_free (p->source[i]);
  g_free (p->preview.source);
  g_free (p->publish.compose_url);
  g_free (p->publish.source);
  g_free (p);
}

static void
hb_platforms_finalize (GObject *object)
{
  HbPlatforms *self = HB_PLATFORMS (object);

  g_free (self->version);
  g_clear_pointer (&self->platforms, g_ptr_array_unref);
  G_OBJECT_CLASS (hb_platforms_parent_class)->finalize (object);
}

static void
hb_platforms_class_init (HbPlatformsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hb_platforms_finalize;
}

static void
hb_platforms_init (HbPlatforms *self)
{
  self->platforms = g_ptr_array_new_with_free_func (platform_free);
}

/* ------------------------------------------------------------------ */
/* The validating walk                                                 */

/* Each walk_ function reads the value of one HbJsonReader, which names
 * its JSON path in every problem (hb-json-reader.h). */

static char *
get_string (const HbJsonReader *r,
            const char         *name,
            gboolean            required)
{
  return hb_json_reader_dup_string (r, name, HB_JSON_NON_EMPTY | (required ? HB_JSON_REQUIRED : 0));
}

/* A whole number from 1 to 10,000,000, or null/absent for "no limit". */
static guint
get_limit (const HbJsonReader *r,
           const char         *name)
{
  int value;

  return hb_json_reader_get_int_range (r, name, 1, 10000000, HB_JSON_NULLABLE, &value) ? (guint) value : 0;
}

/* A positive number (seconds, megabytes), or absent. */
static double
get_amount (const HbJsonReader *r,
            const char         *name)
{
  double value;

  return hb_json_reader_get_positive (r, name, &value) ? value : 0;
}

/* An aspect ratio written "W:H" ("4:5", "1.91:1"), as width / height. */
static double
get_ratio (const HbJsonReader *r,
           const char         *name)
{
  g_autofree char *s = get_string (r, name, FALSE);
  HbJsonReader member;
  char *colon, *end1, *end2;
  double a, b;

  if (s == NULL)
    return 0;
  colon = strchr (s, ':');
  a = g_ascii_strtod (s, &end1);
  b = colon ? g_ascii_strtod (colon + 1, &end2) : 0;
  if (colon == NULL || end1 != colon || *end2 != '\0' || a <= 0 || b <= 0)
    {
      hb_json_reader_member (r, name, &member);
      hb_json_reader_problem (&member, _("must be a ratio such as “4:5”"));
      return 0;
    }
  return a / b;
}

static void
check_range (const HbJsonReader *r,
             const char         *what,
             double              min,
             double              max)
{
  if (min > 0 && max > 0 && min > max)
    hb_json_reader_problem (r, _("the minimum %s is above the maximum"), what);
}

/* A problem at member @name of @r. */
G_GNUC_PRINTF (3, 4)
static void
member_problem (const HbJsonReader *r,
                const char         *name,
                const char         *format,
                ...)
{
  HbJsonReader member;
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  hb_json_reader_member (r, name, &member);
  hb_json_reader_problem (&member, "%s", msg);
}

/* ------------------------------------------------------------------ */
/* Parts of a profile                                                  */

static void
walk_text (const HbJsonReader *r,
           HbPlatform         *p)
{
  static const char * const known[] = { "limit", "counting", "title_limit", "source", "note", NULL };
  g_autofree char *counting = NULL;

  hb_json_reader_refuse_unknown_members (r, known);
  if ((p->text_limit = get_limit (r, "limit")) == 0)
    member_problem (r, "limit", _("a text limit is required"));
  p->title_limit = get_limit (r, "title_limit");
  counting = get_string (r, "counting", TRUE);
  if (counting && !hb_count_method_from_string (counting, &p->count_method))
    member_problem (r, "counting", _("unknown counting “%s” (use code-points, twitter-v3 or threads)"),
                    counting);
}

static void
walk_count_part (const HbJsonReader *r,
                 guint              *limit,
                 const char         *member)
{
  const char * const known[] = { member, "source", "note", NULL };

  hb_json_reader_refuse_unknown_members (r, known);
  *limit = get_limit (r, member);
}

static void
walk_image (const HbJsonReader *r,
            HbImageLimits      *im)
{
  static const char * const known[] = {
    "min_width", "min_height", "max_width", "max_height", "min_aspect", "max_aspect", "max_mb",
    "formats", "source", "note", NULL
  };

  hb_json_reader_refuse_unknown_members (r, known);
  im->min_width = get_limit (r, "min_width");
  im->min_height = get_limit (r, "min_height");
  im->max_width = get_limit (r, "max_width");
  im->max_height = get_limit (r, "max_height");
  im->min_aspect = get_ratio (r, "min_aspect");
  im->max_aspect = get_ratio (r, "max_aspect");
  im->max_mb = get_amount (r, "max_mb");
  im->formats = hb_json_reader_dup_strv (r, "formats", HB_JSON_OPTIONAL);
  check_range (r, _("width"), im->min_width, im->max_width);
  check_range (r, _("height"), im->min_height, im->max_height);
  check_range (r, _("aspect ratio"), im->min_aspect, im->max_aspect);
}

static void
walk_video (const HbJsonReader *r,
            HbVideoLimits      *v)
{
  static const char * const known[] = {
    "min_seconds", "max_seconds", "min_width", "min_height", "max_width", "max_height",
    "min_fps", "max_fps", "min_aspect", "max_aspect", "aspect", "max_mb", "formats", "source",
    "note", NULL
  };

  hb_json_reader_refuse_unknown_members (r, known);
  v->min_seconds = get_amount (r, "min_seconds");
  v->max_seconds = get_amount (r, "max_seconds");
  v->min_width = get_limit (r, "min_width");
  v->min_height = get_limit (r, "min_height");
  v->max_width = get_limit (r, "max_width");
  v->max_height = get_limit (r, "max_height");
  v->min_fps = get_limit (r, "min_fps");
  v->max_fps = get_limit (r, "max_fps");
  v->min_aspect = get_ratio (r, "min_aspect");
  v->max_aspect = get_ratio (r, "max_aspect");
  v->aspect = get_ratio (r, "aspect");
  v->max_mb = get_amount (r, "max_mb");
  v->formats = hb_json_reader_dup_strv (r, "formats", HB_JSON_OPTIONAL);
  check_range (r, _("duration"), v->min_seconds, v->max_seconds);
  check_range (r, _("frame rate"), v->min_fps, v->max_fps);
  check_range (r, _("aspect ratio"), v->min_aspect, v->max_aspect);
}

/* Every part is required and names its source, so that each figure in
 * the file can be traced to where it was published. */
static void
walk_part (const HbJsonReader *platform,
           HbPlatformPart      part,
           HbPlatform         *p)
{
  HbJsonReader r;

  hb_json_reader_member (platform, part_names[part], &r);
  if (hb_json_reader_expect_object (&r) == NULL)
    return;
  p->source[part] = get_string (&r, "source", TRUE);
  switch (part)
    {
    case HB_PLATFORM_TEXT: walk_text (&r, p); break;
    case HB_PLATFORM_HASHTAGS: walk_count_part (&r, &p->hashtag_limit, "limit"); break;
    case HB_PLATFORM_MENTIONS: walk_count_part (&r, &p->mention_limit, "limit"); break;
    case HB_PLATFORM_MEDIA: walk_count_part (&r, &p->media_max, "max_items"); break;
    case HB_PLATFORM_IMAGE: walk_image (&r, &p->image); break;
    case HB_PLATFORM_VIDEO: walk_video (&r, &p->video); break;
    case HB_PLATFORM_ALT_TEXT: walk_count_part (&r, &p->alt_text_limit, "limit"); break;
    case HB_N_PLATFORM_PARTS: default: g_assert_not_reached ();
    }
}

/* What the feed shows: optional, since only the post previews need it;
 * when present it names its source like every part. */
static void
walk_preview (const HbJsonReader *platform,
              HbPlatform         *p)
{
  static const char * const known[] = {
    "fold", "fold_lines", "more", "photo_aspect", "photo_min_aspect", "photo_max_aspect",
    "source", "note", NULL
  };
  g_autofree char *more = NULL;
  HbPreviewRules *rules = &p->preview;
  HbJsonReader r;

  hb_json_reader_member (platform, "preview", &r);
  if (!hb_json_reader_is_present (&r) || hb_json_reader_expect_object (&r) == NULL)
    return;
  hb_json_reader_refuse_unknown_members (&r, known);
  rules->source = get_string (&r, "source", TRUE);
  rules->fold_chars = get_limit (&r, "fold");
  rules->fold_lines = get_limit (&r, "fold_lines");
  more = get_string (&r, "more", FALSE);
  if (more == NULL)
    rules->more = HB_MORE_NONE;
  else if (g_str_equal (more, "see-more"))
    rules->more = HB_MORE_SEE_MORE;
  else if (g_str_equal (more, "more"))
    rules->more = HB_MORE_MORE;
  else
    member_problem (&r, "more", _("unknown label “%s” (use see-more or more)"), more);
  if ((rules->fold_chars || rules->fold_lines) && rules->more == HB_MORE_NONE)
    member_problem (&r, "more", _("a fold needs the label the platform shows"));
  rules->photo_aspect = get_ratio (&r, "photo_aspect");
  rules->photo_min_aspect = get_ratio (&r, "photo_min_aspect");
  rules->photo_max_aspect = get_ratio (&r, "photo_max_aspect");
  check_range (&r, _("aspect ratio"), rules->photo_min_aspect, rules->photo_max_aspect);
}

/* Where "Copy and Open" sends the officer: optional, and only ever an
 * https page, since the window hands it to the browser as it is. */
static void
walk_publish (const HbJsonReader *platform,
              HbPlatform         *p)
{
  static const char * const known[] = { "compose_url", "source", "note", NULL };
  HbPublishPage *page = &p->publish;
  HbJsonReader r;

  hb_json_reader_member (platform, "publish", &r);
  if (!hb_json_reader_is_present (&r) || hb_json_reader_expect_object (&r) == NULL)
    return;
  hb_json_reader_refuse_unknown_members (&r, known);
  page->source = get_string (&r, "source", TRUE);
  page->compose_url = get_string (&r, "compose_url", TRUE);
  if (page->compose_url && (!g_str_has_prefix (page->compose_url, "https://") ||
                            !g_uri_is_valid (page->compose_url, G_URI_FLAGS_NONE, NULL)))
    {
      member_problem (&r, "compose_url", _("must be an https:// address"));
      g_clear_pointer (&page->compose_url, g_free);
    }
}

static HbPlatform *
walk_platform (const HbJsonReader *r)
{
  static const char * const known[] = {
    "id", "name", "text", "hashtags", "mentions", "media", "image", "video", "alt_text", "preview",
    "publish", "note", NULL
  };
  HbPlatform *p = g_new0 (HbPlatform, 1);

  hb_json_reader_refuse_unknown_members (r, known);
  p->id = get_string (r, "id", TRUE);
  if (p->id && !g_strv_contains (hb_platform_ids (), p->id))
    member_problem (r, "id", _("unknown platform “%s”"), p->id);
  p->name = get_string (r, "name", TRUE);
  for (guint part = 0; part < HB_N_PLATFORM_PARTS; part++)
    walk_part (r, part, p);
  walk_preview (r, p);
  walk_publish (r, p);
  return p;
}

static void
walk_platforms (const HbJsonReader *list,
                HbPlatforms        *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *arr = hb_json_reader_expect_array (list);

  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      HbJsonReader r;
      HbPlatform *p;

      hb_json_reader_element (list, i, &r);
      if (hb_json_reader_expect_object (&r) == NULL)
        continue;
      p = walk_platform (&r);
      g_ptr_array_add (self->platforms, p);
      if (p->id && !g_hash_table_add (seen, p->id))
        member_problem (&r, "id", _("duplicate platform “%s”"), p->id);
    }
}

static void
walk_root (const HbJsonReader *r,
           HbPlatforms        *self)
{
  static const char * const known[] = { "format", "version", "note", "platforms", NULL };
  g_autofree char *format = NULL;
  HbJsonReader list;

  if (hb_json_reader_expect_object (r) == NULL)
    return;
  hb_json_reader_refuse_unknown_members (r, known);
  format = get_string (r, "format", TRUE);
  if (format && strcmp (format, HB_PLATFORMS_FORMAT) != 0)
    member_problem (r, "format", _("unsupported format “%s” (expected “%s”)"), format, HB_PLATFORMS_FORMAT);
  self->version = get_string (r, "version", TRUE);
  hb_json_reader_member (r, "platforms", &list);
  walk_platforms (&list, self);
}

/* Parses @bytes; NULL with every problem in @problems. */
static HbPlatforms *
parse (GBytes    *bytes,
       GPtrArray *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(HbPlatforms) self = g_object_new (HB_TYPE_PLATFORMS, NULL);
  g_autoptr(GError) error = NULL;
  HbJsonReader root;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  hb_json_reader_init (&root, NULL, problems);
  if (len > MAX_FILE_SIZE)
    hb_json_reader_problem (&root, _("the file is larger than 1 MB"));
  else if (!hb_utf8_validate (data, len, &error) ||
           !hb_json_load (parser, data, len, &error))
    hb_json_reader_problem (&root, "%s", error->message);
  else
    {
      hb_json_reader_init (&root, json_parser_get_root (parser), problems);
      walk_root (&root, self);
    }
  return problems->len == 0 ? g_steal_pointer (&self) : NULL;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/* Every problem in @bytes, each "PATH: message"; empty when valid. */
GPtrArray *
hb_platforms_check_bytes (GBytes *bytes)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  HbPlatforms *parsed = parse (bytes, problems);

  /* Only the problems are wanted. */
  g_clear_object (&parsed);
  return problems;
}

HbPlatforms *
hb_platforms_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  HbPlatforms *self;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = g_ptr_array_new_with_free_func (g_free);
  self = parse (bytes, problems);
  if (self != NULL)
    return self;
  g_ptr_array_add (problems, NULL);
  joined = g_strjoinv ("\n", (char **) problems->pdata);
  g_set_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY, _("Invalid platform profiles:\n%s"), joined);
  return NULL;
}

HbPlatforms *
hb_platforms_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  return bytes ? hb_platforms_new_from_bytes (bytes, error) : NULL;
}

/* The built-in profiles, loaded once; shared, do not unref. */
HbPlatforms *
hb_platforms_get_default (void)
{
  static HbPlatforms *builtin;

  if (g_once_init_enter (&builtin))
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (hb_get_resource (), BUILTIN_PATH, 0, NULL);
      g_autoptr(GError) error = NULL;
      HbPlatforms *self = hb_platforms_new_from_bytes (bytes, &error);

      /* tests/test-platforms.c validates the built-in file: this is a packaging bug. */
      if (self == NULL)
        g_error ("built-in platforms.json: %s", error->message);
      g_once_init_leave (&builtin, self);
    }
  return builtin;
}

const char *
hb_platforms_get_version (HbPlatforms *self)
{
  g_return_val_if_fail (HB_IS_PLATFORMS (self), NULL);
  return self->version;
}

guint
hb_platforms_get_n_platforms (HbPlatforms *self)
{
  g_return_val_if_fail (HB_IS_PLATFORMS (self), 0);
  return self->platforms->len;
}

const HbPlatform *
hb_platforms_get_platform (HbPlatforms *self,
                           guint        i)
{
  g_return_val_if_fail (HB_IS_PLATFORMS (self), NULL);
  g_return_val_if_fail (i < self->platforms->len, NULL);
  return self->platforms->pdata[i];
}

/* The profile of platform @id ("x", "instagram" …), or NULL. */
const HbPlatform *
hb_platforms_lookup (HbPlatforms *self,
                     const char  *id)
{
  g_return_val_if_fail (HB_IS_PLATFORMS (self), NULL);
  for (guint i = 0; i < self->platforms->len; i++)
    {
      const HbPlatform *p = self->platforms->pdata[i];

      if (g_strcmp0 (p->id, id) == 0)
        return p;
    }
  return NULL;
}

/* Counts @text as @platform counts it, against its text limit. */
gboolean
hb_platform_count (const HbPlatform  *platform,
                   const char        *text,
                   gssize             len,
                   HbCount           *count,
                   GError           **error)
{
  return hb_count_text (text, len, platform->count_method, platform->text_limit, count, error);
}

/* What the platform's feed shows of @text before its "See more": the
 * first fold_chars code points or fold_lines lines, whichever ends first,
 * without the spaces the cut leaves at its end.  *folded says whether
 * anything was hidden; the whole text comes back when nothing is. */
char *
hb_platform_fold (const HbPlatform *platform,
                  const char       *text,
                  gboolean         *folded)
{
  const HbPreviewRules *r = &platform->preview;
  const char *p = text, *cut = NULL;
  guint chars = 0, lines = 1;

  for (; *p; p = g_utf8_next_char (p), chars++)
    {
      if (r->fold_chars && chars == r->fold_chars)
        {
          cut = p;
          break;
        }
      if (*p == '\n' && r->fold_lines && lines++ == r->fold_lines)
        {
          cut = p;
          break;
        }
    }
  /* A fold that only hides trailing spaces hides nothing. */
  if (cut)
    {
      const char *rest = cut;

      while (*rest && g_unichar_isspace (g_utf8_get_char (rest)))
        rest = g_utf8_next_char (rest);
      if (*rest == '\0')
        cut = NULL;
    }
  *folded = cut != NULL;
  if (cut == NULL)
    return g_strdup (text);
  while (cut > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (cut))))
    cut = g_utf8_prev_char (cut);
  return g_strndup (text, cut - text);
}

/* The stretch of a @width × @height photo the platform's feed shows: the
 * centre cut to photo_aspect, or to the nearest shape within the
 * platform's range; the whole photo when the platform does not crop. */
HbCrop
hb_platform_crop_photo (const HbPlatform *platform,
                        int               width,
                        int               height)
{
  const HbPreviewRules *r = &platform->preview;
  HbCrop crop = { 0, 0, width, height };
  double aspect = height > 0 ? (double) width / height : 0, want = aspect;

  if (width <= 0 || height <= 0)
    return crop;
  if (r->photo_aspect > 0)
    want = r->photo_aspect;
  else if (r->photo_min_aspect > 0 && aspect < r->photo_min_aspect)
    want = r->photo_min_aspect;
  else if (r->photo_max_aspect > 0 && aspect > r->photo_max_aspect)
    want = r->photo_max_aspect;
  if (want > aspect)
    {
      crop.height = MAX (1, (int) (width / want + 0.5));
      crop.y = (height - crop.height) / 2;
    }
  else if (want < aspect)
    {
      crop.width = MAX (1, (int) (height * want + 0.5));
      crop.x = (width - crop.width) / 2;
    }
  return crop;
}
