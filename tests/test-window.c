/* test-window.c — the window on the demo organisation, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-application.h"
#include "tandem-dashboard-page.h"
#include "tandem-demo.h"
#include "tandem-coaching-page.h"
#include "tandem-chart-view.h"
#include "tandem-date-row.h"
#include "tandem-import-dialog.h"
#include "tandem-load.h"
#include "tandem-people-page.h"
#include "tandem-person.h"
#include "tandem-person-drop-down.h"
#include "tandem-name-row.h"
#include "tandem-pair-dialog.h"
#include "tandem-person-dialog.h"
#include "tandem-person-search.h"
#include "tandem-preferences-window.h"
#include "tandem-program-dialog.h"
#include "tandem-programs-page.h"
#include "tandem-surveys-page.h"
#include "tandem-test-gtk.h"
#include "tandem-test-util.h"
#include "tandem-session-dialog.h"
#include "tandem-store-private.h"
#include "tandem-presentation.h"
#include "tandem-report.h"
#include "tandem-window.h"

static TandemApplication *app;

/* Runs the main loop until nothing is left to do, figures still being
 * read off the main thread included (for up to ten seconds). */
static void
spin (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (tandem_load_get_n_pending () > 0)
        g_usleep (1000);
    }
  while (tandem_load_get_n_pending () > 0 && g_get_monotonic_time () < end);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int)n) != NULL)
    n++;
  return n;
}

