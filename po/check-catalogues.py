#!/usr/bin/env python3
"""Fails when a catalogue falls behind the sources: the template is made
anew from po/POTFILES.in (as `meson compile fita-pot` does) and every
message in it must be in ca.po and es.po, translated and not fuzzy."""

import os
import re
import subprocess
import sys
import tempfile

source_root = sys.argv[1]
po_dir = os.path.join(source_root, "po")

# The same keywords as po/meson.build: the glib preset and Fita's own.
KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3", "g_dpgettext2:2c,3",
            "T_:2", "TC_:2c,3", "TN_:2,3"]


def messages(po_text):
    """(context, msgid) of each real message in a PO/POT file, with its state."""
    found = {}
    for block in re.split(r"\n\s*\n", po_text):
        if "msgid" not in block:
            continue
        fuzzy = re.search(r"^#,.*\bfuzzy\b", block, re.M) is not None
        obsolete = block.lstrip().startswith("#~")

        def field(name):
            m = re.search(r"^" + name + r' ("(?:[^"\\]|\\.)*"(?:\n"(?:[^"\\]|\\.)*")*)', block, re.M)
            if not m:
                return None
            return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))

        msgid = field("msgid")
        if msgid is None or msgid == "" or obsolete:
            continue
        ctx = field("msgctxt")
        strs = [field("msgstr")] if field("msgstr") is not None else []
        strs += [s for s in (field(r"msgstr\[%d\]" % i) for i in range(4)) if s is not None]
        found[(ctx, msgid)] = {"fuzzy": fuzzy, "translated": bool(strs) and all(strs)}
    return found


with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "fita.pot")
    cmd = ["xgettext", "--package-name=fita", "--from-code=UTF-8", "--add-comments", "--sort-output",
           "-D", source_root, "-f", os.path.join(po_dir, "POTFILES.in"), "-o", pot]
    cmd += ["--keyword=" + k for k in KEYWORDS]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr)
        sys.exit(1)
    for line in result.stderr.splitlines():
        # a msgid xgettext could not read whole (a macro inside the string)
        if "not a valid C format string" in line:
            print("xgettext:", line)
            sys.exit(1)
    with open(pot, encoding="utf-8") as f:
        template = messages(f.read())

problems = 0

# A string cut short at a macro (_("… %" G_GINT64_FORMAT " …")): xgettext
# keeps the part before the macro only, which no translation can match.
cut = re.compile(r'\b(?:_|N_|C_|NC_|T_|TC_|TN_)\s*\((?:[^()"]*,)?\s*"(?:[^"\\]|\\.)*"\s*G_G?U?INT(?:64|PTR|SIZE)_FORMAT')
for folder in ("src/core", "src/cli", "src/ui"):
    for name in sorted(os.listdir(os.path.join(source_root, folder))):
        if name.endswith(".c"):
            with open(os.path.join(source_root, folder, name), encoding="utf-8") as f:
                for m in cut.finditer(f.read()):
                    print(f"{folder}/{name}: a translatable string is cut at a format macro: print the number as %d with a cast")
                    problems += 1

# Every source with translatable text must be listed, or its strings are
# never extracted and stay in English.
listed = {l.strip() for l in open(os.path.join(po_dir, "POTFILES.in")) if l.strip() and not l.startswith("#")}
marker = re.compile(r'\b(?:_|N_|C_|NC_|T_|TC_|TN_)\s*\(|translatable="yes"')
for folder in ("src/core", "src/cli", "src/ui"):
    for name in sorted(os.listdir(os.path.join(source_root, folder))):
        path = f"{folder}/{name}"
        if name.endswith((".c", ".ui")) and path not in listed:
            with open(os.path.join(source_root, path), encoding="utf-8") as f:
                if marker.search(f.read()):
                    print(f"po/POTFILES.in: {path} has translatable text but is not listed")
                    problems += 1

for lang in open(os.path.join(po_dir, "LINGUAS")).read().split():
    with open(os.path.join(po_dir, lang + ".po"), encoding="utf-8") as f:
        catalogue = messages(f.read())
    missing = [k for k in template if k not in catalogue]
    untranslated = [k for k in template if k in catalogue and not catalogue[k]["translated"]]
    fuzzy = [k for k in template if k in catalogue and catalogue[k]["fuzzy"]]
    for kind, keys in (("missing", missing), ("untranslated", untranslated), ("fuzzy", fuzzy)):
        for ctx, msgid in keys[:10]:
            print(f"{lang}.po: {kind}: {(ctx + ' | ') if ctx else ''}{msgid[:70]}")
        if len(keys) > 10:
            print(f"{lang}.po: … and {len(keys) - 10} more {kind}")
        problems += len(keys)
    # msgfmt's own checks: format strings that match, and a whole header
    # (Language, Plural-Forms, …), whose loss tools such as msgcat cause
    check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, os.path.join(po_dir, lang + ".po")],
                           capture_output=True, text=True)
    for line in check.stderr.splitlines():
        print(line)
        problems += 1
    print(f"{lang}.po: {len(template) - len(missing) - len(untranslated)} of {len(template)} messages translated")

if problems:
    print("Run `meson compile -C build fita-pot fita-update-po` and translate the new strings (see po/README.md).")
sys.exit(1 if problems else 0)
