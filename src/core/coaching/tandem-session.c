/* tandem-session.c — one coaching session of a mentoring pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-pair.h"
#include "tandem-session.h"
#include "tandem-store-dialect.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

struct _TandemSession
{
  GObject  parent_instance;

  gint64   id;
  gint64   pair_id;
  char    *held_on;
  int      minutes;
  char    *tools;
  char    *data_used;
  char    *insight;
  char    *follow_ups;
  int      confidence_before;
  int      confidence_after;
  char    *private_notes;
};

G_DEFINE_FINAL_TYPE (TandemSession, tandem_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HELD_ON,
  PROP_INSIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_session_finalize (GObject *object)
{
  TandemSession *self = (TandemSession *)object;

  g_clear_pointer (&self->held_on, g_free);
  g_clear_pointer (&self->tools, g_free);
  g_clear_pointer (&self->data_used, g_free);
  g_clear_pointer (&self->insight, g_free);
  g_clear_pointer (&self->follow_ups, g_free);
  g_clear_pointer (&self->private_notes, g_free);

  G_OBJECT_CLASS (tandem_session_parent_class)->finalize (object);
}

static void
tandem_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemSession *self = TANDEM_SESSION (object);

  switch (prop_id)
    {
    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;
    case PROP_INSIGHT:
      g_value_set_string (value, self->insight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_session_class_init (TandemSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_session_finalize;
  object_class->get_property = tandem_session_get_property;

  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, NULL, flags);
  properties[PROP_INSIGHT] = g_param_spec_string ("insight", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_session_init (TandemSession *self)
{
  self->minutes = -1;
}

gint64 
tandem_session_get_id (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), 0);
  return self->id;
}
gint64 
tandem_session_get_pair_id (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), 0);
  return self->pair_id;
}
const char *
tandem_session_get_held_on (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), NULL);
  return self->held_on;
}
int 
tandem_session_get_minutes (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), -1);
  return self->minutes;
}
const char *
tandem_session_get_tools (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), NULL);
  return self->tools;
}
const char *
tandem_session_get_data_used (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), NULL);
  return self->data_used;
}
const char *
tandem_session_get_insight (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), NULL);
  return self->insight;
}
const char *
tandem_session_get_follow_ups (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), NULL);
  return self->follow_ups;
}
int 
tandem_session_get_confidence_before (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), 0);
  return self->confidence_before;
}
int 
tandem_session_get_confidence_after (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), 0);
  return self->confidence_after;
}
const char *
tandem_session_get_private_notes (TandemSession *self)
{
  g_return_val_if_fail (TANDEM_IS_SESSION (self), NULL);
  return self->private_notes;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID, message);
  return FALSE;
}

static void
bind_optional_text (TandemStmt *stmt,
                    int           index,
                    const char   *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  tandem_stmt_bind_text_copy (stmt, index, trimmed);
}

static void
bind_optional_int (TandemStmt *stmt,
                   int           index,
                   int           value,
                   int           least)
{
  if (value < least)
    tandem_stmt_bind_null (stmt, index);
  else
    tandem_stmt_bind_int (stmt, index, value);
}

/* What a draft must be before it is written: a real date in range, a
 * plausible length, ratings from 1 to 5 (or none) and texts within their
 * limits; check_draft() adds a pair that exists. */
static gboolean
check_fields (const TandemSessionDraft  *draft,
              GError                   **error)
{
  g_autoptr(GDate) held_on = tandem_date_parse_iso (draft->held_on);

  if (held_on == NULL)
    return invalid (error, _("“%s” is not a date; write it as YYYY-MM-DD."),
                    draft->held_on ? draft->held_on : "");
  if (!tandem_date_is_plausible (held_on))
    return invalid (error, _("A session is dated from 2000-01-01 to a year from today; %s is not."),
                    draft->held_on);
  if (draft->minutes > 1440)
    return invalid (error, _("A session cannot last %d minutes; a day has 1440."), draft->minutes);
  if ((draft->confidence_before != 0 && (draft->confidence_before < 1 || draft->confidence_before > 5)) ||
      (draft->confidence_after != 0 && (draft->confidence_after < 1 || draft->confidence_after > 5)))
    return invalid (error, _("Confidence is a number from 1 to 5."));
  if (!tandem_store_check_length (error, _("What you tried"), draft->tools, TANDEM_LIMIT_LONG) ||
      !tandem_store_check_length (error, _("The data you used"), draft->data_used, TANDEM_LIMIT_LONG) ||
      !tandem_store_check_length (error, _("What you learned"), draft->insight, TANDEM_LIMIT_LONG) ||
      !tandem_store_check_length (error, _("The follow-ups"), draft->follow_ups, TANDEM_LIMIT_LONG) ||
      !tandem_store_check_length (error, _("The private notes"), draft->private_notes, TANDEM_LIMIT_LONG))
    return FALSE;
  return TRUE;
}

