/* tandem-person-model.c — the people of a large organisation, read on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A query reads only the ids of the people it matches, in order (a few
 * megabytes for a million people). Rows become TandemPerson objects only
 * when a view asks for them, a page at a time, and only the pages used last
 * are kept.
 */
#include "config.h"

#include "tandem-person-model.h"
#include "tandem-person-private.h"

/* Rows are read a page at a time, as they come into view. A jump across
 * the list needs a screenful it never read: pages of 16 read little more
 * than that (pages of 128 read four screens, and made some such frames
 * take over 16 ms). The last 6,144 rows read stay. */
#define PAGE_SIZE 16
#define MAX_PAGES 384

struct _TandemPersonModel
{
  GObject        parent_instance;

  TandemStore   *store;
  GArray        *ids;          /* gint64, in the order shown */
  guint          total;        /* everyone, matched or not */
  GHashTable    *pages;        /* page number → GPtrArray of TandemPerson */
  GQueue         recent;       /* page numbers, most recently used first */
  TandemStmt  *fetch;

  /* The query, with its strings owned here. */
  TandemPersonQuery query;
  char          *search;
  char          *department;
  char          *role;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemPersonModel, tandem_person_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* One statement per sort order, written out so no SQL is ever put together
 * from pieces at run time. Ties fall back to the name, then the id. */
#define SELECT_IDS(order) \
  "SELECT p.id FROM person p" \
  "  LEFT JOIN department d ON d.id = p.department_id" \
  "  LEFT JOIN role r ON r.id = p.role_id" \
  " WHERE (CAST ($1 AS TEXT) IS NULL OR lower (p.name) LIKE lower ($1) ESCAPE '\\'" \
  "        OR lower (p.email) LIKE lower ($1) ESCAPE '\\')" \
  "   AND (CAST ($2 AS TEXT) IS NULL OR d.name = $2)" \
  "   AND (CAST ($3 AS TEXT) IS NULL OR r.name = $3)" \
  "   AND (CAST ($4 AS TEXT) IS NULL OR coalesce (r.level, 'individual_contributor') = $4)" \
  "   AND ($5 < 0 OR p.is_champion = $5)" \
  "   AND ($6 < 0 OR p.has_tool_access = $6)" \
  "   AND ($7 = 1 OR p.active = 1)" \
  " ORDER BY " order ", p.name COLLATE NOCASE, p.id"

static const char * const select_ids[TANDEM_N_PERSON_SORTS] = {
  [TANDEM_PERSON_SORT_NAME] = SELECT_IDS ("p.active DESC"),
  [TANDEM_PERSON_SORT_EMAIL] = SELECT_IDS ("p.email COLLATE NOCASE"),
  [TANDEM_PERSON_SORT_DEPARTMENT] = SELECT_IDS ("d.name IS NULL, d.name COLLATE NOCASE"),
  [TANDEM_PERSON_SORT_ROLE] = SELECT_IDS ("r.name IS NULL, r.name COLLATE NOCASE"),
  [TANDEM_PERSON_SORT_LEVEL] = SELECT_IDS ("CASE r.level WHEN 'executive' THEN 0"
                                           " WHEN 'manager' THEN 1 ELSE 2 END"),
  [TANDEM_PERSON_SORT_CHAMPION] = SELECT_IDS ("p.is_champion DESC"),
  [TANDEM_PERSON_SORT_TOOL_ACCESS] = SELECT_IDS ("p.has_tool_access DESC"),
};

static GType
tandem_person_model_get_item_type (GListModel *model)
{
  return TANDEM_TYPE_PERSON;
}

static guint
tandem_person_model_get_n_items (GListModel *model)
{
  TandemPersonModel *self = TANDEM_PERSON_MODEL (model);

  return self->ids->len;
}

static void
forget_pages (TandemPersonModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static GPtrArray *
load_page (TandemPersonModel *self,
           guint              page)
{
  GPtrArray *people;
  guint first = page * PAGE_SIZE;
  guint last = MIN (first + PAGE_SIZE, self->ids->len);

  people = g_ptr_array_new_full (last - first, g_object_unref);
  for (guint i = first; i < last; i++)
    {
      TandemPerson *person = NULL;

      tandem_stmt_bind_int64 (self->fetch, 1, g_array_index (self->ids, gint64, i));
      if (tandem_stmt_step (self->fetch, NULL) == TANDEM_STEP_ROW)
        person = tandem_person_new_from_stmt (self->fetch);
      else
        {
          /* Deleted since the query ran: show a blank rather than shift rows. */
          person = g_object_new (TANDEM_TYPE_PERSON, NULL);
        }
      tandem_stmt_reset (self->fetch);
      g_ptr_array_add (people, person);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), people);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));

  return people;
}

static gpointer
tandem_person_model_get_item (GListModel *model,
                              guint       position)
{
  TandemPersonModel *self = TANDEM_PERSON_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *people;

  if (position >= self->ids->len || self->fetch == NULL)
    return NULL;

  people = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (people == NULL)
    people = load_page (self, page);
  else if (g_queue_peek_head (&self->recent) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
    }

  return g_object_ref (g_ptr_array_index (people, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tandem_person_model_get_item_type;
  iface->get_n_items = tandem_person_model_get_n_items;
  iface->get_item = tandem_person_model_get_item;
}

static void
tandem_person_model_finalize (GObject *object)
{
  TandemPersonModel *self = (TandemPersonModel *)object;

  g_clear_pointer (&self->fetch, tandem_stmt_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_person_model_parent_class)->finalize (object);
}

static void
tandem_person_model_class_init (TandemPersonModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_person_model_finalize;
}

static void
tandem_person_model_init (TandemPersonModel *self)
{
  TandemPersonQuery query = TANDEM_PERSON_QUERY_INIT;

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->recent);
  self->query = query;
}

/**
 * tandem_person_model_new:
 *
 * An empty model; tandem_person_model_reload() or _set_query() fills it.
 */
TandemPersonModel *
tandem_person_model_new (TandemStore *store)
{
  TandemPersonModel *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_PERSON_MODEL, NULL);
  self->store = g_object_ref (store);
  self->fetch = tandem_store_prepare (store, TANDEM_PERSON_SELECT " WHERE p.id = $1", NULL);
  return self;
}

