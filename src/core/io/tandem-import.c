/* tandem-import.c — all-or-nothing imports: the runner every importer shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every import reads the whole file inside one transaction, checks every
 * row, and commits only when no row had a problem: one bad row and nothing
 * is written, and the report names every bad row with its line, column and
 * reason.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-import-private.h"

static void
problem_free (TandemImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->reason);
  g_free (problem);
}

TandemImportReport *
tandem_import_report_new (void)
{
  TandemImportReport *report = g_new0 (TandemImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
tandem_import_report_free (TandemImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->notes);
  g_free (report);
}

/* "line 4, column date: …" — the form every importer's problems take. */
char *
tandem_import_problem_format (const TandemImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line == 0)
    return g_strdup (problem->reason);
  if (problem->column == NULL)
    return g_strdup_printf (_("line %u: %s"), problem->line, problem->reason);
  return g_strdup_printf (_("line %u, column %s: %s"), problem->line, problem->column, problem->reason);
}

void
tandem_import_add_problem (TandemImportReport *report,
                           guint               line,
                           const char         *column,
                           const char         *format,
                           ...)
{
  TandemImportProblem *problem;
  va_list args;

  report->n_problems++;
  if (report->problems->len >= TANDEM_IMPORT_MAX_PROBLEMS)
    return;

  problem = g_new0 (TandemImportProblem, 1);
  problem->line = line;
  problem->column = g_strdup (column);
  va_start (args, format);
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (report->problems, problem);
}

static gboolean
header_read (TandemImportHeader *header,
             GPtrArray          *fields,
             TandemImportReport *report)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  g_assert (header->n_names <= G_N_ELEMENTS (header->index));

  header->n_fields = fields->len;
  header->have_header = TRUE;
  for (guint n = 0; n < header->n_names; n++)
    header->limits[n] = tandem_text_limit_for_column (header->names[n]);

  for (guint n = 0; n < header->n_names; n++)
    {
      if (header->mapping != NULL)
        {
          header->index[n] = header->mapping[n] < (int)fields->len ? header->mapping[n] : -1;
          if (header->index[n] < 0 && !(header->optional & (1u << n)))
            g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", header->names[n]);
          continue;
        }
      header->index[n] = -1;
      for (guint f = 0; f < fields->len; f++)
        if (g_ascii_strcasecmp (g_ptr_array_index (fields, f), header->names[n]) == 0)
          {
            /* Named twice, one of the two would be dropped without a word. */
            if (header->index[n] >= 0)
              {
                tandem_import_add_problem (report, 1, header->names[n],
                                           _("the header names this column twice, as columns %d and %u; "
                                             "remove one"),
                                           header->index[n] + 1, f + 1);
                return FALSE;
              }
            header->index[n] = (int)f;
          }
      if (header->index[n] < 0 && !(header->optional & (1u << n)))
        g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", header->names[n]);
    }

  if (missing->len > 0)
    {
      tandem_import_add_problem (report, 1, NULL,
                                 _("the header lacks the column(s) %s; the first line must name the columns"),
                                 missing->str);
      return FALSE;
    }
  /* A column the import does not read is said, not silently dropped. */
  if (header->mapping == NULL)
    for (guint f = 0; f < fields->len; f++)
      {
        gboolean used = FALSE;

        for (guint n = 0; n < header->n_names && !used; n++)
          used = header->index[n] == (int)f;
        if (!used && *(const char *)g_ptr_array_index (fields, f) != '\0')
          g_ptr_array_add (report->notes, g_strdup_printf (_("The column “%s” is not used"),
                                                           (const char *)g_ptr_array_index (fields, f)));
      }
  header->ok = TRUE;
  return TRUE;
}

const char *
tandem_import_field (TandemImportHeader *header,
                     GPtrArray          *fields,
                     guint               n)
{
  const char *value = header->index[n] >= 0 ? g_ptr_array_index (fields, header->index[n]) : "";

  /* Undo the guard Tandem's own exports (and spreadsheets) put before a
   * cell that would run as a formula, so an export imports back unchanged. */
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@\t\r", value[1]) != NULL)
    return value + 1;
  /* Blanks are trimmed from a cell, but kept inside quotes: a quoted cell
   * of nothing else is empty too (a name of spaces is no name). */
  if (value[0] == ' ' || value[0] == '\t')
    {
      const char *c = value;

      while (*c == ' ' || *c == '\t')
        c++;
      if (*c == '\0')
        return "";
    }
  return value;
}

