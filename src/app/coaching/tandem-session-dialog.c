/* tandem-session-dialog.c — log a coaching session in seconds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The executive's main flow: the last pair and today's date are filled in,
 * every field is reachable with Tab, and Ctrl+Enter saves from anywhere in
 * the dialog. A bad entry is said above the form and nothing is lost.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date-row.h"
#include "tandem-pair.h"
#include "tandem-session-dialog.h"
#include "tandem-session.h"
#include "tandem-types.h"
#include "tandem-utils.h"

struct _TandemSessionDialog
{
  AdwWindow      parent_instance;

  TandemStore   *store;
  GSettings     *settings;
  GArray        *pair_ids;
  gint64         session_id;    /* the session being corrected, or 0 for a new one */

  GtkLabel      *error_label;
  AdwComboRow   *pair_row;
  TandemDateRow *date_row;
  GtkSpinButton *minutes_spin;
  AdwEntryRow   *tools_row;
  AdwEntryRow   *data_row;
  GtkTextView   *insight_view;
  GtkTextView   *follow_ups_view;
  GtkDropDown   *before_drop;   /* "Not rated" (0), then 1 to 5 */
  GtkDropDown   *after_drop;
  GtkTextView   *notes_view;
};

G_DEFINE_FINAL_TYPE (TandemSessionDialog, tandem_session_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (TandemSessionDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Save stays insensitive until the form can be saved: a pair chosen and a
 * real date; the date row itself says what is wrong with one. */
static void
update_save (TandemSessionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->pair_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save",
                                 tandem_date_row_get_valid (self->date_row) && self->pair_ids != NULL &&
                                 selected != GTK_INVALID_LIST_POSITION && selected < self->pair_ids->len);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemSessionDialog *self = TANDEM_SESSION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *insight = text_of (self->insight_view);
  g_autofree char *follow_ups = text_of (self->follow_ups_view);
  g_autofree char *notes = text_of (self->notes_view);
  guint selected = adw_combo_row_get_selected (self->pair_row);
  TandemSessionDraft draft = { 0, };
  gint64 id;

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->pair_ids->len)
    {
      show_error (self, _("Choose the mentoring pair this session belongs to."));
      return;
    }

  draft.pair_id = g_array_index (self->pair_ids, gint64, selected);
  draft.held_on = tandem_date_row_get_text (self->date_row);
  draft.minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  draft.tools = gtk_editable_get_text (GTK_EDITABLE (self->tools_row));
  draft.data_used = gtk_editable_get_text (GTK_EDITABLE (self->data_row));
  draft.insight = insight;
  draft.follow_ups = follow_ups;
  /* Unrated until chosen: a default would be saved as a rating. */
  draft.confidence_before = (int)gtk_drop_down_get_selected (self->before_drop);
  draft.confidence_after = (int)gtk_drop_down_get_selected (self->after_drop);
  draft.private_notes = notes;

  if (self->session_id != 0)
    id = tandem_session_update (self->store, self->session_id, &draft, &error) ? self->session_id : 0;
  else
    id = tandem_session_add (self->store, &draft, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_settings_set_int64 (self->settings, "last-pair", draft.pair_id);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load_pairs (TandemSessionDialog *self,
            gint64               preselect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autoptr(GListModel) pairs = tandem_pair_list_active (self->store, today, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint select = 0;

  if (pairs == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(TandemPair) pair = g_list_model_get_item (pairs, i);
      g_autofree char *label = NULL;
      gint64 id = tandem_pair_get_id (pair);

      /* Translators: an executive and their junior mentor */
      label = g_strdup_printf (_("%s, coached by %s"), tandem_pair_get_executive (pair),
                               tandem_pair_get_mentor (pair));
      gtk_string_list_append (labels, label);
      g_array_append_val (self->pair_ids, id);
      if (id == preselect)
        select = i;
    }

  adw_combo_row_set_model (self->pair_row, G_LIST_MODEL (labels));
  if (self->pair_ids->len > 0)
    adw_combo_row_set_selected (self->pair_row, select);
  else
    show_error (self, _("There is no active mentoring pair yet. Create one on the Coaching page first."));
  update_save (self);
}

static void
tandem_session_dialog_dispose (GObject *object)
{
  TandemSessionDialog *self = (TandemSessionDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SESSION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pair_ids, g_array_unref);

  G_OBJECT_CLASS (tandem_session_dialog_parent_class)->dispose (object);
}

static void
tandem_session_dialog_class_init (TandemSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_session_dialog_dispose;

  /**
   * TandemSessionDialog::saved:
   * @session_id: the session just logged
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, pair_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, tools_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, data_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, insight_view);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, follow_ups_view);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, before_drop);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, after_drop);
  gtk_widget_class_bind_template_child (widget_class, TandemSessionDialog, notes_view);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_session_dialog_init (TandemSessionDialog *self)
{
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autofree char *today_text = tandem_date_to_iso (today);
  GtkEventController *shortcuts;
  static const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_widget_init_template (GTK_WIDGET (self));

  tandem_limit_text (GTK_WIDGET (self->tools_row), TANDEM_LIMIT_LONG, self->error_label);
  tandem_limit_text (GTK_WIDGET (self->data_row), TANDEM_LIMIT_LONG, self->error_label);
  tandem_limit_text (GTK_WIDGET (self->insight_view), TANDEM_LIMIT_LONG, self->error_label);
  tandem_limit_text (GTK_WIDGET (self->follow_ups_view), TANDEM_LIMIT_LONG, self->error_label);
  tandem_limit_text (GTK_WIDGET (self->notes_view), TANDEM_LIMIT_LONG, self->error_label);

  self->settings = g_settings_new (APPLICATION_ID);
  self->pair_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  tandem_date_row_set_text (self->date_row, today_text);
  g_signal_connect_swapped (self->date_row, "notify::valid", G_CALLBACK (update_save), self);
  g_signal_connect_swapped (self->pair_row, "notify::selected", G_CALLBACK (update_save), self);

  /* Ctrl+Enter saves even from inside a text view, which would otherwise
   * take the key for a new line: catch it before the focused widget. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("session.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * tandem_session_dialog_new:
 * @pair_id: the pair to preselect, or 0 for the one logged last
 */
GtkWindow *
tandem_session_dialog_new (GtkWindow   *parent,
                           TandemStore *store,
                           gint64       pair_id)
{
  TandemSessionDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_SESSION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_pairs (self, pair_id != 0 ? pair_id : g_settings_get_int64 (self->settings, "last-pair"));

  /* Straight to the first thing to type. */
  gtk_widget_grab_focus (GTK_WIDGET (self->tools_row));
  return GTK_WINDOW (self);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/**
 * tandem_session_dialog_new_for_session:
 * @session: the session to correct
 *
 * The same dialog, filled in with @session, that saves the corrections.
 */
GtkWindow *
tandem_session_dialog_new_for_session (GtkWindow     *parent,
                                       TandemStore   *store,
                                       TandemSession *session)
{
  TandemSessionDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (TANDEM_IS_SESSION (session), NULL);

  self = TANDEM_SESSION_DIALOG (tandem_session_dialog_new (parent, store, tandem_session_get_pair_id (session)));
  self->session_id = tandem_session_get_id (session);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Coaching Session"));
  {
    guint i;

    /* Only active pairs are offered: a session of an ended pair would move
     * to another pair on saving, so it is shown but cannot be saved. */
    for (i = 0; i < self->pair_ids->len; i++)
      if (g_array_index (self->pair_ids, gint64, i) == tandem_session_get_pair_id (session))
        break;
    if (i == self->pair_ids->len)
      {
        show_error (self, _("This session's pair has ended; its sessions can no longer be edited."));
        gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", FALSE);
      }
  }
  tandem_date_row_set_text (self->date_row, tandem_session_get_held_on (session));
  if (tandem_session_get_minutes (session) >= 0)
    gtk_spin_button_set_value (self->minutes_spin, tandem_session_get_minutes (session));
  gtk_editable_set_text (GTK_EDITABLE (self->tools_row), tandem_session_get_tools (session));
  gtk_editable_set_text (GTK_EDITABLE (self->data_row), tandem_session_get_data_used (session));
  set_text (self->insight_view, tandem_session_get_insight (session));
  set_text (self->follow_ups_view, tandem_session_get_follow_ups (session));
  set_text (self->notes_view, tandem_session_get_private_notes (session));
  gtk_drop_down_set_selected (self->before_drop, (guint)MAX (tandem_session_get_confidence_before (session), 0));
  gtk_drop_down_set_selected (self->after_drop, (guint)MAX (tandem_session_get_confidence_after (session), 0));
  return GTK_WINDOW (self);
}
