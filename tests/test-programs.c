/* test-programs.c — people, programs, enrollments, their imports, the
 * completion and champions reports, the CSV exports and the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-competency.h"
#include "tandem-enrollment.h"
#include "tandem-export.h"
#include "tandem-import.h"
#include "tandem-pair.h"
#include "tandem-person-model.h"
#include "tandem-person.h"
#include "tandem-program-charts.h"
#include "tandem-program.h"
#include "tandem-report.h"
#include "tandem-search.h"
#include "tandem-session.h"
#include "tandem-store-private.h"
#ifdef TANDEM_TEST_SERVER
#include "tandem-test-pg.h"
#endif
#include "tandem-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  TandemStore *store;
} Fixture;

/* An empty organisation: every figure below is counted by hand. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = tandem_test_make_dir ();
  f->path = tandem_test_fresh_database (f->dir, "tandem.db");
  f->store = tandem_store_open (f->path, &error);
  g_assert_no_error (error);
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

static char *
corpus (const char *kind,
        const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", kind, name, NULL);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;
  gboolean ok = tandem_store_query_int (f->store, sql, &value, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return value;
}

static gint64
add_person (Fixture     *f,
            const char  *external_id,
            const char  *name,
            const char  *department,
            const char  *role,
            TandemLevel  level,
            gboolean     champion,
            gboolean     tool_access)
{
  g_autoptr(GError) error = NULL;
  TandemPersonDraft draft = { external_id, name, "", department, role, level, champion, tool_access, TRUE };
  gint64 id = tandem_person_save (f->store, 0, NULL, &draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_program (Fixture            *f,
             const char         *title,
             const char * const *roles,
             guint               capacity)
{
  g_autoptr(GError) error = NULL;
  TandemProgramDraft draft = { title, "", TANDEM_FORMAT_WORKSHOP, 1u << TANDEM_TOPIC_BASICS, roles,
                               "2026-01-05", "2026-03-31", 0, capacity };
  gint64 id = tandem_program_save (f->store, 0, NULL, &draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
import_ok (Fixture            *f,
           TandemImportKind    kind,
           const char         *path,
           TandemImportReport *report)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = tandem_import_run (f->store, kind, path, NULL, report, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (report->n_problems, ==, 0);
  return report->created;
}

/* ----- people ----- */

