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
    # blank is not zero: the blank 分值 is missing, but the 产出 sum with a blank member is not known
    ({}, change(GOOD_INDICATORS, 0, weight=None), {}, [("weight-missing", "G12")]),
    ({}, change(GOOD_INDICATORS, 0, weight=-20), {}, [("weight-negative", "G12"), ("level1-weights-mismatch", "B12")]),
    ({}, change(GOOD_INDICATORS, 0, weight="二十"), {}, []),  # unreadable: the cells family
    ({}, change(GOOD_INDICATORS, 0, weight=None, score=None), {}, []),
    # stated 分值 that already exceed the cap are wrong whatever the blank holds
    ({}, change(change(GOOD_INDICATORS, 0, weight=None, score=None), 1, weight=46, score=46), {},
     [("level1-weights-mismatch", "B12")]),
    # caps + 执行率分值 must be 100
    ({"exec_weight": 20}, None, {}, [("weights-not-100", "G5")]),
    ({"exec_weight": None}, None, {}, []),  # a blank 预算执行率分值 is the funds family's finding
    ({"exec_weight": 100}, None, {}, [("exec-weight-unusual", "G5"), ("weights-not-100", "G5")]),
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


def test_a_weight_typed_once_for_its_level2_group_is_not_missing_on_its_other_rows():
    """Forms scored per 二级指标: the 分值 (and 得分) stand on the group's first row only."""
    inds = change(GOOD_INDICATORS, 0, weight=20, score=20)
    second = dict(level2="数量指标", name="培训场次", target="≥5场", actual="6场")
    assert w1({}, [inds[0], second, *inds[1:]]) == []
    second_scored = {**second, "score": 10}  # 得分 per 三级, 分值 per 二级: still the group's 分值
    assert w1({}, [inds[0], second_scored, *inds[1:]]) == []


NO_CAPS = {"level1_labels": {"产出指标": "产出指标", "效益指标": "效益指标", "满意度指标": "满意度指标"}}
NO_HEADERS = {"level1_labels": {"产出指标": None, "效益指标": None, "满意度指标": None}}


@pytest.mark.parametrize("kw", [NO_CAPS, NO_HEADERS], ids=["headers-without-caps", "no-headers"])
def test_x5_the_100_is_checked_on_the_level3_weights_when_no_header_carries_a_cap(kw):
    assert [c for c in w1({}, None, **kw) if c[0] != "level1-cap-missing"] == []
    assert [c for c in w1({}, change(GOOD_INDICATORS, 0, weight=25, score=25), **kw)
            if c[0] != "level1-cap-missing"] == [("weights-total-not-100", "G5")]
    # 预算执行率分值 100 plus 90 indicator points
    assert [c for c in w1({"exec_weight": 100}, None, **kw) if c[0] != "level1-cap-missing"] == [
        ("exec-weight-unusual", "G5"), ("weights-total-not-100", "G5")]


def test_a_table_without_any_weight_is_one_warning():
    inds = [{**i, "weight": None} for i in GOOD_INDICATORS]
    (f,) = run("weights", good_department(indicators=inds))
    assert (f.code, f.severity.value, f.where.cell) == ("weights-not-stated", "warning", "G12")
    assert "得分合计 90" in f.message