/* Every importer's first step for a record: the first is the header; the
 * others count as rows and must have the header's number of fields.
 * Returns TRUE when @fields is a data row whose fields can be checked. */
gboolean
tandem_import_take_row (TandemImportHeader *header,
                        guint               line,
                        GPtrArray          *fields,
                        TandemImportReport *report)
{
  if (!header->have_header)
    {
      header_read (header, fields, report);
      return FALSE;
    }
  if (!header->ok)
    return FALSE;   /* no usable header: the one problem says so */

  report->rows++;
  if (fields->len != header->n_fields)
    {
      tandem_import_add_problem (report, line, NULL, _("expected %u fields, as in the header, but found %u"),
                                 header->n_fields, fields->len);
      return FALSE;
    }
  for (guint i = 0; i < header->n_names; i++)
    if (!tandem_text_fits (tandem_import_field (header, fields, i), header->limits[i]))
      {
        tandem_import_add_problem (report, line, header->names[i],
                                   _("longer than %u characters, the most this column holds"), header->limits[i]);
        return FALSE;
      }
  return TRUE;
}

/* Parses a date written YYYY-MM-DD, from 2000-01-01 to a year from today:
 * 0000-00-00, 2023-02-29 and 9999-12-31 are each a problem at @line and
 * @column, and give %NULL. */
GDate *
tandem_import_parse_date (TandemImportReport *report,
                          guint               line,
                          const char         *column,
                          const char         *text)
{
  g_autoptr(GDate) date = tandem_date_parse_iso (text);

  if (date == NULL)
    tandem_import_add_problem (report, line, column, _("“%s” is not a date written YYYY-MM-DD"), text);
  else if (!tandem_date_is_plausible (date))
    tandem_import_add_problem (report, line, column,
                               _("%s is not a date Tandem takes: write one from 2000-01-01 to a year from today"),
                               text);
  else
    return g_steal_pointer (&date);
  return NULL;
}

/* Parses an optional whole number in [least, most]; empty is @if_empty. */
gboolean
tandem_import_parse_int (const char *text,
                         int         least,
                         int         most,
                         int         if_empty,
                         int        *out_value)
{
  char *end = NULL;
  long value;

  if (*text == '\0')
    {
      *out_value = if_empty;
      return TRUE;
    }
  value = strtol (text, &end, 10);
  if (end == text || *end != '\0' || value < least || value > most)
    return FALSE;
  *out_value = (int)value;
  return TRUE;
}

/* Reads @path through @func inside the import's transaction (which
 * tandem_import_run() began) and commits only when no row had a problem;
 * @finish (nullable) writes what the rows gathered, just before the
 * commit. */
gboolean
tandem_import_in_transaction (TandemStore             *store,
                              const char              *path,
                              TandemCsvRowFunc         func,
                              TandemImportFinishFunc   finish,
                              gpointer                 user_data,
                              TandemImportReport      *report,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  TandemCsvDialect dialect = { ',', "UTF-8" };

  if (!tandem_csv_parse_file_full (path, &dialect, func, user_data, cancellable, &local_error))
    {
      tandem_store_rollback (store);
      if (local_error->domain == TANDEM_CSV_ERROR && local_error->code != TANDEM_CSV_ERROR_READ)
        {
          tandem_import_add_problem (report, 0, NULL, "%s", local_error->message);
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("“%s” could not be imported; nothing was changed."), path);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    g_autofree char *read_as = tandem_csv_dialect_describe (&dialect);

    /* Translators: %s says how a file was read, e.g. "UTF-16, separated by tabs" */
    if (read_as != NULL)
      g_ptr_array_insert (report->notes, 0, g_strdup_printf (_("Read as %s"), read_as));
  }

  if (report->rows == 0 && report->n_problems == 0)
    tandem_import_add_problem (report, 0, NULL, _("The file has a header but no rows."));

  if (report->n_problems > 0)
    {
      tandem_store_rollback (store);
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %u problem; nothing was imported.",
                                "“%s” has %u problems; nothing was imported.", report->n_problems),
                   path, report->n_problems);
      return FALSE;
    }

  if ((finish != NULL && !finish (user_data, error)) || !tandem_store_commit (store, error))
    {
      tandem_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}


