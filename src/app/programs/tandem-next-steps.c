/* tandem-next-steps.c — where roles fall short of their targets, and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each role below its target in a competency, the program that would
 * raise it there, with room left, and one button that invites the people
 * who lack it. Read off the main thread; hidden while there is nothing to
 * do. A click emits "enrolled" with what was done, for the page's toast.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-competency.h"
#include "tandem-load.h"
#include "tandem-next-steps.h"
#include "tandem-types.h"

#define SHOWN_STEPS 6

struct _TandemNextSteps
{
  GtkWidget     parent_instance;

  TandemStore  *store;
  GCancellable *loading;
  GtkWidget    *heading;
  GtkWidget    *list;
};

G_DEFINE_FINAL_TYPE (TandemNextSteps, tandem_next_steps, GTK_TYPE_WIDGET)

enum {
  ENROLLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
enrol_clicked_cb (GtkButton       *button,
                  TandemNextSteps *self)
{
  TandemNextStep *step = g_object_get_data (G_OBJECT (button), "step");
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added = 0;

  if (!tandem_competency_enrol_lacking (self->store, step->role, step->competency, step->program_id, today, &added,
                                        &error))
    message = g_strdup (error->message);
  else
    /* Translators: how many people were invited, then a program */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person invited to %s", "%u people invited to %s",
                                            added),
                               added, step->program);
  g_signal_emit (self, signals[ENROLLED], 0, message);
}

static GtkWidget *
step_row (TandemNextSteps *self,
          TandemNextStep  *step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Invite"));
  g_autofree char *level = tandem_competency_level_dup_name (self->store, step->target);
  g_autofree char *lacking = tandem_format_count (step->lacking);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a role, how many of its people, the level the role targets and a competency */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s person below %s in %s",
                                        "%s: %s people below %s in %s", step->lacking),
                           step->role, lacking, level, step->competency);
  if (step->room == G_MAXUINT)
    subtitle = g_strdup_printf (_("%s would raise it there"), step->program);
  else
    {
      g_autofree char *room = tandem_format_count (step->room);

      /* Translators: a program, then how many places it has left */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s would raise it there; %s place left",
                                               "%s would raise it there; %s places left", step->room),
                                  step->program, room);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Invite those who lack it, as many as there is room for"));
  g_object_set_data_full (G_OBJECT (button), "step", step, (GDestroyNotify)tandem_next_step_free);
  g_signal_connect (button, "clicked", G_CALLBACK (enrol_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static gpointer
load_steps (TandemStore  *store,
            gpointer      input,
            GError      **error)
{
  g_autoptr(GDate) today = tandem_date_new_today ();

  return tandem_competency_next_steps (store, today, error);
}

static void
steps_loaded (gpointer      owner,
              gpointer      result,
              const GError *error)
{
  TandemNextSteps *self = owner;
  GPtrArray *steps = result;
  guint shown = steps != NULL ? MIN (steps->len, SHOWN_STEPS) : 0;
  GtkWidget *child;

  g_clear_object (&self->loading);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), step_row (self, g_ptr_array_steal_index (steps, 0)));
  gtk_widget_set_visible (GTK_WIDGET (self), steps != NULL && gtk_widget_get_first_child (self->list) != NULL);
}

/* Reads the steps again, after the data changed. */
void
tandem_next_steps_reload (TandemNextSteps *self)
{
  g_return_if_fail (TANDEM_IS_NEXT_STEPS (self));

  if (self->store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  tandem_load (self, self->store, &self->loading, load_steps, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
               steps_loaded);
}

void
tandem_next_steps_set_store (TandemNextSteps *self,
                             TandemStore     *store)
{
  g_return_if_fail (TANDEM_IS_NEXT_STEPS (self));

  if (g_set_object (&self->store, store))
    tandem_next_steps_reload (self);
}

static void
tandem_next_steps_dispose (GObject *object)
{
  TandemNextSteps *self = TANDEM_NEXT_STEPS (object);
  GtkWidget *child;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_next_steps_parent_class)->dispose (object);
}

static void
tandem_next_steps_class_init (TandemNextStepsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_next_steps_dispose;

  /**
   * TandemNextSteps::enrolled:
   * @message: what was done, or what went wrong, for a toast
   */
  signals[ENROLLED] = g_signal_new ("enrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tandem_next_steps_init (TandemNextSteps *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->heading = gtk_label_new (_("Where Roles Fall Short of Their Targets"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_widget_set_margin_top (self->heading, 12);
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
