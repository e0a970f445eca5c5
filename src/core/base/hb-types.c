/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-types.c — languages, severities and the table of topics and the
 * guideline clauses they belong to. */
#include "config.h"

#include "hb-types.h"

#include <string.h>

gboolean
hb_lang_from_string (const char *name,
                     HbLang     *lang)
{
  if (g_strcmp0 (name, "ms") == 0)
    *lang = HB_LANG_MS;
  else if (g_strcmp0 (name, "en") == 0)
    *lang = HB_LANG_EN;
  else
    return FALSE;
  return TRUE;
}

const char *
hb_lang_to_string (HbLang lang)
{
  return lang == HB_LANG_MS ? "ms" : "en";
}

/* Malay when the user's locale is Malay, English otherwise. */
HbLang
hb_lang_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i]; i++)
    {
      if (g_str_has_prefix (names[i], "ms"))
        return HB_LANG_MS;
      if (strcmp (names[i], "C") != 0 && strcmp (names[i], "POSIX") != 0)
        return HB_LANG_EN;
    }
  return HB_LANG_EN;
}

static const char *severities[] = { "info", "warning", "error" };

gboolean
hb_severity_from_string (const char *name,
                         HbSeverity *severity)
{
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    if (g_strcmp0 (name, severities[i]) == 0)
      {
        *severity = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hb_severity_to_string (HbSeverity severity)
{
  return severity < G_N_ELEMENTS (severities) ? severities[severity] : "info";
}

static const char *surenesses[] = { "possible", "likely", "certain" };

gboolean
hb_sureness_from_string (const char *name,
                         HbSureness *sureness)
{
  for (guint i = 0; i < G_N_ELEMENTS (surenesses); i++)
    if (g_strcmp0 (name, surenesses[i]) == 0)
      {
        *sureness = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hb_sureness_to_string (HbSureness sureness)
{
  return sureness < G_N_ELEMENTS (surenesses) ? surenesses[sureness] : "likely";
}

/* The fixed topic vocabulary, with the clause each one enforces first. */
static const struct { const char *topic; const char *clause; } topics[] = {
  { "classified", "6.a.iii" },
  { "personal-data", "6.a.iii" },
  { "religion", "6.a.iii" },
  { "politics", "6.a.iii" },
  { "race", "6.a.iii" },
  { "royalty", "6.a.iii" },
  { "obscene", "6.a.iv" },
  { "defamation", "6.a.v" },
  { "sedition", "6.a.v" },
  { "shaming", "6.a.vi" },
  { "government-image", "6.a.ii" },
  { "unverified", "8.a" },
  { "tone", "8.c" },
  { "spelling", "8.c" },
  { "incomplete", "7.a.iii.2" },
  { "platform", "8.d" },
  { "media", "7.a.iii.6" },
  { "link", "8.b" },
};

const char *
hb_topic_default_clause (const char *topic)
{
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (g_strcmp0 (topic, topics[i].topic) == 0)
      return topics[i].clause;
  return NULL;
}

gboolean
hb_topic_is_known (const char *topic)
{
  return hb_topic_default_clause (topic) != NULL;
}
