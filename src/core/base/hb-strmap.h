/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-strmap.h — a compact string → integer map for the linter's hot path.
 *
 * Lookups take a (pointer, length) pair so that tokens can be looked up
 * straight out of the normalised buffer without copying or allocating.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HbStrMap HbStrMap;

#define HB_STRMAP_NONE G_MAXUINT32

HbStrMap *hb_strmap_new     (void);
void      hb_strmap_free    (HbStrMap   *map);
guint32   hb_strmap_lookup  (const HbStrMap *map,
                             const char *key,
                             gsize       len);
/* Returns the existing value if @key is present, otherwise stores @value. */
guint32   hb_strmap_insert  (HbStrMap   *map,
                             const char *key,
                             gsize       len,
                             guint32     value);
guint     hb_strmap_size    (const HbStrMap *map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbStrMap, hb_strmap_free)

G_END_DECLS
