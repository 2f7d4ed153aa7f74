/* test-cli.c — tandem-cli and tandem as a user runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string.h>
#include <sys/wait.h>

#include "tandem-server.h"
#include "tandem-store-private.h"
#ifdef TANDEM_TEST_SERVER
#include "tandem-test-pg.h"
#endif
#include "tandem-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs @program with @args (NULL-terminated) and @extra_env, with no
 * display, in the C locale unless @extra_env says otherwise. */
static void
run (Result             *result,
     const char         *program,
     const char * const *extra_env,
     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status;

  g_ptr_array_add (argv, (gpointer)program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "TANDEM_DATABASE");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
  g_test_message ("%s %s → %d\nstdout: %s\nstderr: %s", program, args[0] ? args[0] : "",
                  result->status, result->out, result->err);
}

static const char *
cli (void)
{
  const char *path = g_getenv ("TANDEM_CLI");

  g_assert_nonnull (path);
  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_cli_usage (void)
{
  static const struct {
    const char *args[6];
    int status;
    const char *out;     /* substring of stdout, or NULL */
    const char *err;     /* substring of stderr, or NULL */
  } cases[] = {
    { { "--version", NULL }, 0, "tandem-cli " PACKAGE_VERSION, NULL },
    { { "--help", NULL }, 0, "Usage: tandem-cli", NULL },
    { { NULL }, 2, NULL, "no command given" },
    { { "frobnicate", NULL }, 2, NULL, "unknown command “frobnicate”" },
    { { "--frobnicate", NULL }, 2, NULL, "unknown option “--frobnicate”" },
    { { "--database", NULL }, 2, NULL, "--database needs a file name" },
    { { "demo", "--bogus", NULL }, 2, NULL, "Unknown option --bogus" },
    { { "export", NULL }, 2, NULL, "export writes “chart NAME”" },
    { { "export", "chart", "happiness", NULL }, 2, NULL, "there is no chart “happiness”" },
    { { "export", "chart", "optimism", NULL }, 2, NULL, "needs --output FILE" },
    { { "report", "nonsense", NULL }, 2, NULL, "there is no report “nonsense”" },
    { { "import", "widgets", "widgets.csv", NULL }, 2, NULL, "cannot import “widgets”" },
    { { "import", "sessions", NULL }, 2, NULL, "needs a kind and a file" },
    { { "report", "pairs", "--as-of", "tomorrow" }, 2, NULL, "--as-of wants a date" },
    { { "export", "journal", NULL }, 2, NULL, "external id" },
  };

  /* About a file, the CSV reader or no database at all: once, on a file, is enough. */
  if (tandem_test_skip_on_server ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0, };

      run (&result, cli (), NULL, cases[i].args);
      g_assert_cmpint (result.status, ==, cases[i].status);
      if (cases[i].out != NULL)
        g_assert_nonnull (strstr (result.out, cases[i].out));
      if (cases[i].err != NULL)
        g_assert_nonnull (strstr (result.err, cases[i].err));
      /* Usage errors print a short usage, to stderr only: the error, the
       * synopsis, the commands and where to read more; not the wall. */
      if (cases[i].status == 2)
        {
          g_auto(GStrv) lines = g_strsplit (result.err, "\n", -1);

          g_assert_nonnull (strstr (result.err, "Usage: tandem-cli"));
          g_assert_nonnull (strstr (result.err, "Commands: demo, export, report, import, log, session, backup"));
          g_assert_cmpuint (g_strv_length (lines), <=, 5);
          g_assert_cmpstr (result.out, ==, "");
        }
    }
}

