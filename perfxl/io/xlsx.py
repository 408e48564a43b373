"""openpyxl backend: read and write a department workbook, keeping everything else intact.

The file is read once (:mod:`perfxl.io.package`: a regular file, limits checked before anything is
decompressed, every part's CRC verified) and openpyxl parses those bytes from memory; whatever it
raises becomes one Chinese sentence (:func:`perfxl.io.package.translate`). Reading never creates
cells and never looks beyond the read area (:mod:`perfxl.io.limits`), so a stray cell at
XFD1048576 costs nothing. Chart sheets are not data: they are not listed, never read, and saved
unchanged. Saving decides macros by the output's suffix (see :meth:`XlsxBook.save`).
"""
from __future__ import annotations

import io
import os
import warnings
from datetime import datetime
from pathlib import Path

from ..core.findings import Where
from ..core.values import ErrorValue, FormulaWithoutValue  # noqa: F401  (FormulaWithoutValue: re-exported)
from .files import OutputError, atomic_write
from .limits import MAX_SHEET_COLS, MAX_SHEET_ROWS, ReadNote, read_area
from .package import open_package, translate
from .protocol import UnusableWorkbook, cell_ref, split_range, split_ref
from .workbook import MARK_AUTHOR, MARK_FILLS, MARKS_HEADER, MARKS_SHEET, quote_sheet

MACRO_SUFFIXES = (".xlsm", ".xltm")
TEMPLATE_SUFFIXES = (".xltx", ".xltm")



