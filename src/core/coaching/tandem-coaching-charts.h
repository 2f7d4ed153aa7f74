/* tandem-coaching-charts.h — what reverse mentoring looks like over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-chart.h"
#include "tandem-store.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_COACHING_SESSIONS,
  TANDEM_COACHING_CADENCE,
  TANDEM_COACHING_CONFIDENCE,
  TANDEM_N_COACHING_CHARTS
} TandemCoachingChart;

#define TANDEM_COACHING_MONTHS 12

TandemChart *tandem_chart_new_coaching (TandemStore          *store,
                                        TandemCoachingChart   which,
                                        const GDate          *today,
                                        GError              **error);

G_END_DECLS
