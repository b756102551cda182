#!/usr/bin/env python3
"""A throwaway PostgreSQL 15 cluster for the tests that need a real server.

  pgcluster.py run -- CMD ARGS...   start a cluster, run CMD with
                                    FITA_TEST_PG_* in its environment, stop
                                    and remove the cluster, exit with CMD's
                                    status
  pgcluster.py kill                 stop the server of $FITA_TEST_PG_CLUSTER
                                    at once, as a crash would
  pgcluster.py start                start it again (same port and socket)
  pgcluster.py psql ROLE SQL        run SQL as ROLE on the cluster's socket

The cluster lives in one temporary directory: the Unix socket, the server's
log, the TLS certificates and the data directory. initdb refuses to run as
root, so as root the server runs as the `postgres` user (through runuser);
otherwise everything runs as the current user.

Without the PostgreSQL binaries the run is a skipped TAP test, except under
CI=true, where it fails: CI must really run these tests.
"""

import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

DEFAULT_BINDIR = "/usr/lib/postgresql/15/bin"
SKIP_REASON = "PostgreSQL 15 is not installed (build-aux/dev installs it)"
SERVER_USER = "postgres"
PASSWORD_ROLE = "fita_pw"
PASSWORD = "right-password"
STATE_FILE = "cluster.json"
# meson's timeout sends SIGTERM; a terminal sends SIGINT or SIGHUP
INTERRUPTING = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Interrupted(Exception):
    def __init__(self, signum):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class SetupFailed(Exception):
    pass


def say(message):
    print(f"pgcluster: {message}", file=sys.stderr, flush=True)


def find_bindir():
    bindir = os.environ.get("FITA_TEST_PG_BINDIR", DEFAULT_BINDIR)
    programs = ("initdb", "pg_ctl", "postgres", "psql")
    if all(os.access(os.path.join(bindir, p), os.X_OK) for p in programs):
        return bindir
    return None


def missing_tools():
    """What the cluster needs besides PostgreSQL itself, if absent."""
    missing = [tool for tool in ("openssl",) if shutil.which(tool) is None]
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            missing.append("runuser")
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            missing.append(f"the '{SERVER_USER}' user")
    return missing