/* Loads rows of "id, key[, level]" into @table: the key (casefolded when
 * @casefold) maps to the id, or to a TandemRoleSeen when a level comes
 * too. One pass over a table is cheaper than a query per row, as an
 * import names thousands of people. */
gboolean
tandem_import_load_ids (TandemStore  *store,
                        const char   *sql,
                        GHashTable   *table,
                        gboolean      casefold,
                        GError      **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, sql, error);
  gboolean with_level;
  TandemStep step;

  if (stmt == NULL)
    return FALSE;
  with_level = tandem_stmt_get_n_columns (stmt) > 2;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      const char *name = tandem_stmt_get_text (stmt, 1);
      char *key = casefold ? g_utf8_casefold (name, -1) : g_strdup (name);

      if (with_level)
        {
          TandemRoleSeen *role = g_new0 (TandemRoleSeen, 1);

          role->id = tandem_stmt_get_int64 (stmt, 0);
          if (!tandem_level_from_string (tandem_stmt_get_text (stmt, 2), &role->level))
            role->level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
          g_hash_table_insert (table, key, role);
        }
      else
        g_hash_table_insert (table, key, g_memdup2 (&(gint64){ tandem_stmt_get_int64 (stmt, 0) }, sizeof (gint64)));
    }
  return step != TANDEM_STEP_ERROR;
}

/* Every person with an external id: external id → person id. */
gboolean
tandem_import_load_people (TandemStore  *store,
                           GHashTable   *people,
                           GError      **error)
{
  return tandem_import_load_ids (store, "SELECT id, external_id FROM person WHERE external_id IS NOT NULL", people,
                                 FALSE, error);
}

/**
 * tandem_import_name_key:
 * @buffer: where a short key is written
 * @out_allocated: (out) (transfer full): a longer key, or %NULL
 *
 * The key a department or role is known by in an import: its name
 * casefolded. An ASCII name (most are) is folded into @buffer without
 * Unicode tables or an allocation, as an import asks once a row.
 *
 * Returns: the key, in @buffer or *@out_allocated
 */
const char *
tandem_import_name_key (const char  *name,
                        char         buffer[TANDEM_IMPORT_KEY_SIZE],
                        char       **out_allocated)
{
  gsize i;

  *out_allocated = NULL;
  for (i = 0; name[i] != '\0' && i < TANDEM_IMPORT_KEY_SIZE - 1 && (guchar)name[i] < 0x80; i++)
    buffer[i] = g_ascii_tolower (name[i]);
  if (name[i] == '\0')
    {
      buffer[i] = '\0';
      return buffer;
    }
  *out_allocated = g_utf8_casefold (name, -1);
  return *out_allocated;
}

/* The id of a department or role by name; a new one is created inside
 * the import's transaction and named in the report. */
gboolean
tandem_import_named_id (TandemStore         *store,
                        GHashTable          *ids,
                        TandemStmt          *add,
                        const char          *name,
                        TandemLevel          level,
                        TandemImportReport  *report,
                        gint64              *out_id,
                        GError             **error)
{
  char buffer[TANDEM_IMPORT_KEY_SIZE];
  g_autofree char *allocated = NULL;
  char *key;
  gpointer found;

  *out_id = 0;
  if (*name == '\0')
    return TRUE;

  found = g_hash_table_lookup (ids, tandem_import_name_key (name, buffer, &allocated));
  if (found != NULL)
    {
      *out_id = *(gint64 *)found;   /* TandemRoleSeen starts with its id too */
      return TRUE;
    }

  tandem_stmt_bind_text (add, 1, name);
  if (tandem_stmt_get_n_params (add) > 1)
    tandem_stmt_bind_text (add, 2, tandem_level_to_string (level));
  if (!tandem_stmt_step_done (add, error))
    return FALSE;
  *out_id = tandem_store_get_last_insert_id (store);
  key = allocated != NULL ? g_steal_pointer (&allocated) : g_strdup (buffer);

  if (tandem_stmt_get_n_params (add) > 1)
    {
      TandemRoleSeen *role = g_new0 (TandemRoleSeen, 1);

      role->id = *out_id;
      role->level = level;
      g_hash_table_insert (ids, key, role);
      g_ptr_array_add (report->notes, g_strdup_printf (_("New role: %s (%s)"), name,
                                                       tandem_level_to_string (level)));
    }
  else
    {
      g_hash_table_insert (ids, key, g_memdup2 (out_id, sizeof (gint64)));
      g_ptr_array_add (report->notes, g_strdup_printf (_("New department: %s"), name));
    }
  return TRUE;
}

