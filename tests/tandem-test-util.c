/* tandem-test-util.c — helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tandem-demo.h"
#include "tandem-server.h"
#include "tandem-person.h"
#include "tandem-program.h"
#include "tandem-store-private.h"
#include "tandem-test-util.h"
#include "tandem-types.h"

char *
tandem_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tandem-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
tandem_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        tandem_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

char *
tandem_test_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A server's record: every row of every table. */
  if (tandem_server_is_uri (path))
    {
      g_autoptr(TandemStore) store = tandem_store_open (path, &error);

      g_assert_no_error (error);
      contents = tandem_test_dump (store);
      return g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
    }
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

void
tandem_test_write_file (const char *path,
                        const void *data,
                        gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize)length, &error);
  g_assert_no_error (error);
}

/* Every row of every table, in a stable order: two stores with equal dumps
 * hold the same data. */
char *
tandem_test_dump (TandemStore *store)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(TandemStmt) tables = NULL;
  g_autoptr(GError) error = NULL;

  tables = tandem_store_prepare (store,
                                 tandem_server_is_uri (tandem_store_get_path (store))
                                 ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                   " AND table_type = 'BASE TABLE' ORDER BY table_name"
                                 : "SELECT name FROM sqlite_master WHERE type = 'table'"
                                   " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                 &error);
  g_assert_no_error (error);

  while (tandem_stmt_step (tables, NULL) == TANDEM_STEP_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                              tandem_stmt_get_text (tables, 0));
      g_autoptr(TandemStmt) rows = tandem_store_prepare (store, sql, &error);

      g_assert_no_error (error);
      g_string_append_printf (dump, "[%s]\n", tandem_stmt_get_text (tables, 0));
      while (tandem_stmt_step (rows, NULL) == TANDEM_STEP_ROW)
        {
          for (int c = 0; c < tandem_stmt_get_n_columns (rows); c++)
            g_string_append_printf (dump, "%s|", tandem_stmt_get_whole_text (rows, c));
          g_string_append_c (dump, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* The fixed day the tests date the demo organisation from. */
GDate *
tandem_test_demo_today (void)
{
  return g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
}

TandemStore *
tandem_test_demo_store (const char *path,
                        guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = tandem_test_demo_today ();
  TandemStore *store = tandem_store_open (path, &error);

  g_assert_no_error (error);
  tandem_demo_populate (store, seed, today, FALSE, &error);
  g_assert_no_error (error);
  return store;
}

/* Puts back the two person indexes schema 8 made one, so a test can mark
 * a current file as schema 7 and watch it migrate. */
void
tandem_test_make_v7 (TandemStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_exec (store,
                                    "DROP INDEX person_summary;"
                                    "CREATE INDEX person_role ON person (role_id, active, learning,"
                                    "                                    has_tool_access, is_champion);"
                                    "CREATE INDEX person_department ON person (department_id, active, learning,"
                                    "                                          has_tool_access, is_champion);"
                                    "PRAGMA user_version = 7;",
                                    &error));
  g_assert_no_error (error);
}

/* Takes away what schema 7 added (a wave's respondents, in place of an
 * index), so a test can mark a current file as schema 6 and watch it
 * migrate. */
void
tandem_test_make_v6 (TandemStore *store)
{
  g_autoptr(GError) error = NULL;

  tandem_test_make_v7 (store);
  g_assert_true (tandem_store_exec (store,
                                    "ALTER TABLE survey_wave DROP COLUMN respondents;"
                                    "CREATE INDEX survey_response_wave ON survey_response (wave_id);"
                                    "PRAGMA user_version = 6;",
                                    &error));
  g_assert_no_error (error);
}

/* Takes away what schema 6 added (competencies, a program's duration), so
 * a test can mark a current file as schema 5 and watch it migrate. */
void
tandem_test_make_v5 (TandemStore *store)
{
  g_autoptr(GError) error = NULL;

  tandem_test_make_v6 (store);
  g_assert_true (tandem_store_exec (store,
                                    "DROP TABLE program_competency;"
                                    "DROP TABLE role_competency;"
                                    "DROP TABLE competency_level;"
                                    "DROP TABLE competency;"
                                    "ALTER TABLE program DROP COLUMN duration_hours;"
                                    "PRAGMA user_version = 5;",
                                    &error));
  g_assert_no_error (error);
}

/* Takes away what schema 5 added (the learning summary), so a test can mark
 * a current file as schema 4 and watch it migrate. */
void
tandem_test_make_v4 (TandemStore *store)
{
  g_autoptr(GError) error = NULL;

  tandem_test_make_v5 (store);
  g_assert_true (tandem_store_exec (store,
                                    "DROP TRIGGER enrollment_learning_update;"
                                    "DROP TRIGGER enrollment_learning_delete;"
                                    "DROP INDEX person_role;"
                                    "DROP INDEX person_department;"
                                    "ALTER TABLE person DROP COLUMN learning;"
                                    "CREATE INDEX person_role ON person (role_id);"
                                    "CREATE INDEX person_department ON person (department_id);"
                                    "PRAGMA user_version = 4;",
                                    &error));
  g_assert_no_error (error);
}

/* Puts the survey tables back as schema 3 had them (empty), so a test can
 * mark a current file as an older version and watch it migrate. */
void
tandem_test_make_v3_surveys (TandemStore *store)
{
  g_autoptr(GError) error = NULL;

  tandem_test_make_v4 (store);
  g_assert_true (tandem_store_exec (store,
                                    "DROP TABLE survey_tally;"
                                    "DROP TABLE survey_response;"
                                    "CREATE TABLE survey_response ("
                                    "  id             INTEGER PRIMARY KEY,"
                                    "  item_id        INTEGER NOT NULL REFERENCES survey_item (id) ON DELETE CASCADE,"
                                    "  level          TEXT NOT NULL"
                                    "                 CHECK (level IN ('executive', 'manager', 'individual_contributor')),"
                                    "  role_id        INTEGER REFERENCES role (id) ON DELETE SET NULL,"
                                    "  department_id  INTEGER REFERENCES department (id) ON DELETE SET NULL,"
                                    "  score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5)"
                                    ");"
                                    "CREATE INDEX survey_response_item ON survey_response (item_id, level);"
                                    "PRAGMA user_version = 3;",
                                    &error));
  g_assert_no_error (error);
}

/* Whether the tests run under valgrind or a sanitizer: slower, and with
 * memory figures that are not the program's own. */
gboolean
tandem_test_is_instrumented (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return TRUE;
#else
  return g_getenv ("TANDEM_TEST_UNDER_VALGRIND") != NULL;
#endif
}

/* Whether @report names a problem at @line and @column (%NULL: the whole
 * row) whose reason holds @reason; every problem is logged on the way. */
gboolean
tandem_test_report_has_problem (TandemImportReport *report,
                                guint               line,
                                const char         *column,
                                const char         *reason)
{
  gboolean found = FALSE;

  for (guint p = 0; p < report->problems->len; p++)
    {
      TandemImportProblem *problem = g_ptr_array_index (report->problems, p);
      g_autofree char *text = tandem_import_problem_format (problem);

      g_test_message ("  %s", text);
      if (problem->line == line && g_strcmp0 (problem->column, column) == 0 &&
          strstr (problem->reason, reason) != NULL)
        found = TRUE;
    }
  return found;
}

/* A stand-in for the desktop's notification server, under both names GLib
 * may send to (org.gtk.Notifications, org.freedesktop.Notifications): it
 * keeps the title and body of what it was sent. */
static void
fake_notifications_method (GDBusConnection       *connection,
                           const char            *sender,
                           const char            *object_path,
                           const char            *interface_name,
                           const char            *method_name,
                           GVariant              *parameters,
                           GDBusMethodInvocation *invocation,
                           gpointer               user_data)
{
  TandemFakeNotifications *fake = user_data;

  if (g_str_equal (method_name, "AddNotification") || g_str_equal (method_name, "Notify"))
    {
      g_free (fake->title);
      g_free (fake->body);
      fake->title = fake->body = NULL;
      if (g_str_equal (method_name, "Notify"))
        g_variant_get (parameters, "(&su&sss@as@a{sv}i)", NULL, NULL, NULL, &fake->title, &fake->body, NULL, NULL,
                       NULL);
      else
        {
          g_autoptr(GVariant) notification = NULL;

          g_variant_get (parameters, "(&s&s@a{sv})", NULL, NULL, &notification);
          g_variant_lookup (notification, "title", "s", &fake->title);
          g_variant_lookup (notification, "body", "s", &fake->body);
        }
      fake->n_added++;
    }
  else
    fake->n_removed++;

  if (g_str_equal (method_name, "Notify"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", fake->n_added));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_fake_notifications (GDBusConnection         *bus,
                          TandemFakeNotifications *fake,
                          const char              *name,
                          const char              *path,
                          const char              *xml)
{
  static const GDBusInterfaceVTable vtable = { fake_notifications_method, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 owner;

  g_assert_nonnull (info);
  g_dbus_connection_register_object (bus, path, info->interfaces[0], &vtable, fake, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName", g_variant_new ("(su)", name, 4), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &owner);
  g_assert_cmpuint (owner, ==, 1);   /* the primary owner */
}

/**
 * tandem_test_fake_notifications_start:
 * @fake: what was sent, counted
 *
 * Returns: the session bus, to keep: the names go when the last reference does
 */
GDBusConnection *
tandem_test_fake_notifications_start (TandemFakeNotifications *fake)
{
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  g_assert_nonnull (bus);
  serve_fake_notifications (bus, fake, "org.gtk.Notifications", "/org/gtk/Notifications",
                            "<node><interface name='org.gtk.Notifications'>"
                            "<method name='AddNotification'><arg type='s' direction='in'/>"
                            "<arg type='s' direction='in'/><arg type='a{sv}' direction='in'/></method>"
                            "<method name='RemoveNotification'><arg type='s' direction='in'/>"
                            "<arg type='s' direction='in'/></method></interface></node>");
  serve_fake_notifications (bus, fake, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                            "<node><interface name='org.freedesktop.Notifications'>"
                            "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
                            "<arg type='s' direction='in'/><arg type='s' direction='in'/>"
                            "<arg type='s' direction='in'/><arg type='as' direction='in'/>"
                            "<arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
                            "<arg type='u' direction='out'/></method>"
                            "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
                            "</interface></node>");
  return bus;
}

static gint64
save_person (TandemStore  *store,
             gint64        id,
             const char   *version,
             const char   *name,
             TandemLevel   level,
             GError      **error)
{
  TandemPersonDraft draft = { "V-1", name, "ada@example.com", "Finance", "Analyst", level, FALSE, TRUE, TRUE };

  return tandem_person_save (store, id, version, &draft, error);
}

static gint64
save_program (TandemStore         *store,
              gint64               id,
              const char          *version,
              const char          *title,
              const char * const  *roles,
              GError             **error)
{
  TandemProgramDraft draft = { title, "", TANDEM_FORMAT_WORKSHOP, 1u << TANDEM_TOPIC_BASICS, roles,
                               "2026-01-05", "2026-03-31", 0, 20, 0 };

  return tandem_program_save (store, id, version, &draft, error);
}

static char *
person_name (TandemStore *store,
             gint64       id)
{
  g_autoptr(TandemPerson) person = tandem_person_lookup (store, id, NULL);

  g_assert_nonnull (person);
  return g_strdup (tandem_person_get_name (person));
}

/**
 * tandem_test_check_versions:
 * @a: one person's store
 * @b: another's, on the same record (the same file, or the same server)
 *
 * Two people edit the same person and the same program: the second save,
 * from the version read before the first, is told and changes nothing;
 * saved anyway (no version), it overwrites. What an editor does not show
 * (a person's learning, kept by their enrollments) is no change.
 */
void
tandem_test_check_versions (TandemStore *a,
                            TandemStore *b)
{
  static const char * const analysts[] = { "Analyst", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL, *again = NULL, *program_seen = NULL, *name = NULL;
  gint64 person, program;

  person = save_person (a, 0, NULL, "Ada", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, &error);
  g_assert_no_error (error);
  program = save_program (a, 0, NULL, "Versions 101", analysts, &error);
  g_assert_no_error (error);
  seen = tandem_person_dup_version (a, person, &error);
  g_assert_no_error (error);
  program_seen = tandem_program_dup_version (a, program, &error);
  g_assert_no_error (error);

  /* Unchanged by what the dialog does not show. */
  {
    g_autoptr(TandemStmt) enrol = tandem_store_prepare (b, "INSERT INTO enrollment (person_id, program_id, status)"
                                                           " VALUES ($1, $2, 'completed')", &error);

    g_assert_no_error (error);
    tandem_stmt_bind_int64 (enrol, 1, person);
    tandem_stmt_bind_int64 (enrol, 2, program);
    g_assert_true (tandem_stmt_step_done (enrol, &error));
    g_assert_no_error (error);
  }
  again = tandem_person_dup_version (a, person, &error);
  g_assert_cmpstr (again, ==, seen);

  /* B saves first; A, from what it read before, is told. */
  {
    g_autofree char *theirs = tandem_person_dup_version (b, person, &error);

    g_assert_cmpint (save_person (b, person, theirs, "Ada L.", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, &error), ==,
                     person);
    g_assert_no_error (error);
  }
  g_assert_cmpint (save_person (a, person, seen, "Ada Lovelace", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  name = person_name (b, person);
  g_assert_cmpstr (name, ==, "Ada L.");
  g_clear_pointer (&name, g_free);

  /* The role's level shows in the dialog: changed through anyone in the
   * role, it is a change too. */
  g_clear_pointer (&seen, g_free);
  seen = tandem_person_dup_version (a, person, &error);
  {
    TandemPersonDraft other = { "V-2", "Bo", "", "Finance", "Analyst", TANDEM_LEVEL_MANAGER, FALSE, FALSE, TRUE };

    g_assert_cmpint (tandem_person_save (b, 0, NULL, &other, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (save_person (a, person, seen, "Ada Lovelace", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CHANGED);
  g_clear_error (&error);

  /* Overwrite: saved with no version. */
  g_assert_cmpint (save_person (a, person, NULL, "Ada Lovelace", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, &error), ==,
                   person);
  g_assert_no_error (error);
  name = person_name (b, person);
  g_assert_cmpstr (name, ==, "Ada Lovelace");

  /* A program's target roles are part of it. */
  g_assert_cmpint (save_program (b, program, NULL, "Versions 101", NULL, &error), ==, program);
  g_assert_no_error (error);
  g_assert_cmpint (save_program (a, program, program_seen, "Versions 102", analysts, &error), ==, 0);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_clear_pointer (&program_seen, g_free);
  program_seen = tandem_program_dup_version (a, program, &error);
  g_assert_cmpint (save_program (a, program, program_seen, "Versions 102", analysts, &error), ==, program);
  g_assert_no_error (error);
}

static char *(*database_maker) (void);

/* Makes tandem_test_fresh_database() give a new database on a server. */
void
tandem_test_set_database_maker (char *(*maker) (void))
{
  database_maker = maker;
}

/**
 * tandem_test_fresh_database:
 * @dir: a test's own folder
 * @name: the file's name in it
 *
 * Returns: (transfer full): where a test keeps its record: a new file
 *   @name in @dir, or, for the tests run on the second engine, a new database on
 *   the test's PostgreSQL cluster
 */
char *
tandem_test_fresh_database (const char *dir,
                            const char *name)
{
  if (database_maker != NULL)
    return database_maker ();
  return g_build_filename (dir, name, NULL);
}

/**
 * tandem_test_skip_on_server:
 *
 * For a test of what only a file has (its header, its schema's
 * migrations): says so and returns %TRUE on the second engine.
 */
gboolean
tandem_test_skip_on_server (void)
{
  if (database_maker == NULL)
    return FALSE;
  g_test_skip ("a file's own: not on a server");
  return TRUE;
}
