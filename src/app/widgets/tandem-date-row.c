/* tandem-date-row.c — a date, typed or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action row with an entry for a date written YYYY-MM-DD and, beside
 * it, a button whose popover holds a GtkCalendar. A date that is not a
 * real day marks the row itself: the "error" style, and beneath the title
 * what is wrong ("February has 28 days in 2026"). The row says whether it
 * holds a date a form may save ("valid"), so that a dialog can keep its
 * Save button insensitive until it does.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date-row.h"
#include "tandem-types.h"
#include "tandem-utils.h"

struct _TandemDateRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *entry;
  GtkWidget    *calendar;
  GtkWidget    *popover;
  char         *problem;    /* set by the form, e.g. an end before the start */
  gboolean      optional;   /* empty is valid */
  gboolean      any_year;   /* not only days work can have happened on */
  gboolean      valid;
};

G_DEFINE_FINAL_TYPE (TandemDateRow, tandem_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_OPTIONAL,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (TandemDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *explained = NULL;
  gboolean valid;

  if (*text == '\0')
    {
      valid = self->optional;
      /* Nothing typed yet is not an error to point at; Save says it. */
    }
  else
    {
      explained = tandem_date_explain (text, !self->any_year);
      valid = explained == NULL;
    }
  if (valid && self->problem != NULL)
    valid = FALSE;
  tandem_row_show_problem (ADW_ACTION_ROW (self), explained != NULL ? explained : self->problem);
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
entry_changed_cb (TandemDateRow *self)
{
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* The calendar opens on the date typed, else today. */
static void
popover_show_cb (TandemDateRow *self)
{
  g_autoptr(GDate) date = tandem_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_autoptr(GDateTime) shown = NULL;

  if (date == NULL)
    date = tandem_date_new_today ();
  shown = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), shown);
}

static void
day_selected_cb (TandemDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  /* Showing the popover selects the day typed; only a click changes it. */
  if (!gtk_widget_get_visible (self->popover))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
tandem_date_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemDateRow *self = TANDEM_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, tandem_date_row_get_text (self));
      break;
    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_date_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TandemDateRow *self = TANDEM_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      tandem_date_row_set_text (self, g_value_get_string (value));
      break;
    case PROP_OPTIONAL:
      self->optional = g_value_get_boolean (value);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_date_row_finalize (GObject *object)
{
  TandemDateRow *self = TANDEM_DATE_ROW (object);

  g_free (self->problem);

  G_OBJECT_CLASS (tandem_date_row_parent_class)->finalize (object);
}

static void
tandem_date_row_class_init (TandemDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tandem_date_row_get_property;
  object_class->set_property = tandem_date_row_set_property;
  object_class->finalize = tandem_date_row_finalize;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONAL] = g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Whether the row holds a date a form may save: a real, plausible day,
   * or nothing when the date is optional. */
  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_date_row_init (TandemDateRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->entry = gtk_entry_new ();
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), "YYYY-MM-DD");
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_max_length (GTK_ENTRY (self->entry), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, "YYYY-MM-DD", -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->calendar);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), self->popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"), -1);

  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->entry);
  update (self);
}

/**
 * tandem_date_row_new:
 * @title: the row's title, with a mnemonic
 * @optional: whether the date may be left empty
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
tandem_date_row_new (const char *title,
                     gboolean    optional)
{
  return g_object_new (TANDEM_TYPE_DATE_ROW, "title", title, "use-underline", TRUE, "optional", optional, NULL);
}

const char *
tandem_date_row_get_text (TandemDateRow *self)
{
  g_return_val_if_fail (TANDEM_IS_DATE_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
tandem_date_row_set_text (TandemDateRow *self,
                          const char    *text)
{
  g_return_if_fail (TANDEM_IS_DATE_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

gboolean
tandem_date_row_get_valid (TandemDateRow *self)
{
  g_return_val_if_fail (TANDEM_IS_DATE_ROW (self), FALSE);

  return self->valid;
}

/**
 * tandem_date_row_set_any_year:
 *
 * Lets the row take a day more than a year ahead (a program planned far in
 * advance); by default it takes only days work can have happened on.
 */
void
tandem_date_row_set_any_year (TandemDateRow *self,
                              gboolean       any_year)
{
  g_return_if_fail (TANDEM_IS_DATE_ROW (self));

  self->any_year = any_year;
  update (self);
}

/**
 * tandem_date_row_set_problem:
 * @problem: (nullable): what the form finds wrong with a real date, e.g.
 *   an end before the start; %NULL when nothing
 */
void
tandem_date_row_set_problem (TandemDateRow *self,
                             const char    *problem)
{
  g_return_if_fail (TANDEM_IS_DATE_ROW (self));

  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  update (self);
}
