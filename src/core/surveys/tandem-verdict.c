/* tandem-verdict.c — intervals on gaps and on their changes, and what may be said of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Leaders repeat Tandem's takeaways in meetings, so a sentence about a
 * change must hold within its noise. A gap is the difference of two
 * shares, each with its Wilson interval; the gap's interval follows by
 * Newcombe's hybrid score method (his method 10). A change in a gap is the
 * difference of two gaps, whose interval follows by the MOVER method (Zou
 * & Donner) from the two gaps' intervals. The verdict then needs the
 * change to be both larger than its noise and larger than a minimum effect
 * that matters — with large samples, every tiny change is "significant".
 */
#include "config.h"

#include <math.h>

#include "tandem-verdict.h"

/**
 * tandem_stats_newcombe:
 * @p1: the first share, in percent, with its 95% interval [@l1, @u1]
 * @p2: the second share, with [@l2, @u2]
 *
 * The 95% interval of @p1 − @p2, in points, by Newcombe's hybrid score
 * method: low = d − √((p1−l1)² + (u2−p2)²), high = d + √((u1−p1)² + (p2−l2)²).
 * NAN when any figure is missing.
 */
void
tandem_stats_newcombe (double  p1,
                       double  l1,
                       double  u1,
                       double  p2,
                       double  l2,
                       double  u2,
                       double *out_low,
                       double *out_high)
{
  double d = p1 - p2;

  g_return_if_fail (out_low != NULL && out_high != NULL);

  if (!isfinite (p1) || !isfinite (l1) || !isfinite (u1) || !isfinite (p2) || !isfinite (l2) || !isfinite (u2))
    {
      *out_low = *out_high = NAN;
      return;
    }
  *out_low = d - hypot (p1 - l1, u2 - p2);
  *out_high = d + hypot (u1 - p1, p2 - l2);
}

/**
 * tandem_stats_mover:
 * @g1: the earlier gap, with its interval [@l1, @u1]
 * @g2: the later gap, with [@l2, @u2]
 *
 * The 95% interval of the change @g2 − @g1 by the MOVER method:
 * low = c − √((g2−l2)² + (u1−g1)²), high = c + √((u2−g2)² + (g1−l1)²).
 */
void
tandem_stats_mover (double  g1,
                    double  l1,
                    double  u1,
                    double  g2,
                    double  l2,
                    double  u2,
                    double *out_low,
                    double *out_high)
{
  /* The same arithmetic as a difference of two shares. */
  tandem_stats_newcombe (g2, l2, u2, g1, l1, u1, out_low, out_high);
}

/**
 * tandem_verdict_judge:
 * @from_gap: the earlier gap, whose sign says which way is narrower
 * @change: the later gap minus the earlier, in points
 * @ci_low: the change's 95% interval
 * @min_effect: the smallest change that matters, in points
 *
 * With d = −1 when @from_gap is negative, else +1: narrowed when
 * d·change ≤ −M and the interval of d·change lies wholly below 0; widened
 * when d·change ≥ M and it lies wholly above 0; steady when the whole
 * interval lies inside (−M, M); otherwise unclear.
 */
TandemVerdict
tandem_verdict_judge (double from_gap,
                      double change,
                      double ci_low,
                      double ci_high,
                      double min_effect)
{
  double d = from_gap < 0 ? -1.0 : 1.0;
  double c = d * change;
  double low = d > 0 ? ci_low : -ci_high;
  double high = d > 0 ? ci_high : -ci_low;

  if (!isfinite (change) || !isfinite (ci_low) || !isfinite (ci_high))
    return TANDEM_VERDICT_TOO_FEW;
  if (c <= -min_effect && high < 0)
    return TANDEM_VERDICT_NARROWED;
  if (c >= min_effect && low > 0)
    return TANDEM_VERDICT_WIDENED;
  if (low > -min_effect && high < min_effect)
    return TANDEM_VERDICT_STEADY;
  return TANDEM_VERDICT_UNCLEAR;
}

/* The words of the CSV reports, never translated. */
const char *
tandem_verdict_to_string (TandemVerdict verdict)
{
  static const char * const names[TANDEM_N_VERDICTS] = { "narrowed", "widened", "steady", "unclear", "too_few" };

  g_return_val_if_fail (verdict < TANDEM_N_VERDICTS, NULL);
  return names[verdict];
}

static TandemGapPoint *
find_wave (GPtrArray  *points,
           const char *title)
{
  for (guint i = 0; i < points->len; i++)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i);

      if (g_strcmp0 (p->wave_title, title) == 0)
        return p;
    }
  return NULL;
}

/**
 * tandem_gap_change_compute:
 * @points: (element-type TandemGapPoint): a gap series, oldest first
 * @from_wave: (nullable): the earlier wave's title; %NULL for the first
 *   wave where both sides are shown
 * @to_wave: (nullable): the later wave's title; %NULL for the latest such
 * @min_effect: the smallest change that matters, in points
 *
 * How the gap moved from one wave to the other, with the change's interval
 * and the verdict; %TANDEM_VERDICT_TOO_FEW with NAN figures when either
 * wave's gap is not shown or they are the same wave.
 *
 * Returns: %FALSE when @from_wave or @to_wave names no wave of @points
 */
gboolean
tandem_gap_change_compute (GPtrArray       *points,
                           TandemDimension  dimension,
                           const char      *from_wave,
                           const char      *to_wave,
                           double           min_effect,
                           TandemGapChange *out_change)
{
  TandemGapPoint *from = NULL, *to = NULL;

  g_return_val_if_fail (points != NULL, FALSE);
  g_return_val_if_fail (out_change != NULL, FALSE);

  if (from_wave != NULL && (from = find_wave (points, from_wave)) == NULL)
    return FALSE;
  if (to_wave != NULL && (to = find_wave (points, to_wave)) == NULL)
    return FALSE;

  for (guint i = 0; i < points->len; i++)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i);

      if (!isfinite (p->gap_pts))
        continue;
      if (from_wave == NULL && from == NULL)
        from = p;
      if (to_wave == NULL)
        to = p;
    }

  *out_change = (TandemGapChange) {
    .dimension = dimension,
    .from_wave = from != NULL ? from->wave_title : NULL,
    .to_wave = to != NULL ? to->wave_title : NULL,
    .from_gap = NAN, .to_gap = NAN, .change = NAN, .ci_low = NAN, .ci_high = NAN,
    .verdict = TANDEM_VERDICT_TOO_FEW,
  };
  if (from == NULL || to == NULL || from == to || !isfinite (from->gap_pts) || !isfinite (to->gap_pts))
    return TRUE;

  out_change->from_gap = from->gap_pts;
  out_change->to_gap = to->gap_pts;
  out_change->change = to->gap_pts - from->gap_pts;
  tandem_stats_mover (from->gap_pts, from->gap_ci_low, from->gap_ci_high,
                      to->gap_pts, to->gap_ci_low, to->gap_ci_high,
                      &out_change->ci_low, &out_change->ci_high);
  out_change->verdict = tandem_verdict_judge (out_change->from_gap, out_change->change,
                                              out_change->ci_low, out_change->ci_high, min_effect);
  return TRUE;
}
