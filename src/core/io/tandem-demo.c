/* tandem-demo.c — the built-in demo organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Meridian Logistics": about 1,200 people in eight departments, six
 * AI-literacy programs, eight reverse-mentoring pairs and six quarterly
 * pulse-survey waves whose executive–IC gaps start at the published figures
 * (optimism 61 vs 46, resources 25 vs 11, transparency 44 vs 25) and close
 * in. About a hundred executives answer each wave, so that the change in
 * one gap (transparency) can be told from its noise by the verdict rule;
 * the others move less than their margins, and the takeaways say both.
 *
 * Everything is drawn from one seeded GRand and dated relative to @today, so
 * the same seed gives the same organisation, figure for figure.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tandem-demo.h"
#include "tandem-person-private.h"
#include "tandem-report.h"
#include "tandem-session.h"
#include "tandem-store-private.h"
#include "tandem-survey.h"
#include "tandem-types.h"

#define N_WAVES 6

typedef struct
{
  const char *name;
  const char *function;
  guint       size;
  const char *chief;
  const char *director;
  const char *manager;
  const char *ics[3];
} DepartmentSpec;

static const DepartmentSpec departments[] = {
  { "Customer Support", "Support", 240, "VP Customer Support", "Support Director",
    "Support Team Lead", { "Support Agent", "Senior Support Agent", "Knowledge Base Editor" } },
  { "Engineering", "Engineering", 210, "Chief Technology Officer", "Engineering Director",
    "Engineering Manager", { "Software Engineer", "QA Engineer", "Data Engineer" } },
  { "Sales", "Sales", 180, "Chief Revenue Officer", "Sales Director",
    "Sales Manager", { "Account Executive", "Sales Development Rep", "Solutions Consultant" } },
  { "Marketing", "Marketing", 135, "Chief Marketing Officer", "Marketing Director",
    "Marketing Manager", { "Content Marketer", "Marketing Analyst", "Campaign Specialist" } },
  { "Operations", "Operations", 135, "Chief Operating Officer", "Operations Director",
    "Operations Manager", { "Logistics Coordinator", "Operations Analyst", "Procurement Specialist" } },
  { "Finance", "Finance", 120, "Chief Financial Officer", "Finance Director",
    "Finance Manager", { "Financial Analyst", "Accountant", "FP&A Analyst" } },
  { "People & HR", "HR", 90, "Chief People Officer", "HR Director",
    "HR Manager", { "HR Business Partner", "Recruiter", "People Operations Specialist" } },
  { "Legal & Compliance", "Legal", 90, "General Counsel", "Compliance Director",
    "Legal Manager", { "Legal Counsel", "Compliance Analyst", "Paralegal" } },
};

static const char * const first_names[] = {
  "Amara", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gabriel", "Hana", "Ines", "Jonas",
  "Kenji", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tara",
  "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoë", "Aisha", "Bruno", "Carmen", "David",
  "Emma", "Felix", "Grace", "Hugo", "Ingrid", "Jamal", "Keiko", "Lucas", "Maya", "Noah",
  "Olivia", "Pablo", "Ravi", "Sofia", "Tomás", "Uma", "Viktor", "Wanjiru", "Yara", "Zain",
};

static const char * const last_names[] = {
  "Okafor", "Schneider", "Dubois", "Ivanova", "Yılmaz", "Haddad", "Silva", "Tanaka", "García",
  "Berg", "Nakamura", "Fischer", "Rossi", "Khan", "Lindqvist", "Patel", "Moreau", "Costa",
  "Nasser", "Novak", "Chen", "Kowalski", "Mensah", "Andersen", "Hernández", "Weber", "Kim",
  "O'Brien", "Santos", "Müller", "Nguyen", "Jansen", "Osei", "Romano", "Sato", "Bauer",
  "Mwangi", "Petrov", "Larsen", "Ahmed", "Murphy", "Alvarez", "Singh", "Kaya", "Lopez",
  "Wójcik", "Eriksson", "Adeyemi", "Park", "Ricci",
};

typedef struct
{
  const char *title;
  const char *description;
  const char *format;
  const char *topics[2];
  const char *target_function;  /* NULL: every function */
  const char *target_level;     /* NULL: every level */
  int         started_days_ago;
  double      reach;            /* share of the target group enrolled */
} ProgramSpec;

