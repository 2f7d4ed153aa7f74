/* tandem-search.c — people and programs found by what someone types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GNOME Shell's search (and anything else that lets a user type a
 * few letters) asks of the organisation: every term must begin a word of
 * the name, in any case and with or without accents ("jose" finds "José
 * Álvarez", "mül" and "mul" find "Jonas Müller"); a term in a script
 * written without spaces (Chinese, Japanese) may stand anywhere in it.
 *
 * People are read in one pass over their names, in the table's order and
 * without their roles, folding only the names that are not ASCII, with no
 * allocation but for a match; only the hits kept are described.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-search.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

void
tandem_search_hit_free (TandemSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->id);
  g_free (hit->name);
  g_free (hit->description);
  g_free (hit);
}

/* Appends @c without case or accent: "É" as "e", "ß" as "ss"; a letter
 * outside the Latin scripts as itself, lowercased. */
static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char)c));
      return;
    }
  if (c == 0x00DF)   /* ß */
    {
      g_string_append (out, "ss");
      return;
    }
  n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 0; i < n; i++)
    {
      GUnicodeType type = g_unichar_type (parts[i]);

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (out, g_unichar_tolower (parts[i]));
    }
}

/* Folds @text into @out, which it empties first. */
static void
fold_into (GString    *out,
           const char *text)
{
  g_string_truncate (out, 0);
  if (!g_utf8_validate (text, -1, NULL))   /* not UTF-8: it matches nothing */
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    append_folded (out, g_utf8_get_char (p));
}

/**
 * tandem_search_fold:
 * @text: what was typed, or a name
 *
 * Returns: (transfer full): @text without case or accents, as compared
 */
char *
tandem_search_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  fold_into (out, text);
  return g_string_free (out, FALSE);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether @term begins a word of @haystack; a term that begins with a
 * character outside ASCII may stand anywhere. @ascii: @haystack is ASCII in
 * any case (compared without it), else folded. */
static gboolean
term_in (const char *term,
         const char *haystack,
         gboolean    ascii)
{
  gsize length = strlen (term);
  gboolean anywhere = (guchar)term[0] >= 0x80;

  for (const char *p = haystack; *p != '\0'; p++)
    {
      gboolean word_start = p == haystack || ((guchar)p[-1] < 0x80 && !g_ascii_isalnum (p[-1]));

      if (!word_start && !anywhere)
        continue;
      if (ascii ? g_ascii_strncasecmp (p, term, length) == 0 : strncmp (p, term, length) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether every term begins a word of @text; @scratch holds the folded
 * text when it is not ASCII, so a scan of many names allocates nothing. */
static gboolean
matches_with (const char * const *folded_terms,
              const char         *text,
              GString            *scratch)
{
  gboolean ascii = is_ascii (text);
  const char *haystack = text;

  if (!ascii)
    {
      fold_into (scratch, text);
      haystack = scratch->str;
    }
  for (guint i = 0; folded_terms[i] != NULL; i++)
    if (!term_in (folded_terms[i], haystack, ascii))
      return FALSE;
  return TRUE;
}

/**
 * tandem_search_matches:
 * @folded_terms: terms already passed through tandem_search_fold()
 * @text: a name
 *
 * Returns: whether every term begins a word of @text
 */
gboolean
tandem_search_matches (const char * const *folded_terms,
                       const char         *text)
{
  g_autoptr(GString) scratch = g_string_new (NULL);

  return matches_with (folded_terms, text, scratch);
}

static TandemSearchHit *
hit_new (TandemSearchKind  kind,
         gint64            row_id,
         const char       *name)
{
  TandemSearchHit *hit = g_new0 (TandemSearchHit, 1);

  hit->kind = kind;
  hit->row_id = row_id;
  hit->name = g_strdup (name);
  switch (kind)
    {
    case TANDEM_SEARCH_PERSON:
      hit->id = g_strdup_printf ("person:%" G_GINT64_FORMAT, row_id);
      break;
    case TANDEM_SEARCH_PROGRAM:
      hit->id = g_strdup_printf ("program:%" G_GINT64_FORMAT, row_id);
      break;
    case TANDEM_SEARCH_ACTION:
    default:
      hit->id = g_strdup ("log-session");
      break;
    }
  return hit;
}

/* "Support Agent · Customer Care", or what there is of it. */
static gboolean
describe_person (TandemStore      *store,
                 TandemSearchHit  *hit,
                 GError          **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store,
                                                     "SELECT p.name, coalesce (r.name, ''), coalesce (d.name, '')"
                                                     "  FROM person p"
                                                     "  LEFT JOIN role r ON r.id = p.role_id"
                                                     "  LEFT JOIN department d ON d.id = p.department_id"
                                                     " WHERE p.id = $1",
                                                     error);
  const char *role, *department;

  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, hit->row_id);
  if (!tandem_stmt_step_row (stmt, _("This person is no longer in the organisation."), error))
    return FALSE;
  g_free (hit->name);
  hit->name = g_strdup (tandem_stmt_get_text (stmt, 0));
  role = tandem_stmt_get_text (stmt, 1);
  department = tandem_stmt_get_text (stmt, 2);
  if (*role != '\0' && *department != '\0')
    /* Translators: a person found by search: their role · their department */
    hit->description = g_strdup_printf (_("%s · %s"), role, department);
  else
    hit->description = g_strdup (*role != '\0' ? role : department);
  return TRUE;
}

static gboolean
describe_program (TandemStore      *store,
                  TandemSearchHit  *hit,
                  GError          **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, "SELECT title, format FROM program WHERE id = $1", error);
  TandemProgramFormat format = TANDEM_FORMAT_WORKSHOP;

  if (stmt == NULL)
    return FALSE;
  tandem_stmt_bind_int64 (stmt, 1, hit->row_id);
  if (!tandem_stmt_step_row (stmt, _("This program no longer exists."), error))
    return FALSE;
  g_free (hit->name);
  hit->name = g_strdup (tandem_stmt_get_text (stmt, 0));
  tandem_program_format_from_string (tandem_stmt_get_text (stmt, 1), &format);
  /* Translators: a program found by search, e.g. "AI-literacy program · Workshop" */
  hit->description = g_strdup_printf (_("AI-literacy program · %s"), tandem_program_format_get_label (format));
  return TRUE;
}

