/* tandem-window-actions.c — what the main window's actions do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's layout and state live in tandem-window.c; its actions
 * (pages, search, export, present, print, back up, restore) live here,
 * installed with their keyboard shortcuts in one place.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-competency-window.h"
#include "tandem-demo.h"
#include "tandem-server.h"
#include "tandem-export.h"
#include "tandem-presentation.h"
#include "tandem-slides.h"
#include "tandem-utils.h"
#include "tandem-window-private.h"

static void
log_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tandem_window_log_session (TANDEM_WINDOW (widget), 0);
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

  /* From a program or a pair to its list, as the header bar's Back does;
   * from a page to the sidebar when the window is folded. */
  if (_tandem_window_get_detail_title (self) != NULL)
    {
      g_autofree char *back = g_strdup_printf ("%s.back", tandem_window_get_page (self));

      gtk_widget_activate_action (tandem_window_get_page_widget (self, tandem_window_get_page (self)), back, NULL);
    }
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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

  _tandem_window_data_replaced (self);
  tandem_window_show_page (self, "dashboard");
  tandem_show_toast (self->toast_overlay, _("Meridian Logistics, a demo organisation, is ready to explore"));
}

/* Leaves the welcome of an empty database for @page, with its empty state. */
static void
leave_welcome (TandemWindow *self,
               const char   *page)
{
  self->start_empty = TRUE;
  _tandem_window_data_replaced (self);
  tandem_window_show_page (self, page);
}

/* "Start Empty": the pages, each with its empty state. */
static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  leave_welcome (TANDEM_WINDOW (widget), "dashboard");
}

/* "Import Your People": the People page, and its import of a CSV file. */
static void
import_people_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  leave_welcome (self, "people");
  gtk_widget_activate_action (tandem_window_get_page_widget (self, "people"), "people.import", "s", "people");
}

typedef struct
{
  GWeakRef  window;   /* the toast lives in the window: a strong ref would keep both */
  char     *backup;
} DemoUndo;

static void
demo_undo_free (DemoUndo *undo)
{
  g_weak_ref_clear (&undo->window);
  g_free (undo->backup);
  g_free (undo);
}

static void
undo_remove_demo_cb (AdwToast *toast,
                     DemoUndo *undo)
{
  g_autoptr(TandemWindow) self = g_weak_ref_get (&undo->window);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!tandem_store_restore (self->store, undo->backup, &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("The Demo Organisation Could Not Be Brought Back"), error->message);
      return;
    }
  _tandem_window_data_replaced (self);
  tandem_window_show_page (self, "dashboard");
}

/* Once real data is wanted: the demo goes, after a backup beside the
 * database that the toast's Undo (or Restore from a Backup) brings back. */
static void
remove_demo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  DemoUndo *undo;
  AdwToast *toast;

  /* Beside the file; for a team server, among this user's own files. */
  if (tandem_server_is_uri (tandem_store_get_path (self->store)))
    {
      g_autofree char *name = g_strdup_printf ("team-server.demo-%s.bak", stamp);
      g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tandem", NULL);

      g_mkdir_with_parents (dir, 0700);
      backup = g_build_filename (dir, name, NULL);
    }
  else
    backup = g_strdup_printf ("%s.demo-%s.bak", tandem_store_get_path (self->store), stamp);

  if (!tandem_demo_remove (self->store, backup, &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("The Demo Organisation Could Not Be Removed"), error->message);
      return;
    }

  _tandem_window_data_replaced (self);
  undo = g_new0 (DemoUndo, 1);
  g_weak_ref_init (&undo->window, self);
  undo->backup = g_steal_pointer (&backup);
  toast = tandem_offer_undo (self->toast_overlay,
                             tandem_server_is_uri (tandem_store_get_path (self->store))
                             ? _("The demo organisation was removed; a backup was kept in your files")
                             : _("The demo organisation was removed; a backup was kept beside the database"),
                             G_CALLBACK (undo_remove_demo_cb), undo, (GDestroyNotify)demo_undo_free);
  adw_toast_set_timeout (toast, 10);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_window_show_page (self, "people");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  tandem_people_page_search (TANDEM_PEOPLE_PAGE (tandem_window_get_page_widget (self, "people")), NULL);
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

