/* tandem-person-private.h — reading people from the store, for src/core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-person.h"
#include "tandem-store-private.h"

G_BEGIN_DECLS

/* The columns tandem_person_new_from_stmt() reads, and where they come from. */
#define TANDEM_PERSON_SELECT \
  "SELECT p.id, p.external_id, p.name, p.email," \
  "       coalesce (d.name, ''), coalesce (r.name, '')," \
  "       coalesce (r.level, 'individual_contributor')," \
  "       p.is_champion, p.has_tool_access, p.active" \
  "  FROM person p" \
  "  LEFT JOIN department d ON d.id = p.department_id" \
  "  LEFT JOIN role r ON r.id = p.role_id"

TandemPerson *tandem_person_new_from_stmt (TandemStmt *stmt);

gboolean      tandem_enrollment_refresh_learning (TandemStore  *store,
                                                  gint64        person_id,
                                                  gint64        program_id,
                                                  GError      **error);

gint64        tandem_department_ensure    (TandemStore  *store,
                                           const char   *name,
                                           GError      **error);
gint64        tandem_role_ensure          (TandemStore  *store,
                                           const char   *name,
                                           TandemLevel   level,
                                           GError      **error);

G_END_DECLS
