/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-link-cache.c — link-check results kept for a while (see hb-link-cache.h). */
#include "config.h"

#include "hb-link-cache.h"

struct _HbLinkCache
{
  GObject     parent_instance;

  GMutex      lock;      /* guards entries: the linter reads from a worker */
  GHashTable *entries;   /* url → HbLinkStatus */
  guint       ttl;       /* seconds */
};

enum {
  PROP_0,
  PROP_TTL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HbLinkCache, hb_link_cache, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* HbLinkStatus                                                        */

/* Stamped now. */
HbLinkStatus *
hb_link_status_new (const char  *url,
                    HbLinkState  state,
                    guint        status,
                    const char  *final_url,
                    const char  *reason)
{
  HbLinkStatus *s = g_new0 (HbLinkStatus, 1);

  s->url = g_strdup (url);
  s->state = state;
  s->status = status;
  s->final_url = g_strdup (final_url);
  s->reason = g_strdup (reason);
  s->checked_at = g_get_real_time ();
  return s;
}

HbLinkStatus *
hb_link_status_copy (const HbLinkStatus *s)
{
  HbLinkStatus *copy;

  g_return_val_if_fail (s != NULL, NULL);

  copy = hb_link_status_new (s->url, s->state, s->status, s->final_url, s->reason);
  copy->n_redirects = s->n_redirects;
  copy->checked_at = s->checked_at;
  return copy;
}

void
hb_link_status_free (HbLinkStatus *s)
{
  if (s == NULL)
    return;
  g_free (s->url);
  g_free (s->final_url);
  g_free (s->reason);
  g_free (s);
}

/* "ok", "broken" or "redirects-to-http", as the CLI's JSON says it. */
const char *
hb_link_state_to_string (HbLinkState state)
{
  static const char * const names[] = { "ok", "broken", "redirects-to-http" };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (names), NULL);
  return names[state];
}

/* ------------------------------------------------------------------ */
/* HbLinkCache                                                         */

static void
hb_link_cache_finalize (GObject *object)
{
  HbLinkCache *self = HB_LINK_CACHE (object);

  g_hash_table_unref (self->entries);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (hb_link_cache_parent_class)->finalize (object);
}

static void
hb_link_cache_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HbLinkCache *self = HB_LINK_CACHE (object);

  switch (prop_id)
    {
    case PROP_TTL:
      g_value_set_uint (value, self->ttl);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_link_cache_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HbLinkCache *self = HB_LINK_CACHE (object);

  switch (prop_id)
    {
    case PROP_TTL:
      self->ttl = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_link_cache_class_init (HbLinkCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hb_link_cache_finalize;
  object_class->get_property = hb_link_cache_get_property;
  object_class->set_property = hb_link_cache_set_property;

  properties[PROP_TTL] =
    g_param_spec_uint ("ttl", NULL, NULL, 1, G_MAXUINT, HB_LINK_CACHE_DEFAULT_TTL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HbLinkCache::changed:
   * @url: the address whose status was stored
   *
   * Emitted by hb_link_cache_store(), in the thread that stores (the
   * link checker stores in the caller's main context), so the window can
   * lint the post again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hb_link_cache_init (HbLinkCache *self)
{
  g_mutex_init (&self->lock);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) hb_link_status_free);
}

/* @ttl_seconds: how long a result stays good; 0 for the default. */
HbLinkCache *
hb_link_cache_new (guint ttl_seconds)
{
  return g_object_new (HB_TYPE_LINK_CACHE,
                       "ttl", ttl_seconds ? ttl_seconds : HB_LINK_CACHE_DEFAULT_TTL,
                       NULL);
}

guint
hb_link_cache_get_ttl (HbLinkCache *self)
{
  g_return_val_if_fail (HB_IS_LINK_CACHE (self), 0);
  return self->ttl;
}

static gboolean
is_fresh (HbLinkCache        *self,
          const HbLinkStatus *s)
{
  gint64 age = g_get_real_time () - s->checked_at;

  /* A clock set back makes an entry look younger than it is: not fresh. */
  return age >= 0 && age < (gint64) self->ttl * G_USEC_PER_SEC;
}

/**
 * hb_link_cache_lookup:
 *
 * Safe in any thread.
 *
 * Returns: (transfer full) (nullable): a copy of @url's status while it
 *   is fresh, else NULL
 */
HbLinkStatus *
hb_link_cache_lookup (HbLinkCache *self,
                      const char  *url)
{
  HbLinkStatus *copy = NULL;
  const HbLinkStatus *s;

  g_return_val_if_fail (HB_IS_LINK_CACHE (self), NULL);
  g_mutex_lock (&self->lock);
  s = url ? g_hash_table_lookup (self->entries, url) : NULL;
  if (s != NULL && is_fresh (self, s))
    copy = hb_link_status_copy (s);
  else if (s != NULL)
    g_hash_table_remove (self->entries, url);
  g_mutex_unlock (&self->lock);
  return copy;
}

/* Keeps a copy of @status (with its own checked_at), replacing any older
 * one, and emits ::changed. */
void
hb_link_cache_store (HbLinkCache        *self,
                     const HbLinkStatus *status)
{
  HbLinkStatus *copy;

  g_return_if_fail (HB_IS_LINK_CACHE (self));
  g_return_if_fail (status != NULL && status->url != NULL);
  copy = hb_link_status_copy (status);
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->entries, copy->url, copy);
  g_mutex_unlock (&self->lock);
  g_signal_emit (self, signals[CHANGED], 0, status->url);
}

/* Forgets everything, so the next check asks the network again. */
void
hb_link_cache_clear (HbLinkCache *self)
{
  g_return_if_fail (HB_IS_LINK_CACHE (self));
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->entries);
  g_mutex_unlock (&self->lock);
}
