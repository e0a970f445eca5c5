/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-window-private.h — what the parts of HbWindow share: its fields and
 * the few helpers of hb-window.c the other parts call (hb-window.c: the
 * shell, findings and actions; hb-window-files.c: opening, saving,
 * recovery; hb-window-export.c: export and the sign-off sheet;
 * hb-window-net.c: the official-website check).  The parts never call
 * each other, only into hb-window.c and the document. */
#pragma once

#include "hb-caption-view.h"
#include "hb-checklist-panel.h"
#include "hb-document.h"
#include "hb-findings-panel.h"
#include "hb-platform-preview.h"
#include "hb-post-form.h"
#include "hb-window.h"

G_BEGIN_DECLS

struct _HbWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *findings_toggle;
  GtkImage             *findings_icon;
  GtkLabel             *findings_count;
  GtkRevealer          *recovery_revealer;
  GtkLabel             *recovery_label;
  GtkRevealer          *policy_revealer;
  GtkLabel             *policy_label;
  HbPostForm           *post_form;
  HbCaptionView        *caption_view;
  AdwViewStack         *side_stack;
  HbFindingsPanel      *findings_panel;
  HbPlatformPreview    *platform_preview;
  HbChecklistPanel     *checklist_panel;
  GtkMenuButton        *missing_button;
  GtkBox               *missing_box;
  GtkLabel             *missing_count;
  GtkWidget            *export_button;
  GtkButton            *save_button;
  GtkRevealer          *export_revealer;
  GtkProgressBar       *export_progress;
  GMenu                *recent_menu;
  GtkSpinner           *links_spinner;
  AdwFlap              *flap;
  AdwLeaflet           *leaflet;
  GtkButton            *form_page_button;
  GtkButton            *body_page_button;
  GtkWidget            *body_box;
  GtkWidget            *body_placeholder;
  GtkBox               *previews_box;
  GtkWidget            *previews_empty;

  HbApplication        *app;
  GSettings            *settings;
  HbDocument           *document;
  GBindingGroup        *document_bindings;
  GSignalGroup         *document_signals;
  gboolean              syncing;        /* copying post → body: not a user edit */
  guint                 layout_idle;    /* the header following a fold, after allocation */
  guint                 visited;        /* 1 << field: fields the officer has left */
  gboolean              reveal_missing; /* show every empty field (export asked, or not new) */
  char                 *missing_key;    /* ids of missing items, to skip idle rebuilds */
  char                 *previews_key;   /* platforms the feed previews show */
  GCancellable         *cancellable;    /* the window's own asks (recovery), cancelled with it */
  GCancellable         *site_cancellable;
};

/* What a call the window started needs when it ends: the window (kept
 * alive meanwhile) and the call's own arguments. */
typedef struct
{
  HbWindow *self;
  GFile    *file;         /* the draft being opened */
  char     *path;         /* the export's destination, the sheet's PDF */
  gboolean  close_after;  /* close the window once saved */
} HbWindowCall;

HbWindowCall *_hb_window_call_new  (HbWindow     *self);
void          _hb_window_call_free (HbWindowCall *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbWindowCall, _hb_window_call_free)

/* hb-window.c */
void     _hb_window_toast             (HbWindow   *self,
                                       const char *message);
void     _hb_window_show_error        (HbWindow   *self,
                                       const char *heading,
                                       const char *body);
HbLang   _hb_window_ui_lang           (HbWindow   *self);

void     _hb_window_reveal_missing    (HbWindow   *self);
void     _hb_window_show_checklist_item (HbWindow   *self,
                                         const char *item_id);

/* hb-window-files.c */
void     _hb_window_open              (HbWindow   *self);
void     _hb_window_open_here_or_new  (HbWindow   *self,
                                       GFile      *file);
void     _hb_window_save              (HbWindow   *self,
                                       gboolean    ask,
                                       gboolean    close_after);
void     _hb_window_recover           (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);
void     _hb_window_discard_recovery  (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);

/* hb-window-export.c */
void     _hb_window_export_action     (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);
void     _hb_window_cancel_export     (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);
void     _hb_window_print_action      (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);
void     _hb_window_export_progress   (HbWindow   *self,
                                       double      fraction,
                                       const char *what);

/* hb-window-net.c */
void     _hb_window_check_website     (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);

G_END_DECLS
