/* tandem-export-private.h — what the exports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export is written atomically through a TandemExportSink
 * (tandem-export.c); charts (tandem-export.c, with their SVG text from
 * tandem-export-svg.c), the pack, the journal and the tables each have a
 * file of their own.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "tandem-csv.h"
#include "tandem-export.h"
#include "tandem-follow-up.h"
#include "tandem-session.h"
#include "tandem-slides.h"
#include "tandem-stats.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

G_BEGIN_DECLS

typedef struct
{
  int fd;
  int saved_errno;
} TandemExportSink;

typedef cairo_status_t (*TandemExportWriteFunc) (TandemExportSink *sink,
                                                 gpointer          user_data);

/* The SVG text of a chart: its <text> elements, and the style's families
 * for viewers without the font each line was measured in. */
typedef struct
{
  GString    *out;
  const char *families;
} TandemSvgText;

cairo_status_t   tandem_export_write_to_fd_cb      (void                   *closure,
                                                    const unsigned char    *data,
                                                    unsigned int            length);
cairo_status_t   tandem_export_append_to_bytes_cb  (void                   *closure,
                                                    const unsigned char    *data,
                                                    unsigned int            length);
cairo_surface_t *tandem_export_create_surface      (TandemExportFormat      format,
                                                    cairo_write_func_t      write_func,
                                                    gpointer                closure,
                                                    int                     width,
                                                    int                     height);
gboolean         tandem_export_write_atomically    (const char             *path,
                                                    TandemExportWriteFunc   func,
                                                    gpointer                user_data,
                                                    GError                **error);
cairo_status_t   tandem_export_finish_drawing      (cairo_t                *cr,
                                                    cairo_surface_t        *surface,
                                                    TandemExportSink       *png_sink);
cairo_status_t   tandem_export_write_png           (cairo_surface_t        *surface,
                                                    TandemExportSink       *sink);
void             tandem_export_png_set_parts       (guint                   n_parts);
cairo_status_t   tandem_export_write_text          (TandemExportSink       *sink,
                                                    gpointer                user_data);
void             tandem_export_collect_svg_text    (PangoLayout            *layout,
                                                    const cairo_matrix_t   *matrix,
                                                    const TandemColor      *color,
                                                    gpointer                user_data);
cairo_status_t   tandem_export_write_svg_with_text (TandemExportSink       *sink,
                                                    GByteArray             *document,
                                                    GString                *text);

cairo_status_t   tandem_export_markdown_pdf        (TandemExportSink       *sink,
                                                    gpointer                user_data);

G_END_DECLS
