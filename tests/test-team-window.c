/* test-team-window.c — the window on a team server, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A throwaway PostgreSQL cluster (tandem-test-pg.c) holds the demo
 * organisation; the window connects to it without blocking, names it in
 * its subtitle, shows what another login commits within moments, asks
 * for a password when the server wants one and keeps it in the keyring
 * (a GNOME keyring of the test's own: with-keyring.sh), and says so, with
 * a way on, when the server cannot be reached. Each test runs in a child
 * process, so that a failure still leaves the parent to stop the cluster.
 */
#include "config.h"

#include <adwaita.h>
#include <libsecret/secret.h>
#include <string.h>
#include <sys/stat.h>

#include "tandem-application.h"
#include "tandem-coaching-page.h"
#include "tandem-connect-dialog.h"
#include "tandem-types.h"
#include "tandem-demo.h"
#include "tandem-load.h"
#include "tandem-server.h"
#include "tandem-test-pg.h"
#include "tandem-test-gtk.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

/* The same schema Tandem keeps passwords under. */
static const SecretSchema password_schema = {
  APPLICATION_ID ".TeamServer", SECRET_SCHEMA_NONE,
  { { "uri", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
};

static gboolean
shows_pages (gpointer data)
{
  return g_strcmp0 (tandem_test_main_state (data), "main") == 0;
}

static gboolean
shows_unreachable (gpointer data)
{
  return g_strcmp0 (tandem_test_main_state (data), "unreachable") == 0;
}

static gboolean
has_subtitle_containing (GtkWidget  *widget,
                         const char *text)
{
  return ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
         strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Find;

static gboolean
shows_subtitle (gpointer data)
{
  Find *find = data;

  return tandem_test_find (find->root, has_subtitle_containing, find->text) != NULL;
}

static gboolean
lacks_subtitle (gpointer data)
{
  return !shows_subtitle (data);
}

static GtkWidget *
find_connect_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_CONNECT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static gboolean
has_connect_dialog (gpointer data)
{
  return find_connect_dialog () != NULL;
}

static gboolean
no_connect_dialog (gpointer data)
{
  return find_connect_dialog () == NULL;
}

static gboolean
error_shown (gpointer data)
{
  GtkLabel *label = GTK_LABEL (tandem_test_child (data, TANDEM_TYPE_CONNECT_DIALOG, "error_label"));

  return gtk_widget_get_visible (GTK_WIDGET (label)) && *gtk_label_get_text (label) != '\0';
}

static void
close_window (TandemWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  while (weak != NULL || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, weak != NULL);
}

/* A database on the cluster, owned by admin, with the demo organisation:
 * its URI as admin. */
static char *
demo_organisation (const char *database)
{
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s OWNER admin", database);
  char *uri = tandem_test_pg_uri (database, "admin");
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;

  tandem_test_pg_ok (super, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'admin') THEN"
                            "  CREATE ROLE admin LOGIN CREATEROLE; END IF; END $$");
  tandem_test_pg_ok (super, create);
  g_assert_true (tandem_server_init (uri, &error));
  g_assert_no_error (error);
  store = tandem_test_demo_store (uri, TANDEM_DEMO_DEFAULT_SEED);
  return uri;
}

/* The window connects off the main thread, names the server in its
 * subtitle, and shows a session another login logs, with no reload asked
 * for: an executive logs one, the L&D manager's Coaching page has it. */
static void
check_connects_and_hears (void)
{
  g_autofree char *uri = demo_organisation ("live");
  g_autoptr(PGconn) other = tandem_test_pg_connect ("live", "admin");
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autofree char *iso = tandem_date_to_iso (today);
  g_autofree char *last_on = g_strdup_printf ("last on %s", iso);
  g_autofree char *insert = NULL;
  g_autofree char *pair = NULL;
  TandemWindow *window = tandem_window_new_for_server (GTK_APPLICATION (app), uri);
  GtkWidget *coaching;

  /* The pages wait for the server; the window does not. */
  g_assert_cmpstr (tandem_test_main_state (window), ==, "connecting");
  g_assert_null (tandem_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (shows_pages, window));
  g_assert_nonnull (tandem_window_get_store (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (tandem_test_child (window, TANDEM_TYPE_WINDOW, "page_title"))),
                   ==, "live on this computer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Tandem — live on this computer");

  tandem_window_show_page (window, "coaching");
  coaching = GTK_WIDGET (G_OBJECT (tandem_window_get_page_widget (window, "coaching")));
  tandem_test_pg_ok (other, "DELETE FROM coaching_session WHERE held_on >= to_char (current_date, 'YYYY-MM-DD')");
  g_assert_true (tandem_test_wait_for (lacks_subtitle, &(Find) { coaching, last_on }));

  pair = tandem_test_pg_value (other, "SELECT min (id) FROM mentoring_pair WHERE active = 1");
  insert = g_strdup_printf ("INSERT INTO coaching_session (pair_id, held_on, insight) VALUES (%s, '%s', 'From psql')",
                            pair, iso);
  tandem_test_pg_ok (other, insert);
  g_assert_true (tandem_test_wait_for (shows_subtitle, &(Find) { coaching, last_on }));
  close_window (window);
}

static gboolean
page_visible (TandemWindow *window,
              const char   *name)
{
  GtkStack *stack = GTK_STACK (tandem_test_child (window, TANDEM_TYPE_WINDOW, "page_stack"));

  return gtk_stack_page_get_visible (gtk_stack_get_page (stack, gtk_stack_get_child_by_name (stack, name)));
}

/* What each login's window offers: a member their own pairs only (the
 * other pages would show what the server refuses them), a leader every
 * page and chart but nothing that writes on its own; the owner all. */
static void
check_access (void)
{
  static const char * const pages[] = { "dashboard", "programs", "people", "coaching", "surveys" };
  g_autofree char *admin_uri = demo_organisation ("roles");
  g_autoptr(PGconn) owner = tandem_test_pg_connect ("roles", "admin");
  g_autofree char *executive = tandem_test_pg_value (owner, "SELECT p.external_id FROM mentoring_pair mp"
                                                            " JOIN person p ON p.id = mp.executive_id"
                                                            " ORDER BY mp.id LIMIT 1");
  g_autoptr(GError) error = NULL;
  const char *logins[] = { "admin", "lee", "eve" };

  g_assert_true (tandem_server_grant (admin_uri, "lee", "leader", NULL, &error));
  g_assert_true (tandem_server_grant (admin_uri, "eve", "member", executive, &error));
  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (logins); l++)
    {
      g_autofree char *uri = tandem_test_pg_uri ("roles", logins[l]);
      TandemWindow *window = tandem_window_new_for_server (GTK_APPLICATION (app), uri);
      gboolean member = l == 2, leader = l == 1;

      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (tandem_test_wait_for (shows_pages, window));
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        g_assert_true (page_visible (window, pages[i]) == (!member || g_str_equal (pages[i], "coaching")));
      if (member)
        g_assert_cmpstr (tandem_window_get_page (window), ==, "coaching");
      /* What the group may not do is not offered: writing, for a leader;
       * the reports and charts, for a member. */
      g_assert_true (gtk_widget_is_sensitive (tandem_test_find (tandem_window_get_page_widget (window, "coaching"),
                                                                tandem_test_has_action_name,
                                                                "win.log-session")) == !leader);
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (tandem_test_child (window, TANDEM_TYPE_WINDOW,
                                                                             "export_button"))) == !member);
      close_window (window);
    }
}

