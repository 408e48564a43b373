"""indicator_score: forward, reverse, equality, zero targets, qualitative, units, not applicable."""
from decimal import Decimal

import pytest

from perfxl.core.policy import ScoringPolicy
from perfxl.core.scoring import indicator_score
from perfxl.core.values import ErrorValue, Quantity, Target, parse_actual, parse_target

CASES = [
    # (target, actual, weight, score, method)
    # forward
    ("≥95%", "96%", 10, "10.00", "forward"),
    ("≥95%", "95%", 10, "10.00", "forward"),
    ("≥95%", "90%", 10, "9.47", "forward"),
    ("≥95%", 90, 10, "9.47", "forward"),  # plain 90 against a % target is 90%
    ("不低于90%", "45%", 10, "5.00", "forward"),
    ("≥100百分比", "100%", 10, "10.00", "forward"),
    ("≥100%", "100百分比", 10, "10.00", "forward"),
    ("≥95%", "130%", 10, "10.00", "forward"),  # over-achievement: never above 分值
    ("≥10个", "0个", 10, "0.00", "forward"),
    ("≥10个", "-3个", 10, "0.00", "forward"),
    ("34万元", "34万元", 12, "12.00", "forward"),  # seed
    ("34万元", "340000元", 12, "12.00", "forward"),  # 元 vs 万元 converted
    ("34万元", "17万元", 12, "6.00", "forward"),
    ("100%", "100%", 10, "10.00", "forward"),  # seed (满意度)
    ("≥1,000人次", "1.2万人次", 6, "6.00", "forward"),
    ("5天", "5日", 4, "4.00", "forward"),
    ("≥95%", "达到90%", 10, "9.47", "forward"),
    # reverse
    ("≤90万元", "100万元", 10, "9.00", "reverse"),
    ("≤90万元", "80万元", 10, "10.00", "reverse"),
    ("≤90万元", "900000元", 10, "10.00", "reverse"),
    ("控制在5%以内", "10%", 4, "2.00", "reverse"),
    ("控制在5%以内", "0", 4, "4.00", "reverse"),  # actual 0 → full
    ("不超过3个工作日", "4个工作日", 3, "2.25", "reverse"),
    # equality
    ("=100%", "100%", 10, "10.00", "equal"),
    ("=100%", "98%", 10, "9.80", "equal"),
    ("=100%", "102%", 10, "9.80", "equal"),
    ("=100%", "99.995%", 10, "10.00", "equal"),  # within the relative tolerance
    ("等于12次", "0次", 6, "0.00", "equal"),
    # zero targets
    ("0投诉", "0", 5, "5.00", "zero-target"),
    ("0投诉", "零投诉", 5, "5.00", "zero-target"),
    ("0投诉", "无投诉", 5, "5.00", "zero-target"),
    ("0投诉", "2", 5, "0.00", "zero-target"),
    ("≤0", "0", 5, "5.00", "zero-target"),
    ("≤0", "1", 5, "0.00", "zero-target"),
    ("=0起", "0起", 3, "3.00", "zero-target"),
    ("=0起", "1起", 3, "0.00", "zero-target"),
    ("≥0", "5", 5, "5.00", "zero-target"),  # always met
    # qualitative
    ("完成", "完成", 12, "12.00", "qualitative"),  # seed
    ("达成预期指标", "达成预期指标", 10, "10.00", "qualitative"),
    ("达成预期指标", "部分达成", 10, "7.00", "qualitative"),
    ("达成预期指标", "未达成", 10, "3.00", "qualitative"),
    ("效果明显", "有一定效果", 7, "4.90", "qualitative"),
    ("满意", "满意", 10, "10.00", "qualitative"),
    ("满意", "基本满意", 10, "7.00", "qualitative"),
    ("12月底之前完成", "按时完成", 5, "5.00", "qualitative"),
    ("12月底之前完成", "12月底之前完成", 5, "5.00", "qualitative"),
    ("否", "否", 4, "4.00", "qualitative"),
    # not applicable
    ("不适用", "不适用", 5, None, "not-applicable"),
    ("≥95%", "不适用", 5, None, "not-applicable"),
    # unscorable
    ("≥95%", 0.96, 10, None, "unscorable"),  # 0.96 vs 95%: ambiguous, not guessed
    ("≥10个", "9次", 10, None, "unscorable"),  # incompatible units
    ("≥100平方米", "1亩", 10, None, "unscorable"),
    ("≥95%", "完成", 10, None, "unscorable"),
    ("满意", "100%", 10, None, "unscorable"),
    ("达成预期指标", "重点工作任务", 10, None, "unscorable"),
    ("否", "是", 4, None, "unscorable"),
    ("无", "34万元", 12, None, "unscorable"),  # seed: 无 target
    (None, None, 14, None, "unscorable"),  # seed: blank row with a 分值
    ("≥95%", None, 10, None, "unscorable"),
    ("≥95%", "无", 10, None, "unscorable"),
    ("=0起", "无", 3, "3", "zero-target"),  # 无 against a zero target: none happened
    ("完成率100%", "100%", 10, None, "unscorable"),
    ("≥95%", ErrorValue("#DIV/0!"), 10, None, "unscorable"),
    ("≥95%", "96%", None, None, "unscorable"),
    ("≥95%", "96%", "十分", None, "unscorable"),
    ("≥95%", "96%", -5, None, "unscorable"),
    ("≥-5%", "1%", 5, None, "unscorable"),
]


