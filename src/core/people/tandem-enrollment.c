/* tandem-enrollment.c — one person taking part in one program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * invited → enrolled → in_progress → completed, or dropped at any point.
 * Each step keeps the day it happened: invited_on, enrolled_on and
 * completed_on.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-enrollment.h"
#include "tandem-person-private.h"
#include "tandem-store-private.h"

struct _TandemEnrollment
{
  GObject                 parent_instance;

  gint64                  id;
  gint64                  person_id;
  char                   *person;
  char                   *role;
  char                   *department;
  gint64                  program_id;
  char                   *program;
  TandemEnrollmentStatus  status;
  char                   *invited_on;
  char                   *enrolled_on;
  char                   *completed_on;
};

G_DEFINE_FINAL_TYPE (TandemEnrollment, tandem_enrollment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_PROGRAM,
  PROP_ROLE,
  PROP_DEPARTMENT,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_enrollment_finalize (GObject *object)
{
  TandemEnrollment *self = (TandemEnrollment *)object;

  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->invited_on, g_free);
  g_clear_pointer (&self->enrolled_on, g_free);
  g_clear_pointer (&self->completed_on, g_free);

  G_OBJECT_CLASS (tandem_enrollment_parent_class)->finalize (object);
}

static void
tandem_enrollment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemEnrollment *self = TANDEM_ENROLLMENT (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;
    case PROP_PROGRAM:
      g_value_set_string (value, self->program);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, tandem_enrollment_status_get_label (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_enrollment_class_init (TandemEnrollmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_enrollment_finalize;
  object_class->get_property = tandem_enrollment_get_property;

  properties[PROP_PERSON] = g_param_spec_string ("person", NULL, NULL, NULL, flags);
  properties[PROP_PROGRAM] = g_param_spec_string ("program", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_enrollment_init (TandemEnrollment *self)
{
}

gint64
tandem_enrollment_get_id (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), 0);
  return self->id;
}

gint64
tandem_enrollment_get_person_id (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), 0);
  return self->person_id;
}

const char *
tandem_enrollment_get_person (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), NULL);
  return self->person;
}

const char *
tandem_enrollment_get_role (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), NULL);
  return self->role;
}

const char *
tandem_enrollment_get_department (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), NULL);
  return self->department;
}

gint64
tandem_enrollment_get_program_id (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), 0);
  return self->program_id;
}

const char *
tandem_enrollment_get_program (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), NULL);
  return self->program;
}

TandemEnrollmentStatus
tandem_enrollment_get_status (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), TANDEM_ENROLLMENT_INVITED);
  return self->status;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
tandem_enrollment_get_invited_on (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), NULL);
  return self->invited_on;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
tandem_enrollment_get_enrolled_on (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), NULL);
  return self->enrolled_on;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
tandem_enrollment_get_completed_on (TandemEnrollment *self)
{
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (self), NULL);
  return self->completed_on;
}

#define ENROLLMENT_SELECT \
  "SELECT e.id, e.person_id, p.name, coalesce (r.name, ''), coalesce (d.name, '')," \
  "       e.program_id, g.title, e.status, e.invited_on, e.enrolled_on, e.completed_on" \
  "  FROM enrollment e" \
  "  JOIN person p ON p.id = e.person_id" \
  "  JOIN program g ON g.id = e.program_id" \
  "  LEFT JOIN role r ON r.id = p.role_id" \
  "  LEFT JOIN department d ON d.id = p.department_id"

static GListModel *
list_enrollments (TandemStore  *store,
                  const char   *sql,
                  gint64        id,
                  GError      **error)
{
  g_autoptr(GListStore) enrollments = g_list_store_new (TANDEM_TYPE_ENROLLMENT);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  stmt = tandem_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, id);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autoptr(TandemEnrollment) e = g_object_new (TANDEM_TYPE_ENROLLMENT, NULL);

      e->id = tandem_stmt_get_int64 (stmt, 0);
      e->person_id = tandem_stmt_get_int64 (stmt, 1);
      e->person = g_strdup (tandem_stmt_get_text (stmt, 2));
      e->role = g_strdup (tandem_stmt_get_text (stmt, 3));
      e->department = g_strdup (tandem_stmt_get_text (stmt, 4));
      e->program_id = tandem_stmt_get_int64 (stmt, 5);
      e->program = g_strdup (tandem_stmt_get_text (stmt, 6));
      if (!tandem_enrollment_status_from_string (tandem_stmt_get_text (stmt, 7), &e->status))
        e->status = TANDEM_ENROLLMENT_INVITED;
      e->invited_on = g_strdup (tandem_stmt_get_nullable_text (stmt, 8));
      e->enrolled_on = g_strdup (tandem_stmt_get_nullable_text (stmt, 9));
      e->completed_on = g_strdup (tandem_stmt_get_nullable_text (stmt, 10));
      g_list_store_append (enrollments, e);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&enrollments));
}

/* Returns: (transfer full): the program's enrollments, by person's name */
GListModel *
tandem_enrollment_list_for_program (TandemStore  *store,
                                    gint64        program_id,
                                    GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return list_enrollments (store,
                           ENROLLMENT_SELECT " WHERE e.program_id = $1 ORDER BY p.name COLLATE NOCASE, p.id",
                           program_id, error);
}

