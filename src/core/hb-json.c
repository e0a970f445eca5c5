/* hb-json.c — loading exactly one JSON document, of UTF-8 text (see
 * hb-json.h).
 *
 * A light scan finds where the first value ends, the way json-glib's
 * scanner reads it (strings with escapes, nested objects and arrays,
 * white space and C comments between tokens).  It only has to be right
 * for text json-glib would accept: anything it cannot follow is left to
 * json-glib, which reports the error.
 */
#include "hb-json.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hb-error.h"

#define BOM "\xEF\xBB\xBF"

/* White space and C comments, which json-glib skips between tokens. */
static gsize
skip_blank (const char *s,
            gsize       len,
            gsize       i)
{
  while (i < len)
    {
      if (strchr (" \t\n\r", s[i]) != NULL && s[i] != '\0')
        i++;
      else if (i + 1 < len && s[i] == '/' && s[i + 1] == '*')
        {
          const char *close = g_strstr_len (s + i + 2, len - i - 2, "*/");

          i = close ? (gsize) (close - s) + 2 : len;
        }
      else
        break;
    }
  return i;
}

/* Past the closing quote of the string opening at @i, or @len. */
static gsize
string_end (const char *s,
            gsize       len,
            gsize       i)
{
  for (i++; i < len; i++)
    {
      if (s[i] == '\\')
        i++;
      else if (s[i] == '"')
        return i + 1;
    }
  return len;
}

/* Past the end of the value starting at @i; @len when it does not end. */
static gsize
value_end (const char *s,
           gsize       len,
           gsize       i)
{
  gsize depth = 0;

  if (s[i] != '{' && s[i] != '[')
    {
      if (s[i] == '"')
        return string_end (s, len, i);
      while (i < len && strchr (" \t\n\r{}[]\",:/", s[i]) == NULL)
        i++;
      return i;
    }
  while (i < len)
    {
      if (s[i] == '"')
        {
          i = string_end (s, len, i);
          continue;
        }
      if (s[i] == '{' || s[i] == '[')
        depth++;
      else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
        return i + 1;
      i++;
    }
  return len;
}

/* Where a second object or array starts after the first value, or 0. */
static gsize
second_document (const char *data,
                 gsize       len)
{
  gsize i = len >= 3 && memcmp (data, BOM, 3) == 0 ? 3 : 0;

  i = skip_blank (data, len, i);
  if (i >= len)
    return 0;
  i = skip_blank (data, len, value_end (data, len, i));
  return i < len && (data[i] == '{' || data[i] == '[') ? i : 0;
}

/* Every string and member name in @node is UTF-8. */
static gboolean
all_utf8 (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (!g_utf8_validate (name, -1, NULL) || !all_utf8 (member))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!all_utf8 (json_array_get_element (array, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_validate (json_node_get_string (node), -1, NULL);
  return TRUE;
}

/* Like json_parser_load_from_data(), but a second document after the
 * first, or a string that is not UTF-8 once its escapes are read, is an
 * error.  @data may be NULL when @len is 0 (an empty GBytes); as with
 * json-glib, blank text loads with no root. */
gboolean
hb_json_load (JsonParser  *parser,
              const char  *data,
              gsize        len,
              GError     **error)
{
  gsize second;

  if (data == NULL)
    data = "", len = 0;
  second = second_document (data, len);

  if (second > 0)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("The file holds more than one JSON document (the second starts at byte %lu)"),
                   (gulong) second);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, len, error))
    {
      /* json-glib quotes the offending bytes, which may not be UTF-8;
       * the message is shown to people and put into JSON. */
      if (error && *error && !g_utf8_validate ((*error)->message, -1, NULL))
        {
          char *valid = g_utf8_make_valid ((*error)->message, -1);

          g_free ((*error)->message);
          (*error)->message = valid;
        }
      return FALSE;
    }
  if (json_parser_get_root (parser) && !all_utf8 (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The file holds text that is not valid UTF-8 once its escapes are read"));
      return FALSE;
    }
  return TRUE;
}

/**
 * hb_json_add_string_member:
 * @value: (nullable): the string, or %NULL to write null
 *
 * Adds the member @name to the object @builder is building, with @value,
 * or null when there is none: the bundle manifest and the command line's
 * JSON keep every member, so readers need not guess what a missing one
 * means.
 */
void
hb_json_add_string_member (JsonBuilder *builder,
                           const char  *name,
                           const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
