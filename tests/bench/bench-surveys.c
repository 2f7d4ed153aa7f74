/* bench-surveys.c — survey responses at enterprise scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run on demand: meson test -C _build-release --benchmark -v (or
 * ./_build-release/tests/bench/bench-surveys [TANDEM_CLI]). Writes
 * 1,000,000 responses over 20 waves as CSV and prints:
 *   - the import's rows per second (target >= 300,000 on a 2-core machine)
 *   - the gap report, warm (target <= 50 ms)
 *   - one gap chart rendered at 1920 x 1080 (target <= 4 ms)
 *   - tandem-cli export chart against gnuplot drawing the same chart from
 *     the same figures, per format (target: faster than gnuplot), when
 *     gnuplot is installed;
 *   - the PNG against matplotlib drawing it too (target: 15 times its
 *     speed), when Python has matplotlib (Debian's python3-matplotlib).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "tandem-chart.h"
#include "tandem-import.h"
#include "tandem-report.h"
#include "tandem-stats.h"
#include "tandem-store.h"
#include "tandem-survey-charts.h"

#define N_RESPONSES 1000000
#define N_WAVES     20
#define N_DEPARTMENTS 40
#define N_ROLES     120

#define RACE_RUNS 31

/* Runs @ours and @theirs by turns, so that whatever else the machine does
 * weighs on both alike, and gives each one's median time in seconds (-1 if
 * a run failed). Who goes first changes every turn: a command run right
 * after the other one is slower than one run after itself, and a fixed
 * order would lay that on one side only. A first run of each, not
 * counted, reads the files in. */
static void
race (char   **ours,
      char   **theirs,
      double  *out_ours,
      double  *out_theirs)
{
  double t_ours[RACE_RUNS], t_theirs[RACE_RUNS];

  *out_ours = *out_theirs = -1;
  if (bench_time_command (ours) < 0 || bench_time_command (theirs) < 0)
    return;
  for (guint i = 0; i < RACE_RUNS; i++)
    {
      if (i % 2 == 0)
        {
          t_ours[i] = bench_time_command (ours);
          t_theirs[i] = bench_time_command (theirs);
        }
      else
        {
          t_theirs[i] = bench_time_command (theirs);
          t_ours[i] = bench_time_command (ours);
        }
      if (t_ours[i] < 0 || t_theirs[i] < 0)
        return;
    }
  *out_ours = bench_median (t_ours, RACE_RUNS);
  *out_theirs = bench_median (t_theirs, RACE_RUNS);
}

/* The same chart for gnuplot: both lines with their intervals, the band
 * between them, n under each wave, title, subtitle and note. */
static char *
write_gnuplot (const char *dir,
               GPtrArray  *points,
               const char *terminal,
               const char *output)
{
  g_autofree char *data = g_build_filename (dir, "gap.dat", NULL);
  g_autofree char *script = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *path = g_strdup_printf ("%s/gap-%s.gp", dir, terminal);

  for (guint i = 0; i < points->len; i++)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i);

      g_string_append_printf (rows, "%u \"%s\\nn %u / %u\" %.2f %.2f %.2f %.2f %.2f %.2f\n", i, p->wave_title,
                              p->leaders.n, p->ics.n, p->leaders.pct, p->leaders.ci_low, p->leaders.ci_high,
                              p->ics.pct, p->ics.ci_low, p->ics.ci_high);
    }
  g_assert_true (g_file_set_contents (data, rows->str, -1, NULL));

  script = g_strdup_printf ("set terminal %s size 1920,1080 font 'Cantarell,18'\n"
                            "set output '%s'\n"
                            "set title \"The optimism gap\\nShare answering favourably\" font ',28'\n"
                            "set yrange [0:100]\nset format y '%%g%%%%'\nset grid ytics\n"
                            "set key top left horizontal\n"
                            "set label 'Favourable: 4 or 5. Whiskers: 95%% interval.' at screen 0.02,0.02\n"
                            "plot '%s' using 1:3:6 with filledcurves lc rgb '#d0d0d0' title 'Gap', \\\n"
                            "     '' using 1:3:xtic(2) with lines lw 4 lc rgb '#1c71d8' title 'Executives', \\\n"
                            "     '' using 1:3:4:5 with yerrorbars lc rgb '#1c71d8' notitle, \\\n"
                            "     '' using 1:6 with lines lw 4 lc rgb '#c64600' title 'Individual contributors', \\\n"
                            "     '' using 1:6:7:8 with yerrorbars lc rgb '#c64600' notitle\n",
                            terminal, output, data);
  g_assert_true (g_file_set_contents (path, script, -1, NULL));
  return g_steal_pointer (&path);
}

