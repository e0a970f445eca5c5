/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-item.c — one photo or video attached to a post.
 *
 * The item holds what the draft file stores (path, digest, alt text,
 * caption) plus the last load error, so the grid can show it on the item
 * while the rest of the post keeps working, and what the loader measured
 * (size, length, blur, exposure) once "loaded" is set, for the linter.
 */
#include "config.h"

#include "hb-media-item.h"

#include "hb-enum-types.h"

#include <gio/gio.h>

struct _HbMediaItem
{
  GObject      parent_instance;
  char        *path;
  char        *sha256;
  char        *alt_text;
  char        *caption;
  char        *error;
  HbMediaKind  kind;
  gboolean     loaded;
  HbMediaMeasurements m;
};

G_DEFINE_FINAL_TYPE (HbMediaItem, hb_media_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_KIND,
  PROP_SHA256,
  PROP_ALT_TEXT,
  PROP_CAPTION,
  PROP_ERROR,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_SIZE,
  PROP_DURATION,
  PROP_BLUR_SCORE,
  PROP_BLURRY,
  PROP_UNDEREXPOSED,
  PROP_OVEREXPOSED,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hb_media_item_finalize (GObject *object)
{
  HbMediaItem *self = HB_MEDIA_ITEM (object);

  g_free (self->path);
  g_free (self->sha256);
  g_free (self->alt_text);
  g_free (self->caption);
  g_free (self->error);
  G_OBJECT_CLASS (hb_media_item_parent_class)->finalize (object);
}

static void
hb_media_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HbMediaItem *self = HB_MEDIA_ITEM (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_SHA256: g_value_set_string (value, self->sha256); break;
    case PROP_ALT_TEXT: g_value_set_string (value, self->alt_text); break;
    case PROP_CAPTION: g_value_set_string (value, self->caption); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    case PROP_WIDTH: g_value_set_int (value, self->m.width); break;
    case PROP_HEIGHT: g_value_set_int (value, self->m.height); break;
    case PROP_SIZE: g_value_set_uint64 (value, self->m.size); break;
    case PROP_DURATION: g_value_set_int64 (value, self->m.duration); break;
    case PROP_BLUR_SCORE: g_value_set_double (value, self->m.blur_score); break;
    case PROP_BLURRY: g_value_set_boolean (value, self->m.blurry); break;
    case PROP_UNDEREXPOSED: g_value_set_boolean (value, self->m.underexposed); break;
    case PROP_OVEREXPOSED: g_value_set_boolean (value, self->m.overexposed); break;
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_media_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HbMediaItem *self = HB_MEDIA_ITEM (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      self->kind = hb_media_kind_for_path (self->path);
      break;
    case PROP_SHA256: hb_media_item_set_sha256 (self, g_value_get_string (value)); break;
    case PROP_ALT_TEXT: hb_media_item_set_alt_text (self, g_value_get_string (value)); break;
    case PROP_CAPTION: hb_media_item_set_caption (self, g_value_get_string (value)); break;
    case PROP_ERROR: hb_media_item_set_error (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Read-only: hb_media_item_set_measurements() sets them all at once. */
static void
install_measurement_properties (void)
{
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_WIDTH] = g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_HEIGHT] = g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_DURATION] = g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_BLUR_SCORE] = g_param_spec_double ("blur-score", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_BLURRY] = g_param_spec_boolean ("blurry", NULL, NULL, FALSE, ro);
  properties[PROP_UNDEREXPOSED] = g_param_spec_boolean ("underexposed", NULL, NULL, FALSE, ro);
  properties[PROP_OVEREXPOSED] = g_param_spec_boolean ("overexposed", NULL, NULL, FALSE, ro);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);
}

static void
hb_media_item_class_init (HbMediaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hb_media_item_finalize;
  object_class->get_property = hb_media_item_get_property;
  object_class->set_property = hb_media_item_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, HB_TYPE_MEDIA_KIND, HB_MEDIA_PHOTO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, rw);
  properties[PROP_ALT_TEXT] = g_param_spec_string ("alt-text", NULL, NULL, "", rw);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, "", rw);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, rw);
  install_measurement_properties ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hb_media_item_init (HbMediaItem *self)
{
  self->alt_text = g_strdup ("");
  self->caption = g_strdup ("");
}

HbMediaItem *
hb_media_item_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  return g_object_new (HB_TYPE_MEDIA_ITEM, "path", path, NULL);
}

