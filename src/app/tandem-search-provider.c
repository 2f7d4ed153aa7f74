/* tandem-search-provider.c — GNOME Shell's search finds people, programs
 * and "log a session" in Tandem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * org.gnome.Shell.SearchProvider2 on the application's own bus connection.
 * The Shell asks as the user types, so every search and every description
 * is read in a worker thread, on a connection of its own to the database
 * the window shows (or would show); the main thread only routes. The
 * application is held while a request is under way, so a Tandem started by
 * D-Bus for the Shell alone stays up to answer.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "tandem-application.h"
#include "tandem-search-provider.h"
#include "tandem-search.h"
#include "tandem-window.h"

/* The Shell shows a few of each; more would only cost time. */
#define MAX_HITS 10

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _TandemSearchProvider
{
  GObject          parent_instance;

  GApplication    *application;   /* weak: it owns us */
  GDBusConnection *connection;
  guint            registration_id;
};

G_DEFINE_FINAL_TYPE (TandemSearchProvider, tandem_search_provider, G_TYPE_OBJECT)

/* One request for the worker thread. */
typedef struct
{
  GDBusMethodInvocation *invocation;
  char                  *path;
  char                 **words;      /* terms, or identifiers for metas */
  gboolean               metas;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->invocation);
  g_free (request->path);
  g_strfreev (request->words);
  g_free (request);
}

static GVariant *
hit_to_meta (TandemSearchHit *hit)
{
  static const char * const icons[] = {
    [TANDEM_SEARCH_ACTION] = "document-edit-symbolic",
    [TANDEM_SEARCH_PERSON] = "avatar-default-symbolic",
    [TANDEM_SEARCH_PROGRAM] = "x-office-presentation-symbolic",
  };
  g_autoptr(GIcon) icon = g_themed_icon_new (icons[hit->kind]);
  GVariantBuilder meta;

  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (hit->id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (hit->name));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (hit->description));
  g_variant_builder_add (&meta, "{sv}", "icon", g_icon_serialize (icon));
  return g_variant_builder_end (&meta);
}

/* In the worker thread: answers the request from the database. A database
 * that cannot be opened (none yet, or damaged) finds nothing: the Shell is
 * no place for an error. */
static void
answer (GTask        *task,
        gpointer      source_object,
        gpointer      task_data,
        GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(TandemStore) store = tandem_store_open_existing (request->path, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  GVariantBuilder results;

  if (request->metas)
    {
      g_variant_builder_init (&results, G_VARIANT_TYPE ("aa{sv}"));
      for (guint i = 0; store != NULL && request->words[i] != NULL; i++)
        {
          g_autoptr(TandemSearchHit) hit = tandem_search_describe (store, request->words[i], NULL);

          if (hit != NULL)
            g_variant_builder_add_value (&results, hit_to_meta (hit));
        }
      g_dbus_method_invocation_return_value (request->invocation, g_variant_new ("(aa{sv})", &results));
    }
  else
    {
      g_variant_builder_init (&results, G_VARIANT_TYPE ("as"));
      if (store != NULL)
        hits = tandem_search (store, (const char * const *)request->words, MAX_HITS, NULL);
      for (guint i = 0; hits != NULL && i < hits->len; i++)
        g_variant_builder_add (&results, "s", ((TandemSearchHit *)g_ptr_array_index (hits, i))->id);
      g_dbus_method_invocation_return_value (request->invocation, g_variant_new ("(as)", &results));
    }
  g_task_return_boolean (task, TRUE);
}

static void
answered (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  TandemSearchProvider *self = TANDEM_SEARCH_PROVIDER (source);

  if (self->application != NULL)
    g_application_release (self->application);
}

static void
start_request (TandemSearchProvider  *self,
               GDBusMethodInvocation *invocation,
               GVariant              *words,
               gboolean               metas)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, answered, NULL);
  Request *request = g_new0 (Request, 1);

  request->invocation = g_object_ref (invocation);
  request->path = tandem_application_dup_current_database (TANDEM_APPLICATION (self->application));
  request->words = g_variant_dup_strv (words, NULL);
  request->metas = metas;
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);
  g_task_set_source_tag (task, start_request);
  g_application_hold (self->application);
  g_task_run_in_thread (task, answer);
}

/* On the main thread: the window, then what was chosen in it. */
static void
activate (TandemSearchProvider *self,
          const char           *item,
          guint32               timestamp)
{
  GtkWindow *window;

  if (g_str_equal (item, "log-session"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "log-session", g_variant_new_int64 (0));
      return;
    }
  g_application_activate (self->application);
  window = gtk_application_get_active_window (GTK_APPLICATION (self->application));
  if (TANDEM_IS_WINDOW (window))
    {
      tandem_window_show_item (TANDEM_WINDOW (window), item);
      gtk_window_present_with_time (window, timestamp);
    }
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  TandemSearchProvider *self = user_data;

  if (self->application == NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED, "Quitting");
      return;
    }

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      start_request (self, invocation, terms, FALSE);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      /* The earlier results are capped, so narrowing them could miss
       * people: search again, which is as quick. */
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);

      start_request (self, invocation, terms, FALSE);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) identifiers = g_variant_get_child_value (parameters, 0);

      start_request (self, invocation, identifiers, TRUE);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *item;
      guint32 timestamp;

      g_variant_get (parameters, "(&s@asu)", &item, NULL, &timestamp);
      activate (self, item, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *item = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      joined = g_strjoinv (" ", (char **)terms);
      item = g_strconcat ("search:", joined, NULL);
      activate (self, item, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { NULL } };

static void
tandem_search_provider_dispose (GObject *object)
{
  TandemSearchProvider *self = TANDEM_SEARCH_PROVIDER (object);

  tandem_search_provider_unexport (self);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (tandem_search_provider_parent_class)->dispose (object);
}

static void
tandem_search_provider_class_init (TandemSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_search_provider_dispose;
}

static void
tandem_search_provider_init (TandemSearchProvider *self)
{
}

TandemSearchProvider *
tandem_search_provider_new (GApplication *application)
{
  TandemSearchProvider *self = g_object_new (TANDEM_TYPE_SEARCH_PROVIDER, NULL);

  g_set_weak_pointer (&self->application, application);
  return self;
}

/**
 * tandem_search_provider_export:
 * @object_path: where the Shell's .ini says the provider is
 *
 * Returns: whether the provider is on @connection
 */
gboolean
tandem_search_provider_export (TandemSearchProvider  *self,
                               GDBusConnection       *connection,
                               const char            *object_path,
                               GError               **error)
{
  g_autoptr(GDBusNodeInfo) node = NULL;

  g_return_val_if_fail (TANDEM_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  node = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (node == NULL)
    return FALSE;
  self->registration_id = g_dbus_connection_register_object (connection, object_path, node->interfaces[0],
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
tandem_search_provider_unexport (TandemSearchProvider *self)
{
  g_return_if_fail (TANDEM_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
