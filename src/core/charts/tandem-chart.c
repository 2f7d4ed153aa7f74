/* tandem-chart.c — the chart model: categories, series, values and what they say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is plain data: categories along x, series of percentages with
 * their intervals and sample sizes. tandem_chart_render() draws it on any
 * cairo_t — the widget's snapshot, a PNG, SVG or PDF surface, a print
 * context — so what a leader sees on screen is what they present. The layout
 * depends only on the size, which lets hit-testing and the tests know where
 * every point lands without drawing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-chart-private.h"

G_DEFINE_FINAL_TYPE (TandemChart, tandem_chart, G_TYPE_OBJECT)

static void
replace_string (char       **slot,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static void
series_free (Series *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static void
tandem_chart_finalize (GObject *object)
{
  TandemChart *self = (TandemChart *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->band_label, g_free);
  g_clear_pointer (&self->band_intervals, g_array_unref);
  g_clear_pointer (&self->x_values, g_array_unref);
  g_clear_pointer (&self->x_label, g_free);
  g_clear_pointer (&self->target_label, g_free);
  g_clear_pointer (&self->low_label, g_free);
  g_clear_pointer (&self->high_label, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_chart_parent_class)->finalize (object);
}

static void
tandem_chart_class_init (TandemChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_chart_finalize;
}

static void
tandem_chart_init (TandemChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify)series_free);
  self->band_intervals = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  self->x_values = g_array_new (FALSE, FALSE, sizeof (double));
  self->band_upper = -1;
  self->band_lower = -1;
  self->kind = TANDEM_CHART_LINES;
  self->unit = TANDEM_CHART_PERCENT;
  self->y_min = 0;
  self->y_max = 100;
  self->y_step = 25;
  self->target = NAN;
}

TandemChart *
tandem_chart_new (const char *title)
{
  TandemChart *self = g_object_new (TANDEM_TYPE_CHART, NULL);

  self->title = g_strdup (title);
  return self;
}

const char *
tandem_chart_get_title (TandemChart *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);
  return self->title;
}

void
tandem_chart_set_subtitle (TandemChart *self,
                           const char  *subtitle)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  replace_string (&self->subtitle, subtitle);
}

const char *
tandem_chart_get_subtitle (TandemChart *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);
  return self->subtitle;
}

void
tandem_chart_set_note (TandemChart *self,
                       const char  *note)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  replace_string (&self->note, note);
}

/* What a heatmap's legend says at either end of its steps, in place of
 * "Fewer favourable" and "More favourable". */
void
tandem_chart_set_scale_labels (TandemChart *self,
                               const char  *low,
                               const char  *high)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  replace_string (&self->low_label, low);
  replace_string (&self->high_label, high);
}

/* Whether a heatmap writes each cell's n beside or under its value (a
 * gap's cell always does). */
void
tandem_chart_set_cells_show_n (TandemChart *self,
                               gboolean     show)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  self->cells_show_n = show;
}

/* What the chart says in place of the plot when it has nothing to show. */
void
tandem_chart_set_empty_text (TandemChart *self,
                             const char  *text)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  replace_string (&self->empty_text, text);
}

static Value
empty_value (void)
{
  Value v = { NAN, NAN, NAN, 0 };
  return v;
}

guint
tandem_chart_add_category (TandemChart *self,
                           const char  *label)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), 0);

  g_ptr_array_add (self->categories, g_strdup (label));
  g_array_append_vals (self->band_intervals, (double[2]) { NAN, NAN }, 1);
  g_array_append_val (self->x_values, (double){ NAN });
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      Value v = empty_value ();

      g_array_append_val (series->values, v);
    }
  return self->categories->len - 1;
}

guint
tandem_chart_get_n_categories (TandemChart *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), 0);
  return self->categories->len;
}

guint
tandem_chart_add_series (TandemChart *self,
                         const char  *name)
{
  Series *series;

  g_return_val_if_fail (TANDEM_IS_CHART (self), 0);
  /* A heatmap's columns share one colour; other kinds give each its own. */
  g_return_val_if_fail (self->series->len < (self->kind == TANDEM_CHART_HEATMAP ? TANDEM_CHART_MAX_COLUMNS
                                                                              : TANDEM_CHART_MAX_SERIES), 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (Value), self->categories->len);
  for (guint i = 0; i < self->categories->len; i++)
    {
      Value v = empty_value ();

      g_array_append_val (series->values, v);
    }
  g_ptr_array_add (self->series, series);
  return self->series->len - 1;
}

