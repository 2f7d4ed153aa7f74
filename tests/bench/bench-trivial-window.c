/* bench-trivial-window.c — the start-up benchmark's yardstick
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The least a libadwaita app shows: a window with a header bar and a
 * drawing area. Writes "first-frame" when its first frame is painted and
 * quits, as Tandem does under TANDEM_DEBUG=startup.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

static void
painted_cb (GdkFrameClock *clock,
            GApplication  *app)
{
  printf ("first-frame\n");
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, painted_cb, app);
  g_application_quit (app);
}

static void
mapped_cb (GtkWidget    *window,
           GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (painted_cb), app);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_widget_set_vexpand (area, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), area);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.tandemhq.Tandem.BenchTrivial",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
