/* tandem-store-pg.c — the PostgreSQL engine behind the statement API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same statements as on SQLite ($1 placeholders, the SQL both engines
 * share, the dialect's own texts where they differ), run on a team server
 * through libpq. A statement is sent when it is first stepped, with its
 * parameters as text: numbers typed as bigint or double so that the server
 * reads "SELECT $1" in an INSERT as a number, texts left for it to infer.
 * Its rows are then read one step at a time. SQLite's savepoint opens a
 * transaction when there is none; PostgreSQL's does not, so the engine
 * opens one, and ends it with the savepoint.
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-server.h"
#include "tandem-store-engine.h"

#ifdef HAVE_LIBPQ

#define INT8OID 20
#define FLOAT8OID 701

struct _TandemPgStmt
{
  char      *sql;
  int        n_params;
  char     **values;    /* n_params, NULL for SQL NULL */
  Oid       *types;
  PGresult  *result;    /* once sent */
  int        row;       /* the row read, -1 before the first */
  PGconn    *conn;      /* the store's, which outlives the statement */
  int        n_columns; /* asked of the server before the statement ran; -1 until then */
};

gboolean
tandem_store_is_server (TandemStore *self)
{
  return self->pg != NULL;
}

/* The highest $N of @sql. */
static int
count_params (const char *sql)
{
  int most = 0;

  for (const char *p = tandem_store_next_placeholder (sql); p != NULL; p = tandem_store_next_placeholder (p + 1))
    most = MAX (most, atoi (p + 1));
  return most;
}

/* The end of an ORDER BY list starting at @start: the ")" that closes
 * what holds it, a LIMIT or OFFSET, or the end; with the offset of each
 * top-level "," of the list added to @commas. */
static const char *
order_by_end (const char *start,
              GArray     *commas)
{
  const char *p = start;
  int depth = 0;

  for (; *p != '\0'; p++)
    {
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            ;
          if (*p == '\0')
            break;
        }
      else if (*p == '(')
        depth++;
      else if (*p == ')' && depth-- == 0)
        break;
      else if (depth == 0 && *p == ',')
        {
          gsize at = (gsize)(p - start);

          g_array_append_val (commas, at);
        }
      else if (depth == 0 && (g_str_has_prefix (p, " LIMIT") || g_str_has_prefix (p, " OFFSET") || *p == ';'))
        break;
    }
  return p;
}

/* Adds the ORDER BY item @item (@length bytes) to @out: "EXPR COLLATE
 * NOCASE [DESC]" as "tandem_fold (EXPR) [DESC]", anything else as it is. */
static void
append_order_item (GString    *out,
                   const char *item,
                   gsize       length)
{
  static const char * const nocase = " COLLATE NOCASE";
  g_autofree char *text = g_strndup (item, length);
  char *at = strstr (text, nocase);

  if (at == NULL)
    {
      g_string_append_len (out, item, (gssize)length);
      return;
    }
  *at = '\0';
  {
    const char *expr = text;
    gsize lead = strspn (expr, " ");

    g_string_append_len (out, expr, (gssize)lead);
    g_string_append (out, "tandem_fold (");
    g_string_append (out, expr + lead);
    g_string_append_c (out, ')');
    g_string_append (out, at + strlen (nocase));
  }
}

/*
 * SQLite's NOCASE orders text by its bytes with A–Z folded; the server's
 * nocase collation is ICU's, which puts "Müller" beside "Muller". So that
 * every list and report comes out in the same order on both engines, an
 * ORDER BY item "EXPR COLLATE NOCASE" goes to the server as
 * "tandem_fold (EXPR)": EXPR's bytes with A–Z folded (see the schema).
 * Comparisons keep the collation. The statements are Tandem's own text;
 * nothing a user typed is in them.
 */
