/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-policy.c — libFuzzer target: loading a policy pack from any bytes
 * (a pack in the user's config folder, or one fetched from the council's
 * server, is outside input), then linting with it.
 *
 * A pack either loads whole or is refused with a reason; one that loads
 * must lint its own examples and a sample post without trouble, which
 * exercises the matcher compiled from the fuzzed lexicons.
 */
#include "hb-fuzz.h"
#include "hb-linter.h"

static const char sample[] =
  "MAKLUMAN: Program Gotong-Royong di Dewan Orang Ramai, Sabtu 12 Disember 2026, "
  "8.00 pagi. Hubungi 012-345 6789 atau e-mel ali@gmail.com. Dengar khabar YB hadir!!! "
  "#MPKK @mpkk.rasmi https://www.mpkk.gov.my";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hb_fuzz_init ();
  return 0;
}

static void
lint_text (HbPolicy   *policy,
           const char *text)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  findings = hb_lint (policy, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);
}

static void
check_policy (HbPolicy *policy)
{
  g_assert_nonnull (hb_policy_get_id (policy));
  g_assert_nonnull (hb_policy_get_sha256 (policy));
  for (guint i = 0; i < hb_policy_get_n_rules (policy); i++)
    {
      const HbRule *rule = hb_policy_get_rule (policy, i);

      for (guint bad = 0; bad < 2; bad++)
        {
          const char * const *examples = hb_rule_get_examples (rule, bad);

          for (guint k = 0; examples && examples[k]; k++)
            lint_text (policy, examples[k]);
        }
    }
  lint_text (policy, sample);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(HbPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = hb_policy_new_from_bytes (bytes, &error);
  if (policy == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  check_policy (policy);
  return 0;
}
