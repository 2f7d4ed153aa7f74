/* tandem-surveys-page.c — pulse-survey waves, the three gaps and where people are favourable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-chart-view.h"
#include "tandem-import-dialog.h"
#include "tandem-import.h"
#include "tandem-survey-charts.h"
#include "tandem-survey.h"
#include "tandem-load.h"
#include "tandem-surveys-page.h"
#include "tandem-types.h"
#include "tandem-utils.h"
#include "tandem-wave.h"

struct _TandemSurveysPage
{
  GtkWidget             parent_instance;

  TandemStore          *store;
  GCancellable         *loading;   /* waves and charts being read, off the main thread */
  gboolean              loaded;    /* the waves have come at least once */
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *list;
  TandemChartView      *snapshot_view;
  TandemChartView      *gap_view;
  TandemChartView      *heatmap_view;
  TandemChartView      *impact_view;
  GtkToggleButton      *department_button;
  GtkToggleButton      *role_button;
  AdwComboRow          *wave_row;
  AdwComboRow          *from_row;

  GListModel           *waves;     /* newest first */
  char                 *wave;      /* the wave the page shows; NULL for the latest */
  char                 *from;      /* the impact chart's earlier wave; NULL for the first */
  gboolean              filling;   /* the wave rows are being filled, not chosen */
};

G_DEFINE_FINAL_TYPE (TandemSurveysPage, tandem_surveys_page, GTK_TYPE_WIDGET)

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void edit_wording (TandemSurveysPage *self,
                          TandemWave        *wave);

static void
edit_clicked_cb (GtkButton         *button,
                 TandemSurveysPage *self)
{
  edit_wording (self, g_object_get_data (G_OBJECT (button), "wave"));
}

/* The wave shown: the one chosen, else the latest. */
static const char *
shown_wave (TandemSurveysPage *self)
{
  g_autoptr(TandemWave) latest = NULL;

  if (self->wave != NULL)
    return self->wave;
  if (self->waves == NULL || g_list_model_get_n_items (self->waves) == 0)
    return NULL;
  latest = g_list_model_get_item (self->waves, 0);
  return tandem_wave_get_title (latest);
}

/* A wave: clicking it shows its figures above; its wording opens only
 * through the Edit button, so a look never risks an edit. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemSurveysPage *self = user_data;
  TandemWave *wave = item;
  g_autofree char *subtitle = NULL;
  g_autofree char *answers = tandem_format_count (tandem_wave_get_n_answers (wave));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *shown = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *edit = tandem_icon_button_new ("document-edit-symbolic", _("Edit Wording"));

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Fielded %s · %s answer",
                                           "Fielded %s · %s answers",
                                           tandem_wave_get_n_answers (wave)),
                              tandem_wave_get_fielded_on (wave), answers);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_wave_get_title (wave));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_tooltip_text (shown, _("Shown above"));
  gtk_widget_set_visible (shown, g_strcmp0 (shown_wave (self), tandem_wave_get_title (wave)) == 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  g_object_set_data_full (G_OBJECT (edit), "wave", g_object_ref (wave), g_object_unref);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "wave", g_object_ref (wave), g_object_unref);

  return row;
}

typedef struct
{
  TandemSurveysPage *page;
  gint64             wave_id;
  GtkWidget         *rows[TANDEM_N_DIMENSIONS][TANDEM_N_AUDIENCES];
  GtkWidget         *window;
  GtkLabel          *error_label;
} WordingEdit;

static void
wording_edit_free (WordingEdit *edit)
{
  g_object_unref (edit->page);
  g_free (edit);
}

static void
save_wordings_cb (GtkButton   *button,
                  WordingEdit *edit)
{
  g_autoptr(GError) error = NULL;

  for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
    for (TandemAudience a = 0; a < TANDEM_N_AUDIENCES; a++)
      if (!tandem_survey_set_wording (edit->page->store, edit->wave_id, d, a,
                                      gtk_editable_get_text (GTK_EDITABLE (edit->rows[d][a])), &error))
        {
          gtk_label_set_text (edit->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (edit->error_label), TRUE);
          gtk_widget_grab_focus (edit->rows[d][a]);
          return;
        }
  tandem_show_toast (edit->page->toast_overlay, _("Wording saved"));
  gtk_window_destroy (GTK_WINDOW (edit->window));
}

/* A wave clicked in the list: its figures, above. */
static void
row_activated_cb (TandemSurveysPage *self,
                  GtkListBoxRow     *row)
{
  TandemWave *wave = g_object_get_data (G_OBJECT (row), "wave");

  for (guint i = 0; wave != NULL && self->waves != NULL && i < g_list_model_get_n_items (self->waves); i++)
    {
      g_autoptr(TandemWave) item = g_list_model_get_item (self->waves, i);

      if (item == wave)
        adw_combo_row_set_selected (self->wave_row, i);
    }
}

