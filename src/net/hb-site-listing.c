/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-site-listing.c — RSS, Atom and HTML news listings into entries (see hb-site-listing.h). */
#include "config.h"

#include "hb-site-listing.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "hb-net-error.h"
#include "hb-site-match.h"

/* A summary longer than this is a page, not an item. */
#define MAX_SUMMARY_CHARS 1000
/* How far up from a link to look for the element that holds its item. */
#define MAX_CONTAINER_DEPTH 6

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)
#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)

typedef struct
{
  GPtrArray  *entries;   /* HbSiteEntry */
  GHashTable *by_url;    /* url → index + 1, for HTML links seen twice */
  const char *base_url;
} Listing;

/* libxml2 sets up its global tables on first use; doing it once on the
 * main thread makes later parses in worker threads safe. */
void
hb_site_listing_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_hidden (xmlNode *node)
{
  return is_named (node, "script") || is_named (node, "style") || is_named (node, "noscript") ||
         is_named (node, "template");
}

/* Elements inside a line of text: no space around them ("<b>12</b>hb"). */
static gboolean
is_inline (xmlNode *node)
{
  static const char * const names[] = {
    "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (is_named (node, names[i]))
      return TRUE;
  return FALSE;
}

/* The text under @node, with a space where a block starts or ends (so
 * "<td>25 Nov</td><td>2026</td>" does not run together); stops once
 * @limit bytes are collected.  Entity references are never expanded. */
static void
collect_text (xmlNode *node,
              GString *out,
              gsize    limit)
{
  for (xmlNode *n = node->children; n != NULL && out->len <= limit; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) n->content);
      else if (n->type == XML_ELEMENT_NODE && !is_hidden (n))
        {
          gboolean block = !is_inline (n);

          if (block)
            g_string_append_c (out, ' ');
          collect_text (n, out, limit);
          if (block)
            g_string_append_c (out, ' ');
        }
    }
}

/* Runs of white space (no-break spaces too) become one space; trimmed. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

static char *
node_text (xmlNode *node,
           gsize    limit)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  collect_text (node, raw, limit);
  return g_utf8_validate (raw->str, -1, NULL) ? squash (raw->str) : NULL;
}

/* Feeds may carry HTML as text ("&lt;p&gt;…"): its words, not its tags. */
static char *
html_fragment_text (const char *text)
{
  htmlDocPtr doc;
  char *out;

  if (text == NULL || strchr (text, '<') == NULL)
    return text ? squash (text) : NULL;
  doc = htmlReadMemory (text, strlen (text), NULL, "UTF-8", HTML_OPTIONS);
  if (doc == NULL)
    return squash (text);
  out = node_text (xmlDocGetRootElement (doc), MAX_SUMMARY_CHARS * 4);
  xmlFreeDoc (doc);
  return out;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The first child element called @name (local name: "dc:date" is "date"). */
static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *n = node ? node->children : NULL; n; n = n->next)
    if (is_named (n, name))
      return n;
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */

static GTimeZone *
malaysia (void)
{
  return g_time_zone_new_offset (8 * 3600);
}

/* RFC 822's zones: "+0800", "GMT", "EST"…; unknown ones are taken as UTC. */
static int
zone_offset (const char *zone)
{
  static const struct { const char *name; int hours; } named[] = {
    { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
    { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
  };
  int hhmm;

  if ((zone[0] == '+' || zone[0] == '-') && strlen (zone) == 5 &&
      sscanf (zone + 1, "%4d", &hhmm) == 1)
    return (zone[0] == '-' ? -1 : 1) * ((hhmm / 100) * 3600 + (hhmm % 100) * 60);
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_ascii_strcasecmp (zone, named[i].name) == 0)
      return named[i].hours * 3600;
  return 0;
}

static int
month_number (const char *name)
{
  static const char * const names[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strncasecmp (name, names[i], 3) == 0)
      return i + 1;
  return 0;
}

/* RSS's "Wed, 25 Nov 2026 09:00:00 +0800" (seconds and weekday optional). */
static GDateTime *
parse_rfc822 (const char *text)
{
  const char *comma = strchr (text, ',');
  char mon[16] = "", zone[16] = "";
  int d, y, h = 0, mi = 0, s = 0, n;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) my = malaysia ();

  n = sscanf (comma ? comma + 1 : text, "%d %15s %d %d:%d:%d %15s", &d, mon, &y, &h, &mi, &s, zone);
  if (n == 5)
    /* "09:00 GMT": no seconds, so the zone is read again after minutes. */
    sscanf (comma ? comma + 1 : text, "%d %15s %d %d:%d %15s", &d, mon, &y, &h, &mi, zone);
  if (n < 3 || month_number (mon) == 0)
    return NULL;
  if (y < 100)
    y += 2000;
  tz = g_time_zone_new_offset (zone_offset (zone));
  when = g_date_time_new (tz, y, month_number (mon), d, h, mi, s);
  return when ? g_date_time_to_timezone (when, my) : NULL;
}

