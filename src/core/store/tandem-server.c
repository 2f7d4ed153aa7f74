/* tandem-server.c — a team server: Tandem's record on PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team keeps one record on a PostgreSQL 15 server, where the server
 * itself keeps the house rules: grants and row-level security in
 * schema/server/001-server.sql decide what each login reads and writes,
 * so a login using psql gets no more than the app would show it. Here:
 * making that schema in an empty database the login owns, and giving a
 * login its group. With the SQLite engine, the only file that calls PQ*.
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "tandem-server.h"
#include "tandem-store-engine.h"

#ifdef HAVE_LIBPQ
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
#endif

/**
 * tandem_server_is_uri:
 * @database: what --database, $TANDEM_DATABASE or the app was given
 *
 * Returns: whether @database names a PostgreSQL server rather than an
 *   SQLite file: a URI as libpq reads it, postgresql:// or postgres://
 */
gboolean
tandem_server_is_uri (const char *database)
{
  return database != NULL &&
         (g_str_has_prefix (database, "postgresql://") || g_str_has_prefix (database, "postgres://"));
}

/* Passwords the user gave for a server in this run, by URI: every
 * connection to it (a page's reader, an import) signs in with the same. */
static GMutex passwords_lock;
static GHashTable *passwords;

/**
 * tandem_server_set_password:
 * @password: (nullable): %NULL to forget it
 *
 * Signs every later connection to @uri in with @password, for as long as
 * the program runs; it is kept in memory only.
 */
void
tandem_server_set_password (const char *uri,
                            const char *password)
{
  g_return_if_fail (uri != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_insert (passwords, g_strdup (uri), g_strdup (password));
  else
    g_hash_table_remove (passwords, uri);
  g_mutex_unlock (&passwords_lock);
}

/* Returns: (transfer full) (nullable): the password given for @uri */
char *
tandem_server_dup_password (const char *uri)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, uri));
  g_mutex_unlock (&passwords_lock);
  return password;
}

#ifdef HAVE_LIBPQ

/* What GLib reads of @uri without libpq: the user, password, host and
 * database its plain parts name (keywords in its query are left out). */
static char *
uri_value_without_libpq (const char *uri,
                         const char *keyword)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_HAS_PASSWORD, NULL);
  const char *value = NULL;

  if (parsed == NULL)
    return NULL;
  if (g_str_equal (keyword, "host"))
    value = g_uri_get_host (parsed);
  else if (g_str_equal (keyword, "user"))
    value = g_uri_get_user (parsed);
  else if (g_str_equal (keyword, "password"))
    value = g_uri_get_password (parsed);
  else if (g_str_equal (keyword, "dbname"))
    value = g_uri_get_path (parsed)[0] == '/' ? g_uri_get_path (parsed) + 1 : g_uri_get_path (parsed);
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* The value of @keyword in @uri, %NULL when it has none or @uri is not
 * one libpq reads. */
static char *
uri_value (const char *uri,
           const char *keyword)
{
  PQconninfoOption *options;
  char *value = NULL;

  /* Without libpq the server is still named; connecting says what is
   * missing. */
  if (!tandem_pq_load (NULL))
    return uri_value_without_libpq (uri, keyword);
  options = PQconninfoParse (uri, NULL);

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, keyword) && o->val != NULL && *o->val != '\0')
      value = g_strdup (o->val);
  PQconninfoFree (options);
  return value;
}

/**
 * tandem_server_describe:
 *
 * Returns: (transfer full): @uri as a person names it: its database on
 *   its host, "this computer" for a local socket
 */
char *
tandem_server_describe (const char *uri)
{
  g_autofree char *dbname = uri_value (uri, "dbname");
  g_autofree char *host = uri_value (uri, "host");
  g_autofree char *user = uri_value (uri, "user");

  if (dbname == NULL)
    dbname = g_strdup (user != NULL ? user : g_get_user_name ());
  if (host == NULL || host[0] == '/')
    /* Translators: a database on a team server that runs on the user's own machine */
    return g_strdup_printf (_("%s on this computer"), dbname);
  /* Translators: a database on a team server, then the server's host name */
  return g_strdup_printf (_("%s on %s"), dbname, host);
}

