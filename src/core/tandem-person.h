/* tandem-person.h — someone in the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PERSON (tandem_person_get_type ())

G_DECLARE_FINAL_TYPE (TandemPerson, tandem_person, TANDEM, PERSON, GObject)

gint64       tandem_person_get_id          (TandemPerson *self);
const char  *tandem_person_get_external_id (TandemPerson *self);
const char  *tandem_person_get_name        (TandemPerson *self);
const char  *tandem_person_get_email       (TandemPerson *self);
const char  *tandem_person_get_department  (TandemPerson *self);
const char  *tandem_person_get_role        (TandemPerson *self);
TandemLevel  tandem_person_get_level       (TandemPerson *self);
gboolean     tandem_person_get_champion    (TandemPerson *self);
gboolean     tandem_person_get_tool_access (TandemPerson *self);
gboolean     tandem_person_get_active      (TandemPerson *self);

GListModel  *tandem_person_list            (TandemStore  *store,
                                            GError      **error);

G_END_DECLS
