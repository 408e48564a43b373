"""D1 (expense totals) and D2 (income) of RULES.md §4, on the 预决算 sheet."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..model import Department
from ..policy import ScoringPolicy
from ._common import dept_sum

# (total, parts, code, rule, signs)
IDENTITIES = (
    ("budget_expense_total", ["budget_basic", "budget_project"], "expense-total-mismatch", "D1", None),
    ("budget_basic", ["budget_basic_salary", "budget_basic_goods", "budget_basic_subsidy"],
     "basic-classes-mismatch", "D1", None),
    ("final_expense_total", ["final_basic", "final_project"], "expense-total-mismatch", "D1", None),
    ("final_basic", ["final_personnel", "final_public"], "basic-total-mismatch", "D1", None),
    ("budget_income_total", ["budget_income_general", "budget_income_fund", "budget_income_other"],
     "income-total-mismatch", "D2", None),
    ("final_income_increase", ["final_income_total", "budget_income_total"], "income-increase-mismatch", "D2",
     [1, -1]),
)


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    for total, parts, code, rule, signs in IDENTITIES:
        found = dept_sum(dept, total, parts, code, rule, policy, signs)
        if found is not None:
            yield found
