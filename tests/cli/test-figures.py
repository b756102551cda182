#!/usr/bin/env python3
"""The figures a council publishes, on plans unlike the examples: unknown
amounts and percents, every progress rule at plan level, items at mixed
depths, decimal percents, counts by status, negative money, budgets that
reconcile (TAP output)."""

import json
import sqlite3
import sys
from fractions import Fraction

from clitest import Dir, example, import_plan, main, run, sha, stats, test


def half_up(value):
    """A fraction rounded half up to a whole number."""
    return int((2 * value.numerator + value.denominator) // (2 * value.denominator))


def plan(items, **info):
    return {"format": "fita", "format_version": 2,
            "plan": {"title": "Pla de prova 2021-2024", "period_start": 2021, "period_end": 2024,
                     "followed_year": 2023, **info},
            "levels": [{"name": "Eix", "depth": 0}, {"name": "Objectiu", "depth": 1},
                       {"name": "Acció", "depth": 2}],
            "statuses": [{"name": "No iniciat", "percent": 0}, {"name": "En curs"},
                         {"name": "Acabat", "percent": 100}],
            "chapters": [{"name": "Capítol 1"}, {"name": "Capítol 2"}],
            "items": items}


# Three axes with actions spread unevenly and at mixed depths: E1 has an
# objective with two actions and a direct action; E2 is itself a leaf; E3
# has five actions. Weights differ.
MIXED = [
    {"code": "E1", "title": "Eix 1", "level": "Eix", "weight": 3, "children": [
        {"code": "E1.1", "title": "Objectiu 1.1", "level": "Objectiu", "children": [
            {"code": "E1.1.1", "title": "Acció", "level": "Acció", "status": "En curs", "progress": 88.3},
            {"code": "E1.1.2", "title": "Acció", "level": "Acció", "status": "Acabat", "progress": 95.83}]},
        {"code": "E1.2", "title": "Acció directa", "level": "Objectiu", "status": "En curs", "progress": 10}]},
    {"code": "E2", "title": "Eix 2", "level": "Eix", "weight": 1, "status": "No iniciat"},
    {"code": "E3", "title": "Eix 3", "level": "Eix", "weight": 2, "children": [
        {"code": "E3.%d" % i, "title": "Objectiu", "level": "Objectiu", "status": "Acabat", "progress": 100}
        for i in range(1, 6)]},
]

# leaves in bp: E1.1.1 8830, E1.1.2 9583, E1.2 1000, E2 0 (its status), E3.x 10000
E11 = Fraction(8830 + 9583, 2)
E1 = (E11 + 1000) / 2
E3 = Fraction(10000)
EXPECTED_BP = {
    "children": (E1 + 0 + E3) / 3,
    "weighted": (3 * E1 + 1 * 0 + 2 * E3) / 6,
    "leaves": Fraction(8830 + 9583 + 1000 + 0 + 5 * 10000, 9),
}


@test
def plan_figure_follows_the_plans_rule():
    with Dir() as d:
        figures = {}
        for rule, expected in EXPECTED_BP.items():
            path = import_plan(d, plan(MIXED, progress_rule=rule), rule)
            s = stats(path)
            assert s["progress_bp"] == half_up(expected), (rule, s["progress_bp"], float(expected))
            assert s["progress"] == half_up(Fraction(half_up(expected), 100)) or \
                s["progress"] == half_up(expected / 100), (rule, s)
            figures[rule] = s["progress_bp"]
            # every parent follows the same rule: E1 by itself
            e1 = stats(path, "--item", "E1")
            if rule == "leaves":
                assert e1["progress_bp"] == half_up(Fraction(8830 + 9583 + 1000, 3)), e1
            else:
                assert e1["progress_bp"] == half_up(E1), (rule, e1)
        # the rules really differ on this plan, by several points
        assert len(set(figures.values())) == 3, figures


@test
def exact_roll_up_then_half_up():
    # A.1 and A.2 are 2/3 of a hundredth each, A.3 is 0: A is exactly 4/9 → 0;
    # rounding each level first would give (1 + 1 + 0) / 3 → 1
    two_thirds = [{"title": "x", "progress": p} for p in (0, 0.01, 0.01)]
    items = [{"code": "A", "title": "A", "children": [
        {"code": "A.1", "title": "a", "children": two_thirds},
        {"code": "A.2", "title": "b", "children": two_thirds},
        {"code": "A.3", "title": "c", "progress": 0}]}]
    with Dir() as d:
        path = import_plan(d, plan(items))
        assert stats(path, "--item", "A.1")["progress_bp"] == 1
        assert stats(path, "--item", "A")["progress_bp"] == 0
        assert stats(path)["progress_bp"] == 0


@test
def unknown_is_not_zero():
    with Dir() as d:
        def budget_plan(executed):
            lines = [{"year": 2022, "chapter": "Capítol 1", "planned_cents": 500000, "executed_cents": e}
                     for e in executed]
            for i, line in enumerate(lines):
                line["year"] = 2021 + i
                if line["executed_cents"] is None:
                    del line["executed_cents"]
            return plan([{"code": "1", "title": "Acció", "budget": lines}])

        none = import_plan(d, budget_plan([None, None]), "none")
        s = stats(none)
        assert s["planned_cents"] == 1000000 and s["executed_cents"] is None, s
        assert s["execution_rate_bp"] is None, s
        assert "Execution rate: —" in run("stats", none).stdout

        some = import_plan(d, budget_plan([123456, None]), "some")
        s = stats(some)
        assert s["executed_cents"] == 123456 and s["execution_rate_bp"] == 1235, s

        zero = import_plan(d, budget_plan([0, None]), "zero")
        assert stats(zero)["execution_rate_bp"] == 0   # 0 € is known, and is 0 %

        # no amounts at all
        bare = import_plan(d, plan([{"code": "1", "title": "Acció"}]), "bare")
        s = stats(bare)
        assert s["planned_cents"] is None and s["executed_cents"] is None and s["execution_rate_bp"] is None

        # progress: a scope where no item has a percent is not 0 %, whatever the rule for missing ones
        for missing in ("skip", "zero"):
            items = [{"code": "1", "title": "Eix", "children": [{"code": "1.1", "title": "a"}, {"code": "1.2", "title": "b"}]},
                     {"code": "2", "title": "Eix", "children": [{"code": "2.1", "title": "c", "progress": 40},
                                                                 {"code": "2.2", "title": "d"}]}]
            path = import_plan(d, plan(items, progress_missing=missing), "p-" + missing)
            assert stats(path, "--item", "1")["progress"] is None
            assert stats(path, "--item", "1")["progress_bp"] is None
            assert stats(path, "--item", "2")["progress"] == (40 if missing == "skip" else 20)
            shown = run("show", path).stdout
            assert "1  Eix  —" in shown, shown
            assert "Progress: —" in run("stats", path, "--item", "1").stdout


@test
def decimal_percents():
    with Dir() as d:
        path = import_plan(d, plan(MIXED, progress_decimals=1))
        exported = json.loads(run("export", path, "--format", "json").stdout)
        assert exported["format_version"] == 3
        e1 = exported["items"][0]
        assert [a["progress"] for a in e1["children"][0]["children"]] == [88.3, 95.83]
        assert exported["plan"]["progress_decimals"] == 1
        # shown with the plan's decimals, rounded half up: 92.065 → 92.1
        shown = run("show", path).stdout
        assert "E1.1.1  Acció  [En curs]  88.3%" in shown, shown
        assert "E1.1.2  Acció  [Acabat]  95.8%" in shown, shown
        assert "E1.1  Objectiu 1.1  92.1%" in shown, shown   # (88.3 + 95.83) / 2 = 92.065
        assert stats(path, "--item", "E1.1")["progress_bp"] == 9207
        assert stats(path, "--item", "E1.1")["progress"] == 92

        # rounded once, from the exact figure: the weighted plan is 58.8496 %,
        # 58.85 in hundredths, but 58.8 (not 58.9) with one decimal
        weighted = import_plan(d, plan(MIXED, progress_rule="weighted", progress_decimals=1), "weighted")
        assert stats(weighted)["progress_bp"] == 5885
        assert "Progress: 58.8%" in run("stats", weighted).stdout

        # set takes decimals, in either notation; more than two are refused
        run("set", path, "E1.2", "progress=12,345 %", expect=2)
        run("set", path, "E1.2", "progress=100.01", expect=2)
        run("set", path, "E1.2", "progress=12,5 %")
        assert stats(path, "--item", "E1.2")["progress_bp"] == 1250
        run("set", path, "E1.2", "progress=0.05")
        assert stats(path, "--item", "E1.2")["progress_bp"] == 5

        # import refuses more than two decimals and out-of-range values, naming the key
        for bad in (88.333, 100.5, -0.5, 101):
            source = d / "bad.json"
            with open(source, "w") as f:
                json.dump(plan([{"code": "1", "title": "x", "progress": bad}]), f)
            err = run("import", d / "bad.fita", "--format", "json", source, expect=2).stderr
            assert "progress" in err, (bad, err)

        # version 1 files still read: whole percents
        v1 = plan([{"code": "1", "title": "x", "progress": 30}])
        v1["format_version"] = 1
        old = import_plan(d, v1, "v1")
        assert stats(old)["progress_bp"] == 3000

        # 0, 1 or 2 decimals
        assert run("show", import_plan(d, plan(MIXED, progress_decimals=2), "two")).stdout.count("92.07%") == 1
        source = d / "three.json"
        with open(source, "w") as f:
            json.dump(plan(MIXED, progress_decimals=3), f)
        run("import", d / "three.fita", "--format", "json", source, expect=2)


@test
def counts_and_shares_by_status():
    with Dir() as d:
        items = MIXED + [{"code": "E4", "title": "Eix 4", "level": "Eix", "children": [
            {"code": "E4.1", "title": "sense estat", "level": "Objectiu"}]}]
        path = import_plan(d, plan(items))
        s = stats(path)
        # leaves: 88.3 En curs, 95.83 Acabat, E1.2 En curs, E2 No iniciat, E3.1-5 Acabat, E4.1 none → 10
        assert s["statuses"] == [
            {"name": "No iniciat", "count": 1, "share_bp": 1000},
            {"name": "En curs", "count": 2, "share_bp": 2000},
            {"name": "Acabat", "count": 6, "share_bp": 6000},
            {"name": None, "count": 1, "share_bp": 1000}], s["statuses"]
        # one item's scope
        assert stats(path, "--item", "E1")["statuses"] == [
            {"name": "No iniciat", "count": 0, "share_bp": 0},
            {"name": "En curs", "count": 2, "share_bp": 6667},
            {"name": "Acabat", "count": 1, "share_bp": 3333}]
        # by level: the axes themselves (only E2 has a status of its own)
        by_level = stats(path, "--level", "Eix")["statuses"]
        assert by_level == [
            {"name": "No iniciat", "count": 1, "share_bp": 2500},
            {"name": "En curs", "count": 0, "share_bp": 0},
            {"name": "Acabat", "count": 0, "share_bp": 0},
            {"name": None, "count": 3, "share_bp": 7500}], by_level
        run("stats", path, "--level", "Programa", "--json", expect=2)
        text = run("stats", path).stdout
        assert "Acabat: 6 of 10 (60%)" in text, text
        # the seed figures: programme 11 of Terrassa
        terrassa = example(d, "terrassa-ess-2019-2026")
        assert [c["count"] for c in stats(terrassa, "--item", "11")["statuses"]] == [2, 3, 0]


@test
def negative_money_is_refused():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        before = sha(path)
        err = run("set", path, "11.1", "planned.2025=-5", expect=2).stderr
        assert "11.1" in err and "2025" in err and "negative" in err, err
        err = run("set", path, "11.1", "executed.2024.Capítol 1=-0,01", expect=2).stderr
        assert "11.1" in err and "2024" in err and "negative" in err, err
        err = run("set", path, "11", "planned_total=-120000", expect=2).stderr
        assert "11" in err and "negative" in err, err
        assert sha(path) == before

        # a budget cell through set, then read back
        run("set", path, "11.1", "planned.2025=5000", "executed.2025=1.234,56")
        s = stats(path, "--item", "11.1", "--year", "2025")
        assert s["planned_cents"] == 500000 and s["executed_cents"] == 123456, s

        source = d / "neg.json"
        with open(source, "w") as f:
            json.dump(plan([{"code": "7.2", "title": "x",
                             "budget": [{"year": 2022, "planned_cents": -100}]}]), f)
        err = run("import", d / "neg.fita", "--format", "json", source, expect=2).stderr
        assert "7.2" in err and "2022" in err and "negative" in err, err

        # an older file may hold one: check names it
        db = sqlite3.connect(path)
        db.execute("UPDATE budget_line SET executed_cents = -700 WHERE year = 2023")
        db.commit()
        db.close()
        out = run("check", path, expect=1).stdout
        assert "11: the budget for 2023 has a negative amount" in out, out


@test
def budgets_reconcile():
    """An action added under a programme with its own planned total: the
    total is the envelope, the years and the parts are shown beside it."""
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        run("set", path, "11.5", "planned.2025=5000", "executed.2025=1.234,56")
        s = stats(path, "--item", "11")
        assert s["planned_cents"] == 12000000                    # the envelope
        assert s["executed_cents"] == 1222369 + 123456
        assert s["execution_rate_bp"] == 1122                    # 13.458,25 / 120.000
        assert s["planned_in_years_cents"] == 500000             # what the year columns add up to
        assert s["planned_not_in_years_cents"] == 11500000       # the rest of the envelope
        assert s["planned_in_years_cents"] + s["planned_not_in_years_cents"] == s["planned_cents"]
        years = [stats(path, "--item", "11", "--year", str(y))["planned_cents"] for y in range(2019, 2027)]
        assert sum(y for y in years if y is not None) == s["planned_in_years_cents"], years
        assert run("check", path).returncode == 0

        # a part larger than its whole is a warning
        run("set", path, "11.4", "planned_total=130000")
        out = run("check", path, expect=1).stdout
        assert "11: what is planned in its years and in the items below it" in out, out
        assert "135.000,00" in out or "€135,000.00" in out, out

        # without a total of its own, an item's total is the sum of its parts
        run("set", path, "11", "planned_total=")
        s = stats(path, "--item", "11")
        assert s["planned_cents"] == 13500000 and s["planned_not_in_years_cents"] == 13000000, s


if __name__ == "__main__":
    sys.exit(main())
