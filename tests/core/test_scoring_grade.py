"""Bands, totals, rescaling for 不适用, grades."""
from decimal import Decimal

import pytest

from perfxl.core.policy import ScoringPolicy
from perfxl.core.scoring import band_of, grade, rescaled_total, score_in_band

GRADES = [
    (100, "优"), (90, "优"), ("90.00", "优"), (Decimal("89.995"), "优"),  # printed as 90.00
    (Decimal("89.994"), "良"), (88, "良"), (80, "良"), (Decimal("79.99"), "中"), (60, "中"),
    (Decimal("59.99"), "差"), (0, "差"), ("88分", "良"),
]


@pytest.mark.parametrize("total, expected", GRADES)
def test_grade(total, expected):
    assert grade(total) == expected


def test_grade_on_integer_totals():
    policy = ScoringPolicy(total_places=0)
    assert grade(Decimal("89.5"), policy) == "优"
    assert grade(Decimal("89.49"), policy) == "良"


def test_grade_custom_bands():
    policy = ScoringPolicy.from_mapping({"grade_bands": [[85, "优"], [60, "合格"]], "grade_below": "不合格"})
    assert [grade(t, policy) for t in (86, 85, 70, 59)] == ["优", "优", "合格", "不合格"]


@pytest.mark.parametrize("total", [None, "abc", ""])
def test_grade_needs_a_number(total):
    with pytest.raises(ValueError):
        grade(total)


BANDS = [
    (10, 10, "full"), (8, 10, "full"), (Decimal("7.99"), 10, "partial"), (6, 10, "partial"),
    (Decimal("5.99"), 10, "poor"), (0, 10, "poor"), (12, 12, "full"), (Decimal("9.6"), 12, "full"),
    (None, 10, None), (5, 0, None), (5, None, None),
]


@pytest.mark.parametrize("score, weight, band", BANDS)
def test_band_of(score, weight, band):
    assert band_of(score, weight) == band


def test_band_lower_edge_variant():
    policy = ScoringPolicy(qualitative_bands=(Decimal("0.8"), Decimal("0.5")))
    assert band_of(Decimal("5.5"), 10, policy) == "partial"
    assert band_of(Decimal("5.5"), 10) == "poor"


@pytest.mark.parametrize(
    "level, score, ok", [("full", 10, True), ("full", 7, False), ("partial", 7, True), ("partial", 8, False), ("poor", 3, True)]
)
def test_score_in_band(level, score, ok):
    assert score_in_band(level, score, 10) is ok


def test_score_in_band_rejects_unknown_level():
    with pytest.raises(ValueError):
        score_in_band("优", 10, 10)


def test_rescaled_total():
    # 满意度 (10) 不适用: Σ得分 81 of Σ适用分值 90 → 90
    assert rescaled_total([Decimal(9), Decimal(45), Decimal(27)], [10, 50, 30]) == Decimal("90.00")
    assert rescaled_total([8, 40], [10, 40]) == Decimal("96.00")
    assert rescaled_total([8, None], [10, 40]) == Decimal("16.00")
    assert rescaled_total([], []) is None
    assert rescaled_total([8, 40], [10, 40], ScoringPolicy(not_applicable_rescale=False)) == Decimal("48.00")
