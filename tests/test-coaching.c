/* test-coaching.c — pairs, sessions, follow-ups, the sessions import, the
 * pairs report, the migration to schema 2 and the privacy of notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-coaching-charts.h"
#include "tandem-export.h"
#include "tandem-follow-up.h"
#include "tandem-import.h"
#include "tandem-pair.h"
#include "tandem-report.h"
#include "tandem-session.h"
#include "tandem-store-private.h"
#ifdef TANDEM_TEST_SERVER
#include "tandem-test-pg.h"
#endif
#include "tandem-test-util.h"
#include "tandem-types.h"

#define TANDEM_DEMO_SEED_FOR_TESTS 2025

typedef struct
{
  char        *dir;
  char        *path;
  TandemStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = tandem_test_make_dir ();
  f->path = tandem_test_fresh_database (f->dir, "tandem.db");
  f->store = tandem_test_demo_store (f->path, TANDEM_DEMO_SEED_FOR_TESTS);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  tandem_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
person_id (Fixture    *f,
           const char *external_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (f->store,
                                                       "SELECT id FROM person WHERE external_id = $1",
                                                       &error);
  g_assert_no_error (error);
  tandem_stmt_bind_text (stmt, 1, external_id);
  g_assert_cmpint (tandem_stmt_step (stmt, NULL), ==, TANDEM_STEP_ROW);
  return tandem_stmt_get_int64 (stmt, 0);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  tandem_store_query_int (f->store, sql, &n, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_pair_rules (Fixture       *f,
                 gconstpointer  data)
{
  /* MER-1000 is an executive, MER-1010 a manager, MER-1200/1201 ICs. */
  gint64 executive = person_id (f, "MER-1000");
  gint64 manager = person_id (f, "MER-1010");
  gint64 ic = person_id (f, "MER-1200");
  gint64 other_ic = person_id (f, "MER-1201");
  g_autoptr(GError) error = NULL;
  gint64 pairs = count (f, "SELECT count(*) FROM mentoring_pair");

  g_assert_cmpint (tandem_pair_add (f->store, executive, ic, "2026-01-05", 14, "Inbox", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_pair_add (f->store, manager, ic, "2026-01-05", 21, NULL, &error), >, 0);
  g_assert_no_error (error);

  {
    const struct { gint64 executive, mentor; const char *date; guint cadence; const char *says; } bad[] = {
      { executive, executive, "2026-01-05", 14, "themself" },
      { 0, 0, "2026-01-05", 14, "Choose the executive" },
      { executive, 0, "2026-01-05", 14, "Choose the mentor" },
      { ic, other_ic, "2026-01-05", 14, "executives and managers" },
      { executive, 999999, "2026-01-05", 14, "mentor is not" },
      { 999999, ic, "2026-01-05", 14, "executive is not" },
      { executive, ic, "2026-13-05", 14, "YYYY-MM-DD" },
      { executive, ic, "2026-01-05", 0, "between 1 and 365" },
      { executive, ic, "2026-01-05", 400, "between 1 and 365" },
      { executive, ic, "1999-12-31", 14, "from 2000-01-01" },
      { executive, ic, "2099-01-05", 14, "from 2000-01-01" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_test_message ("bad pair %u", i);
        g_assert_cmpint (tandem_pair_add (f->store, bad[i].executive, bad[i].mentor, bad[i].date,
                                          bad[i].cadence, NULL, &error), ==, 0);
        g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, bad[i].says));
        g_clear_error (&error);
      }
  }

  g_assert_cmpint (count (f, "SELECT count(*) FROM mentoring_pair"), ==, pairs + 2);
}

