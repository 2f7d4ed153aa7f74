/* tandem-people-page.c — everyone in the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table reads rows from the store only as they scroll into view
 * (TandemPersonModel), so it stays smooth with 100,000 people. Sorting and
 * filtering happen in SQL: the column headers only tell the model which
 * order to ask for.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tandem-export.h"
#include "tandem-import-dialog.h"
#include "tandem-load.h"
#include "tandem-people-load.h"
#include "tandem-people-page.h"
#include "tandem-person-dialog.h"
#include "tandem-person-model.h"
#include "tandem-person.h"
#include "tandem-utils.h"

struct _TandemPeoplePage
{
  GtkWidget          parent_instance;

  TandemStore       *store;
  GCancellable      *loading;          /* the people being read, off the main thread */
  gint64             reveal_id;        /* a person to select once they are read, or 0 */
  TandemPersonModel *model;
  GtkSingleSelection *selection;
  GtkFileChooserNative *chooser;
  GtkColumnViewColumn *sort_columns[TANDEM_N_PERSON_SORTS];
  int                probed_sort;       /* set while asking the view's sorter */

  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkStack          *list_stack;
  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkColumnView     *column_view;
  GtkGrid           *filter_grid;
  GtkMenuButton     *filter_button;
  GtkDropDown       *department_filter;
  GtkDropDown       *role_filter;
  GtkDropDown       *level_filter;
  GtkDropDown       *champion_filter;
  GtkDropDown       *tool_access_filter;
  GtkCheckButton    *inactive_check;
};

G_DEFINE_FINAL_TYPE (TandemPeoplePage, tandem_people_page, GTK_TYPE_WIDGET)

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text of a drop-down's choice, or NULL for its first ("All …") item. */
static const char *
filter_text (GtkDropDown *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  GtkStringObject *item;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  item = gtk_drop_down_get_selected_item (drop_down);
  return item ? gtk_string_object_get_string (item) : NULL;
}

/* -1 for "any", else 1 or 0, from a three-way drop-down. */
static int
filter_flag (GtkDropDown *drop_down)
{
  switch (gtk_drop_down_get_selected (drop_down))
    {
    case 1:
      return 1;
    case 2:
      return 0;
    default:
      return -1;
    }
}

/* Which column the view sorts by, and which way. GTK 4.8 has no getter for
 * it, so ask the view's sorter to compare two items: the first column
 * sorter it calls is the primary one, and the answer says the direction. */
static void
current_sort (TandemPeoplePage *self,
              TandemPersonSort *out_sort,
              gboolean         *out_descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probed_sort = -1;
  order = gtk_sorter_compare (sorter, self, self);
  if (self->probed_sort < 0)
    {
      *out_sort = TANDEM_PERSON_SORT_NAME;
      *out_descending = FALSE;
      return;
    }
  *out_sort = (TandemPersonSort)self->probed_sort;
  *out_descending = order == GTK_ORDERING_LARGER;
}

static int
probe_sorter_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  TandemPeoplePage *self = TANDEM_PEOPLE_PAGE ((gpointer)a);

  if (self->probed_sort < 0)
    self->probed_sort = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

/* Whether a drop-down in the Filter popover narrows the table. */
static gboolean
any_drop_down_filter (TandemPeoplePage *self)
{
  return gtk_drop_down_get_selected (self->department_filter) > 0 ||
         gtk_drop_down_get_selected (self->role_filter) > 0 ||
         gtk_drop_down_get_selected (self->level_filter) > 0 ||
         gtk_drop_down_get_selected (self->champion_filter) > 0 ||
         gtk_drop_down_get_selected (self->tool_access_filter) > 0;
}

static void
update_count (TandemPeoplePage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint total = tandem_person_model_get_total (self->model);
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
  gboolean filtering = any_drop_down_filter (self);
  g_autofree char *text = NULL;
  g_autofree char *shown_text = tandem_format_count (shown);
  g_autofree char *total_text = tandem_format_count (total);

  if (!searching && !filtering && !gtk_check_button_get_active (self->inactive_check))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s active person", "%s active people", shown),
                            shown_text);
  else
    /* Translators: shown while searching or filtering, e.g. "12 of 400 people" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s person", "%s of %s people", total),
                            shown_text, total_text);
  gtk_label_set_text (self->count_label, text);
  gtk_menu_button_set_label (self->filter_button, filtering ? _("_Filter (on)") : _("_Filter"));
}

static void refill_names (GtkDropDown *drop_down, const char *all, char **names);
static void reveal_person (TandemPeoplePage *self, gint64 id);

static void
people_loaded (gpointer      owner,
               gpointer      result,
               const GError *error)
{
  TandemPeoplePage *self = owner;
  TandemPeopleFound *found = result;
  TandemPeopleAsked *asked = g_object_get_data (G_OBJECT (self->loading), "asked");

  if (found == NULL || found->ids == NULL)
    {
      g_clear_object (&self->loading);
      tandem_stack_show_failed (self->stack, error);
      return;
    }
  if (found->departments != NULL)
    {
      refill_names (self->department_filter, _("All departments"), found->departments);
      refill_names (self->role_filter, _("All roles"), found->roles);
    }
  tandem_person_model_take (self->model, &asked->query, g_steal_pointer (&found->ids), found->total);
  g_clear_object (&self->loading);

  gtk_stack_set_visible_child_name (self->stack, tandem_person_model_get_total (self->model) > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 ? "table" : "no-match");
  update_count (self);
  if (self->reveal_id != 0)
    reveal_person (self, self->reveal_id);
}

/* Reads the people the search, filters and sort ask for (and, with
 * @names, the departments and roles to filter by) off the main thread. */
