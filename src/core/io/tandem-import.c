/* tandem-import.c — all-or-nothing imports of the CSV files people already have
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

#include "tandem-csv.h"
#include "tandem-import.h"
#include "tandem-pair.h"
#include "tandem-session.h"
#include "tandem-store-private.h"
#include "tandem-survey.h"
#include "tandem-types.h"

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

static void
add_problem (TandemImportReport *report,
             guint               line,
             const char         *column,
             const char         *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (TandemImportReport *report,
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

/* The columns an import expects, found by name in any order. */
typedef struct
{
  const char * const *names;
  guint               n_names;
  const int          *mapping;      /* nullable: the file's column of each name */
  guint               optional;     /* bit n: names[n] may be missing; its fields read as "" */
  int                 index[16];
  guint               n_fields;
  gboolean            have_header;
  gboolean            ok;           /* every column was found */
} Header;

static gboolean
header_read (Header             *header,
             GPtrArray          *fields,
             TandemImportReport *report)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  g_assert (header->n_names <= G_N_ELEMENTS (header->index));

  header->n_fields = fields->len;
  header->have_header = TRUE;

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
          header->index[n] = (int)f;
      if (header->index[n] < 0 && !(header->optional & (1u << n)))
        g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", header->names[n]);
    }

  if (missing->len > 0)
    {
      add_problem (report, 1, NULL,
                   _("the header lacks the column(s) %s; the first line must name the columns"),
                   missing->str);
      return FALSE;
    }
  header->ok = TRUE;
  return TRUE;
}

static const char *
field (Header    *header,
       GPtrArray *fields,
       guint      n)
{
  return header->index[n] >= 0 ? g_ptr_array_index (fields, header->index[n]) : "";
}

/* Every importer's first step for a record: the first is the header; the
 * others count as rows and must have the header's number of fields.
 * Returns TRUE when @fields is a data row whose fields can be checked. */
static gboolean
header_take_row (Header             *header,
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
      add_problem (report, line, NULL, _("expected %u fields, as in the header, but found %u"),
                   header->n_fields, fields->len);
      return FALSE;
    }
  return TRUE;
}

/* Parses an optional whole number in [least, most]; empty is @if_empty. */
static gboolean
parse_int (const char *text,
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

/* ----- coaching sessions ----- */

enum {
  S_EXECUTIVE, S_MENTOR, S_DATE, S_MINUTES, S_TOOLS, S_DATA, S_INSIGHT, S_FOLLOW_UPS,
  S_BEFORE, S_AFTER, S_N
};

static const char * const session_columns[S_N] = {
  "executive_external_id", "mentor_external_id", "date", "minutes", "tools", "data_used",
  "insight", "follow_ups", "confidence_before", "confidence_after",
};

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  Header              header;
  TandemStmt       *find_person;
  TandemStmt       *find_pair;
  TandemStmt       *move_start;
  GHashTable         *new_pairs;     /* pairs this import created */
} SessionImport;

static gint64
find_person (SessionImport *import,
             const char    *external_id,
             char         **out_level)
{
  gint64 id = 0;

  tandem_stmt_reset (import->find_person);
  tandem_stmt_bind_text_copy (import->find_person, 1, external_id);
  if (tandem_stmt_step (import->find_person, NULL) == TANDEM_STEP_ROW)
    {
      id = tandem_stmt_get_int64 (import->find_person, 0);
      *out_level = g_strdup (tandem_stmt_get_text (import->find_person, 1));
    }
  tandem_stmt_reset (import->find_person);
  return id;
}

