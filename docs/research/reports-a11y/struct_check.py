#!/usr/bin/env python3
"""Check a tagged PDF with poppler-utils only (pdfinfo -struct-text, pdftotext).
usage: struct_check.py FILE.pdf [--body Y0 Y1]   (Y0..Y1: body area in points from the top; text outside
it is page furniture and is not required to be in the structure tree)"""
import re, subprocess, sys

ELEM = re.compile(r'^(?P<name>[A-Za-z0-9_.]+)(?: <(?P<id>[^>]*)>)?(?: "(?P<title>.*?)")?(?: r\d+)?'
                  r'(?: \((?P<kind>block|inline)\))?(?P<colon>:)?$')

class Node:
    def __init__(self, name, kind=None, parent=None):
        self.name, self.kind, self.parent = name, kind, parent
        self.attrs, self.texts, self.children, self.objects = {}, [], [], []
    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()
    def text(self):
        return ''.join(self.texts) + ''.join(c.text() for c in self.children)

def parse(out):
    root = Node('(root)'); stack = [(-1, root)]; lines = out.split('\n'); i = 0
    while i < len(lines):
        line = lines[i]; i += 1
        if not line.strip():
            continue
        body = line.lstrip(' '); depth = (len(line) - len(body)) // 2
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('/'):                         # attribute of the element above
            k, _, v = body[1:].partition(' '); parent.attrs[k] = v
            continue
        if body.startswith('"'):                         # text content of the element above
            s = body
            while not (len(s) >= 2 and s.endswith('"')) and i < len(lines):
                s += '\n' + lines[i]; i += 1            # text that itself holds a newline
            parent.texts.append(s[1:-1]); continue
        if body.startswith('Object '):
            parent.objects.append(body[7:]); continue
        if body == '(No content?)':
            continue
        m = ELEM.match(body)
        if not m:
            raise ValueError('unparsed line: %r' % line)
        n = Node(m.group('name'), m.group('kind'), parent); parent.children.append(n); stack.append((depth, n))
    return root

def squash(s):
    return re.sub(r'\s+', '', s)

def raw_figures(pdf):
    """(figures, figures without /Alt) from the raw file: pdfinfo never prints /Alt. Works while the
    StructElem objects are not inside compressed object streams (true for cairo 1.16 and LibreOffice)."""
    d = open(pdf, 'rb').read()
    # the last definition of an object number wins (incremental updates append new versions)
    objs = dict(re.findall(rb'(?m)^(\d+) 0 obj\s*(<<.*?)endobj', d, re.S)).values()
    figs = [o for o in objs if re.search(rb'/S\s*/Figure\b', o) and re.search(rb'/Type\s*/StructElem', o)]
    return len(figs), sum(1 for o in figs if not re.search(rb'/Alt\s*[(<]', o))

def check(pdf, body=None):
    out = subprocess.run(['pdfinfo', '-struct-text', pdf], capture_output=True, text=True, check=True).stdout
    root = parse(out); problems = []
    if not root.children:
        problems.append('no structure tree (untagged PDF)')
    last = 0
    for n in root.walk():
        m = re.fullmatch(r'H([1-6])', n.name)
        if m:
            lvl = int(m.group(1))
            if lvl > last + 1:
                problems.append('heading %s "%s" skips a level after H%d' % (n.name, n.text(), last))
            last = lvl
        if n.name == 'Table' and not any(c.name == 'TH' for c in n.walk()):
            problems.append('table without TH: "%s"' % n.text()[:40])
    n_fig, no_alt = raw_figures(pdf)
    if no_alt:
        problems.append('%d of %d figures without /Alt' % (no_alt, n_fig))
    args = ['pdftotext', '-q']
    if body:
        args += ['-r', '72', '-x', '0', '-y', str(body[0]), '-W', '10000', '-H', str(body[1] - body[0])]
    page_text = subprocess.run(args + [pdf, '-'], capture_output=True, text=True, check=True).stdout
    tagged = squash(root.text())
    for line in page_text.split('\n'):
        if squash(line) and squash(line) not in tagged:
            problems.append('untagged (or truncated in -struct-text) text: "%s"' % line.strip())
    return root, problems

if __name__ == '__main__':
    a = sys.argv[1:]; body = None
    if '--body' in a:
        k = a.index('--body'); body = (int(a[k + 1]), int(a[k + 2])); del a[k:k + 3]
    root, problems = check(a[0], body)
    print('%s: %d elements, %d problems' % (a[0], sum(1 for _ in root.walk()) - 1, len(problems)))
    for p in problems:
        print('  -', p)
    sys.exit(1 if problems else 0)
