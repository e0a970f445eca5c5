/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-test-server.c — a loopback SoupServer for tests (see hb-test-server.h). */
#include <string.h>

#include "hb-test-server.h"

struct _HbTestServer
{
  SoupServer *soup;
  guint       port;
  GHashTable *hits;      /* path → GUINT count */
  GHashTable *headers;   /* "path\nname" → last value seen */
};

typedef struct
{
  guint  status;
  char  *content_type;
  char  *location;
  GBytes *body;
} Canned;

static void
canned_free (gpointer data)
{
  Canned *canned = data;

  g_free (canned->content_type);
  g_free (canned->location);
  g_clear_pointer (&canned->body, g_bytes_unref);
  g_free (canned);
}

static void
record (HbTestServer      *self,
        const char        *path,
        SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));

  g_hash_table_replace (self->hits, g_strdup (path), GUINT_TO_POINTER (n + 1));
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      g_hash_table_replace (self->headers, g_strconcat (path, "\n", lower, NULL), g_strdup (value));
    }
}

static void
canned_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Canned *canned = user_data;
  HbTestServer *self = g_object_get_data (G_OBJECT (soup), "hb-test-server");
  gsize size = 0;
  const char *data = canned->body ? g_bytes_get_data (canned->body, &size) : NULL;

  record (self, path, msg);
  if (canned->location != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Location", canned->location);
  if (strcmp (soup_server_message_get_method (msg), "HEAD") == 0 || data == NULL)
    soup_server_message_set_status (msg, canned->status, NULL);
  else
    soup_server_message_set_response (msg, canned->content_type, SOUP_MEMORY_COPY, data, size);
  soup_server_message_set_status (msg, canned->status, NULL);
}

HbTestServer *
hb_test_server_new (void)
{
  HbTestServer *self = g_new0 (HbTestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;

  self->soup = soup_server_new (NULL, NULL);
  g_object_set_data (G_OBJECT (self->soup), "hb-test-server", self);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  soup_server_listen (self->soup, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->soup);
  g_assert_nonnull (uris);
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return self;
}

void
hb_test_server_free (HbTestServer *self)
{
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_hash_table_unref (self->hits);
  g_hash_table_unref (self->headers);
  g_free (self);
}

char *
hb_test_server_url (HbTestServer *self,
                    const char   *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", self->port, path);
}

void
hb_test_server_add_static (HbTestServer *self,
                           const char   *path,
                           guint         status,
                           const char   *content_type,
                           const char   *body,
                           gssize        length)
{
  Canned *canned = g_new0 (Canned, 1);

  canned->status = status;
  canned->content_type = g_strdup (content_type ? content_type : "text/plain");
  if (body != NULL)
    canned->body = g_bytes_new (body, length < 0 ? strlen (body) : (gsize) length);
  soup_server_add_handler (self->soup, path, canned_cb, canned, canned_free);
}

void
hb_test_server_add_redirect (HbTestServer *self,
                             const char   *path,
                             guint         status,
                             const char   *location)
{
  Canned *canned = g_new0 (Canned, 1);

  canned->status = status;
  canned->location = g_strdup (location);
  soup_server_add_handler (self->soup, path, canned_cb, canned, canned_free);
}

void
hb_test_server_add_handler (HbTestServer       *self,
                            const char         *path,
                            SoupServerCallback  callback,
                            gpointer            user_data)
{
  soup_server_add_handler (self->soup, path, callback, user_data, NULL);
}

/* A slow drip: status 200 and @head (or nothing) at once, then one space
 * every 100 ms for ever.  The drip holds no reference to @msg and stops
 * with it, so later tests never meet a dead message. */
typedef struct
{
  SoupServerMessage *msg;
  guint              id;
} Drip;

static gboolean
drip_cb (gpointer user_data)
{
  Drip *drip = user_data;

  soup_message_body_append (soup_server_message_get_response_body (drip->msg), SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (drip->msg);
  return G_SOURCE_CONTINUE;
}

static void
drip_stop (Drip *drip)
{
  g_clear_handle_id (&drip->id, g_source_remove);
}

static void
drip_free (gpointer data)
{
  drip_stop (data);
  g_free (data);
}

void
hb_test_drip_start (SoupServerMessage *msg,
                    const char        *head)
{
  Drip *drip = g_new0 (Drip, 1);

  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  if (head)
    soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY,
                              head, strlen (head));
  drip->msg = msg;
  drip->id = g_timeout_add (100, drip_cb, drip);
  g_object_set_data_full (G_OBJECT (msg), "hb-drip", drip, drip_free);
  g_signal_connect_swapped (msg, "finished", G_CALLBACK (drip_stop), drip);
  g_signal_connect_swapped (msg, "disconnected", G_CALLBACK (drip_stop), drip);
}

guint
hb_test_server_hits (HbTestServer *self,
                     const char   *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
}

const char *
hb_test_server_last_header (HbTestServer *self,
                            const char   *path,
                            const char   *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *key = g_strconcat (path, "\n", lower, NULL);

  return g_hash_table_lookup (self->headers, key);
}

SoupServer *
hb_test_server_get_soup (HbTestServer *self)
{
  return self->soup;
}

static gboolean
wait_timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

void
hb_test_wait (gboolean *done,
              guint     timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms * HB_TEST_SLOWDOWN, wait_timeout_cb, &expired);

  while (!*done && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  g_assert_true (*done);
}

void
hb_test_run_clear (HbTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->done = FALSE;
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HbTestRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (G_SUBPROCESS (source)));
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  run->done = TRUE;
}

/* @input goes to standard input (none when NULL); @env holds "NAME=value"
 * to set, or "NAME" to unset, NULL-terminated (or NULL). */
void
hb_test_run_cli (HbTestRun          *run,
                 const char         *input,
                 const char * const *env,
                 const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  hb_test_run_clear (run);
  g_ptr_array_add (argv, (gpointer) g_getenv ("HB_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "NO_COLOR", "1", TRUE);
  for (guint i = 0; env && env[i]; i++)
    {
      const char *eq = strchr (env[i], '=');
      g_autofree char *name = eq ? g_strndup (env[i], eq - env[i]) : g_strdup (env[i]);

      if (eq)
        g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, name);
    }
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, input ? input : "", NULL, run_done_cb, run);
  /* A hang guard: under the sanitizers a run that loads the pack takes
   * seconds, more on a loaded machine. */
  hb_test_wait (&run->done, 120000);
  g_test_message ("hebahan-cli %s: exit %d, stderr: %s", args[0], run->status, run->err);
}
