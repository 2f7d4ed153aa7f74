/* tandem-csv.h — reading CSV files (RFC 4180) with libcsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TANDEM_CSV_ERROR (tandem_csv_error_quark ())

typedef enum
{
  TANDEM_CSV_ERROR_READ,
  TANDEM_CSV_ERROR_EMPTY,
  TANDEM_CSV_ERROR_MALFORMED,
  TANDEM_CSV_ERROR_ENCODING,
  TANDEM_CSV_ERROR_STOPPED,
} TandemCsvError;

/**
 * TandemCsvRowFunc:
 * @line: the line the record starts on (1 is the header)
 * @fields: (element-type utf8): the record's fields, trimmed, valid UTF-8
 * @user_data: what was given to tandem_csv_parse_*()
 * @error: set it and return %FALSE to stop reading
 */
typedef gboolean (*TandemCsvRowFunc) (guint       line,
                                      GPtrArray  *fields,
                                      gpointer    user_data,
                                      GError    **error);

/* How a file was written: spreadsheets in many locales separate with ;
 * and Excel's "Unicode Text" is UTF-16 with tabs. */
typedef struct
{
  char        delimiter;   /* ',', ';' or '\t', found from the header line */
  const char *encoding;    /* "UTF-8" or "UTF-16", from the byte-order mark */
} TandemCsvDialect;

GQuark   tandem_csv_error_quark  (void);
char    *tandem_csv_dialect_describe (const TandemCsvDialect *dialect);
gboolean tandem_csv_parse_data_full (const char        *data,
                                     gsize              length,
                                     TandemCsvDialect  *out_dialect,
                                     TandemCsvRowFunc   func,
                                     gpointer           user_data,
                                     GCancellable      *cancellable,
                                     GError           **error);
gboolean tandem_csv_parse_file_full (const char        *path,
                                     TandemCsvDialect  *out_dialect,
                                     TandemCsvRowFunc   func,
                                     gpointer           user_data,
                                     GCancellable      *cancellable,
                                     GError           **error);
gboolean tandem_csv_parse_data   (const char        *data,
                                  gsize              length,
                                  TandemCsvRowFunc   func,
                                  gpointer           user_data,
                                  GCancellable      *cancellable,
                                  GError           **error);
gboolean tandem_csv_parse_file   (const char        *path,
                                  TandemCsvRowFunc   func,
                                  gpointer           user_data,
                                  GCancellable      *cancellable,
                                  GError           **error);
char    *tandem_csv_escape_cell  (const char        *value);

/* For tests only: read every line with libcsv, as before the split. */
void     tandem_csv_set_libcsv_only (gboolean          only);
/* For tests only: read texts of @bytes and more on a second thread. */
void     tandem_csv_set_read_ahead_from (gsize         bytes);

G_END_DECLS
