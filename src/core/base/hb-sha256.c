/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-sha256.c — SHA-256 as hex through nettle (see hb-sha256.h). */
#include "config.h"

#include "hb-sha256.h"

#include <errno.h>
#include <nettle/version.h>
#include <unistd.h>

#define CHUNK_BYTES (64 * 1024)

/* Nettle 4 (in the current GNOME Flatpak runtime) dropped the length
 * argument of the digest functions; Debian 12 has Nettle 3. */
#if NETTLE_VERSION_MAJOR >= 4
#define HB_SHA256_DIGEST(ctx, digest) sha256_digest ((ctx), (digest))
#else
#define HB_SHA256_DIGEST(ctx, digest) sha256_digest ((ctx), SHA256_DIGEST_SIZE, (digest))
#endif

void
hb_sha256_init (HbSha256 *sha)
{
  sha256_init (sha);
}

void
hb_sha256_update (HbSha256   *sha,
                  const void *data,
                  gsize       len)
{
  sha256_update (sha, len, data);
}

char *
hb_sha256_finish_hex (HbSha256 *sha)
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  HB_SHA256_DIGEST (sha, digest);
  for (gsize i = 0; i < sizeof digest; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 15];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';
  return hex;
}

char *
hb_sha256_hex (const void *data,
               gsize       len)
{
  HbSha256 sha;

  hb_sha256_init (&sha);
  hb_sha256_update (&sha, data, len);
  return hb_sha256_finish_hex (&sha);
}

/* Streams @path through SHA-256; GIO's errors, unchanged. */
char *
hb_sha256_file (const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);
  g_autofree guint8 *buf = g_malloc (CHUNK_BYTES);
  HbSha256 sha;
  gssize n;

  if (in == NULL)
    return NULL;
  hb_sha256_init (&sha);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, CHUNK_BYTES, cancellable, error)) > 0)
    hb_sha256_update (&sha, buf, n);
  if (n < 0)
    return NULL;
  return hb_sha256_finish_hex (&sha);
}

/* Streams the open file @fd through SHA-256 (it is not closed). */
char *
hb_sha256_fd (int            fd,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree guint8 *buf = g_malloc (CHUNK_BYTES);
  HbSha256 sha;
  gssize n;

  hb_sha256_init (&sha);
  while ((n = read (fd, buf, CHUNK_BYTES)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      hb_sha256_update (&sha, buf, n);
    }
  return hb_sha256_finish_hex (&sha);
}
