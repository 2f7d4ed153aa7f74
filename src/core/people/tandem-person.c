/* tandem-person.c — someone in the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-person-private.h"

struct _TandemPerson
{
  GObject      parent_instance;

  gint64       id;
  char        *external_id;
  char        *name;
  char        *email;
  char        *department;
  char        *role;
  TandemLevel  level;
  guint        champion : 1;
  guint        tool_access : 1;
  guint        active : 1;
};

G_DEFINE_FINAL_TYPE (TandemPerson, tandem_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EXTERNAL_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_DEPARTMENT,
  PROP_ROLE,
  PROP_LEVEL_LABEL,
  PROP_CHAMPION,
  PROP_TOOL_ACCESS,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_person_finalize (GObject *object)
{
  TandemPerson *self = (TandemPerson *)object;

  g_clear_pointer (&self->external_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (tandem_person_parent_class)->finalize (object);
}

static void
tandem_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TandemPerson *self = TANDEM_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_LEVEL_LABEL:
      g_value_set_string (value, tandem_level_get_label (self->level));
      break;
    case PROP_CHAMPION:
      g_value_set_boolean (value, self->champion);
      break;
    case PROP_TOOL_ACCESS:
      g_value_set_boolean (value, self->tool_access);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_person_class_init (TandemPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_person_finalize;
  object_class->get_property = tandem_person_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_LEVEL_LABEL] = g_param_spec_string ("level-label", NULL, NULL, NULL, flags);
  properties[PROP_CHAMPION] = g_param_spec_boolean ("champion", NULL, NULL, FALSE, flags);
  properties[PROP_TOOL_ACCESS] = g_param_spec_boolean ("tool-access", NULL, NULL, FALSE, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_person_init (TandemPerson *self)
{
  self->active = TRUE;
}

gint64
tandem_person_get_id (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), 0);
  return self->id;
}

const char *
tandem_person_get_external_id (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);
  return self->external_id;
}

const char *
tandem_person_get_name (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);
  return self->name;
}

const char *
tandem_person_get_email (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);
  return self->email;
}

const char *
tandem_person_get_department (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);
  return self->department;
}

const char *
tandem_person_get_role (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);
  return self->role;
}

TandemLevel
tandem_person_get_level (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR);
  return self->level;
}

gboolean
tandem_person_get_champion (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), FALSE);
  return self->champion;
}

gboolean
tandem_person_get_tool_access (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), FALSE);
  return self->tool_access;
}

gboolean
tandem_person_get_active (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), FALSE);
  return self->active;
}

TandemPerson *
tandem_person_new_from_stmt (TandemStmt *stmt)
{
  TandemPerson *person = g_object_new (TANDEM_TYPE_PERSON, NULL);

  person->id = tandem_stmt_get_int64 (stmt, 0);
  person->external_id = g_strdup (tandem_stmt_get_text (stmt, 1));
  person->name = g_strdup (tandem_stmt_get_text (stmt, 2));
  person->email = g_strdup (tandem_stmt_get_text (stmt, 3));
  person->department = g_strdup (tandem_stmt_get_text (stmt, 4));
  person->role = g_strdup (tandem_stmt_get_text (stmt, 5));
  if (!tandem_level_from_string (tandem_stmt_get_text (stmt, 6), &person->level))
    person->level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
  person->champion = tandem_stmt_get_int (stmt, 7) != 0;
  person->tool_access = tandem_stmt_get_int (stmt, 8) != 0;
  person->active = tandem_stmt_get_int (stmt, 9) != 0;
  return person;
}

/**
 * tandem_person_list:
 *
 * Every person as an object: for small organisations and tests. The People
 * page uses #TandemPersonModel, which reads rows only when they are shown.
 *
 * Returns: (transfer full): every person, active first, by name
 */
GListModel *
tandem_person_list (TandemStore  *store,
                    GError      **error)
{
  g_autoptr(GListStore) people = g_list_store_new (TANDEM_TYPE_PERSON);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               TANDEM_PERSON_SELECT
                               " ORDER BY p.active DESC, p.name COLLATE NOCASE, p.id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autoptr(TandemPerson) person = tandem_person_new_from_stmt (stmt);

      g_list_store_append (people, person);
    }

  if (step == TANDEM_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&people));
}

