/* tandem-chart-heatmap.c — rows of cells shaded by their value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

/* How far a gap's step is from neutral, for the cells and the legend. */
static const double gap_steps[] = { 5, 10, 20 };
static const double gap_strength[] = { 0.08, 0.38, 0.64, 0.9 };

/* A colour between @paper and @hue; @t = 0 is paper. */
static TandemColor
mix (const TandemColor *paper,
     const TandemColor *hue,
     double             t)
{
  TandemColor color = {
    paper->red + t * (hue->red - paper->red),
    paper->green + t * (hue->green - paper->green),
    paper->blue + t * (hue->blue - paper->blue), 1.0,
  };

  return color;
}

/* A cell's fill. Shares step in fifths (0–20%, 20–40%…) of one hue; gaps
 * (TANDEM_CHART_POINTS) step away from neutral, within 5 points, 5–10,
 * 10–20 and 20 or more, in the first series' hue where executives are more
 * favourable and the second's where ICs are. Steps, not a smooth ramp, so
 * that neighbouring cells either match or clearly differ, in light and
 * dark style alike. */
static TandemColor
cell_fill (TandemChart            *self,
           const TandemChartStyle *style,
           double                  value)
{
  const TandemColor *paper = style->background.alpha > 0 ? &style->background : &style->grid;

  if (self->unit == TANDEM_CHART_POINTS)
    {
      guint step = 0;

      while (step < G_N_ELEMENTS (gap_steps) && fabs (value) >= gap_steps[step])
        step++;
      if (step == 0)
        return mix (paper, &style->muted, gap_strength[0] * 2);
      return mix (paper, value > 0 ? &style->series[0] : &style->series[1], gap_strength[step]);
    }
  {
    double span = self->y_max - self->y_min;
    int fifth = (int)floor (5.0 * (value - self->y_min) / (span > 0 ? span : 1.0));

    return mix (paper, &style->series[0], 0.14 + 0.19 * CLAMP (fifth, 0, 4));
  }
}

/* Text that reads on @fill. */
static TandemColor
ink_on (const TandemColor *fill)
{
  double luminance = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;
  TandemColor ink = { luminance > 0.5 ? 0.1 : 1.0, luminance > 0.5 ? 0.1 : 1.0, luminance > 0.5 ? 0.12 : 1.0, 1.0 };

  return ink;
}

/* Above the cells: the steps, labelled at either end. */
static void
draw_steps (TandemChart            *self,
            cairo_t                *cr,
            PangoLayout            *layout,
            const Layout           *l,
            const TandemChartStyle *style)
{
  double size = _tandem_chart_type (l, TYPE_LABEL);
  double swatch = 1.6 * l->em;
  double y = l->legend_y + 0.6 * l->em;
  double x = l->plot.x;
  guint n = self->unit == TANDEM_CHART_POINTS ? 2 * G_N_ELEMENTS (gap_steps) + 1 : 5;

  x += _tandem_chart_draw_text (cr, layout, style,
                                self->low_label != NULL ? self->low_label
                                : self->unit == TANDEM_CHART_POINTS ? _("ICs more favourable") : _("Fewer favourable"),
                                size, FALSE, &style->muted, x, y, 0.0, 0.5, 0) + 0.5 * l->em;
  for (guint i = 0; i < n; i++)
    {
      double value;
      TandemColor fill;

      if (self->unit == TANDEM_CHART_POINTS)
        {
          int step = (int)i - (int)G_N_ELEMENTS (gap_steps);   /* −3 … 3 */

          value = step == 0 ? 0 : (step > 0 ? 1 : -1) * gap_steps[ABS (step) - 1];
        }
      else
        value = self->y_min + (i + 0.5) * (self->y_max - self->y_min) / 5.0;
      fill = cell_fill (self, style, value);
      _tandem_chart_set_source (cr, &fill, 1.0);
      cairo_rectangle (cr, x + i * swatch, y - 0.45 * l->em, swatch - 2, 0.9 * l->em);
      cairo_fill (cr);
    }
  x += n * swatch + 0.5 * l->em;
  _tandem_chart_draw_text (cr, layout, style,
                           self->high_label != NULL ? self->high_label
                           : self->unit == TANDEM_CHART_POINTS ? _("Executives more favourable") : _("More favourable"),
                           size, FALSE, &style->muted, x, y, 0.0, 0.5, 0);
}

/* Rows of categories, a column per series; a cell's colour steps with its
 * value, which is written in it (with n under a gap, where there is room),
 * so order reads the same without colour. A hidden cell is hatched, an
 * empty one left blank. */