static TandemWindow *
only_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return g_list_length (windows) == 1 && TANDEM_IS_WINDOW (windows->data) ? windows->data : NULL;
}

static gboolean
window_on_server (gpointer data)
{
  TandemWindow *window = only_window ();

  return window != NULL && tandem_window_get_server (window) != NULL && tandem_window_get_store (window) != NULL;
}

static gboolean
window_on_file (gpointer data)
{
  TandemWindow *window = only_window ();

  return window != NULL && tandem_window_get_server (window) == NULL && tandem_window_get_store (window) != NULL &&
         g_strcmp0 (tandem_store_get_path (tandem_window_get_store (window)), data) == 0;
}

/* From the main menu: Connect to a Team Server… takes the window from the
 * local file to the server and remembers the address (and only that) for
 * the next start; Open the Local File goes back and forgets it. */
static void
check_switching (void)
{
  g_autofree char *uri = demo_organisation ("switch");
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *file = g_build_filename (dir, "local.db", NULL);
  g_autoptr(TandemStore) local = tandem_test_demo_store (file, 7);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *remembered = NULL;
  GtkWidget *dialog;

  g_setenv ("TANDEM_DATABASE", file, TRUE);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (tandem_test_wait_for (window_on_file, file));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "use-local-file"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "connect-server", NULL);
  g_assert_true (tandem_test_wait_for (has_connect_dialog, NULL));
  dialog = find_connect_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "uri_row")), uri);
  gtk_widget_activate_action (dialog, "connect.connect", NULL);
  g_assert_true (tandem_test_wait_for (window_on_server, NULL));
  remembered = g_settings_get_string (settings, "server");
  g_assert_cmpstr (remembered, ==, uri);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "use-local-file"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "use-local-file", NULL);
  g_assert_true (tandem_test_wait_for (window_on_file, file));
  g_clear_pointer (&remembered, g_free);
  remembered = g_settings_get_string (settings, "server");
  g_assert_cmpstr (remembered, ==, "");
  close_window (only_window ());
  g_clear_object (&local);
  tandem_test_remove_dir (dir);
}