static char *
fold_order_by (const char *sql)
{
  GString *out = g_string_new (NULL);
  const char *p = sql;
  const char *order;

  while ((order = strstr (p, "ORDER BY ")) != NULL)
    {
      g_autoptr(GArray) commas = g_array_new (FALSE, FALSE, sizeof (gsize));
      const char *start = order + strlen ("ORDER BY ");
      const char *end = order_by_end (start, commas);
      const char *item = start;

      g_string_append_len (out, p, start - p);
      for (guint i = 0; i <= commas->len; i++)
        {
          const char *next = i < commas->len ? start + g_array_index (commas, gsize, i) : end;

          append_order_item (out, item, (gsize)(next - item));
          if (i < commas->len)
            g_string_append_c (out, ',');
          item = next + 1;
        }
      p = end;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

TandemPgStmt *
tandem_pg_prepare (TandemStore *store,
                   const char  *sql)
{
  TandemPgStmt *self = g_new0 (TandemPgStmt, 1);

  self->sql = strstr (sql, " COLLATE NOCASE") != NULL ? fold_order_by (sql) : g_strdup (sql);
  self->n_params = count_params (sql);
  self->values = g_new0 (char *, self->n_params + 1);
  self->types = g_new0 (Oid, self->n_params + 1);
  self->row = -1;
  self->conn = store->pg;
  self->n_columns = -1;
  return self;
}

void
tandem_pg_stmt_free (TandemPgStmt *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->result, PQclear);
  for (int i = 0; i < self->n_params; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->types);
  g_free (self->sql);
  g_free (self);
}

/* As sqlite3_reset(): the rows are gone, the parameters stay. */
void
tandem_pg_stmt_reset (TandemPgStmt *self)
{
  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
}

void
tandem_pg_stmt_bind (TandemPgStmt *self,
                     int           index,
                     const char   *text,
                     gboolean      number)
{
  if (index < 1 || index > self->n_params)
    return;
  g_free (self->values[index - 1]);
  self->values[index - 1] = g_strdup (text);
  self->types[index - 1] = number ? INT8OID : 0;
  if (number && text != NULL && strpbrk (text, ".eE") != NULL)
    self->types[index - 1] = FLOAT8OID;
}

/**
 * tandem_pg_set_error:
 * @result: (nullable): what the server answered, if it got that far
 * @doing: what Tandem was doing, a sentence's start
 *
 * Sets @error to @doing and the server's own words (the first line of
 * @result's message, else the connection's), with the store's error code
 * for what went wrong.
 *
 * Returns: %FALSE
 */
gboolean
tandem_pg_set_error (GError         **error,
                     PGconn          *conn,
                     const PGresult  *result,
                     const char      *doing)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *message = g_strdup (primary != NULL ? primary : PQerrorMessage (conn));
  int code = TANDEM_STORE_ERROR_FAILED;

  g_strstrip (message);
  if (strchr (message, '\n') != NULL)
    *strchr (message, '\n') = '\0';
  /* 23: a constraint; 42501: a grant or a row-level policy refused it. */
  if (state != NULL && (g_str_has_prefix (state, "23") || g_str_equal (state, "42501")))
    code = TANDEM_STORE_ERROR_INVALID;
  else if (state != NULL && g_str_has_prefix (state, "40"))
    code = TANDEM_STORE_ERROR_BUSY;
  else if (PQstatus (conn) != CONNECTION_OK)
    code = TANDEM_STORE_ERROR_NOT_FOUND;
  g_set_error (error, TANDEM_STORE_ERROR, code, "%s: %s", doing, message);
  return FALSE;
}

/**
 * tandem_pg_connect:
 * @uri: postgresql://… or postgres://…, as libpq reads it
 *
 * Returns: (transfer full): the connection, or %NULL with @error set when
 *   @uri names no server or the server cannot be reached
 */