/* Returns: (transfer full): the person's programs, by start date */
GListModel *
tandem_enrollment_list_for_person (TandemStore  *store,
                                   gint64        person_id,
                                   GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return list_enrollments (store,
                           ENROLLMENT_SELECT " WHERE e.person_id = $1"
                           " ORDER BY g.starts_on, g.title COLLATE NOCASE",
                           person_id, error);
}

/* Fails when the program has a capacity and more than that take part. */
static gboolean
check_capacity (TandemStore  *store,
                gint64        program_id,
                GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  stmt = tandem_store_prepare (store,
                               "SELECT g.capacity, g.title,"
                               "       (SELECT count (*) FROM enrollment e"
                               "         WHERE e.program_id = g.id AND e.status <> 'dropped')"
                               "  FROM program g WHERE g.id = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, program_id);
  if (!tandem_stmt_step_row (stmt, _("This program no longer exists."), error))
    return FALSE;

  if (!tandem_stmt_get_is_null (stmt, 0) &&
      tandem_stmt_get_int (stmt, 2) > tandem_stmt_get_int (stmt, 0))
    {
      int capacity = tandem_stmt_get_int (stmt, 0);

      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has room for %d person; raise its capacity to enrol more.",
                                "“%s” has room for %d people; raise its capacity to enrol more.",
                                capacity),
                   tandem_stmt_get_text (stmt, 1), capacity);
      return FALSE;
    }
  return TRUE;
}

/* The SQL that moves an enrollment to $2 on day $3, keeping each date. */
#define SET_STATUS_SQL \
  "UPDATE enrollment SET status = $2," \
  "       invited_on = CASE WHEN $2 = 'invited' THEN coalesce (invited_on, $3) ELSE invited_on END," \
  "       enrolled_on = CASE WHEN $2 IN ('enrolled', 'in_progress', 'completed')" \
  "                          THEN coalesce (enrolled_on, $3) ELSE enrolled_on END," \
  "       completed_on = CASE WHEN $2 = 'completed' THEN coalesce ($3, completed_on) ELSE NULL END" \
  " WHERE id = $1"

/**
 * tandem_enrollment_add:
 * @on: (nullable): the day of @status (YYYY-MM-DD)
 *
 * Returns: the enrollment's id, or 0 with @error set (already enrolled,
 *   over capacity, no such person or program)
 */
gint64
tandem_enrollment_add (TandemStore             *store,
                       gint64                   person_id,
                       gint64                   program_id,
                       TandemEnrollmentStatus   status,
                       const char              *on,
                       GError                 **error)
{
  g_autoptr(TandemStmt) insert = NULL;
  g_autoptr(TandemStmt) update = NULL;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);
  g_return_val_if_fail (status < TANDEM_N_ENROLLMENT_STATUSES, 0);

  if (!tandem_date_is_valid_or_null (on))
    return tandem_store_set_invalid (error, _("The date must be written YYYY-MM-DD."));

  if (!tandem_store_savepoint (store, error))
    return 0;

  insert = tandem_store_prepare (store,
                                 "INSERT INTO enrollment (person_id, program_id, status)"
                                 " SELECT $1, $2, 'invited'"
                                 "  WHERE EXISTS (SELECT 1 FROM person WHERE id = $1)"
                                 "    AND EXISTS (SELECT 1 FROM program WHERE id = $2)"
                                 " ON CONFLICT DO NOTHING",
                                 error);
  if (insert == NULL)
    goto failed;
  tandem_stmt_bind_int64 (insert, 1, person_id);
  tandem_stmt_bind_int64 (insert, 2, program_id);
  if (!tandem_stmt_step_done (insert, error))
    goto failed;
  if (tandem_store_get_changes (store) == 0)
    {
      tandem_store_set_invalid (error, _("This person is already enrolled in this program."));
      goto failed;
    }
  id = tandem_store_get_last_insert_id (store);

  update = tandem_store_prepare (store, SET_STATUS_SQL, error);
  if (update == NULL)
    goto failed;
  tandem_stmt_bind_int64 (update, 1, id);
  tandem_stmt_bind_text (update, 2, tandem_enrollment_status_to_string (status));
  tandem_stmt_bind_text (update, 3, on);
  if (!tandem_stmt_step_done (update, error) ||
      !tandem_enrollment_refresh_learning (store, person_id, -1, error) ||
      !check_capacity (store, program_id, error) ||
      !tandem_store_release (store, error))
    goto failed;
  return id;

