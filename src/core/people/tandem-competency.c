/* tandem-competency.c — what a role should be able to do with AI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Competencies (using AI tools in one's own work, judging AI output…) have
 * three levels. A role sets a target level per competency; a program
 * raises competencies to a level for everyone who completes it; a person's
 * attained level is the highest a completed program gave them. Levels are
 * called Aware, Practising and Leading, in the user's language, unless the
 * organisation renamed them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tandem-competency.h"
#include "tandem-person-private.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

void
tandem_competency_free (TandemCompetency *competency)
{
  if (competency == NULL)
    return;
  g_free (competency->name);
  g_free (competency->description);
  g_free (competency);
}

/**
 * tandem_competency_list:
 *
 * Returns: (transfer full) (element-type TandemCompetency): every
 *   competency, in the organisation's order, or %NULL with @error set
 */
GPtrArray *
tandem_competency_list (TandemStore  *store,
                        GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_competency_free);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, "SELECT id, name, description FROM competency"
                                      " ORDER BY position, name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemCompetency *competency = g_new0 (TandemCompetency, 1);

      competency->id = tandem_stmt_get_int64 (stmt, 0);
      competency->name = g_strdup (tandem_stmt_get_text (stmt, 1));
      competency->description = g_strdup (tandem_stmt_get_text (stmt, 2));
      g_ptr_array_add (list, competency);
    }
  return step == TANDEM_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

/* Returns: the new competency's id, last in the order; 0 with @error set */
gint64
tandem_competency_add (TandemStore  *store,
                       const char   *name,
                       const char   *description,
                       GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);

  if (*trimmed == '\0')
    {
      tandem_store_set_invalid (error, _("A competency needs a name."));
      return 0;
    }
  if (!tandem_store_check_length (error, _("A competency’s name"), name, TANDEM_LIMIT_SHORT) ||
      !tandem_store_check_length (error, _("A competency’s description"), description, TANDEM_LIMIT_LONG))
    return 0;
  stmt = tandem_store_prepare (store, "INSERT INTO competency (name, description, position)"
                                      " VALUES (trim ($1), $2, (SELECT coalesce (max (position), 0) + 1"
                                      "                           FROM competency))"
                                      " RETURNING id", error);
  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_text (stmt, 1, name);
  tandem_stmt_bind_text (stmt, 2, description != NULL ? description : "");
  if (tandem_stmt_step (stmt, error) != TANDEM_STEP_ROW)
    return 0;
  return tandem_stmt_get_int64 (stmt, 0);
}

/**
 * tandem_competency_level_dup_name:
 * @level: 1 to 3
 *
 * Returns: (transfer full): what the organisation calls @level, or Aware,
 *   Practising or Leading in the user's language
 */
char *
tandem_competency_level_dup_name (TandemStore *store,
                                  guint        level)
{
  static const char * const defaults[TANDEM_N_COMPETENCY_LEVELS] = {
    /* Translators: the three levels of an AI competency */
    N_("Aware"), N_("Practising"), N_("Leading"),
  };
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (level >= 1 && level <= TANDEM_N_COMPETENCY_LEVELS, NULL);

  if (store != NULL &&
      (stmt = tandem_store_prepare (store, "SELECT name FROM competency_level WHERE level = $1", NULL)) != NULL)
    {
      tandem_stmt_bind_int (stmt, 1, (int)level);
      if (tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW)
        return g_strdup (tandem_stmt_get_text (stmt, 0));
    }
  return g_strdup (_(defaults[level - 1]));
}

/**
 * tandem_competency_parse_level:
 * @text: a level as a file writes it
 * @out_level: (out): 0 (none) to 3
 *
 * Reads 0 to 3, or a level's name: the organisation's, or the default in
 * English or the user's language, any case. Empty is none.
 */