static const ProgramSpec programs[] = {
  { "AI Foundations for Everyone",
    "What today's AI tools can and cannot do, how to use them safely, and where to ask for help.",
    "self_paced", { "basics", "ethics" }, NULL, NULL, 250, 0.62 },
  { "Hands-on AI for Executives",
    "Leaders work on their own material — forecasts, board decks, their inbox — with a coach at their side.",
    "workshop", { "practical_applications", "data_literacy" }, NULL, "executive", 190, 0.85 },
  { "Prompt Literacy for Customer Support",
    "Drafting, summarising and triaging tickets with approved assistants, and checking what they write.",
    "workshop", { "prompt_literacy", "practical_applications" }, "Support", NULL, 160, 0.80 },
  { "AI-Assisted Forecasting for Finance",
    "Scenario models, variance explanations and the limits of generated numbers.",
    "workshop", { "data_literacy", "practical_applications" }, "Finance", NULL, 120, 0.75 },
  { "Responsible AI for People Leaders",
    "Policy, privacy, bias and how to talk with a team about what AI changes in their work.",
    "briefing", { "ethics", "governance" }, NULL, "manager", 90, 0.70 },
  { "Generative AI for Marketing Content",
    "From brief to draft to review: brand voice, sources and disclosure.",
    "coaching", { "prompt_literacy", "practical_applications" }, "Marketing", NULL, 60, 0.70 },
};

static const char * const tools[] = {
  "Copilot in Outlook", "ChatGPT Enterprise", "Claude", "Gemini in Sheets",
  "Copilot in Excel", "Meeting transcription", "Perplexity", "Internal RAG assistant",
};

static const char * const data_used[] = {
  "Her own sent emails", "Q3 financial forecast", "CRM pipeline export",
  "Support ticket backlog", "Board deck draft", "Quarterly business review notes",
  "Customer survey verbatims", "Contract templates", "Hiring plan spreadsheet",
};

static const char * const insights[] = {
  "The tone of her emails turns abrasive in busy weeks; she now asks for a tone check before sending.",
  "Summarising 200 customer verbatims took ten minutes instead of a morning, but two quotes were invented — always check sources.",
  "A first draft of the board narrative is fast; the judgement about what to leave out is still his.",
  "Variance explanations are plausible but wrong when the model cannot see the ledger; give it the data or do not ask.",
  "Asking the assistant to argue against her plan surfaced a risk the team had not raised.",
  "Meeting transcripts make follow-ups reliable; agreed to tell attendees when recording.",
  "Pipeline clean-up suggestions were good; forecasting the close dates was not.",
  "Prompt templates from the support team are better than anything he wrote himself.",
  "Sensitive HR data must stay out of public tools; the internal assistant is the place for it.",
  "Spreadsheet formulas explained in plain language helped him question the model, not just accept it.",
};

static const char * const follow_ups[] = {
  "Try the tone check on next week's escalation emails",
  "Bring the Q4 forecast and test scenario prompts",
  "Share the prompt template with the leadership team",
  "Ask IT about access to the internal assistant",
  "Draft the all-hands AI update with the mentor",
  "Compare two tools on the same contract summary",
};

typedef struct
{
  gint64      id;
  gint64      role_id;
  gint64      department_id;
  TandemLevel level;
  guint       department;
  gboolean    active;
} DemoPerson;

typedef struct
{
  TandemStore *store;
  GRand       *rand;
  const GDate *today;
  GArray      *people;   /* of DemoPerson */
} Demo;