static void
test_session_and_follow_ups (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GDate) today = tandem_test_demo_today ();
  g_autoptr(TandemFollowUp) first = NULL;
  gint64 pair = tandem_pair_add (f->store, person_id (f, "MER-1000"), person_id (f, "MER-1200"),
                                 "2026-10-01", 14, NULL, &error);
  TandemSessionDraft draft = {
    .pair_id = pair, .held_on = "2026-10-15", .minutes = 40,
    .tools = "Claude", .data_used = "Her own sent emails",
    .insight = "Tone turns abrasive in busy weeks",
    .follow_ups = "Tone check on escalations\n\n  Share the prompt  \n",
    .confidence_before = 2, .confidence_after = 4, .private_notes = "Felt exposed",
  };
  gint64 sessions_before = count (f, "SELECT count(*) FROM coaching_session");

  /* Dates a typing slip gives are refused, and say what is accepted. */
  {
    static const char * const implausible[] = { "2099-06-01", "0001-01-01", "1999-12-31" };

    for (guint i = 0; i < G_N_ELEMENTS (implausible); i++)
      {
        TandemSessionDraft slip = draft;

        slip.held_on = implausible[i];
        g_assert_cmpint (tandem_session_add (f->store, &slip, &error), ==, 0);
        g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "from 2000-01-01 to a year from today"));
        g_clear_error (&error);
      }
  }

  g_assert_cmpint (tandem_session_add (f->store, &draft, &error), >, 0);
  g_assert_no_error (error);

  open = tandem_follow_up_list_open (f->store, pair, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 2);
  first = g_list_model_get_item (open, 0);
  g_assert_cmpstr (tandem_follow_up_get_text (first), ==, "Tone check on escalations");
  g_assert_cmpstr (tandem_follow_up_get_raised_on (first), ==, "2026-10-15");

  /* Open follow-ups carry to the next session until ticked off. */
  draft.held_on = "2026-10-29";
  draft.follow_ups = "";
  g_assert_cmpint (tandem_session_add (f->store, &draft, &error), >, 0);
  g_clear_object (&open);
  open = tandem_follow_up_list_open (f->store, pair, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 2);

  g_assert_true (tandem_follow_up_set_done (f->store, tandem_follow_up_get_id (first), today, &error));
  g_clear_object (&open);
  open = tandem_follow_up_list_open (f->store, pair, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);

  sessions = tandem_session_list_for_pair (f->store, pair, &error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);

  /* Bad drafts are refused and write nothing. */
  {
    const TandemSessionDraft bad[] = {
      { .pair_id = pair, .held_on = "2026-02-30" },
      { .pair_id = pair, .held_on = "yesterday" },
      { .pair_id = pair, .held_on = "2026-10-30", .confidence_before = 6 },
      { .pair_id = pair, .held_on = "2026-10-30", .minutes = 2000 },
      { .pair_id = 999999, .held_on = "2026-10-30" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (tandem_session_add (f->store, &bad[i], &error), ==, 0);
        g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
        g_clear_error (&error);
      }
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM coaching_session"), ==, sessions_before + 2);
}

static char *
corpus (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sessions", name, NULL);
}

static void
test_import_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = corpus ("good.csv");
  gint64 sessions = count (f, "SELECT count(*) FROM coaching_session");
  gint64 pairs = count (f, "SELECT count(*) FROM mentoring_pair");

  g_assert_true (tandem_import_run (f->store, TANDEM_IMPORT_SESSIONS, path, NULL, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows, ==, 3);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpuint (report->n_problems, ==, 0);
  g_assert_cmpuint (report->notes->len, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM coaching_session"), ==, sessions + 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mentoring_pair"), ==, pairs + 2);

  /* The new pair starts on its earliest session, not on the first row's. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM mentoring_pair mp"
                             "  JOIN person e ON e.id = mp.executive_id"
                             "  JOIN person m ON m.id = mp.mentor_id"
                             " WHERE e.external_id = 'MER-1000' AND m.external_id = 'MER-1200'"
                             "   AND mp.started_on = '2026-02-24' AND mp.cadence_days = 14"), ==, 1);
  /* Quoted commas, doubled quotes and line breaks arrive intact. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM coaching_session WHERE data_used = 'Her own emails, last month'"
                             " AND insight LIKE '%\"tone check\"%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM coaching_session WHERE insight LIKE 'Drafts fast,__judgement still hers'"
                             "    OR insight LIKE 'Drafts fast,_judgement still hers'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM follow_up WHERE text IN ('Share template', 'Ask IT about access')"), ==, 2);
  /* Empty optional cells stay empty. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM coaching_session WHERE tools_tried = 'Copilot'"
                             " AND minutes IS NULL AND confidence_before IS NULL"), ==, 1);

  /* Importing again adds to the same pairs. */
  g_clear_pointer (&report, tandem_import_report_free);
  report = tandem_import_report_new ();
  g_assert_true (tandem_import_run (f->store, TANDEM_IMPORT_SESSIONS, path, NULL, report, NULL, &error));
  g_assert_cmpuint (report->notes->len, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM mentoring_pair"), ==, pairs + 2);
}

static void
test_import_malformed (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *file; guint line; const char *column; const char *reason; } cases[] = {
    { "unknown-person.csv", 3, "executive_external_id", "no person has the external id “NOBODY”" },
    { "bad-date.csv", 2, "date", "not a date" },
    { "bad-confidence.csv", 2, "confidence_after", "from 1 to 5" },
    { "wrong-column-count.csv", 2, NULL, "expected 10 fields" },
    { "missing-columns.csv", 1, NULL, "date" },
    { "not-an-executive.csv", 2, "executive_external_id", "not an executive or a manager" },
    { "self-mentoring.csv", 2, "mentor_external_id", "cannot mentor themself" },
    { "unbalanced-quote.csv", 0, NULL, "quote" },
    { "empty.csv", 0, NULL, "empty" },
    { "header-only.csv", 0, NULL, "no rows" },
    { "binary.bin", 0, NULL, "binary" },
    { "not-utf8.csv", 0, NULL, "UTF-8" },
  };
  g_autofree char *before = tandem_test_dump (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemImportReport) report = tandem_import_report_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = corpus (cases[i].file);
      g_autofree char *after = NULL;

      g_test_message ("case %s", cases[i].file);
      g_assert_false (tandem_import_run (f->store, TANDEM_IMPORT_SESSIONS, path, NULL, report, NULL, &error));
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
      g_assert_cmpuint (report->n_problems, >=, 1);
      g_assert_true (tandem_test_report_has_problem (report, cases[i].line, cases[i].column, cases[i].reason));

      /* Nothing was written: the database is exactly as it was. */
      after = tandem_test_dump (f->store);
      g_assert_true (g_str_equal (before, after));
    }
}

