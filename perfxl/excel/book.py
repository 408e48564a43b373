"""The io protocol (CellSource/CellSink) over an xlwings ``Book``: the workbook open in Excel.

Mirrors ``perfxl.io.xlsx.XlsxBook`` (same marks log ``_perfxl_marks``, same "text stays text" rule,
same ``changed`` count). Thin on purpose; two things make it differ from a per-cell COM wrapper:

* **Reads are batched per sheet**: the first read of a sheet fetches its used range from A1 in one
  ``.value`` call and serves every later ``value``/``block`` from that snapshot (writes update it).
  ``read_department`` asks for a few hundred cells; in Excel each COM call costs about a millisecond.
* **Protected sheets**: the template protects its sheets (no password) and derived cells are locked,
  so Excel refuses to write them. A sheet is unprotected before perfxl's first write and protected
  again, with the same allowances, by ``finish()`` (the ribbon calls it, also after an error).

Excel error values: xlwings returns them as ``None`` unless ``err_to_str=True``, then as their text
("#DIV/0!"); that text is mapped to ``perfxl.core.values.ErrorValue``. (A cell that really holds the
text "#N/A" therefore reads as an error too; harmless for the template.)
"""
from __future__ import annotations

import ntpath
from datetime import date, datetime

from ..core.values import ErrorValue
from ..io.protocol import cell_ref, split_range, split_ref
from ..io.workbook import EXCEL_ERRORS, MARK_FILLS, MARKS_HEADER, MARKS_SHEET, quote_sheet, unquote_sheet
from ..template import layout as L

SNAPSHOT_LIMIT = 200_000  # cells; a sheet with a larger used range is read block by block
_FORMULA_START = ("=", "+", "-", "@")


def _convert(v: object) -> object:
    """xlwings value -> the raw value XlsxBook would return."""
    if isinstance(v, str):
        return ErrorValue(v) if v in EXCEL_ERRORS else v
    if type(v) is float and v.is_integer() and abs(v) < 2 ** 53:
        return int(v)  # Excel keeps doubles; a whole number in an .xlsx reads as int with openpyxl
    if isinstance(v, date) and not isinstance(v, datetime):
        return datetime(v.year, v.month, v.day)
    return v


def _as_text(s: str) -> str:
    """Excel parses a string it is given ("95%" -> 0.95, "=A1" -> formula, "TRUE" -> bool, "1/2" ->
    date); the quote prefix makes it store exactly the text. Every string perfxl writes is text."""
    return "'" + s if s else s


def _hex(color) -> str:
    """xlwings colour (RGB tuple, None) -> the marks log's ARGB text ("" = no fill)."""
    if not color:
        return ""
    r, g, b = color
    return f"FF{r:02X}{g:02X}{b:02X}"


def _rgb(text: object) -> str | None:
    """Marks log text (ARGB from either backend, or RRGGBB) -> "#RRGGBB" for xlwings, None = no fill."""
    text = str(text or "").strip()
    if len(text) == 8:
        if text == "00000000":
            return None
        text = text[2:]
    return "#" + text if len(text) == 6 else None


