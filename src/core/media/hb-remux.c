/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-remux.c — a video's streams copied into a new container of the same
 * kind, without its metadata (see hb-remux.h).
 *
 * GStreamer does the work: parsebin finds the container and exposes its
 * streams already parsed; each audio and video stream goes to a muxer of
 * the same container kind (qtmux/mp4mux, matroskamux, webmmux), with no
 * re-encoding.  Metadata travels through a GStreamer pipeline as tag
 * events (GPS position, camera make and model, owner, dates, titles) and
 * as side streams (a camera's GPS or telemetry track): every tag event is
 * dropped before the muxer, the muxer is told to ignore the ones it would
 * merge anyway, and streams that are neither audio nor video go nowhere.
 */
#include "config.h"

#include "hb-remux.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <gst/base/gsttypefindhelper.h>
#include <gst/gst.h>
#include <string.h>

#include "hb-error.h"

#define SNIFF_BYTES (64 * 1024)

typedef struct
{
  GstElement *pipeline;
  GstElement *mux;
} Remux;

static gboolean
ensure_gst (GError **error)
{
  static gsize done;
  static gboolean ok;
  static GError *init_error;

  if (g_once_init_enter (&done))
    {
      ok = gst_init_check (NULL, NULL, &init_error);
      g_once_init_leave (&done, 1);
    }
  if (!ok && error)
    *error = g_error_new (HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED, _("GStreamer cannot start: %s"),
                          init_error ? init_error->message : "");
  return ok;
}

/* The muxer for the container the bytes are in, or NULL. */
static const char *
muxer_for (const char *path)
{
  g_autofree char *head = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  GstStructure *s;
  const char *name, *variant;
  gsize len = 0;

  head = g_malloc (SNIFF_BYTES);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, SNIFF_BYTES, &len, NULL, NULL))
    return NULL;
  caps = gst_type_find_helper_for_data (NULL, (const guint8 *) head, len, NULL);
  if (caps == NULL || gst_caps_is_empty (caps))
    return NULL;
  s = gst_caps_get_structure (caps, 0);
  name = gst_structure_get_name (s);
  variant = gst_structure_get_string (s, "variant");
  if (strcmp (name, "video/quicktime") == 0)
    return g_strcmp0 (variant, "iso") == 0 ? "mp4mux" : "qtmux";
  if (strcmp (name, "video/webm") == 0)
    return "webmmux";
  if (strcmp (name, "video/x-matroska") == 0)
    return "matroskamux";
  return NULL;
}

static GstPadProbeReturn
drop_tags (GstPad          *pad,
           GstPadProbeInfo *info,
           gpointer         data)
{
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);

  if (GST_EVENT_TYPE (event) == GST_EVENT_TAG || GST_EVENT_TYPE (event) == GST_EVENT_TOC)
    return GST_PAD_PROBE_DROP;
  return GST_PAD_PROBE_OK;
}

/* Streams that are neither audio nor video (GPS tracks, subtitles,
 * chapters) are not published. */
static void
discard (Remux  *r,
         GstPad *pad)
{
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autoptr(GstPad) sinkpad = NULL;

  g_object_set (sink, "sync", FALSE, "async", FALSE, NULL);
  gst_bin_add (GST_BIN (r->pipeline), sink);
  sinkpad = gst_element_get_static_pad (sink, "sink");
  gst_pad_link (pad, sinkpad);
  gst_element_sync_state_with_parent (sink);
}

static void
on_pad_added (GstElement *parsebin,
              GstPad     *pad,
              Remux      *r)
{
  g_autoptr(GstCaps) caps = gst_pad_query_caps (pad, NULL);
  const char *name = gst_caps_is_empty (caps) ? "" : gst_structure_get_name (gst_caps_get_structure (caps, 0));
  g_autoptr(GstPad) target = NULL;

  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, drop_tags, NULL, NULL);
  if (g_str_has_prefix (name, "video/") || g_str_has_prefix (name, "audio/"))
    target = gst_element_get_compatible_pad (r->mux, pad, caps);
  if (target == NULL || gst_pad_link (pad, target) != GST_PAD_LINK_OK)
    discard (r, pad);
}

static GstElement *
make (const char  *factory,
      GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                 _("The GStreamer element “%s” is missing: install gstreamer1.0-plugins-base and -good"),
                 factory);
  return element;
}

static gboolean
build (Remux       *r,
       const char  *in,
       const char  *out,
       const char  *muxer,
       GError     **error)
{
  GstElement *src, *parse, *sink;

  if ((src = make ("filesrc", error)) == NULL || (parse = make ("parsebin", error)) == NULL ||
      (r->mux = make (muxer, error)) == NULL || (sink = make ("filesink", error)) == NULL)
    return FALSE;
  r->pipeline = gst_pipeline_new ("hb-remux");
  gst_bin_add_many (GST_BIN (r->pipeline), src, parse, r->mux, sink, NULL);
  g_object_set (src, "location", in, NULL);
  g_object_set (sink, "location", out, NULL);
  gst_tag_setter_set_tag_merge_mode (GST_TAG_SETTER (r->mux), GST_TAG_MERGE_KEEP_ALL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (r->mux), "writing-app"))
    g_object_set (r->mux, "writing-app", "Hebahan", NULL);
  g_signal_connect (parse, "pad-added", G_CALLBACK (on_pad_added), r);
  return gst_element_link (src, parse) && gst_element_link (r->mux, sink);
}

/* Runs the pipeline to its end, checking @cancellable ten times a second. */
static gboolean
run (Remux         *r,
     const char    *in,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (r->pipeline);
  gboolean ok = FALSE, done = FALSE;

  if (gst_element_set_state (r->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    done = TRUE;
  while (!done)
    {
      g_autoptr(GstMessage) msg = gst_bus_timed_pop_filtered (bus, 100 * GST_MSECOND,
                                                              GST_MESSAGE_EOS | GST_MESSAGE_ERROR);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
        {
          g_autoptr(GError) gst_error = NULL;

          gst_message_parse_error (msg, &gst_error, NULL);
          /* A full disk is said as the rest of the export says it. */
          if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NO_SPACE_LEFT))
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, g_strerror (ENOSPC));
          else
            g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                         _("Could not copy “%s” without its metadata: %s"), in, gst_error->message);
          break;
        }
      done = ok = msg != NULL;
    }
  if (!ok && error && *error == NULL)
    g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNREADABLE,
                 _("Could not copy “%s” without its metadata"), in);
  gst_element_set_state (r->pipeline, GST_STATE_NULL);
  return ok;
}

/**
 * hb_remux_strip:
 * @in: the video, a regular file Hebahan has checked
 * @out: where to write the copy (must not exist)
 * @name: how to name the video in messages
 *
 * Copies the audio and video streams of @in into a new container of the
 * same kind at @out, with no metadata.  Runs in the calling thread.
 */
gboolean
hb_remux_strip (const char    *in,
                const char    *out,
                const char    *name,
                GCancellable  *cancellable,
                GError       **error)
{
  Remux r = { NULL, };
  const char *muxer;
  gboolean ok;

  if (!ensure_gst (error))
    return FALSE;
  if ((muxer = muxer_for (in)) == NULL)
    {
      g_set_error (error, HB_ERROR, HB_ERROR_MEDIA_UNSUPPORTED,
                   _("“%s” is a kind of video Hebahan cannot copy without its metadata "
                     "(it takes MP4, MOV, WebM and Matroska)"), name);
      return FALSE;
    }
  ok = build (&r, in, out, muxer, error) && run (&r, name, cancellable, error);
  g_clear_object (&r.pipeline);
  return ok;
}