static gboolean
check_draft (TandemStore               *store,
             const TandemSessionDraft  *draft,
             GError                   **error)
{
  g_autoptr(TandemStmt) check = NULL;

  if (!check_fields (draft, error))
    return FALSE;
  check = tandem_store_prepare (store, "SELECT count(*) FROM mentoring_pair WHERE id = $1", error);
  if (check == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (check, 1, draft->pair_id);
  if (tandem_stmt_step (check, error) != TANDEM_STEP_ROW)
    return FALSE;
  if (tandem_stmt_get_int64 (check, 0) == 0)
    return invalid (error, _("That mentoring pair no longer exists."));
  return TRUE;
}

/* Binds @draft's fields as $1 to $10 of an INSERT or UPDATE. */
static void
bind_draft (TandemStmt               *stmt,
            const TandemSessionDraft *draft)
{
  tandem_stmt_bind_int64 (stmt, 1, draft->pair_id);
  tandem_stmt_bind_text (stmt, 2, draft->held_on);
  bind_optional_int (stmt, 3, draft->minutes, 0);
  bind_optional_text (stmt, 4, draft->tools);
  bind_optional_text (stmt, 5, draft->data_used);
  bind_optional_text (stmt, 6, draft->insight);
  bind_optional_text (stmt, 7, draft->follow_ups);
  bind_optional_int (stmt, 8, draft->confidence_before, 1);
  bind_optional_int (stmt, 9, draft->confidence_after, 1);
  bind_optional_text (stmt, 10, draft->private_notes);
}

/* Makes each line of @text an open follow-up of session @id, unless the
 * session already has one of that text (a ticked-off one stays ticked). */
static gboolean
write_follow_ups (TandemStore  *store,
                  gint64        id,
                  const char   *text,
                  GError      **error)
{
  g_autoptr(TandemStmt) follow_up = NULL;
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  follow_up = tandem_store_prepare (store,
                                    "INSERT INTO follow_up (session_id, text) SELECT $1, $2"
                                    " WHERE NOT EXISTS (SELECT 1 FROM follow_up WHERE session_id = $1 AND text = $2)",
                                    error);
  if (follow_up == NULL)
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      tandem_stmt_bind_int64 (follow_up, 1, id);
      tandem_stmt_bind_text (follow_up, 2, lines[i]);
      if (!tandem_stmt_step_done (follow_up, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * tandem_session_add:
 *
 * Logs a session and makes each line of its follow-ups an open item. The
 * session and its follow-ups are written whole or not at all; inside a
 * caller's transaction they become one step of it.
 *
 * Returns: the new session's id, or 0 with @error set (%TANDEM_STORE_ERROR_INVALID
 *   names what is wrong with the draft)
 */
gint64
tandem_session_add (TandemStore               *store,
                    const TandemSessionDraft  *draft,
                    GError                   **error)
{
  g_autoptr(TandemStmt) session = NULL;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!check_draft (store, draft, error))
    return 0;
  session = tandem_store_prepare (store,
                                  "INSERT INTO coaching_session (pair_id, held_on, minutes, tools_tried,"
                                  "  data_used, insight, follow_ups, confidence_before, confidence_after,"
                                  "  private_notes)"
                                  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                                  error);
  if (session == NULL || !tandem_store_savepoint (store, error))
    return 0;

  bind_draft (session, draft);
  if (!tandem_stmt_step_done (session, error))
    goto failed;
  id = tandem_store_get_last_insert_id (store);
  if (!write_follow_ups (store, id, draft->follow_ups, error) ||
      !tandem_store_release (store, error))
    goto failed;
  return id;

failed:
  tandem_store_rollback_savepoint (store);
  return 0;
}

/**
 * tandem_session_update:
 * @id: the session to correct
 *
 * Corrects a logged session. Its follow-ups follow the new text: a line
 * taken out goes unless it was ticked off, a line added becomes an open
 * item, and the ones that stay keep their state.
 */
gboolean
tandem_session_update (TandemStore               *store,
                       gint64                     id,
                       const TandemSessionDraft  *draft,
                       GError                   **error)
{
  g_autoptr(TandemStmt) session = NULL;
  g_autoptr(TandemStmt) open_items = NULL;
  g_autoptr(TandemStmt) stale = NULL;
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) lines = g_strsplit (draft->follow_ups ? draft->follow_ups : "", "\n", -1);

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!check_draft (store, draft, error))
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);
  session = tandem_store_prepare (store,
                                  "UPDATE coaching_session SET pair_id = $1, held_on = $2, minutes = $3,"
                                  "       tools_tried = $4, data_used = $5, insight = $6, follow_ups = $7,"
                                  "       confidence_before = $8, confidence_after = $9, private_notes = $10"
                                  " WHERE id = $11",
                                  error);
  open_items = session ? tandem_store_prepare (store,
                                               "SELECT id, text FROM follow_up WHERE session_id = $1 AND done_on IS NULL",
                                               error) : NULL;
  stale = open_items ? tandem_store_prepare (store, "DELETE FROM follow_up WHERE id = $1", error) : NULL;
  if (stale == NULL || !tandem_store_savepoint (store, error))
    return FALSE;

  bind_draft (session, draft);
  tandem_stmt_bind_int64 (session, 11, id);
  if (!tandem_stmt_step_done (session, error))
    goto failed;
  if (tandem_store_get_changes (store) == 0)
    {
      invalid (error, _("This session is no longer in the record."));
      goto failed;
    }
  /* An open follow-up whose line was taken out goes. */
  tandem_stmt_bind_int64 (open_items, 1, id);
  for (TandemStep step; (step = tandem_stmt_step (open_items, error)) != TANDEM_STEP_DONE;)
    {
      if (step == TANDEM_STEP_ERROR)
        goto failed;
      if (!g_strv_contains ((const char * const *)lines, tandem_stmt_get_whole_text (open_items, 1)))
        {
          gint64 item = tandem_stmt_get_int64 (open_items, 0);

          g_array_append_val (gone, item);
        }
    }
  for (guint i = 0; i < gone->len; i++)
    {
      tandem_stmt_bind_int64 (stale, 1, g_array_index (gone, gint64, i));
      if (!tandem_stmt_step_done (stale, error))
        goto failed;
    }
  if (!write_follow_ups (store, id, draft->follow_ups, error) ||
      !tandem_store_release (store, error))
    goto failed;
  return TRUE;

