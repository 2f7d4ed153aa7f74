/* tandem-store.c — the SQLite file behind everything Tandem knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tandem-server.h"
#include "tandem-store-engine.h"
#include "tandem-schema-resources.h"

G_DEFINE_FINAL_TYPE (TandemStore, tandem_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tandem-store-error-quark, tandem_store_error)

/* Every migration runs in one transaction after a backup of the file.
 * Migration N brings the schema from version N-1 to N; never edit one that
 * has shipped, add the next instead. They are .sql resources in schema/. */
static const char * const migrations[] = {
  "001-initial.sql",
  "002-follow-ups.sql",
  "003-enrollment-checks.sql",
  "004-responses-per-respondent.sql",
  "005-learning-summary.sql",
  "006-competencies.sql",
  "007-wave-respondents.sql",
  "008-person-summary.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TANDEM_STORE_SCHEMA_VERSION);

/* What tandem_store_clear() runs: every table emptied, children before parents. */
static const char * const data_tables[] = {
  "DELETE FROM survey_tally", "DELETE FROM survey_response", "DELETE FROM survey_item",
  "DELETE FROM survey_wave", "DELETE FROM follow_up", "DELETE FROM coaching_session",
  "DELETE FROM mentoring_pair", "DELETE FROM enrollment", "DELETE FROM program_competency",
  "DELETE FROM role_competency", "DELETE FROM competency", "DELETE FROM competency_level",
  "DELETE FROM program_topic",
  "DELETE FROM program_role", "DELETE FROM program", "DELETE FROM person", "DELETE FROM role",
  "DELETE FROM department",
};

static void
tandem_store_finalize (GObject *object)
{
  TandemStore *self = (TandemStore *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  tandem_pg_close (self);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tandem_store_parent_class)->finalize (object);
}

static void
tandem_store_class_init (TandemStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_store_finalize;
}

static void
tandem_store_init (TandemStore *self)
{
}

static TandemStoreError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return TANDEM_STORE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return TANDEM_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TANDEM_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return TANDEM_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return TANDEM_STORE_ERROR_FULL;
    default:
      return TANDEM_STORE_ERROR_FAILED;
    }
}

/* Which other process has @path (or its log) open, as "name (process N)",
 * where the system tells (Linux's /proc); %NULL otherwise. */
static char *
describe_holder (const char *path)
{
  g_autofree char *target = g_canonicalize_filename (path, NULL);
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *shm = g_strconcat (target, "-shm", NULL);
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  g_autofree char *self = g_strdup_printf ("%d", (int)getpid ());
  const char *pid;

  while (proc != NULL && (pid = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *fd_dir = NULL;
      g_autoptr(GDir) fds = NULL;
      const char *fd;

      if (!g_ascii_isdigit (pid[0]) || g_str_equal (pid, self))
        continue;
      fd_dir = g_build_filename ("/proc", pid, "fd", NULL);
      if ((fds = g_dir_open (fd_dir, 0, NULL)) == NULL)
        continue;
      while ((fd = g_dir_read_name (fds)) != NULL)
        {
          g_autofree char *link = g_build_filename (fd_dir, fd, NULL);
          g_autofree char *points_to = g_file_read_link (link, NULL);

          if (points_to != NULL &&
              (g_str_equal (points_to, target) || g_str_equal (points_to, wal) || g_str_equal (points_to, shm)))
            {
              g_autofree char *comm_path = g_build_filename ("/proc", pid, "comm", NULL);
              g_autofree char *comm = NULL;

              if (!g_file_get_contents (comm_path, &comm, NULL, NULL))
                comm = g_strdup ("?");
              g_strstrip (comm);
              /* Translators: a program holding a file, e.g. "tandem-cli (process 4242)" */
              return g_strdup_printf (_("%s, process %s"), comm, pid);
            }
        }
    }
  return NULL;
}

void
tandem_store_set_sqlite_error (GError     **error,
                               sqlite3     *db,
                               int          rc,
                               const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  TandemStoreError code = error_code_for_sqlite (rc);

  switch (code)
    {
    case TANDEM_STORE_ERROR_NOT_DATABASE:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("“%s” is not a Tandem database. Choose another file; this one was left unchanged."),
                   path);
      break;
    case TANDEM_STORE_ERROR_CORRUPT:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   path, detail);
      break;
    case TANDEM_STORE_ERROR_BUSY:
      {
        g_autofree char *holder = describe_holder (path);

        if (holder != NULL)
          /* Translators: the second %s names a program, e.g. "tandem-cli (process 4242)" */
          g_set_error (error, TANDEM_STORE_ERROR, code,
                       _("The database “%s” is in use by another program (%s). Close it or let it finish, "
                         "and try again; nothing was changed."),
                       path, holder);
        else
          g_set_error (error, TANDEM_STORE_ERROR, code,
                       _("The database “%s” is in use by another program. Close it and try again."),
                       path);
      }
      break;
    case TANDEM_STORE_ERROR_READ_ONLY:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("Tandem cannot write to “%s”. Check that the file and its folder are writable."),
                   path);
      break;
    case TANDEM_STORE_ERROR_FULL:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("The disk holding “%s” is full. Free some space and try again; nothing was changed."),
                   path);
      break;
    case TANDEM_STORE_ERROR_FOREIGN:
    case TANDEM_STORE_ERROR_TOO_NEW:
    case TANDEM_STORE_ERROR_NOT_EMPTY:
    case TANDEM_STORE_ERROR_INVALID:
    case TANDEM_STORE_ERROR_FAILED:
    default:
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("The database “%s” could not be used: %s."), path, detail);
      break;
    }
}

