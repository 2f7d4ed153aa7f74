/* tandem-import-programs.c — programs from a learning system's catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * title,format,duration_hours,competencies,target_roles: a program with
 * that title is updated, else added. Competencies are "name:level" joined
 * by ";" (a competency that does not exist is added); target roles are
 * role names joined by ";", and must exist. A column the file leaves out
 * keeps what a known program has.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-competency.h"
#include "tandem-import-private.h"
#include "tandem-person.h"

enum { G_TITLE, G_FORMAT, G_DURATION, G_COMPETENCIES, G_ROLES, G_N };

static const char * const program_columns[G_N] = {
  "title", "format", "duration_hours", "competencies", "target_roles",
};

#define PROGRAM_OPTIONAL (1u << G_FORMAT | 1u << G_DURATION | 1u << G_COMPETENCIES | 1u << G_ROLES)

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  TandemImportHeader  header;
  TandemStmt         *find;
  TandemStmt         *insert;
  TandemStmt         *update;
  TandemStmt         *clear_roles;
  TandemStmt         *add_role;
  TandemStmt         *clear_competencies;
  GHashTable         *seen;          /* casefolded title → first line */
  GHashTable         *competencies;  /* casefolded name → 1 */
} ProgramImport;

/* "Name:2" parts of a competencies cell, checked; %FALSE with a problem added. */
static gboolean
read_competencies (ProgramImport  *import,
                   guint           line,
                   const char     *cell,
                   GPtrArray     **out_names,
                   GArray        **out_levels)
{
  g_auto(GStrv) parts = g_strsplit (cell, ";", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon;
      guint level = 0;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      colon = strrchr (parts[i], ':');
      if (colon == NULL || !tandem_competency_parse_level (import->store, colon + 1, &level) || level == 0)
        {
          tandem_import_add_problem (import->report, line, program_columns[G_COMPETENCIES],
                                     _("“%s” is not a competency and its level, as in “Prompt literacy:2”"),
                                     parts[i]);
          return FALSE;
        }
      *colon = '\0';
      g_ptr_array_add (names, g_strstrip (g_strdup (parts[i])));
      g_array_append_val (levels, level);
    }
  *out_names = g_steal_pointer (&names);
  *out_levels = g_steal_pointer (&levels);
  return TRUE;
}