/* What each audience was asked in a wave, editable: leaders are asked
 * about what they provide, ICs about what they receive. */
static void
edit_wording (TandemSurveysPage *self,
              TandemWave        *wave)
{
  WordingEdit *edit;
  GtkWidget *content, *header, *page, *save, *cancel;
  g_autofree char *title = NULL;

  if (wave == NULL || self->store == NULL)
    return;

  edit = g_new0 (WordingEdit, 1);
  edit->page = g_object_ref (self);
  edit->wave_id = tandem_wave_get_id (wave);

  page = adw_preferences_page_new ();
  for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), tandem_dimension_get_label (d));
      for (TandemAudience a = 0; a < TANDEM_N_AUDIENCES; a++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *wording = tandem_survey_get_wording (self->store, edit->wave_id, d, a, &error);
          GtkWidget *entry = adw_entry_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry),
                                         a == TANDEM_AUDIENCE_LEADERS ? _("Asked of leaders")
                                                                      : _("Asked of individual contributors"));
          gtk_editable_set_text (GTK_EDITABLE (entry), wording ? wording : "");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry);
          edit->rows[d][a] = entry;
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  edit->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (edit->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (edit->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (edit->error_label), FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (edit->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (edit->error_label), 12);
  for (TandemDimension d = 0; d < TANDEM_N_DIMENSIONS; d++)
    for (TandemAudience a = 0; a < TANDEM_N_AUDIENCES; a++)
      tandem_limit_text (edit->rows[d][a], TANDEM_LIMIT_LONG, edit->error_label);

  header = adw_header_bar_new ();
  title = g_strdup_printf (_("Wording of %s"), tandem_wave_get_title (wave));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (edit->error_label));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);

  edit->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (edit->window), title);
  gtk_window_set_modal (GTK_WINDOW (edit->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (edit->window), tandem_widget_get_window (GTK_WIDGET (self)));
  gtk_window_set_default_size (GTK_WINDOW (edit->window), 640, 620);
  adw_window_set_content (ADW_WINDOW (edit->window), content);
  g_object_set_data_full (G_OBJECT (edit->window), "edit", edit, (GDestroyNotify)wording_edit_free);
  g_signal_connect (save, "clicked", G_CALLBACK (save_wordings_cb), edit);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), edit->window);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (edit->window, keys);
  }
  gtk_window_present (GTK_WINDOW (edit->window));
}

static guint
threshold (TandemSurveysPage *self)
{
  return MAX (g_settings_get_uint (self->settings, "anonymity-threshold"), TANDEM_MIN_ANONYMITY_THRESHOLD);
}

/* The earlier wave must come before the one shown; the impact chart
 * compares with the first wave until it does. */
static const char *
usable_from (TandemSurveysPage *self)
{
  guint wave = adw_combo_row_get_selected (self->wave_row);
  guint from = adw_combo_row_get_selected (self->from_row);
  gboolean before = from == GTK_INVALID_LIST_POSITION || wave == GTK_INVALID_LIST_POSITION || from > wave;

  tandem_row_show_problem (ADW_ACTION_ROW (self->from_row),
                           before ? NULL : _("Choose a wave before the one shown; until then the chart compares "
                                             "with the first."));
  return before ? self->from : NULL;
}

