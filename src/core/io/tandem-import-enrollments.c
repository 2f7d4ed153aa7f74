/* tandem-import-enrollments.c — enrollments from a learning system's export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-import-private.h"
#include "tandem-enrollment.h"

enum {
  E_EXTERNAL_ID, E_PROGRAM, E_STATUS, E_ENROLLED_ON, E_COMPLETED_ON, E_N
};

static const char * const enrollment_columns[E_N] = {
  "external_id", "program", "status", "enrolled_on", "completed_on",
};

/* Learning systems do not all export dates. */
#define ENROLLMENT_OPTIONAL (1u << E_ENROLLED_ON | 1u << E_COMPLETED_ON)

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  TandemImportHeader  header;
  TandemStmt       *find_program;
  TandemStmt       *add_program;
  TandemStmt       *find;
  TandemStmt       *update;
  GHashTable         *people;     /* external id → person id, read once */
  GHashTable         *programs;   /* title → ProgramSeen */
  guint              *seen;       /* a pending row's index + 1 by key, 0 when free */
  gsize               n_seen;     /* slots in seen, a power of two */
  GArray             *pending;    /* PendingEnrollment, written in key order at the end */
  GStringChunk       *dates;      /* the pending rows' dates, each text once */
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

/* A row that passed every check, waiting to be written. */
typedef struct
{
  EnrollmentKey           key;
  gboolean                program_created;
  TandemEnrollmentStatus  status;
  const char             *enrolled_on;    /* in EnrollmentImport.dates */
  const char             *completed_on;
  guint                   line;
} PendingEnrollment;

static gsize
enrollment_key_hash (const EnrollmentKey *k)
{
  guint64 h = (guint64)k->person * 0x9E3779B97F4A7C15u ^ (guint64)k->program * 0xC2B2AE3D27D4EB4Fu;

  return (gsize)(h ^ (h >> 29));
}

/* The pending row with @key, or NULL after noting that row @index (about
 * to be added) has it. Open addressing over indexes into the pending rows:
 * no allocation per row, as half a million rows made. */
