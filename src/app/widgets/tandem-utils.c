/* tandem-utils.c — small helpers every page and dialog shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-session.h"
#include "tandem-utils.h"

/**
 * tandem_widget_get_window:
 *
 * Returns: (transfer none) (nullable): the window @widget is in, to be
 *   the parent of a dialog or a file chooser
 */
GtkWindow *
tandem_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A toast that says what was done, with no action. */
void
tandem_show_toast (AdwToastOverlay *overlay,
                   const char      *title)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  adw_toast_overlay_add_toast (overlay, adw_toast_new (title));
}

/**
 * tandem_show_error:
 * @widget: a widget in the window the message concerns
 * @heading: what failed, as a title ("The Pack Could Not Be Exported")
 * @body: what happened and what to do
 *
 * Tells of a failure in a message dialog with one Close button.
 */
void
tandem_show_error (GtkWidget  *widget,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  dialog = adw_message_dialog_new (tandem_widget_get_window (widget), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GWeakRef   object;
  void     (*func) (gpointer object);
} Soon;

static gboolean
soon_cb (gpointer data)
{
  Soon *soon = data;
  g_autoptr(GObject) object = g_weak_ref_get (&soon->object);

  if (object != NULL)
    soon->func (object);
  return G_SOURCE_REMOVE;
}

static void
soon_free (gpointer data)
{
  Soon *soon = data;

  g_weak_ref_clear (&soon->object);
  g_free (soon);
}

/**
 * tandem_run_after_response:
 * @object: the dialog to act on, if it is still there
 * @func: what to do
 *
 * For a message dialog's response: runs @func once the message dialog
 * has closed, since @func may close @object, the message dialog's parent,
 * which must outlive the response.
 */
void
tandem_run_after_response (gpointer   object,
                           void     (*func) (gpointer object))
{
  Soon *soon = g_new0 (Soon, 1);

  g_weak_ref_init (&soon->object, object);
  soon->func = func;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, soon_cb, soon, soon_free);
}

/**
 * tandem_ask_about_change:
 * @parent: the editing dialog
 * @body: whose changes, in a sentence
 * @callback: called with the dialog and "cancel", "reload" or "overwrite"
 *
 * Someone else saved what the user is editing: asks whether to take
 * their version (Reload) or to keep the user's (Overwrite). Nothing was
 * locked while the user typed; nothing is lost until they choose.
 */
void
tandem_ask_about_change (GtkWindow  *parent,
                         const char *body,
                         GCallback   callback,
                         gpointer    user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Changed by Someone Else"), body);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", body,
                                  _("Reload to see their changes (yours here are dropped), or overwrite theirs "
                                    "with yours."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", callback, user_data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Says on @notice that a field stopped at its limit. */
static void
limit_reached (GtkLabel *notice,
               guint     limit)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "This field holds at most %u character; the rest was not added.",
                                          "This field holds at most %u characters; the rest was not added.",
                                          limit),
                             limit);
  gtk_label_set_text (notice, message);
  gtk_widget_set_visible (GTK_WIDGET (notice), TRUE);
  gtk_widget_error_bell (GTK_WIDGET (notice));
}

/* An entry's own max-length cuts the text; this only says so. */
static void
editable_insert_text_cb (GtkEditable *editable,
                         const char  *text,
                         int          length,
                         int         *position,
                         GtkLabel    *notice)
{
  guint limit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "tandem-limit"));
  glong have = g_utf8_strlen (gtk_editable_get_text (editable), -1);
  glong adding = g_utf8_strlen (text, length);

  if (have + adding > (glong)limit)
    limit_reached (notice, limit);
}

/* A text view has no max-length: insert what fits, and say the rest was
 * left out, so a paste of a whole document stops at the limit. */
