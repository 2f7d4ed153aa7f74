/* tandem-chart-view.h — a chart on screen, drawn by the core renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-chart.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHART_VIEW (tandem_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TandemChartView, tandem_chart_view, TANDEM, CHART_VIEW, GtkWidget)

GtkWidget   *tandem_chart_view_new       (void);
TandemChart *tandem_chart_view_get_chart (TandemChartView *self);
void         tandem_chart_view_set_chart (TandemChartView *self,
                                          TandemChart     *chart);
void         tandem_chart_view_show_data (TandemChartView *self);
void         tandem_chart_view_set_loading (TandemChartView *self,
                                            gboolean         loading);
void         tandem_chart_view_show_result (TandemChartView *self,
                                            TandemChart     *chart,
                                            const GError    *error);

G_END_DECLS
