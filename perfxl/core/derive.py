"""Derived values: what perfxl writes into the template's derived (locked, blue) cells.

``derived_values(ev)`` recomputes every derived cell of an evaluated department from its input cells.
A value that cannot be computed (a blank or unreadable input, a zero denominator) is ``None``; the
checks say why. Only amounts are read: the narrative cells are never parsed as numbers.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .model import Department, Derived
from .money import q
from .policy import DEFAULT_POLICY, ScoringPolicy

if TYPE_CHECKING:
    from .evaluate import Evaluation, ProjectEval

SHARE_PARTS = ("basic", "project", "personnel", "public")
SANGONG_ITEMS = ("total", "abroad", "car", "reception")


def share(part: Decimal | None, whole: Decimal | None, places: int = 4) -> Decimal | None:
    """part ÷ whole as a fraction rounded half up (4 places: 0.8904 = 89.04%); None when undefined."""
    if part is None or whole is None or whole == 0:
        return None
    return q(part / whole, places)


def difference(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else q(a - b, 2)


def derived_values(ev: "Evaluation") -> list[Derived]:
    out: list[Derived] = []
    fields = ev.dept.fields
    n = ev.num

    def put(key: str, value) -> None:
        cell = fields.get(key)
        if cell is not None:
            out.append(Derived(key, cell.where, value))

    put("final_income_increase", difference(n("final_income_total"), n("budget_income_total")))
    total = n("final_expense_total")
    for part in SHARE_PARTS:
        put(f"final_{part}_share", share(n(f"final_{part}"), total))
    for item in SANGONG_ITEMS:
        put(f"sangong_diff_{item}", difference(n(f"sangong_final_{item}"), n(f"sangong_budget_{item}")))
    put("net_assets", difference(n("assets_total"), n("liabilities_total")))
    for pe in ev.projects:
        out.extend(project_derived(pe))
    return out


def project_derived(pe: "ProjectEval") -> list[Derived]:
    f = pe.project.fields
    out = [
        Derived("exec_rate", f["exec_rate"].where, pe.exec_rate),
        Derived("exec_score", f["exec_score"].where, pe.exec_score),
        Derived("total_weight", f["total_weight"].where, pe.total_weight),
        Derived("total_score", f["total_score"].where, pe.total),
        Derived("grade", f["grade"].where, pe.grade),
    ]
    out.extend(Derived("rule_score", row.ind.rule_score.where, row.rule_score) for row in pe.rows)
    return out


def derive(dept: Department, policy: ScoringPolicy = DEFAULT_POLICY) -> list[Derived]:
    """Every derived cell of ``dept`` recomputed (a shortcut for ``evaluate(dept, policy).derived``)."""
    from .evaluate import evaluate

    return evaluate(dept, policy).derived
