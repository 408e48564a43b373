"""D7 of RULES.md §4: the 项目自评表 funds vs the department's 项目支出, when 基本情况 says the
project sheets cover all project spending (“是” or blank) and both sides are known."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import money
from ..evaluate import Evaluation
from ..findings import WARNING, Code, Family, Finding
from ..values import ErrorValue

CODES = Family(
    "cross", "项目表与部门决算",
    Code("projects-budget-mismatch", WARNING, "D7",
         "各项目自评表年初预算数合计 {expected} 万元（{formula}）与部门年初预算项目支出 {actual} 万元不一致，相差 {diff} 万元。",
         "各项目自评表的年初预算数之和与部门年初预算的项目支出不一致（基本情况中写明自评表覆盖全部项目支出时）。",
         "核对项目表与部门预算；若自评表只覆盖部分项目，在“基本情况”中把“项目自评表是否覆盖部门全部项目支出”填为“否”。"),
    Code("projects-executed-mismatch", WARNING, "D7",
         "各项目自评表全年执行数合计 {expected} 万元（{formula}）与部门决算项目支出 {actual} 万元不一致，相差 {diff} 万元。",
         "各项目自评表的全年执行数之和与部门决算的项目支出不一致（基本情况中写明自评表覆盖全部项目支出时）。",
         "核对项目表与部门决算；若自评表只覆盖部分项目，在“基本情况”中把“项目自评表是否覆盖部门全部项目支出”填为“否”。"),
)

PAIRS = (("initial", "budget_project", "projects-budget-mismatch"),
         ("executed", "final_project", "projects-executed-mismatch"))


def check(ev: Evaluation) -> Iterable[Finding]:
    cover = ev.cell("projects_cover_all")
    if isinstance(cover.raw, ErrorValue) or cover.text not in ("", "是") or not ev.projects:
        return
    for col, key, code in PAIRS:
        side = ev.num(key)
        values = [pe.num(f"fund_total_{col}") for pe in ev.projects]
        if side is None or any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))
        diff = side - total
        if abs(diff) <= ev.policy.tolerance_amount * len(values):
            continue
        formula = " + ".join(f"{pe.name} {money(v)}" for pe, v in zip(ev.projects, values))
        yield CODES(code, ev.cell(key).where, total, side, expected=money(total), formula=formula,
                    actual=money(side), diff=money(abs(diff)))
