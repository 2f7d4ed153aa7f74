/* tandem-survey.c — survey waves, their wordings, scores and tallies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-store-dialect.h"
#include "tandem-store-private.h"
#include "tandem-survey.h"

/**
 * tandem_survey_default_wording:
 *
 * The item a new wave asks each audience on @dimension, as in the
 * published leader/IC surveys. Leaders are asked about what they provide;
 * individual contributors about what they receive.
 *
 * Returns: (transfer none): the translated wording
 */
const char *
tandem_survey_default_wording (TandemDimension dimension,
                               TandemAudience  audience)
{
  gboolean leaders = audience == TANDEM_AUDIENCE_LEADERS;

  switch (dimension)
    {
    case TANDEM_DIMENSION_OPTIMISM:
      return _("AI will help us achieve our company objectives");
    case TANDEM_DIMENSION_RESOURCES:
      return leaders ? _("We provide the AI training our teams need")
                     : _("I have access to the AI tools and knowledge I need");
    case TANDEM_DIMENSION_TRANSPARENCY:
      return leaders ? _("I have communicated our AI plans effectively")
                     : _("I feel informed about our AI plans");
    case TANDEM_N_DIMENSIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The labels survey tools write for a five-point agreement scale. */
static const struct {
  const char *label;
  int         score;
} score_labels[] = {
  { "strongly disagree", 1 },
  { "disagree", 2 },
  { "neither agree nor disagree", 3 },
  { "neither", 3 },
  { "neutral", 3 },
  { "agree", 4 },
  { "strongly agree", 5 },
};

/**
 * tandem_survey_parse_score:
 * @text: a cell: 1 to 5, or an agreement label such as “Strongly agree”
 * @out_score: (out): 1–5, or 0 when @text is empty (not answered)
 *
 * Returns: %FALSE when @text is neither empty, a score nor a label
 */
gboolean
tandem_survey_parse_score (const char *text,
                           int        *out_score)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_score != NULL, FALSE);

  *out_score = 0;
  if (*text == '\0')
    return TRUE;

  /* "3", and "3.0" as a spreadsheet may write it. */
  if (text[0] >= '1' && text[0] <= '5' &&
      (text[1] == '\0' || (text[1] == '.' && text[2] != '\0' && strspn (text + 2, "0") == strlen (text + 2))))
    {
      *out_score = text[0] - '0';
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (score_labels); i++)
    if (g_ascii_strcasecmp (text, score_labels[i].label) == 0)
      {
        *out_score = score_labels[i].score;
        return TRUE;
      }
  return FALSE;
}

static const char *
audience_to_string (TandemAudience audience)
{
  return audience == TANDEM_AUDIENCE_LEADERS ? "leaders" : "individual_contributors";
}

/**
 * tandem_survey_ensure_wave:
 * @out_created: (out) (optional): whether the wave is new
 *
 * Finds the wave called @title, or creates it with the default wording for
 * every dimension and audience. An existing wave must have been fielded on
 * @fielded_on.
 *
 * Returns: %FALSE with @error set (%TANDEM_STORE_ERROR_INVALID when the
 *   dates differ)
 */
gboolean
tandem_survey_ensure_wave (TandemStore  *store,
                           const char   *title,
                           const char   *fielded_on,
                           gint64       *out_id,
                           gboolean     *out_created,
                           GError      **error)
{
  g_autoptr(TandemStmt) find = NULL;
  g_autoptr(TandemStmt) wave = NULL;
  g_autoptr(TandemStmt) item = NULL;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (title != NULL && fielded_on != NULL, FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);

  if (!(find = tandem_store_prepare (store, "SELECT id, fielded_on FROM survey_wave WHERE title = $1", error)))
    return FALSE;
  tandem_stmt_bind_text (find, 1, title);
  if (tandem_stmt_step (find, NULL) == TANDEM_STEP_ROW)
    {
      if (g_strcmp0 (tandem_stmt_get_text (find, 1), fielded_on) != 0)
        {
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                       _("the wave “%s” was fielded on %s, not %s"),
                       title, tandem_stmt_get_text (find, 1), fielded_on);
          return FALSE;
        }
      *out_id = tandem_stmt_get_int64 (find, 0);
      if (out_created != NULL)
        *out_created = FALSE;
      return TRUE;
    }

  if (!(wave = tandem_store_prepare (store, "INSERT INTO survey_wave (title, fielded_on) VALUES ($1, $2)",
                                     error)) ||
      !(item = tandem_store_prepare (store,
                                     "INSERT INTO survey_item (wave_id, dimension, audience, wording)"
                                     " VALUES ($1, $2, $3, $4)",
                                     error)))
    return FALSE;

  tandem_stmt_bind_text (wave, 1, title);
  tandem_stmt_bind_text (wave, 2, fielded_on);
  if (!tandem_stmt_step_done (wave, error))
    return FALSE;
  id = tandem_store_get_last_insert_id (store);

  for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
    for (TandemAudience a = 0; a < TANDEM_N_AUDIENCES; a++)
      {
        tandem_stmt_bind_int64 (item, 1, id);
        tandem_stmt_bind_text (item, 2, tandem_dimension_to_string (d));
        tandem_stmt_bind_text (item, 3, audience_to_string (a));
        tandem_stmt_bind_text (item, 4, tandem_survey_default_wording (d, a));
        if (!tandem_stmt_step_done (item, error))
          return FALSE;
      }

  *out_id = id;
  if (out_created != NULL)
    *out_created = TRUE;
  return TRUE;
}

