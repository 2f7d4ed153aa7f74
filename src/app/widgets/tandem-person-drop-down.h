/* tandem-person-drop-down.h — choosing a person from a searchable list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void    tandem_person_drop_down_set_people (GtkDropDown         *drop_down,
                                            GListModel          *people,
                                            GtkCustomFilterFunc  keep,
                                            gpointer             user_data);
gint64  tandem_person_drop_down_get_id     (GtkDropDown         *drop_down);
void    tandem_person_drop_down_select_id  (GtkDropDown         *drop_down,
                                            gint64               person_id);

G_END_DECLS
