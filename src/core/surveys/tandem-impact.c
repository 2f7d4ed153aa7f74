/* tandem-impact.c — did the programs work? Completion against the change in ICs' answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per department or role: the share of active people who had completed an
 * AI-literacy program by the later wave, the share with tool access, and
 * how the individual contributors' favourable share moved on each
 * dimension between two waves, with its 95% interval. This shows
 * association, not cause: a group that trained more may differ in other
 * ways too, and the figures say so.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-impact.h"
#include "tandem-store-dialect.h"
#include "tandem-store-private.h"
#include "tandem-verdict.h"

/* Active people per group: how many, how many had completed a program by
 * $1 (a completion without a date counts), how many have tool access. */
#define IMPACT_PEOPLE_SQL(table, column) \
  "SELECT g.id, g.name, count (*)," \
  "       count (*) FILTER (WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.person_id = p.id" \
  "                                          AND e.status = 'completed'" \
  "                                          AND coalesce (e.completed_on, '') <= $1))," \
  "       count (*) FILTER (WHERE p.has_tool_access = 1)" \
  "  FROM " table " g JOIN person p ON p." column " = g.id AND p.active = 1" \
  " GROUP BY g.id, g.name" \
  " ORDER BY g.name COLLATE NOCASE"

void
tandem_impact_row_free (TandemImpactRow *row)
{
  if (row == NULL)
    return;
  g_free (row->group);
  g_free (row);
}

typedef struct
{
  gint64  id;
  char   *title;
  char   *fielded_on;
} Wave;

static void
wave_clear (Wave *wave)
{
  g_clear_pointer (&wave->title, g_free);
  g_clear_pointer (&wave->fielded_on, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wave, wave_clear)

/* The wave called @title, or the first (@latest FALSE) or latest wave. */
static gboolean
find_wave (TandemStore  *store,
           const char   *title,
           gboolean      latest,
           Wave         *out_wave,
           GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  if (title != NULL)
    stmt = tandem_store_prepare (store, "SELECT id, title, fielded_on FROM survey_wave WHERE title = $1", error);
  else if (latest)
    stmt = tandem_store_prepare (store, "SELECT id, title, fielded_on FROM survey_wave"
                                        " ORDER BY fielded_on DESC, id DESC LIMIT 1", error);
  else
    stmt = tandem_store_prepare (store, "SELECT id, title, fielded_on FROM survey_wave"
                                        " ORDER BY fielded_on, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (title != NULL)
    tandem_stmt_bind_text (stmt, 1, title);

  step = tandem_stmt_step (stmt, error);
  if (step == TANDEM_STEP_ERROR)
    return FALSE;
  if (step == TANDEM_STEP_DONE)
    {
      if (title != NULL)
        g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                     _("There is no survey wave “%s”; name one as report gaps lists them."), title);
      else
        g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                             _("There are no survey waves yet; import responses first."));
      return FALSE;
    }
  out_wave->id = tandem_stmt_get_int64 (stmt, 0);
  out_wave->title = g_strdup (tandem_stmt_get_text (stmt, 1));
  out_wave->fielded_on = g_strdup (tandem_stmt_get_text (stmt, 2));
  return TRUE;
}

/* What ic_tallies () keeps for a group, per dimension. */
enum { TALLY_ANSWERED, TALLY_FAVOURABLE, TALLY_HIDDEN, TALLY_N };

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = **(gint64 * const *)a, y = **(gint64 * const *)b;

  return x < y ? -1 : x > y;
}

/* The groups together make the ICs' total, which the gap charts show:
 * each question's shares are guarded against subtraction, the groups in
 * the order of their ids, as the team server guards them. */
static void
guard_tallies (GHashTable *tallies,
               guint       threshold)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_sized_new (g_hash_table_size (tallies));
  g_autoptr(GArray) column = g_array_sized_new (FALSE, TRUE, sizeof (TandemShare), ids->len);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_sort (ids, compare_ids);
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      g_array_set_size (column, ids->len);
      for (guint i = 0; i < ids->len; i++)
        {
          const guint *counts = g_hash_table_lookup (tallies, g_ptr_array_index (ids, i));

          tandem_share_init (&g_array_index (column, TandemShare, i), counts[TALLY_N * d + TALLY_ANSWERED],
                             counts[TALLY_N * d + TALLY_FAVOURABLE], threshold);
        }
      tandem_stats_suppress_complements ((TandemShare *)(void *)column->data, column->len, threshold);
      for (guint i = 0; i < ids->len; i++)
        {
          guint *counts = g_hash_table_lookup (tallies, g_ptr_array_index (ids, i));

          counts[TALLY_N * d + TALLY_HIDDEN] = g_array_index (column, TandemShare, i).suppressed;
        }
    }
}

/* The ICs' answers of @wave by group: group id → guint[TALLY_N ×
 * dimensions], guarded. */
