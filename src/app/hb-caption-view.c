/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-caption-view.c — the body editor.
 *
 * Findings arrive from the lint worker as spans of the body's own text
 * (code points, which are GtkTextBuffer character offsets).  Each span gets
 * the tag of its severity; the tooltip and the context menu look the span
 * up again under the pointer.  Tags move with edits, so underlines stay on
 * their words until the next lint result replaces them.
 */
#include "config.h"

#include "hb-caption-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* A tagged stretch of the buffer.  Offsets follow the user's edits
 * between lint results; `dirty` marks a span an edit touched, whose tags
 * may no longer be exactly what was applied. */
typedef struct
{
  guint    start;
  guint    end;
  guint    tag;
  gboolean dirty;
} Span;

enum { TAG_ACK = 3, N_TAGS };

/* Past this many changed stretches, one clean sweep is cheaper. */
#define MAX_PATCHES 64
/* Underlines for the first this many body findings.  A post as long as
 * Facebook allows (63,206 characters) has a few hundred; 10 MB pasted by
 * mistake has tens of thousands, and tagging them all held the window up
 * for a quarter of a second while helping no one.  The findings panel
 * still lists them all. */
#define MAX_UNDERLINED 2000

struct _HbCaptionView
{
  GtkTextView  parent_instance;
  GPtrArray   *findings;     /* HbPostFinding, body only, borrowed from the lint result */
  GPtrArray   *result;       /* keeps the whole lint result alive */
  HbPolicy    *policy;
  HbLang       lang;
  GtkTextTag  *tags[N_TAGS]; /* by HbSeverity, then TAG_ACK */
  GArray      *spans;        /* Span: what is tagged in the buffer now */
  guint        menu_offset;  /* where the context menu was asked for */
  GMenu       *menu;         /* the context menu's own items */
  char        *menu_label;   /* the first item's label now */
};

G_DEFINE_FINAL_TYPE (HbCaptionView, hb_caption_view, GTK_TYPE_TEXT_VIEW)

enum { ACKNOWLEDGE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Colours from the GNOME palette, one set for light and one for dark
 * backgrounds; errors get the squiggle, warnings a squiggle in amber,
 * info a plain line, so severity never rests on colour alone. */
static void
update_tag_colours (HbCaptionView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  gboolean hc = adw_style_manager_get_high_contrast (style);
  GdkRGBA colours[3], ack;

  gdk_rgba_parse (&colours[HB_SEVERITY_ERROR], dark ? "#ff7b63" : "#c01c28");
  gdk_rgba_parse (&colours[HB_SEVERITY_WARNING], dark ? "#f8e45c" : "#c64600");
  gdk_rgba_parse (&colours[HB_SEVERITY_INFO], dark ? "#99c1f1" : "#1c71d8");
  gdk_rgba_parse (&ack, dark ? "#9a9996" : "#77767b");
  for (guint i = 0; i < TAG_ACK; i++)
    g_object_set (self->tags[i],
                  "underline", i == HB_SEVERITY_INFO ? PANGO_UNDERLINE_SINGLE :
                               i == HB_SEVERITY_WARNING ? PANGO_UNDERLINE_DOUBLE :
                               PANGO_UNDERLINE_ERROR,
                  "underline-rgba", &colours[i],
                  "weight", hc && i == HB_SEVERITY_ERROR ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                  NULL);
  g_object_set (self->tags[TAG_ACK], "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba", &ack, NULL);
}

static void
create_tags (HbCaptionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->tags[HB_SEVERITY_INFO] = gtk_text_buffer_create_tag (buffer, "hb-info", NULL);
  self->tags[HB_SEVERITY_WARNING] = gtk_text_buffer_create_tag (buffer, "hb-warning", NULL);
  self->tags[HB_SEVERITY_ERROR] = gtk_text_buffer_create_tag (buffer, "hb-error", NULL);
  self->tags[TAG_ACK] = gtk_text_buffer_create_tag (buffer, "hb-acknowledged", NULL);
  update_tag_colours (self);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (update_tag_colours),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (update_tag_colours),
                           self, G_CONNECT_SWAPPED);
}

/* Edits move the spans along, as GtkTextBuffer moves the tags.  A span
 * the insertion touches gets dirty: GTK may have extended its tag over
 * the new text, or left a hole in it. */
static void
text_inserted (GtkTextBuffer *buffer,
               GtkTextIter   *location,
               const char    *text,
               int            len,
               HbCaptionView *self)
{
  guint p = gtk_text_iter_get_offset (location);
  guint n = g_utf8_strlen (text, len);

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *s = &g_array_index (self->spans, Span, i);

      if (s->start >= p)
        {
          s->dirty |= s->start == p;
          s->start += n;
          s->end += n;
        }
      else if (s->end >= p)
        {
          s->dirty = TRUE;
          if (s->end > p)
            s->end += n;
        }
    }
}

