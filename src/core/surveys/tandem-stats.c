/* tandem-stats.c — honest figures: shares with intervals, gaps, counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-stats.h"
#include "tandem-store-dialect.h"
#include "tandem-store-private.h"
#include "tandem-verdict.h"

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
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (dimension < TANDEM_N_DIMENSIONS, NULL);

  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_GAP_SERIES), error);
  if (stmt == NULL)
    return NULL;

  tandem_stmt_bind_text (stmt, 1, tandem_dimension_to_string (dimension));
  tandem_stmt_bind_int (stmt, 2, (int)threshold);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemGapPoint *point = g_new0 (TandemGapPoint, 1);

      point->wave_title = g_strdup (tandem_stmt_get_text (stmt, 0));
      point->fielded_on = g_strdup (tandem_stmt_get_text (stmt, 1));
      tandem_share_init (&point->leaders, tandem_stmt_get_int (stmt, 2),
                         tandem_stmt_get_int (stmt, 3), threshold);
      tandem_share_init (&point->ics, tandem_stmt_get_int (stmt, 4),
                         tandem_stmt_get_int (stmt, 5), threshold);

      if (isnan (point->leaders.pct) || isnan (point->ics.pct))
        point->gap_pts = NAN;
      else
        point->gap_pts = point->leaders.pct - point->ics.pct;
      tandem_stats_newcombe (point->leaders.pct, point->leaders.ci_low, point->leaders.ci_high,
                             point->ics.pct, point->ics.ci_low, point->ics.ci_high,
                             &point->gap_ci_low, &point->gap_ci_high);

      g_ptr_array_add (points, point);
    }

  if (step == TANDEM_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&points);
}

gboolean
tandem_stats_get_counts (TandemStore   *store,
                         TandemCounts  *out_counts,
                         GError       **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  /* People are counted in one pass over an index that holds their flags;
   * enrollments program by program, each count reading one range of the
   * (program, status) index, never every enrollment. */
  stmt = tandem_store_prepare (store,
                               "SELECT p.people, p.active,"
                               "       (SELECT count (*) FROM department),"
                               "       (SELECT count (*) FROM program),"
                               "       (SELECT count (*) FROM enrollment)"
                               "       - (SELECT coalesce (sum ((SELECT count (*) FROM enrollment e"
                               "                                  WHERE e.program_id = g.id AND e.status = 'dropped')), 0)"
                               "            FROM program g),"
                               "       (SELECT coalesce (sum ((SELECT count (*) FROM enrollment e"
                               "                                WHERE e.program_id = g.id AND e.status = 'completed')), 0)"
                               "          FROM program g),"
                               "       p.champions, p.tool_access,"
                               "       (SELECT count (*) FROM mentoring_pair WHERE active = 1),"
                               "       (SELECT count (*) FROM coaching_session),"
                               "       (SELECT count (*) FROM survey_wave)"
                               "  FROM (SELECT count (*) AS people, count (*) FILTER (WHERE active = 1) AS active,"
                               "               count (*) FILTER (WHERE active = 1 AND is_champion = 1) AS champions,"
                               "               count (*) FILTER (WHERE active = 1 AND has_tool_access = 1) AS tool_access"
                               "          FROM person) p",
                               error);
  if (stmt == NULL)
    return FALSE;

  if (tandem_stmt_step (stmt, error) != TANDEM_STEP_ROW)
    return FALSE;

  out_counts->people = tandem_stmt_get_int (stmt, 0);
  out_counts->active_people = tandem_stmt_get_int (stmt, 1);
  out_counts->departments = tandem_stmt_get_int (stmt, 2);
  out_counts->programs = tandem_stmt_get_int (stmt, 3);
  out_counts->enrollments = tandem_stmt_get_int (stmt, 4);
  out_counts->completions = tandem_stmt_get_int (stmt, 5);
  out_counts->champions = tandem_stmt_get_int (stmt, 6);
  out_counts->with_tool_access = tandem_stmt_get_int (stmt, 7);
  out_counts->pairs = tandem_stmt_get_int (stmt, 8);
  out_counts->sessions = tandem_stmt_get_int (stmt, 9);
  out_counts->waves = tandem_stmt_get_int (stmt, 10);

  /* How many answered: a count a team server gives without showing one. */
  g_clear_pointer (&stmt, tandem_stmt_free);
  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_SURVEY_ANSWERS), error);
  if (stmt == NULL || tandem_stmt_step (stmt, error) != TANDEM_STEP_ROW)
    return FALSE;
  out_counts->answers = tandem_stmt_get_int (stmt, 0);

  return TRUE;
}

