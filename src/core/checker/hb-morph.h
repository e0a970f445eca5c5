/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-morph.h — word forms generated from curated roots.
 *
 * The linter never stems a token.  Instead every root in the policy pack is
 * expanded once, at load time, into the affixed and reduplicated forms that
 * really occur, so "dihina" matches the root "hina" while "menangis" can
 * never match "menang" (the classic over-stemming failure).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HB_MORPH_NONE,
  HB_MORPH_MALAY,
  HB_MORPH_ENGLISH,
} HbMorph;

typedef void (*HbFormFunc) (const char *form,
                            gpointer    user_data);

gboolean   hb_morph_from_string  (const char *name,
                                  HbMorph    *morph);
void       hb_morph_foreach_form (HbMorph     morph,
                                  const char *root,
                                  HbFormFunc  func,
                                  gpointer    user_data);
GPtrArray *hb_morph_forms        (HbMorph     morph,
                                  const char *root);
gsize      hb_morph_strip_clitic (const char *word,
                                  gsize       len);

G_END_DECLS