class Cluster:
    """One cluster directory; its description is kept in STATE_FILE so that
    the kill, start and psql subcommands find it again."""

    def __init__(self, directory, bindir, port, run_as):
        self.dir = directory
        self.bindir = bindir
        self.port = port
        self.run_as = run_as
        self.data = os.path.join(directory, "data")
        self.tls = os.path.join(directory, "tls")
        self.log = os.path.join(directory, "server.log")

    @classmethod
    def load(cls):
        directory = os.environ.get("FITA_TEST_PG_CLUSTER")
        if not directory:
            raise SetupFailed("FITA_TEST_PG_CLUSTER is not set: run this under 'pgcluster.py run'")
        with open(os.path.join(directory, STATE_FILE), encoding="utf-8") as f:
            state = json.load(f)
        return cls(directory, state["bindir"], state["port"], state["run_as"])

    def save(self):
        with open(os.path.join(self.dir, STATE_FILE), "w", encoding="utf-8") as f:
            json.dump({"bindir": self.bindir, "port": self.port, "run_as": self.run_as}, f)

    def server_command(self, program, *args):
        command = [os.path.join(self.bindir, program), *args]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return command

    def run_server_tool(self, program, *args):
        """Runs an initdb/pg_ctl as the server's user; its output is kept
        for the error message rather than mixed into the test's TAP."""
        proc = subprocess.run(self.server_command(program, *args), cwd=self.dir,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SetupFailed(f"{program} failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
        return proc

    def running(self):
        return os.path.exists(os.path.join(self.data, "postmaster.pid"))

    def psql(self, role, sql, env=None):
        command = [os.path.join(self.bindir, "psql"), "-v", "ON_ERROR_STOP=1", "-X", "-q", "-At",
                   "-h", self.dir, "-p", str(self.port), "-U", role, "-d", "fita", "-f", "-"]
        return subprocess.run(command, input=sql, text=True, env=env)

    def log_tail(self, lines=40):
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no server log)\n"

    # The server

    def write_settings(self):
        settings = {
            "unix_socket_directories": self.dir,
            "listen_addresses": "127.0.0.1",
            "port": self.port,
            # A throwaway cluster: a crash of the machine may lose it whole,
            # but a crash of the server (pgcluster.py kill) loses nothing
            "fsync": "off",
            "max_connections": 60,
            "ssl": "on",
            "ssl_cert_file": os.path.join(self.tls, "server.crt"),
            "ssl_key_file": os.path.join(self.tls, "server.key"),
        }
        with open(os.path.join(self.data, "fita-test.conf"), "w", encoding="utf-8") as f:
            for name, value in settings.items():
                if isinstance(value, str):
                    value = "'" + value.replace("'", "''") + "'"
                f.write(f"{name} = {value}\n")

    def configure(self):
        with open(os.path.join(self.data, "postgresql.conf"), "a", encoding="utf-8") as f:
            f.write("\ninclude 'fita-test.conf'\n")
        # fita_pw is the one role that must give its password; TCP is TLS only
        with open(os.path.join(self.data, "pg_hba.conf"), "w", encoding="utf-8") as f:
            f.write("# TYPE    DATABASE  USER     ADDRESS       METHOD\n"
                    f"local      all       {PASSWORD_ROLE}                 scram-sha-256\n"
                    "local      all       all                    trust\n"
                    "hostssl    all       all      127.0.0.1/32  trust\n")
        self.write_settings()
        self.chown(os.path.join(self.data, "fita-test.conf"))
        self.save()

    def start(self):
        self.run_server_tool("pg_ctl", "start", "-w", "-t", "60", "-s", "-D", self.data, "-l", self.log)

    def stop_now(self):
        self.run_server_tool("pg_ctl", "stop", "-w", "-t", "60", "-s", "-m", "immediate", "-D", self.data)

    def start_on_a_free_port(self, attempts=4):
        """The port is free when chosen, but another cluster starting at the
        same moment may take it first: then another port."""
        for attempt in range(attempts):
            try:
                self.start()
                return
            except SetupFailed:
                if attempt + 1 == attempts or "could not bind" not in self.log_tail():
                    raise
            self.port = free_port()
            self.write_settings()
            self.save()

    def create_roles(self):
        sql = (
            "CREATE ROLE fita_admin LOGIN CREATEROLE;\n"
            "CREATE DATABASE fita OWNER fita_admin;\n"
            f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}';\n"
            f"GRANT CONNECT ON DATABASE fita TO {PASSWORD_ROLE};\n"
        )
        command = [os.path.join(self.bindir, "psql"), "-v", "ON_ERROR_STOP=1", "-X", "-q",
                   "-h", self.dir, "-p", str(self.port), "-U", SERVER_USER, "-d", "postgres", "-f", "-"]
        proc = subprocess.run(command, input=sql, text=True, capture_output=True, env=clean_env())
        if proc.returncode != 0:
            raise SetupFailed(f"creating the roles failed:\n{proc.stdout}{proc.stderr}")

    # Files

    def chown(self, path):
        if self.run_as:
            entry = pwd.getpwnam(self.run_as)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def make_certificates(self):
        """A CA that signs the server's certificate (localhost and 127.0.0.1),
        and an unrelated CA that a client must not accept for it. Returns the
        openssl processes still running, to overlap them with initdb."""
        os.mkdir(self.tls, 0o755)
        write(os.path.join(self.tls, "ca.cnf"),
              "[req]\ndistinguished_name = dn\nprompt = no\nx509_extensions = ca_ext\n"
              "[dn]\nCN = Fita test CA\n"
              "[ca_ext]\nbasicConstraints = critical, CA:true\n"
              "keyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\n")
        write(os.path.join(self.tls, "server.cnf"),
              "[req]\ndistinguished_name = dn\nprompt = no\n"
              "[dn]\nCN = localhost\n"
              "[server_ext]\nbasicConstraints = CA:false\n"
              "keyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\n"
              "subjectAltName = DNS:localhost, IP:127.0.0.1\n"
              "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n")
        # EC keys: generating RSA ones would be most of the startup time
        key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        ca = ["openssl", "req", "-x509", "-new", "-config", "ca.cnf", *key, "-days", "30"]
        return [
            spawn(ca + ["-keyout", "ca.key", "-out", "ca.crt"], self.tls),
            spawn(ca + ["-subj", "/CN=Unrelated test CA", "-keyout", "wrong-ca.key", "-out", "wrong-ca.crt"],
                  self.tls),
            spawn(["openssl", "req", "-new", "-config", "server.cnf", *key,
                   "-keyout", "server.key", "-out", "server.csr"], self.tls),
        ]

    def sign_server_certificate(self, pending):
        for proc in pending:
            finish(proc, "openssl")
        finish(spawn(["openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                      "-set_serial", "0x" + os.urandom(8).hex(), "-days", "30",
                      "-extfile", "server.cnf", "-extensions", "server_ext", "-out", "server.crt"],
                     self.tls), "openssl")
        key = os.path.join(self.tls, "server.key")
        os.chmod(key, 0o600)
        self.chown(key)
        self.chown(os.path.join(self.tls, "server.crt"))

    def create(self):
        pending = self.make_certificates()
        try:
            self.run_server_tool("initdb", "-D", self.data, "-A", "trust", "-E", "UTF8",
                                 "--locale=C.UTF-8", "-U", SERVER_USER, "--no-sync", "--no-instructions")
        finally:
            for proc in pending:
                if proc.returncode is None:
                    proc.wait()
        self.sign_server_certificate(pending)
        self.configure()
        self.start_on_a_free_port()
        self.create_roles()

    def environment(self):
        socket_dir = urllib.parse.quote(self.dir, safe="/")
        env = clean_env()
        env.update({
            "FITA_TEST_PG_HOST": self.dir,
            "FITA_TEST_PG_PORT": str(self.port),
            "FITA_TEST_PG_DB": "fita",
            "FITA_TEST_PG_URI": f"postgresql:///fita?host={socket_dir}&port={self.port}&user=fita_admin",
            "FITA_TEST_PG_PASSWORD_USER": PASSWORD_ROLE,
            "FITA_TEST_PG_PASSWORD": PASSWORD,
            "FITA_TEST_PG_TLS_PORT": str(self.port),
            "FITA_TEST_PG_TLS_CA": os.path.join(self.tls, "ca.crt"),
            "FITA_TEST_PG_WRONG_CA": os.path.join(self.tls, "wrong-ca.crt"),
            "FITA_TEST_PG_CLUSTER": self.dir,
            "PGCONNECT_TIMEOUT": "5",
            # the developer's own ~/.pgpass must not answer for the tests
            "PGPASSFILE": os.path.join(self.dir, "no-pgpass"),
        })
        return env