static void
load_query (TandemPeoplePage *self,
            gboolean          names)
{
  TandemPeopleAsked *asked = g_new0 (TandemPeopleAsked, 1);
  guint level = gtk_drop_down_get_selected (self->level_filter);

  if (self->model == NULL || self->store == NULL)
    {
      tandem_people_asked_free (asked);
      return;
    }

  asked->names = names;
  asked->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  asked->department = g_strdup (filter_text (self->department_filter));
  asked->role = g_strdup (filter_text (self->role_filter));
  asked->query = (TandemPersonQuery) TANDEM_PERSON_QUERY_INIT;
  asked->query.search = asked->search;
  asked->query.department = asked->department;
  asked->query.role = asked->role;
  asked->query.level = level > 0 && level != GTK_INVALID_LIST_POSITION ? (int)level - 1 : -1;
  asked->query.champion = filter_flag (self->champion_filter);
  asked->query.tool_access = filter_flag (self->tool_access_filter);
  asked->query.include_inactive = gtk_check_button_get_active (self->inactive_check);
  current_sort (self, &asked->query.sort, &asked->query.descending);

  tandem_load (self, self->store, &self->loading, tandem_people_load, asked, (GDestroyNotify)tandem_people_asked_free,
               (GDestroyNotify)tandem_people_found_free, people_loaded);
  /* The loader owns @asked until it answers; the answer needs the query. */
  g_object_set_data (G_OBJECT (self->loading), "asked", asked);
}

static void
run_query (TandemPeoplePage *self)
{
  load_query (self, FALSE);
}

static void
filters_changed_cb (TandemPeoplePage *self)
{
  run_query (self);
}

static void
sorter_changed_cb (GtkSorter        *sorter,
                   GtkSorterChange   change,
                   TandemPeoplePage *self)
{
  run_query (self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  /* An inscription, not a label: made for list cells, it lays out its
   * text once at the size it is given instead of negotiating one, which
   * halves the time a screenful of new rows takes. */
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0.0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, cell);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const char               *property)
{
  TandemPerson *person = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (person), property);

  if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      gboolean value;

      g_object_get (person, property, &value, NULL);
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), value ? _("Yes") : "");
    }
  else
    {
      g_autofree char *value = NULL;

      g_object_get (person, property, &value, NULL);
      if (g_str_equal (property, "name") && !tandem_person_get_active (person))
        {
          g_autofree char *inactive = g_strdup_printf (_("%s (deactivated)"), value);

          gtk_inscription_set_text (GTK_INSCRIPTION (cell), inactive);
        }
      else
        gtk_inscription_set_text (GTK_INSCRIPTION (cell), value);
    }
  gtk_widget_set_opacity (cell, tandem_person_get_active (person) ? 1.0 : 0.55);
}

static void
add_column (TandemPeoplePage *self,
            const char       *title,
            const char       *property,
            TandemPersonSort  sort,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_label_cb),
                         (gpointer)g_intern_string (property), NULL, 0);

  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sorter_cb, GINT_TO_POINTER (sort), NULL));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  self->sort_columns[sort] = column;

  g_object_unref (sorter);
  g_object_unref (column);
}

static GtkDropDown *
add_filter (TandemPeoplePage    *self,
            const char          *label_text,
            const char * const  *choices,
            int                  row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (choices);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_grid_attach (self->filter_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->filter_grid, drop_down, 1, row, 1, 1);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  return GTK_DROP_DOWN (drop_down);
}

