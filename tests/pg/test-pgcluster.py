#!/usr/bin/env python3
"""pgcluster.py itself (TAP output).

  test-pgcluster.py PGCLUSTER_PY cluster     run under 'pgcluster.py run':
      the environment it gives, the roles, passwords, TLS, kill and start
  test-pgcluster.py PGCLUSTER_PY lifecycle   run on its own: skipping
      without PostgreSQL, failing instead under CI=true, the command's exit
      status, and no cluster left behind after a failure or a kill
"""

import importlib.util
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback

PGCLUSTER = os.path.abspath(sys.argv[1])
spec = importlib.util.spec_from_file_location("pgcluster", PGCLUSTER)
pgcluster = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pgcluster)

TESTS = []


def test(func):
    TESTS.append(func)
    return func


def main(mode):
    tests = [t for t in TESTS if t.mode == mode]
    print(f"1..{len(tests)}", flush=True)
    failed = 0
    for n, func in enumerate(tests, 1):
        try:
            func()
            print(f"ok {n} - {func.__name__}", flush=True)
        except Exception:
            failed += 1
            print(f"not ok {n} - {func.__name__}", flush=True)
            for line in traceback.format_exc().splitlines():
                print("# " + line, flush=True)
    return 1 if failed else 0


def cluster_test(func):
    func.mode = "cluster"
    return test(func)


def lifecycle_test(func):
    func.mode = "lifecycle"
    return test(func)


# Inside a cluster

def env(name):
    return os.environ[name]


def psql_program():
    return os.path.join(pgcluster.find_bindir() or pgcluster.DEFAULT_BINDIR, "psql")


