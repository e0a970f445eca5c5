/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-links.c — `hebahan-cli links` (see hb-cli-links.h). */
#include "config.h"

#include "hb-cli-links.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-caption.h"
#include "hb-cli-common.h"
#include "hb-draft.h"
#include "hb-json.h"
#include "hb-link-check.h"
#include "hb-links.h"

#define EXIT_BROKEN EXIT_FINDINGS

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
  g_autoptr(GAsyncResult) result = NULL;

  for (guint i = 0; i < places->len; i++)
    g_ptr_array_add (urls, ((Place *) places->pdata[i])->link->url);
  g_ptr_array_add (urls, NULL);
  hb_link_check_all_async (session, cache, (const char * const *) urls->pdata, 0, limits,
                           cancellable, hb_cli_ready, &result);
  return hb_link_check_all_finish (hb_cli_wait (&result, cancellable), error);
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
  {
    g_autoptr(JsonNode) root = json_builder_get_root (b);

    hb_cli_print_json (root, TRUE);
  }
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
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || !hb_cli_timeout_limits (seconds, &limits, &error))
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