/* "50%_off" → "%50\%\_off%": a LIKE pattern that finds the text anywhere. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/**
 * tandem_person_model_select:
 * @out_total: (out): everyone in the store, matched or not
 *
 * The ids of the people @query matches, in its order: what a model shows.
 * Touches nothing but @store, so it can run in a worker, on a connection of
 * its own, and hand its answer to tandem_person_model_take().
 *
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL
 */
GArray *
tandem_person_model_select (TandemStore              *store,
                            const TandemPersonQuery  *q,
                            guint                    *out_total,
                            GError                  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TandemStmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  gint64 total = 0;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (q != NULL && q->sort < TANDEM_N_PERSON_SORTS, NULL);
  g_return_val_if_fail (out_total != NULL, NULL);

  if (!tandem_store_query_int (store, "SELECT count (*) FROM person", &total, error))
    return NULL;

  stmt = tandem_store_prepare (store, select_ids[q->sort], error);
  if (stmt == NULL)
    return NULL;

  if (nonempty (q->search) != NULL)
    {
      pattern = like_pattern (q->search);
      tandem_stmt_bind_text (stmt, 1, pattern);
    }
  if (nonempty (q->department) != NULL)
    tandem_stmt_bind_text (stmt, 2, q->department);
  if (nonempty (q->role) != NULL)
    tandem_stmt_bind_text (stmt, 3, q->role);
  if (q->level >= 0 && q->level < TANDEM_N_LEVELS)
    tandem_stmt_bind_text (stmt, 4, tandem_level_to_string (q->level));
  tandem_stmt_bind_int (stmt, 5, q->champion);
  tandem_stmt_bind_int (stmt, 6, q->tool_access);
  tandem_stmt_bind_int (stmt, 7, q->include_inactive ? 1 : 0);

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      gint64 id = tandem_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == TANDEM_STEP_ERROR)
    return NULL;
  if (q->descending)
    for (guint i = 0, j = ids->len; i + 1 < j; i++, j--)
      {
        gint64 swap = g_array_index (ids, gint64, i);

        g_array_index (ids, gint64, i) = g_array_index (ids, gint64, j - 1);
        g_array_index (ids, gint64, j - 1) = swap;
      }

  *out_total = (guint)total;
  return g_steal_pointer (&ids);
}

/**
 * tandem_person_model_take:
 * @query: what @ids answer
 * @ids: (transfer full) (element-type gint64): from tandem_person_model_select()
 *
 * Shows @ids: the rows are fetched from the model's store as they scroll
 * into view.
 */
void
tandem_person_model_take (TandemPersonModel       *self,
                          const TandemPersonQuery *query,
                          GArray                  *ids,
                          guint                    total)
{
  guint removed;

  g_return_if_fail (TANDEM_IS_PERSON_MODEL (self));
  g_return_if_fail (query != NULL && ids != NULL);

  /* Copy the strings before freeing ours: @query may point at them. */
  if (query != &self->query)
    {
      char *search = g_strdup (query->search);
      char *department = g_strdup (query->department);
      char *role = g_strdup (query->role);

      g_free (self->search);
      g_free (self->department);
      g_free (self->role);
      self->search = search;
      self->department = department;
      self->role = role;
      self->query = *query;
      self->query.search = self->search;
      self->query.department = self->department;
      self->query.role = self->role;
    }

  forget_pages (self);
  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = ids;
  self->total = total;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
}

/* Runs the query again: after edits, imports and deletions. */
gboolean
tandem_person_model_reload (TandemPersonModel  *self,
                            GError            **error)
{
  GArray *ids;
  guint total = 0;

  g_return_val_if_fail (TANDEM_IS_PERSON_MODEL (self), FALSE);

  ids = tandem_person_model_select (self->store, &self->query, &total, error);
  if (ids == NULL)
    return FALSE;
  tandem_person_model_take (self, &self->query, ids, total);
  return TRUE;
}

gboolean
tandem_person_model_set_query (TandemPersonModel        *self,
                               const TandemPersonQuery  *query,
                               GError                  **error)
{
  GArray *ids;
  guint total = 0;

  g_return_val_if_fail (TANDEM_IS_PERSON_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (query->sort < TANDEM_N_PERSON_SORTS, FALSE);

  ids = tandem_person_model_select (self->store, query, &total, error);
  if (ids == NULL)
    return FALSE;
  tandem_person_model_take (self, query, ids, total);
  return TRUE;
}

/* Everyone in the store, whether the query matches them or not. */
guint
tandem_person_model_get_total (TandemPersonModel *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON_MODEL (self), 0);

  return self->total;
}

/* Returns: the position of @person_id, or -1 when the query leaves them out */
int
tandem_person_model_find (TandemPersonModel *self,
                          gint64             person_id)
{
  g_return_val_if_fail (TANDEM_IS_PERSON_MODEL (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == person_id)
      return (int)i;
  return -1;
}