guint
tandem_chart_get_n_series (TandemChart *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), 0);
  return self->series->len;
}

/**
 * tandem_chart_set_value:
 * @value: a percentage, or NAN where the point is missing or suppressed
 * @ci_low: the interval's low end, or NAN
 * @ci_high: the interval's high end, or NAN
 * @n: the sample size behind the point (shown even when the value is hidden)
 */
void
tandem_chart_set_value (TandemChart *self,
                        guint        series,
                        guint        category,
                        double       value,
                        double       ci_low,
                        double       ci_high,
                        guint        n)
{
  Series *s;
  Value *v;

  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);

  s = g_ptr_array_index (self->series, series);
  v = &g_array_index (s->values, Value, category);
  v->value = value;
  v->low = ci_low;
  v->high = ci_high;
  v->n = n;
}

/**
 * tandem_chart_set_value_n2:
 * @n2: how many answered in the first of two groups a value compares
 *   (executives, where the value's n is the ICs')
 */
void
tandem_chart_set_value_n2 (TandemChart *self,
                           guint        series,
                           guint        category,
                           guint        n2)
{
  Series *s;

  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);

  s = g_ptr_array_index (self->series, series);
  g_array_index (s->values, Value, category).n2 = n2;
}

double
tandem_chart_get_value (TandemChart *self,
                        guint        series,
                        guint        category)
{
  Series *s;

  g_return_val_if_fail (TANDEM_IS_CHART (self), NAN);
  g_return_val_if_fail (series < self->series->len, NAN);
  g_return_val_if_fail (category < self->categories->len, NAN);

  s = g_ptr_array_index (self->series, series);
  return g_array_index (s->values, Value, category).value;
}

void
tandem_chart_set_kind (TandemChart     *self,
                       TandemChartKind  kind)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  self->kind = kind;
}

/**
 * tandem_chart_set_y_axis:
 * @step: the distance between grid lines
 * @unit: how values and ticks are written
 *
 * The value axis: 0–100 % by default.
 */
void
tandem_chart_set_y_axis (TandemChart     *self,
                         double           min,
                         double           max,
                         double           step,
                         TandemChartUnit  unit)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (max > min && step > 0);

  self->y_min = min;
  self->y_max = max;
  self->y_step = step;
  self->unit = unit;
}

char *
_tandem_chart_format_value (TandemChart *self,
                            double       value)
{
  if (self->unit == TANDEM_CHART_PERCENT)
    /* Translators: a percentage on a chart axis; use your language's form, e.g. "25 %" */
    return g_strdup_printf (_("%.0f%%"), value);
  if (self->unit == TANDEM_CHART_POINTS)
    return g_strdup_printf ("%+.0f", value);
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/**
 * tandem_chart_set_band:
 * @label: (nullable): what the legend calls the band; "Gap" when %NULL
 *
 * Shades the area between two series.
 */
void
tandem_chart_set_band (TandemChart *self,
                       guint        upper,
                       guint        lower,
                       const char  *label)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (upper < self->series->len && lower < self->series->len);

  self->band_upper = (int)upper;
  self->band_lower = (int)lower;
  replace_string (&self->band_label, label);
}

/**
 * tandem_chart_set_target:
 * @value: where the line goes on the value axis; NAN for none
 * @label: (nullable): what the line is, e.g. “Target 60%”
 *
 * A dashed horizontal line the figures are measured against.
 */
void
tandem_chart_set_target (TandemChart *self,
                         double       value,
                         const char  *label)
{
  g_return_if_fail (TANDEM_IS_CHART (self));

  self->target = value;
  replace_string (&self->target_label, label);
}

gboolean
tandem_chart_is_empty (TandemChart *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), TRUE);

  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      if (isfinite (tandem_chart_get_value (self, s, c)))
        return FALSE;

  return TRUE;
}

/**
 * tandem_chart_dup_summary:
 *
 * A sentence or two saying what the chart shows, for screen readers and
 * for the accessible description of the chart widget.
 */