static guint
people_shown (TandemWindow *window)
{
  GObject *page = G_OBJECT (tandem_window_get_page_widget (window, "people"));
  GtkColumnView *view = GTK_COLUMN_VIEW (tandem_test_child (page, TANDEM_TYPE_PEOPLE_PAGE, "column_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static guint
expected_count (TandemStore *store,
                const char  *sql)
{
  gint64 value = -1;

  g_assert_true (tandem_store_query_int (store, sql, &value, NULL));
  return (guint)value;
}

static char *
expected_text (TandemStore *store,
               const char  *sql)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (tandem_stmt_step (stmt, NULL), ==, TANDEM_STEP_ROW);
  return g_strdup (tandem_stmt_get_text (stmt, 0));
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
has_title (GtkWidget  *widget,
           const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_preferences_page (GtkWidget  *widget,
                     const char *unused)
{
  return ADW_IS_PREFERENCES_PAGE (widget);
}

static gboolean
is_scrolled_window (GtkWidget  *widget,
                    const char *unused)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

static gboolean
is_combo_titled (GtkWidget  *widget,
                 const char *title)
{
  return ADW_IS_COMBO_ROW (widget) && has_title (widget, title);
}

static gboolean
is_spin_button (GtkWidget  *widget,
                const char *unused)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_calendar (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_CALENDAR (widget);
}


static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_widget_name (GtkWidget  *widget,
                 const char *name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
people_filtered (gpointer data)
{
  return people_shown (data) < 1161;
}

static gboolean
shows_everyone (gpointer data)
{
  return people_shown (data) == 1161;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
close_and_finalize (TandemWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_null (weak);
}

static void
test_window_visits_every_page (void)
{
  static const struct { const char *name; GType (*type) (void); guint rows; } pages[] = {
    { "programs", tandem_programs_page_get_type, 6 },
    { "coaching", tandem_coaching_page_get_type, 8 },
    { "surveys", tandem_surveys_page_get_type, 6 },
  };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window;
  TandemChart *chart;
  GtkWidget *chart_view;
  GtkEditable *search;
  GObject *page;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  spin ();

  /* It opens on the Dashboard, with the optimism gap drawn. */
  g_assert_cmpstr (tandem_test_main_state (window), ==, "main");
  g_assert_cmpstr (tandem_window_get_page (window), ==, "dashboard");
  page = G_OBJECT (tandem_window_get_page_widget (window, "dashboard"));
  chart = tandem_dashboard_page_get_chart (TANDEM_DASHBOARD_PAGE (page));
  g_assert_nonnull (chart);
  g_assert_false (tandem_chart_is_empty (chart));
  g_assert_cmpuint (tandem_chart_get_n_categories (chart), ==, 6);

  /* The Champions card says how many departments are short of 1 per 25:
   * the "short" rows of the champions report. */
  {
    g_autofree char *report = tandem_report_champions (store, TANDEM_REPORT_CSV, NULL);
    g_auto(GStrv) lines = g_strsplit (report, "\n", -1);
    const char *caption = gtk_label_get_text (GTK_LABEL (tandem_test_child (page, TANDEM_TYPE_DASHBOARD_PAGE,
                                                                "champions_caption")));
    guint short_of = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      short_of += g_str_has_suffix (lines[i], ",short");
    if (short_of == 0)
      g_assert_null (strstr (caption, "short"));
    else
      {
        g_autofree char *expected = g_strdup_printf ("; %u department%s short", short_of, short_of == 1 ? "" : "s");

        g_assert_true (g_str_has_suffix (caption, expected));
      }
  }
  chart_view = GTK_WIDGET (tandem_test_child (page, TANDEM_TYPE_DASHBOARD_PAGE, "chart_view"));
  g_assert_true (gtk_widget_get_mapped (chart_view));
  g_assert_cmpint (gtk_widget_get_width (chart_view), >, 200);
  g_assert_true (gtk_widget_get_focusable (chart_view));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart_view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  /* The switcher shows the other gaps. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (tandem_test_child (page, TANDEM_TYPE_DASHBOARD_PAGE,
                                                          "resources_button")), TRUE);
  spin ();
  chart = tandem_dashboard_page_get_chart (TANDEM_DASHBOARD_PAGE (page));
  g_assert_cmpstr (tandem_chart_get_title (chart), ==, "The resource gap");

  /* Every list page shows the demo organisation's rows. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkListBox *list;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i].name);
      spin ();
      g_assert_cmpstr (tandem_window_get_page (window), ==, pages[i].name);
      page = G_OBJECT (tandem_window_get_page_widget (window, pages[i].name));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
      list = GTK_LIST_BOX (tandem_test_child (page, pages[i].type (), "list"));
      g_assert_cmpuint (count_rows (list), ==, pages[i].rows);
    }

  /* People: the 1,161 active of 1,200 in the table, and search narrows them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  spin ();
  g_assert_cmpstr (tandem_window_get_page (window), ==, "people");
  g_assert_cmpuint (people_shown (window), ==, 1161);
  page = G_OBJECT (tandem_window_get_page_widget (window, "people"));
  search = GTK_EDITABLE (tandem_test_child (page, TANDEM_TYPE_PEOPLE_PAGE, "search_entry"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search)) ||
                 gtk_widget_is_focus (GTK_WIDGET (search)) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (search)) != NULL);
  gtk_editable_set_text (search, "berg");
  g_assert_true (tandem_test_wait_for (people_filtered, window));
  g_assert_cmpuint (people_shown (window), ==, expected_count (store, "SELECT count(*) FROM person WHERE active AND (name LIKE '%berg%' OR email LIKE '%berg%')"));
  gtk_editable_set_text (search, "");
  spin ();

  /* The department filter, as the popover's drop-down sets it. */
  {
    GtkGrid *grid = GTK_GRID (tandem_test_child (page, TANDEM_TYPE_PEOPLE_PAGE, "filter_grid"));
    GtkDropDown *departments = GTK_DROP_DOWN (gtk_grid_get_child_at (grid, 1, 0));
    GListModel *names = gtk_drop_down_get_model (departments);
    guint finance = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Finance"))
        finance = i;
    g_assert_cmpuint (finance, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (departments, finance);
    spin ();
    g_assert_cmpuint (people_shown (window), ==,
                      expected_count (store, "SELECT count(*) FROM person p JOIN department d ON d.id = p.department_id"
                                             " WHERE p.active AND d.name = 'Finance'"));
    gtk_widget_activate_action (GTK_WIDGET (page), "people.clear-filters", NULL);
    spin ();
    g_assert_cmpuint (people_shown (window), ==, 1161);
  }

  /* Delete the first person with the Delete key's action, then Undo from the toast. */
  {
    g_autofree char *before = tandem_test_dump (store);
    g_autofree char *after = NULL;
    GtkColumnView *view = GTK_COLUMN_VIEW (tandem_test_child (page, TANDEM_TYPE_PEOPLE_PAGE, "column_view"));
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
    GtkWidget *undo;

    gtk_single_selection_set_selected (selection, 0);
    gtk_widget_activate_action (GTK_WIDGET (page), "people.delete-selected", NULL);
    spin ();
    g_assert_cmpuint (people_shown (window), ==, 1160);
    undo = tandem_test_find (GTK_WIDGET (tandem_test_child (page, TANDEM_TYPE_PEOPLE_PAGE, "toast_overlay")), is_button_labelled, "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    spin ();
    g_assert_cmpuint (people_shown (window), ==, 1161);
    after = tandem_test_dump (store);
    g_assert_cmpstr (before, ==, after);
  }

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* The pages' figures are read once the window has shown its first frame,
 * not while it is still being built (issue 14: the worker took a core the
 * first frame needed). */
static void
test_window_loads_after_first_frame (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window = tandem_window_new (GTK_APPLICATION (app), store);
  gint64 end = g_get_monotonic_time () + 300 * 1000;

  /* Not shown yet: the requests wait (well within the second after which
   * a window never shown lets them go). */
  g_assert_cmpuint (tandem_load_get_n_pending (), >, 0);
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (tandem_load_get_n_pending (), >, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  spin ();
  g_assert_cmpuint (tandem_load_get_n_pending (), ==, 0);

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
test_window_welcome_then_demo (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  TandemWindow *window;
  gboolean empty = FALSE;

  g_assert_no_error (error);
  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));

  g_assert_cmpstr (tandem_test_main_state (window), ==, "welcome");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_test_child (window, TANDEM_TYPE_WINDOW, "demo_button"))));

  /* "Explore a Demo Organisation" fills the store and shows the pages. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL);
  spin ();
  g_assert_cmpstr (tandem_test_main_state (window), ==, "main");
  g_assert_true (tandem_store_is_empty (store, &empty, &error));
  g_assert_false (empty);
  /* The People page, built when first shown, reads the demo. */
  tandem_window_show_page (window, "people");
  g_assert_true (tandem_test_wait_for (shows_everyone, window));

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* A new user can start with their own people or with nothing, not only
 * with the demo: "Start Empty" shows the pages (the shortcuts work). */
static void
test_window_welcome_choices (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  TandemWindow *window;

  g_assert_no_error (error);
  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  g_assert_cmpstr (tandem_test_main_state (window), ==, "welcome");
  g_assert_true (gtk_widget_is_visible (tandem_test_find (GTK_WIDGET (window), is_button_labelled, "_Import Your People…")));
  g_assert_true (gtk_widget_is_visible (tandem_test_find (GTK_WIDGET (window), is_button_labelled, "_Start Empty")));
  /* On the welcome, the pages' shortcuts have no pages to go to. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people") &&
                  g_str_equal (tandem_test_main_state (window), "main"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  spin ();
  g_assert_cmpstr (tandem_test_main_state (window), ==, "main");
  g_assert_cmpstr (tandem_window_get_page (window), ==, "dashboard");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "surveys");
  spin ();
  g_assert_cmpstr (tandem_window_get_page (window), ==, "surveys");

  /* Import Your People leads to the same pages, then the People page's
   * import; it is not pressed here, since the file chooser it opens loads
   * GIO modules that keep memory the leak checker would blame on us. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (tandem_test_find (GTK_WIDGET (window), is_button_labelled,
                                                                                  "_Import Your People…"))),
                   ==, "win.import-people");

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Once real data is wanted, the demo goes from the main menu after a
 * backup beside the database, which brings it back; a database with anyone
 * of the user's own does not offer it. */
static void
test_window_remove_demo (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *backup = NULL;
  TandemWindow *window;
  const char *name;
  gboolean empty = FALSE;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-demo", NULL));
  spin ();
  g_assert_true (tandem_store_is_empty (store, &empty, &error));
  g_assert_true (empty);
  g_assert_cmpstr (tandem_test_main_state (window), ==, "welcome");

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".demo-") != NULL && g_str_has_suffix (name, ".bak"))
      backup = g_build_filename (dir, name, NULL);
  g_assert_nonnull (backup);
  g_assert_true (tandem_store_restore (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM person"), ==, 1200);

  /* With one person of the user's own, the demo is not offered for removal. */
  g_assert_true (tandem_store_exec (store, "INSERT INTO person (external_id, name) VALUES ('E-1', 'Ada')", &error));
  g_assert_false (tandem_demo_is_all (store));
  g_assert_false (tandem_demo_remove (store, backup, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM person"), ==, 1201);

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gboolean
has_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        {
          *(GtkWindow **)data = GTK_WINDOW (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_window_refused_file (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  GtkWindow *dialog = NULL;
  TandemWindow *window;
  AdwStatusPage *status;

  tandem_test_write_file (path, "meeting notes, not a database", 29);
  store = tandem_store_open (path, &error);
  g_assert_null (store);

  window = tandem_window_new_for_error (GTK_APPLICATION (app), error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));

  g_assert_cmpstr (tandem_test_main_state (window), ==, "error");
  status = ADW_STATUS_PAGE (tandem_test_child (window, TANDEM_TYPE_WINDOW, "error_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), path));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (tandem_test_child (window, TANDEM_TYPE_WINDOW, "demo_button"))));

  /* The reason is also said in a dialog. */
  g_assert_true (tandem_test_wait_for (has_message_dialog, &dialog));
  gtk_window_destroy (dialog);

  close_and_finalize (window);
  tandem_test_remove_dir (dir);
}

/* Finds the shortcut @accelerator bound on @widget (by its class or a
 * controller) and runs it, as pressing the keys would. */
static void
press (GtkWidget  *widget,
       const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);
  /* As GTK dispatches: capture-phase controllers before the others. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);
          gboolean capture;

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          capture = gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) ==
                    GTK_PHASE_CAPTURE;
          if (capture != (pass == 0))
            continue;

          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
                {
                  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                               gtk_shortcut_get_arguments (shortcut)));
                  return;
                }
            }
        }
    }
  g_error ("no shortcut %s on %s", accelerator, G_OBJECT_TYPE_NAME (widget));
}

/* Whether a mapped window of @type is open; it goes in *@out. */
static gboolean
find_toplevel (GType       type,
               GtkWidget **out)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        {
          *out = GTK_WIDGET (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

/* The keyboard shortcuts window is built when first asked for (not with
 * every window, which cost the first frame 9 ms), by the action and by
 * Ctrl+?, and is the same window the second time. */
static void
test_window_shortcuts (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window = tandem_window_new (GTK_APPLICATION (app), store);
  GtkWidget *shortcuts = NULL;
  GtkWidget *again = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  spin ();
  g_assert_false (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, &shortcuts));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  spin ();
  g_assert_true (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, &shortcuts));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));

  /* Closed, it only hides; Ctrl+? brings the same one back. */
  gtk_window_close (GTK_WINDOW (shortcuts));
  spin ();
  g_assert_false (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, &again));
  press (GTK_WIDGET (window), "<Control>question");
  spin ();
  g_assert_true (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, &again));
  g_assert_true (again == shortcuts);

  close_and_finalize (window);
  g_assert_false (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, &again));
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* The main menu gets its items when first opened, not as the window is
 * built: then it holds them, on every kind of page. */
static void
test_window_main_menu (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window = tandem_window_new (GTK_APPLICATION (app), store);
  GtkMenuButton *button = GTK_MENU_BUTTON (tandem_test_child (window, TANDEM_TYPE_WINDOW, "main_menu_button"));
  GtkMenuButton *welcome = GTK_MENU_BUTTON (tandem_test_child (window, TANDEM_TYPE_WINDOW, "welcome_menu_button"));
  GMenuModel *menu;
  gboolean connect = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  g_assert_null (gtk_menu_button_get_menu_model (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  spin ();
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            connect |= g_str_equal (action, "app.connect-server");
        }
    }
  g_assert_true (connect);
  gtk_menu_button_popdown (button);

  /* The same menu for the welcome's button, once it is opened. */
  g_assert_null (gtk_menu_button_get_menu_model (welcome));
  gtk_menu_button_popup (welcome);
  g_assert_true (gtk_menu_button_get_menu_model (welcome) == menu);
  gtk_menu_button_popdown (welcome);

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gboolean
has_session_dialog (gpointer data)
{
  return find_toplevel (TANDEM_TYPE_SESSION_DIALOG, data);
}

static gboolean
dialog_gone (gpointer data)
{
  GtkWidget *dialog = NULL;

  return !has_session_dialog (&dialog);
}

static void
test_window_log_session (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = NULL;
  TandemWindow *window;
  gint64 found = 0;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));

  /* The demo has overdue pairs: the banner names one. */
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (tandem_test_child (window, TANDEM_TYPE_WINDOW, "overdue_bar"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tandem_test_child (window, TANDEM_TYPE_WINDOW, "overdue_label"))),
                            "overdue"));
  /* As a pair: the executive with their mentor. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tandem_test_child (window, TANDEM_TYPE_WINDOW, "overdue_label"))),
                            " with mentor "));

  /* Ctrl+L from the Dashboard opens the dialog, dated today. */
  press (GTK_WIDGET (window), "<Control>l");
  g_assert_true (tandem_test_wait_for (has_session_dialog, &dialog));
  {
    g_autoptr(GDate) today = tandem_date_new_today ();
    g_autofree char *today_text = tandem_date_to_iso (today);

    g_assert_cmpstr (tandem_date_row_get_text (TANDEM_DATE_ROW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG,
                                                                       "date_row"))),
                     ==, today_text);
  }

  /* Type, then Ctrl+Enter. */
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG, "tools_row")), "Claude");
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG, "data_row")), "My own inbox");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG,
                                                                            "insight_view"))),
                            "Emails turn abrasive in busy weeks", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG,
                                                                            "follow_ups_view"))),
                            "Tone check on escalations", -1);
  gtk_widget_grab_focus (GTK_WIDGET (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG, "insight_view")));
  press (dialog, "<Control>Return");
  g_assert_true (tandem_test_wait_for (dialog_gone, NULL));

  /* The session is in the store, with its follow-up open. */
  g_assert_true (tandem_store_query_int (store,
                                         "SELECT count(*) FROM coaching_session s"
                                         "  JOIN follow_up f ON f.session_id = s.id"
                                         " WHERE s.tools_tried = 'Claude' AND s.data_used = 'My own inbox'"
                                         "   AND s.insight = 'Emails turn abrasive in busy weeks'"
                                         "   AND f.text = 'Tone check on escalations' AND f.done_on IS NULL"
                                         /* Confidence left unrated is stored as unrated, not as 3. */
                                         "   AND s.confidence_before IS NULL AND s.confidence_after IS NULL",
                                         &found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, 1);

  /* An impossible date marks its own row with what is wrong, Save stays
   * insensitive, and nothing is written; a day from the calendar mends it. */
  press (GTK_WIDGET (window), "<Control>l");
  g_assert_true (tandem_test_wait_for (has_session_dialog, &dialog));
  {
    TandemDateRow *date_row = TANDEM_DATE_ROW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG, "date_row"));
    GtkCalendar *calendar = GTK_CALENDAR (tandem_test_find (GTK_WIDGET (date_row), is_calendar, NULL));
    GtkMenuButton *pick = GTK_MENU_BUTTON (tandem_test_find (GTK_WIDGET (date_row), has_tooltip, "Choose a Date"));
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 2, 27, 12, 0, 0);

    g_assert_true (gtk_widget_is_sensitive (tandem_test_find (dialog, tandem_test_has_action_name, "session.save")));
    tandem_date_row_set_text (date_row, "2026-02-30");
    g_assert_false (tandem_date_row_get_valid (date_row));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date_row)), ==, "February has 28 days in 2026.");
    g_assert_false (gtk_widget_is_sensitive (tandem_test_find (dialog, tandem_test_has_action_name, "session.save")));
    gtk_widget_activate_action (dialog, "session.save", NULL);
    spin ();
    g_assert_true (tandem_store_query_int (store, "SELECT count(*) FROM coaching_session WHERE held_on = '2026-02-30'",
                                           &found, &error));
    g_assert_cmpint (found, ==, 0);
    g_assert_true (has_session_dialog (&dialog));

    g_assert_nonnull (calendar);
    g_assert_nonnull (pick);
    gtk_menu_button_popup (pick);
    spin ();
    gtk_calendar_select_day (calendar, day);
    spin ();
    g_assert_cmpstr (tandem_date_row_get_text (date_row), ==, "2026-02-27");
    g_assert_true (tandem_date_row_get_valid (date_row));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
    g_assert_true (gtk_widget_is_sensitive (tandem_test_find (dialog, tandem_test_has_action_name, "session.save")));
  }

  /* A paste past a field's limit stops at the limit, and the dialog says
   * why; what fits is kept. */
  {
    GtkLabel *error_label = GTK_LABEL (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG, "error_label"));
    GtkTextBuffer *insight = gtk_text_view_get_buffer (GTK_TEXT_VIEW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG,
                                                                             "insight_view")));
    GtkEditable *tools = GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG, "tools_row"));
    g_autofree char *pasted = g_strnfill (TANDEM_LIMIT_LONG + 50, 'w');
    GtkTextIter end;

    gtk_label_set_text (error_label, "");
    gtk_text_buffer_set_text (insight, "Start: ", -1);
    gtk_text_buffer_get_end_iter (insight, &end);
    gtk_text_buffer_insert (insight, &end, pasted, -1);
    g_assert_cmpint (gtk_text_buffer_get_char_count (insight), ==, TANDEM_LIMIT_LONG);
    g_assert_nonnull (strstr (gtk_label_get_text (error_label), "at most 10000 characters"));

    gtk_label_set_text (error_label, "");
    gtk_editable_set_text (tools, pasted);
    g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (tools), -1), ==, TANDEM_LIMIT_LONG);
    g_assert_nonnull (strstr (gtk_label_get_text (error_label), "at most 10000 characters"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* A label whose text begins with @prefix. */
static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* On a pair's page, a session entered wrongly is corrected in the log
 * dialog, and one logged by mistake is deleted from its row (with an Undo
 * toast): the page shows one session fewer. */
static void
test_window_delete_session (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window;
  GObject *page;
  GtkWidget *delete;
  GtkListBox *sessions;
  gint64 pair;
  guint before, rows;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "coaching");
  spin ();
  page = G_OBJECT (tandem_window_get_page_widget (window, "coaching"));
  pair = expected_count (store, "SELECT min (pair_id) FROM coaching_session");
  before = expected_count (store, "SELECT count (*) FROM coaching_session");
  tandem_coaching_page_show_pair (TANDEM_COACHING_PAGE (page), pair);
  spin ();

  /* A destination page: the header bar names the pair over its page and
   * holds the one Back, which returns to the list, as Alt+← does. */
  {
    AdwWindowTitle *title = ADW_WINDOW_TITLE (tandem_test_child (window, TANDEM_TYPE_WINDOW, "page_title"));
    GtkWidget *back = GTK_WIDGET (tandem_test_child (window, TANDEM_TYPE_WINDOW, "back_button"));
    g_autofree char *detail = g_strdup (tandem_coaching_page_get_detail_title (TANDEM_COACHING_PAGE (page)));

    g_assert_nonnull (detail);
    g_assert_true (strstr (detail, "coached by") != NULL);
    g_assert_cmpstr (adw_window_title_get_title (title), ==, detail);
    g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Coaching");
    g_assert_true (gtk_widget_get_visible (back));
    g_assert_null (tandem_test_find (GTK_WIDGET (page), has_tooltip, "All Pairs"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
    spin ();
    g_assert_null (tandem_coaching_page_get_detail_title (TANDEM_COACHING_PAGE (page)));
    g_assert_cmpstr (adw_window_title_get_title (title), ==, "Coaching");
    g_assert_false (gtk_widget_get_visible (back));   /* unfolded, the sidebar is there */
    tandem_coaching_page_show_pair (TANDEM_COACHING_PAGE (page), pair);
    spin ();
    g_assert_cmpstr (adw_window_title_get_title (title), ==, detail);
  }

  sessions = GTK_LIST_BOX (tandem_test_child (page, TANDEM_TYPE_COACHING_PAGE, "sessions_list"));
  rows = count_rows (sessions);
  g_assert_cmpuint (rows, >, 0);

  /* Edit: the log dialog opens filled in with the session, and saves the
   * correction in place. */
  {
    GtkWidget *edit = tandem_test_find (GTK_WIDGET (sessions), has_tooltip, "Edit Session");
    GtkWidget *dialog = NULL;

    g_assert_nonnull (edit);
    g_signal_emit_by_name (edit, "clicked");
    g_assert_true (tandem_test_wait_for (has_session_dialog, &dialog));
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Coaching Session");
    g_assert_cmpstr (tandem_date_row_get_text (TANDEM_DATE_ROW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG,
                                                                       "date_row"))),
                     !=, "");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG,
                                                                              "insight_view"))),
                              "Corrected after the fact", -1);
    gtk_widget_activate_action (dialog, "session.save", NULL);
    g_assert_true (tandem_test_wait_for (dialog_gone, NULL));
    spin ();
    g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM coaching_session"
                                             " WHERE insight = 'Corrected after the fact'"), ==, 1);
    g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM coaching_session"), ==, before);
    sessions = GTK_LIST_BOX (tandem_test_child (page, TANDEM_TYPE_COACHING_PAGE, "sessions_list"));
    g_assert_cmpuint (count_rows (sessions), ==, rows);
  }

  delete = tandem_test_find (GTK_WIDGET (sessions), has_tooltip, "Delete Session");
  g_assert_nonnull (delete);
  g_signal_emit_by_name (delete, "clicked");
  spin ();
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM coaching_session"), ==, before - 1);
  g_assert_cmpuint (count_rows (sessions), ==, rows - 1);

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* A save while another program holds the database (a long import from
 * the command line) fails at once with a message that says so, instead of
 * freezing the window for the command line's 30 s. */
