/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-findings-panel.c — every finding of the post, grouped by guideline
 * clause, with counts.
 *
 * A GtkListView makes widgets only for the rows near the screen, and the
 * model is replaced only when the set of findings really changes (not when
 * typing merely shifts their offsets), so a long post with hundreds of
 * findings stays responsive.  A new list goes into the model a few rows a
 * frame (see fill_tick()).
 */
#include "config.h"

#include "hb-findings-panel.h"
#include "hb-finding-item.h"
#include "hb-platforms.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _HbFindingsPanel
{
  GtkWidget   parent_instance;
  GtkLabel   *summary;
  GtkStack   *stack;
  GtkListView *list;
  GListStore *items;    /* HbFindingItem: headings and findings */
  GPtrArray  *result;   /* the lint result @shown points into */
  GPtrArray  *pending;  /* HbFindingItem still to go into @items */
  guint       next;     /* the first of @pending not in @items yet */
  guint       fill_id;  /* tick callback moving @pending into @items */
  GPtrArray  *shown;    /* HbPostFinding, sorted by clause, borrowed */
  GHashTable *counts;   /* clause → count */
  HbPolicy   *policy;
  HbLang      lang;
};

/* GTK 4.8's GtkListView makes and measures a widget for up to 200 items
 * around the top, whether shown or not; a row with a wrapped message takes
 * about 1.5 ms, so a new list of hundreds of findings held the window up
 * for a third of a second.  The model takes that many a few rows a frame,
 * then the rest (which get no widget) at once. */
#define ROWS_WITH_WIDGETS 200
#define ROWS_PER_FRAME    20

G_DEFINE_FINAL_TYPE (HbFindingsPanel, hb_findings_panel, GTK_TYPE_WIDGET)

enum { FINDING_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static int
compare_by_clause (gconstpointer a,
                   gconstpointer b)
{
  const HbPostFinding *x = *(HbPostFinding **) a, *y = *(HbPostFinding **) b;
  int c = g_strcmp0 (hb_finding_get_clause (x->finding), hb_finding_get_clause (y->finding));

  if (c != 0)
    return c;
  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return (int) x->start - (int) y->start;
}

/* Where the finding is, in words: "Body", "Guest 2", "Alt text of photo 1". */
static char *
describe_source (const HbPostFinding *f)
{
  switch (f->source)
    {
    case HB_FIELD_EVENT_NAME: return g_strdup (_("Programme name"));
    case HB_FIELD_DATE: return g_strdup (_("Date"));
    case HB_FIELD_START_TIME:
    case HB_FIELD_END_TIME: return g_strdup (_("Time"));
    case HB_FIELD_VENUE: return g_strdup (_("Venue"));
    case HB_FIELD_BODY: return g_strdup (_("Body"));
    case HB_FIELD_HASHTAGS: return g_strdup (_("Hashtags"));
    case HB_FIELD_LINK: return g_strdup (_("Website link"));
    case HB_SOURCE_GUEST:
      if (f->end == f->start)  /* a missing guest list, not one guest */
        return g_strdup (_("Guests"));
      return g_strdup_printf (_("Guest %u"), f->index + 1);
    case HB_SOURCE_ALT_TEXT: return g_strdup_printf (_("Alt text of item %u"), f->index + 1);
    case HB_SOURCE_MEDIA_CAPTION: return g_strdup_printf (_("Caption of item %u"), f->index + 1);
    case HB_SOURCE_MEDIA: return g_strdup_printf (_("Photo or video %u"), f->index + 1);
    case HB_SOURCE_PLATFORM_CAPTION:
      {
        const HbPlatform *p = hb_platforms_lookup (hb_platforms_get_default (),
                                                   hb_platform_ids ()[f->index]);
        /* TRANSLATORS: "Caption for Instagram" */
        return g_strdup_printf (_("Caption for %s"), p ? p->name : hb_platform_ids ()[f->index]);
      }
    default: return g_strdup (_("Caption"));
    }
}

static const char *
severity_icon (HbSeverity severity)
{
  switch (severity)
    {
    case HB_SEVERITY_ERROR: return "dialog-error-symbolic";
    case HB_SEVERITY_WARNING: return "dialog-warning-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static const char *
severity_name (HbSeverity severity)
{
  switch (severity)
    {
    case HB_SEVERITY_ERROR: return _("Error");
    case HB_SEVERITY_WARNING: return _("Warning");
    default: return _("Note");
    }
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HbFindingsPanel          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *sub = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), sub);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

/* The row the keyboard focuses is the list's own widget around @box; it
 * takes the same name (GTK 4.8 gives it none of its own). */
static void
name_list_item (GtkWidget  *box,
                const char *name)
{
  GtkWidget *row = gtk_widget_get_parent (box);

  if (row)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
bind_heading (GtkListItem *item,
              GtkWidget   *box,
              const char  *heading)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (title), FALSE);
  gtk_label_set_label (GTK_LABEL (title), heading);
  gtk_widget_add_css_class (title, "hb-clause-header");
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  name_list_item (box, heading);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HbFindingsPanel          *self)
{
  HbFindingItem *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  GtkWidget *sub = gtk_widget_get_next_sibling (title);
  const HbPostFinding *f = hb_finding_item_get_finding (row);
  HbSeverity severity;
  const char *message;
  g_autofree char *where = NULL, *detail = NULL, *a11y = NULL;

  gtk_widget_remove_css_class (title, "hb-clause-header");
  gtk_widget_remove_css_class (box, "hb-acknowledged");
  if (f == NULL)
    {
      bind_heading (item, box, hb_finding_item_get_heading (row));
      return;
    }
  severity = hb_finding_get_severity (f->finding);
  message = hb_finding_get_message (f->finding, self->lang);
  where = describe_source (f);
  detail = *f->finding->text ? g_strdup_printf ("%s · “%s”", where, f->finding->text) : g_strdup (where);
  a11y = g_strdup_printf ("%s: %s. %s", severity_name (severity), message, detail);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (severity));
  gtk_widget_set_css_classes (icon, (const char *[]) {
    severity == HB_SEVERITY_ERROR ? "error" : severity == HB_SEVERITY_WARNING ? "warning" : "accent", NULL });
  gtk_widget_set_visible (icon, TRUE);
  gtk_widget_set_visible (sub, TRUE);
  gtk_label_set_label (GTK_LABEL (title), message);
  gtk_label_set_label (GTK_LABEL (sub), detail);
  if (f->acknowledged)
    gtk_widget_add_css_class (box, "hb-acknowledged");
  gtk_list_item_set_activatable (item, TRUE);
  gtk_list_item_set_selectable (item, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  name_list_item (box, a11y);
}

static char *
heading_text (HbFindingsPanel *self,
              const char      *clause)
{
  const HbClause *c = self->policy ? hb_policy_find_clause (self->policy, clause) : NULL;

  return g_strdup_printf ("%s (%u) — %s", clause,
                          GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, clause)),
                          c ? c->text[self->lang] : "");
}

