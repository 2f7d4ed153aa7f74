/* tandem-import-dialog.c — map a CSV file's columns, import it, report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three steps in one window: which column of the file holds each field
 * (guessed from the header, shown with the first rows), the import itself
 * in a worker thread with its own database connection, and what happened —
 * a summary, or every problem with its line and column when nothing was
 * imported.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-import-dialog.h"
#include "tandem-utils.h"

#define PREVIEW_ROWS 5

struct _TandemImportDialog
{
  AdwWindow         parent_instance;

  TandemStore      *store;
  TandemImportKind  kind;
  GFile            *file;
  GPtrArray        *preview;      /* GStrv: the header, then rows */
  GPtrArray        *combo_rows;   /* AdwComboRow, one per field */
  GCancellable     *cancellable;
  guint             pulse_id;
  GSettings        *settings;

  GtkStack         *stack;
  GtkWidget        *import_button;
  GtkWidget        *back_button;     /* after a refused import: back to the columns */
  GtkBox           *mapping_box;
  GtkBox           *preview_box;
  GtkProgressBar   *progress;
  AdwStatusPage    *result_page;
  GtkListBox       *problems_list;
};

G_DEFINE_FINAL_TYPE (TandemImportDialog, tandem_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char               *database;   /* opened again in the thread, on its own connection */
  char               *path;
  int                *mapping;
  TandemImportKind    kind;
  TandemImportReport *report;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->database);
  g_free (job->path);
  g_free (job->mapping);
  tandem_import_report_free (job->report);
  g_free (job);
}

/* In a worker thread, on a connection of its own. */
static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = tandem_store_open (job->database, &error);
  if (store == NULL ||
      !tandem_import_run (store, job->kind, job->path, job->mapping, job->report, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
add_text_row (GtkListBox *list,
              const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_append (list, label);
}

static const char *
kind_name (TandemImportKind kind)
{
  static const char * const names[TANDEM_N_IMPORT_KINDS] = { "people", "enrollments", "sessions", "responses",
                                                              "programs", "competency-targets" };

  return names[kind];
}

/* Keeps which heading held which field, for the next file from the same
 * survey tool or HR system. */
static void
remember_mapping (TandemImportDialog *self,
                  const int          *mapping)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "import-mappings");
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char * const *header = g_ptr_array_index (self->preview, 0);
  const char * const *columns = tandem_import_kind_get_columns (self->kind, NULL);
  g_autofree char *prefix = g_strdup_printf ("%s:", kind_name (self->kind));
  GVariantBuilder builder;
  GHashTableIter iter;
  GVariantIter items;
  const char *key, *value;

  g_variant_iter_init (&items, old);
  while (g_variant_iter_next (&items, "{&s&s}", &key, &value))
    if (!g_str_has_prefix (key, prefix))
      g_hash_table_insert (pairs, g_strdup (key), g_strdup (value));

  for (guint i = 0; i < self->combo_rows->len; i++)
    if (mapping[i] >= 0 && *header[mapping[i]] != '\0')
      g_hash_table_insert (pairs, g_strconcat (prefix, header[mapping[i]], NULL), g_strdup (columns[i]));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&value))
    g_variant_builder_add (&builder, "{ss}", key, value);
  g_settings_set_value (self->settings, "import-mappings", g_variant_builder_end (&builder));
}

/* A heading remembered from an earlier import wins over a guess. */
static void
apply_remembered_mapping (TandemImportDialog *self,
                          int                *mapping)
{
  g_autoptr(GVariant) remembered = g_settings_get_value (self->settings, "import-mappings");
  const char * const *header = g_ptr_array_index (self->preview, 0);
  guint n_columns;
  const char * const *columns = tandem_import_kind_get_columns (self->kind, &n_columns);

  for (guint f = 0; header[f] != NULL; f++)
    {
      g_autofree char *key = g_strdup_printf ("%s:%s", kind_name (self->kind), header[f]);
      const char *field = NULL;

      if (!g_variant_lookup (remembered, key, "&s", &field))
        continue;
      for (guint c = 0; c < n_columns; c++)
        if (g_str_equal (columns[c], field))
          mapping[c] = (int)f;
    }
}

