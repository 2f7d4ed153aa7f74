/* tandem-person-dialog.c — add or edit someone, and see their programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "tandem-enrollment.h"
#include "tandem-name-row.h"
#include "tandem-person-dialog.h"
#include "tandem-person.h"
#include "tandem-types.h"
#include "tandem-utils.h"

struct _TandemPersonDialog
{
  AdwWindow     parent_instance;

  TandemStore  *store;
  gint64        person_id;
  char         *version;       /* the person as the dialog read them, to tell another's save */

  GtkLabel     *error_label;
  AdwEntryRow  *name_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *external_id_row;
  TandemNameRow *department_row;
  TandemNameRow *role_row;
  AdwComboRow  *level_row;
  GtkSwitch    *champion_switch;
  GtkSwitch    *tool_access_switch;
  GtkSwitch    *active_switch;
  GtkWidget    *programs_group;
  GtkListBox   *programs_list;
  GtkWidget    *delete_button;
  GtkWidget    *email_problem;  /* beneath the email's group */
};

G_DEFINE_FINAL_TYPE (TandemPersonDialog, tandem_person_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TandemPersonDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void show_programs (TandemPersonDialog *self);

/* The person as the store has them now, with their version. */
static void
load_person (TandemPersonDialog *self)
{
  /* The version first: a save in between makes it older than what shows,
   * and the next save asks rather than overwrites. */
  g_autofree char *version = tandem_person_dup_version (self->store, self->person_id, NULL);
  g_autoptr(TandemPerson) person = tandem_person_lookup (self->store, self->person_id, NULL);

  if (person == NULL)
    return;
  g_free (self->version);
  self->version = g_steal_pointer (&version);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_person_get_name (person));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), tandem_person_get_email (person));
  gtk_editable_set_text (GTK_EDITABLE (self->external_id_row), tandem_person_get_external_id (person));
  tandem_name_row_set_name (self->department_row, tandem_person_get_department (person));
  tandem_name_row_set_name (self->role_row, tandem_person_get_role (person));
  adw_combo_row_set_selected (self->level_row, tandem_person_get_level (person));
  gtk_switch_set_active (self->champion_switch, tandem_person_get_champion (person));
  gtk_switch_set_active (self->tool_access_switch, tandem_person_get_tool_access (person));
  gtk_switch_set_active (self->active_switch, tandem_person_get_active (person));
  gtk_widget_set_visible (self->delete_button, TRUE);
  show_programs (self);
}

static void save (TandemPersonDialog *self);

static void
save_soon (gpointer self)
{
  save (self);
}

static void
changed_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     TandemPersonDialog *self)
{
  if (g_str_equal (response, "reload"))
    {
      load_person (self);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  else if (g_str_equal (response, "overwrite"))
    {
      g_clear_pointer (&self->version, g_free);
      tandem_run_after_response (self, save_soon);
    }
}

static void
save (TandemPersonDialog *self)
{
  g_autoptr(GError) error = NULL;
  TandemPersonDraft draft = {
    gtk_editable_get_text (GTK_EDITABLE (self->external_id_row)),
    gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
    tandem_name_row_get_name (self->department_row),
    tandem_name_row_get_name (self->role_row),
    (TandemLevel)adw_combo_row_get_selected (self->level_row),
    gtk_switch_get_active (self->champion_switch),
    gtk_switch_get_active (self->tool_access_switch),
    gtk_switch_get_active (self->active_switch),
  };
  gint64 id;

  id = tandem_person_save (self->store, self->person_id, self->version, &draft, &error);
  if (g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CHANGED))
    {
      tandem_ask_about_change (GTK_WINDOW (self), error->message, G_CALLBACK (changed_response_cb), self);
      return;
    }
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
level_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   TandemPersonDialog *self)
{
  if (g_str_equal (response, "change"))
    tandem_run_after_response (self, save_soon);
}

