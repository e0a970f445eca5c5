/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-net-error.c — the error domain of Hebahan's network helpers. */
#include "config.h"

#include "hb-net-error.h"

G_DEFINE_QUARK (hb-net-error-quark, hb_net_error)