/**
 * tandem_person_lookup:
 *
 * Returns: (transfer full) (nullable): the person with @id, or %NULL with
 *   @error set when there is none
 */
TandemPerson *
tandem_person_lookup (TandemStore  *store,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, TANDEM_PERSON_SELECT " WHERE p.id = $1", error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, id);
  if (!tandem_stmt_step_row (stmt, _("This person is no longer in the organisation."), error))
    return NULL;
  return tandem_person_new_from_stmt (stmt);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The id of the department called @name, created when new; 0 with @error
 * unset for a blank name. */
gint64
tandem_department_ensure (TandemStore  *store,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  if (is_blank (name))
    return 0;

  stmt = tandem_store_prepare (store,
                               "INSERT INTO department (name) VALUES (trim ($1))"
                               " ON CONFLICT (name) DO UPDATE SET name = department.name"
                               " RETURNING id",
                               error);
  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_text (stmt, 1, name);
  if (tandem_stmt_step (stmt, error) != TANDEM_STEP_ROW)
    return 0;
  return tandem_stmt_get_int64 (stmt, 0);
}

/* The id of the role called @name, created when new; an existing role takes
 * @level. 0 with @error unset for a blank name. */
gint64
tandem_role_ensure (TandemStore  *store,
                    const char   *name,
                    TandemLevel   level,
                    GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (level < TANDEM_N_LEVELS, 0);

  if (is_blank (name))
    return 0;

  stmt = tandem_store_prepare (store,
                               "INSERT INTO role (name, level) VALUES (trim ($1), $2)"
                               " ON CONFLICT (name) DO UPDATE SET level = excluded.level"
                               " RETURNING id",
                               error);
  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_text (stmt, 1, name);
  tandem_stmt_bind_text (stmt, 2, tandem_level_to_string (level));
  if (tandem_stmt_step (stmt, error) != TANDEM_STEP_ROW)
    return 0;
  return tandem_stmt_get_int64 (stmt, 0);
}

static gboolean
email_is_plausible (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && at[1] != '\0' && strchr (email, ' ') == NULL;
}

/* What the person dialog shows of a person, as one text: their row, and
 * the names of their role (with its level) and department. */
#define PERSON_VERSION_SQL \
  "SELECT coalesce (p.external_id, '') || '|' || p.name || '|' || p.email || '|' ||" \
  "       coalesce ((SELECT d.name FROM department d WHERE d.id = p.department_id), '') || '|' ||" \
  "       coalesce ((SELECT r.name || '|' || r.level FROM role r WHERE r.id = p.role_id), '|') || '|' ||" \
  "       p.is_champion || '|' || p.has_tool_access || '|' || p.active" \
  "  FROM person p WHERE p.id = $1"

/**
 * tandem_person_dup_version:
 *
 * Returns: (transfer full): the person's version, for tandem_person_save(),
 *   or %NULL with @error set
 */
char *
tandem_person_dup_version (TandemStore  *store,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return tandem_store_dup_version (store, PERSON_VERSION_SQL, id, error);
}

/**
 * tandem_person_save:
 * @id: the person to change, or 0 to add one
 * @version: (nullable): tandem_person_dup_version() when the edit began;
 *   %NULL to save whatever anyone else saved meanwhile
 * @draft: what the person is now
 *
 * Returns: the person's id, or 0 with @error set; %TANDEM_STORE_ERROR_INVALID
 *   says in words what to correct, %TANDEM_STORE_ERROR_CHANGED that someone
 *   else saved the person since @version
 */
