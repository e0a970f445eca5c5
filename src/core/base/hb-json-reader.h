/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-json-reader.h — walking a parsed JSON document (hb_json_load()) with
 * its path, for the loaders that validate what they read: the policy
 * pack, the platform profiles, drafts, the fetched pack's record and a
 * bundle's manifest.
 *
 * An HbJsonReader is a cursor on one value: the root, a member of an
 * object or an element of an array.  It lives on the stack, knows its
 * parent, and builds its JSON path ("$.rules[3].topic") only when it has
 * a problem to report.  Every problem is added to the walk's list as
 * "PATH: message", translated, and the walk goes on, so that a loader can
 * list every problem at once; with no list, problems are not recorded and
 * a wrong value reads as an absent one.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _HbJsonReader HbJsonReader;

struct _HbJsonReader
{
  /*< private >*/
  const HbJsonReader *parent;
  const char         *member;   /* the member's name, or NULL */
  guint               index;    /* the element's index, when member is NULL */
  JsonNode           *node;     /* NULL when the member or element is absent */
  GPtrArray          *problems; /* char*, or NULL */
};

typedef enum
{
  HB_JSON_OPTIONAL  = 0,
  HB_JSON_REQUIRED  = 1 << 0, /* absent is a problem */
  HB_JSON_NON_EMPTY = 1 << 1, /* "" is a problem */
  HB_JSON_NULLABLE  = 1 << 2, /* null reads as absent */
} HbJsonFlags;

void        hb_json_reader_init       (HbJsonReader       *self,
                                       JsonNode           *root,
                                       GPtrArray          *problems);
void        hb_json_reader_member     (const HbJsonReader *self,
                                       const char         *name,
                                       HbJsonReader       *child);
void        hb_json_reader_element    (const HbJsonReader *self,
                                       guint               index,
                                       HbJsonReader       *child);

gboolean    hb_json_reader_is_present (const HbJsonReader *self);
gboolean    hb_json_reader_has_member (const HbJsonReader *self,
                                       const char         *name);
JsonNode   *hb_json_reader_get_node   (const HbJsonReader *self);
const char *hb_json_reader_peek_string (const HbJsonReader *self);
guint       hb_json_reader_get_size   (const HbJsonReader *self);
char       *hb_json_reader_dup_path   (const HbJsonReader *self);

void        hb_json_reader_problem    (const HbJsonReader *self,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (2, 3);

JsonObject *hb_json_reader_expect_object (const HbJsonReader *self);
JsonArray  *hb_json_reader_expect_array  (const HbJsonReader *self);
void        hb_json_reader_refuse_unknown_members (const HbJsonReader *self,
                                                   const char * const *known);

gboolean    hb_json_reader_get_string (const HbJsonReader *self,
                                       const char         *name,
                                       HbJsonFlags         flags,
                                       const char        **value);
char       *hb_json_reader_dup_string (const HbJsonReader *self,
                                       const char         *name,
                                       HbJsonFlags         flags);
char      **hb_json_reader_dup_strv   (const HbJsonReader *self,
                                       const char         *name,
                                       HbJsonFlags         flags);
gboolean    hb_json_reader_get_int_range (const HbJsonReader *self,
                                          const char         *name,
                                          int                 min,
                                          int                 max,
                                          HbJsonFlags         flags,
                                          int                *value);
gboolean    hb_json_reader_get_positive  (const HbJsonReader *self,
                                          const char         *name,
                                          double             *value);
gboolean    hb_json_reader_get_bool   (const HbJsonReader *self,
                                       const char         *name,
                                       gboolean           *value);

G_END_DECLS
