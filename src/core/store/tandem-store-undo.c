/* tandem-store-undo.c — deleting a row so that it can be brought back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-store-private.h"
#include "tandem-types.h"

/**
 * tandem_store_delete_row:
 * @snapshot_sql: a statement taking the id as $1 and returning one text:
 *   everything the deletion takes, for tandem_store_restore_rows()
 * @delete_sql: the deletion, taking the id as $1
 * @gone: the message when there is no such row
 * @out_undo: (out) (optional): the snapshot
 *
 * Deletes one row and what cascades from it, in a savepoint.
 */
gboolean
tandem_store_delete_row (TandemStore  *self,
                         TandemSql     snapshot_sql,
                         const char   *delete_sql,
                         gint64        id,
                         const char   *gone,
                         char        **out_undo,
                         GError      **error)
{
  g_autoptr(TandemStmt) snapshot = NULL;
  g_autoptr(TandemStmt) delete = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_savepoint (self, error))
    return FALSE;

  if (out_undo != NULL)
    {
      snapshot = tandem_store_prepare (self, tandem_store_get_sql (self, snapshot_sql), error);
      if (snapshot == NULL)
        goto failed;
      tandem_stmt_bind_int64 (snapshot, 1, id);
      if (!tandem_stmt_step_row (snapshot, gone, error))
        goto failed;
    }

  delete = tandem_store_prepare (self, delete_sql, error);
  if (delete == NULL)
    goto failed;
  tandem_stmt_bind_int64 (delete, 1, id);
  if (!tandem_stmt_step_done (delete, error))
    goto failed;
  if (tandem_store_get_changes (self) == 0)
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID, gone);
      goto failed;
    }
  if (!tandem_store_release (self, error))
    goto failed;

  if (out_undo != NULL)
    *out_undo = g_strdup (tandem_stmt_get_whole_text (snapshot, 0));
  return TRUE;

failed:
  tandem_store_rollback_savepoint (self);
  return FALSE;
}


/* Runs each of the @restore statements with @undo as $1, all or nothing. */
gboolean
tandem_store_restore_rows (TandemStore     *self,
                           const TandemSql *restore,
                           guint            n_restore,
                           const char      *undo,
                           GError         **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!tandem_store_savepoint (self, error))
    return FALSE;

  for (guint i = 0; i < n_restore; i++)
    {
      g_autoptr(TandemStmt) stmt = tandem_store_prepare (self, tandem_store_get_sql (self, restore[i]), error);

      if (stmt == NULL)
        goto failed;
      tandem_stmt_bind_text (stmt, 1, undo);
      if (!tandem_stmt_step_done (stmt, error))
        goto failed;
    }

  if (!tandem_store_release (self, error))
    goto failed;
  return TRUE;

failed:
  tandem_store_rollback_savepoint (self);
  return FALSE;
}


/* Sets a validation error, the kind that says in words what to correct.
 * Returns FALSE (and so 0), to return straight away. */
/**
 * tandem_store_dup_version:
 * @version_sql: a SELECT of one text, $1 the row's id, that changes
 *   whenever what an editor shows of the row changes
 *
 * A row's version, as an editor read it: saved with the edit, it tells
 * whether someone else saved the row in between (tandem_store_check_version()).
 * No lock is held while the user types.
 *
 * Returns: (transfer full): the version, or %NULL with @error set
 */
char *
tandem_store_dup_version (TandemStore  *self,
                          const char   *version_sql,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (self, version_sql, error);

  if (stmt == NULL)
    return NULL;
  tandem_stmt_bind_int64 (stmt, 1, id);
  if (!tandem_stmt_step_row (stmt, _("It is no longer in the organisation."), error))
    return NULL;
  return g_strdup (tandem_stmt_get_whole_text (stmt, 0));
}

/**
 * tandem_store_check_version:
 * @version: (nullable): the version the edit began from; %NULL to overwrite
 * @changed: what to say when someone else changed the row
 *
 * In a write's transaction, before it writes: whether the row is still as
 * the editor read it (writers take turns, so it stays so until the write
 * commits).
 *
 * Returns: %FALSE with %TANDEM_STORE_ERROR_CHANGED when it is not
 */
gboolean
tandem_store_check_version (TandemStore  *self,
                            const char   *version_sql,
                            gint64        id,
                            const char   *version,
                            const char   *changed,
                            GError      **error)
{
  g_autofree char *now = NULL;

  if (version == NULL || id == 0)
    return TRUE;
  now = tandem_store_dup_version (self, version_sql, id, error);
  if (now == NULL)
    return FALSE;
  if (!g_str_equal (now, version))
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CHANGED, changed);
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_store_set_invalid (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Refuses a @text (nullable) longer than @limit characters, naming @what
 * ("A name"): the dialogs stop there, so this guards every other caller. */
gboolean
tandem_store_check_length (GError     **error,
                           const char  *what,
                           const char  *text,
                           guint        limit)
{
  if (text == NULL || tandem_text_fits (text, limit))
    return TRUE;
  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
               _("%s can be at most %u characters long; shorten it and try again."), what, limit);
  return FALSE;
}
