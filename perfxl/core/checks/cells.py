"""Input cells that cannot be read, Excel error values, impossible or absurd amounts, blank required
header fields. The identity checks stay silent about unreadable cells: this family reports them."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ...template import layout as L
from ..findings import Finding
from ..model import Department, Field
from ..policy import ScoringPolicy
from ..scoring import read_number
from ..values import Bad, ErrorValue, is_blank, read_amount, read_int, read_rate
from ._common import ERROR, WARNING, finding, label_of, money

ABSURD = Decimal(10) ** 7  # 万元 (1000 亿元)
REQUIRED = ("unit_name", "year")
READERS = {L.MONEY: read_amount, L.RATE: read_rate, L.INT: read_int, L.YEAR: read_int, L.SCORE: read_number}
INDICATOR_CELLS = (("weight", "分值", L.INPUT), ("score", "得分", L.INPUT), ("rule_score", "测算得分", L.DERIVED))


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    for key, f in dept.fields.items():
        spec = L.BY_KEY.get(key)
        if spec is not None:
            yield from _cell(f, label_of(key), spec.type, spec.kind)
    for proj in dept.projects:
        for key, f in proj.fields.items():
            spec = L.PROJECT_BY_KEY.get(key)
            if spec is not None:
                yield from _cell(f, label_of(key), spec.type, spec.kind)
        for ind in proj.indicators:
            for attr, label, kind in INDICATOR_CELLS:
                yield from _cell(getattr(ind, attr), f"{label}（{ind.level2 or '指标'}）", L.SCORE, kind)
    for key in REQUIRED:
        f = dept.get(key)
        if is_blank(f.raw) and not isinstance(f.raw, ErrorValue):
            yield finding("required-blank", ERROR, f.where, "", label=L.BY_KEY[key].label)


def _cell(f: Field, label: str, type_: str, kind: str) -> Iterable[Finding]:
    label = label.replace("其中：", "").replace("基本支出中：", "")
    if isinstance(f.raw, ErrorValue):
        yield finding("cell-error-value", ERROR, f.where, "", act=f.raw.code, label=label, error=f.raw.code)
        return
    reader = READERS.get(type_)
    if reader is None:
        return
    value = reader(f.raw)
    if isinstance(value, Bad):
        reason = value.reason
        if isinstance(f.raw, str) and f.raw.lstrip().startswith("="):
            reason = f"单元格为公式“{f.raw.strip()}”但没有保存的计算结果（可能由不计算公式的程序生成；请在 Excel、WPS 或 LibreOffice 中打开、保存后再校验）"
        yield finding("cell-unreadable", ERROR, f.where, "", act=str(f.raw), label=label,
                      reason=reason.rstrip("。"))
        return
    if type_ != L.MONEY or kind != L.INPUT or value is None:
        return
    if value < 0:
        yield finding("amount-negative", ERROR, f.where, "", Decimal(0), value, label=label, actual=money(value))
    elif value > ABSURD:
        yield finding("amount-absurd", WARNING, f.where, "", ABSURD, value, label=label, actual=money(value))
