/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-cli-common.c — what every hebahan-cli command shares. */
#include "config.h"

#include "hb-cli-common.h"

#include <gio/gunixinputstream.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "hb-error.h"
#include "hb-json.h"

#define HB_MAX_INPUT (64 * 1024 * 1024)

/* Prints "hebahan-cli: MESSAGE" on standard error (docs/cli.md: a one-line
 * reason) and returns EXIT_USAGE for the caller to return. */
int
hb_cli_fail (const char *format,
             ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", HB_CLI_PROG, msg);
  return EXIT_USAGE;
}

/* --policy FILE, or the user's pack, or the built-in one; a user pack
 * that does not validate is reported and the built-in one used. */
HbPolicy *
hb_cli_load_policy (const char  *path,
                    GError     **error)
{
  g_autoptr(GError) override_error = NULL;
  HbPolicy *policy;

  if (path != NULL)
    return hb_policy_new_from_file (path, error);
  policy = hb_policy_load_default (&override_error);
  if (override_error != NULL)
    g_printerr ("%s: %s\n", HB_CLI_PROG, override_error->message);
  return policy;
}

/* ------------------------------------------------------------------ */
/* Input                                                               */

static GBytes *
read_stream (GInputStream  *in,
             GError       **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  guint8 chunk[65536];
  gssize n;

  while ((n = g_input_stream_read (in, chunk, sizeof chunk, NULL, error)) > 0)
    {
      if (buf->len + n > HB_MAX_INPUT)
        {
          g_set_error (error, HB_ERROR, HB_ERROR_TOO_LARGE, _("The input is larger than 64 MB"));
          return NULL;
        }
      g_byte_array_append (buf, chunk, n);
    }
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

/* Reads FILE, or standard input for "-" or no argument. */
GBytes *
hb_cli_read_input (const char  *path,
                   GError     **error)
{
  g_autoptr(GInputStream) in = NULL;

  if (path == NULL || strcmp (path, "-") == 0)
    in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      in = G_INPUT_STREAM (g_file_read (file, NULL, error));
      if (in == NULL)
        return NULL;
    }
  return read_stream (in, error);
}

/* A draft (see src/core/post/hb-draft.c) is a JSON object whose "format" is a
 * hebahan-draft one; anything else is taken as plain text. */
gboolean
hb_cli_is_draft (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *obj;
  const char *skip = data;

  while (skip < data + size && g_ascii_isspace (*skip))
    skip++;
  if (skip == data + size || *skip != '{' || !g_utf8_validate_len (data, size, NULL))
    return FALSE;
  parser = json_parser_new_immutable ();
  /* A draft too deep, or with a NUL or a member twice, is still a draft:
   * the draft loader then says what is wrong instead of linting the JSON
   * as prose. */
  if (!hb_json_load (parser, data, size, &error))
    return error->domain == HB_ERROR &&
           g_strstr_len (data, MIN (size, 4096), "\"hebahan-draft/") != NULL;
  return JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) &&
         (obj = json_node_get_object (json_parser_get_root (parser))) &&
         g_str_has_prefix (json_object_get_string_member_with_default (obj, "format", ""), "hebahan-draft/");
}

/* The input as a NUL-terminated string (it may hold NULs of its own:
 * @len is its real length). */
char *
hb_cli_text_of_input (GBytes *bytes,
                      gsize  *len)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  char *copy = g_malloc (size + 1);

  if (size > 0)
    memcpy (copy, data, size);
  copy[size] = '\0';
  *len = size;
  return copy;
}

void
hb_cli_ready (GObject      *source,
              GAsyncResult *result,
              gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

static gboolean
interrupted (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_CONTINUE;
}

/* The one way the commands wait (see hb-cli-common.h). */
GAsyncResult *
hb_cli_wait (GAsyncResult **slot,
             GCancellable  *cancellable)
{
  guint sigint = 0, sigterm = 0;

  g_return_val_if_fail (slot != NULL, NULL);

  if (cancellable)
    {
      sigint = g_unix_signal_add (SIGINT, interrupted, cancellable);
      sigterm = g_unix_signal_add (SIGTERM, interrupted, cancellable);
    }
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&sigint, g_source_remove);
  g_clear_handle_id (&sigterm, g_source_remove);
  return *slot;
}

void
hb_cli_print_json (JsonNode *root,
                   gboolean  pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *out = NULL;

  g_return_if_fail (root != NULL);

  json_generator_set_pretty (gen, pretty);
  json_generator_set_root (gen, root);
  out = json_generator_to_data (gen, NULL);
  g_print ("%s\n", out);
}

/* --timeout SECONDS (fractions allowed): each request's deadline. */
gboolean
hb_cli_timeout_limits (double           seconds,
                       HbFetchOptions  *limits,
                       GError         **error)
{
  memset (limits, 0, sizeof *limits);
  if (seconds == 0)
    return TRUE;
  if (seconds < 0.1 || seconds > 600)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--timeout takes seconds from 0.1 to 600"));
      return FALSE;
    }
  limits->deadline_ms = (guint) (seconds * 1000);
  return TRUE;
}
