/* tandem-takeaway.c — the sentences Tandem says about the gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Leaders repeat these in meetings. "Narrowed" and "widened" are said
 * only as tandem_verdict_judge() allows: the change's interval excludes 0
 * and the change is at least the minimum effect. A change within its
 * noise is said to be steady or too uncertain to tell, never a trend.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-gap-heatmap.h"
#include "tandem-stats.h"
#include "tandem-takeaway.h"
#include "tandem-verdict.h"

/* A dimension's name as it reads inside a sentence. */
static const char *
dimension_in_sentence (TandemDimension dimension)
{
  switch (dimension)
    {
    case TANDEM_DIMENSION_OPTIMISM:
      /* Translators: a dimension's name inside a sentence, e.g. "The optimism gap held steady …" */
      return C_("in a sentence", "optimism");
    case TANDEM_DIMENSION_RESOURCES:
      return C_("in a sentence", "resources");
    case TANDEM_DIMENSION_TRANSPARENCY:
      return C_("in a sentence", "transparency");
    case TANDEM_N_DIMENSIONS:
    default:
      g_return_val_if_reached ("");
    }
}

/* Whole points with a true minus sign, and a plus when @plus and above 0:
 * "−13", "+10", "7". */
static char *
format_points (double   value,
               gboolean plus)
{
  long rounded = lround (value);

  if (rounded < 0)
    return g_strdup_printf ("−%ld", -rounded);
  return g_strdup_printf (plus && rounded > 0 ? "+%ld" : "%ld", rounded);
}

/**
 * tandem_gap_takeaway:
 * @points: (element-type TandemGapPoint): a gap series, oldest first
 * @min_effect: the smallest change that matters, in points
 *
 * One sentence on how the gap moved from the first wave where both sides
 * could be shown to the latest, following the verdict: “The optimism gap
 * narrowed from 15 to 5 points since 2025 Q1 (change −10, 95% interval −13
 * to −7).”, “The transparency gap held steady at about 9 points since 2025
 * Q1.”, “Too few answers to tell whether the resources gap moved since 2025
 * Q1 (15 → 7 points, ±31).”
 *
 * Returns: (transfer full): the sentence
 */
char *
tandem_gap_takeaway (GPtrArray       *points,
                     TandemDimension  dimension,
                     double           min_effect)
{
  const char *name;
  TandemGapChange change;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *delta = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (points != NULL, NULL);

  name = dimension_in_sentence (dimension);
  tandem_gap_change_compute (points, dimension, NULL, NULL, min_effect, &change);

  if (change.from_wave == NULL)
    /* Translators: %s is a dimension in lower case, e.g. "optimism" */
    return g_strdup_printf (_("Too few answers yet to show the %s gap."), name);

  if (change.verdict == TANDEM_VERDICT_TOO_FEW)
    {
      const TandemGapPoint *only = NULL;

      for (guint i = 0; i < points->len; i++)
        if (isfinite (((TandemGapPoint *)g_ptr_array_index (points, i))->gap_pts))
          only = g_ptr_array_index (points, i);
      if (only == NULL)
        return g_strdup_printf (_("Too few answers yet to show the %s gap."), name);
      to = format_points (only->gap_pts, FALSE);
      /* Translators: a dimension in lower case, a number of points, a survey wave */
      return g_strdup_printf (_("The %s gap is %s points (%s)."), name, to, only->wave_title);
    }

  from = format_points (change.from_gap, FALSE);
  to = format_points (change.to_gap, FALSE);
  delta = format_points (change.change, TRUE);
  low = format_points (change.ci_low, FALSE);
  high = format_points (change.ci_high, FALSE);

  switch (change.verdict)
    {
    case TANDEM_VERDICT_NARROWED:
      /* Translators: dimension, two gaps in points, a wave, then the change and its interval, e.g.
       * "The optimism gap narrowed from 15 to 5 points since 2025 Q1 (change −10, 95% interval −13 to −7)." */
      return g_strdup_printf (_("The %s gap narrowed from %s to %s points since %s "
                                "(change %s, 95%% interval %s to %s)."),
                              name, from, to, change.from_wave, delta, low, high);
    case TANDEM_VERDICT_WIDENED:
      /* Translators: as for "narrowed", e.g. "… widened from 5 to 15 points since 2025 Q1 (change +10, …)." */
      return g_strdup_printf (_("The %s gap widened from %s to %s points since %s "
                                "(change %s, 95%% interval %s to %s)."),
                              name, from, to, change.from_wave, delta, low, high);
    case TANDEM_VERDICT_STEADY:
      /* Translators: dimension, the latest gap in points, a wave */
      return g_strdup_printf (_("The %s gap held steady at about %s points since %s."),
                              name, to, change.from_wave);
    case TANDEM_VERDICT_UNCLEAR:
    case TANDEM_VERDICT_TOO_FEW:
    case TANDEM_N_VERDICTS:
    default:
      /* Translators: dimension, a wave, the two gaps in points and the half-width of the change's
       * 95% interval, e.g. "Too few answers to tell whether the resources gap moved since 2025 Q1
       * (15 → 7 points, ±31)." */
      return g_strdup_printf (_("Too few answers to tell whether the %s gap moved since %s "
                                "(%s → %s points, ±%ld)."),
                              name, change.from_wave, from, to, lround ((change.ci_high - change.ci_low) / 2));
    }
}

