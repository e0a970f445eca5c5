/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-updater.c — the pack in use and its updates.
 *
 * At start the pack is loaded in a worker (hb_policy_load_default(): the
 * user's own pack, else the last good fetched one, else the built-in one).
 * Then, and whenever asked or the address changes, the pack at
 * `policy-url` is fetched (hb_policy_update_async(): HTTPS, ETag, size cap,
 * deadline, validated before it replaces the cache).  Whatever happens,
 * `status` says in a sentence what the last attempt did, and `policy` only
 * ever changes to a pack that validated.
 */
#include "config.h"

#include "hb-policy-updater.h"

#include <glib/gi18n.h>

#include "hb-net-fetch.h"
#include "hb-policy-cache.h"
#include "hb-policy-update.h"

struct _HbPolicyUpdater
{
  GObject       parent_instance;
  GSettings    *settings;
  SoupSession  *session;
  GCancellable *cancellable;   /* of the update running, if any */
  HbPolicy     *policy;
  char         *problem;       /* why a pack on disk was skipped, or NULL */
  char         *status;
};

G_DEFINE_FINAL_TYPE (HbPolicyUpdater, hb_policy_updater, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_STATUS,
  PROP_UPDATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status (HbPolicyUpdater *self,
            char            *status)
{
  g_free (self->status);
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_policy (HbPolicyUpdater *self,
            HbPolicy        *policy)
{
  if (g_set_object (&self->policy, policy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: when a pack was checked, e.g. "25 Nov 2026, 10:05". */
  return g_date_time_format (local, _("%e %b %Y, %H:%M"));
}

/* What the last attempt did, as the cache recorded it (also for attempts
 * made by `hebahan-cli policy fetch`). */
static char *
status_from_cache (HbPolicyUpdater *self)
{
  g_autoptr(HbPolicyCacheInfo) info = hb_policy_cache_info_load (NULL);
  g_autofree char *url = g_settings_get_string (self->settings, "policy-url");
  g_autofree char *when = NULL;

  if (*url == '\0')
    return g_strdup (_("No update address is set: the pack is only changed by hand."));
  if (info && info->failed)
    {
      when = format_time (info->failed);
      return g_strdup_printf (_("The last update (%s) failed: %s"), when, info->failure);
    }
  if (info && info->checked)
    {
      when = format_time (info->checked);
      return g_strdup_printf (_("Last checked %s."), when);
    }
  return g_strdup (_("Not checked yet."));
}

/* "mpkk-media-sosial 2026.11.1, built-in" */
char *
hb_policy_updater_describe (HbPolicyUpdater *self)
{
  const char *where;

  g_return_val_if_fail (HB_IS_POLICY_UPDATER (self), NULL);

  if (self->policy == NULL)
    return g_strdup (_("Loading…"));
  switch (hb_policy_get_source (self->policy))
    {
    case HB_POLICY_SOURCE_USER: where = _("your own pack"); break;
    case HB_POLICY_SOURCE_FETCHED: where = _("from the council’s server"); break;
    case HB_POLICY_SOURCE_FILE: where = _("from a file"); break;
    case HB_POLICY_SOURCE_BUILTIN:
    default: where = _("built-in"); break;
    }
  /* Translators: the pack in use: its id, its version, and where it came from. */
  return g_strdup_printf (_("%s %s, %s"), hb_policy_get_id (self->policy),
                          hb_policy_get_version (self->policy), where);
}

static void
update_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HbPolicyUpdater) self = user_data;
  g_autoptr(GError) error = NULL;
  HbPolicyUpdateOutcome outcome;
  g_autoptr(HbPolicy) policy = hb_policy_update_finish (result, &outcome, &error);
  g_autofree char *in_use = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATING]);
  if (policy)
    set_policy (self, policy);
  in_use = hb_policy_updater_describe (self);
  if (policy == NULL)
    set_status (self, g_strdup_printf (_("Update failed: %s. Still using %s."), error->message, in_use));
  else if (outcome == HB_POLICY_UPDATE_UPDATED)
    set_status (self, g_strdup_printf (_("Updated just now to %s."), in_use));
  else
    set_status (self, g_strdup_printf (_("Up to date: %s."), in_use));
}

/* Fetches the pack at `policy-url`, if one is set; an update already
 * running is replaced by this one. */
void
hb_policy_updater_update (HbPolicyUpdater *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "policy-url");

  g_return_if_fail (HB_IS_POLICY_UPDATER (self));
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (*url == '\0' || self->policy == NULL)
    {
      set_status (self, status_from_cache (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATING]);
      return;
    }
  if (self->session == NULL)
    self->session = hb_net_session_new ();
  self->cancellable = g_cancellable_new ();
  set_status (self, g_strdup (_("Checking for a new pack…")));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATING]);
  hb_policy_update_async (self->session, url, NULL, self->cancellable, update_done,
                          g_object_ref (self));
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HbPolicyUpdater) self = user_data;
  g_autoptr(HbPolicy) policy = g_task_propagate_pointer (G_TASK (result), NULL);

  self->problem = g_strdup (g_object_get_data (G_OBJECT (policy), "hb-problem"));
  set_policy (self, policy);
  set_status (self, status_from_cache (self));
  hb_policy_updater_update (self);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) problem = NULL;
  HbPolicy *policy = hb_policy_load_default (&problem);

  /* A pack on disk that cannot be used is skipped; the window says why. */
  if (problem)
    g_object_set_data_full (G_OBJECT (policy), "hb-problem", g_strdup (problem->message), g_free);
  g_task_return_pointer (task, policy, g_object_unref);
}

