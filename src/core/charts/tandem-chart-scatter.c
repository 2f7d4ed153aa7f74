/* tandem-chart-scatter.c — one point per group, across by one measure and up by another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Across: a share in percent (0–100); up: the series' value, with its 95%
 * interval as a whisker; beside each point its name and n. The horizontal
 * line at 0 is drawn stronger: above it, a group moved up.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

/* "+10", "0", "-10": a change reads with its sign. */
static char *
format_signed (TandemChart *self,
               double       value)
{
  g_autofree char *text = _tandem_chart_format_value (self, value);

  return value > 0.05 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static void
draw_grid (TandemChart            *self,
           cairo_t                *cr,
           PangoLayout            *layout,
           const Layout           *l,
           const TandemChartStyle *style)
{
  double bottom = l->plot.y + l->plot.height;

  cairo_set_line_width (cr, 1.0);
  _tandem_chart_set_source (cr, &style->grid, 1.0);
  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      double y = round (_tandem_chart_y_for_value (l, tick)) + 0.5;

      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
    }
  for (int x = 0; x <= 100; x += 25)
    {
      double px = round (l->plot.x + l->plot.width * x / 100.0) + 0.5;

      cairo_move_to (cr, px, l->plot.y);
      cairo_line_to (cr, px, bottom);
    }
  cairo_stroke (cr);

  if (self->y_min < 0 && self->y_max > 0)
    {
      cairo_set_line_width (cr, MAX (1.5, 0.12 * l->em));
      _tandem_chart_set_source (cr, &style->muted, 1.0);
      cairo_move_to (cr, l->plot.x, _tandem_chart_y_for_value (l, 0));
      cairo_line_to (cr, l->plot.x + l->plot.width, _tandem_chart_y_for_value (l, 0));
      cairo_stroke (cr);
    }

  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      g_autofree char *label = format_signed (self, tick);

      _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type (l, TYPE_LABEL), FALSE, &style->muted,
                               l->plot.x - 0.5 * l->em,
                               _tandem_chart_y_for_value (l, tick), 1.0, 0.5, 0);
    }
  for (int x = 0; x <= 100; x += 25)
    {
      /* Translators: a percentage on a chart axis; use your language's form, e.g. "25 %" */
      g_autofree char *label = g_strdup_printf (_("%.0f%%"), (double)x);

      _tandem_chart_draw_text (cr, layout, style, label, _tandem_chart_type (l, TYPE_LABEL), FALSE, &style->muted,
                               l->plot.x + l->plot.width * x / 100.0, bottom + 0.4 * l->em, 0.5, 0.0, 0);
    }
  if (self->x_label != NULL)
    _tandem_chart_draw_text (cr, layout, style, self->x_label, _tandem_chart_type (l, TYPE_BODY), FALSE,
                             &style->foreground, l->plot.x + l->plot.width / 2.0, bottom + 1.6 * l->em, 0.5, 0.0,
                             l->plot.width);
}

static gboolean
overlaps (const GArray     *taken,
          const TandemRect *r)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const TandemRect *t = &g_array_index (taken, TandemRect, i);

      if (r->x < t->x + t->width && t->x < r->x + r->width && r->y < t->y + t->height && t->y < r->y + r->height)
        return TRUE;
    }
  return FALSE;
}

void
_tandem_chart_draw_scatter (TandemChart            *self,
                            cairo_t                *cr,
                            PangoLayout            *layout,
                            const Layout           *l,
                            const TandemChartStyle *style)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (TandemRect));
  double cap = 0.25 * l->em;
  double radius = 0.32 * l->em;
  double size = _tandem_chart_type (l, TYPE_LABEL);
  Series *series;

  draw_grid (self, cr, layout, l, style);
  if (self->series->len == 0)
    return;
  series = g_ptr_array_index (self->series, 0);

  /* Whiskers and points first; each dot's place is taken for the labels. */
  for (guint c = 0; c < self->categories->len; c++)
    {
      const Value *v = &g_array_index (series->values, Value, c);
      double x, y;

      if (!_tandem_chart_point_position (self, l, 0, c, &x, &y))
        continue;

      if (isfinite (v->low) && isfinite (v->high))
        {
          double top = _tandem_chart_y_for_value (l, v->high);
          double foot = _tandem_chart_y_for_value (l, v->low);

          cairo_set_line_width (cr, MAX (1.0, 0.1 * l->em));
          _tandem_chart_set_source (cr, &style->series[0], 0.6);
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, foot);
          cairo_move_to (cr, x - cap, top);
          cairo_line_to (cr, x + cap, top);
          cairo_move_to (cr, x - cap, foot);
          cairo_line_to (cr, x + cap, foot);
          cairo_stroke (cr);
        }

      cairo_new_path (cr);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      _tandem_chart_set_source (cr, &style->series[0], 1.0);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, MAX (1.0, 0.08 * l->em));
      _tandem_chart_set_source (cr, &style->background, 1.0);
      cairo_stroke (cr);
      g_array_append_val (taken, ((TandemRect) { x - radius, y - radius, 2 * radius, 2 * radius }));
    }

  /* Then each name beside its point, right or else left, where it
   * overlaps nothing; a crowded point keeps its name in its tooltip and in
   * the data table. */
  for (guint c = 0; c < self->categories->len; c++)
    {
      const Value *v = &g_array_index (series->values, Value, c);
      g_autofree char *label = NULL;
      g_autofree char *n = tandem_format_count (v->n);
      double x, y, width, height = 1.2 * size;
      TandemRect right, left;

      if (!_tandem_chart_point_position (self, l, 0, c, &x, &y))
        continue;
      /* Translators: a point's label on a scatter chart: a group and how many answered */
      label = g_strdup_printf (_("%s (n %s)"), (const char *)g_ptr_array_index (self->categories, c), n);
      width = _tandem_chart_text_width_at (layout, style, label, size);
      right = (TandemRect) { x + 1.6 * radius, y - height / 2, width, height };
      left = (TandemRect) { x - 1.6 * radius - width, y - height / 2, width, height };

      if (right.x + width <= l->plot.x + l->plot.width + 2 * l->pad && !overlaps (taken, &right))
        {
          _tandem_chart_draw_text (cr, layout, style, label, size, FALSE, &style->foreground, right.x, y, 0.0, 0.5, 0);
          g_array_append_val (taken, right);
        }
      else if (left.x >= l->plot.x && !overlaps (taken, &left))
        {
          _tandem_chart_draw_text (cr, layout, style, label, size, FALSE, &style->foreground, left.x, y, 0.0, 0.5, 0);
          g_array_append_val (taken, left);
        }
    }
}
