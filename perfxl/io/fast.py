"""python-calamine backend: a fast, read-only CellSource for batches (consolidation, batch checks).

python-calamine reads the values a spreadsheet program *saved*; it does not see formulas, defined
names or error values (it gives "" for all of them). This module fills those gaps cheaply from the
package itself:

- defined names (workbook- and sheet-scoped, ``localSheetId``) from ``xl/workbook.xml``;
- formula cells with no saved result and error cells (``t="e"``) from the sheet XML, which is only
  scanned with a regular expression when it contains ``<f`` or ``t="e"`` at all.

A formula with no saved result reads as :class:`perfxl.core.values.FormulaWithoutValue` (the formula
text), exactly as the openpyxl backend gives it, so the checks report it instead of reading it as empty.

Safety: python-calamine never sees the file itself. The package is read and checked once
(:mod:`perfxl.io.package`: regular file, limits, CRCs of what is read), and calamine is given an
in-memory copy holding only the parts it needs — the workbook, its relationships, styles, shared
strings and the worksheets. calamine builds a dense grid from A1 to a sheet's last cell, so one stray
cell at XFD1048576 would ask for 512 GiB: every worksheet is therefore bounded to the read area
:data:`MAX_SHEET_ROWS` × :data:`MAX_SHEET_COLS` (A1:BL10000) before calamine sees it — cells beyond
it are dropped from calamine's copy (read as empty) and recorded in ``read_notes``. Chart sheets
and other non-worksheets are not data: they are not listed and not read.
"""
from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from datetime import date, datetime, time

from ..core.findings import Where
from ..core.values import ErrorValue, FormulaWithoutValue
from .limits import MAX_SHEET_COLS, MAX_SHEET_ROWS, ReadNote, read_area
from .package import Package, open_package, translate
from .protocol import UnusableWorkbook, col_to_index, index_to_col, split_range, split_ref

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_NS_STRICT_MAIN = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"
_NS_STRICT_REL = "{http://purl.oclc.org/ooxml/officeDocument/relationships}"

