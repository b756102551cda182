"""A tagged PDF's structure as poppler-utils 22.12 shows it, and the
checks a report must pass (tests/cli/test-report-structure.py).

pdfinfo -struct-text prints the structure tree in reading order: two
spaces of indent a level; an element as `Name[ <ID>][ "Title"][ (block|
inline)][:]`, a trailing colon when attribute lines (`/Scope /Column`)
follow one level deeper plus one space; its text as `"text"`. It never
prints /Alt or /Lang, so those are read from the raw file: the last
definition of each object (an incremental update appends new ones), which
works while the objects are not in compressed object streams (cairo 1.16
writes none)."""

import os
import re
import subprocess
import tempfile
import zlib

ELEMENT = re.compile(r'^(?P<name>[A-Za-z0-9_.]+)(?: <[^>]*>)?(?: ".*?")?(?: r\d+)?'
                     r'(?: \((?:block|inline)\))?(?P<colon>:)?$')


class Node:
    def __init__(self, name, parent=None):
        self.name, self.parent = name, parent
        self.attrs, self.texts, self.children = {}, [], []

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def text(self):
        return "".join(self.texts) + "".join(child.text() for child in self.children)


def parse(out):
    """The tree of pdfinfo -struct-text's output; the root is not an element."""
    root = Node("(root)")
    stack = [(-1, root)]
    lines = out.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip():
            continue
        body = line.lstrip(" ")
        depth = (len(line) - len(body)) // 2
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith("/"):
            key, _, value = body[1:].partition(" ")
            parent.attrs[key] = value
        elif body.startswith('"'):
            text = body
            # text that holds a line break goes on over the next lines
            while not (len(text) >= 2 and text.endswith('"')) and i < len(lines):
                text += "\n" + lines[i]
                i += 1
            parent.texts.append(text[1:-1])
        elif body.startswith("Object ") or body == "(No content?)":
            pass
        else:
            m = ELEMENT.match(body)
            if not m:
                raise ValueError(f"pdfinfo line not understood: {line!r}")
            node = Node(m.group("name"), parent)
            parent.children.append(node)
            stack.append((depth, node))
    return root


def squash(text):
    return re.sub(r"\s+", "", text)


def raw_objects(path):
    """Each object's dictionary, at its last definition."""
    with open(path, "rb") as f:
        data = f.read()
    return {int(n): body for n, body in re.findall(rb"(?m)^(\d+) 0 obj\s*(<<.*?)endobj", data, re.S)}


