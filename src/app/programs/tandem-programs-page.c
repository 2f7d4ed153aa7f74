/* tandem-programs-page.c — AI-literacy programs by role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of programs, and one program's page: its details, target roles,
 * status counts, completion by role (drawn by the core renderer) and the
 * people enrolled, whose status is changed in place. People are enrolled
 * one at a time by ID or email, or everyone of a role or department the
 * program targets at once.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tandem-chart-view.h"
#include "tandem-enrollment.h"
#include "tandem-person-search.h"
#include "tandem-person.h"
#include "tandem-program-charts.h"
#include "tandem-program-dialog.h"
#include "tandem-program-load.h"
#include "tandem-program.h"
#include "tandem-load.h"
#include "tandem-next-steps.h"
#include "tandem-programs-page.h"
#include "tandem-utils.h"

struct _TandemProgramsPage
{
  GtkWidget        parent_instance;

  TandemStore     *store;
  GCancellable    *loading;        /* the list being read, off the main thread */
  GCancellable    *detail_loading; /* the program shown, likewise */
  GListModel      *programs;
  gint64           program_id;     /* the program shown, or 0 */
  char            *detail_title;   /* its title */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkBox          *detail_box;
  TandemNextSteps *next_steps;
};

G_DEFINE_FINAL_TYPE (TandemProgramsPage, tandem_programs_page, GTK_TYPE_WIDGET)

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_DETAIL_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_program (TandemProgramsPage *self);

static void
changed (TandemProgramsPage *self,
         const char         *message)
{
  g_signal_emit (self, signals[DATA_CHANGED], 0, message);
}

static char *
today_iso (void)
{
  g_autoptr(GDate) today = tandem_date_new_today ();

  return tandem_date_to_iso (today);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemProgram *program = item;
  guint enrolled = tandem_program_get_enrolled (program);
  guint completed = tandem_program_get_completed (program);
  g_autofree char *subtitle = NULL;
  g_autofree char *share = NULL;
  g_autofree char *enrolled_text = tandem_format_count (enrolled);
  g_autofree char *completed_text = tandem_format_count (completed);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix;
  g_autoptr(GDate) today = tandem_date_new_today ();
  TandemProgramPhase phase = tandem_program_get_phase (program, today);
  g_autofree char *dates = NULL;

  if (tandem_program_get_starts_on (program) != NULL)
    dates = g_strdup_printf (" · %s – %s", tandem_program_get_starts_on (program),
                             tandem_program_get_ends_on (program) ? tandem_program_get_ends_on (program) : "");
  /* Translators: a program's format, then its dates (" · 2026-03-01 – 2026-06-30", or nothing), then
   * how many take part in it (invited, enrolled, in progress or completed) and how many completed */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s%s · %s taking part, %s completed",
                                           "%s%s · %s taking part, %s completed", enrolled),
                              tandem_program_format_get_label (tandem_program_get_format (program)),
                              dates ? dates : "", enrolled_text, completed_text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_program_get_title (program));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, tandem_program_get_description (program));

  /* Translators: share of enrolled people who completed a program */
  share = enrolled > 0 ? g_strdup_printf (_("%.0f%% done"), 100.0 * completed / enrolled) : g_strdup ("–");
  suffix = gtk_label_new (share);
  gtk_widget_add_css_class (suffix, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  suffix = gtk_label_new (tandem_program_phase_get_label (phase));
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (suffix, "status-pill");
  gtk_widget_add_css_class (suffix, phase == TANDEM_PROGRAM_RUNNING ? "success"
                                    : phase == TANDEM_PROGRAM_UPCOMING ? "accent" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
program_activated_cb (TandemProgramsPage *self,
                      GtkListBoxRow      *row)
{
  g_autoptr(TandemProgram) program = g_list_model_get_item (self->programs, (guint)gtk_list_box_row_get_index (row));

  if (program != NULL)
    tandem_programs_page_show_program (self, tandem_program_get_id (program));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemProgramsPage *self = TANDEM_PROGRAMS_PAGE (widget);

  self->program_id = 0;
  tandem_programs_page_reload (self);
}

static void
program_saved_cb (TandemProgramsPage *self,
                  gint64              id)
{
  self->program_id = id;
  changed (self, _("Program saved"));   /* the page reads it again, and shows it */
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemProgramsPage *self = TANDEM_PROGRAMS_PAGE (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = tandem_program_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)), self->store, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (program_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemProgramsPage *self = TANDEM_PROGRAMS_PAGE (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->program_id == 0)
    return;
  dialog = tandem_program_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)), self->store, self->program_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (program_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  TandemProgramsPage *self;
  char               *snapshot;
  TandemEnrollment   *enrollment;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->self);
  g_clear_object (&undo->enrollment);
  g_free (undo->snapshot);
  g_free (undo);
}

