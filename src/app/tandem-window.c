/* tandem-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-connect.h"
#include "tandem-connect-dialog.h"
#include "tandem-demo.h"
#include "tandem-load.h"
#include "tandem-pair.h"
#include "tandem-session-dialog.h"
#include "tandem-search.h"
#include "tandem-server.h"
#include "tandem-session.h"
#include "tandem-utils.h"
#include "tandem-window-private.h"

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
overdue_set_equal (const TandemOverdueSet *a,
                   const TandemOverdueSet *b)
{
  return a->first_pair == b->first_pair && a->n_pairs == b->n_pairs;
}

static void
reload_pages (TandemWindow *self)
{
  tandem_dashboard_page_reload (self->dashboard_page);
  tandem_programs_page_reload (self->programs_page);
  tandem_people_page_reload (self->people_page);
  tandem_coaching_page_reload (self->coaching_page);
  tandem_surveys_page_reload (self->surveys_page);
}

/* Whether one of the application's windows, dialogs included, has the
 * keyboard: then the user is here, not away. */
static gboolean
app_in_use (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean active = FALSE;

  for (GList *l = toplevels; l != NULL && !active; l = l->next)
    active = gtk_widget_get_mapped (l->data) && gtk_window_is_active (l->data);
  g_list_free (toplevels);
  return active;
}

#define OVERDUE_NOTIFICATION "overdue-coaching"
#define OVERDUE_CHECK_SECONDS (30 * 60)

/* Away from the window the banner goes unseen: a desktop notification says
 * the same, once for each new first overdue pair or count, with a button
 * that logs the session. Back at the window, the banner takes over. */
static void
update_overdue_notification (TandemWindow *self,
                             const char   *text)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  /* Before the window first shows, its banner is about to be seen. */
  gboolean away = self->shown && (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !app_in_use ());

  /* Notifications go through the application's D-Bus connection. */
  if (app == NULL || !g_application_get_is_registered (app) || g_application_get_is_remote (app) ||
      g_application_get_dbus_connection (app) == NULL)
    return;

  if (self->overdue.n_pairs == 0 || !away)
    {
      g_application_withdraw_notification (app, OVERDUE_NOTIFICATION);
      self->seen = self->overdue;
      return;
    }
  if (overdue_set_equal (&self->overdue, &self->seen))
    return;

  notification = g_notification_new (_("Coaching Session Overdue"));
  g_notification_set_body (notification, text);
  g_notification_set_default_action_and_target (notification, "app.log-session", "x", self->overdue.first_pair);
  g_notification_add_button_with_target (notification, _("Log Session"), "app.log-session", "x",
                                         self->overdue.first_pair);
  g_application_send_notification (app, OVERDUE_NOTIFICATION, notification);
  self->seen = self->overdue;
}

static gpointer
load_active_pairs (TandemStore  *store,
                   gpointer      input,
                   GError      **error)
{
  g_autoptr(GDate) today = tandem_date_new_today ();

  return tandem_pair_list_active (store, today, error);
}

/* A quiet banner over the pages when a pair has missed its cadence, unless
 * closed for these very pairs; a notification when the window is away. */

/* The banner says whom it is about in full; in a narrow (folded) window it
 * keeps to one line, the full sentence in its tooltip. */
static void
update_overdue_label (TandemWindow *self)
{
  gboolean narrow = adw_leaflet_get_folded (self->leaflet);

  gtk_label_set_wrap (self->overdue_label, !narrow);
  gtk_label_set_ellipsize (self->overdue_label, narrow ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (narrow)
    {
      g_autofree char *count = tandem_format_count (self->overdue.n_pairs);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pair overdue", "%s pairs overdue",
                                                            self->overdue.n_pairs),
                                               count);

      gtk_label_set_text (self->overdue_label, text);
    }
  else
    gtk_label_set_text (self->overdue_label, gtk_widget_get_tooltip_text (GTK_WIDGET (self->overdue_label)));
}