gboolean
tandem_store_read_int (sqlite3     *db,
                       const char  *sql,
                       gint64      *out_value,
                       int         *out_rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      *out_rc = rc == SQLITE_DONE ? SQLITE_ERROR : rc;
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  *out_rc = SQLITE_OK;
  return TRUE;
}

/* Creates a new, empty database file readable by its owner only, so that
 * SQLite (which copies the mode to the -wal and -shm files) never exposes it. */
gboolean
tandem_store_create_private_file (const char  *path,
                                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Tandem cannot create the folder “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Tandem cannot create “%s”: %s."), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Runs one schema/ resource; the resource is built in, so failing to find
 * it is a bug, not a user's problem. */
static gboolean
run_migration (TandemStore  *self,
               const char   *name,
               GError      **error)
{
  g_autofree char *path = g_strconcat ("/io/github/tandemhq/Tandem/schema/", name, NULL);
  g_autoptr(GBytes) sql = NULL;

  sql = g_resource_lookup_data (tandem_schema_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (sql != NULL);

  /* Resources end in a NUL byte, so the data is a string. */
  return tandem_store_exec (self, g_bytes_get_data (sql, NULL), error);
}

/* @keep (nullable): a backup the pruning that follows a migration must
 * spare, the file a restore read. */
gboolean
tandem_store_migrate (TandemStore  *self,
                      const char   *keep,
                      GError      **error)
{
  int from = self->schema_version;

  g_assert (from <= TANDEM_STORE_SCHEMA_VERSION);

  if (from == TANDEM_STORE_SCHEMA_VERSION)
    return TRUE;

  /* A database that already holds a schema is copied aside first, so a
   * migration that goes wrong can always be undone by hand. */
  if (from > 0)
    {
      g_autofree char *reason = g_strdup_printf ("v%d", from);

      if (!tandem_store_backup_automatically (self, reason, error))
        return FALSE;
    }

  if (!tandem_store_begin (self, error))
    return FALSE;

  for (int version = from + 1; version <= TANDEM_STORE_SCHEMA_VERSION; version++)
    {
      if (!run_migration (self, migrations[version - 1], error))
        {
          tandem_store_rollback (self);
          return FALSE;
        }
    }

  /* PRAGMAs cannot take bound parameters: the values are spelled into the
   * literal at compile time. */
  if (!tandem_store_exec (self,
                          "PRAGMA application_id = " G_STRINGIFY (TANDEM_STORE_APPLICATION_ID) ";"
                          "PRAGMA user_version = " G_STRINGIFY (TANDEM_STORE_SCHEMA_VERSION) ";",
                          error) ||
      !tandem_store_commit (self, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }

  self->schema_version = TANDEM_STORE_SCHEMA_VERSION;
  if (from > 0)
    tandem_store_prune_backups (self, keep);
  return TRUE;
}

/**
 * tandem_store_dup_default_path:
 *
 * Returns: (transfer full): `$TANDEM_DATABASE` when set, otherwise
 *   `$XDG_DATA_HOME/tandem/tandem.db`.
 */
char *
tandem_store_dup_default_path (void)
{
  const char *env = g_getenv ("TANDEM_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return tandem_store_dup_local_path ();
}

/**
 * tandem_store_dup_local_path:
 *
 * Returns: (transfer full): this computer's own record,
 *   `$XDG_DATA_HOME/tandem/tandem.db`, whatever `$TANDEM_DATABASE` says
 */
char *
tandem_store_dup_local_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tandem", "tandem.db", NULL);
}

/* Another process writes: wait for it, up to $TANDEM_WAIT_SECONDS (30 by
 * default), telling the user after a second; then give up with BUSY. */
static int
busy_cb (void *data,
         int   count)
{
  TandemStore *self = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    {
      self->busy_since = now;
      self->told = FALSE;
    }
  if (now - self->busy_since > self->wait_usec)
    return 0;
  if (!self->told && now - self->busy_since > G_USEC_PER_SEC && self->wait_func != NULL)
    {
      self->told = TRUE;
      self->wait_func (self->wait_data);
    }
  g_usleep (MIN (50000, 2000 * (count + 1)));
  return 1;
}

static gint64
wait_usec_from_environment (void)
{
  const char *text = g_getenv ("TANDEM_WAIT_SECONDS");
  guint64 seconds = 30;

  if (text != NULL && *text != '\0')
    seconds = MIN (g_ascii_strtoull (text, NULL, 10), 3600);
  return (gint64)seconds * G_USEC_PER_SEC;
}

static TandemStore *
open_store (const char  *path,
            gboolean     may_create,
            GError     **error);

/**
 * tandem_store_open:
 * @path: the database file; created (mode 0600) when it does not exist
 * @error: a location for a #GError
 *
 * Opens a Tandem database and brings its schema up to date. A file that is
 * not SQLite, belongs to another program, or was written by a newer Tandem is
 * refused and left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TandemStore *
tandem_store_open (const char  *path,
                   GError     **error)
{
  return open_store (path, TRUE, error);
}

/**
 * tandem_store_open_existing:
 *
 * Like tandem_store_open(), for commands that only read: a file that does
 * not exist is %TANDEM_STORE_ERROR_NOT_FOUND, and nothing (no file, no
 * folder) is created.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TandemStore *
tandem_store_open_existing (const char  *path,
                            GError     **error)
{
  return open_store (path, FALSE, error);
}

/**
 * tandem_store_open_server:
 * @uri: a team server, postgresql://…, whose owner ran tandem-cli server init
 *
 * Opens the record on a team server. tandem_store_open() and
 * tandem_store_open_existing() call this for a URI, so a page's reader or
 * an import given the store's path connects to the same server (signed in
 * with the password given to tandem_server_set_password()).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TandemStore *
tandem_store_open_server (const char  *uri,
                          GError     **error)
{
  g_autoptr(TandemStore) self = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

#ifndef HAVE_LIBPQ
  tandem_pg_unavailable (error);
  return NULL;
#else
  self = g_object_new (TANDEM_TYPE_STORE, NULL);
  self->path = g_strdup (uri);
  self->wait_usec = wait_usec_from_environment ();
  if (!tandem_pg_open (self, uri, error))
    return NULL;
  return g_steal_pointer (&self);
#endif
}

static TandemStore *
open_store (const char  *path,
            gboolean     may_create,
            GError     **error)
{
  g_autoptr(TandemStore) self = NULL;
  gboolean exists;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_objects = 0;
  int rc;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Not a file: a team server. */
  if (tandem_server_is_uri (path))
    return tandem_store_open_server (path, error);
  if (!tandem_store_check_header (path, &exists, error))
    return NULL;
  if (!exists && !may_create)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                   _("There is no database “%s”. Check the name; a new one is made by tandem-cli demo, an "
                     "import, or the app."), path);
      return NULL;
    }
  if (!exists && !tandem_store_create_private_file (path, error))
    return NULL;
  if (exists && !tandem_store_probe_existing (path, error))
    return NULL;

  self = g_object_new (TANDEM_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->wait_usec = wait_usec_from_environment ();

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  sqlite3_busy_handler (self->db, busy_cb, self);
  sqlite3_extended_result_codes (self->db, 1);
  if ((rc = tandem_store_add_rows_table (self)) != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  /* Only reads until we know the file is ours: nothing may be written to a
   * foreign or newer database, not even the WAL flag in its header. */
  if (!tandem_store_read_int (self->db, "PRAGMA application_id", &app_id, &rc) ||
      !tandem_store_read_int (self->db, "PRAGMA user_version", &version, &rc) ||
      !tandem_store_read_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, &rc))
    {
      tandem_store_set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  if ((app_id != 0 && app_id != TANDEM_STORE_APPLICATION_ID) ||
      (app_id == 0 && (version != 0 || n_objects != 0)))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another program, not Tandem’s. It was left unchanged."),
                   path);
      return NULL;
    }

  if (version > TANDEM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tandem (schema %d; this version knows %d). "
                     "Update Tandem to open it; the file was left unchanged."),
                   path, (int)version, TANDEM_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      tandem_store_set_sqlite_error (error, self->db, SQLITE_READONLY, path);
      return NULL;
    }

  self->schema_version = (int)version;

  /* A new file gets pages of 16 KiB (SQLite's default is 4): writing
   * 100,000 people takes a quarter of the WAL frames, the write calls and
   * the copying back that 4 KiB pages take (the commit 54 ms → 20 ms) and
   * its b-trees fewer levels. Only a file with no page yet can take it;
   * a file made before keeps its size. */
  if (n_objects == 0 &&
      !tandem_store_exec (self, "PRAGMA page_size = " G_STRINGIFY (TANDEM_STORE_PAGE_SIZE), error))
    return NULL;

  if (!tandem_store_exec (self,
                          "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = FULL;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA secure_delete = ON;",
                          error))
    return NULL;

  if (!tandem_store_migrate (self, NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tandem_store_set_wait_func:
 * @func: (nullable): called once when a write has waited a second for
 *   another writer, e.g. to say "Waiting for another import to finish…"
 */
void
tandem_store_set_wait_func (TandemStore         *self,
                            TandemStoreWaitFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  self->wait_func = func;
  self->wait_data = user_data;
}

/**
 * tandem_store_set_wait:
 * @milliseconds: how long a write waits for another writer before it
 *   gives up with %TANDEM_STORE_ERROR_BUSY
 *
 * The window waits briefly, so that a save during another program's long
 * import says so at once instead of freezing the window; the command line
 * keeps $TANDEM_WAIT_SECONDS (30 s by default).
 */
void
tandem_store_set_wait (TandemStore *self,
                       guint        milliseconds)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  self->wait_usec = (gint64)milliseconds * 1000;
}

/**
 * tandem_store_get_access:
 *
 * Returns: what the login may do with the record; everything on a file
 */
TandemAccess
tandem_store_get_access (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), TANDEM_ACCESS_ALL);

  return tandem_store_is_server (self) ? tandem_pg_access (self) : TANDEM_ACCESS_ALL;
}

