"""Derived cells that no identity above covers and that are stale (stated ≠ recomputed), and blank
derived cells that can be computed (one info per sheet)."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..derive import derive
from ..findings import Finding, Where
from ..model import Department, Field
from ..policy import ScoringPolicy
from ..values import is_blank
from ._common import ERROR, INFO, finding, num, read, score_tol

# derived keys whose stated value another family already checks against its identity
COVERED = frozenset({
    "final_income_increase", "final_basic_share", "final_project_share", "final_personnel_share",
    "final_public_share", "sangong_diff_total", "sangong_diff_abroad", "sangong_diff_car",
    "sangong_diff_reception", "net_assets", "exec_rate", "exec_score", "total_weight", "total_score", "grade",
})
LABELS = {"rule_score": "测算得分（perfxl）"}


def _cells(dept: Department) -> dict[tuple[str, str], Field]:
    out = {(f.where.sheet, f.where.cell): f for f in dept.fields.values()}
    for proj in dept.projects:
        out.update({(f.where.sheet, f.where.cell): f for f in proj.fields.values()})
        out.update({(i.rule_score.where.sheet, i.rule_score.where.cell): i.rule_score for i in proj.indicators})
    return out


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    cells = _cells(dept)
    missing: dict[str, list[Where]] = {}
    for d in derive(dept, policy):
        stated = cells.get((d.where.sheet, d.where.cell))
        if stated is None:
            continue
        if is_blank(stated.raw):
            if d.value is not None:
                missing.setdefault(d.where.sheet, []).append(d.where)
            continue
        if d.key in COVERED or not isinstance(d.value, (Decimal, type(None))):
            continue
        value = read(stated, "score")
        if value.bad or value.value is None:
            continue  # the cells family reports it
        label = f"{LABELS.get(d.key, d.key)} {d.where.cell}"
        if d.value is None:
            yield finding("derived-stale", ERROR, d.where, "", None, value.value, msg="derived-uncomputable",
                          label=label, actual=num(value.value), why="输入缺失或无法识别，见其他提示")
        elif abs(value.value - d.value) > score_tol(policy):
            yield finding("derived-stale", ERROR, d.where, "", d.value, value.value, label=label,
                          expected=num(d.value), actual=num(value.value), diff=num(abs(value.value - d.value)))
    for sheet, wheres in missing.items():
        yield finding("derived-missing", INFO, wheres[0], "", "、".join(w.cell for w in wheres), None,
                      cells="、".join(w.cell for w in wheres))
