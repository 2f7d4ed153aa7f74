/* tandem-program-load.c — a program's page, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tandem-enrollment.h"
#include "tandem-person.h"
#include "tandem-program-charts.h"
#include "tandem-program-load.h"

void
tandem_program_shown_free (TandemProgramShown *shown)
{
  g_clear_object (&shown->program);
  g_clear_object (&shown->by_role);
  g_clear_object (&shown->enrollments);
  g_strfreev (shown->roles);
  g_strfreev (shown->departments);
  g_free (shown);
}

/* Runs in a worker; @asked is a TandemProgramAsked. */
gpointer
tandem_program_load (TandemStore  *store,
                     gpointer      asked,
                     GError      **error)
{
  gint64 id = ((TandemProgramAsked *)asked)->program_id;
  TandemProgramShown *shown = g_new0 (TandemProgramShown, 1);

  shown->program = tandem_program_lookup (store, id, NULL);
  if (shown->program == NULL)
    return shown;
  tandem_program_count_statuses (store, id, shown->counts, NULL);
  shown->by_role = tandem_chart_new_program_by_role (store, id, ((TandemProgramAsked *)asked)->threshold, NULL);
  shown->enrollments = tandem_enrollment_list_for_program (store, id, error);
  shown->roles = tandem_role_list_names (store, NULL);
  shown->departments = tandem_department_list_names (store, NULL);
  return shown;
}
