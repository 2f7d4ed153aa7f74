/* tandem-report.h — reports as text for people or CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-store.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_REPORT_TEXT,
  TANDEM_REPORT_CSV,
} TandemReportFormat;

char *tandem_report_pairs (TandemStore         *store,
                           const GDate         *as_of,
                           TandemReportFormat   format,
                           GError             **error);

G_END_DECLS
