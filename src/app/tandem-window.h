/* tandem-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_WINDOW (tandem_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemWindow, tandem_window, TANDEM, WINDOW, AdwApplicationWindow)

TandemWindow *tandem_window_new             (GtkApplication *application,
                                             TandemStore    *store);
TandemWindow *tandem_window_new_for_error   (GtkApplication *application,
                                             const GError   *error);
TandemWindow *tandem_window_new_for_server  (GtkApplication *application,
                                             const char     *uri);
TandemStore  *tandem_window_get_store       (TandemWindow   *self);
const char   *tandem_window_get_server      (TandemWindow   *self);
void          tandem_window_show_page       (TandemWindow   *self,
                                             const char     *name);
const char   *tandem_window_get_page        (TandemWindow   *self);
GtkWidget    *tandem_window_get_page_widget (TandemWindow   *self,
                                             const char     *name);
void          tandem_window_log_session     (TandemWindow   *self,
                                             gint64          pair_id);
void          tandem_window_show_item       (TandemWindow   *self,
                                             const char     *item);
void          tandem_window_check_overdue   (TandemWindow   *self);

G_END_DECLS
