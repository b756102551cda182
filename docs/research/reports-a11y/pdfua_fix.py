#!/usr/bin/env python3
"""Prototype: add what cairo 1.16 cannot write, by an incremental update appended to cairo's PDF.
 - Catalog: /Lang, /ViewerPreferences << /DisplayDocTitle true >>
 - Figure StructElems (in order of object number = order of cairo_tag_begin): /Alt
 - TH StructElems: /A << /O /Table /Scope /Column >>
 - content tagged with the sentinel "Private": marked content -> /Artifact BMC, element dropped from
   the structure tree and from the ParentTree.
Relies on cairo 1.16's exact output layout (uncompressed objects, classic xref table)."""
import re, sys, zlib
src, dst, lang = sys.argv[1], sys.argv[2], sys.argv[3]
alts = sys.argv[4:]
d = open(src, 'rb').read()

def obj(n):
    m = re.search(rb'(?m)^%d 0 obj\s*(.*?)\s*endobj' % n, d, re.S)
    return m.group(1)
def utf16(s):
    return b'<FEFF' + s.encode('utf-16-be').hex().upper().encode() + b'>'

trailer = d[d.rfind(b'trailer'):]
root = int(re.search(rb'/Root (\d+) 0 R', trailer).group(1))
size = int(re.search(rb'/Size (\d+)', trailer).group(1))
info = re.search(rb'/Info (\d+) 0 R', trailer)
prev = int(re.search(rb'startxref\s+(\d+)', trailer).group(1))
new = {}

cat = obj(root)
new[root] = cat[:cat.rfind(b'>>')] + b'   /Lang (' + lang.encode() + b')\n   /ViewerPreferences << /DisplayDocTitle true >>\n>>'

elems = {int(m.group(1)): m.group(2) for m in
         re.finditer(rb'(?m)^(\d+) 0 obj\s*(<< /Type /StructElem.*?>>)\s*endobj', d, re.S)}
figs = sorted(n for n, b in elems.items() if b'/S /Figure\n' in b)
for n, alt in zip(figs, alts):
    b = elems[n]
    new[n] = b[:b.rfind(b'>>')] + b'   /Alt ' + utf16(alt) + b'\n>>'

for n, b in elems.items():          # TH: /Scope /Column as a standard table attribute
    if b'/S /TH\n' in b:
        new[n] = b[:b.rfind(b'>>')] + b'   /A << /O /Table /Scope /Column >>\n>>'
# sentinel "Private" leaves -> artifacts
private = {n for n, b in elems.items() if b'/S /Private\n' in b}
for n in private:
    parent = int(re.search(rb'/P (\d+) 0 R', elems[n]).group(1))
    body = new.get(parent, elems[parent])
    new[parent] = re.sub(rb'\b%d 0 R ' % n, b'', body)
pages = re.findall(rb'(?m)^(\d+) 0 obj\s*<< /Type /Page\b(.*?)endobj', d, re.S)
for pn, pbody in pages:
    cn = int(re.search(rb'/Contents (\d+) 0 R', pbody).group(1))
    sp = int(re.search(rb'/StructParents (\d+)', pbody).group(1))
    m = re.search(rb'(?m)^%d 0 obj\s*<<(.*?)>>\s*stream\r?\n' % cn, d, re.S)
    length_ref = re.search(rb'/Length (\d+) 0 R', m.group(1))
    length = int(obj(int(length_ref.group(1)))) if length_ref else int(re.search(rb'/Length (\d+)', m.group(1)).group(1))
    content = zlib.decompress(d[m.end():m.end() + length])
    # which MCIDs on this page belong to Private elements
    ptree = obj(int(re.search(rb'/ParentTree (\d+) 0 R', obj(int(re.search(rb'/StructTreeRoot (\d+) 0 R', cat).group(1)))).group(1)))
    arr_n = int(re.search(rb'\b%d (\d+) 0 R' % sp, ptree).group(1))
    refs = re.findall(rb'(\d+) 0 R', obj(arr_n))
    drop = [i for i, r in enumerate(refs) if int(r) in private]
    if not drop:
        continue
    for mcid in drop:
        content = content.replace(b'/Private << /MCID %d >> BDC' % mcid, b'/Artifact BMC')
    new[arr_n] = b'[ ' + b' '.join(b'null' if i in drop else r + b' 0 R' for i, r in enumerate(refs)) + b' ]'
    z = zlib.compress(content)
    new[cn] = b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(z) + z + b'\nendstream'

out = bytearray(d)
if not out.endswith(b'\n'):
    out += b'\n'
offsets = {}
for n in sorted(new):
    offsets[n] = len(out)
    out += b'%d 0 obj\n' % n + new[n] + b'\nendobj\n'
xref = len(out)
out += b'xref\n'
for n in sorted(new):
    out += b'%d 1\n%010d 00000 n \n' % (n, offsets[n])
out += b'trailer\n<< /Size %d /Root %d 0 R ' % (size, root)
if info:
    out += b'/Info %s 0 R ' % info.group(1)
out += b'/Prev %d >>\nstartxref\n%d\n%%%%EOF\n' % (prev, xref)
open(dst, 'wb').write(out)
print('updated objects:', sorted(new))
