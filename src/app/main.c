/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — starts the Hebahan window. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HbApplication) app = NULL;

  /* The language preference must be in place before gettext and the
   * templates read anything. */
  hb_apply_language_setting ();
  setlocale (LC_ALL, "");
  /* HB_LOCALEDIR lets build-aux/run use the catalogues in the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HB_LOCALEDIR") ? g_getenv ("HB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
