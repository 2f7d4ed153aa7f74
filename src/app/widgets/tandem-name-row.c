/* tandem-name-row.c — a department or role chosen from those that exist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action row with a searchable drop-down of the names that exist, "None"
 * first and "New Department…" (or Role) last. Choosing the last shows an
 * entry for the new name, so that a new one is made on purpose and a typo
 * never makes a second "Finanse" department. A new name that is an
 * existing one in another case is the existing one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-name-row.h"

struct _TandemNameRow
{
  AdwActionRow    parent_instance;

  GtkDropDown    *drop_down;
  GtkWidget      *entry;
  GtkStringList  *names;     /* "None", the names, then the new label */
};

G_DEFINE_FINAL_TYPE (TandemNameRow, tandem_name_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_names (TandemNameRow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->names));
}

gboolean
tandem_name_row_is_new (TandemNameRow *self)
{
  g_return_val_if_fail (TANDEM_IS_NAME_ROW (self), FALSE);

  return n_names (self) > 1 && gtk_drop_down_get_selected (self->drop_down) == n_names (self) - 1;
}

static void
selected_cb (TandemNameRow *self)
{
  gboolean is_new = tandem_name_row_is_new (self);

  gtk_widget_set_visible (self->entry, is_new);
  if (is_new)
    gtk_widget_grab_focus (self->entry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static void
entry_changed_cb (TandemNameRow *self)
{
  if (tandem_name_row_is_new (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static void
tandem_name_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemNameRow *self = TANDEM_NAME_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, tandem_name_row_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_name_row_dispose (GObject *object)
{
  TandemNameRow *self = TANDEM_NAME_ROW (object);

  g_clear_object (&self->names);

  G_OBJECT_CLASS (tandem_name_row_parent_class)->dispose (object);
}

static void
tandem_name_row_class_init (TandemNameRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tandem_name_row_get_property;
  object_class->dispose = tandem_name_row_dispose;

  /* The name chosen or typed as new; "" for none. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_name_row_init (TandemNameRow *self)
{
  GtkExpression *text = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->names = gtk_string_list_new (NULL);
  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->names)), text));
  gtk_drop_down_set_enable_search (self->drop_down, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->drop_down), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->drop_down), "flat");
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (selected_cb), self);

  self->entry = gtk_entry_new ();
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->entry, FALSE);
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);

  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->drop_down));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
}

/**
 * tandem_name_row_set_names:
 * @names: (array zero-terminated=1): the names that exist, in order
 * @new_label: the last choice, e.g. "New Department…"
 *
 * Offers "None", @names and @new_label, with None chosen.
 */
void
tandem_name_row_set_names (TandemNameRow      *self,
                           const char * const *names,
                           const char         *new_label)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_return_if_fail (TANDEM_IS_NAME_ROW (self));
  g_return_if_fail (new_label != NULL);

  /* Translators: the choice of no department, or no role */
  gtk_string_list_append (list, C_("department or role", "None"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (list, names[i]);
  gtk_string_list_append (list, new_label);
  g_set_object (&self->names, list);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->drop_down, 0);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), new_label);
}

/**
 * tandem_name_row_get_name:
 *
 * Returns: (transfer none): the name chosen, or typed as new; "" for none
 */
const char *
tandem_name_row_get_name (TandemNameRow *self)
{
  guint selected;

  g_return_val_if_fail (TANDEM_IS_NAME_ROW (self), "");

  selected = gtk_drop_down_get_selected (self->drop_down);
  if (tandem_name_row_is_new (self))
    return gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (self->names, selected);
}

/**
 * tandem_name_row_set_name:
 * @name: (nullable): a name; one that is not offered is shown as new
 */
void
tandem_name_row_set_name (TandemNameRow *self,
                          const char    *name)
{
  guint n;

  g_return_if_fail (TANDEM_IS_NAME_ROW (self));

  n = n_names (self);
  if (name == NULL || *name == '\0')
    {
      gtk_drop_down_set_selected (self->drop_down, 0);
      return;
    }
  for (guint i = 1; i + 1 < n; i++)
    if (g_utf8_collate (gtk_string_list_get_string (self->names, i), name) == 0)
      {
        gtk_drop_down_set_selected (self->drop_down, i);
        return;
      }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), name);
  gtk_drop_down_set_selected (self->drop_down, n - 1);
}

/* The entry a new name is typed in, e.g. to limit its length. */
GtkWidget *
tandem_name_row_get_entry (TandemNameRow *self)
{
  g_return_val_if_fail (TANDEM_IS_NAME_ROW (self), NULL);

  return self->entry;
}
