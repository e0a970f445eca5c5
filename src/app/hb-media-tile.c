/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-tile.c — one photo or video in the media grid: its preview,
 * errors, alt text and caption, and the actions that move or remove it.
 *
 * The tile only shows: the thumbnail is decoded by hb_media_load_async()
 * in a worker thread, and a video is opened once with GtkMediaFile for its
 * first frame, then closed again so that a post with several videos does
 * not keep several players running.  What the tile says about the file —
 * its size, a video's length, why it cannot be used — is what the core
 * measured on the item (hb-media-measure.c, run by HbDocument for the
 * window as hebahan-cli runs it), so the window and the command line
 * never disagree about a file.  A photo's thumbnail load is handed to the
 * core (hb_media_item_measure_from_load()), which records from it what
 * its measuring would, sparing the document a second decode.  What was learnt is kept on the item,
 * because the grid rebuilds tiles whenever the order changes.
 *
 * Badges on the preview say what is wrong with the photo itself (blurred,
 * too dark, too bright: measured by the loader) and whatever the linter
 * found about it for the chosen platforms (hb_media_tile_set_findings()).
 */
#include "config.h"

#include "hb-media-tile.h"

#include <glib/gi18n.h>

#include "hb-media.h"
#include "hb-media-measure.h"
#include "hb-widget-util.h"

/* Long side of the decoded thumbnail, a little over the preview's size. */
#define THUMB_SIZE 256
/* A video whose player shows no frame within this time is shown without
 * one rather than with an endless spinner; whether the file can be used
 * is the core's verdict, not the player's. */
#define PROBE_TIMEOUT_SECONDS 20

struct _HbMediaTile
{
  GtkWidget       parent_instance;

  HbMediaItem    *item;
  GCancellable   *cancellable;
  GtkMediaStream *probe;
  guint           probe_timeout;
  gboolean        loading;

  GtkStack       *stack;
  GtkImage       *loading_icon;
  GtkPicture     *picture;
  GtkLabel       *error_label;
  GtkLabel       *details_label;
  GtkLabel       *name_label;
  GtkBox         *badge_box;
  GtkWidget      *play_button;
  GtkWidget      *remove_button;
  GtkWidget      *move_left_button;
  GtkWidget      *move_right_button;
  GtkEntry       *alt_entry;
  GtkEntry       *caption_entry;
};

G_DEFINE_FINAL_TYPE (HbMediaTile, hb_media_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_LOADING,
  N_PROPS
};

enum {
  SIGNAL_REMOVE,
  SIGNAL_MOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a tile learnt about its item, kept on the item itself so that a
 * tile rebuilt after a reorder shows it at once without decoding again. */
typedef struct
{
  gboolean      done;      /* the thumbnail or first frame: shown, or none to show */
  gboolean      video;
  GdkPaintable *preview;
  char         *details;
  char         *finding;
  HbSeverity    severity;
  char         *findings;  /* the linter's, one per line */
  HbSeverity    findings_severity;
} TileCache;

static void
tile_cache_free (TileCache *cache)
{
  g_clear_object (&cache->preview);
  g_free (cache->details);
  g_free (cache->finding);
  g_free (cache->findings);
  g_free (cache);
}

static TileCache *
get_cache (HbMediaItem *item)
{
  static GQuark quark;
  TileCache *cache;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("hb-media-tile-cache");
  cache = g_object_get_qdata (G_OBJECT (item), quark);
  if (cache == NULL)
    {
      cache = g_new0 (TileCache, 1);
      g_object_set_qdata_full (G_OBJECT (item), quark, cache, (GDestroyNotify) tile_cache_free);
    }
  return cache;
}

static void
set_loading (HbMediaTile *self,
             gboolean     loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  if (loading)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
add_badge (HbMediaTile *self,
           const char  *icon_name,
           const char  *tooltip,
           const char  *style)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  hb_widget_set_tooltip_text (image, tooltip);
  gtk_widget_add_css_class (image, "osd");
  gtk_widget_add_css_class (image, "media-tile-badge");
  if (style)
    gtk_widget_add_css_class (image, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_box_append (self->badge_box, image);
}

/* One badge per problem the loader measured, and one for the linter's
 * findings about this item, with every message in its tooltip. */
static void
update_badges (HbMediaTile *self)
{
  static const char *icons[] = {
    "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic",
  };
  static const char *styles[] = { "accent", "warning", "error" };
  TileCache *cache = get_cache (self->item);
  HbMediaMeasurements m;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badge_box))))
    gtk_box_remove (self->badge_box, child);
  hb_media_item_get_measurements (self->item, &m);
  if (hb_media_item_get_loaded (self->item) && hb_media_item_get_error (self->item) == NULL)
    {
      if (m.blurry)
        add_badge (self, "weather-fog-symbolic",
                   _("Blurred: the photo has little sharp detail anywhere"), NULL);
      if (m.underexposed)
        add_badge (self, "weather-clear-night-symbolic",
                   _("Too dark: even the brightest parts of the photo are dim"), NULL);
      if (m.overexposed)
        add_badge (self, "weather-clear-symbolic",
                   _("Too bright: much of the photo is washed out to white"), NULL);
    }
  if (cache->findings)
    add_badge (self, icons[cache->findings_severity], cache->findings,
               styles[cache->findings_severity]);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->badge_box)) != NULL);
}

