"""apply: results → cells. Writes derived values, and only into derived cells."""
from __future__ import annotations

from decimal import Decimal

from ..core.fields import DERIVED_KEYS, spec
from ..core.findings import Finding
from ..core.model import Derived
from ..template.layout import number_format
from .protocol import CellSink
from .workbook import RESULTS_SHEET


def cell_value(value: object) -> object:
    """A Decimal becomes an int when whole, else a float (what a spreadsheet stores)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def apply_derived(sink: CellSink, derived: list[Derived]) -> int:
    """Write every computable derived value; return how many cells were written."""
    n = 0
    for d in derived:
        if d.key not in DERIVED_KEYS:  # never an input cell, whatever the caller passes
            raise ValueError(f"{d.key} is not a derived cell")
        if d.value is None:
            continue
        sink.write(d.where.sheet, d.where.cell, cell_value(d.value), _format(d.key))
        n += 1
    return n


def _format(key: str) -> str:
    f = spec(key)
    return "" if f is None or f.type == "text" else number_format(f.type)


RESULT_HEADER = ["序号", "级别", "代码", "工作表", "单元格", "问题说明", "应为", "实为", "规则"]
RESULT_WIDTHS = [6, 8, 26, 16, 9, 80, 14, 14, 6]


def findings_rows(findings: list[Finding]) -> tuple[list[list[object]], dict]:
    rows, links = [], {}
    for i, f in enumerate(findings):
        rows.append([i + 1, f.severity.label, f.code, f.where.sheet, f.where.cell, f.message,
                     _plain(f.expected), _plain(f.actual), f.rule])
        if f.where.sheet and f.where.cell:
            links[(i, 4)] = (f.where.sheet, f.where.cell)
    return rows, links


def _plain(v: object) -> object:
    if v is None:
        return None
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        return cell_value(v)
    return str(v)


def annotate(sink, findings: list[Finding]) -> int:
    """Write the 校验结果 sheet (linked to the cells) and mark each cell; return marks made."""
    sink.unmark()
    rows, links = findings_rows(findings)
    sink.replace_sheet(RESULTS_SHEET, RESULT_HEADER, rows, links, RESULT_WIDTHS)
    sheets = set(sink.sheet_names())
    n = 0
    for f in findings:
        if f.where.sheet in sheets and f.where.cell and ":" not in f.where.cell:
            sink.mark(f.where.sheet, f.where.cell, f"[{f.severity.label}] {f.message}", f.severity.value)
            n += 1
    return n
