/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-policy-select.c — which pack is in use: the user's own pack if it
 * validates, else the last good fetched one unless it is an older version
 * of the built-in one, else the built-in one (see hb-policy.h and
 * docs/architecture.md).
 */
#include "config.h"

#include "hb-policy-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hb-json.h"
#include "hb-policy-cache.h"
#include "hb-resources.h"

/* The pack compiled into the program; tests prove it valid, so failing to
 * load it is a programming error. */
HbPolicy *
hb_policy_new_builtin (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HbPolicy *policy;

  bytes = g_resource_lookup_data (hb_get_resource (), "/my/gov/mpkk/Hebahan/policy/mpkk.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL || (policy = hb_policy_new_from_bytes (bytes, &error)) == NULL)
    g_error ("The built-in policy pack does not load: %s", error->message);
  policy->origin = g_strdup ("built-in");
  policy->source = HB_POLICY_SOURCE_BUILTIN;
  return policy;
}

char *
hb_policy_user_override_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "hebahan", "policy.json", NULL);
}

/* Adds "Ignoring PATH: why" to what hb_policy_load_default() reports;
 * a second problem joins the first in the same one-line message. */
static void
note_ignored (GError    **problems,
              const char *path,
              GError     *error)
{
  g_autofree char *message = NULL;

  if (problems == NULL)
    {
      g_error_free (error);
      return;
    }
  if (*problems == NULL)
    {
      g_propagate_prefixed_error (problems, error, _("Ignoring %s: "), path);
      return;
    }
  message = g_strdup_printf (_("%s; ignoring %s: %s"), (*problems)->message, path, error->message);
  g_free ((*problems)->message);
  (*problems)->message = g_steal_pointer (&message);
  g_error_free (error);
}

/* The pack at @path if it exists and validates; NULL otherwise, with the
 * reason added to @problems when it exists but cannot be used. */
static HbPolicy *
load_candidate (const char     *path,
                HbPolicySource  source,
                GError        **problems)
{
  g_autoptr(GError) error = NULL;
  HbPolicy *policy;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if ((policy = hb_policy_new_from_file (path, &error)) != NULL)
    {
      policy->source = source;
      return policy;
    }
  note_ignored (problems, path, g_steal_pointer (&error));
  return NULL;
}

/**
 * hb_policy_compare_versions:
 *
 * Orders pack versions such as "2026.11.2" part by part, numerically, so
 * that "2026.11.10" comes after "2026.11.9"; a part that is not a number
 * is compared as text.
 *
 * Returns: less than, equal to or greater than 0 as @a is older than, the
 *   same as or newer than @b
 */
int
hb_policy_compare_versions (const char *a,
                            const char *b)
{
  g_auto(GStrv) pa = NULL, pb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  pa = g_strsplit (a, ".", -1);
  pb = g_strsplit (b, ".", -1);

  for (guint i = 0; pa[i] || pb[i]; i++)
    {
      guint64 na, nb;
      gboolean numbers;
      int order;

      if (pa[i] == NULL || pb[i] == NULL)
        return pa[i] ? 1 : -1;
      numbers = g_ascii_string_to_unsigned (pa[i], 10, 0, G_MAXUINT64, &na, NULL)
                && g_ascii_string_to_unsigned (pb[i], 10, 0, G_MAXUINT64, &nb, NULL);
      order = numbers ? (na > nb) - (na < nb) : strcmp (pa[i], pb[i]);
      if (order != 0)
        return order;
    }
  return 0;
}

/* The built-in pack's id and version, read once from its JSON without
 * compiling the pack (that takes 100 ms). */
static void
builtin_identity (const char **id,
                  const char **version)
{
  static char *builtin_id, *builtin_version;
  static gsize read;

  if (g_once_init_enter (&read))
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (hb_get_resource (),
                                                        "/my/gov/mpkk/Hebahan/policy/mpkk.json",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize len = 0;
      const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;
      JsonNode *root;
      JsonObject *pack;

      if (data && hb_json_load (parser, data, len, NULL)
          && JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
        {
          pack = json_node_get_object (root);
          builtin_id = g_strdup (json_object_get_string_member_with_default (pack, "id", ""));
          builtin_version = g_strdup (json_object_get_string_member_with_default (pack, "version", ""));
        }
      g_once_init_leave (&read, 1);
    }
  *id = builtin_id;
  *version = builtin_version;
}

/**
 * hb_policy_is_outdated:
 *
 * Whether @self is an older version of the built-in pack: a pack fetched
 * before this copy of Hebahan was installed must not hide the newer pack
 * it brings (new checklist items, new rules) until the council's server
 * publishes a newer one.
 */
gboolean
hb_policy_is_outdated (HbPolicy *self)
{
  const char *id, *version;

  g_return_val_if_fail (HB_IS_POLICY (self), FALSE);
  builtin_identity (&id, &version);
  return self->source != HB_POLICY_SOURCE_BUILTIN && id && version
         && g_strcmp0 (self->id, id) == 0
         && hb_policy_compare_versions (self->version, version) < 0;
}

/* Returns the pack to use: the user's own pack in the config folder when
 * it validates, else the last good pack fetched from the council's server
 * (hb-policy-cache.h) when it validates and is not older than the built-in
 * one, else the built-in pack.  A pack that exists but cannot be used is
 * skipped, and @problems says why (both reasons in one message when both
 * are skipped), so the caller can tell the user; the returned pack is
 * usable either way. */
HbPolicy *
hb_policy_load_default (GError **problems)
{
  g_autofree char *user = hb_policy_user_override_path ();
  g_autofree char *fetched = hb_policy_cache_path ();
  HbPolicy *policy;

  if ((policy = load_candidate (user, HB_POLICY_SOURCE_USER, problems)) != NULL)
    return policy;
  if ((policy = load_candidate (fetched, HB_POLICY_SOURCE_FETCHED, problems)) != NULL)
    {
      if (!hb_policy_is_outdated (policy))
        return policy;
      g_object_unref (policy);
    }
  return hb_policy_new_builtin ();
}