/* The same findings in the same places, ignoring offsets: typing that only
 * moves findings along needs no new rows. */
static gboolean
same_set (GPtrArray *a,
          GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const HbPostFinding *x = a->pdata[i], *y = b->pdata[i];

      if (x->finding->rule != y->finding->rule || x->source != y->source ||
          x->index != y->index || x->acknowledged != y->acknowledged ||
          g_strcmp0 (x->finding->text, y->finding->text) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_summary (HbFindingsPanel *self)
{
  guint n[3] = { 0, 0, 0 }, acked = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->shown->len; i++)
    {
      const HbPostFinding *f = self->shown->pdata[i];

      if (f->acknowledged)
        acked++;
      else
        n[hb_finding_get_severity (f->finding)]++;
    }
  /* TRANSLATORS: counts of findings by kind */
  text = g_strdup_printf (_("Errors: %u · Warnings: %u · Notes: %u · Acknowledged: %u"),
                          n[HB_SEVERITY_ERROR], n[HB_SEVERITY_WARNING], n[HB_SEVERITY_INFO], acked);
  gtk_label_set_label (self->summary, text);
}

static void
count_clauses (HbFindingsPanel *self)
{
  g_hash_table_remove_all (self->counts);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const char *clause = hb_finding_get_clause (((HbPostFinding *) self->shown->pdata[i])->finding);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, clause));

      g_hash_table_insert (self->counts, (gpointer) clause, GUINT_TO_POINTER (n + 1));
    }
}

/* Moves up to @count more of @pending into the model; FALSE once all
 * are in. */
static gboolean
fill_some (HbFindingsPanel *self,
           guint            count)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  count = MIN (count, self->pending->len - self->next);
  g_list_store_splice (self->items, n, 0, self->pending->pdata + self->next, count);
  self->next += count;
  if (self->next < self->pending->len)
    return TRUE;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  return FALSE;
}

