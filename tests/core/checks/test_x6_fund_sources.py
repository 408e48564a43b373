"""X6: the 资金 sources a project uses exist among the department's income sources (年初预算)."""
import pytest

from tests.core.checks.builders import find, funds, good_department, run

# the good department's 年初预算 income: 一般公共预算 450 + 政府性基金 30 + 其他收入 20 = 500
ALL_GENERAL = {"budget_income_general": 500, "budget_income_fund": 0, "budget_income_other": 0}
OTHER = funds(total=(100, 120, 114), appropriation=(80, 100, 95), carryover=(10, 10, 9.5), other=(10, 10, 9.5))

CASES = [
    ({}, {}, []),
    # the seed's shape: the whole budget is 一般公共预算拨款, the project's money under 其他资金
    (ALL_GENERAL, {}, [("fund-source-not-in-income", "D8")]),
    ({**ALL_GENERAL, "budget_income_other": None}, {}, [("fund-source-not-in-income", "D8")]),
    (ALL_GENERAL, funds(other=(None, 10, 9.5)), []),  # nothing under 其他资金 in the 年初 column
    ({"budget_income_general": 0, "budget_income_fund": 0, "budget_income_other": 500}, {},
     [("fund-source-not-in-income", "D6")]),
    # income not fully stated (its parts do not make its total): nothing is sure
    ({**ALL_GENERAL, "budget_income_general": 400}, {}, []),
    ({"budget_income_total": None}, {}, []),
]


@pytest.mark.parametrize("values,project,expected", CASES)
def test_x6(values, project, expected):
    dept = good_department(values, project_values=project)
    assert [c for c in find(run("cross", dept)) if c[0] == "fund-source-not-in-income"] == expected


def test_x6_message_and_severity():
    (f,) = [f for f in run("cross", good_department(ALL_GENERAL)) if f.code == "fund-source-not-in-income"]
    assert (f.severity.value, f.rule) == ("warning", "X6")
    assert "其他资金" in f.message and "10.00 万元" in f.message and "其他收入" in f.message