# Every pattern stops at the next "<" (``[^<>]``), so each search is linear in the sheet's size,
# whatever a damaged or hostile sheet holds (an unclosed tag cannot make a search rescan the rest).
_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix (x:c)
_TAG = re.compile(rb"<(/?)(" + _P + rb"(row|c))(?=[\s/>])([^<>]*)>")  # a row or cell tag, open or close
_ATTR_R = re.compile(rb"""\sr\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ATTR_T = re.compile(rb"""\st\s*=\s*["']([a-zA-Z]+)["']""")
_F = re.compile(rb"<" + _P + rb"f\b[^<>]*?(?:/>|>([^<]*)</" + _P + rb"f>)")
_V = re.compile(rb"<" + _P + rb"v>([^<]*)</" + _P + rb"v>")
_HAS_F = re.compile(rb"<" + _P + rb"f[ >/]")
_HAS_VALUE = re.compile(rb"<" + _P + rb"(?:v|is|f)\b")
_DIM = re.compile(rb"<" + _P + rb'dimension\s+ref="([A-Z]*)(\d*)(?::([A-Z]+)(\d+))?"[^<>]*>')
_SHEET_DATA = re.compile(rb"<(" + _P + rb"sheetData)\b[^<>]*?(/?)>")
_CELL_OPEN = re.compile(rb"<" + _P + rb"c[\s/>]")
_CELL_REF = re.compile(rb"<" + _P + rb"""c\s[^<>]*?\br\s*=\s*["'][A-Za-z]{1,3}[0-9]{1,7}["']""")
_ROW_OPEN = re.compile(rb"<" + _P + rb"row[\s/>]")
_ROW_REF = re.compile(rb"<" + _P + rb"""row\s[^<>]*?\br\s*=\s*["'][0-9]{1,7}["']""")
# addresses that may lie outside the read area: a column of two or more letters, a row of five or
# more digits (the read area is wider than Z and taller than 9,999: only these need a closer look)
_WIDE_COL = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{2,})[0-9]""")  # (also x:r=: better one too many)
_LONG_ROW = re.compile(rb"""\br\s*=\s*["'][A-Za-z]*([0-9]{5,})["']""")
# the usual form, searched fast (literal prefixes): a cell of a two-letter column, a row of 5+ digits
_WIDE_CELL = re.compile(rb'<c r="[A-Za-z][A-Za-z]')  # (calamine reads lower-case addresses too)
_LONG_CELL = re.compile(rb'<c r="[A-Za-z]+[0-9]{5}')
_LONG_ROW_TAG = re.compile(rb'<row r="[0-9]{5}')
_RICH_TEXT_C = (b"<color", b"<charset", b"<condense")  # the other tags in sheet data that start with <c
assert MAX_SHEET_COLS >= 26 and MAX_SHEET_ROWS >= 9999
_A1 = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")

_NEEDED_TYPES = ("/worksheet", "/styles", "/sharedStrings")


def _attr_r(attrs: bytes) -> bytes | None:
    m = _ATTR_R.search(attrs)
    return None if m is None else (m.group(1) if m.group(1) is not None else m.group(2))


def _unescape(b: bytes) -> str:
    s = b.decode("utf-8", "replace")
    if "&" in s:
        s = (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
             .replace("&apos;", "'").replace("&amp;", "&"))
    return s


class _Sheet:
    __slots__ = ("rows", "special", "max_row")

    def __init__(self, rows: list[list[object]], special: dict[tuple[int, int], object], max_row: int):
        self.rows = rows  # 0-based, from A1 (skip_empty_area=False)
        self.special = special  # (row, col) 1-based → ErrorValue / FormulaWithoutValue
        self.max_row = max_row


class _Prepared:
    """A worksheet's XML as calamine will see it (bounded), its special cells and its last row."""

    __slots__ = ("xml", "special", "max_row")

    def __init__(self, xml: bytes, special: dict, max_row: int):
        self.xml, self.special, self.max_row = xml, special, max_row


class FastBook:
    """A department workbook read with python-calamine (read only)."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        self.read_notes: list[ReadNote] = []
        self._file = os.path.basename(self.path)
        # a damaged member fails on its CRC when read: still reported
        pkg = open_package(path, verify=False)
        self._sheets: dict[str, _Sheet] = {}
        self._wb = None
        try:
            self._parts, self._defined, self._order, targets = self._read_workbook_xml(pkg)
            prepared, package = self._package_for_calamine(pkg, targets)
            self._prepared = prepared
            from python_calamine import CalamineWorkbook

            self._wb = CalamineWorkbook.from_filelike(io.BytesIO(package))
            kinds = {m.name: str(m.typ) for m in self._wb.sheets_metadata}
            # only worksheets are data (chart sheets, dialog and macro sheets are not)
            self._names = [n for n in self._wb.sheet_names
                           if kinds.get(n, "").endswith("WorkSheet") and n in self._prepared]
        except UnusableWorkbook:
            self.close()
            raise
        except BaseException as exc:  # calamine raises its own error types on broken parts, or panics
            self.close()
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            raise translate(self.path, exc) from None
        finally:
            pkg.close()

    # ---------------------------------------------------------------- package parts
    def _read_workbook_xml(self, pkg: Package):
        from defusedxml.ElementTree import fromstring

        root = fromstring(pkg.read("xl/workbook.xml"))
        main = _NS_STRICT_MAIN if root.tag.startswith(_NS_STRICT_MAIN) else _NS_MAIN
        rel_ns = _NS_STRICT_REL if main == _NS_STRICT_MAIN else _NS_REL
        order: list[tuple[str, str]] = []  # (sheet name, r:id) in workbook order
        sheets = root.find(f"{main}sheets")
        for el in (sheets if sheets is not None else ()):
            order.append((el.get("name", ""), el.get(f"{rel_ns}id", "")))
        targets: dict[str, tuple[str, str]] = {}  # r:id → (part, relationship type)
        if "xl/_rels/workbook.xml.rels" in pkg.names:
            rels = fromstring(pkg.read("xl/_rels/workbook.xml.rels"))
            for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
                target = rel.get("Target", "")
                if rel.get("TargetMode") == "External":
                    continue
                if target.startswith("/"):
                    target = target[1:]
                else:
                    target = posixpath.normpath(posixpath.join("xl", target))
                targets[rel.get("Id", "")] = (target, rel.get("Type", ""))
        parts = {name: targets.get(rid, ("", ""))[0] for name, rid in order
                 if targets.get(rid, ("", ""))[1].endswith("/worksheet")}
        defined: dict[tuple[str | None, str], str] = {}
        names_el = root.find(f"{main}definedNames")
        for el in (names_el if names_el is not None else ()):
            name = el.get("name", "")
            if not name or name.startswith("_xlnm."):
                continue  # print areas/titles, filters: not names a user or perfxl declared
            local = el.get("localSheetId")
            scope = None
            if local is not None:
                try:
                    scope = order[int(local)][0]
                except (ValueError, IndexError):
                    continue
            defined[(scope, name)] = (el.text or "").strip()
        return parts, defined, order, targets

    def _package_for_calamine(self, pkg: Package, targets: dict[str, tuple[str, str]]):
        """The parts calamine needs, each read once (bounded, CRC-checked), worksheets bounded to the
        read area; as a stored zip in memory."""
        wanted = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                  "xl/styles.xml", "xl/sharedStrings.xml"]
        for part, kind in targets.values():
            if kind.endswith(_NEEDED_TYPES) and part not in wanted:
                wanted.append(part)
        by_part = {part: name for name, part in self._parts.items()}
        prepared: dict[str, _Prepared] = {}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
            for part in wanted:
                if part not in pkg.names:
                    continue
                data = pkg.read(part)
                sheet = by_part.get(part)
                if sheet is not None:
                    prep = self._prepare(sheet, data)
                    prepared[sheet] = prep
                    data = prep.xml
                zf.writestr(part, data)
        return prepared, out.getvalue()

    def _prepare(self, sheet: str, xml: bytes) -> _Prepared:
        """Bound a worksheet to the read area, find its error cells and formulas without a saved
        result, and its last row (the dimension, as openpyxl reports it)."""
        max_row = 0
        dim = _DIM.search(xml, 0, 4096)
        if dim:
            last = dim.group(4) or dim.group(2)
            max_row = min(int(last), MAX_SHEET_ROWS) if last and len(last) <= 7 else 0
        m = _SHEET_DATA.search(xml)
        if m is None or m.group(2) == b"/":
            return _Prepared(xml, {}, max_row)
        start = m.end()
        end = xml.find(b"</" + m.group(1) + b">", start)
        if end < 0:
            return _Prepared(xml, {}, max_row)  # calamine reports the broken XML
        if not self._within_area(xml, start, end):
            xml, start, end = self._clip(sheet, xml, start, end)
        return _Prepared(xml, self._scan(xml, start, end), max_row)

    @staticmethod
    def _within_area(xml: bytes, start: int, end: int) -> bool:
        """Every cell and row carries its address and lies inside the read area. In a sheet as Excel
        and openpyxl write it (``<c r="…"``, one-letter columns, rows under 10,000) this takes a few
        byte counts and searches; anything else gets the exact, slower look."""
        usual = xml.count(b'<c r="', start, end)
        other = xml.count(b"<c", start, end) - usual  # <c …> in another form, or rich text's <color> …
        if other:
            other -= sum(xml.count(tag, start, end) for tag in _RICH_TEXT_C)
        if (not other and xml.count(b"<row", start, end) == xml.count(b'<row r="', start, end)
                and xml.find(b":c", start, end) < 0 and xml.find(b":row", start, end) < 0):
            if _WIDE_CELL.search(xml, start, end) is None and _LONG_CELL.search(xml, start, end) is None \
                    and _LONG_ROW_TAG.search(xml, start, end) is None:
                return True
        elif len(_CELL_REF.findall(xml, start, end)) != len(_CELL_OPEN.findall(xml, start, end)) or \
                len(_ROW_REF.findall(xml, start, end)) != len(_ROW_OPEN.findall(xml, start, end)):
            return False  # a cell or row without an address: positions must be counted
        for letters in _WIDE_COL.findall(xml, start, end):
            if len(letters) > 3 or col_to_index(letters.decode().upper()) > MAX_SHEET_COLS:
                return False
        return all(int(digits) <= MAX_SHEET_ROWS for digits in _LONG_ROW.findall(xml, start, end))

    @staticmethod
    def _cells(xml: bytes, start: int, end: int):
        """(row tag or None, cell tag, attributes, body or None, row number) for every cell, in order,
        and (row tag, None, None, None, row number) at each row's end; positions counted as calamine
        counts them when a row or cell has no address. One linear pass over the tags."""
        row_no = 0
        pending = None  # an open <c …> waiting for its </c>
        row_tag = None
        for m in _TAG.finditer(xml, start, end):
            closing, tag, local, attrs = m.group(1), m.group(2), m.group(3), m.group(4)
            if local == b"row":
                if closing:
                    if row_tag is not None:
                        yield row_tag, None, None, None, row_no
                    row_tag, pending = None, None
                    continue
                r = _attr_r(attrs)
                row_no = int(r) if r and r.isdigit() and len(r) <= 7 else row_no + 1
                row_tag = None if attrs.endswith(b"/") else tag
                continue
            if closing:
                if pending is not None:
                    yield row_tag, pending[0], pending[1], xml[pending[2]:m.start()], row_no
                    pending = None
            elif attrs.endswith(b"/"):
                yield row_tag, tag, attrs[:-1], None, row_no
            else:
                pending = (tag, attrs, m.end())

    def _clip(self, sheet: str, xml: bytes, start: int, end: int) -> tuple[bytes, int, int]:
        """The sheet XML with every row and cell outside the read area dropped, and every kept row
        and cell given its address (positions counted as calamine counts them)."""
        head = _DIM.sub(b"", xml[:start], count=1)  # the dimension would describe the dropped cells
        out = [head]
        kept: list[bytes] = []
        col_no, last_row = 0, -1
        far: tuple[int, int] | None = None
        for row_tag, ctag, attrs, body, row_no in self._cells(xml, start, end):
            if row_no != last_row:
                col_no, last_row = 0, row_no
            if ctag is None:  # the row ends
                if row_no <= MAX_SHEET_ROWS and kept:
                    out.append(b"<" + row_tag + b' r="' + str(row_no).encode() + b'">' + b"".join(kept)
                               + b"</" + row_tag + b">")
                kept = []
                continue
            ref = _A1.fullmatch(_attr_r(attrs) or b"")
            if ref:
                col_no, cell_row = col_to_index(ref.group(1).decode().upper()), int(ref.group(2))
            else:
                col_no, cell_row = col_no + 1, row_no
            if row_tag is None or cell_row > MAX_SHEET_ROWS or col_no > MAX_SHEET_COLS or col_no > 16384:
                if body and _HAS_VALUE.search(body) and (far is None or (cell_row, col_no) > far):
                    far = (cell_row, col_no)
                continue
            address = f"{index_to_col(col_no)}{cell_row}".encode()
            rest = _ATTR_R.sub(b"", attrs)
            kept.append(b"<" + ctag + b' r="' + address + b'"' + rest
                        + (b"/>" if body is None else b">" + body + b"</" + ctag + b">"))
        new_end = sum(len(part) for part in out)
        out.append(xml[end:])
        if far is not None:
            self.read_notes.append(ReadNote(
                "sheet-cells-ignored", Where(self._file, sheet, ""),
                f"工作表“{sheet}”在读取范围 {read_area()} 之外有内容（最远到 {index_to_col(min(far[1], 16384))}{far[0]}），"
                "这些单元格未被读取；模板的内容都在此范围内，如是误填请删除。"))
        return b"".join(out), len(head), new_end

    @classmethod
    def _scan(cls, xml: bytes, start: int, end: int) -> dict[tuple[int, int], object]:
        """Error cells and formulas without a saved result, from the (bounded) sheet XML."""
        special: dict[tuple[int, int], object] = {}
        if b't="e"' not in xml and b"t='e'" not in xml and not _HAS_F.search(xml, start, end):
            return special
        for _row_tag, ctag, attrs, body, _row_no in cls._cells(xml, start, end):
            if ctag is None or not body:
                continue
            t = _ATTR_T.search(attrs)
            kind = t.group(1) if t else b"n"
            is_error = kind == b"e"
            f = _F.search(body) if b"f" in body else None  # <f> or <f .../>
            if not is_error and f is None:
                continue
            ref = _A1.fullmatch(_attr_r(attrs) or b"")
            if not ref:
                continue
            try:
                at = split_ref(ref.group(0).decode().upper())
            except ValueError:
                continue
            if at[0] > MAX_SHEET_ROWS or at[1] > MAX_SHEET_COLS:
                continue
            v = _V.search(body)
            if is_error and v is not None:
                special[at] = ErrorValue(_unescape(v.group(1)))
            elif f is not None and (v is None or (not v.group(1) and kind != b"str")):
                text = _unescape(f.group(1) or b"")
                special[at] = FormulaWithoutValue("=" + text if text else "=")
        return special

    def _sheet(self, sheet: str) -> _Sheet:
        hit = self._sheets.get(sheet)
        if hit is not None:
            return hit
        if sheet not in self._names:
            raise KeyError(f"Worksheet {sheet} does not exist.")
        try:
            rows = self._wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=MAX_SHEET_ROWS)
        except BaseException as exc:  # noqa: BLE001 - calamine errors and panics
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            raise UnusableWorkbook(self.path, f"{self._file}：工作表“{sheet}”已损坏，无法读取；"
                                              "请在 Excel 中打开后另存为 .xlsx 再处理。",
                                   f"{type(exc).__name__}: {exc}"[:500]) from None
        prep = self._prepared[sheet]
        hit = _Sheet(rows, prep.special, max(prep.max_row, min(len(rows), MAX_SHEET_ROWS)))
        self._sheets[sheet] = hit
        return hit


    # ---------------------------------------------------------------- CellSource
    def sheet_names(self) -> list[str]:
        return list(self._names)

    def defined_names(self) -> dict[tuple[str | None, str], str]:
        return dict(self._defined)

    def _get(self, sh: _Sheet, row: int, col: int) -> object:
        special = sh.special.get((row, col)) if sh.special else None
        if special is not None:
            return special
        rows = sh.rows
        if row > len(rows) or col > MAX_SHEET_COLS:
            return None
        line = rows[row - 1]
        if col > len(line):
            return None
        return _convert(line[col - 1])

    def value(self, sheet: str, ref: str) -> object:
        row, col = split_ref(ref)
        return self._get(self._sheet(sheet), row, col)

    def block(self, sheet: str, ref: str) -> list[list[object]]:
        r1, c1, r2, c2 = split_range(ref)
        sh = self._sheet(sheet)
        r2, c2 = min(r2, MAX_SHEET_ROWS), min(c2, MAX_SHEET_COLS)  # the part inside the read area
        return [[self._get(sh, r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    def max_row(self, sheet: str) -> int:
        return self._sheet(sheet).max_row

    def close(self) -> None:
        if self._wb is not None:
            try:
                self._wb.close()
            except Exception:  # noqa: BLE001 - already closed
                pass
            self._wb = None

    def __enter__(self) -> "FastBook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _convert(v: object) -> object:
    """Calamine's value → what the openpyxl backend gives: "" → None, whole floats → int, dates → datetime."""
    if v == "" and isinstance(v, str):
        return None
    if type(v) is float:
        return int(v) if v.is_integer() and abs(v) < 1e15 else v
    if isinstance(v, datetime):
        return v
    if isinstance(v, date):
        return datetime(v.year, v.month, v.day)
    if isinstance(v, time):
        return v
    return v