static char *
date_days_ago (const GDate *today,
               int          days)
{
  GDate date = *today;

  if (days > 0)
    g_date_subtract_days (&date, (guint)days);
  else if (days < 0)
    g_date_add_days (&date, (guint)-days);
  return tandem_date_to_iso (&date);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

static gint64
insert_named (Demo        *demo,
              const char  *sql,
              const char  *name,
              const char  *level,
              const char  *function,
              GError     **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (demo->store, sql, error);

  if (stmt == NULL)
    return -1;
  tandem_stmt_bind_text (stmt, 1, name);
  if (level != NULL)
    {
      tandem_stmt_bind_text (stmt, 2, level);
      tandem_stmt_bind_text (stmt, 3, function);
    }
  if (!tandem_stmt_step_done (stmt, error))
    return -1;
  return tandem_store_get_last_insert_id (demo->store);
}

static gboolean
add_people (Demo    *demo,
            GError **error)
{
  g_autoptr(GHashTable) used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemStmt) stmt = NULL;
  guint serial = 1000;

  stmt = tandem_store_prepare (demo->store,
                               "INSERT INTO person (external_id, name, email, role_id, department_id,"
                               "                    is_champion, has_tool_access, active)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (departments); d++)
    {
      const DepartmentSpec *spec = &departments[d];
      const char *role_names[6] = { spec->chief, spec->director, spec->manager,
                                    spec->ics[0], spec->ics[1], spec->ics[2] };
      const TandemLevel role_levels[6] = { TANDEM_LEVEL_EXECUTIVE, TANDEM_LEVEL_EXECUTIVE,
                                           TANDEM_LEVEL_MANAGER,
                                           TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR,
                                           TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR,
                                           TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR };
      gint64 role_ids[6];
      gint64 department_id;
      guint n_managers = MAX (2, spec->size / 10);
      guint n_directors = MAX (2, spec->size / 10);
      guint target_champions = tandem_champion_target (spec->size);
      guint champions;

      department_id = insert_named (demo, "INSERT INTO department (name) VALUES ($1)",
                                    spec->name, NULL, NULL, error);
      if (department_id < 0)
        return FALSE;

      for (guint r = 0; r < 6; r++)
        {
          role_ids[r] = insert_named (demo,
                                      "INSERT INTO role (name, level, function) VALUES ($1, $2, $3)",
                                      role_names[r], tandem_level_to_string (role_levels[r]),
                                      spec->function, error);
          if (role_ids[r] < 0)
            return FALSE;
        }

      /* Some departments reach the 1:25 champion target, some fall short. */
      champions = chance (demo, 0.5) ? target_champions : target_champions - 1;

      for (guint i = 0; i < spec->size; i++)
        {
          DemoPerson person = { 0, };
          g_autofree char *name = NULL;
          g_autofree char *ascii = NULL;
          g_autofree char *email = NULL;
          g_autofree char *external_id = NULL;
          guint role;
          double access;
          gboolean champion;

          if (i == 0)
            role = 0;
          else if (i < 3 || i >= spec->size - (n_directors - 2))
            role = 1;   /* two directors first, the rest last: the first people keep their roles */
          else if (i < 3 + n_managers)
            role = 2;
          else
            role = 3 + (i % 3);

          do
            {
              g_free (name);
              name = g_strdup_printf ("%s %s",
                                      first_names[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (first_names))],
                                      last_names[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (last_names))]);
            }
          while (g_hash_table_contains (used_names, name));
          g_hash_table_add (used_names, g_strdup (name));

          {
            /* The Turkish dotless ı has no ASCII form of its own; it is written i. */
            g_auto(GStrv) parts = g_strsplit (name, "ı", -1);
            g_autofree char *plain = g_strjoinv ("i", parts);

            ascii = g_str_to_ascii (plain, "C");
          }
          g_strdelimit (ascii, " ", '.');
          g_strdelimit (ascii, "'", '-');
          /* Any other letter with no ASCII form became “?”: leave it out. */
          {
            char *to = ascii;

            for (const char *from = ascii; *from != '\0'; from++)
              if (*from != '?')
                *to++ = *from;
            *to = '\0';
          }
          email = g_strdup_printf ("%s@meridian.example", ascii);
          g_free (ascii);
          ascii = g_ascii_strdown (email, -1);
          external_id = g_strdup_printf ("MER-%04u", serial++);

          person.level = role_levels[role];
          person.role_id = role_ids[role];
          person.department_id = department_id;
          person.department = d;
          person.active = i < 3 || chance (demo, 0.97);

          /* Leaders have the tools far more often than ICs: the resource gap. */
          access = person.level == TANDEM_LEVEL_EXECUTIVE ? 0.85
                   : person.level == TANDEM_LEVEL_MANAGER ? 0.6 : 0.3;
          champion = FALSE;
          if (champions > 0 && person.level == TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR &&
              person.active && i % 11 == 4)
            {
              champion = TRUE;
              champions--;
            }

          tandem_stmt_bind_text (stmt, 1, external_id);
          tandem_stmt_bind_text (stmt, 2, name);
          tandem_stmt_bind_text (stmt, 3, ascii);
          tandem_stmt_bind_int64 (stmt, 4, person.role_id);
          tandem_stmt_bind_int64 (stmt, 5, person.department_id);
          tandem_stmt_bind_int (stmt, 6, champion);
          tandem_stmt_bind_int (stmt, 7, champion || chance (demo, access));
          tandem_stmt_bind_int (stmt, 8, person.active);
          if (!tandem_stmt_step_done (stmt, error))
            return FALSE;

          person.id = tandem_store_get_last_insert_id (demo->store);
          g_array_append_val (demo->people, person);
        }
    }

  return TRUE;
}

