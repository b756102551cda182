#!/usr/bin/env python3
"""The throwaway cluster keeps pgcluster.py's contract (TAP).

Run through `pgcluster.py run -- python3 test-pgcluster.py`: the other
PostgreSQL tests rely on each thing checked here.
"""

import os
import pwd
import signal
import stat
import subprocess
import sys
import time

PSQL = os.path.join(os.environ.get("FITA_TEST_PG_BINDIR", "/usr/lib/postgresql/15/bin"),
                    "psql")
PGCLUSTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pgcluster.py")

results = []


def check(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f"# {line}")


def psql(conninfo, sql, password=None):
    """(status, output) of one query through psql, never asking for a password."""
    env = dict(os.environ)
    env.pop("PGPASSWORD", None)
    if password is not None:
        env["PGPASSWORD"] = password
    result = subprocess.run([PSQL, "-X", "-q", "-At", "-w", "-d", conninfo, "-c", sql],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            env=env)
    return result.returncode, (result.stdout + result.stderr).strip()


def pgcluster(*args, password=None, bindir=None, ci=False):
    env = dict(os.environ)
    env.pop("PGPASSWORD", None)
    env.pop("CI", None)
    if password is not None:
        env["PGPASSWORD"] = password
    if bindir is not None:
        env["FITA_TEST_PG_BINDIR"] = bindir
    if ci:
        env["CI"] = "true"
    result = subprocess.run([sys.executable, PGCLUSTER, *args], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, env=env)
    return result.returncode, (result.stdout + result.stderr).strip()