static const PendingEnrollment *
find_or_note (EnrollmentImport    *import,
              const EnrollmentKey *key,
              guint                index)
{
  gsize mask;

  if ((gsize)(index + 1) * 2 > import->n_seen)
    {
      guint *old = import->seen;
      gsize n_old = import->n_seen;

      import->n_seen = MAX (n_old * 2, 1024);
      import->seen = g_new0 (guint, import->n_seen);
      for (gsize i = 0; i < n_old; i++)
        if (old[i] != 0)
          {
            const PendingEnrollment *row = &g_array_index (import->pending, PendingEnrollment, old[i] - 1);

            for (gsize at = enrollment_key_hash (&row->key) & (import->n_seen - 1);;
                 at = (at + 1) & (import->n_seen - 1))
              if (import->seen[at] == 0)
                {
                  import->seen[at] = old[i];
                  break;
                }
          }
      g_free (old);
    }

  mask = import->n_seen - 1;
  for (gsize at = enrollment_key_hash (key) & mask;; at = (at + 1) & mask)
    {
      const PendingEnrollment *row;

      if (import->seen[at] == 0)
        {
          import->seen[at] = index + 1;
          return NULL;
        }
      row = &g_array_index (import->pending, PendingEnrollment, import->seen[at] - 1);
      if (row->key.person == key->person && row->key.program == key->program)
        return row;
    }
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
  TandemImportHeader *h = &import->header;
  guint problems_before = report->n_problems;
  const char *external_id, *title, *enrolled_on, *completed_on;
  g_autoptr(GDate) enrolled = NULL;
  g_autoptr(GDate) completed = NULL;
  TandemEnrollmentStatus status = TANDEM_ENROLLMENT_INVITED;
  const gint64 *person;
  ProgramSeen *program = NULL;
  EnrollmentKey key;
  const PendingEnrollment *first;

  if (!tandem_import_take_row (h, line, fields, report))
    return TRUE;

  external_id = tandem_import_field (h, fields, E_EXTERNAL_ID);
  title = tandem_import_field (h, fields, E_PROGRAM);
  enrolled_on = tandem_import_field (h, fields, E_ENROLLED_ON);
  completed_on = tandem_import_field (h, fields, E_COMPLETED_ON);

  person = g_hash_table_lookup (import->people, external_id);
  if (person == NULL)
    tandem_import_add_problem (report, line, enrollment_columns[E_EXTERNAL_ID],
                               _("no person has the external id “%s”; import the people first"), external_id);
  if (*title == '\0')
    tandem_import_add_problem (report, line, enrollment_columns[E_PROGRAM], _("the program’s title is empty"));
  if (!tandem_enrollment_status_from_string (tandem_import_field (h, fields, E_STATUS), &status))
    tandem_import_add_problem (report, line, enrollment_columns[E_STATUS],
                               _("“%s” is not a status; use invited, enrolled, in_progress, completed or dropped"),
                               tandem_import_field (h, fields, E_STATUS));
  if (*enrolled_on != '\0')
    enrolled = tandem_import_parse_date (report, line, enrollment_columns[E_ENROLLED_ON], enrolled_on);
  if (*completed_on != '\0')
    completed = tandem_import_parse_date (report, line, enrollment_columns[E_COMPLETED_ON], completed_on);
  if (completed != NULL && status != TANDEM_ENROLLMENT_COMPLETED &&
           report->n_problems == problems_before)
    tandem_import_add_problem (report, line, enrollment_columns[E_COMPLETED_ON],
                               _("a completion date needs the status completed, not %s"),
                               tandem_enrollment_status_to_string (status));
  if (enrolled != NULL && completed != NULL && g_date_compare (completed, enrolled) < 0)
    tandem_import_add_problem (report, line, enrollment_columns[E_COMPLETED_ON],
                               _("the program was completed (%s) before the person enrolled (%s)"), completed_on,
                               enrolled_on);

  if (report->n_problems > problems_before)
    return TRUE;

  if (!program_id (import, title, line, &program, error))
    return FALSE;

  key.person = *person;
  key.program = program->id;
  if ((first = find_or_note (import, &key, import->pending->len)) != NULL)
    {
      tandem_import_add_problem (report, line, NULL, _("%s is already enrolled in “%s” on line %u"), external_id,
                                 title, first->line);
      return TRUE;
    }

  {
    /* Most rows have no completion date: "" needs no look-up. */
    PendingEnrollment row = { key, program->created, status,
                              *enrolled_on != '\0' ? g_string_chunk_insert_const (import->dates, enrolled_on) : "",
                              *completed_on != '\0' ? g_string_chunk_insert_const (import->dates, completed_on) : "",
                              line };

    g_array_append_val (import->pending, row);
  }
  return TRUE;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingEnrollment *pa = a, *pb = b;

  if (pa->key.person != pb->key.person)
    return pa->key.person < pb->key.person ? -1 : 1;
  return (pa->key.program > pb->key.program) - (pa->key.program < pb->key.program);
}

/* Sorts the rows by person, then program. Person ids are about as many
 * as the people a file names, so the rows are dealt into one run per
 * person in one pass, and each short run sorted by program; ids spread
 * far wider than the rows fall back to a comparison sort. */
static void
sort_pending (GArray *pending)
{
  PendingEnrollment *rows = (PendingEnrollment *)(gpointer)pending->data;
  g_autofree guint *starts = NULL;
  g_autofree PendingEnrollment *dealt = NULL;
  gint64 low = G_MAXINT64, high = G_MININT64;
  gsize span;

  for (guint i = 0; i < pending->len; i++)
    {
      low = MIN (low, rows[i].key.person);
      high = MAX (high, rows[i].key.person);
    }
  if (pending->len < 2)
    return;
  if (high - low >= (gint64)pending->len * 4)
    {
      g_array_sort (pending, compare_pending);
      return;
    }

  span = (gsize)(high - low) + 1;
  starts = g_new0 (guint, span + 1);
  for (guint i = 0; i < pending->len; i++)
    starts[rows[i].key.person - low + 1]++;
  for (gsize p = 1; p <= span; p++)
    starts[p] += starts[p - 1];
  dealt = g_new (PendingEnrollment, pending->len);
  for (guint i = 0; i < pending->len; i++)
    dealt[starts[rows[i].key.person - low]++] = rows[i];

  /* starts[p] is now where person p's run ends. */
  for (gsize p = 0, begin = 0; p < span; begin = starts[p++])
    {
      gsize end = starts[p];

      if (end - begin > 16)
        qsort (dealt + begin, end - begin, sizeof *dealt, compare_pending);
      else
        for (gsize i = begin + 1; i < end; i++)
          {
            PendingEnrollment row = dealt[i];
            gsize at = i;

            for (; at > begin && dealt[at - 1].key.program > row.key.program; at--)
              dealt[at] = dealt[at - 1];
            dealt[at] = row;
          }
    }
  memcpy (rows, dealt, pending->len * sizeof *dealt);
}

