#!/usr/bin/env python3
"""fita-cli timeline of a large plan: a paged PDF (A4 and A3, landscape or
portrait, whole rows, the header on every page, "Page N of M"), PNG tiles
under cairo's size limit, ranges of rows and years, bad ranges (TAP)."""

import os
import re
import struct
import subprocess
import sys

from clitest import Dir, Skip, main, run, test

N_ITEMS = 5000


def plan(d):
    path = d / "plan5000.fita"
    run("bench", "--items", str(N_ITEMS), "--write", path)
    return path


def pdfinfo(path, page=None):
    args = ["pdfinfo"] + (["-f", str(page), "-l", str(page)] if page else []) + [path]
    try:
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        raise Skip("no pdfinfo")
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    size = re.search(r"Page(?:\s+\d+)? size:\s+([\d.]+) x ([\d.]+) pts", out)
    return pages, (float(size.group(1)), float(size.group(2)))


def page_text(path, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-"],
                          capture_output=True, text=True, check=True).stdout


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    assert head[12:16] == b"IHDR", path
    return struct.unpack(">II", head[16:24])


@test
def paged_pdf_a4_and_a3():
    with Dir() as d:
        path = plan(d)
        pages = {}
        for paper, size in (("a4", (841.89, 595.276)), ("a3", (1190.55, 841.89))):
            out = d / f"t-{paper}.pdf"
            assert run("timeline", path, "--out", out, "--page", paper, "--lang", "en").stdout == ""
            n, (w, h) = pdfinfo(out)
            assert abs(w - size[0]) < 1 and abs(h - size[1]) < 1, (paper, w, h)
            # every page the same size: the last one too
            assert pdfinfo(out, n)[1] == (w, h)
            assert n > 1, n
            pages[paper] = n
            # the footer counts them; page 2 repeats the header of years and the item column
            assert f"Page 1 of {n}" in page_text(out, 1)
            second = page_text(out, 2)
            assert f"Page 2 of {n}" in second, second
            assert re.search(r"\b20[23]\d\b", second), second
            assert "Item" in second, second
            assert f"Page {n} of {n}" in page_text(out, n)
        # a bigger page holds more
        assert pages["a3"] < pages["a4"], pages
        # pages are bands of whole rows (times strips of years): one row
        # more than fits on the pages of one band makes one band more
        one = d / "one.pdf"
        run("timeline", path, "--out", one, "--rows", "1:1")
        strips = pdfinfo(one)[0]
        assert pages["a4"] % strips == 0, (pages, strips)
        bands = pages["a4"] // strips
        per_page = -(-N_ITEMS // bands)
        for rows, expected in ((per_page, 1), (per_page * 2, 2)):
            part = d / f"rows-{rows}.pdf"
            run("timeline", path, "--out", part, "--rows", f"1:{rows}")
            n = pdfinfo(part)[0]
            assert n in (expected * strips, (expected + 1) * strips), (rows, n, strips)
        # portrait: upright pages
        run("timeline", path, "--out", d / "p.pdf", "--portrait")
        n, (w, h) = pdfinfo(d / "p.pdf")
        assert abs(w - 595.276) < 1 and abs(h - 841.89) < 1, (w, h)


@test
def png_tiles():
    with Dir() as d:
        path = plan(d)
        out = d / "t.png"
        files = run("timeline", path, "--out", out).stdout.split("\n")[:-1]
        assert len(files) > 1, files
        assert files == [d / f"t-{i:03d}.png" for i in range(1, len(files) + 1)], files
        assert not os.path.exists(out)
        widths = set()
        for f in files:
            w, h = png_size(f)
            assert 0 < h <= 8000 and 0 < w <= 32767, (f, w, h)
            widths.add(w)
        assert len(widths) == 1, widths
        # a range of rows and years: one picture, narrower
        small = d / "small.png"
        assert run("timeline", path, "--out", small, "--rows", "10:40", "--years", "2021:2022").stdout == ""
        w, h = png_size(small)
        assert w < min(widths) and h < 8000, (w, h)
        # --tiles even when one would do
        forced = run("timeline", path, "--out", d / "f.png", "--rows", ":30", "--tiles").stdout.split()
        assert forced == [d / "f-001.png"], forced
        # SVG tiles too
        svgs = run("timeline", path, "--out", d / "t.svg").stdout.split()
        assert len(svgs) > 1 and all(s.endswith(".svg") and os.path.getsize(s) > 0 for s in svgs), svgs


@test
def bad_ranges():
    with Dir() as d:
        path = plan(d)
        for args in (["--rows", "0:10"], ["--rows", "10:5"], ["--rows", "1-10"], ["--rows", "x"],
                     ["--rows", f"1:{N_ITEMS + 1}"], ["--years", "1990:1991"], ["--years", "2030:2020"],
                     ["--page", "a5"]):
            err = run("timeline", path, "--out", d / "x.pdf", *args, expect=2).stderr
            assert err.startswith("fita-cli: "), (args, err)
            assert not os.path.exists(d / "x.pdf"), args
        err = run("timeline", path, "--out", d / "x.pdf", "--rows", f"1:{N_ITEMS + 1}", expect=2).stderr
        assert f"from 1 to {N_ITEMS}" in err, err


if __name__ == "__main__":
    sys.exit(main())
