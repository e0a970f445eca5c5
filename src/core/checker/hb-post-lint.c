/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post-lint.c — lints a whole post: its composed caption, alt texts and media captions, and the pack's `post` rules.
 *
 * The snapshot copies plain strings on the calling (main) thread; the lint
 * itself touches nothing but the snapshot and the immutable policy, so it
 * can run in a worker while the officer keeps typing.
 */
#include "config.h"

#include "hb-post-lint.h"

#include <string.h>

#include "hb-count.h"
#include "hb-datetime.h"
#include "hb-linter.h"
#include "hb-links.h"
#include "hb-platforms.h"
#include "hb-text.h"

typedef struct
{
  HbMediaKind          kind;
  char                *name;    /* file name: what an acknowledgement of one photo names */
  char                *alt_text;
  char                *caption;
  gboolean             loaded;  /* FALSE: nothing measured yet, nothing to check */
  char                *error;   /* why the file cannot be used (the measuring's words), or NULL */
  HbMediaMeasurements  m;
} MediaCopy;

typedef struct
{
  char *rule;
  char *text;
} AckCopy;

/* A caption decoded once: the lint builds its HbText, and each
 * platform's count, the hashtags, mentions and links read the same code
 * points and share one URL search. */
typedef struct
{
  HbText        *text;    /* normalised and tokenised, built by the lint */
  HbCountSource *source;  /* on first use: @text's code points once linted */
  GPtrArray     *links;   /* HbLink, found on first use */
} Scan;

/* A caption written for one platform. */
typedef struct
{
  char      *platform;
  guint      index;    /* in hb_platform_ids() */
  char      *text;
  Scan       scan;     /* of @text */
} OwnCaption;

/* The fields a `missing-*` check looks at. */
typedef enum
{
  PART_EVENT_NAME,
  PART_DATE,
  PART_TIME,
  PART_VENUE,
  PART_GUESTS,
  N_PARTS,
} Part;

struct _HbPostSnapshot
{
  HbCaption  *caption;
  char       *post_type;
  gboolean    missing[N_PARTS];
  gboolean    unreadable_start;  /* a time typed that hb_time_parse cannot read */
  gboolean    unreadable_end;
  GPtrArray  *media;  /* MediaCopy */
  GPtrArray  *acks;   /* AckCopy */
  char      **platforms; /* selected platforms that publish the composed caption */
  char      **media_platforms; /* every selected platform: all of them publish the media */
  GPtrArray  *own_captions;    /* OwnCaption, for selected platforms only */
  HbLinkCache *links;          /* what the link checker found, or NULL */
  Scan        caption_scan;    /* of the composed caption */
};

static const struct { const char *check; guint source; } missing_checks[N_PARTS] = {
  [PART_EVENT_NAME] = { "missing-event-name", HB_FIELD_EVENT_NAME },
  [PART_DATE]       = { "missing-date", HB_FIELD_DATE },
  [PART_TIME]       = { "missing-time", HB_FIELD_START_TIME },
  [PART_VENUE]      = { "missing-venue", HB_FIELD_VENUE },
  [PART_GUESTS]     = { "missing-guests", HB_SOURCE_GUEST },
};

static void
media_copy_free (gpointer data)
{
  MediaCopy *m = data;

  g_free (m->name);
  g_free (m->alt_text);
  g_free (m->caption);
  g_free (m->error);
  g_free (m);
}

static void
ack_copy_free (gpointer data)
{
  AckCopy *a = data;

  g_free (a->rule);
  g_free (a->text);
  g_free (a);
}

/* ------------------------------------------------------------------ */
/* The snapshot                                                        */

static gboolean
guests_missing (HbPost *post)
{
  GListModel *guests = G_LIST_MODEL (hb_post_get_guests (post));

  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(HbGuest) guest = g_list_model_get_item (guests, i);

      if (!hb_text_is_blank (hb_guest_get_name (guest)))
        return FALSE;
    }
  return TRUE;
}

static void
copy_media (HbPostSnapshot *snap,
            HbPost         *post)
{
  GListModel *media = G_LIST_MODEL (hb_post_get_media (post));

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(HbMediaItem) item = g_list_model_get_item (media, i);
      MediaCopy *m = g_new0 (MediaCopy, 1);

      m->kind = hb_media_item_get_kind (item);
      m->name = g_path_get_basename (hb_media_item_get_path (item));
      m->alt_text = g_strdup (hb_media_item_get_alt_text (item));
      m->caption = g_strdup (hb_media_item_get_caption (item));
      m->loaded = hb_media_item_get_loaded (item);
      m->error = g_strdup (hb_media_item_get_error (item));
      if (m->loaded)
        hb_media_item_get_measurements (item, &m->m);
      g_ptr_array_add (snap->media, m);
    }
}

static void
copy_acks (HbPostSnapshot *snap,
           HbPost         *post)
{
  GPtrArray *acks = hb_post_get_acks (post);

  for (guint i = 0; i < acks->len; i++)
    {
      const HbAck *ack = acks->pdata[i];
      AckCopy *a = g_new0 (AckCopy, 1);

      a->rule = g_strdup (ack->rule);
      a->text = g_strdup (ack->text ? ack->text : "");
      g_ptr_array_add (snap->acks, a);
    }
}

