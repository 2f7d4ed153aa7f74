/* tandem-presentation.h — the leadership slides, full screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PRESENTATION (tandem_presentation_get_type ())

G_DECLARE_FINAL_TYPE (TandemPresentation, tandem_presentation, TANDEM, PRESENTATION, GtkWindow)

TandemPresentation *tandem_presentation_new         (GtkWindow           *parent,
                                                     TandemStore         *store,
                                                     guint                threshold,
                                                     double               target,
                                                     double               min_effect,
                                                     GError             **error);
guint               tandem_presentation_get_n_slides (TandemPresentation *self);
guint               tandem_presentation_get_current  (TandemPresentation *self);
void                tandem_presentation_go_to        (TandemPresentation *self,
                                                      guint               slide);

G_END_DECLS
