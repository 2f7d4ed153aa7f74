/* tandem-follow-up.c — something to try before the next session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tandem-follow-up.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

struct _TandemFollowUp
{
  GObject  parent_instance;

  gint64   id;
  char    *text;
  char    *raised_on;
  gboolean done;
};

G_DEFINE_FINAL_TYPE (TandemFollowUp, tandem_follow_up, G_TYPE_OBJECT)

static void
tandem_follow_up_finalize (GObject *object)
{
  TandemFollowUp *self = (TandemFollowUp *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->raised_on, g_free);

  G_OBJECT_CLASS (tandem_follow_up_parent_class)->finalize (object);
}

static void
tandem_follow_up_class_init (TandemFollowUpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_follow_up_finalize;
}

static void
tandem_follow_up_init (TandemFollowUp *self)
{
}

gint64
tandem_follow_up_get_id (TandemFollowUp *self)
{
  g_return_val_if_fail (TANDEM_IS_FOLLOW_UP (self), 0);
  return self->id;
}

const char *
tandem_follow_up_get_text (TandemFollowUp *self)
{
  g_return_val_if_fail (TANDEM_IS_FOLLOW_UP (self), NULL);
  return self->text;
}

/* The day of the session that raised it. */
const char *
tandem_follow_up_get_raised_on (TandemFollowUp *self)
{
  g_return_val_if_fail (TANDEM_IS_FOLLOW_UP (self), NULL);
  return self->raised_on;
}

gboolean
tandem_follow_up_get_done (TandemFollowUp *self)
{
  g_return_val_if_fail (TANDEM_IS_FOLLOW_UP (self), FALSE);
  return self->done;
}

/**
 * tandem_follow_up_list_open:
 *
 * Returns: (transfer full): the pair's follow-ups not yet ticked off, from
 *   every session so far, oldest first
 */
GListModel *
tandem_follow_up_list_open (TandemStore  *store,
                            gint64        pair_id,
                            GError      **error)
{
  g_autoptr(GListStore) items = g_list_store_new (TANDEM_TYPE_FOLLOW_UP);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               "SELECT f.id, f.text, s.held_on FROM follow_up f"
                               "  JOIN coaching_session s ON s.id = f.session_id"
                               " WHERE s.pair_id = $1 AND f.done_on IS NULL"
                               " ORDER BY s.held_on, f.id",
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, pair_id);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autoptr(TandemFollowUp) item = g_object_new (TANDEM_TYPE_FOLLOW_UP, NULL);

      item->id = tandem_stmt_get_int64 (stmt, 0);
      item->text = g_strdup (tandem_stmt_get_text (stmt, 1));
      item->raised_on = g_strdup (tandem_stmt_get_text (stmt, 2));
      g_list_store_append (items, item);
    }

  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&items));
}

/**
 * tandem_follow_up_set_done:
 * @done_on: (nullable): the day it was ticked off, or %NULL to open it again
 */
gboolean
tandem_follow_up_set_done (TandemStore  *store,
                           gint64        follow_up_id,
                           const GDate  *done_on,
                           GError      **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  stmt = tandem_store_prepare (store, "UPDATE follow_up SET done_on = $2 WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;

  if (done_on != NULL)
    day = tandem_date_to_iso (done_on);
  tandem_stmt_bind_int64 (stmt, 1, follow_up_id);
  tandem_stmt_bind_text (stmt, 2, day);
  return tandem_stmt_step_done (stmt, error);
}
