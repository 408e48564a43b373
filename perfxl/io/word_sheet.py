"""Put a 自评表 read from Word into a project sheet, and 主要职责 into 基本情况 (openpyxl, in memory).

Indicator rows go into the template's slots (two rows per 二级指标) when the sheet still has the
template's merges and every row has its slot; otherwise the block is laid out row by row (一级/二级
merged over their groups again) and grown by inserted rows when it is too short, with the sheet's
merges, names and validations moved along.
"""
from __future__ import annotations

import re
from copy import copy
from decimal import Decimal, InvalidOperation

from ..template import layout as L
from .extract import canonical_level1
from .protocol import cell_ref, index_to_col, parse_name_target, split_range
from .word_headings import flat
from .word_model import FormTable, IndicatorRow
from .xlsx import XlsxBook

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_VALUE_COLS = ("D", "E", "F", "G", "H", "I")  # 三级, 指标值, 完成值, 分值, 得分, 偏差原因
_NUMERIC_TYPES = (L.MONEY, L.SCORE, L.INT, L.YEAR)


def cell_value(text: str, type_: str = L.TEXT) -> object:
    """What to store for ``text`` printed in Word: None for blank, a number for a plain number in a
    numeric cell (a rate "89.04%" as 0.8904), else the text as printed ("34万元", "≥95%")."""
    text = (text or "").strip()
    if not text:
        return None
    plain = text.replace(",", "").replace("，", "")
    if type_ in _NUMERIC_TYPES and _NUMBER.match(plain):
        return int(plain) if "." not in plain else float(plain)
    if type_ == L.RATE and plain.endswith("%") and _NUMBER.match(plain[:-1]):
        try:
            return float(Decimal(plain[:-1]) / 100)
        except InvalidOperation:
            return text
    return text


def local_names(book: XlsxBook, sheet: str) -> dict[str, str]:
    """{name: range} of the names scoped to ``sheet`` that point into it."""
    out = {}
    for (scope, name), target in book.defined_names().items():
        parsed = parse_name_target(target)
        if scope == sheet and parsed and parsed[0] == sheet:
            out[name] = parsed[1]
    return out


def fill_project(book: XlsxBook, sheet: str, form: FormTable) -> list[str]:
    """Write ``form`` into project sheet ``sheet``; return notes (Chinese) on what was adapted."""
    names = local_names(book, sheet)
    notes: list[str] = []
    block = names.get(L.INDICATOR_BLOCK_NAME, L.INDICATOR_BLOCK)
    r1, _c1, r2, _c2 = split_range(block)
    needed = len(form.indicators)
    if not _slots(book, sheet, form, r1, r2) and needed > r2 - r1 + 1:
        grow_block(book, sheet, r2, needed - (r2 - r1 + 1))
        notes.append(f"{sheet}：指标行不足，已插入 {needed - (r2 - r1 + 1)} 行。")
        names = local_names(book, sheet)
        r1, _c1, r2, _c2 = split_range(names.get(L.INDICATOR_BLOCK_NAME, f"B{r1}:J{r2 + needed}"))
    values = {
        "project_name": form.project_name, "competent_dept": form.competent_dept, "implementer": form.implementer,
        "exec_weight": form.exec_weight, "exec_rate": form.exec_rate, "exec_score": form.exec_score,
        "exec_reason": form.exec_reason, "goal_expected": form.goal_expected, "goal_actual": form.goal_actual,
        "total_weight": form.total_weight, "total_score": form.total_score, "grade": form.grade,
    }
    for row, fund in form.funds.items():
        for col in ("initial", "full_year", "executed"):
            values[f"fund_{row}_{col}"] = getattr(fund, col)
    for spec in L.PROJECT_CELLS:
        ref = names.get(spec.name, spec.ref).split(":")[0]
        book.write(sheet, ref, cell_value(values.get(spec.key, ""), spec.type))
    slots = _slots(book, sheet, form, r1, r2)
    if slots is not None:
        _write_slots(book, sheet, form, r1, slots)
    else:
        _write_rows(book, sheet, form.indicators, r1, r2)
        notes.append(f"{sheet}：指标不能一一放入模板的二级指标位置，已按 Word 表格逐行排列。")
    return notes


