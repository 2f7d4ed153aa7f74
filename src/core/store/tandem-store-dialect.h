/* tandem-store-dialect.h — the statements no one SQL text serves, named once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Domain code writes its SQL in what SQLite 3.40 and PostgreSQL 15 share:
 * $1 placeholders, ON CONFLICT, RETURNING, COLLATE NOCASE (the team
 * server's schema defines a case-insensitive collation of that name). The
 * few statements that cannot be written so (JSON, date arithmetic on TEXT
 * dates) are named here, and each engine gives its own text for them; so
 * are those that read survey answers, which a team server gives only
 * through its own functions.
 */
#pragma once

#include "tandem-store.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_SQL_PAIRS_ACTIVE,
  TANDEM_SQL_PERSON_SNAPSHOT,
  TANDEM_SQL_PERSON_RESTORE,
  TANDEM_SQL_PERSON_RESTORE_PAIRS,
  TANDEM_SQL_PERSON_RESTORE_SESSIONS,
  TANDEM_SQL_PERSON_RESTORE_FOLLOW_UPS,
  TANDEM_SQL_PERSON_RESTORE_ENROLLMENTS,
  TANDEM_SQL_PERSON_RESTORE_OWNED,
  TANDEM_SQL_PROGRAM_SNAPSHOT,
  TANDEM_SQL_PROGRAM_RESTORE,
  TANDEM_SQL_PROGRAM_RESTORE_ROLES,
  TANDEM_SQL_PROGRAM_RESTORE_TOPICS,
  TANDEM_SQL_PROGRAM_RESTORE_COMPETENCIES,
  TANDEM_SQL_PROGRAM_RESTORE_ENROLLMENTS,
  TANDEM_SQL_RESTORE_LEARNING,
  TANDEM_SQL_SESSION_SNAPSHOT,
  TANDEM_SQL_SESSIONS_OF_PAIR,
  TANDEM_SQL_SESSIONS_OF_EXECUTIVE,
  TANDEM_SQL_SESSION_BY_ID,
  TANDEM_SQL_SURVEY_ANSWERS,
  TANDEM_SQL_READ_SNAPSHOT,
  TANDEM_SQL_COPY_FINISH,
  TANDEM_SQL_WAVE_LIST,
  TANDEM_SQL_GAP_SERIES,
  TANDEM_SQL_HEATMAP_DEPARTMENT,
  TANDEM_SQL_HEATMAP_ROLE,
  TANDEM_SQL_GAP_HEATMAP_DEPARTMENT,
  TANDEM_SQL_GAP_HEATMAP_ROLE,
  TANDEM_SQL_IC_TALLIES,
  TANDEM_SQL_PEOPLE_INDEXES_DROP,
  TANDEM_SQL_PEOPLE_INDEXES_CREATE,
  TANDEM_SQL_LEARNING_INDEXES_DROP,
  TANDEM_SQL_LEARNING_INDEXES_CREATE,
  TANDEM_N_SQL
} TandemSql;

const char *tandem_store_get_sql       (TandemStore *self,
                                        TandemSql    name);
gboolean    tandem_store_keeps_tallies (TandemStore *self);

G_END_DECLS
