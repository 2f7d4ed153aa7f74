/* tandem-chart.c — a chart model and the one renderer every surface uses
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
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "tandem-chart.h"
#include "tandem-stats.h"

typedef struct
{
  double value;
  double low;
  double high;
  guint  n;
} Value;

typedef struct
{
  char   *name;
  GArray *values;   /* of Value, one per category */
} Series;

struct _TandemChart
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  char      *note;
  char      *empty_text;
  GPtrArray *categories;
  GPtrArray *series;
  int        band_upper;
  int        band_lower;
  char      *band_label;
  TandemChartKind kind;
  TandemChartUnit unit;
  double     y_min;
  double     y_max;
  double     y_step;
  double     target;         /* NAN: no target line */
  char      *target_label;
};

G_DEFINE_FINAL_TYPE (TandemChart, tandem_chart, G_TYPE_OBJECT)

typedef struct
{
  double     em;
  double     pad;
  double     title_y;
  double     subtitle_y;
  double     legend_y;
  double     note_y;
  TandemRect plot;
  double     inset;
  double     y_min;
  double     y_max;
  double     label_width;   /* horizontal bars: the category labels' column */
} Layout;

#define DEFAULT_FONT "Cantarell, Inter, Noto Sans, DejaVu Sans, Sans"
#define TEXT_BASE_SIZE 48.0   /* pixels: text is laid out at this size, then scaled */

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
  g_clear_pointer (&self->target_label, g_free);
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
  self->band_upper = -1;
  self->band_lower = -1;
  self->kind = TANDEM_CHART_LINES;
  self->unit = TANDEM_CHART_PERCENT;
  self->y_min = 0;
  self->y_max = 100;
  self->y_step = 25;
  self->target = NAN;
}

static void
set_rgb (TandemColor *color,
         guint32      rgb,
         double       alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

/**
 * tandem_chart_style_init_light:
 *
 * The fixed palette of exports and light style: libadwaita's blue for
 * executives and a deep orange for ICs, a pair that stays apart for the
 * common forms of colour blindness.
 */
void
tandem_chart_style_init_light (TandemChartStyle *style)
{
  g_return_if_fail (style != NULL);

  set_rgb (&style->background, 0xffffff, 1.0);
  set_rgb (&style->foreground, 0x241f31, 1.0);
  set_rgb (&style->muted, 0x5e5c64, 1.0);
  set_rgb (&style->grid, 0xdeddda, 1.0);
  set_rgb (&style->band, 0x9a9996, 0.28);
  set_rgb (&style->series[0], 0x1c71d8, 1.0);
  set_rgb (&style->series[1], 0xc64600, 1.0);
  set_rgb (&style->series[2], 0x26a269, 1.0);
  set_rgb (&style->series[3], 0x813d9c, 1.0);
  style->font_family = DEFAULT_FONT;
}

void
tandem_chart_style_init_dark (TandemChartStyle *style)
{
  g_return_if_fail (style != NULL);

  set_rgb (&style->background, 0x242424, 1.0);
  set_rgb (&style->foreground, 0xffffff, 1.0);
  set_rgb (&style->muted, 0xc0bfbc, 1.0);
  set_rgb (&style->grid, 0x3d3846, 1.0);
  set_rgb (&style->band, 0xc0bfbc, 0.22);
  set_rgb (&style->series[0], 0x62a0ea, 1.0);
  set_rgb (&style->series[1], 0xffa348, 1.0);
  set_rgb (&style->series[2], 0x8ff0a4, 1.0);
  set_rgb (&style->series[3], 0xdc8add, 1.0);
  style->font_family = DEFAULT_FONT;
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
  g_return_val_if_fail (self->series->len < TANDEM_CHART_MAX_SERIES, 0);

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

static char *
format_value (TandemChart *self,
              double       value)
{
  if (self->unit == TANDEM_CHART_PERCENT)
    /* Translators: a percentage on a chart axis; use your language's form, e.g. "25 %" */
    return g_strdup_printf (_("%.0f%%"), value);
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
        g_autofree char *from = format_value (self, g_array_index (series->values, Value, first).value);
        g_autofree char *to = format_value (self, g_array_index (series->values, Value, last).value);

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

/* The family fontconfig chooses first for @families, a comma-separated
 * list, in the user's language; @families itself where fonts are not
 * fontconfig's. The answer is kept for as long as the configuration is. */
static char *
resolve_family (const char *families)
{
  static char *cached_families;
  static char *cached_family;
  static FcConfig *cached_config;
  G_LOCK_DEFINE_STATIC (cache);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  FcConfig *config;
  char *family;

  if (!PANGO_IS_FC_FONT_MAP (map))
    return g_strdup (families);

  /* Pango has a configuration of its own only when given one. */
  config = pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (map));
  if (config == NULL)
    config = FcConfigGetCurrent ();
  G_LOCK (cache);
  if (config != cached_config || g_strcmp0 (families, cached_families) != 0)
    {
      g_auto(GStrv) names = g_strsplit (families, ",", -1);
      FcPattern *pattern = FcPatternCreate ();
      FcPattern *match;
      FcResult result;
      FcChar8 *name;

      for (guint i = 0; names[i] != NULL; i++)
        if (*g_strstrip (names[i]) != '\0')
          FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *)names[i]);
      FcPatternAddString (pattern, FC_LANG,
                          (const FcChar8 *)pango_language_to_string (pango_language_get_default ()));
      FcConfigSubstitute (config, pattern, FcMatchPattern);
      FcDefaultSubstitute (pattern);
      match = FcFontMatch (config, pattern, &result);

      g_free (cached_families);
      g_free (cached_family);
      cached_families = g_strdup (families);
      cached_config = config;
      if (match != NULL && FcPatternGetString (match, FC_FAMILY, 0, &name) == FcResultMatch)
        cached_family = g_strdup ((const char *)name);
      else
        cached_family = g_strdup (families);
      g_clear_pointer (&match, FcPatternDestroy);
      FcPatternDestroy (pattern);
    }
  family = g_strdup (cached_family);
  G_UNLOCK (cache);
  return family;
}