/* The selected platforms, less those that carry a caption of their own:
 * the composed caption is not what they publish. */
static char **
copy_platforms (HbPost *post)
{
  const char * const *ids = hb_post_get_platforms (post);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; ids && ids[i]; i++)
    if (hb_post_get_caption_override (post, ids[i]) == NULL)
      g_strv_builder_add (b, ids[i]);
  return g_strv_builder_end (b);
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->links, g_ptr_array_unref);
  g_clear_pointer (&scan->source, hb_count_source_free);
  g_clear_pointer (&scan->text, hb_text_free);
}

static void
own_caption_free (gpointer data)
{
  OwnCaption *c = data;

  g_free (c->platform);
  g_free (c->text);
  scan_clear (&c->scan);
  g_free (c);
}

static GPtrArray *
copy_own_captions (HbPost *post)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (own_caption_free);
  const char * const *ids = hb_platform_ids ();

  for (guint i = 0; ids[i]; i++)
    {
      const char *text = hb_post_get_caption_override (post, ids[i]);
      OwnCaption *c;

      if (text == NULL || !hb_post_has_platform (post, ids[i]))
        continue;
      c = g_new0 (OwnCaption, 1);
      c->platform = g_strdup (ids[i]);
      c->index = i;
      c->text = g_strdup (text);
      g_ptr_array_add (out, c);
    }
  return out;
}

static gboolean
time_unreadable (const char *time)
{
  return !hb_text_is_blank (time) && !hb_time_parse (time, NULL, NULL);
}

/* Copies what the lint needs from @post; call on the thread that owns it. */
HbPostSnapshot *
hb_post_snapshot_new (HbPost *post)
{
  HbPostSnapshot *snap = g_new0 (HbPostSnapshot, 1);

  g_return_val_if_fail (HB_IS_POST (post), NULL);
  snap->caption = hb_caption_compose (post, hb_post_get_language (post));
  snap->post_type = g_strdup (hb_post_type_to_string (hb_post_get_post_type (post)));
  snap->missing[PART_EVENT_NAME] = hb_text_is_blank (hb_post_get_field (post, HB_FIELD_EVENT_NAME));
  snap->missing[PART_DATE] = hb_text_is_blank (hb_post_get_field (post, HB_FIELD_DATE));
  snap->missing[PART_TIME] = hb_text_is_blank (hb_post_get_field (post, HB_FIELD_START_TIME));
  snap->missing[PART_VENUE] = hb_text_is_blank (hb_post_get_field (post, HB_FIELD_VENUE));
  snap->missing[PART_GUESTS] = guests_missing (post);
  snap->unreadable_start = time_unreadable (hb_post_get_field (post, HB_FIELD_START_TIME));
  snap->unreadable_end = time_unreadable (hb_post_get_field (post, HB_FIELD_END_TIME));
  snap->media = g_ptr_array_new_with_free_func (media_copy_free);
  snap->acks = g_ptr_array_new_with_free_func (ack_copy_free);
  copy_media (snap, post);
  copy_acks (snap, post);
  snap->platforms = copy_platforms (post);
  snap->own_captions = copy_own_captions (post);
  snap->media_platforms = g_strdupv ((char **) hb_post_get_platforms (post));
  if (snap->media_platforms == NULL)
    snap->media_platforms = g_new0 (char *, 1);
  return snap;
}

void
hb_post_snapshot_free (HbPostSnapshot *snap)
{
  if (snap == NULL)
    return;
  hb_caption_free (snap->caption);
  g_free (snap->post_type);
  g_clear_pointer (&snap->media, g_ptr_array_unref);
  g_clear_pointer (&snap->acks, g_ptr_array_unref);
  g_strfreev (snap->platforms);
  g_strfreev (snap->media_platforms);
  g_clear_pointer (&snap->own_captions, g_ptr_array_unref);
  g_clear_object (&snap->links);
  scan_clear (&snap->caption_scan);
  g_free (snap);
}

/**
 * hb_post_snapshot_set_link_cache:
 * @cache: (nullable): the link checker's results
 *
 * Lets the `link-broken` and `link-insecure-redirect` rules see what the
 * link checker found; without a cache (the CLI's lint, tests) they find
 * nothing.  The cache is thread-safe, so the lint may run in a worker
 * while the checker keeps filling it.
 */
void
hb_post_snapshot_set_link_cache (HbPostSnapshot *snap,
                                 HbLinkCache    *cache)
{
  g_return_if_fail (snap != NULL);
  g_set_object (&snap->links, cache);
}

const HbCaption *
hb_post_snapshot_get_caption (HbPostSnapshot *snap)
{
  return snap->caption;
}

/* What counts and searches read: the code points the lint decoded, or,
 * before any lint (the link checker may ask first), @utf8 decoded for
 * them alone.  NULL when @utf8 is not valid UTF-8: then nothing is
 * counted and nothing found, as hb_count_text() and the searches do. */
