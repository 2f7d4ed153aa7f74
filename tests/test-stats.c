/* test-stats.c — shares, intervals, suppression and cadence on worked examples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "tandem-enrollment.h"
#include "tandem-gap-heatmap.h"
#include "tandem-impact.h"
#include "tandem-import.h"
#include "tandem-pair.h"
#include "tandem-person.h"
#include "tandem-program-charts.h"
#include "tandem-program.h"
#include "tandem-report.h"
#include "tandem-stats.h"
#include "tandem-takeaway.h"
#include "tandem-survey-charts.h"
#include "tandem-survey.h"
#include "tandem-store-private.h"
#include "tandem-test-util.h"
#include "tandem-wave.h"

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

/* Rows of a responses file for one level of one wave: @favourable answer
 * optimism favourably (as numbers and as labels), @other do not; the
 * other two dimensions are left unanswered. */
static void
add_rows (GString    *csv,
          const char *wave,
          const char *fielded_on,
          const char *level,
          const char *department,
          guint       favourable,
          guint       other)
{
  static const char * const good[] = { "4", "5", "Agree", "strongly agree" };
  static const char * const bad[] = { "1", "2", "3", "Disagree", "Neither agree nor disagree" };

  for (guint i = 0; i < favourable + other; i++)
    g_string_append_printf (csv, "%s,%s,%s,%s,,%s,,\n", wave, fielded_on, level, department,
                            i < favourable ? good[i % G_N_ELEMENTS (good)] : bad[i % G_N_ELEMENTS (bad)]);
}

