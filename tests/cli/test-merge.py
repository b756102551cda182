#!/usr/bin/env python3
"""fita-cli merge: an update form filled as a service would (formfill.py,
and LibreOffice saving it) merged into the plan: its changes old → new, a
dry run that changes nothing, conflicts to decide with --take, every
refusal with its row, and the service named as the change's source in the
log (TAP output)."""

import json
import os
import re
import shutil
import sys
import zipfile

from clitest import Dir, import_plan, main, run, sha, test

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import formfill  # noqa: E402

PLAN = {
    "plan": {"title": "Pla de prova", "period_start": 2024, "period_end": 2027, "followed_year": 2025,
             "language": "ca"},
    "levels": [{"name": "Línia"}, {"name": "Acció", "depth": 1}],
    "statuses": [{"name": "No iniciat", "percent": 0}, {"name": "En curs"}, {"name": "Acabat", "percent": 100}],
    "chapters": [{"name": "Capítol 1"}, {"name": "Capítol 2"}],
    "agents": [{"name": "Servei A", "kind": "body"}, {"name": "Servei B", "kind": "body"}],
    "items": [{"code": "1", "title": "Línia", "level": "Línia", "children": [
        {"code": "1.1", "title": "Acció u", "level": "Acció", "status": "En curs", "progress": 40,
         "responsibilities": [{"agent": "Servei A", "role": "executes"}, {"agent": "Servei B", "role": "supports"}],
         "budget": [{"year": 2025, "chapter": "Capítol 1", "planned_cents": 100000, "executed_cents": 20000}],
         "indicators": [{"name": "Tallers", "values": [{"year": 2025, "value": "3"}]}],
         "followups": [{"year": 2025, "execution": "Començat"}]},
        {"code": "1.2", "title": "Acció dos", "level": "Acció", "progress": 10,
         "responsibilities": [{"agent": "Servei A", "role": "executes"}]}]}]}

ANSWERS = {
    "1.1": {"status": "Acabat", "progress": 100, "executed.Capítol 1": 987.65,
            "execution": "Fet:\ntres tallers", "weaknesses": "Poca gent", "indicator.Tallers": 4.5},
    "1.2": {"progress": 12.35},
}


def make_forms(d, path, agent="Servei A", fmt="ods", year=None):
    out = d / ("forms-" + fmt)
    args = ["forms", path, "--format", fmt, "--out", out, "--agent", agent]
    if year:
        args += ["--year", str(year)]
    written = run(*args).stdout.splitlines()
    assert len(written) == 1, written
    return written[0]


def filled(d, path, answers, agent="Servei A", fmt="ods", name="filled"):
    form = make_forms(d, path, agent, fmt)
    out = d / (name + "." + fmt)
    formfill.fill(form, out, answers)
    return out


def items(path):
    """The plan's items by code, from its JSON export."""
    plan = json.loads(run("export", path, "--format", "json").stdout)
    found = {}

    def walk(list_):
        for item in list_:
            found[item["code"]] = item
            walk(item.get("children", []))
    walk(plan["items"])
    return found


def merge_json(*args, expect=0):
    return json.loads(run("merge", *args, "--json", expect=expect).stdout)


def sheet_names(form):
    """The names the form gives its items and indicators sheets (the plan's
    language), as its key sheet lists them."""
    key = formfill.read(form)[3]
    names = []
    for row in key[1:]:
        if row and row[0] not in names:
            names.append(row[0])
    return names


@test
def clean_merge_through_libreoffice():
    for fmt in ("ods", "xlsx"):
        with Dir() as d:
            path = import_plan(d, PLAN)
            form = filled(d, path, ANSWERS, fmt=fmt)
            if formfill.soffice():
                form = formfill.through_libreoffice(form, fmt, d / "lo")
            before = sha(path)
            preview = run("merge", path, form, "--dry-run").stdout
            assert sha(path) == before
            assert "Form of Servei A for 2025: The form changes 2 items (7 fields)." in preview, preview
            assert "Dry run: nothing was changed." in preview
            assert re.search(r"^  Percent: 40\s?% → 100\s?%$", preview, re.M), preview
            lines = preview.splitlines()
            assert lines.index("1.1 Acció u") < lines.index("1.2 Acció dos")

            out = run("merge", path, form, "--author", "Montse Puig").stdout
            assert "Merged, as one change that can be undone in Fita (“Merge the form of Servei A”)." in out, out
            plan = items(path)
            one, two = plan["1.1"], plan["1.2"]
            assert one["status"] == "Acabat" and one["progress"] == 100
            assert two["progress"] == 12.35, two           # decimals kept
            assert one["budget"] == [{"year": 2025, "chapter": "Capítol 1", "planned_cents": 100000,
                                      "executed_cents": 98765}], one["budget"]
            followup = one["followups"][0]
            assert followup["execution"] == "Fet:\ntres tallers" and followup["weaknesses"] == "Poca gent"
            assert one["indicators"][0]["values"] == [{"year": 2025, "value": "4.5"}]

            log = json.loads(run("log", path, "--json").stdout)
            assert log[0]["source"] == "Servei A" and log[0]["author"] == "Montse Puig", log[0]
            assert log[0]["label"] == "Merge the form of Servei A"
            # merged again: the plan holds the form's values, nothing to do
            again = merge_json(path, form)
            assert again["changes"] == [] and again["applied"] is False


