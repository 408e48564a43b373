"""S3: 总分 = 预算执行得分 + Σ得分; 总分分值; the grade matches the band of 总分."""
from decimal import Decimal

import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, find, funds, good_department, run

NO_EXEC = {**funds(total=(100, 120, None), appropriation=(80, 100, None), carryover=(10, 10, None),
                   other=(10, 10, None)), "exec_rate": None, "exec_score": None}

CASES = [
    ({}, None, []),  # 9.5 + 90 = 99.5, 优
    ({"total_score": 99.51}, None, [("total-last-digit", "H30")]),  # at the printed precision: a slip
    ({"total_score": 100}, None, []),  # 99.5 printed without decimals
    ({"total_score": 99.52}, None, [("total-mismatch", "H30")]),
    ({"total_score": 90}, None, [("total-mismatch", "H30")]),
    ({"total_score": "99.5分"}, None, []),
    ({"total_score": None}, None, []),  # blank derived cell: the derived family
    # 执行 score not recomputable: the typed I5 is used
    ({**NO_EXEC, "exec_score": 9.5}, None, []),
    ({**NO_EXEC, "exec_score": 8}, None, [("total-mismatch", "H30")]),
    # … and when I5 is blank too: the range Σ .. Σ+分值, and Σ alone leaves out the 执行 score
    ({**NO_EXEC, "total_score": 90}, None, [("total-excludes-exec", "H30")]),
    ({**NO_EXEC, "total_score": 95}, None, [("total-unverifiable", "H30")]),
    ({**NO_EXEC, "total_score": 100}, None, [("total-unverifiable", "H30")]),
    ({**NO_EXEC, "total_score": 100.02}, None, [("total-out-of-range", "H30")]),
    ({**NO_EXEC, "total_score": 89.98, "grade": "良"}, None, [("total-out-of-range", "H30")]),
    # no 执行率分值 at all: the total is Σ得分
    ({"exec_weight": None, "exec_score": None, "total_score": 90, "total_weight": 90, "grade": "优"}, None, []),
    # 总分分值
    ({"total_weight": 99}, None, [("total-weight-mismatch", "G30")]),
    # grade
    ({"grade": "良"}, None, [("grade-mismatch", "H31")]),
    ({"grade": "优秀"}, None, []),
    ({"grade": None}, None, []),
    ({"total_score": 90, "grade": "优"}, change(GOOD_INDICATORS, 0, score=10.5, reason="x"), []),  # 9.5 + 80.5
    ({"total_score": 89.99, "grade": "良"}, change(GOOD_INDICATORS, 0, score=10.49, reason="x"), []),
    ({"total_score": 89.99, "grade": "优"}, change(GOOD_INDICATORS, 0, score=10.49, reason="x"),
     [("grade-mismatch", "H31")]),
    # blank is not zero: no indicator scored, or one score blank, and a total the sum cannot refute
    ({"total_score": 88, "grade": "良"}, [{**i, "score": None} for i in GOOD_INDICATORS], []),
    ({"total_score": 99.5}, change(GOOD_INDICATORS, 0, score=None), []),
    ({"total_score": 60, "grade": "中"}, change(GOOD_INDICATORS, 0, score=None), [("total-mismatch", "H30")]),
    ({"total_score": 44.5, "grade": "差"}, change(GOOD_INDICATORS, 0, score=0, reason="x")[:1] +
     [dict(i, score=i["weight"] * 0.5, reason="x") for i in GOOD_INDICATORS[1:]], []),
]


@pytest.mark.parametrize("values,indicators,expected", CASES)
def test_s3(values, indicators, expected):
    assert find(run("totals", good_department(project_values=values, indicators=indicators))) == expected


def test_s3_message_says_when_the_total_leaves_out_the_exec_score():
    (f,) = run("totals", good_department(project_values={"total_score": 90}))
    assert (f.code, f.severity.value, f.rule) == ("total-mismatch", "error", "S3")
    assert (f.expected, f.actual) == (Decimal("99.50"), 90)
    assert "未计入预算执行得分 9.5" in f.message and "三级指标得分合计 90" in f.message


def test_s3_unknown_exec_score_is_said_not_invented():
    (f,) = run("totals", good_department(project_values={**NO_EXEC, "total_score": 90}))
    assert "全年执行数为空" in f.message and "未计入预算执行得分" in f.message
    (f,) = run("totals", good_department(project_values={**NO_EXEC, "total_score": 95}))
    assert f.severity.value == "info" and "无法核对" in f.message
