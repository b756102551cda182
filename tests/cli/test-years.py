#!/usr/bin/env python3
"""fita-cli year close / reopen / list, and --year on stats, show and
report: a closed year is read from what was kept when it was closed, and
its annual report is the same PDF whatever is edited later (TAP output)."""

import json
import os
import re
import stat
import sys
import time

from clitest import Dir, example, main, run, sha, stats, test

TERRASSA = "terrassa-ess-2019-2026"


def close_up_to(path, last, author="Montse"):
    """Closes the year followed up (2024 in the example) and the next ones
    up to last: a year is closed as the year followed up."""
    while True:
        followed = json.loads(run("year", "list", path, "--json").stdout)["followed_year"]
        if followed > last:
            return
        run("year", "close", path, str(followed), "--author", author)


def years(path):
    return json.loads(run("year", "list", path, "--json").stdout)


@test
def close_list_reopen():
    with Dir() as d:
        path = example(d, TERRASSA)
        assert years(path) == {"followed_year": 2024, "closed": []}
        # the year closed is the year followed up; the years before it
        # (Fita came to this plan in 2024) need not be closed
        refused = run("year", "close", path, "2019", expect=1)
        assert "2019 cannot be closed: the year followed up is 2024" in refused.stderr, refused.stderr
        out = run("year", "close", path, "2024", "--author", "Montse").stdout
        assert out.startswith("2024 closed on ") and "by Montse" in out
        assert "The year followed up is now 2025." in out
        close_up_to(path, 2025)
        listed = years(path)
        assert listed["followed_year"] == 2026
        assert [c["year"] for c in listed["closed"]] == [2024, 2025]
        for closure in listed["closed"]:
            assert closure["closed_by"] == "Montse"
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", closure["closed_at"])
        text = run("year", "list", path).stdout.splitlines()
        assert text[0].startswith("2024  closed on ") and text[0].endswith(" by Montse")
        assert text[-1] == "2026  followed up"

        refused = run("year", "reopen", path, "2024", expect=1)
        reopened = run("year", "reopen", path, "2025")
        assert "2025 was reopened" in reopened.stderr
        listed = years(path)
        assert listed["followed_year"] == 2025
        assert [c["year"] for c in listed["closed"]] == [2024]


@test
def author_defaults_to_the_login():
    with Dir() as d:
        path = example(d, TERRASSA)
        run("year", "close", path, "2024")
        closed_by = years(path)["closed"][0]["closed_by"]
        assert closed_by, closed_by


@test
def closed_year_is_locked():
    with Dir() as d:
        path = example(d, TERRASSA)
        close_up_to(path, 2024)
        before = sha(path)
        for change in ["executed.2024=5", "planned.2024=1"]:
            refused = run("set", path, "11", change, expect=2)
            year = change.split("=")[0].split(".")[1]
            assert f"{year} is closed: reopen it to change its figures." in refused.stderr, refused.stderr
        assert sha(path) == before
        # the years before the first one closed were never closed
        run("set", path, "11", "planned.2019=7")
        # the followed year's figures and the live values stay editable
        run("set", path, "11", "executed.2025=5")
        run("set", path, "11.1", "progress=90")


@test
def year_views():
    with Dir() as d:
        path = example(d, TERRASSA)
        live_2024 = stats(path, "--year", "2024")
        show_2024 = json.loads(run("show", path, "--json").stdout)
        close_up_to(path, 2024)
        # later edits: the live values (now 2025's), 2025's budget, a title
        run("set", path, "11.1", "progress=100", "title=Un altre títol")
        run("set", path, "11", "executed.2025=1000", "executed.2024=5", expect=2)
        run("set", path, "11", "executed.2025=1000")

        closed = stats(path, "--year", "2024")
        assert closed == live_2024
        assert set(closed) == set(stats(path, "--year", "2025"))
        assert stats(path, "--year", "2025")["executed_cents"] == 100000
        assert stats(path)["progress_bp"] != closed["progress_bp"]

        shown = json.loads(run("show", path, "--json", "--year", "2024").stdout)
        assert shown == show_2024
        now = json.loads(run("show", path, "--json", "--year", "2025").stdout)
        assert now == json.loads(run("show", path, "--json").stdout)
        assert now["followed_year"] == 2025
        assert "Un altre títol" in run("show", path).stdout
        assert "Un altre títol" not in run("show", path, "--year", "2024").stdout


