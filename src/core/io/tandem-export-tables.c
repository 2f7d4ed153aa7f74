/* tandem-export-tables.c — people and enrollments as CSV that imports back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-export-private.h"

static const char * const table_sql[TANDEM_N_EXPORT_TABLES] = {
  [TANDEM_EXPORT_TABLE_PEOPLE] =
    "SELECT coalesce (p.external_id, ''), p.name, p.email, coalesce (d.name, ''), coalesce (r.name, ''),"
    "       coalesce (r.level, ''), CASE p.is_champion WHEN 1 THEN 'yes' ELSE 'no' END,"
    "       CASE p.has_tool_access WHEN 1 THEN 'yes' ELSE 'no' END,"
    "       CASE p.active WHEN 1 THEN 'yes' ELSE 'no' END"
    "  FROM person p"
    "  LEFT JOIN department d ON d.id = p.department_id"
    "  LEFT JOIN role r ON r.id = p.role_id"
    " ORDER BY p.name COLLATE NOCASE, p.id",
  [TANDEM_EXPORT_TABLE_ENROLLMENTS] =
    "SELECT coalesce (p.external_id, ''), p.name, g.title, e.status, coalesce (e.invited_on, ''),"
    "       coalesce (e.enrolled_on, ''), coalesce (e.completed_on, '')"
    "  FROM enrollment e"
    "  JOIN person p ON p.id = e.person_id"
    "  JOIN program g ON g.id = e.program_id"
    " ORDER BY g.title COLLATE NOCASE, p.name COLLATE NOCASE, e.id",
};

/* The same names the importers read, so an export imports back unchanged. */
static const char * const table_header[TANDEM_N_EXPORT_TABLES] = {
  [TANDEM_EXPORT_TABLE_PEOPLE] = "external_id,name,email,department,role,level,champion,tool_access,active",
  [TANDEM_EXPORT_TABLE_ENROLLMENTS] = "external_id,name,program,status,invited_on,enrolled_on,completed_on",
};

/* @stmt's rows as CSV under @header, every cell guarded against running
 * as a formula in a spreadsheet. */
static char *
rows_to_csv (TandemStmt  *stmt,
             const char  *header,
             char         delimiter,
             GError     **error)
{
  g_autoptr(GString) csv = g_string_new (header);
  TandemStep step;

  g_strdelimit (csv->str, ",", delimiter);
  g_string_append (csv, "\r\n");
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      int n = tandem_stmt_get_n_columns (stmt);

      for (int c = 0; c < n; c++)
        {
          g_autofree char *cell = tandem_csv_escape_cell (tandem_stmt_get_text (stmt, c));

          if (c > 0)
            g_string_append_c (csv, delimiter);
          g_string_append (csv, cell);
        }
      g_string_append (csv, "\r\n");
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/**
 * tandem_export_table_csv:
 * @delimiter: \',\' (what spreadsheets read everywhere), or \';\' or a tab for a
 *   spreadsheet in a locale that expects them
 *
 * The table as CSV text. Every cell a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) gets a leading single
 * quote.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
tandem_export_table_csv (TandemStore        *store,
                         TandemExportTable   table,
                         char                delimiter,
                         GError            **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (table < TANDEM_N_EXPORT_TABLES, NULL);

  stmt = tandem_store_prepare (store, table_sql[table], error);
  if (stmt == NULL)
    return NULL;

  return rows_to_csv (stmt, table_header[table], delimiter, error);
}

/* Writes the table to @path as CSV, replacing it only when complete. */
gboolean
tandem_export_table (TandemStore        *store,
                     TandemExportTable   table,
                     char                delimiter,
                     const char         *path,
                     GError            **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  csv = tandem_export_table_csv (store, table, delimiter, error);
  if (csv == NULL)
    return FALSE;
  return tandem_export_write_atomically (path, tandem_export_write_text, csv, error);
}

/**
 * tandem_export_literacy_record_csv:
 * @department: (nullable): one department's people only
 *
 * The AI-literacy record an employer keeps for Article 4 of the EU AI Act:
 * one row per completed enrollment of an active person, with the
 * competencies the program raised (name:level, joined by ";") and its
 * hours.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
tandem_export_literacy_record_csv (TandemStore  *store,
                                   const char   *department,
                                   GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if (department != NULL)
    {
      g_autoptr(TandemStmt) find = tandem_store_prepare (store, "SELECT count (*) FROM department WHERE name = $1",
                                                         error);

      if (find == NULL)
        return NULL;
      tandem_stmt_bind_text (find, 1, department);
      if (tandem_stmt_step (find, error) != TANDEM_STEP_ROW)
        return NULL;
      if (tandem_stmt_get_int (find, 0) == 0)
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("There is no department “%s”."), department);
          return NULL;
        }
    }
  stmt = tandem_store_prepare (store,
                               "SELECT coalesce (p.external_id, ''), p.name, coalesce (d.name, ''),"
                               "       coalesce (r.name, ''), g.title, coalesce (e.completed_on, ''),"
                               "       coalesce ((SELECT group_concat (name || ':' || level, ';')"
                               "                    FROM (SELECT c.name, pc.level FROM program_competency pc"
                               "                            JOIN competency c ON c.id = pc.competency_id"
                               "                           WHERE pc.program_id = g.id"
                               "                           ORDER BY c.position, c.name COLLATE NOCASE) AS raised), ''),"
                               /* 4, not 4.0; 1.5 as written: the same text on both engines. */
                               "       CASE WHEN g.duration_hours IS NULL THEN ''"
                               "            WHEN g.duration_hours = CAST (g.duration_hours AS INTEGER)"
                               "            THEN CAST (CAST (g.duration_hours AS INTEGER) AS TEXT)"
                               "            ELSE CAST (g.duration_hours AS TEXT) END"
                               "  FROM enrollment e"
                               "  JOIN person p ON p.id = e.person_id"
                               "  JOIN program g ON g.id = e.program_id"
                               "  LEFT JOIN department d ON d.id = p.department_id"
                               "  LEFT JOIN role r ON r.id = p.role_id"
                               " WHERE e.status = 'completed' AND p.active = 1"
                               "   AND (CAST ($1 AS TEXT) IS NULL OR d.name = $1)"
                               " ORDER BY d.name COLLATE NOCASE, p.name COLLATE NOCASE, p.id, e.completed_on,"
                               "          g.title COLLATE NOCASE",
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_text (stmt, 1, department);
  return rows_to_csv (stmt, "external_id,name,department,role,program,completed_on,competencies,hours", ',', error);
}
