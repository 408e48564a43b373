"""Shared helpers of the check families: the sum identity and how an indicator is named.

Every family declares its codes (``CODES = Family(…)``, see ``perfxl.core.findings``) and is a pure
function ``check(ev)`` of an :class:`~perfxl.core.evaluate.Evaluation`.
"""
from __future__ import annotations

from decimal import Decimal

from ..display import money
from ..evaluate import Value, is_bad, num
from ..findings import Family, Finding
from ..model import Cell, Indicator
from ..policy import ScoringPolicy
from ..values import is_blank

# the wording of every "a total is not the sum of its parts" code
SUM = "{label}应为 {expected} 万元（{formula}），实为 {actual} 万元，相差 {diff} 万元。"
SUM_FIX = "核对合计与各分项，改正填错的一项（合计应等于各分项之和）。"


def score_tol(policy: ScoringPolicy) -> Decimal:
    return Decimal(1).scaleb(-policy.score_places)


def sum_finding(codes: Family, code: str, total: Cell, total_value: Value,
                parts: list[tuple[str, Value, int]], *, label: str, policy: ScoringPolicy) -> Finding | None:
    """``total = Σ sign × part``, checked only where the total and every part are stated (blank is not
    zero: RULES.md §4 — a part its own stated parts determine counts as stated, see ``Evaluation.stated``);
    nothing is said when a cell is unreadable (the cells family reports it)."""
    t = num(total_value)
    if is_bad(total_value) or any(is_bad(v) for _, v, _ in parts) or t is None:
        return None
    values = [num(v) for _, v, _ in parts]
    blanks = sum(v is None for v in values)
    if blanks == len(values) or (blanks and any(sign < 0 for _, _, sign in parts)):
        return None
    expected = sum((v * sign for v, (_, _, sign) in zip(values, parts) if v is not None), Decimal(0))
    diff = t - expected
    tolerance = policy.tolerance_amount * len(parts)
    if blanks and diff >= -tolerance:
        return None  # a blank part may hold the rest: only stated parts that already exceed the total are sure
    if abs(diff) <= tolerance:
        return None
    formula = ""
    for i, ((name, _, sign), v) in enumerate(zip(parts, values)):
        op = ("" if i == 0 else " + ") if sign > 0 else (" − " if i else "−")
        formula += f"{op}{name} {money(v) if v is not None else '（空）'}"
    shown = f"不少于 {money(expected)}" if blanks else money(expected)
    return codes(code, total.where, expected, t, label=label, expected=shown, formula=formula,
                 actual=money(t), diff=money(abs(diff)))


def indicator_label(ind: Indicator) -> str:
    """How an indicator is named in messages: 二级指标“三级指标” (or the 二级 and its row when unnamed)."""
    level2 = "".join(ind.level2.split()) or "指标"
    name = ind.name.text
    row = "".join(c for c in ind.name.where.cell if c.isdigit())
    return f"{level2}“{name}”" if name and not is_blank(name) else f"{level2}（第 {row} 行）"
