/* tandem-program-charts.c — how far the programs reach, and the champion network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Horizontal bars, one row per role or department, sorted so the group
 * that needs attention is easy to find. Every label carries its group's
 * size, so a 100 % of three people is not mistaken for a 100 % of three
 * hundred.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-program-charts.h"
#include "tandem-report.h"
#include "tandem-store-private.h"

static int
compare_completion (gconstpointer a,
                    gconstpointer b)
{
  const TandemGroupRow *x = *(TandemGroupRow * const *)a;
  const TandemGroupRow *y = *(TandemGroupRow * const *)b;
  double px = x->enrolled ? (double)x->completed / x->enrolled : -1;
  double py = y->enrolled ? (double)y->completed / y->enrolled : -1;

  if (px != py)
    return px < py ? 1 : -1;
  return g_utf8_collate (x->group, y->group);
}

static int
compare_coverage (gconstpointer a,
                  gconstpointer b)
{
  const TandemGroupRow *x = *(TandemGroupRow * const *)a;
  const TandemGroupRow *y = *(TandemGroupRow * const *)b;
  int short_x = (int)tandem_champion_target (x->people) - (int)x->champions;
  int short_y = (int)tandem_champion_target (y->people) - (int)y->champions;

  /* Most short first. */
  if (short_x != short_y)
    return short_x < short_y ? 1 : -1;
  return g_utf8_collate (x->group, y->group);
}

/* A chart stays readable with a dozen rows: the largest groups keep their
 * own row and the rest share one. */
#define MAX_ROWS 12

static int
compare_size (gconstpointer a,
              gconstpointer b)
{
  const TandemGroupRow *x = *(TandemGroupRow * const *)a;
  const TandemGroupRow *y = *(TandemGroupRow * const *)b;

  if (x->people != y->people)
    return x->people < y->people ? 1 : -1;
  return g_utf8_collate (x->group, y->group);
}

/* Keeps the MAX_ROWS - 1 largest groups and sums the others into one row. */
static GPtrArray *
keep_largest (GPtrArray *rows,
              gboolean   roles)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_group_row_free);
  TandemGroupRow *rest;
  guint n_rest;

  g_ptr_array_sort (rows, compare_size);
  for (guint i = 0; i < rows->len; i++)
    {
      TandemGroupRow *row = g_ptr_array_index (rows, i);
      TandemGroupRow *copy;

      if (rows->len > MAX_ROWS && i >= MAX_ROWS - 1)
        break;
      copy = g_memdup2 (row, sizeof *row);
      copy->group = g_strdup (row->group);
      g_ptr_array_add (kept, copy);
    }
  if (rows->len <= MAX_ROWS)
    return kept;

  n_rest = rows->len - (MAX_ROWS - 1);
  rest = g_new0 (TandemGroupRow, 1);
  for (guint i = MAX_ROWS - 1; i < rows->len; i++)
    {
      TandemGroupRow *row = g_ptr_array_index (rows, i);

      rest->people += row->people;
      rest->enrolled += row->enrolled;
      rest->completed += row->completed;
      rest->tool_access += row->tool_access;
      rest->champions += row->champions;
    }
  if (roles)
    /* Translators: one row of a chart standing for the smaller roles; %u is how many */
    rest->group = g_strdup_printf (_("%u other roles"), n_rest);
  else
    /* Translators: one row of a chart standing for the smaller departments; %u is how many */
    rest->group = g_strdup_printf (_("%u other departments"), n_rest);
  g_ptr_array_add (kept, rest);
  return kept;
}