def without_figures(path, out):
    """A copy of the PDF at path with the content of every Figure and every
    artifact removed, as an incremental update of its page contents: what a
    screen reader reads in place of a figure is its /Alt (and poppler 22.12
    cuts a figure's own text, a chart's labels drawn with ligatures,
    short), and it skips artifacts (the running header and footer). The
    number of artifacts removed."""
    with open(path, "rb") as f:
        data = f.read()
    objects = raw_objects(path)
    trailer = data[data.rfind(b"trailer"):]
    size = int(re.search(rb"/Size (\d+)", trailer).group(1))
    root = re.search(rb"/Root (\d+) 0 R", trailer).group(1)
    prev = int(re.search(rb"startxref\s+(\d+)", trailer).group(1))
    update = {}
    artifacts = 0
    for body in objects.values():
        if not re.search(rb"/Type\s*/Page\b", body):
            continue
        number = int(re.search(rb"/Contents (\d+) 0 R", body).group(1))
        # its last version: Fita's update has rewritten it
        m = list(re.finditer(rb"(?m)^%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % number, data, re.S))[-1]
        ref = re.search(rb"/Length (\d+) 0 R", m.group(1))
        # cairo gives a stream's length as an object of its own
        length = int(re.search(rb"(?m)^%s 0 obj\s*(\d+)" % ref.group(1), data).group(1)) if ref \
            else int(re.search(rb"/Length (\d+)", m.group(1)).group(1))
        content = data[m.end():m.end() + length]
        if b"/FlateDecode" in m.group(1):
            content = zlib.decompress(content)
        kept, depth, skipping = [], 0, False
        for token in re.split(rb"(\bBDC\b|\bBMC\b|\bEMC\b)", content):
            if not skipping and token == b"BDC" and re.search(rb"/Figure\s*<<[^<>]*>>\s*$", kept[-1]):
                kept[-1] = re.sub(rb"/Figure\s*<<[^<>]*>>\s*$", b"", kept[-1])
                skipping, depth = True, 1
                continue
            if not skipping and token == b"BMC" and re.search(rb"/Artifact\s*$", kept[-1]):
                kept[-1] = re.sub(rb"/Artifact\s*$", b"", kept[-1])
                skipping, depth = True, 1
                artifacts += 1
                continue
            if skipping:
                depth += 1 if token in (b"BDC", b"BMC") else -1 if token == b"EMC" else 0
                skipping = depth > 0
                continue
            kept.append(token)
        update[number] = b"".join(kept)
    out_data = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number, content in sorted(update.items()):
        offsets[number] = len(out_data)
        out_data += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(content)) + content + b"\nendstream\nendobj\n"
    xref = len(out_data)
    out_data += b"xref\n" + b"".join(b"%d 1\n%010d 00000 n \n" % (n, o) for n, o in sorted(offsets.items()))
    out_data += b"trailer\n<< /Size %d /Root %s 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, prev, xref)
    with open(out, "wb") as f:
        f.write(out_data)
    return artifacts


def tree_problems(root):
    """Headings that skip a level, tables without TH or TH without scope,
    cells or spans out of place, no headings."""
    problems = []
    if [c.name for c in root.children] != ["Document"]:
        problems.append(f"the tree is not one Document: {[c.name for c in root.children]}")
    last = 0
    headings = 0
    for node in root.walk():
        m = re.fullmatch(r"H([1-6])", node.name)
        if m:
            headings += 1
            level = int(m.group(1))
            if level > last + 1:
                problems.append(f'{node.name} "{node.text()}" skips a level after H{last}')
            last = level
        if node.name == "Table":
            if not any(c.name == "TH" for c in node.walk()):
                problems.append(f'a table without TH: "{node.text()[:60]}"')
            for c in node.walk():
                if c.name == "TH" and c.attrs.get("Scope") not in ("/Column", "/Row"):
                    problems.append(f'a TH without /Scope: "{c.text()}"')
        if node.name in ("TR", "TH", "TD", "Span") and node.parent.name == "Document":
            problems.append(f"{node.name} outside its table or paragraph")
    if headings == 0:
        problems.append("no headings")
    return problems


def untagged(body, root):
    """The lines of body (pdftotext's text) that are not in the tree's
    text: each line is, or, as the cells of a row sit side by side on a
    line, each of its words is."""
    problems = []
    tagged = squash(root.text())
    for line in body.split("\n"):
        if squash(line) and squash(line) not in tagged:
            missing = [w for w in line.split() if squash(w) not in tagged]
            if missing:
                problems.append(f'untagged text: "{line.strip()}" ({" ".join(missing)})')
    return problems


def check(path, lang):
    """The problems of the report at path: a list of sentences, empty when
    it passes."""
    problems = []
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    if not re.search(r"(?m)^Tagged:\s+yes$", info):
        problems.append("pdfinfo does not say Tagged: yes")
    out = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True, check=True).stdout
    root = parse(out)
    problems += tree_problems(root)

    objects = raw_objects(path).values()
    catalog = [o for o in objects if re.search(rb"/Type\s*/Catalog\b", o)]
    if len(catalog) != 1:
        problems.append(f"{len(catalog)} catalogs")
    else:
        if not re.search(rb"/Lang\s*\(" + re.escape(lang.encode()) + rb"\)", catalog[0]):
            problems.append(f"no /Lang ({lang}) in the catalog")
        if not re.search(rb"/ViewerPreferences\s*<<\s*/DisplayDocTitle\s+true\s*>>", catalog[0]):
            problems.append("no /DisplayDocTitle true")
    figures = [o for o in objects if re.search(rb"/Type\s*/StructElem", o) and re.search(rb"/S\s*/Figure\b", o)]
    for figure in figures:
        alt = re.search(rb"/Alt\s*<FEFF([0-9A-F]*)>", figure)
        if not alt or not bytes.fromhex(alt.group(1).decode()).decode("utf-16-be").strip():
            problems.append("a Figure without alternative text")
    if len(figures) != sum(1 for n in root.walk() if n.name == "Figure"):
        problems.append("Figures in the file and in the tree differ")

    # No untagged text: what the pages show, figures and artifacts left
    # out, is in the tree; the running header and footer are artifacts
    # (with them, at least one a page), as are rules, row shading and a
    # heading row repeated on a new page
    pages = int(re.search(r"(?m)^Pages:\s+(\d+)", info).group(1))
    fd, bare = tempfile.mkstemp(suffix=".pdf")
    os.close(fd)
    try:
        artifacts = without_figures(path, bare)
        body = subprocess.run(["pdftotext", "-q", "-raw", bare, "-"],
                              capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(bare)
    if artifacts < pages:
        problems.append(f"{artifacts} artifacts on {pages} pages")
    return root, problems + untagged(body, root)
