/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-fuzz.h — what every libFuzzer target in this folder shares: the two
 * entry points libFuzzer calls, and the set-up that turns a GLib critical
 * or warning into a crash the fuzzer records. */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

void hb_fuzz_init           (void);

G_END_DECLS
