/* hb-fuzz.c — set-up shared by the libFuzzer targets.
 *
 * Bad input must give an error, never a critical: a failed
 * g_return_if_fail() or a g_warning() on fuzzed input is a bug in the
 * core, so both abort and libFuzzer keeps the input that caused them.
 */
#include "hb-fuzz.h"

#include <locale.h>

void
hb_fuzz_init (void)
{
  /* Plain malloc for every allocation, so AddressSanitizer sees each one. */
  g_setenv ("G_SLICE", "always-malloc", FALSE);
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
