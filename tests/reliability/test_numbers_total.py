"""Item 1 (huge and tiny numbers) as properties: every reader, money helper, scorer and worksheet
function is total — any number (±1e±400 as Decimal, int or text; floats with nan, inf, −0.0 and
subnormals) and any text gives a value or a Bad/unscorable/message, never an exception, never a
non-finite number or a negative zero, and every score lies in [0, 分值]."""
from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from perfxl.core import money, scoring, values
from perfxl.core.policy import DEFAULT_POLICY
from perfxl.core.values import Bad, Quantity, Target
from perfxl.excel import udfs

# ---------------------------------------------------------------------------- inputs

mantissas = st.decimals(min_value=Decimal("-9.999999"), max_value=Decimal("9.999999"), places=6,
                        allow_nan=False, allow_infinity=False)
exponents = st.integers(min_value=-400, max_value=400)
wide_decimals = st.builds(lambda m, e: m.scaleb(e), mantissas, exponents)
odd_decimals = st.sampled_from([Decimal("NaN"), Decimal("-NaN"), Decimal("sNaN"), Decimal("Infinity"),
                                Decimal("-Infinity"), Decimal("-0"), Decimal("-0E-30"), Decimal("0E+400"),
                                Decimal("1E+999999999999999999"), Decimal("1E-999999999999999999"),
                                Decimal("1" * 40), Decimal("0." + "0" * 29 + "1")])
floats = st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True)
ints = st.integers(min_value=-10**40, max_value=10**40) | st.sampled_from([10**15, -10**15, 10**15 - 1, 10**400])
numbers = wide_decimals | odd_decimals | floats | ints


def _as_text(x) -> str:
    if isinstance(x, Decimal) and x.is_finite() and abs(x.adjusted()) < 60:
        return format(x, "f")
    return str(x)


units = st.sampled_from(["", "万元", "元", "%", "亿元", "人次", "万人次", "分", "个", "‰", "千元"])
ops = st.sampled_from(["", "≥", "≤", "=", ">=", "不低于", "控制在", "不超过"])
number_texts = st.builds(lambda op, x, u: f"{op}{_as_text(x)}{u}", ops, numbers, units)
texts = st.text(max_size=40) | number_texts | st.text(alphabet="0123456789,.%-万元≥≤=分 ", max_size=60)
raws = st.none() | numbers | texts | st.booleans()

# ---------------------------------------------------------------------------- checks


def finite(value) -> None:
    """A result may be None, a str, a Bad, or numbers that are finite and never −0."""
    if isinstance(value, Decimal):
        assert value.is_finite(), value
        assert not (value.is_zero() and value.is_signed()), value
    elif isinstance(value, float):
        assert math.isfinite(value), value
        assert not (value == 0 and math.copysign(1, value) < 0), value
    elif isinstance(value, Quantity):
        finite(value.value)
    elif isinstance(value, Target):
        if value.quantity is not None:
            finite(value.quantity)
    elif isinstance(value, scoring.ScoreResult):
        finite(value.score)
        finite(value.ratio)
        assert value.note
    elif isinstance(value, Bad):
        assert value.reason
    else:
        assert value is None or isinstance(value, (str, int)), type(value)


def within(score, weight) -> None:
    if score is None:
        return
    w = scoring.read_number(weight) if not isinstance(weight, Decimal) else weight
    assert isinstance(w, Decimal)
    assert Decimal(0) <= score <= w, (score, w)


READERS = [values.read_amount, lambda r: values.read_amount(r, "元"), values.read_rate, values.read_quantity,
           values.read_int, values.parse_target, values.parse_actual, scoring.read_number]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(raws)
def test_readers_are_total(raw):
    for reader in READERS:
        finite(reader(raw))
    values.is_blank(raw)
    values.is_not_applicable(raw)
    values.qualitative_level(raw)
    values.parse_cap(raw)


@settings(max_examples=300)
@given(raws, raws, raws)
def test_indicator_score_is_total_and_bounded(target, actual, weight):
    result = scoring.indicator_score(target, actual, weight)
    finite(result)
    within(result.score, weight)


@settings(max_examples=300)
@given(st.sampled_from(["forward", "reverse", "equal", "qualitative"]), numbers, numbers, numbers,
       st.sampled_from([None, "%", "万元", "元", "人次"]))
