/* test-server.c — a team server keeps the house rules itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts a throwaway PostgreSQL cluster of its own (initdb, a Unix socket
 * in a temporary folder, no network; run as the postgres user when the
 * test runs as root), prepares a database with tandem-cli server init and
 * server grant, then signs in as each kind of login, as psql would, and
 * checks what the server lets it read and write: a private note only by
 * its author; raw survey answers by no group, their tallies only above
 * the threshold, never below 3; members only their own pairs; leaders
 * nothing written.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include "tandem-demo.h"
#include "tandem-person.h"
#include "tandem-program.h"
#include "tandem-server.h"
#include "tandem-session.h"
#include "tandem-store-private.h"
#include "tandem-store-watch.h"
#include "tandem-test-pg.h"
#include "tandem-test-util.h"


#define assert_value(conn, sql, expected) \
  G_STMT_START { \
    g_autofree char *got_ = tandem_test_pg_value ((conn), (sql)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

/* tandem-cli's status, standard output and error for @args, against
 * --database @uri. */
static int
spawn_cli (const char  *uri,
           const char **args,
           char       **out_out,
           char       **out_err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("TANDEM_CLI"));
  g_ptr_array_add (argv, (char *)"--database");
  g_ptr_array_add (argv, (char *)uri);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out_out, out_err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
cli (const char  *uri,
     const char **args,
     char       **out_err)
{
  return spawn_cli (uri, args, NULL, out_err);
}

/* tandem-cli's standard output for @args, which must succeed. */
static char *
cli_out (const char  *uri,
         const char **args)
{
  g_autofree char *err = NULL;
  char *out = NULL;

  if (spawn_cli (uri, args, &out, &err) != 0)
    g_error ("tandem-cli %s %s on %s: %s", args[0], args[1], uri, err);
  return out;
}

/* Each test runs its checks in a child process, so that a failure (which
 * aborts it) still leaves this one to stop the cluster: nothing is left
 * running. */
