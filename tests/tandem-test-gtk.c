/* tandem-test-gtk.c — what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tandem-load.h"
#include "tandem-test-gtk.h"

/**
 * tandem_test_wait_for:
 *
 * Waits up to ten seconds for @condition and for the pages' figures,
 * running the main loop meanwhile.
 *
 * Returns: whether @condition holds
 */
gboolean
tandem_test_wait_for (gboolean (*condition) (gpointer),
                      gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!condition (data) || tandem_load_get_n_pending () > 0) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return condition (data);
}

/* Returns: (transfer none): @widget's template child @name, which must exist */
GObject *
tandem_test_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* Returns: (nullable): the first widget under @widget, itself included, that
 *   @match accepts */
GtkWidget *
tandem_test_find (GtkWidget         *widget,
                  TandemWidgetMatch  match,
                  const char        *key)
{
  if (match (widget, key))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = tandem_test_find (c, match, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Returns: what the window shows: welcome, main, error, connecting or unreachable */
const char *
tandem_test_main_state (TandemWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (tandem_test_child (window, TANDEM_TYPE_WINDOW, "main_stack")));
}

/* A TandemWidgetMatch: whether @widget is actionable with action @name. */
gboolean
tandem_test_has_action_name (GtkWidget  *widget,
                             const char *name)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}
