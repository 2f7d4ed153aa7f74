/* tandem-chart-render.c — the frame every chart shares: title, legend, axes, note, text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

void
_tandem_chart_set_source (cairo_t           *cr,
                          const TandemColor *color,
                          double             alpha_scale)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha_scale);
}

typedef struct
{
  TandemChartTextFunc func;
  gpointer            user_data;
} TextSink;

static const cairo_user_data_key_t text_sink_key;

/**
 * tandem_chart_set_text_func:
 * @cr: the context charts will be rendered on
 * @func: (nullable): takes each piece of text; %NULL draws glyphs again
 *
 * Text that fits is handed to @func instead of being drawn; text cut short
 * with an ellipsis is still drawn, as what shows is then not the text.
 */
void
tandem_chart_set_text_func (cairo_t             *cr,
                            TandemChartTextFunc  func,
                            gpointer             user_data)
{
  TextSink *sink = NULL;

  g_return_if_fail (cr != NULL);

  if (func != NULL)
    {
      sink = g_new (TextSink, 1);
      sink->func = func;
      sink->user_data = user_data;
    }
  cairo_set_user_data (cr, &text_sink_key, sink, g_free);
}

/* Draws @text with its anchor (0 = left/top, 0.5 = centre, 1 = right/bottom)
 * at (x, y), ellipsized to @max_width when that is above 0.
 * Returns the width the text took. */
double
_tandem_chart_draw_text (cairo_t                *cr,
                         PangoLayout            *layout,
                         const TandemChartStyle *style,
                         const char             *text,
                         double                  size,
                         gboolean                bold,
                         const TandemColor      *color,
                         double                  x,
                         double                  y,
                         double                  anchor_x,
                         double                  anchor_y,
                         double                  max_width)
{
  return _tandem_chart_draw_lines (cr, layout, style, text, size, bold, color, x, y, anchor_x, anchor_y, max_width, 1);
}

/* The same, wrapped at @max_width into at most @lines lines. */
double
_tandem_chart_draw_lines (cairo_t                *cr,
                          PangoLayout            *layout,
                          const TandemChartStyle *style,
                          const char             *text,
                          double                  size,
                          gboolean                bold,
                          const TandemColor      *color,
                          double                  x,
                          double                  y,
                          double                  anchor_x,
                          double                  anchor_y,
                          double                  max_width,
                          int                     lines)
{
  g_autoptr(PangoFontDescription) font = tandem_chart_style_new_font (style, TEXT_BASE_SIZE, bold);
  double scale = size / TEXT_BASE_SIZE;
  PangoRectangle logical;
  double width, height;
  TextSink *sink;

  /* Every size is the one base size, scaled: fontconfig then sorts fonts
   * for two descriptions (regular, bold), not for each size on the chart,
   * which was most of what an export cost. */
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, max_width > 0 ? (int)(max_width / scale * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (layout, -MAX (lines, 1));
  /* Wrapped lines line up the way the text is anchored. */
  pango_layout_set_alignment (layout, anchor_x == 0.5 ? PANGO_ALIGN_CENTER
                                      : anchor_x == 1.0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  width = scale * logical.width / PANGO_SCALE;
  height = scale * logical.height / PANGO_SCALE;

  cairo_save (cr);
  _tandem_chart_set_source (cr, color, 1.0);
  cairo_translate (cr, x - anchor_x * width - scale * logical.x / PANGO_SCALE, y - anchor_y * height);
  cairo_scale (cr, scale, scale);
  sink = cairo_get_user_data (cr, &text_sink_key);
  if (sink != NULL && !pango_layout_is_ellipsized (layout))
    {
      cairo_matrix_t matrix;

      cairo_get_matrix (cr, &matrix);
      sink->func (layout, &matrix, color, sink->user_data);
    }
  else
    {
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);

  return width;
}

/* How wide @text is at @size, on one line. */
double
_tandem_chart_text_width_at (PangoLayout            *layout,
                             const TandemChartStyle *style,
                             const char             *text,
                             double                  size)
{
  g_autoptr(PangoFontDescription) font = tandem_chart_style_new_font (style, TEXT_BASE_SIZE, FALSE);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return size / TEXT_BASE_SIZE * logical.width / PANGO_SCALE;
}

void
_tandem_chart_draw_axes (TandemChart            *self,
                         cairo_t                *cr,
                         PangoLayout            *layout,
                         const Layout           *l,
                         const TandemChartStyle *style)
{
  double spacing, label_step;
  guint step;

  cairo_set_line_width (cr, 1.0);
  _tandem_chart_set_source (cr, &style->grid, 1.0);
  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      double y = round (_tandem_chart_y_for_value (l, tick)) + 0.5;

      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
    }
  cairo_stroke (cr);

  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      g_autofree char *label = _tandem_chart_format_value (self, tick);

      _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type (l, TYPE_LABEL), FALSE, &style->muted,
                               l->plot.x - 0.5 * l->em,
                               _tandem_chart_y_for_value (l, tick), 1.0, 0.5, 0);
    }

  /* Label every category when they fit, else every second, third… */
  if (self->kind == TANDEM_CHART_BARS)
    spacing = l->plot.width / MAX (self->categories->len, 1);
  else
    spacing = self->categories->len > 1
              ? (l->plot.width - 2.0 * l->inset) / (self->categories->len - 1)
              : l->plot.width;
  label_step = ceil (5.5 * l->em / MAX (1.0, spacing));
  step = (guint)MAX (1.0, label_step);

  for (guint c = 0; c < self->categories->len; c += step)
    {
      g_autoptr(GString) counts = g_string_new (NULL);
      double x = _tandem_chart_x_for_category (self, l, c);
      double y = l->plot.y + l->plot.height + 0.5 * l->em;

      _tandem_chart_draw_text (cr, layout, style, g_ptr_array_index (self->categories, c),
                               _tandem_chart_type (l, TYPE_BODY), FALSE,
                               &style->foreground, x, y, 0.5, 0.0, step * spacing - 0.3 * l->em);

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          g_autofree char *count = tandem_format_count (g_array_index (series->values, Value, c).n);

          if (counts->len > 0)
            g_string_append (counts, " / ");
          g_string_append (counts, count);
        }
      if (counts->len > 0)
        {
          /* Translators: the sample sizes under a chart column, e.g. "n 19 / 301" */
          g_autofree char *label = g_strdup_printf (_("n %s"), counts->str);

          _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type (l, TYPE_LABEL), FALSE, &style->muted,
                                   x, y + 1.25 * l->em, 0.5, 0.0, step * spacing - 0.3 * l->em);
        }
    }
}

