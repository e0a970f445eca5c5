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

gboolean    hb_lang_from_string     (const char *name,
                                     HbLang     *lang);
const char *hb_lang_to_string       (HbLang      lang);
HbLang      hb_lang_default         (void);

gboolean    hb_severity_from_string (const char *name,
                                     HbSeverity *severity);
const char *hb_severity_to_string   (HbSeverity  severity);

const char *hb_topic_default_clause (const char *topic);
gboolean    hb_topic_is_known       (const char *topic);

G_END_DECLS
