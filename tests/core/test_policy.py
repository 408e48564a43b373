"""ScoringPolicy: national defaults, validation, mapping round trip."""
import json
from decimal import Decimal

import pytest

from perfxl.core.policy import DEFAULT_POLICY, ScoringPolicy


def test_national_defaults():
    p = DEFAULT_POLICY
    assert dict(p.weights) == {"预算执行率": 10, "产出指标": 50, "效益指标": 30, "满意度指标": 10}
    assert p.exec_weight == 10
    assert p.exec_zero_below is None
    assert p.exec_reason_below == Decimal("0.9")
    assert p.over_achievement == Decimal("1.2")
    assert p.qualitative_bands == (Decimal("0.8"), Decimal("0.6"))
    assert p.qualitative_defaults == (1, Decimal("0.7"), Decimal("0.3"))
    assert [label for _, label in p.grade_bands] == ["优", "良", "中"] and p.grade_below == "差"
    assert p.score_places == 2 and p.total_places == 2
    assert p.not_applicable_rescale is True
    assert p.tolerance_amount == Decimal("0.01") and p.tolerance_rate == Decimal("0.0001")


def test_round_trip_through_json():
    mapping = DEFAULT_POLICY.as_mapping()
    assert ScoringPolicy.from_mapping(json.loads(json.dumps(mapping, ensure_ascii=False))) == DEFAULT_POLICY


def test_frozen_and_hashable():
    with pytest.raises(Exception):
        DEFAULT_POLICY.grade_below = "较差"  # type: ignore[misc]
    assert hash(DEFAULT_POLICY) == hash(ScoringPolicy())


VARIANTS = [
    {"weights": {"预算执行率": 10, "产出指标": 60, "效益指标": 30}},
    {"weights": {"预算执行率": 20, "产出指标": 40, "效益指标": 20, "满意度指标": 20}},
    {"exec_reason_below": "0.85"},
    {"exec_zero_below": "0.6"},
    {"qualitative_bands": [0.8, 0.5]},
    {"total_places": 0},
    {"not_applicable_rescale": False},
    {"grade_bands": [[85, "优"], [75, "良"], [60, "合格"]], "grade_below": "不合格"},
]


@pytest.mark.parametrize("mapping", VARIANTS)
def test_provincial_variants(mapping):
    policy = ScoringPolicy.from_mapping(mapping)
    assert ScoringPolicy.from_mapping(policy.as_mapping()) == policy
    assert policy != DEFAULT_POLICY


def test_floats_become_decimals():
    policy = ScoringPolicy.from_mapping({"over_achievement": 1.3, "exec_zero_below": 0.6})
    assert policy.over_achievement == Decimal("1.3") and isinstance(policy.over_achievement, Decimal)
    assert ScoringPolicy(over_achievement=1.3).over_achievement == Decimal("1.3")


INVALID = [
    ({"foo": 1}, "未知的评分设置项：foo"),
    ({"weights": {"产出指标": 60}}, "权重之和应为 100"),
    ({"weights": {"预算执行率": -10, "产出指标": 110}}, "权重不能为负数"),
    ({"weights": [1, 2]}, "weights"),
    ({"exec_reason_below": "1.5"}, "exec_reason_below"),
    ({"exec_zero_below": 60}, "exec_zero_below"),
    ({"over_achievement": "0.9"}, "over_achievement"),
    ({"qualitative_bands": [0.6, 0.8]}, "qualitative_bands"),
    ({"qualitative_defaults": [1, 0.9, 0.3]}, "qualitative_defaults"),
    ({"grade_bands": [[60, "中"], [90, "优"]]}, "grade_bands"),
    ({"score_places": "x"}, "score_places"),
    ({"score_places": 2.5}, "score_places"),
    ({"not_applicable_rescale": "yes"}, "not_applicable_rescale"),
    ({"equality_tolerance": "abc"}, "equality_tolerance"),
    ([1, 2], "键值表"),
]


@pytest.mark.parametrize("mapping, fragment", INVALID)
def test_invalid_settings_have_chinese_errors(mapping, fragment):
    with pytest.raises(ValueError) as info:
        ScoringPolicy.from_mapping(mapping)
    assert fragment in str(info.value)
