"""D2: 收入合计 = Σ sources; 增加额 = 决算收入 − 年初预算收入."""
from decimal import Decimal

import pytest

from tests.core.checks.builders import find, good_department, run

NO_INCREASE = {"final_income_increase": None}
CASES = [
    ({}, []),
    ({"budget_income_total": 500.03, **NO_INCREASE}, []),  # 3 addends: tolerance 0.03
    ({"budget_income_total": 500.04, **NO_INCREASE}, [("income-total-mismatch", "B5")]),
    ({"budget_income_fund": None}, []),  # blank is not zero: it may hold the 30
    ({"budget_income_total": 460, "budget_income_fund": None, **NO_INCREASE}, [("income-total-mismatch", "B5")]),  # 450 + 20 > 460
    ({"budget_income_total": 450, "budget_income_fund": None, "budget_income_other": None, **NO_INCREASE}, []),
    ({"final_income_increase": 100.02}, []),  # 2 operands: tolerance 0.02
    ({"final_income_increase": 100.03}, [("income-increase-mismatch", "B19")]),
    ({"final_income_increase": -100}, [("income-increase-mismatch", "B19")]),
    ({"final_income_increase": None}, []),  # a blank derived cell: the derived family says so
    ({"final_income_total": "abc"}, []),  # unreadable: the cells family says so
    # the seed: 4600.92 − 482.33 = 4118.59
    ({"final_income_total": 4600.92, "budget_income_total": 482.33, "budget_income_general": 482.33,
      "budget_income_fund": None, "budget_income_other": None, "final_income_increase": 4118.59}, []),
]


@pytest.mark.parametrize("values,expected", CASES)
def test_d2(values, expected):
    assert find(run("budget", good_department(values))) == expected


def test_d2_increase_message_shows_the_subtraction():
    (f,) = run("budget", good_department({"final_income_increase": 90}))
    assert f.rule == "D2" and f.expected == Decimal(100) and f.actual == Decimal(90)
    assert "决算总收入 600.00 − 年初预算收入合计 500.00" in f.message
