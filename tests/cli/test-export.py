#!/usr/bin/env python3
"""fita-cli export as CSV, XLSX, ODS and for Decidim: every format for
every example plan, well-formed files with the plan's sheets, headers in
the language asked for, JSON as before, usage errors, and outputs that
are atomic and refuse their own input and special files (TAP output)."""

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

from clitest import CLI, EXAMPLES, Dir, example, main, run, sha, test

SHIM = sys.argv[2]

SHEETS = {"ca": ["Elements", "Pressupost", "Indicadors", "Seguiment", "Llistes"],
          "es": ["Elementos", "Presupuesto", "Indicadores", "Seguimiento", "Listas"],
          "en": ["Items", "Budget", "Indicators", "Follow-up", "Lists"]}


def parts(path):
    """Every XML part of a zip archive, parsed (which proves it well-formed)."""
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, path
        return {name: ET.fromstring(z.read(name)) for name in z.namelist() if name.endswith((".xml", ".rels"))}


def xlsx_sheet_names(path):
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    return [s.get("name") for s in parts(path)["xl/workbook.xml"].findall("m:sheets/m:sheet", ns)]


def ods_sheet_names(path):
    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    return [t.get(table + "name") for t in parts(path)["content.xml"].iter(table + "table")]


@test
def every_format_for_every_example():
    with Dir() as d:
        for name in EXAMPLES:
            plan = example(d, name)
            run("export", plan, "--format", "xlsx", "--lang", "ca", "-o", d / "p.xlsx")
            assert xlsx_sheet_names(d / "p.xlsx") == SHEETS["ca"]
            run("export", plan, "--format", "ods", "--lang", "es", "-o", d / "p.ods")
            assert ods_sheet_names(d / "p.ods") == SHEETS["es"]
            with zipfile.ZipFile(d / "p.ods") as z:
                first = z.infolist()[0]
                assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
                assert z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
            for sheet in ("items", "budget", "indicators", "followup", "lists"):
                out = run("export", plan, "--format", "csv", "--sheet", sheet, "--lang", "en").stdout
                rows = list(csv.reader(io.StringIO(out, newline="")))
                assert rows and all(len(row) == len(rows[0]) for row in rows), (name, sheet)
            items = list(csv.DictReader(io.StringIO(run("export", plan, "--format", "csv", "--sheet", "items",
                                                        "--lang", "en").stdout, newline="")))
            def count(nodes):
                return sum(1 + count(node.get("children", [])) for node in nodes)
            # the plan's own row first, then the items
            assert items[0]["Level"] == "Plan" and items[0]["Code"] == "", (name, items[0])
            assert len(items) - 1 == count(json.loads(run("export", plan, "--format", "json").stdout).get("items", [])), name
            decidim = run("export", plan, "--format", "decidim").stdout
            results = list(csv.DictReader(io.StringIO(decidim, newline=""), delimiter=";"))
            assert len(results) == len(items) - 1, name
            ids = {r["id"] for r in results}
            assert all(r["parent/id"] in ids for r in results if r["parent/id"]), name
            assert all(r["title/ca"] and r["description/ca"].startswith("<p>") for r in results), name


@test
def the_seed_figures():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        items = {r["Codi"]: r for r in csv.DictReader(io.StringIO(
            run("export", plan, "--format", "csv", "--sheet", "items", "--lang", "ca").stdout, newline=""))}
        programme = items["11"]
        assert (programme["Progrés"], programme["Total previst"]) == ("12", "120000.00"), programme
        assert [v for k, v in programme.items() if k.startswith("Grau")] == ["10.19"], programme
        # the plan's row: its title and period, its progress and amounts
        plan_row = items[""]
        assert (plan_row["Nivell"], plan_row["Inici"], plan_row["Final"]) == ("Pla", "2019", "2026"), plan_row
        assert plan_row["Títol"].startswith("Pla estratègic d'economia social i solidària"), plan_row
        assert (plan_row["Progrés"], plan_row["Executat, tots els anys"]) == ("12", "12223.69"), plan_row
        lists = run("export", plan, "--format", "csv", "--sheet", "lists", "--lang", "ca").stdout
        # the plan's lists in its order; statuses with their percents
        assert lists.splitlines() == ["Nivell,Estat,Capítol",
                                      "Objectiu,No iniciat (0\u00a0%),Capítol 1",
                                      "Acció,En curs,Capítol 2. Cofinançament de personal",
                                      "Programa,Acabat (100\u00a0%),Capítol 2. Altres conceptes",
                                      "Actuació,,\"Altres (Capítol, 4, 6 o altres)\""], lists
        run("export", plan, "--format", "csv", "--sheet", "budget", "--lang", "ca", "-o", d / "budget.csv")
        budget = open(d / "budget.csv", "rb").read().decode("utf-8")
        # RFC 4180's line ends; no byte order mark, for the programs CSV is made for
        assert budget == ("Codi,Any,Capítol,Previst,Executat\r\n"
                          "11,2019,Capítol 2. Cofinançament de personal,,0.00\r\n"
                          "11,2023,Capítol 2. Cofinançament de personal,,4702.33\r\n"
                          "11,2024,Capítol 2. Altres conceptes,,7521.36\r\n"), budget