static gboolean
program_row_cb (guint       line,
                GPtrArray  *fields,
                gpointer    user_data,
                GError    **error)
{
  ProgramImport *import = user_data;
  TandemImportReport *report = import->report;
  TandemImportHeader *h = &import->header;
  guint problems_before = report->n_problems;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) levels = NULL;
  g_auto(GStrv) roles = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *duration_text = NULL;
  TandemProgramFormat format = TANDEM_FORMAT_WORKSHOP;
  const char *title, *format_text;
  gpointer first_line;
  double duration = 0;
  gint64 id = 0;

  if (!tandem_import_take_row (h, line, fields, report))
    return TRUE;
  title = tandem_import_field (h, fields, G_TITLE);
  format_text = tandem_import_field (h, fields, G_FORMAT);
  duration_text = g_strdelimit (g_strdup (tandem_import_field (h, fields, G_DURATION)), ",", '.');

  if (*title == '\0')
    tandem_import_add_problem (report, line, program_columns[G_TITLE], _("every program needs a title"));
  folded = g_utf8_casefold (title, -1);
  if (g_hash_table_lookup_extended (import->seen, folded, NULL, &first_line))
    tandem_import_add_problem (report, line, program_columns[G_TITLE],
                               _("“%s” is already on line %u; each program may appear once"), title,
                               GPOINTER_TO_UINT (first_line));
  else
    g_hash_table_insert (import->seen, g_steal_pointer (&folded), GUINT_TO_POINTER (line));
  if (*format_text != '\0' && !tandem_program_format_from_string (format_text, &format))
    tandem_import_add_problem (report, line, program_columns[G_FORMAT],
                               _("“%s” is not a format; use workshop, self_paced, coaching or briefing"),
                               format_text);
  if (*duration_text != '\0')
    {
      char *end = NULL;

      duration = g_ascii_strtod (duration_text, &end);
      if (end == duration_text || *end != '\0' || !(duration > 0 && duration <= 10000))
        tandem_import_add_problem (report, line, program_columns[G_DURATION],
                                   _("“%s” is not a number of hours"), duration_text);
    }
  if (!read_competencies (import, line, tandem_import_field (h, fields, G_COMPETENCIES), &names, &levels))
    return TRUE;
  roles = g_strsplit (tandem_import_field (h, fields, G_ROLES), ";", -1);
  for (guint i = 0; roles[i] != NULL; i++)
    {
      TandemLevel unused;

      g_strstrip (roles[i]);
      if (*roles[i] != '\0' && !tandem_role_get_level (import->store, roles[i], &unused))
        tandem_import_add_problem (report, line, program_columns[G_ROLES],
                                   _("there is no role “%s”; import the people first"), roles[i]);
    }
  if (report->n_problems > problems_before)
    return TRUE;

  tandem_stmt_reset (import->find);
  tandem_stmt_bind_text_copy (import->find, 1, title);
  if (tandem_stmt_step (import->find, NULL) == TANDEM_STEP_ROW)
    id = tandem_stmt_get_int64 (import->find, 0);
  tandem_stmt_reset (import->find);

  if (id == 0)
    {
      tandem_stmt_bind_text (import->insert, 1, title);
      tandem_stmt_bind_text (import->insert, 2, tandem_program_format_to_string (format));
      tandem_stmt_bind_double (import->insert, 3, duration);
      if (!tandem_stmt_step_done (import->insert, error))
        return FALSE;
      id = tandem_store_get_last_insert_id (import->store);
      report->created++;
    }
  else
    {
      /* A column the file leaves out keeps what the program has. */
      tandem_stmt_bind_int64 (import->update, 1, id);
      tandem_stmt_bind_int (import->update, 2, tandem_import_has_column (h, G_FORMAT) && *format_text != '\0');
      tandem_stmt_bind_text (import->update, 3, tandem_program_format_to_string (format));
      tandem_stmt_bind_int (import->update, 4, tandem_import_has_column (h, G_DURATION));
      tandem_stmt_bind_double (import->update, 5, duration);
      if (!tandem_stmt_step_done (import->update, error))
        return FALSE;
      report->updated++;
    }

  if (tandem_import_has_column (h, G_ROLES))
    {
      tandem_stmt_bind_int64 (import->clear_roles, 1, id);
      if (!tandem_stmt_step_done (import->clear_roles, error))
        return FALSE;
      for (guint i = 0; roles[i] != NULL; i++)
        {
          if (*roles[i] == '\0')
            continue;
          tandem_stmt_bind_int64 (import->add_role, 1, id);
          tandem_stmt_bind_text (import->add_role, 2, roles[i]);
          if (!tandem_stmt_step_done (import->add_role, error))
            return FALSE;
        }
    }
  if (tandem_import_has_column (h, G_COMPETENCIES))
    {
      tandem_stmt_bind_int64 (import->clear_competencies, 1, id);
      if (!tandem_stmt_step_done (import->clear_competencies, error))
        return FALSE;
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);

          if (!tandem_import_ensure_competency (import->store, import->competencies, name, report, error) ||
              !tandem_program_set_competency (import->store, id, name, g_array_index (levels, guint, i), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_programs (TandemStore         *store,
                 const char          *path,
                 const int           *mapping,
                 TandemImportReport  *report,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) competencies = tandem_import_known_competencies (store, error);
  g_autoptr(TandemStmt) find = NULL;
  g_autoptr(TandemStmt) insert = NULL;
  g_autoptr(TandemStmt) update = NULL;
  g_autoptr(TandemStmt) clear_roles = NULL;
  g_autoptr(TandemStmt) add_role = NULL;
  g_autoptr(TandemStmt) clear_competencies = NULL;
  ProgramImport import = { store, report, { program_columns, G_N, mapping, PROGRAM_OPTIONAL, { 0, }, 0, FALSE, FALSE },
                           NULL, NULL, NULL, NULL, NULL, NULL, seen, competencies };

  if (competencies == NULL ||
      !(find = tandem_store_prepare (store, "SELECT id FROM program WHERE title = trim ($1) COLLATE NOCASE", error)) ||
      !(insert = tandem_store_prepare (store, "INSERT INTO program (title, format, duration_hours)"
                                              " VALUES (trim ($1), $2, nullif ($3, 0))", error)) ||
      !(update = tandem_store_prepare (store, "UPDATE program SET format = CASE WHEN $2 = 1 THEN $3 ELSE format END,"
                                              "       duration_hours = CASE WHEN $4 = 1 THEN nullif ($5, 0)"
                                              "                             ELSE duration_hours END"
                                              " WHERE id = $1", error)) ||
      !(clear_roles = tandem_store_prepare (store, "DELETE FROM program_role WHERE program_id = $1", error)) ||
      !(add_role = tandem_store_prepare (store, "INSERT INTO program_role (program_id, role_id)"
                                                " SELECT $1, id FROM role WHERE name = $2 ON CONFLICT DO NOTHING",
                                         error)) ||
      !(clear_competencies = tandem_store_prepare (store, "DELETE FROM program_competency WHERE program_id = $1",
                                                   error)))
    return FALSE;
  import.find = find;
  import.insert = insert;
  import.update = update;
  import.clear_roles = clear_roles;
  import.add_role = add_role;
  import.clear_competencies = clear_competencies;
  return tandem_import_in_transaction (store, path, program_row_cb, NULL, &import, report, cancellable, error);
}

const TandemImporter tandem_programs_importer = {
  program_columns, G_N, PROGRAM_OPTIONAL, import_programs, NULL,
};