char *
tandem_chart_dup_summary (TandemChart *self)
{
  GString *text;

  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);

  text = g_string_new (self->title);
  g_string_append (text, ". ");

  if (tandem_chart_is_empty (self))
    {
      if (self->empty_text != NULL)
        g_string_append (text, self->empty_text);
      return g_string_free (text, FALSE);
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      int first = -1, last = -1;

      for (guint c = 0; c < self->categories->len; c++)
        if (isfinite (g_array_index (series->values, Value, c).value))
          {
            if (first < 0)
              first = (int)c;
            last = (int)c;
          }
      if (first < 0)
        continue;

      {
        g_autofree char *from = _tandem_chart_format_value (self, g_array_index (series->values, Value, first).value);
        g_autofree char *to = _tandem_chart_format_value (self, g_array_index (series->values, Value, last).value);

        /* Translators: a series of a chart, e.g. "Executives: 61% in 2025 Q2, 66% in 2026 Q3." */
        g_string_append_printf (text, _("%s: %s in %s, %s in %s."),
                                series->name,
                                from, (const char *)g_ptr_array_index (self->categories, first),
                                to, (const char *)g_ptr_array_index (self->categories, last));
      }
      g_string_append_c (text, ' ');
    }

  if (self->subtitle != NULL)
    g_string_append (text, self->subtitle);

  return g_string_free (text, FALSE);
}

/**
 * tandem_chart_set_x:
 * @x: where a scatter chart places @category across, 0–100
 */
void
tandem_chart_set_x (TandemChart *self,
                    guint        category,
                    double       x)
{
  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  g_array_index (self->x_values, double, category) = x;
}

/* What a scatter chart's horizontal axis measures, in percent. */
void
tandem_chart_set_x_label (TandemChart *self,
                          const char  *label)
{
  g_return_if_fail (TANDEM_IS_CHART (self));

  replace_string (&self->x_label, label);
}

/**
 * tandem_chart_set_band_interval:
 * @low: the low end of the gap's 95% interval at @category, in points
 * @high: its high end
 *
 * The interval of the gap the band shows (upper series minus lower), for
 * its label, the tooltips and the data table.
 */
void
tandem_chart_set_band_interval (TandemChart *self,
                                guint        category,
                                double       low,
                                double       high)
{
  double *interval;

  g_return_if_fail (TANDEM_IS_CHART (self));
  g_return_if_fail (category < self->categories->len);

  interval = (double *)(void *)(self->band_intervals->data + category * sizeof (double) * 2);
  interval[0] = low;
  interval[1] = high;
}

/**
 * tandem_chart_get_band_figures:
 * @out_gap: (out): the gap, upper series minus lower, in points
 * @out_low: (out) (optional): its 95% interval's low end, or NAN
 * @out_high: (out) (optional): its high end, or NAN
 *
 * Returns: %FALSE when the chart has no band or either side is not shown
 *   at @category
 */
gboolean
tandem_chart_get_band_figures (TandemChart *self,
                               guint        category,
                               double      *out_gap,
                               double      *out_low,
                               double      *out_high)
{
  const double *interval;
  double upper, lower;

  g_return_val_if_fail (TANDEM_IS_CHART (self), FALSE);
  g_return_val_if_fail (category < self->categories->len, FALSE);
  g_return_val_if_fail (out_gap != NULL, FALSE);

  if (self->band_upper < 0 || self->band_lower < 0)
    return FALSE;
  upper = tandem_chart_get_value (self, self->band_upper, category);
  lower = tandem_chart_get_value (self, self->band_lower, category);
  if (!isfinite (upper) || !isfinite (lower))
    return FALSE;

  interval = (const double *)(const void *)(self->band_intervals->data + category * sizeof (double) * 2);
  *out_gap = upper - lower;
  if (out_low != NULL)
    *out_low = interval[0];
  if (out_high != NULL)
    *out_high = interval[1];
  return TRUE;
}

/* "; gap +8 points (95% interval -4 to 20)" for a point of the band's
 * series where the gap's interval is known, or an empty string. */
static char *
describe_band (TandemChart *self,
               guint        series,
               guint        category)
{
  double gap, low, high;

  if (((int)series != self->band_upper && (int)series != self->band_lower) ||
      !tandem_chart_get_band_figures (self, category, &gap, &low, &high) || !isfinite (low) || !isfinite (high))
    return g_strdup ("");
  /* Translators: appended to a point's description on a gap chart: the gap and its interval */
  return g_strdup_printf (_("; gap %+.0f points (95%% interval %.0f to %.0f)"), gap, low, high);
}

/**
 * tandem_chart_describe_point:
 *
 * What a point says, for its tooltip and for screen readers: the series,
 * the category, the value with its interval, and n — or that it is hidden.
 *
 * Returns: (transfer full): one line of text
 */
