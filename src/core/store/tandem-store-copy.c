/* tandem-store-copy.c — a whole organisation from one store into another, on either engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What moves a record from a file to a team server and back, and what
 * backs a server up into a file: every table, row for row, same ids, in
 * one transaction on the target. Both engines keep the same tables and
 * columns (the server's schema says where it adds to them), so each
 * table is one SELECT and one INSERT, values carried as the text the
 * source gives and typed by the target's columns.
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-store-engine.h"

typedef struct
{
  const char *select;
  const char *insert;
  gboolean    kept_by_server;  /* the server's trigger fills it from other tables */
} CopyTable;

/* Parents before children, as the foreign keys want them. */
static const CopyTable copy_tables[] = {
  { "SELECT id, name FROM department ORDER BY id",
    "INSERT INTO department (id, name) VALUES ($1, $2)", FALSE },
  { "SELECT id, name, level, function FROM role ORDER BY id",
    "INSERT INTO role (id, name, level, function) VALUES ($1, $2, $3, $4)", FALSE },
  { "SELECT id, external_id, name, email, role_id, department_id, is_champion, has_tool_access, active, learning"
    "  FROM person ORDER BY id",
    "INSERT INTO person (id, external_id, name, email, role_id, department_id, is_champion, has_tool_access,"
    "                    active, learning)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", FALSE },
  { "SELECT id, title, description, format, starts_on, ends_on, owner_id, capacity, duration_hours"
    "  FROM program ORDER BY id",
    "INSERT INTO program (id, title, description, format, starts_on, ends_on, owner_id, capacity, duration_hours)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", FALSE },
  { "SELECT program_id, role_id FROM program_role ORDER BY program_id, role_id",
    "INSERT INTO program_role (program_id, role_id) VALUES ($1, $2)", FALSE },
  { "SELECT program_id, topic FROM program_topic ORDER BY program_id, topic",
    "INSERT INTO program_topic (program_id, topic) VALUES ($1, $2)", FALSE },
  { "SELECT id, person_id, program_id, status, invited_on, enrolled_on, completed_on FROM enrollment ORDER BY id",
    "INSERT INTO enrollment (id, person_id, program_id, status, invited_on, enrolled_on, completed_on)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7)", FALSE },
  { "SELECT id, executive_id, mentor_id, started_on, cadence_days, goals, active, ended_on"
    "  FROM mentoring_pair ORDER BY id",
    "INSERT INTO mentoring_pair (id, executive_id, mentor_id, started_on, cadence_days, goals, active, ended_on)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", FALSE },
  { "SELECT id, pair_id, held_on, minutes, topics, tools_tried, data_used, insight, follow_ups,"
    "       confidence_before, confidence_after, private_notes"
    "  FROM coaching_session ORDER BY id",
    "INSERT INTO coaching_session (id, pair_id, held_on, minutes, topics, tools_tried, data_used, insight,"
    "                              follow_ups, confidence_before, confidence_after, private_notes)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", FALSE },
  { "SELECT id, session_id, text, done_on FROM follow_up ORDER BY id",
    "INSERT INTO follow_up (id, session_id, text, done_on) VALUES ($1, $2, $3, $4)", FALSE },
  { "SELECT id, title, fielded_on FROM survey_wave ORDER BY id",
    "INSERT INTO survey_wave (id, title, fielded_on) VALUES ($1, $2, $3)", FALSE },
  { "SELECT id, wave_id, dimension, audience, wording FROM survey_item ORDER BY id",
    "INSERT INTO survey_item (id, wave_id, dimension, audience, wording) VALUES ($1, $2, $3, $4, $5)", FALSE },
  { "SELECT id, wave_id, level, role_id, department_id, optimism, resources, transparency"
    "  FROM survey_response ORDER BY id",
    "INSERT INTO survey_response (id, wave_id, level, role_id, department_id, optimism, resources, transparency)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", FALSE },
  { "SELECT wave_id, dimension, level, grouping, group_id, answered, favourable FROM survey_tally"
    " ORDER BY wave_id, dimension, level, grouping, group_id",
    "INSERT INTO survey_tally (wave_id, dimension, level, grouping, group_id, answered, favourable)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7)", TRUE },
  { "SELECT id, name, description, position FROM competency ORDER BY id",
    "INSERT INTO competency (id, name, description, position) VALUES ($1, $2, $3, $4)", FALSE },
  { "SELECT level, name FROM competency_level ORDER BY level",
    "INSERT INTO competency_level (level, name) VALUES ($1, $2)", FALSE },
  { "SELECT role_id, competency_id, target_level FROM role_competency ORDER BY role_id, competency_id",
    "INSERT INTO role_competency (role_id, competency_id, target_level) VALUES ($1, $2, $3)", FALSE },
  { "SELECT program_id, competency_id, level FROM program_competency ORDER BY program_id, competency_id",
    "INSERT INTO program_competency (program_id, competency_id, level) VALUES ($1, $2, $3)", FALSE },
};