static gboolean
program_targets (const ProgramSpec *spec,
                 const DemoPerson  *person)
{
  if (spec->target_level != NULL &&
      g_strcmp0 (spec->target_level, tandem_level_to_string (person->level)) != 0)
    return FALSE;
  if (spec->target_function != NULL &&
      g_strcmp0 (spec->target_function, departments[person->department].function) != 0)
    return FALSE;
  return TRUE;
}

static gboolean
add_programs (Demo    *demo,
              GError **error)
{
  g_autoptr(TandemStmt) program = NULL;
  g_autoptr(TandemStmt) topic = NULL;
  g_autoptr(TandemStmt) target = NULL;
  g_autoptr(TandemStmt) enroll = NULL;

  program = tandem_store_prepare (demo->store,
                                  "INSERT INTO program (title, description, format, starts_on, ends_on, capacity)"
                                  " VALUES ($1, $2, $3, $4, $5, $6)", error);
  topic = program ? tandem_store_prepare (demo->store,
                                          "INSERT INTO program_topic (program_id, topic) VALUES ($1, $2)",
                                          error) : NULL;
  target = topic ? tandem_store_prepare (demo->store,
                                         "INSERT INTO program_role (program_id, role_id)"
                                         " VALUES ($1, $2) ON CONFLICT DO NOTHING", error) : NULL;
  enroll = target ? tandem_store_prepare (demo->store,
                                          "INSERT INTO enrollment (person_id, program_id, status,"
                                          "                        invited_on, enrolled_on, completed_on)"
                                          " VALUES ($1, $2, $3, $4, $5, $6)", error) : NULL;
  if (enroll == NULL)
    return FALSE;

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      const ProgramSpec *spec = &programs[p];
      g_autofree char *starts = date_days_ago (demo->today, spec->started_days_ago);
      g_autofree char *ends = date_days_ago (demo->today, spec->started_days_ago - 120);
      gint64 program_id;

      tandem_stmt_bind_text (program, 1, spec->title);
      tandem_stmt_bind_text (program, 2, spec->description);
      tandem_stmt_bind_text (program, 3, spec->format);
      tandem_stmt_bind_text (program, 4, starts);
      tandem_stmt_bind_text (program, 5, ends);
      if (spec->target_function == NULL && spec->target_level == NULL)
        tandem_stmt_bind_null (program, 6);
      else
        tandem_stmt_bind_int (program, 6, 200);   /* seats across its cohorts */
      if (!tandem_stmt_step_done (program, error))
        return FALSE;
      program_id = tandem_store_get_last_insert_id (demo->store);

      for (guint t = 0; t < G_N_ELEMENTS (spec->topics); t++)
        {
          tandem_stmt_bind_int64 (topic, 1, program_id);
          tandem_stmt_bind_text (topic, 2, spec->topics[t]);
          if (!tandem_stmt_step_done (topic, error))
            return FALSE;
        }

      for (guint i = 0; i < demo->people->len; i++)
        {
          const DemoPerson *person = &g_array_index (demo->people, DemoPerson, i);
          g_autofree char *invited = NULL;
          g_autofree char *enrolled = NULL;
          g_autofree char *completed = NULL;
          const char *status;
          double roll;
          int day;

          if (!person->active || !program_targets (spec, person))
            continue;

          tandem_stmt_bind_int64 (target, 1, program_id);
          tandem_stmt_bind_int64 (target, 2, person->role_id);
          if (!tandem_stmt_step_done (target, error))
            return FALSE;

          if (!chance (demo, spec->reach))
            continue;

          /* Older programs have had more time to be completed. */
          roll = g_rand_double (demo->rand);
          day = spec->started_days_ago - g_rand_int_range (demo->rand, 0, 10);
          invited = date_days_ago (demo->today, day + 10);
          if (roll < 0.07)
            status = "dropped";
          else if (roll < 0.07 + 0.12)
            status = "invited";
          else if (roll < 0.19 + 0.10)
            status = "enrolled";
          else if (roll < 0.29 + 0.6 * (1.0 - spec->started_days_ago / 300.0))
            status = "in_progress";
          else
            status = "completed";

          if (g_strcmp0 (status, "invited") != 0)
            enrolled = date_days_ago (demo->today, day);
          if (g_strcmp0 (status, "completed") == 0)
            {
              int took = g_rand_int_range (demo->rand, 14, MAX (15, day));

              completed = date_days_ago (demo->today, MAX (1, day - took));
            }

          tandem_stmt_bind_int64 (enroll, 1, person->id);
          tandem_stmt_bind_int64 (enroll, 2, program_id);
          tandem_stmt_bind_text (enroll, 3, status);
          tandem_stmt_bind_text (enroll, 4, invited);
          tandem_stmt_bind_text (enroll, 5, enrolled);
          tandem_stmt_bind_text (enroll, 6, completed);
          if (!tandem_stmt_step_done (enroll, error))
            return FALSE;
        }
    }

  return tandem_enrollment_refresh_learning (demo->store, -1, -1, error);
}

