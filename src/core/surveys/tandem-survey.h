/* tandem-survey.h — survey waves, their wordings, scores and tallies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-store.h"
#include "tandem-types.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_AUDIENCE_LEADERS,
  TANDEM_AUDIENCE_INDIVIDUAL_CONTRIBUTORS,
  TANDEM_N_AUDIENCES
} TandemAudience;

const char *tandem_survey_default_wording (TandemDimension   dimension,
                                           TandemAudience    audience);
gboolean    tandem_survey_parse_score     (const char       *text,
                                           int              *out_score);
gboolean    tandem_survey_ensure_wave     (TandemStore      *store,
                                           const char       *title,
                                           const char       *fielded_on,
                                           gint64           *out_id,
                                           gboolean         *out_created,
                                           GError          **error);

char       *tandem_survey_get_wording     (TandemStore      *store,
                                           gint64            wave_id,
                                           TandemDimension   dimension,
                                           TandemAudience    audience,
                                           GError          **error);
gboolean    tandem_survey_set_wording     (TandemStore      *store,
                                           gint64            wave_id,
                                           TandemDimension   dimension,
                                           TandemAudience    audience,
                                           const char       *wording,
                                           GError          **error);

/* Counts of answers, gathered while responses are written and added to
 * survey_tally in one go. */
typedef struct _TandemSurveyTally TandemSurveyTally;

TandemSurveyTally *tandem_survey_tally_new   (void);
void               tandem_survey_tally_free  (TandemSurveyTally *tally);
void               tandem_survey_tally_add   (TandemSurveyTally *tally,
                                              gint64             wave_id,
                                              TandemLevel        level,
                                              gint64             department_id,
                                              gint64             role_id,
                                              const int         *scores);
gboolean           tandem_survey_tally_check_additions (TandemSurveyTally  *tally,
                                                        GHashTable         *existing,
                                                        guint               threshold,
                                                        GError            **error);
gboolean           tandem_survey_tally_flush (TandemSurveyTally *tally,
                                              TandemStore       *store,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSurveyTally, tandem_survey_tally_free)

G_END_DECLS
