#!/usr/bin/env python3
"""fita-cli's contract: commands, flags, JSON keys, exit codes (TAP output)."""

import json
import os
import sqlite3
import subprocess
import sys

from clitest import CLI, EXAMPLES, Dir, example, main, pdf_text, run, sha, test


@test
def version():
    out = run("--version").stdout
    assert out.startswith("fita-cli "), out


@test
def usage_errors():
    assert "Commands:" in run(expect=2).stderr
    assert "unknown command" in run("frobnicate", expect=2).stderr
    run("show", expect=2)
    run("stats", expect=2)
    run("new", "x.fita", expect=2)  # no --title
    run("show", "--no-such-flag", "x.fita", expect=2)
    assert "Commands:" in run("--help").stdout


@test
def example_list_and_write():
    names = run("example", "--list").stdout.split()
    assert names == EXAMPLES, names
    with Dir() as d:
        for name in names:
            path = example(d, name)
            assert open(path, "rb").read(16) == b"SQLite format 3\0"
        err = run("example", "nope", d / "x.fita", expect=2).stderr
        assert err.startswith("fita-cli: nope: "), err
        # never overwrites
        before = sha(d / "xmess-2017-2019.fita")
        err = run("example", "xmess-2017-2019", d / "xmess-2017-2019.fita", expect=2).stderr
        assert "already exists" in err, err
        assert sha(d / "xmess-2017-2019.fita") == before


@test
def new_plan():
    with Dir() as d:
        run("new", d / "p.fita", "--title", "Pla de barris 2025-2028")
        shown = json.loads(run("show", d / "p.fita", "--json").stdout)
        assert shown["title"] == "Pla de barris 2025-2028"
        assert shown["items"] == []
        stats = json.loads(run("stats", d / "p.fita", "--json").stdout)
        assert stats["items"] == 0
        assert stats["progress"] is None
        assert "participation" not in stats
        # --lang: the plan's statuses named in its language, whatever the interface's
        run("new", d / "es.fita", "--title", "Plan de barrios", "--lang", "es")
        stats = json.loads(run("stats", d / "es.fita", "--json").stdout)
        assert [s["name"] for s in stats["statuses"]] == ["No iniciado", "En curso", "Finalizado"], stats
        run("new", d / "xx.fita", "--title", "Pla", "--lang", "fr", expect=2)
        assert not os.path.exists(d / "xx.fita")


@test
def show_text_and_json():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        text = run("show", path).stdout
        assert "Pla estratègic d'economia social i solidària Terrassa 2019-2026" in text
        assert "11.1  Radiografia d'agents i antenes dels barris  [En curs]  30%" in text
        assert "  11  ESS als barris  12%" in text
        shown = json.loads(run("show", path, "--json").stdout)
        o3 = shown["items"][0]
        assert o3["code"] == "O3" and o3["level"] == "Objectiu" and o3["progress"] == 12
        programme = o3["children"][0]["children"][0]
        assert programme["code"] == "11"
        assert [c["code"] for c in programme["children"]] == ["11.1", "11.2", "11.3", "11.4", "11.5"]
        assert [c["progress"] for c in programme["children"]] == [30, 10, 0, 0, 20]
        assert programme["children"][2]["status"] == "No iniciat"


