/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-lint.c — `hebahan-cli lint` (see hb-cli-lint.h). */
#include "config.h"

#include "hb-cli-lint.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "hb-cli-common.h"
#include "hb-media-measure.h"
#include "hb-draft.h"
#include "hb-error.h"
#include "hb-linter.h"
#include "hb-policy.h"
#include "hb-post-lint.h"

/* What a draft finding's "source" says: the field's name, or where in
 * the post's lists it sits. */
static const char *
source_name (guint source)
{
  switch (source)
    {
    case HB_SOURCE_LABEL: return "label";
    case HB_SOURCE_GUEST: return "guest";
    case HB_SOURCE_ALT_TEXT: return "alt-text";
    case HB_SOURCE_MEDIA_CAPTION: return "media-caption";
    case HB_SOURCE_MEDIA: return "media";
    case HB_SOURCE_PLATFORM_CAPTION: return "platform-caption";
    default: return hb_field_to_string (source);
    }
}

static gboolean
source_has_index (guint source)
{
  return source == HB_SOURCE_GUEST || source == HB_SOURCE_ALT_TEXT ||
         source == HB_SOURCE_MEDIA_CAPTION || source == HB_SOURCE_MEDIA ||
         source == HB_SOURCE_PLATFORM_CAPTION;
}

/* The members every finding has (docs/cli.md), inside an open object. */
static void
add_finding_members (JsonBuilder     *b,
                     const HbFinding *f,
                     HbLang           lang)
{
  g_autofree char *suggestion = hb_finding_dup_suggestion (f, lang);

  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, hb_finding_get_rule_id (f));
  json_builder_set_member_name (b, "topic");
  json_builder_add_string_value (b, hb_finding_get_topic (f));
  json_builder_set_member_name (b, "clause");
  json_builder_add_string_value (b, hb_finding_get_clause (f));
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, hb_severity_to_string (hb_finding_get_severity (f)));
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, f->start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, f->end);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, f->text);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, hb_finding_get_message (f, lang));
  json_builder_set_member_name (b, "suggestion");
  if (suggestion)
    json_builder_add_string_value (b, suggestion);
  else
    json_builder_add_null_value (b);
}

/* Plain text: @findings are HbFinding.  Drafts: HbPostFinding, with where
 * each one comes from; caption findings keep start/end in code points of
 * the composed caption, alt-text and media-caption ones in their own text. */
static JsonNode *
findings_to_json (HbPolicy  *policy,
                  GPtrArray *findings,
                  gboolean   post,
                  HbLang     lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "policy");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, hb_policy_get_id (policy));
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, hb_policy_get_version (policy));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = post ? findings->pdata[i] : NULL;

      json_builder_begin_object (b);
      add_finding_members (b, pf ? pf->finding : findings->pdata[i], lang);
      if (pf)
        {
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, source_name (pf->source));
          if (source_has_index (pf->source))
            {
              json_builder_set_member_name (b, "index");
              json_builder_add_int_value (b, pf->index);
            }
          json_builder_set_member_name (b, "acknowledged");
          json_builder_add_boolean_value (b, pf->acknowledged);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
severity_colour (HbSeverity severity,
                 gboolean   colour)
{
  if (!colour)
    return "";
  return severity == HB_SEVERITY_ERROR ? "\033[1;31m" :
         severity == HB_SEVERITY_WARNING ? "\033[1;33m" : "\033[1;36m";
}

static const char *
severity_label (HbSeverity severity)
{
  return severity == HB_SEVERITY_ERROR ? _("error") :
         severity == HB_SEVERITY_WARNING ? _("warning") : _("info");
}

/* line:column for each finding: one walk over the text, findings sorted. */
/* The last line of text output: "FILE: 2 errors, 5 warnings, 1 info". */
static void
print_summary (const char  *name,
               guint        n_findings,
               const guint  counts[3])
{
  if (n_findings == 0)
    g_print (_("%s: no findings\n"), name);
  else
    g_print (_("%s: %u errors, %u warnings, %u info\n"), name,
             counts[HB_SEVERITY_ERROR], counts[HB_SEVERITY_WARNING], counts[HB_SEVERITY_INFO]);
}

