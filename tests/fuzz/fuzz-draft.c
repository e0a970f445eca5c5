/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-draft.c — libFuzzer target: loading a `.hebahan` draft from any
 * bytes, then everything `hebahan-cli lint` and `check` do with it.
 *
 * A draft that loads must save and load again to the very same bytes
 * (what Hebahan writes it must read back, unchanged), and its whole-post
 * lint and checklist must run on whatever the fields hold.
 */
#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-fuzz.h"
#include "hb-post-lint.h"

static HbPolicy *policy;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hb_fuzz_init ();
  policy = hb_policy_new_builtin ();
  return 0;
}

/* Saved, loaded again and saved again: the same bytes both times. */
static void
check_round_trip (HbPost *post)
{
  g_autoptr(GBytes) saved = hb_draft_to_bytes (post, NULL);
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(HbPost) again = NULL;
  g_autoptr(GError) error = NULL;

  again = hb_draft_load_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  resaved = hb_draft_to_bytes (again, NULL);
  g_assert_true (g_bytes_equal (saved, resaved));
}

static void
check_lint_and_checklist (HbPost *post)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  findings = hb_post_lint (policy, post, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);
  statuses = hb_checklist_evaluate (policy, post, findings, HB_LANG_MS);
  g_assert_cmpuint (hb_checklist_n_complete (statuses), <=, hb_checklist_n_items (statuses));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(HbPost) post = NULL;
  g_autoptr(GError) error = NULL;

  post = hb_draft_load_bytes (bytes, NULL, &error);
  if (post == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  check_round_trip (post);
  check_lint_and_checklist (post);
  return 0;
}