/* Ends *@path with the first of @suffixes unless it ends with one of them. */
static void
add_missing_suffix (char               **path,
                    const char * const  *suffixes)
{
  char *with_suffix;

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (*path, suffixes[i]))
      return;
  with_suffix = g_strconcat (*path, suffixes[0], NULL);
  g_free (*path);
  *path = with_suffix;
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
  TandemChart *chart = self->dashboard_page != NULL ? tandem_dashboard_page_get_chart (self->dashboard_page) : NULL;

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
  TandemChart *chart = self->dashboard_page != NULL ? tandem_dashboard_page_get_chart (self->dashboard_page) : NULL;
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

/* The smallest change in a gap, in points, that a takeaway calls one. */
static double
min_effect (TandemWindow *self)
{
  return g_settings_get_uint (self->settings, "min-effect");
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
                                          min_effect (self), &error);
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
  tandem_dashboard_page_show_data (TANDEM_DASHBOARD_PAGE (tandem_window_get_page_widget (self, "dashboard")));
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
  add_missing_suffix (&path, (const char * const[]) { ".pdf", NULL });
  if (!tandem_export_pack (self->store, path, threshold (self), gap_target (self), min_effect (self), &error))
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

static void
export_record_response_cb (TandemWindow         *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!(path = chosen_path (self, response, chooser, _("The Record Could Not Be Exported"))))
    goto out;
  /* A name without .csv or .pdf gets the PDF an auditor reads. */
  add_missing_suffix (&path, (const char * const[]) { ".pdf", ".csv", NULL });
  if (!tandem_export_literacy_record (self->store, NULL, path, &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("The Record Could Not Be Exported"), error->message);
      goto out;
    }
  basename = g_path_get_basename (path);
  message = g_strdup_printf (_("AI-literacy record saved as “%s”"), basename);
  tandem_show_toast (self->toast_overlay, message);

out:
  g_clear_object (&self->export_chooser);
}

/* The record Article 4 of the EU AI Act asks for, as PDF or CSV. */
static void
export_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  static const char * const types[] = { "application/pdf", "text/csv", NULL };
  g_autofree char *name = NULL;

  if (self->store == NULL || self->export_chooser != NULL)
    return;

  /* Translators: the suggested file name of the AI-literacy record */
  name = g_strdup_printf ("%s.pdf", _("ai-literacy-record"));
  open_save_chooser (self, _("Export AI-Literacy Record"), _("PDF or CSV"), types, name,
                     G_CALLBACK (export_record_response_cb));
}

/* Competencies, their levels and each role's targets. */
static void
competencies_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (tandem_competency_window_new (GTK_WINDOW (self), self->store)));
}

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
  _tandem_window_data_replaced (self);
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
  if (!(slides = tandem_slides_new (self->store, threshold (self), gap_target (self), min_effect (self), today,
                                    &error)))
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

/* The keyboard shortcuts, built when first asked for: GtkApplication
 * builds gtk/help-overlay.ui as every window opens, a tenth of the time to
 * the first frame. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/tandemhq/Tandem/ui/tandem-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *)&self->shortcuts_window);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

void
_tandem_window_class_actions_init (GtkWidgetClass *widget_class)
{
  static const char * const pages[] = { "dashboard", "programs", "people", "coaching", "surveys" };

  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.remove-demo", NULL, remove_demo_action);
  gtk_widget_class_install_action (widget_class, "win.import-people", NULL, import_people_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.log-session", NULL, log_session_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-pack", NULL, export_pack_action);
  gtk_widget_class_install_action (widget_class, "win.export-record", NULL, export_record_action);
  gtk_widget_class_install_action (widget_class, "win.competencies", NULL, competencies_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-data", NULL, show_data_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);

  /* Alt+1…5 switch pages, as in GNOME Settings and Text Editor's tabs. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-people", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.log-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.show-data", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay",
                                       NULL);
}
