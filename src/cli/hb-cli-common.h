/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-common.h — what every hebahan-cli command shares: exit codes,
 * the one-line error, loading the policy pack, reading FILE or stdin. */
#pragma once

#include <json-glib/json-glib.h>

#include "hb-net-fetch.h"
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

/* Async calls: pass hb_cli_ready and a GAsyncResult* slot (NULL) as the
 * callback and its data, then hb_cli_wait() runs the main loop until the
 * result is there; Ctrl+C (or SIGTERM) cancels @cancellable meanwhile.
 * The caller owns the result in the slot. */
void          hb_cli_ready      (GObject       *source,
                                 GAsyncResult  *result,
                                 gpointer       slot);
GAsyncResult *hb_cli_wait       (GAsyncResult **slot,
                                 GCancellable  *cancellable);

/* --timeout SECONDS (fractions allowed, 0 for the default): each
 * request's deadline, into @limits. */
gboolean  hb_cli_timeout_limits (double           seconds,
                                 HbFetchOptions  *limits,
                                 GError         **error);

/* Prints @root as JSON (indented if @pretty) and a newline on standard
 * output. */
void      hb_cli_print_json  (JsonNode    *root,
                              gboolean     pretty);

G_END_DECLS
