/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post.c — the post being composed.
 *
 * One object holds everything a draft file stores.  Any change anywhere in
 * it (a field, a guest's name, a photo's alt text, an acknowledgement)
 * emits ::changed once, which is what the linter, the caption preview and
 * autosave listen to.
 */
#include "config.h"

#include "hb-post.h"
#include "hb-enum-types.h"

#include <stdio.h>
#include <string.h>

struct _HbPost
{
  GObject     parent_instance;
  HbPostType  type;
  HbLang      lang;
  GStrv       platforms;
  char       *fields[HB_N_FIELDS];
  GListStore *guests;
  GListStore *media;
  GPtrArray  *acks;
  GHashTable *overrides;   /* platform id → caption written for that platform */
  JsonNode   *checklist;
};

G_DEFINE_FINAL_TYPE (HbPost, hb_post, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POST_TYPE,
  PROP_LANGUAGE,
  PROP_PLATFORMS,
  PROP_FIELD0,
  N_PROPS = PROP_FIELD0 + HB_N_FIELDS
};

enum { CHANGED, MEASURED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *field_names[HB_N_FIELDS] = {
  "event-name", "date", "start-time", "end-time", "venue", "body", "hashtags", "link",
};

static const char *type_names[HB_N_POST_TYPES] = {
  "event-report", "announcement", "correction", "reply",
};

static void
emit_changed (HbPost *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
hb_post_finalize (GObject *object)
{
  HbPost *self = HB_POST (object);

  g_strfreev (self->platforms);
  for (guint i = 0; i < HB_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_clear_object (&self->guests);
  g_clear_object (&self->media);
  g_clear_pointer (&self->acks, g_ptr_array_unref);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->checklist, json_node_unref);
  G_OBJECT_CLASS (hb_post_parent_class)->finalize (object);
}

static void
hb_post_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HbPost *self = HB_POST (object);

  if (prop_id >= PROP_FIELD0 && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id - PROP_FIELD0]);
  else if (prop_id == PROP_POST_TYPE)
    g_value_set_enum (value, self->type);
  else if (prop_id == PROP_LANGUAGE)
    g_value_set_enum (value, self->lang);
  else if (prop_id == PROP_PLATFORMS)
    g_value_set_boxed (value, self->platforms);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hb_post_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  HbPost *self = HB_POST (object);

  if (prop_id >= PROP_FIELD0 && prop_id < N_PROPS)
    hb_post_set_field (self, prop_id - PROP_FIELD0, g_value_get_string (value));
  else if (prop_id == PROP_POST_TYPE)
    hb_post_set_post_type (self, g_value_get_enum (value));
  else if (prop_id == PROP_LANGUAGE)
    hb_post_set_language (self, g_value_get_enum (value));
  else if (prop_id == PROP_PLATFORMS)
    hb_post_set_platforms (self, g_value_get_boxed (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hb_post_class_init (HbPostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hb_post_finalize;
  object_class->get_property = hb_post_get_property;
  object_class->set_property = hb_post_set_property;

  properties[PROP_POST_TYPE] =
    g_param_spec_enum ("post-type", NULL, NULL, HB_TYPE_POST_TYPE, HB_POST_EVENT_REPORT, rw);
  properties[PROP_LANGUAGE] =
    g_param_spec_enum ("language", NULL, NULL, HB_TYPE_LANG, HB_LANG_MS, rw);
  properties[PROP_PLATFORMS] =
    g_param_spec_boxed ("platforms", NULL, NULL, G_TYPE_STRV, rw);
  for (guint i = 0; i < HB_N_FIELDS; i++)
    properties[PROP_FIELD0 + i] = g_param_spec_string (field_names[i], NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* ::measured: a media item's measurements (not stored in the draft)
   * arrived; findings may change, the draft does not. */
  signals[MEASURED] = g_signal_new ("measured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* What a draft stores of its guests and media is an edit; what the
 * loader measures on a photo (size, blur…) is not, but the linter wants
 * to know about it: ::measured. */
static void
item_notify (GObject    *item,
             GParamSpec *pspec,
             HbPost     *self)
{
  static const char * const stored[] = { "title", "name", "sha256", "alt-text", "caption", NULL };

  if (HB_IS_MEDIA_ITEM (item) && !g_strv_contains (stored, pspec->name))
    g_signal_emit (self, signals[MEASURED], 0);
  else
    emit_changed (self);
}

/* Watches items as they enter a store; a reordered item is already
 * watched, so it is not connected twice. */
static void
store_items_changed (GListModel *store,
                     guint       position,
                     guint       removed,
                     guint       added,
                     HbPost     *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (store, i);

      if (g_signal_handler_find (item, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, item_notify, self) == 0)
        g_signal_connect_object (item, "notify", G_CALLBACK (item_notify), self, 0);
    }
  emit_changed (self);
}

static void
hb_post_init (HbPost *self)
{
  self->platforms = g_new0 (char *, 1);
  for (guint i = 0; i < HB_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
  self->guests = g_list_store_new (HB_TYPE_GUEST);
  self->media = g_list_store_new (HB_TYPE_MEDIA_ITEM);
  self->acks = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_ack_free);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect (self->guests, "items-changed", G_CALLBACK (store_items_changed), self);
  g_signal_connect (self->media, "items-changed", G_CALLBACK (store_items_changed), self);
}

HbPost *
hb_post_new (void)
{
  return g_object_new (HB_TYPE_POST, NULL);
}

HbPostType
hb_post_get_post_type (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), 0);
  return self->type;
}

void
hb_post_set_post_type (HbPost     *self,
                       HbPostType  type)
{
  g_return_if_fail (HB_IS_POST (self));
  if (self->type == type || type >= HB_N_POST_TYPES)
    return;
  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST_TYPE]);
  emit_changed (self);
}

HbLang
hb_post_get_language (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), 0);
  return self->lang;
}

