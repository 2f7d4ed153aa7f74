/* tandem-wave.c — one round of the pulse survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tandem-store-dialect.h"
#include "tandem-store-private.h"
#include "tandem-wave.h"

struct _TandemWave
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *fielded_on;
  guint    n_answers;
};

G_DEFINE_FINAL_TYPE (TandemWave, tandem_wave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_FIELDED_ON,
  PROP_N_ANSWERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_wave_finalize (GObject *object)
{
  TandemWave *self = (TandemWave *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->fielded_on, g_free);

  G_OBJECT_CLASS (tandem_wave_parent_class)->finalize (object);
}

static void
tandem_wave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemWave *self = TANDEM_WAVE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FIELDED_ON:
      g_value_set_string (value, self->fielded_on);
      break;
    case PROP_N_ANSWERS:
      g_value_set_uint (value, self->n_answers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_wave_class_init (TandemWaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_wave_finalize;
  object_class->get_property = tandem_wave_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FIELDED_ON] = g_param_spec_string ("fielded-on", NULL, NULL, NULL, flags);
  properties[PROP_N_ANSWERS] = g_param_spec_uint ("n-answers", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_wave_init (TandemWave *self)
{
}

gint64
tandem_wave_get_id (TandemWave *self)
{
  g_return_val_if_fail (TANDEM_IS_WAVE (self), 0);
  return self->id;
}

const char *
tandem_wave_get_title (TandemWave *self)
{
  g_return_val_if_fail (TANDEM_IS_WAVE (self), NULL);
  return self->title;
}

const char *
tandem_wave_get_fielded_on (TandemWave *self)
{
  g_return_val_if_fail (TANDEM_IS_WAVE (self), NULL);
  return self->fielded_on;
}

/* Every answer to every item of the wave (a respondent answers up to three). */
guint
tandem_wave_get_n_answers (TandemWave *self)
{
  g_return_val_if_fail (TANDEM_IS_WAVE (self), 0);
  return self->n_answers;
}

/**
 * tandem_wave_list:
 *
 * Returns: (transfer full): every wave, newest first
 */
GListModel *
tandem_wave_list (TandemStore  *store,
                  GError      **error)
{
  g_autoptr(GListStore) waves = g_list_store_new (TANDEM_TYPE_WAVE);
  g_autoptr(TandemStmt) stmt = NULL;
  TandemStep step;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  stmt = tandem_store_prepare (store, tandem_store_get_sql (store, TANDEM_SQL_WAVE_LIST), error);
  if (stmt == NULL)
    return NULL;

  while ((step = tandem_stmt_step (stmt, error)) == TANDEM_STEP_ROW)
    {
      g_autoptr(TandemWave) wave = g_object_new (TANDEM_TYPE_WAVE, NULL);

      wave->id = tandem_stmt_get_int64 (stmt, 0);
      wave->title = g_strdup (tandem_stmt_get_text (stmt, 1));
      wave->fielded_on = g_strdup (tandem_stmt_get_text (stmt, 2));
      wave->n_answers = (guint)tandem_stmt_get_int (stmt, 3);

      g_list_store_append (waves, wave);
    }

  if (step == TANDEM_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&waves));
}
