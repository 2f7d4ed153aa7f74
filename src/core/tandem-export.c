/* tandem-export.c — charts written to PNG, SVG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tandem-export.h"

G_DEFINE_QUARK (tandem-export-error-quark, tandem_export_error)

typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_to_fd_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int)n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/**
 * tandem_export_format_for_path:
 *
 * Picks the format by the file's extension (.png, .svg or .pdf, any case).
 */
gboolean
tandem_export_format_for_path (const char          *path,
                               TandemExportFormat  *out_format,
                               GError             **error)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *out_format = TANDEM_EXPORT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *out_format = TANDEM_EXPORT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *out_format = TANDEM_EXPORT_PDF;
  else
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Tandem cannot tell which format to write “%s” in. "
                     "End the file name with .png, .svg or .pdf."),
                   path);
      return FALSE;
    }
  return TRUE;
}

static cairo_surface_t *
create_surface (TandemExportFormat  format,
                Sink               *sink,
                int                 width,
                int                 height)
{
  switch (format)
    {
    case TANDEM_EXPORT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    case TANDEM_EXPORT_SVG:
      return cairo_svg_surface_create_for_stream (write_to_fd_cb, sink, width, height);
    case TANDEM_EXPORT_PDF:
      {
        cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_fd_cb, sink,
                                                                        width, height);

        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
        return surface;
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * tandem_export_chart:
 * @path: the file to write; its extension chooses PNG, SVG or PDF
 * @width: pixels for PNG, points for SVG and PDF
 * @height: likewise
 *
 * Renders @chart with the fixed light palette. The file is written beside
 * @path under a temporary name and renamed into place only when complete, so
 * a full disk or a crash never leaves half a file where a good one was.
 */
gboolean
tandem_export_chart (TandemChart  *chart,
                     const char   *path,
                     int           width,
                     int           height,
                     GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  TandemExportFormat format;
  TandemChartStyle style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (TANDEM_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tandem_export_format_for_path (path, &format, error))
    return FALSE;

  if (width < TANDEM_EXPORT_MIN_SIZE || width > TANDEM_EXPORT_MAX_SIZE ||
      height < TANDEM_EXPORT_MIN_SIZE || height > TANDEM_EXPORT_MAX_SIZE)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID_SIZE,
                   _("A chart must be between %d and %d pixels wide and high; %d × %d was asked for."),
                   TANDEM_EXPORT_MIN_SIZE, TANDEM_EXPORT_MAX_SIZE, width, height);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (sink.fd < 0)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                   _("Tandem cannot write in the folder “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }

  tandem_chart_style_init_light (&style);
  surface = create_surface (format, &sink, width, height);
  cr = cairo_create (surface);
  tandem_chart_render (chart, cr, width, height, &style);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == TANDEM_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_fd_cb, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (close (sink.fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp, path) != 0)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                   _("The chart could not be saved as “%s”: %s. Nothing was written."),
                   path,
                   sink.saved_errno != 0 ? g_strerror (sink.saved_errno)
                                         : cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