static guint
map_delete (guint x,
            guint p,
            guint q)
{
  return x <= p ? x : x >= q ? x - (q - p) : p;
}

static void
range_deleted (GtkTextBuffer *buffer,
               GtkTextIter   *start,
               GtkTextIter   *end,
               HbCaptionView *self)
{
  guint p = gtk_text_iter_get_offset (start), q = gtk_text_iter_get_offset (end);

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *s = &g_array_index (self->spans, Span, i);

      s->dirty |= s->start < q && s->end > p;
      s->start = map_delete (s->start, p, q);
      s->end = map_delete (s->end, p, q);
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int) x->tag - (int) y->tag;
}

static GArray *
wanted_spans (GPtrArray *body,
              guint      n_chars)
{
  GArray *want = g_array_sized_new (FALSE, FALSE, sizeof (Span), body->len);

  for (guint i = 0; i < body->len; i++)
    {
      const HbPostFinding *f = body->pdata[i];
      Span s = { f->start, f->end,
                 f->acknowledged ? TAG_ACK : hb_finding_get_severity (f->finding), FALSE };

      if (f->end <= n_chars && f->start < f->end)
        g_array_append_val (want, s);
    }
  g_array_sort (want, compare_spans);
  return want;
}

static void
add_patch (GArray     *patches,
           const Span *s)
{
  Span p = { s->start, s->end, 0, FALSE };

  g_array_append_val (patches, p);
}

/* The stretches whose tags must change: spans that went, spans that came,
 * and spans an edit made dirty. */
static GArray *
diff_spans (GArray *have,
            GArray *want)
{
  GArray *patches = g_array_new (FALSE, FALSE, sizeof (Span));
  guint i = 0, j = 0;

  while (i < have->len || j < want->len)
    {
      const Span *h = i < have->len ? &g_array_index (have, Span, i) : NULL;
      const Span *w = j < want->len ? &g_array_index (want, Span, j) : NULL;
      int c = h == NULL ? 1 : w == NULL ? -1 : compare_spans (h, w);

      if (c == 0)
        {
          if (h->dirty)
            add_patch (patches, h);
          i++, j++;
        }
      else if (c < 0)
        add_patch (patches, &g_array_index (have, Span, i++));
      else
        add_patch (patches, &g_array_index (want, Span, j++));
    }
  return patches;
}

/* Sorts and merges overlapping patches, widened by one character so a
 * tag GTK stretched over a neighbour is caught too. */
static void
merge_patches (GArray *patches,
               guint   n_chars)
{
  guint out = 0;

  g_array_sort (patches, compare_spans);
  for (guint i = 0; i < patches->len; i++)
    {
      Span p = g_array_index (patches, Span, i);

      p.start = p.start > 0 ? p.start - 1 : 0;
      p.end = MIN (p.end + 1, n_chars);
      if (out > 0 && p.start <= g_array_index (patches, Span, out - 1).end)
        {
          Span *last = &g_array_index (patches, Span, out - 1);
          last->end = MAX (last->end, p.end);
        }
      else
        g_array_index (patches, Span, out++) = p;
    }
  g_array_set_size (patches, out);
}

static void
tag_range (GtkTextBuffer *buffer,
           GtkTextTag    *tag,
           guint          start,
           guint          end,
           gboolean       on)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  if (on)
    gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &s, &e);
}

/* Clears each patch and puts back every wanted span that overlaps it. */
static void
apply_patch (HbCaptionView *self,
             GArray        *want,
             const Span    *patch)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  for (guint t = 0; t < N_TAGS; t++)
    tag_range (buffer, self->tags[t], patch->start, patch->end, FALSE);
  for (guint k = 0; k < want->len; k++)
    {
      const Span *w = &g_array_index (want, Span, k);

      if (w->start >= patch->end)
        break;
      if (w->end > patch->start)
        tag_range (buffer, self->tags[w->tag], w->start, w->end, TRUE);
    }
}

/* Brings the buffer's tags from self->spans to @want touching only the
 * stretches that changed: typing in a long post changes one or two
 * findings, and retagging all of them would relayout the whole text. */
static void
update_tags (HbCaptionView *self,
             GArray        *want)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint n_chars = gtk_text_buffer_get_char_count (buffer);
  g_autoptr(GArray) patches = NULL;

  g_array_sort (self->spans, compare_spans);
  patches = diff_spans (self->spans, want);
  merge_patches (patches, n_chars);
  if (patches->len > MAX_PATCHES)
    {
      /* One sweep from the first change to the last, not over the whole
       * text: nothing outside them changes, and a long body has much. */
      Span all = { g_array_index (patches, Span, 0).start,
                   g_array_index (patches, Span, patches->len - 1).end, 0, FALSE };

      apply_patch (self, want, &all);
    }
  else
    for (guint i = 0; i < patches->len; i++)
      apply_patch (self, want, &g_array_index (patches, Span, i));
  g_array_set_size (self->spans, 0);
  g_array_append_vals (self->spans, want->data, want->len);
}

