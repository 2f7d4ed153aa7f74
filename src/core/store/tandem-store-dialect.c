/* tandem-store-dialect.c — the engine-specific statements, SQLite's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include "tandem-store-engine.h"

/* A session's columns, as TandemSession reads them; @notes is how the
 * engine gives its private notes. */
#define SESSION_SELECT(notes) \
  "SELECT s.id, s.pair_id, s.held_on, coalesce (s.minutes, -1), s.tools_tried, s.data_used," \
  "       s.insight, s.follow_ups, coalesce (s.confidence_before, 0)," \
  "       coalesce (s.confidence_after, 0), " notes \
  "  FROM coaching_session s"
#define SESSIONS_OF_EXECUTIVE(notes) \
  SESSION_SELECT (notes) \
  "  JOIN mentoring_pair m ON m.id = s.pair_id" \
  "  JOIN person e ON e.id = m.executive_id" \
  " WHERE e.external_id = $1 ORDER BY s.held_on, s.id"
#define SERVER_NOTES "coalesce (tandem_private_notes (s.id), '')"

/* A server's undo snapshot: the rows of @select as a JSON array of objects. */
#define SERVER_ROWS(select) "(SELECT coalesce (json_agg (r), '[]') FROM (" select ") r)"
#define SERVER_SESSION_ROWS \
  "SELECT s.id, s.pair_id, s.held_on, s.minutes, s.topics, s.tools_tried, s.data_used, s.insight," \
  "       s.follow_ups, s.confidence_before, s.confidence_after, " SERVER_NOTES " AS private_notes, s.author" \
  "  FROM coaching_session s"
#define SERVER_ENROLLMENT_ROWS \
  "SELECT id, person_id, program_id, status, invited_on, enrolled_on, completed_on FROM enrollment"

/* Active pairs with their sessions; each engine adds how it groups them
 * and orders them by the day the next session is due. */
#define PAIRS_ACTIVE_SELECT \
  "SELECT mp.id, e.name, m.name, mp.started_on, mp.cadence_days," \
  "       count (s.id), max (s.held_on), coalesce (e.external_id, '')" \
  "  FROM mentoring_pair mp" \
  "  JOIN person e ON e.id = mp.executive_id" \
  "  JOIN person m ON m.id = mp.mentor_id" \
  "  LEFT JOIN coaching_session s ON s.pair_id = mp.id"

/* The survey statements. A group's rows come together and groups in one
 * order on both engines, which is the order the smallest are merged and
 * hidden in: see tandem_stats_heatmap () and tandem_stats_gap_heatmap (). */
#define HEATMAP_SQL(table) \
  "WITH latest AS (SELECT id, title FROM survey_wave WHERE $3 IS NULL OR title = $3" \
  "                 ORDER BY fielded_on DESC, id DESC LIMIT 1)" \
  "SELECT latest.title, t.group_id, coalesce (g.name, ''), t.dimension," \
  "       sum (t.answered), sum (t.favourable), t.grouping" \
  "  FROM latest JOIN survey_tally t ON t.wave_id = latest.id AND t.grouping IN ('all', $1)" \
  "  JOIN survey_tally lv ON lv.wave_id = t.wave_id AND lv.dimension = t.dimension AND lv.level = t.level" \
  "       AND lv.grouping = 'all' AND lv.group_id = 0 AND lv.answered >= $2" \
  "  LEFT JOIN " table " g ON g.id = t.group_id AND t.grouping = $1" \
  " GROUP BY t.grouping, t.group_id, t.dimension" \
  " ORDER BY t.grouping = 'all' DESC, g.name IS NULL, g.name COLLATE NOCASE, t.group_id"