/**
 * tandem_chart_style_new_font:
 * @style: a chart style
 * @size: the text's height in pixels (an absolute size)
 * @bold: whether the text is bold
 *
 * The font a chart's text is set in: the first of the style's families
 * that is installed, named alone. Pango measures each font's overall
 * metrics with a layout of its own, in a description that names only the
 * font's family; naming that same family lets it share the chart's font
 * set, where a family list would have fontconfig match every font twice.
 *
 * Returns: (transfer full): a font description
 */
PangoFontDescription *
tandem_chart_style_new_font (const TandemChartStyle *style,
                             double                  size,
                             gboolean                bold)
{
  PangoFontDescription *font = pango_font_description_from_string ("");
  g_autofree char *family = resolve_family (style != NULL && style->font_family != NULL ? style->font_family
                                                                                         : DEFAULT_FONT);

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

/* The width of the widest category label at the size they are drawn. */
static double
measure_labels (TandemChart *self,
                double       em)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = tandem_chart_style_new_font (NULL, TEXT_BASE_SIZE, FALSE);
  double widest = 0;

  pango_layout_set_font_description (layout, font);
  for (guint c = 0; c < self->categories->len; c++)
    {
      PangoRectangle logical;

      pango_layout_set_text (layout, g_ptr_array_index (self->categories, c), -1);
      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, (double)logical.width / PANGO_SCALE);
    }
  g_object_unref (context);
  return ceil (widest * 0.9 * em / TEXT_BASE_SIZE);
}

static void
compute_layout (TandemChart *self,
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
  l->note_y = bottom - 1.2 * l->em;
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
      l->plot.y = y + 1.6 * l->em;
      l->plot.width = MAX (l->em, width - l->plot.x - l->pad);
      l->plot.height = MAX (l->em, bottom - l->plot.y);
    }
  l->inset = MIN (2.5 * l->em, l->plot.width / 4.0);
  l->y_min = self->y_min;
  l->y_max = self->y_max;
}