@test
def stats_contract():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        s = json.loads(run("stats", path, "--item", "11", "--json").stdout)
        assert s == {"items": 6,
                     "levels": [{"name": "Objectiu", "count": 0}, {"name": "Acció", "count": 0},
                                {"name": "Programa", "count": 1}, {"name": "Actuació", "count": 5}],
                     "progress": 12, "progress_bp": 1200, "planned_cents": 12000000, "executed_cents": 1222369,
                     "execution_rate_bp": 1019,
                     "planned_in_years_cents": None, "planned_not_in_years_cents": 12000000,
                     "statuses": [{"name": "No iniciat", "count": 2, "share_bp": 4000},
                                  {"name": "En curs", "count": 3, "share_bp": 6000},
                                  {"name": "Acabat", "count": 0, "share_bp": 0}]}, s
        whole = json.loads(run("stats", path, "--json").stdout)
        assert whole["items"] == 8 and whole["progress"] == 12
        assert whole["execution_rate_bp"] == 1019
        y2023 = json.loads(run("stats", path, "--item", "11", "--year", "2023", "--json").stdout)
        assert y2023["executed_cents"] == 470233 and y2023["planned_cents"] is None
        assert y2023["execution_rate_bp"] is None
        err = run("stats", path, "--item", "99", "--json", expect=2).stderr
        assert err.startswith(f"fita-cli: {path}: ") and "99" in err, err

        path = example(d, "barcelona-impulsem-2016-2021")
        s = json.loads(run("stats", path, "--json").stdout)
        assert s["participation"] == {"sessions": 34, "participants": 799,
                                      "contributions": 1373, "proposals": 780}, s

        path = example(d, "terrassa-serveis-socials-2023-2027")
        s = json.loads(run("stats", path, "--json").stdout)
        levels = {l["name"]: l["count"] for l in s["levels"]}
        assert levels["Eix"] == 3 and levels["Objectiu"] == 18 and levels["Línia d'actuació"] == 33
        etac = json.loads(run("stats", path, "--item", "ETAC 2023", "--json").stdout)
        etac_levels = {l["name"]: l["count"] for l in etac["levels"]}
        assert etac_levels["Objectiu del pla d'acció"] == 5
        assert etac_levels["Acció del pla d'acció"] == 19

        path = example(d, "xmess-2017-2019")
        s = json.loads(run("stats", path, "--json").stdout)
        assert [l["count"] for l in s["levels"]] == [3, 7, 34], s


@test
def set_is_one_transaction():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        run("set", path, "11.3", "progress=25 %", "status=En curs", "title=Tallers d'idees",
            "start=2024", "end=2025")
        item = json.loads(run("show", path, "--json").stdout)["items"][0]["children"][0]["children"][0]["children"][2]
        assert item == {"code": "11.3", "title": "Tallers d'idees", "level": "Actuació",
                        "status": "En curs", "progress": 25, "progress_bp": 2500, "children": []}, item
        s = json.loads(run("stats", path, "--item", "11", "--json").stdout)
        assert s["progress"] == 17  # (30+10+25+0+20)/5

        before = sha(path)
        # a bad value anywhere: nothing is changed
        err = run("set", path, "11.1", "title=Mai", "progress=150", expect=2).stderr
        assert "150" in err, err
        run("set", path, "11.1", "status=Fet", expect=2)
        run("set", path, "11.1", "colour=red", expect=2)
        run("set", path, "11.1", "notitle", expect=2)
        run("set", path, "11", "progress=5", expect=2)   # derived on parents
        run("set", path, "99", "title=x", expect=2)
        run("set", path, "11.1", "code=11.2", expect=2)  # codes stay unique
        assert sha(path) == before

        run("set", path, "11.1", "progress=", "semesters=2024-2,2024-1", "planned_total=4.702,33")
        exported = json.loads(run("export", path, "--format", "json").stdout)
        actuacio = exported["items"][0]["children"][0]["children"][0]["children"][0]
        assert "progress" not in actuacio
        assert actuacio["semesters"] == ["2024-1", "2024-2"]
        assert actuacio["planned_total_cents"] == 470233


@test
def check_exit_codes():
    with Dir() as d:
        for name in EXAMPLES:
            out = run("check", example(d, name)).stdout
            assert "no problems found" in out, out
        path = d / "xmess-2017-2019.fita"
        run("set", path, "I.1.1", "start=2019", "end=2017")
        proc = run("check", path, expect=1)
        assert "I.1.1: it starts in 2019, after it ends (2017)" in proc.stdout, proc.stdout
        assert "1 problem found" in proc.stderr


@test
def export_import_round_trip():
    with Dir() as d:
        for name in EXAMPLES:
            path = example(d, name)
            first = run("export", path, "--format", "json").stdout
            run("export", path, "--format", "json", "-o", d / (name + ".json"))
            assert open(d / (name + ".json")).read() == first
            run("import", d / (name + "-2.fita"), "--format", "json", d / (name + ".json"))
            second = run("export", d / (name + "-2.fita"), "--format", "json").stdout
            # the same, but for one more change at the end of the log: the import
            a, b = json.loads(first), json.loads(second)
            assert b["change_log"][:-1] == a["change_log"], name
            assert b["change_log"][-1]["label"] == "Create Plan", name
            a.pop("change_log"), b.pop("change_log")
            assert a == b, name
            assert second.startswith(first[:first.index('"change_log"')]), name
        run("export", d / "xmess-2017-2019.fita", expect=2)  # --format is required
        run("export", d / "xmess-2017-2019.fita", "--format", "xml", expect=2)


