/* tandem-presentation.c — the leadership slides, full screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For leadership meetings: one chart per slide with its takeaway in large
 * type, drawn by the same renderer as the exports, on the light palette a
 * projector shows best. Arrow keys, space and Page Up/Down move; Home and
 * End jump; Esc leaves.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-presentation.h"
#include "tandem-slides.h"

struct _TandemPresentation
{
  GtkWindow   parent_instance;

  GPtrArray  *slides;    /* of TandemSlide */
  guint       current;
  GtkWidget  *area;
};

G_DEFINE_FINAL_TYPE (TandemPresentation, tandem_presentation, GTK_TYPE_WINDOW)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  TandemPresentation *self = user_data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *counter = NULL;
  TandemChartStyle style;
  PangoRectangle logical;

  /* The room sees the style the presenter chose: dark on a dark desktop. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    tandem_chart_style_init_dark (&style);
  else
    tandem_chart_style_init_light (&style);
  cairo_set_source_rgb (cr, style.background.red, style.background.green, style.background.blue);
  cairo_paint (cr);

  font = tandem_chart_style_new_font (&style, MAX (12.0, height / 50.0), FALSE);

  if (self->slides->len == 0)
    {
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int)(width * 0.8 * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, _("Nothing to present yet. Import survey responses, people or coaching "
                                       "sessions first. Press Esc to leave."), -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      cairo_set_source_rgb (cr, style.foreground.red, style.foreground.green, style.foreground.blue);
      cairo_move_to (cr, width * 0.1, (height - logical.height) / 2.0);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  tandem_slide_render (g_ptr_array_index (self->slides, self->current), cr, width, height, &style);

  /* Where we are, small, in the corner. */
  counter = g_strdup_printf ("%u / %u", self->current + 1, self->slides->len);
  pango_font_description_set_absolute_size (font, MAX (10.0, height / 70.0) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, counter, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_set_source_rgba (cr, style.muted.red, style.muted.green, style.muted.blue, 0.8);
  cairo_move_to (cr, width - logical.width - height / 40.0, height / 40.0);
  pango_cairo_show_layout (cr, layout);
}

static void
update (TandemPresentation *self)
{
  g_autofree char *title = NULL;

  if (self->slides->len > 0)
    {
      TandemSlide *slide = g_ptr_array_index (self->slides, self->current);
      g_autoptr(GString) description = g_string_new (slide->takeaway);

      /* What a screen reader says on each slide: the chart's title, then
       * the takeaway and what each chart shows. */
      for (guint i = 0; i < slide->charts->len; i++)
        {
          g_autofree char *summary = tandem_chart_dup_summary (g_ptr_array_index (slide->charts, i));

          if (summary != NULL)
            g_string_append_printf (description, "\n%s", summary);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tandem_chart_get_title (g_ptr_array_index (slide->charts, 0)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
      title = g_strdup_printf (_("Slide %u of %u"), self->current + 1, self->slides->len);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  gtk_widget_queue_draw (self->area);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemPresentation *self = TANDEM_PRESENTATION (widget);
  guint last = self->slides->len > 0 ? self->slides->len - 1 : 0;

  if (g_str_equal (action_name, "slide.next"))
    tandem_presentation_go_to (self, MIN (self->current + 1, last));
  else if (g_str_equal (action_name, "slide.previous"))
    tandem_presentation_go_to (self, self->current > 0 ? self->current - 1 : 0);
  else if (g_str_equal (action_name, "slide.first"))
    tandem_presentation_go_to (self, 0);
  else
    tandem_presentation_go_to (self, last);
}

/* A click moves on, as a presenter's remote does. */
static void
pressed_cb (TandemPresentation *self,
            int                 n_press,
            double              x,
            double              y,
            GtkGestureClick    *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  guint last = self->slides->len > 0 ? self->slides->len - 1 : 0;

  if (button == GDK_BUTTON_SECONDARY)
    tandem_presentation_go_to (self, self->current > 0 ? self->current - 1 : 0);
  else
    tandem_presentation_go_to (self, MIN (self->current + 1, last));
}

static void
tandem_presentation_dispose (GObject *object)
{
  TandemPresentation *self = (TandemPresentation *)object;

  g_clear_pointer (&self->slides, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_presentation_parent_class)->dispose (object);
}

static void
tandem_presentation_class_init (TandemPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = tandem_presentation_dispose;

  gtk_widget_class_install_action (widget_class, "slide.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slide.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slide.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slide.last", NULL, move_action);
}

/* The keys are caught before the window's own arrow-key focus moves. */
static void
add_keys (TandemPresentation *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Right, "slide.next" }, { GDK_KEY_Down, "slide.next" }, { GDK_KEY_space, "slide.next" },
    { GDK_KEY_Page_Down, "slide.next" }, { GDK_KEY_Return, "slide.next" },
    { GDK_KEY_Left, "slide.previous" }, { GDK_KEY_Up, "slide.previous" }, { GDK_KEY_BackSpace, "slide.previous" },
    { GDK_KEY_Page_Up, "slide.previous" },
    { GDK_KEY_Home, "slide.first" }, { GDK_KEY_End, "slide.last" }, { GDK_KEY_Escape, "window.close" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
tandem_presentation_init (TandemPresentation *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  add_keys (self);

  self->area = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (gtk_widget_queue_draw),
                           self->area, G_CONNECT_SWAPPED);
  gtk_window_set_child (GTK_WINDOW (self), self->area);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
}

/**
 * tandem_presentation_new:
 * @parent: (nullable): the window it covers
 *
 * The slides of tandem_slides_new() in a window that goes full screen
 * when shown.
 *
 * Returns: (transfer floating): the window, or %NULL with @error set
 */
TandemPresentation *
tandem_presentation_new (GtkWindow    *parent,
                         TandemStore  *store,
                         guint         threshold,
                         double        target,
                         double        min_effect,
                         GError      **error)
{
  g_autoptr(GDate) today = tandem_date_new_today ();
  TandemPresentation *self;
  GPtrArray *slides;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if (!(slides = tandem_slides_new (store, threshold, target, min_effect, today, error)))
    return NULL;

  self = g_object_new (TANDEM_TYPE_PRESENTATION, NULL);
  self->slides = slides;
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  gtk_window_fullscreen (GTK_WINDOW (self));
  update (self);
  return self;
}

guint
tandem_presentation_get_n_slides (TandemPresentation *self)
{
  g_return_val_if_fail (TANDEM_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

guint
tandem_presentation_get_current (TandemPresentation *self)
{
  g_return_val_if_fail (TANDEM_IS_PRESENTATION (self), 0);

  return self->current;
}

void
tandem_presentation_go_to (TandemPresentation *self,
                           guint               slide)
{
  g_return_if_fail (TANDEM_IS_PRESENTATION (self));

  if (self->slides->len == 0 || slide >= self->slides->len || slide == self->current)
    return;
  self->current = slide;
  update (self);
}
