/* tandem-demo-remove.c — taking the demo organisation away once real data is wanted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building the demo is tandem-demo.c's; telling whether a store holds only
 * the demo, and removing it after a backup, is this file's.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-demo.h"
#include "tandem-store-private.h"

/**
 * tandem_demo_is_all:
 *
 * Whether the store holds people and every one of them is the demo's (its
 * IDs are MER-0000 onwards): then removing the demo loses nothing of the
 * user's own. Reads the external_id index only.
 *
 * Returns: %TRUE when only the demo organisation is in @store
 */
gboolean
tandem_demo_is_all (TandemStore *store)
{
  gint64 demo = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);

  if (!tandem_store_query_int (store,
                               "SELECT EXISTS (SELECT 1 FROM person)"
                               "   AND NOT EXISTS (SELECT 1 FROM person WHERE external_id IS NULL"
                               "                      OR external_id < 'MER-' OR external_id >= 'MER.')",
                               &demo, NULL))
    return FALSE;
  return demo != 0;
}

/**
 * tandem_demo_remove:
 * @backup: where to keep a backup of the demo first, for Undo
 *
 * Removes the demo organisation, once the user wants their own data:
 * everything goes, after a backup to @backup, in one transaction. Refused
 * when anyone in the store is not the demo's.
 */
gboolean
tandem_demo_remove (TandemStore  *store,
                    const char   *backup,
                    GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (!tandem_demo_is_all (store))
    return tandem_store_set_invalid (error, _("The database holds more than the demo organisation; nothing was removed."));
  if (!tandem_store_backup (store, backup, error) ||
      !tandem_store_begin (store, error))
    return FALSE;
  if (!tandem_store_clear (store, error) || !tandem_store_commit (store, error))
    {
      tandem_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
