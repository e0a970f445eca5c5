/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-signoff.c — `hebahan-cli signoff`: the sign-off sheet of a draft as a PDF. */
#include "config.h"

#include <glib/gi18n.h>

#include "hb-checklist.h"
#include "hb-cli-common.h"
#include "hb-cli-signoff.h"
#include "hb-draft.h"
#include "hb-post-lint.h"
#include "hb-signoff.h"

/* The sheet printed before export: the bundle does not exist yet, so the
 * manifest digest reads "not exported yet". */
static int
write_signoff (HbPost     *post,
               const char *draft,
               const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = hb_cli_load_policy (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL, statuses = NULL;
  g_autoptr(HbSignoff) signoff = NULL;

  if ((findings = hb_post_lint (policy, post, &error)) == NULL)
    return hb_cli_fail ("%s: %s", draft, error->message);
  statuses = hb_checklist_evaluate (policy, post, findings, hb_post_get_language (post));
  signoff = hb_signoff_new (policy, post, statuses, findings, NULL);
  if (!hb_signoff_write_pdf (signoff, output, &error))
    return hb_cli_fail ("%s", error->message);
  return EXIT_SUCCESS;
}

int
hb_cli_signoff (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("PDF file to write"), "FILE.pdf" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "DRAFT" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— write the sign-off sheet of a draft"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(HbPost) post = NULL;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return hb_cli_fail ("%s", error->message);
  if (files == NULL || g_strv_length (files) != 1)
    return hb_cli_fail (_("usage: %s signoff DRAFT --output FILE.pdf"), g_get_prgname () ? g_get_prgname () : "hebahan-cli");
  if (output == NULL || *output == '\0')
    return hb_cli_fail (_("signoff needs --output FILE.pdf"));

  /* Media paths in the draft resolve against the draft's own folder. */
  file = g_file_new_for_commandline_arg (files[0]);
  if ((post = hb_draft_load (file, NULL, &error)) == NULL)
    return hb_cli_fail ("%s", error->message);
  return write_signoff (post, files[0], output);
}