static void
overdue_pairs_loaded (gpointer      owner,
                      gpointer      result,
                      const GError *error)
{
  TandemWindow *self = owner;
  GListModel *pairs = result;   /* NULL: a database that cannot be read shows no banner */
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  TandemPair *first;

  g_clear_object (&self->overdue_loading);
  for (guint i = 0; pairs != NULL && i < g_list_model_get_n_items (pairs); i++)
    {
      TandemPair *pair = g_list_model_get_item (pairs, i);

      if (tandem_pair_get_status (pair) == TANDEM_PAIR_OVERDUE)
        g_ptr_array_add (overdue, pair);
      else
        g_object_unref (pair);
    }

  self->overdue.n_pairs = overdue->len;
  if (overdue->len == 0)
    {
      self->overdue.first_pair = 0;
      gtk_info_bar_set_revealed (self->overdue_bar, FALSE);
      update_overdue_notification (self, NULL);
      return;
    }

  /* Pairs come most overdue first. */
  first = g_ptr_array_index (overdue, 0);
  self->overdue.first_pair = tandem_pair_get_id (first);
  /* A pair is named as a pair: the executive with their mentor, not two
   * names that read like two people late for something. */
  if (overdue->len == 1)
    /* Translators: an executive, their mentor, and the day the session was due */
    text = g_strdup_printf (_("%s with mentor %s is overdue for a coaching session (due %s)."),
                            tandem_pair_get_executive (first), tandem_pair_get_mentor (first),
                            tandem_pair_get_next_due (first));
  else
    {
      g_autofree char *more = tandem_format_count (overdue->len - 1);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s with mentor %s is overdue for a coaching session, and %s more pair.",
                                           "%s with mentor %s is overdue for a coaching session, and %s more pairs.",
                                           overdue->len - 1),
                              tandem_pair_get_executive (first), tandem_pair_get_mentor (first), more);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_label), text);
  update_overdue_label (self);
  gtk_info_bar_set_revealed (self->overdue_bar, !overdue_set_equal (&self->overdue, &self->dismissed));
  update_overdue_notification (self, text);
}

/* Reads the active pairs off the main thread, then updates the banner. */
static void
update_overdue_bar (TandemWindow *self)
{
  if (self->store == NULL)
    {
      overdue_pairs_loaded (self, NULL, NULL);
      return;
    }
  tandem_load (self, self->store, &self->overdue_loading, load_active_pairs, NULL, NULL, g_object_unref,
               overdue_pairs_loaded);
}

/* A pair falls overdue as days pass, or when another program changes the
 * database, so the window looks again now and then. */
