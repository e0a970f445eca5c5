/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-finding-list.h — the findings of one lint as a list model: each item
 * an HbFindingItem, made when asked for, so a lint with hundreds of
 * findings costs no objects until a view shows them. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HB_TYPE_FINDING_LIST (hb_finding_list_get_type ())
G_DECLARE_FINAL_TYPE (HbFindingList, hb_finding_list, HB, FINDING_LIST, GObject)

HbFindingList *hb_finding_list_new (void);
void           hb_finding_list_set (HbFindingList *self,
                                    GPtrArray     *findings);

G_END_DECLS