gboolean
tandem_competency_parse_level (TandemStore *store,
                               const char  *text,
                               guint       *out_level)
{
  static const char * const english[TANDEM_N_COMPETENCY_LEVELS] = { "aware", "practising", "leading" };
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  g_return_val_if_fail (out_level != NULL, FALSE);

  g_strstrip (folded);
  if (*folded == '\0' || (folded[0] >= '0' && folded[0] <= '3' && folded[1] == '\0'))
    {
      *out_level = *folded == '\0' ? 0 : (guint)(folded[0] - '0');
      return TRUE;
    }
  for (guint level = 1; level <= TANDEM_N_COMPETENCY_LEVELS; level++)
    {
      g_autofree char *name = tandem_competency_level_dup_name (store, level);
      g_autofree char *name_folded = g_utf8_casefold (name, -1);

      if (g_str_equal (folded, english[level - 1]) || g_str_equal (folded, name_folded))
        {
          *out_level = level;
          return TRUE;
        }
    }
  return FALSE;
}

/* @name: (nullable): the level's new name; %NULL or empty for the default */
gboolean
tandem_competency_level_set_name (TandemStore  *store,
                                  guint         level,
                                  const char   *name,
                                  GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  gboolean clear = name == NULL || *name == '\0';

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (level >= 1 && level <= TANDEM_N_COMPETENCY_LEVELS, FALSE);

  if (!clear && !tandem_store_check_length (error, _("A level’s name"), name, TANDEM_LIMIT_SHORT))
    return FALSE;
  stmt = tandem_store_prepare (store, clear ? "DELETE FROM competency_level WHERE level = $1"
                                            : "INSERT INTO competency_level (level, name) VALUES ($1, trim ($2))"
                                              " ON CONFLICT (level) DO UPDATE SET name = excluded.name", error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int (stmt, 1, (int)level);
  if (!clear)
    tandem_stmt_bind_text (stmt, 2, name);
  return tandem_stmt_step_done (stmt, error);
}

/* Sets (or with @level 0 clears) what @owner asks of, or gives to, the
 * competency called @competency: the owner is a role's or program's id. */
static gboolean
set_level (TandemStore  *store,
           const char   *set_sql,
           const char   *clear_sql,
           gint64        owner,
           const char   *competency,
           guint         level,
           GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  if (level > TANDEM_N_COMPETENCY_LEVELS)
    return tandem_store_set_invalid (error, _("A competency’s level is 1, 2 or 3."));
  stmt = tandem_store_prepare (store, level > 0 ? set_sql : clear_sql, error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, owner);
  tandem_stmt_bind_text (stmt, 2, competency);
  if (level > 0)
    tandem_stmt_bind_int (stmt, 3, (int)level);
  if (!tandem_stmt_step_done (stmt, error))
    return FALSE;
  if (level > 0 && tandem_store_get_changes (store) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no competency “%s”."), competency);

      return tandem_store_set_invalid (error, message);
    }
  return TRUE;
}

/**
 * tandem_role_set_target:
 * @level: the target, 1 to 3; 0 for none
 *
 * What people in the role called @role should reach in @competency.
 */
gboolean
tandem_role_set_target (TandemStore  *store,
                        const char   *role,
                        const char   *competency,
                        guint         level,
                        GError      **error)
{
  gint64 role_id = 0;
  g_autoptr(TandemStmt) find = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  find = tandem_store_prepare (store, "SELECT id FROM role WHERE name = trim ($1)", error);
  if (find == NULL)
    return FALSE;
  tandem_stmt_bind_text (find, 1, role != NULL ? role : "");
  if (tandem_stmt_step (find, error) == TANDEM_STEP_ROW)
    role_id = tandem_stmt_get_int64 (find, 0);
  if (role_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no role “%s”."), role != NULL ? role : "");

      return tandem_store_set_invalid (error, message);
    }
  return set_level (store,
                    "INSERT INTO role_competency (role_id, competency_id, target_level)"
                    " SELECT $1, id, $3 FROM competency WHERE name = trim ($2)"
                    " ON CONFLICT (role_id, competency_id) DO UPDATE SET target_level = excluded.target_level",
                    "DELETE FROM role_competency"
                    " WHERE role_id = $1 AND competency_id = (SELECT id FROM competency WHERE name = trim ($2))",
                    role_id, competency, level, error);
}

/**
 * tandem_program_set_competency:
 * @level: the level completing the program gives, 1 to 3; 0 for none
 */
gboolean
tandem_program_set_competency (TandemStore  *store,
                               gint64        program_id,
                               const char   *competency,
                               guint         level,
                               GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  return set_level (store,
                    "INSERT INTO program_competency (program_id, competency_id, level)"
                    " SELECT $1, id, $3 FROM competency WHERE name = trim ($2)"
                    " ON CONFLICT (program_id, competency_id) DO UPDATE SET level = excluded.level",
                    "DELETE FROM program_competency"
                    " WHERE program_id = $1 AND competency_id = (SELECT id FROM competency WHERE name = trim ($2))",
                    program_id, competency, level, error);
}

/* Returns: the level completing @program_id gives in @competency; 0 for none */
guint
tandem_program_get_competency (TandemStore *store,
                               gint64       program_id,
                               const char  *competency)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);

  stmt = tandem_store_prepare (store,
                               "SELECT pc.level FROM program_competency pc JOIN competency c ON c.id = pc.competency_id"
                               " WHERE pc.program_id = $1 AND c.name = trim ($2)",
                               NULL);
  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_int64 (stmt, 1, program_id);
  tandem_stmt_bind_text (stmt, 2, competency);
  return tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW ? (guint)tandem_stmt_get_int (stmt, 0) : 0;
}

