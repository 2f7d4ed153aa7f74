/* tandem-wave.h — one round of the pulse survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_WAVE (tandem_wave_get_type ())

G_DECLARE_FINAL_TYPE (TandemWave, tandem_wave, TANDEM, WAVE, GObject)

gint64       tandem_wave_get_id         (TandemWave   *self);
const char  *tandem_wave_get_title      (TandemWave   *self);
const char  *tandem_wave_get_fielded_on (TandemWave   *self);
guint        tandem_wave_get_n_answers  (TandemWave   *self);

GListModel  *tandem_wave_list           (TandemStore  *store,
                                         GError      **error);

G_END_DECLS
