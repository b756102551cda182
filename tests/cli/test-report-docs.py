#!/usr/bin/env python3
"""fita-cli report --out FILE.odt | FILE.docx: every report kind as an
editable document, the format chosen by the suffix; the headings, tables
and pictures inside; and LibreOffice (headless) opening each ODT and DOCX
and printing it to PDF with the report's headings and figures (TAP output).

LibreOffice runs once per format for the four kinds in Catalan; the three
languages are checked in the documents' XML without it. Without soffice
that test is skipped, except with CI=true, where it fails: CI installs
libreoffice-writer-nogui."""

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from clitest import Dir, Skip, example, main, run, test

# kind, example, extra arguments, then by language: headings and figures
CASES = [
    ("sheet", "terrassa-ess-2019-2026", ["--item", "11", "--year", "2024"], {
        "ca": (["11 ESS als barris", "Execució", "Pressupost executat"], ["12.223,69 €", "120.000,00 €", "10,19 %"]),
        "es": (["11 ESS als barris", "Ejecución", "Presupuesto ejecutado"], ["12.223,69 €", "120.000,00 €", "10,19 %"]),
        "en": (["11 ESS als barris", "Execution", "Executed budget"], ["€12,223.69", "€120,000.00", "10.19%"]),
    }),
    ("annual", "terrassa-ess-2019-2026", [], {
        "ca": (["Informe de seguiment 2024", "Pressupost", "Indicadors"], ["12.223,69 €", "120.000,00 €", "10,19 %"]),
        "es": (["Informe de seguimiento 2024", "Presupuesto", "Indicadores"], ["12.223,69 €", "120.000,00 €", "10,19 %"]),
        "en": (["Follow-up report 2024", "Budget", "Indicators"], ["€12,223.69", "€120,000.00", "10.19%"]),
    }),
    ("workplan", "xmess-2017-2019", [], {
        "ca": (["Pla de treball 2017–2019", "Calendari"], ["I AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI"]),
        "es": (["Plan de trabajo 2017–2019", "Calendario"], ["I AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI"]),
        "en": (["Work plan 2017–2019", "Calendar"], ["I AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI"]),
    }),
    ("participation", "barcelona-espai-ess", [], {
        "ca": (["Participació"], ["El pla no té cap procés participatiu."]),
        "es": (["Participación"], ["El plan no tiene procesos participativos."]),
        "en": (["Participation"], ["The plan has no participatory processes."]),
    }),
]

BODY = {".odt": "content.xml", ".docx": "word/document.xml"}


def flat(text):
    """Whitespace (no-break spaces included) as single spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def xml_text(xml):
    """The words of an XML part, tags left out."""
    out, inside = [], False
    for c in xml:
        if c == "<":
            inside = True
            out.append(" ")
        elif c == ">":
            inside = False
        elif not inside:
            out.append(c)
    return flat("".join(out).replace("&apos;", "'").replace("&quot;", '"').replace("&amp;", "&"))


def make(d, plans, kind, name, extra, lang, suffix):
    out = d / f"{kind}-{lang}{suffix}"
    run("report", plans[name], "--kind", kind, "--lang", lang, *extra, "--out", out)
    return out


def plans_in(d):
    return {name: example(d, name) for name in {case[1] for case in CASES}}


@test
def every_kind_in_three_languages():
    with Dir() as d:
        plans = plans_in(d)
        for kind, name, extra, langs in CASES:
            for lang, (headings, figures) in langs.items():
                for suffix, body in BODY.items():
                    out = make(d, plans, kind, name, extra, lang, suffix)
                    with zipfile.ZipFile(out) as z:
                        names = z.namelist()
                        xml = z.read(body).decode()
                        if suffix == ".odt":
                            # the mimetype first and stored
                            assert names[0] == "mimetype", names
                            assert z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
                            assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
                            assert "<text:h " in xml and 'text:outline-level="1"' in xml, (kind, lang)
                        else:
                            assert "[Content_Types].xml" in names, names
                            assert '<w:pStyle w:val="Heading1"/>' in xml, (kind, lang)
                        assert z.testzip() is None
                    text = xml_text(xml)
                    for words in headings + figures:
                        assert words in text, (kind, lang, suffix, words)


@test
def suffix_chooses_the_format():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        for name, magic in [("a.pdf", b"%PDF"), ("b.odt", b"PK"), ("c.docx", b"PK"), ("D.ODT", b"PK")]:
            run("report", path, "--kind", "annual", "--out", d / name)
            with open(d / name, "rb") as f:
                assert f.read(4).startswith(magic), name
        for name in ["x.png", "x.doc", "x"]:
            err = run("report", path, "--kind", "annual", "--out", d / name, expect=2).stderr
            assert ".pdf, .odt or .docx" in err, err
            assert not os.path.exists(d / name)
        # the plan itself is never overwritten, whatever the suffix
        docx_plan = d / "plan.docx"
        shutil.copyfile(path, docx_plan)
        before = open(docx_plan, "rb").read()
        err = run("report", docx_plan, "--kind", "annual", "--out", docx_plan, expect=2).stderr
        assert "the file being read" in err, err
        assert open(docx_plan, "rb").read() == before


def soffice():
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        if os.environ.get("CI") == "true":
            raise AssertionError("LibreOffice (soffice) is missing; CI must install libreoffice-writer-nogui")
        raise Skip("LibreOffice (soffice) is not installed")
    return program


def to_pdf(program, files, outdir):
    """LibreOffice prints files to PDF in outdir, with a profile of its own."""
    profile = tempfile.mkdtemp(prefix="fita-lo-profile-")
    try:
        proc = subprocess.run([program, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                               "--convert-to", "pdf", "--outdir", outdir, *files],
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "HOME": profile})
        assert proc.returncode == 0, (proc.stdout, proc.stderr)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@test
def libreoffice_opens_them():
    program = soffice()
    with Dir() as d:
        plans = plans_in(d)
        for suffix in BODY:
            files = [make(d, plans, kind, name, extra, "ca", suffix) for kind, name, extra, _ in CASES]
            outdir = d / ("pdf" + suffix.replace(".", "-"))
            to_pdf(program, files, outdir)
            for (kind, name, extra, langs), source in zip(CASES, files):
                pdf = os.path.join(outdir, os.path.basename(source).rsplit(".", 1)[0] + ".pdf")
                assert os.path.exists(pdf), (source, os.listdir(outdir))
                text = flat(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True,
                                           check=True).stdout)
                headings, figures = langs["ca"]
                for words in headings + figures:
                    assert words in text, (kind, suffix, words)
                # the running footer's fields, filled in by the word processor
                assert "Pàgina 1 de " in text, (kind, suffix)
                if kind in ("annual", "workplan"):
                    # the charts and the calendar are there as pictures
                    images = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True,
                                            check=True).stdout.splitlines()[2:]
                    assert images, (kind, suffix)


if __name__ == "__main__":
    sys.exit(main())
