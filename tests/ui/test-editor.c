/* test-editor: STUB, to be written by the part's owner. */
#include "config.h"

#include "fita-examples.h"
#include "fita-ui-test.h"

static void
test_builds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load ("terrassa-ess-2019-2026", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/editor/builds", test_builds);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