/* The labels of the fields a file of @kind must have, joined by commas. */
static char *
required_fields (TandemImportKind kind)
{
  guint n_columns;
  const char * const *columns = tandem_import_kind_get_columns (kind, &n_columns);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    if (!tandem_import_kind_is_optional (kind, i))
      /* Translators: between the names of the fields an import needs */
      g_string_append_printf (text, "%s%s", text->len > 0 ? _(", ") : "", tandem_import_column_label (columns[i]));
  return g_string_free (text, FALSE);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TandemImportDialog *self = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Translators: after an import, e.g. "12 created, 3 updated, 40 unchanged" */
  summary = g_strdup_printf (_("%u created, %u updated, %u unchanged"),
                             job->report->created, job->report->updated, job->report->unchanged);

  /* Closed while it ran: the data may still have changed. */
  if (self->combo_rows == NULL)
    {
      if (ok)
        g_signal_emit (self, signals[IMPORTED], 0, summary);
      g_object_unref (self);
      return;
    }

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_stack_set_visible_child_name (self->stack, "result");

  if (!ok)
    {
      adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->result_page, _("Nothing Was Imported"));
      adw_status_page_set_description (self->result_page, error->message);
      for (guint i = 0; i < job->report->problems->len; i++)
        {
          g_autofree char *line = tandem_import_problem_format (g_ptr_array_index (job->report->problems, i));

          add_text_row (self->problems_list, line);
        }
      if (job->report->n_problems > job->report->problems->len)
        {
          g_autofree char *more = g_strdup_printf (_("… and %u more"),
                                                   job->report->n_problems - job->report->problems->len);

          add_text_row (self->problems_list, more);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->problems_list), job->report->problems->len > 0);
      /* The columns chosen are kept: Back fixes them (or the file, then
       * Import again); Close abandons. */
      gtk_widget_set_visible (self->back_button, TRUE);
      g_object_unref (self);
      return;
    }

  remember_mapping (self, job->mapping);
  adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->result_page, _("Imported"));
  adw_status_page_set_description (self->result_page, summary);
  for (guint i = 0; i < job->report->notes->len; i++)
    add_text_row (self->problems_list, g_ptr_array_index (job->report->notes, i));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), job->report->notes->len > 0);

  g_signal_emit (self, signals[IMPORTED], 0, summary);
  g_object_unref (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemImportDialog *self = TANDEM_IMPORT_DIALOG (widget);
  GtkWidget *row;

  if (!gtk_widget_get_visible (self->back_button))
    return;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, row);
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->import_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

static gboolean
pulse_cb (gpointer user_data)
{
  TandemImportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemImportDialog *self = TANDEM_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->database = g_strdup (tandem_store_get_path (self->store));
  job->path = g_file_get_path (self->file);
  job->kind = self->kind;
  job->report = tandem_import_report_new ();
  job->mapping = g_new0 (int, self->combo_rows->len);
  for (guint i = 0; i < self->combo_rows->len; i++)
    job->mapping[i] = (int)adw_combo_row_get_selected (g_ptr_array_index (self->combo_rows, i)) - 1;

  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  self->pulse_id = g_timeout_add (120, pulse_cb, self);

  task = g_task_new (NULL, self->cancellable, import_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
update_ready (TandemImportDialog *self)
{
  gboolean all = TRUE;

  for (guint i = 0; i < self->combo_rows->len; i++)
    all = all && (adw_combo_row_get_selected (g_ptr_array_index (self->combo_rows, i)) > 0 ||
                  tandem_import_kind_is_optional (self->kind, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", all);
}

static void
tandem_import_dialog_dispose (GObject *object)
{
  TandemImportDialog *self = (TandemImportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->combo_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_import_dialog_parent_class)->dispose (object);
}

static void
tandem_import_dialog_class_init (TandemImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_import_dialog_dispose;

  /* Emitted with a one-line summary when the file was imported. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "import.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
build_content (TandemImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close"));
  GtkWidget *scrolled, *clamp, *progress_box, *label, *result_box;

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), close);
  self->back_button = tandem_icon_button_new ("go-previous-symbolic", _("Back to the Columns"));
  gtk_widget_set_name (self->back_button, "import-back");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "import.back");
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "import.run");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  /* Step one: the mapping. */
  self->mapping_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (self->mapping_box), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->mapping_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->mapping_box), 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->mapping_box));
  /* The file's first rows take the window's whole width, to be read. */
  self->preview_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview_box), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->preview_box), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview_box), 12);
  result_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (result_box), clamp);
  gtk_box_append (GTK_BOX (result_box), GTK_WIDGET (self->preview_box));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), result_box);
  gtk_stack_add_named (self->stack, scrolled, "mapping");

  /* Step two: working. */
  progress_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (progress_box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (progress_box, 48);
  gtk_widget_set_margin_end (progress_box, 48);
  label = gtk_label_new (_("Importing… Every row is checked before anything is written."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (progress_box), label);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress));
  gtk_stack_add_named (self->stack, progress_box, "progress");

  /* Step three: what happened. */
  result_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->result_page = ADW_STATUS_PAGE (adw_status_page_new ());
  self->problems_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problems_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_list), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->problems_list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->problems_list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->problems_list), 18);
  gtk_box_append (GTK_BOX (result_box), GTK_WIDGET (self->result_page));
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->problems_list));
  gtk_box_append (GTK_BOX (result_box), clamp);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), result_box);
  gtk_stack_add_named (self->stack, scrolled, "result");

  return box;
}