/* @findings is the whole lint result; only body findings are shown here. */
void
hb_caption_view_set_findings (HbCaptionView *self,
                              GPtrArray     *findings,
                              HbPolicy      *policy,
                              HbLang         lang)
{
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) body = NULL;
  g_autoptr(GArray) want = NULL;

  g_return_if_fail (HB_IS_CAPTION_VIEW (self));
  g_return_if_fail (policy == NULL || HB_IS_POLICY (policy));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  body = g_ptr_array_new ();

  for (guint i = 0; findings && i < findings->len; i++)
    {
      HbPostFinding *f = findings->pdata[i];

      /* Text past a platform's limit is marked in the Caption page, as X
       * marks it; underlining it here would bury every other finding. */
      if (f->source == HB_FIELD_BODY && f->end > f->start &&
          g_strcmp0 (hb_finding_get_topic (f->finding), "platform") != 0 &&
          body->len < MAX_UNDERLINED)
        g_ptr_array_add (body, f);
    }
  g_set_object (&self->policy, policy);
  self->lang = lang;
  want = wanted_spans (body, gtk_text_buffer_get_char_count (buffer));
  update_tags (self, want);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_steal_pointer (&body);
  g_clear_pointer (&self->result, g_ptr_array_unref);
  self->result = findings ? g_ptr_array_ref (findings) : NULL;
}

guint
hb_caption_view_get_n_tagged (HbCaptionView *self)
{
  g_return_val_if_fail (HB_IS_CAPTION_VIEW (self), 0);

  return self->findings ? self->findings->len : 0;
}

/* The most severe finding covering @offset, so an error under a warning
 * is what the tooltip and the menu talk about. */
const HbPostFinding *
hb_caption_view_get_finding_at (HbCaptionView *self,
                                guint          offset)
{
  const HbPostFinding *best = NULL;

  g_return_val_if_fail (HB_IS_CAPTION_VIEW (self), NULL);

  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const HbPostFinding *f = self->findings->pdata[i];

      if (offset < f->start || offset >= f->end)
        continue;
      if (best == NULL ||
          hb_finding_get_severity (f->finding) > hb_finding_get_severity (best->finding))
        best = f;
    }
  return best;
}

void
hb_caption_view_select_finding (HbCaptionView       *self,
                                const HbPostFinding *finding)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (HB_IS_CAPTION_VIEW (self));
  g_return_if_fail (finding != NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, finding->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, finding->end);
  gtk_text_buffer_select_range (buffer, &s, &e);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &s, 0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* "message — 6.a.iii: clause text — Suggestion: …", as Pango markup. */
char *
hb_caption_view_dup_tooltip (HbCaptionView *self,
                             guint          offset)
{
  const HbPostFinding *f;
  const HbClause *clause;
  g_autofree char *suggestion = NULL;
  g_autofree char *head = NULL, *where = NULL, *tail = NULL;

  g_return_val_if_fail (HB_IS_CAPTION_VIEW (self), NULL);

  f = hb_caption_view_get_finding_at (self, offset);
  if (f == NULL)
    return NULL;
  clause = self->policy ? hb_policy_find_clause (self->policy, hb_finding_get_clause (f->finding)) : NULL;
  suggestion = hb_finding_dup_suggestion (f->finding, self->lang);
  head = g_markup_printf_escaped ("<b>%s</b>", hb_finding_get_message (f->finding, self->lang));
  /* TRANSLATORS: "Guideline 6.a.iii: <clause text>" */
  where = g_markup_printf_escaped (_("<small>Guideline %s: %s</small>"),
                                   hb_finding_get_clause (f->finding),
                                   clause ? clause->text[self->lang] : "");
  if (suggestion && *suggestion)
    tail = g_markup_printf_escaped (_("Suggestion: %s"), suggestion);
  return g_strjoin ("\n", head, where, tail ? tail : (f->acknowledged ? _("Acknowledged") : NULL), NULL);
}

static gboolean
offset_at_coords (HbCaptionView *self,
                  double         x,
                  double         y,
                  guint         *offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return FALSE;
  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  HbCaptionView *self = HB_CAPTION_VIEW (widget);
  g_autofree char *markup = NULL;
  GtkWidget *label;
  guint offset;

  if (keyboard)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&iter);
    }
  else if (!offset_at_coords (self, x, y, &offset))
    return FALSE;
  markup = hb_caption_view_dup_tooltip (self, offset);
  if (markup == NULL)
    return FALSE;
  /* A finding's message and clause can be long: wrapped at a reading
   * width, never running off the screen. */
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

