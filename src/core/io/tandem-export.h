/* tandem-export.h — charts written to PNG, SVG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-chart.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_EXPORT_ERROR (tandem_export_error_quark ())

typedef enum
{
  TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT,
  TANDEM_EXPORT_ERROR_INVALID_SIZE,
  TANDEM_EXPORT_ERROR_WRITE,
  TANDEM_EXPORT_ERROR_NOT_FOUND,
} TandemExportError;

typedef enum
{
  TANDEM_EXPORT_PNG,
  TANDEM_EXPORT_SVG,
  TANDEM_EXPORT_PDF,
} TandemExportFormat;

#define TANDEM_EXPORT_DEFAULT_WIDTH  1920
#define TANDEM_EXPORT_DEFAULT_HEIGHT 1080
#define TANDEM_EXPORT_MIN_SIZE       64
#define TANDEM_EXPORT_MAX_SIZE       16384

GQuark    tandem_export_error_quark      (void);
gboolean  tandem_export_format_for_path  (const char          *path,
                                          TandemExportFormat  *out_format,
                                          GError             **error);
void      tandem_export_init_fontconfig  (void);
void      tandem_export_load_fonts       (TandemExportFormat   format);
gboolean  tandem_export_charts           (TandemChart        **charts,
                                          guint                n_charts,
                                          const char          *path,
                                          int                  width,
                                          int                  height,
                                          GError             **error);
gboolean  tandem_export_charts_scaled    (TandemChart        **charts,
                                          guint                n_charts,
                                          const char          *path,
                                          int                  width,
                                          int                  height,
                                          double               scale,
                                          GError             **error);
gboolean  tandem_export_pack             (TandemStore         *store,
                                          const char          *path,
                                          guint                threshold,
                                          double               target,
                                          double               min_effect,
                                          GError             **error);
gboolean  tandem_export_chart            (TandemChart         *chart,
                                          const char          *path,
                                          int                  width,
                                          int                  height,
                                          GError             **error);

char       *tandem_export_literacy_record_csv (TandemStore  *store,
                                               const char   *department,
                                               GError      **error);
gboolean    tandem_export_literacy_record     (TandemStore  *store,
                                               const char   *department,
                                               const char   *path,
                                               GError      **error);

G_END_DECLS

G_BEGIN_DECLS

gboolean  tandem_export_journal          (TandemStore         *store,
                                          const char          *executive_external_id,
                                          const char          *path,
                                          gboolean             include_private_notes,
                                          GError             **error);
typedef enum
{
  TANDEM_EXPORT_TABLE_PEOPLE,
  TANDEM_EXPORT_TABLE_ENROLLMENTS,
  TANDEM_N_EXPORT_TABLES
} TandemExportTable;

char     *tandem_export_table_csv        (TandemStore         *store,
                                          TandemExportTable    table,
                                          char                 delimiter,
                                          GError             **error);
gboolean  tandem_export_table            (TandemStore         *store,
                                          TandemExportTable    table,
                                          char                 delimiter,
                                          const char          *path,
                                          GError             **error);
char     *tandem_export_journal_markdown (TandemStore         *store,
                                          const char          *executive_external_id,
                                          gboolean             include_private_notes,
                                          GError             **error);

G_END_DECLS
