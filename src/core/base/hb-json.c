/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-json.c — loading exactly one JSON document, of UTF-8 text (see
 * hb-json.h).
 *
 * A light scan finds where the first value ends, the way json-glib's
 * scanner reads it (strings with escapes, nested objects and arrays,
 * white space and C comments between tokens).  It only has to be right
 * for text json-glib would accept: anything it cannot follow is left to
 * json-glib, which reports the error.
 */
#include "config.h"

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

/* ------------------------------------------------------------------ */
/* Limits, checked before json-glib parses                             */

/* json-glib 1.6 parses recursively: 80,000 nested arrays (200 KB)
 * overflow the stack of whoever opens them.  So the text is scanned
 * first, the way json-glib's scanner reads it (double-quoted strings
 * with escapes, single-quoted ones without, C comments), and refused when
 * it nests too deeply, holds a NUL (json-glib would cut the string
 * short there), or names one key twice in an object (json-glib silently
 * keeps the last, so the first block would be ignored without a word).
 * The scan keeps one small frame per level, so it costs no stack. */

typedef struct
{
  gboolean    object;
  gboolean    want_key;
  guint       index;
  char       *key;     /* the member being read, for the path */
  GHashTable *keys;    /* member names seen so far, made when needed */
} Level;

typedef struct
{
  const char *s;
  gsize       len;
  guint       depth;
  Level       levels[HB_JSON_MAX_DEPTH + 1];
} Scan;

static void
level_reset (Level *l,
             gboolean object)
{
  l->object = object;
  l->want_key = object;
  l->index = 0;
  g_clear_pointer (&l->key, g_free);
  if (l->keys)
    g_hash_table_remove_all (l->keys);
}

/* "$.rules[3].terms" for the object or array being read at @depth.  Keys
 * are any bytes until json-glib checks them, and the path goes into a
 * message a person reads, so it is made UTF-8. */
static char *
scan_path (Scan  *sc,
           guint  depth)
{
  g_autoptr(GString) path = g_string_new ("$");

  for (guint d = 1; d < depth; d++)
    {
      const Level *l = &sc->levels[d];

      if (l->object)
        g_string_append_printf (path, ".%s", l->key ? l->key : "");
      else
        g_string_append_printf (path, "[%u]", l->index);
    }
  return g_utf8_make_valid (path->str, path->len);
}

/* The UTF-8 of one \uXXXX escape (and its low surrogate) at @p; @p is
 * moved past what was read.  A malformed escape is kept as it is:
 * json-glib refuses it later. */
static void
decode_unicode (GString     *out,
                const char **p,
                const char  *end)
{
  gunichar c = 0;

  if (end - *p < 5 || !g_ascii_isxdigit ((*p)[1]) || !g_ascii_isxdigit ((*p)[2]) ||
      !g_ascii_isxdigit ((*p)[3]) || !g_ascii_isxdigit ((*p)[4]))
    {
      g_string_append_c (out, **p);
      (*p)++;
      return;
    }
  for (int i = 1; i <= 4; i++)
    c = c * 16 + g_ascii_xdigit_value ((*p)[i]);
  *p += 5;
  if (c >= 0xD800 && c < 0xDC00 && end - *p >= 6 && (*p)[0] == '\\' && (*p)[1] == 'u')
    {
      const char *q = *p + 1;
      gunichar lc = 0;

      for (int i = 1; i <= 4 && g_ascii_isxdigit (q[i]); i++)
        lc = lc * 16 + g_ascii_xdigit_value (q[i]);
      if (lc >= 0xDC00 && lc < 0xE000)
        c = 0x10000 + ((c - 0xD800) << 10) + (lc - 0xDC00), *p += 6;
    }
  g_string_append_unichar (out, c);
}

/* A member name as json-glib will store it (escapes read), so that "a"
 * and "\u0061" are one key. */