failed:
  tandem_store_rollback_savepoint (store);
  return 0;
}

/**
 * tandem_enrollment_set_status:
 * @on: (nullable): the day it happened (YYYY-MM-DD)
 *
 * Moves an enrollment on (or back): the day of each step is kept, and
 * leaving "completed" clears the completion date.
 */
gboolean
tandem_enrollment_set_status (TandemStore             *store,
                              gint64                   id,
                              TandemEnrollmentStatus   status,
                              const char              *on,
                              GError                 **error)
{
  g_autoptr(TandemStmt) update = NULL;
  g_autoptr(TandemStmt) program = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (status < TANDEM_N_ENROLLMENT_STATUSES, FALSE);

  if (!tandem_date_is_valid_or_null (on))
    return tandem_store_set_invalid (error, _("The date must be written YYYY-MM-DD."));

  if (!tandem_store_savepoint (store, error))
    return FALSE;

  update = tandem_store_prepare (store, SET_STATUS_SQL, error);
  program = update ? tandem_store_prepare (store, "SELECT program_id FROM enrollment WHERE id = $1", error) : NULL;
  if (program == NULL)
    goto failed;
  tandem_stmt_bind_int64 (update, 1, id);
  tandem_stmt_bind_text (update, 2, tandem_enrollment_status_to_string (status));
  tandem_stmt_bind_text (update, 3, on);
  if (!tandem_stmt_step_done (update, error))
    goto failed;
  tandem_stmt_bind_int64 (program, 1, id);
  if (tandem_stmt_step (program, NULL) != TANDEM_STEP_ROW)
    {
      tandem_store_set_invalid (error, _("This enrollment no longer exists."));
      goto failed;
    }
  if (!check_capacity (store, tandem_stmt_get_int64 (program, 0), error) ||
      !tandem_store_release (store, error))
    goto failed;
  return TRUE;

failed:
  tandem_store_rollback_savepoint (store);
  return FALSE;
}

gboolean
tandem_enrollment_remove (TandemStore       *store,
                          TandemEnrollment  *enrollment,
                          GError           **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (enrollment), FALSE);

  stmt = tandem_store_prepare (store, "DELETE FROM enrollment WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, enrollment->id);
  return tandem_stmt_step_done (stmt, error);
}

