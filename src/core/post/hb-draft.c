/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-draft.c — reading and writing `.hebahan` draft files (JSON, "hebahan-draft/1").
 *
 * Loading checks every value it uses and refuses the whole draft with
 * HB_ERROR_INVALID_DRAFT naming the first bad field, rather than opening
 * half a post.  Unknown members are ignored, so that an older Hebahan can
 * open a draft a newer one of the same format wrote.
 */
#include "config.h"

#include "hb-draft.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hb-datetime.h"
#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-json.h"
#include "hb-json-reader.h"

#define FORMAT_PREFIX "hebahan-draft/"
#define MAX_DRAFT_SIZE (16 * 1024 * 1024)

/* How many entries each list of a draft may have.  A real post has a
 * handful of guests and at most a few dozen photos (platforms take 10 to
 * 35); the limits keep a hostile draft from costing minutes of linting
 * or gigabytes of thumbnails, far above anything an officer writes. */
static const struct { const char *member; guint max; } list_limits[] = {
  { "guests", 200 },
  { "media", 100 },
  { "platforms", 32 },
  { "acknowledged", 2000 },
  { "checklist", 200 },
  { "captions", 32 },
};
/* ISO 8601 dates always with four digits of year: "%Y" writes the year
 * 262 as "262", which no ISO 8601 reader (ours included) takes back. */
#define ISO_DATE "%C%y-%m-%d"

/* Event fields: JSON member of "event" → post field. */
static const struct { const char *member; HbField field; } event_members[] = {
  { "name", HB_FIELD_EVENT_NAME },
  { "date", HB_FIELD_DATE },
  { "start_time", HB_FIELD_START_TIME },
  { "end_time", HB_FIELD_END_TIME },
  { "venue", HB_FIELD_VENUE },
};

static const struct { const char *member; HbField field; } text_members[] = {
  { "body", HB_FIELD_BODY },
  { "hashtags", HB_FIELD_HASHTAGS },
  { "link", HB_FIELD_LINK },
};

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

/* Relative to @base_dir when the file is inside it, so a folder holding a
 * draft and its photos can be moved or copied whole. */
static char *
media_path_for_draft (const char *path,
                      GFile      *base_dir)
{
  g_autoptr(GFile) file = NULL;
  char *relative;

  if (base_dir == NULL || !g_path_is_absolute (path))
    return g_strdup (path);
  file = g_file_new_for_path (path);
  relative = g_file_get_relative_path (base_dir, file);
  return relative ? relative : g_strdup (path);
}

static void
write_event (JsonBuilder *b,
             HbPost      *post)
{
  json_builder_set_member_name (b, "event");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (event_members); i++)
    add_string (b, event_members[i].member, hb_post_get_field (post, event_members[i].field));
  json_builder_end_object (b);
}