char *
tandem_chart_describe_point (TandemChart *self,
                             guint        series,
                             guint        category)
{
  Series *s;
  const Value *v;
  const char *name, *label;
  g_autofree char *value = NULL;
  g_autofree char *n = NULL;

  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  s = g_ptr_array_index (self->series, series);
  v = &g_array_index (s->values, Value, category);
  name = s->name;
  label = g_ptr_array_index (self->categories, category);
  n = tandem_format_count (v->n);

  if (!isfinite (v->value))
    {
      if (v->n == 0)
        /* Translators: a chart point without data: series, category */
        return g_strdup_printf (_("%s, %s: no answers"), name, label);
      /* Translators: a hidden chart point: series, category, sample size */
      return g_strdup_printf (_("%s, %s: hidden to keep answers anonymous (n %s)"), name, label, n);
    }

  value = _tandem_chart_format_value (self, v->value);
  if (v->n2 > 0 && isfinite (v->low) && isfinite (v->high))
    {
      g_autofree char *low = _tandem_chart_format_value (self, v->low);
      g_autofree char *high = _tandem_chart_format_value (self, v->high);

      /* Translators: a gap on a chart: series, category, the gap in points, its interval, then how many
       * executives and ICs answered */
      g_autofree char *n2 = tandem_format_count (v->n2);

      return g_strdup_printf (_("%s, %s: gap %s points (95%% interval %s to %s), n %s / %s"), name, label, value,
                              low, high, n2, n);
    }
  if (isfinite (v->low) && isfinite (v->high))
    {
      g_autofree char *low = _tandem_chart_format_value (self, v->low);
      g_autofree char *high = _tandem_chart_format_value (self, v->high);
      g_autofree char *gap = describe_band (self, series, category);

      /* Translators: series, category, value, interval low and high, sample size; the last %s is empty
       * or "; gap +8 points (95% interval −4 to 20)" */
      return g_strdup_printf (_("%s, %s: %s (95%% interval %s–%s), n %s%s"), name, label, value, low, high, n,
                              gap);
    }
  if (v->n > 0)
    return g_strdup_printf (_("%s, %s: %s, n %s"), name, label, value, n);
  return g_strdup_printf (_("%s, %s: %s"), name, label, value);
}

const char *
tandem_chart_get_series_name (TandemChart *self,
                              guint        series)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return ((Series *)g_ptr_array_index (self->series, series))->name;
}

const char *
tandem_chart_get_category (TandemChart *self,
                           guint        category)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, category);
}

/**
 * tandem_chart_get_figures:
 * @out_low: (out) (optional): the interval's low end, or NAN
 * @out_high: (out) (optional): its high end, or NAN
 * @out_n: (out) (optional): the sample size
 *
 * Returns: the value, NAN when missing or hidden
 */
double
tandem_chart_get_figures (TandemChart *self,
                          guint        series,
                          guint        category,
                          double      *out_low,
                          double      *out_high,
                          guint       *out_n)
{
  const Value *v;

  g_return_val_if_fail (TANDEM_IS_CHART (self), NAN);
  g_return_val_if_fail (series < self->series->len, NAN);
  g_return_val_if_fail (category < self->categories->len, NAN);

  v = &g_array_index (((Series *)g_ptr_array_index (self->series, series))->values, Value, category);
  if (out_low != NULL)
    *out_low = v->low;
  if (out_high != NULL)
    *out_high = v->high;
  if (out_n != NULL)
    *out_n = v->n;
  return v->value;
}

/**
 * tandem_chart_format_value:
 *
 * Returns: (transfer full): @value as the chart writes it, e.g. “61%”
 */
char *
tandem_chart_format_value (TandemChart *self,
                           double       value)
{
  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);

  return _tandem_chart_format_value (self, value);
}

/**
 * tandem_chart_set_target_percent:
 * @target: a share in percent, or NAN (or 0) for no target line
 *
 * A target line labelled “Target N%”, as leaders set for the ICs' share.
 */
void
tandem_chart_set_target_percent (TandemChart *self,
                                 double       target)
{
  g_autofree char *label = NULL;

  g_return_if_fail (TANDEM_IS_CHART (self));

  if (!isfinite (target) || target <= 0 || target > 100)
    {
      tandem_chart_set_target (self, NAN, NULL);
      return;
    }
  /* Translators: the label of a chart's target line; %.0f is a percentage */
  label = g_strdup_printf (_("Target %.0f%%"), target);
  tandem_chart_set_target (self, target, label);
}