@pytest.mark.parametrize("target, actual, weight, score, method", CASES)
def test_indicator_score(target, actual, weight, score, method):
    result = indicator_score(target, actual, weight)
    assert result.method == method, result
    assert result.score == (None if score is None else Decimal(score)), result
    assert result.note


def test_accepts_parsed_values():
    raw = indicator_score("≥95%", "90%", 10)
    parsed = indicator_score(parse_target("≥95%"), parse_actual("90%"), Decimal(10))
    assert raw == parsed
    assert indicator_score(Target("forward", Quantity(Decimal(95), "%")), Quantity(Decimal(90), "%"), 10) == raw


NOTES = [
    ("≥95%", "90%", "实际完成值 90% 低于指标值 95%，按 90%/95% 计分"),
    ("≤90万元", "100万元", "实际完成值 100万元 超过指标值 90万元，按 90万元/100万元 计分"),
    ("34万元", "340000元", "换算为 34万元"),
    ("≥95%", "130%", "超额较多，应分析原因（不自动扣分）"),
    ("≥95%", 90, "未写单位，按“%”理解"),
    ("≥95%", 0.96, "无法判断是 0.96% 还是 96%"),
    ("≥10个", "9次", "单位不一致：指标值为“个”，实际完成值为“次”"),
    ("≥0", "5", "恒达成"),
    ("达成预期指标", "部分达成", "按分值的 70% 计分"),
    ("不适用", "", "不适用"),
    ("", "96%", "缺少年度指标值"),
    ("≥95%", "", "缺少实际完成值"),
    ("完成率100%", "100%", "指标值无法识别：无法识别指标值：“完成率100%”"),
]


@pytest.mark.parametrize("target, actual, fragment", NOTES)
def test_notes(target, actual, fragment):
    assert fragment in indicator_score(target, actual, 10).note


@pytest.mark.parametrize(
    "target, actual, ratio",
    [("≥95%", "114%", "1.2"), ("34万元", "17万元", "0.5"), ("≤90万元", "45万元", "0.5"), ("完成", "完成", None)],
)
def test_ratio(target, actual, ratio):
    assert indicator_score(target, actual, 10).ratio == (None if ratio is None else Decimal(ratio))


def test_qualitative_level_is_reported():
    assert indicator_score("满意", "基本满意", 10).level == "partial"


def test_policy_defaults_and_places():
    policy = ScoringPolicy(qualitative_bands=(Decimal("0.8"), Decimal("0.5")), qualitative_defaults=(1, Decimal("0.6"), Decimal("0.2")))
    assert indicator_score("完成", "基本完成", 10, policy).score == Decimal("6.00")
    assert indicator_score("完成", "未完成", 10, policy).score == Decimal("2.00")
    assert indicator_score("≥95%", "90%", 10, ScoringPolicy(score_places=0)).score == Decimal("9")


def test_over_achievement_edge_is_policy():
    assert "超额" in indicator_score("≥100%", "115%", 10, ScoringPolicy(over_achievement=Decimal("1.1"))).note
    assert "超额" not in indicator_score("≥100%", "115%", 10).note
