/* tandem-export.c — charts written to PNG, SVG and PDF, and the safe writing every export shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <pango/pangocairo.h>

#include "tandem-export-private.h"
#include "tandem-output.h"

G_DEFINE_QUARK (tandem-export-error-quark, tandem_export_error)

cairo_status_t
tandem_export_write_to_fd_cb (void                *closure,
                              const unsigned char *data,
                              unsigned int         length)
{
  TandemExportSink *sink = closure;

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

/* A surface of @format that writes through @write_func; PNG is written
 * after drawing, by tandem_export_finish_drawing(). */
cairo_surface_t *
tandem_export_create_surface (TandemExportFormat format,
                              cairo_write_func_t write_func,
                              gpointer           closure,
                              int                width,
                              int                height)
{
  switch (format)
    {
    case TANDEM_EXPORT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    case TANDEM_EXPORT_SVG:
      return cairo_svg_surface_create_for_stream (write_func, closure, width, height);
    case TANDEM_EXPORT_PDF:
      {
        cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_func, closure, width, height);

        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
        return surface;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Writes @path through @func into a temporary file beside it, flushed to
 * disk and renamed into place only when complete: a full disk or a crash
 * never leaves half a file where a good one was. */
gboolean
tandem_export_write_atomically (const char             *path,
                                TandemExportWriteFunc   func,
                                gpointer                user_data,
                                GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  cairo_status_t status;
  TandemExportSink sink = { -1, 0 };
  mode_t mode;

  /* Through a link to its file; never over a pipe or a device; keeping the
   * replaced file's mode, else readable by its owner alone. */
  if (!tandem_output_resolve (path, &target, &mode, &local_error))
    {
      g_set_error_literal (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (sink.fd >= 0 && fchmod (sink.fd, mode) != 0)
    {
      close (sink.fd);
      g_unlink (tmp);
      sink.fd = -1;
    }
  if (sink.fd < 0)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                   _("Tandem cannot write in the folder “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }

  status = func (&sink, user_data);

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
  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp, target) != 0)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                   _("“%s” could not be saved: %s. Nothing was written."),
                   path,
                   sink.saved_errno != 0 ? g_strerror (sink.saved_errno)
                                         : cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Ends drawing on @surface, writes it as PNG to @png_sink when given, and
 * returns the first error cairo met along the way. Takes both references. */
cairo_status_t
tandem_export_finish_drawing (cairo_t          *cr,
                              cairo_surface_t  *surface,
                              TandemExportSink *png_sink)
{
  cairo_status_t status;

  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && png_sink != NULL)
    status = tandem_export_write_png (surface, png_sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

cairo_status_t
tandem_export_write_text (TandemExportSink *sink,
                          gpointer          user_data)
{
  const char *text = user_data;

  return tandem_export_write_to_fd_cb (sink, (const unsigned char *)text, (unsigned int)strlen (text));
}

/**
 * tandem_export_init_fontconfig:
 *
 * Loads fontconfig's configuration and font list for a program that has
 * drawn no text yet, as FcInit() would, less one step: FcInit() also reads
 * every file in fontconfig's conf.avail folder, enabled or not, for the
 * descriptions fc-conflist shows, which is a third of its time and of no
 * use to an export. When the configuration cannot be read this way, or
 * FC_DEBUG asks for fontconfig's own diagnostics, nothing is changed and
 * fontconfig starts as usual, with its fallbacks and warnings, when text is
 * first drawn.
 *
 * Call it before anything in the process uses fonts.
 */
void
tandem_export_init_fontconfig (void)
{
  FcConfig *config;
  FcStrList *cache_dirs;
  gboolean usable;

  if (g_getenv ("FC_DEBUG") != NULL || (config = FcConfigCreate ()) == NULL)
    return;

  usable = FcConfigParseAndLoad (config, NULL, FcTrue);
  /* Without a cache folder fontconfig would scan every font file. */
  if (usable && (cache_dirs = FcConfigGetCacheDirs (config)) != NULL)
    {
      usable = FcStrListNext (cache_dirs) != NULL;
      FcStrListDone (cache_dirs);
    }
  if (usable && FcConfigBuildFonts (config))
    FcConfigSetCurrent (config);
  FcConfigDestroy (config);
}

/**
 * tandem_export_load_fonts:
 * @format: the format the next export will write
 *
 * Loads, in the calling thread, the fonts a chart export in @format uses:
 * the slow first steps of any text (fontconfig, font files, shaping). The
 * export itself does this when needed; a program that reads the figures in
 * another thread meanwhile, as tandem-cli does, hides the time it takes.
 */
void
tandem_export_load_fonts (TandemExportFormat format)
{
  cairo_surface_t *surface = tandem_export_create_surface (format, NULL, NULL, 16, 16);
  cairo_t *cr = cairo_create (surface);

  tandem_chart_load_fonts (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct
{
  TandemChart       **charts;
  guint               n_charts;
  TandemExportFormat  format;
  int                 width;
  int                 height;
  double              scale;    /* PNG pixels per unit: 2 for high-density screens */
} ChartJob;

static cairo_status_t
write_chart (TandemExportSink *sink,
             gpointer          user_data)
{
  ChartJob *job = user_data;
  g_autoptr(GByteArray) svg = NULL;
  g_autoptr(GString) svg_text = NULL;
  TandemSvgText text;
  TandemChartStyle style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  tandem_chart_style_init_light (&style);
  if (job->format == TANDEM_EXPORT_PNG)
    surface = tandem_export_create_surface (job->format, NULL, NULL, (int)(job->width * job->scale),
                                            (int)(job->height * job->scale));
  else if (job->format == TANDEM_EXPORT_SVG)
    {
      /* Kept in memory until the text is added at the end. */
      svg = g_byte_array_new ();
      svg_text = g_string_new (NULL);
      surface = tandem_export_create_surface (job->format, tandem_export_append_to_bytes_cb, svg, job->width,
                                              job->height);
    }
  else
    surface = tandem_export_create_surface (job->format, tandem_export_write_to_fd_cb, sink, job->width, job->height);
  cr = cairo_create (surface);
  if (job->format == TANDEM_EXPORT_PNG)
    cairo_scale (cr, job->scale, job->scale);
  if (svg_text != NULL)
    {
      text.out = svg_text;
      text.families = style.font_family;
      tandem_chart_set_text_func (cr, tandem_export_collect_svg_text, &text);
    }
  tandem_chart_render_panels (job->charts, job->n_charts, cr, job->width, job->height, &style);
  status = tandem_export_finish_drawing (cr, surface, job->format == TANDEM_EXPORT_PNG ? sink : NULL);
  if (status == CAIRO_STATUS_SUCCESS && svg != NULL)
    status = tandem_export_write_svg_with_text (sink, svg, svg_text);
  return status;
}

/**
 * tandem_export_charts:
 * @charts: (array length=n_charts): charts to put on one page, in reading order
 * @path: the file to write; its extension chooses PNG, SVG or PDF
 * @width: pixels for PNG, points for SVG and PDF
 * @height: likewise
 *
 * Renders the charts with the fixed light palette into @path, atomically:
 * one chart fills the page, several share it as panels.
 */
gboolean
tandem_export_charts (TandemChart **charts,
                      guint         n_charts,
                      const char   *path,
                      int           width,
                      int           height,
                      GError      **error)
{
  return tandem_export_charts_scaled (charts, n_charts, path, width, height, 1.0, error);
}

/**
 * tandem_export_charts_scaled:
 * @scale: PNG pixels per unit of @width and @height (1 or 2); SVG and PDF
 *   are vectors and ignore it
 *
 * As tandem_export_charts(), for high-density screens: a 2× PNG has the
 * same layout as the 1× one with twice the pixels each way.
 */
gboolean
tandem_export_charts_scaled (TandemChart **charts,
                             guint         n_charts,
                             const char   *path,
                             int           width,
                             int           height,
                             double        scale,
                             GError      **error)
{
  ChartJob job = { charts, n_charts, TANDEM_EXPORT_PNG, width, height, scale };

  g_return_val_if_fail (charts != NULL && n_charts > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tandem_export_format_for_path (path, &job.format, error))
    return FALSE;

  if (width < TANDEM_EXPORT_MIN_SIZE || width * scale > TANDEM_EXPORT_MAX_SIZE ||
      height < TANDEM_EXPORT_MIN_SIZE || height * scale > TANDEM_EXPORT_MAX_SIZE || scale < 1 || scale > 4)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID_SIZE,
                   _("A chart must be between %d and %d pixels wide and high; %d × %d was asked for."),
                   TANDEM_EXPORT_MIN_SIZE, TANDEM_EXPORT_MAX_SIZE, width, height);
      return FALSE;
    }

  return tandem_export_write_atomically (path, write_chart, &job, error);
}

gboolean
tandem_export_chart (TandemChart  *chart,
                     const char   *path,
                     int           width,
                     int           height,
                     GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_CHART (chart), FALSE);

  return tandem_export_charts (&chart, 1, path, width, height, error);
}