static void
test_window_other_writer (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(TandemStore) other = NULL;
  g_autoptr(GError) error = NULL;
  TandemWindow *window;
  gint64 person, start;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));

  other = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_begin (other, &error));
  person = expected_count (store, "SELECT min (id) FROM person");

  start = g_get_monotonic_time ();
  g_assert_false (tandem_person_set_active (store, person, FALSE, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Once the other writer is done, the same save goes through. */
  tandem_store_rollback (other);
  g_assert_true (tandem_person_set_active (store, person, FALSE, &error));
  g_assert_no_error (error);

  close_and_finalize (window);
  g_clear_object (&other);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* A database that holds a 5 MB name and a 4 MB insight (an older file,
 * raw SQL) opens like any other: every page lays out the values cut at
 * their limits. Before, the window never showed. */
static void
test_window_overlong_values (void)
{
  static const char * const pages[] = { "coaching", "people", "programs", "surveys", "dashboard" };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  TandemWindow *window;

  sql = g_strdup_printf ("UPDATE person SET name = printf ('%%.*c', %d, 'N')"
                         " WHERE id = (SELECT executive_id FROM mentoring_pair ORDER BY id LIMIT 1);"
                         "UPDATE coaching_session SET insight = printf ('%%.*c', %d, 'i')"
                         " WHERE id = (SELECT min (id) FROM coaching_session)",
                         5 * 1024 * 1024, 4 * 1024 * 1024);
  g_assert_true (tandem_store_exec (store, sql, &error));
  g_assert_no_error (error);
  /* Reading a 5 MB name takes its time wherever it happens (the people
   * list fetches its rows on the main thread): this test is about the
   * layout, so it allows more than the usual 8 ms. */
  tandem_store_set_slow_main_ms (200);

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      spin ();
      g_assert_cmpstr (tandem_window_get_page (window), ==, pages[i]);
      if (i == 0)
        {
          /* The pair's row names the executive by the first 200 characters. */
          GtkWidget *label = tandem_test_find (GTK_WIDGET (window), is_label_starting, "NNNNNNNNNN");
          const char *text;

          g_assert_nonnull (label);
          text = gtk_label_get_text (GTK_LABEL (label));
          g_assert_nonnull (strstr (text, "N…"));
          g_assert_cmpint (g_utf8_strlen (text, -1), <, TANDEM_LIMIT_SHORT + 100);
        }
    }

  close_and_finalize (window);
  tandem_store_set_slow_main_ms (0);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static GtkDropDown *
open_program_owner (TandemStore *store,
                    gint64       program_id,
                    GtkWidget  **out_dialog)
{
  GtkWidget *dialog = tandem_program_dialog_new (NULL, store, program_id);
  GtkWidget *owner = tandem_test_find (dialog, has_widget_name, "owner-drop-down");

  g_assert_true (GTK_IS_DROP_DOWN (owner));
  *out_dialog = dialog;
  return GTK_DROP_DOWN (owner);
}

static gint64
program_owner (TandemStore *store,
               gint64       program_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (owner_id, 0) FROM program WHERE id = %" G_GINT64_FORMAT,
                                          program_id);
  gint64 owner = -1;

  g_assert_true (tandem_store_query_int (store, sql, &owner, NULL));
  return owner;
}

/* A program's owner is chosen from the people, by name: the dialog shows
 * the owner it has, saves another, clears it, and keeps an owner who is
 * no longer active when other things change. */
static void
test_window_program_owner (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = NULL;
  GtkDropDown *owner;
  gint64 program = 0, first_owner, other = 0;

  g_assert_true (tandem_store_query_int (store, "SELECT id FROM program ORDER BY id LIMIT 1", &program, NULL));
  g_assert_true (tandem_store_query_int (store, "SELECT id FROM person WHERE active = 1 ORDER BY id LIMIT 1",
                                         &first_owner, NULL));
  g_assert_true (tandem_store_query_int (store, "SELECT id FROM person WHERE active = 1 ORDER BY id LIMIT 1 OFFSET 1",
                                         &other, NULL));

  /* One person, chosen from the list, then shown when the dialog opens again. */
  owner = open_program_owner (store, program, &dialog);
  tandem_person_drop_down_select_id (owner, first_owner);
  g_assert_cmpint (tandem_person_drop_down_get_id (owner), ==, first_owner);
  gtk_widget_activate_action (dialog, "program.save", NULL);
  spin ();
  g_assert_cmpint (program_owner (store, program), ==, first_owner);

  owner = open_program_owner (store, program, &dialog);
  g_assert_cmpint (tandem_person_drop_down_get_id (owner), ==, first_owner);
  g_assert_true (gtk_widget_get_sensitive (tandem_test_find (dialog, has_widget_name, "clear-owner")));

  /* Someone else. */
  tandem_person_drop_down_select_id (owner, other);
  g_assert_cmpint (tandem_person_drop_down_get_id (owner), ==, other);
  gtk_widget_activate_action (dialog, "program.save", NULL);
  spin ();
  g_assert_cmpint (program_owner (store, program), ==, other);

  /* No owner at all. */
  owner = open_program_owner (store, program, &dialog);
  g_assert_cmpint (tandem_person_drop_down_get_id (owner), ==, other);
  gtk_widget_activate_action (dialog, "program.clear-owner", NULL);
  g_assert_cmpint (tandem_person_drop_down_get_id (owner), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (tandem_test_find (dialog, has_widget_name, "clear-owner")));
  gtk_widget_activate_action (dialog, "program.save", NULL);
  spin ();
  g_assert_cmpint (program_owner (store, program), ==, 0);

  /* An owner who has left is still shown, and saving keeps them. */
  owner = open_program_owner (store, program, &dialog);
  tandem_person_drop_down_select_id (owner, first_owner);
  gtk_widget_activate_action (dialog, "program.save", NULL);
  spin ();
  g_assert_true (tandem_person_set_active (store, first_owner, FALSE, &error));
  g_assert_no_error (error);
  owner = open_program_owner (store, program, &dialog);
  g_assert_cmpint (tandem_person_drop_down_get_id (owner), ==, first_owner);
  gtk_widget_activate_action (dialog, "program.save", NULL);
  spin ();
  g_assert_cmpint (program_owner (store, program), ==, first_owner);

  /* Others who have left are not offered. */
  owner = open_program_owner (store, program, &dialog);
  tandem_person_drop_down_select_id (owner, other);
  g_assert_true (tandem_person_set_active (store, other, FALSE, &error));
  gtk_window_destroy (GTK_WINDOW (dialog));
  owner = open_program_owner (store, program, &dialog);
  tandem_person_drop_down_select_id (owner, other);
  g_assert_cmpint (tandem_person_drop_down_get_id (owner), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static TandemDateRow *
date_row_titled (GtkWidget  *dialog,
                 const char *title)
{
  GtkWidget *row = tandem_test_find (dialog, has_title, title);

  g_assert_true (TANDEM_IS_DATE_ROW (row));
  return TANDEM_DATE_ROW (row);
}

/* Forms say what is wrong on the field itself and keep Save insensitive
 * until they can be saved: a new program needs a title, and its dates must
 * be real days, the end not before the start (years ahead is fine); a new
 * pair needs two different people and a start date. */
static void
test_window_form_validation (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  GtkWidget *dialog = tandem_program_dialog_new (NULL, store, 0);
  GtkWidget *save = tandem_test_find (dialog, tandem_test_has_action_name, "program.save");
  TandemDateRow *starts = date_row_titled (dialog, "_Starts on");
  TandemDateRow *ends = date_row_titled (dialog, "_Ends on");
  GtkDropDown *executive, *mentor;
  gint64 leader = 0, junior = 0;

  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));   /* no title yet */
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_find (dialog, has_title, "_Title")), "Prompting for Finance");
  g_assert_true (gtk_widget_is_sensitive (save));   /* the dates are optional */

  tandem_date_row_set_text (starts, "2031-09-01");
  g_assert_true (gtk_widget_is_sensitive (save));
  tandem_date_row_set_text (ends, "2031-02-29");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ends)), ==, "February has 28 days in 2031.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ends), "error"));
  g_assert_false (gtk_widget_is_sensitive (save));
  tandem_date_row_set_text (ends, "2031-08-31");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ends)), ==, "The program ends before it starts.");
  g_assert_false (gtk_widget_is_sensitive (save));
  tandem_date_row_set_text (ends, "2031-12-19");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ends), "error"));
  g_assert_true (gtk_widget_is_sensitive (save));

  /* Its duration, and what completing it gives in a competency, are saved
   * with it. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (tandem_test_find (tandem_test_find (dialog, has_title, "_Duration (hours)"),
                                                           is_spin_button, NULL)), 2.5);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tandem_test_find (dialog, is_combo_titled, "Prompt literacy")), 2);
  gtk_widget_activate_action (dialog, "program.save", NULL);
  spin ();
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM program p"
                                           "  JOIN program_competency pc ON pc.program_id = p.id"
                                           "  JOIN competency c ON c.id = pc.competency_id"
                                           " WHERE p.title = 'Prompting for Finance' AND p.duration_hours = 2.5"
                                           "   AND c.name = 'Prompt literacy' AND pc.level = 2"), ==, 1);

  g_assert_true (tandem_store_query_int (store, "SELECT min (p.id) FROM person p JOIN role r ON r.id = p.role_id"
                                                " WHERE p.active AND r.level = 'executive'", &leader, NULL));
  g_assert_true (tandem_store_query_int (store, "SELECT min (p.id) FROM person p JOIN role r ON r.id = p.role_id"
                                                " WHERE p.active AND r.level = 'individual_contributor'",
                                         &junior, NULL));
  dialog = GTK_WIDGET (tandem_pair_dialog_new (NULL, store));
  save = tandem_test_find (dialog, tandem_test_has_action_name, "pair.save");
  executive = GTK_DROP_DOWN (tandem_test_child (dialog, TANDEM_TYPE_PAIR_DIALOG, "executive_drop_down"));
  mentor = GTK_DROP_DOWN (tandem_test_child (dialog, TANDEM_TYPE_PAIR_DIALOG, "mentor_drop_down"));
  g_assert_false (gtk_widget_is_sensitive (save));
  tandem_person_drop_down_select_id (executive, leader);
  tandem_person_drop_down_select_id (mentor, leader);
  g_assert_cmpint (tandem_person_drop_down_get_id (mentor), ==, leader);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tandem_test_child (dialog, TANDEM_TYPE_PAIR_DIALOG, "mentor_row")), "error"));
  g_assert_false (gtk_widget_is_sensitive (save));
  tandem_person_drop_down_select_id (mentor, junior);
  g_assert_true (gtk_widget_is_sensitive (save));
  tandem_date_row_set_text (TANDEM_DATE_ROW (tandem_test_child (dialog, TANDEM_TYPE_PAIR_DIALOG, "date_row")), "2026-13-01");
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static TandemFakeNotifications fake_notifications;

static gboolean
notified (gpointer data)
{
  return fake_notifications.n_added > GPOINTER_TO_UINT (data);
}

/* Away from the window, an overdue pair is told by a desktop notification
 * that logs the session; nothing is sent while the banner can be seen. */