static TandemSearchHit *
log_session_hit (void)
{
  TandemSearchHit *hit = hit_new (TANDEM_SEARCH_ACTION, 0, _("Log a Coaching Session"));

  hit->description = g_strdup (_("What was tried, on which data, what was learned"));
  return hit;
}

/* A match kept while scanning, by its folded name. */
typedef struct
{
  char   *key;
  gint64  id;
  char   *name;
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->key);
  g_free (candidate->name);
}

/* Collects the first @limit rows of @sql (id, name) whose name matches, in
 * the order of their folded names. The rows are read in the table's own
 * order, which is far quicker than through a name index, and only the best
 * few are kept as they come. */
static gboolean
collect (TandemStore         *store,
         const char          *sql,
         TandemSearchKind     kind,
         const char * const  *terms,
         guint                limit,
         GPtrArray           *hits,
         GError             **error)
{
  g_autoptr(TandemStmt) stmt = tandem_store_prepare (store, sql, error);
  g_autoptr(GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), limit + 1);
  g_autoptr(GString) scratch = g_string_new (NULL);
  TandemStep step;

  if (stmt == NULL)
    return FALSE;
  g_array_set_clear_func (kept, (GDestroyNotify)candidate_clear);
  while (limit > 0 && (step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      const char *name = tandem_stmt_get_text (stmt, 1);
      Candidate candidate;
      guint at;

      if (!matches_with (terms, name, scratch))
        continue;
      if (is_ascii (name))
        candidate.key = g_ascii_strdown (name, -1);
      else
        candidate.key = tandem_search_fold (name);
      /* Where it goes among those kept; past the last when it is worse. */
      for (at = kept->len; at > 0; at--)
        {
          Candidate *before = &g_array_index (kept, Candidate, at - 1);

          if (strcmp (before->key, candidate.key) <= 0)
            break;
        }
      if (at >= limit)
        {
          g_free (candidate.key);
          continue;
        }
      candidate.id = tandem_stmt_get_int64 (stmt, 0);
      candidate.name = g_strdup (name);
      g_array_insert_val (kept, at, candidate);
      if (kept->len > limit)
        g_array_remove_index (kept, limit);
    }
  if (limit > 0 && step == TANDEM_STEP_ERROR)
    return FALSE;

  for (guint i = 0; i < kept->len; i++)
    {
      Candidate *candidate = &g_array_index (kept, Candidate, i);

      g_ptr_array_add (hits, hit_new (kind, candidate->id, candidate->name));
    }
  return TRUE;
}