static double
x_for_category (TandemChart  *self,
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

static double
y_for_value (const Layout *l,
             double        value)
{
  double t = (CLAMP (value, l->y_min, l->y_max) - l->y_min) / (l->y_max - l->y_min);

  return l->plot.y + l->plot.height * (1.0 - t);
}

/* Horizontal bars: where a value ends, and the middle of a category's row. */
static double
x_for_value (const Layout *l,
             double        value)
{
  double t = (CLAMP (value, l->y_min, l->y_max) - l->y_min) / (l->y_max - l->y_min);

  return l->plot.x + l->plot.width * t;
}

static double
y_for_category (TandemChart  *self,
                const Layout *l,
                guint         category)
{
  return l->plot.y + (category + 0.5) * l->plot.height / MAX (self->categories->len, 1);
}

static double
hbar_thickness (TandemChart  *self,
                const Layout *l)
{
  double slot = l->plot.height / MAX (self->categories->len, 1);

  return MIN (slot * 0.75 / MAX (self->series->len, 1), 1.6 * l->em);
}

/* The middle of the bar of @series in its category's row. */
static double
hbar_offset (TandemChart  *self,
             const Layout *l,
             guint         series)
{
  double bar = hbar_thickness (self, l);

  return (series - (self->series->len - 1) / 2.0) * bar;
}

/* Heatmap rows are no taller than three lines of text. */
static double
heatmap_row_height (TandemChart  *self,
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

  compute_layout (self, width, height, &l);
  *out_area = l.plot;
}

/**
 * tandem_chart_get_point:
 *
 * Where the point of @series at @category is drawn on a chart of the given
 * size: for hit-testing, tooltips and tests.
 *
 * Returns: %FALSE when that point has no value (missing or suppressed)
 */
/* Where a point is drawn; a hidden or missing one is placed where its
 * label goes (the base of its bar, the middle of the axis, its cell). */
static gboolean
point_position (TandemChart  *self,
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
      *out_y = l->plot.y + (category + 0.5) * heatmap_row_height (self, l);
      return TRUE;
    }
  if (self->kind == TANDEM_CHART_BARS)
    {
      guint n_series = MAX (self->series->len, 1);
      double slot = l->plot.width / MAX (self->categories->len, 1);
      double bar = MIN (slot * 0.7 / n_series, 3.0 * l->em);

      *out_x = x_for_category (self, l, category) + (series - n_series / 2.0 + 0.5) * bar;
      *out_y = y_for_value (l, shown);
      return TRUE;
    }
  if (self->kind == TANDEM_CHART_HBARS)
    {
      *out_x = x_for_value (l, shown);
      *out_y = y_for_category (self, l, category) + hbar_offset (self, l, series);
      return TRUE;
    }
  if (!isfinite (value))
    return FALSE;   /* a line has no place for what it does not draw */
  *out_x = x_for_category (self, l, category);
  *out_y = y_for_value (l, value);
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

  compute_layout (self, width, height, &l);
  if (!point_position (self, &l, series, category, &x, &y))
    return FALSE;
  if (out_x != NULL)
    *out_x = x;
  if (out_y != NULL)
    *out_y = y;
  return TRUE;
}

static void
set_source (cairo_t           *cr,
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

/**
 * tandem_chart_load_fonts:
 * @cr: a context like the one charts will be rendered on (same kind of
 *   surface, same scale)
 *
 * Loads the faces charts use into the calling thread's font map, and shapes
 * a line in each: the slow first steps of any text (fontconfig, font files,
 * shaping plans), done before the figures are needed.
 */
void
tandem_chart_load_fonts (cairo_t *cr)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (cr != NULL);

  /* The same context as tandem_chart_render() lays its text out in. */
  layout = pango_cairo_create_layout (cr);
  for (int bold = 0; bold <= 1; bold++)
    {
      g_autoptr(PangoFontDescription) font = tandem_chart_style_new_font (NULL, TEXT_BASE_SIZE, bold);
      PangoRectangle logical;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, "Aa 0123456789%", -1);
      pango_layout_get_extents (layout, NULL, &logical);
    }
}

/* Draws @text with its anchor (0 = left/top, 0.5 = centre, 1 = right/bottom)
 * at (x, y), ellipsized to @max_width when that is above 0.
 * Returns the width the text took. */
