"""X1 (a 成本指标's money is not above the project's 全年执行数; a total cost equals it) and X2 (an indicator
that measures the 预算执行率 reads the fund rows' rate)."""
import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, find, good_department, run

# the good project: 全年预算数 120, 全年执行数 114; indicator 3 is 成本指标 "成本控制" ≤100万元, actual 95万元


def x(index, **kw):
    return [c for c in find(run("indicators", good_department(indicators=change(GOOD_INDICATORS, index, **kw))))
            if c[0].startswith(("cost-", "exec-indicator"))]


CASES = [
    (3, {}, []),
    (3, {"target": "≤120万元", "actual": "118万元"}, [("cost-over-executed", "F18")]),
    (3, {"target": "≤1200000元", "actual": "1180000元"}, [("cost-over-executed", "F18")]),  # 元 converted
    (3, {"target": "≤120万元", "actual": "114.01万元"}, []),  # within 0.01
    (3, {"name": "人均培训成本", "target": "≤200万元", "actual": "150万元"}, []),  # a unit cost, not the project's
    (3, {"name": "项目总成本", "target": "≤120万元", "actual": "110万元"}, [("cost-total-mismatch", "F18")]),
    (3, {"name": "项目总成本", "target": "≤120万元", "actual": "114万元"}, []),
    (0, {"name": "培训成本", "actual": "118万元", "target": "≥100万元"}, []),  # not under a 成本指标
    # X2: 执行率 of the fund rows is 114 / 120 = 95%
    (1, {"name": "预算执行率", "target": "≥90%", "actual": "95%"}, []),
    (1, {"name": "资金支付进度", "target": "≥90%", "actual": "100%"}, [("exec-indicator-mismatch", "F14")]),
    (1, {"name": "预算执行率", "target": "≥90%", "actual": "95.0%"}, []),
    (1, {"name": "预算执行率", "target": "≥90%", "actual": "达成"}, []),  # not a rate: nothing to compare
]


@pytest.mark.parametrize("index,kw,expected", CASES)
def test_x1_x2(index, kw, expected):
    assert x(index, **kw) == expected


def test_x2_is_an_error_naming_the_rate():
    (f,) = [f for f in run("indicators", good_department(indicators=change(
        GOOD_INDICATORS, 1, name="预算执行率", target="≥90%", actual="100%"))) if f.code == "exec-indicator-mismatch"]
    assert (f.severity.value, f.rule) == ("error", "X2") and "95.00%" in f.message and "100.00%" in f.message
