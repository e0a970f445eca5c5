/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-links.c — the web addresses in a caption (see hb-links.h). */
#include "config.h"

#include "hb-links.h"

#include <gio/gio.h>
#include <string.h>

#include "hb-count.h"

/* Characters that stay as written when an address is escaped: the
 * reserved ones (a written "%20" is already escaped).  Everything else
 * outside ASCII letters, digits and "-._~" is %-escaped, so that an
 * address with "é" or a space in its path still parses. */
#define KEEP_CHARS "!$&'()*+,;=:/?@[]%"

void
hb_link_free (HbLink *link)
{
  if (link == NULL)
    return;
  g_free (link->text);
  g_free (link->url);
  g_free (link->host);
  g_free (link);
}

/* "HTTP://x" → "http://x"; "x" → "https://x"; NULL for another scheme. */
static char *
with_scheme (const char *written)
{
  const char *sep = strstr (written, "://");
  g_autofree char *scheme = NULL;

  if (sep == NULL)
    return g_strconcat ("https://", written, NULL);
  scheme = g_ascii_strdown (written, sep - written);
  if (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0)
    return NULL;
  return g_strconcat (scheme, sep, NULL);
}

/**
 * hb_link_url_for:
 * @written: an address as written in a caption
 * @host: (out) (optional): its host, in lower case
 *
 * The address a browser opens for @written: "https://" added when no
 * scheme is written (platforms link "mpkk.gov.my/x" too), the fragment
 * dropped (the server never sees it), characters outside ASCII escaped.
 *
 * Returns: (transfer full) (nullable): the URL, or NULL when @written is
 *   not an http(s) address with a host
 */
char *
hb_link_url_for (const char  *written,
                 char       **host)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (written ? written : ""));
  g_autofree char *full = with_scheme (trimmed);
  g_autofree char *escaped = NULL;
  g_autoptr(GUri) uri = NULL;
  char *hash;
  gsize len;

  if (full == NULL)
    return NULL;
  if ((hash = strchr (full, '#')) != NULL)
    *hash = '\0';
  escaped = g_uri_escape_string (full, KEEP_CHARS, FALSE);
  uri = g_uri_parse (escaped, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;
  if (host)
    {
      *host = g_ascii_strdown (g_uri_get_host (uri), -1);
      len = strlen (*host);
      if (len > 1 && (*host)[len - 1] == '.')
        (*host)[len - 1] = '\0';
    }
  return g_steal_pointer (&escaped);
}

/* Whether @host is one of @hosts, or "www." and one of them. */
gboolean
hb_link_host_in (const char         *host,
                 const char * const *hosts)
{
  const char *bare = host && g_str_has_prefix (host, "www.") ? host + 4 : host;

  for (guint i = 0; host && hosts && hosts[i]; i++)
    if (g_ascii_strcasecmp (host, hosts[i]) == 0 || g_ascii_strcasecmp (bare, hosts[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * hb_links_find_in_source:
 *
 * hb_links_find() over a text already decoded, reading the URLs its
 * source found for its counts and hashtags.
 *
 * Returns: (transfer full) (element-type HbLink): in order
 */
GPtrArray *
hb_links_find_in_source (HbCountSource *source)
{
  GPtrArray *links;
  GArray *spans;
  const char *p;
  guint at = 0;

  g_return_val_if_fail (source != NULL, NULL);

  links = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_link_free);
  spans = hb_count_source_get_urls (source);
  p = hb_count_source_get_text (source, NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const HbSpan *span = &g_array_index (spans, HbSpan, i);
      const char *start = g_utf8_offset_to_pointer (p, span->start - at);
      const char *end = g_utf8_offset_to_pointer (start, span->end - span->start);
      g_autofree char *written = g_strndup (start, end - start);
      g_autofree char *host = NULL;
      char *url = hb_link_url_for (written, &host);
      HbLink *link;

      p = start, at = span->start;
      if (url == NULL)
        continue;
      link = g_new0 (HbLink, 1);
      link->start = span->start;
      link->end = span->end;
      link->text = g_steal_pointer (&written);
      link->url = url;
      link->host = g_steal_pointer (&host);
      link->insecure = g_str_has_prefix (url, "http://");
      g_ptr_array_add (links, link);
    }
  return links;
}

/**
 * hb_links_find:
 *
 * Finds the web addresses in @text as X links them: with a scheme, or a
 * host with a known top-level domain ("mpkk.gov.my/berita").  Addresses
 * that are not http(s) are left out.
 *
 * Returns: (transfer full) (element-type HbLink): in order; empty for
 *   invalid UTF-8
 */
GPtrArray *
hb_links_find (const char *text,
               gssize      len)
{
  g_autoptr(HbCountSource) source = NULL;

  if (text == NULL || !g_utf8_validate (text, len, NULL))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) hb_link_free);
  source = hb_count_source_new (text, len, NULL);
  return hb_links_find_in_source (source);
}