static void
write_guests (JsonBuilder *b,
              HbPost      *post)
{
  GListModel *guests = G_LIST_MODEL (hb_post_get_guests (post));

  json_builder_set_member_name (b, "guests");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(HbGuest) guest = g_list_model_get_item (guests, i);

      json_builder_begin_object (b);
      add_string (b, "title", hb_guest_get_title (guest));
      add_string (b, "name", hb_guest_get_name (guest));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_media (JsonBuilder *b,
             HbPost      *post,
             GFile       *base_dir)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (post));

  json_builder_set_member_name (b, "media");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);
      g_autofree char *path = media_path_for_draft (hb_media_item_get_path (item), base_dir);

      json_builder_begin_object (b);
      add_string (b, "path", path);
      if (hb_media_item_get_sha256 (item))
        add_string (b, "sha256", hb_media_item_get_sha256 (item));
      add_string (b, "alt_text", hb_media_item_get_alt_text (item));
      add_string (b, "caption", hb_media_item_get_caption (item));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_acks (JsonBuilder *b,
            HbPost      *post)
{
  GPtrArray *acks = hb_post_get_acks (post);

  json_builder_set_member_name (b, "acknowledged");
  json_builder_begin_array (b);
  for (guint i = 0; i < acks->len; i++)
    {
      const HbAck *ack = acks->pdata[i];
      /* "2026-11-25T10:00:00+08:00": seconds and a full offset, as people read it. */
      g_autofree char *when = ack->when ? g_date_time_format (ack->when, ISO_DATE "T%H:%M:%S%:z") : NULL;

      json_builder_begin_object (b);
      add_string (b, "rule", ack->rule);
      add_string (b, "text", ack->text);
      add_string (b, "reason", ack->reason);
      add_string (b, "who", ack->who);
      if (when)
        add_string (b, "when", when);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_platforms (JsonBuilder *b,
                 HbPost      *post)
{
  const char * const *platforms = hb_post_get_platforms (post);

  json_builder_set_member_name (b, "platforms");
  json_builder_begin_array (b);
  for (guint i = 0; platforms && platforms[i]; i++)
    json_builder_add_string_value (b, platforms[i]);
  json_builder_end_array (b);
}

/* "captions": {"x": "…"}: per-platform captions, only when there are any. */
static void
write_overrides (JsonBuilder *b,
                 HbPost      *post)
{
  const char * const *ids = hb_platform_ids ();
  gboolean any = FALSE;

  for (guint i = 0; ids[i]; i++)
    {
      const char *text = hb_post_get_caption_override (post, ids[i]);

      if (text == NULL)
        continue;
      if (!any)
        {
          json_builder_set_member_name (b, "captions");
          json_builder_begin_object (b);
          any = TRUE;
        }
      add_string (b, ids[i], text);
    }
  if (any)
    json_builder_end_object (b);
}

/* The draft as JSON, pretty-printed so that it diffs well and an officer
 * can read it.  Media paths are made relative to @base_dir (may be NULL). */
GBytes *
hb_draft_to_bytes (HbPost *post,
                   GFile  *base_dir)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize len = 0;
  char *data;

  g_return_val_if_fail (HB_IS_POST (post), NULL);
  json_builder_begin_object (b);
  add_string (b, "format", HB_DRAFT_FORMAT);
  add_string (b, "type", hb_post_type_to_string (hb_post_get_post_type (post)));
  add_string (b, "language", hb_lang_to_string (hb_post_get_language (post)));
  write_platforms (b, post);
  write_event (b, post);
  write_guests (b, post);
  for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
    add_string (b, text_members[i].member, hb_post_get_field (post, text_members[i].field));
  write_media (b, post, base_dir);
  write_overrides (b, post);
  if (hb_post_get_checklist (post))
    {
      json_builder_set_member_name (b, "checklist");
      json_builder_add_value (b, json_node_copy (hb_post_get_checklist (post)));
    }
  write_acks (b, post);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  data = json_generator_to_data (gen, &len);
  return g_bytes_new_take (data, len);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* The walk (hb-json-reader.h) records nothing: a draft names only its
 * first bad field, in the error. */
typedef struct
{
  HbPost     *post;
  GFile      *base_dir;
  char       *bad;     /* the first field found invalid, as "event.date" */
} Load;

/* Notes the value @at reads as the draft's first bad field, by its JSON
 * path without the "$." an officer does not need. */
static void
bad_field (Load               *l,
           const HbJsonReader *at)
{
  g_autofree char *path = NULL;

  if (l->bad != NULL)
    return;
  path = hb_json_reader_dup_path (at);
  l->bad = g_strdup (g_str_has_prefix (path, "$.") ? path + 2 : path);
}

static void
bad_member (Load               *l,
            const HbJsonReader *r,
            const char         *name)
{
  HbJsonReader member;

  hb_json_reader_member (r, name, &member);
  bad_field (l, &member);
}

/* The string member @name of @r: NULL when absent or null, the string
 * when it is one; anything else marks the field invalid. */
static const char *
member_string (Load               *l,
               const HbJsonReader *r,
               const char         *name)
{
  const char *value;

  if (!hb_json_reader_get_string (r, name, HB_JSON_NULLABLE, &value))
    bad_member (l, r, name);
  return value;
}

/* @member reads member @name of @r; FALSE when it is absent or null
 * (quietly) or not of @type (the field is invalid). */
static gboolean
member_of_type (Load               *l,
                const HbJsonReader *r,
                const char         *name,
                JsonNodeType        type,
                HbJsonReader       *member)
{
  JsonNode *node;

  hb_json_reader_member (r, name, member);
  node = hb_json_reader_get_node (member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (JSON_NODE_TYPE (node) != type)
    {
      bad_field (l, member);
      return FALSE;
    }
  return TRUE;
}

static void
read_header (Load               *l,
             const HbJsonReader *root)
{
  const char *type = member_string (l, root, "type");
  const char *lang = member_string (l, root, "language");
  HbPostType post_type;
  HbLang post_lang;

  if (type && !hb_post_type_from_string (type, &post_type))
    bad_member (l, root, "type");
  else if (type)
    hb_post_set_post_type (l->post, post_type);
  if (lang && !hb_lang_from_string (lang, &post_lang))
    bad_member (l, root, "language");
  else if (lang)
    hb_post_set_language (l->post, post_lang);
}

/* Platforms this Hebahan does not know (from a newer one) are dropped
 * rather than refusing the draft. */
static void
read_platforms (Load               *l,
                const HbJsonReader *root)
{
  HbJsonReader list;

  if (!member_of_type (l, root, "platforms", JSON_NODE_ARRAY, &list))
    return;
  for (guint i = 0; i < hb_json_reader_get_size (&list); i++)
    {
      HbJsonReader el;
      const char *id;

      hb_json_reader_element (&list, i, &el);
      if ((id = hb_json_reader_peek_string (&el)) == NULL)
        bad_field (l, &el);
      else if (g_strv_contains (hb_platform_ids (), id))
        hb_post_toggle_platform (l->post, id, TRUE);
    }
}

/* Dates and times are stored as ISO; what a person typed into the file by
 * hand ("12/12/2026", "8.00 pagi") is read and normalised. */
static void
set_event_field (Load               *l,
                 HbField             field,
                 const HbJsonReader *event,
                 const char         *member,
                 const char         *value)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  int h, m;

  if (*value == '\0' || field == HB_FIELD_EVENT_NAME || field == HB_FIELD_VENUE)
    iso = g_strdup (value);
  else if (field == HB_FIELD_DATE && hb_date_parse (value, &date))
    iso = g_date_time_format (date, ISO_DATE);
  else if (field != HB_FIELD_DATE && hb_time_parse (value, &h, &m))
    iso = g_strdup_printf ("%02d:%02d", h, m);
  else if (field != HB_FIELD_DATE)
    /* A time that does not read is kept as typed: the form shows it and
     * the `time-unreadable` check reports it (2026.12; older versions
     * refused such a draft). */
    iso = g_strdup (value);
  if (iso == NULL)
    {
      bad_member (l, event, member);
      return;
    }
  hb_post_set_field (l->post, field, iso);
}

static void
read_event (Load               *l,
            const HbJsonReader *root)
{
  HbJsonReader event;

  if (!member_of_type (l, root, "event", JSON_NODE_OBJECT, &event))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (event_members); i++)
    {
      const char *value = member_string (l, &event, event_members[i].member);

      if (value)
        set_event_field (l, event_members[i].field, &event, event_members[i].member, value);
    }
}

static void
read_texts (Load               *l,
            const HbJsonReader *root)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
    {
      const char *value = member_string (l, root, text_members[i].member);

      if (value)
        hb_post_set_field (l->post, text_members[i].field, value);
    }
}

