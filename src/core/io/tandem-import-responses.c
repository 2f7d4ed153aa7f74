/* tandem-import-responses.c — pulse-survey responses, one row per respondent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-import-private.h"
#include "tandem-survey.h"

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
  TandemImportHeader  header;
  TandemStmt       *add_department;
  TandemStmt       *add_role;
  GHashTable         *departments;  /* casefolded name → id */
  GHashTable         *roles;        /* casefolded name → TandemRoleSeen */
  GHashTable         *waves;        /* title → WaveSeen */
  GHashTable         *exact[2];     /* department, role: the name as written → id, to skip casefolding */
  TandemSurveyTally  *tally;
  GHashTable         *existing;     /* wave id → title: waves that had answers before */
  GPtrArray          *wave_order;   /* WaveSeen, as the file first names them */
} ResponseImport;

/* A row that passed every check, waiting to be written with its wave's. */
typedef struct
{
  gint64  wave;
  gint64  role;         /* 0 for none */
  gint64  department;   /* 0 for none */
  guint8  level;
  guint8  scores[TANDEM_N_DIMENSIONS];
} PendingResponse;

typedef struct
{
  gint64  id;
  char   *fielded_on;
  guint   line;
  GArray *rows;         /* PendingResponse */
} WaveSeen;

static void
wave_seen_free (WaveSeen *wave)
{
  g_free (wave->fielded_on);
  g_array_unref (wave->rows);
  g_free (wave);
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
  if (!tandem_import_named_id (import->store, kind == 'd' ? import->departments : import->roles,
                               kind == 'd' ? import->add_department : import->add_role, name, level, import->report,
                               out_id, error))
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
  TandemImportHeader *h = &import->header;
  guint problems_before = report->n_problems;
  const char *title, *fielded_on;
  g_autoptr(GDate) fielded = NULL;
  TandemLevel level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
  int scores[TANDEM_N_DIMENSIONS];
  gint64 department = 0, role = 0;
  WaveSeen *wave;

  if (!tandem_import_take_row (h, line, fields, report))
    return TRUE;

  title = tandem_import_field (h, fields, R_WAVE);
  fielded_on = tandem_import_field (h, fields, R_FIELDED_ON);

  wave = g_hash_table_lookup (import->waves, title);

  if (*title == '\0')
    tandem_import_add_problem (report, line, response_columns[R_WAVE], _("every response needs the wave’s title"));
  /* A wave's date was checked on its first row. */
  if (wave == NULL || g_strcmp0 (wave->fielded_on, fielded_on) != 0)
    fielded = tandem_import_parse_date (report, line, response_columns[R_FIELDED_ON], fielded_on);
  if (!tandem_parse_level (tandem_import_field (h, fields, R_LEVEL), &level))
    tandem_import_add_problem (report, line, response_columns[R_LEVEL],
                               _("“%s” is not a level; use executive, manager or individual contributor"),
                               tandem_import_field (h, fields, R_LEVEL));
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    if (!tandem_survey_parse_score (tandem_import_field (h, fields, R_OPTIMISM + d), &scores[d]))
      tandem_import_add_problem (report, line, response_columns[R_OPTIMISM + d],
                   _("“%s” is not a score; use 1 to 5, an agreement such as “Strongly agree”, "
                     "or leave it empty"),
                   tandem_import_field (h, fields, R_OPTIMISM + d));

  if (report->n_problems > problems_before)
    return TRUE;

  if (wave != NULL && g_strcmp0 (wave->fielded_on, fielded_on) != 0)
    {
      tandem_import_add_problem (report, line, response_columns[R_FIELDED_ON],
                                 _("the wave “%s” is fielded on %s on line %u; a wave has one date"), title,
                                 wave->fielded_on, wave->line);
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
          tandem_import_add_problem (report, line, response_columns[R_FIELDED_ON], "%s", local_error->message);
          return TRUE;
        }
      wave = g_new0 (WaveSeen, 1);
      wave->id = id;
      wave->fielded_on = g_strdup (fielded_on);
      wave->line = line;
      wave->rows = g_array_new (FALSE, FALSE, sizeof (PendingResponse));
      g_hash_table_insert (import->waves, g_strdup (title), wave);
      g_ptr_array_add (import->wave_order, wave);
      g_ptr_array_add (report->notes,
                       created ? g_strdup_printf (_("New survey wave: %s, fielded %s"), title, fielded_on)
                               : g_strdup_printf (_("Responses added to the wave %s"), title));
      if (!created)
        g_hash_table_insert (import->existing, g_memdup2 (&id, sizeof id), g_strdup (title));
    }

  if (!response_named_id (import, 'd', tandem_import_field (h, fields, R_DEPARTMENT), level, &department, error) ||
      !response_named_id (import, 'r', tandem_import_field (h, fields, R_ROLE), level, &role, error))
    return FALSE;

  {
    PendingResponse row = { wave->id, role, department, (guint8)level, { (guint8)scores[0], (guint8)scores[1],
                                                               (guint8)scores[2] } };

    G_STATIC_ASSERT (TANDEM_N_DIMENSIONS == 3);
    g_array_append_val (wave->rows, row);
  }
  tandem_survey_tally_add (import->tally, wave->id, level, department, role, scores);
  report->created++;
  return TRUE;
}