/* Returns: the highest level a completed program gave @person_id in
 * @competency; 0 for none */
guint
tandem_person_get_attained (TandemStore *store,
                            gint64       person_id,
                            const char  *competency)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);

  stmt = tandem_store_prepare (store,
                               "SELECT coalesce (max (pc.level), 0) FROM enrollment e"
                               "  JOIN program_competency pc ON pc.program_id = e.program_id"
                               "  JOIN competency c ON c.id = pc.competency_id"
                               " WHERE e.person_id = $1 AND e.status = 'completed' AND c.name = trim ($2)",
                               NULL);
  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_int64 (stmt, 1, person_id);
  tandem_stmt_bind_text (stmt, 2, competency);
  return tandem_stmt_step (stmt, NULL) == TANDEM_STEP_ROW ? (guint)tandem_stmt_get_int (stmt, 0) : 0;
}

/* Each active person's attained level per competency their role targets,
 * counted per group; written out per grouping, so no SQL is put together
 * at run time. */
#define STANDING_SQL(group_join, group_name) \
  "WITH attained AS (" \
  "  SELECT e.person_id, pc.competency_id, max (pc.level) AS level" \
  "    FROM enrollment e JOIN program_competency pc ON pc.program_id = e.program_id" \
  "   WHERE e.status = 'completed' GROUP BY e.person_id, pc.competency_id)" \
  "SELECT " group_name ", c.name, rc.target_level, count (*)," \
  "       count (*) FILTER (WHERE coalesce (a.level, 0) >= rc.target_level), count (DISTINCT p.id)" \
  "  FROM person p" \
  "  JOIN role_competency rc ON rc.role_id = p.role_id" \
  "  JOIN competency c ON c.id = rc.competency_id" \
  "  " group_join \
  "  LEFT JOIN attained a ON a.person_id = p.id AND a.competency_id = rc.competency_id" \
  " WHERE p.active = 1" \
  " GROUP BY 1, c.id, rc.target_level" \
  " ORDER BY " group_name " COLLATE NOCASE, c.position, c.name COLLATE NOCASE, rc.target_level"

void
tandem_standing_free (TandemStanding *row)
{
  if (row == NULL)
    return;
  g_free (row->group);
  g_free (row->competency);
  g_free (row);
}

/* Adds @row's counts to the row of @rest for the same competency and
 * target, made when missing. */
