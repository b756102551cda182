#!/usr/bin/env python3
"""fita-cli compare: a year against the closure of the year before, as a
table and as JSON, with --filter and --year; a plan with no closure;
usage errors (TAP output)."""

import json
import sys

from clitest import Dir, example, main, pdf_text, run, sha, test

TERRASSA = "terrassa-ess-2019-2026"


def compare_json(path, *args):
    return json.loads(run("compare", path, "--json", *args).stdout)


def by_code(document):
    return {item["code"]: item for item in document["items"]}


def edited(d):
    """Terrassa with 2024 closed and 2025 followed up: 11.1 moves from 30 %
    to 48,3 % (one decimal shown), 11.2 is finished, 11 executes 2 500,25 €
    in 2025."""
    path = example(d, TERRASSA)
    run("year", "close", path, "2024")
    run("set", path, "11.1", "progress=48.3")
    run("set", path, "11.2", "status=Acabat")
    run("set", path, "11", "executed.2025=2500.25")
    return path


@test
def json_keys_and_figures():
    with Dir() as d:
        path = edited(d)
        document = compare_json(path)
        assert document["year"] == 2025 and document["previous_year"] == 2024, document
        items = by_code(document)
        item = items["11.1"]
        for key in ["code", "title", "progress_bp_before", "progress_bp_after", "progress_change_bp", "status_before",
                    "status_after", "executed_cents_before", "executed_cents_after", "changed", "no_update", "late"]:
            assert key in item, (key, item)
        assert (item["progress_bp_before"], item["progress_bp_after"], item["progress_change_bp"]) == (3000, 4830, 1830), item
        assert item["changed"] and not item["no_update"] and item["late"], item
        item = items["11.2"]
        assert (item["status_before"], item["status_after"], item["status_changed"]) == ("En curs", "Acabat", True), item
        assert item["progress_change_bp"] == 0 and not item["late"], item
        item = items["11"]
        assert item["executed_cents_after"] - item["executed_cents_before"] == 250025, item
        assert item["year_executed_cents_before"] is None and item["year_executed_cents_after"] == 250025, item
        assert items["11.3"]["no_update"] and not items["11.3"]["changed"], items["11.3"]
        # 11.5 ends in 2024 at 20 %: late in 2025, and not updated
        assert items["11.5"]["late"] and items["11.5"]["no_update"], items["11.5"]
        assert document["counts"] == {"items": 8, "changed": 5, "no_update": 3, "late": 2, "newly_late": 2,
                                      "status_changed": 1, "progress_moved": 4, "new": 0, "removed": 0}, document["counts"]


@test
def filters():
    with Dir() as d:
        path = edited(d)
        assert set(by_code(compare_json(path, "--filter", "changed"))) == {"O3", "O3.A1", "11", "11.1", "11.2"}
        assert set(by_code(compare_json(path, "--filter", "no-update"))) == {"11.3", "11.4", "11.5"}
        assert set(by_code(compare_json(path, "--filter", "late"))) == {"11.1", "11.5"}
        lines = run("compare", path, "--filter", "late").stdout.splitlines()
        assert [line.split()[0] for line in lines[2:-1]] == ["11.1", "11.5"], lines


@test
def table():
    with Dir() as d:
        path = edited(d)
        out = run("compare", path).stdout
        lines = out.splitlines()
        assert lines[0] == "2025 compared with 2024 as it was closed", lines
        assert lines[1].split() == ["Code", "Title", "Progress", "Status", "Executed"], lines
        row = next(line for line in lines if line.startswith("11.1 "))
        assert "30% → 48% (+18 points)" in row, row
        row = next(line for line in lines if line.startswith("11.2 "))
        # the progress as it was (10%) once, not "10% → 10% (0 points)"
        assert "En curs → Acabat" in row and "→ 10%" not in row and "points" not in row, row
        row = next(line for line in lines if line.startswith("11 "))
        assert "(+€2,500.25)" in row, row
        assert lines[-1] == "8 items: 5 changed, 3 not updated, 2 late; 0 new, 0 removed", lines


@test
def closed_year_stays():
    """2025 closed in turn compares the same, whatever is edited later."""
    with Dir() as d:
        path = edited(d)
        before = compare_json(path)
        run("year", "close", path, "2025")
        run("set", path, "11.3", "progress=90")
        after = compare_json(path, "--year", "2025")
        assert after == before, (before, after)


@test
def no_closure():
    """No closure of the year before: nothing is compared (before is null,
    nothing changed, nothing "not updated"), and the table says so."""
    with Dir() as d:
        path = example(d, TERRASSA)
        document = compare_json(path)
        assert document["year"] == 2024 and document["previous_year"] is None, document
        assert document["counts"]["changed"] == 0 and document["counts"]["no_update"] == 0, document
        item = by_code(document)["11.1"]
        assert item["progress_bp_before"] is None and item["progress_change_bp"] is None, item
        assert item["progress_bp_after"] == 3000 and not item["late"], item
        assert compare_json(path, "--filter", "no-update")["items"] == []
        out = run("compare", path).stdout
        assert out.startswith("2023 is not closed: there is nothing to compare 2024 with.\n"), out
        # late needs no closure: in 2026 the items that ended in 2024 unfinished are
        assert set(by_code(compare_json(path, "--year", "2026", "--filter", "late"))) == {"11.1", "11.2", "11.5"}


@test
def annual_report_section():
    """The annual report says what changed since the year before was
    closed; a closed year's report stays the same PDF after later edits; a
    plan with no closure before the year has no such section."""
    with Dir() as d:
        plain = example(d, TERRASSA)
        run("report", plain, "--kind", "annual", "--lang", "en", "--out", d / "plain.pdf")
        assert "What changed since the last report" not in pdf_text(d / "plain.pdf")
    with Dir() as d:
        path = edited(d)
        run("report", path, "--kind", "annual", "--lang", "en", "--out", d / "2025.pdf")
        text = pdf_text(d / "2025.pdf")
        assert "What changed since the last report" in text, text
        assert "Compared with the plan as it stood when 2024 was closed. 1 item changed status, 4 moved in progress, " \
               "2 are newly late; 0 new items, 0 removed." in text, text
        assert "30% → 48% (+18 points)" in text, text
        assert "En curs → Acabat" in text, text
        assert "+€2,500.25" in text, text
        assert text.count("Late") >= 2, text

        run("year", "close", path, "2025")
        run("report", path, "--kind", "annual", "--year", "2025", "--out", d / "closed.pdf")
        run("set", path, "11.3", "progress=90")
        run("set", path, "11.5", "status=Acabat")
        run("report", path, "--kind", "annual", "--year", "2025", "--out", d / "again.pdf")
        assert sha(d / "closed.pdf") == sha(d / "again.pdf")
        assert "(+18 punts)" in pdf_text(d / "closed.pdf") or "(+18 points)" in pdf_text(d / "closed.pdf")


@test
def usage():
    with Dir() as d:
        path = example(d, TERRASSA)
        assert "--filter takes changed, no-update or late" in run("compare", path, "--filter", "bogus", expect=2).stderr
        assert "--year takes a year" in run("compare", path, "--year", "12", expect=2).stderr
        assert "compare takes one FILE" in run("compare", expect=2).stderr
        assert "compare" in run("--help").stdout


if __name__ == "__main__":
    sys.exit(main())
