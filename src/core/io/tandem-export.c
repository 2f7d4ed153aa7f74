/* tandem-export.c — charts written to PNG, SVG and PDF files
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

#include "tandem-csv.h"
#include "tandem-export.h"
#include "tandem-follow-up.h"
#include "tandem-session.h"
#include "tandem-slides.h"
#include "tandem-stats.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

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

/* A surface of @format that writes through @write_func; PNG is written
 * after drawing, by finish_drawing(). */
static cairo_surface_t *
create_surface (TandemExportFormat  format,
                cairo_write_func_t  write_func,
                gpointer            closure,
                int                 width,
                int                 height)
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

typedef cairo_status_t (*WriteFunc) (Sink     *sink,
                                     gpointer  user_data);

/* Writes @path through @func into a temporary file beside it, flushed to
 * disk and renamed into place only when complete: a full disk or a crash
 * never leaves half a file where a good one was. */
static gboolean
write_atomically (const char  *path,
                  WriteFunc    func,
                  gpointer     user_data,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  cairo_status_t status;
  Sink sink = { -1, 0 };

  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
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
  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp, path) != 0)
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
static cairo_status_t
finish_drawing (cairo_t         *cr,
                cairo_surface_t *surface,
                Sink            *png_sink)
{
  cairo_status_t status;

  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && png_sink != NULL)
    status = cairo_surface_write_to_png_stream (surface, write_to_fd_cb, png_sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* ----- SVG with its text as text ----- */

static cairo_status_t
append_to_bytes_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @value in the C locale, without trailing zeros: "12.5", not "12,500". */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", fabs (value) < 0.0005 ? 0.0 : value);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (out, buffer);
}

/* The families a line's runs were shaped in, then the style's, as a CSS
 * font-family list: a viewer without the first has the next. */
static char *
line_font_families (PangoLayoutLine *line,
                    const char      *style_families)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) style_names = g_strsplit (style_families != NULL ? style_families : "", ",", -1);
  GString *list = g_string_new (NULL);

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      g_autoptr(PangoFontDescription) font = pango_font_describe (run->item->analysis.font);
      const char *family = pango_font_description_get_family (font);

      if (family != NULL)
        g_ptr_array_add (names, g_strdup (family));
    }
  for (guint i = 0; style_names[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (g_strstrip (style_names[i])));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean seen = FALSE;

      if (*name == '\0' || g_ascii_strcasecmp (name, "Sans") == 0 || g_ascii_strcasecmp (name, "sans-serif") == 0)
        continue;
      for (guint j = 0; j < i && !seen; j++)
        seen = g_ascii_strcasecmp (name, g_ptr_array_index (names, j)) == 0;
      if (!seen)
        g_string_append_printf (list, "'%s', ", name);
    }
  g_string_append (list, "sans-serif");
  return g_string_free (list, FALSE);
}

/* The SVG text of a chart: its <text> elements, and the style's families
 * for viewers without the font each line was measured in. */
typedef struct
{
  GString    *out;
  const char *families;
} SvgText;

/* One <text> element for @line, its start at @x on the baseline @baseline
 * (in @layout's units, placed by @matrix); the line's measured width is its
 * textLength, so a viewer with another font keeps the chart's layout. */
static void
append_svg_line (SvgText              *svg,
                 PangoLayout          *layout,
                 PangoLayoutLine      *line,
                 const PangoRectangle *logical,
                 int                   baseline,
                 const cairo_matrix_t *matrix,
                 const TandemColor    *color)
{
  GString *out = svg->out;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *families = NULL;
  g_autofree char *escaped = NULL;
  gboolean rtl = line->resolved_dir == PANGO_DIRECTION_RTL;
  const double terms[] = { matrix->xx, matrix->yx, matrix->xy, matrix->yy, matrix->x0, matrix->y0 };

  if (line->length == 0 || line->runs == NULL)
    return;

  font = pango_font_describe_with_absolute_size (((PangoGlyphItem *)line->runs->data)->item->analysis.font);
  families = line_font_families (line, svg->families);
  escaped = g_markup_escape_text (pango_layout_get_text (layout) + line->start_index, line->length);

  g_string_append (out, "<text transform=\"matrix(");
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, terms[i]);
    }
  g_string_append (out, ")\" x=\"");
  append_number (out, (double)(rtl ? logical->x + logical->width : logical->x) / PANGO_SCALE);
  g_string_append (out, "\" y=\"");
  append_number (out, (double)baseline / PANGO_SCALE);
  g_string_append (out, "\" textLength=\"");
  append_number (out, (double)logical->width / PANGO_SCALE);
  g_string_append_printf (out, "\" lengthAdjust=\"spacingAndGlyphs\" font-family=\"%s\" font-size=\"", families);
  append_number (out, (double)pango_font_description_get_size (font) / PANGO_SCALE);
  g_string_append_printf (out, "\" font-weight=\"%d\"%s fill=\"#%02x%02x%02x\"",
                          (int)pango_font_description_get_weight (font),
                          rtl ? " direction=\"rtl\"" : "",
                          (guint)round (CLAMP (color->red, 0, 1) * 255),
                          (guint)round (CLAMP (color->green, 0, 1) * 255),
                          (guint)round (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, CLAMP (color->alpha, 0, 1));
      g_string_append_c (out, '"');
    }
  g_string_append_printf (out, ">%s</text>\n", escaped);
}

