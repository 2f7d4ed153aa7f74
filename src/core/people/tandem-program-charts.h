/* tandem-program-charts.h — how far the programs reach, and the champion network
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
  TANDEM_PROGRAM_CHART_COMPLETION,   /* completion and tool access by role */
  TANDEM_PROGRAM_CHART_CHAMPIONS,    /* champions by department, against 1 per 25 */
  TANDEM_N_PROGRAM_CHARTS
} TandemProgramChart;

TandemChart *tandem_chart_new_program           (TandemStore         *store,
                                                 TandemProgramChart   which,
                                                 guint                threshold,
                                                 GError             **error);
TandemChart *tandem_chart_new_program_by_role   (TandemStore         *store,
                                                 gint64               program_id,
                                                 guint                threshold,
                                                 GError             **error);

G_END_DECLS