class XlsxBook:
    """A workbook opened with openpyxl (formulas kept; cached values read on demand)."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        self.read_notes: list[ReadNote] = []
        pkg = open_package(path)
        self._data = pkg.data  # the bytes checked are the bytes parsed (also by the data_only twin)
        has_vba = "xl/vbaProject.bin" in pkg.names
        pkg.close()
        self._keep_vba = has_vba or Path(path).suffix.lower() in MACRO_SUFFIXES
        self.wb = _load(self.path, self._data, data_only=False, keep_vba=self._keep_vba)
        self._values = None  # the data_only twin, loaded only if a formula is met
        self.changed = 0
        self._note_far_cells()

    # ---------------------------------------------------------------- reading
    def sheet_names(self) -> list[str]:
        """The worksheets (chart sheets are not data)."""
        return [ws.title for ws in self.wb.worksheets]

    def _ws(self, sheet: str):
        ws = self.wb[sheet]  # KeyError if there is no such sheet
        if ws not in self.wb.worksheets:
            raise KeyError(f"Worksheet {sheet} does not exist.")  # a chart sheet
        return ws

    def defined_names(self) -> dict[tuple[str | None, str], str]:
        out: dict[tuple[str | None, str], str] = {}
        for name, dn in self.wb.defined_names.items():
            out[(None, name)] = dn.attr_text
        for ws in self.wb.worksheets:
            for name, dn in ws.defined_names.items():
                out[(ws.title, name)] = dn.attr_text
        return out

    def _note_far_cells(self) -> None:
        for ws in self.wb.worksheets:
            if ws.max_row <= MAX_SHEET_ROWS and ws.max_column <= MAX_SHEET_COLS:
                continue
            far = max(((r, c) for (r, c), cell in ws._cells.items()
                       if (r > MAX_SHEET_ROWS or c > MAX_SHEET_COLS) and cell.value is not None), default=None)
            if far is not None:
                self.read_notes.append(ReadNote(
                    "sheet-cells-ignored", Where(os.path.basename(self.path), ws.title, ""),
                    f"工作表“{ws.title}”在读取范围 {read_area()} 之外有内容（最远到 {cell_ref(*far)}），"
                    "这些单元格未被读取；模板的内容都在此范围内，如是误填请删除。"))

    def _cell(self, ws, row: int, col: int):
        """The cell at (row, col) without creating it; None outside the read area or if it was never written."""
        if row > MAX_SHEET_ROWS or col > MAX_SHEET_COLS:
            return None
        return ws._cells.get((row, col))

    def _convert(self, sheet: str, cell) -> object:
        if cell is None:
            return None
        v = cell.value
        if cell.data_type == "e":
            return ErrorValue(str(v))
        if isinstance(v, str) and cell.data_type == "f":
            if self._values is None:
                self._values = _load(self.path, self._data, data_only=True, keep_vba=False)
            twin = self._values[sheet] if sheet in self._values.sheetnames else None
            c2 = twin._cells.get((cell.row, cell.column)) if twin is not None else None
            if c2 is None or c2.value is None:
                return FormulaWithoutValue(v)
            if c2.data_type == "e":
                return ErrorValue(str(c2.value))
            return c2.value
        if v is not None and not isinstance(v, (str, int, float, bool, datetime)):
            return str(v)  # array formulas, rich text and the like: read as text
        return v

    def value(self, sheet: str, ref: str) -> object:
        ws = self._ws(sheet)
        return self._convert(sheet, self._cell(ws, *split_ref(ref)))

    def block(self, sheet: str, ref: str) -> list[list[object]]:
        """The rectangle's values row by row; only its part inside the read area (see perfxl.io.limits)."""
        r1, c1, r2, c2 = split_range(ref)
        ws = self._ws(sheet)
        r2, c2 = min(r2, MAX_SHEET_ROWS), min(c2, MAX_SHEET_COLS)
        return [[self._convert(sheet, self._cell(ws, r, c)) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    def max_row(self, sheet: str) -> int:
        return min(self._ws(sheet).max_row, MAX_SHEET_ROWS)

    # ---------------------------------------------------------------- writing
    def write(self, sheet: str, ref: str, value: object, number_format: str = "") -> None:
        cell = self._ws(sheet)[ref]
        if type(cell).__name__ == "MergedCell":
            return
        if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
            cell.value = value
            cell.data_type = "s"  # text stays text: never a live formula
        elif cell.value != value or (value is not None and type(cell.value) is not type(value)):
            cell.value = value
        else:
            return
        self.changed += 1
        if number_format:
            cell.number_format = number_format

    def mark(self, sheet: str, ref: str, text: str, severity: str) -> None:
        from openpyxl.comments import Comment
        from openpyxl.styles import PatternFill

        ws = self._ws(sheet)
        row, col = split_ref(ref)
        cell = ws.cell(row, col)
        if type(cell).__name__ == "MergedCell":  # covered by a merge: mark the merge's top-left cell
            anchor = next((r for r in ws.merged_cells.ranges
                           if r.min_row <= row <= r.max_row and r.min_col <= col <= r.max_col), None)
            if anchor is None:
                return
            cell = ws.cell(anchor.min_row, anchor.min_col)
        log = self._marks_sheet()
        old = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else ""
        old_comment = cell.comment.text if cell.comment is not None and cell.comment.author != MARK_AUTHOR else ""
        log.append([sheet, cell.coordinate, str(old or ""), old_comment])
        prefix = (cell.comment.text + "\n") if cell.comment is not None and cell.comment.author == MARK_AUTHOR else ""
        comment = Comment(prefix + text, MARK_AUTHOR)
        comment.width, comment.height = 320, 140
        cell.comment = comment
        cell.fill = PatternFill("solid", fgColor=MARK_FILLS.get(severity, "FFEB9C"))

    def _marks_sheet(self):
        if MARKS_SHEET in self.wb.sheetnames and self.wb[MARKS_SHEET] in self.wb.worksheets:
            return self.wb[MARKS_SHEET]
        ws = self.wb.create_sheet(MARKS_SHEET)  # (a chart sheet holding the name stays: openpyxl renames ours)
        ws.append(list(MARKS_HEADER))
        ws.sheet_state = "hidden"
        return ws

    def unmark(self) -> int:
        from openpyxl.comments import Comment
        from openpyxl.styles import PatternFill

        if MARKS_SHEET not in self.wb.sheetnames:
            return 0
        log = self.wb[MARKS_SHEET]
        if log not in self.wb.worksheets:
            return 0  # a chart sheet under that name is not perfxl's log
        seen = set()
        rows = _log_rows(log)
        names = set(self.sheet_names())
        for sheet, ref, fill, comment in reversed(rows):  # the first mark holds the original state
            if sheet not in names or not isinstance(ref, str):
                continue
            try:
                split_ref(ref)
            except ValueError:
                continue
            cell = self.wb[sheet][ref]
            cell.fill = PatternFill("solid", fgColor=fill) if fill and fill != "00000000" else PatternFill(None)
            cell.comment = Comment(comment, "") if comment else None
            seen.add((sheet, ref))
        del self.wb[MARKS_SHEET]
        return len(seen)

    def replace_sheet(self, name: str, header: list[str], rows: list[list[object]],
                      links: dict[tuple[int, int], tuple[str, str]] | None = None,
                      widths: list[int] | None = None) -> None:
        """(Re)create a report sheet; ``links`` maps (row index in rows, col index) to (sheet, ref)."""
        from openpyxl.styles import Alignment, Font, PatternFill

        if name in self.wb.sheetnames:
            del self.wb[name]
        ws = self.wb.create_sheet(name, 0)
        ws.append(header)
        for c in ws[1]:
            c.font = Font(name="黑体", bold=True)
            c.fill = PatternFill("solid", fgColor="D9D9D9")
        for i, row in enumerate(rows):
            r = i + 2
            for j, v in enumerate(row):
                cell = ws.cell(r, j + 1)
                if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
                    cell.value = v
                    cell.data_type = "s"
                else:
                    cell.value = v
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for (ri, ci), (sheet, ref) in (links or {}).items():
                if ri == i:
                    cell = ws.cell(r, ci + 1)
                    cell.hyperlink = f"#{quote_sheet(sheet)}!{ref}"
                    cell.font = Font(color="0563C1", underline="single")
        for j, w in enumerate(widths or []):
            ws.column_dimensions[chr(65 + j)].width = w
        ws.freeze_panes = "A2"
        if rows:
            ws.auto_filter.ref = f"A1:{chr(64 + len(header))}{len(rows) + 1}"
        self.wb.active = 0

    def add_project_sheet(self, after: str, competent_dept: object = None, title: str | None = None,
                          copy_from: str | None = None) -> str:
        """Add a 项目支出绩效自评表 right after sheet ``after``: a copy of ``copy_from`` with what was typed
        and computed cleared (as Excel's 新增项目表 does), or a fresh one from the template; return its name."""
        from .template_book import add_project_sheet, copy_project_sheet

        index = self.wb.sheetnames.index(after) + 1
        if copy_from is None:
            ws = add_project_sheet(self.wb, title, index=index)
        else:
            ws = copy_project_sheet(self.wb, self.wb[copy_from], title, index=index)
        if competent_dept not in (None, ""):
            self.write(ws.title, "B3", str(competent_dept))  # 主管部门 defaults to the unit; text stays text
        self.changed += 1
        return ws.title

    def set_meta(self, key: str, value: str) -> None:
        """Set ``key`` in the template's settings sheet (_perfxl: keys in column A, values in B)."""
        from ..template.layout import SHEET_META

        if SHEET_META not in self.wb.sheetnames:
            raise UnusableWorkbook(self.path, f"{os.path.basename(self.path)}：不是 perfxl 标准模板（缺少 {SHEET_META} 工作表）。")
        ws = self.wb[SHEET_META]
        row = next((c.row for c in ws["A"] if c.value == key), None) or ws.max_row + 1
        ws.cell(row, 1).value = key
        self.write(SHEET_META, f"B{row}", value)

    def remove_sheet(self, name: str) -> bool:
        if name in self.wb.sheetnames:
            del self.wb[name]
            return True
        return False

    def save(self, path: str | os.PathLike) -> Path:
        """Write the workbook to ``path`` atomically. The output's suffix decides what it is: an
        .xlsm/.xltm keeps the input's VBA project (and is macro-enabled even without one); any other
        suffix (.xlsx) is a valid macro-free workbook — the VBA project is left out and the content
        type is the plain workbook's. .xltx/.xltm are saved as templates, anything else is not."""
        suffix = Path(path).suffix.lower()
        wb = self.wb
        saved = (wb.vba_archive, wb.template, [(ws, ws.legacy_drawing) for ws in wb.worksheets])
        macro_type_only = suffix in MACRO_SUFFIXES and wb.vba_archive is None

        def writer(tmp: str) -> None:
            wb.save(tmp)
            if macro_type_only:  # macro-enabled without macros: only the content type differs
                _retype(tmp, XLTX_MAIN if wb.template else XLSX_MAIN, XLTM_MAIN if wb.template else XLSM_MAIN)

        try:
            wb.template = suffix in TEMPLATE_SUFFIXES
            if suffix not in MACRO_SUFFIXES:
                wb.vba_archive = None
                for ws in wb.worksheets:
                    ws.legacy_drawing = None  # a VML drawing kept from the VBA archive
            return atomic_write(path, writer)
        except (OutputError, UnusableWorkbook):
            raise
        except Exception as exc:  # openpyxl cannot write what it read (e.g. a 400-digit number)
            name = os.path.basename(self.path)
            raise UnusableWorkbook(self.path, f"{name}：工作簿中有 Excel 不支持的内容（如超出范围的数值），无法写出；"
                                              "请在 Excel 中打开后另存为 .xlsx 再处理。",
                                   f"{type(exc).__name__}: {exc}"[:500]) from None
        finally:
            wb.vba_archive, wb.template = saved[0], saved[1]
            for ws, drawing in saved[2]:
                ws.legacy_drawing = drawing


XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLTX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLTM_MAIN = "application/vnd.ms-excel.template.macroEnabled.main+xml"


def _retype(path: str, old: str, new: str) -> None:
    """Give the workbook part of the package at ``path`` the content type ``new`` (was ``old``)."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts:
            if info.filename == "[Content_Types].xml":
                data = data.replace(old.encode(), new.encode())
            zf.writestr(info, data)


def _log_rows(log) -> list[list[object]]:
    """The marks log's rows (from row 2, columns A:D) without creating a cell (the sheet may hold a
    stray cell a million rows down)."""
    rows: dict[int, list[object]] = {}
    for (r, c), cell in log._cells.items():
        if r >= 2 and c <= 4 and cell.value is not None:
            rows.setdefault(r, [None, None, None, None])[c - 1] = cell.value
    return [rows[r] for r in sorted(rows)]


def _load(path: str, data: bytes, *, data_only: bool, keep_vba: bool):
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops, e.g. slicers
            return load_workbook(io.BytesIO(data), data_only=data_only, keep_vba=keep_vba, rich_text=False)
    except UnusableWorkbook:
        raise
    except BaseException as exc:  # openpyxl raises many kinds on broken parts
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise translate(path, exc) from None