/* The same chart for matplotlib, as a Python script writing a PNG at
 * 1920 x 1080. */
static char *
write_matplotlib (const char *dir,
                  GPtrArray  *points,
                  const char *output)
{
  g_autoptr(GString) script = g_string_new ("import matplotlib\n"
                                            "matplotlib.use ('Agg')\n"
                                            "import matplotlib.pyplot as plt\n");
  g_autofree char *path = g_build_filename (dir, "gap.py", NULL);
  static const char * const names[] = { "ex", "ic" };

  for (guint side = 0; side < 2; side++)
    for (guint k = 0; k < 3; k++)
      {
        g_string_append_printf (script, "%s%u = [", names[side], k);
        for (guint i = 0; i < points->len; i++)
          {
            TandemGapPoint *p = g_ptr_array_index (points, i);
            const TandemShare *share = side == 0 ? &p->leaders : &p->ics;
            double value = k == 0 ? share->pct : k == 1 ? share->pct - share->ci_low : share->ci_high - share->pct;

            g_string_append_printf (script, "%s%.2f", i ? ", " : "", value);
          }
        g_string_append (script, "]\n");
      }
  g_string_append (script, "labels = [");
  for (guint i = 0; i < points->len; i++)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i);

      g_string_append_printf (script, "%s'%s\\nn %u / %u'", i ? ", " : "", p->wave_title, p->leaders.n, p->ics.n);
    }
  g_string_append_printf (script,
                          "]\n"
                          "x = range (len (labels))\n"
                          "fig, ax = plt.subplots (figsize = (19.2, 10.8), dpi = 100)\n"
                          "ax.fill_between (x, ex0, ic0, color = '#d0d0d0', label = 'Gap')\n"
                          "ax.errorbar (x, ex0, yerr = [ex1, ex2], color = '#1c71d8', lw = 4, label = 'Executives')\n"
                          "ax.errorbar (x, ic0, yerr = [ic1, ic2], color = '#c64600', lw = 4,"
                          " label = 'Individual contributors')\n"
                          "ax.set_xticks (list (x), labels)\n"
                          "ax.set_ylim (0, 100)\n"
                          "ax.yaxis.set_major_formatter ('{x:g}%%')\n"
                          "ax.grid (axis = 'y')\n"
                          "ax.legend (loc = 'upper left', ncol = 3)\n"
                          "fig.suptitle ('The optimism gap', fontsize = 28)\n"
                          "ax.set_title ('Share answering favourably')\n"
                          "fig.text (0.02, 0.02, 'Favourable: 4 or 5. Whiskers: 95%% interval.')\n"
                          "fig.savefig ('%s')\n",
                          output);
  g_assert_true (g_file_set_contents (path, script->str, -1, NULL));
  return g_steal_pointer (&path);
}

/* Debian's Python, where python3-matplotlib puts it, before whichever
 * python3 comes first on the PATH; NULL when neither has matplotlib. */
