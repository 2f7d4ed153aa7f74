/* tandem-program.c — an AI-literacy program and how far it has reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-program.h"
#include "tandem-store-private.h"

struct _TandemProgram
{
  GObject              parent_instance;

  gint64               id;
  char                *title;
  char                *description;
  TandemProgramFormat  format;
  guint                topics;
  char               **target_roles;
  char                *starts_on;
  char                *ends_on;
  gint64               owner_id;
  char                *owner;
  guint                capacity;
  double               duration_hours;
  guint                enrolled;
  guint                completed;
};

G_DEFINE_FINAL_TYPE (TandemProgram, tandem_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_FORMAT_LABEL,
  PROP_ENROLLED,
  PROP_COMPLETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_program_finalize (GObject *object)
{
  TandemProgram *self = (TandemProgram *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->target_roles, g_strfreev);
  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);
  g_clear_pointer (&self->owner, g_free);

  G_OBJECT_CLASS (tandem_program_parent_class)->finalize (object);
}

static void
tandem_program_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemProgram *self = TANDEM_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_FORMAT_LABEL:
      g_value_set_string (value, tandem_program_format_get_label (self->format));
      break;
    case PROP_ENROLLED:
      g_value_set_uint (value, self->enrolled);
      break;
    case PROP_COMPLETED:
      g_value_set_uint (value, self->completed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_program_class_init (TandemProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_program_finalize;
  object_class->get_property = tandem_program_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_FORMAT_LABEL] = g_param_spec_string ("format-label", NULL, NULL, NULL, flags);
  properties[PROP_ENROLLED] = g_param_spec_uint ("enrolled", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COMPLETED] = g_param_spec_uint ("completed", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_program_init (TandemProgram *self)
{
}

gint64
tandem_program_get_id (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->id;
}

const char *
tandem_program_get_title (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->title;
}

const char *
tandem_program_get_description (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->description;
}

TandemProgramFormat
tandem_program_get_format (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), TANDEM_FORMAT_WORKSHOP);
  return self->format;
}

guint
tandem_program_get_topics (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->topics;
}

/* Returns: (transfer none): the names of the roles the program is for;
 *   empty when it is for everyone */
const char * const *
tandem_program_get_target_roles (TandemProgram *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->target_roles ? (const char * const *)self->target_roles : none;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
tandem_program_get_starts_on (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->starts_on;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
tandem_program_get_ends_on (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->ends_on;
}

gint64
tandem_program_get_owner_id (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->owner_id;
}

/* Returns: (nullable): the owner's name */
const char *
tandem_program_get_owner (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->owner;
}

/* Returns: the most people who may take part, or 0 for no limit */
guint
tandem_program_get_capacity (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->capacity;
}

/* How many hours the program takes, for the AI-literacy record; 0 when
 * not known. */
double
tandem_program_get_duration_hours (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);

  return self->duration_hours;
}

/* People enrolled in any state but dropped. */
guint
tandem_program_get_enrolled (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->enrolled;
}

guint
tandem_program_get_completed (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->completed;
}

/**
 * tandem_program_get_phase:
 * @today: the day to measure against
 *
 * Upcoming before its start, running from its start to its end (or with no
 * end), ended after its end; undated without a start.
 */
TandemProgramPhase
tandem_program_get_phase (TandemProgram *self,
                          const GDate   *today)
{
  g_autoptr(GDate) starts = NULL;
  g_autoptr(GDate) ends = NULL;

  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), TANDEM_PROGRAM_UNDATED);
  g_return_val_if_fail (today != NULL, TANDEM_PROGRAM_UNDATED);

  starts = tandem_date_parse_iso (self->starts_on);
  ends = tandem_date_parse_iso (self->ends_on);
  if (starts == NULL)
    return TANDEM_PROGRAM_UNDATED;
  if (g_date_compare (today, starts) < 0)
    return TANDEM_PROGRAM_UPCOMING;
  if (ends != NULL && g_date_compare (today, ends) > 0)
    return TANDEM_PROGRAM_ENDED;
  return TANDEM_PROGRAM_RUNNING;
}