def _level2_slot(ind: IndicatorRow) -> tuple[str, str] | None:
    level1 = canonical_level1(ind.level1) if ind.level1.strip() else ""
    text = flat(ind.level2)
    for name, children in L.LEVEL2.items():
        if level1 and level1 != name:
            continue
        for child in children:
            stem = child[:-2]  # "数量", "经济效益", "服务对象满意度"
            if text and (text.startswith(stem) or stem.endswith(text.removesuffix("指标"))):
                return name, child
    return None


def _slots(book: XlsxBook, sheet: str, form: FormTable, r1: int, r2: int) -> list[int] | None:
    """Rows for the indicators in the template's layout, or None when that layout does not fit."""
    if r1 != L.INDICATOR_FIRST_ROW or r2 != L.INDICATOR_LAST_ROW:
        return None
    merged = {str(m) for m in book.wb[sheet].merged_cells.ranges}
    order, row = {}, r1
    for name, children in L.LEVEL2.items():
        top = row
        for child in children:
            order[(name, child)] = row
            if f"C{row}:C{row + L.ROWS_PER_LEVEL2 - 1}" not in merged:
                return None
            row += L.ROWS_PER_LEVEL2
        if f"B{top}:B{row - 1}" not in merged:
            return None
    used: dict[tuple[str, str], int] = {}
    rows = []
    for ind in form.indicators:
        slot = _level2_slot(ind)
        if slot is None or used.get(slot, 0) >= L.ROWS_PER_LEVEL2:
            return None
        rows.append(order[slot] + used.get(slot, 0))
        used[slot] = used.get(slot, 0) + 1
    return rows


def _write_slots(book: XlsxBook, sheet: str, form: FormTable, r1: int, rows: list[int]) -> None:
    filled = dict(zip(rows, form.indicators))
    row = r1
    for name, children in L.LEVEL2.items():
        group = [filled[r] for r in range(row, row + len(children) * L.ROWS_PER_LEVEL2) if r in filled]
        book.write(sheet, f"B{row}", group[0].level1.strip() if group and group[0].level1.strip() else name)
        row += len(children) * L.ROWS_PER_LEVEL2
    for r in range(r1, row):
        ind = filled.get(r, IndicatorRow())
        _write_values(book, sheet, r, ind)


def _write_values(book: XlsxBook, sheet: str, r: int, ind: IndicatorRow) -> None:
    kinds = (L.TEXT, L.TEXT, L.TEXT, L.SCORE, L.SCORE, L.LONGTEXT)
    texts = (ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.reason)
    for col, text, kind in zip(_VALUE_COLS, texts, kinds):
        book.write(sheet, f"{col}{r}", cell_value(text, kind))
    book.write(sheet, f"J{r}", None)  # 测算得分 is perfxl's: recomputed by fill


def _write_rows(book: XlsxBook, sheet: str, inds: list[IndicatorRow], r1: int, r2: int) -> None:
    ws = book.wb[sheet]
    for m in list(ws.merged_cells.ranges):
        if m.min_col >= 2 and m.max_col <= 3 and m.min_row >= r1 and m.max_row <= r2:
            ws.unmerge_cells(str(m))
    spans = []
    for col, key in (("B", lambda i: i.level1), ("C", lambda i: (i.level1, i.level2))):
        start = 0
        for i in range(1, len(inds) + 1):
            if i == len(inds) or key(inds[i]) != key(inds[start]):
                spans.append((col, r1 + start, r1 + i - 1))
                start = i
    starts = {(col, a) for col, a, _b in spans}
    for i in range(r2 - r1 + 1):
        r = r1 + i
        ind = inds[i] if i < len(inds) else IndicatorRow()
        book.write(sheet, f"B{r}", (ind.level1.strip() or None) if ("B", r) in starts else None)
        book.write(sheet, f"C{r}", (ind.level2.strip() or None) if ("C", r) in starts else None)
        _write_values(book, sheet, r, ind)
    for col, a, b in spans:
        if b > a:
            ws.merge_cells(f"{col}{a}:{col}{b}")