@test
def headers_in_the_language_asked_for():
    with Dir() as d:
        plan = example(d, "xmess-2017-2019")
        first = {lang: run("export", plan, "--format", "csv", "--sheet", "items", "--lang", lang).stdout.split("\r\n")[0]
                 for lang in ("ca", "es", "en")}
        assert first["ca"].startswith("Codi,Codi pare,Nivell,Títol,Estat,Progrés,Inici,Final,Qui,"), first["ca"]
        assert first["es"].startswith("Código,"), first["es"]
        assert first["en"].startswith("Code,Parent code,Level,Title,Status,Progress,Start,End,Who,"), first["en"]


@test
def csv_without_sheet_writes_items_and_budget():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        run("export", plan, "--format", "csv", "--lang", "ca", "-o", d / "pla.csv")
        assert open(d / "pla.csv", encoding="utf-8").read().startswith("Codi,Codi pare,")
        assert open(d / "pla-budget.csv", encoding="utf-8").read().startswith("Codi,Any,Capítol,")
        err = run("export", plan, "--format", "csv", expect=2).stderr
        assert "two files" in err, err


@test
def json_is_as_before():
    with Dir() as d:
        plan = example(d, "barcelona-impulsem-2016-2021")
        out = run("export", plan, "--format", "json").stdout
        run("export", plan, "--format", "json", "-o", d / "p.json")
        assert open(d / "p.json", encoding="utf-8").read() == out
        assert json.loads(out)["format"] == "fita"


@test
def usage_errors():
    with Dir() as d:
        plan = example(d, "xmess-2017-2019")
        for args, words in ((["--format", "pdf"], "--format must be"),
                            (["--format", "xlsx"], "give -o FILE"),
                            (["--format", "ods"], "give -o FILE"),
                            (["--format", "csv", "--lang", "fr", "--sheet", "items"], "--lang must be"),
                            (["--format", "json", "--lang", "ca"], "--lang must be"),
                            (["--format", "decidim", "--lang", "ca"], "--lang must be"),
                            (["--format", "csv", "--sheet", "budgets"], "--sheet must be"),
                            (["--format", "xlsx", "--sheet", "items", "-o", d / "x.xlsx"], "--sheet must be")):
            err = run("export", plan, *args, expect=2).stderr
            assert err.startswith("fita-cli: ") and words in err, (args, err)
        assert not os.path.exists(d / "x.xlsx")


@test
def outputs_refuse_their_own_input_and_special_files():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        before = sha(plan)
        for fmt in ("xlsx", "ods", "csv", "decidim"):
            extra = ["--sheet", "items"] if fmt == "csv" else []
            err = run("export", plan, "--format", fmt, *extra, "-o", plan, expect=2).stderr
            assert "replace" in err, (fmt, err)
            err = run("export", plan, "--format", fmt, *extra, "-o", "/dev/null", expect=2).stderr
            assert "not an ordinary file" in err, (fmt, err)
            run("export", plan, "--format", fmt, *extra, "-o", d.path, expect=2)
            os.symlink(plan, d / f"link.{fmt}")
            run("export", plan, "--format", fmt, *extra, "-o", d / f"link.{fmt}", expect=2)
        os.mkfifo(d / "fifo.xlsx")
        run("export", plan, "--format", "xlsx", "-o", d / "fifo.xlsx", expect=2)
        assert sha(plan) == before
        # a link is written through, its mode kept
        with open(d / "target.ods", "w") as f:
            f.write("old")
        os.chmod(d / "target.ods", 0o640)
        os.symlink("target.ods", d / "out.ods")
        run("export", plan, "--format", "ods", "-o", d / "out.ods")
        assert os.path.islink(d / "out.ods") and zipfile.is_zipfile(d / "target.ods")
        assert os.stat(d / "target.ods").st_mode & 0o777 == 0o640
        assert sorted(f for f in os.listdir(d.path) if f.startswith(".")) == []


