/* tandem-slides.h — the leadership story: charts with one-line takeaways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-chart.h"
#include "tandem-store.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *charts;     /* of TandemChart: one, or panels side by side */
  char      *takeaway;   /* one line, computed from the data */
} TandemSlide;

void       tandem_slide_free           (TandemSlide      *slide);
GPtrArray *tandem_slides_new           (TandemStore      *store,
                                        guint             threshold,
                                        double            target,
                                        double            min_effect,
                                        const GDate      *today,
                                        GError          **error);
void       tandem_slide_render         (TandemSlide      *slide,
                                        cairo_t          *cr,
                                        double            width,
                                        double            height,
                                        const TandemChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSlide, tandem_slide_free)

G_END_DECLS
