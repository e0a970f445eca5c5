/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-net-error.h — the error domain of Hebahan's network helpers. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HB_NET_ERROR (hb_net_error_quark ())

typedef enum
{
  HB_NET_ERROR_INVALID_URL,         /* not a URL, or not http(s) */
  HB_NET_ERROR_INSECURE,            /* plain HTTP to a host that is not loopback */
  HB_NET_ERROR_HTTP_STATUS,         /* the server answered with an error status */
  HB_NET_ERROR_TOO_LARGE,           /* the body is larger than the cap */
  HB_NET_ERROR_TIMEOUT,             /* no complete answer within the deadline */
  HB_NET_ERROR_TOO_MANY_REDIRECTS,
  HB_NET_ERROR_UNREACHABLE,         /* DNS, connection or TLS failure */
  HB_NET_ERROR_INVALID_CONTENT,     /* the body is not what was asked for */
} HbNetError;

GQuark hb_net_error_quark (void);

G_END_DECLS
