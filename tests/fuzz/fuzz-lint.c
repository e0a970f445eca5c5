/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-lint.c — libFuzzer target: hb_lint() on any bytes, with the
 * built-in policy pack.
 *
 * Invalid UTF-8 must be refused with an error; for valid text every
 * finding must lie inside the text and quote exactly the code points it
 * points at, since the window underlines that span and the CLI prints it.
 */
#include <string.h>

#include "hb-fuzz.h"
#include "hb-linter.h"

static HbPolicy *policy;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hb_fuzz_init ();
  policy = hb_policy_new_builtin ();
  return 0;
}

static void
check_finding (const HbFinding *f,
               const char      *text,
               glong            n_chars)
{
  const char *start, *end;

  g_assert_cmpuint (f->start, <, f->end);
  g_assert_cmpint (f->end, <=, n_chars);
  start = g_utf8_offset_to_pointer (text, f->start);
  end = g_utf8_offset_to_pointer (start, f->end - f->start);
  g_assert_nonnull (f->text);
  g_assert_cmpmem (f->text, strlen (f->text), start, end - start);
  g_assert_nonnull (hb_finding_get_message (f, HB_LANG_MS));
  g_assert_nonnull (hb_finding_get_message (f, HB_LANG_EN));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  /* With the length given, an embedded NUL is text like any other. */
  findings = hb_lint (policy, (const char *) data, size, &error);
  if (findings == NULL)
    {
      g_assert_nonnull (error);
      g_assert_false (g_utf8_validate_len ((const char *) data, size, NULL));
      return 0;
    }
  g_assert_no_error (error);
  if (memchr (data, '\0', size) != NULL)
    return 0;
  for (guint i = 0; i < findings->len; i++)
    check_finding (findings->pdata[i], text, g_utf8_strlen (text, -1));
  return 0;
}