static HbCountSource *
scan_source (Scan       *scan,
             const char *utf8)
{
  if (scan->source == NULL && (scan->text != NULL || g_utf8_validate (utf8, -1, NULL)))
    scan->source = hb_count_source_new (utf8, -1, scan->text);
  return scan->source;
}

/* Lints @utf8 as hb_lint() does, keeping the HbText for the counts. */
static GPtrArray *
scan_lint (Scan        *scan,
           HbPolicy    *policy,
           const char  *utf8,
           GError     **error)
{
  if (scan->text == NULL && (scan->text = hb_text_new_validated (utf8, strlen (utf8), error)) == NULL)
    return NULL;
  return hb_lint_text (policy, scan->text);
}

/* The links of the composed caption, or of an own caption, found once
 * per snapshot: every link rule and the link checker read them. */
static GPtrArray *
scan_links (Scan       *scan,
            const char *utf8)
{
  HbCountSource *source;

  if (scan->links == NULL)
    scan->links = (source = scan_source (scan, utf8)) != NULL
                  ? hb_links_find_in_source (source)
                  : g_ptr_array_new_with_free_func ((GDestroyNotify) hb_link_free);
  return scan->links;
}

static GPtrArray *
caption_links (HbPostSnapshot *snap)
{
  return scan_links (&snap->caption_scan, snap->caption->text);
}

static GPtrArray *
own_caption_links (OwnCaption *c)
{
  return scan_links (&c->scan, c->text);
}

static void
add_link_urls (GPtrArray *urls,
               GPtrArray *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      const HbLink *link = links->pdata[i];

      if (!g_ptr_array_find_with_equal_func (urls, link->url, g_str_equal, NULL))
        g_ptr_array_add (urls, g_strdup (link->url));
    }
}

/**
 * hb_post_snapshot_dup_link_urls:
 *
 * The addresses the link checker should check: those of the composed
 * caption and of the selected platforms' own captions, each once, in
 * order (HbLink.url: the link cache's keys).
 *
 * Returns: (transfer full): a NULL-terminated array
 */
char **
hb_post_snapshot_dup_link_urls (HbPostSnapshot *snap)
{
  GPtrArray *urls = g_ptr_array_new ();

  g_return_val_if_fail (snap != NULL, NULL);
  add_link_urls (urls, caption_links (snap));
  for (guint i = 0; i < snap->own_captions->len; i++)
    add_link_urls (urls, own_caption_links (snap->own_captions->pdata[i]));
  g_ptr_array_add (urls, NULL);
  return (char **) g_ptr_array_free (urls, FALSE);
}

/* ------------------------------------------------------------------ */
/* Findings                                                            */

void
hb_post_finding_free (HbPostFinding *pf)
{
  if (pf == NULL)
    return;
  hb_finding_free (pf->finding);
  g_free (pf);
}

static HbPostFinding *
post_finding_new (HbFinding *finding,
                  guint      source,
                  guint      index,
                  guint      start,
                  guint      end)
{
  HbPostFinding *pf = g_new0 (HbPostFinding, 1);

  pf->finding = finding;
  pf->source = source;
  pf->index = index;
  pf->start = start;
  pf->end = end;
  return pf;
}

/* Moves a finding on the caption to the source it starts in, with offsets
 * in that source's own text.  A finding that runs past its segment (over
 * a label into the next field) is cut at the segment's end.  Label text
 * has no text of its own, so it keeps caption offsets. */
static HbPostFinding *
locate_finding (const HbCaption *caption,
                HbFinding       *f)
{
  const HbCaptionSegment *seg = hb_caption_locate (caption, f->start);
  guint end;

  if (seg == NULL || seg->source == HB_SOURCE_LABEL)
    return post_finding_new (f, HB_SOURCE_LABEL, 0, f->start, f->end);
  end = MIN (f->end, seg->end);
  return post_finding_new (f, seg->source, seg->index,
                           seg->field_start + (f->start - seg->start),
                           seg->field_start + (end - seg->start));
}

static gboolean
lint_caption (HbPolicy         *policy,
              HbPostSnapshot   *snap,
              GPtrArray        *out,
              GError          **error)
{
  g_autoptr(GPtrArray) findings = scan_lint (&snap->caption_scan, policy, snap->caption->text, error);

  if (findings == NULL)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (out, locate_finding (snap->caption, g_steal_pointer (&findings->pdata[i])));
  return TRUE;
}

/* Findings on a text published apart from the caption keep the offsets
 * of that text. */
static void
add_text_findings (GPtrArray *findings,
                   guint      source,
                   guint      index,
                   GPtrArray *out)
{
  for (guint i = 0; i < findings->len; i++)
    {
      HbFinding *f = g_steal_pointer (&findings->pdata[i]);

      g_ptr_array_add (out, post_finding_new (f, source, index, f->start, f->end));
    }
}

