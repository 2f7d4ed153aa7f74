/* tandem-pair-dialog.h — pair an executive with a junior mentor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PAIR_DIALOG (tandem_pair_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemPairDialog, tandem_pair_dialog, TANDEM, PAIR_DIALOG, AdwWindow)

GtkWindow *tandem_pair_dialog_new (GtkWindow   *parent,
                                   TandemStore *store);

G_END_DECLS
