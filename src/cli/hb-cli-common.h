/* hb-cli-common.h — what every hebahan-cli command shares: exit codes,
 * the one-line error, loading the policy pack. */
#pragma once

#include "hb-policy.h"

G_BEGIN_DECLS

#define EXIT_FINDINGS 1   /* findings at warning or above, incomplete, failed verification */
#define EXIT_USAGE    2   /* bad usage or unreadable input */

#define HB_CLI_PROG "hebahan-cli"

int       hb_cli_fail        (const char  *format,
                              ...) G_GNUC_PRINTF (1, 2);
HbPolicy *hb_cli_load_policy (const char  *path,
                              GError     **error);

G_END_DECLS
