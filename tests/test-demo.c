/* test-demo.c — the built-in demo organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-demo.h"
#include "tandem-stats.h"
#include "tandem-store-private.h"
#include "tandem-takeaway.h"
#include "tandem-types.h"
#ifdef TANDEM_TEST_SERVER
#include "tandem-test-pg.h"
#endif
#include "tandem-test-util.h"
#include "tandem-verdict.h"

static gint64
query_int (TandemStore *store,
           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  tandem_store_query_int (store, sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

/* The average number of days between a pair's sessions, over all pairs
 * (worked out here: date arithmetic is each engine's own). */
static guint
average_gap_days (TandemStore *store)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, "SELECT pair_id, held_on FROM coaching_session"
                                                            " ORDER BY pair_id, held_on", NULL);
  gint64 pair = 0;
  g_autoptr(GDate) last = NULL;
  guint64 days = 0, gaps = 0;

  g_assert_nonnull (stmt);
  while (tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW)
    {
      g_autoptr(GDate) day = tandem_date_parse_iso (tandem_stmt_get_text (stmt, 1));

      g_assert_nonnull (day);
      if (last != NULL && tandem_stmt_get_int64 (stmt, 0) == pair)
        {
          days += g_date_days_between (last, day);
          gaps++;
        }
      pair = tandem_stmt_get_int64 (stmt, 0);
      g_clear_pointer (&last, g_date_free);
      last = g_steal_pointer (&day);
    }
  g_assert_cmpuint (gaps, >, 0);
  return (guint)(days / gaps);
}