/* A login the server asks a password of: the window says so and the
 * dialog asks; a wrong password is told and can be typed again; the right
 * one opens the pages and goes to the keyring, from which the next window
 * signs in without asking. */
static void
check_password (void)
{
  g_autofree char *admin_uri = demo_organisation ("locked");
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *hba = g_build_filename (tandem_test_pg_dir (), "data", "pg_hba.conf", NULL);
  g_autofree char *rules = NULL;
  g_autofree char *asked = NULL;
  g_autofree char *uri = tandem_test_pg_uri ("locked", "pia");
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  TandemWindow *window;
  GtkWidget *dialog;

  g_assert_true (g_file_get_contents (hba, &rules, NULL, NULL));
  asked = g_strconcat ("local all pia scram-sha-256\n", rules, NULL);
  g_assert_true (g_file_set_contents (hba, asked, -1, NULL));
  g_assert_cmpint (chmod (hba, 0644), ==, 0);
  tandem_test_pg_ok (super, "CREATE ROLE pia LOGIN PASSWORD 'tandem-pia' IN ROLE tandem_manager");
  tandem_test_pg_ok (super, "SELECT pg_reload_conf ()");

  window = tandem_window_new_for_server (GTK_APPLICATION (app), uri);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (has_connect_dialog, NULL));
  g_assert_cmpstr (tandem_test_main_state (window), ==, "unreachable");
  dialog = find_connect_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "uri_row"))),
                   ==, uri);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "password_row"))));

  /* Wrong, then right. */
  gtk_label_set_text (GTK_LABEL (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "error_label")), "");
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "password_row")), "not-hers");
  gtk_widget_activate_action (dialog, "connect.connect", NULL);
  g_assert_true (tandem_test_wait_for (error_shown, dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "error_label"))),
                            "did not accept"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "password_row"))),
                   ==, "");
  gtk_editable_set_text (GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "password_row")), "tandem-pia");
  gtk_widget_activate_action (dialog, "connect.connect", NULL);
  g_assert_true (tandem_test_wait_for (no_connect_dialog, NULL));
  g_assert_true (tandem_test_wait_for (shows_pages, window));
  close_window (window);

  /* In the keyring, not only in memory: a new run signs in with it. */
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (kept == NULL && g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        kept = secret_password_lookup_sync (&password_schema, NULL, &error, "uri", uri, NULL);
        g_assert_no_error (error);
      }
  }
  g_assert_cmpstr (kept, ==, "tandem-pia");
  tandem_server_set_password (uri, NULL);
  window = tandem_window_new_for_server (GTK_APPLICATION (app), uri);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (shows_pages, window));
  g_assert_null (find_connect_dialog ());
  close_window (window);

  g_assert_true (g_file_set_contents (hba, rules, -1, NULL));
  g_assert_cmpint (chmod (hba, 0644), ==, 0);
  tandem_test_pg_ok (super, "SELECT pg_reload_conf ()");
}