/**
 * tandem_search:
 * @terms: what was typed, a word each
 * @limit: how many people, and how many programs, at most
 *
 * Logging a session when the terms name it ("log", "session", "coaching"
 * in English or the user's language), then active people and programs
 * whose names match, each in alphabetical order, described.
 *
 * Returns: (transfer container) (element-type TandemSearchHit): the hits
 */
GPtrArray *
tandem_search (TandemStore        *store,
               const char * const *terms,
               guint               limit,
               GError            **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_search_hit_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) folded = NULL;
  g_autofree char *action_words = NULL;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *term = tandem_search_fold (terms[i]);

      g_strstrip (term);
      if (*term != '\0')
        g_strv_builder_add (builder, term);
    }
  folded = g_strv_builder_end (builder);
  if (folded[0] == NULL)
    return g_steal_pointer (&hits);

  action_words = g_strdup_printf ("%s %s log coaching session", _("Log a Coaching Session"), _("Coaching"));
  if (tandem_search_matches ((const char * const *)folded, action_words))
    g_ptr_array_add (hits, log_session_hit ());

  if (!collect (store, "SELECT id, name FROM person WHERE active = 1",
                TANDEM_SEARCH_PERSON, (const char * const *)folded, limit, hits, error) ||
      !collect (store, "SELECT id, title FROM program",
                TANDEM_SEARCH_PROGRAM, (const char * const *)folded, limit, hits, error))
    return NULL;

  for (guint i = 0; i < hits->len; i++)
    {
      TandemSearchHit *hit = g_ptr_array_index (hits, i);

      if ((hit->kind == TANDEM_SEARCH_PERSON && !describe_person (store, hit, error)) ||
          (hit->kind == TANDEM_SEARCH_PROGRAM && !describe_program (store, hit, error)))
        return NULL;
    }
  return g_steal_pointer (&hits);
}

/**
 * tandem_search_describe:
 * @id: a hit's id, as tandem_search() gave it
 *
 * Returns: (transfer full) (nullable): the hit, read again; %NULL with
 *   @error set when @id names nothing (any more)
 */
TandemSearchHit *
tandem_search_describe (TandemStore  *store,
                        const char   *id,
                        GError      **error)
{
  g_autoptr(TandemSearchHit) hit = NULL;
  TandemSearchKind kind;
  gint64 row_id;

  if (!tandem_search_parse_id (id, &kind, &row_id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” names no person or program."), id);
      return NULL;
    }
  if (kind == TANDEM_SEARCH_ACTION)
    return log_session_hit ();
  hit = hit_new (kind, row_id, "");
  if (!(kind == TANDEM_SEARCH_PERSON ? describe_person (store, hit, error) : describe_program (store, hit, error)))
    return NULL;
  return g_steal_pointer (&hit);
}

/**
 * tandem_search_parse_id:
 * @id: a hit's id: "person:42", "program:7" or "log-session"
 * @out_kind: (out): what it names
 * @out_row_id: (out): the person's or program's id; 0 for the action
 *
 * Returns: whether @id is a hit's id at all
 */
gboolean
tandem_search_parse_id (const char       *id,
                        TandemSearchKind *out_kind,
                        gint64           *out_row_id)
{
  static const struct { const char *prefix; TandemSearchKind kind; } kinds[] = {
    { "person:", TANDEM_SEARCH_PERSON }, { "program:", TANDEM_SEARCH_PROGRAM },
  };

  *out_row_id = 0;
  if (g_strcmp0 (id, "log-session") == 0)
    {
      *out_kind = TANDEM_SEARCH_ACTION;
      return TRUE;
    }
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (id, kinds[i].prefix) &&
        g_ascii_string_to_signed (id + strlen (kinds[i].prefix), 10, 1, G_MAXINT64, out_row_id, NULL))
      {
        *out_kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}