static gboolean
session_row_cb (guint       line,
                GPtrArray  *fields,
                gpointer    user_data,
                GError    **error)
{
  SessionImport *import = user_data;
  TandemImportReport *report = import->report;
  g_autofree char *executive_level = NULL;
  g_autofree char *mentor_level = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDate) date = NULL;
  TandemSessionDraft draft = { 0, };
  guint problems_before = report->n_problems;
  gint64 executive, mentor, pair = 0;
  const char *held_on;

  if (!header_take_row (&import->header, line, fields, report))
    return TRUE;

  executive = find_person (import, field (&import->header, fields, S_EXECUTIVE), &executive_level);
  mentor = find_person (import, field (&import->header, fields, S_MENTOR), &mentor_level);
  if (executive == 0)
    add_problem (report, line, session_columns[S_EXECUTIVE], _("no person has the external id “%s”"),
                 field (&import->header, fields, S_EXECUTIVE));
  else if (g_strcmp0 (executive_level, "executive") != 0 && g_strcmp0 (executive_level, "manager") != 0)
    add_problem (report, line, session_columns[S_EXECUTIVE],
                 _("“%s” is not an executive or a manager"), field (&import->header, fields, S_EXECUTIVE));
  if (mentor == 0)
    add_problem (report, line, session_columns[S_MENTOR], _("no person has the external id “%s”"),
                 field (&import->header, fields, S_MENTOR));
  else if (mentor == executive)
    add_problem (report, line, session_columns[S_MENTOR], _("a person cannot mentor themself"));

  held_on = field (&import->header, fields, S_DATE);
  date = tandem_date_parse_iso (held_on);
  if (date == NULL)
    add_problem (report, line, session_columns[S_DATE], _("“%s” is not a date written YYYY-MM-DD"), held_on);
  if (!parse_int (field (&import->header, fields, S_MINUTES), 0, 1440, -1, &draft.minutes))
    add_problem (report, line, session_columns[S_MINUTES], _("“%s” is not a number of minutes (0–1440)"),
                 field (&import->header, fields, S_MINUTES));
  if (!parse_int (field (&import->header, fields, S_BEFORE), 1, 5, 0, &draft.confidence_before))
    add_problem (report, line, session_columns[S_BEFORE], _("“%s” is not a confidence from 1 to 5"),
                 field (&import->header, fields, S_BEFORE));
  if (!parse_int (field (&import->header, fields, S_AFTER), 1, 5, 0, &draft.confidence_after))
    add_problem (report, line, session_columns[S_AFTER], _("“%s” is not a confidence from 1 to 5"),
                 field (&import->header, fields, S_AFTER));

  if (report->n_problems > problems_before)
    return TRUE;

  /* The active pair of these two people, or a new one started on this date. */
  tandem_stmt_reset (import->find_pair);
  tandem_stmt_bind_int64 (import->find_pair, 1, executive);
  tandem_stmt_bind_int64 (import->find_pair, 2, mentor);
  if (tandem_stmt_step (import->find_pair, NULL) == TANDEM_STEP_ROW)
    pair = tandem_stmt_get_int64 (import->find_pair, 0);
  tandem_stmt_reset (import->find_pair);

  if (pair == 0)
    {
      pair = tandem_pair_add (import->store, executive, mentor, held_on,
                              TANDEM_PAIR_DEFAULT_CADENCE, "", &local_error);
      if (pair == 0)
        {
          add_problem (report, line, NULL, "%s", local_error->message);
          return TRUE;
        }
      g_hash_table_add (import->new_pairs, g_memdup2 (&pair, sizeof pair));
      g_ptr_array_add (report->notes,
                       g_strdup_printf (_("New mentoring pair: %s coached by %s, from line %u"),
                                        field (&import->header, fields, S_EXECUTIVE),
                                        field (&import->header, fields, S_MENTOR), line));
    }
  else if (g_hash_table_contains (import->new_pairs, &pair))
    {
      /* A pair made by this import starts on its earliest session. */
      tandem_stmt_bind_int64 (import->move_start, 1, pair);
      tandem_stmt_bind_text_copy (import->move_start, 2, held_on);
      if (!tandem_stmt_step_done (import->move_start, error))
        return FALSE;
    }

  draft.pair_id = pair;
  draft.held_on = held_on;
  draft.tools = field (&import->header, fields, S_TOOLS);
  draft.data_used = field (&import->header, fields, S_DATA);
  draft.insight = field (&import->header, fields, S_INSIGHT);
  draft.follow_ups = field (&import->header, fields, S_FOLLOW_UPS);
  if (tandem_session_add (import->store, &draft, &local_error) == 0)
    {
      if (!g_error_matches (local_error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_problem (report, line, NULL, "%s", local_error->message);
      return TRUE;
    }

  report->created++;
  return TRUE;
}

typedef gboolean (*ImportFinishFunc) (gpointer user_data, GError **error);

/* Reads @path through @func inside one transaction and commits only when
 * no row had a problem; @finish (nullable) writes what the rows gathered,
 * just before the commit. */
static gboolean
import_in_transaction (TandemStore         *store,
                       const char          *path,
                       TandemCsvRowFunc     func,
                       ImportFinishFunc     finish,
                       gpointer             user_data,
                       TandemImportReport  *report,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!tandem_store_begin (store, error))
    return FALSE;

  if (!tandem_csv_parse_file (path, func, user_data, cancellable, &local_error))
    {
      tandem_store_rollback (store);
      if (local_error->domain == TANDEM_CSV_ERROR && local_error->code != TANDEM_CSV_ERROR_READ)
        {
          add_problem (report, 0, NULL, "%s", local_error->message);
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("“%s” could not be imported; nothing was changed."), path);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (report->rows == 0 && report->n_problems == 0)
    add_problem (report, 0, NULL, _("The file has a header but no rows."));

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

/* Imports past coaching sessions. A pair is created for two people who
 * have none, started on their first session's date with the default
 * cadence. */
static gboolean
import_sessions (TandemStore         *store,
                 const char          *path,
                 const int           *mapping,
                 TandemImportReport  *report,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(TandemStmt) find_person = NULL;
  g_autoptr(TandemStmt) find_pair = NULL;
  g_autoptr(TandemStmt) move_start = NULL;
  g_autoptr(GHashTable) new_pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SessionImport import = { store, report, { session_columns, S_N, mapping, 0, { 0, }, 0, FALSE, FALSE },
                           NULL, NULL, NULL, new_pairs };

  find_person = tandem_store_prepare (store,
                                      "SELECT p.id, coalesce (r.level, '') FROM person p"
                                      "  LEFT JOIN role r ON r.id = p.role_id WHERE p.external_id = $1",
                                      error);
  find_pair = find_person ? tandem_store_prepare (store,
                                                  "SELECT id FROM mentoring_pair WHERE executive_id = $1"
                                                  " AND mentor_id = $2 AND active ORDER BY id DESC LIMIT 1",
                                                  error) : NULL;
  move_start = find_pair ? tandem_store_prepare (store,
                                                 "UPDATE mentoring_pair SET started_on = $2"
                                                 " WHERE id = $1 AND started_on > $2",
                                                 error) : NULL;
  if (move_start == NULL)
    return FALSE;

  import.find_person = find_person;
  import.find_pair = find_pair;
  import.move_start = move_start;

  return import_in_transaction (store, path, session_row_cb, NULL, &import, report, cancellable, error);
}

/* ----- people ----- */

enum {
  P_EXTERNAL_ID, P_NAME, P_EMAIL, P_DEPARTMENT, P_ROLE, P_LEVEL, P_CHAMPION, P_TOOL_ACCESS, P_N
};

static const char * const people_columns[P_N] = {
  "external_id", "name", "email", "department", "role", "level", "champion", "tool_access",
};

typedef struct
{
  gint64       id;
  TandemLevel  level;
  guint        line;       /* where this file first named it; 0 if it did not */
} RoleSeen;

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  Header              header;
  TandemStmt       *find;
  TandemStmt       *insert;
  TandemStmt       *update;
  TandemStmt       *add_department;
  TandemStmt       *add_role;
  TandemStmt       *set_role_level;
  GHashTable         *departments;  /* casefolded name → id */
  GHashTable         *roles;        /* casefolded name → RoleSeen */
  GHashTable         *known;        /* external id → person id, of the people stored before */
  GHashTable         *seen;         /* external_id → first line */
} PeopleImport;

static gboolean
load_names (TandemStore  *store,
            const char   *sql,
            GHashTable   *table,
            gboolean      with_level,
            GError      **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, sql, error);
  TandemStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      char *key = g_utf8_casefold (tandem_stmt_get_text (stmt, 1), -1);

      if (with_level)
        {
          RoleSeen *role = g_new0 (RoleSeen, 1);

          role->id = tandem_stmt_get_int64 (stmt, 0);
          if (!tandem_level_from_string (tandem_stmt_get_text (stmt, 2), &role->level))
            role->level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
          g_hash_table_insert (table, key, role);
        }
      else
        g_hash_table_insert (table, key, g_memdup2 (&(gint64){ tandem_stmt_get_int64 (stmt, 0) }, sizeof (gint64)));
    }
  if (step == TANDEM_STEP_ERROR)
    {
            return FALSE;
    }
  return TRUE;
}

