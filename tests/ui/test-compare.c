/* test-compare: the outline's change since the year before, in-process
 * against a real (virtual) X server: the badge each row binds from its
 * item ("+18 pts", "status changed") with its tooltip and its words for
 * screen readers, and the status filter's choices "Changed this year",
 * "No update this year" and "Late" (docs/YEARS.md, "Comparing years"). */
#include "config.h"

#include "fita-edit.h"
#include "fita-item-row.h"
#include "fita-window-test.h"
#include "fita-years.h"

#include <string.h>

static GtkLabel *
badge_of (FitaWindow *window,
          const char *code)
{
  GtkWidget *label = find_descendant (shown_row (window, code), has_css_class, "change");

  g_assert_true (GTK_IS_LABEL (label));
  return GTK_LABEL (label);
}

/* The badge shows text, or is hidden (text NULL). */
static void
assert_badge (FitaWindow *window,
              const char *code,
              const char *text)
{
  GtkLabel *badge = badge_of (window, code);

  if (text == NULL)
    {
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));
      return;
    }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
  g_assert_cmpstr (gtk_label_get_label (badge), ==, text);
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (badge)));
}

/* "O3 O3.A1 11" — the codes the search found, in the plan's order. */
static char *
matched_codes (FitaWindow *window)
{
  FitaOutline *outline = fita_window_get_outline (window);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (fita_window_get_plan (window), NULL);
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);

      if (fita_outline_is_match (outline, item->rec.id))
        g_string_append_printf (codes, "%s%s", codes->len ? " " : "", item->code);
    }
  return g_strdup (codes->str);
}

/* Chooses name in the status filter, as a person does from its list. */
static void
choose (FitaWindow *window,
        const char *name)
{
  FitaOutline *outline = fita_window_get_outline (window);
  GObject *dropdown = gtk_widget_get_template_child (GTK_WIDGET (outline), FITA_TYPE_OUTLINE, "status_dropdown");
  guint position = choice_position (GTK_DROP_DOWN (dropdown), name);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  fita_outline_set_search_mode (outline, TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  settle ();
}

static const char *
empty_description (FitaWindow *window)
{
  FitaOutline *outline = fita_window_get_outline (window);
  GObject *page = gtk_widget_get_template_child (GTK_WIDGET (outline), FITA_TYPE_OUTLINE, "empty_page");

  return adw_status_page_get_description (ADW_STATUS_PAGE (page));
}

/* Terrassa, followed up in 2024: 2024 closed, then in 2025 11.1 moves
 * from 30 % to 48 % and 11.2 is finished; 11.1 and 11.5 end in 2024
 * unfinished, so they are late in 2025. */
static void
test_badges_and_filters (void)
{
  g_autofree char *path = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *screenshot = NULL;
  g_autoptr(GError) error = NULL;
  FitaWindow *window = open_terrassa ("compare.fita", &path);
  FitaOutline *outline = fita_window_get_outline (window);
  FitaPlan *plan = fita_window_get_plan (window);
  FitaItemObject *object;
  FitaStatus *finished = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, "Acabat");
  const char *tooltip, *description;

  /* No year closed before 2024: no badge, and the filters say why they
   * find nothing; "Late" needs no closure (nothing ends before 2024). */
  assert_badge (window, "11.1", NULL);
  choose (window, "No update this year");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_nonnull (strstr (empty_description (window), "2023 was not closed"));
  screenshot = save_screenshot (GTK_WIDGET (window), "compare-no-closure");
  g_clear_pointer (&screenshot, g_free);
  fita_outline_set_search_mode (outline, FALSE);
  settle ();

  g_assert_true (fita_plan_close_year (plan, 2024, "Montse", &error));
  g_assert_no_error (error);
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, "11.1"), "progress", 4800, &error));
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, "11.2"), "status_id", finished->rec.id, &error));
  g_assert_no_error (error);
  wait_for_row (window, "11.5");

  /* The badges, bound from the items: points, a status changed, late;
   * none for an item with nothing to say. */
  assert_badge (window, "11.1", "+18 pts");
  assert_badge (window, "11.2", "status changed");
  assert_badge (window, "11", "+4 pts");
  assert_badge (window, "11.5", "late");
  assert_badge (window, "11.3", NULL);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (badge_of (window, "11.1")));
  g_assert_nonnull (strstr (tooltip, "Since 2024 was closed:"));
  g_assert_nonnull (strstr (tooltip, "Progress: 30% → 48% (+18 points)"));
  g_assert_nonnull (strstr (tooltip, "Late: it was to end in 2024 and is not finished"));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (badge_of (window, "11.2")));
  g_assert_nonnull (strstr (tooltip, "Status: En curs → Acabat"));
  /* Not colour only: screen readers hear it with the row */
  object = fita_item_tree_lookup (fita_outline_get_tree (outline), id_of (window, "11.1"));
  description = fita_item_object_get_description (object);
  g_assert_nonnull (strstr (description, "+18 points since 2024"));
  g_assert_nonnull (strstr (description, "late"));
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "compare-badges");
  assert_png (screenshot, 800, 500);
  g_clear_pointer (&screenshot, g_free);

  /* An edit reaches the badge through the item, in one place. */
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, "11.1"), "progress", 5000, &error));
  assert_badge (window, "11.1", "+20 pts");
  g_assert_true (fita_plan_undo (plan, &error));
  assert_badge (window, "11.1", "+18 pts");

  /* The status filter's last choices */
  choose (window, "Changed this year");
  codes = matched_codes (window);
  g_assert_cmpstr (codes, ==, "O3 O3.A1 11 11.1 11.2");
  g_clear_pointer (&codes, g_free);
  screenshot = save_screenshot (GTK_WIDGET (window), "compare-changed-filter");
  g_clear_pointer (&screenshot, g_free);

  choose (window, "No update this year");
  codes = matched_codes (window);
  g_assert_cmpstr (codes, ==, "11.3 11.4 11.5");
  g_clear_pointer (&codes, g_free);
  /* their parents are shown to place them, not found */
  g_assert_cmpuint (n_rows (window), ==, 6);

  choose (window, "Late");
  codes = matched_codes (window);
  g_assert_cmpstr (codes, ==, "11.1 11.5");
  g_clear_pointer (&codes, g_free);

  /* The filter follows the plan: 11.5 finished is no longer late. */
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, "11.5"), "status_id", finished->rec.id, &error));
  settle ();
  codes = matched_codes (window);
  g_assert_cmpstr (codes, ==, "11.1");
  g_clear_pointer (&codes, g_free);

  /* A status after the change choices, and back to any */
  choose (window, "En curs");
  codes = matched_codes (window);
  g_assert_cmpstr (codes, ==, "11.1");
  g_clear_pointer (&codes, g_free);
  fita_outline_set_change_filter (outline, FITA_COMPARE_CHANGED);
  codes = matched_codes (window);
  g_assert_cmpstr (codes, ==, "O3 O3.A1 11 11.1 11.2 11.5");
  g_clear_pointer (&codes, g_free);
  fita_outline_set_search_mode (outline, FALSE);
  settle ();

  /* The year shown, from the window: 2024 against a 2023 never closed */
  fita_outline_set_year (outline, 2024);
  assert_badge (window, "11.1", NULL);
  fita_outline_set_year (outline, 0);
  assert_badge (window, "11.1", "+18 pts");

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  start_app (&argc, &argv);

  g_test_add_func ("/ui/compare/badges-and-filters", test_badges_and_filters);

  return run_app_tests ();
}