/* @layout as SVG text: a <text> element per line. */
static void
collect_svg_text (PangoLayout          *layout,
                  const cairo_matrix_t *matrix,
                  const TandemColor    *color,
                  gpointer              user_data)
{
  SvgText *svg = user_data;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      append_svg_line (svg, layout, pango_layout_iter_get_line_readonly (iter), &logical,
                       pango_layout_iter_get_baseline (iter), matrix, color);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Writes the SVG document cairo made, with @text just before its end, so
 * the text is above every shape as it was when drawn. */
static cairo_status_t
write_svg_with_text (Sink       *sink,
                     GByteArray *document,
                     GString    *text)
{
  static const char end_tag[] = "</svg>";
  gsize split = document->len;
  cairo_status_t status;

  for (gsize i = document->len >= sizeof end_tag - 1 ? document->len - (sizeof end_tag - 1) + 1 : 0; i-- > 0;)
    if (memcmp (document->data + i, end_tag, sizeof end_tag - 1) == 0)
      {
        split = i;
        break;
      }
  if (split == document->len)
    return CAIRO_STATUS_WRITE_ERROR;

  status = write_to_fd_cb (sink, document->data, (unsigned int)split);
  if (status == CAIRO_STATUS_SUCCESS && text->len > 0)
    {
      static const char open_group[] = "<g xml:space=\"preserve\">\n";
      static const char close_group[] = "</g>\n";

      status = write_to_fd_cb (sink, (const unsigned char *)open_group, sizeof open_group - 1);
      if (status == CAIRO_STATUS_SUCCESS)
        status = write_to_fd_cb (sink, (const unsigned char *)text->str, (unsigned int)text->len);
      if (status == CAIRO_STATUS_SUCCESS)
        status = write_to_fd_cb (sink, (const unsigned char *)close_group, sizeof close_group - 1);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = write_to_fd_cb (sink, document->data + split, (unsigned int)(document->len - split));
  return status;
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
  cairo_surface_t *surface = create_surface (format, NULL, NULL, 16, 16);
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
write_chart (Sink     *sink,
             gpointer  user_data)
{
  ChartJob *job = user_data;
  g_autoptr(GByteArray) svg = NULL;
  g_autoptr(GString) svg_text = NULL;
  SvgText text;
  TandemChartStyle style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  tandem_chart_style_init_light (&style);
  if (job->format == TANDEM_EXPORT_PNG)
    surface = create_surface (job->format, NULL, NULL, (int)(job->width * job->scale),
                              (int)(job->height * job->scale));
  else if (job->format == TANDEM_EXPORT_SVG)
    {
      /* Kept in memory until the text is added at the end. */
      svg = g_byte_array_new ();
      svg_text = g_string_new (NULL);
      surface = create_surface (job->format, append_to_bytes_cb, svg, job->width, job->height);
    }
  else
    surface = create_surface (job->format, write_to_fd_cb, sink, job->width, job->height);
  cr = cairo_create (surface);
  if (job->format == TANDEM_EXPORT_PNG)
    cairo_scale (cr, job->scale, job->scale);
  if (svg_text != NULL)
    {
      text.out = svg_text;
      text.families = style.font_family;
      tandem_chart_set_text_func (cr, collect_svg_text, &text);
    }
  tandem_chart_render_panels (job->charts, job->n_charts, cr, job->width, job->height, &style);
  status = finish_drawing (cr, surface, job->format == TANDEM_EXPORT_PNG ? sink : NULL);
  if (status == CAIRO_STATUS_SUCCESS && svg != NULL)
    status = write_svg_with_text (sink, svg, svg_text);
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

  return write_atomically (path, write_chart, &job, error);
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

/* ----- the leadership pack ----- */

typedef struct
{
  TandemStore *store;
  GPtrArray   *slides;
  guint        threshold;
} PackJob;

#define PACK_WIDTH  960.0   /* points: a 16:9 slide, 13.3 × 7.5 inches */
#define PACK_HEIGHT 540.0

static double
pack_text (cairo_t                *cr,
           PangoLayout            *layout,
           const TandemChartStyle *style,
           const char             *text,
           double                  size,
           gboolean                bold,
           const TandemColor      *color,
           double                  x,
           double                  y,
           double                  width)
{
  g_autoptr(PangoFontDescription) font = tandem_chart_style_new_font (style, size, bold);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return logical.height;
}

/* The cover: what the pack is, the latest gaps with their sample sizes,
 * the programs and coaching in numbers, and the anonymity rule. */
static void
draw_cover (PackJob                *job,
            cairo_t                *cr,
            const TandemChartStyle *style)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *subtitle = NULL;
  g_autofree char *anonymity = NULL;
  TandemCounts counts = { 0, };
  double x = 48, y = 48, width = PACK_WIDTH - 96;

  tandem_stats_get_counts (job->store, &counts, NULL);

  y += pack_text (cr, layout, style, _("AI adoption: the leadership pack"), 30, TRUE, &style->foreground,
                  x, y, width) + 6;
  /* Translators: under the pack's title; %s is a date */
  subtitle = g_strdup_printf (_("Executives and individual contributors, side by side · %s"), date);
  y += pack_text (cr, layout, style, subtitle, 14, FALSE, &style->muted, x, y, width) + 28;

  for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      g_autoptr(GPtrArray) points = tandem_stats_gap_series (job->store, d, job->threshold, NULL);
      TandemGapPoint *p = points != NULL && points->len > 0 ? g_ptr_array_index (points, points->len - 1) : NULL;
      g_autofree char *figure = NULL;
      g_autofree char *takeaway = points != NULL ? tandem_gap_takeaway (points, d) : NULL;

      if (p == NULL)
        continue;
      if (isfinite (p->gap_pts))
        /* Translators: a key figure: dimension, executives' share (n), ICs' share (n), gap */
        figure = g_strdup_printf (_("%s: executives %.0f%% (n %u), individual contributors %.0f%% (n %u), "
                                    "gap %.0f points"),
                                  tandem_dimension_get_label (d), p->leaders.pct, p->leaders.n, p->ics.pct,
                                  p->ics.n, p->gap_pts);
      else
        figure = g_strdup_printf (_("%s: too few answers to show (n %u / %u)"), tandem_dimension_get_label (d),
                                  p->leaders.n, p->ics.n);
      y += pack_text (cr, layout, style, figure, 16, TRUE, &style->foreground, x, y, width) + 2;
      y += pack_text (cr, layout, style, takeaway, 13, FALSE, &style->muted, x, y, width) + 14;
    }

  if (counts.active_people > 0)
    {
      g_autofree char *people = g_strdup_printf (_("%u active people · %u of %u enrollments completed · "
                                                   "%u AI champions · %u mentoring pairs, %u sessions"),
                                                 counts.active_people, counts.completions, counts.enrollments,
                                                 counts.champions, counts.pairs, counts.sessions);

      y += 10;
      y += pack_text (cr, layout, style, people, 14, FALSE, &style->foreground, x, y, width) + 14;
    }

  anonymity = g_strdup_printf (_("Favourable means 4 or 5 on a 5-point scale; every figure carries its sample "
                                 "size (n) and a 95%% confidence interval. To keep answers anonymous, no group "
                                 "of fewer than %u people is shown, nor any figure that would let one be worked "
                                 "out from the others."),
                               job->threshold);
  pack_text (cr, layout, style, anonymity, 11, FALSE, &style->muted, x, PACK_HEIGHT - 80, width);
}

static cairo_status_t
write_pack (Sink     *sink,
            gpointer  user_data)
{
  PackJob *job = user_data;
  TandemChartStyle style;
  cairo_surface_t *surface = create_surface (TANDEM_EXPORT_PDF, write_to_fd_cb, sink, PACK_WIDTH, PACK_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  tandem_chart_style_init_light (&style);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("AI adoption: the leadership pack"));

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_cover (job, cr, &style);
  for (guint i = 0; i < job->slides->len; i++)
    {
      cairo_show_page (cr);
      tandem_slide_render (g_ptr_array_index (job->slides, i), cr, PACK_WIDTH, PACK_HEIGHT, &style);
    }
  return finish_drawing (cr, surface, NULL);
}

/**
 * tandem_export_pack:
 * @path: the PDF to write
 * @threshold: the anonymity threshold
 * @target: the gap charts' target line in percent, or NAN
 *
 * The leadership pack as a multi-page PDF: a cover with the key figures,
 * then one page per slide of tandem_slides_new().
 */
gboolean
tandem_export_pack (TandemStore  *store,
                    const char   *path,
                    guint         threshold,
                    double        target,
                    GError      **error)
{
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GDate) today = tandem_date_new_today ();
  TandemExportFormat format;
  PackJob job = { store, NULL, threshold };

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tandem_export_format_for_path (path, &format, error))
    return FALSE;
  if (format != TANDEM_EXPORT_PDF)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("The leadership pack is a PDF: give a file name ending in .pdf, not “%s”."), path);
      return FALSE;
    }
  if (!(slides = tandem_slides_new (store, threshold, target, today, error)))
    return FALSE;
  job.slides = slides;
  return write_atomically (path, write_pack, &job, error);
}

