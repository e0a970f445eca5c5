/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-guest.c — a guest of an event: title (YB, Dato', Dr …) and name. */
#include "config.h"

#include "hb-guest.h"

struct _HbGuest
{
  GObject  parent_instance;
  char    *title;
  char    *name;
};

G_DEFINE_FINAL_TYPE (HbGuest, hb_guest, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hb_guest_finalize (GObject *object)
{
  HbGuest *self = HB_GUEST (object);

  g_free (self->title);
  g_free (self->name);
  G_OBJECT_CLASS (hb_guest_parent_class)->finalize (object);
}

static void
hb_guest_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HbGuest *self = HB_GUEST (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_guest_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HbGuest *self = HB_GUEST (object);

  switch (prop_id)
    {
    case PROP_TITLE: hb_guest_set_title (self, g_value_get_string (value)); break;
    case PROP_NAME: hb_guest_set_name (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_guest_class_init (HbGuestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hb_guest_finalize;
  object_class->get_property = hb_guest_get_property;
  object_class->set_property = hb_guest_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hb_guest_init (HbGuest *self)
{
  self->title = g_strdup ("");
  self->name = g_strdup ("");
}

HbGuest *
hb_guest_new (const char *title,
              const char *name)
{
  return g_object_new (HB_TYPE_GUEST, "title", title ? title : "", "name", name ? name : "", NULL);
}

const char *
hb_guest_get_title (HbGuest *self)
{
  g_return_val_if_fail (HB_IS_GUEST (self), NULL);
  return self->title;
}

static void
set_string (HbGuest     *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  g_autofree char *clean = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (*field, clean) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
hb_guest_set_title (HbGuest    *self,
                    const char *title)
{
  g_return_if_fail (HB_IS_GUEST (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
hb_guest_get_name (HbGuest *self)
{
  g_return_val_if_fail (HB_IS_GUEST (self), NULL);
  return self->name;
}

void
hb_guest_set_name (HbGuest    *self,
                   const char *name)
{
  g_return_if_fail (HB_IS_GUEST (self));
  set_string (self, &self->name, name, PROP_NAME);
}

/* "YB Dato' Haji Ahmad" — title and name as the caption writes them. */
char *
hb_guest_dup_display (HbGuest *self)
{
  g_return_val_if_fail (HB_IS_GUEST (self), NULL);

  if (*self->title == '\0')
    return g_strdup (self->name);
  if (*self->name == '\0')
    return g_strdup (self->title);
  return g_strdup_printf ("%s %s", self->title, self->name);
}

/* Styles and titles in the order officers reach for them; the title field
 * also takes anything typed, as combinations ("YB Dato' Dr") are common. */
const char * const *
hb_guest_common_titles (void)
{
  static const char * const titles[] = {
    "YB", "YBhg.", "Tun", "Tan Sri", "Puan Sri", "Datuk Seri", "Dato' Sri", "Datuk", "Dato'",
    "Datin", "Datin Paduka", "Tuan", "Puan", "Encik", "Cik", "Dr", "Prof.", "Haji", "Hajah",
    "Ir.", "Ts.", "Kapten", "Tuan Haji", "Puan Hajah", NULL,
  };
  return titles;
}