static void
test_window_overdue_notification (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) unique = NULL;
  g_autofree char *executive = NULL;
  GtkWidget *dialog = NULL;
  TandemWindow *window;
  gint64 first = 0;
  guint before;

  /* A registered, unique application: notifications travel on its bus. */
  unique = g_object_new (TANDEM_TYPE_APPLICATION, "application-id", APPLICATION_ID ".NotificationTest", NULL);
  g_application_register (unique, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_application_get_dbus_connection (unique));

  window = tandem_window_new (GTK_APPLICATION (unique), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  spin ();
  before = fake_notifications.n_added;

  /* The demo has overdue pairs; the banner shows them, so no notification. */
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (tandem_test_child (window, TANDEM_TYPE_WINDOW, "overdue_bar"))));
  tandem_window_check_overdue (window);
  spin ();
  g_assert_cmpuint (fake_notifications.n_added, ==, before);

  /* The window is hidden, and every pair falls overdue: one notification. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_true (tandem_store_exec (store, "UPDATE mentoring_pair SET cadence_days = 1", &error));
  g_assert_no_error (error);
  tandem_window_check_overdue (window);
  g_assert_true (tandem_test_wait_for (notified, GUINT_TO_POINTER (before)));
  g_assert_cmpstr (fake_notifications.title, ==, "Coaching Session Overdue");
  g_assert_nonnull (strstr (fake_notifications.body, "overdue for a coaching session"));
  g_assert_true (tandem_store_query_int (store,
                                         "SELECT id FROM mentoring_pair WHERE active = 1 ORDER BY started_on, id LIMIT 1",
                                         &first, NULL));

  /* Looking again at the same pairs sends nothing new. */
  before = fake_notifications.n_added;
  tandem_window_check_overdue (window);
  spin ();
  g_usleep (100000);
  spin ();
  g_assert_cmpuint (fake_notifications.n_added, ==, before);

  /* Its action brings the window back with that pair's session dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (unique), "log-session", g_variant_new_int64 (first));
  g_assert_true (tandem_test_wait_for (has_session_dialog, &dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT p.name FROM mentoring_pair m JOIN person p ON p.id = m.executive_id"
                                            " WHERE m.id = %" G_GINT64_FORMAT, first);
    AdwComboRow *pair_row = ADW_COMBO_ROW (tandem_test_child (dialog, TANDEM_TYPE_SESSION_DIALOG, "pair_row"));
    GtkStringObject *chosen = adw_combo_row_get_selected_item (pair_row);
    g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, sql, &error);

    g_assert_nonnull (stmt);
    g_assert_cmpint (tandem_stmt_step (stmt, NULL), ==, TANDEM_STEP_ROW);
    executive = g_strdup (tandem_stmt_get_nullable_text (stmt, 0));
    g_assert_true (g_str_has_prefix (gtk_string_object_get_string (chosen), executive));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_and_finalize (window);
  g_application_quit (unique);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gboolean
has_presentation (gpointer data)
{
  return find_toplevel (TANDEM_TYPE_PRESENTATION, data);
}

static gboolean
presentation_gone (gpointer data)
{
  GtkWidget *found = NULL;

  return !has_presentation (&found);
}

/* F5 presents the slides; arrows, space and Home/End move, and stop at
 * either end; Esc leaves. */
static void
test_window_presentation (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  GtkWidget *shown = NULL;
  TandemPresentation *presentation;
  TandemWindow *window;
  guint n;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));

  press (GTK_WIDGET (window), "F5");
  g_assert_true (tandem_test_wait_for (has_presentation, &shown));
  presentation = TANDEM_PRESENTATION (shown);
  n = tandem_presentation_get_n_slides (presentation);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpuint (tandem_presentation_get_current (presentation), ==, 0);

  press (shown, "Right");
  press (shown, "space");
  g_assert_cmpuint (tandem_presentation_get_current (presentation), ==, 2);
  press (shown, "Left");
  g_assert_cmpuint (tandem_presentation_get_current (presentation), ==, 1);
  press (shown, "Home");
  press (shown, "Left");
  g_assert_cmpuint (tandem_presentation_get_current (presentation), ==, 0);
  press (shown, "End");
  press (shown, "Page_Down");
  g_assert_cmpuint (tandem_presentation_get_current (presentation), ==, n - 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (shown)), ==, "Slide 11 of 11");

  press (shown, "Escape");
  g_assert_true (tandem_test_wait_for (presentation_gone, NULL));

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
imported_cb (GtkWidget  *dialog,
             const char *summary,
             char      **out_summary)
{
  *out_summary = g_strdup (summary);
}

