/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-bundle.c — `hebahan-cli export` and `verify` (docs/cli.md; the bundle is made by src/core/approval/hb-bundle.c).
 *
 * The export runs in a worker thread while the main thread waits in a
 * main loop, so that Ctrl+C cancels it cleanly: hb_bundle_export() then
 * removes what it had written, and nothing half-made is left behind.
 */
#include "config.h"

#include "hb-cli-bundle.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hb-cli-common.h"
#include "hb-media-measure.h"
#include "hb-bundle.h"
#include "hb-draft.h"
#include "hb-error.h"
#include "hb-policy.h"



/* Exports in a worker while the main loop watches for Ctrl+C and
 * SIGTERM, which cancel it: nothing is left behind.  Returns the
 * manifest's digest. */
static char *
run_export (HbPolicy    *policy,
            HbPost      *post,
            const char  *dest,
            gboolean     force,
            GError     **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  hb_bundle_export_async (policy, post, dest, force ? HB_BUNDLE_EXPORT_REPLACE : HB_BUNDLE_EXPORT_NONE,
                          NULL, NULL, NULL, cancellable, hb_cli_ready, &result);
  return hb_bundle_export_finish (hb_cli_wait (&result, cancellable), error);
}

/* The error lists one missing item a line after its first line. */
static int
report_incomplete (const char   *draft,
                   const GError *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  g_printerr ("%s: %s: %s\n", HB_CLI_PROG, draft, lines[0]);
  for (guint i = 1; lines[i]; i++)
    g_printerr ("  %s\n", lines[i]);
  return EXIT_FINDINGS;
}

int
hb_cli_export (int    argc,
               char **argv)
{
  g_autofree char *output = NULL, *policy_path = NULL;
  g_auto(GStrv) files = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Bundle to write: a new folder, or a file ending in .zip"), "PATH" },
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, &policy_path, N_("Policy pack to use"), "FILE" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing .zip"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "DRAFT" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("— export a finished post as a bundle"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HbPolicy) policy = NULL;
  g_autoptr(HbPost) post = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) export_error = NULL;
  g_autofree char *digest = NULL;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return hb_cli_fail ("%s", error->message);
  if (files == NULL || g_strv_length (files) != 1 || output == NULL)
    return hb_cli_fail (_("usage: %s export DRAFT --output PATH[.zip] [--force]"), HB_CLI_PROG);
  if ((policy = hb_cli_load_policy (policy_path, &error)) == NULL)
    return hb_cli_fail ("%s: %s", policy_path, error->message);
  file = g_file_new_for_commandline_arg (files[0]);
  if ((post = hb_draft_load (file, NULL, &error)) == NULL)
    return hb_cli_fail ("%s: %s", files[0], error->message);
  /* The media findings the window would show gate the export here too. */
  hb_post_measure_media (post, NULL);

  if ((digest = run_export (policy, post, output, force, &export_error)) == NULL)
    {
      if (g_error_matches (export_error, HB_ERROR, HB_ERROR_INCOMPLETE))
        return report_incomplete (files[0], export_error);
      if (g_error_matches (export_error, G_IO_ERROR, G_IO_ERROR_EXISTS) && g_str_has_suffix (output, ".zip"))
        return hb_cli_fail (_("%s: add --force to replace it"), export_error->message);
      return hb_cli_fail ("%s", export_error->message);
    }
  g_print ("%s\n", output);
  g_print (_("manifest.json SHA-256: %s\n"), digest);
  return EXIT_SUCCESS;
}

int
hb_cli_verify (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *digest = NULL;

  if (argc != 2 || g_str_has_prefix (argv[1], "-"))
    return hb_cli_fail (_("usage: %s verify BUNDLE"), HB_CLI_PROG);
  if ((problems = hb_bundle_verify_full (argv[1], &digest, &error)) == NULL)
    return hb_cli_fail ("%s: %s", argv[1], error->message);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s: %s\n", argv[1], (const char *) problems->pdata[i]);
  if (problems->len == 0)
    g_print ("OK\n");
  /* Even when something is wrong: an auditor compares it with the signed
   * paper to tell a changed bundle from another post's. */
  if (digest)
    g_print (_("manifest.json SHA-256: %s (compare it with the signed sheet)\n"), digest);
  return problems->len > 0 ? EXIT_FINDINGS : EXIT_SUCCESS;
}