static void
fold_into (GPtrArray            *rest,
           const TandemStanding *row)
{
  TandemStanding *into = NULL;

  for (guint i = 0; i < rest->len && into == NULL; i++)
    {
      TandemStanding *r = g_ptr_array_index (rest, i);

      if (g_str_equal (r->competency, row->competency) && r->target == row->target)
        into = r;
    }
  if (into == NULL)
    {
      into = g_new0 (TandemStanding, 1);
      into->competency = g_strdup (row->competency);
      into->target = row->target;
      g_ptr_array_add (rest, into);
    }
  into->people += row->people;
  into->at_target += row->at_target;
}

/**
 * tandem_competency_targets:
 *
 * Every role's target per competency, whoever has the role: rows with the
 * role as their group, and no counts.
 *
 * Returns: (transfer full) (element-type TandemStanding): the targets, or
 *   %NULL with @error set
 */
GPtrArray *
tandem_competency_targets (TandemStore  *store,
                           GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_standing_free);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, "SELECT r.name, c.name, rc.target_level FROM role_competency rc"
                                      "  JOIN role r ON r.id = rc.role_id JOIN competency c ON c.id = rc.competency_id"
                                      " ORDER BY r.name COLLATE NOCASE, c.position", error);
  if (stmt == NULL)
    return NULL;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemStanding *row = g_new0 (TandemStanding, 1);

      row->group = g_strdup (tandem_stmt_get_text (stmt, 0));
      row->competency = g_strdup (tandem_stmt_get_text (stmt, 1));
      row->target = (guint)tandem_stmt_get_int (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  return step == TANDEM_STEP_ERROR ? NULL : g_steal_pointer (&rows);
}

/* Largest first. */
static int
compare_sizes (gconstpointer a,
               gconstpointer b)
{
  guint na = GPOINTER_TO_UINT (a), nb = GPOINTER_TO_UINT (b);

  return na > nb ? -1 : na < nb;
}

/**
 * tandem_competency_standing:
 * @by_role: one group per role, else per department
 * @threshold: groups with fewer active people are shown together, last,
 *   as "N other roles"; left out when even together they are fewer
 * @max_groups: how many groups at most (0: all); the smallest beyond are
 *   shown together with those
 *
 * Returns: (transfer full) (element-type TandemStanding): one row per
 *   group, competency and target, or %NULL with @error set
 */
GPtrArray *
tandem_competency_standing (TandemStore  *store,
                            gboolean      by_role,
                            guint         threshold,
                            guint         max_groups,
                            GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_standing_free);
  g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_standing_free);
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemStmt) stmt = NULL;
  guint rest_people = 0, anonymity = threshold;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               by_role ? STANDING_SQL ("JOIN role g ON g.id = p.role_id", "g.name")
                                       : STANDING_SQL ("LEFT JOIN department g ON g.id = p.department_id",
                                                       "coalesce (g.name, '')"),
                               error);
  if (stmt == NULL)
    return NULL;
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      TandemStanding *row = g_new0 (TandemStanding, 1);
      guint distinct = (guint)tandem_stmt_get_int (stmt, 5);
      guint size;

      row->group = *tandem_stmt_get_text (stmt, 0) != '\0' ? g_strdup (tandem_stmt_get_text (stmt, 0))
                                                           : g_strdup (_("No department"));
      row->competency = g_strdup (tandem_stmt_get_text (stmt, 1));
      row->target = (guint)tandem_stmt_get_int (stmt, 2);
      row->people = (guint)tandem_stmt_get_int (stmt, 3);
      row->at_target = (guint)tandem_stmt_get_int (stmt, 4);
      size = GPOINTER_TO_UINT (g_hash_table_lookup (sizes, row->group));
      g_hash_table_replace (sizes, g_strdup (row->group), GUINT_TO_POINTER (MAX (size, distinct)));
      g_ptr_array_add (rows, row);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;

  /* A group is as large as its most-targeted competency's people; beyond
   * @max_groups, the smallest groups go with those under the threshold. */
  if (max_groups > 1 && g_hash_table_size (sizes) > max_groups)
    {
      g_autoptr(GList) by_size = g_hash_table_get_values (sizes);
      guint kept = 0, smallest_kept = G_MAXUINT;

      by_size = g_list_sort (by_size, compare_sizes);
      for (GList *l = by_size; l != NULL && kept < max_groups - 1; l = l->next, kept++)
        smallest_kept = GPOINTER_TO_UINT (l->data);
      threshold = MAX (threshold, smallest_kept);
    }
  for (guint i = rows->len; i > 0; i--)
    {
      TandemStanding *row = g_ptr_array_index (rows, i - 1);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, row->group)) >= threshold)
        continue;
      if (!g_hash_table_contains (folded, row->group))
        {
          g_hash_table_add (folded, g_strdup (row->group));
          rest_people += GPOINTER_TO_UINT (g_hash_table_lookup (sizes, row->group));
        }
      fold_into (rest, row);
    }
  for (guint i = rows->len; i > 0; i--)
    if (g_hash_table_contains (folded, ((TandemStanding *)g_ptr_array_index (rows, i - 1))->group))
      g_ptr_array_remove_index (rows, i - 1);

  if (rest->len > 0 && rest_people >= anonymity)
    {
      guint n = g_hash_table_size (folded);
      g_autofree char *name = g_strdup_printf (by_role ? g_dngettext (GETTEXT_PACKAGE, "%u other role",
                                                                      "%u other roles", n)
                                                       : g_dngettext (GETTEXT_PACKAGE, "%u other department",
                                                                      "%u other departments", n),
                                               n);

      for (guint i = rest->len; i > 0; i--)
        {
          TandemStanding *row = g_ptr_array_steal_index (rest, i - 1);

          row->group = g_strdup (name);
          g_ptr_array_add (rows, row);
        }
    }
  return g_steal_pointer (&rows);
}

