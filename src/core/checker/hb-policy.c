/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy.c — the HbPolicy object: its properties, freeing and the
 * accessors the checker and the app read (see hb-policy.h).
 *
 * Loading and validating a pack is hb-policy-load.c, compiling it
 * hb-policy-compile.c, choosing the pack in use hb-policy-select.c.
 */
#include "config.h"

#include "hb-policy-private.h"

#include "hb-matcher.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HbPolicy, hb_policy, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Freeing                                                             */

static void
clause_free (gpointer data)
{
  HbClause *c = data;

  g_free (c->id);
  for (guint i = 0; i < HB_N_LANGS; i++)
    g_free (c->text[i]);
  g_free (c);
}

static void
checklist_item_free (gpointer data)
{
  HbChecklistItem *item = data;

  g_free (item->id);
  g_free (item->clause);
  g_free (item->check);
  g_free (item->evidence);
  g_free (item->needs);
  g_free (item->vouched_by);
  for (guint i = 0; i < HB_N_LANGS; i++)
    g_free (item->checked[i]);
  for (guint i = 0; i < HB_N_LANGS; i++)
    g_free (item->label[i]);
  g_strfreev (item->applies_to);
  g_free (item);
}

static void
rule_free (gpointer data)
{
  HbRule *r = data;

  g_free (r->id);
  g_free (r->topic);
  g_free (r->clause);
  for (guint i = 0; i < HB_N_LANGS; i++)
    {
      g_free (r->message[i]);
      g_free (r->suggestion[i]);
    }
  g_clear_pointer (&r->match, g_array_unref);
  g_clear_pointer (&r->with, g_ptr_array_unref);
  g_clear_pointer (&r->unless, g_array_unref);
  g_clear_pointer (&r->unless_post, g_array_unref);
  g_strfreev (r->allow_domains);
  g_strfreev (r->examples_bad);
  g_strfreev (r->examples_good);
  g_free (r->post_check);
  g_strfreev (r->applies_to);
  g_strfreev (r->hosts);
  g_free (r);
}

static void
hb_policy_finalize (GObject *object)
{
  HbPolicy *self = HB_POLICY (object);

  g_free (self->id);
  g_free (self->version);
  for (guint i = 0; i < HB_N_LANGS; i++)
    {
      g_free (self->title[i]);
      g_free (self->issuer[i]);
    }
  g_free (self->sha256);
  g_free (self->origin);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->lexicons, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->lexicon_rules, g_ptr_array_unref);
  g_clear_pointer (&self->matcher, hb_matcher_free);

  G_OBJECT_CLASS (hb_policy_parent_class)->finalize (object);
}

static void
hb_policy_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HbPolicy *self = HB_POLICY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_policy_class_init (HbPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hb_policy_finalize;
  object_class->get_property = hb_policy_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hb_policy_init (HbPolicy *self)
{
  self->clauses = g_ptr_array_new_with_free_func (clause_free);
  self->checklist = g_ptr_array_new_with_free_func (checklist_item_free);
  self->lexicons = g_ptr_array_new_with_free_func (hb_lexicon_free);
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->source = HB_POLICY_SOURCE_FILE;
}



const char *
hb_policy_get_id (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), NULL);
  return self->id;
}

const char *
hb_policy_get_version (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), NULL);
  return self->version;
}

const char *
hb_policy_get_title (HbPolicy *self,
                     HbLang    lang)
{
  g_return_val_if_fail (HB_IS_POLICY (self), NULL);
  return self->title[lang];
}

/* Who issued the guideline, for the sign-off sheet; NULL when the pack
 * does not say. */
const char *
hb_policy_get_issuer (HbPolicy *self,
                      HbLang    lang)
{
  g_return_val_if_fail (HB_IS_POLICY (self), NULL);
  return self->issuer[lang];
}

const char *
hb_policy_get_sha256 (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), NULL);
  return self->sha256;
}

/* "built-in", or the path of the file the pack was read from. */
const char *
hb_policy_get_origin (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), NULL);
  return self->origin;
}

HbPolicySource
hb_policy_get_source (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), HB_POLICY_SOURCE_FILE);
  return self->source;
}

/* A stable name for @source, for JSON output: "built-in", "user",
 * "fetched" or "file". */
const char *
hb_policy_source_to_string (HbPolicySource source)
{
  switch (source)
    {
    case HB_POLICY_SOURCE_BUILTIN: return "built-in";
    case HB_POLICY_SOURCE_USER: return "user";
    case HB_POLICY_SOURCE_FETCHED: return "fetched";
    case HB_POLICY_SOURCE_FILE: return "file";
    default: g_return_val_if_reached ("file");
    }
}