/* Puts back an enrollment tandem_enrollment_remove() took away. */
gboolean
tandem_enrollment_restore (TandemStore       *store,
                           TandemEnrollment  *enrollment,
                           GError           **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (TANDEM_IS_ENROLLMENT (enrollment), FALSE);

  stmt = tandem_store_prepare (store,
                               "INSERT INTO enrollment (id, person_id, program_id, status, invited_on,"
                               "                        enrolled_on, completed_on)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                               error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, enrollment->id);
  tandem_stmt_bind_int64 (stmt, 2, enrollment->person_id);
  tandem_stmt_bind_int64 (stmt, 3, enrollment->program_id);
  tandem_stmt_bind_text (stmt, 4, tandem_enrollment_status_to_string (enrollment->status));
  tandem_stmt_bind_text (stmt, 5, enrollment->invited_on);
  tandem_stmt_bind_text (stmt, 6, enrollment->enrolled_on);
  tandem_stmt_bind_text (stmt, 7, enrollment->completed_on);
  return tandem_stmt_step_done (stmt, error) &&
         tandem_enrollment_refresh_learning (store, enrollment->person_id, -1, error);
}

#define REFRESH_LEARNING "UPDATE person SET learning = " TANDEM_SQL_LEARNING_OF ("person.id")

/* person.learning (schema 5): the triggers keep it when an enrollment
 * changes or goes; whoever adds enrollments calls this for the person
 * (@person_id), everyone in a program (@program_id), or everyone (both -1). */
gboolean
tandem_enrollment_refresh_learning (TandemStore  *store,
                                    gint64        person_id,
                                    gint64        program_id,
                                    GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  /* Three statements, not one with "$1 < 0 OR …": each finds its people
   * through an index instead of looking at everyone. */
  if (person_id >= 0)
    stmt = tandem_store_prepare (store, REFRESH_LEARNING " WHERE id = $1", error);
  else if (program_id >= 0)
    stmt = tandem_store_prepare (store,
                                 REFRESH_LEARNING
                                 " WHERE id IN (SELECT person_id FROM enrollment WHERE program_id = $1)",
                                 error);
  else
    stmt = tandem_store_prepare (store, REFRESH_LEARNING, error);
  if (stmt == NULL)
    return FALSE;
  if (person_id >= 0 || program_id >= 0)
    tandem_stmt_bind_int64 (stmt, 1, person_id >= 0 ? person_id : program_id);
  return tandem_stmt_step_done (stmt, error);
}

/**
 * tandem_enrollment_enrol_matching:
 * @role: (nullable): only people in this role, which the program must target
 * @department: (nullable): only people in this department
 * @on: (nullable): the day they are invited
 * @out_added: (out) (optional): how many people were invited
 *
 * Invites, in one go, every active person of @role and/or @department whose
 * role the program targets (anyone, for a program without target roles) and
 * who is not enrolled yet.
 */
gboolean
tandem_enrollment_enrol_matching (TandemStore  *store,
                                  gint64        program_id,
                                  const char   *role,
                                  const char   *department,
                                  const char   *on,
                                  guint        *out_added,
                                  GError      **error)
{
  g_autoptr(TandemStmt) targets = NULL;
  g_autoptr(TandemStmt) insert = NULL;
  guint added;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  if (role != NULL && *role == '\0')
    role = NULL;
  if (department != NULL && *department == '\0')
    department = NULL;
  if (!tandem_date_is_valid_or_null (on))
    return tandem_store_set_invalid (error, _("The date must be written YYYY-MM-DD."));

  if (role != NULL)
    {
      targets = tandem_store_prepare (store,
                                      "SELECT NOT EXISTS (SELECT 1 FROM program_role WHERE program_id = $1)"
                                      "    OR EXISTS (SELECT 1 FROM program_role pr JOIN role r ON r.id = pr.role_id"
                                      "                WHERE pr.program_id = $1 AND r.name = $2)",
                                      error);
      if (targets == NULL)
        return FALSE;
      tandem_stmt_bind_int64 (targets, 1, program_id);
      tandem_stmt_bind_text (targets, 2, role);
      if (tandem_stmt_step (targets, NULL) != TANDEM_STEP_ROW || tandem_stmt_get_int (targets, 0) == 0)
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("This program is not meant for the role “%s”; add it to the program’s target roles first."),
                       role);
          return FALSE;
        }
    }

  if (!tandem_store_savepoint (store, error))
    return FALSE;

  insert = tandem_store_prepare (store,
                                 "INSERT INTO enrollment (person_id, program_id, status, invited_on)"
                                 " SELECT p.id, $1, 'invited', $4 FROM person p"
                                 "   LEFT JOIN role r ON r.id = p.role_id"
                                 "   LEFT JOIN department d ON d.id = p.department_id"
                                 "  WHERE p.active = 1"
                                 "    AND (CAST ($2 AS TEXT) IS NULL OR r.name = $2)"
                                 "    AND (CAST ($3 AS TEXT) IS NULL OR d.name = $3)"
                                 "    AND (NOT EXISTS (SELECT 1 FROM program_role WHERE program_id = $1)"
                                 "         OR p.role_id IN (SELECT role_id FROM program_role WHERE program_id = $1))"
                                 "    AND NOT EXISTS (SELECT 1 FROM enrollment e"
                                 "                     WHERE e.person_id = p.id AND e.program_id = $1)"
                                 "    AND EXISTS (SELECT 1 FROM program WHERE id = $1)",
                                 error);
  if (insert == NULL)
    goto failed;
  tandem_stmt_bind_int64 (insert, 1, program_id);
  tandem_stmt_bind_text (insert, 2, role);
  tandem_stmt_bind_text (insert, 3, department);
  tandem_stmt_bind_text (insert, 4, on);
  if (!tandem_stmt_step_done (insert, error))
    goto failed;
  added = (guint)tandem_store_get_changes (store);
  if (!tandem_enrollment_refresh_learning (store, -1, program_id, error) ||
      !check_capacity (store, program_id, error) ||
      !tandem_store_release (store, error))
    goto failed;

  if (out_added != NULL)
    *out_added = added;
  return TRUE;

failed:
  tandem_store_rollback_savepoint (store);
  return FALSE;
}
