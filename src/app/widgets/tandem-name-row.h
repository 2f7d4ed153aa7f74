/* tandem-name-row.h — a department or role chosen from those that exist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_NAME_ROW (tandem_name_row_get_type ())

G_DECLARE_FINAL_TYPE (TandemNameRow, tandem_name_row, TANDEM, NAME_ROW, AdwActionRow)

void        tandem_name_row_set_names  (TandemNameRow      *self,
                                        const char * const *names,
                                        const char         *new_label);
const char *tandem_name_row_get_name   (TandemNameRow      *self);
void        tandem_name_row_set_name   (TandemNameRow      *self,
                                        const char         *name);
gboolean    tandem_name_row_is_new     (TandemNameRow      *self);
GtkWidget  *tandem_name_row_get_entry  (TandemNameRow      *self);

G_END_DECLS
