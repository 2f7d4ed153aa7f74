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

/* How many people a row's bars are about: a completion share is of those
 * enrolled, a tool-access share of everyone. */
static guint
row_size (const TandemGroupRow *row)
{
  return MIN (row->people, row->enrolled);
}

/* Keeps the largest groups of at least @threshold people (by row_size(),
 * so that no bar tells one person's status) and sums the others into one
 * row, which is returned in @out_rest; a rest smaller than @threshold is
 * left out, as it would tell on its few people too. */
static GPtrArray *
keep_largest (GPtrArray        *rows,
              gboolean          roles,
              guint             threshold,
              TandemGroupRow  **out_rest)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_group_row_free);
  TandemGroupRow *rest = g_new0 (TandemGroupRow, 1);
  guint n_big = 0, n_rest = 0, room;

  *out_rest = NULL;
  g_ptr_array_sort (rows, compare_size);
  for (guint i = 0; i < rows->len; i++)
    n_big += row_size (g_ptr_array_index (rows, i)) >= threshold;
  /* Every row fits when none folds; else one row is kept for the rest. */
  room = n_big == rows->len && rows->len <= MAX_ROWS ? MAX_ROWS : MAX_ROWS - 1;

  for (guint i = 0, shown = 0; i < rows->len; i++)
    {
      TandemGroupRow *row = g_ptr_array_index (rows, i);

      if (row_size (row) >= threshold && shown < room)
        {
          TandemGroupRow *copy = g_memdup2 (row, sizeof *row);

          copy->group = g_strdup (row->group);
          g_ptr_array_add (kept, copy);
          shown++;
          continue;
        }
      rest->people += row->people;
      rest->enrolled += row->enrolled;
      rest->completed += row->completed;
      rest->tool_access += row->tool_access;
      rest->champions += row->champions;
      n_rest++;
    }

  if (n_rest == 0 || row_size (rest) < threshold)
    {
      tandem_group_row_free (rest);
      return kept;
    }
  if (roles)
    /* Translators: one row of a chart standing for the smaller roles; %u is how many */
    rest->group = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other role", "%u other roles", n_rest),
                                   n_rest);
  else
    /* Translators: one row of a chart standing for the smaller departments; %u is how many */
    rest->group = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other department", "%u other departments",
                                                n_rest), n_rest);
  g_ptr_array_add (kept, rest);
  *out_rest = rest;
  return kept;
}

/* Sorts @rows with @compare, the "other roles" row always last. */
static void
sort_rest_last (GPtrArray      *rows,
                GCompareFunc    compare,
                TandemGroupRow *rest)
{
  guint index;

  if (rest != NULL && g_ptr_array_find (rows, rest, &index))
    {
      g_ptr_array_steal_index (rows, index);
      g_ptr_array_sort (rows, compare);
      g_ptr_array_add (rows, rest);
      return;
    }
  g_ptr_array_sort (rows, compare);
}

static char *
group_label (const TandemGroupRow *row,
             const char           *none)
{
  g_autofree char *people = tandem_format_count (row->people);

  /* Translators: a row of a chart: a role or department and how many people it has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s person)", "%s (%s people)", row->people),
                          *row->group ? row->group : none, people);
}

static TandemChart *
new_completion (TandemStore  *store,
                guint         threshold,
                GError      **error)
{
  g_autoptr(GPtrArray) all = tandem_report_group_rows (store, TANDEM_GROUP_BY_ROLE, error);
  g_autoptr(GPtrArray) rows = NULL;
  TandemGroupRow *rest;
  TandemChart *chart;
  guint completion, access;

  if (all == NULL)
    return NULL;
  rows = keep_largest (all, TRUE, threshold, &rest);
  sort_rest_last (rows, compare_completion, rest);

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
  if (rows->len < all->len)
    {
      g_autofree char *note = g_strdup_printf (_("Active people only; roles with fewer than %u enrolled are shown "
                                                 "together, or left out when even together they are fewer. "
                                                 "Completed: of those enrolled and not dropped."),
                                               threshold);

      tandem_chart_set_note (chart, all->len > MAX_ROWS && rest != NULL
                             ? _("Active people only; the largest roles, the rest together. "
                                 "Completed: of those enrolled and not dropped.")
                             : note);
    }
  else
    tandem_chart_set_note (chart, _("Active people only. Completed: of those enrolled in a program they did not drop."));
  return chart;
}

static TandemChart *
new_champions (TandemStore  *store,
               GError      **error)
{
  g_autoptr(GPtrArray) all = tandem_report_group_rows (store, TANDEM_GROUP_BY_DEPARTMENT, error);
  g_autoptr(GPtrArray) rows = NULL;
  TandemGroupRow *rest;
  TandemChart *chart;
  guint champions, target;
  double most = 1;
  double step;

  if (all == NULL)
    return NULL;
  /* Being a champion is a public role: small departments keep their row. */
  rows = keep_largest (all, FALSE, 0, &rest);
  sort_rest_last (rows, compare_coverage, rest);

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
 * @threshold: the anonymity threshold: a role with fewer enrolled people
 *   joins "other roles" in the completion chart, so that no bar tells one
 *   person's status (the champions chart shows every department)
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_program (TandemStore         *store,
                          TandemProgramChart   which,
                          guint                threshold,
                          GError             **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (which < TANDEM_N_PROGRAM_CHARTS, NULL);

  if (which == TANDEM_PROGRAM_CHART_COMPLETION)
    return new_completion (store, threshold, error);
  return new_champions (store, error);
}

/**
 * tandem_chart_new_program_by_role:
 *
 * One program's completion by role: of each role's enrolled people (not
 * dropped), the share who completed it. Roles with fewer than @threshold
 * enrolled share one row, as in tandem_chart_new_program().
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_program_by_role (TandemStore  *store,
                                  gint64        program_id,
                                  guint         threshold,
                                  GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_group_row_free);
  g_autoptr(GPtrArray) rows = NULL;
  TandemGroupRow *rest;
  guint series;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               "SELECT coalesce (r.name, ''), count (*),"
                               "       count (*) FILTER (WHERE e.status = 'completed')"
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
  rows = keep_largest (all, TRUE, threshold, &rest);
  sort_rest_last (rows, compare_completion, rest);

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
  if (all->len > MAX_ROWS && rest != NULL)
    tandem_chart_set_note (chart, _("The largest roles, the rest together; people who dropped out are left out."));
  else if (rows->len < all->len)
    {
      g_autofree char *note = g_strdup_printf (_("Roles with fewer than %u enrolled are shown together, or left out "
                                                 "when even together they are fewer; people who dropped out are "
                                                 "left out."),
                                               threshold);

      tandem_chart_set_note (chart, note);
    }
  return g_steal_pointer (&chart);
}
