/* bench-import.c — how fast the people and enrollment imports run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run on demand: meson test -C _build --benchmark (or ./_build/tests/bench/bench-import).
 * Writes 100,000 people and 500,000 enrollments as CSV, imports both into
 * a new database and prints rows per second and the peak memory. The
 * target on a 2-core machine is at least 200,000 rows per second.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "tandem-import.h"
#include "tandem-store.h"

#define N_PEOPLE      100000
#define N_ENROLLMENTS 500000
#define N_PROGRAMS    8

static double
import_file (TandemStore      *store,
             TandemImportKind  kind,
             const char       *path,
             guint             expected)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!tandem_import_run (store, kind, path, NULL, report, NULL, &error))
    g_error ("import failed: %s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (report->created, ==, expected);
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *enrollments = g_build_filename (dir, "enrollments.csv", NULL);
  static const char * const statuses[] = { "invited", "enrolled", "in_progress", "completed", "dropped" };
  g_autoptr(GString) text = g_string_new ("external_id,name,email,department,role,level,champion,tool_access\n");
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  double t_people, t_enrollments;
  guint n = 0;

  for (guint i = 0; i < N_PEOPLE; i++)
    g_string_append_printf (text, "B-%06u,Person %u,p%u@example.com,Department %u,Role %u,%s,%s,%s\n",
                            i, i, i, i % 40, i % 120, i % 120 < 4 ? "executive" : i % 120 < 20 ? "manager"
                                                                                                : "individual_contributor",
                            i % 25 == 0 ? "yes" : "no", i % 3 == 0 ? "yes" : "no");
  g_assert_true (g_file_set_contents (people, text->str, (gssize)text->len, &error));

  g_string_assign (text, "external_id,program,status,enrolled_on,completed_on\n");
  for (guint p = 0; p < N_PROGRAMS && n < N_ENROLLMENTS; p++)
    for (guint i = 0; i < N_PEOPLE && n < N_ENROLLMENTS; i++, n++)
      {
        const char *status = statuses[(i + p) % 5];

        g_string_append_printf (text, "B-%06u,Program %u,%s,2026-01-%02u,%s\n", i, p, status, 1 + i % 28,
                                g_str_equal (status, "completed") ? "2026-03-01" : "");
      }
  g_assert_true (g_file_set_contents (enrollments, text->str, (gssize)text->len, &error));
  g_string_set_size (text, 0);

  store = tandem_store_open (db, &error);
  g_assert_no_error (error);

  t_people = import_file (store, TANDEM_IMPORT_PEOPLE, people, N_PEOPLE);
  t_enrollments = import_file (store, TANDEM_IMPORT_ENROLLMENTS, enrollments, N_ENROLLMENTS);
  getrusage (RUSAGE_SELF, &usage);

  printf ("people:      %7u rows in %6.2f s = %9.0f rows/s\n", N_PEOPLE, t_people, N_PEOPLE / t_people);
  printf ("enrollments: %7u rows in %6.2f s = %9.0f rows/s\n", N_ENROLLMENTS, t_enrollments,
          N_ENROLLMENTS / t_enrollments);
  printf ("both:        %7u rows in %6.2f s = %9.0f rows/s (target >= 200000)\n", N_PEOPLE + N_ENROLLMENTS,
          t_people + t_enrollments, (N_PEOPLE + N_ENROLLMENTS) / (t_people + t_enrollments));
  printf ("peak memory: %.0f MB\n", usage.ru_maxrss / 1024.0);

  g_clear_object (&store);
  g_remove (people);
  g_remove (enrollments);
  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}
