/* tandem-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-demo.h"
#include "tandem-load.h"
#include "tandem-session-dialog.h"
#include "tandem-search.h"
#include "tandem-server.h"
#include "tandem-session.h"
#include "tandem-utils.h"
#include "tandem-window-private.h"

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

/* The pages, in the stack's order. */
enum { PAGE_DASHBOARD, PAGE_PROGRAMS, PAGE_PEOPLE, PAGE_COACHING, PAGE_SURVEYS, N_PAGES };

static const char * const page_names[N_PAGES] = { "dashboard", "programs", "people", "coaching", "surveys" };

G_STATIC_ASSERT (G_N_ELEMENTS (((TandemWindow *)NULL)->slots) == N_PAGES);

static int
page_index (const char *name)
{
  for (int i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (page_names[i], name) == 0)
      return i;
  return -1;
}

/* Page @page's widget once it was built, else NULL. */
static GtkWidget *
built_page (TandemWindow *self,
            int           page)
{
  switch (page)
    {
    case PAGE_DASHBOARD:
      return GTK_WIDGET (self->dashboard_page);
    case PAGE_PROGRAMS:
      return GTK_WIDGET (self->programs_page);
    case PAGE_PEOPLE:
      return GTK_WIDGET (self->people_page);
    case PAGE_COACHING:
      return GTK_WIDGET (self->coaching_page);
    case PAGE_SURVEYS:
      return GTK_WIDGET (self->surveys_page);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A built page reads the record again; one not built yet reads it when it is. */
void
_tandem_window_reload_page (TandemWindow *self,
                            const char   *name)
{
  switch (page_index (name))
    {
    case PAGE_DASHBOARD:
      if (self->dashboard_page != NULL)
        tandem_dashboard_page_reload (self->dashboard_page);
      break;
    case PAGE_PROGRAMS:
      if (self->programs_page != NULL)
        tandem_programs_page_reload (self->programs_page);
      break;
    case PAGE_PEOPLE:
      if (self->people_page != NULL)
        tandem_people_page_reload (self->people_page);
      break;
    case PAGE_COACHING:
      if (self->coaching_page != NULL)
        tandem_coaching_page_reload (self->coaching_page);
      break;
    case PAGE_SURVEYS:
      if (self->surveys_page != NULL)
        tandem_surveys_page_reload (self->surveys_page);
      break;
    default:
      g_return_if_reached ();
    }
}

void
_tandem_window_reload_pages (TandemWindow *self)
{
  for (int i = 0; i < N_PAGES; i++)
    _tandem_window_reload_page (self, page_names[i]);
}

/* Gives a built page the store, when the login may see it. */
static void
give_store (TandemWindow *self,
            int           page)
{
  if (self->store == NULL || built_page (self, page) == NULL || !_tandem_window_page_allowed (self, page_names[page]))
    return;
  switch (page)
    {
    case PAGE_DASHBOARD:
      tandem_dashboard_page_set_store (self->dashboard_page, self->store);
      break;
    case PAGE_PROGRAMS:
      tandem_programs_page_set_store (self->programs_page, self->store);
      break;
    case PAGE_PEOPLE:
      tandem_people_page_set_store (self->people_page, self->store);
      break;
    case PAGE_COACHING:
      tandem_coaching_page_set_store (self->coaching_page, self->store);
      break;
    case PAGE_SURVEYS:
      tandem_surveys_page_set_store (self->surveys_page, self->store);
      break;
    default:
      g_return_if_reached ();
    }
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
  _tandem_window_reload_pages (self);
  _tandem_window_update_overdue_bar (self);
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
  _tandem_window_reload_pages (self);
  _tandem_window_update_overdue_bar (self);
  if (message != NULL)
    tandem_show_toast (self->toast_overlay, message);
}

/* Builds page @page into its place in the stack. Building all five with
 * the window took a tenth of the time to its first frame, for pages not
 * shown yet. */
static GtkWidget *
build_page (TandemWindow *self,
            int           page)
{
  GtkWidget *widget;

  switch (page)
    {
    case PAGE_DASHBOARD:
      self->dashboard_page = g_object_new (TANDEM_TYPE_DASHBOARD_PAGE, NULL);
      g_settings_bind (self->settings, "anonymity-threshold", self->dashboard_page, "threshold",
                       G_SETTINGS_BIND_GET);
      break;
    case PAGE_PROGRAMS:
      self->programs_page = g_object_new (TANDEM_TYPE_PROGRAMS_PAGE, NULL);
      g_signal_connect_object (self->programs_page, "notify::detail-title",
                               G_CALLBACK (_tandem_window_update_page_title), self, G_CONNECT_SWAPPED);
      break;
    case PAGE_PEOPLE:
      self->people_page = g_object_new (TANDEM_TYPE_PEOPLE_PAGE, NULL);
      tandem_people_page_set_narrow (self->people_page, adw_leaflet_get_folded (self->leaflet));
      break;
    case PAGE_COACHING:
      self->coaching_page = g_object_new (TANDEM_TYPE_COACHING_PAGE, NULL);
      g_signal_connect_object (self->coaching_page, "notify::detail-title",
                               G_CALLBACK (_tandem_window_update_page_title), self, G_CONNECT_SWAPPED);
      break;
    case PAGE_SURVEYS:
      self->surveys_page = g_object_new (TANDEM_TYPE_SURVEYS_PAGE, NULL);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  widget = built_page (self, page);
  /* A page may outlive the window a moment, while its last read ends. */
  if (page != PAGE_DASHBOARD)
    g_signal_connect_object (widget, "data-changed", G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->slots[page], widget);
  give_store (self, page);
  return widget;
}

/**
 * tandem_window_get_page_widget:
 * @name: a page: "dashboard", "programs", "people", "coaching" or "surveys"
 *
 * Returns: (transfer none): the page, built now if it was not yet
 */
GtkWidget *
tandem_window_get_page_widget (TandemWindow *self,
                               const char   *name)
{
  int page = page_index (name);

  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page >= 0, NULL);

  return built_page (self, page) != NULL ? built_page (self, page) : build_page (self, page);
}

/* The main menu is given its items when first opened: a menu button with
 * a model builds the whole menu as it is made, three of them a twentieth
 * of the time to the window's first frame. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  TandemWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The page shown is built before it is drawn. */
static void
visible_page_cb (TandemWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);

  if (page_index (name) >= 0)
    tandem_window_get_page_widget (self, name);
}

/* Welcome when the database is empty, the pages once it holds data. */
void
_tandem_window_update_main_stack (TandemWindow *self)
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
  _tandem_window_apply_access (self);
  _tandem_window_update_overdue_bar (self);
}

