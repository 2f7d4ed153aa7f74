/* tandem-person.c — someone in the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tandem-person.h"
#include "tandem-store-private.h"

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

/**
 * tandem_person_list:
 *
 * Returns: (transfer full): every person, active first, by name
 */
GListModel *
tandem_person_list (TandemStore  *store,
                    GError      **error)
{
  g_autoptr(GListStore) people = g_list_store_new (TANDEM_TYPE_PERSON);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               "SELECT p.id, p.external_id, p.name, p.email,"
                               "       coalesce (d.name, ''), coalesce (r.name, ''),"
                               "       coalesce (r.level, 'individual_contributor'),"
                               "       p.is_champion, p.has_tool_access, p.active"
                               "  FROM person p"
                               "  LEFT JOIN department d ON d.id = p.department_id"
                               "  LEFT JOIN role r ON r.id = p.role_id"
                               " ORDER BY p.active DESC, p.name COLLATE NOCASE, p.id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TandemPerson) person = g_object_new (TANDEM_TYPE_PERSON, NULL);

      person->id = sqlite3_column_int64 (stmt, 0);
      person->external_id = g_strdup (tandem_stmt_get_text (stmt, 1));
      person->name = g_strdup (tandem_stmt_get_text (stmt, 2));
      person->email = g_strdup (tandem_stmt_get_text (stmt, 3));
      person->department = g_strdup (tandem_stmt_get_text (stmt, 4));
      person->role = g_strdup (tandem_stmt_get_text (stmt, 5));
      if (!tandem_level_from_string (tandem_stmt_get_text (stmt, 6), &person->level))
        person->level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
      person->champion = sqlite3_column_int (stmt, 7) != 0;
      person->tool_access = sqlite3_column_int (stmt, 8) != 0;
      person->active = sqlite3_column_int (stmt, 9) != 0;

      g_list_store_append (people, person);
    }

  if (rc != SQLITE_DONE)
    {
      tandem_store_set_error (store, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&people));
}
