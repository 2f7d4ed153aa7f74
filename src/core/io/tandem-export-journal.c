/* tandem-export-journal.c — an executive's coaching journal as Markdown or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-export-private.h"

static void
append_field (GString    *md,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (md, "- **%s** %s\n", label, value);
}

/**
 * tandem_export_journal_markdown:
 * @executive_external_id: whose journal
 * @include_private_notes: private notes are left out unless this is %TRUE
 *
 * An executive's coaching journal: each pair, each session with what was
 * tried, on which data, what was learned and what comes next, and the
 * follow-ups still open.
 *
 * Returns: (transfer full): Markdown text, or %NULL with @error set
 */
char *
tandem_export_journal_markdown (TandemStore  *store,
                                const char   *executive_external_id,
                                gboolean      include_private_notes,
                                GError      **error)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autoptr(TandemStmt) who = NULL;
  g_autoptr(TandemStmt) pairs = NULL;
  g_autoptr(GDate) today = tandem_date_new_today ();
  g_autofree char *today_text = tandem_date_to_iso (today);
  gint64 executive;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (executive_external_id != NULL, NULL);

  who = tandem_store_prepare (store, "SELECT id, name FROM person WHERE external_id = $1", error);
  if (who == NULL)
    return NULL;
  tandem_stmt_bind_text (who, 1, executive_external_id);
  if (tandem_stmt_step (who, NULL) != TANDEM_STEP_ROW)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_NOT_FOUND,
                   _("No person has the external id “%s”."), executive_external_id);
      return NULL;
    }
  executive = tandem_stmt_get_int64 (who, 0);

  /* Translators: the title of an executive's coaching journal */
  g_string_append_printf (md, _("# Coaching journal: %s\n\n"), tandem_stmt_get_text (who, 1));
  g_string_append_printf (md, _("Exported from Tandem on %s.%s\n"), today_text,
                          include_private_notes ? _(" Includes private notes.") : "");

  pairs = tandem_store_prepare (store,
                                "SELECT mp.id, m.name, mp.started_on, mp.cadence_days, mp.goals, mp.active"
                                "  FROM mentoring_pair mp JOIN person m ON m.id = mp.mentor_id"
                                " WHERE mp.executive_id = $1 ORDER BY mp.started_on, mp.id",
                                error);
  if (pairs == NULL)
    return NULL;
  tandem_stmt_bind_int64 (pairs, 1, executive);

  while ((step = tandem_stmt_step (pairs, error)) == TANDEM_STEP_ROW)
    {
      gint64 pair_id = tandem_stmt_get_int64 (pairs, 0);
      g_autoptr(GListModel) sessions = tandem_session_list_for_pair (store, pair_id, error);
      g_autoptr(GListModel) open = sessions ? tandem_follow_up_list_open (store, pair_id, error) : NULL;

      if (open == NULL)
        return NULL;

      g_string_append_printf (md, _("\n## With %s\n\n"), tandem_stmt_get_text (pairs, 1));
      g_string_append_printf (md, _("Since %s, every %d days%s.\n"), tandem_stmt_get_text (pairs, 2),
                              tandem_stmt_get_int (pairs, 3),
                              tandem_stmt_get_int (pairs, 5) ? "" : _(" (ended)"));
      if (*tandem_stmt_get_text (pairs, 4) != '\0')
        g_string_append_printf (md, _("Goals: %s\n"), tandem_stmt_get_text (pairs, 4));

      for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
        {
          g_autoptr(TandemSession) s = g_list_model_get_item (sessions, i);

          g_string_append_printf (md, "\n### %s", tandem_session_get_held_on (s));
          if (tandem_session_get_minutes (s) >= 0)
            g_string_append_printf (md, _(" · %d minutes"), tandem_session_get_minutes (s));
          if (tandem_session_get_confidence_before (s) > 0 && tandem_session_get_confidence_after (s) > 0)
            g_string_append_printf (md, _(" · confidence %d → %d"),
                                    tandem_session_get_confidence_before (s),
                                    tandem_session_get_confidence_after (s));
          g_string_append (md, "\n\n");
          append_field (md, _("Tried:"), tandem_session_get_tools (s));
          append_field (md, _("On:"), tandem_session_get_data_used (s));
          append_field (md, _("Learned:"), tandem_session_get_insight (s));
          append_field (md, _("Next:"), tandem_session_get_follow_ups (s));
          if (include_private_notes)
            append_field (md, _("Private notes:"), tandem_session_get_private_notes (s));
        }

      if (g_list_model_get_n_items (open) > 0)
        {
          g_string_append (md, _("\n### Open follow-ups\n\n"));
          for (guint i = 0; i < g_list_model_get_n_items (open); i++)
            {
              g_autoptr(TandemFollowUp) f = g_list_model_get_item (open, i);

              g_string_append_printf (md, "- [ ] %s (%s)\n", tandem_follow_up_get_text (f),
                                      tandem_follow_up_get_raised_on (f));
            }
        }
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;

  return g_string_free (g_steal_pointer (&md), FALSE);
}

