/* tandem-report.h — reports as text for people or CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_REPORT_TEXT,
  TANDEM_REPORT_CSV,
} TandemReportFormat;

typedef enum
{
  TANDEM_GROUP_BY_ROLE,
  TANDEM_GROUP_BY_DEPARTMENT,
  TANDEM_GROUP_BY_LEVEL,
  TANDEM_N_GROUP_BY
} TandemGroupBy;

/* Active people of one role, department or level. */
typedef struct
{
  char  *group;
  guint  people;
  guint  enrolled;      /* with an enrollment that is not dropped */
  guint  completed;     /* with at least one completed program */
  guint  tool_access;
  guint  champions;
} TandemGroupRow;

void       tandem_group_row_free       (TandemGroupRow *row);
gboolean   tandem_group_by_from_string (const char     *text,
                                        TandemGroupBy  *out_by);
GPtrArray *tandem_report_group_rows    (TandemStore    *store,
                                        TandemGroupBy   by,
                                        GError        **error);
guint      tandem_champion_target      (guint           people);
guint      tandem_report_departments_short (TandemStore *store,
                                            GError     **error);

char *tandem_report_completion (TandemStore         *store,
                                TandemGroupBy        by,
                                TandemReportFormat   format,
                                GError             **error);
char *tandem_report_gaps       (TandemStore         *store,
                                TandemDimension      dimension,
                                guint                threshold,
                                TandemReportFormat   format,
                                GError             **error);
char *tandem_report_changes    (TandemStore         *store,
                                TandemDimension      dimension,
                                const char          *from_wave,
                                const char          *to_wave,
                                double               min_effect,
                                guint                threshold,
                                TandemReportFormat   format,
                                GError             **error);
char *tandem_report_impact     (TandemStore         *store,
                                const char          *grouping,
                                const char          *from_wave,
                                const char          *to_wave,
                                guint                threshold,
                                TandemReportFormat   format,
                                GError             **error);
char *tandem_report_champions  (TandemStore         *store,
                                TandemReportFormat   format,
                                GError             **error);
char *tandem_report_competencies (TandemStore         *store,
                                  TandemGroupBy        by,
                                  guint                threshold,
                                  TandemReportFormat   format,
                                  GError             **error);
char *tandem_report_pairs (TandemStore         *store,
                           const GDate         *as_of,
                           TandemReportFormat   format,
                           GError             **error);

G_END_DECLS