/* A server that does not answer: a page that says so, Try Again (which
 * tries, and says so again), and the local file. */
static void
check_unreachable (void)
{
  g_autofree char *uri = g_strdup_printf ("postgresql:///tandem?host=%s/nowhere&user=admin", tandem_test_pg_dir ());
  TandemWindow *window = tandem_window_new_for_server (GTK_APPLICATION (app), uri);
  AdwStatusPage *page = ADW_STATUS_PAGE (tandem_test_child (window, TANDEM_TYPE_WINDOW, "unreachable_page"));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_test_wait_for (shows_unreachable, window));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "The Team Server Cannot Be Reached");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "nowhere"));
  g_assert_null (find_connect_dialog ());
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-session", NULL) &&
                  tandem_window_get_store (window) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reconnect", NULL));
  g_assert_cmpstr (tandem_test_main_state (window), ==, "connecting");
  g_assert_true (tandem_test_wait_for (shows_unreachable, window));
  close_window (window);
}

/* The dialog keeps a password out of the address (which is kept in the
 * settings) and says what an address looks like. */
static void
check_dialog_refuses (void)
{
  GtkWindow *dialog = tandem_connect_dialog_new (NULL, "db.example.org/tandem", NULL);
  GtkLabel *error_label = GTK_LABEL (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "error_label"));
  GtkEditable *uri_row = GTK_EDITABLE (tandem_test_child (dialog, TANDEM_TYPE_CONNECT_DIALOG, "uri_row"));

  gtk_window_present (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "postgresql://"));

  gtk_editable_set_text (uri_row, "postgresql://anna:hunter2@db.example.org/tandem");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "Leave the password out"));
  g_assert_true (has_connect_dialog (NULL));
  gtk_window_destroy (dialog);
}

static void
test_in_child (gconstpointer data)
{
  void (*check) (void) = (void (*) (void))data;

  if (g_test_subprocess ())
    {
      static TandemFakeNotifications notifications;
      g_autoptr(GDBusConnection) bus = tandem_test_fake_notifications_start (&notifications);
      g_autoptr(GError) error = NULL;

      app = tandem_application_new (G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
      check ();
      g_clear_object (&app);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/tandem/team-window/connects-and-hears", (gconstpointer)check_connects_and_hears,
                        test_in_child);
  g_test_add_data_func ("/tandem/team-window/password", (gconstpointer)check_password, test_in_child);
  g_test_add_data_func ("/tandem/team-window/access", (gconstpointer)check_access, test_in_child);
  g_test_add_data_func ("/tandem/team-window/switching", (gconstpointer)check_switching, test_in_child);
  g_test_add_data_func ("/tandem/team-window/unreachable", (gconstpointer)check_unreachable, test_in_child);
  g_test_add_data_func ("/tandem/team-window/dialog-refuses", (gconstpointer)check_dialog_refuses, test_in_child);

  return tandem_test_pg_run ();
}
