/* tandem-chart-layout.c — where everything on a chart goes, and what is under a point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

/* The width of the widest of @texts (or of @text alone) at TEXT_BASE_SIZE. */
static double
measure_widest (GPtrArray  *texts,
                const char *text)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = tandem_chart_style_new_font (NULL, TEXT_BASE_SIZE, FALSE);
  guint n = texts != NULL ? texts->len : 1;
  double widest = 0;

  pango_layout_set_font_description (layout, font);
  for (guint i = 0; i < n; i++)
    {
      PangoRectangle logical;

      pango_layout_set_text (layout, texts != NULL ? g_ptr_array_index (texts, i) : text, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, (double)logical.width / PANGO_SCALE);
    }
  g_object_unref (context);
  return widest;
}

/* The width of the widest category label at the size they are drawn. */
static double
measure_labels (TandemChart *self,
                double       em)
{
  return ceil (measure_widest (self->categories, NULL) * MAX (TYPE_BODY * em, MAX (TEXT_MIN_PX, 0.6 * em)) /
               TEXT_BASE_SIZE);
}

static double
smallest_text (const Layout *l)
{
  return MAX (TEXT_MIN_PX, 0.6 * l->em);
}

/* The size of text at @step of the type scale, never under the smallest. */
double
_tandem_chart_type (const Layout *l,
                    double        step)
{
  return MAX (step * l->em, smallest_text (l));
}

/* The same, within @room (a bar's or a cell's height); 0 when what fits
 * would be under the smallest, and the text is better left out (the value
 * stays in the tooltip and the table). */
double
_tandem_chart_type_within (const Layout *l,
                           double        step,
                           double        room)
{
  double size = MIN (_tandem_chart_type (l, step), room);

  return size >= smallest_text (l) ? size : 0;
}

void
_tandem_chart_compute_layout (TandemChart *self,
                              double       width,
                              double       height,
                              Layout      *l)
{
  double y, bottom;

  l->em = CLAMP (MIN (width / 56.0, height / 28.0), 9.0, 40.0);
  l->pad = 1.2 * l->em;

  y = l->pad;
  l->title_y = y;
  y += 2.0 * l->em;
  l->subtitle_y = y;
  if (self->subtitle != NULL)
    y += 1.5 * l->em;
  l->legend_y = y;
  y += 2.2 * l->em;

  bottom = height - l->pad;
  /* A note too long for one line at the smallest size takes two. */
  l->note_lines = self->note != NULL &&
                  measure_widest (NULL, self->note) * smallest_text (l) / TEXT_BASE_SIZE > width - 2 * l->pad
                  ? 2 : 1;
  l->note_y = bottom - 1.2 * l->em - (l->note_lines - 1) * 1.3 * smallest_text (l);
  if (self->note != NULL)
    bottom = l->note_y - 0.6 * l->em;

  l->plot.x = l->pad + 3.2 * l->em;
  l->plot.y = y;
  l->plot.width = MAX (l->em, width - l->plot.x - 2.0 * l->pad);
  l->plot.height = MAX (l->em, bottom - 2.8 * l->em - y);
  l->label_width = 0;
  /* Room right of the last point for the latest gap, sign and all ("-100 pts"). */
  if (self->kind == TANDEM_CHART_LINES && self->band_upper >= 0 && self->band_lower >= 0)
    l->plot.width = MAX (l->em, l->plot.width - l->em);

  if (self->kind == TANDEM_CHART_HBARS)
    {
      /* Labels take what they need, up to a third of the width; the value
       * axis runs along the bottom, and values sit at the bars' ends. */
      l->label_width = MIN (measure_labels (self, l->em), width / 3.0);
      l->plot.x = l->pad + l->label_width + 0.8 * l->em;
      l->plot.width = MAX (l->em, width - l->plot.x - l->pad - 3.0 * l->em);
      l->plot.height = MAX (l->em, bottom - 1.8 * l->em - y);
    }
  else if (self->kind == TANDEM_CHART_HEATMAP)
    {
      /* Row labels on the left, column labels above the cells. */
      l->label_width = MIN (measure_labels (self, l->em), width / 3.0);
      l->plot.x = l->pad + l->label_width + 0.8 * l->em;
      l->plot.width = MAX (l->em, width - l->plot.x - l->pad);
      l->plot.y = y + 1.6 * l->em;
      /* Room for column names of two lines, when one is too narrow. */
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        double column = l->plot.width / MAX (self->series->len, 1) - 0.3 * l->em;

        for (guint s = 0; s < self->series->len; s++)
          g_ptr_array_add (names, ((Series *)g_ptr_array_index (self->series, s))->name);
        if (names->len > 0 &&
            measure_widest (names, NULL) * _tandem_chart_type (l, TYPE_BODY) / TEXT_BASE_SIZE > column)
          l->plot.y += 1.2 * _tandem_chart_type (l, TYPE_BODY);
      }
      l->plot.height = MAX (l->em, bottom - l->plot.y);
    }
  l->inset = MIN (2.5 * l->em, l->plot.width / 4.0);
  l->y_min = self->y_min;
  l->y_max = self->y_max;
}

