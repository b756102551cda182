#!/usr/bin/env python3
"""`meson install` into a DESTDIR gives a complete, runnable Fita."""

import os
import shutil
import subprocess
import sys
import tempfile

build_dir, prefix = sys.argv[1], sys.argv[2]
# a build without the app (-Dui=false) installs the rest
with_ui = len(sys.argv) < 4 or sys.argv[3] != "no-ui"
dest = tempfile.mkdtemp(prefix="fita-install-")
try:
    subprocess.run(["meson", "install", "-C", build_dir, "--destdir", dest, "--no-rebuild", "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    root = dest + prefix
    expected = [
        "bin/fita",
        "bin/fita-cli",
        "share/applications/cat.fita.Fita.desktop",
        "share/metainfo/cat.fita.Fita.metainfo.xml",
        "share/glib-2.0/schemas/cat.fita.Fita.gschema.xml",
        "share/icons/hicolor/scalable/apps/cat.fita.Fita.svg",
        "share/icons/hicolor/symbolic/apps/cat.fita.Fita-symbolic.svg",
        "share/mime/packages/cat.fita.Fita.xml",
        "share/locale/ca/LC_MESSAGES/fita.mo",
        "share/locale/es/LC_MESSAGES/fita.mo",
        "share/fita/examples/terrassa-ess-2019-2026.json",
        "share/fita/examples/terrassa-serveis-socials-2023-2027.json",
        "share/fita/examples/barcelona-espai-ess.json",
        "share/fita/examples/barcelona-impulsem-2016-2021.json",
        "share/fita/examples/xmess-2017-2019.json",
    ]
    binaries = [b for b in ("bin/fita", "bin/fita-cli") if with_ui or b != "bin/fita"]
    if not with_ui:
        expected.remove("bin/fita")
    missing = [f for f in expected if not os.path.exists(os.path.join(root, f))]
    for f in missing:
        print(f"not installed: {f}")
    if missing:
        sys.exit(1)
    for binary in binaries:
        if not os.access(os.path.join(root, binary), os.X_OK):
            print(f"not executable: {binary}")
            sys.exit(1)
    # the installed CLI runs, and finds its translations in the installed tree
    env = dict(os.environ, FITA_LOCALEDIR=os.path.join(root, "share/locale"), LANGUAGE="ca", LC_ALL="C.UTF-8")
    out = subprocess.run([os.path.join(root, "bin/fita-cli"), "--version"], capture_output=True, text=True, env=env)
    if out.returncode != 0 or not out.stdout.startswith("fita-cli "):
        print("the installed fita-cli does not run:", out.stdout, out.stderr)
        sys.exit(1)
    print(f"{len(expected)} files installed under {prefix}")
finally:
    shutil.rmtree(dest)
