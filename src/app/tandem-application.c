/* tandem-application.c — the application: options, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-application.h"
#include "tandem-connect-dialog.h"
#include "tandem-preferences-window.h"
#include "tandem-search-provider.h"
#include "tandem-server.h"
#include "tandem-store.h"
#include "tandem-window.h"

struct _TandemApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  GSettings      *settings;
  char           *pending_action;   /* from --log-session or --present, for once the window is up */
  TandemSearchProvider *search_provider;
};

/* How long a Tandem started by D-Bus for GNOME Shell's search waits for
 * the next question before it quits. */
#define SERVICE_INACTIVITY_MS 10000

G_DEFINE_FINAL_TYPE (TandemApplication, tandem_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this database file, or a team server as postgresql://SERVER/DATABASE (default: $TANDEM_DATABASE, "
       "else the team server last connected to, else ~/.local/share/tandem/tandem.db)"),
    N_("FILE|URI") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "log-session", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the dialog that logs a coaching session (in Tandem if it is running)"), NULL },
  { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Present the gaps full screen (in Tandem if it is running)"), NULL },
  { NULL }
};

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close windows the ordinary way, so each saves its state first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Tandem developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APPLICATION_ID,
                        "application-name", "Tandem",
                        "developer-name", _("The Tandem developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Close the AI gaps between leaders and teams: AI-literacy "
                                      "programs by role, reverse mentoring for executives, and "
                                      "pulse surveys that show whether it works."),
                        "website", "https://github.com/tandemhq/tandem",
                        "issue-url", "https://github.com/tandemhq/tandem/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Tandem developers",
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = tandem_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (window);
}

/* From the overdue notification: the window, and the dialog for that pair. */
static void
log_session_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (app);
  if (TANDEM_IS_WINDOW (window))
    tandem_window_log_session (TANDEM_WINDOW (window), g_variant_get_int64 (parameter));
}

/* The desktop file's "Present the Gaps": the window, then the story. */
static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (app);
  if (TANDEM_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
}

/* What the window opens: --database, else $TANDEM_DATABASE, else the
 * team server last connected to, else the local file. */
static char *
dup_target (TandemApplication *self)
{
  g_autofree char *server = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  if (g_getenv ("TANDEM_DATABASE") == NULL && self->settings != NULL)
    {
      server = g_settings_get_string (self->settings, "server");
      if (tandem_server_is_uri (server))
        return g_steal_pointer (&server);
    }
  return tandem_store_dup_default_path ();
}

static GtkWindow *
new_window (TandemApplication *self,
            const char        *target)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (tandem_server_is_uri (target))
    return GTK_WINDOW (tandem_window_new_for_server (GTK_APPLICATION (self), target));
  store = tandem_store_open (target, &error);
  if (store != NULL)
    return GTK_WINDOW (tandem_window_new (GTK_APPLICATION (self), store));
  return GTK_WINDOW (tandem_window_new_for_error (GTK_APPLICATION (self), error));
}

/* Whether the window shows a team server (or tries to): then the local
 * file is one menu item away. */
static void
update_local_file_action (TandemApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "use-local-file");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               TANDEM_IS_WINDOW (window) && tandem_window_get_server (TANDEM_WINDOW (window)) != NULL);
}

/* One window at a time: the new one takes the old one's place. */
static void
replace_window (TandemApplication *self,
                GtkWindow         *window)
{
  g_autoptr(GList) old = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  gtk_window_present (window);
  for (GList *l = old; l != NULL; l = l->next)
    if (TANDEM_IS_WINDOW (l->data) && l->data != (gpointer)window)
      gtk_window_close (l->data);
  update_local_file_action (self);
}

static void
server_connected_cb (TandemApplication *self,
                     TandemStore       *store)
{
  const char *uri = tandem_store_get_path (store);

  /* The address is remembered for the next start, never a password. */
  if (self->database_path == NULL && !tandem_server_has_password (uri))
    g_settings_set_string (self->settings, "server", uri);
  replace_window (self, GTK_WINDOW (tandem_window_new (GTK_APPLICATION (self), store)));
}

