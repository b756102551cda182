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


@test
def damaged_files_are_refused_with_the_reason():
    """Values a damaged (or hand-edited) file holds are checked on loading,
    never trusted: each case is refused by every reading command, with a
    message that names the record, and the file is not changed."""
    cases = [
        ("UPDATE item SET status_id = 999 WHERE code = '11.1'", "11.1", "status 999"),
        ("UPDATE item SET level_id = 777 WHERE code = '11.2'", "11.2", "level 777"),
        ("UPDATE item SET parent_id = id WHERE code = '11'", "11", "inside itself"),
        ("UPDATE item SET parent_id = (SELECT id FROM item WHERE code = '11.1') WHERE code = '11'", "11", "inside itself"),
        ("UPDATE item SET position = 40 WHERE code = '11.3'", "11.3", "place in its list"),
        ("UPDATE item SET title = NULL WHERE code = '11.4'", None, None),   # a title is optional
        ("UPDATE level SET name = '' WHERE position = 0", "level", "name"),
        ("UPDATE budget_line SET planned_cents = 9223372036854775807", "budget line", "more than Fita keeps"),
        ("UPDATE item SET start_year = 99999 WHERE code = '11.1'", "11.1", "year"),
        ("UPDATE item SET weight = 100000000 WHERE code = '11.1'", "11.1", "weight"),
        ("UPDATE item SET title = CAST(x'ff41' AS TEXT) WHERE code = '11.5'", "11.5", "UTF-8"),
        ("UPDATE item SET semesters = '2019-1 2018-2' WHERE code = '11.5'", "11.5", "out of order"),
        ("UPDATE budget_line SET item_id = 4242", "budget line", "item 4242"),
    ]
    with Dir() as d:
        for i, (sql, where, what) in enumerate(cases):
            path = d / f"case{i}.fita"
            run("example", "terrassa-ess-2019-2026", path)
            db = sqlite3.connect(path)
            db.execute("PRAGMA foreign_keys = OFF")
            db.execute("PRAGMA ignore_check_constraints = ON")
            db.execute(sql)
            db.commit()
            db.close()
            before = sha(path)
            if where is None:
                run("show", path)
                continue
            for args in (["show", path], ["stats", path, "--item", "11"], ["export", path, "--format", "json"],
                         ["check", path], ["report", path, "--kind", "sheet", "--item", "11", "--out", d / "r.pdf"],
                         ["set", path, "11.5", "title=Nou"]):
                err = run(*args, expect=2).stderr
                assert "damaged" in err and where in err and what in err, (sql, args, err)
            assert sha(path) == before, sql


@test
def hostile_json_is_refused():
    with Dir() as d:
        def refused(text, *words):
            source = d / "h.json"
            with open(source, "w") as f:
                f.write(text)
            err = run("import", d / "h.fita", "--format", "json", source, expect=2).stderr
            for w in words:
                assert w in err, (text[:80], err)
            assert not os.path.exists(d / "h.fita")

        head = '{"format": "fita", "format_version": 2, "plan": {"title": "T"}, '
        refused("", "empty")
        refused("   \n", "empty")
        refused("//", "empty")
        refused('{"format_version": -1, "plan": {"title": "T"}}', "format_version")
        refused(head + '"items": [{"code": "1", "planned_total_cents": 18446744073709551621}]}',
                "planned_total_cents", "18446744073709551621")
        refused(head + '"items": [{"code": "1", "planned_total_cents": -9223372036854775808}]}',
                "planned_total_cents")
        refused(head + '"items": [{"code": "1", "planned_total_cents": 1000000000000001}]}',
                "more than Fita keeps")
        refused(head + '"items": [{"code": "1", "title": "a\\u0000b"}]}', "title", "control character")
        refused(head + '"items": [{"code": "1", "title": "a\\uffff"}]}', "title", "noncharacter")
        refused(head + '"items": [{"code": "1", "semesters": "2017-1 2018-2"}]}', "semesters")
        refused(head + '"items": [{"code": "1", "title": "' + "x" * 100001 + '"}]}', "too long")
        # 30 000 levels: refused before the parser recurses that deep
        deep = head + '"items": ' + '[{"code": "x", "children": ' * 30000 + '[]' + '}]' * 30000 + '}'
        refused(deep, "nested too deeply")
        # 70 levels of real items: deeper than a plan may be
        nested = {"code": "0", "title": "t"}
        for level in range(70):
            nested = {"code": str(level + 1), "title": "t", "children": [nested]}
        refused(json.dumps({"format": "fita", "format_version": 2, "plan": {"title": "T"}, "items": [nested]}),
                "nested")
        # invalid UTF-8
        with open(d / "bad.json", "wb") as f:
            f.write(head.encode() + b'"items": [{"code": "1", "title": "\xff\xfe"}]}')
        run("import", d / "h.fita", "--format", "json", d / "bad.json", expect=2)


@test
def special_files_never_block():
    with Dir() as d:
        os.mkfifo(d / "plan.fita")
        os.mkfifo(d / "plan.json")
        for args in (["show", d / "plan.fita"], ["stats", d / "plan.fita"],
                     ["import", d / "x.fita", "--format", "json", d / "plan.json"]):
            proc = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=20,
                                  env={**os.environ, "LANGUAGE": "", "LC_ALL": "C.UTF-8"})
            assert proc.returncode == 2 and "fita-cli:" in proc.stderr, (args, proc.stderr)
        run("show", "/dev/zero", expect=2)
        run("show", d.path, expect=2)


@test
def a_reading_command_recovers_a_change_left_half_made():
    """A writer killed in the middle of a change leaves a hot journal: the
    next reading command rolls it back and says so."""
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        script = (
            "import sqlite3, os, signal\n"
            f"db = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "db.execute('PRAGMA cache_size = 1')\n"
            "db.execute('BEGIN IMMEDIATE')\n"
            "db.execute(\"UPDATE item SET title = 'Mai desat'\")\n"
            "db.execute(\"UPDATE item SET notes = hex(randomblob(3000))\")\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
        subprocess.run([sys.executable, "-c", script])
        assert os.path.exists(str(path) + "-journal")
        proc = run("show", path)
        assert "Mai desat" not in proc.stdout and "11  ESS als barris" in proc.stdout
        assert "half-made" in proc.stderr, proc.stderr
        assert not os.path.exists(str(path) + "-journal")
        assert "half-made" not in run("show", path).stderr


@test
def a_damaged_file_is_never_written():
    """Storage damage that reading does not touch (an index page): reading
    commands still show the plan, but nothing writes to it."""
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        db = sqlite3.connect(path)
        page = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_chapter_1'").fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
        db.close()
        with open(path, "r+b") as f:
            f.seek((page - 1) * size)
            f.write(b"\xff" * 16)
        before = sha(path)
        assert "ESS als barris" in run("show", path).stdout
        for args in (["set", path, "11.1", "title=x"], ["check", path]):
            err = run(*args, expect=2).stderr
            assert "damaged" in err and "backup" in err, (args, err)
        assert sha(path) == before


if __name__ == "__main__":
    sys.exit(main())
