/* bench-util.c — timing what the benchmarks race
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "tandem-import.h"
#include "tandem-store.h"

double
bench_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The wall-clock time of one run of @argv, in seconds; -1 if it failed.
 * Descriptors are left open so that GLib starts the command with
 * posix_spawn(): a fork() would first copy this process's page tables,
 * hundreds of megabytes of them after an import, and add that time to
 * the yardstick's side of every race. */
double
bench_time_command (char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_LEAVE_DESCRIPTORS_OPEN |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return bench_seconds_since (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median of @n values; sorts them in place. */
double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, -1);

  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

/* Names as an organisation has them: from many languages, some far
 * commoner than others, in no order the file's other columns follow. */
static const char * const first_names[] = {
  "Maria", "Mohammed", "José", "Anna", "Wei", "Aisha", "Lukas", "Sofia", "Yusuf", "Emma", "Hiroshi", "Chloé",
  "Mateo", "Fatima", "Noah", "Zoë", "Amara", "Jonas", "Priya", "Björn", "Lucía", "Kwame", "Élodie", "Ravi",
  "小明", "さくら", "Ingrid", "Tomás", "Olga", "Chen",
};
static const char * const last_names[] = {
  "García", "Müller", "Smith", "Okafor", "Lindqvist", "Nguyen", "Rossi", "Kowalski", "Adeyemi", "Dubois",
  "Yamamoto", "O'Brien", "Haddad", "Schröder", "Papadopoulos", "Novak", "Fernández", "Jensen", "Costa", "Ivanova",
  "王", "佐藤", "Berg", "Lindberg", "Álvarez", "Nakamura", "Sørensen", "Kaya", "Mensah", "Silva",
};

/* Appends a person's name drawn from @rand to @text. */
void
bench_append_name (GString *text,
                   GRand   *rand)
{
  double a = g_rand_double (rand), b = g_rand_double (rand);

  g_string_append (text, first_names[(guint)(G_N_ELEMENTS (first_names) * a * a)]);
  g_string_append_c (text, ' ');
  g_string_append (text, last_names[(guint)(G_N_ELEMENTS (last_names) * b * b)]);
}

/* Puts @items in a random order (Fisher–Yates). */
void
bench_shuffle (guint32 *items,
               guint    n,
               GRand   *rand)
{
  for (guint i = n - 1; i > 0 && n > 0; i--)
    {
      guint k = (guint)g_rand_int_range (rand, 0, (gint32)i + 1);
      guint32 swap = items[i];

      items[i] = items[k];
      items[k] = swap;
    }
}

/* The large organisation of issue 14, as an HR system and a learning
 * system export it: BENCH_N_PEOPLE people (a role has one level;
 * departments from thousands of people down to a handful; names in no
 * order) and BENCH_N_ENROLLMENTS enrollments over 12 programs, both files
 * in random order. */
void
bench_write_organisation (const char *people,
                          const char *enrollments)
{
  static const char * const statuses[] = { "invited", "enrolled", "in_progress", "completed", "dropped" };
  g_autoptr(GString) text = g_string_new ("external_id,name,email,department,role,level,champion,tool_access\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autofree guint32 *order = g_new (guint32, BENCH_N_PEOPLE);
  g_autofree guint32 *pairs = g_new (guint32, BENCH_N_ENROLLMENTS);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < BENCH_N_PEOPLE; i++)
    order[i] = i;
  bench_shuffle (order, BENCH_N_PEOPLE, rand);
  for (guint n = 0; n < BENCH_N_PEOPLE; n++)
    {
      guint i = order[n];
      /* Departments from a few thousand people down to a handful. */
      double r = g_rand_double (rand);
      guint department = (guint)(40 * r * r * r);
      guint role = g_rand_int_range (rand, 0, 120);

      g_string_append_printf (text, "B-%06u,", i);
      bench_append_name (text, rand);
      g_string_append_printf (text, ",p%u@example.com,Department %u,Role %u,%s,%s,%s\n",
                              i, department, role,
                              role < 4 ? "executive" : role < 20 ? "manager" : "individual_contributor",
                              i % 25 == 0 ? "yes" : "no", i % 3 == 0 ? "yes" : "no");
    }
  g_assert_true (g_file_set_contents (people, text->str, (gssize)text->len, &error));

  /* Each person in a few programs, the whole list shuffled. */
  for (guint n = 0; n < BENCH_N_ENROLLMENTS; n++)
    pairs[n] = (n % BENCH_N_PEOPLE) * BENCH_N_PROGRAMS + (n % BENCH_N_PEOPLE + 5 * (n / BENCH_N_PEOPLE)) % BENCH_N_PROGRAMS;
  bench_shuffle (pairs, BENCH_N_ENROLLMENTS, rand);
  g_string_assign (text, "external_id,program,status,enrolled_on,completed_on\n");
  for (guint n = 0; n < BENCH_N_ENROLLMENTS; n++)
    {
      guint person = pairs[n] / BENCH_N_PROGRAMS, program = pairs[n] % BENCH_N_PROGRAMS;
      const char *status = statuses[(person + program) % 5];

      g_string_append_printf (text, "B-%06u,Program %u,%s,2026-01-%02u,%s\n", person, program, status,
                              1 + person % 28, g_str_equal (status, "completed") ? "2026-03-01" : "");
    }
  g_assert_true (g_file_set_contents (enrollments, text->str, (gssize)text->len, &error));
}

/* Removes the database @db and the files SQLite keeps beside it. */
void
bench_remove_database (const char *db)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_remove (path);
    }
}

/* The yardstick: the sqlite3 shell reading the same file into a new table. */
double
bench_shell_import (const char *db,
                    const char *path)
{
  g_autofree char *command = g_strdup_printf (".import --csv '%s' t", path);
  char *argv[] = { (char *)"sqlite3", (char *)db, command, NULL };
  double seconds;

  bench_remove_database (db);
  seconds = bench_time_command (argv);
  if (seconds < 0)
    g_error ("sqlite3 .import of %s failed (is the sqlite3 package installed?)", path);
  return seconds;
}

/* Writes the large organisation's files into @dir and imports them into a
 * new database @db. */
void
bench_import_organisation (const char *db,
                           const char *dir)
{
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *enrollments = g_build_filename (dir, "enrollments.csv", NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;

  bench_write_organisation (people, enrollments);
  store = tandem_store_open (db, &error);
  g_assert_no_error (error);
  if (!tandem_import_run (store, TANDEM_IMPORT_PEOPLE, people, NULL, report, NULL, &error) ||
      !tandem_import_run (store, TANDEM_IMPORT_ENROLLMENTS, enrollments, NULL, report, NULL, &error))
    g_error ("the organisation could not be imported: %s", error->message);
  g_remove (people);
  g_remove (enrollments);
}