/* ----- tallies ----- */

typedef struct
{
  gint64       wave_id;
  gint64       department_id;
  gint64       role_id;
  TandemLevel  level;
} TallyKey;

typedef struct
{
  TallyKey key;
  guint    answered[TANDEM_N_DIMENSIONS];
  guint    favourable[TANDEM_N_DIMENSIONS];
  guint    respondents;
} TallyCell;

/* Cells by key, in one array probed in line. A wave id of 0 marks a free
 * slot, as no wave has it. */
typedef struct
{
  TallyCell *cells;
  gsize      capacity;   /* a power of two, or 0 */
  gsize      n_cells;
} TallyTable;

/* The three groupings a tally is reported by. */
enum { GROUPING_ALL, GROUPING_DEPARTMENT, GROUPING_ROLE, N_GROUPINGS };

/* Each grouping counted as the answers come: three small tables that stay
 * in the processor's cache, where one cell per department, role and level
 * of each wave (a hundred thousand and more) cost a cache miss an answer. */
struct _TandemSurveyTally
{
  TallyTable groupings[N_GROUPINGS];
};

static guint
tally_key_hash (const TallyKey *k)
{
  guint32 h = (guint32)k->wave_id * 0x9E3779B1u ^ (guint32)k->department_id * 0x85EBCA77u ^
              (guint32)k->role_id * 0xC2B2AE3Du ^ (guint32)k->level * 0x27D4EB2Fu;

  /* Mix the high bits down: the table uses the low ones. */
  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  return h ^ (h >> 13);
}

static gboolean
tally_key_equal (const TallyKey *a,
                 const TallyKey *b)
{
  return a->wave_id == b->wave_id && a->department_id == b->department_id &&
         a->role_id == b->role_id && a->level == b->level;
}

static void
tally_table_clear (TallyTable *table)
{
  g_clear_pointer (&table->cells, g_free);
  table->capacity = 0;
  table->n_cells = 0;
}

static TallyCell *tally_table_cell (TallyTable     *table,
                                    const TallyKey *key);

/* Twice the room, every cell moved to its place in it. */
static void
tally_table_grow (TallyTable *table)
{
  TallyTable grown = { NULL, MAX (table->capacity * 2, 1024), 0 };

  grown.cells = g_new0 (TallyCell, grown.capacity);
  for (gsize i = 0; i < table->capacity; i++)
    if (table->cells[i].key.wave_id != 0)
      *tally_table_cell (&grown, &table->cells[i].key) = table->cells[i];
  g_free (table->cells);
  *table = grown;
}

/* @key's cell, a new one counting nothing when there was none. */
static TallyCell *
tally_table_cell (TallyTable     *table,
                  const TallyKey *key)
{
  gsize mask;

  g_assert (key->wave_id != 0);

  /* At most half full, so a probe ends soon. */
  if ((table->n_cells + 1) * 2 > table->capacity)
    tally_table_grow (table);
  mask = table->capacity - 1;
  for (gsize i = tally_key_hash (key) & mask;; i = (i + 1) & mask)
    {
      TallyCell *cell = &table->cells[i];

      if (cell->key.wave_id == 0)
        {
          cell->key = *key;
          table->n_cells++;
          return cell;
        }
      if (tally_key_equal (&cell->key, key))
        return cell;
    }
}

TandemSurveyTally *
tandem_survey_tally_new (void)
{
  return g_new0 (TandemSurveyTally, 1);
}

static void
clear_groupings (TallyTable groupings[N_GROUPINGS])
{
  for (guint g = 0; g < N_GROUPINGS; g++)
    tally_table_clear (&groupings[g]);
}

void
tandem_survey_tally_free (TandemSurveyTally *tally)
{
  if (tally == NULL)
    return;
  clear_groupings (tally->groupings);
  g_free (tally);
}

