/* tandem-window-server.c — the window on a team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the main window does when its record is on a team server:
 * connecting without blocking (and asking for a password), naming the
 * server, offering what the login's group may do, and reading again what
 * others change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-connect.h"
#include "tandem-connect-dialog.h"
#include "tandem-server.h"
#include "tandem-window-private.h"

/* Pages a member of a team server sees: their own pairs. */
gboolean
_tandem_window_page_allowed (TandemWindow *self,
              const char   *name)
{
  return self->access != TANDEM_ACCESS_MEMBER || g_strcmp0 (name, "coaching") == 0;
}

/* On a team server, the window offers what the login's group may do: a
 * member their pairs and sessions (the server shows them no one else's,
 * and no survey figures); a leader the pages, charts and pack, nothing
 * that writes on its own. What the server would refuse is not offered. */
void
_tandem_window_apply_access (TandemWindow *self)
{
  static const char * const writes[] = { "win.load-demo", "win.remove-demo", "win.import-people", "win.restore" };
  static const char * const reports[] = { "win.export-chart", "win.present", "win.export-pack",
                                          "win.export-record", "win.print", "win.show-data", "win.search",
                                          "win.backup", "win.competencies" };
  GListModel *pages = G_LIST_MODEL (gtk_stack_get_pages (self->page_stack));

  if (self->access == TANDEM_ACCESS_ALL || self->access == TANDEM_ACCESS_MANAGER)
    {
      g_object_unref (pages);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writes[i], FALSE);
  if (self->access == TANDEM_ACCESS_LEADER)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-session", FALSE);
      gtk_widget_set_visible (self->overdue_button, FALSE);
    }
  if (self->access == TANDEM_ACCESS_MEMBER)
    for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), reports[i], FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      gtk_stack_page_set_visible (GTK_STACK_PAGE (page), _tandem_window_page_allowed (self, gtk_stack_page_get_name (GTK_STACK_PAGE (page))));
    }
  g_object_unref (pages);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_visible (row, _tandem_window_page_allowed (self, gtk_widget_get_name (row)));
  if (!_tandem_window_page_allowed (self, tandem_window_get_page (self)))
    tandem_window_show_page (self, "coaching");
}

/* Names the team server in the window's subtitle and title. */
void
_tandem_window_set_server (TandemWindow *self,
            const char   *uri)
{
  g_autofree char *title = NULL;

  g_free (self->server);
  self->server = g_strdup (uri);
  g_free (self->server_name);
  self->server_name = tandem_server_describe (uri);
  /* Translators: the window's title on a team server; %s is "tandem on db.example.org" */
  title = g_strdup_printf (_("Tandem — %s"), self->server_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  _tandem_window_update_page_title (self);
}

/* The tables each page shows something of (the dashboard sums up all). */
static const struct
{
  const char         *page;
  const char * const  tables[13];
} page_tables[] = {
  { "programs", { "program", "program_role", "program_topic", "enrollment", "person", "role", "department",
                  "competency", "competency_level", "role_competency", "program_competency", NULL } },
  { "people", { "person", "role", "department", "enrollment", NULL } },
  { "coaching", { "mentoring_pair", "coaching_session", "follow_up", "person", NULL } },
  { "surveys", { "survey_wave", "survey_item", "survey_response", "survey_tally", NULL } },
};

static gboolean
page_shows (const char         *page,
            const char * const *tables)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_tables); i++)
    if (g_str_equal (page_tables[i].page, page))
      for (guint t = 0; tables[t] != NULL; t++)
        if (g_strv_contains (page_tables[i].tables, tables[t]))
          return TRUE;
  return FALSE;
}

/**
 * _tandem_window_watch_changed:
 * @tables: (nullable): the tables someone else changed; %NULL for any
 *
 * Someone else changed the record: the pages that show what they changed
 * read it again, every page when it could be anything.
 */
void
_tandem_window_watch_changed (TandemWindow       *self,
                              const char * const *tables)
{
  if (tables == NULL)
    _tandem_window_reload_pages (self);
  else
    {
      _tandem_window_reload_page (self, "dashboard");
      for (guint i = 0; i < G_N_ELEMENTS (page_tables); i++)
        if (page_shows (page_tables[i].page, tables))
          _tandem_window_reload_page (self, page_tables[i].page);
    }
  if (tables == NULL || page_shows ("coaching", tables))
    _tandem_window_update_overdue_bar (self);
  /* The record may have gone from empty to full, or back. */
  _tandem_window_update_main_stack (self);
}

static void connect_to_server (TandemWindow *self);

static void
server_password_given_cb (TandemWindow *self,
                          TandemStore  *store)
{
  if (self->store == NULL)
    _tandem_window_attach_store (self, store);
}

static void
server_connected_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TandemWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_connect_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->connecting);
  gtk_spinner_set_spinning (self->connecting_spinner, FALSE);
  if (store != NULL)
    {
      _tandem_window_attach_store (self, store);
      return;
    }

  /* Not reached, or not let in: the page says so, with a way on. */
  adw_status_page_set_description (self->unreachable_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "unreachable");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reconnect", TRUE);
  if (g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NEEDS_PASSWORD))
    {
      GtkWindow *dialog = tandem_connect_dialog_new (GTK_WINDOW (self), self->server, error);

      adw_status_page_set_title (self->unreachable_page, _("The Team Server Asks for a Password"));
      g_signal_connect_object (dialog, "connected", G_CALLBACK (server_password_given_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (dialog);
    }
  else
    adw_status_page_set_title (self->unreachable_page, _("The Team Server Cannot Be Reached"));
}

/* Connects off the main thread, with a spinner meanwhile. */
static void
connect_to_server (TandemWindow *self)
{
  g_autofree char *connecting = NULL;

  /* Translators: %s is a database on a team server, "tandem on db.example.org" */
  connecting = g_strdup_printf (_("Opening %s…"), self->server_name);
  adw_status_page_set_description (self->connecting_page, connecting);
  gtk_stack_set_visible_child_name (self->main_stack, "connecting");
  gtk_spinner_set_spinning (self->connecting_spinner, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reconnect", FALSE);
  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  self->connecting = g_cancellable_new ();
  tandem_connect_async (self->server, self->connecting, server_connected_cb, g_object_ref (self));
}

void
_tandem_window_reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->store == NULL && self->server != NULL)
    connect_to_server (self);
}

/**
 * tandem_window_new_for_server:
 * @uri: a team server, postgresql://…
 *
 * A window that connects to @uri without blocking: a spinner while it
 * does, the pages once it has, or a page that says why not, with Try
 * Again and the local file.
 */
TandemWindow *
tandem_window_new_for_server (GtkApplication *application,
                              const char     *uri)
{
  TandemWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (tandem_server_is_uri (uri), NULL);

  self = g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);
  _tandem_window_set_server (self, uri);
  _tandem_window_disable_data_actions (self);
  connect_to_server (self);

  return self;
}

/* Returns: (nullable): the team server this window is for */
const char *
tandem_window_get_server (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->server;
}
