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

typedef enum
{
  TANDEM_IMPORT_PEOPLE,
  TANDEM_IMPORT_ENROLLMENTS,
  TANDEM_IMPORT_SESSIONS,
  TANDEM_IMPORT_RESPONSES,
  TANDEM_IMPORT_PROGRAMS,
  TANDEM_IMPORT_TARGETS,
  TANDEM_N_IMPORT_KINDS
} TandemImportKind;

const char * const *tandem_import_kind_get_columns (TandemImportKind     kind,
                                                    guint               *out_n_columns);
gboolean            tandem_import_kind_is_optional (TandemImportKind     kind,
                                                    guint                column);
const char         *tandem_import_column_label     (const char          *column);
gboolean            tandem_import_kind_from_string (const char          *text,
                                                    TandemImportKind    *out_kind);
gboolean            tandem_import_run            (TandemStore         *store,
                                                  TandemImportKind     kind,
                                                  const char          *path,
                                                  const int           *mapping,
                                                  TandemImportReport  *report,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
GPtrArray          *tandem_import_preview        (const char          *path,
                                                  guint                max_rows,
                                                  char               **out_dialect,
                                                  GError             **error);
gboolean            tandem_import_guess_mapping  (TandemImportKind     kind,
                                                  const char * const  *header,
                                                  int                 *mapping);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemImportReport, tandem_import_report_free)

G_END_DECLS