static void
test_cli_demo_and_export (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = tandem_test_fresh_database (dir, "x.db");
  g_autofree char *png = g_build_filename (dir, "o.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "o.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "o.svg", NULL);
  g_autofree char *gif = g_build_filename (dir, "o.gif", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *again = NULL;
  gsize length;

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "demo", "--today", "2026-11-22", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, db));
  }

  /* A second demo refuses, says how to go on, and changes nothing. */
  checksum = tandem_test_checksum (db);
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "demo", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "already holds an organisation"));
    g_assert_nonnull (strstr (r.err, "--replace"));
    g_assert_cmpuint (count_lines (r.err), ==, 1);
  }
  again = tandem_test_checksum (db);
  g_assert_cmpstr (checksum, ==, again);

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "demo", "--replace", "--seed", "4", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "export", "chart", "optimism", "--output", png, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_file_get_contents (png, &contents, &length, NULL);
    g_assert_cmpuint (length, >, 1000);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 16)), ==, 1920);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 20)), ==, 1080);
    g_clear_pointer (&contents, g_free);
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "export", "chart", "transparency", "-o", pdf,
                           "--width", "1280", "--height", "720", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_file_get_contents (pdf, &contents, &length, NULL);
    g_assert_cmpmem (contents, 5, "%PDF-", 5);
    g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 1280 720 ]", 26));
    g_clear_pointer (&contents, g_free);
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "export", "chart", "resources", "--output", svg, NULL };
    g_autofree char *text = NULL;

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    /* The figures read in their own thread reached the chart: its title is
     * there, as SVG text. */
    g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, ">The resource gap</text>"));
  }

  /* Where each role stands against its targets, and the record an
   * employer keeps for the EU AI Act. */
  {
    g_auto(Result) report = { 0, };
    g_auto(Result) record = { 0, };
    g_auto(Result) wrong = { 0, };
    g_autofree char *csv = g_strconcat (svg, ".csv", NULL);
    g_autofree char *text = NULL;
    const char *report_args[] = { "--database", db, "report", "competencies", "--format", "csv", NULL };
    const char *record_args[] = { "--database", db, "export", "literacy-record", "--department", "Finance",
                                  "-o", csv, NULL };
    const char *wrong_args[] = { "--database", db, "export", "literacy-record", "-o", svg, NULL };
    g_autofree char *record_pdf = g_strconcat (svg, ".pdf", NULL);
    const char *pdf_args[] = { "--database", db, "export", "literacy-record", "-o", record_pdf, NULL };
    g_auto(Result) printed = { 0, };

    run (&report, cli (), NULL, report_args);
    g_assert_cmpint (report.status, ==, 0);
    g_assert_true (g_str_has_prefix (report.out, "group,competency,target_level,people,at_target,at_target_pct\n"));
    g_assert_nonnull (strstr (report.out, "\nSupport Agent,Prompt literacy,2,"));
    run (&record, cli (), NULL, record_args);
    g_assert_cmpint (record.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "external_id,name,department,role,program,completed_on,competencies,hours\r\n"));
    g_assert_nonnull (strstr (text, ",Finance,"));
    g_assert_null (strstr (text, ",Customer Support,"));
    run (&wrong, cli (), NULL, wrong_args);
    g_assert_cmpint (wrong.status, ==, 1);
    g_assert_nonnull (strstr (wrong.err, "end “"));
    g_assert_nonnull (strstr (wrong.err, "with .csv or .pdf"));
    /* As PDF: a page per department, with who is covered and the share trained. */
    run (&printed, cli (), NULL, pdf_args);
    g_assert_cmpint (printed.status, ==, 0);
    g_clear_pointer (&text, g_free);
    g_assert_true (g_file_get_contents (record_pdf, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "%PDF-"));
  }

  /* A past wave, by its title; one that does not exist is said. */
  {
    g_auto(Result) gaps = { 0, };
    g_auto(Result) r = { 0, };
    g_auto(Result) none = { 0, };
    const char *report[] = { "--database", db, "report", "gaps", "--format", "csv", NULL };
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) fields = NULL;
    g_autofree char *text = NULL;
    g_autofree char *title = NULL;

    run (&gaps, cli (), NULL, report);
    g_assert_cmpint (gaps.status, ==, 0);
    lines = g_strsplit (gaps.out, "\n", 3);
    fields = g_strsplit (lines[1], ",", 2);
    {
      const char *args[] = { "--database", db, "export", "chart", "snapshot", "--wave", fields[0], "-o", svg, NULL };
      const char *wrong[] = { "--database", db, "export", "chart", "snapshot", "--wave", "1999", "-o", svg, NULL };

      run (&r, cli (), NULL, args);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
      title = g_strdup_printf (">The three gaps, %s</text>", fields[0]);
      g_assert_nonnull (strstr (text, title));
      run (&none, cli (), NULL, wrong);
      g_assert_cmpint (none.status, ==, 1);
      g_assert_nonnull (strstr (none.err, "There is no survey wave “1999”"));
    }
    /* The gap per department, in the same wave. */
    {
      g_auto(Result) gap = { 0, };
      const char *args[] = { "--database", db, "export", "chart", "gap-heatmap", "--wave", fields[0], "-o", svg, NULL };

      run (&gap, cli (), NULL, args);
      g_assert_cmpint (gap.status, ==, 0);
      g_clear_pointer (&text, g_free);
      g_clear_pointer (&title, g_free);
      g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
      title = g_strdup_printf (">The gap by department, %s</text>", fields[0]);
      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, ">Executives more favourable</text>"));
    }
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "export", "chart", "optimism", "--output", gif, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, ".png, .svg or .pdf"));
    g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "report", "summary", "--format", "csv", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "measure,value\n"));
    g_assert_nonnull (strstr (r.out, "\npeople,1200\n"));
    g_assert_nonnull (strstr (r.out, "\nwaves,6\n"));
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "check", NULL };
    g_autofree char *server_says = g_strdup_printf ("answers, with Tandem’s schema version %d",
                                                    TANDEM_STORE_SCHEMA_VERSION);

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    /* A server is asked which schema it holds; it keeps itself sound. */
    g_assert_nonnull (strstr (r.out, tandem_server_is_uri (db) ? server_says : "is sound"));
  }

  tandem_test_remove_dir (dir);
}