PGconn *
tandem_pg_connect (const char  *uri,
                   GError     **error)
{
  g_autofree char *password = NULL;
  PGconn *conn;

  if (!tandem_server_is_uri (uri))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("“%s” is not a PostgreSQL server: give one as postgresql://HOST/DATABASE "
                     "(or postgresql:///DATABASE?host=/path/to/socket)."), uri != NULL ? uri : "");
      return NULL;
    }
  if (!tandem_pq_load (error))
    return NULL;
  /* The URI as libpq reads it, signed in with the password the user gave
   * for it in this run, if any. */
  password = tandem_server_dup_password (uri);
  {
    const char *keywords[] = { "dbname", password != NULL ? "password" : NULL, NULL };
    const char *values[] = { uri, password, NULL };

    conn = PQconnectdbParams (keywords, values, TRUE);
  }
  if (PQstatus (conn) != CONNECTION_OK)
    {
      /* No password, or the wrong one: the app asks for it. */
      if (PQconnectionNeedsPassword (conn) || (PQconnectionUsedPassword (conn) &&
                                              strstr (PQerrorMessage (conn), "password") != NULL))
        g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NEEDS_PASSWORD,
                     password != NULL
                     ? _("The server did not accept the password for %s. Check it, and try again.")
                     : _("The server asks for the password of %s."), PQuser (conn));
      else
        tandem_pg_set_error (error, conn, NULL, _("Tandem cannot connect to the server"));
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

static void
set_error (GError        **error,
           TandemStore    *store,
           const PGresult *result)
{
  tandem_pg_set_error (error, store->pg, result, _("The server refused it"));
}

TandemStep
tandem_pg_stmt_step (TandemPgStmt  *self,
                     TandemStore   *store,
                     GError       **error)
{
  if (self->result == NULL)
    {
      ExecStatusType status;

      self->result = PQexecParams (store->pg, self->sql, self->n_params, self->types,
                                   (const char * const *)self->values, NULL, NULL, 0);
      status = PQresultStatus (self->result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          set_error (error, store, self->result);
          g_clear_pointer (&self->result, PQclear);
          return TANDEM_STEP_ERROR;
        }
      store->pg_changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
    }
  self->row++;
  return self->row < PQntuples (self->result) ? TANDEM_STEP_ROW : TANDEM_STEP_DONE;
}

int
tandem_pg_stmt_get_n_params (TandemPgStmt *self)
{
  return self->n_params;
}

/* As on SQLite, known before the statement runs: the server describes it
 * (once, and only when asked before the first step). */
int
tandem_pg_stmt_get_n_columns (TandemPgStmt *self)
{
  if (self->result != NULL)
    return PQnfields (self->result);
  if (self->n_columns < 0)
    {
      PGresult *prepared = PQprepare (self->conn, "", self->sql, self->n_params, self->types);
      PGresult *described = NULL;

      if (PQresultStatus (prepared) == PGRES_COMMAND_OK)
        described = PQdescribePrepared (self->conn, "");
      self->n_columns = described != NULL && PQresultStatus (described) == PGRES_COMMAND_OK
                        ? PQnfields (described) : 0;
      PQclear (described);
      PQclear (prepared);
    }
  return self->n_columns;
}

/* The column's value as text, NULL for SQL NULL; booleans as 1 and 0, as
 * SQLite gives them. */
const char *
tandem_pg_stmt_get_value (TandemPgStmt *self,
                          int           column)
{
  const char *value;

  if (self->result == NULL || self->row < 0 || self->row >= PQntuples (self->result) ||
      column < 0 || column >= PQnfields (self->result) || PQgetisnull (self->result, self->row, column))
    return NULL;
  value = PQgetvalue (self->result, self->row, column);
  if (PQftype (self->result, column) == 16 /* bool */)
    return g_str_equal (value, "t") ? "1" : "0";
  return value;
}

const char *
tandem_pg_stmt_get_name (TandemPgStmt *self,
                         int           column)
{
  return self->result != NULL ? PQfname (self->result, column) : NULL;
}