static void
connect_server_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *current = TANDEM_IS_WINDOW (parent) ? tandem_window_get_server (TANDEM_WINDOW (parent)) : NULL;
  g_autofree char *last = g_settings_get_string (self->settings, "server");
  GtkWindow *dialog = tandem_connect_dialog_new (parent, current != NULL ? current : (*last != '\0' ? last : NULL),
                                                 NULL);

  g_signal_connect_object (dialog, "connected", G_CALLBACK (server_connected_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* Back to this computer's own file; the server is forgotten as the place
 * to open next time (its password stays in the keyring). */
static void
use_local_file_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TandemApplication *self = user_data;
  g_autofree char *path = NULL;

  g_settings_set_string (self->settings, "server", "");
  if (self->database_path != NULL && tandem_server_is_uri (self->database_path))
    g_clear_pointer (&self->database_path, g_free);
  path = dup_target (self);
  /* $TANDEM_DATABASE naming a server: this computer's own file, then. */
  if (tandem_server_is_uri (path))
    {
      g_free (path);
      path = tandem_store_dup_local_path ();
    }
  replace_window (self, new_window (self, path));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "log-session", log_session_action, "x" },
  { "present", present_action },
  { "connect-server", connect_server_action },
  { "use-local-file", use_local_file_action },
};

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static int
tandem_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  TandemApplication *self = TANDEM_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("tandem %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    tandem_application_set_database_path (self, database);

  /* The desktop file's actions go to the running instance when there is
   * one, and wait for the window when this is it. */
  if (g_variant_dict_contains (options, "log-session") || g_variant_dict_contains (options, "present"))
    {
      const char *action = g_variant_dict_contains (options, "present") ? "present" : "log-session";
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("tandem: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), action,
                                          g_str_equal (action, "present") ? NULL : g_variant_new_int64 (0));
          return 0;
        }
      g_free (self->pending_action);
      self->pending_action = g_strdup (action);
    }

  return -1;
}

static void
tandem_application_startup (GApplication *application)
{
  TandemApplication *self = TANDEM_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (tandem_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, color_scheme_get_mapping, NULL, NULL, NULL);
}

static void
tandem_application_activate (GApplication *application)
{
  TandemApplication *self = TANDEM_APPLICATION (application);
  g_autofree char *target = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  target = dup_target (self);
  window = new_window (self, target);
  gtk_window_present (window);
  update_local_file_action (self);

  if (self->pending_action != NULL)
    {
      g_autofree char *action = g_steal_pointer (&self->pending_action);

      g_action_group_activate_action (G_ACTION_GROUP (self), action,
                                      g_str_equal (action, "present") ? NULL : g_variant_new_int64 (0));
    }
}

/* GNOME Shell's search provider, beside the application's actions; the
 * path is the one the search provider's .ini names. */
static gboolean
tandem_application_dbus_register (GApplication     *application,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  TandemApplication *self = TANDEM_APPLICATION (application);
  g_autofree char *provider_path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (tandem_application_parent_class)->dbus_register (application, connection,
                                                                               object_path, error))
    return FALSE;
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (application, SERVICE_INACTIVITY_MS);
  if (self->search_provider == NULL)
    self->search_provider = tandem_search_provider_new (application);
  return tandem_search_provider_export (self->search_provider, connection, provider_path, error);
}

static void
tandem_application_dbus_unregister (GApplication    *application,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  TandemApplication *self = TANDEM_APPLICATION (application);

  if (self->search_provider != NULL)
    tandem_search_provider_unexport (self->search_provider);
  G_APPLICATION_CLASS (tandem_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
tandem_application_finalize (GObject *object)
{
  TandemApplication *self = (TandemApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->pending_action, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (tandem_application_parent_class)->finalize (object);
}

static void
tandem_application_class_init (TandemApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tandem_application_finalize;

  app_class->handle_local_options = tandem_application_handle_local_options;
  app_class->startup = tandem_application_startup;
  app_class->activate = tandem_application_activate;
  app_class->dbus_register = tandem_application_dbus_register;
  app_class->dbus_unregister = tandem_application_dbus_unregister;
}

static void
tandem_application_init (TandemApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Close the AI gaps between leaders and teams."));
}

TandemApplication *
tandem_application_new (GApplicationFlags flags)
{
  return g_object_new (TANDEM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", flags,
                       NULL);
}

const char *
tandem_application_get_database_path (TandemApplication *self)
{
  g_return_val_if_fail (TANDEM_IS_APPLICATION (self), NULL);

  return self->database_path;
}

void
tandem_application_set_database_path (TandemApplication *self,
                                      const char        *path)
{
  char *copy;

  g_return_if_fail (TANDEM_IS_APPLICATION (self));

  copy = g_strdup (path);
  g_free (self->database_path);
  self->database_path = copy;
}

/**
 * tandem_application_dup_current_database:
 *
 * Returns: (transfer full): the database the window shows, else the one
 *   it would open: --database, $TANDEM_DATABASE, the team server last
 *   connected to, or the default file
 */
char *
tandem_application_dup_current_database (TandemApplication *self)
{
  GtkWindow *window;

  g_return_val_if_fail (TANDEM_IS_APPLICATION (self), NULL);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (TANDEM_IS_WINDOW (window) && tandem_window_get_store (TANDEM_WINDOW (window)) != NULL)
    return g_strdup (tandem_store_get_path (tandem_window_get_store (TANDEM_WINDOW (window))));
  return dup_target (self);
}
