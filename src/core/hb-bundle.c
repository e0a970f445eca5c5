/* hb-bundle.c — exports the ready-to-post bundle and verifies one.
 *
 * Everything is written into a hidden temporary folder next to the
 * destination (so the final rename stays on one filesystem and is
 * atomic), and only a complete bundle is renamed into place: a failure or
 * a cancellation at any step removes what was written.  A .zip is built
 * from that folder into a hidden temporary file, then renamed.
 *
 * Photos are decoded and re-encoded rather than copied, because copying
 * would carry the camera's EXIF (GPS position, serial numbers), XMP and
 * comments to the public; gdk-pixbuf writes none of them unless asked.
 */
#include "hb-bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hb-caption.h"
#include "hb-checklist.h"
#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-json.h"
#include "hb-platforms.h"
#include "hb-post-lint.h"
#include "hb-reencode.h"
#include "hb-sha256.h"
#include "hb-signoff.h"

#define CHUNK_BYTES       (64 * 1024)
#define MAX_SLUG          50
#define MAX_SMALL_FILE    (16 * 1024 * 1024)   /* SHA256SUMS and manifest.json, when verifying */

typedef struct
{
  HbPolicy          *policy;
  HbPost            *post;
  HbLang             lang;
  const char        *dest;
  gboolean           zip;
  char              *name;      /* the bundle's folder name */
  char              *tmpdir;    /* the folder being written */
  char              *tmpzip;    /* the .zip being written, if any */
  HbBundleProgress   progress;
  gpointer           user_data;
  GCancellable      *cancellable;
  guint              step, n_steps;
  GPtrArray         *files;     /* relative paths written, for SHA256SUMS and the zip */
  GPtrArray         *statuses;  /* HbCheckStatus */
  GPtrArray         *findings;  /* HbPostFinding */
  JsonNode          *media;     /* the manifest's media array */
  GPtrArray         *thumbnails; /* GdkPixbuf or NULL per item, for the sign-off sheet */
  char              *manifest_sha256;
} Export;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

/* Thumbnails are NULL for videos. */
static void
unref_if_set (gpointer object)
{
  if (object)
    g_object_unref (object);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write to “%s”: %s"), path, g_strerror (saved_errno));
}

/* Lower-case ASCII letters, digits and single hyphens: safe in any file
 * system, URL or e-mail attachment name. */
static char *
slugify (const char *text,
         const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p && out->len < MAX_SLUG; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, fallback);
  return g_string_free (out, FALSE);
}

char *
hb_bundle_default_name (HbPost *post)
{
  g_autoptr(GDateTime) date = hb_post_dup_date (post);
  g_autofree char *day = NULL;
  g_autofree char *slug = NULL;

  if (date == NULL)
    date = g_date_time_new_now_local ();
  day = g_date_time_format (date, "%Y-%m-%d");
  slug = slugify (hb_post_get_field (post, HB_FIELD_EVENT_NAME), "hebahan");
  return g_strdup_printf ("%s-%s", day, slug);
}

/* ------------------------------------------------------------------ */
/* Writing files into the temporary folder                             */

static void
report (Export     *ex,
        const char *what)
{
  if (ex->progress)
    ex->progress ((double) ex->step / ex->n_steps, what, ex->user_data);
  ex->step++;
}

static char *
tmp_path (Export     *ex,
          const char *rel)
{
  return g_build_filename (ex->tmpdir, rel, NULL);
}

/* Written with plain POSIX calls so that errno — "Permission denied",
 * "No space left on device" — reaches the message; synced, so that the
 * renamed bundle is whole even after a power cut. */
static gboolean
write_bytes (Export      *ex,
             const char  *rel,
             const void  *data,
             gsize        len,
             GError     **error)
{
  g_autofree char *path = tmp_path (ex, rel);
  const char *p = data;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      set_errno_error (error, errno, ex->dest);
      return FALSE;
    }
  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          set_errno_error (error, saved, ex->dest);
          return FALSE;
        }
      p += n, len -= n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      set_errno_error (error, errno, ex->dest);
      return FALSE;
    }
  g_ptr_array_add (ex->files, g_strdup (rel));
  return TRUE;
}

static gboolean
write_text (Export      *ex,
            const char  *rel,
            const char  *text,
            GError     **error)
{
  return write_bytes (ex, rel, text, strlen (text), error);
}

