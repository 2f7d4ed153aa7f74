/* tandem-coaching-page.h — reverse-mentoring pairs, their sessions and cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COACHING_PAGE (tandem_coaching_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, TANDEM, COACHING_PAGE, GtkWidget)

void tandem_coaching_page_set_store (TandemCoachingPage *self,
                                     TandemStore        *store);
void tandem_coaching_page_reload    (TandemCoachingPage *self);
void tandem_coaching_page_show_pair (TandemCoachingPage *self,
                                     gint64              pair_id);

const char *tandem_coaching_page_get_detail_title (TandemCoachingPage *self);

G_END_DECLS
