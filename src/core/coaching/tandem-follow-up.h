/* tandem-follow-up.h — something to try before the next session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_FOLLOW_UP (tandem_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (TandemFollowUp, tandem_follow_up, TANDEM, FOLLOW_UP, GObject)

gint64       tandem_follow_up_get_id        (TandemFollowUp *self);
const char  *tandem_follow_up_get_text      (TandemFollowUp *self);
const char  *tandem_follow_up_get_raised_on (TandemFollowUp *self);
gboolean     tandem_follow_up_get_done      (TandemFollowUp *self);

GListModel  *tandem_follow_up_list_open     (TandemStore    *store,
                                             gint64          pair_id,
                                             GError        **error);
gboolean     tandem_follow_up_set_done      (TandemStore    *store,
                                             gint64          follow_up_id,
                                             const GDate    *done_on,
                                             GError        **error);

G_END_DECLS