static gboolean
make_dir (Export      *ex,
          const char  *rel,
          GError     **error)
{
  g_autofree char *path = tmp_path (ex, rel);

  if (g_mkdir (path, 0755) != 0)
    {
      set_errno_error (error, errno, ex->dest);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Captions                                                            */

static char *
platform_caption (HbPost     *post,
                  const char *platform,
                  const char *composed)
{
  const char *own = hb_post_get_caption_override (post, platform);

  return g_strdup (own && *own ? own : composed);
}

/* The platform-limits checklist item already refuses an over-long caption
 * unless an officer overrode it in writing, so the text is written as it
 * is and the manifest records whether it fits. */
static gboolean
write_platform_caption (Export       *ex,
                        JsonBuilder  *b,
                        const char   *id,
                        const char   *composed,
                        GError      **error)
{
  const HbPlatform *platform = hb_platforms_lookup (hb_platforms_get_default (), id);
  g_autofree char *text = platform_caption (ex->post, id, composed);
  g_autofree char *rel = g_strdup_printf ("captions/%s.txt", id);
  HbCount count = { 0, };

  if (!write_text (ex, rel, text, error))
    return FALSE;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "platform");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, rel);
  json_builder_set_member_name (b, "own");
  json_builder_add_boolean_value (b, hb_post_get_caption_override (ex->post, id) != NULL);
  if (platform && hb_platform_count (platform, text, -1, &count, NULL))
    {
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, count.length);
      json_builder_set_member_name (b, "limit");
      json_builder_add_int_value (b, count.limit);
      json_builder_set_member_name (b, "within_limit");
      json_builder_add_boolean_value (b, count.valid);
    }
  json_builder_end_object (b);
  return TRUE;
}

static gboolean
write_captions (Export       *ex,
                JsonBuilder  *b,
                GError      **error)
{
  g_autoptr(HbCaption) caption = hb_caption_compose (ex->post, ex->lang);
  const char * const *platforms = hb_post_get_platforms (ex->post);

  report (ex, _("Writing the captions"));
  if (!write_text (ex, "caption.txt", caption->text, error) ||
      !make_dir (ex, "captions", error))
    return FALSE;
  json_builder_set_member_name (b, "captions");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "master");
  json_builder_add_string_value (b, "caption.txt");
  json_builder_set_member_name (b, "platforms");
  json_builder_begin_array (b);
  for (guint i = 0; platforms && platforms[i]; i++)
    if (!write_platform_caption (ex, b, platforms[i], caption->text, error))
      return FALSE;
  json_builder_end_array (b);
  json_builder_end_object (b);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Media                                                               */

/* The largest photo every selected platform accepts: the smallest
 * maximum width and height among them, 0 where none sets one. */
static void
image_box (HbPost *post,
           guint  *max_width,
           guint  *max_height,
           gboolean *png_ok)
{
  const char * const *platforms = hb_post_get_platforms (post);

  *max_width = *max_height = 0;
  *png_ok = TRUE;
  for (guint i = 0; platforms && platforms[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (hb_platforms_get_default (), platforms[i]);

      if (p == NULL)
        continue;
      if (p->image.max_width && (*max_width == 0 || p->image.max_width < *max_width))
        *max_width = p->image.max_width;
      if (p->image.max_height && (*max_height == 0 || p->image.max_height < *max_height))
        *max_height = p->image.max_height;
      if (p->image.formats && !g_strv_contains ((const char * const *) p->image.formats, "png"))
        *png_ok = FALSE;
    }
}

typedef struct
{
  char *rel;
  char *source_sha256;
  char *sha256;
  int   width, height;
} MediaOut;

static void
media_out_clear (MediaOut *out)
{
  g_free (out->rel);
  g_free (out->source_sha256);
  g_free (out->sha256);
}

static gboolean
export_photo (Export              *ex,
              const HbReencodeJob *job,
              const char          *stem,
              MediaOut            *out,
              GError             **error)
{
  gsize len = 0;
  const void *data = g_bytes_get_data (job->data, &len);

  out->rel = g_strdup_printf ("media/%s.%s", stem, job->png ? "png" : "jpg");
  out->width = job->width;
  out->height = job->height;
  out->sha256 = hb_sha256_hex (data, len);
  return write_bytes (ex, out->rel, data, len, error);
}

/* Videos are published as they are: re-encoding them is the platform's
 * job, and a copy keeps them byte-identical to what was reviewed. */
static gboolean
export_video (Export       *ex,
              const char   *source,
              const char   *stem,
              MediaOut     *out,
              GError      **error)
{
  const char *dot = strrchr (source, '.');
  g_autofree char *ext = dot && !strchr (dot, '/') ? slugify (dot + 1, "video") : g_strdup ("video");
  g_autofree char *path = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) local_error = NULL;

  out->rel = g_strdup_printf ("media/%s.%s", stem, ext);
  path = tmp_path (ex, out->rel);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, ex->cancellable, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, local_error->code, _("Could not copy “%s” into “%s”: %s"),
                     source, ex->dest, local_error->message);
      return FALSE;
    }
  g_ptr_array_add (ex->files, g_strdup (out->rel));
  out->sha256 = g_strdup (out->source_sha256);
  return TRUE;
}

/* A photo that changed after it was added is not what the officers
 * reviewed and confirmed. */
