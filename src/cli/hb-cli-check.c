/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-check.c — `hebahan-cli check DRAFT`: prints a draft's checklist status (docs/cli.md). */
#include "config.h"

#include "hb-cli-check.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-cli-common.h"
#include "hb-media-measure.h"
#include "hb-checklist.h"
#include "hb-draft.h"
#include "hb-json.h"

/* Exit status: 0 the checklist is complete, 1 it is not, 2 bad usage or
 * an unreadable draft or pack, with a one-line reason on stderr. */
#define EXIT_INCOMPLETE EXIT_FINDINGS

/* ------------------------------------------------------------------ */
/* JSON                                                                */

static void
add_answer_members (JsonBuilder         *b,
                    const HbCheckStatus *s)
{
  g_autofree char *when = s->when ? g_date_time_format (s->when, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

  hb_json_add_string_member (b, "who", s->who);
  hb_json_add_string_member (b, "when", when);
  hb_json_add_string_member (b, "note", s->note);
  json_builder_set_member_name (b, "dates");
  if (s->dates == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  for (guint i = 0; s->dates[i]; i++)
    json_builder_add_string_value (b, s->dates[i]);
  json_builder_end_array (b);
}

/* "automatic": what the item's check found, or null without one. */
static void
add_automatic_member (JsonBuilder         *b,
                      const HbCheckStatus *s)
{
  json_builder_set_member_name (b, "automatic");
  if (!s->automatic)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "passed");
  json_builder_add_boolean_value (b, s->auto_passed);
  hb_json_add_string_member (b, "result", s->auto_result);
  json_builder_end_object (b);
}

static void
add_status (JsonBuilder         *b,
            const HbCheckStatus *s,
            HbLang               lang)
{
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "id", s->item->id);
  hb_json_add_string_member (b, "clause", s->item->clause);
  hb_json_add_string_member (b, "kind", s->item->kind == HB_CHECK_AUTO ? "auto" : "confirm");
  hb_json_add_string_member (b, "state", hb_item_state_to_string (s->state));
  json_builder_set_member_name (b, "complete");
  json_builder_add_boolean_value (b, s->complete);
  hb_json_add_string_member (b, "label", s->item->label[lang]);
  hb_json_add_string_member (b, "reason", s->reason);
  add_automatic_member (b, s);
  add_answer_members (b, s);
  json_builder_end_object (b);
}

static void
print_json (GPtrArray *statuses,
            HbLang     lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "complete");
  json_builder_add_boolean_value (b, hb_checklist_is_complete (statuses));
  json_builder_set_member_name (b, "n_complete");
  json_builder_add_int_value (b, hb_checklist_n_complete (statuses));
  json_builder_set_member_name (b, "n_items");
  json_builder_add_int_value (b, hb_checklist_n_items (statuses));
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < statuses->len; i++)
    add_status (b, statuses->pdata[i], lang);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  hb_cli_print_json (root, TRUE);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static const char *
state_label (HbItemState state)
{
  switch (state)
    {
    case HB_ITEM_PASS: return _("pass");
    case HB_ITEM_FAIL: return _("fail");
    case HB_ITEM_OVERRIDDEN: return _("overridden");
    case HB_ITEM_UNANSWERED: return _("unanswered");
    case HB_ITEM_CONFIRMED: return _("confirmed");
    case HB_ITEM_STALE: return _("confirm again");
    case HB_ITEM_NOT_APPLICABLE: return _("not applicable");
    case HB_ITEM_PENDING: return _("not checked yet");
    default: g_return_val_if_reached ("");
    }
}

/* The second line: who answered and when, the evidence, and why the
 * item fails or needs confirming again; NULL when there is nothing. */
static char *
detail_line (const HbCheckStatus *s)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = s->when ? g_date_time_format (s->when, "%Y-%m-%d %H:%M") : NULL;

  if (s->who)
    g_ptr_array_add (parts, when ? g_strdup_printf ("%s, %s", s->who, when) : g_strdup (s->who));
  if (s->note)
    g_ptr_array_add (parts, g_strdup (s->note));
  if (s->dates && s->dates[0])
    g_ptr_array_add (parts, g_strjoinv (", ", s->dates));
  if (s->automatic && s->auto_passed && s->auto_result)
    /* TRANSLATORS: what the software checked, e.g. "automatic: No rumour markers found" */
    g_ptr_array_add (parts, g_strdup_printf (_("automatic: %s"), s->auto_result));
  if (s->reason)
    g_ptr_array_add (parts, g_strdup (s->reason));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" — ", (char **) parts->pdata);
}

static void
print_text (GPtrArray *statuses,
            HbLang     lang)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      const HbCheckStatus *s = statuses->pdata[i];
      g_autofree char *detail = detail_line (s);

      g_print ("%-16s %s [%s] %s\n", state_label (s->state), s->item->id, s->item->clause,
               s->item->label[lang]);
      if (detail)
        g_print ("%-16s %s\n", "", detail);
    }
  /* TRANSLATORS: the checklist's progress, e.g. "12 of 18 complete" */
  g_print (_("%u of %u complete\n"), hb_checklist_n_complete (statuses),
           hb_checklist_n_items (statuses));
}

/* ------------------------------------------------------------------ */

static gboolean
parse_options (int     *argc,
               char  ***argv,
               char   **lang_name,
               char   **format,
               char   **policy_path,
               char  ***files,
               GError **error)
{
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, lang_name, N_("Language of labels and reasons (ms or en)"), "LANG" },
    { "format", 0, 0, G_OPTION_ARG_STRING, format, N_("Output format (text or json)"), "FORMAT" },
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, policy_path, N_("Policy pack to use"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, files, NULL, "DRAFT" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— show the checklist status of a draft"));

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (ctx, argc, argv, error);
}

/**
 * hb_cli_check:
 * @argv: the arguments from "check" on (argv[0] is "check")
 *
 * Returns: the exit status
 */
int
hb_cli_check (int    argc,
              char **argv)
{
  g_autofree char *lang_name = NULL, *format = NULL, *policy_path = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = NULL;
  g_autoptr(HbPost) post = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  HbLang lang = hb_lang_default ();

  if (!parse_options (&argc, &argv, &lang_name, &format, &policy_path, &files, &error))
    return hb_cli_fail ("%s", error->message);
  if (lang_name && !hb_lang_from_string (lang_name, &lang))
    return hb_cli_fail (_("unknown language “%s” (use ms or en)"), lang_name);
  if (format && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    return hb_cli_fail (_("unknown format “%s” (use text or json)"), format);
  if (files == NULL || g_strv_length (files) != 1)
    return hb_cli_fail (_("check takes one draft file"));

  if ((policy = hb_cli_load_policy (policy_path, &error)) == NULL)
    return hb_cli_fail ("%s: %s", policy_path, error->message);
  file = g_file_new_for_commandline_arg (files[0]);
  if ((post = hb_draft_load (file, NULL, &error)) != NULL)
    hb_post_measure_media (post, NULL);  /* the window's media findings, as it has them */
  if (post == NULL)
    return hb_cli_fail ("%s: %s", files[0], error->message);
  statuses = hb_checklist_evaluate (policy, post, NULL, lang);
  if (g_strcmp0 (format, "json") == 0)
    print_json (statuses, lang);
  else
    print_text (statuses, lang);
  return hb_checklist_is_complete (statuses) ? EXIT_SUCCESS : EXIT_INCOMPLETE;
}
