/* tandem-person-search.h — find one person by name, email or ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PERSON_SEARCH (tandem_person_search_get_type ())

G_DECLARE_FINAL_TYPE (TandemPersonSearch, tandem_person_search, TANDEM, PERSON_SEARCH, GtkWidget)

GtkWidget *tandem_person_search_new       (TandemStore        *store,
                                           const char         *placeholder);
void       tandem_person_search_set_text  (TandemPersonSearch *self,
                                           const char         *text);
guint      tandem_person_search_get_n_matches (TandemPersonSearch *self);

G_END_DECLS
