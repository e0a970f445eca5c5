/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bundle.c — exports the ready-to-post bundle and verifies one.
 *
 * Everything is written into a hidden temporary folder next to the
 * destination (so the final rename stays on one filesystem and is
 * atomic), and only a complete bundle is renamed into place: a failure or
 * a cancellation at any step removes what was written.  A .zip is built
 * from that folder into a hidden temporary file, then renamed.
 *
 * manifest.json lists every other file that is posted or read with its
 * SHA-256, and the sign-off sheet prints the manifest's own SHA-256, so
 * the signature binds every byte (see hb-bundle-verify.c for the check
 * and for why signoff.pdf and SHA256SUMS are outside the list).
 *
 * Photos are decoded and re-encoded rather than copied, because copying
 * would carry the camera's EXIF (GPS position, serial numbers), XMP and
 * comments to the public; gdk-pixbuf writes none of them unless asked.
 */
#include "config.h"

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
#include "hb-draft.h"
#include "hb-error.h"
#include "hb-file-util.h"
#include "hb-json.h"
#include "hb-media.h"
#include "hb-platforms.h"
#include "hb-post-lint.h"
#include "hb-reencode.h"
#include "hb-remux.h"
#include "hb-sha256.h"
#include "hb-signoff.h"

#define CHUNK_BYTES       (64 * 1024)
#define MAX_SLUG          50
#define MAX_VIDEO_BYTES   (G_GINT64_CONSTANT (4) << 30)  /* 4 GiB: what Instagram and TikTok take */

typedef struct
{
  HbPolicy          *policy;
  HbPost            *post;
  HbLang             lang;
  const char        *dest;
  HbBundleExportFlags flags;
  gboolean           zip;
  char              *name;      /* the bundle's folder name */
  char              *tmpdir;    /* the folder being written */
  char              *tmpzip;    /* the .zip being written, if any */
  HbBundleProgress   progress;
  gpointer           user_data;
  GCancellable      *cancellable;
  guint              step, n_steps;
  GPtrArray         *files;     /* relative paths written, for SHA256SUMS and the zip */
  GHashTable        *hashes;    /* relative path → hex SHA-256 of the file written */
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

/* All of @len bytes to @fd; FALSE with errno set otherwise. */
static gboolean
write_all (int         fd,
           const void *data,
           gsize       len)
{
  const char *p = data;

  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      p += n, len -= n;
    }
  return TRUE;
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
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      set_errno_error (error, errno, ex->dest);
      return FALSE;
    }
  if (!write_all (fd, data, len))
    {
      int saved = errno;
      close (fd);
      set_errno_error (error, saved, ex->dest);
      return FALSE;
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

/* The draft records each item's SHA-256 when it is added: without it,
 * nothing proves the file is the one the officers reviewed. */
static gboolean
check_recorded (HbMediaItem  *item,
                const char   *actual,
                GError      **error)
{
  const char *path = hb_media_item_get_path (item);
  const char *recorded = hb_media_item_get_sha256 (item);

  if (recorded == NULL || *recorded == '\0')
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                   _("The post does not record the SHA-256 of “%s”, so nothing shows it is the file that "
                     "was reviewed: remove it and add it again"), path);
      return FALSE;
    }
  return hb_media_check_digest (path, recorded, actual, error);
}

/* Copies the open file @fd to @to, hashing what it copies. */
static char *
copy_hashed (Export      *ex,
             int          fd,
             const char  *to,
             GError     **error)
{
  g_autofree guint8 *buf = g_malloc (CHUNK_BYTES);
  int out = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  gboolean ok = TRUE;
  HbSha256 sum;
  char *hex;
  gssize n;

  if (out < 0)
    return (set_errno_error (error, errno, ex->dest), NULL);
  hb_sha256_init (&sum);
  while (ok && (n = read (fd, buf, CHUNK_BYTES)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        ok = (g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE, _("Could not read “%s”: %s"),
                           to, g_strerror (errno)), FALSE);
      else if (g_cancellable_set_error_if_cancelled (ex->cancellable, error))
        ok = FALSE;
      else if (!write_all (out, buf, n))
        ok = (set_errno_error (error, errno, ex->dest), FALSE);
      else
        hb_sha256_update (&sum, buf, n);
    }
  if (close (out) != 0 && ok)
    ok = (set_errno_error (error, errno, ex->dest), FALSE);
  hex = hb_sha256_finish_hex (&sum);
  if (!ok)
    g_clear_pointer (&hex, g_free);
  return hex;
}