static void
buffer_insert_text_cb (GtkTextBuffer *buffer,
                       GtkTextIter   *location,
                       const char    *text,
                       int            length,
                       GtkLabel      *notice)
{
  guint limit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "tandem-limit"));
  int have = gtk_text_buffer_get_char_count (buffer);
  glong adding = g_utf8_strlen (text, length);
  glong room;

  if (have + adding <= (glong)limit)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  room = MAX ((glong)limit - have, 0);
  if (room > 0)
    {
      const char *cut = g_utf8_offset_to_pointer (text, room);

      g_signal_handlers_block_by_func (buffer, buffer_insert_text_cb, notice);
      gtk_text_buffer_insert (buffer, location, text, (int)(cut - text));
      g_signal_handlers_unblock_by_func (buffer, buffer_insert_text_cb, notice);
    }
  limit_reached (notice, limit);
}

/**
 * tandem_icon_button_set_label:
 * @button: a button that shows only an icon
 * @label: what it does, e.g. "Edit Program"
 *
 * Names an icon-only button twice: the tooltip for the eye, and the
 * accessible label for a screen reader, which would otherwise hear only
 * "button" (GTK names a button by its child, and an icon has no words).
 */
void
tandem_icon_button_set_label (GtkWidget  *button,
                              const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * tandem_icon_button_new:
 * @icon_name: the symbolic icon
 * @label: what the button does
 *
 * Returns: (transfer floating): an icon-only button with its tooltip and
 *   accessible label
 */
GtkWidget *
tandem_icon_button_new (const char *icon_name,
                        const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  tandem_icon_button_set_label (button, label);
  return button;
}

/**
 * tandem_limit_text:
 * @field: a #GtkEditable (an entry or an #AdwEntryRow) or a #GtkTextView
 * @limit: most characters it takes
 * @notice: the dialog's label for problems
 *
 * Stops @field at @limit characters, the most the record holds, and says
 * why on @notice when typing or pasting reaches it.
 */
void
tandem_limit_text (GtkWidget *field,
                   guint      limit,
                   GtkLabel  *notice)
{
  GObject *target;

  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));
  g_return_if_fail (GTK_IS_LABEL (notice));

  if (GTK_IS_TEXT_VIEW (field))
    {
      target = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)));
      g_signal_connect_object (target, "insert-text", G_CALLBACK (buffer_insert_text_cb), notice, 0);
    }
  else
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field));

      target = G_OBJECT (delegate != NULL ? delegate : GTK_EDITABLE (field));
      if (GTK_IS_TEXT (target))
        gtk_text_set_max_length (GTK_TEXT (target), (int)limit);
      else if (GTK_IS_ENTRY (target))
        gtk_entry_set_max_length (GTK_ENTRY (target), (int)limit);
      g_signal_connect_object (target, "insert-text", G_CALLBACK (editable_insert_text_cb), notice, 0);
    }
  g_object_set_data (target, "tandem-limit", GUINT_TO_POINTER (limit));
}

/* A "loading" page for @stack: a spinner, for a page whose rows are still
 * being read off the main thread. */
void
tandem_stack_add_loading (GtkStack *stack)
{
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_stack_add_named (stack, spinner, "loading");
}

/**
 * tandem_stack_add_failed:
 * @page: what @retry is called on
 * @retry: reads the page again, called with @page
 *
 * Adds to a page's @stack the state it shows when what it shows could not
 * be read (a team server gone away, a file taken): what happened, and Try
 * Again, rather than an empty page that would say there is nothing.
 */
void
tandem_stack_add_failed (GtkStack  *stack,
                         gpointer   page,
                         GCallback  retry)
{
  gtk_stack_add_named (stack, tandem_failed_page_new (page, retry), "failed");
}

/**
 * tandem_failed_page_new:
 * @page: what @retry is called on
 * @retry: reads the page again, called with @page
 *
 * Returns: (transfer floating): the state of a page that could not be
 *   read: a status page whose description tandem_failed_page_show()
 *   sets, with Try Again
 */
GtkWidget *
tandem_failed_page_new (gpointer  page,
                        GCallback retry)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Try Again"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("This Page Could Not Be Read"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", retry, page);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  return status;
}

