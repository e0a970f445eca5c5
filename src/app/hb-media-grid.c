/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-media-grid.c — the post's photos and videos as a grid of tiles, with
 * a file chooser, drag and drop of files, and reordering.
 *
 * The grid shows a GListStore of HbMediaItem that belongs to the post;
 * every change (add, move, remove) is a change of that list, so autosave
 * and the linter see it like any other edit.
 */
#include "config.h"

#include "hb-media-grid.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hb-media-tile.h"

struct _HbMediaGrid
{
  GtkWidget        parent_instance;

  GListStore      *model;
  gulong           items_changed_id;
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkNativeDialog *chooser;
#endif

  GtkStack        *stack;
  GtkFlowBox      *flow_box;
  GtkWidget       *add_button;

  GQueue           queued;      /* paths waiting for their tile */
  guint            queue_tick;  /* adds them while the grid is shown */
  guint            queue_idle;  /* ... and while it is not */
  HbMediaItem     *lead;        /* the first of a batch, while it loads */
  gint64           lead_since;
};

/* A tile takes 1–2 ms to build from its template and about as much again
 * to lay out and draw in its first frame.  Built at the start of a frame,
 * within this budget, thirty photos spread over a dozen frames; built in
 * idle callbacks, many would pile up between two frames, and the next
 * frame would have to lay them all out at once. */
#define TILE_BUDGET_USEC 1000
/* The rest of a batch waits for the first photo's thumbnail, which is the
 * one the user is waiting for: on two cores its decoder, the window and
 * the display server already share the processors.  Not longer than this,
 * should the first be a video slow to open. */
#define LEAD_HOLD_USEC (300 * 1000)

G_DEFINE_FINAL_TYPE (HbMediaGrid, hb_media_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HbMediaTile *
tile_at (HbMediaGrid *self,
         guint        position)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow_box, position);

  return child ? HB_MEDIA_TILE (gtk_flow_box_child_get_child (child)) : NULL;
}

/* Keeps the empty state and each tile's move actions in step with the
 * list. Runs after the flow box has made its tiles for the change. */
static void
update_tiles (HbMediaGrid *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "grid" : "empty");
  for (guint i = 0; i < n; i++)
    {
      HbMediaTile *tile = tile_at (self, i);

      if (tile)
        hb_media_tile_set_movable (tile, i > 0, i + 1 < n);
    }
}

static gboolean
find_item (HbMediaGrid *self,
           HbMediaItem *item,
           guint       *position)
{
  return self->model && g_list_store_find (self->model, item, position);
}

/* After the list changed under the keyboard focus, put the focus back
 * near where it was, so keyboard users keep their place. */
static void
refocus (HbMediaGrid *self,
         guint        position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  HbMediaTile *tile = n > 0 ? tile_at (self, MIN (position, n - 1)) : NULL;

  if (tile)
    gtk_widget_child_focus (GTK_WIDGET (tile), GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (self->add_button);
}

static void
move_item (HbMediaGrid *self,
           guint        from,
           guint        to)
{
  g_autoptr(HbMediaItem) item = NULL;

  if (from == to || to >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), from);
  g_list_store_remove (self->model, from);
  g_list_store_insert (self->model, to, item);
}

static void
on_tile_remove (HbMediaTile *tile,
                HbMediaGrid *self)
{
  guint position;

  if (!find_item (self, hb_media_tile_get_item (tile), &position))
    return;
  g_list_store_remove (self->model, position);
  refocus (self, position);
}

static void
on_tile_move (HbMediaTile *tile,
              int          delta,
              HbMediaGrid *self)
{
  guint position;

  if (!find_item (self, hb_media_tile_get_item (tile), &position)
      || (delta < 0 && position == 0))
    return;
  move_item (self, position, position + delta);
  refocus (self, position + delta);
}

static GdkContentProvider *
on_tile_drag_prepare (GtkDragSource *source,
                      double         x,
                      double         y,
                      HbMediaTile   *tile)
{
  return gdk_content_provider_new_typed (HB_TYPE_MEDIA_ITEM, hb_media_tile_get_item (tile));
}

static void
on_tile_drag_begin (GtkDragSource *source,
                    GdkDrag       *drag,
                    HbMediaTile   *tile)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (tile));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

/* A tile dropped on another takes that tile's place. */
static gboolean
on_tile_drop (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              HbMediaGrid   *self)
{
  HbMediaTile *onto = HB_MEDIA_TILE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  guint from, to;

  if (!find_item (self, g_value_get_object (value), &from)
      || !find_item (self, hb_media_tile_get_item (onto), &to))
    return FALSE;
  move_item (self, from, to);
  return TRUE;
}

static void
add_reorder_by_drag (HbMediaGrid *self,
                     GtkWidget   *tile)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (HB_TYPE_MEDIA_ITEM, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_tile_drag_prepare), tile);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_tile_drag_begin), tile);
  gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_tile_drop), self);
  gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (target));
}