#define GAP_HEATMAP_SQL(table) \
  "WITH chosen AS (SELECT id, title FROM survey_wave WHERE $3 IS NULL OR title = $3" \
  "                 ORDER BY fielded_on DESC, id DESC LIMIT 1)" \
  "SELECT chosen.title, t.group_id, coalesce (g.name, ''), t.dimension, t.level, t.answered, t.favourable," \
  "       t.grouping" \
  "  FROM chosen JOIN survey_tally t ON t.wave_id = chosen.id" \
  "   AND t.level IN ('executive', 'individual_contributor')" \
  "   AND (t.grouping = $1 OR (t.grouping = 'all' AND t.group_id = 0))" \
  "  LEFT JOIN " table " g ON g.id = t.group_id AND t.grouping = $1" \
  " ORDER BY t.grouping = 'all' DESC, g.name IS NULL, g.name COLLATE NOCASE, t.group_id"

/* The index the reports read a person's figures from (schema 8). */
#define PERSON_SUMMARY_INDEX \
  "CREATE INDEX person_summary ON person (role_id, department_id, active, learning, has_tool_access, is_champion)"

static const char * const sqlite_sql[TANDEM_N_SQL] = {
  /* Active pairs with their sessions, the one due soonest first: date
   * arithmetic on TEXT dates is each engine's own. */
  [TANDEM_SQL_PAIRS_ACTIVE] =
    PAIRS_ACTIVE_SELECT
    " WHERE mp.active = 1"
    " GROUP BY mp.id"
    " ORDER BY date (coalesce (max (s.held_on), mp.started_on),"
    "                '+' || mp.cadence_days || ' days'),"
    "          e.name COLLATE NOCASE, mp.id",
  /* Everything deleting a person takes with them, as one JSON document
   * that the PERSON_RESTORE statements put back row for row, same ids. */
  [TANDEM_SQL_PERSON_SNAPSHOT] =
    "SELECT json_object ("
    "  'person', (SELECT json_group_array (json_array (id, external_id, name, email, role_id,"
    "                                                   department_id, is_champion, has_tool_access, active))"
    "               FROM person WHERE id = $1),"
    "  'pairs', (SELECT json_group_array (json_array (id, executive_id, mentor_id, started_on,"
    "                                                  cadence_days, goals, active, ended_on))"
    "              FROM mentoring_pair WHERE executive_id = $1 OR mentor_id = $1),"
    "  'sessions', (SELECT json_group_array (json_array (s.id, s.pair_id, s.held_on, s.minutes, s.topics,"
    "                                                     s.tools_tried, s.data_used, s.insight, s.follow_ups,"
    "                                                     s.confidence_before, s.confidence_after,"
    "                                                     s.private_notes))"
    "                 FROM coaching_session s JOIN mentoring_pair m ON m.id = s.pair_id"
    "                WHERE m.executive_id = $1 OR m.mentor_id = $1),"
    "  'follow_ups', (SELECT json_group_array (json_array (f.id, f.session_id, f.text, f.done_on))"
    "                   FROM follow_up f JOIN coaching_session s ON s.id = f.session_id"
    "                   JOIN mentoring_pair m ON m.id = s.pair_id"
    "                  WHERE m.executive_id = $1 OR m.mentor_id = $1),"
    "  'enrollments', (SELECT json_group_array (json_array (id, person_id, program_id, status,"
    "                                                        invited_on, enrolled_on, completed_on))"
    "                    FROM enrollment WHERE person_id = $1),"
    "  'owned', (SELECT json_group_array (id) FROM program WHERE owner_id = $1)"
    ")",
  [TANDEM_SQL_PERSON_RESTORE] =
    "INSERT INTO person (id, external_id, name, email, role_id, department_id, is_champion,"
    "                    has_tool_access, active)"
    " SELECT json_extract (value, '$[0]'), json_extract (value, '$[1]'), json_extract (value, '$[2]'),"
    "        json_extract (value, '$[3]'), json_extract (value, '$[4]'), json_extract (value, '$[5]'),"
    "        json_extract (value, '$[6]'), json_extract (value, '$[7]'), json_extract (value, '$[8]')"
    "   FROM json_each ($1, '$.person')",
  [TANDEM_SQL_PERSON_RESTORE_PAIRS] =
    "INSERT INTO mentoring_pair (id, executive_id, mentor_id, started_on, cadence_days, goals, active, ended_on)"
    " SELECT json_extract (value, '$[0]'), json_extract (value, '$[1]'), json_extract (value, '$[2]'),"
    "        json_extract (value, '$[3]'), json_extract (value, '$[4]'), json_extract (value, '$[5]'),"
    "        json_extract (value, '$[6]'), json_extract (value, '$[7]')"
    "   FROM json_each ($1, '$.pairs')",
  [TANDEM_SQL_PERSON_RESTORE_SESSIONS] =
    "INSERT INTO coaching_session (id, pair_id, held_on, minutes, topics, tools_tried, data_used, insight,"
    "                              follow_ups, confidence_before, confidence_after, private_notes)"
    " SELECT json_extract (value, '$[0]'), json_extract (value, '$[1]'), json_extract (value, '$[2]'),"
    "        json_extract (value, '$[3]'), json_extract (value, '$[4]'), json_extract (value, '$[5]'),"
    "        json_extract (value, '$[6]'), json_extract (value, '$[7]'), json_extract (value, '$[8]'),"
    "        json_extract (value, '$[9]'), json_extract (value, '$[10]'), json_extract (value, '$[11]')"
    "   FROM json_each ($1, '$.sessions')",
  [TANDEM_SQL_PERSON_RESTORE_FOLLOW_UPS] =
    "INSERT INTO follow_up (id, session_id, text, done_on)"
    " SELECT json_extract (value, '$[0]'), json_extract (value, '$[1]'), json_extract (value, '$[2]'),"
    "        json_extract (value, '$[3]')"
    "   FROM json_each ($1, '$.follow_ups')",
  [TANDEM_SQL_PERSON_RESTORE_ENROLLMENTS] =
    "INSERT INTO enrollment (id, person_id, program_id, status, invited_on, enrolled_on, completed_on)"
    " SELECT json_extract (value, '$[0]'), json_extract (value, '$[1]'), json_extract (value, '$[2]'),"
    "        json_extract (value, '$[3]'), json_extract (value, '$[4]'), json_extract (value, '$[5]'),"
    "        json_extract (value, '$[6]')"
    "   FROM json_each ($1, '$.enrollments')"
    "  WHERE json_extract (value, '$[2]') IN (SELECT id FROM program)",
  [TANDEM_SQL_PERSON_RESTORE_OWNED] =
    "UPDATE program SET owner_id = (SELECT json_extract (value, '$[0]') FROM json_each ($1, '$.person'))"
    " WHERE id IN (SELECT value FROM json_each ($1, '$.owned'))",
  /* A program and what hangs on it, for the PROGRAM_RESTORE statements. */
  [TANDEM_SQL_PROGRAM_SNAPSHOT] =
    "SELECT json_object ("
    "  'program', (SELECT json_group_array (json_array (id, title, description, format, starts_on,"
    "                                                    ends_on, owner_id, capacity, duration_hours))"
    "                FROM program WHERE id = $1),"
    "  'roles', (SELECT json_group_array (role_id) FROM program_role WHERE program_id = $1),"
    "  'topics', (SELECT json_group_array (topic) FROM program_topic WHERE program_id = $1),"
    "  'competencies', (SELECT json_group_array (json_array (competency_id, level))"
    "                     FROM program_competency WHERE program_id = $1),"
    "  'enrollments', (SELECT json_group_array (json_array (id, person_id, program_id, status,"
    "                                                        invited_on, enrolled_on, completed_on))"
    "                    FROM enrollment WHERE program_id = $1)"
    ")",
  [TANDEM_SQL_PROGRAM_RESTORE] =
    "INSERT INTO program (id, title, description, format, starts_on, ends_on, owner_id, capacity,"
    "                     duration_hours)"
    " SELECT json_extract (value, '$[0]'), json_extract (value, '$[1]'), json_extract (value, '$[2]'),"
    "        json_extract (value, '$[3]'), json_extract (value, '$[4]'), json_extract (value, '$[5]'),"
    "        (SELECT id FROM person WHERE id = json_extract (value, '$[6]')),"
    "        json_extract (value, '$[7]'), json_extract (value, '$[8]')"
    "   FROM json_each ($1, '$.program')",
  [TANDEM_SQL_PROGRAM_RESTORE_ROLES] =
    "INSERT INTO program_role (program_id, role_id)"
    " SELECT (SELECT json_extract (value, '$[0]') FROM json_each ($1, '$.program')), r.value"
    "   FROM json_each ($1, '$.roles') r WHERE r.value IN (SELECT id FROM role)",
  [TANDEM_SQL_PROGRAM_RESTORE_TOPICS] =
    "INSERT INTO program_topic (program_id, topic)"
    " SELECT (SELECT json_extract (value, '$[0]') FROM json_each ($1, '$.program')), t.value"
    "   FROM json_each ($1, '$.topics') t",
  [TANDEM_SQL_PROGRAM_RESTORE_COMPETENCIES] =
    "INSERT INTO program_competency (program_id, competency_id, level)"
    " SELECT (SELECT json_extract (value, '$[0]') FROM json_each ($1, '$.program')),"
    "        json_extract (c.value, '$[0]'), json_extract (c.value, '$[1]')"
    "   FROM json_each ($1, '$.competencies') c"
    "  WHERE json_extract (c.value, '$[0]') IN (SELECT id FROM competency)",
  [TANDEM_SQL_PROGRAM_RESTORE_ENROLLMENTS] =
    "INSERT INTO enrollment (id, person_id, program_id, status, invited_on, enrolled_on, completed_on)"
    " SELECT json_extract (value, '$[0]'), json_extract (value, '$[1]'), json_extract (value, '$[2]'),"
    "        json_extract (value, '$[3]'), json_extract (value, '$[4]'), json_extract (value, '$[5]'),"
    "        json_extract (value, '$[6]')"
    "   FROM json_each ($1, '$.enrollments')"
    "  WHERE json_extract (value, '$[1]') IN (SELECT id FROM person)",
  /* A coaching session and its follow-ups, in the shape the person's
   * PERSON_RESTORE_SESSIONS and PERSON_RESTORE_FOLLOW_UPS read back. */
  [TANDEM_SQL_SESSION_SNAPSHOT] =
    "SELECT json_object ("
    "  'sessions', (SELECT json_group_array (json_array (id, pair_id, held_on, minutes, topics, tools_tried,"
    "                                                     data_used, insight, follow_ups, confidence_before,"
    "                                                     confidence_after, private_notes))"
    "                 FROM coaching_session WHERE id = $1),"
    "  'follow_ups', (SELECT json_group_array (json_array (id, session_id, text, done_on))"
    "                   FROM follow_up WHERE session_id = $1)"
    ")",
  /* After either restore: the learning of everyone whose enrollments came back. */
  [TANDEM_SQL_RESTORE_LEARNING] =
    "UPDATE person SET learning = " TANDEM_SQL_LEARNING_OF ("person.id")
    " WHERE id IN (SELECT json_extract (value, '$[1]') FROM json_each ($1, '$.enrollments'))",
  [TANDEM_SQL_SESSIONS_OF_PAIR] =
    SESSION_SELECT ("s.private_notes") " WHERE s.pair_id = $1 ORDER BY s.held_on DESC, s.id DESC",
  [TANDEM_SQL_SESSIONS_OF_EXECUTIVE] = SESSIONS_OF_EXECUTIVE ("s.private_notes"),
  [TANDEM_SQL_SESSION_BY_ID] = SESSION_SELECT ("s.private_notes") " WHERE s.id = $1",
  [TANDEM_SQL_SURVEY_ANSWERS] = "SELECT coalesce (sum (respondents), 0) FROM survey_wave",
  /* Reading a whole organisation from one snapshot, writing nothing. */
  [TANDEM_SQL_READ_SNAPSHOT] = "BEGIN DEFERRED",
  /* After a copy (tandem-store-copy.c): SQLite numbers on by itself; a
   * wave's respondents (schema 7) are counted, as no engine copies them. */
  [TANDEM_SQL_COPY_FINISH] =
    "UPDATE survey_wave SET respondents = c.n"
    "  FROM (SELECT wave_id, count (*) AS n FROM survey_response GROUP BY wave_id) AS c"
    " WHERE c.wave_id = survey_wave.id",
  [TANDEM_SQL_WAVE_LIST] =
    "SELECT w.id, w.title, w.fielded_on, w.respondents"
    "  FROM survey_wave w"
    " ORDER BY w.fielded_on DESC, w.id DESC",
  /* $1 the dimension; $2, the threshold, is the server's. */
  [TANDEM_SQL_GAP_SERIES] =
    "SELECT w.title, w.fielded_on,"
    "       coalesce (e.answered, 0), coalesce (e.favourable, 0),"
    "       coalesce (i.answered, 0), coalesce (i.favourable, 0)"
    "  FROM survey_wave w"
    "  LEFT JOIN survey_tally e ON e.wave_id = w.id AND e.dimension = $1"
    "       AND e.level = 'executive' AND e.grouping = 'all'"
    "  LEFT JOIN survey_tally i ON i.wave_id = w.id AND i.dimension = $1"
    "       AND i.level = 'individual_contributor' AND i.grouping = 'all'"
    " ORDER BY w.fielded_on, w.id",
  /* $1 the grouping, $2 the threshold, $3 the wave or NULL; $4, the
   * most groups shown, is the server's. */
  [TANDEM_SQL_HEATMAP_DEPARTMENT] = HEATMAP_SQL ("department"),
  [TANDEM_SQL_HEATMAP_ROLE] = HEATMAP_SQL ("role"),
  [TANDEM_SQL_GAP_HEATMAP_DEPARTMENT] = GAP_HEATMAP_SQL ("department"),
  [TANDEM_SQL_GAP_HEATMAP_ROLE] = GAP_HEATMAP_SQL ("role"),
  /* $1 the wave's id, $2 the grouping; $3, the threshold, is the server's. */
  [TANDEM_SQL_IC_TALLIES] =
    "SELECT group_id, dimension, answered, favourable FROM survey_tally"
    " WHERE wave_id = $1 AND level = 'individual_contributor' AND grouping = $2",
  /* A large import into an empty person table, or raising the learning of
   * many people, fills these indexes faster by building them afresh than
   * row by row: as the schema (001, 005) makes them, so nothing changes. */
  [TANDEM_SQL_PEOPLE_INDEXES_DROP] = "DROP INDEX person_name; DROP INDEX person_summary",
  [TANDEM_SQL_PEOPLE_INDEXES_CREATE] =
    "CREATE INDEX person_name ON person (name COLLATE NOCASE);"
    PERSON_SUMMARY_INDEX,
  [TANDEM_SQL_LEARNING_INDEXES_DROP] = "DROP INDEX person_summary",
  [TANDEM_SQL_LEARNING_INDEXES_CREATE] = PERSON_SUMMARY_INDEX,
};

