/* tandem-types.h — the small vocabularies every part of Tandem shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TANDEM_LEVEL_EXECUTIVE,
  TANDEM_LEVEL_MANAGER,
  TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR,
  TANDEM_N_LEVELS
} TandemLevel;

typedef enum
{
  TANDEM_DIMENSION_OPTIMISM,
  TANDEM_DIMENSION_RESOURCES,
  TANDEM_DIMENSION_TRANSPARENCY,
  TANDEM_N_DIMENSIONS
} TandemDimension;

typedef enum
{
  TANDEM_ENROLLMENT_INVITED,
  TANDEM_ENROLLMENT_ENROLLED,
  TANDEM_ENROLLMENT_IN_PROGRESS,
  TANDEM_ENROLLMENT_COMPLETED,
  TANDEM_ENROLLMENT_DROPPED,
  TANDEM_N_ENROLLMENT_STATUSES
} TandemEnrollmentStatus;

typedef enum
{
  TANDEM_FORMAT_WORKSHOP,
  TANDEM_FORMAT_SELF_PACED,
  TANDEM_FORMAT_COACHING,
  TANDEM_FORMAT_BRIEFING,
  TANDEM_N_FORMATS
} TandemProgramFormat;

typedef enum
{
  TANDEM_TOPIC_BASICS,
  TANDEM_TOPIC_ETHICS,
  TANDEM_TOPIC_PRACTICAL_APPLICATIONS,
  TANDEM_TOPIC_PROMPT_LITERACY,
  TANDEM_TOPIC_DATA_LITERACY,
  TANDEM_TOPIC_GOVERNANCE,
  TANDEM_N_TOPICS
} TandemTopic;

/* The anonymity threshold when the user has not chosen one, and the least
 * the user may choose. */
#define TANDEM_DEFAULT_ANONYMITY_THRESHOLD 5
#define TANDEM_MIN_ANONYMITY_THRESHOLD     3

const char *tandem_level_to_string       (TandemLevel             level);
gboolean    tandem_level_from_string     (const char             *text,
                                          TandemLevel            *out_level);
const char *tandem_level_get_label       (TandemLevel             level);

const char *tandem_dimension_to_string   (TandemDimension         dimension);
gboolean    tandem_dimension_from_string (const char             *text,
                                          TandemDimension        *out_dimension);
const char *tandem_dimension_get_label   (TandemDimension         dimension);

const char *tandem_enrollment_status_to_string (TandemEnrollmentStatus status);
gboolean    tandem_enrollment_status_from_string (const char             *text,
                                                  TandemEnrollmentStatus *out_status);
const char *tandem_enrollment_status_get_label (TandemEnrollmentStatus status);
const char *tandem_topic_to_string             (TandemTopic            topic);
gboolean    tandem_topic_from_string           (const char            *text,
                                                TandemTopic           *out_topic);
const char *tandem_topic_get_label             (TandemTopic            topic);
gboolean    tandem_parse_yes_no                (const char            *text,
                                                gboolean              *out_value);
gboolean    tandem_parse_level                 (const char            *text,
                                                TandemLevel           *out_level);
char       *tandem_format_count                (guint64                n);
const char *tandem_program_format_to_string    (TandemProgramFormat    format);
gboolean    tandem_program_format_from_string  (const char            *text,
                                                TandemProgramFormat   *out_format);
const char *tandem_program_format_get_label    (TandemProgramFormat    format);

GDate      *tandem_date_parse_iso        (const char             *text);
gboolean    tandem_date_is_valid_or_null (const char             *text);
char       *tandem_date_explain          (const char             *text,
                                          gboolean                plausible);
gboolean    tandem_date_is_plausible     (const GDate            *date);
char       *tandem_date_to_iso           (const GDate            *date);
GDate      *tandem_date_new_today        (void);

/* How long one text may be, in characters. Names, departments, roles,
 * programs and ids are short; an email follows RFC 5321; what people
 * write (insights, follow-ups, notes, goals) is long. The README lists
 * them. No view lays out more of one value than its column may hold,
 * whatever an older file or raw SQL put in it. */
#define TANDEM_LIMIT_SHORT 200
#define TANDEM_LIMIT_EMAIL 254
#define TANDEM_LIMIT_LONG  10000

guint       tandem_text_limit_for_column (const char             *column);
guint       tandem_text_shown_limit      (const char             *column);
gboolean    tandem_text_fits             (const char             *text,
                                          guint                   limit);
char       *tandem_text_bound            (const char             *text,
                                          guint                   limit);


G_END_DECLS