static void
undo_cb (AdwToast *toast_,
         Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (undo->snapshot != NULL)
    ok = tandem_program_restore (undo->self->store, undo->snapshot, &error);
  else
    ok = tandem_enrollment_restore (undo->self->store, undo->enrollment, &error);
  if (!ok)
    tandem_show_toast (undo->self->toast_overlay, error->message);
  else
    changed (undo->self, NULL);
}

static void
offer_undo (TandemProgramsPage *self,
            const char         *title,
            char               *snapshot,
            TandemEnrollment   *enrollment)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->self = g_object_ref (self);
  undo->snapshot = snapshot;
  undo->enrollment = enrollment ? g_object_ref (enrollment) : NULL;
  tandem_offer_undo (self->toast_overlay, title, G_CALLBACK (undo_cb), undo, undo_free);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemProgramsPage *self = TANDEM_PROGRAMS_PAGE (widget);
  g_autoptr(TandemProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  char *snapshot = NULL;

  if (self->program_id == 0 || (program = tandem_program_lookup (self->store, self->program_id, &error)) == NULL ||
      !tandem_program_delete (self->store, self->program_id, &snapshot, &error))
    {
      if (error != NULL)
        tandem_show_toast (self->toast_overlay, error->message);
      return;
    }
  self->program_id = 0;
  changed (self, NULL);
  title = g_strdup_printf (_("“%s” deleted"), tandem_program_get_title (program));
  offer_undo (self, title, snapshot, NULL);
}

static void
status_selected_cb (GtkDropDown        *drop_down,
                    GParamSpec         *pspec,
                    TandemProgramsPage *self)
{
  TandemEnrollment *e = g_object_get_data (G_OBJECT (drop_down), "enrollment");
  guint status = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso ();

  if (status == tandem_enrollment_get_status (e) || status >= TANDEM_N_ENROLLMENT_STATUSES)
    return;
  if (!tandem_enrollment_set_status (self->store, tandem_enrollment_get_id (e), status, today, &error))
    {
      tandem_show_toast (self->toast_overlay, error->message);
      gtk_drop_down_set_selected (drop_down, tandem_enrollment_get_status (e));
      return;
    }
  changed (self, NULL);
}

static void
remove_clicked_cb (GtkButton          *button,
                   TandemProgramsPage *self)
{
  TandemEnrollment *e = g_object_get_data (G_OBJECT (button), "enrollment");
  g_autoptr(TandemEnrollment) keep = g_object_ref (e);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!tandem_enrollment_remove (self->store, keep, &error))
    {
      tandem_show_toast (self->toast_overlay, error->message);
      return;
    }
  title = g_strdup_printf (_("%s removed from the program"), tandem_enrollment_get_person (keep));
  changed (self, NULL);
  offer_undo (self, title, NULL, keep);
}

static void
enrol_chosen_cb (TandemPersonSearch *search,
                 gint64              person,
                 TandemProgramsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso ();

  if (tandem_enrollment_add (self->store, person, self->program_id, TANDEM_ENROLLMENT_INVITED, today, &error) == 0)
    {
      tandem_show_toast (self->toast_overlay, error->message);
      return;
    }
  tandem_person_search_set_text (search, "");
  changed (self, _("Invited to the program"));
}

