"""D7 of RULES.md §4: the 项目自评表 funds vs the department's 项目支出, when 基本情况 says the
project sheets cover all project spending (“是” or blank) and both sides are known."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..findings import Finding
from ..model import Department
from ..policy import ScoringPolicy
from ..values import ErrorValue
from ._common import WARNING, finding, money, read

PAIRS = (("initial", "budget_project", "projects-budget-mismatch"),
         ("executed", "final_project", "projects-executed-mismatch"))


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    cover = dept.get("projects_cover_all")
    if isinstance(cover.raw, ErrorValue) or cover.text not in ("", "是") or not dept.projects:
        return
    for col, key, code in PAIRS:
        dept_cell = dept.get(key)
        side = read(dept_cell)
        values = [read(p.fields[f"fund_total_{col}"]) for p in dept.projects]
        if side.value is None or any(v.value is None for v in values):
            continue
        total = sum((v.value for v in values), Decimal(0))
        diff = side.value - total
        if abs(diff) <= policy.tolerance_amount * len(values):
            continue
        formula = " + ".join(f"{p.name} {money(v.value)}" for p, v in zip(dept.projects, values))
        yield finding(code, WARNING, dept_cell.where, "D7", total, side.value, expected=money(total),
                      formula=formula, actual=money(side.value), diff=money(abs(diff)))
