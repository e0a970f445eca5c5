/* hb-cli-common.c — what every hebahan-cli command shares. */
#include "hb-cli-common.h"

/* Prints "hebahan-cli: MESSAGE" on standard error (DESIGN.md: a one-line
 * reason) and returns EXIT_USAGE for the caller to return. */
int
hb_cli_fail (const char *format,
             ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", HB_CLI_PROG, msg);
  return EXIT_USAGE;
}

/* --policy FILE, or the user's pack, or the built-in one; a user pack
 * that does not validate is reported and the built-in one used. */
HbPolicy *
hb_cli_load_policy (const char  *path,
                    GError     **error)
{
  g_autoptr(GError) override_error = NULL;
  HbPolicy *policy;

  if (path != NULL)
    return hb_policy_new_from_file (path, error);
  policy = hb_policy_load_default (&override_error);
  if (override_error != NULL)
    g_printerr ("%s: %s\n", HB_CLI_PROG, override_error->message);
  return policy;
}
