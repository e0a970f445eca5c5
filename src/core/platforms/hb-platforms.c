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

typedef struct
{
  GPtrArray *problems; /* "PATH: message" */
  char      *path;     /* of the object being read */
} Walk;

G_GNUC_PRINTF (3, 4)
static void
problem (Walk       *w,
         const char *member,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (w->problems, member ? g_strdup_printf ("%s.%s: %s", w->path, member, msg)
                                       : g_strdup_printf ("%s: %s", w->path, msg));
}

static JsonObject *
need_object (Walk     *w,
             JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (w, NULL, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static void
check_members (Walk               *w,
               JsonObject         *obj,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (known, l->data))
      problem (w, l->data, _("unknown member"));
}

static char *
get_string (Walk       *w,
            JsonObject *obj,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      *json_node_get_string (node))
    return g_strdup (json_node_get_string (node));
  if (node || required)
    problem (w, name, _("must be a non-empty string"));
  return NULL;
}

/* A whole number from 1 to 10,000,000, or null/absent for "no limit". */
static guint
get_limit (Walk       *w,
           JsonObject *obj,
           const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1 || json_node_get_int (node) > 10000000)
    {
      problem (w, name, _("must be a whole number from 1 to 10000000, or null"));
      return 0;
    }
  return (guint) json_node_get_int (node);
}

/* A positive number (seconds, megabytes), or absent. */
static double
get_amount (Walk       *w,
            JsonObject *obj,
            const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_NONE;
  if ((type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) && json_node_get_double (node) > 0)
    return json_node_get_double (node);
  problem (w, name, _("must be a positive number"));
  return 0;
}

/* An aspect ratio written "W:H" ("4:5", "1.91:1"), as width / height. */
static double
get_ratio (Walk       *w,
           JsonObject *obj,
           const char *name)
{
  g_autofree char *s = NULL;
  char *colon, *end1, *end2;
  double a, b;

  if (!json_object_has_member (obj, name) || (s = get_string (w, obj, name, FALSE)) == NULL)
    return 0;
  colon = strchr (s, ':');
  a = g_ascii_strtod (s, &end1);
  b = colon ? g_ascii_strtod (colon + 1, &end2) : 0;
  if (colon == NULL || end1 != colon || *end2 != '\0' || a <= 0 || b <= 0)
    {
      problem (w, name, _("must be a ratio such as “4:5”"));
      return 0;
    }
  return a / b;
}

static char **
get_formats (Walk       *w,
             JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, "formats");
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *arr;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (w, "formats", _("must be an array of strings"));
      return NULL;
    }
  arr = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *item = json_array_get_element (arr, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        problem (w, "formats", _("item %u must be a string"), i);
      else
        g_strv_builder_add (b, json_node_get_string (item));
    }
  return g_strv_builder_end (b);
}

static void
check_range (Walk       *w,
             const char *what,
             double      min,
             double      max)
{
  if (min > 0 && max > 0 && min > max)
    problem (w, NULL, _("the minimum %s is above the maximum"), what);
}

/* ------------------------------------------------------------------ */
/* Parts of a profile                                                  */

static void
walk_text (Walk       *w,
           JsonObject *obj,
           HbPlatform *p)
{
  static const char * const known[] = { "limit", "counting", "title_limit", "source", "note", NULL };
  g_autofree char *counting = NULL;

  check_members (w, obj, known);
  if ((p->text_limit = get_limit (w, obj, "limit")) == 0)
    problem (w, "limit", _("a text limit is required"));
  p->title_limit = get_limit (w, obj, "title_limit");
  counting = get_string (w, obj, "counting", TRUE);
  if (counting && !hb_count_method_from_string (counting, &p->count_method))
    problem (w, "counting", _("unknown counting “%s” (use code-points, twitter-v3 or threads)"),
             counting);
}

static void
walk_count_part (Walk       *w,
                 JsonObject *obj,
                 guint      *limit,
                 const char *member)
{
  const char * const known[] = { member, "source", "note", NULL };

  check_members (w, obj, known);
  *limit = get_limit (w, obj, member);
}

static void
walk_image (Walk          *w,
            JsonObject    *obj,
            HbImageLimits *im)
{
  static const char * const known[] = {
    "min_width", "min_height", "max_width", "max_height", "min_aspect", "max_aspect", "max_mb",
    "formats", "source", "note", NULL
  };

  check_members (w, obj, known);
  im->min_width = get_limit (w, obj, "min_width");
  im->min_height = get_limit (w, obj, "min_height");
  im->max_width = get_limit (w, obj, "max_width");
  im->max_height = get_limit (w, obj, "max_height");
  im->min_aspect = get_ratio (w, obj, "min_aspect");
  im->max_aspect = get_ratio (w, obj, "max_aspect");
  im->max_mb = get_amount (w, obj, "max_mb");
  im->formats = get_formats (w, obj);
  check_range (w, _("width"), im->min_width, im->max_width);
  check_range (w, _("height"), im->min_height, im->max_height);
  check_range (w, _("aspect ratio"), im->min_aspect, im->max_aspect);
}