static guint
cursor_offset (HbCaptionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* The menu acts on the finding under the right click, or under the
 * cursor when the menu came from the keyboard (Menu key, Shift+F10). */
static const HbPostFinding *
menu_finding (HbCaptionView *self)
{
  const HbPostFinding *f = hb_caption_view_get_finding_at (self, self->menu_offset);

  return f ? f : hb_caption_view_get_finding_at (self, cursor_offset (self));
}

/* The menu names the word it would put in: "Replace with “untuk”". */
static void
update_menu_label (HbCaptionView       *self,
                   const HbPostFinding *f)
{
  g_autofree char *label = f && f->finding->replacement && !f->acknowledged
    /* TRANSLATORS: a context menu item; %s is the suggested word */
    ? g_strdup_printf (_("Replace with “%s”"), f->finding->replacement)
    : g_strdup (_("_Apply Suggestion"));

  if (self->menu == NULL || g_strcmp0 (label, self->menu_label) == 0)
    return;
  g_free (self->menu_label);
  self->menu_label = g_steal_pointer (&label);
  g_menu_remove (self->menu, 0);
  g_menu_insert (self->menu, 0, self->menu_label, "caption.apply-suggestion");
}

static void
update_menu_actions (HbCaptionView *self)
{
  const HbPostFinding *f = menu_finding (self);

  update_menu_label (self, f);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caption.apply-suggestion",
                                 f && f->finding->replacement && !f->acknowledged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caption.acknowledge",
                                 f && !f->acknowledged &&
                                 hb_finding_get_severity (f->finding) >= HB_SEVERITY_WARNING);
}

static void
right_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               HbCaptionView   *self)
{
  if (!offset_at_coords (self, x, y, &self->menu_offset))
    self->menu_offset = cursor_offset (self);
  update_menu_actions (self);
}

static void
cursor_moved (HbCaptionView *self)
{
  self->menu_offset = cursor_offset (self);
  update_menu_actions (self);
}

static void
apply_suggestion (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  HbCaptionView *self = HB_CAPTION_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const HbPostFinding *f = menu_finding (self);
  g_autofree char *replacement = NULL;
  GtkTextIter s, e;

  if (f == NULL || f->finding->replacement == NULL)
    return;
  replacement = g_strdup (f->finding->replacement);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, f->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, f->end);
  /* One user action, so a single Ctrl+Z takes the whole fix back. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &s, &e);
  gtk_text_buffer_insert (buffer, &s, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
acknowledge (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  HbCaptionView *self = HB_CAPTION_VIEW (widget);
  const HbPostFinding *f = menu_finding (self);

  if (f)
    g_signal_emit (self, signals[ACKNOWLEDGE], 0, f);
}

static void
hb_caption_view_dispose (GObject *object)
{
  HbCaptionView *self = HB_CAPTION_VIEW (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->result, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_object (&self->policy);
  g_clear_object (&self->menu);
  g_clear_pointer (&self->menu_label, g_free);
  G_OBJECT_CLASS (hb_caption_view_parent_class)->dispose (object);
}

static void
hb_caption_view_class_init (HbCaptionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hb_caption_view_dispose;
  widget_class->query_tooltip = query_tooltip;

  /* ::acknowledge (const HbPostFinding *): the user asked to acknowledge
   * this finding; the window asks for the reason. */
  signals[ACKNOWLEDGE] = g_signal_new ("acknowledge", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  gtk_widget_class_install_action (widget_class, "caption.apply-suggestion", NULL, apply_suggestion);
  gtk_widget_class_install_action (widget_class, "caption.acknowledge", NULL, acknowledge);
}

static void
hb_caption_view_init (HbCaptionView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 12);
  gtk_text_view_set_right_margin (view, 12);
  gtk_text_view_set_top_margin (view, 12);
  gtk_text_view_set_bottom_margin (view, 12);
  gtk_text_view_set_pixels_below_lines (view, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "hb-caption-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  create_tags (self);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_signal_connect_object (gtk_text_view_get_buffer (view), "insert-text",
                           G_CALLBACK (text_inserted), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "delete-range",
                           G_CALLBACK (range_deleted), self, 0);

  self->menu_label = g_strdup (_("_Apply Suggestion"));
  g_menu_append (menu, self->menu_label, "caption.apply-suggestion");
  self->menu = g_object_ref (menu);
  g_menu_append (menu, _("Ac_knowledge Finding…"), "caption.acknowledge");
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (right_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (gtk_text_view_get_buffer (view), "mark-set",
                           G_CALLBACK (cursor_moved), self, G_CONNECT_SWAPPED);
  update_menu_actions (self);
}

GtkWidget *
hb_caption_view_new (void)
{
  return g_object_new (HB_TYPE_CAPTION_VIEW, NULL);
}
