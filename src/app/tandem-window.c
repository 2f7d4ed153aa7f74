/* tandem-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-chart-view.h"
#include "tandem-coaching-page.h"
#include "tandem-dashboard-page.h"
#include "tandem-demo.h"
#include "tandem-export.h"
#include "tandem-pair.h"
#include "tandem-people-page.h"
#include "tandem-presentation.h"
#include "tandem-programs-page.h"
#include "tandem-session-dialog.h"
#include "tandem-slides.h"
#include "tandem-surveys-page.h"
#include "tandem-types.h"
#include "tandem-utils.h"
#include "tandem-window.h"

/* Who is overdue, as far as telling it goes: the most overdue pair and how
 * many there are. */
typedef struct
{
  gint64 first_pair;
  guint  n_pairs;
} OverdueSet;

struct _TandemWindow
{
  AdwApplicationWindow  parent_instance;

  TandemStore          *store;
  GSettings            *settings;
  char                 *error_message;
  GtkFileChooserNative *export_chooser;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *demo_button;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *page_title;
  GtkStack             *page_stack;
  GtkWidget            *export_button;
  GtkInfoBar           *overdue_bar;
  GtkLabel             *overdue_label;
  GtkWidget            *overdue_button;
  OverdueSet            overdue;          /* overdue now */
  OverdueSet            dismissed;        /* the banner was closed for these */
  OverdueSet            seen;             /* the banner or a notification showed these */
  guint                 overdue_check;
  guint                 settled_check;
  gboolean              shown;            /* mapped at least once */
  TandemDashboardPage  *dashboard_page;
  TandemProgramsPage   *programs_page;
  TandemPeoplePage     *people_page;
  TandemCoachingPage   *coaching_page;
  TandemSurveysPage    *surveys_page;
};

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
overdue_set_equal (const OverdueSet *a,
                   const OverdueSet *b)
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

/* A quiet banner over the pages when a pair has missed its cadence, unless
 * closed for these very pairs; a notification when the window is away. */
static void
update_overdue_bar (TandemWindow *self)
{
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TandemPair *first;

  /* A database that cannot be read shows no banner, as one with none overdue. */
  if (self->store != NULL)
    pairs = tandem_pair_list_active (self->store, today, &error);

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
  if (overdue->len == 1)
    text = g_strdup_printf (_("%s and %s are overdue for a coaching session (due %s)."),
                            tandem_pair_get_executive (first), tandem_pair_get_mentor (first),
                            tandem_pair_get_next_due (first));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s and %s are overdue for a coaching session, and %u more pair.",
                                         "%s and %s are overdue for a coaching session, and %u more pairs.",
                                         overdue->len - 1),
                            tandem_pair_get_executive (first), tandem_pair_get_mentor (first),
                            overdue->len - 1);
  gtk_label_set_text (self->overdue_label, text);
  gtk_info_bar_set_revealed (self->overdue_bar, !overdue_set_equal (&self->overdue, &self->dismissed));
  update_overdue_notification (self, text);
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

static void
session_saved_cb (TandemWindow *self)
{
  reload_pages (self);
  update_overdue_bar (self);
  tandem_show_toast (self->toast_overlay, _("Session logged"));
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
log_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_session_dialog (TANDEM_WINDOW (widget), 0);
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

/* Welcome when the database is empty, the pages once it holds data. */
static void
update_main_stack (TandemWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = TRUE;

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  if (!tandem_store_is_empty (self->store, &empty, &error))
    g_warning ("Could not tell whether the database is empty: %s", error->message);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "welcome" : "main");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-session", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pack", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-data", !empty);
  update_overdue_bar (self);
}

static void
update_page_title (TandemWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  GtkStackPage *page = gtk_stack_get_page (self->page_stack, child);
  const char *name = gtk_stack_page_get_name (page);

  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  gtk_widget_set_visible (self->export_button, g_strcmp0 (name, "dashboard") == 0);
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
  /* Folded, the sidebar is a page of its own and needs no selection shown. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
  else
    {
      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_SINGLE);
      tandem_window_show_page (self, tandem_window_get_page (self));
    }
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = tandem_date_new_today ();

  g_return_if_fail (self->store != NULL);

  if (!tandem_demo_populate (self->store, TANDEM_DEMO_DEFAULT_SEED, today, FALSE, &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("The Demo Organisation Could Not Be Loaded"), error->message);
      return;
    }

  reload_pages (self);
  update_main_stack (self);
  tandem_window_show_page (self, "dashboard");
  tandem_show_toast (self->toast_overlay, _("Meridian Logistics, a demo organisation, is ready to explore"));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_window_show_page (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_window_show_page (self, "people");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  tandem_people_page_focus_search (self->people_page);
}

/* The path a native file chooser answered with, or NULL after saying why. */
static char *
chosen_path (TandemWindow         *self,
             int                   response,
             GtkFileChooserNative *chooser,
             const char           *failure)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    tandem_show_error (GTK_WIDGET (self), failure, _("Choose a file on this computer."));
  return path;
}

