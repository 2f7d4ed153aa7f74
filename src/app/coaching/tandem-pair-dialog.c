/* tandem-pair-dialog.c — pair an executive with a junior mentor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date-row.h"
#include "tandem-pair-dialog.h"
#include "tandem-pair.h"
#include "tandem-person.h"
#include "tandem-person-drop-down.h"
#include "tandem-types.h"
#include "tandem-utils.h"

struct _TandemPairDialog
{
  AdwWindow      parent_instance;

  TandemStore   *store;

  GtkLabel      *error_label;
  GtkDropDown   *executive_drop_down;
  GtkDropDown   *mentor_drop_down;
  AdwActionRow  *mentor_row;
  TandemDateRow *date_row;
  GtkSpinButton *cadence_spin;
  AdwEntryRow   *goals_row;
};

G_DEFINE_FINAL_TYPE (TandemPairDialog, tandem_pair_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_leader (gpointer item,
           gpointer user_data)
{
  TandemPerson *person = item;

  return tandem_person_get_active (person) &&
         tandem_person_get_level (person) != TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
}

static gboolean
is_active (gpointer item,
           gpointer user_data)
{
  return tandem_person_get_active (TANDEM_PERSON (item));
}

/* Save stays insensitive until the pair can be made: two different people
 * and a real start date, each problem said on its own row. */
static void
update_save (TandemPairDialog *self)
{
  gint64 executive = tandem_person_drop_down_get_id (self->executive_drop_down);
  gint64 mentor = tandem_person_drop_down_get_id (self->mentor_drop_down);
  gboolean same = executive != 0 && executive == mentor;

  tandem_row_show_problem (self->mentor_row, same ? _("A person cannot mentor themself.") : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pair.save",
                                 executive != 0 && mentor != 0 && !same &&
                                 tandem_date_row_get_valid (self->date_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemPairDialog *self = TANDEM_PAIR_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tandem_pair_add (self->store,
                        tandem_person_drop_down_get_id (self->executive_drop_down),
                        tandem_person_drop_down_get_id (self->mentor_drop_down),
                        tandem_date_row_get_text (self->date_row),
                        (guint)gtk_spin_button_get_value_as_int (self->cadence_spin),
                        gtk_editable_get_text (GTK_EDITABLE (self->goals_row)),
                        &error);
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_pair_dialog_dispose (GObject *object)
{
  TandemPairDialog *self = (TandemPairDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PAIR_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_pair_dialog_parent_class)->dispose (object);
}

static void
tandem_pair_dialog_class_init (TandemPairDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_pair_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-pair-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPairDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPairDialog, executive_drop_down);
  gtk_widget_class_bind_template_child (widget_class, TandemPairDialog, mentor_drop_down);
  gtk_widget_class_bind_template_child (widget_class, TandemPairDialog, mentor_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPairDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPairDialog, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemPairDialog, goals_row);

  gtk_widget_class_install_action (widget_class, "pair.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "pair.save", NULL);
}

static void
tandem_pair_dialog_init (TandemPairDialog *self)
{
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autofree char *today_text = tandem_date_to_iso (today);

  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_date_row_set_text (self->date_row, today_text);
  tandem_limit_text (GTK_WIDGET (self->goals_row), TANDEM_LIMIT_LONG, self->error_label);
  g_signal_connect_swapped (self->date_row, "notify::valid", G_CALLBACK (update_save), self);
  g_signal_connect_swapped (self->executive_drop_down, "notify::selected", G_CALLBACK (update_save), self);
  g_signal_connect_swapped (self->mentor_drop_down, "notify::selected", G_CALLBACK (update_save), self);
  update_save (self);
}

GtkWindow *
tandem_pair_dialog_new (GtkWindow   *parent,
                        TandemStore *store)
{
  TandemPairDialog *self;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_PAIR_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  people = tandem_person_list (store, &error);
  if (people == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return GTK_WINDOW (self);
    }
  tandem_person_drop_down_set_people (self->executive_drop_down, people, is_leader, NULL);
  tandem_person_drop_down_set_people (self->mentor_drop_down, people, is_active, NULL);
  update_save (self);
  return GTK_WINDOW (self);
}
