/* tandem-gap-heatmap.h — the executive–IC gap per department or role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-stats.h"

G_BEGIN_DECLS

/* One row: a department or role (or everyone), each question's shares at
 * the two levels the gap compares, and the gap with its 95% interval. */
typedef struct
{
  char        *name;
  gint64       group_id;                       /* -1 for everyone */
  TandemShare  leaders[TANDEM_N_DIMENSIONS];   /* the executive level */
  TandemShare  ics[TANDEM_N_DIMENSIONS];
  double       gap[TANDEM_N_DIMENSIONS];       /* points; NAN when either side is hidden */
  double       gap_low[TANDEM_N_DIMENSIONS];
  double       gap_high[TANDEM_N_DIMENSIONS];
} TandemGapRow;

void       tandem_gap_row_free        (TandemGapRow  *row);
GPtrArray *tandem_stats_gap_heatmap   (TandemStore   *store,
                                       const char    *grouping,
                                       const char    *wave,
                                       guint          threshold,
                                       guint          max_rows,
                                       char         **out_wave,
                                       GError       **error);
G_END_DECLS
