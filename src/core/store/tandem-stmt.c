/* tandem-stmt.c — statements and transactions over the SQLite engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <string.h>
#include <time.h>

#include "tandem-store-engine.h"
#include "tandem-types.h"

struct _TandemStmt
{
  TandemStore  *store;   /* unowned: a statement never outlives its store */
  sqlite3_stmt *stmt;
  TandemPgStmt *pg;      /* instead, on a team server */
  GPtrArray    *bounded; /* (nullable): cut copies of over-long texts of this row */
  gint64        spent;   /* µs the main thread has spent stepping it since its last report */
};

/* TANDEM_DEBUG=slow-main,plans (see README, "Debugging"):
 *   slow-main  warns of every statement the main loop spends more than
 *              8 ms of processor time on (TANDEM_SLOW_MAIN_MS changes the
 *              limit); the widget tests run with it, and a warning fails
 *              them
 *   plans      logs each statement's query plan as it is prepared, in the
 *              "Tandem-Plan" log domain */
enum
{
  DEBUG_SLOW_MAIN = 1 << 0,
  DEBUG_PLANS     = 1 << 1,
};

static guint
debug_flags (void)
{
  static gsize flags;

  if (g_once_init_enter (&flags))
    {
      static const GDebugKey keys[] = {
        { "slow-main", DEBUG_SLOW_MAIN },
        { "plans", DEBUG_PLANS },
      };
      /* 0x100 marks "parsed", so no flags at all is not parsed again. */
      guint parsed = g_parse_debug_string (g_getenv ("TANDEM_DEBUG"), keys, G_N_ELEMENTS (keys));

      g_once_init_leave (&flags, parsed | 0x100);
    }
  return (guint)flags;
}

static gint slow_main_us = -1;   /* -1: not read from TANDEM_SLOW_MAIN_MS yet */

static gint64
slow_main_limit (void)
{
  gint limit = g_atomic_int_get (&slow_main_us);

  if (limit < 0)
    {
      const char *text = g_getenv ("TANDEM_SLOW_MAIN_MS");
      guint64 ms = 8;

      if (text != NULL)
        g_ascii_string_to_unsigned (text, 10, 1, 60000, &ms, NULL);
      limit = (gint)ms * 1000;
      g_atomic_int_set (&slow_main_us, limit);
    }
  return limit;
}

/**
 * tandem_store_set_slow_main_ms:
 * @ms: the new limit, or 0 for the one $TANDEM_SLOW_MAIN_MS sets (8 ms)
 *
 * Changes the limit TANDEM_DEBUG=slow-main warns over, for a test that
 * opens a file meant to be slow (a 5 MB name takes its time to read,
 * wherever it is read).
 */
void
tandem_store_set_slow_main_ms (guint ms)
{
  g_atomic_int_set (&slow_main_us, ms > 0 ? (gint)MIN (ms, 60000) * 1000 : -1);
}

/* The main thread's own processor time, in µs: unlike the wall clock it
 * does not count the time other processes had the processor, so a busy
 * machine does not make a quick statement look slow. */
static gint64
thread_clock (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64)now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* When watching the main thread, the clock reading before a step; else 0. */
static gint64
main_clock_start (void)
{
  /* The main loop, while it runs a callback: what a user waits on. */
  if ((debug_flags () & DEBUG_SLOW_MAIN) == 0 || !g_main_context_is_owner (g_main_context_default ()))
    return 0;
  return MAX (thread_clock (), 1);
}

static void
report_slow_main (const char *sql,
                  gint64      spent)
{
  if (spent > slow_main_limit ())
    g_warning ("The main thread spent %.1f ms in the store on: %s", spent / 1000.0, sql);
}

/* Adds the step begun at @start to @self's time; @finished: the statement
 * has given its last row, so its time is told (when over the limit). */
static void
main_clock_stop (TandemStmt *self,
                 gint64      start,
                 gboolean    finished)
{
  if (start == 0)
    return;
  self->spent += thread_clock () - start;
  if (finished)
    {
      report_slow_main (sqlite3_sql (self->stmt), self->spent);
      self->spent = 0;
    }
}