static double
draw_text (cairo_t                *cr,
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
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  width = scale * logical.width / PANGO_SCALE;
  height = scale * logical.height / PANGO_SCALE;

  cairo_save (cr);
  set_source (cr, color, 1.0);
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
static double
text_width_at (PangoLayout            *layout,
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

static void
draw_band (TandemChart  *self,
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
            cairo_line_to (cr, x_for_category (self, l, c),
                           y_for_value (l, g_array_index (upper->values, Value, c).value));
          for (guint c = end; c > start; c--)
            cairo_line_to (cr, x_for_category (self, l, c - 1),
                           y_for_value (l, g_array_index (lower->values, Value, c - 1).value));
          cairo_close_path (cr);
          set_source (cr, &style->band, 1.0);
          cairo_fill (cr);
        }
      start = end;
    }
}

static void
draw_series (TandemChart            *self,
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
      set_source (cr, &style->series[s], 0.6);
      for (guint c = 0; c < self->categories->len; c++)
        {
          const Value *v = &g_array_index (series->values, Value, c);
          double x = x_for_category (self, l, c) + offset;
          double cap = 0.25 * l->em;

          if (!isfinite (v->value) || !isfinite (v->low) || !isfinite (v->high))
            continue;
          cairo_move_to (cr, x, y_for_value (l, v->low));
          cairo_line_to (cr, x, y_for_value (l, v->high));
          cairo_move_to (cr, x - cap, y_for_value (l, v->low));
          cairo_line_to (cr, x + cap, y_for_value (l, v->low));
          cairo_move_to (cr, x - cap, y_for_value (l, v->high));
          cairo_line_to (cr, x + cap, y_for_value (l, v->high));
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
      set_source (cr, &style->series[s], 1.0);
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
            cairo_line_to (cr, x_for_category (self, l, c), y_for_value (l, v->value));
          else
            cairo_move_to (cr, x_for_category (self, l, c), y_for_value (l, v->value));
          pen_down = TRUE;
        }
      cairo_stroke (cr);

      for (guint c = 0; c < self->categories->len; c++)
        {
          const Value *v = &g_array_index (series->values, Value, c);

          if (!isfinite (v->value))
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, x_for_category (self, l, c), y_for_value (l, v->value),
                     0.34 * l->em, 0, 2 * G_PI);
        }
      if (style->background.alpha > 0)
        {
          cairo_fill_preserve (cr);
          set_source (cr, &style->background, 1.0);
          cairo_set_line_width (cr, MAX (1.0, 0.1 * l->em));
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }
}

static void
draw_axes (TandemChart            *self,
           cairo_t                *cr,
           PangoLayout            *layout,
           const Layout           *l,
           const TandemChartStyle *style)
{
  double spacing, label_step;
  guint step;

  cairo_set_line_width (cr, 1.0);
  set_source (cr, &style->grid, 1.0);
  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      double y = round (y_for_value (l, tick)) + 0.5;

      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
    }
  cairo_stroke (cr);

  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      g_autofree char *label = format_value (self, tick);

      draw_text (cr, layout, style, label, 0.85 * l->em, FALSE, &style->muted,
                 l->plot.x - 0.5 * l->em, y_for_value (l, tick), 1.0, 0.5, 0);
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
      double x = x_for_category (self, l, c);
      double y = l->plot.y + l->plot.height + 0.5 * l->em;

      draw_text (cr, layout, style, g_ptr_array_index (self->categories, c), 0.9 * l->em, FALSE,
                 &style->foreground, x, y, 0.5, 0.0, step * spacing - 0.3 * l->em);

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          guint n = g_array_index (series->values, Value, c).n;

          if (counts->len > 0)
            g_string_append (counts, " / ");
          g_string_append_printf (counts, "%u", n);
        }
      if (counts->len > 0)
        {
          /* Translators: the sample sizes under a chart column, e.g. "n 19 / 301" */
          g_autofree char *label = g_strdup_printf (_("n %s"), counts->str);

          draw_text (cr, layout, style, label, 0.75 * l->em, FALSE, &style->muted,
                     x, y + 1.25 * l->em, 0.5, 0.0, step * spacing - 0.3 * l->em);
        }
    }
}

