/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-bench-typing.c — `hb-bench typing FILE`: keystroke to updated
 * underlines in the real composer window.
 *
 * FILE goes into the body editor of a real HbWindow.  Real key presses are
 * injected through the X server (XTest), at five positions in the text; the
 * clock starts when GTK delivers the key event to the window (a capture
 * phase controller, before any widget sees it) and stops when the window
 * reports that the new lint result is on screen (::lint-applied, emitted
 * after the body's tags are updated).  Each key waits for the previous one
 * to settle, so every sample is one full keystroke → lint → tags round trip.
 * Autosave is left to its timer, as it would be while someone types.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "hb-application.h"
#include "hb-bench.h"
#include "hb-widget-util.h"
#include "hb-window.h"

#define KEYS_PER_POSITION 40

typedef struct
{
  HbWindow *window;
  gint64    key_at;     /* when GTK delivered the key, 0 when none pending */
  gint64    applied_at;
} Typing;

static gboolean
key_seen (GtkEventControllerKey *controller,
          guint                  keyval,
          guint                  keycode,
          GdkModifierType        state,
          Typing                *t)
{
  t->key_at = hb_bench_now_ns ();
  t->applied_at = 0;
  return FALSE;
}

static void
lint_applied (HbWindow *window,
              Typing   *t)
{
  if (t->key_at && t->applied_at == 0)
    t->applied_at = hb_bench_now_ns ();
}

static void
spin_until_idle (HbWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((hb_document_get_linting (hb_window_get_document (window)) || hb_document_get_findings (hb_window_get_document (window)) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
press_key (Display *dpy,
           KeySym   sym)
{
  KeyCode code = XKeysymToKeycode (dpy, sym);

  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  XFlush (dpy);
}

/* One keystroke at @offset; returns the latency in ns, or -1. */
static gint64
type_at (Typing  *t,
         Display *dpy,
         guint    offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (hb_widget_find_descendant (GTK_WIDGET (t->window), "caption_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  gint64 deadline;
  GtkTextIter iter;

  /* Offsets past the end land at the end. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  spin_until_idle (t->window);
  t->key_at = t->applied_at = 0;
  press_key (dpy, XK_a);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (t->applied_at == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return t->applied_at ? t->applied_at - t->key_at : -1;
}

static HbWindow *
open_window (HbApplication *app,
             const char    *text)
{
  HbWindow *window = hb_window_new (app);
  GtkTextView *view = GTK_TEXT_VIEW (hb_widget_find_descendant (GTK_WIDGET (window), "caption_view"));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  while ((hb_application_get_policy (app) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  spin_until_idle (window);
  return window;
}

/* Without a window manager nobody gives the window the X input focus. */
static void
focus_x_window (HbWindow *window,
                Display  *dpy)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (dpy, False);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
print_result (GArray *samples,
              guint   chars,
              guint   findings,
              guint   failed)
{
  g_array_sort (samples, hb_bench_compare_i64);
  g_print ("{\"bench\":\"typing\",\"chars\":%u,\"findings\":%u,\"median_ms\":%.4f,\"p99_ms\":%.4f,"
           "\"max_ms\":%.4f,\"runs\":%u,\"lost\":%u}\n",
           chars, findings, hb_bench_percentile_ms (samples, 0.5),
           hb_bench_percentile_ms (samples, 0.99), hb_bench_percentile_ms (samples, 1.0),
           samples->len, failed);
}

/* GTK on Xvfb's X11 with memory settings; FALSE without a display. */
static gboolean
init_display (void)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", HB_BUILD_SCHEMA_DIR, TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  /* Xvfb has no GPU: GL would run on llvmpipe threads that take both
   * cores from the app.  A real desktop renders on its GPU; cairo is the
   * closer stand-in here.  GSK_RENDERER=gl measures the other case. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  return gtk_init_check ();
}

/* Every key press the window sees, and every lint it applies. */
static void
watch_window (Typing *t)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_seen), t);
  gtk_widget_add_controller (GTK_WIDGET (t->window), keys);
  g_signal_connect (t->window, "lint-applied", G_CALLBACK (lint_applied), t);
}

/* Five positions through the text, KEYS_PER_POSITION keys at each:
 * the key-to-lint times, and how many keys never got a lint. */
static guint
type_everywhere (Typing   *t,
                 Display  *dpy,
                 guint     chars,
                 GArray   *samples)
{
  guint failed = 0;

  for (guint p = 0; p < 5; p++)
    for (guint k = 0; k < KEYS_PER_POSITION; k++)
      {
        gint64 dt = type_at (t, dpy, chars / 4 * p + k);

        if (dt < 0)
          failed++;
        else
          g_array_append_val (samples, dt);
      }
  return failed;
}

int
hb_bench_typing (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HbApplication) app = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  Typing t = { NULL };
  Display *dpy;
  guint chars, failed;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_printerr ("hb-bench: %s\n", error->message);
      return 2;
    }
  if (!init_display ())
    {
      g_printerr ("hb-bench: typing needs an X11 display (run it under xvfb-run)\n");
      return 2;
    }
  app = hb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("hb-bench: %s\n", error->message);
      return 2;
    }
  t.window = open_window (app, text);
  dpy = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (t.window)));
  watch_window (&t);
  focus_x_window (t.window, dpy);
  chars = g_utf8_strlen (text, -1);
  failed = type_everywhere (&t, dpy, chars, samples);
  if (samples->len == 0)
    {
      g_printerr ("hb-bench: no key press reached the window\n");
      return 2;
    }
  print_result (samples, chars, hb_document_get_findings (hb_window_get_document (t.window))->len, failed);
  gtk_window_destroy (GTK_WINDOW (t.window));
  return 0;
}
