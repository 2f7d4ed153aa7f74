/* tandem-chart-heatmap.c — rows of cells shaded by their value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

/* Rows of categories, a column per series; a cell's colour grows darker
 * with its share, so order reads the same without colour. A hidden cell
 * is hatched, an empty one left blank. */
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
  const TandemColor *hue = &style->series[0];
  const TandemColor *paper = style->background.alpha > 0 ? &style->background : &style->grid;

  for (guint s = 0; s < self->series->len; s++)
    _tandem_chart_draw_text (cr, layout, style, ((Series *)g_ptr_array_index (self->series, s))->name,
                             _tandem_chart_type (l, TYPE_BODY),
                             TRUE, &style->foreground, l->plot.x + (s + 0.5) * cell_width, l->plot.y - 0.3 * l->em,
                             0.5, 1.0, cell_width - 0.3 * l->em);

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
          g_autofree char *label = NULL;

          cairo_rectangle (cr, x + 1, y + 1, cell_width - 2, cell_height - 2);
          if (isfinite (v->value))
            {
              double t = 0.12 + 0.88 * CLAMP ((v->value - self->y_min) / (self->y_max - self->y_min), 0, 1);
              TandemColor fill = {
                paper->red + t * (hue->red - paper->red),
                paper->green + t * (hue->green - paper->green),
                paper->blue + t * (hue->blue - paper->blue), 1.0,
              };
              double luminance = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue;
              TandemColor ink = { luminance > 0.5 ? 0.1 : 1.0, luminance > 0.5 ? 0.1 : 1.0,
                                  luminance > 0.5 ? 0.12 : 1.0, 1.0 };

              _tandem_chart_set_source (cr, &fill, 1.0);
              cairo_fill (cr);
              label = _tandem_chart_format_value (self, v->value);
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
