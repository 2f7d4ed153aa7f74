/* tandem-load.c — a page's figures, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page lays itself out at once, with spinners where its figures go, and
 * asks for them here: the loader's one worker thread reads them on a
 * connection of its own (SQLite in WAL mode lets it read while the
 * window's connection writes), and a GTask hands them back on the main
 * thread. A page that asks again
 * before the answer comes cancels the first request, whose answer is then
 * dropped: a page never shows stale figures over fresh ones.
 */
#include "config.h"

#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "tandem-load.h"

typedef struct
{
  char           *path;
  TandemLoadFunc  load;
  gpointer        input;
  GDestroyNotify  input_free;
  GDestroyNotify  result_free;
  TandemLoadDone  done;
} Load;

static guint n_pending;
static GThreadPool *pool;
static guint n_holds;        /* windows that have not shown their first frame */
static GPtrArray *held;      /* (element-type GTask): requests waiting for them */

/**
 * tandem_startup_mark:
 * @what: "first-frame" or "settled"
 *
 * With TANDEM_DEBUG=startup, writes @what on a line of its own to standard
 * output the first time it happens, for the start-up benchmark to time.
 */
void
tandem_startup_mark (const char *what)
{
  static gsize startup;
  static GHashTable *marked;

  if (g_once_init_enter (&startup))
    {
      static const GDebugKey keys[] = { { "startup", 1 } };

      g_once_init_leave (&startup, 2 | g_parse_debug_string (g_getenv ("TANDEM_DEBUG"), keys, 1));
    }
  if ((startup & 1) == 0)
    return;
  if (marked == NULL)
    marked = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_add (marked, (gpointer)what))
    return;
  printf ("%s\n", what);
  fflush (stdout);
}

static void
load_free (Load *load)
{
  g_free (load->path);
  if (load->input_free != NULL)
    g_clear_pointer (&load->input, load->input_free);
  g_free (load);
}

/* One worker, not one per page: on a two-core laptop five workers reading
 * at once took the main thread's core too, and the window's first frame
 * came later than when the figures queue up behind one another. */
static void
load_thread (gpointer data,
             gpointer user_data)
{
  g_autoptr(GTask) task = data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = tandem_store_open_existing (load->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = load->load (store, load->input, &error);
  if (error != NULL)
    {
      if (result != NULL && load->result_free != NULL)
        load->result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, load->result_free);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  GTask *task = G_TASK (res);
  Load *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer result;

  n_pending--;
  result = g_task_propagate_pointer (task, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      if (result != NULL && load->result_free != NULL)
        load->result_free (result);
      return;
    }
  load->done (source, result, error);
  if (result != NULL && load->result_free != NULL)
    load->result_free (result);
  if (n_pending == 0)
    {
      tandem_startup_mark ("settled");
#ifdef __GLIBC__
      /* The worker's reads leave freed memory in its own malloc arena,
       * which glibc keeps unless asked: 20 MB with 100,000 people. */
      malloc_trim (0);
#endif
    }
}

/**
 * tandem_load:
 * @owner: the page (a #GObject), kept alive until the answer comes
 * @store: the window's store: the worker opens the same database
 * @slot: where @owner keeps the request in flight, cancelled by the next
 * @load: reads the figures, in the worker
 * @input: (transfer full) (nullable): what @load needs besides the store
 * @done: shows them, on the main thread
 *
 * Reads a page's figures off the main thread.
 */
void
tandem_load (gpointer         owner,
             TandemStore     *store,
             GCancellable   **slot,
             TandemLoadFunc   load,
             gpointer         input,
             GDestroyNotify   input_free,
             GDestroyNotify   result_free,
             TandemLoadDone   done)
{
  g_autoptr(GTask) task = NULL;
  Load *job;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (TANDEM_IS_STORE (store));
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    g_cancellable_cancel (*slot);
  g_clear_object (slot);
  *slot = g_cancellable_new ();

  job = g_new0 (Load, 1);
  job->path = g_strdup (tandem_store_get_path (store));
  job->load = load;
  job->input = input;
  job->input_free = input_free;
  job->result_free = result_free;
  job->done = done;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (load_thread, NULL, 1, FALSE, NULL));

  n_pending++;
  task = g_task_new (owner, *slot, load_done_cb, NULL);
  g_task_set_source_tag (task, tandem_load);
  g_task_set_task_data (task, job, (GDestroyNotify)load_free);
  if (n_holds > 0)
    {
      if (held == NULL)
        held = g_ptr_array_new ();
      g_ptr_array_add (held, g_steal_pointer (&task));
      return;
    }
  g_thread_pool_push (pool, g_steal_pointer (&task), NULL);
}

/**
 * tandem_load_hold:
 *
 * Keeps requests waiting until tandem_load_release(): a window holds them
 * until it has shown its first frame, so that on a two-core laptop the
 * worker's reading does not take a core the window (and the display
 * server) needs to get there. Calls nest.
 */
void
tandem_load_hold (void)
{
  n_holds++;
}

/**
 * tandem_load_release:
 *
 * Ends one tandem_load_hold(); the last one sends what waited to the
 * worker, in the order it was asked for.
 */
void
tandem_load_release (void)
{
  g_return_if_fail (n_holds > 0);

  if (--n_holds > 0 || held == NULL)
    return;
  for (guint i = 0; i < held->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (held, i), NULL);
  g_clear_pointer (&held, g_ptr_array_unref);
}

/* Requests not answered yet: the tests wait for none before they look. */
guint
tandem_load_get_n_pending (void)
{
  return n_pending;
}
