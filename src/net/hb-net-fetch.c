/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-net-fetch.c — one bounded HTTP exchange (see hb-net-fetch.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hb-net-error.h"
#include "hb-net-fetch.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  SoupSession   *session;
  HbFetchOptions options;
  char          *method;
  char          *if_none_match;
  GCancellable  *cancellable;     /* ours: the caller's or the deadline cancels it */
  GCancellable  *caller_cancellable;
  gulong         caller_handler;
  GSource       *deadline;
  gboolean       timed_out;
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *body;
  HbFetchResult *result;
} FetchData;

static void send_hop (GTask *task, GUri *uri);

SoupSession *
hb_net_session_new (void)
{
  /* The default proxy resolver is the system's (GProxyResolver), so a
   * council proxy set in GNOME's settings or the environment applies. */
  return soup_session_new_with_options ("user-agent", "Hebahan/" PACKAGE_VERSION " ",
                                        "timeout", 30,
                                        "idle-timeout", 60,
                                        NULL);
}

gboolean
hb_net_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) addr = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  addr = g_inet_address_new_from_string (host);
  if (addr == NULL && host[0] == '[')
    {
      g_autofree char *bare = g_strndup (host + 1, strlen (host + 1) - 1);
      addr = g_inet_address_new_from_string (bare);
    }
  return addr != NULL && g_inet_address_get_is_loopback (addr);
}

static gboolean
uri_check (GUri     *uri,
           gboolean  allow_http,
           gboolean *insecure,
           GError  **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  *insecure = FALSE;
  if (host == NULL || *host == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_autofree char *text = g_uri_to_string (uri);
      g_set_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_URL,
                   _("“%s” is not a web address (https://…)"), text);
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !hb_net_host_is_loopback (host))
    {
      *insecure = TRUE;
      if (!allow_http)
        {
          g_set_error (error, HB_NET_ERROR, HB_NET_ERROR_INSECURE,
                       _("Refusing plain HTTP to %s: only HTTPS addresses are allowed"), host);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks that @url is an absolute http(s) URL that may be fetched: HTTPS,
 * or plain HTTP to a loopback address (tests), or any HTTP if @allow_http. */
gboolean
hb_net_url_check (const char *url,
                  gboolean    allow_http,
                  GError    **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  gboolean insecure;

  if (uri == NULL)
    {
      g_set_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_URL,
                   _("“%s” is not a web address (https://…)"), url);
      return FALSE;
    }
  return uri_check (uri, allow_http, &insecure, error);
}

void
hb_fetch_result_free (HbFetchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->final_url);
  g_free (result->etag);
  g_free (result->content_type);
  g_free (result->insecure_url);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result);
}

/* Success for 2xx and 304; an HTTP_STATUS error naming the status otherwise. */
gboolean
hb_fetch_result_ok (const HbFetchResult *result,
                    GError             **error)
{
  if ((result->status >= 200 && result->status < 300) || result->status == 304)
    return TRUE;
  g_set_error (error, HB_NET_ERROR, HB_NET_ERROR_HTTP_STATUS,
               _("The server answered %u %s for %s"), result->status,
               soup_status_get_phrase (result->status), result->final_url);
  return FALSE;
}

static void
fetch_data_free (FetchData *data)
{
  if (data->deadline != NULL)
    {
      g_source_destroy (data->deadline);
      g_source_unref (data->deadline);
    }
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->session);
  g_clear_object (&data->message);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_pointer (&data->result, hb_fetch_result_free);
  g_free (data->method);
  g_free (data->if_none_match);
  g_free (data);
}

/* Turns what GIO or libsoup reported into an error a user can act on. */
static void
fail (GTask  *task,
      GError *error)
{
  FetchData *data = g_task_get_task_data (task);
  const char *url = data->result->final_url;

  if (data->timed_out)
    g_task_return_new_error (task, HB_NET_ERROR, HB_NET_ERROR_TIMEOUT,
                             _("%s did not answer within %u seconds"), url,
                             (data->options.deadline_ms + 999) / 1000);
  else if (error->domain == HB_NET_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_task_return_new_error (task, HB_NET_ERROR, HB_NET_ERROR_TIMEOUT,
                             _("%s did not answer in time"), url);
  else
    g_task_return_new_error (task, HB_NET_ERROR, HB_NET_ERROR_UNREACHABLE,
                             _("Could not reach %s: %s"), url, error->message);
  g_clear_error (&error);
  g_object_unref (task);
}

static void
succeed (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  data->result->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));
  g_task_return_pointer (task, g_steal_pointer (&data->result), (GDestroyNotify) hb_fetch_result_free);
  g_object_unref (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), res, &error);

  if (chunk == NULL)
    { fail (task, error); return; }
  if (g_bytes_get_size (chunk) == 0)
    { succeed (task); return; }
  if (data->body->len + g_bytes_get_size (chunk) > data->options.max_bytes)
    { fail (task, g_error_new (HB_NET_ERROR, HB_NET_ERROR_TOO_LARGE,
                                    _("%s sent more than %zu KB"), data->result->final_url,
                                    data->options.max_bytes / 1024)); return; }
  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (data->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   data->cancellable, read_cb, task);
}

