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
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

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

G_END_DECLS
