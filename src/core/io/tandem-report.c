/* tandem-report.c — reports as text for people or CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-competency.h"
#include "tandem-csv.h"
#include "tandem-store-private.h"
#include "tandem-pair.h"
#include "tandem-person.h"
#include "tandem-report-private.h"
#include "tandem-report.h"
#include "tandem-stats.h"
#include "tandem-impact.h"
#include "tandem-output.h"
#include "tandem-types.h"
#include "tandem-verdict.h"

/* A table: rows of cells, written as CSV or as aligned text. */
static void
append_row (GString            *out,
            TandemReportFormat  format,
            const char * const *cells,
            const int          *widths)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (format == TANDEM_REPORT_CSV)
        {
          g_autofree char *cell = tandem_csv_escape_cell (cells[i]);

          g_string_append_printf (out, "%s%s", i ? "," : "", cell);
        }
      else
        {
          /* Pad by columns, not bytes, so names with accents and CJK
           * text line up. */
          glong pad = widths[i] - tandem_output_width (cells[i]);

          g_string_append_printf (out, "%s%s", i ? "  " : "", cells[i]);
          if (cells[i + 1] != NULL)
            for (glong p = 0; p < pad; p++)
              g_string_append_c (out, ' ');
        }
    }
  g_string_append_c (out, '\n');
}

/* @rows: the header, then the rows, each a NULL-terminated array of cells */
char *
tandem_report_format_table (GPtrArray          *rows,
                            TandemReportFormat  format)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree int *widths = NULL;
  guint n_columns;

  g_assert (rows->len > 0);

  n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  widths = g_new0 (int, n_columns);

  /* A table for a terminal shows a name's control characters escaped. */
  if (format == TANDEM_REPORT_TEXT)
    for (guint r = 0; r < rows->len; r++)
      {
        char **row = g_ptr_array_index (rows, r);

        for (guint c = 0; row[c] != NULL; c++)
          {
            char *escaped = tandem_output_escape (row[c]);

            g_free (row[c]);
            row[c] = escaped;
          }
      }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        widths[c] = MAX (widths[c], tandem_output_width (row[c]));
    }

  for (guint r = 0; r < rows->len; r++)
    append_row (out, format, (const char * const *)g_ptr_array_index (rows, r), widths);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * tandem_report_pairs:
 * @as_of: the day the cadence is judged on
 *
 * One row per active pair: executive, mentor, cadence_days, sessions,
 * last_session, days_since, next_due, status — the cadence rules of
 * tandem_pair_status_compute().
 *
 * Returns: (transfer full): the report
 */
char *
tandem_report_pairs (TandemStore         *store,
                     const GDate         *as_of,
                     TandemReportFormat   format,
                     GError             **error)
{
  static const char * const header[] = {
    "executive", "mentor", "cadence_days", "sessions", "last_session", "days_since",
    "next_due", "status", NULL,
  };
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  pairs = tandem_pair_list_active (store, as_of, error);
  if (pairs == NULL)
    return NULL;

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(TandemPair) pair = g_list_model_get_item (pairs, i);
      const char *last = tandem_pair_get_last_session (pair);
      g_autoptr(GDate) last_date = last ? tandem_date_parse_iso (last) : NULL;
      char **row = g_new0 (char *, 9);

      row[0] = g_strdup (tandem_pair_get_executive (pair));
      row[1] = g_strdup (tandem_pair_get_mentor (pair));
      row[2] = g_strdup_printf ("%u", tandem_pair_get_cadence_days (pair));
      row[3] = g_strdup_printf ("%u", tandem_pair_get_n_sessions (pair));
      row[4] = g_strdup (last ? last : "");
      row[5] = last_date ? g_strdup_printf ("%d", g_date_days_between (last_date, as_of)) : g_strdup ("");
      row[6] = g_strdup (tandem_pair_get_next_due (pair));
      row[7] = g_strdup (tandem_pair_status_to_string (tandem_pair_get_status (pair)));
      g_ptr_array_add (rows, row);
    }

  return tandem_report_format_table (rows, format);
}

/* Active people added up per role or department straight from the index
 * that holds their figures (person.learning: 1 enrolled, 2 completed),
 * then named: one pass, however many enrollments there are. The index
 * groups people by role, then department: by department, its groups of
 * one role and department are read in order and added up after. */