static void
enrol_group_clicked_cb (GtkButton          *button,
                        TandemProgramsPage *self)
{
  GtkDropDown *roles = g_object_get_data (G_OBJECT (button), "roles");
  GtkDropDown *departments = g_object_get_data (G_OBJECT (button), "departments");
  GtkStringObject *role = gtk_drop_down_get_selected (roles) > 0 ? gtk_drop_down_get_selected_item (roles) : NULL;
  GtkStringObject *department = gtk_drop_down_get_selected (departments) > 0
                                ? gtk_drop_down_get_selected_item (departments) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *message = NULL;
  guint added = 0;

  if (!tandem_enrollment_enrol_matching (self->store, self->program_id,
                                         role ? gtk_string_object_get_string (role) : NULL,
                                         department ? gtk_string_object_get_string (department) : NULL,
                                         today, &added, &error))
    {
      tandem_show_toast (self->toast_overlay, error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person invited", "%u people invited", added), added);
  changed (self, message);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
names_drop_down (const char *all,
                 char      **names)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  gtk_string_list_append (list, all);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (list, names[i]);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  return drop_down;
}

static GtkWidget *
build_enrol_box (TandemProgramsPage       *self,
                 const TandemProgramShown *shown)
{
  TandemProgram *program = shown->program;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *one = tandem_person_search_new (self->store, _("Name, email or ID of one person"));
  GtkWidget *group = gtk_flow_box_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Invite Everyone Matching"));
  const char * const *targets = tandem_program_get_target_roles (program);
  char **all_roles = targets[0] != NULL ? (char **)targets : shown->roles;
  GtkWidget *roles, *depts;

  /* Only the roles the program is for, or every role when it is for everyone. */
  gtk_box_append (GTK_BOX (box), heading (_("Enrol")));
  gtk_widget_set_name (one, "enrol-search");
  g_signal_connect (one, "chosen", G_CALLBACK (enrol_chosen_cb), self);
  gtk_box_append (GTK_BOX (box), one);

  roles = names_drop_down (targets[0] != NULL ? _("Every target role") : _("Every role"), all_roles);
  depts = names_drop_down (_("Every department"), shown->departments);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (group), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (group), 3);
  gtk_flow_box_append (GTK_FLOW_BOX (group), roles);
  gtk_flow_box_append (GTK_FLOW_BOX (group), depts);
  gtk_flow_box_append (GTK_FLOW_BOX (group), button);
  g_object_set_data (G_OBJECT (button), "roles", roles);
  g_object_set_data (G_OBJECT (button), "departments", depts);
  g_signal_connect (button, "clicked", G_CALLBACK (enrol_group_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), group);
  return box;
}

/* The people in a program: a list view, so that a program of 40,000 people
 * makes rows only for what is on screen. */
static void
setup_enrollment_row_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         TandemProgramsPage       *self)
{
  const char *statuses[TANDEM_N_ENROLLMENT_STATUSES + 1] = { NULL, };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down, *remove;

  for (TandemEnrollmentStatus s = 0; s < TANDEM_N_ENROLLMENT_STATUSES; s++)
    statuses[s] = tandem_enrollment_status_get_label (s);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  drop_down = gtk_drop_down_new_from_strings (statuses);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (status_selected_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);

  remove = tandem_icon_button_new ("list-remove-symbolic", _("Remove from the program"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "drop-down", drop_down);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  gtk_list_item_set_child (item, row);
}

static void
bind_enrollment_row_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        TandemProgramsPage       *self)
{
  TandemEnrollment *e = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *drop_down = g_object_get_data (G_OBJECT (row), "drop-down");
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove");
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf ("%s · %s", *tandem_enrollment_get_role (e) ? tandem_enrollment_get_role (e) : _("No role"),
                              *tandem_enrollment_get_department (e) ? tandem_enrollment_get_department (e)
                                                                    : _("No department"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_enrollment_get_person (e));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* The row's widgets say which enrollment they act on before the status
   * is set, so that setting it is not taken for the user's choice. */
  g_object_set_data_full (G_OBJECT (drop_down), "enrollment", g_object_ref (e), g_object_unref);
  g_object_set_data_full (G_OBJECT (remove), "enrollment", g_object_ref (e), g_object_unref);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), tandem_enrollment_get_status (e));
}

static GtkWidget *
build_enrollment_list (TandemProgramsPage *self,
                       GListModel         *enrollments)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_enrollment_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_enrollment_row_cb), self);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (enrollments))), factory);
  gtk_widget_add_css_class (view, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 560);
  return scroller;
}

