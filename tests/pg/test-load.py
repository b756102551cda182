#!/usr/bin/env python3
"""Many clients on one shared plan at once lose and duplicate nothing (TAP).

Run through `pgcluster.py run -- python3 test-load.py FITA_CLI`: `fita-cli
bench --server` pushes a synthetic plan to the throwaway cluster, has C
clients make E edits each at the same time, counts every edit in the plan's
change log, and drops the plan. Timings are the bench's to report, never
this test's to judge.
"""

import json
import os
import subprocess
import sys

PGCLUSTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pgcluster.py")
# The load. The whole run takes 70-130 s on a 2-core machine, most
# of it pushing the plan (about 63 000 records), which fewer edits would
# not shorten much.
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


def main():
    fita_cli = sys.argv[1]
    uri = os.environ["FITA_TEST_PG_URI"]
    print(f"1..{6 + len(KEYS)}", flush=True)

    bench = subprocess.run([fita_cli, "bench", "--server", uri, "--items", str(ITEMS),
                            "--clients", str(CLIENTS), "--edits", str(EDITS), "--json"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    check(bench.returncode == 0, "bench --server exits 0",
          f"status {bench.returncode}\n{bench.stdout}\n{bench.stderr}")
    try:
        figures = json.loads(bench.stdout)
    except ValueError as error:
        figures = {}
        check(False, "bench --server prints one JSON object", f"{error}\n{bench.stdout}")
    else:
        check(isinstance(figures, dict), "bench --server prints one JSON object", bench.stdout)
    print(f"# {bench.stdout.strip()}")

    for key in KEYS:
        value = figures.get(key)
        check(isinstance(value, (int, float)) and not isinstance(value, bool),
              f"{key} is there and a number", repr(value))
    check(figures.get("load_edits") == CLIENTS * EDITS and figures.get("load_clients") == CLIENTS,
          f"{CLIENTS} clients made {CLIENTS * EDITS} edits",
          f"load_clients {figures.get('load_clients')}, load_edits {figures.get('load_edits')}")
    check(figures.get("load_lost") == 0 and figures.get("load_duplicated") == 0,
          "no edit lost or logged twice",
          f"lost {figures.get('load_lost')}, duplicated {figures.get('load_duplicated')}")
    check(figures.get("load_mismatched") == 0, "every item's notes are the last value logged for it",
          f"mismatched {figures.get('load_mismatched')}")

    count = subprocess.run([sys.executable, PGCLUSTER, "psql", "fita_admin",
                            "SELECT count(*) FROM fita.plan"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    check(count.returncode == 0 and count.stdout.strip() == "0", "the bench's plan was dropped",
          f"status {count.returncode}\n{count.stdout}\n{count.stderr}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