static const DemoPerson *
find_person (Demo        *demo,
             guint        department,
             TandemLevel  level,
             guint        skip)
{
  for (guint i = 0; i < demo->people->len; i++)
    {
      const DemoPerson *person = &g_array_index (demo->people, DemoPerson, i);

      if (person->department == department && person->level == level && person->active &&
          skip-- == 0)
        return person;
    }
  return NULL;
}

static gboolean
add_pairs (Demo    *demo,
           GError **error)
{
  g_autoptr(TandemStmt) pair = NULL;

  pair = tandem_store_prepare (demo->store,
                               "INSERT INTO mentoring_pair (executive_id, mentor_id, started_on,"
                               "                            cadence_days, goals)"
                               " VALUES ($1, $2, $3, 14, $4)", error);
  if (pair == NULL)
    return FALSE;

  /* Each department's chief is coached by a junior from another department. */
  for (guint d = 0; d < G_N_ELEMENTS (departments); d++)
    {
      const DemoPerson *executive = find_person (demo, d, TANDEM_LEVEL_EXECUTIVE, 0);
      const DemoPerson *mentor = find_person (demo, (d + 1) % G_N_ELEMENTS (departments),
                                              TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR, 2 + d);
      int started = 200 - 18 * (int)d;
      /* Two pairs have slipped: their last session is weeks ago. */
      int stop = d == 2 ? 26 : d == 5 ? 19 : g_rand_int_range (demo->rand, 1, 12);
      g_autofree char *started_on = date_days_ago (demo->today, started);
      gint64 pair_id;
      int confidence = g_rand_int_range (demo->rand, 1, 3);
      g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));

      if (executive == NULL || mentor == NULL)
        continue;

      tandem_stmt_bind_int64 (pair, 1, executive->id);
      tandem_stmt_bind_int64 (pair, 2, mentor->id);
      tandem_stmt_bind_text (pair, 3, started_on);
      tandem_stmt_bind_text (pair, 4, "Use AI on my own work every week, and know where it fails.");
      if (!tandem_stmt_step_done (pair, error))
        return FALSE;
      pair_id = tandem_store_get_last_insert_id (demo->store);

      /* Sessions counted back from the pair's last one, then logged in order. */
      for (int day = stop; day <= started - 3; day += 14 + g_rand_int_range (demo->rand, -3, 4))
        g_array_prepend_val (days, day);

      for (guint k = 0; k < days->len; k++)
        {
          int day = g_array_index (days, int, k);
          g_autofree char *held_on = date_days_ago (demo->today, day);
          /* Confidence grows slowly, and a session can also knock it. */
          int after = confidence + (chance (demo, 0.3) ? 1 : 0) - (chance (demo, 0.08) ? 1 : 0);

          after = CLAMP (after, 1, 5);
          /* Now and then a fortnight is skipped, but not lately: only the
           * pairs meant to have slipped are overdue. */
          if (day > stop + 28 && chance (demo, 0.12))
            continue;

          {
            /* Drawn one by one: the order of the draws is the demo. */
            TandemSessionDraft draft = { .pair_id = pair_id, .held_on = held_on };

            draft.minutes = 30 + 15 * g_rand_int_range (demo->rand, 0, 4);
            draft.tools = tools[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (tools))];
            draft.data_used = data_used[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (data_used))];
            draft.insight = insights[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (insights))];
            draft.follow_ups = follow_ups[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (follow_ups))];
            draft.confidence_before = confidence;
            draft.confidence_after = after;
            draft.private_notes = chance (demo, 0.3)
                                  ? "Felt rushed; ask for more time on the data part next session."
                                  : "";

            if (tandem_session_add (demo->store, &draft, error) == 0)
              return FALSE;
          }

          confidence = after;
        }
    }

  /* Most follow-ups were dealt with by the next session; the latest stay open. */
  return tandem_store_exec (demo->store,
                            "UPDATE follow_up SET done_on = ("
                            "  SELECT min (later.held_on) FROM coaching_session later"
                            "    JOIN coaching_session s ON s.id = follow_up.session_id"
                            "   WHERE later.pair_id = s.pair_id AND later.held_on > s.held_on)"
                            " WHERE follow_up.id % 5 <> 0",
                            error);
}

