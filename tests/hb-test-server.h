/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-test-server.h — a SoupServer on 127.0.0.1 (a free port) inside the
 * test process, for the network helpers' tests.  Each path answers with a
 * fixed response, or with a handler of the test's own (slow drips,
 * redirects, ETag checks).  Requests are served by the thread-default main
 * context, so tests spin it while waiting for the client. */
#pragma once

#include <libsoup/soup.h>

#include "hb-test-util.h"

G_BEGIN_DECLS

typedef struct _HbTestServer HbTestServer;

HbTestServer *hb_test_server_new          (void);
void          hb_test_server_free         (HbTestServer       *server);
char         *hb_test_server_url          (HbTestServer       *server,
                                           const char         *path);
void          hb_test_server_add_static   (HbTestServer       *server,
                                           const char         *path,
                                           guint               status,
                                           const char         *content_type,
                                           const char         *body,
                                           gssize              length);
void          hb_test_server_add_redirect (HbTestServer       *server,
                                           const char         *path,
                                           guint               status,
                                           const char         *location);
void          hb_test_server_add_handler  (HbTestServer       *server,
                                           const char         *path,
                                           SoupServerCallback  callback,
                                           gpointer            user_data);
void          hb_test_drip_start          (SoupServerMessage  *msg,
                                           const char         *head);
guint         hb_test_server_hits         (HbTestServer       *server,
                                           const char         *path);
const char   *hb_test_server_last_header  (HbTestServer       *server,
                                           const char         *path,
                                           const char         *name);
SoupServer   *hb_test_server_get_soup     (HbTestServer       *server);

/* Runs the thread-default main context until *@done is set (or fails the
 * test after @timeout_ms). */
void          hb_test_wait                (gboolean           *done,
                                           guint               timeout_ms);

/* hebahan-cli ($HB_CLI) run while this process's main loop keeps
 * serving it (the server is in this process). */
typedef struct
{
  gboolean done;
  int      status;   /* exit status */
  char    *out;
  char    *err;
} HbTestRun;

void          hb_test_run_cli             (HbTestRun          *run,
                                           const char         *input,
                                           const char * const *env,
                                           const char * const *args);
void          hb_test_run_clear           (HbTestRun          *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbTestServer, hb_test_server_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HbTestRun, hb_test_run_clear)

G_END_DECLS