/* The latest shown gap's size as an interval: [@low, @high] of |gap|. */
static void
magnitude_interval (const TandemGapPoint *p,
                    double               *out_low,
                    double               *out_high)
{
  *out_low = p->gap_pts >= 0 ? p->gap_ci_low : -p->gap_ci_high;
  *out_high = p->gap_pts >= 0 ? p->gap_ci_high : -p->gap_ci_low;
}

/**
 * tandem_snapshot_takeaway:
 * @series: (array fixed-size=3): the three gap series, oldest wave first
 *
 * Names the widest gap of the latest wave only when its interval excludes
 * 0 and lies wholly above every other gap's interval; otherwise says the
 * gaps are alike within their margins.
 *
 * Returns: (transfer full): the sentence
 */
char *
tandem_snapshot_takeaway (GPtrArray **series)
{
  const TandemGapPoint *latest[TANDEM_N_DIMENSIONS] = { NULL, };
  int widest = -1;
  guint shown = 0;
  double low, high;

  g_return_val_if_fail (series != NULL, NULL);

  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      const TandemGapPoint *p = series[d]->len > 0 ? g_ptr_array_index (series[d], series[d]->len - 1) : NULL;

      if (p == NULL || !isfinite (p->gap_pts))
        continue;
      latest[d] = p;
      shown++;
      if (widest < 0 || fabs (p->gap_pts) > fabs (latest[widest]->gap_pts))
        widest = (int)d;
    }
  if (widest < 0)
    return g_strdup (_("Too few answers in the latest wave to compare executives with ICs."));

  magnitude_interval (latest[widest], &low, &high);
  if (shown >= 2 && low > 0)
    {
      gboolean clear = TRUE;

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        {
          double other_low, other_high;

          if (latest[d] == NULL || (int)d == widest)
            continue;
          magnitude_interval (latest[d], &other_low, &other_high);
          clear = clear && low > other_high;
        }
      if (clear)
        /* Translators: e.g. "The widest gap is resources: 39% of executives against 32% of ICs." */
        return g_strdup_printf (_("The widest gap is %s: %.0f%% of executives against %.0f%% of ICs."),
                                dimension_in_sentence (widest), latest[widest]->leaders.pct,
                                latest[widest]->ics.pct);
    }
  return g_strdup (_("In the latest wave the gaps are alike within their margins of error; none is clearly "
                     "the widest."));
}

/**
 * tandem_verdict_rule_text:
 * @min_effect: the smallest change that matters, in points
 *
 * The rule every takeaway follows, in one sentence a leader can read.
 *
 * Returns: (transfer full): the sentence
 */
char *
tandem_verdict_rule_text (double min_effect)
{
  long m = lround (min_effect);

  /* Translators: %ld is the minimum effect in points, twice */
  return g_strdup_printf (_("A gap is said to have narrowed or widened only when the change is at least %ld "
                            "points and its 95%% interval excludes zero; it held steady when the whole "
                            "interval lies within ±%ld points; otherwise there are too few answers to tell."),
                          m, m);
}

/**
 * tandem_gap_heatmap_takeaway:
 * @rows: (element-type TandemGapRow): from tandem_stats_gap_heatmap()
 * @wave: (nullable): the wave's title
 *
 * One finding from the rows, true within its noise: the widest gap of a
 * single department or role whose 95% interval leaves out zero, with its
 * interval and n; or that no group's gap is clear of chance.
 *
 * Returns: (transfer full): the sentence
 */
char *
tandem_gap_heatmap_takeaway (GPtrArray  *rows,
                             const char *wave)
{
  const TandemGapRow *widest = NULL;
  TandemDimension widest_d = 0;

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      const TandemGapRow *row = g_ptr_array_index (rows, r);

      /* Everyone is the gap charts' story; the rest together is no group. */
      if (row->group_id < 0 || row->group_id == G_MAXINT64)
        continue;
      for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
        if (isfinite (row->gap[d]) && (row->gap_low[d] > 0 || row->gap_high[d] < 0) &&
            (widest == NULL || fabs (row->gap[d]) > fabs (widest->gap[widest_d])))
          {
            widest = row;
            widest_d = d;
          }
    }

  if (widest == NULL)
    return wave != NULL
           /* Translators: %s is a survey wave */
           ? g_strdup_printf (_("In %s no single group’s gap is clear of chance: every interval includes zero."),
                              wave)
           : g_strdup (_("No single group’s gap is clear of chance: every interval includes zero."));

  if (widest->gap[widest_d] > 0)
    /* Translators: a group, a gap in points, a question (e.g. "optimism"), its 95% interval, then how many
     * executives and ICs answered */
    return g_strdup_printf (_("In %s, executives are %.0f points more favourable than ICs on %s "
                              "(95%% interval %.0f to %.0f; n %u / %u)."),
                            widest->name, widest->gap[widest_d], dimension_in_sentence (widest_d),
                            widest->gap_low[widest_d], widest->gap_high[widest_d],
                            widest->leaders[widest_d].n, widest->ics[widest_d].n);
  /* Translators: as above, where ICs are the more favourable */
  return g_strdup_printf (_("In %s, ICs are %.0f points more favourable than executives on %s "
                            "(95%% interval %.0f to %.0f; n %u / %u)."),
                          widest->name, -widest->gap[widest_d], dimension_in_sentence (widest_d),
                          -widest->gap_high[widest_d], -widest->gap_low[widest_d],
                          widest->leaders[widest_d].n, widest->ics[widest_d].n);
}