static void
log_plan (sqlite3    *db,
          const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (sql);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "\n  %s", (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_log ("Tandem-Plan", G_LOG_LEVEL_DEBUG, "%s", plan->str);
}

/* The next $N placeholder of @sql at or after @from, outside quoted text
 * and comments ('$.person' is a JSON path, not a parameter); NULL when
 * there is none. Both engines read their statements' parameters so. */
const char *
tandem_store_next_placeholder (const char *from)
{
  char quote = 0;

  for (const char *p = from; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '\'' || *p == '"')
        quote = *p;
      else if (p[0] == '-' && p[1] == '-')
        {
          p = strchr (p, '\n');
          if (p == NULL)
            return NULL;
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        return p;
    }
  return NULL;
}

/* Domain SQL numbers its parameters $1, $2… as PostgreSQL does. SQLite
 * reads "$1" as a parameter *named* "$1" and numbers such names in order of
 * first use, so "$2 … $1" would bind the wrong values: write them as ?NNN,
 * which SQLite numbers exactly. */
static char *
sqlite_placeholders (const char *sql)
{
  const char *from = sql;
  const char *found;
  GString *out;

  if ((found = tandem_store_next_placeholder (sql)) == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (; found != NULL; from = found + 1, found = tandem_store_next_placeholder (from))
    {
      g_string_append_len (out, from, found - from);
      g_string_append_c (out, '?');
    }
  g_string_append (out, from);
  return g_string_free (out, FALSE);
}

TandemStmt *
tandem_store_prepare (TandemStore  *self,
                      const char   *sql,
                      GError      **error)
{
  g_autofree char *rewritten = NULL;
  sqlite3_stmt *stmt = NULL;
  TandemStmt *wrapper;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (tandem_store_is_server (self))
    {
      wrapper = g_new0 (TandemStmt, 1);
      wrapper->store = self;
      wrapper->pg = tandem_pg_prepare (self, sql);
      return wrapper;
    }

  rewritten = sqlite_placeholders (sql);
  rc = sqlite3_prepare_v2 (self->db, rewritten != NULL ? rewritten : sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  if (debug_flags () & DEBUG_PLANS)
    log_plan (self->db, rewritten != NULL ? rewritten : sql);

  wrapper = g_new0 (TandemStmt, 1);
  wrapper->store = self;
  wrapper->stmt = stmt;
  return wrapper;
}

void
tandem_stmt_free (TandemStmt *self)
{
  if (self == NULL)
    return;
  if (self->pg != NULL)
    {
      tandem_pg_stmt_free (self->pg);
      g_free (self);
      return;
    }
  report_slow_main (sqlite3_sql (self->stmt), self->spent);
  sqlite3_finalize (self->stmt);
  g_clear_pointer (&self->bounded, g_ptr_array_unref);
  g_free (self);
}

/* The row's texts are gone once the statement steps or resets. */
static void
forget_row (TandemStmt *self)
{
  if (self->bounded != NULL)
    g_ptr_array_set_size (self->bounded, 0);
}

void
tandem_stmt_reset (TandemStmt *self)
{
  g_return_if_fail (self != NULL);

  forget_row (self);
  if (self->pg != NULL)
    {
      tandem_pg_stmt_reset (self->pg);
      return;
    }
  report_slow_main (sqlite3_sql (self->stmt), self->spent);
  self->spent = 0;
  sqlite3_reset (self->stmt);
}

TandemStep
tandem_stmt_step (TandemStmt  *self,
                  GError     **error)
{
  gint64 start;
  int rc;

  g_return_val_if_fail (self != NULL, TANDEM_STEP_ERROR);

  forget_row (self);
  if (self->pg != NULL)
    return tandem_pg_stmt_step (self->pg, self->store, error);
  start = main_clock_start ();
  rc = sqlite3_step (self->stmt);
  main_clock_stop (self, start, rc != SQLITE_ROW);
  if (rc == SQLITE_ROW)
    return TANDEM_STEP_ROW;
  if (rc == SQLITE_DONE)
    return TANDEM_STEP_DONE;

  tandem_store_set_sqlite_error (error, self->store->db, rc, self->store->path);
  return TANDEM_STEP_ERROR;
}

/* Steps a statement that returns no rows and resets it for reuse. */
gboolean
tandem_stmt_step_done (TandemStmt  *self,
                       GError     **error)
{
  gint64 start;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->pg != NULL)
    {
      TandemStep step = tandem_pg_stmt_step (self->pg, self->store, error);

      tandem_pg_stmt_reset (self->pg);
      return step != TANDEM_STEP_ERROR;
    }
  start = main_clock_start ();
  rc = sqlite3_step (self->stmt);
  sqlite3_reset (self->stmt);
  main_clock_stop (self, start, TRUE);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_sqlite_error (error, self->store->db, rc, self->store->path);
      return FALSE;
    }
  return TRUE;
}

/* Steps to the one row a statement gives; none is an error that says
 * @missing, a sentence telling the user what was not found. */
gboolean
tandem_stmt_step_row (TandemStmt  *self,
                      const char  *missing,
                      GError     **error)
{
  switch (tandem_stmt_step (self, error))
    {
    case TANDEM_STEP_ROW:
      return TRUE;
    case TANDEM_STEP_DONE:
      return tandem_store_set_invalid (error, missing);
    case TANDEM_STEP_ERROR:
    default:
      return FALSE;
    }
}

int
tandem_stmt_get_n_params (TandemStmt *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->pg != NULL)
    return tandem_pg_stmt_get_n_params (self->pg);
  return sqlite3_bind_parameter_count (self->stmt);
}

