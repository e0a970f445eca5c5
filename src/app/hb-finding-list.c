/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-finding-list.c — a GListModel over the HbPostFinding array of the
 * last lint (see hb-finding-list.h). */
#include "config.h"

#include "hb-finding-list.h"

#include "hb-finding-item.h"

struct _HbFindingList
{
  GObject    parent_instance;
  GPtrArray *findings;   /* HbPostFinding, shared with the document */
};

static GType
hb_finding_list_get_item_type (GListModel *model)
{
  return HB_TYPE_FINDING_ITEM;
}

static guint
hb_finding_list_get_n_items (GListModel *model)
{
  HbFindingList *self = HB_FINDING_LIST (model);

  return self->findings ? self->findings->len : 0;
}

static gpointer
hb_finding_list_get_item (GListModel *model,
                          guint       position)
{
  HbFindingList *self = HB_FINDING_LIST (model);

  if (self->findings == NULL || position >= self->findings->len)
    return NULL;
  return hb_finding_item_new (self->findings->pdata[position], self->findings);
}

static void
hb_finding_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hb_finding_list_get_item_type;
  iface->get_n_items = hb_finding_list_get_n_items;
  iface->get_item = hb_finding_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HbFindingList, hb_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hb_finding_list_model_init))

static void
hb_finding_list_finalize (GObject *object)
{
  HbFindingList *self = HB_FINDING_LIST (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (hb_finding_list_parent_class)->finalize (object);
}

static void
hb_finding_list_class_init (HbFindingListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hb_finding_list_finalize;
}

static void
hb_finding_list_init (HbFindingList *self)
{
}

HbFindingList *
hb_finding_list_new (void)
{
  return g_object_new (HB_TYPE_FINDING_LIST, NULL);
}

/* Replaces every item: a new lint is a new list. */
void
hb_finding_list_set (HbFindingList *self,
                     GPtrArray     *findings)
{
  guint removed, added;

  g_return_if_fail (HB_IS_FINDING_LIST (self));

  removed = self->findings ? self->findings->len : 0;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings ? g_ptr_array_ref (findings) : NULL;
  added = findings ? findings->len : 0;
  if (removed || added)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}