static void
walk_video (Walk          *w,
            JsonObject    *obj,
            HbVideoLimits *v)
{
  static const char * const known[] = {
    "min_seconds", "max_seconds", "min_width", "min_height", "max_width", "max_height",
    "min_fps", "max_fps", "min_aspect", "max_aspect", "aspect", "max_mb", "formats", "source",
    "note", NULL
  };

  check_members (w, obj, known);
  v->min_seconds = get_amount (w, obj, "min_seconds");
  v->max_seconds = get_amount (w, obj, "max_seconds");
  v->min_width = get_limit (w, obj, "min_width");
  v->min_height = get_limit (w, obj, "min_height");
  v->max_width = get_limit (w, obj, "max_width");
  v->max_height = get_limit (w, obj, "max_height");
  v->min_fps = get_limit (w, obj, "min_fps");
  v->max_fps = get_limit (w, obj, "max_fps");
  v->min_aspect = get_ratio (w, obj, "min_aspect");
  v->max_aspect = get_ratio (w, obj, "max_aspect");
  v->aspect = get_ratio (w, obj, "aspect");
  v->max_mb = get_amount (w, obj, "max_mb");
  v->formats = get_formats (w, obj);
  check_range (w, _("duration"), v->min_seconds, v->max_seconds);
  check_range (w, _("frame rate"), v->min_fps, v->max_fps);
  check_range (w, _("aspect ratio"), v->min_aspect, v->max_aspect);
}

/* Every part is required and names its source, so that each figure in
 * the file can be traced to where it was published. */
static void
walk_part (Walk           *w,
           JsonObject     *platform,
           HbPlatformPart  part,
           HbPlatform     *p)
{
  g_autofree char *parent = w->path;
  JsonObject *obj;

  w->path = g_strdup_printf ("%s.%s", parent, part_names[part]);
  if ((obj = need_object (w, json_object_get_member (platform, part_names[part]))) != NULL)
    {
      p->source[part] = get_string (w, obj, "source", TRUE);
      switch (part)
        {
        case HB_PLATFORM_TEXT: walk_text (w, obj, p); break;
        case HB_PLATFORM_HASHTAGS: walk_count_part (w, obj, &p->hashtag_limit, "limit"); break;
        case HB_PLATFORM_MENTIONS: walk_count_part (w, obj, &p->mention_limit, "limit"); break;
        case HB_PLATFORM_MEDIA: walk_count_part (w, obj, &p->media_max, "max_items"); break;
        case HB_PLATFORM_IMAGE: walk_image (w, obj, &p->image); break;
        case HB_PLATFORM_VIDEO: walk_video (w, obj, &p->video); break;
        case HB_PLATFORM_ALT_TEXT: walk_count_part (w, obj, &p->alt_text_limit, "limit"); break;
        case HB_N_PLATFORM_PARTS: default: g_assert_not_reached ();
        }
    }
  g_free (w->path);
  w->path = g_steal_pointer (&parent);
}

/* What the feed shows: optional, since only the post previews need it;
 * when present it names its source like every part. */
static void
walk_preview (Walk       *w,
              JsonObject *platform,
              HbPlatform *p)
{
  static const char * const known[] = {
    "fold", "fold_lines", "more", "photo_aspect", "photo_min_aspect", "photo_max_aspect",
    "source", "note", NULL
  };
  g_autofree char *parent = NULL;
  g_autofree char *more = NULL;
  HbPreviewRules *r = &p->preview;
  JsonObject *obj;

  if (!json_object_has_member (platform, "preview"))
    return;
  parent = w->path;
  w->path = g_strdup_printf ("%s.preview", parent);
  if ((obj = need_object (w, json_object_get_member (platform, "preview"))) != NULL)
    {
      check_members (w, obj, known);
      r->source = get_string (w, obj, "source", TRUE);
      r->fold_chars = get_limit (w, obj, "fold");
      r->fold_lines = get_limit (w, obj, "fold_lines");
      more = get_string (w, obj, "more", FALSE);
      if (more == NULL)
        r->more = HB_MORE_NONE;
      else if (g_str_equal (more, "see-more"))
        r->more = HB_MORE_SEE_MORE;
      else if (g_str_equal (more, "more"))
        r->more = HB_MORE_MORE;
      else
        problem (w, "more", _("unknown label “%s” (use see-more or more)"), more);
      if ((r->fold_chars || r->fold_lines) && r->more == HB_MORE_NONE)
        problem (w, "more", _("a fold needs the label the platform shows"));
      r->photo_aspect = get_ratio (w, obj, "photo_aspect");
      r->photo_min_aspect = get_ratio (w, obj, "photo_min_aspect");
      r->photo_max_aspect = get_ratio (w, obj, "photo_max_aspect");
      check_range (w, _("aspect ratio"), r->photo_min_aspect, r->photo_max_aspect);
    }
  g_free (w->path);
  w->path = g_steal_pointer (&parent);
}