/* Refills a name filter, keeping the chosen name when it still exists. */
static void
refill_names (GtkDropDown *drop_down,
              const char  *all,
              char       **names)
{
  g_autofree char *chosen = g_strdup (filter_text (drop_down));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (list, all);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (list, names[i]);
      if (g_strcmp0 (chosen, names[i]) == 0)
        selected = i + 1;
    }
  g_signal_handlers_block_matched (drop_down, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, filters_changed_cb, NULL);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop_down, selected);
  g_signal_handlers_unblock_matched (drop_down, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, filters_changed_cb, NULL);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemPeoplePage *self = TANDEM_PEOPLE_PAGE (widget);
  GtkDropDown *filters[] = { self->department_filter, self->role_filter, self->level_filter,
                             self->champion_filter, self->tool_access_filter };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_signal_handlers_block_matched (filters[i], G_SIGNAL_MATCH_FUNC, 0, 0, NULL, filters_changed_cb, NULL);
      gtk_drop_down_set_selected (filters[i], 0);
      g_signal_handlers_unblock_matched (filters[i], G_SIGNAL_MATCH_FUNC, 0, 0, NULL, filters_changed_cb, NULL);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  run_query (self);
}

static void
person_saved_cb (TandemPeoplePage *self,
                 gint64            id)
{
  /* The list is read again: the person is selected once it comes. */
  self->reveal_id = id;
  g_signal_emit (self, signals[DATA_CHANGED], 0, _("Person saved"));
}

static void
reveal_person (TandemPeoplePage *self,
               gint64            id)
{
  int position = tandem_person_model_find (self->model, id);

  self->reveal_id = 0;
  if (position >= 0)
    {
      gtk_single_selection_set_selected (self->selection, (guint)position);
      gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", (guint)position);
    }
}

typedef struct
{
  TandemPeoplePage *self;
  char             *undo;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->self);
  /* The snapshot may hold private notes: wipe it before it goes. */
  if (undo->undo != NULL)
    memset (undo->undo, 0, strlen (undo->undo));
  g_free (undo->undo);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast *toast_,
                Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_person_restore (undo->self->store, undo->undo, &error))
    tandem_show_toast (undo->self->toast_overlay, error->message);
  else
    g_signal_emit (undo->self, signals[DATA_CHANGED], 0, _("Person restored"));
}

/* Deletes at once and offers to undo, as GNOME apps do. */
void
tandem_people_page_delete_person (TandemPeoplePage *self,
                                  gint64            id)
{
  g_autoptr(TandemPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  char *snapshot = NULL;
  Undo *undo;

  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));

  person = tandem_person_lookup (self->store, id, &error);
  if (person == NULL || !tandem_person_delete (self->store, id, &snapshot, &error))
    {
      tandem_show_toast (self->toast_overlay, error->message);
      return;
    }

  g_signal_emit (self, signals[DATA_CHANGED], 0, NULL);

  undo = g_new0 (Undo, 1);
  undo->self = g_object_ref (self);
  undo->undo = snapshot;
  title = g_strdup_printf (_("%s deleted"), tandem_person_get_name (person));
  tandem_offer_undo (self->toast_overlay, title, G_CALLBACK (undo_delete_cb), undo, undo_free);
}

static void
delete_requested_cb (TandemPeoplePage *self,
                     gint64            id)
{
  tandem_people_page_delete_person (self, id);
}

