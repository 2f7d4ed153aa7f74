/* tandem-stats.c — honest figures: shares with intervals, gaps, counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tandem-stats.h"
#include "tandem-store-private.h"

/* The normal quantile for a two-sided 95% interval. */
#define Z_95 1.959963984540054

/**
 * tandem_stats_wilson:
 * @n: how many answered
 * @favourable: how many of them answered favourably
 *
 * The 95% Wilson score interval for the share @favourable / @n, in percent.
 * Unlike the textbook interval it stays inside 0–100 and is sensible for the
 * small groups (a dozen executives) that pulse surveys produce.
 */
void
tandem_stats_wilson (guint   n,
                     guint   favourable,
                     double *out_low,
                     double *out_high)
{
  double p, z2, denom, centre, half;

  g_return_if_fail (out_low != NULL && out_high != NULL);
  g_return_if_fail (favourable <= n);

  if (n == 0)
    {
      *out_low = *out_high = NAN;
      return;
    }

  p = (double)favourable / n;
  z2 = Z_95 * Z_95;
  denom = 1.0 + z2 / n;
  centre = (p + z2 / (2.0 * n)) / denom;
  half = Z_95 * sqrt (p * (1.0 - p) / n + z2 / (4.0 * n * (double)n)) / denom;

  *out_low = 100.0 * MAX (0.0, centre - half);
  *out_high = 100.0 * MIN (1.0, centre + half);
}

/**
 * tandem_share_init:
 * @threshold: the anonymity threshold; a group with fewer answers is hidden
 */
void
tandem_share_init (TandemShare *share,
                   guint        n,
                   guint        favourable,
                   guint        threshold)
{
  g_return_if_fail (share != NULL);
  g_return_if_fail (favourable <= n);

  share->n = n;
  share->favourable = favourable;
  share->suppressed = n < threshold;

  if (n == 0 || share->suppressed)
    {
      /* Nothing derived from a hidden group may leave this function. */
      share->favourable = 0;
      share->pct = share->ci_low = share->ci_high = NAN;
      return;
    }

  share->pct = 100.0 * favourable / n;
  tandem_stats_wilson (n, favourable, &share->ci_low, &share->ci_high);
}

void
tandem_gap_point_free (TandemGapPoint *point)
{
  if (point == NULL)
    return;

  g_free (point->wave_title);
  g_free (point->fielded_on);
  g_free (point);
}

/**
 * tandem_stats_gap_series:
 * @dimension: optimism, resources or transparency
 * @threshold: the anonymity threshold
 *
 * The share of executives and of individual contributors answering the
 * @dimension's item favourably, wave by wave, oldest first.
 *
 * Returns: (transfer full) (element-type TandemGapPoint): one point per wave
 */
GPtrArray *
tandem_stats_gap_series (TandemStore      *store,
                         TandemDimension   dimension,
                         guint             threshold,
                         GError          **error)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_gap_point_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (dimension < TANDEM_N_DIMENSIONS, NULL);

  stmt = tandem_store_prepare (store,
                               "SELECT w.title, w.fielded_on,"
                               "       coalesce (e.answered, 0), coalesce (e.favourable, 0),"
                               "       coalesce (i.answered, 0), coalesce (i.favourable, 0)"
                               "  FROM survey_wave w"
                               "  LEFT JOIN survey_tally e ON e.wave_id = w.id AND e.dimension = ?1"
                               "       AND e.level = 'executive' AND e.grouping = 'all'"
                               "  LEFT JOIN survey_tally i ON i.wave_id = w.id AND i.dimension = ?1"
                               "       AND i.level = 'individual_contributor' AND i.grouping = 'all'"
                               " ORDER BY w.fielded_on, w.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, tandem_dimension_to_string (dimension), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemGapPoint *point = g_new0 (TandemGapPoint, 1);

      point->wave_title = g_strdup (tandem_stmt_get_text (stmt, 0));
      point->fielded_on = g_strdup (tandem_stmt_get_text (stmt, 1));
      tandem_share_init (&point->leaders, sqlite3_column_int (stmt, 2),
                         sqlite3_column_int (stmt, 3), threshold);
      tandem_share_init (&point->ics, sqlite3_column_int (stmt, 4),
                         sqlite3_column_int (stmt, 5), threshold);

      if (isnan (point->leaders.pct) || isnan (point->ics.pct))
        point->gap_pts = NAN;
      else
        point->gap_pts = point->leaders.pct - point->ics.pct;

      g_ptr_array_add (points, point);
    }

  if (rc != SQLITE_DONE)
    {
      tandem_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&points);
}

gboolean
tandem_stats_get_counts (TandemStore   *store,
                         TandemCounts  *out_counts,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  stmt = tandem_store_prepare (store,
                               "SELECT (SELECT count (*) FROM person),"
                               "       (SELECT count (*) FROM person WHERE active),"
                               "       (SELECT count (*) FROM department),"
                               "       (SELECT count (*) FROM program),"
                               "       (SELECT count (*) FROM enrollment WHERE status <> 'dropped'),"
                               "       (SELECT count (*) FROM enrollment WHERE status = 'completed'),"
                               "       (SELECT count (*) FROM person WHERE active AND is_champion),"
                               "       (SELECT count (*) FROM person WHERE active AND has_tool_access),"
                               "       (SELECT count (*) FROM mentoring_pair WHERE active),"
                               "       (SELECT count (*) FROM coaching_session),"
                               "       (SELECT count (*) FROM survey_wave),"
                               "       (SELECT count (*) FROM survey_response)",
                               error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tandem_store_set_error (store, rc, error);
      return FALSE;
    }

  out_counts->people = sqlite3_column_int (stmt, 0);
  out_counts->active_people = sqlite3_column_int (stmt, 1);
  out_counts->departments = sqlite3_column_int (stmt, 2);
  out_counts->programs = sqlite3_column_int (stmt, 3);
  out_counts->enrollments = sqlite3_column_int (stmt, 4);
  out_counts->completions = sqlite3_column_int (stmt, 5);
  out_counts->champions = sqlite3_column_int (stmt, 6);
  out_counts->with_tool_access = sqlite3_column_int (stmt, 7);
  out_counts->pairs = sqlite3_column_int (stmt, 8);
  out_counts->sessions = sqlite3_column_int (stmt, 9);
  out_counts->waves = sqlite3_column_int (stmt, 10);
  out_counts->answers = sqlite3_column_int (stmt, 11);

  return TRUE;
}