static char *
find_matplotlib_python (void)
{
  const char * const candidates[] = { "/usr/bin/python3", "python3" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *argv[] = { (char *)candidates[i], (char *)"-c", (char *)"import matplotlib", NULL };

      if (bench_time_command (argv) >= 0)
        return g_strdup (candidates[i]);
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "responses.csv", NULL);
  g_autofree char *shell_db = g_build_filename (dir, "shell.db", NULL);
  g_autoptr(GString) text = g_string_new ("wave,fielded_on,level,department,role,optimism,resources,transparency\n");
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  const char *cli = argc > 1 ? argv[1] : g_getenv ("TANDEM_CLI");
  struct rusage usage;
  double t_import, t_shell[2], t_report = G_MAXDOUBLE, t_chart = G_MAXDOUBLE;
  GRand *rand = g_rand_new_with_seed (42);
  gint64 start;

  for (guint i = 0; i < N_RESPONSES; i++)
    {
      guint wave = i % N_WAVES;
      guint r = (guint)g_rand_int_range (rand, 0, 100);
      const char *level = r < 3 ? "executive" : r < 15 ? "manager" : "individual_contributor";

      g_string_append_printf (text, "%d Q%u,%d-%02u-15,%s,Department %u,Role %u,%d,%d,%d\n",
                              2022 + (int)wave / 4, wave % 4 + 1, 2022 + (int)wave / 4, (wave % 4) * 3 + 2, level,
                              (guint)g_rand_int_range (rand, 0, N_DEPARTMENTS),
                              (guint)g_rand_int_range (rand, 0, N_ROLES),
                              g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 1, 6),
                              r % 10 == 0 ? 0 : g_rand_int_range (rand, 1, 6));
    }
  /* An empty answer is written as nothing, not as 0. */
  {
    g_autofree char *fixed = NULL;
    g_auto(GStrv) parts = g_strsplit (text->str, ",0\n", -1);

    fixed = g_strjoinv (",\n", parts);
    g_assert_true (g_file_set_contents (csv, fixed, -1, &error));
  }
  g_string_set_size (text, 0);
  g_rand_free (rand);

  store = tandem_store_open (db, &error);
  g_assert_no_error (error);

  /* The yardstick, before and after: the sqlite3 shell's .import of the
   * same file into a table of its own, which validates nothing. */
  t_shell[0] = bench_shell_import (shell_db, csv);
  start = g_get_monotonic_time ();
  if (!tandem_import_run (store, TANDEM_IMPORT_RESPONSES, csv, NULL, report, NULL, &error))
    g_error ("import failed: %s", error->message);
  t_import = bench_seconds_since (start);
  g_assert_cmpuint (report->created, ==, N_RESPONSES);
  t_shell[1] = bench_shell_import (shell_db, csv);
  bench_remove_database (shell_db);

  /* Warm: the first run fills SQLite's cache; the best of ten counts. */
  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *gaps = NULL;

      start = g_get_monotonic_time ();
      gaps = tandem_report_gaps (store, TANDEM_N_DIMENSIONS, 5, TANDEM_REPORT_CSV, &error);
      g_assert_nonnull (gaps);
      if (i > 0)
        t_report = MIN (t_report, bench_seconds_since (start));
    }

  {
    g_autoptr(TandemChart) chart = tandem_chart_new_gap (store, TANDEM_DIMENSION_OPTIMISM, 5, &error);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    TandemChartStyle style;

    tandem_chart_style_init_light (&style);
    for (guint i = 0; i < 21; i++)
      {
        cairo_t *cr = cairo_create (surface);

        start = g_get_monotonic_time ();
        tandem_chart_render (chart, cr, 1920, 1080, &style);
        cairo_surface_flush (surface);
        if (i > 0)
          t_chart = MIN (t_chart, bench_seconds_since (start));
        cairo_destroy (cr);
      }
    cairo_surface_destroy (surface);
  }
  getrusage (RUSAGE_SELF, &usage);

  printf ("import:     %u responses over %u waves in %.2f s = %.0f rows/s (target >= 300000);"
          " sqlite3 .import %.2f s, ratio %.2fx (target <= 1.0x)\n",
          N_RESPONSES, N_WAVES, t_import, N_RESPONSES / t_import, (t_shell[0] + t_shell[1]) / 2,
          2 * t_import / (t_shell[0] + t_shell[1]));
  printf ("gap report: %.2f ms warm, all waves and dimensions (target <= 50 ms)\n", t_report * 1000);
  printf ("gap chart:  %.2f ms to render at 1920x1080 (target <= 4 ms)\n", t_chart * 1000);
  printf ("peak memory: %.0f MB\n", usage.ru_maxrss / 1024.0);

  points = tandem_stats_gap_series (store, TANDEM_DIMENSION_OPTIMISM, 5, &error);
  g_assert_nonnull (points);
  g_clear_object (&store);

  if (cli == NULL)
    printf ("export vs gnuplot: skipped (give the path of tandem-cli, or set TANDEM_CLI)\n");
  else if (g_find_program_in_path ("gnuplot") == NULL)
    printf ("export vs gnuplot: skipped (gnuplot is not installed)\n");
  else
    {
      static const struct { const char *ext, *terminal; } formats[] = {
        { "png", "pngcairo" }, { "svg", "svg" }, { "pdf", "pdfcairo" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autofree char *ours = g_strdup_printf ("%s/tandem.%s", dir, formats[i].ext);
          g_autofree char *theirs = g_strdup_printf ("%s/gnuplot.%s", dir, formats[i].ext);
          g_autofree char *script = write_gnuplot (dir, points, formats[i].terminal, theirs);
          char *tandem_argv[] = { (char *)cli, (char *)"--database", db, (char *)"export", (char *)"chart",
                                  (char *)"optimism", (char *)"--output", ours, NULL };
          char *gnuplot_argv[] = { (char *)"gnuplot", script, NULL };
          double t_ours, t_theirs;

          race (tandem_argv, gnuplot_argv, &t_ours, &t_theirs);

          if (t_ours < 0 || t_theirs < 0)
            printf ("export %s: a command failed (tandem %.3f s, gnuplot %.3f s)\n", formats[i].ext, t_ours, t_theirs);
          else
            printf ("export %s: tandem-cli %.1f ms, gnuplot %.1f ms (medians of %d turns each): "
                    "%.2fx gnuplot's speed (target %s)\n",
                    formats[i].ext, t_ours * 1000, t_theirs * 1000, RACE_RUNS, t_theirs / t_ours,
                    i == 0 ? ">= 2, issue 14" : "> 1");
          g_remove (ours);
          g_remove (theirs);
          g_remove (script);
        }
      {
        g_autofree char *data = g_build_filename (dir, "gap.dat", NULL);

        g_remove (data);
      }
    }

  if (cli != NULL)
    {
      g_autofree char *python = find_matplotlib_python ();

      if (python == NULL)
        printf ("export png vs matplotlib: skipped (python3 has no matplotlib; Debian: python3-matplotlib)\n");
      else
        {
          g_autofree char *ours = g_build_filename (dir, "tandem.png", NULL);
          g_autofree char *theirs = g_build_filename (dir, "matplotlib.png", NULL);
          g_autofree char *script = write_matplotlib (dir, points, theirs);
          char *tandem_argv[] = { (char *)cli, (char *)"--database", db, (char *)"export", (char *)"chart",
                                  (char *)"optimism", (char *)"--output", ours, NULL };
          char *python_argv[] = { python, script, NULL };
          double t_ours, t_theirs;

          race (tandem_argv, python_argv, &t_ours, &t_theirs);
          if (t_ours < 0 || t_theirs < 0)
            printf ("export png vs matplotlib: a command failed (tandem %.3f s, matplotlib %.3f s)\n", t_ours,
                    t_theirs);
          else
            printf ("export png: tandem-cli %.1f ms, matplotlib %.1f ms (medians of %d turns each): "
                    "%.1fx matplotlib's speed (target >= 15, issue 14)\n",
                    t_ours * 1000, t_theirs * 1000, RACE_RUNS, t_theirs / t_ours);
          g_remove (ours);
          g_remove (theirs);
          g_remove (script);
        }
    }

  g_remove (csv);
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
