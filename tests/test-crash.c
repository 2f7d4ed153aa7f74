/* test-crash.c — nothing lost when the process dies at any moment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process writes in a loop — people imports of 40 rows, edits of a
 * person, coaching sessions, checkpoints of the write-ahead log, and a
 * backup restored at once — and reports each write on a pipe only after
 * it was committed. The parent kills it with SIGKILL at a random moment,
 * then checks that the file passes SQLite's integrity check, that every
 * reported write is there, and that no import is half there. It prints
 * kills, corrupt files and rows lost.
 *
 * The default suite kills 12 times; for the long run set
 * TANDEM_CRASH_KILLS (meson test -C _build --benchmark crash-long: 200).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tandem-import.h"
#include "tandem-pair.h"
#include "tandem-person.h"
#include "tandem-session.h"
#include "tandem-store-private.h"
#include "tandem-test-util.h"

#define BATCH 40

/* ----- the child: write until killed ----- */

static gint64
ensure_person (TandemStore *store,
               const char  *external_id,
               const char  *role,
               TandemLevel  level)
{
  TandemPersonDraft draft = { external_id, external_id, "", "Crash", role, level, FALSE, FALSE, TRUE };
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_person_find (store, external_id);

  if (id > 0)
    return id;
  id = tandem_person_save (store, 0, NULL, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static int
child (const char *db,
       const char *dir,
       guint       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (db, &error);
  gint64 executive, mentor, pair = 0;

  if (store == NULL)
    g_error ("the child cannot open the database: %s", error->message);

  executive = ensure_person (store, "CRASH-EXEC", "Chief Officer", TANDEM_LEVEL_EXECUTIVE);
  mentor = ensure_person (store, "CRASH-MENTOR", "Analyst", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR);
  tandem_store_query_int (store, "SELECT coalesce (max (id), 0) FROM mentoring_pair", &pair, NULL);
  if (pair == 0)
    pair = tandem_pair_add (store, executive, mentor, "2026-01-01", 14, "", &error);
  g_assert_no_error (error);

  for (guint i = first;; i++)
    {
      g_autofree char *line = NULL;

      switch (i % 5)
        {
        case 0:
          {
            g_autofree char *path = g_strdup_printf ("%s/batch-%u.csv", dir, i);
            g_autoptr(GString) csv = g_string_new ("external_id,name,email,department,role,level,champion,tool_access\n");
            g_autoptr(TandemImportReport) report = tandem_import_report_new ();

            for (guint k = 0; k < BATCH; k++)
              g_string_append_printf (csv, "K%u-%u,Person %u %u,,Dept %u,Role %u,individual_contributor,no,yes\n",
                                      i, k, i, k, k % 4, k % 6);
            g_assert_true (g_file_set_contents (path, csv->str, (gssize)csv->len, NULL));
            if (!tandem_import_run (store, TANDEM_IMPORT_PEOPLE, path, NULL, report, NULL, &error))
              g_error ("import: %s", error->message);
            line = g_strdup_printf ("import %u\n", i);
            break;
          }
        case 1:
          {
            g_autofree char *name = g_strdup_printf ("Edited %u", i);
            TandemPersonDraft draft = { "CRASH-MENTOR", name, "", "Crash", "Analyst",
                                        TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, FALSE, TRUE, TRUE };

            if (tandem_person_save (store, mentor, NULL, &draft, &error) <= 0)
              g_error ("edit: %s", error->message);
            line = g_strdup_printf ("edit %u\n", i);
            break;
          }
        case 3:
          /* Copies the log into the file: a kill halfway must lose nothing. */
          if (!tandem_store_exec (store, "PRAGMA wal_checkpoint (TRUNCATE)", &error))
            g_error ("checkpoint: %s", error->message);
          line = g_strdup_printf ("checkpoint %u\n", i);
          break;
        case 4:
          {
            /* A backup of what is there, restored at once: the data stays
             * the same, and a kill during either must leave it whole. */
            g_autofree char *backup = g_strdup_printf ("%s/same.bak", dir);

            if (!tandem_store_backup (store, backup, &error) || !tandem_store_restore (store, backup, &error))
              g_error ("backup and restore: %s", error->message);
            line = g_strdup_printf ("restore %u\n", i);
            break;
          }
        default:
          {
            g_autofree char *insight = g_strdup_printf ("S%u", i);
            TandemSessionDraft draft = { pair, "2026-01-05", 30, "Claude", "Inbox", insight, "Next step", 2, 3, "" };

            if (tandem_session_add (store, &draft, &error) <= 0)
              g_error ("session: %s", error->message);
            line = g_strdup_printf ("session %u\n", i);
            break;
          }
        }
      /* Said only once it is committed: the parent may hold us to it. */
      if (write (STDOUT_FILENO, line, strlen (line)) < 0)
        return 1;
    }
}

/* ----- the parent: kill, then check ----- */

typedef struct
{
  guint kills;
  guint corrupt;
  guint lost;
  guint half_imports;
  guint committed;
} Tally;

static gint64
query (TandemStore *store,
       const char  *sql,
       const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, sql, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  tandem_stmt_bind_text_copy (stmt, 1, text);
  if (tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW)
    value = tandem_stmt_get_int64 (stmt, 0);
  return value;
}

/* Every write the child said it committed, found in the file. */
static void
check_committed (TandemStore *store,
                 char       **lines,
                 guint        last_edit,
                 Tally       *tally)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gint64 half = -1;

  if (!tandem_store_check (store, &report, &error))
    {
      g_printerr ("corrupt after kill %u: %s\n", tally->kills, report ? report : error->message);
      tally->corrupt++;
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint n = 0;
      g_autofree char *key = NULL;

      if (sscanf (lines[i], "import %u", &n) == 1)
        {
          key = g_strdup_printf ("K%u-%%", n);
          if (query (store, "SELECT count (*) FROM person WHERE external_id LIKE $1", key) != BATCH)
            tally->lost++;
        }
      else if (sscanf (lines[i], "session %u", &n) == 1)
        {
          key = g_strdup_printf ("S%u", n);
          if (query (store, "SELECT count (*) FROM coaching_session WHERE insight = $1", key) != 1)
            tally->lost++;
        }
      else if (sscanf (lines[i], "edit %u", &n) != 1)
        continue;
      tally->committed++;
    }

  /* The latest reported edit is the name on file (or a later, unreported one). */
  if (last_edit > 0)
    {
      gint64 at = query (store, "SELECT cast (substr (name, 8) AS INTEGER) FROM person WHERE external_id = $1",
                         "CRASH-MENTOR");

      if (at < last_edit)
        tally->lost++;
    }

  g_assert_true (tandem_store_query_int (store,
                                         "SELECT count (*) FROM (SELECT count (*) AS n FROM person"
                                         " WHERE external_id LIKE 'K%'"
                                         " GROUP BY substr (external_id, 1, instr (external_id, '-'))"
                                         " HAVING n <> 40)",
                                         &half, &error));
  tally->half_imports += (guint)half;
}

static void
test_crash_kill (void)
{
  const char *env = g_getenv ("TANDEM_CRASH_KILLS");
  guint n_kills = env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : 12;
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  Tally tally = { 0, };
  guint last_edit = 0;

  g_assert_nonnull (self);
  if (g_getenv ("TANDEM_TEST_UNDER_VALGRIND") != NULL)
    {
      g_test_skip ("killing children is not what valgrind checks");
      return;
    }

  for (guint k = 0; k < n_kills; k++)
    {
      g_autofree char *first = g_strdup_printf ("%u", k * 100000 + 1);
      char *argv[] = { self, (char *)"--child", db, dir, first, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      g_autoptr(TandemStore) store = NULL;
      int out_fd = -1, status = 0;
      GPid pid;
      char buffer[4096];
      gssize got;

      g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out_fd, NULL, &error));
      g_usleep ((gulong)g_rand_int_range (rand, 30, 400) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      tally.kills++;

      while ((got = read (out_fd, buffer, sizeof buffer)) > 0)
        g_string_append_len (out, buffer, got);
      close (out_fd);
      lines = g_strsplit (out->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          guint n;

          if (sscanf (lines[i], "edit %u", &n) == 1)
            last_edit = n;
        }

      store = tandem_store_open (db, &error);
      if (store == NULL)
        {
          g_printerr ("kill %u: the file does not open: %s\n", k, error->message);
          tally.corrupt++;
          continue;
        }
      check_committed (store, lines, last_edit, &tally);
    }

  g_print ("# crash safety: %u kills, %u writes reported committed, %u corrupt files, %u rows lost, "
           "%u half imports\n",
           tally.kills, tally.committed, tally.corrupt, tally.lost, tally.half_imports);
  g_assert_cmpuint (tally.corrupt, ==, 0);
  g_assert_cmpuint (tally.lost, ==, 0);
  g_assert_cmpuint (tally.half_imports, ==, 0);
  g_assert_cmpuint (tally.committed, >, 0);

  tandem_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return child (argv[2], argv[3], (guint)g_ascii_strtoull (argv[4], NULL, 10));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tandem/crash/kill", test_crash_kill);
  return g_test_run ();
}