@test
def import_errors_leave_nothing():
    with Dir() as d:
        cases = {
            "broken.json": ('{"plan": {"title": "T"', "not valid JSON"),
            "row.json": ('{"plan": {"title": "T"}, "items": [{"code": "A"}, '
                         '{"code": "B", "budget": [{"year": 2023, "executed_cents": "4.702,33"}]}]}',
                         "items[1].budget[0]"),
            "newer.json": ('{"format": "fita", "format_version": 9, "plan": {"title": "T"}}', "newer"),
        }
        for name, (content, words) in cases.items():
            with open(d / name, "w") as f:
                f.write(content)
            err = run("import", d / "out.fita", "--format", "json", d / name, expect=2).stderr
            assert err.startswith(f"fita-cli: {d / name}: ") and words in err, err
            assert not os.path.exists(d / "out.fita")
            assert [f for f in os.listdir(d.path) if f.startswith(".")] == []
        # an existing file is kept unless --force
        path = example(d, "xmess-2017-2019")
        before = sha(path)
        with open(d / "min.json", "w") as f:
            f.write('{"plan": {"title": "Nou"}}')
        assert "already exists" in run("import", path, "--format", "json", d / "min.json", expect=2).stderr
        assert sha(path) == before
        run("import", path, "--format", "json", d / "min.json", "--force")
        assert json.loads(run("show", path, "--json").stdout)["title"] == "Nou"



@test
def import_lists_every_problem():
    """One import names every problem in the file, each by its path and its
    item's code; with any, nothing is written."""
    plan = {"plan": {"title": "T"}, "statuses": [{"name": "En curs"}], "items": [
        {"code": "11", "children": [{"code": "11.1"}, {"code": "11.2"}, {"code": "11.3", "progress": 130}]},
        {"code": "7.2", "budget": [{"year": 2022, "planned_cents": -100}]},
        {"code": "8", "status": "Fet"}]}
    with Dir() as d:
        source = d / "plan.json"
        with open(source, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        err = run("import", d / "out.fita", "--format", "json", source, expect=2).stderr
        lines = err.splitlines()
        assert lines[0] == f"fita-cli: {source}: The plan in {source} has 3 problems; nothing was imported:", err
        assert lines[1] == "  items[0].children[2] (11.3): “progress”: 130 is not a percentage: use a number from 0 to 100.", err
        assert lines[2].startswith("  items[1].budget[0] (7.2, 2022): “planned_cents”: An amount may not be negative"), err
        assert lines[3] == "  items[2] (8): there is no status named “Fet” in the plan", err
        assert len(lines) == 4, err
        assert not os.path.exists(d / "out.fita")
        assert [f for f in os.listdir(d.path) if f.startswith(".")] == []


@test
def import_refuses_a_duplicate_code():
    with Dir() as d:
        source = d / "plan.json"
        with open(source, "w", encoding="utf-8") as f:
            json.dump({"plan": {"title": "T"}, "items": [
                {"code": "11", "children": [{"code": "11.1"}, {"code": "11.2"}, {"code": "11.3"}]},
                {"code": "11.3"}]}, f)
        err = run("import", d / "out.fita", "--format", "json", source, expect=2).stderr
        assert "  items[1] (11.3): the code “11.3” is already used by items[0].children[2]" in err, err
        assert not os.path.exists(d / "out.fita")
        assert [f for f in os.listdir(d.path) if f.startswith(".")] == []
        # and --force keeps the plan it would have replaced
        path = example(d, "xmess-2017-2019")
        before = sha(path)
        run("import", path, "--format", "json", source, "--force", expect=2)
        assert sha(path) == before

@test
def bad_files():
    with Dir() as d:
        with open(d / "text.fita", "w") as f:
            f.write("not a plan")
        open(d / "empty.fita", "w").close()
        db = sqlite3.connect(d / "other.fita")
        db.execute("CREATE TABLE t (x)")
        db.commit()
        db.close()
        newer = example(d, "xmess-2017-2019")
        db = sqlite3.connect(newer)
        db.execute("PRAGMA user_version = 42")
        db.commit()
        db.close()
        for name, words in [("text.fita", "not an SQLite database"), ("empty.fita", "empty"),
                            ("other.fita", "not a Fita plan"), ("xmess-2017-2019.fita", "newer version"),
                            ("missing.fita", "cannot be opened")]:
            path = d / name
            before = sha(path) if os.path.exists(path) else None
            for command in (["show", path], ["stats", path, "--json"], ["check", path],
                            ["export", path, "--format", "json"], ["set", path, "I.1.1", "title=x"]):
                err = run(*command, expect=2).stderr
                assert err.startswith(f"fita-cli: {path}: ") and words in err, (command, err)
            if before:
                assert sha(path) == before, name


def picture_kind(path):
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"%PDF"):
        return "pdf"
    if b"<svg" in open(path, "rb").read(400) or head.startswith(b"<?xml"):
        return "svg"
    return None


