/* tandem-chart-bars.c — bar charts, upright and horizontal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

void
_tandem_chart_draw_bars (TandemChart            *self,
                         cairo_t                *cr,
                         PangoLayout            *layout,
                         const Layout           *l,
                         const TandemChartStyle *style)
{
  guint n_series = MAX (self->series->len, 1);
  double slot = l->plot.width / MAX (self->categories->len, 1);
  double bar = MIN (slot * 0.7 / n_series, 3.0 * l->em);
  double base = _tandem_chart_y_for_value (l, MAX (self->y_min, 0.0));
  double label_size = _tandem_chart_type_within (l, TYPE_LABEL, 0.45 * bar);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      _tandem_chart_set_source (cr, &style->series[s], 1.0);
      for (guint c = 0; c < self->categories->len; c++)
        {
          double value = g_array_index (series->values, Value, c).value;
          double x = _tandem_chart_x_for_category (self, l, c) + (s - n_series / 2.0) * bar;
          double y;

          if (!isfinite (value))
            continue;
          y = _tandem_chart_y_for_value (l, value);
          cairo_rectangle (cr, x + 0.06 * bar, MIN (y, base), 0.88 * bar, fabs (base - y));
        }
      cairo_fill (cr);
    }

  /* Each bar's value on top of it; a hidden group says so where its bar
   * would stand. */
  for (guint s = 0; s < self->series->len && label_size > 0; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint c = 0; c < self->categories->len; c++)
        {
          const Value *v = &g_array_index (series->values, Value, c);
          double x = _tandem_chart_x_for_category (self, l, c) + (s - n_series / 2.0 + 0.5) * bar;
          g_autofree char *label = NULL;

          if (isfinite (v->value))
            {
              label = _tandem_chart_format_value (self, v->value);
              _tandem_chart_draw_text (cr, layout, style, label, label_size, TRUE, &style->foreground, x,
                                       _tandem_chart_y_for_value (l, v->value) - 0.2 * l->em, 0.5, 1.0, 0);
            }
          else if (v->n > 0)
            _tandem_chart_draw_text (cr, layout, style, _("hidden"), label_size, FALSE, &style->muted, x,
                                     base - 0.2 * l->em, 0.5, 1.0, bar);
        }
    }

  /* The gap of each pair, in points, above the taller bar. */
  if (self->band_upper >= 0 && self->band_lower >= 0)
    for (guint c = 0; c < self->categories->len; c++)
      {
        Series *upper = g_ptr_array_index (self->series, self->band_upper);
        Series *lower = g_ptr_array_index (self->series, self->band_lower);
        double a = g_array_index (upper->values, Value, c).value;
        double b = g_array_index (lower->values, Value, c).value;
        g_autofree char *label = NULL;

        if (!isfinite (a) || !isfinite (b))
          continue;
        /* Translators: the gap between two bars, in percentage points */
        label = g_strdup_printf (_("gap %+.0f pts"), _tandem_chart_gap_points (a, b));
        _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type (l, TYPE_LABEL), TRUE, &style->muted,
                                 _tandem_chart_x_for_category (self, l, c),
                                 _tandem_chart_y_for_value (l, MAX (a, b)) - 1.5 * l->em, 0.5, 1.0, slot);
      }
}

/* Horizontal bars, with their own axes: category labels on the left, the
 * value grid along the bottom, each value written at its bar's end. */
void
_tandem_chart_draw_hbars (TandemChart            *self,
                          cairo_t                *cr,
                          PangoLayout            *layout,
                          const Layout           *l,
                          const TandemChartStyle *style)
{
  double bar = _tandem_chart_hbar_thickness (self, l);
  double base = _tandem_chart_x_for_value (l, MAX (self->y_min, 0.0));
  double bottom = l->plot.y + l->plot.height;

  cairo_set_line_width (cr, 1.0);
  _tandem_chart_set_source (cr, &style->grid, 1.0);
  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      double x = round (_tandem_chart_x_for_value (l, tick)) + 0.5;

      cairo_move_to (cr, x, l->plot.y);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);

  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      g_autofree char *label = _tandem_chart_format_value (self, tick);

      _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type (l, TYPE_LABEL), FALSE, &style->muted,
                               _tandem_chart_x_for_value (l, tick), bottom + 0.4 * l->em, 0.5, 0.0, 0);
    }

  for (guint c = 0; c < self->categories->len; c++)
    _tandem_chart_draw_text (cr, layout, style, g_ptr_array_index (self->categories, c),
                             MAX (_tandem_chart_type (l, 0), MIN (_tandem_chart_type (l, TYPE_BODY),
                                                                   0.6 * l->plot.height /
                                                                   MAX (self->categories->len, 1))), FALSE,
                             &style->foreground, l->pad + l->label_width, _tandem_chart_y_for_category (self, l, c),
                             1.0, 0.5, l->label_width);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint c = 0; c < self->categories->len; c++)
        {
          double value = g_array_index (series->values, Value, c).value;
          double y = _tandem_chart_y_for_category (self, l, c) + _tandem_chart_hbar_offset (self, l, s);
          double x;
          g_autofree char *label = NULL;

          if (!isfinite (value))
            continue;
          x = _tandem_chart_x_for_value (l, value);
          _tandem_chart_set_source (cr, &style->series[s], 1.0);
          cairo_rectangle (cr, MIN (x, base), y - 0.44 * bar, fabs (x - base), 0.88 * bar);
          cairo_fill (cr);

          if (_tandem_chart_type_within (l, TYPE_LABEL, 0.9 * bar) > 0)
            {
              label = _tandem_chart_format_value (self, value);
              _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type_within (l, TYPE_LABEL, 0.9 * bar),
                                       FALSE,
                                       &style->foreground, MAX (x, base) + 0.3 * l->em, y, 0.0, 0.5, 0);
            }
        }
    }
}
