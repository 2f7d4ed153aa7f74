/* test-chart.c — the renderer's pixels and the exported files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>
#include <zlib.h>
#include <unistd.h>

#include "tandem-chart.h"
#include "tandem-export-private.h"
#include "tandem-slides.h"
#include "tandem-stats.h"
#include "tandem-test-util.h"
#include "tandem-verdict.h"

#define WIDTH  800
#define HEIGHT 500

typedef struct
{
  guint8 r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint32 *row = (const guint32 *)(data + (int)y * stride);
  guint32 argb = row[(int)x];
  Pixel p = { (argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff };

  return p;
}

static gboolean
pixel_near (Pixel              p,
            const TandemColor *color,
            const TandemColor *over,
            int                tolerance)
{
  /* The colour as it lands on an opaque background. */
  double a = color->alpha;
  int r = (int)lround (255 * (color->red * a + over->red * (1 - a)));
  int g = (int)lround (255 * (color->green * a + over->green * (1 - a)));
  int b = (int)lround (255 * (color->blue * a + over->blue * (1 - a)));

  return ABS (p.r - r) <= tolerance && ABS (p.g - g) <= tolerance && ABS (p.b - b) <= tolerance;
}

static TandemChart *
make_chart (void)
{
  TandemChart *chart = tandem_chart_new ("Test chart");
  guint top = tandem_chart_add_series (chart, "Leaders");
  guint bottom = tandem_chart_add_series (chart, "ICs");
  const double top_values[] = { 80, 70, 60 };
  const double bottom_values[] = { 20, 30, 40 };

  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *label = g_strdup_printf ("W%u", c + 1);

      tandem_chart_add_category (chart, label);
      tandem_chart_set_value (chart, top, c, top_values[c], NAN, NAN, 30);
      tandem_chart_set_value (chart, bottom, c, bottom_values[c], NAN, NAN, 200);
    }
  tandem_chart_set_band (chart, top, bottom, NULL);
  return chart;
}

static cairo_surface_t *
render (TandemChart            *chart,
        const TandemChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  tandem_chart_render (chart, cr, WIDTH, HEIGHT, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_chart_pixels (void)
{
  g_autoptr(TandemChart) chart = make_chart ();
  TandemChartStyle style;
  cairo_surface_t *surface;
  TandemRect plot;
  double x0, y0, x1, y1, x2, y2;
  double x_band, y_band;

  tandem_chart_style_init_light (&style);
  surface = render (chart, &style);
  tandem_chart_get_plot_area (chart, WIDTH, HEIGHT, &plot);

  /* Points sit where the layout says, in their series' colours. */
  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 0, 1, &x0, &y0));
  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 1, 1, &x1, &y1));
  g_assert_cmpfloat (y0, <, y1);
  g_assert_true (pixel_near (pixel_at (surface, x0, y0), &style.series[0], &style.background, 8));
  g_assert_true (pixel_near (pixel_at (surface, x1, y1), &style.series[1], &style.background, 8));

  /* Along the line, half-way between two points, the line is drawn too. */
  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 0, 2, &x2, &y2));
  g_assert_true (pixel_near (pixel_at (surface, (x0 + x2) / 2, (y0 + y2) / 2),
                             &style.series[0], &style.background, 16));

  /* Between the lines: the band. */
  x_band = (x0 + x2) / 2;
  y_band = ((y0 + y2) / 2 + plot.y + plot.height * (1 - 0.50)) / 2;  /* between 65% and 50% */
  g_assert_true (pixel_near (pixel_at (surface, x_band, y_band), &style.band, &style.background, 6));

  /* Above the top line and below the bottom one: plain background. */
  g_assert_true (pixel_near (pixel_at (surface, x_band, plot.y + plot.height * 0.15),
                             &style.background, &style.background, 2));
  g_assert_true (pixel_near (pixel_at (surface, x_band, plot.y + plot.height * 0.85),
                             &style.background, &style.background, 2));

  cairo_surface_destroy (surface);
}

static void
test_chart_suppressed_point (void)
{
  g_autoptr(TandemChart) chart = make_chart ();
  TandemChartStyle style;
  cairo_surface_t *surface;
  TandemRect plot;
  double x, y;

  tandem_chart_style_init_light (&style);
  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 0, 1, &x, &y));

  /* A hidden group: no point, no line through it, no band around it. */
  tandem_chart_set_value (chart, 0, 1, NAN, NAN, NAN, 3);
  g_assert_false (tandem_chart_get_point (chart, WIDTH, HEIGHT, 0, 1, NULL, NULL));
  surface = render (chart, &style);
  tandem_chart_get_plot_area (chart, WIDTH, HEIGHT, &plot);

  g_assert_false (pixel_near (pixel_at (surface, x, y), &style.series[0], &style.background, 40));
  g_assert_true (pixel_near (pixel_at (surface, x, plot.y + plot.height * 0.45),
                             &style.background, &style.background, 2));

  cairo_surface_destroy (surface);
}

/* Paired bars stand where the layout says, in their series' colours; a
 * hidden bar is not drawn. */
static void
test_chart_bars (void)
{
  g_autoptr(TandemChart) chart = make_chart ();
  TandemChartStyle style;
  cairo_surface_t *surface;
  TandemRect plot;
  double x, y;

  tandem_chart_set_kind (chart, TANDEM_CHART_BARS);
  tandem_chart_set_value (chart, 0, 2, NAN, NAN, NAN, 3);   /* hidden */
  tandem_chart_style_init_light (&style);
  surface = render (chart, &style);
  tandem_chart_get_plot_area (chart, WIDTH, HEIGHT, &plot);

  for (guint s = 0; s < 2; s++)
    for (guint c = 0; c < 2; c++)
      {
        g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, s, c, &x, &y));
        /* halfway down the bar: its colour; above its top: not */
        g_assert_true (pixel_near (pixel_at (surface, x, (y + plot.y + plot.height) / 2),
                                   &style.series[s], &style.background, 8));
        g_assert_false (pixel_near (pixel_at (surface, x, y - 0.05 * plot.height - 30),
                                    &style.series[s], &style.background, 40));
      }
  g_assert_false (tandem_chart_get_point (chart, WIDTH, HEIGHT, 0, 2, &x, &y));
  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 1, 2, &x, &y));
  /* where the hidden executives' bar would be, left of the ICs' bar */
  g_assert_false (pixel_near (pixel_at (surface, x - plot.width * 0.06, plot.y + plot.height * 0.9),
                              &style.series[0], &style.background, 40));
  cairo_surface_destroy (surface);
}