/* ----- the coaching journal ----- */

static void
append_field (GString    *md,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (md, "- **%s** %s\n", label, value);
}

/**
 * tandem_export_journal_markdown:
 * @executive_external_id: whose journal
 * @include_private_notes: private notes are left out unless this is %TRUE
 *
 * An executive's coaching journal: each pair, each session with what was
 * tried, on which data, what was learned and what comes next, and the
 * follow-ups still open.
 *
 * Returns: (transfer full): Markdown text, or %NULL with @error set
 */
char *
tandem_export_journal_markdown (TandemStore  *store,
                                const char   *executive_external_id,
                                gboolean      include_private_notes,
                                GError      **error)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autoptr(TandemStmt) who = NULL;
  g_autoptr(TandemStmt) pairs = NULL;
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autofree char *today_text = tandem_date_to_iso (today);
  gint64 executive;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (executive_external_id != NULL, NULL);

  who = tandem_store_prepare (store, "SELECT id, name FROM person WHERE external_id = $1", error);
  if (who == NULL)
    return NULL;
  tandem_stmt_bind_text (who, 1, executive_external_id);
  if (tandem_stmt_step (who, NULL) != TANDEM_STEP_ROW)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_NOT_FOUND,
                   _("No person has the external id “%s”."), executive_external_id);
      return NULL;
    }
  executive = tandem_stmt_get_int64 (who, 0);

  /* Translators: the title of an executive's coaching journal */
  g_string_append_printf (md, _("# Coaching journal: %s\n\n"), tandem_stmt_get_text (who, 1));
  g_string_append_printf (md, _("Exported from Tandem on %s.%s\n"), today_text,
                          include_private_notes ? _(" Includes private notes.") : "");

  pairs = tandem_store_prepare (store,
                                "SELECT mp.id, m.name, mp.started_on, mp.cadence_days, mp.goals, mp.active"
                                "  FROM mentoring_pair mp JOIN person m ON m.id = mp.mentor_id"
                                " WHERE mp.executive_id = $1 ORDER BY mp.started_on, mp.id",
                                error);
  if (pairs == NULL)
    return NULL;
  tandem_stmt_bind_int64 (pairs, 1, executive);

  while ((step = tandem_stmt_step (pairs, error)) == TANDEM_STEP_ROW)
    {
      gint64 pair_id = tandem_stmt_get_int64 (pairs, 0);
      g_autoptr(GListModel) sessions = tandem_session_list_for_pair (store, pair_id, error);
      g_autoptr(GListModel) open = sessions ? tandem_follow_up_list_open (store, pair_id, error) : NULL;

      if (open == NULL)
        return NULL;

      g_string_append_printf (md, _("\n## With %s\n\n"), tandem_stmt_get_text (pairs, 1));
      g_string_append_printf (md, _("Since %s, every %d days%s.\n"), tandem_stmt_get_text (pairs, 2),
                              tandem_stmt_get_int (pairs, 3),
                              tandem_stmt_get_int (pairs, 5) ? "" : _(" (ended)"));
      if (*tandem_stmt_get_text (pairs, 4) != '\0')
        g_string_append_printf (md, _("Goals: %s\n"), tandem_stmt_get_text (pairs, 4));

      for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
        {
          g_autoptr(TandemSession) s = g_list_model_get_item (sessions, i);

          g_string_append_printf (md, "\n### %s", tandem_session_get_held_on (s));
          if (tandem_session_get_minutes (s) >= 0)
            g_string_append_printf (md, _(" · %d minutes"), tandem_session_get_minutes (s));
          if (tandem_session_get_confidence_before (s) > 0 && tandem_session_get_confidence_after (s) > 0)
            g_string_append_printf (md, _(" · confidence %d → %d"),
                                    tandem_session_get_confidence_before (s),
                                    tandem_session_get_confidence_after (s));
          g_string_append (md, "\n\n");
          append_field (md, _("Tried:"), tandem_session_get_tools (s));
          append_field (md, _("On:"), tandem_session_get_data_used (s));
          append_field (md, _("Learned:"), tandem_session_get_insight (s));
          append_field (md, _("Next:"), tandem_session_get_follow_ups (s));
          if (include_private_notes)
            append_field (md, _("Private notes:"), tandem_session_get_private_notes (s));
        }

      if (g_list_model_get_n_items (open) > 0)
        {
          g_string_append (md, _("\n### Open follow-ups\n\n"));
          for (guint i = 0; i < g_list_model_get_n_items (open); i++)
            {
              g_autoptr(TandemFollowUp) f = g_list_model_get_item (open, i);

              g_string_append_printf (md, "- [ ] %s (%s)\n", tandem_follow_up_get_text (f),
                                      tandem_follow_up_get_raised_on (f));
            }
        }
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;

  return g_string_free (g_steal_pointer (&md), FALSE);
}