static void
import_responses (TandemStore *store,
                  const char  *dir,
                  GString     *csv)
{
  g_autofree char *path = g_build_filename (dir, "responses.csv", NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;

  tandem_test_write_file (path, csv->str, csv->len);
  g_assert_true (tandem_import_run (store, TANDEM_IMPORT_RESPONSES, path, NULL, report, NULL, &error));
  g_assert_no_error (error);
}

#define RESPONSES_HEADER "wave,fielded_on,level,department,role,optimism,resources,transparency\n"

static void
test_stats_gap_series (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "gaps.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GString) csv = g_string_new (RESPONSES_HEADER);
  g_autofree char *report = NULL;
  TandemGapPoint *p;

  g_assert_no_error (error);

  /* Wave B is fielded first, though it comes second: order is by date. */
  add_rows (csv, "Wave A", "2025-06-15", "executive", "Sales", 6, 4);          /* 60% of 10 */
  add_rows (csv, "Wave A", "2025-06-15", "Manager", "Sales", 10, 0);           /* not a side of the gap */
  add_rows (csv, "Wave A", "2025-06-15", "individual_contributor", "Sales", 9, 11); /* 45% of 20 */
  add_rows (csv, "Wave B", "2025-03-15", "EXECUTIVE", "Sales", 3, 1);          /* 4: under the threshold */
  add_rows (csv, "Wave B", "2025-03-15", "individual_contributor", "Sales", 5, 5);
  import_responses (store, dir, csv);

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

  /* The report, to the character. Wilson by hand for 6/10: 31.3–83.2;
   * 9/20: 25.8–65.8; 5/10: 23.7–76.3. The gap's Newcombe interval, from
   * the unrounded Wilson ends (31.267, 83.182; 25.820, 65.791):
   * 15 − √(28.733² + 20.791²) = −20.5, 15 + √(23.182² + 19.180²) = 45.1. */
  report = tandem_report_gaps (store, TANDEM_DIMENSION_OPTIMISM, 5, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==,
                   "wave,fielded_on,dimension,leader_n,leader_pct,leader_ci_low,leader_ci_high,"
                   "ic_n,ic_pct,ic_ci_low,ic_ci_high,gap_pts,status,gap_ci_low,gap_ci_high\n"
                   "Wave B,2025-03-15,optimism,4,,,,10,50.0,23.7,76.3,,suppressed,,\n"
                   "Wave A,2025-06-15,optimism,10,60.0,31.3,83.2,20,45.0,25.8,65.8,15.0,ok,-20.5,45.1\n");

  /* A second file adds one executive to Wave A: refused, since comparing
   * the report before and after would tell what that one person said. */
  {
    g_autofree char *one = g_build_filename (dir, "one.csv", NULL);
    g_autoptr(TandemImportReport) refused = tandem_import_report_new ();
    g_autofree char *before = tandem_report_gaps (store, TANDEM_N_DIMENSIONS, 5, TANDEM_REPORT_CSV, NULL);
    g_autofree char *after = NULL;

    g_string_assign (csv, RESPONSES_HEADER);
    add_rows (csv, "Wave A", "2025-06-15", "executive", "Sales", 1, 0);
    tandem_test_write_file (one, csv->str, csv->len);
    g_assert_false (tandem_import_run (store, TANDEM_IMPORT_RESPONSES, one, NULL, refused, NULL, &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "compares a report before and after"));
    g_clear_error (&error);
    after = tandem_report_gaps (store, TANDEM_N_DIMENSIONS, 5, TANDEM_REPORT_CSV, NULL);
    g_assert_cmpstr (after, ==, before);
  }

  /* Five at a time are added: one more share, not one person. */
  g_string_assign (csv, RESPONSES_HEADER);
  add_rows (csv, "Wave A", "2025-06-15", "executive", "Sales", 5, 0);
  import_responses (store, dir, csv);
  g_clear_pointer (&series, g_ptr_array_unref);
  series = tandem_stats_gap_series (store, TANDEM_DIMENSION_OPTIMISM, 5, &error);
  p = g_ptr_array_index (series, 1);
  g_assert_cmpuint (p->leaders.n, ==, 15);
  g_assert_cmpfloat_with_epsilon (p->leaders.pct, 1100.0 / 15, 1e-9);

  /* Three waves × three dimensions, every one listed, all three in order. */
  g_clear_pointer (&report, g_free);
  report = tandem_report_gaps (store, TANDEM_N_DIMENSIONS, 3, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (report, "\nWave B,2025-03-15,optimism,4,75.0,") != NULL);   /* 4 ≥ 3 */
  g_assert_true (strstr (report, "\nWave B,2025-03-15,resources,0,,,,0,,,,,suppressed,,\n") != NULL);
  g_assert_true (strstr (report, "transparency,0,,,,0,,,,,suppressed,,\n") != NULL);

  /* A new wave asks the default wording, which can be edited. */
  {
    gint64 wave_id = 0;
    g_autofree char *asked = NULL;
    g_autofree char *edited = NULL;

    g_assert_true (tandem_store_query_int (store, "SELECT id FROM survey_wave WHERE title = 'Wave A'", &wave_id,
                                           &error));
    asked = tandem_survey_get_wording (store, wave_id, TANDEM_DIMENSION_RESOURCES, TANDEM_AUDIENCE_INDIVIDUAL_CONTRIBUTORS,
                                       &error);
    g_assert_cmpstr (asked, ==, "I have access to the AI tools and knowledge I need");
    g_assert_true (tandem_survey_set_wording (store, wave_id, TANDEM_DIMENSION_RESOURCES, TANDEM_AUDIENCE_LEADERS,
                                              "  We give our teams the AI tools they need ", &error));
    edited = tandem_survey_get_wording (store, wave_id, TANDEM_DIMENSION_RESOURCES, TANDEM_AUDIENCE_LEADERS, &error);
    g_assert_cmpstr (edited, ==, "We give our teams the AI tools they need");
    g_assert_false (tandem_survey_set_wording (store, wave_id, TANDEM_DIMENSION_RESOURCES, TANDEM_AUDIENCE_LEADERS,
                                               "   ", &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Where the individual contributors are the more favourable, the gap is
   * negative, and the CSV keeps it a number: 20% − 60% = −40 points, its
   * interval −40 − √(16.38² + 28.24²) = −72.6 to −40 + √(42.45² + 36.93²) = 16.3. */
  g_string_assign (csv, RESPONSES_HEADER);
  add_rows (csv, "Wave C", "2025-09-15", "executive", "Sales", 1, 4);
  add_rows (csv, "Wave C", "2025-09-15", "individual_contributor", "Sales", 3, 2);
  import_responses (store, dir, csv);
  g_clear_pointer (&report, g_free);
  report = tandem_report_gaps (store, TANDEM_DIMENSION_OPTIMISM, 5, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (report, "\nWave C,2025-09-15,optimism,5,20.0,3.6,62.4,5,60.0,23.1,88.2,-40.0,ok,"
                                             "-72.6,16.3\n"));

  /* How the gap moved from Wave A (Wave B is hidden) to Wave C, by MOVER:
   * 11/15 − 9/20 = 28.3 (−4.4 to 53.2) became −40 (−72.6 to 16.3); the
   * change −68.3 runs from −68.3 − √(32.64² + 24.83²) = −109.3 to
   * −68.3 + √(56.26² + 32.73²) = −3.2: wholly below 0 and beyond the
   * minimum effect, so narrowed by the rule — a gap that crossed zero. */
  g_clear_pointer (&report, g_free);
  report = tandem_report_changes (store, TANDEM_DIMENSION_OPTIMISM, NULL, NULL, 5, 5, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==,
                   "dimension,from_wave,to_wave,from_gap,to_gap,change_pts,change_ci_low,change_ci_high,verdict\n"
                   "optimism,Wave A,Wave C,28.3,-40.0,-68.3,-109.3,-3.2,narrowed\n");
  g_clear_pointer (&report, g_free);
  report = tandem_report_changes (store, TANDEM_DIMENSION_RESOURCES, NULL, NULL, 5, 5, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (report, "\nresources,,,,,,,,too_few\n"));
  g_clear_pointer (&report, g_free);
  report = tandem_report_changes (store, TANDEM_N_DIMENSIONS, "Wave Z", NULL, 5, 5, TANDEM_REPORT_CSV, &error);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_null (report);
  g_clear_error (&error);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Schema 3 kept one row per answer to an item; migration 4 turns each into
 * a respondent who answered that one item, so every share stays the same
 * and the tallies hold them. */
static void
test_stats_migrate_responses (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GPtrArray) series = NULL;
  TandemGapPoint *p;
  gint64 rows = 0;

  g_assert_no_error (error);
  tandem_test_make_v3_surveys (store);
  g_assert_true (tandem_store_exec (store,
                                    "INSERT INTO survey_wave (id, title, fielded_on) VALUES (1, 'Q1', '2026-02-15');"
                                    "INSERT INTO survey_item (id, wave_id, dimension, audience, wording) VALUES"
                                    "  (1, 1, 'optimism', 'leaders', 'x'), (2, 1, 'optimism', 'individual_contributors', 'y'),"
                                    "  (3, 1, 'resources', 'individual_contributors', 'z');"
                                    /* executives: 4 of 5 favourable; ICs: 2 of 6; resources: 1 of 6 */
                                    "INSERT INTO survey_response (item_id, level, score) VALUES"
                                    "  (1, 'executive', 5), (1, 'executive', 4), (1, 'executive', 4), (1, 'executive', 5),"
                                    "  (1, 'executive', 2),"
                                    "  (2, 'individual_contributor', 4), (2, 'individual_contributor', 5),"
                                    "  (2, 'individual_contributor', 1), (2, 'individual_contributor', 2),"
                                    "  (2, 'individual_contributor', 3), (2, 'individual_contributor', 3),"
                                    "  (3, 'individual_contributor', 4), (3, 'individual_contributor', 1),"
                                    "  (3, 'individual_contributor', 1), (3, 'individual_contributor', 1),"
                                    "  (3, 'individual_contributor', 2), (3, 'individual_contributor', 3);",
                                    &error));
  g_clear_object (&store);

  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_schema_version (store), ==, TANDEM_STORE_SCHEMA_VERSION);
  g_assert_true (tandem_store_query_int (store, "SELECT count (*) FROM survey_response", &rows, &error));
  g_assert_cmpint (rows, ==, 17);

  series = tandem_stats_gap_series (store, TANDEM_DIMENSION_OPTIMISM, 5, &error);
  g_assert_no_error (error);
  p = g_ptr_array_index (series, 0);
  g_assert_cmpuint (p->leaders.n, ==, 5);
  g_assert_cmpfloat_with_epsilon (p->leaders.pct, 80.0, 1e-9);
  g_assert_cmpuint (p->ics.n, ==, 6);
  g_assert_cmpfloat_with_epsilon (p->ics.pct, 100.0 / 3, 1e-9);
  g_clear_pointer (&series, g_ptr_array_unref);
  series = tandem_stats_gap_series (store, TANDEM_DIMENSION_RESOURCES, 5, &error);
  p = g_ptr_array_index (series, 0);
  g_assert_cmpuint (p->ics.n, ==, 6);
  g_assert_cmpfloat_with_epsilon (p->ics.pct, 100.0 / 6, 1e-9);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Every bad row is named with its line and column, and nothing is written. */
static void
test_stats_import_malformed (void)
{
  static const struct { const char *rows; guint line; const char *column; const char *reason; } cases[] = {
    { "Q1,2026-02-15,executive,,,6,,\n", 2, "optimism", "“6” is not a score" },
    { "Q1,2026-02-15,executive,,,,Maybe,\n", 2, "resources", "“Maybe” is not a score" },
    { "Q1,2026-02-15,executive,,,4,,\nQ1,2026-02-15,board,,,4,,\n", 3, "level", "“board” is not a level" },
    { "Q1,15/02/2026,executive,,,4,,\n", 2, "fielded_on", "is not a date written YYYY-MM-DD" },
    { "Q1,2026-02-15,executive,,,4,,\nQ1,2026-03-15,executive,,,4,,\n", 3, "fielded_on",
      "the wave “Q1” is fielded on 2026-02-15 on line 2" },
    { ",2026-02-15,executive,,,4,,\n", 2, "wave", "needs the wave’s title" },
    { "Q1,2026-02-15,executive,,,4,\n", 2, NULL, "expected 8 fields" },
  };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "m.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GString) csv = g_string_new (RESPONSES_HEADER);
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  add_rows (csv, "Old", "2025-01-15", "executive", "Sales", 3, 3);
  import_responses (store, dir, csv);
  before = tandem_test_dump (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemImportReport) report = tandem_import_report_new ();
      g_autofree char *text = g_strconcat (RESPONSES_HEADER, cases[i].rows, NULL);
      g_autofree char *after = NULL;
      TandemImportProblem *problem;

      g_test_message ("case %u", i);
      tandem_test_write_file (csv_path, text, strlen (text));
      g_assert_false (tandem_import_run (store, TANDEM_IMPORT_RESPONSES, csv_path, NULL, report, NULL, &error));
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpuint (report->problems->len, ==, 1);
      problem = g_ptr_array_index (report->problems, 0);
      g_assert_cmpuint (problem->line, ==, cases[i].line);
      g_assert_cmpstr (problem->column, ==, cases[i].column);
      g_assert_nonnull (strstr (problem->reason, cases[i].reason));
      after = tandem_test_dump (store);
      g_assert_cmpstr (after, ==, before);
    }

  /* A wave already stored keeps its date too. */
  {
    g_autoptr(TandemImportReport) report = tandem_import_report_new ();
    const char *text = RESPONSES_HEADER "Old,2025-02-15,executive,,,4,,\n";

    tandem_test_write_file (csv_path, text, strlen (text));
    g_assert_false (tandem_import_run (store, TANDEM_IMPORT_RESPONSES, csv_path, NULL, report, NULL, &error));
    g_clear_error (&error);
    g_assert_nonnull (strstr (((TandemImportProblem *)g_ptr_array_index (report->problems, 0))->reason,
                              "was fielded on 2025-01-15, not 2025-02-15"));
  }

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
shares_init (TandemShare *shares,
             const guint *n,
             guint        n_shares)
{
  for (guint i = 0; i < n_shares; i++)
    tandem_share_init (&shares[i], n[i], n[i] / 2, 5);
}

/* Differencing: with the total shown, one hidden group could be worked out
 * by subtraction, so a second one is hidden; hidden groups that together
 * are still under the threshold need a third. */
static void
test_stats_suppress_complements (void)
{
  static const guint one_hidden[] = { 10, 4, 20 };
  static const guint two_enough[] = { 3, 3, 20 };
  static const guint two_too_few[] = { 2, 2, 30, 20 };
  static const guint with_empty[] = { 0, 4, 9, 12 };
  static const guint none[] = { 6, 7, 8 };
  TandemShare shares[4];

  shares_init (shares, one_hidden, 3);
  g_assert_cmpuint (tandem_stats_suppress_complements (shares, 3, 5), ==, 1);
  g_assert_true (shares[0].suppressed && isnan (shares[0].pct) && shares[0].favourable == 0);
  g_assert_true (shares[1].suppressed);
  g_assert_false (shares[2].suppressed);
  g_assert_cmpuint (shares[0].n, ==, 10);   /* n stays: it is not a secret */

  shares_init (shares, two_enough, 3);
  g_assert_cmpuint (tandem_stats_suppress_complements (shares, 3, 5), ==, 0);
  g_assert_false (shares[2].suppressed);

  shares_init (shares, two_too_few, 4);
  g_assert_cmpuint (tandem_stats_suppress_complements (shares, 4, 5), ==, 1);
  g_assert_true (shares[3].suppressed);
  g_assert_false (shares[2].suppressed);

  shares_init (shares, with_empty, 4);
  g_assert_cmpuint (tandem_stats_suppress_complements (shares, 4, 5), ==, 1);
  g_assert_true (shares[2].suppressed);
  g_assert_false (shares[3].suppressed);

  shares_init (shares, none, 3);
  g_assert_cmpuint (tandem_stats_suppress_complements (shares, 3, 5), ==, 0);
}

/* The heatmap's groups add up to everyone: Finance (3) is hidden, and so is
 * Legal (8), the smallest left, or Finance = everyone − Sales − Legal. */
static void
test_stats_heatmap (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "heat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GString) csv = g_string_new (RESPONSES_HEADER);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *wave = NULL;
  TandemHeatRow *row;

  g_assert_no_error (error);
  add_rows (csv, "Old", "2025-01-15", "executive", "Sales", 1, 9);            /* an older wave: not shown */
  add_rows (csv, "New", "2025-04-15", "executive", "Sales", 6, 4);
  add_rows (csv, "New", "2025-04-15", "individual_contributor", "Finance", 3, 0);
  add_rows (csv, "New", "2025-04-15", "individual_contributor", "Legal", 2, 6);
  add_rows (csv, "New", "2025-04-15", "manager", "Sales", 1, 0);              /* a lone manager */
  import_responses (store, dir, csv);

  rows = tandem_stats_heatmap (store, "department", NULL, 5, 0, &wave, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wave, ==, "New");
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->group_id, ==, -1);
  g_assert_cmpuint (row->shares[TANDEM_DIMENSION_OPTIMISM].n, ==, 21);
  g_assert_cmpfloat_with_epsilon (row->shares[TANDEM_DIMENSION_OPTIMISM].pct, 100.0 * 11 / 21, 1e-9);
  g_assert_cmpuint (row->shares[TANDEM_DIMENSION_RESOURCES].n, ==, 0);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->name, ==, "Finance");
  g_assert_true (row->shares[0].suppressed);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->name, ==, "Legal");
  g_assert_true (row->shares[0].suppressed);
  g_assert_true (isnan (row->shares[0].pct));
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row->name, ==, "Sales");
  g_assert_false (row->shares[0].suppressed);
  g_assert_cmpfloat_with_epsilon (row->shares[0].pct, 60.0, 1e-9);

  /* Two groups at most: the smaller two go together. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tandem_stats_heatmap (store, "department", NULL, 5, 2, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((TandemHeatRow *)g_ptr_array_index (rows, 1))->name, ==, "Sales");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->name, ==, "2 other departments");
  g_assert_cmpuint (row->shares[0].n, ==, 11);
  g_assert_cmpfloat_with_epsilon (row->shares[0].pct, 100.0 * 5 / 11, 1e-9);

  /* The chart draws what the figures say: hidden cells have no value. */
  chart = tandem_chart_new_heatmap (store, "department", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_chart_get_n_categories (chart), ==, 4);
  g_assert_true (isnan (tandem_chart_get_value (chart, 0, 1)));
  g_assert_cmpfloat_with_epsilon (tandem_chart_get_value (chart, 0, 3), 60.0, 1e-9);

  /* A level total: one lone manager answered. The gap charts show the
   * executives and the ICs, so if "Everyone" counted the manager, everyone
   * − executives − ICs would be that person's answers. A level under the
   * threshold is left out of every cell. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tandem_stats_heatmap (store, "department", NULL, 5, 0, NULL, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->shares[TANDEM_DIMENSION_OPTIMISM].n, ==, 21);   /* 10 executives + 11 ICs */
  g_assert_cmpfloat_with_epsilon (row->shares[TANDEM_DIMENSION_OPTIMISM].pct, 100.0 * 11 / 21, 1e-9);
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row->name, ==, "Sales");
  g_assert_cmpuint (row->shares[TANDEM_DIMENSION_OPTIMISM].n, ==, 10);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* The gap per department: Sales' executives are far ahead of its ICs, which
 * the takeaway names with its interval; Legal's 3 executives are hidden,
 * and Legal's ICs with them, or the every-level heatmap's Legal less its
 * ICs here would be its executives; Finance's executives and ICs go too,
 * or Legal's would be everyone's less Sales' and Finance's. */
