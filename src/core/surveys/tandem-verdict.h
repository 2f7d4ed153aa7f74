/* tandem-verdict.h — intervals on gaps and on their changes, and what may be said of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-stats.h"
#include "tandem-types.h"

G_BEGIN_DECLS

/* The smallest change in a gap, in points, that Tandem calls a change. */
#define TANDEM_DEFAULT_MIN_EFFECT 5.0

typedef enum
{
  TANDEM_VERDICT_NARROWED,
  TANDEM_VERDICT_WIDENED,
  TANDEM_VERDICT_STEADY,
  TANDEM_VERDICT_UNCLEAR,
  TANDEM_VERDICT_TOO_FEW,   /* fewer than two waves where both sides are shown */
  TANDEM_N_VERDICTS
} TandemVerdict;

/* How a gap moved between two waves. Figures are NAN for too_few. */
typedef struct
{
  TandemDimension  dimension;
  const char      *from_wave;   /* (nullable): borrowed from the series */
  const char      *to_wave;
  double           from_gap;
  double           to_gap;
  double           change;      /* to_gap − from_gap, in points */
  double           ci_low;      /* its 95% interval (MOVER) */
  double           ci_high;
  TandemVerdict    verdict;
} TandemGapChange;

void          tandem_stats_newcombe       (double                 p1,
                                           double                 l1,
                                           double                 u1,
                                           double                 p2,
                                           double                 l2,
                                           double                 u2,
                                           double                *out_low,
                                           double                *out_high);
void          tandem_stats_mover          (double                 g1,
                                           double                 l1,
                                           double                 u1,
                                           double                 g2,
                                           double                 l2,
                                           double                 u2,
                                           double                *out_low,
                                           double                *out_high);
TandemVerdict tandem_verdict_judge        (double                 from_gap,
                                           double                 change,
                                           double                 ci_low,
                                           double                 ci_high,
                                           double                 min_effect);
const char   *tandem_verdict_to_string    (TandemVerdict          verdict);
gboolean      tandem_gap_change_compute   (GPtrArray             *points,
                                           TandemDimension        dimension,
                                           const char            *from_wave,
                                           const char            *to_wave,
                                           double                 min_effect,
                                           TandemGapChange       *out_change);

G_END_DECLS
