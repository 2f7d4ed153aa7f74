/* tandem-store-watch.c — hears when others change the record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a team server every change ends in a NOTIFY on tandem_changed with
 * the table's name (schema/server/001-server.sql). A watch keeps a
 * connection of its own listening, off the main thread while it connects
 * and as a main-loop source on the socket afterwards, and emits
 * TandemStoreWatch::changed with the tables others changed: changes its
 * own store made are left out (whoever made them has refreshed already),
 * and a burst (an import, a demo) comes as one signal a tenth of a second
 * after its first change. When the connection drops, the watch connects
 * again every few seconds, then says that everything may have changed.
 * On a file, the watch follows its write-ahead log, and when another
 * program committed (SQLite's data_version, which a connection's own
 * commits leave alone, moved) says that everything may have changed.
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include "tandem-store-watch.h"
#include "tandem-store-engine.h"
#include "tandem-store-private.h"

#ifdef HAVE_LIBPQ
#include <glib-unix.h>
#endif

#define GATHER_MS 100
#define RECONNECT_SECONDS 5

struct _TandemStoreWatch
{
  GObject       parent_instance;

  TandemStore  *store;
  GCancellable *cancellable;
  GHashTable   *pending;      /* table names heard, not yet told */
  gboolean      everything;   /* reconnected: anything may have changed */
  guint         gather;
  guint         reconnect;
  gboolean      listened;   /* it listened before: a new connection is a reconnection */
  GFileMonitor *log_monitor;         /* a file's write-ahead log */
  gint64        data_version;        /* the file's, as its store last saw it */
#ifdef HAVE_LIBPQ
  PGconn       *conn;
  guint         readable;
#endif
};

G_DEFINE_FINAL_TYPE (TandemStoreWatch, tandem_store_watch, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
gather_cb (gpointer user_data)
{
  TandemStoreWatch *self = user_data;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer table;

  self->gather = 0;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    g_ptr_array_add (tables, table);
  g_ptr_array_add (tables, NULL);
  g_signal_emit (self, signals[CHANGED], 0, self->everything ? NULL : (char **)tables->pdata);
  g_hash_table_remove_all (self->pending);
  self->everything = FALSE;
  return G_SOURCE_REMOVE;
}

static void
heard (TandemStoreWatch *self,
       const char       *table)
{
  if (table != NULL)
    g_hash_table_add (self->pending, g_strdup (table));
  else
    self->everything = TRUE;
  if (self->gather == 0)
    self->gather = g_timeout_add (GATHER_MS, gather_cb, self);
}

/* A file's write-ahead log changed: another program's commit, or the
 * store's own (which leaves data_version as it was). */
static void
log_changed_cb (GFileMonitor      *monitor,
                GFile             *file,
                GFile             *other,
                GFileMonitorEvent  event,
                gpointer           user_data)
{
  TandemStoreWatch *self = user_data;
  gint64 version = 0;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;
  if (!tandem_store_query_int (self->store, "PRAGMA data_version", &version, NULL) || version == self->data_version)
    return;
  self->data_version = version;
  heard (self, NULL);
}

static void
watch_file (TandemStoreWatch *self)
{
  g_autofree char *log_path = g_strconcat (tandem_store_get_path (self->store), "-wal", NULL);
  g_autoptr(GFile) log = g_file_new_for_path (log_path);
  g_autoptr(GError) error = NULL;

  tandem_store_query_int (self->store, "PRAGMA data_version", &self->data_version, NULL);
  self->log_monitor = g_file_monitor_file (log, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->log_monitor == NULL)
    {
      g_debug ("The database's log cannot be watched: %s", error->message);
      return;
    }
  g_file_monitor_set_rate_limit (self->log_monitor, GATHER_MS);
  g_signal_connect (self->log_monitor, "changed", G_CALLBACK (log_changed_cb), self);
}

#ifdef HAVE_LIBPQ

static void listen_async (TandemStoreWatch *self);

static gboolean
reconnect_cb (gpointer user_data)
{
  TandemStoreWatch *self = user_data;

  self->reconnect = 0;
  listen_async (self);
  return G_SOURCE_REMOVE;
}

static void
lost (TandemStoreWatch *self)
{
  g_debug ("The watch lost the server: %s", self->conn != NULL ? PQerrorMessage (self->conn) : "");
  g_clear_handle_id (&self->readable, g_source_remove);
  g_clear_pointer (&self->conn, PQfinish);
  if (self->reconnect == 0)
    self->reconnect = g_timeout_add_seconds (RECONNECT_SECONDS, reconnect_cb, self);
}

static gboolean
readable_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  TandemStoreWatch *self = user_data;
  int own = tandem_store_is_server (self->store) ? tandem_pg_backend_pid (self->store) : 0;
  PGnotify *notify;

  if (!PQconsumeInput (self->conn))
    {
      self->readable = 0;
      lost (self);
      return G_SOURCE_REMOVE;
    }
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != own)
        heard (self, notify->extra);
      PQfreemem (notify);
    }
  return G_SOURCE_CONTINUE;
}

