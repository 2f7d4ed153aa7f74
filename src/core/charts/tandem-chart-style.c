/* tandem-chart-style.c — colours and fonts of charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangofc-fontmap.h>

#include "tandem-chart-private.h"

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