static char *
decode_key (const char *s,
            gsize       len,
            gboolean    escapes)
{
  GString *out = g_string_sized_new (len);
  const char *p = s, *end = s + len;

  while (p < end)
    {
      if (!escapes || *p != '\\' || p + 1 >= end)
        g_string_append_c (out, *p++);
      else if (p[1] == 'u')
        {
          p++;
          decode_unicode (out, &p, end);
        }
      else
        {
          const char *from = "bfnrt", *to = "\b\f\n\r\t";
          const char *at = strchr (from, p[1]);

          g_string_append_c (out, at && p[1] ? to[at - from] : p[1]);
          p += 2;
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
four_hex_digits (Scan  *sc,
                 gsize  i)
{
  for (gsize k = i; k < i + 4; k++)
    if (k >= sc->len || !g_ascii_isxdigit (sc->s[k]))
      return FALSE;
  return TRUE;
}

static guint
escape_value (Scan  *sc,
              gsize  i)
{
  guint c = 0;

  for (gsize k = i + 2; k < i + 6; k++)
    c = c * 16 + g_ascii_xdigit_value (sc->s[k]);
  return c;
}

/* FALSE when the \u escape at @i opens a surrogate pair and the next
 * escape, another \u, does not close it. */
static gboolean
pair_completed (Scan  *sc,
                gsize  i)
{
  guint c = escape_value (sc, i), low;

  if (c < 0xD800 || c >= 0xDC00 || i + 7 >= sc->len || sc->s[i + 6] != '\\' || sc->s[i + 7] != 'u')
    return TRUE;
  if (!four_hex_digits (sc, i + 8))
    return TRUE;  /* refused as the next escape is read */
  low = escape_value (sc, i + 6);
  return low >= 0xDC00 && low < 0xE000;
}

/* Past the string opening at @i (double-quoted: escapes; single-quoted,
 * as json-glib also reads them: none).  FALSE when it holds \u0000. */
static gboolean
scan_string (Scan   *sc,
             gsize  *i,
             GError **error)
{
  char quote = sc->s[*i];
  gsize at = *i;

  for ((*i)++; *i < sc->len && sc->s[*i] != quote; (*i)++)
    {
      if (quote != '"' || sc->s[*i] != '\\')
        continue;
      if (*i + 5 < sc->len && memcmp (sc->s + *i + 1, "u0000", 5) == 0)
        {
          g_set_error (error, HB_ERROR, HB_ERROR_INVALID_JSON,
                       _("A string holds a NUL character (\\u0000), at byte %lu"), (gulong) at);
          return FALSE;
        }
      /* json-glib 1.6 refuses these too, but leaks its buffer doing so. */
      if (*i + 1 < sc->len && sc->s[*i + 1] == 'u' && !four_hex_digits (sc, *i + 2))
        {
          g_set_error (error, HB_ERROR, HB_ERROR_INVALID_JSON,
                       _("A string holds a \\u escape without four hexadecimal digits, at byte %lu"),
                       (gulong) *i);
          return FALSE;
        }
      if (*i + 1 < sc->len && sc->s[*i + 1] == 'u' && !pair_completed (sc, *i))
        {
          g_set_error (error, HB_ERROR, HB_ERROR_INVALID_JSON,
                       _("A string holds half of a \\u surrogate pair followed by another \\u escape, at byte %lu"),
                       (gulong) *i);
          return FALSE;
        }
      (*i)++;
    }
  if (*i < sc->len)
    (*i)++;
  return TRUE;
}

static gboolean
scan_key (Scan        *sc,
          gsize        start,
          gsize        end,
          GError     **error)
{
  Level *l = &sc->levels[sc->depth];
  gsize inner = end > start + 1 ? end - start - 2 : 0;
  char *key = decode_key (sc->s + start + 1, inner, sc->s[start] == '"');

  if (l->keys == NULL)
    l->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_free (l->key);
  l->key = key;
  l->want_key = FALSE;
  if (!g_hash_table_add (l->keys, g_strdup (key)))
    {
      g_autofree char *path = scan_path (sc, sc->depth);
      g_autofree char *shown = g_utf8_make_valid (key, -1);

      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_JSON,
                   _("%s: the member “%s” appears twice in one object (the second would silently replace the first)"),
                   path, shown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
scan_open (Scan     *sc,
           gsize     i,
           GError  **error)
{
  if (sc->depth >= HB_JSON_MAX_DEPTH)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_LIMIT,
                   _("The JSON nests more than %d levels deep (at byte %lu)"), HB_JSON_MAX_DEPTH, (gulong) i);
      return FALSE;
    }
  sc->depth++;
  level_reset (&sc->levels[sc->depth], sc->s[i] == '{');
  return TRUE;
}

/* One pass over the text; json-glib reports whatever else is wrong. */
static gboolean
scan_limits (Scan    *sc,
             GError **error)
{
  gsize i = 0;

  while (i < sc->len)
    {
      char c = sc->s[i];
      Level *top = &sc->levels[sc->depth];

      if (c == '"' || c == '\'')
        {
          gsize start = i;

          if (!scan_string (sc, &i, error) ||
              (sc->depth > 0 && top->object && top->want_key && !scan_key (sc, start, i, error)))
            return FALSE;
          continue;
        }
      if (c == '/' && i + 1 < sc->len && sc->s[i + 1] == '*')
        {
          const char *close = g_strstr_len (sc->s + i + 2, sc->len - i - 2, "*/");

          i = close ? (gsize) (close - sc->s) + 2 : sc->len;
          continue;
        }
      if ((c == '{' || c == '[') && !scan_open (sc, i, error))
        return FALSE;
      if ((c == '}' || c == ']') && sc->depth > 0)
        sc->depth--;
      if (c == ',' && sc->depth > 0)
        top->object ? (void) (top->want_key = TRUE) : (void) top->index++;
      i++;
    }
  return TRUE;
}

static gboolean
check_limits (const char  *data,
              gsize        len,
              GError     **error)
{
  Scan sc = { data, len, 0, };
  gboolean ok;

  if (len > HB_JSON_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size_full (HB_JSON_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, HB_ERROR, HB_ERROR_LIMIT, _("The JSON is larger than %s, the most Hebahan reads"), limit);
      return FALSE;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_JSON, _("The JSON holds a NUL byte, at byte %lu"),
                   (gulong) ((const char *) memchr (data, '\0', len) - data));
      return FALSE;
    }
  ok = scan_limits (&sc, error);
  for (guint d = 0; d <= HB_JSON_MAX_DEPTH; d++)
    {
      g_free (sc.levels[d].key);
      g_clear_pointer (&sc.levels[d].keys, g_hash_table_unref);
    }
  return ok;
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
  if (!check_limits (data, len, error))
    return FALSE;
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
