/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-platform-preview.c — the caption as each selected platform will get
 * it.
 *
 * The composed caption is shown for each selected platform, counted the
 * way that platform counts (X's weighted length, Threads' emoji bytes…),
 * with the text past the limit marked as X marks it.  The officer may
 * write a caption of the platform's own instead; it is kept in the post.
 */
#include "config.h"

#include "hb-platform-preview.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hb-caption.h"
#include "hb-count.h"
#include "hb-platforms.h"

struct _HbPlatformPreview
{
  GtkWidget      parent_instance;
  GtkDropDown   *chooser;
  GtkLabel      *counter;
  GtkCheckButton *own_check;
  GtkTextView   *view;

  HbPost        *post;
  GPtrArray     *ids;        /* platform id per chooser row; NULL = composed caption */
  GtkTextTag    *over_tag;
  guint          over_start; /* first code point past the limit, or G_MAXUINT */
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (HbPlatformPreview, hb_platform_preview, GTK_TYPE_WIDGET)

static const char *
current_id (HbPlatformPreview *self)
{
  guint i = gtk_drop_down_get_selected (self->chooser);

  return self->ids && i < self->ids->len ? self->ids->pdata[i] : NULL;
}

static char *
composed (HbPlatformPreview *self)
{
  g_autoptr(HbCaption) caption = hb_caption_compose (self->post, hb_post_get_language (self->post));

  return g_steal_pointer (&caption->text);
}

/* The platform's own caption when it has one, else the composed one. */
static char *
text_for (HbPlatformPreview *self,
          const char        *id)
{
  const char *own = id ? hb_post_get_caption_override (self->post, id) : NULL;

  return own ? g_strdup (own) : composed (self);
}

static void
mark_over_limit (HbPlatformPreview *self,
                 const char        *id,
                 const char        *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  const HbPlatform *platform = id ? hb_platforms_lookup (hb_platforms_get_default (), id) : NULL;
  g_autofree char *label = NULL;
  GtkTextIter s, e;
  HbCount count;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_tag (buffer, self->over_tag, &s, &e);
  self->over_start = G_MAXUINT;
  gtk_widget_remove_css_class (GTK_WIDGET (self->counter), "error");
  if (platform == NULL || !hb_count_text (text, -1, platform->count_method, platform->text_limit, &count, NULL))
    {
      /* TRANSLATORS: the number of characters of the composed caption */
      label = g_strdup_printf (_("%ld characters"), g_utf8_strlen (text, -1));
      gtk_label_set_label (self->counter, label);
      return;
    }
  label = g_strdup_printf ("%u / %u", count.length, count.limit);
  gtk_label_set_label (self->counter, label);
  if (count.valid)
    return;
  gtk_widget_add_css_class (GTK_WIDGET (self->counter), "error");
  self->over_start = count.valid_end + 1;
  gtk_text_buffer_get_iter_at_offset (buffer, &s, self->over_start);
  gtk_text_buffer_apply_tag (buffer, self->over_tag, &s, &e);
}

/* Shows the chosen platform's caption; leaves the text alone while the
 * officer is typing in it, so the cursor stays put. */
void
hb_platform_preview_refresh (HbPlatformPreview *self)
{
  GtkTextBuffer *buffer;
  const char *id;
  gboolean own;
  g_autofree char *text = NULL, *shown = NULL;
  GtkTextIter s, e;

  g_return_if_fail (HB_IS_PLATFORM_PREVIEW (self));

  buffer = gtk_text_view_get_buffer (self->view);
  id = current_id (self);
  own = id && hb_post_get_caption_override (self->post, id);

  if (self->post == NULL)
    return;
  text = text_for (self, id);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  shown = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  self->syncing = TRUE;
  if (g_strcmp0 (shown, text) != 0)
    gtk_text_buffer_set_text (buffer, text, -1);
  gtk_check_button_set_active (self->own_check, own);
  gtk_widget_set_sensitive (GTK_WIDGET (self->own_check), id != NULL);
  gtk_text_view_set_editable (self->view, own);
  gtk_text_view_set_cursor_visible (self->view, own);
  self->syncing = FALSE;
  mark_over_limit (self, id, text);
}

static void
rebuild_chooser (HbPlatformPreview *self)
{
  const char *keep = current_id (self);
  g_autofree char *keep_id = g_strdup (keep);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *platforms = hb_post_get_platforms (self->post);
  guint select = 0;

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Composed caption"));
  g_ptr_array_add (self->ids, NULL);
  for (guint i = 0; platforms[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (hb_platforms_get_default (), platforms[i]);

      gtk_string_list_append (names, p ? p->name : platforms[i]);
      g_ptr_array_add (self->ids, g_strdup (platforms[i]));
      if (g_strcmp0 (keep_id, platforms[i]) == 0)
        select = i + 1;
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->chooser, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->chooser, select);
  self->syncing = FALSE;
}

static void
chooser_changed (HbPlatformPreview *self)
{
  if (!self->syncing)
    hb_platform_preview_refresh (self);
}

static void
own_toggled (HbPlatformPreview *self)
{
  const char *id = current_id (self);
  g_autofree char *start = NULL;

  if (self->syncing || id == NULL)
    return;
  /* A caption of its own starts as a copy of the composed one. */
  if (gtk_check_button_get_active (self->own_check))
    start = composed (self);
  hb_post_set_caption_override (self->post, id, start);
  hb_platform_preview_refresh (self);
}

static void
text_edited (GtkTextBuffer     *buffer,
             HbPlatformPreview *self)
{
  const char *id = current_id (self);
  g_autofree char *text = NULL;
  GtkTextIter s, e;

  if (self->syncing || id == NULL || !gtk_check_button_get_active (self->own_check))
    return;
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  hb_post_set_caption_override (self->post, id, text);
  /* Typed text takes no tag from its neighbours: mark again, or what is
   * typed past the limit (hashtags, a link) would show as if it fitted. */
  mark_over_limit (self, id, text);
}

void
hb_platform_preview_set_post (HbPlatformPreview *self,
                              HbPost            *post)
{
  g_return_if_fail (HB_IS_PLATFORM_PREVIEW (self));
  g_return_if_fail (post == NULL || HB_IS_POST (post));

  if (self->post)
    g_signal_handlers_disconnect_by_data (self->post, self);
  g_set_object (&self->post, post);
  g_signal_connect_object (post, "notify::platforms", G_CALLBACK (rebuild_chooser), self,
                           G_CONNECT_SWAPPED);
  rebuild_chooser (self);
  hb_platform_preview_refresh (self);
}

/* Selects @platform (NULL: the composed caption), when it is selected in
 * the post. */
void
hb_platform_preview_show_platform (HbPlatformPreview *self,
                                   const char        *platform)
{
  g_return_if_fail (HB_IS_PLATFORM_PREVIEW (self));

  for (guint i = 0; self->ids && i < self->ids->len; i++)
    if (g_strcmp0 (self->ids->pdata[i], platform) == 0)
      gtk_drop_down_set_selected (self->chooser, i);
}

/* Shows @platform's caption with [start, end) selected, for a finding in
 * a caption of the platform's own. */
void
hb_platform_preview_select (HbPlatformPreview *self,
                            const char        *platform,
                            guint              start,
                            guint              end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (HB_IS_PLATFORM_PREVIEW (self));

  buffer = gtk_text_view_get_buffer (self->view);

  hb_platform_preview_show_platform (self, platform);
  hb_platform_preview_refresh (self);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &s, &e);
  gtk_text_view_scroll_to_iter (self->view, &s, 0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* What ticking "Write a separate caption" does. */
void
hb_platform_preview_set_own (HbPlatformPreview *self,
                             gboolean           own)
{
  g_return_if_fail (HB_IS_PLATFORM_PREVIEW (self));

  gtk_check_button_set_active (self->own_check, own);
}

const char *
hb_platform_preview_get_counter (HbPlatformPreview *self)
{
  g_return_val_if_fail (HB_IS_PLATFORM_PREVIEW (self), NULL);

  return gtk_label_get_label (self->counter);
}

char *
hb_platform_preview_dup_text (HbPlatformPreview *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_val_if_fail (HB_IS_PLATFORM_PREVIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

/* Code point where the text goes past the platform's limit, G_MAXUINT when
 * it fits. */
guint
hb_platform_preview_get_over_start (HbPlatformPreview *self)
{
  g_return_val_if_fail (HB_IS_PLATFORM_PREVIEW (self), 0);

  return self->over_start;
}

static void
update_tag_colour (HbPlatformPreview *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA bg;

  gdk_rgba_parse (&bg, dark ? "rgba(255,123,99,0.35)" : "rgba(224,27,36,0.2)");
  g_object_set (self->over_tag, "background-rgba", &bg, NULL);
}

static void
hb_platform_preview_dispose (GObject *object)
{
  HbPlatformPreview *self = HB_PLATFORM_PREVIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_PLATFORM_PREVIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_object (&self->post);
  G_OBJECT_CLASS (hb_platform_preview_parent_class)->dispose (object);
}

static void
hb_platform_preview_class_init (HbPlatformPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hb_platform_preview_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-platform-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, HbPlatformPreview, chooser);
  gtk_widget_class_bind_template_child (widget_class, HbPlatformPreview, counter);
  gtk_widget_class_bind_template_child (widget_class, HbPlatformPreview, own_check);
  gtk_widget_class_bind_template_child (widget_class, HbPlatformPreview, view);
  gtk_widget_class_bind_template_callback (widget_class, chooser_changed);
  gtk_widget_class_bind_template_callback (widget_class, own_toggled);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The drop-down's button is what the keyboard reaches; GTK 4.8 names it
 * "GtkToggleButton". */
static void
name_chooser_button (GtkDropDown *chooser)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (chooser)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Caption for"), -1);
}

static void
hb_platform_preview_init (HbPlatformPreview *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  name_chooser_button (self->chooser);
  self->over_start = G_MAXUINT;
  buffer = gtk_text_view_get_buffer (self->view);
  self->over_tag = gtk_text_buffer_create_tag (buffer, "hb-over-limit", NULL);
  update_tag_colour (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colour), self, G_CONNECT_SWAPPED);
  g_signal_connect (buffer, "changed", G_CALLBACK (text_edited), self);
}

GtkWidget *
hb_platform_preview_new (void)
{
  return g_object_new (HB_TYPE_PLATFORM_PREVIEW, NULL);
}
