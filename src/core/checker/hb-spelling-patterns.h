/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-spelling-patterns.h — non-standard Malay that a word list cannot list:
 * forms built by a rule, found by their shape (Pedoman Umum Ejaan Bahasa
 * Melayu, Dewan Bahasa dan Pustaka). */
#pragma once

#include "hb-patterns.h"

G_BEGIN_DECLS

typedef enum
{
  HB_SHAPE_REPEATED_WORD,   /* "kerja kerja": a reduplication without its hyphen */
  HB_SHAPE_PASSIVE_APART,   /* "di laksanakan": di- apart from its verb */
  HB_SHAPE_GLUED_DI,        /* "DiMerlimau": the preposition typed onto a name */
  HB_SHAPE_AN_NYA,          /* "kebiasaanya": -an + -nya with one n */
  HB_N_SHAPES,
} HbSpellingShape;

void hb_find_spelling_shapes (const HbText *text,
                              GArray       *spans[HB_N_SHAPES]);

G_END_DECLS