static cairo_status_t
write_text (Sink     *sink,
            gpointer  user_data)
{
  const char *text = user_data;

  return write_to_fd_cb (sink, (const unsigned char *)text, (unsigned int)strlen (text));
}

/* Markdown to Pango markup, for the few forms the journal uses. */
static char *
journal_line_markup (const char *line,
                     double     *out_scale,
                     gboolean   *out_bold)
{
  g_autofree char *escaped = NULL;
  GString *markup;
  const char *p;

  *out_scale = 1.0;
  *out_bold = FALSE;
  for (guint level = 3; level >= 1; level--)
    {
      static const double scales[] = { 1.0, 1.8, 1.4, 1.15 };
      g_autofree char *prefix = g_strnfill (level, '#');

      if (g_str_has_prefix (line, prefix) && line[level] == ' ')
        {
          *out_scale = scales[level];
          *out_bold = TRUE;
          line += level + 1;
          break;
        }
    }

  escaped = g_markup_escape_text (line, -1);
  markup = g_string_new (NULL);
  /* **bold** spans */
  for (p = escaped; *p; p++)
    {
      if (p[0] == '*' && p[1] == '*')
        {
          const char *close = strstr (p + 2, "**");

          if (close != NULL)
            {
              g_string_append (markup, "<b>");
              g_string_append_len (markup, p + 2, close - (p + 2));
              g_string_append (markup, "</b>");
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (markup, *p);
    }
  return g_string_free (markup, FALSE);
}

static cairo_status_t
write_journal_pdf (Sink     *sink,
                   gpointer  user_data)
{
  const double page_width = 595, page_height = 842, margin = 56;   /* A4 in points */
  g_auto(GStrv) lines = g_strsplit (user_data, "\n", -1);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, Noto Sans, DejaVu Sans, Sans 10.5");
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_fd_cb, sink, page_width, page_height);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  double y = margin;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  pango_layout_set_width (layout, (int)((page_width - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *markup = NULL;
      g_autoptr(PangoFontDescription) line_font = pango_font_description_copy (font);
      PangoRectangle extents;
      double scale;
      gboolean bold;

      markup = journal_line_markup (lines[i], &scale, &bold);
      pango_font_description_set_size (line_font, (int)(pango_font_description_get_size (font) * scale));
      pango_font_description_set_weight (line_font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, line_font);
      pango_layout_set_markup (layout, *markup ? markup : " ", -1);
      pango_layout_get_pixel_extents (layout, NULL, &extents);

      if (y + extents.height > page_height - margin)
        {
          cairo_show_page (cr);
          y = margin;
        }
      cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += extents.height * (*markup ? 1.15 : 0.5);
    }

  g_clear_object (&layout);
  return finish_drawing (cr, surface, NULL);
}

/**
 * tandem_export_journal:
 * @path: a .md (Markdown) or .pdf file
 *
 * Writes an executive's coaching journal, to share with their mentor.
 * Private notes are in it only when @include_private_notes is %TRUE.
 */
gboolean
tandem_export_journal (TandemStore  *store,
                       const char   *executive_external_id,
                       const char   *path,
                       gboolean      include_private_notes,
                       GError      **error)
{
  g_autofree char *markdown = NULL;
  const char *dot;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || (g_ascii_strcasecmp (dot, ".md") != 0 && g_ascii_strcasecmp (dot, ".pdf") != 0))
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("A journal is written as Markdown or PDF: end “%s” with .md or .pdf."), path);
      return FALSE;
    }

  markdown = tandem_export_journal_markdown (store, executive_external_id, include_private_notes, error);
  if (markdown == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (dot, ".md") == 0)
    return write_atomically (path, write_text, markdown, error);
  return write_atomically (path, write_journal_pdf, markdown, error);
}

