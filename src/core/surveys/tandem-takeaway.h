/* tandem-takeaway.h — the sentences Tandem says about the gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-types.h"

G_BEGIN_DECLS

char *tandem_gap_takeaway      (GPtrArray        *points,
                                TandemDimension   dimension,
                                double            min_effect);
char *tandem_snapshot_takeaway (GPtrArray       **series);
char *tandem_verdict_rule_text (double            min_effect);

char *tandem_gap_heatmap_takeaway (GPtrArray  *rows,
                                   const char *wave);

G_END_DECLS