/* For the loaders of hb-policy-cache.c, which know where a pack came from.
 * Only while loading: a pack is immutable once handed out, so no notify. */
void
hb_policy_set_source (HbPolicy       *self,
                      HbPolicySource  source,
                      const char     *origin)
{
  g_return_if_fail (HB_IS_POLICY (self));

  self->source = source;
  g_free (self->origin);
  self->origin = g_strdup (origin);
}

guint
hb_policy_get_n_clauses (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), 0);

  return self->clauses->len;
}

const HbClause *
hb_policy_get_clause (HbPolicy *self,
                      guint     i)
{
  g_return_val_if_fail (i < self->clauses->len, NULL);
  return g_ptr_array_index (self->clauses, i);
}

const HbClause *
hb_policy_find_clause (HbPolicy   *self,
                       const char *id)
{
  g_return_val_if_fail (HB_IS_POLICY (self), NULL);

  for (guint i = 0; i < self->clauses->len; i++)
    {
      const HbClause *c = g_ptr_array_index (self->clauses, i);

      if (g_strcmp0 (c->id, id) == 0)
        return c;
    }
  return NULL;
}

guint
hb_policy_get_n_checklist (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), 0);

  return self->checklist->len;
}

const HbChecklistItem *
hb_policy_get_checklist (HbPolicy *self,
                         guint     i)
{
  g_return_val_if_fail (i < self->checklist->len, NULL);
  return g_ptr_array_index (self->checklist, i);
}

guint
hb_policy_get_n_rules (HbPolicy *self)
{
  g_return_val_if_fail (HB_IS_POLICY (self), 0);

  return self->rules->len;
}

const HbRule *
hb_policy_get_rule (HbPolicy *self,
                    guint     i)
{
  g_return_val_if_fail (i < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, i);
}

guint
hb_policy_get_n_lexicons (HbPolicy *self)
{
  return self->lexicons->len;
}

const HbLexicon *
hb_policy_get_lexicon (HbPolicy *self,
                       guint     i)
{
  return g_ptr_array_index (self->lexicons, i);
}

guint
hb_policy_get_allow_lexicon (HbPolicy *self)
{
  return self->lexicons->len - 1;
}

GPtrArray *
hb_policy_get_lexicon_rules (HbPolicy *self,
                             guint     lexicon)
{
  return g_ptr_array_index (self->lexicon_rules, lexicon);
}

const HbMatcher *
hb_policy_get_matcher (HbPolicy *self)
{
  return self->matcher;
}

const char *
hb_rule_get_id (const HbRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->id;
}

const char *
hb_rule_get_topic (const HbRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->topic;
}

const char *
hb_rule_get_clause (const HbRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->clause;
}

HbSeverity
hb_rule_get_severity (const HbRule *rule)
{
  g_return_val_if_fail (rule != NULL, HB_SEVERITY_INFO);

  return rule->severity;
}

HbSureness
hb_rule_get_sureness (const HbRule *rule)
{
  g_return_val_if_fail (rule != NULL, HB_SURENESS_LIKELY);

  return rule->sureness;
}

const char *
hb_rule_get_message (const HbRule *rule,
                     HbLang        lang)
{
  g_return_val_if_fail (rule != NULL && lang < HB_N_LANGS, NULL);

  return rule->message[lang];
}

const char *
hb_rule_get_suggestion (const HbRule *rule,
                        HbLang        lang)
{
  g_return_val_if_fail (rule != NULL && lang < HB_N_LANGS, NULL);

  return rule->suggestion[lang];
}

const char * const *
hb_rule_get_examples (const HbRule *rule,
                      gboolean      bad)
{
  return (const char * const *) (bad ? rule->examples_bad : rule->examples_good);
}

/* The check a `post` rule runs, or NULL for a rule on the text. */
const char *
hb_rule_get_post_check (const HbRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return rule->kind == HB_RULE_POST ? rule->post_check : NULL;
}

/* A link-shortener rule's host names (lower case), or NULL. */
const char * const *
hb_rule_get_hosts (const HbRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return (const char * const *) rule->hosts;
}

/* Whether the rule applies to a post of @post_type ("event-report" …);
 * a rule without "applies_to" applies to every post. */
gboolean
hb_rule_applies_to (const HbRule *rule,
                    const char   *post_type)
{
  return rule->applies_to == NULL ||
         g_strv_contains ((const char * const *) rule->applies_to, post_type);
}
