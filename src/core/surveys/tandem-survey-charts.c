/* tandem-survey-charts.c — the gaps over time, the three-gap snapshot and the favourability heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-gap-heatmap.h"
#include "tandem-impact.h"
#include "tandem-stats.h"
#include "tandem-survey-charts.h"

static const char *
gap_title (TandemDimension dimension)
{
  switch (dimension)
    {
    case TANDEM_DIMENSION_OPTIMISM:
      return _("The optimism gap");
    case TANDEM_DIMENSION_RESOURCES:
      return _("The resource gap");
    case TANDEM_DIMENSION_TRANSPARENCY:
      return _("The transparency gap");
    case TANDEM_N_DIMENSIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tandem_chart_new_gap:
 * @dimension: which of the three gaps
 * @threshold: the anonymity threshold; smaller groups are not drawn
 *
 * The gap between executives and individual contributors on @dimension,
 * wave by wave: both lines, the band between them, 95% intervals, n per
 * point and the latest gap in the subtitle.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_gap (TandemStore      *store,
                      TandemDimension   dimension,
                      guint             threshold,
                      GError          **error)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *note = NULL;
  guint leaders, ics;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (dimension < TANDEM_N_DIMENSIONS, NULL);

  points = tandem_stats_gap_series (store, dimension, threshold, error);
  if (points == NULL)
    return NULL;

  chart = tandem_chart_new (gap_title (dimension));
  leaders = tandem_chart_add_series (chart, _("Executives"));
  ics = tandem_chart_add_series (chart, _("Individual contributors"));
  tandem_chart_set_band (chart, leaders, ics, NULL);
  tandem_chart_set_empty_text (chart, _("No survey waves yet. Import pulse-survey responses "
                                        "to see how the gap changes over time."));

  for (guint i = 0; i < points->len; i++)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i);
      guint c = tandem_chart_add_category (chart, p->wave_title);

      tandem_chart_set_value (chart, leaders, c, p->leaders.pct,
                              p->leaders.ci_low, p->leaders.ci_high, p->leaders.n);
      tandem_chart_set_value (chart, ics, c, p->ics.pct, p->ics.ci_low, p->ics.ci_high, p->ics.n);
      tandem_chart_set_band_interval (chart, c, p->gap_ci_low, p->gap_ci_high);
    }

  for (guint i = points->len; i > 0; i--)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i - 1);
      g_autofree char *subtitle = NULL;

      if (!isfinite (p->gap_pts))
        continue;
      /* Translators: the subtitle of a gap chart; the number is in points, the last %s a wave */
      subtitle = g_strdup_printf (_("Share answering favourably, executives and individual "
                                    "contributors · latest gap %.0f points (%s)"),
                                  p->gap_pts, p->wave_title);
      tandem_chart_set_subtitle (chart, subtitle);
      break;
    }
  if (tandem_chart_get_subtitle (chart) == NULL)
    tandem_chart_set_subtitle (chart, _("Share answering favourably, executives and individual contributors"));

  note = g_strdup_printf (_("Favourable: 4 or 5 on a 5-point scale. Whiskers, and the figures under the "
                            "latest gap: 95%% confidence intervals. n: executives / ICs who answered. "
                            "Groups under %u are not shown."),
                          threshold);
  tandem_chart_set_note (chart, note);

  return g_steal_pointer (&chart);
}

