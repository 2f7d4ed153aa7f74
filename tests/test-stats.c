/* test-stats.c — shares, intervals, suppression and cadence on worked examples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tandem-pair.h"
#include "tandem-stats.h"
#include "tandem-store-private.h"
#include "tandem-test-util.h"

static void
test_stats_wilson (void)
{
  /* Worked by hand with z = 1.96: centre = (p + z²/2n) / (1 + z²/n),
   * half-width = z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n). */
  static const struct { guint n, k; double low, high; } cases[] = {
    { 10, 5, 23.66, 76.34 },
    { 10, 10, 72.25, 100.0 },
    { 10, 0, 0.0, 27.75 },
    { 100, 61, 51.20, 69.98 },
    { 1, 1, 20.65, 100.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double low, high;

      tandem_stats_wilson (cases[i].n, cases[i].k, &low, &high);
      g_test_message ("%u/%u: %.2f–%.2f", cases[i].k, cases[i].n, low, high);
      g_assert_cmpfloat_with_epsilon (low, cases[i].low, 0.01);
      g_assert_cmpfloat_with_epsilon (high, cases[i].high, 0.01);
    }

  {
    double low, high;

    tandem_stats_wilson (0, 0, &low, &high);
    g_assert_true (isnan (low) && isnan (high));
  }
}

static void
test_stats_share_threshold (void)
{
  TandemShare share;

  /* n = 0: nothing to say. */
  tandem_share_init (&share, 0, 0, 5);
  g_assert_true (isnan (share.pct));
  g_assert_true (share.suppressed);

  /* Just under the threshold: hidden, and nothing derived leaks out. */
  tandem_share_init (&share, 4, 3, 5);
  g_assert_true (share.suppressed);
  g_assert_true (isnan (share.pct) && isnan (share.ci_low) && isnan (share.ci_high));
  g_assert_cmpuint (share.favourable, ==, 0);
  g_assert_cmpuint (share.n, ==, 4);

  /* At the threshold: shown. */
  tandem_share_init (&share, 5, 3, 5);
  g_assert_false (share.suppressed);
  g_assert_cmpfloat_with_epsilon (share.pct, 60.0, 1e-9);
  g_assert_cmpfloat (share.ci_low, <, 60.0);
  g_assert_cmpfloat (share.ci_high, >, 60.0);

  /* All and none favourable. */
  tandem_share_init (&share, 8, 8, 5);
  g_assert_cmpfloat_with_epsilon (share.pct, 100.0, 1e-9);
  tandem_share_init (&share, 8, 0, 5);
  g_assert_cmpfloat_with_epsilon (share.pct, 0.0, 1e-9);
}

static void
add_responses (TandemStore *store,
               gint64       item,
               const char  *level,
               guint        n_favourable,
               guint        n_other)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = tandem_store_prepare (store,
                                                       "INSERT INTO survey_response (item_id, level, score)"
                                                       " VALUES (?1, ?2, ?3)", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_favourable + n_other; i++)
    {
      sqlite3_bind_int64 (stmt, 1, item);
      sqlite3_bind_text (stmt, 2, level, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i < n_favourable ? (i % 2 ? 4 : 5) : (int)(1 + i % 3));
      g_assert_true (tandem_store_step_done (store, stmt, &error));
    }
}

static gint64
add_item (TandemStore *store,
          const char  *wave,
          const char  *fielded_on,
          const char  *audience)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) w = tandem_store_prepare (store,
                                                    "INSERT OR IGNORE INTO survey_wave (title, fielded_on)"
                                                    " VALUES (?1, ?2)", &error);
  g_autoptr(sqlite3_stmt) i = tandem_store_prepare (store,
                                                    "INSERT INTO survey_item (wave_id, dimension, audience, wording)"
                                                    " SELECT id, 'optimism', ?2, 'AI helps' FROM survey_wave"
                                                    "  WHERE title = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (w, 1, wave, -1, SQLITE_STATIC);
  sqlite3_bind_text (w, 2, fielded_on, -1, SQLITE_STATIC);
  g_assert_true (tandem_store_step_done (store, w, &error));
  sqlite3_bind_text (i, 1, wave, -1, SQLITE_STATIC);
  sqlite3_bind_text (i, 2, audience, -1, SQLITE_STATIC);
  g_assert_true (tandem_store_step_done (store, i, &error));
  return sqlite3_last_insert_rowid (tandem_store_get_db (store));
}

