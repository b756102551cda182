#!/usr/bin/env python3
"""Fault injection: every write, fsync and rename that fita-cli makes, made
to fail in turn with ENOSPC or EIO (an LD_PRELOAD shim, faults.c). After
each failure the command exits 2 saying why, the plan and any earlier
output are exactly as they were, and no temporary file stays behind; when
the command succeeds, its result is whole (TAP output)."""

import json
import os
import subprocess
import sys

from clitest import CLI, Dir, example, main, run, sha, stats, test

SHIM = sys.argv[2]


def faulty(fault, *args):
    env = {**os.environ, "LANGUAGE": "", "LC_ALL": "C.UTF-8", "FITA_FAULT": fault,
           "LD_PRELOAD": SHIM,
           # a sanitizer build's runtime wants to come first; the shim does not mind
           "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"}
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, env=env)


def stray(d):
    return sorted(f for f in os.listdir(d.path) if f.startswith(".") or f.endswith("-journal"))


def each_fault(limit=40):
    """(fault, n) for every call kind and errno, the n-th call failing, until
    a run makes fewer than n such calls."""
    for kind in ("write", "fsync", "rename"):
        for code in ("ENOSPC", "EIO"):
            for n in range(1, limit + 1):
                yield kind, code, n


def check_command(d, make_args, target, plan, check_result):
    """Runs a command under every fault; target (may be None) is an output
    that existed before with known content."""
    plan_before = sha(plan)
    target_before = sha(target) if target and os.path.exists(target) else None
    failures = 0
    skip = set()
    for kind, code, n in each_fault():
        if (kind, code) in skip:
            continue
        proc = faulty(f"{kind}:{code}:{n}", *make_args())
        if proc.returncode == 0:
            # the n-th call never came: this run had no fault; it must be whole
            check_result()
            skip.add((kind, code))
            plan_before = sha(plan)
            target_before = sha(target) if target else None
            continue
        failures += 1
        assert proc.returncode == 2, (kind, code, n, proc.returncode, proc.stderr)
        reason = "No space left on device" if code == "ENOSPC" else "Input/output error"
        assert proc.stderr.startswith("fita-cli: ") and (reason in proc.stderr or "not saved" in proc.stderr
                                                         or "disk" in proc.stderr), (kind, code, n, proc.stderr)
        assert sha(plan) == plan_before, (kind, code, n, "the plan changed")
        if target:
            assert (sha(target) if os.path.exists(target) else None) == target_before, (kind, code, n)
        assert stray(d) == [], (kind, code, n, stray(d))
        # and the plan still opens for writing
        first = json.loads(run("show", plan, "--json").stdout)["items"][0]["code"]
        run("set", plan, first, "notes=")
    return failures


@test
def outputs_under_faults():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        out = d / "plan.json"
        with open(out, "w") as f:
            f.write("the old export")
        n = check_command(d, lambda: ["export", plan, "--format", "json", "-o", out], out, plan,
                          lambda: json.load(open(out)))
        assert n >= 4, n
        for suffix in ("svg", "pdf", "png"):
            picture = d / f"chart.{suffix}"
            with open(picture, "w") as f:
                f.write("the old picture")
            n = check_command(d, lambda: ["chart", plan, "--kind", "planned-executed", "--out", picture],
                              picture, plan, lambda: os.path.getsize(picture) > 1000)
            assert n >= 4, (suffix, n)
        report = d / "sheet.pdf"
        with open(report, "w") as f:
            f.write("the old report")
        n = check_command(d, lambda: ["report", plan, "--kind", "sheet", "--item", "11", "--out", report],
                          report, plan, lambda: open(report, "rb").read(5) == b"%PDF-")
        assert n >= 4, n


@test
def imports_under_faults():
    with Dir() as d:
        plan = example(d, "xmess-2017-2019")
        source = d / "source.json"
        run("export", plan, "--format", "json", "-o", source)
        target = d / "new.fita"
        with open(target, "w") as f:
            f.write("an old file that --force replaces only when the import is whole")
        expected = stats(plan)
        n = check_command(d, lambda: ["import", "--force", target, "--format", "json", source], target, plan,
                          lambda: stats(target) == expected)
        assert n >= 6, n


@test
def table_imports_under_faults():
    """A plan imported from a table, and a mapping saved, under every fault."""
    with Dir() as d:
        plan = example(d, "xmess-2017-2019")
        source = d / "taula.csv"
        with open(source, "w", encoding="utf-8") as f:
            f.write("Codi;Títol;Estat;Any;Executat\n1;Habitatge;;;\n1.1;Rehabilitar;En curs (30 %);2024;4.702,33 €\n"
                    "1.2;Llogar;No iniciat (0 %);;\n")
        target = d / "new.fita"
        with open(target, "w") as f:
            f.write("an old file that --force replaces only when the import is whole")
        n = check_command(d, lambda: ["import", "--force", target, "--format", "csv", source], target, plan,
                          lambda: stats(target)["executed_cents"] == 470233)
        assert n >= 6, n
        mapping = d / "map.json"
        with open(mapping, "w") as f:
            f.write("an old mapping")
        n = check_command(d, lambda: ["import", d / "none.fita", "--format", "csv", source, "--dry-run",
                                      "--save-mapping", mapping], mapping, plan,
                          lambda: json.load(open(mapping))["columns"]["Codi"] == "code")
        assert n >= 3, n


@test
def edits_under_faults():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        counter = iter(range(1, 10000))
        n = check_command(d, lambda: ["set", plan, "11.1", f"progress={next(counter) % 100}", "title=Canvi"],
                          None, plan, lambda: stats(plan, "--item", "11.1")["progress_bp"] is not None)
        assert n >= 4, n


if __name__ == "__main__":
    sys.exit(main())
