/* tandem-pair.c — an executive and the junior mentor who coaches them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-pair.h"
#include "tandem-store-private.h"

struct _TandemPair
{
  GObject           parent_instance;

  gint64            id;
  char             *executive;
  char             *executive_external_id;
  char             *mentor;
  guint             cadence_days;
  guint             n_sessions;
  char             *last_session;
  char             *next_due;
  TandemPairStatus  status;
};

G_DEFINE_FINAL_TYPE (TandemPair, tandem_pair, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EXECUTIVE,
  PROP_MENTOR,
  PROP_CADENCE_DAYS,
  PROP_N_SESSIONS,
  PROP_LAST_SESSION,
  PROP_NEXT_DUE,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_pair_finalize (GObject *object)
{
  TandemPair *self = (TandemPair *)object;

  g_clear_pointer (&self->executive, g_free);
  g_clear_pointer (&self->executive_external_id, g_free);
  g_clear_pointer (&self->mentor, g_free);
  g_clear_pointer (&self->last_session, g_free);
  g_clear_pointer (&self->next_due, g_free);

  G_OBJECT_CLASS (tandem_pair_parent_class)->finalize (object);
}

static void
tandem_pair_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemPair *self = TANDEM_PAIR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EXECUTIVE:
      g_value_set_string (value, self->executive);
      break;
    case PROP_MENTOR:
      g_value_set_string (value, self->mentor);
      break;
    case PROP_CADENCE_DAYS:
      g_value_set_uint (value, self->cadence_days);
      break;
    case PROP_N_SESSIONS:
      g_value_set_uint (value, self->n_sessions);
      break;
    case PROP_LAST_SESSION:
      g_value_set_string (value, self->last_session);
      break;
    case PROP_NEXT_DUE:
      g_value_set_string (value, self->next_due);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, tandem_pair_status_get_label (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_pair_class_init (TandemPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_pair_finalize;
  object_class->get_property = tandem_pair_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EXECUTIVE] = g_param_spec_string ("executive", NULL, NULL, NULL, flags);
  properties[PROP_MENTOR] = g_param_spec_string ("mentor", NULL, NULL, NULL, flags);
  properties[PROP_CADENCE_DAYS] = g_param_spec_uint ("cadence-days", NULL, NULL, 1, 365, 14, flags);
  properties[PROP_N_SESSIONS] = g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LAST_SESSION] = g_param_spec_string ("last-session", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DUE] = g_param_spec_string ("next-due", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_pair_init (TandemPair *self)
{
  self->cadence_days = 14;
}

gint64
tandem_pair_get_id (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), 0);
  return self->id;
}

const char *
tandem_pair_get_executive (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), NULL);
  return self->executive;
}

const char *
tandem_pair_get_executive_external_id (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), NULL);
  return self->executive_external_id;
}

const char *
tandem_pair_get_mentor (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), NULL);
  return self->mentor;
}

guint
tandem_pair_get_cadence_days (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), 0);
  return self->cadence_days;
}

guint
tandem_pair_get_n_sessions (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), 0);
  return self->n_sessions;
}

/* Returns: (nullable): the ISO date of the latest session, %NULL when none */
const char *
tandem_pair_get_last_session (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), NULL);
  return self->last_session;
}

const char *
tandem_pair_get_next_due (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), NULL);
  return self->next_due;
}

TandemPairStatus
tandem_pair_get_status (TandemPair *self)
{
  g_return_val_if_fail (TANDEM_IS_PAIR (self), TANDEM_PAIR_NO_SESSIONS);
  return self->status;
}

