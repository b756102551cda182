#!/usr/bin/env python3
"""A throwaway PostgreSQL 15 cluster for Fita's tests.

  pgcluster.py run -- CMD ARGS...   start a cluster, run CMD against it, stop
                                    and remove the cluster; exit with CMD's status
  pgcluster.py kill                 stop the cluster of $FITA_TEST_PG_CLUSTER at
                                    once, as a crash would
  pgcluster.py start                start it again (same directory, port, socket)
  pgcluster.py psql ROLE SQL        run SQL as ROLE on the socket through psql

`run` gives CMD its own environment without PG* variables (a developer's
PGHOST or PGSSLMODE must not change what a test means), plus:
  FITA_TEST_PG_HOST, FITA_TEST_PG_PORT, FITA_TEST_PG_DB=fita
  FITA_TEST_PG_URI        postgresql:///fita?host=SOCKETDIR&port=PORT&user=fita_admin
  FITA_TEST_PG_PASSWORD_USER=fita_pw, FITA_TEST_PG_PASSWORD=right-password
  FITA_TEST_PG_TLS_PORT, FITA_TEST_PG_TLS_CA, FITA_TEST_PG_WRONG_CA
  FITA_TEST_PG_CLUSTER    the cluster's directory
  PGCONNECT_TIMEOUT=5

initdb refuses to run as root, so as root the server runs as the `postgres`
user through runuser; otherwise everything runs as the current user.
Without the PostgreSQL binaries `run` prints a skipped TAP plan, except under
CI=true, where it fails: CI must really run these tests.
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

BINDIR = os.environ.get("FITA_TEST_PG_BINDIR", "/usr/lib/postgresql/15/bin")
SKIP_PLAN = "1..0 # SKIP PostgreSQL 15 is not installed (build-aux/dev installs it)"
SERVER_USER = "postgres"
DATABASE = "fita"
ADMIN_ROLE = "fita_admin"
PASSWORD_ROLE = "fita_pw"
PASSWORD = "right-password"
# A Unix socket's path is at most 107 bytes, ".s.PGSQL.65535" included
MAX_SOCKET_DIR = 107 - len("/.s.PGSQL.65535")
CONF_MARK = "\n# Fita's tests (pgcluster.py)\n"

# Certificates are made from this file alone, so that the system's
# openssl.cnf can neither add nor change extensions.
OPENSSL_CNF = """\
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""


class ClusterError(Exception):
    """The cluster could not be set up or driven; the message says why."""


class Interrupted(Exception):
    """A signal asked the script to stop (meson's timeout sends SIGTERM)."""


def as_root():
    return os.geteuid() == 0


def server_command(argv):
    """argv, run as the user that owns the server."""
    if as_root():
        return ["runuser", "-u", SERVER_USER, "--"] + argv
    return argv


def binary(name):
    return os.path.join(BINDIR, name)


def clean_environment():
    """The environment without PG* variables: only what the caller sets
    decides where a client connects and how."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def log_tail(log, lines=30):
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            tail = f.readlines()[-lines:]
    except OSError:
        return "(no server log)"
    return "server log, last lines:\n" + "".join("  " + line for line in tail)


def run_quiet(argv, what, log=None):
    """Runs argv; when it fails, raises ClusterError with its output and the
    tail of the server's log."""
    result = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env=clean_environment())
    if result.returncode != 0:
        output = result.stdout.decode("utf-8", "replace").strip()
        message = f"{what} failed (exit {result.returncode}): {output}"
        if log:
            message += "\n" + log_tail(log)
        raise ClusterError(message)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def traversable_by_server(path):
    """Whether the server's user can reach path (a private TMPDIR may not be)."""
    if not as_root():
        return True
    path = os.path.abspath(path)
    while True:
        if not os.stat(path).st_mode & 0o001:
            return False
        parent = os.path.dirname(path)
        if parent == path:
            return True
        path = parent