/* Alt texts and media captions are linted one by one: they are published
 * apart from the caption, and offsets stay those of their own text. */
static gboolean
lint_media_text (HbPolicy    *policy,
                 const char  *text,
                 guint        source,
                 guint        index,
                 GPtrArray   *out,
                 GError     **error)
{
  g_autoptr(GPtrArray) findings = NULL;

  if (hb_text_is_blank (text))
    return TRUE;
  if ((findings = hb_lint (policy, text, -1, error)) == NULL)
    return FALSE;
  add_text_findings (findings, source, index, out);
  return TRUE;
}

/* A platform's own caption is published as it is: every text rule
 * applies to it, with offsets in its own text.  Its HbText is kept for
 * its count, tags and links. */
static gboolean
lint_own_captions (HbPolicy        *policy,
                   HbPostSnapshot  *snap,
                   GPtrArray       *out,
                   GError         **error)
{
  for (guint i = 0; i < snap->own_captions->len; i++)
    {
      OwnCaption *c = snap->own_captions->pdata[i];
      g_autoptr(GPtrArray) findings = NULL;

      if (hb_text_is_blank (c->text))
        continue;
      if ((findings = scan_lint (&c->scan, policy, c->text, error)) == NULL)
        return FALSE;
      add_text_findings (findings, HB_SOURCE_PLATFORM_CAPTION, c->index, out);
    }
  return TRUE;
}

static gboolean
lint_media (HbPolicy        *policy,
            HbPostSnapshot  *snap,
            GPtrArray       *out,
            GError         **error)
{
  for (guint i = 0; i < snap->media->len; i++)
    {
      const MediaCopy *m = snap->media->pdata[i];

      if (!lint_media_text (policy, m->alt_text, HB_SOURCE_ALT_TEXT, i, out, error) ||
          !lint_media_text (policy, m->caption, HB_SOURCE_MEDIA_CAPTION, i, out, error))
        return FALSE;
    }
  return TRUE;
}

/* A post-rule finding about something absent: no span, no text. */
static void
add_absence (HbPolicy     *policy,
             const HbRule *rule,
             guint         source,
             guint         index,
             GPtrArray    *out)
{
  HbFinding *f = hb_finding_new (policy, rule, 0, 0, g_strdup (""), NULL);

  g_ptr_array_add (out, post_finding_new (f, source, index, 0, 0));
}

static void
check_weekdays (HbPolicy       *policy,
                const HbRule   *rule,
                HbPostSnapshot *snap,
                GPtrArray      *out)
{
  g_autoptr(GPtrArray) mismatches = hb_find_weekday_mismatches (snap->caption->text, -1);

  for (guint i = 0; i < mismatches->len; i++)
    {
      HbWeekdayMismatch *mm = mismatches->pdata[i];
      HbFinding *f = hb_finding_new (policy, rule, mm->start, mm->end, g_strdup (mm->written),
                                     mm->expected);

      g_ptr_array_add (out, locate_finding (snap->caption, f));
    }
}

/* A platform finding spans the caption's code points [start, end); its
 * text names the platform (no replacement: there is nothing to swap in),
 * so that an acknowledgement holds for that platform while the officer
 * keeps editing. */
static void
add_platform_finding (HbPolicy         *policy,
                      const HbRule     *rule,
                      HbPostSnapshot   *snap,
                      const HbPlatform *platform,
                      guint             start,
                      guint             end,
                      GPtrArray        *out)
{
  HbFinding *f = hb_finding_new (policy, rule, start, end, g_strdup (platform->name), NULL);

  g_ptr_array_add (out, locate_finding (snap->caption, f));
}

/* Over the length limit: the finding covers the text past it. */
static void
check_platform_length (const HbPlatform *platform,
                       HbCountSource    *caption,
                       guint            *start,
                       guint            *end)
{
  HbCount c;

  *start = *end = 0;
  if (platform->text_limit == 0)
    return;
  hb_count_source_count (caption, platform->count_method, platform->text_limit, &c);
  if (c.valid)
    return;
  *start = c.valid_end + 1;
  *end = c.display_end + 1;
}

/* Too many hashtags or mentions: the finding covers the extra ones. */
static void
check_platform_tags (GArray *tags,
                     guint   limit,
                     guint  *start,
                     guint  *end)
{
  *start = *end = 0;
  if (limit == 0 || tags->len <= limit)
    return;
  *start = g_array_index (tags, HbSpan, limit).start;
  *end = g_array_index (tags, HbSpan, tags->len - 1).end;
}

/* The stretch of @text over @p's limit for @check, or start == end. */
static void
platform_excess (const HbPlatform *p,
                 const char       *check,
                 Scan             *scan,
                 const char       *text,
                 guint            *start,
                 guint            *end)
{
  gboolean hashtags = strcmp (check, "platform-hashtags") == 0;
  HbCountSource *source = scan_source (scan, text);
  GArray *tags = NULL;

  *start = *end = 0;
  if (source == NULL)
    return;
  if (hashtags)
    tags = hb_count_source_get_hashtags (source);
  else if (strcmp (check, "platform-mentions") == 0)
    tags = hb_count_source_get_mentions (source);
  if (tags == NULL)
    check_platform_length (p, source, start, end);
  else
    check_platform_tags (tags, hashtags ? p->hashtag_limit : p->mention_limit, start, end);
}

