/* tandem-programs-page.h — AI-literacy programs by role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRAMS_PAGE (tandem_programs_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgramsPage, tandem_programs_page, TANDEM, PROGRAMS_PAGE, GtkWidget)

void tandem_programs_page_set_store (TandemProgramsPage *self,
                                    TandemStore *store);
void tandem_programs_page_reload    (TandemProgramsPage *self);
void tandem_programs_page_show_program (TandemProgramsPage *self,
                                        gint64              id);
const char *tandem_programs_page_get_detail_title (TandemProgramsPage *self);

G_END_DECLS
