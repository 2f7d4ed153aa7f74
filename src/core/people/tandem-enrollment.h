/* tandem-enrollment.h — one person taking part in one program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ENROLLMENT (tandem_enrollment_get_type ())

G_DECLARE_FINAL_TYPE (TandemEnrollment, tandem_enrollment, TANDEM, ENROLLMENT, GObject)

gint64                  tandem_enrollment_get_id            (TandemEnrollment *self);
gint64                  tandem_enrollment_get_person_id     (TandemEnrollment *self);
const char             *tandem_enrollment_get_person        (TandemEnrollment *self);
const char             *tandem_enrollment_get_role          (TandemEnrollment *self);
const char             *tandem_enrollment_get_department    (TandemEnrollment *self);
gint64                  tandem_enrollment_get_program_id    (TandemEnrollment *self);
const char             *tandem_enrollment_get_program       (TandemEnrollment *self);
TandemEnrollmentStatus  tandem_enrollment_get_status        (TandemEnrollment *self);
const char             *tandem_enrollment_get_invited_on    (TandemEnrollment *self);
const char             *tandem_enrollment_get_enrolled_on   (TandemEnrollment *self);
const char             *tandem_enrollment_get_completed_on  (TandemEnrollment *self);

GListModel             *tandem_enrollment_list_for_program  (TandemStore            *store,
                                                             gint64                  program_id,
                                                             GError                **error);
GListModel             *tandem_enrollment_list_for_person   (TandemStore            *store,
                                                             gint64                  person_id,
                                                             GError                **error);
gint64                  tandem_enrollment_add               (TandemStore            *store,
                                                             gint64                  person_id,
                                                             gint64                  program_id,
                                                             TandemEnrollmentStatus  status,
                                                             const char             *on,
                                                             GError                **error);
gboolean                tandem_enrollment_set_status        (TandemStore            *store,
                                                             gint64                  id,
                                                             TandemEnrollmentStatus  status,
                                                             const char             *on,
                                                             GError                **error);
gboolean                tandem_enrollment_remove            (TandemStore            *store,
                                                             TandemEnrollment       *enrollment,
                                                             GError                **error);
gboolean                tandem_enrollment_restore           (TandemStore            *store,
                                                             TandemEnrollment       *enrollment,
                                                             GError                **error);
gboolean                tandem_enrollment_enrol_matching    (TandemStore            *store,
                                                             gint64                  program_id,
                                                             const char             *role,
                                                             const char             *department,
                                                             const char             *on,
                                                             guint                  *out_added,
                                                             GError                **error);

G_END_DECLS