static void
hb_policy_updater_dispose (GObject *object)
{
  HbPolicyUpdater *self = HB_POLICY_UPDATER (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->policy);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->status, g_free);
  G_OBJECT_CLASS (hb_policy_updater_parent_class)->dispose (object);
}

static void
hb_policy_updater_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HbPolicyUpdater *self = HB_POLICY_UPDATER (object);

  switch (prop_id)
    {
    case PROP_POLICY: g_value_set_object (value, self->policy); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_UPDATING: g_value_set_boolean (value, self->cancellable != NULL); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_policy_updater_class_init (HbPolicyUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hb_policy_updater_dispose;
  object_class->get_property = hb_policy_updater_get_property;
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, HB_TYPE_POLICY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATING] =
    g_param_spec_boolean ("updating", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hb_policy_updater_init (HbPolicyUpdater *self)
{
}

/* Loads the pack in a worker (indexing it takes ~100 ms, the first window
 * should not wait), then checks for an update. */
HbPolicyUpdater *
hb_policy_updater_new (GSettings *settings)
{
  HbPolicyUpdater *self = g_object_new (HB_TYPE_POLICY_UPDATER, NULL);
  g_autoptr(GTask) task = g_task_new (NULL, NULL, load_done, g_object_ref (self));

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::policy-url", G_CALLBACK (hb_policy_updater_update),
                           self, G_CONNECT_SWAPPED);
  g_task_run_in_thread (task, load_thread);
  return self;
}

HbPolicy *
hb_policy_updater_get_policy (HbPolicyUpdater *self)
{
  g_return_val_if_fail (HB_IS_POLICY_UPDATER (self), NULL);
  return self->policy;
}

/* Why a pack on disk (the user's own, or the fetched one) was skipped at
 * start, or NULL. */
const char *
hb_policy_updater_get_problem (HbPolicyUpdater *self)
{
  g_return_val_if_fail (HB_IS_POLICY_UPDATER (self), NULL);
  return self->problem;
}

const char *
hb_policy_updater_get_status (HbPolicyUpdater *self)
{
  g_return_val_if_fail (HB_IS_POLICY_UPDATER (self), NULL);
  return self->status;
}

gboolean
hb_policy_updater_get_updating (HbPolicyUpdater *self)
{
  g_return_val_if_fail (HB_IS_POLICY_UPDATER (self), FALSE);
  return self->cancellable != NULL;
}
