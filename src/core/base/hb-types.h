/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-types.h — small shared vocabularies: languages, severities, topics. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HB_LANG_MS,
  HB_LANG_EN,
  HB_N_LANGS, /*< skip >*/
} HbLang;

typedef enum
{
  HB_SEVERITY_INFO,
  HB_SEVERITY_WARNING,
  HB_SEVERITY_ERROR,
} HbSeverity;

/* How likely a match is a real problem: "possible" (often innocent: the
 * message asks the officer to check), "likely", "certain" (the words alone
 * break the guideline).  Ordered like HbSeverity, which it bounds. */
typedef enum
{
  HB_SURENESS_POSSIBLE,
  HB_SURENESS_LIKELY,
  HB_SURENESS_CERTAIN,
} HbSureness;

gboolean    hb_lang_from_string     (const char *name,
                                     HbLang     *lang);
const char *hb_lang_to_string       (HbLang      lang);
HbLang      hb_lang_default         (void);

gboolean    hb_severity_from_string (const char *name,
                                     HbSeverity *severity);
const char *hb_severity_to_string   (HbSeverity  severity);
gboolean    hb_sureness_from_string (const char *name,
                                     HbSureness *sureness);
const char *hb_sureness_to_string   (HbSureness  sureness);

const char *hb_topic_default_clause (const char *topic);
gboolean    hb_topic_is_known       (const char *topic);

G_END_DECLS