const char *
tandem_pair_status_to_string (TandemPairStatus status)
{
  switch (status)
    {
    case TANDEM_PAIR_ON_TRACK:
      return "on_track";
    case TANDEM_PAIR_DUE_SOON:
      return "due_soon";
    case TANDEM_PAIR_OVERDUE:
      return "overdue";
    case TANDEM_PAIR_NO_SESSIONS:
      return "no_sessions";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tandem_pair_status_get_label (TandemPairStatus status)
{
  switch (status)
    {
    case TANDEM_PAIR_ON_TRACK:
      return _("On track");
    case TANDEM_PAIR_DUE_SOON:
      return _("Due soon");
    case TANDEM_PAIR_OVERDUE:
      return _("Overdue");
    case TANDEM_PAIR_NO_SESSIONS:
      return _("No sessions yet");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tandem_pair_status_compute:
 * @started: the day the pair started
 * @last_session: (nullable): the day of the latest session
 * @cadence_days: days between sessions
 * @as_of: the day to judge on
 * @out_next_due: (out caller-allocates): the day the next session is due
 *
 * The cadence rules: the next session is due @cadence_days after the last
 * one (after the start when there is none). A pair is overdue the day after
 * that, due soon within %TANDEM_PAIR_DUE_SOON_DAYS days of it, and otherwise
 * either has no sessions yet or is on track.
 */
TandemPairStatus
tandem_pair_status_compute (const GDate *started,
                            const GDate *last_session,
                            guint        cadence_days,
                            const GDate *as_of,
                            GDate       *out_next_due)
{
  g_return_val_if_fail (started != NULL && g_date_valid (started), TANDEM_PAIR_NO_SESSIONS);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), TANDEM_PAIR_NO_SESSIONS);
  g_return_val_if_fail (out_next_due != NULL, TANDEM_PAIR_NO_SESSIONS);

  *out_next_due = last_session != NULL ? *last_session : *started;
  g_date_add_days (out_next_due, cadence_days);

  if (g_date_compare (as_of, out_next_due) > 0)
    return TANDEM_PAIR_OVERDUE;
  if (g_date_days_between (as_of, out_next_due) <= TANDEM_PAIR_DUE_SOON_DAYS)
    return TANDEM_PAIR_DUE_SOON;
  if (last_session == NULL)
    return TANDEM_PAIR_NO_SESSIONS;
  return TANDEM_PAIR_ON_TRACK;
}

/**
 * tandem_pair_add:
 * @executive_id: the person coached: an executive or a manager
 * @mentor_id: the person coaching, usually an individual contributor
 * @started_on: YYYY-MM-DD
 * @cadence_days: days between sessions, 1–365
 *
 * Returns: the new pair's id, or 0 with @error set
 */
gint64
tandem_pair_add (TandemStore  *store,
                 gint64        executive_id,
                 gint64        mentor_id,
                 const char   *started_on,
                 guint         cadence_days,
                 const char   *goals,
                 GError      **error)
{
  g_autoptr(TandemStmt) level = NULL;
  g_autoptr(TandemStmt) insert = NULL;
  g_autoptr(GDate) start = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);

  if (executive_id <= 0)
    return tandem_store_set_invalid (error, _("Choose the executive to be coached."));
  if (mentor_id <= 0)
    return tandem_store_set_invalid (error, _("Choose the mentor who coaches them."));
  if (executive_id == mentor_id)
    return tandem_store_set_invalid (error, _("A person cannot mentor themself; choose someone else as mentor."));
  if (cadence_days < 1 || cadence_days > 365)
    return tandem_store_set_invalid (error, _("Sessions must be between 1 and 365 days apart."));
  if (!tandem_store_check_length (error, _("The goals"), goals, TANDEM_LIMIT_LONG))
    return 0;
  start = tandem_date_parse_iso (started_on);
  if (start == NULL)
    return tandem_store_set_invalid (error, _("The start date must be written YYYY-MM-DD."));
  if (!tandem_date_is_plausible (start))
    return tandem_store_set_invalid (error, _("A pair starts from 2000-01-01 to a year from today."));

  level = tandem_store_prepare (store,
                                "SELECT coalesce (r.level, '') FROM person p"
                                "  LEFT JOIN role r ON r.id = p.role_id WHERE p.id = $1",
                                error);
  if (level == NULL)
    return 0;
  tandem_stmt_bind_int64 (level, 1, executive_id);
  if (!tandem_stmt_step_row (level, _("The executive is not in the organisation."), error))
    return 0;
  if (g_strcmp0 (tandem_stmt_get_text (level, 0), "executive") != 0 &&
      g_strcmp0 (tandem_stmt_get_text (level, 0), "manager") != 0)
    return tandem_store_set_invalid (error, _("Reverse mentoring coaches executives and managers; "
                                              "this person’s role is neither."));

  insert = tandem_store_prepare (store,
                                 "INSERT INTO mentoring_pair (executive_id, mentor_id, started_on,"
                                 "                            cadence_days, goals)"
                                 " SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM person WHERE id = $2)",
                                 error);
  if (insert == NULL)
    return 0;
  tandem_stmt_bind_int64 (insert, 1, executive_id);
  tandem_stmt_bind_int64 (insert, 2, mentor_id);
  tandem_stmt_bind_text (insert, 3, started_on);
  tandem_stmt_bind_int (insert, 4, (int)cadence_days);
  tandem_stmt_bind_text (insert, 5, goals ? goals : "");
  if (!tandem_stmt_step_done (insert, error))
    return 0;
  if (tandem_store_get_changes (store) == 0)
    return tandem_store_set_invalid (error, _("The mentor is not in the organisation."));

  return tandem_store_get_last_insert_id (store);
}

/**
 * tandem_pair_find_or_add:
 * @started_on: YYYY-MM-DD, the day a new pair starts
 * @out_created: (out) (optional): whether the pair is new
 *
 * The active pair of @executive_id and @mentor_id, the newest if there
 * are several; or a new one started on @started_on with the default
 * cadence, as logging or importing a session of two people without a
 * pair makes it.
 *
 * Returns: the pair's id, or 0 with @error set
 */
gint64
tandem_pair_find_or_add (TandemStore  *store,
                         gint64        executive_id,
                         gint64        mentor_id,
                         const char   *started_on,
                         gboolean     *out_created,
                         GError      **error)
{
  g_autoptr(TandemStmt) find = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);

  if (out_created != NULL)
    *out_created = FALSE;
  find = tandem_store_prepare (store,
                               "SELECT id FROM mentoring_pair WHERE executive_id = $1"
                               " AND mentor_id = $2 AND active = 1 ORDER BY id DESC LIMIT 1",
                               error);
  if (find == NULL)
    return 0;
  tandem_stmt_bind_int64 (find, 1, executive_id);
  tandem_stmt_bind_int64 (find, 2, mentor_id);
  switch (tandem_stmt_step (find, error))
    {
    case TANDEM_STEP_ROW:
      return tandem_stmt_get_int64 (find, 0);
    case TANDEM_STEP_DONE:
      if (out_created != NULL)
        *out_created = TRUE;
      return tandem_pair_add (store, executive_id, mentor_id, started_on, TANDEM_PAIR_DEFAULT_CADENCE, "", error);
    case TANDEM_STEP_ERROR:
    default:
      return 0;
    }
}