#define COMPLETION_SELECT(key, groups, table, group, order) \
  "WITH g AS (SELECT p." key " AS group_id, count (*) AS people," \
  "                  count (*) FILTER (WHERE p.learning >= 1) AS enrolled," \
  "                  count (*) FILTER (WHERE p.learning = 2) AS completed," \
  "                  sum (p.has_tool_access) AS tool_access, sum (p.is_champion) AS champions" \
  "             FROM person p WHERE p.active = 1 GROUP BY " groups ")" \
  "SELECT " group ", sum (g.people), sum (g.enrolled), sum (g.completed), sum (g.tool_access)," \
  "       sum (g.champions)" \
  "  FROM g LEFT JOIN " table " t ON t.id = g.group_id" \
  " GROUP BY 1 ORDER BY " order

static const char * const completion_sql[TANDEM_N_GROUP_BY] = {
  [TANDEM_GROUP_BY_ROLE] = COMPLETION_SELECT ("role_id", "p.role_id", "role", "coalesce (t.name, '')",
                                              "coalesce (t.name, '') COLLATE NOCASE"),
  [TANDEM_GROUP_BY_DEPARTMENT] = COMPLETION_SELECT ("department_id", "p.role_id, p.department_id", "department",
                                                   "coalesce (t.name, '')",
                                                   "coalesce (t.name, '') COLLATE NOCASE"),
  [TANDEM_GROUP_BY_LEVEL] = COMPLETION_SELECT ("role_id", "p.role_id", "role",
                                               "coalesce (t.level, 'individual_contributor')",
                                               "CASE coalesce (t.level, 'individual_contributor') WHEN 'executive' THEN 0"
                                               " WHEN 'manager' THEN 1 ELSE 2 END"),
};

gboolean
tandem_group_by_from_string (const char        *text,
                             TandemGroupBy     *out_by)
{
  static const char * const names[TANDEM_N_GROUP_BY] = { "role", "department", "level" };

  g_return_val_if_fail (out_by != NULL, FALSE);

  for (guint i = 0; i < TANDEM_N_GROUP_BY; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out_by = i;
        return TRUE;
      }
  return FALSE;
}

void
tandem_group_row_free (TandemGroupRow *row)
{
  g_free (row->group);
  g_free (row);
}

/**
 * tandem_report_group_rows:
 * @by: how to group the active people
 *
 * Per group: people, enrolled_people (any enrollment not dropped),
 * completed_people (at least one completed), tool access and champions.
 *
 * Returns: (transfer full) (element-type TandemGroupRow): the groups, in
 *   order
 */
GPtrArray *
tandem_report_group_rows (TandemStore    *store,
                          TandemGroupBy   by,
                          GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_group_row_free);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (by < TANDEM_N_GROUP_BY, NULL);

  stmt = tandem_store_prepare (store, completion_sql[by], error);
  if (stmt == NULL)
    return NULL;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemGroupRow *row = g_new0 (TandemGroupRow, 1);

      row->group = g_strdup (tandem_stmt_get_text (stmt, 0));
      row->people = (guint)tandem_stmt_get_int64 (stmt, 1);
      row->enrolled = (guint)tandem_stmt_get_int64 (stmt, 2);
      row->completed = (guint)tandem_stmt_get_int64 (stmt, 3);
      row->tool_access = (guint)tandem_stmt_get_int64 (stmt, 4);
      row->champions = (guint)tandem_stmt_get_int64 (stmt, 5);
      g_ptr_array_add (rows, row);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* The champions a group of @people needs: one per 25, rounded up. */
guint
tandem_champion_target (guint people)
{
  return (people + TANDEM_PEOPLE_PER_CHAMPION - 1) / TANDEM_PEOPLE_PER_CHAMPION;
}

/* Whether @group has fewer champions than one per 25 of its people. */
static gboolean
group_is_short (const TandemGroupRow *group)
{
  return group->champions < tandem_champion_target (group->people);
}

/**
 * tandem_report_departments_short:
 *
 * Returns: how many departments have fewer champions than one per 25 of
 *   their active people (the "short" rows of tandem_report_champions()),
 *   or 0 with @error set
 */
guint
tandem_report_departments_short (TandemStore  *store,
                                 GError      **error)
{
  g_autoptr(GPtrArray) groups = tandem_report_group_rows (store, TANDEM_GROUP_BY_DEPARTMENT, error);
  guint n = 0;

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    n += group_is_short (g_ptr_array_index (groups, i));
  return n;
}

/* A ratio with one decimal, or empty when @denominator is 0. */
char *
tandem_report_format_ratio (double numerator,
                            double denominator,
                            double scale)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (denominator <= 0)
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", scale * numerator / denominator));
}

/**
 * tandem_report_completion:
 *
 * One row per group of active people: group, people, enrolled_people,
 * completed_people, reach_pct, completion_pct, tool_access_pct.
 */
