/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-cache.c — the fetched policy pack on disk (see hb-policy-cache.h).
 *
 * The info file is small JSON:
 *
 *   { "format": "hebahan-policy-cache/1",
 *     "url": "https://…", "etag": "\"…\"", "sha256": "…",
 *     "id": "mpkk-media-sosial", "version": "2026.12.1",
 *     "fetched": "2026-12-01T08:00:00Z", "checked": "2026-12-03T08:00:00Z",
 *     "failure": {"time": "…", "url": "https://…", "message": "…"} }
 *
 * It is advice, not authority: the pack is validated again whenever it is
 * loaded, and the ETag is only sent when "sha256" still matches the pack
 * on disk (see hb-policy-update.c), so a lost or stale info file costs at
 * most one full download.
 */
#include "config.h"

#include "hb-policy-cache.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hb-error.h"
#include "hb-json.h"
#include "hb-json-reader.h"
#include "hb-policy-private.h"

#define CACHE_FORMAT "hebahan-policy-cache/1"

static char *
cache_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "hebahan", "policy", NULL);
}

/* The last good fetched pack, byte for byte as the server sent it. */
char *
hb_policy_cache_path (void)
{
  g_autofree char *dir = cache_dir ();

  return g_build_filename (dir, "fetched.json", NULL);
}

char *
hb_policy_cache_info_path (void)
{
  g_autofree char *dir = cache_dir ();

  return g_build_filename (dir, "fetched-info.json", NULL);
}

void
hb_policy_cache_info_free (HbPolicyCacheInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->url);
  g_free (info->etag);
  g_free (info->sha256);
  g_free (info->id);
  g_free (info->version);
  g_clear_pointer (&info->fetched, g_date_time_unref);
  g_clear_pointer (&info->checked, g_date_time_unref);
  g_clear_pointer (&info->failed, g_date_time_unref);
  g_free (info->failed_url);
  g_free (info->failure);
  g_free (info);
}

/* The record is written by Hebahan and only informs: a member of the
 * wrong type reads as absent, so the walker records nothing. */
static char *
dup_member (const HbJsonReader *r,
            const char         *name)
{
  return hb_json_reader_dup_string (r, name, HB_JSON_OPTIONAL);
}