def psql(conninfo, sql, expect_ok=True, **extra_env):
    proc = subprocess.run([psql_program(), "-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql],
                          capture_output=True, text=True, env={**os.environ, **extra_env})
    if expect_ok and proc.returncode != 0:
        raise AssertionError(f"psql {conninfo!r} {sql!r}: exit {proc.returncode}\n{proc.stderr}")
    if not expect_ok and proc.returncode == 0:
        raise AssertionError(f"psql {conninfo!r} {sql!r} worked, expected a failure:\n{proc.stdout}")
    return proc


def pgcluster_command(*args, expect=0, **kwargs):
    proc = subprocess.run([sys.executable, PGCLUSTER, *args], capture_output=True, text=True, **kwargs)
    if expect is not None and proc.returncode != expect:
        raise AssertionError(f"pgcluster.py {' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
    return proc


def tls_conninfo(host, ca):
    return (f"host={host} port={env('FITA_TEST_PG_TLS_PORT')} dbname={env('FITA_TEST_PG_DB')} "
            f"user=fita_admin sslmode=verify-full sslrootcert={ca}")


@cluster_test
def environment():
    host = env("FITA_TEST_PG_HOST")
    port = env("FITA_TEST_PG_PORT")
    assert port.isdigit(), port
    assert os.path.exists(os.path.join(host, f".s.PGSQL.{port}")), "no socket in FITA_TEST_PG_HOST"
    assert env("FITA_TEST_PG_DB") == "fita"
    assert env("FITA_TEST_PG_URI") == f"postgresql:///fita?host={host}&port={port}&user=fita_admin", \
        env("FITA_TEST_PG_URI")
    assert env("FITA_TEST_PG_PASSWORD_USER") == "fita_pw"
    assert env("FITA_TEST_PG_PASSWORD") == "right-password"
    assert env("FITA_TEST_PG_TLS_PORT") == port
    assert env("FITA_TEST_PG_CLUSTER") == host
    assert env("PGCONNECT_TIMEOUT") == "5"
    for name in ("FITA_TEST_PG_TLS_CA", "FITA_TEST_PG_WRONG_CA"):
        out = subprocess.run(["openssl", "x509", "-noout", "-subject", "-in", env(name)],
                             capture_output=True, text=True, check=True).stdout
        assert "CA" in out, out
    # The developer's own libpq settings stay out of the tests
    for name in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSSLMODE"):
        assert name not in os.environ, name


@cluster_test
def admin_over_the_socket():
    uri = env("FITA_TEST_PG_URI")
    out = psql(uri, "SELECT current_user, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user").stdout
    assert out == "fita_admin|f|t\n", out
    out = psql(uri, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()").stdout
    assert out == "fita_admin\n", out
    # What `fita-cli server init` and `server grant` will do as the owner
    psql(uri, "CREATE SCHEMA s; CREATE TABLE s.t (x int); CREATE TABLE public.u (x int)")
    psql(uri, "CREATE ROLE someone LOGIN; GRANT USAGE ON SCHEMA s TO someone")


@cluster_test
def password_role():
    conninfo = f"host={env('FITA_TEST_PG_HOST')} port={env('FITA_TEST_PG_PORT')} dbname=fita user=fita_pw"
    wrong = psql(conninfo, "SELECT 1", expect_ok=False, PGPASSWORD="wrong-password")
    assert 'password authentication failed for user "fita_pw"' in wrong.stderr, wrong.stderr
    none = psql(conninfo, "SELECT 1", expect_ok=False)
    assert "no password supplied" in none.stderr, none.stderr
    right = psql(conninfo, "SELECT current_user", PGPASSWORD=env("FITA_TEST_PG_PASSWORD"))
    assert right.stdout == "fita_pw\n", right.stdout


@cluster_test
def tls_with_the_right_ca():
    for host in ("localhost", "127.0.0.1"):
        out = psql(tls_conninfo(host, env("FITA_TEST_PG_TLS_CA")),
                   "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").stdout
        assert out == "t\n", (host, out)


@cluster_test
def tls_with_a_wrong_ca():
    proc = psql(tls_conninfo("localhost", env("FITA_TEST_PG_WRONG_CA")), "SELECT 1", expect_ok=False)
    assert "certificate verify failed" in proc.stderr, proc.stderr


@cluster_test
def tcp_without_tls_refused():
    conninfo = f"host=127.0.0.1 port={env('FITA_TEST_PG_TLS_PORT')} dbname=fita user=fita_admin sslmode=disable"
    proc = psql(conninfo, "SELECT 1", expect_ok=False)
    assert "no encryption" in proc.stderr, proc.stderr


@cluster_test
def psql_subcommand():
    out = pgcluster_command("psql", "fita_admin", "SELECT 1 + 1").stdout
    assert out == "2\n", out
    pgcluster_command("psql", "fita_admin", "CREATE TABLE counted (x int); CREATE ROLE outsider LOGIN")
    out = pgcluster_command("psql", "fita_admin", "INSERT INTO counted VALUES (1);\nSELECT count(*) FROM counted;").stdout
    assert out == "1\n", out
    # the raw SQL of a role without the right is refused by the server
    refused = pgcluster_command("psql", "outsider", "INSERT INTO counted VALUES (2)", expect=None)
    assert refused.returncode != 0 and "permission denied" in refused.stderr, refused
    failed = pgcluster_command("psql", "fita_admin", "SELECT 1;\nSELECT no_such_column FROM counted;\nSELECT 3;",
                               expect=None)
    assert failed.returncode != 0 and failed.stdout == "1\n", failed
    out = pgcluster_command("psql", "fita_pw", "SELECT current_user",
                            env={**os.environ, "PGPASSWORD": env("FITA_TEST_PG_PASSWORD")}).stdout
    assert out == "fita_pw\n", out


@cluster_test
def kill_and_start():
    uri = env("FITA_TEST_PG_URI")
    psql(uri, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)")
    started = time.monotonic()
    pgcluster_command("kill")
    assert not os.path.exists(os.path.join(env("FITA_TEST_PG_HOST"), f".s.PGSQL.{env('FITA_TEST_PG_PORT')}"))
    down = psql(uri, "SELECT 1", expect_ok=False)
    assert "No such file or directory" in down.stderr or "Connection refused" in down.stderr, down.stderr
    pgcluster_command("start")
    out = psql(uri, "SELECT x FROM kept").stdout
    assert out == "42\n", "a committed row was lost in the crash: " + out
    out = psql(tls_conninfo("localhost", env("FITA_TEST_PG_TLS_CA")), "SELECT 1").stdout
    assert out == "1\n", "TLS on the same port after the restart"
    assert time.monotonic() - started < 20, "kill and start took too long"


# pgcluster.py itself

def alive(pid):
    """A process that has exited but is not yet reaped counts as gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"after {seconds} s: {what}")
        time.sleep(0.05)


def reporting_command(folder):
    """A command that writes the cluster's directory and its postmaster's
    pid to a file, then waits to be killed."""
    report = os.path.join(folder, "cluster")
    script = ('head -1 "$FITA_TEST_PG_CLUSTER/data/postmaster.pid" > "$1.tmp" && '
              'echo "$FITA_TEST_PG_CLUSTER" >> "$1.tmp" && mv "$1.tmp" "$1" && exec sleep 60')
    return report, ["sh", "-c", script, "sh", report]


def started_cluster(folder):
    """pgcluster.py running reporting_command in a session of its own, as
    meson runs a test; returns the process, the directory and the pid."""
    report, command = reporting_command(folder)
    proc = subprocess.Popen([sys.executable, PGCLUSTER, "run", "--", *command], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_until(lambda: os.path.exists(report) or proc.poll() is not None, 60, "the cluster did not start")
    assert proc.poll() is None, proc.stderr.read()
    with open(report, encoding="utf-8") as f:
        pid, directory = f.read().split()
    return proc, directory, int(pid)


def assert_gone(directory, pid, seconds):
    wait_until(lambda: not alive(pid) and not os.path.exists(directory), seconds,
               f"the cluster is left behind (server running: {alive(pid)}, {directory} exists: "
               f"{os.path.exists(directory)})")


def have_postgresql():
    return pgcluster.find_bindir() is not None and not pgcluster.missing_tools()


def without_ci():
    return {k: v for k, v in os.environ.items() if k != "CI"}


@lifecycle_test
def skips_without_postgresql():
    with tempfile.TemporaryDirectory() as folder:
        marker = os.path.join(folder, "ran")
        proc = pgcluster_command("run", "--", "touch", marker,
                                 env={**without_ci(), "FITA_TEST_PG_BINDIR": folder})
        assert proc.stdout == "1..0 # SKIP PostgreSQL 15 is not installed (build-aux/dev installs it)\n", proc.stdout
        assert not os.path.exists(marker), "the command ran without a cluster"


@lifecycle_test
def fails_without_postgresql_under_ci():
    with tempfile.TemporaryDirectory() as folder:
        marker = os.path.join(folder, "ran")
        proc = pgcluster_command("run", "--", "touch", marker, expect=1,
                                 env={**os.environ, "CI": "true", "FITA_TEST_PG_BINDIR": folder})
        assert "PostgreSQL 15 is not installed" in proc.stderr and "CI=true" in proc.stderr, proc.stderr
        assert "1..0" not in proc.stdout, proc.stdout
        assert not os.path.exists(marker), "the command ran without a cluster"


def needs_postgresql(func):
    def run():
        if not have_postgresql():
            if os.environ.get("CI") == "true":
                raise AssertionError(pgcluster.SKIP_REASON)
            return
        func()
    run.__name__ = func.__name__
    return run


@lifecycle_test
@needs_postgresql
def exit_status_and_removal():
    with tempfile.TemporaryDirectory() as folder:
        report = os.path.join(folder, "dir")
        proc = pgcluster_command("run", "--", "sh", "-c", 'echo "$FITA_TEST_PG_CLUSTER" > "$1"; exit 3',
                                 "sh", report, expect=3, env=without_ci())
        with open(report, encoding="utf-8") as f:
            directory = f.read().strip()
        assert not os.path.exists(directory), f"{directory} left behind"
        assert proc.stdout == "", proc.stdout
        missing = pgcluster_command("run", "--", os.path.join(folder, "no-such-program"), expect=127)
        assert "no-such-program" in missing.stderr, missing.stderr


@lifecycle_test
@needs_postgresql
def sigterm_stops_and_removes():
    with tempfile.TemporaryDirectory() as folder:
        proc, directory, pid = started_cluster(folder)
        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(30) == 128 + signal.SIGTERM, proc.returncode
        assert not alive(pid), "the server still runs after pgcluster.py exited"
        assert not os.path.exists(directory), f"{directory} left behind"


@lifecycle_test
@needs_postgresql
def meson_timeout_leaves_nothing():
    """meson's timeout: SIGTERM to the process group, SIGKILL half a second later."""
    with tempfile.TemporaryDirectory() as folder:
        proc, directory, pid = started_cluster(folder)
        os.killpg(proc.pid, signal.SIGTERM)
        time.sleep(0.5)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(30)
        assert_gone(directory, pid, 30)


@lifecycle_test
@needs_postgresql
def sigkill_leaves_nothing():
    with tempfile.TemporaryDirectory() as folder:
        proc, directory, pid = started_cluster(folder)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)
        assert_gone(directory, pid, 30)


@lifecycle_test
@needs_postgresql
def clusters_side_by_side():
    with tempfile.TemporaryDirectory() as folder:
        script = 'echo "$FITA_TEST_PG_PORT" > "$1"; "$2" -X -At -d "$FITA_TEST_PG_URI" -c "SELECT 1" >/dev/null'
        procs = [subprocess.Popen([sys.executable, PGCLUSTER, "run", "--", "sh", "-c", script, "sh",
                                   os.path.join(folder, f"port{n}"), psql_program()],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=without_ci())
                 for n in range(3)]
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        ports = set()
        for n in range(3):
            with open(os.path.join(folder, f"port{n}"), encoding="utf-8") as f:
                ports.add(f.read().strip())
        assert len(ports) == 3, ports
        assert all(re.fullmatch(r"\d+", p) for p in ports), ports


if __name__ == "__main__":
    sys.exit(main(sys.argv[2]))
