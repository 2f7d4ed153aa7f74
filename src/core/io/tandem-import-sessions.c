/* tandem-import-sessions.c — past coaching sessions from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-import-private.h"
#include "tandem-pair.h"
#include "tandem-session.h"

enum {
  S_EXECUTIVE, S_MENTOR, S_DATE, S_MINUTES, S_TOOLS, S_DATA, S_INSIGHT, S_FOLLOW_UPS,
  S_BEFORE, S_AFTER, S_N
};

static const char * const session_columns[S_N] = {
  "executive_external_id", "mentor_external_id", "date", "minutes", "tools", "data_used",
  "insight", "follow_ups", "confidence_before", "confidence_after",
};

/* A session is who met whom and when; the rest may be left out. */
#define SESSION_OPTIONAL (1u << S_MINUTES | 1u << S_TOOLS | 1u << S_DATA | 1u << S_INSIGHT | \
                          1u << S_FOLLOW_UPS | 1u << S_BEFORE | 1u << S_AFTER)

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  TandemImportHeader  header;
  TandemStmt       *find_person;
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
  gboolean new_pair = FALSE;
  const char *held_on;

  if (!tandem_import_take_row (&import->header, line, fields, report))
    return TRUE;

  executive = find_person (import, tandem_import_field (&import->header, fields, S_EXECUTIVE), &executive_level);
  mentor = find_person (import, tandem_import_field (&import->header, fields, S_MENTOR), &mentor_level);
  if (executive == 0)
    tandem_import_add_problem (report, line, session_columns[S_EXECUTIVE], _("no person has the external id “%s”"),
                               tandem_import_field (&import->header, fields, S_EXECUTIVE));
  else if (g_strcmp0 (executive_level, "executive") != 0 && g_strcmp0 (executive_level, "manager") != 0)
    tandem_import_add_problem (report, line, session_columns[S_EXECUTIVE], _("“%s” is not an executive or a manager"),
                               tandem_import_field (&import->header, fields, S_EXECUTIVE));
  if (mentor == 0)
    tandem_import_add_problem (report, line, session_columns[S_MENTOR], _("no person has the external id “%s”"),
                               tandem_import_field (&import->header, fields, S_MENTOR));
  else if (mentor == executive)
    tandem_import_add_problem (report, line, session_columns[S_MENTOR], _("a person cannot mentor themself"));

  held_on = tandem_import_field (&import->header, fields, S_DATE);
  date = tandem_import_parse_date (report, line, session_columns[S_DATE], held_on);
  if (!tandem_import_parse_int (tandem_import_field (&import->header, fields, S_MINUTES), 0, 1440, -1, &draft.minutes))
    tandem_import_add_problem (report, line, session_columns[S_MINUTES], _("“%s” is not a number of minutes (0–1440)"),
                               tandem_import_field (&import->header, fields, S_MINUTES));
  if (!tandem_import_parse_int (tandem_import_field (&import->header, fields, S_BEFORE), 1, 5, 0,
                                &draft.confidence_before))
    tandem_import_add_problem (report, line, session_columns[S_BEFORE], _("“%s” is not a confidence from 1 to 5"),
                               tandem_import_field (&import->header, fields, S_BEFORE));
  if (!tandem_import_parse_int (tandem_import_field (&import->header, fields, S_AFTER), 1, 5, 0,
                                &draft.confidence_after))
    tandem_import_add_problem (report, line, session_columns[S_AFTER], _("“%s” is not a confidence from 1 to 5"),
                               tandem_import_field (&import->header, fields, S_AFTER));

  if (report->n_problems > problems_before)
    return TRUE;

  /* The active pair of these two people, or a new one started on this date. */
  pair = tandem_pair_find_or_add (import->store, executive, mentor, held_on, &new_pair, &local_error);
  if (pair == 0)
    {
      tandem_import_add_problem (report, line, NULL, "%s", local_error->message);
      return TRUE;
    }
  if (new_pair)
    {
      g_hash_table_add (import->new_pairs, g_memdup2 (&pair, sizeof pair));
      g_ptr_array_add (report->notes,
                       g_strdup_printf (_("New mentoring pair: %s coached by %s, from line %u"),
                                        tandem_import_field (&import->header, fields, S_EXECUTIVE),
                                        tandem_import_field (&import->header, fields, S_MENTOR), line));
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
  draft.tools = tandem_import_field (&import->header, fields, S_TOOLS);
  draft.data_used = tandem_import_field (&import->header, fields, S_DATA);
  draft.insight = tandem_import_field (&import->header, fields, S_INSIGHT);
  draft.follow_ups = tandem_import_field (&import->header, fields, S_FOLLOW_UPS);
  if (tandem_session_add (import->store, &draft, &local_error) == 0)
    {
      if (!g_error_matches (local_error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      tandem_import_add_problem (report, line, NULL, "%s", local_error->message);
      return TRUE;
    }

  report->created++;
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
  g_autoptr(TandemStmt) move_start = NULL;
  g_autoptr(GHashTable) new_pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SessionImport import = { store, report, { session_columns, S_N, mapping, SESSION_OPTIONAL, { 0, }, 0, FALSE, FALSE },
                           NULL, NULL, new_pairs };

  find_person = tandem_store_prepare (store,
                                      "SELECT p.id, coalesce (r.level, '') FROM person p"
                                      "  LEFT JOIN role r ON r.id = p.role_id WHERE p.external_id = $1",
                                      error);
  move_start = find_person ? tandem_store_prepare (store,
                                                 "UPDATE mentoring_pair SET started_on = $2"
                                                 " WHERE id = $1 AND started_on > $2",
                                                 error) : NULL;
  if (move_start == NULL)
    return FALSE;

  import.find_person = find_person;
  import.move_start = move_start;

  return tandem_import_in_transaction (store, path, session_row_cb, NULL, &import, report, cancellable, error);
}

const TandemImporter tandem_sessions_importer = {
  session_columns, S_N, SESSION_OPTIONAL, import_sessions, NULL,
};
