/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-json-reader.c — a cursor on a parsed JSON document that knows its
 * path (see hb-json-reader.h).
 *
 * The path is built only for a problem: a valid pack of thousands of terms
 * is walked without formatting a single one.
 */
#include "config.h"

#include "hb-json-reader.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

/* The reader on the whole document, "$". */
void
hb_json_reader_init (HbJsonReader *self,
                     JsonNode     *root,
                     GPtrArray    *problems)
{
  g_return_if_fail (self != NULL);

  *self = (HbJsonReader) { NULL, NULL, 0, root, problems };
}

/* @child reads member @name of @self; it is absent when @self is not an
 * object or has no such member.  @name must outlive @child. */
void
hb_json_reader_member (const HbJsonReader *self,
                       const char         *name,
                       HbJsonReader       *child)
{
  JsonNode *node = NULL;

  g_return_if_fail (self != NULL && name != NULL && child != NULL);

  if (self->node && JSON_NODE_HOLDS_OBJECT (self->node))
    node = json_object_get_member (json_node_get_object (self->node), name);
  *child = (HbJsonReader) { self, name, 0, node, self->problems };
}

/* @child reads element @index of @self; absent unless @self is an array
 * that long. */
void
hb_json_reader_element (const HbJsonReader *self,
                        guint               index,
                        HbJsonReader       *child)
{
  JsonNode *node = NULL;

  g_return_if_fail (self != NULL && child != NULL);

  if (self->node && JSON_NODE_HOLDS_ARRAY (self->node) &&
      index < json_array_get_length (json_node_get_array (self->node)))
    node = json_array_get_element (json_node_get_array (self->node), index);
  *child = (HbJsonReader) { self, NULL, index, node, self->problems };
}

gboolean
hb_json_reader_is_present (const HbJsonReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->node != NULL;
}

gboolean
hb_json_reader_has_member (const HbJsonReader *self,
                           const char         *name)
{
  g_return_val_if_fail (self != NULL && name != NULL, FALSE);
  return self->node && JSON_NODE_HOLDS_OBJECT (self->node) &&
         json_object_has_member (json_node_get_object (self->node), name);
}

JsonNode *
hb_json_reader_get_node (const HbJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->node;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The value when it is a string, else NULL; never a problem. */
const char *
hb_json_reader_peek_string (const HbJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return holds_type (self->node, G_TYPE_STRING) ? json_node_get_string (self->node) : NULL;
}

/* How many elements an array has, or members an object; 0 for anything
 * else, absent included. */
guint
hb_json_reader_get_size (const HbJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->node && JSON_NODE_HOLDS_ARRAY (self->node))
    return json_array_get_length (json_node_get_array (self->node));
  if (self->node && JSON_NODE_HOLDS_OBJECT (self->node))
    return json_object_get_size (json_node_get_object (self->node));
  return 0;
}

/* A member name as it reads in a path: bare when it is a word ("rules",
 * "non-standard"), else quoted as JSON quotes it (["a b"]). */
static void
append_member (GString    *path,
               const char *name)
{
  gboolean bare = name[0] != '\0';

  for (const char *p = name; *p && bare; p++)
    bare = g_ascii_isalnum (*p) || *p == '_' || *p == '-';
  if (bare)
    {
      g_string_append_printf (path, ".%s", name);
      return;
    }
  g_string_append (path, "[\"");
  for (const char *p = name; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (path, '\\');
      g_string_append_c (path, *p);
    }
  g_string_append (path, "\"]");
}

static void
append_path (GString            *path,
             const HbJsonReader *self)
{
  if (self->parent == NULL)
    {
      g_string_append_c (path, '$');
      return;
    }
  append_path (path, self->parent);
  if (self->member)
    append_member (path, self->member);
  else
    g_string_append_printf (path, "[%u]", self->index);
}

/* "$", "$.rules[3].topic", "$.lexicons[\"a b\"]". */
char *
hb_json_reader_dup_path (const HbJsonReader *self)
{
  GString *path = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  append_path (path, self);
  return g_string_free (path, FALSE);
}

/* Adds "PATH: message" to the walk's problems (if it keeps them). */
void
hb_json_reader_problem (const HbJsonReader *self,
                        const char         *format,
                        ...)
{
  va_list args;
  g_autofree char *msg = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (self != NULL && format != NULL);

  if (self->problems == NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  path = hb_json_reader_dup_path (self);
  g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", path, msg));
}

/* The object @self reads; NULL with a problem when it is absent or not one. */
JsonObject *
hb_json_reader_expect_object (const HbJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->node == NULL || !JSON_NODE_HOLDS_OBJECT (self->node))
    {
      hb_json_reader_problem (self, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (self->node);
}

/* The array @self reads; NULL with a problem when it is absent or not one. */
JsonArray *
hb_json_reader_expect_array (const HbJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->node == NULL || !JSON_NODE_HOLDS_ARRAY (self->node))
    {
      hb_json_reader_problem (self, _("must be an array"));
      return NULL;
    }
  return json_node_get_array (self->node);
}

/* A problem at each member of @self whose name is not in @known: a
 * misspelt member would otherwise be ignored without a word. */
void
hb_json_reader_refuse_unknown_members (const HbJsonReader *self,
                                       const char * const *known)
{
  g_autoptr(GList) members = NULL;

  g_return_if_fail (self != NULL && known != NULL);

  if (self->node == NULL || !JSON_NODE_HOLDS_OBJECT (self->node))
    return;
  members = json_object_get_members (json_node_get_object (self->node));
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        HbJsonReader child;

        hb_json_reader_member (self, l->data, &child);
        hb_json_reader_problem (&child, _("unknown member"));
      }
}