static gboolean
check_source (HbMediaItem          *item,
              const HbReencodeJob  *job,
              MediaOut             *out,
              GError              **error)
{
  const char *path = hb_media_item_get_path (item);
  const char *recorded = hb_media_item_get_sha256 (item);

  if (job->error && (job->error->domain == HB_ERROR ||
                     g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_propagate_error (error, g_error_copy (job->error));
      return FALSE;
    }
  if (job->error)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE, _("Could not read “%s”: %s"),
                   path, job->error->message);
      return FALSE;
    }
  out->source_sha256 = g_strdup (job->source_sha256);
  if (recorded && *recorded && g_ascii_strcasecmp (recorded, out->source_sha256) != 0)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                   _("“%s” has changed since it was added to the post"), path);
      return FALSE;
    }
  return TRUE;
}

static void
add_media_entry (Export      *ex,
                 HbMediaItem *item,
                 MediaOut    *out)
{
  JsonArray *array = json_node_get_array (ex->media);
  JsonObject *obj = json_object_new ();
  gboolean photo = hb_media_item_get_kind (item) == HB_MEDIA_PHOTO;

  json_object_set_string_member (obj, "file", out->rel);
  json_object_set_string_member (obj, "kind", photo ? "photo" : "video");
  json_object_set_string_member (obj, "source", hb_media_item_get_path (item));
  json_object_set_string_member (obj, "source_sha256", out->source_sha256);
  json_object_set_string_member (obj, "sha256", out->sha256);
  json_object_set_string_member (obj, "alt_text", hb_media_item_get_alt_text (item));
  json_object_set_string_member (obj, "caption", hb_media_item_get_caption (item));
  if (photo)
    {
      json_object_set_int_member (obj, "width", out->width);
      json_object_set_int_member (obj, "height", out->height);
    }
  json_array_add_object_element (array, obj);
}

static gboolean
export_item (Export       *ex,
             HbReencoder  *coder,
             HbMediaItem  *item,
             guint         i,
             guint         n,
             GError      **error)
{
  const HbReencodeJob *job;
  const char *path = hb_media_item_get_path (item);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dot = strrchr (base, '.') ? g_strndup (base, strrchr (base, '.') - base) : g_strdup (base);
  g_autofree char *slug = slugify (dot, "media");
  g_autofree char *stem = g_strdup_printf ("%02u-%s", i + 1, slug);
  g_autofree char *what = NULL;
  MediaOut out = { NULL, };
  gboolean photo = hb_media_item_get_kind (item) == HB_MEDIA_PHOTO;
  gboolean ok;

  what = photo ? g_strdup_printf (_("Re-encoding photo %u of %u"), i + 1, n)
               : g_strdup_printf (_("Copying video %u of %u"), i + 1, n);
  report (ex, what);
  if (g_cancellable_set_error_if_cancelled (ex->cancellable, error))
    return FALSE;
  job = hb_reencoder_wait (coder, i);
  g_ptr_array_add (ex->thumbnails, job->thumbnail ? g_object_ref (job->thumbnail) : NULL);
  ok = check_source (item, job, &out, error) &&
       (photo ? export_photo (ex, job, stem, &out, error) : export_video (ex, path, stem, &out, error));
  if (ok)
    add_media_entry (ex, item, &out);
  media_out_clear (&out);
  return ok;
}

static gboolean
write_media (Export  *ex,
             GError **error)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (ex->post));
  guint n = g_list_model_get_n_items (media);
  g_autoptr(HbReencoder) coder = NULL;
  guint max_w, max_h;
  gboolean png_ok;

  if (!make_dir (ex, "media", error))
    return FALSE;
  /* Every photo is queued at once: the pool prepares the next ones while
   * this thread writes each in turn. */
  image_box (ex->post, &max_w, &max_h, &png_ok);
  coder = hb_reencoder_new (max_w, max_h, png_ok, HB_SIGNOFF_THUMB_SIZE, ex->cancellable);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);

      hb_reencoder_push (coder, hb_media_item_get_path (item),
                         hb_media_item_get_kind (item) == HB_MEDIA_PHOTO);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);

      if (!export_item (ex, coder, item, i, n, error))
        return FALSE;
    }
  return TRUE;
}

/* One block per item, for whoever types the alt texts into the platform. */
static gboolean
write_alt_text (Export  *ex,
                GError **error)
{
  JsonArray *array = json_node_get_array (ex->media);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s\n", json_object_get_string_member (obj, "file"));
      g_string_append_printf (out, _("Alt text: %s\n"), json_object_get_string_member (obj, "alt_text"));
      g_string_append_printf (out, _("Caption: %s\n"), json_object_get_string_member (obj, "caption"));
    }
  return write_text (ex, "alt-text.txt", out->str, error);
}

/* ------------------------------------------------------------------ */
/* Manifest                                                            */

static void
add_time (JsonBuilder *b,
          const char  *name,
          GDateTime   *when)
{
  g_autofree char *iso = when ? g_date_time_format_iso8601 (when) : NULL;

  hb_json_add_string_member (b, name, iso);
}