static void
test_cli_coaching (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = tandem_test_fresh_database (dir, "x.db");
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "sessions", "good.csv", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "sessions", "unknown-person.csv", NULL);
  g_autofree char *journal = g_build_filename (dir, "journal.md", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "demo", "--today", "2026-11-22", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
  }

  /* A bad file: exit 1, each problem on its own line, nothing written. */
  before = tandem_test_checksum (db);
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "import", "sessions", bad, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "nothing was imported"));
    g_assert_nonnull (strstr (r.err, "  line 3, column executive_external_id: no person has the external id “NOBODY”\n"));
  }
  after = tandem_test_checksum (db);
  g_assert_cmpstr (before, ==, after);

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "import", "sessions", good, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "3 created, 0 updated, 0 unchanged"));
    g_assert_nonnull (strstr (r.out, "New mentoring pair"));
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "report", "pairs", "--as-of", "2026-11-22", "--format", "csv", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "executive,mentor,cadence_days,sessions,last_session,"
                                            "days_since,next_due,status\n"));
    g_assert_nonnull (strstr (r.out, ",overdue\n"));
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "export", "journal", "MER-1000", "--output", journal, NULL };
    g_autofree char *text = NULL;

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_file_get_contents (journal, &text, NULL, NULL);
    g_assert_true (g_str_has_prefix (text, "# Coaching journal: "));
    g_assert_null (strstr (text, "Private notes"));
  }

  tandem_test_remove_dir (dir);
}

/* Survey responses in, the gaps out, the pack written; a bad file changes nothing. */
static void
test_cli_surveys (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = tandem_test_fresh_database (dir, "s.db");
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GString) rows = g_string_new ("Wave,Fielded_On,Level,Optimism,Resources,Transparency\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* No department or role column: both may be left out. */
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (rows, "2026 Q1,2026-02-15,Executive,%s,3,\n", i < 6 ? "Agree" : "2");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (rows, "2026 Q1,2026-02-15,individual_contributor,%d,,5\n", i < 9 ? 5 : 1);
  tandem_test_write_file (good, rows->str, rows->len);
  {
    const char *text = "wave,fielded_on,level,optimism\n2026 Q2,2026-05-15,executive,7\n";

    tandem_test_write_file (bad, text, strlen (text));
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "import", "responses", good, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "30 created"));
  }

  before = tandem_test_checksum (db);
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "import", "responses", bad, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "  line 2, column optimism: “7” is not a score"));
  }
  after = tandem_test_checksum (db);
  g_assert_cmpstr (before, ==, after);

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "report", "gaps", "--dimension", "optimism", "--format", "csv", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==,
                     "wave,fielded_on,dimension,leader_n,leader_pct,leader_ci_low,leader_ci_high,"
                     "ic_n,ic_pct,ic_ci_low,ic_ci_high,gap_pts,status,gap_ci_low,gap_ci_high\n"
                     "2026 Q1,2026-02-15,optimism,10,60.0,31.3,83.2,20,45.0,25.8,65.8,15.0,ok,-20.5,45.1\n");
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "report", "changes", "--format", "csv", NULL };

    /* One wave: nothing has moved yet. */
    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==,
                     "dimension,from_wave,to_wave,from_gap,to_gap,change_pts,change_ci_low,change_ci_high,verdict\n"
                     "optimism,,,,,,,,too_few\n"
                     "resources,,,,,,,,too_few\n"
                     "transparency,,,,,,,,too_few\n");
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "report", "impact", "--by", "role", "--format", "csv", NULL };
    const char *level[] = { "--database", db, "report", "impact", "--by", "level", NULL };

    /* One wave: every change is empty, the groups are listed. */
    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "group,people,completed_pct,tool_access_pct,optimism_n_from,"));
    result_clear (&r);
    run (&r, cli (), NULL, level);
    g_assert_cmpint (r.status, ==, 2);
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "report", "changes", "--from", "1999 Q1", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "no survey wave “1999 Q1”"));
  }

  {
    g_auto(Result) r = { 0, };
    const char *wrong[][7] = {
      { "--database", db, "report", "gaps", "--min-effect", "3", NULL },
      { "--database", db, "report", "changes", "--min-effect", "0", NULL },
      { "--database", db, "report", "summary", "--from", "2026 Q1", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        run (&r, cli (), NULL, wrong[i]);
        g_assert_cmpint (r.status, ==, 2);
        result_clear (&r);
      }
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "report", "gaps", "--threshold", "2", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 2);
  }

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "export", "pack", "--output", pack, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (pack, G_FILE_TEST_IS_REGULAR));
  }

  tandem_test_remove_dir (dir);
}

/* A demo organisation at @db, and a child process that holds its write
 * lock: for @hold_usec, then commits, or (0) until it is killed. Returns
 * once the lock is held. */
