/* tandem-load.h — a page's figures, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

/* Runs in a worker thread, on a connection of its own to the same database.
 * Returns: (transfer full) (nullable): what the page shows */
typedef gpointer (*TandemLoadFunc) (TandemStore  *store,
                                    gpointer      input,
                                    GError      **error);

/* Runs on the main thread with the result (owned by the loader; take what
 * you keep) or the error; never runs for a load that was replaced. */
typedef void     (*TandemLoadDone) (gpointer      owner,
                                    gpointer      result,
                                    const GError *error);

void  tandem_load               (gpointer         owner,
                                 TandemStore     *store,
                                 GCancellable   **slot,
                                 TandemLoadFunc   load,
                                 gpointer         input,
                                 GDestroyNotify   input_free,
                                 GDestroyNotify   result_free,
                                 TandemLoadDone   done);
guint tandem_load_get_n_pending (void);
void  tandem_load_hold          (void);
void  tandem_load_release       (void);
void  tandem_startup_mark       (const char      *what);

G_END_DECLS
