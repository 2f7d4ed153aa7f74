/* tandem-store-private.h — the store's statement API, for src/core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one seam between the domains and the database engine. Domain code
 * owns its SQL text, written once in the SQL that SQLite 3.40 and
 * PostgreSQL 15 share where that is possible, with $1, $2… placeholders;
 * it prepares, binds, steps and reads through these functions and never
 * names an engine's API. Nothing outside src/core includes this header:
 * the front end and the CLI talk to the store through domain functions.
 */
#pragma once

#include "tandem-store.h"
#include "tandem-store-dialect.h"

G_BEGIN_DECLS

/* A person's learning (person.learning, schema 5) worked out from their
 * enrollments: 0 none or only dropped, 1 enrolled, 2 completed one. */
#define TANDEM_SQL_LEARNING_OF(person_id) \
  "coalesce ((SELECT max (CASE e.status WHEN 'completed' THEN 2 WHEN 'dropped' THEN 0 ELSE 1 END)" \
  "             FROM enrollment e WHERE e.person_id = " person_id "), 0)"


/* A prepared statement, owned by whoever prepared it. */
typedef struct _TandemStmt TandemStmt;

/* What stepping a statement gave. */
typedef enum
{
  TANDEM_STEP_ERROR = -1,   /* the error is set */
  TANDEM_STEP_DONE  = 0,    /* no (more) rows */
  TANDEM_STEP_ROW   = 1,    /* a row is ready to read */
} TandemStep;

TandemStmt  *tandem_store_prepare             (TandemStore  *self,
                                               const char   *sql,
                                               GError      **error);
gboolean     tandem_store_exec                (TandemStore  *self,
                                               const char   *sql,
                                               GError      **error);
gboolean     tandem_store_query_int           (TandemStore  *self,
                                               const char   *sql,
                                               gint64       *out_value,
                                               GError      **error);
gint64       tandem_store_get_last_insert_id  (TandemStore  *self);
gint64       tandem_store_get_changes         (TandemStore  *self);

/* Rows in memory for tandem_store_insert_rows (): an array of structs,
 * each column a member at an offset, read as the given type. */
typedef enum
{
  TANDEM_ROWS_INT64,      /* gint64 */
  TANDEM_ROWS_ID64,       /* gint64; 0 is NULL */
  TANDEM_ROWS_ID8,        /* guint8; 0 is NULL */
  TANDEM_ROWS_NAME8,      /* guint8, an index into names */
  TANDEM_ROWS_NAME_INT,   /* int (an enum), an index into names */
  TANDEM_ROWS_TEXT,       /* const char *; "" is NULL */
  TANDEM_ROWS_STRING,     /* const char *, "" too */
} TandemRowsType;

typedef struct
{
  TandemRowsType      type;
  gsize               offset;
  const char * const *names;   /* for the NAME types */
} TandemRowsColumn;

typedef struct
{
  gconstpointer           data;
  gsize                   stride;
  guint                   n_rows;
  const TandemRowsColumn *columns;
  guint                   n_columns;
} TandemRows;

gboolean     tandem_store_insert_rows         (TandemStore       *self,
                                               const char        *bulk_sql,
                                               const char        *row_sql,
                                               const TandemRows  *rows,
                                               GError           **error);

/* Transactions: begin/commit/rollback around a whole write; savepoints
 * nest inside one or open one, so a write that is whole on its own can
 * also be one step of an import. */
void         tandem_store_set_bulk            (TandemStore  *self,
                                               gboolean      bulk);
gboolean     tandem_store_begin               (TandemStore  *self,
                                               GError      **error);
gboolean     tandem_store_commit              (TandemStore  *self,
                                               GError      **error);
void         tandem_store_rollback            (TandemStore  *self);
gboolean     tandem_store_savepoint           (TandemStore  *self,
                                               GError      **error);
gboolean     tandem_store_release             (TandemStore  *self,
                                               GError      **error);
void         tandem_store_rollback_savepoint  (TandemStore  *self);

gboolean     tandem_store_set_invalid         (GError      **error,
                                               const char   *message);
gboolean     tandem_store_check_length        (GError      **error,
                                               const char   *what,
                                               const char   *text,
                                               guint         limit);
char        *tandem_store_dup_version         (TandemStore  *self,
                                               const char   *version_sql,
                                               gint64        id,
                                               GError      **error);
gboolean     tandem_store_check_version       (TandemStore  *self,
                                               const char   *version_sql,
                                               gint64        id,
                                               const char   *version,
                                               const char   *changed,
                                               GError      **error);
gboolean     tandem_store_delete_row          (TandemStore  *self,
                                               TandemSql     snapshot,
                                               const char   *delete_sql,
                                               gint64        id,
                                               const char   *gone,
                                               char        **out_undo,
                                               GError      **error);
gboolean     tandem_store_restore_rows        (TandemStore     *self,
                                               const TandemSql *restore,
                                               guint            n_restore,
                                               const char      *undo,
                                               GError         **error);

void         tandem_stmt_free                 (TandemStmt   *self);
void         tandem_stmt_reset                (TandemStmt   *self);
TandemStep   tandem_stmt_step                 (TandemStmt   *self,
                                               GError      **error);
gboolean     tandem_stmt_step_done            (TandemStmt   *self,
                                               GError      **error);
gboolean     tandem_stmt_step_row             (TandemStmt   *self,
                                               const char   *missing,
                                               GError      **error);
int          tandem_stmt_get_n_params         (TandemStmt   *self);
int          tandem_stmt_get_n_columns        (TandemStmt   *self);

/* Parameters count from 1, as $1 does. bind_text keeps @value's pointer
 * until the statement is stepped or reset; bind_text_copy copies it. */
void         tandem_stmt_bind_text            (TandemStmt   *self,
                                               int           index,
                                               const char   *value);
void         tandem_stmt_bind_text_copy       (TandemStmt   *self,
                                               int           index,
                                               const char   *value);
void         tandem_stmt_bind_int             (TandemStmt   *self,
                                               int           index,
                                               int           value);
void         tandem_stmt_bind_int64           (TandemStmt   *self,
                                               int           index,
                                               gint64        value);
void         tandem_stmt_bind_double          (TandemStmt   *self,
                                               int           index,
                                               double        value);
void         tandem_stmt_bind_null            (TandemStmt   *self,
                                               int           index);

/* Columns count from 0. get_text gives "" for NULL, get_nullable_text NULL;
 * both cut a text at its column's limit (tandem_text_shown_limit()),
 * get_whole_text never. */
int          tandem_stmt_get_int              (TandemStmt   *self,
                                               int           column);
gint64       tandem_stmt_get_int64            (TandemStmt   *self,
                                               int           column);
double       tandem_stmt_get_double           (TandemStmt   *self,
                                               int           column);
const char  *tandem_stmt_get_text             (TandemStmt   *self,
                                               int           column);
const char  *tandem_stmt_get_nullable_text    (TandemStmt   *self,
                                               int           column);
const char  *tandem_stmt_get_whole_text       (TandemStmt   *self,
                                               int           column);
gboolean     tandem_stmt_get_is_null          (TandemStmt   *self,
                                               int           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemStmt, tandem_stmt_free)

void         tandem_store_set_slow_main_ms (guint ms);

G_END_DECLS