static void
test_stats_gap_series (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "gaps.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GPtrArray) series = NULL;
  TandemGapPoint *p;
  gint64 item;

  g_assert_no_error (error);

  /* Wave B is fielded first, though added second: order is by date. */
  item = add_item (store, "Wave A", "2025-06-15", "leaders");
  add_responses (store, item, "executive", 6, 4);            /* 60% of 10 */
  add_responses (store, item, "manager", 10, 0);             /* not a side of the gap */
  item = add_item (store, "Wave A", "2025-06-15", "individual_contributors");
  add_responses (store, item, "individual_contributor", 9, 11); /* 45% of 20 */

  item = add_item (store, "Wave B", "2025-03-15", "leaders");
  add_responses (store, item, "executive", 3, 1);            /* 4: under the threshold */
  item = add_item (store, "Wave B", "2025-03-15", "individual_contributors");
  add_responses (store, item, "individual_contributor", 5, 5);

  series = tandem_stats_gap_series (store, TANDEM_DIMENSION_OPTIMISM, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 2);

  p = g_ptr_array_index (series, 0);
  g_assert_cmpstr (p->wave_title, ==, "Wave B");
  g_assert_true (p->leaders.suppressed);
  g_assert_cmpuint (p->leaders.n, ==, 4);
  g_assert_true (isnan (p->leaders.pct));
  g_assert_true (isnan (p->gap_pts));
  g_assert_cmpfloat_with_epsilon (p->ics.pct, 50.0, 1e-9);

  p = g_ptr_array_index (series, 1);
  g_assert_cmpstr (p->wave_title, ==, "Wave A");
  g_assert_cmpuint (p->leaders.n, ==, 10);
  g_assert_cmpfloat_with_epsilon (p->leaders.pct, 60.0, 1e-9);
  g_assert_cmpuint (p->ics.n, ==, 20);
  g_assert_cmpfloat_with_epsilon (p->ics.pct, 45.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->gap_pts, 15.0, 1e-9);

  /* Another dimension has waves but no answers: every side is empty. */
  g_clear_pointer (&series, g_ptr_array_unref);
  series = tandem_stats_gap_series (store, TANDEM_DIMENSION_RESOURCES, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 2);
  p = g_ptr_array_index (series, 0);
  g_assert_cmpuint (p->leaders.n, ==, 0);
  g_assert_true (isnan (p->gap_pts));

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static GDate *
date (const char *text)
{
  GDate *d = tandem_date_parse_iso (text);

  g_assert_nonnull (d);
  return d;
}

static void
test_pair_cadence (void)
{
  static const struct {
    const char *started, *last, *as_of;
    guint cadence;
    const char *next_due;
    TandemPairStatus status;
  } cases[] = {
    { "2026-01-01", "2026-03-01", "2026-03-10", 14, "2026-03-15", TANDEM_PAIR_ON_TRACK },
    { "2026-01-01", "2026-03-01", "2026-03-11", 14, "2026-03-15", TANDEM_PAIR_ON_TRACK },   /* 4 days before */
    { "2026-01-01", "2026-03-01", "2026-03-12", 14, "2026-03-15", TANDEM_PAIR_DUE_SOON },   /* 3 days before */
    { "2026-01-01", "2026-03-01", "2026-03-15", 14, "2026-03-15", TANDEM_PAIR_DUE_SOON },   /* due on the day */
    { "2026-01-01", "2026-03-01", "2026-03-16", 14, "2026-03-15", TANDEM_PAIR_OVERDUE },    /* the day after */
    { "2026-01-01", NULL,         "2026-01-05", 14, "2026-01-15", TANDEM_PAIR_NO_SESSIONS },
    { "2026-01-01", NULL,         "2026-01-13", 14, "2026-01-15", TANDEM_PAIR_DUE_SOON },
    { "2026-01-01", NULL,         "2026-02-01", 14, "2026-01-15", TANDEM_PAIR_OVERDUE },
    { "2024-01-01", "2024-02-15", "2024-02-20", 14, "2024-02-29", TANDEM_PAIR_ON_TRACK },   /* leap year */
    { "2023-01-01", "2023-02-15", "2023-02-20", 14, "2023-03-01", TANDEM_PAIR_ON_TRACK },
    { "2025-12-01", "2025-12-25", "2026-01-02", 7, "2026-01-01", TANDEM_PAIR_OVERDUE },     /* over the year */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) started = date (cases[i].started);
      g_autoptr(GDate) last = cases[i].last ? date (cases[i].last) : NULL;
      g_autoptr(GDate) as_of = date (cases[i].as_of);
      g_autofree char *due_text = NULL;
      TandemPairStatus status;
      GDate due;

      status = tandem_pair_status_compute (started, last, cases[i].cadence, as_of, &due);
      due_text = tandem_date_to_iso (&due);
      g_test_message ("case %u: %s %s", i, due_text, tandem_pair_status_to_string (status));
      g_assert_cmpstr (due_text, ==, cases[i].next_due);
      g_assert_cmpint (status, ==, cases[i].status);
    }
}

static void
test_date_parse (void)
{
  static const char * const bad[] = {
    "", "2026-1-01", "2026-02-30", "2026/02/03", "20260203", "2026-02-03T00:00", "abcd-ef-gh",
    "2023-02-29", "2026-13-01", "2026-00-10",
  };
  g_autoptr(GDate) ok = tandem_date_parse_iso ("2024-02-29");
  g_autofree char *text = NULL;

  g_assert_nonnull (ok);
  text = tandem_date_to_iso (ok);
  g_assert_cmpstr (text, ==, "2024-02-29");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate *d = tandem_date_parse_iso (bad[i]);

      g_test_message ("%s", bad[i]);
      g_assert_null (d);
    }
  g_assert_null (tandem_date_parse_iso (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/stats/wilson", test_stats_wilson);
  g_test_add_func ("/tandem/stats/share-threshold", test_stats_share_threshold);
  g_test_add_func ("/tandem/stats/gap-series", test_stats_gap_series);
  g_test_add_func ("/tandem/pair/cadence", test_pair_cadence);
  g_test_add_func ("/tandem/types/date-parse", test_date_parse);

  return g_test_run ();
}
