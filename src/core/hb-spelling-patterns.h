/* hb-spelling-patterns.h — non-standard Malay that a word list cannot list:
 * forms built by a rule, found by their shape (Pedoman Umum Ejaan Bahasa
 * Melayu, Dewan Bahasa dan Pustaka). */
#pragma once

#include "hb-patterns.h"

G_BEGIN_DECLS

void hb_find_repeated_word   (const HbText *text,
                              GArray       *spans);
void hb_find_passive_apart   (const HbText *text,
                              GArray       *spans);
void hb_find_glued_di        (const HbText *text,
                              GArray       *spans);
void hb_find_an_nya          (const HbText *text,
                              GArray       *spans);

G_END_DECLS