gint64
tandem_person_save (TandemStore             *store,
                    gint64                   id,
                    const char              *version,
                    const TandemPersonDraft *draft,
                    GError                 **error)
{
  g_autoptr(TandemStmt) taken = NULL;
  g_autoptr(TandemStmt) write = NULL;
  g_autofree char *name = NULL;
  g_autofree char *external_id = NULL;
  g_autofree char *email = NULL;
  gint64 department_id, role_id;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (draft->level < TANDEM_N_LEVELS, 0);

  name = g_strstrip (g_strdup (draft->name ? draft->name : ""));
  external_id = g_strstrip (g_strdup (draft->external_id ? draft->external_id : ""));
  email = g_strstrip (g_strdup (draft->email ? draft->email : ""));

  if (*name == '\0')
    return tandem_store_set_invalid (error, _("Every person needs a name."));
  if (!tandem_store_check_length (error, _("A name"), name, TANDEM_LIMIT_SHORT) ||
      !tandem_store_check_length (error, _("An email address"), email, TANDEM_LIMIT_EMAIL) ||
      !tandem_store_check_length (error, _("An ID"), external_id, TANDEM_LIMIT_SHORT) ||
      !tandem_store_check_length (error, _("A department"), draft->department, TANDEM_LIMIT_SHORT) ||
      !tandem_store_check_length (error, _("A role"), draft->role, TANDEM_LIMIT_SHORT))
    return 0;
  if (*email != '\0' && !email_is_plausible (email))
    return tandem_store_set_invalid (error, _("The email address must look like name@example.com, or be left empty."));

  if (*external_id != '\0')
    {
      taken = tandem_store_prepare (store,
                                    "SELECT name FROM person WHERE external_id = $1 AND id <> $2",
                                    error);
      if (taken == NULL)
        return 0;
      tandem_stmt_bind_text (taken, 1, external_id);
      tandem_stmt_bind_int64 (taken, 2, id);
      if (tandem_stmt_step (taken, NULL) == TANDEM_STEP_ROW)
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("The ID “%s” already belongs to %s; each person needs their own."),
                       external_id, tandem_stmt_get_text (taken, 0));
          return 0;
        }
    }

  if (!tandem_store_savepoint (store, error))
    return 0;
  if (!tandem_store_check_version (store, PERSON_VERSION_SQL, id, version,
                                   _("Someone else saved changes to this person while you were editing."), error))
    goto failed;

  department_id = tandem_department_ensure (store, draft->department, error);
  if (department_id == 0 && !is_blank (draft->department))
    goto failed;
  role_id = tandem_role_ensure (store, draft->role, draft->level, error);
  if (role_id == 0 && !is_blank (draft->role))
    goto failed;

  if (id == 0)
    write = tandem_store_prepare (store,
                                  "INSERT INTO person (external_id, name, email, department_id, role_id,"
                                  "                    is_champion, has_tool_access, active)"
                                  " VALUES (nullif ($1, ''), $2, $3, nullif ($4, 0), nullif ($5, 0), $6, $7, $8)",
                                  error);
  else
    write = tandem_store_prepare (store,
                                  "UPDATE person SET external_id = nullif ($1, ''), name = $2, email = $3,"
                                  "       department_id = nullif ($4, 0), role_id = nullif ($5, 0),"
                                  "       is_champion = $6, has_tool_access = $7, active = $8"
                                  " WHERE id = $9",
                                  error);
  if (write == NULL)
    goto failed;
  tandem_stmt_bind_text (write, 1, external_id);
  tandem_stmt_bind_text (write, 2, name);
  tandem_stmt_bind_text (write, 3, email);
  tandem_stmt_bind_int64 (write, 4, department_id);
  tandem_stmt_bind_int64 (write, 5, role_id);
  tandem_stmt_bind_int (write, 6, draft->champion ? 1 : 0);
  tandem_stmt_bind_int (write, 7, draft->tool_access ? 1 : 0);
  tandem_stmt_bind_int (write, 8, draft->active ? 1 : 0);
  if (id != 0)
    tandem_stmt_bind_int64 (write, 9, id);
  if (!tandem_stmt_step_done (write, error))
    goto failed;
  if (id != 0 && tandem_store_get_changes (store) == 0)
    {
      tandem_store_set_invalid (error, _("This person is no longer in the organisation."));
      goto failed;
    }
  if (id == 0)
    id = tandem_store_get_last_insert_id (store);

  if (!tandem_store_release (store, error))
    goto failed;
  return id;

failed:
  tandem_store_rollback_savepoint (store);
  return 0;
}