static void
draw_legend (TandemChart            *self,
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
      set_source (cr, &style->series[s], 1.0);
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
      x += draw_text (cr, layout, style, series->name, 0.9 * l->em, FALSE, &style->foreground,
                      x, y, 0.0, 0.5, right - x);
      x += 1.4 * l->em;
    }

  if (self->band_upper >= 0 && self->kind == TANDEM_CHART_LINES && x < right - 4 * l->em)
    {
      set_source (cr, &style->band, 1.0);
      cairo_rectangle (cr, x, y - 0.5 * l->em, 1.6 * l->em, l->em);
      cairo_fill (cr);
      x += 2.1 * l->em;
      draw_text (cr, layout, style, self->band_label ? self->band_label : _("Gap"),
                 0.9 * l->em, FALSE, &style->foreground,
                 x, y, 0.0, 0.5, right - x);
    }
}

/* @a − @b in whole points, for a signed label: a gap that rounds to
 * nothing reads "+0", never "-0". */
static double
gap_points (double a,
            double b)
{
  double points = round (a - b);

  return points == 0 ? 0.0 : points;
}

static void
draw_bars (TandemChart            *self,
           cairo_t                *cr,
           PangoLayout            *layout,
           const Layout           *l,
           const TandemChartStyle *style)
{
  guint n_series = MAX (self->series->len, 1);
  double slot = l->plot.width / MAX (self->categories->len, 1);
  double bar = MIN (slot * 0.7 / n_series, 3.0 * l->em);
  double base = y_for_value (l, MAX (self->y_min, 0.0));
  double label_size = MIN (0.85 * l->em, 0.45 * bar);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      set_source (cr, &style->series[s], 1.0);
      for (guint c = 0; c < self->categories->len; c++)
        {
          double value = g_array_index (series->values, Value, c).value;
          double x = x_for_category (self, l, c) + (s - n_series / 2.0) * bar;
          double y;

          if (!isfinite (value))
            continue;
          y = y_for_value (l, value);
          cairo_rectangle (cr, x + 0.06 * bar, MIN (y, base), 0.88 * bar, fabs (base - y));
        }
      cairo_fill (cr);
    }

  /* Each bar's value on top of it; a hidden group says so where its bar
   * would stand. */
  for (guint s = 0; s < self->series->len && label_size >= 0.5 * l->em; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint c = 0; c < self->categories->len; c++)
        {
          const Value *v = &g_array_index (series->values, Value, c);
          double x = x_for_category (self, l, c) + (s - n_series / 2.0 + 0.5) * bar;
          g_autofree char *label = NULL;

          if (isfinite (v->value))
            {
              label = format_value (self, v->value);
              draw_text (cr, layout, style, label, label_size, TRUE, &style->foreground,
                         x, y_for_value (l, v->value) - 0.2 * l->em, 0.5, 1.0, 0);
            }
          else if (v->n > 0)
            draw_text (cr, layout, style, _("hidden"), 0.8 * label_size, FALSE, &style->muted,
                       x, base - 0.2 * l->em, 0.5, 1.0, bar);
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
        label = g_strdup_printf (_("gap %+.0f pts"), gap_points (a, b));
        draw_text (cr, layout, style, label, 0.95 * l->em, TRUE, &style->muted,
                   x_for_category (self, l, c), y_for_value (l, MAX (a, b)) - 1.5 * l->em, 0.5, 1.0, slot);
      }
}

/* The latest gap, in points, beside the band's last pair of points. */
static void
draw_latest_gap (TandemChart            *self,
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
      g_autofree char *label = NULL;

      if (!isfinite (a) || !isfinite (b))
        continue;
      /* Translators: the latest gap on a chart, in percentage points, with
       * its sign: negative where the lower series is ahead */
      label = g_strdup_printf (_("%+.0f pts"), gap_points (a, b));
      draw_text (cr, layout, style, label, 0.95 * l->em, TRUE, &style->foreground,
                 x_for_category (self, l, c - 1) + 0.9 * l->em, y_for_value (l, (a + b) / 2.0),
                 0.0, 0.5, 0);
      return;
    }
}

