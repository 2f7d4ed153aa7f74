/* tandem-window-private.h — what the main window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-coaching-page.h"
#include "tandem-dashboard-page.h"
#include "tandem-people-page.h"
#include "tandem-programs-page.h"
#include "tandem-store-watch.h"
#include "tandem-surveys-page.h"
#include "tandem-window.h"

G_BEGIN_DECLS

/* Who is overdue, as far as telling it goes: the most overdue pair and how
 * many there are. */
typedef struct
{
  gint64 first_pair;
  guint  n_pairs;
} TandemOverdueSet;

struct _TandemWindow
{
  AdwApplicationWindow  parent_instance;

  TandemStore          *store;
  char                 *server;            /* the team server this window is for, until and once it opens */
  char                 *server_name;       /* and as people name it: "tandem on db.example.org" */
  GCancellable         *connecting;
  TandemStoreWatch     *watch;             /* what others change on the server */
  TandemAccess          access;            /* what the login may do there */
  guint                 load_hold;         /* holding page loads back until the first frame */
  gboolean              start_empty;       /* chose to work in an empty database, not the welcome */
  GCancellable         *overdue_loading;   /* the active pairs, read for the banner */
  GSettings            *settings;
  char                 *error_message;
  GtkFileChooserNative *export_chooser;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *demo_button;
  AdwStatusPage        *error_page;
  AdwStatusPage        *connecting_page;
  GtkSpinner           *connecting_spinner;
  AdwStatusPage        *unreachable_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *page_title;
  GtkWidget            *back_button;
  GtkStack             *page_stack;
  GtkWidget            *export_button;
  GtkInfoBar           *overdue_bar;
  GtkLabel             *overdue_label;
  GtkWidget            *overdue_button;
  TandemOverdueSet      overdue;          /* overdue now */
  TandemOverdueSet      dismissed;        /* the banner was closed for these */
  TandemOverdueSet      seen;             /* the banner or a notification showed these */
  guint                 overdue_check;
  guint                 settled_check;
  gboolean              shown;            /* mapped at least once */
  GMenuModel           *primary_menu;
  GtkMenuButton        *menu_buttons[3];  /* the main menu, on each kind of page */
  AdwBin               *slots[5];         /* where each page goes, in the stack's order */
  /* Each page is built the first time it is shown (or asked for), not
   * with the window: NULL until then. */
  TandemDashboardPage  *dashboard_page;
  TandemProgramsPage   *programs_page;
  TandemPeoplePage     *people_page;
  TandemCoachingPage   *coaching_page;
  TandemSurveysPage    *surveys_page;
  GtkWindow            *shortcuts_window; /* built when first shown */
};

void _tandem_window_class_actions_init (GtkWidgetClass *widget_class);

/* tandem-window.c */
void _tandem_window_reload_pages          (TandemWindow   *self);
void _tandem_window_reload_page           (TandemWindow   *self,
                                           const char     *name);
void _tandem_window_update_page_title     (TandemWindow   *self);
void _tandem_window_update_overdue_bar    (TandemWindow   *self);
void _tandem_window_update_main_stack     (TandemWindow   *self);
void _tandem_window_attach_store          (TandemWindow   *self,
                                           TandemStore    *store);
void _tandem_window_disable_data_actions  (TandemWindow   *self);

/* tandem-window-overdue.c */
void _tandem_window_update_overdue_label  (TandemWindow   *self);
void _tandem_window_watch_overdue         (TandemWindow   *self);

/* tandem-window-server.c */
gboolean _tandem_window_page_allowed      (TandemWindow   *self,
                                           const char     *name);
void _tandem_window_apply_access          (TandemWindow   *self);
void _tandem_window_set_server            (TandemWindow   *self,
                                           const char     *uri);
void _tandem_window_watch_changed         (TandemWindow       *self,
                                           const char * const *tables);
void _tandem_window_reconnect_action      (GtkWidget      *widget,
                                           const char     *action_name,
                                           GVariant       *parameter);
const char *_tandem_window_get_detail_title (TandemWindow *self);
void _tandem_window_data_replaced      (TandemWindow   *self);

G_END_DECLS