void
hb_post_set_language (HbPost *self,
                      HbLang  lang)
{
  g_return_if_fail (HB_IS_POST (self));
  if (self->lang == lang || lang >= HB_N_LANGS)
    return;
  self->lang = lang;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
  emit_changed (self);
}

const char * const *
hb_post_get_platforms (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), NULL);
  return (const char * const *) self->platforms;
}

void
hb_post_set_platforms (HbPost             *self,
                       const char * const *platforms)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (HB_IS_POST (self));
  if (platforms == NULL)
    platforms = none;
  if (g_strv_equal ((const char * const *) self->platforms, platforms))
    return;
  g_strfreev (self->platforms);
  self->platforms = g_strdupv ((char **) platforms);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORMS]);
  emit_changed (self);
}

gboolean
hb_post_has_platform (HbPost     *self,
                      const char *platform)
{
  g_return_val_if_fail (HB_IS_POST (self), FALSE);

  return g_strv_contains ((const char * const *) self->platforms, platform);
}

/* Keeps platforms in the canonical order of hb_platform_ids(), so the
 * draft and the bundle list them the same way whatever the click order. */
void
hb_post_toggle_platform (HbPost     *self,
                         const char *platform,
                         gboolean    on)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const char * const *ids = hb_platform_ids ();
  g_auto(GStrv) next = NULL;

  g_return_if_fail (HB_IS_POST (self));
  g_return_if_fail (platform != NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i]; i++)
    {
      gboolean want = g_str_equal (ids[i], platform) ? on : hb_post_has_platform (self, ids[i]);

      if (want)
        g_strv_builder_add (builder, ids[i]);
    }
  next = g_strv_builder_end (builder);
  hb_post_set_platforms (self, (const char * const *) next);
}

const char *
hb_post_get_field (HbPost  *self,
                   HbField  field)
{
  g_return_val_if_fail (HB_IS_POST (self), NULL);
  g_return_val_if_fail (field < HB_N_FIELDS, NULL);
  return self->fields[field];
}

void
hb_post_set_field (HbPost     *self,
                   HbField     field,
                   const char *value)
{
  g_return_if_fail (HB_IS_POST (self));
  g_return_if_fail (field < HB_N_FIELDS);
  if (value == NULL)
    value = "";
  if (strcmp (self->fields[field], value) == 0)
    return;
  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD0 + field]);
  emit_changed (self);
}

GListStore *
hb_post_get_guests (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), NULL);

  return self->guests;
}

GListStore *
hb_post_get_media (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), NULL);

  return self->media;
}

/**
 * hb_post_get_media_measured:
 *
 * Returns: %TRUE when every photo and video is measured, or known not to
 *   be usable (its error): the media findings are all there is to know
 */
gboolean
hb_post_get_media_measured (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->media)); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      if (!hb_media_item_get_loaded (item) && hb_media_item_get_error (item) == NULL)
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
hb_post_get_acks (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), NULL);

  return self->acks;
}