/**
 * tandem_survey_tally_add:
 * @department_id: 0 for none
 * @role_id: 0 for none
 * @scores: (array fixed-size=3): one respondent's score per dimension, 0 when not answered
 */
void
tandem_survey_tally_add (TandemSurveyTally *tally,
                         gint64             wave_id,
                         TandemLevel        level,
                         gint64             department_id,
                         gint64             role_id,
                         const int         *scores)
{
  g_return_if_fail (tally != NULL);
  g_return_if_fail (level < TANDEM_N_LEVELS);
  g_return_if_fail (wave_id > 0);

  for (guint g = 0; g < N_GROUPINGS; g++)
    {
      TallyKey key = { wave_id, g == GROUPING_DEPARTMENT ? department_id : 0, g == GROUPING_ROLE ? role_id : 0,
                       level };
      TallyCell *cell = tally_table_cell (&tally->groupings[g], &key);

      cell->respondents++;
      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        if (scores[d] > 0)
          {
            cell->answered[d]++;
            cell->favourable[d] += scores[d] >= 4;
          }
    }
}

static gboolean
add_row (TandemStmt  *upsert,
         TandemStore   *store,
         const TallyCell *cell,
         const char    *grouping,
         gint64         group_id,
         GError       **error)
{
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      if (cell->answered[d] == 0)
        continue;
      tandem_stmt_bind_int64 (upsert, 1, cell->key.wave_id);
      tandem_stmt_bind_text (upsert, 2, tandem_dimension_to_string (d));
      tandem_stmt_bind_text (upsert, 3, tandem_level_to_string (cell->key.level));
      tandem_stmt_bind_text (upsert, 4, grouping);
      tandem_stmt_bind_int64 (upsert, 5, group_id);
      tandem_stmt_bind_int (upsert, 6, (int)cell->answered[d]);
      tandem_stmt_bind_int (upsert, 7, (int)cell->favourable[d]);
      if (!tandem_stmt_step_done (upsert, error))
        return FALSE;
    }
  return TRUE;
}

/* The first group of a wave in @existing that would gain answers from
 * one to @threshold - 1 on a question; NULL if none would. */
static const TallyCell *
find_too_few (TallyTable  groupings[N_GROUPINGS],
              GHashTable *existing,
              guint       threshold,
              guint      *out_dimension)
{
  for (guint g = 0; g < N_GROUPINGS; g++)
    for (gsize i = 0; i < groupings[g].capacity; i++)
      {
        const TallyCell *cell = &groupings[g].cells[i];

        if (cell->key.wave_id == 0 || !g_hash_table_contains (existing, &cell->key.wave_id))
          continue;
        for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
          if (cell->answered[d] > 0 && cell->answered[d] < threshold)
            {
              *out_dimension = d;
              return cell;
            }
      }
  return NULL;
}

/**
 * tandem_survey_tally_check_additions:
 * @existing: wave id (gint64 *) → title, the waves that had answers before
 * @threshold: the anonymity threshold
 *
 * Answers added to a wave already reported on could be worked out by
 * comparing a report before and after: the added few are the difference.
 * So every group (everyone, a department, a role, at each level and on
 * each question) of an existing wave gains none, or at least @threshold.
 *
 * Returns: %FALSE with @error set (%TANDEM_STORE_ERROR_INVALID) when a group
 *   would gain fewer
 */
gboolean
tandem_survey_tally_check_additions (TandemSurveyTally  *tally,
                                     GHashTable         *existing,
                                     guint               threshold,
                                     GError            **error)
{
  const TallyCell *cell;
  guint d = 0;

  g_return_val_if_fail (tally != NULL && existing != NULL, FALSE);

  cell = find_too_few (tally->groupings, existing, threshold, &d);
  if (cell != NULL)
    g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Adding %u answer to the wave “%s” would let anyone who compares a "
                              "report before and after work out what was said. Add at least %u at a "
                              "time to every group, or import them as a new wave.",
                              "Adding %u answers to the wave “%s” would let anyone who compares a "
                              "report before and after work out what was said. Add at least %u at a "
                              "time to every group, or import them as a new wave.",
                              cell->answered[d]),
                 cell->answered[d], (const char *)g_hash_table_lookup (existing, &cell->key.wave_id),
                 threshold);
  return cell == NULL;
}