static void
add_post (Export      *ex,
          JsonBuilder *b)
{
  GListModel *guests = G_LIST_MODEL (hb_post_get_guests (ex->post));
  const char * const *platforms = hb_post_get_platforms (ex->post);

  json_builder_set_member_name (b, "post");
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "type", hb_post_type_to_string (hb_post_get_post_type (ex->post)));
  hb_json_add_string_member (b, "language", hb_lang_to_string (ex->lang));
  json_builder_set_member_name (b, "platforms");
  json_builder_begin_array (b);
  for (guint i = 0; platforms && platforms[i]; i++)
    json_builder_add_string_value (b, platforms[i]);
  json_builder_end_array (b);
  for (guint f = 0; f < HB_N_FIELDS; f++)
    hb_json_add_string_member (b, hb_field_to_string (f), hb_post_get_field (ex->post, f));
  json_builder_set_member_name (b, "guests");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(HbGuest) guest = g_list_model_get_item (guests, i);

      json_builder_begin_object (b);
      hb_json_add_string_member (b, "title", hb_guest_get_title (guest));
      hb_json_add_string_member (b, "name", hb_guest_get_name (guest));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_status (JsonBuilder         *b,
            const HbCheckStatus *s,
            HbLang               lang)
{
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "id", s->item->id);
  hb_json_add_string_member (b, "clause", s->item->clause);
  hb_json_add_string_member (b, "kind", s->item->kind == HB_CHECK_AUTO ? "auto" : "confirm");
  hb_json_add_string_member (b, "label", s->item->label[lang]);
  hb_json_add_string_member (b, "state", hb_item_state_to_string (s->state));
  json_builder_set_member_name (b, "complete");
  json_builder_add_boolean_value (b, s->complete);
  hb_json_add_string_member (b, "who", s->who);
  add_time (b, "when", s->when);
  hb_json_add_string_member (b, "note", s->note);
  json_builder_set_member_name (b, "dates");
  json_builder_begin_array (b);
  for (guint i = 0; s->dates && s->dates[i]; i++)
    json_builder_add_string_value (b, s->dates[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_checklist (Export      *ex,
               JsonBuilder *b)
{
  GPtrArray *acks = hb_post_get_acks (ex->post);

  json_builder_set_member_name (b, "checklist");
  json_builder_begin_array (b);
  for (guint i = 0; i < ex->statuses->len; i++)
    add_status (b, ex->statuses->pdata[i], ex->lang);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "acknowledged");
  json_builder_begin_array (b);
  for (guint i = 0; acks && i < acks->len; i++)
    {
      const HbAck *ack = acks->pdata[i];

      json_builder_begin_object (b);
      hb_json_add_string_member (b, "rule", ack->rule);
      hb_json_add_string_member (b, "text", ack->text);
      hb_json_add_string_member (b, "reason", ack->reason);
      hb_json_add_string_member (b, "who", ack->who);
      add_time (b, "when", ack->when);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_header (Export      *ex,
            JsonBuilder *b)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  hb_json_add_string_member (b, "format", HB_BUNDLE_FORMAT);
  hb_json_add_string_member (b, "name", ex->name);
  json_builder_set_member_name (b, "app");
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "name", "Hebahan");
  hb_json_add_string_member (b, "version", HB_VERSION);
  json_builder_end_object (b);
  add_time (b, "created", now);
  json_builder_set_member_name (b, "policy");
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "id", hb_policy_get_id (ex->policy));
  hb_json_add_string_member (b, "version", hb_policy_get_version (ex->policy));
  hb_json_add_string_member (b, "sha256", hb_policy_get_sha256 (ex->policy));
  json_builder_end_object (b);
}

static gboolean
write_manifest (Export       *ex,
                JsonBuilder  *b,
                GError      **error)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  report (ex, _("Writing the manifest"));
  add_post (ex, b);
  json_builder_set_member_name (b, "media");
  json_builder_add_value (b, json_node_copy (ex->media));
  add_checklist (ex, b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  data = json_generator_to_data (gen, &len);
  text = g_strconcat (data, "\n", NULL);
  ex->manifest_sha256 = hb_sha256_hex (text, len + 1);
  return write_text (ex, "manifest.json", text, error);
}

/* ------------------------------------------------------------------ */
/* Sign-off sheet and SHA256SUMS                                       */