const char *
hb_media_item_get_path (HbMediaItem *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (self), NULL);
  return self->path;
}

HbMediaKind
hb_media_item_get_kind (HbMediaItem *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (self), HB_MEDIA_PHOTO);
  return self->kind;
}

/* Sets a string field and notifies only on a real change, so that bound
 * widgets and the autosave timer see no phantom edits. */
static void
set_string (HbMediaItem  *self,
            char        **field,
            const char   *value,
            guint         prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
hb_media_item_get_sha256 (HbMediaItem *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (self), NULL);

  return self->sha256;
}

void
hb_media_item_set_sha256 (HbMediaItem *self,
                          const char  *sha256)
{
  g_return_if_fail (HB_IS_MEDIA_ITEM (self));

  set_string (self, &self->sha256, sha256, PROP_SHA256);
}

const char *
hb_media_item_get_alt_text (HbMediaItem *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (self), NULL);

  return self->alt_text;
}

void
hb_media_item_set_alt_text (HbMediaItem *self,
                            const char  *alt_text)
{
  g_return_if_fail (HB_IS_MEDIA_ITEM (self));

  set_string (self, &self->alt_text, alt_text ? alt_text : "", PROP_ALT_TEXT);
}

const char *
hb_media_item_get_caption (HbMediaItem *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (self), NULL);

  return self->caption;
}

void
hb_media_item_set_caption (HbMediaItem *self,
                           const char  *caption)
{
  g_return_if_fail (HB_IS_MEDIA_ITEM (self));

  set_string (self, &self->caption, caption ? caption : "", PROP_CAPTION);
}

const char *
hb_media_item_get_error (HbMediaItem *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (self), NULL);

  return self->error;
}

void
hb_media_item_set_error (HbMediaItem *self,
                         const char  *error)
{
  g_return_if_fail (HB_IS_MEDIA_ITEM (self));

  set_string (self, &self->error, error, PROP_ERROR);
}

gboolean
hb_media_item_get_loaded (HbMediaItem *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (self), FALSE);
  return self->loaded;
}

/**
 * hb_media_item_get_measurements:
 * @measurements: (out caller-allocates): all zero until "loaded"
 */
void
hb_media_item_get_measurements (HbMediaItem         *self,
                                HbMediaMeasurements *measurements)
{
  g_return_if_fail (HB_IS_MEDIA_ITEM (self));
  *measurements = self->m;
}

#define NOTIFY_IF_CHANGED(field, prop) \
  if (old.field != self->m.field) \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop])

/* Sets every measurement and "loaded" together, notifying (after the
 * last one is set) only the properties that changed. */
void
hb_media_item_set_measurements (HbMediaItem               *self,
                                const HbMediaMeasurements *measurements)
{
  HbMediaMeasurements old;

  g_return_if_fail (HB_IS_MEDIA_ITEM (self));
  g_return_if_fail (measurements != NULL);

  old = self->m;
  self->m = *measurements;
  g_object_freeze_notify (G_OBJECT (self));
  NOTIFY_IF_CHANGED (width, PROP_WIDTH);
  NOTIFY_IF_CHANGED (height, PROP_HEIGHT);
  NOTIFY_IF_CHANGED (size, PROP_SIZE);
  NOTIFY_IF_CHANGED (duration, PROP_DURATION);
  NOTIFY_IF_CHANGED (blur_score, PROP_BLUR_SCORE);
  NOTIFY_IF_CHANGED (blurry, PROP_BLURRY);
  NOTIFY_IF_CHANGED (underexposed, PROP_UNDEREXPOSED);
  NOTIFY_IF_CHANGED (overexposed, PROP_OVEREXPOSED);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

#undef NOTIFY_IF_CHANGED

/* Decided by content type guessed from the name; the loader confirms it
 * from the file's bytes and reports a mismatch as an item error. */
HbMediaKind
hb_media_kind_for_path (const char *path)
{
  g_autofree char *type = NULL, *mime = NULL;

  g_return_val_if_fail (path != NULL, HB_MEDIA_PHOTO);

  type = g_content_type_guess (path, NULL, 0, NULL);
  mime = g_content_type_get_mime_type (type);
  return mime && g_str_has_prefix (mime, "video/") ? HB_MEDIA_VIDEO : HB_MEDIA_PHOTO;
}
