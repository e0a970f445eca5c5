/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-finding-item.c — one row of the findings list: a clause heading or
 * a finding.  A finding item keeps its lint result alive, so a row never
 * outlives the data it shows. */
#include "config.h"

#include "hb-finding-item.h"

struct _HbFindingItem
{
  GObject              parent_instance;
  char                *heading;
  const HbPostFinding *finding;
  GPtrArray           *result;
};

G_DEFINE_FINAL_TYPE (HbFindingItem, hb_finding_item, G_TYPE_OBJECT)

static void
hb_finding_item_finalize (GObject *object)
{
  HbFindingItem *self = HB_FINDING_ITEM (object);

  g_free (self->heading);
  g_clear_pointer (&self->result, g_ptr_array_unref);
  G_OBJECT_CLASS (hb_finding_item_parent_class)->finalize (object);
}

static void
hb_finding_item_class_init (HbFindingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hb_finding_item_finalize;
}

static void
hb_finding_item_init (HbFindingItem *self)
{
}

HbFindingItem *
hb_finding_item_new_heading (const char *text)
{
  HbFindingItem *self = g_object_new (HB_TYPE_FINDING_ITEM, NULL);

  self->heading = g_strdup (text);
  return self;
}

HbFindingItem *
hb_finding_item_new (const HbPostFinding *finding,
                     GPtrArray           *result)
{
  HbFindingItem *self;

  g_return_val_if_fail (finding != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (HB_TYPE_FINDING_ITEM, NULL);
  self->finding = finding;
  self->result = g_ptr_array_ref (result);
  return self;
}

const char *
hb_finding_item_get_heading (HbFindingItem *self)
{
  g_return_val_if_fail (HB_IS_FINDING_ITEM (self), NULL);

  return self->heading;
}

const HbPostFinding *
hb_finding_item_get_finding (HbFindingItem *self)
{
  g_return_val_if_fail (HB_IS_FINDING_ITEM (self), NULL);

  return self->finding;
}