def grow_block(book: XlsxBook, sheet: str, last: int, extra: int) -> None:
    """Insert ``extra`` rows above row ``last`` (inside the block): merges, names and validations move."""
    ws = book.wb[sheet]
    moved = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges if m.max_row >= last]
    for r1, c1, r2, c2 in moved:
        ws.unmerge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    ws.insert_rows(last, extra)
    for r in range(last, last + extra):
        for c in range(1, ws.max_column + 1):
            src = ws.cell(last + extra, c)
            dst = ws.cell(r, c)
            if src.has_style:
                dst._style = copy(src._style)
    for r1, c1, r2, c2 in moved:
        r1, r2 = (r1 + extra if r1 >= last else r1), r2 + extra
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    for dn in ws.defined_names.values():
        parsed = parse_name_target(dn.attr_text)
        if parsed and parsed[0] == sheet:
            dn.attr_text = f"{_quoted(sheet)}!{_shift(parsed[1], last, extra, absolute=True)}"
    for dv in ws.data_validations.dataValidation:
        dv.sqref = type(dv.sqref)(" ".join(_shift(str(r), last, extra) for r in dv.sqref.ranges))


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _shift(ref: str, last: int, extra: int, absolute: bool = False) -> str:
    r1, c1, r2, c2 = split_range(ref)
    r1 = r1 + extra if r1 >= last else r1
    r2 = r2 + extra if r2 >= last else r2
    a, b = cell_ref(r1, c1), cell_ref(r2, c2)
    if absolute:
        a, b = (re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", x) for x in (a, b))
    return a if a == b and ":" not in ref else f"{a}:{b}"


def fill_duties(book: XlsxBook, duties: list[str]) -> tuple[str, list[str]]:
    """Replace 基本情况's 主要职责 rows with ``duties``; return (the range used, notes)."""
    hit = None
    for (scope, name), target in book.defined_names().items():
        if scope is None and name == L.DUTIES_BLOCK_NAME:
            hit = parse_name_target(target)
    sheet, block = hit or (L.SHEET_BASIC, L.DUTIES_BLOCK)
    r1, c1, r2, _c2 = split_range(block)
    notes = []
    ws = book.wb[sheet]
    if len(duties) > r2 - r1 + 1:
        extra = len(duties) - (r2 - r1 + 1)
        below = [c.value for row in ws.iter_rows(min_row=r2 + 1, max_row=r2 + extra) for c in row]
        if all(v is None for v in below):
            _extend_duties(book, sheet, r2, extra)
            r2 += extra
            notes.append(f"主要职责共 {len(duties)} 条，已在{sheet}增加 {extra} 行。")
        else:
            keep = r2 - r1 + 1
            duties = duties[:keep - 1] + ["\n".join(duties[keep - 1:])]
            notes.append(f"主要职责共 {len(duties)} 条，超出的已并入最后一行。")
    for i in range(r2 - r1 + 1):
        r = r1 + i
        text = duties[i] if i < len(duties) else None
        book.write(sheet, cell_ref(r, c1), i + 1 if text is not None else None)
        book.write(sheet, cell_ref(r, c1 + 1), text)
    return f"{sheet}!{cell_ref(r1, c1)}:{cell_ref(r2, c1 + 3)}", notes


def _extend_duties(book: XlsxBook, sheet: str, r2: int, extra: int) -> None:
    ws = book.wb[sheet]
    for r in range(r2 + 1, r2 + extra + 1):
        for c in range(1, 5):
            ws.cell(r, c)._style = copy(ws.cell(r2, c)._style)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
    dn = book.wb.defined_names.get(L.DUTIES_BLOCK_NAME)
    if dn is not None:
        parsed = parse_name_target(dn.attr_text)
        r1, c1, _r, c2 = split_range(parsed[1])
        dn.attr_text = f"{_quoted(sheet)}!${index_to_col(c1)}${r1}:${index_to_col(c2)}${r2 + extra}"
