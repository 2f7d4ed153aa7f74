/* tandem-next-steps.h — where roles fall short of their targets, and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NEXT_STEPS (tandem_next_steps_get_type ())

G_DECLARE_FINAL_TYPE (TandemNextSteps, tandem_next_steps, TANDEM, NEXT_STEPS, GtkWidget)

void  tandem_next_steps_set_store (TandemNextSteps *self,
                                   TandemStore     *store);
void  tandem_next_steps_reload    (TandemNextSteps *self);

G_END_DECLS