/* Writes the groupings' figures and each wave's respondents. */
static gboolean
write_groupings (TandemStore  *store,
                 TallyTable    groupings[N_GROUPINGS],
                 GError      **error)
{
  static const char * const names[N_GROUPINGS] = { "all", "department", "role" };
  g_autoptr(TandemStmt) upsert = NULL;
  g_autoptr(TandemStmt) count = NULL;

  upsert = tandem_store_prepare (store,
                                 "INSERT INTO survey_tally (wave_id, dimension, level, grouping, group_id,"
                                 "                          answered, favourable)"
                                 " VALUES ($1, $2, $3, $4, $5, $6, $7)"
                                 " ON CONFLICT (wave_id, dimension, level, grouping, group_id) DO UPDATE"
                                 "   SET answered = answered + excluded.answered,"
                                 "       favourable = favourable + excluded.favourable",
                                 error);
  /* Each level of each wave adds its respondents to the wave's (schema 7). */
  count = tandem_store_prepare (store, "UPDATE survey_wave SET respondents = respondents + $2 WHERE id = $1", error);
  if (upsert == NULL || count == NULL)
    return FALSE;

  for (guint g = 0; g < N_GROUPINGS; g++)
    for (gsize i = 0; i < groupings[g].capacity; i++)
      {
        const TallyCell *cell = &groupings[g].cells[i];

        if (cell->key.wave_id == 0)
          continue;
        if (g == GROUPING_ALL)
          {
            tandem_stmt_bind_int64 (count, 1, cell->key.wave_id);
            tandem_stmt_bind_int64 (count, 2, cell->respondents);
            if (!tandem_stmt_step_done (count, error))
              return FALSE;
          }
        if (!add_row (upsert, store, cell, names[g],
                      g == GROUPING_DEPARTMENT ? cell->key.department_id : cell->key.role_id, error))
          return FALSE;
      }
  return TRUE;
}

/**
 * tandem_survey_tally_flush:
 *
 * Adds what @tally counted to survey_tally — overall, per department and
 * per role — and to each wave's respondents, inside the caller's
 * transaction, and empties @tally. An engine that counts each answer
 * itself (a team server) is left to it.
 */
gboolean
tandem_survey_tally_flush (TandemSurveyTally  *tally,
                           TandemStore        *store,
                           GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (tally != NULL, FALSE);
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  ok = tandem_store_keeps_tallies (store) || write_groupings (store, tally->groupings, error);
  clear_groupings (tally->groupings);
  return ok;
}

/**
 * tandem_survey_get_wording:
 *
 * Returns: (transfer full): what @wave_id asked @audience on @dimension,
 *   or %NULL with @error set
 */
char *
tandem_survey_get_wording (TandemStore      *store,
                           gint64            wave_id,
                           TandemDimension   dimension,
                           TandemAudience    audience,
                           GError          **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (dimension < TANDEM_N_DIMENSIONS && audience < TANDEM_N_AUDIENCES, NULL);

  stmt = tandem_store_prepare (store,
                               "SELECT wording FROM survey_item"
                               " WHERE wave_id = $1 AND dimension = $2 AND audience = $3",
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, wave_id);
  tandem_stmt_bind_text (stmt, 2, tandem_dimension_to_string (dimension));
  tandem_stmt_bind_text (stmt, 3, audience_to_string (audience));
  switch (tandem_stmt_step (stmt, error))
    {
    case TANDEM_STEP_ROW:
      return g_strdup (tandem_stmt_get_text (stmt, 0));
    case TANDEM_STEP_DONE:
      /* A wave made before wordings were kept: it asked the defaults. */
      return g_strdup (tandem_survey_default_wording (dimension, audience));
    case TANDEM_STEP_ERROR:
    default:
      return NULL;
    }
}

/**
 * tandem_survey_set_wording:
 * @wording: the item's text; surrounding spaces are dropped, it may not be empty
 *
 * Records how a wave worded one item for one audience.
 */
gboolean
tandem_survey_set_wording (TandemStore      *store,
                           gint64            wave_id,
                           TandemDimension   dimension,
                           TandemAudience    audience,
                           const char       *wording,
                           GError          **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (dimension < TANDEM_N_DIMENSIONS && audience < TANDEM_N_AUDIENCES, FALSE);
  g_return_val_if_fail (wording != NULL, FALSE);

  text = g_strstrip (g_strdup (wording));
  if (*text == '\0')
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("Every question needs its wording; write what the survey asked."));
      return FALSE;
    }
  if (!tandem_store_check_length (error, _("A question’s wording"), text, TANDEM_LIMIT_LONG))
    return FALSE;

  stmt = tandem_store_prepare (store,
                               "INSERT INTO survey_item (wave_id, dimension, audience, wording)"
                               " VALUES ($1, $2, $3, $4)"
                               " ON CONFLICT (wave_id, dimension, audience) DO UPDATE SET wording = excluded.wording",
                               error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, wave_id);
  tandem_stmt_bind_text (stmt, 2, tandem_dimension_to_string (dimension));
  tandem_stmt_bind_text (stmt, 3, audience_to_string (audience));
  tandem_stmt_bind_text (stmt, 4, text);
  return tandem_stmt_step_done (stmt, error);
}
