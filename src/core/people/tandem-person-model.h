/* tandem-person-model.h — the people of a large organisation, read on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-person.h"
#include "tandem-store.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_PERSON_SORT_NAME,
  TANDEM_PERSON_SORT_EMAIL,
  TANDEM_PERSON_SORT_DEPARTMENT,
  TANDEM_PERSON_SORT_ROLE,
  TANDEM_PERSON_SORT_LEVEL,
  TANDEM_PERSON_SORT_CHAMPION,
  TANDEM_PERSON_SORT_TOOL_ACCESS,
  TANDEM_N_PERSON_SORTS
} TandemPersonSort;

/* Which people to show. NULL or empty strings and -1 mean "any". */
typedef struct
{
  const char       *search;          /* in name and email, any case */
  const char       *department;
  const char       *role;
  int               level;           /* a TandemLevel, or -1 */
  int               champion;        /* 1, 0 or -1 */
  int               tool_access;
  gboolean          include_inactive;
  TandemPersonSort  sort;
  gboolean          descending;
} TandemPersonQuery;

#define TANDEM_PERSON_QUERY_INIT { NULL, NULL, NULL, -1, -1, -1, FALSE, TANDEM_PERSON_SORT_NAME, FALSE }

#define TANDEM_TYPE_PERSON_MODEL (tandem_person_model_get_type ())

G_DECLARE_FINAL_TYPE (TandemPersonModel, tandem_person_model, TANDEM, PERSON_MODEL, GObject)

TandemPersonModel *tandem_person_model_new        (TandemStore              *store);
gboolean           tandem_person_model_set_query  (TandemPersonModel        *self,
                                                   const TandemPersonQuery  *query,
                                                   GError                  **error);
gboolean           tandem_person_model_reload     (TandemPersonModel        *self,
                                                   GError                  **error);
GArray            *tandem_person_model_select     (TandemStore              *store,
                                                   const TandemPersonQuery  *query,
                                                   guint                    *out_total,
                                                   GError                  **error);
void               tandem_person_model_take       (TandemPersonModel        *self,
                                                   const TandemPersonQuery  *query,
                                                   GArray                   *ids,
                                                   guint                     total);
guint              tandem_person_model_get_total  (TandemPersonModel        *self);
int                tandem_person_model_find       (TandemPersonModel        *self,
                                                   gint64                    person_id);

G_END_DECLS
