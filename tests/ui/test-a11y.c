/* test-a11y: Fita as a screen reader gets it. The real app runs in a
 * process of its own, with GTK's accessibility on, on a session bus and an
 * accessibility bus of the test's own (dbus-run-session starts the one,
 * at-spi-bus-launcher the other); this test is the screen reader: it walks
 * the window's accessible tree over AT-SPI on every page and fails on any
 * control a person can focus or act on that has no name, then checks what
 * the outline's rows and the item editor's budget switch say. */
#include "config.h"

#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>
#include <atspi/atspi.h>
#include <json-glib/json-glib.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#define TERRASSA "terrassa-ess-2019-2026"
/* far more than the window holds: a walk that gets here is lost */
#define MAX_NODES 20000
#define MAX_DEPTH 80

static GPid app_pid;

static void
dbind_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        data)
{
  g_test_message ("%s: %s", domain, message);
}

static gboolean
not_fatal_from_dbind (const char     *domain,
                      GLogLevelFlags  level,
                      const char     *message,
                      gpointer        data)
{
  return g_strcmp0 (domain, "dbind") != 0;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}
static AtspiAccessible *app;

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
}

static AtspiAccessible *
find_app (void)
{
  AtspiAccessible *desktop = atspi_get_desktop (0);
  int n = atspi_accessible_get_child_count (desktop, NULL);
  AtspiAccessible *found = NULL;

  for (int i = 0; i < n && found == NULL; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (desktop, i, NULL);
      g_autofree char *name = child ? atspi_accessible_get_name (child, NULL) : NULL;
      GError *error = NULL;
      guint pid = child ? atspi_accessible_get_process_id (child, &error) : 0;

      g_clear_error (&error);
      if (child != NULL && (pid == (guint) app_pid || g_strcmp0 (name, "fita") == 0))
        found = g_object_ref (child);
      g_clear_object (&child);
    }
  g_object_unref (desktop);
  return found;
}

static gboolean
has_state (AtspiAccessible *node, AtspiStateType state)
{
  AtspiStateSet *states = atspi_accessible_get_state_set (node);
  gboolean has = states != NULL && atspi_state_set_contains (states, state);

  g_clear_object (&states);
  return has;
}

static gboolean
is_labelled_by_another (AtspiAccessible *node)
{
  GArray *relations = atspi_accessible_get_relation_set (node, NULL);
  gboolean labelled = FALSE;

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      AtspiRelation *relation = g_array_index (relations, AtspiRelation *, i);
      if (atspi_relation_get_relation_type (relation) == ATSPI_RELATION_LABELLED_BY &&
          atspi_relation_get_n_targets (relation) > 0)
        labelled = TRUE;
      g_object_unref (relation);
    }
  if (relations != NULL)
    g_array_unref (relations);
  return labelled;
}

/* What a person can focus or act on: the roles of controls. */
static gboolean
is_control (AtspiRole role)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_CHECK_MENU_ITEM:
    case ATSPI_ROLE_RADIO_MENU_ITEM:
    case ATSPI_ROLE_PAGE_TAB:
    case ATSPI_ROLE_TREE_TABLE:
    case ATSPI_ROLE_TREE:
    case ATSPI_ROLE_LIST_BOX:
    case ATSPI_ROLE_TABLE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* GTK names a control it knows no name for by its class: "GtkToggleButton",
 * which is what a screen reader then reads. */