/* Every person with an external id, in one pass: cheaper than a query per
 * row, as an import names thousands of people. */
static gboolean
load_people (TandemStore  *store,
             GHashTable   *people,
             GError      **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store,
                                                       "SELECT id, external_id FROM person"
                                                       " WHERE external_id IS NOT NULL",
                                                       error);
  TandemStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    g_hash_table_insert (people, g_strdup (tandem_stmt_get_text (stmt, 1)),
                         g_memdup2 (&(gint64){ tandem_stmt_get_int64 (stmt, 0) }, sizeof (gint64)));
  if (step == TANDEM_STEP_ERROR)
    {
            return FALSE;
    }
  return TRUE;
}

/* The id of a department or role by name; a new one is created inside
 * the import's transaction and named in the report. */
static gboolean
named_id (TandemStore         *store,
          GHashTable          *ids,
          TandemStmt        *add,
          const char          *name,
          TandemLevel          level,
          TandemImportReport  *report,
          gint64              *out_id,
          GError             **error)
{
  g_autofree char *key = NULL;
  gpointer found;

  *out_id = 0;
  if (*name == '\0')
    return TRUE;

  key = g_utf8_casefold (name, -1);
  found = g_hash_table_lookup (ids, key);
  if (found != NULL)
    {
      *out_id = *(gint64 *)found;   /* RoleSeen starts with its id too */
      return TRUE;
    }

  tandem_stmt_bind_text (add, 1, name);
  if (tandem_stmt_get_n_params (add) > 1)
    tandem_stmt_bind_text (add, 2, tandem_level_to_string (level));
  if (!tandem_stmt_step_done (add, error))
    return FALSE;
  *out_id = tandem_store_get_last_insert_id (store);

  if (tandem_stmt_get_n_params (add) > 1)
    {
      RoleSeen *role = g_new0 (RoleSeen, 1);

      role->id = *out_id;
      role->level = level;
      g_hash_table_insert (ids, g_steal_pointer (&key), role);
      g_ptr_array_add (report->notes, g_strdup_printf (_("New role: %s (%s)"), name,
                                                       tandem_level_to_string (level)));
    }
  else
    {
      g_hash_table_insert (ids, g_steal_pointer (&key), g_memdup2 (out_id, sizeof (gint64)));
      g_ptr_array_add (report->notes, g_strdup_printf (_("New department: %s"), name));
    }
  return TRUE;
}

