/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-policy.c — `hebahan-cli policy validate FILE` and `policy fetch
 * URL`.  validate checks a pack and says what it holds (0 valid, 1 not).
 * fetch fetches the council's
 * policy pack, validates it and caches it exactly as the app does
 * (src/net/hb-policy-update.c), so that a pack on the server can be tried,
 * and the cache filled, from a script.
 *
 * Exit status: 0 updated or not modified, 1 the server's pack was rejected
 * as invalid, 2 bad usage or a network failure; failures give a one-line
 * reason on stderr that names the pack still in use. */
#include "config.h"

#include "hb-cli-policy.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-cli-common.h"
#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-json.h"
#include "hb-net-fetch.h"
#include "hb-policy-cache.h"
#include "hb-policy-update.h"

typedef struct
{
  HbPolicy              *policy;
  HbPolicyUpdateOutcome  outcome;
  GError                *error;
} FetchRun;

/* "the built-in pack", "the last fetched pack" or the file's path. */
static const char *
describe_source (HbPolicy *policy)
{
  switch (hb_policy_get_source (policy))
    {
    case HB_POLICY_SOURCE_BUILTIN: return _("the built-in pack");
    case HB_POLICY_SOURCE_FETCHED: return _("the last fetched pack");
    case HB_POLICY_SOURCE_USER:
    case HB_POLICY_SOURCE_FILE:
    default: return hb_policy_get_origin (policy);
    }
}

/* {"outcome", "url", "fetched": {id, version, sha256, etag},
 *  "policy": {id, version, source}} — "policy" is the pack in use, as in
 * the output of `lint`. */
static void
print_json (const char              *url,
            const FetchRun          *run,
            const HbPolicyCacheInfo *info)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  hb_json_add_string_member (b, "outcome",
                             run->outcome == HB_POLICY_UPDATE_UPDATED ? "updated" : "not-modified");
  hb_json_add_string_member (b, "url", url);
  json_builder_set_member_name (b, "fetched");
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "id", info->id);
  hb_json_add_string_member (b, "version", info->version);
  hb_json_add_string_member (b, "sha256", info->sha256);
  hb_json_add_string_member (b, "etag", info->etag);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "policy");
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "id", hb_policy_get_id (run->policy));
  hb_json_add_string_member (b, "version", hb_policy_get_version (run->policy));
  hb_json_add_string_member (b, "source",
                             hb_policy_source_to_string (hb_policy_get_source (run->policy)));
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  hb_cli_print_json (root, TRUE);
}

static void
print_text (const char              *url,
            const FetchRun          *run,
            const HbPolicyCacheInfo *info)
{
  if (run->outcome == HB_POLICY_UPDATE_UPDATED)
    g_print (_("Updated to %s %s from %s\n"), info->id, info->version, url);
  else
    g_print (_("Not modified: %s %s from %s is current\n"), info->id, info->version, url);
  if (hb_policy_get_source (run->policy) != HB_POLICY_SOURCE_FETCHED)
    g_print (_("In use instead: %s %s from %s, which takes precedence\n"),
             hb_policy_get_id (run->policy), hb_policy_get_version (run->policy),
             describe_source (run->policy));
}

/* The one-line reason, naming the pack that stays in use. */
static int
report_failure (const GError *error)
{
  g_autoptr(HbPolicy) active = hb_policy_load_default (NULL);

  hb_cli_fail (_("%s; still using %s %s, %s"), error->message, hb_policy_get_id (active),
               hb_policy_get_version (active), describe_source (active));
  return g_error_matches (error, HB_ERROR, HB_ERROR_INVALID_POLICY) ? EXIT_FINDINGS : EXIT_USAGE;
}

static int
run_update (const char *url,
            gboolean    json)
{
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HbPolicyCacheInfo) info = NULL;
  FetchRun run = { NULL, 0, NULL };
  int status;

  /* No cancellable: Ctrl+C ends a fetch the way it always has. */
  hb_policy_update_async (session, url, NULL, NULL, hb_cli_ready, &result);
  run.policy = hb_policy_update_finish (hb_cli_wait (&result, NULL), &run.outcome, &run.error);
  if (run.policy == NULL)
    {
      status = report_failure (run.error);
      g_clear_error (&run.error);
      return status;
    }
  /* What was fetched, even when the user's own pack is the one in use. */
  if ((info = hb_policy_cache_info_load (&run.error)) == NULL)
    {
      status = hb_cli_fail ("%s", run.error ? run.error->message : _("the fetched pack was not recorded"));
      g_clear_error (&run.error);
      g_object_unref (run.policy);
      return status;
    }
  if (json)
    print_json (url, &run, info);
  else
    print_text (url, &run, info);
  g_object_unref (run.policy);
  return EXIT_SUCCESS;
}

int
hb_cli_policy_fetch (int    argc,
                     char **argv)
{
  g_autofree char *format = NULL;
  g_auto(GStrv) urls = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (text or json)"), "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &urls, NULL, "URL" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— fetch, validate and cache the policy pack at URL"));
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return hb_cli_fail ("%s", error->message);
  if (format && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    return hb_cli_fail (_("unknown format “%s” (use text or json)"), format);
  if (urls == NULL || g_strv_length (urls) != 1)
    return hb_cli_fail (_("usage: %s policy fetch [--format text|json] URL"), HB_CLI_PROG);
  /* A mistyped address is bad usage, not a failed update to remember. */
  if (!hb_net_url_check (urls[0], FALSE, &error))
    return hb_cli_fail ("%s", error->message);
  return run_update (urls[0], g_strcmp0 (format, "json") == 0);
}

int
hb_cli_policy (int    argc,
            char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = NULL;

  if (argc >= 2 && strcmp (argv[1], "fetch") == 0)
    return hb_cli_policy_fetch (argc - 1, argv + 1);
  if (argc != 3 || strcmp (argv[1], "validate") != 0)
    return hb_cli_fail (_("usage: %s policy validate FILE | policy fetch URL"), HB_CLI_PROG);
  file = g_file_new_for_commandline_arg (argv[2]);
  if (!hb_file_check_regular (file, 16 * 1024 * 1024, NULL, &error) ||
      (bytes = g_file_load_bytes (file, NULL, NULL, &error)) == NULL)
    return hb_cli_fail ("%s: %s", argv[2], error->message);

  problems = hb_policy_check_bytes (bytes);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s: %s\n", argv[2], (const char *) problems->pdata[i]);
  if (problems->len > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u problem\n", "%s: %u problems\n", problems->len),
               argv[2], problems->len);
      return EXIT_FINDINGS;
    }
  policy = hb_policy_new_from_bytes (bytes, &error);
  g_print (_("%s: valid (%s %s: %u clauses, %u checklist items, %u rules)\n"), argv[2],
           hb_policy_get_id (policy), hb_policy_get_version (policy),
           hb_policy_get_n_clauses (policy), hb_policy_get_n_checklist (policy),
           hb_policy_get_n_rules (policy));
  return EXIT_SUCCESS;
}
