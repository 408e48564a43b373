"""S2: the typed 得分 vs the rule's score (warning with both numbers); qualitative: vs its band."""
from decimal import Decimal

import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, find, good_department, run

S2 = ("score-differs-from-rule", "score-outside-band")


def s2(index, **kw):
    dept = good_department(indicators=change(GOOD_INDICATORS, index, **kw))
    return [p for p in find(run("scores", dept)) if p[0] in S2]


CASES = [
    (0, {}, []),
    # forward ≥100人次, weight 20: actual 90 → rule 18
    (0, {"actual": "90人次", "score": 18, "reason": "x"}, []),
    # at the printed precision (RULES.md §4): 18.01 is not 18; 18.0 and 18 are
    (0, {"actual": "90人次", "score": 18.01, "reason": "x"}, [("score-differs-from-rule", "H12")]),
    (0, {"actual": "90人次", "score": "18.0", "reason": "x"}, []),
    # forward ≥100人次, actual 92.2 → 18.44: rounded up to whole points (19) is reported, down (18) is right
    (0, {"actual": "92.2人次", "score": 19, "reason": "x"}, [("score-differs-from-rule", "H12")]),
    (0, {"actual": "92.2人次", "score": 18, "reason": "x"}, []),
    (0, {"actual": "92.2人次", "score": 18.4, "reason": "x"}, []),
    (0, {"actual": "90人次", "score": 18.02, "reason": "x"}, [("score-differs-from-rule", "H12")]),
    (0, {"actual": "90人次", "score": 20}, [("score-differs-from-rule", "H12")]),
    # reverse ≤100万元, weight 5: actual 125 → 4
    (3, {"actual": "125万元", "score": 4, "reason": "x"}, []),
    (3, {"actual": "125万元", "score": 5}, [("score-differs-from-rule", "H18")]),
    # X8: actual = target text ("达成预期指标") says the target was reached: the rule is the full 分值
    (5, {"score": 8, "reason": "x"}, [("score-differs-from-rule", "H22")]),
    (5, {"actual": "已完成", "score": 8, "reason": "x"}, [("score-differs-from-rule", "H22")]),
    # qualitative otherwise: the 达成 band is 80–100% of 10 → 8..10 accepted
    (5, {"actual": "效果明显", "score": 8, "reason": "x"}, []),
    (5, {"actual": "效果明显", "score": 7.99, "reason": "x"}, [("score-outside-band", "H22")]),
    (5, {"actual": "部分达成", "score": 7, "reason": "x"}, []),
    (5, {"actual": "部分达成", "score": 6, "reason": "x"}, []),
    (5, {"actual": "部分达成", "score": 8, "reason": "x"}, [("score-outside-band", "H22")]),
    (5, {"actual": "未达成", "score": 5.9, "reason": "x"}, []),
    # unscorable by rule (no target): S2 stays silent, S4 speaks
    (0, {"target": None, "score": 3, "reason": "x"}, []),
]


@pytest.mark.parametrize("index,kw,expected", CASES)
def test_s2(index, kw, expected):
    assert s2(index, **kw) == expected


def test_s2_message_has_both_numbers_and_the_rule():
    dept = good_department(indicators=change(GOOD_INDICATORS, 0, actual="90人次", score=20))
    (f,) = [f for f in run("scores", dept) if f.code == "score-differs-from-rule"]
    assert (f.severity.value, f.rule, f.expected, f.actual) == ("warning", "S2", Decimal("18.00"), 20)
    assert "得分为 20" in f.message and "应为 18" in f.message and "低于指标值" in f.message and "相差 2" in f.message