static void
test_stats_gap_heatmap (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "gap.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GString) csv = g_string_new (RESPONSES_HEADER);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *wave = NULL;
  g_autofree char *finding = NULL;
  g_autofree char *none = NULL;
  TandemGapRow *row;

  g_assert_no_error (error);
  add_rows (csv, "Q1", "2025-04-15", "executive", "Sales", 18, 2);
  add_rows (csv, "Q1", "2025-04-15", "individual_contributor", "Sales", 10, 30);
  add_rows (csv, "Q1", "2025-04-15", "executive", "Finance", 3, 3);
  add_rows (csv, "Q1", "2025-04-15", "individual_contributor", "Finance", 15, 15);
  add_rows (csv, "Q1", "2025-04-15", "executive", "Legal", 2, 1);
  add_rows (csv, "Q1", "2025-04-15", "individual_contributor", "Legal", 10, 10);
  import_responses (store, dir, csv);

  rows = tandem_stats_gap_heatmap (store, "department", NULL, 5, 0, &wave, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wave, ==, "Q1");
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);   /* everyone: 23 of 29 executives, 35 of 90 ICs */
  g_assert_cmpint (row->group_id, ==, -1);
  g_assert_cmpfloat_with_epsilon (row->gap[0], 100.0 * 23 / 29 - 100.0 * 35 / 90, 1e-9);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->name, ==, "Finance");
  g_assert_true (row->leaders[0].suppressed);   /* the complements of Legal's */
  g_assert_true (row->ics[0].suppressed);
  g_assert_true (isnan (row->gap[0]));
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->name, ==, "Legal");
  g_assert_true (row->leaders[0].suppressed);
  g_assert_true (row->ics[0].suppressed);        /* with its executives */
  g_assert_cmpuint (row->ics[0].n, ==, 20);
  g_assert_true (isnan (row->ics[0].pct));
  g_assert_true (isnan (row->gap[0]));
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row->name, ==, "Sales");
  g_assert_cmpfloat_with_epsilon (row->gap[0], 90.0 - 25.0, 1e-9);
  g_assert_cmpfloat (row->gap_low[0], >, 0);
  g_assert_cmpfloat (row->gap_high[0], <, 100);

  finding = tandem_gap_heatmap_takeaway (rows, wave);
  g_assert_true (g_str_has_prefix (finding, "In Sales, executives are 65 points more favourable than ICs on optimism "
                                            "(95% interval "));
  g_assert_true (g_str_has_suffix (finding, "; n 20 / 40)."));

  /* The chart: gaps signed, n for both sides, hidden cells without a value. */
  chart = tandem_chart_new_gap_heatmap (store, "department", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_chart_get_n_categories (chart), ==, 4);
  g_assert_true (isnan (tandem_chart_get_value (chart, 0, 1)));
  {
    g_autofree char *said = tandem_chart_describe_point (chart, 0, 3);

    g_assert_true (g_str_has_prefix (said, "Optimism, Sales: gap +65 points (95% interval "));
    g_assert_true (g_str_has_suffix (said, "n 20 / 40"));
  }

  /* A gap whose interval includes zero is no finding. */
  row = g_ptr_array_index (rows, 3);
  row->gap_low[0] = -2;
  none = tandem_gap_heatmap_takeaway (rows, wave);
  g_assert_cmpstr (none, ==, "In Q1 no single group’s gap is clear of chance: every interval includes zero.");

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

  /* What a person is told about a date they typed: how to put it right. */
  {
    static const struct { const char *text; const char *says; } told[] = {
      { "2026-02-29", "February has 28 days in 2026." },
      { "2024-02-30", "February has 29 days in 2024." },
      { "2026-04-31", "April has 30 days in 2026." },
      { "2026-04-00", "April has 30 days in 2026." },
      { "2026-13-01", "There is no month 13; months go from 01 to 12." },
      { "2026-00-10", "There is no month 00; months go from 01 to 12." },
      { "26-3-14", "Write the date as YYYY-MM-DD, e.g. 2026-03-14." },
      { "", "Write the date as YYYY-MM-DD, e.g. 2026-03-14." },
      { "1999-12-31", "Choose a day from 2000-01-01 to a year from today." },
      { "0000-01-01", "Choose a day from 2000-01-01 to a year from today." },
    };

    for (guint i = 0; i < G_N_ELEMENTS (told); i++)
      {
        g_autofree char *says = tandem_date_explain (told[i].text, TRUE);

        g_assert_cmpstr (says, ==, told[i].says);
      }
    g_assert_null (tandem_date_explain ("2024-02-29", TRUE));
    /* A program may be planned years ahead; no day is year 0. */
    g_assert_null (tandem_date_explain ("2031-09-01", FALSE));
    {
      g_autofree char *ahead = tandem_date_explain ("2031-09-01", TRUE);
      g_autofree char *zero = tandem_date_explain ("0000-01-01", FALSE);

      g_assert_nonnull (ahead);
      g_assert_cmpstr (zero, ==, "There is no year 0000.");
    }
  }
}