static gboolean
has_summary (gpointer data)
{
  return *(char **)data != NULL;
}

/* The import dialog guesses the columns from the header, imports in its
 * worker thread on a connection of its own, and says what it did. */
static gboolean
is_stack (GtkWidget  *widget,
          const char *unused)
{
  return GTK_IS_STACK (widget);
}

static gboolean
is_combo_row (GtkWidget  *widget,
              const char *unused)
{
  return ADW_IS_COMBO_ROW (widget);
}

/* The choice of every column drop-down in @dialog, in order. */
static guint
combo_selections (GtkWidget  *dialog,
                  guint     **out_chosen)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n;

  g_ptr_array_add (stack, dialog);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (ADW_IS_COMBO_ROW (widget))
        {
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

          g_array_append_val (chosen, selected);
        }
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (children, c);
      /* Last child pushed first, so children come in order. */
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
    }
  n = chosen->len;
  *out_chosen = (guint *)(gpointer)g_array_free (g_steal_pointer (&chosen), FALSE);
  return n;
}

static void
test_window_import_dialog (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "org.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "hr.csv", NULL);
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  const char *text = "External ID,Name,Email,Department,Role,Level,Champion,Tool Access\n"
                     "A-1,Ada,ada@example.com,Finance,Analyst,individual_contributor,no,yes\n"
                     "A-2,Wei,wei@example.com,Support,Agent,individual_contributor,yes,no\n";
  GtkWidget *dialog;
  gint64 end;

  g_assert_no_error (error);
  tandem_test_write_file (csv, text, strlen (text));
  dialog = tandem_import_dialog_new (NULL, store, TANDEM_IMPORT_PEOPLE, file);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &summary);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();

  /* A refused import keeps the columns chosen: Back returns to them, and
   * once the file is fixed the same choices import it. */
  {
    const char *bad = "External ID,Name,Email,Department,Role,Level,Champion,Tool Access\n"
                      "A-1,Ada,ada@example.com,Finance,Analyst,individual_contributor,no,yes\n"
                      "A-2,Wei,wei@example.com,Support,Agent,Director,yes,no\n";
    GtkWidget *stack = tandem_test_find (dialog, is_stack, NULL);
    GtkWidget *back = tandem_test_find (dialog, has_widget_name, "import-back");
    g_autofree guint *chosen = NULL;
    guint n_rows;

    g_assert_nonnull (stack);
    g_assert_nonnull (back);
    n_rows = combo_selections (dialog, &chosen);
    g_assert_cmpuint (n_rows, ==, 9);   /* the eight columns and the optional “active” */
    /* Fields go by the names people use, and say whether a file needs them. */
    {
      GtkWidget *first = tandem_test_find (dialog, is_combo_row, NULL);

      g_assert_nonnull (first);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Employee ID");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, "Required");
      g_assert_cmpuint (chosen[0], ==, 1);   /* "External ID", the file's first column */
    }
    tandem_test_write_file (csv, bad, strlen (bad));
    gtk_widget_activate_action (dialog, "import.run", NULL);
    end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (!gtk_widget_get_visible (back) && g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_true (gtk_widget_get_visible (back));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "result");
    g_assert_null (summary);
    g_assert_cmpuint (expected_count (store, "SELECT count(*) FROM person"), ==, 0);

    gtk_widget_activate_action (dialog, "import.back", NULL);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "mapping");
    g_assert_false (gtk_widget_get_visible (back));
    {
      g_autofree guint *again = NULL;

      g_assert_cmpuint (combo_selections (dialog, &again), ==, n_rows);
      g_assert_cmpmem (again, n_rows * sizeof (guint), chosen, n_rows * sizeof (guint));
    }
    tandem_test_write_file (csv, text, strlen (text));
  }

  gtk_widget_activate_action (dialog, "import.run", NULL);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!has_summary (&summary) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpstr (summary, ==, "2 created, 0 updated, 0 unchanged");
  g_assert_cmpuint (expected_count (store, "SELECT count(*) FROM person"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static guint
count_visible_columns (GListModel *columns)
{
  guint visible = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      visible += gtk_column_view_column_get_visible (column);
    }
  return visible;
}

/* At 360 px, as on a phone: one Back in the header bar, a banner of one
 * line that keeps the full sentence in its tooltip, and a people table of
 * the name and one more column; wide again, everything comes back. */
static void
test_window_narrow (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  TandemWindow *window;
  GtkLabel *banner;
  GObject *people;
  GListModel *columns;
  guint n_pairs;

  g_assert_true (tandem_store_exec (store, "UPDATE mentoring_pair SET cadence_days = 1", &error));
  g_assert_no_error (error);
  n_pairs = expected_count (store, "SELECT count (*) FROM mentoring_pair WHERE active");
  g_assert_cmpuint (n_pairs, >, 1);
  expected = g_strdup_printf ("%u pairs overdue", n_pairs);

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people");
  spin ();

  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (tandem_test_child (window, TANDEM_TYPE_WINDOW, "leaflet"))));
  banner = GTK_LABEL (tandem_test_child (window, TANDEM_TYPE_WINDOW, "overdue_label"));
  g_assert_cmpstr (gtk_label_get_text (banner), ==, expected);
  g_assert_false (gtk_label_get_wrap (banner));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (banner)), "overdue for a coaching session"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_test_child (window, TANDEM_TYPE_WINDOW, "back_button"))));

  people = G_OBJECT (tandem_window_get_page_widget (window, "people"));
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (tandem_test_child (people, TANDEM_TYPE_PEOPLE_PAGE, "column_view")));
  g_assert_cmpuint (count_visible_columns (columns), ==, 2);

  tandem_people_page_set_narrow (TANDEM_PEOPLE_PAGE (people), FALSE);
  g_assert_cmpuint (count_visible_columns (columns), ==, g_list_model_get_n_items (columns));

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* A person's department and role are chosen from those that exist, so a
 * typo makes no new department; a new one is added on purpose at the end
 * of the list. Changing a role's level says how many others it moves, and
 * asks first. */
static void
test_window_person_dialog (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *message = NULL;
  TandemNameRow *department, *role;
  guint departments = expected_count (store, "SELECT count (*) FROM department");
  guint agents = expected_count (store, "SELECT count (*) FROM person p JOIN role r ON r.id = p.role_id"
                                        " WHERE r.name = 'Support Agent'");
  g_autofree char *body = NULL;

  g_assert_cmpuint (agents, >, 1);
  dialog = tandem_person_dialog_new (NULL, store, 0);
  department = TANDEM_NAME_ROW (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "department_row"));
  role = TANDEM_NAME_ROW (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "role_row"));
  g_assert_false (gtk_widget_is_sensitive (tandem_test_find (dialog, tandem_test_has_action_name, "person.save")));

  /* An existing department, in another case, is the existing one. */
  tandem_name_row_set_name (department, "finance");
  g_assert_true (tandem_name_row_is_new (department));
  tandem_name_row_set_name (department, "Finance");
  g_assert_false (tandem_name_row_is_new (department));
  g_assert_cmpstr (tandem_name_row_get_name (department), ==, "Finance");
  tandem_name_row_set_name (role, "Support Agent");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "level_row"))),
                    ==, TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR);

  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "email_row")), "not an address");
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "name_row")), "Noor Haddad");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "email_row")),
                                           "error"));
  g_assert_false (gtk_widget_is_sensitive (tandem_test_find (dialog, tandem_test_has_action_name, "person.save")));
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "email_row")), "noor@example.com");
  g_assert_true (gtk_widget_is_sensitive (tandem_test_find (dialog, tandem_test_has_action_name, "person.save")));

  /* Making the new person a manager would make every Support Agent one:
   * the dialog says how many and asks; Cancel writes nothing. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "level_row")),
                              TANDEM_LEVEL_MANAGER);
  gtk_widget_activate_action (dialog, "person.save", NULL);
  g_assert_true (tandem_test_wait_for (has_message_dialog, &message));
  body = g_strdup_printf ("A level belongs to the role: %u other people in it change from Individual contributor"
                          " to Manager too.", agents);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), ==, body);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "cancel");
  spin ();
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM person WHERE name = 'Noor Haddad'"), ==, 0);

  /* Back to the role's own level: saved at once, in the department chosen. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "level_row")),
                              TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR);
  gtk_widget_activate_action (dialog, "person.save", NULL);
  spin ();
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM person p JOIN department d ON d.id = p.department_id"
                                           " WHERE p.name = 'Noor Haddad' AND d.name = 'Finance'"), ==, 1);
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM department"), ==, departments);

  /* A new department is made on purpose, from the last choice. */
  dialog = tandem_person_dialog_new (NULL, store, 0);
  department = TANDEM_NAME_ROW (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "department_row"));
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "name_row")), "Ines Park");
  tandem_name_row_set_name (department, "AI Office");
  g_assert_true (tandem_name_row_is_new (department));
  g_assert_true (gtk_widget_get_visible (tandem_name_row_get_entry (department)));
  gtk_widget_activate_action (dialog, "person.save", NULL);
  spin ();
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM department"), ==, departments + 1);
  g_assert_no_error (error);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gboolean
always (gpointer data)
{
  return TRUE;
}

static gboolean
has_wording_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_has_prefix (gtk_window_get_title (toplevel) ? gtk_window_get_title (toplevel) : "", "Wording of "))
        {
          *(GtkWindow **)data = toplevel;
          return TRUE;
        }
    }
  return FALSE;
}

/* The Surveys page shows the wave chosen, and compares the impact chart
 * with another: a past wave clicked in the list opens its figures (and not
 * its wording, which only its Edit button opens). */
