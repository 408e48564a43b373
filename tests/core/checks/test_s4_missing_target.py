"""S4: an indicator with 分值/得分 but no target or actual ("无", blank); also a scored row without a
name, over-achievement and lost points without 偏差原因."""
import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, find, good_department, run

CODES = ("indicator-no-target", "indicator-no-actual", "indicator-no-name", "over-achievement-no-reason",
         "deviation-reason-missing")


def s4(index, **kw):
    dept = good_department(indicators=change(GOOD_INDICATORS, index, **kw))
    return [p for p in find(run("scores", dept)) if p[0] in CODES]


CASES = [
    (0, {}, []),
    (0, {"target": None}, [("indicator-no-target", "E12")]),
    (0, {"target": "无"}, [("indicator-no-target", "E12")]),
    (0, {"target": "—", "actual": None}, [("indicator-no-target", "E12")]),
    (0, {"actual": "无"}, [("indicator-no-actual", "F12")]),
    (0, {"actual": " "}, [("indicator-no-actual", "F12")]),
    (0, {"name": "无"}, [("indicator-no-name", "D12")]),
    (0, {"name": None, "target": None}, [("indicator-no-target", "E12"), ("indicator-no-name", "D12")]),
    (0, {"target": None, "score": None}, [("indicator-no-target", "E12")]),  # 分值 without 得分 counts too
    (0, {"name": None, "score": None}, []),  # a nameless row with no 得分: only score-missing (S1)
    (0, {"target": None, "weight": None, "score": None}, []),  # a row with a name only
    (3, {"target": "0投诉", "actual": "无", "reason": "x"}, []),  # zero target: "无" is the actual
    # over-achievement: actual/target ≥ 1.2 needs a reason
    (0, {"actual": "120人次"}, [("over-achievement-no-reason", "I12")]),
    (0, {"actual": "119人次"}, []),
    (0, {"actual": "120人次", "reason": "需求增加"}, []),
    # 得分 < 分值 needs a reason
    (0, {"actual": "90人次", "score": 18}, [("deviation-reason-missing", "I12")]),
    (0, {"actual": "90人次", "score": 18, "reason": "—"}, [("deviation-reason-missing", "I12")]),
    (0, {"actual": "90人次", "score": 18, "reason": "受疫情影响"}, []),
]


@pytest.mark.parametrize("index,kw,expected", CASES)
def test_s4(index, kw, expected):
    assert s4(index, **kw) == expected


def test_s4_severity_and_rule():
    dept = good_department(indicators=change(GOOD_INDICATORS, 0, target=None))
    (f,) = [f for f in run("scores", dept) if f.code == "indicator-no-target"]
    assert (f.severity.value, f.rule) == ("warning", "S4")
    assert "年度指标值为空" in f.message


def test_not_applicable_indicator_is_left_out():
    dept = good_department(indicators=change(GOOD_INDICATORS, 0, target="不适用", actual=None, score="不适用"))
    assert find(run("scores", dept)) == []
