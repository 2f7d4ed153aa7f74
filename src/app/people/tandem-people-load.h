/* tandem-people-load.h — the people page's rows, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tandem-person-model.h"

G_BEGIN_DECLS

/* A query, and whether to read the filters' departments and roles too. */
typedef struct
{
  TandemPersonQuery  query;
  char              *search;
  char              *department;
  char              *role;
  gboolean           names;
} TandemPeopleAsked;

typedef struct
{
  GArray *ids;
  guint   total;
  GStrv   departments;
  GStrv   roles;
} TandemPeopleFound;

void     tandem_people_asked_free (TandemPeopleAsked  *asked);
void     tandem_people_found_free (TandemPeopleFound  *found);
gpointer tandem_people_load       (TandemStore        *store,
                                   gpointer            input,
                                   GError            **error);

G_END_DECLS