/* The composed caption for the platforms that publish it, and each
 * platform's own caption for that platform alone. */
static void
check_platforms (HbPolicy       *policy,
                 const HbRule   *rule,
                 const char     *check,
                 HbPostSnapshot *snap,
                 GPtrArray      *out)
{
  HbPlatforms *platforms = hb_platforms_get_default ();
  guint start, end;

  for (guint i = 0; snap->platforms[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (platforms, snap->platforms[i]);

      if (p == NULL)
        continue;
      platform_excess (p, check, &snap->caption_scan, snap->caption->text, &start, &end);
      if (end > start)
        add_platform_finding (policy, rule, snap, p, start, end, out);
    }
  for (guint i = 0; i < snap->own_captions->len; i++)
    {
      OwnCaption *c = snap->own_captions->pdata[i];
      const HbPlatform *p = hb_platforms_lookup (platforms, c->platform);

      if (p == NULL)
        continue;
      platform_excess (p, check, &c->scan, c->text, &start, &end);
      if (end > start)
        g_ptr_array_add (out, post_finding_new (hb_finding_new (policy, rule, start, end,
                                                                g_strdup (p->name), NULL),
                                                HB_SOURCE_PLATFORM_CAPTION, c->index, start, end));
    }
}

/* ------------------------------------------------------------------ */
/* Links                                                               */

/* Where a shortened link leads, when the checker followed it to a
 * working https page: what to write instead.  NULL otherwise. */
static char *
shortener_target (HbPostSnapshot *snap,
                  const HbRule   *rule,
                  const HbLink   *link)
{
  g_autoptr(HbLinkStatus) status = snap->links ? hb_link_cache_lookup (snap->links, link->url) : NULL;
  g_autofree char *host = NULL;
  g_autofree char *target = NULL;

  if (status == NULL || status->state != HB_LINK_OK || status->final_url == NULL ||
      !g_str_has_prefix (status->final_url, "https://"))
    return NULL;
  target = hb_link_url_for (status->final_url, &host);
  if (target == NULL || hb_link_host_in (host, hb_rule_get_hosts (rule)))
    return NULL;
  return g_steal_pointer (&target);
}

/* A finding on @link, or NULL when @check does not fire on it. */
static HbFinding *
link_finding (HbPolicy       *policy,
              const HbRule   *rule,
              const char     *check,
              HbPostSnapshot *snap,
              const HbLink   *link)
{
  g_autoptr(HbLinkStatus) status = NULL;
  g_autofree char *target = NULL;
  HbFinding *f;

  if (strcmp (check, "link-insecure") == 0)
    return link->insecure ? hb_finding_new (policy, rule, link->start, link->end,
                                            g_strdup (link->text), NULL) : NULL;
  if (strcmp (check, "link-shortener") == 0)
    {
      if (!hb_link_host_in (link->host, hb_rule_get_hosts (rule)))
        return NULL;
      target = shortener_target (snap, rule, link);
      return hb_finding_new (policy, rule, link->start, link->end, g_strdup (link->text), target);
    }
  status = snap->links ? hb_link_cache_lookup (snap->links, link->url) : NULL;
  if (status == NULL ||
      status->state != (strcmp (check, "link-broken") == 0 ? HB_LINK_BROKEN : HB_LINK_REDIRECTS_TO_HTTP))
    return NULL;
  f = hb_finding_new (policy, rule, link->start, link->end, g_strdup (link->text), NULL);
  hb_finding_set_detail (f, status->reason);
  return f;
}

/* The composed caption, and each platform's own caption with offsets in
 * its own text. */
static void
check_links (HbPolicy       *policy,
             const HbRule   *rule,
             const char     *check,
             HbPostSnapshot *snap,
             GPtrArray      *out)
{
  GPtrArray *links = caption_links (snap);

  for (guint i = 0; i < links->len; i++)
    {
      HbFinding *f = link_finding (policy, rule, check, snap, links->pdata[i]);

      if (f)
        g_ptr_array_add (out, locate_finding (snap->caption, f));
    }
  for (guint i = 0; i < snap->own_captions->len; i++)
    {
      OwnCaption *c = snap->own_captions->pdata[i];
      GPtrArray *own = own_caption_links (c);

      for (guint k = 0; k < own->len; k++)
        {
          HbFinding *f = link_finding (policy, rule, check, snap, own->pdata[k]);

          if (f)
            g_ptr_array_add (out, post_finding_new (f, HB_SOURCE_PLATFORM_CAPTION, c->index,
                                                    f->start, f->end));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Media                                                               */

/* The platforms say "MB" without saying which; decimal megabytes are the
 * smaller, so a file that passes here passes either reading. */
#define BYTES_PER_MB 1000000.0

/* Width / height is compared with a little slack, so that a 1080 × 1350
 * photo counts as exactly 4:5 whatever the rounding of "1.91:1". */
#define ASPECT_SLACK 0.001

static gboolean
photo_too_small (const HbPlatform *p,
                 const MediaCopy  *m)
{
  return m->kind == HB_MEDIA_PHOTO && m->m.width > 0 && m->m.height > 0 &&
         ((guint) m->m.width < p->image.min_width || (guint) m->m.height < p->image.min_height);
}

static gboolean
wrong_aspect (const HbPlatform *p,
              const MediaCopy  *m)
{
  double lo = m->kind == HB_MEDIA_PHOTO ? p->image.min_aspect : p->video.min_aspect;
  double hi = m->kind == HB_MEDIA_PHOTO ? p->image.max_aspect : p->video.max_aspect;
  double aspect;

  if (m->m.width <= 0 || m->m.height <= 0)
    return FALSE;
  aspect = (double) m->m.width / m->m.height;
  return (lo > 0 && aspect < lo * (1 - ASPECT_SLACK)) ||
         (hi > 0 && aspect > hi * (1 + ASPECT_SLACK));
}

static gboolean
photo_too_big (const HbPlatform *p,
               const MediaCopy  *m)
{
  return m->kind == HB_MEDIA_PHOTO && p->image.max_mb > 0 &&
         m->m.size > p->image.max_mb * BYTES_PER_MB;
}

/* Too long, or too short for the platform to take it (a Reel needs 3 s). */
static gboolean
wrong_duration (const HbPlatform *p,
                const MediaCopy  *m)
{
  double seconds = m->m.duration / (double) G_USEC_PER_SEC;

  return m->kind == HB_MEDIA_VIDEO && m->m.duration > 0 &&
         ((p->video.max_seconds > 0 && seconds > p->video.max_seconds) ||
          seconds < p->video.min_seconds);
}

static gboolean
video_too_big (const HbPlatform *p,
               const MediaCopy  *m)
{
  return m->kind == HB_MEDIA_VIDEO && p->video.max_mb > 0 &&
         m->m.size > p->video.max_mb * BYTES_PER_MB;
}

typedef gboolean (*MediaTest) (const HbPlatform *p,
                               const MediaCopy  *m);

static const struct { const char *check; MediaTest fails; } media_tests[] = {
  { "media-resolution", photo_too_small },
  { "media-aspect", wrong_aspect },
  { "media-file-size", photo_too_big },
  { "media-video-duration", wrong_duration },
  { "media-video-size", video_too_big },
};

/* A finding on media item @index (or, for media-count, the first item
 * over the limit); @text names the platforms concerned, so that an
 * acknowledgement holds for those platforms. */
static void
add_media_finding (HbPolicy     *policy,
                   const HbRule *rule,
                   guint         index,
                   const char   *text,
                   GPtrArray    *out)
{
  HbFinding *f = hb_finding_new (policy, rule, 0, 0, g_strdup (text), NULL);

  g_ptr_array_add (out, post_finding_new (f, HB_SOURCE_MEDIA, index, 0, 0));
}

/* The names of the selected platforms @m fails @test on, joined with
 * ", "; NULL when it fails on none. */
static char *
failing_platforms (HbPostSnapshot  *snap,
                   MediaTest        test,
                   const MediaCopy *m)
{
  HbPlatforms *platforms = hb_platforms_get_default ();
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; snap->media_platforms[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (platforms, snap->media_platforms[i]);

      if (p != NULL && test (p, m))
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", p->name);
    }
  return names->len ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static void
check_media_limits (HbPolicy       *policy,
                    const HbRule   *rule,
                    MediaTest       test,
                    HbPostSnapshot *snap,
                    GPtrArray      *out)
{
  for (guint i = 0; i < snap->media->len; i++)
    {
      const MediaCopy *m = snap->media->pdata[i];
      g_autofree char *names = NULL;

      if (m->loaded && (names = failing_platforms (snap, test, m)))
        add_media_finding (policy, rule, i, names, out);
    }
}

/* The loader's own verdicts on a photo: no platform involved. */
static void
check_media_verdicts (HbPolicy       *policy,
                      const HbRule   *rule,
                      const char     *check,
                      HbPostSnapshot *snap,
                      GPtrArray      *out)
{
  for (guint i = 0; i < snap->media->len; i++)
    {
      const MediaCopy *m = snap->media->pdata[i];
      gboolean bad = strcmp (check, "media-blurry") == 0 ? m->m.blurry
                   : strcmp (check, "media-underexposed") == 0 ? m->m.underexposed
                   : m->m.overexposed;

      /* Named by the photo's file, so acknowledging one blurred photo
       * does not wave through the others. */
      if (m->loaded && bad)
        add_media_finding (policy, rule, i, m->name, out);
    }
}

/* More items than a platform takes: one finding on the first item past
 * the smallest limit exceeded, naming every platform over its limit. */
static void
check_media_count (HbPolicy       *policy,
                   const HbRule   *rule,
                   HbPostSnapshot *snap,
                   GPtrArray      *out)
{
  HbPlatforms *platforms = hb_platforms_get_default ();
  g_autoptr(GString) names = g_string_new (NULL);
  guint first = G_MAXUINT;

  for (guint i = 0; snap->media_platforms[i]; i++)
    {
      const HbPlatform *p = hb_platforms_lookup (platforms, snap->media_platforms[i]);

      if (p == NULL || p->media_max == 0 || snap->media->len <= p->media_max)
        continue;
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", p->name);
      first = MIN (first, p->media_max);
    }
  if (names->len)
    add_media_finding (policy, rule, first, names->str, out);
}

/* A file that cannot be read, or has changed since it was added, in the
 * measuring's own words: the officer reads it in the findings as the
 * tile shows it, and hebahan-cli lint reports it too. */
static void
check_media_unreadable (HbPolicy       *policy,
                        const HbRule   *rule,
                        HbPostSnapshot *snap,
                        GPtrArray      *out)
{
  for (guint i = 0; i < snap->media->len; i++)
    {
      const MediaCopy *m = snap->media->pdata[i];

      if (m->error != NULL)
        add_media_finding (policy, rule, i, m->error, out);
    }
}

static gboolean
run_media_rule (HbPolicy       *policy,
                const HbRule   *rule,
                const char     *check,
                HbPostSnapshot *snap,
                GPtrArray      *out)
{
  for (guint t = 0; t < G_N_ELEMENTS (media_tests); t++)
    if (strcmp (check, media_tests[t].check) == 0)
      {
        check_media_limits (policy, rule, media_tests[t].fails, snap, out);
        return TRUE;
      }
  if (strcmp (check, "media-count") == 0)
    check_media_count (policy, rule, snap, out);
  else if (strcmp (check, "media-unreadable") == 0)
    check_media_unreadable (policy, rule, snap, out);
  else if (strcmp (check, "media-blurry") == 0 || strcmp (check, "media-underexposed") == 0 ||
           strcmp (check, "media-overexposed") == 0)
    check_media_verdicts (policy, rule, check, snap, out);
  else
    return FALSE;
  return TRUE;
}

static void
run_post_rule (HbPolicy       *policy,
               const HbRule   *rule,
               HbPostSnapshot *snap,
               GPtrArray      *out)
{
  const char *check = hb_rule_get_post_check (rule);

  for (guint p = 0; p < N_PARTS; p++)
    if (g_strcmp0 (check, missing_checks[p].check) == 0)
      {
        if (snap->missing[p])
          add_absence (policy, rule, missing_checks[p].source, 0, out);
        return;
      }
  if (g_strcmp0 (check, "time-unreadable") == 0)
    {
      /* On the field itself: the form shows the message under it. */
      if (snap->unreadable_start)
        add_absence (policy, rule, HB_FIELD_START_TIME, 0, out);
      if (snap->unreadable_end)
        add_absence (policy, rule, HB_FIELD_END_TIME, 0, out);
    }
  else if (g_strcmp0 (check, "weekday-mismatch") == 0)
    check_weekdays (policy, rule, snap, out);
  else if (run_media_rule (policy, rule, check, snap, out))
    return;
  else if (g_str_has_prefix (check, "platform-"))
    check_platforms (policy, rule, check, snap, out);
  else if (g_str_has_prefix (check, "link-"))
    check_links (policy, rule, check, snap, out);
  else if (g_strcmp0 (check, "alt-text-missing") == 0)
    for (guint i = 0; i < snap->media->len; i++)
      {
        const MediaCopy *m = snap->media->pdata[i];

        if (m->kind == HB_MEDIA_PHOTO && hb_text_is_blank (m->alt_text))
          add_absence (policy, rule, HB_SOURCE_ALT_TEXT, i, out);
      }
}

static void
run_post_rules (HbPolicy       *policy,
                HbPostSnapshot *snap,
                GPtrArray      *out)
{
  for (guint r = 0; r < hb_policy_get_n_rules (policy); r++)
    {
      const HbRule *rule = hb_policy_get_rule (policy, r);

      if (hb_rule_get_post_check (rule) != NULL && hb_rule_applies_to (rule, snap->post_type))
        run_post_rule (policy, rule, snap, out);
    }
}

static void
mark_acknowledged (HbPostSnapshot *snap,
                   GPtrArray      *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      HbPostFinding *pf = findings->pdata[i];

      for (guint k = 0; k < snap->acks->len && !pf->acknowledged; k++)
        {
          const AckCopy *a = snap->acks->pdata[k];

          pf->acknowledged = g_strcmp0 (a->rule, hb_finding_get_rule_id (pf->finding)) == 0 &&
                             g_strcmp0 (a->text, pf->finding->text) == 0;
        }
    }
}

/* Sources in the order the caption shows them, then media: the item's
 * own problems before those of its texts. */
static guint
source_rank (guint source)
{
  static const guint ranks[] = {
    [HB_FIELD_EVENT_NAME] = 0, [HB_FIELD_DATE] = 1, [HB_FIELD_START_TIME] = 2,
    [HB_FIELD_END_TIME] = 3, [HB_FIELD_VENUE] = 4, [HB_SOURCE_GUEST] = 5, [HB_FIELD_BODY] = 6,
    [HB_FIELD_HASHTAGS] = 7, [HB_FIELD_LINK] = 8, [HB_SOURCE_LABEL] = 9,
    [HB_SOURCE_MEDIA] = 10, [HB_SOURCE_ALT_TEXT] = 11, [HB_SOURCE_MEDIA_CAPTION] = 12,
    [HB_SOURCE_PLATFORM_CAPTION] = 13,
  };
  return source < G_N_ELEMENTS (ranks) ? ranks[source] : G_MAXUINT;
}

static int
compare_post_findings (gconstpointer a,
                       gconstpointer b)
{
  const HbPostFinding *x = *(HbPostFinding **) a, *y = *(HbPostFinding **) b;
  guint rx = source_rank (x->source), ry = source_rank (y->source);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return g_strcmp0 (hb_finding_get_rule_id (x->finding), hb_finding_get_rule_id (y->finding));
}

/* Lints @snap (see hb-post-lint.h) and returns HbPostFinding sorted by
 * source, then position.  Safe in a worker thread.  Fails only when some
 * text is not valid UTF-8. */
GPtrArray *
hb_post_lint_snapshot (HbPolicy        *policy,
                       HbPostSnapshot  *snap,
                       GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_post_finding_free);

  g_return_val_if_fail (HB_IS_POLICY (policy), NULL);
  g_return_val_if_fail (snap != NULL, NULL);
  if (!lint_caption (policy, snap, out, error) || !lint_media (policy, snap, out, error) ||
      !lint_own_captions (policy, snap, out, error))
    return NULL;
  run_post_rules (policy, snap, out);
  mark_acknowledged (snap, out);
  g_ptr_array_sort (out, compare_post_findings);
  return g_steal_pointer (&out);
}

/* The snapshot and the lint in one go, for the CLI and tests. */
GPtrArray *
hb_post_lint (HbPolicy  *policy,
              HbPost    *post,
              GError   **error)
{
  g_autoptr(HbPostSnapshot) snap = NULL;

  g_return_val_if_fail (HB_IS_POLICY (policy), NULL);
  g_return_val_if_fail (HB_IS_POST (post), NULL);

  snap = hb_post_snapshot_new (post);
  return hb_post_lint_snapshot (policy, snap, error);
}

/* ------------------------------------------------------------------ */
/* In a worker                                                         */

typedef struct
{
  HbPolicy       *policy;
  HbPostSnapshot *snapshot;
} LintJob;

static void
lint_job_free (LintJob *job)
{
  g_object_unref (job->policy);
  hb_post_snapshot_free (job->snapshot);
  g_free (job);
}

static void
lint_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LintJob *job = task_data;
  GError *error = NULL;
  GPtrArray *findings;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((findings = hb_post_lint_snapshot (job->policy, job->snapshot, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * hb_post_lint_snapshot_async:
 * @policy: the pack (immutable once loaded)
 * @snapshot: (transfer full): hb_post_snapshot_new() of the post
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Lints @snapshot in a worker thread, as hb_post_lint_snapshot() does.
 * The task owns @snapshot meanwhile, so nothing else can touch it while
 * the worker reads it (and fills its caches); hb_post_lint_snapshot_finish()
 * hands it back.
 */
void
hb_post_lint_snapshot_async (HbPolicy            *policy,
                             HbPostSnapshot      *snapshot,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LintJob *job;

  g_return_if_fail (HB_IS_POLICY (policy));
  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LintJob, 1);
  job->policy = g_object_ref (policy);
  job->snapshot = snapshot;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hb_post_lint_snapshot_async);
  g_task_set_name (task, "hb_post_lint_snapshot_async");
  g_task_set_task_data (task, job, (GDestroyNotify) lint_job_free);
  g_task_run_in_thread (task, lint_thread);
}

/**
 * hb_post_lint_snapshot_finish:
 * @result: the #GAsyncResult given to the callback
 * @snapshot: (out) (optional) (transfer full): the snapshot linted, back
 *   to the caller on success (its links are what the link checker needs)
 * @error: return location for a #GError
 *
 * Returns: (transfer container): HbPostFinding as hb_post_lint_snapshot()
 *   returns them, or %NULL with @error (%G_IO_ERROR_CANCELLED when
 *   cancelled)
 */
GPtrArray *
hb_post_lint_snapshot_finish (GAsyncResult    *result,
                              HbPostSnapshot **snapshot,
                              GError         **error)
{
  GPtrArray *findings;
  LintJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hb_post_lint_snapshot_async, NULL);

  findings = g_task_propagate_pointer (G_TASK (result), error);
  if (snapshot == NULL)
    return findings;
  job = g_task_get_task_data (G_TASK (result));
  *snapshot = findings ? g_steal_pointer (&job->snapshot) : NULL;
  return findings;
}
