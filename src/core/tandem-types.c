/* tandem-types.c — the small vocabularies every part of Tandem shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-types.h"

/* The names stored in the database and used in CSV files: never translated. */
static const char * const level_names[] = {
  "executive", "manager", "individual_contributor",
};
static const char * const dimension_names[] = {
  "optimism", "resources", "transparency",
};
static const char * const status_names[] = {
  "invited", "enrolled", "in_progress", "completed", "dropped",
};
static const char * const topic_names[] = {
  "basics", "ethics", "practical_applications", "prompt_literacy", "data_literacy", "governance",
};
static const char * const format_names[] = {
  "workshop", "self_paced", "coaching", "briefing",
};

G_STATIC_ASSERT (G_N_ELEMENTS (level_names) == TANDEM_N_LEVELS);
G_STATIC_ASSERT (G_N_ELEMENTS (dimension_names) == TANDEM_N_DIMENSIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == TANDEM_N_ENROLLMENT_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (format_names) == TANDEM_N_FORMATS);
G_STATIC_ASSERT (G_N_ELEMENTS (topic_names) == TANDEM_N_TOPICS);

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             guint              *out_index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (names[i], text) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
tandem_level_to_string (TandemLevel level)
{
  g_return_val_if_fail (level < TANDEM_N_LEVELS, NULL);

  return level_names[level];
}

gboolean
tandem_level_from_string (const char  *text,
                          TandemLevel *out_level)
{
  guint i;

  g_return_val_if_fail (out_level != NULL, FALSE);

  if (!lookup_name (level_names, TANDEM_N_LEVELS, text, &i))
    return FALSE;
  *out_level = i;
  return TRUE;
}

