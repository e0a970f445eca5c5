/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-post.h — the post being composed: structured fields, guests, body,
 * media, acknowledged findings and checklist answers. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hb-guest.h"
#include "hb-media-item.h"
#include "hb-types.h"

G_BEGIN_DECLS

typedef enum
{
  HB_POST_EVENT_REPORT,
  HB_POST_ANNOUNCEMENT,
  HB_POST_CORRECTION,
  HB_POST_REPLY,
  HB_N_POST_TYPES, /*< skip >*/
} HbPostType;

/* The free-text fields; each is a string property of the same name. */
typedef enum
{
  HB_FIELD_EVENT_NAME,
  HB_FIELD_DATE,       /* ISO 8601 "2026-12-12", or "" */
  HB_FIELD_START_TIME, /* "08:00", or "" */
  HB_FIELD_END_TIME,
  HB_FIELD_VENUE,
  HB_FIELD_BODY,
  HB_FIELD_HASHTAGS,
  HB_FIELD_LINK,
  HB_N_FIELDS, /*< skip >*/
} HbField;

typedef struct
{
  char      *rule;
  char      *text;
  char      *reason;
  char      *who;
  GDateTime *when;
} HbAck;

#define HB_TYPE_POST (hb_post_get_type ())
G_DECLARE_FINAL_TYPE (HbPost, hb_post, HB, POST, GObject)

HbPost       *hb_post_new             (void);
HbPostType    hb_post_get_post_type   (HbPost      *self);
void          hb_post_set_post_type   (HbPost      *self,
                                       HbPostType   type);
HbLang        hb_post_get_language    (HbPost      *self);
void          hb_post_set_language    (HbPost      *self,
                                       HbLang       lang);
const char * const *hb_post_get_platforms (HbPost  *self);
void          hb_post_set_platforms   (HbPost      *self,
                                       const char * const *platforms);
gboolean      hb_post_has_platform    (HbPost      *self,
                                       const char  *platform);
void          hb_post_toggle_platform (HbPost      *self,
                                       const char  *platform,
                                       gboolean     on);
const char   *hb_post_get_field       (HbPost      *self,
                                       HbField      field);
void          hb_post_set_field       (HbPost      *self,
                                       HbField      field,
                                       const char  *value);
GListStore   *hb_post_get_guests      (HbPost      *self);
GListStore   *hb_post_get_media       (HbPost      *self);
gboolean      hb_post_get_media_measured (HbPost    *self);
GPtrArray    *hb_post_get_acks        (HbPost      *self);
void          hb_post_add_ack         (HbPost      *self,
                                       const char  *rule,
                                       const char  *text,
                                       const char  *reason,
                                       const char  *who);
gboolean      hb_post_is_acknowledged (HbPost      *self,
                                       const char  *rule,
                                       const char  *text);
const char   *hb_post_get_caption_override (HbPost  *self,
                                            const char *platform);
void          hb_post_set_caption_override (HbPost  *self,
                                            const char *platform,
                                            const char *text);
JsonNode     *hb_post_get_checklist   (HbPost      *self);
void          hb_post_set_checklist   (HbPost      *self,
                                       JsonNode    *answers);
GDateTime    *hb_post_dup_date        (HbPost      *self);
char         *hb_post_dup_title       (HbPost      *self);

const char   *hb_field_to_string      (HbField     field);
const char   *hb_post_type_to_string  (HbPostType  type);
gboolean      hb_post_type_from_string (const char *name,
                                        HbPostType *type);
const char * const *hb_platform_ids   (void);
void          hb_ack_free             (HbAck       *ack);

G_END_DECLS
