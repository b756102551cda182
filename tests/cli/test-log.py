#!/usr/bin/env python3
"""fita-cli log: who changed what, as text and as JSON; --author on the
commands that change a plan; --item; the log goes with the plan's JSON
export and comes back with its import; usage errors (TAP output)."""

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
    """A plan made from a JSON starts with the history the JSON carries,
    then its own making, by its author, from the file."""
    with Dir() as d:
        source = d / "plan.json"
        run("export", example(d, "xmess-2017-2019"), "--format", "json", "--output", source)
        path = d / "imported.fita"
        run("import", path, source, "--author", "Anna Puig")
        changes = log_json(path)
        assert len(changes) == 2, changes
        assert changes[0]["author"] == "Anna Puig" and changes[0]["source"] == "plan.json", changes
        assert changes[1]["label"] == "Create Plan" and changes[1]["source"] is None, changes
        assert "Anna Puig (plan.json)  Create Plan" in run("log", path).stdout


@test
def exported_with_the_plan():
    """The JSON export carries the log (format version 3); imported, every
    change comes back, an item's history with its item, and an export of
    the new file is the first one with the import's change after it."""
    with Dir() as d:
        path = example(d, "terrassa-ess-2019-2026")
        run("set", path, "11.3", "progress=50", "--author", "Anna Puig")
        run("set", path, "11.2", "title=Nou títol", "--author", "Joan Roca")
        run("year", "close", path, "2024", "--author", "Montse")
        out = d / "p.json"
        run("export", path, "--format", "json", "--output", out)
        with open(out, encoding="utf-8") as f:
            exported = json.load(f)
        assert exported["format_version"] == 3
        assert [c["author"] for c in exported["change_log"]][1:] == ["Anna Puig", "Joan Roca", "Montse"], exported
        assert exported["change_log"][1]["entries"] == [
            {"kind": "updated", "table": "item", "item": "11.3", "field": "progress", "old": "0", "new": "50"}]
        closure = exported["year_closures"][0]
        assert closure["year"] == 2024 and closure["closed_by"] == "Montse"
        # a snapshot is the plan as it stood, without history
        assert closure["snapshot"]["format"] == "fita" and closure["snapshot"]["plan"]["uuid"] == exported["plan"]["uuid"]
        assert "change_log" not in closure["snapshot"] and "year_closures" not in closure["snapshot"]
        assert "snapshot" not in json.dumps(exported["change_log"])

        copy = d / "copy.fita"
        run("import", copy, out, "--author", "Pere")
        assert log_json(copy, "--item", "11.3") == log_json(path, "--item", "11.3")
        assert log_json(copy)[1:] == log_json(path)
        again = json.loads(run("export", copy, "--format", "json").stdout)
        assert again["change_log"][:-1] == exported["change_log"]
        assert again["change_log"][-1]["author"] == "Pere"
        again.pop("change_log"), exported.pop("change_log")
        assert again == exported
        assert run("year", "list", copy).stdout == run("year", "list", path).stdout


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
        # what schema 2 did not have: the log, the closures, the plan's uuid
        db.executescript("DROP TABLE change_log_entry; DROP TABLE change_log; DROP TABLE year_closure;"
                         "ALTER TABLE plan DROP COLUMN uuid; PRAGMA user_version = 2;")
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
