"""Shared helpers for fita-cli's tests: run the program, temporary folders,
example plans, and a TAP runner."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback

CLI = sys.argv[1]
TESTS = []


def test(func):
    TESTS.append(func)
    return func


def run(*args, expect=0, stdin=None):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True, input=stdin,
                          env={**os.environ, "LANGUAGE": "", "LC_ALL": "C.UTF-8"})
    if proc.returncode != expect:
        raise AssertionError(f"fita-cli {' '.join(map(str, args))}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
    return proc


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Dir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="fita-cli-test-")
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.path)

    def __truediv__(self, name):
        return os.path.join(self.path, name)


EXAMPLES = ["barcelona-espai-ess", "barcelona-impulsem-2016-2021", "terrassa-ess-2019-2026",
            "terrassa-serveis-socials-2023-2027", "xmess-2017-2019"]


def example(d, name):
    path = d / (name + ".fita")
    run("example", name, path)
    return path


def import_plan(d, plan, name="p"):
    """A .fita file made from a JSON plan (a dict)."""
    source = d / (name + ".json")
    with open(source, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    path = d / (name + ".fita")
    run("import", path, "--format", "json", source)
    return path


def stats(*args):
    return json.loads(run("stats", *args, "--json").stdout)


def pdf_text(path, layout=False):
    """The PDF's text; by default flattened to single spaces, since table
    cells wrap their words over several lines."""
    # -raw: text in the order it was drawn, a table cell at a time
    args = ["pdftotext", "-layout", path, "-"] if layout else ["pdftotext", "-raw", path, "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    out = out.replace("\u00a0", " ")
    return out if layout else " ".join(out.split())


class Skip(Exception):
    """Raised by a test that cannot run here (a program missing): TAP's
    "ok N name # SKIP why"."""


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for i, func in enumerate(TESTS, 1):
        try:
            func()
            print(f"ok {i} {func.__name__}")
        except Skip as why:
            print(f"ok {i} {func.__name__} # SKIP {why}")
        except Exception:
            failed += 1
            print(f"not ok {i} {func.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    return 1 if failed else 0