/* What each kind of file is read by, one file of its own per importer. */
static const TandemImporter * const importers[TANDEM_N_IMPORT_KINDS] = {
  [TANDEM_IMPORT_PEOPLE] = &tandem_people_importer,
  [TANDEM_IMPORT_ENROLLMENTS] = &tandem_enrollments_importer,
  [TANDEM_IMPORT_SESSIONS] = &tandem_sessions_importer,
  [TANDEM_IMPORT_RESPONSES] = &tandem_responses_importer,
  [TANDEM_IMPORT_PROGRAMS] = &tandem_programs_importer,
  [TANDEM_IMPORT_TARGETS] = &tandem_targets_importer,
};

/**
 * tandem_import_kind_is_optional:
 * @column: an index into tandem_import_kind_get_columns()
 *
 * Returns: whether a file may lack @column (its cells then read as empty)
 */
gboolean
tandem_import_kind_is_optional (TandemImportKind kind,
                                guint            column)
{
  g_return_val_if_fail (kind < TANDEM_N_IMPORT_KINDS, FALSE);
  g_return_val_if_fail (column < importers[kind]->n_columns, FALSE);

  return (importers[kind]->optional & (1u << column)) != 0;
}

/**
 * tandem_import_kind_get_columns:
 * @out_n_columns: (out): how many
 *
 * Returns: (transfer none): the columns an import of @kind reads, in the
 *   order a mapping gives them
 */
const char * const *
tandem_import_kind_get_columns (TandemImportKind  kind,
                                guint            *out_n_columns)
{
  g_return_val_if_fail (kind < TANDEM_N_IMPORT_KINDS, NULL);

  if (out_n_columns != NULL)
    *out_n_columns = importers[kind]->n_columns;
  return importers[kind]->columns;
}

gboolean
tandem_import_kind_from_string (const char       *text,
                                TandemImportKind *out_kind)
{
  static const char * const names[TANDEM_N_IMPORT_KINDS] = { "people", "enrollments", "sessions", "responses",
                                                              "programs", "competency-targets" };

  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; i < TANDEM_N_IMPORT_KINDS; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * tandem_import_run:
 * @kind: what the file holds
 * @path: a CSV file (UTF-8, with or without a byte-order mark, LF or CRLF)
 * @mapping: (nullable) (array): for each column of
 *   tandem_import_kind_get_columns(), the file's column that holds it (from
 *   0); %NULL to find the columns by their names in the header
 * @report: filled with counts, notes and every problem found
 *
 * Imports a file all or nothing: one bad row and nothing is written.
 *
 * Returns: %TRUE when the file was imported whole; %FALSE when nothing was
 *   written, with @error set (the file could not be read, or @report holds
 *   the rows' problems)
 */
gboolean
tandem_import_run (TandemStore         *store,
                   TandemImportKind     kind,
                   const char          *path,
                   const int           *mapping,
                   TandemImportReport  *report,
                   GCancellable        *cancellable,
                   GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < TANDEM_N_IMPORT_KINDS, FALSE);
  g_return_val_if_fail (path != NULL && report != NULL, FALSE);

  /* The transaction begins before the importer reads the people, roles
   * and programs it matches rows against: another import that wrote them
   * meanwhile has finished by then (writers take turns), and is seen. */
  tandem_store_set_bulk (store, TRUE);
  ok = tandem_store_begin (store, error) &&
       importers[kind]->run (store, path, mapping, report, cancellable, error);
  if (!ok)
    tandem_store_rollback (store);
  tandem_store_set_bulk (store, FALSE);
  return ok;
}

typedef struct
{
  GPtrArray *rows;
  guint      max_rows;
} Preview;

