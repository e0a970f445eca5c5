/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post-preview.c — one platform's post as its feed shows it.
 *
 * The council's account name and the app's icon as its avatar, the
 * caption cut where the platform folds it behind "See more" (the rules
 * are data/platforms.json's "preview" part) and the first photo at the
 * feed's crop.  Copy Caption, and Copy Hashtags and Copy Alt Texts in its
 * menu, put on the clipboard exactly what the officer pastes into the
 * platform's composer: the whole caption, never the folded one.
 *
 * Copy and Open also opens the platform's page for a new post (its
 * "publish" address in data/platforms.json) in the browser, and the photo
 * can be dragged into the page's upload field.  Hebahan itself sends
 * nothing: the officer pastes, drops and publishes in the browser.
 */
#include "config.h"

#include "hb-post-preview.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hb-caption.h"
#include "hb-count.h"
#include "hb-media-item.h"
#include "hb-platforms.h"
#include "hb-reencode.h"

/* Wide enough for the preview's column; a photo is never drawn bigger. */
#define PHOTO_WIDTH 720
#define DRAG_ICON_WIDTH 128

struct _HbPostPreview
{
  GtkWidget       parent_instance;
  GtkLabel       *platform_label;
  GtkLabel       *text;
  GtkPicture     *photo;
  AdwSplitButton *copy_button;

  HbPost         *post;
  char           *platform;
  char           *photo_path;   /* the photo shown, to load it only once */
  GCancellable   *loading;
  char           *drag_dir;     /* a private folder for the photo's clean copy */
  GFile          *drag_file;    /* the copy a drag offers; NULL until ready */
  GdkTexture     *drag_icon;    /* the photo, small, under the pointer */
};

G_DEFINE_FINAL_TYPE (HbPostPreview, hb_post_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POST,
  PROP_PLATFORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_URI,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const HbPlatform *
current_platform (HbPostPreview *self)
{
  return self->platform ? hb_platforms_lookup (hb_platforms_get_default (), self->platform) : NULL;
}

/* The caption the platform gets: its own when the officer wrote one. */
char *
hb_post_preview_dup_caption (HbPostPreview *self)
{
  const char *own;
  g_autoptr(HbCaption) caption = NULL;

  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  if (self->post == NULL)
    return g_strdup ("");
  own = self->platform ? hb_post_get_caption_override (self->post, self->platform) : NULL;
  if (own)
    return g_strdup (own);
  caption = hb_caption_compose (self->post, hb_post_get_language (self->post));
  return g_steal_pointer (&caption->text);
}

/* The caption's hashtags as the platforms find them, one space apart. */
char *
hb_post_preview_dup_hashtags (HbPostPreview *self)
{
  g_autofree char *caption = hb_post_preview_dup_caption (self);
  g_autoptr(GArray) tags = hb_count_find_hashtags (caption, -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tags->len; i++)
    {
      HbSpan *t = &g_array_index (tags, HbSpan, i);
      const char *start = g_utf8_offset_to_pointer (caption, t->start);
      const char *end = g_utf8_offset_to_pointer (caption, t->end);

      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, end - start);
    }
  return g_string_free (out, FALSE);
}

/* Each photo's alt text on a line of its own, numbered as the photos are
 * ordered, for the platform's alt text fields one by one. */
char *
hb_post_preview_dup_alt_texts (HbPostPreview *self)
{
  GListModel *media;
  GString *out = g_string_new (NULL);
  guint photo = 0;

  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  if (self->post == NULL)
    return g_string_free (out, FALSE);
  media = G_LIST_MODEL (hb_post_get_media (self->post));
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);
      const char *alt = hb_media_item_get_alt_text (item);

      if (hb_media_item_get_kind (item) != HB_MEDIA_PHOTO)
        continue;
      photo++;
      if (alt == NULL || *alt == '\0')
        continue;
      if (out->len)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: a photo's number and its alt text, one line each */
      g_string_append_printf (out, _("Photo %u: %s"), photo, alt);
    }
  return g_string_free (out, FALSE);
}