const char *
tandem_store_get_path (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return self->path;
}

int
tandem_store_get_schema_version (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), -1);

  return self->schema_version;
}

/**
 * tandem_store_is_empty:
 *
 * An empty store holds no people, programs, pairs or survey waves: the state
 * in which the app offers the demo organisation.
 */
gboolean
tandem_store_is_empty (TandemStore  *self,
                       gboolean     *out_empty,
                       GError      **error)
{
  gint64 any = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_empty != NULL, FALSE);

  if (!tandem_store_query_int (self,
                               "SELECT EXISTS (SELECT 1 FROM person)"
                               "    OR EXISTS (SELECT 1 FROM program)"
                               "    OR EXISTS (SELECT 1 FROM department)"
                               "    OR EXISTS (SELECT 1 FROM role)"
                               "    OR EXISTS (SELECT 1 FROM survey_wave)",
                               &any, error))
    return FALSE;

  *out_empty = any == 0;
  return TRUE;
}

/**
 * tandem_store_clear:
 *
 * Deletes every row of every table in one transaction. Callers that go on to
 * write (the demo's --replace) open their own transaction first, so a failure
 * later on brings the old data back.
 */
gboolean
tandem_store_clear (TandemStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (data_tables); i++)
    if (!tandem_store_exec (self, data_tables[i], error))
      return FALSE;
  return TRUE;
}