char *
tandem_report_completion (TandemStore         *store,
                          TandemGroupBy        by,
                          TandemReportFormat   format,
                          GError             **error)
{
  static const char * const header[] = {
    "group", "people", "enrolled_people", "completed_people", "reach_pct", "completion_pct",
    "tool_access_pct", NULL,
  };
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  groups = tandem_report_group_rows (store, by, error);
  if (groups == NULL)
    return NULL;

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  for (guint i = 0; i < groups->len; i++)
    {
      TandemGroupRow *g = g_ptr_array_index (groups, i);
      char **row = g_new0 (char *, 8);

      row[0] = g_strdup (g->group);
      row[1] = g_strdup_printf ("%u", g->people);
      row[2] = g_strdup_printf ("%u", g->enrolled);
      row[3] = g_strdup_printf ("%u", g->completed);
      row[4] = tandem_report_format_ratio (g->enrolled, g->people, 100.0);
      row[5] = tandem_report_format_ratio (g->completed, g->enrolled, 100.0);
      row[6] = tandem_report_format_ratio (g->tool_access, g->people, 100.0);
      g_ptr_array_add (rows, row);
    }
  return tandem_report_format_table (rows, format);
}

/**
 * tandem_report_champions:
 *
 * One row per department of active people: department, people, champions,
 * target (one per 25, rounded up), people_per_champion, status (ok or
 * short).
 */
char *
tandem_report_champions (TandemStore         *store,
                         TandemReportFormat   format,
                         GError             **error)
{
  static const char * const header[] = {
    "department", "people", "champions", "target", "people_per_champion", "status", NULL,
  };
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  groups = tandem_report_group_rows (store, TANDEM_GROUP_BY_DEPARTMENT, error);
  if (groups == NULL)
    return NULL;

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  for (guint i = 0; i < groups->len; i++)
    {
      TandemGroupRow *g = g_ptr_array_index (groups, i);
      guint target = tandem_champion_target (g->people);
      char **row = g_new0 (char *, 7);

      row[0] = g_strdup (g->group);
      row[1] = g_strdup_printf ("%u", g->people);
      row[2] = g_strdup_printf ("%u", g->champions);
      row[3] = g_strdup_printf ("%u", target);
      row[4] = tandem_report_format_ratio (g->people, g->champions, 1.0);
      row[5] = g_strdup (group_is_short (g) ? "short" : "ok");
      g_ptr_array_add (rows, row);
    }
  return tandem_report_format_table (rows, format);
}