/* A person's dialog (0: a new person's), from the table or a search result. */
void
tandem_people_page_open_person (TandemPeoplePage *self,
                                gint64            id)
{
  GtkWidget *dialog;

  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));
  dialog = tandem_person_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)), self->store, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "delete-requested", G_CALLBACK (delete_requested_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (TandemPeoplePage *self,
                  guint             position)
{
  g_autoptr(TandemPerson) person = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (person != NULL && tandem_person_get_id (person) != 0)
    tandem_people_page_open_person (self, tandem_person_get_id (person));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemPeoplePage *self = TANDEM_PEOPLE_PAGE (widget);

  if (self->store != NULL)
    tandem_people_page_open_person (self, 0);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemPeoplePage *self = TANDEM_PEOPLE_PAGE (widget);
  TandemPerson *person = gtk_single_selection_get_selected_item (self->selection);

  if (person != NULL && tandem_person_get_id (person) != 0)
    tandem_people_page_delete_person (self, tandem_person_get_id (person));
}

static void
imported_cb (TandemPeoplePage *self,
             const char       *summary)
{
  g_signal_emit (self, signals[DATA_CHANGED], 0, summary);
}

static void
import_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    TandemPeoplePage *self)
{
  TandemImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkWidget *dialog = tandem_import_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)), self->store, kind, file);

      g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_clear_object (&self->chooser);
}

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    TandemPeoplePage *self)
{
  TandemExportTable table = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "table"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        tandem_show_toast (self->toast_overlay, _("Choose a folder on this computer to export to."));
      else if (!tandem_export_table (self->store, table, ',', path, &error))
        tandem_show_toast (self->toast_overlay, error->message);
      else
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Exported %s"), base);

          tandem_show_toast (self->toast_overlay, message);
        }
    }
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemPeoplePage *self = TANDEM_PEOPLE_PAGE (widget);
  TandemImportKind kind;
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  if (self->store == NULL || !tandem_import_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (kind == TANDEM_IMPORT_PEOPLE ? _("Import People")
                                                                             : _("Import Enrollments"),
                                               tandem_widget_get_window (GTK_WIDGET (self)), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemPeoplePage *self = TANDEM_PEOPLE_PAGE (widget);
  gboolean people = g_str_equal (g_variant_get_string (parameter, NULL), "people");

  if (self->store == NULL)
    return;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (people ? _("Export People") : _("Export Enrollments"),
                                               tandem_widget_get_window (GTK_WIDGET (self)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     people ? _("people.csv") : _("enrollments.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "table",
                     GINT_TO_POINTER (people ? TANDEM_EXPORT_TABLE_PEOPLE : TANDEM_EXPORT_TABLE_ENROLLMENTS));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
tandem_people_page_dispose (GObject *object)
{
  TandemPeoplePage *self = (TandemPeoplePage *)object;

  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->chooser);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_people_page_parent_class)->dispose (object);
}

static void
tandem_people_page_class_init (TandemPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_people_page_dispose;

  /* Emitted after people changed, with a message to show, or NULL. */
  signals[DATA_CHANGED] = g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, TandemPeoplePage, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "people.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "people.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "people.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "people.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "people.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_people_page_init (TandemPeoplePage *self)
{
  static const char * const all[] = { NULL, NULL };
  const char *levels[TANDEM_N_LEVELS + 2] = { _("All levels"), };
  const char *champion[] = { _("Champions or not"), _("Champions"), _("Not champions"), NULL };
  const char *access[] = { _("With or without"), _("Has AI tools"), _("No AI tools"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_stack_add_failed (self->stack, self, G_CALLBACK (tandem_people_page_reload));

  for (TandemLevel level = 0; level < TANDEM_N_LEVELS; level++)
    levels[level + 1] = tandem_level_get_label (level);

  self->department_filter = add_filter (self, _("_Department"), all, 0);
  self->role_filter = add_filter (self, _("_Role"), all, 1);
  self->level_filter = add_filter (self, _("_Level"), levels, 2);
  self->champion_filter = add_filter (self, _("_Champion"), champion, 3);
  self->tool_access_filter = add_filter (self, _("AI _tools"), access, 4);
  self->inactive_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Show _deactivated people")));
  g_signal_connect_swapped (self->inactive_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  gtk_grid_attach (self->filter_grid, GTK_WIDGET (self->inactive_check), 1, 5, 1, 1);
  {
    GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear Filters"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "people.clear-filters");
    gtk_grid_attach (self->filter_grid, clear, 1, 6, 1, 1);
  }

  add_column (self, _("Name"), "name", TANDEM_PERSON_SORT_NAME, TRUE);
  add_column (self, _("Department"), "department", TANDEM_PERSON_SORT_DEPARTMENT, TRUE);
  add_column (self, _("Role"), "role", TANDEM_PERSON_SORT_ROLE, TRUE);
  add_column (self, _("Level"), "level-label", TANDEM_PERSON_SORT_LEVEL, FALSE);
  add_column (self, _("Champion"), "champion", TANDEM_PERSON_SORT_CHAMPION, FALSE);
  add_column (self, _("AI Tools"), "tool-access", TANDEM_PERSON_SORT_TOOL_ACCESS, FALSE);
  add_column (self, _("Email"), "email", TANDEM_PERSON_SORT_EMAIL, TRUE);

  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (sorter_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import", FALSE);
}

void
tandem_people_page_set_store (TandemPeoplePage *self,
                              TandemStore      *store)
{
  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import", store != NULL);
  if (store == NULL)
    return;

  self->model = tandem_person_model_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  tandem_people_page_reload (self);
}

/* Reads the people again, after the data changed underneath, with the
 * departments and roles the filters offer. */
void
tandem_people_page_reload (TandemPeoplePage *self)
{
  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));

  load_query (self, TRUE);
}

/* Focuses the search, with @text in it unless NULL. */
void
tandem_people_page_search (TandemPeoplePage *self,
                           const char       *text)
{
  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * tandem_people_page_set_narrow:
 * @narrow: whether the window is as narrow as a phone
 *
 * A narrow table shows the name and the department; the other columns
 * come back when there is room.
 */
void
tandem_people_page_set_narrow (TandemPeoplePage *self,
                               gboolean          narrow)
{
  g_return_if_fail (TANDEM_IS_PEOPLE_PAGE (self));

  for (guint i = 0; i < TANDEM_N_PERSON_SORTS; i++)
    if (self->sort_columns[i] != NULL)
      gtk_column_view_column_set_visible (self->sort_columns[i],
                                          !narrow || i == TANDEM_PERSON_SORT_NAME ||
                                          i == TANDEM_PERSON_SORT_DEPARTMENT);
}