static void
print_text (const char *name,
            const char *text,
            GPtrArray  *findings,
            HbLang      lang)
{
  gboolean colour = isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;
  const char *reset = colour ? "\033[0m" : "";
  const char *p = text;
  guint cp = 0, line = 1, col = 1, counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < findings->len; i++)
    {
      const HbFinding *f = findings->pdata[i];
      HbSeverity sev = hb_finding_get_severity (f);
      g_autofree char *suggestion = hb_finding_dup_suggestion (f, lang);

      for (; cp < f->start && *p; cp++, p = g_utf8_next_char (p))
        {
          if (*p == '\n')
            line++, col = 1;
          else
            col++;
        }
      counts[sev]++;
      g_print ("%s:%u:%u: %s%s%s [%s] %s “%s” (%s)\n", name, line, col,
               severity_colour (sev, colour), severity_label (sev), reset,
               hb_finding_get_clause (f), hb_finding_get_message (f, lang), f->text,
               hb_finding_get_rule_id (f));
      if (suggestion)
        g_print ("    %s %s\n", _("suggestion:"), suggestion);
    }
  print_summary (name, findings->len, counts);
}

/* 1-based line and column of code point @offset in @text. */
static void
line_col (const char *text,
          guint       offset,
          guint      *line,
          guint      *col)
{
  const char *p = text;

  *line = 1, *col = 1;
  for (guint cp = 0; cp < offset && *p; cp++, p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        (*line)++, *col = 1;
      else
        (*col)++;
    }
}

/* Where a draft finding is: "FILE:line:col" in the composed caption,
 * "FILE (alt text 2):1:col" in a photo's own text, "FILE (media 2)" for
 * the item itself, or just "FILE" for something missing. */
static char *
draft_location (const char          *name,
                const HbCaption     *caption,
                const HbPostFinding *pf,
                const char          *own_text)
{
  const HbFinding *f = pf->finding;
  guint line, col;

  /* The item itself: its text names platforms, not a stretch of caption. */
  if (pf->source == HB_SOURCE_MEDIA)
    return g_strdup_printf (_("%s (media %u)"), name, pf->index + 1);
  if (f->start == f->end && *f->text == '\0')
    {
      if (pf->source == HB_SOURCE_ALT_TEXT)
        return g_strdup_printf (_("%s (alt text %u)"), name, pf->index + 1);
      return g_strdup (name);
    }
  if (pf->source == HB_SOURCE_PLATFORM_CAPTION)
    {
      line_col (own_text, f->start, &line, &col);
      return g_strdup_printf (_("%s (caption for %s):%u:%u"), name,
                              hb_platform_ids ()[pf->index], line, col);
    }
  if (pf->source == HB_SOURCE_ALT_TEXT || pf->source == HB_SOURCE_MEDIA_CAPTION)
    {
      line_col (own_text, f->start, &line, &col);
      return g_strdup_printf (pf->source == HB_SOURCE_ALT_TEXT ? _("%s (alt text %u):%u:%u")
                                                               : _("%s (media caption %u):%u:%u"),
                              name, pf->index + 1, line, col);
    }
  line_col (caption->text, f->start, &line, &col);
  return g_strdup_printf ("%s:%u:%u", name, line, col);
}

static const char *
media_text (HbPost              *post,
            const HbPostFinding *pf)
{
  g_autoptr(HbMediaItem) item = NULL;

  if (pf->source == HB_SOURCE_PLATFORM_CAPTION)
    return hb_post_get_caption_override (post, hb_platform_ids ()[pf->index]);
  if (pf->source != HB_SOURCE_ALT_TEXT && pf->source != HB_SOURCE_MEDIA_CAPTION)
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (hb_post_get_media (post)), pf->index);
  /* The post keeps the item alive after this reference goes. */
  return pf->source == HB_SOURCE_ALT_TEXT ? hb_media_item_get_alt_text (item)
                                          : hb_media_item_get_caption (item);
}

