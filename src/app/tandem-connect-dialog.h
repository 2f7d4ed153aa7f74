/* tandem-connect-dialog.h — Connect to a Team Server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_CONNECT_DIALOG (tandem_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemConnectDialog, tandem_connect_dialog, TANDEM, CONNECT_DIALOG, AdwWindow)

GtkWindow *tandem_connect_dialog_new (GtkWindow    *parent,
                                      const char   *uri,
                                      const GError *asked);

G_END_DECLS
