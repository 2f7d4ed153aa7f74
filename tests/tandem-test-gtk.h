/* tandem-test-gtk.h — what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-window.h"

G_BEGIN_DECLS

typedef gboolean (*TandemWidgetMatch) (GtkWidget *widget, const char *key);

gboolean    tandem_test_wait_for   (gboolean (*condition) (gpointer),
                                    gpointer   data);
GObject    *tandem_test_child      (gpointer           widget,
                                    GType              type,
                                    const char        *name);
GtkWidget  *tandem_test_find       (GtkWidget         *widget,
                                    TandemWidgetMatch  match,
                                    const char        *key);
const char *tandem_test_main_state (TandemWindow      *window);
gboolean    tandem_test_has_action_name (GtkWidget    *widget,
                                         const char   *name);

G_END_DECLS