def pdf_creation_date(path):
    with open(path, "rb") as f:
        found = re.search(rb"/CreationDate \((?:D:)?(\d{14})", f.read())
    assert found, "no creation date"
    return found.group(1).decode()


@test
def closed_annual_report_is_the_same_pdf():
    with Dir() as d:
        path = example(d, TERRASSA)
        env_epoch = os.environ.pop("SOURCE_DATE_EPOCH", None)
        try:
            close_up_to(path, 2024)
            time.sleep(1.1)  # so that a report dated "now" would differ
            first, second = d / "first.pdf", d / "second.pdf"
            run("report", path, "--kind", "annual", "--year", "2024", "--out", first)

            # edits of 2025 and a title that has nothing to do with 2024
            run("set", path, "11", "executed.2025=2500", "planned.2025=3000")
            run("set", path, "11.1", "progress=100")
            run("set", path, "11.2", "title=Un títol nou")
            run("report", path, "--kind", "annual", "--year", "2024", "--out", second)
            assert sha(first) == sha(second)

            # dated when 2024 was closed
            closed_at = [c for c in years(path)["closed"] if c["year"] == 2024][0]["closed_at"]
            assert pdf_creation_date(second) == re.sub(r"\D", "", closed_at)

            # the followed year's report does follow the edits
            live = d / "live.pdf"
            run("report", path, "--kind", "annual", "--year", "2025", "--out", live)
            assert sha(live) != sha(first)

            # reopened, 2024 is the live plan again: the edited title shows
            run("year", "reopen", path, "2024")
            reopened = d / "reopened.pdf"
            run("report", path, "--kind", "annual", "--year", "2024", "--out", reopened)
            assert sha(reopened) != sha(first)
        finally:
            if env_epoch is not None:
                os.environ["SOURCE_DATE_EPOCH"] = env_epoch


@test
def usage_errors():
    with Dir() as d:
        path = example(d, TERRASSA)
        before = sha(path)
        for args in [("year",), ("year", "shut", path, "2024"), ("year", "close", path),
                     ("year", "close", path, "twenty"), ("year", "close", path, "2024", "2025"),
                     ("year", "close", path, "99999"), ("year", "reopen", path),
                     ("year", "reopen", path, "x"), ("year", "list"), ("year", "list", path, "more"),
                     ("year", "close", path, "2019", "--no-such-option")]:
            assert run(*args, expect=2).stderr.startswith("fita-cli"), args
        assert sha(path) == before
        assert "close" in run("year", "--help").stdout


@test
def refusals():
    with Dir() as d:
        path = example(d, TERRASSA)
        before = sha(path)
        cases = [
            (("year", "close", path, "2021"), "2021 cannot be closed: the year followed up is 2024, and the figures are its figures. Close 2024, or follow up 2021 first."),
            (("year", "close", path, "2018"), "2018 cannot be closed: the plan's period begins in 2019."),
            (("year", "close", path, "2027"), "2027 cannot be closed: the plan's period ends in 2026."),
            (("year", "reopen", path, "2019"), "2019 is not closed."),
        ]
        for args, message in cases:
            refused = run(*args, expect=1)
            assert refused.stderr == f"fita-cli: {path}: {message}\n", refused.stderr
        assert sha(path) == before

        close_up_to(path, 2025)
        before = sha(path)
        assert "2025 is already closed." in run("year", "close", path, "2025", expect=1).stderr
        assert "reopen 2025 first" in run("year", "reopen", path, "2024", expect=1).stderr
        assert sha(path) == before


@test
def file_errors():
    with Dir() as d:
        missing = d / "missing.fita"
        for args in [("year", "close", missing, "2019"), ("year", "reopen", missing, "2019"),
                     ("year", "list", missing), ("stats", missing, "--year", "2019"),
                     ("show", missing, "--year", "2019")]:
            assert run(*args, expect=2).stderr.startswith(f"fita-cli: {missing}: "), args
        path = example(d, TERRASSA)
        close_up_to(path, 2019)
        os.chmod(path, stat.S_IRUSR)
        try:
            if os.access(path, os.W_OK):
                return  # running as root: nothing is read-only
            before = sha(path)
            run("year", "close", path, "2020", expect=2)
            run("year", "reopen", path, "2019", expect=2)
            assert sha(path) == before
            # reading a read-only file is fine
            assert years(path)["closed"][0]["year"] == 2019
            assert stats(path, "--year", "2019")["items"] > 0
        finally:
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


if __name__ == "__main__":
    sys.exit(main())