static void
show_preview (HbMediaTile *self)
{
  TileCache *cache = get_cache (self->item);

  gtk_picture_set_paintable (self->picture, cache->preview);
  gtk_label_set_label (self->details_label, cache->details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), cache->details != NULL);
  gtk_widget_set_visible (self->play_button, cache->video);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.play", cache->video);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_badges (self);
}

static void
show_error (HbMediaTile *self,
            const char  *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->play_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.play", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

static char *
format_duration (gint64 usec)
{
  gint64 seconds = (usec + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* The core's measurements in a few words under the preview: what the
 * linter and hebahan-cli judge the file by. */
static char *
describe (HbMediaTile *self)
{
  HbMediaMeasurements m;
  g_autofree char *duration = NULL;

  hb_media_item_get_measurements (self->item, &m);
  if (!get_cache (self->item)->video)
    return g_strdup_printf (_("%d × %d"), m.width, m.height);
  duration = format_duration (m.duration);
  /* Translators: a video's length, then its size in pixels. */
  return g_strdup_printf (_("%s · %d × %d"), duration, m.width, m.height);
}

/* Shows the core's verdict on the item: its error at once, or its
 * measurements once the picture to show with them is ready too. */
static void
update_state (HbMediaTile *self)
{
  TileCache *cache = get_cache (self->item);
  const char *error = hb_media_item_get_error (self->item);

  if (error)
    show_error (self, error);
  else if (hb_media_item_get_loaded (self->item) && cache->done)
    {
      g_free (cache->details);
      cache->details = describe (self);
      show_preview (self);
    }
  else
    {
      set_loading (self, TRUE);
      return;
    }
  set_loading (self, FALSE);
}

static gboolean
close_stream (gpointer data)
{
  GtkMediaStream *stream = data;

  gtk_media_file_clear (GTK_MEDIA_FILE (stream));
  g_object_unref (stream);
  return G_SOURCE_REMOVE;
}

/* The probe usually ends inside one of the stream's own signals; closing
 * it there would take the GStreamer player away from under the code that
 * emitted the signal, and that code crashes (now and then, as it depends
 * on which of the player's callbacks got there first).  So the tile lets
 * go of the stream now and closes it from an idle callback. */
static void
stop_probe (HbMediaTile *self)
{
  g_clear_handle_id (&self->probe_timeout, g_source_remove);
  if (self->probe == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->probe, self);
  g_idle_add (close_stream, g_steal_pointer (&self->probe));
}

static void
end_probe (HbMediaTile *self)
{
  stop_probe (self);
  get_cache (self->item)->done = TRUE;
  update_state (self);
}

/* Called whenever the player tells something; ends once it has failed,
 * shown a first frame, or turned out to have no picture.  Only the frame
 * is kept: the player's opinion of the file is not the verdict. */
static void
check_probe (HbMediaTile *self)
{
  GtkMediaStream *stream = self->probe;
  GdkPaintable *paintable = GDK_PAINTABLE (stream);
  const GError *error = gtk_media_stream_get_error (stream);

  if (error)
    g_debug ("%s: %s", hb_media_item_get_path (self->item), error->message);
  else if (!gtk_media_stream_is_prepared (stream))
    return;
  else if (gdk_paintable_get_intrinsic_width (paintable) > 0 &&
           gdk_paintable_get_intrinsic_height (paintable) > 0)
    get_cache (self->item)->preview = gdk_paintable_get_current_image (paintable);
  else if (gtk_media_stream_has_video (stream))
    return;  /* no frame yet */
  end_probe (self);
}

static gboolean
probe_timed_out (gpointer data)
{
  HbMediaTile *self = data;

  self->probe_timeout = 0;
  end_probe (self);
  return G_SOURCE_REMOVE;
}

static void
start_probe (HbMediaTile *self)
{
  self->probe = gtk_media_file_new_for_filename (hb_media_item_get_path (self->item));
  gtk_media_stream_set_muted (self->probe, TRUE);
  g_signal_connect_swapped (self->probe, "notify::prepared", G_CALLBACK (check_probe), self);
  g_signal_connect_swapped (self->probe, "notify::error", G_CALLBACK (check_probe), self);
  g_signal_connect_swapped (self->probe, "invalidate-contents", G_CALLBACK (check_probe), self);
  g_signal_connect_swapped (self->probe, "invalidate-size", G_CALLBACK (check_probe), self);
  self->probe_timeout = g_timeout_add_seconds (PROBE_TIMEOUT_SECONDS, probe_timed_out, self);
  /* The GStreamer backend pauses on the first frame once opened; a
   * backend that has failed already says so straight away. */
  check_probe (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HbMediaTile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HbMediaInfo) info = hb_media_load_finish (result, &error);
  TileCache *cache;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->item == NULL)
    return;
  cache = get_cache (self->item);
  if (info == NULL)
    {
      /* Nothing to show; why is the core's measuring to say (the same
       * loader, so the same words), not this thumbnail's. */
      cache->done = TRUE;
      update_state (self);
      return;
    }
  /* A file just added is recorded as it is now; one the post recorded
   * already keeps that digest, so that a file changed since is reported
   * (by the core's measuring) and not silently taken for the reviewed one. */
  if (hb_media_item_get_sha256 (self->item) == NULL || *hb_media_item_get_sha256 (self->item) == '\0')
    hb_media_item_set_sha256 (self->item, info->sha256);
  cache->video = info->kind == HB_MEDIA_VIDEO;
  if (cache->video)
    {
      gtk_entry_set_placeholder_text (self->alt_entry, _("Alt text: what the video shows"));
      start_probe (self);
      return;
    }
  /* The texture is made from the thumbnail, never a larger image: that is
   * all the main thread has to upload. */
  cache->preview = GDK_PAINTABLE (gdk_texture_new_for_pixbuf (info->thumbnail));
  cache->done = TRUE;
  /* The core records what its loader found, as its measuring would have:
   * the document then has no need to decode this photo again. */
  hb_media_item_measure_from_load (self->item, info);
  update_state (self);
}

static void
start_loading (HbMediaTile *self)
{
  set_loading (self, TRUE);
  self->cancellable = g_cancellable_new ();
  hb_media_load_async (hb_media_item_get_path (self->item), THUMB_SIZE,
                       self->cancellable, on_loaded, g_object_ref (self));
}

static void
set_accessible_label (gpointer  widget,
                      char     *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
}

/* Icon-only buttons and unlabelled entries need names that say which
 * file they act on: a screen reader user hears several tiles in a row. */
static void
label_controls (HbMediaTile *self,
                const char  *name)
{
  /* Translators: accessible names of a tile's controls; %s is a file name. */
  set_accessible_label (self->remove_button, g_strdup_printf (_("Remove “%s”"), name));
  set_accessible_label (self->move_left_button, g_strdup_printf (_("Move “%s” earlier"), name));
  set_accessible_label (self->move_right_button, g_strdup_printf (_("Move “%s” later"), name));
  set_accessible_label (self->play_button, g_strdup_printf (_("Play “%s”"), name));
  set_accessible_label (self->alt_entry, g_strdup_printf (_("Alt text for “%s”"), name));
  set_accessible_label (self->caption_entry, g_strdup_printf (_("Caption for “%s”"), name));
  set_accessible_label (self->picture, g_strdup_printf (_("Preview of “%s”"), name));
}

/* Set here rather than in the template, where GtkBuilder would set them
 * on shown widgets (see hb_widget_set_tooltip_text()). */
static void
set_tooltips (HbMediaTile *self)
{
  hb_widget_set_tooltip_text (self->remove_button, _("Remove"));
  hb_widget_set_tooltip_text (self->play_button, _("Play"));
  hb_widget_set_tooltip_text (self->move_left_button, _("Move earlier"));
  hb_widget_set_tooltip_text (self->move_right_button, _("Move later"));
  hb_widget_set_tooltip_text (GTK_WIDGET (self->alt_entry),
                              _("Read aloud to people who cannot see the photo"));
  hb_widget_set_tooltip_text (GTK_WIDGET (self->name_label), hb_media_item_get_path (self->item));
}

static void
apply_finding (HbMediaTile *self)
{
  static const char *classes[] = { "accent", "warning", "error" };
  static const char *icons[] = {
    "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic",
  };
  TileCache *cache = get_cache (self->item);
  GtkWidget *entry = GTK_WIDGET (self->alt_entry);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (entry, classes[i]);
  gtk_entry_set_icon_from_icon_name (self->alt_entry, GTK_ENTRY_ICON_SECONDARY,
                                     cache->finding ? icons[cache->severity] : NULL);
  gtk_entry_set_icon_tooltip_text (self->alt_entry, GTK_ENTRY_ICON_SECONDARY, cache->finding);
  if (cache->finding)
    {
      gtk_widget_add_css_class (entry, classes[cache->severity]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, cache->finding,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
hb_media_tile_constructed (GObject *object)
{
  HbMediaTile *self = HB_MEDIA_TILE (object);
  g_autofree char *name = g_filename_display_basename (hb_media_item_get_path (self->item));
  TileCache *cache = get_cache (self->item);

  G_OBJECT_CLASS (hb_media_tile_parent_class)->constructed (object);

  gtk_label_set_label (self->name_label, name);
  label_controls (self, name);
  set_tooltips (self);
  g_object_bind_property (self->item, "alt-text", self->alt_entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->item, "caption", self->caption_entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  apply_finding (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.play", FALSE);

  if (cache->video)
    gtk_entry_set_placeholder_text (self->alt_entry, _("Alt text: what the video shows"));
  /* The document measures the item in its own time; the tile follows. */
  g_signal_connect_swapped (self->item, "notify::loaded", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->item, "notify::error", G_CALLBACK (update_state), self);
  if (!cache->done)
    start_loading (self);
  update_state (self);
}

static gboolean
close_player (GtkWindow *window)
{
  GtkVideo *video = GTK_VIDEO (gtk_window_get_child (window));

  /* Stop the sound now rather than when the last reference goes. */
  gtk_video_set_file (video, NULL);
  return FALSE;
}

static void
name_widget (GtkWidget  *widget,
             const char *name)
{
  if (widget)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static GtkWidget *
first_of_type (GtkWidget *root,
               GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (c, type) ? c : first_of_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* GTK 4.8's media controls are icons and scales without names. */
static void
name_media_controls (GtkWidget *video)
{
  GtkWidget *volume = first_of_type (video, GTK_TYPE_SCALE_BUTTON);

  name_widget (hb_widget_find_descendant (video, "play_button"), _("Play or pause"));
  name_widget (hb_widget_find_descendant (video, "seek_scale"), _("Position in the video"));
  if (volume == NULL)
    return;
  name_widget (first_of_type (volume, GTK_TYPE_TOGGLE_BUTTON), _("Volume"));
  name_widget (gtk_scale_button_get_plus_button (GTK_SCALE_BUTTON (volume)), _("Louder"));
  name_widget (gtk_scale_button_get_minus_button (GTK_SCALE_BUTTON (volume)), _("Quieter"));
  name_widget (first_of_type (gtk_scale_button_get_popup (GTK_SCALE_BUTTON (volume)), GTK_TYPE_SCALE),
               _("Volume"));
}

/* A small window of its own, so the composer stays usable; Escape
 * closes it. */
static void
tile_play (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HbMediaTile *self = HB_MEDIA_TILE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = g_filename_display_basename (hb_media_item_get_path (self->item));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *video = gtk_video_new_for_filename (hb_media_item_get_path (self->item));
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), name);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_video_set_autoplay (GTK_VIDEO (video), TRUE);
  gtk_window_set_child (GTK_WINDOW (window), video);
  name_media_controls (video);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  g_signal_connect (window, "close-request", G_CALLBACK (close_player), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
tile_remove (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_REMOVE], 0);
}

static void
tile_move (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_MOVE], 0,
                 g_str_equal (action_name, "tile.move-left") ? -1 : 1);
}

static void
hb_media_tile_dispose (GObject *object)
{
  HbMediaTile *self = HB_MEDIA_TILE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_probe (self);
  if (self->item)
    g_signal_handlers_disconnect_by_data (self->item, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_MEDIA_TILE);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (hb_media_tile_parent_class)->dispose (object);
}

static void
hb_media_tile_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HbMediaTile *self = HB_MEDIA_TILE (object);

  switch (prop_id)
    {
    case PROP_ITEM: g_value_set_object (value, self->item); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_media_tile_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HbMediaTile *self = HB_MEDIA_TILE (object);

  switch (prop_id)
    {
    case PROP_ITEM: self->item = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_media_tile_class_init (HbMediaTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hb_media_tile_constructed;
  object_class->dispose = hb_media_tile_dispose;
  object_class->get_property = hb_media_tile_get_property;
  object_class->set_property = hb_media_tile_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, HB_TYPE_MEDIA_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The tile does not own the list it is in; the grid does the moving. */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-media-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, stack);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, loading_icon);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, picture);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, error_label);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, details_label);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, badge_box);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, play_button);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, remove_button);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, move_left_button);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, move_right_button);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, alt_entry);
  gtk_widget_class_bind_template_child (widget_class, HbMediaTile, caption_entry);

  gtk_widget_class_install_action (widget_class, "tile.remove", NULL, tile_remove);
  gtk_widget_class_install_action (widget_class, "tile.move-left", NULL, tile_move);
  gtk_widget_class_install_action (widget_class, "tile.move-right", NULL, tile_move);
  gtk_widget_class_install_action (widget_class, "tile.play", NULL, tile_play);
  gtk_widget_class_set_css_name (widget_class, "hbmediatile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hb_media_tile_init (HbMediaTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hb_media_tile_new (HbMediaItem *item)
{
  g_return_val_if_fail (HB_IS_MEDIA_ITEM (item), NULL);
  return g_object_new (HB_TYPE_MEDIA_TILE, "item", item, NULL);
}

HbMediaItem *
hb_media_tile_get_item (HbMediaTile *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_TILE (self), NULL);
  return self->item;
}

