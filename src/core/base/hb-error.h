/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-error.h — the error domain of the Hebahan core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HB_ERROR (hb_error_quark ())

typedef enum
{
  HB_ERROR_INVALID_UTF8,
  HB_ERROR_INVALID_POLICY,
  HB_ERROR_TOO_LARGE,
  HB_ERROR_INVALID_DRAFT,
  HB_ERROR_MEDIA_UNREADABLE,
  HB_ERROR_MEDIA_UNSUPPORTED,
  HB_ERROR_INCOMPLETE,
  HB_ERROR_INVALID_BUNDLE,
  HB_ERROR_STALE,            /* what was checked changed since */
  HB_ERROR_LIMIT,            /* over one of the limits that keep hostile input cheap */
  HB_ERROR_INVALID_JSON,     /* a NUL in a string, a member named twice */
} HbError;

GQuark hb_error_quark (void);

G_END_DECLS