/* Looks up one checked row among the enrollments stored before: updates
 * it when it changed. Sets @out_new when there is none, for the caller to
 * insert with the other new ones. */
static gboolean
write_known_enrollment (EnrollmentImport         *import,
                        const PendingEnrollment  *row,
                        gboolean                 *out_new,
                        GError                  **error)
{
  TandemImportReport *report = import->report;
  const char *status = tandem_enrollment_status_to_string (row->status);
  gint64 id;
  gboolean same;

  *out_new = FALSE;
  tandem_stmt_bind_int64 (import->find, 1, row->key.person);
  tandem_stmt_bind_int64 (import->find, 2, row->key.program);
  if (tandem_stmt_step (import->find, NULL) != TANDEM_STEP_ROW)
    {
      tandem_stmt_reset (import->find);
      *out_new = TRUE;
      return TRUE;
    }

  id = tandem_stmt_get_int64 (import->find, 0);
  same = g_strcmp0 (tandem_stmt_get_text (import->find, 1), status) == 0 &&
         g_strcmp0 (tandem_stmt_get_text (import->find, 2), row->enrolled_on) == 0 &&
         g_strcmp0 (tandem_stmt_get_text (import->find, 3), row->completed_on) == 0;
  tandem_stmt_reset (import->find);
  if (same)
    {
      report->unchanged++;
      return TRUE;
    }
  tandem_stmt_bind_int64 (import->update, 1, id);
  tandem_stmt_bind_text (import->update, 2, status);
  tandem_stmt_bind_text (import->update, 3, row->enrolled_on);
  tandem_stmt_bind_text (import->update, 4, row->completed_on);
  if (!tandem_stmt_step_done (import->update, error))
    return FALSE;
  report->updated++;
  return TRUE;
}

/* How far @status takes a person's learning (schema 5): 0 none, 1
 * enrolled, 2 completed. */
static int
learning_of (TandemEnrollmentStatus status)
{
  return status == TANDEM_ENROLLMENT_COMPLETED ? 2 : status == TANDEM_ENROLLMENT_DROPPED ? 0 : 1;
}

/* A person whose learning the import may raise, and how far. */
typedef struct
{
  gint64 person;
  gint64 learning;
} Raise;

/* Whether raising the learning of @n_raises people costs more row by row
 * than building the index that holds it (person_summary) afresh: a raise
 * moves an entry in it, a build costs about a third of that per person
 * stored. */
static gboolean
worth_rebuilding (EnrollmentImport  *import,
                  guint              n_raises,
                  gboolean          *out_worth,
                  GError           **error)
{
  gint64 people = 0;

  if (!tandem_store_query_int (import->store, "SELECT count (*) FROM person", &people, error))
    return FALSE;
  *out_worth = (gint64)n_raises * 3 > people;
  return TRUE;
}

/* person.learning (schema 5): a new enrollment can only raise it (the
 * triggers see to changed ones), so one update per person whose
 * enrollments in the file take them further does it. */
static gboolean
raise_learning (EnrollmentImport  *import,
                GArray            *raises,
                GError           **error)
{
  static const TandemRowsColumn columns[] = {
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (Raise, person), NULL },
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (Raise, learning), NULL },
  };
  TandemRows rows = { raises->data, sizeof (Raise), raises->len, columns, G_N_ELEMENTS (columns) };
  gboolean rebuild = FALSE;

  return worth_rebuilding (import, raises->len, &rebuild, error) &&
         (!rebuild || tandem_store_exec (import->store,
                                         tandem_store_get_sql (import->store, TANDEM_SQL_LEARNING_INDEXES_DROP),
                                         error)) &&
         tandem_store_insert_rows (import->store,
                                   "UPDATE person SET learning = r.c1 FROM tandem_rows r"
                                   " WHERE person.id = r.c0 AND person.learning < r.c1",
                                   "UPDATE person SET learning = $2 WHERE id = $1 AND learning < $2", &rows, error) &&
         (!rebuild || tandem_store_exec (import->store,
                                         tandem_store_get_sql (import->store, TANDEM_SQL_LEARNING_INDEXES_CREATE),
                                         error));
}

