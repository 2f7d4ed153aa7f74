/* tandem-session.h — one coaching session of a mentoring pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

/* What someone types to log a session. Strings may be NULL; numbers below
 * their range (minutes < 0, confidence 0) mean "not given". */
typedef struct
{
  gint64      pair_id;
  const char *held_on;            /* YYYY-MM-DD */
  int         minutes;
  const char *tools;
  const char *data_used;
  const char *insight;
  const char *follow_ups;         /* one per line */
  int         confidence_before;  /* 1–5 */
  int         confidence_after;
  const char *private_notes;
} TandemSessionDraft;

#define TANDEM_TYPE_SESSION (tandem_session_get_type ())

G_DECLARE_FINAL_TYPE (TandemSession, tandem_session, TANDEM, SESSION, GObject)

gint64       tandem_session_get_id                (TandemSession *self);
gint64       tandem_session_get_pair_id           (TandemSession *self);
const char  *tandem_session_get_held_on           (TandemSession *self);
int          tandem_session_get_minutes           (TandemSession *self);
const char  *tandem_session_get_tools             (TandemSession *self);
const char  *tandem_session_get_data_used         (TandemSession *self);
const char  *tandem_session_get_insight           (TandemSession *self);
const char  *tandem_session_get_follow_ups        (TandemSession *self);
int          tandem_session_get_confidence_before (TandemSession *self);
int          tandem_session_get_confidence_after  (TandemSession *self);
const char  *tandem_session_get_private_notes     (TandemSession *self);

gint64       tandem_session_add                   (TandemStore              *store,
                                                   const TandemSessionDraft *draft,
                                                   GError                  **error);
gboolean     tandem_session_update                (TandemStore              *store,
                                                   gint64                    id,
                                                   const TandemSessionDraft *draft,
                                                   GError                  **error);
gboolean     tandem_session_delete                (TandemStore              *store,
                                                   gint64                    id,
                                                   char                    **out_undo,
                                                   GError                  **error);
gboolean     tandem_session_restore               (TandemStore              *store,
                                                   const char               *undo,
                                                   GError                  **error);
GListModel  *tandem_session_list_for_pair         (TandemStore              *store,
                                                   gint64                    pair_id,
                                                   GError                  **error);
GListModel  *tandem_session_list_for_executive    (TandemStore              *store,
                                                   const char               *external_id,
                                                   GError                  **error);
gint64       tandem_session_log                   (TandemStore              *store,
                                                   const char               *executive,
                                                   const char               *mentor,
                                                   const TandemSessionDraft *draft,
                                                   gboolean                 *out_new_pair,
                                                   GError                  **error);
TandemSession *tandem_session_lookup              (TandemStore              *store,
                                                   gint64                    id,
                                                   GError                  **error);

G_END_DECLS
