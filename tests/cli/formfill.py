"""Fill a Fita update form as a service would, for the tests.

fill(form_path, out_path, answers) writes a copy of an ODS or XLSX form
(fita-cli forms) with some cells changed. answers = {item code: {field:
value}}, the fields being:

  "status"             the status's name, as the plan's list has it
  "progress"           percent done, 0-100 (a number)
  "executed.CHAPTER"   euros executed in the form's year in that chapter
                       (a number; CHAPTER as the column's header names it)
  "notes" or "execution", "strengths", "weaknesses", "next_steps"
                       the follow-up texts
  "indicator.NAME"     the value of the item's indicator NAME for the year

A value of None empties the cell. Only the cells named change: the file is
edited at the XML level (content.xml, or the worksheets of an XLSX), and
every other part of the archive is copied as it was, so the key, the
styles, the protection and the lists stay those Fita wrote.

The layout read is fita-forms.c's: the sheets in the order instructions,
items, indicators, key; on the items sheet the columns code, title, level,
status, percent, one "Executed YEAR: CHAPTER" per chapter, the four texts
and the hidden key; on the indicators sheet code, indicator, unit, target,
value and key. Columns are found by position, not by header, since headers
are in the plan's language.

through_libreoffice(path, fmt, outdir) has LibreOffice (soffice
--headless --convert-to) open the file and write it again as fmt ("ods"
or "xlsx"), so that the result is a file LibreOffice wrote, as a service
saving its answers would send back. It returns the new file's path.

read(path) returns the form's sheets as lists of rows of strings (the
text a cell shows, numbers as written in the XML), for checking.
"""

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS_ODS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}
NS_XLSX = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

SHEET_ITEMS = 1
SHEET_INDICATORS = 2
TEXT_FIELDS = ["execution", "strengths", "weaknesses", "next_steps"]
MONEY_RE = re.compile(r"^-?\d+(\.\d{1,2})?$")


class FormError(Exception):
    pass


def _q(ns, name):
    return "{%s}%s" % (ns, name)


def _o(prefix, name):
    return _q(NS_ODS[prefix], name)


# XML kept as it was written: every namespace declaration of the document
# survives (ElementTree drops the ones no element or attribute name uses,
# but ODF uses some in attribute values, e.g. "of:" in formulas).

def _parse(data):
    namespaces = []
    for event, item in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
        namespaces.append(item)
    for prefix, uri in namespaces:
        if prefix and not prefix.startswith("ns"):
            ET.register_namespace(prefix, uri)
        elif prefix == "":
            ET.register_namespace("", uri)
    return ET.ElementTree(ET.fromstring(data)), namespaces


def _serialise(tree, namespaces):
    body = ET.tostring(tree.getroot(), encoding="unicode")
    end = body.index(">")
    head = body[:end]
    missing = []
    for prefix, uri in namespaces:
        attr = "xmlns:%s=" % prefix if prefix else "xmlns="
        if attr not in head and (prefix, uri) not in missing:
            missing.append((prefix, uri))
    extra = "".join(' xmlns%s="%s"' % (":" + p if p else "", u) for p, u in missing)
    if head.endswith("/"):
        head = head[:-1] + extra + "/"
    else:
        head = head + extra
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + head + body[end:]).encode("utf-8")


def _rewrite_zip(src, dst, replaced):
    """Copies the archive src to dst, entry by entry in the same order and
    with the same compression, with the parts in replaced (name → bytes)
    changed."""
    tmp = dst + ".tmp"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w") as zout:
        for info in zin.infolist():
            data = replaced.get(info.filename, None)
            if data is None:
                data = zin.read(info.filename)
            out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            out.compress_type = info.compress_type
            out.external_attr = info.external_attr
            zout.writestr(out, data)
    os.replace(tmp, dst)


# ODS

def _ods_tables(root):
    body = root.find(_o("office", "body"))
    sheet = body.find(_o("office", "spreadsheet"))
    return sheet.findall(_o("table", "table"))