/* Favourable shares (percent) per level and dimension, first wave and last. */
static const double targets[TANDEM_N_DIMENSIONS][2][2] = {
  /*                executives      ICs        */
  [TANDEM_DIMENSION_OPTIMISM]     = { { 61, 67 }, { 46, 61 } },
  [TANDEM_DIMENSION_RESOURCES]    = { { 25, 40 }, { 11, 33 } },
  [TANDEM_DIMENSION_TRANSPARENCY] = { { 44, 56 }, { 25, 55 } },
};

static double
target_share (Demo            *demo,
              TandemDimension  dimension,
              TandemLevel      level,
              guint            wave)
{
  double t = (double)wave / (N_WAVES - 1);
  double exec = targets[dimension][0][0] + t * (targets[dimension][0][1] - targets[dimension][0][0]);
  double ic = targets[dimension][1][0] + t * (targets[dimension][1][1] - targets[dimension][1][0]);
  /* The first wave sits on the published figures; later ones wobble a little. */
  double noise = wave == 0 ? 0.0 : g_rand_double_range (demo->rand, -2.0, 2.0);

  switch (level)
    {
    case TANDEM_LEVEL_EXECUTIVE:
      return exec + noise;
    case TANDEM_LEVEL_MANAGER:
      return (exec + ic) / 2.0 + noise;
    case TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR:
    case TANDEM_N_LEVELS:
    default:
      return ic + noise;
    }
}

