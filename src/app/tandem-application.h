/* tandem-application.h — the application: options, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_APPLICATION (tandem_application_get_type ())

G_DECLARE_FINAL_TYPE (TandemApplication, tandem_application, TANDEM, APPLICATION, AdwApplication)

TandemApplication *tandem_application_new               (GApplicationFlags  flags);
const char        *tandem_application_get_database_path (TandemApplication *self);
char              *tandem_application_dup_current_database (TandemApplication *self);
void               tandem_application_set_database_path (TandemApplication *self,
                                                         const char        *path);

G_END_DECLS
