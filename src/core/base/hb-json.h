/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-json.h — loading one JSON document into a JsonParser, strictly.
 *
 * json-glib 1.6 is lenient where Hebahan cannot be:
 *  - it reads "{…} {…}" or "1 […]" as one document, keeping the last value
 *    (and leaking the others).  A file with a second document after the
 *    first is damaged; opening the second would open something other than
 *    what the file starts with.
 *  - it takes escapes JSON does not have ("\777") and lone surrogates
 *    ("\udc00"), and turns them into strings that are not UTF-8.  Such a
 *    string in a draft would reach the widgets and the linter, and be
 *    saved into a draft that no longer opens.
 * Both are refused here with a readable error.  So are, before
 * json-glib sees the text (its parser recurses, and a few hundred KB of
 * "[[[[…" overflow the stack): nesting deeper than HB_JSON_MAX_DEPTH,
 * more than HB_JSON_MAX_BYTES, a NUL in a string (json-glib cuts the
 * string short there) and a member named twice in one object (json-glib
 * keeps the last silently).  These errors are HB_ERROR_LIMIT or
 * HB_ERROR_INVALID_JSON and name the limit, the byte or the JSON path.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HB_JSON_MAX_DEPTH 64
#define HB_JSON_MAX_BYTES (16 * 1024 * 1024)

gboolean hb_json_load (JsonParser  *parser,
                       const char  *data,
                       gsize        len,
                       GError     **error);

void     hb_json_add_string_member (JsonBuilder *builder,
                                    const char  *name,
                                    const char  *value);

G_END_DECLS