gboolean
tandem_pg_exec (TandemStore  *store,
                const char   *sql,
                GError      **error)
{
  PGresult *result = PQexec (store->pg, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    set_error (error, store, result);
  PQclear (result);
  return ok;
}

gint64
tandem_pg_last_insert_id (TandemStore *store)
{
  PGresult *result = PQexec (store->pg, "SELECT lastval ()");
  gint64 id = 0;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

/* Any number, the same in every Tandem: the key of the writers' lock. */
#define WRITERS_LOCK "1952539757"

/* Whether @sql, a SELECT of one boolean, gave true. */
static gboolean
query_true (TandemStore *store,
            const char  *sql)
{
  PGresult *result = PQexec (store->pg, sql);
  gboolean yes = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1 &&
                 g_str_equal (PQgetvalue (result, 0, 0), "t");

  PQclear (result);
  return yes;
}

/**
 * tandem_pg_begin:
 *
 * Begins a transaction that writes. Writers take turns, as on SQLite:
 * each takes the database's writers' lock, which the server lets go when
 * the transaction ends or its connection drops (a client killed midway
 * leaves nothing held, and nothing of its work). Another writer's turn is
 * waited for, after telling the wait function, for as long as
 * $TANDEM_WAIT_SECONDS says; then nothing is changed.
 */
gboolean
tandem_pg_begin (TandemStore  *store,
                 GError      **error)
{
  g_autofree char *timeout = NULL;
  const char *values[1];
  PGresult *result;

  if (!tandem_pg_exec (store, "BEGIN", error))
    return FALSE;
  if (query_true (store, "SELECT pg_try_advisory_xact_lock (" WRITERS_LOCK ")"))
    return TRUE;

  if (store->wait_func != NULL)
    store->wait_func (store->wait_data);
  timeout = g_strdup_printf ("%" G_GINT64_FORMAT "ms", MAX (store->wait_usec / 1000, 1));
  values[0] = timeout;
  result = PQexecParams (store->pg, "SELECT set_config ('lock_timeout', $1, true)", 1, NULL, values, NULL, NULL, 0);
  PQclear (result);
  if (query_true (store, "SELECT pg_advisory_xact_lock (" WRITERS_LOCK ") IS NOT NULL"))
    return TRUE;

  tandem_pg_exec (store, "ROLLBACK", NULL);
  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_BUSY,
               _("Someone else is still writing to the team server (an import, perhaps); nothing was changed. "
                 "Try again when they have finished."));
  return FALSE;
}

/* Ends the transaction, if one is open, keeping none of it. */
void
tandem_pg_rollback (TandemStore *store)
{
  if (PQtransactionStatus (store->pg) != PQTRANS_IDLE)
    tandem_pg_exec (store, "ROLLBACK", NULL);
}

/* SQLite's SAVEPOINT begins a transaction when none is open, and its
 * RELEASE of that outermost savepoint commits it: so here. */
gboolean
tandem_pg_savepoint (TandemStore  *store,
                     GError      **error)
{
  gboolean began = PQtransactionStatus (store->pg) == PQTRANS_IDLE;

  if (began && !tandem_pg_begin (store, error))
    return FALSE;
  if (!tandem_pg_exec (store, "SAVEPOINT tandem", error))
    {
      if (began)
        tandem_pg_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  g_array_append_val (store->pg_savepoints, began);
  return TRUE;
}

static gboolean
pop_began (TandemStore *store)
{
  gboolean began = FALSE;

  if (store->pg_savepoints->len > 0)
    {
      began = g_array_index (store->pg_savepoints, gboolean, store->pg_savepoints->len - 1);
      g_array_set_size (store->pg_savepoints, store->pg_savepoints->len - 1);
    }
  return began;
}

gboolean
tandem_pg_release (TandemStore  *store,
                   GError      **error)
{
  gboolean began = pop_began (store);

  if (!tandem_pg_exec (store, "RELEASE tandem", error))
    {
      if (began)
        tandem_pg_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  return !began || tandem_pg_exec (store, "COMMIT", error);
}

void
tandem_pg_savepoint_rollback (TandemStore *store)
{
  gboolean began = pop_began (store);

  tandem_pg_exec (store, "ROLLBACK TO tandem", NULL);
  tandem_pg_exec (store, "RELEASE tandem", NULL);
  if (began)
    tandem_pg_exec (store, "ROLLBACK", NULL);
}

/* Connects @store to the server @uri, whose schema tandem-cli server init
 * made. */
gboolean
tandem_pg_open (TandemStore  *store,
                const char   *uri,
                GError      **error)
{
  PGresult *result;
  gboolean ours;

  if ((store->pg = tandem_pg_connect (uri, error)) == NULL)
    return FALSE;
  store->pg_savepoints = g_array_new (FALSE, FALSE, sizeof (gboolean));

  result = PQexec (store->pg, "SELECT version FROM tandem_schema");
  ours = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1;
  if (ours)
    store->schema_version = atoi (PQgetvalue (result, 0, 0));
  PQclear (result);
  if (!ours)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FOREIGN,
                   _("The database “%s” on the server holds no Tandem record, or this login may not read it: "
                     "its owner prepares it with tandem-cli server init and server grant."), PQdb (store->pg));
      return FALSE;
    }
  return TRUE;
}

/* What the connected login may do: its group's, or everything for the
 * database's owner (who is in no group). */
TandemAccess
tandem_pg_access (TandemStore *store)
{
  PGresult *result = PQexec (store->pg,
                             "SELECT CASE WHEN (SELECT tableowner FROM pg_tables WHERE tablename = 'person'"
                             "                   AND schemaname = 'public') = current_user THEN 0"
                             "            WHEN pg_has_role ('tandem_manager', 'MEMBER') THEN 1"
                             "            WHEN pg_has_role ('tandem_leader', 'MEMBER') THEN 2"
                             "            WHEN pg_has_role ('tandem_member', 'MEMBER') THEN 3"
                             "            ELSE 2 END");
  TandemAccess access = TANDEM_ACCESS_LEADER;   /* in doubt, to read only */

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    access = (TandemAccess)atoi (PQgetvalue (result, 0, 0));
  PQclear (result);
  return access;
}

/* The server process serving @store's connection, as NOTIFY names it. */
int
tandem_pg_backend_pid (TandemStore *store)
{
  return PQbackendPID (store->pg);
}

void
tandem_pg_close (TandemStore *store)
{
  g_clear_pointer (&store->pg, PQfinish);
  g_clear_pointer (&store->pg_savepoints, g_array_unref);
}

#else  /* !HAVE_LIBPQ: no store is ever a server, and nothing here is called. */

gboolean
tandem_pg_unavailable (GError **error)
{
  g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                       _("This Tandem was built without PostgreSQL (libpq); it keeps its record in a file only."));
  return FALSE;
}

