#!/usr/bin/env python3
"""fita-cli with shared plans on a real PostgreSQL 15 server, started by
tests/pg/pgcluster.py: server init/migrate/grant/plans/drop, push and pull
of every example (lossless), every command that takes a FILE taking a
shared plan's address, exit codes, and the server's own enforcement of who
may do what, also against raw SQL through a role's own connection (TAP)."""

import json
import os
import subprocess
import sys

from clitest import EXAMPLES, Dir, example, main, run, test

BASE = os.environ.get("FITA_TEST_PG_URI")
PGCLUSTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg", "pgcluster.py")


def uri(plan, role="fita_admin"):
    host = os.environ["FITA_TEST_PG_HOST"]
    port = os.environ["FITA_TEST_PG_PORT"]
    return f"postgresql:///fita?host={host}&port={port}&user={role}&plan={plan}"


def psql(role, sql, expect=0):
    proc = subprocess.run([sys.executable, PGCLUSTER, "psql", role, sql], capture_output=True, text=True)
    assert proc.returncode == expect, f"psql as {role}: {sql}: exit {proc.returncode}\n{proc.stderr}"
    return proc


def export_json(location):
    return json.loads(run("export", location, "--format", "json").stdout)


@test
def init_and_migrate_are_idempotent():
    run("server", "init", BASE)
    done = run("server", "init", BASE).stderr
    assert "nothing was changed" in done, done
    again = run("server", "migrate", BASE).stderr
    assert "up to date (version 1)" in again, again
    # a database from a newer Fita is refused and left alone
    psql("fita_admin", "UPDATE fita.meta SET schema_version = 42")
    refused = run("server", "migrate", BASE, expect=2).stderr
    assert "newer version of Fita" in refused, refused
    psql("fita_admin", "UPDATE fita.meta SET schema_version = 1")
    assert run("server", "init", "not-a-uri", expect=2).returncode == 2


@test
def push_and_pull_every_example():
    with Dir() as d:
        for name in EXAMPLES:
            path = example(d, name)
            pushed = run("push", path, uri(name)).stderr
            assert "copied to postgresql:///fita" in pushed, pushed
            pulled = d / (name + "-pulled.fita")
            run("pull", uri(name), pulled)
            # lossless: the same document, log and closed years included
            assert export_json(path) == export_json(pulled)
            assert export_json(uri(name)) == export_json(path)
        listed = run("server", "plans", BASE).stdout.split()
        assert sorted(EXAMPLES) == sorted(n for n in listed if n in EXAMPLES)
        # a name already taken; the wrong way round
        refused = run("push", d / "xmess-2017-2019.fita", uri("xmess-2017-2019"), expect=2).stderr
        assert "already a plan" in refused, refused
        run("push", uri("xmess-2017-2019"), d / "x.fita", expect=2)
        run("pull", d / "x.fita", uri("x"), expect=2)


@test
def commands_take_an_address():
    with Dir() as d:
        run("push", example(d, "terrassa-ess-2019-2026"), uri("cmds"))
        shared = uri("cmds")
        assert "Terrassa" in run("show", shared).stdout
        assert "no problems found" in run("check", shared).stdout
        run("set", shared, "11.3", "progress=25", "--author", "ignored")
        assert json.loads(run("stats", shared, "--item", "11.3", "--json").stdout)["progress"] == 25
        # a status that says 0 % beside a progress of 25 %: found on the server too
        found = run("check", shared, expect=1).stdout
        assert "11.3: its status “No iniciat” means 0 %" in found, found
        run("report", shared, "--kind", "sheet", "--item", "11", "--out", d / "sheet.pdf")
        assert os.path.getsize(d / "sheet.pdf") > 1000
        run("timeline", shared, "--out", d / "t.png")
        # who changed it: the PostgreSQL role, not the name given
        log = run("log", shared).stdout.splitlines()
        assert "fita_admin" in log[0] and "Set progress" in log[0], log[0]
        # new plans and imports straight onto the server
        run("new", uri("brand-new"), "--title", "Pla nou")
        assert "Pla nou" in run("show", uri("brand-new")).stdout
        with open(d / "plan.json", "w", encoding="utf-8") as f:
            f.write(run("export", d / "terrassa-ess-2019-2026.fita", "--format", "json").stdout)
        run("import", uri("imported"), "--format", "json", d / "plan.json")
        assert export_json(uri("imported"))["items"] == export_json(d / "terrassa-ess-2019-2026.fita")["items"]
        run("import", uri("imported"), "--format", "json", d / "plan.json", expect=2)
        # the yearly round on a shared plan
        closed = run("year", "close", uri("imported"), "2024").stdout
        assert "The year followed up is now 2025." in closed, closed
        run("forms", uri("imported"), "--format", "ods", "--out", d / "forms")
        assert os.listdir(d / "forms") == ["2025 - Servei d'Emprenedoria i Economia Social.ods"]
        # no such plan: its neighbours named; no plan named at all
        missing = run("show", uri("nope"), expect=2).stderr
        assert "There is no plan “nope”" in missing and "cmds" in missing, missing
        run("show", BASE, expect=2)


