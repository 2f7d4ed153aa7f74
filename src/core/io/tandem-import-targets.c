/* tandem-import-targets.c — each role's AI-literacy targets from a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * role,competency,target_level: a role must exist (import the people
 * first); a competency that does not is added; a level is 1 to 3 or its
 * name, and empty (or 0) takes the target away.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-competency.h"
#include "tandem-import-private.h"
#include "tandem-person.h"

enum { T_ROLE, T_COMPETENCY, T_LEVEL, T_N };

static const char * const target_columns[T_N] = { "role", "competency", "target_level" };

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  TandemImportHeader  header;
  GHashTable         *seen;          /* casefolded "role\ncompetency" → first line */
  GHashTable         *competencies;  /* casefolded name → 1 */
} TargetImport;

/* The competencies an import can name: casefolded names of those stored. */
GHashTable *
tandem_import_known_competencies (TandemStore  *store,
                                  GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) known = tandem_competency_list (store, error);

  if (known == NULL)
    return NULL;
  for (guint i = 0; i < known->len; i++)
    g_hash_table_add (names, g_utf8_casefold (((TandemCompetency *)g_ptr_array_index (known, i))->name, -1));
  return g_steal_pointer (&names);
}

/* Adds the competency called @name when @known lacks it, and says so in
 * the report's notes. */
gboolean
tandem_import_ensure_competency (TandemStore         *store,
                                 GHashTable          *known,
                                 const char          *name,
                                 TandemImportReport  *report,
                                 GError             **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  if (g_hash_table_contains (known, key))
    return TRUE;
  if (tandem_competency_add (store, name, "", error) == 0)
    return FALSE;
  g_ptr_array_add (report->notes, g_strdup_printf (_("New competency: %s"), name));
  g_hash_table_add (known, g_steal_pointer (&key));
  return TRUE;
}

static gboolean
target_row_cb (guint       line,
               GPtrArray  *fields,
               gpointer    user_data,
               GError    **error)
{
  TargetImport *import = user_data;
  TandemImportReport *report = import->report;
  TandemImportHeader *h = &import->header;
  guint problems_before = report->n_problems;
  const char *role, *competency, *level_text;
  g_autofree char *key = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GError) local_error = NULL;
  gpointer first_line;
  TandemLevel unused;
  guint level = 0;

  if (!tandem_import_take_row (h, line, fields, report))
    return TRUE;
  role = tandem_import_field (h, fields, T_ROLE);
  competency = tandem_import_field (h, fields, T_COMPETENCY);
  level_text = tandem_import_field (h, fields, T_LEVEL);

  if (!tandem_role_get_level (import->store, role, &unused))
    tandem_import_add_problem (report, line, target_columns[T_ROLE],
                               _("there is no role “%s”; import the people first"), role);
  if (*competency == '\0')
    tandem_import_add_problem (report, line, target_columns[T_COMPETENCY], _("the competency is empty"));
  if (!tandem_competency_parse_level (import->store, level_text, &level))
    tandem_import_add_problem (report, line, target_columns[T_LEVEL],
                               _("“%s” is not a level; use 1, 2 or 3 (or their names), or leave it empty"),
                               level_text);
  key = g_strconcat (role, "\n", competency, NULL);
  folded = g_utf8_casefold (key, -1);
  if (g_hash_table_lookup_extended (import->seen, folded, NULL, &first_line))
    tandem_import_add_problem (report, line, NULL, _("“%s” and “%s” are already on line %u"), role, competency,
                               GPOINTER_TO_UINT (first_line));
  else
    g_hash_table_insert (import->seen, g_steal_pointer (&folded), GUINT_TO_POINTER (line));
  if (report->n_problems > problems_before)
    return TRUE;

  /* A competency the organisation does not have yet is added. */
  if (!tandem_import_ensure_competency (import->store, import->competencies, competency, report, &local_error))
    {
      tandem_import_add_problem (report, line, target_columns[T_COMPETENCY], "%s", local_error->message);
      return TRUE;
    }
  if (!tandem_role_set_target (import->store, role, competency, level, error))
    return FALSE;
  report->created++;
  return TRUE;
}

static gboolean
import_targets (TandemStore         *store,
                const char          *path,
                const int           *mapping,
                TandemImportReport  *report,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) competencies = tandem_import_known_competencies (store, error);
  TargetImport import = { store, report, { target_columns, T_N, mapping, 0, { 0, }, 0, FALSE, FALSE },
                          seen, competencies };

  if (competencies == NULL)
    return FALSE;
  return tandem_import_in_transaction (store, path, target_row_cb, NULL, &import, report, cancellable, error);
}

const TandemImporter tandem_targets_importer = {
  target_columns, T_N, 0, import_targets, NULL,
};