/* A wave chosen, to show or to compare with: the charts follow. */
static void
waves_chosen_cb (TandemSurveysPage *self)
{
  guint wave = adw_combo_row_get_selected (self->wave_row);
  guint from = adw_combo_row_get_selected (self->from_row);
  guint n = self->waves != NULL ? g_list_model_get_n_items (self->waves) : 0;

  if (self->filling || n == 0)
    return;
  g_clear_pointer (&self->wave, g_free);
  g_clear_pointer (&self->from, g_free);
  /* The newest is "the latest", and the oldest "the first", so that a new
   * wave imported later is shown and compared as the user expects. */
  if (wave != GTK_INVALID_LIST_POSITION && wave > 0 && wave < n)
    {
      g_autoptr(TandemWave) item = g_list_model_get_item (self->waves, wave);

      self->wave = g_strdup (tandem_wave_get_title (item));
    }
  if (from != GTK_INVALID_LIST_POSITION && from + 1 < n)
    {
      g_autoptr(TandemWave) item = g_list_model_get_item (self->waves, from);

      self->from = g_strdup (tandem_wave_get_title (item));
    }
  tandem_surveys_page_reload (self);
}

/* The wave rows offer every wave, keeping what was chosen while it exists. */
static void
fill_wave_rows (TandemSurveysPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = self->waves != NULL ? g_list_model_get_n_items (self->waves) : 0;
  guint wave = 0, from = n > 0 ? n - 1 : 0;
  gboolean wave_found = FALSE, from_found = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemWave) item = g_list_model_get_item (self->waves, i);

      gtk_string_list_append (titles, tandem_wave_get_title (item));
      if (g_strcmp0 (self->wave, tandem_wave_get_title (item)) == 0)
        wave = i, wave_found = TRUE;
      if (g_strcmp0 (self->from, tandem_wave_get_title (item)) == 0)
        from = i, from_found = TRUE;
    }
  if (!wave_found)
    g_clear_pointer (&self->wave, g_free);
  if (!from_found)
    g_clear_pointer (&self->from, g_free);

  self->filling = TRUE;
  adw_combo_row_set_model (self->wave_row, G_LIST_MODEL (titles));
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->wave_row, wave);
  adw_combo_row_set_selected (self->from_row, from);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), n > 1);
  usable_from (self);
}

static void
grouping_toggled_cb (TandemSurveysPage *self,
                     GtkToggleButton   *button)
{
  if (gtk_toggle_button_get_active (button))
    tandem_surveys_page_reload (self);
}

static void
imported_cb (TandemSurveysPage *self,
             const char        *summary)
{
  g_signal_emit (self, signals[DATA_CHANGED], 0, summary);
}

static void
import_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    TandemSurveysPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkWidget *dialog = tandem_import_dialog_new (tandem_widget_get_window (GTK_WIDGET (self)),
                                                    self->store, TANDEM_IMPORT_RESPONSES, file);

      g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemSurveysPage *self = TANDEM_SURVEYS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Survey Responses"),
                                               tandem_widget_get_window (widget),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
tandem_surveys_page_dispose (GObject *object)
{
  TandemSurveysPage *self = (TandemSurveysPage *)object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SURVEYS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);
  g_clear_object (&self->waves);
  g_clear_pointer (&self->wave, g_free);
  g_clear_pointer (&self->from, g_free);

  G_OBJECT_CLASS (tandem_surveys_page_parent_class)->dispose (object);
}