static pid_t
hold_write_lock (const char *db,
                 gulong      hold_usec)
{
  const char *args[] = { "--database", db, "demo", NULL };
  g_auto(Result) r = { 0, };
  int ready[2];
  char byte;
  pid_t pid;

  run (&r, cli (), NULL, args);
  g_assert_cmpint (r.status, ==, 0);

  g_assert_cmpint (pipe (ready), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *other = NULL;

      close (ready[0]);
      if (sqlite3_open (db, &other) != SQLITE_OK ||
          sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK ||
          write (ready[1], "1", 1) != 1)
        _exit (1);
      if (hold_usec == 0)
        pause ();
      g_usleep (hold_usec);
      sqlite3_exec (other, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (other);
      _exit (0);
    }
  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  return pid;
}

/* Another program holds the write lock: the CLI waits a little, then
 * says so, and the file is left as it was. */
static void
test_cli_locked (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "locked.db", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "people", "good.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  pid_t pid;

  /* About a file, the CSV reader or no database at all: once, on a file, is enough. */
  if (tandem_test_skip_on_server ())
    return;

  pid = hold_write_lock (db, 0);
  before = tandem_test_checksum (db);

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "import", "people", good, NULL };
    const char *env[] = { "TANDEM_WAIT_SECONDS", "2", NULL };

    /* It waits, says so, then gives up, naming who holds the file. */
    run (&r, cli (), env, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "Waiting for another import to finish…"));
    g_assert_nonnull (strstr (r.err, "is in use by another program (test-cli, process "));
  }

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  after = tandem_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  tandem_test_remove_dir (dir);
}

/* libpq is loaded when a team server is first used, not with every
 * command: a file never needs it, and a server without it says what to
 * install. */
static void
test_cli_without_libpq (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "tandem.db", NULL);
  const char *env[] = { "TANDEM_LIBPQ", "libpq-not-installed.so.5", NULL };

  if (tandem_test_skip_on_server ())
    return;

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "demo", NULL };

    run (&r, cli (), env, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", "postgresql:///tandem?host=/nonexistent", "report", "completion", NULL };

    run (&r, cli (), env, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "PostgreSQL’s client library (libpq-not-installed.so.5) could not be loaded"));
    g_assert_nonnull (strstr (r.err, "the libpq5 package"));
  }
  tandem_test_remove_dir (dir);
}

/* Without libpq a server is still named by its database and host, as
 * the connect dialog and the window's title show it. */
static void
test_cli_describe_without_libpq (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *remote = NULL;
      g_autofree char *local = NULL;
      g_autofree char *socket = NULL;

      g_setenv ("TANDEM_LIBPQ", "libpq-not-installed.so.5", TRUE);
      remote = tandem_server_describe ("postgresql://eve:secret@db.example.org:5433/tandem");
      local = tandem_server_describe ("postgresql:///learning");
      socket = tandem_server_describe ("postgresql://%2Fvar%2Frun%2Fpostgresql/tandem");
      g_assert_cmpstr (remote, ==, "tandem on db.example.org");
      g_assert_cmpstr (local, ==, "learning on this computer");
      g_assert_cmpstr (socket, ==, "tandem on this computer");
      g_assert_true (tandem_server_has_password ("postgresql://eve:secret@db.example.org/tandem"));
      g_assert_false (tandem_server_has_password ("postgresql://eve@db.example.org/tandem"));
      {
        g_autofree char *named_by_user = tandem_server_describe ("postgresql://eve:secret@db.example.org");

        g_assert_cmpstr (named_by_user, ==, "eve on db.example.org");
      }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_cli_refuses_junk (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "random.db", NULL);
  g_autofree char *png = g_build_filename (dir, "o.png", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guchar junk[8192];

  /* About a file, the CSV reader or no database at all: once, on a file, is enough. */
  if (tandem_test_skip_on_server ())
    return;

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guchar)g_rand_int_range (rand, 0, 256);
  tandem_test_write_file (db, junk, sizeof junk);
  before = tandem_test_checksum (db);

  {
    const char *commands[][6] = {
      { "--database", db, "demo", NULL },
      { "--database", db, "check", NULL },
      { "--database", db, "export", "chart", "optimism", "--output" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_auto(Result) r = { 0, };
        const char *args[8] = { NULL, };

        memcpy (args, commands[i], sizeof commands[i]);
        if (i == 2)
          args[6] = png;

        run (&r, cli (), NULL, args);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_nonnull (strstr (r.err, "is not a Tandem database"));
        g_assert_cmpuint (count_lines (r.err), ==, 1);
      }
  }

  after = tandem_test_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  tandem_test_remove_dir (dir);
}

static void
test_cli_translated (void)
{
  const char *localedir = g_getenv ("TANDEM_LOCALEDIR");
  const char *env[] = { "LANGUAGE", "de", "TANDEM_LOCALEDIR", localedir, NULL };
  const char *args[] = { "--help", NULL };
  g_auto(Result) r = { 0, };

  /* About a file, the CSV reader or no database at all: once, on a file, is enough. */
  if (tandem_test_skip_on_server ())
    return;

  g_assert_nonnull (localedir);
  run (&r, cli (), env, args);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Befehle:"));
  g_assert_null (strstr (r.out, "Commands:"));
}

static void
test_app_without_display (void)
{
  const char *app = g_getenv ("TANDEM_APP");

  /* About a file, the CSV reader or no database at all: once, on a file, is enough. */
  if (tandem_test_skip_on_server ())
    return;

  if (app == NULL)
    {
      g_test_skip ("built without the desktop app");
      return;
    }

  {
    const char *args[] = { "--version", NULL };
    g_auto(Result) r = { 0, };

    run (&r, app, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "tandem " PACKAGE_VERSION "\n");
  }

  {
    const char *args[] = { "--help", NULL };
    g_auto(Result) r = { 0, };

    run (&r, app, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "--database"));
    g_assert_nonnull (strstr (r.out, "--version"));
  }
}