/* Atom's RFC 3339, dc:date and <time datetime>: a full timestamp, or a
 * day alone ("2026-11-25"), which is taken as written. */
static GDateTime *
parse_iso (const char *text)
{
  g_autoptr(GTimeZone) my = malaysia ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  int y, m, d;
  char rest;

  if (sscanf (trimmed, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3)
    return g_date_valid_dmy (d, m, y) ? g_date_time_new (my, y, m, d, 0, 0, 0) : NULL;
  when = g_date_time_new_from_iso8601 (trimmed, my);
  return when ? g_date_time_to_timezone (when, my) : NULL;
}

static GDateTime *
parse_date_of (xmlNode *node,
               gboolean rfc822)
{
  g_autofree char *text = node_text (node, 200);

  if (text == NULL || *text == '\0')
    return NULL;
  return rfc822 ? parse_rfc822 (text) : parse_iso (text);
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */

/* @href resolved against the node's base (xml:base, <base href>, the
 * listing's address); NULL unless it is an http(s) address. */
static char *
resolve (Listing    *l,
         xmlNode    *node,
         const char *href)
{
  xmlChar *node_base = node->doc ? xmlNodeGetBase (node->doc, node) : NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (href ? href : ""));

  base = node_base ? g_uri_resolve_relative (l->base_url, (const char *) node_base,
                                             G_URI_FLAGS_NONE, NULL) : NULL;
  xmlFree (node_base);
  if (*trimmed == '\0' || *trimmed == '#')
    return NULL;
  url = g_uri_resolve_relative (base ? base : l->base_url, trimmed, G_URI_FLAGS_NONE, NULL);
  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return NULL;
  return g_steal_pointer (&url);
}

/* Takes @entry; FALSE (and frees it) when it has no address or title, or
 * the listing is full. */
static gboolean
add_entry (Listing     *l,
           HbSiteEntry *entry)
{
  if (l->entries->len >= HB_SITE_LISTING_MAX_ENTRIES || entry->url == NULL || *entry->title == '\0')
    {
      hb_site_entry_free (entry);
      return FALSE;
    }
  g_ptr_array_add (l->entries, entry);
  return TRUE;
}

/* RSS 2.0 <item> (and RSS 1.0's). */
static void
read_rss_item (Listing *l,
               xmlNode *item)
{
  g_autofree char *title = node_text (child (item, "title"), MAX_SUMMARY_CHARS);
  g_autofree char *link = node_text (child (item, "link"), 4096);
  g_autofree char *raw = node_text (child (item, "description"), MAX_SUMMARY_CHARS * 4);
  g_autofree char *summary = html_fragment_text (raw);
  g_autoptr(GDateTime) date = parse_date_of (child (item, "pubDate"), TRUE);
  g_autofree char *url = NULL;

  if (date == NULL)
    date = parse_date_of (child (item, "date"), FALSE);
  if (link == NULL || *link == '\0')
    {
      /* A permalink guid stands in for a missing <link>. */
      g_free (link);
      link = node_text (child (item, "guid"), 4096);
    }
  url = resolve (l, item, link);
  add_entry (l, hb_site_entry_new (title, url, summary, date));
}

static void
read_rss (Listing *l,
          xmlNode *root)
{
  for (xmlNode *n = root->children; n; n = n->next)
    {
      if (is_named (n, "channel"))
        read_rss (l, n);
      else if (is_named (n, "item"))
        read_rss_item (l, n);
    }
}

/* The entry's page: rel="alternate" or no rel, else the first link. */
static char *
atom_link (xmlNode *entry)
{
  char *first = NULL;

  for (xmlNode *n = entry->children; n; n = n->next)
    {
      g_autofree char *rel = NULL;

      if (!is_named (n, "link"))
        continue;
      rel = prop (n, "rel");
      if (rel == NULL || g_strcmp0 (rel, "alternate") == 0)
        {
          g_free (first);
          return prop (n, "href");
        }
      if (first == NULL)
        first = prop (n, "href");
    }
  return first;
}

/* A text construct: type="html" carries markup as text. */
static char *
atom_text (xmlNode *node)
{
  g_autofree char *type = node ? prop (node, "type") : NULL;
  g_autofree char *text = node_text (node, MAX_SUMMARY_CHARS * 4);

  return g_strcmp0 (type, "html") == 0 ? html_fragment_text (text) : g_steal_pointer (&text);
}

static void
read_atom (Listing *l,
           xmlNode *feed)
{
  for (xmlNode *n = feed->children; n; n = n->next)
    {
      g_autofree char *title = NULL, *summary = NULL, *href = NULL, *url = NULL;
      g_autoptr(GDateTime) date = NULL;

      if (!is_named (n, "entry"))
        continue;
      title = atom_text (child (n, "title"));
      summary = atom_text (child (n, "summary") ? child (n, "summary") : child (n, "content"));
      href = atom_link (n);
      url = resolve (l, n, href);
      date = parse_date_of (child (n, "published"), FALSE);
      if (date == NULL)
        date = parse_date_of (child (n, "updated"), FALSE);
      add_entry (l, hb_site_entry_new (title, url, summary, date));
    }
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */

/* The first element called @name under @node, depth first. */
static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      xmlNode *found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (is_named (n, name))
        return n;
      if ((found = find_element (n, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The first heading (h1–h6) under @node. */
static xmlNode *
find_heading (xmlNode *node)
{
  static const char * const names[] = { "h1", "h2", "h3", "h4", "h5", "h6" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      xmlNode *h = find_element (node, names[i]);

      if (h != NULL)
        return h;
    }
  return NULL;
}

/* The URL a link leads to, without its fragment, or NULL. */
static char *
link_target (Listing *l,
             xmlNode *a)
{
  g_autofree char *href = prop (a, "href");
  char *url, *hash;

  if (href == NULL || g_str_has_prefix (href, "javascript:") || g_str_has_prefix (href, "mailto:") ||
      g_str_has_prefix (href, "tel:"))
    return NULL;
  url = resolve (l, a, href);
  if (url && (hash = strchr (url, '#')) != NULL)
    *hash = '\0';
  return url;
}

/* Does any link under @node lead somewhere other than @url? */
static gboolean
links_elsewhere (Listing    *l,
                 xmlNode    *node,
                 const char *url)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      g_autofree char *target = NULL;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (is_named (n, "a") && (target = link_target (l, n)) != NULL && strcmp (target, url) != 0)
        return TRUE;
      if (links_elsewhere (l, n, url))
        return TRUE;
    }
  return FALSE;
}

/* The largest element around @a that is about @url alone and not longer
 * than a summary, or NULL. */
static xmlNode *
item_container (Listing    *l,
                xmlNode    *a,
                const char *url)
{
  xmlNode *container = NULL;
  xmlNode *n = a->parent;

  for (guint depth = 0; depth < MAX_CONTAINER_DEPTH && n && n->type == XML_ELEMENT_NODE; depth++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (is_named (n, "body") || is_named (n, "html") || links_elsewhere (l, n, url))
        break;
      collect_text (n, text, MAX_SUMMARY_CHARS * 4);
      if (g_utf8_strlen (text->str, -1) > MAX_SUMMARY_CHARS)
        break;
      container = n;
      n = n->parent;
    }
  return container;
}

/* The link's words: its text, else its title or an image's alt text. */
static char *
link_title (xmlNode *a)
{
  char *text = node_text (a, MAX_SUMMARY_CHARS);
  xmlNode *img;

  if (text && *text)
    return text;
  g_free (text);
  if ((text = prop (a, "title")) != NULL)
    return text;
  img = find_element (a, "img");
  return img ? prop (img, "alt") : NULL;
}

/* Title, summary and date of the link @a to @url. */
static HbSiteEntry *
html_entry (Listing    *l,
            xmlNode    *a,
            const char *url)
{
  xmlNode *container = item_container (l, a, url);
  g_autofree char *title = link_title (a);
  g_autofree char *summary = container ? node_text (container, MAX_SUMMARY_CHARS * 4) : NULL;
  xmlNode *heading = container ? find_heading (container) : NULL;
  xmlNode *time = container ? find_element (container, "time") : find_element (a, "time");
  g_autofree char *stamp = time ? prop (time, "datetime") : NULL;
  g_autoptr(GDateTime) date = stamp ? parse_iso (stamp) : NULL;
  g_autofree char *heading_text = heading ? node_text (heading, MAX_SUMMARY_CHARS) : NULL;
  g_autofree char *squashed = title ? squash (title) : NULL;

  if (heading_text && g_utf8_strlen (heading_text, -1) > g_utf8_strlen (squashed ? squashed : "", -1))
    {
      g_free (squashed);
      squashed = g_steal_pointer (&heading_text);
    }
  return hb_site_entry_new (squashed, url, summary, date);
}

/* A second link to a page already listed: keep the better title. */
static void
merge_entry (Listing     *l,
             guint        index,
             HbSiteEntry *entry)
{
  HbSiteEntry *old = l->entries->pdata[index];

  if (g_utf8_strlen (entry->title, -1) > g_utf8_strlen (old->title, -1))
    {
      l->entries->pdata[index] = entry;
      hb_site_entry_free (old);
    }
  else
    hb_site_entry_free (entry);
}

static void
read_html_links (Listing *l,
                 xmlNode *node)
{
  for (xmlNode *n = node->children; n && l->entries->len < HB_SITE_LISTING_MAX_ENTRIES; n = n->next)
    {
      g_autofree char *url = NULL;
      HbSiteEntry *entry;
      guint index;

      if (n->type != XML_ELEMENT_NODE || is_hidden (n))
        continue;
      if (!is_named (n, "a") || (url = link_target (l, n)) == NULL)
        {
          read_html_links (l, n);
          continue;
        }
      entry = html_entry (l, n, url);
      if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (l->by_url, url))) != 0)
        merge_entry (l, index - 1, entry);
      else if (g_utf8_strlen (entry->title, -1) < 3)
        hb_site_entry_free (entry);
      else if (add_entry (l, entry))
        g_hash_table_insert (l->by_url, g_strdup (url), GUINT_TO_POINTER (l->entries->len));
    }
}

