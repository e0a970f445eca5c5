/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hebahan-cli.c — the headless front end over the Hebahan core: the table
 * of sub-commands (one file each, hb-cli-*.c) and the usage.
 *
 * The command-line contract (sub-commands, exit codes, JSON fields) is in
 * docs/cli.md: 0 nothing at warning or above, 1 findings at warning or
 * above (or an invalid pack for `policy validate`), 2 bad usage or
 * unreadable input with a one-line reason on stderr.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hb-cli-bundle.h"
#include "hb-cli-check.h"
#include "hb-cli-common.h"
#include "hb-cli-count.h"
#include "hb-cli-links.h"
#include "hb-cli-lint.h"
#include "hb-cli-policy.h"
#include "hb-cli-signoff.h"
#include "hb-cli-site-check.h"

static int
usage (void)
{
  g_printerr (_("Usage:\n"
                "  %s lint [--lang ms|en] [--format text|json] [--policy FILE] [FILE|-]\n"
                "  %s check DRAFT [--format text|json]\n"
                "  %s export DRAFT --output PATH[.zip] [--force]\n"
                "  %s signoff DRAFT --output FILE.pdf\n"
                "  %s verify BUNDLE\n"
                "  %s count --platform ID [FILE|-]\n"
                "  %s policy validate FILE\n"
                "  %s policy fetch [--format text|json] URL\n"
                "  %s links [--format text|json] [--timeout SECONDS] FILE|DRAFT\n"
                "  %s site-check DRAFT [--url URL] [--format text|json] [--record [--who NAME]]\n"),
              HB_CLI_PROG, HB_CLI_PROG, HB_CLI_PROG, HB_CLI_PROG, HB_CLI_PROG, HB_CLI_PROG, HB_CLI_PROG,
              HB_CLI_PROG, HB_CLI_PROG, HB_CLI_PROG);
  return EXIT_USAGE;
}

/* The sub-commands, each in its own file. */
static const struct
{
  const char *name;
  int       (*run) (int    argc,
                    char **argv);
} commands[] = {
  { "lint", hb_cli_lint },
  { "policy", hb_cli_policy },
  { "count", hb_cli_count },
  { "check", hb_cli_check },
  { "export", hb_cli_export },
  { "verify", hb_cli_verify },
  { "signoff", hb_cli_signoff },
  { "links", hb_cli_links },
  { "site-check", hb_cli_site_check },
};

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage ();
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("%s %s\n", HB_CLI_PROG, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      usage ();
      return EXIT_SUCCESS;
    }
  g_printerr (_("%s: unknown command “%s”\n"), HB_CLI_PROG, argv[1]);
  return usage ();
}