static void
test_person_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemPerson) person = NULL;
  TandemPersonDraft nameless = { "E-9", "  ", "", "", "", TANDEM_LEVEL_MANAGER, FALSE, FALSE, TRUE };
  TandemPersonDraft bad_email = { "E-9", "Sam", "sam at example", "", "", TANDEM_LEVEL_MANAGER, FALSE, FALSE, TRUE };
  TandemPersonDraft taken = { "E-1", "Sam", "", "", "", TANDEM_LEVEL_MANAGER, FALSE, FALSE, TRUE };
  TandemLevel level;
  gint64 ada;

  ada = add_person (f, "E-1", "Ada Okafor", "Finance", "Finance Analyst",
                    TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, TRUE);

  g_assert_cmpint (tandem_person_save (f->store, 0, NULL, &nameless, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_person_save (f->store, 0, NULL, &bad_email, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_person_save (f->store, 0, NULL, &taken, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ada Okafor"));
  g_clear_error (&error);
  {
    g_autofree char *long_role = g_strnfill (TANDEM_LIMIT_SHORT + 1, 'r');
    TandemPersonDraft too_long = { "E-9", "Sam", "", "", long_role, TANDEM_LEVEL_MANAGER, FALSE, FALSE, TRUE };

    g_assert_cmpint (tandem_person_save (f->store, 0, NULL, &too_long, &error), ==, 0);
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "A role can be at most 200 characters long; shorten it and try again.");
    g_clear_error (&error);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 1);

  /* The department and role were made on the way; editing keeps the id. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM department WHERE name = 'Finance'"), ==, 1);
  g_assert_true (tandem_role_get_level (f->store, "finance analyst", &level));
  g_assert_cmpint (level, ==, TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR);
  taken.name = "Ada Okafor-Berg";
  taken.role = "Finance Analyst";
  taken.level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
  taken.champion = TRUE;
  g_assert_cmpint (tandem_person_save (f->store, ada, NULL, &taken, &error), ==, ada);
  g_assert_no_error (error);
  person = tandem_person_lookup (f->store, ada, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_person_get_name (person), ==, "Ada Okafor-Berg");
  g_assert_cmpstr (tandem_person_get_department (person), ==, "");
  g_assert_true (tandem_person_get_champion (person));

  g_assert_true (tandem_person_set_active (f->store, ada, FALSE, &error));
  g_clear_object (&person);
  person = tandem_person_lookup (f->store, ada, &error);
  g_assert_false (tandem_person_get_active (person));
}

static void
test_person_delete_undo (Fixture       *f,
                         gconstpointer  data)
{
  const char *roles[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TandemSessionDraft session = { .held_on = "2026-02-02", .insight = "Tone turns abrasive",
                                 .follow_ups = "Try it on the board memo", .private_notes = "secret" };
  gint64 exec, mentor, program, pair;

  exec = add_person (f, "X-1", "Regional Executive", "Sales", "VP Sales", TANDEM_LEVEL_EXECUTIVE, FALSE, TRUE);
  mentor = add_person (f, "X-2", "Junior Analyst", "Sales", "Analyst",
                       TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, TRUE, TRUE);
  program = add_program (f, "Hands-on AI", roles, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, exec, program, TANDEM_ENROLLMENT_COMPLETED,
                                          "2026-02-01", &error), >, 0);
  g_assert_true (tandem_store_exec (f->store, "UPDATE program SET owner_id = 1", &error));
  pair = tandem_pair_add (f->store, exec, mentor, "2026-01-05", 14, "Email tone", &error);
  g_assert_no_error (error);
  session.pair_id = pair;
  g_assert_cmpint (tandem_session_add (f->store, &session, &error), >, 0);
  g_assert_no_error (error);

  before = tandem_test_dump (f->store);
  g_assert_true (tandem_person_delete (f->store, exec, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM coaching_session"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM program WHERE owner_id IS NULL"), ==, 1);

  /* Undo puts every row back as it was, with the same ids. */
  g_assert_true (tandem_person_restore (f->store, undo, &error));
  g_assert_no_error (error);
  after = tandem_test_dump (f->store);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (tandem_person_delete (f->store, 999, NULL, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
}

static void
test_person_model (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TandemPersonModel) model = tandem_person_model_new (f->store);
  g_autoptr(GError) error = NULL;
  TandemPersonQuery query = TANDEM_PERSON_QUERY_INIT;
  const guint n = 1000;
  guint champions = 0, analysts_in_finance = 0;

  /* Enough people for several pages of the on-demand model. */
  g_assert_true (tandem_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("P-%04u", i);
      g_autofree char *name = g_strdup_printf ("Person %04u", n - i);
      gboolean finance = i % 3 == 0;
      gboolean analyst = i % 2 == 0;

      add_person (f, id, name, finance ? "Finance" : "Support", analyst ? "Analyst" : "Agent",
                  TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, i % 25 == 0, i % 4 == 0);
      champions += i % 25 == 0;
      analysts_in_finance += finance && analyst;
    }
  g_assert_true (tandem_store_commit (f->store, &error));

  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (tandem_person_model_get_total (model), ==, n);

  /* By name, across page boundaries, in both directions. */
  for (guint i = 0; i < n; i += 97)
    {
      g_autoptr(TandemPerson) person = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *expected = g_strdup_printf ("Person %04u", i + 1);

      g_assert_cmpstr (tandem_person_get_name (person), ==, expected);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

  query.descending = TRUE;
  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  {
    g_autoptr(TandemPerson) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (tandem_person_get_name (first), ==, "Person 1000");
  }

  query.descending = FALSE;
  query.champion = 1;
  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, champions);

  query.champion = -1;
  query.department = "Finance";
  query.role = "Analyst";
  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, analysts_in_finance);

  /* Search in names, with LIKE's wildcards taken literally. */
  query.department = NULL;
  query.role = NULL;
  query.search = "son 00";
  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 99);
  query.search = "%";
  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Deactivated people are left out unless asked for. */
  query.search = NULL;
  g_assert_true (tandem_store_exec (f->store, "UPDATE person SET active = 0 WHERE id <= 10", &error));
  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 10);
  g_assert_cmpint (tandem_person_model_find (model, 5), ==, -1);
  query.include_inactive = TRUE;
  g_assert_true (tandem_person_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpint (tandem_person_model_find (model, 5), >=, 0);
}

/* ----- programs and enrollments ----- */

static void
test_program_rules (Fixture       *f,
                    gconstpointer  data)
{
  const char *roles[] = { "Finance Analyst", "CFO", NULL };
  const char *unknown[] = { "Astronaut", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProgram) program = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TandemProgramDraft draft = { "Prompt Literacy", "Hands-on", TANDEM_FORMAT_WORKSHOP,
                               (1u << TANDEM_TOPIC_PROMPT_LITERACY) | (1u << TANDEM_TOPIC_ETHICS), roles,
                               "2026-02-01", "2026-01-01", 0, 20 };
  gint64 id, ada;

  ada = add_person (f, "E-1", "Ada", "Finance", "Finance Analyst", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, FALSE);
  add_person (f, "E-2", "Marta", "Finance", "CFO", TANDEM_LEVEL_EXECUTIVE, FALSE, FALSE);

  g_assert_cmpint (tandem_program_save (f->store, 0, NULL, &draft, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);   /* ends before it starts */
  g_clear_error (&error);
  draft.ends_on = "2026-03-31";
  draft.target_roles = unknown;
  g_assert_cmpint (tandem_program_save (f->store, 0, NULL, &draft, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM program"), ==, 0);

  draft.target_roles = roles;
  draft.owner_id = ada;
  id = tandem_program_save (f->store, 0, NULL, &draft, &error);
  g_assert_no_error (error);
  program = tandem_program_lookup (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_program_get_title (program), ==, "Prompt Literacy");
  g_assert_cmpuint (tandem_program_get_topics (program), ==, draft.topics);
  g_assert_cmpuint (g_strv_length ((char **)tandem_program_get_target_roles (program)), ==, 2);
  g_assert_cmpstr (tandem_program_get_target_roles (program)[0], ==, "CFO");
  g_assert_cmpstr (tandem_program_get_owner (program), ==, "Ada");
  g_assert_cmpuint (tandem_program_get_capacity (program), ==, 20);
  g_assert_cmpstr (tandem_program_get_starts_on (program), ==, "2026-02-01");

  /* Its status by its dates, 2026-02-01 to 2026-03-31, on either side. */
  {
    static const struct { const char *today; TandemProgramPhase phase; } days[] = {
      { "2026-01-31", TANDEM_PROGRAM_UPCOMING },
      { "2026-02-01", TANDEM_PROGRAM_RUNNING },
      { "2026-03-31", TANDEM_PROGRAM_RUNNING },
      { "2026-04-01", TANDEM_PROGRAM_ENDED },
    };

    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autoptr(GDate) today = tandem_date_parse_iso (days[i].today);

        g_assert_cmpint (tandem_program_get_phase (program, today), ==, days[i].phase);
      }
    g_assert_cmpstr (tandem_program_phase_get_label (TANDEM_PROGRAM_RUNNING), ==, "Running");
  }

  /* A second program may not take the same title. */
  g_assert_cmpint (tandem_program_save (f->store, 0, NULL, &draft, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (tandem_enrollment_add (f->store, ada, id, TANDEM_ENROLLMENT_ENROLLED, "2026-02-01", &error), >, 0);
  before = tandem_test_dump (f->store);
  g_assert_true (tandem_program_delete (f->store, id, &undo, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment"), ==, 0);
  g_assert_true (tandem_program_restore (f->store, undo, &error));
  g_assert_no_error (error);
  after = tandem_test_dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_enrollment_flow (Fixture       *f,
                      gconstpointer  data)
{
  const char *roles[] = { "Support Agent", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TandemEnrollment) e = NULL;
  guint counts[TANDEM_N_ENROLLMENT_STATUSES];
  guint added = 0;
  gint64 program, small, agent, lead, id;

  agent = add_person (f, "S-1", "Agent One", "Support", "Support Agent", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, 0, 0);
  add_person (f, "S-2", "Agent Two", "Support", "Support Agent", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, 0, 0);
  add_person (f, "S-3", "Agent Three", "Claims", "Support Agent", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, 0, 0);
  lead = add_person (f, "S-4", "Team Lead", "Support", "Support Lead", TANDEM_LEVEL_MANAGER, 0, 0);
  program = add_program (f, "Support Copilots", roles, 0);
  small = add_program (f, "Small Cohort", NULL, 1);

  /* Moving through the statuses keeps each day. */
  id = tandem_enrollment_add (f->store, agent, program, TANDEM_ENROLLMENT_INVITED, "2026-01-02", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_enrollment_set_status (f->store, id, TANDEM_ENROLLMENT_ENROLLED, "2026-01-05", &error));
  g_assert_true (tandem_enrollment_set_status (f->store, id, TANDEM_ENROLLMENT_IN_PROGRESS, "2026-01-09", &error));
  g_assert_true (tandem_enrollment_set_status (f->store, id, TANDEM_ENROLLMENT_COMPLETED, "2026-02-01", &error));
  g_assert_no_error (error);
  list = tandem_enrollment_list_for_person (f->store, agent, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  e = g_list_model_get_item (list, 0);
  g_assert_cmpint (tandem_enrollment_get_status (e), ==, TANDEM_ENROLLMENT_COMPLETED);
  g_assert_cmpstr (tandem_enrollment_get_invited_on (e), ==, "2026-01-02");
  g_assert_cmpstr (tandem_enrollment_get_enrolled_on (e), ==, "2026-01-05");
  g_assert_cmpstr (tandem_enrollment_get_completed_on (e), ==, "2026-02-01");
  g_assert_cmpstr (tandem_enrollment_get_program (e), ==, "Support Copilots");

  /* Back to in progress: no completion date any more. */
  g_assert_true (tandem_enrollment_set_status (f->store, id, TANDEM_ENROLLMENT_IN_PROGRESS, "2026-02-02", &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE completed_on IS NULL"), ==, 1);

  /* Twice in one program is refused. */
  g_assert_cmpint (tandem_enrollment_add (f->store, agent, program, TANDEM_ENROLLMENT_INVITED, NULL, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* In bulk: the role must be a target; a department narrows it down. */
  g_assert_false (tandem_enrollment_enrol_matching (f->store, program, "Support Lead", NULL, NULL, &added, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_enrollment_enrol_matching (f->store, program, NULL, "Support", "2026-01-10", &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);     /* Agent Two: Agent One is in, the lead is not targeted */
  g_assert_true (tandem_enrollment_enrol_matching (f->store, program, "Support Agent", NULL, NULL, &added, &error));
  g_assert_cmpuint (added, ==, 1);     /* Agent Three, in Claims */
  g_assert_true (tandem_program_count_statuses (f->store, program, counts, &error));
  g_assert_cmpuint (counts[TANDEM_ENROLLMENT_INVITED], ==, 2);
  g_assert_cmpuint (counts[TANDEM_ENROLLMENT_IN_PROGRESS], ==, 1);

  /* Capacity: one place, so a second person is refused and nothing changes. */
  g_assert_cmpint (tandem_enrollment_add (f->store, lead, small, TANDEM_ENROLLMENT_ENROLLED, NULL, &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, agent, small, TANDEM_ENROLLMENT_ENROLLED, NULL, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_enrollment_enrol_matching (f->store, small, NULL, NULL, NULL, &added, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE program_id = 2"), ==, 1);

  /* Removing and restoring. */
  g_clear_object (&list);
  g_clear_object (&e);
  list = tandem_enrollment_list_for_program (f->store, small, &error);
  e = g_list_model_get_item (list, 0);
  g_assert_true (tandem_enrollment_remove (f->store, e, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE program_id = 2"), ==, 0);
  g_assert_true (tandem_enrollment_restore (f->store, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE program_id = 2"), ==, 1);
}

/* ----- imports ----- */

static void
test_import_people (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(TandemImportReport) again = tandem_import_report_new ();
  g_autoptr(TandemImportReport) changed = tandem_import_report_new ();
  g_autofree char *path = corpus ("people", "good.csv");
  g_autofree char *edited = g_build_filename (f->dir, "edited.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStmt) stmt = NULL;
  const char *text = "external_id,name,email,department,role,level,champion,tool_access\n"
                     "E-1,Ada Okafor,ada@example.com,Finance,Finance Analyst,individual_contributor,yes,no\n"
                     "E-5,New Person,,Legal,Counsel,individual_contributor,no,no\n"
                     "E-6,Quoted Blanks,,\"  \",\" \t\",individual_contributor,no,no\n";

  g_assert_cmpint (import_ok (f, TANDEM_IMPORT_PEOPLE, path, report), ==, 4);
  g_assert_cmpuint (report->rows, ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM department"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM role"), ==, 4);
  g_assert_cmpuint (report->notes->len, ==, 6);   /* 2 departments, 4 roles */

  /* Quotes, commas and a newline inside fields; flags and levels in any case. */
  stmt = tandem_store_prepare (f->store,
                               "SELECT p.name, p.is_champion, p.has_tool_access, r.level FROM person p"
                               "  JOIN role r ON r.id = p.role_id WHERE p.external_id = $1",
                               &error);
  tandem_stmt_bind_text (stmt, 1, "E-1");
  g_assert_cmpint (tandem_stmt_step (stmt, NULL), ==, TANDEM_STEP_ROW);
  g_assert_cmpstr (tandem_stmt_get_nullable_text (stmt, 0), ==, "Okafor, Ada");
  g_assert_cmpint (tandem_stmt_get_int (stmt, 1), ==, 1);
  g_assert_cmpint (tandem_stmt_get_int (stmt, 2), ==, 0);
  g_assert_cmpstr (tandem_stmt_get_nullable_text (stmt, 3), ==, "individual_contributor");
  tandem_stmt_reset (stmt);
  tandem_stmt_bind_text (stmt, 1, "E-2");
  g_assert_cmpint (tandem_stmt_step (stmt, NULL), ==, TANDEM_STEP_ROW);
  g_assert_cmpstr (tandem_stmt_get_nullable_text (stmt, 0), ==, "Li \"Lee\" Wei");
  g_assert_cmpint (tandem_stmt_get_int (stmt, 2), ==, 1);
  tandem_stmt_reset (stmt);
  tandem_stmt_bind_text (stmt, 1, "E-3");
  g_assert_cmpint (tandem_stmt_step (stmt, NULL), ==, TANDEM_STEP_ROW);
  g_assert_cmpstr (tandem_stmt_get_nullable_text (stmt, 0), ==, "Marta\nNowak");
  g_assert_cmpstr (tandem_stmt_get_nullable_text (stmt, 3), ==, "executive");

  /* The same file again changes nothing; an edited one updates, not duplicates. */
  import_ok (f, TANDEM_IMPORT_PEOPLE, path, again);
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->updated, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 4);

  tandem_test_write_file (edited, text, strlen (text));
  import_ok (f, TANDEM_IMPORT_PEOPLE, edited, changed);
  g_assert_cmpuint (changed->created, ==, 2);
  g_assert_cmpuint (changed->updated, ==, 1);
  g_assert_cmpuint (changed->unchanged, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE name = 'Ada Okafor'"), ==, 1);
  /* Blanks in quotes are no department and no role. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE external_id = 'E-6'"
                             "   AND department_id IS NULL AND role_id IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM role"), ==, 5);

  /* An import writes rows it checked itself without SQLite's checks, and
   * turns them back on: a name of spaces is still refused afterwards. */
  g_assert_false (tandem_store_exec (f->store, "INSERT INTO person (name) VALUES ('   ')", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 6);
}

/* The corpus's good people, then its good enrollments; returns how many
 * enrollments were created. */
static gint64
import_good_enrollments (Fixture            *f,
                         TandemImportReport *report)
{
  g_autoptr(TandemImportReport) people = tandem_import_report_new ();
  g_autofree char *people_path = corpus ("people", "good.csv");
  g_autofree char *path = corpus ("enrollments", "good.csv");

  import_ok (f, TANDEM_IMPORT_PEOPLE, people_path, people);
  return import_ok (f, TANDEM_IMPORT_ENROLLMENTS, path, report);
}

static void
test_import_enrollments (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(TandemImportReport) again = tandem_import_report_new ();
  g_autoptr(TandemImportReport) changed = tandem_import_report_new ();
  g_autofree char *path = corpus ("enrollments", "good.csv");
  g_autofree char *changed_path = g_build_filename (f->dir, "changed.csv", NULL);
  g_autoptr(GError) error = NULL;
  gboolean named = FALSE;

  g_assert_cmpint (import_good_enrollments (f, report), ==, 4);

  /* The unknown programs were created and named in the report. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM program"), ==, 2);
  for (guint i = 0; i < report->notes->len; i++)
    named |= strstr (g_ptr_array_index (report->notes, i), "Support Copilots, hands-on") != NULL;
  g_assert_true (named);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE status = 'dropped'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE completed_on = '2026-02-01'"), ==, 1);
  /* Written in one statement on a file, one a row on a server: the same. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE completed_on IS NULL"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE enrolled_on = '' OR completed_on = ''"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE learning > 0"), >, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE learning <> " TANDEM_SQL_LEARNING_OF ("person.id")),
                   ==, 0);

  /* The same file again changes nothing; the programs exist now. */
  g_assert_cmpint (import_ok (f, TANDEM_IMPORT_ENROLLMENTS, path, again), ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 4);
  g_assert_cmpuint (again->updated, ==, 0);

  /* One person moved on, one new enrollment in a program that exists. */
  g_assert_true (g_file_set_contents (changed_path,
                                      "external_id,program,status,enrolled_on,completed_on\n"
                                      "E-2,Prompt Literacy for Finance,completed,2026-01-12,2026-03-02\n"
                                      "E-4,\"Support Copilots, hands-on\",enrolled,2026-03-01,\n",
                                      -1, &error));
  g_assert_cmpint (import_ok (f, TANDEM_IMPORT_ENROLLMENTS, changed_path, changed), ==, 1);
  g_assert_cmpuint (changed->updated, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE completed_on = '2026-03-02'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE learning <> " TANDEM_SQL_LEARNING_OF ("person.id")),
                   ==, 0);
}

/* A schema-2 file keeps every enrollment, with its id, when it is brought
 * to the current schema, and the status rule still holds afterwards. */
static void
test_migrate_enrollments (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  gint64 before, dropped_id;

  /* A file written by an older Tandem, or by hand. */
  if (tandem_test_skip_on_server ())
    return;

  import_good_enrollments (f, report);
  before = count (f, "SELECT count(*) FROM enrollment");
  dropped_id = count (f, "SELECT id FROM enrollment WHERE status = 'dropped'");
  tandem_test_make_v3_surveys (f->store);
  g_assert_true (tandem_store_exec (f->store, "PRAGMA user_version = 2;", &error));
  g_clear_object (&f->store);

  f->store = tandem_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_schema_version (f->store), ==, TANDEM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment"), ==, before);
  g_assert_cmpint (count (f, "SELECT id FROM enrollment WHERE status = 'dropped'"), ==, dropped_id);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE completed_on = '2026-02-01'"), ==, 1);
  g_assert_false (tandem_store_exec (f->store, "UPDATE enrollment SET status = 'finished'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (tandem_store_check (f->store, &check, &error));
  g_assert_cmpstr (check, ==, "ok");
}

typedef struct
{
  const char *kind;
  const char *file;
  guint       line;
  const char *column;
  const char *reason;
} MalformedCase;

static void
assert_refused (Fixture             *f,
                TandemImportKind     kind,
                const char          *path,
                const MalformedCase *c)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = tandem_test_dump (f->store);
  g_autofree char *after = NULL;

  g_test_message ("case %s/%s", c->kind, c->file);
  g_assert_false (tandem_import_run (f->store, kind, path, NULL, report, NULL, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_cmpuint (report->n_problems, >=, 1);
  g_assert_true (tandem_test_report_has_problem (report, c->line, c->column, c->reason));

  after = tandem_test_dump (f->store);
  g_assert_true (g_str_equal (before, after));
}

static void
test_import_malformed (Fixture       *f,
                       gconstpointer  data)
{
  static const MalformedCase cases[] = {
    { "people", "wrong-column-count.csv", 3, NULL, "expected 8 fields" },
    { "people", "bad-level.csv", 2, "level", "“director” is not a level" },
    { "people", "duplicate-external-id.csv", 4, "external_id", "already on line 2" },
    { "people", "bad-flag.csv", 2, "champion", "not yes or no" },
    { "people", "blank-name.csv", 3, "name", "every person needs a name" },
    { "people", "role-two-levels.csv", 3, "level", "a role has one level" },
    { "people", "missing-columns.csv", 1, NULL, "name" },
    { "people", "empty.csv", 0, NULL, "empty" },
    { "people", "binary.bin", 0, NULL, "binary" },
    { "enrollments", "bad-date.csv", 2, "completed_on", "not a date" },
    { "enrollments", "unknown-person.csv", 2, "external_id", "no person has the external id “NOBODY”" },
    { "enrollments", "bad-status.csv", 2, "status", "“finished” is not a status" },
    { "enrollments", "completed-without-status.csv", 2, "completed_on", "needs the status completed" },
    { "enrollments", "completed-before-enrolled.csv", 2, "completed_on", "before the person enrolled" },
    { "enrollments", "duplicate-enrollment.csv", 3, NULL, "already enrolled" },
    { "enrollments", "wrong-column-count.csv", 2, NULL, "expected 5 fields" },
  };
  g_autoptr(TandemImportReport) people = tandem_import_report_new ();
  g_autofree char *people_path = corpus ("people", "good.csv");

  /* Refusals are checked against an organisation that has people in it. */
  import_ok (f, TANDEM_IMPORT_PEOPLE, people_path, people);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = corpus (cases[i].kind, cases[i].file);
      TandemImportKind kind;

      g_assert_true (tandem_import_kind_from_string (cases[i].kind, &kind));
      assert_refused (f, kind, path, &cases[i]);
    }
}

/* A 50 MB export whose very last row is bad: read to the end, refused
 * whole, the database untouched. Written at run time, not kept in git. */
static void
test_import_huge (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.csv", NULL);
  g_autofree char *padding = g_strnfill (180, 'x');
  g_autoptr(GString) text = g_string_new ("external_id,name,email,department,role,level,champion,tool_access\n");
  MalformedCase huge = { "people", "huge.csv", 0, "level", "“chief” is not a level" };
  guint line = 1;

  if (g_getenv ("TANDEM_TEST_UNDER_VALGRIND") != NULL)
    {
      g_test_skip ("50 MB take too long under valgrind");
      return;
    }

  while (text->len < 50 * 1024 * 1024)
    {
      line++;
      g_string_append_printf (text, "H-%07u,Person %s %u,p%u@example.com,Dept %u,Role %u,individual_contributor,no,yes\n",
                              line, padding, line, line, line % 40, line % 90);
    }
  g_string_append_printf (text, "H-LAST,Last Person,last@example.com,Dept 1,Chief,chief,no,no\n");
  huge.line = line + 1;
  tandem_test_write_file (path, text->str, text->len);
  g_test_message ("%.1f MB, %u lines", text->len / 1048576.0, line + 1);

  assert_refused (f, TANDEM_IMPORT_PEOPLE, path, &huge);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 0);
}

/* Every text field has a limit: a cell past it is a row error naming its
 * line and column, the database unchanged, however long the cell. */
static void
test_import_limits (Fixture       *f,
                    gconstpointer  data)
{
  static const char header[] = "external_id,name,email,department,role,level,champion,tool_access\n";
  g_autofree char *path = g_build_filename (f->dir, "limits.csv", NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) email = g_string_new (NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  MalformedCase long_name = { "people", "limits.csv", 3, "name", "longer than 200 characters" };
  MalformedCase long_email = { "people", "limits.csv", 2, "email", "longer than 254 characters" };
  MalformedCase huge_name = { "people", "limits.csv", 2, "name", "longer than 200 characters" };

  g_assert_cmpuint (tandem_text_limit_for_column ("insight"), ==, TANDEM_LIMIT_LONG);
  g_assert_cmpuint (tandem_text_limit_for_column ("follow_ups"), ==, TANDEM_LIMIT_LONG);
  g_assert_cmpuint (tandem_text_limit_for_column ("department"), ==, TANDEM_LIMIT_SHORT);

  /* 200 characters of two bytes each fit; 201 do not. */
  for (guint i = 0; i < TANDEM_LIMIT_SHORT; i++)
    g_string_append (name, "é");
  text = g_string_new (header);
  g_string_append_printf (text, "L-1,%s,,Sales,Rep,individual_contributor,no,no\n", name->str);
  g_string_append_printf (text, "L-2,%sé,,Sales,Rep,individual_contributor,no,no\n", name->str);
  tandem_test_write_file (path, text->str, text->len);
  assert_refused (f, TANDEM_IMPORT_PEOPLE, path, &long_name);

  g_string_truncate (text, strlen (header));
  g_string_append_printf (text, "L-1,%s,,Sales,Rep,individual_contributor,no,no\n", name->str);
  tandem_test_write_file (path, text->str, text->len);
  import_ok (f, TANDEM_IMPORT_PEOPLE, path, report);
  g_assert_cmpint (count (f, "SELECT length (name) FROM person"), ==, TANDEM_LIMIT_SHORT);

  /* An address may be 254 characters long (RFC 5321), no more. */
  g_string_append (email, "a@");
  while (email->len < TANDEM_LIMIT_EMAIL + 1)
    g_string_append_c (email, 'x');
  g_string_truncate (text, strlen (header));
  g_string_append_printf (text, "L-3,Ana,%s,Sales,Rep,individual_contributor,no,no\n", email->str);
  tandem_test_write_file (path, text->str, text->len);
  assert_refused (f, TANDEM_IMPORT_PEOPLE, path, &long_email);

  /* A name of 20 MB is refused like one a character too long. */
  g_string_set_size (huge, (tandem_test_is_instrumented () ? 1 : 20) * 1024 * 1024);
  memset (huge->str, 'n', huge->len);
  g_string_truncate (text, strlen (header));
  g_string_append_printf (text, "L-4,%s,,Sales,Rep,individual_contributor,no,no\n", huge->str);
  tandem_test_write_file (path, text->str, text->len);
  assert_refused (f, TANDEM_IMPORT_PEOPLE, path, &huge_name);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person"), ==, 1);
}

/* A database that already holds an over-long value (an older file, raw
 * SQL) opens as usual: readers get the value cut at its column's limit,
 * and undo still puts back the value whole. */
static void
test_stored_overlong (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(TandemPerson) person = NULL;
  g_autoptr(TandemStmt) stmt = NULL;
  g_autofree char *huge = g_strnfill (5 * 1024 * 1024, 'N');
  g_autofree char *undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *name;
  gint64 id;

  /* A file written by an older Tandem, or by hand. */
  if (tandem_test_skip_on_server ())
    return;

  id = add_person (f, "O-1", "Short For Now", "Sales", "Rep", TANDEM_LEVEL_MANAGER, FALSE, FALSE);
  stmt = tandem_store_prepare (f->store, "UPDATE person SET name = $1 WHERE id = $2", &error);
  g_assert_no_error (error);
  tandem_stmt_bind_text (stmt, 1, huge);
  tandem_stmt_bind_int64 (stmt, 2, id);
  g_assert_true (tandem_stmt_step_done (stmt, &error));
  g_assert_no_error (error);

  people = tandem_person_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  person = g_list_model_get_item (people, 0);
  name = tandem_person_get_name (person);
  g_assert_cmpint (g_utf8_strlen (name, -1), ==, TANDEM_LIMIT_SHORT + 1);
  g_assert_true (g_str_has_suffix (name, "N…"));

  before = tandem_test_dump (f->store);
  g_assert_true (tandem_person_delete (f->store, id, &undo, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_person_restore (f->store, undo, &error));
  g_assert_no_error (error);
  after = tandem_test_dump (f->store);
  g_assert_true (g_str_equal (before, after));
  g_assert_cmpint (count (f, "SELECT length (name) FROM person"), ==, 5 * 1024 * 1024);
}

static void
test_import_mapping (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "hr.csv", NULL);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  const char *text = "Employee ID;x,Full name,Work email,Dept,Job title,Level,AI Champion,Tool Access\n"
                     "A-1,Ada,ada@example.com,Finance,Analyst,individual_contributor,no,yes\n"
                     "A-2,Wei,wei@example.com,Support,Agent,individual_contributor,yes,no\n";
  guint n_columns = 0;
  g_autofree int *mapping = NULL;

  /* As many as the kind has columns, optional ones (active) included. */
  tandem_import_kind_get_columns (TANDEM_IMPORT_PEOPLE, &n_columns);
  g_assert_cmpuint (n_columns, ==, 9);
  mapping = g_new0 (int, n_columns);
  tandem_test_write_file (path, text, strlen (text));
  preview = tandem_import_preview (path, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 2);   /* the header and one row */

  /* Names that differ only in case and spacing are found, and so are the
   * headings HR systems use for a field; a heading nobody uses is not. */
  g_assert_false (tandem_import_guess_mapping (TANDEM_IMPORT_PEOPLE,
                                               (const char * const *)g_ptr_array_index (preview, 0), mapping));
  g_assert_cmpint (mapping[0], ==, -1);   /* "Employee ID;x" */
  g_assert_cmpint (mapping[1], ==, 1);    /* "Full name" */
  g_assert_cmpint (mapping[2], ==, 2);    /* "Work email" */
  g_assert_cmpint (mapping[3], ==, 3);    /* "Dept" */
  g_assert_cmpint (mapping[4], ==, 4);    /* "Job title" */
  g_assert_cmpint (mapping[5], ==, 5);
  g_assert_cmpint (mapping[6], ==, 6);    /* "AI Champion" */
  g_assert_cmpint (mapping[7], ==, 7);
  g_assert_cmpint (mapping[8], ==, -1);   /* no active column: everyone stays as they are */

  /* The user maps the rest by hand. */
  mapping[0] = 0;
  g_assert_true (tandem_import_run (f->store, TANDEM_IMPORT_PEOPLE, path, mapping, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE is_champion = 1"), ==, 1);

  /* Only the two fields a person needs are required; a file with just
   * those renames a known person and keeps the rest of what was stored. */
  {
    const char *names = "Emp No,Name\nA-1,Ada Lovelace\nA-3,Grace\n";
    g_autoptr(TandemImportReport) again = tandem_import_report_new ();
    const char *header[] = { "Emp No", "Name", NULL };
    int two[9];

    for (guint c = 0; c < n_columns; c++)
      g_assert_true (tandem_import_kind_is_optional (TANDEM_IMPORT_PEOPLE, c) == (c > 1));
    g_assert_true (tandem_import_guess_mapping (TANDEM_IMPORT_PEOPLE, header, two));
    g_assert_cmpint (two[0], ==, 0);
    g_assert_cmpint (two[1], ==, 1);
    tandem_test_write_file (path, names, strlen (names));
    g_assert_true (tandem_import_run (f->store, TANDEM_IMPORT_PEOPLE, path, two, again, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (again->created, ==, 1);
    g_assert_cmpuint (again->updated, ==, 1);
    g_assert_cmpint (count (f, "SELECT count(*) FROM person p JOIN department d ON d.id = p.department_id"
                               " JOIN role r ON r.id = p.role_id"
                               " WHERE p.name = 'Ada Lovelace' AND p.email = 'ada@example.com'"
                               "   AND d.name = 'Finance' AND r.name = 'Analyst' AND p.has_tool_access = 1"
                               "   AND p.is_champion = 0"), ==, 1);
    g_assert_cmpint (count (f, "SELECT count(*) FROM person WHERE name = 'Grace' AND role_id IS NULL"
                               " AND department_id IS NULL AND email = '' AND is_champion = 0 AND active = 1"), ==, 1);
  }

  /* A learning system's export without dates enrols all the same. */
  {
    const char *courses = "Employee ID,Course,Enrollment Status\nA-1,Basics,enrolled\n";
    const char *header[] = { "Employee ID", "Course", "Enrollment Status", NULL };
    g_autoptr(TandemImportReport) enrolled = tandem_import_report_new ();
    const char *no_roles[] = { NULL };
    int three[5];

    add_program (f, "Basics", no_roles, 0);
    g_assert_true (tandem_import_guess_mapping (TANDEM_IMPORT_ENROLLMENTS, header, three));
    g_assert_cmpint (three[0], ==, 0);
    g_assert_cmpint (three[1], ==, 1);
    g_assert_cmpint (three[2], ==, 2);
    g_assert_cmpint (three[3], ==, -1);
    g_assert_cmpint (three[4], ==, -1);
    tandem_test_write_file (path, courses, strlen (courses));
    g_assert_true (tandem_import_run (f->store, TANDEM_IMPORT_ENROLLMENTS, path, three, enrolled, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM enrollment WHERE enrolled_on IS NULL"), ==, 1);
  }

  /* Every field has a name for people, not the file format's. */
  g_assert_cmpstr (tandem_import_column_label ("external_id"), ==, "Employee ID");
  g_assert_cmpstr (tandem_import_column_label ("tool_access"), ==, "Tool access");
}

/* ----- competencies ----- */

/* Six analysts and six agents; Basics raises prompt literacy to 1, Deep to
 * 3. Analysts target 2, agents 1; four analysts completed Basics, two of
 * them Deep too (so they attained 3), and three agents completed Basics.
 * One analyst is inactive and leaves the counts. */
static void
test_competencies (Fixture       *f,
                   gconstpointer  data)
{
  const char *no_roles[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *by_department = NULL;
  g_autofree char *record = NULL;
  g_autofree char *level = NULL;
  gint64 analysts[6], agents[6], basics, deep;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *a = g_strdup_printf ("A-%u", i);
      g_autofree char *b = g_strdup_printf ("S-%u", i);
      g_autofree char *an = g_strdup_printf ("Analyst %u", i);
      g_autofree char *bn = g_strdup_printf ("Agent %u", i);

      analysts[i] = add_person (f, a, an, "Finance", "Analyst", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, FALSE);
      agents[i] = add_person (f, b, bn, "Support", "Agent", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, FALSE);
    }
  basics = add_program (f, "Basics", no_roles, 0);
  deep = add_program (f, "Deep", no_roles, 0);
  g_assert_true (tandem_store_exec (f->store, "UPDATE program SET duration_hours = 1.5 WHERE title = 'Basics'",
                                    &error));

  g_assert_cmpint (tandem_competency_add (f->store, "Prompt literacy", "Writes good prompts", &error), >, 0);
  g_assert_cmpint (tandem_competency_add (f->store, "Safe use", "", &error), >, 0);
  g_assert_cmpint (tandem_competency_add (f->store, " ", "", &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_role_set_target (f->store, "Analyst", "Prompt literacy", 2, &error));
  g_assert_true (tandem_role_set_target (f->store, "Agent", "Prompt literacy", 1, &error));
  g_assert_false (tandem_role_set_target (f->store, "Agent", "Juggling", 1, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_role_set_target (f->store, "Agent", "Safe use", 4, &error));
  g_clear_error (&error);
  g_assert_true (tandem_program_set_competency (f->store, basics, "Prompt literacy", 1, &error));
  g_assert_true (tandem_program_set_competency (f->store, basics, "Safe use", 2, &error));
  g_assert_true (tandem_program_set_competency (f->store, deep, "Prompt literacy", 3, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (tandem_enrollment_add (f->store, analysts[i], basics, TANDEM_ENROLLMENT_COMPLETED, "2026-03-01",
                                            &error), >, 0);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (tandem_enrollment_add (f->store, analysts[i], deep, TANDEM_ENROLLMENT_COMPLETED, "2026-04-01",
                                            &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, analysts[4], deep, TANDEM_ENROLLMENT_IN_PROGRESS, "2026-04-01",
                                          &error), >, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (tandem_enrollment_add (f->store, agents[i], basics, TANDEM_ENROLLMENT_COMPLETED, "2026-03-01",
                                            &error), >, 0);
  g_assert_true (tandem_person_set_active (f->store, analysts[5], FALSE, &error));
  g_assert_no_error (error);

  /* Attained: the highest a completed program gave; in progress gives none. */
  g_assert_cmpuint (tandem_person_get_attained (f->store, analysts[0], "Prompt literacy"), ==, 3);
  g_assert_cmpuint (tandem_person_get_attained (f->store, analysts[2], "Prompt literacy"), ==, 1);
  g_assert_cmpuint (tandem_person_get_attained (f->store, analysts[4], "Prompt literacy"), ==, 0);
  g_assert_cmpuint (tandem_person_get_attained (f->store, agents[0], "Safe use"), ==, 2);

  /* The report, to the character: no role targets safe use, so nobody is
   * counted for it. */
  report = tandem_report_competencies (f->store, TANDEM_GROUP_BY_ROLE, 5, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==,
                   "group,competency,target_level,people,at_target,at_target_pct\n"
                   "Agent,Prompt literacy,1,6,3,50.0\n"
                   "Analyst,Prompt literacy,2,5,2,40.0\n");
  by_department = tandem_report_competencies (f->store, TANDEM_GROUP_BY_DEPARTMENT, 5, TANDEM_REPORT_CSV, &error);
  g_assert_cmpstr (by_department, ==,
                   "group,competency,target_level,people,at_target,at_target_pct\n"
                   "Finance,Prompt literacy,2,5,2,40.0\n"
                   "Support,Prompt literacy,1,6,3,50.0\n");
  /* Under a threshold of 6 the analysts (5) join the rest, which alone is
   * too small to show. */
  g_clear_pointer (&report, g_free);
  report = tandem_report_competencies (f->store, TANDEM_GROUP_BY_ROLE, 6, TANDEM_REPORT_CSV, &error);
  g_assert_cmpstr (report, ==,
                   "group,competency,target_level,people,at_target,at_target_pct\n"
                   "Agent,Prompt literacy,1,6,3,50.0\n");

  /* The record: one row per completed enrollment of an active person (the
   * competencies quoted, as a cell with ";" is for spreadsheets that split
   * on it). */
  record = tandem_export_literacy_record_csv (f->store, "Support", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record, ==,
                   "external_id,name,department,role,program,completed_on,competencies,hours\r\n"
                   "S-0,Agent 0,Support,Agent,Basics,2026-03-01,\"Prompt literacy:1;Safe use:2\",1.5\r\n"
                   "S-1,Agent 1,Support,Agent,Basics,2026-03-01,\"Prompt literacy:1;Safe use:2\",1.5\r\n"
                   "S-2,Agent 2,Support,Agent,Basics,2026-03-01,\"Prompt literacy:1;Safe use:2\",1.5\r\n");
  g_clear_pointer (&record, g_free);
  record = tandem_export_literacy_record_csv (f->store, NULL, &error);
  {
    g_auto(GStrv) lines = g_strsplit (record, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 4 + 2 + 3 + 1);   /* the header, and the last line's end */
  }
  g_assert_null (tandem_export_literacy_record_csv (f->store, "Nowhere", &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Levels are named in the user's language unless renamed. */
  level = tandem_competency_level_dup_name (f->store, 2);
  g_assert_cmpstr (level, ==, "Practising");
  g_assert_true (tandem_competency_level_set_name (f->store, 2, "Applying", &error));
  g_free (level);
  level = tandem_competency_level_dup_name (f->store, 2);
  g_assert_cmpstr (level, ==, "Applying");

  /* What to do next: for each role below its target, the program that
   * would raise it there; inviting those who lack it skips anyone already
   * in the program. */
  {
    g_autoptr(GDate) today = tandem_date_parse_iso ("2026-02-01");   /* the programs run to March */
    g_autoptr(GPtrArray) steps = tandem_competency_next_steps (f->store, today, &error);
    TandemNextStep *step;
    guint added = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (steps->len, ==, 2);
    step = g_ptr_array_index (steps, 0);
    g_assert_cmpstr (step->role, ==, "Agent");
    g_assert_cmpuint (step->lacking, ==, 3);
    g_assert_cmpstr (step->program, ==, "Basics");
    g_assert_cmpuint (step->room, ==, G_MAXUINT);
    step = g_ptr_array_index (steps, 1);
    g_assert_cmpstr (step->role, ==, "Analyst");
    g_assert_cmpuint (step->lacking, ==, 3);
    g_assert_cmpstr (step->program, ==, "Deep");   /* Basics gives 1, short of 2 */
    tandem_competency_enrol_lacking (f->store, "Analyst", "Prompt literacy", deep, today, &added, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 2);   /* the third is in Deep already */
    g_assert_cmpint (count (f, "SELECT count (*) FROM enrollment WHERE status = 'invited'"), ==, 2);

    /* Once the programs have ended, none is offered. */
    {
      g_autoptr(GDate) later = tandem_date_parse_iso ("2026-05-01");
      g_autoptr(GPtrArray) none = tandem_competency_next_steps (f->store, later, &error);

      g_assert_cmpuint (none->len, ==, 0);
    }
  }

  /* Targets and programs from files, all or nothing: a row that names a
   * role nobody has refuses the whole file. */
  {
    g_autofree char *path = g_build_filename (f->dir, "targets.csv", NULL);
    const char *good = "role,competency,target_level\nAgent,Safe use,Practising\nAnalyst,Prompt literacy,\n";
    const char *bad = "role,competency,target_level\nAgent,Safe use,3\nAstronaut,Safe use,1\n";
    const char *programs = "title,duration_hours,competencies\nBasics,2,Safe use:3;Prompt literacy:1\n"
                           "Advanced,\"7,5\",Judging AI output:2\n";
    g_autoptr(TandemImportReport) refused = tandem_import_report_new ();
    g_autoptr(TandemImportReport) accepted = tandem_import_report_new ();
    g_autoptr(TandemImportReport) catalogue = tandem_import_report_new ();

    tandem_test_write_file (path, bad, strlen (bad));
    g_assert_false (tandem_import_run (f->store, TANDEM_IMPORT_TARGETS, path, NULL, refused, NULL, &error));
    g_clear_error (&error);
    g_assert_true (tandem_test_report_has_problem (refused, 3, "role", "there is no role “Astronaut”"));
    g_assert_cmpint (count (f, "SELECT count (*) FROM role_competency"), ==, 2);
    tandem_test_write_file (path, good, strlen (good));
    g_assert_true (tandem_import_run (f->store, TANDEM_IMPORT_TARGETS, path, NULL, accepted, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count (*) FROM role_competency rc JOIN role r ON r.id = rc.role_id"
                               " WHERE r.name = 'Agent' AND rc.target_level = 2"), ==, 1);
    g_assert_cmpint (count (f, "SELECT count (*) FROM role_competency rc JOIN role r ON r.id = rc.role_id"
                               " WHERE r.name = 'Analyst'"), ==, 0);   /* an empty level takes it away */

    tandem_test_write_file (path, programs, strlen (programs));
    tandem_import_run (f->store, TANDEM_IMPORT_PROGRAMS, path, NULL, catalogue, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (catalogue->updated, ==, 1);
    g_assert_cmpuint (catalogue->created, ==, 1);
    g_assert_cmpuint (tandem_program_get_competency (f->store, basics, "Safe use"), ==, 3);
    g_assert_cmpint (count (f, "SELECT count (*) FROM program WHERE title = 'Advanced' AND duration_hours = 7.5"),
                     ==, 1);
    g_assert_cmpint (count (f, "SELECT count (*) FROM competency WHERE name = 'Judging AI output'"), ==, 1);
  }

  /* Deleting a program takes what it raised with it, and Undo brings it back. */
  {
    g_autofree char *undo = NULL;

    g_assert_true (tandem_program_delete (f->store, deep, &undo, &error));
    g_assert_cmpuint (tandem_person_get_attained (f->store, analysts[0], "Prompt literacy"), ==, 1);
    g_assert_true (tandem_program_restore (f->store, undo, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (tandem_person_get_attained (f->store, analysts[0], "Prompt literacy"), ==, 3);
  }
}


/* ----- reports ----- */

static void
build_org (Fixture *f)
{
  const char *roles[] = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 program, other;

  /* Finance: 3 analysts (1 champion, 2 with tools), 1 CFO; Support: 2 agents; Legal: 1 counsel, inactive. */
  gint64 a1 = add_person (f, "F-1", "Analyst One", "Finance", "Analyst", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, TRUE, TRUE);
  gint64 a2 = add_person (f, "F-2", "Analyst Two", "Finance", "Analyst", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, TRUE);
  gint64 a3 = add_person (f, "F-3", "Analyst Three", "Finance", "Analyst", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, FALSE);
  gint64 cfo = add_person (f, "F-4", "CFO", "Finance", "CFO", TANDEM_LEVEL_EXECUTIVE, FALSE, TRUE);
  gint64 s1 = add_person (f, "S-1", "Agent One", "Support", "Agent", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, FALSE);
  gint64 gone = add_person (f, "L-1", "Counsel", "Legal", "Counsel", TANDEM_LEVEL_MANAGER, TRUE, TRUE);

  add_person (f, "S-2", "Agent Two", "Support", "Agent", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, FALSE);
  g_assert_true (tandem_person_set_active (f->store, gone, FALSE, &error));

  program = add_program (f, "Basics", roles, 0);
  other = add_program (f, "Advanced", roles, 0);
  /* a1: completed one, dropped another → enrolled and completed.
   * a2: in progress → enrolled. a3: dropped only → neither.
   * cfo: completed. s1: invited → enrolled. */
  g_assert_cmpint (tandem_enrollment_add (f->store, a1, program, TANDEM_ENROLLMENT_COMPLETED, "2026-01-10", &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, a1, other, TANDEM_ENROLLMENT_DROPPED, NULL, &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, a2, program, TANDEM_ENROLLMENT_IN_PROGRESS, NULL, &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, a3, program, TANDEM_ENROLLMENT_DROPPED, NULL, &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, cfo, program, TANDEM_ENROLLMENT_COMPLETED, "2026-01-11", &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, s1, program, TANDEM_ENROLLMENT_INVITED, NULL, &error), >, 0);
  g_assert_cmpint (tandem_enrollment_add (f->store, gone, program, TANDEM_ENROLLMENT_COMPLETED, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_report_completion (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *by_role = NULL;
  g_autofree char *by_department = NULL;
  g_autofree char *by_level = NULL;
  g_autofree char *text = NULL;

  build_org (f);

  by_role = tandem_report_completion (f->store, TANDEM_GROUP_BY_ROLE, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_role, ==,
                   "group,people,enrolled_people,completed_people,reach_pct,completion_pct,tool_access_pct\n"
                   "Agent,2,1,0,50.0,0.0,0.0\n"
                   "Analyst,3,2,1,66.7,50.0,66.7\n"
                   "CFO,1,1,1,100.0,100.0,100.0\n");

  by_department = tandem_report_completion (f->store, TANDEM_GROUP_BY_DEPARTMENT, TANDEM_REPORT_CSV, &error);
  g_assert_cmpstr (by_department, ==,
                   "group,people,enrolled_people,completed_people,reach_pct,completion_pct,tool_access_pct\n"
                   "Finance,4,3,2,75.0,66.7,75.0\n"
                   "Support,2,1,0,50.0,0.0,0.0\n");

  /* Levels by name, executives first; a group with nobody enrolled has an empty completion. */
  g_assert_true (tandem_store_exec (f->store, "DELETE FROM enrollment WHERE person_id = 5", &error));
  by_level = tandem_report_completion (f->store, TANDEM_GROUP_BY_LEVEL, TANDEM_REPORT_CSV, &error);
  g_assert_cmpstr (by_level, ==,
                   "group,people,enrolled_people,completed_people,reach_pct,completion_pct,tool_access_pct\n"
                   "executive,1,1,1,100.0,100.0,100.0\n"
                   "individual_contributor,5,2,1,40.0,50.0,40.0\n");
  g_assert_true (tandem_store_exec (f->store, "DELETE FROM enrollment WHERE person_id IN (1, 2)", &error));
  g_clear_pointer (&by_level, g_free);
  by_level = tandem_report_completion (f->store, TANDEM_GROUP_BY_LEVEL, TANDEM_REPORT_CSV, &error);
  g_assert_nonnull (strstr (by_level, "individual_contributor,5,0,0,0.0,,40.0\n"));

  text = tandem_report_completion (f->store, TANDEM_GROUP_BY_LEVEL, TANDEM_REPORT_TEXT, &error);
  g_assert_true (g_str_has_prefix (text, "group                   people"));
}

static void
test_report_champions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  g_assert_cmpuint (tandem_champion_target (0), ==, 0);
  g_assert_cmpuint (tandem_champion_target (1), ==, 1);
  g_assert_cmpuint (tandem_champion_target (25), ==, 1);
  g_assert_cmpuint (tandem_champion_target (26), ==, 2);

  build_org (f);
  /* 51 people in Sales with 2 champions: target 3, short. */
  g_assert_true (tandem_store_begin (f->store, &error));
  for (guint i = 0; i < 51; i++)
    {
      g_autofree char *id = g_strdup_printf ("SA-%u", i);

      add_person (f, id, id, "Sales", "Seller", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, i < 2, FALSE);
    }
  g_assert_true (tandem_store_commit (f->store, &error));

  csv = tandem_report_champions (f->store, TANDEM_REPORT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==,
                   "department,people,champions,target,people_per_champion,status\n"
                   "Finance,4,1,1,4.0,ok\n"
                   "Sales,51,2,3,25.5,short\n"
                   "Support,2,0,1,,short\n");
}

/* ----- exports and charts ----- */

static void
test_export_tables (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autofree char *people = NULL;
  g_autofree char *enrollments = NULL;
  g_autofree char *path = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *written = NULL;

  build_org (f);
  add_person (f, "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\")", "+Finance", "@Role",
              TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, FALSE);

  people = tandem_export_table_csv (f->store, TANDEM_EXPORT_TABLE_PEOPLE, ',', &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (people, "external_id,name,email,department,role,level,champion,tool_access,active\r\n"));
  g_assert_nonnull (strstr (people, "'=cmd|' /C calc'!A0,\"'=HYPERLINK(\"\"http://evil.example\"\")\",,'+Finance,'@Role,"));
  g_assert_nonnull (strstr (people, "\r\nL-1,Counsel,,Legal,Counsel,manager,yes,yes,no\r\n"));

  enrollments = tandem_export_table_csv (f->store, TANDEM_EXPORT_TABLE_ENROLLMENTS, ',', &error);
  g_assert_true (g_str_has_prefix (enrollments, "external_id,name,program,status,invited_on,enrolled_on,completed_on\r\n"));
  g_assert_nonnull (strstr (enrollments, "F-1,Analyst One,Basics,completed,,2026-01-10,2026-01-10\r\n"));

  /* An export reads back in as it was: every person unchanged. */
  g_assert_true (tandem_export_table (f->store, TANDEM_EXPORT_TABLE_PEOPLE, ',', path, &error));
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, people);
  g_assert_true (tandem_store_exec (f->store, "DELETE FROM person WHERE external_id LIKE '=%'", &error));
  {
    g_autofree char *clean = g_build_filename (f->dir, "clean.csv", NULL);

    g_assert_true (tandem_export_table (f->store, TANDEM_EXPORT_TABLE_PEOPLE, ',', clean, &error));
    import_ok (f, TANDEM_IMPORT_PEOPLE, clean, report);
    g_assert_cmpuint (report->unchanged, ==, 7);
    g_assert_cmpuint (report->created + report->updated, ==, 0);
  }
}

static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemChart) completion = NULL;
  g_autoptr(TandemChart) champions = NULL;
  g_autoptr(TandemChart) program = NULL;
  g_autoptr(TandemChart) empty = NULL;
  TandemChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 450);
  cairo_t *cr = cairo_create (surface);
  double x0, x1, y;

  empty = tandem_chart_new_program (f->store, TANDEM_PROGRAM_CHART_COMPLETION, 1, &error);
  g_assert_true (tandem_chart_is_empty (empty));

  build_org (f);
  /* With no anonymity threshold (1), every role has its row. */
  completion = tandem_chart_new_program (f->store, TANDEM_PROGRAM_CHART_COMPLETION, 1, &error);
  g_assert_no_error (error);
  /* Sorted by completion: CFO 100 %, Analyst 50 %, Agent 0 %. */
  g_assert_cmpuint (tandem_chart_get_n_categories (completion), ==, 3);
  g_assert_cmpfloat_with_epsilon (tandem_chart_get_value (completion, 0, 0), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (tandem_chart_get_value (completion, 0, 1), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (tandem_chart_get_value (completion, 0, 2), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (tandem_chart_get_value (completion, 1, 1), 200.0 / 3, 1e-9);

  /* Horizontal bars: a longer bar ends further right, on its own row. */
  g_assert_true (tandem_chart_get_point (completion, 800, 450, 0, 0, &x0, &y));
  g_assert_true (tandem_chart_get_point (completion, 800, 450, 0, 1, &x1, NULL));
  g_assert_cmpfloat (x0, >, x1);

  tandem_chart_style_init_light (&style);
  tandem_chart_render (completion, cr, 800, 450, &style);
  {
    /* The bar's own colour is drawn just left of its end. */
    guchar *data_ = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint32 pixel;

    cairo_surface_flush (surface);
    pixel = *(guint32 *)(data_ + (int)y * stride + 4 * ((int)x0 - 3));
    g_assert_cmpuint ((pixel >> 16) & 0xff, ==, (guint)round (style.series[0].red * 255));
    g_assert_cmpuint (pixel & 0xff, ==, (guint)round (style.series[0].blue * 255));
  }

  champions = tandem_chart_new_program (f->store, TANDEM_PROGRAM_CHART_CHAMPIONS, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_chart_get_n_categories (champions), ==, 2);
  /* Support (0 of 1) is further short than Finance (1 of 1). */
  g_assert_cmpfloat (tandem_chart_get_value (champions, 0, 0), ==, 0);
  g_assert_cmpfloat (tandem_chart_get_value (champions, 1, 0), ==, 1);

  program = tandem_chart_new_program_by_role (f->store, 1, 1, &error);
  g_assert_no_error (error);
  /* Everyone who took part counts here, the deactivated counsel too. */
  g_assert_cmpuint (tandem_chart_get_n_categories (program), ==, 4);
  g_assert_cmpfloat_with_epsilon (tandem_chart_get_value (program, 0, 0), 100.0, 1e-9);
  g_clear_object (&program);

  /* With a threshold of 3, no role has three enrolled: the bars would tell
   * the CFO's status. Together the six active people have four enrolled
   * (two analysts, the CFO, an agent), two of whom completed. With 5, even
   * together they are too few, and the chart shows nothing rather than them. */
  g_clear_object (&completion);
  completion = tandem_chart_new_program (f->store, TANDEM_PROGRAM_CHART_COMPLETION, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_chart_get_n_categories (completion), ==, 1);
  g_assert_cmpstr (tandem_chart_get_category (completion, 0), ==, "3 other roles (6 people)");
  g_assert_cmpfloat_with_epsilon (tandem_chart_get_value (completion, 0, 0), 50.0, 1e-9);
  g_clear_object (&completion);
  completion = tandem_chart_new_program (f->store, TANDEM_PROGRAM_CHART_COMPLETION, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_chart_get_n_categories (completion), ==, 0);
  /* The program's own chart counts the deactivated counsel too: five. */
  program = tandem_chart_new_program_by_role (f->store, 1, 5, &error);
  g_assert_cmpuint (tandem_chart_get_n_categories (program), ==, 1);
  g_assert_cmpstr (tandem_chart_get_category (program, 0), ==, "4 other roles (5 people)");
  g_clear_object (&program);
  program = tandem_chart_new_program_by_role (f->store, 1, 6, &error);
  g_assert_cmpuint (tandem_chart_get_n_categories (program), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
hit_names (GPtrArray *hits)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      TandemSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", hit->name);
    }
  return g_string_free (names, FALSE);
}

static char *
search (Fixture    *f,
        const char *typed,
        guint       limit)
{
  g_auto(GStrv) terms = g_strsplit (typed, " ", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tandem_search (f->store, (const char * const *)terms, limit, &error);

  g_assert_no_error (error);
  return hit_names (hits);
}

/* What GNOME Shell's search finds: every term begins a word, in any case,
 * with or without accents; CJK anywhere; active people only; programs;
 * logging a session by its words. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSearchHit) hit = NULL;
  static const struct { const char *typed; guint limit; const char *names; } cases[] = {
    { "ber", 10, "Bertha Lindberg|Robert Berg" },        /* "Lindberg" has no word "ber…" */
    { "BERG", 10, "Robert Berg" },
    { "rob berg", 10, "Robert Berg" },
    { "berg rob", 10, "Robert Berg" },
    { "jose", 10, "José Álvarez" },
    { "ÁLV", 10, "José Álvarez" },
    { "mul", 10, "Jonas Müller" },
    { "Mül", 10, "Jonas Müller" },
    { "小明", 10, "王小明" },
    { "o'b", 10, "Siobhan O'Brien" },
    { "brien", 10, "Siobhan O'Brien" },
    { "dormant", 10, "" },                               /* inactive */
    { "data", 10, "Data Literacy for Finance" },
    { "for", 10, "Data Literacy for Finance|Prompting for Support Agents" },
    { "j", 1, "Jonas Müller" },                          /* the limit, alphabetically */
    { "log", 10, "Log a Coaching Session" },
    { "log session", 10, "Log a Coaching Session" },
    { "COACHING", 10, "Log a Coaching Session" },
    { "   ", 10, "" },
  };
  const char *people[] = { "Robert Berg", "Bertha Lindberg", "José Álvarez", "Jonas Müller", "王小明",
                           "Siobhan O'Brien", "Dormant Person" };

  g_assert_true (tandem_store_exec (f->store,
                                    "INSERT INTO department (id, name) VALUES (1, 'Finance');"
                                    "INSERT INTO role (id, name, level) VALUES (1, 'Analyst', 'individual_contributor');"
                                    "INSERT INTO program (id, title, format) VALUES (1, 'Prompting for Support Agents', 'workshop'),"
                                    "  (2, 'Data Literacy for Finance', 'self_paced');", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(TandemStmt) stmt = tandem_store_prepare (f->store,
                                                         "INSERT INTO person (name, role_id, department_id, active)"
                                                         " VALUES ($1, 1, 1, $2)", &error);

      g_assert_no_error (error);
      tandem_stmt_bind_text (stmt, 1, people[i]);
      tandem_stmt_bind_int (stmt, 2, !g_str_has_prefix (people[i], "Dormant"));
      g_assert_true (tandem_stmt_step_done (stmt, &error));
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *names = search (f, cases[i].typed, cases[i].limit);

      g_test_message ("“%s” finds %s", cases[i].typed, names);
      g_assert_cmpstr (names, ==, cases[i].names);
    }

  /* Each hit is described, and can be read again by its id. */
  {
    const char *terms[] = { "robert", NULL };
    g_autoptr(GPtrArray) hits = tandem_search (f->store, terms, 10, &error);
    TandemSearchHit *robert = g_ptr_array_index (hits, 0);

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (robert->kind, ==, TANDEM_SEARCH_PERSON);
    g_assert_cmpstr (robert->description, ==, "Analyst · Finance");
    hit = tandem_search_describe (f->store, robert->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hit->name, ==, "Robert Berg");
    g_assert_cmpstr (hit->description, ==, "Analyst · Finance");
  }
  g_clear_pointer (&hit, tandem_search_hit_free);
  hit = tandem_search_describe (f->store, "program:2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hit->name, ==, "Data Literacy for Finance");
  g_assert_cmpstr (hit->description, ==, "AI-literacy program · Self-paced course");
  g_clear_pointer (&hit, tandem_search_hit_free);
  hit = tandem_search_describe (f->store, "log-session", &error);
  g_assert_cmpint (hit->kind, ==, TANDEM_SEARCH_ACTION);
  g_clear_pointer (&hit, tandem_search_hit_free);

  /* A person deleted since, or nonsense, is an error, not a crash. */
  g_assert_null (tandem_search_describe (f->store, "person:999", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (tandem_search_describe (f->store, "person:-1; DROP TABLE person", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Two people editing the same person or program (two stores on one file):
 * see tandem_test_check_versions(). */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) other = tandem_store_open (tandem_store_get_path (f->store), &error);

  g_assert_no_error (error);
  tandem_test_check_versions (f->store, other);
}

int
main (int   argc,
      char *argv[])
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/programs/person/rules", test_person_rules);
  ADD ("/programs/person/delete-undo", test_person_delete_undo);
  ADD ("/programs/person/model", test_person_model);
  ADD ("/programs/program/rules", test_program_rules);
  ADD ("/programs/versions", test_versions);
  ADD ("/programs/enrollment/flow", test_enrollment_flow);
  ADD ("/programs/import/people", test_import_people);
  ADD ("/programs/import/enrollments", test_import_enrollments);
  ADD ("/programs/import/malformed", test_import_malformed);
  ADD ("/programs/migrate/enrollments", test_migrate_enrollments);
  ADD ("/programs/import/huge", test_import_huge);
  ADD ("/programs/import/limits", test_import_limits);
  ADD ("/programs/stored-overlong", test_stored_overlong);
  ADD ("/programs/import/mapping", test_import_mapping);
  ADD ("/programs/report/completion", test_report_completion);
  ADD ("/programs/competencies", test_competencies);
  ADD ("/programs/report/champions", test_report_champions);
  ADD ("/programs/export/tables", test_export_tables);
  ADD ("/programs/charts", test_charts);
  ADD ("/programs/search", test_search);

  return g_test_run ();
}