/* On a team server no login may read the private-notes column: only its
 * author, through tandem_private_notes (). Statements not named here are
 * the same on both engines. */
static const char * const server_sql[TANDEM_N_SQL] = {
  /* Date arithmetic on a text date is a cast and an addition here; and
   * every name shown is grouped by its person. */
  [TANDEM_SQL_PAIRS_ACTIVE] =
    PAIRS_ACTIVE_SELECT
    " WHERE mp.active = 1"
    " GROUP BY mp.id, e.id, m.id"
    " ORDER BY coalesce (max (s.held_on), mp.started_on)::date + mp.cadence_days,"
    "          e.name COLLATE NOCASE, mp.id",
  [TANDEM_SQL_SESSIONS_OF_PAIR] =
    SESSION_SELECT (SERVER_NOTES) " WHERE s.pair_id = $1 ORDER BY s.held_on DESC, s.id DESC",
  [TANDEM_SQL_SESSIONS_OF_EXECUTIVE] = SESSIONS_OF_EXECUTIVE (SERVER_NOTES),
  [TANDEM_SQL_SESSION_BY_ID] = SESSION_SELECT (SERVER_NOTES) " WHERE s.id = $1",
  /* No group reads a raw answer; how many there are is no secret. */
  [TANDEM_SQL_SURVEY_ANSWERS] = "SELECT tandem_survey_answers ()",
  [TANDEM_SQL_READ_SNAPSHOT] = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
  /* Survey figures come from the server's functions, which give the same
   * rows with the favourable counts Tandem would hide left out. */
  [TANDEM_SQL_WAVE_LIST] =
    "SELECT w.id, w.title, w.fielded_on, tandem_wave_answers (w.id)"
    "  FROM survey_wave w"
    " ORDER BY w.fielded_on DESC, w.id DESC",
  [TANDEM_SQL_GAP_SERIES] = "SELECT * FROM tandem_gap_series ($1, $2::integer)",
  [TANDEM_SQL_HEATMAP_DEPARTMENT] = "SELECT * FROM tandem_heatmap ($1, $2::integer, $3, $4::integer)",
  [TANDEM_SQL_HEATMAP_ROLE] = "SELECT * FROM tandem_heatmap ($1, $2::integer, $3, $4::integer)",
  [TANDEM_SQL_GAP_HEATMAP_DEPARTMENT] = "SELECT * FROM tandem_gap_heatmap ($1, $2::integer, $3, $4::integer)",
  [TANDEM_SQL_GAP_HEATMAP_ROLE] = "SELECT * FROM tandem_gap_heatmap ($1, $2::integer, $3, $4::integer)",
  [TANDEM_SQL_IC_TALLIES] = "SELECT * FROM tandem_ic_tallies ($1, $2, $3::integer)",
  /* Undo snapshots: rows as JSON objects, put back by name with
   * json_populate_recordset (). A session keeps its private note only
   * where the login deleting it wrote the note: no one else may read it,
   * so it is not in the snapshot, and comes back empty. */
  [TANDEM_SQL_PERSON_SNAPSHOT] =
    "SELECT json_build_object ("
    "  'person', " SERVER_ROWS ("SELECT id, external_id, name, email, role_id, department_id, is_champion,"
    "                                   has_tool_access, active FROM person WHERE id = $1") ","
    "  'pairs', " SERVER_ROWS ("SELECT id, executive_id, mentor_id, started_on, cadence_days, goals, active,"
    "                                  ended_on FROM mentoring_pair WHERE executive_id = $1 OR mentor_id = $1") ","
    "  'sessions', " SERVER_ROWS (SERVER_SESSION_ROWS " JOIN mentoring_pair m ON m.id = s.pair_id"
    "                                                   WHERE m.executive_id = $1 OR m.mentor_id = $1") ","
    "  'follow_ups', " SERVER_ROWS ("SELECT f.id, f.session_id, f.text, f.done_on FROM follow_up f"
    "                                  JOIN coaching_session s ON s.id = f.session_id"
    "                                  JOIN mentoring_pair m ON m.id = s.pair_id"
    "                                 WHERE m.executive_id = $1 OR m.mentor_id = $1") ","
    "  'enrollments', " SERVER_ROWS (SERVER_ENROLLMENT_ROWS " WHERE person_id = $1") ","
    "  'owned', (SELECT coalesce (json_agg (id ORDER BY id), '[]') FROM program WHERE owner_id = $1)"
    ")::text",
  [TANDEM_SQL_PERSON_RESTORE] =
    "INSERT INTO person (id, external_id, name, email, role_id, department_id, is_champion,"
    "                    has_tool_access, active)"
    " SELECT id, external_id, name, email, role_id, department_id, is_champion, has_tool_access, active"
    "   FROM json_populate_recordset (NULL::person, $1::json -> 'person')",
  [TANDEM_SQL_PERSON_RESTORE_PAIRS] =
    "INSERT INTO mentoring_pair (id, executive_id, mentor_id, started_on, cadence_days, goals, active, ended_on)"
    " SELECT id, executive_id, mentor_id, started_on, cadence_days, goals, active, ended_on"
    "   FROM json_populate_recordset (NULL::mentoring_pair, $1::json -> 'pairs')",
  [TANDEM_SQL_PERSON_RESTORE_SESSIONS] =
    "INSERT INTO coaching_session (id, pair_id, held_on, minutes, topics, tools_tried, data_used, insight,"
    "                              follow_ups, confidence_before, confidence_after, private_notes, author)"
    " SELECT id, pair_id, held_on, minutes, topics, tools_tried, data_used, insight, follow_ups,"
    "        confidence_before, confidence_after, private_notes, author"
    "   FROM json_populate_recordset (NULL::coaching_session, $1::json -> 'sessions')",
  [TANDEM_SQL_PERSON_RESTORE_FOLLOW_UPS] =
    "INSERT INTO follow_up (id, session_id, text, done_on)"
    " SELECT id, session_id, text, done_on"
    "   FROM json_populate_recordset (NULL::follow_up, $1::json -> 'follow_ups')",
  [TANDEM_SQL_PERSON_RESTORE_ENROLLMENTS] =
    "INSERT INTO enrollment (id, person_id, program_id, status, invited_on, enrolled_on, completed_on)"
    " SELECT id, person_id, program_id, status, invited_on, enrolled_on, completed_on"
    "   FROM json_populate_recordset (NULL::enrollment, $1::json -> 'enrollments')"
    "  WHERE program_id IN (SELECT id FROM program)",
  [TANDEM_SQL_PERSON_RESTORE_OWNED] =
    "UPDATE program SET owner_id = ($1::json -> 'person' -> 0 ->> 'id')::bigint"
    " WHERE id IN (SELECT value::bigint FROM json_array_elements_text ($1::json -> 'owned'))",
  [TANDEM_SQL_PROGRAM_SNAPSHOT] =
    "SELECT json_build_object ("
    "  'program', " SERVER_ROWS ("SELECT id, title, description, format, starts_on, ends_on, owner_id, capacity,"
    "                                    duration_hours FROM program WHERE id = $1") ","
    "  'roles', (SELECT coalesce (json_agg (role_id ORDER BY role_id), '[]') FROM program_role"
    "             WHERE program_id = $1),"
    "  'topics', (SELECT coalesce (json_agg (topic ORDER BY topic), '[]') FROM program_topic"
    "              WHERE program_id = $1),"
    "  'competencies', " SERVER_ROWS ("SELECT competency_id, level FROM program_competency"
    "                                   WHERE program_id = $1") ","
    "  'enrollments', " SERVER_ROWS (SERVER_ENROLLMENT_ROWS " WHERE program_id = $1")
    ")::text",
  [TANDEM_SQL_PROGRAM_RESTORE] =
    "INSERT INTO program (id, title, description, format, starts_on, ends_on, owner_id, capacity,"
    "                     duration_hours)"
    " SELECT id, title, description, format, starts_on, ends_on,"
    "        (SELECT o.id FROM person o WHERE o.id = p.owner_id), capacity, duration_hours"
    "   FROM json_populate_recordset (NULL::program, $1::json -> 'program') p",
  [TANDEM_SQL_PROGRAM_RESTORE_ROLES] =
    "INSERT INTO program_role (program_id, role_id)"
    " SELECT ($1::json -> 'program' -> 0 ->> 'id')::bigint, r.value::bigint"
    "   FROM json_array_elements_text ($1::json -> 'roles') r WHERE r.value::bigint IN (SELECT id FROM role)",
  [TANDEM_SQL_PROGRAM_RESTORE_TOPICS] =
    "INSERT INTO program_topic (program_id, topic)"
    " SELECT ($1::json -> 'program' -> 0 ->> 'id')::bigint, t.value"
    "   FROM json_array_elements_text ($1::json -> 'topics') t",
  [TANDEM_SQL_PROGRAM_RESTORE_COMPETENCIES] =
    "INSERT INTO program_competency (program_id, competency_id, level)"
    " SELECT ($1::json -> 'program' -> 0 ->> 'id')::bigint, c.competency_id, c.level"
    "   FROM json_populate_recordset (NULL::program_competency, $1::json -> 'competencies') c"
    "  WHERE c.competency_id IN (SELECT id FROM competency)",
  [TANDEM_SQL_PROGRAM_RESTORE_ENROLLMENTS] =
    "INSERT INTO enrollment (id, person_id, program_id, status, invited_on, enrolled_on, completed_on)"
    " SELECT id, person_id, program_id, status, invited_on, enrolled_on, completed_on"
    "   FROM json_populate_recordset (NULL::enrollment, $1::json -> 'enrollments')"
    "  WHERE person_id IN (SELECT id FROM person)",
  [TANDEM_SQL_SESSION_SNAPSHOT] =
    "SELECT json_build_object ("
    "  'sessions', " SERVER_ROWS (SERVER_SESSION_ROWS " WHERE s.id = $1") ","
    "  'follow_ups', " SERVER_ROWS ("SELECT id, session_id, text, done_on FROM follow_up WHERE session_id = $1")
    ")::text",
  [TANDEM_SQL_RESTORE_LEARNING] =
    "UPDATE person SET learning = " TANDEM_SQL_LEARNING_OF ("person.id")
    " WHERE id IN (SELECT (value ->> 'person_id')::bigint FROM json_array_elements ($1::json -> 'enrollments'))",
  /* Rows copied with their ids leave each identity behind them. */
  [TANDEM_SQL_COPY_FINISH] =
    "SELECT setval (pg_get_serial_sequence (t, 'id'), coalesce (n, 0) + 1, false)"
    "  FROM (VALUES ('department', (SELECT max (id) FROM department)), ('role', (SELECT max (id) FROM role)),"
    "               ('person', (SELECT max (id) FROM person)), ('program', (SELECT max (id) FROM program)),"
    "               ('enrollment', (SELECT max (id) FROM enrollment)),"
    "               ('mentoring_pair', (SELECT max (id) FROM mentoring_pair)),"
    "               ('coaching_session', (SELECT max (id) FROM coaching_session)),"
    "               ('follow_up', (SELECT max (id) FROM follow_up)),"
    "               ('survey_wave', (SELECT max (id) FROM survey_wave)),"
    "               ('survey_item', (SELECT max (id) FROM survey_item)),"
    "               ('survey_response', (SELECT max (id) FROM survey_response)),"
    "               ('competency', (SELECT max (id) FROM competency))) AS ids (t, n)",
  /* A server's indexes are its owner's: an import leaves them be. */
  [TANDEM_SQL_PEOPLE_INDEXES_DROP] = "SELECT 1",
  [TANDEM_SQL_PEOPLE_INDEXES_CREATE] = "SELECT 1",
  [TANDEM_SQL_LEARNING_INDEXES_DROP] = "SELECT 1",
  [TANDEM_SQL_LEARNING_INDEXES_CREATE] = "SELECT 1",
};

/**
 * tandem_store_get_sql:
 * @name: one of the statements each engine writes in its own way
 *
 * Returns: (transfer none): @name's text for this store's engine
 */
const char *
tandem_store_get_sql (TandemStore *self,
                      TandemSql    name)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (name < TANDEM_N_SQL, NULL);

  if (tandem_store_is_server (self) && server_sql[name] != NULL)
    return server_sql[name];
  return sqlite_sql[name];
}

/**
 * tandem_store_keeps_tallies:
 *
 * Whether the engine counts each survey answer into survey_tally itself,
 * as a team server does (its managers may add answers but read none, not
 * even the tallies), so that an import adds only the answers.
 */
gboolean
tandem_store_keeps_tallies (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  return tandem_store_is_server (self);
}
