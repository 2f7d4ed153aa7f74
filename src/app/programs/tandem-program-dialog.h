/* tandem-program-dialog.h — add or edit an AI-literacy program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRAM_DIALOG (tandem_program_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgramDialog, tandem_program_dialog, TANDEM, PROGRAM_DIALOG, AdwWindow)

GtkWidget *tandem_program_dialog_new (GtkWindow   *parent,
                                      TandemStore *store,
                                      gint64       program_id);

G_END_DECLS