@test
def json_output_and_dry_run():
    with Dir() as d:
        path = import_plan(d, PLAN)
        form = filled(d, path, ANSWERS, fmt="xlsx")
        before = sha(path)
        result = merge_json(path, form, "--dry-run")
        assert sha(path) == before
        assert result["agent"] == "Servei A" and result["year"] == 2025
        assert result["refusals"] == [] and result["applied"] is False
        by_field = {(c["code"], c["field"]): c for c in result["changes"]}
        progress = by_field[("1.1", "progress")]
        assert progress["conflict"] is False and progress["take"] == "form"
        assert "40" in progress["plan"] and "100" in progress["form"]
        executed = by_field[("1.1", "executed:Capítol 1")]
        assert "200" in executed["plan"] and "987" in executed["form"]
        assert by_field[("1.1", "indicator:Tallers")]["form"] == "4.5"
        assert set(c["code"] for c in result["changes"]) == {"1.1", "1.2"}
        assert merge_json(path, form)["applied"] is True
        assert sha(path) != before


@test
def empty_cells_are_no_value():
    with Dir() as d:
        path = import_plan(d, PLAN)
        form = filled(d, path, {"1.1": {"progress": None, "executed.Capítol 1": None, "execution": None},
                                "1.2": {"progress": 0}})
        result = merge_json(path, form)
        assert result["applied"] is True
        plan = items(path)
        assert "progress" not in plan["1.1"] or plan["1.1"]["progress"] is None, plan["1.1"]
        assert plan["1.1"]["budget"][0].get("executed_cents") is None, plan["1.1"]["budget"]
        assert plan["1.1"]["budget"][0]["planned_cents"] == 100000
        assert plan["1.2"]["progress"] == 0


@test
def conflict_decided_both_ways():
    for take, expected in (("form", 70), ("plan", 50)):
        with Dir() as d:
            path = import_plan(d, PLAN)
            form = filled(d, path, {"1.1": {"progress": 70, "strengths": "Bon equip"}})
            # the officer changed the percent after the form was sent
            run("set", path, "1.1", "progress=50")
            before = sha(path)
            out = run("merge", path, form, expect=1).stdout
            assert sha(path) == before
            assert "1 conflict, 1 still to decide." in out, out
            assert re.search(r"Percent: CONFLICT: the plan has 50\s?%, the form 70\s?% "
                             r"\(when the form was made: 40\s?%\)", out), out
            assert "--take form" in out and "--take plan" in out
            preview = run("merge", path, form, "--dry-run", expect=1).stdout
            assert "Dry run: nothing was changed." in preview and "--take form" in preview
            assert run("merge", path, form, "--dry-run", "--take", take).returncode == 0
            assert sha(path) == before
            result = merge_json(path, form, expect=1)
            assert result["applied"] is False
            assert [c["conflict"] for c in result["changes"] if c["field"] == "progress"] == [True]
            out = run("merge", path, form, "--take", take).stdout
            assert "Merged" in out
            one = items(path)["1.1"]
            assert one["progress"] == expected and one["followups"][0]["strengths"] == "Bon equip"


@test
def two_services_one_item():
    with Dir() as d:
        path = import_plan(d, PLAN)
        form_a = filled(d, path, {"1.1": {"progress": 60}}, agent="Servei A", name="a")
        form_b = filled(d, path, {"1.1": {"progress": 80, "next_steps": "Avaluar"}}, agent="Servei B",
                        fmt="xlsx", name="b")
        only = filled(d, path, {"1.1": {"progress": 90}}, agent="Servei B", name="only")
        assert merge_json(path, form_a)["applied"] is True
        result = merge_json(path, form_b, expect=1)
        assert result["agent"] == "Servei B"
        conflicts = [(c["code"], c["field"]) for c in result["changes"] if c["conflict"]]
        assert conflicts == [("1.1", "progress")], result
        # only the conflict: keeping the plan's value changes nothing
        out = run("merge", path, only, "--take", "plan").stdout
        assert "Nothing was merged: the plan’s values were kept" in out, out
        assert merge_json(path, form_b, "--take", "plan")["applied"] is True
        assert items(path)["1.1"]["progress"] == 60
        log = json.loads(run("log", path, "--item", "1.1", "--json").stdout)
        assert [change["source"] for change in log[:2]] == ["Servei B", "Servei A"]