/* A server shows private notes and raw answers to its owner alone: what
 * stopped a read there says so. */
static gboolean
read_failed (TandemStore  *from,
             GError       *local_error,
             GError      **error)
{
  if (tandem_store_is_server (from))
    g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                 /* Translators: %s is what the server said, ending without a full stop */
                 _("%s. Only the login that owns the team server’s database can copy the whole organisation "
                   "(it holds private notes and raw survey answers)."), local_error->message);
  else
    g_propagate_error (error, g_error_copy (local_error));
  return FALSE;
}

/* Every row of one table; FALSE with @error set. */
static gboolean
copy_table (TandemStore      *from,
            TandemStore      *to,
            const CopyTable  *table,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(TandemStmt) select = NULL;
  g_autoptr(TandemStmt) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  TandemStep step;
  int n_columns;

  if (!(select = tandem_store_prepare (from, table->select, &local_error)))
    return read_failed (from, local_error, error);
  if (!(insert = tandem_store_prepare (to, table->insert, error)))
    return FALSE;

  /* Each INSERT takes the columns its SELECT gives, in order. */
  n_columns = tandem_stmt_get_n_params (insert);
  while ((step = tandem_stmt_step (select, &local_error)) == TANDEM_STEP_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (int column = 0; column < n_columns; column++)
        if (tandem_stmt_get_is_null (select, column))
          tandem_stmt_bind_null (insert, column + 1);
        else
          tandem_stmt_bind_text (insert, column + 1, tandem_stmt_get_whole_text (select, column));
      if (!tandem_stmt_step_done (insert, error))
        return FALSE;
    }
  if (step == TANDEM_STEP_ERROR)
    return read_failed (from, local_error, error);
  return TRUE;
}

/* Reads @from whole, from one snapshot, into @to, which the caller has
 * checked is empty and opened a transaction on. */
static gboolean
copy_tables_into (TandemStore   *from,
                  TandemStore   *to,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gboolean ok = TRUE;

  if (!tandem_store_exec (from, tandem_store_get_sql (from, TANDEM_SQL_READ_SNAPSHOT), error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (copy_tables); i++)
    if (!copy_tables[i].kept_by_server || !tandem_store_is_server (to))
      ok = copy_table (from, to, &copy_tables[i], cancellable, error);
  tandem_store_rollback (from);

  /* New rows on a server number on from the ids copied. */
  return ok && tandem_store_exec (to, tandem_store_get_sql (to, TANDEM_SQL_COPY_FINISH), error);
}

/**
 * tandem_store_copy:
 * @from: the organisation to copy, a file or a team server (read only)
 * @to: an empty store, a file or a team server
 *
 * Copies every person, program, enrollment, pair, session (private notes
 * included), follow-up, survey and competency from @from into @to, with the
 * same ids, in one transaction: @to holds all of it or, on any error,
 * nothing. Refuses a @to that already holds an organisation. On a team
 * server, reading everything takes the login that owns the database.
 */
gboolean
tandem_store_copy (TandemStore   *from,
                   TandemStore   *to,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gboolean empty = FALSE;

  g_return_val_if_fail (TANDEM_IS_STORE (from), FALSE);
  g_return_val_if_fail (TANDEM_IS_STORE (to), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tandem_store_is_empty (to, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_EMPTY,
                   _("%s already holds an organisation; Tandem copies and restores only into an empty one. Use a "
                     "new file, or a new database on the server after “tandem-cli server init”."),
                   tandem_store_get_path (to));
      return FALSE;
    }

  /* Foreign keys stay checked: a copy vouches for what it wrote. */
  if (!tandem_store_begin (to, error))
    return FALSE;
  if (!copy_tables_into (from, to, cancellable, error) || !tandem_store_commit (to, error))
    {
      tandem_store_rollback (to);
      return FALSE;
    }
  return TRUE;
}
