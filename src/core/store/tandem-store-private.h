/* tandem-store-private.h — SQL access for the rest of src/core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing outside src/core includes this header: the front end and the CLI
 * talk to the store through domain functions, never through SQL.
 */
#pragma once

#include <sqlite3.h>

#include "tandem-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *tandem_store_get_db        (TandemStore  *self);
sqlite3_stmt *tandem_store_prepare       (TandemStore  *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      tandem_store_exec          (TandemStore  *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      tandem_store_begin         (TandemStore  *self,
                                          GError      **error);
gboolean      tandem_store_commit        (TandemStore  *self,
                                          GError      **error);
void          tandem_store_rollback      (TandemStore  *self);
gboolean      tandem_store_savepoint     (TandemStore  *self,
                                          GError      **error);
gboolean      tandem_store_release       (TandemStore  *self,
                                          GError      **error);
void          tandem_store_rollback_savepoint (TandemStore *self);
gboolean      tandem_store_step_done     (TandemStore  *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
gboolean      tandem_store_query_int     (TandemStore  *self,
                                          const char   *sql,
                                          gint64       *out_value,
                                          GError      **error);
void          tandem_store_set_error     (TandemStore  *self,
                                          int           rc,
                                          GError      **error);
gboolean      tandem_store_delete_row    (TandemStore  *self,
                                          const char   *snapshot_sql,
                                          const char   *delete_sql,
                                          gint64        id,
                                          const char   *gone,
                                          char        **out_undo,
                                          GError      **error);
gboolean      tandem_store_restore_rows  (TandemStore        *self,
                                          const char * const *restore_sql,
                                          guint               n_sql,
                                          const char         *undo,
                                          GError            **error);
gboolean      tandem_store_set_invalid   (GError      **error,
                                          const char   *message);
const char   *tandem_stmt_get_text       (sqlite3_stmt *stmt,
                                          int           column);

G_END_DECLS
