/* tandem-pair.h — an executive and the junior mentor who coaches them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_PAIR_ON_TRACK,
  TANDEM_PAIR_DUE_SOON,
  TANDEM_PAIR_OVERDUE,
  TANDEM_PAIR_NO_SESSIONS,
} TandemPairStatus;

/* A pair is due soon when its next session falls within this many days. */
#define TANDEM_PAIR_DUE_SOON_DAYS 3

/* The cadence a new pair gets: every two weeks. */
#define TANDEM_PAIR_DEFAULT_CADENCE 14

#define TANDEM_TYPE_PAIR (tandem_pair_get_type ())

G_DECLARE_FINAL_TYPE (TandemPair, tandem_pair, TANDEM, PAIR, GObject)

gint64            tandem_pair_get_id             (TandemPair   *self);
const char       *tandem_pair_get_executive      (TandemPair   *self);
const char       *tandem_pair_get_executive_external_id (TandemPair *self);
const char       *tandem_pair_get_mentor         (TandemPair   *self);
guint             tandem_pair_get_cadence_days   (TandemPair   *self);
guint             tandem_pair_get_n_sessions     (TandemPair   *self);
const char       *tandem_pair_get_last_session   (TandemPair   *self);
const char       *tandem_pair_get_next_due       (TandemPair   *self);
TandemPairStatus  tandem_pair_get_status         (TandemPair   *self);

const char       *tandem_pair_status_to_string   (TandemPairStatus status);
const char       *tandem_pair_status_get_label   (TandemPairStatus status);
TandemPairStatus  tandem_pair_status_compute     (const GDate  *started,
                                                  const GDate  *last_session,
                                                  guint         cadence_days,
                                                  const GDate  *as_of,
                                                  GDate        *out_next_due);

gint64            tandem_pair_add                (TandemStore  *store,
                                                  gint64        executive_id,
                                                  gint64        mentor_id,
                                                  const char   *started_on,
                                                  guint         cadence_days,
                                                  const char   *goals,
                                                  GError      **error);
gint64            tandem_pair_find_or_add        (TandemStore  *store,
                                                  gint64        executive_id,
                                                  gint64        mentor_id,
                                                  const char   *started_on,
                                                  gboolean     *out_created,
                                                  GError      **error);
gboolean          tandem_pair_end                (TandemStore  *store,
                                                  gint64        pair_id,
                                                  const char   *ended_on,
                                                  GError      **error);
GListModel       *tandem_pair_list_active        (TandemStore  *store,
                                                  const GDate  *as_of,
                                                  GError      **error);

G_END_DECLS
