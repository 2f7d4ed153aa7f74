/* tandem-program-dialog.c — add or edit an AI-literacy program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-competency.h"
#include "tandem-date-row.h"
#include "tandem-person.h"
#include "tandem-person-drop-down.h"
#include "tandem-program-dialog.h"
#include "tandem-program.h"
#include "tandem-types.h"
#include "tandem-utils.h"

struct _TandemProgramDialog
{
  AdwWindow      parent_instance;

  TandemStore   *store;
  gint64         program_id;
  char          *version;       /* the program as the dialog read it, to tell another's save */
  char         **roles;

  GtkLabel      *error_label;
  AdwEntryRow   *title_row;
  AdwEntryRow   *description_row;
  AdwComboRow   *format_row;
  GtkCheckButton *topics[TANDEM_N_TOPICS];
  GPtrArray     *role_checks;
  TandemDateRow *starts_row;
  TandemDateRow *ends_row;
  GtkDropDown   *owner_drop_down;
  gint64         owner_id;      /* the owner when the dialog opened, offered even if inactive */
  GtkSpinButton *capacity_spin;
  GtkSpinButton *duration_spin;
  GPtrArray     *competencies;      /* TandemCompetency, one per row below */
  GPtrArray     *competency_rows;   /* AdwComboRow: none, then levels 1 to 3 */
};

G_DEFINE_FINAL_TYPE (TandemProgramDialog, tandem_program_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Active people may own a program; the owner it has keeps it even when
 * no longer active, so that saving other changes does not drop them. */
static gboolean
offer_as_owner (gpointer item,
                gpointer user_data)
{
  TandemProgramDialog *self = user_data;
  TandemPerson *person = item;

  return tandem_person_get_active (person) || tandem_person_get_id (person) == self->owner_id;
}

static void
owner_changed (TandemProgramDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "program.clear-owner",
                                 gtk_drop_down_get_selected (self->owner_drop_down) != GTK_INVALID_LIST_POSITION);
}

static void
clear_owner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemProgramDialog *self = TANDEM_PROGRAM_DIALOG (widget);

  gtk_drop_down_set_selected (self->owner_drop_down, GTK_INVALID_LIST_POSITION);
}

/* Save stays insensitive until the program can be saved: a title, and
 * dates that are real days with the end not before the start; the date
 * rows themselves say what is wrong. */
static void
update_save (TandemProgramDialog *self)
{
  g_autoptr(GDate) starts = tandem_date_parse_iso (tandem_date_row_get_text (self->starts_row));
  g_autoptr(GDate) ends = tandem_date_parse_iso (tandem_date_row_get_text (self->ends_row));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  tandem_date_row_set_problem (self->ends_row, starts != NULL && ends != NULL && g_date_compare (ends, starts) < 0
                                               ? _("The program ends before it starts.") : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "program.save",
                                 *title != '\0' && tandem_date_row_get_valid (self->starts_row) &&
                                 tandem_date_row_get_valid (self->ends_row));
}

/* The program as the store has it now, with its version. */
static void
load_program (TandemProgramDialog *self)
{
  /* The version first: a save in between makes it older than what shows,
   * and the next save asks rather than overwrites. */
  g_autofree char *version = tandem_program_dup_version (self->store, self->program_id, NULL);
  g_autoptr(TandemProgram) program = tandem_program_lookup (self->store, self->program_id, NULL);
  const char * const *targets;

  if (program == NULL)
    return;
  g_free (self->version);
  self->version = g_steal_pointer (&version);
  targets = tandem_program_get_target_roles (program);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Program"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), tandem_program_get_title (program));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), tandem_program_get_description (program));
  adw_combo_row_set_selected (self->format_row, tandem_program_get_format (program));
  for (TandemTopic t = 0; t < TANDEM_N_TOPICS; t++)
    gtk_check_button_set_active (self->topics[t], (tandem_program_get_topics (program) & (1u << t)) != 0);
  for (guint i = 0; i < self->role_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->role_checks, i),
                                 g_strv_contains (targets, self->roles[i]));
  tandem_date_row_set_text (self->starts_row, tandem_program_get_starts_on (program));
  tandem_date_row_set_text (self->ends_row, tandem_program_get_ends_on (program));
  self->owner_id = tandem_program_get_owner_id (program);
  gtk_spin_button_set_value (self->capacity_spin, tandem_program_get_capacity (program));
  gtk_spin_button_set_value (self->duration_spin, tandem_program_get_duration_hours (program));
  tandem_person_drop_down_select_id (self->owner_drop_down, self->owner_id);
  for (guint i = 0; self->competency_rows != NULL && i < self->competency_rows->len; i++)
    {
      TandemCompetency *competency = g_ptr_array_index (self->competencies, i);

      adw_combo_row_set_selected (g_ptr_array_index (self->competency_rows, i),
                                  tandem_program_get_competency (self->store, self->program_id, competency->name));
    }
}