static gboolean
fill_tick (GtkWidget     *list,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  HbFindingsPanel *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (fill_some (self, n < ROWS_WITH_WIDGETS ? ROWS_PER_FRAME : G_MAXUINT))
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_filling (HbFindingsPanel *self)
{
  if (self->fill_id)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->fill_id);
  self->fill_id = 0;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

/* Everything in the model now, for code that walks it. */
static void
fill_all (HbFindingsPanel *self)
{
  if (self->pending)
    fill_some (self, G_MAXUINT);
  stop_filling (self);
}

/* One heading per clause, then its findings: the first rows at once, the
 * rest by fill_tick(). */
static void
rebuild_rows (HbFindingsPanel *self,
              GPtrArray       *result)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *clause = NULL;

  count_clauses (self);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const HbPostFinding *f = self->shown->pdata[i];

      if (g_strcmp0 (clause, hb_finding_get_clause (f->finding)) != 0)
        {
          g_autofree char *heading = NULL;

          clause = hb_finding_get_clause (f->finding);
          heading = heading_text (self, clause);
          g_ptr_array_add (items, hb_finding_item_new_heading (heading));
        }
      g_ptr_array_add (items, hb_finding_item_new (f, result));
    }
  stop_filling (self);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, MIN (items->len, ROWS_PER_FRAME));
  if (items->len > ROWS_PER_FRAME)
    {
      self->pending = g_steal_pointer (&items);
      self->next = ROWS_PER_FRAME;
      self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), fill_tick, self, NULL);
    }
  gtk_stack_set_visible_child_name (self->stack, self->shown->len ? "list" : "empty");
  update_summary (self);
}

/* Same set as shown: the rows stay, pointing into the result they were
 * made from (kept alive by their items). */
void
hb_findings_panel_set_findings (HbFindingsPanel *self,
                                GPtrArray       *findings,
                                HbPolicy        *policy,
                                HbLang           lang)
{
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_if_fail (HB_IS_FINDINGS_PANEL (self));
  g_return_if_fail (policy == NULL || HB_IS_POLICY (policy));

  sorted = g_ptr_array_new ();
  for (guint i = 0; findings && i < findings->len; i++)
    g_ptr_array_add (sorted, findings->pdata[i]);
  g_ptr_array_sort (sorted, compare_by_clause);
  if (same_set (self->shown, sorted) && self->lang == lang && self->policy == policy)
    return;
  g_set_object (&self->policy, policy);
  self->lang = lang;
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_steal_pointer (&sorted);
  g_clear_pointer (&self->result, g_ptr_array_unref);
  self->result = findings ? g_ptr_array_ref (findings) : g_ptr_array_new ();
  rebuild_rows (self, self->result);
}

guint
hb_findings_panel_get_n_rows (HbFindingsPanel *self)
{
  g_return_val_if_fail (HB_IS_FINDINGS_PANEL (self), 0);

  return self->shown ? self->shown->len : 0;
}

char *
hb_findings_panel_dup_summary (HbFindingsPanel *self)
{
  g_return_val_if_fail (HB_IS_FINDINGS_PANEL (self), NULL);

  return g_strdup (gtk_label_get_label (self->summary));
}

const HbPostFinding *
hb_findings_panel_get_finding (HbFindingsPanel *self,
                               guint            row)
{
  g_return_val_if_fail (HB_IS_FINDINGS_PANEL (self), NULL);

  return self->shown && row < self->shown->len ? self->shown->pdata[row] : NULL;
}

static void
item_activated (HbFindingsPanel *self,
                guint            position)
{
  g_autoptr(HbFindingItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  const HbPostFinding *f = item ? hb_finding_item_get_finding (item) : NULL;

  if (f)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, f);
}

/* Activates the @row-th finding (headings not counted). */
void
hb_findings_panel_activate_row (HbFindingsPanel *self,
                                guint            row)
{
  guint n;

  g_return_if_fail (HB_IS_FINDINGS_PANEL (self));

  fill_all (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0, k = 0; i < n; i++)
    {
      g_autoptr(HbFindingItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (hb_finding_item_get_finding (item) && k++ == row)
        {
          item_activated (self, i);
          return;
        }
    }
}

static void
hb_findings_panel_dispose (GObject *object)
{
  HbFindingsPanel *self = HB_FINDINGS_PANEL (object);
  GtkWidget *child;

  stop_filling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HB_TYPE_FINDINGS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->result, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->policy);
  G_OBJECT_CLASS (hb_findings_panel_parent_class)->dispose (object);
}

static void
hb_findings_panel_class_init (HbFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hb_findings_panel_dispose;
  /* ::finding-activated (const HbPostFinding *): show it in its field. */
  signals[FINDING_ACTIVATED] = g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_POINTER);
  gtk_widget_class_set_template_from_resource (widget_class, "/my/gov/mpkk/Hebahan/hb-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, HbFindingsPanel, summary);
  gtk_widget_class_bind_template_child (widget_class, HbFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, HbFindingsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, item_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hb_findings_panel_init (HbFindingsPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->shown = g_ptr_array_new ();
  self->items = g_list_store_new (HB_TYPE_FINDING_ITEM);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list, factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  update_summary (self);
}

GtkWidget *
hb_findings_panel_new (void)
{
  return g_object_new (HB_TYPE_FINDINGS_PANEL, NULL);
}
