/* tandem-gap-heatmap.c — the executive–IC gap per department or role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where in the organisation do executives and individual contributors see
 * AI differently? For each department (or role), the favourable share of
 * its executives and of its ICs on each question, and the gap between
 * them with its 95% interval. A side under the anonymity threshold is
 * hidden, with the group's other side, and so are as many more of the same
 * level as it takes to keep a hidden one from being worked out from
 * everyone's figure.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-gap-heatmap.h"
#include "tandem-store-dialect.h"
#include "tandem-store-private.h"
#include "tandem-verdict.h"

void
tandem_gap_row_free (TandemGapRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

static guint
row_size (const TandemGapRow *row)
{
  guint most = 0;

  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    most = MAX (most, row->leaders[d].n + row->ics[d].n);
  return most;
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b)
{
  guint na = row_size (*(TandemGapRow * const *)a);
  guint nb = row_size (*(TandemGapRow * const *)b);

  return na > nb ? -1 : na < nb;
}

/* Everyone first, then by name, and the rest together last. */
static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const TandemGapRow *ra = *(TandemGapRow * const *)a, *rb = *(TandemGapRow * const *)b;

  if (ra->group_id != rb->group_id && (ra->group_id < 0 || rb->group_id < 0))
    return ra->group_id < 0 ? -1 : 1;
  if (ra->group_id != rb->group_id && (ra->group_id == G_MAXINT64 || rb->group_id == G_MAXINT64))
    return ra->group_id == G_MAXINT64 ? 1 : -1;
  return g_utf8_collate (ra->name, rb->name);
}

static void
hide_share (TandemShare *share)
{
  share->suppressed = TRUE;
  share->favourable = 0;
  share->pct = share->ci_low = share->ci_high = NAN;
}

/* Guards one level's column of shares, groups only, against subtraction. */
static void
guard_column (GPtrArray *rows,
              guint      d,
              gboolean   leaders,
              guint      threshold)
{
  g_autoptr(GArray) column = g_array_new (FALSE, FALSE, sizeof (TandemShare));

  for (guint r = 1; r < rows->len; r++)
    {
      TandemGapRow *row = g_ptr_array_index (rows, r);
      TandemShare *share = leaders ? &row->leaders[d] : &row->ics[d];

      g_array_append_vals (column, share, 1);
    }
  tandem_stats_suppress_complements ((TandemShare *)(void *)column->data, column->len, threshold);
  for (guint r = 1; r < rows->len; r++)
    {
      TandemGapRow *row = g_ptr_array_index (rows, r);

      if (leaders)
        row->leaders[d] = g_array_index (column, TandemShare, r - 1);
      else
        row->ics[d] = g_array_index (column, TandemShare, r - 1);
    }
}

/**
 * tandem_stats_gap_heatmap:
 * @grouping: "department" or "role"
 * @wave: (nullable): the wave's title; %NULL for the latest
 * @max_rows: how many groups at most (0: all); the smallest beyond are
 *   shown together, last
 * @out_wave: (out) (optional) (transfer full): the wave's title
 *
 * Returns: (transfer full) (element-type TandemGapRow): everyone, then the
 *   groups by name; empty when there are no waves
 */