static gboolean
overdue_check_cb (gpointer user_data)
{
  update_overdue_bar (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
settled_check_cb (gpointer user_data)
{
  TandemWindow *self = user_data;

  self->settled_check = 0;
  update_overdue_bar (self);
  return G_SOURCE_REMOVE;
}

/* Back at the window, the banner replaces the notification at once; on
 * leaving it, the window waits for the keyboard to settle, which may be
 * in one of Tandem's own dialogs. */
static void
active_changed_cb (TandemWindow *self,
                   GParamSpec   *pspec,
                   gpointer      user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    update_overdue_bar (self);
  else if (self->settled_check == 0)
    self->settled_check = g_timeout_add_seconds (2, settled_check_cb, self);
}

/* Page loads wait for the first frame, a second at most (a window never
 * shown lets them go too). */
static void
release_loads (TandemWindow *self)
{
  if (self->load_hold != 0)
    {
      g_clear_handle_id (&self->load_hold, g_source_remove);
      tandem_load_release ();
    }
}

static gboolean
release_loads_cb (gpointer user_data)
{
  TandemWindow *self = user_data;

  self->load_hold = 0;
  tandem_load_release ();
  return G_SOURCE_REMOVE;
}

static void
painted_cb (GdkFrameClock *clock,
            TandemWindow  *self)
{
  tandem_startup_mark ("first-frame");
  release_loads (self);
  g_signal_handlers_disconnect_by_func (clock, painted_cb, self);
}

/* For TANDEM_DEBUG=startup: the first frame the window shows. */
static void
mapped_cb (TandemWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (painted_cb), self, 0);
}

static void
refresh_after_undo (TandemWindow *self)
{
  reload_pages (self);
  update_overdue_bar (self);
}

static void
session_saved_cb (TandemWindow *self,
                  gint64        session_id)
{
  refresh_after_undo (self);
  tandem_offer_undo_logged (GTK_WIDGET (self->toast_overlay), self->store, session_id,
                            G_CALLBACK (refresh_after_undo), self);
}

static void
open_session_dialog (TandemWindow *self,
                     gint64        pair_id)
{
  GtkWindow *dialog;

  if (self->store == NULL)
    return;
  dialog = tandem_session_dialog_new (GTK_WINDOW (self), self->store, pair_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (session_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
overdue_clicked_cb (TandemWindow *self)
{
  open_session_dialog (self, self->overdue.first_pair);
}

static void
overdue_response_cb (TandemWindow *self,
                     int           response)
{
  if (response == GTK_RESPONSE_CLOSE)
    {
      self->dismissed = self->overdue;
      gtk_info_bar_set_revealed (self->overdue_bar, FALSE);
    }
}

static void
data_changed_cb (TandemWindow *self,
                 const char   *message)
{
  reload_pages (self);
  update_overdue_bar (self);
  if (message != NULL)
    tandem_show_toast (self->toast_overlay, message);
}

/* Pages a member of a team server sees: their own pairs. */
static gboolean
page_allowed (TandemWindow *self,
              const char   *name)
{
  return self->access != TANDEM_ACCESS_MEMBER || g_strcmp0 (name, "coaching") == 0;
}

/* On a team server, the window offers what the login's group may do: a
 * member their pairs and sessions (the server shows them no one else's,
 * and no survey figures); a leader the pages, charts and pack, nothing
 * that writes on its own. What the server would refuse is not offered. */
static void
apply_access (TandemWindow *self)
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

      gtk_stack_page_set_visible (GTK_STACK_PAGE (page), page_allowed (self, gtk_stack_page_get_name (GTK_STACK_PAGE (page))));
    }
  g_object_unref (pages);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_visible (row, page_allowed (self, gtk_widget_get_name (row)));
  if (!page_allowed (self, tandem_window_get_page (self)))
    tandem_window_show_page (self, "coaching");
}

/* Welcome when the database is empty, the pages once it holds data. */
static void
update_main_stack (TandemWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = TRUE;

  if (self->store == NULL)
    {
      /* A team server still connecting, or not reached, has its own page. */
      if (self->server == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  /* Not known (the record could not be read): the pages, which say why,
   * rather than the welcome, which would say there is nothing. */
  if (!tandem_store_is_empty (self->store, &empty, &error))
    {
      g_message ("Could not tell whether the database is empty: %s", error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      return;
    }

  /* An empty database shows the welcome, until the user chooses to start
   * empty or to import their people: then the pages, with their empty states. */
  {
    gboolean welcome = empty && !self->start_empty;

    gtk_stack_set_visible_child_name (self->main_stack, welcome ? "welcome" : "main");
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", empty);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-demo", !empty && tandem_demo_is_all (self->store));
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", !empty);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", !welcome);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !welcome);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-session", !empty);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", !empty);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pack", !empty);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-record", !empty);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", !empty);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-data", !empty);
  }
  apply_access (self);
  update_overdue_bar (self);
}

/* After something replaced the data wholesale (the demo, a restore): every
 * page reloads, and the window shows the welcome or the pages again. */
void
_tandem_window_data_replaced (TandemWindow *self)
{
  reload_pages (self);
  update_main_stack (self);
}

/* The item a page shows on a destination page of its own (a program, a
 * pair), or NULL while it shows its list. */
const char *
_tandem_window_get_detail_title (TandemWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);

  if (child == GTK_WIDGET (self->programs_page))
    return tandem_programs_page_get_detail_title (self->programs_page);
  if (child == GTK_WIDGET (self->coaching_page))
    return tandem_coaching_page_get_detail_title (self->coaching_page);
  return NULL;
}

/* The header bar names the page, or the item shown with the page beneath
 * it; Back leads from an item to its list, else (folded) to the sidebar. */
