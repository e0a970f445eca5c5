/* test-examples.c — every rule of the built-in pack against its own
 * examples: each bad sentence fires the rule, each good one fires neither
 * the rule nor any other warning. */
#include "hb-linter.h"

static HbPolicy *policy;

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
      g_autoptr(GPtrArray) findings = hb_lint (policy, *ex, -1, NULL);
      gboolean fired = FALSE;

      for (guint i = 0; i < findings->len; i++)
        fired = fired || g_strcmp0 (hb_finding_get_rule_id (findings->pdata[i]), id) == 0;
      if (!fired)
        g_error ("%s: bad example not caught: “%s”", id, *ex);
    }
  for (const char * const *ex = hb_rule_get_examples (rule, FALSE); ex && *ex; ex++)
    {
      g_autoptr(GPtrArray) findings = hb_lint (policy, *ex, -1, NULL);

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
      const char *id = hb_rule_get_id (hb_policy_get_rule (policy, r));
      g_autofree char *path = g_strdup_printf ("/examples/%s", id);

      g_test_add_data_func_full (path, g_strdup (id), check_rule, g_free);
    }
  ret = g_test_run ();
  g_object_unref (policy);
  return ret;
}