GPtrArray *
tandem_stats_gap_heatmap (TandemStore  *store,
                          const char   *grouping,
                          const char   *wave,
                          guint         threshold,
                          guint         max_rows,
                          char        **out_wave,
                          GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_gap_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(GPtrArray) smallest = NULL;
  TandemGapRow *everyone;
  gboolean is_role;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (grouping, "department") == 0 || g_strcmp0 (grouping, "role") == 0, NULL);

  is_role = g_str_equal (grouping, "role");
  stmt = tandem_store_prepare (store,
                               tandem_store_get_sql (store, is_role ? TANDEM_SQL_GAP_HEATMAP_ROLE
                                                                    : TANDEM_SQL_GAP_HEATMAP_DEPARTMENT),
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_text (stmt, 1, grouping);
  tandem_stmt_bind_int (stmt, 2, (int)threshold);
  tandem_stmt_bind_text (stmt, 3, wave);
  tandem_stmt_bind_int (stmt, 4, (int)max_rows);

  everyone = g_new0 (TandemGapRow, 1);
  everyone->name = g_strdup (_("Everyone"));
  everyone->group_id = -1;
  g_ptr_array_add (rows, everyone);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      gint64 id = tandem_stmt_get_int64 (stmt, 1);
      const char *name = tandem_stmt_get_text (stmt, 2);
      gboolean leaders = g_str_equal (tandem_stmt_get_text (stmt, 4), "executive");
      TandemDimension dimension;
      TandemGapRow *row;
      TandemShare *share;

      if (out_wave != NULL && *out_wave == NULL)
        *out_wave = g_strdup (tandem_stmt_get_text (stmt, 0));
      if (!tandem_dimension_from_string (tandem_stmt_get_text (stmt, 3), &dimension))
        continue;
      if (g_str_equal (tandem_stmt_get_text (stmt, 7), "all"))
        row = everyone;
      else if ((row = g_hash_table_lookup (by_id, &id)) == NULL)
        {
          row = g_new0 (TandemGapRow, 1);
          row->group_id = id;
          row->name = *name != '\0' ? g_strdup (name) : g_strdup (is_role ? _("No role") : _("No department"));
          g_ptr_array_add (rows, row);
          g_hash_table_insert (by_id, &row->group_id, row);
        }
      /* Raw counts for now; the shares are made below. */
      share = leaders ? &row->leaders[dimension] : &row->ics[dimension];
      share->n = (guint)tandem_stmt_get_int (stmt, 5);
      share->favourable = (guint)tandem_stmt_get_int (stmt, 6);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  if (rows->len == 1 && row_size (everyone) == 0)
    {
      g_ptr_array_set_size (rows, 0);
      return g_steal_pointer (&rows);
    }

  /* Beyond @max_rows groups, the smallest are shown together as one. */
  if ((smallest = tandem_stats_smallest_groups (rows, max_rows, compare_by_size)) != NULL)
    {
      TandemGapRow *rest = g_new0 (TandemGapRow, 1);

      for (guint r = 0; r < smallest->len; r++)
        {
          TandemGapRow *row = g_ptr_array_index (smallest, r);

          for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
            {
              rest->leaders[d].n += row->leaders[d].n;
              rest->leaders[d].favourable += row->leaders[d].favourable;
              rest->ics[d].n += row->ics[d].n;
              rest->ics[d].favourable += row->ics[d].favourable;
            }
          g_ptr_array_remove (rows, row);   /* frees it */
        }
      rest->group_id = G_MAXINT64;
      rest->name = tandem_stats_other_groups (is_role, smallest->len);
      g_ptr_array_add (rows, rest);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      TandemGapRow *row = g_ptr_array_index (rows, r);

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        {
          tandem_share_init (&row->leaders[d], row->leaders[d].n, row->leaders[d].favourable, threshold);
          tandem_share_init (&row->ics[d], row->ics[d].n, row->ics[d].favourable, threshold);
        }
    }
  /* The heatmap of every level shows each group's executives, managers
   * and ICs together: with one level of a group hidden here and the other
   * shown, the difference would give the hidden one away (exactly so in a
   * group without managers). So a group's two levels are hidden together,
   * everyone's included. */
  for (guint r = 0; r < rows->len; r++)
    {
      TandemGapRow *row = g_ptr_array_index (rows, r);

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        if ((row->leaders[d].n > 0 && row->leaders[d].suppressed) || (row->ics[d].n > 0 && row->ics[d].suppressed))
          {
            hide_share (&row->leaders[d]);
            hide_share (&row->ics[d]);
          }
    }
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      guard_column (rows, d, TRUE, threshold);
      guard_column (rows, d, FALSE, threshold);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      TandemGapRow *row = g_ptr_array_index (rows, r);

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        {
          TandemShare *a = &row->leaders[d], *b = &row->ics[d];

          row->gap[d] = row->gap_low[d] = row->gap_high[d] = NAN;
          if (isnan (a->pct) || isnan (b->pct))
            continue;
          row->gap[d] = a->pct - b->pct;
          tandem_stats_newcombe (a->pct, a->ci_low, a->ci_high, b->pct, b->ci_low, b->ci_high,
                                 &row->gap_low[d], &row->gap_high[d]);
        }
    }

  /* Guarded in the order read, as the team server guards them; shown by name. */
  g_ptr_array_sort (rows, compare_by_name);
  return g_steal_pointer (&rows);
}
