"""S1: 0 ≤ 得分 ≤ 分值."""
import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, find, good_department, run


def s1(index, **kw):
    dept = good_department(indicators=change(GOOD_INDICATORS, index, **kw))
    return [p for p in find(run("scores", dept)) if p[0] in ("score-over-weight", "score-negative", "score-missing")]


CASES = [
    (0, {}, []),
    (0, {"score": 20}, []),  # exactly the 分值
    (0, {"score": 20.01}, [("score-over-weight", "H12")]),
    (0, {"score": 25}, [("score-over-weight", "H12")]),
    (0, {"score": 0, "reason": "未开展"}, []),
    (0, {"score": -1}, [("score-negative", "H12")]),
    (0, {"score": "20分"}, []),
    (0, {"score": "二十"}, []),  # unreadable: the cells family
    (0, {"score": None}, [("score-missing", "H12")]),
    (0, {"score": 25, "weight": None}, []),  # no 分值 to compare with: W1 says so
]


@pytest.mark.parametrize("index,kw,expected", CASES)
def test_s1(index, kw, expected):
    assert s1(index, **kw) == expected


def test_s1_severity():
    dept = good_department(indicators=change(GOOD_INDICATORS, 0, score=25))
    (f,) = [f for f in run("scores", dept) if f.code == "score-over-weight"]
    assert (f.severity.value, f.rule, f.expected, f.actual) == ("error", "S1", 20, 25)