static void
test_in_child (gconstpointer data)
{
  void (*check) (void) = (void (*) (void))data;

  if (g_test_subprocess ())
    {
      check ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
check_server_rules (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *admin_uri = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(PGconn) eve = NULL, mo = NULL, mia = NULL, lee = NULL, max = NULL;

  tandem_test_pg_ok (super, "CREATE ROLE admin LOGIN CREATEROLE");
  tandem_test_pg_ok (super, "CREATE DATABASE org OWNER admin");
  admin_uri = tandem_test_pg_uri ("org", "admin");

  /* server init makes the schema once; a second time changes nothing. */
  {
    const char *args[] = { "server", "init", NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (cli (admin_uri, args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (admin_uri, args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "already holds Tandem’s schema"));
  }

  /* The organisation, as a manager's imports would leave it. */
  admin = tandem_test_pg_connect ("org", "admin");
  assert_value (admin, "SELECT version FROM tandem_schema", G_STRINGIFY (TANDEM_STORE_SCHEMA_VERSION));
  tandem_test_pg_ok (admin, "INSERT INTO department (name) VALUES ('Finance'), ('Support');"
             "INSERT INTO role (name, level) VALUES ('CFO', 'executive'), ('Analyst', 'individual_contributor');"
             "INSERT INTO person (external_id, name, role_id, department_id) VALUES"
             "  ('E-1', 'Eve', 1, 1), ('M-1', 'Mo', 2, 1), ('E-2', 'Ed', 1, 2), ('M-2', 'Mia', 2, 2);"
             "INSERT INTO mentoring_pair (executive_id, mentor_id, started_on) VALUES"
             "  (1, 2, '2026-01-05'), (3, 4, '2026-01-05');"
             "INSERT INTO survey_wave (title, fielded_on) VALUES ('2026 Q1', '2026-03-01');");
  /* The same name in another case is the same department, as on SQLite. */
  tandem_test_pg_refused (admin, "INSERT INTO department (name) VALUES ('FINANCE')", "duplicate key");
  tandem_test_pg_refused (admin, "INSERT INTO survey_wave (title, fielded_on) VALUES ('x', '2026-02-30')", "check constraint");

  {
    static const struct { const char *login, *group, *person; } grants[] = {
      { "eve", "member", "E-1" }, { "mo", "member", "M-1" }, { "mia", "member", "M-2" },
      { "lee", "leader", NULL }, { "max", "manager", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (grants); i++)
      {
        const char *args[] = { "server", "grant", grants[i].login, "--as", grants[i].group,
                               grants[i].person ? "--person" : NULL, grants[i].person, NULL };
        g_autofree char *err = NULL;

        g_assert_cmpint (cli (admin_uri, args, &err), ==, 0);
      }
  }
  {
    const char *no_person[] = { "server", "grant", "zed", "--as", "member", NULL };
    const char *unknown[] = { "server", "grant", "zed", "--as", "member", "--person", "NOBODY", NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (cli (admin_uri, no_person, &err), ==, 1);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (admin_uri, unknown, &err), ==, 1);
    g_assert_nonnull (strstr (err, "no person has the external id \"NOBODY\""));
  }
  /* Checking a server asks the server; nothing makes a file of its name. */
  {
    const char *args[] = { "check", NULL };
    g_autofree char *out = cli_out (admin_uri, args);

    g_assert_nonnull (strstr (out, "answers, with Tandem’s schema version"));
    g_assert_false (g_file_test ("postgresql:", G_FILE_TEST_EXISTS));
  }

  eve = tandem_test_pg_connect ("org", "eve");
  mo = tandem_test_pg_connect ("org", "mo");
  mia = tandem_test_pg_connect ("org", "mia");
  lee = tandem_test_pg_connect ("org", "lee");
  max = tandem_test_pg_connect ("org", "max");

  /* A private note is its author's alone: not the pair's other member,
   * not a manager, not a leader; nor can anyone test it in a WHERE. */
  tandem_test_pg_ok (eve, "INSERT INTO coaching_session (pair_id, held_on, insight, private_notes)"
           " VALUES (1, '2026-02-01', 'Drafts in half the time', 'Nervous at first')");
  assert_value (eve, "SELECT tandem_private_notes (id) FROM coaching_session", "Nervous at first");
  assert_value (mo, "SELECT insight FROM coaching_session", "Drafts in half the time");
  assert_value (mo, "SELECT coalesce (tandem_private_notes (id), '') FROM coaching_session", "");
  assert_value (max, "SELECT coalesce (tandem_private_notes (id), '') FROM coaching_session", "");
  assert_value (lee, "SELECT coalesce (tandem_private_notes (id), '') FROM coaching_session", "");
  for (PGconn *who[] = { eve, mo, max, lee, NULL }, **c = who; *c != NULL; c++)
    {
      tandem_test_pg_refused (*c, "SELECT private_notes FROM coaching_session", "permission denied");
      tandem_test_pg_refused (*c, "SELECT count (*) FROM coaching_session WHERE private_notes LIKE 'N%'", "permission denied");
    }

  /* Members see and write only their own pairs' sessions. */
  assert_value (mia, "SELECT count (*) FROM coaching_session", "0");
  assert_value (mia, "SELECT count (*) FROM mentoring_pair", "1");
  tandem_test_pg_refused (mia, "INSERT INTO coaching_session (pair_id, held_on) VALUES (1, '2026-02-02')", "row-level security");
  tandem_test_pg_refused (eve, "INSERT INTO coaching_session (pair_id, held_on, author) VALUES (1, '2026-02-02', 'mo')",
           "row-level security");
  tandem_test_pg_ok (mia, "UPDATE coaching_session SET insight = 'changed'");
  assert_value (eve, "SELECT insight FROM coaching_session", "Drafts in half the time");
  tandem_test_pg_ok (mo, "INSERT INTO follow_up (session_id, text) VALUES (1, 'Share the prompt')");
  tandem_test_pg_refused (mia, "INSERT INTO follow_up (session_id, text) VALUES (1, 'Snoop')", "row-level security");
  assert_value (mia, "SELECT count (*) FROM follow_up", "0");
  tandem_test_pg_refused (mia, "INSERT INTO person (name) VALUES ('Mallory')", "permission denied");

  /* Raw answers: managers add them and read none, not even the tallies;
   * the figures come through the report functions, whose threshold is
   * never below 3 whatever is asked, and which hide as many more groups
   * as it takes to keep a hidden one from following from the total. */
  tandem_test_pg_ok (max, "BEGIN");   /* the wave's first answers, so in any number */
  tandem_test_pg_ok (max, "INSERT INTO survey_response (wave_id, level, department_id, optimism)"
           " SELECT 1, 'individual_contributor', 1, g % 5 + 1 FROM generate_series (1, 6) g");
  tandem_test_pg_ok (max, "INSERT INTO survey_response (wave_id, level, department_id, optimism)"
           " VALUES (1, 'executive', 2, 5), (1, 'executive', 2, 4),"
           "        (1, 'individual_contributor', 2, 5), (1, 'individual_contributor', 2, 5)");
  tandem_test_pg_ok (max, "COMMIT");
  for (PGconn *who[] = { max, lee, eve, NULL }, **c = who; *c != NULL; c++)
    {
      tandem_test_pg_refused (*c, "SELECT count (*) FROM survey_response", "permission denied");
      tandem_test_pg_refused (*c, "SELECT count (*) FROM survey_tally", "permission denied");
    }
  /* 8 ICs, 4 favourable; 2 executives, whose answers stay hidden. */
  assert_value (lee, "SELECT ics || ':' || ics_favourable || ' ' || leaders || ':' || leaders_favourable"
                     "  FROM tandem_gap_series ('optimism', 1)", "8:4 2:0");
  assert_value (lee, "SELECT ics_favourable FROM tandem_gap_series ('optimism', 9)", "0");
  /* Department 2's two ICs are hidden, and department 1 with them, or
   * 4 − its 2 would be theirs. */
  assert_value (lee, "SELECT string_agg (group_id || ':' || answered || ':' || favourable, ' ' ORDER BY group_id)"
                     "  FROM tandem_ic_tallies (1, 'department', 1) WHERE dimension = 'optimism'",
                "1:6:0 2:2:0");
  /* Every level together: the executives are left out (2 answered). */
  assert_value (max, "SELECT string_agg (group_id || ':' || answered || ':' || favourable, ' '"
                     "                   ORDER BY \"grouping\", group_id)"
                     "  FROM tandem_heatmap ('department', 1, NULL, 0) WHERE dimension = 'optimism'",
                "0:8:4 1:6:0 2:2:0");
  assert_value (lee, "SELECT sum (favourable) FROM tandem_gap_heatmap ('department', 1, NULL, 0)"
                     " WHERE level = 'executive'", "0");
  assert_value (lee, "SELECT string_agg (title || ':' || n_answers, ' ')"
                     "  FROM (SELECT title, tandem_wave_answers (id) AS n_answers FROM survey_wave) w", "2026 Q1:10");
  tandem_test_pg_refused (eve, "SELECT * FROM tandem_heatmap ('department', 5, NULL, 0)", "permission denied");
  tandem_test_pg_refused (eve, "SELECT * FROM tandem_gap_series ('optimism', 5)", "permission denied");
  tandem_test_pg_refused (lee, "SELECT tandem_guard_cells (NULL, NULL, NULL, NULL, NULL, 3, 0)", "permission denied");

  /* Leaders read, and write nothing. */
  assert_value (lee, "SELECT count (*) FROM coaching_session", "1");
  tandem_test_pg_refused (lee, "INSERT INTO person (name) VALUES ('Lee')", "permission denied");
  tandem_test_pg_refused (lee, "UPDATE mentoring_pair SET goals = 'x'", "permission denied");
  tandem_test_pg_refused (lee, "INSERT INTO survey_response (wave_id, level, optimism) VALUES (1, 'manager', 3)",
           "permission denied");
  tandem_test_pg_refused (lee, "SELECT tandem_grant ('lee', 'manager', NULL)", "permission denied");

  /* tandem-cli on the server, as Eve: her session, a pair made for her
   * and Mia's colleague? No: only for herself. She lists, corrects and
   * deletes her own; Mia cannot log into Eve's pair. */
  {
    g_autofree char *eve_uri = tandem_test_pg_uri ("org", "eve");
    g_autofree char *mia_uri = tandem_test_pg_uri ("org", "mia");
    g_autofree char *err = NULL;
    g_autofree char *out = NULL;
    g_autofree char *id = NULL;
    const char *log[] = { "log", "session", "--executive", "E-1", "--mentor", "M-1", "--date", "2026-02-15",
                          "--minutes", "40", "--insight", "Forecasts in minutes", "--follow-ups",
                          "Try it on the board pack\nShare the prompt", "--confidence-after", "4",
                          "--private-note", "Still unsure", NULL };
    const char *other[] = { "log", "session", "--executive", "E-1", "--mentor", "M-1", "--date", "2026-02-16",
                            NULL };
    const char *list[] = { "session", "list", "--executive", "E-1", NULL };
    const char *bad[] = { "log", "session", "--executive", "E-1", "--mentor", "M-1", "--date", "2026-02-15",
                          "--confidence-after", "9", NULL };

    g_assert_cmpint (cli (eve_uri, log, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    assert_value (eve, "SELECT tandem_private_notes (id) FROM coaching_session WHERE held_on = '2026-02-15'",
                  "Still unsure");
    assert_value (mo, "SELECT count (*) FROM follow_up f JOIN coaching_session s ON s.id = f.session_id"
                      " WHERE s.held_on = '2026-02-15'", "2");
    assert_value (admin, "SELECT count (*) FROM mentoring_pair", "2");   /* her pair, not a new one */

    /* Refused by the rules, or by the server: nothing written. */
    g_assert_cmpint (cli (eve_uri, bad, &err), ==, 1);
    g_assert_nonnull (strstr (err, "Confidence"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (mia_uri, other, &err), ==, 1);
    g_assert_nonnull (strstr (err, "row-level security"));
    g_clear_pointer (&err, g_free);
    assert_value (admin, "SELECT count (*) FROM coaching_session", "2");
    assert_value (admin, "SELECT count (*) FROM mentoring_pair", "2");

    /* session list as Eve shows both of her pair's sessions; Mia sees none. */
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      int status = 0;

      for (const char *const *a = (const char *const[]) { g_getenv ("TANDEM_CLI"), "--database", eve_uri, "session",
                                                           "list", "--executive", "E-1", NULL }; *a; a++)
        g_ptr_array_add (argv, (char *)*a);
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                   &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "\t2026-02-15\t40\tForecasts in minutes\n"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
    g_assert_cmpint (cli (mia_uri, list, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    id = tandem_test_pg_value (admin, "SELECT id FROM coaching_session WHERE held_on = '2026-02-15'");
    {
      const char *edit[] = { "session", "edit", id, "--insight", "Forecasts in five minutes", NULL };
      const char *gone[] = { "session", "delete", id, NULL };

      if (cli (eve_uri, edit, &err) != 0)
        g_error ("session edit as Eve: %s", err);
      g_clear_pointer (&err, g_free);
      assert_value (admin, "SELECT insight || ' / ' || private_notes FROM coaching_session WHERE held_on = '2026-02-15'",
                    "Forecasts in five minutes / Still unsure");
      /* Mo may not change what Eve wrote. */
      {
        g_autofree char *mo_uri = tandem_test_pg_uri ("org", "mo");

        g_assert_cmpint (cli (mo_uri, edit, &err), ==, 1);
      }
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (cli (eve_uri, gone, &err), ==, 0);
      g_clear_pointer (&err, g_free);
      assert_value (admin, "SELECT count (*) FROM coaching_session WHERE held_on = '2026-02-15'", "0");
      assert_value (admin, "SELECT count (*) FROM follow_up", "1");
    }
  }

  /* A manager keeps the organisation: people, and enrollments that keep
   * each person's learning as SQLite's triggers do. */
  tandem_test_pg_ok (max, "INSERT INTO program (title) VALUES ('AI Foundations');"
           "INSERT INTO enrollment (person_id, program_id, status) VALUES (2, 1, 'enrolled');"
           "UPDATE enrollment SET status = 'completed', completed_on = '2026-03-01'");
  assert_value (max, "SELECT learning FROM person WHERE id = 2", "2");
}

/* The same files imported by a manager into a server and into a file give
 * a leader the same completion and champions reports, to the byte. */
/* Runs tandem-cli with @args on @file, then on @server, each writing to
 * its own file in @dir (args[@output], ending in @extension), and asserts
 * the two wrote the same, and at least @at_least bytes. */
static void
assert_same_output (const char  *file,
                    const char  *server,
                    const char **args,
                    guint        output,
                    const char  *dir,
                    const char  *extension,
                    gsize        at_least)
{
  g_autofree char *name_a = g_strconcat ("file", extension, NULL);
  g_autofree char *name_b = g_strconcat ("server", extension, NULL);
  g_autofree char *a = g_build_filename (dir, name_a, NULL);
  g_autofree char *b = g_build_filename (dir, name_b, NULL);
  g_autofree char *out_a = NULL, *out_b = NULL, *text_a = NULL, *text_b = NULL;

  args[output] = a;
  out_a = cli_out (file, args);
  args[output] = b;
  out_b = cli_out (server, args);
  g_assert_true (g_file_get_contents (a, &text_a, NULL, NULL));
  g_assert_true (g_file_get_contents (b, &text_b, NULL, NULL));
  g_assert_cmpuint (strlen (text_a), >=, at_least);
  g_assert_cmpstr (text_b, ==, text_a);
}

static void
check_reports_match (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *file = g_build_filename (dir, "org.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *enrollments = g_build_filename (dir, "enrollments.csv", NULL);
  g_autofree char *sessions = g_build_filename (dir, "sessions.csv", NULL);
  g_autofree char *programs = g_build_filename (dir, "programs.csv", NULL);
  g_autofree char *targets = g_build_filename (dir, "targets.csv", NULL);
  static const char programs_csv[] =
    "title,format,duration_hours,competencies,target_roles\n"
    "AI Foundations,self_paced,4,Using AI tools:1;data literacy:1,\n"
    "Prompt Literacy,workshop,3,Prompt literacy:2;Using AI tools:2,Analyst;agent\n";
  static const char targets_csv[] =
    "role,competency,target_level\n"
    "Analyst,Using AI tools,2\nAnalyst,Data literacy,1\nagent,Prompt literacy,2\n"
    "VP Sales,Using AI tools,1\nVP Sales,data literacy,2\nagent,Data literacy,1\n";
  g_autofree char *admin_uri = tandem_test_pg_uri ("same", "admin");
  g_autofree char *manager_uri = tandem_test_pg_uri ("same", "max");
  g_autofree char *leader_uri = tandem_test_pg_uri ("same", "lee");
  g_autoptr(GString) people_csv = g_string_new ("external_id,name,email,department,role,level,champion,tool_access,active\n");
  g_autoptr(GString) enrollments_csv = g_string_new ("external_id,program,status,enrolled_on,completed_on\n");
  g_autoptr(GString) sessions_csv = g_string_new ("executive_external_id,mentor_external_id,date,minutes,insight,"
                                                  "confidence_before,confidence_after\n");
  static const char * const departments[] = { "Finance", "customer care", "People and HR", "Sales", "sales ops" };
  static const char * const roles[] = { "Analyst", "agent", "Chief Financial Officer", "Team Lead", "VP Sales" };
  static const char * const levels[] = { "individual_contributor", "individual_contributor", "executive", "manager",
                                         "executive" };
  static const char * const statuses[] = { "invited", "enrolled", "in_progress", "completed", "dropped" };

  tandem_test_pg_ok (super, "CREATE DATABASE same OWNER admin");
  {
    const char *init[] = { "server", "init", NULL };
    const char *manager[] = { "server", "grant", "max", "--as", "manager", NULL };
    const char *leader[] = { "server", "grant", "lee", "--as", "leader", NULL };
    g_autofree char *a = cli_out (admin_uri, init);
    g_autofree char *b = cli_out (admin_uri, manager);
    g_autofree char *c = cli_out (admin_uri, leader);
  }

  /* Uneven groups, shuffled rows, names in either case. */
  for (guint i = 0; i < 90; i++)
    {
      guint k = (i * 37) % 90, role = (k * k) % 5;

      g_string_append_printf (people_csv, "X-%03u,Person %u,,%s,%s,%s,%s,%s,%s\n", k, k,
                              departments[(k * 7) % 5 * (k % 3 != 0)], roles[role], levels[role],
                              k % 25 == 0 ? "yes" : "no", k % 3 == 0 ? "yes" : "no", k % 17 == 5 ? "no" : "yes");
      if (k % 4 != 1)
        g_string_append_printf (enrollments_csv, "X-%03u,%s,%s,2026-01-1%u,%s\n", k,
                                k % 2 ? "Prompt Literacy" : "AI Foundations", statuses[k % 5], k % 9,
                                k % 5 == 3 ? "2026-03-01" : "");
    }
  /* Executives (role 2 or 4) coached by ICs (role 0 or 1), some more often. */
  for (guint k = 0, pairs = 0; k < 90 && pairs < 6; k++)
    if ((k * k) % 5 == 2 || (k * k) % 5 == 4)
      {
        guint mentor = (k + 1) % 90;

        while ((mentor * mentor) % 5 > 1)
          mentor = (mentor + 1) % 90;
        for (guint n = 0; n <= pairs % 3; n++)
          g_string_append_printf (sessions_csv, "X-%03u,X-%03u,2026-0%u-1%u,%u,Tried it %u,%u,%u\n", k, mentor,
                                  2 + n, pairs, 30 + 5 * n, n, 1 + n, 3 + n % 3);
        pairs++;
      }
  tandem_test_write_file (sessions, sessions_csv->str, sessions_csv->len);
  tandem_test_write_file (programs, programs_csv, strlen (programs_csv));
  tandem_test_write_file (targets, targets_csv, strlen (targets_csv));
  tandem_test_write_file (people, people_csv->str, people_csv->len);
  tandem_test_write_file (enrollments, enrollments_csv->str, enrollments_csv->len);

  for (const char *const *db = (const char *const[]) { file, manager_uri, NULL }; *db != NULL; db++)
    {
      const char *import_people[] = { "import", "people", people, NULL };
      const char *import_enrollments[] = { "import", "enrollments", enrollments, NULL };
      const char *import_sessions[] = { "import", "sessions", sessions, NULL };
      const char *import_programs[] = { "import", "programs", programs, NULL };
      const char *import_targets[] = { "import", "competency-targets", targets, NULL };
      g_autofree char *a = cli_out (*db, import_people);
      g_autofree char *d = cli_out (*db, import_programs);
      g_autofree char *b = cli_out (*db, import_enrollments);
      g_autofree char *c = cli_out (*db, import_sessions);
      g_autofree char *e = cli_out (*db, import_targets);
    }

  {
    static const char *const reports[][6] = {
      { "report", "completion", "--by", "role", "--format", "csv" },
      { "report", "completion", "--by", "department", "--format", "csv" },
      { "report", "completion", "--by", "level", "--format", "csv" },
      { "report", "champions", "--format", "csv", NULL, NULL },
      { "report", "completion", "--by", "role", NULL, NULL },
      { "report", "champions", NULL, NULL, NULL, NULL },
      { "report", "summary", "--format", "csv", NULL, NULL },
      { "report", "summary", NULL, NULL, NULL, NULL },
      { "report", "pairs", "--as-of", "2026-05-01", "--format", "csv" },
      { "report", "pairs", "--as-of", "2026-05-01", NULL, NULL },
      { "report", "competencies", "--by", "role", "--format", "csv" },
      { "report", "competencies", "--by", "department", NULL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
      {
        const char *args[7] = { 0, };
        g_autofree char *from_file = NULL;
        g_autofree char *from_server = NULL;

        memcpy (args, reports[i], sizeof reports[i]);
        from_file = cli_out (file, args);
        from_server = cli_out (leader_uri, args);
        g_assert_cmpuint (strlen (from_file), >, 80);
        g_assert_cmpstr (from_server, ==, from_file);
      }
  }

  /* The tables and records a manager exports, to the byte. */
  {
    static const char *const exports[][5] = {
      { "people", NULL, },
      { "enrollments", "--delimiter", ";", NULL },
      { "literacy-record", NULL, },
      { "literacy-record", "--department", "customer care", NULL },
      { "journal", "X-002", NULL, },
    };

    for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
      {
        const char *args[8] = { "export", NULL, };
        guint n = 1;

        for (guint j = 0; exports[i][j] != NULL; j++)
          args[n++] = exports[i][j];
        args[n++] = "--output";
        assert_same_output (file, manager_uri, args, n, dir, g_str_equal (exports[i][0], "journal") ? ".md" : ".csv",
                            60);
      }
  }
  tandem_test_remove_dir (dir);
}

/* A new database owned by admin (made when missing), with Tandem's schema:
 * its URI as admin. */
static char *
new_organisation (PGconn     *super,
                  const char *database)
{
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s OWNER admin", database);
  char *admin_uri = tandem_test_pg_uri (database, "admin");
  const char *init[] = { "server", "init", NULL };
  g_autofree char *out = NULL;

  tandem_test_pg_ok (super, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'admin') THEN"
             "  CREATE ROLE admin LOGIN CREATEROLE; END IF; END $$");
  tandem_test_pg_ok (super, create);
  out = cli_out (admin_uri, init);
  return admin_uri;
}

/* Survey figures from a server are a file's to the byte, though no login
 * there can read an answer: groups of every size (more than a chart has
 * rows, so the smallest are merged; some under the threshold, so others
 * are hidden with them), two waves, rows shuffled. */
static void
check_surveys_match (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *file = g_build_filename (dir, "org.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *responses = g_build_filename (dir, "responses.csv", NULL);
  g_autofree char *admin_uri = new_organisation (super, "surveys");
  g_autofree char *manager_uri = tandem_test_pg_uri ("surveys", "max");
  g_autofree char *leader_uri = tandem_test_pg_uri ("surveys", "lee");
  g_autoptr(GString) people_csv = g_string_new ("external_id,name,email,department,role,level,champion,tool_access\n");
  g_autoptr(GString) responses_csv = g_string_new ("wave,fielded_on,level,department,role,optimism,resources,"
                                                   "transparency\n");
  static const char * const levels[] = { "executive", "manager", "individual_contributor" };

  {
    const char *manager[] = { "server", "grant", "max", "--as", "manager", NULL };
    const char *leader[] = { "server", "grant", "lee", "--as", "leader", NULL };
    g_autofree char *a = cli_out (admin_uri, manager);
    g_autofree char *b = cli_out (admin_uri, leader);
  }
  for (guint i = 0; i < 240; i++)
    {
      guint k = (i * 97) % 240;

      guint r = (k * 13) % 31 % 18;

      g_string_append_printf (people_csv, "P-%03u,Person %u,,%s %02u,Role %02u,%s,no,%s\n", k, k,
                              k % 2 ? "dept" : "Dept", (k * k) % 89 % 20, r, levels[MIN (r % 6, 2)],
                              k % 3 == 0 ? "yes" : "no");
    }
  /* 1,200 answers over 24 departments and 18 roles, sized unevenly. */
  for (guint i = 0; i < 1200; i++)
    {
      guint k = (i * 7919) % 1200, d = (k * k) % 97 % 24, r = (k * 13) % 31 % 18;

      g_string_append_printf (responses_csv, "%s,%s,%s,%s %02u,Role %02u,%u,%u,%s\n",
                              k % 2 ? "2026 Q1" : "2026 Q3", k % 2 ? "2026-03-02" : "2026-09-01",
                              levels[MIN (r % 6, 2)], d % 2 ? "dept" : "Dept", d, r,
                              (k * 3) % 5 + 1, (k * 7 + k / 5) % 5 + 1,
                              k % 11 == 0 ? "" : (const char *[]) { "1", "2", "3", "4", "5" }[(k / 3) % 5]);
    }
  tandem_test_write_file (people, people_csv->str, people_csv->len);
  tandem_test_write_file (responses, responses_csv->str, responses_csv->len);

  for (const char *const *db = (const char *const[]) { file, manager_uri, NULL }; *db != NULL; db++)
    {
      const char *import_people[] = { "import", "people", people, NULL };
      const char *import_responses[] = { "import", "responses", responses, NULL };
      g_autofree char *a = cli_out (*db, import_people);
      g_autofree char *b = cli_out (*db, import_responses);
    }

  {
    static const char *const reports[][7] = {
      { "report", "gaps", NULL, },
      { "report", "gaps", "--format", "csv", "--threshold", "3", NULL },
      { "report", "gaps", "--dimension", "resources", "--threshold", "40", NULL },
      { "report", "changes", NULL, },
      { "report", "changes", "--format", "csv", "--min-effect", "2", NULL },
      { "report", "impact", NULL, },
      { "report", "impact", "--by", "role", "--format", "csv", NULL },
      { "report", "impact", "--by", "role", "--threshold", "12", NULL },
      { "report", "summary", NULL, },
    };

    for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
      {
        g_autofree char *from_file = cli_out (file, (const char **)reports[i]);
        g_autofree char *from_server = cli_out (leader_uri, (const char **)reports[i]);

        g_assert_cmpuint (strlen (from_file), >, 80);
        g_assert_cmpstr (from_server, ==, from_file);
      }
  }

  /* The charts, drawn as SVG: every figure and name in them the same. */
  {
    static const char *const charts[][5] = {
      { "heatmap", "--by", "department", NULL },
      { "heatmap", "--by", "role", "--threshold", },
      { "gap-heatmap", "--by", "department", NULL },
      { "gap-heatmap", "--by", "role", NULL },
      { "impact", "--by", "role", NULL },
      { "snapshot", NULL },
      { "transparency", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
      {
        const char *args[10] = { "export", "chart", charts[i][0], "--output", NULL, };
        guint n = 5;

        for (guint j = 1; j < 4 && charts[i][j] != NULL; j++)
          args[n++] = charts[i][j];
        if (n == 8)   /* a threshold to go with it */
          args[n++] = "8";
        assert_same_output (file, leader_uri, args, 4, dir, ".svg", 1000);
      }
  }
  tandem_test_remove_dir (dir);
}

/* Every table of the SQLite file at @path, row for row. */
static char *
dump_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open_existing (path, &error);

  g_assert_no_error (error);
  return tandem_test_dump (store);
}

/* A whole organisation moves from a file to a server and back, with the
 * same ids and every row (private notes, raw answers, tallies the server
 * makes itself); only into an empty target; only by the database's owner;
 * a backup of the server is a file, and a file restores into an empty
 * server. */
static void
check_copy (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *file = g_build_filename (dir, "org.db", NULL);
  g_autofree char *back = g_build_filename (dir, "back.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *refused_file = g_build_filename (dir, "leader.db", NULL);
  g_autofree char *admin_uri = new_organisation (super, "moved");
  g_autofree char *restored_uri = new_organisation (super, "restored");
  g_autofree char *leader_uri = tandem_test_pg_uri ("moved", "lee");
  g_autofree char *original = NULL;
  g_autofree char *executive = NULL;
  g_autofree char *mentor = NULL;

  {
    g_autoptr(TandemStore) store = tandem_test_demo_store (file, 7);
    g_autoptr(TandemStmt) pair = tandem_store_prepare (store,
                                                       "SELECT e.external_id, m.external_id FROM mentoring_pair p"
                                                       "  JOIN person e ON e.id = p.executive_id"
                                                       "  JOIN person m ON m.id = p.mentor_id ORDER BY p.id",
                                                       NULL);

    g_assert_cmpint (tandem_stmt_step (pair, NULL), ==, TANDEM_STEP_ROW);
    executive = g_strdup (tandem_stmt_get_text (pair, 0));
    mentor = g_strdup (tandem_stmt_get_text (pair, 1));
  }
  original = dump_file (file);
  g_assert_nonnull (strstr (original, "[survey_response]\n1|"));

  {
    const char *leader[] = { "server", "grant", "lee", "--as", "leader", NULL };
    const char *copy_in[] = { "copy", "--from", file, "--to", admin_uri, NULL };
    const char *copy_out[] = { "copy", "--from", admin_uri, "--to", back, NULL };
    const char *copy_as_leader[] = { "copy", "--from", leader_uri, "--to", refused_file, NULL };
    const char *backup_server[] = { "backup", "--output", backup, NULL };
    const char *restore[] = { "restore", backup, NULL };
    const char *log[] = { "log", "session", "--executive", executive, "--mentor", mentor, "--date", "2026-11-27",
                          "--insight", "After the move", NULL };
    g_autofree char *b = cli_out (admin_uri, leader);
    g_autofree char *c = cli_out (admin_uri, copy_in);
    g_autofree char *d = cli_out (admin_uri, copy_out);
    g_autofree char *e = cli_out (admin_uri, backup_server);
    g_autofree char *g = cli_out (restored_uri, restore);
    g_autofree char *after_copy = dump_file (back);
    g_autofree char *after_backup = dump_file (backup);
    g_autofree char *err = NULL;
    g_autofree char *err_again = NULL;
    g_autofree char *err_restore = NULL;
    g_autofree char *session = NULL;

    /* The same rows, the tallies the server's trigger kept included. */
    g_assert_cmpstr (after_copy, ==, original);
    g_assert_cmpstr (after_backup, ==, original);

    /* Only into an empty target: the server as it was, and a file. */
    g_assert_cmpint (cli (admin_uri, copy_in, &err_again), ==, 1);
    g_assert_nonnull (strstr (err_again, "already holds an organisation"));
    g_assert_cmpint (cli (restored_uri, restore, &err_restore), ==, 1);
    g_assert_nonnull (strstr (err_restore, "already holds an organisation"));
    g_clear_pointer (&err_again, g_free);
    g_assert_cmpint (cli (admin_uri, copy_out, &err_again), ==, 1);
    g_assert_nonnull (strstr (err_again, "already holds an organisation"));

    /* A leader may not read private notes or raw answers: no copy, and
     * no empty file left behind. */
    g_assert_cmpint (cli (leader_uri, copy_as_leader, &err), ==, 1);
    g_assert_nonnull (strstr (err, "Only the login that owns"));
    g_assert_false (g_file_test (refused_file, G_FILE_TEST_EXISTS));

    /* The server numbers new rows on from the ids it was given. */
    for (const char *const *uri = (const char *const[]) { admin_uri, restored_uri, NULL }; *uri != NULL; uri++)
      {
        g_autofree char *logged = cli_out (*uri, log);
        g_autoptr(PGconn) owner = tandem_test_pg_connect (g_str_equal (*uri, admin_uri) ? "moved" : "restored", "admin");

        assert_value (owner, "SELECT count (*) FROM coaching_session WHERE insight = 'After the move'", "1");
        assert_value (owner, "SELECT max (id) = (SELECT id FROM coaching_session WHERE insight = 'After the move')"
                             "  FROM coaching_session", "t");
      }
  }

  {
    g_autoptr(PGconn) moved = tandem_test_pg_connect ("moved", "admin");
    g_autoptr(PGconn) restored = tandem_test_pg_connect ("restored", "admin");
    g_autofree char *moved_people = tandem_test_pg_value (moved, "SELECT string_agg (external_id || name, ',' ORDER BY id) FROM person");
    g_autofree char *restored_people = tandem_test_pg_value (restored,
                                              "SELECT string_agg (external_id || name, ',' ORDER BY id) FROM person");

    g_assert_cmpstr (moved_people, ==, restored_people);
    assert_value (moved, "SELECT (SELECT count (*) FROM survey_tally) > 0", "t");
  }
  tandem_test_remove_dir (dir);
}

/* A file of @n people whose external ids start with @prefix, and of
 * @n_shared people every such file holds. */
static void
write_people (const char *path,
              const char *prefix,
              guint       n,
              guint       n_shared)
{
  g_autoptr(GString) csv = g_string_new ("external_id,name,email,department,role,level\n");

  for (guint i = 0; i < n + n_shared; i++)
    {
      /* Shuffled, the shared ones among the others. */
      guint k = (i * 7919) % (n + n_shared);

      if (k < n_shared)
        g_string_append_printf (csv, "S-%05u,Shared %u,,Finance,Analyst,individual_contributor\n", k, k);
      else
        g_string_append_printf (csv, "%s-%05u,Person %u,,Sales,Agent,individual_contributor\n", prefix, k, k);
    }
  tandem_test_write_file (path, csv->str, csv->len);
}

static GSubprocess *
start_cli (const char  *uri,
           const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (char *)g_getenv ("TANDEM_CLI"));
  g_ptr_array_add (argv, (char *)"--database");
  g_ptr_array_add (argv, (char *)uri);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  return process;
}

/* Waits up to ten seconds for @sql to give "t". */
static gboolean
wait_for (PGconn     *conn,
          const char *sql)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *now = tandem_test_pg_value (conn, sql);

      if (g_str_equal (now, "t"))
        return TRUE;
      g_usleep (10 * 1000);
    }
  return FALSE;
}

/* A manager adding answers through psql to a wave already reported on is
 * held to what tandem-cli asks: at least 5 to a group, else the
 * difference between two reports tells what the few said. A new wave,
 * or enough at once, goes in. */
static void
check_late_answers (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *admin_uri = new_organisation (super, "late");
  g_autoptr(PGconn) owner = NULL;
  g_autoptr(PGconn) max = NULL;

  {
    const char *manager[] = { "server", "grant", "max", "--as", "manager", NULL };
    g_autofree char *a = cli_out (admin_uri, manager);
  }
  owner = tandem_test_pg_connect ("late", "admin");
  max = tandem_test_pg_connect ("late", "max");
  tandem_test_pg_ok (owner, "INSERT INTO department (id, name) VALUES (1, 'Ops')");
  tandem_test_pg_ok (owner, "INSERT INTO survey_wave (id, title, fielded_on) VALUES (1, 'Q1', '2026-03-01')");
  /* The wave's first answers: any number. */
  tandem_test_pg_ok (max, "INSERT INTO survey_response (wave_id, level, department_id, optimism)"
                          " SELECT 1, 'individual_contributor', 1, 4 FROM generate_series (1, 2)");
  assert_value (owner, "SELECT answered FROM survey_tally WHERE wave_id = 1 AND grouping = 'department'", "2");

  /* One more, later: refused at commit, nothing added. */
  tandem_test_pg_refused (max, "INSERT INTO survey_response (wave_id, level, department_id, optimism)"
                               " VALUES (1, 'individual_contributor', 1, 5)", "work out what was said");
  assert_value (owner, "SELECT count (*) FROM survey_response", "2");
  /* Four at once in one group, five in another: still refused. */
  tandem_test_pg_refused (max, "INSERT INTO survey_response (wave_id, level, department_id, optimism)"
                               " SELECT 1, 'individual_contributor', CASE WHEN g <= 4 THEN 1 END, 5"
                               "   FROM generate_series (1, 9) g", "Adding 4 answers");
  /* Five to every group: in, and counted. */
  tandem_test_pg_ok (max, "INSERT INTO survey_response (wave_id, level, department_id, optimism)"
                          " SELECT 1, 'individual_contributor', 1, 5 FROM generate_series (1, 5)");
  assert_value (owner, "SELECT answered FROM survey_tally WHERE wave_id = 1 AND grouping = 'department'", "7");

  /* In the gap heatmap, a group's executives hidden take its ICs with
   * them, even as many as 6: the heatmap of every level gives the group's
   * total, less its ICs the executives'. */
  tandem_test_pg_ok (owner, "INSERT INTO department (id, name) VALUES (2, 'Sales'), (3, 'Legal')");
  tandem_test_pg_ok (owner, "INSERT INTO survey_wave (id, title, fielded_on) VALUES (2, 'Q2', '2026-06-01')");
  tandem_test_pg_ok (max, "INSERT INTO survey_response (wave_id, level, department_id, optimism)"
                          " SELECT 2, l, d, 4 + g % 2"
                          "   FROM (VALUES ('executive', 1, 2), ('individual_contributor', 1, 6),"
                          "                ('executive', 2, 5), ('individual_contributor', 2, 6),"
                          "                ('executive', 3, 5), ('individual_contributor', 3, 6)) AS c (l, d, k),"
                          "        generate_series (1, k) g");
  assert_value (max, "SELECT answered || ':' || favourable FROM tandem_gap_heatmap ('department', 3, 'Q2', 0)"
                     " WHERE group_id = 1 AND dimension = 'optimism' AND level = 'individual_contributor'", "6:0");
  assert_value (max, "SELECT count (*) FILTER (WHERE favourable > 0) FROM tandem_gap_heatmap ('department', 3, 'Q2', 0)"
                     " WHERE \"grouping\" = 'department' AND dimension = 'optimism'", "2");
}

/* Names beyond ASCII come out in the same order from a server as from a
 * file: SQLite's, bytes with A–Z folded ("Muz" before "Müller"), where
 * the server's own collation would put "Müller" beside "Muller". */
static void
check_name_order (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *file = g_build_filename (dir, "org.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *admin_uri = new_organisation (super, "names");
  static const char csv[] =
    "external_id,name,email,department,role,level\n"
    "N-1,Müller Ann,,Ärzte,Agent,individual_contributor\n"
    "N-2,Muz Adams,,Apotheke,Agent,individual_contributor\n"
    "N-3,mueller bob,,Zoll,Agent,individual_contributor\n"
    "N-4,Élise Martin,,écoles,Agent,individual_contributor\n"
    "N-5,Eve Stone,,Ecology,Agent,individual_contributor\n"
    "N-6,Zoë Park,,Zoll,Agent,individual_contributor\n"
    "N-7,Zed Ray,,Ärzte,Agent,individual_contributor\n"
    "N-8,Öz Kaya,,Apotheke,Agent,individual_contributor\n"
    "N-9,Oz Lee,,écoles,Agent,individual_contributor\n"
    "N-10,O'Brien Sam,,Ecology,Agent,individual_contributor\n";
  const char *import[] = { "import", "people", people, NULL };
  const char *export[] = { "export", "people", "--output", NULL, NULL };
  g_autofree char *out_file = NULL, *out_server = NULL;
  g_autofree char *listed = NULL;

  tandem_test_write_file (people, csv, strlen (csv));
  out_file = cli_out (file, import);
  out_server = cli_out (admin_uri, import);
  assert_same_output (file, admin_uri, export, 3, dir, ".csv", 200);

  /* And the order is SQLite's, not the server's collation's. */
  {
    g_autofree char *written = g_build_filename (dir, "server.csv", NULL);

    g_assert_true (g_file_get_contents (written, &listed, NULL, NULL));
  }
  g_assert_nonnull (strstr (listed, "Muz Adams"));
  g_assert_true (strstr (listed, "Muz Adams") < strstr (listed, "Müller Ann"));
  g_assert_true (strstr (listed, "Zoë Park") < strstr (listed, "Élise Martin"));
  tandem_test_remove_dir (dir);
}

/* Writers take turns, as on SQLite: two imports at once both finish, each
 * whole, the second seeing what the first added; a client killed in the
 * middle of an import leaves nothing of it, and no lock behind. */
static void
check_writers (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *people_a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *people_b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *people_k = g_build_filename (dir, "k.csv", NULL);
  g_autofree char *people_small = g_build_filename (dir, "small.csv", NULL);
  g_autofree char *admin_uri = new_organisation (super, "turns");
  g_autofree char *manager_uri = tandem_test_pg_uri ("turns", "max");
  g_autoptr(PGconn) admin = NULL;

  {
    const char *manager[] = { "server", "grant", "max", "--as", "manager", NULL };
    g_autofree char *b = cli_out (admin_uri, manager);
  }
  admin = tandem_test_pg_connect ("turns", "admin");
  write_people (people_a, "A", 3000, 500);
  write_people (people_b, "B", 3000, 500);
  write_people (people_k, "K", 40000, 0);
  write_people (people_small, "C", 10, 0);

  /* Two managers import at once, 500 people in both files. */
  {
    const char *import_a[] = { "import", "people", people_a, NULL };
    const char *import_b[] = { "import", "people", people_b, NULL };
    g_autoptr(GSubprocess) first = start_cli (manager_uri, import_a);
    g_autoptr(GSubprocess) second = start_cli (manager_uri, import_b);
    GSubprocess *both[] = { first, second };

    for (guint i = 0; i < G_N_ELEMENTS (both); i++)
      {
        g_autofree char *out = NULL, *err = NULL;
        g_autoptr(GError) error = NULL;

        g_subprocess_communicate_utf8 (both[i], NULL, NULL, &out, &err, &error);
        g_assert_no_error (error);
        if (!g_subprocess_get_successful (both[i]))
          g_error ("a concurrent import failed: %s", err);
      }
    assert_value (admin, "SELECT count (*) FROM person", "6500");
    assert_value (admin, "SELECT count (DISTINCT external_id) FROM person", "6500");
  }

  /* Killed while it inserts: the server rolls it all back. */
  {
    const char *import_k[] = { "import", "people", people_k, NULL };
    const char *import_small[] = { "import", "people", people_small, NULL };
    g_autoptr(GSubprocess) importer = start_cli (manager_uri, import_k);
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;

    g_assert_true (wait_for (super, "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE usename = 'max'"
                                    "  AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO person%')"));
    g_usleep (200 * 1000);
    g_subprocess_force_exit (importer);
    g_subprocess_wait (importer, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_if_signaled (importer));   /* killed, not finished */

    g_assert_true (wait_for (super, "SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE usename = 'max')"));
    assert_value (admin, "SELECT count (*) FROM person WHERE external_id LIKE 'K-%'", "0");
    assert_value (super, "SELECT count (*) FROM pg_locks WHERE locktype = 'advisory'", "0");
    out = cli_out (manager_uri, import_small);
    assert_value (admin, "SELECT count (*) FROM person", "6510");
  }
  tandem_test_remove_dir (dir);
}

typedef struct
{
  guint     n_signals;
  gboolean  everything;
  GStrv     tables;
} Heard;

static void
heard_cb (TandemStoreWatch  *watch,
          const char * const *tables,
          Heard              *heard)
{
  heard->n_signals++;
  heard->everything = tables == NULL;
  g_clear_pointer (&heard->tables, g_strfreev);
  heard->tables = g_strdupv ((char **)tables);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @heard has @n signals, or twenty seconds pass
 * (a reconnection waits five). */
static gboolean
wait_for_signal (Heard *heard,
                 guint  n)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, &timed_out);

  while (heard->n_signals < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return heard->n_signals >= n;
}

/* Live updates: what another login commits reaches a watch as the names
 * of the tables it changed, once per burst; what the watch's own store
 * writes does not; a dropped connection comes back by itself and says
 * anything may have changed. A login the server asks a password of is
 * told so, and signs in (every connection to it, the watch's too) once
 * the password is given. */
static void
check_live_updates (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *admin_uri = new_organisation (super, "live");
  g_autoptr(PGconn) other = tandem_test_pg_connect ("live", "admin");
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemStoreWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  Heard heard = { 0 };

  /* The app's way in: tandem_store_open() with a URI reaches the server. */
  store = tandem_store_open (admin_uri, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_get_schema_version (store) == TANDEM_STORE_SCHEMA_VERSION);
  watch = tandem_store_watch_new (store);
  g_signal_connect (watch, "changed", G_CALLBACK (heard_cb), &heard);
  while (!tandem_store_watch_is_listening (watch))
    g_main_context_iteration (NULL, TRUE);

  /* Another login's import: many statements, one signal. */
  tandem_test_pg_ok (other, "BEGIN");
  tandem_test_pg_ok (other, "INSERT INTO department (name) VALUES ('Ops'), ('Sales')");
  tandem_test_pg_ok (other, "INSERT INTO role (name, level) VALUES ('Agent', 'individual_contributor')");
  tandem_test_pg_ok (other, "INSERT INTO role (name, level) VALUES ('CFO', 'executive')");
  tandem_test_pg_ok (other, "COMMIT");
  g_assert_true (wait_for_signal (&heard, 1));
  g_assert_false (heard.everything);
  g_assert_cmpuint (g_strv_length (heard.tables), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *)heard.tables, "department"));
  g_assert_true (g_strv_contains ((const char * const *)heard.tables, "role"));

  /* A change the store itself made is not told back; the next one is. */
  g_assert_true (tandem_store_exec (store, "INSERT INTO department (name) VALUES ('Legal')", &error));
  g_assert_no_error (error);
  tandem_test_pg_ok (other, "UPDATE role SET function = 'Support' WHERE name = 'Agent'");
  g_assert_true (wait_for_signal (&heard, 2));
  g_assert_cmpuint (g_strv_length (heard.tables), ==, 1);
  g_assert_cmpstr (heard.tables[0], ==, "role");

  /* The server drops the watch's connection: it comes back on its own. */
  tandem_test_pg_ok (super, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE query = 'LISTEN tandem_changed'");
  g_assert_true (wait_for_signal (&heard, 3));
  g_assert_true (heard.everything);
  /* (A department's people lose it: the server says so too.) */
  tandem_test_pg_ok (other, "DELETE FROM department WHERE name = 'Sales'");
  g_assert_true (wait_for_signal (&heard, 4));
  g_assert_true (g_strv_contains ((const char * const *)heard.tables, "department"));
  g_clear_object (&watch);
  g_clear_object (&store);
  g_strfreev (heard.tables);

  /* A login that signs in with a password. */
  {
    g_autofree char *hba = g_build_filename (tandem_test_pg_dir (), "data", "pg_hba.conf", NULL);
    g_autofree char *rules = NULL;
    g_autofree char *asked = NULL;
    g_autofree char *pia_uri = tandem_test_pg_uri ("live", "pia");
    g_autoptr(TandemStore) pia = NULL;

    g_assert_true (g_file_get_contents (hba, &rules, NULL, NULL));
    asked = g_strconcat ("local all pia scram-sha-256\n", rules, NULL);
    g_assert_true (g_file_set_contents (hba, asked, -1, NULL));
    g_assert_cmpint (chmod (hba, 0644), ==, 0);
    tandem_test_pg_ok (super, "CREATE ROLE pia LOGIN PASSWORD 'tandem-pia' IN ROLE tandem_manager");
    tandem_test_pg_ok (super, "SELECT pg_reload_conf ()");

    pia = tandem_store_open (pia_uri, &error);
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NEEDS_PASSWORD);
    g_assert_null (pia);
    g_clear_error (&error);
    tandem_server_set_password (pia_uri, "not-hers");
    pia = tandem_store_open (pia_uri, &error);
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NEEDS_PASSWORD);
    g_assert_nonnull (strstr (error->message, "did not accept"));
    g_clear_error (&error);
    tandem_server_set_password (pia_uri, "tandem-pia");
    pia = tandem_store_open (pia_uri, &error);
    g_assert_no_error (error);

    /* Her window's watch signs in with it too. */
    memset (&heard, 0, sizeof heard);
    watch = tandem_store_watch_new (pia);
    g_signal_connect (watch, "changed", G_CALLBACK (heard_cb), &heard);
    while (!tandem_store_watch_is_listening (watch))
      g_main_context_iteration (NULL, TRUE);
    tandem_test_pg_ok (other, "INSERT INTO department (name) VALUES ('Finance')");
    g_assert_true (wait_for_signal (&heard, 1));
    g_assert_cmpstr (heard.tables[0], ==, "department");
    g_clear_object (&watch);
    g_strfreev (heard.tables);

    g_assert_true (g_file_set_contents (hba, rules, -1, NULL));
    g_assert_cmpint (chmod (hba, 0644), ==, 0);
    tandem_test_pg_ok (super, "SELECT pg_reload_conf ()");
  }
}

/* Every row of every Tandem table in @conn's database, in order. */
static char *
server_dump (PGconn *conn)
{
  static const char * const tables[] = {
    "department", "role", "person", "program", "program_role", "program_topic", "enrollment", "mentoring_pair",
    "coaching_session", "follow_up", "competency", "competency_level", "role_competency", "program_competency",
  };
  g_autoptr(GString) dump = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (string_agg (t::text, E'\\n' ORDER BY t::text), '')"
                                              "  FROM %s t", tables[i]);
      g_autofree char *rows = tandem_test_pg_value (conn, sql);

      g_string_append_printf (dump, "[%s]\n%s\n", tables[i], rows);
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Undo on a server, as a manager: a person deleted with everything that
 * hangs on them (pairs, sessions, follow-ups, enrollments, programs they
 * own), a program with its roles, topics, competencies and enrollments,
 * and a session with its follow-ups each come back row for row, same ids,
 * except the private notes of sessions the manager did not write, which
 * no one but their author may read, and so come back empty. */
static void
check_undo (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *admin_uri = new_organisation (super, "undo");
  g_autofree char *manager_uri = tandem_test_pg_uri ("undo", "max");
  g_autoptr(PGconn) owner = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *person = NULL, *program = NULL, *session = NULL;

  {
    const char *grant[] = { "server", "grant", "max", "--as", "manager", NULL };
    g_autofree char *out = cli_out (admin_uri, grant);
    g_autoptr(TandemStore) demo = tandem_test_demo_store (admin_uri, TANDEM_DEMO_DEFAULT_SEED);
  }
  owner = tandem_test_pg_connect ("undo", "postgres");
  /* Max's own note, which comes back; the others' are admin's. */
  tandem_test_pg_ok (owner, "UPDATE coaching_session SET author = 'max', private_notes = 'Max wrote this'"
                            " WHERE id = (SELECT min (id) FROM coaching_session)");
  /* The executive with the most that hangs on them, who owns a program. */
  tandem_test_pg_ok (owner, "UPDATE program SET owner_id = (SELECT executive_id FROM mentoring_pair ORDER BY id LIMIT 1)"
                            " WHERE id = (SELECT min (id) FROM program)");
  person = tandem_test_pg_value (owner, "SELECT executive_id FROM mentoring_pair ORDER BY id LIMIT 1");
  program = tandem_test_pg_value (owner, "SELECT program_id FROM enrollment GROUP BY program_id"
                                         " ORDER BY count (*) DESC, program_id LIMIT 1");
  session = tandem_test_pg_value (owner, "SELECT min (id) FROM coaching_session");
  assert_value (owner, "SELECT count (*) > 0 FROM program_competency WHERE program_id = "
                       "(SELECT program_id FROM enrollment GROUP BY program_id ORDER BY count (*) DESC, program_id"
                       " LIMIT 1)", "t");
  /* What the manager may not read back, blanked beforehand, is what the
   * restore gives. */
  tandem_test_pg_ok (owner, "UPDATE coaching_session SET private_notes = '' WHERE author <> 'max'");
  before = server_dump (owner);

  store = tandem_store_open (manager_uri, &error);
  g_assert_no_error (error);
  {
    g_autofree char *undo_person = NULL, *undo_program = NULL, *undo_session = NULL;
    g_autofree char *after = NULL;

    g_assert_true (tandem_session_delete (store, g_ascii_strtoll (session, NULL, 10), &undo_session, &error));
    g_assert_no_error (error);
    g_assert_true (tandem_person_delete (store, g_ascii_strtoll (person, NULL, 10), &undo_person, &error));
    g_assert_no_error (error);
    g_assert_true (tandem_program_delete (store, g_ascii_strtoll (program, NULL, 10), &undo_program, &error));
    g_assert_no_error (error);
    {
      g_autofree char *gone = g_strdup_printf ("SELECT count (*) FROM mentoring_pair WHERE %s IN (executive_id, mentor_id)",
                                               person);

      assert_value (owner, gone, "0");
    }
    /* The author's own note is in the snapshot; no one else's is. */
    g_assert_nonnull (strstr (undo_session, "Max wrote this"));

    /* Back in the other order, as toasts' Undo would. */
    g_assert_true (tandem_program_restore (store, undo_program, &error));
    g_assert_no_error (error);
    g_assert_true (tandem_person_restore (store, undo_person, &error));
    g_assert_no_error (error);
    g_assert_true (tandem_session_restore (store, undo_session, &error));
    g_assert_no_error (error);
    after = server_dump (owner);
    g_assert_cmpstr (after, ==, before);
  }
}

/* Two managers at two desks edit the same person and program: see
 * tandem_test_check_versions(), as on a file. */
static void
check_versions (void)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *admin_uri = new_organisation (super, "versions");
  g_autofree char *max_uri = tandem_test_pg_uri ("versions", "max");
  g_autofree char *mia_uri = tandem_test_pg_uri ("versions", "mia");
  g_autoptr(TandemStore) max = NULL;
  g_autoptr(TandemStore) mia = NULL;
  g_autoptr(GError) error = NULL;

  {
    const char *grant_max[] = { "server", "grant", "max", "--as", "manager", NULL };
    const char *grant_mia[] = { "server", "grant", "mia", "--as", "manager", NULL };
    g_autofree char *a = cli_out (admin_uri, grant_max);
    g_autofree char *b = cli_out (admin_uri, grant_mia);
  }
  max = tandem_store_open (max_uri, &error);
  g_assert_no_error (error);
  mia = tandem_store_open (mia_uri, &error);
  g_assert_no_error (error);
  tandem_test_check_versions (max, mia);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/tandem/server/rules", (gconstpointer)check_server_rules, test_in_child);
  g_test_add_data_func ("/tandem/server/reports", (gconstpointer)check_reports_match, test_in_child);
  g_test_add_data_func ("/tandem/server/surveys", (gconstpointer)check_surveys_match, test_in_child);
  g_test_add_data_func ("/tandem/server/copy", (gconstpointer)check_copy, test_in_child);
  g_test_add_data_func ("/tandem/server/writers", (gconstpointer)check_writers, test_in_child);
  g_test_add_data_func ("/tandem/server/live", (gconstpointer)check_live_updates, test_in_child);
  g_test_add_data_func ("/tandem/server/undo", (gconstpointer)check_undo, test_in_child);
  g_test_add_data_func ("/tandem/server/versions", (gconstpointer)check_versions, test_in_child);
  g_test_add_data_func ("/tandem/server/late-answers", (gconstpointer)check_late_answers, test_in_child);
  g_test_add_data_func ("/tandem/server/name-order", (gconstpointer)check_name_order, test_in_child);

  return tandem_test_pg_run ();
}