int
tandem_stmt_get_n_columns (TandemStmt *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->pg != NULL)
    return tandem_pg_stmt_get_n_columns (self->pg);
  return sqlite3_column_count (self->stmt);
}

void
tandem_stmt_bind_text (TandemStmt *self,
                       int         index,
                       const char *value)
{
  if (self->pg != NULL)
    tandem_pg_stmt_bind (self->pg, index, value, FALSE);
  else
    sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_STATIC);
}

void
tandem_stmt_bind_text_copy (TandemStmt *self,
                            int         index,
                            const char *value)
{
  if (self->pg != NULL)
    tandem_pg_stmt_bind (self->pg, index, value, FALSE);
  else
    sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
tandem_stmt_bind_int (TandemStmt *self,
                      int         index,
                      int         value)
{
  tandem_stmt_bind_int64 (self, index, value);
}

void
tandem_stmt_bind_int64 (TandemStmt *self,
                        int         index,
                        gint64      value)
{
  if (self->pg != NULL)
    {
      char text[24];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
      tandem_pg_stmt_bind (self->pg, index, text, TRUE);
    }
  else
    sqlite3_bind_int64 (self->stmt, index, value);
}

void
tandem_stmt_bind_double (TandemStmt *self,
                         int         index,
                         double      value)
{
  if (self->pg != NULL)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (text, sizeof text, value);
      tandem_pg_stmt_bind (self->pg, index, strpbrk (text, ".eEn") ? text : strcat (text, ".0"), TRUE);
    }
  else
    sqlite3_bind_double (self->stmt, index, value);
}

void
tandem_stmt_bind_null (TandemStmt *self,
                       int         index)
{
  if (self->pg != NULL)
    tandem_pg_stmt_bind (self->pg, index, NULL, FALSE);
  else
    sqlite3_bind_null (self->stmt, index);
}

int
tandem_stmt_get_int (TandemStmt *self,
                     int         column)
{
  if (self->pg != NULL)
    return (int)tandem_stmt_get_int64 (self, column);
  return sqlite3_column_int (self->stmt, column);
}

gint64
tandem_stmt_get_int64 (TandemStmt *self,
                       int         column)
{
  if (self->pg != NULL)
    {
      const char *value = tandem_pg_stmt_get_value (self->pg, column);

      return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
    }
  return sqlite3_column_int64 (self->stmt, column);
}

double
tandem_stmt_get_double (TandemStmt *self,
                        int         column)
{
  if (self->pg != NULL)
    {
      const char *value = tandem_pg_stmt_get_value (self->pg, column);

      return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
    }
  return sqlite3_column_double (self->stmt, column);
}

/* No view lays out more of one value than its column may hold: a 50 MB
 * name that an older file or raw SQL left in the database would otherwise
 * stop the window from ever showing. Every text a reader gets is cut at
 * its column's limit (a name at 200 characters, an insight at 10,000);
 * only what must come back whole (an undo snapshot) asks for the whole
 * text. A value within 4 bytes a character of its limit is never cut,
 * and only a longer one is looked at. */
const char *
tandem_stmt_get_nullable_text (TandemStmt *self,
                               int         column)
{
  const char *text = self->pg != NULL ? tandem_pg_stmt_get_value (self->pg, column)
                                      : (const char *)sqlite3_column_text (self->stmt, column);
  int bytes = text == NULL ? 0 : self->pg != NULL ? (int)strlen (text) : sqlite3_column_bytes (self->stmt, column);
  g_autofree char *valid = NULL;
  guint limit;
  char *cut;

  if (text == NULL || bytes <= 4 * TANDEM_LIMIT_EMAIL)
    return text;
  limit = tandem_text_shown_limit (self->pg != NULL ? tandem_pg_stmt_get_name (self->pg, column)
                                                    : sqlite3_column_name (self->stmt, column));
  if (bytes <= 4 * (int)limit)
    return text;

  valid = g_utf8_make_valid (text, 4 * (gssize)limit);
  cut = tandem_text_bound (valid, limit);
  if (self->bounded == NULL)
    self->bounded = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->bounded, cut);
  return cut;
}

