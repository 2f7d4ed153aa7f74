/* tandem-coaching-page.c — reverse-mentoring pairs, their sessions and cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-chart-view.h"
#include "tandem-coaching-charts.h"
#include "tandem-coaching-page.h"
#include "tandem-load.h"
#include "tandem-export.h"
#include "tandem-follow-up.h"
#include "tandem-pair-dialog.h"
#include "tandem-pair.h"
#include "tandem-session-dialog.h"
#include "tandem-session.h"
#include "tandem-types.h"
#include "tandem-utils.h"

struct _TandemCoachingPage
{
  GtkWidget             parent_instance;

  TandemStore          *store;
  GCancellable         *loading;       /* pairs and charts being read, off the main thread */
  GListModel           *pairs;
  TandemPair           *pair;          /* shown in the detail view */
  TandemChartView      *chart_views[TANDEM_N_COACHING_CHARTS];
  GtkFileChooserNative *chooser;

  GtkStack             *stack;
  GtkListBox           *list;
  GtkFlowBox           *charts;
  GtkLabel             *detail_title;
  GtkLabel             *detail_subtitle;
  GtkListBox           *follow_ups_list;
  GtkListBox           *sessions_list;
};

G_DEFINE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, GTK_TYPE_WIDGET)

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

static void reload_detail (TandemCoachingPage *self);

static void
changed (TandemCoachingPage *self,
         const char         *message)
{
  g_signal_emit (self, signals[DATA_CHANGED], 0, message);
}