static void
test_report_pairs (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) as_of = tandem_date_parse_iso ("2026-03-20");
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 pair;
  TandemSessionDraft draft = { .held_on = "2026-03-10" };

  /* A pair with one session on 03-10: next due 03-24, 10 days since as of 03-20. */
  g_assert_true (tandem_store_exec (f->store, "UPDATE mentoring_pair SET active = 0", &error));
  pair = tandem_pair_add (f->store, person_id (f, "MER-1000"), person_id (f, "MER-1200"),
                          "2026-03-01", 14, NULL, &error);
  draft.pair_id = pair;
  g_assert_cmpint (tandem_session_add (f->store, &draft, &error), >, 0);
  /* And one with none yet, started 03-15: first due 03-29. */
  tandem_pair_add (f->store, person_id (f, "MER-1240"), person_id (f, "MER-1201"), "2026-03-15", 14, NULL, &error);
  g_assert_no_error (error);

  csv = tandem_report_pairs (f->store, as_of, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "executive,mentor,cadence_days,sessions,last_session,days_since,next_due,status");
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, two rows, final empty */
  g_assert_true (g_str_has_suffix (lines[1], ",14,1,2026-03-10,10,2026-03-24,on_track"));
  g_assert_true (g_str_has_suffix (lines[2], ",14,0,,,2026-03-29,no_sessions"));
  g_assert_cmpstr (lines[3], ==, "");

  /* The same pair judged on the day it is due, and the day after. */
  g_clear_pointer (&csv, g_free);
  g_date_set_dmy (as_of, 24, G_DATE_MARCH, 2026);
  csv = tandem_report_pairs (f->store, as_of, TANDEM_REPORT_CSV, &error);
  g_assert_nonnull (strstr (csv, ",2026-03-24,due_soon\n"));
  g_clear_pointer (&csv, g_free);
  g_date_set_dmy (as_of, 25, G_DATE_MARCH, 2026);
  csv = tandem_report_pairs (f->store, as_of, TANDEM_REPORT_CSV, &error);
  g_assert_nonnull (strstr (csv, ",2026-03-24,overdue\n"));
}