/* Returns: whether @uri carries a password of its own */
gboolean
tandem_server_has_password (const char *uri)
{
  g_autofree char *password = uri_value (uri, "password");

  return password != NULL;
}

/* Runs @sql (no parameters, any number of statements); FALSE with @error
 * set, naming @doing, when the server refuses it. */
static gboolean
run (PGconn      *conn,
     const char  *sql,
     const char  *doing,
     GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return tandem_pg_set_error (error, conn, result, doing);
  return TRUE;
}

/**
 * tandem_server_init:
 * @uri: the database, postgresql://…; the login must own it and be
 *   allowed to create roles
 *
 * Makes Tandem's schema in an empty database, with its three group roles
 * (tandem_manager, tandem_leader, tandem_member), their grants and
 * row-level security, in one transaction: all of it or nothing.
 *
 * Returns: %FALSE with @error set when the server refuses, or the
 *   database already holds Tandem's schema
 */
gboolean
tandem_server_init (const char  *uri,
                    GError     **error)
{
  g_autoptr(PGconn) conn = tandem_pg_connect (uri, error);
  g_autoptr(PGresult) existing = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;

  if (conn == NULL)
    return FALSE;

  existing = PQexec (conn, "SELECT to_regclass ('tandem_schema') IS NOT NULL");
  if (PQresultStatus (existing) != PGRES_TUPLES_OK)
    return tandem_pg_set_error (error, conn, existing, _("Tandem cannot read the database"));
  if (g_str_equal (PQgetvalue (existing, 0, 0), "t"))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_EMPTY,
                   _("The database “%s” already holds Tandem’s schema; nothing was changed."), PQdb (conn));
      return FALSE;
    }

  schema = g_resources_lookup_data ("/io/github/tandemhq/Tandem/schema/server/001-server.sql",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (schema == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));

  if (!run (conn, "BEGIN", _("Tandem cannot start a transaction"), error))
    return FALSE;
  if (!run (conn, sql, _("The server refused Tandem’s schema; nothing was changed"), error))
    {
      run (conn, "ROLLBACK", "", NULL);
      return FALSE;
    }
  return run (conn, "COMMIT", _("The server refused Tandem’s schema; nothing was changed"), error);
}

/**
 * tandem_server_grant:
 * @login: the login, made (without a password) when it does not exist;
 *   the server's pg_hba.conf decides how it signs in
 * @group: manager, leader or member
 * @person_external_id: (nullable): for a member, the person they are
 *
 * Returns: %FALSE with @error set when the server refuses
 */
gboolean
tandem_server_grant (const char  *uri,
                     const char  *login,
                     const char  *group,
                     const char  *person_external_id,
                     GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *values[3] = { login, group, person_external_id };

  g_return_val_if_fail (login != NULL && group != NULL, FALSE);

  if (!g_str_equal (group, "manager") && !g_str_equal (group, "leader") && !g_str_equal (group, "member"))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("A login is a manager, a leader or a member, not “%s”."), group);
      return FALSE;
    }
  if (g_str_equal (group, "member") && person_external_id == NULL)
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                           _("A member is one of the people: say which with their external id."));
      return FALSE;
    }
  if ((conn = tandem_pg_connect (uri, error)) == NULL)
    return FALSE;
  result = PQexecParams (conn, "SELECT tandem_grant ($1, $2, $3)", 3, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    return tandem_pg_set_error (error, conn, result, _("The server refused the grant"));
  return TRUE;
}

#else  /* !HAVE_LIBPQ */

char *
tandem_server_describe (const char *uri)
{
  return g_strdup (uri);
}

gboolean
tandem_server_has_password (const char *uri)
{
  return FALSE;
}

gboolean
tandem_server_init (const char  *uri,
                    GError     **error)
{
  return tandem_pg_unavailable (error);
}

gboolean
tandem_server_grant (const char  *uri,
                     const char  *login,
                     const char  *group,
                     const char  *person_external_id,
                     GError     **error)
{
  return tandem_pg_unavailable (error);
}

#endif
