/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-patterns.h — personal-data detectors: MyKad numbers, Malaysian mobile
 * numbers, e-mail addresses and home addresses. */
#pragma once

#include "hb-text.h"

G_BEGIN_DECLS

typedef struct
{
  guint start, end; /* original code points, end exclusive */
} HbSpan;

gboolean hb_mykad_is_valid        (const char *digits);
gboolean hb_mobile_is_valid       (const char *digits);
void     hb_find_mykad            (const HbText *text,
                                   GArray       *spans);
void     hb_find_mobile           (const HbText *text,
                                   GArray       *spans);
void     hb_find_email            (const HbText       *text,
                                   const char * const *allow_domains,
                                   GArray             *spans);
void     hb_find_home_address     (const HbText *text,
                                   GArray       *spans);
void     hb_find_numeral_reduplication (const HbText *text,
                                        GArray       *spans);
void     hb_find_named_person     (const HbText *text,
                                   GArray       *spans);
void     hb_find_old_hyphenation  (const HbText *text,
                                   GArray       *spans);
void     hb_find_censored_word    (const HbText *text,
                                   GArray       *spans);
void     hb_find_vehicle_plate    (const HbText *text,
                                   GArray       *spans);

G_END_DECLS