/* Markdown to Pango markup, for the few forms the journal uses. */
static char *
journal_line_markup (const char *line,
                     double     *out_scale,
                     gboolean   *out_bold)
{
  g_autofree char *escaped = NULL;
  GString *markup;
  const char *p;

  *out_scale = 1.0;
  *out_bold = FALSE;
  for (guint level = 3; level >= 1; level--)
    {
      static const double scales[] = { 1.0, 1.8, 1.4, 1.15 };
      g_autofree char *prefix = g_strnfill (level, '#');

      if (g_str_has_prefix (line, prefix) && line[level] == ' ')
        {
          *out_scale = scales[level];
          *out_bold = TRUE;
          line += level + 1;
          break;
        }
    }

  escaped = g_markup_escape_text (line, -1);
  markup = g_string_new (NULL);
  /* **bold** spans */
  for (p = escaped; *p; p++)
    {
      if (p[0] == '*' && p[1] == '*')
        {
          const char *close = strstr (p + 2, "**");

          if (close != NULL)
            {
              g_string_append (markup, "<b>");
              g_string_append_len (markup, p + 2, close - (p + 2));
              g_string_append (markup, "</b>");
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (markup, *p);
    }
  return g_string_free (markup, FALSE);
}

/* The few forms of Markdown the journal and the literacy record use, as a
 * PDF of A4 pages: headings, **bold**, and a form feed line for a new page. */
cairo_status_t
tandem_export_markdown_pdf (TandemExportSink *sink,
                            gpointer          user_data)
{
  const double page_width = 595, page_height = 842, margin = 56;   /* A4 in points */
  g_auto(GStrv) lines = g_strsplit (user_data, "\n", -1);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, Noto Sans, DejaVu Sans, Sans 10.5");
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (tandem_export_write_to_fd_cb, sink, page_width, page_height);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  double y = margin;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  pango_layout_set_width (layout, (int)((page_width - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *markup = NULL;
      g_autoptr(PangoFontDescription) line_font = pango_font_description_copy (font);
      PangoRectangle extents;
      double scale;
      gboolean bold;

      if (g_str_equal (lines[i], "\f"))
        {
          if (y > margin)
            cairo_show_page (cr);
          y = margin;
          continue;
        }
      markup = journal_line_markup (lines[i], &scale, &bold);
      pango_font_description_set_size (line_font, (int)(pango_font_description_get_size (font) * scale));
      pango_font_description_set_weight (line_font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, line_font);
      pango_layout_set_markup (layout, *markup ? markup : " ", -1);
      pango_layout_get_pixel_extents (layout, NULL, &extents);

      if (y + extents.height > page_height - margin)
        {
          cairo_show_page (cr);
          y = margin;
        }
      cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += extents.height * (*markup ? 1.15 : 0.5);
    }

  g_clear_object (&layout);
  return tandem_export_finish_drawing (cr, surface, NULL);
}

/**
 * tandem_export_journal:
 * @path: a .md (Markdown) or .pdf file
 *
 * Writes an executive's coaching journal, to share with their mentor.
 * Private notes are in it only when @include_private_notes is %TRUE.
 */
gboolean
tandem_export_journal (TandemStore  *store,
                       const char   *executive_external_id,
                       const char   *path,
                       gboolean      include_private_notes,
                       GError      **error)
{
  g_autofree char *markdown = NULL;
  const char *dot;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || (g_ascii_strcasecmp (dot, ".md") != 0 && g_ascii_strcasecmp (dot, ".pdf") != 0))
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("A journal is written as Markdown or PDF: end “%s” with .md or .pdf."), path);
      return FALSE;
    }

  markdown = tandem_export_journal_markdown (store, executive_external_id, include_private_notes, error);
  if (markdown == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (dot, ".md") == 0)
    return tandem_export_write_atomically (path, tandem_export_write_text, markdown, error);
  return tandem_export_write_atomically (path, tandem_export_markdown_pdf, markdown, error);
}
