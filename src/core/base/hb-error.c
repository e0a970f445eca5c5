/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-error.c — the error domain of the Hebahan core. */
#include "config.h"

#include "hb-error.h"

G_DEFINE_QUARK (hb-error-quark, hb_error)