/* One decimal, empty for a figure that is not shown; never “-0.0”. */
static char *
format_figure (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("");
  value = round (value * 10.0) / 10.0;
  if (value == 0.0)
    value = 0.0;   /* turns −0 into 0 */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

/**
 * tandem_report_gaps:
 * @dimension: one dimension, or %TANDEM_N_DIMENSIONS for all three
 * @threshold: the anonymity threshold
 *
 * One row per wave and dimension, oldest wave first: wave, fielded_on,
 * dimension, leader_n, leader_pct, leader_ci_low, leader_ci_high, ic_n,
 * ic_pct, ic_ci_low, ic_ci_high, gap_pts, status, gap_ci_low, gap_ci_high.
 * Leaders are the executive level. A side under @threshold is suppressed:
 * its n is shown, its share, interval and the gap (with its Newcombe
 * interval) are left empty.
 */
char *
tandem_report_gaps (TandemStore         *store,
                    TandemDimension      dimension,
                    guint                threshold,
                    TandemReportFormat   format,
                    GError             **error)
{
  static const char * const header[] = {
    "wave", "fielded_on", "dimension", "leader_n", "leader_pct", "leader_ci_low", "leader_ci_high",
    "ic_n", "ic_pct", "ic_ci_low", "ic_ci_high", "gap_pts", "status", "gap_ci_low", "gap_ci_high", NULL,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GPtrArray *series[TANDEM_N_DIMENSIONS] = { NULL, };
  TandemDimension first = dimension < TANDEM_N_DIMENSIONS ? dimension : 0;
  TandemDimension last = dimension < TANDEM_N_DIMENSIONS ? dimension : TANDEM_N_DIMENSIONS - 1;
  char *result = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (dimension <= TANDEM_N_DIMENSIONS, NULL);

  for (TandemDimension d = first; d <= last; d++)
    if (!(series[d] = tandem_stats_gap_series (store, d, threshold, error)))
      goto out;

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  /* Every series holds every wave, in the same order. */
  for (guint w = 0; w < series[first]->len; w++)
    for (TandemDimension d = first; d <= last; d++)
      {
        TandemGapPoint *p = g_ptr_array_index (series[d], w);
        char **row = g_new0 (char *, 16);

        row[0] = g_strdup (p->wave_title);
        row[1] = g_strdup (p->fielded_on);
        row[2] = g_strdup (tandem_dimension_to_string (d));
        row[3] = g_strdup_printf ("%u", p->leaders.n);
        row[4] = format_figure (p->leaders.pct);
        row[5] = format_figure (p->leaders.ci_low);
        row[6] = format_figure (p->leaders.ci_high);
        row[7] = g_strdup_printf ("%u", p->ics.n);
        row[8] = format_figure (p->ics.pct);
        row[9] = format_figure (p->ics.ci_low);
        row[10] = format_figure (p->ics.ci_high);
        row[11] = format_figure (p->gap_pts);
        row[12] = g_strdup (p->leaders.suppressed || p->ics.suppressed ? "suppressed" : "ok");
        row[13] = format_figure (p->gap_ci_low);
        row[14] = format_figure (p->gap_ci_high);
        g_ptr_array_add (rows, row);
      }
  result = tandem_report_format_table (rows, format);

out:
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    g_clear_pointer (&series[d], g_ptr_array_unref);
  return result;
}

static gboolean
series_has_wave (GPtrArray  *series,
                 const char *title)
{
  for (guint i = 0; i < series->len; i++)
    if (g_strcmp0 (((TandemGapPoint *)g_ptr_array_index (series, i))->wave_title, title) == 0)
      return TRUE;
  return FALSE;
}

/**
 * tandem_report_changes:
 * @dimension: one dimension, or %TANDEM_N_DIMENSIONS for all three
 * @from_wave: (nullable): the earlier wave's title; %NULL for the first
 *   where both sides are shown
 * @to_wave: (nullable): the later wave's title; %NULL for the latest such
 * @min_effect: the smallest change that counts, in points
 * @threshold: the anonymity threshold
 *
 * One row per dimension: dimension, from_wave, to_wave, from_gap, to_gap,
 * change_pts, change_ci_low, change_ci_high, verdict — narrowed, widened,
 * steady, unclear, or too_few (with empty figures) when the dimension has
 * no two waves where both sides are shown.
 *
 * Returns: (transfer full): the report, or %NULL with @error set (a wave
 *   named that does not exist is %TANDEM_STORE_ERROR_INVALID)
 */
char *
tandem_report_changes (TandemStore         *store,
                       TandemDimension      dimension,
                       const char          *from_wave,
                       const char          *to_wave,
                       double               min_effect,
                       guint                threshold,
                       TandemReportFormat   format,
                       GError             **error)
{
  static const char * const header[] = {
    "dimension", "from_wave", "to_wave", "from_gap", "to_gap", "change_pts", "change_ci_low", "change_ci_high",
    "verdict", NULL,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  TandemDimension first = dimension < TANDEM_N_DIMENSIONS ? dimension : 0;
  TandemDimension last = dimension < TANDEM_N_DIMENSIONS ? dimension : TANDEM_N_DIMENSIONS - 1;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (dimension <= TANDEM_N_DIMENSIONS, NULL);

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  for (TandemDimension d = first; d <= last; d++)
    {
      g_autoptr(GPtrArray) series = tandem_stats_gap_series (store, d, threshold, error);
      TandemGapChange change;
      char **row;

      if (series == NULL)
        return NULL;
      if (!tandem_gap_change_compute (series, d, from_wave, to_wave, min_effect, &change))
        {
          const char *missing = from_wave != NULL && !series_has_wave (series, from_wave) ? from_wave : to_wave;

          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("There is no survey wave “%s”; name one as report gaps lists them."), missing);
          return NULL;
        }

      row = g_new0 (char *, 10);
      row[0] = g_strdup (tandem_dimension_to_string (d));
      row[1] = g_strdup (change.verdict != TANDEM_VERDICT_TOO_FEW ? change.from_wave : "");
      row[2] = g_strdup (change.verdict != TANDEM_VERDICT_TOO_FEW ? change.to_wave : "");
      row[3] = format_figure (change.from_gap);
      row[4] = format_figure (change.to_gap);
      row[5] = format_figure (change.change);
      row[6] = format_figure (change.ci_low);
      row[7] = format_figure (change.ci_high);
      row[8] = g_strdup (tandem_verdict_to_string (change.verdict));
      g_ptr_array_add (rows, row);
    }
  return tandem_report_format_table (rows, format);
}

/**
 * tandem_report_impact:
 * @grouping: "department" or "role"
 * @from_wave: (nullable): the earlier wave; %NULL for the first
 * @to_wave: (nullable): the later wave; %NULL for the latest
 * @threshold: the anonymity threshold
 *
 * Did the programs work? One row per group: group, people,
 * completed_pct, tool_access_pct, then for each dimension D_n_from,
 * D_n_to (ICs who answered), D_change, D_ci_low, D_ci_high (the change in
 * ICs' favourable share, in points, with its 95% interval), and status
 * (`suppressed` when the group has fewer people than the threshold: only
 * its size is shown). A share under the threshold leaves its change empty.
 * This is association, not cause.
 */
char *
tandem_report_impact (TandemStore         *store,
                      const char          *grouping,
                      const char          *from_wave,
                      const char          *to_wave,
                      guint                threshold,
                      TandemReportFormat   format,
                      GError             **error)
{
  g_autoptr(GPtrArray) impact = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GPtrArray *header;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if (!(impact = tandem_stats_impact (store, grouping, from_wave, to_wave, threshold, NULL, NULL, error)))
    return NULL;

  header = g_ptr_array_new ();
  g_ptr_array_add (header, g_strdup ("group"));
  g_ptr_array_add (header, g_strdup ("people"));
  g_ptr_array_add (header, g_strdup ("completed_pct"));
  g_ptr_array_add (header, g_strdup ("tool_access_pct"));
  for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      static const char * const suffixes[] = { "_n_from", "_n_to", "_change", "_ci_low", "_ci_high" };

      for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
        g_ptr_array_add (header, g_strconcat (tandem_dimension_to_string (d), suffixes[k], NULL));
    }
  g_ptr_array_add (header, g_strdup ("status"));
  g_ptr_array_add (header, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (header, FALSE));

  for (guint i = 0; i < impact->len; i++)
    {
      TandemImpactRow *r = g_ptr_array_index (impact, i);
      GPtrArray *row = g_ptr_array_new ();

      g_ptr_array_add (row, g_strdup (r->group));
      g_ptr_array_add (row, g_strdup_printf ("%u", r->people));
      g_ptr_array_add (row, format_figure (r->completed_pct));
      g_ptr_array_add (row, format_figure (r->tool_access_pct));
      for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
        {
          g_ptr_array_add (row, g_strdup_printf ("%u", r->from[d].n));
          g_ptr_array_add (row, g_strdup_printf ("%u", r->to[d].n));
          g_ptr_array_add (row, format_figure (r->change[d]));
          g_ptr_array_add (row, format_figure (r->ci_low[d]));
          g_ptr_array_add (row, format_figure (r->ci_high[d]));
        }
      g_ptr_array_add (row, g_strdup (r->suppressed ? "suppressed" : "ok"));
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
    }
  return tandem_report_format_table (rows, format);
}

/**
 * tandem_report_competencies:
 * @by: %TANDEM_GROUP_BY_ROLE or %TANDEM_GROUP_BY_DEPARTMENT
 * @threshold: groups with fewer active people are shown together, last
 *
 * Where each group stands against its AI-literacy targets: group,
 * competency, target_level, people (active, whose role sets that target),
 * at_target (a completed program brought them to it or above) and
 * at_target_pct.
 */
char *
tandem_report_competencies (TandemStore         *store,
                            TandemGroupBy        by,
                            guint                threshold,
                            TandemReportFormat   format,
                            GError             **error)
{
  static const char * const header[] = {
    "group", "competency", "target_level", "people", "at_target", "at_target_pct", NULL,
  };
  g_autoptr(GPtrArray) standing = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  g_return_val_if_fail (by == TANDEM_GROUP_BY_ROLE || by == TANDEM_GROUP_BY_DEPARTMENT, NULL);

  standing = tandem_competency_standing (store, by == TANDEM_GROUP_BY_ROLE, threshold, 0, error);
  if (standing == NULL)
    return NULL;

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  for (guint i = 0; i < standing->len; i++)
    {
      TandemStanding *s = g_ptr_array_index (standing, i);
      char **row = g_new0 (char *, 7);

      row[0] = g_strdup (s->group);
      row[1] = g_strdup (s->competency);
      row[2] = g_strdup_printf ("%u", s->target);
      row[3] = g_strdup_printf ("%u", s->people);
      row[4] = g_strdup_printf ("%u", s->at_target);
      row[5] = tandem_report_format_ratio (s->at_target, s->people, 100.0);
      g_ptr_array_add (rows, row);
    }
  return tandem_report_format_table (rows, format);
}