const char *
tandem_stmt_get_text (TandemStmt *self,
                      int         column)
{
  const char *text = tandem_stmt_get_nullable_text (self, column);

  return text != NULL ? text : "";
}

/* The text as stored, however long: for what is written back as it was. */
const char *
tandem_stmt_get_whole_text (TandemStmt *self,
                            int         column)
{
  const char *text = self->pg != NULL ? tandem_pg_stmt_get_value (self->pg, column)
                                      : (const char *)sqlite3_column_text (self->stmt, column);

  return text != NULL ? text : "";
}

gboolean
tandem_stmt_get_is_null (TandemStmt *self,
                         int         column)
{
  if (self->pg != NULL)
    return tandem_pg_stmt_get_value (self->pg, column) == NULL;
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

gboolean
tandem_store_exec (TandemStore  *self,
                   const char   *sql,
                   GError      **error)
{
  gint64 start;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (tandem_store_is_server (self))
    return tandem_pg_exec (self, sql, error);
  start = main_clock_start ();
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (start != 0)
    report_slow_main (sql, thread_clock () - start);
  if (rc != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_store_query_int (TandemStore  *self,
                        const char   *sql,
                        gint64       *out_value,
                        GError      **error)
{
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (tandem_store_is_server (self))
    {
      g_autoptr(TandemStmt) stmt = tandem_store_prepare (self, sql, error);

      if (stmt == NULL || tandem_stmt_step (stmt, error) != TANDEM_STEP_ROW)
        return FALSE;
      *out_value = tandem_stmt_get_int64 (stmt, 0);
      return TRUE;
    }
  if (!tandem_store_read_int (self->db, sql, out_value, &rc))
    {
      tandem_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

gint64
tandem_store_get_last_insert_id (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (tandem_store_is_server (self))
    return tandem_pg_last_insert_id (self);
  return sqlite3_last_insert_rowid (self->db);
}

gint64
tandem_store_get_changes (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

#ifdef HAVE_LIBPQ
  if (tandem_store_is_server (self))
    return self->pg_changes;
#endif
  return sqlite3_changes (self->db);
}

gboolean
tandem_store_begin (TandemStore  *self,
                    GError      **error)
{
  if (tandem_store_is_server (self))
    return tandem_pg_begin (self, error);
  return tandem_store_exec (self, "BEGIN IMMEDIATE", error);
}

/* A bulk write (an import of 500,000 rows in random order) touches index
 * pages all over the file: with SQLite's default 2 MB cache it spends its
 * time spilling and rereading them. 128 MB while it lasts, then back.
 * Foreign keys are not checked meanwhile (a fifth of a survey import went
 * into looking up the wave, role and department of every response): an
 * import refers only to rows it found or made itself, in a transaction no
 * other writer can enter. Called outside a transaction (SQLite ignores
 * the pragma inside one). */
void
tandem_store_set_bulk (TandemStore *self,
                       gboolean     bulk)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  if (tandem_store_is_server (self))
    return;
  tandem_store_exec (self, bulk ? "PRAGMA cache_size = -131072; PRAGMA foreign_keys = OFF"
                                : "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON", NULL);
}

gboolean
tandem_store_commit (TandemStore  *self,
                     GError      **error)
{
  return tandem_store_exec (self, "COMMIT", error);
}

void
tandem_store_rollback (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  if (tandem_store_is_server (self))
    tandem_pg_rollback (self);
  else if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
tandem_store_savepoint (TandemStore  *self,
                        GError      **error)
{
  if (tandem_store_is_server (self))
    return tandem_pg_savepoint (self, error);
  return tandem_store_exec (self, "SAVEPOINT tandem", error);
}

gboolean
tandem_store_release (TandemStore  *self,
                      GError      **error)
{
  if (tandem_store_is_server (self))
    return tandem_pg_release (self, error);
  return tandem_store_exec (self, "RELEASE tandem", error);
}

void
tandem_store_rollback_savepoint (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  if (tandem_store_is_server (self))
    tandem_pg_savepoint_rollback (self);
  else
    sqlite3_exec (self->db, "ROLLBACK TO tandem; RELEASE tandem", NULL, NULL, NULL);
}