static gboolean
is_class_name (const char *name)
{
  if (!g_str_has_prefix (name, "Gtk") && !g_str_has_prefix (name, "Adw") && !g_str_has_prefix (name, "Fita"))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

typedef struct {
  guint nodes;
  guint controls;
  GPtrArray *nameless;    /* "push button in …" */
  GPtrArray *named;       /* every name met, for the checks that follow */
  GPtrArray *doubled;     /* names read twice over: "Progress Progress" */
} Walk;

/* "Progress Progress": GTK 4.8 reads a control's own name and its
 * label's one after the other. */
static gboolean
is_doubled (const char *name)
{
  size_t length = strlen (name);

  return length >= 3 && length % 2 == 1 && name[length / 2] == ' ' &&
         strncmp (name, name + length / 2 + 1, length / 2) == 0;
}

static void
walk (Walk *w, AtspiAccessible *node, const char *path, guint depth)
{
  g_autofree char *name = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *here = NULL;
  AtspiRole role;
  int n;

  if (node == NULL || depth > MAX_DEPTH || w->nodes++ > MAX_NODES)
    return;
  role = atspi_accessible_get_role (node, NULL);
  name = atspi_accessible_get_name (node, NULL);
  role_name = atspi_accessible_get_role_name (node, NULL);
  /* what is hidden is not read (GTK 4.8 says "visible", never "showing";
   * the pages of a stack that are not shown count as visible: all the
   * better, every page is walked each time) */
  if (depth > 1 && !has_state (node, ATSPI_STATE_VISIBLE))
    return;
  if (name != NULL && *name != '\0' && !is_class_name (name))
    g_ptr_array_add (w->named, g_strdup_printf ("%s|%s", role_name, name));
  if (name != NULL && is_doubled (name))
    g_ptr_array_add (w->doubled, g_strdup_printf ("%s “%s” in … %s", role_name, name, path));
  if (is_control (role))
    {
      w->controls++;
      if ((name == NULL || *name == '\0' || is_class_name (name)) && !is_labelled_by_another (node))
        {
          /* the last steps of the way there say where it is */
          g_auto(GStrv) steps = g_strsplit (path, " > ", -1);
          guint n_steps = g_strv_length (steps);
          g_autofree char *near = g_strjoinv (" > ", steps + (n_steps > 6 ? n_steps - 6 : 0));
          g_autofree char *description = atspi_accessible_get_description (node, NULL);
          g_ptr_array_add (w->nameless, g_strdup_printf ("%s “%s” (%s) in … %s", role_name, name ? name : "",
                                                         description ? description : "", near));
        }
    }
  /* named steps only: the panels between say nothing */
  here = name != NULL && *name != '\0' && !is_class_name (name)
       ? g_strdup_printf ("%s > %s “%s”", path, role_name, name)
       : g_strdup (path);
  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (node, i, NULL);
      walk (w, child, here, depth + 1);
      g_clear_object (&child);
    }
}

static void
walk_free (Walk *w)
{
  g_ptr_array_unref (w->nameless);
  g_ptr_array_unref (w->named);
  g_ptr_array_unref (w->doubled);
}

static Walk
walk_app (void)
{
  Walk w = { 0, 0, g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free),
             g_ptr_array_new_with_free_func (g_free) };

  walk (&w, app, "fita", 0);
  return w;
}

static gboolean
walk_has (Walk *w, const char *role_and_name_prefix)
{
  for (guint i = 0; i < w->named->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (w->named, i), role_and_name_prefix))
      return TRUE;
  return FALSE;
}

