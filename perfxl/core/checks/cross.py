"""D7 and X6 of RULES.md §4: the 项目自评表 funds vs the department's 项目支出, when 基本情况 says the
project sheets cover all project spending (“是” or blank) and both sides are known; and the 资金 sources a
project uses exist among the department's income sources (年初预算)."""
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
    Code("fund-source-not-in-income", WARNING, "X6",
         "项目“{project}”的{source}（年初预算数）为 {actual} 万元，但部门年初预算收入中没有{income}（收入合计 {total} 万元全部来自其他来源），请核实资金来源。",
         "项目表把钱列在某个资金来源下，而部门的年初预算收入里没有这一来源（如全部是一般公共预算拨款，项目却填在“其他资金”）。",
         "核对项目资金的来源：按部门预算的收入来源填写当年财政拨款、上年结转或其他资金。"),
    Code("projects-executed-mismatch", WARNING, "D7",
         "各项目自评表全年执行数合计 {expected} 万元（{formula}）与部门决算项目支出 {actual} 万元不一致，相差 {diff} 万元。",
         "各项目自评表的全年执行数之和与部门决算的项目支出不一致（基本情况中写明自评表覆盖全部项目支出时）。",
         "核对项目表与部门决算；若自评表只覆盖部分项目，在“基本情况”中把“项目自评表是否覆盖部门全部项目支出”填为“否”。"),
)

# X6: a project's 年初 money by source, and the department's 年初预算 income that can pay for it
SOURCES = (("appropriation", ("budget_income_general", "budget_income_fund"), "当年财政拨款",
            "一般公共预算拨款或政府性基金预算拨款"),
           ("other", ("budget_income_other",), "其他资金", "其他收入"))

PAIRS = (("initial", "budget_project", "projects-budget-mismatch"),
         ("executed", "final_project", "projects-executed-mismatch"))


def check(ev: Evaluation) -> Iterable[Finding]:
    yield from _sources(ev)
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


def _sources(ev: Evaluation) -> Iterable[Finding]:
    """X6, only where the department's 年初预算 income is fully stated: its total is the sum of its stated
    sources, and the source a project uses is stated as 0 or blank."""
    total = ev.num("budget_income_total")
    keys = ("budget_income_general", "budget_income_fund", "budget_income_other")
    stated = {k: ev.num(k) for k in keys}
    if total is None or total <= 0 or abs(sum((v or Decimal(0) for v in stated.values()), Decimal(0)) - total) \
            > ev.policy.tolerance_amount * len(keys):
        return
    for pe in ev.projects:
        for row, income_keys, source, income in SOURCES:
            amount = pe.num(f"fund_{row}_initial")
            if amount is None or amount <= ev.policy.tolerance_amount:
                continue
            if any((stated[k] or Decimal(0)) > 0 for k in income_keys):
                continue
            yield CODES("fund-source-not-in-income", pe.cell(f"fund_{row}_initial").where, None, amount,
                        project=pe.name, source=source, actual=money(amount), income=income, total=money(total))
