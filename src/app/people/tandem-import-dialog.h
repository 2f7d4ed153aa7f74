/* tandem-import-dialog.h — map a CSV file's columns, import it, report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-import.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_IMPORT_DIALOG (tandem_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemImportDialog, tandem_import_dialog, TANDEM, IMPORT_DIALOG, AdwWindow)

GtkWidget *tandem_import_dialog_new (GtkWindow        *parent,
                                     TandemStore      *store,
                                     TandemImportKind  kind,
                                     GFile            *file);

G_END_DECLS