/* Follows a redirect by hand, so every hop is checked and counted. */
static gboolean
follow_redirect (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) next = NULL;

  if (!SOUP_STATUS_IS_REDIRECTION (data->result->status) || data->result->status == 304 ||
      location == NULL)
    return FALSE;
  if (data->result->n_redirects >= data->options.max_redirects)
    {
      fail (task, g_error_new (HB_NET_ERROR, HB_NET_ERROR_TOO_MANY_REDIRECTS,
                               _("%s redirects more than %u times"),
                               data->result->final_url, data->options.max_redirects));
      return TRUE;
    }
  next = g_uri_parse_relative (soup_message_get_uri (data->message), location,
                               G_URI_FLAGS_NONE, NULL);
  if (next == NULL)
    {
      fail (task, g_error_new (HB_NET_ERROR, HB_NET_ERROR_INVALID_URL,
                               _("%s redirects to an invalid address"), data->result->final_url));
      return TRUE;
    }
  data->result->n_redirects++;
  g_input_stream_close (data->stream, NULL, NULL);
  g_clear_object (&data->stream);
  send_hop (task, next);
  return TRUE;
}

static void
record_response (FetchData *data)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  const char *etag = soup_message_headers_get_one (headers, "ETag");
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  data->result->status = soup_message_get_status (data->message);
  g_free (data->result->etag);
  data->result->etag = g_strdup (etag);
  g_free (data->result->content_type);
  data->result->content_type = g_strdup (type);
}

static void
send_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;
  SoupMessageHeaders *headers;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), res, &error);
  if (data->stream == NULL)
    { fail (task, error); return; }
  record_response (data);
  if (follow_redirect (task))
    return;
  if (data->options.headers_only)
    {
      /* Closing with the body unread makes libsoup drop the connection
       * rather than drain it: a large page costs nothing. */
      g_input_stream_close (data->stream, NULL, NULL);
      succeed (task);
      return;
    }
  headers = soup_message_get_response_headers (data->message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) > data->options.max_bytes)
    { fail (task, g_error_new (HB_NET_ERROR, HB_NET_ERROR_TOO_LARGE,
                                    _("%s is larger than %zu KB"), data->result->final_url,
                                    data->options.max_bytes / 1024)); return; }
  g_input_stream_read_bytes_async (data->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   data->cancellable, read_cb, task);
}

static void
send_hop (GTask *task,
          GUri  *uri)
{
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean insecure;

  g_free (data->result->final_url);
  data->result->final_url = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
  if (!uri_check (uri, data->options.allow_http, &insecure, &error))
    { fail (task, error); return; }
  data->result->insecure_hop |= insecure;
  if (insecure && data->result->n_redirects > 0 && data->result->insecure_url == NULL)
    data->result->insecure_url = g_strdup (data->result->final_url);
  g_clear_object (&data->message);
  data->message = soup_message_new_from_uri (data->method, uri);
  soup_message_add_flags (data->message, SOUP_MESSAGE_NO_REDIRECT);
  if (data->if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (data->message),
                                  "If-None-Match", data->if_none_match);
  soup_session_send_async (data->session, data->message, G_PRIORITY_DEFAULT,
                           data->cancellable, send_cb, task);
}

static gboolean
deadline_cb (gpointer user_data)
{
  FetchData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  g_clear_pointer (&data->deadline, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static FetchData *
fetch_data_new (SoupSession          *session,
                const HbFetchOptions *options,
                GCancellable         *cancellable)
{
  FetchData *data = g_new0 (FetchData, 1);

  data->session = g_object_ref (session);
  if (options != NULL)
    data->options = *options;
  data->method = g_strdup (data->options.method ? data->options.method : "GET");
  data->if_none_match = g_strdup (data->options.if_none_match);
  data->options.method = data->options.if_none_match = NULL;
  if (data->options.max_bytes == 0)
    data->options.max_bytes = 1024 * 1024;
  if (data->options.deadline_ms == 0)
    data->options.deadline_ms = HB_NET_DEFAULT_DEADLINE_MS;
  if (data->options.max_redirects == 0)
    data->options.max_redirects = HB_NET_DEFAULT_MAX_REDIRECTS;
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                    data->cancellable, NULL);
    }
  data->body = g_byte_array_new ();
  data->result = g_new0 (HbFetchResult, 1);
  return data;
}

void
hb_net_fetch_async (SoupSession          *session,
                    const char           *url,
                    const HbFetchOptions *options,
                    GCancellable         *cancellable,
                    GAsyncReadyCallback   callback,
                    gpointer              user_data)
{
  GTask *task = g_task_new (session, cancellable, callback, user_data);
  FetchData *data = fetch_data_new (session, options, cancellable);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_task_set_source_tag (task, hb_net_fetch_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  data->result->final_url = g_strdup (url);
  if (uri == NULL)
    { fail (task, g_error_new (HB_NET_ERROR, HB_NET_ERROR_INVALID_URL,
                                    _("“%s” is not a web address (https://…)"), url)); return; }
  data->deadline = g_timeout_source_new (data->options.deadline_ms);
  g_source_set_callback (data->deadline, deadline_cb, data, NULL);
  g_source_attach (data->deadline, g_main_context_get_thread_default ());
  send_hop (task, uri);
}

HbFetchResult *
hb_net_fetch_finish (GAsyncResult *result,
                     GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_net_fetch_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
