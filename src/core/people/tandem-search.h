/* tandem-search.h — people and programs found by what someone types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-store.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_SEARCH_ACTION,    /* something to do: log a session */
  TANDEM_SEARCH_PERSON,
  TANDEM_SEARCH_PROGRAM,
} TandemSearchKind;

/* One thing found. @id is stable text a caller can hand back:
 * "person:42", "program:7" or "log-session". */
typedef struct
{
  TandemSearchKind  kind;
  gint64            row_id;        /* the person's or program's; 0 for an action */
  char             *id;
  char             *name;
  char             *description;
} TandemSearchHit;

void        tandem_search_hit_free (TandemSearchHit     *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSearchHit, tandem_search_hit_free)

char       *tandem_search_fold     (const char          *text);
gboolean    tandem_search_matches  (const char * const  *folded_terms,
                                    const char          *text);
GPtrArray  *tandem_search          (TandemStore         *store,
                                    const char * const  *terms,
                                    guint                limit,
                                    GError             **error);
gboolean    tandem_search_parse_id (const char          *id,
                                    TandemSearchKind    *out_kind,
                                    gint64              *out_row_id);
TandemSearchHit *tandem_search_describe (TandemStore    *store,
                                    const char          *id,
                                    GError             **error);

G_END_DECLS