/* A heatmap cell is darker the larger its share; a hidden one is not
 * coloured at all. */
static void
test_chart_heatmap (void)
{
  g_autoptr(TandemChart) chart = tandem_chart_new ("Heat");
  TandemChartStyle style;
  cairo_surface_t *surface;
  TandemRect plot;
  double x, y, cell;
  Pixel low, high, hidden;

  for (guint s = 0; s < 3; s++)
    tandem_chart_add_series (chart, "D");
  tandem_chart_add_category (chart, "A");
  tandem_chart_add_category (chart, "B");
  tandem_chart_set_kind (chart, TANDEM_CHART_HEATMAP);
  tandem_chart_set_value (chart, 0, 0, 10, NAN, NAN, 50);
  tandem_chart_set_value (chart, 1, 0, 90, NAN, NAN, 50);
  tandem_chart_set_value (chart, 2, 0, NAN, NAN, NAN, 4);
  tandem_chart_set_value (chart, 0, 1, 50, NAN, NAN, 50);

  tandem_chart_style_init_light (&style);
  surface = render (chart, &style);
  tandem_chart_get_plot_area (chart, WIDTH, HEIGHT, &plot);
  cell = plot.width / 3;

  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 0, 0, &x, &y));
  low = pixel_at (surface, x - 0.4 * cell, y);
  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 1, 0, &x, &y));
  high = pixel_at (surface, x - 0.4 * cell, y);
  g_assert_false (tandem_chart_get_point (chart, WIDTH, HEIGHT, 2, 0, NULL, NULL));
  hidden = pixel_at (surface, x + 0.6 * cell, y);             /* the next column's cell */

  g_assert_cmpint (high.r + high.g + high.b, <, low.r + low.g + low.b - 150);
  g_assert_cmpint (high.b, >, high.r);                        /* the blue hue */
  g_assert_cmpint (ABS (hidden.b - hidden.r), <, 30);          /* grey, not blue */
  cairo_surface_destroy (surface);
}

/* Tooltips and screen readers get the value, its interval and n; the
 * pointer finds the nearest point. */
static void
test_chart_describe_and_hit (void)
{
  g_autoptr(TandemChart) chart = make_chart ();
  g_autofree char *shown = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *ci = NULL;
  guint s = 99, c = 99;
  double x, y;

  shown = tandem_chart_describe_point (chart, 0, 1);
  g_assert_cmpstr (shown, ==, "Leaders, W2: 70%, n 30");
  tandem_chart_set_value (chart, 1, 2, 40, 31.5, 48.7, 200);
  ci = tandem_chart_describe_point (chart, 1, 2);
  g_assert_cmpstr (ci, ==, "ICs, W3: 40% (95% interval 32%–49%), n 200");
  /* On a gap chart the band's interval joins the description. */
  {
    g_autofree char *with_gap = NULL;
    double gap, low, high;

    tandem_chart_set_value (chart, 0, 2, 60, 50.2, 69.1, 100);
    tandem_chart_set_band_interval (chart, 2, 7.4, 31.9);
    g_assert_true (tandem_chart_get_band_figures (chart, 2, &gap, &low, &high));
    g_assert_cmpfloat (gap, ==, 20);
    g_assert_cmpfloat (low, ==, 7.4);
    g_assert_cmpfloat (high, ==, 31.9);
    with_gap = tandem_chart_describe_point (chart, 1, 2);
    g_assert_cmpstr (with_gap, ==, "ICs, W3: 40% (95% interval 32%–49%), n 200; gap +20 points (95% interval 7 to 32)");
  }
  tandem_chart_set_value (chart, 0, 2, NAN, NAN, NAN, 3);
  g_assert_false (tandem_chart_get_band_figures (chart, 2, &x, NULL, NULL));
  hidden = tandem_chart_describe_point (chart, 0, 2);
  g_assert_cmpstr (hidden, ==, "Leaders, W3: hidden to keep answers anonymous (n 3)");

  g_assert_true (tandem_chart_get_point (chart, WIDTH, HEIGHT, 1, 0, &x, &y));
  g_assert_true (tandem_chart_hit_test (chart, WIDTH, HEIGHT, x + 3, y - 2, &s, &c));
  g_assert_cmpuint (s, ==, 1);
  g_assert_cmpuint (c, ==, 0);
  g_assert_false (tandem_chart_hit_test (chart, WIDTH, HEIGHT, 2, 2, &s, &c));
}

static void
test_chart_empty (void)
{
  g_autoptr(TandemChart) chart = tandem_chart_new ("Nothing yet");
  g_autofree char *summary = NULL;
  TandemChartStyle style;
  cairo_surface_t *surface;
  guint series_pixels = 0;

  tandem_chart_add_series (chart, "Leaders");
  tandem_chart_set_empty_text (chart, "No survey waves yet.");
  g_assert_true (tandem_chart_is_empty (chart));

  tandem_chart_style_init_dark (&style);
  surface = render (chart, &style);
  for (int y = 0; y < HEIGHT; y += 4)
    for (int x = 0; x < WIDTH; x += 4)
      if (pixel_near (pixel_at (surface, x, y), &style.series[0], &style.background, 10))
        series_pixels++;
  g_assert_cmpuint (series_pixels, ==, 0);
  cairo_surface_destroy (surface);

  summary = tandem_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, "No survey waves yet."));
}

