"""python-calamine backend: a fast, read-only CellSource for batches (consolidation, batch checks).

python-calamine reads the values a spreadsheet program *saved*; it does not see formulas, defined
names or error values (it gives "" for all of them). This module fills those gaps cheaply from the
package itself:

- defined names (workbook- and sheet-scoped, ``localSheetId``) from ``xl/workbook.xml``;
- formula cells with no saved result and error cells (``t="e"``) from the sheet XML, which is only
  scanned with a regular expression when it contains ``<f`` or ``t="e"`` at all.

A formula with no saved result reads as :class:`perfxl.core.values.FormulaWithoutValue` (the formula
text), exactly as the openpyxl backend gives it, so the checks report it instead of reading it as empty.
"""
from __future__ import annotations

import os
import posixpath
import re
import zipfile
from datetime import date, datetime, time

from ..core.values import ErrorValue, FormulaWithoutValue
from .files import sniff
from .protocol import UnusableWorkbook, split_range, split_ref

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# one <c> element: attributes, body (or self-closing)
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR_R = re.compile(rb'\br="([A-Z]+\d+)"')
_ATTR_T = re.compile(rb'\bt="([a-zA-Z]+)"')
_F = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_V = re.compile(rb"<v>(.*?)</v>", re.S)
_HAS_F = re.compile(rb"<f[ >/]")
_DIM = re.compile(rb'<dimension\s+ref="([A-Z]*)(\d*)(?::([A-Z]+)(\d+))?"')


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


class FastBook:
    """A department workbook read with python-calamine (read only)."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        sniff(path, verify=False)  # a damaged member fails on its CRC when read: still reported
        name = os.path.basename(self.path)
        try:
            from python_calamine import CalamineWorkbook

            self._wb = CalamineWorkbook.from_path(self.path)
            self._names = list(self._wb.sheet_names)
        except Exception as exc:  # calamine raises its own error types on broken parts
            raise UnusableWorkbook(self.path, f"{name}：工作簿无法读取（{type(exc).__name__}: {exc}），"
                                              "请在 Excel 中打开确认后另存为 .xlsx。") from None
        try:
            self._zip = zipfile.ZipFile(self.path)
            self._parts, self._defined = self._read_workbook_xml()
        except UnusableWorkbook:
            raise
        except Exception as exc:
            raise UnusableWorkbook(self.path, f"{name}：工作簿结构无法识别（{type(exc).__name__}: {exc}），"
                                              "请在 Excel 中打开确认后另存为 .xlsx。") from None
        self._sheets: dict[str, _Sheet] = {}

    # ---------------------------------------------------------------- package parts
    def _read_workbook_xml(self):
        from defusedxml.ElementTree import fromstring

        root = fromstring(self._zip.read("xl/workbook.xml"))
        order: list[tuple[str, str]] = []  # (sheet name, r:id) in workbook order
        sheets = root.find(f"{_NS_MAIN}sheets")
        for el in (sheets if sheets is not None else ()):
            order.append((el.get("name", ""), el.get(f"{_NS_REL}id", "")))
        targets: dict[str, str] = {}
        try:
            rels = fromstring(self._zip.read("xl/_rels/workbook.xml.rels"))
            for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
                target = rel.get("Target", "")
                if target.startswith("/"):
                    target = target[1:]
                else:
                    target = posixpath.normpath(posixpath.join("xl", target))
                targets[rel.get("Id", "")] = target
        except KeyError:
            pass
        parts = {name: targets.get(rid, "") for name, rid in order}
        defined: dict[tuple[str | None, str], str] = {}
        names_el = root.find(f"{_NS_MAIN}definedNames")
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
        return parts, defined

    def _sheet(self, sheet: str) -> _Sheet:
        hit = self._sheets.get(sheet)
        if hit is not None:
            return hit
        if sheet not in self._names:
            raise KeyError(f"Worksheet {sheet} does not exist.")
        try:
            rows = self._wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except Exception as exc:
            raise UnusableWorkbook(self.path, f"{os.path.basename(self.path)}：工作表“{sheet}”无法读取"
                                              f"（{type(exc).__name__}: {exc}）。") from None
        special, max_row = self._scan(sheet)
        hit = _Sheet(rows, special, max(max_row, len(rows)))
        self._sheets[sheet] = hit
        return hit

    def _scan(self, sheet: str) -> tuple[dict[tuple[int, int], object], int]:
        """Error cells and formulas without a saved result, from the sheet XML; and the dimension."""
        part = self._parts.get(sheet)
        if not part:
            return {}, 0
        try:
            xml = self._zip.read(part)
        except KeyError:
            return {}, 0
        max_row = 0
        dim = _DIM.search(xml, 0, 4096)
        if dim:
            last = dim.group(4) or dim.group(2)
            max_row = int(last) if last else 0
        special: dict[tuple[int, int], object] = {}
        start = xml.find(b"<sheetData")
        end = xml.find(b"</sheetData>")
        if start < 0 or end < 0:
            return special, max_row
        if b't="e"' not in xml and not _HAS_F.search(xml, start, end):
            return special, max_row
        for m in _CELL.finditer(xml, start, end):
            attrs, body = m.group(1), m.group(2) or b""
            t = _ATTR_T.search(attrs)
            kind = t.group(1) if t else b"n"
            is_error = kind == b"e"
            f = _F.search(body) if b"<f" in body else None  # <f> or <f .../>
            if not is_error and f is None:
                continue
            r = _ATTR_R.search(attrs)
            if not r:
                continue
            ref = split_ref(r.group(1).decode())
            v = _V.search(body)
            if is_error and v is not None:
                special[ref] = ErrorValue(_unescape(v.group(1)))
            elif f is not None and (v is None or (not v.group(1) and kind != b"str")):
                text = _unescape(f.group(1) or b"")
                special[ref] = FormulaWithoutValue("=" + text if text else "=")
        return special, max_row

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
        if row > len(rows):
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
        return [[self._get(sh, r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    def max_row(self, sheet: str) -> int:
        return self._sheet(sheet).max_row

    def close(self) -> None:
        try:
            self._zip.close()
        finally:
            self._wb.close()

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