/* Promises of "Your data": read-only commands create nothing, outputs keep
 * their mode and never replace a pipe, a backup finishes while another
 * process writes. */
static void
test_cli_outputs (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = tandem_test_fresh_database (dir, "org.db");
  g_autofree char *typo = g_build_filename (dir, "missing", "orgg.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *backup = g_build_filename (dir, "org.bak", NULL);
  GStatBuf st;

  {
    const char *make[] = { "--database", db, "demo", NULL };
    g_auto(Result) r = { 0, };

    run (&r, cli (), NULL, make);
    g_assert_cmpint (r.status, ==, 0);
  }

  /* A mistyped --database: an error, and no file or folder made. */
  {
    const char *commands[][6] = {
      { "--database", typo, "report", "summary", NULL },
      { "--database", typo, "check", NULL },
      { "--database", typo, "export", "people", "--output", csv },
      { "--database", typo, "backup", "--output", backup, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        const char *args[8] = { NULL, };
        g_auto(Result) r = { 0, };

        for (guint k = 0; k < 6 && commands[i][k] != NULL; k++)
          args[k] = commands[i][k];
        run (&r, cli (), NULL, args);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_nonnull (strstr (r.err, "There is no database"));
        g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
      }
    {
      g_autofree char *folder = g_path_get_dirname (typo);

      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }
  }

  /* A new export is its owner's alone; a replaced one keeps its mode. */
  {
    const char *fresh[] = { "--database", db, "export", "people", "--output", csv, NULL };
    const char *again[] = { "--database", db, "export", "people", "--output", kept, NULL };
    g_auto(Result) r = { 0, };

    run (&r, cli (), NULL, fresh);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_stat (csv, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    result_clear (&r);

    tandem_test_write_file (kept, "old", 3);
    g_chmod (kept, 0640);
    run (&r, cli (), NULL, again);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_stat (kept, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0640);
    g_assert_cmpint (st.st_size, >, 3);
  }

  /* A pipe is refused and stays a pipe; a link is written through. */
  {
    const char *to_pipe[] = { "--database", db, "export", "chart", "optimism", "--output", fifo, NULL };
    const char *to_link[] = { "--database", db, "export", "people", "--output", link, NULL };
    const char *backup_pipe[] = { "--database", db, "backup", "--output", fifo, NULL };
    g_auto(Result) r = { 0, };

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    run (&r, cli (), NULL, to_pipe);
    g_assert_cmpint (r.status, !=, 0);
    g_assert_nonnull (strstr (r.err, "not a regular file"));
    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
    result_clear (&r);

    run (&r, cli (), NULL, backup_pipe);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
    result_clear (&r);

    g_assert_cmpint (symlink (kept, link), ==, 0);
    run (&r, cli (), NULL, to_link);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_lstat (link, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
  }

  tandem_test_remove_dir (dir);
}

/* A name cannot reach the terminal raw (an escape sequence could clear or
 * retitle it), and a size of 0 is a usage error. */
static void
test_cli_terminal_safe (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = tandem_test_fresh_database (dir, "org.db");
  g_autofree char *csv = g_build_filename (dir, "evil.csv", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  const char *text = "external_id,name,email,department,role,level,champion,tool_access\n"
                     "X1,\"Evil\x1b]0;pwned\x07Name\",,Dept\x1b[2J,Role,individual_contributor,no,no\n";
  const char *import[] = { "--database", db, "import", "people", csv, NULL };
  const char *champions[] = { "--database", db, "report", "champions", NULL };
  const char *zero[] = { "--database", db, "export", "chart", "optimism", "--width", "0", "--output", png, NULL };
  g_auto(Result) r = { 0, };

  tandem_test_write_file (csv, text, strlen (text));
  run (&r, cli (), NULL, import);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strchr (r.out, '\x1b'));
  g_assert_nonnull (strstr (r.out, "New department: Dept\\x1b[2J"));
  result_clear (&r);

  run (&r, cli (), NULL, champions);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strchr (r.out, '\x1b'));
  g_assert_nonnull (strstr (r.out, "Dept\\x1b[2J"));
  result_clear (&r);

  run (&r, cli (), NULL, zero);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--width and --height are pixels"));

  tandem_test_remove_dir (dir);
}

/* export people imports back unchanged: guarded cells lose their guard,
 * people without an external id or a role come back as they were, and
 * who is inactive stays inactive. */
static void
test_cli_people_round_trip (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *a = tandem_test_fresh_database (dir, "a.db");
  g_autofree char *b = tandem_test_fresh_database (dir, "b.db");
  g_autofree char *a_csv = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b_csv = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;

  {
    const char *args[] = { "--database", a, "demo", NULL };
    g_auto(Result) r = { 0, };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemStore) store = tandem_store_open (a, &error);

    g_assert_no_error (error);
    g_assert_true (tandem_store_exec (store,
                                      "INSERT INTO department (name) VALUES ('=Dept');"
                                      "INSERT INTO person (external_id, name, email, department_id)"
                                      " VALUES (NULL, '=HYPERLINK(\"x\")', 'a@b', (SELECT id FROM department WHERE name = '=Dept'));"
                                      "INSERT INTO person (external_id, name, email, active) VALUES ('Z9', '-Ana', '', 0);"
                                      "INSERT INTO person (external_id, name, email) VALUES ('Z10', 'x;=1+1', '');",
                                      &error));
    g_assert_no_error (error);
  }

  {
    const char *export_a[] = { "--database", a, "export", "people", "--output", a_csv, NULL };
    const char *import_b[] = { "--database", b, "import", "people", a_csv, NULL };
    const char *export_b[] = { "--database", b, "export", "people", "--output", b_csv, NULL };
    g_auto(Result) r = { 0, };

    run (&r, cli (), NULL, export_a);
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
    run (&r, cli (), NULL, import_b);
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
    run (&r, cli (), NULL, export_b);
    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (a_csv, &a_text, NULL, NULL));
  g_assert_true (g_file_get_contents (b_csv, &b_text, NULL, NULL));
  g_assert_nonnull (strstr (a_text, "Z9,'-Ana,,,,,no,no,no"));
  g_assert_cmpstr (a_text, ==, b_text);

  tandem_test_remove_dir (dir);
}

/* Files as spreadsheets write them: the semicolon and UTF-16 twins of a
 * comma UTF-8 file import to the same people; a column named twice is
 * refused, one not used is said; --delimiter writes a semicolon export. */
static void
test_cli_dialects (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  static const char comma[] = "external_id,name,email,department,role,level,champion,tool_access\n"
                              "A1,Ana Lima,ana@x,Sales,Rep,individual_contributor,ja,NEIN\n"
                              "A2,\"Berg, Ole\",,Sales,Lead,manager,no,yes\n";
  static const char semicolon[] = "external_id;name;email;department;role;level;champion;tool_access\r\n"
                                  "A1;Ana Lima;ana@x;Sales;Rep;individual_contributor;ja;NEIN\r\n"
                                  "A2;Berg, Ole;;Sales;Lead;manager;no;yes\r\n";
  static const char twice[] = "external_id,name,name,email,department,role,level,champion,tool_access\n"
                              "A1,Ana,Lima,,Sales,Rep,individual_contributor,no,no\n";
  static const char extra[] = "external_id,name,email,department,role,level,champion,tool_access,shoe size\n"
                              "A3,Cai,,Sales,Rep,individual_contributor,no,no,44\n";
  const char *files[][2] = { { "comma.csv", comma }, { "semicolon.csv", semicolon } };
  char *exports[3] = { NULL, };

  /* About a file, the CSV reader or no database at all: once, on a file, is enough. */
  if (tandem_test_skip_on_server ())
    return;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/org-%u.db", dir, i);
      g_autofree char *path = g_strdup_printf ("%s/in-%u.csv", dir, i);
      g_autofree char *out = g_strdup_printf ("%s/out-%u.csv", dir, i);
      const char *import[] = { "--database", db, "import", "people", path, NULL };
      const char *export[] = { "--database", db, "export", "people", "--output", out, NULL };
      g_auto(Result) r = { 0, };

      if (i < 2)
        tandem_test_write_file (path, files[i][1], strlen (files[i][1]));
      else
        {
          /* Excel's "Unicode Text": UTF-16 little endian with a BOM, tabs. */
          g_autofree char *tabs = g_strdup (semicolon);
          g_autofree char *utf16 = NULL;
          gsize written = 0;
          GString *bytes = g_string_new_len ("\xff\xfe", 2);

          g_strdelimit (tabs, ";", '\t');
          utf16 = g_convert (tabs, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
          g_string_append_len (bytes, utf16, (gssize)written);
          tandem_test_write_file (path, bytes->str, bytes->len);
          g_string_free (bytes, TRUE);
        }
      run (&r, cli (), NULL, import);
      g_assert_cmpint (r.status, ==, 0);
      if (i == 1)
        g_assert_nonnull (strstr (r.out, "Read as UTF-8, separated by semicolons"));
      if (i == 2)
        g_assert_nonnull (strstr (r.out, "Read as UTF-16, separated by tabs"));
      result_clear (&r);
      run (&r, cli (), NULL, export);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &exports[i], NULL, NULL));
    }
  g_assert_cmpstr (exports[1], ==, exports[0]);
  g_assert_cmpstr (exports[2], ==, exports[0]);
  g_assert_nonnull (strstr (exports[0], "A1,Ana Lima,ana@x,Sales,Rep,individual_contributor,yes,no,yes"));
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    g_free (exports[i]);

  {
    g_autofree char *db = g_strdup_printf ("%s/org-0.db", dir);
    g_autofree char *path = g_strdup_printf ("%s/twice.csv", dir);
    g_autofree char *more = g_strdup_printf ("%s/extra.csv", dir);
    g_autofree char *semi = g_strdup_printf ("%s/semi-out.csv", dir);
    g_autofree char *text = NULL;
    const char *import_twice[] = { "--database", db, "import", "people", path, NULL };
    const char *import_extra[] = { "--database", db, "import", "people", more, NULL };
    const char *export_semi[] = { "--database", db, "export", "people", "--delimiter", ";", "--output", semi, NULL };
    g_auto(Result) r = { 0, };

    tandem_test_write_file (path, twice, strlen (twice));
    run (&r, cli (), NULL, import_twice);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "line 1, column name: the header names this column twice, as columns 2 and 3"));
    result_clear (&r);

    tandem_test_write_file (more, extra, strlen (extra));
    run (&r, cli (), NULL, import_extra);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "The column “shoe size” is not used"));
    result_clear (&r);

    run (&r, cli (), NULL, export_semi);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (semi, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "external_id;name;email;department;role;level;champion;tool_access;active\r\n"));
    g_assert_nonnull (strstr (text, "A2;\"Berg, Ole\";;Sales;Lead;manager;no;yes;yes"));
  }

  tandem_test_remove_dir (dir);
}

