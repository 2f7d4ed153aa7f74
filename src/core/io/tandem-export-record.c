/* tandem-export-record.c — the AI-literacy record an employer keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Article 4 of the EU AI Act asks an organisation that uses AI to ensure
 * its staff's AI literacy; its training records are the evidence. The
 * record is written as CSV (one row per completed program of an active
 * person) or as a dated PDF an auditor can read: per department, who is
 * covered, the share with at least one completed program by role, and
 * every completed program with the competencies it raised and its hours.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-export-private.h"

/* The record as the few forms of Markdown tandem_export_markdown_pdf() draws. */
static char *
record_markdown (TandemStore  *store,
                 const char   *department,
                 const GDate  *today,
                 GError      **error)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autoptr(TandemStmt) departments = NULL;
  g_autoptr(TandemStmt) roles = NULL;
  g_autoptr(TandemStmt) completed = NULL;
  g_autofree char *day = tandem_date_to_iso (today);
  TandemStep step;

  if (!(departments = tandem_store_prepare (store,
                                            "SELECT coalesce (d.name, ''), count (*), count (*) FILTER (WHERE p.learning = 2)"
                                            "  FROM person p LEFT JOIN department d ON d.id = p.department_id"
                                            " WHERE p.active = 1 AND (CAST ($1 AS TEXT) IS NULL OR d.name = $1)"
                                            " GROUP BY 1 ORDER BY coalesce (d.name, '') = '',"
                                            "          coalesce (d.name, '') COLLATE NOCASE",
                                            error)) ||
      !(roles = tandem_store_prepare (store,
                                      "SELECT coalesce (r.name, ''), count (*), count (*) FILTER (WHERE p.learning = 2)"
                                      "  FROM person p LEFT JOIN department d ON d.id = p.department_id"
                                      "  LEFT JOIN role r ON r.id = p.role_id"
                                      " WHERE p.active = 1 AND coalesce (d.name, '') = $1"
                                      " GROUP BY 1 ORDER BY coalesce (r.name, '') = '',"
                                      "          coalesce (r.name, '') COLLATE NOCASE",
                                      error)) ||
      !(completed = tandem_store_prepare (store,
                                          "SELECT p.name, coalesce (r.name, ''), g.title, coalesce (e.completed_on, ''),"
                                          "       coalesce ((SELECT group_concat (name || ' ' || level, ', ')"
                                          "                    FROM (SELECT c.name, pc.level FROM program_competency pc"
                                          "                            JOIN competency c ON c.id = pc.competency_id"
                                          "                           WHERE pc.program_id = g.id"
                                          "                           ORDER BY c.position, c.name COLLATE NOCASE) AS raised), ''),"
                                          "       coalesce (g.duration_hours, 0)"
                                          "  FROM enrollment e"
                                          "  JOIN person p ON p.id = e.person_id"
                                          "  JOIN program g ON g.id = e.program_id"
                                          "  LEFT JOIN department d ON d.id = p.department_id"
                                          "  LEFT JOIN role r ON r.id = p.role_id"
                                          " WHERE e.status = 'completed' AND p.active = 1 AND coalesce (d.name, '') = $1"
                                          " ORDER BY p.name COLLATE NOCASE, p.id, e.completed_on, g.title COLLATE NOCASE",
                                          error)))
    return NULL;

  g_string_append_printf (md, "# %s\n", _("AI-literacy record"));
  /* Translators: %s is a date, YYYY-MM-DD */
  g_string_append_printf (md, _("Prepared on %s with Tandem, as the record of staff AI literacy that Article 4 of "
                                "the EU AI Act asks of an organisation that uses AI: every completed AI-literacy "
                                "program of every active person, with the competencies it raised."),
                          day);
  g_string_append (md, "\n");

  tandem_stmt_bind_text (departments, 1, department);
  while ((step = tandem_stmt_step (departments, error)) == TANDEM_STEP_ROW)
    {
      const char *name = tandem_stmt_get_text (departments, 0);
      guint people = (guint)tandem_stmt_get_int (departments, 1);
      guint trained = (guint)tandem_stmt_get_int (departments, 2);
      g_autofree char *people_text = tandem_format_count (people);
      g_autofree char *trained_text = tandem_format_count (trained);

      g_string_append_printf (md, "\f\n## %s\n", *name != '\0' ? name : _("No department"));
      /* Translators: people covered by the record, then how many completed a program, and the share */
      g_string_append_printf (md, g_dngettext (GETTEXT_PACKAGE,
                                               "**People covered:** %s active person; %s with at least one completed "
                                               "program (%.0f%%).\n",
                                               "**People covered:** %s active people; %s with at least one completed "
                                               "program (%.0f%%).\n", people),
                              people_text, trained_text, people > 0 ? 100.0 * trained / people : 0.0);

      g_string_append_printf (md, "### %s\n", _("By role"));
      tandem_stmt_reset (roles);
      tandem_stmt_bind_text_copy (roles, 1, name);
      while (tandem_stmt_step (roles, error) == TANDEM_STEP_ROW)
        {
          guint n = (guint)tandem_stmt_get_int (roles, 1);
          guint done = (guint)tandem_stmt_get_int (roles, 2);

          /* Translators: a role, its active people, how many completed a program, and the share */
          g_string_append_printf (md, g_dngettext (GETTEXT_PACKAGE, "%s: %u person, %u with a completed program "
                                                   "(%.0f%%)\n",
                                                   "%s: %u people, %u with a completed program (%.0f%%)\n", n),
                                  *tandem_stmt_get_text (roles, 0) ? tandem_stmt_get_text (roles, 0) : _("No role"),
                                  n, done, n > 0 ? 100.0 * done / n : 0.0);
        }

      g_string_append_printf (md, "### %s\n", _("Completed programs"));
      tandem_stmt_reset (completed);
      tandem_stmt_bind_text_copy (completed, 1, name);
      while (tandem_stmt_step (completed, error) == TANDEM_STEP_ROW)
        {
          double hours = tandem_stmt_get_double (completed, 5);
          const char *competencies = tandem_stmt_get_text (completed, 4);
          g_autofree char *duration = hours > 0 ? g_strdup_printf (_(", %g h"), hours) : g_strdup ("");

          g_string_append_printf (md, "**%s** (%s): %s, %s%s%s%s\n", tandem_stmt_get_text (completed, 0),
                                  tandem_stmt_get_text (completed, 1), tandem_stmt_get_text (completed, 2),
                                  tandem_stmt_get_text (completed, 3), duration, *competencies ? " — " : "",
                                  competencies);
        }
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  return g_string_free (g_steal_pointer (&md), FALSE);
}

/**
 * tandem_export_literacy_record:
 * @department: (nullable): one department's people only
 * @path: a .csv or .pdf file
 *
 * Writes the AI-literacy record, replacing @path only when complete.
 */
gboolean
tandem_export_literacy_record (TandemStore  *store,
                               const char   *department,
                               const char   *path,
                               GError      **error)
{
  const char *dot;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || (g_ascii_strcasecmp (dot, ".csv") != 0 && g_ascii_strcasecmp (dot, ".pdf") != 0))
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("The literacy record is written as CSV or PDF: end “%s” with .csv or .pdf."), path);
      return FALSE;
    }
  text = tandem_export_literacy_record_csv (store, department, error);
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".csv") == 0)
    return tandem_export_write_atomically (path, tandem_export_write_text, text, error);

  {
    g_autoptr(GDate) today = tandem_date_new_today ();
    g_autofree char *markdown = record_markdown (store, department, today, error);

    if (markdown == NULL)
      return FALSE;
    tandem_export_init_fontconfig ();
    return tandem_export_write_atomically (path, tandem_export_markdown_pdf, markdown, error);
  }
}