/**
 * tandem_chart_new_competencies:
 *
 * Roles against competencies: each cell the share of the role's active
 * people at or above its target, with n; blank where the role sets none.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_competencies (TandemStore  *store,
                               guint         threshold,
                               GError      **error)
{
  g_autoptr(GPtrArray) competencies = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *note = NULL;
  const char *group = NULL;
  guint category = 0;
  guint people[TANDEM_CHART_MAX_COLUMNS], at_target[TANDEM_CHART_MAX_COLUMNS];

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if (!(competencies = tandem_competency_list (store, error)) ||
      !(rows = tandem_competency_standing (store, TRUE, threshold, 14, error)))
    return NULL;

  chart = tandem_chart_new (_("Where each role stands against its AI-literacy targets"));
  tandem_chart_set_kind (chart, TANDEM_CHART_HEATMAP);
  tandem_chart_set_subtitle (chart, _("Share of each role’s active people at or above the level it targets"));
  tandem_chart_set_scale_labels (chart, _("Fewer at target"), _("More at target"));
  tandem_chart_set_cells_show_n (chart, TRUE);
  tandem_chart_set_empty_text (chart, _("No role sets a competency target yet. Set targets by role, and the "
                                        "competencies each program raises, to see where roles stand."));
  /* As many competencies as a heatmap has columns; the report has them all. */
  for (guint c = 0; c < MIN (competencies->len, TANDEM_CHART_MAX_COLUMNS); c++)
    {
      TandemCompetency *competency = g_ptr_array_index (competencies, c);

      g_hash_table_insert (columns, competency->name,
                           GUINT_TO_POINTER (tandem_chart_add_series (chart, competency->name) + 1));
    }
  /* A group's rows for one competency (the rest together may hold several
   * targets) add up to one cell. */
  for (guint r = 0; r < rows->len; r++)
    {
      TandemStanding *row = g_ptr_array_index (rows, r);
      guint series = GPOINTER_TO_UINT (g_hash_table_lookup (columns, row->competency));

      if (group == NULL || !g_str_equal (group, row->group))
        {
          group = row->group;
          category = tandem_chart_add_category (chart, row->group);
          memset (people, 0, sizeof people);
          memset (at_target, 0, sizeof at_target);
        }
      if (series == 0)
        continue;
      people[series - 1] += row->people;
      at_target[series - 1] += row->at_target;
      if (people[series - 1] > 0)
        tandem_chart_set_value (chart, series - 1, category, 100.0 * at_target[series - 1] / people[series - 1],
                                NAN, NAN, people[series - 1]);
    }
  note = g_strdup_printf (_("Attained: the highest level a completed program gave. n: active people whose role "
                            "sets the target. The largest roles, then the rest together; a role of fewer than %u "
                            "people is always with the rest."),
                          threshold);
  tandem_chart_set_note (chart, note);
  return g_steal_pointer (&chart);
}