/* Deactivating keeps a person's history but leaves them out of reports. */
gboolean
tandem_person_set_active (TandemStore  *store,
                          gint64        id,
                          gboolean      active,
                          GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  stmt = tandem_store_prepare (store, "UPDATE person SET active = $2 WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, id);
  tandem_stmt_bind_int (stmt, 2, active ? 1 : 0);
  return tandem_stmt_step_done (stmt, error);
}

/**
 * tandem_person_delete:
 * @out_undo: (out) (optional): what tandem_person_restore() needs to undo this
 *
 * Deletes a person with their enrollments and mentoring pairs. The undo
 * text holds private notes: keep it in memory only.
 */
gboolean
tandem_person_delete (TandemStore  *store,
                      gint64        id,
                      char        **out_undo,
                      GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  return tandem_store_delete_row (store, TANDEM_SQL_PERSON_SNAPSHOT, "DELETE FROM person WHERE id = $1", id,
                                  _("This person is no longer in the organisation."), out_undo, error);
}

gboolean
tandem_person_restore (TandemStore  *store,
                       const char   *undo,
                       GError      **error)
{
  static const TandemSql restore[] = {
    TANDEM_SQL_PERSON_RESTORE, TANDEM_SQL_PERSON_RESTORE_PAIRS, TANDEM_SQL_PERSON_RESTORE_SESSIONS,
    TANDEM_SQL_PERSON_RESTORE_FOLLOW_UPS, TANDEM_SQL_PERSON_RESTORE_ENROLLMENTS, TANDEM_SQL_PERSON_RESTORE_OWNED,
    TANDEM_SQL_RESTORE_LEARNING,
  };

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  return tandem_store_restore_rows (store, restore, G_N_ELEMENTS (restore), undo, error);
}

static char **
list_names (TandemStore  *store,
            const char   *sql,
            GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    g_strv_builder_add (names, tandem_stmt_get_text (stmt, 0));
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (names);
}

/* Returns: (transfer full): every department's name, sorted */
char **
tandem_department_list_names (TandemStore  *store,
                              GError      **error)
{
  return list_names (store, "SELECT name FROM department ORDER BY name COLLATE NOCASE", error);
}

/* Returns: (transfer full): every role's name, sorted */
char **
tandem_role_list_names (TandemStore  *store,
                        GError      **error)
{
  return list_names (store, "SELECT name FROM role ORDER BY name COLLATE NOCASE", error);
}

/* Returns: %FALSE when there is no role called @name */
gboolean
tandem_role_get_level (TandemStore *store,
                       const char  *name,
                       TandemLevel *out_level)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_level != NULL, FALSE);

  stmt = tandem_store_prepare (store, "SELECT level FROM role WHERE name = trim ($1)", NULL);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_text (stmt, 1, name ? name : "");
  return tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW &&
         tandem_level_from_string (tandem_stmt_get_text (stmt, 0), out_level);
}

/* Returns: how many people other than @except_person_id have the role
 * called @name, deactivated ones included: a role's level is theirs too. */
guint
tandem_role_count_people (TandemStore *store,
                          const char  *name,
                          gint64       except_person_id)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);

  stmt = tandem_store_prepare (store,
                               "SELECT count (*) FROM person p JOIN role r ON r.id = p.role_id"
                               " WHERE r.name = trim ($1) AND p.id <> $2",
                               NULL);
  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_text (stmt, 1, name ? name : "");
  tandem_stmt_bind_int64 (stmt, 2, except_person_id);
  return tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW ? (guint)tandem_stmt_get_int64 (stmt, 0) : 0;
}

/* Returns: the id of the person whose external id or email is @text, or 0 */
gint64
tandem_person_find (TandemStore *store,
                    const char  *text)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);

  if (is_blank (text))
    return 0;
  stmt = tandem_store_prepare (store,
                               "SELECT id FROM person WHERE external_id = trim ($1)"
                               " UNION ALL SELECT id FROM person WHERE email = trim ($1) COLLATE NOCASE"
                               " LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_text (stmt, 1, text);
  return tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW ? tandem_stmt_get_int64 (stmt, 0) : 0;
}