static void
test_window_waves (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;
  TandemWindow *window;
  GObject *page;
  GtkListBox *list;
  GtkListBoxRow *row;
  AdwComboRow *wave_row, *from_row;
  GtkWindow *wording = NULL;
  TandemChart *chart;

  first = expected_text (store, "SELECT title FROM survey_wave ORDER BY fielded_on LIMIT 1");
  second = expected_text (store, "SELECT title FROM survey_wave ORDER BY fielded_on LIMIT 1 OFFSET 1");
  g_assert_nonnull (first);
  g_assert_nonnull (second);

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "surveys");
  g_assert_true (tandem_test_wait_for (always, NULL));
  page = G_OBJECT (tandem_window_get_page_widget (window, "surveys"));
  list = GTK_LIST_BOX (tandem_test_child (page, TANDEM_TYPE_SURVEYS_PAGE, "list"));
  wave_row = ADW_COMBO_ROW (tandem_test_child (page, TANDEM_TYPE_SURVEYS_PAGE, "wave_row"));
  from_row = ADW_COMBO_ROW (tandem_test_child (page, TANDEM_TYPE_SURVEYS_PAGE, "from_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (wave_row), ==, 0);   /* the latest */

  /* The oldest wave, clicked: its figures above, and no wording window. */
  row = gtk_list_box_get_row_at_index (list, (int)count_rows (list) - 1);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (tandem_test_wait_for (always, NULL));
  g_assert_false (has_wording_window (&wording));
  g_assert_cmpuint (adw_combo_row_get_selected (wave_row), ==, count_rows (list) - 1);
  chart = tandem_chart_view_get_chart (TANDEM_CHART_VIEW (tandem_test_child (page, TANDEM_TYPE_SURVEYS_PAGE, "snapshot_view")));
  expected = g_strdup_printf ("The three gaps, %s", first);
  g_assert_cmpstr (tandem_chart_get_title (chart), ==, expected);
  /* Compared with itself, the comparison row says what to choose. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from_row), "error"));

  /* The second wave against the first: the impact chart says so. */
  adw_combo_row_set_selected (wave_row, count_rows (list) - 2);
  g_assert_true (tandem_test_wait_for (always, NULL));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from_row), "error"));
  chart = tandem_chart_view_get_chart (TANDEM_CHART_VIEW (tandem_test_child (page, TANDEM_TYPE_SURVEYS_PAGE, "impact_view")));
  g_free (expected);
  expected = g_strdup_printf ("%s → %s", first, second);
  g_assert_nonnull (strstr (tandem_chart_get_subtitle (chart), expected));

  /* The wording opens from the row's Edit button. */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_signal_emit_by_name (tandem_test_find (GTK_WIDGET (row), has_tooltip, "Edit Wording"), "clicked");
  g_assert_true (tandem_test_wait_for (has_wording_window, &wording));
  gtk_window_destroy (wording);

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gboolean
is_search_entry (GtkWidget  *widget,
                 const char *unused)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
has_matches (gpointer search)
{
  return tandem_person_search_get_n_matches (search) > 0;
}

/* On a program's page one person is enrolled by typing their name: the
 * matches come with email and department, and Enter invites the first. */
static void
test_window_enrol_by_name (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  TandemWindow *window;
  GObject *page;
  GtkWidget *search;
  gint64 program = 0;

  g_assert_true (tandem_store_query_int (store, "SELECT id FROM program ORDER BY starts_on, title COLLATE NOCASE"
                                                " LIMIT 1", &program, NULL));
  sql = g_strdup_printf ("SELECT name FROM person WHERE active AND id NOT IN"
                         " (SELECT person_id FROM enrollment WHERE program_id = %" G_GINT64_FORMAT ")"
                         " AND name NOT IN (SELECT name FROM person GROUP BY name HAVING count (*) > 1)"
                         " ORDER BY id LIMIT 1", program);
  name = expected_text (store, sql);

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "programs");
  g_assert_true (tandem_test_wait_for (always, NULL));
  page = G_OBJECT (tandem_window_get_page_widget (window, "programs"));
  g_signal_emit_by_name (tandem_test_child (page, TANDEM_TYPE_PROGRAMS_PAGE, "list"), "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (tandem_test_child (page, TANDEM_TYPE_PROGRAMS_PAGE, "list")),
                                                        0));
  g_assert_true (tandem_test_wait_for (always, NULL));
  search = tandem_test_find (GTK_WIDGET (page), has_widget_name, "enrol-search");
  g_assert_nonnull (search);

  tandem_person_search_set_text (TANDEM_PERSON_SEARCH (search), name);
  g_assert_true (tandem_test_wait_for (has_matches, search));   /* the entry waits for a pause in typing */
  g_assert_cmpuint (tandem_person_search_get_n_matches (TANDEM_PERSON_SEARCH (search)), ==, 1);
  g_assert_nonnull (tandem_test_find (search, has_title, name));
  g_signal_emit_by_name (tandem_test_find (search, is_search_entry, NULL), "activate");
  g_assert_true (tandem_test_wait_for (always, NULL));
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM enrollment e JOIN person p ON p.id = e.person_id"
                         " WHERE e.program_id = %" G_GINT64_FORMAT " AND p.name = '%s' AND e.status = 'invited'",
                         program, name);
  g_assert_cmpuint (expected_count (store, sql), ==, 1);

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gboolean
is_allocated (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* Preferences opens tall enough to show every group without scrolling. */
static void
test_window_preferences_height (void)
{
  GtkWindow *window = tandem_preferences_window_new (NULL);
  GtkWidget *page = tandem_test_find (GTK_WIDGET (window), is_preferences_page, NULL);
  GtkWidget *scrolled;
  int natural = 0;

  gtk_window_present (window);
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  g_assert_nonnull (page);
  scrolled = tandem_test_find (page, is_scrolled_window, NULL);
  g_assert_nonnull (scrolled);
  g_assert_true (tandem_test_wait_for (is_allocated, scrolled));
  gtk_widget_measure (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (scrolled), NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (scrolled), >=, natural);
  gtk_window_destroy (window);
  spin ();
}

static gboolean
has_competency_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (toplevel), "Competencies") == 0)
        {
          *(GtkWindow **)data = toplevel;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_drop_down_for (GtkWidget  *widget,
                  const char *name)
{
  return GTK_IS_DROP_DOWN (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "role"), "Support Agent") == 0 &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "competency"), name) == 0;
}

/* The Competencies window sets each role's targets in a grid, saved at
 * once; adds a competency; and renames a level. */
static void
test_window_competencies (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window;
  GtkWindow *competencies = NULL;
  GtkDropDown *cell;
  GtkWidget *add;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.competencies", NULL);
  g_assert_true (tandem_test_wait_for (has_competency_window, &competencies));

  cell = GTK_DROP_DOWN (tandem_test_find (GTK_WIDGET (competencies), is_drop_down_for, "Data literacy"));
  g_assert_nonnull (cell);
  g_assert_cmpuint (gtk_drop_down_get_selected (cell), ==, 1);   /* the demo's target for an IC */
  gtk_drop_down_set_selected (cell, 3);
  g_assert_cmpuint (expected_count (store, "SELECT rc.target_level FROM role_competency rc"
                                           "  JOIN role r ON r.id = rc.role_id JOIN competency c ON c.id = rc.competency_id"
                                           " WHERE r.name = 'Support Agent' AND c.name = 'Data literacy'"), ==, 3);
  gtk_drop_down_set_selected (cell, 0);
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM role_competency rc"
                                           "  JOIN role r ON r.id = rc.role_id JOIN competency c ON c.id = rc.competency_id"
                                           " WHERE r.name = 'Support Agent' AND c.name = 'Data literacy'"), ==, 0);

  add = tandem_test_find (GTK_WIDGET (competencies), has_widget_name, "add-competency");
  gtk_editable_set_text (GTK_EDITABLE (add), "Automating routine work");
  g_signal_emit_by_name (add, "apply");
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM competency"
                                           " WHERE name = 'Automating routine work'"), ==, 1);
  g_assert_nonnull (tandem_test_find (GTK_WIDGET (competencies), is_drop_down_for, "Automating routine work"));

  gtk_window_destroy (competencies);
  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gboolean