failed:
  tandem_store_rollback_savepoint (store);
  return FALSE;
}

/**
 * tandem_session_delete:
 * @out_undo: (out) (optional): what tandem_session_restore() needs to bring
 *   the session and its follow-ups back; it holds private notes, so keep it
 *   in memory only
 *
 * Deletes a session logged by mistake, with its follow-ups.
 */
gboolean
tandem_session_delete (TandemStore  *store,
                       gint64        id,
                       char        **out_undo,
                       GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  return tandem_store_delete_row (store, TANDEM_SQL_SESSION_SNAPSHOT, "DELETE FROM coaching_session WHERE id = $1",
                                  id, _("This session is no longer in the record."), out_undo, error);
}

/* Brings back a session tandem_session_delete() took, as it was. */
gboolean
tandem_session_restore (TandemStore  *store,
                        const char   *undo,
                        GError      **error)
{
  static const TandemSql restore[] = {
    TANDEM_SQL_PERSON_RESTORE_SESSIONS, TANDEM_SQL_PERSON_RESTORE_FOLLOW_UPS,
  };

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  return tandem_store_restore_rows (store, restore, G_N_ELEMENTS (restore), undo, error);
}

/* The sessions @stmt (one of the dialect's session selects, its
 * parameters bound) finds. */
static GListModel *
list_sessions (TandemStmt  *stmt,
               GError     **error)
{
  g_autoptr(GListStore) sessions = g_list_store_new (TANDEM_TYPE_SESSION);
  TandemStep step;

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autoptr(TandemSession) s = g_object_new (TANDEM_TYPE_SESSION, NULL);

      s->id = tandem_stmt_get_int64 (stmt, 0);
      s->pair_id = tandem_stmt_get_int64 (stmt, 1);
      s->held_on = g_strdup (tandem_stmt_get_text (stmt, 2));
      s->minutes = tandem_stmt_get_int (stmt, 3);
      s->tools = g_strdup (tandem_stmt_get_text (stmt, 4));
      s->data_used = g_strdup (tandem_stmt_get_text (stmt, 5));
      s->insight = g_strdup (tandem_stmt_get_text (stmt, 6));
      s->follow_ups = g_strdup (tandem_stmt_get_text (stmt, 7));
      s->confidence_before = tandem_stmt_get_int (stmt, 8);
      s->confidence_after = tandem_stmt_get_int (stmt, 9);
      s->private_notes = g_strdup (tandem_stmt_get_text (stmt, 10));
      g_list_store_append (sessions, s);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&sessions));
}

