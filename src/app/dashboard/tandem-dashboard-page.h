/* tandem-dashboard-page.h — the organisation at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-chart.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DASHBOARD_PAGE (tandem_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemDashboardPage, tandem_dashboard_page, TANDEM, DASHBOARD_PAGE, GtkWidget)

void         tandem_dashboard_page_set_store (TandemDashboardPage *self,
                                              TandemStore         *store);
void         tandem_dashboard_page_reload    (TandemDashboardPage *self);
TandemChart *tandem_dashboard_page_get_chart (TandemDashboardPage *self);
void         tandem_dashboard_page_show_data (TandemDashboardPage *self);

G_END_DECLS