void
_tandem_chart_draw_legend (TandemChart            *self,
                           cairo_t                *cr,
                           PangoLayout            *layout,
                           const Layout           *l,
                           const TandemChartStyle *style,
                           double                  width)
{
  double x = l->plot.x;
  double y = l->legend_y + 0.6 * l->em;
  double right = width - l->pad;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (x > right - 4 * l->em)
        break;
      cairo_set_line_width (cr, MAX (1.5, 0.22 * l->em));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      _tandem_chart_set_source (cr, &style->series[s], 1.0);
      if (self->kind == TANDEM_CHART_BARS || self->kind == TANDEM_CHART_HBARS)
        cairo_rectangle (cr, x + 0.3 * l->em, y - 0.5 * l->em, l->em, l->em);
      else
        {
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + 1.6 * l->em, y);
          cairo_stroke (cr);
          cairo_arc (cr, x + 0.8 * l->em, y, 0.3 * l->em, 0, 2 * G_PI);
        }
      cairo_fill (cr);
      x += 2.1 * l->em;
      x += _tandem_chart_draw_text (cr, layout, style, series->name, _tandem_chart_type (l, TYPE_BODY), FALSE,
                                    &style->foreground, x, y, 0.0, 0.5, right - x);
      x += 1.4 * l->em;
    }

  if (self->band_upper >= 0 && self->kind == TANDEM_CHART_LINES && x < right - 4 * l->em)
    {
      _tandem_chart_set_source (cr, &style->band, 1.0);
      cairo_rectangle (cr, x, y - 0.5 * l->em, 1.6 * l->em, l->em);
      cairo_fill (cr);
      x += 2.1 * l->em;
      _tandem_chart_draw_text (cr, layout, style, self->band_label ? self->band_label : _("Gap"),
                               _tandem_chart_type (l, TYPE_BODY), FALSE,
                               &style->foreground, x, y, 0.0, 0.5, right - x);
    }
}

/**
 * tandem_chart_render:
 * @cr: where to draw; its current point and source are not kept
 * @width: the width to fill, in the units of @cr
 * @height: the height to fill
 * @style: colours and font
 *
 * Draws the whole chart — title, legend, axes, gap band, intervals, lines,
 * sample sizes and note — into the rectangle (0, 0, @width, @height).
 */
