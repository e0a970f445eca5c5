/* hb-cli-net.c — `hebahan-cli links` and `hebahan-cli site-check` (see hb-cli-net.h). */
#include "hb-cli-net.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "hb-caption.h"
#include "hb-cli-common.h"
#include "hb-draft.h"
#include "hb-json.h"
#include "hb-link-check.h"
#include "hb-links.h"
#include "hb-site-check.h"

#define EXIT_BROKEN    EXIT_FINDINGS
#define EXIT_NOT_FOUND EXIT_FINDINGS

#define SCHEMA_ID "my.gov.mpkk.Hebahan"

/* ------------------------------------------------------------------ */
/* Waiting for the network                                             */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static gboolean
interrupted_cb (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until wait_cb; Ctrl+C cancels. */
static void
wait_run (Wait         *wait,
          GCancellable *cancellable)
{
  guint id = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);

  g_main_loop_run (wait->loop);
  g_source_remove (id);
}

static void
wait_clear (Wait *wait)
{
  g_clear_pointer (&wait->loop, g_main_loop_unref);
  g_clear_object (&wait->result);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wait, wait_clear)

/* --timeout SECONDS (fractions allowed): each request's deadline. */
static gboolean
timeout_limits (double           seconds,
                HbFetchOptions  *limits,
                GError         **error)
{
  memset (limits, 0, sizeof *limits);
  if (seconds == 0)
    return TRUE;
  if (seconds < 0.1 || seconds > 600)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--timeout takes seconds from 0.1 to 600"));
      return FALSE;
    }
  limits->deadline_ms = (guint) (seconds * 1000);
  return TRUE;
}

static void
print_json (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *out = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  out = json_generator_to_data (gen, NULL);
  g_print ("%s\n", out);
}

/* ------------------------------------------------------------------ */
/* links                                                               */

/* An address, where it is first written. */
typedef struct
{
  HbLink     *link;
  const char *text;      /* the text it is in */
  const char *platform;  /* a platform's own caption, or NULL */
  gboolean    shortener;
} Place;

static void
place_free (gpointer data)
{
  Place *place = data;

  hb_link_free (place->link);
  g_free (place);
}

/* The host names of the pack's link-shortener rules. */
static gboolean
is_shortener (HbPolicy   *policy,
              const char *host)
{
  for (guint i = 0; i < hb_policy_get_n_rules (policy); i++)
    {
      const HbRule *rule = hb_policy_get_rule (policy, i);

      if (g_strcmp0 (hb_rule_get_post_check (rule), "link-shortener") == 0 &&
          hb_link_host_in (host, hb_rule_get_hosts (rule)))
        return TRUE;
    }
  return FALSE;
}

static void
add_places (GPtrArray  *places,
            HbPolicy   *policy,
            const char *text,
            const char *platform)
{
  g_autoptr(GPtrArray) links = hb_links_find (text, -1);

  for (guint i = 0; i < links->len; i++)
    {
      HbLink *link = links->pdata[i];
      Place *place;
      gboolean seen = FALSE;

      for (guint k = 0; k < places->len && !seen; k++)
        seen = g_str_equal (((Place *) places->pdata[k])->link->url, link->url);
      if (seen)
        continue;
      place = g_new0 (Place, 1);
      place->link = g_steal_pointer (&links->pdata[i]);
      place->text = text;
      place->platform = platform;
      place->shortener = is_shortener (policy, link->host);
      g_ptr_array_add (places, place);
    }
}

/* What a draft publishes: its composed caption and the selected
 * platforms' own captions.  The texts live as long as @post and @caption. */
static void
draft_places (GPtrArray *places,
              HbPolicy  *policy,
              HbPost    *post,
              HbCaption *caption)
{
  const char * const *ids = hb_platform_ids ();

  add_places (places, policy, caption->text, NULL);
  for (guint i = 0; ids[i]; i++)
    if (hb_post_has_platform (post, ids[i]) && hb_post_get_caption_override (post, ids[i]))
      add_places (places, policy, hb_post_get_caption_override (post, ids[i]), ids[i]);
}

