/* tandem-test-pg.c — a throwaway PostgreSQL cluster for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts a cluster of the test's own (initdb, a Unix socket in a
 * temporary folder, no network; run as the postgres user when the test
 * runs as root), and signs in to it as psql would.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "tandem-server.h"
#include "tandem-test-pg.h"
#include "tandem-test-util.h"

typedef struct
{
  char *dir;       /* the cluster, its socket and its log */
  char *bindir;
} Cluster;

static Cluster cluster;

const char *
tandem_test_pg_dir (void)
{
  return cluster.dir;
}

/* A child process reaches the cluster its parent started in @dir. */
void
tandem_test_pg_attach (const char *dir)
{
  g_free (cluster.dir);
  cluster.dir = g_strdup (dir);
}


/* Runs a PostgreSQL program of @bindir, as the postgres user when root. */
static gboolean
run_pg (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (geteuid () == 0)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (cluster.bindir, args[0], NULL));
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("%s failed: %s%s\n", args[0], error != NULL ? error->message : "", err != NULL ? err : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_test_pg_start (void)
{
  g_autofree char *data = NULL;
  g_autofree char *log = NULL;
  g_autofree char *options = NULL;

  cluster.bindir = g_strdup (g_getenv ("TANDEM_PG_BINDIR"));
  cluster.dir = g_dir_make_tmp ("tandem-pg-XXXXXX", NULL);
  g_assert_nonnull (cluster.dir);
  data = g_build_filename (cluster.dir, "data", NULL);
  log = g_build_filename (cluster.dir, "log", NULL);
  options = g_strdup_printf ("-k %s -c listen_addresses='' -c fsync=off", cluster.dir);
  if (geteuid () == 0)
    {
      struct passwd *postgres = getpwnam ("postgres");

      g_assert_nonnull (postgres);
      g_assert_cmpint (chown (cluster.dir, postgres->pw_uid, postgres->pw_gid), ==, 0);
    }

  {
    const char *initdb[] = { "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync",
                             "-E", "UTF8", "--locale=C.UTF-8", NULL };
    const char *start[] = { "pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start", NULL };

    return run_pg (initdb) && run_pg (start);
  }
}

void
tandem_test_pg_stop (void)
{
  g_autofree char *data = g_build_filename (cluster.dir, "data", NULL);
  const char *stop[] = { "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", NULL };

  run_pg (stop);
  tandem_test_remove_dir (cluster.dir);
  g_clear_pointer (&cluster.dir, g_free);
  g_clear_pointer (&cluster.bindir, g_free);
}

char *
tandem_test_pg_uri (const char *database,
         const char *user)
{
  return g_strdup_printf ("postgresql:///%s?host=%s&user=%s", database, cluster.dir, user);
}

PGconn *
tandem_test_pg_connect (const char *database,
            const char *user)
{
  g_autofree char *uri = tandem_test_pg_uri (database, user);
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect as %s: %s", user, PQerrorMessage (conn));
  return conn;
}

/* Runs @sql, which must succeed. */
void
tandem_test_pg_ok (PGconn     *conn,
    const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("“%s” failed: %s", sql, PQerrorMessage (conn));
}

/* Runs @sql, which the server must refuse with a message containing @why. */
void
tandem_test_pg_refused (PGconn     *conn,
         const char *sql,
         const char *why)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  const char *message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);

  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    g_error ("“%s” was allowed as %s", sql, PQuser (conn));
  g_assert_nonnull (message);
  if (strstr (message, why) == NULL)
    g_error ("“%s” was refused as “%s”, not for “%s”", sql, message, why);
}

/* The one value @sql returns, as text; "" for NULL. */
char *
tandem_test_pg_value (PGconn     *conn,
       const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    g_error ("“%s” did not give one row as %s: %s", sql, PQuser (conn), PQerrorMessage (conn));
  return g_strdup (PQgetvalue (result, 0, 0));
}

/**
 * tandem_test_pg_run:
 *
 * Runs the tests added, each of which runs its checks in a child process
 * (g_test_trap_subprocess()): here, around them, a cluster is started and
 * stopped, so that a failed check (which aborts its child) still leaves
 * nothing running; in a child, the cluster its parent started is reached.
 *
 * Returns: g_test_run()'s status
 */
int
tandem_test_pg_run (void)
{
  int status;

  if (g_getenv ("TANDEM_TEST_PG_DIR") != NULL)
    {
      tandem_test_pg_attach (g_getenv ("TANDEM_TEST_PG_DIR"));
      return g_test_run ();
    }
  if (!tandem_test_pg_start ())
    {
      tandem_test_pg_stop ();
      g_error ("the throwaway PostgreSQL cluster did not start");
    }
  g_setenv ("TANDEM_TEST_PG_DIR", tandem_test_pg_dir (), TRUE);
  /* A failed check marks the test failed without aborting us. */
  g_test_set_nonfatal_assertions ();
  status = g_test_run ();
  tandem_test_pg_stop ();
  return status;
}

/**
 * tandem_test_pg_run_all:
 *
 * For a test program whose tests all run against the cluster (the core
 * tests, on the second engine): here, starts the cluster, runs this
 * program again with the same arguments against it, stops the cluster and
 * returns the run's exit status; in that run, returns -1: go on, with
 * tandem_test_fresh_database() giving a new database on the cluster.
 */
int
tandem_test_pg_run_all (int    argc,
                        char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  int status = 1;

  if (g_getenv ("TANDEM_TEST_PG_DIR") != NULL)
    {
      tandem_test_pg_attach (g_getenv ("TANDEM_TEST_PG_DIR"));
      tandem_test_set_database_maker (tandem_test_pg_new_database);
      return -1;
    }
  if (!tandem_test_pg_start ())
    {
      tandem_test_pg_stop ();
      g_printerr ("the throwaway PostgreSQL cluster did not start\n");
      return 1;
    }
  env = g_environ_setenv (g_get_environ (), "TANDEM_TEST_PG_DIR", tandem_test_pg_dir (), TRUE);
  if (!g_spawn_sync (NULL, argv, env, G_SPAWN_CHILD_INHERITS_STDIN | G_SPAWN_CHILD_INHERITS_STDOUT |
                     G_SPAWN_CHILD_INHERITS_STDERR, NULL, NULL, NULL, NULL, &status, &error))
    g_printerr ("%s: %s\n", argv[0], error->message);
  tandem_test_pg_stop ();
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/**
 * tandem_test_pg_new_database:
 *
 * Returns: (transfer full): the URI, as its owner admin, of a new database
 *   on the cluster with Tandem's schema and nothing in it
 */
char *
tandem_test_pg_new_database (void)
{
  static guint n;
  g_autoptr(PGconn) super = tandem_test_pg_connect ("postgres", "postgres");
  g_autofree char *name = g_strdup_printf ("t%u", ++n);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s OWNER admin", name);
  g_autoptr(GError) error = NULL;
  char *uri;

  tandem_test_pg_ok (super, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'admin') THEN"
                            "  CREATE ROLE admin LOGIN CREATEROLE; END IF; END $$");
  tandem_test_pg_ok (super, create);
  uri = tandem_test_pg_uri (name, "admin");
  g_assert_true (tandem_server_init (uri, &error));
  g_assert_no_error (error);
  return uri;
}