static void
print_post_text (const char      *name,
                 HbPost          *post,
                 const HbCaption *caption,
                 GPtrArray       *findings,
                 HbLang           lang)
{
  gboolean colour = isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;
  const char *reset = colour ? "\033[0m" : "";
  guint counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];
      const HbFinding *f = pf->finding;
      HbSeverity sev = hb_finding_get_severity (f);
      g_autofree char *where = draft_location (name, caption, pf, media_text (post, pf));
      g_autofree char *suggestion = hb_finding_dup_suggestion (f, lang);
      g_autofree char *quoted = *f->text ? g_strdup_printf (" “%s”", f->text) : g_strdup ("");

      counts[sev]++;
      g_print ("%s: %s%s%s [%s] %s%s (%s)%s\n", where, severity_colour (sev, colour),
               severity_label (sev), reset, hb_finding_get_clause (f),
               hb_finding_get_message (f, lang), quoted, hb_finding_get_rule_id (f),
               pf->acknowledged ? _(" — acknowledged") : "");
      if (suggestion)
        g_print ("    %s %s\n", _("suggestion:"), suggestion);
    }
  print_summary (name, findings->len, counts);
}

/* Warnings and errors block unless the post acknowledges them. */
static gboolean
post_findings_blocking (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const HbPostFinding *pf = findings->pdata[i];

      if (!pf->acknowledged && hb_finding_get_severity (pf->finding) >= HB_SEVERITY_WARNING)
        return TRUE;
    }
  return FALSE;
}

/* A draft is linted whole: the caption the form composes (in the post's
 * language), alt texts, media captions and the pack's post rules.  Media
 * paths resolve against the draft's folder (the current one for stdin). */
static int
lint_draft (HbPolicy   *policy,
            GBytes     *input,
            const char *path,
            const char *format,
            HbLang      lang)
{
  const char *name = path ? path : "-";
  g_autoptr(GFile) base = NULL;
  g_autoptr(HbPost) post = NULL;
  g_autoptr(HbPostSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  if (path && strcmp (path, "-") != 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      base = g_file_get_parent (file);
    }
  else
    {
      g_autofree char *cwd = g_get_current_dir ();
      base = g_file_new_for_path (cwd);
    }
  if ((post = hb_draft_load_bytes (input, base, &error)) == NULL)
    return hb_cli_fail ("%s: %s", name, error->message);
  /* Measured as the window measures them: one verdict everywhere. */
  hb_post_measure_media (post, NULL);
  snapshot = hb_post_snapshot_new (post);
  if ((findings = hb_post_lint_snapshot (policy, snapshot, &error)) == NULL)
    return hb_cli_fail ("%s: %s", name, error->message);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) root = findings_to_json (policy, findings, TRUE, lang);
      hb_cli_print_json (root, TRUE);
    }
  else
    print_post_text (name, post, hb_post_snapshot_get_caption (snapshot), findings, lang);
  return post_findings_blocking (findings) ? EXIT_FINDINGS : EXIT_SUCCESS;
}

int
hb_cli_lint (int    argc,
          char **argv)
{
  g_autofree char *lang_name = NULL, *format = NULL, *policy_path = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_name, N_("Language of messages (ms or en)"), "LANG" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (text or json)"), "FORMAT" },
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, &policy_path, N_("Policy pack to use"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "[FILE|-]" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— check a post against the guideline"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  HbLang lang = hb_lang_default ();
  gsize len = 0;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return hb_cli_fail ("%s", error->message);
  if (lang_name && !hb_lang_from_string (lang_name, &lang))
    return hb_cli_fail (_("unknown language “%s” (use ms or en)"), lang_name);
  if (format && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    return hb_cli_fail (_("unknown format “%s” (use text or json)"), format);
  if (files && g_strv_length (files) > 1)
    return hb_cli_fail (_("lint takes one file"));

  if ((policy = hb_cli_load_policy (policy_path, &error)) == NULL)
    return hb_cli_fail ("%s: %s", policy_path, error->message);
  if ((input = hb_cli_read_input (files ? files[0] : NULL, &error)) == NULL)
    return hb_cli_fail ("%s: %s", files ? files[0] : "-", error->message);
  if (hb_cli_is_draft (input))
    return lint_draft (policy, input, files ? files[0] : NULL, format, lang);
  text = hb_cli_text_of_input (input, &len);
  if ((findings = hb_lint (policy, text, len, &error)) == NULL)
    return hb_cli_fail ("%s: %s", files ? files[0] : "-", error->message);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) root = findings_to_json (policy, findings, FALSE, lang);
      hb_cli_print_json (root, TRUE);
    }
  else
    print_text (files ? files[0] : "-", text, findings, lang);
  return hb_findings_blocking (findings) ? EXIT_FINDINGS : EXIT_SUCCESS;
}