static gboolean
write_signoff (Export  *ex,
               GError **error)
{
  g_autoptr(HbSignoff) signoff = NULL;
  g_autofree char *path = tmp_path (ex, "signoff.pdf");
  g_autoptr(GError) local_error = NULL;

  report (ex, _("Writing the sign-off sheet"));
  if (g_cancellable_set_error_if_cancelled (ex->cancellable, error))
    return FALSE;
  signoff = hb_signoff_new_with_thumbnails (ex->policy, ex->post, ex->statuses, ex->findings,
                                            ex->manifest_sha256, ex->thumbnails);
  if (!hb_signoff_write_pdf (signoff, path, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to “%s”: %s"),
                   ex->dest, local_error->message);
      return FALSE;
    }
  g_ptr_array_add (ex->files, g_strdup ("signoff.pdf"));
  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_sums (Export  *ex,
            GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  report (ex, _("Computing checksums"));
  g_ptr_array_sort (ex->files, compare_paths);
  for (guint i = 0; i < ex->files->len; i++)
    {
      g_autofree char *path = tmp_path (ex, ex->files->pdata[i]);
      g_autofree char *hex = hb_sha256_file (path, ex->cancellable, error);

      if (hex == NULL)
        return FALSE;
      g_string_append_printf (out, "%s  %s\n", hex, (const char *) ex->files->pdata[i]);
    }
  return write_text (ex, "SHA256SUMS", out->str, error);
}

/* ------------------------------------------------------------------ */
/* Zip                                                                 */

static gboolean
archive_failed (struct archive  *a,
                Export          *ex,
                GError         **error)
{
  int saved = archive_errno (a);

  g_set_error (error, G_IO_ERROR, saved > 0 ? g_io_error_from_errno (saved) : G_IO_ERROR_FAILED,
               _("Could not write to “%s”: %s"), ex->dest,
               saved > 0 ? g_strerror (saved) : archive_error_string (a));
  return FALSE;
}

static gboolean
zip_add_file (Export          *ex,
              struct archive  *a,
              const char      *rel,
              GError         **error)
{
  g_autofree char *path = tmp_path (ex, rel);
  g_autofree char *name = g_strdup_printf ("%s/%s", ex->name, rel);
  g_autofree guint8 *buf = g_malloc (CHUNK_BYTES);
  struct archive_entry *entry = archive_entry_new ();
  GStatBuf st;
  FILE *in;
  size_t n;
  gboolean ok = TRUE;

  if (g_stat (path, &st) != 0 || (in = g_fopen (path, "rb")) == NULL)
    {
      archive_entry_free (entry);
      set_errno_error (error, errno, ex->dest);
      return FALSE;
    }
  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, st.st_size);
  archive_entry_set_mtime (entry, st.st_mtime, 0);
  /* Photos and videos are compressed already: deflating them again only
   * costs time. */
  if (g_str_has_prefix (rel, "media/"))
    archive_write_zip_set_compression_store (a);
  else
    archive_write_zip_set_compression_deflate (a);
  if (archive_write_header (a, entry) != ARCHIVE_OK)
    ok = archive_failed (a, ex, error);
  while (ok && (n = fread (buf, 1, CHUNK_BYTES, in)) > 0)
    {
      if (g_cancellable_set_error_if_cancelled (ex->cancellable, error))
        ok = FALSE;
      else if (archive_write_data (a, buf, n) < 0)
        ok = archive_failed (a, ex, error);
    }
  fclose (in);
  archive_entry_free (entry);
  return ok;
}