const char *
tandem_level_get_label (TandemLevel level)
{
  switch (level)
    {
    case TANDEM_LEVEL_EXECUTIVE:
      return _("Executive");
    case TANDEM_LEVEL_MANAGER:
      return _("Manager");
    case TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR:
      return _("Individual contributor");
    case TANDEM_N_LEVELS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tandem_dimension_to_string (TandemDimension dimension)
{
  g_return_val_if_fail (dimension < TANDEM_N_DIMENSIONS, NULL);

  return dimension_names[dimension];
}

gboolean
tandem_dimension_from_string (const char      *text,
                              TandemDimension *out_dimension)
{
  guint i;

  g_return_val_if_fail (out_dimension != NULL, FALSE);

  if (!lookup_name (dimension_names, TANDEM_N_DIMENSIONS, text, &i))
    return FALSE;
  *out_dimension = i;
  return TRUE;
}

const char *
tandem_dimension_get_label (TandemDimension dimension)
{
  switch (dimension)
    {
    case TANDEM_DIMENSION_OPTIMISM:
      return _("Optimism");
    case TANDEM_DIMENSION_RESOURCES:
      return _("Resources");
    case TANDEM_DIMENSION_TRANSPARENCY:
      return _("Transparency");
    case TANDEM_N_DIMENSIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tandem_enrollment_status_to_string (TandemEnrollmentStatus status)
{
  g_return_val_if_fail (status < TANDEM_N_ENROLLMENT_STATUSES, NULL);

  return status_names[status];
}

gboolean
tandem_enrollment_status_from_string (const char             *text,
                                      TandemEnrollmentStatus *out_status)
{
  guint i;

  g_return_val_if_fail (out_status != NULL, FALSE);

  if (!lookup_name (status_names, TANDEM_N_ENROLLMENT_STATUSES, text, &i))
    return FALSE;
  *out_status = i;
  return TRUE;
}

const char *
tandem_enrollment_status_get_label (TandemEnrollmentStatus status)
{
  switch (status)
    {
    case TANDEM_ENROLLMENT_INVITED:
      return _("Invited");
    case TANDEM_ENROLLMENT_ENROLLED:
      return _("Enrolled");
    case TANDEM_ENROLLMENT_IN_PROGRESS:
      return _("In progress");
    case TANDEM_ENROLLMENT_COMPLETED:
      return _("Completed");
    case TANDEM_ENROLLMENT_DROPPED:
      return _("Dropped");
    case TANDEM_N_ENROLLMENT_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tandem_topic_to_string (TandemTopic topic)
{
  g_return_val_if_fail (topic < TANDEM_N_TOPICS, NULL);

  return topic_names[topic];
}

gboolean
tandem_topic_from_string (const char  *text,
                          TandemTopic *out_topic)
{
  guint i;

  g_return_val_if_fail (out_topic != NULL, FALSE);

  if (!lookup_name (topic_names, TANDEM_N_TOPICS, text, &i))
    return FALSE;
  *out_topic = i;
  return TRUE;
}

const char *
tandem_topic_get_label (TandemTopic topic)
{
  switch (topic)
    {
    case TANDEM_TOPIC_BASICS:
      return _("AI basics");
    case TANDEM_TOPIC_ETHICS:
      return _("Ethics");
    case TANDEM_TOPIC_PRACTICAL_APPLICATIONS:
      return _("Practical applications");
    case TANDEM_TOPIC_PROMPT_LITERACY:
      return _("Prompt literacy");
    case TANDEM_TOPIC_DATA_LITERACY:
      return _("Data literacy");
    case TANDEM_TOPIC_GOVERNANCE:
      return _("Governance");
    case TANDEM_N_TOPICS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* yes/no, true/false, 1/0 in any case, as HR exports write flags. */
gboolean
tandem_parse_yes_no (const char *text,
                     gboolean   *out_value)
{
  /* In every language Tandem speaks, as spreadsheets write them: English,
   * German, Chinese and Japanese. */
  static const char * const yes[] = { "yes", "true", "1", "y", "ja", "wahr", "是", "真", "はい" };
  static const char * const no[] = { "no", "false", "0", "n", "nein", "falsch", "否", "假", "いいえ" };
  G_STATIC_ASSERT (G_N_ELEMENTS (yes) == G_N_ELEMENTS (no));
  g_autofree char *folded = NULL;
  guint i;

  g_return_val_if_fail (out_value != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  /* Written as the lists write them, as most files do: no need to fold. */
  for (i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (text, yes[i]) == 0 || strcmp (text, no[i]) == 0)
      {
        *out_value = strcmp (text, yes[i]) == 0;
        return TRUE;
      }
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  if (lookup_name (yes, G_N_ELEMENTS (yes), folded, &i))
    *out_value = TRUE;
  else if (lookup_name (no, G_N_ELEMENTS (no), folded, &i))
    *out_value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/**
 * tandem_format_count:
 *
 * @n as the reader's locale writes it: "33,381" in English, "33.381" in
 * German, "33381" where the locale groups no digits.
 *
 * Returns: (transfer full): the figure
 */
char *
tandem_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

/**
 * tandem_parse_level:
 *
 * A level as people write it in a file: Tandem's own names
 * (individual_contributor), the labels the app shows ("Individual
 * contributor") in any case, with a space, hyphen or underscore between the
 * words, singular or plural, and the same in every language Tandem ships.
 */
gboolean
tandem_parse_level (const char  *text,
                    TandemLevel *out_level)
{
  static const struct { const char *word; TandemLevel level; } words[] = {
    { "executive", TANDEM_LEVEL_EXECUTIVE },
    { "executives", TANDEM_LEVEL_EXECUTIVE },
    { "manager", TANDEM_LEVEL_MANAGER },
    { "managers", TANDEM_LEVEL_MANAGER },
    { "individual contributor", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR },
    { "individual contributors", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR },
    /* German, as Tandem's German labels write them */
    { "führungskraft", TANDEM_LEVEL_EXECUTIVE },
    { "führungskräfte", TANDEM_LEVEL_EXECUTIVE },
    { "mitarbeitende", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR },
    { "mitarbeitender", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR },
    /* Simplified Chinese and Japanese, as Tandem's labels write them */
    { "高管", TANDEM_LEVEL_EXECUTIVE },
    { "经理", TANDEM_LEVEL_MANAGER },
    { "一线员工", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR },
    { "経営幹部", TANDEM_LEVEL_EXECUTIVE },
    { "マネージャー", TANDEM_LEVEL_MANAGER },
    { "一般社員", TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR },
  };
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (out_level != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  /* Tandem's own names, as its exports and most files write them: an
   * import of a million rows asks this a million times. */
  for (TandemLevel level = 0; level < TANDEM_N_LEVELS; level++)
    if (strcmp (text, level_names[level]) == 0)
      {
        *out_level = level;
        return TRUE;
      }
  folded = g_utf8_casefold (text, -1);
  g_strdelimit (folded, "_-", ' ');
  parts = g_strsplit (g_strstrip (folded), " ", -1);
  {
    GStrvBuilder *builder = g_strv_builder_new ();
    g_auto(GStrv) words_only = NULL;

    for (guint i = 0; parts[i] != NULL; i++)
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    words_only = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    joined = g_strjoinv (" ", words_only);
  }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (joined, words[i].word))
      {
        *out_level = words[i].level;
        return TRUE;
      }
  /* The labels in the language the app runs in. */
  for (TandemLevel level = 0; level < TANDEM_N_LEVELS; level++)
    {
      g_autofree char *label = g_utf8_casefold (tandem_level_get_label (level), -1);

      if (g_str_equal (joined, label))
        {
          *out_level = level;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
tandem_program_format_to_string (TandemProgramFormat format)
{
  g_return_val_if_fail (format < TANDEM_N_FORMATS, NULL);

  return format_names[format];
}

gboolean
tandem_program_format_from_string (const char          *text,
                                   TandemProgramFormat *out_format)
{
  guint i;

  g_return_val_if_fail (out_format != NULL, FALSE);

  if (!lookup_name (format_names, TANDEM_N_FORMATS, text, &i))
    return FALSE;
  *out_format = i;
  return TRUE;
}

const char *
tandem_program_format_get_label (TandemProgramFormat format)
{
  switch (format)
    {
    case TANDEM_FORMAT_WORKSHOP:
      return _("Hands-on workshop");
    case TANDEM_FORMAT_SELF_PACED:
      return _("Self-paced course");
    case TANDEM_FORMAT_COACHING:
      return _("Coaching");
    case TANDEM_FORMAT_BRIEFING:
      return _("Briefing");
    case TANDEM_N_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tandem_date_parse_iso:
 * @text: a calendar date written YYYY-MM-DD
 *
 * Dates in Tandem are calendar days with no time and no time zone, so a
 * session logged on the 3rd stays on the 3rd wherever the file is opened.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when @text is not
 *   exactly a valid YYYY-MM-DD date
 */
GDate *
tandem_date_parse_iso (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  year = (guint)strtoul (text, NULL, 10);
  month = (guint)strtoul (text + 5, NULL, 10);
  day = (guint)strtoul (text + 8, NULL, 10);

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

/* A day work can have happened on, or be planned for: from 2000-01-01 to
 * a year from today. A session dated 0001 or 2099 is a typing slip, and
 * would make every cadence figure absurd. */
gboolean
tandem_date_is_plausible (const GDate *date)
{
  G_LOCK_DEFINE_STATIC (bounds);
  static gboolean known;
  static gint64 checked_at;
  static guint32 first, last;
  gint64 now = g_get_monotonic_time ();
  guint32 day;
  gboolean plausible;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  /* Finding today reads the local time zone from disk: an import of
   * 500,000 dated rows asks once a minute, not once a row. */
  day = g_date_get_julian (date);
  G_LOCK (bounds);
  if (!known || now - checked_at > 60 * G_USEC_PER_SEC)
    {
      g_autoptr(GDate) today = tandem_date_new_today ();
      g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2000);

      g_date_add_years (today, 1);
      first = g_date_get_julian (start);
      last = g_date_get_julian (today);
      checked_at = now;
      known = TRUE;
    }
  plausible = day >= first && day <= last;
  G_UNLOCK (bounds);
  return plausible;
}

/**
 * tandem_date_explain:
 * @text: a date as typed
 * @plausible: whether the day must also be one work can have happened on
 *   (tandem_date_is_plausible()), as for a session; a program may be
 *   planned further ahead
 *
 * What is wrong with a date a person typed, in words that say how to put
 * it right: "February has 28 days in 2026", "There is no month 13".
 *
 * Returns: (transfer full) (nullable): %NULL when @text is a real day,
 *   written YYYY-MM-DD (and plausible, if asked)
 */
char *
tandem_date_explain (const char *text,
                     gboolean    plausible)
{
  g_autoptr(GDate) date = NULL;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]) ||
      !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]))
    return g_strdup (_("Write the date as YYYY-MM-DD, e.g. 2026-03-14."));

  year = (guint)strtoul (text, NULL, 10);
  month = (guint)strtoul (text + 5, NULL, 10);
  day = (guint)strtoul (text + 8, NULL, 10);
  if (month < 1 || month > 12)
    return g_strdup_printf (_("There is no month %02u; months go from 01 to 12."), month);
  if (year < 1 && plausible)
    return g_strdup (_("Choose a day from 2000-01-01 to a year from today."));
  if (year < 1)
    return g_strdup (_("There is no year 0000."));
  if (day < 1 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc ((int)year, (int)month, 1, 0, 0, 0);
      g_autofree char *month_name = first ? g_date_time_format (first, "%B") : g_strdup_printf ("%02u", month);
      guint8 days = g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year);

      /* Translators: e.g. "February has 28 days in 2026" */
      return g_strdup_printf (_("%s has %u days in %u."), month_name, (guint)days, year);
    }
  date = g_date_new_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
  if (plausible && !tandem_date_is_plausible (date))
    return g_strdup (_("Choose a day from 2000-01-01 to a year from today."));
  return NULL;
}

/* An optional date: absent (%NULL), or a real day written YYYY-MM-DD. */
gboolean
tandem_date_is_valid_or_null (const char *text)
{
  g_autoptr(GDate) date = NULL;

  if (text == NULL)
    return TRUE;
  date = tandem_date_parse_iso (text);
  return date != NULL;
}

char *
tandem_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date),
                          (guint)g_date_get_day (date));
}

GDate *
tandem_date_new_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/* The columns whose limit is known, by the name imports, exports and
 * queries give them. */
static const struct
{
  const char *column;
  guint       limit;
} column_limits[] = {
  { "name", TANDEM_LIMIT_SHORT }, { "external_id", TANDEM_LIMIT_SHORT },
  { "department", TANDEM_LIMIT_SHORT }, { "role", TANDEM_LIMIT_SHORT },
  { "title", TANDEM_LIMIT_SHORT }, { "program", TANDEM_LIMIT_SHORT },
  { "wave", TANDEM_LIMIT_SHORT }, { "email", TANDEM_LIMIT_EMAIL },
  { "tools", TANDEM_LIMIT_LONG }, { "data_used", TANDEM_LIMIT_LONG },
  { "insight", TANDEM_LIMIT_LONG }, { "follow_ups", TANDEM_LIMIT_LONG },
  { "notes", TANDEM_LIMIT_LONG }, { "goals", TANDEM_LIMIT_LONG },
  { "description", TANDEM_LIMIT_LONG },
};

static guint
column_limit (const char *column,
              guint       otherwise)
{
  for (guint i = 0; column != NULL && i < G_N_ELEMENTS (column_limits); i++)
    if (g_str_equal (column, column_limits[i].column))
      return column_limits[i].limit;
  return otherwise;
}

/**
 * tandem_text_limit_for_column:
 * @column: a column name as the imports and exports write it
 *
 * What a cell of @column may hold: any column not listed (a date, a
 * number, a level) is short.
 *
 * Returns: a number of characters
 */
guint
tandem_text_limit_for_column (const char *column)
{
  return column_limit (column, TANDEM_LIMIT_SHORT);
}

/**
 * tandem_text_shown_limit:
 * @column: (nullable): a column name as a query names it
 *
 * How much of a stored value a view lays out: a column known to be short
 * (a name, a title, a department) its limit, any other (an expression, a
 * column renamed in the query) the long limit.
 *
 * Returns: a number of characters
 */
guint
tandem_text_shown_limit (const char *column)
{
  return column_limit (column, TANDEM_LIMIT_LONG);
}

/* Walks at most @limit + 1 characters of valid UTF-8 @text, so a cell of
 * 50 MB costs no more than one of 10,000 characters. */
static const char *
text_skip (const char *text,
           guint       limit)
{
  const char *p = text;

  for (guint n = 0; n < limit && *p != '\0'; n++)
    p = g_utf8_next_char (p);
  return p;
}

/**
 * tandem_text_fits:
 * @text: valid UTF-8
 * @limit: most characters allowed
 *
 * Returns: whether @text has at most @limit characters.
 */
gboolean
tandem_text_fits (const char *text,
                  guint       limit)
{
  g_return_val_if_fail (text != NULL, TRUE);

  /* No fewer bytes than characters: most text fits by its bytes alone. */
  if (strnlen (text, (gsize)limit + 1) <= limit)
    return TRUE;
  return *text_skip (text, limit) == '\0';
}

/**
 * tandem_text_bound:
 * @text: (nullable): valid UTF-8
 * @limit: most characters to keep
 *
 * What a view shows of @text: all of it when it fits, else its first
 * @limit characters and an ellipsis.
 *
 * Returns: (transfer full) (nullable): a new string
 */
char *
tandem_text_bound (const char *text,
                   guint       limit)
{
  const char *end;

  if (text == NULL)
    return NULL;
  end = text_skip (text, limit);
  if (*end == '\0')
    return g_strdup (text);
  {
    g_autofree char *head = g_strndup (text, (gsize)(end - text));

    return g_strconcat (head, "…", NULL);
  }
}