static void
copy_text (HbPostPreview *self,
           char          *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_free (text);
}

static void
copy_caption (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  HbPostPreview *self = HB_POST_PREVIEW (widget);

  copy_text (self, hb_post_preview_dup_caption (self));
}

static void
copy_hashtags (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  HbPostPreview *self = HB_POST_PREVIEW (widget);

  copy_text (self, hb_post_preview_dup_hashtags (self));
}

static void
copy_alt_texts (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  HbPostPreview *self = HB_POST_PREVIEW (widget);

  copy_text (self, hb_post_preview_dup_alt_texts (self));
}

static void
open_failed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = GTK_WINDOW (source);
  g_autofree char *uri = user_data;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  dialog = adw_message_dialog_new (parent, _("The Page Could Not Be Opened"), NULL);
  /* TRANSLATORS: %s is the platform's address for a new post */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The caption is copied. Open %s in your browser and paste it there."), uri);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The default handler of ::open-uri: the browser, through the OpenURI
 * portal inside Flatpak. */
static gboolean
hb_post_preview_real_open_uri (HbPostPreview *self,
                               const char    *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (parent == NULL)
    return FALSE;
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, open_failed, g_strdup (uri));
  return TRUE;
}

/* The platform's page for a new post, or NULL when the file has none. */
const char *
hb_post_preview_get_compose_uri (HbPostPreview *self)
{
  const HbPlatform *platform;

  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  platform = current_platform (self);
  return platform ? platform->publish.compose_url : NULL;
}

/* Copy first, so that the caption is there to paste when the page is. */
static void
copy_and_open (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  HbPostPreview *self = HB_POST_PREVIEW (widget);
  const char *uri = hb_post_preview_get_compose_uri (self);
  gboolean handled = FALSE;

  copy_text (self, hb_post_preview_dup_caption (self));
  if (uri)
    g_signal_emit (self, signals[OPEN_URI], 0, uri, &handled);
}

/* Dragging the photo out gives the browser's upload field its clean
 * copy: as a file list, which GTK also offers as text/uri-list.  Until
 * the copy is made there is nothing to drag, rather than the original
 * with its metadata. */
static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              HbPostPreview *self)
{
  GdkFileList *files;
  GdkContentProvider *content;
  GSList list = { NULL, NULL };

  if (self->drag_file == NULL)
    return NULL;
  list.data = self->drag_file;
  files = gdk_file_list_new_from_list (&list);
  content = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, files);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  return content;
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            HbPostPreview *self)
{
  if (self->drag_icon)
    gtk_drag_source_set_icon (source, GDK_PAINTABLE (self->drag_icon), 0, 0);
}

static void
update_actions (HbPostPreview *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.copy-and-open",
                                 hb_post_preview_get_compose_uri (self) != NULL);
}

static const char *
more_label (HbMoreLabel more)
{
  switch (more)
    {
    /* TRANSLATORS: what Facebook shows after a folded post; Facebook's
     * own words in the language, if it has them */
    case HB_MORE_SEE_MORE: return _("See more");
    /* TRANSLATORS: what Instagram, Threads and TikTok show after a folded caption */
    case HB_MORE_MORE: return _("more");
    case HB_MORE_NONE: default: return NULL;
    }
}

static void
show_text (HbPostPreview    *self,
           const HbPlatform *platform)
{
  g_autofree char *caption = hb_post_preview_dup_caption (self);
  g_autofree char *shown = NULL, *escaped = NULL, *markup = NULL;
  gboolean folded = FALSE;

  shown = platform ? hb_platform_fold (platform, caption, &folded) : g_strdup (caption);
  escaped = g_markup_escape_text (shown, -1);
  if (folded)
    markup = g_strdup_printf ("%s… <span weight=\"bold\" alpha=\"60%%\">%s</span>", escaped,
                              more_label (platform->preview.more));
  gtk_label_set_markup (self->text, markup ? markup : escaped);
}

typedef struct
{
  char *path;
  HbCrop (*crop) (const HbPlatform *p, int w, int h);
  const HbPlatform *platform;
} PhotoJob;