void
tandem_chart_render (TandemChart            *self,
                     cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const TandemChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  Layout l;
  double text_width;

  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width < 1 || height < 1)
    return;

  _tandem_chart_compute_layout (self, width, height, &l);
  text_width = width - 2 * l.pad;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background.alpha > 0)
    {
      _tandem_chart_set_source (cr, &style->background, 1.0);
      cairo_paint (cr);
    }

  layout = pango_cairo_create_layout (cr);

  if (self->title != NULL)
    _tandem_chart_draw_text (cr, layout, style, self->title, _tandem_chart_type (&l, TYPE_TITLE), TRUE,
                             &style->foreground, l.pad, l.title_y, 0.0, 0.0, text_width);
  if (self->subtitle != NULL)
    _tandem_chart_draw_text (cr, layout, style, self->subtitle, _tandem_chart_type (&l, TYPE_BODY), FALSE,
                             &style->muted, l.pad, l.subtitle_y, 0.0, 0.0, text_width);
  if (self->note != NULL)
    {
      /* A long note (German, say) gets smaller type, down to the smallest,
       * then a second line (the layout keeps room for it) rather than
       * lose its end. */
      double size = _tandem_chart_type (&l, TYPE_NOTE);
      double needed = _tandem_chart_text_width_at (layout, style, self->note, size);

      if (needed > text_width)
        size = MAX (_tandem_chart_type (&l, 0), size * text_width / needed);
      _tandem_chart_draw_lines (cr, layout, style, self->note, size, FALSE, &style->muted, l.pad, l.note_y, 0.0, 0.0,
                                text_width, l.note_lines);
    }

  if (tandem_chart_is_empty (self))
    {
      if (self->empty_text != NULL)
        _tandem_chart_draw_text (cr, layout, style, self->empty_text, _tandem_chart_type (&l, TYPE_BODY), FALSE,
                                 &style->muted, width / 2.0, l.plot.y + l.plot.height / 2.0, 0.5, 0.5, text_width);
      cairo_restore (cr);
      return;
    }

  if (self->kind == TANDEM_CHART_HEATMAP)
    {
      _tandem_chart_draw_heatmap (self, cr, layout, &l, style);
      cairo_restore (cr);
      return;
    }
  if (self->kind == TANDEM_CHART_SCATTER)
    {
      _tandem_chart_draw_scatter (self, cr, layout, &l, style);
      cairo_restore (cr);
      return;
    }
  _tandem_chart_draw_legend (self, cr, layout, &l, style, width);
  if (self->kind == TANDEM_CHART_HBARS)
    {
      _tandem_chart_draw_hbars (self, cr, layout, &l, style);
      cairo_restore (cr);
      return;
    }
  _tandem_chart_draw_axes (self, cr, layout, &l, style);
  _tandem_chart_draw_target (self, cr, layout, &l, style);
  if (self->kind == TANDEM_CHART_BARS)
    _tandem_chart_draw_bars (self, cr, layout, &l, style);
  else
    {
      _tandem_chart_draw_band (self, cr, &l, style);
      _tandem_chart_draw_series (self, cr, &l, style);
      _tandem_chart_draw_latest_gap (self, cr, layout, &l, style);
    }

  cairo_restore (cr);
}

/**
 * tandem_chart_render_panels:
 * @charts: (array length=n_charts): the charts, in reading order
 *
 * Several charts on one page: side by side when each would still be wider
 * than it is high, else one above the other.
 */
void
tandem_chart_render_panels (TandemChart            **charts,
                            guint                    n_charts,
                            cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            const TandemChartStyle  *style)
{
  gboolean across;

  g_return_if_fail (charts != NULL && n_charts > 0);

  across = width / n_charts >= height;

  /* Each chart paints its own background; under several, the page is
   * painted too, so that no seam shows where two panels meet mid-pixel. */
  if (style->background.alpha > 0 && n_charts > 1)
    {
      cairo_save (cr);
      _tandem_chart_set_source (cr, &style->background, 1.0);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < n_charts; i++)
    {
      double w = across ? width / n_charts : width;
      double h = across ? height : height / n_charts;

      cairo_save (cr);
      cairo_translate (cr, across ? i * w : 0, across ? 0 : i * h);
      tandem_chart_render (charts[i], cr, w, h, style);
      cairo_restore (cr);
    }
}