static void
test_chart_summary (void)
{
  g_autoptr(TandemChart) chart = make_chart ();
  g_autofree char *summary = tandem_chart_dup_summary (chart);

  g_assert_nonnull (strstr (summary, "Test chart"));
  g_assert_nonnull (strstr (summary, "Leaders: 80% in W1, 60% in W3."));
  g_assert_nonnull (strstr (summary, "ICs: 20% in W1, 40% in W3."));
}

static void
test_chart_tiny_and_cjk (void)
{
  g_autoptr(TandemChart) chart = make_chart ();
  TandemChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);

  /* Very small sizes and long or CJK titles must not crash or overflow. */
  tandem_chart_set_subtitle (chart, "AI-Optimismus-Lücke zwischen Führungskräften und Mitarbeitenden "
                                    "(Zustimmungsanteil) · 楽観度ギャップ");
  tandem_chart_style_init_light (&style);
  tandem_chart_render (chart, cr, 64, 64, &style);
  tandem_chart_render (chart, cr, 0, 0, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Text handed to a text function is not drawn: the title's area stays
 * background, where it is dark without one. */
static void
collect_text (PangoLayout          *layout,
              const cairo_matrix_t *matrix,
              const TandemColor    *color,
              gpointer              user_data)
{
  g_ptr_array_add (user_data, g_strdup (pango_layout_get_text (layout)));
}

/* Keeps the smallest text size handed over, in pixels. */
static void
collect_size (PangoLayout          *layout,
              const cairo_matrix_t *matrix,
              const TandemColor    *color,
              gpointer              user_data)
{
  double *smallest = user_data;
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double size = (double)pango_font_description_get_size (font) / PANGO_SCALE * hypot (matrix->xy, matrix->yy);

  *smallest = MIN (*smallest, size);
}

/* Pixels in the text colour, in the rows above @height. */
static guint
count_text_pixels (cairo_surface_t        *surface,
                   const TandemChartStyle *style,
                   int                     height)
{
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < WIDTH; x++)
      count += pixel_near (pixel_at (surface, x, y), &style->foreground, &style->background, 24);
  return count;
}

static void
test_chart_text_func (void)
{
  g_autoptr(TandemChart) chart = make_chart ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  TandemChartStyle style;
  cairo_surface_t *drawn;
  cairo_surface_t *handed;
  TandemRect plot;
  cairo_t *cr;

  tandem_chart_style_init_light (&style);
  tandem_chart_get_plot_area (chart, WIDTH, HEIGHT, &plot);
  drawn = render (chart, &style);

  handed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (handed);
  tandem_chart_set_text_func (cr, collect_text, texts);
  tandem_chart_render (chart, cr, WIDTH, HEIGHT, &style);
  cairo_destroy (cr);
  cairo_surface_flush (handed);

  /* Every piece of text reached the function: title, legend, axis labels. */
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Test chart", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Leaders", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "W2", g_str_equal, NULL));
  /* The latest gap, with its sign: leaders 60%, ICs 40%. */
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "+20 pts", g_str_equal, NULL));

  /* Above the plot (title and legend): text without the function, none with it. */
  g_assert_cmpuint (count_text_pixels (drawn, &style, (int)plot.y), >, 100);
  g_assert_cmpuint (count_text_pixels (handed, &style, (int)plot.y), ==, 0);

  /* Where the ICs are ahead the gap is negative, and says so. */
  tandem_chart_set_value (chart, 1, 2, 75, NAN, NAN, 200);
  g_ptr_array_set_size (texts, 0);
  cr = cairo_create (handed);
  tandem_chart_set_text_func (cr, collect_text, texts);
  tandem_chart_render (chart, cr, WIDTH, HEIGHT, &style);
  cairo_destroy (cr);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "-15 pts", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (texts, "15 pts", g_str_equal, NULL));

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (handed);
}

typedef struct
{
  GString  *text;       /* the current <text> element's content */
  gboolean  in_text;
  GPtrArray *texts;     /* every <text> element's content */
  GPtrArray *weights;   /* and its font-weight */
  GPtrArray *families;  /* and its font-family */
  guint      glyphs;    /* glyph outlines cairo drew as paths */
} SvgScan;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgScan *scan = user_data;

  if (g_str_equal (element, "text"))
    {
      scan->in_text = TRUE;
      g_string_truncate (scan->text, 0);
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "font-weight"))
          g_ptr_array_add (scan->weights, g_strdup (values[i]));
        else if (g_str_equal (names[i], "font-family"))
          g_ptr_array_add (scan->families, g_strdup (values[i]));
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "id") && g_str_has_prefix (values[i], "glyph"))
      scan->glyphs++;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgScan *scan = user_data;

  if (g_str_equal (element, "text"))
    {
      scan->in_text = FALSE;
      g_ptr_array_add (scan->texts, g_strdup (scan->text->str));
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgScan *scan = user_data;

  if (scan->in_text)
    g_string_append_len (scan->text, text, (gssize)length);
}

