/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-examples.c — every rule of the built-in pack against its own
 * examples: each bad sentence fires the rule, each good one fires neither
 * the rule nor any other warning.  Post rules that read the caption's
 * words (links, weekdays) are tried as the body of a post. */
#include "hb-linter.h"
#include "hb-post-lint.h"

static HbPolicy *policy;

/* The example as the body of a reply (a post type no field rule asks
 * more of), linted whole; HbFinding, like hb_lint() returns. */
static GPtrArray *
lint_example (const HbRule *rule,
              const char   *example)
{
  g_autoptr(HbPost) post = NULL;
  g_autoptr(GPtrArray) post_findings = NULL;
  GPtrArray *findings;

  if (hb_rule_get_post_check (rule) == NULL)
    return hb_lint (policy, example, -1, NULL);
  post = hb_post_new ();
  hb_post_set_post_type (post, HB_POST_REPLY);
  hb_post_set_field (post, HB_FIELD_BODY, example);
  post_findings = hb_post_lint (policy, post, NULL);
  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_finding_free);
  for (guint i = 0; i < post_findings->len; i++)
    {
      HbPostFinding *pf = post_findings->pdata[i];

      g_ptr_array_add (findings, hb_finding_copy (pf->finding));
    }
  return findings;
}

static void
check_rule (gconstpointer data)
{
  const char *id = data;
  const HbRule *rule = NULL;

  for (guint r = 0; r < hb_policy_get_n_rules (policy); r++)
    if (g_strcmp0 (hb_rule_get_id (hb_policy_get_rule (policy, r)), id) == 0)
      rule = hb_policy_get_rule (policy, r);
  g_assert_nonnull (rule);

  for (const char * const *ex = hb_rule_get_examples (rule, TRUE); ex && *ex; ex++)
    {
      g_autoptr(GPtrArray) findings = lint_example (rule, *ex);
      gboolean fired = FALSE;

      for (guint i = 0; i < findings->len; i++)
        fired = fired || g_strcmp0 (hb_finding_get_rule_id (findings->pdata[i]), id) == 0;
      if (!fired)
        g_error ("%s: bad example not caught: “%s”", id, *ex);
    }
  for (const char * const *ex = hb_rule_get_examples (rule, FALSE); ex && *ex; ex++)
    {
      g_autoptr(GPtrArray) findings = lint_example (rule, *ex);

      for (guint i = 0; i < findings->len; i++)
        {
          const HbFinding *f = findings->pdata[i];

          if (g_strcmp0 (hb_finding_get_rule_id (f), id) == 0 ||
              hb_finding_get_severity (f) >= HB_SEVERITY_WARNING)
            g_error ("%s: good example “%s” raised %s on “%s”", id, *ex, hb_finding_get_rule_id (f), f->text);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  policy = hb_policy_new_builtin ();
  for (guint r = 0; r < hb_policy_get_n_rules (policy); r++)
    {
      const HbRule *rule = hb_policy_get_rule (policy, r);
      const char *id = hb_rule_get_id (rule);
      g_autofree char *path = g_strdup_printf ("/examples/%s", id);

      /* Post rules on fields, media or the link checker have no sentence. */
      if (hb_rule_get_examples (rule, TRUE) == NULL)
        continue;
      g_test_add_data_func_full (path, g_strdup (id), check_rule, g_free);
    }
  ret = g_test_run ();
  g_object_unref (policy);
  return ret;
}
