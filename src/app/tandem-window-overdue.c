/* tandem-window-overdue.c — the banner, and the notification, of overdue pairs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pair that has missed its cadence shows as a quiet banner over the
 * pages; away from the window, as a desktop notification that logs the
 * session.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-load.h"
#include "tandem-pair.h"
#include "tandem-utils.h"
#include "tandem-window-private.h"

static gboolean
overdue_set_equal (const TandemOverdueSet *a,
                   const TandemOverdueSet *b)
{
  return a->first_pair == b->first_pair && a->n_pairs == b->n_pairs;
}

/* Whether one of the application's windows, dialogs included, has the
 * keyboard: then the user is here, not away. */
static gboolean
app_in_use (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean active = FALSE;

  for (GList *l = toplevels; l != NULL && !active; l = l->next)
    active = gtk_widget_get_mapped (l->data) && gtk_window_is_active (l->data);
  g_list_free (toplevels);
  return active;
}

#define OVERDUE_NOTIFICATION "overdue-coaching"
#define OVERDUE_CHECK_SECONDS (30 * 60)

/* Away from the window the banner goes unseen: a desktop notification says
 * the same, once for each new first overdue pair or count, with a button
 * that logs the session. Back at the window, the banner takes over. */
static void
update_overdue_notification (TandemWindow *self,
                             const char   *text)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  /* Before the window first shows, its banner is about to be seen. */
  gboolean away = self->shown && (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !app_in_use ());

  /* Notifications go through the application's D-Bus connection. */
  if (app == NULL || !g_application_get_is_registered (app) || g_application_get_is_remote (app) ||
      g_application_get_dbus_connection (app) == NULL)
    return;

  if (self->overdue.n_pairs == 0 || !away)
    {
      g_application_withdraw_notification (app, OVERDUE_NOTIFICATION);
      self->seen = self->overdue;
      return;
    }
  if (overdue_set_equal (&self->overdue, &self->seen))
    return;

  notification = g_notification_new (_("Coaching Session Overdue"));
  g_notification_set_body (notification, text);
  g_notification_set_default_action_and_target (notification, "app.log-session", "x", self->overdue.first_pair);
  g_notification_add_button_with_target (notification, _("Log Session"), "app.log-session", "x",
                                         self->overdue.first_pair);
  g_application_send_notification (app, OVERDUE_NOTIFICATION, notification);
  self->seen = self->overdue;
}

static gpointer
load_active_pairs (TandemStore  *store,
                   gpointer      input,
                   GError      **error)
{
  g_autoptr(GDate) today = tandem_date_new_today ();

  return tandem_pair_list_active (store, today, error);
}

/* A quiet banner over the pages when a pair has missed its cadence, unless
 * closed for these very pairs; a notification when the window is away. */

/* The banner says whom it is about in full; in a narrow (folded) window it
 * keeps to one line, the full sentence in its tooltip. */
void
_tandem_window_update_overdue_label (TandemWindow *self)
{
  gboolean narrow = adw_leaflet_get_folded (self->leaflet);

  gtk_label_set_wrap (self->overdue_label, !narrow);
  gtk_label_set_ellipsize (self->overdue_label, narrow ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (narrow)
    {
      g_autofree char *count = tandem_format_count (self->overdue.n_pairs);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pair overdue", "%s pairs overdue",
                                                            self->overdue.n_pairs),
                                               count);

      gtk_label_set_text (self->overdue_label, text);
    }
  else
    gtk_label_set_text (self->overdue_label, gtk_widget_get_tooltip_text (GTK_WIDGET (self->overdue_label)));
}

static void
overdue_pairs_loaded (gpointer      owner,
                      gpointer      result,
                      const GError *error)
{
  TandemWindow *self = owner;
  GListModel *pairs = result;   /* NULL: a database that cannot be read shows no banner */
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  TandemPair *first;

  g_clear_object (&self->overdue_loading);
  for (guint i = 0; pairs != NULL && i < g_list_model_get_n_items (pairs); i++)
    {
      TandemPair *pair = g_list_model_get_item (pairs, i);

      if (tandem_pair_get_status (pair) == TANDEM_PAIR_OVERDUE)
        g_ptr_array_add (overdue, pair);
      else
        g_object_unref (pair);
    }

  self->overdue.n_pairs = overdue->len;
  if (overdue->len == 0)
    {
      self->overdue.first_pair = 0;
      gtk_info_bar_set_revealed (self->overdue_bar, FALSE);
      update_overdue_notification (self, NULL);
      return;
    }

  /* Pairs come most overdue first. */
  first = g_ptr_array_index (overdue, 0);
  self->overdue.first_pair = tandem_pair_get_id (first);
  /* A pair is named as a pair: the executive with their mentor, not two
   * names that read like two people late for something. */
  if (overdue->len == 1)
    /* Translators: an executive, their mentor, and the day the session was due */
    text = g_strdup_printf (_("%s with mentor %s is overdue for a coaching session (due %s)."),
                            tandem_pair_get_executive (first), tandem_pair_get_mentor (first),
                            tandem_pair_get_next_due (first));
  else
    {
      g_autofree char *more = tandem_format_count (overdue->len - 1);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s with mentor %s is overdue for a coaching session, and %s more pair.",
                                           "%s with mentor %s is overdue for a coaching session, and %s more pairs.",
                                           overdue->len - 1),
                              tandem_pair_get_executive (first), tandem_pair_get_mentor (first), more);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_label), text);
  _tandem_window_update_overdue_label (self);
  gtk_info_bar_set_revealed (self->overdue_bar, !overdue_set_equal (&self->overdue, &self->dismissed));
  update_overdue_notification (self, text);
}

/* Reads the active pairs off the main thread, then updates the banner. */
void
_tandem_window_update_overdue_bar (TandemWindow *self)
{
  if (self->store == NULL)
    {
      overdue_pairs_loaded (self, NULL, NULL);
      return;
    }
  tandem_load (self, self->store, &self->overdue_loading, load_active_pairs, NULL, NULL, g_object_unref,
               overdue_pairs_loaded);
}

/* A pair falls overdue as days pass, or when another program changes the
 * database, so the window looks again now and then. */
static gboolean
overdue_check_cb (gpointer user_data)
{
  _tandem_window_update_overdue_bar (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
settled_check_cb (gpointer user_data)
{
  TandemWindow *self = user_data;

  self->settled_check = 0;
  _tandem_window_update_overdue_bar (self);
  return G_SOURCE_REMOVE;
}

/* Back at the window, the banner replaces the notification at once; on
 * leaving it, the window waits for the keyboard to settle, which may be
 * in one of Tandem's own dialogs. */
static void
active_changed_cb (TandemWindow *self,
                   GParamSpec   *pspec,
                   gpointer      user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _tandem_window_update_overdue_bar (self);
  else if (self->settled_check == 0)
    self->settled_check = g_timeout_add_seconds (2, settled_check_cb, self);
}

/* The banner follows the days passing, the user coming back, and what
 * other programs change, as well as the window's own saves. */
void
_tandem_window_watch_overdue (TandemWindow *self)
{
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  self->overdue_check = g_timeout_add_seconds (OVERDUE_CHECK_SECONDS, overdue_check_cb, self);
}
