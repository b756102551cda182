#!/usr/bin/env python3
"""What fita-cli writes: every output is atomic, refuses its own input and
special files, checks every write, and terminal output cannot carry control
sequences from a plan (TAP output)."""

import json
import os
import sqlite3
import subprocess
import sys

from clitest import CLI, Dir, example, main, run, sha, test


@test
def write_errors_on_stdout_fail():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        for args in (["export", path, "--format", "json"], ["show", path], ["show", path, "--json"],
                     ["stats", path, "--json"], ["check", path]):
            with open("/dev/full", "w") as full:
                proc = subprocess.run([CLI, *args], stdout=full, stderr=subprocess.PIPE, text=True)
            assert proc.returncode == 2, (args, proc.returncode, proc.stderr)
            assert "No space left on device" in proc.stderr, (args, proc.stderr)
            assert proc.stderr.count("fita-cli:") == 1, proc.stderr


@test
def outputs_refuse_their_own_input():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        before = sha(path)
        source = d / "p.json"
        run("export", path, "--format", "json", "-o", source)
        for args in (["export", path, "--format", "json", "-o", path],
                     ["report", path, "--kind", "annual", "--out", path],
                     ["chart", path, "--kind", "planned-executed", "--out", path],
                     ["timeline", path, "--out", path],
                     ["import", "--force", "--format", "json", source, source]):
            err = run(*args, expect=2).stderr
            assert "fita-cli: " in err and "replace" in err or "end in" in err, (args, err)
        assert sha(path) == before
        # through a link to the plan, too
        os.symlink(path, d / "link.json")
        run("export", path, "--format", "json", "-o", d / "link.json", expect=2)
        assert sha(path) == before


@test
def outputs_refuse_special_files_and_write_through_links():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        err = run("export", path, "--format", "json", "-o", "/dev/null", expect=2).stderr
        assert "not an ordinary file" in err, err
        run("export", path, "--format", "json", "-o", d.path, expect=2)
        os.mkfifo(d / "fifo.json")
        run("export", path, "--format", "json", "-o", d / "fifo.json", expect=2)
        # a link is written through: it stays a link, its target gets the content
        with open(d / "target.json", "w") as f:
            f.write("old")
        os.symlink("target.json", d / "link.json")
        run("export", path, "--format", "json", "-o", d / "link.json")
        assert os.path.islink(d / "link.json")
        assert json.load(open(d / "target.json"))["format"] == "fita"
        # and its mode is kept
        os.chmod(d / "target.json", 0o640)
        run("chart", path, "--kind", "planned-executed", "--out", d / "c.svg")
        run("export", path, "--format", "json", "-o", d / "target.json")
        assert os.stat(d / "target.json").st_mode & 0o777 == 0o640
        assert sorted(f for f in os.listdir(d.path) if f.startswith(".")) == []


@test
def stale_temporary_files_are_removed():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        # left by runs killed before they finished (pid 1 is alive: its file stays)
        dead = 2 ** 22 + 12345
        for name in (f".out.json.{dead}.fita-part", f".new.fita.import-{dead}", ".out.json.1.fita-part"):
            with open(d / name, "w") as f:
                f.write("x" * 1000)
        run("export", path, "--format", "json", "-o", d / "out.json")
        run("import", "--format", "json", d / "new.fita", d / "out.json")
        left = sorted(f for f in os.listdir(d.path) if f.startswith("."))
        assert left == [".out.json.1.fita-part"], left


@test
def control_characters_are_refused_and_never_reach_the_terminal():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        before = sha(path)
        hostile = "Hola \x1b]0;PWNED\x07 \x1b[2J fi \u009b31m \uffff"
        err = run("set", path, "11.1", "title=" + hostile, expect=2).stderr
        assert "control character" in err and "\x1b" not in err and "\x07" not in err, err
        assert sha(path) == before
        # text from the command line is shown safely too
        err = run("stats", path, "--item", "\x1b[2J\u009b", expect=2).stderr
        assert "\x1b" not in err and "\u009b" not in err and "\ufffd[2J" in err, err
        # a file that holds them anyway (written behind Fita's back) is damaged
        db = sqlite3.connect(path)
        db.execute("UPDATE item SET title = ? WHERE code = '11.1'", (hostile,))
        db.commit()
        db.close()
        for args in (["show", path], ["stats", path], ["export", path, "--format", "json"], ["check", path]):
            proc = run(*args, expect=2)
            assert "damaged" in proc.stderr and "11.1" in proc.stderr, proc.stderr
            assert "\x1b" not in proc.stdout + proc.stderr, proc.stderr


if __name__ == "__main__":
    sys.exit(main())