static GDateTime *
time_member (const HbJsonReader *r,
             const char         *name)
{
  g_autofree char *text = dup_member (r, name);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static HbPolicyCacheInfo *
info_from_json (const HbJsonReader *r)
{
  HbPolicyCacheInfo *info = g_new0 (HbPolicyCacheInfo, 1);
  HbJsonReader failure;

  hb_json_reader_member (r, "failure", &failure);
  info->url = dup_member (r, "url");
  info->etag = dup_member (r, "etag");
  info->sha256 = dup_member (r, "sha256");
  info->id = dup_member (r, "id");
  info->version = dup_member (r, "version");
  info->fetched = time_member (r, "fetched");
  info->checked = time_member (r, "checked");
  info->failed = time_member (&failure, "time");
  info->failed_url = dup_member (&failure, "url");
  info->failure = dup_member (&failure, "message");
  return info;
}

/* What is recorded about the fetched pack; NULL without an error when
 * nothing was ever fetched, NULL with an error when the file is unreadable
 * or not an info file. */
HbPolicyCacheInfo *
hb_policy_cache_info_load (GError **error)
{
  g_autofree char *path = hb_policy_cache_info_path ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  g_autofree char *format = NULL;
  HbJsonReader root;

  g_autofree char *data = NULL;
  gsize len = 0;

  /* Through hb_json_load(), like every other JSON: nesting, NULs and
   * repeated members are refused before json-glib recurses. */
  if (!g_file_get_contents (path, &data, &len, &local) || !hb_json_load (parser, data, len, &local))
    {
      if (!g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", path);
      return NULL;
    }
  hb_json_reader_init (&root, json_parser_get_root (parser), NULL);
  if (g_strcmp0 (format = dup_member (&root, "format"), CACHE_FORMAT) != 0)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_POLICY,
                   _("%s is not a record of a fetched policy pack"), path);
      return NULL;
    }
  return info_from_json (&root);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_time (JsonBuilder *b,
          const char  *name,
          GDateTime   *when)
{
  g_autofree char *iso = when ? g_date_time_format_iso8601 (when) : NULL;

  add_string (b, name, iso);
}

static JsonNode *
info_to_json (const HbPolicyCacheInfo *info)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "format", CACHE_FORMAT);
  add_string (b, "url", info->url);
  add_string (b, "etag", info->etag);
  add_string (b, "sha256", info->sha256);
  add_string (b, "id", info->id);
  add_string (b, "version", info->version);
  add_time (b, "fetched", info->fetched);
  add_time (b, "checked", info->checked);
  if (info->failed != NULL || info->failure != NULL)
    {
      json_builder_set_member_name (b, "failure");
      json_builder_begin_object (b);
      add_time (b, "time", info->failed);
      add_string (b, "url", info->failed_url);
      add_string (b, "message", info->failure);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Write-then-rename (g_file_set_contents), after an fsync, so a reader
 * sees the old file or the new one, never a part. */
static gboolean
write_atomically (const char *path,
                  const char *data,
                  gsize       len,
                  GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

gboolean
hb_policy_cache_info_save (const HbPolicyCacheInfo *info,
                           GError                 **error)
{
  g_autofree char *path = hb_policy_cache_info_path ();
  g_autoptr(JsonNode) root = info_to_json (info);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *data = NULL;
  gsize len = 0;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  data = json_generator_to_data (gen, &len);
  return write_atomically (path, data, len, error);
}

/* The recorded info, or a blank one when there is none or it is unreadable
 * (it is rewritten whole, so a damaged file heals itself). */
static HbPolicyCacheInfo *
info_load_or_new (void)
{
  g_autoptr(GError) error = NULL;
  HbPolicyCacheInfo *info = hb_policy_cache_info_load (&error);

  if (error != NULL)
    g_debug ("Replacing the policy cache info: %s", error->message);
  return info ? info : g_new0 (HbPolicyCacheInfo, 1);
}

static void
set_string (char      **field,
            const char *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
clear_failure (HbPolicyCacheInfo *info)
{
  g_clear_pointer (&info->failed, g_date_time_unref);
  g_clear_pointer (&info->failed_url, g_free);
  g_clear_pointer (&info->failure, g_free);
}

/* The fetched pack, validated again (a newer Hebahan may check more than
 * the one that stored it); G_IO_ERROR_NOT_FOUND when there is none. */
HbPolicy *
hb_policy_cache_load (GError **error)
{
  g_autofree char *path = hb_policy_cache_path ();
  HbPolicy *policy = hb_policy_new_from_file (path, error);

  if (policy != NULL)
    hb_policy_set_source (policy, HB_POLICY_SOURCE_FETCHED, path);
  return policy;
}

/* SHA-256 of the cached pack as it is on disk, or NULL when there is none. */
char *
hb_policy_cache_sha256 (void)
{
  g_autofree char *path = hb_policy_cache_path ();
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) bytes = NULL;

  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Makes @policy, validated from @bytes, the cached pack, and records where
 * it came from; @policy's source becomes HB_POLICY_SOURCE_FETCHED.
 * @changed says whether the cache held other bytes before (a server
 * without ETags sends the same pack again).  The pack is written before
 * its info, so an interruption between the two leaves an info file whose
 * sha256 no longer matches: the next update simply downloads it again. */
gboolean
hb_policy_cache_store (GBytes     *bytes,
                       HbPolicy   *policy,
                       const char *url,
                       const char *etag,
                       gboolean   *changed,
                       GError    **error)
{
  g_autofree char *path = hb_policy_cache_path ();
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *current = hb_policy_cache_sha256 ();
  g_autoptr(HbPolicyCacheInfo) info = info_load_or_new ();
  gboolean same = g_strcmp0 (sha256, current) == 0;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  g_return_val_if_fail (g_strcmp0 (sha256, hb_policy_get_sha256 (policy)) == 0, FALSE);
  if (!same && !write_atomically (path, data ? data : "", len, error))
    return FALSE;
  hb_policy_set_source (policy, HB_POLICY_SOURCE_FETCHED, path);
  set_string (&info->url, url);
  set_string (&info->etag, etag);
  set_string (&info->sha256, sha256);
  set_string (&info->id, hb_policy_get_id (policy));
  set_string (&info->version, hb_policy_get_version (policy));
  g_clear_pointer (&info->checked, g_date_time_unref);
  info->checked = g_date_time_new_now_utc ();
  if (!same || info->fetched == NULL)
    {
      g_clear_pointer (&info->fetched, g_date_time_unref);
      info->fetched = g_date_time_ref (info->checked);
    }
  clear_failure (info);
  if (changed != NULL)
    *changed = !same;
  return hb_policy_cache_info_save (info, error);
}

/* The server confirmed that the cached pack is current (304, or the same
 * bytes again): notes the time and the ETag, and forgets an old failure. */
gboolean
hb_policy_cache_record_check (const char *url,
                              const char *etag,
                              GError    **error)
{
  g_autoptr(HbPolicyCacheInfo) info = info_load_or_new ();

  set_string (&info->url, url);
  if (etag != NULL)
    set_string (&info->etag, etag);
  g_clear_pointer (&info->checked, g_date_time_unref);
  info->checked = g_date_time_new_now_utc ();
  clear_failure (info);
  return hb_policy_cache_info_save (info, error);
}

/* Notes a failed update, so the app can say so on its next start; what is
 * known about the cached pack is kept. */
gboolean
hb_policy_cache_record_failure (const char *url,
                                const char *message,
                                GError    **error)
{
  g_autoptr(HbPolicyCacheInfo) info = info_load_or_new ();

  clear_failure (info);
  info->failed = g_date_time_new_now_utc ();
  info->failed_url = g_strdup (url);
  info->failure = g_strdup (message);
  return hb_policy_cache_info_save (info, error);
}

static gboolean
remove_if_present (const char *path,
                   GError    **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not remove %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Forgets the fetched pack and its info (the next start uses the user's
 * pack or the built-in one), e.g. when the update address is cleared. */
gboolean
hb_policy_cache_clear (GError **error)
{
  g_autofree char *path = hb_policy_cache_path ();
  g_autofree char *info = hb_policy_cache_info_path ();

  return remove_if_present (path, error) && remove_if_present (info, error);
}
