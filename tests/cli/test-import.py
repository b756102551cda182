#!/usr/bin/env python3
"""fita-cli import of tables (CSV, TSV, ODS, XLSX): the seeds' tables as
they are, dry runs, saved mappings, refusals that list every problem with
its line (and sheet) and leave every file as it was, Fita's own exports
imported back, and a table made in LibreOffice Calc."""

import json
import os
import shutil
import sys
import zipfile

from clitest import EXAMPLES, Dir, example, main, run, sha, stats, test

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
SEEDS = os.path.join(DATA, "seeds")


def seed_lines(name):
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        return f.read().split("\n")


def seed_table(name, start):
    """The table of a seed from the line that begins with start to the
    first empty line."""
    lines = seed_lines(name)
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    end = next((i for i in range(first, len(lines)) if lines[i] == ""), len(lines))
    return "\n".join(lines[first:end]) + "\n"


def write(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path


UNDER_11 = {"under": {"code": "11", "title": "ESS als barris", "level": "Programa"},
            "levels": {"Actuacions": "Actuació"}}


@test
def seed_000_as_it_is():
    """The follow-up sheet's sub-actions and executed budget, one table
    after the other, under programme 11: 5 actions, 12 %, 12.223,69 €."""
    with Dir() as d:
        source = write(d / "fitxa.tsv", seed_table("000_736048d532a00a6c.txt", "Actuacions\t") + "\n" +
                       seed_table("000_736048d532a00a6c.txt", "Pressupost executat 2019-2026\t"))
        mapping = write(d / "map.json", json.dumps(UNDER_11))
        out = run("import", d / "p.fita", "--format", "tsv", source, "--mapping", mapping)
        # the sheet's total row is left out, and said so
        assert f"fita-cli: {source}: line 7: the row has no code and no title" in out.stderr, out.stderr
        figures = stats(d / "p.fita")
        assert figures["items"] == 6, figures
        assert figures["levels"] == [{"name": "Programa", "count": 1}, {"name": "Actuació", "count": 5}], figures
        assert figures["progress"] == 12, figures
        assert figures["executed_cents"] == 470233 + 752136, figures
        assert stats(d / "p.fita", "--year", "2023")["executed_cents"] == 470233
        assert stats(d / "p.fita", "--year", "2024")["executed_cents"] == 752136
        item = stats(d / "p.fita", "--item", "11.1")
        assert item["progress"] == 30, item


@test
def seed_004_dry_run():
    """The XMESS work plan: 3 lines, 2 + 2 + 3 objectives, 34 actions; a dry
    run says so and writes nothing."""
    with Dir() as d:
        lines = seed_lines("004_7e7809804a2c3889.txt")
        first = next(i for i, line in enumerate(lines) if line.startswith("OBJECTIUS"))
        source = write(d / "pla.tsv", "\n".join(lines[first:]) + "\n")
        out = run("import", d / "p.fita", "--format", "tsv", source, "--dry-run", "--json")
        report = json.loads(out.stdout)
        assert report["items"] == 44, report
        assert report["levels"] == [{"name": "Línia estratègica", "count": 3}, {"name": "Objectiu", "count": 7},
                                    {"name": None, "count": 34}], report
        assert report["problems"] == [], report
        # the first line's level is misspelt in the seed: the same level
        assert report["notes"][0]["line"] == 3 and "Línia estratègia" in report["notes"][0]["message"], report
        assert not os.path.exists(d / "p.fita")

        text = run("import", d / "p.fita", "--format", "tsv", source, "--dry-run").stdout
        assert text.splitlines() == [f"{source}: 44 items would be made; nothing was written.",
                                     "  Línia estratègica: 3", "  Objectiu: 7", "  (no level): 34"], text

        run("import", d / "p.fita", "--format", "tsv", source)
        figures = stats(d / "p.fita")
        assert figures["items"] == 44 and [level["count"] for level in figures["levels"]] == [3, 7], figures
        assert stats(d / "p.fita", "--item", "I")["items"] == 1 + 2 + 8 + 5
        assert stats(d / "p.fita", "--item", "III")["items"] == 1 + 3 + 6 + 3 + 2
        shown = run("show", d / "p.fita").stdout
        assert "I.1.1" in shown and "III.3.2" in shown, shown


@test
def refused_with_every_problem():
    """A table with problems: exit 2, every problem on its own line with its
    line and code; no plan is written, an old one is left as it was."""
    with Dir() as d:
        source = write(d / "t.csv", "Codi;Codi pare;Títol;Percentatge;Any;Executat\n"
                                    "1;;Un;;;\n"
                                    "1;;Un altre;;;\n"
                                    "2;9;Dos;;;\n"
                                    "3;;Tres;130 %;2023;quatre euros\n")
        err = run("import", d / "p.fita", "--format", "csv", source, expect=2).stderr
        lines = err.splitlines()
        assert lines[0] == f"fita-cli: {source}: The table has 4 problems; nothing was imported:", err
        assert lines[1].startswith("  line 3 (1): the code “1” is already used on line 2"), err
        assert lines[2].startswith("  line 4 (2): its parent code “9”"), err
        assert lines[3].startswith("  line 5 (3): “Percentatge”: “130 %” is not a percentage"), err
        assert lines[4].startswith("  line 5 (3): “Executat”: “quatre euros” is not an amount"), err
        assert not os.path.exists(d / "p.fita")

        report = json.loads(run("import", d / "p.fita", "--format", "csv", source, "--dry-run", "--json",
                                expect=2).stdout)
        assert [(p["line"], p["code"]) for p in report["problems"]] == [(3, "1"), (4, "2"), (5, "3"), (5, "3")], report

        path = d / "old.fita"
        run("new", path, "--title", "Vell")
        before = sha(path)
        run("import", path, "--format", "csv", source, "--force", expect=2)
        assert sha(path) == before


@test
def unreadable_tables():
    """What cannot be read as a table says where and what to do."""
    with Dir() as d:
        quote = write(d / "q.csv", "Codi;Títol\n1;Un\n2;\"Dos\n3;Tres\n")
        err = run("import", d / "p.fita", "--format", "csv", quote, expect=2).stderr
        assert f"fita-cli: {quote}: Line 3: a quoted cell opened here is never closed" in err, err
        binary = d / "b.csv"
        with open(binary, "wb") as f:
            f.write(b"PK\x03\x04\x00\x00")
        assert "NUL byte" in run("import", d / "p.fita", "--format", "csv", binary, expect=2).stderr
        assert "not an ordinary file" in run("import", d / "p.fita", "--format", "csv", d.path, expect=2).stderr
        assert not os.path.exists(d / "p.fita")


@test
def mappings_saved_and_read():
    """--save-mapping keeps how the columns were read, even for a refused
    table; edited and given back with --mapping, it reads the table so."""
    with Dir() as d:
        refused = write(d / "r.csv", "Ref,Nom,Notes,Import\n1,Un,x,\"1,500.00\"\n1,Altre,,\n")
        source = write(d / "t.csv", "Ref,Nom,Notes,Import\n1,Un,x,\"1,500.00\"\n")
        err = run("import", d / "p.fita", "--format", "csv", refused, "--save-mapping", d / "map.json",
                  expect=2).stderr
        assert "line 3 (1): the code “1” is already used" in err, err
        with open(d / "map.json", encoding="utf-8") as f:
            mapping = json.load(f)
        assert mapping["columns"] == {"Ref": "code", "Nom": "title", "Notes": None, "Import": None}, mapping

        mapping["columns"]["Notes"] = "description"
        mapping["columns"]["Import"] = "planned_total"
        mapping["language"] = "en"
        write(d / "map.json", json.dumps(mapping))
        run("import", d / "p.fita", "--format", "csv", source, "--mapping", d / "map.json")
        exported = json.loads(run("export", d / "p.fita", "--format", "json").stdout)
        item = exported["items"][0]
        assert item["description"] == "x" and item["planned_total_cents"] == 150000, item
        assert exported["plan"]["title"] == "t" and exported["plan"]["language"] == "en", exported["plan"]

        bad = write(d / "bad.json", '{"columns": {"Ref": "reference"}}')
        err = run("import", d / "q.fita", "--format", "csv", source, "--mapping", bad, expect=2).stderr
        assert err.startswith(f"fita-cli: {bad}: “columns”: the column of “Ref” must be one of code, "), err
        assert not os.path.exists(d / "q.fita")


@test
def formats_and_usage():
    """--format csv detects the delimiter, tsv reads tabs; table options
    are refused with JSON; an existing FILE needs --force."""
    with Dir() as d:
        csv = write(d / "t.csv", "Code,Title,Progress\n1,One,30%\n", encoding="utf-8-sig")
        tsv = write(d / "t.tsv", "Codi\tTítol\n1\tUn, dos; tres\n")
        latin = write(d / "l.csv", "Codi;Títol\n1;Acció\n", encoding="cp1252")
        run("import", d / "a.fita", "--format", "csv", csv)
        assert stats(d / "a.fita")["progress"] == 30
        run("import", d / "b.fita", "--format", "tsv", tsv)
        assert "Un, dos; tres" in run("show", d / "b.fita").stdout
        run("import", d / "c.fita", "--format", "csv", latin)
        assert "Acció" in run("show", d / "c.fita").stdout

        assert "already exists" in run("import", d / "a.fita", "--format", "csv", csv, expect=2).stderr
        run("import", d / "a.fita", "--format", "csv", csv, "--force")
        assert "--format json, csv, tsv, ods or xlsx" in run("import", d / "x.fita", "--format", "doc", csv, expect=2).stderr
        assert "are for tables" in run("import", d / "x.fita", "--format", "json", csv, "--dry-run",
                                       expect=2).stderr
        report = json.loads(run("import", d / "x.fita", "--format", "csv", csv, "--json").stdout)
        assert report["items"] == 1 and os.path.exists(d / "x.fita"), report


def exported(path):
    return json.loads(run("export", path, "--format", "json").stdout)


def spreadsheet_part(plan):
    """What of a plan (its JSON export) a spreadsheet carries (fita-export.h).
    Removed here, because a spreadsheet cannot carry them: of the plan, all
    but its title, description and period (its organisation, followed year,
    follow-up period, report date, language, progress rules); the
    descriptions of levels and chapters, the colours and descriptions of
    statuses; the agents list (kinds, descriptions, members, functions,
    groups: the governance; its order and the agents no item names), but
    not the items' responsibilities, which name their agents; the
    participatory processes; the items' notes and links; the indicators'
    kinds, units, targets and observations, and their values'
    observations; the change log. Everything else must come back the same."""
    plan["plan"] = {k: v for k, v in plan["plan"].items() if k in ("title", "description", "period_start", "period_end")}
    for level in plan.get("levels", []):
        level.pop("description", None)
    for status in plan.get("statuses", []):
        status.pop("colour", None)
        status.pop("description", None)
    for chapter in plan.get("chapters", []):
        chapter.pop("description", None)
    plan.pop("agents", None)
    plan.pop("processes", None)
    # the history: a table's plan starts its own
    plan.pop("change_log", None)

    def items(nodes):
        for node in nodes:
            node.pop("notes", None)
            node.pop("links", None)
            for indicator in node.get("indicators", []):
                for key in ("kind", "unit", "target", "observations"):
                    indicator.pop(key, None)
                for value in indicator.get("values", []):
                    value.pop("observations", None)
            items(node.get("children", []))
    items(plan.get("items", []))
    return plan


def items_part(plan):
    """What a CSV of the items alone carries: the items' own fields and
    responsibilities, the plan's title and period."""
    plan = spreadsheet_part(plan)
    for key in ("levels", "statuses", "chapters", "followups"):
        plan.pop(key, None)

    def items(nodes):
        for node in nodes:
            for key in ("budget", "indicators", "followups"):
                node.pop(key, None)
            items(node.get("children", []))
    items(plan.get("items", []))
    return plan


@test
def workbooks_round_trip():
    """Every example plan, exported to XLSX and ODS in each language and
    imported back (the first sheet with the ones that add to it), is the
    same plan but for what a spreadsheet cannot carry; nothing is noted."""
    with Dir() as d:
        for name in EXAMPLES:
            plan = example(d, name)
            expected = spreadsheet_part(exported(plan))
            for lang in ("ca", "es", "en"):
                for fmt in ("xlsx", "ods"):
                    source = d / f"{name}-{lang}.{fmt}"
                    back = d / f"{name}-{lang}-{fmt}.fita"
                    run("export", plan, "--format", fmt, "--lang", lang, "-o", source)
                    # --format may be left out: the name says it
                    out = run("import", back, *(["--format", fmt] if fmt == "xlsx" else []), source)
                    assert out.stderr == "", (name, lang, fmt, out.stderr)
                    got = spreadsheet_part(exported(back))
                    assert got == expected, (name, lang, fmt, got, expected)


@test
def the_seed_figures_come_back():
    """Programme 11 after a trip through XLSX: 12 %, 12.223,69 € executed of
    120.000,00 €, its executed amounts by year."""
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        run("export", plan, "--format", "xlsx", "-o", d / "t.xlsx")
        run("import", d / "t.fita", d / "t.xlsx")
        item = stats(d / "t.fita", "--item", "11")
        assert item["progress"] == 12 and item["executed_cents"] == 1222369, item
        assert stats(d / "t.fita", "--year", "2023")["executed_cents"] == 470233
        assert stats(d / "t.fita", "--year", "2024")["executed_cents"] == 752136


@test
def csv_round_trip():
    """CSV holds a sheet a file: the items alone bring back the items and
    the plan's title and period; every sheet, one after another in one file
    after an empty line each, brings back as much as a workbook."""
    with Dir() as d:
        for name in EXAMPLES:
            plan = example(d, name)
            whole = exported(plan)
            run("export", plan, "--format", "csv", "--lang", "es", "-o", d / f"{name}.csv")
            assert os.path.exists(d / f"{name}-budget.csv")
            run("import", d / f"{name}-items.fita", d / f"{name}.csv")
            assert items_part(exported(d / f"{name}-items.fita")) == items_part(json.loads(json.dumps(whole))), name

            tables = [run("export", plan, "--format", "csv", "--sheet", sheet, "--lang", "ca").stdout
                      for sheet in ("items", "budget", "indicators", "followup", "lists")]
            write(d / f"{name}-all.csv", "\n".join(tables))
            run("import", d / f"{name}-all.fita", "--format", "csv", d / f"{name}-all.csv")
            assert spreadsheet_part(exported(d / f"{name}-all.fita")) == spreadsheet_part(whole), name


def replace_in_zip(path, part, old, new):
    with zipfile.ZipFile(path) as z:
        parts = {info.filename: z.read(info.filename) for info in z.infolist()}
    assert old.encode() in parts[part], (part, old)
    parts[part] = parts[part].replace(old.encode(), new.encode(), 1)
    os.unlink(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


@test
def workbook_refused_with_its_sheets():
    """A workbook whose budget names an item the items sheet does not have,
    and whose items sheet has a wrong percent: refused, each problem with
    its sheet and row; the JSON report says the sheet too. Read alone
    (--sheet), the first sheet's problem is a row, as in any table."""
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        source = d / "t.xlsx"
        run("export", plan, "--format", "xlsx", "--lang", "ca", "-o", source)
        replace_in_zip(source, "xl/worksheets/sheet2.xml", "<t>11</t>", "<t>99</t>")
        replace_in_zip(source, "xl/worksheets/sheet1.xml", "<t>En curs</t>", "<t>En curs (130 %)</t>")
        err = run("import", d / "t.fita", source, expect=2).stderr
        lines = err.splitlines()
        assert lines[0] == f"fita-cli: {source}: The table has 2 problems; nothing was imported:", err
        assert lines[1].startswith("  Elements, row 6 (11.1): “Estat”: “130 %” is not a percentage"), err
        assert lines[2] == ("  Pressupost, row 2 (99): no item of the sheet “Elements” has the code “99”; "
                            "give the code of one of its items"), err
        assert not os.path.exists(d / "t.fita")
        report = json.loads(run("import", d / "t.fita", source, "--dry-run", "--json", expect=2).stdout)
        assert [(p["sheet"], p["line"], p["code"]) for p in report["problems"]] == [("Elements", 6, "11.1"),
                                                                                    ("Pressupost", 2, "99")], report
        err = run("import", d / "t.fita", source, "--sheet", "Elements", expect=2).stderr
        assert err.splitlines()[1].startswith("  row 6 (11.1): “Estat”"), err


@test
def calc_table_imports():
    """A council's table of actions made in LibreOffice Calc, as XLSX and
    as ODS (tests/data/calc): a title above it, a bold header, euros,
    percents, a date, an empty row, accents and "l·l". Five actions, the
    amounts in cents, an executed 0 € kept apart from no amount."""
    with Dir() as d:
        for fmt in ("xlsx", "ods"):
            source = os.path.join(DATA, "calc", f"accions-2024.{fmt}")
            report = json.loads(run("import", d / "a.fita", source, "--dry-run", "--json").stdout)
            assert report == {"items": 5, "levels": [{"name": None, "count": 5}], "problems": [], "notes": []}, report
            out = run("import", d / f"{fmt}.fita", source)
            assert out.stderr == "", out.stderr
            items = {item["code"]: item for item in exported(d / f"{fmt}.fita")["items"]}
            assert list(items) == ["1", "2", "3", "4", "5"], items
            one = items["1"]
            assert one["title"] == "Espai de col·laboració entre cooperatives del Vallès", one
            assert (one["status"], one["progress"], one["start_year"], one["end_date"]) == ("En curs", 30, 2024, "2025-06-30"), one
            assert one["budget"] == [{"year": 2024, "planned_cents": 1200000, "executed_cents": 470233}], one
            assert items["2"]["title"] == "Taller d'intercooperació a l'Espai Cel·la", items["2"]
            assert items["2"]["budget"] == [{"year": 2024, "planned_cents": 150000, "executed_cents": 148050}]
            assert [(r["agent"], r["role"]) for r in items["2"]["responsibilities"]] == [
                ("Servei de Promoció Econòmica", "executes"), ("Consell d'Entitats", "supports")], items["2"]
            # executed 0,00 €: zero; no executed amount at all: unknown
            assert items["3"]["budget"] == [{"year": 2024, "planned_cents": 300000, "executed_cents": 0}], items["3"]
            assert (items["3"]["progress"], items["3"]["start_year"]) == (0, 2025), items["3"]
            assert items["4"]["budget"] == [{"year": 2024, "planned_cents": 2000000}], items["4"]
            assert items["4"]["progress"] == 12.5, items["4"]
            assert "progress" not in items["5"] and "status" not in items["5"], items["5"]
            assert items["5"]["budget"] == [{"year": 2024, "executed_cents": 84590}], items["5"]
            figures = stats(d / f"{fmt}.fita", "--year", "2024")
            assert figures["planned_cents"] == 3650000 and figures["executed_cents"] == 470233 + 148050 + 84590, figures


@test
def format_from_the_name():
    """--format may be left out when SOURCE's name ends in a format's; a
    name that does not needs it."""
    with Dir() as d:
        write(d / "t.csv", "Codi;Títol\n1;Un\n")
        run("import", d / "a.fita", d / "t.csv")
        assert stats(d / "a.fita")["items"] == 1
        shutil.copy(d / "t.csv", d / "t.dades")
        err = run("import", d / "b.fita", d / "t.dades", expect=2).stderr
        assert "give --format json, csv, tsv, ods or xlsx" in err, err
        run("import", d / "b.fita", "--format", "csv", d / "t.dades")


if __name__ == "__main__":
    sys.exit(main())
