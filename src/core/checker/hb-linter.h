/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-linter.h — checks a text against a policy pack's rules. */
#pragma once

#include "hb-finding.h"
#include "hb-policy.h"
#include "hb-text.h"

G_BEGIN_DECLS

GPtrArray *hb_lint             (HbPolicy   *policy,
                                const char *text,
                                gssize      len,
                                GError    **error);
GPtrArray *hb_lint_text        (HbPolicy     *policy,
                                const HbText *text);
gboolean   hb_findings_blocking (GPtrArray *findings);

G_END_DECLS