static gboolean
write_zip_entries (Export          *ex,
                   struct archive  *a,
                   GError         **error)
{
  g_ptr_array_sort (ex->files, compare_paths);
  for (guint i = 0; i < ex->files->len; i++)
    if (!zip_add_file (ex, a, ex->files->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Into a hidden file beside @dest, synced, then renamed over it. */
static gboolean
write_zip (Export  *ex,
           GError **error)
{
  g_autofree char *dir = g_path_get_dirname (ex->dest);
  g_autofree char *base = g_path_get_basename (ex->dest);
  struct archive *a;
  gboolean ok;
  int fd;

  report (ex, _("Writing the zip file"));
  ex->tmpzip = g_strdup_printf ("%s/.%s.tmp-XXXXXX", dir, base);
  if ((fd = g_mkstemp_full (ex->tmpzip, O_WRONLY | O_CLOEXEC, 0644)) < 0)
    {
      set_errno_error (error, errno, ex->dest);
      g_clear_pointer (&ex->tmpzip, g_free);
      return FALSE;
    }
  a = archive_write_new ();
  archive_write_set_format_zip (a);
  ok = archive_write_open_fd (a, fd) == ARCHIVE_OK || archive_failed (a, ex, error);
  ok = ok && write_zip_entries (ex, a, error);
  ok = ok && (archive_write_close (a) == ARCHIVE_OK || archive_failed (a, ex, error));
  archive_write_free (a);
  if (ok && fsync (fd) != 0)
    ok = (set_errno_error (error, errno, ex->dest), FALSE);
  close (fd);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

static gboolean
refuse_incomplete (Export  *ex,
                   GError **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < ex->statuses->len; i++)
    {
      const HbCheckStatus *s = ex->statuses->pdata[i];

      if (!s->complete && s->reason && *s->reason)
        g_string_append_printf (missing, "\n%s: %s (%s)", s->item->id, s->item->label[ex->lang], s->reason);
      else if (!s->complete)
        g_string_append_printf (missing, "\n%s: %s", s->item->id, s->item->label[ex->lang]);
    }
  g_set_error (error, HB_ERROR, HB_ERROR_INCOMPLETE,
               _("The checklist is not complete:%s"), missing->str);
  return FALSE;
}

static gboolean
prepare (Export  *ex,
         GError **error)
{
  g_autofree char *dir = g_path_get_dirname (ex->dest);
  g_autofree char *base = g_path_get_basename (ex->dest);
  g_autofree char *tmpl = NULL;

  ex->zip = g_str_has_suffix (base, ".zip") && strlen (base) > 4;
  ex->name = ex->zip ? g_strndup (base, strlen (base) - 4) : g_strdup (base);
  if (!ex->zip && g_file_test (ex->dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists: choose a new folder name"), ex->dest);
      return FALSE;
    }
  tmpl = g_strdup_printf ("%s/.%s.tmp-XXXXXX", dir, ex->name);
  if (g_mkdtemp_full (tmpl, 0755) == NULL)
    {
      set_errno_error (error, errno, ex->dest);
      return FALSE;
    }
  ex->tmpdir = g_steal_pointer (&tmpl);
  return TRUE;
}

static gboolean
write_contents (Export  *ex,
                GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_header (ex, b);
  return write_captions (ex, b, error) &&
         write_media (ex, error) &&
         write_alt_text (ex, error) &&
         write_manifest (ex, b, error) &&
         write_signoff (ex, error) &&
         write_sums (ex, error);
}

/* rename() would quietly replace an empty folder, so a folder that
 * appeared meanwhile is checked for once more. */
static gboolean
move_into_place (Export  *ex,
                 GError **error)
{
  if (g_cancellable_set_error_if_cancelled (ex->cancellable, error))
    return FALSE;
  if (ex->zip)
    {
      if (!write_zip (ex, error))
        return FALSE;
      if (g_rename (ex->tmpzip, ex->dest) != 0)
        return (set_errno_error (error, errno, ex->dest), FALSE);
      g_clear_pointer (&ex->tmpzip, g_free);
      hb_file_remove_tree (ex->tmpdir);
      return TRUE;
    }
  if (g_file_test (ex->dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists: choose a new folder name"), ex->dest);
      return FALSE;
    }
  if (g_rename (ex->tmpdir, ex->dest) != 0)
    return (set_errno_error (error, errno, ex->dest), FALSE);
  return TRUE;
}

static void
export_clear (Export *ex)
{
  if (ex->tmpzip)
    g_unlink (ex->tmpzip);
  if (ex->tmpdir && g_file_test (ex->tmpdir, G_FILE_TEST_IS_DIR))
    hb_file_remove_tree (ex->tmpdir);
  g_free (ex->tmpzip);
  g_free (ex->tmpdir);
  g_free (ex->name);
  g_clear_pointer (&ex->files, g_ptr_array_unref);
  g_clear_pointer (&ex->statuses, g_ptr_array_unref);
  g_clear_pointer (&ex->findings, g_ptr_array_unref);
  g_clear_pointer (&ex->media, json_node_unref);
  g_clear_pointer (&ex->thumbnails, g_ptr_array_unref);
  g_free (ex->manifest_sha256);
}

static gboolean
export_run (Export  *ex,
            GError **error)
{
  guint n_media = g_list_model_get_n_items (G_LIST_MODEL (hb_post_get_media (ex->post)));

  ex->statuses = hb_checklist_evaluate (ex->policy, ex->post, NULL, ex->lang);
  if (!hb_checklist_is_complete (ex->statuses))
    return refuse_incomplete (ex, error);
  if ((ex->findings = hb_post_lint (ex->policy, ex->post, error)) == NULL ||
      !prepare (ex, error))
    return FALSE;
  ex->files = g_ptr_array_new_with_free_func (g_free);
  ex->media = json_node_init_array (json_node_alloc (), json_array_new ());
  ex->thumbnails = g_ptr_array_new_with_free_func (unref_if_set);
  ex->n_steps = 4 + n_media + (ex->zip ? 1 : 0);
  if (!write_contents (ex, error) || !move_into_place (ex, error))
    return FALSE;
  g_clear_pointer (&ex->tmpdir, g_free);  /* renamed into place or already removed */
  if (ex->progress)
    ex->progress (1.0, _("Done"), ex->user_data);
  return TRUE;
}

gboolean
hb_bundle_export (HbPolicy          *policy,
                  HbPost            *post,
                  const char        *dest,
                  HbBundleProgress   progress,
                  gpointer           user_data,
                  GCancellable      *cancellable,
                  char             **manifest_sha256,
                  GError           **error)
{
  Export ex = { policy, post, hb_post_get_language (post), dest, FALSE, NULL, NULL, NULL,
                progress, user_data, cancellable, };
  gboolean ok;

  g_return_val_if_fail (HB_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (HB_IS_POST (post), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  ok = export_run (&ex, error);
  if (ok && manifest_sha256)
    *manifest_sha256 = g_strdup (ex.manifest_sha256);
  export_clear (&ex);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Verify                                                              */

typedef struct
{
  GHashTable *hashes;    /* relative path → hex SHA-256 of what is there */
  GBytes     *sums;      /* SHA256SUMS */
  GBytes     *manifest;  /* manifest.json */
  GPtrArray  *twice;     /* paths a zip holds more than once */
} Contents;

static void
contents_clear (Contents *c)
{
  g_clear_pointer (&c->hashes, g_hash_table_unref);
  g_clear_pointer (&c->twice, g_ptr_array_unref);
  g_clear_pointer (&c->sums, g_bytes_unref);
  g_clear_pointer (&c->manifest, g_bytes_unref);
}

static void
keep_small (Contents   *c,
            const char *rel,
            GBytes     *bytes)
{
  if (strcmp (rel, "SHA256SUMS") == 0)
    c->sums = g_bytes_ref (bytes);
  else if (strcmp (rel, "manifest.json") == 0)
    c->manifest = g_bytes_ref (bytes);
}

/* Hashes one file of a folder bundle; the two small files are kept. */
static gboolean
read_folder_file (Contents    *c,
                  const char  *path,
                  const char  *rel,
                  GError     **error)
{
  char *hex;

  if (strcmp (rel, "SHA256SUMS") == 0 || strcmp (rel, "manifest.json") == 0)
    {
      g_autofree char *data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &data, &len, error))
        return FALSE;
      bytes = g_bytes_new_take (g_steal_pointer (&data), len);
      keep_small (c, rel, bytes);
      hex = hb_sha256_hex (g_bytes_get_data (bytes, NULL), len);
    }
  else if ((hex = hb_sha256_file (path, NULL, error)) == NULL)
    return FALSE;
  g_hash_table_insert (c->hashes, g_strdup (rel), hex);
  return TRUE;
}

static gboolean
read_folder (Contents    *c,
             const char  *root,
             const char  *rel,
             GError     **error)
{
  g_autofree char *dir_path = rel ? g_build_filename (root, rel, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  const char *entry;

  if (dir == NULL)
    return FALSE;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = rel ? g_strdup_printf ("%s/%s", rel, entry) : g_strdup (entry);
      g_autofree char *path = g_build_filename (root, child_rel, NULL);
      gboolean ok;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        ok = (g_hash_table_insert (c->hashes, g_strdup (child_rel), g_strdup ("symlink")), TRUE);
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        ok = read_folder (c, root, child_rel, error);
      else
        ok = read_folder_file (c, path, child_rel, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Entries are "<name>/<path>"; the top folder is dropped. */
static gboolean
read_zip_entry (Contents              *c,
                struct archive        *a,
                struct archive_entry  *entry,
                GError               **error)
{
  const char *name = archive_entry_pathname (entry);
  const char *slash = name ? strchr (name, '/') : NULL;
  const char *rel = slash && slash[1] ? slash + 1 : name;
  g_autoptr(GByteArray) small = g_byte_array_new ();
  guint8 buf[CHUNK_BYTES];
  la_ssize_t n;
  HbSha256 sum;

  if (name == NULL || archive_entry_filetype (entry) == AE_IFDIR)
    return TRUE;
  /* A zip may hold one path twice (unzip would extract either); such a
   * bundle is not the one that was signed, whichever copy is checked. */
  if (g_hash_table_contains (c->hashes, rel))
    {
      g_ptr_array_add (c->twice, g_strdup (rel));
      return TRUE;
    }
  hb_sha256_init (&sum);
  while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
    {
      hb_sha256_update (&sum, buf, n);
      if (small->len + n <= MAX_SMALL_FILE)
        g_byte_array_append (small, buf, n);
    }
  if (n < 0)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_BUNDLE, "%s", archive_error_string (a));
      return FALSE;
    }
  if (small->len <= MAX_SMALL_FILE)
    {
      g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&small));
      keep_small (c, rel, bytes);
    }
  g_hash_table_insert (c->hashes, g_strdup (rel), hb_sha256_finish_hex (&sum));
  return TRUE;
}

static gboolean
read_zip (Contents    *c,
          const char  *path,
          GError     **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;
  int r;

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, path, CHUNK_BYTES) != ARCHIVE_OK)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_BUNDLE, _("Could not read “%s”: %s"),
                   path, archive_error_string (a));
      archive_read_free (a);
      return FALSE;
    }
  while (ok && (r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    ok = read_zip_entry (c, a, entry, error);
  if (ok && r != ARCHIVE_EOF)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_INVALID_BUNDLE, _("Could not read “%s”: %s"),
                   path, archive_error_string (a));
      ok = FALSE;
    }
  archive_read_free (a);
  return ok;
}

/* SHA256SUMS as `sha256sum` writes it: "<hex>  <path>" or "<hex> *<path>". */
static GHashTable *
parse_sums (GBytes    *sums,
            GPtrArray *problems)
{
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize size = 0;
  const char *data = g_bytes_get_data (sums, &size);
  /* An empty file's bytes may have no data at all. */
  g_autofree char *text = g_strndup (data ? data : "", size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (*line == '\0')
        continue;
      if (strlen (line) < 67 || line[64] != ' ' || (line[65] != ' ' && line[65] != '*'))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("SHA256SUMS: line %u is not a checksum line"), i + 1));
          continue;
        }
      g_hash_table_insert (listed, g_strdup (line + 66), g_ascii_strdown (line, 64));
    }
  return listed;
}