/* A second writer waits its turn: while another holds the file for a
 * moment, the import says it is waiting, then succeeds. */
static void
test_cli_waits_its_turn (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "busy.db", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "people", "good.csv", NULL);
  pid_t pid;

  /* About a file, the CSV reader or no database at all: once, on a file, is enough. */
  if (tandem_test_skip_on_server ())
    return;

  pid = hold_write_lock (db, 2500 * 1000);

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "import", "people", good, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, "Waiting for another import to finish…"));
    g_assert_nonnull (strstr (r.out, "Imported "));
  }

  waitpid (pid, NULL, 0);
  tandem_test_remove_dir (dir);
}

/* A logged session is listed by executive, corrected field by field and
 * deleted from the command line; mistakes say what is wrong and change
 * nothing. */
static void
test_cli_sessions (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = tandem_test_fresh_database (dir, "s.db");
  g_autofree char *first_id = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *executive;
  gint64 n = 0;

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "demo", "--today", "2026-11-22", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  store = tandem_store_open (db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TandemStmt) stmt = tandem_store_prepare (store,
                                                         "SELECT e.external_id FROM coaching_session s"
                                                         "  JOIN mentoring_pair m ON m.id = s.pair_id"
                                                         "  JOIN person e ON e.id = m.executive_id"
                                                         " ORDER BY s.id LIMIT 1", &error);

    g_assert_cmpint (tandem_stmt_step (stmt, &error), ==, TANDEM_STEP_ROW);
    executive = g_intern_string (tandem_stmt_get_text (stmt, 0));
  }
  g_clear_object (&store);

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "session", "list", "--executive", executive, NULL };
    g_auto(GStrv) lines = NULL;

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >, 1);
    first_id = g_strndup (lines[0], strcspn (lines[0], "\t"));
    g_assert_cmpint (atoi (first_id), >, 0);
  }
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "session", "edit", first_id, "--insight", "Corrected",
                           "--confidence-after", "4", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  store = tandem_store_open (db, &error);
  g_assert_true (tandem_store_query_int (store, "SELECT count (*) FROM coaching_session"
                                               " WHERE insight = 'Corrected' AND confidence_after = 4", &n, &error));
  g_assert_cmpint (n, ==, 1);
  g_clear_object (&store);
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "session", "edit", first_id, "--date", "2026-02-30", NULL };
    g_autofree char *before = tandem_test_checksum (db);
    g_autofree char *after = NULL;

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "is not a date"));
    after = tandem_test_checksum (db);
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "session", "delete", first_id, NULL };
    g_auto(Result) again = { 0, };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "deleted"));
    run (&again, cli (), NULL, args);
    g_assert_cmpint (again.status, ==, 1);
    g_assert_nonnull (strstr (again.err, "There is no session"));
  }
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "session", "edit", "abc", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 2);
  }
  tandem_test_remove_dir (dir);
}