static gboolean
preview_row_cb (guint       line,
                GPtrArray  *fields,
                gpointer    user_data,
                GError    **error)
{
  Preview *preview = user_data;
  GStrvBuilder *row = g_strv_builder_new ();

  for (guint i = 0; i < fields->len; i++)
    g_strv_builder_add (row, g_ptr_array_index (fields, i));
  g_ptr_array_add (preview->rows, g_strv_builder_end (row));
  g_strv_builder_unref (row);

  if (preview->rows->len > preview->max_rows)
    {
      g_set_error_literal (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_STOPPED, "enough");
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_import_preview:
 * @max_rows: how many rows after the header to read
 * @out_dialect: (out) (optional) (nullable): how the file is written, e.g.
 *   "UTF-16, separated by tabs"; %NULL for UTF-8 with commas
 *
 * The header and the first rows of a CSV file, for a column-mapping step.
 *
 * Returns: (transfer full) (element-type GStrv): the header, then the rows;
 *   %NULL with @error set when the file is not CSV
 */
GPtrArray *
tandem_import_preview (const char  *path,
                       guint        max_rows,
                       char       **out_dialect,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GError) local_error = NULL;
  Preview preview = { rows, max_rows };
  TandemCsvDialect dialect = { ',', "UTF-8" };

  g_return_val_if_fail (path != NULL, NULL);

  if (!tandem_csv_parse_file_full (path, &dialect, preview_row_cb, &preview, NULL, &local_error) &&
      !g_error_matches (local_error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_STOPPED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (out_dialect != NULL)
    *out_dialect = tandem_csv_dialect_describe (&dialect);
  return g_steal_pointer (&rows);
}

/* What each column is called in the app, and the headings HR systems,
 * learning systems and spreadsheets give it, written as header_key()
 * leaves them ("Emp. No" is empno), separated by "|". */
static const struct
{
  const char *column;
  const char *label;
  const char *headings;
} column_words[] = {
  { "external_id", N_("Employee ID"),
    "employeeid|employeeno|employeenumber|empid|empno|empnumber|staffid|staffnumber|personid|personnelnumber|"
    "emp|workerid|userid|id|personalnummer|mitarbeiternummer" },
  { "name", N_("Name"), "fullname|employeename|employee|displayname|person|learner|preferredname" },
  { "email", N_("Work email"), "workemail|emailaddress|businessemail|mail|username|login" },
  { "department", N_("Department"), "dept|team|division|businessunit|unit|orgunit|abteilung" },
  { "role", N_("Role"), "jobtitle|title|position|job|jobrole|jobname|stelle|stellenbezeichnung|rolle" },
  { "level", N_("Level"), "seniority|grade|careerlevel|joblevel|band|ebene" },
  { "champion", N_("AI champion"), "aichampion|ischampion|champions" },
  { "tool_access", N_("Tool access"), "aitoolaccess|hastoolaccess|aitools|aiaccess|licence|license|aiseat|seat" },
  { "active", N_("Active"), "isactive|employed|current|aktiv" },
  { "program", N_("Program"), "programme|course|coursename|coursetitle|programtitle|training|learningitem" },
  { "status", N_("Status"), "enrollmentstatus|enrolmentstatus|completionstatus|progress|state" },
  { "enrolled_on", N_("Enrolled on"), "enrolled|enrolleddate|enrollmentdate|enrolmentdate|enrolledat|assignedon|"
    "assigned|startdate|started" },
  { "completed_on", N_("Completed on"), "completed|completeddate|completiondate|completedat|finishedon|finished" },
  { "executive_external_id", N_("Executive’s employee ID"), "executive|executiveid|mentee|menteeid" },
  { "mentor_external_id", N_("Mentor’s employee ID"), "mentor|mentorid|coach|coachid" },
  { "date", N_("Date"), "sessiondate|heldon|meetingdate|day" },
  { "minutes", N_("Minutes"), "duration|length|durationminutes" },
  { "tools", N_("Tools tried"), "tool|toolsused|aitools" },
  { "data_used", N_("Data used"), "data|dataset|datasources" },
  { "insight", N_("What was learned"), "learned|learning|insights|takeaway|notes" },
  { "follow_ups", N_("Next steps"), "followup|nextsteps|actions|todo" },
  { "confidence_before", N_("Confidence before"), "before" },
  { "confidence_after", N_("Confidence after"), "after" },
  { "title", N_("Title"), "programtitle|coursetitle|course|name" },
  { "format", N_("Format"), "type|deliverytype|delivery" },
  { "duration_hours", N_("Duration (hours)"), "duration|hours|length|durationhours" },
  { "competencies", N_("Competencies"), "skills|competency" },
  { "target_roles", N_("Target roles"), "roles|audience|for" },
  { "competency", N_("Competency"), "skill|capability" },
  { "target_level", N_("Target level"), "target|level|requiredlevel" },
  { "wave", N_("Wave"), "" },
  { "fielded_on", N_("Fielded on"), "" },
  { "optimism", N_("Optimism"), "" },
  { "resources", N_("Resources"), "" },
  { "transparency", N_("Transparency"), "" },
};

static guint
column_words_index (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_words); i++)
    if (g_str_equal (column_words[i].column, column))
      return i;
  g_return_val_if_reached (0);
}

/**
 * tandem_import_column_label:
 * @column: a column of tandem_import_kind_get_columns()
 *
 * Returns: (transfer none): what the app calls @column, e.g. "Employee ID"
 *   for external_id, in the user's language
 */
const char *
tandem_import_column_label (const char *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return _(column_words[column_words_index (column)].label);
}

/* A heading as guessing compares it: folded case, without spaces,
 * underscores, dashes, dots or the "#" of "Emp #". */
static char *
header_key (const char *heading)
{
  g_autofree char *folded = g_utf8_casefold (heading, -1);
  GString *key = g_string_new (NULL);

  for (const char *c = folded; *c != '\0'; c++)
    if (strchr (" _-.#’'/()", *c) == NULL)
      g_string_append_c (key, *c);
  return g_string_free (key, FALSE);
}

/* Whether @key names @column: its own name, its label in English or the
 * user's language, or a heading known to mean it. */
static gboolean
key_names_column (const char *key,
                  const char *column,
                  gboolean    by_name_only)
{
  guint w = column_words_index (column);
  g_autofree char *own = header_key (column);
  g_autofree char *english = header_key (column_words[w].label);
  g_autofree char *translated = header_key (_(column_words[w].label));
  g_auto(GStrv) headings = NULL;

  if (g_str_equal (key, own))
    return TRUE;
  if (by_name_only)
    return FALSE;
  if (g_str_equal (key, english) || g_str_equal (key, translated))
    return TRUE;
  headings = g_strsplit (column_words[w].headings, "|", -1);
  return *column_words[w].headings != '\0' && g_strv_contains ((const char * const *)headings, key);
}

/**
 * tandem_import_guess_mapping:
 * @header: the file's first row
 * @mapping: (out caller-allocates) (array): one entry per column of @kind
 *
 * Finds each column of @kind in @header: first by its own name, ignoring
 * case, spaces and underscores ("External ID" is external_id), then by its
 * label or a heading other systems use ("Emp No", "Dept", "Job Title"),
 * then by the importer's own hints; -1 where none matches. No heading is
 * given to two columns.
 *
 * Returns: %TRUE when every column a file must have was found
 */
gboolean
tandem_import_guess_mapping (TandemImportKind    kind,
                             const char * const *header,
                             int                *mapping)
{
  guint n_columns, n_headings;
  const char * const *columns = tandem_import_kind_get_columns (kind, &n_columns);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *used = NULL;
  gboolean all = TRUE;

  g_return_val_if_fail (header != NULL && mapping != NULL, FALSE);

  for (n_headings = 0; header[n_headings] != NULL; n_headings++)
    g_ptr_array_add (keys, header_key (header[n_headings]));
  used = g_new0 (gboolean, n_headings + 1);

  for (guint c = 0; c < n_columns; c++)
    mapping[c] = -1;
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < n_columns; c++)
      for (guint f = 0; f < n_headings && mapping[c] < 0; f++)
        if (!used[f] && key_names_column (g_ptr_array_index (keys, f), columns[c], pass == 0))
          {
            mapping[c] = (int)f;
            used[f] = TRUE;
          }
  for (guint c = 0; c < n_columns; c++)
    {
      if (mapping[c] < 0 && importers[kind]->guess_column != NULL)
        {
          int f = importers[kind]->guess_column (c, header);

          if (f >= 0 && !used[f])
            {
              mapping[c] = f;
              used[f] = TRUE;
            }
        }
      all = all && (mapping[c] >= 0 || tandem_import_kind_is_optional (kind, c));
    }
  return all;
}

/* Whether the file being read has @column: a mapping may leave out an
 * optional one, whose fields then read as "". */
gboolean
tandem_import_has_column (TandemImportHeader *header,
                          guint               n)
{
  return header->index[n] >= 0;
}
