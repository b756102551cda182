#!/usr/bin/env python3
# Checks that the built shared-mime-info package recognises Fita plans by
# their extension and, without one, by the "Fita" application_id at offset 68
# of the SQLite header, and that other SQLite databases are left alone.
#
# Usage: check-mime-type.py BUILT-MIME-XML
# Exit status 77 (skip) when a tool is missing, unless CI=true.

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

FITA_APPLICATION_ID = 0x46697461


def missing(what):
    print(f"{what} is not installed", file=sys.stderr)
    sys.exit(1 if os.environ.get("CI") == "true" else 77)


def make_database(path, application_id):
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {application_id}")
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()


def content_type(path, env):
    out = subprocess.run(["gio", "info", "--attributes=standard::content-type", path],
                         env=env, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        line = line.strip()
        key, _, value = line.partition(": ")
        if key == "standard::content-type":
            return value.strip()
    return None


def main():
    for tool in ("update-mime-database", "gio"):
        if shutil.which(tool) is None:
            missing(tool)

    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, "share", "mime", "packages")
        os.makedirs(packages)
        shutil.copy(sys.argv[1], packages)

        system_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
        env = dict(os.environ,
                   XDG_DATA_HOME=os.path.join(tmp, "home"),
                   XDG_DATA_DIRS=os.path.join(tmp, "share") + ":" + system_dirs)
        subprocess.run(["update-mime-database", os.path.join(tmp, "share", "mime")],
                       env=env, check=True)

        cases = [
            ("plan.fita", FITA_APPLICATION_ID, "application/x-fita"),
            ("plan-without-extension", FITA_APPLICATION_ID, "application/x-fita"),
            # Anything but a Fita plan; usually application/vnd.sqlite3.
            ("other-database", 0, None),
        ]
        failed = False
        for name, application_id, expected in cases:
            path = os.path.join(tmp, name)
            make_database(path, application_id)
            found = content_type(path, env)
            if expected is None:
                good = found != "application/x-fita"
                expected = "not application/x-fita"
            else:
                good = found == expected
            print(f"{'ok' if good else 'FAIL'}: {name}: {found} (expected {expected})")
            failed |= not good
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
