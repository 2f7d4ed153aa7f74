/* tandem-coaching-charts.c — what reverse mentoring looks like over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three charts over the last twelve months: sessions logged per month, the
 * share of active pairs on cadence at each month's end, and how confident
 * executives felt before and after their sessions. Private notes play no
 * part in any of them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-coaching-charts.h"
#include "tandem-pair.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

typedef struct
{
  gint64  id;
  GDate   started;
  GDate   ended;       /* invalid while the pair is active */
  guint   cadence;
  GArray *sessions;    /* of GDate, oldest first */
} PairHistory;

static void
pair_history_free (PairHistory *pair)
{
  g_array_unref (pair->sessions);
  g_free (pair);
}

static GPtrArray *
load_histories (TandemStore  *store,
                GError      **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify)pair_history_free);
  g_autoptr(TandemStmt) stmt = NULL;
  PairHistory *current = NULL;
  TandemStep step;

  stmt = tandem_store_prepare (store,
                               "SELECT mp.id, mp.started_on, coalesce (mp.ended_on, ''), mp.cadence_days,"
                               "       s.held_on"
                               "  FROM mentoring_pair mp"
                               "  LEFT JOIN coaching_session s ON s.pair_id = mp.id"
                               " ORDER BY mp.id, s.held_on",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      gint64 id = tandem_stmt_get_int64 (stmt, 0);

      if (current == NULL || current->id != id)
        {
          g_autoptr(GDate) started = tandem_date_parse_iso (tandem_stmt_get_text (stmt, 1));
          g_autoptr(GDate) ended = tandem_date_parse_iso (tandem_stmt_get_text (stmt, 2));

          if (started == NULL)
            continue;
          current = g_new0 (PairHistory, 1);
          current->id = id;
          current->started = *started;
          g_date_clear (&current->ended, 1);
          if (ended != NULL)
            current->ended = *ended;
          current->cadence = (guint)tandem_stmt_get_int (stmt, 3);
          current->sessions = g_array_new (FALSE, FALSE, sizeof (GDate));
          g_ptr_array_add (pairs, current);
        }

      if (!tandem_stmt_get_is_null (stmt, 4))
        {
          g_autoptr(GDate) held = tandem_date_parse_iso (tandem_stmt_get_text (stmt, 4));

          if (held != NULL)
            g_array_append_val (current->sessions, *held);
        }
    }

  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&pairs);
}

/* The first and last day of the month @back months before @today's; the
 * current month ends today. */
static void
month_bounds (const GDate *today,
              guint        back,
              GDate       *first,
              GDate       *last)
{
  *first = *today;
  g_date_set_day (first, 1);
  g_date_subtract_months (first, back);
  *last = *first;
  g_date_add_months (last, 1);
  g_date_subtract_days (last, 1);
  if (g_date_compare (last, today) > 0)
    *last = *today;
}

static char *
month_label (const GDate *first)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (first), g_date_get_month (first),
                                                     1, 12, 0, 0);

  /* Translators: a month on a chart axis, strftime format, e.g. "Mar 2026" */
  return g_date_time_format (when, _("%b %Y"));
}

static void
add_sessions_per_month (TandemChart *chart,
                        GPtrArray   *pairs,
                        const GDate *today)
{
  guint series = tandem_chart_add_series (chart, _("Sessions"));
  guint most = 0;

  for (guint m = 0; m < TANDEM_COACHING_MONTHS; m++)
    {
      g_autofree char *label = NULL;
      GDate first, last;
      guint n = 0, c;

      month_bounds (today, TANDEM_COACHING_MONTHS - 1 - m, &first, &last);
      label = month_label (&first);
      c = tandem_chart_add_category (chart, label);

      for (guint p = 0; p < pairs->len; p++)
        {
          PairHistory *pair = g_ptr_array_index (pairs, p);

          for (guint s = 0; s < pair->sessions->len; s++)
            {
              GDate *held = &g_array_index (pair->sessions, GDate, s);

              if (g_date_compare (held, &first) >= 0 && g_date_compare (held, &last) <= 0)
                n++;
            }
        }
      most = MAX (most, n);
      tandem_chart_set_value (chart, series, c, n, NAN, NAN, n);
    }

  /* A round top above the busiest month. */
  {
    double step = most <= 10 ? 2 : most <= 25 ? 5 : most <= 50 ? 10 : ceil (most / 50.0) * 10;

    tandem_chart_set_y_axis (chart, 0, MAX (step * 2, ceil ((most + 1) / step) * step), step,
                             TANDEM_CHART_NUMBER);
  }
}