static void
update_page_title (TandemWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  GtkStackPage *page = gtk_stack_get_page (self->page_stack, child);
  const char *name = gtk_stack_page_get_name (page);
  const char *detail = _tandem_window_get_detail_title (self);

  adw_window_title_set_title (self->page_title, detail != NULL ? detail : gtk_stack_page_get_title (page));
  /* On a team server, the subtitle says which: everyone there sees the
   * same record, so it is worth a glance. */
  if (detail != NULL && self->server_name != NULL)
    {
      /* Translators: the page an item is on, then the team server it is kept on */
      g_autofree char *both = g_strdup_printf (_("%s — %s"), gtk_stack_page_get_title (page), self->server_name);

      adw_window_title_set_subtitle (self->page_title, both);
    }
  else
    adw_window_title_set_subtitle (self->page_title, detail != NULL ? gtk_stack_page_get_title (page)
                                                                    : self->server_name);
  gtk_widget_set_visible (self->back_button, detail != NULL || adw_leaflet_get_folded (self->leaflet));
  tandem_icon_button_set_label (self->back_button, detail != NULL ? gtk_stack_page_get_title (page) : _("Back"));
  gtk_widget_set_visible (self->export_button, g_strcmp0 (name, "dashboard") == 0);
}

/* Names the team server in the window's subtitle and title. */
static void
set_server (TandemWindow *self,
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
  update_page_title (self);
}

/* Which tables each page shows something of. */
static const struct
{
  const char *page;
  const char *tables;
} page_tables[] = {
  { "programs", " program program_role program_topic enrollment person role department competency "
                "competency_level role_competency program_competency " },
  { "people", " person role department enrollment " },
  { "coaching", " mentoring_pair coaching_session follow_up person " },
  { "surveys", " survey_wave survey_item survey_response survey_tally " },
};

static gboolean
page_shows (const char         *page,
            const char * const *tables)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_tables); i++)
    if (g_str_equal (page_tables[i].page, page))
      for (guint t = 0; tables[t] != NULL; t++)
        {
          g_autofree char *word = g_strdup_printf (" %s ", tables[t]);

          if (strstr (page_tables[i].tables, word) != NULL)
            return TRUE;
        }
  return FALSE;
}

/* Someone else changed the record on the server: the pages that show what
 * they changed read it again (the dashboard sums up everything); %NULL
 * tables, after the connection came back, means all of them. */
static void
watch_changed_cb (TandemWindow       *self,
                  const char * const *tables)
{
  static const char * const all[] = { "program", "person", "mentoring_pair", "survey_wave", NULL };

  if (tables == NULL)
    tables = all;
  tandem_dashboard_page_reload (self->dashboard_page);
  if (page_shows ("programs", tables))
    tandem_programs_page_reload (self->programs_page);
  if (page_shows ("people", tables))
    tandem_people_page_reload (self->people_page);
  if (page_shows ("coaching", tables))
    {
      tandem_coaching_page_reload (self->coaching_page);
      update_overdue_bar (self);
    }
  if (page_shows ("surveys", tables))
    tandem_surveys_page_reload (self->surveys_page);
  /* The record may have gone from empty to full, or back. */
  update_main_stack (self);
}

static GtkWidget *
create_sidebar_row (GtkStackPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, gtk_stack_page_get_name (page));
  return row;
}