def clean_env():
    """The environment without the developer's PG* settings (PGHOST,
    PGPASSWORD, PGSSLMODE...), which would change what the tests connect to."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def spawn(command, cwd):
    return subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(proc, what):
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SetupFailed(f"{what} failed (exit {proc.returncode}):\n{out}")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def teardown(cluster):
    """Stops the server if it runs and removes the directory; safe to repeat."""
    if cluster.running():
        try:
            cluster.stop_now()
        except SetupFailed:
            kill_postmaster(cluster)
    shutil.rmtree(cluster.dir, ignore_errors=True)


def kill_postmaster(cluster):
    try:
        with open(os.path.join(cluster.data, "postmaster.pid"), encoding="utf-8") as f:
            os.kill(int(f.readline()), signal.SIGKILL)
    except (OSError, ValueError):
        pass


def start_reaper(cluster):
    """A process in a session of its own that tears the cluster down if this
    one dies before it could, e.g. from the SIGKILL meson sends half a second
    after its timeout's SIGTERM. It waits on a pipe: "done" on it means this
    process cleaned up; end of file without it means this process is gone."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.setsid()
            for signum in INTERRUPTING:
                signal.signal(signum, signal.SIG_IGN)
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            os.closerange(3, read_end)
            os.closerange(read_end + 1, 1024)
            message = b""
            while chunk := os.read(read_end, 16):
                message += chunk
            if message != b"done":
                teardown(cluster)
        finally:
            os._exit(0)
    os.close(read_end)
    return pid, write_end


