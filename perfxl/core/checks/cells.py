"""Input cells that cannot be read (RULES.md §3): Excel error values, formulas saved without a result,
text where a number belongs, impossible or absurd amounts, blank required header fields. The identity
checks stay silent about unreadable cells: this family reports them, once, on their own cell."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import money
from ..evaluate import Evaluation, parse
from ..fields import DEPARTMENT_FIELDS, INDICATOR, MONEY, PROJECT_FIELDS, FieldSpec
from ..findings import ERROR, WARNING, Code, Family, Finding
from ..model import Cell
from ..values import Bad, ErrorValue, FormulaWithoutValue, is_blank

ABSURD = Decimal(10) ** 7  # 万元 (1000 亿元)
REQUIRED = ("unit_name", "year")

CODES = Family(
    "cells", "单元格内容",
    Code("cell-error-value", ERROR, "§3", "{label}为错误值 {error}，请检查公式或重新填写。",
         "单元格是 Excel 错误值（#DIV/0!、#REF!、#VALUE! 等），无法读取。",
         "改正单元格中的公式，或直接填写数值。"),
    Code("cell-unreadable", ERROR, "§3", "{label}无法识别：{reason}。",
         "单元格的内容无法读成它应有的数字（金额、比率、分值、人数），或是没有保存计算结果的公式。",
         "按示例改写：金额写“34”或“34万元”，比率写“89.04%”，分值写数字；公式请在 Excel/WPS 中打开并保存。"),
    Code("amount-negative", ERROR, "§3", "{label}为负数（{actual} 万元），该项金额不应小于 0。",
         "金额为负数，而该项金额不可能小于 0。", "改正金额（常见原因：符号录错、把减少额填成了金额）。"),
    Code("amount-absurd", WARNING, "§3",
         "{label}为 {actual} 万元，超过 1000 亿元（1e7 万元），可能把“元”填成了“万元”，请核实单位。",
         "金额大得不合常理，多半是把以元为单位的数字填进了以万元为单位的单元格。",
         "核实单位：表中金额一律为万元；以元计的数字请写“12345元”或换算为万元。"),
    Code("required-blank", ERROR, "§3", "{label}未填写，该项为必填项。",
         "单位名称或年度为空：汇总时无法识别这份工作簿属于哪个单位、哪一年。", "在“基本情况”中填写单位名称和年度。"),
)

_FORMULA = ("单元格为公式“{formula}”但没有保存的计算结果（可能由不计算公式的程序生成；请在 Excel、WPS 或 "
            "LibreOffice 中打开、保存后再校验）")


def check(ev: Evaluation) -> Iterable[Finding]:
    dept = ev.dept
    for key, cell in dept.fields.items():
        spec = DEPARTMENT_FIELDS.get(key)
        if spec is not None:
            yield from _cell(cell, spec.label, spec, ev.values.get(key))
    for pe in ev.projects:
        for key, cell in pe.project.fields.items():
            spec = PROJECT_FIELDS.get(key)
            if spec is not None:
                yield from _cell(cell, spec.label, spec, pe.values.get(key))
        for ind in pe.project.indicators:
            for spec in INDICATOR:
                cell = getattr(ind, spec.key)
                yield from _cell(cell, f"{spec.label}（{ind.level2 or '指标'}）", spec, None, parsed=False)
    for key in REQUIRED:
        cell = dept.get(key)
        if is_blank(cell.raw) and not isinstance(cell.raw, ErrorValue):
            yield CODES("required-blank", cell.where, label=DEPARTMENT_FIELDS[key].label)


def _cell(cell: Cell, label: str, spec: FieldSpec, value, parsed: bool = True) -> Iterable[Finding]:
    raw = cell.raw
    if isinstance(raw, ErrorValue):
        yield CODES("cell-error-value", cell.where, None, raw.code, label=label, error=raw.code)
        return
    if isinstance(raw, FormulaWithoutValue):
        yield CODES("cell-unreadable", cell.where, None, str(raw), label=label,
                    reason=_FORMULA.format(formula=str(raw).strip()))
        return
    if not parsed:
        value = parse(cell, spec.type)
    if isinstance(value, Bad):
        yield CODES("cell-unreadable", cell.where, None, str(raw), label=label, reason=value.reason.rstrip("。"))
        return
    if spec.type != MONEY or spec.derived or not isinstance(value, Decimal):
        return
    if value < 0:
        yield CODES("amount-negative", cell.where, Decimal(0), value, label=label, actual=money(value))
    elif value > ABSURD:
        yield CODES("amount-absurd", cell.where, ABSURD, value, label=label, actual=money(value))
