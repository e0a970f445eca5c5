/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-site-check.c — `hebahan-cli site-check` (see hb-cli-site-check.h). */
#include "config.h"

#include "hb-cli-site-check.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-cli-common.h"
#include "hb-draft.h"
#include "hb-json.h"
#include "hb-site-check.h"

#define EXIT_NOT_FOUND EXIT_FINDINGS

/* A string from the app's settings, when its schema is installed (the
 * CLI may run where the app is not); NULL otherwise or when empty. */
static char *
setting (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  value = g_strstrip (g_settings_get_string (settings, key));
  return *value ? g_steal_pointer (&value) : NULL;
}

static HbSiteCheckResult *
run_site_check (const char           *url,
                const HbSiteQuery    *query,
                const HbFetchOptions *limits,
                GError              **error)
{
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  hb_site_check_async (session, url, query, limits, cancellable, hb_cli_ready, &result);
  return hb_site_check_finish (hb_cli_wait (&result, cancellable), error);
}

static void
print_site_text (const HbSiteCheckResult *result,
                 const HbSiteQuery       *query,
                 gboolean                 recorded)
{
  if (result->match)
    {
      g_print (_("found: %s — %s\n"), result->match->title, result->match->url);
      if (recorded)
        g_print (_("recorded as the evidence of “%s”\n"), HB_SITE_CHECK_ITEM);
      return;
    }
  if (query->date)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "not found: none of the %u entry at %s names “%s” on %s\n",
                          "not found: none of the %u entries at %s names “%s” on %s\n",
                          result->n_entries),
             result->n_entries, result->listing_url, query->name, query->date);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "not found: none of the %u entry at %s names “%s”\n",
                          "not found: none of the %u entries at %s names “%s”\n",
                          result->n_entries),
             result->n_entries, result->listing_url, query->name);
}

static void
print_site_json (const HbSiteCheckResult *result,
                 const HbSiteQuery       *query,
                 gboolean                 recorded)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  hb_json_add_string_member (b, "listing", result->listing_url);
  json_builder_set_member_name (b, "entries");
  json_builder_add_int_value (b, result->n_entries);
  json_builder_set_member_name (b, "query");
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "name", query->name);
  hb_json_add_string_member (b, "date", query->date);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "found");
  json_builder_add_boolean_value (b, result->match != NULL);
  json_builder_set_member_name (b, "match");
  if (result->match)
    {
      json_builder_begin_object (b);
      hb_json_add_string_member (b, "title", result->match->title);
      hb_json_add_string_member (b, "url", result->match->url);
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, result->match->score);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "recorded");
  json_builder_add_boolean_value (b, recorded);
  json_builder_end_object (b);
  {
    g_autoptr(JsonNode) root = json_builder_get_root (b);

    hb_cli_print_json (root, TRUE);
  }
}

/* The match as the 8.b item's evidence, saved into the draft. */
static gboolean
record_match (const HbSiteMatch  *match,
              HbPost             *post,
              GFile              *file,
              const char         *policy_path,
              const char         *who,
              GError            **error)
{
  g_autoptr(HbPolicy) policy = hb_cli_load_policy (policy_path, error);

  return policy != NULL && hb_site_match_record (match, post, policy, who, error) &&
         hb_draft_save (post, file, NULL, error);
}

typedef struct
{
  char    *url;
  char    *format;
  char    *who;
  char    *policy_path;
  double   seconds;
  gboolean record;
  char   **files;
} SiteOptions;

static void
site_options_clear (SiteOptions *o)
{
  g_free (o->url);
  g_free (o->format);
  g_free (o->who);
  g_free (o->policy_path);
  g_strfreev (o->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SiteOptions, site_options_clear)

static gboolean
parse_site_options (int          *argc,
                    char       ***argv,
                    SiteOptions  *o,
                    GError      **error)
{
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &o->url, N_("News listing of the official website (RSS, Atom or a web page)"), "URL" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o->format, N_("Output format (text or json)"), "FORMAT" },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &o->seconds, N_("Seconds to wait for the website (default 15)"), "SECONDS" },
    { "record", 0, 0, G_OPTION_ARG_NONE, &o->record, N_("Record the page found as the checklist’s evidence, in the draft"), NULL },
    { "who", 0, 0, G_OPTION_ARG_STRING, &o->who, N_("Officer recording it (default: the name set in Preferences)"), "NAME" },
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, &o->policy_path, N_("Policy pack to use"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, "DRAFT" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— look for a draft’s announcement on the official website"));

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (ctx, argc, argv, error);
}

/* Checks the options that need no file; the reason, or NULL. */
static char *
site_usage_problem (SiteOptions *o)
{
  if (o->format && g_strcmp0 (o->format, "text") != 0 && g_strcmp0 (o->format, "json") != 0)
    return g_strdup_printf (_("unknown format “%s” (use text or json)"), o->format);
  if (o->files == NULL || g_strv_length (o->files) != 1)
    return g_strdup (_("site-check takes one draft file"));
  if (o->url == NULL && (o->url = setting ("site-listing-url")) == NULL)
    return g_strdup (_("no news listing to search: give --url URL, or set it in Preferences"));
  if (o->record && o->who == NULL && (o->who = setting ("officer-name")) == NULL)
    return g_strdup (_("--record needs the officer’s name: give --who NAME, or set it in Preferences"));
  return NULL;
}

int
hb_cli_site_check (int    argc,
                   char **argv)
{
  g_auto(SiteOptions) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(HbPost) post = NULL;
  g_autoptr(HbSiteQuery) query = NULL;
  g_autoptr(HbSiteCheckResult) result = NULL;
  g_autofree char *problem = NULL;
  HbFetchOptions limits;
  gboolean recorded = FALSE;

  if (!parse_site_options (&argc, &argv, &o, &error) || !hb_cli_timeout_limits (o.seconds, &limits, &error))
    return hb_cli_fail ("%s", error->message);
  if ((problem = site_usage_problem (&o)) != NULL)
    return hb_cli_fail ("%s", problem);
  file = g_file_new_for_commandline_arg (o.files[0]);
  if ((post = hb_draft_load (file, NULL, &error)) == NULL ||
      (query = hb_site_query_new_for_post (post, &error)) == NULL)
    return hb_cli_fail ("%s: %s", o.files[0], error->message);
  if ((result = run_site_check (o.url, query, &limits, &error)) == NULL)
    return hb_cli_fail ("%s", error->message);
  if (result->match && o.record)
    {
      if (!record_match (result->match, post, file, o.policy_path, o.who, &error))
        return hb_cli_fail ("%s: %s", o.files[0], error->message);
      recorded = TRUE;
    }
  if (g_strcmp0 (o.format, "json") == 0)
    print_site_json (result, query, recorded);
  else
    print_site_text (result, query, recorded);
  return result->match ? EXIT_SUCCESS : EXIT_NOT_FOUND;
}