/* Every row passed: write them a wave at a time (survey tools export the
 * waves mixed), each wave's in one statement. */
static gboolean
response_finish (gpointer   user_data,
                 GError   **error)
{
  ResponseImport *import = user_data;
  const char *level_names[TANDEM_N_LEVELS];
  const TandemRowsColumn columns[] = {
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (PendingResponse, wave), NULL },
    { TANDEM_ROWS_NAME8, G_STRUCT_OFFSET (PendingResponse, level), level_names },
    { TANDEM_ROWS_ID64, G_STRUCT_OFFSET (PendingResponse, role), NULL },
    { TANDEM_ROWS_ID64, G_STRUCT_OFFSET (PendingResponse, department), NULL },
    { TANDEM_ROWS_ID8, G_STRUCT_OFFSET (PendingResponse, scores[0]), NULL },
    { TANDEM_ROWS_ID8, G_STRUCT_OFFSET (PendingResponse, scores[1]), NULL },
    { TANDEM_ROWS_ID8, G_STRUCT_OFFSET (PendingResponse, scores[2]), NULL },
  };

  for (TandemLevel level = 0; level < TANDEM_N_LEVELS; level++)
    level_names[level] = tandem_level_to_string (level);

  /* A few answers added to a wave already reported on would show up as the
   * difference between two reports. */
  if (!tandem_survey_tally_check_additions (import->tally, import->existing,
                                            TANDEM_DEFAULT_ANONYMITY_THRESHOLD, error))
    return FALSE;

  for (guint w = 0; w < import->wave_order->len; w++)
    {
      const WaveSeen *wave = g_ptr_array_index (import->wave_order, w);
      TandemRows rows = { wave->rows->data, sizeof (PendingResponse), wave->rows->len, columns,
                          G_N_ELEMENTS (columns) };

      if (!tandem_store_insert_rows (import->store,
                                     "INSERT INTO survey_response (wave_id, level, role_id, department_id,"
                                     "                             optimism, resources, transparency)"
                                     " SELECT c0, c1, c2, c3, c4, c5, c6 FROM tandem_rows",
                                     "INSERT INTO survey_response (wave_id, level, role_id, department_id,"
                                     "                             optimism, resources, transparency)"
                                     " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                     &rows, error))
        return FALSE;
    }
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
  g_autoptr(TandemStmt) add_department = NULL;
  g_autoptr(TandemStmt) add_role = NULL;
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) waves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)wave_seen_free);
  g_autoptr(TandemSurveyTally) tally = tandem_survey_tally_new ();
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) exact_departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) exact_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) wave_order = g_ptr_array_new ();
  ResponseImport import = { store, report, { response_columns, R_N, mapping, RESPONSE_OPTIONAL, { 0, }, 0, FALSE,
                                                         FALSE },
                            NULL, NULL, departments, roles, waves, { exact_departments, exact_roles },
                            tally, existing, wave_order };

  if (!(add_department = tandem_store_prepare (store, "INSERT INTO department (name) VALUES ($1)", error)) ||
      !(add_role = tandem_store_prepare (store, "INSERT INTO role (name, level) VALUES ($1, $2)", error)) ||
      !tandem_import_load_ids (store, "SELECT id, name FROM department", departments, TRUE, error) ||
      !tandem_import_load_ids (store, "SELECT id, name, level FROM role", roles, TRUE, error))
    return FALSE;

  import.add_department = add_department;
  import.add_role = add_role;

  return tandem_import_in_transaction (store, path, response_row_cb, response_finish, &import, report, cancellable,
                                       error);
}

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

const TandemImporter tandem_responses_importer = {
  response_columns, R_N, RESPONSE_OPTIONAL, import_responses, guess_response_column,
};