static void
sidebar_row_activated_cb (TandemWindow  *self,
                          GtkListBoxRow *row)
{
  gtk_stack_set_visible_child_name (self->page_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  update_page_title (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
leaflet_folded_cb (TandemWindow *self)
{
  update_page_title (self);
  update_overdue_label (self);
  tandem_people_page_set_narrow (self->people_page, adw_leaflet_get_folded (self->leaflet));
  /* Folded, the sidebar is a page of its own and needs no selection shown. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
  else
    {
      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_SINGLE);
      tandem_window_show_page (self, tandem_window_get_page (self));
    }
}

static gboolean
tandem_window_close_request (GtkWindow *window)
{
  TandemWindow *self = TANDEM_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (gtk_stack_get_visible_child_name (self->main_stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "main"))
    g_settings_set_string (self->settings, "last-page", tandem_window_get_page (self));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (tandem_window_parent_class)->close_request (window);
}

static void
tandem_window_dispose (GObject *object)
{
  TandemWindow *self = (TandemWindow *)object;

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  g_clear_handle_id (&self->overdue_check, g_source_remove);
  g_clear_handle_id (&self->settled_check, g_source_remove);
  release_loads (self);
  g_cancellable_cancel (self->overdue_loading);
  g_clear_object (&self->overdue_loading);
  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  g_clear_object (&self->watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->server_name, g_free);

  G_OBJECT_CLASS (tandem_window_parent_class)->dispose (object);
}

static void reconnect_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter);

static void
tandem_window_class_init (TandemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_window_dispose;
  window_class->close_request = tandem_window_close_request;

  g_type_ensure (TANDEM_TYPE_DASHBOARD_PAGE);
  g_type_ensure (TANDEM_TYPE_PROGRAMS_PAGE);
  g_type_ensure (TANDEM_TYPE_PEOPLE_PAGE);
  g_type_ensure (TANDEM_TYPE_COACHING_PAGE);
  g_type_ensure (TANDEM_TYPE_SURVEYS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/tandem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, connecting_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, unreachable_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, content);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, overdue_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, overdue_button);
  gtk_widget_class_bind_template_callback (widget_class, overdue_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, data_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, programs_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, coaching_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, surveys_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);
  _tandem_window_class_actions_init (widget_class);
}

static void
map_cb (TandemWindow *self)
{
  self->shown = TRUE;
  /* Said once, in a dialog, as well as on the page behind it. */
  if (self->error_message != NULL)
    tandem_show_error (GTK_WIDGET (self), _("The Database Cannot Be Opened"), self->error_message);
  g_clear_pointer (&self->error_message, g_free);
}

static void
tandem_window_init (TandemWindow *self)
{
  g_autofree char *last_page = NULL;
  GListModel *pages;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  tandem_load_hold ();
  self->load_hold = g_timeout_add_seconds (1, release_loads_cb, self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "anonymity-threshold", self->dashboard_page, "threshold",
                   G_SETTINGS_BIND_GET);

  adw_status_page_set_icon_name (self->welcome_page, APPLICATION_ID);

  /* One sidebar row per page of the stack, so the two never disagree. */
  pages = G_LIST_MODEL (gtk_stack_get_pages (self->page_stack));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      gtk_list_box_append (self->sidebar_list, create_sidebar_row (GTK_STACK_PAGE (page)));
    }
  g_object_unref (pages);

  last_page = g_settings_get_string (self->settings, "last-page");
  tandem_window_show_page (self, last_page);

  /* A narrow window opens on the page, with Back leading to the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  g_signal_connect_swapped (self->programs_page, "notify::detail-title", G_CALLBACK (update_page_title), self);
  g_signal_connect_swapped (self->coaching_page, "notify::detail-title", G_CALLBACK (update_page_title), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_swapped (self->overdue_button, "clicked", G_CALLBACK (overdue_clicked_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  self->overdue_check = g_timeout_add_seconds (OVERDUE_CHECK_SECONDS, overdue_check_cb, self);
}

/* What the window shows from a store once it has one. */
static void
attach_store (TandemWindow *self,
              TandemStore  *store)
{
  self->store = g_object_ref (store);
  /* A save while another program writes (a long import from the command
   * line) says so after half a second rather than freezing the window for
   * up to 30 s; nothing is lost, the dialog stays open. */
  tandem_store_set_wait (store, 500);

  /* A page the login may not see is never read. */
  self->access = tandem_store_get_access (store);
  if (page_allowed (self, "dashboard"))
    tandem_dashboard_page_set_store (self->dashboard_page, store);
  if (page_allowed (self, "programs"))
    tandem_programs_page_set_store (self->programs_page, store);
  if (page_allowed (self, "people"))
    tandem_people_page_set_store (self->people_page, store);
  tandem_coaching_page_set_store (self->coaching_page, store);
  if (page_allowed (self, "surveys"))
    tandem_surveys_page_set_store (self->surveys_page, store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reconnect", FALSE);
  update_main_stack (self);

  /* On a team server, what others change shows here within a second. */
  self->watch = tandem_store_watch_new (store);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (watch_changed_cb), self, G_CONNECT_SWAPPED);
}

TandemWindow *
tandem_window_new (GtkApplication *application,
                   TandemStore    *store)
{
  TandemWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);
  if (tandem_server_is_uri (tandem_store_get_path (store)))
    set_server (self, tandem_store_get_path (store));
  attach_store (self, store);

  return self;
}

/* Everything that reads or writes the record waits for one. */
static void
disable_data_actions (TandemWindow *self)
{
  static const char * const actions[] = {
    "win.load-demo", "win.export-chart", "win.show-page", "win.search", "win.log-session", "win.present",
    "win.export-pack", "win.export-record", "win.print", "win.show-data", "win.backup", "win.restore",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], FALSE);
}

/**
 * tandem_window_new_for_error:
 *
 * A window that says why the database could not be opened, and keeps every
 * action that would touch data disabled.
 */
TandemWindow *
tandem_window_new_for_error (GtkApplication *application,
                             const GError   *error)
{
  TandemWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);
  adw_status_page_set_description (self->error_page, error->message);
  self->error_message = g_strdup (error->message);
  disable_data_actions (self);
  update_main_stack (self);

  return self;
}