/* Calls @read_item for each element of array member @name, which must be
 * an object. */
static void
read_list (Load               *l,
           const HbJsonReader *root,
           const char         *name,
           void              (*read_item) (Load *, const HbJsonReader *))
{
  HbJsonReader list;

  if (!member_of_type (l, root, name, JSON_NODE_ARRAY, &list))
    return;
  for (guint i = 0; i < hb_json_reader_get_size (&list) && l->bad == NULL; i++)
    {
      HbJsonReader el;

      hb_json_reader_element (&list, i, &el);
      if (!JSON_NODE_HOLDS_OBJECT (hb_json_reader_get_node (&el)))
        bad_field (l, &el);
      else
        read_item (l, &el);
    }
}

static void
read_guest (Load               *l,
            const HbJsonReader *r)
{
  const char *title = member_string (l, r, "title");
  const char *name = member_string (l, r, "name");
  g_autoptr(HbGuest) guest = hb_guest_new (title, name);

  g_list_store_append (hb_post_get_guests (l->post), guest);
}

static char *
resolve_media_path (Load       *l,
                    const char *path)
{
  g_autoptr(GFile) file = NULL;

  if (g_path_is_absolute (path) || l->base_dir == NULL)
    return g_strdup (path);
  file = g_file_resolve_relative_path (l->base_dir, path);
  return g_file_get_path (file);
}