static void
test_demo_shape (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = tandem_test_fresh_database (dir, "demo.db");
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, TANDEM_DEMO_DEFAULT_SEED);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  TandemCounts counts;

  g_assert_true (tandem_stats_get_counts (store, &counts, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (counts.people, ==, 1200);
  g_assert_cmpuint (counts.departments, ==, 8);
  g_assert_cmpuint (counts.programs, ==, 6);
  g_assert_cmpuint (counts.pairs, ==, 8);
  g_assert_cmpuint (counts.waves, ==, 6);
  g_assert_cmpuint (counts.enrollments, >, 200);
  g_assert_cmpuint (counts.completions, >, 50);
  g_assert_cmpuint (counts.completions, <, counts.enrollments);

  /* All three levels, across several functions. */
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT level) FROM role"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT function) FROM role"), >=, 6);
  /* Enough executives that a change in a gap can be told from noise. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person p JOIN role r ON r.id = p.role_id"
                                     " WHERE r.level = 'executive'"), >=, 100);

  /* Champions: some, but about one per 25 people. */
  g_assert_cmpuint (counts.champions, >=, 1200 / 25 - 8);
  g_assert_cmpuint (counts.champions, <=, 1200 / 25 + 8);

  /* Every pair has sessions, and they come about every two weeks. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mentoring_pair mp WHERE NOT EXISTS"
                                     " (SELECT 1 FROM coaching_session s WHERE s.pair_id = mp.id)"), ==, 0);
  {
    guint gap = average_gap_days (store);

    g_assert_cmpuint (gap, >=, 12);
    g_assert_cmpuint (gap, <=, 20);
  }

  /* No session lies in the future of the day the demo was dated from. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM coaching_session WHERE held_on > '2026-11-22'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM survey_wave WHERE fielded_on > '2026-11-22'"), ==, 0);

  g_assert_true (tandem_store_check (store, &report, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
test_demo_deterministic (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *a_path = tandem_test_fresh_database (dir, "a.db");
  g_autofree char *b_path = tandem_test_fresh_database (dir, "b.db");
  g_autofree char *c_path = tandem_test_fresh_database (dir, "c.db");
  g_autoptr(TandemStore) a = tandem_test_demo_store (a_path, 99);
  g_autoptr(TandemStore) b = tandem_test_demo_store (b_path, 99);
  g_autoptr(TandemStore) c = tandem_test_demo_store (c_path, 100);
  g_autofree char *a_dump = tandem_test_dump (a);
  g_autofree char *b_dump = tandem_test_dump (b);
  g_autofree char *c_dump = tandem_test_dump (c);

  g_assert_cmpuint (strlen (a_dump), >, 10000);
  g_assert_cmpstr (a_dump, ==, b_dump);
  g_assert_cmpstr (a_dump, !=, c_dump);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  tandem_test_remove_dir (dir);
}

static void
test_demo_published_figures (void)
{
  /* The first wave sits on the published figures; the gaps then close in. */
  static const struct { TandemDimension dimension; double leaders; double ics; } published[] = {
    { TANDEM_DIMENSION_OPTIMISM, 61, 46 },
    { TANDEM_DIMENSION_RESOURCES, 25, 11 },
    { TANDEM_DIMENSION_TRANSPARENCY, 44, 25 },
  };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = tandem_test_fresh_database (dir, "demo.db");
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, TANDEM_DEMO_DEFAULT_SEED);

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) series = tandem_stats_gap_series (store, published[i].dimension, 5, &error);
      TandemGapPoint *first, *last;

      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, 6);
      first = g_ptr_array_index (series, 0);
      last = g_ptr_array_index (series, series->len - 1);

      g_test_message ("%s: first %.1f vs %.1f (n %u / %u), last gap %.1f",
                      tandem_dimension_to_string (published[i].dimension),
                      first->leaders.pct, first->ics.pct, first->leaders.n, first->ics.n,
                      last->gap_pts);

      /* With about 100 executives one answer moves the share by 1 point. */
      g_assert_cmpfloat (fabs (first->leaders.pct - published[i].leaders), <=, 100.0 / first->leaders.n);
      g_assert_cmpfloat (fabs (first->ics.pct - published[i].ics), <=, 1.0);
      g_assert_cmpfloat (last->gap_pts, <, first->gap_pts);
      g_assert_cmpfloat (last->gap_pts, >, -5);   /* transparency closes, give or take the noise */
      g_assert_cmpuint (first->leaders.n, >=, 5);
    }

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
test_demo_refuses_data (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = tandem_test_fresh_database (dir, "demo.db");
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 1);
  g_autofree char *before = tandem_test_dump (store);
  g_autofree char *after = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(GDate) today = tandem_test_demo_today ();
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_demo_populate (store, 2, today, FALSE, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  after = tandem_test_dump (store);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (tandem_demo_populate (store, 2, today, TRUE, &error));
  g_assert_no_error (error);
  replaced = tandem_test_dump (store);
  g_assert_cmpstr (before, !=, replaced);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person"), ==, 1200);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* The demo tells an honest story: with over a hundred executives, one gap
 * has moved by more than its noise and the minimum effect, the others
 * have not, and the takeaways say so. */
static void
test_demo_honest_story (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = tandem_test_fresh_database (dir, "demo.db");
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, TANDEM_DEMO_DEFAULT_SEED);
  guint narrowed = 0, unclear = 0;

  for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) series = tandem_stats_gap_series (store, d, 5, &error);
      g_autofree char *takeaway = NULL;
      TandemGapChange change;

      g_assert_no_error (error);
      g_assert_true (tandem_gap_change_compute (series, d, NULL, NULL, TANDEM_DEFAULT_MIN_EFFECT, &change));
      takeaway = tandem_gap_takeaway (series, d, TANDEM_DEFAULT_MIN_EFFECT);
      g_test_message ("%s: %s", tandem_verdict_to_string (change.verdict), takeaway);
      if (change.verdict == TANDEM_VERDICT_NARROWED)
        {
          narrowed++;
          g_assert_nonnull (strstr (takeaway, " narrowed from "));
        }
      else if (change.verdict == TANDEM_VERDICT_UNCLEAR)
        {
          unclear++;
          g_assert_true (g_str_has_prefix (takeaway, "Too few answers to tell whether "));
        }
    }
  g_assert_cmpuint (narrowed, >=, 1);
  g_assert_cmpuint (unclear, >=, 1);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
#ifdef TANDEM_TEST_SERVER
  /* The same tests on the second engine, in a run of their own. */
  {
    int status = tandem_test_pg_run_all (argc, argv);

    if (status >= 0)
      return status;
  }
#endif
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/demo/honest-story", test_demo_honest_story);

  g_test_add_func ("/tandem/demo/shape", test_demo_shape);
  g_test_add_func ("/tandem/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/tandem/demo/published-figures", test_demo_published_figures);
  g_test_add_func ("/tandem/demo/refuses-data", test_demo_refuses_data);

  return g_test_run ();
}
