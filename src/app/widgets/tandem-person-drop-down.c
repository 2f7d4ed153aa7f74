/* tandem-person-drop-down.c — choosing a person from a searchable list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown of people: the button shows the chosen name; the list
 * shows each name with the email and department beneath, so that two
 * people of the same name can be told apart, and typing searches by name.
 */
#include "config.h"

#include "tandem-person.h"
#include "tandem-person-drop-down.h"

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  /* Wide enough for an email address, where the button is only a name. */
  gtk_widget_set_size_request (box, 260, -1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  TandemPerson *person = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  const char *email = tandem_person_get_email (person);
  const char *department = tandem_person_get_department (person);
  g_autofree char *text = NULL;

  if (*email != '\0' && *department != '\0')
    text = g_strdup_printf ("%s · %s", email, department);
  else
    text = g_strdup (*email != '\0' ? email : department);
  gtk_label_set_text (GTK_LABEL (name), tandem_person_get_name (person));
  gtk_label_set_text (GTK_LABEL (details), text);
  gtk_widget_set_visible (details, *text != '\0');
}

/**
 * tandem_person_drop_down_set_people:
 * @people: (element-type TandemPerson): everyone
 * @keep: which of @people to offer
 *
 * Offers the people @keep accepts, searchable by name. Nobody is chosen.
 */
void
tandem_person_drop_down_set_people (GtkDropDown         *drop_down,
                                    GListModel          *people,
                                    GtkCustomFilterFunc  keep,
                                    gpointer             user_data)
{
  GtkFilter *filter = GTK_FILTER (gtk_custom_filter_new (keep, user_data, NULL));
  GtkFilterListModel *model = gtk_filter_list_model_new (g_object_ref (people), filter);
  GtkExpression *name = gtk_property_expression_new (TANDEM_TYPE_PERSON, NULL, "name");
  GtkListItemFactory *rows = gtk_signal_list_item_factory_new ();

  g_signal_connect (rows, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (rows, "bind", G_CALLBACK (bind_row), NULL);
  gtk_drop_down_set_expression (drop_down, name);
  gtk_drop_down_set_enable_search (drop_down, TRUE);
  gtk_drop_down_set_list_factory (drop_down, rows);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
  gtk_expression_unref (name);
  g_object_unref (rows);
  g_object_unref (model);
}

/* The chosen person's id, or 0 when nobody is chosen. */
gint64
tandem_person_drop_down_get_id (GtkDropDown *drop_down)
{
  TandemPerson *person = gtk_drop_down_get_selected_item (drop_down);

  return person != NULL ? tandem_person_get_id (person) : 0;
}

/* Chooses the person with @person_id, or nobody when that one is not offered. */
void
tandem_person_drop_down_select_id (GtkDropDown *drop_down,
                                   gint64       person_id)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemPerson) person = g_list_model_get_item (model, i);

      if (tandem_person_get_id (person) == person_id)
        {
          gtk_drop_down_set_selected (drop_down, i);
          return;
        }
    }
  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
}
