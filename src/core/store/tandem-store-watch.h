/* tandem-store-watch.h — hears when others change the record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STORE_WATCH (tandem_store_watch_get_type ())

G_DECLARE_FINAL_TYPE (TandemStoreWatch, tandem_store_watch, TANDEM, STORE_WATCH, GObject)

TandemStoreWatch *tandem_store_watch_new          (TandemStore      *store);
gboolean          tandem_store_watch_is_listening (TandemStoreWatch *self);

G_END_DECLS
