/* tandem-import.h — all-or-nothing imports of the CSV files people already have
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  line;      /* 0: the file as a whole */
  char  *column;    /* nullable */
  char  *reason;
} TandemImportProblem;

typedef struct
{
  guint      rows;        /* data rows read */
  guint      created;
  guint      updated;
  guint      unchanged;
  guint      n_problems;  /* may exceed problems->len, which keeps the first ones */
  GPtrArray *problems;    /* of TandemImportProblem */
  GPtrArray *notes;       /* of char*: what else the import did, e.g. pairs created */
} TandemImportReport;

#define TANDEM_IMPORT_MAX_PROBLEMS 1000

TandemImportReport *tandem_import_report_new     (void);
void                tandem_import_report_free    (TandemImportReport *report);
char               *tandem_import_problem_format (const TandemImportProblem *problem);

gboolean            tandem_import_sessions       (TandemStore         *store,
                                                  const char          *path,
                                                  TandemImportReport  *report,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemImportReport, tandem_import_report_free)

G_END_DECLS
