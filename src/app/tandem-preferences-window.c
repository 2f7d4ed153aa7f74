/* tandem-preferences-window.c — preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-preferences-window.h"

struct _TandemPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSpinButton        *threshold_spin;
  GtkSpinButton        *target_spin;
  GtkSpinButton        *min_effect_spin;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (TandemPreferencesWindow, tandem_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (scheme, schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_scheme (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (schemes[index < G_N_ELEMENTS (schemes) ? index : 0]);
}

static void
tandem_preferences_window_dispose (GObject *object)
{
  TandemPreferencesWindow *self = (TandemPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tandem_preferences_window_parent_class)->dispose (object);
}

static void
tandem_preferences_window_class_init (TandemPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, target_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, min_effect_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, style_row);
}

static void
tandem_preferences_window_init (TandemPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "anonymity-threshold",
                   gtk_spin_button_get_adjustment (self->threshold_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "gap-target", gtk_spin_button_get_adjustment (self->target_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "min-effect", gtk_spin_button_get_adjustment (self->min_effect_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_index, index_to_scheme,
                                NULL, NULL);
}

GtkWindow *
tandem_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TANDEM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
