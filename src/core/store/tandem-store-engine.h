/* tandem-store-engine.h — the SQLite engine behind the store, for src/core/store only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only header that includes sqlite3.h. Everything SQLite-specific
 * (opening, PRAGMAs, the online backup, error codes, placeholders) stays
 * in src/core/store/; a second engine sits beside it behind the same
 * statement API (tandem-store-private.h).
 */
#pragma once

#include <sqlite3.h>
#ifdef HAVE_LIBPQ
#include <libpq-fe.h>
#include "tandem-pq.h"
#endif

#include "tandem-store-private.h"

G_BEGIN_DECLS

struct _TandemStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  int      schema_version;

  /* Waiting for another writer: since when, whether the user was told,
   * how long to wait at most, and who to tell. */
  gint64             busy_since;
  gint64             wait_usec;
  gboolean           told;
  TandemStoreWaitFunc wait_func;
  gpointer           wait_data;

  /* What the tandem_rows table holds while tandem_store_insert_rows () runs. */
  const TandemRows  *rows;

#ifdef HAVE_LIBPQ
  /* A team server instead of a file (then db is NULL): the connection,
   * whether each open savepoint began the transaction, and the rows the
   * last statement changed. */
  PGconn            *pg;
  GArray            *pg_savepoints;
  gint64             pg_changes;
#endif
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

int      tandem_store_add_rows_table    (TandemStore  *self);
void     tandem_store_set_sqlite_error  (GError      **error,
                                         sqlite3      *db,
                                         int           rc,
                                         const char   *path);
gboolean tandem_store_read_int          (sqlite3      *db,
                                         const char   *sql,
                                         gint64       *out_value,
                                         int          *out_rc);
void     tandem_store_prune_backups     (TandemStore  *self,
                                         const char   *keep);
gboolean tandem_store_migrate           (TandemStore  *self,
                                         const char   *keep,
                                         GError      **error);
gboolean tandem_store_backup_automatically (TandemStore  *self,
                                            const char   *reason,
                                            GError      **error);
gboolean tandem_store_create_private_file  (const char   *path,
                                            GError      **error);
gboolean tandem_store_check_header         (const char   *path,
                                            gboolean     *out_exists,
                                            GError      **error);
gboolean tandem_store_probe_existing       (const char   *path,
                                            GError      **error);
void     tandem_store_remove_temp_dir      (const char   *dir);

const char *tandem_store_next_placeholder (const char *from);

/* The PostgreSQL engine (tandem-store-pg.c): the statement API over libpq. */
typedef struct _TandemPgStmt TandemPgStmt;

gboolean      tandem_store_is_server     (TandemStore   *self);
TandemPgStmt *tandem_pg_prepare          (TandemStore   *store,
                                          const char    *sql);
void          tandem_pg_stmt_free        (TandemPgStmt  *self);
void          tandem_pg_stmt_reset       (TandemPgStmt  *self);
TandemStep    tandem_pg_stmt_step        (TandemPgStmt  *self,
                                          TandemStore   *store,
                                          GError       **error);
int           tandem_pg_stmt_get_n_params (TandemPgStmt *self);
int           tandem_pg_stmt_get_n_columns (TandemPgStmt *self);
void          tandem_pg_stmt_bind        (TandemPgStmt  *self,
                                          int            index,
                                          const char    *text,
                                          gboolean       number);
const char   *tandem_pg_stmt_get_value   (TandemPgStmt  *self,
                                          int            column);
const char   *tandem_pg_stmt_get_name    (TandemPgStmt  *self,
                                          int            column);
gboolean      tandem_pg_exec             (TandemStore   *store,
                                          const char    *sql,
                                          GError       **error);
gint64        tandem_pg_last_insert_id   (TandemStore   *store);
gboolean      tandem_pg_begin            (TandemStore   *store,
                                          GError       **error);
void          tandem_pg_rollback         (TandemStore   *store);
void          tandem_pg_savepoint_rollback (TandemStore *store);
gboolean      tandem_pg_savepoint        (TandemStore   *store,
                                          GError       **error);
gboolean      tandem_pg_release          (TandemStore   *store,
                                          GError       **error);
#ifdef HAVE_LIBPQ
PGconn       *tandem_pg_connect          (const char    *uri,
                                          GError       **error);
gboolean      tandem_pg_set_error        (GError       **error,
                                          PGconn        *conn,
                                          const PGresult *result,
                                          const char    *doing);
#else
gboolean      tandem_pg_unavailable      (GError       **error);
#endif
gboolean      tandem_pg_open             (TandemStore   *store,
                                          const char    *uri,
                                          GError       **error);
void          tandem_pg_close            (TandemStore   *store);
int           tandem_pg_backend_pid      (TandemStore   *store);
TandemAccess  tandem_pg_access           (TandemStore   *store);

G_END_DECLS
