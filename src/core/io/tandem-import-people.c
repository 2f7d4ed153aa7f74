/* tandem-import-people.c — people from an HR export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-import-private.h"

enum {
  P_EXTERNAL_ID, P_NAME, P_EMAIL, P_DEPARTMENT, P_ROLE, P_LEVEL, P_CHAMPION, P_TOOL_ACCESS, P_ACTIVE, P_N
};

static const char * const people_columns[P_N] = {
  "external_id", "name", "email", "department", "role", "level", "champion", "tool_access", "active",
};

/* An HR export may leave out whether someone is still active (Tandem's own
 * export says it). */
#define PEOPLE_OPTIONAL (1u << P_ACTIVE)

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  TandemImportHeader  header;
  TandemStmt       *find;
  TandemStmt       *insert;
  TandemStmt       *update;
  TandemStmt       *add_department;
  TandemStmt       *add_role;
  TandemStmt       *set_role_level;
  GHashTable         *departments;  /* casefolded name → id */
  GHashTable         *roles;        /* casefolded name → TandemRoleSeen */
  GHashTable         *known;        /* external id → person id, of the people stored before */
  GHashTable         *seen;         /* external_id → first line */
} PeopleImport;

static gboolean
people_row_cb (guint       line,
               GPtrArray  *fields,
               gpointer    user_data,
               GError    **error)
{
  PeopleImport *import = user_data;
  TandemImportReport *report = import->report;
  TandemImportHeader *h = &import->header;
  guint problems_before = report->n_problems;
  const char *external_id, *name, *email, *role_name;
  g_autofree char *role_key = NULL;
  gboolean champion = FALSE, tool_access = FALSE, active = TRUE;
  const char *active_text;
  TandemLevel level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
  TandemRoleSeen *role;
  TandemRoleSeen no_role = { 0, TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, 1 };
  gint64 department = 0;
  const gint64 *known;
  gpointer first_line;

  if (!tandem_import_take_row (h, line, fields, report))
    return TRUE;

  external_id = tandem_import_field (h, fields, P_EXTERNAL_ID);
  name = tandem_import_field (h, fields, P_NAME);
  email = tandem_import_field (h, fields, P_EMAIL);
  role_name = tandem_import_field (h, fields, P_ROLE);

  /* Without an external id a person is added, never matched. */
  if (*external_id == '\0')
    ;
  else if (g_hash_table_lookup_extended (import->seen, external_id, NULL, &first_line))
    tandem_import_add_problem (report, line, people_columns[P_EXTERNAL_ID],
                               _("“%s” is already on line %u; each person may appear once"), external_id,
                               GPOINTER_TO_UINT (first_line));
  else
    g_hash_table_insert (import->seen, g_strdup (external_id), GUINT_TO_POINTER (line));

  if (*name == '\0')
    tandem_import_add_problem (report, line, people_columns[P_NAME], _("every person needs a name"));
  if (*email != '\0' && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    tandem_import_add_problem (report, line, people_columns[P_EMAIL], _("“%s” is not an email address"), email);
  /* A person without a role has no level either. */
  if (*role_name != '\0' && !tandem_parse_level (tandem_import_field (h, fields, P_LEVEL), &level))
    tandem_import_add_problem (report, line, people_columns[P_LEVEL],
                               _("“%s” is not a level; use executive, manager or individual contributor"),
                               tandem_import_field (h, fields, P_LEVEL));
  if (!tandem_parse_yes_no (tandem_import_field (h, fields, P_CHAMPION), &champion))
    tandem_import_add_problem (report, line, people_columns[P_CHAMPION], _("“%s” is not yes or no"),
                               tandem_import_field (h, fields, P_CHAMPION));
  if (!tandem_parse_yes_no (tandem_import_field (h, fields, P_TOOL_ACCESS), &tool_access))
    tandem_import_add_problem (report, line, people_columns[P_TOOL_ACCESS], _("“%s” is not yes or no"),
                               tandem_import_field (h, fields, P_TOOL_ACCESS));

  active_text = tandem_import_field (h, fields, P_ACTIVE);
  if (*active_text != '\0' && !tandem_parse_yes_no (active_text, &active))
    tandem_import_add_problem (report, line, people_columns[P_ACTIVE], _("“%s” is not yes or no"), active_text);

  if (report->n_problems > problems_before)
    return TRUE;

  /* A role has one level: the file may set it, but not two ways. */
  role_key = g_utf8_casefold (role_name, -1);
  role = *role_name != '\0' ? g_hash_table_lookup (import->roles, role_key) : &no_role;
  if (role != NULL && role->line != 0 && role->level != level)
    {
      tandem_import_add_problem (report, line, people_columns[P_LEVEL],
                                 _("the role “%s” is %s on line %u; a role has one level"), role_name,
                                 tandem_level_to_string (role->level), role->line);
      return TRUE;
    }
  if (role == NULL)
    {
      tandem_stmt_bind_text (import->add_role, 1, role_name);
      tandem_stmt_bind_text (import->add_role, 2, tandem_level_to_string (level));
      if (!tandem_stmt_step_done (import->add_role, error))
        return FALSE;
      role = g_new0 (TandemRoleSeen, 1);
      role->id = tandem_store_get_last_insert_id (import->store);
      role->level = level;
      g_hash_table_insert (import->roles, g_steal_pointer (&role_key), role);
      g_ptr_array_add (report->notes, g_strdup_printf (_("New role: %s (%s)"), role_name,
                                                       tandem_level_to_string (level)));
    }
  else if (role->level != level)
    {
      tandem_stmt_bind_int64 (import->set_role_level, 1, role->id);
      tandem_stmt_bind_text (import->set_role_level, 2, tandem_level_to_string (level));
      if (!tandem_stmt_step_done (import->set_role_level, error))
        return FALSE;
      g_ptr_array_add (report->notes, g_strdup_printf (_("The role %s is now %s (it was %s)"), role_name,
                                                       tandem_level_to_string (level),
                                                       tandem_level_to_string (role->level)));
      role->level = level;
    }
  if (role->line == 0)
    role->line = line;

  if (!tandem_import_named_id (import->store, import->departments, import->add_department,
                               tandem_import_field (h, fields, P_DEPARTMENT), level, report, &department, error))
    return FALSE;

  /* Only a person stored before has anything to compare with. */
  known = *external_id != '\0' ? g_hash_table_lookup (import->known, external_id) : NULL;
  if (known != NULL)
    tandem_stmt_bind_int64 (import->find, 1, *known);
  if (known != NULL && tandem_stmt_step (import->find, NULL) == TANDEM_STEP_ROW)
    {
      gint64 id = *known;
      gboolean same = g_strcmp0 (tandem_stmt_get_text (import->find, 0), name) == 0 &&
                      g_strcmp0 (tandem_stmt_get_text (import->find, 1), email) == 0 &&
                      tandem_stmt_get_int64 (import->find, 2) == department &&
                      tandem_stmt_get_int64 (import->find, 3) == role->id &&
                      tandem_stmt_get_int (import->find, 4) == champion &&
                      tandem_stmt_get_int (import->find, 5) == tool_access &&
                      (*active_text == '\0' || tandem_stmt_get_int (import->find, 6) == active);

      tandem_stmt_reset (import->find);
      if (same)
        {
          report->unchanged++;
          return TRUE;
        }
      tandem_stmt_bind_int64 (import->update, 1, id);
      tandem_stmt_bind_text (import->update, 2, name);
      tandem_stmt_bind_text (import->update, 3, email);
      tandem_stmt_bind_int64 (import->update, 4, department);
      tandem_stmt_bind_int64 (import->update, 5, role->id);
      tandem_stmt_bind_int (import->update, 6, champion);
      tandem_stmt_bind_int (import->update, 7, tool_access);
      if (*active_text == '\0')
        tandem_stmt_bind_null (import->update, 8);
      else
        tandem_stmt_bind_int (import->update, 8, active);
      if (!tandem_stmt_step_done (import->update, error))
        return FALSE;
      report->updated++;
      return TRUE;
    }
  tandem_stmt_reset (import->find);

  tandem_stmt_bind_text (import->insert, 1, external_id);
  tandem_stmt_bind_text (import->insert, 2, name);
  tandem_stmt_bind_text (import->insert, 3, email);
  tandem_stmt_bind_int64 (import->insert, 4, department);
  tandem_stmt_bind_int64 (import->insert, 5, role->id);
  tandem_stmt_bind_int (import->insert, 6, champion);
  tandem_stmt_bind_int (import->insert, 7, tool_access);
  tandem_stmt_bind_int (import->insert, 8, active);
  if (!tandem_stmt_step_done (import->insert, error))
    return FALSE;
  report->created++;
  return TRUE;
}

/* Imports people from an HR export: a person whose external_id is known is
 * updated, new departments and roles are created. */
static gboolean
import_people (TandemStore         *store,
               const char          *path,
               const int           *mapping,
               TandemImportReport  *report,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(TandemStmt) find = NULL;
  g_autoptr(TandemStmt) insert = NULL;
  g_autoptr(TandemStmt) update = NULL;
  g_autoptr(TandemStmt) add_department = NULL;
  g_autoptr(TandemStmt) add_role = NULL;
  g_autoptr(TandemStmt) set_role_level = NULL;
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PeopleImport import = { store, report, { people_columns, P_N, mapping, PEOPLE_OPTIONAL, { 0, }, 0, FALSE, FALSE },
                          NULL, NULL, NULL, NULL, NULL, NULL, departments, roles, known, seen };

  if (!(find = tandem_store_prepare (store,
                                     "SELECT name, email, coalesce (department_id, 0),"
                                     "       coalesce (role_id, 0), is_champion, has_tool_access, active"
                                     "  FROM person WHERE id = $1",
                                     error)) ||
      !(insert = tandem_store_prepare (store,
                                       "INSERT INTO person (external_id, name, email, department_id, role_id,"
                                       "                    is_champion, has_tool_access, active)"
                                       " VALUES (nullif ($1, ''), $2, $3, nullif ($4, 0), nullif ($5, 0), $6, $7, $8)",
                                       error)) ||
      !(update = tandem_store_prepare (store,
                                       "UPDATE person SET name = $2, email = $3, department_id = nullif ($4, 0),"
                                       "       role_id = nullif ($5, 0), is_champion = $6, has_tool_access = $7,"
                                       "       active = coalesce ($8, active)"
                                       " WHERE id = $1",
                                       error)) ||
      !(add_department = tandem_store_prepare (store, "INSERT INTO department (name) VALUES ($1)", error)) ||
      !(add_role = tandem_store_prepare (store, "INSERT INTO role (name, level) VALUES ($1, $2)", error)) ||
      !(set_role_level = tandem_store_prepare (store, "UPDATE role SET level = $2 WHERE id = $1", error)) ||
      !tandem_import_load_ids (store, "SELECT id, name FROM department", departments, TRUE, error) ||
      !tandem_import_load_ids (store, "SELECT id, name, level FROM role", roles, TRUE, error) ||
      !tandem_import_load_people (store, known, error))
    return FALSE;

  import.find = find;
  import.insert = insert;
  import.update = update;
  import.add_department = add_department;
  import.add_role = add_role;
  import.set_role_level = set_role_level;

  return tandem_import_in_transaction (store, path, people_row_cb, NULL, &import, report, cancellable, error);
}

const TandemImporter tandem_people_importer = {
  people_columns, P_N, PEOPLE_OPTIONAL, import_people, NULL,
};