double
_tandem_chart_x_for_category (TandemChart  *self,
                              const Layout *l,
                              guint         category)
{
  guint n = self->categories->len;

  /* Bars sit in the middle of equal slots; lines run edge to edge. */
  if (self->kind == TANDEM_CHART_BARS)
    return l->plot.x + (category + 0.5) * l->plot.width / MAX (n, 1);

  if (n <= 1)
    return l->plot.x + l->plot.width / 2.0;

  return l->plot.x + l->inset + category * (l->plot.width - 2.0 * l->inset) / (n - 1);
}

double
_tandem_chart_y_for_value (const Layout *l,
                           double        value)
{
  double t = (CLAMP (value, l->y_min, l->y_max) - l->y_min) / (l->y_max - l->y_min);

  return l->plot.y + l->plot.height * (1.0 - t);
}

/* Horizontal bars: where a value ends, and the middle of a category's row. */
double
_tandem_chart_x_for_value (const Layout *l,
                           double        value)
{
  double t = (CLAMP (value, l->y_min, l->y_max) - l->y_min) / (l->y_max - l->y_min);

  return l->plot.x + l->plot.width * t;
}

double
_tandem_chart_y_for_category (TandemChart  *self,
                              const Layout *l,
                              guint         category)
{
  return l->plot.y + (category + 0.5) * l->plot.height / MAX (self->categories->len, 1);
}

double
_tandem_chart_hbar_thickness (TandemChart  *self,
                              const Layout *l)
{
  double slot = l->plot.height / MAX (self->categories->len, 1);

  return MIN (slot * 0.75 / MAX (self->series->len, 1), 1.6 * l->em);
}

/* The middle of the bar of @series in its category's row. */
double
_tandem_chart_hbar_offset (TandemChart  *self,
                           const Layout *l,
                           guint         series)
{
  double bar = _tandem_chart_hbar_thickness (self, l);

  return (series - (self->series->len - 1) / 2.0) * bar;
}

/* Heatmap rows are no taller than three lines of text. */
double
_tandem_chart_heatmap_row_height (TandemChart  *self,
                                  const Layout *l)
{
  return MIN (l->plot.height / MAX (self->categories->len, 1), 3.0 * l->em);
}

void
tandem_chart_get_plot_area (TandemChart *self,
                            double       width,
                            double       height,
                            TandemRect  *out_area)
{
  Layout l;

  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (out_area != NULL);

  _tandem_chart_compute_layout (self, width, height, &l);
  *out_area = l.plot;
}

/* Where a point is drawn; a hidden or missing one is placed where its
 * label goes (the base of its bar, the middle of the axis, its cell). */
