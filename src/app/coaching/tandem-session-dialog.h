/* tandem-session-dialog.h — log a coaching session in seconds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tandem-session.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SESSION_DIALOG (tandem_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemSessionDialog, tandem_session_dialog, TANDEM, SESSION_DIALOG, AdwWindow)

GtkWindow *tandem_session_dialog_new             (GtkWindow     *parent,
                                                  TandemStore   *store,
                                                  gint64         pair_id);
GtkWindow *tandem_session_dialog_new_for_session (GtkWindow     *parent,
                                                  TandemStore   *store,
                                                  TandemSession *session);

G_END_DECLS