static GtkWidget *
create_pair_row (gpointer item,
                 gpointer user_data)
{
  TandemPair *pair = item;
  const char *last = tandem_pair_get_last_session (pair);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status;

  /* Translators: an executive and their junior mentor */
  title = g_strdup_printf (_("%s, coached by %s"),
                           tandem_pair_get_executive (pair), tandem_pair_get_mentor (pair));
  if (last != NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u session · last on %s · next due %s",
                                             "%u sessions · last on %s · next due %s",
                                             tandem_pair_get_n_sessions (pair)),
                                tandem_pair_get_n_sessions (pair), last,
                                tandem_pair_get_next_due (pair));
  else
    subtitle = g_strdup_printf (_("First session due %s"), tandem_pair_get_next_due (pair));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  status = gtk_label_new (tandem_pair_status_get_label (tandem_pair_get_status (pair)));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "status-pill");
  switch (tandem_pair_get_status (pair))
    {
    case TANDEM_PAIR_OVERDUE:
      gtk_widget_add_css_class (status, "error");
      break;
    case TANDEM_PAIR_DUE_SOON:
      gtk_widget_add_css_class (status, "warning");
      break;
    case TANDEM_PAIR_ON_TRACK:
      gtk_widget_add_css_class (status, "success");
      break;
    case TANDEM_PAIR_NO_SESSIONS:
    default:
      gtk_widget_add_css_class (status, "dim-label");
      break;
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
follow_up_toggled_cb (GtkCheckButton     *check,
                      TandemCoachingPage *self)
{
  TandemFollowUp *item = g_object_get_data (G_OBJECT (check), "follow-up");
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autoptr(GError) error = NULL;

  if (!tandem_follow_up_set_done (self->store, tandem_follow_up_get_id (item),
                                  gtk_check_button_get_active (check) ? today : NULL, &error))
    {
      g_warning ("The follow-up could not be ticked off: %s", error->message);
      return;
    }
  changed (self, _("Follow-up ticked off"));
}

static GtkWidget *
create_follow_up_row (gpointer item,
                      gpointer user_data)
{
  TandemCoachingPage *self = user_data;
  g_autofree char *subtitle = g_strdup_printf (_("From the session of %s"),
                                               tandem_follow_up_get_raised_on (item));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_follow_up_get_text (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "follow-up", g_object_ref (item), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (follow_up_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
add_detail (AdwExpanderRow *expander,
            const char     *label,
            const char     *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (expander, row);
}

typedef struct
{
  TandemCoachingPage *self;
  char               *undo;   /* holds private notes: memory only */
} SessionUndo;

static void
session_undo_free (SessionUndo *undo)
{
  g_object_unref (undo->self);
  g_free (undo->undo);
  g_free (undo);
}

static void
undo_session_cb (AdwToast    *toast,
                 SessionUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_session_restore (undo->self->store, undo->undo, &error))
    {
      changed (undo->self, error->message);
      return;
    }
  changed (undo->self, _("Session restored"));
}

/* Deletes a session logged by mistake; the toast's Undo brings it back. */
static void
delete_session_cb (GtkButton          *button,
                   TandemCoachingPage *self)
{
  TandemSession *session = g_object_get_data (G_OBJECT (button), "session");
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SessionUndo *undo;
  char *snapshot = NULL;

  if (!tandem_session_delete (self->store, tandem_session_get_id (session), &snapshot, &error))
    {
      changed (self, error->message);
      return;
    }
  /* Translators: %s is the day the session was held */
  title = g_strdup_printf (_("Session of %s deleted"), tandem_session_get_held_on (session));
  changed (self, NULL);
  if (overlay == NULL)
    {
      g_free (snapshot);
      return;
    }
  undo = g_new0 (SessionUndo, 1);
  undo->self = g_object_ref (self);
  undo->undo = snapshot;
  tandem_offer_undo (ADW_TOAST_OVERLAY (overlay), title, G_CALLBACK (undo_session_cb), undo,
                     (GDestroyNotify)session_undo_free);
}

static void
session_edited_cb (TandemCoachingPage *self)
{
  changed (self, _("Session saved"));
}

/* Opens the session in the log dialog, to correct a mistaken entry. */
static void
edit_session_cb (GtkButton          *button,
                 TandemCoachingPage *self)
{
  TandemSession *session = g_object_get_data (G_OBJECT (button), "session");
  GtkWindow *dialog = tandem_session_dialog_new_for_session (tandem_widget_get_window (GTK_WIDGET (self)),
                                                             self->store, session);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (session_edited_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* An icon button on a session's row that acts on @session. */
static GtkWidget *
add_session_button (GtkWidget          *row,
                    TandemSession      *session,
                    const char         *icon,
                    const char         *label,
                    GCallback           clicked,
                    TandemCoachingPage *self)
{
  GtkWidget *button = tandem_icon_button_new (icon, label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "session", g_object_ref (session), g_object_unref);
  g_signal_connect (button, "clicked", clicked, self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  return button;
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  TandemCoachingPage *self = user_data;
  TandemSession *session = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *delete;
  g_autoptr(GString) title = g_string_new (tandem_session_get_held_on (session));

  if (tandem_session_get_minutes (session) >= 0)
    g_string_append_printf (title, _(" · %d minutes"), tandem_session_get_minutes (session));
  if (tandem_session_get_confidence_before (session) > 0 && tandem_session_get_confidence_after (session) > 0)
    g_string_append_printf (title, _(" · confidence %d → %d"),
                            tandem_session_get_confidence_before (session),
                            tandem_session_get_confidence_after (session));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), tandem_session_get_insight (session));
  add_detail (ADW_EXPANDER_ROW (row), _("Tried"), tandem_session_get_tools (session));
  add_detail (ADW_EXPANDER_ROW (row), _("On"), tandem_session_get_data_used (session));
  add_detail (ADW_EXPANDER_ROW (row), _("Learned"), tandem_session_get_insight (session));
  add_detail (ADW_EXPANDER_ROW (row), _("Next"), tandem_session_get_follow_ups (session));
  add_detail (ADW_EXPANDER_ROW (row), _("Private notes"), tandem_session_get_private_notes (session));

  delete = add_session_button (row, session, "user-trash-symbolic", _("Delete Session"),
                               G_CALLBACK (delete_session_cb), self);
  g_object_set_data (G_OBJECT (row), "delete-button", delete);
  add_session_button (row, session, "document-edit-symbolic", _("Edit Session"), G_CALLBACK (edit_session_cb), self);
  return row;
}

/* The Delete key deletes the session whose row has the keyboard. */
static gboolean
sessions_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         TandemCoachingPage    *self)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->sessions_list));
  GtkWidget *delete;

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;
  if (row == NULL || (delete = g_object_get_data (G_OBJECT (row), "delete-button")) == NULL)
    return FALSE;
  delete_session_cb (GTK_BUTTON (delete), self);
  return TRUE;
}

