/* tandem-person-search.c — find one person by name, email or ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry with the active people it matches beneath, their email
 * and department under each name so that two people of the same name can
 * be told apart. The matches are read off the main thread into a lazy
 * person model, so that typing stays quick with 100,000 people; only the
 * first few are shown. Clicking a match, or Enter for the first one (or for
 * someone whose ID or email was typed in full), emits "chosen".
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-load.h"
#include "tandem-people-load.h"
#include "tandem-person-model.h"
#include "tandem-person-search.h"
#include "tandem-person.h"

#define SHOWN_MATCHES 5

struct _TandemPersonSearch
{
  GtkWidget          parent_instance;

  TandemStore       *store;
  TandemPersonModel *model;
  GCancellable      *loading;
  GtkWidget         *entry;
  GtkWidget         *list;
  GtkWidget         *more;    /* "and N more: type more of the name" */
};

G_DEFINE_FINAL_TYPE (TandemPersonSearch, tandem_person_search, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemPerson *person = item;
  GtkWidget *row = adw_action_row_new ();
  const char *email = tandem_person_get_email (person);
  const char *department = tandem_person_get_department (person);
  g_autofree char *details = NULL;

  if (*email != '\0' && *department != '\0')
    details = g_strdup_printf ("%s · %s", email, department);
  else
    details = g_strdup (*email != '\0' ? email : department);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  return row;
}

static void
choose (TandemPersonSearch *self,
        gint64              person_id)
{
  g_signal_emit (self, signals[CHOSEN], 0, person_id);
}

static void
row_activated_cb (TandemPersonSearch *self,
                  GtkListBoxRow      *row)
{
  choose (self, tandem_person_get_id (g_object_get_data (G_OBJECT (row), "person")));
}

static void
matches_loaded (gpointer      owner,
                gpointer      result,
                const GError *error)
{
  TandemPersonSearch *self = owner;
  TandemPeopleFound *found = result;
  TandemPeopleAsked *asked;
  guint n;

  g_clear_object (&self->loading);
  if (found == NULL || found->ids == NULL)
    return;
  asked = g_object_get_data (G_OBJECT (self), "asked");
  tandem_person_model_take (self->model, &asked->query, g_steal_pointer (&found->ids), found->total);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gtk_widget_set_visible (self->list, n > 0);
  if (n > SHOWN_MATCHES)
    {
      g_autofree char *count = tandem_format_count (n - SHOWN_MATCHES);
      /* Translators: under the first few people a search found */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %s more; type more of the name",
                                                            "and %s more; type more of the name",
                                                            n - SHOWN_MATCHES),
                                               count);

      gtk_label_set_text (GTK_LABEL (self->more), text);
    }
  gtk_widget_set_visible (self->more, n > SHOWN_MATCHES);
}

static void
search_changed_cb (TandemPersonSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  TandemPeopleAsked *asked;

  if (self->store == NULL || *text == '\0')
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
      gtk_widget_set_visible (self->list, FALSE);
      gtk_widget_set_visible (self->more, FALSE);
      return;
    }
  asked = g_new0 (TandemPeopleAsked, 1);
  asked->query = (TandemPersonQuery)TANDEM_PERSON_QUERY_INIT;
  asked->search = g_strdup (text);
  asked->query.search = asked->search;
  /* The query the model keeps must outlive the load: the widget holds it. */
  g_object_set_data_full (G_OBJECT (self), "asked", asked, (GDestroyNotify)tandem_people_asked_free);
  {
    TandemPeopleAsked *copy = g_new0 (TandemPeopleAsked, 1);

    copy->query = asked->query;
    copy->search = g_strdup (text);
    copy->query.search = copy->search;
    tandem_load (self, self->store, &self->loading, tandem_people_load, copy,
                 (GDestroyNotify)tandem_people_asked_free, (GDestroyNotify)tandem_people_found_free, matches_loaded);
  }
}

/* Enter: someone whose ID or email was typed in full, else the first match. */
static void
activate_cb (TandemPersonSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gint64 id = self->store != NULL ? tandem_person_find (self->store, text) : 0;

  if (id == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 && self->loading == NULL)
    {
      g_autoptr(TandemPerson) first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

      id = tandem_person_get_id (first);
    }
  if (id != 0)
    choose (self, id);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
tandem_person_search_dispose (GObject *object)
{
  TandemPersonSearch *self = TANDEM_PERSON_SEARCH (object);
  GtkWidget *child;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_person_search_parent_class)->dispose (object);
}

static void
tandem_person_search_class_init (TandemPersonSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_person_search_dispose;

  /**
   * TandemPersonSearch::chosen:
   * @person_id: the person clicked, or entered
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tandem_person_search_init (TandemPersonSearch *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->entry = gtk_search_entry_new ();
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (activate_cb), self);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_visible (self->list, FALSE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));

  self->more = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->more), 0);
  gtk_widget_add_css_class (self->more, "dim-label");
  gtk_widget_add_css_class (self->more, "caption");
  gtk_widget_set_visible (self->more, FALSE);
  gtk_widget_set_parent (self->more, GTK_WIDGET (self));
}

/**
 * tandem_person_search_new:
 * @placeholder: what the entry says while empty
 *
 * Returns: (transfer floating): the search, of the active people in @store
 */
GtkWidget *
tandem_person_search_new (TandemStore *store,
                          const char  *placeholder)
{
  TandemPersonSearch *self;
  g_autoptr(GtkSliceListModel) first = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_PERSON_SEARCH, NULL);
  self->store = g_object_ref (store);
  self->model = tandem_person_model_new (store);
  first = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0, SHOWN_MATCHES);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (first), create_row, NULL, NULL);
  g_object_set (self->entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  return GTK_WIDGET (self);
}

/* Types @text, as a person would: the matches follow. */
void
tandem_person_search_set_text (TandemPersonSearch *self,
                               const char         *text)
{
  g_return_if_fail (TANDEM_IS_PERSON_SEARCH (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

guint
tandem_person_search_get_n_matches (TandemPersonSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON_SEARCH (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}