def main():
    print("1..21")
    env = os.environ
    host = env.get("FITA_TEST_PG_HOST", "")
    port = env.get("FITA_TEST_PG_PORT", "")
    cluster = env.get("FITA_TEST_PG_CLUSTER", "")
    check(host != "" and os.path.isdir(host) and port.isdigit()
          and env.get("FITA_TEST_PG_DB") == "fita" and cluster == host
          and env.get("FITA_TEST_PG_TLS_PORT") == port
          and env.get("FITA_TEST_PG_PASSWORD_USER") == "fita_pw"
          and env.get("FITA_TEST_PG_PASSWORD") == "right-password"
          and env.get("PGCONNECT_TIMEOUT") == "5",
          "the environment names the cluster", repr({k: v for k, v in env.items()
                                                     if k.startswith(("FITA_TEST_PG", "PG"))}))
    check(env.get("FITA_TEST_PG_URI")
          == f"postgresql:///fita?host={host}&port={port}&user=fita_admin",
          "FITA_TEST_PG_URI is the socket's URI for fita_admin",
          env.get("FITA_TEST_PG_URI", "(unset)"))
    info = os.stat(host)
    owner = pwd.getpwuid(info.st_uid).pw_name
    check(stat.S_IMODE(info.st_mode) == 0o755
          and owner == ("postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name),
          "the cluster's directory has mode 0755 and belongs to the server's user",
          f"{oct(info.st_mode)} {owner}")
    check(os.path.isfile(env.get("FITA_TEST_PG_TLS_CA", ""))
          and os.path.isfile(env.get("FITA_TEST_PG_WRONG_CA", "")),
          "both CA certificates exist")

    uri = env["FITA_TEST_PG_URI"]
    status, out = psql(uri, "SELECT current_user, current_database(), rolsuper, rolcreaterole"
                            " FROM pg_roles WHERE rolname = current_user")
    check(status == 0 and out == "fita_admin|fita|f|t",
          "fita_admin connects over the socket, may create roles, is no superuser", out)
    status, out = psql(uri, "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database"
                            " WHERE datname = 'fita'")
    check(status == 0 and out == "fita_admin", "fita_admin owns the database fita", out)
    status, out = psql(uri, "SELECT count(*) FROM pg_stat_ssl"
                            " WHERE pid = pg_backend_pid() AND ssl")
    check(status == 0 and out == "0", "the socket needs no TLS", out)

    pw = f"host={host} port={port} dbname=fita user=fita_pw"
    status, out = psql(pw, "SELECT 1", password="wrong-password")
    check(status != 0 and "password authentication failed" in out,
          "fita_pw is refused with a wrong password", out)
    status, out = psql(pw, "SELECT 1")
    check(status != 0, "fita_pw is refused without a password", out)
    status, out = psql(pw, "SELECT current_user", password="right-password")
    check(status == 0 and out == "fita_pw", "fita_pw connects with the right password", out)

    tls = f"port={env['FITA_TEST_PG_TLS_PORT']} dbname=fita user=fita_admin sslmode=verify-full"
    status, out = psql(f"host=localhost {tls} sslrootcert={env['FITA_TEST_PG_TLS_CA']}",
                       "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
    check(status == 0 and out == "t", "TLS to localhost verifies against the test CA", out)
    status, out = psql(f"host=127.0.0.1 {tls} sslrootcert={env['FITA_TEST_PG_TLS_CA']}",
                       "SELECT 1")
    check(status == 0 and out == "1", "the certificate also names 127.0.0.1", out)
    status, out = psql(f"host=localhost {tls} sslrootcert={env['FITA_TEST_PG_WRONG_CA']}", "SELECT 1")
    check(status != 0 and "certificate verify failed" in out,
          "TLS fails against an unrelated CA", out)

    status, out = pgcluster("psql", "fita_pw", "SELECT current_user", password="right-password")
    check(status == 0 and out == "fita_pw", "pgcluster.py psql runs SQL as a role", out)
    status, out = pgcluster("psql", "fita_admin", "SELECT * FROM no_such_table")
    check(status != 0 and "no_such_table" in out,
          "pgcluster.py psql fails with psql's status on an error", out)

    status, out = pgcluster("kill")
    down, _ = psql(uri, "SELECT 1")
    check(status == 0 and down != 0, "pgcluster.py kill stops the server at once", out)
    status, out = pgcluster("start")
    up, up_out = psql(uri, "SELECT current_user")
    check(status == 0 and up == 0 and up_out == "fita_admin",
          "pgcluster.py start brings it back on the same socket", out + up_out)

    status, out = pgcluster("run", "--", "true", bindir="/nonexistent")
    check(status == 0 and out == "1..0 # SKIP PostgreSQL 15 is not installed"
                                 " (build-aux/dev installs it)",
          "without PostgreSQL, a run is a skipped TAP test", out)
    status, out = pgcluster("run", "--", "true", bindir="/nonexistent", ci=True)
    check(status == 1 and "CI=true" in out, "… but under CI=true it fails, saying why", out)
    status, out = pgcluster("run", "--", "sh", "-c", "exit 7")
    check(status == 7, "run exits with the command's status", out)
    check_timeout()
    return 0 if all(results) else 1


def gone(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def check_timeout():
    """Meson's timeout: SIGTERM to the test's process group, SIGKILL half a
    second later. The cluster must go all the same."""
    run = subprocess.Popen([sys.executable, PGCLUSTER, "run", "--", "sh", "-c",
                            'echo "$FITA_TEST_PG_CLUSTER"; exec sleep 60'],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    top = run.stdout.readline().strip()
    try:
        with open(os.path.join(top, "data", "postmaster.pid"), encoding="ascii") as f:
            postmaster = int(f.readline())
    except (OSError, ValueError) as e:
        run.kill()
        run.wait()
        check(False, "a timed-out run stops its server and removes its directory",
              f"the run did not start its cluster: {e}")
        return
    os.killpg(run.pid, signal.SIGTERM)
    try:
        run.wait(timeout=0.5)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (os.path.exists(top) or not gone(postmaster)):
        time.sleep(0.1)
    check(not os.path.exists(top) and gone(postmaster),
          "a timed-out run stops its server and removes its directory",
          f"{top} exists: {os.path.exists(top)}, server gone: {gone(postmaster)}")


if __name__ == "__main__":
    sys.exit(main())
