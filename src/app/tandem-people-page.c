/* tandem-people-page.c — everyone in the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tandem-people-page.h"
#include "tandem-person.h"

struct _TandemPeoplePage
{
  GtkWidget          parent_instance;

  TandemStore       *store;
  GListStore        *people;     /* the model the view filters and sorts */
  GtkCustomFilter   *filter;

  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkColumnView     *column_view;
  GtkFilterListModel *filter_model;
};

G_DEFINE_FINAL_TYPE (TandemPeoplePage, tandem_people_page, GTK_TYPE_WIDGET)

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
person_matches (gpointer item,
                gpointer user_data)
{
  TandemPeoplePage *self = user_data;
  TandemPerson *person = item;
  g_autofree char *needle = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  return contains_casefold (tandem_person_get_name (person), needle) ||
         contains_casefold (tandem_person_get_email (person), needle) ||
         contains_casefold (tandem_person_get_department (person), needle) ||
         contains_casefold (tandem_person_get_role (person), needle);
}

static void
update_count (TandemPeoplePage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", total), total);
  else
    /* Translators: shown while searching, e.g. "12 of 400 people" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person", "%u of %u people", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
}

static void
search_changed_cb (TandemPeoplePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const char               *property)
{
  GObject *person = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (person), property);

  if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      gboolean value;

      g_object_get (person, property, &value, NULL);
      gtk_label_set_text (GTK_LABEL (label), value ? _("Yes") : "");
    }
  else
    {
      g_autofree char *value = NULL;

      g_object_get (person, property, &value, NULL);
      gtk_label_set_text (GTK_LABEL (label), value);
    }
}

static void
add_column (TandemPeoplePage *self,
            const char       *title,
            const char       *property,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression;
  GtkColumnViewColumn *column;
  GObjectClass *person_class = g_type_class_ref (TANDEM_TYPE_PERSON);
  GtkSorter *sorter;
  GParamSpec *pspec;

  pspec = g_object_class_find_property (person_class, property);
  g_assert (pspec != NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_label_cb),
                         (gpointer)g_intern_string (property), NULL, 0);

  expression = gtk_property_expression_new (TANDEM_TYPE_PERSON, NULL, property);
  if (pspec->value_type == G_TYPE_BOOLEAN)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);

  g_object_unref (sorter);
  g_object_unref (column);
  g_type_class_unref (person_class);
}

static void
tandem_people_page_dispose (GObject *object)
{
  TandemPeoplePage *self = (TandemPeoplePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->people);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (tandem_people_page_parent_class)->dispose (object);
}

static void
tandem_people_page_class_init (TandemPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_people_page_dispose;

  g_type_ensure (TANDEM_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_people_page_init (TandemPeoplePage *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = g_list_store_new (TANDEM_TYPE_PERSON);
  self->filter = gtk_custom_filter_new (person_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->people)),
                                                  GTK_FILTER (g_object_ref (self->filter)));

  add_column (self, _("Name"), "name", TRUE);
  add_column (self, _("Department"), "department", TRUE);
  add_column (self, _("Role"), "role", TRUE);
  add_column (self, _("Level"), "level-label", FALSE);
  add_column (self, _("Champion"), "champion", FALSE);
  add_column (self, _("Tool Access"), "tool-access", FALSE);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
}

void
tandem_people_page_set_store (TandemPeoplePage *self,
                              TandemStore      *store)
{
  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    tandem_people_page_reload (self);
}

/* Reads everyone again, after the data changed underneath. */
void
tandem_people_page_reload (TandemPeoplePage *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));

  if (self->store != NULL && !(people = tandem_person_list (self->store, &error)))
    g_warning ("The people page could not be loaded: %s", error->message);

  if (people != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (people); i++)
      g_ptr_array_add (items, g_list_model_get_item (people, i));

  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  update_count (self);
}

void
tandem_people_page_focus_search (TandemPeoplePage *self)
{
  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
