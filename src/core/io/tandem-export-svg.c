/* tandem-export-svg.c — an SVG chart's words written as SVG text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tandem-export-private.h"

cairo_status_t
tandem_export_append_to_bytes_cb (void                *closure,
                                  const unsigned char *data,
                                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @value in the C locale, without trailing zeros: "12.5", not "12,500". */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", fabs (value) < 0.0005 ? 0.0 : value);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (out, buffer);
}

/* The families a line's runs were shaped in, then the style's, as a CSS
 * font-family list: a viewer without the first has the next. */
static char *
line_font_families (PangoLayoutLine *line,
                    const char      *style_families)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) style_names = g_strsplit (style_families != NULL ? style_families : "", ",", -1);
  GString *list = g_string_new (NULL);

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      g_autoptr(PangoFontDescription) font = pango_font_describe (run->item->analysis.font);
      const char *family = pango_font_description_get_family (font);

      if (family != NULL)
        g_ptr_array_add (names, g_strdup (family));
    }
  for (guint i = 0; style_names[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (g_strstrip (style_names[i])));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean seen = FALSE;

      if (*name == '\0' || g_ascii_strcasecmp (name, "Sans") == 0 || g_ascii_strcasecmp (name, "sans-serif") == 0)
        continue;
      for (guint j = 0; j < i && !seen; j++)
        seen = g_ascii_strcasecmp (name, g_ptr_array_index (names, j)) == 0;
      if (!seen)
        g_string_append_printf (list, "'%s', ", name);
    }
  g_string_append (list, "sans-serif");
  return g_string_free (list, FALSE);
}

/* One <text> element for @line, its start at @x on the baseline @baseline
 * (in @layout's units, placed by @matrix); the line's measured width is its
 * textLength, so a viewer with another font keeps the chart's layout. */
static void
append_svg_line (TandemSvgText        *svg,
                 PangoLayout          *layout,
                 PangoLayoutLine      *line,
                 const PangoRectangle *logical,
                 int                   baseline,
                 const cairo_matrix_t *matrix,
                 const TandemColor    *color)
{
  GString *out = svg->out;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *families = NULL;
  g_autofree char *escaped = NULL;
  gboolean rtl = line->resolved_dir == PANGO_DIRECTION_RTL;
  const double terms[] = { matrix->xx, matrix->yx, matrix->xy, matrix->yy, matrix->x0, matrix->y0 };

  if (line->length == 0 || line->runs == NULL)
    return;

  font = pango_font_describe_with_absolute_size (((PangoGlyphItem *)line->runs->data)->item->analysis.font);
  families = line_font_families (line, svg->families);
  escaped = g_markup_escape_text (pango_layout_get_text (layout) + line->start_index, line->length);

  g_string_append (out, "<text transform=\"matrix(");
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, terms[i]);
    }
  g_string_append (out, ")\" x=\"");
  append_number (out, (double)(rtl ? logical->x + logical->width : logical->x) / PANGO_SCALE);
  g_string_append (out, "\" y=\"");
  append_number (out, (double)baseline / PANGO_SCALE);
  g_string_append (out, "\" textLength=\"");
  append_number (out, (double)logical->width / PANGO_SCALE);
  g_string_append_printf (out, "\" lengthAdjust=\"spacingAndGlyphs\" font-family=\"%s\" font-size=\"", families);
  append_number (out, (double)pango_font_description_get_size (font) / PANGO_SCALE);
  g_string_append_printf (out, "\" font-weight=\"%d\"%s fill=\"#%02x%02x%02x\"",
                          (int)pango_font_description_get_weight (font),
                          rtl ? " direction=\"rtl\"" : "",
                          (guint)round (CLAMP (color->red, 0, 1) * 255),
                          (guint)round (CLAMP (color->green, 0, 1) * 255),
                          (guint)round (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, CLAMP (color->alpha, 0, 1));
      g_string_append_c (out, '"');
    }
  g_string_append_printf (out, ">%s</text>\n", escaped);
}

/* @layout as SVG text: a <text> element per line. */
void
tandem_export_collect_svg_text (PangoLayout          *layout,
                                const cairo_matrix_t *matrix,
                                const TandemColor    *color,
                                gpointer              user_data)
{
  TandemSvgText *svg = user_data;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      append_svg_line (svg, layout, pango_layout_iter_get_line_readonly (iter), &logical,
                       pango_layout_iter_get_baseline (iter), matrix, color);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Writes the SVG document cairo made, with @text just before its end, so
 * the text is above every shape as it was when drawn. */
cairo_status_t
tandem_export_write_svg_with_text (TandemExportSink *sink,
                                   GByteArray       *document,
                                   GString          *text)
{
  static const char end_tag[] = "</svg>";
  gsize split = document->len;
  cairo_status_t status;

  for (gsize i = document->len >= sizeof end_tag - 1 ? document->len - (sizeof end_tag - 1) + 1 : 0; i-- > 0;)
    if (memcmp (document->data + i, end_tag, sizeof end_tag - 1) == 0)
      {
        split = i;
        break;
      }
  if (split == document->len)
    return CAIRO_STATUS_WRITE_ERROR;

  status = tandem_export_write_to_fd_cb (sink, document->data, (unsigned int)split);
  if (status == CAIRO_STATUS_SUCCESS && text->len > 0)
    {
      static const char open_group[] = "<g xml:space=\"preserve\">\n";
      static const char close_group[] = "</g>\n";

      status = tandem_export_write_to_fd_cb (sink, (const unsigned char *)open_group, sizeof open_group - 1);
      if (status == CAIRO_STATUS_SUCCESS)
        status = tandem_export_write_to_fd_cb (sink, (const unsigned char *)text->str, (unsigned int)text->len);
      if (status == CAIRO_STATUS_SUCCESS)
        status = tandem_export_write_to_fd_cb (sink, (const unsigned char *)close_group, sizeof close_group - 1);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = tandem_export_write_to_fd_cb (sink, document->data + split, (unsigned int)(document->len - split));
  return status;
}
