/* tandem-people-page.h — everyone in the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PEOPLE_PAGE (tandem_people_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemPeoplePage, tandem_people_page, TANDEM, PEOPLE_PAGE, GtkWidget)

void tandem_people_page_set_store    (TandemPeoplePage *self,
                                      TandemStore      *store);
void tandem_people_page_reload       (TandemPeoplePage *self);
void tandem_people_page_search      (TandemPeoplePage *self,
                                     const char       *text);
void tandem_people_page_open_person (TandemPeoplePage *self,
                                     gint64            id);
void tandem_people_page_delete_person (TandemPeoplePage *self,
                                       gint64            id);

void tandem_people_page_set_narrow (TandemPeoplePage *self,
                                    gboolean          narrow);

G_END_DECLS
