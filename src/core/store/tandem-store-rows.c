/* tandem-store-rows.c — rows held in memory, written by one statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import checks every row before it writes any, so it ends with an
 * array of rows to insert. Binding, stepping and resetting a statement
 * per row costs SQLite about a microsecond each time, as much as the
 * insert itself; so on a file the array is read as a table,
 * tandem_rows, a virtual table over the caller's memory, and one
 * INSERT … SELECT … FROM tandem_rows writes it all. A team server gets
 * the rows one statement each, as before.
 */
#include "config.h"

#include <string.h>

#include "tandem-store-engine.h"
#include "tandem-store-private.h"

/* As many columns as a row may give: c0 … c15. */
#define MAX_COLUMNS 16

typedef struct
{
  sqlite3_vtab  base;
  TandemStore  *store;
} RowsTable;

typedef struct
{
  sqlite3_vtab_cursor  base;
  const TandemRows    *rows;
  guint                row;
} RowsCursor;

static int
rows_connect (sqlite3             *db,
              void                *aux,
              int                  argc,
              const char * const  *argv,
              sqlite3_vtab       **out_vtab,
              char               **out_error)
{
  RowsTable *table;
  int rc;

  rc = sqlite3_declare_vtab (db, "CREATE TABLE x (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14,"
                                 " c15)");
  if (rc != SQLITE_OK)
    return rc;
  table = sqlite3_malloc (sizeof *table);
  if (table == NULL)
    return SQLITE_NOMEM;
  memset (table, 0, sizeof *table);
  table->store = aux;
  *out_vtab = &table->base;
  return SQLITE_OK;
}

static int
rows_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

/* Read in order, start to end: there is nothing else to plan. */
static int
rows_best_index (sqlite3_vtab       *vtab,
                 sqlite3_index_info *info)
{
  RowsTable *table = (RowsTable *)vtab;
  const TandemRows *rows = table->store->rows;

  info->estimatedRows = rows != NULL ? rows->n_rows : 0;
  info->estimatedCost = (double)info->estimatedRows;
  return SQLITE_OK;
}

static int
rows_open (sqlite3_vtab         *vtab,
           sqlite3_vtab_cursor **out_cursor)
{
  RowsCursor *cursor = sqlite3_malloc (sizeof *cursor);

  if (cursor == NULL)
    return SQLITE_NOMEM;
  memset (cursor, 0, sizeof *cursor);
  *out_cursor = &cursor->base;
  return SQLITE_OK;
}

static int
rows_close (sqlite3_vtab_cursor *cursor)
{
  sqlite3_free (cursor);
  return SQLITE_OK;
}

static int
rows_filter (sqlite3_vtab_cursor  *base,
             int                   index_number,
             const char           *index_text,
             int                   argc,
             sqlite3_value       **argv)
{
  RowsCursor *cursor = (RowsCursor *)base;

  /* Outside tandem_store_insert_rows () the table is empty. */
  cursor->rows = ((RowsTable *)base->pVtab)->store->rows;
  cursor->row = 0;
  return SQLITE_OK;
}

static int
rows_next (sqlite3_vtab_cursor *base)
{
  ((RowsCursor *)base)->row++;
  return SQLITE_OK;
}

static int
rows_eof (sqlite3_vtab_cursor *base)
{
  RowsCursor *cursor = (RowsCursor *)base;

  return cursor->rows == NULL || cursor->row >= cursor->rows->n_rows;
}

/* One value of a row, as either engine takes it. */
typedef struct
{
  enum { VALUE_NULL, VALUE_INT, VALUE_TEXT } kind;
  gint64      number;
  const char *text;
} Value;

static Value
read_value (const TandemRowsColumn *column,
            gconstpointer           data,
            gsize                   stride,
            guint                   row)
{
  const guint8 *at = (const guint8 *)data + (gsize)row * stride + column->offset;
  Value value = { VALUE_INT, 0, NULL };

  switch (column->type)
    {
    case TANDEM_ROWS_INT64:
    case TANDEM_ROWS_ID64:
      value.number = *(const gint64 *)at;
      break;
    case TANDEM_ROWS_ID8:
      value.number = *at;
      break;
    case TANDEM_ROWS_NAME8:
      value.text = column->names[*at];
      break;
    case TANDEM_ROWS_NAME_INT:
      value.text = column->names[*(const int *)at];
      break;
    case TANDEM_ROWS_TEXT:
    case TANDEM_ROWS_STRING:
      value.text = *(const char * const *)at;
      break;
    default:
      g_assert_not_reached ();
    }
  if (value.text != NULL)
    value.kind = *value.text == '\0' && column->type == TANDEM_ROWS_TEXT ? VALUE_NULL : VALUE_TEXT;
  else if (value.number == 0 && column->type != TANDEM_ROWS_INT64)
    value.kind = VALUE_NULL;
  return value;
}