static void
export_response_cb (TandemWindow         *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  TandemChart *chart = tandem_dashboard_page_get_chart (self->dashboard_page);

  if (chart == NULL || !(path = chosen_path (self, response, chooser, _("The Chart Could Not Be Exported"))))
    goto out;

  /* “name@2x.png” asks for twice the pixels, as on the web. */
  if (!tandem_export_charts_scaled (&chart, 1, path, TANDEM_EXPORT_DEFAULT_WIDTH, TANDEM_EXPORT_DEFAULT_HEIGHT,
                                    g_str_has_suffix (path, "@2x.png") ? 2.0 : 1.0, &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("The Chart Could Not Be Exported"), error->message);
      goto out;
    }

  basename = g_path_get_basename (path);
  message = g_strdup_printf (_("Chart saved as “%s”"), basename);
  tandem_show_toast (self->toast_overlay, message);

out:
  g_clear_object (&self->export_chooser);
}

/* A native Save dialog for an export, answered by @response. */
static void
open_save_chooser (TandemWindow       *self,
                   const char         *title,
                   const char         *filter_name,
                   const char * const *mime_types,
                   const char         *suggested_name,
                   GCallback           response)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->export_chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  g_signal_connect_swapped (self->export_chooser, "response", response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  TandemChart *chart = tandem_dashboard_page_get_chart (self->dashboard_page);
  g_autofree char *name = NULL;

  static const char * const types[] = { "image/png", "image/svg+xml", "application/pdf", NULL };

  if (chart == NULL || self->export_chooser != NULL)
    return;

  /* Translators: the suggested file name of an exported chart */
  name = g_strdup_printf ("%s.png", _("gap-chart"));
  open_save_chooser (self, _("Export Chart"), _("PNG, SVG or PDF (name@2x.png for twice the pixels)"), types,
                     name, G_CALLBACK (export_response_cb));
}

/* The gap charts' target line from Preferences; NAN for none. */
static double
gap_target (TandemWindow *self)
{
  guint target = g_settings_get_uint (self->settings, "gap-target");

  return target > 0 ? target : NAN;
}

static guint
threshold (TandemWindow *self)
{
  return MAX (g_settings_get_uint (self->settings, "anonymity-threshold"), TANDEM_MIN_ANONYMITY_THRESHOLD);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TandemPresentation *presentation;

  if (self->store == NULL)
    return;
  presentation = tandem_presentation_new (GTK_WINDOW (self), self->store, threshold (self), gap_target (self),
                                          &error);
  if (presentation == NULL)
    {
      tandem_show_error (GTK_WIDGET (self), _("The Presentation Could Not Start"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (presentation));
}

static void
show_data_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_window_show_page (self, "dashboard");
  tandem_dashboard_page_show_data (self->dashboard_page);
}

static void
export_pack_response_cb (TandemWindow         *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!(path = chosen_path (self, response, chooser, _("The Pack Could Not Be Exported"))))
    goto out;
  if (!g_str_has_suffix (path, ".pdf"))
    {
      g_autofree char *with_pdf = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = g_steal_pointer (&with_pdf);
    }
  if (!tandem_export_pack (self->store, path, threshold (self), gap_target (self), &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("The Pack Could Not Be Exported"), error->message);
      goto out;
    }
  basename = g_path_get_basename (path);
  message = g_strdup_printf (_("Leadership pack saved as “%s”"), basename);
  tandem_show_toast (self->toast_overlay, message);

out:
  g_clear_object (&self->export_chooser);
}

static void
export_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  static const char * const types[] = { "application/pdf", NULL };
  g_autofree char *name = NULL;

  if (self->store == NULL || self->export_chooser != NULL)
    return;

  /* Translators: the suggested file name of the leadership pack */
  name = g_strdup_printf ("%s.pdf", _("leadership-pack"));
  open_save_chooser (self, _("Export Leadership Pack"), _("PDF documents"), types, name,
                     G_CALLBACK (export_pack_response_cb));
}