static void
read_media_item (Load               *l,
                 const HbJsonReader *r)
{
  const char *file = member_string (l, r, "path");
  const char *sha256 = member_string (l, r, "sha256");
  const char *alt_text = member_string (l, r, "alt_text");
  const char *caption = member_string (l, r, "caption");
  g_autofree char *resolved = NULL;
  g_autoptr(HbMediaItem) item = NULL;

  if (file == NULL || *file == '\0')
    {
      bad_member (l, r, "path");
      return;
    }
  resolved = resolve_media_path (l, file);
  item = hb_media_item_new (resolved);
  hb_media_item_set_sha256 (item, sha256);
  hb_media_item_set_alt_text (item, alt_text);
  hb_media_item_set_caption (item, caption);
  g_list_store_append (hb_post_get_media (l->post), item);
}

/* Acknowledgements keep their own date, so they go straight into the
 * post's list rather than through hb_post_add_ack(), which stamps now. */
static void
read_ack (Load               *l,
          const HbJsonReader *r)
{
  const char *rule = member_string (l, r, "rule");
  const char *text = member_string (l, r, "text");
  const char *reason = member_string (l, r, "reason");
  const char *who = member_string (l, r, "who");
  const char *when = member_string (l, r, "when");
  HbAck *ack;

  if (rule == NULL || *rule == '\0')
    {
      bad_member (l, r, "rule");
      return;
    }
  ack = g_new0 (HbAck, 1);
  ack->rule = g_strdup (rule);
  ack->text = g_strdup (text ? text : "");
  ack->reason = g_strdup (reason ? reason : "");
  ack->who = g_strdup (who ? who : "");
  if (when && (ack->when = g_date_time_new_from_iso8601 (when, NULL)) == NULL)
    bad_member (l, r, "when");
  g_ptr_array_add (hb_post_get_acks (l->post), ack);
}

/* Per-platform captions; a platform this version does not know is
 * dropped, as in "platforms". */
static void
read_overrides (Load               *l,
                const HbJsonReader *root)
{
  const char * const *ids = hb_platform_ids ();
  HbJsonReader captions, text;

  if (!member_of_type (l, root, "captions", JSON_NODE_OBJECT, &captions))
    return;
  for (guint i = 0; ids[i]; i++)
    {
      hb_json_reader_member (&captions, ids[i], &text);
      if (!hb_json_reader_is_present (&text))
        continue;
      if (hb_json_reader_peek_string (&text) == NULL)
        bad_field (l, &text);
      else
        hb_post_set_caption_override (l->post, ids[i], hb_json_reader_peek_string (&text));
    }
}