/* Every row passed: write them in the order of the (person, program)
 * index, so that an export in random order (as learning systems write
 * them) costs what a sorted one does instead of touching index pages all
 * over the file. The new ones go in by one statement. */
static gboolean
enrollment_finish (gpointer   user_data,
                   GError   **error)
{
  EnrollmentImport *import = user_data;
  const char *status_names[TANDEM_N_ENROLLMENT_STATUSES];
  const TandemRowsColumn columns[] = {
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (PendingEnrollment, key.person), NULL },
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (PendingEnrollment, key.program), NULL },
    { TANDEM_ROWS_NAME_INT, G_STRUCT_OFFSET (PendingEnrollment, status), status_names },
    { TANDEM_ROWS_TEXT, G_STRUCT_OFFSET (PendingEnrollment, enrolled_on), NULL },
    { TANDEM_ROWS_TEXT, G_STRUCT_OFFSET (PendingEnrollment, completed_on), NULL },
  };
  GArray *pending = import->pending;
  g_autoptr(GArray) raises = g_array_new (FALSE, FALSE, sizeof (Raise));
  TandemRows rows;
  guint n_new = 0;

  G_STATIC_ASSERT (sizeof (TandemEnrollmentStatus) == sizeof (int));
  for (TandemEnrollmentStatus status = 0; status < TANDEM_N_ENROLLMENT_STATUSES; status++)
    status_names[status] = tandem_enrollment_status_to_string (status);

  /* Changed rows are updated as they come; new ones move to the front. */
  sort_pending (pending);
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingEnrollment *row = &g_array_index (pending, PendingEnrollment, i);
      gboolean is_new = TRUE;
      int learning = learning_of (row->status);

      /* A program this import created has no enrollments to compare with. */
      if (!row->program_created && !write_known_enrollment (import, row, &is_new, error))
        return FALSE;
      if (is_new)
        g_array_index (pending, PendingEnrollment, n_new++) = *row;

      if (raises->len > 0 && g_array_index (raises, Raise, raises->len - 1).person == row->key.person)
        {
          Raise *last = &g_array_index (raises, Raise, raises->len - 1);

          last->learning = MAX (last->learning, learning);
        }
      else if (learning > 0)
        {
          Raise raise = { row->key.person, learning };

          g_array_append_val (raises, raise);
        }
    }

  rows = (TandemRows) { pending->data, sizeof (PendingEnrollment), n_new, columns, G_N_ELEMENTS (columns) };
  if (!tandem_store_insert_rows (import->store,
                                 "INSERT INTO enrollment (person_id, program_id, status, enrolled_on, completed_on)"
                                 " SELECT c0, c1, c2, c3, c4 FROM tandem_rows",
                                 "INSERT INTO enrollment (person_id, program_id, status, enrolled_on, completed_on)"
                                 " VALUES ($1, $2, $3, $4, $5)",
                                 &rows, error))
    return FALSE;
  import->report->created += n_new;
  return raise_learning (import, raises, error);
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
  g_autoptr(TandemStmt) update = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) programs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingEnrollment));
  EnrollmentImport import = { store, report, { enrollment_columns, E_N, mapping, ENROLLMENT_OPTIONAL, { 0, }, 0, FALSE, FALSE },
                              NULL, NULL, NULL, NULL, people, programs, NULL, 0, pending, NULL };
  gboolean ok;

  if (!tandem_import_load_people (store, people, error) ||
      !(find_program = tandem_store_prepare (store, "SELECT id FROM program WHERE title = $1", error)) ||
      !(add_program = tandem_store_prepare (store, "INSERT INTO program (title) VALUES ($1)", error)) ||
      !(find = tandem_store_prepare (store,
                                     "SELECT id, status, coalesce (enrolled_on, ''), coalesce (completed_on, '')"
                                     "  FROM enrollment WHERE person_id = $1 AND program_id = $2",
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
  import.update = update;
  import.dates = g_string_chunk_new (4096);

  ok = tandem_import_in_transaction (store, path, enrollment_row_cb, enrollment_finish, &import, report, cancellable,
                                     error);
  g_string_chunk_free (import.dates);
  g_free (import.seen);
  return ok;
}

const TandemImporter tandem_enrollments_importer = {
  enrollment_columns, E_N, ENROLLMENT_OPTIONAL, import_enrollments, NULL,
};
