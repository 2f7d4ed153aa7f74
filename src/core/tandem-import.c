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

#include "tandem-csv.h"
#include "tandem-import.h"
#include "tandem-pair.h"
#include "tandem-session.h"
#include "tandem-store-private.h"
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
      header->index[n] = -1;
      for (guint f = 0; f < fields->len; f++)
        if (g_ascii_strcasecmp (g_ptr_array_index (fields, f), header->names[n]) == 0)
          header->index[n] = (int)f;
      if (header->index[n] < 0)
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
  return g_ptr_array_index (fields, header->index[n]);
}

static gboolean
row_has_shape (Header             *header,
               guint               line,
               GPtrArray          *fields,
               TandemImportReport *report)
{
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
  sqlite3_stmt       *find_person;
  sqlite3_stmt       *find_pair;
  sqlite3_stmt       *move_start;
  GHashTable         *new_pairs;     /* pairs this import created */
} SessionImport;

static gint64
find_person (SessionImport *import,
             const char    *external_id,
             char         **out_level)
{
  gint64 id = 0;

  sqlite3_reset (import->find_person);
  sqlite3_bind_text (import->find_person, 1, external_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (import->find_person) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (import->find_person, 0);
      *out_level = g_strdup (tandem_stmt_get_text (import->find_person, 1));
    }
  sqlite3_reset (import->find_person);
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

  if (!import->header.have_header)
    {
      header_read (&import->header, fields, report);
      return TRUE;
    }
  if (!import->header.ok)
    return TRUE;   /* no usable header: the one problem says so */

  report->rows++;
  if (!row_has_shape (&import->header, line, fields, report))
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
  sqlite3_reset (import->find_pair);
  sqlite3_bind_int64 (import->find_pair, 1, executive);
  sqlite3_bind_int64 (import->find_pair, 2, mentor);
  if (sqlite3_step (import->find_pair) == SQLITE_ROW)
    pair = sqlite3_column_int64 (import->find_pair, 0);
  sqlite3_reset (import->find_pair);

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
      sqlite3_bind_int64 (import->move_start, 1, pair);
      sqlite3_bind_text (import->move_start, 2, held_on, -1, SQLITE_TRANSIENT);
      if (!tandem_store_step_done (import->store, import->move_start, error))
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

/**
 * tandem_import_sessions:
 * @path: a CSV file with the header executive_external_id, mentor_external_id,
 *   date, minutes, tools, data_used, insight, follow_ups, confidence_before,
 *   confidence_after
 * @report: filled with counts, and with every problem found
 *
 * Imports past coaching sessions. A pair is created for two people who have
 * none, started on their first session's date with the default cadence.
 *
 * Returns: %TRUE when the file was imported whole; %FALSE when nothing was
 *   written, with @error set (the file could not be read, or @report holds
 *   the rows' problems)
 */
gboolean
tandem_import_sessions (TandemStore         *store,
                        const char          *path,
                        TandemImportReport  *report,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(sqlite3_stmt) find_person = NULL;
  g_autoptr(sqlite3_stmt) find_pair = NULL;
  g_autoptr(sqlite3_stmt) move_start = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) new_pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SessionImport import = { store, report, { session_columns, S_N, { 0, }, 0, FALSE, FALSE },
                           NULL, NULL, NULL, new_pairs };

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && report != NULL, FALSE);

  find_person = tandem_store_prepare (store,
                                      "SELECT p.id, coalesce (r.level, '') FROM person p"
                                      "  LEFT JOIN role r ON r.id = p.role_id WHERE p.external_id = ?1",
                                      error);
  find_pair = find_person ? tandem_store_prepare (store,
                                                  "SELECT id FROM mentoring_pair WHERE executive_id = ?1"
                                                  " AND mentor_id = ?2 AND active ORDER BY id DESC LIMIT 1",
                                                  error) : NULL;
  move_start = find_pair ? tandem_store_prepare (store,
                                                 "UPDATE mentoring_pair SET started_on = ?2"
                                                 " WHERE id = ?1 AND started_on > ?2",
                                                 error) : NULL;
  if (move_start == NULL || !tandem_store_begin (store, error))
    return FALSE;

  import.find_person = find_person;
  import.find_pair = find_pair;
  import.move_start = move_start;

  if (!tandem_csv_parse_file (path, session_row_cb, &import, cancellable, &local_error))
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

  if (!tandem_store_commit (store, error))
    {
      tandem_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
