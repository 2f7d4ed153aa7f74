/* tandem-report-private.h — what the report files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-report.h"

G_BEGIN_DECLS

char *tandem_report_format_table (GPtrArray          *rows,
                                  TandemReportFormat  format);
char *tandem_report_format_ratio (double              numerator,
                                  double              denominator,
                                  double              scale);

G_END_DECLS
