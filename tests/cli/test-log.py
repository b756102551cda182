#!/usr/bin/env python3
"""fita-cli log: who changed what, as text and as JSON; --author on the
commands that change a plan; --item; the log stays out of the JSON export;
usage errors (TAP output)."""

import getpass
import json
import pwd
import os
import re
import sqlite3
import sys

from clitest import Dir, example, main, run, test


def log_json(path, *args):
    return json.loads(run("log", path, "--json", *args).stdout)


@test
def created_by_author():
    with Dir() as d:
        path = d / "p.fita"
        run("new", path, "--title", "Pla", "--author", "Anna Puig")
        changes = log_json(path)
        assert len(changes) == 1, changes
        assert changes[0]["author"] == "Anna Puig"
        assert changes[0]["label"] == "Create Plan"
        assert changes[0]["source"] is None
        assert changes[0]["entries"] == []
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", changes[0]["at"]), changes[0]


@test
def set_logged_text_and_json():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        run("set", path, "11.3", "progress=50", "--author", "Anna Puig")
        run("set", path, "11.3", "title=Nou títol", "planned_total=1500", "--author", "Joan Roca")
        changes = log_json(path)
        assert [c["author"] for c in changes[:2]] == ["Joan Roca", "Anna Puig"], changes
        newest = changes[0]
        assert newest["label"] == "Set title, planned_total"
        assert {(e["field"], e["new"]) for e in newest["entries"]} == \
            {("title", "Nou títol"), ("planned_total_cents", "1500.00")}, newest
        entry = changes[1]["entries"][0]
        assert entry == {"kind": "updated", "table": "item", "record": entry["record"], "item": "11.3",
                         "field": "progress", "old": "0", "new": "50"}, entry
        # one line a change, newest first
        lines = run("log", path).stdout.splitlines()
        assert len(lines) == len(changes), lines
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d  Anna Puig  Set progress  11\.3 progress 0 → 50", lines[1]), lines
        assert "Joan Roca" in lines[0] and "Nou títol" in lines[0]


@test
def author_defaults_to_real_name():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        run("set", path, "11.3", "progress=20")
        name = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0] or getpass.getuser()
        assert log_json(path)[0]["author"] == name


@test
def item_filter():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        run("set", path, "11.3", "progress=50")
        run("set", path, "11.2", "progress=60")
        run("set", path, "11.3", "executed.2024=200")
        mine = log_json(path, "--item", "11.3")
        assert len(mine) == 2, mine
        assert all(e["item"] == "11.3" for c in mine for e in c["entries"]), mine
        assert mine[0]["entries"][0]["table"] == "budget_line"
        text = run("log", path, "--item", "11.3").stdout
        assert "11.2" not in text and text.count("\n") == 2, text
        err = run("log", path, "--item", "99.9", expect=2).stderr
        assert "99.9" in err


@test
def import_logged_with_source():
    with Dir() as d:
        source = d / "plan.json"
        run("export", example(d, "xmess-2017-2019"), "--format", "json", "--output", source)
        path = d / "imported.fita"
        run("import", path, source, "--author", "Anna Puig")
        changes = log_json(path)
        assert len(changes) == 1
        assert changes[0]["author"] == "Anna Puig" and changes[0]["source"] == "plan.json", changes
        assert "Anna Puig (plan.json)  Create Plan" in run("log", path).stdout


@test
def not_exported():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        run("set", path, "11.3", "progress=50", "--author", "Anna Puig")
        out = d / "p.json"
        run("export", path, "--format", "json", "--output", out)
        with open(out, encoding="utf-8") as f:
            assert "Anna Puig" not in f.read()


@test
def failed_set_not_logged():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        before = log_json(path)
        run("set", path, "11.3", "progress=50", "status=No such status", expect=2)
        assert log_json(path) == before


@test
def older_file_upgraded():
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        db = sqlite3.connect(path)
        db.executescript("DROP TABLE change_log_entry; DROP TABLE change_log; PRAGMA user_version = 2;")
        db.close()
        # a reading command cannot upgrade it; a change does, logged from then on
        run("set", path, "11.3", "progress=50", "--author", "Anna Puig")
        changes = log_json(path)
        assert len(changes) == 1 and changes[0]["author"] == "Anna Puig", changes


@test
def usage():
    run("log", expect=2)
    with Dir() as d:
        run("log", d / "missing.fita", expect=2)
    assert "--author" in run("set", "--help").stdout
    assert "--author" in run("import", "--help").stdout
    assert "log" in run("--help").stdout


if __name__ == "__main__":
    sys.exit(main())