static void save_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter);

static void
save_soon (gpointer self)
{
  save_action (self, NULL, NULL);
}

static void
changed_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     TandemProgramDialog *self)
{
  if (g_str_equal (response, "reload"))
    {
      load_program (self);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  else if (g_str_equal (response, "overwrite"))
    {
      g_clear_pointer (&self->version, g_free);
      tandem_run_after_response (self, save_soon);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemProgramDialog *self = TANDEM_PROGRAM_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  TandemProgramDraft draft = { 0, };
  gint64 id;

  for (guint i = 0; i < self->role_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->role_checks, i)))
      g_ptr_array_add (roles, self->roles[i]);
  g_ptr_array_add (roles, NULL);

  draft.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  draft.description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  draft.format = (TandemProgramFormat)adw_combo_row_get_selected (self->format_row);
  for (TandemTopic t = 0; t < TANDEM_N_TOPICS; t++)
    if (gtk_check_button_get_active (self->topics[t]))
      draft.topics |= 1u << t;
  draft.target_roles = (const char * const *)roles->pdata;
  draft.starts_on = tandem_date_row_get_text (self->starts_row);
  draft.ends_on = tandem_date_row_get_text (self->ends_row);
  draft.owner_id = tandem_person_drop_down_get_id (self->owner_drop_down);
  draft.capacity = (guint)gtk_spin_button_get_value_as_int (self->capacity_spin);
  draft.duration_hours = gtk_spin_button_get_value (self->duration_spin);

  id = tandem_program_save (self->store, self->program_id, self->version, &draft, &error);
  if (g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CHANGED))
    {
      tandem_ask_about_change (GTK_WINDOW (self), error->message, G_CALLBACK (changed_response_cb), self);
      return;
    }
  for (guint i = 0; id != 0 && self->competency_rows != NULL && i < self->competency_rows->len; i++)
    {
      TandemCompetency *competency = g_ptr_array_index (self->competencies, i);
      guint level = adw_combo_row_get_selected (g_ptr_array_index (self->competency_rows, i));

      if (!tandem_program_set_competency (self->store, id, competency->name, level, &error))
        id = 0;
    }
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
tandem_program_dialog_dispose (GObject *object)
{
  TandemProgramDialog *self = (TandemProgramDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->roles, g_strfreev);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);
  g_clear_pointer (&self->competencies, g_ptr_array_unref);
  g_clear_pointer (&self->competency_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_program_dialog_parent_class)->dispose (object);
}

static void
tandem_program_dialog_class_init (TandemProgramDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_program_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "program.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "program.clear-owner", NULL, clear_owner_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "program.save", NULL);
}