/* Exports @chart as SVG at @width × @height and scans what it holds. */
static void
scan_svg (TandemChart *chart,
          int          width,
          int          height,
          SvgScan     *scan)
{
  GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GMarkupParseContext *context;
  gsize length;

  g_assert_true (tandem_export_chart (chart, path, width, height, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  scan->text = g_string_new (NULL);
  scan->texts = g_ptr_array_new_with_free_func (g_free);
  scan->weights = g_ptr_array_new_with_free_func (g_free);
  scan->families = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, 0, scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, (gssize)length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  tandem_test_remove_dir (dir);
}

static void
svg_scan_clear (SvgScan *scan)
{
  g_string_free (scan->text, TRUE);
  g_ptr_array_unref (scan->texts);
  g_ptr_array_unref (scan->weights);
  g_ptr_array_unref (scan->families);
}

/* SVG keeps its text as text: escaped, in the right weight, CJK and all;
 * only text cut short with an ellipsis is drawn as outlines. */
static void
test_export_svg_text (void)
{
  g_autoptr(TandemChart) chart = tandem_chart_new ("Gaps & <ties> “quoted”");
  SvgScan scan = { NULL, };
  guint title;

  tandem_chart_add_series (chart, "楽観度ギャップ");
  tandem_chart_add_category (chart, "W1");
  tandem_chart_set_value (chart, 0, 0, 40, NAN, NAN, 30);

  scan_svg (chart, 1920, 1080, &scan);
  g_assert_true (g_ptr_array_find_with_equal_func (scan.texts, "Gaps & <ties> “quoted”", g_str_equal, &title));
  g_assert_cmpstr (g_ptr_array_index (scan.weights, title), ==, "700");
  /* The text was set in the style's first installed family alone; a viewer
   * without it still has the style's whole list. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (scan.families, title), "'"));
  g_assert_nonnull (strstr (g_ptr_array_index (scan.families, title), "'Cantarell', 'Inter', 'Noto Sans'"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (scan.families, title), ", sans-serif"));
  g_assert_true (g_ptr_array_find_with_equal_func (scan.texts, "楽観度ギャップ", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (scan.texts, "W1", g_str_equal, NULL));
  g_assert_cmpuint (scan.glyphs, ==, 0);
  svg_scan_clear (&scan);

  /* Narrow: the subtitle no longer fits and is drawn as it shows, cut short. */
  tandem_chart_set_subtitle (chart, "A subtitle far too long to fit on a chart only a few hundred points wide, "
                                    "so that it has to end in an ellipsis");
  scan_svg (chart, 320, 320, &scan);
  g_assert_true (g_ptr_array_find_with_equal_func (scan.texts, "W1", g_str_equal, NULL));
  for (guint i = 0; i < scan.texts->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (scan.texts, i), "A subtitle"));
  g_assert_cmpuint (scan.glyphs, >, 0);
  svg_scan_clear (&scan);
}

/* A chart's text names one installed family, the one Pango chooses first
 * from the style's list, so that the description Pango makes of a loaded
 * font, to measure its metrics, is the chart's own. */
static void
test_chart_font (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoFontDescription) list = NULL;
  g_autoptr(PangoFontDescription) chosen = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;
  g_autoptr(PangoFontDescription) fallback = NULL;
  g_autoptr(PangoFontDescription) described = NULL;
  PangoFont *loaded = NULL;
  g_autofree char *missing_first = NULL;
  TandemChartStyle style;

  tandem_chart_style_init_light (&style);
  list = pango_font_description_from_string (style.font_family);
  loaded = pango_font_map_load_font (map, context, list);
  chosen = pango_font_describe (loaded);
  g_clear_object (&loaded);

  font = tandem_chart_style_new_font (&style, 18, FALSE);
  g_assert_cmpstr (pango_font_description_get_family (font), ==, pango_font_description_get_family (chosen));
  g_assert_null (strchr (pango_font_description_get_family (font), ','));
  g_assert_true (pango_font_description_get_size_is_absolute (font));
  g_assert_cmpint (pango_font_description_get_size (font), ==, 18 * PANGO_SCALE);
  g_assert_cmpint (pango_font_description_get_weight (font), ==, PANGO_WEIGHT_NORMAL);

  loaded = pango_font_map_load_font (map, context, font);
  described = pango_font_describe_with_absolute_size (loaded);
  g_assert_true (pango_font_description_equal (described, font));

  bold = tandem_chart_style_new_font (&style, 30, TRUE);
  g_assert_cmpstr (pango_font_description_get_family (bold), ==, pango_font_description_get_family (chosen));
  g_assert_cmpint (pango_font_description_get_weight (bold), ==, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (pango_font_description_get_size (bold), ==, 30 * PANGO_SCALE);

  /* A family that is not installed gives way to the next in the list. */
  missing_first = g_strdup_printf ("No Such Family Tandem, %s", pango_font_description_get_family (chosen));
  style.font_family = missing_first;
  fallback = tandem_chart_style_new_font (&style, 18, FALSE);
  g_assert_cmpstr (pango_font_description_get_family (fallback), ==, pango_font_description_get_family (chosen));

  g_object_unref (loaded);
  g_object_unref (context);
}

static guint
count_config_files (FcConfig *config)
{
  FcConfigFileInfoIter iter;
  guint n = 0;

  FcConfigFileInfoIterInit (config, &iter);
  do
    {
      FcChar8 *name, *description;
      FcBool enabled;

      if (FcConfigFileInfoIterGet (config, &iter, &name, &description, &enabled))
        {
          n++;
          FcStrFree (name);
          FcStrFree (description);
        }
    }
  while (FcConfigFileInfoIterNext (config, &iter));
  return n;
}

/* The quick start of fontconfig finds the same fonts as FcInit() for the
 * same requests, leaves out the descriptions of files not in use, and is
 * what Pango then draws with. Run in a process of its own: fontconfig
 * starts once per process. */
static void
test_export_fontconfig (void)
{
  static const char *const requests[] = {
    "sans-serif", "serif", "monospace", "sans-serif:weight=bold", "sans-serif:lang=ja", "Cantarell,DejaVu Sans",
  };
  FcConfig *ours, *standard, *config;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  tandem_export_init_fontconfig ();
  ours = FcConfigGetCurrent ();
  standard = FcInitLoadConfigAndFonts ();
  g_assert_nonnull (standard);
  g_assert_true (ours != standard);
  g_assert_cmpint (FcConfigGetFonts (ours, FcSetSystem)->nfont, >, 0);
  g_assert_cmpint (FcConfigGetFonts (ours, FcSetSystem)->nfont, ==, FcConfigGetFonts (standard, FcSetSystem)->nfont);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      FcConfig *configs[] = { ours, standard };
      FcChar8 *files[2];
      FcPattern *matches[2];

      for (guint c = 0; c < 2; c++)
        {
          FcPattern *pattern = FcNameParse ((const FcChar8 *)requests[i]);
          FcResult result;

          FcConfigSubstitute (configs[c], pattern, FcMatchPattern);
          FcDefaultSubstitute (pattern);
          matches[c] = FcFontMatch (configs[c], pattern, &result);
          g_assert_nonnull (matches[c]);
          g_assert_cmpint (FcPatternGetString (matches[c], FC_FILE, 0, &files[c]), ==, FcResultMatch);
          FcPatternDestroy (pattern);
        }
      g_assert_cmpstr ((const char *)files[0], ==, (const char *)files[1]);
      FcPatternDestroy (matches[0]);
      FcPatternDestroy (matches[1]);
    }

  /* FcInit() also lists every file of the folder of available ones. */
  if (g_file_test ("/usr/share/fontconfig/conf.avail", G_FILE_TEST_IS_DIR))
    g_assert_cmpuint (count_config_files (ours), <, count_config_files (standard));

  /* Pango draws with the current configuration unless given its own. */
  config = pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (pango_cairo_font_map_get_default ()));
  g_assert_true (config == NULL || config == ours);
  g_assert_true (FcConfigGetCurrent () == ours);
  FcConfigDestroy (standard);
}