/**
 * tandem_chart_new_snapshot:
 * @wave: (nullable): the wave's title; %NULL for the latest
 * @threshold: the anonymity threshold
 *
 * The three gaps of @wave side by side: executives' and ICs'
 * favourable shares as paired bars, each pair labelled with its gap —
 * the figure that made the 61/46, 25/11 and 44/25 gaps famous.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_snapshot (TandemStore  *store,
                           const char   *wave_title,
                           guint         threshold,
                           GError      **error)
{
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  const char *wave = NULL;
  guint leaders, ics, point = 0;
  GPtrArray *series[TANDEM_N_DIMENSIONS] = { NULL, };

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    if (!(series[d] = tandem_stats_gap_series (store, d, threshold, error)))
      {
        for (guint i = 0; i < d; i++)
          g_ptr_array_unref (series[i]);
        return NULL;
      }

  /* The wave asked for, else the latest; every dimension has a point per wave. */
  for (guint i = 0; i < series[0]->len; i++)
    {
      TandemGapPoint *p = g_ptr_array_index (series[0], i);

      if (wave_title == NULL || g_strcmp0 (p->wave_title, wave_title) == 0)
        {
          wave = p->wave_title;
          point = i;
        }
    }
  if (wave_title != NULL && wave == NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("There is no survey wave “%s”; name one as report gaps lists them."), wave_title);
      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        g_ptr_array_unref (series[d]);
      return NULL;
    }
  /* Translators: the title of the snapshot chart; %s is a survey wave, e.g. "2026 Q3" */
  title = wave ? g_strdup_printf (_("The three gaps, %s"), wave) : g_strdup (_("The three gaps"));
  chart = tandem_chart_new (title);
  tandem_chart_set_kind (chart, TANDEM_CHART_BARS);
  tandem_chart_set_subtitle (chart, _("Share answering favourably: what executives say, and what "
                                      "individual contributors experience"));
  tandem_chart_set_empty_text (chart, _("No survey waves yet. Import pulse-survey responses to see the "
                                        "three gaps."));
  leaders = tandem_chart_add_series (chart, _("Executives"));
  ics = tandem_chart_add_series (chart, _("Individual contributors"));
  tandem_chart_set_band (chart, leaders, ics, NULL);

  for (guint d = 0; d < TANDEM_N_DIMENSIONS && wave != NULL; d++)
    {
      TandemGapPoint *p = g_ptr_array_index (series[d], point);
      guint c = tandem_chart_add_category (chart, tandem_dimension_get_label (d));

      tandem_chart_set_value (chart, leaders, c, p->leaders.pct, p->leaders.ci_low, p->leaders.ci_high,
                              p->leaders.n);
      tandem_chart_set_value (chart, ics, c, p->ics.pct, p->ics.ci_low, p->ics.ci_high, p->ics.n);
    }

  /* Translators: the note under the snapshot chart */
  note = g_strdup_printf (_("Favourable: 4 or 5 on a 5-point scale. n under each pair: executives / ICs who "
                            "answered. Groups under %u are hidden."),
                          threshold);
  tandem_chart_set_note (chart, note);

  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    g_ptr_array_unref (series[d]);
  return g_steal_pointer (&chart);
}

/**
 * tandem_chart_new_heatmap:
 * @grouping: "department" or "role"
 * @wave: (nullable): the wave's title; %NULL for the latest
 *
 * Favourable shares of @wave per department or role (every
 * level together), a column per dimension. Hidden cells are hatched.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_heatmap (TandemStore  *store,
                          const char   *grouping,
                          const char   *wave_title,
                          guint         threshold,
                          GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *wave = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  gboolean by_role;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (grouping, "department") == 0 || g_strcmp0 (grouping, "role") == 0, NULL);

  by_role = g_str_equal (grouping, "role");
  if (!(rows = tandem_stats_heatmap (store, grouping, wave_title, threshold, 14, &wave, error)))
    return NULL;

  if (wave != NULL)
    title = by_role ? g_strdup_printf (_("Favourable answers by role, %s"), wave)
                    : g_strdup_printf (_("Favourable answers by department, %s"), wave);
  else
    title = g_strdup (by_role ? _("Favourable answers by role") : _("Favourable answers by department"));
  chart = tandem_chart_new (title);
  tandem_chart_set_kind (chart, TANDEM_CHART_HEATMAP);
  tandem_chart_set_subtitle (chart, _("Share answering 4 or 5, every level together; the stronger the colour, the more "
                                      "favourable"));
  tandem_chart_set_empty_text (chart, _("No survey waves yet. Import pulse-survey responses to see where "
                                        "people are favourable."));
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    tandem_chart_add_series (chart, tandem_dimension_get_label (d));

  for (guint r = 0; r < rows->len; r++)
    {
      TandemHeatRow *row = g_ptr_array_index (rows, r);
      guint c = tandem_chart_add_category (chart, row->name);

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        tandem_chart_set_value (chart, d, c, row->shares[d].pct, row->shares[d].ci_low,
                                row->shares[d].ci_high, row->shares[d].n);
    }

  note = g_strdup_printf (_("Hatched: hidden, because fewer than %u answered or because the figure would let "
                            "someone work out a smaller group from the total. A level with fewer than %u answers "
                            "is left out of every cell."),
                          threshold, threshold);
  tandem_chart_set_note (chart, note);
  return g_steal_pointer (&chart);
}

/**
 * tandem_chart_new_gap_heatmap:
 * @grouping: "department" or "role"
 * @wave: (nullable): the wave's title; %NULL for the latest
 *
 * The executive–IC gap on each question per department or role, in @wave:
 * a cell is the executives' favourable share minus the ICs', in points,
 * with n for each side; a side under the threshold (or one that could be
 * worked out from the total) hides the cell.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_gap_heatmap (TandemStore  *store,
                              const char   *grouping,
                              const char   *wave_title,
                              guint         threshold,
                              GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *wave = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  gboolean by_role;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (grouping, "department") == 0 || g_strcmp0 (grouping, "role") == 0, NULL);

  by_role = g_str_equal (grouping, "role");
  if (!(rows = tandem_stats_gap_heatmap (store, grouping, wave_title, threshold, 14, &wave, error)))
    return NULL;

  if (wave != NULL)
    /* Translators: a chart's title; %s is a survey wave */
    title = by_role ? g_strdup_printf (_("The gap by role, %s"), wave)
                    : g_strdup_printf (_("The gap by department, %s"), wave);
  else
    title = g_strdup (by_role ? _("The gap by role") : _("The gap by department"));
  chart = tandem_chart_new (title);
  tandem_chart_set_kind (chart, TANDEM_CHART_HEATMAP);
  tandem_chart_set_y_axis (chart, -100, 100, 10, TANDEM_CHART_POINTS);
  tandem_chart_set_subtitle (chart, _("Executives’ favourable share minus individual contributors’, in points"));
  tandem_chart_set_empty_text (chart, _("No survey waves yet. Import pulse-survey responses to see where "
                                        "executives and ICs differ."));
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    tandem_chart_add_series (chart, tandem_dimension_get_label (d));

  for (guint r = 0; r < rows->len; r++)
    {
      TandemGapRow *row = g_ptr_array_index (rows, r);
      guint c = tandem_chart_add_category (chart, row->name);

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        {
          tandem_chart_set_value (chart, d, c, row->gap[d], row->gap_low[d], row->gap_high[d],
                                  row->ics[d].n);
          tandem_chart_set_value_n2 (chart, d, c, row->leaders[d].n);
        }
    }

  note = g_strdup_printf (_("Steps: within 5 points, 5–10, 10–20, 20 or more. n: executives / ICs who answered. "
                            "Hatched: fewer than %u answered at a level, or a figure would let someone work out a "
                            "smaller group from the total."),
                          threshold);
  tandem_chart_set_note (chart, note);
  return g_steal_pointer (&chart);
}

