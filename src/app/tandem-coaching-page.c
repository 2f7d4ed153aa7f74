/* tandem-coaching-page.c — reverse-mentoring pairs and their cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-pair.h"
#include "tandem-coaching-page.h"

struct _TandemCoachingPage
{
  GtkWidget    parent_instance;

  TandemStore *store;

  GtkStack    *stack;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemPair *pair = item;
  const char *last = tandem_pair_get_last_session (pair);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status;

  /* Translators: an executive and their junior mentor */
  title = g_strdup_printf (_("%s, coached by %s"),
                           tandem_pair_get_executive (pair), tandem_pair_get_mentor (pair));
  if (last != NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u session · last on %s · next due %s",
                                             "%u sessions · last on %s · next due %s",
                                             tandem_pair_get_n_sessions (pair)),
                                tandem_pair_get_n_sessions (pair), last,
                                tandem_pair_get_next_due (pair));
  else
    subtitle = g_strdup_printf (_("First session due %s"), tandem_pair_get_next_due (pair));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  status = gtk_label_new (tandem_pair_status_get_label (tandem_pair_get_status (pair)));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "status-pill");
  switch (tandem_pair_get_status (pair))
    {
    case TANDEM_PAIR_OVERDUE:
      gtk_widget_add_css_class (status, "error");
      break;
    case TANDEM_PAIR_DUE_SOON:
      gtk_widget_add_css_class (status, "warning");
      break;
    case TANDEM_PAIR_ON_TRACK:
      gtk_widget_add_css_class (status, "success");
      break;
    case TANDEM_PAIR_NO_SESSIONS:
    default:
      gtk_widget_add_css_class (status, "dim-label");
      break;
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  return row;
}

static void
tandem_coaching_page_dispose (GObject *object)
{
  TandemCoachingPage *self = (TandemCoachingPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_COACHING_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_coaching_page_parent_class)->dispose (object);
}

static void
tandem_coaching_page_class_init (TandemCoachingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_coaching_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-coaching-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_coaching_page_init (TandemCoachingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
tandem_coaching_page_set_store (TandemCoachingPage *self,
                              TandemStore *store)
{
  g_return_if_fail (TANDEM_IS_COACHING_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    tandem_coaching_page_reload (self);
}

/* Reads the list again, after the data changed underneath. */
void
tandem_coaching_page_reload (TandemCoachingPage *self)
{
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_COACHING_PAGE (self));

  if (self->store != NULL && !(model = tandem_pair_list_active (self->store, today, &error)))
    g_warning ("The coaching page could not be loaded: %s", error->message);

  gtk_list_box_bind_model (self->list, model, create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    model != NULL && g_list_model_get_n_items (model) > 0
                                    ? "list" : "empty");
}