static guint
count_pdf_pages (const char *contents,
                 gsize       length)
{
  guint pages = 0;

  for (const char *p = contents; p != NULL && p < contents + length;)
    {
      p = memmem (p, (gsize)(contents + length - p), "/Type /Page", strlen ("/Type /Page"));
      if (p == NULL)
        break;
      p += strlen ("/Type /Page");
      if (*p != 's')
        pages++;
    }
  return pages;
}

static void
test_export_formats (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autoptr(TandemChart) chart = make_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *png2 = g_build_filename (dir, "chart-small.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* PNG: the size is in the IHDR chunk, big-endian, at bytes 16 and 20. */
  g_assert_true (tandem_export_chart (chart, png, 1920, 1080, &error));
  g_assert_no_error (error);
  g_file_get_contents (png, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 16)), ==, 1920);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 20)), ==, 1080);
  g_clear_pointer (&contents, g_free);

  g_assert_true (tandem_export_chart (chart, png2, 640, 360, &error));
  g_file_get_contents (png2, &contents, &length, &error);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 16)), ==, 640);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 20)), ==, 360);
  g_clear_pointer (&contents, g_free);

  /* SVG: well-formed XML with an <svg> root of the asked size. */
  g_assert_true (tandem_export_chart (chart, svg, 1920, 1080, &error));
  g_assert_no_error (error);
  g_file_get_contents (svg, &contents, &length, &error);
  g_assert_no_error (error);
  {
    GMarkupParser parser = { NULL, };
    GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

    g_assert_true (g_markup_parse_context_parse (context, contents, (gssize)length, &error));
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
    g_markup_parse_context_free (context);
  }
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"1920"));
  g_clear_pointer (&contents, g_free);

  /* PDF: one page. */
  g_assert_true (tandem_export_chart (chart, pdf, 1920, 1080, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 1);

  tandem_test_remove_dir (dir);
}

/* Whether @a and @b hold the same pixels (cairo's premultiplied ARGB). */
static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);

  if (width != cairo_image_surface_get_width (b) || height != cairo_image_surface_get_height (b))
    return FALSE;
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *)(gconstpointer)(cairo_image_surface_get_data (a) +
                                                            y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *)(gconstpointer)(cairo_image_surface_get_data (b) +
                                                            y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        if (ra[x] != rb[x])
          return FALSE;
    }
  return TRUE;
}

/* The PNG writer (its own, for speed) is lossless: the file reads back as
 * the very pixels drawn, opaque (RGB) and translucent (RGBA) alike. */
static void
test_export_png_lossless (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *translucent = g_build_filename (dir, "translucent.png", NULL);
  g_autoptr(TandemChart) chart = make_chart ();
  g_autoptr(GError) error = NULL;
  TandemChartStyle style;
  cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 450);
  cairo_surface_t *read;
  cairo_t *cr = cairo_create (drawn);
  TandemExportSink sink = { -1, 0 };

  tandem_chart_style_init_light (&style);
  tandem_chart_render (chart, cr, 800, 450, &style);
  cairo_destroy (cr);
  g_assert_true (tandem_export_chart (chart, path, 800, 450, &error));
  g_assert_no_error (error);
  read = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (same_pixels (drawn, read));
  cairo_surface_destroy (read);

  /* Half-transparent pixels survive un- and re-premultiplying. */
  cr = cairo_create (drawn);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgba (cr, 0.2, 0.4, 0.6, 0.5);
  cairo_rectangle (cr, 10, 10, 100, 50);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0);
  cairo_rectangle (cr, 200, 10, 100, 50);
  cairo_fill (cr);
  cairo_destroy (cr);
  sink.fd = g_open (translucent, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (sink.fd, >=, 0);
  g_assert_cmpint (tandem_export_write_png (drawn, &sink), ==, CAIRO_STATUS_SUCCESS);
  close (sink.fd);
  read = cairo_image_surface_create_from_png (translucent);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (same_pixels (drawn, read));
  cairo_surface_destroy (read);
  cairo_surface_destroy (drawn);

  tandem_test_remove_dir (dir);
}

/* Whether the PNG at @path is whole by zlib's own reading: every chunk's
 * CRC right, and its IDAT data one zlib stream (its Adler-32 checked,
 * which libpng does not do) of exactly @height rows of @row_bytes. */
