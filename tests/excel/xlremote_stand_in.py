"""An openpyxl workbook standing in for Excel behind xlwings' remote engine (``xw.Book(json=...)``).

How xlwings Server works: the client (Office.js / VBA) sends the book as JSON (sheets with values,
names, notes); Python runs the real xlwings object model on it (``xlwings/pro/_xlremote.py``), which
answers reads from that snapshot and turns every change into an *action* (``setValues``,
``addNote``, ``copySheet`` …) that the client then carries out in Excel.

``ExcelStandIn`` plays the client: ``to_json()`` describes an .xlsx the way the client describes a
book, and ``apply()`` carries out each action on the openpyxl workbook as soon as xlwings queues it.
So ``XlwingsBook`` runs unchanged against the real xlwings ``Book``/``Sheet``/``Range``/``Note``/
``Name`` classes, and the result can be saved and compared with what ``XlsxBook`` produces.

What the remote engine cannot do synchronously, and how this file handles it (say so in reports):

* ``Range.color`` and ``Note.text`` *reads* raise NotImplementedError on the remote engine (they are
  async there). ``patch_sync_reads`` replaces just those two getters with reads from the stand-in's
  workbook; the setters stay xlwings' own.
* Sheet protection (``sheet.api.ProtectContents`` …) is COM only: the remote ``sheet.api`` is a dict,
  so ``XlwingsBook`` skips it. ``test_book_adapter`` covers it with a small fake COM object.
* Excel coerces strings written to ``.value`` ("95%" -> 0.95, "=x" -> formula); ``apply`` does the
  same, so a string written without the quote prefix would show up in the tests.

Needs ``XLWINGS_LICENSE_KEY=noncommercial`` (xlwings PRO, PolyForm Noncommercial): tests only; the
product never imports ``xlwings.pro``.
"""
from __future__ import annotations

import copy
import os
import re
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.defined_name import DefinedName

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

COSMETIC = {"setColumnWidth", "setWrapText", "setFontProperty", "setRowHeight", "setAutofit"}
ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _name_meta(wb, attr_text: str) -> tuple[int | None, str | None]:
    target = attr_text.lstrip("=")
    if "!" not in target:
        return None, None
    sheet, _, ref = target.rpartition("!")
    sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
    if sheet not in wb.sheetnames:
        return None, None
    return wb.sheetnames.index(sheet), ref.replace("$", "").upper()