static gboolean
people_row_cb (guint       line,
               GPtrArray  *fields,
               gpointer    user_data,
               GError    **error)
{
  PeopleImport *import = user_data;
  TandemImportReport *report = import->report;
  Header *h = &import->header;
  guint problems_before = report->n_problems;
  const char *external_id, *name, *email, *role_name;
  g_autofree char *role_key = NULL;
  gboolean champion = FALSE, tool_access = FALSE;
  TandemLevel level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
  RoleSeen *role;
  gint64 department = 0;
  const gint64 *known;
  gpointer first_line;

  if (!header_take_row (h, line, fields, report))
    return TRUE;

  external_id = field (h, fields, P_EXTERNAL_ID);
  name = field (h, fields, P_NAME);
  email = field (h, fields, P_EMAIL);
  role_name = field (h, fields, P_ROLE);

  if (*external_id == '\0')
    add_problem (report, line, people_columns[P_EXTERNAL_ID], _("every person needs an external id"));
  else if (g_hash_table_lookup_extended (import->seen, external_id, NULL, &first_line))
    add_problem (report, line, people_columns[P_EXTERNAL_ID],
                 _("“%s” is already on line %u; each person may appear once"),
                 external_id, GPOINTER_TO_UINT (first_line));
  else
    g_hash_table_insert (import->seen, g_strdup (external_id), GUINT_TO_POINTER (line));

  if (*name == '\0')
    add_problem (report, line, people_columns[P_NAME], _("every person needs a name"));
  if (*email != '\0' && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    add_problem (report, line, people_columns[P_EMAIL], _("“%s” is not an email address"), email);
  if (*role_name == '\0')
    add_problem (report, line, people_columns[P_ROLE], _("every person needs a role"));
  if (!tandem_level_from_string (field (h, fields, P_LEVEL), &level))
    add_problem (report, line, people_columns[P_LEVEL],
                 _("“%s” is not a level; use executive, manager or individual_contributor"),
                 field (h, fields, P_LEVEL));
  if (!tandem_parse_yes_no (field (h, fields, P_CHAMPION), &champion))
    add_problem (report, line, people_columns[P_CHAMPION], _("“%s” is not yes or no"),
                 field (h, fields, P_CHAMPION));
  if (!tandem_parse_yes_no (field (h, fields, P_TOOL_ACCESS), &tool_access))
    add_problem (report, line, people_columns[P_TOOL_ACCESS], _("“%s” is not yes or no"),
                 field (h, fields, P_TOOL_ACCESS));

  if (report->n_problems > problems_before)
    return TRUE;

  /* A role has one level: the file may set it, but not two ways. */
  role_key = g_utf8_casefold (role_name, -1);
  role = g_hash_table_lookup (import->roles, role_key);
  if (role != NULL && role->line != 0 && role->level != level)
    {
      add_problem (report, line, people_columns[P_LEVEL],
                   _("the role “%s” is %s on line %u; a role has one level"),
                   role_name, tandem_level_to_string (role->level), role->line);
      return TRUE;
    }
  if (role == NULL)
    {
      tandem_stmt_bind_text (import->add_role, 1, role_name);
      tandem_stmt_bind_text (import->add_role, 2, tandem_level_to_string (level));
      if (!tandem_stmt_step_done (import->add_role, error))
        return FALSE;
      role = g_new0 (RoleSeen, 1);
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

  if (!named_id (import->store, import->departments, import->add_department, field (h, fields, P_DEPARTMENT),
                 level, report, &department, error))
    return FALSE;

  /* Only a person stored before has anything to compare with. */
  known = g_hash_table_lookup (import->known, external_id);
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
                      tandem_stmt_get_int (import->find, 5) == tool_access;

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
  PeopleImport import = { store, report, { people_columns, P_N, mapping, 0, { 0, }, 0, FALSE, FALSE },
                          NULL, NULL, NULL, NULL, NULL, NULL, departments, roles, known, seen };

  if (!(find = tandem_store_prepare (store,
                                     "SELECT name, email, coalesce (department_id, 0),"
                                     "       coalesce (role_id, 0), is_champion, has_tool_access"
                                     "  FROM person WHERE id = $1",
                                     error)) ||
      !(insert = tandem_store_prepare (store,
                                       "INSERT INTO person (external_id, name, email, department_id, role_id,"
                                       "                    is_champion, has_tool_access)"
                                       " VALUES ($1, $2, $3, nullif ($4, 0), $5, $6, $7)",
                                       error)) ||
      !(update = tandem_store_prepare (store,
                                       "UPDATE person SET name = $2, email = $3, department_id = nullif ($4, 0),"
                                       "       role_id = $5, is_champion = $6, has_tool_access = $7"
                                       " WHERE id = $1",
                                       error)) ||
      !(add_department = tandem_store_prepare (store, "INSERT INTO department (name) VALUES ($1)", error)) ||
      !(add_role = tandem_store_prepare (store, "INSERT INTO role (name, level) VALUES ($1, $2)", error)) ||
      !(set_role_level = tandem_store_prepare (store, "UPDATE role SET level = $2 WHERE id = $1", error)) ||
      !load_names (store, "SELECT id, name FROM department", departments, FALSE, error) ||
      !load_names (store, "SELECT id, name, level FROM role", roles, TRUE, error) ||
      !load_people (store, known, error))
    return FALSE;

  import.find = find;
  import.insert = insert;
  import.update = update;
  import.add_department = add_department;
  import.add_role = add_role;
  import.set_role_level = set_role_level;

  return import_in_transaction (store, path, people_row_cb, NULL, &import, report, cancellable, error);
}

/* ----- enrollments ----- */

enum {
  E_EXTERNAL_ID, E_PROGRAM, E_STATUS, E_ENROLLED_ON, E_COMPLETED_ON, E_N
};

static const char * const enrollment_columns[E_N] = {
  "external_id", "program", "status", "enrolled_on", "completed_on",
};

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  Header              header;
  TandemStmt       *find_program;
  TandemStmt       *add_program;
  TandemStmt       *find;
  TandemStmt       *insert;
  TandemStmt       *update;
  GHashTable         *people;     /* external id → person id, read once */
  GHashTable         *programs;   /* title → ProgramSeen */
  GHashTable         *seen;       /* EnrollmentKey → first line */
} EnrollmentImport;

typedef struct
{
  gint64    id;
  gboolean  created;   /* by this import: none of its enrollments exist yet */
} ProgramSeen;

typedef struct
{
  gint64 person;
  gint64 program;
} EnrollmentKey;

static guint
enrollment_key_hash (gconstpointer key)
{
  const EnrollmentKey *k = key;

  return (guint)(k->person * 2654435761u) ^ (guint)(k->program * 40503u);
}

static gboolean
enrollment_key_equal (gconstpointer a,
                      gconstpointer b)
{
  const EnrollmentKey *ka = a, *kb = b;

  return ka->person == kb->person && ka->program == kb->program;
}


static gboolean
program_id (EnrollmentImport  *import,
            const char        *title,
            guint              line,
            ProgramSeen      **out_program,
            GError           **error)
{
  ProgramSeen *program = g_hash_table_lookup (import->programs, title);
  gint64 found = 0;

  if (program != NULL)
    {
      *out_program = program;
      return TRUE;
    }

  tandem_stmt_bind_text (import->find_program, 1, title);
  if (tandem_stmt_step (import->find_program, NULL) == TANDEM_STEP_ROW)
    found = tandem_stmt_get_int64 (import->find_program, 0);
  tandem_stmt_reset (import->find_program);

  program = g_new (ProgramSeen, 1);
  program->created = found == 0;
  if (found == 0)
    {
      tandem_stmt_bind_text (import->add_program, 1, title);
      if (!tandem_stmt_step_done (import->add_program, error))
        {
          g_free (program);
          return FALSE;
        }
      found = tandem_store_get_last_insert_id (import->store);
      g_ptr_array_add (import->report->notes,
                       g_strdup_printf (_("New program: %s, from line %u"), title, line));
    }

  program->id = found;
  g_hash_table_insert (import->programs, g_strdup (title), program);
  *out_program = program;
  return TRUE;
}

static gboolean
enrollment_row_cb (guint       line,
                   GPtrArray  *fields,
                   gpointer    user_data,
                   GError    **error)
{
  EnrollmentImport *import = user_data;
  TandemImportReport *report = import->report;
  Header *h = &import->header;
  guint problems_before = report->n_problems;
  const char *external_id, *title, *enrolled_on, *completed_on;
  g_autoptr(GDate) enrolled = NULL;
  g_autoptr(GDate) completed = NULL;
  TandemEnrollmentStatus status = TANDEM_ENROLLMENT_INVITED;
  const gint64 *person;
  ProgramSeen *program = NULL;
  EnrollmentKey key;
  gpointer first_line;

  if (!header_take_row (h, line, fields, report))
    return TRUE;

  external_id = field (h, fields, E_EXTERNAL_ID);
  title = field (h, fields, E_PROGRAM);
  enrolled_on = field (h, fields, E_ENROLLED_ON);
  completed_on = field (h, fields, E_COMPLETED_ON);

  person = g_hash_table_lookup (import->people, external_id);
  if (person == NULL)
    add_problem (report, line, enrollment_columns[E_EXTERNAL_ID],
                 _("no person has the external id “%s”; import the people first"), external_id);
  if (*title == '\0')
    add_problem (report, line, enrollment_columns[E_PROGRAM], _("the program’s title is empty"));
  if (!tandem_enrollment_status_from_string (field (h, fields, E_STATUS), &status))
    add_problem (report, line, enrollment_columns[E_STATUS],
                 _("“%s” is not a status; use invited, enrolled, in_progress, completed or dropped"),
                 field (h, fields, E_STATUS));
  if (*enrolled_on != '\0' && (enrolled = tandem_date_parse_iso (enrolled_on)) == NULL)
    add_problem (report, line, enrollment_columns[E_ENROLLED_ON],
                 _("“%s” is not a date written YYYY-MM-DD"), enrolled_on);
  if (*completed_on != '\0' && (completed = tandem_date_parse_iso (completed_on)) == NULL)
    add_problem (report, line, enrollment_columns[E_COMPLETED_ON],
                 _("“%s” is not a date written YYYY-MM-DD"), completed_on);
  else if (completed != NULL && status != TANDEM_ENROLLMENT_COMPLETED &&
           report->n_problems == problems_before)
    add_problem (report, line, enrollment_columns[E_COMPLETED_ON],
                 _("a completion date needs the status completed, not %s"),
                 tandem_enrollment_status_to_string (status));
  if (enrolled != NULL && completed != NULL && g_date_compare (completed, enrolled) < 0)
    add_problem (report, line, enrollment_columns[E_COMPLETED_ON],
                 _("the program was completed (%s) before the person enrolled (%s)"),
                 completed_on, enrolled_on);

  if (report->n_problems > problems_before)
    return TRUE;

  if (!program_id (import, title, line, &program, error))
    return FALSE;

  key.person = *person;
  key.program = program->id;
  if (g_hash_table_lookup_extended (import->seen, &key, NULL, &first_line))
    {
      add_problem (report, line, NULL, _("%s is already enrolled in “%s” on line %u"),
                   external_id, title, GPOINTER_TO_UINT (first_line));
      return TRUE;
    }
  g_hash_table_insert (import->seen, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (line));

  /* A program this import created has no enrollments to compare with. */
  tandem_stmt_bind_int64 (import->find, 1, key.person);
  tandem_stmt_bind_int64 (import->find, 2, key.program);
  if (!program->created && tandem_stmt_step (import->find, NULL) == TANDEM_STEP_ROW)
    {
      gint64 id = tandem_stmt_get_int64 (import->find, 0);
      gboolean same = g_strcmp0 (tandem_stmt_get_text (import->find, 1),
                                 tandem_enrollment_status_to_string (status)) == 0 &&
                      g_strcmp0 (tandem_stmt_get_text (import->find, 2), enrolled_on) == 0 &&
                      g_strcmp0 (tandem_stmt_get_text (import->find, 3), completed_on) == 0;

      tandem_stmt_reset (import->find);
      if (same)
        {
          report->unchanged++;
          return TRUE;
        }
      tandem_stmt_bind_int64 (import->update, 1, id);
      tandem_stmt_bind_text (import->update, 2, tandem_enrollment_status_to_string (status));
      tandem_stmt_bind_text (import->update, 3, enrolled_on);
      tandem_stmt_bind_text (import->update, 4, completed_on);
      if (!tandem_stmt_step_done (import->update, error))
        return FALSE;
      report->updated++;
      return TRUE;
    }
  tandem_stmt_reset (import->find);

  tandem_stmt_bind_int64 (import->insert, 1, key.person);
  tandem_stmt_bind_int64 (import->insert, 2, key.program);
  tandem_stmt_bind_text (import->insert, 3, tandem_enrollment_status_to_string (status));
  tandem_stmt_bind_text (import->insert, 4, enrolled_on);
  tandem_stmt_bind_text (import->insert, 5, completed_on);
  if (!tandem_stmt_step_done (import->insert, error))
    return FALSE;
  report->created++;
  return TRUE;
}

/* Imports enrollments: a person must exist; a program that does not is
 * created (as a workshop) and named in the report. */
static gboolean
import_enrollments (TandemStore         *store,
                    const char          *path,
                    const int           *mapping,
                    TandemImportReport  *report,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(TandemStmt) find_program = NULL;
  g_autoptr(TandemStmt) add_program = NULL;
  g_autoptr(TandemStmt) find = NULL;
  g_autoptr(TandemStmt) insert = NULL;
  g_autoptr(TandemStmt) update = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) programs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (enrollment_key_hash, enrollment_key_equal, g_free, NULL);
  EnrollmentImport import = { store, report, { enrollment_columns, E_N, mapping, 0, { 0, }, 0, FALSE, FALSE },
                              NULL, NULL, NULL, NULL, NULL, people, programs, seen };

  if (!load_people (store, people, error) ||
      !(find_program = tandem_store_prepare (store, "SELECT id FROM program WHERE title = $1", error)) ||
      !(add_program = tandem_store_prepare (store, "INSERT INTO program (title) VALUES ($1)", error)) ||
      !(find = tandem_store_prepare (store,
                                     "SELECT id, status, coalesce (enrolled_on, ''), coalesce (completed_on, '')"
                                     "  FROM enrollment WHERE person_id = $1 AND program_id = $2",
                                     error)) ||
      !(insert = tandem_store_prepare (store,
                                       "INSERT INTO enrollment (person_id, program_id, status, enrolled_on,"
                                       "                        completed_on)"
                                       " VALUES ($1, $2, $3, nullif ($4, ''), nullif ($5, ''))",
                                       error)) ||
      !(update = tandem_store_prepare (store,
                                       "UPDATE enrollment SET status = $2, enrolled_on = nullif ($3, ''),"
                                       "       completed_on = nullif ($4, '')"
                                       " WHERE id = $1",
                                       error)))
    return FALSE;

  import.find_program = find_program;
  import.add_program = add_program;
  import.find = find;
  import.insert = insert;
  import.update = update;

  return import_in_transaction (store, path, enrollment_row_cb, NULL, &import, report, cancellable, error);
}