static GHashTable *
ic_tallies (TandemStore  *store,
            const char   *grouping,
            gint64        wave_id,
            guint         threshold,
            GError      **error)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_IC_TALLIES), error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, wave_id);
  tandem_stmt_bind_text (stmt, 2, grouping);
  tandem_stmt_bind_int (stmt, 3, (int)threshold);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      gint64 group = tandem_stmt_get_int64 (stmt, 0);
      TandemDimension dimension;
      guint *counts = g_hash_table_lookup (tallies, &group);

      if (!tandem_dimension_from_string (tandem_stmt_get_text (stmt, 1), &dimension))
        continue;
      if (counts == NULL)
        {
          counts = g_new0 (guint, TALLY_N * TANDEM_N_DIMENSIONS);
          g_hash_table_insert (tallies, g_memdup2 (&group, sizeof group), counts);
        }
      counts[TALLY_N * dimension + TALLY_ANSWERED] = (guint)tandem_stmt_get_int (stmt, 2);
      counts[TALLY_N * dimension + TALLY_FAVOURABLE] = (guint)tandem_stmt_get_int (stmt, 3);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  guard_tallies (tallies, threshold);
  return g_steal_pointer (&tallies);
}

static void
set_shares (TandemShare *shares,
            GHashTable  *tallies,
            gint64       group,
            guint        threshold)
{
  const guint *counts = g_hash_table_lookup (tallies, &group);

  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      gboolean hidden = counts != NULL && counts[TALLY_N * d + TALLY_HIDDEN];

      tandem_share_init (&shares[d], counts ? counts[TALLY_N * d + TALLY_ANSWERED] : 0,
                         counts && !hidden ? counts[TALLY_N * d + TALLY_FAVOURABLE] : 0,
                         hidden ? G_MAXUINT : threshold);
    }
}

/**
 * tandem_stats_impact:
 * @grouping: "department" or "role"
 * @from_wave: (nullable): the earlier wave's title; %NULL for the first wave
 * @to_wave: (nullable): the later wave's title; %NULL for the latest
 * @threshold: the anonymity threshold, for people and for answers alike
 * @out_from: (out) (optional): the earlier wave's title
 * @out_to: (out) (optional): the later wave's title
 *
 * Completion and tool access against the change in ICs' favourable share,
 * one row per group with active people, by name. A group with fewer
 * people than @threshold shows only its size; a share with fewer answers
 * than @threshold is hidden, and so is the change that needs it.
 *
 * Returns: (transfer full) (element-type TandemImpactRow): the rows, or
 *   %NULL with @error set (no waves, or a wave named that does not exist)
 */
GPtrArray *
tandem_stats_impact (TandemStore  *store,
                     const char   *grouping,
                     const char   *from_wave,
                     const char   *to_wave,
                     guint         threshold,
                     char        **out_from,
                     char        **out_to,
                     GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_impact_row_free);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(TandemStmt) stmt = NULL;
  g_auto(Wave) from = { 0, };
  g_auto(Wave) to = { 0, };
  gboolean by_role;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (grouping, "department") == 0 || g_strcmp0 (grouping, "role") == 0, NULL);

  by_role = g_str_equal (grouping, "role");
  if (!find_wave (store, from_wave, FALSE, &from, error) ||
      !find_wave (store, to_wave, TRUE, &to, error) ||
      !(before = ic_tallies (store, grouping, from.id, threshold, error)) ||
      !(after = ic_tallies (store, grouping, to.id, threshold, error)))
    return NULL;

  stmt = tandem_store_prepare (store, by_role ? IMPACT_PEOPLE_SQL ("role", "role_id")
                                              : IMPACT_PEOPLE_SQL ("department", "department_id"), error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_text (stmt, 1, to.fielded_on);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemImpactRow *row = g_new0 (TandemImpactRow, 1);
      gint64 group = tandem_stmt_get_int64 (stmt, 0);

      row->group = g_strdup (tandem_stmt_get_text (stmt, 1));
      row->people = (guint)tandem_stmt_get_int (stmt, 2);
      row->suppressed = row->people < threshold;
      row->completed_pct = row->suppressed ? NAN : 100.0 * tandem_stmt_get_int (stmt, 3) / row->people;
      row->tool_access_pct = row->suppressed ? NAN : 100.0 * tandem_stmt_get_int (stmt, 4) / row->people;
      set_shares (row->from, before, group, threshold);
      set_shares (row->to, after, group, threshold);
      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        {
          const TandemShare *a = &row->from[d];
          const TandemShare *b = &row->to[d];

          row->change[d] = from.id != to.id ? b->pct - a->pct : NAN;
          tandem_stats_newcombe (b->pct, b->ci_low, b->ci_high, a->pct, a->ci_low, a->ci_high,
                                 &row->ci_low[d], &row->ci_high[d]);
          if (!isfinite (row->change[d]))
            row->ci_low[d] = row->ci_high[d] = NAN;
        }
      g_ptr_array_add (rows, row);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;

  if (out_from != NULL)
    *out_from = g_strdup (from.title);
  if (out_to != NULL)
    *out_to = g_strdup (to.title);
  return g_steal_pointer (&rows);
}