static void
reload_detail (TandemCoachingPage *self)
{
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->pair == NULL || self->store == NULL)
    return;

  /* Translators: an executive and their junior mentor */
  title = g_strdup_printf (_("%s, coached by %s"), tandem_pair_get_executive (self->pair),
                           tandem_pair_get_mentor (self->pair));
  subtitle = g_strdup_printf (_("%s · every %u days · next session due %s"),
                              tandem_pair_status_get_label (tandem_pair_get_status (self->pair)),
                              tandem_pair_get_cadence_days (self->pair),
                              tandem_pair_get_next_due (self->pair));
  gtk_label_set_text (self->detail_title, title);
  tandem_notify_detail_title (G_OBJECT (self));
  gtk_label_set_text (self->detail_subtitle, subtitle);

  if (!(open = tandem_follow_up_list_open (self->store, tandem_pair_get_id (self->pair), &error)) ||
      !(sessions = tandem_session_list_for_pair (self->store, tandem_pair_get_id (self->pair), &error)))
    g_warning ("The pair could not be loaded: %s", error->message);

  gtk_list_box_bind_model (self->follow_ups_list, open, create_follow_up_row, self, NULL);
  gtk_list_box_bind_model (self->sessions_list, sessions, create_session_row, self, NULL);
}

static void
pair_activated_cb (TandemCoachingPage *self,
                   GtkListBoxRow      *row)
{
  g_autoptr(TandemPair) pair = g_list_model_get_item (self->pairs, (guint)gtk_list_box_row_get_index (row));

  if (pair != NULL)
    tandem_coaching_page_show_pair (self, tandem_pair_get_id (pair));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);

  g_clear_object (&self->pair);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
pair_saved_cb (TandemCoachingPage *self,
               gint64              pair_id)
{
  changed (self, _("Mentoring pair created"));
  tandem_coaching_page_show_pair (self, pair_id);
}

static void
new_pair_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);
  GtkWindow *dialog = tandem_pair_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (pair_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
refresh_after_undo (TandemCoachingPage *self)
{
  changed (self, NULL);
}

static void
session_saved_cb (TandemCoachingPage *self,
                  gint64              session_id)
{
  changed (self, NULL);
  tandem_offer_undo_logged (GTK_WIDGET (self), self->store, session_id, G_CALLBACK (refresh_after_undo), self);
}

static void
log_for_pair_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);
  GtkWindow *dialog;

  if (self->pair == NULL)
    return;
  dialog = tandem_session_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)), self->store, tandem_pair_get_id (self->pair));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (session_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
end_pair_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      TandemCoachingPage *self)
{
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autofree char *day = tandem_date_to_iso (today);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "end") != 0 || self->pair == NULL)
    return;

  if (!tandem_pair_end (self->store, tandem_pair_get_id (self->pair), day, &error))
    {
      g_warning ("The pair could not be ended: %s", error->message);
      return;
    }
  g_clear_object (&self->pair);
  gtk_stack_set_visible_child_name (self->stack, "list");
  changed (self, _("Mentoring pair ended; its sessions are kept"));
}

