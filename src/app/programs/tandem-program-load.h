/* tandem-program-load.h — a program's page, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-chart.h"
#include "tandem-program.h"
#include "tandem-types.h"

G_BEGIN_DECLS

/* Everything the program's page shows. */
typedef struct
{
  TandemProgram *program;        /* NULL: the program is gone */
  guint          counts[TANDEM_N_ENROLLMENT_STATUSES];
  TandemChart   *by_role;
  GListModel    *enrollments;
  GStrv          roles;          /* every role, for the invitation filters */
  GStrv          departments;
} TandemProgramShown;

/* Which program, and the anonymity threshold its chart keeps. */
typedef struct
{
  gint64 program_id;
  guint  threshold;
} TandemProgramAsked;

void     tandem_program_shown_free (TandemProgramShown  *shown);
gpointer tandem_program_load       (TandemStore         *store,
                                    gpointer             asked,
                                    GError             **error);

G_END_DECLS
