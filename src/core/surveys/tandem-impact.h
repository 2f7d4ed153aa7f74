/* tandem-impact.h — did the programs work? Completion against the change in ICs' answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-stats.h"
#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

/* One department or role between two waves. */
typedef struct
{
  char        *group;
  guint        people;                          /* active people in the group */
  gboolean     suppressed;                      /* fewer people than the threshold */
  double       completed_pct;                   /* completed a program by the later wave; NAN when suppressed */
  double       tool_access_pct;                 /* can use approved AI tools; NAN when suppressed */
  TandemShare  from[TANDEM_N_DIMENSIONS];       /* ICs' favourable share at the earlier wave */
  TandemShare  to[TANDEM_N_DIMENSIONS];         /* and at the later one */
  double       change[TANDEM_N_DIMENSIONS];     /* to − from, points; NAN when either is hidden */
  double       ci_low[TANDEM_N_DIMENSIONS];     /* its 95% interval (Newcombe) */
  double       ci_high[TANDEM_N_DIMENSIONS];
} TandemImpactRow;

void       tandem_impact_row_free (TandemImpactRow  *row);
GPtrArray *tandem_stats_impact    (TandemStore      *store,
                                   const char       *grouping,
                                   const char       *from_wave,
                                   const char       *to_wave,
                                   guint             threshold,
                                   char            **out_from,
                                   char            **out_to,
                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemImpactRow, tandem_impact_row_free)

G_END_DECLS