static char *
group_label (const TandemGroupRow *row,
             const char           *none)
{
  /* Translators: a row of a chart: a role or department and how many people it has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u person)", "%s (%u people)", row->people),
                          *row->group ? row->group : none, row->people);
}

static TandemChart *
new_completion (TandemStore  *store,
                GError      **error)
{
  g_autoptr(GPtrArray) all = tandem_report_group_rows (store, TANDEM_GROUP_BY_ROLE, error);
  g_autoptr(GPtrArray) rows = NULL;
  TandemChart *chart;
  guint completion, access;

  if (all == NULL)
    return NULL;
  rows = keep_largest (all, TRUE);
  g_ptr_array_sort (rows, compare_completion);

  chart = tandem_chart_new (_("Completion and tool access by role"));
  tandem_chart_set_subtitle (chart, _("Share of enrolled people who completed a program, "
                                      "and of everyone who has approved AI tools"));
  tandem_chart_set_empty_text (chart, _("No people yet. Import people to see how far the programs reach."));
  tandem_chart_set_kind (chart, TANDEM_CHART_HBARS);
  tandem_chart_set_y_axis (chart, 0, 100, 20, TANDEM_CHART_PERCENT);
  completion = tandem_chart_add_series (chart, _("Completed"));
  access = tandem_chart_add_series (chart, _("Tool access"));

  for (guint i = 0; i < rows->len; i++)
    {
      TandemGroupRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = group_label (row, _("No role"));
      guint c = tandem_chart_add_category (chart, label);

      if (row->enrolled > 0)
        tandem_chart_set_value (chart, completion, c, 100.0 * row->completed / row->enrolled,
                                NAN, NAN, row->enrolled);
      if (row->people > 0)
        tandem_chart_set_value (chart, access, c, 100.0 * row->tool_access / row->people,
                                NAN, NAN, row->people);
    }
  tandem_chart_set_note (chart, all->len > MAX_ROWS
                        ? _("Active people only; the largest roles, the rest together. "
                            "Completed: of those enrolled and not dropped.")
                        : _("Active people only. Completed: of those enrolled in a program they did not drop."));
  return chart;
}

static TandemChart *
new_champions (TandemStore  *store,
               GError      **error)
{
  g_autoptr(GPtrArray) all = tandem_report_group_rows (store, TANDEM_GROUP_BY_DEPARTMENT, error);
  g_autoptr(GPtrArray) rows = NULL;
  TandemChart *chart;
  guint champions, target;
  double most = 1;
  double step;

  if (all == NULL)
    return NULL;
  rows = keep_largest (all, FALSE);
  g_ptr_array_sort (rows, compare_coverage);

  chart = tandem_chart_new (_("AI champions by department"));
  tandem_chart_set_subtitle (chart, _("Champions against the target of one per 25 people"));
  tandem_chart_set_empty_text (chart, _("No people yet. Import people to see the champion network."));
  tandem_chart_set_kind (chart, TANDEM_CHART_HBARS);
  champions = tandem_chart_add_series (chart, _("Champions"));
  target = tandem_chart_add_series (chart, _("Target"));

  for (guint i = 0; i < rows->len; i++)
    {
      TandemGroupRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = group_label (row, _("No department"));
      guint c = tandem_chart_add_category (chart, label);
      guint goal = tandem_champion_target (row->people);

      tandem_chart_set_value (chart, champions, c, row->champions, NAN, NAN, row->people);
      tandem_chart_set_value (chart, target, c, goal, NAN, NAN, row->people);
      most = MAX (most, MAX (row->champions, goal));
    }

  /* About five grid lines at round numbers. */
  step = MAX (1.0, pow (10, floor (log10 (most / 5.0))));
  while (most / step > 8)
    step *= 2;
  tandem_chart_set_y_axis (chart, 0, ceil (most / step) * step, step, TANDEM_CHART_NUMBER);
  tandem_chart_set_note (chart, _("Active people only. The target is one champion per 25 people, rounded up; "
                                  "departments furthest short come first."));
  return chart;
}

/**
 * tandem_chart_new_program:
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_program (TandemStore         *store,
                          TandemProgramChart   which,
                          GError             **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (which < TANDEM_N_PROGRAM_CHARTS, NULL);

  if (which == TANDEM_PROGRAM_CHART_COMPLETION)
    return new_completion (store, error);
  return new_champions (store, error);
}

/**
 * tandem_chart_new_program_by_role:
 *
 * One program's completion by role: of each role's enrolled people (not
 * dropped), the share who completed it.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_program_by_role (TandemStore  *store,
                                  gint64        program_id,
                                  GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_group_row_free);
  g_autoptr(GPtrArray) rows = NULL;
  guint series;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               "SELECT coalesce (r.name, ''), count (*),"
                               "       sum (e.status = 'completed')"
                               "  FROM enrollment e JOIN person p ON p.id = e.person_id"
                               "  LEFT JOIN role r ON r.id = p.role_id"
                               " WHERE e.program_id = $1 AND e.status <> 'dropped'"
                               " GROUP BY 1",
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, program_id);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemGroupRow *row = g_new0 (TandemGroupRow, 1);

      row->group = g_strdup (tandem_stmt_get_text (stmt, 0));
      row->people = row->enrolled = (guint)tandem_stmt_get_int (stmt, 1);
      row->completed = (guint)tandem_stmt_get_int (stmt, 2);
      g_ptr_array_add (all, row);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  rows = keep_largest (all, TRUE);
  g_ptr_array_sort (rows, compare_completion);

  chart = tandem_chart_new (_("Completion by role"));
  tandem_chart_set_empty_text (chart, _("Nobody is enrolled yet."));
  tandem_chart_set_kind (chart, TANDEM_CHART_HBARS);
  tandem_chart_set_y_axis (chart, 0, 100, 20, TANDEM_CHART_PERCENT);
  series = tandem_chart_add_series (chart, _("Completed"));
  for (guint i = 0; i < rows->len; i++)
    {
      TandemGroupRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = group_label (row, _("No role"));
      guint c = tandem_chart_add_category (chart, label);

      tandem_chart_set_value (chart, series, c, 100.0 * row->completed / row->enrolled, NAN, NAN, row->enrolled);
    }
  if (all->len > MAX_ROWS)
    tandem_chart_set_note (chart, _("The largest roles, the rest together; people who dropped out are left out."));
  return g_steal_pointer (&chart);
}
