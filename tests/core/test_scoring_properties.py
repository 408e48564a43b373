"""Property tests for scoring: bounds, monotonicity, grades."""
from decimal import Decimal

from hypothesis import given, strategies as st

from perfxl.core.policy import DEFAULT_POLICY
from perfxl.core.scoring import exec_score, grade, indicator_score
from perfxl.core.values import Quantity, Target

values = st.decimals(min_value=Decimal("-100"), max_value=Decimal("100000"), places=2, allow_nan=False, allow_infinity=False)
targets = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=Decimal("0"), max_value=Decimal("100"), places=2, allow_nan=False, allow_infinity=False)
kinds = st.sampled_from(["forward", "reverse", "equal"])
phrases = st.sampled_from(["完成", "基本完成", "未完成", "满意", "效果一般", "效果较差", "重点工作", "达成预期指标"])


@given(kinds, st.one_of(targets, st.just(Decimal(0))), values, weights)
def test_quantitative_score_within_weight(kind, t, a, w):
    result = indicator_score(Target(kind, Quantity(t, "%")), Quantity(a, "%"), w)
    assert result.score is not None
    assert Decimal(0) <= result.score <= w


@given(phrases, phrases, weights)
def test_qualitative_score_within_weight(t, a, w):
    result = indicator_score(t, a, w)
    assert result.score is None or Decimal(0) <= result.score <= w


@given(st.text(max_size=10), st.text(max_size=10), weights)
def test_any_text_never_raises_and_stays_in_bounds(t, a, w):
    result = indicator_score(t, a, w)
    assert result.score is None or Decimal(0) <= result.score <= w
    assert result.note


@given(targets, values, values, weights)
def test_forward_monotone_in_actual(t, a1, a2, w):
    lo, hi = sorted((a1, a2))
    target = Target("forward", Quantity(t, "个"))
    assert indicator_score(target, Quantity(lo, "个"), w).score <= indicator_score(target, Quantity(hi, "个"), w).score


@given(targets, values, values, weights)
def test_reverse_antitone_in_actual(t, a1, a2, w):
    lo, hi = sorted((a1, a2))
    target = Target("reverse", Quantity(t, "万元"))
    assert indicator_score(target, Quantity(lo, "万元"), w).score >= indicator_score(target, Quantity(hi, "万元"), w).score


@given(targets, targets, weights)
def test_yuan_and_wan_score_alike(t, a, w):
    in_wan = indicator_score(f"≥{t}万元", f"{a}万元", w)
    in_yuan = indicator_score(f"≥{t}万元", f"{a * 10000}元", w)
    assert in_wan.score == in_yuan.score


@given(st.decimals(min_value=Decimal("-1"), max_value=Decimal("10"), places=4, allow_nan=False, allow_infinity=False), weights)
def test_exec_score_within_weight(rate, w):
    score = exec_score(rate, w)
    assert Decimal(0) <= score <= w


@given(st.decimals(min_value=Decimal("0"), max_value=Decimal("100"), places=3, allow_nan=False, allow_infinity=False),
       st.decimals(min_value=Decimal("0"), max_value=Decimal("100"), places=3, allow_nan=False, allow_infinity=False))
def test_grade_monotone_in_total(a, b):
    order = {label: i for i, (_, label) in enumerate(DEFAULT_POLICY.grade_bands)}
    order[DEFAULT_POLICY.grade_below] = len(order)
    lo, hi = sorted((a, b))
    assert order[grade(hi)] <= order[grade(lo)]