static void
tandem_surveys_page_class_init (TandemSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_surveys_page_dispose;

  /* Emitted with a one-line summary after responses were imported. */
  signals[DATA_CHANGED] = g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TANDEM_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-surveys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, list);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, snapshot_view);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, gap_view);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, heatmap_view);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, impact_view);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, department_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, role_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, wave_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSurveysPage, from_row);
  gtk_widget_class_bind_template_callback (widget_class, waves_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, grouping_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "surveys.import", NULL, import_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_surveys_page_init (TandemSurveysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_stack_add_loading (self->stack);
  tandem_stack_add_failed (self->stack, self, G_CALLBACK (tandem_surveys_page_reload));
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::anonymity-threshold",
                           G_CALLBACK (tandem_surveys_page_reload), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.import", FALSE);
}

void
tandem_surveys_page_set_store (TandemSurveysPage *self,
                               TandemStore       *store)
{
  g_return_if_fail (TANDEM_IS_SURVEYS_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    tandem_surveys_page_reload (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.import", store != NULL);
}

/* What the page shows, read in a worker. */
typedef struct
{
  char        *grouping;   /* "department" or "role", for the heatmap and impact charts */
  char        *wave;       /* the wave shown; NULL for the latest */
  char        *from;       /* the impact chart's earlier wave; NULL for the first */
  guint        threshold;
  GListModel  *waves;
  GError      *waves_error;
  TandemChart *snapshot;
  GError      *snapshot_error;
  TandemChart *gaps;
  GError      *gaps_error;
  TandemChart *heatmap;
  GError      *heatmap_error;
  TandemChart *impact;
  GError      *impact_error;
} Surveys;

static void
surveys_free (Surveys *surveys)
{
  g_free (surveys->grouping);
  g_free (surveys->wave);
  g_free (surveys->from);
  g_clear_object (&surveys->waves);
  g_clear_error (&surveys->waves_error);
  g_clear_object (&surveys->snapshot);
  g_clear_error (&surveys->snapshot_error);
  g_clear_object (&surveys->gaps);
  g_clear_error (&surveys->gaps_error);
  g_clear_object (&surveys->heatmap);
  g_clear_error (&surveys->heatmap_error);
  g_clear_object (&surveys->impact);
  g_clear_error (&surveys->impact_error);
  g_free (surveys);
}

static gpointer
load_surveys (TandemStore  *store,
              gpointer      input,
              GError      **error)
{
  const Surveys *asked = input;
  Surveys *surveys = g_new0 (Surveys, 1);

  surveys->waves = tandem_wave_list (store, &surveys->waves_error);
  surveys->snapshot = tandem_chart_new_snapshot (store, asked->wave, asked->threshold, &surveys->snapshot_error);
  surveys->gaps = tandem_chart_new_gap_heatmap (store, asked->grouping, asked->wave, asked->threshold,
                                                &surveys->gaps_error);
  surveys->heatmap = tandem_chart_new_heatmap (store, asked->grouping, asked->wave, asked->threshold,
                                               &surveys->heatmap_error);
  surveys->impact = tandem_chart_new_impact (store, asked->grouping, asked->from, asked->wave, asked->threshold,
                                             &surveys->impact_error);
  return surveys;
}

static void
surveys_loaded (gpointer      owner,
                gpointer      result,
                const GError *error)
{
  TandemSurveysPage *self = owner;
  Surveys *surveys = result;

  g_clear_object (&self->loading);
  if (surveys == NULL || surveys->waves_error != NULL)
    {
      tandem_stack_show_failed (self->stack, surveys != NULL ? surveys->waves_error : error);
      return;
    }

  self->loaded = TRUE;
  g_clear_object (&self->waves);
  if (surveys != NULL && surveys->waves != NULL)
    self->waves = g_object_ref (surveys->waves);
  fill_wave_rows (self);
  gtk_list_box_bind_model (self->list, self->waves, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    surveys != NULL && surveys->waves != NULL &&
                                    g_list_model_get_n_items (surveys->waves) > 0 ? "list" : "empty");
  tandem_chart_view_show_result (self->snapshot_view, surveys ? surveys->snapshot : NULL,
                                 surveys ? surveys->snapshot_error : error);
  tandem_chart_view_show_result (self->gap_view, surveys ? surveys->gaps : NULL,
                                 surveys ? surveys->gaps_error : error);
  tandem_chart_view_show_result (self->heatmap_view, surveys ? surveys->heatmap : NULL,
                                 surveys ? surveys->heatmap_error : error);
  tandem_chart_view_show_result (self->impact_view, surveys ? surveys->impact : NULL,
                                 surveys ? surveys->impact_error : error);
}

/* Reads the waves and charts again, after the data changed underneath:
 * the page keeps what it shows (a spinner the first time) until they come. */
void
tandem_surveys_page_reload (TandemSurveysPage *self)
{
  Surveys *asked;

  g_return_if_fail (TANDEM_IS_SURVEYS_PAGE (self));

  if (self->store == NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  tandem_chart_view_set_loading (self->snapshot_view, TRUE);
  tandem_chart_view_set_loading (self->gap_view, TRUE);
  tandem_chart_view_set_loading (self->heatmap_view, TRUE);
  tandem_chart_view_set_loading (self->impact_view, TRUE);

  asked = g_new0 (Surveys, 1);
  asked->grouping = g_strdup (gtk_toggle_button_get_active (self->role_button) ? "role" : "department");
  asked->threshold = threshold (self);
  asked->wave = g_strdup (self->wave);
  asked->from = g_strdup (usable_from (self));
  tandem_load (self, self->store, &self->loading, load_surveys, asked, (GDestroyNotify)surveys_free,
               (GDestroyNotify)surveys_free, surveys_loaded);
}
