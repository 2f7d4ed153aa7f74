/* tandem-date-row.h — a date, typed or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_DATE_ROW (tandem_date_row_get_type ())

G_DECLARE_FINAL_TYPE (TandemDateRow, tandem_date_row, TANDEM, DATE_ROW, AdwActionRow)

GtkWidget  *tandem_date_row_new          (const char    *title,
                                          gboolean       optional);
const char *tandem_date_row_get_text     (TandemDateRow *self);
void        tandem_date_row_set_text     (TandemDateRow *self,
                                          const char    *text);
gboolean    tandem_date_row_get_valid    (TandemDateRow *self);
void        tandem_date_row_set_any_year (TandemDateRow *self,
                                          gboolean       any_year);
void        tandem_date_row_set_problem  (TandemDateRow *self,
                                          const char    *problem);

G_END_DECLS
