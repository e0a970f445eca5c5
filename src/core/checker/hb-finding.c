/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-finding.c — one guideline finding (see hb-finding.h). */
#include "config.h"

#include "hb-finding.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (HbFinding, hb_finding, hb_finding_copy, hb_finding_free)

/* Takes ownership of @text. */
HbFinding *
hb_finding_new (HbPolicy     *policy,
                const HbRule *rule,
                guint         start,
                guint         end,
                char         *text,
                const char   *replacement)
{
  HbFinding *f;

  g_return_val_if_fail (HB_IS_POLICY (policy), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  f = g_new0 (HbFinding, 1);
  f->policy = g_object_ref (policy);
  f->rule = rule;
  f->start = start;
  f->end = end;
  f->text = text;
  f->replacement = g_strdup (replacement);
  return f;
}

HbFinding *
hb_finding_copy (const HbFinding *f)
{
  HbFinding *copy;

  g_return_val_if_fail (f != NULL, NULL);

  copy = hb_finding_new (f->policy, f->rule, f->start, f->end, g_strdup (f->text), f->replacement);
  copy->detail = g_strdup (f->detail);
  hb_finding_set_context (copy, f->context);
  return copy;
}

void
hb_finding_set_detail (HbFinding  *f,
                       const char *detail)
{
  g_return_if_fail (f != NULL);

  g_free (f->detail);
  f->detail = g_strdup (detail);
}

/* Names what a context rule saw besides the match: the rule's message may
 * say "{context}" ("A race named with “{context}”"), so the officer reads
 * why the words were flagged, not only which. */
void
hb_finding_set_context (HbFinding  *f,
                        const char *context)
{
  g_return_if_fail (f != NULL);

  g_free (f->context);
  f->context = g_strdup (context);
  for (guint i = 0; i < HB_N_LANGS; i++)
    {
      const char *tmpl = hb_rule_get_message (f->rule, i);
      GString *s;

      g_clear_pointer (&f->message[i], g_free);
      if (context == NULL || tmpl == NULL || strstr (tmpl, "{context}") == NULL)
        continue;
      s = g_string_new (tmpl);
      g_string_replace (s, "{context}", context, 0);
      f->message[i] = g_string_free (s, FALSE);
    }
}

void
hb_finding_free (HbFinding *f)
{
  if (f == NULL)
    return;
  g_clear_object (&f->policy);
  g_free (f->text);
  g_free (f->replacement);
  g_free (f->detail);
  g_free (f->context);
  for (guint i = 0; i < HB_N_LANGS; i++)
    g_free (f->message[i]);
  g_free (f);
}

HbSeverity
hb_finding_get_severity (const HbFinding *f)
{
  g_return_val_if_fail (f != NULL, HB_SEVERITY_INFO);

  return hb_rule_get_severity (f->rule);
}

HbSureness
hb_finding_get_sureness (const HbFinding *f)
{
  g_return_val_if_fail (f != NULL, HB_SURENESS_LIKELY);

  return hb_rule_get_sureness (f->rule);
}

const char *
hb_finding_get_topic (const HbFinding *f)
{
  g_return_val_if_fail (f != NULL, NULL);

  return hb_rule_get_topic (f->rule);
}

const char *
hb_finding_get_clause (const HbFinding *f)
{
  g_return_val_if_fail (f != NULL, NULL);

  return hb_rule_get_clause (f->rule);
}

const char *
hb_finding_get_rule_id (const HbFinding *f)
{
  g_return_val_if_fail (f != NULL, NULL);

  return hb_rule_get_id (f->rule);
}

const char *
hb_finding_get_message (const HbFinding *f,
                        HbLang           lang)
{
  g_return_val_if_fail (f != NULL, NULL);

  return f->message[lang] != NULL ? f->message[lang] : hb_rule_get_message (f->rule, lang);
}

/* The rule's suggestion with {replacement}, {text} and {detail} filled in, or NULL
 * when the rule has none. */
char *
hb_finding_dup_suggestion (const HbFinding *f,
                           HbLang           lang)
{
  const char *tmpl;
  GString *s;

  g_return_val_if_fail (f != NULL, NULL);

  tmpl = hb_rule_get_suggestion (f->rule, lang);
  if (tmpl == NULL)
    return NULL;
  s = g_string_new (tmpl);
  g_string_replace (s, "{replacement}", f->replacement ? f->replacement : "", 0);
  g_string_replace (s, "{text}", f->text, 0);
  g_string_replace (s, "{detail}", f->detail ? f->detail : "", 0);
  return g_string_free (s, FALSE);
}
