/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-finding-item.h — one row of the findings list: a clause heading or
 * a finding. */
#pragma once

#include <glib-object.h>

#include "hb-post-lint.h"

G_BEGIN_DECLS

#define HB_TYPE_FINDING_ITEM (hb_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (HbFindingItem, hb_finding_item, HB, FINDING_ITEM, GObject)

HbFindingItem       *hb_finding_item_new_heading (const char          *text);
HbFindingItem       *hb_finding_item_new         (const HbPostFinding *finding,
                                                  GPtrArray           *result);
const char          *hb_finding_item_get_heading (HbFindingItem       *self);
const HbPostFinding *hb_finding_item_get_finding (HbFindingItem       *self);

G_END_DECLS