/**
 * tandem_chart_new_impact:
 * @grouping: "department" or "role"
 * @from_wave: (nullable): the earlier wave's title; %NULL for the first
 * @to_wave: (nullable): the later wave's title; %NULL for the latest
 * @threshold: the anonymity threshold, for people and answers alike
 *
 * Did the programs work? One point per group: across, the share of its
 * active people who had completed a program by the latest wave; up, how
 * far its ICs' favourable share on resources moved since the first wave,
 * with its 95% interval and n. It shows association, not cause, and says
 * so.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_impact (TandemStore  *store,
                         const char   *grouping,
                         const char   *from_wave,
                         const char   *to_wave,
                         guint         threshold,
                         GError      **error)
{
  g_autoptr(TandemChart) chart = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *note = NULL;
  double reach = 10;
  guint series;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  chart = tandem_chart_new (_("Did the programs work?"));
  tandem_chart_set_kind (chart, TANDEM_CHART_SCATTER);
  series = tandem_chart_add_series (chart, _("Change in ICs’ favourable share on resources"));
  tandem_chart_set_x_label (chart, _("Active people who had completed an AI-literacy program"));
  empty = g_strdup_printf (_("Two survey waves, and groups of at least %u people who answered both, are needed to "
                             "see how answers moved where people trained."), threshold);
  tandem_chart_set_empty_text (chart, empty);

  rows = tandem_stats_impact (store, grouping, from_wave, to_wave, threshold, &from, &to, &local_error);
  if (rows == NULL)
    {
      /* No waves yet: the chart says what it needs. */
      if (!g_error_matches (local_error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      tandem_chart_set_y_axis (chart, -25, 25, 25, TANDEM_CHART_NUMBER);
      return g_steal_pointer (&chart);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      TandemImpactRow *row = g_ptr_array_index (rows, i);
      double change = row->change[TANDEM_DIMENSION_RESOURCES];
      double low = row->ci_low[TANDEM_DIMENSION_RESOURCES];
      double high = row->ci_high[TANDEM_DIMENSION_RESOURCES];
      guint c;

      if (row->suppressed || !isfinite (change) || !isfinite (row->completed_pct))
        continue;
      c = tandem_chart_add_category (chart, row->group);
      tandem_chart_set_value (chart, series, c, change, low, high, row->to[TANDEM_DIMENSION_RESOURCES].n);
      tandem_chart_set_x (chart, c, row->completed_pct);
      reach = MAX (reach, MAX (fabs (low), fabs (high)));
    }
  /* A symmetric axis in steps of 10 or 20, so that 0 is a gridline. */
  reach = MIN (100.0, 20.0 * ceil (reach / 20.0));
  tandem_chart_set_y_axis (chart, -reach, reach, reach >= 60 ? 20 : 10, TANDEM_CHART_NUMBER);

  if (g_strcmp0 (from, to) != 0)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: the subtitle of "Did the programs work?"; the %s are two survey waves */
      subtitle = g_strdup_printf (_("Up: change in the ICs’ favourable share on resources, %s → %s, in points"),
                                  from, to);
      tandem_chart_set_subtitle (chart, subtitle);
    }
  note = g_strdup_printf (_("Association, not cause: groups that trained more may differ in other ways. Whiskers: "
                            "95%% intervals. n: ICs who answered in the later wave. Groups under %u people or "
                            "answers are not shown."),
                          threshold);
  tandem_chart_set_note (chart, note);
  return g_steal_pointer (&chart);
}