/* A video is read once, through a descriptor that is a regular file (a
 * FIFO or a device named as a video would block or never end), at most
 * MAX_VIDEO_BYTES, into the temporary folder, hashed as it is copied and
 * checked against the draft; only that checked copy is used after.  A
 * symbolic link is followed: what counts is that the bytes are the ones
 * reviewed. */
static gboolean
export_video (Export       *ex,
              HbMediaItem  *item,
              const char   *stem,
              MediaOut     *out,
              GError      **error)
{
  const char *source = hb_media_item_get_path (item);
  const char *dot = strrchr (source, '.');
  g_autofree char *ext = dot && !strchr (dot, '/') ? slugify (dot + 1, "video") : g_strdup ("video");
  g_autofree char *copy = g_strdup_printf ("%s/.%s.source", ex->tmpdir, stem);
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd = hb_file_open_regular (source, TRUE, MAX_VIDEO_BYTES, &local_error);

  if (fd < 0)
    {
      g_set_error_literal (error, HB_ERROR, local_error->domain == HB_ERROR ? local_error->code
                           : HB_ERROR_MEDIA_UNREADABLE, local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);
  out->source_sha256 = copy_hashed (ex, fd, copy, error);
  close (fd);
  if (out->source_sha256 == NULL || !check_recorded (item, out->source_sha256, error))
    {
      g_unlink (copy);
      return FALSE;
    }
  out->rel = g_strdup_printf ("media/%s.%s", stem, ext);
  path = tmp_path (ex, out->rel);
  if (!hb_remux_strip (copy, path, source, ex->cancellable, &local_error))
    {
      g_unlink (copy);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        set_errno_error (error, ENOSPC, ex->dest);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_unlink (copy);
  g_ptr_array_add (ex->files, g_strdup (out->rel));
  out->sha256 = hb_sha256_file (path, ex->cancellable, error);
  return out->sha256 != NULL;
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
  return check_recorded (item, out->source_sha256, error);
}

static void
add_media_entry (Export      *ex,
                 HbMediaItem *item,
                 MediaOut    *out)
{
  g_autofree char *base = g_path_get_basename (hb_media_item_get_path (item));
  JsonArray *array = json_node_get_array (ex->media);
  JsonObject *obj = json_object_new ();
  gboolean photo = hb_media_item_get_kind (item) == HB_MEDIA_PHOTO;

  json_object_set_string_member (obj, "file", out->rel);
  json_object_set_string_member (obj, "kind", photo ? "photo" : "video");
  /* The file's name only: a full path would publish the officer's user
   * name and folders to whoever receives the bundle. */
  json_object_set_string_member (obj, "source", base);
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
  if (photo)
    ok = check_source (item, job, &out, error) && export_photo (ex, job, stem, &out, error);
  else
    ok = !job->error ? export_video (ex, item, stem, &out, error)
                     : (g_propagate_error (error, g_error_copy (job->error)), FALSE);
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
  /* Added in 2026.12: what an automatic check found, and why an item
   * does not apply; a reader of older manifests finds them absent. */
  hb_json_add_string_member (b, "reason", s->reason);
  if (s->automatic)
    hb_json_add_string_member (b, "automatic", s->auto_result);
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
  hb_json_add_string_member (b, "version", PACKAGE_VERSION);
  json_builder_end_object (b);
  add_time (b, "created", now);
  json_builder_set_member_name (b, "policy");
  json_builder_begin_object (b);
  hb_json_add_string_member (b, "id", hb_policy_get_id (ex->policy));
  hb_json_add_string_member (b, "version", hb_policy_get_version (ex->policy));
  hb_json_add_string_member (b, "sha256", hb_policy_get_sha256 (ex->policy));
  json_builder_end_object (b);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Hashes what was written so far: every file that is posted or read.
 * The manifest lists them, so that the digest on the signed sheet binds
 * each of their bytes (hb-bundle-verify.c). */
static gboolean
hash_written (Export  *ex,
              GError **error)
{
  g_ptr_array_sort (ex->files, compare_paths);
  for (guint i = 0; i < ex->files->len; i++)
    {
      const char *rel = ex->files->pdata[i];
      g_autofree char *path = tmp_path (ex, rel);
      char *hex = hb_sha256_file (path, ex->cancellable, error);

      if (hex == NULL)
        return FALSE;
      g_hash_table_insert (ex->hashes, g_strdup (rel), hex);
    }
  return TRUE;
}

static void
add_files (Export      *ex,
           JsonBuilder *b)
{
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < ex->files->len; i++)
    {
      const char *rel = ex->files->pdata[i];

      json_builder_begin_object (b);
      hb_json_add_string_member (b, "path", rel);
      hb_json_add_string_member (b, "sha256", g_hash_table_lookup (ex->hashes, rel));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
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
  if (!hash_written (ex, error))
    return FALSE;
  add_files (ex, b);
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
      const char *known = g_hash_table_lookup (ex->hashes, ex->files->pdata[i]);
      g_autofree char *hex = known ? g_strdup (known) : hb_sha256_file (path, ex->cancellable, error);

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
  if (ex->zip && !(ex->flags & HB_BUNDLE_EXPORT_REPLACE) && g_file_test (ex->dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists"), ex->dest);
      return FALSE;
    }
  /* What a killed export left here: its temporary folder (and zip). */
  hb_file_remove_stale_temps (dir, ex->name);
  if (ex->zip)
    hb_file_remove_stale_temps (dir, base);
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

/* Renamed over @dest only when asked to replace it; otherwise linked
 * into place, which fails rather than replace a file that appeared
 * meanwhile. */
static gboolean
place_zip (Export  *ex,
           GError **error)
{
  if (ex->flags & HB_BUNDLE_EXPORT_REPLACE)
    {
      if (g_rename (ex->tmpzip, ex->dest) != 0)
        return (set_errno_error (error, errno, ex->dest), FALSE);
      return TRUE;
    }
  if (link (ex->tmpzip, ex->dest) != 0)
    {
      if (errno == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists"), ex->dest);
      else
        set_errno_error (error, errno, ex->dest);
      return FALSE;
    }
  g_unlink (ex->tmpzip);
  return TRUE;
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
      if (!write_zip (ex, error) || !place_zip (ex, error))
        return FALSE;
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
  g_clear_pointer (&ex->hashes, g_hash_table_unref);
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
  ex->hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* json_node_init_array() would take a second reference to the array. */
  ex->media = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (ex->media, json_array_new ());
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
  return hb_bundle_export_full (policy, post, dest, HB_BUNDLE_EXPORT_REPLACE, progress, user_data,
                                cancellable, manifest_sha256, error);
}

gboolean
hb_bundle_export_full (HbPolicy           *policy,
                       HbPost             *post,
                       const char         *dest,
                       HbBundleExportFlags flags,
                       HbBundleProgress    progress,
                       gpointer            user_data,
                       GCancellable       *cancellable,
                       char              **manifest_sha256,
                       GError            **error)
{
  Export ex = { policy, post, hb_post_get_language (post), dest, flags, FALSE, NULL, NULL, NULL,
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
/* In a worker                                                         */

typedef struct
{
  HbPolicy           *policy;
  HbPost             *post;            /* a copy: the officer may keep editing */
  char               *dest;
  HbBundleExportFlags flags;
  HbBundleProgress    progress;
  gpointer            progress_data;
  GDestroyNotify      progress_notify;
  GMainContext       *context;         /* the caller's: progress_data belongs there */
} ExportJob;

typedef struct
{
  gpointer       data;
  GDestroyNotify notify;
} PendingNotify;

static gboolean
run_notify (gpointer user_data)
{
  PendingNotify *p = user_data;

  p->notify (p->data);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* The task may be freed in its worker (the thread drops its reference
 * last), and progress_data may be an object of the caller's thread (the
 * window's document): it is released there, never here. */
static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->policy);
  g_clear_object (&job->post);
  g_free (job->dest);
  if (job->progress_notify)
    {
      PendingNotify *p = g_new (PendingNotify, 1);
      g_autoptr(GSource) source = g_idle_source_new ();

      p->data = job->progress_data;
      p->notify = job->progress_notify;
      g_source_set_callback (source, run_notify, p, NULL);
      g_source_set_name (source, "[hebahan] export progress data released");
      g_source_attach (source, job->context);
    }
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  GTask *task;
  double fraction;
  char  *what;
} ExportProgress;

static void
export_progress_free (ExportProgress *p)
{
  g_object_unref (p->task);
  g_free (p->what);
  g_free (p);
}

static gboolean
export_progress_report (gpointer user_data)
{
  ExportProgress *p = user_data;
  ExportJob *job = g_task_get_task_data (p->task);

  job->progress (p->fraction, p->what, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: the figures go to the caller's main context, at
 * the priority the task completes at, so they arrive in order and before
 * the callback. */
static void
export_progress_in_thread (double      fraction,
                           const char *what,
                           gpointer    user_data)
{
  GTask *task = user_data;
  ExportProgress *p = g_new0 (ExportProgress, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  p->task = g_object_ref (task);
  p->fraction = fraction;
  p->what = g_strdup (what);
  /* Not g_main_context_invoke(): from a worker it may call at once, here. */
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_callback (source, export_progress_report, p, (GDestroyNotify) export_progress_free);
  g_source_set_name (source, "[hebahan] export progress");
  g_source_attach (source, g_task_get_context (task));
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  char *digest = NULL;

  if (hb_bundle_export_full (job->policy, job->post, job->dest, job->flags,
                             job->progress ? export_progress_in_thread : NULL, task,
                             cancellable, &digest, &error))
    g_task_return_pointer (task, digest, g_free);
  else
    g_task_return_error (task, error);
}

/**
 * hb_bundle_export_async:
 * @policy: the pack
 * @post: the post; a copy is exported (hb_draft_copy(), measurements
 *   included), so @post may change meanwhile
 * @dest: as for hb_bundle_export_full()
 * @flags: as for hb_bundle_export_full()
 * @progress: (nullable): called on the caller's thread-default main
 *   context, before @callback
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data when the export and
 *   its progress reports are over
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread-default main context when done
 * @user_data: for @callback
 *
 * Exports the bundle as hb_bundle_export_full() does, in a worker thread.
 */
void
hb_bundle_export_async (HbPolicy            *policy,
                        HbPost              *post,
                        const char          *dest,
                        HbBundleExportFlags  flags,
                        HbBundleProgress     progress,
                        gpointer             progress_data,
                        GDestroyNotify       progress_notify,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ExportJob *job;

  g_return_if_fail (HB_IS_POLICY (policy));
  g_return_if_fail (HB_IS_POST (post));
  g_return_if_fail (dest != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ExportJob, 1);
  job->policy = g_object_ref (policy);
  job->dest = g_strdup (dest);
  job->flags = flags;
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;
  job->context = g_main_context_ref_thread_default ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_bundle_export_async);
  g_task_set_name (task, "hb_bundle_export_async");
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  /* A cancelled export's own error says what was cleaned up; keep it. */
  g_task_set_check_cancellable (task, FALSE);
  if ((job->post = hb_draft_copy (post, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, export_thread);
}

/**
 * hb_bundle_export_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the SHA-256 of the bundle's manifest.json
 *   (hex), or %NULL with the error hb_bundle_export_full() gives
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
char *
hb_bundle_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_bundle_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