/* ----- tables as CSV ----- */

static const char * const table_sql[TANDEM_N_EXPORT_TABLES] = {
  [TANDEM_EXPORT_TABLE_PEOPLE] =
    "SELECT coalesce (p.external_id, ''), p.name, p.email, coalesce (d.name, ''), coalesce (r.name, ''),"
    "       coalesce (r.level, ''), CASE p.is_champion WHEN 1 THEN 'yes' ELSE 'no' END,"
    "       CASE p.has_tool_access WHEN 1 THEN 'yes' ELSE 'no' END,"
    "       CASE p.active WHEN 1 THEN 'yes' ELSE 'no' END"
    "  FROM person p"
    "  LEFT JOIN department d ON d.id = p.department_id"
    "  LEFT JOIN role r ON r.id = p.role_id"
    " ORDER BY p.name COLLATE NOCASE, p.id",
  [TANDEM_EXPORT_TABLE_ENROLLMENTS] =
    "SELECT coalesce (p.external_id, ''), p.name, g.title, e.status, coalesce (e.invited_on, ''),"
    "       coalesce (e.enrolled_on, ''), coalesce (e.completed_on, '')"
    "  FROM enrollment e"
    "  JOIN person p ON p.id = e.person_id"
    "  JOIN program g ON g.id = e.program_id"
    " ORDER BY g.title COLLATE NOCASE, p.name COLLATE NOCASE, e.id",
};