gboolean
_tandem_chart_point_position (TandemChart  *self,
                              const Layout *l,
                              guint         series,
                              guint         category,
                              double       *out_x,
                              double       *out_y)
{
  double value = tandem_chart_get_value (self, series, category);
  double shown = isfinite (value) ? value : (self->kind == TANDEM_CHART_BARS ? MAX (self->y_min, 0.0)
                                                                                : (self->y_min + self->y_max) / 2);

  if (self->kind == TANDEM_CHART_HEATMAP)
    {
      double cell_width = l->plot.width / MAX (self->series->len, 1);

      *out_x = l->plot.x + (series + 0.5) * cell_width;
      *out_y = l->plot.y + (category + 0.5) * _tandem_chart_heatmap_row_height (self, l);
      return TRUE;
    }
  if (self->kind == TANDEM_CHART_BARS)
    {
      guint n_series = MAX (self->series->len, 1);
      double slot = l->plot.width / MAX (self->categories->len, 1);
      double bar = MIN (slot * 0.7 / n_series, 3.0 * l->em);

      *out_x = _tandem_chart_x_for_category (self, l, category) + (series - n_series / 2.0 + 0.5) * bar;
      *out_y = _tandem_chart_y_for_value (l, shown);
      return TRUE;
    }
  if (self->kind == TANDEM_CHART_HBARS)
    {
      *out_x = _tandem_chart_x_for_value (l, shown);
      *out_y = _tandem_chart_y_for_category (self, l, category) + _tandem_chart_hbar_offset (self, l, series);
      return TRUE;
    }
  if (self->kind == TANDEM_CHART_SCATTER)
    {
      double x = g_array_index (self->x_values, double, category);

      if (!isfinite (value) || !isfinite (x))
        return FALSE;
      *out_x = l->plot.x + l->plot.width * CLAMP (x, 0.0, 100.0) / 100.0;
      *out_y = _tandem_chart_y_for_value (l, value);
      return TRUE;
    }
  if (!isfinite (value))
    return FALSE;   /* a line has no place for what it does not draw */
  *out_x = _tandem_chart_x_for_category (self, l, category);
  *out_y = _tandem_chart_y_for_value (l, value);
  return TRUE;
}

/**
 * tandem_chart_get_point:
 *
 * Where the point of @series at @category is drawn on a chart of the given
 * size: for hit-testing, tooltips and tests.
 *
 * Returns: %FALSE when that point has no value (missing or suppressed)
 */
gboolean
tandem_chart_get_point (TandemChart *self,
                        double       width,
                        double       height,
                        guint        series,
                        guint        category,
                        double      *out_x,
                        double      *out_y)
{
  Layout l;
  double x, y;

  g_return_val_if_fail (TANDEM_IS_CHART (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);
  g_return_val_if_fail (category < self->categories->len, FALSE);

  if (!isfinite (tandem_chart_get_value (self, series, category)))
    return FALSE;

  _tandem_chart_compute_layout (self, width, height, &l);
  if (!_tandem_chart_point_position (self, &l, series, category, &x, &y))
    return FALSE;
  if (out_x != NULL)
    *out_x = x;
  if (out_y != NULL)
    *out_y = y;
  return TRUE;
}

/**
 * tandem_chart_hit_test:
 * @x: a position on a chart drawn at @width × @height
 * @out_series: (out): the series of the nearest point
 * @out_category: (out): its category
 *
 * Finds the point nearest to (@x, @y), hidden ones included (where they
 * would be drawn), within about two lines of text.
 *
 * Returns: %FALSE when no point is near
 */
gboolean
tandem_chart_hit_test (TandemChart *self,
                       double       width,
                       double       height,
                       double       x,
                       double       y,
                       guint       *out_series,
                       guint       *out_category)
{
  Layout l;
  double best = G_MAXDOUBLE;
  double reach;

  g_return_val_if_fail (TANDEM_IS_CHART (self), FALSE);

  _tandem_chart_compute_layout (self, width, height, &l);
  reach = 2.0 * l.em;

  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      {
        double px, py, d;

        if (!_tandem_chart_point_position (self, &l, s, c, &px, &py))
          continue;
        d = hypot (px - x, py - y);
        if (d < best && d <= reach)
          {
            best = d;
            *out_series = s;
            *out_category = c;
          }
      }
  return best < G_MAXDOUBLE;
}

/**
 * tandem_chart_locate_point:
 *
 * Like tandem_chart_get_point(), but a hidden bar or heatmap cell is
 * placed where its “hidden” mark is drawn, so a keyboard can land on it.
 *
 * Returns: %FALSE for a point that has no place (a gap in a line)
 */
gboolean
tandem_chart_locate_point (TandemChart *self,
                           double       width,
                           double       height,
                           guint        series,
                           guint        category,
                           double      *out_x,
                           double      *out_y)
{
  Layout l;

  g_return_val_if_fail (TANDEM_IS_CHART (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);
  g_return_val_if_fail (category < self->categories->len, FALSE);
  g_return_val_if_fail (out_x != NULL && out_y != NULL, FALSE);

  _tandem_chart_compute_layout (self, width, height, &l);
  return _tandem_chart_point_position (self, &l, series, category, out_x, out_y);
}