static void
end_pair_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);
  GtkWidget *dialog;

  if (self->pair == NULL)
    return;

  dialog = adw_message_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)), _("End This Mentoring Pair?"),
                                   _("The pair stops being expected to meet. Its sessions and "
                                     "follow-ups stay in the journal."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "end", _("_End Pair"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_pair_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
journal_response_cb (TandemCoachingPage   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->pair != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL &&
          tandem_export_journal (self->store, tandem_pair_get_executive_external_id (self->pair),
                                 path, FALSE, &error))
        changed (self, _("Journal exported, without private notes"));
      else
        {
          tandem_show_error (GTK_WIDGET (self), _("The Journal Could Not Be Exported"),
                             error ? error->message : _("Choose a file on this computer."));
        }
    }
  g_clear_object (&self->chooser);
}

static void
export_journal_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->pair == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Coaching Journal"), tandem_widget_get_window (GTK_WIDGET (self)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of a coaching journal; keep .md */
  name = g_strdup_printf (_("coaching-journal-%s.md"), tandem_pair_get_executive_external_id (self->pair));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (journal_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
tandem_coaching_page_dispose (GObject *object)
{
  TandemCoachingPage *self = (TandemCoachingPage *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_COACHING_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->pairs);
  g_clear_object (&self->pair);

  G_OBJECT_CLASS (tandem_coaching_page_parent_class)->dispose (object);
}

static void
tandem_coaching_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemCoachingPage *self = TANDEM_COACHING_PAGE (object);

  switch (prop_id)
    {
    case PROP_DETAIL_TITLE:
      g_value_set_string (value, tandem_coaching_page_get_detail_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_coaching_page_class_init (TandemCoachingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_coaching_page_dispose;
  object_class->get_property = tandem_coaching_page_get_property;

  /* The pair shown, or %NULL while the list is: the window puts it in its
   * header bar, with Back. */
  properties[PROP_DETAIL_TITLE] = g_param_spec_string ("detail-title", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemCoachingPage::data-changed:
   * @message: what happened, for a toast
   *
   * The page wrote to the store; other views may need to read again.
   */
  signals[DATA_CHANGED] = g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-coaching-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, list);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, charts);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingPage, sessions_list);
  gtk_widget_class_bind_template_callback (widget_class, pair_activated_cb);

  gtk_widget_class_install_action (widget_class, "coaching.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "coaching.new-pair", NULL, new_pair_action);
  gtk_widget_class_install_action (widget_class, "coaching.log-for-pair", NULL, log_for_pair_action);
  gtk_widget_class_install_action (widget_class, "coaching.end-pair", NULL, end_pair_action);
  gtk_widget_class_install_action (widget_class, "coaching.export-journal", NULL, export_journal_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_coaching_page_init (TandemCoachingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_stack_add_loading (self->stack);
  tandem_stack_add_failed (self->stack, self, G_CALLBACK (tandem_coaching_page_reload));
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (tandem_notify_detail_title), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (sessions_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->sessions_list), keys);
  }

  for (guint i = 0; i < TANDEM_N_COACHING_CHARTS; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      self->chart_views[i] = TANDEM_CHART_VIEW (tandem_chart_view_new ());
      gtk_widget_set_size_request (GTK_WIDGET (self->chart_views[i]), -1, 300);
      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->chart_views[i]));
      gtk_flow_box_append (self->charts, card);
    }
}