static void
photo_job_free (PhotoJob *job)
{
  g_free (job->path);
  g_free (job);
}

/* In a worker: the photo the right way up, cut as the feed cuts it and
 * scaled to the preview's width. */
static void
load_photo_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  PhotoJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) raw = gdk_pixbuf_new_from_file (job->path, &error);
  g_autoptr(GdkPixbuf) upright = NULL, cut = NULL;
  HbCrop crop;
  int width, height;

  if (raw == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  upright = gdk_pixbuf_apply_embedded_orientation (raw);
  crop = hb_platform_crop_photo (job->platform, gdk_pixbuf_get_width (upright),
                                 gdk_pixbuf_get_height (upright));
  width = MIN (crop.width, PHOTO_WIDTH);
  height = MAX (1, (int) ((double) crop.height * width / crop.width + 0.5));
  cut = gdk_pixbuf_new_subpixbuf (upright, crop.x, crop.y, crop.width, crop.height);
  g_task_return_pointer (task, gdk_pixbuf_scale_simple (cut, width, height, GDK_INTERP_BILINEAR),
                         g_object_unref);
}

/* A drag icon the size of the preview would hide the drop target. */
static void
set_drag_icon (HbPostPreview *self,
               GdkPixbuf     *photo)
{
  int width = MIN (DRAG_ICON_WIDTH, gdk_pixbuf_get_width (photo));
  int height = MAX (1, gdk_pixbuf_get_height (photo) * width / gdk_pixbuf_get_width (photo));
  g_autoptr(GdkPixbuf) small = gdk_pixbuf_scale_simple (photo, width, height, GDK_INTERP_BILINEAR);

  g_clear_object (&self->drag_icon);
  self->drag_icon = gdk_texture_new_for_pixbuf (small);
}

static void
photo_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HbPostPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GdkTexture) texture = NULL;

  if (pixbuf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The preview's photo did not load: %s", error->message);
      return;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (self->photo, GDK_PAINTABLE (texture));
  set_drag_icon (self, pixbuf);
  gtk_widget_set_visible (GTK_WIDGET (self->photo), TRUE);
}

/* The photo as the bundle has it: re-encoded with nothing but its pixels
 * (no EXIF, GPS or comments) and no larger than the platform accepts, so
 * that a drag into the browser uploads no more than an export would. */
typedef struct
{
  char    *path;
  char    *dir;
  guint    max_width, max_height;
  gboolean png_ok;
} CleanJob;

static void
clean_job_free (CleanJob *job)
{
  g_free (job->path);
  g_free (job->dir);
  g_free (job);
}

static void
clean_copy_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  CleanJob *job = data;
  g_autoptr(HbReencoder) coder = hb_reencoder_new (job->max_width, job->max_height, job->png_ok, 0,
                                                   cancellable);
  const HbReencodeJob *r;
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *name = NULL, *out = NULL;
  char *dot = strrchr (base, '.');
  GError *error = NULL;

  hb_reencoder_push (coder, job->path, TRUE);
  r = hb_reencoder_wait (coder, 0);
  if (r->error)
    {
      g_task_return_error (task, g_error_copy (r->error));
      return;
    }
  if (dot)
    *dot = '\0';
  /* The platform sees the officer's file name, with the type it now is. */
  name = g_strconcat (base, r->png ? ".png" : ".jpg", NULL);
  out = g_build_filename (job->dir, name, NULL);
  if (!g_file_set_contents (out, g_bytes_get_data (r->data, NULL), g_bytes_get_size (r->data), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_file_new_for_path (out), g_object_unref);
}

static void
clean_copy_ready (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HbPostPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = g_task_propagate_pointer (G_TASK (result), &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The photo's copy for dragging was not made: %s", error->message);
      return;
    }
  g_clear_object (&self->drag_file);
  self->drag_file = file;
}

static void
forget_drag_file (HbPostPreview *self)
{
  if (self->drag_file)
    g_file_delete (self->drag_file, NULL, NULL);
  g_clear_object (&self->drag_file);
}

