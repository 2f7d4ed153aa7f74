/* tandem-chart-lines.c — line charts: series with intervals, the gap band, the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

void
_tandem_chart_draw_band (TandemChart  *self,
                         cairo_t      *cr,
                         const Layout *l,
                         const TandemChartStyle *style)
{
  Series *upper, *lower;
  guint n = self->categories->len;
  guint start = 0;

  if (self->band_upper < 0 || self->band_lower < 0)
    return;

  upper = g_ptr_array_index (self->series, self->band_upper);
  lower = g_ptr_array_index (self->series, self->band_lower);

  /* One polygon per run of categories where both sides have a value. */
  while (start < n)
    {
      guint end;

      while (start < n &&
             !(isfinite (g_array_index (upper->values, Value, start).value) &&
               isfinite (g_array_index (lower->values, Value, start).value)))
        start++;
      end = start;
      while (end < n &&
             isfinite (g_array_index (upper->values, Value, end).value) &&
             isfinite (g_array_index (lower->values, Value, end).value))
        end++;

      if (end - start >= 2)
        {
          cairo_new_path (cr);
          for (guint c = start; c < end; c++)
            cairo_line_to (cr, _tandem_chart_x_for_category (self, l, c),
                           _tandem_chart_y_for_value (l, g_array_index (upper->values, Value, c).value));
          for (guint c = end; c > start; c--)
            cairo_line_to (cr, _tandem_chart_x_for_category (self, l, c - 1),
                           _tandem_chart_y_for_value (l, g_array_index (lower->values, Value, c - 1).value));
          cairo_close_path (cr);
          _tandem_chart_set_source (cr, &style->band, 1.0);
          cairo_fill (cr);
        }
      start = end;
    }
}

void
_tandem_chart_draw_series (TandemChart            *self,
                           cairo_t                *cr,
                           const Layout           *l,
                           const TandemChartStyle *style)
{
  guint n_series = self->series->len;

  /* Intervals first, lines over them, points on top. */
  for (guint s = 0; s < n_series; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      double offset = (s - (n_series - 1) / 2.0) * 0.35 * l->em;

      cairo_set_line_width (cr, MAX (1.0, 0.1 * l->em));
      _tandem_chart_set_source (cr, &style->series[s], 0.6);
      for (guint c = 0; c < self->categories->len; c++)
        {
          const Value *v = &g_array_index (series->values, Value, c);
          double x = _tandem_chart_x_for_category (self, l, c) + offset;
          double cap = 0.25 * l->em;

          if (!isfinite (v->value) || !isfinite (v->low) || !isfinite (v->high))
            continue;
          cairo_move_to (cr, x, _tandem_chart_y_for_value (l, v->low));
          cairo_line_to (cr, x, _tandem_chart_y_for_value (l, v->high));
          cairo_move_to (cr, x - cap, _tandem_chart_y_for_value (l, v->low));
          cairo_line_to (cr, x + cap, _tandem_chart_y_for_value (l, v->low));
          cairo_move_to (cr, x - cap, _tandem_chart_y_for_value (l, v->high));
          cairo_line_to (cr, x + cap, _tandem_chart_y_for_value (l, v->high));
        }
      cairo_stroke (cr);
    }

  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < n_series; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      gboolean pen_down = FALSE;

      cairo_set_line_width (cr, MAX (1.5, 0.22 * l->em));
      _tandem_chart_set_source (cr, &style->series[s], 1.0);
      for (guint c = 0; c < self->categories->len; c++)
        {
          const Value *v = &g_array_index (series->values, Value, c);

          /* A missing or suppressed point breaks the line. */
          if (!isfinite (v->value))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, _tandem_chart_x_for_category (self, l, c), _tandem_chart_y_for_value (l, v->value));
          else
            cairo_move_to (cr, _tandem_chart_x_for_category (self, l, c), _tandem_chart_y_for_value (l, v->value));
          pen_down = TRUE;
        }
      cairo_stroke (cr);

      for (guint c = 0; c < self->categories->len; c++)
        {
          const Value *v = &g_array_index (series->values, Value, c);

          if (!isfinite (v->value))
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, _tandem_chart_x_for_category (self, l, c), _tandem_chart_y_for_value (l, v->value),
                     0.34 * l->em, 0, 2 * G_PI);
        }
      if (style->background.alpha > 0)
        {
          cairo_fill_preserve (cr);
          _tandem_chart_set_source (cr, &style->background, 1.0);
          cairo_set_line_width (cr, MAX (1.0, 0.1 * l->em));
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }
}

