#!/usr/bin/env python3
"""Many clients on one shared plan at once lose and duplicate nothing (TAP).

Run through `pgcluster.py run -- python3 test-load.py FITA_CLI`: `fita-cli
bench --server` pushes a synthetic plan to the throwaway cluster, has C
clients make E edits each at the same time, counts every edit in the plan's
change log, and drops the plan. Then again on a small plan, where most edits
meet another's, with clients that follow each other's changes as the app
does (--watch). Timings are the bench's to report, never this test's to
judge.
"""

import json
import os
import subprocess
import sys

PGCLUSTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pgcluster.py")
# The load: the whole run takes about 30 s on a 2-core machine.
ITEMS, CLIENTS, EDITS = 20000, 20, 500
KEYS = ["items", "push_ms", "open_ms", "edit_median_us", "edit_p95_us", "notify_ms",
        "load_clients", "load_edits", "load_seconds", "load_commit_p50_us",
        "load_commit_p95_us", "load_conflicts", "load_lost", "load_duplicated",
        "load_mismatched"]

results = []


def check(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}", flush=True)
    if not ok and detail:
        for line in str(detail).strip().splitlines():
            print(f"# {line}")


def bench(fita_cli, uri, items, clients, edits, *extra):
    """Runs the bench; checks what it reports. The figures, or {}."""
    what = f"{items} items, {clients} clients × {edits} edits{' ' if extra else ''}{' '.join(extra)}"
    result = subprocess.run([fita_cli, "bench", "--server", uri, "--items", str(items),
                             "--clients", str(clients), "--edits", str(edits), "--json", *extra],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    check(result.returncode == 0, f"{what}: bench --server exits 0",
          f"status {result.returncode}\n{result.stdout}\n{result.stderr}")
    try:
        figures = json.loads(result.stdout)
    except ValueError as error:
        figures = {}
        check(False, f"{what}: bench --server prints one JSON object", f"{error}\n{result.stdout}")
    else:
        check(isinstance(figures, dict), f"{what}: bench --server prints one JSON object", result.stdout)
    print(f"# {result.stdout.strip()}", flush=True)

    missing = [key for key in KEYS
               if not isinstance(figures.get(key), (int, float)) or isinstance(figures.get(key), bool)]
    check(not missing, f"{what}: every key is there and a number",
          "\n".join(f"{key}: {figures.get(key)!r}" for key in missing))
    check(figures.get("load_edits") == clients * edits and figures.get("load_clients") == clients,
          f"{what}: {clients} clients made {clients * edits} edits",
          f"load_clients {figures.get('load_clients')}, load_edits {figures.get('load_edits')}")
    check(figures.get("load_lost") == 0 and figures.get("load_duplicated") == 0,
          f"{what}: no edit lost or logged twice",
          f"lost {figures.get('load_lost')}, duplicated {figures.get('load_duplicated')}")
    check(figures.get("load_mismatched") == 0, f"{what}: every item's notes are the last value logged for it",
          f"mismatched {figures.get('load_mismatched')}")
    return figures


def main():
    fita_cli = sys.argv[1]
    uri = os.environ["FITA_TEST_PG_URI"]
    print("1..14", flush=True)

    bench(fita_cli, uri, ITEMS, CLIENTS, EDITS)
    figures = bench(fita_cli, uri, 20, 20, 50, "--watch")
    check(figures.get("load_watch") is True and figures.get("load_conflicts", 0) > 0,
          "the clients followed each other's changes, and still met conflicts on 20 items",
          f"load_watch {figures.get('load_watch')!r}, load_conflicts {figures.get('load_conflicts')!r}")

    count = subprocess.run([sys.executable, PGCLUSTER, "psql", "fita_admin",
                            "SELECT count(*) FROM fita.plan"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    check(count.returncode == 0 and count.stdout.strip() == "0", "the bench's plans were dropped",
          f"status {count.returncode}\n{count.stdout}\n{count.stderr}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