bus_name_has_owner (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* A second Tandem hands over to the first, which raises its window: the
 * second never opens a database of its own. */
static void
test_window_second_instance (void)
{
  const char *tandem = g_getenv ("TANDEM_APP");
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  char *primary_argv[] = { (char *)tandem, (char *)"--database", first, NULL };
  char *second_argv[] = { (char *)tandem, (char *)"--database", second, NULL };
  g_autoptr(GError) error = NULL;
  gint64 end;
  int status = -1;
  GPid primary;

  if (tandem == NULL)
    {
      g_test_skip ("TANDEM_APP is not set");
      return;
    }

  g_assert_true (g_spawn_async (NULL, primary_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &primary, &error));
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((!bus_name_has_owner (APPLICATION_ID) || !g_file_test (first, G_FILE_TEST_EXISTS)) &&
         g_get_monotonic_time () < end)
    g_usleep (50000);
  g_assert_true (bus_name_has_owner (APPLICATION_ID));
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));

  g_assert_true (g_spawn_sync (NULL, second_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  /* The desktop file's actions go to the running instance, and the second
   * process leaves at once, having opened no database of its own. */
  {
    char *present_argv[] = { (char *)tandem, (char *)"--database", second, (char *)"--present", NULL };
    char *log_argv[] = { (char *)tandem, (char *)"--database", second, (char *)"--log-session", NULL };

    status = -1;
    g_assert_true (g_spawn_sync (NULL, present_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    status = -1;
    g_assert_true (g_spawn_sync (NULL, log_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
    g_assert_true (kill (primary, 0) == 0);   /* and the running one took them without falling over */
  }

  kill (primary, SIGTERM);
  waitpid (primary, NULL, 0);
  g_spawn_close_pid (primary);
  tandem_test_remove_dir (dir);
}

/* "Present the Gaps" and "Log a Coaching Session", as the desktop file's
 * actions reach the application: the presentation, and the log dialog. */
static void
test_window_desktop_actions (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  GtkWidget *shown = NULL;
  GtkWidget *dialog = NULL;
  TandemWindow *window;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "present"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "present", NULL);
  g_assert_true (tandem_test_wait_for (has_presentation, &shown));
  gtk_window_destroy (GTK_WINDOW (shown));
  spin ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "log-session", g_variant_new_int64 (0));
  g_assert_true (tandem_test_wait_for (has_session_dialog, &dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* What an assistive technology hears for a button: its own text, or the
 * accessible label we give it. */
static gboolean
has_visible_text (GtkWidget *widget)
{
  /* Mapped: a menu button's closed popover holds labels too. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) &&
      *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  if (ADW_IS_BUTTON_CONTENT (widget) && adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)) != NULL &&
      *adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)) != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_visible_text (c))
      return TRUE;
  return FALSE;
}

static void
describe_widget (GtkWidget *widget,
                 GString   *out)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) != NULL || w == widget)
      {
        g_string_append_printf (out, "%s%s", w == widget ? "" : " in ",
                                gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) != NULL
                                  ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w))
                                  : G_OBJECT_TYPE_NAME (w));
        if (w != widget)
          break;
      }
}

/* Every mapped button under @widget has a name an assistive technology can
 * read, and a tooltip when it shows only an icon; every chart is an image
 * with a name and a description. Adds one line per fault to @faults. */
static void
walk_accessible (GtkWidget *widget,
                 GString   *faults,
                 guint     *n_buttons,
                 guint     *n_charts)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_widget_get_mapped (widget))
    return;

  /* A menu button is one control; the toggle inside it is its part. */
  if ((GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))) ||
      GTK_IS_MENU_BUTTON (widget))
    {
      /* GTK labels a button by its child, an icon too: that names nothing. */
      gboolean labelled = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);

      /* GTK's own window controls, spin button steps and info bar close
       * button are GTK's to name: not ours to change. */
      gboolean gtk_own = gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL ||
                         gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) != NULL ||
                         (gtk_widget_get_ancestor (widget, GTK_TYPE_INFO_BAR) != NULL &&
                          gtk_widget_has_css_class (widget, "close"));

      (*n_buttons)++;
      if (!has_visible_text (widget) && !gtk_own && (!labelled || gtk_widget_get_tooltip_text (widget) == NULL))
        {
          g_string_append (faults, "icon-only button without ");
          g_string_append (faults, labelled ? "a tooltip: " : "an accessible label: ");
          describe_widget (widget, faults);
          g_string_append_printf (faults, " (tooltip “%s”)\n", gtk_widget_get_tooltip_text (widget));
        }
    }
  if (TANDEM_IS_CHART_VIEW (widget) || GTK_IS_DRAWING_AREA (widget))
    {
      (*n_charts)++;
      if (gtk_accessible_get_accessible_role (accessible) != GTK_ACCESSIBLE_ROLE_IMG ||
          !gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
          !gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
        {
          g_string_append (faults, "chart without its role, name or description: ");
          describe_widget (widget, faults);
          g_string_append_c (faults, '\n');
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    walk_accessible (c, faults, n_buttons, n_charts);
}

static void
assert_accessible (GtkWidget  *toplevel,
                   const char *where,
                   guint       min_buttons,
                   guint       min_charts)
{
  g_autoptr(GString) faults = g_string_new (NULL);
  guint n_buttons = 0, n_charts = 0;

  walk_accessible (toplevel, faults, &n_buttons, &n_charts);
  g_test_message ("%s: %u buttons, %u charts", where, n_buttons, n_charts);
  if (faults->len > 0)
    g_printerr ("%s:\n%s", where, faults->str);
  g_assert_cmpuint (faults->len, ==, 0);
  g_assert_cmpuint (n_buttons, >=, min_buttons);
  g_assert_cmpuint (n_charts, >=, min_charts);
}

/* Each page, a program's and a pair's page, the competencies window, the
 * presentation and the dialogs, walked as a screen reader would meet them. */
static void
test_window_accessible (void)
{
  static const struct { const char *name; guint charts; } pages[] = {
    { "dashboard", 1 }, { "programs", 0 }, { "people", 0 }, { "coaching", 0 }, { "surveys", 2 },
  };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window;
  GtkWidget *other = NULL;
  GObject *page;
  GtkListBoxRow *row;

  window = tandem_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  spin ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i].name);
      spin ();
      assert_accessible (GTK_WIDGET (window), pages[i].name, 1, pages[i].charts);
    }

  /* A program's page, with its completion chart. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "programs");
  spin ();
  page = G_OBJECT (tandem_window_get_page_widget (window, "programs"));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (tandem_test_child (page, TANDEM_TYPE_PROGRAMS_PAGE, "list")), 0);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  spin ();
  g_assert_nonnull (tandem_programs_page_get_detail_title (TANDEM_PROGRAMS_PAGE (page)));
  assert_accessible (GTK_WIDGET (window), "a program", 1, 1);

  /* A pair's page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "coaching");
  spin ();
  page = G_OBJECT (tandem_window_get_page_widget (window, "coaching"));
  tandem_coaching_page_show_pair (TANDEM_COACHING_PAGE (page),
                                  expected_count (store, "SELECT min (pair_id) FROM coaching_session"));
  spin ();
  assert_accessible (GTK_WIDGET (window), "a pair", 1, 0);

  /* The competencies window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.competencies", NULL);
  g_assert_true (tandem_test_wait_for (has_competency_window, &other));
  assert_accessible (other, "competencies", 1, 0);
  gtk_window_destroy (GTK_WINDOW (other));
  spin ();

  /* The log dialog. */
  other = NULL;
  g_action_group_activate_action (G_ACTION_GROUP (app), "log-session", g_variant_new_int64 (0));
  g_assert_true (tandem_test_wait_for (has_session_dialog, &other));
  assert_accessible (other, "log a session", 1, 0);
  gtk_window_destroy (GTK_WINDOW (other));

  /* The presentation, its slide a chart with a name and a description. */
  other = NULL;
  press (GTK_WIDGET (window), "F5");
  g_assert_true (tandem_test_wait_for (has_presentation, &other));
  spin ();
  assert_accessible (other, "presentation", 0, 1);
  gtk_window_destroy (GTK_WINDOW (other));

  /* The dialogs a manager meets. */
  {
    GtkWidget *dialogs[] = {
      GTK_WIDGET (tandem_preferences_window_new (GTK_WINDOW (window))),
      tandem_person_dialog_new (GTK_WINDOW (window), store, 0),
      tandem_program_dialog_new (GTK_WINDOW (window), store,
                                 expected_count (store, "SELECT min (id) FROM program")),
    };

    for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
      {
        gtk_window_present (GTK_WINDOW (dialogs[i]));
        g_assert_true (tandem_test_wait_for (is_mapped, dialogs[i]));
        spin ();
        assert_accessible (dialogs[i], G_OBJECT_TYPE_NAME (dialogs[i]), 1, 0);
        gtk_window_destroy (GTK_WINDOW (dialogs[i]));
        spin ();
      }
  }

  close_and_finalize (window);
}

static void
async_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* A call to the application's own search provider, answered while the
 * main loop runs. */
static GVariant *
call_provider (const char *method,
               GVariant   *parameters)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bus_name = NULL;
  g_autofree char *desktop_id = NULL;
  GVariant *reply;

  /* Where the installed .ini tells the Shell to look. */
  g_key_file_load_from_file (ini, g_getenv ("TANDEM_SEARCH_PROVIDER_FILE"), G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bus_name, ==, APPLICATION_ID);
  g_assert_cmpstr (desktop_id, ==, APPLICATION_ID ".desktop");
  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", NULL), ==, 2);

  g_dbus_connection_call (connection, g_dbus_connection_get_unique_name (connection), path,
                          "org.gnome.Shell.SearchProvider2", method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, async_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  reply = g_dbus_connection_call_finish (connection, result, &error);
  g_assert_no_error (error);
  return reply;
}

static gboolean
has_person_dialog (gpointer data)
{
  return find_toplevel (TANDEM_TYPE_PERSON_DIALOG, data);
}

static TandemWindow *
only_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (TANDEM_IS_WINDOW (window));
  return TANDEM_WINDOW (window);
}

/* GNOME Shell's search, over D-Bus as the Shell calls it: people and
 * programs from the database the window would open, their names and
 * descriptions, and each opening where it should. */
static void
test_window_search_provider (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autofree char *name = expected_text (store, "SELECT name FROM person WHERE active = 1 AND name NOT LIKE '%''%'"
                                                " ORDER BY id LIMIT 1");
  g_autofree char *title = expected_text (store, "SELECT title FROM program ORDER BY id LIMIT 1");
  gint64 person_id = expected_count (store, "SELECT min (id) FROM person WHERE active = 1 AND name NOT LIKE '%''%'");
  gint64 program_id = expected_count (store, "SELECT min (id) FROM program");
  g_autofree char *person_item = g_strdup_printf ("person:%" G_GINT64_FORMAT, person_id);
  g_autofree char *program_item = g_strdup_printf ("program:%" G_GINT64_FORMAT, program_id);
  g_auto(GStrv) words = g_strsplit (name, " ", 2);
  g_autofree char *last_start = g_strndup (words[1], 4);
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **results = NULL;
  g_autoptr(GVariant) metas = NULL;
  GtkWidget *dialog = NULL;
  TandemWindow *window;
  GObject *page;
  guint found;

  tandem_application_set_database_path (TANDEM_APPLICATION (app), path);

  /* A first name finds people, no more than a screenful. */
  reply = call_provider ("GetInitialResultSet", g_variant_new ("(^as)", (const char * const[]) { words[0], NULL }));
  g_variant_get (reply, "(^a&s)", &results);
  g_assert_cmpuint (g_strv_length ((char **)results), >=, 1);
  g_assert_cmpuint (g_strv_length ((char **)results), <=, 20);
  found = g_strv_length ((char **)results);
  g_clear_pointer (&results, g_free);
  g_clear_pointer (&reply, g_variant_unref);

  /* More letters narrow it to the person. */
  reply = call_provider ("GetSubsearchResultSet",
                         g_variant_new ("(^as^as)", (const char * const[]) { person_item, NULL },
                                        (const char * const[]) { words[0], last_start, NULL }));
  g_variant_get (reply, "(^a&s)", &results);
  g_assert_true (g_strv_contains (results, person_item));
  g_assert_cmpuint (g_strv_length ((char **)results), <=, found);
  g_clear_pointer (&results, g_free);
  g_clear_pointer (&reply, g_variant_unref);

  /* "log session" offers logging one, first. */
  reply = call_provider ("GetInitialResultSet", g_variant_new ("(^as)", (const char * const[]) { "log", "session", NULL }));
  g_variant_get (reply, "(^a&s)", &results);
  g_assert_cmpstr (results[0], ==, "log-session");
  g_clear_pointer (&results, g_free);
  g_clear_pointer (&reply, g_variant_unref);

  /* Names, descriptions and icons; an id that names nothing is left out. */
  reply = call_provider ("GetResultMetas",
                         g_variant_new ("(^as)", (const char * const[]) { person_item, "person:999999", program_item,
                                                                          "nonsense", NULL }));
  metas = g_variant_get_child_value (reply, 0);
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (metas, i);
      g_autoptr(GVariant) icon = g_variant_lookup_value (meta, "icon", NULL);
      g_autoptr(GIcon) gicon = icon != NULL ? g_icon_deserialize (icon) : NULL;
      const char *id = NULL, *shown = NULL, *description = NULL;

      g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
      g_assert_true (g_variant_lookup (meta, "name", "&s", &shown));
      g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
      g_assert_cmpstr (id, ==, i == 0 ? person_item : program_item);
      g_assert_cmpstr (shown, ==, i == 0 ? name : title);
      g_assert_cmpuint (strlen (description), >, 0);
      g_assert_true (G_IS_THEMED_ICON (gicon));
    }
  g_clear_pointer (&reply, g_variant_unref);

  /* Activating the person opens Tandem on the People page, their dialog open. */
  g_clear_pointer (&reply, g_variant_unref);
  reply = call_provider ("ActivateResult", g_variant_new ("(s^asu)", person_item,
                                                          (const char * const[]) { words[0], NULL }, 0));
  g_assert_true (tandem_test_wait_for (has_person_dialog, &dialog));
  window = only_window ();
  g_assert_cmpstr (tandem_window_get_page (window), ==, "people");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&reply, g_variant_unref);

  /* The program opens its page in the same window. */
  reply = call_provider ("ActivateResult", g_variant_new ("(s^asu)", program_item,
                                                          (const char * const[]) { "x", NULL }, 0));
  g_assert_true (only_window () == window);
  spin ();
  g_assert_cmpstr (tandem_window_get_page (window), ==, "programs");
  page = G_OBJECT (tandem_window_get_page_widget (window, "programs"));
  g_assert_cmpstr (tandem_programs_page_get_detail_title (TANDEM_PROGRAMS_PAGE (page)), ==, title);
  g_clear_pointer (&reply, g_variant_unref);

  /* Logging a session opens its dialog. */
  dialog = NULL;
  reply = call_provider ("ActivateResult", g_variant_new ("(s^asu)", "log-session",
                                                          (const char * const[]) { "log", NULL }, 0));
  g_assert_true (tandem_test_wait_for (has_session_dialog, &dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&reply, g_variant_unref);

  /* "More results" searches the People page. */
  reply = call_provider ("LaunchSearch", g_variant_new ("(^asu)", (const char * const[]) { words[0], NULL }, 0));
  spin ();
  g_assert_cmpstr (tandem_window_get_page (window), ==, "people");
  page = G_OBJECT (tandem_window_get_page_widget (window, "people"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_test_child (page, TANDEM_TYPE_PEOPLE_PAGE, "search_entry"))),
                   ==, words[0]);

  tandem_application_set_database_path (TANDEM_APPLICATION (app), NULL);
  g_clear_object (&store);
  close_and_finalize (window);
  tandem_test_remove_dir (dir);
}

