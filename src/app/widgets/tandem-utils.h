/* tandem-utils.h — small helpers every page and dialog shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

GtkWindow *tandem_widget_get_window (GtkWidget       *widget);
void       tandem_stack_add_loading (GtkStack        *stack);
void       tandem_stack_add_failed  (GtkStack        *stack,
                                     gpointer         page,
                                     GCallback        retry);
GtkWidget *tandem_failed_page_new   (gpointer         page,
                                     GCallback        retry);
void       tandem_stack_show_failed (GtkStack        *stack,
                                     const GError    *error);
void       tandem_notify_detail_title (GObject      *page);
void       tandem_row_show_problem  (AdwActionRow    *row,
                                     const char      *problem);
void       tandem_offer_undo_logged (GtkWidget       *widget,
                                     TandemStore     *store,
                                     gint64           session_id,
                                     GCallback        refresh,
                                     gpointer         owner);
AdwToast  *tandem_offer_undo        (AdwToastOverlay *overlay,
                                     const char      *title,
                                     GCallback        undo,
                                     gpointer         data,
                                     GDestroyNotify   data_free);
void       tandem_show_toast        (AdwToastOverlay *overlay,
                                     const char      *title);
void       tandem_run_after_response (gpointer        object,
                                      void          (*func) (gpointer object));
void       tandem_ask_about_change  (GtkWindow       *parent,
                                     const char      *body,
                                     GCallback        callback,
                                     gpointer         user_data);
void       tandem_show_error        (GtkWidget       *widget,
                                     const char      *heading,
                                     const char      *body);
GtkWidget *tandem_icon_button_new   (const char      *icon_name,
                                     const char      *label);
void       tandem_icon_button_set_label (GtkWidget   *button,
                                     const char      *label);
void       tandem_limit_text        (GtkWidget       *field,
                                     guint            limit,
                                     GtkLabel        *notice);

G_END_DECLS