static gboolean
add_waves (Demo    *demo,
           GError **error)
{
  g_autoptr(TandemStmt) response = NULL;
  g_autoptr(TandemSurveyTally) tally = tandem_survey_tally_new ();
  g_autoptr(GArray) respondents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (int) * TANDEM_N_DIMENSIONS);
  GDate last = *demo->today;
  guint year, quarter;

  response = tandem_store_prepare (demo->store,
                                   "INSERT INTO survey_response (wave_id, level, role_id, department_id,"
                                   "                             optimism, resources, transparency)"
                                   " VALUES ($1, $2, $3, $4, $5, $6, $7)", error);
  if (response == NULL)
    return FALSE;

  /* The latest wave was fielded in the middle of the last quarter that
   * ended at least a few weeks ago. */
  g_date_subtract_days (&last, 45);
  year = g_date_get_year (&last);
  quarter = (g_date_get_month (&last) - 1) / 3;   /* 0–3 */

  for (guint w = 0; w < N_WAVES; w++)
    {
      int back = N_WAVES - 1 - (int)w;
      int q = (int)quarter - back;
      int y = (int)year;
      g_autofree char *title = NULL;
      g_autofree char *fielded = NULL;
      gint64 wave_id;

      while (q < 0)
        {
          q += 4;
          y--;
        }
      title = g_strdup_printf ("%d Q%d", y, q + 1);
      fielded = g_strdup_printf ("%04d-%02d-15", y, q * 3 + 2);

      if (!tandem_survey_ensure_wave (demo->store, title, fielded, &wave_id, NULL, error))
        return FALSE;

      for (guint level = 0; level < TANDEM_N_LEVELS; level++)
        {
          gboolean leaders = level != TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
          guint n;

          g_array_set_size (respondents, 0);
          for (guint i = 0; i < demo->people->len; i++)
            {
              const DemoPerson *person = &g_array_index (demo->people, DemoPerson, i);

              if (person->active && person->level == level && chance (demo, leaders ? 0.85 : 0.72))
                g_array_append_val (respondents, i);
            }
          n = respondents->len;
          g_array_set_size (scores, n);

          for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
            {
              guint favourable = (guint)lround (target_share (demo, d, level, w) / 100.0 * n);

              /* Shuffle, then the first `favourable` answer 4 or 5: the
               * group's share is the target, not a coin-toss around it. */
              g_array_set_size (order, n);
              for (guint i = 0; i < n; i++)
                g_array_index (order, guint, i) = i;
              for (guint i = n; i > 1; i--)
                {
                  guint j = (guint)g_rand_int_range (demo->rand, 0, (gint32)i);
                  guint tmp = g_array_index (order, guint, i - 1);

                  g_array_index (order, guint, i - 1) = g_array_index (order, guint, j);
                  g_array_index (order, guint, j) = tmp;
                }
              for (guint i = 0; i < n; i++)
                {
                  int *row = (int *)(void *)(scores->data + (gsize)g_array_index (order, guint, i) *
                                                            sizeof (int) * TANDEM_N_DIMENSIONS);

                  row[d] = i < favourable ? g_rand_int_range (demo->rand, 4, 6)
                                          : g_rand_int_range (demo->rand, 1, 4);
                }
            }

          for (guint i = 0; i < n; i++)
            {
              const DemoPerson *person = &g_array_index (demo->people, DemoPerson,
                                                         g_array_index (respondents, guint, i));
              const int *row = (const int *)(void *)(scores->data + (gsize)i * sizeof (int) * TANDEM_N_DIMENSIONS);

              tandem_stmt_bind_int64 (response, 1, wave_id);
              tandem_stmt_bind_text (response, 2, tandem_level_to_string (level));
              tandem_stmt_bind_int64 (response, 3, person->role_id);
              tandem_stmt_bind_int64 (response, 4, person->department_id);
              for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
                tandem_stmt_bind_int (response, 5 + (int)d, row[d]);
              if (!tandem_stmt_step_done (response, error))
                return FALSE;
              tandem_survey_tally_add (tally, wave_id, level, person->department_id, person->role_id, row);
            }
        }
    }

  return tandem_survey_tally_flush (tally, demo->store, error);
}

/**
 * tandem_demo_populate:
 * @seed: the seed of every random draw; the same seed gives the same data
 * @today: the day the organisation is dated from
 * @replace: whether to replace data already in @store
 *
 * Fills @store with the demo organisation in one transaction: on any error
 * the database is left as it was.
 *
 * Returns: %FALSE with %TANDEM_STORE_ERROR_NOT_EMPTY when @store holds data
 *   and @replace is %FALSE
 */
gboolean
tandem_demo_populate (TandemStore  *store,
                      guint32       seed,
                      const GDate  *today,
                      gboolean      replace,
                      GError      **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) people = NULL;
  gboolean empty;
  Demo demo;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!tandem_store_begin (store, error))
    return FALSE;

  if (!tandem_store_is_empty (store, &empty, error))
    goto failed;

  if (!empty && !replace)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_EMPTY,
                   _("“%s” already holds an organisation; the demo organisation only fills "
                     "an empty database."),
                   tandem_store_get_path (store));
      goto failed;
    }

  if (!empty && !tandem_store_clear (store, error))
    goto failed;

  rand = g_rand_new_with_seed (seed);
  people = g_array_new (FALSE, FALSE, sizeof (DemoPerson));
  demo.store = store;
  demo.rand = rand;
  demo.today = today;
  demo.people = people;

  if (!add_people (&demo, error) ||
      !add_programs (&demo, error) ||
      !tandem_demo_add_competencies (store, error) ||
      !add_pairs (&demo, error) ||
      !add_waves (&demo, error) ||
      !tandem_store_commit (store, error))
    goto failed;

  return TRUE;

failed:
  tandem_store_rollback (store);
  return FALSE;
}