def _ods_rows(table):
    """The table's rows in order (inside header rows and row groups too).
    A row repeated a few times is split into single rows, so that any can
    be changed; a long run (the empty rows LibreOffice writes to the end
    of the sheet) stays one row."""
    rows = []

    def walk(parent):
        for child in list(parent):
            if child.tag == _o("table", "table-row"):
                repeat = int(child.get(_o("table", "number-rows-repeated"), "1"))
                rows.append(child)
                if 1 < repeat <= 100:
                    del child.attrib[_o("table", "number-rows-repeated")]
                    at = list(parent).index(child)
                    for k in range(1, repeat):
                        copy = _copy(child)
                        parent.insert(at + k, copy)
                        rows.append(copy)
            elif child.tag in (_o("table", "table-header-rows"), _o("table", "table-row-group"),
                               _o("table", "table-rows")):
                walk(child)

    walk(table)
    return rows


def _copy(element):
    return ET.fromstring(ET.tostring(element))


def _ods_row_texts(row):
    """The texts of the row's cells, without changing it; trailing empty
    cells left out."""
    texts = []
    for cell in row:
        if cell.tag in (_o("table", "table-cell"), _o("table", "covered-table-cell")):
            repeat = int(cell.get(_o("table", "number-columns-repeated"), "1"))
            texts.extend([_ods_text(cell)] * min(repeat, 1024))
    while texts and texts[-1] == "":
        texts.pop()
    return texts


def _ods_cell(row, column):
    """The row's cell at column, split out of a run of repeated cells if
    it is in one (and made if the row is shorter)."""
    seen = 0
    for cell in list(row):
        if cell.tag not in (_o("table", "table-cell"), _o("table", "covered-table-cell")):
            continue
        repeat = int(cell.get(_o("table", "number-columns-repeated"), "1"))
        if seen + repeat > column:
            if repeat > 1:
                at = list(row).index(cell)
                cell.attrib.pop(_o("table", "number-columns-repeated"))
                before, after = column - seen, seen + repeat - column - 1
                if before:
                    first = _copy(cell)
                    if before > 1:
                        first.set(_o("table", "number-columns-repeated"), str(before))
                    row.insert(at, first)
                    at += 1
                if after:
                    rest = _copy(cell)
                    if after > 1:
                        rest.set(_o("table", "number-columns-repeated"), str(after))
                    row.insert(at + 1, rest)
            return cell
        seen += repeat
    cell = None
    while seen <= column:
        cell = ET.SubElement(row, _o("table", "table-cell"))
        seen += 1
    return cell


def _ods_text(cell):
    parts = []
    for p in cell.findall(_o("text", "p")):
        parts.append("".join(p.itertext()))
    return "\n".join(parts)


VALUE_ATTRS = ["value", "value-type", "currency", "date-value", "time-value", "boolean-value", "string-value"]


def _ods_set(cell, value, money=False):
    for name in VALUE_ATTRS:
        cell.attrib.pop(_o("office", name), None)
    cell.attrib.pop(_o("calcext", "value-type"), None)
    for child in list(cell):
        if child.tag == _o("text", "p"):
            cell.remove(child)
    if value is None or value == "":
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = repr(float(value)) if isinstance(value, float) else str(value)
        if money:
            cell.set(_o("office", "value-type"), "currency")
            cell.set(_o("office", "currency"), "EUR")
        else:
            cell.set(_o("office", "value-type"), "float")
        cell.set(_o("office", "value"), number)
        text = number
    else:
        cell.set(_o("office", "value-type"), "string")
        text = str(value)
    for line in text.split("\n"):
        p = ET.SubElement(cell, _o("text", "p"))
        p.text = line


def _fill_ods(src, dst, answers):
    with zipfile.ZipFile(src) as z:
        data = z.read("content.xml")
    tree, namespaces = _parse(data)
    tables = _ods_tables(tree.getroot())
    if len(tables) < 4:
        raise FormError("%s: not an update form (it has %d sheets)" % (src, len(tables)))
    grid = _Grid(
        read=lambda s: [_ods_row_texts(r) for r in _ods_rows(tables[s])],
        cell=lambda s, r, c: _ods_cell(_ods_rows(tables[s])[r], c),
        set=_ods_set)
    _apply(grid, answers, src)
    _rewrite_zip(src, dst, {"content.xml": _serialise(tree, namespaces)})


# XLSX

def _col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def _col_letters(index):
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


