"""D3: “三公” total = 出国 + 公务用车 + 公务接待, for 预算 and 决算; 增减 = 决算 − 预算."""
import pytest

from tests.core.checks.builders import find, good_department, run

X = {"sangong_diff_total": None}
CASES = [
    ({}, []),
    ({"sangong_budget_total": 16.63, **X}, []),
    ({"sangong_budget_total": 16.64, **X}, [("sangong-total-mismatch", "B29")]),
    ({"sangong_final_total": 7.51, **X}, [("sangong-total-mismatch", "C29")]),
    ({"sangong_final_total": 7.44, **X}, []),
    ({"sangong_final_abroad": None}, []),  # blank = 0 (the others are filled)
    ({"sangong_final_car": None, "sangong_diff_car": None}, []),  # blank is not zero
    ({"sangong_final_total": 3, "sangong_final_car": None, "sangong_diff_car": None},
     [("sangong-total-mismatch", "C29"), ("sangong-diff-mismatch", "D29")]),  # 3.93 stated > 3
    ({"sangong_diff_car": 7.76}, [("sangong-diff-mismatch", "D31")]),
    ({"sangong_diff_total": -9.11}, []),
    ({"sangong_diff_total": -9.1}, [("sangong-diff-mismatch", "D29")]),
    ({"sangong_diff_total": None}, []),
    ({"sangong_final_reception": "3.93万元"}, []),
]


@pytest.mark.parametrize("values,expected", CASES)
def test_d3(values, expected):
    assert find(run("sangong", good_department(values))) == expected


def test_d3_rule_and_severity():
    (f,) = run("sangong", good_department({"sangong_final_total": 8, **X}))
    assert f.rule == "D3" and f.severity.value == "error"
