/* tandem-competency.h — what a role should be able to do with AI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-chart.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_N_COMPETENCY_LEVELS 3

/* A competency, as the lists and the report name it. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *description;
} TandemCompetency;

void        tandem_competency_free            (TandemCompetency  *competency);
GPtrArray  *tandem_competency_list            (TandemStore       *store,
                                               GError           **error);
gint64      tandem_competency_add             (TandemStore       *store,
                                               const char        *name,
                                               const char        *description,
                                               GError           **error);
char       *tandem_competency_level_dup_name  (TandemStore       *store,
                                               guint              level);
gboolean    tandem_competency_parse_level     (TandemStore       *store,
                                               const char        *text,
                                               guint             *out_level);
gboolean    tandem_competency_level_set_name  (TandemStore       *store,
                                               guint              level,
                                               const char        *name,
                                               GError           **error);
gboolean    tandem_role_set_target            (TandemStore       *store,
                                               const char        *role,
                                               const char        *competency,
                                               guint              level,
                                               GError           **error);
gboolean    tandem_program_set_competency     (TandemStore       *store,
                                               gint64             program_id,
                                               const char        *competency,
                                               guint              level,
                                               GError           **error);
guint       tandem_program_get_competency     (TandemStore       *store,
                                               gint64             program_id,
                                               const char        *competency);
guint       tandem_person_get_attained        (TandemStore       *store,
                                               gint64             person_id,
                                               const char        *competency);

/* Where one role's (or department's) active people stand in one
 * competency against the target their role sets. */
typedef struct
{
  char   *group;
  char   *competency;
  guint   target;       /* 1 to 3 */
  guint   people;       /* active people whose role sets this target */
  guint   at_target;    /* those a completed program brought to it or above */
} TandemStanding;

void        tandem_standing_free              (TandemStanding    *row);
GPtrArray  *tandem_competency_targets         (TandemStore       *store,
                                               GError           **error);
GPtrArray  *tandem_competency_standing        (TandemStore       *store,
                                               gboolean           by_role,
                                               guint              threshold,
                                               guint              max_groups,
                                               GError           **error);
TandemChart *tandem_chart_new_competencies    (TandemStore       *store,
                                               guint              threshold,
                                               GError           **error);

/* What to do next for a role below its target in a competency: the
 * program that would raise it there, with room left. */
typedef struct
{
  char   *role;
  char   *competency;
  guint   target;
  guint   lacking;      /* active people of the role below the target */
  gint64  program_id;
  char   *program;
  guint   room;         /* places left; G_MAXUINT when the program has no limit */
} TandemNextStep;

void        tandem_next_step_free             (TandemNextStep    *step);
GPtrArray  *tandem_competency_next_steps      (TandemStore       *store,
                                               const GDate       *today,
                                               GError           **error);
gboolean    tandem_competency_enrol_lacking   (TandemStore       *store,
                                               const char        *role,
                                               const char        *competency,
                                               gint64             program_id,
                                               const GDate       *today,
                                               guint             *out_added,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemCompetency, tandem_competency_free)

G_END_DECLS
