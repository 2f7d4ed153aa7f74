/* tandem-store.h — the SQLite file behind everything Tandem knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TANDEM_STORE_ERROR (tandem_store_error_quark ())

typedef enum
{
  TANDEM_STORE_ERROR_NOT_DATABASE,
  TANDEM_STORE_ERROR_FOREIGN,
  TANDEM_STORE_ERROR_TOO_NEW,
  TANDEM_STORE_ERROR_CORRUPT,
  TANDEM_STORE_ERROR_BUSY,
  TANDEM_STORE_ERROR_READ_ONLY,
  TANDEM_STORE_ERROR_FULL,
  TANDEM_STORE_ERROR_NOT_EMPTY,
  TANDEM_STORE_ERROR_INVALID,
  TANDEM_STORE_ERROR_FAILED,
  TANDEM_STORE_ERROR_NOT_FOUND,
  TANDEM_STORE_ERROR_NEEDS_PASSWORD,
  TANDEM_STORE_ERROR_CHANGED,
} TandemStoreError;

/* The schema version this build creates and understands. */
#define TANDEM_STORE_SCHEMA_VERSION 8

/* How many automatic backups (before a migration or a restore) are kept. */
#define TANDEM_STORE_AUTO_BACKUPS 3

/* PRAGMA application_id of every Tandem database: "Tndm". */
#define TANDEM_STORE_APPLICATION_ID 0x546e646d

/* The page size of every database file Tandem makes (older files have
 * SQLite's 4096, and keep it). */
#define TANDEM_STORE_PAGE_SIZE 16384

/* What the login may do with the record: everything on a file; on a team
 * server, what its group allows. */
typedef enum
{
  TANDEM_ACCESS_ALL,       /* a file, or the server's owner */
  TANDEM_ACCESS_MANAGER,   /* keeps people, programs, pairs; reads every report */
  TANDEM_ACCESS_LEADER,    /* reads reports and charts, writes nothing */
  TANDEM_ACCESS_MEMBER,    /* an executive or mentor: their own pairs and sessions */
} TandemAccess;

#define TANDEM_TYPE_STORE (tandem_store_get_type ())

G_DECLARE_FINAL_TYPE (TandemStore, tandem_store, TANDEM, STORE, GObject)

/* Called once when a write has waited a second for another writer. */
typedef void (*TandemStoreWaitFunc) (gpointer user_data);

GQuark       tandem_store_error_quark       (void);
char        *tandem_store_dup_default_path  (void);
char        *tandem_store_dup_local_path    (void);
TandemStore *tandem_store_open              (const char   *path,
                                             GError      **error);
TandemStore *tandem_store_open_server       (const char   *uri,
                                            GError      **error);
TandemStore *tandem_store_open_existing     (const char   *path,
                                             GError      **error);
const char  *tandem_store_get_path          (TandemStore  *self);
void         tandem_store_set_wait_func     (TandemStore         *self,
                                             TandemStoreWaitFunc  func,
                                             gpointer             user_data);
void         tandem_store_set_wait          (TandemStore         *self,
                                             guint                milliseconds);
int          tandem_store_get_schema_version (TandemStore *self);
TandemAccess tandem_store_get_access        (TandemStore  *self);
gboolean     tandem_store_is_empty          (TandemStore  *self,
                                             gboolean     *out_empty,
                                             GError      **error);
gboolean     tandem_store_clear             (TandemStore  *self,
                                             GError      **error);
gboolean     tandem_store_backup            (TandemStore  *self,
                                             const char   *destination,
                                             GError      **error);
gboolean     tandem_store_restore           (TandemStore  *self,
                                             const char   *source,
                                             GError      **error);
void         tandem_store_remove_file       (const char   *path);
gboolean     tandem_store_copy              (TandemStore  *from,
                                             TandemStore  *to,
                                             GCancellable *cancellable,
                                             GError      **error);
gboolean     tandem_store_check             (TandemStore  *self,
                                             char        **out_report,
                                             GError      **error);

G_END_DECLS
