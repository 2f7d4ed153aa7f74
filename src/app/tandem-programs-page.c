/* tandem-programs-page.c — AI-literacy programs by role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-program.h"
#include "tandem-programs-page.h"

struct _TandemProgramsPage
{
  GtkWidget    parent_instance;

  TandemStore *store;

  GtkStack    *stack;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (TandemProgramsPage, tandem_programs_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemProgram *program = item;
  guint enrolled = tandem_program_get_enrolled (program);
  guint completed = tandem_program_get_completed (program);
  g_autofree char *subtitle = NULL;
  g_autofree char *share = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s · %u person enrolled, %u completed",
                                           "%s · %u people enrolled, %u completed", enrolled),
                              tandem_program_format_get_label (tandem_program_get_format (program)),
                              enrolled, completed);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_program_get_title (program));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, tandem_program_get_description (program));

  /* Translators: share of enrolled people who completed a program */
  share = enrolled > 0 ? g_strdup_printf (_("%.0f%% done"), 100.0 * completed / enrolled) : g_strdup ("–");
  suffix = gtk_label_new (share);
  gtk_widget_add_css_class (suffix, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
tandem_programs_page_dispose (GObject *object)
{
  TandemProgramsPage *self = (TandemProgramsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PROGRAMS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_programs_page_parent_class)->dispose (object);
}

static void
tandem_programs_page_class_init (TandemProgramsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_programs_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-programs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemProgramsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemProgramsPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_programs_page_init (TandemProgramsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
tandem_programs_page_set_store (TandemProgramsPage *self,
                              TandemStore *store)
{
  g_return_if_fail (TANDEM_IS_PROGRAMS_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    tandem_programs_page_reload (self);
}

/* Reads the list again, after the data changed underneath. */
void
tandem_programs_page_reload (TandemProgramsPage *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_PROGRAMS_PAGE (self));

  if (self->store != NULL && !(model = tandem_program_list (self->store, &error)))
    g_warning ("The programs page could not be loaded: %s", error->message);

  gtk_list_box_bind_model (self->list, model, create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    model != NULL && g_list_model_get_n_items (model) > 0
                                    ? "list" : "empty");
}