static void
read_checklist (Load               *l,
                const HbJsonReader *root)
{
  HbJsonReader checklist;

  if (member_of_type (l, root, "checklist", JSON_NODE_OBJECT, &checklist))
    hb_post_set_checklist (l->post, hb_json_reader_get_node (&checklist));
}

/* Checks "format": NULL when fine, or the error to report. */
static GError *
check_format (JsonNode   *root,
              const char *name)
{
  HbJsonReader r;
  const char *format;

  hb_json_reader_init (&r, root, NULL);
  hb_json_reader_get_string (&r, "format", HB_JSON_OPTIONAL, &format);
  if (format && strcmp (format, HB_DRAFT_FORMAT) == 0)
    return NULL;
  if (format && g_str_has_prefix (format, FORMAT_PREFIX))
    return g_error_new (HB_ERROR, HB_ERROR_INVALID_DRAFT,
                        _("This draft was written by a newer Hebahan (format “%s”)"), format);
  if (name)
    return g_error_new (HB_ERROR, HB_ERROR_INVALID_DRAFT, _("“%s” is not a Hebahan draft"), name);
  return g_error_new_literal (HB_ERROR, HB_ERROR_INVALID_DRAFT, _("This is not a Hebahan draft"));
}

static JsonNode *
parse_json (GBytes      *bytes,
            const char  *name,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  GError *format_error;
  g_autoptr(GError) json_error = NULL;

  if (len > MAX_DRAFT_SIZE)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_TOO_LARGE, _("The draft is larger than 16 MB"));
      return NULL;
    }
  if (data == NULL || len == 0 || !g_utf8_validate_len (data, len, NULL) ||
      !hb_json_load (parser, data, len, &json_error) ||
      json_parser_get_root (parser) == NULL)
    {
      /* Too deep, a NUL, a key twice: said as it is, not as "not a draft". */
      if (json_error && json_error->domain == HB_ERROR)
        g_set_error_literal (error, HB_ERROR, HB_ERROR_INVALID_DRAFT, json_error->message);
      else
        g_propagate_error (error, check_format (NULL, name));
      return NULL;
    }
  if ((format_error = check_format (json_parser_get_root (parser), name)) != NULL)
    {
      g_propagate_error (error, format_error);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

static gboolean
check_counts (const HbJsonReader  *root,
              GError             **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_limits); i++)
    {
      HbJsonReader list;
      guint n;

      hb_json_reader_member (root, list_limits[i].member, &list);
      if ((n = hb_json_reader_get_size (&list)) > list_limits[i].max)
        {
          g_set_error (error, HB_ERROR, HB_ERROR_INVALID_DRAFT,
                       _("The draft’s “%s” list has %u entries, more than the %u Hebahan accepts"),
                       list_limits[i].member, n, list_limits[i].max);
          return FALSE;
        }
    }
  return TRUE;
}

static HbPost *
load_bytes (GBytes      *bytes,
            GFile       *base_dir,
            const char  *name,
            GError     **error)
{
  g_autoptr(JsonNode) root = parse_json (bytes, name, error);
  g_autoptr(HbPost) post = NULL;
  HbJsonReader r;
  Load l = { NULL, base_dir, NULL };

  if (root == NULL)
    return NULL;
  hb_json_reader_init (&r, root, NULL);
  if (!check_counts (&r, error))
    return NULL;
  l.post = post = hb_post_new ();
  read_header (&l, &r);
  read_platforms (&l, &r);
  read_event (&l, &r);
  read_list (&l, &r, "guests", read_guest);
  read_texts (&l, &r);
  read_list (&l, &r, "media", read_media_item);
  read_overrides (&l, &r);
  read_checklist (&l, &r);
  read_list (&l, &r, "acknowledged", read_ack);
  if (l.bad != NULL)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_DRAFT,
                   _("The draft’s “%s” field is not valid"), l.bad);
      g_free (l.bad);
      return NULL;
    }
  return g_steal_pointer (&post);
}

