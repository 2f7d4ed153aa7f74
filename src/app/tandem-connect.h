/* tandem-connect.h — reaching a team server, with its password kept in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

void         tandem_connect_async    (const char           *uri,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
TandemStore *tandem_connect_finish   (GAsyncResult         *result,
                                      GError              **error);
void         tandem_connect_remember (const char           *uri,
                                      const char           *password);

G_END_DECLS
