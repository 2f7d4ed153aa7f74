/* tandem-pq.c — libpq, loaded the first time a team server is used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#define TANDEM_PQ_TABLE
#include "tandem-pq.h"
#include "tandem-store.h"

TandemPq tandem_pq;

static const struct
{
  const char *name;
  gsize       offset;
} symbols[] = {
#define SYMBOL(member) { "PQ" #member, G_STRUCT_OFFSET (TandemPq, member) }
  SYMBOL (backendPID), SYMBOL (clear), SYMBOL (cmdTuples), SYMBOL (connectdbParams),
  SYMBOL (connectionNeedsPassword), SYMBOL (connectionUsedPassword), SYMBOL (conninfoFree),
  SYMBOL (conninfoParse), SYMBOL (consumeInput), SYMBOL (db), SYMBOL (describePrepared),
  SYMBOL (errorMessage), SYMBOL (exec), SYMBOL (execParams), SYMBOL (finish), SYMBOL (fname),
  SYMBOL (freemem), SYMBOL (ftype), SYMBOL (getisnull), SYMBOL (getvalue), SYMBOL (nfields),
  SYMBOL (notifies), SYMBOL (ntuples), SYMBOL (prepare), SYMBOL (resultErrorField),
  SYMBOL (resultStatus), SYMBOL (socket), SYMBOL (status), SYMBOL (transactionStatus), SYMBOL (user),
#undef SYMBOL
};

G_STATIC_ASSERT (G_N_ELEMENTS (symbols) * sizeof (gpointer) == sizeof (TandemPq));

/* What went wrong the first time, said again every time after. */
static char *
load_once (void)
{
  /* $TANDEM_LIBPQ names another file, for a test of one that is missing. */
  const char *name = g_getenv ("TANDEM_LIBPQ") != NULL ? g_getenv ("TANDEM_LIBPQ") : "libpq.so.5";
  GModule *module = g_module_open (name, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  TandemPq table;

  if (module == NULL)
    return g_strdup_printf (_("PostgreSQL’s client library (%s) could not be loaded: %s. Install it (on Debian, "
                              "the libpq5 package) to use a team server."), name, g_module_error ());
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (!g_module_symbol (module, symbols[i].name, (gpointer *)((guint8 *)&table + symbols[i].offset)))
      {
        char *message = g_strdup_printf (_("PostgreSQL’s client library (%s) has no %s: it is too old for a "
                                           "team server."), name, symbols[i].name);

        g_module_close (module);
        return message;
      }
  /* Kept for the life of the process, as a linked library is. */
  g_module_make_resident (module);
  tandem_pq = table;
  return NULL;
}

/**
 * tandem_pq_load:
 *
 * Loads libpq the first time; every call after gives the same answer.
 *
 * Returns: whether the PQ functions may be called
 */
gboolean
tandem_pq_load (GError **error)
{
  static gsize loaded;
  static char *failure;

  if (g_once_init_enter (&loaded))
    {
      failure = load_once ();
      g_once_init_leave (&loaded, 1);
    }
  if (failure != NULL)
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED, failure);
      return FALSE;
    }
  return TRUE;
}