/* Reads a draft from memory; relative media paths are resolved against
 * @base_dir (may be NULL: they are kept as written). */
HbPost *
hb_draft_load_bytes (GBytes  *bytes,
                     GFile   *base_dir,
                     GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return load_bytes (bytes, base_dir, NULL, error);
}

/* The reason in plain words ("No space left on device") for the common
 * file errors, without GIO's "Error opening file …" wrapping, since the
 * message names the file itself; GIO's own message for the rest. */
static const char *
io_reason (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return error->message;
  switch (error->code)
    {
    case G_IO_ERROR_NO_SPACE: return g_strerror (ENOSPC);
    case G_IO_ERROR_PERMISSION_DENIED: return g_strerror (EACCES);
    case G_IO_ERROR_READ_ONLY: return g_strerror (EROFS);
    case G_IO_ERROR_NOT_FOUND: return g_strerror (ENOENT);
    case G_IO_ERROR_IS_DIRECTORY: return g_strerror (EISDIR);
    case G_IO_ERROR_FILENAME_TOO_LONG: return g_strerror (ENAMETOOLONG);
    default: return error->message;
    }
}

HbPost *
hb_draft_load (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) base_dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  name = g_file_get_basename (file);
  if (!hb_file_check_regular (file, MAX_DRAFT_SIZE, cancellable, error))
    return NULL;
  if ((bytes = g_file_load_bytes (file, cancellable, NULL, &local)) == NULL)
    {
      g_set_error (error, local->domain, local->code, _("Could not open “%s”: %s"),
                   name, io_reason (local));
      return NULL;
    }
  base_dir = g_file_get_parent (file);
  return load_bytes (bytes, base_dir, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HbPost *post;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((post = hb_draft_load (task_data, cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, post, g_object_unref);
}

/**
 * hb_draft_load_async:
 * @file: the draft
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Loads @file as hb_draft_load() does, in a worker thread.
 */
void
hb_draft_load_async (GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_draft_load_async);
  g_task_set_name (task, "hb_draft_load_async");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * hb_draft_load_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the post, or %NULL with the error
 *   hb_draft_load() gives (%G_IO_ERROR_CANCELLED when cancelled)
 */
HbPost *
hb_draft_load_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_draft_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The items are in the same order: the copy was read from @from's draft. */
static void
copy_measurements (GListStore *from,
                   GListStore *to)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (from)),
                 g_list_model_get_n_items (G_LIST_MODEL (to)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HbMediaItem) a = g_list_model_get_item (G_LIST_MODEL (from), i);
      g_autoptr(HbMediaItem) b = g_list_model_get_item (G_LIST_MODEL (to), i);
      HbMediaMeasurements m;

      if (hb_media_item_get_loaded (a))
        {
          hb_media_item_get_measurements (a, &m);
          hb_media_item_set_measurements (b, &m);
        }
      hb_media_item_set_error (b, hb_media_item_get_error (a));
    }
}

/**
 * hb_draft_copy:
 * @error: return location for a #GError
 *
 * A copy of @post through the draft format, for a worker to read while
 * the officer keeps editing @post.  The media items' measurements and
 * errors, which a draft does not hold, are copied too: the copy's lint
 * (the bundle's sign-off sheet, its export gate) sees the media findings
 * the window shows.
 *
 * Returns: (transfer full): the copy, or %NULL with @error when @post
 *   breaks the limits of a draft
 */