gboolean tandem_store_is_server (TandemStore *self) { return FALSE; }
TandemPgStmt *tandem_pg_prepare (TandemStore *store, const char *sql) { return NULL; }
void tandem_pg_stmt_free (TandemPgStmt *self) { }
void tandem_pg_stmt_reset (TandemPgStmt *self) { }
TandemStep tandem_pg_stmt_step (TandemPgStmt *self, TandemStore *store, GError **error) { return TANDEM_STEP_ERROR; }
int tandem_pg_stmt_get_n_params (TandemPgStmt *self) { return 0; }
int tandem_pg_stmt_get_n_columns (TandemPgStmt *self) { return 0; }
void tandem_pg_stmt_bind (TandemPgStmt *self, int index, const char *text, gboolean number) { }
const char *tandem_pg_stmt_get_value (TandemPgStmt *self, int column) { return NULL; }
const char *tandem_pg_stmt_get_name (TandemPgStmt *self, int column) { return NULL; }
gboolean tandem_pg_exec (TandemStore *store, const char *sql, GError **error) { return FALSE; }
gint64 tandem_pg_last_insert_id (TandemStore *store) { return 0; }
gboolean tandem_pg_begin (TandemStore *store, GError **error) { return FALSE; }
void tandem_pg_rollback (TandemStore *store) { }
void tandem_pg_savepoint_rollback (TandemStore *store) { }
gboolean tandem_pg_savepoint (TandemStore *store, GError **error) { return FALSE; }
gboolean tandem_pg_release (TandemStore *store, GError **error) { return FALSE; }
void tandem_pg_close (TandemStore *store) { }
int tandem_pg_backend_pid (TandemStore *store) { return 0; }
TandemAccess tandem_pg_access (TandemStore *store) { return TANDEM_ACCESS_ALL; }
gboolean tandem_pg_open (TandemStore *store, const char *uri, GError **error) { return FALSE; }

#endif