/**
 * tandem_session_list_for_pair:
 *
 * Returns: (transfer full): the pair's sessions, newest first
 */
GListModel *
tandem_session_list_for_pair (TandemStore  *store,
                              gint64        pair_id,
                              GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_SESSIONS_OF_PAIR),
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, pair_id);
  return list_sessions (stmt, error);
}

/**
 * tandem_session_list_for_executive:
 * @external_id: the executive's ID
 *
 * Returns: (transfer full): the sessions of every pair the executive has
 *   been in, oldest first
 */
GListModel *
tandem_session_list_for_executive (TandemStore  *store,
                                   const char   *external_id,
                                   GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_SESSIONS_OF_EXECUTIVE), error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_text (stmt, 1, external_id);
  return list_sessions (stmt, error);
}

/**
 * tandem_session_lookup:
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
TandemSession *
tandem_session_lookup (TandemStore  *store,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_SESSION_BY_ID), error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, id);
  found = list_sessions (stmt, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      invalid (error, _("There is no session %s."), number);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

/* The id of the person with @external_id, or 0 with @error set. */
static gint64
person_by_external_id (TandemStore  *store,
                       const char   *external_id,
                       GError      **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, "SELECT id FROM person WHERE external_id = $1", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return 0;
  tandem_stmt_bind_text (stmt, 1, external_id != NULL ? external_id : "");
  missing = g_strdup_printf (_("No person has the external id “%s”."), external_id != NULL ? external_id : "");
  if (!tandem_stmt_step_row (stmt, missing, error))
    return 0;
  return tandem_stmt_get_int64 (stmt, 0);
}

/**
 * tandem_session_log:
 * @executive: the executive's external id
 * @mentor: the mentor's external id
 * @draft: the session; its pair_id is not read
 * @out_new_pair: (out) (optional): whether a pair was made for the two
 *
 * Logs a session of the active pair of @executive and @mentor, by the
 * dialog's rules. Two people without a pair get one, started on the
 * session's day with the default cadence, as an import of sessions makes
 * it. All or nothing: a session refused leaves no new pair behind.
 *
 * Returns: the session's id, or 0 with @error set
 */
gint64
tandem_session_log (TandemStore              *store,
                    const char               *executive,
                    const char               *mentor,
                    const TandemSessionDraft *draft,
                    gboolean                 *out_new_pair,
                    GError                  **error)
{
  TandemSessionDraft with_pair = *draft;
  gint64 executive_id, mentor_id, session_id = 0;
  gboolean new_pair = FALSE;

  g_return_val_if_fail (TANDEM_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);

  /* A session that would be refused makes no pair first. */
  if (!check_fields (draft, error) ||
      (executive_id = person_by_external_id (store, executive, error)) == 0 ||
      (mentor_id = person_by_external_id (store, mentor, error)) == 0 ||
      !tandem_store_savepoint (store, error))
    return 0;

  with_pair.pair_id = tandem_pair_find_or_add (store, executive_id, mentor_id, draft->held_on, &new_pair, error);
  if (with_pair.pair_id == 0 ||
      (session_id = tandem_session_add (store, &with_pair, error)) == 0 ||
      !tandem_store_release (store, error))
    goto failed;

  if (out_new_pair != NULL)
    *out_new_pair = new_pair;
  return session_id;

failed:
  tandem_store_rollback_savepoint (store);
  return 0;
}