static GPtrArray *
check_all (GPtrArray            *places,
           const HbFetchOptions *limits,
           GError              **error)
{
  g_autoptr(SoupSession) session = hb_net_session_new ();
  g_autoptr(HbLinkCache) cache = hb_link_cache_new (0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();
  g_auto(Wait) wait = { g_main_loop_new (NULL, FALSE), NULL };

  for (guint i = 0; i < places->len; i++)
    g_ptr_array_add (urls, ((Place *) places->pdata[i])->link->url);
  g_ptr_array_add (urls, NULL);
  hb_link_check_all_async (session, cache, (const char * const *) urls->pdata, 0, limits,
                           cancellable, wait_cb, &wait);
  wait_run (&wait, cancellable);
  return hb_link_check_all_finish (wait.result, error);
}

/* "broken", "works, plain HTTP, link shortener"… */
static char *
verdict_label (const HbLinkStatus *s,
               const Place        *place)
{
  GString *label = g_string_new (s->state == HB_LINK_BROKEN ? _("broken")
                                 : s->state == HB_LINK_REDIRECTS_TO_HTTP ? _("redirects to plain HTTP")
                                 : _("works"));

  if (place->link->insecure)
    g_string_append_printf (label, ", %s", _("plain HTTP"));
  if (place->shortener)
    g_string_append_printf (label, ", %s", _("link shortener"));
  return g_string_free (label, FALSE);
}

/* "FILE:line:col", or "FILE (caption for x):line:col". */
static char *
place_location (const char  *name,
                const Place *place)
{
  const char *p = place->text;
  guint line = 1, col = 1;

  for (guint cp = 0; cp < place->link->start && *p; cp++, p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        line++, col = 1;
      else
        col++;
    }
  if (place->platform)
    return g_strdup_printf (_("%s (caption for %s):%u:%u"), name, place->platform, line, col);
  return g_strdup_printf ("%s:%u:%u", name, line, col);
}

/* What follows the address: where it leads, or why it is broken. */
static char *
verdict_detail (const HbLinkStatus *s)
{
  if (s->state == HB_LINK_BROKEN)
    return g_strdup_printf (" (%s)", s->reason);
  if (s->state == HB_LINK_REDIRECTS_TO_HTTP)
    return g_strdup_printf (" → %s", s->reason);
  if (s->final_url && g_strcmp0 (s->final_url, s->url) != 0)
    return g_strdup_printf (" → %s (%u)", s->final_url, s->status);
  return g_strdup_printf (" (%u)", s->status);
}

static guint
print_links_text (const char *name,
                  GPtrArray  *places,
                  GPtrArray  *statuses)
{
  guint broken = 0;

  for (guint i = 0; i < places->len; i++)
    {
      const Place *place = places->pdata[i];
      const HbLinkStatus *s = statuses->pdata[i];
      g_autofree char *where = place_location (name, place);
      g_autofree char *detail = verdict_detail (s);
      g_autofree char *verdict = verdict_label (s, place);

      broken += s->state == HB_LINK_BROKEN;
      g_print ("%s: %s: %s%s\n", where, verdict, place->link->text, detail);
    }
  /* TRANSLATORS: the last line of `links`, e.g. "post.txt: 5 links, 1 broken" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u link, %u broken\n", "%s: %u links, %u broken\n",
                        places->len),
           name, places->len, broken);
  return broken;
}

static void
add_link_json (JsonBuilder        *b,
               const Place        *place,
               const HbLinkStatus *s,
               gboolean            draft)
{
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "url", s->url);
  hb_json_add_string_member (b, "text", place->link->text);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, place->link->start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, place->link->end);
  hb_json_add_string_member (b, "source",
                             place->platform ? place->platform : draft ? "caption" : "text");
  hb_json_add_string_member (b, "verdict", hb_link_state_to_string (s->state));
  json_builder_set_member_name (b, "status");
  if (s->status)
    json_builder_add_int_value (b, s->status);
  else
    json_builder_add_null_value (b);
  hb_json_add_string_member (b, "final_url", s->final_url);
  hb_json_add_string_member (b, "reason", s->reason);
  json_builder_set_member_name (b, "redirects");
  json_builder_add_int_value (b, s->n_redirects);
  json_builder_set_member_name (b, "insecure");
  json_builder_add_boolean_value (b, place->link->insecure);
  json_builder_set_member_name (b, "shortener");
  json_builder_add_boolean_value (b, place->shortener);
  json_builder_end_object (b);
}

static guint
print_links_json (GPtrArray *places,
                  GPtrArray *statuses,
                  gboolean   draft)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint broken = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "links");
  json_builder_begin_array (b);
  for (guint i = 0; i < places->len; i++)
    {
      const HbLinkStatus *s = statuses->pdata[i];

      broken += s->state == HB_LINK_BROKEN;
      add_link_json (b, places->pdata[i], s, draft);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "broken");
  json_builder_add_int_value (b, broken);
  json_builder_end_object (b);
  print_json (b);
  return broken;
}

/* Loads FILE's addresses into @places: a draft's published captions, or
 * the text itself.  @post and @caption keep the texts alive. */
static gboolean
load_places (const char  *path,
             HbPolicy    *policy,
             GPtrArray   *places,
             HbPost     **post,
             HbCaption  **caption,
             char       **text,
             GError     **error)
{
  g_autoptr(GBytes) input = hb_cli_read_input (path, error);
  gsize len = 0;

  if (input == NULL)
    return FALSE;
  if (hb_cli_is_draft (input))
    {
      g_autoptr(GFile) file = path && strcmp (path, "-") != 0 ? g_file_new_for_commandline_arg (path) : NULL;
      g_autoptr(GFile) base = file ? g_file_get_parent (file) : NULL;

      if ((*post = hb_draft_load_bytes (input, base, error)) == NULL)
        return FALSE;
      *caption = hb_caption_compose (*post, hb_post_get_language (*post));
      draft_places (places, policy, *post, *caption);
      return TRUE;
    }
  *text = hb_cli_text_of_input (input, &len);
  if (!g_utf8_validate (*text, len, NULL))
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("The input is not valid UTF-8 text"));
      return FALSE;
    }
  add_places (places, policy, *text, NULL);
  return TRUE;
}

