/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-fuzz.c — set-up shared by the libFuzzer targets.
 *
 * Bad input must give an error, never a critical: a failed
 * g_return_if_fail() or a g_warning() on fuzzed input is a bug in the
 * core, so both abort and libFuzzer keeps the input that caused them.
 */
#include "hb-fuzz.h"

#include <locale.h>
#include <stdlib.h>

/* abort() rather than GLib's own fatal path, which raises SIGTRAP: that
 * signal libFuzzer does not catch, so it would neither report the input
 * nor keep it. */
static GLogWriterOutput
abort_on_warning (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  g_log_writer_default (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

void
hb_fuzz_init (void)
{
  /* Plain malloc for every allocation, so AddressSanitizer sees each one. */
  g_setenv ("G_SLICE", "always-malloc", FALSE);
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
}
