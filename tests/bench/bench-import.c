/* bench-import.c — the people and enrollment imports against sqlite3's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run on demand: meson test -C _build-release --benchmark -v (or
 * ./_build-release/tests/bench/bench-import). Writes 100,000 people (a
 * role has one level; departments of very uneven size) and 500,000
 * enrollments over 12 programs in random order, as a learning system
 * exports them, then imports both into a new database, by turns with the
 * sqlite3 shell's `.import` of the same files into a database of its own
 * (which validates nothing and keeps no index). Prints the medians of
 * several rounds, each side going first in turn, and the ratios. Issue 14
 * sets the targets: people ≤ 2×, enrollments ≤ 3× the shell.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "tandem-import.h"
#include "tandem-store.h"

#define N_ROUNDS      5

static double
import_with_tandem (TandemImportKind  kind,
                    const char       *path,
                    TandemStore      *store,
                    guint             expected)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!tandem_import_run (store, kind, path, NULL, report, NULL, &error))
    g_error ("import of %s failed: %s", path, error->message);
  seconds = bench_seconds_since (start);
  g_assert_cmpuint (report->created, ==, expected);
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *shell_db = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *enrollments = g_build_filename (dir, "enrollments.csv", NULL);
  double t_people[N_ROUNDS], t_enrollments[N_ROUNDS], s_people[N_ROUNDS], s_enrollments[N_ROUNDS];
  double people_s, enrollments_s, shell_people_s, shell_enrollments_s;
  struct rusage usage;

  bench_write_organisation (people, enrollments);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      for (guint turn = 0; turn < 2; turn++)
        {
          if ((turn + round) % 2 == 0)
            {
              g_autoptr(TandemStore) store = NULL;
              g_autoptr(GError) error = NULL;

              bench_remove_database (db);
              store = tandem_store_open (db, &error);
              g_assert_no_error (error);
              t_people[round] = import_with_tandem (TANDEM_IMPORT_PEOPLE, people, store, BENCH_N_PEOPLE);
              t_enrollments[round] = import_with_tandem (TANDEM_IMPORT_ENROLLMENTS, enrollments, store,
                                                         BENCH_N_ENROLLMENTS);
            }
          else
            {
              s_people[round] = bench_shell_import (shell_db, people);
              s_enrollments[round] = bench_shell_import (shell_db, enrollments);
            }
        }
      g_printerr ("round %u: people %.2f s (shell %.2f s), enrollments %.2f s (shell %.2f s)\n", round + 1,
                  t_people[round], s_people[round], t_enrollments[round], s_enrollments[round]);
    }
  getrusage (RUSAGE_SELF, &usage);

  people_s = bench_median (t_people, N_ROUNDS);
  enrollments_s = bench_median (t_enrollments, N_ROUNDS);
  shell_people_s = bench_median (s_people, N_ROUNDS);
  shell_enrollments_s = bench_median (s_enrollments, N_ROUNDS);
  printf ("Medians of %u rounds, by turns with the sqlite3 shell's .import of the same file:\n", N_ROUNDS);
  printf ("people:      %7u rows in %6.3f s = %7.0f rows/s; shell %6.3f s; ratio %.2fx (target <= 2x)\n",
          BENCH_N_PEOPLE, people_s, BENCH_N_PEOPLE / people_s, shell_people_s, people_s / shell_people_s);
  printf ("enrollments: %7u rows in %6.3f s = %7.0f rows/s; shell %6.3f s; ratio %.2fx (target <= 3x),"
          " shuffled\n",
          BENCH_N_ENROLLMENTS, enrollments_s, BENCH_N_ENROLLMENTS / enrollments_s, shell_enrollments_s,
          enrollments_s / shell_enrollments_s);
  printf ("peak memory: %.0f MB\n", usage.ru_maxrss / 1024.0);

  bench_remove_database (db);
  bench_remove_database (shell_db);
  g_remove (people);
  g_remove (enrollments);
  g_rmdir (dir);
  return 0;
}