void
_tandem_chart_draw_heatmap (TandemChart            *self,
                            cairo_t                *cr,
                            PangoLayout            *layout,
                            const Layout           *l,
                            const TandemChartStyle *style)
{
  guint n_columns = MAX (self->series->len, 1);
  double cell_width = l->plot.width / n_columns;
  double cell_height = _tandem_chart_heatmap_row_height (self, l);
  double text_size = MAX (_tandem_chart_type (l, 0), MIN (_tandem_chart_type (l, TYPE_BODY), 0.45 * cell_height));
  double n_size = _tandem_chart_type_within (l, TYPE_LABEL, 0.3 * cell_height);

  draw_steps (self, cr, layout, l, style);
  /* Column names of two lines where one is too narrow (the layout keeps
   * room for two). */
  for (guint s = 0; s < self->series->len; s++)
    _tandem_chart_draw_lines (cr, layout, style, ((Series *)g_ptr_array_index (self->series, s))->name,
                              _tandem_chart_type (l, TYPE_BODY), TRUE, &style->foreground,
                              l->plot.x + (s + 0.5) * cell_width, l->plot.y - 0.3 * l->em, 0.5, 1.0,
                              cell_width - 0.3 * l->em, 2);

  for (guint c = 0; c < self->categories->len; c++)
    {
      double y = l->plot.y + c * cell_height;

      _tandem_chart_draw_text (cr, layout, style, g_ptr_array_index (self->categories, c), text_size, FALSE,
                               &style->foreground, l->pad + l->label_width, y + cell_height / 2.0, 1.0, 0.5,
                               l->label_width);

      for (guint s = 0; s < self->series->len; s++)
        {
          const Value *v = &g_array_index (((Series *)g_ptr_array_index (self->series, s))->values, Value, c);
          double x = l->plot.x + s * cell_width;
          gboolean counted = v->n2 > 0 || (self->cells_show_n && v->n > 0);
          gboolean with_n = counted && n_size > 0;
          g_autofree char *label = NULL;

          cairo_rectangle (cr, x + 1, y + 1, cell_width - 2, cell_height - 2);
          if (isfinite (v->value))
            {
              TandemColor fill = cell_fill (self, style, v->value);
              TandemColor ink = ink_on (&fill);

              _tandem_chart_set_source (cr, &fill, 1.0);
              cairo_fill (cr);
              label = _tandem_chart_format_value (self, v->value);
              if (counted)
                {
                  g_autofree char *leaders = tandem_format_count (v->n2);
                  g_autofree char *ics = tandem_format_count (v->n);
                  /* Translators: how many executives and ICs answered, with a gap in a cell */
                  g_autofree char *n = v->n2 > 0 ? g_strdup_printf (_("n %s / %s"), leaders, ics)
                                                 : g_strdup_printf (_("n %s"), ics);
                  double small = MIN (_tandem_chart_type (l, TYPE_LABEL), text_size);
                  double beside = _tandem_chart_text_width_at (layout, style, label, text_size) + 0.6 * l->em +
                                  _tandem_chart_text_width_at (layout, style, n, small);

                  /* Under the gap where the row is tall enough, else beside it where
                   * the cell is wide enough, else only in the tooltip and table. */
                  if (with_n)
                    {
                      _tandem_chart_draw_text (cr, layout, style, label, text_size, TRUE, &ink, x + cell_width / 2.0,
                                               y + cell_height / 2.0, 0.5, 0.8, cell_width);
                      _tandem_chart_draw_text (cr, layout, style, n, n_size, FALSE, &ink, x + cell_width / 2.0,
                                               y + cell_height / 2.0, 0.5, -0.1, cell_width - 0.2 * l->em);
                    }
                  else if (beside < cell_width - 0.6 * l->em)
                    {
                      double left = x + (cell_width - beside) / 2.0;

                      left += _tandem_chart_draw_text (cr, layout, style, label, text_size, TRUE, &ink, left,
                                                       y + cell_height / 2.0, 0.0, 0.5, 0) + 0.6 * l->em;
                      _tandem_chart_draw_text (cr, layout, style, n, small, FALSE, &ink, left, y + cell_height / 2.0,
                                               0.0, 0.5, 0);
                    }
                  else
                    _tandem_chart_draw_text (cr, layout, style, label, text_size, TRUE, &ink, x + cell_width / 2.0,
                                             y + cell_height / 2.0, 0.5, 0.5, cell_width);
                }
              else
                _tandem_chart_draw_text (cr, layout, style, label, text_size, TRUE, &ink, x + cell_width / 2.0,
                                         y + cell_height / 2.0, 0.5, 0.5, cell_width);
            }
          else if (v->n > 0)
            {
              _tandem_chart_set_source (cr, &style->grid, 0.5);
              cairo_fill_preserve (cr);
              cairo_save (cr);
              cairo_clip (cr);
              _tandem_chart_set_source (cr, &style->muted, 0.5);
              cairo_set_line_width (cr, 1.0);
              for (double d = -cell_height; d < cell_width; d += 0.6 * l->em)
                {
                  cairo_move_to (cr, x + d, y + cell_height);
                  cairo_line_to (cr, x + d + cell_height, y);
                }
              cairo_stroke (cr);
              cairo_restore (cr);
              _tandem_chart_draw_text (cr, layout, style, _("hidden"), text_size, FALSE, &style->foreground,
                                       x + cell_width / 2.0, y + cell_height / 2.0, 0.5, 0.5, cell_width);
            }
          else
            {
              _tandem_chart_set_source (cr, &style->grid, 1.0);
              cairo_set_line_width (cr, 1.0);
              cairo_stroke (cr);
            }
        }
    }
}