static gboolean
png_stream_whole (const char *path,
                  int         height,
                  gsize       row_bytes)
{
  g_autofree guint8 *contents = NULL;
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  gsize length = 0, at = 8;
  uLongf inflated_length = (uLongf)(height * row_bytes);
  g_autofree guint8 *inflated = g_malloc (inflated_length + 1);

  g_assert_true (g_file_get_contents (path, (char **)&contents, &length, NULL));
  while (at + 12 <= length)
    {
      guint32 size, crc;

      memcpy (&size, contents + at, 4);
      size = GUINT32_FROM_BE (size);
      if (at + 12 + size > length)
        return FALSE;
      memcpy (&crc, contents + at + 8 + size, 4);
      crc = GUINT32_FROM_BE (crc);

      if (crc32 (0, contents + at + 4, size + 4) != crc)
        return FALSE;
      if (memcmp (contents + at + 4, "IDAT", 4) == 0)
        g_byte_array_append (idat, contents + at + 8, size);
      at += 12 + size;
    }
  return at == length &&
         uncompress (inflated, &inflated_length, idat->data, idat->len) == Z_OK &&
         inflated_length == (uLongf)(height * row_bytes);
}

/* Compressed in one to four parts at once, an image of any size reads
 * back as the very pixels drawn, opaque and translucent: every part ends
 * where the next begins and the checksums add up. */
static void
test_export_png_parts (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 7, 3 }, { 333, 257 }, { 800, 450 } };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "parts.png", NULL);
  g_autoptr(TandemChart) chart = make_chart ();
  TandemChartStyle style;

  tandem_chart_style_init_light (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint translucent = 0; translucent < 2; translucent++)
      for (guint parts = 1; parts <= 4; parts++)
        {
          cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[s][0], sizes[s][1]);
          cairo_t *cr = cairo_create (drawn);
          TandemExportSink sink = { -1, 0 };
          cairo_surface_t *read;

          tandem_chart_render (chart, cr, sizes[s][0], sizes[s][1], &style);
          if (translucent)
            {
              cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
              cairo_set_source_rgba (cr, 0.2, 0.4, 0.6, 0.5);
              cairo_rectangle (cr, 0, sizes[s][1] - 1, 1, 1);
              cairo_fill (cr);
            }
          cairo_destroy (cr);
          tandem_export_png_set_parts (parts);
          sink.fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
          g_assert_cmpint (sink.fd, >=, 0);
          g_assert_cmpint (tandem_export_write_png (drawn, &sink), ==, CAIRO_STATUS_SUCCESS);
          close (sink.fd);
          tandem_export_png_set_parts (0);
          read = cairo_image_surface_create_from_png (path);
          g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (read), ==, sizes[s][0]);
          g_assert_true (same_pixels (drawn, read));
          g_assert_true (png_stream_whole (path, sizes[s][1], 1 + (gsize)sizes[s][0] * (translucent ? 4 : 3)));
          cairo_surface_destroy (read);
          cairo_surface_destroy (drawn);
        }
  tandem_test_remove_dir (dir);
}

/* A 2× PNG has twice the pixels of the asked size. */
static void
test_export_scaled (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autoptr(TandemChart) chart = make_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (dir, "chart@2x.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (tandem_export_charts_scaled (&chart, 1, png, 960, 540, 2.0, &error));
  g_assert_no_error (error);
  g_file_get_contents (png, &contents, &length, &error);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 16)), ==, 1920);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(contents + 20)), ==, 1080);
  g_assert_false (tandem_export_charts_scaled (&chart, 1, png, 960, 540, 8.0, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID_SIZE);
  tandem_test_remove_dir (dir);
}

/* The leadership pack: a cover, then a page per slide; an organisation
 * with no data still gets its cover. */
