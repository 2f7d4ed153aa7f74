/* tandem-report.c — reports as text for people or CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-csv.h"
#include "tandem-pair.h"
#include "tandem-report.h"
#include "tandem-types.h"

/* A table: rows of cells, written as CSV or as aligned text. */
static void
append_row (GString            *out,
            TandemReportFormat  format,
            const char * const *cells,
            const int          *widths)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (format == TANDEM_REPORT_CSV)
        {
          g_autofree char *cell = tandem_csv_escape_cell (cells[i]);

          g_string_append_printf (out, "%s%s", i ? "," : "", cell);
        }
      else
        {
          /* Pad by characters, not bytes, so names with accents line up. */
          glong pad = widths[i] - g_utf8_strlen (cells[i], -1);

          g_string_append_printf (out, "%s%s", i ? "  " : "", cells[i]);
          if (cells[i + 1] != NULL)
            for (glong p = 0; p < pad; p++)
              g_string_append_c (out, ' ');
        }
    }
  g_string_append_c (out, '\n');
}

/**
 * tandem_report_pairs:
 * @as_of: the day the cadence is judged on
 *
 * One row per active pair: executive, mentor, cadence_days, sessions,
 * last_session, days_since, next_due, status — the cadence rules of
 * tandem_pair_status_compute().
 *
 * Returns: (transfer full): the report
 */
char *
tandem_report_pairs (TandemStore         *store,
                     const GDate         *as_of,
                     TandemReportFormat   format,
                     GError             **error)
{
  static const char * const header[] = {
    "executive", "mentor", "cadence_days", "sessions", "last_session", "days_since",
    "next_due", "status", NULL,
  };
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  int widths[8] = { 0, };

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  pairs = tandem_pair_list_active (store, as_of, error);
  if (pairs == NULL)
    return NULL;

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(TandemPair) pair = g_list_model_get_item (pairs, i);
      const char *last = tandem_pair_get_last_session (pair);
      g_autoptr(GDate) last_date = last ? tandem_date_parse_iso (last) : NULL;
      char **row = g_new0 (char *, 9);

      row[0] = g_strdup (tandem_pair_get_executive (pair));
      row[1] = g_strdup (tandem_pair_get_mentor (pair));
      row[2] = g_strdup_printf ("%u", tandem_pair_get_cadence_days (pair));
      row[3] = g_strdup_printf ("%u", tandem_pair_get_n_sessions (pair));
      row[4] = g_strdup (last ? last : "");
      row[5] = last_date ? g_strdup_printf ("%d", g_date_days_between (last_date, as_of)) : g_strdup ("");
      row[6] = g_strdup (tandem_pair_get_next_due (pair));
      row[7] = g_strdup (tandem_pair_status_to_string (tandem_pair_get_status (pair)));
      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < 8; c++)
        widths[c] = MAX (widths[c], (int)g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < rows->len; r++)
    append_row (out, format, (const char * const *)g_ptr_array_index (rows, r), widths);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
