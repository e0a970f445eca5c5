/* hb-window-private.h — what the parts of HbWindow share: its fields and
 * the helpers one part calls in another (hb-window.c: form, linting,
 * autosave, actions; hb-window-files.c: opening, saving, choosers,
 * recovery; hb-window-export.c: export and the sign-off sheet;
 * hb-window-net.c: the link checker and the official-website check). */
#pragma once

#include "hb-caption-view.h"
#include "hb-checklist-panel.h"
#include "hb-findings-panel.h"
#include "hb-media-grid.h"
#include "hb-platform-preview.h"
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
  AdwComboRow          *type_row;
  AdwComboRow          *language_row;
  GtkFlowBox           *platform_box;
  AdwEntryRow          *name_row;
  AdwActionRow         *date_row;
  GtkMenuButton        *date_button;
  GtkCalendar          *calendar;
  AdwEntryRow          *start_row;
  AdwEntryRow          *end_row;
  AdwEntryRow          *venue_row;
  GtkListBox           *guest_list;
  AdwEntryRow          *hashtags_row;
  AdwEntryRow          *link_row;
  HbMediaGrid          *media_grid;
  HbCaptionView        *caption_view;
  GtkRevealer          *side_revealer;
  AdwViewStack         *side_stack;
  HbFindingsPanel      *findings_panel;
  HbPlatformPreview    *platform_preview;
  HbChecklistPanel     *checklist_panel;
  GtkMenuButton        *missing_button;
  GtkBox               *missing_box;
  GtkWidget            *export_button;
  GtkRevealer          *export_revealer;
  GtkProgressBar       *export_progress;
  GMenu                *recent_menu;
  GtkSpinner           *links_spinner;

  HbApplication        *app;
  GSettings            *settings;
  HbPost               *post;
  GBindingGroup        *bindings;
  GFile                *file;
  gboolean              modified;
  gboolean              syncing;        /* copying post → widgets: not a user edit */
  GtkWidget            *markers[HB_N_FIELDS];

  /* linting */
  GCancellable         *cancellable;
  GPtrArray            *findings;       /* HbPostFinding of the last applied lint */
  char                 *caption_text;   /* composed caption of the last lint */
  guint64               generation;     /* bumped on every post change */
  gboolean              linting;
  gboolean              lint_again;

  /* checklist, export, sign-off */
  GPtrArray            *statuses;       /* HbCheckStatus of the last lint */
  GCancellable         *export_cancellable;
  char                 *manifest_sha256; /* of the last export, for the printed sheet */
  char                 *missing_key;     /* ids of missing items, to skip idle rebuilds */

  /* saving */
  guint                 autosave_id;
  guint                 autosave_ms;
  char                 *autosave_path;
  guint                 pending_io;
  char                 *recovery_path;

  /* hb-window-net.c */
  GCancellable         *links_cancellable;
  char                **links_checking;  /* the addresses being checked */
  GCancellable         *site_cancellable;
};

typedef enum { CHOOSE_OPEN, CHOOSE_SAVE, CHOOSE_SAVE_AND_CLOSE, CHOOSE_EXPORT } ChooseMode;

/* hb-window.c */
void     _hb_window_toast             (HbWindow   *self,
                                       const char *message);
HbLang   _hb_window_ui_lang           (HbWindow   *self);
void     _hb_window_set_modified      (HbWindow   *self,
                                       gboolean    modified);
void     _hb_window_set_post          (HbWindow   *self,
                                       HbPost     *post);
void     _hb_window_drop_autosave     (HbWindow   *self);
void     _hb_window_update_checklist  (HbWindow   *self);
void     _hb_window_check_links       (HbWindow       *self,
                                       HbPostSnapshot *snapshot);
void     _hb_window_check_website     (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);
void     _hb_window_cancel_network    (HbWindow   *self);

/* hb-window-files.c */
void     _hb_window_show_error        (HbWindow   *self,
                                       const char *heading,
                                       const char *body);
void     _hb_window_choose_file       (HbWindow   *self,
                                       ChooseMode  mode);
void     _hb_window_file_chosen       (HbWindow   *self,
                                       GFile      *file,
                                       ChooseMode  mode);
void     _hb_window_save_or_ask       (HbWindow   *self,
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
void     _hb_window_show_checklist_item (GtkWidget  *widget,
                                         const char *action,
                                         GVariant   *param);
void     _hb_window_print_action      (GtkWidget  *widget,
                                       const char *action,
                                       GVariant   *param);

G_END_DECLS