static void
test_export_pack (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *empty_db = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "pack.png", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (db, 7);
  g_autoptr(TandemStore) empty = NULL;
  g_autoptr(GDate) today = tandem_test_demo_today ();
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  slides = tandem_slides_new (store, 5, 60, TANDEM_DEFAULT_MIN_EFFECT, today, &error);
  g_assert_no_error (error);
  /* three gaps, the snapshot, the gap by department, did the programs work,
   * completion, competencies, then coaching: sessions, cadence, confidence */
  g_assert_cmpuint (slides->len, ==, 11);
  g_assert_nonnull (strstr (((TandemSlide *)g_ptr_array_index (slides, 0))->takeaway, " optimism gap "));
  g_assert_nonnull (strstr (((TandemSlide *)g_ptr_array_index (slides, 5))->takeaway, "Association, not cause"));
  /* One chart a slide (and so a page), each with its own finding. */
  for (guint i = 0; i < slides->len; i++)
    g_assert_cmpuint (((TandemSlide *)g_ptr_array_index (slides, i))->charts->len, ==, 1);
  g_assert_true (g_str_has_prefix (((TandemSlide *)g_ptr_array_index (slides, 7))->takeaway,
                                   "Furthest from its targets: "));
  g_assert_nonnull (strstr (((TandemSlide *)g_ptr_array_index (slides, 8))->takeaway, "sessions so far"));
  g_assert_nonnull (strstr (((TandemSlide *)g_ptr_array_index (slides, 9))->takeaway,
                            "active pairs kept to their cadence"));
  g_assert_nonnull (strstr (((TandemSlide *)g_ptr_array_index (slides, 10))->takeaway, "rated session"));

  /* One type scale: at 1080p no text on any slide is under 20 px; on a
   * card the size of the app's (900 × 380) none is under 12 px. */
  for (guint i = 0; i < slides->len; i++)
    {
      TandemSlide *slide = g_ptr_array_index (slides, i);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
      cairo_t *cr = cairo_create (surface);
      TandemChartStyle style;
      double smallest = G_MAXDOUBLE;

      tandem_chart_style_init_light (&style);
      tandem_chart_set_text_func (cr, collect_size, &smallest);
      tandem_slide_render (slide, cr, 1920, 1080, &style);
      g_assert_cmpfloat (smallest, >=, 20.0);

      smallest = G_MAXDOUBLE;
      tandem_chart_render (g_ptr_array_index (slide->charts, 0), cr, 900, 380, &style);
      g_assert_cmpfloat (smallest, >=, 12.0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  g_assert_true (tandem_export_pack (store, pdf, 5, NAN, TANDEM_DEFAULT_MIN_EFFECT, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 1 + slides->len);
  g_clear_pointer (&contents, g_free);

  g_assert_false (tandem_export_pack (store, png, 5, NAN, TANDEM_DEFAULT_MIN_EFFECT, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  empty = tandem_store_open (empty_db, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_export_pack (empty, pdf, 5, NAN, TANDEM_DEFAULT_MIN_EFFECT, &error));
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 1);

  g_clear_object (&store);
  g_clear_object (&empty);
  tandem_test_remove_dir (dir);
}

static void
test_export_errors (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autoptr(TandemChart) chart = make_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_false (tandem_export_chart (chart, gif, 800, 600, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);

  g_assert_false (tandem_export_chart (chart, png, 10, 600, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID_SIZE);
  g_clear_error (&error);

  g_assert_false (tandem_export_chart (chart, nowhere, 800, 600, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE);
  g_clear_error (&error);

  /* A failed export leaves a good earlier file as it was. */
  g_assert_true (tandem_export_chart (chart, png, 800, 600, &error));
  before = tandem_test_checksum (png);
  g_assert_false (tandem_export_chart (chart, png, 800, 100000, &error));
  g_clear_error (&error);
  after = tandem_test_checksum (png);
  g_assert_cmpstr (before, ==, after);

  /* And no temporary files are left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  tandem_test_remove_dir (dir);
}

/* WCAG's relative luminance of a colour drawn opaque. */
static double
luminance (const TandemColor *c)
{
  double channel[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.04045 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static double
contrast (const TandemColor *a,
          const TandemColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Every colour that carries meaning stands out from the background by at
 * least 3:1 (WCAG's for graphics), text by 4.5:1, in light and in dark. */
static void
test_chart_contrast (void)
{
  void (*init[]) (TandemChartStyle *) = { tandem_chart_style_init_light, tandem_chart_style_init_dark };

  for (guint i = 0; i < G_N_ELEMENTS (init); i++)
    {
      TandemChartStyle style;

      init[i] (&style);
      g_assert_cmpfloat (contrast (&style.foreground, &style.background), >=, 4.5);
      g_assert_cmpfloat (contrast (&style.muted, &style.background), >=, 4.5);
      for (guint s = 0; s < TANDEM_CHART_MAX_SERIES; s++)
        {
          g_test_message ("%s series %u: %.2f:1", i == 0 ? "light" : "dark", s,
                          contrast (&style.series[s], &style.background));
          g_assert_cmpfloat (contrast (&style.series[s], &style.background), >=, 3.0);
        }
    }
}

/* What the text of a slide showed: how many pieces, how many in CJK, and
 * each fault (a missing glyph, text past the edge, a line cut short). */
typedef struct
{
  int      width, height;
  guint    texts;
  guint    cjk;
  GString *faults;
} TextCheck;

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
          script == G_UNICODE_SCRIPT_KATAKANA)
        return TRUE;
    }
  return FALSE;
}

static void
check_text (PangoLayout          *layout,
            const cairo_matrix_t *matrix,
            const TandemColor    *color,
            gpointer              user_data)
{
  TextCheck *check = user_data;
  const char *text = pango_layout_get_text (layout);
  PangoRectangle ink, logical;
  double x0, y0, x1, y1;

  check->texts++;
  check->cjk += has_cjk (text);
  if (pango_layout_get_unknown_glyphs_count (layout) > 0)
    g_string_append_printf (check->faults, "no glyph for some of “%s”\n", text);
  if (pango_layout_is_ellipsized (layout))
    g_string_append_printf (check->faults, "“%s” is cut short\n", text);

  /* Where its ink lands on the page: inside it. Rotated text (an axis
   * title) is checked by its corners too. */
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  x0 = ink.x, y0 = ink.y, x1 = ink.x + ink.width, y1 = ink.y + ink.height;
  cairo_matrix_transform_point (matrix, &x0, &y0);
  cairo_matrix_transform_point (matrix, &x1, &y1);
  if (MIN (x0, x1) < -1 || MIN (y0, y1) < -1 || MAX (x0, x1) > check->width + 1 || MAX (y0, y1) > check->height + 1)
    g_string_append_printf (check->faults, "“%s” runs off the page (%.0f,%.0f to %.0f,%.0f of %d × %d)\n",
                            text, x0, y0, x1, y1, check->width, check->height);
}

/* cairo 1.16 (Debian 12), finishing a PDF that embeds a CID-keyed CFF
 * face (Noto Sans CJK), loses two small arrays of its font subsetter. The
 * CJK exports below are made with the leak checker looking away; the same
 * exports in Latin text are checked in full by test_export_pack() and
 * test_export_formats(). */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define CAIRO_CJK_LEAK_BEGIN() __lsan_disable ()
#define CAIRO_CJK_LEAK_END() __lsan_enable ()
#else
#define CAIRO_CJK_LEAK_BEGIN()
#define CAIRO_CJK_LEAK_END()
#endif

/* The font faces pdffonts lists in @pdf. */
static char *
pdf_fonts (const char *pdf)
{
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  const char *argv[] = { pdffonts, pdf, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (pdffonts);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* In Simplified Chinese and in Japanese, every slide and every chart on a
 * card shows its text: translated, every glyph found, none past the edge
 * or cut short; the pack and a chart as PDF embed a CJK face, and the SVG
 * carries the text itself. */
static void
test_chart_cjk (gconstpointer data)
{
  const char *locale = data;

  if (!g_test_subprocess ())
    {
      g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
      locale_t generated = newlocale (LC_ALL_MASK, locale, (locale_t)0);

      if (generated == (locale_t)0 || pdffonts == NULL)
        {
          g_test_skip ("the locale is not generated, or pdffonts is missing (./dev.sh test brings both)");
          return;
        }
      freelocale (generated);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*CJK text checked*");
      return;
    }

  {
    g_autofree char *dir = tandem_test_make_dir ();
    g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
    g_autofree char *pack = g_build_filename (dir, "pack.pdf", NULL);
    g_autofree char *chart_pdf = g_build_filename (dir, "chart.pdf", NULL);
    g_autofree char *chart_svg = g_build_filename (dir, "chart.svg", NULL);
    g_autoptr(TandemStore) store = NULL;
    g_autoptr(GDate) today = tandem_test_demo_today ();
    g_autoptr(GPtrArray) slides = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *fonts = NULL;
    g_autofree char *svg = NULL;
    TandemChart *first;
    guint texts = 0, cjk = 0;

    g_setenv ("LC_ALL", locale, TRUE);
    g_unsetenv ("LANGUAGE");
    g_assert_nonnull (setlocale (LC_ALL, ""));
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TANDEM_LOCALEDIR"));
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

    store = tandem_test_demo_store (db, 7);
    slides = tandem_slides_new (store, 5, 60, TANDEM_DEFAULT_MIN_EFFECT, today, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (slides->len, >, 5);

    for (guint i = 0; i < slides->len; i++)
      {
        TandemSlide *slide = g_ptr_array_index (slides, i);
        static const int sizes[][2] = { { 1920, 1080 }, { 900, 380 } };

        g_assert_true (has_cjk (slide->takeaway));
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            g_autoptr(GString) faults = g_string_new (NULL);
            TextCheck check = { sizes[s][0], sizes[s][1], 0, 0, faults };
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, check.width, check.height);
            cairo_t *cr = cairo_create (surface);
            TandemChartStyle style;

            tandem_chart_style_init_light (&style);
            tandem_chart_set_text_func (cr, check_text, &check);
            if (s == 0)
              tandem_slide_render (slide, cr, check.width, check.height, &style);
            else
              tandem_chart_render (g_ptr_array_index (slide->charts, 0), cr, check.width, check.height, &style);
            cairo_destroy (cr);
            cairo_surface_destroy (surface);

            if (faults->len > 0)
              g_printerr ("%s, slide %u at %d × %d:\n%s", locale, i, check.width, check.height, faults->str);
            g_assert_cmpuint (faults->len, ==, 0);
            /* Titles, legends and notes are in the language; names from
             * the data (roles, waves) may not be. */
            g_assert_cmpuint (check.cjk, >=, 2);
            texts += check.texts;
            cjk += check.cjk;
          }
      }

    /* The pack, and one chart as PDF, embed a face that has the text. */
    CAIRO_CJK_LEAK_BEGIN ();
    g_assert_true (tandem_export_pack (store, pack, 5, NAN, TANDEM_DEFAULT_MIN_EFFECT, &error));
    CAIRO_CJK_LEAK_END ();
    g_assert_no_error (error);
    fonts = pdf_fonts (pack);
    g_assert_nonnull (strstr (fonts, "CJK"));
    g_clear_pointer (&fonts, g_free);

    first = g_ptr_array_index (((TandemSlide *)g_ptr_array_index (slides, 0))->charts, 0);
    g_assert_true (has_cjk (tandem_chart_get_title (first)));
    CAIRO_CJK_LEAK_BEGIN ();
    g_assert_true (tandem_export_chart (first, chart_pdf, 1920, 1080, &error));
    CAIRO_CJK_LEAK_END ();
    g_assert_no_error (error);
    fonts = pdf_fonts (chart_pdf);
    g_assert_nonnull (strstr (fonts, "CJK"));

    g_assert_true (tandem_export_chart (first, chart_svg, 1920, 1080, &error));
    g_assert_true (g_file_get_contents (chart_svg, &svg, NULL, &error));
    g_assert_nonnull (strstr (svg, tandem_chart_get_title (first)));

    /* Read by the parent, which checks that this ran. */
    g_print ("# %s: CJK text checked: %u slides twice, %u pieces of text, %u in CJK\n",
             locale, slides->len, texts, cjk);

    g_clear_pointer (&slides, g_ptr_array_unref);
    g_clear_object (&store);
    tandem_test_remove_dir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/chart/pixels", test_chart_pixels);
  g_test_add_func ("/tandem/export/png-lossless", test_export_png_lossless);
  g_test_add_func ("/tandem/export/png-parts", test_export_png_parts);
  g_test_add_func ("/tandem/chart/suppressed-point", test_chart_suppressed_point);
  g_test_add_func ("/tandem/chart/empty", test_chart_empty);
  g_test_add_func ("/tandem/chart/describe-and-hit", test_chart_describe_and_hit);
  g_test_add_func ("/tandem/chart/bars", test_chart_bars);
  g_test_add_func ("/tandem/chart/heatmap", test_chart_heatmap);
  g_test_add_func ("/tandem/chart/summary", test_chart_summary);
  g_test_add_func ("/tandem/chart/tiny-and-cjk", test_chart_tiny_and_cjk);
  g_test_add_func ("/tandem/chart/text-func", test_chart_text_func);
  g_test_add_func ("/tandem/chart/font", test_chart_font);
  g_test_add_func ("/tandem/export/formats", test_export_formats);
  g_test_add_func ("/tandem/export/svg-text", test_export_svg_text);
  g_test_add_func ("/tandem/export/fontconfig", test_export_fontconfig);
  g_test_add_func ("/tandem/export/errors", test_export_errors);
  g_test_add_func ("/tandem/export/scaled", test_export_scaled);
  g_test_add_func ("/tandem/export/pack", test_export_pack);
  g_test_add_func ("/tandem/chart/contrast", test_chart_contrast);
  g_test_add_data_func ("/tandem/chart/cjk/zh_CN", "zh_CN.UTF-8", test_chart_cjk);
  g_test_add_data_func ("/tandem/chart/cjk/ja", "ja_JP.UTF-8", test_chart_cjk);

  return g_test_run ();
}