/* Whether @self is absent for @flags: missing, or null when nullable. */
static gboolean
is_absent (const HbJsonReader *self,
           HbJsonFlags         flags)
{
  return self->node == NULL || ((flags & HB_JSON_NULLABLE) && JSON_NODE_HOLDS_NULL (self->node));
}

/* The string @self reads, or NULL; FALSE (with a problem) when it is
 * wrong for @flags. */
static gboolean
read_string (const HbJsonReader  *self,
             HbJsonFlags          flags,
             const char         **value)
{
  const char *s = hb_json_reader_peek_string (self);

  *value = NULL;
  if (s != NULL && (s[0] != '\0' || !(flags & HB_JSON_NON_EMPTY)))
    {
      *value = s;
      return TRUE;
    }
  if (is_absent (self, flags) && !(flags & HB_JSON_REQUIRED))
    return TRUE;
  hb_json_reader_problem (self, (flags & HB_JSON_NON_EMPTY) ? _("must be a non-empty string")
                                                            : _("must be a string"));
  return FALSE;
}

/* String member @name of @self, borrowed, into @value: NULL when it is
 * absent.  FALSE (with a problem) when it is required and absent, not a
 * string, or empty and HB_JSON_NON_EMPTY; @value is then NULL. */
gboolean
hb_json_reader_get_string (const HbJsonReader  *self,
                           const char          *name,
                           HbJsonFlags          flags,
                           const char         **value)
{
  HbJsonReader member;

  g_return_val_if_fail (self != NULL && name != NULL && value != NULL, FALSE);

  hb_json_reader_member (self, name, &member);
  return read_string (&member, flags, value);
}

/* A copy of string member @name of @self; NULL when it is absent (a
 * problem if required) or not a string (a problem), or empty and
 * HB_JSON_NON_EMPTY (a problem). */
char *
hb_json_reader_dup_string (const HbJsonReader *self,
                           const char         *name,
                           HbJsonFlags         flags)
{
  const char *value;

  g_return_val_if_fail (self != NULL && name != NULL, NULL);

  hb_json_reader_get_string (self, name, flags, &value);
  return g_strdup (value);
}

/* Array member @name of @self as a string vector; NULL when it is absent
 * (a problem if required) or not an array (a problem).  Elements that are
 * not strings, or empty ones with HB_JSON_NON_EMPTY, are left out, each
 * with a problem at its own path. */
char **
hb_json_reader_dup_strv (const HbJsonReader *self,
                         const char         *name,
                         HbJsonFlags         flags)
{
  g_autoptr(GStrvBuilder) b = NULL;
  HbJsonReader member;
  JsonArray *arr;

  g_return_val_if_fail (self != NULL && name != NULL, NULL);

  hb_json_reader_member (self, name, &member);
  if (is_absent (&member, flags) && !(flags & HB_JSON_REQUIRED))
    return NULL;
  if ((arr = hb_json_reader_expect_array (&member)) == NULL)
    return NULL;
  b = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      HbJsonReader el;
      const char *s;

      hb_json_reader_element (&member, i, &el);
      if (read_string (&el, flags & HB_JSON_NON_EMPTY, &s) && s != NULL)
        g_strv_builder_add (b, s);
    }
  return g_strv_builder_end (b);
}

/* Whole-number member @name of @self, from @min to @max, into @value.
 * FALSE, @value untouched, when it is absent (no problem) or anything
 * else (a problem). */
gboolean
hb_json_reader_get_int_range (const HbJsonReader *self,
                              const char         *name,
                              int                 min,
                              int                 max,
                              HbJsonFlags         flags,
                              int                *value)
{
  HbJsonReader member;
  gint64 n;

  g_return_val_if_fail (self != NULL && name != NULL && value != NULL && min <= max, FALSE);

  hb_json_reader_member (self, name, &member);
  if (is_absent (&member, flags))
    return FALSE;
  if (holds_type (member.node, G_TYPE_INT64) &&
      (n = json_node_get_int (member.node)) >= min && n <= max)
    {
      *value = (int) n;
      return TRUE;
    }
  if (flags & HB_JSON_NULLABLE)
    hb_json_reader_problem (&member, _("must be a whole number from %d to %d, or null"), min, max);
  else
    hb_json_reader_problem (&member, _("must be a whole number from %d to %d"), min, max);
  return FALSE;
}

/* Number member @name of @self (whole or not) above zero, into @value;
 * absent or null gives FALSE quietly, anything else a problem. */
gboolean
hb_json_reader_get_positive (const HbJsonReader *self,
                             const char         *name,
                             double             *value)
{
  HbJsonReader member;

  g_return_val_if_fail (self != NULL && name != NULL && value != NULL, FALSE);

  hb_json_reader_member (self, name, &member);
  if (is_absent (&member, HB_JSON_NULLABLE))
    return FALSE;
  if ((holds_type (member.node, G_TYPE_INT64) || holds_type (member.node, G_TYPE_DOUBLE)) &&
      json_node_get_double (member.node) > 0)
    {
      *value = json_node_get_double (member.node);
      return TRUE;
    }
  hb_json_reader_problem (&member, _("must be a positive number"));
  return FALSE;
}

/* Boolean member @name of @self into @value; absent gives FALSE quietly,
 * anything but true or false a problem. */
gboolean
hb_json_reader_get_bool (const HbJsonReader *self,
                         const char         *name,
                         gboolean           *value)
{
  HbJsonReader member;

  g_return_val_if_fail (self != NULL && name != NULL && value != NULL, FALSE);

  hb_json_reader_member (self, name, &member);
  if (member.node == NULL)
    return FALSE;
  if (holds_type (member.node, G_TYPE_BOOLEAN))
    {
      *value = json_node_get_boolean (member.node);
      return TRUE;
    }
  hb_json_reader_problem (&member, _("must be true or false"));
  return FALSE;
}