static void
test_private_notes (Fixture       *f,
                    gconstpointer  data)
{
  static const char secret[] = "SECRET-NOTE-7f3a";
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = tandem_test_demo_today ();
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_autofree char *report = NULL;
  g_autofree char *md = g_build_filename (f->dir, "journal.md", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  gint64 pair = tandem_pair_add (f->store, person_id (f, "MER-1000"), person_id (f, "MER-1200"),
                                 "2026-10-01", 14, NULL, &error);
  TandemSessionDraft draft = { .pair_id = pair, .held_on = "2026-10-15", .insight = "Shared insight",
                               .private_notes = secret };

  g_assert_cmpint (tandem_session_add (f->store, &draft, &error), >, 0);

  /* Left out unless asked for by name… */
  without = tandem_export_journal_markdown (f->store, "MER-1000", FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (without, "Shared insight"));
  g_assert_null (strstr (without, secret));
  g_assert_true (tandem_export_journal (f->store, "MER-1000", md, FALSE, &error));
  g_file_get_contents (md, &contents, NULL, &error);
  g_assert_null (strstr (contents, secret));

  report = tandem_report_pairs (f->store, today, TANDEM_REPORT_CSV, &error);
  g_assert_null (strstr (report, secret));

  /* …and there when asked for. */
  with = tandem_export_journal_markdown (f->store, "MER-1000", TRUE, &error);
  g_assert_nonnull (strstr (with, secret));

  /* A journal for someone unknown, or in another format, is refused. */
  g_assert_false (tandem_export_journal (f->store, "NOBODY", md, FALSE, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tandem_export_journal (f->store, "MER-1000", svg, FALSE, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT);
}

static void
test_migrate_from_v1 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean backed_up = FALSE;
  gint64 lines;

  /* A file written by an older Tandem. */
  if (tandem_test_skip_on_server ())
    return;

  /* Turn the file back into schema 1: no follow_up table. */
  lines = count (f, "SELECT count(*) FROM follow_up");
  g_assert_cmpint (lines, >, 0);
  tandem_test_make_v3_surveys (f->store);
  g_assert_true (tandem_store_exec (f->store, "DROP TABLE follow_up; PRAGMA user_version = 1;", &error));
  g_clear_object (&f->store);

  f->store = tandem_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_schema_version (f->store), ==, TANDEM_STORE_SCHEMA_VERSION);
  /* Every follow-up line of every session became an open item again. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM follow_up WHERE done_on IS NULL"), ==, lines);

  /* And the schema-1 file was copied aside first. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "tandem.db.v1-") && g_str_has_suffix (name, ".bak"))
      backed_up = TRUE;
  g_assert_true (backed_up);
}

/* A session logged by mistake is deleted with its follow-ups, and Undo
 * brings both back exactly as they were, private notes included. */
static void
test_session_delete_and_restore (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undo = NULL;
  gint64 session = count (f, "SELECT s.id FROM coaching_session s"
                             " WHERE EXISTS (SELECT 1 FROM follow_up u WHERE u.session_id = s.id)"
                             "   AND s.private_notes <> '' ORDER BY s.id LIMIT 1");
  gint64 sessions = count (f, "SELECT count (*) FROM coaching_session");

  g_assert_cmpint (session, >, 0);
  before = tandem_test_dump (f->store);
  g_assert_true (tandem_session_delete (f->store, session, &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (count (f, "SELECT count (*) FROM coaching_session"), ==, sessions - 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM follow_up WHERE session_id NOT IN"
                             " (SELECT id FROM coaching_session)"), ==, 0);

  /* Deleting it again says it is gone. */
  g_assert_false (tandem_session_delete (f->store, session, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (tandem_session_restore (f->store, undo, &error));
  g_assert_no_error (error);
  after = tandem_test_dump (f->store);
  g_assert_cmpstr (after, ==, before);
}

/* A mistaken entry is corrected: every field, and the follow-ups follow
 * the new text (a ticked-off one stays ticked, one taken out goes, a new
 * line becomes an open item). */
static void
test_session_update (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 pair = tandem_pair_add (f->store, person_id (f, "MER-1000"), person_id (f, "MER-1200"),
                                 "2026-10-01", 14, NULL, &error);
  TandemSessionDraft draft = {
    .pair_id = pair, .held_on = "2026-10-15", .minutes = 40, .tools = "Claude",
    .insight = "First try", .follow_ups = "Keep this\nDrop this", .confidence_before = 2,
  };
  gint64 session, kept;

  g_assert_no_error (error);
  session = tandem_session_add (f->store, &draft, &error);
  g_assert_no_error (error);
  kept = count (f, "SELECT id FROM follow_up WHERE text = 'Keep this'");
  {
    g_autoptr(GDate) done_on = g_date_new_dmy (20, G_DATE_OCTOBER, 2026);

    g_assert_true (tandem_follow_up_set_done (f->store, kept, done_on, &error));
  }
  g_assert_no_error (error);

  draft.held_on = "2026-10-16";
  draft.insight = "What really happened";
  draft.follow_ups = "Keep this\nA new one";
  draft.confidence_before = 0;
  draft.confidence_after = 5;
  g_assert_true (tandem_session_update (f->store, session, &draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM coaching_session WHERE insight = 'What really happened'"
                             " AND held_on = '2026-10-16' AND confidence_before IS NULL AND confidence_after = 5"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT id FROM follow_up WHERE text = 'Keep this' AND done_on = '2026-10-20'"), ==, kept);
  g_assert_cmpint (count (f, "SELECT count (*) FROM follow_up WHERE text = 'Drop this'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM follow_up WHERE text = 'A new one' AND done_on IS NULL"), ==, 1);

  /* A bad date changes nothing; a session that is gone says so. */
  draft.held_on = "2026-02-30";
  g_assert_false (tandem_session_update (f->store, session, &draft, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM coaching_session WHERE held_on = '2026-10-16'"), >=, 1);
  draft.held_on = "2026-10-17";
  g_assert_false (tandem_session_update (f->store, session + 100000, &draft, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
}

static void
test_coaching_charts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = tandem_test_demo_today ();
  g_autoptr(TandemChart) sessions = tandem_chart_new_coaching (f->store, TANDEM_COACHING_SESSIONS, today, &error);
  g_autoptr(TandemChart) cadence = tandem_chart_new_coaching (f->store, TANDEM_COACHING_CADENCE, today, &error);
  g_autoptr(TandemChart) confidence = tandem_chart_new_coaching (f->store, TANDEM_COACHING_CONFIDENCE, today, &error);
  g_autofree char *report = NULL;
  g_autofree char *png = g_build_filename (f->dir, "coaching.png", NULL);
  TandemChart *all[] = { sessions, cadence, confidence };
  double total = 0, on_track;
  guint last = TANDEM_COACHING_MONTHS - 1;
  guint overdue = 0, rows = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (tandem_chart_get_n_categories (sessions), ==, TANDEM_COACHING_MONTHS);

  /* The bars add up to every session of the last twelve months. */
  for (guint c = 0; c < TANDEM_COACHING_MONTHS; c++)
    total += tandem_chart_get_value (sessions, 0, c);
  g_assert_cmpfloat (total, ==, (double)count (f, "SELECT count(*) FROM coaching_session"
                                                  " WHERE held_on > '2025-11-30' AND held_on <= '2026-11-22'"));

  /* This month's share on cadence agrees with the pairs report of today. */
  report = tandem_report_pairs (f->store, today, TANDEM_REPORT_CSV, &error);
  {
    g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

    for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
      {
        rows++;
        if (g_str_has_suffix (lines[i], ",overdue"))
          overdue++;
      }
  }
  on_track = tandem_chart_get_value (cadence, 0, last);
  g_assert_cmpuint (rows, ==, 8);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpfloat_with_epsilon (on_track, 100.0 * (rows - overdue) / rows, 1e-9);

  /* Confidence is an average of 1–5 ratings. */
  for (guint c = 0; c < TANDEM_COACHING_MONTHS; c++)
    for (guint s = 0; s < 2; s++)
      {
        double v = tandem_chart_get_value (confidence, s, c);

        g_assert_true (isnan (v) || (v >= 1.0 && v <= 5.0));
      }

  /* All three export as one page. */
  g_assert_true (tandem_export_charts (all, 3, png, 1920, 1080, &error));
  g_assert_no_error (error);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tandem/pair/rules", test_pair_rules);
  ADD ("/tandem/session/add-and-follow-ups", test_session_and_follow_ups);
  ADD ("/tandem/import/sessions-good", test_import_good);
  ADD ("/tandem/import/sessions-malformed", test_import_malformed);
  ADD ("/tandem/report/pairs", test_report_pairs);
  ADD ("/tandem/privacy/private-notes", test_private_notes);
  ADD ("/tandem/store/migrate-from-v1", test_migrate_from_v1);
  ADD ("/tandem/coaching/charts", test_coaching_charts);
  ADD ("/tandem/session/delete-and-restore", test_session_delete_and_restore);
  ADD ("/tandem/session/update", test_session_update);
#undef ADD

  return g_test_run ();
}
