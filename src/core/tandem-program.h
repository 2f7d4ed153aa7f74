/* tandem-program.h — an AI-literacy program and how far it has reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRAM (tandem_program_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgram, tandem_program, TANDEM, PROGRAM, GObject)

gint64               tandem_program_get_id          (TandemProgram *self);
const char          *tandem_program_get_title       (TandemProgram *self);
const char          *tandem_program_get_description (TandemProgram *self);
TandemProgramFormat  tandem_program_get_format      (TandemProgram *self);
guint                tandem_program_get_enrolled    (TandemProgram *self);
guint                tandem_program_get_completed   (TandemProgram *self);

GListModel          *tandem_program_list            (TandemStore   *store,
                                                     GError       **error);

G_END_DECLS
