"""W1: Σ三级分值 per 一级 = its cap; caps + 预算执行率分值 = 100; other splits are info."""
import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, find, good_department, good_project, run


def w1(project_values=None, indicators=None, **kw):
    dept = good_department(projects=[good_project(project_values, indicators, **kw)])
    return find(run("weights", dept))


CASES = [
    ({}, None, {}, []),
    ({}, change(GOOD_INDICATORS, 0, weight=21, score=20), {}, [("level1-weights-mismatch", "B12")]),
    ({}, change(GOOD_INDICATORS, 8, weight=9, score=9), {}, [("level1-weights-mismatch", "B28")]),
    ({}, change(GOOD_INDICATORS, 0, weight=None), {},
     [("weight-missing", "G12"), ("level1-weights-mismatch", "B12")]),
    ({}, change(GOOD_INDICATORS, 0, weight=-20), {}, [("weight-negative", "G12"), ("level1-weights-mismatch", "B12")]),
    ({}, change(GOOD_INDICATORS, 0, weight="二十"), {}, []),  # unreadable: the cells family
    ({}, change(GOOD_INDICATORS, 0, weight=None, score=None), {}, [("level1-weights-mismatch", "B12")]),
    # caps + 执行率分值 must be 100
    ({"exec_weight": 20}, None, {}, [("weights-not-100", "G5")]),
    ({"exec_weight": None}, None, {}, [("weights-not-100", "G5")]),
    # a 一级 header without a cap
    ({}, None, {"level1_labels": {"效益指标": "效益指标"}}, [("level1-cap-missing", "B20")]),
    # 20/40/30/10: sums to 100 but is not the default split → info
    ({"exec_weight": 20}, change(GOOD_INDICATORS, 0, weight=10, score=10),
     {"level1_labels": {"产出指标": "产出指标(40分)"}}, [("weights-nonstandard", "G5")]),
]


@pytest.mark.parametrize("values,indicators,kw,expected", CASES)
def test_w1(values, indicators, kw, expected):
    assert w1(values, indicators, **kw) == expected


def test_w1_severities():
    dept = good_department(projects=[good_project({"exec_weight": 20}, change(GOOD_INDICATORS, 0, weight=10, score=10),
                                                  level1_labels={"产出指标": "产出指标(40分)"})])
    (f,) = run("weights", dept)
    assert (f.severity.value, f.rule) == ("info", "W1")
    assert "预算执行率 20、产出指标 40、效益指标 30、满意度指标 10" in f.message


def test_w1_60_30_split_without_satisfaction():
    inds = [i for i in GOOD_INDICATORS if i["level2"] != "服务对象满意度指标"]
    inds = change(inds, 0, weight=30, score=30)
    labels = {"产出指标": "产出指标(60分)", "满意度指标": None}
    assert w1({}, inds, level1_labels=labels) == [("weights-nonstandard", "G5")]


def test_w1_not_applicable_indicator_keeps_its_weight_in_the_cap():
    inds = change(GOOD_INDICATORS, 4, target="不适用", actual="不适用", score=None)
    assert w1({}, inds) == []