void
tandem_next_step_free (TandemNextStep *step)
{
  if (step == NULL)
    return;
  g_free (step->role);
  g_free (step->competency);
  g_free (step->program);
  g_free (step);
}

/**
 * tandem_competency_next_steps:
 * @today: programs that ended before it are not offered
 *
 * For each role and competency where active people are below the role's
 * target, the program that would raise them to it: meant for the role (or
 * for everyone), not over, with room left; the one with the most room
 * first. Most people lacking first.
 *
 * Returns: (transfer full) (element-type TandemNextStep): the steps, or
 *   %NULL with @error set
 */
GPtrArray *
tandem_competency_next_steps (TandemStore  *store,
                              const GDate  *today,
                              GError      **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_next_step_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemStmt) stmt = NULL;
  g_autofree char *day = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = tandem_store_prepare (store,
                               "WITH attained AS ("
                               "  SELECT e.person_id, pc.competency_id, max (pc.level) AS level"
                               "    FROM enrollment e JOIN program_competency pc ON pc.program_id = e.program_id"
                               "   WHERE e.status = 'completed' GROUP BY e.person_id, pc.competency_id),"
                               " lacking AS ("
                               "  SELECT r.id AS role_id, r.name AS role, c.id AS competency_id, c.name AS competency,"
                               "         c.position, rc.target_level AS target, count (*) AS lacking"
                               "    FROM person p JOIN role r ON r.id = p.role_id"
                               "    JOIN role_competency rc ON rc.role_id = p.role_id"
                               "    JOIN competency c ON c.id = rc.competency_id"
                               "    LEFT JOIN attained a ON a.person_id = p.id AND a.competency_id = rc.competency_id"
                               "   WHERE p.active = 1 AND coalesce (a.level, 0) < rc.target_level"
                               "   GROUP BY r.id, c.id, rc.target_level),"
                               " options AS ("
                               "  SELECT l.*, g.id AS program_id, g.title,"
                               "         g.capacity - (SELECT count (*) FROM enrollment e"
                               "                        WHERE e.program_id = g.id AND e.status <> 'dropped') AS room"
                               "    FROM lacking l"
                               "    JOIN program_competency pc ON pc.competency_id = l.competency_id"
                               "         AND pc.level >= l.target"
                               "    JOIN program g ON g.id = pc.program_id"
                               "   WHERE (g.ends_on IS NULL OR g.ends_on >= $1)"
                               "     AND (NOT EXISTS (SELECT 1 FROM program_role WHERE program_id = g.id)"
                               "          OR EXISTS (SELECT 1 FROM program_role"
                               "                      WHERE program_id = g.id AND role_id = l.role_id)))"
                               "SELECT role, competency, target, lacking, program_id, title, room FROM options"
                               " WHERE room IS NULL OR room > 0"
                               " ORDER BY lacking DESC, role COLLATE NOCASE, position, room IS NULL DESC, room DESC,"
                               "          title COLLATE NOCASE",
                               error);
  if (stmt == NULL)
    return NULL;
  day = tandem_date_to_iso (today);
  tandem_stmt_bind_text (stmt, 1, day);
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autofree char *key = g_strconcat (tandem_stmt_get_text (stmt, 0), "\n", tandem_stmt_get_text (stmt, 1),
                                          NULL);
      TandemNextStep *next;

      /* The best program for each role and competency, and no other. */
      if (g_hash_table_contains (taken, key))
        continue;
      next = g_new0 (TandemNextStep, 1);
      next->role = g_strdup (tandem_stmt_get_text (stmt, 0));
      next->competency = g_strdup (tandem_stmt_get_text (stmt, 1));
      next->target = (guint)tandem_stmt_get_int (stmt, 2);
      next->lacking = (guint)tandem_stmt_get_int (stmt, 3);
      next->program_id = tandem_stmt_get_int64 (stmt, 4);
      next->program = g_strdup (tandem_stmt_get_text (stmt, 5));
      next->room = tandem_stmt_get_nullable_text (stmt, 6) == NULL ? G_MAXUINT : (guint)tandem_stmt_get_int (stmt, 6);
      g_ptr_array_add (steps, next);
      g_hash_table_add (taken, g_steal_pointer (&key));
    }
  return step == TANDEM_STEP_ERROR ? NULL : g_steal_pointer (&steps);
}