static int
rows_column (sqlite3_vtab_cursor *base,
             sqlite3_context     *context,
             int                  n)
{
  RowsCursor *cursor = (RowsCursor *)base;
  const TandemRows *rows = cursor->rows;
  Value value = { VALUE_NULL, 0, NULL };

  if ((guint)n < rows->n_columns)
    value = read_value (&rows->columns[n], rows->data, rows->stride, cursor->row);
  if (value.kind == VALUE_INT)
    sqlite3_result_int64 (context, value.number);
  else if (value.kind == VALUE_TEXT)
    sqlite3_result_text (context, value.text, -1, SQLITE_STATIC);
  else
    sqlite3_result_null (context);
  return SQLITE_OK;
}

static int
rows_rowid (sqlite3_vtab_cursor *base,
            sqlite3_int64       *out_rowid)
{
  *out_rowid = ((RowsCursor *)base)->row;
  return SQLITE_OK;
}

/* Eponymous and read-only: no xCreate, so it needs no CREATE VIRTUAL TABLE. */
static const sqlite3_module rows_module = {
  .iVersion = 0,
  .xCreate = NULL,
  .xConnect = rows_connect,
  .xBestIndex = rows_best_index,
  .xDisconnect = rows_disconnect,
  .xDestroy = rows_disconnect,
  .xOpen = rows_open,
  .xClose = rows_close,
  .xFilter = rows_filter,
  .xNext = rows_next,
  .xEof = rows_eof,
  .xColumn = rows_column,
  .xRowid = rows_rowid,
};

/* Makes tandem_rows known to @self's connection (a file's). */
int
tandem_store_add_rows_table (TandemStore *self)
{
  return sqlite3_create_module (self->db, "tandem_rows", &rows_module, self);
}

/**
 * tandem_store_insert_rows:
 * @bulk_sql: the statement that writes every row at once, reading
 *   `SELECT c0, c1, … FROM tandem_rows` (a file's)
 * @row_sql: the same for one row, its values bound as $1, $2, … (a
 *   server's)
 * @rows: the rows, which must stay as they are until this returns
 *
 * Writes @rows inside the caller's transaction, in their order. The
 * caller has checked every value as the table's CHECK constraints would:
 * a file's SQLite does not evaluate them again for these rows (a third
 * of writing 100,000 people went into trim () and IN), while NOT NULL,
 * UNIQUE and PRAGMA integrity_check still hold; a server checks them as
 * always.
 *
 * Returns: %FALSE with @error set when the engine refused a row
 */
gboolean
tandem_store_insert_rows (TandemStore       *self,
                          const char        *bulk_sql,
                          const char        *row_sql,
                          const TandemRows  *rows,
                          GError           **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL && rows->n_columns <= MAX_COLUMNS, FALSE);

  if (rows->n_rows == 0)
    return TRUE;

  if (!tandem_store_is_server (self))
    {
      g_return_val_if_fail (self->rows == NULL, FALSE);
      self->rows = rows;
      ok = tandem_store_exec (self, "PRAGMA ignore_check_constraints = ON", error) &&
           tandem_store_exec (self, bulk_sql, error);
      tandem_store_exec (self, "PRAGMA ignore_check_constraints = OFF", NULL);
      self->rows = NULL;
      return ok;
    }

  if ((stmt = tandem_store_prepare (self, row_sql, error)) == NULL)
    return FALSE;
  for (guint r = 0; r < rows->n_rows; r++)
    {
      for (guint c = 0; c < rows->n_columns; c++)
        {
          Value value = read_value (&rows->columns[c], rows->data, rows->stride, r);

          if (value.kind == VALUE_INT)
            tandem_stmt_bind_int64 (stmt, (int)c + 1, value.number);
          else if (value.kind == VALUE_TEXT)
            tandem_stmt_bind_text (stmt, (int)c + 1, value.text);
          else
            tandem_stmt_bind_null (stmt, (int)c + 1);
        }
      if (!tandem_stmt_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}
