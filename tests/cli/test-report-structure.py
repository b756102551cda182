#!/usr/bin/env python3
"""fita-cli report --out FILE.pdf: every report kind, in every language, is
a tagged PDF a screen reader can follow (issue 17): pdfinfo says Tagged:
yes; the structure tree has headings that never skip a level, tables with
header cells that have a scope, figures with alternative text, and all
the text of the page body; the catalog has the document's language and
asks viewers to show the title (TAP output; tests/cli/pdfstruct.py)."""

import shutil

from clitest import Dir, Skip, example, main, run, test
import pdfstruct

LANGS = {"ca": "ca-ES", "es": "es-ES", "en": "en-GB"}
KINDS = [
    ("sheet", "terrassa-ess-2019-2026", ["--item", "11", "--year", "2024"]),
    ("annual", "terrassa-ess-2019-2026", ["--year", "2024"]),
    ("workplan", "xmess-2017-2019", []),
    ("participation", "barcelona-espai-ess", []),
]


def check_kind(kind, plan, extra):
    if shutil.which("pdfinfo") is None:
        raise Skip("poppler-utils not installed")
    with Dir() as d:
        path = example(d, plan)
        for lang, tag in LANGS.items():
            out = d / f"{kind}-{lang}.pdf"
            run("report", path, "--kind", kind, *extra, "--lang", lang, "--out", out)
            root, problems = pdfstruct.check(out, tag)
            assert not problems, (kind, lang, problems)
            names = [n.name for n in root.walk()]
            assert "H1" in names and "P" in names, (kind, lang, names[:20])
            if kind != "participation":
                assert "Table" in names, (kind, lang)


@test
def sheet():
    check_kind(*KINDS[0])


@test
def annual():
    check_kind(*KINDS[1])
    # what cairo 1.16 cannot write, added after it
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        out = d / "annual.pdf"
        run("report", path, "--kind", "annual", "--year", "2024", "--lang", "ca", "--out", out)
        root, _ = pdfstruct.check(out, "ca-ES")
        figures = [n for n in root.walk() if n.name == "Figure"]
        assert len(figures) >= 2, len(figures)
        ths = [n for n in root.walk() if n.name == "TH"]
        assert {n.attrs.get("Scope") for n in ths} == {"/Column", "/Row"}, ths


@test
def workplan():
    check_kind(*KINDS[2])


@test
def participation():
    check_kind(*KINDS[3])


@test
def checker_finds_faults():
    """The checker itself: a skipped level and a table without TH fail."""
    root = pdfstruct.parse('Document\n  H1 (block)\n    "A"\n  H3 (block)\n    "B"\n'
                           '  Table (block)\n    TR\n      TD\n        "x"\n')
    names = [n.name for n in root.walk()]
    assert names == ["(root)", "Document", "H1", "H3", "Table", "TR", "TD"], names
    problems = pdfstruct.tree_problems(root)
    assert any("skips a level" in p for p in problems), problems
    assert any("table without TH" in p for p in problems), problems
    th = pdfstruct.parse('Document\n  Table (block)\n    TR\n      TH:\n         /Scope /Column\n        "a"\n')
    cell = [n for n in th.walk() if n.name == "TH"][0]
    assert cell.attrs == {"Scope": "/Column"} and cell.text() == "a", (cell.attrs, cell.texts)
    # text on the page that the tree does not hold, and the words of a row's cells side by side
    tree = pdfstruct.parse('Document\n  H1 (block)\n    "Títol"\n  P (block)\n    "Un paràgraf"\n'
                           '  Table (block)\n    TR\n      TH:\n         /Scope /Row\n        "Acció"\n'
                           '      TD\n        "Primera línia del text"\n')
    assert pdfstruct.tree_problems(tree) == []
    assert pdfstruct.untagged("Títol\nUn paràgraf\nAcció Primera línia\ndel text\n", tree) == []
    found = pdfstruct.untagged("Un paràgraf\nText sense etiqueta\n", tree)
    assert len(found) == 1 and "Text sense etiqueta" in found[0], found


main()