def make_cluster_dir():
    base = tempfile.gettempdir()
    if len(base) + len("/fita-pg-xxxxxxxx") > MAX_SOCKET_DIR or not traversable_by_server(base):
        base = "/tmp"
    top = tempfile.mkdtemp(prefix="fita-pg-", dir=base)
    os.chmod(top, 0o755)
    return top


class Cluster:
    """A cluster in one directory: data/, tls/, server.log, port, and the
    server's socket itself."""

    def __init__(self, top):
        self.top = top
        self.data = os.path.join(top, "data")
        self.tls = os.path.join(top, "tls")
        self.log = os.path.join(top, "server.log")
        self.port_file = os.path.join(top, "port")

    @property
    def port(self):
        with open(self.port_file, encoding="ascii") as f:
            return int(f.read())

    def give_to_server(self, path):
        if as_root():
            entry = pwd.getpwnam(SERVER_USER)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def make_certificates(self):
        """A small CA that signs the server's certificate for localhost and
        127.0.0.1, and an unrelated CA that clients must not accept. EC keys:
        they take no time to make."""
        os.mkdir(self.tls)

        def path(name):
            return os.path.join(self.tls, name)

        cnf = path("openssl.cnf")
        with open(cnf, "w", encoding="ascii") as f:
            f.write(OPENSSL_CNF)
        key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for ca, cn in (("ca", "Fita test CA"), ("wrong-ca", "Unrelated test CA")):
            run_quiet(["openssl", "req", "-config", cnf, "-x509", "-new", *key,
                       "-keyout", path(ca + ".key"), "-out", path(ca + ".crt"),
                       "-days", "3650", "-subj", "/CN=" + cn, "-extensions", "ca"],
                      f"openssl (making {ca}.crt)")
        run_quiet(["openssl", "req", "-config", cnf, "-new", *key,
                   "-keyout", path("server.key"), "-out", path("server.csr"),
                   "-subj", "/CN=localhost"],
                  "openssl (making the server's key)")
        run_quiet(["openssl", "x509", "-req", "-in", path("server.csr"),
                   "-CA", path("ca.crt"), "-CAkey", path("ca.key"),
                   "-set_serial", str(int.from_bytes(os.urandom(8), "big")),
                   "-days", "3650", "-extfile", cnf, "-extensions", "server",
                   "-out", path("server.crt")],
                  "openssl (signing the server's certificate)")
        for name in ("ca.key", "wrong-ca.key", "server.csr", "openssl.cnf"):
            os.unlink(path(name))
        # The server refuses a key that others may read
        os.chmod(path("server.key"), 0o600)
        self.give_to_server(path("server.key"))

    def initdb(self):
        run_quiet(server_command([binary("initdb"), "-D", self.data, "-A", "trust",
                                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
                                  "-U", SERVER_USER]),
                  "initdb")

    def configure(self, port):
        with open(self.port_file, "w", encoding="ascii") as f:
            f.write(str(port))
        settings = {
            "port": str(port),
            "unix_socket_directories": f"'{self.top}'",
            "listen_addresses": "'127.0.0.1'",
            # Nothing here outlives the test. A killed server still keeps what
            # it committed, as the OS holds it: synchronous_commit stays on.
            "fsync": "off",
            "full_page_writes": "off",
            "max_connections": "60",
            "ssl": "on",
            "ssl_cert_file": f"'{os.path.join(self.tls, 'server.crt')}'",
            "ssl_key_file": f"'{os.path.join(self.tls, 'server.key')}'",
        }
        conf = os.path.join(self.data, "postgresql.conf")
        with open(conf, encoding="utf-8") as f:
            text = f.read()
        # A second try (another port) replaces the first one's settings
        text = text.split(CONF_MARK)[0] + CONF_MARK
        text += "".join(f"{name} = {value}\n" for name, value in settings.items())
        with open(conf, "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(self.data, "pg_hba.conf"), "w", encoding="utf-8") as f:
            f.write(f"local all {PASSWORD_ROLE} scram-sha-256\n"
                    "local all all trust\n"
                    "hostssl all all 127.0.0.1/32 trust\n")

    def start(self):
        run_quiet(server_command([binary("pg_ctl"), "-D", self.data, "-l", self.log,
                                  "-w", "-t", "60", "start"]),
                  "pg_ctl start", log=self.log)

    def stop(self):
        """Stops the server at once, as a crash would; returns when it is down."""
        run_quiet(server_command([binary("pg_ctl"), "-D", self.data, "-m", "immediate",
                                  "-w", "-t", "60", "stop"]),
                  "pg_ctl stop", log=self.log)

    def running(self):
        return os.path.exists(os.path.join(self.data, "postmaster.pid"))

    def create_roles(self):
        setup = [f"CREATE ROLE {ADMIN_ROLE} LOGIN CREATEROLE",
                 f"CREATE DATABASE {DATABASE} OWNER {ADMIN_ROLE}",
                 f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'",
                 f"GRANT CONNECT ON DATABASE {DATABASE} TO {PASSWORD_ROLE}"]
        # One -c each: psql sends them apart, outside a transaction block,
        # as CREATE DATABASE requires
        commands = [arg for statement in setup for arg in ("-c", statement)]
        run_quiet([binary("psql"), "-v", "ON_ERROR_STOP=1", "-X", "-q",
                   "-h", self.top, "-p", str(self.port), "-U", SERVER_USER,
                   "-d", "postgres", *commands],
                  "creating the test roles and database", log=self.log)

    def psql(self, role, sql):
        """psql's status; its output goes to ours. psql never asks for a
        password (-w): tests give a role's password in PGPASSWORD."""
        argv = [binary("psql"), "-v", "ON_ERROR_STOP=1", "-X", "-q", "-At", "-w",
                "-h", self.top, "-p", str(self.port), "-U", role, "-d", DATABASE,
                "-c", sql]
        return subprocess.run(argv, stdin=subprocess.DEVNULL).returncode

    def remove(self):
        if self.running():
            try:
                self.stop()
            except ClusterError as e:
                print(f"pgcluster: {e}", file=sys.stderr)
        shutil.rmtree(self.top, ignore_errors=True)

    def client_environment(self):
        env = clean_environment()
        port = str(self.port)
        env.update({
            "FITA_TEST_PG_HOST": self.top,
            "FITA_TEST_PG_PORT": port,
            "FITA_TEST_PG_DB": DATABASE,
            "FITA_TEST_PG_URI": f"postgresql:///{DATABASE}?host={self.top}&port={port}"
                                f"&user={ADMIN_ROLE}",
            "FITA_TEST_PG_PASSWORD_USER": PASSWORD_ROLE,
            "FITA_TEST_PG_PASSWORD": PASSWORD,
            "FITA_TEST_PG_TLS_PORT": port,
            "FITA_TEST_PG_TLS_CA": os.path.join(self.tls, "ca.crt"),
            "FITA_TEST_PG_WRONG_CA": os.path.join(self.tls, "wrong-ca.crt"),
            "FITA_TEST_PG_CLUSTER": self.top,
            "PGCONNECT_TIMEOUT": "5",
        })
        return env


def start_cluster(cluster):
    cluster.make_certificates()
    cluster.give_to_server(cluster.top)
    cluster.initdb()
    # Another cluster starting at the same moment may take the port between
    # our choice and the server's bind: choose another one then.
    for attempt in range(3):
        cluster.configure(free_port())
        try:
            cluster.start()
            break
        except ClusterError as e:
            if "Address already in use" not in str(e) or attempt == 2:
                raise
            os.unlink(cluster.log)
    cluster.create_roles()


def missing_binary():
    for name in ("initdb", "pg_ctl", "postgres", "psql"):
        if not os.access(binary(name), os.X_OK):
            return binary(name)
    return None


def start_reaper(top):
    """Starts a process, outside meson's process group, that removes the
    cluster if this script dies before it could (meson sends SIGKILL half a
    second after SIGTERM). It waits for the end of a pipe only this process
    holds; the returned end is closed by exiting, in whatever way."""
    read_end, write_end = os.pipe()
    subprocess.Popen([sys.executable, os.path.abspath(__file__), "_reap", top],
                     stdin=read_end, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)
    os.close(read_end)
    return write_end


def reap(top):
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    sys.stdin.buffer.read()
    if os.path.isdir(top):
        Cluster(top).remove()
    return 0


def on_signal(signum, frame):
    raise Interrupted(signum)


def run(command):
    missing = missing_binary()
    if missing:
        if os.environ.get("CI") == "true":
            print(f"pgcluster: PostgreSQL 15 is not installed ({missing} is missing), "
                  "and under CI=true the PostgreSQL tests must run, not skip "
                  "(build-aux/dev installs it)", file=sys.stderr)
            return 1
        print(SKIP_PLAN)
        return 0
    if as_root():
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            print(f"pgcluster: there is no user {SERVER_USER} to run the server as "
                  "(initdb refuses root)", file=sys.stderr)
            return 1

    handled = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    for signum in handled:
        signal.signal(signum, on_signal)
    cluster = None
    child = None
    reaper = None
    try:
        cluster = Cluster(make_cluster_dir())
        reaper = start_reaper(cluster.top)
        started = time.monotonic()
        try:
            start_cluster(cluster)
        except (ClusterError, OSError) as e:
            print(f"pgcluster: could not start a PostgreSQL cluster in {cluster.top}: {e}",
                  file=sys.stderr)
            if not isinstance(e, ClusterError) and os.path.exists(cluster.log):
                print(log_tail(cluster.log), file=sys.stderr)
            return 1
        if os.environ.get("FITA_TEST_PG_VERBOSE"):
            print(f"pgcluster: cluster up in {time.monotonic() - started:.2f} s",
                  file=sys.stderr)
        try:
            child = subprocess.Popen(command, env=cluster.client_environment())
        except OSError as e:
            print(f"pgcluster: cannot run {command[0]}: {e}", file=sys.stderr)
            return 1
        status = child.wait()
        return 128 - status if status < 0 else status
    except Interrupted as e:
        signum = e.args[0]
        # Under meson the command had the signal too, as one of the group
        if child is not None and child.poll() is None:
            child.send_signal(signum)
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        print(f"pgcluster: stopped by signal {signum}", file=sys.stderr)
        return 128 + signum
    finally:
        for signum in handled:
            signal.signal(signum, signal.SIG_IGN)
        if cluster is not None:
            cluster.remove()
        if reaper is not None:
            os.close(reaper)


def existing_cluster():
    top = os.environ.get("FITA_TEST_PG_CLUSTER")
    if not top or not os.path.isdir(os.path.join(top, "data")):
        raise ClusterError("FITA_TEST_PG_CLUSTER does not name a cluster "
                           "(run this under `pgcluster.py run`)")
    return Cluster(top)


USAGE = """\
usage: pgcluster.py run -- CMD [ARGS...]
       pgcluster.py kill
       pgcluster.py start
       pgcluster.py psql ROLE SQL"""


def main(argv):
    if len(argv) >= 3 and argv[:2] == ["run", "--"]:
        return run(argv[2:])
    if len(argv) == 2 and argv[0] == "_reap":
        return reap(argv[1])
    try:
        if argv == ["kill"]:
            existing_cluster().stop()
            return 0
        if argv == ["start"]:
            existing_cluster().start()
            return 0
        if len(argv) == 3 and argv[0] == "psql":
            return existing_cluster().psql(argv[1], argv[2])
    except ClusterError as e:
        print(f"pgcluster: {e}", file=sys.stderr)
        return 1
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