/* Shows the state tandem_stack_add_failed() added, saying what happened. */
void
tandem_stack_show_failed (GtkStack     *stack,
                          const GError *error)
{
  adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (stack, "failed")),
                                   error != NULL ? error->message : NULL);
  gtk_stack_set_visible_child_name (stack, "failed");
}

/* For a page with a list and a destination ("detail") in its stack: the
 * title the window's header bar shows changes with what the stack shows. */
void
tandem_notify_detail_title (GObject *page)
{
  g_object_notify (page, "detail-title");
}

/**
 * tandem_offer_undo:
 * @undo: called with the toast and @data when Undo is pressed
 * @data_free: frees @data when the toast goes, pressed or not
 *
 * A toast saying what was done, with an Undo button, shown before others.
 *
 * Returns: (transfer none): the toast
 */
AdwToast *
tandem_offer_undo (AdwToastOverlay *overlay,
                   const char      *title,
                   GCallback        undo,
                   gpointer         data,
                   GDestroyNotify   data_free)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", undo, data, (GClosureNotify)(void (*) (void))data_free, 0);
  adw_toast_overlay_add_toast (overlay, toast);
  return toast;
}

typedef struct
{
  TandemStore *store;
  gint64       session_id;
  GCallback    refresh;
  GWeakRef     owner;   /* the toast lives in the owner's window */
} LoggedUndo;

static void
logged_undo_free (LoggedUndo *undo)
{
  g_object_unref (undo->store);
  g_weak_ref_clear (&undo->owner);
  g_free (undo);
}

static void
undo_logged_cb (AdwToast   *toast,
                LoggedUndo *undo)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&undo->owner);
  g_autoptr(GError) error = NULL;

  if (!tandem_session_delete (undo->store, undo->session_id, NULL, &error))
    g_warning ("The logged session could not be taken back: %s", error->message);
  if (owner != NULL)
    ((void (*) (gpointer)) undo->refresh) (owner);
}

/**
 * tandem_offer_undo_logged:
 * @widget: a widget in the window whose toast overlay shows the toast
 * @refresh: called with @owner (a #GObject) once Undo has deleted the session
 *
 * "Session logged", with an Undo that deletes the session again, with its
 * follow-ups: a session logged by mistake is one click from gone.
 */
void
tandem_offer_undo_logged (GtkWidget   *widget,
                          TandemStore *store,
                          gint64       session_id,
                          GCallback    refresh,
                          gpointer     owner)
{
  GtkWidget *overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget
                       : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  LoggedUndo *undo;

  if (overlay == NULL)
    return;
  undo = g_new0 (LoggedUndo, 1);
  undo->store = g_object_ref (store);
  undo->session_id = session_id;
  undo->refresh = refresh;
  g_weak_ref_init (&undo->owner, owner);
  tandem_offer_undo (ADW_TOAST_OVERLAY (overlay), _("Session logged"), G_CALLBACK (undo_logged_cb), undo,
                     (GDestroyNotify)logged_undo_free);
}

/**
 * tandem_row_show_problem:
 * @problem: (nullable): what is wrong with the row's value, or %NULL
 *
 * Marks @row with the "error" style and says beneath its title what is
 * wrong, in place of its subtitle; %NULL puts the subtitle back.
 */
void
tandem_row_show_problem (AdwActionRow *row,
                         const char   *problem)
{
  static const char key[] = "tandem-subtitle";
  const char *subtitle;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  subtitle = g_object_get_data (G_OBJECT (row), key);
  if (problem != NULL)
    {
      if (subtitle == NULL)
        g_object_set_data_full (G_OBJECT (row), key, g_strdup (adw_action_row_get_subtitle (row) ?: ""), g_free);
      adw_action_row_set_subtitle (row, problem);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (row, subtitle);
      g_object_set_data (G_OBJECT (row), key, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
}