/* ------------------------------------------------------------------ */
/* The listing                                                         */

static gboolean
looks_like_xml (const char *data,
                gsize       size)
{
  const char *p = data, *end = data + size;

  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return (end - p >= 5 && memcmp (p, "<?xml", 5) == 0) ||
         (end - p >= 4 && memcmp (p, "<rss", 4) == 0) ||
         (end - p >= 5 && memcmp (p, "<feed", 5) == 0) ||
         (end - p >= 8 && memcmp (p, "<rdf:RDF", 8) == 0);
}

/* Types that cannot be a listing: a clear error instead of no match. */
static gboolean
type_refused (const char *content_type)
{
  static const char * const prefixes[] = {
    "image/", "audio/", "video/", "font/", "application/json", "application/pdf",
    "application/zip", "application/octet-stream",
  };

  for (guint i = 0; content_type && i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (content_type, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* A feed's root decides: rss / RDF, Atom's feed; XHTML goes to the HTML
 * reader.  FALSE when the root is none of these. */
static gboolean
read_feed (Listing *l,
           xmlDoc  *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (is_named (root, "rss") || is_named (root, "RDF"))
    read_rss (l, root);
  else if (is_named (root, "feed"))
    read_atom (l, root);
  else if (is_named (root, "html"))
    read_html_links (l, root);
  else
    return FALSE;
  return TRUE;
}

static gboolean
read_document (Listing     *l,
               const char  *data,
               gsize        size,
               GError     **error)
{
  xmlDoc *doc;
  gboolean ok;

  if (looks_like_xml (data, size))
    {
      doc = xmlReadMemory (data, size, l->base_url, NULL, XML_OPTIONS);
      if (doc == NULL)
        {
          g_set_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT,
                       _("The feed at %s is not well-formed XML"), l->base_url);
          return FALSE;
        }
      ok = read_feed (l, doc);
      xmlFreeDoc (doc);
      if (!ok)
        g_set_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT,
                     _("%s is not a news listing (RSS, Atom or a web page)"), l->base_url);
      return ok;
    }
  /* A page that is valid UTF-8 is UTF-8, whatever libxml2 would guess
   * without a <meta charset>. */
  doc = htmlReadMemory (data, size, l->base_url, g_utf8_validate (data, size, NULL) ? "UTF-8" : NULL,
                        HTML_OPTIONS);
  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    read_html_links (l, xmlDocGetRootElement (doc));
  if (doc != NULL)
    xmlFreeDoc (doc);
  return TRUE;
}

/**
 * hb_site_listing_parse:
 * @content_type: (nullable): the response's media type
 * @base_url: the listing's address after redirects, for relative links
 *
 * Returns: (transfer full) (element-type HbSiteEntry): the entries in the
 *   listing's order (an empty feed has none), or NULL with
 *   HB_NET_ERROR_INVALID_CONTENT when the body is no listing
 */
GPtrArray *
hb_site_listing_parse (GBytes      *body,
                       const char  *content_type,
                       const char  *base_url,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) by_url = NULL;
  Listing l = { NULL, NULL, base_url };
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (body != NULL, NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_site_entry_free);
  by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.entries = entries;
  l.by_url = by_url;
  data = g_bytes_get_data (body, &size);
  hb_site_listing_init ();
  if (type_refused (content_type) || size == 0 || size > G_MAXINT)
    {
      g_set_error (error, HB_NET_ERROR, HB_NET_ERROR_INVALID_CONTENT,
                   _("%s is not a news listing (RSS, Atom or a web page)"), base_url);
      return NULL;
    }
  if (!read_document (&l, data, size, error))
    return NULL;
  return g_steal_pointer (&entries);
}