/* The first showing node of role whose name is name. */
static AtspiAccessible *
find_node (AtspiAccessible *node, AtspiRole role, const char *name, guint depth)
{
  g_autofree char *own = NULL;
  int n;

  if (node == NULL || depth > MAX_DEPTH)
    return NULL;
  own = atspi_accessible_get_name (node, NULL);
  if (atspi_accessible_get_role (node, NULL) == role && g_strcmp0 (own, name) == 0 &&
      (depth == 0 || has_state (node, ATSPI_STATE_VISIBLE)))
    return g_object_ref (node);
  if (depth > 1 && !has_state (node, ATSPI_STATE_VISIBLE))
    return NULL;
  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (node, i, NULL);
      AtspiAccessible *found = find_node (child, role, name, depth + 1);
      g_clear_object (&child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Does the first action of the node, as a screen reader's "activate". */
static void
act (AtspiAccessible *node)
{
  AtspiAction *action = atspi_accessible_get_action_iface (node);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (action);
  g_assert_cmpint (atspi_action_get_n_actions (action, NULL), >, 0);
  g_assert_true (atspi_action_do_action (action, 0, &error));
  g_assert_no_error (error);
  g_object_unref (action);
  spin (800);
}

static void
assert_all_named (const char *page)
{
  Walk w = walk_app ();

  g_test_message ("%s: %u nodes, %u controls", page, w.nodes, w.controls);
  for (guint i = 0; i < w.nameless->len; i++)
    g_test_message ("no name: %s", (char *) g_ptr_array_index (w.nameless, i));
  for (guint i = 0; i < w.doubled->len; i++)
    g_test_message ("read twice: %s", (char *) g_ptr_array_index (w.doubled, i));
  g_assert_cmpuint (w.controls, >, 5);
  g_assert_cmpuint (w.nameless->len, ==, 0);
  g_assert_cmpuint (w.doubled->len, ==, 0);
  walk_free (&w);
}

static void
show_page (const char *title)
{
  /* the view switcher's buttons are named by their page */
  AtspiAccessible *button = find_node (app, ATSPI_ROLE_PAGE_TAB, title, 0);

  if (button == NULL)
    button = find_node (app, ATSPI_ROLE_PUSH_BUTTON, title, 0);
  if (button == NULL)
    button = find_node (app, ATSPI_ROLE_PAGE_TAB, title, 0);
  if (button == NULL)
    button = find_node (app, ATSPI_ROLE_RADIO_BUTTON, title, 0);
  g_assert_nonnull (button);
  act (button);
  g_object_unref (button);
}

/* FITA_A11Y_DUMP=1: the tree as the test sees it, to find what a check misses */
static void
dump (AtspiAccessible *node, guint depth)
{
  g_autofree char *name = atspi_accessible_get_name (node, NULL);
  g_autofree char *role = atspi_accessible_get_role_name (node, NULL);
  int n = atspi_accessible_get_child_count (node, NULL);

  g_test_message ("%*s%s “%s” showing=%d visible=%d focusable=%d (%d)", (int) depth * 2, "", role, name ? name : "",
                  has_state (node, ATSPI_STATE_SHOWING), has_state (node, ATSPI_STATE_VISIBLE),
                  has_state (node, ATSPI_STATE_FOCUSABLE), n);
  for (int i = 0; i < n && depth < 30; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (node, i, NULL);
      if (child != NULL)
        dump (child, depth + 1);
      g_clear_object (&child);
    }
}

static void
test_every_page_named (void)
{
  if (g_getenv ("FITA_A11Y_DUMP") != NULL)
    dump (app, 0);
  static const char * const pages[] = { "Items", "Timeline", "Budget", "Reports", "Plan", "Governance", "Participation" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_test_message ("page %s", pages[i]);
      show_page (pages[i]);
      assert_all_named (pages[i]);
    }
  show_page ("Items");
}

/* The timeline as a table: every control named, each check box by its
 * item and semester. */
static void
test_timeline_table (void)
{
  AtspiAccessible *toggle;
  Walk w;
  gboolean found = FALSE;

  show_page ("Timeline");
  /* GTK 4.8 gives toggle buttons the role of buttons, with a pressed state */
  toggle = find_node (app, ATSPI_ROLE_PUSH_BUTTON, "Show as Table", 0);
  g_assert_nonnull (toggle);
  act (toggle);
  assert_all_named ("Timeline as a table");
  w = walk_app ();
  for (guint i = 0; i < w.named->len && !found; i++)
    {
      const char *entry = g_ptr_array_index (w.named, i);
      found = g_str_has_prefix (entry, "check box|") && strstr (entry, " semester") != NULL;
    }
  g_assert_true (found);
  walk_free (&w);
  act (toggle);
  g_object_unref (toggle);
  show_page ("Items");
}

/* The outline's rows read as their code and title, not as "row". */
static void
test_outline_rows (void)
{
  Walk w = walk_app ();
  gboolean found = FALSE;

  for (guint i = 0; i < w.named->len && !found; i++)
    {
      const char *entry = g_ptr_array_index (w.named, i);
      const char *name = strchr (entry, '|') + 1;
      found = g_str_has_prefix (name, "11.1") && strstr (name, "Radiografia") != NULL;
    }
  g_assert_true (found);
  walk_free (&w);
}

/* The node that has the keyboard focus, or NULL. */
static AtspiAccessible *
focused_node (AtspiAccessible *node, guint depth)
{
  int n;

  if (node == NULL || depth > MAX_DEPTH)
    return NULL;
  if (depth > 0 && has_state (node, ATSPI_STATE_FOCUSED))
    return g_object_ref (node);
  if (depth > 1 && !has_state (node, ATSPI_STATE_VISIBLE))
    return NULL;
  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (node, i, NULL);
      AtspiAccessible *found = focused_node (child, depth + 1);
      g_clear_object (&child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The focused node's role and name, "role|name", or NULL. */
static char *
focused (void)
{
  AtspiAccessible *node = focused_node (app, 0);
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (node == NULL)
    return NULL;
  name = atspi_accessible_get_name (node, NULL);
  role = atspi_accessible_get_role_name (node, NULL);
  g_object_unref (node);
  return g_strdup_printf ("%s|%s", role, name ? name : "");
}

/* A key as the keyboard sends it, through the X server's XTest, with
 * Control (1 << 2), Alt (1 << 3) or Shift (1 << 0) held. (AT-SPI's own
 * atspi_generate_keyboard_event gets shortcuts through, but not text:
 * letters never reach an entry.) */
static Display *display;

static void
press (KeySym keysym, gboolean down)
{
  KeyCode code = XKeysymToKeycode (display, keysym);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (display, code, down, CurrentTime);
  XFlush (display);
}

static void
key (guint keysym, guint modifiers)
{
  static const struct { guint mask; KeySym keysym; } mods[] = { { 1 << 2, XK_Control_L },
                                                                { 1 << 3, XK_Alt_L },
                                                                { 1 << 0, XK_Shift_L } };

  for (guint i = 0; i < G_N_ELEMENTS (mods); i++)
    if (modifiers & mods[i].mask)
      press (mods[i].keysym, TRUE);
  press (keysym, TRUE);
  press (keysym, FALSE);
  for (guint i = G_N_ELEMENTS (mods); i-- > 0;)
    if (modifiers & mods[i].mask)
      press (mods[i].keysym, FALSE);
  spin (300);
}

/* Keys as the keyboard sends them reach the window: Ctrl+F searches. */
static void
test_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  /* no window manager: the keyboard follows the pointer */
  g_assert_true (atspi_generate_mouse_event (300, 300, "abs", &error));
  g_assert_no_error (error);
  spin (300);
  key (0x066 /* f */, 1 << 2);
  after = focused ();
  g_assert_cmpstr (after, ==, "entry|Search items by code or title");
  key (0xff1b /* Escape */, 0);
}

/* Typed as the keyboard types it: letters, digits and "." are keysyms of
 * their own ASCII code. */
static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    key ((guchar) *p, 0);
}

/* Keys until the focus reaches target (a "role|name" prefix), at most
 * limit of them; TRUE if it did. */
static gboolean
key_to (const char *target, guint keysym, guint limit)
{
  for (guint i = 0; i < limit; i++)
    {
      g_autofree char *now = focused ();
      if (now != NULL && g_str_has_prefix (now, target))
        return TRUE;
      g_test_message ("focus on %s, not yet %s", now ? now : "(nothing)", target);
      key (keysym, 0);
    }
  return FALSE;
}

/* What fita-cli says of item code in the example plan's copy. */
static JsonNode *
item_figures (const char *code)
{
  g_autofree char *path = g_build_filename (g_get_home_dir (), "Fita", TERRASSA ".fita", NULL);
  const char *argv[] = { g_getenv ("FITA_CLI"), "stats", path, "--item", code, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return json_from_string (out, &error);
}

static gint64
count_of_status (JsonNode *figures, const char *status)
{
  JsonArray *statuses = json_object_get_array_member (json_node_get_object (figures), "statuses");

  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonObject *entry = json_array_get_object_element (statuses, i);
      if (g_strcmp0 (json_object_get_string_member (entry, "name"), status) == 0)
        return json_object_get_int_member (entry, "count");
    }
  return -1;
}

/* Chooses the item of code as a person does with the keyboard: Ctrl+F,
 * the code, Enter. */
static void
choose_item (const char *code)
{
  g_autoptr(GError) error = NULL;

  /* no window manager: the keyboard follows the pointer */
  g_assert_true (atspi_generate_mouse_event (300, 300, "abs", &error));
  g_assert_no_error (error);
  spin (300);
  key (XK_f, 1 << 2);
  /* over what an earlier search left */
  key (XK_a, 1 << 2);
  type_text (code);
  /* the search runs once typing pauses */
  spin (800);
  key (XK_Return, 0);
}

static gboolean
is_on (AtspiAccessible *node)
{
  return has_state (node, ATSPI_STATE_CHECKED) || has_state (node, ATSPI_STATE_PRESSED);
}

/* The item budget's Planned/Executed switch says which one is on, and
 * turns when a screen reader presses the other. */
static void
test_budget_switch (void)
{
  AtspiAccessible *planned;
  AtspiAccessible *executed;

  choose_item ("11.1");
  /* GTK 4.8 gives toggle buttons the role of buttons, with a pressed state */
  planned = find_node (app, ATSPI_ROLE_PUSH_BUTTON, "Planned", 0);
  executed = find_node (app, ATSPI_ROLE_PUSH_BUTTON, "Executed", 0);
  g_assert_nonnull (planned);
  g_assert_nonnull (executed);
  /* amounts go in as planned until the officer says otherwise */
  g_assert_true (is_on (planned));
  g_assert_false (is_on (executed));
  act (executed);
  g_assert_false (is_on (planned));
  g_assert_true (is_on (executed));
  act (planned);
  g_assert_true (is_on (planned));
  g_assert_false (is_on (executed));
  g_object_unref (planned);
  g_object_unref (executed);
}

/* An officer's task with the keyboard alone: find 11.3, set it "En curs"
 * and 50 %; the plan's file holds both afterwards. */
static void
test_keyboard_task (void)
{
  g_autoptr(JsonNode) before = item_figures ("11.3");
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *found = NULL;

  g_assert_cmpint (json_object_get_int_member (json_node_get_object (before), "progress"), ==, 0);
  g_assert_cmpint (count_of_status (before, "En curs"), ==, 0);

  /* Ctrl+F, the code, Enter: the item found is chosen, the tree focused */
  choose_item ("11.3");
  found = focused ();
  g_assert_cmpstr (found, ==, "list|Plan items");

  /* Tab to the status, open it, down to "En curs", Enter */
  g_assert_true (key_to ("push button|Status", XK_Tab, 20));
  key (XK_space, 0);
  spin (300);
  g_assert_true (key_to ("list item|En curs", XK_Down, 10));
  key (XK_Return, 0);
  spin (300);

  /* Tab to the figure of the progress, type over it, Enter */
  g_assert_true (key_to ("spin button|Progress", XK_Tab, 10));
  key (XK_a, 1 << 2);
  type_text ("50");
  key (XK_Return, 0);
  spin (500);

  after = item_figures ("11.3");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after), "progress"), ==, 50);
  g_assert_cmpint (count_of_status (after, "En curs"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("FITA_BINARY");
  g_autofree char *home = g_dir_make_tmp ("fita-test-a11y-XXXXXX", &error);
  static const char * const variables[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  char *app_argv[] = { (char *) binary, (char *) "--example", (char *) TERRASSA, NULL };
  int status;

  g_test_init (&argc, &argv, NULL);
  /* AT-SPI's client library warns about other programs on the bus (the
   * registry has no cache of its own): not the app's doing */
  g_test_log_set_fatal_handler (not_fatal_from_dbind, NULL);
  g_log_set_handler ("dbind", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, dbind_log, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (binary);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *folder = g_build_filename (home, variables[i], NULL);
      g_setenv (variables[i], folder, TRUE);
    }
  /* the example's copy goes in the home folder: the test's own */
  g_setenv ("HOME", home, TRUE);
  /* a session bus of the test's own, and GTK's accessibility on */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL || g_str_has_prefix (g_getenv ("DBUS_SESSION_BUS_ADDRESS"), "disabled"))
    g_error ("run under dbus-run-session");
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  g_unsetenv ("NO_AT_BRIDGE");

  display = XOpenDisplay (NULL);
  g_assert_nonnull (display);
  g_assert_true (g_spawn_async (NULL, app_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &app_pid, &error));
  g_assert_no_error (error);
  atspi_init ();
  for (guint i = 0; i < 300 && app == NULL; i++)
    {
      spin (200);
      app = find_app ();
    }
  if (app == NULL)
    {
      AtspiAccessible *desktop = atspi_get_desktop (0);
      int n = atspi_accessible_get_child_count (desktop, NULL);
      g_test_message ("not found among %d applications; the app is %s", n,
                      kill (app_pid, 0) == 0 ? "running" : "gone");
      for (int i = 0; i < n; i++)
        {
          AtspiAccessible *child = atspi_accessible_get_child_at_index (desktop, i, NULL);
          g_autofree char *name = child ? atspi_accessible_get_name (child, NULL) : NULL;
          g_test_message ("  %s", name ? name : "(null)");
          g_clear_object (&child);
        }
      g_object_unref (desktop);
    }
  g_assert_nonnull (app);
  /* the window and its outline are there */
  for (guint i = 0; i < 100; i++)
    {
      Walk w = walk_app ();
      gboolean ready = walk_has (&w, "page tab|Items");
      walk_free (&w);
      if (ready)
        break;
      spin (200);
    }

  g_test_add_func ("/a11y/every-page-named", test_every_page_named);
  g_test_add_func ("/a11y/outline-rows", test_outline_rows);
  g_test_add_func ("/a11y/timeline-table", test_timeline_table);
  g_test_add_func ("/a11y/keys", test_keys);
  g_test_add_func ("/a11y/budget-switch", test_budget_switch);
  g_test_add_func ("/a11y/keyboard-task", test_keyboard_task);
  status = g_test_run ();

  kill (app_pid, SIGTERM);
  g_spawn_close_pid (app_pid);
  g_clear_object (&app);
  atspi_exit ();
  XCloseDisplay (display);
  remove_tree (home);
  return status;
}
