/* tandem-survey-charts.h — the gaps over time, the three-gap snapshot and the favourability heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-chart.h"
#include "tandem-store.h"

G_BEGIN_DECLS

TandemChart *tandem_chart_new_gap      (TandemStore      *store,
                                        TandemDimension   dimension,
                                        guint             threshold,
                                        GError          **error);
TandemChart *tandem_chart_new_snapshot (TandemStore  *store,
                                        const char   *wave,
                                        guint         threshold,
                                        GError      **error);
TandemChart *tandem_chart_new_heatmap  (TandemStore  *store,
                                        const char   *grouping,
                                        const char   *wave,
                                        guint         threshold,
                                        GError      **error);

TandemChart *tandem_chart_new_gap_heatmap (TandemStore  *store,
                                           const char   *grouping,
                                           const char   *wave,
                                           guint         threshold,
                                           GError      **error);
TandemChart *tandem_chart_new_impact   (TandemStore  *store,
                                        const char   *grouping,
                                        const char   *from_wave,
                                        const char   *to_wave,
                                        guint         threshold,
                                        GError      **error);

G_END_DECLS
