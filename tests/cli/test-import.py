#!/usr/bin/env python3
"""fita-cli import of tables (CSV, TSV): the seeds' tables as they are,
dry runs, saved mappings, and refusals that list every problem with its
line and leave every file as it was."""

import json
import os
import sys

from clitest import Dir, main, run, sha, stats, test

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "seeds")


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


if __name__ == "__main__":
    sys.exit(main())