/* Ends a pair: it keeps its sessions but is no longer expected to meet. */
gboolean
tandem_pair_end (TandemStore  *store,
                 gint64        pair_id,
                 const char   *ended_on,
                 GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(GDate) end = tandem_date_parse_iso (ended_on);

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  if (end == NULL)
    return tandem_store_set_invalid (error, _("The end date must be written YYYY-MM-DD."));

  stmt = tandem_store_prepare (store,
                               "UPDATE mentoring_pair SET active = 0, ended_on = $2 WHERE id = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, pair_id);
  tandem_stmt_bind_text (stmt, 2, ended_on);
  return tandem_stmt_step_done (stmt, error);
}

/**
 * tandem_pair_list_active:
 * @as_of: the day statuses are judged on
 *
 * Returns: (transfer full): the active pairs, most overdue first
 */
GListModel *
tandem_pair_list_active (TandemStore  *store,
                         const GDate  *as_of,
                         GError      **error)
{
  g_autoptr(GListStore) pairs = g_list_store_new (TANDEM_TYPE_PAIR);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_PAIRS_ACTIVE), error);
  if (stmt == NULL)
    return NULL;

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autoptr(TandemPair) pair = g_object_new (TANDEM_TYPE_PAIR, NULL);
      g_autoptr(GDate) started = tandem_date_parse_iso (tandem_stmt_get_text (stmt, 3));
      g_autoptr(GDate) last = NULL;
      GDate next_due;

      pair->id = tandem_stmt_get_int64 (stmt, 0);
      pair->executive = g_strdup (tandem_stmt_get_text (stmt, 1));
      pair->mentor = g_strdup (tandem_stmt_get_text (stmt, 2));
      pair->executive_external_id = g_strdup (tandem_stmt_get_text (stmt, 7));
      pair->cadence_days = (guint)tandem_stmt_get_int (stmt, 4);
      pair->n_sessions = (guint)tandem_stmt_get_int (stmt, 5);
      if (!tandem_stmt_get_is_null (stmt, 6))
        {
          pair->last_session = g_strdup (tandem_stmt_get_text (stmt, 6));
          last = tandem_date_parse_iso (pair->last_session);
        }

      /* The schema's CHECKs keep dates valid; guard anyway. */
      if (started == NULL)
        continue;

      pair->status = tandem_pair_status_compute (started, last, pair->cadence_days,
                                                 as_of, &next_due);
      pair->next_due = tandem_date_to_iso (&next_due);

      g_list_store_append (pairs, pair);
    }

  if (step == TANDEM_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&pairs));
}
