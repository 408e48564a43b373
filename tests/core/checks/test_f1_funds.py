"""F1: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, in each of the three columns."""
import pytest

from tests.core.checks.builders import find, funds, good_department, run


def codes(project_values):
    return [p for p in find(run("funds", good_department(project_values=project_values)))
            if p[0] == "fund-total-mismatch"]


CASES = [
    ({}, []),
    (funds(total=(100.03, 120, 114)), []),  # 3 addends: 0.03
    (funds(total=(100.04, 120, 114)), [("fund-total-mismatch", "D5")]),
    (funds(total=(100, 121, 114)), [("fund-total-mismatch", "E5")]),
    (funds(total=(100, 120, 115)), [("fund-total-mismatch", "F5")]),
    # the seed: 34 = blank + blank + 34 in 年初 and 全年预算; 全年执行 all blank
    (funds(total=("34万元", "34万元", None), appropriation=(None,) * 3, carryover=(None,) * 3,
           other=("34万元", "34万元", None)), []),
    (funds(total=("34万元", 34, None), appropriation=(None,) * 3, carryover=(None,) * 3,
           other=("34万元", "35万元", None)), [("fund-total-mismatch", "E5")]),
    (funds(appropriation=(None,) * 3, carryover=(None,) * 3, other=(None,) * 3), []),  # no parts
    (funds(carryover=("十万", 10, 9.5)), []),  # unreadable addend: the cells family reports it
    (funds(total=("1,000,000元", 120, 114), appropriation=(80, 100, 95)), []),  # 100 万元 in 元
]


@pytest.mark.parametrize("values,expected", CASES)
def test_f1(values, expected):
    assert codes(values) == expected


def test_f1_message():
    (f,) = [f for f in run("funds", good_department(project_values=funds(total=(101, 120, 114))))]
    assert f.rule == "F1" and f.severity.value == "error"
    assert "年度资金总额（年初预算数）应为 100.00 万元（当年财政拨款 80.00 + 上年结转资金 10.00 + 其他资金 10.00）" in f.message
