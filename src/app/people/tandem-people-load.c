/* tandem-people-load.c — the people page's rows, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tandem-people-load.h"
#include "tandem-person.h"

void
tandem_people_asked_free (TandemPeopleAsked *asked)
{
  g_free (asked->search);
  g_free (asked->department);
  g_free (asked->role);
  g_free (asked);
}

void
tandem_people_found_free (TandemPeopleFound *found)
{
  g_clear_pointer (&found->ids, g_array_unref);
  g_strfreev (found->departments);
  g_strfreev (found->roles);
  g_free (found);
}

/* Runs in a worker: the ids the query asks for, and the names to filter by. */
gpointer
tandem_people_load (TandemStore  *store,
                    gpointer      input,
                    GError      **error)
{
  TandemPeopleAsked *asked = input;
  TandemPeopleFound *found = g_new0 (TandemPeopleFound, 1);

  found->ids = tandem_person_model_select (store, &asked->query, &found->total, error);
  if (found->ids != NULL && asked->names)
    {
      found->departments = tandem_department_list_names (store, NULL);
      found->roles = tandem_role_list_names (store, NULL);
    }
  return found;
}
