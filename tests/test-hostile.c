/* test-hostile.c — files as people have them, and files meant to break us
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file in tests/data/hostile/, and a few too large to keep in git
 * that are written at run time, is imported into a fresh organisation in
 * a child process of its own. Each is imported as it should be, or refused
 * with the line and column of what is wrong and the database unchanged;
 * and the child's peak memory stays within three times the file's size or
 * 64 MB, whichever is larger. The fuzzers start from the same files.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tandem-import.h"
#include "tandem-store.h"
#include "tandem-test-util.h"

#define MEGABYTE (1024 * 1024)

/* One problem the import must name: its line, its column (NULL for the
 * whole row), and words from its reason. */
typedef struct
{
  guint       line;
  const char *column;
  const char *reason;
} Expected;

typedef struct
{
  const char       *file;      /* in tests/data/hostile/, or written at run time */
  TandemImportKind  kind;
  gboolean          people_first;   /* import people-cr-only.csv before */
  guint             created;   /* when it imports */
  Expected          problems[3];
} HostileCase;

static const HostileCase cases[] = {
  { "people-semicolon.csv", TANDEM_IMPORT_PEOPLE, FALSE, 2, { { 0 } } },
  { "people-utf16le.csv", TANDEM_IMPORT_PEOPLE, FALSE, 2, { { 0 } } },
  { "people-utf16be.csv", TANDEM_IMPORT_PEOPLE, FALSE, 2, { { 0 } } },
  { "people-ja-nein.csv", TANDEM_IMPORT_PEOPLE, FALSE, 2, { { 0 } } },
  { "people-cr-only.csv", TANDEM_IMPORT_PEOPLE, FALSE, 2, { { 0 } } },
  { "people-repeated-column.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0,
    { { 1, "name", "names this column twice, as columns 2 and 3" } } },
  { "people-bom-middle.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0,
    { { 4, "level", "“level” is not a level" } } },
  { "people-header-only.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0, { { 0, NULL, "no rows" } } },
  { "people-windows-1252.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0,
    { { 0, NULL, "Line 2, column 2 is not valid UTF-8" } } },
  { "people-nul.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0, { { 0, NULL, "Line 3, column 2 holds binary data" } } },
  { "enrollments-impossible-dates.csv", TANDEM_IMPORT_ENROLLMENTS, TRUE, 0,
    { { 2, "enrolled_on", "“0000-00-00” is not a date" },
      { 3, "enrolled_on", "“2023-02-29” is not a date" },
      { 4, "enrolled_on", "9999-12-31 is not a date Tandem takes" } } },
  { "responses-numbers.csv", TANDEM_IMPORT_RESPONSES, FALSE, 0,
    { { 2, "optimism", "“1e3” is not a score" },
      { 5, "optimism", "“−3” is not a score" } } },
  { "responses-numbers-readable.csv", TANDEM_IMPORT_RESPONSES, FALSE, 2, { { 0 } } },
  /* Written at run time. */
  { "people-million-columns.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0,
    { { 2, NULL, "expected 8 fields, as in the header, but found 1000000" } } },
  { "people-quoted-100000-lines.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0,
    { { 2, "name", "longer than 200 characters" } } },
  { "people-50-mb-name.csv", TANDEM_IMPORT_PEOPLE, FALSE, 0,
    { { 2, "name", "longer than 200 characters" } } },
};

static const char people_header[] = "external_id,name,email,department,role,level,champion,tool_access\n";

/* A file too large for git, written at @path. */
static void
write_large_file (const char *path)
{
  g_autoptr(GString) text = g_string_new (people_header);
  g_autofree char *name = g_path_get_basename (path);

  if (g_str_equal (name, "people-million-columns.csv"))
    {
      for (guint i = 0; i < 1000000; i++)
        g_string_append (text, i == 0 ? "x" : ",x");
      g_string_append_c (text, '\n');
    }
  else if (g_str_equal (name, "people-quoted-100000-lines.csv"))
    {
      g_string_append (text, "Q-1,\"");
      for (guint i = 0; i < 100000; i++)
        g_string_append (text, "a line\n");
      g_string_append (text, "\",,Sales,Rep,manager,no,no\n");
    }
  else if (g_str_equal (name, "people-50-mb-name.csv"))
    {
      /* libcsv grows a cell 128 bytes at a time: cheap with glibc's
       * mremap, quadratic under a sanitizer or valgrind. */
      gsize bytes = (tandem_test_is_instrumented () ? 2 : 50) * MEGABYTE;
      gsize start;

      g_string_append (text, "N-1,");
      start = text->len;
      g_string_set_size (text, start + bytes);
      memset (text->str + start, 'n', bytes);
      g_string_append (text, ",,Sales,Rep,manager,no,no\n");
    }
  else
    g_assert_not_reached ();
  tandem_test_write_file (path, text->str, text->len);
}

/* The child's whole work: a fresh organisation, the import, the checks.
 * Any failed assertion aborts the child, which the parent sees. */
static void
run_case (const HostileCase *c,
          const char        *path,
          const char        *db_dir)
{
  g_autofree char *db = g_build_filename (db_dir, "org.db", NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean refused = c->problems[0].reason != NULL;
  gboolean ok;

  store = tandem_store_open (db, &error);
  g_assert_no_error (error);
  if (c->people_first)
    {
      g_autoptr(TandemImportReport) people = tandem_import_report_new ();
      g_autofree char *people_path = g_test_build_filename (G_TEST_DIST, "data", "hostile", "people-cr-only.csv",
                                                            NULL);

      g_assert_true (tandem_import_run (store, TANDEM_IMPORT_PEOPLE, people_path, NULL, people, NULL, &error));
      g_assert_no_error (error);
    }

  before = tandem_test_dump (store);
  ok = tandem_import_run (store, c->kind, path, NULL, report, NULL, &error);
  if (!refused)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (report->created, ==, c->created);
      return;
    }

  g_assert_false (ok);
  g_assert_nonnull (error);
  for (guint i = 0; i < G_N_ELEMENTS (c->problems) && c->problems[i].reason != NULL; i++)
    g_assert_true (tandem_test_report_has_problem (report, c->problems[i].line, c->problems[i].column,
                                                   c->problems[i].reason));
  after = tandem_test_dump (store);
  g_assert_true (g_str_equal (before, after));
}

static void
test_hostile_case (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *kept = g_test_build_filename (G_TEST_DIST, "data", "hostile", c->file, NULL);
  g_autofree char *written = g_build_filename (dir, c->file, NULL);
  const char *path;
  struct rusage usage;
  GStatBuf st;
  goffset bound;
  int status = 0;
  pid_t pid;

  if (g_file_test (kept, G_FILE_TEST_EXISTS))
    path = kept;
  else
    {
      write_large_file (written);
      path = written;
    }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  bound = MAX (3 * (goffset)st.st_size, 64 * MEGABYTE);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      run_case (c, path, dir);
      _exit (0);
    }
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_test_message ("%s: %.1f MB, peak %.1f MB (bound %.1f MB)", c->file, st.st_size / (double)MEGABYTE,
                  usage.ru_maxrss / 1024.0, bound / (double)MEGABYTE);
  if (!tandem_test_is_instrumented ())
    g_assert_cmpint ((goffset)usage.ru_maxrss * 1024, <=, bound);

  tandem_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/hostile/%s", cases[i].file);

      g_test_add_data_func (name, &cases[i], test_hostile_case);
    }
  return g_test_run ();
}