def interrupt(signum, frame):
    raise Interrupted(signum)


def command_run(argv):
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        say("usage: pgcluster.py run -- CMD ARGS...")
        return 2
    bindir = find_bindir()
    missing = missing_tools()
    if bindir is None or missing:
        reason = SKIP_REASON if bindir is None else f"{', '.join(missing)} missing (build-aux/dev installs it)"
        if os.environ.get("CI") == "true":
            print(f"Bail out! {reason}", flush=True)
            say(f"{reason}; with CI=true the PostgreSQL tests must run, not skip")
            return 1
        print(f"1..0 # SKIP {reason}", flush=True)
        return 0

    program = argv[0] if os.sep in argv[0] else shutil.which(argv[0])
    if program is None or not os.access(program, os.X_OK):
        say(f"cannot run {argv[0]}: no such program")
        return 127

    run_as = SERVER_USER if os.geteuid() == 0 else None
    # /tmp rather than $TMPDIR: a Unix socket's path is limited to about 100
    # bytes, and the postgres user must be able to reach the directory
    directory = tempfile.mkdtemp(prefix="fita-pg-", dir="/tmp")
    os.chmod(directory, 0o755)
    cluster = Cluster(directory, bindir, free_port(), run_as)
    cluster.chown(directory)

    reaper, reaper_pipe = start_reaper(cluster)
    for signum in INTERRUPTING:
        signal.signal(signum, interrupt)
    child = None
    status = 1
    try:
        try:
            cluster.create()
        except SetupFailed as e:
            say(f"could not start a PostgreSQL cluster in {directory}: {e}")
            sys.stderr.write("The server's log ends with:\n" + cluster.log_tail())
            return 1
        child = subprocess.Popen(argv, env=cluster.environment())
        status = child.wait()
        if status < 0:
            status = 128 - status
        return status
    except Interrupted as e:
        say(f"{e}: stopping the cluster")
        if child is not None and child.poll() is None:
            child.terminate()
        return 128 + e.signum
    finally:
        for signum in INTERRUPTING:
            signal.signal(signum, signal.SIG_IGN)
        teardown(cluster)
        os.write(reaper_pipe, b"done")
        os.close(reaper_pipe)
        os.waitpid(reaper, 0)
        if os.path.exists(directory):
            say(f"could not remove {directory}")


def command_kill():
    cluster = Cluster.load()
    cluster.stop_now()
    return 0


def command_start():
    cluster = Cluster.load()
    try:
        cluster.start()
    except SetupFailed as e:
        say(str(e))
        sys.stderr.write("The server's log ends with:\n" + cluster.log_tail())
        return 1
    return 0


def command_psql(argv):
    if len(argv) != 2:
        say("usage: pgcluster.py psql ROLE SQL")
        return 2
    cluster = Cluster.load()
    return cluster.psql(argv[0], argv[1]).returncode


def main(argv):
    command = argv[0] if argv else None
    try:
        if command == "run":
            return command_run(argv[1:])
        if command == "kill" and len(argv) == 1:
            return command_kill()
        if command == "start" and len(argv) == 1:
            return command_start()
        if command == "psql":
            return command_psql(argv[1:])
    except (SetupFailed, OSError) as e:
        say(str(e))
        return 1
    say("usage: pgcluster.py run -- CMD ARGS... | kill | start | psql ROLE SQL")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
