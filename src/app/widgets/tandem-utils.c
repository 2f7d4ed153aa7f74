/* tandem-utils.c — small helpers every page and dialog shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

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
