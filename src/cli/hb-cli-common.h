/* hb-cli-common.h — what every hebahan-cli command shares: exit codes,
 * the one-line error, loading the policy pack, reading FILE or stdin. */
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
GBytes   *hb_cli_read_input  (const char  *path,
                              GError     **error);
gboolean  hb_cli_is_draft    (GBytes      *bytes);
char     *hb_cli_text_of_input (GBytes    *bytes,
                                gsize     *len);

G_END_DECLS