@test
def who_may_do_what_is_the_servers():
    with Dir() as d:
        run("push", example(d, "xmess-2017-2019"), uri("rls"))
        psql("fita_admin", "CREATE ROLE anna LOGIN; CREATE ROLE jordi LOGIN; CREATE ROLE marta LOGIN; CREATE ROLE pere LOGIN")
        out = run("server", "grant", uri("rls"), "anna", "--coordinator").stderr
        assert "anna coordinates the plan" in out, out
        run("server", "grant", uri("rls"), "jordi", "--agent", "Comissió promotora")
        run("server", "grant", uri("rls"), "marta", "--reader")
        bad = run("server", "grant", uri("rls"), "marta", "--agent", "Ningú", expect=2).stderr
        assert "no agent named “Ningú”" in bad, bad
        run("server", "grant", uri("rls"), "ghost", "--reader", expect=2)
        run("server", "grant", uri("rls"), "marta", expect=2)
        run("server", "grant", uri("rls"), "marta", "--reader", "--coordinator", expect=2)

        run("set", uri("rls", "anna"), "I.1.1", "title=Renamed by the coordinator")
        run("set", uri("rls", "jordi"), "III.3.1", "progress=55")
        refused = run("set", uri("rls", "jordi"), "I.1.1", "progress=10", expect=2).stderr
        assert "only the follow-up of the items Comissió promotora answers for" in refused, refused
        run("set", uri("rls", "jordi"), "III.3.1", "title=Not his to change", expect=2)
        reader = run("set", uri("rls", "marta"), "I.1.1", "progress=10", expect=2).stderr
        assert "read this shared plan but not change it" in reader, reader
        outsider = run("show", uri("rls", "pere"), expect=2).stderr
        assert "may not open the plan" in outsider, outsider

        # the same rules hold for raw SQL through the role's own connection
        schema = psql("fita_admin", "SELECT 'fita_plan_' || id FROM fita.plan WHERE name = 'rls'").stdout.strip()
        psql("jordi", f"UPDATE {schema}.item SET progress = 100 WHERE code = 'I.1.1'")   # hidden: no row changes
        psql("jordi", f"UPDATE {schema}.item SET title = 'x' WHERE code = 'III.3.1'", expect=1)
        psql("jordi", f"DELETE FROM {schema}.item WHERE code = 'III.3.1'")                # hidden too
        psql("jordi", f"INSERT INTO {schema}.level (id, name) VALUES (999999, 'x')", expect=1)
        psql("marta", f"UPDATE {schema}.item SET progress = 1", expect=1)
        psql("pere", f"SELECT count(*) FROM {schema}.item", expect=1)
        # nobody reads who else has access
        assert psql("jordi", "SELECT string_agg (role, ',') FROM fita.access").stdout.strip() == "jordi"
        psql("jordi", f"UPDATE {schema}.item SET progress = 6000 WHERE code = 'III.3.1'")
        after = export_json(uri("rls"))
        def find(items, code):
            for i in items:
                if i["code"] == code:
                    return i
                found = find(i.get("children", []), code)
                if found:
                    return found
        assert "progress" not in find(after["items"], "I.1.1")
        assert find(after["items"], "I.1.1")["title"] == "Renamed by the coordinator"
        assert find(after["items"], "III.3.1")["progress"] == 60
        log = run("log", uri("rls")).stdout
        assert "jordi" in log and "anna" in log


@test
def wrong_password_and_tls():
    with Dir() as d:
        run("push", example(d, "xmess-2017-2019"), uri("pw"))
        role = os.environ["FITA_TEST_PG_PASSWORD_USER"]
        run("server", "grant", uri("pw"), role, "--reader")
        env = dict(os.environ)
        env.pop("PGPASSWORD", None)
        proc = subprocess.run([sys.argv[1], "show", uri("pw", role)], capture_output=True, text=True,
                              env={**env, "LC_ALL": "C.UTF-8"})
        assert proc.returncode == 2 and "PGPASSWORD" in proc.stderr, proc.stderr
        proc = subprocess.run([sys.argv[1], "show", uri("pw", role)], capture_output=True, text=True,
                              env={**env, "LC_ALL": "C.UTF-8", "PGPASSWORD": "wrong"})
        assert proc.returncode == 2 and "refused the password" in proc.stderr, proc.stderr
        proc = subprocess.run([sys.argv[1], "show", uri("pw", role)], capture_output=True, text=True,
                              env={**env, "LC_ALL": "C.UTF-8", "PGPASSWORD": os.environ["FITA_TEST_PG_PASSWORD"]})
        assert proc.returncode == 0, proc.stderr
        # a password in the address is never printed back
        secret = uri("pw", role).replace("postgresql://", f"postgresql://{role}:s3cret@", 1)
        proc = subprocess.run([sys.argv[1], "show", secret], capture_output=True, text=True,
                              env={**env, "LC_ALL": "C.UTF-8"})
        assert proc.returncode == 2 and "s3cret" not in proc.stderr, proc.stderr

        port = os.environ["FITA_TEST_PG_TLS_PORT"]
        tls = f"postgresql://localhost:{port}/fita?user=fita_admin&plan=pw"
        refused = run("show", tls, expect=2).stderr
        assert "could not prove who it is" in refused, refused
        run("show", tls + "&sslrootcert=" + os.environ["FITA_TEST_PG_WRONG_CA"], expect=2)
        run("show", tls + "&sslrootcert=" + os.environ["FITA_TEST_PG_TLS_CA"])


@test
def drop():
    with Dir() as d:
        run("push", example(d, "xmess-2017-2019"), uri("gone"))
        run("server", "drop", uri("gone"))
        run("show", uri("gone"), expect=2)
        run("server", "drop", uri("gone"), expect=2)


if __name__ == "__main__":
    if BASE is None:
        print("1..0 # SKIP no PostgreSQL server (run through tests/pg/pgcluster.py)")
        sys.exit(0)
    sys.exit(main())
