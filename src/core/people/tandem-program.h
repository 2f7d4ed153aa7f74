/* tandem-program.h — an AI-literacy program and how far it has reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

/* What someone types to add or edit a program. @topics is a mask of
 * 1 << TandemTopic; @target_roles names roles (new ones are not created);
 * dates are YYYY-MM-DD or empty; @owner_id, @capacity and @duration_hours 0
 * mean none. */
typedef struct
{
  const char          *title;
  const char          *description;
  TandemProgramFormat  format;
  guint                topics;
  const char * const  *target_roles;
  const char          *starts_on;
  const char          *ends_on;
  gint64               owner_id;
  guint                capacity;
  double               duration_hours;   /* 0: not known */
} TandemProgramDraft;

/* Where a program stands against today, by its dates. */
typedef enum
{
  TANDEM_PROGRAM_UNDATED,   /* no start date */
  TANDEM_PROGRAM_UPCOMING,
  TANDEM_PROGRAM_RUNNING,
  TANDEM_PROGRAM_ENDED,
  TANDEM_N_PROGRAM_PHASES
} TandemProgramPhase;

const char *tandem_program_phase_get_label (TandemProgramPhase phase);

#define TANDEM_TYPE_PROGRAM (tandem_program_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgram, tandem_program, TANDEM, PROGRAM, GObject)

gint64               tandem_program_get_id           (TandemProgram *self);
const char          *tandem_program_get_title        (TandemProgram *self);
const char          *tandem_program_get_description  (TandemProgram *self);
TandemProgramFormat  tandem_program_get_format       (TandemProgram *self);
guint                tandem_program_get_topics       (TandemProgram *self);
const char * const  *tandem_program_get_target_roles (TandemProgram *self);
const char          *tandem_program_get_starts_on    (TandemProgram *self);
const char          *tandem_program_get_ends_on      (TandemProgram *self);
gint64               tandem_program_get_owner_id     (TandemProgram *self);
const char          *tandem_program_get_owner        (TandemProgram *self);
guint                tandem_program_get_capacity     (TandemProgram *self);
double               tandem_program_get_duration_hours (TandemProgram *self);
guint                tandem_program_get_enrolled     (TandemProgram *self);
guint                tandem_program_get_completed    (TandemProgram *self);
TandemProgramPhase   tandem_program_get_phase        (TandemProgram *self,
                                                      const GDate   *today);

GListModel          *tandem_program_list             (TandemStore   *store,
                                                      GError       **error);
TandemProgram       *tandem_program_lookup           (TandemStore   *store,
                                                      gint64         id,
                                                      GError       **error);
char                *tandem_program_dup_version     (TandemStore   *store,
                                                      gint64         id,
                                                      GError       **error);
gint64               tandem_program_save             (TandemStore              *store,
                                                      gint64                    id,
                                                      const char               *version,
                                                      const TandemProgramDraft *draft,
                                                      GError                  **error);
gboolean             tandem_program_delete           (TandemStore   *store,
                                                      gint64         id,
                                                      char         **out_undo,
                                                      GError       **error);
gboolean             tandem_program_restore          (TandemStore   *store,
                                                      const char    *undo,
                                                      GError       **error);
gboolean             tandem_program_count_statuses   (TandemStore   *store,
                                                      gint64         id,
                                                      guint          counts[TANDEM_N_ENROLLMENT_STATUSES],
                                                      GError       **error);

G_END_DECLS