/* ----- survey responses ----- */

enum {
  R_WAVE, R_FIELDED_ON, R_LEVEL, R_DEPARTMENT, R_ROLE, R_OPTIMISM, R_RESOURCES, R_TRANSPARENCY, R_N
};

static const char * const response_columns[R_N] = {
  "wave", "fielded_on", "level", "department", "role", "optimism", "resources", "transparency",
};

/* A survey tool's export may lack the department, the role or a question. */
#define RESPONSE_OPTIONAL (1u << R_DEPARTMENT | 1u << R_ROLE | 1u << R_OPTIMISM | 1u << R_RESOURCES | \
                           1u << R_TRANSPARENCY)

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  Header              header;
  TandemStmt       *insert;
  TandemStmt       *add_department;
  TandemStmt       *add_role;
  GHashTable         *departments;  /* casefolded name → id */
  GHashTable         *roles;        /* casefolded name → RoleSeen */
  GHashTable         *waves;        /* title → WaveSeen */
  GHashTable         *exact[2];     /* department, role: the name as written → id, to skip casefolding */
  TandemSurveyTally  *tally;
} ResponseImport;

typedef struct
{
  gint64  id;
  char   *fielded_on;
  guint   line;
} WaveSeen;

static void
wave_seen_free (WaveSeen *wave)
{
  g_free (wave->fielded_on);
  g_free (wave);
}

