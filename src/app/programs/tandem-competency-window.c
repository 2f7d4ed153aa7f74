/* tandem-competency-window.c — competencies, their levels, and each role's targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each role should be able to do with AI, as a grid: a row per role,
 * a column per competency, and in each cell the target level (or none).
 * A change is saved at once, as in GNOME Settings. Above the grid, a new
 * competency is added by name, and the three levels can be renamed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-competency-window.h"
#include "tandem-competency.h"
#include "tandem-person.h"
#include "tandem-utils.h"

typedef struct
{
  TandemStore     *store;
  GtkWidget       *window;
  AdwToastOverlay *toasts;
  GtkWidget       *grid_box;   /* holds the grid, rebuilt when competencies change */
} CompetencyWindow;

static void build_grid (CompetencyWindow *self);

static void
competency_window_free (CompetencyWindow *self)
{
  g_clear_object (&self->store);
  g_free (self);
}

static void
show_error (CompetencyWindow *self,
            const GError     *error)
{
  tandem_show_toast (self->toasts, error->message);
}

/* A cell changed: the role's new target, saved at once. */
static void
target_chosen_cb (GtkDropDown      *drop_down,
                  GParamSpec       *pspec,
                  CompetencyWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_role_set_target (self->store, g_object_get_data (G_OBJECT (drop_down), "role"),
                               g_object_get_data (G_OBJECT (drop_down), "competency"),
                               gtk_drop_down_get_selected (drop_down), &error))
    show_error (self, error);
}

/* Each role's target per competency, read once for the whole grid. */
static GHashTable *
read_targets (TandemStore *store)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = tandem_competency_targets (store, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      TandemStanding *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (targets, g_strconcat (row->group, "\n", row->competency, NULL),
                           GUINT_TO_POINTER (row->target));
    }
  return targets;
}

static void
build_grid (CompetencyWindow *self)
{
  g_autoptr(GPtrArray) competencies = tandem_competency_list (self->store, NULL);
  g_auto(GStrv) roles = tandem_role_list_names (self->store, NULL);
  g_autoptr(GHashTable) targets = read_targets (self->store);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->grid_box), child);

  if (competencies == NULL || competencies->len == 0 || roles == NULL || roles[0] == NULL)
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Competencies Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("Add what people should be able to do with AI above; each role then "
                                         "gets a target level here."));
      gtk_box_append (GTK_BOX (self->grid_box), empty);
      return;
    }

  /* Translators: a role sets no target in a competency */
  gtk_string_list_append (levels, C_("competency level", "None"));
  for (guint level = 1; level <= TANDEM_N_COMPETENCY_LEVELS; level++)
    {
      g_autofree char *name = tandem_competency_level_dup_name (self->store, level);

      gtk_string_list_append (levels, name);
    }

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint c = 0; c < competencies->len; c++)
    {
      TandemCompetency *competency = g_ptr_array_index (competencies, c);
      GtkWidget *heading = gtk_label_new (competency->name);

      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (heading), 14);
      gtk_label_set_justify (GTK_LABEL (heading), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_tooltip_text (heading, competency->description);
      gtk_widget_set_valign (heading, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (grid), heading, (int)c + 1, 0, 1, 1);
    }
  for (guint r = 0; roles[r] != NULL; r++)
    {
      GtkWidget *label = gtk_label_new (roles[r]);

      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int)r + 1, 1, 1);
      for (guint c = 0; c < competencies->len; c++)
        {
          TandemCompetency *competency = g_ptr_array_index (competencies, c);
          g_autofree char *key = g_strconcat (roles[r], "\n", competency->name, NULL);
          GtkWidget *cell = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (levels)), NULL);
          g_autofree char *name = g_strdup_printf ("%s, %s", roles[r], competency->name);

          gtk_drop_down_set_selected (GTK_DROP_DOWN (cell),
                                      GPOINTER_TO_UINT (g_hash_table_lookup (targets, key)));
          g_object_set_data_full (G_OBJECT (cell), "role", g_strdup (roles[r]), g_free);
          g_object_set_data_full (G_OBJECT (cell), "competency", g_strdup (competency->name), g_free);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_signal_connect (cell, "notify::selected", G_CALLBACK (target_chosen_cb), self);
          gtk_grid_attach (GTK_GRID (grid), cell, (int)c + 1, (int)r + 1, 1, 1);
        }
    }
  gtk_box_append (GTK_BOX (self->grid_box), grid);
}

static void
add_competency_cb (AdwEntryRow      *row,
                   CompetencyWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (tandem_competency_add (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), "", &error) == 0)
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  build_grid (self);
}

static void
level_renamed_cb (AdwEntryRow      *row,
                  CompetencyWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "level"));

  if (!tandem_competency_level_set_name (self->store, level, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_error (self, error);
  else
    build_grid (self);
}

/**
 * tandem_competency_window_new:
 *
 * Returns: (transfer floating): the window, for @store's competencies
 */
GtkWidget *
tandem_competency_window_new (GtkWindow   *parent,
                              TandemStore *store)
{
  CompetencyWindow *self = g_new0 (CompetencyWindow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *group, *row, *heading;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (self->window), _("Competencies"));
  gtk_window_set_transient_for (GTK_WINDOW (self->window), parent);
  gtk_window_set_modal (GTK_WINDOW (self->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self->window), 980, 720);
  g_object_set_data_full (G_OBJECT (self->window), "competency-window", self, (GDestroyNotify)competency_window_free);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Competencies and Levels"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What people should be able to do with AI, at three levels. Programs "
                                           "raise competencies (set in each program); roles set targets below."));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Add a competency"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (add_competency_cb), self);
  gtk_widget_set_name (row, "add-competency");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  for (guint level = 1; level <= TANDEM_N_COMPETENCY_LEVELS; level++)
    {
      g_autofree char *name = tandem_competency_level_dup_name (store, level);
      /* Translators: %u is 1, 2 or 3 */
      g_autofree char *title = g_strdup_printf (_("Name of level %u"), level);

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "level", GUINT_TO_POINTER (level));
      g_signal_connect (row, "apply", G_CALLBACK (level_renamed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (content), group);

  heading = gtk_label_new (_("Targets by Role"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (content), heading);
  self->grid_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (content), self->grid_box);
  build_grid (self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self->window), box);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (self->window, keys);
  }
  return self->window;
}
