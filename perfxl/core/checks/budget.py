"""D1 (expense totals) and D2 (income) of RULES.md §4, on the 预决算 sheet."""
from __future__ import annotations

from typing import Iterable

from ..evaluate import Evaluation
from ..fields import label_of
from ..findings import ERROR, Code, Family, Finding
from ._common import SUM, SUM_FIX, sum_finding

CODES = Family(
    "budget", "部门预算与决算",
    Code("expense-total-mismatch", ERROR, "D1", SUM, "支出合计（年初预算或决算）不等于基本支出与项目支出之和。", SUM_FIX),
    Code("basic-classes-mismatch", ERROR, "D1", SUM,
         "年初预算基本支出不等于工资福利支出、商品和服务支出、对个人和家庭的补助之和。", SUM_FIX),
    Code("basic-total-mismatch", ERROR, "D1", SUM, "决算基本支出不等于人员经费与公用经费之和。", SUM_FIX),
    Code("income-total-mismatch", ERROR, "D2", SUM, "年初预算收入合计不等于各项收入来源之和。", SUM_FIX),
    Code("income-increase-mismatch", ERROR, "D2", SUM, "决算收入较年初预算的增加额不等于两者之差。",
         "增加额应为决算总收入减年初预算收入合计；运行“计算”或 perfxl fill 重新计算。"),
)

# (total, parts, code, signs)
IDENTITIES = (
    ("budget_expense_total", ("budget_basic", "budget_project"), "expense-total-mismatch", None),
    ("budget_basic", ("budget_basic_salary", "budget_basic_goods", "budget_basic_subsidy"), "basic-classes-mismatch", None),
    ("final_expense_total", ("final_basic", "final_project"), "expense-total-mismatch", None),
    ("final_basic", ("final_personnel", "final_public"), "basic-total-mismatch", None),
    ("budget_income_total", ("budget_income_general", "budget_income_fund", "budget_income_other"),
     "income-total-mismatch", None),
    ("final_income_increase", ("final_income_total", "budget_income_total"), "income-increase-mismatch", (1, -1)),
)


def identity(ev: Evaluation, codes: Family, code: str, total: str, parts, signs=None) -> Finding | None:
    """One department identity ``total = Σ sign × part`` over field keys, labelled from the catalogue. A
    blank part its own stated parts determine is used, and named as such."""
    signs = signs or (1,) * len(parts)
    return sum_finding(codes, code, ev.cell(total), ev.value(total),
                       [(_label(ev, k), ev.stated(k), s) for k, s in zip(parts, signs)],
                       label=label_of(total), policy=ev.policy)


def _label(ev: Evaluation, key: str) -> str:
    if ev.value(key) is None and ev.stated(key) is not None:
        return f"{label_of(key)}（空白，按其分项合计）"
    return label_of(key)


def check(ev: Evaluation) -> Iterable[Finding]:
    for total, parts, code, signs in IDENTITIES:
        found = identity(ev, CODES, code, total, parts, signs)
        if found is not None:
            yield found