const char *
tandem_program_phase_get_label (TandemProgramPhase phase)
{
  static const char * const labels[TANDEM_N_PROGRAM_PHASES] = {
    /* Translators: a program's status, by its dates */
    N_("No dates"), N_("Upcoming"), N_("Running"), N_("Ended"),
  };

  g_return_val_if_fail (phase < TANDEM_N_PROGRAM_PHASES, NULL);

  return _(labels[phase]);
}

#define PROGRAM_ROLES_SELECT \
  "SELECT r.name FROM program_role pr JOIN role r ON r.id = pr.role_id" \
  " WHERE pr.program_id = $1 ORDER BY r.name COLLATE NOCASE"

#define PROGRAM_TOPICS_SELECT \
  "SELECT topic FROM program_topic WHERE program_id = $1"

#define PROGRAM_SELECT \
  "SELECT p.id, p.title, p.description, p.format," \
  "       (SELECT count (*) FROM enrollment e WHERE e.program_id = p.id)" \
  "       - (SELECT count (*) FROM enrollment e WHERE e.program_id = p.id AND e.status = 'dropped')," \
  "       (SELECT count (*) FROM enrollment e WHERE e.program_id = p.id AND e.status = 'completed')," \
  "       p.starts_on, p.ends_on, p.owner_id, o.name, coalesce (p.capacity, 0)," \
  "       coalesce (p.duration_hours, 0)" \
  "  FROM program p LEFT JOIN person o ON o.id = p.owner_id"

static TandemProgram *
program_new_from_stmt (TandemStmt *stmt,
                       TandemStmt *roles_stmt,
                       TandemStmt *topics_stmt)
{
  TandemProgram *program = g_object_new (TANDEM_TYPE_PROGRAM, NULL);
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();

  program->id = tandem_stmt_get_int64 (stmt, 0);
  program->title = g_strdup (tandem_stmt_get_text (stmt, 1));
  program->description = g_strdup (tandem_stmt_get_text (stmt, 2));
  if (!tandem_program_format_from_string (tandem_stmt_get_text (stmt, 3), &program->format))
    program->format = TANDEM_FORMAT_WORKSHOP;
  program->enrolled = (guint)tandem_stmt_get_int (stmt, 4);
  program->completed = (guint)tandem_stmt_get_int (stmt, 5);
  program->starts_on = g_strdup (tandem_stmt_get_nullable_text (stmt, 6));
  program->ends_on = g_strdup (tandem_stmt_get_nullable_text (stmt, 7));
  program->owner_id = tandem_stmt_get_int64 (stmt, 8);
  program->owner = g_strdup (tandem_stmt_get_nullable_text (stmt, 9));
  program->capacity = (guint)tandem_stmt_get_int (stmt, 10);
  program->duration_hours = tandem_stmt_get_double (stmt, 11);

  tandem_stmt_bind_int64 (topics_stmt, 1, program->id);
  while (tandem_stmt_step (topics_stmt, NULL) == TANDEM_STEP_ROW)
    {
      TandemTopic topic;

      if (tandem_topic_from_string (tandem_stmt_get_text (topics_stmt, 0), &topic))
        program->topics |= 1u << topic;
    }
  tandem_stmt_reset (topics_stmt);

  tandem_stmt_bind_int64 (roles_stmt, 1, program->id);
  while (tandem_stmt_step (roles_stmt, NULL) == TANDEM_STEP_ROW)
    g_strv_builder_add (roles, tandem_stmt_get_text (roles_stmt, 0));
  tandem_stmt_reset (roles_stmt);
  program->target_roles = g_strv_builder_end (roles);

  return program;
}

/**
 * tandem_program_list:
 *
 * Returns: (transfer full): every program by start date, then title
 */