class ExcelStandIn:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.wb = load_workbook(self.path)
        self.results = load_workbook(self.path, data_only=True)  # formulas' saved results, as Excel shows them
        self.actions: list[dict] = []
        self.alerts: list[list] = []

    # ---------------------------------------------------------------- the client's book description
    def to_json(self) -> dict:
        import xlwings as xw

        wb = self.wb
        sheets = []
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
                out = []
                for c in row:
                    v = c.value
                    if c.data_type == "e":
                        v = str(v)
                    elif c.data_type == "f":
                        v = self.results[ws.title][c.coordinate].value  # a real client sends the result
                    out.append("" if v is None else v)
                rows.append(out)
            sheets.append({
                "name": ws.title, "values": rows or [[]],
                "visibility": "Visible" if ws.sheet_state == "visible" else "Hidden",
                "pictures": [], "shapes": [], "charts": [], "tables": [], "print_area": None,
                "notes": [{"address": f"${get_column_letter(c.column)}${c.row}"}
                          for row in ws.iter_rows() for c in row if c.comment is not None],
            })
        names = []
        for name, dn in wb.defined_names.items():
            ix, addr = _name_meta(wb, dn.attr_text)
            names.append({"name": name, "refers_to": "=" + dn.attr_text, "sheet_index": ix, "address": addr,
                          "book_scope": True, "scope_sheet_index": None, "scope_sheet_name": None})
        for i, ws in enumerate(wb.worksheets):
            for name, dn in ws.defined_names.items():
                ix, addr = _name_meta(wb, dn.attr_text)
                names.append({"name": name, "refers_to": "=" + dn.attr_text, "sheet_index": ix, "address": addr,
                              "book_scope": False, "scope_sheet_index": i, "scope_sheet_name": ws.title})
        return {"version": xw.__version__, "client": "Office.js",
                "book": {"name": self.path.name, "active_sheet_index": wb.index(wb.active), "selection": "A1"},
                "sheets": sheets, "names": names}

    def open(self):
        """A real ``xw.Book`` (remote engine) on this workbook; its actions are applied as they come."""
        import xlwings as xw

        _ensure_remote_engine()
        book = xw.Book(json=self.to_json())
        impl = book.impl
        queue = impl.append_json_action

        def append_and_apply(**kwargs):
            queue(**kwargs)
            self.apply(impl.json()["actions"][-1])

        impl.append_json_action = append_and_apply
        impl._stand_in = self
        return book

    def save(self, path: str | os.PathLike | None = None) -> Path:
        target = Path(path or self.path)
        self.wb.save(target)
        return target

    # ---------------------------------------------------------------- the client's side of each action
    def _cells(self, a):
        ws = self.wb.worksheets[a["sheet_position"]]
        for r in range(a["row_count"]):
            for c in range(a["column_count"]):
                yield ws, ws.cell(a["start_row"] + 1 + r, a["start_column"] + 1 + c), r, c

    def apply(self, a: dict) -> None:
        self.actions.append(a)
        func, args = a["func"], a["args"]
        wbs = self.wb.worksheets
        if func == "setValues":
            for ws, cell, r, c in self._cells(a):
                if type(cell).__name__ != "MergedCell":
                    _excel_set(cell, a["values"][r][c])
        elif func == "setNumberFormat":
            for _ws, cell, _r, _c in self._cells(a):
                cell.number_format = args[0]
        elif func == "rangeClearContents":
            for _ws, cell, _r, _c in self._cells(a):
                if type(cell).__name__ != "MergedCell":
                    cell.value = None
        elif func in ("addNote", "setNoteText"):
            ws = wbs[a["sheet_position"]]
            ws[args[0].replace("$", "")].comment = Comment(args[1], "Excel")
        elif func == "deleteNote":
            wbs[a["sheet_position"]][args[0].replace("$", "")].comment = None
        elif func == "setRangeColor":
            for _ws, cell, _r, _c in self._cells(a):
                cell.fill = PatternFill("solid", fgColor=args[0][1:]) if args[0] else PatternFill(None)
        elif func == "addHyperlink":
            (_ws, cell, _r, _c), = self._cells(a)
            cell.hyperlink = args[0]
            cell.value = args[1]  # Excel shows TextToDisplay in the cell
        elif func == "addSheet":
            self.wb.create_sheet(args[1], args[0])
        elif func == "copySheet":
            position, target_ix, name = args
            src = wbs[a["sheet_position"]]
            dup = self.wb.copy_worksheet(src)
            dup.title = name
            dup.protection = copy.copy(src.protection)
            for dv in src.data_validations.dataValidation:
                dup.add_data_validation(copy.copy(dv))
            for nm, dn in src.defined_names.items():  # Excel copies sheet-scoped names with the sheet
                dup.defined_names[nm] = DefinedName(nm, attr_text=dn.attr_text.replace(
                    _quote(src.title) + "!", _quote(name) + "!"))
            new_ix = target_ix if position == "Before" else target_ix + 1
            self.wb.move_sheet(dup, new_ix - self.wb.index(dup))
        elif func == "setSheetName":
            ws = wbs[a["sheet_position"]]
            old, ws.title = ws.title, args[0]
            for holder in [self.wb, *wbs]:
                for nm, dn in holder.defined_names.items():
                    dn.attr_text = dn.attr_text.replace(_quote(old) + "!", _quote(ws.title) + "!")
        elif func == "sheetDelete":
            del self.wb[wbs[a["sheet_position"]].title]
        elif func == "setSheetVisibility":
            wbs[a["sheet_position"]].sheet_state = "visible" if args[0] == "Visible" else "hidden"
        elif func == "activateSheet":
            self.wb.active = args[0]
        elif func == "freezePaneAtRange":
            wbs[a["sheet_position"]].freeze_panes = args[0]
        elif func == "alert":
            self.alerts.append(args)
        elif func not in COSMETIC:
            raise AssertionError(f"the stand-in does not know the action {func!r}: {a}")

    # ---------------------------------------------------------------- the two synchronous reads
    def color(self, sheet_position: int, ref: str):
        cell = self.wb.worksheets[sheet_position][ref]
        if cell.fill is None or cell.fill.fill_type != "solid":
            return None
        rgb = cell.fill.fgColor.rgb
        if not isinstance(rgb, str):
            return None
        rgb = rgb[-6:]
        return tuple(int(rgb[i:i + 2], 16) for i in (0, 2, 4))

    def note_text(self, sheet_position: int, ref: str) -> str:
        return self.wb.worksheets[sheet_position][ref].comment.text