static void
import_file (TandemStore      *store,
             const char       *dir,
             TandemImportKind  kind,
             const char       *text)
{
  g_autofree char *path = g_build_filename (dir, "import.csv", NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;

  tandem_test_write_file (path, text, strlen (text));
  g_assert_true (tandem_import_run (store, kind, path, NULL, report, NULL, &error));
  g_assert_no_error (error);
}

/* Did the programs work? Completion by the later wave and the change in
 * ICs' favourable share, per department, hand-computed. */
static void
test_stats_impact (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "impact.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GString) csv = g_string_new (RESPONSES_HEADER);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  TandemImpactRow *sales;

  g_assert_no_error (error);
  /* Six active people in Sales, two with tool access; two in Legal. */
  import_file (store, dir, TANDEM_IMPORT_PEOPLE,
               "external_id,name,email,department,role,level,champion,tool_access\n"
               "S1,Ana,,Sales,Rep,individual_contributor,no,yes\n"
               "S2,Ben,,Sales,Rep,individual_contributor,no,yes\n"
               "S3,Cai,,Sales,Rep,individual_contributor,no,no\n"
               "S4,Dee,,Sales,Rep,individual_contributor,no,no\n"
               "S5,Eli,,Sales,Rep,individual_contributor,no,no\n"
               "S6,Fay,,Sales,Lead,manager,no,no\n"
               "L1,Gus,,Legal,Counsel,individual_contributor,no,no\n"
               "L2,Hal,,Legal,Counsel,individual_contributor,no,no\n");
  /* Completed by the later wave (2025-06-15): S1 on 2025-05-01, and S3,
   * whose completion has no date; not S2, who completed afterwards. */
  import_file (store, dir, TANDEM_IMPORT_ENROLLMENTS,
               "external_id,program,status,enrolled_on,completed_on\n"
               "S1,Basics,completed,2025-04-01,2025-05-01\n"
               "S2,Basics,completed,2025-04-01,2025-07-01\n"
               "S3,Basics,completed,2025-04-01,\n"
               "S4,Basics,in_progress,2025-04-01,\n"
               "L1,Basics,completed,2025-04-01,2025-05-01\n");
  /* Sales ICs: 4 of 10 favourable in Wave 1, 12 of 20 in Wave 2. */
  add_rows (csv, "Wave 1", "2025-03-15", "individual_contributor", "Sales", 4, 6);
  add_rows (csv, "Wave 2", "2025-06-15", "individual_contributor", "Sales", 12, 8);
  add_rows (csv, "Wave 2", "2025-06-15", "individual_contributor", "Legal", 3, 1);
  /* Ops has no people, only answers: with Legal, two hidden groups of 7. */
  add_rows (csv, "Wave 2", "2025-06-15", "individual_contributor", "Ops", 2, 1);
  import_responses (store, dir, csv);

  /* Hidden groups under the threshold together would follow from the ICs'
   * total minus Sales: Sales is hidden with them. */
  rows = tandem_stats_impact (store, "department", NULL, NULL, 8, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  sales = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (sales->group, ==, "Sales");
  g_assert_true (sales->to[TANDEM_DIMENSION_OPTIMISM].suppressed);
  g_assert_cmpuint (sales->to[TANDEM_DIMENSION_OPTIMISM].n, ==, 20);
  g_assert_true (isnan (sales->change[TANDEM_DIMENSION_OPTIMISM]));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = tandem_stats_impact (store, "department", NULL, NULL, 5, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from, ==, "Wave 1");
  g_assert_cmpstr (to, ==, "Wave 2");
  g_assert_cmpuint (rows->len, ==, 2);
  sales = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (sales->group, ==, "Sales");
  g_assert_cmpuint (sales->people, ==, 6);
  g_assert_cmpfloat_with_epsilon (sales->completed_pct, 200.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (sales->tool_access_pct, 200.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (sales->change[TANDEM_DIMENSION_OPTIMISM], 20.0, 1e-9);
  g_assert_true (isnan (sales->change[TANDEM_DIMENSION_RESOURCES]));

  /* The report, to the character. 12/20 has Wilson 38.66–78.12, 4/10 has
   * 16.82–68.73: the change 60 − 40 = 20 runs from
   * 20 − √(21.34² + 28.73²) = −15.8 to 20 + √(18.12² + 23.18²) = 49.4.
   * Legal has two people: its size and its answers' n are shown, no share. */
  report = tandem_report_impact (store, "department", NULL, NULL, 5, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==,
                   "group,people,completed_pct,tool_access_pct,"
                   "optimism_n_from,optimism_n_to,optimism_change,optimism_ci_low,optimism_ci_high,"
                   "resources_n_from,resources_n_to,resources_change,resources_ci_low,resources_ci_high,"
                   "transparency_n_from,transparency_n_to,transparency_change,transparency_ci_low,"
                   "transparency_ci_high,status\n"
                   "Legal,2,,,0,4,,,,0,0,,,,0,0,,,,suppressed\n"
                   "Sales,6,33.3,33.3,10,20,20.0,-15.8,49.4,0,0,,,,0,0,,,,ok\n");

  /* A wave that does not exist is an error, not an empty report. */
  g_clear_pointer (&report, g_free);
  report = tandem_report_impact (store, "role", "Wave 9", NULL, 5, TANDEM_REPORT_CSV, &error);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_null (report);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* The demo organisation in a folder of its own; tandem_test_remove_dir()
 * takes the folder away once the store is closed. */
static TandemStore *
open_demo (char **out_dir)
{
  g_autofree char *path = NULL;

  *out_dir = tandem_test_make_dir ();
  path = g_build_filename (*out_dir, "tandem.db", NULL);
  return tandem_test_demo_store (path, 3);
}

/* How many people's stored learning (schema 5) differs from what their
 * enrollments say. */
static gint64
learning_wrong (TandemStore *store)
{
  gint64 wrong = -1;

  g_assert_true (tandem_store_query_int (store,
                                         "SELECT count (*) FROM person"
                                         " WHERE learning <> " TANDEM_SQL_LEARNING_OF ("person.id"),
                                         &wrong, NULL));
  return wrong;
}

static gint64
query (TandemStore *store,
       const char  *sql)
{
  gint64 value = -1;

  g_assert_true (tandem_store_query_int (store, sql, &value, NULL));
  return value;
}

/* Closes *@store, marked as an older schema, and opens it again migrated. */
static void
reopen_migrated (TandemStore **store,
                 const char   *dir)
{
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (store);
  *store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_schema_version (*store), ==, TANDEM_STORE_SCHEMA_VERSION);
}

/* person.learning stays what the enrollments say, whoever writes them. */
static void
test_stats_learning_summary (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemStore) store = open_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *person_undo = NULL;
  g_autofree char *program_undo = NULL;
  gint64 enrollment, person, program, completed_before;
  guint added = 0;

  g_assert_cmpint (query (store, "SELECT count (*) FROM person WHERE learning = 2"), >, 0);
  g_assert_cmpint (learning_wrong (store), ==, 0);

  /* A status change, both ways, and a removal. */
  enrollment = query (store, "SELECT min (id) FROM enrollment WHERE status = 'completed'");
  person = query (store, "SELECT person_id FROM enrollment WHERE id = (SELECT min (id) FROM enrollment"
                         " WHERE status = 'completed')");
  g_assert_true (tandem_store_exec (store, "UPDATE enrollment SET status = 'dropped', completed_on = NULL"
                                           " WHERE person_id IN (SELECT person_id FROM enrollment"
                                           "                      WHERE status = 'completed' LIMIT 3)"
                                           "   AND status <> 'completed'", &error));
  g_assert_true (tandem_enrollment_set_status (store, enrollment, TANDEM_ENROLLMENT_DROPPED, "2026-11-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (learning_wrong (store), ==, 0);
  g_assert_true (tandem_enrollment_set_status (store, enrollment, TANDEM_ENROLLMENT_COMPLETED, "2026-11-02", &error));
  g_assert_cmpint (learning_wrong (store), ==, 0);
  g_assert_true (tandem_store_exec (store, "DELETE FROM enrollment WHERE status = 'completed'"
                                           " AND person_id IN (SELECT id FROM person ORDER BY id LIMIT 20)", &error));
  g_assert_cmpint (learning_wrong (store), ==, 0);

  /* A program deleted and brought back by Undo, and everyone invited to one. */
  program = query (store, "SELECT program_id FROM enrollment GROUP BY program_id ORDER BY count (*) DESC LIMIT 1");
  completed_before = query (store, "SELECT count (*) FROM person WHERE learning = 2");
  g_assert_true (tandem_program_delete (store, program, &program_undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (learning_wrong (store), ==, 0);
  g_assert_true (tandem_program_restore (store, program_undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (learning_wrong (store), ==, 0);
  g_assert_cmpint (query (store, "SELECT count (*) FROM person WHERE learning = 2"), ==, completed_before);
  g_assert_true (tandem_store_exec (store, "DELETE FROM program_role", &error));
  g_assert_true (tandem_enrollment_enrol_matching (store, program, NULL, NULL, "2026-11-03", &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, >, 0);
  g_assert_cmpint (learning_wrong (store), ==, 0);

  /* A person deleted and brought back. */
  g_assert_true (tandem_person_delete (store, person, &person_undo, &error));
  g_assert_true (tandem_person_restore (store, person_undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (learning_wrong (store), ==, 0);

  /* A file from before schema 5 gets it worked out. */
  tandem_test_make_v4 (store);
  reopen_migrated (&store, dir);
  g_assert_cmpint (learning_wrong (store), ==, 0);
  g_assert_cmpint (query (store, "SELECT count (*) FROM person WHERE learning > 0"), >, 0);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* How many waves' respondents (schema 7) differ from their responses. */
static gint64
respondents_wrong (TandemStore *store)
{
  return query (store, "SELECT count (*) FROM survey_wave w"
                       " WHERE respondents <> (SELECT count (*) FROM survey_response r WHERE r.wave_id = w.id)");
}

/* A wave's respondents (schema 7) stay what its responses say, whoever
 * writes them: the demo, an import, more answers to the same wave, a
 * copy, and a file from before. */
static void
test_stats_wave_respondents (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemStore) store = open_demo (&dir);
  g_autoptr(TandemStore) copy = NULL;
  g_autoptr(GListModel) waves = NULL;
  g_autoptr(GString) text = g_string_new ("wave,fielded_on,level,optimism,resources,transparency\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (dir, "extra.csv", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.db", NULL);
  TandemCounts counts;
  guint listed = 0;

  g_assert_cmpint (query (store, "SELECT min (respondents) FROM survey_wave"), >, 0);
  g_assert_cmpint (respondents_wrong (store), ==, 0);

  /* Twelve answers make a new wave; twelve more are added to it. */
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "Extra wave,2025-06-15,%s,%u,3,\n",
                            i % 2 ? "manager" : "individual_contributor", 1 + i % 5);
  g_assert_true (g_file_set_contents (csv, text->str, -1, &error));
  for (guint round = 1; round <= 2; round++)
    {
      g_autoptr(TandemImportReport) report = tandem_import_report_new ();

      g_assert_true (tandem_import_run (store, TANDEM_IMPORT_RESPONSES, csv, NULL, report, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (query (store, "SELECT respondents FROM survey_wave WHERE title = 'Extra wave'"), ==,
                       12 * round);
      g_assert_cmpint (respondents_wrong (store), ==, 0);
    }

  /* Three more would tell what those three said: refused, nothing added. */
  {
    g_autoptr(TandemImportReport) report = tandem_import_report_new ();

    g_assert_true (g_file_set_contents (csv, "wave,fielded_on,level,optimism\n"
                                             "Extra wave,2025-06-15,manager,5\n"
                                             "Extra wave,2025-06-15,manager,4\n"
                                             "Extra wave,2025-06-15,manager,2\n", -1, &error));
    g_assert_false (tandem_import_run (store, TANDEM_IMPORT_RESPONSES, csv, NULL, report, NULL, &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Adding 3 answers to the wave “Extra wave”"));
    g_clear_error (&error);
    g_assert_cmpint (query (store, "SELECT respondents FROM survey_wave WHERE title = 'Extra wave'"), ==, 24);
    g_assert_cmpint (respondents_wrong (store), ==, 0);
  }

  /* The list of waves and the dashboard read the stored counts. */
  waves = tandem_wave_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (waves); i++)
    {
      g_autoptr(TandemWave) wave = g_list_model_get_item (waves, i);

      if (g_str_equal (tandem_wave_get_title (wave), "Extra wave"))
        listed = tandem_wave_get_n_answers (wave);
    }
  g_assert_cmpuint (listed, ==, 24);
  g_assert_true (tandem_stats_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.answers, ==, query (store, "SELECT count (*) FROM survey_response"));

  /* A copy counts them afresh. */
  copy = tandem_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_copy (store, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (copy, "SELECT sum (respondents) FROM survey_wave"), ==,
                   query (store, "SELECT count (*) FROM survey_response"));
  g_assert_cmpint (respondents_wrong (copy), ==, 0);

  /* A file from before schema 7 gets them counted, and loses the index. */
  tandem_test_make_v6 (store);
  reopen_migrated (&store, dir);
  g_assert_cmpint (query (store, "SELECT min (respondents) FROM survey_wave"), >, 0);
  g_assert_cmpint (respondents_wrong (store), ==, 0);
  g_assert_cmpint (query (store, "SELECT count (*) FROM sqlite_master WHERE name = 'survey_response_wave'"), ==, 0);
  g_clear_object (&store);
  g_clear_object (&copy);
  tandem_test_remove_dir (dir);
}

/* The person and learning indexes as they stand, to compare. */
static char *
index_schema (TandemStore *store)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store,
                                                     "SELECT group_concat (name || ': ' || sql, '; ')"
                                                     "  FROM (SELECT name, sql FROM sqlite_master"
                                                     "         WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)",
                                                     NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (tandem_stmt_step (stmt, NULL), ==, TANDEM_STEP_ROW);
  return g_strdup (tandem_stmt_get_text (stmt, 0));
}

/* Imports the test file @name, which must go in when @good. */
static void
import_data (TandemStore      *store,
             TandemImportKind  kind,
             const char       *name,
             gboolean          good)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_import_run (store, kind, file, NULL, report, NULL, &error) == good);
  g_assert_true ((error == NULL) == good);
}

/* A first import of people builds the person indexes once at the end, and
 * an enrollment import that raises most people's learning builds the one
 * that holds it: afterwards the indexes are the schema's, and sound; a file
 * with problems leaves them as they were. */
static void
test_stats_import_rebuilds_indexes (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autofree char *schema = index_schema (store);
  g_autofree char *after_people = NULL;
  g_autofree char *after_enrollments = NULL;
  g_autofree char *after_failure = NULL;

  g_assert_nonnull (strstr (schema, "person_name: CREATE INDEX person_name ON person (name COLLATE NOCASE)"));
  import_data (store, TANDEM_IMPORT_PEOPLE, "people/bad-flag.csv", FALSE);
  after_failure = index_schema (store);
  g_assert_cmpstr (after_failure, ==, schema);

  import_data (store, TANDEM_IMPORT_PEOPLE, "people/good.csv", TRUE);
  after_people = index_schema (store);
  g_assert_cmpstr (after_people, ==, schema);
  import_data (store, TANDEM_IMPORT_ENROLLMENTS, "enrollments/good.csv", TRUE);
  after_enrollments = index_schema (store);
  g_assert_cmpstr (after_enrollments, ==, schema);

  g_assert_cmpint (query (store, "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count (*) FROM person WHERE learning > 0"), >, 0);
  g_assert_cmpint (learning_wrong (store), ==, 0);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Schema 8 keeps one index for both groupings of the completion report:
 * by department, the (role, department) groups it reads are added up to
 * exactly what counting each department's people gives; a schema 7 file
 * ends with the same indexes as a new one. */
static void
test_stats_person_summary (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemStore) store = open_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TandemStmt) counted = NULL;
  g_autofree char *schema = index_schema (store);
  g_autofree char *migrated = NULL;

  /* A role in two departments, a person with no role, and one gone. */
  g_assert_true (tandem_store_exec (store,
                                    "UPDATE person SET department_id = (SELECT max (id) FROM department)"
                                    " WHERE id = (SELECT min (id) FROM person"
                                    "              WHERE role_id = (SELECT role_id FROM person GROUP BY role_id"
                                    "                                ORDER BY count (*) DESC LIMIT 1)"
                                    "                AND department_id <> (SELECT max (id) FROM department));"
                                    "INSERT INTO person (name, department_id, is_champion)"
                                    "  SELECT 'Nobody Special', min (id), 1 FROM department;"
                                    "UPDATE person SET active = 0 WHERE id = (SELECT max (id) FROM person WHERE role_id IS NOT NULL)",
                                    &error));
  rows = tandem_report_group_rows (store, TANDEM_GROUP_BY_DEPARTMENT, &error);
  g_assert_no_error (error);
  counted = tandem_store_prepare (store,
                                  "SELECT coalesce (d.name, ''), count (*),"
                                  "       count (*) FILTER (WHERE EXISTS (SELECT 1 FROM enrollment e"
                                  "                                        WHERE e.person_id = p.id"
                                  "                                          AND e.status <> 'dropped')),"
                                  "       count (*) FILTER (WHERE EXISTS (SELECT 1 FROM enrollment e"
                                  "                                        WHERE e.person_id = p.id"
                                  "                                          AND e.status = 'completed')),"
                                  "       sum (p.has_tool_access), sum (p.is_champion)"
                                  "  FROM person p LEFT JOIN department d ON d.id = p.department_id"
                                  " WHERE p.active = 1 GROUP BY p.department_id ORDER BY 1 COLLATE NOCASE",
                                  &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const TandemGroupRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (tandem_stmt_step (counted, NULL), ==, TANDEM_STEP_ROW);
      g_assert_cmpstr (row->group, ==, tandem_stmt_get_text (counted, 0));
      g_assert_cmpuint (row->people, ==, tandem_stmt_get_int (counted, 1));
      g_assert_cmpuint (row->enrolled, ==, tandem_stmt_get_int (counted, 2));
      g_assert_cmpuint (row->completed, ==, tandem_stmt_get_int (counted, 3));
      g_assert_cmpuint (row->tool_access, ==, tandem_stmt_get_int (counted, 4));
      g_assert_cmpuint (row->champions, ==, tandem_stmt_get_int (counted, 5));
    }
  g_assert_cmpint (tandem_stmt_step (counted, NULL), ==, TANDEM_STEP_DONE);
  g_assert_cmpuint (rows->len, >, 2);
  g_clear_pointer (&counted, tandem_stmt_free);

  tandem_test_make_v7 (store);
  reopen_migrated (&store, dir);
  migrated = index_schema (store);
  g_assert_cmpstr (migrated, ==, schema);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* A shuffled HR export is written in the order of its external ids, of
 * any length and alphabet, ids alike in their first eight bytes included,
 * people without one first; each row keeps its own name and department. */
static void
test_stats_import_people_in_id_order (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GString) text = g_string_new ("external_id,name,department\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();

  for (guint i = 0; i < 1000; i++)
    {
      g_ptr_array_add (lines, g_strdup_printf ("P-%u,Name of P-%u,Unit %u", i, i, i % 7));
      g_ptr_array_add (lines, g_strdup_printf ("EMPLOYEE-%u,Name of EMPLOYEE-%u,Unit %u", i * 7919 % 1000, i * 7919 % 1000, i % 7));
      g_ptr_array_add (lines, g_strdup_printf ("Ö-%u-x,Name of Ö-%u-x,Unit %u", i, i, i % 7));
    }
  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (lines, g_strdup_printf (",Nobody %u,Unit 9", i));
  for (guint i = lines->len - 1; i > 0; i--)
    {
      guint k = (guint)g_rand_int_range (rand, 0, (gint32)i + 1);
      gpointer swap = lines->pdata[i];

      lines->pdata[i] = lines->pdata[k];
      lines->pdata[k] = swap;
    }
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)lines->pdata[i]);
  g_assert_true (g_file_set_contents (people, text->str, -1, &error));

  g_assert_true (tandem_import_run (store, TANDEM_IMPORT_PEOPLE, people, NULL, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, lines->len);
  g_assert_cmpint (query (store,
                          "SELECT count (*) FROM (SELECT external_id, lag (external_id) OVER (ORDER BY id) AS before"
                          "                         FROM person)"
                          " WHERE before > external_id OR (before IS NOT NULL AND external_id IS NULL)"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count (*) FROM person WHERE external_id IS NULL"), ==, 20);
  g_assert_cmpint (query (store,
                          "SELECT count (*) FROM person p JOIN department d ON d.id = p.department_id"
                          " WHERE p.external_id IS NOT NULL AND p.name <> 'Name of ' || p.external_id"
                          "    OR p.external_id IS NULL AND d.name <> 'Unit 9'"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count (DISTINCT department_id) FROM person"), ==, 8);
  g_assert_cmpint (query (store, "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==, 0);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Thousands of enrollments in random order: written sorted by person and
 * program, and a repeated one found with the line it repeats. */
static void
test_stats_import_enrollments_at_scale (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *enrollments = g_build_filename (dir, "enrollments.csv", NULL);
  g_autoptr(GString) text = g_string_new ("external_id,name\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(TandemImportReport) repeated = tandem_import_report_new ();
  g_autoptr(TandemImportReport) written = tandem_import_report_new ();
  guint order[9000];

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "P-%u,Person %u\n", i, i);
  g_assert_true (g_file_set_contents (people, text->str, -1, &error));
  g_assert_true (tandem_import_run (store, TANDEM_IMPORT_PEOPLE, people, NULL, report, NULL, &error));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i;
  for (guint i = G_N_ELEMENTS (order) - 1; i > 0; i--)
    {
      guint k = (guint)g_rand_int_range (rand, 0, (gint32)i + 1), swap = order[i];

      order[i] = order[k];
      order[k] = swap;
    }
  g_string_assign (text, "external_id,program,status\n");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_string_append_printf (text, "P-%u,Program %u,enrolled\n", order[i] / 3, order[i] % 3);
  g_string_append_printf (text, "P-%u,Program %u,completed\n", order[0] / 3, order[0] % 3);
  g_assert_true (g_file_set_contents (enrollments, text->str, -1, &error));
  g_assert_false (tandem_import_run (store, TANDEM_IMPORT_ENROLLMENTS, enrollments, NULL, repeated, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (repeated->n_problems, ==, 1);
  g_assert_true (tandem_test_report_has_problem (repeated, 9002, NULL, "already enrolled in “Program"));
  g_assert_true (tandem_test_report_has_problem (repeated, 9002, NULL, "on line 2"));

  /* Without the repeat every row goes in, in the index's order. */
  g_string_truncate (text, (gsize)(g_strrstr_len (text->str, (gssize)text->len - 1, "\n") - text->str) + 1);
  g_assert_true (g_file_set_contents (enrollments, text->str, -1, &error));
  g_assert_true (tandem_import_run (store, TANDEM_IMPORT_ENROLLMENTS, enrollments, NULL, written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->created, ==, 9000);
  g_assert_cmpint (query (store, "SELECT count (*) FROM enrollment"), ==, 9000);
  g_assert_cmpint (query (store, "SELECT count (*) FROM enrollment a JOIN enrollment b ON b.id = a.id + 1"
                                 " WHERE b.person_id < a.person_id"
                                 "    OR (b.person_id = a.person_id AND b.program_id < a.program_id)"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count (*) FROM person WHERE learning = 1"), ==, 3000);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Imports run with SQLite's foreign-key checks off (they cost a fifth of a
 * survey import) and refer only to rows they found or made themselves in
 * the same transaction: afterwards nothing refers to a missing row, and
 * the checks are on again. */
static void
test_stats_imports_keep_references (void)
{
  static const struct { TandemImportKind kind; const char *file; } files[] = {
    { TANDEM_IMPORT_PEOPLE, "people/good.csv" },
    { TANDEM_IMPORT_ENROLLMENTS, "enrollments/good.csv" },
    { TANDEM_IMPORT_SESSIONS, "sessions/good.csv" },
    { TANDEM_IMPORT_RESPONSES, "hostile/responses-numbers-readable.csv" },
    { TANDEM_IMPORT_PROGRAMS, "programs/good.csv" },
    { TANDEM_IMPORT_TARGETS, "competency-targets/good.csv" },
  };
  g_autofree char *dir = NULL;
  g_autoptr(TandemStore) store = open_demo (&dir);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", files[i].file, NULL);
      g_autoptr(TandemImportReport) report = tandem_import_report_new ();

      g_assert_true (tandem_import_run (store, files[i].kind, file, NULL, report, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report->created + report->updated, >, 0);
      g_assert_cmpint (query (store, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
      g_assert_cmpint (query (store, "PRAGMA foreign_keys"), ==, 1);
    }
  g_assert_cmpint (learning_wrong (store), ==, 0);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* On the demo organisation (roles of every size), the completion charts
 * give no role of fewer than the threshold its own bar, and the row that
 * stands for the rest comes last, whatever its completion. */
static void
test_stats_program_charts_fold (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemStore) store = open_demo (&dir);
  g_autoptr(GError) error = NULL;
  TandemChart *charts[2];

  charts[0] = tandem_chart_new_program (store, TANDEM_PROGRAM_CHART_COMPLETION, 5, &error);
  g_assert_no_error (error);
  charts[1] = tandem_chart_new_program_by_role (store, query (store, "SELECT min (id) FROM program"), 5, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      guint n_categories = tandem_chart_get_n_categories (charts[c]);

      g_assert_cmpuint (n_categories, >, 2);
      for (guint i = 0; i < n_categories; i++)
        {
          guint n = 0;

          tandem_chart_get_figures (charts[c], 0, i, NULL, NULL, &n);
          g_assert_cmpuint (n, >=, 5);
          g_assert_true ((strstr (tandem_chart_get_category (charts[c], i), " other roles") != NULL) ==
                         (i == n_categories - 1));
        }
      g_object_unref (charts[c]);
    }
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Files may name levels as Tandem's own screens do ("Individual
 * contributor", any case and spacing, plural or singular), in German,
 * Chinese and Japanese as well as by Tandem's code names; anything else
 * is still refused. */
static void
test_stats_import_level_words (void)
{
  static const char people[] =
    "external_id,name,email,department,role,level,champion,tool_access\n"
    "L-1,One,,Sales,Rep,Individual contributor,no,no\n"
    "L-2,Two,,Sales,Chief,EXECUTIVE,no,no\n"
    "L-3,Three,,Sales,Lead,Managers,no,no\n"
    "L-4,Four,,Sales,Analyst, individual-contributors ,no,no\n"
    "L-5,Five,,Sales,Vorstand,Führungskraft,no,no\n"
    "L-6,Six,,Sales,Fachkraft,mitarbeitende,no,no\n"
    "L-7,Seven,,Sales,总监,高管,no,no\n"
    "L-8,Eight,,Sales,担当,一般社員,no,no\n"
    "L-9,Nine,,Sales,課長,マネージャー,no,no\n";
  g_autofree char *dir = NULL;
  g_autoptr(TandemStore) store = open_demo (&dir);
  g_autofree char *csv = g_build_filename (dir, "levels.csv", NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  TandemLevel level;

  tandem_test_write_file (csv, people, strlen (people));
  g_assert_true (tandem_import_run (store, TANDEM_IMPORT_PEOPLE, csv, NULL, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 9);
  g_assert_cmpint (query (store, "SELECT count (*) FROM role WHERE level = 'individual_contributor'"
                                 " AND name IN ('Rep', 'Analyst', 'Fachkraft', '担当')"), ==, 4);
  g_assert_cmpint (query (store, "SELECT count (*) FROM role WHERE level = 'executive'"
                                 " AND name IN ('Chief', 'Vorstand', '总监')"), ==, 3);
  g_assert_cmpint (query (store, "SELECT count (*) FROM role WHERE level = 'manager'"
                                 " AND name IN ('Lead', '課長')"), ==, 2);

  g_assert_false (tandem_parse_level ("Director", &level));
  g_assert_false (tandem_parse_level ("individual", &level));
  g_assert_false (tandem_parse_level ("", &level));
  g_assert_true (tandem_parse_level ("Individual_Contributor", &level));
  g_assert_cmpint (level, ==, TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Counts are written with the reader's digit grouping. */
static void
test_types_format_count (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *plain = NULL;

  plain = tandem_format_count (33381);
  g_assert_cmpstr (plain, ==, "33381");   /* the tests' C.UTF-8 groups nothing */
  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL || setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      setlocale (LC_NUMERIC, saved);
      g_test_skip ("en_US.UTF-8 or de_DE.UTF-8 is not generated (./dev.sh test generates them)");
      return;
    }
  setlocale (LC_NUMERIC, "en_US.UTF-8");
  {
    g_autofree char *english = tandem_format_count (33381);
    g_autofree char *small = tandem_format_count (981);

    g_assert_cmpstr (english, ==, "33,381");
    g_assert_cmpstr (small, ==, "981");
  }
  /* Charts say n the same way, on screen and to a screen reader. */
  {
    g_autoptr(TandemChart) chart = tandem_chart_new ("n");
    g_autofree char *said = NULL;

    tandem_chart_add_series (chart, "ICs");
    tandem_chart_add_category (chart, "Everyone");
    tandem_chart_set_value (chart, 0, 0, 40, NAN, NAN, 12345);
    said = tandem_chart_describe_point (chart, 0, 0);
    g_assert_cmpstr (said, ==, "ICs, Everyone: 40%, n 12,345");
  }
  setlocale (LC_NUMERIC, "de_DE.UTF-8");
  {
    g_autofree char *german = tandem_format_count (1000000);

    g_assert_cmpstr (german, ==, "1.000.000");
  }
  setlocale (LC_NUMERIC, saved);
}

static GString *plans;

static void
collect_plan (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  if (plans != NULL)
    g_string_append_printf (plans, "%s\n", message);
}

/* The statements that must answer in milliseconds on 100,000 people read
 * indexes, never each person's enrollments one by one. TANDEM_DEBUG=plans
 * (set in main) logs the plan of every statement the store prepares. */
static void
test_stats_hot_plans (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemStore) store = open_demo (&dir);
  g_autoptr(GError) error = NULL;
  TandemCounts counts;

  g_log_set_handler ("Tandem-Plan", G_LOG_LEVEL_DEBUG, collect_plan, NULL);
  plans = g_string_new (NULL);
  for (TandemGroupBy by = 0; by < TANDEM_N_GROUP_BY; by++)
    {
      g_autoptr(GPtrArray) rows = tandem_report_group_rows (store, by, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, >, 0);
    }
  /* The reports: one pass over people, no lookup per person. */
  g_assert_null (strstr (plans->str, "CORRELATED"));
  g_assert_true (tandem_stats_get_counts (store, &counts, &error));
  g_assert_cmpuint (counts.completions, ==, query (store, "SELECT count (*) FROM enrollment WHERE status = 'completed'"));
  g_assert_cmpuint (counts.enrollments, ==, query (store, "SELECT count (*) FROM enrollment WHERE status <> 'dropped'"));

  g_test_message ("%s", plans->str);
  /* Every grouping from the one index: by department too, in its order. */
  g_assert_nonnull (strstr (plans->str, "USING COVERING INDEX person_summary"));
  g_assert_null (strstr (plans->str, "person_role"));
  g_assert_null (strstr (plans->str, "person_department"));
  /* The dashboard: enrollments by status, one index range per program. */
  g_assert_nonnull (strstr (plans->str, "enrollment_program (program_id=? AND status=?)"));
  g_assert_null (strstr (plans->str, "SCAN person\n"));
  g_assert_null (strstr (plans->str, "SCAN e\n"));
  g_assert_null (strstr (plans->str, "SCAN enrollment\n"));
  g_string_free (g_steal_pointer (&plans), TRUE);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TANDEM_DEBUG", "plans", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/stats/learning-summary", test_stats_learning_summary);
  g_test_add_func ("/tandem/stats/wave-respondents", test_stats_wave_respondents);
  g_test_add_func ("/tandem/stats/import-rebuilds-indexes", test_stats_import_rebuilds_indexes);
  g_test_add_func ("/tandem/stats/person-summary", test_stats_person_summary);
  g_test_add_func ("/tandem/stats/import-people-in-id-order", test_stats_import_people_in_id_order);
  g_test_add_func ("/tandem/stats/import-enrollments-at-scale", test_stats_import_enrollments_at_scale);
  g_test_add_func ("/tandem/stats/hot-plans", test_stats_hot_plans);
  g_test_add_func ("/tandem/stats/import-level-words", test_stats_import_level_words);
  g_test_add_func ("/tandem/stats/program-charts-fold", test_stats_program_charts_fold);
  g_test_add_func ("/tandem/stats/imports-keep-references", test_stats_imports_keep_references);

  g_test_add_func ("/tandem/stats/impact", test_stats_impact);

  g_test_add_func ("/tandem/stats/wilson", test_stats_wilson);
  g_test_add_func ("/tandem/stats/share-threshold", test_stats_share_threshold);
  g_test_add_func ("/tandem/stats/migrate-responses", test_stats_migrate_responses);
  g_test_add_func ("/tandem/stats/import-malformed", test_stats_import_malformed);
  g_test_add_func ("/tandem/stats/suppress-complements", test_stats_suppress_complements);
  g_test_add_func ("/tandem/stats/heatmap", test_stats_heatmap);
  g_test_add_func ("/tandem/stats/gap-heatmap", test_stats_gap_heatmap);
  g_test_add_func ("/tandem/stats/gap-series", test_stats_gap_series);
  g_test_add_func ("/tandem/pair/cadence", test_pair_cadence);
  g_test_add_func ("/tandem/types/date-parse", test_date_parse);
  g_test_add_func ("/tandem/types/format-count", test_types_format_count);

  return g_test_run ();
}