static gint64
count_rows (const char *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (db, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  g_assert_true (tandem_store_query_int (store, sql, &n, &error));
  return n;
}

/* log session logs one session by the dialog's rules: for an existing pair,
 * or a new one started on its day; a refused session changes nothing, not
 * even the pair it would have made. */
static void
test_cli_log_session (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = tandem_test_fresh_database (dir, "log.db");
  g_autofree char *executive = NULL;
  g_autofree char *mentor = NULL;
  g_autofree char *other = NULL;
  gint64 pairs, sessions;

  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "demo", "--today", "2026-11-22", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemStore) store = tandem_store_open (db, &error);
    g_autoptr(TandemStmt) stmt = tandem_store_prepare (store,
                                                       "SELECT e.external_id,"
                                                       " (SELECT p.external_id FROM person p JOIN role r ON r.id = p.role_id"
                                                       "   WHERE r.level = 'individual_contributor' AND p.id NOT IN"
                                                       "   (SELECT mentor_id FROM mentoring_pair) ORDER BY p.id LIMIT 1),"
                                                       " (SELECT p.external_id FROM person p JOIN role r ON r.id = p.role_id"
                                                       "   WHERE r.level = 'individual_contributor' AND p.id NOT IN"
                                                       "   (SELECT mentor_id FROM mentoring_pair) ORDER BY p.id LIMIT 1 OFFSET 1)"
                                                       "  FROM person e JOIN role r ON r.id = e.role_id"
                                                       " WHERE r.level = 'executive' ORDER BY e.id LIMIT 1", &error);

    g_assert_cmpint (tandem_stmt_step (stmt, &error), ==, TANDEM_STEP_ROW);
    executive = g_strdup (tandem_stmt_get_text (stmt, 0));
    mentor = g_strdup (tandem_stmt_get_text (stmt, 1));
    other = g_strdup (tandem_stmt_get_text (stmt, 2));
  }
  pairs = count_rows (db, "SELECT count (*) FROM mentoring_pair");
  sessions = count_rows (db, "SELECT count (*) FROM coaching_session");

  /* Two people without a pair: one is made, started on the session's day. */
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "log", "session", "--executive", executive, "--mentor", mentor,
                           "--date", "2026-11-20", "--minutes", "40", "--insight", "Drafts in half the time",
                           "--follow-ups", "Try it on the board pack\nShare the prompt", "--confidence-before", "2",
                           "--confidence-after", "4", "--private-note", "Nervous at first", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "New mentoring pair"));
    g_assert_nonnull (strstr (r.out, "logged"));
  }
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM mentoring_pair"), ==, pairs + 1);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM coaching_session s JOIN mentoring_pair m ON m.id = s.pair_id"
                                   " WHERE m.started_on = '2026-11-20' AND s.minutes = 40"
                                   "   AND s.insight = 'Drafts in half the time' AND s.confidence_before = 2"
                                   "   AND s.confidence_after = 4 AND s.private_notes = 'Nervous at first'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM follow_up f JOIN coaching_session s ON s.id = f.session_id"
                                   " WHERE s.insight = 'Drafts in half the time'"), ==, 2);

  /* The same two again: their pair, no new one; fields left out stay unset. */
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "log", "session", "--executive", executive, "--mentor", mentor,
                           "--date", "2026-11-27", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_null (strstr (r.out, "New mentoring pair"));
  }
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM mentoring_pair"), ==, pairs + 1);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM coaching_session WHERE held_on = '2026-11-27'"
                                   " AND minutes IS NULL AND confidence_before IS NULL"), ==, 1);

  /* Refused: nothing written, not even the new pair. */
  {
    static const struct { const char *flag, *value, *err; } refused[] = {
      { "--confidence-after", "9", "Confidence" },
      { "--date", "2026-02-30", "is not a date" },
      { "--minutes", "2000", "cannot last" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_auto(Result) r = { 0, };
        const char *args[] = { "--database", db, "log", "session", "--executive", executive, "--mentor", other,
                               "--date", "2026-11-21", refused[i].flag, refused[i].value, NULL };
        g_autofree char *before = tandem_test_checksum (db);
        g_autofree char *after = NULL;

        run (&r, cli (), NULL, args);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_nonnull (strstr (r.err, refused[i].err));
        after = tandem_test_checksum (db);
        g_assert_cmpstr (before, ==, after);
      }
  }
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "log", "session", "--executive", "NOBODY", "--mentor", mentor,
                           "--date", "2026-11-21", NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "No person has the external id “NOBODY”"));
  }
  {
    g_auto(Result) r = { 0, };
    const char *args[] = { "--database", db, "log", "session", "--executive", executive, NULL };

    run (&r, cli (), NULL, args);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "needs --executive ID, --mentor ID and --date"));
  }
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM coaching_session"), ==, sessions + 2);
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

  g_test_add_func ("/tandem/cli/usage", test_cli_usage);
  g_test_add_func ("/tandem/cli/demo-and-export", test_cli_demo_and_export);
  g_test_add_func ("/tandem/cli/coaching", test_cli_coaching);
  g_test_add_func ("/tandem/cli/surveys", test_cli_surveys);
  g_test_add_func ("/tandem/cli/refuses-junk", test_cli_refuses_junk);
  g_test_add_func ("/tandem/cli/locked", test_cli_locked);
  g_test_add_func ("/tandem/cli/without-libpq", test_cli_without_libpq);
  g_test_add_func ("/tandem/cli/describe-without-libpq", test_cli_describe_without_libpq);
  g_test_add_func ("/tandem/cli/waits-its-turn", test_cli_waits_its_turn);
  g_test_add_func ("/tandem/cli/outputs", test_cli_outputs);
  g_test_add_func ("/tandem/cli/terminal-safe", test_cli_terminal_safe);
  g_test_add_func ("/tandem/cli/people-round-trip", test_cli_people_round_trip);
  g_test_add_func ("/tandem/cli/dialects", test_cli_dialects);
  g_test_add_func ("/tandem/cli/translated", test_cli_translated);
  g_test_add_func ("/tandem/cli/sessions", test_cli_sessions);
  g_test_add_func ("/tandem/cli/log-session", test_cli_log_session);
  g_test_add_func ("/tandem/app/without-display", test_app_without_display);

  return g_test_run ();
}