/* @a − @b in whole points, for a signed label: a gap that rounds to
 * nothing reads "+0", never "-0". */
double
_tandem_chart_gap_points (double a,
                          double b)
{
  double points = round (a - b);

  return points == 0 ? 0.0 : points;
}

/* The latest gap, in points, beside the band's last pair of points. */
void
_tandem_chart_draw_latest_gap (TandemChart            *self,
                               cairo_t                *cr,
                               PangoLayout            *layout,
                               const Layout           *l,
                               const TandemChartStyle *style)
{
  Series *upper, *lower;

  /* Points only make sense between percentages. */
  if (self->band_upper < 0 || self->band_lower < 0 || self->unit != TANDEM_CHART_PERCENT)
    return;
  upper = g_ptr_array_index (self->series, self->band_upper);
  lower = g_ptr_array_index (self->series, self->band_lower);

  for (guint c = self->categories->len; c > 0; c--)
    {
      double a = g_array_index (upper->values, Value, c - 1).value;
      double b = g_array_index (lower->values, Value, c - 1).value;
      double x = _tandem_chart_x_for_category (self, l, c - 1) + 0.9 * l->em;
      double y = _tandem_chart_y_for_value (l, (a + b) / 2.0);
      double gap, low, high;
      g_autofree char *label = NULL;

      if (!isfinite (a) || !isfinite (b))
        continue;
      /* Translators: the latest gap on a chart, in percentage points, with
       * its sign: negative where the lower series is ahead */
      label = g_strdup_printf (_("%+.0f pts"), _tandem_chart_gap_points (a, b));
      /* Under it, the gap's 95% interval, so no one reads more into it. */
      if (tandem_chart_get_band_figures (self, c - 1, &gap, &low, &high) && isfinite (low) && isfinite (high))
        {
          /* Translators: the 95% interval of the latest gap, under its label on a chart */
          g_autofree char *interval = g_strdup_printf (_("%.0f to %.0f"), low, high);

          _tandem_chart_draw_text (cr, layout, style, interval, _tandem_chart_type (l, TYPE_LABEL), FALSE,
                                   &style->muted, x, y + 0.1 * l->em, 0.0, 0.0, 0);
          y -= 0.5 * l->em;
        }
      _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type (l, TYPE_BODY), TRUE, &style->foreground,
                               x, y, 0.0, 0.5, 0);
      return;
    }
}

void
_tandem_chart_draw_target (TandemChart            *self,
                           cairo_t                *cr,
                           PangoLayout            *layout,
                           const Layout           *l,
                           const TandemChartStyle *style)
{
  static const double dashes[] = { 6.0, 4.0 };
  double y;

  if (!isfinite (self->target))
    return;
  y = round (_tandem_chart_y_for_value (l, self->target)) + 0.5;
  cairo_save (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, MAX (1.0, 0.12 * l->em));
  _tandem_chart_set_source (cr, &style->foreground, 0.7);
  cairo_move_to (cr, l->plot.x, y);
  cairo_line_to (cr, l->plot.x + l->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  if (self->target_label != NULL)
    _tandem_chart_draw_text (cr, layout, style, self->target_label, _tandem_chart_type (l, TYPE_LABEL), FALSE,
                             &style->foreground, l->plot.x + 0.3 * l->em, y - 0.2 * l->em, 0.0, 1.0, 0);
}
