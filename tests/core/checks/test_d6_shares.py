"""D6: each share = part / 总支出 within 0.01 pp; 基本 + 项目 shares sum to 100%."""
from decimal import Decimal

import pytest

from tests.core.checks.builders import find, good_department, run

CASES = [
    ({}, []),
    # at the printed precision (RULES.md §4): one unit of the last digit is a slip (warning)
    ({"final_basic_share": 0.8101}, [("share-last-digit", "C21")]),
    ({"final_basic_share": 0.8102}, [("share-mismatch", "C21")]),
    ({"final_basic_share": "81.01%"}, [("share-last-digit", "C21")]),
    ({"final_basic_share": "81%"}, []),
    ({"final_basic_share": "81.0%"}, []),
    ({"final_project_share": 1.9}, [("share-mismatch", "C22")]),
    ({"final_personnel_share": 0.6666}, [("share-last-digit", "C23")]),  # 400/600 = 66.666…% → 66.67%
    ({"final_personnel_share": "66.7%"}, []),
    ({"final_personnel_share": 0.6665}, [("share-mismatch", "C23")]),
    ({"final_public_share": 0.1434}, [("share-last-digit", "C24")]),  # 86/600 = 14.333…%
    ({"final_public_share": 0.14}, []),  # 14.33% printed as a whole percent is 14%
    ({"final_public_share": 0.15}, [("share-last-digit", "C24")]),
    ({"final_public_share": 0.16}, [("share-mismatch", "C24")]),
    ({"final_basic_share": None}, []),
    ({"final_expense_total": 0}, []),  # undefined: no share to compare
    # total blank but its parts stated: the total is their sum (blank is not zero, but derivable)
    ({"final_expense_total": None}, []),
    ({"final_expense_total": None, "final_project_share": 0.25}, [("share-mismatch", "C22")]),
    # total and an amount blank: the partition sum is all that can be checked
    ({"final_expense_total": None, "final_project": None, "final_project_share": 0.2}, [("shares-not-100", "C22")]),
    ({"final_expense_total": None, "final_project": None, "final_project_share": 0.1902}, []),  # 2 shares: 0.02 pp
    ({"final_expense_total": None, "final_project": None, "final_project_share": 0.1903}, [("shares-not-100", "C22")]),
]


@pytest.mark.parametrize("values,expected", CASES)
def test_d6(values, expected):
    assert find(run("shares", good_department(values))) == expected


def test_d6_seed_wording():
    values = {"final_expense_total": 4601, "final_basic": 504.17, "final_project": 4096.83,
              "final_basic_share": 0.1096, "final_project_share": 8.9304,
              "final_personnel_share": None, "final_public_share": None}
    (f,) = run("shares", good_department(values))
    assert f.message == "项目支出占总支出比例应为 89.04%（4096.83 ÷ 4601.00），实为 893.04%，相差 804.00 个百分点。"
    assert (f.expected, f.actual, f.rule) == (Decimal("0.8904"), Decimal("8.9304"), "D6")