@test
def timeline_export():
    with Dir() as d:
        path = example(d, "xmess-2017-2019")
        for suffix in ("png", "svg", "pdf"):
            out = d / ("t." + suffix)
            run("timeline", path, "--zoom", "semester", "--out", out)
            assert picture_kind(out) == suffix and os.path.getsize(out) > 5000, (suffix, os.path.getsize(out))
        run("timeline", path, "--zoom", "month", "--item", "I.1", "--who", "--lang", "es", "--out", d / "m.png")
        small, whole = os.path.getsize(d / "m.png"), os.path.getsize(d / "t.png")
        assert small > 2000
        run("timeline", path, "--zoom", "decade", "--out", d / "x.png", expect=2)
        run("timeline", path, "--out", d / "x.gif", expect=2)
        run("timeline", path, "--item", "Z.9", "--out", d / "x.png", expect=2)
        run("timeline", path, expect=2)


@test
def chart_export():
    help_text = run("chart", "--help").stdout
    kinds_line = [l for l in help_text.splitlines() if l.startswith("kinds: ")]
    assert kinds_line, help_text
    kinds = kinds_line[0][len("kinds: "):].split(", ")
    assert kinds == ["planned-executed", "stacked", "execution-rate", "cumulative", "chapters"], kinds
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        for kind in kinds:
            for suffix in ("png", "svg", "pdf"):
                out = d / f"{kind}.{suffix}"
                run("chart", path, "--kind", kind, "--item", "11", "--out", out)
                assert picture_kind(out) == suffix, (kind, suffix)
        run("chart", path, "--kind", "planned-executed", "--year", "2024", "--lang", "en", "--out", d / "y.png")
        run("chart", path, "--kind", "pie", "--out", d / "x.png", expect=2)
        run("chart", path, "--kind", "stacked", "--item", "Z", "--out", d / "x.png", expect=2)
        run("chart", path, "--out", d / "x.png", expect=2)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    meta = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return int(meta["Pages"]), {k: v.strip() for k, v in meta.items()}


def pdf_fonts_embedded(path):
    out = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    # columns: name type encoding emb sub uni object ID
    for row in rows:
        fields = row.split()
        assert "yes" in fields[-5:-2], row