/**
 * tandem_store_check:
 * @out_report: (out) (transfer full): "ok", or what SQLite found wrong
 *
 * Runs SQLite's integrity check and the foreign-key check; a team
 * server, which keeps both itself, is "ok".
 *
 * Returns: %TRUE when the database is sound
 */
gboolean
tandem_store_check (TandemStore  *self,
                    char        **out_report,
                    GError      **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(TandemStmt) integrity = NULL;
  g_autoptr(TandemStmt) fk = NULL;
  gboolean ok = TRUE;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  /* A server keeps its own pages and foreign keys whole, and refuses a
   * write that would break them: nothing for Tandem to find. */
  if (tandem_store_is_server (self))
    {
      *out_report = g_strdup ("ok");
      return TRUE;
    }

  if (!(integrity = tandem_store_prepare (self, "PRAGMA integrity_check", error)))
    return FALSE;
  while ((step = tandem_stmt_step (integrity, error)) == TANDEM_STEP_ROW)
    {
      const char *line = tandem_stmt_get_text (integrity, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          ok = FALSE;
          g_string_append_printf (report, "%s\n", line);
        }
    }
  if (step == TANDEM_STEP_ERROR)
    return FALSE;

  if (!(fk = tandem_store_prepare (self, "PRAGMA foreign_key_check", error)))
    return FALSE;
  while ((step = tandem_stmt_step (fk, error)) == TANDEM_STEP_ROW)
    {
      ok = FALSE;
      g_string_append_printf (report, _("Row %lld of table %s points to a missing row of %s\n"),
                              (long long)tandem_stmt_get_int64 (fk, 1),
                              tandem_stmt_get_text (fk, 0),
                              tandem_stmt_get_text (fk, 2));
    }
  if (step == TANDEM_STEP_ERROR)
    return FALSE;

  if (ok)
    g_string_assign (report, "ok");
  else if (report->len > 0 && report->str[report->len - 1] == '\n')
    g_string_truncate (report, report->len - 1);

  *out_report = g_string_free (g_steal_pointer (&report), FALSE);
  return ok;
}

