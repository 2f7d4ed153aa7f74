/* tandem-surveys-page.c — pulse-survey waves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-wave.h"
#include "tandem-surveys-page.h"

struct _TandemSurveysPage
{
  GtkWidget    parent_instance;

  TandemStore *store;

  GtkStack    *stack;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (TandemSurveysPage, tandem_surveys_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemWave *wave = item;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Fielded %s · %u answer",
                                           "Fielded %s · %u answers",
                                           tandem_wave_get_n_answers (wave)),
                              tandem_wave_get_fielded_on (wave), tandem_wave_get_n_answers (wave));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_wave_get_title (wave));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
tandem_surveys_page_dispose (GObject *object)
{
  TandemSurveysPage *self = (TandemSurveysPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SURVEYS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_surveys_page_parent_class)->dispose (object);
}

static void
tandem_surveys_page_class_init (TandemSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_surveys_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-surveys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_surveys_page_init (TandemSurveysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
tandem_surveys_page_set_store (TandemSurveysPage *self,
                             TandemStore *store)
{
  g_return_if_fail (TANDEM_IS_SURVEYS_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    tandem_surveys_page_reload (self);
}

/* Reads the list again, after the data changed underneath. */
void
tandem_surveys_page_reload (TandemSurveysPage *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_SURVEYS_PAGE (self));

  if (self->store != NULL && !(model = tandem_wave_list (self->store, &error)))
    g_warning ("The surveys page could not be loaded: %s", error->message);

  gtk_list_box_bind_model (self->list, model, create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    model != NULL && g_list_model_get_n_items (model) > 0
                                    ? "list" : "empty");
}