static void
bind_id_or_null (TandemStmt *stmt,
                 int           column,
                 gint64        value)
{
  if (value == 0)
    tandem_stmt_bind_null (stmt, column);
  else
    tandem_stmt_bind_int64 (stmt, column, value);
}

/* A department (@kind 'd') or role ('r') as the file writes it; most
 * files repeat the same few spellings a million times. */
static gboolean
response_named_id (ResponseImport  *import,
                   char             kind,
                   const char      *name,
                   TandemLevel      level,
                   gint64          *out_id,
                   GError         **error)
{
  GHashTable *exact = import->exact[kind == 'd' ? 0 : 1];
  gint64 *found = g_hash_table_lookup (exact, name);

  if (found != NULL)
    {
      *out_id = *found;
      return TRUE;
    }
  if (!named_id (import->store, kind == 'd' ? import->departments : import->roles,
                 kind == 'd' ? import->add_department : import->add_role, name, level, import->report, out_id,
                 error))
    return FALSE;
  g_hash_table_insert (exact, g_strdup (name), g_memdup2 (out_id, sizeof *out_id));
  return TRUE;
}

static gboolean
response_row_cb (guint       line,
                 GPtrArray  *fields,
                 gpointer    user_data,
                 GError    **error)
{
  ResponseImport *import = user_data;
  TandemImportReport *report = import->report;
  Header *h = &import->header;
  guint problems_before = report->n_problems;
  const char *title, *fielded_on;
  g_autoptr(GDate) fielded = NULL;
  TandemLevel level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
  int scores[TANDEM_N_DIMENSIONS];
  gint64 department = 0, role = 0;
  WaveSeen *wave;

  if (!header_take_row (h, line, fields, report))
    return TRUE;

  title = field (h, fields, R_WAVE);
  fielded_on = field (h, fields, R_FIELDED_ON);

  wave = g_hash_table_lookup (import->waves, title);

  if (*title == '\0')
    add_problem (report, line, response_columns[R_WAVE], _("every response needs the wave’s title"));
  /* A wave's date was checked on its first row. */
  if ((wave == NULL || g_strcmp0 (wave->fielded_on, fielded_on) != 0) &&
      (fielded = tandem_date_parse_iso (fielded_on)) == NULL)
    add_problem (report, line, response_columns[R_FIELDED_ON],
                 _("“%s” is not a date written YYYY-MM-DD"), fielded_on);
  if (!tandem_level_from_string (field (h, fields, R_LEVEL), &level))
    add_problem (report, line, response_columns[R_LEVEL],
                 _("“%s” is not a level; use executive, manager or individual_contributor"),
                 field (h, fields, R_LEVEL));
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    if (!tandem_survey_parse_score (field (h, fields, R_OPTIMISM + d), &scores[d]))
      add_problem (report, line, response_columns[R_OPTIMISM + d],
                   _("“%s” is not a score; use 1 to 5, an agreement such as “Strongly agree”, "
                     "or leave it empty"),
                   field (h, fields, R_OPTIMISM + d));

  if (report->n_problems > problems_before)
    return TRUE;

  if (wave != NULL && g_strcmp0 (wave->fielded_on, fielded_on) != 0)
    {
      add_problem (report, line, response_columns[R_FIELDED_ON],
                   _("the wave “%s” is fielded on %s on line %u; a wave has one date"),
                   title, wave->fielded_on, wave->line);
      return TRUE;
    }
  if (wave == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean created = FALSE;
      gint64 id = 0;

      if (!tandem_survey_ensure_wave (import->store, title, fielded_on, &id, &created, &local_error))
        {
          if (!g_error_matches (local_error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          add_problem (report, line, response_columns[R_FIELDED_ON], "%s", local_error->message);
          return TRUE;
        }
      wave = g_new0 (WaveSeen, 1);
      wave->id = id;
      wave->fielded_on = g_strdup (fielded_on);
      wave->line = line;
      g_hash_table_insert (import->waves, g_strdup (title), wave);
      g_ptr_array_add (report->notes,
                       created ? g_strdup_printf (_("New survey wave: %s, fielded %s"), title, fielded_on)
                               : g_strdup_printf (_("Responses added to the wave %s"), title));
    }

  if (!response_named_id (import, 'd', field (h, fields, R_DEPARTMENT), level, &department, error) ||
      !response_named_id (import, 'r', field (h, fields, R_ROLE), level, &role, error))
    return FALSE;

  /* 0 is “none”: bound as NULL here rather than by nullif () a million times. */
  tandem_stmt_bind_int64 (import->insert, 1, wave->id);
  tandem_stmt_bind_text (import->insert, 2, tandem_level_to_string (level));
  bind_id_or_null (import->insert, 3, role);
  bind_id_or_null (import->insert, 4, department);
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    bind_id_or_null (import->insert, 5 + (int)d, scores[d]);
  if (!tandem_stmt_step_done (import->insert, error))
    return FALSE;

  tandem_survey_tally_add (import->tally, wave->id, level, department, role, scores);
  report->created++;
  return TRUE;
}

static gboolean
response_finish (gpointer   user_data,
                 GError   **error)
{
  ResponseImport *import = user_data;

  return tandem_survey_tally_flush (import->tally, import->store, error);
}

/* Imports survey responses, one row per respondent and never a person:
 * a new wave is created with the default wording, responses for a known
 * wave are added to it. */
static gboolean
import_responses (TandemStore         *store,
                  const char          *path,
                  const int           *mapping,
                  TandemImportReport  *report,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(TandemStmt) insert = NULL;
  g_autoptr(TandemStmt) add_department = NULL;
  g_autoptr(TandemStmt) add_role = NULL;
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) waves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)wave_seen_free);
  g_autoptr(TandemSurveyTally) tally = tandem_survey_tally_new ();
  g_autoptr(GHashTable) exact_departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) exact_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ResponseImport import = { store, report, { response_columns, R_N, mapping, RESPONSE_OPTIONAL, { 0, }, 0, FALSE,
                                                         FALSE },
                            NULL, NULL, NULL, departments, roles, waves, { exact_departments, exact_roles },
                            tally };

  if (!(insert = tandem_store_prepare (store,
                                       "INSERT INTO survey_response (wave_id, level, role_id, department_id,"
                                       "                             optimism, resources, transparency)"
                                       " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                       error)) ||
      !(add_department = tandem_store_prepare (store, "INSERT INTO department (name) VALUES ($1)", error)) ||
      !(add_role = tandem_store_prepare (store, "INSERT INTO role (name, level) VALUES ($1, $2)", error)) ||
      !load_names (store, "SELECT id, name FROM department", departments, FALSE, error) ||
      !load_names (store, "SELECT id, name, level FROM role", roles, TRUE, error))
    return FALSE;

  import.insert = insert;
  import.add_department = add_department;
  import.add_role = add_role;

  return import_in_transaction (store, path, response_row_cb, response_finish, &import, report,
                                cancellable, error);
}

/* ----- what every import shares ----- */

typedef gboolean (*ImportFunc) (TandemStore *, const char *, const int *, TandemImportReport *,
                                GCancellable *, GError **);

static const struct {
  const char * const *columns;
  guint               n_columns;
  guint               optional;
  ImportFunc          run;
} kinds[TANDEM_N_IMPORT_KINDS] = {
  [TANDEM_IMPORT_PEOPLE] = { people_columns, P_N, 0, import_people },
  [TANDEM_IMPORT_ENROLLMENTS] = { enrollment_columns, E_N, 0, import_enrollments },
  [TANDEM_IMPORT_SESSIONS] = { session_columns, S_N, 0, import_sessions },
  [TANDEM_IMPORT_RESPONSES] = { response_columns, R_N, RESPONSE_OPTIONAL, import_responses },
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
  g_return_val_if_fail (column < kinds[kind].n_columns, FALSE);

  return (kinds[kind].optional & (1u << column)) != 0;
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
    *out_n_columns = kinds[kind].n_columns;
  return kinds[kind].columns;
}

gboolean
tandem_import_kind_from_string (const char       *text,
                                TandemImportKind *out_kind)
{
  static const char * const names[TANDEM_N_IMPORT_KINDS] = { "people", "enrollments", "sessions", "responses" };

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
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < TANDEM_N_IMPORT_KINDS, FALSE);
  g_return_val_if_fail (path != NULL && report != NULL, FALSE);

  return kinds[kind].run (store, path, mapping, report, cancellable, error);
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
 *
 * The header and the first rows of a CSV file, for a column-mapping step.
 *
 * Returns: (transfer full) (element-type GStrv): the header, then the rows;
 *   %NULL with @error set when the file is not CSV
 */
GPtrArray *
tandem_import_preview (const char  *path,
                       guint        max_rows,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GError) local_error = NULL;
  Preview preview = { rows, max_rows };

  g_return_val_if_fail (path != NULL, NULL);

  if (!tandem_csv_parse_file (path, preview_row_cb, &preview, NULL, &local_error) &&
      !g_error_matches (local_error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_STOPPED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * tandem_import_guess_mapping:
 * @header: the file's first row
 * @mapping: (out caller-allocates) (array): one entry per column of @kind
 *
 * Finds each column of @kind in @header by name, ignoring case, spaces and
 * underscores ("External ID" is external_id); -1 where none matches.
 *
 * Returns: %TRUE when every column was found
 */
/* Survey tools name a column after its question, or call the level
 * “seniority” and the wave “survey”: a few words that give a column away. */
static int
guess_response_column (guint               column,
                       const char * const *header)
{
  static const char * const hints[R_N][5] = {
    [R_WAVE] = { "wave", "survey", "round", NULL },
    [R_FIELDED_ON] = { "fielded", "date", "submitted", "completed", NULL },
    [R_LEVEL] = { "level", "seniority", "grade", NULL },
    [R_DEPARTMENT] = { "department", "team", "division", NULL },
    [R_ROLE] = { "role", "job", "position", NULL },
    [R_OPTIMISM] = { "optimis", "company objectives", NULL },
    [R_RESOURCES] = { "training our teams", "tools and knowledge", "resources", NULL },
    [R_TRANSPARENCY] = { "communicated our ai", "informed about our ai", "transparen", NULL },
  };

  for (guint f = 0; header[f] != NULL; f++)
    {
      g_autofree char *text = g_utf8_casefold (header[f], -1);

      for (guint h = 0; hints[column][h] != NULL; h++)
        if (strstr (text, hints[column][h]) != NULL)
          return (int)f;
    }
  /* The wording each wave asks by default, in the user's language too. */
  if (column >= R_OPTIMISM)
    for (guint f = 0; header[f] != NULL; f++)
      for (TandemAudience a = 0; a < TANDEM_N_AUDIENCES; a++)
        {
          g_autofree char *text = g_utf8_casefold (header[f], -1);
          g_autofree char *wording = g_utf8_casefold (tandem_survey_default_wording (column - R_OPTIMISM, a), -1);

          if (strstr (text, wording) != NULL)
            return (int)f;
        }
  return -1;
}

gboolean
tandem_import_guess_mapping (TandemImportKind    kind,
                             const char * const *header,
                             int                *mapping)
{
  guint n_columns;
  const char * const *columns = tandem_import_kind_get_columns (kind, &n_columns);
  gboolean all = TRUE;

  g_return_val_if_fail (header != NULL && mapping != NULL, FALSE);

  for (guint c = 0; c < n_columns; c++)
    {
      mapping[c] = -1;
      for (guint f = 0; header[f] != NULL && mapping[c] < 0; f++)
        {
          g_autoptr(GString) simple = g_string_new (NULL);

          for (const char *h = header[f]; *h != '\0'; h++)
            if (*h != ' ' && *h != '_' && *h != '-')
              g_string_append_c (simple, g_ascii_tolower (*h));
          {
            g_autoptr(GString) want = g_string_new (NULL);

            for (const char *w = columns[c]; *w != '\0'; w++)
              if (*w != '_')
                g_string_append_c (want, *w);
            if (g_str_equal (simple->str, want->str))
              mapping[c] = (int)f;
          }
        }
      if (mapping[c] < 0 && kind == TANDEM_IMPORT_RESPONSES)
        mapping[c] = guess_response_column (c, header);
      all = all && (mapping[c] >= 0 || tandem_import_kind_is_optional (kind, c));
    }
  return all;
}
