/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-strmap.c — open-addressing hash map from byte strings to guint32.
 *
 * GHashTable needs NUL-terminated keys, which would force a copy per token;
 * this map hashes (pointer, length) directly.  Keys live in one string chunk
 * so that a policy with a few hundred thousand generated forms stays compact.
 */
#include "config.h"

#include "hb-strmap.h"

#include <string.h>

typedef struct
{
  const char *key;
  guint32     len;
  guint32     hash;
  guint32     value;
} Slot;

struct _HbStrMap
{
  Slot         *slots;
  guint         mask;
  guint         n_items;
  GStringChunk *keys;
};

static inline guint32
hash_bytes (const char *key,
            gsize       len)
{
  /* FNV-1a: short keys, cheap and good enough with a power-of-two table. */
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) key[i];
      h *= 16777619u;
    }
  return h ? h : 1;
}

HbStrMap *
hb_strmap_new (void)
{
  HbStrMap *map = g_new0 (HbStrMap, 1);

  map->mask = 255;
  map->slots = g_new0 (Slot, map->mask + 1);
  map->keys = g_string_chunk_new (4096);
  return map;
}

void
hb_strmap_free (HbStrMap *map)
{
  if (map == NULL)
    return;
  g_free (map->slots);
  g_string_chunk_free (map->keys);
  g_free (map);
}

static Slot *
find_slot (Slot       *slots,
           guint       mask,
           const char *key,
           gsize       len,
           guint32     hash)
{
  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      Slot *slot = &slots[i];

      if (slot->hash == 0)
        return slot;
      if (slot->hash == hash && slot->len == len && memcmp (slot->key, key, len) == 0)
        return slot;
    }
}

static void
grow (HbStrMap *map)
{
  guint new_mask = map->mask * 2 + 1;
  Slot *slots = g_new0 (Slot, new_mask + 1);

  for (guint i = 0; i <= map->mask; i++)
    {
      Slot *old = &map->slots[i];

      if (old->hash != 0)
        *find_slot (slots, new_mask, old->key, old->len, old->hash) = *old;
    }
  g_free (map->slots);
  map->slots = slots;
  map->mask = new_mask;
}

guint32
hb_strmap_lookup (const HbStrMap *map,
                  const char     *key,
                  gsize           len)
{
  Slot *slot = find_slot (map->slots, map->mask, key, len, hash_bytes (key, len));

  return slot->hash != 0 ? slot->value : HB_STRMAP_NONE;
}

guint32
hb_strmap_insert (HbStrMap   *map,
                  const char *key,
                  gsize       len,
                  guint32     value)
{
  guint32 hash = hash_bytes (key, len);
  Slot *slot = find_slot (map->slots, map->mask, key, len, hash);

  if (slot->hash != 0)
    return slot->value;

  slot->key = g_string_chunk_insert_len (map->keys, key, len);
  slot->len = len;
  slot->hash = hash;
  slot->value = value;
  map->n_items++;

  /* Keep the load under one half so probes stay short. */
  if (map->n_items * 2 > map->mask)
    grow (map);
  return value;
}

guint
hb_strmap_size (const HbStrMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->n_items;
}