/* A role has one level: changing it here changes it for everyone in the
 * role, so say so, with how many, and ask first. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemPersonDialog *self = TANDEM_PERSON_DIALOG (widget);
  const char *role = tandem_name_row_get_name (self->role_row);
  TandemLevel level = (TandemLevel)adw_combo_row_get_selected (self->level_row);
  TandemLevel known;
  guint others;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;

  if (!tandem_role_get_level (self->store, role, &known) || known == level ||
      (others = tandem_role_count_people (self->store, role, self->person_id)) == 0)
    {
      save (self);
      return;
    }

  count = tandem_format_count (others);
  /* Translators: %s is a role, e.g. "Support Agent" */
  heading = g_strdup_printf (_("Change the Level of “%s”?"), role);
  /* Translators: %s is a number of people, then two levels */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A level belongs to the role: %s other person in it changes from %s to %s too.",
                                       "A level belongs to the role: %s other people in it change from %s to %s too.",
                                       others),
                          count, tandem_level_get_label (known), tandem_level_get_label (level));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "change", _("_Change Level"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (level_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save stays insensitive until the person can be saved: a name, and an
 * email address that looks like one (said on its row). */
static void
update_save (TandemPersonDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  gboolean email_ok = *email == '\0' || (strchr (email, '@') != NULL && strchr (email, ' ') == NULL);

  if (email_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
  gtk_widget_set_visible (self->email_problem, !email_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", *name != '\0' && email_ok);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemPersonDialog *self = TANDEM_PERSON_DIALOG (widget);

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->person_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A known role brings its level along. */
static void
role_changed_cb (TandemPersonDialog *self)
{
  TandemLevel level;

  if (self->store != NULL &&
      tandem_role_get_level (self->store, tandem_name_row_get_name (self->role_row), &level))
    adw_combo_row_set_selected (self->level_row, level);
}

static void
tandem_person_dialog_dispose (GObject *object)
{
  TandemPersonDialog *self = (TandemPersonDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->version, g_free);

  G_OBJECT_CLASS (tandem_person_dialog_parent_class)->dispose (object);
}

static void
tandem_person_dialog_class_init (TandemPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_person_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_NAME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, external_id_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, champion_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, tool_access_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, programs_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, programs_list);
  gtk_widget_class_bind_template_child (widget_class, TandemPersonDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "person.save", NULL);
}

static void
tandem_person_dialog_init (TandemPersonDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_limit_text (GTK_WIDGET (self->name_row), TANDEM_LIMIT_SHORT, self->error_label);
  tandem_limit_text (GTK_WIDGET (self->email_row), TANDEM_LIMIT_EMAIL, self->error_label);
  tandem_limit_text (GTK_WIDGET (self->external_id_row), TANDEM_LIMIT_SHORT, self->error_label);
  tandem_limit_text (tandem_name_row_get_entry (self->department_row), TANDEM_LIMIT_SHORT, self->error_label);
  tandem_limit_text (tandem_name_row_get_entry (self->role_row), TANDEM_LIMIT_SHORT, self->error_label);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update_save), self);
  g_signal_connect_swapped (self->email_row, "changed", G_CALLBACK (update_save), self);
  {
    GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->email_row), ADW_TYPE_PREFERENCES_GROUP);

    self->email_problem = gtk_label_new (_("An email address has an @ and no spaces."));
    gtk_label_set_xalign (GTK_LABEL (self->email_problem), 0);
    gtk_label_set_wrap (GTK_LABEL (self->email_problem), TRUE);
    gtk_widget_add_css_class (self->email_problem, "error");
    gtk_widget_add_css_class (self->email_problem, "caption");
    gtk_widget_set_visible (self->email_problem, FALSE);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (group)), self->email_problem, group);
  }

  for (TandemLevel level = 0; level < TANDEM_N_LEVELS; level++)
    gtk_string_list_append (levels, tandem_level_get_label (level));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_selected (self->level_row, TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR);
}

static void
show_programs (TandemPersonDialog *self)
{
  g_autoptr(GListModel) enrollments = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *old;
  guint n;

  while ((old = gtk_widget_get_first_child (GTK_WIDGET (self->programs_list))) != NULL)
    gtk_list_box_remove (self->programs_list, old);
  enrollments = tandem_enrollment_list_for_person (self->store, self->person_id, &error);
  if (enrollments == NULL)
    return;

  n = g_list_model_get_n_items (enrollments);
  gtk_widget_set_visible (self->programs_group, TRUE);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not enrolled in any program yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->programs_list, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemEnrollment) e = g_list_model_get_item (enrollments, i);
      GtkWidget *row = adw_action_row_new ();
      const char *day = tandem_enrollment_get_completed_on (e);
      g_autofree char *subtitle = NULL;

      if (day == NULL)
        day = tandem_enrollment_get_enrolled_on (e);
      if (day == NULL)
        day = tandem_enrollment_get_invited_on (e);
      subtitle = day ? g_strdup_printf ("%s · %s", tandem_enrollment_status_get_label (tandem_enrollment_get_status (e)), day)
                     : g_strdup (tandem_enrollment_status_get_label (tandem_enrollment_get_status (e)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_enrollment_get_program (e));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->programs_list, row);
    }
}

/**
 * tandem_person_dialog_new:
 * @person_id: the person to edit, or 0 to add one
 */
GtkWidget *
tandem_person_dialog_new (GtkWindow   *parent,
                          TandemStore *store,
                          gint64       person_id)
{
  TandemPersonDialog *self;
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->person_id = person_id;
  {
    g_auto(GStrv) departments = tandem_department_list_names (store, NULL);
    g_auto(GStrv) roles = tandem_role_list_names (store, NULL);

    tandem_name_row_set_names (self->department_row, (const char * const *)departments, _("New Department…"));
    tandem_name_row_set_names (self->role_row, (const char * const *)roles, _("New Role…"));
  }

  if (person_id != 0)
    load_person (self);

  update_save (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