static void
make_clean_copy (HbPostPreview    *self,
                 const HbPlatform *platform,
                 const char       *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CleanJob *job;

  if (self->drag_dir == NULL && (self->drag_dir = g_dir_make_tmp ("hebahan-drag-XXXXXX", &error)) == NULL)
    {
      g_debug ("No folder for the photo's copy: %s", error->message);
      return;
    }
  job = g_new0 (CleanJob, 1);
  job->path = g_strdup (path);
  job->dir = g_strdup (self->drag_dir);
  job->max_width = platform->image.max_width;
  job->max_height = platform->image.max_height;
  job->png_ok = platform->image.formats == NULL ||
                g_strv_contains ((const char * const *) platform->image.formats, "png");
  task = g_task_new (NULL, self->loading, clean_copy_ready, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) clean_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, clean_copy_thread);
}

static const char *
first_photo (HbPostPreview *self)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (self->post));

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);

      if (hb_media_item_get_kind (item) == HB_MEDIA_PHOTO)
        return hb_media_item_get_path (item);
    }
  return NULL;
}

static void
show_photo (HbPostPreview    *self,
            const HbPlatform *platform)
{
  const char *path = self->post && platform ? first_photo (self) : NULL;
  PhotoJob *job;
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_free (self->photo_path);
  self->photo_path = g_strdup (path);
  gtk_picture_set_paintable (self->photo, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->photo), FALSE);
  forget_drag_file (self);
  if (path == NULL)
    return;
  self->loading = g_cancellable_new ();
  job = g_new0 (PhotoJob, 1);
  job->path = g_strdup (path);
  job->platform = platform;
  task = g_task_new (NULL, self->loading, photo_loaded, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) photo_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_photo_thread);
  make_clean_copy (self, platform, path);
}

/* The file a drag of the photo offers: the photo's clean copy, NULL
 * until it is made. */
GFile *
hb_post_preview_get_drag_file (HbPostPreview *self)
{
  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  return self->drag_file;
}

static void
refresh (HbPostPreview *self)
{
  const HbPlatform *platform = current_platform (self);

  gtk_label_set_label (self->platform_label, platform ? platform->name : "");
  show_text (self, platform);
  update_actions (self);
}

/* The photo loads again only when another photo comes first, or the
 * platform (and so the crop) changed. */
static void
media_changed (HbPostPreview *self)
{
  const char *path = self->post ? first_photo (self) : NULL;

  if (g_strcmp0 (path, self->photo_path) != 0)
    show_photo (self, current_platform (self));
}