/* After something replaced the data wholesale (the demo, a restore): every
 * page reloads, and the window shows the welcome or the pages again. */
void
_tandem_window_data_replaced (TandemWindow *self)
{
  _tandem_window_reload_pages (self);
  _tandem_window_update_main_stack (self);
}

/* The item a page shows on a destination page of its own (a program, a
 * pair), or NULL while it shows its list. */
const char *
_tandem_window_get_detail_title (TandemWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);

  if (g_strcmp0 (name, "programs") == 0 && self->programs_page != NULL)
    return tandem_programs_page_get_detail_title (self->programs_page);
  if (g_strcmp0 (name, "coaching") == 0 && self->coaching_page != NULL)
    return tandem_coaching_page_get_detail_title (self->coaching_page);
  return NULL;
}

/* The header bar names the page, or the item shown with the page beneath
 * it; Back leads from an item to its list, else (folded) to the sidebar. */
void
_tandem_window_update_page_title (TandemWindow *self)
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
  _tandem_window_update_page_title (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
leaflet_folded_cb (TandemWindow *self)
{
  _tandem_window_update_page_title (self);
  _tandem_window_update_overdue_label (self);
  if (self->people_page != NULL)
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
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->server_name, g_free);

  G_OBJECT_CLASS (tandem_window_parent_class)->dispose (object);
}