static void
listen_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *uri = task_data;
  GError *error = NULL;
  PGconn *conn = tandem_pg_connect (uri, &error);
  PGresult *result;

  if (conn == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = PQexec (conn, "LISTEN tandem_changed");
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      tandem_pg_set_error (&error, conn, result, "LISTEN");
      PQclear (result);
      PQfinish (conn);
      g_task_return_error (task, error);
      return;
    }
  PQclear (result);
  g_task_return_pointer (task, conn, (GDestroyNotify)PQfinish);
}

static void
listening_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TandemStoreWatch *self = TANDEM_STORE_WATCH (source);
  g_autoptr(GError) error = NULL;
  PGconn *conn = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&conn, PQfinish);
      return;
    }
  if (conn == NULL)
    {
      lost (self);
      return;
    }
  /* Back after a drop: what others did meanwhile went unheard. */
  if (self->listened)
    heard (self, NULL);
  self->listened = TRUE;
  self->conn = conn;
  self->readable = g_unix_fd_add (PQsocket (conn), G_IO_IN, readable_cb, self);
}

static void
listen_async (TandemStoreWatch *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, listening_cb, NULL);

  g_task_set_source_tag (task, listen_async);
  g_task_set_task_data (task, g_strdup (tandem_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, listen_thread);
}

#endif

static void
tandem_store_watch_dispose (GObject *object)
{
  TandemStoreWatch *self = TANDEM_STORE_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->gather, g_source_remove);
  g_clear_handle_id (&self->reconnect, g_source_remove);
  if (self->log_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->log_monitor, self);
      g_file_monitor_cancel (self->log_monitor);
      g_clear_object (&self->log_monitor);
    }
#ifdef HAVE_LIBPQ
  g_clear_handle_id (&self->readable, g_source_remove);
  g_clear_pointer (&self->conn, PQfinish);
#endif
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_store_watch_parent_class)->dispose (object);
}

static void
tandem_store_watch_finalize (GObject *object)
{
  TandemStoreWatch *self = TANDEM_STORE_WATCH (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_store_watch_parent_class)->finalize (object);
}

static void
tandem_store_watch_class_init (TandemStoreWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_store_watch_dispose;
  object_class->finalize = tandem_store_watch_finalize;

  /**
   * TandemStoreWatch::changed:
   * @tables: (nullable): the tables someone else changed, %NULL when
   *   anything may have changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
tandem_store_watch_init (TandemStoreWatch *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * tandem_store_watch_new:
 *
 * Starts listening for what others change in @store: on a team server,
 * the tables they changed; on a file, that another program committed.
 *
 * Returns: (transfer full): the watch
 */
TandemStoreWatch *
tandem_store_watch_new (TandemStore *store)
{
  TandemStoreWatch *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_STORE_WATCH, NULL);
  self->store = g_object_ref (store);
#ifdef HAVE_LIBPQ
  if (tandem_store_is_server (store))
    {
      listen_async (self);
      return self;
    }
#endif
  watch_file (self);
  return self;
}

/* Returns: whether the watch has a connection listening now */
gboolean
tandem_store_watch_is_listening (TandemStoreWatch *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE_WATCH (self), FALSE);

#ifdef HAVE_LIBPQ
  return self->conn != NULL;
#else
  return FALSE;
#endif
}
