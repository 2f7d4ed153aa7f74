/* tandem-demo.h — the built-in demo organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_DEMO_DEFAULT_SEED 2025

gboolean tandem_demo_populate (TandemStore  *store,
                               guint32       seed,
                               const GDate  *today,
                               gboolean      replace,
                               GError      **error);
gboolean tandem_demo_is_all   (TandemStore  *store);
gboolean tandem_demo_remove   (TandemStore  *store,
                               const char   *backup,
                               GError      **error);

gboolean tandem_demo_add_competencies (TandemStore  *store,
                                       GError      **error);

G_END_DECLS