int
hb_cli_links (int    argc,
              char **argv)
{
  g_autofree char *format = NULL, *policy_path = NULL, *text = NULL;
  g_auto(GStrv) files = NULL;
  double seconds = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (text or json)"), "FORMAT" },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &seconds, N_("Seconds to wait for each server (default 10)"), "SECONDS" },
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, &policy_path, N_("Policy pack to use"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE|DRAFT" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— check every link of a post"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = NULL;
  g_autoptr(HbPost) post = NULL;
  g_autoptr(HbCaption) caption = NULL;
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (place_free);
  g_autoptr(GPtrArray) statuses = NULL;
  HbFetchOptions limits;
  const char *name;
  guint broken;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || !timeout_limits (seconds, &limits, &error))
    return hb_cli_fail ("%s", error->message);
  if (format && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    return hb_cli_fail (_("unknown format “%s” (use text or json)"), format);
  if (files && g_strv_length (files) > 1)
    return hb_cli_fail (_("links takes one file"));
  name = files ? files[0] : "-";
  if ((policy = hb_cli_load_policy (policy_path, &error)) == NULL)
    return hb_cli_fail ("%s: %s", policy_path, error->message);
  if (!load_places (files ? files[0] : NULL, policy, places, &post, &caption, &text, &error))
    return hb_cli_fail ("%s: %s", name, error->message);
  if ((statuses = check_all (places, &limits, &error)) == NULL)
    return hb_cli_fail ("%s: %s", name, error->message);
  if (g_strcmp0 (format, "json") == 0)
    broken = print_links_json (places, statuses, post != NULL);
  else
    broken = print_links_text (name, places, statuses);
  return broken > 0 ? EXIT_BROKEN : EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* site-check                                                          */

/* A string from the app's settings, when its schema is installed (the
 * CLI may run where the app is not); NULL otherwise or when empty. */
static char *
setting (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;
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
  g_auto(Wait) wait = { g_main_loop_new (NULL, FALSE), NULL };

  hb_site_check_async (session, url, query, limits, cancellable, wait_cb, &wait);
  wait_run (&wait, cancellable);
  return hb_site_check_finish (wait.result, error);
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
  print_json (b);
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

  if (!parse_site_options (&argc, &argv, &o, &error) || !timeout_limits (o.seconds, &limits, &error))
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