typedef enum { MISSING, CHANGED, ADDED, TWICE } FileProblem;

/* "changed: NAME".  A name in a zip or in SHA256SUMS is any bytes, and
 * problems are shown to people, so it is made UTF-8 for the message only:
 * the comparison itself stays byte for byte. */
static void
add_file_problem (GPtrArray   *problems,
                  FileProblem  kind,
                  const char  *name)
{
  g_autofree char *shown = g_utf8_make_valid (name, -1);

  g_ptr_array_add (problems, kind == MISSING ? g_strdup_printf (_("missing: %s"), shown) :
                             kind == CHANGED ? g_strdup_printf (_("changed: %s"), shown) :
                             kind == ADDED ? g_strdup_printf (_("added: %s"), shown) :
                             /* TRANSLATORS: a path that is in a bundle's zip twice */
                             g_strdup_printf (_("duplicate: %s"), shown));
}

static void
compare_sums (GHashTable *hashes,
              GHashTable *listed,
              GPtrArray  *problems)
{
  g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (listed), (GCompareFunc) strcmp);
  g_autoptr(GList) present = g_list_sort (g_hash_table_get_keys (hashes), (GCompareFunc) strcmp);

  for (GList *l = names; l; l = l->next)
    {
      const char *actual = g_hash_table_lookup (hashes, l->data);

      if (actual == NULL)
        add_file_problem (problems, MISSING, l->data);
      else if (strcmp (actual, g_hash_table_lookup (listed, l->data)) != 0)
        add_file_problem (problems, CHANGED, l->data);
    }
  for (GList *l = present; l; l = l->next)
    if (strcmp (l->data, "SHA256SUMS") != 0 && !g_hash_table_contains (listed, l->data))
      add_file_problem (problems, ADDED, l->data);
}