static void
add_cadence_share (TandemChart *chart,
                   GPtrArray   *pairs,
                   const GDate *today)
{
  guint series = tandem_chart_add_series (chart, _("Pairs on cadence"));

  for (guint m = 0; m < TANDEM_COACHING_MONTHS; m++)
    {
      g_autofree char *label = NULL;
      guint active = 0, on_cadence = 0, c;
      GDate first, last;

      month_bounds (today, TANDEM_COACHING_MONTHS - 1 - m, &first, &last);
      label = month_label (&first);
      c = tandem_chart_add_category (chart, label);

      for (guint p = 0; p < pairs->len; p++)
        {
          PairHistory *pair = g_ptr_array_index (pairs, p);
          const GDate *latest = NULL;
          GDate due;

          if (g_date_compare (&pair->started, &last) > 0 ||
              (g_date_valid (&pair->ended) && g_date_compare (&pair->ended, &last) <= 0))
            continue;

          for (guint s = 0; s < pair->sessions->len; s++)
            if (g_date_compare (&g_array_index (pair->sessions, GDate, s), &last) <= 0)
              latest = &g_array_index (pair->sessions, GDate, s);

          active++;
          if (tandem_pair_status_compute (&pair->started, latest, pair->cadence, &last, &due)
              != TANDEM_PAIR_OVERDUE)
            on_cadence++;
        }

      tandem_chart_set_value (chart, series, c, active ? 100.0 * on_cadence / active : NAN,
                              NAN, NAN, active);
    }
}

static gboolean
add_confidence (TandemChart  *chart,
                TandemStore  *store,
                const GDate  *today,
                GError      **error)
{
  guint before = tandem_chart_add_series (chart, _("Before the session"));
  guint after = tandem_chart_add_series (chart, _("After the session"));
  g_autoptr(TandemStmt) stmt = NULL;

  stmt = tandem_store_prepare (store,
                               "SELECT count (*), avg (confidence_before), avg (confidence_after)"
                               "  FROM coaching_session"
                               " WHERE held_on BETWEEN $1 AND $2"
                               "   AND confidence_before IS NOT NULL AND confidence_after IS NOT NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  tandem_chart_set_y_axis (chart, 1, 5, 1, TANDEM_CHART_NUMBER);
  /* Translators: the band between confidence before and after a session */
  tandem_chart_set_band (chart, after, before, _("Lift"));

  for (guint m = 0; m < TANDEM_COACHING_MONTHS; m++)
    {
      g_autofree char *label = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      GDate first, last;
      guint n, c;

      month_bounds (today, TANDEM_COACHING_MONTHS - 1 - m, &first, &last);
      label = month_label (&first);
      c = tandem_chart_add_category (chart, label);
      from = tandem_date_to_iso (&first);
      to = tandem_date_to_iso (&last);

      tandem_stmt_reset (stmt);
      tandem_stmt_bind_text (stmt, 1, from);
      tandem_stmt_bind_text (stmt, 2, to);
      if (tandem_stmt_step (stmt, error) != TANDEM_STEP_ROW)
        return FALSE;
      n = (guint)tandem_stmt_get_int (stmt, 0);
      tandem_chart_set_value (chart, before, c, n ? tandem_stmt_get_double (stmt, 1) : NAN, NAN, NAN, n);
      tandem_chart_set_value (chart, after, c, n ? tandem_stmt_get_double (stmt, 2) : NAN, NAN, NAN, n);
    }
  return TRUE;
}

/**
 * tandem_chart_new_coaching:
 * @which: sessions per month, share on cadence, or confidence
 * @today: the last day the charts cover
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_coaching (TandemStore          *store,
                           TandemCoachingChart   which,
                           const GDate          *today,
                           GError              **error)
{
  g_autoptr(TandemChart) chart = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (which < TANDEM_N_COACHING_CHARTS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  switch (which)
    {
    case TANDEM_COACHING_SESSIONS:
      chart = tandem_chart_new (_("Coaching sessions per month"));
      tandem_chart_set_subtitle (chart, _("Across all mentoring pairs, the last twelve months"));
      tandem_chart_set_kind (chart, TANDEM_CHART_BARS);
      break;
    case TANDEM_COACHING_CADENCE:
      chart = tandem_chart_new (_("Pairs on cadence"));
      tandem_chart_set_subtitle (chart, _("Share of active pairs not overdue at each month’s end"));
      tandem_chart_set_note (chart, _("n: active pairs at the month’s end."));
      break;
    case TANDEM_COACHING_CONFIDENCE:
      chart = tandem_chart_new (_("Confidence with AI, before and after sessions"));
      tandem_chart_set_subtitle (chart, _("Average self-rating from 1 (not at all) to 5 (fully), by month"));
      tandem_chart_set_note (chart, _("n: sessions with both ratings."));
      break;
    case TANDEM_N_COACHING_CHARTS:
    default:
      g_assert_not_reached ();
    }
  tandem_chart_set_empty_text (chart, _("No coaching sessions yet. Log the first one with Ctrl+L."));

  if (which == TANDEM_COACHING_CONFIDENCE)
    return add_confidence (chart, store, today, error) ? g_steal_pointer (&chart) : NULL;

  pairs = load_histories (store, error);
  if (pairs == NULL)
    return NULL;

  if (which == TANDEM_COACHING_SESSIONS)
    add_sessions_per_month (chart, pairs, today);
  else
    add_cadence_share (chart, pairs, today);

  return g_steal_pointer (&chart);
}