static void
draw_target (TandemChart            *self,
             cairo_t                *cr,
             PangoLayout            *layout,
             const Layout           *l,
             const TandemChartStyle *style)
{
  static const double dashes[] = { 6.0, 4.0 };
  double y;

  if (!isfinite (self->target))
    return;
  y = round (y_for_value (l, self->target)) + 0.5;
  cairo_save (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, MAX (1.0, 0.12 * l->em));
  set_source (cr, &style->foreground, 0.7);
  cairo_move_to (cr, l->plot.x, y);
  cairo_line_to (cr, l->plot.x + l->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  if (self->target_label != NULL)
    draw_text (cr, layout, style, self->target_label, 0.8 * l->em, FALSE, &style->foreground,
               l->plot.x + 0.3 * l->em, y - 0.2 * l->em, 0.0, 1.0, 0);
}

/* Rows of categories, a column per series; a cell's colour grows darker
 * with its share, so order reads the same without colour. A hidden cell
 * is hatched, an empty one left blank. */
static void
draw_heatmap (TandemChart            *self,
              cairo_t                *cr,
              PangoLayout            *layout,
              const Layout           *l,
              const TandemChartStyle *style)
{
  guint n_columns = MAX (self->series->len, 1);
  double cell_width = l->plot.width / n_columns;
  double cell_height = heatmap_row_height (self, l);
  double text_size = MIN (0.9 * l->em, 0.45 * cell_height);
  const TandemColor *hue = &style->series[0];
  const TandemColor *paper = style->background.alpha > 0 ? &style->background : &style->grid;

  for (guint s = 0; s < self->series->len; s++)
    draw_text (cr, layout, style, ((Series *)g_ptr_array_index (self->series, s))->name, 0.9 * l->em, TRUE,
               &style->foreground, l->plot.x + (s + 0.5) * cell_width, l->plot.y - 0.3 * l->em, 0.5, 1.0,
               cell_width - 0.3 * l->em);

  for (guint c = 0; c < self->categories->len; c++)
    {
      double y = l->plot.y + c * cell_height;

      draw_text (cr, layout, style, g_ptr_array_index (self->categories, c), text_size, FALSE,
                 &style->foreground, l->pad + l->label_width, y + cell_height / 2.0, 1.0, 0.5, l->label_width);

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

              set_source (cr, &fill, 1.0);
              cairo_fill (cr);
              label = format_value (self, v->value);
              draw_text (cr, layout, style, label, text_size, TRUE, &ink,
                         x + cell_width / 2.0, y + cell_height / 2.0, 0.5, 0.5, cell_width);
            }
          else if (v->n > 0)
            {
              set_source (cr, &style->grid, 0.5);
              cairo_fill_preserve (cr);
              cairo_save (cr);
              cairo_clip (cr);
              set_source (cr, &style->muted, 0.5);
              cairo_set_line_width (cr, 1.0);
              for (double d = -cell_height; d < cell_width; d += 0.6 * l->em)
                {
                  cairo_move_to (cr, x + d, y + cell_height);
                  cairo_line_to (cr, x + d + cell_height, y);
                }
              cairo_stroke (cr);
              cairo_restore (cr);
              draw_text (cr, layout, style, _("hidden"), 0.85 * text_size, FALSE, &style->foreground,
                         x + cell_width / 2.0, y + cell_height / 2.0, 0.5, 0.5, cell_width);
            }
          else
            {
              set_source (cr, &style->grid, 1.0);
              cairo_set_line_width (cr, 1.0);
              cairo_stroke (cr);
            }
        }
    }
}

/* Horizontal bars, with their own axes: category labels on the left, the
 * value grid along the bottom, each value written at its bar's end. */