@test
def report_sheet():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        for lang, figures in {
            "ca": ["12 %", "12.223,69 €", "120.000,00 €", "10,19 %", "4.702,33 €", "7.521,36 €"],
            "es": ["12 %", "12.223,69 €", "120.000,00 €", "10,19 %", "4702,33 €", "7521,36 €"],
            "en": ["12%", "€12,223.69", "€120,000.00", "10.19%", "€4,702.33", "€7,521.36"],
        }.items():
            out = d / f"sheet-{lang}.pdf"
            run("report", path, "--kind", "sheet", "--item", "11", "--year", "2024", "--lang", lang, "--out", out)
            pages, meta = pdf_pages(out)
            assert 2 <= pages <= 5, pages
            assert meta["Title"].startswith("11 ESS als barris"), meta
            assert meta["Author"] == "Ajuntament de Terrassa", meta
            text = pdf_text(out)
            for figure in figures:
                assert figure in text, (lang, figure)
            for words in ["11 ESS als barris", "O3 - Fomentar l'emprenedoria social",
                          "Radiografia d'agents i antenes dels barris", "Nombre de tallers realitzats",
                          "Es decidí iniciar un projecte pilot"]:
                assert words in text, (lang, words)
            pdf_fonts_embedded(out)
        # the report's language, whatever the program's (here English)
        headings = {
            "en": ["Execution", "Executed budget", "Result indicators", "Impact indicators",
                   "Evaluation", "Strengths", "Pending evaluation", "Page 1 of"],
            "ca": ["Execució", "Pressupost executat", "Indicadors de resultats", "Indicadors d'impacte",
                   "Avaluació", "Punts forts", "Pendent d'avaluar", "Pàgina 1 de"],
            "es": ["Ejecución", "Presupuesto ejecutado", "Indicadores de resultados", "Indicadores de impacto",
                   "Evaluación", "Puntos fuertes", "Pendiente de evaluar", "Página 1 de"],
        }
        for lang, words in headings.items():
            text = pdf_text(d / f"sheet-{lang}.pdf")
            for heading in words:
                assert heading in text, (lang, heading)
        run("report", path, "--kind", "sheet", "--out", d / "x.pdf", expect=2)           # no --item
        run("report", path, "--kind", "sheet", "--item", "99", "--out", d / "x.pdf", expect=2)
        run("report", path, "--kind", "memo", "--out", d / "x.pdf", expect=2)
        run("report", path, "--kind", "annual", "--lang", "fr", "--out", d / "x.pdf", expect=2)
        run("report", path, "--kind", "annual", "--out", d / "x.png", expect=2)
        assert not os.path.exists(d / "x.pdf")


@test
def report_annual_workplan_participation():
    with Dir() as d:
        social = example(d, "terrassa-serveis-socials-2023-2027")
        run("report", social, "--kind", "annual", "--lang", "en", "--out", d / "annual.pdf")
        pages, meta = pdf_pages(d / "annual.pdf")
        assert 6 <= pages <= 40, pages
        text = pdf_text(d / "annual.pdf")
        for words in ["Follow-up report 2023", "Pla Estratègic de Serveis Socials", "abril de 2023 a desembre 2023",
                      "June 2024", "Summary", "Governance", "Comissió de cogovernança", "ETAC 5.7",
                      "3.14", "Elaborar nous diagnòstics conjunts"]:
            assert words in text, words
        pdf_fonts_embedded(d / "annual.pdf")

        xmess = example(d, "xmess-2017-2019")
        run("report", xmess, "--kind", "workplan", "--lang", "en", "--out", d / "work.pdf")
        pages, _ = pdf_pages(d / "work.pdf")
        assert 2 <= pages <= 12, pages
        text = pdf_text(d / "work.pdf")
        for words in ["Work plan 2017–2019", "1st semester", "2nd semester", "Basic lines",
                      "I.1.3", "III.3.2", "Comissió tècnica"]:
            assert words in text, words

        impulsem = example(d, "barcelona-impulsem-2016-2021")
        for lang, numbers in {"ca": ["34", "799", "1.373", "780"], "en": ["34", "799", "1,373", "780"]}.items():
            run("report", impulsem, "--kind", "participation", "--lang", lang, "--out", d / f"part-{lang}.pdf")
            text = pdf_text(d / f"part-{lang}.pdf", layout=True)
            total = [l for l in text.splitlines() if l.strip().split()[:1] in (["Total"], ["Total:"])]
            assert total, text
            assert total[-1].split()[1:] == numbers, (lang, total)
            for words in ["Impulsem", "Dimensió interna", "Ciutadania", "561", "975", "643",
                          "Priorització d", "589", "261", "Sindicatura de Greuges"]:
                assert words in text, (lang, words)


@test
def bench_contract():
    out = json.loads(run("bench", "--items", "300", "--json").stdout)
    assert set(out) >= {"items", "create_ms", "open_ms", "rollup_ms", "edit_median_us",
                        "export_json_ms", "timeline_frame_us", "timeline_export_ms", "chart_us", "report_sheet_ms",
                        "report_annual_ms", "report_workplan_ms", "edit_p95_us", "import_csv_ms",
                        "peak_rss_kb", "report_peak_rss_kb"}, out
    assert out["items"] == 300
    assert all(isinstance(v, (int, float)) and v >= 0 for v in out.values())
    assert out["edit_p95_us"] >= out["edit_median_us"], out
    run("bench", "--items", "0", expect=2)
    # --write: only the synthetic plan, to a file, as the other measures use it
    with Dir() as d:
        path = d / "synthetic.fita"
        proc = run("bench", "--items", "120", "--write", path)
        assert proc.stdout == "", proc.stdout
        stats = json.loads(run("stats", path, "--json").stdout)
        assert "no problems found" in run("check", path).stdout
        assert stats["items"] == 120, stats