GListModel *
tandem_program_list (TandemStore  *store,
                     GError      **error)
{
  g_autoptr(GListStore) programs = g_list_store_new (TANDEM_TYPE_PROGRAM);
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(TandemStmt) roles = NULL;
  g_autoptr(TandemStmt) topics = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               PROGRAM_SELECT " ORDER BY p.starts_on, p.title COLLATE NOCASE",
                               error);
  roles = stmt ? tandem_store_prepare (store, PROGRAM_ROLES_SELECT, error) : NULL;
  topics = roles ? tandem_store_prepare (store, PROGRAM_TOPICS_SELECT, error) : NULL;
  if (topics == NULL)
    return NULL;

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autoptr(TandemProgram) program = program_new_from_stmt (stmt, roles, topics);

      g_list_store_append (programs, program);
    }

  if (step == TANDEM_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&programs));
}

TandemProgram *
tandem_program_lookup (TandemStore  *store,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(TandemStmt) roles = NULL;
  g_autoptr(TandemStmt) topics = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, PROGRAM_SELECT " WHERE p.id = $1", error);
  roles = stmt ? tandem_store_prepare (store, PROGRAM_ROLES_SELECT, error) : NULL;
  topics = roles ? tandem_store_prepare (store, PROGRAM_TOPICS_SELECT, error) : NULL;
  if (topics == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, id);
  if (!tandem_stmt_step_row (stmt, _("This program no longer exists."), error))
    return NULL;
  return program_new_from_stmt (stmt, roles, topics);
}

/* What the program dialog shows of a program, as one text: its row, its
 * target roles and its topics. */
#define PROGRAM_VERSION_SQL \
  "SELECT p.title || '|' || p.description || '|' || p.format || '|' || coalesce (p.starts_on, '') || '|' ||" \
  "       coalesce (p.ends_on, '') || '|' || coalesce (p.owner_id, 0) || '|' || coalesce (p.capacity, 0) || '|' ||" \
  "       coalesce (CAST (p.duration_hours AS TEXT), '') || '|' ||" \
  "       coalesce ((SELECT group_concat (CAST (role_id AS TEXT), ',') FROM" \
  "                   (SELECT role_id FROM program_role WHERE program_id = $1 ORDER BY role_id) AS roles), '') || '|' ||" \
  "       coalesce ((SELECT group_concat (topic, ',') FROM" \
  "                   (SELECT topic FROM program_topic WHERE program_id = $1 ORDER BY topic) AS topics), '')" \
  "  FROM program p WHERE p.id = $1"

/**
 * tandem_program_dup_version:
 *
 * Returns: (transfer full): the program's version, for
 *   tandem_program_save(), or %NULL with @error set
 */
char *
tandem_program_dup_version (TandemStore  *store,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return tandem_store_dup_version (store, PROGRAM_VERSION_SQL, id, error);
}

/**
 * tandem_program_save:
 * @id: the program to change, or 0 to add one
 * @version: (nullable): tandem_program_dup_version() when the edit began;
 *   %NULL to save whatever anyone else saved meanwhile
 *
 * Returns: the program's id, or 0 with @error set;
 *   %TANDEM_STORE_ERROR_CHANGED when someone else saved it since @version
 */