class _Xlsx:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        wb, _ = _parse(self.zip.read("xl/workbook.xml"))
        rels, _ = _parse(self.zip.read("xl/_rels/workbook.xml.rels"))
        targets = {}
        for rel in rels.getroot().findall(_q(NS_PKG_REL, "Relationship")):
            target = rel.get("Target")
            targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
        self.parts = []
        for sheet in wb.getroot().find(_q(NS_XLSX, "sheets")):
            self.parts.append(targets[sheet.get(_q(NS_REL, "id"))])
        self.strings = []
        shared = [t for t in targets.values() if t.endswith("sharedStrings.xml")]
        if shared:
            root = ET.fromstring(self.zip.read(shared[0]))
            for si in root.findall(_q(NS_XLSX, "si")):
                self.strings.append("".join(t.text or "" for t in si.iter(_q(NS_XLSX, "t"))))
        self.trees = {}

    def tree(self, index):
        part = self.parts[index]
        if part not in self.trees:
            self.trees[part] = _parse(self.zip.read(part))
        return self.trees[part][0]

    def rows(self, index):
        data = self.tree(index).getroot().find(_q(NS_XLSX, "sheetData"))
        return {int(r.get("r")) - 1: r for r in data.findall(_q(NS_XLSX, "row"))}

    def text(self, c):
        kind = c.get("t")
        if kind == "inlineStr":
            return "".join(t.text or "" for t in c.iter(_q(NS_XLSX, "t")))
        v = c.find(_q(NS_XLSX, "v"))
        if v is None or v.text is None:
            return ""
        if kind == "s":
            return self.strings[int(v.text)]
        return v.text

    def read(self, index):
        rows = self.rows(index)
        out = []
        for r in range(max(rows) + 1 if rows else 0):
            cells = {}
            for c in rows.get(r, []):
                if c.tag == _q(NS_XLSX, "c"):
                    cells[_col_index(c.get("r"))] = self.text(c)
            out.append([cells.get(i, "") for i in range(max(cells) + 1 if cells else 0)])
        return out

    def cell(self, index, r, col):
        row = self.rows(index)[r]
        ref = "%s%d" % (_col_letters(col), r + 1)
        at = 0
        for c in list(row):
            if c.tag != _q(NS_XLSX, "c"):
                continue
            i = _col_index(c.get("r"))
            if i == col:
                return c
            if i > col:
                break
            at = list(row).index(c) + 1
        c = ET.Element(_q(NS_XLSX, "c"), {"r": ref})
        row.insert(at, c)
        return c

    @staticmethod
    def set(c, value, money=False):
        for child in list(c):
            c.remove(child)
        c.attrib.pop("t", None)
        if value is None or value == "":
            return
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            v = ET.SubElement(c, _q(NS_XLSX, "v"))
            v.text = repr(float(value)) if isinstance(value, float) else str(value)
        else:
            c.set("t", "inlineStr")
            is_ = ET.SubElement(c, _q(NS_XLSX, "is"))
            t = ET.SubElement(is_, _q(NS_XLSX, "t"))
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = str(value)

    def replaced(self):
        return {part: _serialise(tree, ns) for part, (tree, ns) in self.trees.items()}


def _fill_xlsx(src, dst, answers):
    x = _Xlsx(src)
    if len(x.parts) < 4:
        raise FormError("%s: not an update form (it has %d sheets)" % (src, len(x.parts)))
    grid = _Grid(read=x.read, cell=x.cell, set=_Xlsx.set)
    _apply(grid, answers, src)
    replaced = x.replaced()
    x.zip.close()
    _rewrite_zip(src, dst, replaced)


# The form's layout, alike in both formats

class _Grid:
    def __init__(self, read, cell, set):
        self.read = read
        self.cell = cell
        self.set = set


def _number(value, what):
    if value is None or isinstance(value, (int, float)):
        return value
    text = str(value).strip()
    if not re.match(r"^-?\d+(\.\d+)?$", text):
        raise FormError("%s: %r is not a number" % (what, value))
    return float(text) if "." in text else int(text)