/* The flow box puts each tile in a cell of its own, a stop of the Tab
 * key that GTK 4.8 would announce as "GtkFlowBoxChild": it gets the
 * file's name when the tile is put in it. */
static void
name_cell (GtkWidget *tile)
{
  GtkWidget *cell = gtk_widget_get_parent (tile);
  HbMediaItem *item = hb_media_tile_get_item (HB_MEDIA_TILE (tile));
  g_autofree char *name = NULL;

  if (cell == NULL || item == NULL)
    return;
  name = g_filename_display_basename (hb_media_item_get_path (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static GtkWidget *
create_tile (gpointer item,
             gpointer user_data)
{
  HbMediaGrid *self = user_data;
  GtkWidget *tile = hb_media_tile_new (item);

  g_signal_connect (tile, "notify::parent", G_CALLBACK (name_cell), NULL);

  g_signal_connect (tile, "remove", G_CALLBACK (on_tile_remove), self);
  g_signal_connect (tile, "move", G_CALLBACK (on_tile_move), self);
  add_reorder_by_drag (self, tile);
  return tile;
}

static void
add_file_list (HbMediaGrid *self,
               GListModel  *files)
{
  guint n = g_list_model_get_n_items (files);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  hb_media_grid_add_files (self, (GFile **) array->pdata, array->len);
}

static GtkFileFilter *
new_media_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos and videos"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_filter_add_mime_type (filter, "video/*");
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_files_chosen (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HbMediaGrid) self = user_data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source),
                                                                      result, NULL);

  if (files)
    add_file_list (self, files);
}

static void
choose_files (HbMediaGrid *self,
              GtkWindow   *parent)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = new_media_filter ();

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Add Photos or Videos"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_open_multiple (dialog, parent, NULL, on_files_chosen, g_object_ref (self));
}
#else
static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     HbMediaGrid     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      add_file_list (self, files);
    }
  g_clear_object (&self->chooser);
}

/* GtkFileChooserNative goes through the file chooser portal when there
 * is one (Flatpak), and is GTK 4.8's way to do so. */
static void
choose_files (HbMediaGrid *self,
              GtkWindow   *parent)
{
  GtkFileChooserNative *chooser;

  if (self->chooser)
    return;
  chooser = gtk_file_chooser_native_new (_("Add Photos or Videos"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_media_filter ());
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}
#endif

static void
media_add (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  choose_files (HB_MEDIA_GRID (widget), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  HbMediaGrid   *self)
{
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  hb_media_grid_add_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

static void
hb_media_grid_dispose (GObject *object)
{
  HbMediaGrid *self = HB_MEDIA_GRID (object);

  if (self->queue_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->queue_tick);
  self->queue_tick = 0;
  g_clear_handle_id (&self->queue_idle, g_source_remove);
  g_clear_object (&self->lead);
  g_queue_clear_full (&self->queued, g_free);
  hb_media_grid_set_model (self, NULL);
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (self->chooser)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
#endif
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_MEDIA_GRID);
  G_OBJECT_CLASS (hb_media_grid_parent_class)->dispose (object);
}

static void
hb_media_grid_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HbMediaGrid *self = HB_MEDIA_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL: g_value_set_object (value, self->model); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_media_grid_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HbMediaGrid *self = HB_MEDIA_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL: hb_media_grid_set_model (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_media_grid_class_init (HbMediaGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hb_media_grid_dispose;
  object_class->get_property = hb_media_grid_get_property;
  object_class->set_property = hb_media_grid_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-media-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, HbMediaGrid, stack);
  gtk_widget_class_bind_template_child (widget_class, HbMediaGrid, flow_box);
  gtk_widget_class_bind_template_child (widget_class, HbMediaGrid, add_button);
  gtk_widget_class_install_action (widget_class, "media.add", NULL, media_add);
  gtk_widget_class_set_css_name (widget_class, "hbmediagrid");
}

static void
hb_media_grid_init (HbMediaGrid *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_autoptr(GListStore) model = g_list_store_new (HB_TYPE_MEDIA_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* While files are dragged over, GTK gives the grid the :drop(active)
   * state, which Adwaita outlines in the accent colour. */
  g_signal_connect (drop, "drop", G_CALLBACK (on_files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  hb_media_grid_set_model (self, model);
}

GtkWidget *
hb_media_grid_new (void)
{
  return g_object_new (HB_TYPE_MEDIA_GRID, NULL);
}

GListStore *
hb_media_grid_get_model (HbMediaGrid *self)
{
  g_return_val_if_fail (HB_IS_MEDIA_GRID (self), NULL);
  return self->model;
}

void
hb_media_grid_set_model (HbMediaGrid *self,
                         GListStore  *model)
{
  g_return_if_fail (HB_IS_MEDIA_GRID (self));
  g_return_if_fail (model == NULL || g_list_model_get_item_type (G_LIST_MODEL (model)) == HB_TYPE_MEDIA_ITEM);

  if (self->model == model)
    return;
  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (model), create_tile, self, NULL);
  /* Connected after the flow box's own handler, so the tiles exist. */
  if (model)
    self->items_changed_id = g_signal_connect_swapped (model, "items-changed",
                                                       G_CALLBACK (update_tiles), self);
  update_tiles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void schedule_queued (HbMediaGrid *self);

static HbMediaItem *
add_next_queued (HbMediaGrid *self)
{
  g_autofree char *path = g_queue_pop_head (&self->queued);
  g_autoptr(HbMediaItem) item = hb_media_item_new (path);

  if (self->model)
    g_list_store_append (self->model, item);
  return g_steal_pointer (&item);
}

/* Whether the rest of the batch still waits: while the first one loads,
 * and for the one frame that then draws its thumbnail. */
static gboolean
wait_for_lead (HbMediaGrid *self)
{
  HbMediaTile *tile;
  guint position;

  if (self->lead == NULL)
    return FALSE;
  if (g_get_monotonic_time () - self->lead_since < LEAD_HOLD_USEC
      && find_item (self, self->lead, &position)
      && (tile = tile_at (self, position)) != NULL
      && hb_media_tile_is_loading (tile))
    return TRUE;
  g_clear_object (&self->lead);
  return TRUE;
}

static gboolean
add_queued_in_frame (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  HbMediaGrid *self = HB_MEDIA_GRID (widget);
  gint64 start = g_get_monotonic_time ();

  if (wait_for_lead (self))
    return G_SOURCE_CONTINUE;
  do
    g_object_unref (add_next_queued (self));
  while (!g_queue_is_empty (&self->queued)
         && g_get_monotonic_time () - start < TILE_BUDGET_USEC);
  if (!g_queue_is_empty (&self->queued))
    return G_SOURCE_CONTINUE;
  self->queue_tick = 0;
  return G_SOURCE_REMOVE;
}

/* A grid that is not shown has no frames: one tile per main loop turn. */
static gboolean
add_queued_in_idle (gpointer data)
{
  HbMediaGrid *self = data;

  if (!g_queue_is_empty (&self->queued))
    g_object_unref (add_next_queued (self));
  if (!g_queue_is_empty (&self->queued) && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;
  self->queue_idle = 0;
  schedule_queued (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_queued (HbMediaGrid *self)
{
  if (self->queue_tick || self->queue_idle || g_queue_is_empty (&self->queued))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->queue_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), add_queued_in_frame,
                                                     NULL, NULL);
  else
    self->queue_idle = g_idle_add (add_queued_in_idle, self);
}

/* Files without a local path (a browser's http:// drop) are left out:
 * the draft stores paths and the bundle copies from them.  The first
 * file gets its tile (and starts loading) at once, the rest follow once
 * its thumbnail is in. */
void
hb_media_grid_add_files (HbMediaGrid  *self,
                         GFile       **files,
                         guint         n_files)
{
  gboolean new_batch;

  g_return_if_fail (HB_IS_MEDIA_GRID (self));
  g_return_if_fail (self->model != NULL);

  new_batch = g_queue_is_empty (&self->queued);
  for (guint i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      if (path)
        g_queue_push_tail (&self->queued, path);
    }
  if (new_batch && !g_queue_is_empty (&self->queued))
    {
      g_clear_object (&self->lead);
      self->lead = add_next_queued (self);
      self->lead_since = g_get_monotonic_time ();
    }
  schedule_queued (self);
}

void
hb_media_grid_set_alt_finding (HbMediaGrid *self,
                               HbMediaItem *item,
                               const char  *message,
                               HbSeverity   severity)
{
  guint position;
  HbMediaTile *tile;

  g_return_if_fail (HB_IS_MEDIA_GRID (self));
  if (!find_item (self, item, &position) || !(tile = tile_at (self, position)))
    return;
  hb_media_tile_set_alt_finding (tile, message, severity);
}

/**
 * hb_media_grid_set_item_findings:
 * @messages: (nullable) (array zero-terminated=1): the linter's findings
 *   about @item, or %NULL to clear them
 *
 * Shows them as a badge on @item's tile (see hb_media_tile_set_findings()).
 */
void
hb_media_grid_set_item_findings (HbMediaGrid        *self,
                                 HbMediaItem        *item,
                                 const char * const *messages,
                                 HbSeverity          worst)
{
  guint position;
  HbMediaTile *tile;

  g_return_if_fail (HB_IS_MEDIA_GRID (self));
  if (!find_item (self, item, &position) || !(tile = tile_at (self, position)))
    return;
  hb_media_tile_set_findings (tile, messages, worst);
}

/* Tiles still decoding a thumbnail or opening a video. */
guint
hb_media_grid_get_n_pending (HbMediaGrid *self)
{
  guint n = g_queue_get_length (&self->queued);

  g_return_val_if_fail (HB_IS_MEDIA_GRID (self), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *tile = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (HB_IS_MEDIA_TILE (tile) && hb_media_tile_is_loading (HB_MEDIA_TILE (tile)))
        n++;
    }
  return n;
}
