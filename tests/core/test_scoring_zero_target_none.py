"""A zero target ("0投诉", "≤0起") against an actual typed as "无"/"无投诉" means none happened: full marks."""
from decimal import Decimal

import pytest

from perfxl.core.scoring import indicator_score


@pytest.mark.parametrize("target,actual,score", [
    ("0投诉", "无", Decimal("5")),
    ("≤0起", "无投诉", Decimal("5")),
    ("=0起", "未发生", Decimal("5")),
    ("0投诉", "2次", Decimal("0")),  # two complaints against a zero target
    ("≤0起", "1起", Decimal("0")),
])
def test_zero_target_with_none_phrase(target, actual, score):
    assert indicator_score(target, actual, 5).score == score


def test_none_phrase_is_still_missing_for_other_targets():
    res = indicator_score("≥95%", "无", 5)
    assert res.score is None and "实际完成值" in res.note
