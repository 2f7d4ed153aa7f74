/* tandem-export-pack.c — the leadership pack: a cover and every chart, one per page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-export-private.h"
#include "tandem-takeaway.h"

typedef struct
{
  TandemStore *store;
  GPtrArray   *slides;
  guint        threshold;
  double       min_effect;
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

/* The cover: what the pack is, the latest gaps with their sample sizes
 * and what may be said of them, the programs and coaching in numbers, the
 * anonymity rule and the rule every takeaway follows. */
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
  g_autofree char *rule = NULL;
  g_autofree char *footer = NULL;
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
      g_autofree char *takeaway = points != NULL ? tandem_gap_takeaway (points, d, job->min_effect) : NULL;

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
  rule = tandem_verdict_rule_text (job->min_effect);
  footer = g_strconcat (anonymity, " ", rule, NULL);
  pack_text (cr, layout, style, footer, 11, FALSE, &style->muted, x, PACK_HEIGHT - 100, width);
}

static cairo_status_t
write_pack (TandemExportSink *sink,
            gpointer          user_data)
{
  PackJob *job = user_data;
  TandemChartStyle style;
  cairo_surface_t *surface = tandem_export_create_surface (TANDEM_EXPORT_PDF, tandem_export_write_to_fd_cb, sink,
                                                           PACK_WIDTH, PACK_HEIGHT);
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
  return tandem_export_finish_drawing (cr, surface, NULL);
}

/**
 * tandem_export_pack:
 * @path: the PDF to write
 * @threshold: the anonymity threshold
 * @target: the gap charts' target line in percent, or NAN
 * @min_effect: the smallest change in a gap, in points, that a takeaway calls one
 *
 * The leadership pack as a multi-page PDF: a cover with the key figures,
 * then one page per slide of tandem_slides_new().
 */
gboolean
tandem_export_pack (TandemStore  *store,
                    const char   *path,
                    guint         threshold,
                    double        target,
                    double        min_effect,
                    GError      **error)
{
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GDate) today = tandem_date_new_today ();
  TandemExportFormat format;
  PackJob job = { store, NULL, threshold, min_effect };

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
  if (!(slides = tandem_slides_new (store, threshold, target, min_effect, today, error)))
    return FALSE;
  job.slides = slides;
  return tandem_export_write_atomically (path, write_pack, &job, error);
}