/**
 * hb_media_tile_set_alt_finding:
 * @message: (nullable): what is wrong with the alt text, or %NULL to clear
 *
 * Marks the alt-text entry with an icon whose tooltip says @message.
 */
void
hb_media_tile_set_alt_finding (HbMediaTile *self,
                               const char  *message,
                               HbSeverity   severity)
{
  TileCache *cache;

  g_return_if_fail (HB_IS_MEDIA_TILE (self));
  g_return_if_fail (severity <= HB_SEVERITY_ERROR);

  cache = get_cache (self->item);
  g_free (cache->finding);
  cache->finding = g_strdup (message);
  cache->severity = severity;
  apply_finding (self);
}

/**
 * hb_media_tile_set_findings:
 * @messages: (nullable) (array zero-terminated=1): what the linter found
 *   about this item (resolution, aspect ratio, size, length…), or %NULL
 * @worst: the highest severity among them
 *
 * Shows one badge on the preview, coloured by @worst, whose tooltip lists
 * every message. The blur and exposure badges stay as they are.
 */
void
hb_media_tile_set_findings (HbMediaTile        *self,
                            const char * const *messages,
                            HbSeverity          worst)
{
  TileCache *cache;

  g_return_if_fail (HB_IS_MEDIA_TILE (self));
  g_return_if_fail (worst <= HB_SEVERITY_ERROR);

  cache = get_cache (self->item);
  g_clear_pointer (&cache->findings, g_free);
  if (messages && messages[0])
    cache->findings = g_strjoinv ("\n", (char **) messages);
  cache->findings_severity = worst;
  update_badges (self);
}

gboolean
hb_media_tile_is_loading (HbMediaTile *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_TILE (self), FALSE);
  return self->loading;
}

/* The grid says where the tile stands, so that moving past either end
 * is not offered. */
void
hb_media_tile_set_movable (HbMediaTile *self,
                           gboolean     earlier,
                           gboolean     later)
{
  g_return_if_fail (HB_IS_MEDIA_TILE (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.move-left", earlier);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.move-right", later);
}

/**
 * hb_media_tile_get_preview:
 *
 * Returns: (transfer none) (nullable): the thumbnail or video frame shown
 */
GdkPaintable *
hb_media_tile_get_preview (HbMediaTile *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_TILE (self), NULL);
  return gtk_picture_get_paintable (self->picture);
}

/**
 * hb_media_tile_get_details:
 *
 * Returns: (nullable): "1600 × 1067" for a photo, "0:02 · 320 × 240" for a
 *   video, %NULL until known
 */
const char *
hb_media_tile_get_details (HbMediaTile *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_TILE (self), NULL);
  return get_cache (self->item)->details;
}