gint64
tandem_program_save (TandemStore              *store,
                     gint64                    id,
                     const char               *version,
                     const TandemProgramDraft *draft,
                     GError                  **error)
{
  g_autoptr(TandemStmt) write = NULL;
  g_autoptr(TandemStmt) clear_roles = NULL;
  g_autoptr(TandemStmt) add_role = NULL;
  g_autoptr(TandemStmt) clear_topics = NULL;
  g_autoptr(TandemStmt) add_topic = NULL;
  g_autoptr(TandemStmt) taken = NULL;
  g_autofree char *title = NULL;
  const char *starts_on, *ends_on;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (draft->format < TANDEM_N_FORMATS, 0);

  title = g_strstrip (g_strdup (draft->title ? draft->title : ""));
  starts_on = draft->starts_on && *draft->starts_on ? draft->starts_on : NULL;
  ends_on = draft->ends_on && *draft->ends_on ? draft->ends_on : NULL;

  if (*title == '\0')
    return tandem_store_set_invalid (error, _("Every program needs a title."));
  if (!tandem_store_check_length (error, _("A title"), title, TANDEM_LIMIT_SHORT) ||
      !tandem_store_check_length (error, _("A description"), draft->description, TANDEM_LIMIT_LONG))
    return 0;
  if (!tandem_date_is_valid_or_null (starts_on) || !tandem_date_is_valid_or_null (ends_on))
    return tandem_store_set_invalid (error, _("Dates must be written YYYY-MM-DD, or be left empty."));
  if (starts_on != NULL && ends_on != NULL && g_strcmp0 (ends_on, starts_on) < 0)
    return tandem_store_set_invalid (error, _("The program cannot end before it starts."));
  if (!(draft->duration_hours >= 0 && draft->duration_hours <= 10000))
    return tandem_store_set_invalid (error, _("A program lasts from 0 to 10,000 hours."));

  taken = tandem_store_prepare (store, "SELECT 1 FROM program WHERE title = $1 AND id <> $2", error);
  if (taken == NULL)
    return 0;
  tandem_stmt_bind_text (taken, 1, title);
  tandem_stmt_bind_int64 (taken, 2, id);
  if (tandem_stmt_step (taken, NULL) == TANDEM_STEP_ROW)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("There is already a program called “%s”; choose another title."), title);
      return 0;
    }

  if (!tandem_store_savepoint (store, error))
    return 0;
  if (!tandem_store_check_version (store, PROGRAM_VERSION_SQL, id, version,
                                   _("Someone else saved changes to this program while you were editing."), error))
    goto failed;

  if (id == 0)
    write = tandem_store_prepare (store,
                                  "INSERT INTO program (title, description, format, starts_on, ends_on,"
                                  "                     owner_id, capacity, duration_hours)"
                                  " VALUES ($1, $2, $3, $4, $5, nullif ($6, 0), nullif ($7, 0), nullif ($8, 0))",
                                  error);
  else
    write = tandem_store_prepare (store,
                                  "UPDATE program SET title = $1, description = $2, format = $3,"
                                  "       starts_on = $4, ends_on = $5, owner_id = nullif ($6, 0),"
                                  "       capacity = nullif ($7, 0), duration_hours = nullif ($8, 0)"
                                  " WHERE id = $9",
                                  error);
  if (write == NULL)
    goto failed;
  tandem_stmt_bind_text (write, 1, title);
  tandem_stmt_bind_text (write, 2, draft->description ? draft->description : "");
  tandem_stmt_bind_text (write, 3, tandem_program_format_to_string (draft->format));
  tandem_stmt_bind_text (write, 4, starts_on);
  tandem_stmt_bind_text (write, 5, ends_on);
  tandem_stmt_bind_int64 (write, 6, draft->owner_id);
  tandem_stmt_bind_int64 (write, 7, draft->capacity);
  tandem_stmt_bind_double (write, 8, draft->duration_hours);
  if (id != 0)
    tandem_stmt_bind_int64 (write, 9, id);
  if (!tandem_stmt_step_done (write, error))
    goto failed;
  if (id != 0 && tandem_store_get_changes (store) == 0)
    {
      tandem_store_set_invalid (error, _("This program no longer exists."));
      goto failed;
    }
  if (id == 0)
    id = tandem_store_get_last_insert_id (store);

  clear_roles = tandem_store_prepare (store, "DELETE FROM program_role WHERE program_id = $1", error);
  add_role = clear_roles ? tandem_store_prepare (store,
                                                 "INSERT INTO program_role (program_id, role_id)"
                                                 " SELECT $1, id FROM role WHERE name = $2"
                                                 " ON CONFLICT DO NOTHING",
                                                 error) : NULL;
  clear_topics = add_role ? tandem_store_prepare (store, "DELETE FROM program_topic WHERE program_id = $1",
                                                  error) : NULL;
  add_topic = clear_topics ? tandem_store_prepare (store,
                                                   "INSERT INTO program_topic (program_id, topic) VALUES ($1, $2)",
                                                   error) : NULL;
  if (add_topic == NULL)
    goto failed;

  tandem_stmt_bind_int64 (clear_roles, 1, id);
  tandem_stmt_bind_int64 (clear_topics, 1, id);
  if (!tandem_stmt_step_done (clear_roles, error) ||
      !tandem_stmt_step_done (clear_topics, error))
    goto failed;

  for (guint i = 0; draft->target_roles != NULL && draft->target_roles[i] != NULL; i++)
    {
      tandem_stmt_bind_int64 (add_role, 1, id);
      tandem_stmt_bind_text (add_role, 2, draft->target_roles[i]);
      if (!tandem_stmt_step_done (add_role, error))
        goto failed;
      if (tandem_store_get_changes (store) == 0)
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("There is no role called “%s”."), draft->target_roles[i]);
          goto failed;
        }
    }

  for (TandemTopic topic = 0; topic < TANDEM_N_TOPICS; topic++)
    {
      if ((draft->topics & (1u << topic)) == 0)
        continue;
      tandem_stmt_bind_int64 (add_topic, 1, id);
      tandem_stmt_bind_text (add_topic, 2, tandem_topic_to_string (topic));
      if (!tandem_stmt_step_done (add_topic, error))
        goto failed;
    }

  if (!tandem_store_release (store, error))
    goto failed;
  return id;