static void
tandem_window_class_init (TandemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_window_dispose;
  window_class->close_request = tandem_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/tandem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, primary_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "welcome_menu_button", FALSE,
                                             G_STRUCT_OFFSET (TandemWindow, menu_buttons));
  gtk_widget_class_bind_template_child_full (widget_class, "unreachable_menu_button", FALSE,
                                             G_STRUCT_OFFSET (TandemWindow, menu_buttons) + sizeof (GtkMenuButton *));
  gtk_widget_class_bind_template_child_full (widget_class, "main_menu_button", FALSE,
                                             G_STRUCT_OFFSET (TandemWindow, menu_buttons) + 2 * sizeof (GtkMenuButton *));
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
  for (int i = 0; i < N_PAGES; i++)
    {
      g_autofree char *slot = g_strconcat (page_names[i], "_slot", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, slot, FALSE,
                                                 G_STRUCT_OFFSET (TandemWindow, slots) + i * sizeof (AdwBin *));
    }
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, _tandem_window_reconnect_action);
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
  for (guint i = 0; i < G_N_ELEMENTS (self->menu_buttons); i++)
    gtk_menu_button_set_create_popup_func (self->menu_buttons[i], create_menu_cb, self, NULL);
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

  adw_status_page_set_icon_name (self->welcome_page, APPLICATION_ID);

  /* One sidebar row per page of the stack, so the two never disagree. */
  pages = G_LIST_MODEL (gtk_stack_get_pages (self->page_stack));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      gtk_list_box_append (self->sidebar_list, create_sidebar_row (GTK_STACK_PAGE (page)));
    }
  g_object_unref (pages);

  g_signal_connect_swapped (self->page_stack, "notify::visible-child-name", G_CALLBACK (visible_page_cb), self);
  last_page = g_settings_get_string (self->settings, "last-page");
  tandem_window_show_page (self, last_page);
  /* The stack shows its first page from the start, without a notify. */
  visible_page_cb (self);

  /* A narrow window opens on the page, with Back leading to the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_swapped (self->overdue_button, "clicked", G_CALLBACK (overdue_clicked_cb), self);
  _tandem_window_watch_overdue (self);
}

/* What the window shows from a store once it has one. */
void
_tandem_window_attach_store (TandemWindow *self,
              TandemStore  *store)
{
  self->store = g_object_ref (store);
  /* A save while another program writes (a long import from the command
   * line) says so after half a second rather than freezing the window for
   * up to 30 s; nothing is lost, the dialog stays open. */
  tandem_store_set_wait (store, 500);

  /* A page the login may not see is never read. */
  self->access = tandem_store_get_access (store);
  for (int i = 0; i < N_PAGES; i++)
    give_store (self, i);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reconnect", FALSE);
  _tandem_window_update_main_stack (self);

  /* On a team server, what others change shows here within a second. */
  self->watch = tandem_store_watch_new (store);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (_tandem_window_watch_changed), self, G_CONNECT_SWAPPED);
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
    _tandem_window_set_server (self, tandem_store_get_path (store));
  _tandem_window_attach_store (self, store);

  return self;
}

/* Everything that reads or writes the record waits for one. */
void
_tandem_window_disable_data_actions (TandemWindow *self)
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
  _tandem_window_disable_data_actions (self);
  _tandem_window_update_main_stack (self);

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
  if (!_tandem_window_page_allowed (self, name))
    name = "coaching";

  gtk_stack_set_visible_child_name (self->page_stack, name);
  _tandem_window_update_page_title (self);

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
  if (found && kind == TANDEM_SEARCH_PERSON && _tandem_window_page_allowed (self, "people"))
    {
      tandem_window_show_page (self, "people");
      tandem_people_page_open_person (self->people_page, id);
    }
  else if (found && kind == TANDEM_SEARCH_PROGRAM && _tandem_window_page_allowed (self, "programs"))
    {
      tandem_window_show_page (self, "programs");
      tandem_programs_page_show_program (self->programs_page, id);
    }
  else if (g_str_has_prefix (item, "search:") && _tandem_window_page_allowed (self, "people"))
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

  _tandem_window_update_overdue_bar (self);
}
