/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-count.c — `hebahan-cli count` (see hb-cli-count.h). */
#include "config.h"

#include "hb-cli-count.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-caption.h"
#include "hb-cli-common.h"
#include "hb-draft.h"
#include "hb-platforms.h"

/* One final newline (echo, editors) is not part of the post. */
static gsize
without_final_newline (const char *text,
                       gsize       len)
{
  if (len > 0 && text[len - 1] == '\n')
    len--;
  if (len > 0 && text[len - 1] == '\r')
    len--;
  return len;
}

static void
print_count (const char    *platform,
             const HbCount *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "platform");
  json_builder_add_string_value (b, platform);
  json_builder_set_member_name (b, "length");
  json_builder_add_int_value (b, c->length);
  json_builder_set_member_name (b, "limit");
  json_builder_add_int_value (b, c->limit);
  json_builder_set_member_name (b, "valid");
  json_builder_add_boolean_value (b, c->valid);
  json_builder_set_member_name (b, "valid_range");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, 0);
  json_builder_add_int_value (b, c->valid_end);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  /* One line: scripts read it as it comes. */
  hb_cli_print_json (root, FALSE);
}

/* What @platform publishes of a draft: its own caption, else the
 * composed one: the length is the platform's, counted as it counts. */
static char *
draft_caption_for (GBytes            *input,
                   const HbPlatform  *platform,
                   GError           **error)
{
  g_autoptr(HbPost) post = hb_draft_load_bytes (input, NULL, error);
  g_autoptr(HbCaption) caption = NULL;
  const char *own;

  if (post == NULL)
    return NULL;
  if ((own = hb_post_get_caption_override (post, platform->id)) != NULL)
    return g_strdup (own);
  caption = hb_caption_compose (post, hb_post_get_language (post));
  return g_steal_pointer (&caption->text);
}

int
hb_cli_count (int    argc,
           char **argv)
{
  g_autofree char *platform_id = NULL, *text = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "platform", 0, 0, G_OPTION_ARG_STRING, &platform_id, N_("Platform to count for (facebook, instagram, x, youtube, tiktok, threads)"), "ID" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "[FILE|-]" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— count a post as a platform counts it"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  const HbPlatform *platform;
  HbCount count;
  gsize len = 0;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return hb_cli_fail ("%s", error->message);
  if (platform_id == NULL)
    return hb_cli_fail (_("count needs --platform ID"));
  if ((platform = hb_platforms_lookup (hb_platforms_get_default (), platform_id)) == NULL)
    return hb_cli_fail (_("unknown platform “%s”"), platform_id);
  if (files && g_strv_length (files) > 1)
    return hb_cli_fail (_("count takes one file"));
  if ((input = hb_cli_read_input (files ? files[0] : NULL, &error)) == NULL)
    return hb_cli_fail ("%s: %s", files ? files[0] : "-", error->message);
  if (hb_cli_is_draft (input))
    {
      if ((text = draft_caption_for (input, platform, &error)) == NULL)
        return hb_cli_fail ("%s: %s", files ? files[0] : "-", error->message);
      len = strlen (text);
    }
  else
    text = hb_cli_text_of_input (input, &len);
  if (!hb_platform_count (platform, text, without_final_newline (text, len), &count, &error))
    return hb_cli_fail ("%s: %s", files ? files[0] : "-", error->message);
  print_count (platform->id, &count);
  return count.valid ? EXIT_SUCCESS : EXIT_FINDINGS;
}