/* Where "Copy and Open" sends the officer: optional, and only ever an
 * https page, since the window hands it to the browser as it is. */
static void
walk_publish (Walk       *w,
              JsonObject *platform,
              HbPlatform *p)
{
  static const char * const known[] = { "compose_url", "source", "note", NULL };
  g_autofree char *parent = NULL;
  HbPublishPage *r = &p->publish;
  JsonObject *obj;

  if (!json_object_has_member (platform, "publish"))
    return;
  parent = w->path;
  w->path = g_strdup_printf ("%s.publish", parent);
  if ((obj = need_object (w, json_object_get_member (platform, "publish"))) != NULL)
    {
      check_members (w, obj, known);
      r->source = get_string (w, obj, "source", TRUE);
      r->compose_url = get_string (w, obj, "compose_url", TRUE);
      if (r->compose_url && (!g_str_has_prefix (r->compose_url, "https://") ||
                             !g_uri_is_valid (r->compose_url, G_URI_FLAGS_NONE, NULL)))
        {
          problem (w, "compose_url", _("must be an https:// address"));
          g_clear_pointer (&r->compose_url, g_free);
        }
    }
  g_free (w->path);
  w->path = g_steal_pointer (&parent);
}

static HbPlatform *
walk_platform (Walk       *w,
               JsonObject *obj)
{
  static const char * const known[] = {
    "id", "name", "text", "hashtags", "mentions", "media", "image", "video", "alt_text", "preview",
    "publish", "note", NULL
  };
  HbPlatform *p = g_new0 (HbPlatform, 1);

  check_members (w, obj, known);
  p->id = get_string (w, obj, "id", TRUE);
  if (p->id && !g_strv_contains (hb_platform_ids (), p->id))
    problem (w, "id", _("unknown platform “%s”"), p->id);
  p->name = get_string (w, obj, "name", TRUE);
  for (guint part = 0; part < HB_N_PLATFORM_PARTS; part++)
    walk_part (w, obj, part, p);
  walk_preview (w, obj, p);
  walk_publish (w, obj, p);
  return p;
}

static void
walk_platforms (Walk        *w,
                JsonArray   *arr,
                HbPlatforms *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *parent = w->path;
      JsonObject *obj;

      w->path = g_strdup_printf ("$.platforms[%u]", i);
      if ((obj = need_object (w, json_array_get_element (arr, i))) != NULL)
        {
          HbPlatform *p = walk_platform (w, obj);

          g_ptr_array_add (self->platforms, p);
          if (p->id && !g_hash_table_add (seen, p->id))
            problem (w, "id", _("duplicate platform “%s”"), p->id);
        }
      g_free (w->path);
      w->path = g_steal_pointer (&parent);
    }
}

static void
walk_root (Walk        *w,
           JsonNode    *root,
           HbPlatforms *self)
{
  static const char * const known[] = { "format", "version", "note", "platforms", NULL };
  g_autofree char *format = NULL;
  JsonObject *obj = need_object (w, root);
  JsonNode *list;

  if (obj == NULL)
    return;
  check_members (w, obj, known);
  format = get_string (w, obj, "format", TRUE);
  if (format && strcmp (format, HB_PLATFORMS_FORMAT) != 0)
    problem (w, "format", _("unsupported format “%s” (expected “%s”)"), format, HB_PLATFORMS_FORMAT);
  self->version = get_string (w, obj, "version", TRUE);
  list = json_object_get_member (obj, "platforms");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    problem (w, "platforms", _("must be an array"));
  else
    walk_platforms (w, json_node_get_array (list), self);
}

/* Parses @bytes; NULL with every problem in @problems. */
static HbPlatforms *
parse (GBytes    *bytes,
       GPtrArray *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(HbPlatforms) self = g_object_new (HB_TYPE_PLATFORMS, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *root_path = g_strdup ("$");
  Walk w = { problems, root_path };
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len > MAX_FILE_SIZE)
    problem (&w, NULL, _("the file is larger than 1 MB"));
  else if (!hb_utf8_validate (data, len, &error) ||
           !hb_json_load (parser, data, len, &error))
    problem (&w, NULL, "%s", error->message);
  else
    walk_root (&w, json_parser_get_root (parser), self);
  return problems->len == 0 ? g_steal_pointer (&self) : NULL;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/* Every problem in @bytes, each "PATH: message"; empty when valid. */
GPtrArray *
hb_platforms_check_bytes (GBytes *bytes)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HbPlatforms) self = parse (bytes, problems);

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