class XlwingsBook:
    """A CellSink over ``xw.Book`` (desktop Excel through COM/AppleScript, or any xlwings engine)."""

    def __init__(self, book):
        self.book = book
        self.path = book.fullname
        self.changed = 0
        self._snap: dict[str, list[list[object]]] = {}
        self._marks: list[list[object]] | None = None
        self._protected: dict[str, dict] = {}  # sheet -> protection settings to restore

    # ---------------------------------------------------------------- reading
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def defined_names(self) -> dict[tuple[str | None, str], str]:
        """Workbook names as (None, name); sheet-scoped ones come as "'Sheet'!name" in xlwings."""
        out: dict[tuple[str | None, str], str] = {}
        for n in self.book.names:
            try:
                name, target = n.name, n.refers_to
            except Exception:  # a name Excel cannot describe (broken external link, …)
                continue
            if not target:
                continue
            target = target[1:] if target.startswith("=") else target
            if "!" in name:
                sheet, _, local = name.rpartition("!")
                out[(unquote_sheet(sheet), local)] = target
            else:
                out[(None, name)] = target
        return out

    def _sheet(self, name: str):
        return self.book.sheets[name]

    def _snapshot(self, sheet: str) -> list[list[object]] | None:
        if sheet not in self._snap:
            ws = self._sheet(sheet)
            last = ws.used_range.last_cell
            rows, cols = last.row, last.column
            if rows * cols > SNAPSHOT_LIMIT:
                return None
            data = ws.range((1, 1), (rows, cols)).options(ndim=2, err_to_str=True).value
            self._snap[sheet] = [[_convert(v) for v in row] for row in data]
        return self._snap[sheet]

    def value(self, sheet: str, ref: str) -> object:
        row, col = split_ref(ref)
        snap = self._snapshot(sheet)
        if snap is None:
            return _convert(self._sheet(sheet).range(ref).options(err_to_str=True).value)
        return snap[row - 1][col - 1] if row <= len(snap) and col <= len(snap[0]) else None

    def block(self, sheet: str, ref: str) -> list[list[object]]:
        r1, c1, r2, c2 = split_range(ref)
        snap = self._snapshot(sheet)
        if snap is None:
            data = self._sheet(sheet).range(ref).options(ndim=2, err_to_str=True).value
            return [[_convert(v) for v in row] for row in data]
        width = c2 - c1 + 1
        out = []
        for r in range(r1, r2 + 1):
            row = snap[r - 1][c1 - 1:c2] if r <= len(snap) else []
            out.append(list(row) + [None] * (width - len(row)))
        return out

    def max_row(self, sheet: str) -> int:
        snap = self._snapshot(sheet)
        if snap is None:
            return self._sheet(sheet).used_range.last_cell.row
        return len(snap)

    def _remember(self, sheet: str, row: int, col: int, value: object) -> None:
        snap = self._snap.get(sheet)
        if snap is None:
            return
        width = len(snap[0]) if snap else 0
        while len(snap) < row:
            snap.append([None] * width)
        if col > width:
            for r in snap:
                r.extend([None] * (col - width))
        snap[row - 1][col - 1] = value

    # ---------------------------------------------------------------- writing
    def write(self, sheet: str, ref: str, value: object, number_format: str = "") -> None:
        old = self.value(sheet, ref)
        if not (isinstance(value, str) and value[:1] in _FORMULA_START):
            if old == value and (value is None or type(old) is type(value)):
                return
        self._unprotect(sheet)
        rng = self._sheet(sheet).range(ref)
        rng.value = _as_text(value) if isinstance(value, str) else value
        if number_format:
            rng.number_format = number_format
        row, col = split_ref(ref)
        self._remember(sheet, row, col, value)
        self.changed += 1

    def mark(self, sheet: str, ref: str, text: str, severity: str) -> None:
        self._unprotect(sheet)
        rng = self._sheet(sheet).range(ref)
        log = self._marks_log()
        row, col = split_ref(ref)
        cell = cell_ref(row, col)
        ours = any(r[0] == sheet and r[1] == cell for r in log)  # marked before: the note is perfxl's
        note = rng.note
        old_note = note.text if note is not None else ""
        self._log_row([sheet, cell, _hex(rng.color), "" if ours else old_note])
        new = (old_note + "\n" + text) if ours and old_note else text
        if note is not None:
            note.text = new
        else:
            note = rng.add_note(new)
        _size_note(note)
        rng.color = "#" + MARK_FILLS.get(severity, "FFEB9C")

    def _marks_log(self) -> list[list[object]]:
        if self._marks is None:
            self._marks = []
            if MARKS_SHEET in self.sheet_names():
                n = self.max_row(MARKS_SHEET)
                if n >= 2:
                    self._marks = [r for r in self.block(MARKS_SHEET, f"A2:D{n}") if r[0] and r[1]]
        return self._marks

    def _log_row(self, row: list[object]) -> None:
        if MARKS_SHEET not in self.sheet_names():
            sheets = self.book.sheets
            ws = sheets.add(MARKS_SHEET, after=sheets[len(sheets) - 1])
            ws.range("A1").value = list(MARKS_HEADER)
            ws.visible = False
            self._snap[MARKS_SHEET] = [list(MARKS_HEADER)]
        self._marks.append(row)
        r = len(self._marks) + 1
        self._sheet(MARKS_SHEET).range((r, 1)).value = [_as_text(v) if isinstance(v, str) else v for v in row]
        for j, v in enumerate(row):
            self._remember(MARKS_SHEET, r, j + 1, v)

    def unmark(self) -> int:
        if MARKS_SHEET not in self.sheet_names():
            return 0
        sheets = set(self.sheet_names())
        first: dict[tuple[str, str], list[object]] = {}
        for row in self._marks_log():  # the first mark of a cell holds its original state
            first.setdefault((str(row[0]), str(row[1])), row)
        for (sheet, ref), (_s, _r, fill, comment) in first.items():
            if sheet not in sheets:
                continue
            self._unprotect(sheet)
            rng = self._sheet(sheet).range(ref)
            rng.color = _rgb(fill)
            note = rng.note
            if note is not None:
                note.delete()
            if comment:
                rng.add_note(str(comment))
        self.remove_sheet(MARKS_SHEET)
        self._marks = None
        return len([k for k in first if k[0] in sheets])

    def replace_sheet(self, name: str, header: list[str], rows: list[list[object]],
                      links: dict[tuple[int, int], tuple[str, str]] | None = None,
                      widths: list[int] | None = None) -> None:
        """(Re)create a report sheet first in the book; ``links`` as in XlsxBook.replace_sheet."""
        self.remove_sheet(name)
        ws = self.book.sheets.add(name, before=self.book.sheets[0])
        data = [list(header)] + [list(r) for r in rows]
        ws.range("A1").value = [[_as_text(v) if isinstance(v, str) else v for v in r] for r in data]
        self._snap[name] = data
        head = ws.range((1, 1), (1, len(header)))
        head.color = "#D9D9D9"
        head.font.bold = True
        if rows:
            ws.range((2, 1), (len(rows) + 1, len(header))).wrap_text = True
        for (ri, ci), (sheet, ref) in (links or {}).items():
            shown = rows[ri][ci]
            ws.range((ri + 2, ci + 1)).add_hyperlink(
                f"#{quote_sheet(sheet)}!{ref}", "" if shown is None else str(shown), f"转到 {sheet}!{ref}")
        for j, w in enumerate(widths or []):
            ws.range((1, j + 1)).column_width = w
        try:
            ws.activate()
            ws.freeze_panes.freeze_at("A2")
        except Exception:  # cosmetic; engines differ (needs the sheet's window on Windows)
            pass

    def remove_sheet(self, name: str) -> bool:
        if name not in self.sheet_names():
            return False
        self._sheet(name).delete()  # xlwings turns Excel's "delete?" prompt off for this
        self._snap.pop(name, None)
        self._protected.pop(name, None)
        return True

    # ---------------------------------------------------------------- project sheets
    def add_project_sheet(self, after: str, competent_dept: object = None, title: str | None = None,
                          copy_from: str | None = None) -> str:
        """Copy the project sheet ``copy_from`` right after sheet ``after`` as ``title`` (default
        项目自评表(n)) and blank what the user typed and what perfxl computed, keeping the template's
        labels, formats and names — what ``XlsxBook.add_project_sheet`` does too."""
        from ..io.protocol import UnusableWorkbook

        if copy_from is None:
            raise UnusableWorkbook(self.path, f"{ntpath.basename(self.path)}：工作簿中没有"
                                              "“项目支出绩效自评表”可以复制，请点“新建模板”生成标准模板后把数据复制进去。")
        names = self.sheet_names()
        if title is None:
            n = 2
            while L.project_sheet_name(n) in names:
                n += 1
            title = L.project_sheet_name(n)
        ws = self._sheet(copy_from).copy(after=self._sheet(after), name=title)
        title = ws.name
        local = self.defined_names()
        block = None
        for scope in (title, copy_from):
            hit = local.get((scope, L.INDICATOR_BLOCK_NAME))
            if hit and "!" in hit:
                block = hit.rpartition("!")[2].replace("$", "")
                break
        self._unprotect(title)
        for ref in L.project_blank_ranges(block or L.INDICATOR_BLOCK):
            ws.range(ref).clear_contents()
        ws.range(L.PROJECT_BY_KEY["exec_weight"].ref).value = L.EXEC_WEIGHT_DEFAULT
        if competent_dept not in (None, ""):
            ws.range(L.PROJECT_BY_KEY["competent_dept"].ref).value = _as_text(str(competent_dept))
        self._snap.pop(title, None)
        ws.activate()
        return title

    # ---------------------------------------------------------------- sheet protection
    def _unprotect(self, sheet: str) -> None:
        """Lift the sheet protection for perfxl's writes (COM only; other engines have none)."""
        if sheet in self._protected:
            return
        api = getattr(self._sheet(sheet), "api", None)
        try:
            if not api.ProtectContents:
                self._protected[sheet] = {}
                return
            p = api.Protection
            saved = {key: bool(getattr(p, attr)) for key, attr in _ALLOW.items()}
            saved["DrawingObjects"] = bool(api.ProtectDrawingObjects)
            saved["Scenarios"] = bool(api.ProtectScenarios)
        except AttributeError:  # not COM: nothing to lift
            self._protected[sheet] = {}
            return
        try:
            api.Unprotect()
        except Exception:
            raise PermissionError(f"工作表“{sheet}”设有保护密码，perfxl 无法写入。请先在“审阅›撤销工作表保护”"
                                  "中撤销保护，完成后再重新保护。") from None
        self._protected[sheet] = saved

    def finish(self) -> None:
        """Protect again every sheet perfxl unprotected, with the allowances it had."""
        pending, self._protected = self._protected, {}
        for sheet, saved in pending.items():
            if not saved or sheet not in self.sheet_names():
                continue
            self._sheet(sheet).api.Protect(Contents=True, UserInterfaceOnly=False, **saved)


_ALLOW = {  # Worksheet.Protect keyword -> Protection property
    "AllowFormattingCells": "AllowFormattingCells",
    "AllowFormattingColumns": "AllowFormattingColumns",
    "AllowFormattingRows": "AllowFormattingRows",
    "AllowInsertingColumns": "AllowInsertingColumns",
    "AllowInsertingRows": "AllowInsertingRows",
    "AllowInsertingHyperlinks": "AllowInsertingHyperlinks",
    "AllowDeletingColumns": "AllowDeletingColumns",
    "AllowDeletingRows": "AllowDeletingRows",
    "AllowSorting": "AllowSorting",
    "AllowFiltering": "AllowFiltering",
    "AllowUsingPivotTables": "AllowUsingPivotTables",
}


def _size_note(note) -> None:
    """A readable note box (XlsxBook uses 320×140 px); COM only, cosmetic."""
    try:
        shape = note.api.Shape
        shape.Width, shape.Height = 240, 105  # points
    except Exception:
        pass
