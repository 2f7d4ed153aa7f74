/* tandem-program.c — an AI-literacy program and how far it has reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tandem-program.h"
#include "tandem-store-private.h"

struct _TandemProgram
{
  GObject              parent_instance;

  gint64               id;
  char                *title;
  char                *description;
  TandemProgramFormat  format;
  guint                enrolled;
  guint                completed;
};

G_DEFINE_FINAL_TYPE (TandemProgram, tandem_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_FORMAT_LABEL,
  PROP_ENROLLED,
  PROP_COMPLETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_program_finalize (GObject *object)
{
  TandemProgram *self = (TandemProgram *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (tandem_program_parent_class)->finalize (object);
}

static void
tandem_program_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemProgram *self = TANDEM_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_FORMAT_LABEL:
      g_value_set_string (value, tandem_program_format_get_label (self->format));
      break;
    case PROP_ENROLLED:
      g_value_set_uint (value, self->enrolled);
      break;
    case PROP_COMPLETED:
      g_value_set_uint (value, self->completed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_program_class_init (TandemProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_program_finalize;
  object_class->get_property = tandem_program_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_FORMAT_LABEL] = g_param_spec_string ("format-label", NULL, NULL, NULL, flags);
  properties[PROP_ENROLLED] = g_param_spec_uint ("enrolled", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COMPLETED] = g_param_spec_uint ("completed", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_program_init (TandemProgram *self)
{
}

gint64
tandem_program_get_id (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->id;
}

const char *
tandem_program_get_title (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->title;
}

const char *
tandem_program_get_description (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), NULL);
  return self->description;
}

TandemProgramFormat
tandem_program_get_format (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), TANDEM_FORMAT_WORKSHOP);
  return self->format;
}

/* People enrolled in any state but dropped. */
guint
tandem_program_get_enrolled (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->enrolled;
}

guint
tandem_program_get_completed (TandemProgram *self)
{
  g_return_val_if_fail (TANDEM_IS_PROGRAM (self), 0);
  return self->completed;
}

/**
 * tandem_program_list:
 *
 * Returns: (transfer full): every program by start date, then title
 */
GListModel *
tandem_program_list (TandemStore  *store,
                     GError      **error)
{
  g_autoptr(GListStore) programs = g_list_store_new (TANDEM_TYPE_PROGRAM);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store,
                               "SELECT p.id, p.title, p.description, p.format,"
                               "       count (e.id) FILTER (WHERE e.status <> 'dropped'),"
                               "       count (e.id) FILTER (WHERE e.status = 'completed')"
                               "  FROM program p"
                               "  LEFT JOIN enrollment e ON e.program_id = p.id"
                               " GROUP BY p.id"
                               " ORDER BY p.starts_on, p.title COLLATE NOCASE",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TandemProgram) program = g_object_new (TANDEM_TYPE_PROGRAM, NULL);

      program->id = sqlite3_column_int64 (stmt, 0);
      program->title = g_strdup (tandem_stmt_get_text (stmt, 1));
      program->description = g_strdup (tandem_stmt_get_text (stmt, 2));
      if (!tandem_program_format_from_string (tandem_stmt_get_text (stmt, 3), &program->format))
        program->format = TANDEM_FORMAT_WORKSHOP;
      program->enrolled = (guint)sqlite3_column_int (stmt, 4);
      program->completed = (guint)sqlite3_column_int (stmt, 5);

      g_list_store_append (programs, program);
    }

  if (rc != SQLITE_DONE)
    {
      tandem_store_set_error (store, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&programs));
}
