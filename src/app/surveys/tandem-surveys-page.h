/* tandem-surveys-page.h — pulse-survey waves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SURVEYS_PAGE (tandem_surveys_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemSurveysPage, tandem_surveys_page, TANDEM, SURVEYS_PAGE, GtkWidget)

void tandem_surveys_page_set_store (TandemSurveysPage *self,
                                   TandemStore *store);
void tandem_surveys_page_reload    (TandemSurveysPage *self);

G_END_DECLS