def test_indicator_score_on_parsed_values(kind, t, a, w, unit):
    target = Target(kind, Quantity(t, unit) if isinstance(t, Decimal) else None, phrase="完成", text="x")
    actual = Quantity(a, unit) if isinstance(a, Decimal) else a
    result = scoring.indicator_score(target, actual, w)
    finite(result)
    if isinstance(w, Decimal) and result.score is not None:
        assert Decimal(0) <= result.score <= w


@settings(max_examples=300)
@given(raws, raws, raws)
def test_exec_and_bands_are_total(budget, executed, weight):
    rate = scoring.exec_rate(budget, executed)
    finite(rate)
    for r in (rate, budget):
        score = scoring.exec_score(r, weight)
        finite(score)
        within(score, weight)
    finite(scoring.band_of(budget, weight))
    try:
        label = scoring.grade(budget)
    except ValueError as exc:  # documented: no number, no grade
        assert str(exc) and not isinstance(scoring.read_number(budget), Decimal)
    else:
        assert label in {lab for _, lab in DEFAULT_POLICY.grade_bands} | {DEFAULT_POLICY.grade_below}


@settings(max_examples=200)
@given(st.lists(numbers | st.none(), max_size=5), st.lists(numbers, max_size=5))
def test_totals_are_total(scores, weights):
    finite(scoring.rescaled_total(scores, weights))


@settings(max_examples=300)
@given(wide_decimals | odd_decimals | floats | ints, st.integers(min_value=0, max_value=6))
def test_money_helpers_are_total_on_finite_numbers(x, places):
    try:
        d = money.D(x)
    except ValueError:  # documented: NaN and infinity are not numbers
        assert not Decimal(repr(x) if isinstance(x, float) else x).is_finite()
        return
    r = money.q(d, places)
    finite(r)
    assert money.close(d, d)
    assert isinstance(money.close(d, d.copy_negate()), bool)


UDF_UNITS = st.sampled_from([None, "", "万元", "元", "亿元", "%", "人次", "斤两"])


@settings(max_examples=300)
@given(raws, raws, raws, UDF_UNITS)
def test_worksheet_functions_are_total(a, b, c, unit):
    results = [udfs.PERF_SCORE(a, b, c), udfs.PERF_EXEC_RATE(a, b), udfs.PERF_EXEC_SCORE(a, b, c),
               udfs.PERF_GRADE(a), udfs.PERF_VALUE(a, unit)]
    for r in results:
        if isinstance(r, str):
            assert "内部错误" not in r and "\n" not in r, r
        else:
            finite(r)
    score = results[0]
    if isinstance(score, float):
        assert 0 <= score <= float(scoring.read_number(c))


@pytest.mark.parametrize("raw", [Decimal("1e26"), 1e26, "1e26", 10**26, Decimal("1e-30"), 1e-300, "0." + "0" * 29 + "1"])
def test_the_reported_cases(raw):
    """The examples that used to crash: 1e26 weights and totals, 1e-30 budgets and targets."""
    assert isinstance(udfs.PERF_GRADE(raw), str)
    finite(udfs.PERF_EXEC_RATE(raw, 5))
    finite(udfs.PERF_EXEC_RATE(1e-197, 1e249))
    finite(scoring.indicator_score("≥95%", "96%", raw))
    finite(scoring.indicator_score(raw, 5, 10))
    assert money.q(Decimal("1e26"), 2) == Decimal("1e26")


def test_limits_are_documented_values():
    assert values.MAX_MAGNITUDE_EXP == 15 and values.MIN_MAGNITUDE_EXP == -100 and values.MAX_DIGITS == 30
    assert isinstance(values.read_amount(Decimal("1e15")), Bad)
    assert values.read_amount(Decimal("999999999999999.99")) == Decimal("999999999999999.99")
    assert "数值过大" in values.read_amount(10**15).reason
    assert "数值过小" in values.read_amount(Decimal("1e-101")).reason
    assert "位数过多" in values.read_amount("1" * 31).reason
    assert values.read_amount(-0.0) == 0 and not values.read_amount(-0.0).is_signed()
    assert not values.read_amount("-0").is_signed()
    assert "过长" in values.parse_target("≥" + "9" * 1000 + "%").reason