/**
 * tandem_stats_suppress_complements:
 * @shares: (array length=n_shares): groups that together make a total
 *   that is shown (or can be worked out) elsewhere
 * @threshold: the anonymity threshold
 *
 * Hides further groups so that no hidden group can be worked out by
 * subtracting the shown ones from the total: while exactly one group is
 * hidden, or the hidden ones together are fewer than @threshold, the
 * smallest shown group is hidden too.
 *
 * Returns: how many groups this hid
 */
guint
tandem_stats_suppress_complements (TandemShare *shares,
                                   guint        n_shares,
                                   guint        threshold)
{
  guint hidden_now = 0;

  g_return_val_if_fail (shares != NULL || n_shares == 0, 0);

  for (;;)
    {
      guint hidden = 0, hidden_n = 0;
      int smallest = -1;

      for (guint i = 0; i < n_shares; i++)
        {
          if (shares[i].n == 0)
            continue;
          if (shares[i].suppressed)
            {
              hidden++;
              hidden_n += shares[i].n;
            }
          else if (smallest < 0 || shares[i].n < shares[smallest].n)
            smallest = (int)i;
        }

      if (hidden == 0 || smallest < 0 || (hidden >= 2 && hidden_n >= threshold))
        return hidden_now;

      shares[smallest].suppressed = TRUE;
      shares[smallest].favourable = 0;
      shares[smallest].pct = shares[smallest].ci_low = shares[smallest].ci_high = NAN;
      hidden_now++;
    }
}