HbPost *
hb_draft_copy (HbPost  *post,
               GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  HbPost *copy;

  g_return_val_if_fail (HB_IS_POST (post), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = hb_draft_to_bytes (post, NULL);
  copy = hb_draft_load_bytes (bytes, NULL, error);
  if (copy != NULL)
    copy_measurements (hb_post_get_media (post), hb_post_get_media (copy));
  return copy;
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static gboolean
save_failed (GError     **error,
             int          saved_errno,
             const char  *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          errno = n == 0 ? ENOSPC : errno;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/**
 * hb_draft_is_temp_name:
 * @base: (nullable): a draft's file name, or %NULL for any draft
 *
 * Whether @name is the name of a temporary file that saving @base (or any
 * draft) writes beside it.
 */
gboolean
hb_draft_is_temp_name (const char *name,
                       const char *base)
{
  return hb_file_is_temp_name (name, base);
}

/**
 * hb_draft_remove_stale_temps:
 * @base: (nullable): only the temporary files of this draft's saves
 *
 * Removes from @dir what saves killed mid-write left behind (see
 * HB_DRAFT_TEMP_STALE_S); a fresh one may be another Hebahan's save in
 * progress and is kept.
 */
void
hb_draft_remove_stale_temps (const char *dir,
                             const char *base)
{
  hb_file_remove_stale_temps (dir, base);
}

/* Into a hidden temporary file beside @path (the name hb-autosave
 * recognises as a leftover), synced, then renamed over @path.  Any failure
 * removes the temporary file: nothing partial is ever left, and @path is
 * either the old draft or the new one, even if the process is killed. */
static gboolean
save_local (const char  *path,
            const char  *data,
            gsize        len,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s" HB_DRAFT_TEMP_INFIX "XXXXXX", dir, base);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  int saved_errno;

  if (fd < 0)
    return save_failed (error, errno, path);
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      return save_failed (error, saved_errno, path);
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return save_failed (error, saved_errno, path);
    }
  /* A save killed before its rename left its temporary file here. */
  hb_draft_remove_stale_temps (dir, base);
  return TRUE;
}

/* Writes @bytes to @file atomically, so a failure (disk full, folder
 * read-only) or a kill leaves the previous draft as it was.  (GIO's
 * g_file_replace_contents() does not: on a full disk it renames the
 * partly written file over the draft.)  Files without a local path go
 * through GIO.  The error keeps GIO's domain and code and names the file. */
gboolean
hb_draft_save_bytes (GBytes        *bytes,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if ((path = g_file_get_path (file)) != NULL)
    return save_local (path, data ? data : "", len, error);
  if (g_file_replace_contents (file, data ? data : "", len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                               NULL, cancellable, &local))
    return TRUE;
  name = g_file_get_basename (file);
  g_set_error (error, local->domain, local->code, _("Could not save “%s”: %s"),
               name, io_reason (local));
  return FALSE;
}

gboolean
hb_draft_save (HbPost        *post,
               GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) base_dir = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HB_IS_POST (post), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  base_dir = g_file_get_parent (file);
  bytes = hb_draft_to_bytes (post, base_dir);
  return hb_draft_save_bytes (bytes, file, cancellable, error);
}

typedef struct
{
  GBytes *bytes;
  GFile  *file;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_bytes_unref (job->bytes);
  g_object_unref (job->file);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (hb_draft_save_bytes (job->bytes, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * hb_draft_save_async:
 * @post: the post to save
 * @file: where
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Saves @post as hb_draft_save() does, in a worker thread.  The post is
 * written out here, on the calling thread: edits made afterwards are not
 * in the file, and the worker never reads @post.
 */
void
hb_draft_save_async (HbPost              *post,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) base_dir = NULL;
  SaveJob *job;

  g_return_if_fail (HB_IS_POST (post));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  base_dir = g_file_get_parent (file);
  job = g_new0 (SaveJob, 1);
  job->bytes = hb_draft_to_bytes (post, base_dir);
  job->file = g_object_ref (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_draft_save_async);
  g_task_set_name (task, "hb_draft_save_async");
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * hb_draft_save_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the draft was written; otherwise the error
 *   hb_draft_save() gives (%G_IO_ERROR_CANCELLED when cancelled), and the
 *   file is as it was
 */
gboolean
hb_draft_save_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_draft_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