/**
 * tandem_competency_enrol_lacking:
 * @out_added: (out) (optional): how many were invited
 *
 * Invites to @program_id the active people of @role below its target in
 * @competency who are not in the program yet, by name, as many as it has
 * room for. One transaction.
 */
gboolean
tandem_competency_enrol_lacking (TandemStore  *store,
                                 const char   *role,
                                 const char   *competency,
                                 gint64        program_id,
                                 const GDate  *today,
                                 guint        *out_added,
                                 GError      **error)
{
  g_autoptr(TandemStmt) room = NULL;
  g_autoptr(TandemStmt) insert = NULL;
  g_autofree char *day = NULL;
  gint64 limit = G_MAXINT32;   /* no capacity: everyone (a bound both engines take) */
  guint added;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!tandem_store_savepoint (store, error))
    return FALSE;
  room = tandem_store_prepare (store,
                               "SELECT capacity - (SELECT count (*) FROM enrollment e"
                               "                    WHERE e.program_id = $1 AND e.status <> 'dropped')"
                               "  FROM program WHERE id = $1 AND capacity IS NOT NULL",
                               error);
  insert = room ? tandem_store_prepare (store,
                                        "INSERT INTO enrollment (person_id, program_id, status, invited_on)"
                                        " SELECT p.id, $3, 'invited', $4 FROM person p"
                                        "   JOIN role r ON r.id = p.role_id"
                                        "   JOIN role_competency rc ON rc.role_id = p.role_id"
                                        "   JOIN competency c ON c.id = rc.competency_id AND c.name = $2"
                                        "  WHERE p.active = 1 AND r.name = $1"
                                        "    AND coalesce ((SELECT max (pc.level) FROM enrollment e"
                                        "                     JOIN program_competency pc ON pc.program_id = e.program_id"
                                        "                          AND pc.competency_id = c.id"
                                        "                    WHERE e.person_id = p.id AND e.status = 'completed'), 0)"
                                        "        < rc.target_level"
                                        "    AND NOT EXISTS (SELECT 1 FROM enrollment e"
                                        "                     WHERE e.person_id = p.id AND e.program_id = $3)"
                                        "  ORDER BY p.name COLLATE NOCASE, p.id LIMIT $5",
                                        error) : NULL;
  if (insert == NULL)
    goto failed;
  tandem_stmt_bind_int64 (room, 1, program_id);
  if (tandem_stmt_step (room, NULL) == TANDEM_STEP_ROW)
    limit = MAX (0, tandem_stmt_get_int64 (room, 0));
  day = tandem_date_to_iso (today);
  tandem_stmt_bind_text (insert, 1, role);
  tandem_stmt_bind_text (insert, 2, competency);
  tandem_stmt_bind_int64 (insert, 3, program_id);
  tandem_stmt_bind_text (insert, 4, day);
  tandem_stmt_bind_int64 (insert, 5, limit);
  if (!tandem_stmt_step_done (insert, error))
    goto failed;
  added = (guint)tandem_store_get_changes (store);
  if (!tandem_enrollment_refresh_learning (store, -1, program_id, error) ||
      !tandem_store_release (store, error))
    goto failed;
  if (out_added != NULL)
    *out_added = added;
  return TRUE;

failed:
  tandem_store_rollback_savepoint (store);
  return FALSE;
}