void
tandem_heat_row_free (TandemHeatRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

/**
 * tandem_stats_heatmap:
 * @grouping: "department" or "role"
 * @max_rows: how many groups at most (0: all); the smallest beyond are
 *   shown together as one
 * @wave: (nullable): the wave's title; %NULL for the latest
 * @out_wave: (out) (optional) (transfer full): the wave's title
 *
 * The share answering favourably per department or role, every level
 * together, in @wave: the first row is everyone, then the
 * groups by name. Groups under @threshold are hidden, and so are as many
 * more as it takes to keep them from being worked out from the total.
 *
 * Returns: (transfer full) (element-type TandemHeatRow): the rows; empty
 *   when there are no waves
 */
static guint
heat_row_size (const TandemHeatRow *row)
{
  return MAX (MAX (row->shares[0].n, row->shares[1].n), row->shares[2].n);
}

static int
compare_heat_rows_by_size (gconstpointer a,
                           gconstpointer b)
{
  guint na = heat_row_size (*(TandemHeatRow * const *)a);
  guint nb = heat_row_size (*(TandemHeatRow * const *)b);

  return na > nb ? -1 : na < nb;
}

/* Everyone first, then by name, and the rest together last. */
static int
compare_heat_rows_by_name (gconstpointer a,
                           gconstpointer b)
{
  const TandemHeatRow *ra = *(TandemHeatRow * const *)a, *rb = *(TandemHeatRow * const *)b;

  if (ra->group_id != rb->group_id && (ra->group_id < 0 || rb->group_id < 0))
    return ra->group_id < 0 ? -1 : 1;
  if (ra->group_id != rb->group_id && (ra->group_id == G_MAXINT64 || rb->group_id == G_MAXINT64))
    return ra->group_id == G_MAXINT64 ? 1 : -1;
  return g_utf8_collate (ra->name, rb->name);
}

/**
 * tandem_stats_smallest_groups:
 * @rows: everyone first, then the groups
 * @max_rows: how many groups to show at most (0: all)
 * @by_size: sorts rows largest first
 *
 * Returns: (transfer container) (nullable): the groups beyond @max_rows − 1
 *   largest, which are shown together as one row; %NULL when all fit
 */
GPtrArray *
tandem_stats_smallest_groups (GPtrArray    *rows,
                              guint         max_rows,
                              GCompareFunc  by_size)
{
  g_autoptr(GPtrArray) groups = NULL;

  if (max_rows < 2 || rows->len <= max_rows + 1)
    return NULL;
  groups = g_ptr_array_new ();
  for (guint r = 1; r < rows->len; r++)
    g_ptr_array_add (groups, g_ptr_array_index (rows, r));
  g_ptr_array_sort (groups, by_size);
  g_ptr_array_remove_range (groups, 0, max_rows - 1);
  return g_steal_pointer (&groups);
}

/* The name of the row @n smaller groups are shown together in. */
char *
tandem_stats_other_groups (gboolean by_role,
                           guint    n)
{
  return g_strdup_printf (by_role ? g_dngettext (GETTEXT_PACKAGE, "%u other role", "%u other roles", n)
                                  : g_dngettext (GETTEXT_PACKAGE, "%u other department", "%u other departments", n),
                          n);
}

GPtrArray *
tandem_stats_heatmap (TandemStore  *store,
                      const char   *grouping,
                      const char   *wave,
                      guint         threshold,
                      guint         max_rows,
                      char        **out_wave,
                      GError      **error)
{
  g_autoptr(GPtrArray) smallest = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_heat_row_free);
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) column = g_array_new (FALSE, FALSE, sizeof (TandemShare));
  TandemHeatRow *everyone;
  gboolean is_role;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (grouping, "department") == 0 || g_strcmp0 (grouping, "role") == 0, NULL);

  is_role = g_str_equal (grouping, "role");
  stmt = tandem_store_prepare (store,
                               tandem_store_get_sql (store, is_role ? TANDEM_SQL_HEATMAP_ROLE
                                                                    : TANDEM_SQL_HEATMAP_DEPARTMENT),
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_text (stmt, 1, grouping);
  tandem_stmt_bind_int (stmt, 2, (int)threshold);
  tandem_stmt_bind_text (stmt, 3, wave);
  tandem_stmt_bind_int (stmt, 4, (int)max_rows);

  everyone = g_new0 (TandemHeatRow, 1);
  everyone->name = g_strdup (_("Everyone"));
  everyone->group_id = -1;
  g_ptr_array_add (rows, everyone);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      gint64 id = tandem_stmt_get_int64 (stmt, 1);
      const char *name = tandem_stmt_get_text (stmt, 2);
      TandemDimension dimension;
      TandemHeatRow *row;

      if (out_wave != NULL && *out_wave == NULL)
        *out_wave = g_strdup (tandem_stmt_get_text (stmt, 0));
      if (!tandem_dimension_from_string (tandem_stmt_get_text (stmt, 3), &dimension))
        continue;

      if (g_str_equal (tandem_stmt_get_text (stmt, 6), "all"))
        row = everyone;
      else if ((row = g_hash_table_lookup (by_id, &id)) == NULL)
        {
          row = g_new0 (TandemHeatRow, 1);
          row->group_id = id;
          row->name = *name != '\0' ? g_strdup (name)
                                    : g_strdup (is_role ? _("No role") : _("No department"));
          g_ptr_array_add (rows, row);
          g_hash_table_insert (by_id, &row->group_id, row);
        }
      /* Raw counts for now, in the share's fields; init below. */
      row->shares[dimension].n = (guint)tandem_stmt_get_int (stmt, 4);
      row->shares[dimension].favourable = (guint)tandem_stmt_get_int (stmt, 5);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;

  /* Beyond @max_rows groups, the smallest are shown together as one. */
  if ((smallest = tandem_stats_smallest_groups (rows, max_rows, compare_heat_rows_by_size)) != NULL)
    {
      TandemHeatRow *rest = g_new0 (TandemHeatRow, 1);

      for (guint r = 0; r < smallest->len; r++)
        {
          TandemHeatRow *row = g_ptr_array_index (smallest, r);

          for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
            {
              rest->shares[d].n += row->shares[d].n;
              rest->shares[d].favourable += row->shares[d].favourable;
            }
          g_ptr_array_remove (rows, row);   /* frees it */
        }
      rest->group_id = G_MAXINT64;
      rest->name = tandem_stats_other_groups (is_role, smallest->len);
      g_ptr_array_add (rows, rest);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      TandemHeatRow *row = g_ptr_array_index (rows, r);

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        tandem_share_init (&row->shares[d], row->shares[d].n, row->shares[d].favourable, threshold);
    }

  if (rows->len == 1 && everyone->shares[0].n == 0 && everyone->shares[1].n == 0 && everyone->shares[2].n == 0)
    g_ptr_array_set_size (rows, 0);

  /* The groups add up to everyone: guard each column against subtraction. */
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      g_array_set_size (column, 0);
      for (guint r = 1; r < rows->len; r++)
        g_array_append_val (column, ((TandemHeatRow *)g_ptr_array_index (rows, r))->shares[d]);
      tandem_stats_suppress_complements ((TandemShare *)(void *)column->data, column->len, threshold);
      for (guint r = 1; r < rows->len; r++)
        ((TandemHeatRow *)g_ptr_array_index (rows, r))->shares[d] = g_array_index (column, TandemShare, r - 1);
    }

  /* Guarded in the order read, as the team server guards them; shown by name. */
  if (smallest != NULL)
    g_ptr_array_sort (rows, compare_heat_rows_by_name);
  return g_steal_pointer (&rows);
}