/* The same names the importers read, so an export imports back unchanged. */
static const char * const table_header[TANDEM_N_EXPORT_TABLES] = {
  [TANDEM_EXPORT_TABLE_PEOPLE] = "external_id,name,email,department,role,level,champion,tool_access,active",
  [TANDEM_EXPORT_TABLE_ENROLLMENTS] = "external_id,name,program,status,invited_on,enrolled_on,completed_on",
};

/**
 * tandem_export_table_csv:
 *
 * The table as CSV text. Every cell a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) gets a leading single
 * quote.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
tandem_export_table_csv (TandemStore         *store,
                         TandemExportTable    table,
                         GError             **error)
{
  g_autoptr(TandemStmt) stmt = NULL;
  g_autoptr(GString) csv = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (table < TANDEM_N_EXPORT_TABLES, NULL);

  stmt = tandem_store_prepare (store, table_sql[table], error);
  if (stmt == NULL)
    return NULL;

  csv = g_string_new (table_header[table]);
  g_string_append (csv, "\r\n");
  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      int n = tandem_stmt_get_n_columns (stmt);

      for (int c = 0; c < n; c++)
        {
          g_autofree char *cell = tandem_csv_escape_cell (tandem_stmt_get_text (stmt, c));

          if (c > 0)
            g_string_append_c (csv, ',');
          g_string_append (csv, cell);
        }
      g_string_append (csv, "\r\n");
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/* Writes the table to @path as CSV, replacing it only when complete. */
gboolean
tandem_export_table (TandemStore         *store,
                     TandemExportTable    table,
                     const char          *path,
                     GError             **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  csv = tandem_export_table_csv (store, table, error);
  if (csv == NULL)
    return FALSE;
  return write_atomically (path, write_text, csv, error);
}