@test
def standard_output_is_checked():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        for args in (["--format", "csv", "--sheet", "budget"], ["--format", "decidim"]):
            with open("/dev/full", "w") as full:
                proc = subprocess.run([CLI, "export", plan, *args], stdout=full, stderr=subprocess.PIPE, text=True)
            assert proc.returncode == 2 and "No space left on device" in proc.stderr, (args, proc.stderr)


def faulty(fault, *args):
    env = {**os.environ, "LANGUAGE": "", "LC_ALL": "C.UTF-8", "FITA_FAULT": fault, "LD_PRELOAD": SHIM,
           "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"}
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, env=env)


@test
def outputs_are_atomic_under_faults():
    """A failed fsync, rename or write leaves the old file and no
    temporary one; the spreadsheets' own writes go through stdio, so a
    full disk there is the libraries' to report, and the fsync after
    them is Fita's."""
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        for fmt, extra in (("xlsx", []), ("ods", []), ("csv", ["--sheet", "items"]), ("decidim", [])):
            out = d / f"out.{fmt}"
            with open(out, "w") as f:
                f.write("the old export")
            failures = 0
            for fault in ("fsync:ENOSPC:1", "fsync:EIO:1", "rename:ENOSPC:1", "rename:EIO:1", "write:ENOSPC:1"):
                proc = faulty(fault, "export", plan, "--format", fmt, *extra, "-o", out)
                if proc.returncode == 0:
                    continue
                failures += 1
                assert proc.returncode == 2 and proc.stderr.startswith("fita-cli: "), (fmt, fault, proc.stderr)
                assert open(out).read() == "the old export", (fmt, fault)
                assert sorted(f for f in os.listdir(d.path) if f.startswith(".")) == [], (fmt, fault)
            assert failures >= 4, (fmt, failures)


@test
def numbers_in_the_c_locale_whatever_the_session():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        env = {**os.environ, "LANGUAGE": "", "LC_ALL": "ca_ES.UTF-8"}
        proc = subprocess.run([CLI, "export", plan, "--format", "xlsx", "-o", d / "ca.xlsx"],
                              capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stderr
        with zipfile.ZipFile(d / "ca.xlsx") as z:
            budget = z.read("xl/worksheets/sheet2.xml").decode()
        assert "<v>4702.33</v>" in budget and "<v>4702,33</v>" not in budget


@test
def decidim_columns():
    with Dir() as d:
        plan = example(d, "terrassa-ess-2019-2026")
        out = run("export", plan, "--format", "decidim", "-o", d / "results.csv")
        assert out.stdout == ""
        text = open(d / "results.csv", encoding="utf-8").read()
        header = text.split("\n")[0].split(";")
        for column in ("id", "parent/id", "title/ca", "title/es", "title/en", "description/ca", "start_date",
                       "end_date", "status/id", "progress", "proposal_urls"):
            assert column in header, column
        rows = {r["title/ca"]: r for r in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")}
        actuacio = rows["11.1 Radiografia d'agents i antenes dels barris"]
        assert (actuacio["progress"], actuacio["end_date"], actuacio["status/name/ca"]) == ("30", "2024-12-31", "En curs")
        assert rows["11 ESS als barris"]["progress"] == "12"


@test
def bench_reports_the_xlsx_export():
    out = json.loads(run("bench", "--items", "300", "--json").stdout)
    assert out["export_xlsx_ms"] > 0, out
    # and the same workbook imported back
    assert out["import_xlsx_ms"] > 0, out
    assert "import XLSX" in run("bench", "--items", "50").stdout


if __name__ == "__main__":
    sys.exit(main())