/* ----- backups ----- */

static void
backup_response_cb (TandemWindow         *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autofree char *path = chosen_path (self, response, chooser, _("The Backup Could Not Be Made"));
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    {
      if (!tandem_store_backup (self->store, path, &error))
        tandem_show_error (GTK_WIDGET (self), _("The Backup Could Not Be Made"), error->message);
      else
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Backed up as “%s”"), base);

          tandem_show_toast (self->toast_overlay, message);
        }
    }
  g_clear_object (&self->export_chooser);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  static const char * const types[] = { "application/vnd.sqlite3", "application/x-sqlite3", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (self->store == NULL || self->export_chooser != NULL)
    return;
  /* Translators: the suggested name of a backup; %s is today's date */
  name = g_strdup_printf (_("tandem-backup-%s.db"), stamp);
  open_save_chooser (self, _("Back Up the Database"), _("Tandem backups"), types, name,
                     G_CALLBACK (backup_response_cb));
}

static void
restore_confirmed_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      TandemWindow     *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "restore") || self->store == NULL)
    return;
  if (!tandem_store_restore (self->store, path, &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("Nothing Was Restored"), error->message);
      return;
    }
  reload_pages (self);
  update_main_stack (self);
  update_overdue_bar (self);
  base = g_path_get_basename (path);
  message = g_strdup_printf (_("Restored from “%s”"), base);
  tandem_show_toast (self->toast_overlay, message);
}

static void
restore_response_cb (TandemWindow         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autofree char *path = chosen_path (self, response, chooser, _("Nothing Was Restored"));

  g_clear_object (&self->export_chooser);
  if (path != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *body = g_strdup_printf (_("Everything in Tandem is replaced by what “%s” holds. What is there "
                                                 "now is first saved as an automatic backup beside the database."),
                                               base);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore from This Backup?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "restore", _("_Restore"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (restore_confirmed_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->store == NULL || self->export_chooser != NULL)
    return;
  self->export_chooser = gtk_file_chooser_native_new (_("Restore from a Backup"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  g_signal_connect_swapped (self->export_chooser, "response", G_CALLBACK (restore_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

/* ----- printing: the slides, one per page ----- */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GPtrArray         *slides)
{
  gtk_print_operation_set_n_pages (operation, (int)MAX (slides->len, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              GPtrArray         *slides)
{
  TandemChartStyle style;

  if ((guint)page >= slides->len)
    return;
  tandem_chart_style_init_light (&style);
  tandem_slide_render (g_ptr_array_index (slides, page), gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context), &style);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!(slides = tandem_slides_new (self->store, threshold (self), gap_target (self), today, &error)))
    {
      tandem_show_error (GTK_WIDGET (self), _("Nothing Could Be Printed"), error->message);
      return;
    }

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _("Tandem leadership pack"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), slides);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), slides);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    tandem_show_error (GTK_WIDGET (self), _("Nothing Could Be Printed"), error->message);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (tandem_window_parent_class)->dispose (object);
}

static void
tandem_window_class_init (TandemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const pages[] = { "dashboard", "programs", "people", "coaching", "surveys" };

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
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, content);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, page_title);
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

  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.log-session", NULL, log_session_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-pack", NULL, export_pack_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-data", NULL, show_data_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);

  /* Alt+1…5 switch pages, as in GNOME Settings and Text Editor's tabs. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.log-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.show-data", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
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

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_swapped (self->overdue_button, "clicked", G_CALLBACK (overdue_clicked_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  self->overdue_check = g_timeout_add_seconds (OVERDUE_CHECK_SECONDS, overdue_check_cb, self);
}

TandemWindow *
tandem_window_new (GtkApplication *application,
                   TandemStore    *store)
{
  TandemWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);

  tandem_dashboard_page_set_store (self->dashboard_page, store);
  tandem_programs_page_set_store (self->programs_page, store);
  tandem_people_page_set_store (self->people_page, store);
  tandem_coaching_page_set_store (self->coaching_page, store);
  tandem_surveys_page_set_store (self->surveys_page, store);
  update_main_stack (self);

  return self;
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-session", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pack", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-data", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", FALSE);
  update_main_stack (self);

  return self;
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
