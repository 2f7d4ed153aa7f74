/* test-verdict.c — intervals on gaps and changes, verdicts, and the sentences they allow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is checked against a hand computation: Wilson intervals as
 * in test-stats.c, then Newcombe's hybrid score interval for a gap,
 * low = d − √((p1−l1)² + (u2−p2)²), high = d + √((u1−p1)² + (p2−l2)²),
 * and the MOVER interval for a change of two gaps.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "tandem-stats.h"
#include "tandem-takeaway.h"
#include "tandem-verdict.h"

/* The Newcombe interval of two shares given as n and favourable. */
static void
gap_interval (guint   n1,
              guint   k1,
              guint   n2,
              guint   k2,
              double *out_gap,
              double *out_low,
              double *out_high)
{
  TandemShare a, b;

  tandem_share_init (&a, n1, k1, 5);
  tandem_share_init (&b, n2, k2, 5);
  *out_gap = a.pct - b.pct;
  tandem_stats_newcombe (a.pct, a.ci_low, a.ci_high, b.pct, b.ci_low, b.ci_high, out_low, out_high);
}

static void
test_verdict_newcombe (void)
{
  /* By hand: 61/100 has Wilson 51.20–69.98, 92/200 has 39.23–52.92;
   * gap 15, low 15 − √(9.80² + 6.92²) = 3.01, high 15 + √(8.98² + 6.77²) = 26.25.
   * 8/20 (21.88–61.34) against 15/30 (33.15–66.85): the gap crosses zero.
   * 5/5 (56.55–100) against 0/10 (0–27.75), both at the edges, n at the
   * threshold: low 100 − √(43.45² + 27.75²) = 48.44, high 100 + 0. */
  static const struct { guint n1, k1, n2, k2; double gap, low, high; } cases[] = {
    { 100, 61, 200, 92, 15.0, 3.007, 26.247 },
    { 20, 8, 30, 15, -10.0, -34.741, 17.189 },
    { 5, 5, 10, 0, 100.0, 48.444, 100.0 },
    { 5, 0, 5, 5, -100.0, -100.0, -38.555 },
    { 10, 6, 20, 9, 15.0, -20.466, 45.088 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double gap, low, high;

      gap_interval (cases[i].n1, cases[i].k1, cases[i].n2, cases[i].k2, &gap, &low, &high);
      g_test_message ("%u/%u − %u/%u: %.3f (%.3f to %.3f)", cases[i].k1, cases[i].n1, cases[i].k2, cases[i].n2,
                      gap, low, high);
      g_assert_cmpfloat_with_epsilon (gap, cases[i].gap, 1e-9);
      g_assert_cmpfloat_with_epsilon (low, cases[i].low, 0.001);
      g_assert_cmpfloat_with_epsilon (high, cases[i].high, 0.001);
    }

  {
    double low, high;

    /* A hidden side leaves no interval. */
    tandem_stats_newcombe (60, 40, 80, NAN, NAN, NAN, &low, &high);
    g_assert_true (isnan (low) && isnan (high));
  }
}

static void
test_verdict_mover (void)
{
  double g1, l1, u1, g2, l2, u2, low, high;

  /* 61/100 − 92/200 = 15 (3.007 to 26.247), then 60/120 − 132/240 = −5
   * (−15.750 to 5.841): change −20, low −20 − √(10.750² + 11.247²) =
   * −35.558, high −20 + √(10.841² + 11.993²) = −3.833. */
  gap_interval (100, 61, 200, 92, &g1, &l1, &u1);
  gap_interval (120, 60, 240, 132, &g2, &l2, &u2);
  tandem_stats_mover (g1, l1, u1, g2, l2, u2, &low, &high);
  g_assert_cmpfloat_with_epsilon (g2 - g1, -20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (low, -35.558, 0.001);
  g_assert_cmpfloat_with_epsilon (high, -3.833, 0.001);
}

static void
test_verdict_boundaries (void)
{
  /* Minimum effect 5; the change's interval decides with it. */
  static const struct { double from, change, low, high; TandemVerdict verdict; } cases[] = {
    { 10, -5.0, -8.0, -0.1, TANDEM_VERDICT_NARROWED },   /* exactly the minimum */
    { 10, -4.9, -8.0, -1.0, TANDEM_VERDICT_UNCLEAR },    /* below it, interval too wide for steady */
    { 10, -5.0, -8.0, 0.0, TANDEM_VERDICT_UNCLEAR },     /* interval touches 0 */
    { 10, 5.0, 0.1, 9.0, TANDEM_VERDICT_WIDENED },
    { 10, 5.0, 0.0, 9.0, TANDEM_VERDICT_UNCLEAR },
    { 10, 0.0, -4.9, 4.9, TANDEM_VERDICT_STEADY },
    { 10, 0.0, -5.0, 4.0, TANDEM_VERDICT_UNCLEAR },      /* steady needs the open interval */
    { 10, 0.0, -4.0, 5.0, TANDEM_VERDICT_UNCLEAR },
    { 10, -3.0, -4.9, -1.0, TANDEM_VERDICT_STEADY },     /* a real change, too small to matter */
    { 0, -6.0, -9.0, -1.0, TANDEM_VERDICT_NARROWED },    /* a gap of 0 counts as positive */
    /* ICs ahead (−10): moving up towards 0 narrows, moving down widens. */
    { -10, 6.0, 1.0, 11.0, TANDEM_VERDICT_NARROWED },
    { -10, -6.0, -11.0, -1.0, TANDEM_VERDICT_WIDENED },
    { -10, 6.0, -1.0, 11.0, TANDEM_VERDICT_UNCLEAR },
    { 10, NAN, NAN, NAN, TANDEM_VERDICT_TOO_FEW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TandemVerdict verdict = tandem_verdict_judge (cases[i].from, cases[i].change, cases[i].low, cases[i].high, 5.0);

      g_test_message ("case %u: %s", i, tandem_verdict_to_string (verdict));
      g_assert_cmpint (verdict, ==, cases[i].verdict);
    }
  g_assert_cmpstr (tandem_verdict_to_string (TANDEM_VERDICT_TOO_FEW), ==, "too_few");
}

/* A series of waves "2025 Q1"… with the gaps and intervals given; NAN is a
 * hidden wave. */
static GPtrArray *
make_series (const double (*waves)[3],
             guint          n_waves)
{
  GPtrArray *points = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_gap_point_free);

  for (guint i = 0; i < n_waves; i++)
    {
      TandemGapPoint *p = g_new0 (TandemGapPoint, 1);

      p->wave_title = g_strdup_printf ("2025 Q%u", i + 1);
      p->gap_pts = waves[i][0];
      p->gap_ci_low = waves[i][1];
      p->gap_ci_high = waves[i][2];
      p->leaders.pct = isfinite (p->gap_pts) ? 40 + p->gap_pts : NAN;
      p->ics.pct = isfinite (p->gap_pts) ? 40 : NAN;
      g_ptr_array_add (points, p);
    }
  return points;
}

static void
test_verdict_gap_change (void)
{
  static const double waves[][3] = { { NAN, NAN, NAN }, { 15, 13, 17 }, { 9, 7, 11 }, { 5, 3, 7 }, { NAN, NAN, NAN } };
  g_autoptr(GPtrArray) points = make_series (waves, G_N_ELEMENTS (waves));
  TandemGapChange change;

  /* From the first shown wave to the latest shown one. */
  g_assert_true (tandem_gap_change_compute (points, TANDEM_DIMENSION_OPTIMISM, NULL, NULL, 5, &change));
  g_assert_cmpstr (change.from_wave, ==, "2025 Q2");
  g_assert_cmpstr (change.to_wave, ==, "2025 Q4");
  g_assert_cmpfloat (change.change, ==, -10);
  g_assert_cmpfloat_with_epsilon (change.ci_low, -10 - sqrt (8), 1e-9);
  g_assert_cmpfloat_with_epsilon (change.ci_high, -10 + sqrt (8), 1e-9);
  g_assert_cmpint (change.verdict, ==, TANDEM_VERDICT_NARROWED);

  /* Named waves; a hidden one leaves too_few, an unknown one fails. */
  g_assert_true (tandem_gap_change_compute (points, TANDEM_DIMENSION_OPTIMISM, "2025 Q3", "2025 Q4", 5, &change));
  g_assert_cmpfloat (change.change, ==, -4);
  g_assert_true (tandem_gap_change_compute (points, TANDEM_DIMENSION_OPTIMISM, "2025 Q1", NULL, 5, &change));
  g_assert_cmpint (change.verdict, ==, TANDEM_VERDICT_TOO_FEW);
  g_assert_true (isnan (change.change));
  g_assert_false (tandem_gap_change_compute (points, TANDEM_DIMENSION_OPTIMISM, "2024 Q4", NULL, 5, &change));
  g_assert_false (tandem_gap_change_compute (points, TANDEM_DIMENSION_OPTIMISM, NULL, "2030 Q1", 5, &change));

  /* One shown wave is too few. */
  g_ptr_array_set_size (points, 2);
  g_assert_true (tandem_gap_change_compute (points, TANDEM_DIMENSION_OPTIMISM, NULL, NULL, 5, &change));
  g_assert_cmpint (change.verdict, ==, TANDEM_VERDICT_TOO_FEW);
}

typedef struct
{
  const char *narrowed;
  const char *widened;
  const char *steady;
  const char *unclear;
  const char *one_wave;
  const char *none;
  const char *widest;
  const char *alike;
  const char *rule;
} Sentences;

static void
check_sentences (const Sentences *want)
{
  static const double narrowing[][3] = { { 15, 13, 17 }, { 5, 3, 7 } };
  static const double widening[][3] = { { 5, 3, 7 }, { 15, 13, 17 } };
  static const double holding[][3] = { { 9, 8, 10 }, { 9.4, 8.4, 10.4 } };
  static const double wavering[][3] = { { 15, -7, 37 }, { 7, -15, 29 } };
  static const double once[][3] = { { NAN, NAN, NAN }, { 12, 2, 22 } };
  static const double never[][3] = { { NAN, NAN, NAN } };
  struct { const double (*waves)[3]; guint n; TandemDimension d; const char *want; } cases[] = {
    { narrowing, 2, TANDEM_DIMENSION_OPTIMISM, want->narrowed },
    { widening, 2, TANDEM_DIMENSION_OPTIMISM, want->widened },
    { holding, 2, TANDEM_DIMENSION_TRANSPARENCY, want->steady },
    { wavering, 2, TANDEM_DIMENSION_RESOURCES, want->unclear },
    { once, 2, TANDEM_DIMENSION_OPTIMISM, want->one_wave },
    { never, 1, TANDEM_DIMENSION_TRANSPARENCY, want->none },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) points = make_series (cases[i].waves, cases[i].n);
      g_autofree char *sentence = tandem_gap_takeaway (points, cases[i].d, 5);

      g_assert_cmpstr (sentence, ==, cases[i].want);
    }

  {
    static const double clear[3][1][3] = { { { 30, 25, 35 } }, { { 10, 5, 15 } }, { { -5, -9.5, -0.5 } } };
    static const double close[3][1][3] = { { { 12, 2, 22 } }, { { 10, 5, 15 } }, { { NAN, NAN, NAN } } };
    GPtrArray *series[TANDEM_N_DIMENSIONS];
    g_autofree char *widest = NULL;
    g_autofree char *alike = NULL;
    g_autofree char *rule = tandem_verdict_rule_text (5);

    for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
      series[d] = make_series (clear[d], 1);
    widest = tandem_snapshot_takeaway (series);
    for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
      {
        g_ptr_array_unref (series[d]);
        series[d] = make_series (close[d], 1);
      }
    alike = tandem_snapshot_takeaway (series);
    for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
      g_ptr_array_unref (series[d]);

    g_assert_cmpstr (widest, ==, want->widest);
    g_assert_cmpstr (alike, ==, want->alike);
    g_assert_cmpstr (rule, ==, want->rule);
  }
}

static void
test_verdict_sentences (void)
{
  static const Sentences english = {
    "The optimism gap narrowed from 15 to 5 points since 2025 Q1 (change −10, 95% interval −13 to −7).",
    "The optimism gap widened from 5 to 15 points since 2025 Q1 (change +10, 95% interval 7 to 13).",
    "The transparency gap held steady at about 9 points since 2025 Q1.",
    "Too few answers to tell whether the resources gap moved since 2025 Q1 (15 → 7 points, ±31).",
    "The optimism gap is 12 points (2025 Q2).",
    "Too few answers yet to show the transparency gap.",
    "The widest gap is optimism: 70% of executives against 40% of ICs.",
    "In the latest wave the gaps are alike within their margins of error; none is clearly the widest.",
    "A gap is said to have narrowed or widened only when the change is at least 5 points and its 95% "
    "interval excludes zero; it held steady when the whole interval lies within ±5 points; otherwise "
    "there are too few answers to tell.",
  };

  check_sentences (&english);
}

/* In a process of its own, so that gettext starts in German. */
static void
test_verdict_sentences_german (void)
{
  static const Sentences german = {
    "Die Lücke bei Optimismus ist seit 2025 Q1 von 15 auf 5 Punkte geschrumpft "
    "(Änderung −10, 95-%-Intervall −13 bis −7).",
    "Die Lücke bei Optimismus ist seit 2025 Q1 von 5 auf 15 Punkte gewachsen "
    "(Änderung +10, 95-%-Intervall 7 bis 13).",
    "Die Lücke bei Transparenz ist seit 2025 Q1 stabil bei etwa 9 Punkten.",
    "Zu wenige Antworten, um zu sagen, ob sich die Lücke bei Ressourcen seit 2025 Q1 bewegt hat "
    "(15 → 7 Punkte, ±31).",
    "Die Lücke bei Optimismus beträgt 12 Punkte (2025 Q2).",
    "Noch zu wenige Antworten, um die Lücke bei Transparenz zu zeigen.",
    "Die größte Lücke: Optimismus, 70 % der Führungskräfte gegen 40 % der Mitarbeitenden.",
    "In der letzten Welle sind die Lücken innerhalb ihrer Fehlerspannen gleich groß; keine ist eindeutig "
    "die größte.",
    "Eine Lücke gilt nur dann als geschrumpft oder gewachsen, wenn die Änderung mindestens 5 Punkte beträgt "
    "und ihr 95-%-Intervall null ausschließt; als stabil, wenn das ganze Intervall innerhalb von ±5 Punkten "
    "liegt; sonst gibt es zu wenige Antworten, um es zu sagen.",
  };

  if (g_test_subprocess ())
    {
      const char *localedir = g_getenv ("TANDEM_LOCALEDIR");

      g_assert_nonnull (localedir);
      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      check_sentences (&german);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/verdict/newcombe", test_verdict_newcombe);
  g_test_add_func ("/tandem/verdict/mover", test_verdict_mover);
  g_test_add_func ("/tandem/verdict/boundaries", test_verdict_boundaries);
  g_test_add_func ("/tandem/verdict/gap-change", test_verdict_gap_change);
  g_test_add_func ("/tandem/verdict/sentences", test_verdict_sentences);
  g_test_add_func ("/tandem/verdict/sentences-de", test_verdict_sentences_german);

  return g_test_run ();
}