def _apply(grid, answers, src):
    items = grid.read(SHEET_ITEMS)
    header = items[0]
    n_chapters = len(header) - 10
    if n_chapters < 0:
        raise FormError("%s: the items sheet has %d columns, too few for a form" % (src, len(header)))
    chapters = {}
    for i in range(n_chapters):
        name = header[5 + i]
        chapters[name.split(": ", 1)[1] if ": " in name else name] = 5 + i
    text_columns = {name: 5 + n_chapters + i for i, name in enumerate(TEXT_FIELDS)}
    text_columns["notes"] = text_columns["execution"]
    item_rows = {row[0]: r for r, row in enumerate(items) if r > 0 and row}
    indicators = grid.read(SHEET_INDICATORS)
    indicator_rows = {(row[0], row[1]): r for r, row in enumerate(indicators) if r > 0 and len(row) > 1}

    for code, fields in answers.items():
        if code not in item_rows:
            raise FormError("%s: no item %r in the form (it has %s)" % (src, code, ", ".join(sorted(item_rows))))
        r = item_rows[code]
        for field, value in fields.items():
            if field == "status":
                grid.set(grid.cell(SHEET_ITEMS, r, 3), value)
            elif field == "progress":
                grid.set(grid.cell(SHEET_ITEMS, r, 4), _number(value, field))
            elif field.startswith("executed."):
                chapter = field[len("executed."):]
                if chapter not in chapters:
                    raise FormError("%s: no chapter %r in the form (it has %s)" % (src, chapter, ", ".join(chapters)))
                grid.set(grid.cell(SHEET_ITEMS, r, chapters[chapter]), _number(value, field), money=True)
            elif field in text_columns:
                grid.set(grid.cell(SHEET_ITEMS, r, text_columns[field]), value)
            elif field.startswith("indicator."):
                name = field[len("indicator."):]
                if (code, name) not in indicator_rows:
                    raise FormError("%s: item %s has no indicator %r in the form" % (src, code, name))
                grid.set(grid.cell(SHEET_INDICATORS, indicator_rows[(code, name)], 4),
                         value if isinstance(value, str) and not re.match(r"^-?\d+(\.\d+)?$", value)
                         else _number(value, field))
            else:
                raise FormError("%s: unknown field %r" % (src, field))


def _format_of(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    if "content.xml" in names:
        return "ods"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise FormError("%s: neither an ODS nor an XLSX file" % path)


def fill(form_path, out_path, answers):
    """Writes to out_path a copy of the form at form_path with answers
    filled in (see the module's documentation)."""
    if _format_of(form_path) == "ods":
        _fill_ods(form_path, out_path, answers)
    else:
        _fill_xlsx(form_path, out_path, answers)
    return out_path


def read(path):
    """The form's sheets, each a list of rows of cell texts."""
    if _format_of(path) == "ods":
        with zipfile.ZipFile(path) as z:
            tree, _ = _parse(z.read("content.xml"))
        return [[_ods_row_texts(r) for r in _ods_rows(t)] for t in _ods_tables(tree.getroot())]
    x = _Xlsx(path)
    try:
        return [x.read(i) for i in range(len(x.parts))]
    finally:
        x.zip.close()


FILTERS = {"ods": "ods:calc8", "xlsx": 'xlsx:Calc MS Excel 2007 XML'}


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def through_libreoffice(path, fmt, outdir, timeout=180):
    """Has LibreOffice open path and save it as fmt ("ods" or "xlsx") in
    outdir; returns the path written. Uses a profile of its own, so that
    it runs beside any LibreOffice already open and leaves no trace."""
    program = soffice()
    if program is None:
        raise FormError("LibreOffice (soffice) is not installed")
    os.makedirs(outdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="fita-lo-profile-")
    # soffice names the output after the input, in a folder of its own so
    # that it never is the input itself
    work = tempfile.mkdtemp(prefix="fita-lo-")
    base = os.path.splitext(os.path.basename(path))[0]
    source = os.path.join(work, "in", os.path.basename(path))
    os.makedirs(os.path.dirname(source))
    shutil.copyfile(path, source)
    try:
        proc = subprocess.run(
            [program, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
             "--convert-to", FILTERS.get(fmt, fmt), "--outdir", os.path.join(work, "out"), source],
            capture_output=True, text=True, timeout=timeout)
        made = os.path.join(work, "out", base + "." + fmt)
        if proc.returncode != 0 or not os.path.exists(made):
            raise FormError("soffice failed on %s (exit %d): %s %s" % (path, proc.returncode, proc.stdout, proc.stderr))
        out = os.path.join(outdir, base + "." + fmt)
        shutil.move(made, out)
        return out
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