static void
tandem_import_dialog_init (TandemImportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->combo_rows = g_ptr_array_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 880, 860);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 300);
  adw_window_set_content (ADW_WINDOW (self), build_content (self));
}

static const char *
kind_title (TandemImportKind kind)
{
  switch (kind)
    {
    case TANDEM_IMPORT_PEOPLE:
      return _("Import People");
    case TANDEM_IMPORT_ENROLLMENTS:
      return _("Import Enrollments");
    case TANDEM_IMPORT_SESSIONS:
      return _("Import Coaching Sessions");
    case TANDEM_IMPORT_RESPONSES:
      return _("Import Survey Responses");
    case TANDEM_IMPORT_PROGRAMS:
      return _("Import Programs");
    case TANDEM_IMPORT_TARGETS:
      return _("Import Competency Targets");
    case TANDEM_N_IMPORT_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The preview: the first rows as the file has them, in a grid. */
/* A cell of the preview, cut to 32 characters. */
static char *
preview_text (const char *cell)
{
  const glong most = 32;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (cell, -1) <= most)
    return g_strdup (cell);
  start = g_utf8_substring (cell, 0, most - 1);
  return g_strconcat (start, "…", NULL);
}

static GtkWidget *
build_preview (TandemImportDialog *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  for (guint r = 0; r < self->preview->len; r++)
    {
      char **row = g_ptr_array_index (self->preview, r);

      for (guint c = 0; row[c] != NULL && c < 16; c++)
        {
          g_autofree char *text = preview_text (row[c]);
          GtkWidget *cell = gtk_label_new (text);

          /* Cut by hand, not ellipsized: a cell keeps its width and the
           * preview scrolls sideways rather than squeezing every column. */
          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_single_line_mode (GTK_LABEL (cell), TRUE);
          if (r == 0)
            gtk_widget_add_css_class (cell, "heading");
          gtk_grid_attach (GTK_GRID (grid), cell, (int)c, (int)r, 1, 1);
        }
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  return frame;
}

/**
 * tandem_import_dialog_new:
 *
 * Returns: (transfer floating): the dialog, showing the mapping step, or a
 *   message when @file is not a CSV file
 */
GtkWidget *
tandem_import_dialog_new (GtkWindow        *parent,
                          TandemStore      *store,
                          TandemImportKind  kind,
                          GFile            *file)
{
  TandemImportDialog *self;
  g_autofree char *dialect = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree int *guess = NULL;
  GtkWidget *group, *label;
  g_autoptr(GtkStringList) choices = NULL;
  const char * const *columns;
  guint n_columns;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TANDEM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->file = g_object_ref (file);
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_title (GTK_WINDOW (self), kind_title (kind));

  path = g_file_get_path (file);
  self->preview = path ? tandem_import_preview (path, PREVIEW_ROWS, &dialect, &error) : NULL;
  if (self->preview == NULL || self->preview->len == 0)
    {
      gtk_widget_set_visible (self->import_button, FALSE);
      adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->result_page, _("This File Cannot Be Imported"));
      adw_status_page_set_description (self->result_page,
                                       error ? error->message : _("Tandem can only import files on this computer."));
      gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "result");
      return GTK_WIDGET (self);
    }

  columns = tandem_import_kind_get_columns (kind, &n_columns);
  guess = g_new0 (int, n_columns);
  tandem_import_guess_mapping (kind, (const char * const *)g_ptr_array_index (self->preview, 0), guess);
  apply_remembered_mapping (self, guess);

  label = gtk_label_new (_("Choose which column of the file holds each field. Nothing is written "
                           "unless every row is right."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (self->mapping_box, label);
  if (dialect != NULL)
    {
      /* Translators: %s says how a file was read, e.g. "UTF-16, separated by tabs" */
      g_autofree char *read_as = g_strdup_printf (_("Read as %s"), dialect);

      label = gtk_label_new (read_as);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->mapping_box, label);
    }

  choices = gtk_string_list_new (NULL);
  gtk_string_list_append (choices, _("Not in the file"));
  for (char **h = g_ptr_array_index (self->preview, 0); *h != NULL; h++)
    gtk_string_list_append (choices, **h ? *h : _("(no name)"));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Columns"));
  {
    g_autofree char *required = required_fields (kind);
    /* Translators: %s lists fields, e.g. "Employee ID, Name" */
    g_autofree char *description = g_strdup_printf (_("Required: %s. Every other field may be left out."),
                                                    required);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  }
  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_import_column_label (columns[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   tandem_import_kind_is_optional (kind, i) ? _("Optional") : _("Required"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint)(guess[i] + 1));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update_ready), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->combo_rows, row);
    }
  gtk_box_append (self->mapping_box, group);

  label = gtk_label_new (_("First rows of the file"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (self->preview_box, label);
  gtk_box_append (self->preview_box, build_preview (self));

  update_ready (self);
  return GTK_WIDGET (self);
}
