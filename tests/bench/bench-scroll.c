/* bench-scroll.c — the people list, scrolled through 100,000 people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run on demand, under a display (meson test -C _build-release --benchmark
 * runs it under xvfb-run). Imports the large organisation of issue 14,
 * opens the window on the People page, and scrolls the list one step per
 * frame: smoothly (60 px a frame, a fast flick), a page a frame, and in
 * jumps across the whole list (rows never fetched before). For every frame
 * it times the frame clock's work, from the update phase to the end of the
 * paint (layout, fetching the rows that come into view, drawing), after
 * five frames that settle the page's first showing, and
 * prints the median, the 95th percentile, the worst and how many frames
 * took over 16 ms (issue 14: none), with the process's resident memory
 * (issue 14: at most 150 MB).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "tandem-application.h"
#include "tandem-load.h"
#include "tandem-people-page.h"
#include "tandem-store.h"
#include "tandem-window.h"

#define FRAMES_PER_RUN 240

typedef enum { SMOOTH, PAGES, JUMPS, N_RUNS } Run;

static const char * const run_names[N_RUNS] = {
  "smooth, 60 px a frame", "a page a frame", "jumps across the list",
};

typedef struct
{
  GtkAdjustment *adjustment;
  GMainLoop     *loop;
  GRand         *rand;
  Run            run;
  guint          frame;
  guint          warm_up;       /* frames left before timing starts */
  gint64         frame_start;
  double         times[N_RUNS][FRAMES_PER_RUN];
} Scroll;

static void
update_cb (GdkFrameClock *clock,
           Scroll        *scroll)
{
  scroll->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Scroll        *scroll)
{
  if (scroll->frame_start == 0 || scroll->run >= N_RUNS)
    return;
  if (scroll->warm_up > 0)
    {
      scroll->warm_up--;
      scroll->frame_start = 0;
      return;
    }
  scroll->times[scroll->run][scroll->frame] = (g_get_monotonic_time () - scroll->frame_start) / 1000.0;
  scroll->frame_start = 0;
  if (++scroll->frame == FRAMES_PER_RUN)
    {
      scroll->frame = 0;
      scroll->run++;
      gtk_adjustment_set_value (scroll->adjustment, 0);
      if (scroll->run == N_RUNS)
        g_main_loop_quit (scroll->loop);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Scroll *scroll = data;
  GtkAdjustment *adj = scroll->adjustment;
  double top = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  double value = gtk_adjustment_get_value (adj);

  switch (scroll->run)
    {
    case SMOOTH:
      value += 60;
      break;
    case PAGES:
      value += gtk_adjustment_get_page_size (adj);
      break;
    case JUMPS:
      value = g_rand_double_range (scroll->rand, 0, top);
      break;
    case N_RUNS:
    default:
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adj, MIN (value, top));
  return G_SOURCE_CONTINUE;
}

static glong
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "large.db", NULL);
  g_autoptr(TandemApplication) app = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Scroll scroll = { 0, };
  TandemWindow *window;
  GtkWidget *page, *view;
  GdkFrameClock *clock;
  gint64 end;

  bench_import_organisation (db, dir);

  gtk_init ();
  adw_init ();
  app = tandem_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  store = tandem_store_open (db, &error);
  g_assert_no_error (error);

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people");

  /* Until the window shows and the pages built have their figures. */
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) || tandem_load_get_n_pending () > 0) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  page = tandem_window_get_page_widget (window, "people");
  view = GTK_WIDGET (gtk_widget_get_template_child (page, TANDEM_TYPE_PEOPLE_PAGE, "column_view"));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (view)));
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (view)));
  scroll.loop = g_main_loop_new (NULL, FALSE);
  scroll.rand = g_rand_new_with_seed (14);
  /* The page's first showing (its first rows, its first layout) is the
   * start-up benchmark's business; scrolling starts once it has settled. */
  scroll.warm_up = 5;

  clock = gtk_widget_get_frame_clock (view);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &scroll);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &scroll);
  gtk_widget_add_tick_callback (view, tick_cb, &scroll, NULL);
  g_main_loop_run (scroll.loop);

  printf ("People list, %u frames per run, 100,000 people (frame work: update to end of paint):\n",
          FRAMES_PER_RUN);
  for (Run run = 0; run < N_RUNS; run++)
    {
      double *t = scroll.times[run];
      guint over = 0;

      for (guint f = 0; f < FRAMES_PER_RUN; f++)
        over += t[f] > 16.0;
      qsort (t, FRAMES_PER_RUN, sizeof *t, compare_doubles);
      printf ("%-22s median %5.1f ms, 95%% %5.1f ms, worst %5.1f ms, %u frames over 16 ms (target 0)\n",
              run_names[run], t[FRAMES_PER_RUN / 2], t[FRAMES_PER_RUN * 95 / 100], t[FRAMES_PER_RUN - 1], over);
    }
  printf ("resident memory: %.0f MB (target <= 150 MB)\n", resident_kb () / 1024.0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (scroll.loop);
  g_rand_free (scroll.rand);
  g_clear_object (&store);
  bench_remove_database (db);
  g_rmdir (dir);
  return 0;
}