static AdwEntryRow *
entry_row (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static GtkCheckButton *
check_row (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return GTK_CHECK_BUTTON (check);
}

static void
tandem_program_dialog_init (TandemProgramDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group, *row, *clear_owner;
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  GtkAdjustment *capacity;

  self->role_checks = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("New Program"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 300);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "program.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  group = adw_preferences_group_new ();
  self->title_row = entry_row (group, _("_Title"));
  self->description_row = entry_row (group, _("_Description"));
  tandem_limit_text (GTK_WIDGET (self->title_row), TANDEM_LIMIT_SHORT, self->error_label);
  tandem_limit_text (GTK_WIDGET (self->description_row), TANDEM_LIMIT_LONG, self->error_label);
  for (TandemProgramFormat f = 0; f < TANDEM_N_FORMATS; f++)
    gtk_string_list_append (formats, tandem_program_format_get_label (f));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Format"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (formats));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->format_row = ADW_COMBO_ROW (row);
  gtk_box_append (GTK_BOX (content), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("When and Who"));
  self->starts_row = TANDEM_DATE_ROW (tandem_date_row_new (_("_Starts on"), TRUE));
  self->ends_row = TANDEM_DATE_ROW (tandem_date_row_new (_("_Ends on"), TRUE));
  tandem_date_row_set_any_year (self->starts_row, TRUE);
  tandem_date_row_set_any_year (self->ends_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->starts_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->ends_row));
  g_signal_connect_swapped (self->starts_row, "notify::text", G_CALLBACK (update_save), self);
  g_signal_connect_swapped (self->ends_row, "notify::text", G_CALLBACK (update_save), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_save), self);
  self->owner_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->owner_drop_down), "owner-drop-down");
  gtk_widget_set_valign (GTK_WIDGET (self->owner_drop_down), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->owner_drop_down), FALSE);
  g_signal_connect_swapped (self->owner_drop_down, "notify::selected", G_CALLBACK (owner_changed), self);
  clear_owner = tandem_icon_button_new ("edit-clear-symbolic", _("No Owner"));
  gtk_widget_set_name (clear_owner, "clear-owner");
  gtk_widget_set_valign (clear_owner, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear_owner, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear_owner), "program.clear-owner");
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Owner"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Who runs the program; type to search by name"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->owner_drop_down));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear_owner);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->owner_drop_down));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  capacity = gtk_adjustment_new (0, 0, 100000, 1, 10, 0);
  self->capacity_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (capacity, 1, 0));
  gtk_widget_set_valign (GTK_WIDGET (self->capacity_spin), GTK_ALIGN_CENTER);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Capacity"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("0 for no limit"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->capacity_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->capacity_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->duration_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (gtk_adjustment_new (0, 0, 10000, 0.5, 5, 0), 0.5, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->duration_spin), GTK_ALIGN_CENTER);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Duration (hours)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("For the AI-literacy record; 0 if not known"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->duration_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->duration_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (content), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Topics"));
  for (TandemTopic t = 0; t < TANDEM_N_TOPICS; t++)
    self->topics[t] = check_row (group, tandem_topic_get_label (t));
  gtk_box_append (GTK_BOX (content), group);

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  g_object_set_data (G_OBJECT (self), "content", content);
}

/**
 * tandem_program_dialog_new:
 * @program_id: the program to edit, or 0 to add one
 */
GtkWidget *
tandem_program_dialog_new (GtkWindow   *parent,
                           TandemStore *store,
                           gint64       program_id)
{
  TandemProgramDialog *self;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_PROGRAM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->program_id = program_id;
  self->roles = tandem_role_list_names (store, NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Target Roles"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Who the program is for; none means everyone."));
  for (guint i = 0; self->roles != NULL && self->roles[i] != NULL; i++)
    g_ptr_array_add (self->role_checks, check_row (group, self->roles[i]));
  gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (self), "content")), group);

  /* What completing it gives, per competency. */
  self->competencies = tandem_competency_list (store, NULL);
  self->competency_rows = g_ptr_array_new ();
  if (self->competencies != NULL && self->competencies->len > 0)
    {
      g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

      /* Translators: a program raises no level of a competency */
      gtk_string_list_append (levels, C_("competency level", "None"));
      for (guint level = 1; level <= TANDEM_N_COMPETENCY_LEVELS; level++)
        {
          g_autofree char *name = tandem_competency_level_dup_name (store, level);

          gtk_string_list_append (levels, name);
        }
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Competencies It Raises"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The level someone reaches in each on completing the program."));
      for (guint i = 0; i < self->competencies->len; i++)
        {
          TandemCompetency *competency = g_ptr_array_index (self->competencies, i);
          GtkWidget *combo = adw_combo_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), competency->name);
          adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (levels));
          /* None for a new program; load_program () sets an existing one's. */
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), combo);
          g_ptr_array_add (self->competency_rows, combo);
        }
      gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (self), "content")), group);
    }

  /* The owner first: offered as one even when no longer active. */
  if (program_id != 0)
    load_program (self);
  people = tandem_person_list (store, &error);
  if (people != NULL)
    {
      tandem_person_drop_down_set_people (self->owner_drop_down, people, offer_as_owner, self);
      tandem_person_drop_down_select_id (self->owner_drop_down, self->owner_id);
    }
  else
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  owner_changed (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  update_save (self);
  return GTK_WIDGET (self);
}