static void connect_to_server (TandemWindow *self);

static void
server_password_given_cb (TandemWindow *self,
                          TandemStore  *store)
{
  if (self->store == NULL)
    attach_store (self, store);
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
      attach_store (self, store);
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

static void
reconnect_action (GtkWidget  *widget,
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
  set_server (self, uri);
  disable_data_actions (self);
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

/* Returns: (transfer none) (nullable): the store, %NULL when it could not be opened */
TandemStore *
tandem_window_get_store (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->store;
}

void
tandem_window_show_page (TandemWindow *self,
                         const char   *name)
{
  GtkWidget *row;

  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->page_stack, name) == NULL)
    name = "dashboard";
  if (!page_allowed (self, name))
    name = "coaching";

  gtk_stack_set_visible_child_name (self->page_stack, name);
  update_page_title (self);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
}

const char *
tandem_window_get_page (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

/**
 * tandem_window_log_session:
 * @pair_id: the pair to log a session for, or 0 for the one logged last
 *
 * Opens the dialog that logs a coaching session, as Ctrl+L does.
 */
void
tandem_window_log_session (TandemWindow *self,
                           gint64        pair_id)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));

  open_session_dialog (self, pair_id);
}

/**
 * tandem_window_show_item:
 * @item: "person:ID", "program:ID" or "search:TEXT", as the Shell's
 *   search results name them
 *
 * Opens what @item names: a person's dialog over the People page, a
 * program's page, or the People page searched for TEXT.
 */
void
tandem_window_show_item (TandemWindow *self,
                         const char   *item)
{
  TandemSearchKind kind = TANDEM_SEARCH_ACTION;
  gint64 id = 0;
  gboolean found;

  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (item != NULL);

  if (self->store == NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  found = tandem_search_parse_id (item, &kind, &id);
  if (found && kind == TANDEM_SEARCH_PERSON)
    {
      tandem_window_show_page (self, "people");
      tandem_people_page_open_person (self->people_page, id);
    }
  else if (found && kind == TANDEM_SEARCH_PROGRAM)
    {
      tandem_window_show_page (self, "programs");
      tandem_programs_page_show_program (self->programs_page, id);
    }
  else if (g_str_has_prefix (item, "search:"))
    {
      tandem_window_show_page (self, "people");
      tandem_people_page_search (self->people_page, item + 7);
    }
}

/**
 * tandem_window_check_overdue:
 *
 * Looks again at which mentoring pairs are overdue: the banner, and the
 * notification when the window is away. The window does this itself every
 * half hour, when it becomes active and when data changes.
 */
void
tandem_window_check_overdue (TandemWindow *self)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));

  update_overdue_bar (self);
}
