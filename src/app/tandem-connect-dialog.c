/* tandem-connect-dialog.c — Connect to a Team Server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's address, then its password when the server asks for one:
 * one small dialog that stays open, saying what went wrong, until the
 * server lets the user in. The password goes to the keyring once it
 * worked; a password written into the address is refused, since the
 * address is kept in the settings.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-connect.h"
#include "tandem-connect-dialog.h"
#include "tandem-server.h"
#include "tandem-store.h"

struct _TandemConnectDialog
{
  AdwWindow      parent_instance;

  GCancellable  *connecting;
  char          *password;        /* given for this attempt, kept once it worked */

  GtkLabel      *error_label;
  AdwEntryRow   *uri_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel      *keyring_label;
  GtkStack      *connect_stack;
  GtkSpinner    *spinner;
};

G_DEFINE_FINAL_TYPE (TandemConnectDialog, tandem_connect_dialog, ADW_TYPE_WINDOW)

enum { CONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (TandemConnectDialog *self,
            const char          *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (TandemConnectDialog *self,
          gboolean             busy)
{
  gtk_stack_set_visible_child_name (self->connect_stack, busy ? "spinner" : "label");
  gtk_spinner_set_spinning (self->spinner, busy);
  /* The rows stay as they are, focus and all: only Connect waits. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect", !busy);
}

/* The server asks for a password (again): the row appears, with the
 * server's reason above. */
static void
ask_password (TandemConnectDialog *self,
              const char          *why)
{
  g_autofree char *tried = tandem_server_dup_password (gtk_editable_get_text (GTK_EDITABLE (self->uri_row)));

  show_error (self, why);
  /* Asked for the first time, it is no error; a password refused is. */
  if (tried != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->keyring_label), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TandemConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_connect_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->connecting);
  set_busy (self, FALSE);
  if (store == NULL)
    {
      if (g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NEEDS_PASSWORD))
        ask_password (self, error->message);
      else
        show_error (self, error->message);
      return;
    }
  if (self->password != NULL)
    tandem_connect_remember (tandem_store_get_path (store), self->password);
  g_signal_emit (self, signals[CONNECTED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TandemConnectDialog *self = TANDEM_CONNECT_DIALOG (widget);
  g_autofree char *uri = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->uri_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (!tandem_server_is_uri (uri))
    {
      show_error (self, _("A team server’s address starts with postgresql://, as in "
                          "postgresql://db.example.org/tandem?user=anna. Ask whoever set the server up for it."));
      gtk_widget_grab_focus (GTK_WIDGET (self->uri_row));
      return;
    }
  if (tandem_server_has_password (uri))
    {
      show_error (self, _("Leave the password out of the address: Tandem asks for it, and keeps it in your keyring "
                          "rather than in its settings."));
      gtk_widget_grab_focus (GTK_WIDGET (self->uri_row));
      return;
    }

  g_clear_pointer (&self->password, g_free);
  if (gtk_widget_get_visible (GTK_WIDGET (self->password_row)) && *password != '\0')
    {
      self->password = g_strdup (password);
      tandem_server_set_password (uri, password);
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  self->connecting = g_cancellable_new ();
  tandem_connect_async (uri, self->connecting, connected_cb, g_object_ref (self));
}

static void
connect_activated_cb (TandemConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static void
tandem_connect_dialog_dispose (GObject *object)
{
  TandemConnectDialog *self = (TandemConnectDialog *)object;

  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (tandem_connect_dialog_parent_class)->dispose (object);
}

static void
tandem_connect_dialog_finalize (GObject *object)
{
  TandemConnectDialog *self = (TandemConnectDialog *)object;

  g_free (self->password);

  G_OBJECT_CLASS (tandem_connect_dialog_parent_class)->finalize (object);
}

static void
tandem_connect_dialog_class_init (TandemConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_connect_dialog_dispose;
  object_class->finalize = tandem_connect_dialog_finalize;

  /**
   * TandemConnectDialog::connected:
   * @store: the server, open
   */
  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, TANDEM_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/tandem-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemConnectDialog, uri_row);
  gtk_widget_class_bind_template_child (widget_class, TandemConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, TandemConnectDialog, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, TandemConnectDialog, connect_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemConnectDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, connect_activated_cb);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_connect_dialog_init (TandemConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_connect_dialog_new:
 * @uri: (nullable): the address to start from
 * @asked: (nullable): why the server wants a password, when it does
 *
 * Returns: (transfer none): the dialog; TandemConnectDialog::connected
 *   gives the open server
 */
GtkWindow *
tandem_connect_dialog_new (GtkWindow    *parent,
                           const char   *uri,
                           const GError *asked)
{
  TandemConnectDialog *self = g_object_new (TANDEM_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);

  if (uri != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->uri_row), uri);
  if (asked != NULL)
    ask_password (self, asked->message);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->uri_row));
  return GTK_WINDOW (self);
}
