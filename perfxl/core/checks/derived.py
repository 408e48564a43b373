"""Derived cells that no identity above covers and that are stale (stated ≠ recomputed), and blank
derived cells that can be computed (one info per sheet)."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import num
from ..evaluate import Evaluation
from ..findings import ERROR, INFO, Code, Family, Finding, Where
from ..model import Cell
from ..scoring import read_number
from ..values import Bad, is_blank
from ._common import score_tol

CODES = Family(
    "derived", "计算单元格",
    Code("derived-stale", ERROR, "§4", "{label}应为 {expected}，实为 {actual}（按现有数据重新计算的结果不同），相差 {diff}。"
         "请运行“计算”或 perfxl fill 更新。",
         "计算单元格里的数值与按现有数据重新计算的结果不同（多半是改了数据后没有重新计算）。",
         "运行“计算”按钮或 perfxl fill 更新计算单元格。"),
    Code("derived-uncomputable", ERROR, "§4", "{label}填有 {actual}，但按现有数据无法计算（{why}），无法核实。",
         "计算单元格填了数值，但它依据的数据缺失或无法识别，这个数值无从核实。", "补齐或改正它依据的数据，再运行“计算”。"),
    Code("derived-missing", INFO, "§4", "以下计算单元格为空，但可以计算：{cells}。请运行“计算”或 perfxl fill 填入。",
         "计算单元格为空，但数据已齐全、可以计算。", "运行“计算”按钮或 perfxl fill。"),
)

# derived keys whose stated value another family already checks against its identity
COVERED = frozenset({
    "final_income_increase", "final_basic_share", "final_project_share", "final_personnel_share",
    "final_public_share", "sangong_diff_total", "sangong_diff_abroad", "sangong_diff_car",
    "sangong_diff_reception", "net_assets", "exec_rate", "exec_score", "total_weight", "total_score", "grade",
})
LABELS = {"rule_score": "测算得分（perfxl）"}


def _cells(ev: Evaluation) -> dict[tuple[str, str], Cell]:
    out = {(c.where.sheet, c.where.cell): c for c in ev.dept.fields.values()}
    for pe in ev.projects:
        out.update({(c.where.sheet, c.where.cell): c for c in pe.project.fields.values()})
        out.update({(i.rule_score.where.sheet, i.rule_score.where.cell): i.rule_score for i in pe.project.indicators})
    return out


def check(ev: Evaluation) -> Iterable[Finding]:
    cells = _cells(ev)
    filed = {pe.sheet for pe in ev.projects if pe.filed}  # their blank 预算执行得分 is the funds family's (X7)
    missing: dict[str, list[Where]] = {}
    for d in ev.derived:
        stated = cells.get((d.where.sheet, d.where.cell))
        if stated is None:
            continue
        if is_blank(stated.raw):
            if d.value is not None and not (d.key == "exec_score" and d.where.sheet in filed):
                missing.setdefault(d.where.sheet, []).append(d.where)
            continue
        if d.key in COVERED or not isinstance(d.value, (Decimal, type(None))):
            continue
        value = read_number(stated.raw)
        if value is None or isinstance(value, Bad):
            continue  # the cells family reports it
        label = f"{LABELS.get(d.key, d.key)} {d.where.cell}"
        if d.value is None:
            yield CODES("derived-uncomputable", d.where, None, value, label=label, actual=num(value),
                        why="输入缺失或无法识别，见其他提示")
        elif abs(value - d.value) > score_tol(ev.policy):
            yield CODES("derived-stale", d.where, d.value, value, label=label, expected=num(d.value),
                        actual=num(value), diff=num(abs(value - d.value)))
    for sheet, wheres in missing.items():
        cells_text = "、".join(w.cell for w in wheres)
        yield CODES("derived-missing", wheres[0], cells_text, None, cells=cells_text)