def _ensure_remote_engine() -> None:
    """xlwings registers its remote engine at import, only if the license key is set by then; another
    test may have imported xlwings first."""
    import xlwings as xw

    if "remote" in xw.engines.engines_by_name:
        return
    os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
    from xlwings.main import Engine
    from xlwings.pro import _xlremote

    xw.engines.add(Engine(impl=_xlremote.engine))


def _excel_set(cell, v) -> None:
    """What Excel does with a value written through Range.Value."""
    if isinstance(v, str):
        if v == "":
            cell.value = None
        elif v.startswith("'"):
            cell.value = v[1:]
            cell.data_type = "s"
        elif v.startswith("="):
            cell.value = v  # a live formula: the tests look for these
        elif _NUMBER.match(v):
            n = float(v.rstrip("%")) / (100 if v.endswith("%") else 1)
            cell.value = int(n) if n.is_integer() else n
        elif v.upper() in ("TRUE", "FALSE"):
            cell.value = v.upper() == "TRUE"
        elif v in ERRORS:
            cell.value = v
            cell.data_type = "e"
        else:
            cell.value = v
    else:
        cell.value = v


def patch_sync_reads(monkeypatch) -> None:
    """Let ``Range.color`` and ``Note.text`` read from the stand-in (async-only on the remote engine)."""
    from xlwings.pro import _xlremote as R

    def color_get(self):
        return self.sheet.book._stand_in.color(self.sheet.index - 1, self.address.replace("$", ""))

    def note_text_get(self):
        return self.range.sheet.book._stand_in.note_text(self.range.sheet.index - 1,
                                                          self.range.address.replace("$", ""))

    monkeypatch.setattr(R.Range, "color", property(color_get, R.Range.color.fset))
    monkeypatch.setattr(R.Note, "text", property(note_text_get, R.Note.text.fset))


def cells(path_or_wb) -> dict:
    """{sheet: {coord: value}} of every non-empty cell, in sheet order (for semantic comparison)."""
    wb = load_workbook(path_or_wb) if isinstance(path_or_wb, (str, os.PathLike)) else path_or_wb
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = {c.coordinate: _norm(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    return out


def _norm(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, float):
        return round(v, 9)
    return v


def styles(wb, sheet: str) -> dict:
    """{coord: (fill rgb6 or '', comment text or '', hyperlink target or '')} of the cells that have any."""
    ws = wb[sheet]
    out = {}
    for row in ws.iter_rows():
        for c in row:
            fill = c.fill.fgColor.rgb[-6:] if c.fill is not None and c.fill.fill_type == "solid" and isinstance(
                c.fill.fgColor.rgb, str) else ""
            note = c.comment.text if c.comment is not None else ""
            link = c.hyperlink.location or c.hyperlink.target if c.hyperlink is not None else ""
            if fill or note or link:
                out[c.coordinate] = (fill.upper(), note, link or "")
    return out


def col_letter(n: int) -> str:
    return get_column_letter(n)


def bounds(ref: str):
    return range_boundaries(ref)
