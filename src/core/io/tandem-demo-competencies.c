/* tandem-demo-competencies.c — the demo organisation's AI-literacy targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sensible default set of competencies, drawn from published AI-literacy
 * frameworks: what each level of role should reach in each, and what each
 * demo program teaches and for how long.
 */
#include "config.h"

#include "tandem-competency.h"
#include "tandem-demo.h"
#include "tandem-store-private.h"

enum { TOOLS, PROMPTS, DATA, JUDGING, SAFE_USE, LEADING, N_COMPETENCIES };

static const struct { const char *name; const char *description; } competencies[N_COMPETENCIES] = {
  [TOOLS] = { "Using AI tools in one's own work",
              "Chooses an approved assistant for a task and gets real work done with it." },
  [PROMPTS] = { "Prompt literacy",
                "Writes instructions, context and examples that get a useful first draft." },
  [DATA] = { "Data literacy",
             "Knows what data a tool sees, and whether it is the right data for the question." },
  [JUDGING] = { "Judging AI output",
                "Checks facts, sources and numbers before anything generated is used." },
  [SAFE_USE] = { "Data protection and safe use",
                 "Keeps personal and confidential data out of tools not approved for it." },
  [LEADING] = { "Leading AI adoption",
                "Sets a team's direction on AI, makes room to learn, and models good use." },
};

/* Targets per level: executive, manager, individual contributor; 0: none. */
static const guint targets[TANDEM_N_LEVELS][N_COMPETENCIES] = {
  [TANDEM_LEVEL_EXECUTIVE] = { 2, 1, 1, 2, 2, 2 },
  [TANDEM_LEVEL_MANAGER] = { 2, 1, 1, 2, 2, 1 },
  [TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR] = { 2, 2, 1, 1, 2, 0 },
};

static const struct { const char *title; double hours; guint raises[N_COMPETENCIES]; } programs[] = {
  { "AI Foundations for Everyone", 2, { 1, 0, 0, 1, 2, 0 } },
  { "Hands-on AI for Executives", 12, { 2, 1, 1, 2, 0, 2 } },
  { "Prompt Literacy for Customer Support", 8, { 2, 2, 0, 1, 0, 0 } },
  { "AI-Assisted Forecasting for Finance", 10, { 2, 0, 2, 2, 0, 0 } },
  { "Responsible AI for People Leaders", 3, { 0, 0, 0, 2, 2, 1 } },
  { "Generative AI for Marketing Content", 6, { 2, 2, 0, 1, 0, 0 } },
};

/* Adds the competencies, every role's targets and what each program
 * raises, inside the demo's transaction. */
gboolean
tandem_demo_add_competencies (TandemStore  *store,
                              GError      **error)
{
  g_autoptr(TandemStmt) roles = NULL;
  g_autoptr(TandemStmt) program = NULL;
  TandemStep step;

  for (guint c = 0; c < N_COMPETENCIES; c++)
    if (tandem_competency_add (store, competencies[c].name, competencies[c].description, error) == 0)
      return FALSE;

  if (!(roles = tandem_store_prepare (store, "SELECT name, level FROM role ORDER BY id", error)))
    return FALSE;
  while ((step = tandem_stmt_step (roles, error)) == TANDEM_STEP_ROW)
    {
      TandemLevel level;

      if (!tandem_level_from_string (tandem_stmt_get_text (roles, 1), &level))
        continue;
      for (guint c = 0; c < N_COMPETENCIES; c++)
        if (targets[level][c] > 0 &&
            !tandem_role_set_target (store, tandem_stmt_get_text (roles, 0), competencies[c].name, targets[level][c],
                                     error))
          return FALSE;
    }
  if (step == TANDEM_STEP_ERROR)
    return FALSE;

  if (!(program = tandem_store_prepare (store, "UPDATE program SET duration_hours = $2 WHERE title = $1"
                                               " RETURNING id", error)))
    return FALSE;
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      gint64 id;

      tandem_stmt_reset (program);
      tandem_stmt_bind_text (program, 1, programs[p].title);
      tandem_stmt_bind_double (program, 2, programs[p].hours);
      if ((step = tandem_stmt_step (program, error)) == TANDEM_STEP_ERROR)
        return FALSE;
      if (step != TANDEM_STEP_ROW)
        continue;
      id = tandem_stmt_get_int64 (program, 0);
      tandem_stmt_reset (program);
      for (guint c = 0; c < N_COMPETENCIES; c++)
        if (programs[p].raises[c] > 0 &&
            !tandem_program_set_competency (store, id, competencies[c].name, programs[p].raises[c], error))
          return FALSE;
    }
  return TRUE;
}