void
hb_post_preview_set_post (HbPostPreview *self,
                          HbPost        *post)
{
  g_return_if_fail (HB_IS_POST_PREVIEW (self));
  g_return_if_fail (post == NULL || HB_IS_POST (post));

  if (self->post == post)
    return;
  if (self->post)
    {
      g_signal_handlers_disconnect_by_data (self->post, self);
      g_signal_handlers_disconnect_by_data (hb_post_get_media (self->post), self);
    }
  g_set_object (&self->post, post);
  if (post)
    {
      /* Any change of the post can change its caption. */
      g_signal_connect_object (post, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (hb_post_get_media (post), "items-changed", G_CALLBACK (media_changed),
                               self, G_CONNECT_SWAPPED);
    }
  refresh (self);
  show_photo (self, current_platform (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
}

HbPost *
hb_post_preview_get_post (HbPostPreview *self)
{
  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  return self->post;
}

void
hb_post_preview_set_platform (HbPostPreview *self,
                              const char    *platform)
{
  g_return_if_fail (HB_IS_POST_PREVIEW (self));

  if (g_strcmp0 (self->platform, platform) == 0)
    return;
  g_free (self->platform);
  self->platform = g_strdup (platform);
  refresh (self);
  show_photo (self, current_platform (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
}

const char *
hb_post_preview_get_platform (HbPostPreview *self)
{
  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  return self->platform;
}

/* The text the preview shows, "See more" and all. */
const char *
hb_post_preview_get_shown_text (HbPostPreview *self)
{
  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  return gtk_label_get_text (self->text);
}

/* The first photo as shown, cut as the platform cuts it; NULL while it
 * loads or when there is none. */
GdkPaintable *
hb_post_preview_get_photo (HbPostPreview *self)
{
  g_return_val_if_fail (HB_IS_POST_PREVIEW (self), NULL);
  return gtk_picture_get_paintable (self->photo);
}

static void
hb_post_preview_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HbPostPreview *self = HB_POST_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_POST:
      g_value_set_object (value, self->post);
      break;
    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_post_preview_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HbPostPreview *self = HB_POST_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_POST:
      hb_post_preview_set_post (self, g_value_get_object (value));
      break;
    case PROP_PLATFORM:
      hb_post_preview_set_platform (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_post_preview_dispose (GObject *object)
{
  HbPostPreview *self = HB_POST_PREVIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->post)
    {
      g_signal_handlers_disconnect_by_data (self->post, self);
      g_signal_handlers_disconnect_by_data (hb_post_get_media (self->post), self);
    }
  g_clear_object (&self->post);
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_POST_PREVIEW);
  /* The template's root box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hb_post_preview_parent_class)->dispose (object);
}

/* Copies of earlier photos (and of ones whose job was cancelled after
 * writing) are in the folder too. */
static void
remove_drag_dir (const char *path)
{
  g_autoptr(GDir) dir = path ? g_dir_open (path, 0, NULL) : NULL;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

static void
hb_post_preview_finalize (GObject *object)
{
  HbPostPreview *self = HB_POST_PREVIEW (object);

  g_clear_object (&self->drag_file);
  g_clear_object (&self->drag_icon);
  remove_drag_dir (self->drag_dir);
  g_free (self->drag_dir);
  g_free (self->platform);
  g_free (self->photo_path);
  G_OBJECT_CLASS (hb_post_preview_parent_class)->finalize (object);
}

static void
hb_post_preview_class_init (HbPostPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hb_post_preview_get_property;
  object_class->set_property = hb_post_preview_set_property;
  object_class->dispose = hb_post_preview_dispose;
  object_class->finalize = hb_post_preview_finalize;

  properties[PROP_POST] =
    g_param_spec_object ("post", NULL, NULL, HB_TYPE_POST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-post-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, HbPostPreview, platform_label);
  gtk_widget_class_bind_template_child (widget_class, HbPostPreview, text);
  gtk_widget_class_bind_template_child (widget_class, HbPostPreview, photo);
  gtk_widget_class_bind_template_child (widget_class, HbPostPreview, copy_button);
  gtk_widget_class_install_action (widget_class, "preview.copy-caption", NULL, copy_caption);
  gtk_widget_class_install_action (widget_class, "preview.copy-hashtags", NULL, copy_hashtags);
  gtk_widget_class_install_action (widget_class, "preview.copy-alt-texts", NULL, copy_alt_texts);
  gtk_widget_class_install_action (widget_class, "preview.copy-and-open", NULL, copy_and_open);

  /**
   * HbPostPreview::open-uri:
   * @uri: the platform's page for a new post
   *
   * Copy and Open asks for @uri to be shown; the default handler opens it
   * in the browser.  A handler that returns %TRUE opens it instead (the
   * tests, so that no browser starts).
   */
  signals[OPEN_URI] =
    g_signal_new_class_handler ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (hb_post_preview_real_open_uri),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The split button's arrow is what the keyboard reaches for the menu;
 * libadwaita 1.2 gives it only a tooltip, which GTK 4.8 does not make its
 * name (the toggle inside is labelled by it). */
static void
name_copy_menu_button (AdwSplitButton *button)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (button)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_MENU_BUTTON (c))
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Copy the hashtags or the alt texts"), -1);
}

static void
hb_post_preview_init (HbPostPreview *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  name_copy_menu_button (self->copy_button);
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->photo), GTK_EVENT_CONTROLLER (drag));
  update_actions (self);
}

GtkWidget *
hb_post_preview_new (void)
{
  return g_object_new (HB_TYPE_POST_PREVIEW, NULL);
}
