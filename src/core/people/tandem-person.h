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

/* What someone types to add or edit a person. A department or role that
 * does not exist yet is created; an existing role takes @level. Empty
 * strings mean "none" for external_id, email, department and role. */
typedef struct
{
  const char  *external_id;
  const char  *name;
  const char  *email;
  const char  *department;
  const char  *role;
  TandemLevel  level;
  gboolean     champion;
  gboolean     tool_access;
  gboolean     active;
} TandemPersonDraft;

/* How many people a champion serves at most: one per 25 employees. */
#define TANDEM_PEOPLE_PER_CHAMPION 25

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
TandemPerson *tandem_person_lookup         (TandemStore  *store,
                                            gint64        id,
                                            GError      **error);
char        *tandem_person_dup_version   (TandemStore  *store,
                                            gint64        id,
                                            GError      **error);
gint64       tandem_person_save            (TandemStore             *store,
                                            gint64                   id,
                                            const char              *version,
                                            const TandemPersonDraft *draft,
                                            GError                 **error);
gboolean     tandem_person_set_active      (TandemStore  *store,
                                            gint64        id,
                                            gboolean      active,
                                            GError      **error);
gboolean     tandem_person_delete          (TandemStore  *store,
                                            gint64        id,
                                            char        **out_undo,
                                            GError      **error);
gboolean     tandem_person_restore         (TandemStore  *store,
                                            const char   *undo,
                                            GError      **error);

gint64       tandem_person_find            (TandemStore  *store,
                                            const char   *text);

char       **tandem_department_list_names  (TandemStore  *store,
                                            GError      **error);
char       **tandem_role_list_names        (TandemStore  *store,
                                            GError      **error);
gboolean     tandem_role_get_level         (TandemStore  *store,
                                            const char   *name,
                                            TandemLevel  *out_level);
guint        tandem_role_count_people      (TandemStore  *store,
                                            const char   *name,
                                            gint64        except_person_id);

G_END_DECLS
