/* bench-search.c — GNOME Shell's search on 100,000 people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run on demand: meson test -C _build-release --benchmark -v (or
 * ./_build-release/tests/bench/bench-search). Imports 100,000 people with
 * names as an international organisation has them (first and last names
 * drawn unevenly, some accented, some Chinese and Japanese, in random
 * order), then times what the Shell asks as a user types: a common first
 * letter pair, a rare surname, a name with its accent left off, a string
 * nobody has (every name read), a full name, and the descriptions of ten
 * hits. By turns with each, the sqlite3 shell, started afresh as the
 * Shell's provider opens the database afresh, counts the nearest it can (a
 * LIKE over every name, which neither folds accents nor finds word
 * starts). Prints medians over several rounds and the ratios. Issue 17
 * sets the target: ≤ 50 ms a search.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
#include "tandem-import.h"
#include "tandem-search.h"
#include "tandem-store.h"

#define N_ROUNDS 9

static void
write_people (const char *path)
{
  g_autoptr(GString) text = g_string_new ("external_id,name,email,department,role,level,champion,tool_access\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *order = g_new (guint32, BENCH_N_PEOPLE);

  for (guint i = 0; i < BENCH_N_PEOPLE; i++)
    order[i] = i;
  bench_shuffle (order, BENCH_N_PEOPLE, rand);
  for (guint n = 0; n < BENCH_N_PEOPLE; n++)
    {
      guint i = order[n];

      g_string_append_printf (text, "S-%06u,", i);
      bench_append_name (text, rand);
      g_string_append_printf (text, ",s%u@example.com,Department %u,Role %u,individual_contributor,no,no\n",
                              i, i % 40, i % 120);
    }
  g_assert_true (g_file_set_contents (path, text->str, (gssize)text->len, &error));
}

static double
time_search (TandemStore        *store,
             const char * const *terms,
             guint              *out_hits)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) hits = tandem_search (store, terms, 10, &error);
  double seconds = bench_seconds_since (start);

  g_assert_no_error (error);
  *out_hits = hits->len;
  return seconds;
}

static double
time_describe (TandemStore *store)
{
  gint64 start = g_get_monotonic_time ();

  for (guint id = 1; id <= 10; id++)
    {
      g_autofree char *item = g_strdup_printf ("person:%u", id * 9973);
      g_autoptr(TandemSearchHit) hit = tandem_search_describe (store, item, NULL);

      g_assert_nonnull (hit);
    }
  return bench_seconds_since (start);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *label; const char *terms[4]; const char *like; } queries[] = {
    { "“ma” (common)",          { "ma", NULL },                 "%ma%" },
    { "“sørensen” (rare)",      { "sørensen", NULL },           "%sørensen%" },
    { "“jose” (accent left off)", { "jose", NULL },             "%jose%" },
    { "“zzz” (nobody)",         { "zzz", NULL },                "%zzz%" },
    { "“chloe dub” (full name)", { "chloe", "dub", NULL },      "%chlo%dub%" },
    { "“佐藤” (Japanese)",       { "佐藤", NULL },                "%佐藤%" },
  };
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "search.db", NULL);
  g_autofree char *people = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double describe[N_ROUNDS];
  double worst = 0;

  write_people (people);
  store = tandem_store_open (db, &error);
  g_assert_no_error (error);
  if (!tandem_import_run (store, TANDEM_IMPORT_PEOPLE, people, NULL, report, NULL, &error))
    g_error ("import failed: %s", error->message);
  g_assert_cmpuint (report->created, ==, BENCH_N_PEOPLE);
  g_clear_object (&store);
  /* As the provider does: a connection of its own, opened per request. */
  store = tandem_store_open_existing (db, &error);
  g_assert_no_error (error);

  printf ("GNOME Shell search over %u people, median of %u rounds (10 hits at most)\n", BENCH_N_PEOPLE, N_ROUNDS);
  printf ("%-28s %10s %6s %14s %8s\n", "typed", "Tandem", "hits", "sqlite3 count", "ratio");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM person WHERE active = 1 AND name LIKE '%s';",
                                              queries[q].like);
      char *shell_argv[] = { (char *)"sqlite3", db, sql, NULL };
      double ours[N_ROUNDS], shell[N_ROUNDS];
      guint hits = 0;

      for (guint round = 0; round < N_ROUNDS; round++)
        {
          /* Each side goes first in turn. */
          if (round % 2 == 0)
            ours[round] = time_search (store, queries[q].terms, &hits);
          shell[round] = bench_time_command (shell_argv);
          if (round % 2 == 1)
            ours[round] = time_search (store, queries[q].terms, &hits);
          if (shell[round] < 0)
            g_error ("sqlite3 failed (is the sqlite3 package installed?)");
        }
      printf ("%-28s %7.1f ms %6u %11.1f ms %7.2f×\n", queries[q].label, 1000 * bench_median (ours, N_ROUNDS), hits,
              1000 * bench_median (shell, N_ROUNDS), bench_median (ours, N_ROUNDS) / bench_median (shell, N_ROUNDS));
      worst = MAX (worst, bench_median (ours, N_ROUNDS));
    }
  for (guint round = 0; round < N_ROUNDS; round++)
    describe[round] = time_describe (store);
  printf ("%-28s %7.1f ms\n", "descriptions of 10 hits", 1000 * bench_median (describe, N_ROUNDS));
  printf ("slowest search: %.1f ms (target ≤ 50 ms)\n", 1000 * worst);

  g_clear_object (&store);
  bench_remove_database (db);
  g_remove (people);
  g_rmdir (dir);
  return 0;
}