def refused(path, form, sheet, row, code, words):
    before = sha(path)
    result = merge_json(path, form, expect=1)
    assert sha(path) == before
    assert result["applied"] is False and result["changes"] == []
    matches = [r for r in result["refusals"]
               if r["sheet"] == sheet and r["row"] == row and r["code"] == code and words in r["reason"]]
    assert matches, result["refusals"]
    out = run("merge", path, form, expect=1).stdout
    assert "Nothing was merged." in out and words in out, out


@test
def refuse_other_plan_year_and_closed_year():
    with Dir() as d:
        path = import_plan(d, PLAN)
        other = import_plan(d, PLAN, "other")      # the same plan made again: another identity
        form = filled(d, other, ANSWERS)
        refused(path, form, None, 0, None, "another plan")
        form = make_forms(d, path, year=2026)
        refused(path, form, None, 0, None, "follows up 2025")
        form = filled(d, path, ANSWERS)
        run("year", "close", path, "2025")
        refused(path, form, None, 0, None, "closed")


@test
def refuse_values_out_of_range():
    cases = [
        ({"1.2": {"progress": 120}}, 3, "1.2", "not a percentage"),
        ({"1.1": {"progress": 12.345}}, 2, "1.1", "more than two decimals"),
        ({"1.1": {"executed.Capítol 2": -500}}, 2, "1.1", "may not be negative"),
        ({"1.2": {"status": "Gairebé fet"}}, 3, "1.2", "not one of the plan’s statuses"),
    ]
    for answers, row, code, words in cases:
        with Dir() as d:
            path = import_plan(d, PLAN)
            form = filled(d, path, answers)
            refused(path, form, sheet_names(form)[0], row, code, words)


def edit_ods(form, out, edit):
    """Rewrites content.xml of an ODS form: edit(rows) gets each table's
    rows (the header first, then the data rows, as XML) and changes the
    data rows in place."""
    row_re = re.compile(r"<table:table-row[^>]*>.*?</table:table-row>", re.S)
    with zipfile.ZipFile(form) as z:
        content = z.read("content.xml").decode("utf-8")
    tables = re.findall(r"<table:table [^>]*>.*?</table:table>", content, re.S)
    before = [row_re.findall(t) for t in tables]
    rows = [list(r) for r in before]
    edit(rows)
    for table, old, new in zip(tables, before, rows):
        if old != new:
            # the header row sits in <table:table-header-rows>: only the data rows are replaced
            start = table.index(old[1])
            end = table.rindex(old[-1]) + len(old[-1])
            content = content.replace(table, table[:start] + "".join(new[1:]) + table[end:])
    with zipfile.ZipFile(form) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = content.encode("utf-8") if info.filename == "content.xml" else src.read(info)
            dst.writestr(info, data)
    return out


def swap(rows):
    rows[1][1], rows[1][2] = rows[1][2], rows[1][1]


def delete(rows):
    del rows[1][2]


def add(rows):
    rows[1].append(rows[1][2].replace(">1.2<", ">1.3<"))


def edit_key(rows):
    # the percent as sent of the first row, "corrected" in the hidden sheet
    rows[3][1] = rows[3][1].replace("<text:p>4000</text:p>", "<text:p>9000</text:p>", 1)


@test
def refuse_rows_and_keys():
    cases = [
        (swap, 0, 3, "1.1", "moved (it was row 2)"),
        (delete, 0, 3, "1.2", "deleted"),
        (add, 0, 4, "1.3", "added"),
        (edit_key, 2, 2, "1.1", "key of this row was edited"),
    ]
    for edit, sheet, row, code, words in cases:
        with Dir() as d:
            path = import_plan(d, PLAN)
            form = make_forms(d, path)
            names = sheet_names(form) + ["fita-key"]
            edited = edit_ods(form, d / "edited.ods", edit)
            refused(path, edited, names[sheet], row, code, words)


@test
def not_a_form_and_usage():
    with Dir() as d:
        path = import_plan(d, PLAN)
        export = d / "export.xlsx"
        run("export", path, "--format", "xlsx", "-o", export)
        out = run("merge", path, export, expect=2)
        assert "not an update form made by Fita" in out.stderr, out.stderr
        run("merge", path, d / "missing.ods", expect=2)
        run("merge", path, expect=2)
        form = make_forms(d, path)
        usage = run("merge", path, form, "--take", "both", expect=2)
        assert "--take must be form or plan" in usage.stderr
        shutil.copyfile(form, d / "copy.ods")
        assert merge_json(path, d / "copy.ods")["changes"] == []


if __name__ == "__main__":
    sys.exit(main())
