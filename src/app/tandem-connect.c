/* tandem-connect.c — reaching a team server, with its password kept in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server that asks for a password gets the one kept for its address in
 * the user's keyring (GNOME Keyring, or the Secret portal in a Flatpak)
 * through libsecret, never in GSettings or a file. Connecting happens off
 * the main thread: a server far away, or not answering, never freezes the
 * window.
 */
#define G_LOG_DOMAIN "tandem"

#include "config.h"

#include <glib/gi18n.h>
#ifdef HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "tandem-connect.h"
#include "tandem-server.h"

#ifdef HAVE_LIBSECRET
static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".TeamServer", SECRET_SCHEMA_NONE,
    {
      { "uri", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}
#endif

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  TandemStore *store = tandem_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

#ifdef HAVE_LIBSECRET
static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = secret_password_lookup_finish (result, &error);

  /* No keyring (a bare session, a test): then the server asks, and the
   * user answers for this run. */
  if (error != NULL)
    g_debug ("The keyring could not be asked for the server's password: %s", error->message);
  if (password != NULL)
    {
      tandem_server_set_password (g_task_get_task_data (task), password);
      secret_password_wipe (password);
    }
  g_task_run_in_thread (task, open_thread);
}
#endif

/**
 * tandem_connect_async:
 * @uri: the team server, postgresql://…
 *
 * Opens @uri off the main thread, signed in with the password kept for it
 * in the keyring, if any. A server that wants a (different) password
 * fails with %TANDEM_STORE_ERROR_NEEDS_PASSWORD: ask the user, give it
 * with tandem_server_set_password(), and connect again.
 */
void
tandem_connect_async (const char          *uri,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (uri != NULL);

  g_task_set_source_tag (task, tandem_connect_async);
  g_task_set_task_data (task, g_strdup (uri), g_free);
#ifdef HAVE_LIBSECRET
  secret_password_lookup (password_schema (), cancellable, looked_up_cb, g_steal_pointer (&task),
                          "uri", uri, NULL);
#else
  g_task_run_in_thread (task, open_thread);
#endif
}

/* Returns: (transfer full): the store, or %NULL with @error set */
TandemStore *
tandem_connect_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

#ifdef HAVE_LIBSECRET
static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_message ("The server's password is kept for this run only: the keyring refused it (%s)", error->message);
}
#endif

/**
 * tandem_connect_remember:
 *
 * Keeps @password for @uri: for this run, and in the user's keyring for
 * the next (the server accepted it).
 */
void
tandem_connect_remember (const char *uri,
                         const char *password)
{
  g_return_if_fail (uri != NULL && password != NULL);

  tandem_server_set_password (uri, password);
#ifdef HAVE_LIBSECRET
  {
    g_autofree char *server = tandem_server_describe (uri);
    /* Translators: the keyring's name for a password; %s is a database on a server */
    g_autofree char *label = g_strdup_printf (_("Tandem team server: %s"), server);

    secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL, stored_cb, NULL,
                           "uri", uri, NULL);
  }
#endif
}