static void
run_sql (TandemStore *store,
         const char  *sql,
         gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  tandem_stmt_bind_int64 (stmt, 1, id);
  g_assert_true (tandem_stmt_step_done (stmt, &error));
  g_assert_no_error (error);
}

/* Someone else saves the person or program being edited: Save says so and
 * offers their version (Reload) or the user's (Overwrite); nothing is
 * written until the user chooses. */
static void
test_window_edit_conflict (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  g_autoptr(TandemStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *message = NULL;
  GtkEditable *name;
  gint64 person = expected_count (store, "SELECT min (id) FROM person");
  gint64 program = expected_count (store, "SELECT min (id) FROM program");

  other = tandem_store_open (path, &error);
  g_assert_no_error (error);

  dialog = tandem_person_dialog_new (NULL, store, person);
  gtk_window_present (GTK_WINDOW (dialog));
  name = GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_PERSON_DIALOG, "name_row"));
  run_sql (other, "UPDATE person SET name = 'Changed Elsewhere' WHERE id = $1", person);
  gtk_editable_set_text (name, "Mine");
  gtk_widget_activate_action (dialog, "person.save", NULL);
  g_assert_true (tandem_test_wait_for (has_message_dialog, &message));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "Changed by Someone Else");
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM person WHERE name = 'Mine'"), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "reload");
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Changed Elsewhere");
  /* From there, a save goes through. */
  gtk_editable_set_text (name, "Mine");
  gtk_widget_activate_action (dialog, "person.save", NULL);
  spin ();
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM person WHERE name = 'Mine'"), ==, 1);

  dialog = tandem_program_dialog_new (NULL, store, program);
  gtk_window_present (GTK_WINDOW (dialog));
  run_sql (other, "UPDATE program SET description = 'Theirs' WHERE id = $1", program);
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_find (dialog, has_title, "_Title")), "My Title");
  gtk_widget_activate_action (dialog, "program.save", NULL);
  message = NULL;
  g_assert_true (tandem_test_wait_for (has_message_dialog, &message));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "overwrite");
  spin ();
  /* Overwritten with what the dialog held, their description included. */
  g_assert_cmpuint (expected_count (store, "SELECT count (*) FROM program WHERE title = 'My Title'"
                                           " AND description <> 'Theirs'"), ==, 1);
  g_clear_object (&other);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

typedef struct
{
  GtkStack   *stack;
  const char *state;
} StackState;

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
is_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
stack_shows (gpointer data)
{
  StackState *want = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (want->stack), want->state) == 0;
}

/* A page whose figures cannot be read (the record gone: a server away, a
 * file moved) says so, with Try Again, rather than that there is nothing;
 * Try Again reads it once it is back. */
static void
test_window_page_failed (void)
{
  static const struct { const char *name; GType (*type) (void); void (*reload) (gpointer); } pages[] = {
    { "people", tandem_people_page_get_type, (void (*) (gpointer))tandem_people_page_reload },
    { "programs", tandem_programs_page_get_type, (void (*) (gpointer))tandem_programs_page_reload },
    { "coaching", tandem_coaching_page_get_type, (void (*) (gpointer))tandem_coaching_page_reload },
    { "surveys", tandem_surveys_page_get_type, (void (*) (gpointer))tandem_surveys_page_reload },
  };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *away = g_build_filename (dir, "away.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 2025);
  TandemWindow *window = tandem_window_new (GTK_APPLICATION (app), store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (is_mapped, window));
  spin ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GObject *page = G_OBJECT (tandem_window_get_page_widget (window, pages[i].name));
      StackState failed = { GTK_STACK (tandem_test_child (page, pages[i].type (), "stack")), "failed" };
      StackState list = { failed.stack, "list" };
      AdwStatusPage *status;

      tandem_window_show_page (window, pages[i].name);
      spin ();
      g_assert_cmpint (g_rename (path, away), ==, 0);
      pages[i].reload (page);
      g_assert_true (tandem_test_wait_for (stack_shows, &failed));
      status = ADW_STATUS_PAGE (gtk_stack_get_visible_child (failed.stack));
      g_assert_nonnull (strstr (adw_status_page_get_description (status), "There is no database"));

      g_assert_cmpint (g_rename (away, path), ==, 0);
      gtk_widget_activate (tandem_test_find (GTK_WIDGET (status), is_button_labelled, "_Try Again"));
      if (!tandem_test_wait_for (stack_shows, &list))
        g_error ("%s shows %s after Try Again: %s", pages[i].name, gtk_stack_get_visible_child_name (list.stack),
                 adw_status_page_get_description (status));
    }

  /* The dashboard, whose figures would otherwise read as zeros. */
  {
    GObject *page = G_OBJECT (tandem_window_get_page_widget (window, "dashboard"));
    GtkWidget *scroller = GTK_WIDGET (tandem_test_child (page, TANDEM_TYPE_DASHBOARD_PAGE, "scroller"));
    GtkWidget *status;

    tandem_window_show_page (window, "dashboard");
    spin ();
    g_assert_cmpint (g_rename (path, away), ==, 0);
    tandem_dashboard_page_reload (TANDEM_DASHBOARD_PAGE (page));
    g_assert_true (tandem_test_wait_for (is_hidden, scroller));
    status = gtk_widget_get_last_child (GTK_WIDGET (page));
    g_assert_true (ADW_IS_STATUS_PAGE (status) && gtk_widget_get_visible (status));
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "There is no database"));
    g_assert_cmpint (g_rename (away, path), ==, 0);
    gtk_widget_activate (tandem_test_find (status, is_button_labelled, "_Try Again"));
    g_assert_true (tandem_test_wait_for (is_shown, scroller));
    g_assert_false (gtk_widget_get_visible (status));
  }
  close_and_finalize (window);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;
  int status;

  g_test_init (&argc, &argv, NULL);

  bus = tandem_test_fake_notifications_start (&fake_notifications);
  app = tandem_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/tandem/window/visits-every-page", test_window_visits_every_page);
  g_test_add_func ("/tandem/window/loads-after-first-frame", test_window_loads_after_first_frame);
  g_test_add_func ("/tandem/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/tandem/window/main-menu", test_window_main_menu);
  g_test_add_func ("/tandem/window/welcome-then-demo", test_window_welcome_then_demo);
  g_test_add_func ("/tandem/window/welcome-choices", test_window_welcome_choices);
  g_test_add_func ("/tandem/window/remove-demo", test_window_remove_demo);
  g_test_add_func ("/tandem/window/presentation", test_window_presentation);
  g_test_add_func ("/tandem/window/refused-file", test_window_refused_file);
  g_test_add_func ("/tandem/window/log-session", test_window_log_session);
  g_test_add_func ("/tandem/window/overlong-values", test_window_overlong_values);
  g_test_add_func ("/tandem/window/program-owner", test_window_program_owner);
  g_test_add_func ("/tandem/window/overdue-notification", test_window_overdue_notification);
  g_test_add_func ("/tandem/window/import-dialog", test_window_import_dialog);
  g_test_add_func ("/tandem/window/second-instance", test_window_second_instance);
  g_test_add_func ("/tandem/window/other-writer", test_window_other_writer);
  g_test_add_func ("/tandem/window/delete-session", test_window_delete_session);
  g_test_add_func ("/tandem/window/narrow", test_window_narrow);
  g_test_add_func ("/tandem/window/form-validation", test_window_form_validation);
  g_test_add_func ("/tandem/window/person-dialog", test_window_person_dialog);
  g_test_add_func ("/tandem/window/edit-conflict", test_window_edit_conflict);
  g_test_add_func ("/tandem/window/page-failed", test_window_page_failed);
  g_test_add_func ("/tandem/window/waves", test_window_waves);
  g_test_add_func ("/tandem/window/enrol-by-name", test_window_enrol_by_name);
  g_test_add_func ("/tandem/window/preferences-height", test_window_preferences_height);
  g_test_add_func ("/tandem/window/competencies", test_window_competencies);
  g_test_add_func ("/tandem/window/desktop-actions", test_window_desktop_actions);
  g_test_add_func ("/tandem/window/accessible", test_window_accessible);
  g_test_add_func ("/tandem/window/search-provider", test_window_search_provider);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_object (&bus);
  return status;
}
