/* test-gui-publish.c — getting the post out: the Caption page's marking of
 * the text past a platform's limit. */
#include <string.h>

#include "hb-application.h"
#include "hb-count.h"
#include "hb-gui-test.h"
#include "hb-platform-preview.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* Every code point from @start to the end has @tag, none before. */
static void
assert_marked_from (GtkTextBuffer *buffer,
                    GtkTextTag    *tag,
                    guint          start)
{
  guint n = gtk_text_buffer_get_char_count (buffer);
  GtkTextIter it;

  for (guint k = 0; k < n; k++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &it, k);
      if (gtk_text_iter_has_tag (&it, tag) != (k >= start))
        g_error ("code point %u (of %u, limit reached at %u) is %smarked", k, n, start,
                 k >= start ? "not " : "");
    }
}

static HbPost *
long_post (void)
{
  HbPost *post = hb_post_new ();
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < 7; i++)
    g_string_append (body, "Gotong-royong perdana di Taman Selasih bersama penduduk setempat. ");
  hb_post_set_field (post, HB_FIELD_EVENT_NAME, "Gotong-royong Perdana");
  hb_post_set_field (post, HB_FIELD_BODY, body->str);
  hb_post_set_field (post, HB_FIELD_HASHTAGS, "#MPKK #KulimBersih");
  hb_post_set_field (post, HB_FIELD_LINK, "https://www.mpkk.gov.my/berita/gotong-royong");
  hb_post_toggle_platform (post, "x", TRUE);
  return post;
}

/* X's count past the limit: everything from the first code point that
 * does not fit to the very end is marked, the hashtags and the link
 * included, and nothing before it. */
static void
test_over_limit_covers_the_rest (void)
{
  g_autoptr(HbPost) post = long_post ();
  GtkWidget *window = gtk_window_new ();
  HbPlatformPreview *preview = HB_PLATFORM_PREVIEW (hb_platform_preview_new ());
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextTag *over;
  g_autofree char *text = NULL, *shot = NULL;
  const char *tags_at;
  HbCount count;
  guint start;
  GtkTextIter it;

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  hb_platform_preview_set_post (preview, post);
  hb_platform_preview_show_platform (preview, "x");
  hb_gui_test_iterate (100);

  text = hb_platform_preview_dup_text (preview);
  g_assert_true (hb_count_text (text, -1, HB_COUNT_TWITTER_V3, 280, &count, NULL));
  g_assert_false (count.valid);
  start = hb_platform_preview_get_over_start (preview);
  g_assert_cmpuint (start, ==, count.valid_end + 1);
  tags_at = strstr (text, "#MPKK");
  g_assert_nonnull (tags_at);
  g_assert_cmpuint (start, <, g_utf8_pointer_to_offset (text, tags_at));

  view = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (preview), GTK_TYPE_TEXT_VIEW));
  buffer = gtk_text_view_get_buffer (view);
  over = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "hb-over-limit");
  g_assert_nonnull (over);
  assert_marked_from (buffer, over, start);
  shot = hb_gui_test_screenshot (window, "caption-x-over-limit");

  /* A caption of X's own, typed on past the limit: what is typed is
   * marked as it is typed, not only at the next refresh. */
  hb_platform_preview_set_own (preview, TRUE);
  hb_gui_test_iterate (50);
  gtk_text_buffer_get_end_iter (buffer, &it);
  gtk_text_buffer_insert_interactive (buffer, &it, " #Tambahan https://kulim.gov.my/x", -1, TRUE);
  hb_gui_test_iterate (50);
  g_free (text);
  text = hb_platform_preview_dup_text (preview);
  g_assert_true (g_str_has_suffix (text, "#Tambahan https://kulim.gov.my/x"));
  g_assert_cmpstr (hb_post_get_caption_override (post, "x"), ==, text);
  g_assert_cmpuint (hb_platform_preview_get_over_start (preview), ==, start);
  assert_marked_from (buffer, over, start);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  hb_gui_test_init (&argc, &argv);
  hb_app_ensure_resources ();
  g_test_add_func ("/gui-publish/over-limit-covers-the-rest", test_over_limit_covers_the_rest);
  return g_test_run ();
}
