"""openpyxl backend: read and write a department workbook, keeping everything else intact."""
from __future__ import annotations

import os
import warnings
from datetime import datetime
from pathlib import Path

from ..core.values import ErrorValue, FormulaWithoutValue  # noqa: F401  (FormulaWithoutValue: re-exported)
from .files import atomic_write, sniff
from .protocol import UnusableWorkbook, split_range, split_ref
from .workbook import MARK_AUTHOR, MARK_FILLS, MARKS_HEADER, MARKS_SHEET, quote_sheet



class XlsxBook:
    """A workbook opened with openpyxl (formulas kept; cached values read on demand)."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        sniff(path)
        self._keep_vba = Path(path).suffix.lower() == ".xlsm"
        self.wb = _load(self.path, data_only=False, keep_vba=self._keep_vba)
        self._values = None  # the data_only twin, loaded only if a formula is met
        self.changed = 0

    # ---------------------------------------------------------------- reading
    def sheet_names(self) -> list[str]:
        return list(self.wb.sheetnames)

    def defined_names(self) -> dict[tuple[str | None, str], str]:
        out: dict[tuple[str | None, str], str] = {}
        for name, dn in self.wb.defined_names.items():
            out[(None, name)] = dn.attr_text
        for ws in self.wb.worksheets:
            for name, dn in ws.defined_names.items():
                out[(ws.title, name)] = dn.attr_text
        return out

    def _convert(self, sheet: str, cell) -> object:
        v = cell.value
        if cell.data_type == "e":
            return ErrorValue(str(v))
        if isinstance(v, str) and cell.data_type == "f":
            if self._values is None:
                self._values = _load(self.path, data_only=True, keep_vba=False)
            c2 = self._values[sheet][cell.coordinate]
            if c2.value is None:
                return FormulaWithoutValue(v)
            if c2.data_type == "e":
                return ErrorValue(str(c2.value))
            return c2.value
        if v is not None and not isinstance(v, (str, int, float, bool, datetime)):
            return str(v)  # array formulas, rich text and the like: read as text
        return v

    def value(self, sheet: str, ref: str) -> object:
        ws = self.wb[sheet]
        return self._convert(sheet, ws[ref])

    def block(self, sheet: str, ref: str) -> list[list[object]]:
        r1, c1, r2, c2 = split_range(ref)
        ws = self.wb[sheet]
        return [[self._convert(sheet, c) for c in row]
                for row in ws.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2)]

    def max_row(self, sheet: str) -> int:
        return self.wb[sheet].max_row

    # ---------------------------------------------------------------- writing
    def write(self, sheet: str, ref: str, value: object, number_format: str = "") -> None:
        cell = self.wb[sheet][ref]
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

        ws = self.wb[sheet]
        row, col = split_ref(ref)
        cell = ws.cell(row, col)
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
        if MARKS_SHEET in self.wb.sheetnames:
            return self.wb[MARKS_SHEET]
        ws = self.wb.create_sheet(MARKS_SHEET)
        ws.append(list(MARKS_HEADER))
        ws.sheet_state = "hidden"
        return ws

    def unmark(self) -> int:
        from openpyxl.comments import Comment
        from openpyxl.styles import PatternFill

        if MARKS_SHEET not in self.wb.sheetnames:
            return 0
        log = self.wb[MARKS_SHEET]
        seen = set()
        rows = list(log.iter_rows(min_row=2, values_only=True))
        for sheet, ref, fill, comment in reversed(rows):  # the first mark holds the original state
            if sheet not in self.wb.sheetnames or not ref:
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
        return atomic_write(path, self.wb.save)


def _load(path: str, *, data_only: bool, keep_vba: bool):
    from openpyxl import load_workbook

    name = os.path.basename(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops, e.g. slicers
            return load_workbook(path, data_only=data_only, keep_vba=keep_vba, rich_text=False)
    except UnusableWorkbook:
        raise
    except Exception as exc:  # openpyxl raises many kinds on broken parts
        raise UnusableWorkbook(path, f"{name}：工作簿无法读取（{type(exc).__name__}: {exc}），"
                                     "请在 Excel 中打开确认后另存为 .xlsx。") from None