void
hb_post_add_ack (HbPost     *self,
                 const char *rule,
                 const char *text,
                 const char *reason,
                 const char *who)
{
  HbAck *ack = g_new0 (HbAck, 1);

  g_return_if_fail (HB_IS_POST (self));

  ack->rule = g_strdup (rule);
  ack->text = g_strdup (text);
  ack->reason = g_strdup (reason);
  ack->who = g_strdup (who ? who : "");
  ack->when = g_date_time_new_now_local ();
  g_ptr_array_add (self->acks, ack);
  emit_changed (self);
}

/* An acknowledgement covers the same rule on the same words wherever they
 * sit, so it survives edits elsewhere in the post. */
gboolean
hb_post_is_acknowledged (HbPost     *self,
                         const char *rule,
                         const char *text)
{
  g_return_val_if_fail (HB_IS_POST (self), FALSE);

  for (guint i = 0; i < self->acks->len; i++)
    {
      HbAck *ack = self->acks->pdata[i];

      if (g_strcmp0 (ack->rule, rule) == 0 && g_strcmp0 (ack->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A caption the officer wrote for one platform instead of the composed
 * one (say, a shorter text for X), or NULL. */
const char *
hb_post_get_caption_override (HbPost     *self,
                              const char *platform)
{
  g_return_val_if_fail (HB_IS_POST (self), NULL);
  return g_hash_table_lookup (self->overrides, platform);
}

/* @text NULL goes back to the composed caption. */
void
hb_post_set_caption_override (HbPost     *self,
                              const char *platform,
                              const char *text)
{
  g_return_if_fail (HB_IS_POST (self));
  if (g_strcmp0 (g_hash_table_lookup (self->overrides, platform), text) == 0)
    return;
  if (text == NULL)
    g_hash_table_remove (self->overrides, platform);
  else
    g_hash_table_insert (self->overrides, g_strdup (platform), g_strdup (text));
  emit_changed (self);
}

/* Checklist answers are kept as the draft's JSON object: the checklist
 * panel owns their meaning, the post only keeps them safe. */
JsonNode *
hb_post_get_checklist (HbPost *self)
{
  g_return_val_if_fail (HB_IS_POST (self), NULL);

  return self->checklist;
}

void
hb_post_set_checklist (HbPost   *self,
                       JsonNode *answers)
{
  g_return_if_fail (HB_IS_POST (self));

  g_clear_pointer (&self->checklist, json_node_unref);
  self->checklist = answers ? json_node_copy (answers) : NULL;
  emit_changed (self);
}

GDateTime *
hb_post_dup_date (HbPost *self)
{
  int y, m, d;
  char tail;

  g_return_val_if_fail (HB_IS_POST (self), NULL);

  if (sscanf (self->fields[HB_FIELD_DATE], "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

/* What the window title and recent files call the post. */
char *
hb_post_dup_title (HbPost *self)
{
  const char *name;
  g_autofree char *first = NULL;
  const char *nl;

  g_return_val_if_fail (HB_IS_POST (self), NULL);

  name = self->fields[HB_FIELD_EVENT_NAME];
  if (*name)
    return g_strdup (name);
  nl = strchr (self->fields[HB_FIELD_BODY], '\n');
  first = nl ? g_strndup (self->fields[HB_FIELD_BODY], nl - self->fields[HB_FIELD_BODY])
             : g_strdup (self->fields[HB_FIELD_BODY]);
  g_strstrip (first);
  if (g_utf8_strlen (first, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (first, 60);
      *cut = '\0';
      return g_strconcat (first, "…", NULL);
    }
  return *first ? g_steal_pointer (&first) : NULL;
}

const char *
hb_field_to_string (HbField field)
{
  return field < HB_N_FIELDS ? field_names[field] : NULL;
}

const char *
hb_post_type_to_string (HbPostType type)
{
  return type < HB_N_POST_TYPES ? type_names[type] : NULL;
}

gboolean
hb_post_type_from_string (const char *name,
                          HbPostType *type)
{
  for (guint i = 0; i < HB_N_POST_TYPES; i++)
    if (g_strcmp0 (name, type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

/* The platforms the composer knows, in display order (issue 5 adds their
 * limits in data/platforms.json under the same ids). */
const char * const *
hb_platform_ids (void)
{
  static const char * const ids[] = {
    "facebook", "instagram", "x", "youtube", "tiktok", "threads", NULL,
  };
  return ids;
}

void
hb_ack_free (HbAck *ack)
{
  g_free (ack->rule);
  g_free (ack->text);
  g_free (ack->reason);
  g_free (ack->who);
  g_clear_pointer (&ack->when, g_date_time_unref);
  g_free (ack);
}