/* Shows the program that was read, or the list when it is gone. */
static void
program_shown (gpointer      owner,
               gpointer      result,
               const GError *error)
{
  TandemProgramsPage *self = owner;
  TandemProgramShown *shown = result;
  TandemProgram *program = shown != NULL ? shown->program : NULL;
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autoptr(GString) topics = g_string_new (NULL);
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autofree char *targets = NULL;
  GtkWidget *child, *bar, *title, *label, *chart_view;

  g_clear_object (&self->detail_loading);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);

  if (program == NULL)
    {
      if (error != NULL)
        tandem_show_toast (self->toast_overlay, error->message);
      self->program_id = 0;
      gtk_stack_set_visible_child_name (self->stack,
                                        self->programs && g_list_model_get_n_items (self->programs) > 0
                                        ? "list" : "empty");
      return;
    }
  g_free (self->detail_title);
  self->detail_title = g_strdup (tandem_program_get_title (program));
  gtk_stack_set_visible_child_name (self->stack, "detail");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL_TITLE]);

  /* Title, edit and delete; the window's header bar holds Back. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  title = gtk_label_new (tandem_program_get_title (program));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (bar), title);
  child = tandem_icon_button_new ("document-edit-symbolic", _("Edit Program"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "programs.edit");
  gtk_box_append (GTK_BOX (bar), child);
  child = tandem_icon_button_new ("user-trash-symbolic", _("Delete Program"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "programs.delete");
  gtk_box_append (GTK_BOX (bar), child);
  gtk_box_append (self->detail_box, bar);

  /* The facts, in one readable paragraph. */
  g_string_append (facts, tandem_program_format_get_label (tandem_program_get_format (program)));
  if (tandem_program_get_starts_on (program) != NULL)
    g_string_append_printf (facts, " · %s – %s", tandem_program_get_starts_on (program),
                            tandem_program_get_ends_on (program) ? tandem_program_get_ends_on (program) : "");
  if (tandem_program_get_owner (program) != NULL)
    g_string_append_printf (facts, _(" · owner %s"), tandem_program_get_owner (program));
  if (tandem_program_get_capacity (program) > 0)
    g_string_append_printf (facts, g_dngettext (GETTEXT_PACKAGE, " · room for %u person", " · room for %u people",
                                                tandem_program_get_capacity (program)),
                            tandem_program_get_capacity (program));
  for (TandemTopic t = 0; t < TANDEM_N_TOPICS; t++)
    if (tandem_program_get_topics (program) & (1u << t))
      g_string_append_printf (topics, "%s%s", topics->len ? ", " : "", tandem_topic_get_label (t));
  {
    guint n_targets = g_strv_length ((char **)tandem_program_get_target_roles (program));

    /* A program meant for every role says so rather than listing them. */
    targets = n_targets > 0 && shown->roles != NULL && n_targets == g_strv_length (shown->roles)
              ? g_strdup ("") : g_strjoinv (", ", (char **)tandem_program_get_target_roles (program));
  }
  if (topics->len > 0)
    g_string_append_printf (facts, _("\nTopics: %s"), topics->str);
  g_string_append_printf (facts, _("\nFor: %s"), *targets ? targets : _("every role"));
  if (*tandem_program_get_description (program))
    g_string_append_printf (facts, "\n%s", tandem_program_get_description (program));
  label = gtk_label_new (facts->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (self->detail_box, label);

  /* Status counts. */
  for (TandemEnrollmentStatus s = 0; s < TANDEM_N_ENROLLMENT_STATUSES; s++)
    {
      g_autofree char *n = tandem_format_count (shown->counts[s]);

      g_string_append_printf (counts, "%s%s %s", counts->len ? "   " : "", tandem_enrollment_status_get_label (s), n);
    }
  label = gtk_label_new (counts->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (self->detail_box, heading (_("Status")));
  gtk_box_append (self->detail_box, label);

  if (shown->by_role != NULL && !tandem_chart_is_empty (shown->by_role))
    {
      chart_view = tandem_chart_view_new ();
      tandem_chart_view_set_chart (TANDEM_CHART_VIEW (chart_view), shown->by_role);
      gtk_widget_set_size_request (chart_view, -1, 320);
      gtk_box_append (self->detail_box, chart_view);
    }

  gtk_box_append (self->detail_box, build_enrol_box (self, shown));

  gtk_box_append (self->detail_box, heading (_("People")));
  if (shown->enrollments == NULL || g_list_model_get_n_items (shown->enrollments) == 0)
    {
      label = gtk_label_new (_("Nobody is enrolled yet. Invite people above."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->detail_box, label);
      return;
    }
  gtk_box_append (self->detail_box, build_enrollment_list (self, shown->enrollments));
}

/* Reads the program shown off the main thread; the page keeps what it
 * shows until it comes. */
static void
show_program (TandemProgramsPage *self)
{
  g_autoptr(GSettings) settings = NULL;
  TandemProgramAsked *asked;

  if (self->store == NULL || self->program_id == 0)
    {
      program_shown (self, NULL, NULL);
      return;
    }
  settings = g_settings_new (APPLICATION_ID);
  asked = g_new0 (TandemProgramAsked, 1);
  asked->program_id = self->program_id;
  asked->threshold = MAX (g_settings_get_uint (settings, "anonymity-threshold"), TANDEM_MIN_ANONYMITY_THRESHOLD);
  tandem_load (self, self->store, &self->detail_loading, tandem_program_load, asked, g_free,
               (GDestroyNotify)tandem_program_shown_free, program_shown);
}

static void
tandem_programs_page_dispose (GObject *object)
{
  TandemProgramsPage *self = (TandemProgramsPage *)object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_cancellable_cancel (self->detail_loading);
  g_clear_object (&self->detail_loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PROGRAMS_PAGE);
  g_clear_pointer (&self->detail_title, g_free);
  g_clear_object (&self->programs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_programs_page_parent_class)->dispose (object);
}

static void
tandem_programs_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemProgramsPage *self = TANDEM_PROGRAMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DETAIL_TITLE:
      g_value_set_string (value, tandem_programs_page_get_detail_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_programs_page_class_init (TandemProgramsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_programs_page_dispose;
  object_class->get_property = tandem_programs_page_get_property;

  /* The title of the program shown, or %NULL while the list is: the window
   * puts it in its header bar, with Back. */
  properties[PROP_DETAIL_TITLE] = g_param_spec_string ("detail-title", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after programs or enrollments changed, with a message or NULL. */
  signals[DATA_CHANGED] = g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TANDEM_TYPE_NEXT_STEPS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-programs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemProgramsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemProgramsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemProgramsPage, list);
  gtk_widget_class_bind_template_child (widget_class, TandemProgramsPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, TandemProgramsPage, next_steps);
  gtk_widget_class_bind_template_callback (widget_class, changed);
  gtk_widget_class_bind_template_callback (widget_class, program_activated_cb);

  gtk_widget_class_install_action (widget_class, "programs.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "programs.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "programs.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "programs.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "programs.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_programs_page_init (TandemProgramsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_stack_add_loading (self->stack);
  tandem_stack_add_failed (self->stack, self, G_CALLBACK (tandem_programs_page_reload));
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (tandem_notify_detail_title), self);
}

/**
 * tandem_programs_page_get_detail_title:
 *
 * Returns: (nullable): the title of the program shown, or %NULL while the
 *   list of programs is
 */
const char *
tandem_programs_page_get_detail_title (TandemProgramsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAMS_PAGE (self), NULL);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0 ? self->detail_title : NULL;
}

void
tandem_programs_page_set_store (TandemProgramsPage *self,
                                TandemStore        *store)
{
  g_return_if_fail (TANDEM_IS_PROGRAMS_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      self->program_id = 0;
      tandem_next_steps_set_store (self->next_steps, store);
      tandem_programs_page_reload (self);
    }
}

static gpointer
load_programs (TandemStore  *store,
               gpointer      input,
               GError      **error)
{
  return tandem_program_list (store, error);
}

static void
programs_loaded (gpointer      owner,
                 gpointer      result,
                 const GError *error)
{
  TandemProgramsPage *self = owner;
  gboolean any;

  g_clear_object (&self->loading);
  g_clear_object (&self->programs);
  if (result != NULL)
    self->programs = g_object_ref (result);
  else
    {
      tandem_stack_show_failed (self->stack, error);
      return;
    }

  gtk_list_box_bind_model (self->list, self->programs, create_row, NULL, NULL);
  any = self->programs != NULL && g_list_model_get_n_items (self->programs) > 0;

  if (self->program_id != 0)
    {
      show_program (self);   /* it shows the list instead if the program is gone */
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

/* Reads the list (and the program shown) again, after the data changed;
 * the page keeps what it shows (a spinner the first time) until it comes. */
void
tandem_programs_page_reload (TandemProgramsPage *self)
{
  g_return_if_fail (TANDEM_IS_PROGRAMS_PAGE (self));

  if (self->store == NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
      programs_loaded (self, NULL, NULL);
      return;
    }
  if (self->programs == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  tandem_next_steps_reload (self->next_steps);
  tandem_load (self, self->store, &self->loading, load_programs, NULL, NULL, g_object_unref, programs_loaded);
}

/* Opens a program's page, as its row does; from a search result too. */
void
tandem_programs_page_show_program (TandemProgramsPage *self,
                                   gint64              id)
{
  g_return_if_fail (TANDEM_IS_PROGRAMS_PAGE (self));

  self->program_id = id;
  show_program (self);
}