@test
def report_sheets_of_a_level():
    """--level NAME: a sheet for every item of the level, one PDF each named by
    its item, into the folder --out names; their paths on stdout."""
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        folder = d / "fitxes"
        out = run("report", path, "--kind", "sheet", "--level", "Actuació", "--year", "2024",
                  "--lang", "ca", "--out", folder).stdout.splitlines()
        assert len(out) == 5, out
        for i, written in enumerate(out, 1):
            assert os.path.dirname(written) == str(folder), written
            assert f" 11.{i} - " in written and written.endswith(" - 2024.pdf"), written
            assert open(written, "rb").read(4) == b"%PDF"
        assert sorted(os.listdir(folder)) == sorted(os.path.basename(p) for p in out)
        assert "no level named" in run("report", path, "--kind", "sheet", "--level", "Nope",
                                       "--out", folder, expect=2).stderr
        run("report", path, "--kind", "annual", "--level", "Actuació", "--out", folder, expect=2)
        run("report", path, "--kind", "sheet", "--item", "11", "--level", "Actuació", "--out", folder, expect=2)
        # the single sheet's contract is unchanged
        run("report", path, "--kind", "sheet", "--item", "11", "--out", d / "fitxes.txt", expect=2)
        # --format: the sheets for a word processor, as DOCX or ODT
        for fmt, magic in (("docx", b"PK\x03\x04"), ("odt", b"PK\x03\x04")):
            out = run("report", path, "--kind", "sheet", "--level", "Actuació", "--year", "2024",
                      "--lang", "ca", "--format", fmt, "--out", d / fmt).stdout.splitlines()
            assert len(out) == 5, out
            for written in out:
                assert written.endswith(" - 2024." + fmt), written
                assert open(written, "rb").read(4) == magic
        run("report", path, "--kind", "sheet", "--level", "Actuació", "--format", "rtf", "--out", folder, expect=2)
        run("report", path, "--kind", "sheet", "--level", "Actuació", "--format", "x.pdf", "--out", folder, expect=2)
        # a single report's format is its suffix
        run("report", path, "--kind", "annual", "--format", "odt", "--out", d / "a.odt", expect=2)


@test
def json_text_is_escaped_and_typed():
    """JSON comes from json-glib: awkward text reads back as written, and
    each value keeps its type (counts and cents integers, missing ones null)."""
    with Dir() as d:
        title = 'Pla "nou"\\ amb\tsalt i accents: àèí € </x>'
        run("new", d / "p.fita", "--title", title)
        shown = json.loads(run("show", d / "p.fita", "--json").stdout)
        assert shown["title"] == title, shown
        assert shown["organisation"] == "" and shown["items"] == []
        path = example(d, "terrassa-ess-2019-2026")
        out = run("show", path, "--json").stdout
        assert out.endswith("}\n") and out.count("\n") == 1, out[-20:]
        item = json.loads(out)["items"][0]
        assert [type(item[k]) for k in ("code", "title", "progress_bp", "children")] == [str, str, int, list]
        s = json.loads(run("stats", path, "--json").stdout)
        assert all(type(s[k]) is int for k in ("items", "planned_cents", "executed_cents", "execution_rate_bp")), s
        assert s["planned_in_years_cents"] is None or type(s["planned_in_years_cents"]) is int
        assert all(type(c["count"]) is int and type(c["share_bp"]) is int for c in s["statuses"]), s
    bench = json.loads(run("bench", "--items", "50", "--json").stdout)
    assert all(type(bench[k]) is int for k in ("items", "edit_median_us", "chart_us", "peak_rss_kb")), bench
    assert all(type(bench[k]) is float for k in ("create_ms", "open_ms", "rollup_ms", "report_sheet_ms")), bench


if __name__ == "__main__":
    sys.exit(main())
