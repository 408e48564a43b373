"""D1: 支出合计 = 基本 + 项目 (预算, 决算); 基本 = 人员 + 公用 (决算); 基本 = Σ economic classes (预算)."""
import pytest

from tests.core.checks.builders import find, good_department, run

CASES = [
    ({}, []),
    # 年初预算 支出合计 = 400 + 100; tolerance 0.01 × 2 addends
    ({"budget_expense_total": 500.02}, []),
    ({"budget_expense_total": 500.03}, [("expense-total-mismatch", "B9")]),
    ({"budget_expense_total": 499.98}, []),
    ({"budget_expense_total": 499.97}, [("expense-total-mismatch", "B9")]),
    ({"budget_expense_total": "510万元"}, [("expense-total-mismatch", "B9")]),
    # 决算 总支出 = 486 + 114
    ({"final_expense_total": 601}, [("expense-total-mismatch", "B20")]),
    # 基本支出 = 人员经费 + 公用经费 (决算)
    ({"final_personnel": 401}, [("basic-total-mismatch", "B21")]),
    ({"final_personnel": 400.02}, []),
    # 基本支出 = Σ economic classes (预算); tolerance 0.03 for 3 addends
    ({"budget_basic_salary": 300.03}, []),
    ({"budget_basic_salary": 300.04}, [("basic-classes-mismatch", "B10")]),
    ({"budget_basic": 401}, [("expense-total-mismatch", "B9"), ("basic-classes-mismatch", "B10")]),
    # blank is not zero: a blank part may hold the rest …
    ({"budget_project": None}, []),
    ({"budget_expense_total": 400, "budget_project": None}, []),
    # … but stated parts that already exceed the total are wrong whatever the blank holds
    ({"budget_expense_total": 390, "budget_project": None}, [("expense-total-mismatch", "B9")]),
    # a blank part that its own stated parts determine is used: 基本支出 = 400 + 86 (人员 + 公用)
    ({"final_basic": None}, []),
    ({"final_basic": None, "final_expense_total": 610}, [("expense-total-mismatch", "B20")]),
    # nothing to say when all parts are blank, the total is blank or an addend is unreadable
    ({"final_basic": None, "final_project": None}, []),
    ({"budget_expense_total": None}, []),
    ({"budget_project": "一百万"}, []),
    ({"budget_project": "#N/A"}, []),
]


@pytest.mark.parametrize("values,expected", CASES)
def test_d1(values, expected):
    assert find(run("budget", good_department(values))) == expected


def test_d1_finding_fields():
    (f,) = run("budget", good_department({"final_expense_total": 601}))
    assert f.rule == "D1" and f.severity.value == "error"
    assert f.expected == 600 and f.actual == 601
    assert (f.where.sheet, f.where.cell) == ("预决算", "B20")
