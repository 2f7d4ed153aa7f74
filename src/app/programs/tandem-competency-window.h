/* tandem-competency-window.h — competencies, their levels, and each role's targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

GtkWidget *tandem_competency_window_new (GtkWindow   *parent,
                                         TandemStore *store);

G_END_DECLS
