/* tandem-person-dialog.h — add or edit someone, and see their programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PERSON_DIALOG (tandem_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemPersonDialog, tandem_person_dialog, TANDEM, PERSON_DIALOG, AdwWindow)

GtkWidget *tandem_person_dialog_new (GtkWindow   *parent,
                                     TandemStore *store,
                                     gint64       person_id);

G_END_DECLS
