/* tandem-stats.h — honest figures: shares with intervals, gaps, counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

/* The share of a group answering favourably (4 or 5 of 5). */
typedef struct
{
  guint    n;            /* how many answered */
  guint    favourable;
  gboolean suppressed;   /* n is under the anonymity threshold */
  double   pct;          /* 0–100; NAN when n is 0 or suppressed */
  double   ci_low;       /* 95% Wilson score interval, in percent */
  double   ci_high;
} TandemShare;

typedef struct
{
  char        *wave_title;
  char        *fielded_on;
  TandemShare  leaders;  /* the executive level */
  TandemShare  ics;      /* individual contributors */
  double       gap_pts;  /* leaders − ICs in points; NAN when either is hidden */
  double       gap_ci_low;   /* its 95% interval (Newcombe), NAN likewise */
  double       gap_ci_high;
} TandemGapPoint;

/* One row of a heatmap: a department or role, or everyone. */
typedef struct
{
  char        *name;
  gint64       group_id;                      /* -1 for everyone */
  TandemShare  shares[TANDEM_N_DIMENSIONS];
} TandemHeatRow;

typedef struct
{
  guint people;
  guint active_people;
  guint departments;
  guint programs;
  guint enrollments;
  guint completions;
  guint champions;
  guint with_tool_access;
  guint pairs;
  guint sessions;
  guint waves;
  guint answers;
} TandemCounts;

void        tandem_stats_wilson       (guint             n,
                                       guint             favourable,
                                       double           *out_low,
                                       double           *out_high);
void        tandem_share_init         (TandemShare      *share,
                                       guint             n,
                                       guint             favourable,
                                       guint             threshold);
void        tandem_gap_point_free     (TandemGapPoint   *point);
GPtrArray  *tandem_stats_gap_series   (TandemStore      *store,
                                       TandemDimension   dimension,
                                       guint             threshold,
                                       GError          **error);
guint       tandem_stats_suppress_complements (TandemShare *shares,
                                               guint        n_shares,
                                               guint        threshold);
void        tandem_heat_row_free      (TandemHeatRow    *row);
GPtrArray  *tandem_stats_smallest_groups (GPtrArray    *rows,
                                         guint         max_rows,
                                         GCompareFunc  by_size);
char       *tandem_stats_other_groups  (gboolean      by_role,
                                        guint         n);
GPtrArray  *tandem_stats_heatmap      (TandemStore      *store,
                                       const char       *grouping,
                                       const char       *wave,
                                       guint             threshold,
                                       guint             max_rows,
                                       char            **out_wave,
                                       GError          **error);
gboolean    tandem_stats_get_counts   (TandemStore      *store,
                                       TandemCounts     *out_counts,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemGapPoint, tandem_gap_point_free)

G_END_DECLS
