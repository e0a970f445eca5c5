/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-test-util.h — helpers the core tests share. */
#pragma once

#include <gio/gio.h>

#include "hb-policy.h"
#include "hb-post.h"

/* AddressSanitizer unwinds the stack on every allocation in CI, which
 * makes allocation-heavy work such as parsing a hostile pack about
 * thirty times slower; waits and time bounds are for the real build. */
#if defined(__SANITIZE_ADDRESS__)
#define HB_TEST_SLOWDOWN 30
#else
#define HB_TEST_SLOWDOWN 1
#endif

G_BEGIN_DECLS

char     *hb_test_list_dir          (const char *dir);
gboolean  hb_test_mount_small_disk  (const char *dir,
                                     const char *size);
void      hb_test_unmount           (const char *dir);
void      hb_test_confirm_all       (HbPost     *post,
                                     HbPolicy   *policy);
void      hb_test_store_result      (GObject      *source,
                                     GAsyncResult *result,
                                     gpointer      user_data);
GAsyncResult *hb_test_wait_result   (GAsyncResult **slot);

G_END_DECLS