static void
draw_hbars (TandemChart            *self,
            cairo_t                *cr,
            PangoLayout            *layout,
            const Layout           *l,
            const TandemChartStyle *style)
{
  double bar = hbar_thickness (self, l);
  double base = x_for_value (l, MAX (self->y_min, 0.0));
  double bottom = l->plot.y + l->plot.height;

  cairo_set_line_width (cr, 1.0);
  set_source (cr, &style->grid, 1.0);
  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      double x = round (x_for_value (l, tick)) + 0.5;

      cairo_move_to (cr, x, l->plot.y);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);

  for (double tick = self->y_min; tick <= self->y_max + 1e-9; tick += self->y_step)
    {
      g_autofree char *label = format_value (self, tick);

      draw_text (cr, layout, style, label, 0.8 * l->em, FALSE, &style->muted,
                 x_for_value (l, tick), bottom + 0.4 * l->em, 0.5, 0.0, 0);
    }

  for (guint c = 0; c < self->categories->len; c++)
    draw_text (cr, layout, style, g_ptr_array_index (self->categories, c),
               MIN (0.9 * l->em, 0.6 * l->plot.height / MAX (self->categories->len, 1)), FALSE,
               &style->foreground, l->pad + l->label_width, y_for_category (self, l, c), 1.0, 0.5,
               l->label_width);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint c = 0; c < self->categories->len; c++)
        {
          double value = g_array_index (series->values, Value, c).value;
          double y = y_for_category (self, l, c) + hbar_offset (self, l, s);
          double x;
          g_autofree char *label = NULL;

          if (!isfinite (value))
            continue;
          x = x_for_value (l, value);
          set_source (cr, &style->series[s], 1.0);
          cairo_rectangle (cr, MIN (x, base), y - 0.44 * bar, fabs (x - base), 0.88 * bar);
          cairo_fill (cr);

          if (bar >= 0.45 * l->em)
            {
              label = format_value (self, value);
              draw_text (cr, layout, style, label, MIN (0.8 * l->em, 0.9 * bar), FALSE,
                         &style->foreground, MAX (x, base) + 0.3 * l->em, y, 0.0, 0.5, 0);
            }
        }
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

  compute_layout (self, width, height, &l);
  text_width = width - 2 * l.pad;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background.alpha > 0)
    {
      set_source (cr, &style->background, 1.0);
      cairo_paint (cr);
    }

  layout = pango_cairo_create_layout (cr);

  if (self->title != NULL)
    draw_text (cr, layout, style, self->title, 1.5 * l.em, TRUE, &style->foreground,
               l.pad, l.title_y, 0.0, 0.0, text_width);
  if (self->subtitle != NULL)
    draw_text (cr, layout, style, self->subtitle, 0.95 * l.em, FALSE, &style->muted,
               l.pad, l.subtitle_y, 0.0, 0.0, text_width);
  if (self->note != NULL)
    {
      /* A long note (German, say) gets smaller type rather than lose its end. */
      double size = 0.75 * l.em;
      double needed = text_width_at (layout, style, self->note, size);

      if (needed > text_width)
        size = MAX (0.55 * l.em, size * text_width / needed);
      draw_text (cr, layout, style, self->note, size, FALSE, &style->muted, l.pad, l.note_y, 0.0, 0.0, text_width);
    }

  if (tandem_chart_is_empty (self))
    {
      if (self->empty_text != NULL)
        draw_text (cr, layout, style, self->empty_text, 1.0 * l.em, FALSE, &style->muted,
                   width / 2.0, l.plot.y + l.plot.height / 2.0, 0.5, 0.5, text_width);
      cairo_restore (cr);
      return;
    }

  if (self->kind == TANDEM_CHART_HEATMAP)
    {
      draw_heatmap (self, cr, layout, &l, style);
      cairo_restore (cr);
      return;
    }
  draw_legend (self, cr, layout, &l, style, width);
  if (self->kind == TANDEM_CHART_HBARS)
    {
      draw_hbars (self, cr, layout, &l, style);
      cairo_restore (cr);
      return;
    }
  draw_axes (self, cr, layout, &l, style);
  draw_target (self, cr, layout, &l, style);
  if (self->kind == TANDEM_CHART_BARS)
    draw_bars (self, cr, layout, &l, style);
  else
    {
      draw_band (self, cr, &l, style);
      draw_series (self, cr, &l, style);
      draw_latest_gap (self, cr, layout, &l, style);
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
      set_source (cr, &style->background, 1.0);
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

static const char *
gap_title (TandemDimension dimension)
{
  switch (dimension)
    {
    case TANDEM_DIMENSION_OPTIMISM:
      return _("The optimism gap");
    case TANDEM_DIMENSION_RESOURCES:
      return _("The resource gap");
    case TANDEM_DIMENSION_TRANSPARENCY:
      return _("The transparency gap");
    case TANDEM_N_DIMENSIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tandem_chart_new_gap:
 * @dimension: which of the three gaps
 * @threshold: the anonymity threshold; smaller groups are not drawn
 *
 * The gap between executives and individual contributors on @dimension,
 * wave by wave: both lines, the band between them, 95% intervals, n per
 * point and the latest gap in the subtitle.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
TandemChart *
tandem_chart_new_gap (TandemStore      *store,
                      TandemDimension   dimension,
                      guint             threshold,
                      GError          **error)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *note = NULL;
  guint leaders, ics;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (dimension < TANDEM_N_DIMENSIONS, NULL);

  points = tandem_stats_gap_series (store, dimension, threshold, error);
  if (points == NULL)
    return NULL;

  chart = tandem_chart_new (gap_title (dimension));
  leaders = tandem_chart_add_series (chart, _("Executives"));
  ics = tandem_chart_add_series (chart, _("Individual contributors"));
  tandem_chart_set_band (chart, leaders, ics, NULL);
  tandem_chart_set_empty_text (chart, _("No survey waves yet. Import pulse-survey responses "
                                        "to see how the gap changes over time."));

  for (guint i = 0; i < points->len; i++)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i);
      guint c = tandem_chart_add_category (chart, p->wave_title);

      tandem_chart_set_value (chart, leaders, c, p->leaders.pct,
                              p->leaders.ci_low, p->leaders.ci_high, p->leaders.n);
      tandem_chart_set_value (chart, ics, c, p->ics.pct, p->ics.ci_low, p->ics.ci_high, p->ics.n);
    }

  for (guint i = points->len; i > 0; i--)
    {
      TandemGapPoint *p = g_ptr_array_index (points, i - 1);
      g_autofree char *subtitle = NULL;

      if (!isfinite (p->gap_pts))
        continue;
      /* Translators: the subtitle of a gap chart; the number is in points, the last %s a wave */
      subtitle = g_strdup_printf (_("Share answering favourably, executives and individual "
                                    "contributors · latest gap %.0f points (%s)"),
                                  p->gap_pts, p->wave_title);
      tandem_chart_set_subtitle (chart, subtitle);
      break;
    }
  if (tandem_chart_get_subtitle (chart) == NULL)
    tandem_chart_set_subtitle (chart, _("Share answering favourably, executives and individual contributors"));

  note = g_strdup_printf (_("Favourable: 4 or 5 on a 5-point scale. Whiskers: 95%% confidence "
                            "interval. n: executives / ICs who answered. Groups under %u are "
                            "not shown."),
                          threshold);
  tandem_chart_set_note (chart, note);

  return g_steal_pointer (&chart);
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

  g_return_val_if_fail (TANDEM_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  s = g_ptr_array_index (self->series, series);
  v = &g_array_index (s->values, Value, category);
  name = s->name;
  label = g_ptr_array_index (self->categories, category);

  if (!isfinite (v->value))
    {
      if (v->n == 0)
        /* Translators: a chart point without data: series, category */
        return g_strdup_printf (_("%s, %s: no answers"), name, label);
      /* Translators: a hidden chart point: series, category, sample size */
      return g_strdup_printf (_("%s, %s: hidden to keep answers anonymous (n %u)"), name, label, v->n);
    }

  value = format_value (self, v->value);
  if (isfinite (v->low) && isfinite (v->high))
    {
      g_autofree char *low = format_value (self, v->low);
      g_autofree char *high = format_value (self, v->high);

      /* Translators: series, category, value, interval low and high, sample size */
      return g_strdup_printf (_("%s, %s: %s (95%% interval %s–%s), n %u"), name, label, value, low, high, v->n);
    }
  if (v->n > 0)
    return g_strdup_printf (_("%s, %s: %s, n %u"), name, label, value, v->n);
  return g_strdup_printf (_("%s, %s: %s"), name, label, value);
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

  compute_layout (self, width, height, &l);
  reach = 2.0 * l.em;

  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      {
        double px, py, d;

        if (!point_position (self, &l, s, c, &px, &py))
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

  compute_layout (self, width, height, &l);
  return point_position (self, &l, series, category, out_x, out_y);
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

  return format_value (self, value);
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