/* A string member of @obj; "" when absent or of another type (a manifest
 * is outside input: a number or an object where a string belongs must be
 * a mismatch, not a crash). */
static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return "";
}

/* The manifest names each media file's hash too, so a bundle whose
 * SHA256SUMS was rewritten after a change still fails. */
static void
check_manifest (GBytes     *manifest,
                GHashTable *listed,
                GPtrArray  *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = NULL;
  JsonNode *top, *media = NULL;

  /* An empty or blank manifest loads, with no root at all. */
  if (hb_json_load (parser, g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest), NULL) &&
      (top = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (top))
    root = json_node_get_object (top);
  if (root && strcmp (string_member (root, "format"), HB_BUNDLE_FORMAT) == 0)
    media = json_object_get_member (root, "media");
  if (media == NULL || !JSON_NODE_HOLDS_ARRAY (media))
    {
      g_ptr_array_add (problems, g_strdup (_("manifest.json: not a hebahan-bundle/1 manifest")));
      return;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (media)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (media), i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *file = string_member (item, "file");
      const char *listed_sha = g_hash_table_lookup (listed, file);

      if (listed_sha == NULL || g_ascii_strcasecmp (listed_sha, string_member (item, "sha256")) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("manifest.json: the hash of %s does not match SHA256SUMS"), file));
    }
}

static gboolean
read_contents (Contents    *c,
               const char  *path,
               GError     **error)
{
  c->hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->twice = g_ptr_array_new_with_free_func (g_free);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return read_folder (c, path, NULL, error);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” does not exist"), path);
      return FALSE;
    }
  return read_zip (c, path, error);
}

GPtrArray *
hb_bundle_verify_full (const char  *path,
                       char       **manifest_sha256,
                       GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) listed = NULL;
  Contents c = { NULL, };

  if (!read_contents (&c, path, error))
    {
      contents_clear (&c);
      return NULL;
    }
  if (c.sums == NULL)
    g_ptr_array_add (problems, g_strdup_printf (_("missing: %s"), "SHA256SUMS"));
  else
    {
      listed = parse_sums (c.sums, problems);
      compare_sums (c.hashes, listed, problems);
      if (c.manifest)
        check_manifest (c.manifest, listed, problems);
      else if (!g_hash_table_contains (listed, "manifest.json"))
        g_ptr_array_add (problems, g_strdup_printf (_("missing: %s"), "manifest.json"));
    }
  for (guint i = 0; i < c.twice->len; i++)
    add_file_problem (problems, TWICE, c.twice->pdata[i]);
  if (manifest_sha256)
    *manifest_sha256 = g_strdup (g_hash_table_lookup (c.hashes, "manifest.json"));
  contents_clear (&c);
  return g_steal_pointer (&problems);
}

GPtrArray *
hb_bundle_verify (const char  *path,
                  GError     **error)
{
  return hb_bundle_verify_full (path, NULL, error);
}