void
tandem_coaching_page_set_store (TandemCoachingPage *self,
                                TandemStore        *store)
{
  g_return_if_fail (TANDEM_IS_COACHING_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    tandem_coaching_page_reload (self);
}

/* The pairs and charts, read in a worker. */
typedef struct
{
  GListModel  *pairs;
  GError      *error;
  TandemChart *charts[TANDEM_N_COACHING_CHARTS];
  GError      *chart_errors[TANDEM_N_COACHING_CHARTS];
} Coaching;

static void
coaching_free (Coaching *coaching)
{
  g_clear_object (&coaching->pairs);
  g_clear_error (&coaching->error);
  for (guint i = 0; i < TANDEM_N_COACHING_CHARTS; i++)
    {
      g_clear_object (&coaching->charts[i]);
      g_clear_error (&coaching->chart_errors[i]);
    }
  g_free (coaching);
}

static gpointer
load_coaching (TandemStore  *store,
               gpointer      input,
               GError      **error)
{
  g_autoptr(GDate) today = tandem_date_new_today ();
  Coaching *coaching = g_new0 (Coaching, 1);

  coaching->pairs = tandem_pair_list_active (store, today, &coaching->error);
  for (guint i = 0; i < TANDEM_N_COACHING_CHARTS; i++)
    coaching->charts[i] = tandem_chart_new_coaching (store, i, today, &coaching->chart_errors[i]);
  return coaching;
}

static void
coaching_loaded (gpointer      owner,
                 gpointer      result,
                 const GError *error)
{
  TandemCoachingPage *self = owner;
  Coaching *coaching = result;
  gint64 shown = self->pair ? tandem_pair_get_id (self->pair) : 0;

  g_clear_object (&self->loading);
  g_clear_object (&self->pairs);
  if (coaching == NULL || coaching->error != NULL)
    {
      tandem_stack_show_failed (self->stack, coaching != NULL ? coaching->error : error);
      return;
    }
  self->pairs = g_steal_pointer (&coaching->pairs);

  gtk_list_box_bind_model (self->list, self->pairs, create_pair_row, NULL, NULL);

  for (guint i = 0; i < TANDEM_N_COACHING_CHARTS; i++)
    {
      if (coaching != NULL && coaching->chart_errors[i] != NULL)
        g_warning ("A coaching chart could not be built: %s", coaching->chart_errors[i]->message);
      tandem_chart_view_show_result (self->chart_views[i], coaching ? coaching->charts[i] : NULL, NULL);
    }

  if (shown != 0)
    tandem_coaching_page_show_pair (self, shown);
  else
    gtk_stack_set_visible_child_name (self->stack,
                                      self->pairs && g_list_model_get_n_items (self->pairs) > 0
                                      ? "list" : "empty");
}

/* Reads pairs, charts and the open pair again, after the data changed: the
 * page keeps what it shows (a spinner the first time) until they come. */
void
tandem_coaching_page_reload (TandemCoachingPage *self)
{
  g_return_if_fail (TANDEM_IS_COACHING_PAGE (self));

  if (self->store == NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
      g_clear_object (&self->pairs);
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (self->pairs == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  for (guint i = 0; i < TANDEM_N_COACHING_CHARTS; i++)
    tandem_chart_view_set_loading (self->chart_views[i], TRUE);
  tandem_load (self, self->store, &self->loading, load_coaching, NULL, NULL,
               (GDestroyNotify)coaching_free, coaching_loaded);
}

/* Opens the detail view of an active pair: its follow-ups and sessions. */
void
tandem_coaching_page_show_pair (TandemCoachingPage *self,
                                gint64              pair_id)
{
  g_return_if_fail (TANDEM_IS_COACHING_PAGE (self));

  g_clear_object (&self->pair);
  for (guint i = 0; self->pairs != NULL && i < g_list_model_get_n_items (self->pairs); i++)
    {
      g_autoptr(TandemPair) pair = g_list_model_get_item (self->pairs, i);

      if (tandem_pair_get_id (pair) == pair_id)
        self->pair = g_steal_pointer (&pair);
    }

  if (self->pair == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack,
                                        self->pairs && g_list_model_get_n_items (self->pairs) > 0
                                        ? "list" : "empty");
      return;
    }

  reload_detail (self);
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

/**
 * tandem_coaching_page_get_detail_title:
 *
 * Returns: (nullable): the pair shown, as its page names it, or %NULL while
 *   the list of pairs is
 */
const char *
tandem_coaching_page_get_detail_title (TandemCoachingPage *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") != 0)
    return NULL;
  return gtk_label_get_text (self->detail_title);
}