failed:
  tandem_store_rollback_savepoint (store);
  return 0;
}

/**
 * tandem_program_delete:
 * @out_undo: (out) (optional): what tandem_program_restore() needs
 *
 * Deletes a program with its enrollments.
 */
gboolean
tandem_program_delete (TandemStore  *store,
                       gint64        id,
                       char        **out_undo,
                       GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  return tandem_store_delete_row (store, TANDEM_SQL_PROGRAM_SNAPSHOT, "DELETE FROM program WHERE id = $1", id,
                                  _("This program no longer exists."), out_undo, error);
}

gboolean
tandem_program_restore (TandemStore  *store,
                        const char   *undo,
                        GError      **error)
{
  static const TandemSql restore[] = {
    TANDEM_SQL_PROGRAM_RESTORE, TANDEM_SQL_PROGRAM_RESTORE_ROLES, TANDEM_SQL_PROGRAM_RESTORE_TOPICS,
    TANDEM_SQL_PROGRAM_RESTORE_COMPETENCIES,
    TANDEM_SQL_PROGRAM_RESTORE_ENROLLMENTS, TANDEM_SQL_RESTORE_LEARNING,
  };

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  return tandem_store_restore_rows (store, restore, G_N_ELEMENTS (restore), undo, error);
}

/* How many enrollments of the program are in each status. */
gboolean
tandem_program_count_statuses (TandemStore  *store,
                               gint64        id,
                               guint         counts[TANDEM_N_ENROLLMENT_STATUSES],
                               GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  memset (counts, 0, sizeof (guint) * TANDEM_N_ENROLLMENT_STATUSES);
  stmt = tandem_store_prepare (store,
                               "SELECT status, count (*) FROM enrollment WHERE program_id = $1 GROUP BY status",
                               error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, id);
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemEnrollmentStatus status;

      if (tandem_enrollment_status_from_string (tandem_stmt_get_text (stmt, 0), &status))
        counts[status] = (guint)tandem_stmt_get_int (stmt, 1);
    }
  if (step == TANDEM_STEP_ERROR)
    return FALSE;
  return TRUE;
}
